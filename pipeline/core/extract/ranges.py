"""Ranges and bounds: the lower bound of "between 10 and 20 kilograms", "10-15 tons", "entre 5 y 7
toneladas", "$5-10 million"; and the bounds written next to one figure ("700,000+ pills", "5 or more
years").

A range is two figures, one per bound, each pointing at its own characters; the lower bound takes the
upper bound's kind, unit, scale word and subject."""
from __future__ import annotations

from dataclasses import replace
import re

from pipeline.core.extract.mention import Mention
from pipeline.core.extract.not_quantities import ID_BEFORE, ID_BEFORE_ANY_CASE
from pipeline.core.extract.numbers import parse_digits, parse_words
from pipeline.core.extract.sentences import Sentences
from pipeline.core.extract.units import to_kg
from pipeline.core.lexicon import LARGE_SCALES, QUALIFIER

# The currency sign of a range written once before it: "$5-10 million".
RANGE_CURRENCY = re.compile(r"(?P<sign>(?:us|usd|u\.s\.|mx)?\$)[^\S\n]?[0-9][\d.,]*[-–]\Z")
OR_MORE = re.compile(r"[^\S\n]+(?:or|o)[^\S\n]+(more|fewer|less|más|menos|so)[^\S\n]+(?!than\b|de\b|que\b)")
OR_MORE_QUALIFIER = {"more": "at least", "más": "at least", "fewer": "at most", "less": "at most", "menos": "at most",
                      "so": "about"}  # "thirty or so officers"
# "+" or "-plus" right after a numeral: "more than" written after it.
PLUS = re.compile(r"\+(?![\d+])|-plus\b", re.IGNORECASE)

_SPACES = re.compile(r"\s+")


# The lower bound of a range, just before the upper bound's figure: "between 10 and", "10-",
# "from 5,000 to", "entre 5 y", "de 5 a", "$5 billion to", "10%-". The connector decides which
# opening word is needed: "and"/"y" only after "between"/"entre", "a" only after "de"/"desde".
# Read token by token from the end (a regex search over the text before every figure cost a
# sixth of the extraction time).
RANGE_CONNECTORS = frozenset({"to", "through", "and", "y", "a", "al", "hasta", "or", "o", "u"})
_RANGE_INTRO = {"and": ("between",), "y": ("entre",), "a": ("de", "desde"), "al": ("de", "del", "desde"),
                "hasta": ("desde", "de")}
# A word between a range's opening word and its lower bound: "de apenas 2 a 3 años", "between roughly 10 and 20"
_RANGE_ADVERBS = frozenset("apenas solo sólo unos unas casi about roughly approximately only just some around nearly".split())
_LOWER_TOKEN = re.compile(r"(?:(?:us|usd|u\.s\.|mx)?\$)?(?P<digits>[0-9](?:[\d.,]*[0-9])?)(?P<pct>%)?|"
                          r"(?P<words>[^\W\d_]+(?:-[^\W\d_]+)?)", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"[^\S\n]*(?:(?:us|usd|u\.s\.|mx)?\$[^\S\n]?)?([0-9](?:[\d., ]*[0-9])?|[^\W\d_]+(?:-[^\W\d_]+)?)",
                             re.IGNORECASE)


def range_lower(text: str, upper: Mention, lang: str, found: list[Mention], sentences: Sentences):
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
        if space < 0 or conn not in RANGE_CONNECTORS:
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
    adverb = 0
    if intro in _RANGE_ADVERBS and len(parts) > 2 and conn in _RANGE_INTRO:
        adverb, intro = len(parts[-2]) + 1, parts[-3].lower()  # "de apenas 2 a 3 años", "between roughly 10 and 20"
    if intro in ID_BEFORE_ANY_CASE or parts[-2:-1] and parts[-2][:1].isupper() and intro in ID_BEFORE:
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
        if not (intro in ("de", "from", "desde") and 0 < lower and
                _CHANGE_FROM.search(text, max(0, lo_start - len(parts[-2]) - 40), lo_start - len(parts[-2]) - 1)):
            return None  # a change's earlier level may be the larger: "pasó de 310 millones a 273 millones de pesos",
            # "se redujo de 45 a 30 días", "fell from 90 to 45 minutes"
    qual_start = lo_start - adverb - (len(parts[-2 - (adverb > 0)]) + 1 if intro in ("between", "from", "entre", "de", "del",
                                                                                    "desde") else 0)
    qual = QUALIFIER.search(text, max(0, qual_start - 48), max(0, qual_start))
    qualifier = _SPACES.sub(" ", qual.group("q")).lower() if qual else None
    value_kg = to_kg(lower, upper.unit) if upper.kind == "mass" else None
    return Mention(lo_start, lo_end, text[lo_start:lo_end], upper.kind, lower, upper.unit, upper.unit_text, value_kg,
                   upper.unit_assumption, upper.subject, qualifier, upper.sentence)


# A verb of change right before "de"/"from": the figure after it is the earlier level, larger or smaller.
_CHANGE_FROM = re.compile(r"\b(?:pasar|pasó|paso|pasaron|bajar|bajó|bajaron|subir|subió|subieron|aumentar|aumentó|aumentaron|"
                          r"disminuir|disminuyó|disminuyeron|caer|cayó|cayeron|crecer|creció|crecieron|reducirse|se\s+redujo|"
                          r"se\s+redujeron|went|fell|rose|dropped|increased|decreased|declined|grew|climbed|jumped|"
                          r"cut|reduced|slashed)[^\S\n]*\Z", re.IGNORECASE)
