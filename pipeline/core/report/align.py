"""Sentences of a text with their offsets, and versions of one text aligned sentence by sentence."""
from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=1 << 16)
def _words(sentence: str) -> frozenset[str]:
    """A sentence's words as the alignment compares them; cached, as the spine is compared with every
    other version and boilerplate sentences recur across thousands of documents."""
    return frozenset(sentence_key(sentence).split())


MIN_SIMILARITY = 0.4  # share of words (Jaccard) for two sentences to be one, reworded


def align(spine: list[str], other: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs (index in spine, index in other), in reading order; None where one side has no sentence.

    The order-keeping pairing with the most shared wording (a dynamic programme over the two lists
    of sentences, each scored by the share of words they have in common, figures left out): a
    copy's sentences pair with their twins, a re-translation's with the sentences they reword.
    """
    if spine == other:  # an identical copy (often): sentence by sentence, no search
        return [(i, i) for i in range(len(spine))]
    a = [_words(s) for s in spine]
    b = [_words(s) for s in other]
    n, m = len(a), len(b)
    if a == b:  # the same words sentence by sentence (a copy with other typography or figures)
        return [(i, i) for i in range(n)]
    # the similarity of every pair that shares a word, found through an index of b's words
    where: dict[str, list[int]] = {}
    for j, words in enumerate(b):
        for w in words:
            where.setdefault(w, []).append(j)
    sims: list[dict[int, float]] = []
    sizes = [len(words) for words in b]
    for words in a:
        shared: dict[int, int] = {}
        for w in words:
            for j in where.get(w, ()):
                shared[j] = shared.get(j, 0) + 1
        size = len(words)
        near = {}
        for j, k in shared.items():
            sim = k / (size + sizes[j] - k)
            if sim >= MIN_SIMILARITY:
                near[j] = sim
        sims.append(near)
    for i, words in enumerate(a):  # two sentences without words (numbers only) are alike
        if not words:
            sims[i].update({j: 1.0 for j in range(m) if not b[j]})
    # score[i][j]: the best total from sentence i of spine and j of other on. A row differs from the
    # one below only from its rightmost similar pair leftwards, until it meets the row below again
    # (both never decrease leftwards), so only that stretch is computed: near-linear for versions
    # whose sentences pair near the diagonal, and the same numbers as the whole table.
    score: list[list[float]] = [[0.0] * (m + 1) for _ in range(n + 1)] if n == 0 else [None] * n + [[0.0] * (m + 1)]
    for i in range(n - 1, -1, -1):
        below, near = score[i + 1], sims[i]
        if not near:
            score[i] = below  # never written to again: rows are shared, not copied
            continue
        row = below[:]
        jmin = min(near)
        run = row[max(near) + 1]
        for j in range(max(near), -1, -1):
            best = below[j] if below[j] >= run else run
            sim = near.get(j)
            if sim is not None and below[j + 1] + sim > best:
                best = below[j + 1] + sim
            row[j] = run = best
            if j < jmin and best == below[j]:
                break
        score[i] = row
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        sim = sims[i].get(j)
        if sim is not None and score[i][j] == score[i + 1][j + 1] + sim:
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
