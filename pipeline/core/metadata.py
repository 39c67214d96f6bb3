"""Title and publication date of a statement, read from the top of its text.

Rules (checked against the head of the text only, the first ``HEAD_LINES`` non-empty
lines, because a body full of dates such as "On July 12, 2022, the meeting ..." is
not a publication date):

* **Date**: a *date line* -- a short line that is mostly a full date ("October 14,
  2022", "14 October 2022", "2022-10-14", "Oct. 14, 2022", optionally with a dateline
  or "Published:" prefix of a few words). A date inside a sentence does not count.
* **Title**: the title-like line just above the date line; else a title-like line
  printed twice at the top (sites repeat their headline); else the first line, if it
  is title-like. Title-like: 3-40 words, no sentence inside it, not ending with a full
  stop or colon, most words capitalized, and not site chrome ("HomePolitics...",
  "Scroll to Top", a truncated "..." headline).
* Versions of one document fill each other's gaps: :func:`merge_metadata`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

HEAD_LINES = 12

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MONTH_RE = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
             r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_PATTERNS = [
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH_RE + r",?\s+(?P<year>(?:19|20)\d\d)", re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<monnum>\d\d)-(?P<day>\d\d)"),
]
# Navigation words that make a short line chrome rather than a headline.
_CHROME_WORDS = re.compile(
    r"^(?:home|menu|search|share|print|email|subscribe|sign up|sign in|log in|stay connected|"
    r"scroll to top|skip to|back to top|most popular|related|advertisement)\b", re.I)
_GLUED = re.compile(r"[a-z][A-Z][a-z]")  # "HomePoliticsJoint": navigation glued to a headline
_SMALL_WORDS = {"a", "an", "and", "the", "of", "on", "in", "for", "to", "by", "with", "at",
                "from", "or", "as", "vs", "between", "about", "into", "over", "under"}


@dataclass(frozen=True)
class Metadata:
    title: str | None
    published_on: dt.date | None


def _head(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.splitlines()]
    return [ln for ln in lines if ln][:HEAD_LINES]


def parse_date(s: str) -> dt.date | None:
    """The first full date in ``s``, or None."""
    for pat in _DATE_PATTERNS:
        m = pat.search(s)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["monnum"]) if gd.get("monnum") else _month_number(gd["mon"])
        try:
            return dt.date(int(gd["year"]), month, int(gd["day"]))
        except ValueError:
            continue
    return None


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(n for full, n in _MONTHS.items() if full.startswith(name[:3]))


@lru_cache(maxsize=1 << 16)  # title and date rules ask about the same head lines
def _date_line(line: str) -> dt.date | None:
    """A line that is (mostly) a date: at most four other words around it."""
    for pat in _DATE_PATTERNS:
        m = pat.search(line)
        if m:
            rest = (line[:m.start()] + " " + line[m.end():]).strip(" ,-|:")
            if len(rest.split()) <= 4 and not rest.endswith("."):
                return parse_date(line)
    return None


def is_chrome(line: str) -> bool:
    return bool(_CHROME_WORDS.match(line) or _GLUED.search(line)
                or line.endswith("...") or line.endswith("\u2026"))


def is_title_like(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 40 or is_chrome(line) or _date_line(line):
        return False
    if line[-1] in ".:;," and not re.search(r"\b[A-Z]\.[A-Z]\.$|\bJr\.$", line):
        return False
    if re.search(r"[a-z0-9)][.!?] +[A-Z]", line):  # a sentence boundary inside: prose, not a headline
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    caps = sum(w[0].isupper() for w in content)
    return bool(content) and caps / len(content) >= 0.6


def find_date(text: str) -> dt.date | None:
    for line in _head(text):
        d = _date_line(line)
        if d:
            return d
    return None


def find_title(text: str) -> str | None:
    head = _head(text)
    for i, line in enumerate(head):
        if _date_line(line):
            above = [ln for ln in head[:i] if not is_chrome(ln)]
            if above and is_title_like(above[-1]):
                return above[-1]
            break
    for i, line in enumerate(head):
        if is_title_like(line) and line in head[i + 1:]:
            return line
    first = next((ln for ln in head if not is_chrome(ln)), None)
    return first if first and is_title_like(first) else None


def extract_metadata(text: str) -> Metadata:
    return Metadata(title=find_title(text), published_on=find_date(text))


def merge_metadata(ordered: list[Metadata]) -> Metadata:
    """First non-missing title and date, in preference order (canonical version first)."""
    title = next((m.title for m in ordered if m.title), None)
    date = next((m.published_on for m in ordered if m.published_on), None)
    return Metadata(title, date)
