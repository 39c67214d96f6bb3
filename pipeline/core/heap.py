"""Giving freed memory back to the system.

glibc keeps the small blocks a step frees in its arenas, so a process's RSS only grows from step
to step of a run (the 10,000-file run peaked in its last step with the earlier steps' frames long
freed). ``malloc_trim`` returns them; elsewhere (musl, macOS) there is nothing to call and freed
memory is reused by the process anyway.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc


def trim() -> None:
    gc.collect()  # frames caught in reference cycles are freed only by the collector
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
