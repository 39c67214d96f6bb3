"""Every quantity mention in a text: the entry point of the extractor.

How a figure is found, in one pass over the text:
1. ``_CANDIDATE`` finds each numeral (digits, digits + scale word, number words), with an
   optional currency sign before it. Numerals inside identifiers, decimals (".50"), dates,
   times, phone numbers and URLs are ruled out by the look-behind / look-ahead.
2. The words just before it rule out dates ("June 27"), identifiers ("Title 18", "Fiscal Year
   2023"), list ordinals ("1.") and bare calendar years.
3. What follows decides the kind: a unit (mass, percent, area, duration, "dollars"), else the
   currency sign, else a counted plural noun ("5,046 defendants"). A numeral followed by none
   of these is not a measurement and is dropped.
4. The qualifier ("more than", "an average of more than") is read just before the numeral; the
   subject comes from ``subjects``; a bare "tons" is resolved by ``units.resolve_tons``.
5. A range is two figures, one per bound, each with its own characters: "between 10 and 20
   kilograms" gives "10" and "20 kilograms", both in kilograms, of the same subject ("10-15
   tons", "entre 5 y 7 toneladas", "$5-10 million", "5 or 6 kilos" alike).
6. A few figures stand without a unit or noun right after them and are read from their context:
   a signed change in a table ("| -15% |": 15 percent), a count whose noun a change or level verb
   left out ("overdose deaths dropped to about 87,000", "encounters totaled 58,000"), people after a
   verb that only takes people ("arrested 14 in a raid"), and a "1" inside a list of counts ("2 armas
   largas, 1 arma corta").
A text in two languages (a release followed by its translation) is read part by part, each in its
own language (``language.language_runs``); a scale word of the other language still scales ("1.5
million pills" quoted in a Spanish text).
Vague amounts ("dozens of", "thousands of", "multi-billion-dollar") are a second small pattern;
they are kept with value None and is_vague True, never given a number. Units outside the
warehouse's codes are restated in one of them ("2 milligrams" is 0.002 g, the reason in
unit_assumption); a value of zero is no amount.
"""
from __future__ import annotations

import bisect
from operator import methodcaller
import re
from dataclasses import dataclass, replace

from pipeline.core import subjects as subj
from pipeline.core.language import language_runs
from pipeline.core.numbers import (ARTICLE_NUMERAL, DIGIT_NUMERAL, FIRST_WORDS, FRACTION_NUMERAL, FRACTION_PARTS,
                                   HYPHEN_RANGE, LARGE_SCALES, RANGE_UPPER, SIGNED_PERCENT, VULGAR_FRACTIONS,
                                   WORD_FRACTION, WORD_NUMERAL, WORD_START, WORDS, parse_digits, parse_numeral,
                                   parse_words, word_alternation)
from pipeline.core.units import SCALED_UNITS, TONS_RULES, UNIT, resolve_tons, restate, to_kg, unit_info


@dataclass(frozen=True)
class Mention:
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


_START = methodcaller("start")


_NUMERAL_CHARS = frozenset("0123456789.,%")


def _whole_period(text: str, end: int, value: float) -> bool:
    """"los 365 días del año", "24 hours a day", "7 days a week": the whole of a period, an idiom of constancy."""
    m = _WHOLE_PERIOD.match(text, end)
    if m is None:
        return False
    period = m.group().split()[-1].lower()
    return value in _PERIOD_SIZE.get(period, ())


def _hyphen_range_uppers(low: str) -> list[int]:
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


# The currency sign of a range written once before it: "$5-10 million".
_RANGE_CURRENCY = re.compile(r"(?P<sign>(?:us|usd|u\.s\.|mx)?\$)[^\S\n]?[0-9][\d.,]*[-–]\Z")
# A fraction after a whole number, before its unit: "2½ pounds", "1 1/2 pounds", "two and a half tons".
_FRACTION_AFTER = re.compile(
    r"(?P<vulgar>[½¼¾⅓⅔])|[^\S\n](?P<num>[1-9])/(?P<den>[2-8])(?![\d/])|[^\S\n]+and[^\S\n]+a[^\S\n]+(?P<word>half|quarter)\b")
_OR_MORE = re.compile(r"[^\S\n]+(?:or|o)[^\S\n]+(more|fewer|less|más|menos|so)[^\S\n]+(?!than\b|de\b|que\b)")
_OR_MORE_QUALIFIER = {"more": "at least", "más": "at least", "fewer": "at most", "less": "at most", "menos": "at most",
                      "so": "about"}  # "thirty or so officers"
# "and a half" / "y media" after the unit: "a ton and a half", "tres toneladas y media".
_AND_A_HALF = re.compile(r"[^\S\n]+(?:and[^\S\n]+a[^\S\n]+half|y[^\S\n]+medi[ao])\b")


def _fraction_value(m: re.Match) -> float:
    if m.group("vulgar"):
        return VULGAR_FRACTIONS[m.group("vulgar")]
    if m.group("num"):
        return int(m.group("num")) / int(m.group("den"))
    return 0.5 if m.group("word") == "half" else 0.25

# A currency sign just before a digit numeral (checked on the lower-cased text).
_CURRENCY_BEFORE = re.compile(r"(?:(?<![a-z])(?:us|usd|u\.s\.|mxn|mx|m\.n\.)[^\S\n]?)?\$[^\S\n]?$|\b(?:usd|mxn)[^\S\n]?$")
# Unit words only Spanish writes: a figure before one is written the Spanish way ("1.250 kilogramos").
_SPANISH_UNITS = frozenset({"kilogramos", "kilogramo", "toneladas", "tonelada", "gramos", "libras", "pesos", "dólares",
                            "hectáreas", "toneladas métricas"})
_DOT_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
# The peso abbreviation of English-language Mexican press and filings: "Ps. 200 million", "Ps 3.5 billion".
_PESO_SIGN = re.compile(r"(?<![A-Za-z])Ps\.?[^\S\n]?\Z")
# "moneda nacional" after a sum in "$": "$3,450,000 M.N.", "$1,500,000.00 (un millón quinientos mil pesos 00/100 M.N.)"
_MN_AFTER = re.compile(r"[^\S\n]*(?:M\.[^\S\n]?N\.|MN\b|MXN\b|m\.n\.|\([^()\n]{0,100}?M\.[^\S\n]?N\.\))")
# "+" or "-plus" right after a numeral: "more than" written after it.
_PLUS = re.compile(r"\+(?![\d+])|-plus\b", re.IGNORECASE)
_NUMBER_WORDS = {lang: frozenset(words) for lang, words in WORDS.items()}

_QUALIFIER = re.compile(
    r"(?:^|(?<=[\s(]))(?P<q>(?:(?:an?\s+average\s+of|a\s+total\s+of|a\s+combined(?:\s+total\s+of)?|in\s+total|"
    r"un\s+promedio\s+de|un\s+total\s+de)\s+)?"
    r"(?:more\s+than|over|nearly|almost|approximately|approx\.|about|around|roughly|some|up\s+to|at\s+least|"
    r"less\s+than|fewer\s+than|under|close\s+to|an\s+estimated|estimated|in\s+excess\s+of|upwards\s+of|"
    r"just\s+over|just\s+under|well\s+over|as\s+many\s+as|as\s+much\s+as|no\s+fewer\s+than|no\s+less\s+than|"
    r"at\s+most|a\s+maximum\s+of|a\s+minimum\s+of|"
    r"más\s+de|mas\s+de|casi|aproximadamente|alrededor\s+de|cerca\s+de|menos\s+de|hasta|poco\s+más\s+de|"
    r"poco\s+menos\s+de|al\s+menos|por\s+lo\s+menos|cuando\s+menos|unos|unas|un\s+estimado\s+de)"
    r"|an?\s+average\s+of|a\s+total\s+of|a\s+combined|un\s+total\s+de)\s*$",
    re.IGNORECASE,
)

_SPACES = re.compile(r"\s+")
_MONTHS = subj.MONTHS
# Words before a number that make it a name or an identifier, not an amount.
_ID_BEFORE = frozenset("""
no no. nos. number num. # title section sec. article art. chapter part rule route highway interstate
suite ste. room docket case form exhibit phase level tier year fy class schedule operation flight lot box
pier gate exit page p. pp. vol. volume issue item appendix figure table station district precinct
order law code decree resolution regulation act week stage round zone sector lane
artículo fracción capítulo número núm. lote ley decreto
glock colt beretta ruger barrett taurus remington winchester browning mossberg walther sig kimber springfield
""".split())
# Words that name an identifier in any case: "at mile marker 18", "version 2 of the plan", "kilómetro 45"
# ("highway", "route" only capitalized: "on the highway 2 people died", "en route 3 agents")
_ID_BEFORE_ANY_CASE = frozenset("""
marker milepost model version footnote km kilómetro kilometro suite docket
no. nos. núm. número
""".split())
# Last word of every qualifier: the qualifier pattern only runs when the word before a number is one.
_QUALIFIER_LAST = frozenset("""
than over nearly almost approximately approx about around roughly some to least under estimated of excess
just as combined total average de casi aproximadamente hasta más mas most menos unos unas
""".split())
# A 4-digit number after these is an amount ("seized 2022 pills"), not a calendar year.
_YEAR_CONTEXT_OK = ("ed", "more than", "over", "nearly", "approximately", "about", "some")
_MORE_COUNT = re.compile(r"[^\S\n]+(?:more|más)(?=[^\S\n])")
_WERE = re.compile(r"[^\S\n]+(?:were|are|was|is|fueron|eran|son)(?=[^\S\n])", re.IGNORECASE)
_WERE_BEFORE = re.compile(r"\b(?:which|whom|them|these|those|cuales|ellos|ellas)\s*$", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"[^\S\n]+(?:of|de)[^\S\n]+(?:(?:the|these|those|its|their|our|all|los|las|sus)[^\S\n]+|[A-Z][\w.]*(?:['’]s)?[^\S\n]+){1,2}"
)
_INNER_NUMBER = re.compile(r"[\d.,]*\d(?=[^\S\n])")
_SPANISH_DE_UNIT = re.compile(r"[^\S\n]+de(?=[^\S\n])")
# Not a count: a caliber ("9mm", "5.56 mm"), a rate's denominator ("per 100,000", "por cada
# 100 mil"), either number of a ratio ("six out of 10", "1 in 4", "siete de cada 10").
_PRICE_BEFORE = re.compile(r"\b(?:(?:price|prices|cost|costs|value|precio|costo)[^\S\n]+(?:of|for|per|del|por)|per|each|"
                           r"por)[^\S\n]+\Z|"
                           # a sum right before: "$20,000 a kilo", "15 mil pesos el kilo"
                           r"\$[^\S\n]?[0-9][\d.,]*(?:[^\S\n]+(?:thousand|million|billion|mil))?"
                           r"(?:[^\S\n]+(?:dollars|pesos|d[oó]lares))?[^\S\n]+\Z|"
                           r"[0-9][^\S\n]+(?:dollars|pesos|d[oó]lares)[^\S\n]+\Z", re.IGNORECASE)
# "a kilogram of fentanyl sells for", "a kilo can cost": the unit of a price, right before the price verb
_PRICE_AFTER = re.compile(r"\w*(?:[^\S\n]+(?:of|de)[^\S\n]+[\w-]+(?:[^\S\n]+[\w-]+)?)?[^\S\n]+(?:can[^\S\n]+|may[^\S\n]+)?"
                          r"(?:sells?|costs?|fetch(?:es)?|retails?|goes[^\S\n]+for|is[^\S\n]+worth|se[^\S\n]+vende|cuesta)\b",
                          re.IGNORECASE)
_CALIBER = re.compile(r"[^\S\n]?mm\b", re.IGNORECASE)
# The size of each counted thing between a number and its noun: "20 1-kilogram packages", "12 one-pound bricks".
_SIZE_BEFORE = re.compile(r"[^\S\n]+(?:[0-9][\d.,]*|one|two|three|four|five|ten|half|un|una|medio)(?=-)", re.IGNORECASE)
# A modifier of the counted noun, then a second figure with its own modifier and the noun itself:
# "123 large-scale and 1,130 small-scale systems", "5 federal and 12 state agents".
_COORDINATED = re.compile(r"[^\S\n]+(?P<mod>[a-z][a-z-]+)[^\S\n]+(?:and|or)[^\S\n]+(?=[0-9])")
# The charges of an indictment: "a 34-count indictment", "an 11-count superseding indictment".
_N_COUNT = re.compile(r"-count[^\S\n]+(?:(?:superseding|federal|criminal|sealed)[^\S\n]+)?(indictments?|complaints?|"
                      r"informations?)\b", re.IGNORECASE)
# "one count of conspiracy", "1 charge of money laundering": a single charge
_ONE_CHARGE = re.compile(r"[^\S\n]+(?P<w>count|charge)[^\S\n]+of[^\S\n]", re.IGNORECASE)
# The first term of a ratio: "3 civilians for every one wounded", "10 detenidos por cada 1 liberado".
_FOR_EVERY = re.compile(r"[^\S\n]+(?:for[^\S\n]+every|por[^\S\n]+cada)[^\S\n]", re.IGNORECASE)
_PER_BEFORE = re.compile(r"\b(?:per|por[^\S\n]+cada)[^\S\n]*$", re.IGNORECASE)
_RATIO_AFTER = re.compile(r"[^\S\n]+(?:out[^\S\n]+of|de[^\S\n]+cada)[^\S\n]", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"(?:^|\s)(\S+)[^\S\n]+(?:out[^\S\n]+of|in|de[^\S\n]+cada)(?:[^\S\n]+every)?[^\S\n]*$",
                           re.IGNORECASE)
# A unit describing the size of the counted thing: "10 kilo-sized bricks", "one-pound packages".
_SIZED = re.compile(r"-sized?\b", re.IGNORECASE)
# "a 240-pound man": a hyphen-attached mass before a person describes a body, not a seizure
_BODY_WEIGHT = re.compile(r"[^\S\n]+(?:(?:white|black|hispanic|mexican|american|adult|young|older)[^\S\n]+)?"
                          r"(?:man|men|woman|women|male|female|person|suspect|individual|boy|girl|teen(?:ager)?)\b",
                          re.IGNORECASE)
# "1,500 días de salario", "300 días multa": a fine counted in days of wages; "los 365 días del año",
# "24 hours a day": an idiom of constancy, not a period
_DAY_FINE = re.compile(r"[^\S\n]+(?:de(?:l)?[^\S\n]+(?:salario|multa)|multa)\b", re.IGNORECASE)
_WHOLE_PERIOD = re.compile(r"[^\S\n]+(?:del[^\S\n]+(?P<es>año|día|dia)|de[^\S\n]+la[^\S\n]+semana|"
                           r"a[^\S\n]+(?P<en>day|week|year)|of[^\S\n]+the[^\S\n]+(?:year|week))\b", re.IGNORECASE)
_PERIOD_SIZE = {"año": {12, 52, 365, 366}, "year": {12, 52, 365, 366}, "día": {24}, "dia": {24}, "day": {24},
                "week": {7}, "semana": {7}}
# Between a mass unit and its "of" phrase: an abbreviation's period ("lbs. of"), a
# conversion in parentheses ("600 pounds (272 kilograms) of"), or the end of one ("272 kilograms) of").
_UNIT_TAIL = re.compile(r"\.?(?:[^\S\n]*\([^()\n]{1,40}\)|\))?(?:,(?=[^\S\n]+of[^\S\n])|[^\S\n]+or[^\S\n]+(?:more|less))?")
# A Spanish date: "12 de junio", "el primero de octubre" (the month lower-case, as Spanish writes it).
_ES_DATE_AFTER = re.compile(r" de[^\S\n]+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
                            r"noviembre|diciembre)\b")
# An age is not a duration: "29 years old", "a 41-year-old man", "35 years of age".
_AGE = re.compile(r"(?:[^\S\n]+|-)old\b|[^\S\n]+(?:of[^\S\n]+age|de[^\S\n]+edad)\b", re.IGNORECASE)
# Spanish gives an age as "de N años" after a person or a comma: "un hombre de 35 años",
# "Juan N., de 42 años" ("un periodo de 5 años" is a duration).
_AGE_BEFORE_ES = re.compile(
    r"(?:[,(]|\b(?:hombres?|mujer(?:es)?|j[oó]venes|joven|menor(?:es)?|personas?|sujetos?|individuos?|masculino|"
    r"femenina|ni[ñn][oa]s?|adolescentes?|ciudadan[oa]s?|conductor(?:es)?|detenid[oa]s?))[^\S\n]+de[^\S\n]*$",
    re.IGNORECASE)
# Vague amounts, matched on the lower-cased text; each alternative starts with a literal so the
# engine can skip ahead (see numbers.WORD_START).
_VAGUE = re.compile(
    r"(?:(?P<v>" + word_alternation(["dozens", "hundreds", "thousands", "millions", "billions", "scores", "decenas",
                                     "cientos", "centenares", "miles", "millones", "tens"], WORD_START)
    + r")(?:\s+of\s+(?:thousands|millions))?\s+(?:of|de)\s+"
    r"|(?P<cur>m" + WORD_START + r"ulti-?(?:million|billion)-dollar))"
)
# Every word numeral and vague amount begins with one of these words, right after a delimiter.
_VAGUE_KEYS = ("dozens", "hundreds", "thousands", "millions", "billions", "scores", "decenas", "cientos",
               "centenares", "miles", "millones", "tens", "multi")
_SCAN = {lang: re.compile(r"[\s(\[\"“‘'¿¡«—–/,;:.$](?:" + word_alternation([*FIRST_WORDS[lang], *_VAGUE_KEYS]) + ")")
         for lang in FIRST_WORDS}
# Where a vague amount's noun phrase runs into the next amount.
_NEXT_AMOUNT = re.compile(r"[^\S\n]*(?:,|\b(?:and|y)\b)[^\S\n]*(?=(?:" + "|".join(_VAGUE_KEYS) + r")\b|[0-9])",
                          re.IGNORECASE)
_TIME_NOUNS = frozenset("years months weeks days años meses semanas días dias".split())
_MONEY_NOUNS = {"dollars": "usd", "dólares": "usd", "dolares": "usd", "pesos": "mxn"}

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


class _Sentences:
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


def extract_mentions(text: str, *, tons_rule: str = "by_reporter", language: str | None = None) -> list[Mention]:
    """Every quantity mention in `text`, in text order.

    Without a forced `language`, a text in two languages (a release followed by its translation)
    is read part by part, each part in its own language (``language_runs``)."""
    if tons_rule not in TONS_RULES:
        raise ValueError(f"unknown tons_rule {tons_rule!r}; expected one of {TONS_RULES}")
    if language is not None and language not in DIGIT_NUMERAL:
        raise ValueError(f"unsupported language {language!r}; expected 'en' or 'es'")
    runs = [(0, len(text), language)] if language else language_runs(text)
    if len(runs) == 1:
        return _extract(text, tons_rule, runs[0][2])
    found = []
    for start, end, lang in runs:
        found += [replace(m, char_start=m.char_start + start, char_end=m.char_end + start)
                  for m in _extract(text[start:end], tons_rule, lang)]
    return found


def _extract(text: str, tons_rule: str, lang: str) -> list[Mention]:
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case is longer: keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    sentences = _Sentences(text)
    found: list[Mention] = []
    starts = _word_starts(low, lang)
    upper = RANGE_UPPER[lang]
    # the upper bound of "10-15 tons", "10%-15%": refused by DIGIT_NUMERAL's look-behind
    range_uppers = [upper.match(low, start) for start in _hyphen_range_uppers(low)]
    candidates = [*DIGIT_NUMERAL[lang].finditer(low), *_word_numerals(low, lang, starts),
                  *ARTICLE_NUMERAL[lang].finditer(low), *filter(None, range_uppers)]
    if "/" in low or any(c in low for c in VULGAR_FRACTIONS):
        candidates += FRACTION_NUMERAL.finditer(low)  # "3/4 of a ton", "½ pound"
    if "%" in low:
        candidates += SIGNED_PERCENT.finditer(low)  # "| -15% |", "heroin +8%": refused by DIGIT_NUMERAL's look-behind
    candidates.sort(key=_START)
    if " " in low:
        candidates = _split_table_cells(text, low, candidates, DIGIT_NUMERAL[lang])
    numeral_end = -1
    for m in candidates:
        if m.start() < numeral_end:
            continue  # a word inside the numeral just read: "mil" of "20 mil kilos"
        numeral_end = m.end()
        mention = _read(text, low, m, lang, tons_rule, sentences, found)
        if mention is None and m.re is DIGIT_NUMERAL[lang] and " " in m.group("digits"):
            # "On Oct. 3 100 agents ...": not one number grouped by spaces; read what follows the first group
            m = DIGIT_NUMERAL[lang].match(low, m.start() + m.group("digits").index(" ") + 1)
            mention = _read(text, low, m, lang, tons_rule, sentences, found) if m else None
            numeral_end = m.end() if m else numeral_end
        if mention is None:
            continue
        if mention.kind != "count":  # a count's span runs on over its noun phrase ("15 of Mexico's 2,741 ...")
            numeral_end = max(numeral_end, mention.char_end)  # "1 1/2 pounds": the "1/2" is read
        s = mention.char_start
        # only a figure after a dash or a connector word can be the upper bound of a range
        bound = _range_lower(text, mention, lang, found, sentences) if s and (
            text[s - 1] in "-–" or text[s - 1] == " " and low[max(0, s - 9):s].rstrip().rpartition(" ")[2] in
            _RANGE_CONNECTORS) else None
        if bound is None:
            if m.re is upper:
                continue  # "2022-23 seizures" is no range, so no figure
        elif bound is not True:
            found.append(bound)  # the lower bound, then the upper: "between 10 and 20 kilograms"
            if bound.qualifier and mention.qualifier is None:
                mention = replace(mention, qualifier=bound.qualifier)
        found.append(mention)
    _share_mass_subjects(text, found)
    # a vague amount inside a figure or inside a longer vague amount ("thousands of pills"
    # in "hundreds of thousands of pills") is part of it, not a mention of its own
    spans = [(f.char_start, f.char_end) for f in found]
    for v in _vague(text, low, sentences, _NUMBER_WORDS[lang], starts, lang, tons_rule):
        if not any(a < v.char_end and v.char_start < b for a, b in spans):
            found.append(v)
            spans.append((v.char_start, v.char_end))
    found.sort(key=lambda x: (x.char_start, x.char_end))
    return found


def _split_table_cells(text: str, low: str, candidates: list, digit: re.Pattern) -> list:
    """A numeral read as space-grouped thousands ("610 540 311 285") in a row of a table whose cells are
    separated by spaces is one figure per cell, when the table groups its thousands with commas or dots
    ("Heroin 610 540 311 285" under "Fentanyl 1,894 1,727 2,307 1,462"). Only numerals holding a space
    are looked at, so the cost is nil for prose."""
    if not any(m.re is digit and " " in m.group() for m in candidates):
        return candidates
    out = []
    for m in candidates:
        digits = m.group("digits") if m.re is digit and " " in m.group() else None
        if not digits or " " not in digits or not _grouped_table_row(text, m.start()):
            out.append(m)
            continue
        pos, stop = m.start(), m.start("digits") + len(digits)
        while pos < stop:  # one numeral per cell, in text order (the cells lie inside the split numeral)
            space = low.find(" ", pos, stop)
            cell = digit.match(low, pos, space if space >= 0 else stop)
            if cell is not None:
                out.append(cell)
            pos = stop if space < 0 else space + 1
    return out


def _grouped_table_row(text: str, pos: int) -> bool:
    """Whether the line at `pos` is a row of label + numbers, next to another such row, and the rows write
    a thousands separator ("1,894"): the table then never groups thousands with spaces."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 240 or not _ROW_LINE.fullmatch(text, line_start, line_end):
        return False
    grouped = _COMMA_GROUPED.search(text, line_start, line_end) is not None
    neighbour = False
    if line_start:
        above = text.rfind("\n", 0, line_start - 1) + 1
        if _ROW_LINE.fullmatch(text, above, line_start - 1):
            neighbour = True
            grouped = grouped or _COMMA_GROUPED.search(text, above, line_start - 1) is not None
    if line_end < len(text):
        below = text.find("\n", line_end + 1)
        below = len(text) if below < 0 else below
        if _ROW_LINE.fullmatch(text, line_end + 1, below):
            neighbour = True
            grouped = grouped or _COMMA_GROUPED.search(text, line_end + 1, below) is not None
    return neighbour and grouped


_COMMA_GROUPED = re.compile(r"[0-9][,.][0-9]{3}(?![0-9])")


def _thousands_before(low: str, start: int) -> tuple[float, int] | None:
    """(value, start) of the Spanish number words ending in "mil" right before `start` ("mil ", "dos mil ")."""
    pos, words = start - 1, []
    while pos > 0 and len(words) < 4:
        space = low.rfind(" ", 0, pos)
        word = low[space + 1:pos]
        if word not in _NUMBER_WORDS["es"] or not words and word != "mil":
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


def _word_starts(low: str, lang: str) -> list[int]:
    """Offsets where a word numeral or a vague amount may begin, from one regex pass.

    The pattern starts with a character class of word delimiters, so the engine skips ahead in
    C; a text-initial word is added by hand. Only these few offsets are then tried in full.
    """
    starts = [m.start() + 1 for m in _SCAN[lang].finditer(low)]
    return [0, *starts] if low[:1].isalpha() else starts


def _word_numerals(low: str, lang: str, starts: list[int]) -> list[re.Match]:
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


def _read(text: str, low: str, m: re.Match, lang: str, tons_rule: str, sentences: _Sentences,
          found: list[Mention]) -> Mention | None:
    """One candidate numeral: a Mention, or None when it is not a measurement.

    Cheap rejections come first (most numerals in prose are years, dates and list numbers);
    qualifier, sentence and subject are only worked out for accepted figures.
    """
    groups = m.groupdict()  # built once: each call makes a new dict
    parsed = parse_numeral(m, lang, groups)
    digits, start = groups.get("digits"), m.start()
    decimal_comma = False
    if lang == "en" and digits and "." in digits and _DOT_THOUSANDS.fullmatch(digits) and (
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
        thousands = _thousands_before(low, start)  # "mil 200 personas" (1,200), "dos mil 500 armas" (2,500)
        if thousands is not None:
            value = (thousands[0] + float(digits)) * (value / float(digits))
            start = thousands[1]
    cur = None
    if digits and ("$" in low[max(0, start - 3):start] or low[max(0, start - 4):start].rstrip().endswith(("usd", "mxn"))):
        cur = _CURRENCY_BEFORE.search(low, max(0, start - 8), start)
        if cur:
            cur, start = text[cur.start():start], cur.start()
    if cur is None and digits and text.endswith(("Ps.", "Ps. ", "Ps", "Ps "), max(0, start - 4), start):
        sign = _PESO_SIGN.search(text, max(0, start - 5), start)  # "Ps. 200 million", "Ps 3.5 billion": pesos
        if sign:
            cur, start = text[sign.start():start], sign.start()
    if cur is None and digits and m.re is RANGE_UPPER[lang] and "$" in low[max(0, start - 24):start]:
        # "$5-10 million": the sign written once, before the range; the upper bound starts at its digits
        sign = _RANGE_CURRENCY.search(low, max(0, start - 24), start)
        cur = text[sign.start("sign"):sign.end("sign")] if sign else None
    plus = _PLUS.match(text, num_end) if digits else None
    if plus:
        num_end = plus.end()  # "700,000+ pills", "2,000-plus rounds": at least that many
    fraction = None
    if (groups.get("words") or digits and digits.isdigit() and len(digits) == 1) and lang == "en" and \
            text.startswith(("-", " "), num_end):
        # "one-half pound", "three-quarters of a kilogram", "3 quarters of a ton"
        part = WORD_FRACTION.match(low, num_end)
        if part is not None:
            value, num_end, fraction = value / FRACTION_PARTS[part.group("part")], part.end(), part
    if fraction is None and not plus and (digits or groups.get("words")) and (
            low.startswith(" and a ", num_end) or text[num_end + 2:num_end + 3] == "/" or
            text[num_end:num_end + 1] in VULGAR_FRACTIONS):
        fraction = _FRACTION_AFTER.match(low, num_end)  # "2½ pounds", "1 1/2 pounds", "two and a half tons"
        if fraction is not None:
            value += _fraction_value(fraction)
            num_end = fraction.end()
    if groups.get("article") and value == 1 and (_PRICE_BEFORE.search(text, max(0, start - 24), start) or
                                                 _PRICE_AFTER.match(text, num_end, num_end + 48)):
        return None  # "the price of a kilogram", "a kilo of cocaine sells for": a unit price's unit, not an amount
    if groups.get("abbr") and not cur and not (groups["abbr"].lower() == "k" and _thousands_of(text, num_end, lang)):
        return None  # "5m", "10k" are amounts after a currency sign, or "27K" before a mass unit or plural
    before = text[max(0, start - 60):start]
    prev = before.rsplit(None, 1)[-1].lstrip("(") if before.strip() else ""
    prev_word = prev.lower()
    if not cur and prev:
        capital = prev[0].isupper()
        if capital and prev_word.rstrip(",.") in _MONTHS:
            return None  # "June 27", "October 14, 2022" ("may" is also a verb: capitals only)
        if (capital or prev_word == "#") and prev_word in _ID_BEFORE or prev_word in _ID_BEFORE_ANY_CASE:
            return None  # "Title 18", "Fiscal Year 2023", "No. 5"
    if not cur and digits and text.startswith((".", ")"), num_end):
        line = before.rpartition("\n")
        if not line[2].strip() and (line[1] or start <= 60):
            return None  # list ordinal "1." / "2)" at the start of a line
    is_year = bool(digits and len(digits) == 4 and digits.isdigit() and 1800 <= value <= 2100 and num_end == m.end("digits"))

    # "400 grams or more of", "5 or more years", "10 or more defendants": at least that many
    or_more = _OR_MORE.match(low, num_end) if low.startswith((" or ", " o "), num_end) else None
    unit_m = UNIT.match(text, or_more.end() if or_more else num_end)
    if unit_m is not None and _SIZED.match(text, unit_m.end()):
        unit_m = None  # "10 kilo-sized bricks" counts bricks
    if unit_m is None and low[:num_end].endswith(("mil", "millón", "millon", "millones")):
        de = _SPANISH_DE_UNIT.match(text, num_end)  # "20 millones de dólares", "dos millones de pesos"
        unit_m = UNIT.match(text, de.end()) if de else None
    if unit_m is None and (digits or groups.get("words")) and lang == "en" and low.startswith(
            (" more ", " additional ", " extra "), num_end):
        more = UNIT.match(text, low.index(" ", num_end + 1))  # "1,500 more pounds", "three more years"
        unit_m = more  # a unit after "more" is the unit of the figure
    counted = elided_subject = forced_subject = compared = None
    if unit_m is None and (fraction is not None or decimal_comma and not (cur or groups.get("scale"))):
        return None  # a fraction is read before a unit only; a decimal comma before a unit, a scale or after a sign
    if unit_m is not None:
        code, kind = unit_info(unit_m.group("unit"))
        end = unit_m.end()
        if lang == "en" and digits and "." in digits and not groups.get("scale") and _DOT_THOUSANDS.fullmatch(digits) \
                and unit_m.group("unit").lower() in _SPANISH_UNITS:
            value = parse_digits(digits, "es")  # "1.250 kilogramos" quoted in an English text: Spanish thousands
        half = _AND_A_HALF.match(low, end) if low.startswith((" and a half", " y medi"), end) and kind in (
            "mass", "duration") and fraction is None else None
        if half is not None:
            value += 0.5  # "tres toneladas y media", "a ton and a half"
            end = half.end()
        if kind == "duration" and (_AGE.match(text, end) or lang == "es" and _AGE_BEFORE_ES.search(before)):
            return None  # "24 years old", "un hombre de 35 años" is an age
        if kind == "duration" and (_DAY_FINE.match(text, end) or _whole_period(text, end, value)):
            return None  # "1,500 días de salario" (a fine), "los 365 días del año", "24 hours a day"
        if kind == "mass" and unit_m.group().lstrip().startswith("-") and (_BODY_WEIGHT.match(text, end) or found and
                                                                           found[-1].char_end > start):
            return None  # "a 6-foot-2, 240-pound man": a body weight; "20 1-kilogram packages": the size of what is counted
        if kind == "currency" and cur and code == "usd" and ("MX" in cur.upper() or cur.startswith("Ps")):
            code = "mxn"
        if kind == "currency" and len(unit_m.group("unit")) <= 4 and unit_m.group("unit").lower() in SCALED_UNITS:
            value *= SCALED_UNITS[unit_m.group("unit").lower()]  # "500 mdp": 500 millones de pesos
        unit_text = unit_m.group("unit")
    elif cur:
        kind, end = "currency", num_end
        code = "mxn" if ("MX" in cur.upper() or cur.startswith("Ps") or lang == "es" or cur[:1] == "$" and text.startswith(
            (" M", "M", " (", " m"), num_end) and _MN_AFTER.match(text, num_end)) else "usd"
        unit_text = cur.strip()
    else:
        if low.startswith(" de ", num_end) and _ES_DATE_AFTER.match(low, num_end):
            return None  # "el pasado 12 de junio", "el primero de octubre": a date, not a count
        one_charge = _ONE_CHARGE.match(text, num_end) if value == 1 else None  # "one count of conspiracy"
        if groups.get("words") and value <= 1 and one_charge is None:
            return None  # "one example", "zero impunity": not the size of a set
        if is_year and not before.rstrip().lower().endswith(_YEAR_CONTEXT_OK):
            return None  # "In 2021 seizures...", "the 2022 elections": a calendar year
        if text[num_end:num_end + 1].isalpha():
            return None  # glued to letters: "5G networks", "3D scanners", "4x4 trucks" name a kind, not a number of things
        counted = _counted(text, or_more.end() if or_more else num_end, before, _NUMBER_WORDS[lang])
        if counted is None and one_charge is not None:
            counted = one_charge.group("w"), one_charge.end("w"), one_charge.group("w")
        if counted is None and digits == "1" and found and found[-1].kind == "count" and found[-1].value and \
                _LIST_SEP.fullmatch(text, found[-1].char_end, start):
            counted = _single_item(text, num_end, _NUMBER_WORDS[lang])  # "2 armas largas, 1 arma corta y 150 cartuchos"
        compared = cell = None
        if counted is None and (digits or groups.get("words")):
            compared = _compared_figure(text, before, start, num_end, value, found, sentences)
            if compared is not None and compared.kind == "mass":
                # "21,900 pounds ..., compared with 27,000 in fiscal 2023": the same unit and substance
                kind, code, end, unit_text = "mass", compared.unit, num_end, compared.unit_text
                forced_subject = compared.subject
            elif compared is not None:
                counted, elided_subject = (compared.subject, num_end, compared.unit_text), compared.subject
                if compared.surface[-1:].isdigit() and _PART_PREP.match(text, num_end) and \
                        compared.subject == f"{compared.unit_text} {_part_tail(text, compared.char_end, _NUMBER_WORDS[lang])}":
                    tail = _part_tail(text, num_end, _NUMBER_WORDS[lang])  # "12 in Sonora and 28 in Sinaloa"
                    if tail:
                        elided_subject = f"{compared.unit_text} {tail}"
                        counted = (elided_subject, num_end, compared.unit_text)
        if counted is None and compared is None and digits:
            cell = _cell_label(text, start, num_end)
            if cell is not None:
                label, label_unit = cell
                unit_l = UNIT.fullmatch(label_unit) if label_unit else None
                if label_unit and unit_l is None:
                    return None  # "Seizures (USD millions) | 12": a scale the figure does not carry
                if unit_l is not None:
                    code, kind = unit_info(unit_l.group("unit"))
                    if kind not in ("mass", "percent", "area"):
                        return None
                    if code == "ton":
                        code = "metric_ton" if lang == "es" else "short_ton"
                    end, unit_text = num_end, unit_l.group("unit")
                    forced_subject = label
                else:
                    counted, elided_subject = (label, num_end, label.split()[-1]), label
        if counted is None and compared is None and cell is None and found and \
                low.startswith((" more ", " fewer ", " less ", " más ", " mas ", " menos "), num_end):
            prior = _fewer_than(low, start, num_end, found, sentences)
            if prior is not None:  # "71 homicidios, 19 menos que en septiembre": 19 fewer of the same
                counted, elided_subject = (prior.subject, num_end, prior.unit_text), prior.subject
        if counted is None and compared is None and cell is None and digits and not is_year and \
                text[start - 1:start] == "(" and text[num_end:num_end + 1] == ")":
            listed = _listed_figure(text, start, found, sentences, _NUMBER_WORDS[lang])
            if listed is not None:  # "tortura (1,420 casos), masacres (267)", "Jalisco (15,600), Tamaulipas (13,100)"
                counted, elided_subject = (listed[0], num_end, listed[1]), listed[0]
        if counted is None and compared is None and cell is None and found and (
                before.endswith((", ", " y ", " e ", " and ", " otros ", " otras ")) or low.startswith(" más", num_end)):
            part = _list_part(text, before, start, num_end, found, sentences, _NUMBER_WORDS[lang])
            if part is not None:  # "98 votos a favor, 17 en contra", "heridos otros tres", "seiscientos más"
                counted, elided_subject = (part, num_end, part.split()[0]), part
        if counted is None and compared is None and cell is None:
            elided = _elided_count(text, before, start, num_end, found, sentences) if lang == "en" and digits else None
            if elided is None and lang == "es" and before.endswith(" ") and \
                    before[-30:].rstrip().lower().endswith(_ES_LEVEL_ENDINGS):
                level = _ES_LEVEL.search(before[-90:])  # "Las llamadas al 911 sumaron 61 mil 200"
                if level and (_WERE_AFTER.match(text, num_end) or _ES_AFTER_LEVEL.match(text, num_end)) and level.group("np").split()[0].lower() not in subj.NOT_COUNTED:
                    elided = " ".join(level.group("np").split())
            if elided is None and before.endswith((", ", ",")):
                elided = _member_of_set(text, before, start, num_end, found, sentences, _NUMBER_WORDS[lang], value)
            if elided is None and digits and before.endswith((" and ", " y ")) and found:
                elided = _next_member(text, start, num_end, found, sentences, _NUMBER_WORDS[lang], value)
            if elided is None and lang == "en" and text[num_end + 1:num_end + 2].islower():
                done = _PEOPLE_DONE.match(text, num_end)  # a headline's "27 arrested", "5 killed in ..."
                elided = f"people {done.group(1).lower()}" if done else None
            if elided is None:
                return None
            # "overdose deaths dropped to about 87,000": the count of the noun the sentence changed
            counted, elided_subject = (elided, num_end, elided.split()[-1]), elided
        if counted is not None:
            kind, code, end, unit_text = "count", "count", counted[1], counted[2]
        if counted is not None and counted[2].lower() in _TIME_NOUNS and counted[0].count(" ") == 1:
            # "12 straight months", "three consecutive years": a duration with a word before its unit
            code, kind = unit_info(counted[2])
            counted = None

    # accepted: now the qualifier, sentence, unit reading and subject
    qualifier, q_start = ("more than" if plus else _OR_MORE_QUALIFIER[or_more.group(1)] if or_more else None), start
    if prev_word in ("~", "≈"):  # "~2,500 lbs", "≈ $9M"
        qualifier, q_start = "approximately", start - len(before) + before.rfind(prev_word)
    elif prev_word in _QUALIFIER_LAST or prev_word.rstrip(".") in _QUALIFIER_LAST:
        # the longest qualifier is < 48 characters: searching only the tail bounds the cost
        tail = before[-48:]
        qual = _QUALIFIER.search(tail)
        if qual:
            qualifier = _SPACES.sub(" ", qual.group("q")).lower()
            q_start = start - (len(tail) - qual.start("q"))
    s_start, s_end = sentences.span(start)
    sentence = text[s_start:s_end].strip()
    words = _NUMBER_WORDS[lang]
    assumption = value_kg = None
    if kind == "mass":
        if code == "ton":
            code, assumption = _read_ton(text, lang, tons_rule, s_start, start, end, s_end)
        if code == "mg":
            value, code, assumption = restate(value, code)
        if compared is not None and compared.kind == "mass":
            assumption = compared.unit_assumption  # "7 tons ..., compared with 5 in 2023": the same reading of "tons"
        value_kg = to_kg(value, code)
    elif kind == "currency" and code == "mxn" and lang == "es" and not (cur and "MX" in cur.upper()) and unit_m is None:
        assumption = "mxn: '$' in a Spanish text is read as pesos"
    if elided_subject is not None:
        subject = elided_subject  # a noun the sentence left out (_elided_count, _compared_figure, _cell_label)
    elif forced_subject is not None:
        subject = forced_subject  # the compared figure's substance, or the row label of a table cell
    elif counted is not None:
        subject = _count_subject(text, counted, text[max(0, s_start, start - 60):q_start], words)
    else:
        # "a two-month operation": a hyphen-attached unit describes the noun after it
        attributive = unit_m is not None and unit_m.group().lstrip().startswith("-")
        subject = _subject(text, kind, end, text[s_start:q_start], found, s_start, words, attributive)
        if subject is None and text[s_start:s_start + 1] == "|":
            subject = _table_row_name(text[s_start:start])  # "| Fentanyl | 1,200 kg |": the row's name
        if subject is None:
            cell = _cell_label(text, q_start, end)  # "Funding obligated: $96.4 million": the line's label
            subject = cell[0] if cell is not None and cell[1] is None else None
    return Mention(start, end, text[start:end], kind, value, code, unit_text, value_kg, assumption,
                   subject, qualifier, sentence)


# The lower bound of a range, just before the upper bound's figure: "between 10 and", "10-",
# "from 5,000 to", "entre 5 y", "de 5 a", "$5 billion to", "10%-". The connector decides which
# opening word is needed: "and"/"y" only after "between"/"entre", "a" only after "de"/"desde".
# Read token by token from the end (a regex search over the text before every figure cost a
# sixth of the extraction time).
_RANGE_CONNECTORS = frozenset({"to", "through", "and", "y", "a", "al", "hasta", "or", "o", "u"})
_RANGE_INTRO = {"and": ("between",), "y": ("entre",), "a": ("de", "desde"), "al": ("de", "del", "desde"),
                "hasta": ("desde", "de")}
_LOWER_TOKEN = re.compile(r"(?:(?:us|usd|u\.s\.|mx)?\$)?(?P<digits>[0-9](?:[\d.,]*[0-9])?)(?P<pct>%)?|"
                          r"(?P<words>[^\W\d_]+(?:-[^\W\d_]+)?)", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"[^\S\n]*(?:(?:us|usd|u\.s\.|mx)?\$[^\S\n]?)?([0-9](?:[\d., ]*[0-9])?|[^\W\d_]+(?:-[^\W\d_]+)?)",
                             re.IGNORECASE)


def _range_lower(text: str, upper: Mention, lang: str, found: list[Mention], sentences: _Sentences):
    """The lower bound of a range whose upper bound is `upper`: a Mention with the upper bound's
    kind, unit and subject; True when the lower bound is already a figure of its own ("$5 billion
    to $10 billion", "10%-15%"); None when `upper` is no range's upper bound.

    A range is two figures, so each bound points at its own characters. The lower bound is below
    the upper one (or the pair is not a range: "2022-23 seizures", "voted 52 to 48"), and takes the
    upper bound's scale word when it has none and is smaller than the upper's number ("between 10
    and 20 million pills": 10 million)."""
    start = upper.char_start
    if upper.value is None or start == 0 or text[start - 1] not in " -–":
        return None
    offset = max(0, start - 48)
    head = text[offset:start].rstrip()
    if head.endswith(("-", "–")):
        conn = "-"
        head = head[:-1].rstrip()
    else:
        space = head.rfind(" ")
        conn = head[space + 1:].lower()
        if space < 0 or conn not in _RANGE_CONNECTORS:
            return None
        head = head[:space].rstrip()
    parts = head.rsplit(None, 3)
    if not parts:
        return None
    scale = 1.0
    tok = parts[-1]
    if tok.lower() in LARGE_SCALES and len(parts) > 1:
        scale, parts = LARGE_SCALES[tok.lower()], parts[:-1]
        tok_end = offset + head.rfind(parts[-1]) + len(parts[-1])
        lo_end = offset + len(head)
    else:
        tok_end = lo_end = offset + len(head)
    tok = parts[-1].lstrip("([")
    lo_start = tok_end - len(tok)
    t = _LOWER_TOKEN.fullmatch(tok)
    if t is None:
        return None
    intro = parts[-2].lower() if len(parts) > 1 else ""
    if intro in _ID_BEFORE_ANY_CASE or parts[-2:-1] and parts[-2][:1].isupper() and intro in _ID_BEFORE:
        return None  # "Public Law 115-271", "Serial No. 119-7": an identifier, not a range
    if conn in _RANGE_INTRO and intro not in _RANGE_INTRO[conn] or conn == "-" and intro in ("de", "del", "desde"):
        return None  # "15 and 20 kilos" needs "between"; "de 5 a 15 años" needs "de"
    if found and found[-1].char_end > lo_start:
        prior = found[-1]  # the lower bound is a figure already
        if prior.kind != upper.kind or prior.value is None or not prior.value < upper.value:
            return None
        if upper.subject and prior.subject != upper.subject and prior.char_end >= start - 8:
            found[-1] = replace(prior, subject=upper.subject)  # "10%-15% of ...": the range's subject
        return True
    if t.group("words"):
        if t.group("words").lower() in ("a", "an", "un", "una"):
            return None
        parsed = parse_words(t.group("words"), lang)
        if parsed is None or parsed[1] != len(t.group("words")):
            return None
        lower = parsed[0]
    else:
        lower = parse_digits(t.group("digits"), lang)
        if lower is None or t.group("pct") and upper.kind != "percent":
            return None
        if len(t.group("digits")) == 4 and 1800 <= lower <= 2100 and scale == 1.0:
            return None  # "from $1.2 billion in 2022 to $1.5 billion": a year, not a bound
        if upper.surface[:1] == "$" and "$" not in tok:
            return None  # "$5 to $10": a sum's bounds both carry the sign
    if scale != 1.0:
        lower *= scale
    else:
        # the upper bound's own number, to carry its scale word (or a restated unit) to the lower bound
        lead = _LEADING_NUMBER.match(upper.surface)
        word = lead.group(1) if lead else ""
        base = (parse_words(word, lang) or (None,))[0] if word[:1].isalpha() else (
            parse_digits(word, lang) if word[:1].isdigit() else None)
        if base and lower < base:
            lower *= upper.value / base
    if not 0 < lower < upper.value:
        if not (scale != 1.0 and intro in ("de", "from", "desde") and 0 < lower and
                _CHANGE_FROM.search(text, max(0, lo_start - len(parts[-2]) - 40), lo_start - len(parts[-2]) - 1)):
            return None  # a change's earlier level may be the larger: "pasó de 310 millones a 273 millones de pesos"
    qual_start = lo_start - (len(parts[-2]) + 1 if intro in ("between", "from", "entre", "de", "del", "desde") else 0)
    qual = _QUALIFIER.search(text, max(0, qual_start - 48), max(0, qual_start))
    qualifier = _SPACES.sub(" ", qual.group("q")).lower() if qual else None
    value_kg = to_kg(lower, upper.unit) if upper.kind == "mass" else None
    return Mention(lo_start, lo_end, text[lo_start:lo_end], upper.kind, lower, upper.unit, upper.unit_text, value_kg,
                   upper.unit_assumption, upper.subject, qualifier, upper.sentence)


# A verb of change right before "de"/"from": the figure after it is the earlier level, larger or smaller.
_CHANGE_FROM = re.compile(r"\b(?:pasar|pasó|paso|pasaron|bajar|bajó|bajaron|subir|subió|subieron|aumentar|aumentó|aumentaron|"
                          r"disminuir|disminuyó|disminuyeron|caer|cayó|cayeron|crecer|creció|crecieron|reducirse|se\s+redujo|"
                          r"se\s+redujeron|went|fell|rose|dropped|increased|decreased|declined|grew|climbed|jumped|"
                          r"cut|reduced|slashed)[^\S\n]*\Z", re.IGNORECASE)
# Between two masses that restate or complete each other: "4,000 lbs, or 1.8 tons, of marijuana",
# "1 pound 4 ounces of fentanyl", "1 ton 200 kilograms of cocaine".
_MASS_LINK = re.compile(r"[^\S\n]*(?:,|\()?[^\S\n]*(?:(?:or|and|o|y)[^\S\n]+)?(?:(?:about|approximately|nearly|roughly|"
                        r"some|aproximadamente|casi|unos|unas)[^\S\n]+)?\Z", re.IGNORECASE)


def _share_mass_subjects(text: str, found: list[Mention]) -> None:
    """A mass with no subject of its own takes the one of the mass right after it, when only a
    conversion or the rest of a compound weight stands between them."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if (a.kind == "mass" and b.kind == "mass" and a.subject is None and b.subject
                and b.char_start - a.char_end <= 24 and _MASS_LINK.match(text[a.char_end:b.char_start])):
            found[i] = replace(a, subject=b.subject)


def _table_row_name(row_before: str) -> str | None:
    """The first cell of a markdown table row, when it names something ("| Fentanyl | 1,200 kg")."""
    cells = [c.strip() for c in row_before.split("|")]
    name = next((c for c in cells if c), None)
    return name if name and name[0].isalpha() and len(name) <= 40 else None


def _thousands_of(text: str, pos: int, lang: str) -> bool:
    """Whether a mass unit or a counted plural follows: "27K pounds", "27K rounds" (not "a 10k run")."""
    unit_m = UNIT.match(text, pos)
    if unit_m is not None:
        return unit_info(unit_m.group("unit"))[1] == "mass"
    return subj.counted_noun(text, pos, _NUMBER_WORDS[lang]) is not None


def _read_ton(text: str, lang: str, tons_rule: str, s_start: int, start: int, end: int, s_end: int) -> tuple[str, str]:
    """A bare "tons" at [start, end) of the sentence [s_start, s_end): its code and why."""
    if lang == "es":
        return "metric_ton", "metric: Spanish text (tonelada is metric)"
    # the actor named last before the figure, or right after it: a window keeps a long "sentence" (a
    # table flattened without periods) linear
    return resolve_tons(text[max(s_start, start - 400):start], tons_rule, text[end:min(s_end, end + 400)])


def _counted(text: str, num_end: int, before: str, words) -> tuple[str, int, str] | None:
    """(phrase, end, head) of the plural noun a number counts, or None."""
    if _PER_BEFORE.search(before):
        return None  # "24.1 per 100,000 inhabitants": the denominator of a rate
    ratio = _RATIO_BEFORE.search(before)
    if _CALIBER.match(text, num_end) or _RATIO_AFTER.match(text, num_end) or ratio and (
            ratio.group(1)[:1].isdigit() or ratio.group(1).lower() in words):
        return None  # "9mm pistols" are not nine; "6 out of 10 pills" are not ten
    found = subj.counted_noun(text, num_end, words)
    if found is None and text.startswith(" ", num_end) and text[num_end + 1:num_end + 2].isalnum():
        size = _SIZE_BEFORE.match(text, num_end)  # "20 1-kilogram packages", "12 one-pound bricks": the packages
        unit_m = UNIT.match(text, size.end()) if size else None
        if unit_m is not None and unit_m.group()[:1] == "-" and unit_info(unit_m.group("unit"))[1] == "mass":
            found = subj.counted_noun(text, _SIZED.match(text, unit_m.end()).end() if _SIZED.match(
                text, unit_m.end()) else unit_m.end(), words)
    if found is None and text.startswith(" ", num_end):
        coord = _COORDINATED.match(text, num_end)  # "123 large-scale and 1,130 small-scale systems": systems
        if coord and coord.group("mod").lower() not in subj.STOP and coord.group("mod").lower() not in words:
            after = _INNER_NUMBER.match(text, coord.end())
            second = subj.counted_noun(text, after.end(), words) if after else None
            if second is not None and second[0].split()[0].lower() != second[2].lower():
                return f"{coord.group('mod')} {second[2]}", coord.end("mod"), second[2]
    if found is None and text.startswith("-count ", num_end):
        charges = _N_COUNT.match(text, num_end)  # "a 34-count indictment": 34 charges
        if charges:
            return f"counts of the {charges.group(1).lower()}", charges.end(), "counts"
    if found is not None:
        if _FOR_EVERY.match(text, found[1]):
            return None  # "3 civilians for every one wounded": a ratio
        return found
    more = _MORE_COUNT.match(text, num_end) if text.startswith((" more ", " más "), num_end) else None
    if more:
        return subj.counted_noun(text, more.end(), words)  # "3,000 more troops", "500 más elementos"
    were = _WERE.match(text, num_end)
    if were and _WERE_BEFORE.search(before):
        return subj.counted_noun(text, were.end(), words)  # "of which 426 were .50 caliber firearms"
    part = _PARTITIVE.match(text, num_end)
    if part:
        # "15 of Mexico's 2,741 municipalities": skip an inner number, then the counted noun
        inner = _INNER_NUMBER.match(text, part.end())
        return subj.counted_noun(text, inner.end() if inner else part.end(), words)
    return None


_ELIDED_QUAL = (r"about|nearly|approximately|roughly|some|around|almost|more\s+than|fewer\s+than|less\s+than|"
                r"just\s+over|just\s+under|over|under|an\s+estimated|a\s+record")
_ELIDED_QUAL = rf"(?:{_ELIDED_QUAL})\s+"
# A count whose noun is left out after a change verb: "overdose deaths dropped to about 87,000",
# "Overdose deaths declined 24% nationally, to about 81,000"; and the earlier level after it,
# "..., down from roughly 111,000". Only plural nouns that are counted things (not prices or rates).
_ELIDED_AFTER_CHANGE = re.compile(
    r"\b(?P<np>(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+(?:have\s+|has\s+|had\s+)?(?:dropped|fell|rose|declined|decreased|"
    r"increased|climbed|jumped|grew|reached|totaled|totalled|surged|soared|plunged|plummeted)\b[^.;:\n\d]{0,30}?"
    r"(?:[\d.,]+(?:%|[^\S\n]+percent)[^.;:\n\d]{0,20}?)?\bto\s+(?:" + _ELIDED_QUAL + r")?\Z|"
    # a level stated with no change: "encounters totaled 58,000", "arrests reached nearly 9,000"
    r"\b(?P<np2>(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+(?:have\s+|has\s+|had\s+)?(?:totaled|totalled|reached|numbered|averaged|"
    r"topped|exceeded|surpassed|hit|stood\s+at|peaked\s+at|hovered\s+(?:near|around|at))\s+(?:" + _ELIDED_QUAL + r")?\Z|"
    # the same with a place between the noun and its verb, or "were": "Encounters at the northern border were 1,300"
    r"\b(?P<np3>[a-z]+s)\s+(?:at|along|on|in|across|from)\s+(?:the\s+)?(?:[\w.-]+\s+){1,3}?(?:were|totaled|totalled|"
    r"reached|numbered|stood\s+at)\s+(?:" + _ELIDED_QUAL + r")?\Z|"
    r"\b(?P<np4>(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+were\s+(?:" + _ELIDED_QUAL + r")?\Z|"
    # a new total: "bringing the total number of regulated precursors to 29", "brings the number of extraditions to 55"
    r"\bbring(?:ing|s)?\s+(?:the\s+)?(?:total\s+)?(?:number|count)\s+of\s+(?P<np5>(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+to\s+(?:"
    + _ELIDED_QUAL + r")?\Z", re.IGNORECASE)
# A Spanish count whose noun is the subject of a level verb: "las llamadas al 911 sumaron 61 mil 200", "los
# homicidios bajaron a 1,200".
_ES_LEVEL = re.compile(r"(?:^|[.;:,]\s+|\n\s*|\b(?:y|que)\s+)(?:(?:los|las)\s+)(?P<np>[a-záéíóúñ]+s(?:\s+(?:de|del|al|en)\s+"
                       r"[\wáéíóúñ]+){0,2})\s+(?:sumaron|alcanzaron|totalizaron|ascendieron\s+a|llegaron\s+a|"
                       r"se\s+ubicaron\s+en|bajaron\s+a|subieron\s+a|disminuyeron\s+a|aumentaron\s+a|cayeron\s+a|"
                       r"pasaron\s+a)\s+(?:(?:casi|más\s+de|mas\s+de|unos|unas|alrededor\s+de|cerca\s+de)\s+)?\Z",
                       re.IGNORECASE)
_ES_AFTER_LEVEL = re.compile(r"[^\S\n]+(?:en|durante|este|esta|el|la)\b")
_ES_LEVEL_ENDINGS = ("aron", "a", "en", "casi", "de", "unos", "unas")
# A plural noun and the place it is in, before a capitalized plural name: "deaths in the| United States".
_PLACE_OWNER = re.compile(r"\b(?P<np>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)\s+(?P<prep>in|at|along|across|on|from)\s+"
                          r"(?:the\s+)?\Z", re.IGNORECASE)
_WERE_AFTER = re.compile(r"[^\S\n]*(?:[,;]|\.(?!\d)|\Z)|[^\S\n]+(?:in|during|last|this)[^\S\n]", re.IGNORECASE)
_DOWN_FROM = re.compile(r",\s*(?:down|up)\s+from\s+(?:(?:a\s+)?(?:record|peak|high|low)\s+(?:of\s+)?)?(?:" + _ELIDED_QUAL
                        + r")?\Z", re.IGNORECASE)
# People left out after a verb that only takes people: "arrested 14 in", "extradited 29 to".
_PEOPLE_VERB = re.compile(r"\b(arrested|detained|apprehended|indicted|extradited|expelled|deported|killed|rescued|"
                          r"arrests|detains|extradites|kills|rescues)\s+"
                          r"(?:about|nearly|more\s+than|at\s+least|some|over|another)?\s*\Z",
                          re.IGNORECASE)
_PEOPLE_PARTICIPLE = {"arrests": "arrested", "detains": "detained", "extradites": "extradited", "kills": "killed",
                      "rescues": "rescued"}
_PEOPLE_AFTER = re.compile(r"(?:[^\S\n]+(?:in|on|after|for|during|across|at|near|from|to(?![^\S\n]+[0-9])|since|last|this|suspected|"
                           r"people|alleged)\b|[,.;:]|\Z)")
# A sentence that opens on a set, then a part of it with no noun: "Of the 27 defendants, 21 face ...",
# "Of 7 defendants, 5 have been sentenced", "De los 40 detenidos, 12 fueron vinculados a proceso".
_SET_OPENING = re.compile(r"(?:of|among|de|entre)[^\S\n]+(?:the[^\S\n]+|these[^\S\n]+|those[^\S\n]+|los[^\S\n]+|las[^\S\n]+|"
                          r"estos[^\S\n]+|estas[^\S\n]+)?\Z", re.IGNORECASE)
# A set named with no figure: "Among the detainees, ", "Del total de víctimas, ", "Of the victims, ".
_NAMED_SET = re.compile(r"(?:of|among|de|del|entre)[^\S\n]+(?:(?:the|these|those|los|las|estos|estas)[^\S\n]+)?"
                        r"(?:total[^\S\n]+(?:of|de)[^\S\n]+(?:the[^\S\n]+|los[^\S\n]+|las[^\S\n]+)?)?"
                        r"(?P<np>[^\W\d_][^\W\d_-]*(?:[^\S\n]+[^\W\d_][^\W\d_-]*){0,3})[^\S\n]*,[^\S\n]*", re.IGNORECASE)
# A set named by a pronoun, the count that ends the sentence before: "De ellas, 38 ...", "Of them, 12 ...".
_SET_PRONOUNS = frozenset("ellas ellos them these those estos estas".split())
_NOT_A_SET = frozenset("""these those them which whom course note all both ellos ellas estos estas esos esas ellos
cuales ese esa este esta eso esto""".split())
# Between the set's figure and the part's: a comma, or a participle and a comma ("Of the 134 people arrested, ").
_SET_PARTICIPLE = re.compile(r"(?P<words>(?:[^\S\n]+[^\W\d_][\w-]*){0,3})[^\S\n]*,[^\S\n]*")
_LEAD_IN_END = re.compile(r"[:;—–][^\S\n]+")  # "Summary: Of 7 defendants, 5 ..."
_MEMBER_VERB = re.compile(r"[^\S\n]+(?:have|has|had|were|was|are|is|will|remain|remained|face|faced|pleaded|han|fueron|"
                          r"eran|son|están|estan|siguen|permanecen|se|contaban|tenían|tenian|cuentan|tienen)\b", re.IGNORECASE)


def _member_of_set(text: str, before: str, start: int, num_end: int, found: list, sentences: "_Sentences",
                   words, value: float = 0.0, tail_at: int | None = None) -> str | None:
    """The counted noun of the set a sentence opens with, for a bare figure that is a part of it, with
    what is said of that part ("defendants have been sentenced"); or None. ``tail_at``: the end of a
    later figure of the same set whose predicate is wanted ("22 had ties ... and 47| had convictions")."""
    if not _MEMBER_VERB.match(text, num_end):
        return None
    s_start = sentences.span(start)[0]
    prior = found[-1] if found else None
    between = _SET_PARTICIPLE.fullmatch(text, prior.char_end, start) if prior is not None and prior.char_end <= start else None
    if prior is not None and prior.kind == "count" and prior.subject and prior.value is not None and \
            prior.char_start >= s_start and between is not None and value < prior.value and \
            _SET_OPENING.match(_LEAD_IN_END.split(text[s_start:prior.char_start])[-1].lstrip()):
        whole = prior.subject  # "Of 7 defendants, 5 have been sentenced", "Of the 134 people arrested, 22 had ..."
        extra = [w for w in between.group("words").split() if w.lower() not in whole.lower().split()]
        if extra and prior.subject == prior.unit_text:
            whole = f"{whole} {' '.join(extra)}"
    else:
        named = _NAMED_SET.fullmatch(_LEAD_IN_END.split(text[s_start:start])[-1].lstrip())
        if named is not None and named.group("np").lower() in _SET_PRONOUNS and prior is not None and \
                prior.kind == "count" and prior.subject and prior.value is not None and not prior.is_vague and \
                0 <= s_start - prior.char_end <= 200 and value < prior.value:
            whole = prior.subject  # "... 133,518 personas desaparecidas. De ellas, 31,240 fueron reportadas ..."
        elif named is None or named.group("np").split()[0].lower() in _NOT_A_SET:
            return None  # "Of course, 5 ...", "Of these, 5 ...": no set named
        else:
            whole = " ".join(named.group("np").split())  # "Among the detainees, 12 were minors"
    tail = subj.predicate_words(text, num_end if tail_at is None else tail_at, words, 5).split()
    while tail and tail[-1].lower() in _TAIL_ADJ:
        tail.pop()  # "fueron reportadas en los primeros| 13 meses"
    return f"{whole} {' '.join(tail)}" if tail else whole


def _next_member(text: str, start: int, num_end: int, found: list, sentences: "_Sentences", words,
                 value: float) -> str | None:
    """A second part of the set a sentence opens with, after "and": "Of those removed, 22 had ties to
    cartels and 47| had prior convictions" -> "removed had prior convictions"; or None."""
    prior = found[-1]
    if prior.kind != "count" or prior.value is None or not prior.surface.isdigit() or \
            prior.char_start < sentences.span(start)[0] or start - prior.char_end > 120 or \
            not _MEMBER_VERB.match(text, num_end) or not _MEMBER_VERB.match(text, prior.char_end):
        return None
    if any(ch.isdigit() for ch in text[prior.char_end:start]) or text.find(",", prior.char_end, start) >= 0:
        return None  # only the next clause: "22 had ties to cartels and 47 had ..."
    return _member_of_set(text, text[:prior.char_start], prior.char_start, prior.char_end, found[:-1], sentences,
                          words, prior.value, tail_at=num_end)


_TAIL_ADJ = frozenset("""primeros primeras últimos ultimos últimas ultimas first last past previous next los las el la
the en in de of""".split())


# A figure followed by what was done to people, with no noun: "27 arrested", "5 killed in a shootout",
# "3 charged after raid" (headline English); the participle ends its clause or a preposition follows.
_PEOPLE_DONE = re.compile(r"[^\S\n]+(arrested|detained|apprehended|killed|injured|wounded|charged|indicted|extradited|"
                          r"deported|sentenced|convicted|rescued|kidnapped|dead|hurt|missing)"
                          r"(?=[^\S\n]*(?:[,;:]|\.(?!\d)|\n|\Z)|[^\S\n]+(?:in|on|after|at|near|during|across|following|"
                          r"since|so[^\S\n]+far|this|last)\b)")
_NOT_ELIDED = frozenset("prices rates costs levels temperatures values averages percentages shares odds".split())


def _elided_count(text: str, before: str, start: int, num_end: int, found: list, sentences: "_Sentences") -> str | None:
    tail = before[-40:]
    if not before.endswith(" ") or not ("to " in tail or "from " in tail or "ed " in tail or "hit " in tail or
                                        "at " in tail or "es " in tail or "ts " in tail or "ls " in tail or "re " in tail or
                                        "ar " in tail or "nd " in tail):
        return None  # cheap test first
    if text[num_end:num_end + 1] not in (" ", ",", ".", ";", "") or text.startswith(" of", num_end):
        return None
    m = _ELIDED_AFTER_CHANGE.search(before) if not text.startswith(" to", num_end) else None  # "rose to 5 to 10"
    if m:
        np = m.group("np") or m.group("np2") or m.group("np3") or m.group("np4") or m.group("np5")
        if (m.group("np3") or m.group("np4")) and not _WERE_AFTER.match(text, num_end):
            return None  # "were 2 miles away": only a figure that ends its clause is a level of the noun
        words = [w for w in np.split() if w.lower() not in subj.STOP and w.lower() not in _QUALIFIER_LAST]
        joined = [i for i, w in enumerate(words) if w.lower() in ("and", "y", "but")]
        words = words[joined[-1] + 1:] if joined else words  # "seized 3 vehicles and arrests totaled 12"
        if words and subj.is_plural(words[-1]) and words[-1].lower() not in _NOT_ELIDED and \
                words[-1].lower() not in subj.NOT_COUNTED:
            if words[-1][:1].isupper():
                first = before.find(words[0], m.start())
                owner = _PLACE_OWNER.search(before, max(0, first - 60), first) if first >= 0 else None
                if owner and owner.group("np").split()[-1].lower() not in subj.STOP:
                    # "Overdose deaths in the United States fell to roughly 80,000": the deaths, in that place
                    return f"{' '.join(owner.group('np').split())} {owner.group('prep').lower()} {' '.join(words)}"
            return " ".join(words)
        return None
    people = _PEOPLE_VERB.search(tail)
    if people and _PEOPLE_AFTER.match(text, num_end):
        verb = people.group(1).lower()  # "Police arrested 14 in a raid", "Mexico extradites 29 to the U.S."
        return "people " + _PEOPLE_PARTICIPLE.get(verb, verb)
    if _DOWN_FROM.search(before) and found:
        prior = found[-1]  # "..., down from roughly 111,000": the level of the same count
        if prior.kind == "count" and prior.char_start >= sentences.span(start)[0] and prior.surface[-1:].isdigit():
            return prior.subject
    return None


# A figure standing alone in a cell of a stat line or a flattened table: "Firearms seized: 210",
# "Detenidos | 1,234", "Arrests<tab>1,234<tab>987", "Arrests        1,234        987". Before it the
# row's label and other cells; after it another cell separator or the end of the line.
_CELL_BEFORE = re.compile(r"(?::[^\S\n]*|[^\S\n]*[|\t][^\S\n]*|[^\S\n]{2,})\Z")
_CELL_AFTER = re.compile(r"[^\S\n]*(?:\n|\Z|\||\t)|[^\S\n]{2,}(?=\S)")
_CELL_SPLIT = re.compile(r"[^\S\n]*(?::|\||\t|[^\S\n]{2,})[^\S\n]*")
_NUMERIC_CELL = re.compile(r"[+-]?(?:us|mx)?\$?[\d.,]+(?:%|[^\S\n]*(?:percent|kg|lbs?))?\Z", re.IGNORECASE)
_LABEL_UNIT = re.compile(r"[^\S\n]*\((?P<inside>[^()\n]{1,30})\)")
# A label naming an identifier, a date, a place in a document or a rate names no counted thing.
_LABEL_NOT_COUNTED = frozenset("""
age edad ages phone telephone tel teléfono telefono fax hotline line page pages página pagina páginas date dates fecha
year years año años fy id no no. number núm. número numero zip code código codigo case docket file expediente ext
extension room suite rank ranking caliber calibre score version serial lámina lamina slide table tabla figure
rate rates tasa tasas ratio price prices precio precios cost costs value index índice share time hora hour day month
día mes week semana period periodo período as of corte source fuente call contact dial llame marque step paso session
sesión sesion release report reference ref folio oficio boletín boletin note nota
""".split()) | _ID_BEFORE | _ID_BEFORE_ANY_CASE


def _cell_label(text: str, start: int, num_end: int) -> tuple[str, str | None] | None:
    """(label, unit inside the label's parentheses) of a figure standing alone in a table or stat-line
    cell, or None. The label is the line's first cell; every cell between it and the figure is
    numeric, so a date, a phone number or a page number inside prose is never read as a cell.

    Cleaning turns tabs and runs of spaces into one space: a row separated only by spaces
    ("Arrests 1,234 987") is a row when the line above or below it has the same shape."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    if line_start == 0 and start > 200:
        return None
    row = text[line_start:start]
    if _CELL_BEFORE.search(row):
        if not _CELL_AFTER.match(text, num_end):
            return None
        cells = [c for c in _CELL_SPLIT.split(row.strip()) if c]
    else:
        line_end = text.find("\n", num_end, num_end + 200)
        if line_end < 0:
            line_end = len(text)
            if line_end - num_end > 200:
                return None  # no row runs on that long
        if not row.endswith(" ") or not _ROW_LINE.fullmatch(text, line_start, line_end):
            return None
        above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        below = text.find("\n", line_end + 1)
        below = len(text) if below < 0 else below
        if not (line_start and _ROW_LINE.fullmatch(text, above, line_start - 1) or
                line_end < len(text) and _ROW_LINE.fullmatch(text, line_end + 1, below)):
            return None
        cells = [_ROW_LINE.fullmatch(row + "0").group("label")]
    # the label is the last cell that is not a number: "Arrests | 1,234 | 987", "Detenidos: 1,234 | Armas: 56"
    i = len(cells) - 1
    while i >= 0 and _NUMERIC_CELL.match(cells[i]):
        i -= 1
    if i < 0:
        return None
    label = cells[i]
    unit = None
    inside = _LABEL_UNIT.search(label)
    if inside is not None:
        unit, label = inside.group("inside").strip(), (label[:inside.start()] + label[inside.end():]).strip()
    if unit is None and _CELL_BEFORE.search(row) and ("|" in row or "\t" in row):
        head = _column_header(text, line_start, len(cells))  # "Port | Fentanyl (lbs) | Meth (lbs)" at the table's top
        if head is not None:
            inside = _LABEL_UNIT.search(head)
            if inside is not None:
                unit = inside.group("inside").strip()
                head = (head[:inside.start()] + head[inside.end():]).strip()
                if head and not any(c.isdigit() for c in head) and len(head.split()) <= 3:
                    label = f"{head} {label}"
    if unit is None:
        unit = _caption_unit(text, line_start)  # "Table 1. Seizures, 2021-2024 (kilograms)" above the rows
    label = label.lstrip("*•-· ").strip()
    words = label.lower().replace("’", "'").split()
    if not (label[:1].isalpha() and 0 < len(words) <= 7 and len(label) <= 60) or any(c.isdigit() for c in label):
        return None
    if words[-1].rstrip(".:") in _LABEL_NOT_COUNTED or words[0].rstrip(".:") in _LABEL_NOT_COUNTED or \
            words[0].rstrip(".,") in _MONTHS:
        return None  # "Program start date: 2008", "Page: 3", "January 2024 | 1,840" (the thing is in a header)
    return label, unit


# The unit a table's title gives its cells, in parentheses at the end: "Table 2. Eradication (hectares)",
# "Cuadro 1. Aseguramientos 2023-2024 (kilogramos)".
_CAPTION_UNIT = re.compile(r"\((?P<unit>[^()\n]{1,20})\)[^\S\n]*:?[^\S\n]*\Z")
_TABLE_LINE = re.compile(r"[^\n]*[|\t][^\n]*")


def _column_header(text: str, line_start: int, column: int) -> str | None:
    """The header cell of a column of a pipe- or tab-separated table: the cell at ``column`` of the
    first line of the block of table lines that holds the row starting at ``line_start``, or None."""
    top, end = None, line_start - 1
    for _ in range(30):
        if end < 0:
            break
        start = text.rfind("\n", 0, end) + 1
        if start == end or not _TABLE_LINE.fullmatch(text, start, end):
            break
        top, end = (start, end), start - 1
    if top is None:
        return None
    cells = [c for c in _CELL_SPLIT.split(text[top[0]:top[1]].strip()) if c]
    if column >= len(cells) or any(_NUMERIC_CELL.match(c) for c in cells[1:]):
        return None  # a header names its columns; a row of figures is no header
    return cells[column]


def _caption_unit(text: str, line_start: int) -> str | None:
    """The mass or area unit named by the title line right above the rows of a table (at most 30
    rows up; the rows and a header are lines of a label and numbers, or of cells), or None."""
    end = line_start - 1
    for _ in range(30):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        if start == end:
            return None  # a blank line: no title right above the table
        if not (_ROW_LINE.fullmatch(text, start, end) or _TABLE_LINE.fullmatch(text, start, end)):
            m = _CAPTION_UNIT.search(text, start, end)
            if m is None:
                return None
            u = UNIT.fullmatch(m.group("unit").strip())
            return u.group("unit") if u is not None and unit_info(u.group("unit"))[1] in ("mass", "area") else None
        end = start - 1
    return None


# A table row whose cells are separated by single spaces: a label without digits, then numbers only.
_ROW_LINE = re.compile(r"[^\S\n]*(?P<label>[^\W\d_][^\d\n:|.;]{0,58}?)(?:[^\S\n]+[+-]?\$?[0-9][\d.,]*%?)+[^\S\n]*")


# A count or a mass whose noun is left out because it is compared with, or is part of, a figure just
# before it: "3,800 people, compared with 2,100 in the same months", "55 fugitives, including 29 in
# February and 26 in August", "21,900 pounds in fiscal 2024, compared with 27,000 in fiscal 2023".
_COMPARED_BEFORE = re.compile(
    r"(?:\b(?:compared\s+(?:with|to)|as\s+against|versus|vs\.|(?:up|down)\s+from|including|included|among\s+them|"
    r"comparad[oa]s?\s+con|en\s+comparaci[oó]n\s+con|frente\s+a|respecto\s+(?:a|de)|incluid[oa]s|incluyendo|"
    r"de\s+(?:los|las)\s+cuales|of\s+(?:which|whom))[^\S\n]+(?:" + _ELIDED_QUAL + r")?|(?P<and>\b(?:and|y)[^\S\n]+)|"
    # the new level of a change "from" a count "to" a bare figure: "fell from 86 victims in September to 59"
    r"(?P<to>\b(?:to|a|hasta)[^\S\n]+(?:" + _ELIDED_QUAL + r"|(?:unos|unas|casi|cerca\s+de)[^\S\n]+)?))\Z", re.IGNORECASE)
# "of which 17 were in Sinaloa", "de los cuales 17 se ubicaban": a part of the figure before, whatever follows it
_PART_OF = re.compile(r"\b(?:of\s+(?:which|whom)|de\s+(?:los|las)\s+cuales)[^\S\n]+(?:" + _ELIDED_QUAL + r")?\Z", re.IGNORECASE)
_NON_YEAR_DIGIT = re.compile(r"(?<![\d.,])(?!(?:19|20)[0-9]{2}(?![\d.,]))[0-9]")  # a figure between, a year aside
_FROM_BEFORE = re.compile(r"\b(?:from|de|desde)[^\S\n]+(?:" + _ELIDED_QUAL + r"|(?:unos|unas|casi|cerca\s+de)[^\S\n]+)?\Z",
                          re.IGNORECASE)
_COMPARED_AFTER = re.compile(r"[^\S\n]+(?:in|en|during|durante|a[^\S\n]+year|the[^\S\n]+(?:previous|prior|same)|last|"
                             r"el[^\S\n]+(?:año|mes|mismo)|un[^\S\n]+año)\b|[^\S\n]*(?:[,;)]|\.(?!\d)|\Z)", re.IGNORECASE)


def _compared_figure(text: str, before: str, start: int, num_end: int, value: float, found: list,
                     sentences: "_Sentences"):
    """The figure before this one in the sentence whose noun and kind a bare number takes, or None."""
    if not found:
        return None
    if not _COMPARED_AFTER.match(text, num_end) and not (before.endswith(" ") and _PART_OF.search(before[-40:])):
        return None
    conn = _COMPARED_BEFORE.search(before[-48:])
    if conn is None:
        return None
    s_start = sentences.span(start)[0]
    prior = found[-1]
    for f in reversed(found[-4:]):  # a change in percent may stand between: "29,116 apprehensions, down 39%, compared with"
        prior = f
        if f.kind != "percent" or f.char_start < s_start:
            break
    if prior.kind not in ("count", "mass") or prior.value is None or prior.char_start < s_start:
        return None
    if prior.kind == "count" and not prior.subject:
        return None
    if conn.group("to") is not None:
        # "from 86 victims in September to 59 in August": the lower level opens with "from"/"de", and no other
        # figure stands between the two
        if not _FROM_BEFORE.search(text, max(0, prior.char_start - 24), prior.char_start) or \
                _NON_YEAR_DIGIT.search(text, prior.char_end, start) or start - prior.char_end > 60:
            return None
        return prior
    if conn.group("and") is not None:
        # "29 in February and 26 in August": only after a bare figure of the same kind of list
        if not prior.surface[-1:].isdigit() or start - prior.char_end > 30 or not _COMPARED_AFTER.match(text, prior.char_end):
            return None
    elif "inclu" in conn.group().lower() or "cuales" in conn.group().lower():
        return prior if value <= prior.value else None  # a part of the figure before is no larger than it
    return prior


# A difference with the count before it: "12 more than last year", "19 menos que en septiembre".
_FEWER_THAN = re.compile(r"[^\S\n]+(?:more|fewer|less|más|mas|menos)[^\S\n]+(?:than|que)\b")


def _fewer_than(low: str, start: int, num_end: int, found: list, sentences: "_Sentences"):
    """The count just before a bare figure followed by "more than" / "menos que" in the same sentence,
    whose noun the figure leaves out ("340 arrests, 12 more than in 2023"), or None."""
    prior = found[-1]
    if not _FEWER_THAN.match(low, num_end) or prior.kind != "count" or not prior.subject or prior.value is None:
        return None
    if prior.char_start < sentences.span(start)[0] or start - prior.char_end > 80:
        return None
    return prior


# A list of items, each with its figure in parentheses: "tortura (1,420 casos), masacres (267)", "Guanajuato (512),
# Guerrero (341)", "19 menos que en septiembre (90)". The item is the words back to the list's separator.
_ITEM_SPLIT = re.compile(r"[,:;()\[\]]|\d[\d.,]*|[^\S\n](?:y|e|and|or|o|fueron|were|are|son)[^\S\n]", re.IGNORECASE)
_ITEM_LEAD = frozenset("de del of seguido seguida seguidos followed by menos más mas fewer more less".split())
_NUMBER_OF_NOUN = re.compile(r"\b(?:n[úu]mero|cantidad|number|count)[^\S\n]+(?:de|of)[^\S\n]+(?P<noun>[^\W\d_]+)", re.IGNORECASE)
_PERSON_HEADS = frozenset("""personas detenidos detenidas hombres mujeres víctimas victimas menores niños niñas elementos
agentes policías policias people persons suspects men women victims individuals defendants officers agents minors
children migrants migrantes""".split())


def _listed_figure(text: str, start: int, found: list, sentences: "_Sentences", words) -> tuple[str, str] | None:
    """(subject, counted noun) of a bare figure in parentheses after an item of a list whose noun is
    given by a count before it in the sentence or by "el mayor número de X"; or None."""
    s_start = sentences.span(start)[0]
    seg = text[max(s_start, start - 90):start - 1]
    if "\n" in seg or not seg.strip():
        return None
    item_words = _ITEM_SPLIT.split(seg)[-1].split()
    while item_words and (item_words[0].lower() in subj.STOP or item_words[0].lower() in _ITEM_LEAD):
        item_words = item_words[1:]  # "el Estado de México", "seguido de Tamaulipas", "menos que en septiembre"
    if not item_words or len(item_words) > 7 or not item_words[0][:1].isalpha() or \
            any(not w.replace("-", "").isalpha() for w in item_words):
        return None
    item = " ".join(item_words)
    sibling = None
    for f in reversed(found[-6:]):
        if f.char_start < s_start:
            break
        if f.kind == "count" and f.subject and f.value is not None and not f.is_vague:
            sibling = f
            break
    if sibling is not None:
        noun = sibling.unit_text
    else:
        named = _NUMBER_OF_NOUN.search(text, max(s_start, start - 300), start)  # bounded: linear time
        if named is None or not subj.is_plural(named.group("noun")):
            return None
        noun = named.group("noun")
    if item_words[0].lower().rstrip(".") in _MONTHS or item_words[-1].lower() in _MONTHS:
        return (sibling.subject, noun) if sibling is not None else None  # "que en septiembre (90)": the same count
    if item[:1].isupper():
        if noun.lower() in _PERSON_HEADS and sibling is not None:
            return None  # "3 detenidos: Juan Pérez (34), ...": an age after a name
        return f"{noun} {'en' if 'dos' in words else 'in'} {item}", noun
    return item, noun


# After a bare part of a count, the phrase that says which part: "17| en contra", "287| por delitos del fuero común".
_PART_PREP = re.compile(r"[^\S\n]+(?:en|por|con|in|for|from|with|at|on)[^\S\n]+(?![0-9])", re.IGNORECASE)
# "otros tres", "seiscientos más" (not "más que", "más de"): more of the noun counted before
_MORE_OF = re.compile(r"[^\S\n]+más(?=[^\S\n]*(?:[,;:]|\.(?!\d)|\n|\Z|[^\S\n]+(?:en|para|durante|este|esta|a)\b))")
_PARTICIPLE_BEFORE = re.compile(r"\b([a-záéíóúñ]{2,}(?:ados|adas|idos|idas))[^\S\n]+otr[oa]s[^\S\n]+\Z")


def _list_part(text: str, before: str, start: int, num_end: int, found: list, sentences: "_Sentences",
               words) -> str | None:
    """The subject of a bare figure that is a part of, or more of, the count just before it."""
    prior = found[-1]
    if prior.kind != "count" or not prior.subject or prior.value is None or prior.is_vague:
        return None
    s_start = sentences.span(start)[0]
    gap = text[prior.char_end:start]
    if before.endswith((" otros ", " otras ")) or _MORE_OF.match(text, num_end):
        # "perdimos a dos elementos, y resultaron heridos otros tres"; "tenemos 4,500 elementos ... seiscientos más"
        if s_start - prior.char_end > 200 or len(gap) > 240 or any(c.isdigit() for c in gap):
            return None
        done = _PARTICIPLE_BEFORE.search(before[-40:])
        return f"{prior.unit_text} {done.group(1)}" if done else prior.unit_text
    if prior.char_start < s_start or len(gap) > 40 or any(c.isdigit() for c in gap) or not _PART_PREP.match(text, num_end):
        return None
    tail = _part_tail(text, num_end, words)
    return f"{prior.unit_text} {tail}" if tail else None


_PART_TAIL_END = frozenset("y e and or o de del of the la el los las a to".split())


def _part_tail(text: str, pos: int, words) -> str:
    """'en contra', 'por delitos del fuero común': the words after a bare part, to a figure or the clause end."""
    out = []
    for word, _, _, ends in subj.tokens(text, pos, 6):
        if subj.starts_numberish(word, words):
            break
        out.append(word)
        if ends:
            break
    while out and out[-1].lower() in _PART_TAIL_END:
        out.pop()
    return " ".join(out) if len(out) >= 2 else ""


# Between two items of a list of counts: "3 rifles, 1 pistol", "2 armas largas, 1 arma corta".
_LIST_SEP = re.compile(r"[^\S\n]*[,;]?[^\S\n]*(?:(?:and|y|e)[^\S\n]+)?")


def _single_item(text: str, pos: int, words) -> tuple[str, int, str] | None:
    """The singular noun after "1" in a list of counts ("1 arma corta", "1 pistol")."""
    phrase, end = subj.noun_phrase(text, pos, words, 3)
    if not phrase or not text.startswith(" ", pos):
        return None
    head = phrase.split()[0]
    if not head.isalpha() or not head.islower() or subj.is_plural(head) or head in _TIME_NOUNS:
        return None
    return phrase, end, head


def _count_subject(text: str, counted: tuple[str, int, str], before_q: str, words) -> str:
    phrase, end, head = counted
    of = subj.of_phrase(text, end, words) if head.lower() not in subj.PARTITIVES else None
    if of:
        return f"{phrase} {subj.of_word(text, end)} {of}"  # "7,556 seizures of fentanyl", "15 armas de fuego"
    if head.lower() in _GENERIC_HEADS and phrase.lower() == head.lower():
        link = "de" if "dos" in words else "of"
        if before_q.endswith("("):  # "tortura (1,420 casos)": cases of the item the parenthesis follows
            item = subj.noun_before(before_q[:-1].rstrip(), words)
            if item and not item[:1].isupper():
                return f"{phrase} {link} {item}"
        reg = _REGISTERED.search(before_q) if before_q[-30:].rstrip().lower().endswith(_REGISTERED_ENDINGS) else None
        if reg and reg.group("np")[:1].islower() and not set(reg.group("np").lower().split()) & _ACTOR_WORDS:
            # "El homicidio doloso registró 96 víctimas": victims of that crime (not "the state recorded")
            return f"{phrase} {link} {' '.join(reg.group('np').split())}"
    context = subj.count_context(text, end, before_q, words)
    if context and " " not in context and "dos" not in words:
        return f"{phrase} {context}{subj.place_tail(text, end, words)}"  # "expelled 55 suspects to the United States"
    if not context and "dos" not in words:
        return phrase + subj.place_tail(text, end, words)  # "10,000 troops to the border", "9 migrants inside a trailer"
    return f"{phrase} {context}" if context else phrase


# Counted nouns that say nothing of what happened without the crime they are of: "96 víctimas", "312 cases".
_GENERIC_HEADS = frozenset("víctimas victimas casos carpetas denuncias incidentes eventos hechos victims cases incidents "
                           "reports complaints".split())
# The crime a generic count belongs to, as the subject of "registró", "sumó", "recorded": "El robo de vehículo
# sumó 312 casos", "Homicide recorded 96 victims".
_REGISTERED = re.compile(r"(?:^|[.;:]\s+|,\s+|\b(?:y|and)\s+)(?:(?:el|la|los|las|the)\s+)?(?P<np>[a-záéíóúñ][\w-]*"
                         r"(?:\s+(?:de|del|of)?\s*[a-záéíóúñ][\w-]*){0,3}?)\s+(?:registró|registro|registraron|sumó|sumaron|"
                         r"acumuló|acumularon|reportó|reportaron|tuvo|tuvieron|registered|recorded|totaled|totalled|"
                         r"accounted\s+for)\s+(?:(?:un\s+total\s+de|a\s+total\s+of|about|nearly|some|more\s+than|"
                         r"over|casi|más\s+de|mas\s+de|alrededor\s+de|unos|unas)\s+)?$", re.IGNORECASE)
_ACTOR_WORDS = frozenset("""state states city cities country countries municipality municipalities agency agencies police
department government office authorities estado estados ciudad ciudades país pais países municipio municipios entidad
entidades policía policia fiscalía fiscalia corporación corporacion secretaría secretaria gobierno dependencia autoridades
alcaldía alcaldia región region zona sector""".split())
_REGISTERED_ENDINGS = ("ó", "o", "on", "ed", "for", "de", "of", "about", "nearly", "some", "than", "over", "casi", "unos",
                       "unas")


# Between a figure and the same figure in another unit: ", or about", " (", " or roughly ".
_RESTATED_AS = re.compile(r"[^\S\n]*(?:,|\(|—|-)?[^\S\n]*(?:(?:or|o|equivalent[^\S\n]+to|equal[^\S\n]+to|equivalente[^\S\n]+a)"
                          r"[^\S\n]+)?(?:(?:about|approximately|roughly|nearly|some|around|unos|aproximadamente)[^\S\n]+)?")


_RANGE_GAP = re.compile(r"[^\S\n]*(?:to|through|and|or|a|al|y|o|hasta|-|–)[^\S\n]*", re.IGNORECASE)
# A share of the economy restated as a sum: "3.4 percent of GDP, or roughly $260 billion".
_SHARE_RESTATED = re.compile(r"[^\S\n]+(?:of|del?)[^\S\n]+(?:the[^\S\n]+)?(?:GDP|PIB|gross[^\S\n]+domestic[^\S\n]+product|"
                             r"producto[^\S\n]+interno[^\S\n]+bruto)[^\S\n]*,[^\S\n]*(?:or|o)[^\S\n]+"
                             r"(?:(?:about|approximately|roughly|nearly|some|around|unos|aproximadamente)[^\S\n]+)?",
                             re.IGNORECASE)
# A sum compared with the sum before it, of the same money: ", down from", "compared with", "frente a".
_SUM_COMPARED = re.compile(r"(?:[,(;][^\S\n]*(?:(?:down|up)[^\S\n]+from|from)|\bcompared[^\S\n]+(?:with|to)|\bversus|\bvs\.|"
                           r"\bfrente[^\S\n]+a|\ben[^\S\n]+comparaci[oó]n[^\S\n]+con|\brespecto[^\S\n]+(?:a|de))[^\S\n]*(?:(?:los|las|the)[^\S\n]+)?\Z",
                           re.IGNORECASE)


_OWN_PHRASE = re.compile(r"[^\S\n]+(?:on|in|for|of|to|para|en|de|del|worth)[^\S\n]+(?![0-9]|fy\b|fiscal\b)", re.IGNORECASE)


def _elided_mass_subject(found: list[Mention], s_start: int) -> str | None:
    """The subject of the last mass (or count of packages) before this one in its sentence."""
    for f in reversed(found):  # back to the sentence start only: linear over a long text
        if f.char_start < s_start:
            return None
        if f.subject and (f.kind == "mass" or f.kind == "count" and f.unit_text.lower() in subj.PARTITIVES):
            return f.subject
    return None


def _subject(text: str, kind: str, end: int, before: str, found: list[Mention], s_start: int, words,
             attributive: bool = False) -> str | None:
    """What the figure measures, by kind (see subjects.py for the phrase rules)."""
    if kind == "mass":
        thing = subj.of_phrase(text, _UNIT_TAIL.match(text, end).end(), words)
        if subj.names_period(thing):
            thing = None  # "frente a las 21,900 libras del año fiscal anterior": the period, not the substance
        thing = thing or subj.thing_before(before, words)
        if thing is None and attributive:
            thing = subj.noun_phrase(text, end, words)[0]  # "a 1.5-ton cocaine shipment"
        if thing is None and before.endswith("("):
            thing = subj.noun_before(before[:-1], words)  # "the seized methamphetamine (1,234.5 kg)"
        if thing is None:
            # "35,261 pounds were seized on the border"; "... of fentanyl, while U.S. authorities seized 27 tons"
            # (an elided noun: the mass before it in the sentence, or the packages it weighs: "20 1-kilogram
            # packages of fentanyl ..., 44 pounds in all"); "heroin seizures fell 30% to 3,900 pounds" (the
            # substance named last before it); "seizures dropped to 21,900 pounds"
            thing = subj.predicate(text, end, words)
            if thing and subj.is_anaphoric(before):
                prior = next((f.subject for f in reversed(found) if f.kind == "mass" and f.subject), None)
                thing = f"{prior} {thing}" if prior else thing
            if thing is None:
                elided = _elided_mass_subject(found, s_start)
                substance = subj.substance_before(before, words)
                if substance and elided and substance.split()[0].lower() not in elided.lower():
                    elided = None  # another substance was named since: "... of fentanyl; meth seizures rose to 9 tons"
                thing = elided or substance or subj.change_subject(before)
        governing = subj.governing_noun(before)
        return f"{thing} {governing}" if thing and governing else thing
    if kind == "area":
        # "68,718 marijuana plantations on 9,189 hectares": the thing counted just before
        same = [f.subject for f in found if f.char_start >= s_start and f.subject]
        return subj.of_phrase(text, end, words) or (same[-1] if same else None)
    # the subject of the figure before this one in the sentence: a percent or a time frame
    # often only qualifies it ("5,046 defendants ..., a 23 percent increase over 2020")
    prior = next((f.subject for f in reversed(found) if f.char_start >= s_start and f.subject and f.value is not None),
                 None)
    if kind == "currency":
        last = found[-1] if found else None
        if last is not None and last.kind == "currency" and last.subject and last.char_start >= s_start and \
                before.endswith(" ") and _SUM_COMPARED.search(before[-40:]) and not _OWN_PHRASE.match(text, end):
            return last.subject  # "$96 million in INCLE assistance, down from $151 million provided in FY2024"
        subject = subj.currency_subject(text, end, before, words)
        if subject is None and last is not None and last.kind == "currency" and last.subject and \
                last.char_start >= s_start and _RANGE_GAP.fullmatch(text, last.char_end, s_start + len(before)):
            subject = last.subject  # "deposits of $9,000 to $9,900": the upper bound of the same sums
        if subject is None and found and found[-1].kind == "currency" and found[-1].char_start >= s_start and \
                _RESTATED_AS.fullmatch(text, found[-1].char_end, s_start + len(before)):
            subject = found[-1].subject  # "$10 million, or about 200 million pesos": the same money
        if subject is None and found and found[-1].kind == "percent" and found[-1].subject and \
                found[-1].char_start >= s_start and _SHARE_RESTATED.fullmatch(text, found[-1].char_end, s_start + len(before)):
            subject = found[-1].subject  # "3.4 percent of GDP, or roughly $260 billion": the same cost
        return subject
    if kind == "percent":
        # a time frame is never what a percent changes: "80,400 died in the 12-month period ending in
        # December, a decline of 27%" is a decline in the deaths
        prior = next((f.subject for f in reversed(found) if f.char_start >= s_start and f.subject and
                      f.value is not None and f.kind != "duration"), None)
        return subj.percent_subject(text, end, before, prior, words)
    return subj.duration_subject(text, end, before, attributive, prior, subj.sentence_actor(text, s_start, words), words)


def _vague_mass(text: str, start: int, end: int, sentences: _Sentences, words, lang: str,
                tons_rule: str) -> Mention | None:
    """ "thousands of pounds of methamphetamine": a mass of no stated value, in its unit."""
    unit_m = UNIT.match(text, end)
    if unit_m is None or unit_m.group().lstrip().startswith("-"):
        return None
    code, kind = unit_info(unit_m.group("unit"))
    if kind != "mass":
        return None
    assumption = None
    s_start, s_end = sentences.span(start)
    if code == "ton":
        code, assumption = _read_ton(text, lang, tons_rule, s_start, start, unit_m.end(), s_end)
    if code == "mg":
        _, code, assumption = restate(None, code)
    subject = subj.of_phrase(text, unit_m.end(), words)
    cut = _NEXT_AMOUNT.search(subject) if subject else None
    subject = subject[:cut.start()] if cut else subject  # "of meth and hundreds of kilos of ..."
    return Mention(start, unit_m.end(), text[start:unit_m.end()], "mass", None, code, unit_m.group("unit"), None,
                   assumption, subject, None, text[s_start:s_end].strip(), True)


def _vague(text: str, low: str, sentences: _Sentences, words, starts: list[int], lang: str,
           tons_rule: str) -> list[Mention]:
    out = []
    for start in starts:
        m = _VAGUE.match(low, start)
        if m is None:
            continue
        if m.group("v") == "tens" and not low.startswith(" of ", m.end("v")):
            continue
        prev = text[max(0, start - 30):start].rsplit(None, 1)
        if prev and (prev[-1].lstrip("$")[:1].isdigit() or prev[-1].lower() in words):
            continue  # "20 millones de pesos" is a stated figure, read by the main pass
        if m.group("cur"):
            out.append(Mention(start, m.end(), text[start:m.end()], "currency", None, "usd", text[start:m.end()], None, None,
                               subj.noun_phrase(text, m.end(), words)[0], None, sentences.sentence(start), True))
            continue
        mass = _vague_mass(text, start, m.end(), sentences, words, lang, tons_rule)
        if mass is not None:
            out.append(mass)
            continue
        phrase, end = subj.noun_phrase(text, m.end(), words)
        cut = _NEXT_AMOUNT.search(text, m.end(), end)
        if cut:  # "hundreds of pills and dozens of rifles": two amounts
            end = cut.start()
            phrase = " ".join(text[m.end():end].split())
        if not phrase:
            continue
        head = phrase.split()[0].lower()
        kind, unit = ("currency", _MONEY_NOUNS[head]) if head in _MONEY_NOUNS else ("count", "count")
        out.append(Mention(start, end, text[start:end], kind, None, unit, phrase.split()[-1] if kind == "count" else head,
                           None, None, phrase, None, sentences.sentence(start), True))
    return out
