"""Caches that live for one reconciliation.

A sentence or a figure is compared many times within a run (each version, each candidate pair),
so the comparisons are memoized; kept after the run the memos held about 560 MB at 10,000 files
(their keys carry whole sentences), so ``clear`` empties them when a reconciliation is done and
hands the freed heap back to the system.
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.core import heap

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
    heap.trim()
