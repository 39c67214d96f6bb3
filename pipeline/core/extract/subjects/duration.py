"""What a duration measures: the noun it is the length of ("a two-month surge operation", "un plazo de
2 meses"), a prison term, the time since an event ("two years ago"), or the period of the sentence's
actor ("arrests in just two months"); and ``sentence_actor``, the phrase a sentence opens with."""
from __future__ import annotations

import re

from pipeline.core.extract.subjects.phrases import (LINKS, PAST, PRETERITE_ES, PRONOUNS, names_period, noun_phrase,
                                                    of_phrase, tokens)
from pipeline.core.lexicon import LEADING, STOP

# A court's term named right after its length, with no "of": "3 years supervised release", "2 years probation".
_TERM_AFTER = re.compile(r"[^\S\n]+(supervised[^\S\n]+release|probation|parole|house[^\S\n]+arrest|community[^\S\n]+service|"
                         r"libertad[^\S\n]+(?:condicional|vigilada))\b", re.IGNORECASE)
_WITHOUT = re.compile(r"[^\S\n]+(?:sin|without)[^\S\n]+(?:(?:un|una|a|an|any|ningún|ningun|ninguna)[^\S\n]+)?",
                      re.IGNORECASE)
_AGO = re.compile(r"[^\S\n]+ago\b,?", re.IGNORECASE)
_SENTENCED = re.compile(r"\b(?:sentenced|condemned|condenado|condenada)\s+to\s*$|\b(?:faces?|facing|penalty\s+of|"
                        r"punishable\s+by|castigad[oa]s?\s+con|sancionad[oa]s?\s+con|(?:sentence|sentencia|condena):|"
                        r"(?:prison\s+)?(?:sentences?|terms?)\s+(?:ranging\s+)?(?:of|from)|maximum\s+of|minimum\s+of|penas?\s+de|condenas?\s+de)\s*$|"
                        r"^[^\S\n]+in[^\S\n]+(?:federal[^\S\n]+)?prison",
                        re.IGNORECASE)
_IN_PRISON = re.compile(r"['’]?[^\S\n]+(?:(?:in|of)[^\S\n]+(?:federal[^\S\n]+|state[^\S\n]+)?(?:prison|jail)|imprisonment|"
                        r"incarceration|de[^\S\n]+(?:prisi[oó]n|c[aá]rcel))\b", re.IGNORECASE)
_TERMS_RANGING = re.compile(r"\b(?:sentences?|terms?)\s+ranging\s+from\s+\S+\s+to\s*$", re.IGNORECASE)
# The subject of a perfect-tense clause right before a time frame: "overdose deaths have fallen for| 18 straight months",
# "seizures have risen over| the past two years"
_PERFECT_BEFORE = re.compile(r"(?:^|[,;]\s*(?:and\s+|but\s+)?|\b(?:and|but|that|while)\s+)(?:the\s+)?"
                             r"(?P<np>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*s)\s+(?:have|has|had|were|was|are|is)\s+(?:been\s+)?[a-z]+(?:ed|en|n)"
                             r"\s+(?:for|over|in|during)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:just\s+|only\s+)?$")
# "over the past twelve months", "in just two months", "during the first six months"
_TIME_FRAME = re.compile(r"\b(?:over|in|during|within|throughout|for|since|durante|en)\s+(?:the\s+|los\s+|las\s+)?"
                         r"(?:past\s+|last\s+|first\s+|next\s+|previous\s+|following\s+|últimos\s+|primeros\s+)?"
                         r"(?:just\s+|only\s+)?$", re.IGNORECASE)


def _named_modifiers_head(text: str, pos: int) -> str | None:
    """Capitalized modifiers and the lower-case noun they modify after a hyphen-attached unit:
    "-day Eastern Pacific patrol" -> "Eastern Pacific patrol", "-month Border Patrol surge"; or None."""
    names: list[str] = []
    for word, _, _, ends in tokens(text, pos, 6):
        low = word.lower()
        if not names and low in LEADING:
            continue
        if word[:1].isupper() and word[:1].isalpha() and low not in STOP:
            names.append(word)
            if ends or len(names) > 4:
                return None
            continue
        if names and word[:1].isalpha() and word.islower() and low not in STOP and not (
                low.endswith("ed") and len(low) > 4):
            return " ".join(names + [word])
        return None
    return None


def duration_subject(text: str, end: int, before: str, attributive: bool, prior: str | None, actor: str | None,
                     words: frozenset) -> str | None:
    subject = _duration_subject(text, end, before, attributive, prior, actor, words)
    generic = subject is not None and subject.lower() in _GENERIC_PERIODS
    if (subject is None or subject.startswith("duration of ") or generic) and not _FRAME_BEFORE.search(
            text, max(0, end - 50), end):
        purpose = _PURPOSE_AFTER.match(text, end)
        if purpose and purpose.group(1).lower() == "for" and not generic:
            purpose = None  # "gets 7 years for selling rifles": a term for a deed, not a period's purpose
        if purpose:  # ("$412 million over three years to strengthen ...": the money's purpose, not the period's)  # "un plazo de tres meses para la investigación complementaria", "diez días para apelar"
            np = noun_phrase(text, purpose.end(), words, 4)[0]
            np = re.split(r"\s+(?:y|e|and|or|o)\s+", np)[0] if np else np  # "... complementaria| y les impuso"
            tail = _OF_THE.match(text, purpose.end() + len(np)) if np else None
            more = noun_phrase(text, tail.end(), words, 4)[0] if tail else None
            if more:  # "para el cierre de la investigación complementaria"
                np = f"{np} {tail.group(1).lower()} {more}"
            obj = _VERB_OBJECT.match(text, purpose.end() + len(np)) if np and " " not in np else None
            if obj and (purpose.group(1).lower() == "to" or np.lower().endswith(("ar", "er", "ir"))):
                more = noun_phrase(text, obj.end(), words, 4)[0]  # "para emitir los lineamientos", "to respond to the order"
                prep = [w for w in obj.group().split() if w.lower() in ("to", "a", "al", "on", "de")]
                np = " ".join([np, *prep, more]) if more else np
            if np:
                generic = subject if subject and subject.lower() in _GENERIC_PERIODS else (
                    "plazo" if purpose.group(1).lower() == "para" else "time")
                return f"{generic.lower()} {purpose.group(1).lower()} {np}"
    return subject


# A period named by a generic word, and the purpose that names what it is for: "un plazo de tres meses para la
# investigación complementaria", "La defensa cuenta con diez días para apelar", "30 days to respond".
_VERB_OBJECT = re.compile(r"[^\S\n]+(?:(?:to|a|al|on|de)[^\S\n]+)?(?:la|el|los|las|the|a|an|su|sus|its|their)[^\S\n]+",
                          re.IGNORECASE)
_OF_THE = re.compile(r"[^\S\n]+(of|de|del)[^\S\n]+(?:(?:la|el|los|las|the)[^\S\n]+)?(?=[a-záéíóúñ])", re.IGNORECASE)
# The period a duration is the time frame of, read back from its end: "over three years", "during the next 18 months"
_FRAME_BEFORE = re.compile(r"\b(?:over|during|within|throughout|in|durante|en)\s+(?:the\s+|los\s+|las\s+)?"
                           r"(?:next\s+|past\s+|last\s+|following\s+|coming\s+|próximos\s+|proximos\s+|últimos\s+)?"
                           r"[\w.,-]+(?:\s+[\w-]+)?\Z", re.IGNORECASE)
_GENERIC_PERIODS = frozenset("plazo plazos period periodo período term deadline tiempo time lapso".split())
_PURPOSE_AFTER = re.compile(r",?[^\S\n]+(para|to|for)[^\S\n]+(?:(?:la|el|los|las|the|a|an|su|sus|its|their)[^\S\n]+)?"
                            r"(?=[a-záéíóúñ])", re.IGNORECASE)


def _duration_subject(text: str, end: int, before: str, attributive: bool, prior: str | None, actor: str | None,
                      words: frozenset) -> str | None:
    """'200 years of relations' -> 'relations'; 'a two-month surge operation' -> 'surge operation';
    'sentenced to 20 years' -> 'prison sentence'; 'Two years ago, X met' -> 'time since X met';
    'arrests in just two months' -> 'period of arrests (by <the sentence's actor>)'."""
    if attributive:  # "two-month": the duration of the noun that follows
        pos = end + 5 if text.startswith(("-long ", "-old "), end) else end
        np = noun_phrase(text, pos, words)[0]
        if np and np[:1].isupper():
            np = _named_modifiers_head(text, pos) or np  # "a 120-day Eastern Pacific patrol": the patrol
        if np:
            return np
    np = of_phrase(text, end, words)
    if np and not names_period(np):  # "los primeros diez meses del año": the year is no subject
        return np
    term = _TERM_AFTER.match(text, end)
    if term:  # "87 months; 3 years supervised release", "5 años de libertad condicional"
        return " ".join(term.group(1).lower().split())
    if _SENTENCED.search(before[-24:]) or _IN_PRISON.match(text, end) or _TERMS_RANGING.search(before[-48:]):
        return "prison sentence"
    named_range = _NAMED_RANGE.search(before[-60:])
    if named_range:  # "within the Guidelines range of 235 to 293 months": the named range
        return " ".join(named_range.group(1).lower().split())
    if prior and (_AFTER_A_FIGURE.search(before[-40:]) or _RANGE_OF.search(before[-40:])):
        return prior  # "sentences of 46 months and 8 years", "de 5 a 30 años, a un rango de 10 a 40 años": the same term
    named = NOUN_OF_BEFORE.search(before[-30:])
    if named and named.group(1).lower() not in STOP and named.group(1).lower() not in TIME_WORDS:
        whole = _NP_OF_BEFORE.search(before[-70:])
        if whole and whole.group("np").split()[-1] == named.group(1) and not any(
                w.lower() in STOP or w.lower().endswith(PRETERITE_ES) and len(w) > 4 for w in whole.group("np").split()
                if w.lower() not in LINKS):
            return whole.group("np").lower()  # "un curso de formación inicial de seis meses": the course
        return named.group(1).lower()  # "a deadline of 30 days", "un plazo de 2 meses"
    without = _WITHOUT.match(text, end)
    if without:  # "llevamos veintiún días sin un homicidio", "went 30 days without a killing"
        np = noun_phrase(text, without.end(), words, 6)[0]
        if np:
            return f"period without {np}"
    ago = _AGO.match(text, end)
    if ago:
        event = [w for w, _, _, _ in tokens(text, ago.end(), 8)]
        if not event:  # "... arrested him two years ago." : the event comes before
            event = before[-120:].split()[-8:]
        while event and event[-1].lower() in STOP:
            event.pop()
        return "time since " + " ".join(event) if event else "time since"
    # a time frame: "over the past twelve months", or one whose preposition was read as the qualifier ("over two years")
    framed = _TIME_FRAME.search(before[-40:]) or _FRAME_BEFORE.search(text, max(0, end - 50), end)
    clause = _PERFECT_BEFORE.search(before[-90:]) if framed else None
    if clause:  # "..., and overdose deaths have fallen for 18 straight months": the period of the clause's subject
        return f"period of {clause.group('np')}"
    if framed:
        thing = prior if prior and not prior.startswith(("period", "duration")) else actor
        if thing and actor and thing is not actor and not set(actor.lower().split()) <= set(thing.lower().split()):
            thing = f"{thing} by {actor}"
        return f"period of {thing}" if thing else "period"
    return f"duration of {actor}" if actor else None


def sentence_actor(text: str, s_start: int, words: frozenset, lang: str) -> str | None:
    """The noun phrase a sentence opens with, when it is its subject ("DHS surge efforts resulted..."):
    not a pronoun ("He", "They"), and without the verb that may follow it ("Overdose deaths fell")."""
    name = _PROPER_NAME.match(text, s_start)
    if name and not name.group(1).split()[0].lower() in LEADING:
        return name.group(1)  # "The United States will ...", "Estados Unidos aportará ...": the whole name
    phrase = noun_phrase(text, s_start, words, 5)[0]
    if phrase is None or phrase.split()[0].lower() in PRONOUNS or phrase.split()[0].lower() in _NOT_ACTORS:
        return None
    if lang == "es" and phrase.split()[0].lower().endswith(("ó", "aron", "ieron")) and len(phrase.split()[0]) > 3:
        return None  # "Detalló que ...", "Explicaron que ...": a Spanish verb opens the sentence, not its subject
    kept = []
    for w in phrase.split():
        if kept and (w.lower() in PAST or w.lower() in _VERBS_AFTER_SUBJECT):
            break
        kept.append(w)
    return " ".join(kept)


# Sentence adverbs and connectors that open a sentence without being its subject ("Nunca se había
# logrado algo así en once meses", "Meanwhile, over two years ...").
_NOT_ACTORS = frozenset("""what which who whom how why where when qué que cuál cual cómo como dónde donde cuándo
nunca jamás jamas también tambien además ademas asimismo hoy ayer ahora mientras sin
never also however meanwhile today yesterday now still yet since so thus then additionally furthermore moreover
instead overall""".split())
_VERBS_AFTER_SUBJECT = frozenset("""shows show showed told tells found finds notes noted reported reports
fell rose dropped grew spent served said says received set gave got takes took lasts
lasted meets met otorgó fijó dio""".split())
# Two or more capitalized words opening a sentence (after an article): a name.
_PROPER_NAME = re.compile(r"[^\S\n]*(?:(?:The|El|La|Los|Las)[^\S\n]+)?((?:[A-ZÁÉÍÓÚÑ][\w.’'-]*)(?:[^\S\n]+(?:of[^\S\n]+|de[^\S\n]+)?"
                          r"[A-ZÁÉÍÓÚÑ][\w.’'-]*){1,4})(?=[^\S\n]+[a-záéíóúñ])")
# "sentences of 46 months and| 8 years": a figure and a conjunction right before this one
_AFTER_A_FIGURE = re.compile(r"\d[\d,.]*[^\S\n]+[^\W\d_]+,?[^\S\n]+(?:and|or|y|o)[^\S\n]+$")
# "un curso de formación inicial de", "a training course of": the noun phrase back to its article
_NP_OF_BEFORE = re.compile(r"\b(?:un|una|el|la|the|a|an)\s+(?P<np>[^\W\d_]{3,}(?:\s+[^\W\d_]+){0,4}?)\s+(?:of|de)\s+$",
                           re.IGNORECASE)
# A range named by the word before it: "the Guidelines range of 235 to", "the sentencing range of"
_NAMED_RANGE = re.compile(r"\b((?!(?:the|a|an|un|una|el|la)\b)[A-Za-z][\w-]*\s+range)\s+of\s+(?:\S+\s+to\s+)?$")
# The upper bound of a range stated as a range of the same term: "a un rango de 10 a", "a range of 10 to"
_RANGE_OF = re.compile(r"\b(?:rango|range)\s+(?:de|of)\s+\S+\s+(?:a|to)\s+$", re.IGNORECASE)
# "a deadline of", "un plazo de": the noun a duration is the length of
NOUN_OF_BEFORE = re.compile(r"\b([^\W\d_]{4,})[^\S\n]+(?:of|de)[^\S\n]+"  # "SENTENCIA DE 14 AÑOS"
                            # a range after it: "sentencias de entre 5 y| 8 años"
                            r"(?:(?:entre|between)[^\S\n]+(?:[0-9]+[^\S\n]+(?:y|and)[^\S\n]+)?)?$", re.IGNORECASE)
TIME_WORDS = frozenset("years months weeks days hours year month week day hour años meses semanas días año mes semana "
                        "día period total age edad".split())
