"""Grouping versions into documents: restated amounts, corrected copies, digests, short texts.

Each case pairs versions that must group with near-misses that must stay apart (template
releases, statements of one series, statements quoting another's figures). Figures come from a
small regex helper (not the project's extractor) that reads qualifiers ("nearly", "more than")
and the units the rules compare across (pounds, kilograms, tons), so the grouping rules are
exercised alone.
"""
from __future__ import annotations

import dataclasses
import hashlib
import random
import re

from pipeline.core.reconcile import regroup
from pipeline.core.reconcile.grouping import group_sources
from pipeline.core.reconcile.model import Figure, SourceDoc

# --- a small figure extractor for tests ------------------------------------------------

_SCALE = {"million": 1e6, "millones": 1e6, "billion": 1e9}
_UNITS = {
    "pounds": ("mass", "lb"), "libras": ("mass", "lb"),
    "kilograms": ("mass", "kg"), "kilogramos": ("mass", "kg"), "kilos": ("mass", "kg"),
    "metric tons": ("mass", "metric_ton"), "toneladas": ("mass", "metric_ton"),
    "short tons": ("mass", "short_ton"), "percent": ("percent", "percent"),
}
_QUALIFIER = r"(?i:(nearly|more than|about|casi|más de))?\s*"
_NUM = re.compile(_QUALIFIER + r"(\$)?(\d[\d,]*(?:\.\d+)?)(?![\d-])(?:\s+(million|millones|billion))?"
                  r"(?:\s+(metric tons|short tons|[a-záéíóúñ]+))?")
_NOT_A_COUNT = {"de", "on", "in", "to", "and", "y", "a", "the", "near", "cerca", "at", "close", "old"}


def figures(text: str, name: str) -> tuple[Figure, ...]:
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for m in _NUM.finditer(sentence):
            qualifier, dollar, num, scale, word = m.groups()
            value = float(num.replace(",", "")) * _SCALE.get(scale or "", 1)
            if dollar:
                kind, unit = "currency", "mxn" if scale == "millones" else "usd"
            elif word in _UNITS:
                kind, unit = _UNITS[word]
            elif word and word not in _NOT_A_COUNT:
                kind, unit = "count", "count"
            else:
                continue  # a bare number: a year, a day, a road
            mid = hashlib.sha256(f"{name}:{sentence}:{m.start()}".encode()).hexdigest()[:16]
            out.append(Figure(kind, value, unit, None, qualifier, m.group(0).strip(), sentence, mid))
    return tuple(out)


def doc(name: str, text: str) -> SourceDoc:
    return SourceDoc(name, hashlib.sha256(text.encode()).hexdigest(), text, figures(text, name))


def grouped(*docs: SourceDoc) -> set[frozenset[str]]:
    return {frozenset(docs[i].source_file for i in g) for g in group_sources(list(docs))}


def together(groups: set[frozenset[str]], *names: str) -> bool:
    return any(set(names) <= g for g in groups)


# --- texts ------------------------------------------------------------------------------

SEIZURE = """Officers Find Narcotics in Load of Limes at Pharr Bridge
May 14, 2025

PHARR, Texas - Officers at the Pharr International Bridge seized 2,641 pounds of methamphetamine and 318 pounds of fentanyl in a commercial load of limes on Tuesday. The drugs have an estimated street value of $5.2 million.
A canine team alerted to the trailer, and officers removed 904 packages hidden inside the pallets of fruit. The driver, a 37-year-old man from Reynosa, was detained.
"Our officers stopped a dangerous load before it could reach our neighborhoods," said the port director for Pharr.
The case was turned over to federal investigators, who will present it for prosecution in the Southern District of Texas.
"""

SEIZURE_ROUNDED = """Nearly 2,700 pounds of meth found in limes at Pharr
By Ana Ruiz | Valley Desk

PHARR, Texas - Officers at the Pharr International Bridge seized nearly 2,700 pounds of methamphetamine and 318 pounds of fentanyl in a commercial load of limes on Tuesday. The drugs have an estimated street value of $5.2 million.
A canine team alerted to the trailer, and officers removed 904 packages hidden inside the pallets of fruit. The driver, a 37-year-old man from Reynosa, was detained.
Produce trucks cross the bridge by the hundreds every day during the citrus season, and the port has added inspection lanes this spring.
"""

SEIZURE_KG = SEIZURE.replace("2,641 pounds", "1,198 kilograms").replace("318 pounds", "144 kilograms")

# the next release of the same template: other port, other figures, same closing paragraph
SEIZURE_OTHER = """Officers Find Narcotics in Load of Avocados at Anzalduas Bridge
May 21, 2025

MISSION, Texas - Officers at the Anzalduas International Bridge seized 1,207 pounds of methamphetamine and 95 pounds of fentanyl in a commercial load of avocados on Wednesday. The drugs have an estimated street value of $5.2 million.
A canine team alerted to the trailer, and officers removed 611 packages hidden inside the pallets of fruit. The driver, a 52-year-old woman from Matamoros, was detained.
"Our officers stopped a dangerous load before it could reach our neighborhoods," said the port director for Anzalduas.
The case was turned over to federal investigators, who will present it for prosecution in the Southern District of Texas.
"""


def test_an_outlets_copy_rounding_a_figure_groups_with_the_release():
    """"nearly 2,700 pounds" states "2,641 pounds" rounded: not another value in the same sentence."""
    assert grouped(doc("a.txt", SEIZURE), doc("b.txt", SEIZURE_ROUNDED)) == {frozenset({"a.txt", "b.txt"})}


def test_a_copy_restating_the_masses_in_kilograms_groups_with_the_release():
    # 2,641 pounds are 1,197.9 kilograms and 318 pounds 144.2 kilograms: the same amounts
    assert grouped(doc("a.txt", SEIZURE), doc("b.txt", SEIZURE_KG)) == {frozenset({"a.txt", "b.txt"})}


def test_the_next_release_of_a_template_stays_apart_from_the_release_and_its_restated_copies():
    docs = [doc("a.txt", SEIZURE), doc("b.txt", SEIZURE_ROUNDED), doc("c.txt", SEIZURE_KG), doc("d.txt", SEIZURE_OTHER)]
    assert grouped(*docs) == {frozenset({"a.txt", "b.txt", "c.txt"}), frozenset({"d.txt"})}


SECTOR = """Tucson Sector Monthly Enforcement Summary for April
May 2, 2025

TUCSON, Ariz. - Agents of the Tucson Sector seized {a} of fentanyl and {b} of methamphetamine during April, and arrested 63 people on smuggling charges.
Most of the seizures took place at the checkpoint on Interstate 19 and at the ports of entry, where canine teams inspect every vehicle.
"The numbers show what our agents do every day to stop deadly drugs," said the chief patrol agent of the sector.
"""


def test_a_copy_restating_its_masses_in_another_unit_is_found_although_it_shares_one_figure_key():
    """212 pounds are 96.2 kilograms and 1,480 pounds 671.3 kilograms: unit-specific figure keys share
    only the count of people; the masses in kilograms meet."""
    a = SECTOR.format(a="212 pounds", b="1,480 pounds")
    b = SECTOR.format(a="96 kilograms", b="671 kilograms")
    other = SECTOR.format(a="96 kilograms", b="702 kilograms").replace("April", "March").replace("May 2", "April 3")
    assert grouped(doc("a.txt", a), doc("b.txt", b), doc("c.txt", other)) == \
        {frozenset({"a.txt", "b.txt"}), frozenset({"c.txt"})}


WEEKLY = """Weekly Enforcement Summary of the Northern Border Task Force
{date}

The task force seized {a} of cocaine and {b} of methamphetamine during the week, and arrested {c} people on trafficking charges.
Officers also recovered {d} firearms. The summary is preliminary, and totals may change as cases are reviewed by prosecutors.
"""


def test_weekly_totals_in_other_units_that_moved_are_the_next_statement_not_a_restatement():
    # 1,198 kilograms are 2,641 pounds; 2,660 pounds (1,206.6 kilograms) is another total
    w1 = WEEKLY.format(date="June 2, 2025", a="1,198 kilograms", b="3,415 pounds", c="47 people", d="212")
    w2 = WEEKLY.format(date="June 9, 2025", a="2,660 pounds", b="3,415 pounds", c="52 people", d="230")
    assert grouped(doc("w1.txt", w1), doc("w2.txt", w2)) == {frozenset({"w1.txt"}), frozenset({"w2.txt"})}


# --- a corrected copy ---------------------------------------------------------------------

def test_a_corrected_copy_changing_one_figure_on_the_same_day_groups():
    corrected = SEIZURE.replace("318 pounds", "381 pounds") + \
        "\nCorrection: This release was updated to correct the weight of fentanyl seized.\n"
    assert grouped(doc("a.txt", SEIZURE), doc("b.txt", corrected)) == {frozenset({"a.txt", "b.txt"})}


SHORT = """Agents Seize Heroin at Highway Checkpoint Near Laredo
{date}

LAREDO, Texas - Agents at the Highway 83 checkpoint seized {a} of heroin hidden in the door panels of a minivan on Friday. The heroin has an estimated street value of {b}. The driver was arrested and the case was referred to federal prosecutors.
"""


def test_a_corrected_copy_of_a_two_figure_release_groups():
    """Sharing one of two figures is enough to be verified when the wording is the same."""
    a = SHORT.format(date="August 1, 2025", a="142 pounds", b="$2.3 million")
    b = SHORT.format(date="August 1, 2025", a="124 pounds", b="$2.3 million") + \
        "Correction: An earlier version misstated the weight seized.\n"
    assert grouped(doc("a.txt", a), doc("b.txt", b)) == {frozenset({"a.txt", "b.txt"})}


def test_the_same_template_on_another_day_with_one_figure_changed_stays_apart():
    a = SHORT.format(date="August 1, 2025", a="142 pounds", b="$2.3 million")
    b = SHORT.format(date="August 8, 2025", a="124 pounds", b="$2.3 million")
    c = SEIZURE.replace("May 14, 2025", "May 15, 2025").replace("318 pounds", "381 pounds")
    assert grouped(doc("a.txt", a), doc("b.txt", b)) == {frozenset({"a.txt"}), frozenset({"b.txt"})}
    assert grouped(doc("s.txt", SEIZURE), doc("c.txt", c)) == {frozenset({"s.txt"}), frozenset({"c.txt"})}


def test_two_figures_changed_are_not_a_correction():
    changed = SEIZURE.replace("318 pounds", "381 pounds").replace("904 packages", "940 packages")
    assert grouped(doc("a.txt", SEIZURE), doc("b.txt", changed)) == {frozenset({"a.txt"}), frozenset({"b.txt"})}


# --- digests and follow-ups -----------------------------------------------------------------

ARMS = """Investigators Dismantle Rifle Smuggling Ring Supplying Cartels
May 15, 2025

EL PASO, Texas - Investigators working with Mexican prosecutors dismantled a ring that smuggled rifles from Texas to criminal groups in Chihuahua. Agents arrested 23 people and seized 416 rifles and 88,300 rounds of ammunition.
Members of the ring used 37 straw purchasers to buy weapons at stores and gun shows across West Texas between 2023 and 2025.
"Each rifle we stop is one that will not be used against police officers in Mexico," said the special agent in charge.
"""

DIGEST = """The Border Week: limes, rifles and a busy bridge
By the Border Week staff

PHARR, Texas - Officers at the Pharr International Bridge seized 2,641 pounds of methamphetamine and 318 pounds of fentanyl in a commercial load of limes on Tuesday. The drugs have an estimated street value of $5.2 million. Officers removed 904 packages hidden inside the pallets of fruit.
EL PASO, Texas - Investigators working with Mexican prosecutors dismantled a ring that smuggled rifles from Texas to criminal groups in Chihuahua. Agents arrested 23 people and seized 416 rifles and 88,300 rounds of ammunition. Members of the ring used 37 straw purchasers to buy weapons across West Texas.
The Border Week is a free newsletter published every Friday.
"""


def test_a_digest_of_two_releases_does_not_chain_them_into_one_document():
    """The second release a digest copies is cut at its start: not a copy of the digest."""
    groups = grouped(doc("a.txt", SEIZURE), doc("b.txt", ARMS), doc("d.txt", DIGEST))
    assert not together(groups, "a.txt", "b.txt")
    assert frozenset({"b.txt"}) in groups


INDICTMENT = """Eleven Charged With Laundering Cartel Proceeds Through Exchange Houses
February 4, 2025

SAN DIEGO - A federal grand jury returned a 12-count indictment against 11 people accused of laundering $14,620,000 in drug proceeds through 19 currency exchange houses in Tijuana and San Diego.
According to court documents, the group moved at least 2,350 kilograms of methamphetamine across the border and paid couriers in cash. Investigators seized 41 firearms and $1.7 million in cash at 9 locations.
An indictment is merely an allegation, and all defendants are presumed innocent until proven guilty in a court of law.
"""

PLEA = """Leader of Exchange House Laundering Ring Pleads Guilty
September 30, 2025

SAN DIEGO - The leader of a ring that laundered drug proceeds through exchange houses pleaded guilty today. He was one of 11 people charged in February in a 12-count indictment.
In his plea agreement he admitted laundering $14,620,000 through 19 currency exchange houses and moving 2,350 kilograms of methamphetamine across the border. Sentencing is set for January.
"""


def test_a_statement_months_later_restating_a_cases_figures_is_another_statement():
    groups = grouped(doc("a.txt", INDICTMENT), doc("b.txt", PLEA))
    assert groups == {frozenset({"a.txt"}), frozenset({"b.txt"})}


def test_a_truncated_copy_and_an_outlets_copy_with_a_sidebar_still_group():
    truncated = SEIZURE.split("\"Our officers")[0]
    sidebar = SEIZURE_ROUNDED + "\nBY THE NUMBERS\nCommercial trucks crossing at Pharr last year: 812,000\n"
    assert grouped(doc("a.txt", SEIZURE), doc("b.txt", truncated), doc("c.txt", sidebar)) == \
        {frozenset({"a.txt", "b.txt", "c.txt"})}


CHARGE = """{city} Resident Charged With Distributing Fentanyl Pills
{date}

A federal grand jury in {city} indicted {name}, 34, on a charge of possession with intent to distribute fentanyl. According to the indictment, {name} sold {amount} of counterfeit pills to an undercover officer in a parking lot.
If convicted, the defendant faces a mandatory minimum sentence of 10 years in federal prison, a maximum of life, and a fine of up to $10 million.
The case was investigated by the Drug Enforcement Administration and local police. An indictment is an allegation, and the defendant is presumed innocent unless proven guilty.
"""


def test_releases_of_a_template_weeks_apart_sharing_only_the_penalty_clause_stay_apart():
    a = CHARGE.format(city="Albuquerque", date="April 2, 2025", name="Daniel Ochoa", amount="600 grams")
    b = CHARGE.format(city="Las Cruces", date="April 23, 2025", name="Marco Ibarra", amount="3 kilograms")
    assert grouped(doc("a.txt", a), doc("b.txt", b)) == {frozenset({"a.txt"}), frozenset({"b.txt"})}


def test_an_outlets_copy_days_later_sharing_one_sentence_of_figures_still_groups():
    a = CHARGE.format(city="Albuquerque", date="April 2, 2025", name="Daniel Ochoa", amount="600 grams")
    copy = "By Lena Ortiz | Metro Desk\nApril 4, 2025\n\n" + a.split("\n", 3)[3]
    assert grouped(doc("a.txt", a), doc("b.txt", copy)) == {frozenset({"a.txt", "b.txt"})}


INTRO = """Joint Communique of the Binational Committee on Port Security
{date}

Delegations of both governments met in Veracruz for the {nth} session of the Binational Committee on Port Security, held every year since the committee was founded. The delegations reviewed the exchange of cargo information, the training of customs personnel and the protection of port workers, and reaffirmed their shared commitment to secure, efficient and lawful trade between the two countries.
"""


def test_the_opening_of_next_years_statement_of_a_series_is_not_a_copy():
    """Texts without figures are compared by wording alone: not across a year."""
    a = INTRO.format(date="October 7, 2024", nth="fifth")
    b = INTRO.format(date="October 6, 2025", nth="sixth")
    assert grouped(doc("a.txt", a), doc("b.txt", b)) == {frozenset({"a.txt"}), frozenset({"b.txt"})}
    same_day = INTRO.format(date="October 7, 2024", nth="fifth").replace("Veracruz", "Veracruz, Veracruz")
    assert grouped(doc("a.txt", a), doc("c.txt", same_day)) == {frozenset({"a.txt", "c.txt"})}


# --- translations -----------------------------------------------------------------------------

SEIZURE_ES = """Oficiales encuentran narcóticos en cargamento de limones en el puente de Pharr
14 de mayo de 2025

PHARR, Texas - Oficiales en el Puente Internacional de Pharr decomisaron 2,641 libras de metanfetamina y 318 libras de fentanilo en un cargamento comercial de limones el martes. La droga tiene un valor estimado en la calle de $5.2 millones.
Un equipo canino alertó sobre el remolque y los oficiales retiraron 904 paquetes escondidos dentro de las tarimas de fruta. El conductor, un hombre de 37 años de Reynosa, fue detenido.
El caso fue entregado a investigadores federales, que lo presentarán ante la fiscalía del Distrito Sur de Texas.
"""


def test_a_translation_sharing_all_but_one_figure_in_the_same_order_groups():
    """"$5.2 millones" read as pesos: four of the five figures shared, in several sentences, in order."""
    assert grouped(doc("a.txt", SEIZURE), doc("b.txt", SEIZURE_ES)) == {frozenset({"a.txt", "b.txt"})}


def test_a_statement_in_another_language_quoting_four_figures_in_one_sentence_stays_apart():
    quote = """La Guardia Nacional refuerza la vigilancia en los puentes de Tamaulipas
16 de mayo de 2025

REYNOSA, Tamaulipas - La Guardia Nacional desplegó 600 elementos adicionales en los puentes internacionales del estado. La semana pasada, en Pharr se decomisaron 2,641 libras de metanfetamina, 318 libras de fentanilo y 904 paquetes con un valor de $5.2 millones.
El despliegue forma parte de la estrategia estatal de seguridad y durará hasta el final del año, informó la vocería de seguridad del estado.
"""
    assert grouped(doc("a.txt", SEIZURE), doc("b.txt", quote)) == {frozenset({"a.txt"}), frozenset({"b.txt"})}


SHORT_ES = """Agentes decomisan heroína en punto de revisión cerca de Laredo
1 de agosto de 2025

LAREDO, Texas - Agentes en el punto de revisión de la Carretera 83 decomisaron 64 kilos de heroína ocultos en los paneles de las puertas de una minivan el viernes. La heroína tiene un valor estimado en la calle de $2.3 millones. El conductor fue arrestado y el caso fue remitido a fiscales federales.
"""

SHORT_ES_OTHER = """Agentes decomisan heroína en punto de revisión cerca de Hebbronville
1 de agosto de 2025

HEBBRONVILLE, Texas - Agentes en el punto de revisión de la Carretera 359 decomisaron 64 kilos de heroína ocultos en el tanque de gasolina de una camioneta el viernes, a 45 millas de la frontera. La heroína tiene un valor estimado en la calle de $2.3 millones.
"""


def test_a_translation_of_a_two_figure_release_groups_by_its_figures_and_other_numbers():
    """64 kilos are 142 pounds (141.1), "$2.3 millones" the same sum; the road number agrees."""
    a = SHORT.format(date="August 1, 2025", a="142 pounds", b="$2.3 million")
    assert grouped(doc("a.txt", a), doc("b.txt", SHORT_ES)) == {frozenset({"a.txt", "b.txt"})}


def test_another_release_in_another_language_stating_the_same_two_figures_stays_apart():
    a = SHORT.format(date="August 1, 2025", a="142 pounds", b="$2.3 million")
    assert grouped(doc("a.txt", a), doc("b.txt", SHORT_ES_OTHER)) == {frozenset({"a.txt"}), frozenset({"b.txt"})}


# --- texts of one figure ---------------------------------------------------------------------

ONE = """Deputies Arrest Driver Carrying Fentanyl on Route 92
July 8, 2025

SIERRA VISTA, Ariz. - Deputies arrested a 29-year-old man and seized 57 pounds of fentanyl powder on Saturday after a traffic stop on Route 92 near mile marker 14. The drugs were wrapped in plastic inside the spare tire of a silver hatchback. The driver was booked into the county jail.
"""

ONE_RETRANS = """Sheriff's Deputies Detain Motorist With Fentanyl Along Route 92
July 8, 2025

SIERRA VISTA, Arizona - On Saturday sheriff's deputies detained a man, 29 years old, and confiscated 57 pounds of powdered fentanyl following a stop on Route 92 close to mile marker 14. The drug was found wrapped in plastic in the spare wheel of a grey hatchback. The motorist was taken to the county jail.
"""

ONE_ES = """Agentes del alguacil detienen a conductor con fentanilo en la Ruta 92
8 de julio de 2025

SIERRA VISTA, Arizona - Agentes del alguacil arrestaron a un hombre de 29 años y decomisaron 57 libras de fentanilo en polvo el sábado, tras una revisión de tránsito en la Ruta 92 cerca del kilómetro 14. La droga estaba envuelta en plástico dentro de la llanta de refacción de un auto plateado.
"""

ONE_TEMPLATE = """Deputies Arrest Driver Carrying Fentanyl on Route 90
July 22, 2025

SIERRA VISTA, Ariz. - Deputies arrested a 44-year-old woman and seized 57 pounds of fentanyl pills on Sunday after a traffic stop on Route 90 near mile marker 31. The drugs were wrapped in plastic inside the gas tank of a black pickup. The driver was booked into the county jail.
"""


def test_a_one_figure_release_groups_with_its_retranslation_and_translation_by_its_other_numbers():
    """The age, the road and the mile marker survive the rewording; the wording alone does not."""
    groups = grouped(doc("a.txt", ONE), doc("b.txt", ONE_RETRANS), doc("c.txt", ONE_ES))
    assert groups == {frozenset({"a.txt", "b.txt", "c.txt"})}


def test_one_figure_releases_of_a_template_stating_the_same_amount_stay_apart():
    groups = grouped(doc("a.txt", ONE), doc("b.txt", ONE_RETRANS), doc("t.txt", ONE_TEMPLATE))
    assert groups == {frozenset({"a.txt", "b.txt"}), frozenset({"t.txt"})}


PRECISE = """Border Patrol Finds Pills Under Truck Seat Near Lukeville
March 9, 2025

AJO, Ariz. - Border Patrol agents found 6,842 fentanyl pills under the rear seat of a pickup near Lukeville on Sunday and arrested the driver, a Mexican national, who was handed over to Homeland Security Investigations.
"""

PRECISE_RETRANS = """Border Patrol Locates Tablets Beneath the Seat of a Truck Close to Lukeville
9 March 2025

AJO, Arizona - On Sunday, agents of the Border Patrol located 6,842 fentanyl pills concealed beneath the back seat of a pickup close to Lukeville. The motorist, of Mexican nationality, was detained and turned over to Homeland Security Investigations.
"""

PRECISE_QUOTE = """Sheriff Thanks Border Patrol for Pill Seizure Near Lukeville
March 9, 2025

AJO, Ariz. - The county sheriff thanked Border Patrol agents for the arrest near Lukeville in which they found 6,842 fentanyl pills. The sheriff's office recorded 31 overdose deaths in the county last year and has handed out 1,150 naloxone kits since January.
"""


def test_a_short_retranslation_of_one_precise_figure_on_the_same_day_groups():
    assert grouped(doc("a.txt", PRECISE), doc("b.txt", PRECISE_RETRANS)) == {frozenset({"a.txt", "b.txt"})}


def test_a_same_day_statement_quoting_the_figure_with_its_own_numbers_stays_apart():
    groups = grouped(doc("a.txt", PRECISE), doc("b.txt", PRECISE_RETRANS), doc("q.txt", PRECISE_QUOTE))
    assert frozenset({"q.txt"}) in groups


# --- regrouping after changes gives the grouping from nothing ------------------------------

def test_regrouping_after_random_changes_agrees_with_grouping_from_nothing():
    pool = {name: text for name, text in [
        ("seizure.txt", SEIZURE), ("rounded.txt", SEIZURE_ROUNDED), ("kg.txt", SEIZURE_KG),
        ("other.txt", SEIZURE_OTHER), ("arms.txt", ARMS), ("digest.txt", DIGEST), ("es.txt", SEIZURE_ES),
        ("one.txt", ONE), ("one_rt.txt", ONE_RETRANS), ("one_es.txt", ONE_ES), ("one_t.txt", ONE_TEMPLATE),
        ("precise.txt", PRECISE), ("precise_rt.txt", PRECISE_RETRANS), ("quote.txt", PRECISE_QUOTE),
        ("indictment.txt", INDICTMENT), ("plea.txt", PLEA),
        ("sector_lb.txt", SECTOR.format(a="212 pounds", b="1,480 pounds")),
        ("sector_kg.txt", SECTOR.format(a="96 kilograms", b="671 kilograms")),
        ("short_a.txt", SHORT.format(date="August 1, 2025", a="142 pounds", b="$2.3 million")),
        ("short_b.txt", SHORT.format(date="August 1, 2025", a="124 pounds", b="$2.3 million")),
    ]}
    rng = random.Random(3)
    names = sorted(pool)
    present = set(rng.sample(names, 9))
    _, last = regroup.plan([doc(n, pool[n]) for n in sorted(present)])
    for _ in range(8):
        for name in rng.sample(names, 3):
            present ^= {name}
        sources = [doc(n, pool[n]) for n in sorted(present)]
        again, last = regroup.plan(sources, last=last)
        fresh, _ = regroup.plan_from_nothing(sorted(sources, key=lambda d: d.source_file),
                                             [regroup.profile_key(d) for d in sorted(sources, key=lambda d: d.source_file)])
        as_names = lambda p: sorted(sorted(p.sources[i].source_file for i in g) for g in p.groups)  # noqa: E731
        assert as_names(again) == as_names(fresh)


def test_a_text_whose_wording_is_all_boilerplate_is_found_by_its_figures_only():
    # Their shingles are all boilerplate (emptied below): an empty sketch would collide with every
    # other empty one in the LSH index and make every pair of them a candidate.
    from pipeline.core.reconcile.candidates import candidate_pairs
    from pipeline.core.reconcile.profiles import build_profiles

    texts = [f"Notice {n}: the office is closed on Monday." for n in range(6)]
    profiles = [dataclasses.replace(p, shingles=p.shingles[:0])
                for p in build_profiles([doc(f"{n}.txt", t) for n, t in enumerate(texts)])]
    assert candidate_pairs(profiles) == set()
    assert candidate_pairs(build_profiles([doc(f"{n}.txt", t) for n, t in enumerate(texts)]))  # by wording


# --- a rewrite in an outlet's own words is not a version (it is another document of the story) ---

RELEASE = """Authorities Dismantle Synthetic Drug Network in Sonora
March 3, 2026

HERMOSILLO, Sonora - Federal agents dismantled a synthetic drug network on Tuesday, seizing 1,870 pounds of methamphetamine and 412,000 counterfeit pills at three ranches near Caborca. Investigators arrested 14 people and recovered 36 rifles and $2.6 million in cash.
The operation followed an eight-month investigation with U.S. partners. Prosecutors said the 14 defendants face charges of drug trafficking and organized crime.
"""

RELEASE_TRUNCATED = RELEASE.split("The operation")[0]

REWRITE = """Sonora raids net meth, pills and cash
March 3, 2026

A months-long probe came to a head on Tuesday when federal forces swept three ranches outside Caborca. Their haul: 1,870 pounds of meth, more than 400,000 fake pills, 36 rifles and $2.6 million. Fourteen people are in custody.
Security analysts said the network supplied markets in Arizona.
"""

REWRITE_ES = """Desmantelan red de drogas sintéticas en Sonora
3 de marzo de 2026

Fuerzas federales aseguraron este martes casi 850 kilos de metanfetamina, 412,000 pastillas falsas, 36 rifles y 2.6 millones de dólares en tres ranchos de Caborca, Sonora. Hay 14 detenidos.
"""

TRANSLATION_ES = """Autoridades desmantelan red de drogas sintéticas en Sonora
3 de marzo de 2026

HERMOSILLO, Sonora - Agentes federales desmantelaron el martes una red de drogas sintéticas y aseguraron 1,870 libras de metanfetamina y 412,000 pastillas falsificadas en tres ranchos cerca de Caborca. Los investigadores detuvieron a 14 personas y recuperaron 36 rifles y $2.6 millones en efectivo.
La operación siguió a una investigación de ocho meses con socios de Estados Unidos. La fiscalía informó que los 14 imputados enfrentan cargos por narcotráfico y delincuencia organizada.
"""


def test_a_rewrite_in_an_outlets_own_words_is_not_a_version_of_the_release():
    """Its figures are the release's, its wording is not (shared shingles < 0.3) and it rounds one."""
    assert grouped(doc("r.txt", RELEASE), doc("w.txt", REWRITE)) == {frozenset({"r.txt"}), frozenset({"w.txt"})}


def test_a_rewrite_in_another_language_that_rounds_a_conversion_is_not_a_translation():
    """"casi 850 kilos" for 1,870 pounds, two numbers fewer, half the length: a text of its own."""
    assert grouped(doc("r.txt", RELEASE), doc("e.txt", REWRITE_ES)) == {frozenset({"r.txt"}), frozenset({"e.txt"})}


def test_copies_and_translations_stay_versions_beside_the_rewrites():
    groups = grouped(doc("r.txt", RELEASE), doc("t.txt", RELEASE_TRUNCATED), doc("es.txt", TRANSLATION_ES),
                     doc("w.txt", REWRITE), doc("e.txt", REWRITE_ES))
    assert groups == {frozenset({"r.txt", "t.txt", "es.txt"}), frozenset({"w.txt"}), frozenset({"e.txt"})}
