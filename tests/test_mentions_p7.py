"""Held-out corpus p7 (tests/data/probes_extract/p7): the general patterns its first score showed
missing, each pinned with sentences from p7 or written alike (tables whose column headers carry the
unit, the scale or the counted noun; ...). Every test failed on the code before its fix."""
from pipeline.core.extract.cleaning import clean
from pipeline.core.extract.measure import measure_text


def rows(original):
    """(surface in the original, kind, value, unit, subject) of every non-vague figure: the per-file path."""
    return [(original[r["char_start"]:r["char_end"]], r["kind"], r["value"], r["unit"], r["subject"])
            for r in measure_text(clean(original)) if not r.get("is_vague")]


# --- tables: the column header gives the unit, the scale or the counted noun of its cells ------------
_GRID = """Table 3. Southwest border seizures

+-----------------+--------------+--------------+----------+
| Substance       | FY2024 (lbs) | FY2025 (lbs) | Change % |
+=================+==============+==============+==========+
| Heroin          | 4,210        | 3,980        | -5.5     |
+-----------------+--------------+--------------+----------+
| Cocaine         | 48,750       | 52,010       | +6.7     |
+-----------------+--------------+--------------+----------+
"""


def test_a_grid_tables_rules_do_not_hide_its_header():
    got = rows(_GRID)
    assert ("4,210", "mass", 4210.0, "lb", "Heroin") in got
    assert ("52,010", "mass", 52010.0, "lb", "Cocaine") in got
    assert not [r for r in got if r[1] == "count"]


def test_a_signed_cell_under_a_percent_header_is_a_percent():
    got = {(s, k, v) for s, k, v, _, _ in rows(_GRID)}
    assert ("5.5", "percent", 5.5) in got and ("6.7", "percent", 6.7) in got


def test_a_signed_cell_under_no_percent_header_is_nothing():
    got = rows("| Port | Arrests | Change |\n|---|---|---|\n| Laredo | 14 | -3 |\n")
    assert [r[0] for r in got] == ["14"]


_MONEY_TABLE = """| Program                    | FY2026 enacted ($000) | FY2027 request ($000) |
|----------------------------|----------------------:|----------------------:|
| Port scanners              |                63,200 |                71,500 |
| **Total**                  |            **70,200** |            **76,500** |
"""


def test_a_currency_scale_in_the_header_makes_cells_amounts():
    got = rows(_MONEY_TABLE)
    assert ("63,200", "currency", 63200000.0, "usd", "Port scanners") in got
    assert ("76,500", "currency", 76500000.0, "usd", "Total") in got


def test_a_currency_scale_in_a_label_line():
    # was pinned as "not a quantity" (test_mentions_heldout): a reader reads $12 million of seizures
    assert rows("Seizures (USD millions) | 12\n") == [("12", "currency", 12000000.0, "usd", "Seizures")]


def test_a_peso_scale_in_the_header():
    got = rows("| Estado | Decomisos (millones de pesos) |\n|---|---|\n| Sonora | 45.5 |\n")
    assert ("45.5", "currency", 45500000.0, "mxn", "Decomisos Sonora") in got


def test_the_header_names_what_a_column_counts():
    text = ("| Entidad | Fentanilo (kg) | Armas (piezas) | Detenidos |\n|---|---:|---:|---:|\n"
            "| Sinaloa | 186.4 | 412 | 238 |\n| Sonora | 92.7 | 195 | 141 |\n")
    got = rows(text)
    assert ("186.4", "mass", 186.4, "kg", "Fentanilo Sinaloa") in got
    assert ("412", "count", 412.0, "count", "Armas Sinaloa") in got
    assert ("141", "count", 141.0, "count", "Detenidos Sonora") in got


def test_a_cell_with_a_fraction_counts_nothing():
    # the figures are in a unit the flattened table no longer shows ("Funding ($ millions)")
    text = ("Activity                     Funding ($ millions)   Units delivered\n"
            "Inspection units                  42.5                 18\n"
            "Canine teams                      6.8                  64\n")
    got = rows(text)
    assert not [r for r in got if r[1] == "count" and r[2] != int(r[2])]
