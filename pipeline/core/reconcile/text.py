"""Text features: words, content words and word 3-shingles -- whether two texts share wording.

Figures are compared apart from the wording (amounts.py): they survive a re-translation, words
do not."""

from __future__ import annotations

import re
import zlib

import numpy as np

from .memo import run_cache
from .vocabulary import STOP_WORDS

_WORD = re.compile(r"[a-z]+")
SHINGLE = 3


def words(s: str) -> list[str]:
    """Lower-case words without numbers (figures are compared separately)."""
    return _WORD.findall(s.lower())


@run_cache(maxsize=1 << 18)
def content_words(s: str) -> frozenset[str]:
    # cached: one sentence is compared many times (each figure it states, each version of it)
    return frozenset(_stem(w) for w in words(s) if len(w) > 2 and w not in STOP_WORDS)


def _stem(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def shingles(text: str) -> np.ndarray:
    """Word 3-shingles as sorted unique 32-bit hashes: a numpy array takes 4 bytes a shingle where a
    Python set takes ~60 (10,000 files hold ~8 million shingles), and pickles in one copy."""
    ws = words(text)
    grams = [" ".join(ws)] if len(ws) < SHINGLE else [f"{a} {b} {c}" for a, b, c in zip(ws, ws[1:], ws[2:])]
    return np.unique(np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint32, count=len(grams)))


def text_overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller shingle array inside the larger one (containment)."""
    return np.intersect1d(a, b, assume_unique=True).size / min(a.size, b.size) if a.size and b.size else 0.0


def overlap(a: frozenset | set, b: frozenset | set) -> float:
    """Share of the smaller set inside the larger one (containment)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def jaccard(a: frozenset | set, b: frozenset | set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def prose_chars(text: str) -> int:
    return sum(len(line) for line in text.splitlines() if len(line.split()) >= 8)
