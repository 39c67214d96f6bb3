"""Unit spellings, their normalized codes, mass conversion (pint) and the bare-"tons" rule.

``UNIT`` is one compiled pattern of every spelling, tried right after a numeral; ``unit_info``
maps the matched spelling to (code, kind). Mass goes to kilograms through pint, never through
factors typed here. A bare "tons" is ambiguous (U.S. short ton vs. Mexican metric tonne) and
is resolved by ``resolve_tons`` under a documented rule, with the reason recorded.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pint

# Created once: building a registry parses pint's definition files (tens of ms).
UREG = pint.UnitRegistry()

# code -> (kind, spellings). "ton" is the ambiguous bare ton, resolved by resolve_tons.
_TABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "metric_ton": ("mass", ("metric tons", "metric ton", "metric tonnes", "metric tonne", "tonnes", "tonne",
                            "toneladas métricas", "toneladas metricas", "toneladas", "tonelada",
                            "t")),
    "short_ton": ("mass", ("short tons", "short ton", "us tons", "us ton", "u.s. tons", "u.s. ton")),
    "ton": ("mass", ("tons", "ton")),
    "lb": ("mass", ("pounds", "pound", "lbs", "lb", "libras", "libra")),
    "kg": ("mass", ("kilograms", "kilogram", "kilogrammes", "kilos", "kilo", "kgs", "kg",
                    "kilogramos", "kilogramo")),
    "g": ("mass", ("grams", "gram", "grammes", "gramos", "gramo", "grs", "gr", "g")),
    # not a contract unit: restated in grams by ``restate`` ("2 milligrams" -> 0.002 g)
    "mg": ("mass", ("milligrams", "milligram", "miligramos", "miligramo", "mg")),
    "oz": ("mass", ("ounces", "ounce", "oz", "onzas", "onza")),
    "percent": ("percent", ("percent", "per cent", "percentage points", "percentage point", "por ciento",
                            "puntos porcentuales", "punto porcentual", "pct", "%")),
    "hectare": ("area", ("hectares", "hectare", "hectáreas", "hectareas", "hectárea", "hectarea", "ha")),
    "acre": ("area", ("acres", "acre")),
    "year": ("duration", ("years", "year", "años", "año")),
    "month": ("duration", ("months", "month", "meses", "mes")),
    "week": ("duration", ("weeks", "week", "semanas", "semana")),
    "day": ("duration", ("days", "day", "días", "dias", "día", "dia")),
    "usd": ("currency", ("u.s. dollars", "us dollars", "dollars", "dólares", "dolares", "usd", "mdd", "mmdd")),
    "mxn": ("currency", ("mexican pesos", "pesos", "mxn", "mdp", "mmdp")),
}
_BY_SPELLING = {s: (code, kind) for code, (kind, spellings) in _TABLE.items() for s in spellings}

# Short abbreviations are matched case-sensitively ("5 G" / "5G" is not grams; "HA" is not hectares).
_CASE_SENSITIVE = {"g", "gr", "grs", "ha", "kg", "kgs", "mg", "oz", "lb", "lbs", "pct", "mdp", "mdd", "mmdp", "mmdd"}
# Mexican press abbreviations that carry a scale: "500 mdp" (millones de pesos), "35 mdd" (millones de
# dólares), "2 mmdp" (miles de millones de pesos).
SCALED_UNITS = {"mdp": 1e6, "mdd": 1e6, "mmdp": 1e9, "mmdd": 1e9}


def _spelling_pattern(s: str) -> str:
    p = re.escape(s).replace(r"\ ", r"\s+")
    # the all-capitals and capitalized forms ("500 KG", "20 Lbs") are common in seizure releases too
    if s in ("g", "gr", "grs", "ha", "mg"):
        return f"(?-i:{p})"
    if s == "t":  # the tonne's symbol ("2.5 t of cocaine"), lower case only; not "20 t-shirts", "5 t's"
        return r"(?-i:t)(?![-'’/])"
    return f"(?-i:{p}|{p.upper()}|{p.capitalize()})" if s in _CASE_SENSITIVE else p


# Separator between numeral and unit: a space, nothing ("500kg"), or a hyphen ("1,000-pound").
UNIT = re.compile(
    r"(?:\s*-\s*|\s*)(?P<unit>"
    + "|".join(_spelling_pattern(s) for s in sorted(_BY_SPELLING, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)

_SPACES = re.compile(r"\s+")
_PINT_NAME = {"lb": "pound", "kg": "kilogram", "g": "gram", "oz": "ounce",
              "short_ton": "short_ton", "metric_ton": "metric_ton", "mg": "milligram"}
# Units the warehouse does not store, and the contract unit their figures are restated in.
_RESTATED = {"mg": "g"}
# The mass codes a stored figure carries (pint converts each; the bare "ton" is always resolved first).
STORED_MASS_UNITS = frozenset(_PINT_NAME) - frozenset(_RESTATED)


def unit_info(spelling: str) -> tuple[str, str]:
    """'Pounds' -> ('lb', 'mass'); '%' -> ('percent', 'percent'); 'tons' -> ('ton', 'mass')."""
    s = spelling.lower()
    found = _BY_SPELLING.get(s)  # the common case; the regex only for odd spacing ("metric\ntons")
    return found if found is not None else _BY_SPELLING[_SPACES.sub(" ", s)]


@lru_cache(maxsize=None)
def _kg_per(code: str) -> float:
    # pint does the conversion; the cache only avoids redoing it for every mention
    return UREG.Quantity(1.0, _PINT_NAME[code]).to("kilogram").magnitude


@lru_cache(maxsize=None)
def _factor(code: str, to: str) -> float:
    return UREG.Quantity(1.0, _PINT_NAME[code]).to(_PINT_NAME[to]).magnitude


def restate(value: float | None, code: str) -> tuple[float | None, str, str | None]:
    """A figure in a unit outside the contract's codes, restated in one of them (by pint), with
    why: restate(2, 'mg') -> (0.002, 'g', ...). Other units are returned as they are."""
    to = _RESTATED.get(code)
    if to is None:
        return value, code, None
    return (None if value is None else value * _factor(code, to)), to, f"{code} restated in {to} ({to} is the stored unit)"


def to_kg(value: float, code: str) -> float:
    """Mass in kilograms, converted by pint: to_kg(15000, 'lb') -> 6803.9 ."""
    return value * _kg_per(code)


# --- currency signs and Spanish unit words ------------------------------------------------
# A currency sign just before a digit numeral (checked on the lower-cased text).
CURRENCY_BEFORE = re.compile(r"(?:(?<![a-z])(?:us|usd|u\.s\.|mxn|mx|m\.n\.)[^\S\n]?)?\$[^\S\n]?$|\b(?:usd|mxn)[^\S\n]?$")
# Unit words only Spanish writes: a figure before one is written the Spanish way ("1.250 kilogramos").
SPANISH_UNITS = frozenset({"kilogramos", "kilogramo", "toneladas", "tonelada", "gramos", "libras", "pesos", "dólares",
                            "hectáreas", "toneladas métricas"})
# The peso abbreviation of English-language Mexican press and filings: "Ps. 200 million", "Ps 3.5 billion".
PESO_SIGN = re.compile(r"(?<![A-Za-z])Ps\.?[^\S\n]?\Z")
# "moneda nacional" after a sum in "$": "$3,450,000 M.N.", "$1,500,000.00 (un millón quinientos mil pesos 00/100 M.N.)"
MN_AFTER = re.compile(r"[^\S\n]*(?:M\.[^\S\n]?N\.|MN\b|MXN\b|m\.n\.|\([^()\n]{0,100}?M\.[^\S\n]?N\.\))")


# --- the bare "tons" rule ---------------------------------------------------------------
TONS_RULES = ("by_reporter", "metric", "short")

# A Mexican actor: the country as subject, its government, its security institutions.
_MEXICAN = re.compile(
    r"\b(?:Government of Mexico|Mexican(?! border)\b|Mexico(?:['’]s)?\b|SEDENA|SEMAR|FGR|SSPC|"
    r"Guardia Nacional|Secretar[ií]a|Fiscal[ií]a|Marina|Defensa|ANAM)"
)
# Mentions of Mexico that say where, not who: "U.S.-Mexico", "from Mexico", "New Mexico".
_NOT_ACTOR = re.compile(
    r"U\.?S\.?\s*[-–]\s*Mexic\w*|Mexico\s*[-–]\s*U\.?S\.?|New Mexico|Gulf of Mexico|"
    r"\b(?:from|into|(?<!according\s)to|across|entering|leaving|through|toward|towards|at)\s+(?:the\s+)?Mexic\w*"
    r"(?:\s+border)?|"
    r"Mexic\w*\s+border|"
    # who was caught or helped, or where the drugs came from, is not who reports the figure
    r"Mexican\s+(?:counterparts|partners|nationals?|citizens?|drivers?|m[ae]n|wom[ae]n)\b|"
    r"\b(?:produced|made|manufactured|grown|smuggled)\s+in\s+Mexico"
)
# A reporting verb: an attribution after the figure ("..., the Mexican Navy said", "according to
# Mexico's Defense Ministry"); the reporter is named just before it or right after it.
_ATTRIBUTION = re.compile(r"\b(?:said|says|reported|reports|announced|stated|according\s+to|informó|dijo)\b")
_REPORTER_AFTER_VERB = re.compile(r"\s*(?:the\s+|la\s+|el\s+)?")
_US_ACTOR = re.compile(
    r"\b(?:U\.S\.|United States|American|CBP|DEA|DHS|HSI|ICE|FBI|ATF|DOJ|Border Patrol|"
    r"Coast Guard|[Pp]ort of [Ee]ntry|Department of (?:Justice|Homeland Security))"
)


def resolve_tons(sentence_before: str, rule: str = "by_reporter", sentence_after: str = "") -> tuple[str, str]:
    """Read a bare "tons" as 'metric_ton' or 'short_ton'; return (code, reason).

    by_reporter: the figure is metric when the sentence, up to the figure, names a Mexican
    actor and names no U.S. actor after it (the last actor named is taken as the reporter);
    when it names no actor at all, an attribution after the figure decides ("seized 2 tons
    of cocaine, the Mexican Navy said"); otherwise U.S. short tons. ``sentence_before`` /
    ``sentence_after`` are the sentence's text up to / after the figure.
    """
    if rule == "metric":
        return "metric_ton", "metric: tons_rule=metric"
    if rule == "short":
        return "short_ton", "short: tons_rule=short"
    if rule != "by_reporter":
        raise ValueError(f"unknown tons rule {rule!r}; expected one of {TONS_RULES}")
    text = _NOT_ACTOR.sub(lambda m: " " * len(m.group()), sentence_before)
    mexican = [m for m in _MEXICAN.finditer(text)]
    last_us = max((m.start() for m in _US_ACTOR.finditer(text)), default=-1)
    if mexican and mexican[-1].start() > last_us:
        return "metric_ton", f"metric: attributed to Mexico ({mexican[-1].group()!r}) (by_reporter)"
    if not mexican and last_us < 0:
        reporter = _reporter_after(_NOT_ACTOR.sub(lambda m: " " * len(m.group()), sentence_after))
        if reporter:
            return "metric_ton", f"metric: attributed to Mexico after the figure ({reporter!r}) (by_reporter)"
    return "short_ton", "short: not attributed to Mexico, U.S. usage (by_reporter)"


def _reporter_after(after: str) -> str | None:
    """The Mexican actor an attribution after the figure names, if the one it names is Mexican."""
    for verb in _ATTRIBUTION.finditer(after):
        before_verb = after[max(0, verb.start() - 60):verb.start()]
        named = list(_MEXICAN.finditer(before_verb))
        if named and not _US_ACTOR.search(before_verb[named[-1].end():]):
            return named[-1].group()  # "the Mexican Navy (SEMAR) said"
        right_after = _MEXICAN.match(after, _REPORTER_AFTER_VERB.match(after, verb.end()).end())
        if right_after:
            return right_after.group()  # "according to Mexico's Defense Ministry", "said SEMAR"
    return None


def read_ton(text: str, lang: str, tons_rule: str, s_start: int, start: int, end: int, s_end: int) -> tuple[str, str]:
    """A bare "tons" at [start, end) of the sentence [s_start, s_end): its code and why."""
    if lang == "es":
        return "metric_ton", "metric: Spanish text (tonelada is metric)"
    # the actor named last before the figure, or right after it: a window keeps a long "sentence" (a
    # table flattened without periods) linear
    return resolve_tons(text[max(s_start, start - 400):start], tons_rule, text[end:min(s_end, end + 400)])
