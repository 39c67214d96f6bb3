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


# --- label lines ("Label: figure"): quoted e-mail lines, a restating parenthesis, several on one line ---
def test_a_quoted_email_line_is_still_a_label_line():
    got = rows("> - Personas extraditadas: 61\n> - Laboratorios inhabilitados: 1,310\n")
    assert ("61", "count", 61.0, "count", "Personas extraditadas") in got
    assert ("1,310", "count", 1310.0, "count", "Laboratorios inhabilitados") in got


def test_a_labelled_figure_restated_in_parentheses():
    got = rows("* Synthetic drug labs dismantled: 912\n* Arrests tied to fentanyl: 4,130 (+22%)\n")
    assert ("4,130", "count", 4130.0, "count", "Arrests tied to fentanyl") in got
    assert ("22%", "percent", 22.0, "percent", "Arrests tied to fentanyl") in got


def test_two_stat_sentences_on_one_line_and_a_closing_year_in_the_label():
    got = rows("Total obligated: $63.6 million. Vetted officers trained since 2022: 3,870.\n")
    assert ("$63.6 million", "currency", 63600000.0, "usd", "Total obligated") in got
    assert ("3,870", "count", 3870.0, "count", "Vetted officers trained since 2022") in got


def test_a_thousands_abbreviation_in_a_label_line():
    assert rows("* Guns seized heading south: 7,450\n* eTrace requests processed: 38K\n")[1] == \
        ("38K", "count", 38000.0, "count", "eTrace requests processed")


def test_a_share_label_names_its_percent():
    assert rows("Share traced to U.S. retail sale: 74%\n") == \
        [("74%", "percent", 74.0, "percent", "Share traced to U.S. retail sale")]


def test_a_leading_zero_writes_a_code_not_a_count():
    got = rows("Decomisos de fentanilo: 1,200 kg\nDenuncias anónimas: 089\n")
    assert [r[0] for r in got] == ["1,200 kg"]


# --- number words restated in digits inside parentheses, as court filings write them ----------------
def test_number_words_restated_in_parentheses_are_one_figure():
    got = rows("The defendant admitted to distributing four hundred (400) grams or more of fentanyl and "
               "forfeits Seventeen (17) firearms. The Court imposes one hundred twenty (120) months, "
               "followed by four (4) years of supervised release.")
    assert [(s, k, v) for s, k, v, _, _ in got] == [
        ("four hundred (400) grams", "mass", 400.0), ("Seventeen (17) firearms", "count", 17.0),
        ("one hundred twenty (120) months", "duration", 120.0), ("four (4) years", "duration", 4.0)]


def test_an_amount_in_words_restated_after_its_unit():
    got = rows("se impuso una multa de tres mil dólares (3,000) y una pena de cinco (5) años de prisión.")
    assert [(s, k, v) for s, k, v, _, _ in got] == [("tres mil dólares (3,000)", "currency", 3000.0),
                                                    ("cinco (5) años", "duration", 5.0)]


# --- Spanish numerals and compound amounts ----------------------------------------------------------
def test_a_spoken_million_then_digits_is_one_numeral():
    got = rows("Se aseguraron más de un millón 900 mil cartuchos y dos millones 300 mil dosis.")
    assert [(s, v) for s, _, v, _, _ in got] == [("un millón 900 mil cartuchos", 1900000.0),
                                                 ("dos millones 300 mil dosis", 2300000.0)]


def test_a_compound_amount_is_one_mention_in_its_larger_unit():
    got = rows("dictó sentencia de 15 años y 6 meses de prisión; otro recibió 5 years and 6 months. "
               "Se aseguró 1 tonelada 200 kilos de cocaína y 3 kilos 400 gramos de heroína.")
    assert [(s, k, round(v, 6), u) for s, k, v, u, _ in got] == [
        ("15 años y 6 meses", "duration", 15.5, "year"), ("5 years and 6 months", "duration", 5.5, "year"),
        ("1 tonelada 200 kilos", "mass", 1.2, "metric_ton"), ("3 kilos 400 gramos", "mass", 3.4, "kg")]


def test_a_second_period_that_is_no_part_stays_apart():
    # negative: 14 months is no part of a year; days are not months
    got = rows("served 10 years and 14 months, then 3 years and 2 days")
    assert [s for s, *_ in got] == ["10 years", "14 months", "3 years", "2 days"]


# --- a web page's front matter ----------------------------------------------------------------------
def test_a_front_matter_field_is_no_label_line():
    got = rows('---\ntitle: "Officers seize fentanyl"\nshare_count: 112\nword_count: 640\n---\n\nOfficers seized 48 pounds.\n')
    assert [s for s, *_ in got] == ["48 pounds"]
