"""What a figure states, and when two figures may state one amount.

A figure's key (kind, unit, value) names a claim; a restatement in another unit or rounded
("1,355 kilograms", "nearly 3,000 pounds" for "2,987 pounds") states the same amount within
the precision written. Grouping, the canonical choice and fact merging all compare amounts
this one way.
"""

from __future__ import annotations

import re

from pipeline.core.lexicon import LARGE_SCALES
from pipeline.core.extract.units import STORED_MASS_UNITS, to_kg

from .memo import run_cache
from .model import Figure
from .vocabulary import ABOUT, AT_LEAST, AT_MOST, BARE_TON, SCALE_WORD


def value_text(v: float | None) -> str:
    return "none" if v is None else f"{v:.9g}"


def claim_key(f: Figure) -> tuple[str, str, str]:
    """What a figure states: kind, unit and value (a repeat of it is the same claim)."""
    return (f.kind, f.unit, value_text(f.value))


def figure_key(f: Figure) -> tuple[str, str, str] | None:
    """The key a figure contributes to the fingerprint, or None if it identifies nothing."""
    v = f.value
    if v is None or abs(v) < 10:
        return None
    if float(v).is_integer() and 1900 <= v <= 2100 and "," not in f.surface:
        return None  # a year read as a number
    return claim_key(f)


@run_cache(maxsize=1 << 16)
def specificity(key: tuple[str, str, str]) -> float:
    """Weight of a key: "5,046" (4 significant digits) identifies more than "40" or "1,000"."""
    digits = key[2].split("e")[0].replace(".", "").replace("-", "").strip("0")
    return 1.0 + 0.5 * min(max(len(digits) - 1, 0), 2)


RESTATED_TOLERANCE = 0.0025  # relative, each side, across units: "6,420 pounds" (2,912.06 kg), "2,912 kilograms"
ONE_SIDED_ROUNDING = 0.10    # at most, how far "more than 2,100" / "nearly 3,000" may be from the amount
TWO_SIDED_ROUNDING = 0.05    # at most, how far "about 3,000" may be from it
_NUMERAL = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")


def measure_kind(f: Figure) -> str | tuple[str, str]:
    """What a figure's amount can be compared with: any mass (in kg), else the same kind and unit."""
    return "mass" if f.kind == "mass" and f.unit in STORED_MASS_UNITS else (f.kind, f.unit)


@run_cache(maxsize=1 << 16)
def intervals(f: Figure, converted: bool) -> tuple[tuple[float, float], ...]:
    """Where the amount a figure states may lie, in a comparable unit (kg for a mass; under both
    readings of a bare "tons"): within half the unit of its last stated digit ("2,912"; at most
    5%; at least 0.25% when ``converted`` from another unit: "6,420 pounds" is 2,912.06 kg);
    "more than 2,100" up to the next step of its last non-zero digit (at most 10% above),
    "nearly 3,000" down to the step below (at most 10%), "about 3,000" half a step either way
    (at most 5%)."""
    if f.value is None or f.value <= 0:
        return ()
    if f.kind == "mass" and f.unit in STORED_MASS_UNITS:
        units = ("short_ton", "metric_ton") if f.unit in ("short_ton", "metric_ton") and BARE_TON.search(f.surface) \
            else (f.unit,)
        per = [to_kg(1.0, u) for u in units]
    else:
        per = [1.0]
    scale_word = SCALE_WORD.search(f.surface)
    scale = LARGE_SCALES.get(scale_word.group(1).lower(), 1.0) if scale_word else 1.0
    m = _NUMERAL.search(f.surface)
    digits = m.group(1).replace(",", "") if m else f"{f.value / scale:.0f}"
    step = scale * 10.0 ** -len(m.group(2)) if m and m.group(2) else scale  # its last stated digit
    x = f.value
    near = min(step / 2, TWO_SIDED_ROUNDING * x)  # "2 tons" is not "2.4 tons"; "4,312" is not "4,321"
    if converted:
        near = max(near, RESTATED_TOLERANCE * x)
    lo, hi = x - near, x + near
    q = (f.qualifier or "").lower()
    if q and not (m and m.group(2)) and digits.strip("0"):
        rounded = scale * 10.0 ** (len(digits) - len(digits.rstrip("0")))  # "3,000": thousands
        if AT_LEAST.search(q):
            lo, hi = x, max(hi, x + min(rounded, ONE_SIDED_ROUNDING * x))
        elif AT_MOST.search(q):
            lo, hi = min(lo, x - min(rounded, ONE_SIDED_ROUNDING * x)), x
        elif ABOUT.search(q):
            half = min(rounded / 2, TWO_SIDED_ROUNDING * x)
            lo, hi = min(lo, x - half), max(hi, x + half)
    return tuple((lo * p, hi * p) for p in per)


def agree(a: Figure, b: Figure) -> float | None:
    """How far apart (relative) two figures' amounts are, if one may state the other's amount
    (their intervals meet: "53" and "54" do not), else None."""
    best, converted = None, a.unit != b.unit
    for alo, ahi in intervals(a, converted):
        for blo, bhi in intervals(b, converted):
            if alo < bhi and blo < ahi:
                d = abs((alo + ahi) - (blo + bhi)) / max(ahi + alo, bhi + blo)
                best = d if best is None else min(best, d)
    return best
