"""Sentences of a text with their offsets, and versions of one text aligned sentence by sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.extract.sentences import Sentences

_KEY_DROP = re.compile(r"[\W\d_]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Non-empty sentences with Python str offsets into ``text`` (white space trimmed), cut where the
    extractor cuts them (pipeline/core/extract/sentences.py: "U.S." and "Jr." do not end one)."""
    starts = Sentences(text).starts + [len(text)]
    out: list[Sentence] = []
    for start, end in zip(starts, starts[1:]):
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            begin = start + len(piece) - len(piece.lstrip())
            out.append(Sentence(begin, begin + len(stripped), stripped))
    return out


def sentence_key(text: str) -> str:
    """Words only, lower case, no digits: two wordings of one sentence with other figures match."""
    return _KEY_DROP.sub(" ", text.lower()).strip()


MIN_SIMILARITY = 0.4  # share of words (Jaccard) for two sentences to be one, reworded


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return len(a & b) / len(a | b)


def align(spine: list[str], other: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs (index in spine, index in other), in reading order; None where one side has no sentence.

    The order-keeping pairing with the most shared wording (a dynamic programme over the two lists
    of sentences, each scored by the share of words they have in common, figures left out): a
    copy's sentences pair with their twins, a re-translation's with the sentences they reword.
    """
    a = [frozenset(sentence_key(s).split()) for s in spine]
    b = [frozenset(sentence_key(s).split()) for s in other]
    n, m = len(a), len(b)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = score[i], score[i + 1]
        for j in range(m - 1, -1, -1):
            best = below[j] if below[j] >= row[j + 1] else row[j + 1]
            sim = _similarity(a[i], b[j])
            if sim >= MIN_SIMILARITY and below[j + 1] + sim > best:
                best = below[j + 1] + sim
            row[j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        sim = _similarity(a[i], b[j])
        if sim >= MIN_SIMILARITY and score[i][j] == score[i + 1][j + 1] + sim:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs.extend((k, None) for k in range(i, n))
    pairs.extend((None, k) for k in range(j, m))
    return pairs


def align_versions(spine: list[str], others: list[list[str]]) -> list[list[int | None]]:
    """Rows of sentence indices, one column per version (spine first): the spine's sentences in
    order, each other version's matched sentence beside it and its own sentences on rows of their
    own after the spine sentence they follow."""
    rows: list[list[int | None]] = [[i] + [None] * len(others) for i in range(len(spine))]
    extras: dict[int, list[list[int | None]]] = {}  # after spine sentence k (-1: before the first)
    for col, other in enumerate(others, start=1):
        last = -1
        for i, j in align(spine, other):
            if i is not None:
                last = i
                if j is not None:
                    rows[i][col] = j
            elif j is not None:
                row: list[int | None] = [None] * (len(others) + 1)
                row[col] = j
                extras.setdefault(last, []).append(row)
    out = list(extras.get(-1, []))
    for i, row in enumerate(rows):
        out.append(row)
        out.extend(extras.get(i, []))
    return out
