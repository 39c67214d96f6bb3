"""Every numeral of a text, found in one pass per pattern: digits, digits with a scale word, number
words, an article standing for a number ("a ton"), fractions, the upper bounds of "10-15", signed
percents, and the cells of a table row read as one space-grouped number.

The patterns run on the lower-cased text; a numeral inside an identifier, a date, a time or a URL is
ruled out by their look-arounds (``numbers``). What the numeral measures is decided later (``read``)."""
from __future__ import annotations

import re

from operator import methodcaller

from pipeline.core.extract.cells import split_table_cells
from pipeline.core.extract.numbers import (ARTICLE_NUMERAL, DIGIT_NUMERAL, FIRST_WORDS, FRACTION_NUMERAL, HYPHEN_RANGE,
                                           NUMBER_WORDS, RANGE_UPPER, SIGNED_CELL, SIGNED_PERCENT, VULGAR_FRACTIONS, WORD_NUMERAL,
                                           parse_words, word_alternation)
from pipeline.core.lexicon import VAGUE_KEYS

_START = methodcaller("start")
_NUMERAL_CHARS = frozenset("0123456789.,%")


def hyphen_range_uppers(low: str) -> list[int]:
    """Offsets of the upper bounds of "10-15 tons", "10%-15%" (HYPHEN_RANGE checks the lower bound).

    The dashes are found with str.find: a regex scan for them cost twenty times as much."""
    out = []
    for dash in ("-", "–"):
        d = low.find(dash)
        while d >= 0:
            if d and low[d - 1] in "0123456789%" and low[d + 1:d + 2].isdigit():
                i = d
                while i > 0 and low[i - 1] in _NUMERAL_CHARS:
                    i -= 1
                r = HYPHEN_RANGE.match(low, i)
                if r is not None and r.start("upper") == d + 1:
                    out.append(d + 1)
            d = low.find(dash, d + 1)
    return sorted(out) if "–" in low else out


# Every word numeral and vague amount begins with one of these words, right after a delimiter.
_SCAN = {lang: re.compile(r"[\s(\[\"“‘'¿¡«—–/,;:.$](?:" + word_alternation([*FIRST_WORDS[lang], *VAGUE_KEYS]) + ")")
         for lang in FIRST_WORDS}


def thousands_before(low: str, start: int) -> tuple[float, int] | None:
    """(value, start) of the Spanish number words ending in "mil" right before `start` ("mil ", "dos mil ")."""
    pos, words = start - 1, []
    while pos > 0 and len(words) < 4:
        space = low.rfind(" ", 0, pos)
        word = low[space + 1:pos]
        if word not in NUMBER_WORDS["es"] or not words and word != "mil":
            break
        words.insert(0, word)
        pos = space
        if space < 0:
            break
        if low[space - 1:space].isdigit():
            return None  # "2 mil 500" is one numeral already
    if not words:
        return None
    parsed = parse_words(" ".join(words), "es")
    return (parsed[0], pos + 1) if parsed and parsed[1] == len(" ".join(words)) and parsed[0] >= 1000 else None


def millions_before(low: str, start: int) -> tuple[float, int] | None:
    """(value, start) of the Spanish number words ending in "millón"/"millones" right before `start`
    ("un millón ", "dos millones "): the first part of "un millón 900 mil cartuchos"."""
    pos, words = start - 1, []
    while pos > 0 and len(words) < 4:
        space = low.rfind(" ", 0, pos)
        word = low[space + 1:pos]
        if word not in NUMBER_WORDS["es"] or not words and word not in ("millón", "millon", "millones"):
            break
        words.insert(0, word)
        pos = space
        if space < 0 or low[space - 1:space].isdigit():
            break
    if len(words) < 2:
        return None
    parsed = parse_words(" ".join(words), "es")
    return (parsed[0], pos + 1) if parsed and parsed[1] == len(" ".join(words)) and parsed[0] >= 1e6 else None


def word_starts(low: str, lang: str) -> list[int]:
    """Offsets where a word numeral or a vague amount may begin, from one regex pass.

    The pattern starts with a character class of word delimiters, so the engine skips ahead in
    C; a text-initial word is added by hand. Only these few offsets are then tried in full.
    """
    starts = [m.start() + 1 for m in _SCAN[lang].finditer(low)]
    return [0, *starts] if low[:1].isalpha() else starts


def word_numerals(low: str, lang: str, starts: list[int]) -> list[re.Match]:
    """Word numerals ("four", "twenty-one", "dos mil"), in text order.

    A word inside a longer numeral ("one" in "twenty-one") is skipped.
    """
    out, last_end = [], -1
    pattern = WORD_NUMERAL[lang]
    for i in starts:
        if i < last_end:
            continue
        m = pattern.match(low, i)
        if m:
            if " " in m.group() or "-" in m.group():
                # "two and three", "un diez por ciento": the words after the first number are a numeral of their own
                parsed = parse_words(m.group(), lang)
                if parsed is not None and i + parsed[1] < m.end():
                    m = pattern.match(low, i, i + parsed[1]) or m
            out.append(m)
            last_end = m.end()
    return out


def numeral_candidates(text: str, low: str, lang: str, starts: list[int]) -> list[re.Match]:
    """Every numeral of the text in text order (``starts``: from ``word_starts``)."""
    upper = RANGE_UPPER[lang]
    # the upper bound of "10-15 tons", "10%-15%": refused by DIGIT_NUMERAL's look-behind
    range_uppers = [upper.match(low, start) for start in hyphen_range_uppers(low)]
    candidates = [*DIGIT_NUMERAL[lang].finditer(low), *word_numerals(low, lang, starts),
                  *ARTICLE_NUMERAL[lang].finditer(low), *filter(None, range_uppers)]
    if "/" in low or any(c in low for c in VULGAR_FRACTIONS):
        candidates += FRACTION_NUMERAL.finditer(low)  # "3/4 of a ton", "½ pound"
    if "%" in low:
        candidates += SIGNED_PERCENT.finditer(low)  # "| -15% |", "heroin +8%": refused by DIGIT_NUMERAL's look-behind
    if "|" in low or "\t" in low:
        candidates += SIGNED_CELL.finditer(low)  # "| -20.5 |": refused by DIGIT_NUMERAL's look-behind
    candidates.sort(key=_START)
    if " " in low:
        candidates = split_table_cells(text, low, candidates, DIGIT_NUMERAL[lang])
    return candidates
