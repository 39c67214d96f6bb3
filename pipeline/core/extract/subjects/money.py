"""What a sum of money is: its purpose or the thing it is of ("$25.1 billion in drug treatment"), what
was done with it ("$2 million was recovered", "laundered $92 million for the Sinaloa Cartel"), the
level it states ("El presupuesto ... es de 187 millones"), or the sum before it that it restates."""
from __future__ import annotations

import re

from pipeline.core.extract.mention import Mention
from pipeline.core.extract.subjects.phrases import (ARTICLE, LINKS, PRETERITE_ES, PRONOUNS, PROPER_RUN, SENTENCE_END,
                                                    TOKEN, counted_noun, noun_phrase, place_tail)
from pipeline.core.lexicon import LEADING, STOP

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


_MONEY_AFTER = re.compile(
    r"(?:['’]s?)?(?:[^\S\n]*\([^()\n]{1,12}\))?[^\S\n]+(?:worth[^\S\n]+of|of|de|del|in|for|en|para)[^\S\n]+", re.IGNORECASE)
# "$1.5 billion to address ...", "$1.3 billion over six years to strengthen ...", "$25 million annually for
# five years to expand ...": the purpose after the sum, past the time it is spread over
# A sum an act makes available, and for what: "shall be made available for assistance", "may be made available to
# expand forensic laboratories", "shall be for programs to counter ...", "se destinarían a equipos de inspección".
_MADE_AVAILABLE = re.compile(r"[^\S\n]+(?:(?:shall|will|may|would|must|should)[^\S\n]+(?:be[^\S\n]+)?(?:made[^\S\n]+available|"
                             r"used|provided|allocated|obligated|available)?[^\S\n]*(?:for|to[^\S\n]+[a-z]+)|"
                             r"se[^\S\n]+destinar(?:ía|ia|ían|ian|ía|án|an|á|a)[^\S\n]+(?:a|para))"
                             r"[^\S\n]+(?:(?:the|a|an|our|its|their|el|la|los|las)[^\S\n]+)?", re.IGNORECASE)
_TO_VERB = re.compile(r"(?:[^\S\n]+(?:annually|yearly|a[^\S\n]+year|per[^\S\n]+year|each[^\S\n]+year|"
                      r"(?:over|for|during|in)[^\S\n]+(?:the[^\S\n]+(?:next|coming|following)[^\S\n]+)?"
                      r"[\w-]+[^\S\n]+(?:years|months|fiscal[^\S\n]+years)),?){0,2}[^\S\n]+to[^\S\n]+[a-z]+[^\S\n]+")
_YEAR_TAIL = re.compile(r"(?:[^\S\n]+(?:year[^\S\n]+)?[0-9]{2,4}\b)?", re.IGNORECASE)
# A sum and the future use of it: "will support", "would fund", "se destinarán a", "servirán para".
_WILL_FUND = re.compile(r"[^\S\n]+(?:(?:will|would|shall)[^\S\n]+(?:be[^\S\n]+used[^\S\n]+to[^\S\n]+)?(?:support|fund|finance|"
                        r"pay[^\S\n]+for|go[^\S\n]+to(?:ward)?|cover|strengthen|expand|build|train|equip|modernize)|"
                        r"se[^\S\n]+destinar(?:á|a|án|an)[^\S\n]+(?:a|para)|servir(?:á|a|án|an)[^\S\n]+para(?:[^\S\n]+financiar)?)"
                        r"[^\S\n]+(?:(?:the|a|an|el|la|los|las)[^\S\n]+)?(?:newly[^\S\n]+created[^\S\n]+)?", re.IGNORECASE)
_FISCAL_YEAR = re.compile(r"(?:fy|fiscal)[^\S\n]?(?:year[^\S\n]?)?(?:[0-9]{2,4})?\Z|[0-9]{4}\Z", re.IGNORECASE)
# "$12,624,897.12 was successfully recovered": what happened to the money
_MONEY_PASSIVE = re.compile(r"[^\S\n]+(?:was|were|had been|has been|have been|fue|fueron)[^\S\n]+(?:\w+[^\S\n]+)?(\w+(?:ed|en|t))\b",
                            re.IGNORECASE)
# "incidents involving $37 million", "a street value of $2 million", "bail of $50,000"
_MONEY_BEFORE = re.compile(
    r"(?<![\w'’])((?:[a-záéíóúñ][\w-]*\s+){0,2}[a-záéíóúñ][\w-]*),?\s+(involving|worth|valued\s+at|"
    r"totaling|totalling|amounting\s+to|of|de|(?:estimad|valuad|valorad|calculad)[oa]s?\s+en)\s*$")
# What a sum changed: "doubles funding to", "raised the reward to", "the reward was increased to", "the
# budget grew from $40 million to" (the first sum of a "from ... to" pair may stand between).
_CHANGE_VERB = (r"(?:rais|increas|doubl|tripl|cut|reduc|boost|lower|slash|expand|grow|grew|rose|rise|fell|fall|drop|"
                r"climb|jump|total|reach|bring|brought|set|put|amount|estimat|valu|calculat|peg|pegged)\w*")
_MONEY_CHANGE = re.compile(
    r"(?:\b" + _CHANGE_VERB + r"\s+(?:the\s+|its\s+|their\s+|a\s+|his\s+|her\s+)?(?P<np>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)"
    r"|(?<![\w'’])(?P<np2>(?:[a-z][\w-]*\s+)?[A-Za-z][\w-]*)\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be|has|"
    r"have|had)\s+)?" + _CHANGE_VERB + r")\s+(?:from|to|by|at)\s+"
    # the first amount of a "from ... to" pair: "$40 million to", "about 21,900 pounds in fiscal 2024 from"
    r"(?:(?:(?:about|approximately|nearly|roughly|some|almost|around)\s+)?(?:us)?\$?\s?[\d.,]+(?:\s+[\w.]+){0,4}?\s+"
    r"(?:from|to)\s+)?\Z")
# Sums named by the noun they are "of": "a reward of", "bail of", "a fine of", "una recompensa de".
_MONEY_NAMED = re.compile(r"\b(rewards?|fines?|bail|bond|penalty|penalties|bounty|settlement|budget|recompensas?|multas?|"
                          r"fianza|presupuesto|forfeiture|restitution|assessment|reparación|reparacion)\s+(?:of|de)\s*$", re.IGNORECASE)
# A capitalized name with its acronym, then the lower-case noun it qualifies: "Foreign Military Financing (FMF)
# grants", "International Narcotics Control and Law Enforcement (INCLE) assistance".
_NAMED_PROGRAM = re.compile(r"(?:[A-Z][\w.&'’-]*[^\S\n]+(?:(?:and|of|for|the|on|de|y|del|la|el|para)[^\S\n]+){0,2}){1,8}"
                            r"\((?P<acr>[A-Z][A-Za-z0-9&-]{1,11})\)[^\S\n]+(?P<noun>[a-z][\w-]*(?:[^\S\n]+(?:funds|funding|"
                            r"programs?|grants?|assistance|aid))?)")
# The noun a sum is "the amount of": "a money judgment in the amount of", "una multa por la cantidad de".
_AMOUNT_OF = re.compile(r"((?:[^\W\d_][\w-]*[^\S\n]+){0,2}[^\W\d_][\w-]*)[^\S\n]+(?:in[^\S\n]+the[^\S\n]+(?:amount|sum)[^\S\n]+of|"
                        r"por[^\S\n]+(?:la[^\S\n]+cantidad|el[^\S\n]+monto|un[^\S\n]+monto)[^\S\n]+de)[^\S\n]*"
                        r"(?:(?:about|approximately|more[^\S\n]+than|over|nearly|más[^\S\n]+de|casi)[^\S\n]+)?\Z", re.IGNORECASE)
# What was done to a sum, right after it: "$612,440 seized from", "$2 million laundered through".
_DONE_AFTER = re.compile(r"[^\S\n]+(seized|confiscated|forfeited|frozen|recovered|laundered|stolen|embezzled|smuggled|"
                         r"transferred|wired|paid|spent|obligated|disbursed|allocated|invested)[^\S\n]+(?:from|through|to|in|at|by|"
                         r"during|on|into|for)\b", re.IGNORECASE)
_PER_TIME = frozenset("year month week day hour annually yearly monthly año mes semana día hora".split())
# A rate after a sum: "$5 per pill", "$5 billion a year", "$13 billion annually", "20 mil pesos al mes".
_RATE_AFTER = re.compile(r"[^\S\n]+(?:(?:a|an|per|each|every|por|al|cada)[^\S\n]+(?P<per>[^\W\d_]+)\b|"
                         r"(?:annually|yearly|monthly|weekly|daily|anuales|mensuales)\b)", re.IGNORECASE)
_FROM = re.compile(r"[^\S\n]+(?:from|on|in|for|de|en|para)[^\S\n]+", re.IGNORECASE)
_MONEY_RELATION = {"involving": "funds involved in {}", "of": "{}", "de": "{}", "estimada": "{}", "estimado": "{}",
                   "estimadas": "{}", "estimados": "{}", "valuada": "{}", "valuado": "{}", "valorada": "{}",
                   "valorado": "{}", "calculada": "{}", "calculado": "{}"}
_NUMBER_THEN = re.compile(r"(?:about|approximately|nearly|roughly|some|more than|over)?[^\S\n]*[0-9][\d,.]*"
                          r"(?:[^\S\n]+(?:thousand|million|billion))?(?=[^\S\n])", re.IGNORECASE)
# A past participle right before a sum: "obligated about $458 million", "seized $2 million"
_SPENT_BEFORE = re.compile(r"\b([a-z]{4,}ed)[^\S\n]+(?:(?:about|approximately|nearly|roughly|some|almost|around|"
                           r"more[^\S\n]+than|over|up[^\S\n]+to|at[^\S\n]+least)[^\S\n]+)?$", re.IGNORECASE)
# Verbs that state a level or a change, not what was done with the money.
_CHANGE_PARTICIPLES = frozenset("""topped exceeded surpassed reached totaled totalled increased decreased reduced raised
estimated valued calculated amounted neared approached ranged dropped climbed jumped declined doubled tripled""".split())
_LEVEL_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|,\s+)(?:the\s+)?(?P<np>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)(?:\s+(?:between|among|in|at|of|from|for|with|to|under)"
    r"\s+[^,;:]{0,50}?)?\s+(?:topped|exceeded|surpassed|reached|totaled|totalled|hit|neared|approached)\s+"
    r"(?:(?:about|approximately|nearly|roughly|some|almost|around|more\s+than|over)\s+)?(?:an?\s+)?(?:record\s+)?$",
    re.IGNORECASE)
_SPENT_ENDINGS = ("ed", "hit", "record", "about", "approximately", "nearly", "roughly", "some", "almost", "around", "than", "over", "to",
                  "least")
# Seizure and forfeiture verbs or nouns earlier in the sentence: "the seizure of ..., and $100 million"
_ACTION = re.compile(r"\b(seiz|confiscat|forfeit|launder|recover|steal|stole|embezzl|defraud|laundering|asegur|decomis|incaut|"
                     r"congel)", re.IGNORECASE)
_ACTION_PARTICIPLE = {"seiz": "seized", "confiscat": "confiscated", "forfeit": "forfeited", "launder": "laundered",
                      "laundering": "laundered", "recover": "recovered", "steal": "stolen", "stole": "stolen",
                      "embezzl": "embezzled", "defraud": "defrauded", "asegur": "seized", "decomis": "seized",
                      "incaut": "seized", "congel": "frozen"}


# A sum or share stated as the level of the sentence's subject, with a copula: "El presupuesto de la CNB para 2026
# es de 187 millones", "La inversión en equipamiento durante el mes fue de 42.7 millones", "el monto ascendió a",
# "The agency's budget is $40 million". The subject opens with an article (or starts the clause).
_COPULA_LEVEL = re.compile(
    r"(?:^|[.;:]\s+|,\s+|\b(?:que|y|and|while|but)\s+)(?:(?:el|la|los|las|the|its|their|su|sus)\s+)"
    r"(?P<np>[^\W\d_][^,;:()\d]{2,90}?(?:\s+(?:para|del?|en|of|for|in)\s+[0-9]{4})?)\s+"
    r"(?:es|fue|será|sera|era|sería|seria|ha\s+sido|asciende|ascendió|ascendio|ascienden|ascendieron|sumó|sumo|suma|suman|sumaron|"
    r"alcanzó|alcanzo|alcanzaron|is|was|will\s+be|stood\s+at|stands\s+at|came\s+to|comes\s+to)\s+"
    r"(?:(?:de|a|en)\s+)?(?:(?:about|approximately|nearly|roughly|some|around|almost|more\s+than|over|casi|alrededor\s+de|"
    r"unos|unas|poco\s+más\s+de|más\s+de|mas\s+de|cerca\s+de|aproximadamente)\s+)?$",
    re.IGNORECASE)
_COPULA_ENDINGS = ("de", "a", "en", "es", "fue", "será", "sera", "era", "sería", "seria", "sido", "asciende", "sumó", "sumo",
                   "suma", "suman", "sumaron", "alcanzó", "alcanzo", "alcanzaron", "is", "was", "be", "at", "to", "about",
                   "approximately", "nearly", "roughly", "some", "around", "almost", "than", "over", "casi", "unos",
                   "unas", "aproximadamente")
# What trails the subject of a level and is no part of it: the time ("durante el mes", "para 2026", "in 2024",
# "this year") or a place reached by a preposition after a time.
_LEVEL_TAIL = re.compile(r"\s+(?:(?:durante|during|this|last|este|esta|cada|each)\b|(?:para|en|in|for|of|del?)\s+"
                         r"(?:(?:el|la|the)\s+)?(?:[0-9]{4}|mes|año|periodo|período|year|month|period|fiscal|fy)\b)"
                         r".*$", re.IGNORECASE | re.DOTALL)
_NOT_LEVEL_NP = frozenset("""cual cuales que which who what this that it one total otro otra monto amount cifra figure
number resultado result suma sum""".split())


def _trim_level_np(np: str) -> str | None:
    np = " ".join(_LEVEL_TAIL.sub("", np).split())
    words = np.split()
    if len(words) > 2 and words[0].lower() in ("monto", "amount", "total", "cifra", "suma") and words[1].lower() in LINKS:
        words = words[2:]  # "el monto del daño patrimonial": the damage
        np = " ".join(words)
    if not words or len(words) > 8 or words[0].lower() in _NOT_LEVEL_NP or words[0].lower() in PRONOUNS:
        return None
    if any(w.lower().endswith(PRETERITE_ES) and len(w) > 4 and w.lower() not in _NOUNS_ENDING_O for w in words):
        return None  # a clause, not a noun phrase: "la policía aseguró ..."
    return np


_NOUNS_ENDING_O = frozenset("""presupuesto monto gasto costo pago fondo subsidio ingreso impuesto ahorro daño robo
fraude precio salario sueldo premio apoyo financiamiento programa proyecto narcotráfico""".split())


# A verb that moves money, right before the sum, and where the money went: "spent $11 billion on", "laundered
# $92 million for the Sinaloa Cartel", "lavó 50 millones de pesos para el Cártel".
_TXN_BEFORE = re.compile(r"\b(spent|laundered|invested|paid|transferred|wired|smuggled|funneled|funnelled|moved|gastó|"
                         r"invirtió|lavó|pagó|transfirió|destinó)[^\S\n]+(?:(?:about|approximately|nearly|roughly|some|"
                         r"almost|around|more[^\S\n]+than|over|at[^\S\n]+least|up[^\S\n]+to|más[^\S\n]+de|casi)"
                         r"[^\S\n]+)?$", re.IGNORECASE)
_TXN_ES = {"gastó": "spent", "invirtió": "invested", "lavó": "laundered", "pagó": "paid", "transfirió": "transferred",
           "destinó": "allocated"}
_TXN_ENDINGS = ("spent", "ed", "paid", "ó", "about", "approximately", "nearly", "roughly", "some", "almost", "around",
                "than", "over", "least", "to", "de", "casi")
_TXN_TO = re.compile(r"[^\S\n]+(on|for|to|into|through|in|para|en|a[^\S\n]+través[^\S\n]+de)[^\S\n]+", re.IGNORECASE)


# The Spanish subject of a change of a sum: "El presupuesto ... se redujo ..., al pasar de| 310 millones a|".
_ES_MONEY_CHANGE = re.compile(
    r"(?:^|[.;:]\s+|,\s+|\b(?:que|y)\s+)(?:el|la|los|las)\s+(?P<np>[^\W\d_][^,;:\d]{2,80}?)\s+(?:se\s+redujo|se\s+redujeron|"
    r"se\s+increment[óo]|pas[óo]|baj[óo]|subi[óo]|aument[óo]|disminuy[óo]|cay[óo]|creci[óo])\b[^.;]{0,80}?"
    r"\b(?:de|a)\s+(?:[\d.,]+(?:\s+(?:millones|millón|mil))?(?:\s+de\s+pesos)?\s+a\s+)?$", re.IGNORECASE)


def change_subject(before: str) -> str | None:
    """What an amount is the new or old level of: 'doubles funding to' -> 'funding', 'fentanyl
    seizures dropped to about 21,900 pounds in fiscal 2024 from' -> 'fentanyl seizures'."""
    if not before[-40:].rstrip().endswith(("to", "from", "by", "at")):
        return None
    m = _MONEY_CHANGE.search(before[-110:])
    if not m:
        return None
    return " ".join(w for w in (m.group("np") or m.group("np2")).split() if w.lower() not in STOP) or None


def currency_subject(text: str, end: int, before: str, words: frozenset, lang: str) -> str | None:
    """'$25.1 billion in drug treatment' -> 'drug treatment'; '$5,000 fine' -> 'fine';
    '$2 million was recovered' -> 'funds recovered'; 'incidents involving $3 million' ->
    'funds involved in incidents'; '..., and over $100 million' after a seizure -> 'funds seized'."""
    named = _MONEY_NAMED.search(before[-40:]) if before[-40:].rstrip().lower().endswith(("of", "de")) else None
    if named:  # "rewards of up to $10 million for information ...": the reward, not the information
        return named.group(1)
    amount = _AMOUNT_OF.search(before[-90:]) if before[-12:].rstrip().lower().endswith(("of", "de")) else None
    if amount:  # "a money judgment in the amount of $4.8 million", "una multa por la cantidad de"
        np_words = amount.group(1).split()
        articles = [i for i, w in enumerate(np_words) if w.lower() in LEADING]
        return " ".join(np_words[articles[-1] + 1:] if articles else np_words) or None  # "impuso una| multa"
    avail = _MADE_AVAILABLE.match(text, end)
    if avail:  # "$135,000,000 shall be made available for assistance for Mexico", "may be made available to expand ..."
        np = noun_phrase(text, avail.end(), words)[0]
        if np:
            return np
    done = _DONE_AFTER.match(text, end)
    if done:  # "$612,440 seized from a bank account", "$2 million laundered through ..."
        return f"funds {done.group(1).lower()}"
    rate = _RATE_AFTER.match(text, end) if text[end:end + 1] == " " else None
    if rate:
        per = rate.group("per")
        if per and per.lower() not in _PER_TIME and per.lower() not in STOP:
            return f"price per {per.lower()}"  # "$5 per pill", "$20,000 a kilogram"
        if per is None or per.lower() in _PER_TIME:
            m = _FROM.match(text, rate.end())
            np = noun_phrase(text, m.end(), words)[0] if m else None
            if np:
                return np  # "$5 billion a year from fentanyl", "$13 billion annually in drug sales"
    spent = _TXN_BEFORE.search(before[-60:]) if before[-40:].rstrip().lower().endswith(_TXN_ENDINGS) else None
    if spent:
        to = _TXN_TO.match(text, end)
        np = noun_phrase(text, to.end(), words)[0] if to else None
        named = False
        if np and np[:1].isupper():
            art = ARTICLE.match(text, to.end())
            name = PROPER_RUN.match(text, art.end() if art else to.end())
            whole = SENTENCE_END.split(name.group())[0].strip() if name else ""
            if len(whole.split()) >= len(np.split()):
                np, named = whole, True  # "for the Sinaloa Cartel": the whole name
        if np and (to.group(1).lower() not in ("for", "in", "para", "en") or named):
            # "has spent more than $11 billion on the border mission", "laundered $92 million for the Sinaloa Cartel"
            verb = spent.group(1).lower()
            return f"funds {_TXN_ES.get(verb, verb)} {to.group(1).lower()} {np}"
    m = _MONEY_AFTER.match(text, end)
    if m and text[m.end():m.end() + 1].isupper():
        named = _NAMED_PROGRAM.match(text, m.end())
        if named:  # "$96 million in International Narcotics Control and Law Enforcement (INCLE) assistance"
            return f"{named.group('acr')} {named.group('noun')}"
    if m:
        np, np_end = noun_phrase(text, m.end(), words)
        if np and not _FISCAL_YEAR.match(np) and lang != "es":
            np += place_tail(text, np_end, words)  # "$505.9 billion of goods from Mexico"
        if np and _FISCAL_YEAR.match(np):  # "$158 million in FY2020": a year, not what the money is
            np_end = noun_phrase(text, m.end(), words)[1]
            np_end = _YEAR_TAIL.match(text, np_end).end()  # "in fiscal| 2025", "in FY| 2024"
            after = _MONEY_AFTER.match(text, np_end) or _TO_VERB.match(text, np_end)  # "$40 million in fiscal 2025 for
            # port scanners", "$92 million in fiscal year 2027 to expand our chemical-tracing program"
            np = noun_phrase(text, after.end(), words)[0] if after else None
        if np:
            return np
        counted = _NUMBER_THEN.match(text, m.end())
        if counted:  # "$2.1 billion for 22,000 Border Patrol agents": the counted thing it pays for
            found = counted_noun(text, counted.end(), words, lang)
            if found:
                return found[0]
    m = _MONEY_PASSIVE.match(text, end)
    if m:
        return f"funds {m.group(1).lower()}"
    if TOKEN.match(text, end) and text[end:end + 1] == " " and text[end + 1:end + 2].islower():
        np = noun_phrase(text, end, words)[0]  # "a $5,000 fine", "a $1.2 million settlement"
        if np and np.lower() not in _PER_TIME and np.split()[0].lower() not in ("plus", "más", "mas", "minus"):  # "$12 billion a year" is a rate, not a year
            return np
    level = _COPULA_LEVEL.search(before[-140:]) if before[-14:].rstrip().lower().endswith(_COPULA_ENDINGS) else None
    if level:  # "El presupuesto de la CNB para 2026 es de 187 millones de pesos": the level of the sentence's subject
        np = _trim_level_np(level.group("np"))
        if np:
            return np
    m = _MONEY_BEFORE.search(before[-50:])
    if m:
        np_words = m.group(1).split()
        verbs = [i for i, w in enumerate(np_words) if w.lower().endswith(("ó", "aron", "ieron"))]
        np = " ".join(w for w in np_words[verbs[-1] + 1 if verbs else 0:] if w.lower() not in STOP)  # "aseguró| mercancía"
        relation = m.group(2).split()[0].lower()
        if np:
            return _MONEY_RELATION.get(relation, "value of {}").format(np)
    np = change_subject(before)
    if np:  # "raised the reward to $5 million", "the budget grew from $40 million to"
        return np
    es = _ES_MONEY_CHANGE.search(before[-200:]) if before[-6:].rstrip().lower().endswith(("de", "a")) else None
    if es:  # "el presupuesto del Registro se redujo 12 por ciento, al pasar de 310 millones a 273 millones de pesos"
        np = _trim_level_np(es.group("np"))
        if np:
            return np
    m = _WILL_FUND.match(text, end)  # "$200 million will support the newly created Drug Analysis Centre"
    if m:
        name = PROPER_RUN.match(text, m.end()) if text[m.end():m.end() + 1].isupper() else None
        np = name.group().strip() if name else noun_phrase(text, m.end(), words)[0]
        if np:
            return np
    m = _TO_VERB.match(text, end)  # "$1.5 billion to address the opioid crisis"
    if m:
        np = noun_phrase(text, m.end(), words)[0]
        if np:
            return np
    level = _LEVEL_BEFORE.search(before[-90:]) if before[-30:].rstrip().endswith(_SPENT_ENDINGS) else None
    if level:  # "Trade between the two countries topped $839 billion": the level of what
        return level.group("np")
    verb = _SPENT_BEFORE.search(before[-40:]) if before[-30:].rstrip().endswith(_SPENT_ENDINGS) else None
    if verb and verb.group(1).lower() not in _CHANGE_PARTICIPLES:
        return f"funds {verb.group(1).lower()}"  # "the Department obligated about $458 million": what was done with it
    actions = _ACTION.findall(before[-400:])
    return f"funds {_ACTION_PARTICIPLE[actions[-1].lower()]}" if actions else None


def sum_subject(text: str, end: int, before: str, found: list[Mention], s_start: int, words: frozenset,
                lang: str) -> str | None:
    """What a sum is: the words around it (``currency_subject``), or the sum or share just before it
    that it restates, bounds or is compared with."""
    last = found[-1] if found else None
    if last is not None and last.kind == "currency" and last.subject and last.char_start >= s_start and \
            before.endswith(" ") and _SUM_COMPARED.search(before[-40:]) and not _OWN_PHRASE.match(text, end):
        return last.subject  # "$96 million in INCLE assistance, down from $151 million provided in FY2024"
    subject = currency_subject(text, end, before, words, lang)
    if (subject is None or _VALUE_WORDS.search(subject)) and _VALUE_BEFORE.search(before[-60:]):
        of = value_of(before, found, s_start)  # "con un valor comercial de 880 mil dólares", "has a street value of"
        if of:
            return f"{'valor de' if lang == 'es' else 'value of'} {of}"
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


# A sum that is the value of something named before it: "The methamphetamine has an estimated street value of $4.2
# million", "24 escáneres ..., con un valor cercano a 31 millones de dólares".
_VALUE_WORDS = re.compile(r"^(?:(?:estimated|total|street|market|commercial)[^\S\n]+)*(?:value|worth)$|^valor\b",
                          re.IGNORECASE)
_VALUE_BEFORE = re.compile(r"\b(?:value|valor|worth)\b[^.;:\d]{0,40}$", re.IGNORECASE)
_VALUE_OWNER = re.compile(r"^[^\S\n]*(?:(?:the|la|el|los|las|this|that|these|those|esta|este|estos|estas)[^\S\n]+)"
                          r"(?P<np>[^\W\d_][\w-]*(?:[^\S\n]+[^\W\d_][\w-]*)?)[^\S\n]*,?[^\S\n]+(?:[^,]{0,40},[^\S\n]+)?"
                          r"(?:has|had|have|carries|carried|tiene|tenía|tenia|tendría|tendria|tendrían|tendrian)\b", re.IGNORECASE)


def value_of(before: str, found: list[Mention], s_start: int) -> str | None:
    """What a sum is the value of: the mass or count just before it in the sentence, else the noun phrase the
    sentence opens with before "has"/"tendría" ("The methamphetamine has an estimated street value of")."""
    for f in reversed(found[-3:]):
        if f.char_start < s_start:
            break
        if f.kind in ("mass", "count") and f.subject and f.value is not None:
            return f.subject
    m = _VALUE_OWNER.match(before)
    return m.group("np").lower() if m else None
