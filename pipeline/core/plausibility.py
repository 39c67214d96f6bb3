"""Which stated figures are too large to be believed: kept, flagged, and kept out of facts.

Integrity rules (a failure means a bug) block a publish; this module is the other kind. A figure
no real statement could state -- "99,000,000 tons of cocaine", more than the world produces in
decades -- is published with a ``quarantine_reason`` and left out of facts and totals, and the
rest of the folder is published with it. The limits are generous on purpose: real statements
do state large masses ("up to 20,000 tons of milk powder", "7,288 tons of methamphetamine
prevented", "1,435 tons of precursors"), and those must stay normal facts.
"""
from __future__ import annotations

import re

import pandas as pd

# Illicit drugs and their precursors, in both languages: world cocaine production is about
# 3,700 t a year (UNODC), so no seizure, production or precursor figure reaches 100,000 t.
DRUG_WORDS = re.compile(
    r"\b(?:fentanyl\w*|fentanil\w*|cocain\w*|coca\b|heroin\w*|hero[ií]na|meth\w*|metanfetamina\w*|"
    r"amphetamin\w*|anfetamina\w*|marijuana|marihuana|cannabis|opium|opio|opioid\w*|opi[aá]ceo\w*|"
    r"drug\w*|droga\w*|narcotic\w*|narc[oó]tico\w*|precursor\w*|pills?|pastillas?|p[ií]ldoras?|crystal|cristal)\b",
    re.IGNORECASE,
)
MAX_DRUG_KG = 1e8  # 100,000 metric tonnes

# Beyond anything a statement on security cooperation (trade, aid, seizures) can state.
MAX_VALUE = {
    ("mass", None): 1e11,        # kg: 100 million tonnes
    ("currency", None): 1e14,    # more than the world's yearly output
    ("count", None): 1e11,       # more than ten times the world's population
    ("area", "hectare"): 1e9,    # larger than the Americas
    ("duration", "year"): 1e4,
    ("duration", "month"): 1.2e5,
    ("duration", "day"): 3.7e6,
    ("percent", None): 1e6,
}


def _limit_reason(kind: str, unit: str, value: float, value_kg: float) -> str | None:
    if kind == "mass":
        value, unit = value_kg, "kg"
    limit = MAX_VALUE.get((kind, unit), MAX_VALUE.get((kind, None)))
    if limit is None or value is None or value != value or value <= limit:
        return None
    return f"implausible {kind}: {value:,.0f} {unit} is above the {limit:,.0f} {unit} no real statement reaches"


def quarantine_reasons(measurements: pd.DataFrame) -> pd.Series:
    """The reason each measurement is implausible, or None (one pass; most rows are far below any limit)."""
    reasons: list[str | None] = [None] * len(measurements)
    if not len(measurements):
        return pd.Series(reasons, index=measurements.index, dtype="str")
    kinds, units = measurements["kind"].tolist(), measurements["unit"].tolist()
    values, kgs = measurements["value"].tolist(), measurements["value_kg"].tolist()
    subjects, sentences = measurements["subject"].tolist(), measurements["sentence"].tolist()
    for i, (kind, unit, value, kg) in enumerate(zip(kinds, units, values, kgs)):
        if kind == "mass" and kg == kg and kg is not None and kg > MAX_DRUG_KG:
            about = subjects[i] if isinstance(subjects[i], str) and DRUG_WORDS.search(subjects[i]) else None
            if about is None and not isinstance(subjects[i], str):
                about = sentences[i] if isinstance(sentences[i], str) and DRUG_WORDS.search(sentences[i]) else None
            if about is not None:
                reasons[i] = (f"implausible drug mass: {kg / 1000:,.0f} t of {subjects[i] or 'drugs'} is above the "
                              f"{MAX_DRUG_KG / 1000:,.0f} t no seizure, production or precursor figure reaches")
                continue
        reasons[i] = _limit_reason(kind, unit, value, kg)
    return pd.Series(reasons, index=measurements.index, dtype="str")
