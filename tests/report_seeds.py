"""A warehouse of the seed statements built from the pure core (no Dagster, no GX), for the report's tests."""
from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.core.tables import measurements_frame, published_frames, reconciled_frames, source_texts_frame
from pipeline.core.warehouse import create_staging, load_tables, release

SEEDS = Path(__file__).resolve().parent.parent / "sources"


def build_seeds_warehouse(path: Path, sources: Path = SEEDS) -> Path:
    texts = source_texts_frame(sources, max_bytes=5_000_000)
    measurements = measurements_frame(texts)
    frames = published_frames(texts, measurements, reconciled_frames(texts, measurements))
    create_staging(path)
    try:
        with duckdb.connect(str(path)) as con:
            contract = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        load_tables(path, {name: frame for name, frame in frames.items() if name in contract})
        with duckdb.connect(str(path)) as con:  # what a validation writes: one passed, one warning failed
            con.execute("""INSERT INTO validation_results (suite, table_name, expectation, column_name, success,
                               severity, unexpected_count) VALUES
                           ('facts', 'facts', 'expect_column_values_to_not_be_null', 'fact_id', true, 'error', 0),
                           ('measurements_plausibility', 'measurements', 'expect_column_values_to_be_between',
                            'value_kg', false, 'warning', 1)""")
    finally:
        release(path)
    return path
