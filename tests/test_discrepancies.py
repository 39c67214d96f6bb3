"""Discrepancies: facts of different documents stating one dated event with different values.

The texts are written for these tests (varied wording, English and Spanish) and read by the
project's extractor, so the rule is tested on the figures and subjects a real run gives it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pipeline.core.extract.cleaning import clean
from pipeline.core.extract.mentions import extract_mentions
from pipeline.core.reconcile.model import Figure, SourceDoc
from pipeline.core.reconcile.reconciliation import reconcile

SOURCES = Path(__file__).resolve().parents[1] / "sources"


def source(name: str, text: str) -> SourceDoc:
    text = clean(text).text
    figures = tuple(Figure(m.kind, m.value, m.unit, m.subject, m.qualifier, m.surface, m.sentence,
                           hashlib.sha256(f"{name}:{m.char_start}:{m.char_end}".encode()).hexdigest()[:16])
                    for m in extract_mentions(text))
    return SourceDoc(name, hashlib.sha256(text.encode()).hexdigest(), text, figures)


def discrepancies(**texts: str) -> list[dict]:
    rec = reconcile([source(name, text) for name, text in texts.items()])
    assert len(rec.document_rows) == len(texts)  # each text its own document: these are not versions
    return rec.discrepancy_rows


def values(rows: list[dict]) -> set[frozenset[float]]:
    return {frozenset((r["value_a"], r["value_b"])) for r in rows}


# --- dates: the forms a text writes them in ------------------------------------------------

@pytest.mark.parametrize("sentence, dates", [
    ("Agents seized the load on Sept. 27 near Nogales.", {"--09-27"}),
    ("The shipment was stopped Sep 4 at the Laredo bridge.", {"--09-04"}),
    ("On June 27, 2024, officers found the tunnel.", {"2024-06-27"}),
    ("The raid took place on 27 June 2024 in Tijuana.", {"2024-06-27"}),
    ("It happened on the 3rd of March, as the report says.", {"--03-03"}),
    ("El 27 de junio, la Marina aseguró el cargamento.", {"--06-27"}),
    ("La Fiscalía informó el 3 de septiembre de 2023 sobre el caso.", {"2023-09-03"}),
    ("El operativo del 3 de sept. del 2023 dejó cinco detenidos.", {"2023-09-03"}),
    ("Según el reporte del 1º de Mayo, hubo 12 detenidos.", {"--05-01"}),
    ("The report dated 2024-06-27 lists the seizures.", {"2024-06-27"}),
    ("The record of 27/06/2024 shows the arrest.", {"2024-06-27"}),
    ("The record of 06/07/2024 shows the arrest.", set()),  # which number is the month is not known
    ("In June, Mexico seized 7,691 kilograms of fentanyl.", set()),  # a month is not a day
    ("By June 2024 the task force had charged 40 people.", set()),
    ("Officials said they may 12 times a year inspect the site.", set()),  # "may" is not May
    ("Officers found the load on February 29, 2023.", set()),  # no such day
    ("Both governments met on Dec. 30 and again on Jan 3.", {"--12-30", "--01-03"}),
])
def test_the_dates_a_sentence_states(sentence, dates):
    from pipeline.core.reconcile.dates import sentence_dates
    assert sentence_dates(sentence) == dates


@pytest.mark.parametrize("date, published_on, resolved", [
    ("--06-27", dt.date(2024, 7, 2), "2024-06-27"),
    ("--12-30", dt.date(2025, 1, 4), "2024-12-30"),  # reported early in the next year
    ("--07-20", dt.date(2024, 7, 2), "2024-07-20"),  # a date soon after publication: an announced one
    ("--06-27", None, "--06-27"),  # no publication date: the year stays unknown
    ("2022-06-27", dt.date(2024, 7, 2), "2022-06-27"),  # a stated year is kept
])
def test_a_date_without_a_year_takes_the_year_of_publication(date, published_on, resolved):
    from pipeline.core.reconcile.dates import resolve
    assert resolve(date, published_on) == resolved


# --- dates: one event, or two ----------------------------------------------------------------

def test_an_abbreviated_month_names_the_same_day():
    rows = discrepancies(
        a="Nogales seizure\n\nCBP officers at the Nogales port seized 412 pounds of fentanyl on Sept. 27, "
          "the agency said in a statement.\n",
        b="Fentanyl found in truck\n\nOn September 27, inspectors in Nogales, Arizona, found 380 pounds of "
          "fentanyl hidden under a load of cucumbers.\n")
    assert values(rows) == {frozenset({412.0, 380.0})}
    assert rows[0]["event_date"] == "--09-27"


def test_spanish_dates_with_and_without_a_year():
    rows = discrepancies(
        a="Rescatan a migrantes en Veracruz\n28 de junio de 2024\n\nLa Guardia Nacional rescató a 53 migrantes "
          "de un tractocamión abandonado en Acayucan, Veracruz, el 27 de junio.\n",
        b="Hallan migrantes en tractocamión\n\nLas autoridades informaron que el 27 de junio de 2024 "
          "encontraron a 49 migrantes en la caja de un tractocamión en Acayucan.\n")
    assert values(rows) == {frozenset({53.0, 49.0})}
    assert rows[0]["event_date"] == "2024-06-27"


def test_day_first_and_month_first_english_dates_meet():
    rows = discrepancies(
        a="Tunnel found under the border\n\nOn June 27, 2024, agents in Calexico discovered a tunnel and "
          "seized 1,870 pounds of cocaine stored inside it.\n",
        b="Calexico tunnel\n\nThe tunnel, found in Calexico on 27 June 2024, held 1,650 pounds of cocaine, "
          "investigators told reporters.\n")
    assert values(rows) == {frozenset({1870.0, 1650.0})}


def test_the_same_day_of_two_years_is_two_events():
    rows = discrepancies(
        a="Migrants found in trailer\n\nOn June 27, 2022, police found 53 migrants in a trailer on the "
          "outskirts of San Antonio.\n",
        b="Another trailer tragedy\n\nTwo years later, on June 27, 2024, rescuers pulled 51 migrants from "
          "a trailer near San Antonio.\n")
    assert rows == []


def test_a_date_without_a_year_is_in_the_year_of_its_document():
    in_2022 = ("Migrants found near San Antonio\nJuly 1, 2022\n\nPolice said on June 27 that 53 migrants were "
               "found in a trailer near San Antonio.\n")
    in_2024 = ("Rescue near San Antonio\nJuly 3, 2024\n\nOn June 27, deputies rescued 51 migrants from a "
               "trailer parked near San Antonio.\n")
    undated_2022 = ("Looking back\n\nThe count of migrants found in the trailer near San Antonio on "
                    "June 27, 2022 was later revised to 50 migrants.\n")
    assert discrepancies(a=in_2022, b=in_2024) == []
    rows = discrepancies(a=in_2022, c=undated_2022)
    assert values(rows) == {frozenset({53.0, 50.0})}
    assert rows[0]["event_date"] == "2022-06-27"


def test_a_december_day_reported_in_january_is_of_the_year_before():
    rows = discrepancies(
        a="Year-end seizure in Sonoyta\nJanuary 4, 2025\n\nSoldiers in Sonoyta seized 96 rifles on Dec. 30, "
          "the defense ministry said.\n",
        b="Rifles seized in Sonoyta\n\nOn December 30, 2024, soldiers stopped a van in Sonoyta carrying "
          "104 rifles bound for Caborca.\n")
    assert values(rows) == {frozenset({96.0, 104.0})}
    assert rows[0]["event_date"] == "2024-12-30"


def test_the_seeds_51_and_53_migrants_are_one_event_of_2022():
    rec = reconcile([source(p.name, p.read_text(encoding="utf-8")) for p in sorted(SOURCES.glob("*.txt"))])
    (row,) = rec.discrepancy_rows
    assert {row["value_a"], row["value_b"]} == {51.0, 53.0}
    assert row["event_date"] == "2022-06-27"  # the 2022 statement's year; 004 states none


# --- names: what the texts share beyond the date -------------------------------------------

@pytest.mark.parametrize("sentence, names", [
    ("Officials said the Mexican Government and the Department of State met on Monday, June 27.", set()),
    ("Marines seized 1,300 kilograms in Culiacán, Sinaloa, during Operation Sentinel.",
     {"culiacan", "sinaloa", "sentinel"}),
    ("Agents of the DEA and CBP seized 40 pounds at the San Ysidro crossing.", {"ysidro"}),
    ("La Guardia Nacional y el Gobierno de México informaron el lunes 27 de junio.", set()),
    ("Police in McAllen arrested four people after the chase.", {"mcallen"}),
    ("In September, American and Mexican authorities opened a joint office in Texas.", {"texas"}),
    ("The Government's cabinet met Sinaloa's governor and the Drug Enforcement Administration.", {"sinaloa"}),
])
def test_the_names_a_sentence_gives(sentence, names):
    from pipeline.core.reconcile.discrepancies import sentence_names
    assert sentence_names(sentence) == names


def test_common_words_do_not_make_two_seizures_one_event():
    rows = discrepancies(
        oaxaca="Army seizes meth lab in Oaxaca\nJune 30, 2023\n\nOn Monday, June 27, the Mexican Army and the "
               "Government of Oaxaca seized 1,150 kilograms of methamphetamine at a ranch near Tuxtepec, the "
               "Department of Defense said.\n",
        sinaloa="Navy raid in Culiacán\nJune 29, 2023\n\nThe Mexican Navy said that on Monday, June 27, marines "
                "seized 1,300 kilograms of methamphetamine in a warehouse in Culiacán, Sinaloa, according to the "
                "Government's security cabinet and the Department of the Navy.\n")
    assert rows == []


def test_common_spanish_words_do_not_make_two_seizures_one_event():
    rows = discrepancies(
        oaxaca="Aseguran droga en Oaxaca\n\nEl lunes 27 de junio, la Guardia Nacional y el Gobierno de México "
               "aseguraron 820 kilos de cocaína en una bodega de Juchitán, Oaxaca.\n",
        sinaloa="Decomiso en Sinaloa\n\nLa Guardia Nacional informó que el 27 de junio aseguró 760 kilos de "
                "cocaína en un rancho de Navolato, Sinaloa, con apoyo del Gobierno de México.\n")
    assert rows == []


def test_oaxaca_2022_and_sinaloa_2024_on_june_27_are_two_events():
    rows = discrepancies(
        oaxaca="Seizure in Oaxaca\nJune 29, 2022\n\nMexican soldiers seized 2,100 pounds of marijuana on June 27 "
               "in Oaxaca, the Government said.\n",
        sinaloa="Seizure in Sinaloa\nJuly 1, 2024\n\nMexican soldiers seized 1,900 pounds of marijuana on June 27 "
                "in Sinaloa, the Government said.\n")
    assert rows == []


def test_a_place_written_with_and_without_its_accent_is_one_name():
    rows = discrepancies(
        a="Navy raid\n\nOn March 14, marines seized 320 kilograms of cocaine at a warehouse in Culiacán.\n",
        b="Cocaine seized\n\nSoldiers found 290 kilograms of cocaine in Culiacan on March 14, local media "
          "reported.\n")
    assert values(rows) == {frozenset({320.0, 290.0})}
    assert rows[0]["shared_names"] == ["culiacan"]


def test_an_operation_named_in_both_texts_names_the_event():
    rows = discrepancies(
        a="Operation results\n\nDuring Operation Tlaloc on May 9, federal agents arrested 31 suspects in "
          "three states.\n",
        b="Arrests announced\n\nProsecutors said 34 suspects were arrested on May 9 in Operation Tlaloc, "
          "more than first reported.\n")
    assert values(rows) == {frozenset({31.0, 34.0})}
    assert rows[0]["shared_names"] == ["tlaloc"]


@pytest.mark.parametrize("sentence, names", [
    ("Officials of the National Migration Institute said 40 migrants were found on July 2.", set()),
    ("Según el Instituto Nacional de Migración, el 2 de julio se rescató a 40 personas en Tapachula.",
     {"tapachula"}),
    ("Secretary Mayorkas said the 300 kilograms were seized in Sonoyta.", {"sonoyta"}),
    ("On Tuesday President López Obrador said 19 soldiers were hurt in Michoacán.", {"michoacan"}),
    ("The Federal Bureau of Investigation and the Sinaloa state police arrested 7 people.", {"sinaloa"}),
    ("Agents of the Attorney General's Office detained the pilot in Tapachula, Chiapas.", {"tapachula", "chiapas"}),
])
def test_institutions_and_office_holders_do_not_name_an_event(sentence, names):
    from pipeline.core.reconcile.discrepancies import sentence_names
    assert sentence_names(sentence) == names


def test_an_institution_and_a_minister_cited_by_two_unrelated_reports_are_not_one_event():
    rows = discrepancies(
        a="Soldiers ambushed\n\nSecretary García Harfuch said 17 soldiers were wounded on April 22 in an ambush "
          "near Tecpan, according to the Secretariat of Security and Citizen Protection.\n",
        b="Attack on a convoy\n\nOn April 22, 15 soldiers were wounded when gunmen attacked a convoy near "
          "Aguililla, Secretary García Harfuch told the Secretariat of Security and Citizen Protection.\n")
    assert rows == []


# --- the counted thing, in either language ---------------------------------------------------

def test_an_english_and_a_spanish_report_of_one_event_meet():
    rows = discrepancies(
        en="Migrants found in Piedras Negras\n\nOn March 8, officers found 27 migrants in a boxcar of a freight "
           "train stopped in Piedras Negras.\n",
        es="Hallan migrantes en un tren\n\nEl 8 de marzo, agentes encontraron a 31 migrantes dentro de un vagón "
           "de tren de carga en Piedras Negras.\n")
    assert values(rows) == {frozenset({27.0, 31.0})}
    assert rows[0]["shared_names"] == ["negras", "piedras"]


def test_cognate_drug_names_count_one_thing_and_other_things_do_not():
    cocaine = "Seizure at Manzanillo\n\nOn May 30, customs officers in Manzanillo seized 1,400 kilograms of cocaine.\n"
    cocaina = "Aseguran droga en Manzanillo\n\nEl 30 de mayo se aseguraron 1,250 kilogramos de cocaína en Manzanillo.\n"
    marijuana = ("Otro decomiso\n\nEl 30 de mayo se aseguraron 1,250 kilogramos de marihuana en el puerto de "
                 "Manzanillo.\n")
    assert values(discrepancies(a=cocaine, b=cocaina)) == {frozenset({1400.0, 1250.0})}
    assert discrepancies(a=cocaine, c=marijuana) == []


# --- an event dated once, in the lead: the figure's own sentence states no date ---------------

LEAD_DATED = """Agents Rescue Migrants From Trailer at Cotulla Checkpoint
October 3, 2026

COTULLA, Texas - On Sept. 29, Border Patrol agents at the Cotulla checkpoint stopped a tractor-trailer on Interstate 35.
Inside the trailer they found 48 migrants, several of them suffering from heat exhaustion. The driver was arrested.
"""

LEAD_DATED_REWRITE = """Dozens found in hot trailer near Cotulla
October 3, 2026

A routine inspection at the Cotulla checkpoint on Sept. 29 turned into a rescue, according to the Border Patrol.
Agents counted 84 migrants packed in the back of the rig, a spokesman said; the driver is in custody.
"""

OTHER_DAYS = """Weekly Border Patrol summary
October 3, 2026

On Sept. 29 agents in Cotulla stopped a trailer. On Sept. 30 agents in Laredo found a stash house.
Inside the houses agents found 84 migrants.
"""


def test_a_fact_takes_the_one_event_date_its_text_states_in_the_lead():
    """48 vs 84 migrants: neither figure's sentence dates the rescue; each text dates it once."""
    rows = discrepancies(a=LEAD_DATED, b=LEAD_DATED_REWRITE)
    assert values(rows) == {frozenset((48.0, 84.0))} and rows[0]["event_date"] == "2026-09-29"


def test_a_text_dating_several_days_gives_an_undated_figure_no_date():
    assert discrepancies(a=LEAD_DATED, c=OTHER_DAYS) == []


def test_only_a_date_in_the_lead_dates_the_figures_of_a_text():
    from pipeline.core.reconcile.discrepancies import document_event
    published = dt.date(2026, 10, 3)
    assert document_event(clean(LEAD_DATED).text, published)[0] == {"2026-09-29"}
    statement = ("Joint Statement on Border Security\nOctober 3, 2026\n\n"
                 "The two governments reviewed a year of cooperation against arms trafficking and smuggling.\n"
                 "Investigators traced 86 firearms this year.\n"
                 "On Sept. 29, agents in Reynosa seized 214 firearms from a warehouse.\n")
    assert document_event(statement, published) == (frozenset(), frozenset())


def test_a_counted_thing_is_one_across_languages_and_synonyms():
    """"armas" and "guns": one thing counted (37 vs 73 on March 3 in Nogales)."""
    en = ("Agents Seize Guns at Nogales Port\nMarch 4, 2026\n\n"
          "NOGALES, Ariz. - On March 3, officers at the Nogales port found guns hidden in a bus.\n"
          "In all, the officers seized 37 guns and arrested the driver.\n")
    es = ("Decomisan armas en la garita de Nogales\n4 de marzo de 2026\n\n"
          "NOGALES, Sonora.- El 3 de marzo, agentes en la garita de Nogales hallaron armas ocultas en un autobús.\n"
          "En total se aseguraron 73 armas y el conductor fue detenido.\n")
    assert values(discrepancies(a=en, b=es)) == {frozenset((37.0, 73.0))}
