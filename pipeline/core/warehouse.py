"""Stage tables into a new DuckDB file and publish it atomically.

The next warehouse is written beside the published one; only after every blocking
check passed is it checkpointed, fsynced and moved over the old file with
``os.replace``. A reader holding the old file keeps its (unlinked) inode and reads
consistent data; a failed run never touches the published file.
"""
from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

# Table name -> columns that give a stable row order (IDs are content-derived).
TABLE_ORDER = {
    "sources": ["source_file"],
    "documents": ["document_id"],
    "measurements": ["source_file", "char_start", "char_end", "kind"],
    "facts": ["document_id", "fact_id"],
    "commitments": ["document_id", "ordinal"],
    "discrepancies": ["discrepancy_id"],
    "validation_results": ["suite", "expectation", "column_name"],
}


def sql(name: str) -> str:
    return resources.files("pipeline").joinpath("sql", name).read_text(encoding="utf-8")


def create_staging(staging_path: Path) -> None:
    """A fresh, empty database with the contract's schema (an earlier failed run's leftovers go)."""
    staging_path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (staging_path, staging_path.with_name(staging_path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    with duckdb.connect(str(staging_path)) as con:
        con.execute(sql("schema.sql"))
        con.execute(sql("views.sql"))


def load_table(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Bulk-load a DataFrame (DuckDB reads it through Arrow, not row by row), in a stable order."""
    columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"table {table}: the frame lacks columns {missing}")
    ordered = frame.sort_values(TABLE_ORDER[table], kind="stable") if len(frame) else frame
    con.register("incoming", _arrow(ordered[columns]))
    try:
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} SELECT * FROM incoming")
    finally:
        con.unregister("incoming")
    return len(frame)


def _arrow(frame: pd.DataFrame):
    """The frame as an Arrow table, the zero-copy path DuckDB scans in bulk.

    Arrow infers a column's type from every value, where DuckDB's pandas scan samples the
    first rows: a list column whose first rows are empty (``conflicting_values`` of facts
    without conflicts) would otherwise be read as a list of NULL and fail on the first
    list holding a number. A column Arrow cannot type (mixed objects) stays pandas.
    """
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame


def publish(staging_path: Path, warehouse_path: Path) -> None:
    """Checkpoint, close, fsync, then atomically replace the published file."""
    with duckdb.connect(str(staging_path)) as con:
        con.execute("CHECKPOINT")
    fd = os.open(staging_path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(staging_path, warehouse_path)
    dir_fd = os.open(warehouse_path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def table_checksums(path: Path) -> dict[str, str]:
    """An order-sensitive checksum of every table's content (for the determinism test)."""
    out = {}
    with duckdb.connect(str(path), read_only=True) as con:
        for table in TABLE_ORDER:
            rows = con.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


def row_counts(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLE_ORDER}
