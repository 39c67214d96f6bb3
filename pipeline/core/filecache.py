"""Per-file results cached by content hash and code version.

A rerun after one file was added redoes the per-file work (cleaning, extraction) of
that file only. The key is the file's sha256 plus the settings that change the result;
the namespace is a hash of the core modules' source, so a code change empties the cache
by construction rather than by anyone remembering to.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

# Modules whose code decides a file's measurements.
PER_FILE_MODULES = ("cleaning", "language", "numbers", "units", "subjects", "mentions", "measure")
# ... and, on top of those, a file's reconciliation profile (figure keys, shingles, metadata).
PROFILE_MODULES = PER_FILE_MODULES + ("reconcile", "metadata")


def code_version(modules: tuple[str, ...] = PER_FILE_MODULES) -> str:
    h = hashlib.sha256()
    for name in modules:
        h.update(resources.files("pipeline.core").joinpath(f"{name}.py").read_bytes())
    return h.hexdigest()[:12]


class FileCache:
    def __init__(self, root: Path | None, namespace: str):
        self.root = root
        self.dir = root / namespace if root is not None else None
        self.hits = self.misses = 0

    def with_namespace(self, namespace: str) -> "FileCache":
        """A cache in the same folder for another kind of result (another code version)."""
        return FileCache(self.root, namespace)

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> Any | None:
        if self.dir is None:
            self.misses += 1
            return None
        try:
            with self._path(key).open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if self.dir is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # write-then-rename: a crash never leaves a half-written entry that a later run trusts
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
