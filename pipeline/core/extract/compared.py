"""Figures that take the noun of a figure before them: compared with it ("3,800 people, compared
with 2,100"), part of it ("55 fugitives, including 29 in February"), a difference ("19 menos que en
septiembre"), an item of a list ("tortura (1,420 casos), masacres (267)", "98 votos a favor, 17 en
contra"), or a "1" in a list of counts ("2 armas largas, 1 arma corta")."""
from __future__ import annotations

import re

from pipeline.core.extract.counts import TIME_NOUNS
from pipeline.core.extract.subjects.phrases import is_plural, noun_phrase, starts_numberish, tokens
from pipeline.core.lexicon import LEVEL_QUALIFIER, MONTHS, STOP

# A count or a mass whose noun is left out because it is compared with, or is part of, a figure just
# before it: "3,800 people, compared with 2,100 in the same months", "55 fugitives, including 29 in
# February and 26 in August", "21,900 pounds in fiscal 2024, compared with 27,000 in fiscal 2023".
_COMPARED_BEFORE = re.compile(
    r"(?:\b(?:compared\s+(?:with|to)|as\s+against|versus|vs\.|(?:up|down)\s+from|including|included|among\s+them|"
    r"comparad[oa]s?\s+con|en\s+comparaci[oó]n\s+con|frente\s+a|contra|respecto\s+(?:a|de)|incluid[oa]s|incluyendo|"
    r"de\s+(?:los|las)\s+cuales|of\s+(?:which|whom))[^\S\n]+(?:" + LEVEL_QUALIFIER + r")?|(?P<and>\b(?:and|y)[^\S\n]+)|"
    # the new level of a change "from" a count "to" a bare figure: "fell from 86 victims in September to 59"
    r"(?P<to>\b(?:to|a|hasta|(?:estamos|est[aá]n?|estaba|se\s+ubica|se\s+ubic[oó]|qued[oó]|quedamos)\s+en)[^\S\n]+"
    r"(?:" + LEVEL_QUALIFIER + r"|(?:unos|unas|casi|cerca\s+de)[^\S\n]+)?)|"
    # a correction: "It was 26 pounds, not 62", "fueron 58, no 56"
    r"(?P<not>(?<=,)[^\S\n]*(?:not|no|rather\s+than|instead\s+of|en\s+lugar\s+de)[^\S\n]+))\Z", re.IGNORECASE)
# "of which 17 were in Sinaloa", "de los cuales 17 se ubicaban": a part of the figure before, whatever follows it
_PART_OF = re.compile(r"\b(?:of\s+(?:which|whom)|de\s+(?:los|las)\s+cuales)[^\S\n]+(?:" + LEVEL_QUALIFIER + r")?\Z", re.IGNORECASE)
_NON_YEAR_DIGIT = re.compile(r"(?<![\d.,])(?!(?:19|20)[0-9]{2}(?![\d.,]))[0-9]")  # a figure between, a year aside
_FROM_BEFORE = re.compile(r"\b(?:from|de|desde)[^\S\n]+(?:" + LEVEL_QUALIFIER + r"|(?:unos|unas|casi|cerca\s+de)[^\S\n]+)?\Z",
                          re.IGNORECASE)
_COMPARED_AFTER = re.compile(r"[^\S\n]+(?:in|en|during|durante|a[^\S\n]+year|the[^\S\n]+(?:previous|prior|same|year|month)|last|"
                             r"el[^\S\n]+(?:año|mes|mismo)|un[^\S\n]+año)\b|[^\S\n]*(?:[,;)]|\.(?!\d)|\Z)", re.IGNORECASE)


def compared_figure(text: str, before: str, start: int, num_end: int, value: float, found: list,
                     sentences: Sentences):
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
    if conn.group("not") is not None:
        return prior if start - prior.char_end <= 12 else None  # "26 pounds, not 62": the corrected figure, same unit
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


def fewer_than(low: str, start: int, num_end: int, found: list, sentences: Sentences):
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


def listed_figure(text: str, start: int, found: list, sentences: Sentences, lang: str) -> tuple[str, str] | None:
    """(subject, counted noun) of a bare figure in parentheses after an item of a list whose noun is
    given by a count before it in the sentence or by "el mayor número de X"; or None."""
    s_start = sentences.span(start)[0]
    seg = text[max(s_start, start - 90):start - 1]
    if "\n" in seg or not seg.strip():
        return None
    item_words = _ITEM_SPLIT.split(seg)[-1].split()
    while item_words and (item_words[0].lower() in STOP or item_words[0].lower() in _ITEM_LEAD):
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
        if named is None or not is_plural(named.group("noun")):
            return None
        noun = named.group("noun")
    if item_words[0].lower().rstrip(".") in MONTHS or item_words[-1].lower() in MONTHS:
        return (sibling.subject, noun) if sibling is not None else None  # "que en septiembre (90)": the same count
    if item[:1].isupper():
        if noun.lower() in _PERSON_HEADS and sibling is not None:
            return None  # "3 detenidos: Juan Pérez (34), ...": an age after a name
        return f"{noun} {'en' if lang == 'es' else 'in'} {item}", noun
    return item, noun


# After a bare part of a count, the phrase that says which part: "17| en contra", "287| por delitos del fuero común".
PART_PREP = re.compile(r"[^\S\n]+(?:en|por|con|in|for|from|with|at|on)[^\S\n]+(?![0-9])", re.IGNORECASE)
# "otros tres", "seiscientos más" (not "más que", "más de"): more of the noun counted before
_MORE_OF = re.compile(r"[^\S\n]+más(?=[^\S\n]*(?:[,;:]|\.(?!\d)|\n|\Z|[^\S\n]+(?:en|para|durante|este|esta|a)\b))")
_PARTICIPLE_BEFORE = re.compile(r"\b([a-záéíóúñ]{2,}(?:ados|adas|idos|idas))[^\S\n]+otr[oa]s[^\S\n]+\Z")


def list_part(text: str, before: str, start: int, num_end: int, found: list, sentences: Sentences,
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
    if prior.char_start < s_start or len(gap) > 40 or any(c.isdigit() for c in gap) or not PART_PREP.match(text, num_end):
        return None
    tail = part_tail(text, num_end, words)
    return f"{prior.unit_text} {tail}" if tail else None


_PART_TAIL_END = frozenset("y e and or o de del of the la el los las a to".split())


def part_tail(text: str, pos: int, words) -> str:
    """'en contra', 'por delitos del fuero común': the words after a bare part, to a figure or the clause end."""
    out = []
    for word, _, _, ends in tokens(text, pos, 6):
        if starts_numberish(word, words):
            break
        out.append(word)
        if ends:
            break
    while out and out[-1].lower() in _PART_TAIL_END:
        out.pop()
    return " ".join(out) if len(out) >= 2 else ""


# Between two items of a list of counts: "3 rifles, 1 pistol", "2 armas largas, 1 arma corta".
LIST_SEP = re.compile(r"[^\S\n]*[,;]?[^\S\n]*(?:(?:and|y|e)[^\S\n]+)?")


def single_item(text: str, pos: int, words) -> tuple[str, int, str] | None:
    """The singular noun after "1" in a list of counts ("1 arma corta", "1 pistol")."""
    phrase, end = noun_phrase(text, pos, words, 3)
    if not phrase or not text.startswith(" ", pos):
        return None
    head = phrase.split()[0]
    if not head.isalpha() or not head.islower() or is_plural(head) or head in TIME_NOUNS:
        return None
    return phrase, end, head


# A bare number joined to a percent just before it, in the same sentence: "alrededor del 61% de los contenedores en
# Manzanillo, y cerca del 40 en Lázaro Cárdenas", "61% of containers at Manzanillo and nearly 40 at Lázaro Cárdenas".
_PERCENT_SIBLING_BEFORE = re.compile(
    r"(?:,|\b(?:y|e|o|and|or))[^\S\n]+(?:(?:(?:cerca|alrededor|arriba|más|mas|menos)[^\S\n]+del?|casi(?:[^\S\n]+el)?|"
    r"apenas(?:[^\S\n]+el)?|el|del|al)[^\S\n]+|" + LEVEL_QUALIFIER + r")?\Z", re.IGNORECASE)
_PERCENT_SIBLING_AFTER = re.compile(r"[^\S\n]+(?:en|in|at|for|para|among|entre)\b|[^\S\n]*(?:[,;)]|\.(?!\d)|\Z)",
                                    re.IGNORECASE)


def percent_sibling(text: str, start: int, num_end: int, found: list, sentences) -> object | None:
    """The percent a bare number is a second value of (same sentence, no figure between), or None."""
    prior = found[-1] if found else None
    if prior is None or prior.kind != "percent" or prior.value is None or not 0 < start - prior.char_end <= 100 or \
            prior.char_start < sentences.span(start)[0] or _NON_YEAR_DIGIT.search(text, prior.char_end, start):
        return None
    if not _PERCENT_SIBLING_AFTER.match(text, num_end) or not _PERCENT_SIBLING_BEFORE.search(
            text, max(prior.char_end, start - 40), start):
        return None
    return prior
