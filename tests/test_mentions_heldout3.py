"""Held-out set 3: subjects of levels, lists and parts, written from new styles of text (a Senate
bulletin, a state security report, an NGO tally, a market story, a radio interview)."""
import pytest

from pipeline.core.extract.mentions import extract_mentions


def subjects(text):
    return [(m.surface, m.value, m.subject) for m in extract_mentions(text) if m.value is not None]


def subject_of(text, surface):
    return next(m.subject for m in extract_mentions(text) if m.surface == surface)


# --- a sum stated as the level of the sentence's subject ("X es de", "X fue de", "X is") ---------------
@pytest.mark.parametrize("text, surface, subject", [
    ("El presupuesto de la Comisión Nacional de Búsqueda para 2026 es de 187 millones de pesos.",
     "187 millones de pesos", "presupuesto de la Comisión Nacional de Búsqueda"),
    ("La inversión en equipamiento durante el mes fue de 42.7 millones de pesos, que incluyó patrullas.",
     "42.7 millones de pesos", "inversión en equipamiento"),
    ("El monto del daño patrimonial ascendió a 500 millones de pesos, informó la Fiscalía.",
     "500 millones de pesos", "daño patrimonial"),
    ("The agency's annual budget is $40 million, the report said.", "$40 million", "agency's annual budget"),
])
def test_a_sum_is_the_level_of_the_sentence_subject(text, surface, subject):
    assert subject_of(text, surface) == subject


@pytest.mark.parametrize("text, surface", [
    ("Lo que se aseguró fue de 3 millones de pesos.", "3 millones de pesos"),  # no noun phrase: a clause
    ("Of course, the cost is $5 million.", "$5 million"),
])
def test_a_level_needs_a_noun_phrase(text, surface):
    assert subject_of(text, surface) not in ("Lo", "course")


def test_a_share_less_than_a_level_is_a_decrease_of_it():
    text = "El presupuesto de la Comisión para 2026 es de 187 millones de pesos, 9% menos que este año."
    assert subject_of(text, "9%") == "decrease in presupuesto de la Comisión"


# --- a count whose noun is left out, owned by a place ("deaths in the United States fell to") ------------
def test_an_elided_count_keeps_the_noun_before_the_place():
    text = "Overdose deaths in the United States fell to roughly 80,000 in the 12 months ending in April."
    assert subject_of(text, "80,000") == "Overdose deaths in United States"
    assert subject_of("Apprehensions fell to 8,000 in March.", "8,000") == "Apprehensions"


# --- generic counted nouns take the crime they are of --------------------------------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("El homicidio doloso registró 96 víctimas, una reducción de 21 por ciento.", "96 víctimas",
     "víctimas de homicidio doloso"),
    ("El robo de vehículo sumó 312 casos en octubre.", "312 casos", "casos de robo de vehículo"),
    ("Las atrocidades más frecuentes fueron: tortura (1,420 casos), masacres (267).", "1,420 casos", "casos de tortura"),
])
def test_generic_counts_name_their_crime(text, surface, subject):
    assert subject_of(text, surface) == subject


@pytest.mark.parametrize("text, surface", [
    ("La Fiscalía registró 45 casos.", "45 casos"),
    ("El municipio registró 71 víctimas.", "71 víctimas"),
    ("The state recorded 1,200 victims in 2024.", "1,200 victims"),
])
def test_an_agency_or_place_that_records_is_not_the_crime(text, surface):
    subject = subject_of(text, surface)
    assert not any(w in subject.lower() for w in ("fiscalía", "municipio", "state"))


# --- bare figures in parentheses after the items of a list ---------------------------------------------
def test_items_of_a_list_with_figures_in_parentheses():
    text = ("Las atrocidades más frecuentes fueron: tortura (1,420 casos), asesinato de mujeres con crueldad "
            "extrema (412), fosas clandestinas (298) y masacres (267).")
    assert subjects(text)[1:] == [("412", 412, "asesinato de mujeres con crueldad extrema"),
                                  ("298", 298, "fosas clandestinas"), ("267", 267, "masacres")]


def test_places_in_a_list_take_the_noun_of_the_number_named():
    text = "States with the highest number of homicides were Guanajuato (2,100) and Baja California (1,900)."
    assert subjects(text) == [("2,100", 2100, "homicides in Guanajuato"), ("1,900", 1900, "homicides in Baja California")]
    text = "Jalisco concentra el mayor número, con 15 mil 600 casos, seguido de Tamaulipas (13 mil 100)."
    assert subjects(text)[-1] == ("13 mil 100", 13100, "casos en Tamaulipas")


def test_a_month_in_a_list_keeps_the_count_before():
    text = "Se registraron 71 homicidios dolosos, 19 menos que en septiembre (90)."
    assert subjects(text)[-1] == ("90", 90, "homicidios dolosos")


@pytest.mark.parametrize("text", [
    "Police detained 3 suspects: Juan Pérez (34) and Luis Gómez (28).",  # ages after names
    "La policía detuvo a 5 personas: Juan Pérez (34), Luis Gómez (28).",
    "The agency seized 40 rifles in the operation (Figure 3).",
    "The report (2024) counted 40 rifles.",
    "Seizures rose sharply (12) in the quarter.",  # no count before and no "number of"
])
def test_parenthesized_figures_that_are_not_list_counts(text):
    assert [m.value for m in extract_mentions(text) if m.kind == "count"] in ([3], [5], [40], [])


# --- bare parts of the count before ("17 en contra", "287 por delitos ...", "otros tres") -------------
def test_bare_parts_of_a_count_keep_its_noun_and_their_phrase():
    text = "Con 98 votos a favor, 17 en contra y 2 abstenciones, el Pleno aprobó el dictamen."
    assert ("17", 17, "votos en contra") in subjects(text)
    text = "Las corporaciones detuvieron a 412 personas, 287 por delitos del fuero común y 125 por delitos del fuero federal."
    assert subjects(text)[1:] == [("287", 287, "personas por delitos del fuero común"),
                                  ("125", 125, "personas por delitos del fuero federal")]
    text = "Agents seized 40 rifles, 12 in Sonora and 28 in Sinaloa."
    assert subjects(text)[1:] == [("12", 12, "rifles in Sonora"), ("28", 28, "rifles in Sinaloa")]


def test_more_of_the_count_before():
    text = "Perdimos a dos elementos, y resultaron heridos otros tres. Tenemos 4,500 elementos y vamos a incorporar seiscientos más."
    found = subjects(text)
    assert ("tres", 3, "elementos heridos") in found and ("seiscientos", 600, "elementos") in found


@pytest.mark.parametrize("text", [
    "Aseguraron 4 vehículos, dos de ellos con reporte de robo.",
    "Mexico returned 55 fugitives, 2024 in review.",
    "Se registraron 71 homicidios, 5 más que en septiembre y 3 más que hace un año.",
])
def test_parts_that_are_not_new_counts(text):
    values = [m.value for m in extract_mentions(text) if m.kind == "count"]
    assert 2 not in values and 2024 not in values


# --- a pronoun for the set before ("De ellas, 31 mil 240 fueron ...") -------------------------------------
def test_a_part_of_the_set_named_by_a_pronoun():
    text = ("El Registro contabiliza 133 mil 518 personas desaparecidas desde 1952. De ellas, 31 mil 240 fueron "
            "reportadas en los primeros 13 meses.")
    found = subjects(text)
    assert found[0][2] == "personas desaparecidas"
    assert found[1] == ("31 mil 240", 31240, "personas desaparecidas fueron reportadas")
    text = "Police arrested 40 people. Of them, 12 were minors."
    assert subjects(text)[1] == ("12", 12, "people arrested were minors")


def test_a_pronoun_set_smaller_than_the_part_is_not_it():
    text = "Police arrested 40 people. Of these, 52 were released."
    assert [m.value for m in extract_mentions(text)] == [40]


# --- a Spanish level verb with its count left out --------------------------------------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("Las llamadas al 911 sumaron 61 mil 200, de las cuales el 12% fueron falsas.", "61 mil 200", "llamadas al 911"),
    ("En el estado, los homicidios bajaron a 1,200 en 2024.", "1,200", "homicidios"),
])
def test_a_spanish_level_verb_names_the_count(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_spanish_level_of_money_is_not_a_count():
    assert [m.kind for m in extract_mentions("Las ventas sumaron 300 millones de pesos.")] == ["currency"]


# --- a share of the set a sentence opens with --------------------------------------------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("Of the firearms submitted from Mexico during that period, 68 percent were manufactured in the United States "
     "and 14 percent were manufactured abroad.", "14 percent", "firearms were manufactured abroad"),
    ("De las armas aseguradas, 70 por ciento fueron compradas en Texas.", "70 por ciento", "armas fueron compradas en Texas"),
])
def test_a_share_of_the_set_the_sentence_opens_with(text, surface, subject):
    assert subject_of(text, surface) == subject


@pytest.mark.parametrize("text, surface", [
    ("Of course, 40 percent were late.", "40 percent"),
    ("De acuerdo con el informe, 40 por ciento son falsas.", "40 por ciento"),
])
def test_an_opening_that_is_no_set(text, surface):
    assert subject_of(text, surface) is None


# --- a place or target after the measured noun ----------------------------------------------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("Trump said he would impose an additional 10% tariff on Mexican goods unless the country acts.", "10%",
     "tariff on Mexican goods"),
    ("The US imported $505.9 billion of goods from Mexico last year.", "$505.9 billion", "goods from Mexico"),
    ("Firearms were involved in 69 percent of homicides in Mexico.", "69 percent", "homicides in Mexico"),
    ("Troopers found 9 migrants inside a trailer at a truck stop.", "9 migrants", "migrants inside a trailer"),
])
def test_a_place_after_the_noun_belongs_to_the_subject(text, surface, subject):
    assert subject_of(text, surface) == subject


@pytest.mark.parametrize("text, surface, subject", [
    ("Agents seized 40 percent of the shipments in 2023.", "40 percent", "shipments"),
    ("The program received $5 million in fiscal 2024.", "$5 million", None),
    ("Officials counted 12 percent of cases in the first quarter.", "12 percent", "cases"),
])
def test_a_time_after_the_noun_is_not_a_place(text, surface, subject):
    got = subject_of(text, surface)
    assert got == subject or subject is None and (got is None or "2024" not in got)


# --- a duration "de" after a noun phrase; a range restated; a Spanish verb is no actor ---------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("Se graduaron 150 cadetes tras un curso de formación inicial de seis meses.", "seis meses", "curso de formación inicial"),
    ("Cuenta con un plazo de 60 días para emitir los lineamientos.", "60 días", "plazo para emitir lineamientos"),  # a generic period takes its purpose (p9)
    ("The court set a deadline of 30 days.", "30 days", "deadline"),
    ("Detalló que la pena, que hoy va de 5 a 30 años de prisión, sube a un rango de 10 a 40 años.", "40 años", "prisión"),
])
def test_duration_subjects(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_spanish_verb_opening_the_sentence_is_not_its_actor():
    assert subject_of("Agregó que la operación duró tres meses.", "tres meses") is None


# --- money moved by a verb, and where it went ------------------------------------------------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("Texas has spent more than $11 billion on the border mission since 2021.", "$11 billion",
     "funds spent on border mission"),
    ("In one case, a network laundered $92 million for the Sinaloa Cartel over 18 months.", "$92 million",
     "funds laundered for Sinaloa Cartel"),
    # Relabelled (issue 17): a Spanish sentence gets a Spanish subject with its article, not English glued to
    # "para" ("funds laundered para Cártel de Sinaloa" was the code's output pinned as a label).
    pytest.param("La red lavó 50 millones de pesos para el Cártel de Sinaloa.", "50 millones de pesos",
                 "fondos lavados para el Cártel de Sinaloa",
                 marks=pytest.mark.xfail(reason="money subjects are built from English words only", strict=True)),
])
def test_money_moved_by_a_verb(text, surface, subject):
    assert subject_of(text, surface) == subject


@pytest.mark.parametrize("text, surface, subject", [
    ("The department invested $25.1 billion in drug treatment.", "$25.1 billion", "drug treatment"),
    ("El gobierno gastó 300 millones de pesos en patrullas.", "300 millones de pesos", "patrullas"),
])
def test_a_lower_case_purpose_stays_the_subject(text, surface, subject):
    assert subject_of(text, surface) == subject


# --- changes of a currency or an economy; "off"; shares of GDP --------------------------------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("Mexico's peso weakened as much as 1.2% against the dollar on Tuesday.", "1.2%", "decrease in Mexico's peso"),
    ("Mexico's economy expanded 0.6% in the third quarter.", "0.6%", "increase in Mexico's economy"),
    ("Another increase would shave up to 0.8 percentage points off Mexican growth next year.", "0.8 percentage points",
     "reduction in Mexican growth"),
    ("The economic cost of crime and violence in the region is estimated by the Inter-American Development Bank at "
     "3.4 percent of GDP, or roughly $260 billion a year.", "$260 billion", "economic cost of crime and violence"),
    ("Remittances reached 4 percent of GDP, or about $60 billion.", "4 percent", "Remittances"),
    ("Las remesas representan el 4% del PIB.", "4%", "remesas"),
])
def test_changes_and_shares_of_the_economy(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_share_of_gdp_without_a_level_keeps_its_base():
    assert subject_of("Exports were 30 percent of GDP.", "30 percent") == "GDP"


# --- a copula after the figure is no part of its noun -------------------------------------------------------------
def test_a_copula_after_a_figure_makes_it_a_part_of_the_set():
    text = "Del total de víctimas de atrocidades, 618 eran mujeres y 146 niñas."
    assert subjects(text)[0] == ("618", 618, "víctimas de atrocidades eran mujeres")


def test_a_participle_and_a_place_after_the_noun():
    text = "Troopers found 9 migrants locked inside a trailer at a truck stop."
    assert subject_of(text, "9 migrants") == "migrants locked inside a trailer"
    text = "5. Atención ciudadana\nLas llamadas al 911 sumaron 61 mil 200, de las cuales el 12% fueron falsas."
    assert subjects(text) == [("61 mil 200", 61200, "llamadas al 911"), ("12%", 12, "share of llamadas al 911")]


# --- a time frame opening a changed thing; a period without something; a range of sums ---------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("Pero le doy un dato: en los últimos doce meses los homicidios en el estado bajaron treinta y ocho por ciento.",
     "treinta y ocho por ciento", "decrease in homicidios en el estado"),
    ("Y en Nuevo Laredo llevamos veintiún días sin un homicidio vinculado al crimen organizado.", "veintiún días",
     "period without homicidio vinculado"),
    ("The city went 30 days without a homicide in March.", "30 days", "period without homicide"),
    ("A customer makes multiple cash deposits of $9,000 to $9,900 at several branches.", "$9,900", "multiple cash deposits"),
    ("The government has extradited or expelled 55 suspects to the United States in two mass transfers.", "55 suspects",
     "suspects expelled to the United States"),
])
def test_frames_periods_ranges_and_targets(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_second_sum_with_its_own_phrase_is_not_a_range():
    text = "The program received $5 million in 2023 and $7 million for training."
    assert subject_of(text, "$7 million") == "training"


# --- a change "de X a Y" whose earlier level is the larger -----------------------------------------------------------
@pytest.mark.parametrize("text, values", [
    ("El presupuesto se redujo 12 por ciento, al pasar de 310 millones a 273 millones de pesos.", [12, 310e6, 273e6]),
    ("Los decomisos cayeron de 40 mil a 25 mil dosis.", [40_000, 25_000]),
    ("Las penas van de 5 a 30 millones de pesos.", [5e6, 30e6]),  # an ordinary range still reads its scale
])
def test_a_change_from_a_larger_level(text, values):
    assert [m.value for m in extract_mentions(text)] == values


@pytest.mark.parametrize("text", [
    "El proyecto tiene de 310 millones a 273 millones de pesos.",  # no verb of change: not a range, no lower bound
    "The vote went 52 to 48 million.",
])
def test_a_larger_lower_bound_without_a_change_is_no_range(text):
    values = [m.value for m in extract_mentions(text)]
    assert 310e6 not in values and 52e6 not in values


def test_the_spanish_subject_of_a_changed_sum():
    text = ("Legisladores señalaron que el presupuesto del Registro Federal de Armas se redujo 12 por ciento en el último "
            "año, al pasar de 310 millones a 273 millones de pesos.")
    assert [m.subject for m in extract_mentions(text) if m.kind == "currency"] == [
        "presupuesto del Registro Federal de Armas"] * 2
    text = "El gasto en seguridad pasó de 100 millones a 150 millones de pesos."
    assert [m.subject for m in extract_mentions(text)] == ["gasto en seguridad"] * 2
    text = "La policía aseguró 3 millones de pesos en efectivo."  # no change: the money's own phrase
    assert [m.subject for m in extract_mentions(text)] == ["efectivo"]
