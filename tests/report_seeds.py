"""A warehouse of the seed statements built from the pure core (no Dagster, no GX), for the report's tests."""
from __future__ import annotations

import shutil
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


JOINT_STORY = "story_joint"


def one_story_warehouse(seeds_warehouse: Path, path: Path) -> tuple[Path, str, str]:
    """A copy of the seeds' warehouse where the two documents of the 51-vs-53 migrants discrepancy are one
    story, whose claim of that figure merges both facts and disagrees; returns (path, document a, document b)."""
    shutil.copyfile(seeds_warehouse, path)
    with duckdb.connect(str(path)) as con:
        a, b, fa, fb = con.execute("""SELECT document_id_a, document_id_b, fact_id_a, fact_id_b FROM discrepancies
                                      WHERE subject ILIKE '%migrant%'""").fetchone()
        gone = [s for (s,) in con.execute("SELECT story_id FROM stories WHERE list_has_any(document_ids, [?, ?])",
                                          [a, b]).fetchall()]
        con.execute("DELETE FROM claims WHERE list_contains(?, story_id)", [gone])
        con.execute("DELETE FROM stories WHERE list_contains(?, story_id)", [gone])
        con.execute("INSERT INTO stories VALUES (?, 'Migrants found in a trailer: two statements', DATE '2022-10-14', 2, [?, ?])",
                    [JOINT_STORY, a, b])
        con.execute("UPDATE documents SET story_id = ? WHERE document_id IN (?, ?)", [JOINT_STORY, a, b])
        con.execute("UPDATE discrepancies SET story_id_a = ?, story_id_b = ? WHERE fact_id_a = ?", [JOINT_STORY, JOINT_STORY, fa])
        con.execute("""INSERT INTO claims SELECT 'claim_' || fact_id, ?, kind, value, unit, value_kg, subject, 1,
                              [document_id], [fact_id], has_conflict
                       FROM facts WHERE document_id IN (?, ?) AND fact_id NOT IN (?, ?)""", [JOINT_STORY, a, b, fa, fb])
        con.execute("""INSERT INTO claims SELECT 'claim_migrants', ?, kind, value, unit, value_kg, subject, 2, [?, ?],
                              [?, ?], true FROM facts WHERE fact_id = ?""", [JOINT_STORY, a, b, fa, fb, fa])
    return path, a, b
