"""Stage tables into a run's own DuckDB file, seal it once validated, publish it atomically.

The protocol, each step a function here (the Dagster assets only call them):

1. ``create_staging``: each run builds the next warehouse in a file of its own beside the
   published one (``.bicentennial.duckdb.staging-<run id>``), and holds an OS lock on it for as
   long as its process lives, so a later run can tell a live run's file from a crashed one's.
2. ``seal``: after validation, the staging file is checkpointed and its sha256 written to a
   verdict file together with whether every blocking check passed.
3. ``publish``: only a staging file whose verdict passed and whose bytes still hash to the
   verdict is moved over the published file -- under an OS-level lock on the warehouse path,
   so one writer publishes at a time, whatever process (CLI, UI, sensor, schedule) runs it.
   ``os.replace`` is atomic: a reader holding the old file keeps its (unlinked) inode and reads
   consistent data; a failed, concurrent or killed run never touches the published file.
4. ``remove_leftovers``: a run starts by deleting the staging files of runs whose process is
   gone (their OS lock is free), so a crash at any moment leaves nothing that blocks or leaks.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd
from filelock import FileLock, Timeout

from .ingest import sha256_file

# The oldest DuckDB storage format that keeps every type the warehouse uses (VARCHAR[], DATE,
# DOUBLE, BOOLEAN): DuckDB 2.0 writes format 69 by default, which every DuckDB 1.x client (the
# CLI most people have, DBeaver, R, BI tools) refuses to open. A file keeps the format it was
# created with when it is reopened and written later.
STORAGE_VERSION = "v1.0.0"
PUBLISH_LOCK_TIMEOUT = 600.0  # seconds a publish waits for another run's publish before giving up

# Table name -> columns that give a stable row order (IDs are content-derived).
TABLE_ORDER = {
    "sources": ["source_file"],
    "documents": ["document_id"],
    "measurements": ["source_file", "char_start", "char_end", "kind"],
    "facts": ["document_id", "fact_id"],
    "commitments": ["document_id", "ordinal"],
    "discrepancies": ["discrepancy_id"],
    "stories": ["story_id"],
    "claims": ["story_id", "claim_id"],
    "validation_results": ["suite", "expectation", "column_name"],
}


class PublishRefused(RuntimeError):
    """The publish step found nothing it may publish; the published file was not touched."""


def sql(name: str) -> str:
    return resources.files("pipeline").joinpath("sql", name).read_text(encoding="utf-8")


# -- paths ------------------------------------------------------------------------------------

_STAGING_MARK = ".staging-"


def staging_path(warehouse_path: Path, run_id: str) -> Path:
    """Where one run builds the next warehouse: beside the published file (same file system,
    so the final move is an atomic rename), named after the run."""
    return warehouse_path.with_name(f".{warehouse_path.name}{_STAGING_MARK}{run_id}")


def verdict_path(staging: Path) -> Path:
    return staging.with_name(staging.name + ".verdict.json")


def staged_docs_dir(staging: Path) -> Path:
    """This run's Great Expectations Data Docs, published with the warehouse they describe."""
    return staging.with_name(staging.name + ".data_docs")


def published_docs_dir(warehouse_path: Path) -> Path:
    return warehouse_path.parent / "data_docs"


def staged_report_dir(staging: Path) -> Path:
    """This run's static report (pipeline/core/report), published with the warehouse it describes."""
    return staging.with_name(staging.name + ".report")


def published_report_dir(warehouse_path: Path) -> Path:
    return warehouse_path.parent / "report"


def _owner_lock_path(staging: Path) -> Path:
    return staging.with_name(staging.name + ".owner")


def _publish_lock_path(warehouse_path: Path) -> Path:
    return warehouse_path.with_name(f".{warehouse_path.name}.lock")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


# -- 1. staging --------------------------------------------------------------------------------

# staging path -> the OS lock its run holds while its process lives (released by the OS on a crash)
_OWNED: dict[Path, FileLock] = {}


def claim(staging: Path) -> None:
    """Hold the staging file's owner lock in this process (idempotent)."""
    if staging not in _OWNED:
        lock = FileLock(_owner_lock_path(staging), thread_local=False)
        lock.acquire(timeout=0)
        _OWNED[staging] = lock


def release(staging: Path) -> None:
    lock = _OWNED.pop(staging, None)
    if lock is not None:
        lock.release()
        Path(lock.lock_file).unlink(missing_ok=True)


def create_staging(staging: Path) -> None:
    """A fresh, empty database with the contract's schema, in the storage format 1.x clients read."""
    staging.parent.mkdir(parents=True, exist_ok=True)
    claim(staging)
    for leftover in (staging, staging.with_name(staging.name + ".wal"), verdict_path(staging)):
        _remove(leftover)
    with duckdb.connect() as con:
        con.execute(f"ATTACH '{_quoted(staging)}' AS staging (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute("USE staging")
        con.execute(sql("schema.sql"))
        con.execute(sql("views.sql"))


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


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


def load_tables(staging: Path, frames: dict[str, pd.DataFrame]) -> None:
    with duckdb.connect(str(staging)) as con:
        for table, frame in frames.items():
            load_table(con, table, frame)


def read_tables(staging: Path, tables: list[str]) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(staging), read_only=True) as con:
        return {t: con.execute(f"SELECT * FROM {t}").df() for t in tables}


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


# -- 2. seal -----------------------------------------------------------------------------------

def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def seal(staging: Path, passed: bool, failures: list[str] | None = None) -> dict:
    """Checkpoint the staging file and record its checksum with the validation's verdict."""
    with duckdb.connect(str(staging)) as con:
        con.execute("CHECKPOINT")
    verdict = {"staging": staging.name, "sha256": sha256_file(staging), "passed": bool(passed),
               "failures": list(failures or [])[:50]}
    _write_atomically(verdict_path(staging), json.dumps(verdict, indent=1, sort_keys=True))
    return verdict


# -- 3. publish --------------------------------------------------------------------------------

def _verified(staging: Path) -> dict:
    """The staging file's verdict, when it proves the file is this run's validated warehouse."""
    verdict_file = verdict_path(staging)
    if not staging.exists() or not verdict_file.exists():
        raise PublishRefused(
            f"nothing to publish: this run staged and validated no warehouse ({staging.name} and its verdict are "
            "missing). Materialize the whole job (or the published asset with its upstream assets): the publish "
            "step only moves a file that the same run loaded and validated.")
    verdict = json.loads(verdict_file.read_text(encoding="utf-8"))
    if not verdict.get("passed"):
        reasons = "; ".join(verdict.get("failures", [])[:3])
        raise PublishRefused(f"not published: the blocking checks of this run failed ({reasons})")
    if sha256_file(staging) != verdict.get("sha256"):
        raise PublishRefused(f"not published: {staging.name} changed after it was validated")
    return verdict


def publish(staging: Path, warehouse_path: Path, timeout: float = PUBLISH_LOCK_TIMEOUT,
            on_wait: Callable[[str], None] | None = None) -> dict:
    """Move the validated staging file (and its Data Docs) over the published ones, under the lock."""
    verdict = _verified(staging)
    with publish_lock(warehouse_path, timeout, on_wait):
        _verified(staging)  # nothing changed it while this run waited for the lock
        _fsync(staging)
        os.replace(staging, warehouse_path)
        _fsync(warehouse_path.parent)
        replaced = []
        for staged, published in ((staged_docs_dir(staging), published_docs_dir(warehouse_path)),
                                  (staged_report_dir(staging), published_report_dir(warehouse_path))):
            replaced.extend(published.parent.glob(f".{published.name}.old-*"))  # left by a killed run
            if staged.is_dir():
                replaced.extend(_replace_dir(staged, published))
    verdict_path(staging).unlink(missing_ok=True)
    release(staging)
    remove_in_background(replaced)
    return verdict


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_dir(new: Path, target: Path) -> list[Path]:
    """Put ``new`` in ``target``'s place; the old one, moved aside, is returned for removal (a
    directory cannot be renamed over a non-empty one)."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}-{time.monotonic_ns()}")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    return [old] if old.exists() else []


def remove_in_background(paths: list[Path]) -> None:
    """Delete ``paths`` in a detached process. Unlinking the last report's pages (tens of thousands
    of files at 10,000 sources) took 5 to 27 s: no run waits for that, and a reader never sees it
    since the paths are no longer published. What a killed deleter leaves is swept by the next
    publish."""
    if paths:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys\nfor p in sys.argv[1:]: shutil.rmtree(p, True)",
                          *map(str, paths)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class publish_lock:
    """The OS-level lock on the warehouse path: one publisher at a time, across processes.

    A waiting publisher says who holds the lock (pid, host, what) every ``notice`` seconds and
    gives up after ``timeout`` seconds. The OS frees the lock when its holder dies (kill -9 too).
    """

    def __init__(self, warehouse_path: Path, timeout: float = PUBLISH_LOCK_TIMEOUT,
                 on_wait: Callable[[str], None] | None = None, notice: float = 10.0, what: str = "publish"):
        self.path = _publish_lock_path(warehouse_path)
        self.holder_file = self.path.with_name(self.path.name + ".holder")
        self.timeout, self.on_wait, self.notice, self.what = timeout, on_wait, notice, what
        self.lock = FileLock(self.path, thread_local=False)

    def holder(self) -> str:
        try:
            return self.holder_file.read_text(encoding="utf-8").strip() or "unknown"
        except OSError:
            return "unknown"

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                self.lock.acquire(timeout=max(0.0, min(self.notice, deadline - time.monotonic())))
                break
            except Timeout:
                if time.monotonic() >= deadline:
                    raise PublishRefused(f"not published: another run has held the warehouse lock {self.path} for "
                                         f"more than {self.timeout:.0f} s ({self.holder()})") from None
                if self.on_wait:
                    self.on_wait(f"waiting for the warehouse lock {self.path}, held by {self.holder()}")
        self.holder_file.write_text(f"pid {os.getpid()} on {socket.gethostname()}, {self.what} since "
                                    f"{time.strftime('%Y-%m-%d %H:%M:%S')}", encoding="utf-8")
        return self

    def __exit__(self, *exc):
        self.holder_file.unlink(missing_ok=True)
        self.lock.release()


# -- 4. leftovers ------------------------------------------------------------------------------

def remove_leftovers(warehouse_path: Path) -> list[Path]:
    """Delete the staging files (and their verdicts, Data Docs, WAL) of runs whose process is gone.

    A run holds its staging file's owner lock while its process lives; a lock this process can
    take at once belongs to a run that crashed, was killed or finished without publishing.
    """
    folder = warehouse_path.parent
    if not folder.is_dir():
        return []
    prefix = f".{warehouse_path.name}{_STAGING_MARK}"
    entries = [p for p in folder.iterdir() if p.name.startswith(prefix)]
    # ".<name>.staging-<run id>" and what hangs off it (".wal", ".verdict.json", ".data_docs", ".owner")
    stagings = sorted({folder / (prefix + p.name[len(prefix):].split(".")[0]) for p in entries})
    removed = []
    for staging in stagings:
        if staging in _OWNED:
            continue  # this process's own run
        owner_path = _owner_lock_path(staging)
        owner = FileLock(owner_path, thread_local=False)
        try:
            owner.acquire(timeout=0)
        except Timeout:
            continue  # a live run's
        try:
            for leftover in entries:
                if leftover.name.startswith(staging.name) and leftover != owner_path:
                    _remove(leftover)
                    removed.append(leftover)
        finally:
            owner.release()
            owner_path.unlink(missing_ok=True)
    return removed


# -- reading the published file ----------------------------------------------------------------

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
