"""The word lists reconciliation reads: month names, bylines and wire credits, qualifiers of an
approximate amount, words beside a restated amount, stop words, words for people.

Defined here once for the whole package, so that pointing them at the shared lexicon
(pipeline/core/lexicon.py) is a change to this module only.
"""

from __future__ import annotations

import re

STOP_WORDS = frozenset(
    "the and for with that this from have has had was were are our their its into over "
    "more than also both which who will would been being such other these those under "
    "between about after before since during each all any per".split())

MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
          r"septiembre|setiembre|octubre|noviembre|diciembre)\b\.?")


# Month words and their numbers, for reading a day-level date (dates.py): names and abbreviations
EN_MONTHS = {**{m: n for n, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)},
             **{m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)},
             "sept": 9}
ES_MONTHS = {**{m: n for n, m in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), start=1)},
             **{m: n for n, m in enumerate("ene feb mar abr may jun jul ago sep oct nov dic".split(), start=1)},
             "setiembre": 9, "sept": 9, "set": 9}

# A news outlet's copy of a release: a short "By <Name>" line (not "By the President ...")
# or a wire credit ("(AP) —", "Reuters") near the top. The issuer's own record has neither.
BYLINE = re.compile(r"^(?:by|por)\s+(?!(?:the|el|la|los|las)\b)[A-ZÁÉÍÓÚÑ][\w.'’-]*(?:[ ,|]+[\w.'’&-]+){0,7}[ ]*$", re.M | re.I)

WIRE = re.compile(r"\((?:AP|Reuters|AFP|EFE|Bloomberg|UPI)\)|^(?:Associated Press|Reuters|Agence France-Presse)\b",
                  re.M)

SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion|mil|mill[oó]n|millones)\b", re.I)

# a bare "tons" may be short or metric (DESIGN.md): a restatement may have read it either way
BARE_TON = re.compile(r"(?<!metric )(?<!short )\btons?\b", re.I)

# approximate figures: the amount is at least / at most / about the stated one
AT_LEAST = re.compile(r"more than|over|least|excess|upwards|minimum|no fewer|no less|más de|mas de|al menos|"
                      r"por lo menos|cuando menos")

AT_MOST = re.compile(r"nearly|almost|up to|less than|fewer than|under|as many|as much|at most|maximum|casi|"
                     r"menos de|hasta")

ABOUT = re.compile(r"approx|about|around|roughly|some|close|estimated|aproximad|alrededor|cerca|unos|unas|estimado")
APPROXIMATE = re.compile("|".join(r.pattern for r in (AT_LEAST, AT_MOST, ABOUT)))

# between an amount and its restatement in another unit: "(", " -- nearly ", ", or about "
BESIDE = re.compile(r"[\s,;:()\[\]\u2014\u2013-]*(?:(?:or|o|about|nearly|roughly|approximately|some|around|almost|"
                    r"more than|over|casi|aproximadamente|unos|cerca de|the equivalent of|equivalent to)\b)?"
                    r"[\s,;:()\[\]\u2014\u2013-]*", re.I)

# a re-translation's words for people: "38 people", "36 persons", "individuals", "personas"
PEOPLE = frozenset({"people", "person", "individual", "persona", "personas"})

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday "
                     "lunes martes miercoles jueves viernes sabado domingo".split())

# Head words of an institution's name, and titles of national office holders: a capitalized phrase
# holding one ("Instituto Nacional de Migración", "Department of Homeland Security", "President
# Biden") names no event -- they speak of many (discrepancies.py). Lower case, without accents.
INSTITUTIONS = frozenset("""
department departments office agency agencies administration bureau commission institute ministry
secretariat service services guard patrol police army navy marines force court council embassy
consulate committee unit
instituto secretaria ministerio fiscalia procuraduria guardia policia ejercito marina comision consejo
embajada consulado tribunal unidad
""".split())
TITLES = frozenset("""
president presidents secretary ambassador minister chancellor attorney attorneys
presidente presidenta secretario embajador embajadora ministro canciller
""".split())

# Capitalized words that name no event: the two countries and their people, offices and forces,
# the dialogue itself, place-name particles ("San" of San Antonio and San Diego). Lower case,
# without accents. A discrepancy needs a shared name beyond these (discrepancies.py).
COMMON_NAMES = INSTITUTIONS | TITLES | frozenset("""
mexico mexican mexicans united states state america american americans u.s
government governments federal national republic general authorities authority officials official
marine military defense border customs protection homeland security justice public safety joint task
drug enforcement immigration investigation investigations intelligence coast
affairs treasury commerce white house congress senate cartel cartels
operation operations international north south east west northern southern eastern western
city county district port ports entry bridge crossing bicentennial framework dialogue high level
san santa santo new nuevo nueva los las del el la de fort saint
mexicano mexicanos mexicana mexicanas estados unidos gobierno gobiernos republica nacional
autoridades defensa seguridad ciudadana publica operativo operacion ciudad puerto frontera aduanas
""".split())

# Lower-case words inside an institution's name: "Department of Homeland Security", "Instituto
# Nacional de Migración"
NAME_CONNECTORS = frozenset("of and for de del para y e".split())
NAME_ARTICLES = frozenset("the la las los el".split())


# What is counted, across the two languages and the usual synonyms: two subjects naming one of
# these count one thing ("armas" and "weapons recovered", "personas" and "people arrested").
# Words are folded (lower case, no accents); a subject names a concept by any of its words.
COUNTED_THINGS = {
    "firearm": "firearms firearm weapons weapon guns gun rifles rifle pistols pistol handguns armas arma fusiles "
               "fusil pistolas rifles",
    "person": "people persons person individuals individual suspects suspect detainees defendants defendant "
              "personas persona individuos sujetos presuntos detenidos detenidas imputados acusados reos",
    "migrant": "migrants migrant migrantes migrante",
    "ammunition": "rounds cartridges ammunition cartuchos municiones",
    "magazine": "magazines cargadores",
    "laboratory": "labs laboratories lab laboratorios narcolaboratorios",
    "vehicle": "vehicles vehicle cars trucks vehiculos vehiculo camionetas",
    "pill": "pills tablets pastillas pildoras tabletas",
    "account": "accounts cuentas",
    # drugs, by their short names too ("meth", "coke", "cristal")
    "methamphetamine": "methamphetamine meth crystal metanfetamina metanfetaminas cristal",
    "cocaine": "cocaine coke cocaina",
    "fentanyl": "fentanyl fentanilo",
}
COUNTED_THING_OF = {w: concept for concept, words in COUNTED_THINGS.items() for w in words.split()}
