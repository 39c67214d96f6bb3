"""What is not a quantity although a number is written: dates, identifiers, list ordinals, calendar
years, calibers, ratios and rates, unit prices, ages, body weights, fines in days of wages, and idioms
of constancy ("24 hours a day"). The patterns are checked right around a numeral by ``read``,
``counts`` and ``ranges``."""
from __future__ import annotations

import re

# Words before a number that make it a name or an identifier, not an amount.
ID_BEFORE = frozenset("""
no no. nos. number num. # title section sec. article art. chapter part rule route highway interstate
suite ste. room docket case form exhibit phase level tier year fy class schedule operation flight lot box
pier gate exit page p. pp. vol. volume issue item appendix figure table station district precinct
order law code decree resolution regulation act week stage round zone sector lane
artículo fracción capítulo número núm. lote ley decreto
glock colt beretta ruger barrett taurus remington winchester browning mossberg walther sig kimber springfield
""".split())
# Words that name an identifier in any case: "at mile marker 18", "version 2 of the plan", "kilómetro 45"
# ("highway", "route" only capitalized: "on the highway 2 people died", "en route 3 agents")
ID_BEFORE_ANY_CASE = frozenset("""
marker milepost model version footnote km kilómetro kilometro suite docket
no. nos. núm. número
""".split())
# A 4-digit number after these is an amount ("seized 2022 pills"), not a calendar year.
YEAR_CONTEXT_OK = ("ed", "more than", "over", "nearly", "approximately", "about", "some")
# The price of a unit, not an amount of it: "the price of a kilogram", "$20,000 a kilo".
PRICE_BEFORE = re.compile(r"\b(?:(?:price|prices|cost|costs|value|precio|costo)[^\S\n]+(?:of|for|per|del|por)|per|each|"
                           r"por)[^\S\n]+\Z|"
                           # a sum right before: "$20,000 a kilo", "15 mil pesos el kilo"
                           r"\$[^\S\n]?[0-9][\d.,]*(?:[^\S\n]+(?:thousand|million|billion|mil))?"
                           r"(?:[^\S\n]+(?:dollars|pesos|d[oó]lares))?[^\S\n]+\Z|"
                           r"[0-9][^\S\n]+(?:dollars|pesos|d[oó]lares)[^\S\n]+\Z", re.IGNORECASE)
# "a kilogram of fentanyl sells for", "a kilo can cost": the unit of a price, right before the price verb
PRICE_AFTER = re.compile(r"\w*(?:[^\S\n]+(?:of|de)[^\S\n]+[\w-]+(?:[^\S\n]+[\w-]+)?)?[^\S\n]+(?:can[^\S\n]+|may[^\S\n]+)?"
                          r"(?:sells?|(?<!that )(?<!which )sold[^\S\n]+for|costs?|fetch(?:es)?|retails?|goes[^\S\n]+for|is[^\S\n]+worth|se[^\S\n]+vende|"
                          r"se[^\S\n]+vendía|cuesta|costaba)\b",
                          re.IGNORECASE)
# The base of a yield, not an amount: "One kilogram of precursor ... can produce enough fentanyl for
# 500,000 pills", "Un kilo de precursor puede rendir 800 gramos", "turn one kilogram of powder into ...".
YIELD_AFTER = re.compile(r"[^\S\n]+(?:of|de)[^\S\n][^.;:!?\n]{0,70}?\b(?:can|could|may|might|would|puede|podr[ií]a|"
                         r"alcanza[^\S\n]+para)[^\S\n]+(?:\w+[^\S\n]+)?(?:produce|yield|make|generate|rendir|producir|"
                         r"generar|fabricar|elaborar|hacer)\b", re.IGNORECASE)
YIELD_BEFORE = re.compile(r"\b(?:turns?|turning|converts?|converting|transforms?|convierte|convertir|transformar)"
                          r"[^\S\n]+\Z", re.IGNORECASE)
YIELD_INTO = re.compile(r"[^\S\n]+(?:of|de)[^\S\n][^.;:!?\n]{0,40}?[^\S\n](?:into|en)[^\S\n]", re.IGNORECASE)
# A line of a social post's counters, not a count of anything reported: "👍 1.4K  💬 212 comments  ↪ 389 shares",
# "👍❤️ 1,2 mil · 184 comentarios · 97 veces compartido": only numbers, counter words, emoji and separators.
_COUNTER_WORDS = (r"likes?|comments?|shares?|retweets?|reposts?|views?|reactions?|replies|comentarios?|compartid[oa]s?|"
                  r"reacciones|vistas|reproducciones|respuestas|me[^\S\n]+gusta")
COUNTER_WORD = re.compile(rf"\b(?:{_COUNTER_WORDS})\b", re.IGNORECASE)
COUNTER_LINE = re.compile(rf"(?:[^\w\n]|[0-9][0-9.,]*(?:[^\S\n]?(?:k|m|mil)\b)?|(?:{_COUNTER_WORDS}|veces|times)\b)+\Z",
                          re.IGNORECASE)


_COUNTED_AFTER = re.compile(rf"[^\S\n]+(?:{_COUNTER_WORDS}|veces)\b", re.IGNORECASE)


def counter_line(text: str, start: int, num_end: int) -> bool:
    """Whether the figure at `start` is a counter ("212 comments", "97 veces compartido") on a short line that holds
    only a social post's counters (likes, comments, shares)."""
    if not _COUNTED_AFTER.match(text, num_end):
        return False
    ls = text.rfind("\n", max(0, start - 160), start) + 1
    le = text.find("\n", start, start + 160)
    if (ls == 0 and start > 160) or le < 0 and len(text) - start > 160:
        return False  # a counters row is short: a long line is prose
    line = text[ls:le if le >= 0 else len(text)]
    return COUNTER_LINE.match(line) is not None


# A point in time counted back or forward, not a period: "hace dos años" (but "desde hace dos años" is a
# period), "dos años antes", "two years earlier", "tres meses después" (not "tres meses antes de su juicio").
TIME_AGO_BEFORE = re.compile(r"(?<!desde )\bhace[^\S\n]+(?:(?:apenas|casi|m[aá]s[^\S\n]+de|unos|unas|poco[^\S\n]+m[aá]s[^\S\n]+de)"
                             r"[^\S\n]+)?\Z", re.IGNORECASE)
TIME_REF_AFTER = re.compile(r"[^\S\n]+(?:earlier|later|(?:antes|despu[eé]s|atr[aá]s)(?![^\S\n]+(?:de|que)\b))\b",
                            re.IGNORECASE)
# Not a count: a caliber ("9mm", "5.56 mm"), a rate's denominator ("per 100,000", "por cada
# 100 mil"), either number of a ratio ("six out of 10", "1 in 4", "siete de cada 10").
CALIBER = re.compile(r"[^\S\n]?mm\b", re.IGNORECASE)
# The first term of a ratio: "3 civilians for every one wounded", "10 detenidos por cada 1 liberado".
FOR_EVERY = re.compile(r"[^\S\n]+(?:for[^\S\n]+every|por[^\S\n]+cada)[^\S\n]", re.IGNORECASE)
PER_BEFORE = re.compile(r"\b(?:per|por[^\S\n]+cada)[^\S\n]*$", re.IGNORECASE)
RATIO_AFTER = re.compile(r"[^\S\n]+(?:out[^\S\n]+of|de[^\S\n]+cada)[^\S\n]", re.IGNORECASE)
RATIO_BEFORE = re.compile(r"(?:^|\s)(\S+)[^\S\n]+(?:out[^\S\n]+of|in|de[^\S\n]+cada)(?:[^\S\n]+every)?[^\S\n]*$",
                           re.IGNORECASE)
# A unit describing the size of the counted thing: "10 kilo-sized bricks", "one-pound packages".
SIZED = re.compile(r"-sized?\b", re.IGNORECASE)
# "a 240-pound man": a hyphen-attached mass before a person describes a body, not a seizure
BODY_WEIGHT = re.compile(r"[^\S\n]+(?:(?:white|black|hispanic|mexican|american|adult|young|older)[^\S\n]+)?"
                          r"(?:man|men|woman|women|male|female|person|suspect|individual|boy|girl|teen(?:ager)?)\b",
                          re.IGNORECASE)
# "1,500 días de salario", "300 días multa": a fine counted in days of wages; "los 365 días del año",
# "24 hours a day": an idiom of constancy, not a period
DAY_FINE = re.compile(r"[^\S\n]+(?:de(?:l)?[^\S\n]+(?:salario|multa)|multa)\b", re.IGNORECASE)
_WHOLE_PERIOD = re.compile(r"[^\S\n]+(?:del[^\S\n]+(?P<es>año|día|dia)|de[^\S\n]+la[^\S\n]+semana|"
                           r"a[^\S\n]+(?P<en>day|week|year)|of[^\S\n]+the[^\S\n]+(?:year|week))\b", re.IGNORECASE)
_PERIOD_SIZE = {"año": {12, 52, 365, 366}, "year": {12, 52, 365, 366}, "día": {24}, "dia": {24}, "day": {24},
                "week": {7}, "semana": {7}}
# A Spanish date: "12 de junio", "el primero de octubre" (the month lower-case, as Spanish writes it).
ES_DATE_AFTER = re.compile(r" de[^\S\n]+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
                            r"noviembre|diciembre)\b")
# An age is not a duration: "29 years old", "a 41-year-old man", "35 years of age".
AGE = re.compile(r"(?:[^\S\n]+|-)old\b|[^\S\n]+(?:of[^\S\n]+age|de[^\S\n]+edad)\b", re.IGNORECASE)
# Spanish gives an age as "de N años" after a person or a comma: "un hombre de 35 años",
# "Juan N., de 42 años" ("un periodo de 5 años" is a duration).
AGE_BEFORE_ES = re.compile(
    r"(?:[,(]|\b(?:hombres?|mujer(?:es)?|j[oó]venes|joven|menor(?:es)?|personas?|sujetos?|individuos?|masculino|"
    r"femenina|ni[ñn][oa]s?|adolescentes?|ciudadan[oa]s?|conductor(?:es)?|detenid[oa]s?))[^\S\n]+de"
    # the ages of several people: "tres hombres de 22, 25 y 31 años"
    r"(?:[^\S\n]+[0-9]{1,3}(?:,|[^\S\n]+(?:y|e)\b))*[^\S\n]*$",
    re.IGNORECASE)


def whole_period(text: str, end: int, value: float) -> bool:
    """"los 365 días del año", "24 hours a day", "7 days a week": the whole of a period, an idiom of constancy."""
    m = _WHOLE_PERIOD.match(text, end)
    if m is None:
        return False
    period = m.group().split()[-1].lower()
    return value in _PERIOD_SIZE.get(period, ())
