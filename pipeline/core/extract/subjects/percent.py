"""What a percent measures: the change it states ("a 23 percent increase in prosecutions", "homicides
fell 16.3%"), the share it is of ("69 percent of homicides in Mexico"), or the figure before it that it
qualifies ("..., up 40% from")."""
from __future__ import annotations

import re

from pipeline.core.extract.subjects.counts import VERB_BEFORE
from pipeline.core.extract.subjects.duration import NOUN_OF_BEFORE, TIME_WORDS
from pipeline.core.extract.subjects.phrases import OF, counted_noun, noun_phrase, place_tail, predicate_words
from pipeline.core.lexicon import LEADING, STOP

# --- percent, currency and duration ---------------------------------------------------------
# These figures rarely have "of <thing>" after them; their subject is read from the words around
# them, and, where the figure only qualifies another one ("..., a 23 percent increase"), from the
# subject of the figure before it in the sentence (``prior``).
_CHANGE_WORDS = (r"increase|decrease|rise|drop|reduction|decline|growth|jump|surge|spike|fall|cut|aumento|incremento|reducción|"
                 r"disminución|disminucion|caída|caida|descenso|alza|crecimiento|baja")
_COMPARATIVE_AFTER = re.compile(r"[^\S\n]+(more|fewer|less|higher|lower)\b[^\S\n]*", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:said|says|reported|reports|noted|added|that|and|but|while)\s+", re.IGNORECASE)
_THAN = re.compile(r"(?:than|que)\b", re.IGNORECASE)
# The subject of a clause whose predicate is a compared figure: "Seizures of fentanyl during the surge were| 35
# percent higher", "Overdose deaths in Arizona were about| 12 percent lower"
_COPULA_BEFORE = re.compile(r"(?:^|[.;:]\s+|,\s+)(?:(?:the|el|la|los|las)\s+)?(?P<np>[^\W\d_][^,;:\d]{2,80}?)\s+"
                            r"(?:were|was|are|is|fueron|fue|son|es|eran|era)\s+"
                            r"(?:(?:about|approximately|nearly|roughly|some|almost|around|un|una)\s+)?$", re.IGNORECASE)
_MORE_AFTER = re.compile(r"[^\S\n]+(more|fewer|less|higher|lower|más|menos)[^\S\n]+", re.IGNORECASE)
_CHANGE_AFTER = re.compile(rf"[^\S\n]+({_CHANGE_WORDS})\b(?:[^\S\n]+(?:in|of|en|de)[^\S\n]+)?", re.IGNORECASE)
# "an annual decrease of", "una disminución anual de": an adjective of the period may stand between
_PERIOD_ADJ = r"(?:\s+(?:annual|yearly|monthly|overall|total|anual|interanual|mensual|general|total))?"
_CHANGE_OF_BEFORE = re.compile(rf"\b({_CHANGE_WORDS}){_PERIOD_ADJ}\s+(?:of|de|del)\s*$", re.IGNORECASE)
_APPOSITIVE = re.compile(rf",\s*(?:(?:an?|the|un|una)\s+)?(?:(?:annual|yearly|monthly|overall)\s+)?(?:(?:{_CHANGE_WORDS}){_PERIOD_ADJ}\s+(?:of|de|del)\s*)?$",
                         re.IGNORECASE)
_CHANGE_NOUN = {"increased": "increase", "risen": "increase", "rose": "increase", "grown": "increase", "grew": "increase",
                "decreased": "decrease", "fallen": "decrease", "fell": "decrease", "dropped": "decrease",
                "declined": "decrease", "been reduced": "decrease", "reduced": "decrease"}
_CHANGE_BEFORE = re.compile(
    r"(?:^|,(?!\d)\s*)(?P<what>(?:[^,]|,(?=\d))*?)\s+(?:has|have|had)?\s*(?P<verb>increased|decreased|risen|rose|fallen|fell|grown|grew|"
    r"dropped|declined|been reduced|reduced|climbed|jumped|soared|surged|plunged|plummeted|slid|"
    r"weakened|strengthened|slipped|slumped|expanded|contracted|shrank|depreciated|appreciated|"
    r"drops?|falls?|rises?|climbs?|jumps?|soars?|surges?|plunges?|declines?|grows?|slides?|increases?|decreases?|"
    r"(?:are|is|were|was)\s+(?:down|up)|"
    r"disminuy[óo]|disminuyeron|aument[óo]|aumentaron|cay[óo]|cayeron|baj[óo]|bajaron|creci[óo]|crecieron|"
    r"descendi[óo]|se\s+redujo|se\s+redujeron|se\s+increment[óo])\s+(?:by\s+|en\s+|un\s+)?$",
    re.IGNORECASE,
)
_RISE = re.compile(r"increas|ris|rose|grow|grew|up|climb|jump|soar|surg|aument|creci|increment|strengthen|expand|"
                   r"appreciat", re.IGNORECASE)
# Where the changed thing's phrase begins: after the last clause word ("officials said that homicides fell").
_CLAUSE = re.compile(r"\b(?:that|which|and|but|while|as|said|says|reported|announced|noted|y|que|mientras|dijo|"
                     r"informó|señaló|reportó)\s+|\b(?:number|amount|total|volume|n[úu]mero|cantidad)\s+(?:of|de)\s+",
                     re.IGNORECASE)
_FOR_AFTER = re.compile(r"[^\S\n]+(?:for|among|entre)[^\S\n]+", re.IGNORECASE)
_IN_AFTER = re.compile(r"[^\S\n]+(?:in|en)[^\S\n]+", re.IGNORECASE)
_NUMBER_OF = re.compile(r"^(?:and\s+|but\s+)?(?:the\s+)?(?:number|amount|total|volume)\s+of\s+", re.IGNORECASE)
_VERB_FORM = re.compile(r"[^\S\n]+(?:\w+(?:ed|ing)|were|was|are|is|fueron|eran|son|fue)\b")


# After "of"/"de": a pronoun for the set counted before ("de ellas"), or a count ("of the 6,300 arrests").
_PRONOUN_SET = re.compile(r"(?:ellas|ellos|them|those|these|estos|estas|esos|esas)\b", re.IGNORECASE)
_COUNT_SET = re.compile(r"(?:(?:the|its|their|los|las|sus|these|those|estos|estas)[^\S\n]+)?[0-9][\d.,]*"
                        r"(?:[^\S\n]+(?:thousand|million|mil|millones))?(?=[^\S\n])", re.IGNORECASE)
# A share restating the count before it: "..., es decir, alrededor del 60 por ciento", ", that is, 25 percent"
_THAT_IS = re.compile(r"(?:\bes[^\S\n]+decir|\bthat[^\S\n]+is|\bi\.e\.|\bo[^\S\n]+sea),?[^\S\n]+(?:[^\W\d_]+[^\S\n]+){0,2}$",
                      re.IGNORECASE)


def percent_subject(text: str, end: int, before: str, prior: str | None, words: frozenset, lang: str) -> str | None:
    """'a 23 percent increase in prosecutions' -> 'increase in prosecutions';
    'traced 40 percent more firearms' -> 'increase in firearms traced';
    '..., an increase of 23%' -> 'increase in <the figure before>'."""
    more = _COMPARATIVE_AFTER.match(text, end)
    if more and (more.group(1).lower() in ("higher", "lower") or _THAN.match(text, more.end())):
        copula = _COPULA_BEFORE.search(before[-120:])
        if copula:  # "Seizures of fentanyl were 35 percent higher than ...": the change in what the clause is about
            change = "increase" if more.group(1).lower() in ("more", "higher") else "decrease"
            what = _REPORTING.split(copula.group("np"))[-1].split()  # "the agency said seizures were": seizures
            while what and what[0].lower() in LEADING:
                what = what[1:]
            if what:
                return f"{change} in {' '.join(what)}"
    more = _MORE_AFTER.match(text, end)
    if more:
        np = noun_phrase(text, more.end(), words)[0]
        change = "increase" if more.group(1).lower() in ("more", "higher", "más") else "decrease"
        if np:
            verb = VERB_BEFORE.search(before[-30:]) if before[-40:].rstrip().endswith("ed") else None
            return f"{change} in {np}" + (f" {verb.group(1)}" if verb else "")
        if prior:  # "210 sentencias, un 12% más que en 2023": more of the figure before
            return f"{change} in {prior}"
    if prior:
        up = _UP_DOWN.search(before[-16:])
        if up:  # "seized 2,300 pounds of cocaine, up 40% from ...": the change of the figure before
            return f"{'increase' if up.group(1).lower() == 'up' else 'decrease'} in {_CHANGED.sub('', prior)}"
        if _OF_WHICH.search(before[-30:]):  # "$900 million for X, of which 15 percent ...": a share of it
            return f"share of {prior}"
        if before.rstrip().rstrip("+-").endswith("(") or _OR_RESTATED.search(before[-12:]):
            return prior  # "42 of its 57 projects (74 percent)", "an increase of $1.2 billion, or 2.7 percent"
    target = _VERB_OBJECT_BY.search(before[-120:]) if before[-12:].rstrip().lower().endswith(_BY_ENDINGS) else None
    if target:  # "reduce drug overdose deaths by 13 percent", "reducir el flujo de armas en 20 por ciento"
        noun = "increase" if _RISE.search(target.group("verb")) else "reduction"
        return f"{noun} in {target.group('what').strip()}"
    change = _CHANGE_AFTER.match(text, end)
    if change:
        noun = change.group(1).lower()
        np = noun_phrase(text, change.end(), words)[0] if change.end() > change.end(1) else None
        if np is None and prior and _APPOSITIVE.search(before):
            np = prior  # "prosecuted 5,046 defendants ..., a 23 percent increase over 2020"
        return f"{noun} in {np}" if np else noun
    before_change = _change_before(before) if before[-40:].rstrip().endswith(_CHANGE_ENDINGS) else None
    if before_change and any(c.isdigit() for c in before_change):
        # "The count hovered near 34,000 from 2018 to 2020 and declined 5.2%": figures are no subject
        noun = before_change.split(" in ", 1)[0]
        return f"{noun} in {prior}" if prior else noun
    if before_change:  # "homicides fell 16.3% year over year", "seizures are down about 50%"
        return before_change
    off = _OFF_AFTER.match(text, end)
    if off:  # "would shave up to 0.8 percentage points off Mexican growth"
        np = noun_phrase(text, off.end(), words)[0]
        if np:
            return f"reduction in {np}"
    of = OF.match(text, end)
    after, after_end = noun_phrase(text, of.end(), words) if of else (None, end)
    if of and after is None:
        if prior and _PRONOUN_SET.match(text, of.end()):
            return prior  # "1,340 muestras ... y en 71% de ellas se detectó fentanilo": a share of the figure before
        counted = _COUNT_SET.match(text, of.end())
        found = counted_noun(text, counted.end(), words, lang) if counted else None
        if found:  # "prosecuted just 14% of the 6,300 fentanyl-related arrests": a share of that count
            return found[0]
    if prior and _THAT_IS.search(before[-40:]):
        return prior  # "unos mil 900 ya tienen equipos ..., es decir, alrededor del 60 por ciento": the same share
    if after is not None and after.lower() in _ECONOMY_BASES:
        level = _ESTIMATED_AT.search(before[-160:])
        if level:  # "The economic cost of crime ... is estimated by the IDB at 3.4 percent of GDP": the cost
            return " ".join((level.group("np") or level.group("np2")).split())
    if after is None:
        among = _FOR_AFTER.match(text, end)  # "40% for passenger vehicles", "30% among young men"
        after, after_end = noun_phrase(text, among.end(), words) if among else (None, end)
    if after is None and not _VERB_FORM.match(text, end) and not (lang == "es" and text.startswith((" a ", " al "), end)):
        after, after_end = noun_phrase(text, end, words)  # "23 percent interest" (Spanish "a" is a preposition, not an article)
    if after is not None and lang != "es":
        after += place_tail(text, after_end, words)  # "69 percent of homicides in Mexico", "a 10% tariff on Mexican goods"
    if after is None and _VERB_FORM.match(text, end) and before.lstrip()[:3].lower() in ("of ", "amo", "de ", "del", "ent"):
        whole = _SET_LEAD.match(before)
        np = None
        if whole and whole.group("np").split()[0].lower() not in _NOT_SET_WORDS:  # "Of the firearms submitted ..., 68 percent were manufactured in the United States"
            np = noun_phrase(whole.group("np"), 0, words)[0]
        if np:
            tail = predicate_words(text, end, words)
            return f"{np} {tail}" if tail else np
    if after is None and prior and _VERB_FORM.match(text, end):
        # "traced 4,100 weapons; roughly 60 percent originated in ...": that share of the figure before
        tail = predicate_words(text, end, words)
        return f"{prior} {tail}" if tail else prior
    if after:
        return after
    change = _CHANGE_OF_BEFORE.search(before[-30:])
    if change:  # "an increase of 23%"
        noun = change.group(1).lower()
        where = _IN_AFTER.match(text, end)  # "a decrease of 15% in homicides", "una reducción de 24.9% en homicidios"
        np = noun_phrase(text, where.end(), words)[0] if where else None
        if np:
            return f"{noun} in {np}"
        return f"{noun} in {prior}" if prior and _APPOSITIVE.search(before) else noun
    changed = _change_before(before)
    if changed is None and before[-4:].rstrip().lower().endswith(("of", "de", "del")):
        named = NOUN_OF_BEFORE.search(before[-30:])  # "tariffs of 25%", "los aranceles de 25%", "una tasa de 3%"
        if named and named.group(1).lower() not in STOP and named.group(1).lower() not in TIME_WORDS:
            return named.group(1)
    return changed


_OFF_AFTER = re.compile(r"[^\S\n]+off[^\S\n]+(?:of[^\S\n]+)?(?![0-9])", re.IGNORECASE)
# Bases a share of is stated against, not the measured thing: "3.4 percent of GDP", "el 2% del PIB".
_ECONOMY_BASES = frozenset("gdp pib gross domestic product producto interno bruto".split()) | {"gross domestic product",
                                                                                             "producto interno bruto"}
# "The economic cost of crime and violence in the region is estimated (by the IDB) at": the thing estimated
_ESTIMATED_AT = re.compile(r"(?:^|[.;:]\s+)(?:(?:the|el|la|los|las)\s+)?(?P<np>[^\W\d_][^,;:\d]{2,80}?)"
                           r"(?:\s+(?:in|en)\s+(?:the\s+|la\s+|el\s+)?[\w-]+)?\s+(?:is|was|are|were|se\s+estima|se\s+estimó|"
                           r"se\s+calcula)\s+(?:estimated|calculated|put|valued|pegged)?\s*(?:by\s+[^,;:\d]{2,80}?\s+)?"
                           r"(?:at|en)\s+$|"
                           r"(?:^|[.;:]\s+)(?:(?:the|el|la|los|las)\s+)?(?P<np2>[^\W\d_][^,;:\d]{2,60}?)\s+(?:reached|represented|"
                           r"represent|represents|accounted\s+for|account\s+for|accounts\s+for|equaled|equalled|equal|equals|"
                           r"amounted\s+to|representan|representa|representó|representaron|equivale\s+a|equivalen\s+a|alcanzó|"
                           r"alcanzaron)\s+(?:(?:about|approximately|nearly|roughly|some|almost|around|más\s+de|casi|cerca\s+del?|"
                           r"alrededor\s+del?)\s+)?(?:el\s+)?$", re.IGNORECASE)
# A sentence that opens on the set a share is of: "Of the firearms submitted from Mexico, ", "De las armas aseguradas, ".
_SET_LEAD = re.compile(r"\s*(?:of|among|de|del|entre)\s+(?:(?:the|these|those|los|las|estos|estas)\s+)?"
                       r"(?:total\s+(?:of|de)\s+(?:the\s+|los\s+|las\s+)?)?(?P<np>[^\W\d_][^,;:\d]{2,100}?),", re.IGNORECASE)
_NOT_SET_WORDS = frozenset("course note these those them this that which whom all both ellos ellas estos estas esos esas "
                           "ese esa este esta eso esto cuales hecho acuerdo igual manera forma modo nuevo".split())
_UP_DOWN = re.compile(r"(?:,|\(|[^\S\n][-–—]|\bbut|\band)[^\S\n]*(up|down)[^\S\n]+(?:by[^\S\n]+)?$", re.IGNORECASE)
_CHANGED = re.compile(r"^(?:increase|decrease|reduction|decline|rise|drop) in ", re.IGNORECASE)
_OR_RESTATED = re.compile(r",[^\S\n]*(?:or|o)[^\S\n]+(?:about|approximately|nearly|roughly|some|almost|around)?[^\S\n]*$",
                          re.IGNORECASE)
# A verb and its object before "by N percent": a targeted change ("reduce the flow of firearms by 20 percent").
_VERB_OBJECT_BY = re.compile(
    r"\b(?P<verb>reduce|reducing|cut|cutting|lower|lowering|decrease|decreasing|increase|increasing|raise|raising|"
    r"boost|boosting|double|expand|expanding|reducir|disminuir|bajar|aumentar|incrementar|elevar)\s+"
    r"(?:the\s+|el\s+|la\s+|los\s+|las\s+)?(?P<what>[^,;:()\d]{3,80}?)\s+(?:by|en|un)\s+"
    r"(?:(?:about|approximately|nearly|roughly|some|almost|around|at\s+least|up\s+to|al\s+menos|hasta)\s+)?$",
    re.IGNORECASE)
_BY_ENDINGS = ("by", "en", "un", "about", "approximately", "nearly", "roughly", "some", "almost", "around", "least", "to",
               "menos", "hasta")
_OF_WHICH = re.compile(r"\b(?:of which|of whom|de los cuales|de las cuales|de ellos|de ellas)\s+(?:(?:el|la|about|roughly|"
                       r"nearly|some|approximately|around|almost|more than)\s+)?$", re.IGNORECASE)


# Last words of a change verb (and its "by"/"en"/"un"), tested before the regex search.
_CHANGE_ENDINGS = ("ed", "by", "rose", "fell", "grew", "slid", "risen", "fallen", "grown", "down", "up", "ó", "on",
                   "en", "un", "jo", "op", "ops", "all", "alls", "ise", "ises", "imb", "imbs", "ump", "umps", "ar", "ars",
                   "ge", "ges", "ine", "ines", "ow", "ows", "ide", "ides", "ase", "ases")


# What ends a lead-in before the changed thing: "the leaders turned to trade: crossings ...", a
# dateline "LAREDO, March 4 (AP) - seizures ...".
_LEAD_IN = re.compile(r"[:;)][^\S\n]+|[^\S\n][-–—][^\S\n]")


# A time frame or an article opening the changed thing: "in the past 12 months, ", "en los últimos doce meses los".
_FRAME_LEAD = re.compile(r"^(?:(?:in|over|during|en|durante)\s+(?:the\s+|los\s+|las\s+)?(?:past\s+|last\s+|first\s+|"
                         r"últimos\s+|ultimos\s+|primeros\s+)?\S+\s+(?:months|years|weeks|days|meses|años|semanas|días)"
                         r"\s*,?\s+(?:(?:the|los|las|el|la)\s+(?=\S))?)?", re.IGNORECASE)


def _change_before(before: str) -> str | None:
    """'the number of investigations ... has increased by' -> 'increase in investigations ...'."""
    change = _CHANGE_BEFORE.search(before[-160:])
    if not change:
        return None
    what = _CLAUSE.split(_LEAD_IN.split(change.group("what").strip())[-1].lstrip("-–— "))[-1]
    what = _NUMBER_OF.sub("", what.strip())
    what = _FRAME_LEAD.sub("", what)  # "en los últimos doce meses los homicidios": the homicides
    verb = change.group("verb").lower()
    noun = _CHANGE_NOUN.get(verb) or ("increase" if _RISE.search(verb) else "decrease")
    return f"{noun} in {what}" if what else noun
