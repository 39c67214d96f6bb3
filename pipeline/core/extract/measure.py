"""Measurements of one source file: clean, extract, map offsets back to the original."""
from __future__ import annotations

import hashlib
from dataclasses import fields

from pipeline.core.extract.cleaning import CleanText
from pipeline.core.extract.mention import Mention
from pipeline.core.extract.mentions import extract_mentions


def measurement_id(source_file: str, sha256: str, char_start: int, char_end: int, kind: str) -> str:
    """Derived from content: the same file and span give the same ID on every run."""
    return hashlib.sha256(f"{source_file}:{sha256}:{char_start}:{char_end}:{kind}".encode()).hexdigest()[:16]


_FIELDS = [f.name for f in fields(Mention)]


def measure_text(cleaned: CleanText, tons_rule: str = "by_reporter") -> list[dict]:
    """The mentions of one text as rows; offsets and surfaces refer to the original text."""
    rows = []
    for m in extract_mentions(cleaned.text, tons_rule=tons_rule):
        start, end = cleaned.to_original(m.char_start, m.char_end)
        row = {f: getattr(m, f) for f in _FIELDS}  # flat fields: asdict's deep copy was a third of extraction time
        row.update(
            char_start=start,
            char_end=end,
            # the surface is the original characters, so text[char_start:char_end] == surface
            surface=cleaned.original[start:end],
            clean_start=m.char_start,
            clean_end=m.char_end,
        )
        rows.append(row)
    return rows
