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
Vague amounts ("dozens of", "thousands of", "multi-billion-dollar") are a second small pattern;
they are kept with value None and is_vague True, never given a number.
"""
from __future__ import annotations

import bisect
from operator import methodcaller
import re
from dataclasses import dataclass

from pipeline.core import subjects as subj
from pipeline.core.language import detect_language
from pipeline.core.numbers import (ARTICLE_NUMERAL, DIGIT_NUMERAL, FIRST_WORDS, WORD_NUMERAL, WORD_START, WORDS,
                                   parse_numeral, word_alternation)
from pipeline.core.units import TONS_RULES, UNIT, resolve_tons, to_kg, unit_info


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
# A currency sign just before a digit numeral (checked on the lower-cased text).
_CURRENCY_BEFORE = re.compile(r"(?:(?:us|usd|u\.s\.|mxn|mx|m\.n\.)[^\S\n]?)?\$[^\S\n]?$|\b(?:usd|mxn)[^\S\n]?$")
# "+" or "-plus" right after a numeral: "more than" written after it.
_PLUS = re.compile(r"\+(?![\d+])|-plus\b", re.IGNORECASE)
_NUMBER_WORDS = {lang: frozenset(words) for lang, words in WORDS.items()}

_QUALIFIER = re.compile(
    r"(?:^|(?<=[\s(]))(?P<q>(?:(?:an?\s+average\s+of|a\s+total\s+of|a\s+combined(?:\s+total\s+of)?|in\s+total|"
    r"un\s+promedio\s+de|un\s+total\s+de)\s+)?"
    r"(?:more\s+than|over|nearly|almost|approximately|approx\.|about|around|roughly|some|up\s+to|at\s+least|"
    r"less\s+than|fewer\s+than|under|close\s+to|an\s+estimated|estimated|in\s+excess\s+of|upwards\s+of|"
    r"just\s+over|just\s+under|well\s+over|as\s+many\s+as|as\s+much\s+as|"
    r"más\s+de|mas\s+de|casi|aproximadamente|alrededor\s+de|cerca\s+de|menos\s+de|hasta|poco\s+más\s+de)"
    r"|an?\s+average\s+of|a\s+total\s+of|a\s+combined|un\s+total\s+de)\s*$",
    re.IGNORECASE,
)

_SPACES = re.compile(r"\s+")
_MONTHS = frozenset("""
january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec enero febrero marzo abril mayo junio julio agosto septiembre
octubre noviembre diciembre
""".split())
# Words before a number that make it a name or an identifier, not an amount.
_ID_BEFORE = frozenset("""
no no. nos. number num. # title section sec. article art. chapter part rule route highway interstate
suite ste. room docket case form exhibit phase level tier year fy class schedule operation flight lot box
pier gate exit page p. pp. vol. volume issue item appendix figure table station district precinct
artículo fracción capítulo número núm. lote
""".split())
# Last word of every qualifier: the qualifier pattern only runs when the word before a number is one.
_QUALIFIER_LAST = frozenset("""
than over nearly almost approximately approx about around roughly some to least under estimated of excess
just as combined total average de casi aproximadamente hasta más mas
""".split())
# A 4-digit number after these is an amount ("seized 2022 pills"), not a calendar year.
_YEAR_CONTEXT_OK = ("ed", "more than", "over", "nearly", "approximately", "about", "some")
_WERE = re.compile(r"[^\S\n]+(?:were|are|was|is|fueron|eran|son)(?=[^\S\n])", re.IGNORECASE)
_WERE_BEFORE = re.compile(r"\b(?:which|whom|them|these|those|cuales|ellos|ellas)\s*$", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"[^\S\n]+(?:of|de)[^\S\n]+(?:(?:the|these|those|its|their|our|all|los|las|sus)[^\S\n]+|[A-Z][\w.]*(?:['’]s)?[^\S\n]+){1,2}"
)
_INNER_NUMBER = re.compile(r"[\d.,]*\d(?=[^\S\n])")
_SPANISH_DE_UNIT = re.compile(r"[^\S\n]+de(?=[^\S\n])")
# Not a count: a caliber ("9mm", "5.56 mm"), a rate's denominator ("per 100,000", "por cada
# 100 mil"), either number of a ratio ("six out of 10", "1 in 4", "siete de cada 10").
_CALIBER = re.compile(r"[^\S\n]?mm\b", re.IGNORECASE)
_PER_BEFORE = re.compile(r"\b(?:per|por[^\S\n]+cada)[^\S\n]*$", re.IGNORECASE)
_RATIO_AFTER = re.compile(r"[^\S\n]+(?:out[^\S\n]+of|de[^\S\n]+cada)[^\S\n]", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"(?:^|\s)(\S+)[^\S\n]+(?:out[^\S\n]+of|in|de[^\S\n]+cada)[^\S\n]*$", re.IGNORECASE)
# A unit describing the size of the counted thing: "10 kilo-sized bricks", "one-pound packages".
_SIZED = re.compile(r"-sized?\b", re.IGNORECASE)
# Between a mass unit and its "of" phrase: an abbreviation's period ("lbs. of"), a
# conversion in parentheses ("600 pounds (272 kilograms) of"), or the end of one ("272 kilograms) of").
_UNIT_TAIL = re.compile(r"\.?(?:[^\S\n]*\([^()\n]{1,40}\)|\))?")
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


class _Sentences:
    """Sentence spans of a text, computed once and looked up by bisect."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _BOUNDARY.finditer(text)]

    def span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        start = self.starts[i]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return start, end

    def sentence(self, pos: int) -> str:
        start, end = self.span(pos)
        return self.text[start:end].strip()


def extract_mentions(text: str, *, tons_rule: str = "by_reporter", language: str | None = None) -> list[Mention]:
    """Every quantity mention in `text`, in text order."""
    if tons_rule not in TONS_RULES:
        raise ValueError(f"unknown tons_rule {tons_rule!r}; expected one of {TONS_RULES}")
    lang = language or detect_language(text)
    if lang not in DIGIT_NUMERAL:
        raise ValueError(f"unsupported language {language!r}; expected 'en' or 'es'")
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case is longer: keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    sentences = _Sentences(text)
    found: list[Mention] = []
    starts = _word_starts(low, lang)
    candidates = [*DIGIT_NUMERAL[lang].finditer(low), *_word_numerals(low, lang, starts),
                  *ARTICLE_NUMERAL[lang].finditer(low)]
    candidates.sort(key=_START)
    numeral_end = -1
    for m in candidates:
        if m.start() < numeral_end:
            continue  # a word inside the numeral just read: "mil" of "20 mil kilos"
        numeral_end = m.end()
        mention = _read(text, low, m, lang, tons_rule, sentences, found)
        if mention is not None:
            found.append(mention)
    # a vague amount inside a figure or inside a longer vague amount ("thousands of pills"
    # in "hundreds of thousands of pills") is part of it, not a mention of its own
    spans = [(f.char_start, f.char_end) for f in found]
    for v in _vague(text, low, sentences, _NUMBER_WORDS[lang], starts, lang, tons_rule):
        if not any(a < v.char_end and v.char_start < b for a, b in spans):
            found.append(v)
            spans.append((v.char_start, v.char_end))
    found.sort(key=lambda x: (x.char_start, x.char_end))
    return found


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
    if parsed is None:
        return None
    value, num_end = parsed
    digits, start = groups.get("digits"), m.start()
    cur = None
    if digits and ("$" in low[max(0, start - 3):start] or low[max(0, start - 4):start].rstrip().endswith(("usd", "mxn"))):
        cur = _CURRENCY_BEFORE.search(low, max(0, start - 8), start)
    plus = _PLUS.match(text, num_end) if digits else None
    if plus:
        num_end = plus.end()  # "700,000+ pills", "2,000-plus rounds": at least that many
    if cur:
        cur, start = text[cur.start():start], cur.start()
    if groups.get("abbr") and not cur and not (groups["abbr"].lower() == "k" and _thousands_of(text, num_end, lang)):
        return None  # "5m", "10k" are amounts after a currency sign, or "27K" before a mass unit or plural
    before = text[max(0, start - 60):start]
    prev = before.rsplit(None, 1)[-1].lstrip("(") if before.strip() else ""
    prev_word = prev.lower()
    if not cur and prev:
        capital = prev[0].isupper()
        if capital and prev_word.rstrip(",.") in _MONTHS:
            return None  # "June 27", "October 14, 2022" ("may" is also a verb: capitals only)
        if (capital or prev_word == "#") and prev_word in _ID_BEFORE:
            return None  # "Title 18", "Fiscal Year 2023", "No. 5"
    if not cur and digits and text.startswith((".", ")"), num_end):
        line = before.rpartition("\n")
        if not line[2].strip() and (line[1] or start <= 60):
            return None  # list ordinal "1." / "2)" at the start of a line
    is_year = bool(digits and len(digits) == 4 and digits.isdigit() and 1800 <= value <= 2100 and num_end == m.end("digits"))

    unit_m = UNIT.match(text, num_end)
    if unit_m is not None and _SIZED.match(text, unit_m.end()):
        unit_m = None  # "10 kilo-sized bricks" counts bricks
    if unit_m is None and lang == "es" and low[:num_end].endswith(("mil", "millón", "millon", "millones")):
        de = _SPANISH_DE_UNIT.match(text, num_end)  # "20 millones de dólares", "dos millones de pesos"
        unit_m = UNIT.match(text, de.end()) if de else None
    counted = None
    if unit_m is not None:
        code, kind = unit_info(unit_m.group("unit"))
        end = unit_m.end()
        if kind == "duration" and (_AGE.match(text, end) or lang == "es" and _AGE_BEFORE_ES.search(before)):
            return None  # "24 years old", "un hombre de 35 años" is an age
        if kind == "currency" and cur and code == "usd" and "MX" in cur.upper():
            code = "mxn"
        unit_text = unit_m.group("unit")
    elif cur:
        kind, end = "currency", num_end
        code = "mxn" if ("MX" in cur.upper() or lang == "es") else "usd"
        unit_text = cur.strip()
    else:
        if groups.get("words") and value <= 1:
            return None  # "one example", "zero impunity": not the size of a set
        if is_year and not before.rstrip().lower().endswith(_YEAR_CONTEXT_OK):
            return None  # "In 2021 seizures...", "the 2022 elections": a calendar year
        counted = _counted(text, num_end, before, _NUMBER_WORDS[lang])
        if counted is None:
            return None
        kind, code, end, unit_text = "count", "count", counted[1], counted[2]

    # accepted: now the qualifier, sentence, unit reading and subject
    qualifier, q_start = ("more than" if plus else None), start
    if prev_word in _QUALIFIER_LAST or prev_word.rstrip(".") in _QUALIFIER_LAST:
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
        value_kg = to_kg(value, code)
    elif kind == "currency" and code == "mxn" and lang == "es" and not (cur and "MX" in cur.upper()) and unit_m is None:
        assumption = "mxn: '$' in a Spanish text is read as pesos"
    if counted is not None:
        subject = _count_subject(text, counted, text[max(0, s_start, start - 60):q_start], words)
    else:
        # "a two-month operation": a hyphen-attached unit describes the noun after it
        attributive = unit_m is not None and unit_m.group().lstrip().startswith("-")
        subject = _subject(text, kind, end, text[s_start:q_start], found, s_start, words, attributive)
    return Mention(start, end, text[start:end], kind, value, code, unit_text, value_kg, assumption,
                   subject, qualifier, sentence)


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
    return resolve_tons(text[s_start:start], tons_rule, text[end:s_end])


def _counted(text: str, num_end: int, before: str, words) -> tuple[str, int, str] | None:
    """(phrase, end, head) of the plural noun a number counts, or None."""
    if _PER_BEFORE.search(before):
        return None  # "24.1 per 100,000 inhabitants": the denominator of a rate
    ratio = _RATIO_BEFORE.search(before)
    if _CALIBER.match(text, num_end) or _RATIO_AFTER.match(text, num_end) or ratio and (
            ratio.group(1)[:1].isdigit() or ratio.group(1).lower() in words):
        return None  # "9mm pistols" are not nine; "6 out of 10 pills" are not ten
    found = subj.counted_noun(text, num_end, words)
    if found is not None:
        return found
    were = _WERE.match(text, num_end)
    if were and _WERE_BEFORE.search(before):
        return subj.counted_noun(text, were.end(), words)  # "of which 426 were .50 caliber firearms"
    part = _PARTITIVE.match(text, num_end)
    if part:
        # "15 of Mexico's 2,741 municipalities": skip an inner number, then the counted noun
        inner = _INNER_NUMBER.match(text, part.end())
        return subj.counted_noun(text, inner.end() if inner else part.end(), words)
    return None


def _count_subject(text: str, counted: tuple[str, int, str], before_q: str, words) -> str:
    phrase, end, head = counted
    of = subj.of_phrase(text, end, words) if head.lower() not in subj.PARTITIVES else None
    if of:
        return f"{phrase} {subj.of_word(text, end)} {of}"  # "7,556 seizures of fentanyl", "15 armas de fuego"
    context = subj.count_context(text, end, before_q, words)
    return f"{phrase} {context}" if context else phrase


def _subject(text: str, kind: str, end: int, before: str, found: list[Mention], s_start: int, words,
             attributive: bool = False) -> str | None:
    """What the figure measures, by kind (see subjects.py for the phrase rules)."""
    if kind == "mass":
        thing = subj.of_phrase(text, _UNIT_TAIL.match(text, end).end(), words) or subj.thing_before(before, words)
        if thing is None:
            thing = subj.predicate(text, end, words)
            if thing and subj.is_anaphoric(before):
                prior = next((f.subject for f in reversed(found) if f.kind == "mass" and f.subject), None)
                thing = f"{prior} {thing}" if prior else thing
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
        return subj.currency_subject(text, end, before, words)
    if kind == "percent":
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
