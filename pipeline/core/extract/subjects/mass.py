"""What a mass is of: "15,000 pounds| of fentanyl powder", "packages of cocaine weighing| 20 kilos",
"heroin seizures fell 30% to| 3,900 pounds", or the mass before it in the sentence; and masses that
restate one another share a subject ("4,000 lbs, or 1.8 tons, of marijuana")."""
from __future__ import annotations

from dataclasses import replace
import re

from pipeline.core.extract.mention import Mention
from pipeline.core.extract.subjects.money import change_subject
from pipeline.core.extract.subjects.phrases import (PARTITIVES, names_period, noun_phrase, of_phrase, starts_numberish,
                                                    tokens)
from pipeline.core.lexicon import LEADING, STOP

# Between a mass unit and its "of" phrase: an abbreviation's period ("lbs. of"), a
# conversion in parentheses ("600 pounds (272 kilograms) of"), or the end of one ("272 kilograms) of").
UNIT_TAIL = re.compile(r"\.?(?:[^\S\n]*\([^()\n]{1,40}\)|\))?(?:,(?=[^\S\n]+of[^\S\n])|[^\S\n]+or[^\S\n]+(?:more|less))?")
# Between two masses that restate or complete each other: "4,000 lbs, or 1.8 tons, of marijuana",
# "1 pound 4 ounces of fentanyl", "1 ton 200 kilograms of cocaine".
_MASS_LINK = re.compile(r"[^\S\n]*(?:,|\()?[^\S\n]*(?:(?:or|and|o|y)[^\S\n]+)?(?:(?:about|approximately|nearly|roughly|"
                        r"some|aproximadamente|casi|unos|unas)[^\S\n]+)?\Z", re.IGNORECASE)


def share_mass_subjects(text: str, found: list[Mention]) -> None:
    """A mass with no subject of its own takes the one of the mass right after it, when only a
    conversion or the rest of a compound weight stands between them."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if (a.kind == "mass" and b.kind == "mass" and a.subject is None and b.subject
                and b.char_start - a.char_end <= 24 and _MASS_LINK.match(text[a.char_end:b.char_start])):
            found[i] = replace(a, subject=b.subject)


def elided_mass_subject(found: list[Mention], s_start: int) -> str | None:
    """The subject of the last mass (or count of packages) before this one in its sentence."""
    for f in reversed(found):  # back to the sentence start only: linear over a long text
        if f.char_start < s_start:
            return None
        if f.subject and (f.kind == "mass" or f.kind == "count" and f.unit_text.lower() in PARTITIVES):
            return f.subject
    return None


# Nouns that govern the measured phrase and tell what happened to it ("the production of X").
_GOVERNING = re.compile(
    r"\b(production|manufacture|manufacturing|importation|exportation|export|import|sale|sales|distribution|"
    r"possession|transport|transportation|delivery|purchase|diversion|consumption|destruction|"
    r"smuggling|trafficking)\s+of\s*$",
    re.IGNORECASE,
)


def governing_noun(before: str) -> str | None:
    """'...prevented the production of' -> 'production' (what happened to the measured thing)."""
    if not before[-40:].rstrip().lower().endswith((" of", " de")):
        return None  # cheap test first: the search below tries every offset of `before`
    m = _GOVERNING.search(before[-40:])
    return m.group(1).lower() if m else None


_WEIGHING = re.compile(
    r"((?:[\w'’.-]+\s+){0,4}?[\w'’-]+),?\s+(?:weighing|weighed|that weighed|totaling|totalling|"
    r"with a (?:total |combined |gross )?weight of|amounting to|que pesaban|"
    r"con un peso (?:total |aproximado |neto |bruto )?de)\s*$",
    re.IGNORECASE,
)
_PREDICATE = re.compile(r"[^\S\n]+(?:were|was|had been|have been|has been|fueron|fue)\s+", re.IGNORECASE)
_ANAPHORA = re.compile(r"^\s*(?:of|de)\s+(?:this|these|that|those|which|it|them|esto|estos|ello)\b", re.IGNORECASE)


_WEIGHING_ENDS = ("weighing", "weighed", "totaling", "totalling", "of", "to", "pesaban", "de")


def thing_before(before: str, number_words: frozenset = frozenset()) -> str | None:
    """'packages of cocaine weighing' -> 'packages of cocaine' (the thing a weight belongs to)."""
    if not before[-40:].rstrip().lower().endswith(_WEIGHING_ENDS):
        return None  # cheap test first; the search looks at the last words only (a long sentence stays linear)
    m = _WEIGHING.search(before[-160:])
    if not m:
        return None
    words = m.group(1).split()
    # keep the last run of words that is not a verb or function word
    keep: list[str] = []
    for w in reversed(words):
        if w.lower() in STOP and w.lower() not in {"of", "de"} or w.lower().endswith("ed") or w[:1].isdigit():
            break
        keep.insert(0, w.rstrip(","))
    while keep and keep[0].lower() in {"of", "de"}:
        keep.pop(0)
    return " ".join(keep) or None


def noun_before(before: str, number_words: frozenset = frozenset()) -> str | None:
    """'the seized methamphetamine ' -> 'methamphetamine': the noun phrase that ends right before a
    parenthesis holding its weight (words back to a function word, a verb form or a number)."""
    keep: list[str] = []
    for w in reversed(before[-80:].split()[-4:]):
        low = w.lower()
        if low in STOP or low in LEADING or starts_numberish(w, number_words) or not w[0].isalpha() or (
                low.endswith("ed") and len(low) > 4) or w.endswith((",", ".", ";", ":")):
            break
        keep.insert(0, w)
    return " ".join(keep) or None


# Substances a mass in these statements is of, named before the figure when no "of" follows it
# ("Heroin seizures fell 30% to about 3,900 pounds").
_SUBSTANCE = re.compile(
    r"\b(?:fentanyl|fentanilo|carfentanil|cocaine|coca[ií]na|crack|methamphetamine|metanfetamina|meth|cristal|heroin|"
    r"hero[ií]na|marijuana|marihuana|cannabis|opium|opio|precursors?|precursores|precursor|chemicals?|qu[ií]micos|"
    r"xylazine|xilacina|nitazenes?|narcotics|narc[oó]ticos|drugs|drogas|psicotr[oó]picos)\b", re.IGNORECASE)


def substance_before(before: str, number_words: frozenset = frozenset()) -> str | None:
    """The noun phrase opened by the last substance named in `before` (the sentence up to the figure)."""
    tail, start, prev_end = before[-200:], None, -2
    for m in _SUBSTANCE.finditer(tail):
        if start is None or not tail[prev_end:m.start()].isspace():
            start = m.start()  # a new run ("precursor chemical" is one)
        prev_end = m.end()
    if start is None:
        return None
    phrase = noun_phrase(tail, start, number_words, 3)[0] or ""
    kept = []
    for w in phrase.split():
        if not any(c.isalnum() for c in w):
            break  # a table's cell border: "| Fentanyl | 1,200 kg |"
        kept.append(w)
    return " ".join(kept) or None


def predicate(text: str, end: int, number_words: frozenset = frozenset()) -> str | None:
    """'35,261 pounds| were seized on the southwest border' -> 'seized on the southwest border'."""
    m = _PREDICATE.match(text, end)
    if not m:
        return None
    words = []
    for word, _, _, ends in tokens(text, m.end(), 8):
        if starts_numberish(word, number_words):
            break
        words.append(word)
        if ends:
            break
    return " ".join(words) or None


def is_anaphoric(sentence_before: str) -> bool:
    """'Of this, approximately ...' refers back to the previous figure's subject."""
    return bool(_ANAPHORA.match(sentence_before))


def mass_subject(text: str, end: int, before: str, found: list[Mention], s_start: int, words: frozenset,
                 attributive: bool = False) -> str | None:
    """What a mass is of: the "of" phrase after it, the thing it weighs, a noun around it, or the mass
    before it in the sentence; with the noun that governs it ("production of")."""
    thing = of_phrase(text, UNIT_TAIL.match(text, end).end(), words)
    if names_period(thing):
        thing = None  # "frente a las 21,900 libras del año fiscal anterior": the period, not the substance
    thing = thing or thing_before(before, words)
    if thing is None and attributive:
        thing = noun_phrase(text, end, words)[0]  # "a 1.5-ton cocaine shipment"
    if thing is None and before.endswith("("):
        thing = noun_before(before[:-1], words)  # "the seized methamphetamine (1,234.5 kg)"
    if thing is None:
        # "35,261 pounds were seized on the border"; "... of fentanyl, while U.S. authorities seized 27 tons"
        # (an elided noun: the mass before it in the sentence, or the packages it weighs: "20 1-kilogram
        # packages of fentanyl ..., 44 pounds in all"); "heroin seizures fell 30% to 3,900 pounds" (the
        # substance named last before it); "seizures dropped to 21,900 pounds"
        thing = predicate(text, end, words)
        if thing and is_anaphoric(before):
            prior = next((f.subject for f in reversed(found) if f.kind == "mass" and f.subject), None)
            thing = f"{prior} {thing}" if prior else thing
        if thing is None:
            elided = elided_mass_subject(found, s_start)
            substance = substance_before(before, words)
            if substance and elided and substance.split()[0].lower() not in elided.lower():
                elided = None  # another substance was named since: "... of fentanyl; meth seizures rose to 9 tons"
            thing = elided or substance or change_subject(before)
    governing = governing_noun(before)
    return f"{thing} {governing}" if thing and governing else thing
