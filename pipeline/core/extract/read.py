"""One candidate numeral read into a Mention, or refused: its value, currency sign, unit,
qualifier and subject.

Cheap refusals come first (most numerals in prose are years, dates and list numbers); the
qualifier, the sentence and the subject are only worked out for accepted figures. A numeral with
neither a unit nor a currency sign after it is handed to ``bare.bare_figure``.
"""
from __future__ import annotations

import re

from pipeline.core.extract.bare import bare_figure
from pipeline.core.extract.cells import cell_label, table_row_name
from pipeline.core.extract.counts import thousands_of
from pipeline.core.extract.mention import Mention
from pipeline.core.extract.not_quantities import (AGE, AGE_BEFORE_ES, BODY_WEIGHT, DAY_FINE, ID_BEFORE,
                                                  ID_BEFORE_ANY_CASE, PRICE_AFTER, PRICE_BEFORE, SIZED, YIELD_AFTER,
                                                  YIELD_BEFORE, YIELD_INTO, TIME_AGO_BEFORE, TIME_REF_AFTER,
                                                  counter_line, whole_period)
from pipeline.core.extract.numbers import (AND_A_HALF, DOT_THOUSANDS, FRACTION_AFTER, FRACTION_PARTS, NUMBER_WORDS,
                                           RANGE_UPPER, SIGNED_CELL, VULGAR_FRACTIONS, WORD_FRACTION, WORD_FRACTION_ES, fraction_value, parse_digits,
                                           parse_words,
                                           parse_numeral)
from pipeline.core.extract.ranges import OR_MORE, OR_MORE_QUALIFIER, PLUS, RANGE_CURRENCY
from pipeline.core.extract.scan import millions_before, thousands_before
from pipeline.core.extract.sentences import Sentences
from pipeline.core.extract.subjects.by_kind import figure_subject
from pipeline.core.extract.subjects.counts import count_subject
from pipeline.core.extract.units import (CURRENCY_BEFORE, MN_AFTER, PESO_SIGN, SCALED_UNITS, SPANISH_UNITS, UNIT,
                                         read_ton, restate, to_kg, unit_info)
from pipeline.core.lexicon import MONTHS, QUALIFIER, QUALIFIER_LAST

_SPACES = re.compile(r"\s+")
# a hyphen at a line break inside a word (cleaning joined the lines): not a suspended hyphen ("short- and long-term")
_LINE_HYPHEN = re.compile(r"(?<=[a-záéíóúñ])-\s+(?!(?:and|or|to|y|e|o|u|a)\b)(?=[a-záéíóúñ])")
_SPANISH_DE_UNIT = re.compile(r"[^\S\n]+de(?=[^\S\n])")


def read_candidate(text: str, low: str, m: re.Match, lang: str, tons_rule: str, sentences: Sentences,
                   found: list[Mention]) -> Mention | None:
    """One candidate numeral: a Mention, or None when it is not a measurement."""
    groups = m.groupdict()  # built once: each call makes a new dict
    digits = groups.get("digits")
    read = _value(low, m, lang, groups, digits, sentences)
    if read is None:
        return None
    value, num_end, start, decimal_comma = read
    if groups.get("words") and text.startswith(" (", num_end):
        num_end = _restated(text, num_end, value, lang)  # "Seventeen (17) firearms", "four hundred (400) grams"
    cur, start = _currency_sign(text, low, m, lang, digits, start)
    plus = PLUS.match(text, num_end) if digits else None
    if plus:
        num_end = plus.end()  # "700,000+ pills", "2,000-plus rounds": at least that many
    value, num_end, fraction = _fraction(text, low, lang, groups, digits, value, num_end, plus)
    if (groups.get("article") or groups.get("words")) and value == 1 and (PRICE_BEFORE.search(text, max(0, start - 24), start) or
                                                 PRICE_AFTER.match(text, num_end, num_end + 48) or
                                                 groups.get("words") and _unit_base(text, num_end)):
        return None  # "the price of a kilogram", "a kilo of cocaine sells for": a unit price's unit, not an amount
    if value == 1 and (groups.get("article") or groups.get("words") or digits == "1") and _yield_base(text, start, num_end):
        return None  # "One kilogram of precursor can produce ...": the base of a yield, not an amount
    if groups.get("abbr") and not cur and not (groups["abbr"].lower() == "k" and (
            thousands_of(text, num_end, lang) or cell_label(text, start, num_end) is not None)):
        return None  # "5m", "10k" are amounts after a currency sign, or "27K" before a mass unit or plural
    before = text[max(0, start - 60):start]
    prev = before.rsplit(None, 1)[-1].lstrip("(") if before.strip() else ""
    prev_word = prev.lower()
    if not cur and prev:
        capital = prev[0].isupper()
        if capital and prev_word.rstrip(",.") in MONTHS:
            return None  # "June 27", "October 14, 2022" ("may" is also a verb: capitals only)
        if (capital or prev_word == "#") and prev_word in ID_BEFORE or prev_word in ID_BEFORE_ANY_CASE:
            return None  # "Title 18", "Fiscal Year 2023", "No. 5"
    if not cur and digits and text.startswith((".", ")"), num_end):
        line = before.rpartition("\n")
        if not line[2].strip() and (line[1] or start <= 60):
            return None  # list ordinal "1." / "2)" at the start of a line
    is_year = bool(digits and len(digits) == 4 and digits.isdigit() and 1800 <= value <= 2100 and num_end == m.end("digits"))

    # "400 grams or more of", "5 or more years", "10 or more defendants": at least that many
    or_more = OR_MORE.match(low, num_end) if low.startswith((" or ", " o "), num_end) else None
    unit_m = _unit_after(text, low, lang, groups, digits, num_end, or_more)
    counted = elided_subject = forced_subject = compared = None
    if unit_m is None and (fraction is not None or decimal_comma and not (cur or groups.get("scale"))):
        return None  # a fraction is read before a unit only; a decimal comma before a unit, a scale or after a sign
    if unit_m is None and digits and digits[0] == ".":
        return None  # ".5" is a figure only before a unit (".31 pounds")
    if unit_m is not None:
        code, kind = unit_info(unit_m.group("unit"))
        end = unit_m.end()
        if lang == "en" and digits and "." in digits and not groups.get("scale") and DOT_THOUSANDS.fullmatch(digits) \
                and unit_m.group("unit").lower() in SPANISH_UNITS:
            value = parse_digits(digits, "es")  # "1.250 kilogramos" quoted in an English text: Spanish thousands
        half = AND_A_HALF.match(low, end) if low.startswith((" and a half", " y medi"), end) and kind in (
            "mass", "duration") and fraction is None else None
        if half is not None:
            value += 0.5  # "tres toneladas y media", "a ton and a half"
            end = half.end()
        compound = _COMPOUND.match(low, end) if kind in ("mass", "duration") and fraction is None else None
        if compound is not None:
            extra = _compound_part(compound, code, lang)
            if extra is not None:
                value += extra  # "15 años y 6 meses" (15.5 years), "3 kilos 400 gramos" (3.4 kg): one amount
                end = compound.end()
                if code == "ton":
                    code = "metric_ton"  # "2 tons 400 kilograms": a ton counted up with kilograms is a metric ton
        if kind == "duration" and (AGE.match(text, end) or lang == "es" and AGE_BEFORE_ES.search(before)):
            return None  # "24 years old", "un hombre de 35 años" is an age
        if kind == "duration" and (TIME_REF_AFTER.match(text, end) or lang == "es" and TIME_AGO_BEFORE.search(before)):
            return None  # "hace dos años", "two years earlier": a point in time, not a period
        if kind == "duration" and (DAY_FINE.match(text, end) or whole_period(text, end, value)):
            return None  # "1,500 días de salario" (a fine), "los 365 días del año", "24 hours a day"
        if kind == "mass" and unit_m.group().lstrip().startswith("-") and (BODY_WEIGHT.match(text, end) or found and
                                                                           found[-1].char_end > start):
            return None  # "a 6-foot-2, 240-pound man": a body weight; "20 1-kilogram packages": the size of what is counted
        if kind == "currency" and cur and code == "usd" and ("MX" in cur.upper() or cur.startswith("Ps")):
            code = "mxn"
        if kind == "currency" and len(unit_m.group("unit")) <= 4 and unit_m.group("unit").lower() in SCALED_UNITS:
            value *= SCALED_UNITS[unit_m.group("unit").lower()]  # "500 mdp": 500 millones de pesos
        unit_text = unit_m.group("unit")
    elif cur:
        kind, end = "currency", num_end
        us_sign = cur.lstrip().upper().startswith(("US", "U.S."))  # "US$612,000" in a Spanish text is dollars
        code = "mxn" if ("MX" in cur.upper() or cur.startswith("Ps") or lang == "es" and not us_sign or cur[:1] == "$" and text.startswith(
            (" M", "M", " (", " m"), num_end) and MN_AFTER.match(text, num_end)) else "usd"
        unit_text = cur.strip()
    else:
        bare = bare_figure(text, low, lang, value, digits, groups, start, num_end, before, or_more, is_year, found,
                           sentences)
        if bare is None:
            return None
        kind, code, end, unit_text, counted, elided_subject, forced_subject, compared, scale = bare
        if m.re is SIGNED_CELL and kind != "percent":
            return None  # "| -5 |" under a header that names no percent: a change of something unsaid
        if kind == "count" and counter_line(text, start, num_end):
            return None  # "💬 212 comments   ↪ 389 shares": a social post's counters, not a reported count
        value *= scale

    if groups.get("words") and unit_m is not None and text.startswith(" (", end):
        end = _restated(text, end, value, lang)  # "Two Hundred Thousand Dollars ($200,000.00)": one amount
    # accepted: now the qualifier, sentence, unit reading and subject
    qualifier, q_start = _qualifier(plus, or_more, prev_word, before, start)
    s_start, s_end = sentences.span(start)
    sentence = text[s_start:s_end].strip()
    assumption = value_kg = None
    if kind == "mass":
        if code == "metric_ton" and unit_text.lower().startswith(("ton", "tonelada")) and end > num_end and \
                not unit_text.lower().startswith(("tonne", "ton métrica", "tonelada métrica")) and _COMPOUND.search(text[num_end:end]):
            assumption = "metric_ton: a ton counted up with kilograms ('2 tons 400 kilograms') is metric"
        if code == "ton":
            code, assumption = read_ton(text, lang, tons_rule, s_start, start, end, s_end)
        if code == "mg":
            value, code, assumption = restate(value, code)
        if compared is not None and compared.kind == "mass":
            assumption = compared.unit_assumption  # "7 tons ..., compared with 5 in 2023": the same reading of "tons"
        value_kg = to_kg(value, code)
    elif kind == "currency" and code == "mxn" and lang == "es" and cur and "MX" not in cur.upper() and unit_m is None:
        assumption = "mxn: '$' in a Spanish text is read as pesos"
    if elided_subject is not None:
        subject = elided_subject  # a noun the sentence left out (elided_count, compared_figure, cell_label)
    elif forced_subject is not None:
        subject = forced_subject  # the compared figure's substance, or the row label of a table cell
    elif counted is not None:
        subject = count_subject(text, counted, text[max(0, s_start, start - 60):q_start], NUMBER_WORDS[lang], lang)
    else:
        subject = _measured_subject(text, kind, start, end, q_start, s_start, unit_m, found, lang)
    if subject and "- " in subject:
        subject = _LINE_HYPHEN.sub("", subject)  # "recursos inmoviliza-\ndos": a word broken across a line is one word
    return Mention(start, end, text[start:end], kind, value, code, unit_text, value_kg, assumption,
                   subject, qualifier, sentence)


def _unit_base(text: str, num_end: int) -> bool:
    """Whether "one" and the mass unit after it are a price's base: "One kilogram of 4-AP sold for $800"."""
    unit_m = UNIT.match(text, num_end)
    return unit_m is not None and unit_info(unit_m.group("unit"))[1] == "mass" and \
        PRICE_AFTER.match(text, unit_m.end(), unit_m.end() + 48) is not None


_YIELD_LEAD = frozenset("just only each every even a single sólo solo cada apenas un una".split())


def _yield_base(text: str, start: int, num_end: int) -> bool:
    """Whether one unit of mass is the base of a yield: "One kilogram of precursor ... can produce",
    "un kilo de precursor puede rendir", "turn one kilogram of powder into a quarter of a million pills"."""
    unit_m = UNIT.match(text, num_end)
    if unit_m is None or unit_info(unit_m.group("unit"))[1] != "mass":
        return False
    end = unit_m.end()
    lead = re.split(r"[.!?;:\n\"“]", text[max(0, start - 40):start])[-1].split()
    return all(w.lower() in _YIELD_LEAD or not w[0].isalnum() for w in lead) and YIELD_AFTER.match(text, end, end + 110) is not None or (
        YIELD_BEFORE.search(text, max(0, start - 16), start) is not None and YIELD_INTO.match(text, end, end + 60) is not None)


# Digits in parentheses restating the number words before them, as legal texts write amounts.
_RESTATED = re.compile(r" \((?:us)?\$?(?P<d>[0-9][\d,]*(?:\.\d+)?)\)", re.IGNORECASE)


def _restated(text: str, pos: int, value: float, lang: str) -> int:
    """The end of a parenthesis at ``pos`` restating ``value`` in digits ("four (4) years"), else ``pos``."""
    r = _RESTATED.match(text, pos)
    return r.end() if r is not None and parse_digits(r.group("d"), lang) == value else pos


# The smaller unit completing an amount: "15 años y 6 meses", "3 kilos 400 gramos", "1 tonelada 200 kilos",
# "5 years and 6 months", "2 pounds 4 ounces".
_COMPOUND = re.compile(r"[^\S\n]+(?:(?:y|and)[^\S\n]+)?(?P<n>[0-9]{1,3}|[a-zé]{2,9})[^\S\n]+(?P<u>meses|mes|months|month|"
                       r"gramos|gramo|grams|gram|g|kilogramos|kilogramo|kilograms|kilogram|kilos|kilo|kg|onzas|ounces|oz)\b")
_COMPOUND_FACTORS = {("year", "month"): 1 / 12, ("kg", "g"): 1e-3, ("metric_ton", "kg"): 1e-3, ("ton", "kg"): 1e-3,
                     ("lb", "oz"): 1 / 16}


def _compound_part(m: re.Match, code: str, lang: str) -> float | None:
    """The smaller part of a compound amount, in the larger unit (``code``), or None."""
    factor = _COMPOUND_FACTORS.get((code, unit_info(m.group("u"))[0]))
    if factor is None:
        return None
    n = m.group("n")
    if n.isdigit():
        value = float(n)
    else:
        words = parse_words(n, lang)
        if words is None or words[1] != len(n):
            return None
        value = words[0]
    return value * factor if 0 < value * factor < 1 else None


def _value(low: str, m: re.Match, lang: str, groups: dict, digits: str | None,
           sentences: Sentences) -> tuple[float, int, int, bool] | None:
    """(value, end of the numeral, its start, whether a decimal comma was read), or None for no amount."""
    parsed = parse_numeral(m, lang, groups)
    start = m.start()
    decimal_comma = False
    if lang == "en" and digits and "." in digits and DOT_THOUSANDS.fullmatch(digits) and (
            parsed is None or sentences.spanish_digits()):
        # "1.234.567 pills": dotted thousands, never an English number; "1.500 pills" in a translation that
        # writes "3,5 tonnes" elsewhere
        parsed = parse_numeral(m, "es", groups)
    if parsed is None:
        if lang != "en" or not digits or "," not in digits:
            return None
        # "6,5 tons" in a translation from Spanish: a decimal comma, read only before a unit
        parsed = parse_numeral(m, lang, groups, decimal_comma=True)
        if parsed is None:
            return None
        decimal_comma = True
    value, num_end = parsed
    if not value:
        return None  # "0 deaths", "$0": no amount (the warehouse's values are positive by contract)
    if lang == "es" and digits and len(digits) == 3 and digits.isdigit() and low.endswith("mil ", 0, start):
        thousands = thousands_before(low, start)  # "mil 200 personas" (1,200), "dos mil 500 armas" (2,500)
        if thousands is not None:
            value = (thousands[0] + float(digits)) * (value / float(digits))
            start = thousands[1]
    elif lang == "es" and digits and value < 1e6 and low.endswith(("millón ", "millon ", "millones "), 0, start):
        millions = millions_before(low, start)  # "un millón 900 mil cartuchos" (1,900,000)
        if millions is not None:
            value, start = millions[0] + value, millions[1]
    return value, num_end, start, decimal_comma


def _currency_sign(text: str, low: str, m: re.Match, lang: str, digits: str | None, start: int) -> tuple[str | None, int]:
    """(the currency sign before a digit numeral, or None; the figure's start, moved back over the sign)."""
    cur = None
    if digits and ("$" in low[max(0, start - 3):start] or low[max(0, start - 4):start].rstrip().endswith(("usd", "mxn"))):
        cur = CURRENCY_BEFORE.search(low, max(0, start - 8), start)
        if cur:
            cur, start = text[cur.start():start], cur.start()
    if cur is None and digits and text.endswith(("Ps.", "Ps. ", "Ps", "Ps "), max(0, start - 4), start):
        sign = PESO_SIGN.search(text, max(0, start - 5), start)  # "Ps. 200 million", "Ps 3.5 billion": pesos
        if sign:
            cur, start = text[sign.start():start], sign.start()
    if cur is None and digits and m.re is RANGE_UPPER[lang] and "$" in low[max(0, start - 24):start]:
        # "$5-10 million": the sign written once, before the range; the upper bound starts at its digits
        sign = RANGE_CURRENCY.search(low, max(0, start - 24), start)
        cur = text[sign.start("sign"):sign.end("sign")] if sign else None
    return cur, start


def _fraction(text: str, low: str, lang: str, groups: dict, digits: str | None, value: float, num_end: int,
              plus: re.Match | None) -> tuple[float, int, re.Match | None]:
    """(value, end, fraction match) after a fraction that follows the number, if one does."""
    fraction = None
    if (groups.get("words") or digits and digits.isdigit() and len(digits) == 1) and lang == "en" and \
            text.startswith(("-", " "), num_end):
        # "one-half pound", "three-quarters of a kilogram", "3 quarters of a ton"
        part = WORD_FRACTION.match(low, num_end)
        if part is not None:
            value, num_end, fraction = value / FRACTION_PARTS[part.group("part")], part.end(), part
    elif lang == "es" and (groups.get("words") or digits and digits.isdigit() and len(digits) == 1) and \
            low.startswith((" cuart", " terci"), num_end):
        part = WORD_FRACTION_ES.match(low, num_end)  # "tres cuartos de tonelada", "un cuarto de kilo"
        if part is not None:
            value, num_end, fraction = value / FRACTION_PARTS[part.group("part")], part.end(), part
    if fraction is None and not plus and (digits or groups.get("words")) and (
            low.startswith(" and a ", num_end) or text[num_end + 2:num_end + 3] == "/" or
            text[num_end:num_end + 1] in VULGAR_FRACTIONS):
        fraction = FRACTION_AFTER.match(low, num_end)  # "2½ pounds", "1 1/2 pounds", "two and a half tons"
        if fraction is not None:
            value += fraction_value(fraction)
            num_end = fraction.end()
    return value, num_end, fraction


def _unit_after(text: str, low: str, lang: str, groups: dict, digits: str | None, num_end: int,
                or_more: re.Match | None) -> re.Match | None:
    """The unit written after the numeral (past "or more", "millones de", "more"), or None."""
    unit_m = UNIT.match(text, or_more.end() if or_more else num_end)
    if unit_m is not None and SIZED.match(text, unit_m.end()):
        unit_m = None  # "10 kilo-sized bricks" counts bricks
    if unit_m is None and low[:num_end].endswith(("mil", "millón", "millon", "millones")):
        de = _SPANISH_DE_UNIT.match(text, num_end)  # "20 millones de dólares", "dos millones de pesos"
        unit_m = UNIT.match(text, de.end()) if de else None
    if unit_m is None and (digits or groups.get("words")) and lang == "en" and low.startswith(
            (" more ", " additional ", " extra "), num_end):
        more = UNIT.match(text, low.index(" ", num_end + 1))  # "1,500 more pounds", "three more years"
        unit_m = more  # a unit after "more" is the unit of the figure
    return unit_m


def _qualifier(plus: re.Match | None, or_more: re.Match | None, prev_word: str, before: str,
               start: int) -> tuple[str | None, int]:
    """(qualifier, where it starts): "more than" from a "+", "at least" from "or more", or the words before."""
    qualifier, q_start = ("more than" if plus else OR_MORE_QUALIFIER[or_more.group(1)] if or_more else None), start
    if prev_word in ("~", "≈"):  # "~2,500 lbs", "≈ $9M"
        qualifier, q_start = "approximately", start - len(before) + before.rfind(prev_word)
    elif prev_word in QUALIFIER_LAST or prev_word.rstrip(".") in QUALIFIER_LAST:
        # the longest qualifier is < 48 characters: searching only the tail bounds the cost
        tail = before[-48:]
        qual = QUALIFIER.search(tail)
        if qual:
            qualifier = _SPACES.sub(" ", qual.group("q")).lower()
            q_start = start - (len(tail) - qual.start("q"))
    return qualifier, q_start


def _measured_subject(text: str, kind: str, start: int, end: int, q_start: int, s_start: int,
                      unit_m: re.Match | None, found: list[Mention], lang: str) -> str | None:
    """The subject of a figure with a unit or a currency sign: by its kind, else its table row or line label."""
    # "a two-month operation": a hyphen-attached unit describes the noun after it
    attributive = unit_m is not None and unit_m.group().lstrip().startswith("-")
    subject = figure_subject(text, kind, end, text[s_start:q_start], found, s_start, NUMBER_WORDS[lang], lang,
                             attributive)
    if subject is None and text[s_start:s_start + 1] == "|":
        subject = table_row_name(text[s_start:start])  # "| Fentanyl | 1,200 kg |": the row's name
    if subject is None or kind == "currency" and subject.startswith("funds "):
        # "Funding obligated: $96.4 million": the line's label (it also beats a sum's guess from a verb before it:
        # "Currency seized: $3.1 million" is the currency seized, not "funds seized")
        cell = cell_label(text, q_start, end, measured=True)
        subject = cell[0] if cell is not None and cell[1] is None else subject
    return subject
