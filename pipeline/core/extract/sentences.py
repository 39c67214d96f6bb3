"""Sentence spans of a text, found once and looked up by offset.

A mention's sentence is stored with it, and most context rules stop at the sentence's start (a
subject is never borrowed from the sentence before)."""
from __future__ import annotations

import bisect
import re

# Sentence boundaries: end punctuation then a capital or digit, or a line break. A period
# that ends an abbreviation ("U.S. Drug", "Dr. Sherwood") is not an ending; the checks sit
# after the first character so the engine can skip to candidate characters in C.
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "No", "Jr", "Sr", "Gen", "Lt", "Col", "Sgt", "Inc", "Co", "Corp",
                  "vs", "etc", "approx", "Gov", "Sen", "Rep", "Dept", "Ft", "Mt", "Sra", "Lic", "Ing",
                  # the months news agencies abbreviate ("since Oct. 1, 2024")
                  "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
# Abbreviations of one length share one look-behind (a look-behind must be fixed-width): five
# checks instead of thirty per period.
_BY_LENGTH: dict[int, list[str]] = {}
for _a in _ABBREVIATIONS:
    _BY_LENGTH.setdefault(len(_a), []).append(_a)
_NOT_ABBREV = r"(?<![\s.(\"'][A-Za-z]\.)" + "".join(rf"(?<!\b(?:{'|'.join(v)})\.)" for v in _BY_LENGTH.values())
# One character class first, not a top-level "\n|..." alternation: the engine then skips to
# candidate characters in C (about twice as fast over a long text).
_BOUNDARY = re.compile(
    r"[\n.!?](?:(?<=\n)|(?:(?<=\.)" + _NOT_ABBREV + r"|(?<=[!?]))[.!?]*[\"'’”)\]]*[^\S\n]+"
    r"(?=[\"'“‘(\[¿¡]?[A-Z0-9ÁÉÍÓÚÑ]))"
)


_SPANISH_DIGITS = re.compile(
    r"(?<![\d.,])[0-9]{1,3},[0-9]{1,2}(?![\d,])(?:[^\S\n]*(?:metric[^\S\n]+)?(?:tons?|tonnes?|kilograms?|kilos?|grams?|"
    r"pounds?|percent|million|billion|hectares?)\b|[^\S\n]?%)|"
    r"(?<![\d.,])[0-9]{1,3}\.[0-9]{3}\.[0-9]{3}(?![\d])",
    re.IGNORECASE)


class Sentences:
    """Sentence spans of a text, computed once and looked up by bisect."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _BOUNDARY.finditer(text)]
        self._spanish_digits: bool | None = None

    def spanish_digits(self) -> bool:
        """Whether the text writes figures the Spanish way elsewhere: a decimal comma before a unit or
        scale word ("3,5 tonnes", "2,5 million") or dotted thousands ("1.234.567"). Looked up once."""
        if self._spanish_digits is None:
            self._spanish_digits = _SPANISH_DIGITS.search(self.text) is not None
        return self._spanish_digits

    def span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        start = self.starts[i]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return start, end

    def sentence(self, pos: int) -> str:
        start, end = self.span(pos)
        return self.text[start:end].strip()
