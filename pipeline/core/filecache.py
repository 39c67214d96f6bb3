"""Per-file results cached by content hash and code version.

A rerun after one file was added redoes the per-file work (cleaning, extraction,
reconciliation profiles) of that file only. The key is the file's sha256 plus the
settings that change the result; the namespace is a hash of the core modules' source,
so a code change empties the cache by construction rather than by anyone remembering to.

Each namespace is one SQLite file (stdlib ``sqlite3``) of pickled values. One file per
entry cost ~0.7 ms a write on this machine (create, rename, directory entries): 20 s of
a 10,000-file run; SQLite writes a batch in one transaction. WAL mode lets Dask worker
processes read while another writes, and a crash loses at most the last batch, never
leaves a half-written entry that a later run trusts.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import sqlite3
import warnings
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

# Modules whose code decides a file's cleaned text and language (the chrome lines and function words
# are in the lexicon).
CLEAN_MODULES = ("extract/cleaning", "extract/language", "lexicon")
# Modules whose code decides a file's measurements: the whole extract package and its word lists.
PER_FILE_MODULES = ("extract", "lexicon")
# ... and, on top of those, a file's reconciliation profile and the last run's reconciled frames.
PROFILE_MODULES = PER_FILE_MODULES + ("reconcile", "metadata", "commitments", "tables")
# Modules whose code decides which rows passed the expectations (the rows' hashes, the derived frames).
VALIDATION_MODULES = ("validation",)
# Every namespace a run uses; the others are pruned.
CACHED_MODULE_SETS = (CLEAN_MODULES, PER_FILE_MODULES, PROFILE_MODULES, VALIDATION_MODULES)


def code_version(modules: tuple[str, ...] = PER_FILE_MODULES) -> str:
    """A hash of the code of ``modules``: each a module of pipeline.core (``"cleaning"``), a
    module of one of its packages (``"extract/units"``) or a whole package (``"extract"``)."""
    h = hashlib.sha256()
    core = Path(str(resources.files("pipeline.core")))
    for name in modules:
        if (core / name).is_dir():
            for path in sorted((core / name).rglob("*.py")):
                h.update(path.relative_to(core).as_posix().encode())
                h.update(path.read_bytes())
        else:
            h.update((core / f"{name}.py").read_bytes())
    return h.hexdigest()[:12]


_NAMESPACE_ENTRY = re.compile(r"[0-9a-f]{12}(?:\.sqlite(?:-wal|-shm)?|\.[\w-]+\.pickle(?:\.\d+\.tmp|\.tmp)?)?")


def prune(root: Path | None, keep: set[str]) -> list[str]:
    """Delete the caches of code versions other than ``keep`` (each code change starts a new
    one; without this the folder grows by a corpus's worth per change). Returns what went."""
    if root is None or not Path(root).is_dir():
        return []
    gone = []
    for entry in sorted(Path(root).iterdir()):
        if _NAMESPACE_ENTRY.fullmatch(entry.name) and entry.name.split(".")[0] not in keep:
            if entry.is_dir():
                shutil.rmtree(entry)  # the earlier one-file-per-entry layout
            else:
                entry.unlink(missing_ok=True)
            gone.append(entry.name)
    return gone


class FileCache:
    """``get``/``put`` one entry, ``get_many``/``put_many`` a batch; ``root=None`` caches nothing."""

    def __init__(self, root: Path | None, namespace: str):
        self.path = Path(root) / f"{namespace}.sqlite" if root is not None else None
        self.hits = self.misses = 0
        self._con: sqlite3.Connection | None = None

    def __getstate__(self) -> dict:
        # sent to Dask worker processes: each opens its own connection
        return {**self.__dict__, "_con": None}

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = sqlite3.connect(self.path, timeout=120)
            self._con.execute("PRAGMA journal_mode=WAL")
            self._con.execute("PRAGMA synchronous=NORMAL")  # a cache: durability of the last batch is not needed
            self._con.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        return self._con

    def _give_up(self, exc: Exception) -> None:
        """A cache that cannot be opened or written (a full disk, a damaged file, a folder
        without write permission) must not fail the run: it is switched off, with a warning."""
        warnings.warn(f"per-file cache {self.path} is not usable ({exc}); running without it", stacklevel=3)
        self.close()
        self.path = None

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """The cached values of those keys that have one."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        try:
            if self.path is not None and keys:
                con = self._connection()
                for i in range(0, len(keys), 900):  # SQLite's limit on bound parameters
                    chunk = keys[i:i + 900]
                    rows = con.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(chunk))})",
                                       chunk)
                    for key, blob in rows:
                        try:
                            found[key] = pickle.loads(blob)
                        except Exception:  # noqa: BLE001 -- damaged, or pickled by another library version
                            pass  # an entry this code cannot read is a miss
        except (OSError, sqlite3.Error) as exc:
            self._give_up(exc)
            found = {}
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: dict[str, Any]) -> None:
        if self.path is None or not items:
            return
        rows = [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items.items()]
        try:
            with self._connection() as con:  # one transaction
                con.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", rows)
        except (OSError, sqlite3.Error) as exc:
            self._give_up(exc)

    def get(self, key: str) -> Any | None:
        return self.get_many([key]).get(key)

    # One large value (the last reconciliation: tens of MB) goes to a file of its own beside
    # the database: for the 65 MB of the 10,000-file benchmark, written in 0.54 s against 1.04-1.11 s
    # as a SQLite row and read in 0.53 s against 0.65-0.79 s, and not through the WAL.
    def _large_path(self, key: str) -> Path | None:
        return self.path.with_name(f"{self.path.stem}.{key}.pickle") if self.path is not None else None

    def get_large(self, key: str) -> Any | None:
        path = self._large_path(key)
        try:
            if path is not None:
                with open(path, "rb") as f:
                    value = pickle.load(f)
                self.hits += 1
                return value
        except Exception:  # noqa: BLE001 -- absent, damaged, or pickled by another library version: a miss
            pass
        self.misses += 1
        return None

    def put_large(self, key: str, value: Any) -> None:
        path = self._large_path(key)
        if path is None:
            return
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # two runs at once never share a half-written file
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # a reader sees the old value or the new one, never half of one
        except OSError as exc:
            self._give_up(exc)

    def put(self, key: str, value: Any) -> None:
        self.put_many({key: value})

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
