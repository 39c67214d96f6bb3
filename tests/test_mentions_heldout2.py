"""Patterns found on a second held-out set (HSI releases, fiscalía comunicados, CRS/INCSR reports with
tables, chart captions, city crime bulletins, court dockets): each case failed before its fix."""
from __future__ import annotations

import pytest

from pipeline.core.extract.mentions import extract_mentions


def _by_surface(text):
    return {m.surface: m for m in extract_mentions(text)}


# --- mentions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, wanted", [
    # a Spanish date ("12 de junio") is no count, whatever follows it
    ("El pasado 12 de junio elementos de la Policía Estatal localizaron 87 envoltorios.", ["87 envoltorios"]),
    ("Desde el 3 de marzo agentes federales detuvieron a 14 personas.", ["14 personas"]),
    ("Del primero de octubre a la fecha se han asegurado 500 armas.", ["500 armas"]),
    # hours abbreviated are a time, not counted things (and not a contract unit)
    ("In just 72 hrs, agents apprehended 1,214 migrants.", ["1,214 migrants"]),
    ("Over 36 hrs the unit made 9 arrests.", ["9 arrests"]),
])
def test_dates_and_hours_are_not_counts(text, wanted):
    assert [m.surface for m in extract_mentions(text)] == wanted


def test_a_date_de_a_number_of_things_stays_a_count():
    # negative: "12 de los 40" is a part of a set, not a date
    assert [m.value for m in extract_mentions("Se detuvo a 12 de los 40 integrantes de la banda.")] == [12, 40]


TABLE_EN = """Table 1. Reported seizures by Mexican authorities, 2021-2024 (kilograms)
Drug            2021      2022      2023
Cocaine         29,877    21,653    19,120
Heroin          610       540       311
"""

TABLE_ES = """Cuadro 2. Erradicación (hectáreas)
Cultivo       2022     2023
Amapola       7,620    6,101
Marihuana     350      198
"""


def test_a_table_with_comma_thousands_splits_space_separated_cells_and_takes_the_caption_unit():
    found = extract_mentions(TABLE_EN)
    assert [(m.surface, m.kind, m.value, m.unit) for m in found] == [
        ("29,877", "mass", 29877, "kg"), ("21,653", "mass", 21653, "kg"), ("19,120", "mass", 19120, "kg"),
        ("610", "mass", 610, "kg"), ("540", "mass", 540, "kg"), ("311", "mass", 311, "kg")]
    assert {m.subject for m in found} == {"Cocaine", "Heroin"}


def test_a_spanish_table_caption_gives_its_area_unit():
    found = extract_mentions(TABLE_ES)
    assert [(m.value, m.kind, m.unit) for m in found] == [(7620, "area", "hectare"), (6101, "area", "hectare"),
                                                           (350, "area", "hectare"), (198, "area", "hectare")]


@pytest.mark.parametrize("text, value", [
    # negative: French/Spanish typography groups thousands with spaces in prose
    ("They seized 1 500 kg of cocaine.", 1500),
    # negative: a table without any comma grouping keeps space-grouped numbers
    ("Arrests 1 234 987\nSeizures 2 345 876", 1234987),
])
def test_space_grouped_thousands_outside_comma_tables_stay_one_number(text, value):
    assert extract_mentions(text)[0].value == value


def test_a_caption_without_a_unit_leaves_counts():
    text = "Arrests by state (number)\nSonora  1,200  1,300\nSinaloa  900  800\n"
    assert {(m.kind, m.unit) for m in extract_mentions(text)} == {("count", "count")}


@pytest.mark.parametrize("text, surface, value, subject", [
    ("Durante octubre se registraron 71 homicidios dolosos en el municipio, 19 menos que en septiembre.",
     "19", 19, "homicidios dolosos"),
    ("Agents made 340 arrests, 12 more than last year.", "12", 12, "arrests"),
    ("La corporación cuenta con 2,146 agentes activos, 130 más que al inicio de la administración.",
     "130", 130, "agentes activos"),
    ("El municipio sumó 71 homicidios, 19 menos que en septiembre (90) y 23 menos que en octubre.",
     "23", 23, "homicidios"),
])
def test_a_difference_with_the_count_before_it_counts_the_same_thing(text, surface, value, subject):
    m = _by_surface(text)[surface]
    assert (m.kind, m.value, m.subject) == ("count", value, subject)


@pytest.mark.parametrize("text", [
    "He served 12 more than anyone.",  # no count before it
    "The agency hired 45 agents in 2024. 30 more than planned were needed.",  # another sentence
])
def test_more_than_without_a_count_before_is_no_figure(text):
    assert [m.value for m in extract_mentions(text) if m.value in (12, 30)] == []


@pytest.mark.parametrize("text, surface, subject", [
    ("HSI operation dismantles smuggling network; 27 arrested", "27", "people arrested"),
    ("5 killed in shootout near Culiacán.", "5", "people killed"),
    ("Agents seized 1,200 pounds of cocaine; 40 arrested in the sweep.", "40", "people arrested"),
    ("Bus crash on Highway 15: 12 dead, 4 missing.", "4", "people missing"),
])
def test_headline_participles_count_people(text, surface, subject):
    m = _by_surface(text)[surface]
    assert (m.kind, m.subject) == ("count", subject)


@pytest.mark.parametrize("text", [
    "In 2023 3 charged him with fraud.",  # the participle takes an object: no people left out
    "The 2024 report was charged to the account.",
])
def test_participles_with_an_object_or_years_are_no_counts(text):
    assert [m for m in extract_mentions(text) if m.kind == "count"] == []


@pytest.mark.parametrize("text, surface, subject", [
    ("Of 7 defendants, 5 have been sentenced to a combined 712 months.", "5", "defendants have been sentenced"),
    ("De los 40 detenidos, 12 fueron vinculados a proceso.", "12", "detenidos fueron vinculados a proceso"),
    ("Among the 30 fugitives, 8 remain at large in Michoacán.", "8", "fugitives remain at large in Michoacán"),
])
def test_a_part_of_the_set_a_sentence_opens_with(text, surface, subject):
    m = _by_surface(text)[surface]
    assert (m.kind, m.subject) == ("count", subject)


def test_a_part_needs_the_set_to_open_the_sentence():
    # negative: "3 said no" after a count that does not open the sentence
    assert [m.value for m in extract_mentions("Police questioned 12 agents, 3 said no.")] == [12]


@pytest.mark.parametrize("text, surface, subject", [
    ("Deaths peaked at about 76,000 in 2022.", "76,000", "Deaths"),
    ("Homicides hovered near 34,000 from 2018 to 2020.", "34,000", "Homicides"),
    ("Health Canada scheduled 6 new chemicals, bringing the total number of regulated precursors to 29.",
     "29", "regulated precursors"),
    ("The transfer brings the number of extradited fugitives to 55.", "55", "extradited fugitives"),
])
def test_levels_whose_noun_the_verb_left_out(text, surface, subject):
    m = _by_surface(text)[surface]
    assert (m.kind, m.subject) == ("count", subject)


def test_a_level_of_a_price_is_not_a_count():
    assert extract_mentions("The price peaked at 40 in 2021.") == []


def test_a_set_after_a_lead_in_label():
    m = _by_surface("Summary: Of 7 defendants, 5 have been sentenced to a combined 712 months.")["5"]
    assert m.subject == "defendants have been sentenced"


@pytest.mark.parametrize("text, surface, subject", [
    ("The daily average fell from 86 victims in September to 59 in August.", "59", "victims"),
    ("El promedio diario bajó de ochenta y seis víctimas en septiembre a cincuenta y nueve en agosto.",
     "cincuenta y nueve", "víctimas"),
    ("Se desmantelaron 41 laboratorios clandestinos, de los cuales 17 se ubicaban en la sierra.", "17",
     "laboratorios clandestinos"),
    ("Agents dismantled 41 labs, of which 17 were in Sinaloa.", "17", "labs dismantled"),
    ("Del total de víctimas, 63 fueron hombres y 8 mujeres.", "63", "víctimas fueron hombres"),
    ("Among the detainees, 12 were minors.", "12", "detainees were minors"),
])
def test_bare_figures_of_a_from_to_change_a_part_or_a_named_set(text, surface, subject):
    m = _by_surface(text)[surface]
    assert (m.kind, m.subject) == ("count", subject)


def test_a_mass_from_to_change_across_years():
    m = _by_surface("Seizures fell from 2,000 pounds in 2023 to 1,500 in 2024.")["1,500"]
    assert (m.kind, m.unit, m.value) == ("mass", "lb", 1500)


@pytest.mark.parametrize("text", [
    "Agents drove 12 detainees to 5 in the morning.",  # no "from": not a change of level
    "Of these, 5 have been sentenced.",  # no set named in the sentence
    "Of course, 5 are enough.",
    "Values are rounded to two significant digits.",  # digits are not counted things
])
def test_no_bare_figure_without_its_set(text):
    assert [m.value for m in extract_mentions(text) if m.value in (5, 2)] == []
