"""Subjects found wrong or missing on a second held-out set; each case failed before its fix."""
from __future__ import annotations

import pytest

from pipeline.core.extract.mentions import extract_mentions


def _subject(text, surface):
    return {m.surface: m.subject for m in extract_mentions(text)}[surface]


@pytest.mark.parametrize("text, surface, wanted", [
    # "baja" is a change word; an adjective of the period may stand between the change and "de"/"of"
    ("Los decomisos sumaron 11,900 libras de fentanilo, una baja de casi 46 por ciento.", "46 por ciento",
     "baja in fentanilo"),
    ("Se registraron 71 homicidios, una disminución anual de 24.5%.", "24.5%", "disminución in homicidios"),
    ("The state logged 812 murders, an annual decrease of 9%.", "9%", "decrease in murders logged"),
    # "up"/"down" after a dash or a parenthesis is the change of the figure before it
    ("Tucson agents made 11,300 apprehensions — down 62% from the same month last year.", "62%",
     "decrease in apprehensions"),
    ("Agents seized 2,300 pounds of cocaine (up 40% from 2023).", "40%", "increase in cocaine"),
    # a time frame is never what a percent changes
    ("About 80,400 people died of drug overdoses in the 12-month period ending in December, a decline of "
     "nearly 27% from the prior year.", "27%", "decline in people died of drug overdoses"),
    # a share "were/was ..." of the figure before it
    ("Of the roughly 18,000 firearms recovered in Mexico in 2022, about 68% were of U.S. origin.", "68%",
     "firearms recovered in Mexico were of U.S. origin"),
])
def test_percent_subjects(text, surface, wanted):
    assert _subject(text, surface) == wanted


def test_figures_are_never_the_changed_thing():
    # "34,000 from 2018 to 2020 and declined": the comma inside 34,000 is no clause boundary
    s = _subject("The count hovered near 34,000 from 2018 to 2020 and declined 5.2% in 2024.", "5.2%")
    assert s is not None and not any(c.isdigit() for c in s)


@pytest.mark.parametrize("text, surface, wanted", [
    # a period after "of"/"de" is not the substance: the one named before in the sentence is
    ("Los decomisos de fentanilo cayeron a 11,900 libras en el año fiscal 2025, frente a las 21,900 libras del año "
     "fiscal anterior.", "21,900 libras", "fentanilo"),
    ("Agents seized 500 pounds of fentanyl this year, up from 300 pounds of the previous year.", "300 pounds",
     "fentanyl"),
    # the form of a drug, after "en", belongs to its name
    ("Se aseguraron 2,100 libras de fentanilo en polvo y 3 kilos de cocaína en piedra.", "2,100 libras",
     "fentanilo en polvo"),
    ("Se aseguraron 5 kilos de metanfetamina en cristal.", "5 kilos", "metanfetamina en cristal"),
    # "con un peso total de", with a comma before it
    ("Se aseguraron 1,320 tambos con ácido tartárico, con un peso total de 264 toneladas.", "264 toneladas",
     "ácido tartárico"),
    ("Agents found 37 bundles of cocaine, weighing 90 pounds.", "90 pounds", "bundles of cocaine"),
])
def test_mass_subjects(text, surface, wanted):
    assert _subject(text, surface) == wanted


def test_a_place_after_en_is_not_a_form():
    assert _subject("Se aseguraron 212 gramos de fentanilo en Sonora.", "212 gramos") == "fentanilo"


@pytest.mark.parametrize("text, surface, wanted", [
    # a fiscal year after "in" is not what the money is; what follows it may be
    ("The plan sets aside $40 million in fiscal 2025 for port scanners.", "$40 million", "port scanners"),
    ("Congress approved $96 million in FY 2026 for border technology.", "$96 million", "border technology"),
    ("Appropriations fell from $158 million in FY2020 to $126 million in FY2024.", "$158 million", "Appropriations"),
    # a purpose after the time the money is spread over
    ("Budget 2025 provides $1.3 billion over six years to strengthen border security.", "$1.3 billion",
     "border security"),
    ("The bill would authorize $25 million annually for five years to expand chemical detection capacity.",
     "$25 million", "chemical detection capacity"),
    # "in the amount of": the noun before it
    ("The court entered a money judgment in the amount of $4,875,300.00 against him.", "$4,875,300.00",
     "money judgment"),
    ("El juez impuso una multa por la cantidad de $250,000 pesos.", "$250,000 pesos", "multa"),
    # a participle right after the sum: what was done with it
    ("Agents found $612,440 seized from a bank account in Houston.", "$612,440", "funds seized"),
    ("Prosecutors traced $2 million laundered through shell companies.", "$2 million", "funds laundered"),
    # "plus" opens no subject
    ("Total forfeited: $7,405,740 plus property.", "$7,405,740", "funds forfeited"),
])
def test_currency_subjects(text, surface, wanted):
    assert _subject(text, surface) == wanted


def test_a_year_alone_after_in_names_nothing():
    assert _subject("Mexico got $5 million in 2024.", "$5 million") is None


@pytest.mark.parametrize("text, surface, wanted", [
    # a sentence adverb is not the sentence's actor
    ("Nunca se había logrado algo así en once meses.", "once meses", "period"),
    ("Meanwhile agents worked for three weeks.", "three weeks", "period"),
    # the year of "los primeros diez meses del año" is not what the months measure
    ("En los primeros diez meses del año suman 812 víctimas.", "diez meses", "period of víctimas"),  # the period of the figure after it (p9)
])
def test_duration_subjects(text, surface, wanted):
    assert _subject(text, surface) == wanted


# Relabelled (issue 17): the weeks measure how long the agents worked, not a "period of Agents" (the code's
# output had been pinned as the label).
@pytest.mark.xfail(reason="a period's subject is built from the actor, not from what the actor did", strict=True)
def test_a_named_actor_still_frames_a_period():
    assert _subject("Agents worked for three weeks.", "three weeks") == "period agents worked"


@pytest.mark.parametrize("text, surface, wanted", [
    # a name with its acronym, then the noun it qualifies
    ("The request proposes $96 million in International Narcotics Control and Law Enforcement (INCLE) assistance "
     "for Mexico.", "$96 million", "INCLE assistance"),
    ("The U.S. gave $50 million in Foreign Military Financing (FMF) grants.", "$50 million", "FMF grants"),
    # a sum compared with the sum before it is the same money, unless it names its own
    ("The request proposes $96 million in INCLE assistance, down from $151 million provided in FY2024.",
     "$151 million", "INCLE assistance"),
    ("Seizures rose to $40 million in cash, up from $30 million in 2023.", "$30 million", "cash"),
    # court terms: a forfeiture "of", a penalty "punishable by", a term named right after its length
    ("Forfeiture of $4,875,300.00 made final.", "$4,875,300.00", "Forfeiture"),
    ("Restitution of $12,000 was ordered.", "$12,000", "Restitution"),
])
def test_currency_subjects_of_programs_comparisons_and_court_orders(text, surface, wanted):
    assert _subject(text, surface) == wanted


def test_a_compared_sum_with_its_own_phrase_keeps_it():
    found = {m.surface: m.subject for m in extract_mentions(
        "Mexico spent $3 billion on public security, compared with $2 billion on health.")}
    assert found["$2 billion"] != found["$3 billion"] or found["$2 billion"] is None


@pytest.mark.parametrize("text, surface, wanted", [
    ("Six others are charged with money laundering, punishable by up to 20 years.", "20 years", "prison sentence"),
    ("El delito es sancionado con hasta 15 años.", "15 años", "prison sentence"),
    ("Sentence: 87 months; 3 years supervised release.", "87 months", "prison sentence"),
    ("Sentence: 87 months; 3 years supervised release.", "3 years", "supervised release"),
    ("The judge imposed 2 years probation.", "2 years", "probation"),
])
def test_duration_subjects_of_court_terms(text, surface, wanted):
    assert _subject(text, surface) == wanted


@pytest.mark.parametrize("text, surface, wanted", [
    # the noun a percent is "of"/"de", when nothing else names it
    ("Washington impuso aranceles de 25% a productos mexicanos.", "25%", "aranceles"),
    ("The U.S. imposed tariffs of 25% on steel.", "25%", "tariffs"),
    # the future use of a sum, a capitalized name kept whole
    ("A further $200 million will support the newly created Canadian Drug Analysis Centre.", "$200 million",
     "Canadian Drug Analysis Centre"),
    ("Otros 300 millones de pesos se destinarán a la compra de patrullas.", "300 millones de pesos",
     "compra de patrullas"),
])
def test_percent_and_currency_subjects_named_before_or_after(text, surface, wanted):
    assert _subject(text, surface) == wanted


def test_a_change_word_before_of_still_wins():
    # negative: "un aumento de 12%" is a change, not a thing named "aumento"
    assert _subject("Hubo un aumento de 12%.", "12%") == "aumento"
