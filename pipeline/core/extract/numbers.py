"""Numbers as written in statements: digits, digits with a scale word, number words.

Compiled patterns per language find a numeral (``DIGIT_NUMERAL``, ``WORD_NUMERAL``); ``parse_numeral``
turns the matched text into a float. English and Spanish differ in two ways that matter:
the number words, and the separators ("1.500 kilos" / "2,5 toneladas" in Spanish).
"""
from __future__ import annotations

import re

from pipeline.core.lexicon import EN_SCALES, ES_SCALES

# --- number words -----------------------------------------------------------------
# value, and whether the word multiplies what precedes it ("two hundred") or adds to it.
_EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}

_ES_WORDS = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
    "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21,
    "veintiún": 21, "veintiun": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23,
    "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200,
    "trescientos": 300, "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400,
    "quinientos": 500, "quinientas": 500, "seiscientos": 600, "seiscientas": 600,
    "setecientos": 700, "setecientas": 700, "ochocientos": 800, "ochocientas": 800,
    "novecientos": 900, "novecientas": 900,
}

WORDS = {"en": {**_EN_WORDS, **EN_SCALES}, "es": {**_ES_WORDS, **ES_SCALES}}
SCALES = {"en": EN_SCALES, "es": ES_SCALES}
# The number words of each language as a set: a word in it continues or starts a numeral.
NUMBER_WORDS = {lang: frozenset(words) for lang, words in WORDS.items()}
_JOINERS = {"en": "and", "es": "y"}

# Scale words after digits: "20.4 million", "$1.23 billion", "$5M", "3,5 millones", "2 mil".
_SCALE_AFTER_DIGITS = {
    # Spanish "millones" too: an English text may quote a Spanish figure ("20 millones de pesos")
    "en": r"(?:\s+|-)(?P<scale>hundred|thousand|million|billion|trillion|millones|millón)\b|(?P<abbr>bn|mn|[mbk])\b",
    # English scale words too: a Spanish text may quote an English paragraph ("1.5 million pills")
    "es": r"\s+(?P<scale>mil\s+millones|millones|millón|millon|mil|billones|billón|million|billion|thousand)\b"
          # Mexican usage writes "2 mil 500" (2,500), "3 mil 500 millones", "2 millones 300 mil"
          r"(?:[^\S\n]+(?P<rest>[0-9]{1,3})(?!\d|[.,]\d)(?:[^\S\n]+(?P<rest_scale>millones|millón|millon|mil)\b)?)?",
}
_LETTERS = re.compile(r"[^\W\d_]+")
_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}


# Checked right after the first character of a word: the character before it is not part of
# a word ("someone" holds no "one"). Placing the check after a literal first character, not
# before, lets the regex engine skip ahead to possible first characters in C (its charset
# prefix scan), which is what keeps a pass over a long text fast.
WORD_START = r"(?<![\w-].)"


def word_alternation(words, guard: str = "") -> str:
    """A regex matching any of `words` (lower case), built as a trie ("se(?:ven(?:teen)?|...)").

    A flat alternation is tried branch by branch; the trie rejects a non-matching word after
    one or two characters. `guard` is inserted after the first character of every word.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, top: bool = False) -> str:
        alts = [re.escape(ch) + (guard if top else "") + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # a word may stop here or go on: prefer going on ("seventeen" over "seven")
        return "(?:" + body + ")?" if "" in node else body

    return build(trie, top=True)


# Words a number can start with: a word numeral never starts with a multiplier ("billion"
# alone is not a figure), except Spanish "mil" ("mil toneladas").
FIRST_WORDS = {lang: tuple(w for w in WORDS[lang] if w not in SCALES[lang] or (lang == "es" and w == "mil"))
               for lang in ("en", "es")}


def _word_numeral(lang: str) -> str:
    small = word_alternation(FIRST_WORDS[lang], WORD_START)
    anyword = word_alternation(WORDS[lang])
    joiner = _JOINERS[lang]
    return rf"(?:{small})(?:(?:\s+{joiner}\s+|[\s-]+)(?:{anyword}))*\b"


# Both patterns run on the lower-cased text (same offsets); matching without IGNORECASE is
# about twice as fast. Digits end on a digit, so "1." and "2019." stop at the digit; they are
# not inside an identifier, decimal, date, time or URL ("DCPD2022", ".50", "10:30", "I-35").
# The first digit is [0-9], not \d: an ASCII class lets the engine skip ahead faster.
# A space may group thousands ("1 500 kg", "12 500 000 pesos": French/Spanish typography, often a
# no-break or thin space, made a plain space by cleaning): one to three digits, then groups of
# exactly three, not followed by a hyphen ("2 100-pound bombs" are two bombs of 100 pounds).
_SPACE_GROUPED = r"[0-9]{0,2}(?:[ ][0-9]{3})+(?:[.,][0-9]+)?(?![0-9]|[.,][0-9]|[ ]?-)"
_DIGITS = rf"(?P<digits>[0-9]<lookbehind>(?:{_SPACE_GROUPED}|(?:[\d.,]*\d)?))"
_DIGITS_AFTER = r"(?!-\d|[:/]\d|(?:st|nd|rd|th)\b)"
# A decimal without its leading zero (".31 pounds", ".75 kilogramos") after a space or "(" is read with its
# dot (``read`` keeps it only before a unit); after a word or a digit the dot ends a sentence or a number.
DIGIT_NUMERAL = {
    lang: re.compile(_DIGITS.replace("(?P<digits>", r"(?P<digits>(?:\.(?=[0-9]))?").replace(
        "<lookbehind>", r"(?<![\w,:/#@&%+-]\d)(?<![^\s(]\.\d)") + rf"(?:{_SCALE_AFTER_DIGITS[lang]})?"
                     + _DIGITS_AFTER)
    for lang in ("en", "es")
}
# The upper bound of a range written with a hyphen or a dash ("10-15 tons", "10%-15%"): the same
# numeral, tried only right after the dash, where the look-behind above would refuse it.
RANGE_UPPER = {
    lang: re.compile(_DIGITS.replace("<lookbehind>", "") + rf"(?:{_SCALE_AFTER_DIGITS[lang]})?" + _DIGITS_AFTER)
    for lang in ("en", "es")
}
# "10-15", "10%-15%", "50–100": a numeral (not inside an identifier, a date or a phone number),
# a dash, and the digit the upper bound starts with.
HYPHEN_RANGE = re.compile(r"[0-9](?<![\w.,:/#@&%+-]\d)(?:[\d.,]*\d)?%?[-–](?P<upper>[0-9])(?![\d.,]*\d-)")
# A signed change in a table or a stat line: "| -15% |", "cocaine +12%": the number after the sign (the
# sign itself says "down" or "up", the value stays positive). Tried only on texts holding a "%".
SIGNED_PERCENT = re.compile(r"(?P<digits>[0-9](?<=[+-][0-9])(?<![^\s|(:][+-][0-9])(?:[\d.,]*[0-9])?)(?=[^\S\n]?%)")
# A signed figure alone in a cell of a pipe or tab table: "| -20.5 |" under "Change %" (``cells`` reads the header)
SIGNED_CELL = re.compile(r"(?P<digits>(?:(?<=[|\t] [+-])|(?<=[|\t][+-]))[0-9](?:[\d.,]*[0-9])?)(?=[^\S\n]*(?:[|\t\n]|\Z))")
WORD_NUMERAL = {lang: re.compile(rf"(?P<words>{_word_numeral(lang)})") for lang in ("en", "es")}

# An article standing for a number before a scale word or a mass unit: "a ton", "half a ton",
# "a quarter ton", "a million pills", "half a million dollars", "a dozen suspects", "media
# tonelada". Alone ("a seizure") an article is no number, so the word after it is required.
# "a half-ton" reads the same way; fractions in figures ("½ pound", "3/4 of a ton") are
# FRACTION_NUMERAL below, and a number word with a fraction word ("one-half pound",
# "three-quarters of a kilogram") is WORD_FRACTION, read by the extractor after the number word.
_ARTICLES = {"en": {"a": 1.0, "an": 1.0, "half a": 0.5, "half an": 0.5, "a quarter": 0.25, "a quarter of a": 0.25,
                    "a half": 0.5},
             "es": {"media": 0.5, "medio": 0.5, "una": 1.0}}
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_MASS_UNIT_NEXT = r"(?:metric\s+)?(?:tons?|tonnes?|kilos?|kilograms?|pounds?|ounces?|grams?|kgs?|lbs?|oz)\b"
# after "a hundred" / "a thousand", the rest of a spoken numeral: "a hundred and ten", "a hundred twenty-three"
_EN_UNITS_WORDS = word_alternation([w for w, v in _EN_WORDS.items() if 0 < v < 100])
_ARTICLE_REST = (r"(?:(?:(?<=hundred)|(?<=thousand))(?P<arest>(?:[^\S\n]+and)?[^\S\n]+(?:" + _EN_UNITS_WORDS + r")(?:-(?:"
                 + _EN_UNITS_WORDS + r"))?\b))?")
_ARTICLE_NEXT = {
    "en": r"(?P<ascale>dozen|hundred|thousand|million|billion)\b" + _ARTICLE_REST + "|(?=" + _MASS_UNIT_NEXT + ")",
    "es": r"(?P<ascale>mill[oó]n|docena)\b|(?=(?:toneladas?|kilos?|kilogramos?)\b)",
}
_OF_A = r"(?:[^\S\n]+of[^\S\n]+an?)?"
# Each branch starts with a literal and checks the word start after it (see WORD_START): "a"
# is the most frequent letter of English, so the engine must be able to skip ahead in C.
_ARTICLE_WORDS = {
    "en": r"a(?<![\w-]a)(?:[^\S\n]+quarter(?:[^\S\n]+of[^\S\n]+a)?|n|[^\S\n]+half)?|h(?<![\w-]h)alf[^\S\n]+an?",
    "es": r"m(?<![\w-]m)edi[ao]|u(?<![\w-]u)na(?=[^\S\n]+docena\b)",
}
ARTICLE_NUMERAL = {lang: re.compile(rf"(?P<article>{_ARTICLE_WORDS[lang]})(?:[^\S\n]+|-)(?:{_ARTICLE_NEXT[lang]})")
                   for lang in _ARTICLES}
# A fraction in figures before a mass unit: "3/4 of a ton", "1/4 pound", "½ pound" (not a date or a
# ratio: "12/3", "1/2/2024", "50/50"). Tried only on texts holding a "/" or a fraction character.
FRACTION_NUMERAL = re.compile(r"(?P<article>[1-9](?<![\w./-]\d)/[2-8](?![\d/])" + _OF_A + r"|[½¼¾⅓⅔](?<![\w][½¼¾⅓⅔])"
                              + _OF_A + r")(?:[^\S\n]+|-)?(?=" + _MASS_UNIT_NEXT + ")")
# A fraction word after a number word: "one-half pound", "three-quarters of a kilogram", "two-thirds of a ton".
WORD_FRACTION = re.compile(r"[- ](?P<part>half|thirds?|quarters?|fourths?)" + _OF_A + r"(?:[^\S\n]+|-)(?=" + _MASS_UNIT_NEXT + ")")
FRACTION_PARTS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
                  "cuarto": 4, "cuartos": 4, "tercio": 3, "tercios": 3}
# Spanish: "tres cuartos de tonelada", "un cuarto de kilo", "dos tercios de tonelada"
WORD_FRACTION_ES = re.compile(r"[^\S\n]+(?P<part>cuartos?|tercios?)[^\S\n]+de[^\S\n]+(?=(?:toneladas?|kilos?|kilogramos?)\b)")
_OF_A_TAIL = re.compile(r"[^\S\n]+of[^\S\n]+an?$")


def article_value(article: str, lang: str) -> float:
    """'half a' -> 0.5, 'a half' -> 0.5, '3/4 of a' -> 0.75, '½' -> 0.5 (an ARTICLE_NUMERAL or
    FRACTION_NUMERAL match's ``article`` group)."""
    article = _OF_A_TAIL.sub("", article) if not article.startswith(("a quarter", "half")) else article
    if "/" in article:
        numerator, denominator = article.split("/")
        return int(numerator) / int(denominator)
    if article in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[article]
    return _ARTICLES[lang][" ".join(article.replace("-", " ").split())]


def parse_digits(text: str, lang: str = "en", decimal_comma: bool = False) -> float | None:
    """'15,000' -> 15000.0; '2.64' -> 2.64; Spanish '1.500' -> 1500.0, '2,5' -> 2.5; '1 500' -> 1500.0.

    None when the separators cannot be read (e.g. '1,5' in English), so the caller skips it
    rather than guessing. ``decimal_comma`` lets an English text read a lone comma followed by
    one or two digits as a decimal mark ('6,5'), as translations from Spanish write it; the
    caller decides when that is safe (before a unit).
    """
    if " " in text:
        text = text.replace(" ", "")  # thousands grouped by spaces (the pattern only allows groups of three)
    if "," not in text and "." not in text:
        return float(text)
    if decimal_comma and "." not in text and _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    if lang == "es":
        if "," in text and "." in text:
            # both present: the last one is the decimal mark
            if text.rfind(",") > text.rfind("."):
                return _strict(text, thousands=".", decimal=",")
            return _strict(text, thousands=",", decimal=".")
        sep = "," if "," in text else "."
        groups = text.split(sep)
        # "1.500" / "2,741": groups of exactly three digits are thousands (Mexican usage
        # writes both); anything else ("2,5", "0.75") is a decimal mark.
        if len(groups[0]) <= 3 and groups[0] != "0" and all(len(g) == 3 for g in groups[1:]):
            return float("".join(groups))
        return _strict(text, thousands="\0", decimal=sep)
    return _strict(text, thousands=",", decimal=".")


_DECIMAL_COMMA = re.compile(r"[0-9]{1,3},[0-9]{1,2}")


def _strict(text: str, thousands: str, decimal: str) -> float | None:
    whole, _, frac = text.partition(decimal)
    if decimal in frac or thousands in frac:
        return None
    groups = whole.split(thousands)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    return float("".join(groups) + ("." + frac if frac else ""))


def parse_words(text: str, lang: str = "en") -> tuple[float, int] | None:
    """'twenty-one' -> 21; 'dos mil' -> 2000; 'mil millones' -> 1e9.

    Returns (value, length of the text consumed): a run like "two three" is read only as far
    as it forms one number ("two"), so the caller can shorten the match.
    """
    table, scales = WORDS[lang], SCALES[lang]
    total, current, consumed = 0.0, 0.0, 0
    for m in _LETTERS.finditer(text):
        word = m.group().lower()
        if word == _JOINERS[lang]:
            continue
        if word not in table:
            break
        v = table[word]
        if word in scales:
            if v == 100 or v == 12:  # "two hundred", "two dozen" multiply the pending part only
                current = (current or 1) * v
            elif v > max(total, 1):  # "mil millones": multiplies everything so far
                total = ((total + current) or 1) * v
                current = 0
            else:
                total += (current or 1) * v
                current = 0
        else:
            # additive word: only where it can combine ("twenty" + "one", "ciento" + "cincuenta")
            if current and not any(v < p and current % p == 0 for p in (10, 100, 1000)):
                break
            current += v
        consumed = m.end()
    if not consumed:
        return None
    return total + current, consumed


def parse_numeral(m: re.Match, lang: str = "en", groups: dict | None = None,
                  decimal_comma: bool = False) -> tuple[float, int] | None:
    """Value of a ``DIGIT_NUMERAL`` / ``WORD_NUMERAL`` match and the end offset actually read.

    ``groups`` is ``m.groupdict()`` when the caller already has it (it builds a dict each call).
    """
    groups = m.groupdict() if groups is None else groups
    if groups.get("article"):
        value = article_value(groups["article"], lang)
        scale = groups.get("ascale")
        if groups.get("arest") and value == 1:
            spoken = parse_words(f"one {scale}{groups['arest']}", lang)  # "a hundred and ten": 110
            if spoken is not None:
                return spoken[0], m.end()
        return value * (WORDS[lang][scale] if scale else 1.0), m.end()
    if groups.get("words"):
        parsed = parse_words(m.group("words"), lang)
        if parsed is None:
            return None
        return parsed[0], m.start("words") + parsed[1]
    value = parse_digits(m.group("digits"), lang, decimal_comma)
    if value is None:
        return None
    scale, abbr = groups.get("scale"), groups.get("abbr")
    if scale:
        factor = SCALES["en"].get(scale.lower()) or parse_words(scale, "es")[0]
        if groups.get("rest"):
            return _compound(value, factor, float(groups["rest"]), groups.get("rest_scale"), m)
        value *= factor
    elif abbr:
        value *= _ABBR[abbr.lower()]
    return value, m.end()


def _compound(value: float, factor: float, rest: float, rest_scale: str | None, m: re.Match) -> tuple[float, int]:
    """A Spanish numeral in parts: '2 mil 500' (2,500), '3 mil 500 millones' (3.5e9), '2 millones
    300 mil' (2.3e6). Anything else ('2 millones 500') is read only up to its scale word."""
    if rest_scale is None:
        if factor == 1000:
            return value * factor + rest, m.end()
    else:
        rest_factor = parse_words(rest_scale, "es")[0]
        if rest_factor > factor:
            return (value * factor + rest) * rest_factor, m.end()
        if rest_factor < factor and rest * rest_factor < factor:
            return value * factor + rest * rest_factor, m.end()
    return value * factor, m.end("scale")


def parse_number(text: str, lang: str = "en") -> float | None:
    """Convenience: the value of the whole string as one numeral ("20.4 million", "four")."""
    low = text.strip().lower()
    m = DIGIT_NUMERAL[lang].fullmatch(low) or WORD_NUMERAL[lang].fullmatch(low)
    if m is None:
        return None
    parsed = parse_numeral(m, lang)
    if parsed is None or parsed[1] != len(text.strip()):
        return None
    return parsed[0]


# A fraction after a whole number, before its unit: "2½ pounds", "1 1/2 pounds", "two and a half tons".
FRACTION_AFTER = re.compile(
    r"(?P<vulgar>[½¼¾⅓⅔])|[^\S\n](?P<num>[1-9])/(?P<den>[2-8])(?![\d/])|[^\S\n]+and[^\S\n]+a[^\S\n]+(?P<word>half|quarter)\b")
# "and a half" / "y media" after the unit: "a ton and a half", "tres toneladas y media".
AND_A_HALF = re.compile(r"[^\S\n]+(?:and[^\S\n]+a[^\S\n]+half|y[^\S\n]+medi[ao])\b")


def fraction_value(m: re.Match) -> float:
    """The value of a ``FRACTION_AFTER`` match."""
    if m.group("vulgar"):
        return VULGAR_FRACTIONS[m.group("vulgar")]
    if m.group("num"):
        return int(m.group("num")) / int(m.group("den"))
    return 0.5 if m.group("word") == "half" else 0.25


# Dotted thousands ("1.234.567"): never an English number.
DOT_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
