"""Unit spellings, pint conversion to kilograms and the bare-"tons" rule."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from pipeline.core.extract.units import UNIT, UREG, resolve_tons, restate, to_kg, unit_info


@pytest.mark.parametrize("spelling, code, kind", [
    ("pounds", "lb", "mass"), ("Pound", "lb", "mass"), ("lbs", "lb", "mass"), ("LBS", "lb", "mass"),
    ("lb", "lb", "mass"), ("libras", "lb", "mass"), ("kilograms", "kg", "mass"), ("kilos", "kg", "mass"),
    ("kg", "kg", "mass"), ("KG", "kg", "mass"), ("kilogramos", "kg", "mass"), ("grams", "g", "mass"),
    ("g", "g", "mass"), ("gramos", "g", "mass"), ("ounces", "oz", "mass"), ("oz", "oz", "mass"),
    ("onzas", "oz", "mass"), ("tons", "ton", "mass"), ("ton", "ton", "mass"), ("metric tons", "metric_ton", "mass"),
    ("tonnes", "metric_ton", "mass"), ("toneladas", "metric_ton", "mass"), ("short tons", "short_ton", "mass"),
    ("percent", "percent", "percent"), ("per cent", "percent", "percent"), ("%", "percent", "percent"),
    ("por ciento", "percent", "percent"), ("hectares", "hectare", "area"), ("hectáreas", "hectare", "area"),
    ("years", "year", "duration"), ("months", "month", "duration"), ("days", "day", "duration"),
    ("años", "year", "duration"), ("dollars", "usd", "currency"), ("pesos", "mxn", "currency"),
])
def test_spellings(spelling, code, kind):
    m = UNIT.match(" " + spelling)
    assert m is not None and m.group("unit").lower() == spelling.lower()
    assert unit_info(m.group("unit")) == (code, kind)


@pytest.mark.parametrize("text", [" G7", "G", " HA", " gross", " kgb", " tonight", " percentile"])
def test_not_units(text):
    m = UNIT.match(text)
    assert m is None


@pytest.mark.parametrize("code, kg", [("lb", 0.45359237), ("kg", 1.0), ("g", 0.001), ("oz", 0.028349523125),
                                      ("short_ton", 907.18474), ("metric_ton", 1000.0)])
def test_one_unit_in_kilograms(code, kg):
    assert to_kg(1, code) == pytest.approx(kg, rel=1e-12)


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
       st.sampled_from(["lb", "g", "oz", "short_ton", "metric_ton"]))
def test_conversion_matches_pint(value, code):
    name = {"lb": "pound", "g": "gram", "oz": "ounce", "short_ton": "short_ton", "metric_ton": "metric_ton"}[code]
    assert to_kg(value, code) == pytest.approx(UREG.Quantity(value, name).to("kg").magnitude, rel=1e-12)


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_conversion_is_linear_and_ordered(value):
    assert to_kg(value, "lb") <= to_kg(value, "kg") <= to_kg(value, "short_ton") <= to_kg(value, "metric_ton")
    assert to_kg(2 * value, "lb") == pytest.approx(2 * to_kg(value, "lb"))


@pytest.mark.parametrize("before, code", [
    ("Mexico has destroyed 2,131 clandestine laboratories, and seized ", "metric_ton"),
    ("Through these actions, the Government of Mexico prevented the production of approximately ", "metric_ton"),
    ("SEDENA reported the seizure of ", "metric_ton"),
    ("CBP officers at the World Trade Bridge seized ", "short_ton"),
    ("The U.S.-Mexico task force seized ", "short_ton"),
    ("Border Patrol agents in New Mexico seized ", "short_ton"),
    ("A truck coming from Mexico carried ", "short_ton"),
    ("Mexican authorities passed a tip to DEA agents, who seized ", "short_ton"),
])
def test_tons_by_reporter(before, code):
    got, reason = resolve_tons(before)
    assert got == code
    assert reason.startswith("metric" if code == "metric_ton" else "short") and "by_reporter" in reason


def test_tons_rule_must_be_known():
    with pytest.raises(ValueError):
        resolve_tons("", "imperial")


@pytest.mark.parametrize("spelling, code, kind", [
    ("milligrams", "mg", "mass"), ("mg", "mg", "mass"), ("miligramos", "mg", "mass"), ("gr", "g", "mass"),
    ("pct", "percent", "percent"), ("mdp", "mxn", "currency"), ("mdd", "usd", "currency"),
    ("puntos porcentuales", "percent", "percent"),
])
def test_more_spellings(spelling, code, kind):
    m = UNIT.match(" " + spelling)
    assert m is not None and m.group("unit") == spelling
    assert unit_info(spelling) == (code, kind)


@pytest.mark.parametrize("text", [" MG", " Mg", " GR", " Gr"])
def test_short_abbreviations_are_case_sensitive(text):
    assert UNIT.match(text) is None


def test_units_outside_the_contract_are_restated_by_pint():
    value, code, why = restate(2, "mg")
    assert (value, code) == (pytest.approx(UREG.Quantity(2, "milligram").to("gram").magnitude), "g") and "mg" in why
    assert restate(2, "kg") == (2, "kg", None) and restate(None, "mg")[:2] == (None, "g")


@pytest.mark.parametrize("text, unit", [(" t of cocaine", "t"), ("t.", "t")])
def test_the_tonne_symbol_is_a_metric_ton(text, unit):
    m = UNIT.match(text)
    assert m is not None and m.group("unit") == unit and unit_info(unit) == ("metric_ton", "mass")


@pytest.mark.parametrize("text", [" t-shirts", " T of cocaine", " t/h", " t's"])
def test_not_the_tonne_symbol(text):
    m = UNIT.match(text)
    assert m is None or m.group("unit") != "t" and m.group("unit") != "T"


# --- decimals without a leading zero; "US tons" are short tons --------------------------------------
@pytest.mark.parametrize("text, surface, value, unit", [
    ("A second search of the trunk turned up .42 pounds of heroin.", ".42 pounds", 0.42, "lb"),
    ("En la mochila había (.8 kilogramos) de metanfetamina.", ".8 kilogramos", 0.8, "kg"),
    ("The cutter offloaded roughly 6.5 US tons of cocaine in Miami.", "6.5 US tons", 6.5, "short_ton"),
    ("Crews recovered 2 U.S. tons of marijuana from the semi-submersible.", "2 U.S. tons", 2, "short_ton"),
])
def test_leading_dot_decimals_and_us_tons(text, surface, value, unit):
    from pipeline.core.extract.mentions import extract_mentions
    found = [(m.surface, m.value, m.unit) for m in extract_mentions(text)]
    assert found == [(surface, value, unit)]


@pytest.mark.parametrize("text", ["The ratio was .5 in the study.", "See section 2.5 and page .3 of the annex."])
def test_leading_dot_without_unit_is_no_figure(text):
    from pipeline.core.extract.mentions import extract_mentions
    assert extract_mentions(text) == []
