"""Caches that live for one reconciliation.

A sentence or a figure is compared many times within a run (each version, each candidate pair),
so the comparisons are memoized; kept after the run the memos held about 560 MB at 10,000 files
(their keys carry whole sentences), so ``clear`` empties them when a reconciliation is done and
hands the freed heap back to the system.
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

_CACHES: list = []


def run_cache(maxsize: int):
    """``functools.lru_cache(maxsize)``, emptied by ``clear``."""
    def wrap(fn):
        cached = lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cached
    return wrap


def clear() -> None:
    for cached in _CACHES:
        cached.cache_clear()
    _trim_heap()


def _trim_heap() -> None:
    # glibc keeps freed small blocks in its arenas; malloc_trim returns them (364 MB at 10,000
    # files). Elsewhere (musl, macOS) there is nothing to call and the memory is reused anyway.
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass
