"""What a bare number counts: the plural noun after it ("5,046 defendants", "3,000 more troops",
"15 of Mexico's 2,741 municipalities"), not a caliber, a ratio or the denominator of a rate."""
from __future__ import annotations

import re

from pipeline.core.extract.not_quantities import CALIBER, FOR_EVERY, PER_BEFORE, RATIO_AFTER, RATIO_BEFORE, SIZED
from pipeline.core.extract.numbers import NUMBER_WORDS
from pipeline.core.extract.subjects.phrases import counted_noun
from pipeline.core.extract.units import UNIT, unit_info
from pipeline.core.lexicon import STOP

_MORE_COUNT = re.compile(r"[^\S\n]+(?:more|más)(?=[^\S\n])")
_WERE = re.compile(r"[^\S\n]+(?:were|are|was|is|fueron|eran|son)(?=[^\S\n])", re.IGNORECASE)
_WERE_BEFORE = re.compile(r"\b(?:which|whom|them|these|those|cuales|ellos|ellas)\s*$", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"[^\S\n]+(?:of|de)[^\S\n]+(?:(?:the|these|those|its|their|our|all|los|las|sus)[^\S\n]+|[A-Z][\w.]*(?:['’]s)?[^\S\n]+){1,2}"
)
_INNER_NUMBER = re.compile(r"[\d.,]*\d(?=[^\S\n])")
# The size of each counted thing between a number and its noun: "20 1-kilogram packages", "12 one-pound bricks".
_SIZE_BEFORE = re.compile(r"[^\S\n]+(?:[0-9][\d.,]*|one|two|three|four|five|ten|half|un|una|medio)(?=-)", re.IGNORECASE)
# A modifier of the counted noun, then a second figure with its own modifier and the noun itself:
# "123 large-scale and 1,130 small-scale systems", "5 federal and 12 state agents".
_COORDINATED = re.compile(r"[^\S\n]+(?P<mod>[a-z][a-z-]+)[^\S\n]+(?:and|or)[^\S\n]+(?=[0-9])")
# The charges of an indictment: "a 34-count indictment", "an 11-count superseding indictment".
_N_COUNT = re.compile(r"-count[^\S\n]+(?:(?:superseding|federal|criminal|sealed)[^\S\n]+)?(indictments?|complaints?|"
                      r"informations?)\b", re.IGNORECASE)
# "one count of conspiracy", "1 charge of money laundering": a single charge
ONE_CHARGE = re.compile(r"[^\S\n]+(?P<w>count|charge)[^\S\n]+of[^\S\n]", re.IGNORECASE)
TIME_NOUNS = frozenset("years months weeks days años meses semanas días dias".split())


def thousands_of(text: str, pos: int, lang: str) -> bool:
    """Whether a mass unit or a counted plural follows: "27K pounds", "27K rounds" (not "a 10k run")."""
    unit_m = UNIT.match(text, pos)
    if unit_m is not None:
        return unit_info(unit_m.group("unit"))[1] == "mass"
    return counted_noun(text, pos, NUMBER_WORDS[lang], lang) is not None


def what_is_counted(text: str, num_end: int, before: str, words: frozenset, lang: str) -> tuple[str, int, str] | None:
    """(phrase, end, head) of the plural noun a number counts, or None."""
    if PER_BEFORE.search(before):
        return None  # "24.1 per 100,000 inhabitants": the denominator of a rate
    ratio = RATIO_BEFORE.search(before)
    if CALIBER.match(text, num_end) or RATIO_AFTER.match(text, num_end) or ratio and (
            ratio.group(1)[:1].isdigit() or ratio.group(1).lower() in words):
        return None  # "9mm pistols" are not nine; "6 out of 10 pills" are not ten
    found = counted_noun(text, num_end, words, lang)
    if found is None and text.startswith(" ", num_end) and text[num_end + 1:num_end + 2].isalnum():
        size = _SIZE_BEFORE.match(text, num_end)  # "20 1-kilogram packages", "12 one-pound bricks": the packages
        unit_m = UNIT.match(text, size.end()) if size else None
        if unit_m is not None and unit_m.group()[:1] == "-" and unit_info(unit_m.group("unit"))[1] == "mass":
            found = counted_noun(text, SIZED.match(text, unit_m.end()).end() if SIZED.match(
                text, unit_m.end()) else unit_m.end(), words, lang)
    if found is None and text.startswith(" ", num_end):
        coord = _COORDINATED.match(text, num_end)  # "123 large-scale and 1,130 small-scale systems": systems
        if coord and coord.group("mod").lower() not in STOP and coord.group("mod").lower() not in words:
            after = _INNER_NUMBER.match(text, coord.end())
            second = counted_noun(text, after.end(), words, lang) if after else None
            if second is not None and second[0].split()[0].lower() != second[2].lower():
                return f"{coord.group('mod')} {second[2]}", coord.end("mod"), second[2]
    if found is None and text.startswith("-count ", num_end):
        charges = _N_COUNT.match(text, num_end)  # "a 34-count indictment": 34 charges
        if charges:
            return f"counts of the {charges.group(1).lower()}", charges.end(), "counts"
    if found is not None:
        if FOR_EVERY.match(text, found[1]):
            return None  # "3 civilians for every one wounded": a ratio
        return found
    more = _MORE_COUNT.match(text, num_end) if text.startswith((" more ", " más "), num_end) else None
    if more:
        return counted_noun(text, more.end(), words, lang)  # "3,000 more troops", "500 más elementos"
    were = _WERE.match(text, num_end)
    if were and _WERE_BEFORE.search(before):
        return counted_noun(text, were.end(), words, lang)  # "of which 426 were .50 caliber firearms"
    part = _PARTITIVE.match(text, num_end)
    if part:
        # "15 of Mexico's 2,741 municipalities": skip an inner number, then the counted noun
        inner = _INNER_NUMBER.match(text, part.end())
        return counted_noun(text, inner.end() if inner else part.end(), words, lang)
    return None
