"""The record of one quantity found in a text: where it is, what kind, value and unit, and what it
measures. Every step of extraction builds or reads these, so it lives apart from all of them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """One quantity: offsets into the text it was read from, and what it states."""

    char_start: int
    char_end: int
    surface: str
    kind: str  # mass|currency|count|percent|area|duration
    value: float | None
    unit: str
    unit_text: str
    value_kg: float | None
    unit_assumption: str | None
    subject: str | None
    qualifier: str | None
    sentence: str
    is_vague: bool = False
