"""The subject of a count: its counted noun, with the "of" phrase, the crime a generic count belongs to
("96 víctimas de homicidio doloso"), the verb before it and a short phrase after it ("prosecuted
5,046 defendants for human smuggling")."""
from __future__ import annotations

import re

from pipeline.core.extract.subjects.mass import noun_before
from pipeline.core.extract.subjects.phrases import (AND_TAIL, PARTITIVES, PAST, is_plural, of_phrase, of_word,
                                                    place_tail, starts_numberish, tokens)
from pipeline.core.lexicon import MONTHS, STOP


def count_subject(text: str, counted: tuple[str, int, str], before_q: str, words: frozenset, lang: str) -> str:
    """The subject of a count from its (phrase, end, head), the words after it and ``before_q``, its sentence before it."""
    phrase, end, head = counted
    of = of_phrase(text, end, words) if head.lower() not in PARTITIVES else None
    if of:
        return f"{phrase} {of_word(text, end)} {of}"  # "7,556 seizures of fentanyl", "15 armas de fuego"
    if head.lower() in _GENERIC_HEADS and phrase.lower() == head.lower():
        link = "de" if lang == "es" else "of"
        if before_q.endswith("("):  # "tortura (1,420 casos)": cases of the item the parenthesis follows
            item = noun_before(before_q[:-1].rstrip(), words)
            if item and not item[:1].isupper():
                return f"{phrase} {link} {item}"
        reg = _REGISTERED.search(before_q) if before_q[-30:].rstrip().lower().endswith(_REGISTERED_ENDINGS) else None
        if reg and reg.group("np")[:1].islower() and not set(reg.group("np").lower().split()) & _ACTOR_WORDS:
            # "El homicidio doloso registró 96 víctimas": victims of that crime (not "the state recorded")
            return f"{phrase} {link} {' '.join(reg.group('np').split())}"
    context = count_context(text, end, before_q, words)
    if context and " " not in context and lang != "es":
        return f"{phrase} {context}{place_tail(text, end, words)}"  # "expelled 55 suspects to the United States"
    if not context and lang != "es":
        return phrase + place_tail(text, end, words)  # "10,000 troops to the border", "9 migrants inside a trailer"
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


_PREPS = frozenset("for with in from through on involving across against suspected accused charged en con por para".split())
VERB_BEFORE = re.compile(r"\b([a-z]{3,}ed)\s+$")


_INSIDE = frozenset("the a an of".split())  # may sit inside the phrase after the noun, never end it
# Words that open a prepositional tail of their own ("pursuant to", "related to"): the phrase ends.
_PHRASE_END = frozenset("pursuant according due thanks prior related owing".split())
_COMMA_WITH = re.compile(r",[^\S\n]+(?=with[^\S\n])")


def count_context(text: str, end: int, before: str, number_words: frozenset = frozenset()) -> str:
    """Context for a counted noun: the verb before it and a short phrase after it.

    "prosecuted 5,046 defendants for human smuggling" -> "prosecuted for human smuggling";
    "108,000 people died of drug overdoses" -> "died of drug overdoses";
    "50 municipalities with the highest number of homicides" -> "with the highest number of homicides".
    """
    parts = []
    verb = VERB_BEFORE.search(before[-30:]) if before[-40:].rstrip().endswith("ed") else None
    if verb:
        parts.append(verb.group(1))
    comma = _COMMA_WITH.match(text, end)  # "municipalities, with the highest rates of femicide"
    words = []
    for i, (word, _, _, ends) in enumerate(tokens(text, comma.end() if comma else end, 8)):
        low = word.lower()
        if starts_numberish(word, number_words):
            break
        if i == 0:
            if low not in _PREPS and low not in PAST and not (low.endswith("ed") and len(low) > 4):
                break
        elif low in _PHRASE_END or (low not in _INSIDE and (low in STOP or low in {"just", "only"} or (
                low.endswith("s") and word[0].islower() and i > 1 and (not is_plural(word) or words[-1][0].isupper())))):
            break  # ...or a verb after a name: "firearms in Texas| demonstrates"
        words.append(word)
        if ends:
            break
    while words and (words[-1].lower() in _INSIDE or words[-1].lower() in AND_TAIL):
        words.pop()
    # a phrase needs a preposition: "died of drug overdoses", "for human smuggling"; a lone
    # verb ("leaders| pledged to ...") is the sentence's own verb, not context for the noun
    if len(words) > 1 and words[1].lower().rstrip(".") in MONTHS:
        words = []  # "51 migrants on June 27": a date, not what the count is of
    if len(words) > 1 and (words[0].lower() in _PREPS or words[1].lower() in _PREPS or words[1].lower() == "of"):
        parts.append(" ".join(words))
    return " ".join(parts)
