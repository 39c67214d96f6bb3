"""Subjects read from the sentence around a figure when no noun follows it: headlines and datelines,
"up 60% from", "of which 10 percent", sentence lengths and time frames, masses whose substance
is named earlier in the sentence. Each case is one a reader would label; none is a seed's wording."""
from __future__ import annotations

import pytest

from pipeline.core.extract.mentions import extract_mentions


def subjects(text: str, kind: str, surface: str | None = None) -> list[str]:
    found = [m for m in extract_mentions(text) if m.kind == kind and not m.is_vague
             and (surface is None or m.surface == surface)]
    assert found, extract_mentions(text)
    return [(m.subject or "").lower() for m in found]


def subject_of(text: str, kind: str, surface: str | None = None) -> str:
    return subjects(text, kind, surface)[-1]


@pytest.mark.parametrize("text, kind, surface, wanted", [
    # what changed, after a dateline or a clause ended by a colon: not the words before them
    ("LAREDO, Texas, March 4 (AP) - Cocaine seizures at the port fell 18% in the first quarter.", "percent", None,
     "decrease in cocaine seizures at the port"),
    ("The ministers turned to trade: crossings of commercial trucks rose 12 percent after the agreement.",
     "percent", None, "increase in crossings of commercial trucks"),
    # a headline's verb in the present tense
    ("Methamphetamine seizures at Arizona ports drop 35% as smugglers change routes", "percent", None,
     "decrease in methamphetamine seizures at arizona ports"),
    ("Homicides in Ciudad Juárez climb 9% in first half of the year", "percent", None,
     "increase in homicides in ciudad juárez"),
    # ", up 40% from ...": the change of the figure before it in the sentence
    ("Agents seized 2,300 pounds of cocaine this year, up 40% from the 1,640 pounds seized last year.", "percent",
     None, "increase in cocaine"),
    ("Officers arrested 310 smugglers in March, down 15 percent from February.", "percent", None,
     "decrease in smugglers arrested"),
    # "12% more than in 2023" with no noun after it
    ("La fiscalía obtuvo 210 sentencias condenatorias, un 12% más que en 2023.", "percent", None,
     "increase in sentencias condenatorias"),
    # a share of the figure before it
    ("The bill provides $900 million for border security, of which 15 percent goes to ports of entry.",
     "percent", None, "share of border security"),
    ("Police traced 4,100 weapons; roughly 60 percent originated in gun shops in Texas.", "percent", None,
     "weapons traced originated in gun shops"),
])
def test_percent_subjects_from_the_sentence(text, kind, surface, wanted):
    assert subject_of(text, kind, surface).startswith(wanted)


@pytest.mark.parametrize("text, surface, wanted", [
    # a sentence's length named by the noun before "of", the first term shared by the second
    ("Two accomplices received sentences of 46 months and 8 years.", "46 months", "prison sentence"),
    ("Two accomplices received sentences of 46 months and 8 years.", "8 years", "prison sentence"),
    ("El juez otorgó un plazo de 2 meses para cerrar la investigación.", "2 meses", "plazo para cerrar investigación"),  # a generic period takes its purpose (p9)
    ("The court set a deadline of 30 days for the government's reply.", "30 days", "deadline for government's reply"),
])
def test_duration_subjects_named_before_them(text, surface, wanted):
    assert subject_of(text, "duration", surface) == wanted


@pytest.mark.parametrize("text", [
    "They promised to meet again within 60 days.",
    "He served 14 months before his release.",
    "We will report on progress every 3 months.",
    "She spent 4 years in the unit.",
])
def test_a_pronoun_is_never_a_subject(text):
    subject = subject_of(text, "duration")
    assert not any(w in subject.split() for w in ("they", "he", "we", "she")), subject


def test_a_time_frame_does_not_repeat_the_figure_it_frames():
    subject = subject_of("Overdose deaths fell about 8% in the 12 months ending in June.", "duration")
    assert subject.count("overdose deaths") <= 1 and "fell" not in subject.split(), subject


@pytest.mark.parametrize("text, surface, wanted", [
    # the substance named earlier in the sentence, not after the figure
    ("Heroin seizures along the border fell 30% in fiscal 2024 to about 3,900 pounds.", "3,900 pounds", "heroin"),
    ("Precursor chemical shipments intercepted by the navy rose to nearly 800 metric tons.", "800 metric tons",
     "precursor chemical"),
    ("Los aseguramientos de cocaína en Manzanillo sumaron en 2024 cerca de 12 toneladas.", "12 toneladas",
     "cocaína"),
])
def test_a_mass_takes_the_substance_named_before_it(text, surface, wanted):
    assert wanted in subject_of(text, "mass", surface)


@pytest.mark.parametrize("text, surface", [
    # no substance in the sentence: no subject is better than a guess
    ("CBP seized 31,000 pounds in fiscal 2023, the agency said.", "31,000 pounds"),
    ("The truck weighed 12 tons when it crossed.", "12 tons"),
])
def test_a_mass_without_a_substance_in_its_sentence_has_none(text, surface):
    subject = subject_of(text, "mass", surface)
    assert subject in ("", "truck"), subject


@pytest.mark.parametrize("text, wanted", [
    ("Rescuers found 23 migrants on March 14 inside a trailer near Laredo.", "migrants"),
    ("Se localizó a 40 personas en enero en una bodega de Chiapas.", "personas"),
])
def test_a_date_after_a_count_is_not_what_it_counts(text, wanted):
    assert subject_of(text, "count") == wanted


@pytest.mark.parametrize("text, surface, wanted", [
    # a sum on a labelled line, after what was done with it, for a counted thing, at a level
    ("Grants awarded: $12.5 million", "$12.5 million", "grants awarded"),
    ("In 2022 the ministry disbursed roughly $75 million and the states about $20 million.", "$75 million",
     "funds disbursed"),
    ("The bill sets aside $640 million for 3,000 new Border Patrol agents.", "$640 million", "border patrol agents"),
    ("Remittances to Guatemala reached a record $21 billion in 2023.", "$21 billion", "remittances"),
    ("La Guardia Nacional aseguró mercancía valorada en 40 millones de pesos.", "40 millones de pesos", "mercancía"),
])
def test_currency_subjects_from_the_sentence(text, surface, wanted):
    assert subject_of(text, "currency", surface).endswith(wanted)


def test_a_level_verb_is_not_what_was_done_with_the_money():
    assert "topped" not in subject_of("Exports of avocados topped $3 billion in 2024.", "currency")


@pytest.mark.parametrize("text, surface, wanted", [
    # a share in parentheses or restated after ", or"
    ("Inspectors audited 64 of the 80 crossings (80 percent) last year.", "80 percent", "crossings"),
    # a targeted change: a verb, its object and "by"
    ("The plan aims to cut homicides in the border states by 15 percent by 2027.", "15 percent",
     "reduction in homicides in the border states"),
    ("El programa busca reducir el consumo de metanfetamina en 10 por ciento.", "10 por ciento",
     "reduction in consumo de metanfetamina"),
    # "up ... but down ...": the second change is of the same figure, not of the first change
    ("Arrests in the sector were 4,200 in May, up 3% from April but down 41% from May 2023.", "41%",
     "decrease in arrests"),
])
def test_percent_subjects_of_shares_and_targets(text, surface, wanted):
    assert subject_of(text, "percent", surface).startswith(wanted)


@pytest.mark.parametrize("text, surface, wanted", [
    ("Seven defendants received terms ranging from 30 to 96 months.", "96 months", "prison sentence"),
    ("The United States will train prosecutors over the next 4 years.", "4 years", "united states"),
])
def test_duration_subjects_of_terms_and_named_actors(text, surface, wanted):
    assert wanted in subject_of(text, "duration", surface)
