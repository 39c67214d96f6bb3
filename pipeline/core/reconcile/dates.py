"""Day-level dates a sentence states, in English and Spanish: what tells one event from another.

"June 27", "Sept. 27", "27th of June", "June 27, 2024", "27 de junio de 2024", "2024-06-27" and
an unambiguous "27/06/2024" are read; a date is written "2024-06-27", or "--06-27" (ISO 8601's
form without a year) when the sentence states none. A missing year is the year of the
document's publication (:func:`resolve`): "June 27" in a statement of July 2024 is 2024-06-27,
and never the same event as June 27, 2022.
"""
from __future__ import annotations

import datetime as dt
import re

from .memo import run_cache
from .vocabulary import EN_MONTHS, ES_MONTHS

_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])"
# English month names are capitalized ("May 27", never "may 27"); an abbreviation takes a period or not
_EN = "|".join(sorted({w for m in EN_MONTHS for w in (m.capitalize(), m.upper())}, key=len, reverse=True))
# Spanish ones are usually lower case; an abbreviation only with its period ("27 de sept.")
_ES = "|".join(sorted((m for m in ES_MONTHS if len(m) > 4 or m == "mayo"), key=len, reverse=True))
_ES_ABBR = "|".join(sorted((m for m in ES_MONTHS if len(m) <= 4 and m != "mayo"), key=len, reverse=True))
_NOT_A_NUMBER = r"(?![.,]?\d)"  # "June 27", not "June 2,500"
_PATTERNS = [
    re.compile(rf"\b(?P<mon>{_EN})\b\.?\s+{_DAY}(?:st|nd|rd|th)?\b{_NOT_A_NUMBER}(?:,?\s+{_YEAR})?"),
    re.compile(rf"\b{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_EN})\b\.?(?:,?\s+{_YEAR})?"),
    re.compile(rf"\b{_DAY}(?:º|°|o)?\s+de\s+(?:(?P<mon>{_ES})\b|(?P<abbr>{_ES_ABBR})\.)(?:\s+(?:de|del)\s+{_YEAR})?",
               re.I),
    re.compile(rf"\b{_YEAR[:-2]}-(?P<mm>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])\b"),
    re.compile(rf"(?<![\d/.])(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep){_YEAR[:-2]}(?![\d/])"),
]
# a wire dateline: "MEXICO CITY, March 12 (Agency) -", "CULIACÁN, Sin., 7 de agosto.-": the day the story
# was filed, not the day of the event its sentence reports
_DATELINE = re.compile(r"^\s*[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.'’ ]+,(?:\s+[A-Z][\w.]*,)?\s+[^()\n]{3,24}?(?:\s*\([^)\n]{2,60}\))?\s*\.?[-–—]+\s")
_MONTH_NUMBER = {**EN_MONTHS, **ES_MONTHS}
LATE_REPORT_DAYS = 31  # a date without a year more than this after publication is of the year before


@run_cache(maxsize=1 << 16)
def sentence_dates(sentence: str) -> frozenset[str]:
    """The day-level dates ``sentence`` states ("2024-06-27", or "--06-27" without a year)."""
    out = set()
    sentence = _DATELINE.sub("", sentence, count=1)
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            g = m.groupdict()
            if g.get("a"):
                a, b = int(g["a"]), int(g["b"])
                if a > 12 >= b:
                    day, month = a, b
                elif b > 12 >= a:
                    day, month = b, a
                else:
                    continue  # "06/07/2024": which is the month depends on the writer
            elif g.get("mm"):
                day, month = int(g["dd"]), int(g["mm"])
            else:
                day, month = int(g["day"]), _MONTH_NUMBER[(g.get("mon") or g["abbr"]).lower()]
            year = int(g["year"]) if g.get("year") else None
            try:
                dt.date(year or 2000, month, day)  # 2000: a leap year, "February 29" is a day
            except ValueError:
                continue
            out.add(f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}")
    return frozenset(out)


def month_day(date: str) -> str:
    """The "MM-DD" of a date written by :func:`sentence_dates`: what two dates must share to be one."""
    return date[-5:]


def resolve(date: str, published_on: dt.date | None) -> str:
    """A date without a year in the year of the document's publication (the year before when that
    would put it more than LATE_REPORT_DAYS after the publication: "Dec. 30" in a January release)."""
    if not date.startswith("--") or published_on is None:
        return date
    month, day = int(date[2:4]), int(date[5:7])
    for year in (published_on.year, published_on.year - 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            continue  # February 29 of a common year
        if (when - published_on).days <= LATE_REPORT_DAYS:
            return when.isoformat()
    return date


def same_day(a: frozenset[str], b: frozenset[str], md: str) -> str | None:
    """The date two facts share on the day ``md`` ("06-27"), if their years agree (or one is not
    known); None when they state that day in different years: two events."""
    for x in sorted(d for d in a if month_day(d) == md):
        for y in sorted(d for d in b if month_day(d) == md):
            if x == y or y.startswith("--"):
                return x
            if x.startswith("--"):
                return y
    return None
