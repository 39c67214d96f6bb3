"""Sentences of a text with their offsets, and versions of one text aligned sentence by sentence."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# a sentence ends at . ! ? (before white space) or at a line break
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n+")
_KEY_DROP = re.compile(r"[\W\d_]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Non-empty sentences with Python str offsets into ``text`` (white space trimmed)."""
    out: list[Sentence] = []
    pos = 0
    for match in _BOUNDARY.finditer(text):
        _add(out, text, pos, match.start() if match.group(0).isspace() else match.start() + len(match.group(0).rstrip()))
        pos = match.end()
    _add(out, text, pos, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    out.append(Sentence(start, start + len(stripped), stripped))


def sentence_key(text: str) -> str:
    """Words only, lower case, no digits: two wordings of one sentence with other figures match."""
    return _KEY_DROP.sub(" ", text.lower()).strip()


def align(spine: list[str], other: list[str]) -> list[tuple[int | None, int | None]]:
    """Pairs (index in spine, index in other), in reading order; None where one side has no sentence.

    Sentences are compared by `sentence_key`; a replaced run is paired one to one as far as it goes.
    """
    a = [sentence_key(s) for s in spine]
    b = [sentence_key(s) for s in other]
    pairs: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2)))
        elif op == "delete":
            pairs.extend((i, None) for i in range(i1, i2))
        elif op == "insert":
            pairs.extend((None, j) for j in range(j1, j2))
        else:  # replace: pair what is similar enough, keep the rest on its own row
            for i, j in zip(range(i1, i2), range(j1, j2)):
                if difflib.SequenceMatcher(None, a[i], b[j], autojunk=False).ratio() >= 0.5:
                    pairs.append((i, j))
                else:
                    pairs.extend([(i, None), (None, j)])
            n = min(i2 - i1, j2 - j1)
            pairs.extend((i, None) for i in range(i1 + n, i2))
            pairs.extend((None, j) for j in range(j1 + n, j2))
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
