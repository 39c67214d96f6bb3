"""Title and publication date of a statement, read from the top of its text.

Rules (checked against the head of the text only, the first ``HEAD_LINES`` non-empty
lines, because a body full of dates such as "On July 12, 2022, the meeting ..." is
not a publication date):

* **Date**: a *date line* -- a short line that is mostly a full date ("October 14,
  2022", "14 October 2022", "2022-10-14", "Oct. 14, 2022", optionally with a dateline
  or "Published:" prefix of a few words). A date inside a sentence does not count.
  Spanish dates ("15 de mayo de 2024") and numeric ones ("08/13/2024"; "10/06/2024" is
  day first in a Spanish text) count too, and so does one field of a line of fields
  ("Published May 15, 2024 | Office of Public Affairs").
* **Title**: the title-like line just above the date line, else just below it (a
  release's "FOR IMMEDIATE RELEASE / date / headline"); else a title-like line printed
  twice at the top (sites repeat their headline); else the first line, if it is
  title-like or a headline in sentence case (Spanish and wire headlines: a short line
  standing alone above a blank line). Title-like: 3-40 words, no sentence inside it, not
  ending with a full stop or colon, most words capitalized, and not site chrome
  ("HomePolitics...", "Scroll to Top", a truncated "..." headline), a release label
  ("FOR IMMEDIATE RELEASE") or the issuer's name ("Bureau of ... Affairs",
  "SECRETARÍA DE LA DEFENSA NACIONAL").
* Versions of one document fill each other's gaps: :func:`merge_metadata`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .extract.language import detect_language
from .lexicon import (BYLINE, CHROME_WORDS, EN_MONTH_NUMBERS, EN_MONTH_PATTERN, ES_MONTH_NUMBERS,
                      ES_MONTH_PATTERN)

HEAD_LINES = 12

_MONTH_RE = rf"(?P<mon>{EN_MONTH_PATTERN})\.?"
_DATE_PATTERNS = [
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH_RE + r",?\s+(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<monnum>\d\d)-(?P<day>\d\d)"),
    re.compile(r"(?P<day>\d{1,2})\s+de\s+(?P<mes>" + ES_MONTH_PATTERN + r")\s+(?:de|del)\s+(?P<year>(?:19|20)\d\d)",
               re.I),
    # "08/13/2024" or "10/06/2024": which number is the month is settled in parse_date
    re.compile(r"(?<![\d/.])(?P<first>\d{1,2})(?P<sep>[/.])(?P<second>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d/])"),
]
# One field of a line of fields: "Por Redacción | El Universal | 10/06/2024 | 13:45".
_FIELDS = re.compile(r"[^\S\n]+[|·•][^\S\n]+")
# A release's label, never its title.
_LABEL = re.compile(r"^(?:for immediate release|immediate release|press release|news release|media release|"
                    r"release date|media contact|contact|comunicado(?: de prensa)?(?:\s+(?:no\.?|n[uú]m\.?)|\s+[A-Z]+)?\s+\d|"
                    r"comunicado de prensa|bolet[ií]n(?: de prensa)?\b)", re.I)
# The issuer's name on a line of its own: an office, not a headline.
_ISSUER = re.compile(
    r"^(?:the\s+|u\.s\.\s+|united states\s+)?(?:department|office|bureau|embassy|consulate|ministry|executive office|"
    r"white house|secretar[ií]a|fiscal[ií]a|gobierno|presidencia|procuradur[ií]a|embajada|consulado|guardia nacional|"
    r"administraci[oó]n|comisi[oó]n|instituto|unidad|gabinete)\b[^.:!?]*$"
    # "U.S. Attorney's Office", "Office of Public Affairs", "Western District of Texas"
    r"|^(?:[\w.’'-]+\s+){0,4}(?:office|agency|bureau|department|division|affairs)$|^(?:\w+\s+){0,2}district of\s[\w\s]+$", re.I)
MAX_DATE_LINE = 160
_NUMERIC_DATE = re.compile(r"\d[/.]\d{1,2}[/.](?:19|20)\d\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A clock time after a date: "03.04.2025 08:15 hrs."
_CLOCK_END = re.compile(r"\b(?:hrs?|horas|h|a\.m|p\.m)\.$", re.I)
_GLUED = re.compile(r"[a-z][A-Z][a-z]")  # "HomePoliticsJoint": navigation glued to a headline
_SMALL_WORDS = {"a", "an", "and", "the", "of", "on", "in", "for", "to", "by", "with", "at",
                "from", "or", "as", "vs", "between", "about", "into", "over", "under",
                "de", "del", "la", "el", "los", "las", "y", "e", "en", "al", "por", "para", "con", "un", "una", "o"}


@dataclass(frozen=True)
class Metadata:
    title: str | None
    published_on: dt.date | None


def _head(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.splitlines()]
    return [ln for ln in lines if ln][:HEAD_LINES]


def parse_date(s: str, day_first: bool = False) -> dt.date | None:
    """The first full date in ``s``, or None. ``day_first``: how to read "10/06/2024" (as in
    Spanish) when neither number is above 12."""
    for pat in _DATE_PATTERNS:
        m = pat.search(s)
        if not m:
            continue
        gd = m.groupdict()
        if gd.get("first"):
            a, b = int(gd["first"]), int(gd["second"])
            day, month = (a, b) if a > 12 or (day_first and b <= 12) else (b, a)
        else:
            day = int(gd["day"])
            month = (int(gd["monnum"]) if gd.get("monnum") else ES_MONTH_NUMBERS[gd["mes"].lower()] if gd.get("mes")
                     else _month_number(gd["mon"]))
        try:
            return dt.date(int(gd["year"]), month, day)
        except ValueError:
            continue
    return None


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(n for full, n in EN_MONTH_NUMBERS.items() if full.startswith(name[:3]))


@lru_cache(maxsize=1 << 16)  # title and date rules ask about the same head lines
def _date_line(line: str, day_first: bool = False) -> dt.date | None:
    """A line that is (mostly) a date: at most four other words around it, in the line or in one
    of its fields."""
    if len(line) > MAX_DATE_LINE or not _YEAR.search(line):
        return None  # a paragraph, or no year in it: the cheap tests first (prose lines are long)
    for field in [line, *(_FIELDS.split(line) if _FIELDS.search(line) else ())]:
        for pat in _DATE_PATTERNS:
            m = pat.search(field)
            if m:
                rest = _CLOCK_END.sub("", (field[:m.start()] + " " + field[m.end():]).strip(" ,-|:"))
                if len(rest.split()) <= 4 and not rest.endswith("."):
                    return parse_date(field, day_first)
    return None


def is_chrome(line: str) -> bool:
    return bool(CHROME_WORDS.match(line) or _GLUED.search(line)
                or line.endswith("...") or line.endswith("\u2026"))


def _not_a_title(line: str) -> bool:
    """Chrome, a release label, a byline or the issuer's name."""
    return is_chrome(line) or bool(_LABEL.match(line)) or (len(line.split()) <= 10 and bool(
        _ISSUER.match(line) or BYLINE.match(line)))


# The head word of an office's name ("Secretariat of the Navy", "Government of Mexico - Security Cabinet").
_OFFICE_WORD = re.compile(r"\b(?:office|secretariat|ministry|department|bureau|government|cabinet|agency|embassy|consulate|"
                          r"district|administration|commission|secretar[ií]a|gobierno|gabinete|fiscal[ií]a|"
                          r"procuradur[ií]a|embajada|consulado)\b", re.I)
_NAME_SMALL = frozenset("of the and for on de del la el los las y - – — , u.s. u.s".split())


def _issuer_like(line: str) -> bool:
    """A short line naming an office, every word of it capitalized: no headline says nothing else."""
    words = line.replace(",", " ").split()
    return (len(words) <= 8 and bool(_OFFICE_WORD.search(line))
            and all(w.lower() in _NAME_SMALL or w[0].isupper() for w in words))


def _headline_shape(line: str, max_words: int = 40) -> bool:
    """A line that could be a headline in any case: 3+ words, no sentence inside, no end stop."""
    words = line.split()
    if not 3 <= len(words) <= max_words or _not_a_title(line) or _date_line(line):
        return False
    if line[-1] in ".:;," and not re.search(r"\b[A-Z]\.[A-Z]\.$|\bJr\.$", line):
        return False
    return not re.search(r"[a-z0-9)][.!?] +[A-Z]", line)  # a sentence boundary inside: prose


def is_title_like(line: str) -> bool:
    if not _headline_shape(line):
        return False
    content = [w for w in line.split() if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    caps = sum(w[0].isupper() for w in content)
    return bool(content) and caps / len(content) >= 0.6


def _is_sentence_case_headline(text: str, line: str) -> bool:
    """'FGR obtiene sentencia de 40 años contra ...', 'U.S. fentanyl seizures drop 20% as ...': a short
    line opening with a capital or a figure, standing alone above a blank line."""
    at = text.find(line)
    after = text[at + len(line):at + len(line) + 3]
    return (_headline_shape(line, 25) and (line[0].isupper() or line[0].isdigit())
            and after.startswith(("\n\n", "\n\r\n", "\r\n\r")))


def _day_first(text: str) -> bool:
    return detect_language(text) == "es"


def find_date(text: str) -> dt.date | None:
    day_first = None
    for line in _head(text):
        if day_first is None and _NUMERIC_DATE.search(line):
            day_first = _day_first(text)  # only "10/06/2024" needs the text's language
        d = _date_line(line, bool(day_first))
        if d:
            return d
    return None


def find_title(text: str) -> str | None:
    head = _head(text)
    for i, line in enumerate(head):
        if _date_line(line):
            above = [ln for ln in head[:i] if not _not_a_title(ln) and len(ln.split()) >= 3]
            below = [ln for ln in head[i + 1:i + 3] if not _not_a_title(ln) and len(ln.split()) >= 3]
            if above and _issuer_like(above[-1]):
                # "Headline / Secretariat of the Navy / date", "U.S. Attorney's Office, District of
                # Arizona / date / Headline": a name of an office is the headline only failing any other
                if len(above) > 1 and is_title_like(above[-2]):
                    return above[-2]
                if below and is_title_like(below[0]):
                    return below[0]
            # right above the date, a headline in sentence case counts too (Spanish outlets)
            if above and (is_title_like(above[-1]) or _headline_shape(above[-1], 25) and above[-1][0].isupper()):
                return above[-1]
            if not above and below and is_title_like(below[0]):
                return below[0]  # "FOR IMMEDIATE RELEASE / Thursday, June 6, 2024 / Headline"
            break
    for i, line in enumerate(head):
        if is_title_like(line) and line in head[i + 1:]:
            return line
    # the first line of a few words that is no chrome, label or issuer (a report number stands alone)
    first = next((ln for ln in head if not _not_a_title(ln) and len(ln.split()) >= 3), None)
    return first if first and (is_title_like(first) or _is_sentence_case_headline(text, first)) else None


def extract_metadata(text: str) -> Metadata:
    return Metadata(title=find_title(text), published_on=find_date(text))


def merge_metadata(ordered: list[Metadata]) -> Metadata:
    """First non-missing title and date, in preference order (canonical version first)."""
    title = next((m.title for m in ordered if m.title), None)
    date = next((m.published_on for m in ordered if m.published_on), None)
    return Metadata(title, date)
