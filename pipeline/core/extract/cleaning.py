"""Clean a statement's text for matching, keeping a map back to the original.

Versions of one statement differ in typography (curly quotes, NBSP double spaces),
markdown escapes (``\\$``, ``*emphasis*``) and site chrome ("Scroll to Top"). The
extractor and the reconciliation work on the cleaned text; every offset they find is
mapped back with :meth:`CleanText.to_original`, so a measurement always points at its
characters in the file as decoded.

Cleaning is built from two kinds of edit only, which keeps the map exact and cheap:
length-preserving character substitutions (``str.translate``) and deletions. The map
is a sorted list of anchors, one per kept run, looked up with ``bisect``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipeline.core.lexicon import CHROME_LINES

# One-for-one substitutions: same length, so offsets do not move. A tab is kept: it separates the cells
# of a table row, and the cells' unit and substance come from the column header ("Fentanyl (lbs)").
_SUBSTITUTIONS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\r": "\n",
}
TRANSLATE = str.maketrans(_SUBSTITUTIONS)
# In a text with Windows line ends ("\r\n") the carriage return is a space (dropped as trailing
# space), not a second line break that would make every line a paragraph of its own.
TRANSLATE_CRLF = str.maketrans({**_SUBSTITUTIONS, "\r": " "})
# str.translate looks up every character in a dict; most texts contain none of these, so find them first
_SUBSTITUTABLE = re.compile("[" + re.escape("".join(_SUBSTITUTIONS)) + "]")

# Lines that are navigation or sharing widgets (``lexicon.CHROME_LINES``), matched whole-line only.
_CHROME = "|".join(CHROME_LINES)

# A line break inside a paragraph of hard-wrapped text ("seized more than 9.6 million\nfentanyl pills",
# "27\nmenores de edad", "9.1 US\ntons") becomes a space: the same length, so the offset map stays exact
# and a mention may span the break in the original. Candidates: a break before a line that starts with a
# lower-case letter, a digit, "$" or "("; ``_wrapped`` then refuses table rows, list items, headings,
# front-matter keys and a label line ending in ":".
_WRAP = re.compile(r"\n(?=[^\S\n]*[a-z0-9$(\u00e0-\u00ff])")
_LIST_ITEM = re.compile(r"[^\S\n]*(?:[-*+\u2022>#]|\d{1,3}[.)]|[a-z][.)])[^\S\n]")
_KEY_LINE = re.compile(r"[^\S\n]*[a-z_][\w-]*:(?:[^\S\n]|$)")
_TABLE_GAP = re.compile(r"\S[^\S\n]{2,}\S|[|\t]")


def _wrapped(text: str, pos: int) -> bool:
    """Whether the line break at ``pos`` only wraps a paragraph's line (see ``_WRAP``)."""
    line_start = text.rfind("\n", 0, pos) + 1
    prev = text[line_start:pos].strip()
    if not prev or prev[-1] in ":|" or prev[0] in "#|>" or _TABLE_GAP.search(prev):
        return False
    next_end = text.find("\n", pos + 1)
    nxt = text[pos + 1:next_end if next_end >= 0 else len(text)]
    if _TABLE_GAP.search(nxt.strip()) or _LIST_ITEM.match(nxt) or _KEY_LINE.match(nxt):
        return False
    first = nxt.lstrip()[:1]
    if first.isalpha():
        return True
    # a line starting with a figure continues a long line that stopped mid-phrase ("... found another\n1,340 pounds")
    return len(prev) >= 40 and (prev[-1].islower() or prev[-1] == ",")


def join_wrapped_lines(text: str) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs turned into spaces (same length)."""
    return _set_chars(text, [m.start() for m in _WRAP.finditer(text) if _wrapped(text, m.start())], " ")


def _set_chars(text: str, positions: list[int], char: str) -> str:
    """``text`` with the character at each of ``positions`` replaced by ``char`` (same length)."""
    if not positions:
        return text
    chars = list(text)
    for i in positions:
        chars[i] = char
    return "".join(chars)


# A table aligned with runs of spaces ("Ciudad de México      1,250      18.4") loses its columns when the
# runs collapse; in its rows and header the first space of each gap between cells becomes a tab (the
# same length), so the cells' unit and subject come from the column header as in a tab-separated table.
# A row: a label, then cells of one number each, every cell after a gap of two or more spaces.
_NUMBER_CELL = r"(?:[+-]?(?:us|mx)?\$?[0-9][0-9.,]*%?|[-–—]|n/?a|n\.d\.)"
_ALIGNED_ROW_END = re.compile(rf"\S {{2,}}{_NUMBER_CELL}[^\S\n]*$", re.IGNORECASE | re.MULTILINE)
_ALIGNED_ROW = re.compile(rf"[^\S\n]*[^\W\d_][^\n|\t]*?(?:(?<=\S) {{2,}}{_NUMBER_CELL})+[^\S\n]*", re.IGNORECASE)
_ALIGNED_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


def align_table_gaps(text: str) -> str:
    """``text`` with the gaps between the cells of space-aligned tables marked by a tab (see above): two
    or more rows, one blank line at most between them, and the header right above them when it has as
    many cells as the first row. Lines that are not rows of such a block are left as they are."""
    rows = []  # (start, end) of each row line
    last = -1
    for m in _ALIGNED_ROW_END.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if start <= last:
            continue
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        last = end
        if _ALIGNED_ROW.fullmatch(text, start, end):
            rows.append((start, end))
    if len(rows) < 2:
        return text
    blocks, block = [], [rows[0]]
    for row in rows[1:]:
        gap = text[block[-1][1]:row[0]]
        if gap.count("\n") <= 2 and not gap.strip():
            block.append(row)  # the next line, or the line after one blank line ("Total" below the rows)
        else:
            blocks.append(block)
            block = [row]
    blocks.append(block)
    marks = []
    for block in blocks:
        if len(block) < 2:
            continue
        lines = list(block)
        first = block[0][0]
        if first:
            above = text.rfind("\n", 0, first - 1) + 1
            header = text[above:first - 1]
            cells = len(_ALIGNED_GAP.findall(header.strip()))
            if cells and cells == len(_ALIGNED_GAP.findall(text[first:block[0][1]].strip())):
                lines.insert(0, (above, first - 1))
        for start, end in lines:
            marks += [g.start() for g in _ALIGNED_GAP.finditer(text, start, end)
                      if text[start:g.start()].strip()]  # not the indentation before the first cell
    return _set_chars(text, marks, "\t")


DELETIONS = re.compile(
    "|".join([
        # a whole chrome line, with its line break
        rf"^[ ]*(?:{_CHROME})[ ]*(?:\n|\Z)",
        r"\\(?=[$*_#\[\]()`.!>+\-{}|~])",   # markdown escape: keep the escaped character
        # Each branch starts with the character it deletes and checks what precedes it after
        # (a lookbehind first is tried at every position of every text: 2.6x slower on 10,000 files).
        r"\*(?<![\w*\\]\*)\*{0,2}(?=[^\s*])",     # opening emphasis marker (not after a word)
        r"\*(?<=[^\s*\\]\*)\*{0,2}(?![\w*])",     # closing emphasis marker (after a word)
        r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]",  # zero-width and soft-hyphen characters
        # inline HTML of a web page's markdown export: "<u>29,000 liters</u>", "<strong>", "<span class=...>"
        r"</?(?:u|b|i|em|strong|span|mark|small|ins|font)(?:[ ][^<>\n]{0,80})?>",
        # superscript footnote markers: "$1.5 billion\u00b2", "27,000 pounds\u00b9 of" (a unit
        # or scale word must end at a word boundary)
        r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+",
        r" (?<=  ) *",                       # runs of spaces collapse to one
        r" +(?=\n)",                         # trailing spaces
        r"\n(?<=\n\n\n)\n*",                 # more than one blank line
    ]),
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class CleanText:
    text: str
    original: str
    # (clean_start, original_start) of every kept run, sorted by clean_start
    anchors: tuple[tuple[int, int], ...]

    def position(self, clean_index: int) -> int:
        """Original offset of the character at ``clean_index`` of the cleaned text."""
        i = bisect.bisect_right(self._starts, clean_index) - 1
        clean_start, original_start = self.anchors[max(i, 0)]
        return original_start + (clean_index - clean_start)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span [start, end) to the original span covering the same characters."""
        if end <= start:
            p = self.position(start)
            return p, p
        return self.position(start), self.position(end - 1) + 1

    @property
    def _starts(self) -> list[int]:
        starts = self.__dict__.get("_starts_cache")
        if starts is None:
            starts = [a[0] for a in self.anchors]
            object.__setattr__(self, "_starts_cache", starts)
        return starts


def clean(original: str) -> CleanText:
    """Normalize typography, drop markdown markers and site chrome; keep the offset map."""
    joined = join_wrapped_lines(original)  # before tabs become spaces: a tab marks a table row
    if "  " in joined:
        joined = align_table_gaps(joined)
    if _SUBSTITUTABLE.search(joined):
        translated = joined.translate(TRANSLATE_CRLF if "\r\n" in joined else TRANSLATE)
    else:
        translated = joined
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    kept_from = 0
    clean_len = 0
    for m in DELETIONS.finditer(translated):
        if m.start() > kept_from:
            anchors.append((clean_len, kept_from))
            pieces.append(translated[kept_from:m.start()])
            clean_len += m.start() - kept_from
        kept_from = m.end()
    if kept_from < len(translated) or not anchors:
        anchors.append((clean_len, kept_from))
        pieces.append(translated[kept_from:])
    return CleanText(text="".join(pieces), original=original, anchors=tuple(anchors))
