"""Round 2 of issue 16: classes of misses of s1-s13, each with texts written for these tests
(fictional events and figures), read by the project's own extractor through tests/test_stories.py's
``frames``."""
from __future__ import annotations

from tests.test_stories import frames, story_of

WEEKLY = """Informe semanal del Gabinete de Seguridad: 2 al 8 de noviembre de 2026
Gabinete de Seguridad
9 de noviembre de 2026

Durante la semana, las instituciones federales detuvieron a 1,310 personas y aseguraron 402 armas de fuego en todo el país.

Se aseguraron 48 fusiles en Apatzingán, Michoacán, y 31 fusiles en Uruapan, Michoacán, ambos el 3 de noviembre.

Se inhabilitaron 22 laboratorios clandestinos en Sinaloa y Sonora.
"""

URUAPAN = """Army seizes rifles in Uruapan
November 4, 2026

Soldiers seized 31 rifles at a warehouse in Uruapan, Michoacán, on November 3 and detained 5 people.
The rifles were handed to federal prosecutors in Morelia.
"""


def _discrepancy_values(f) -> set[tuple[float, float]]:
    d = f["discrepancies"]
    return {tuple(sorted((a, b))) for a, b in zip(d["value_a"], d["value_b"])}


def test_a_sentence_dating_two_seizures_is_no_discrepancy_with_either(tmp_path):
    """A weekly report dates two seizures of one day in one sentence (48 rifles in one town, 31 in
    another): the release about the second states its 31 alike, so 48 is the other seizure's,
    not a discrepancy."""
    f = frames(tmp_path, weekly=WEEKLY, uruapan=URUAPAN)
    assert (31.0, 48.0) not in _discrepancy_values(f)


EXTRADITION = """Alleged Gulf Cartel Financier Extradited to Texas
U.S. Department of Justice
March 18, 2027

Rogelio Anaya Villarreal, 47, of Reynosa, Tamaulipas, was extradited from Mexico today to face money laundering charges in the Southern District of Texas.
According to the indictment, Anaya Villarreal moved more than $63 million in drug proceeds through 14 front companies between 2018 and 2022.
If convicted, he faces a maximum penalty of 20 years in prison.
"""

ENTREGA = """FGR entrega en extradición a Rogelio "N"
Fiscalía General de la República
Ciudad de México, 18 de marzo de 2027

La Fiscalía General de la República entregó este 18 de marzo al gobierno de los Estados Unidos a Rogelio Anaya Villarreal, requerido por una corte federal de Texas por lavado de dinero.
La entrega se realizó en el Aeropuerto Internacional de la Ciudad de México, una vez agotados los recursos legales del requerido.
"""

OTHER_ENTREGA = """FGR entrega en extradición a Marcos "N"
Fiscalía General de la República
Ciudad de México, 18 de marzo de 2027

La Fiscalía General de la República entregó este 18 de marzo al gobierno de los Estados Unidos a Marcos Ibarra Solís, requerido por una corte federal de Arizona por tráfico de armas.
La entrega se realizó en el Aeropuerto Internacional de la Ciudad de México, una vez agotados los recursos legales del requerido.
"""


def test_a_communique_without_figures_naming_the_same_person_that_day_joins_the_story(tmp_path):
    """The other government's communiqué on the same extradition, in its own words and without a
    figure, names the same person (a name of two words or more) in its lead on the same day: one
    story."""
    f = frames(tmp_path, doj=EXTRADITION, fgr=ENTREGA)
    assert story_of(f, "doj") == story_of(f, "fgr")


def test_a_communique_naming_another_person_that_day_joins_no_story(tmp_path):
    """Same issuer, same day, same template, another person: two stories (the shared words are
    the issuer's and a city's, not the event's)."""
    f = frames(tmp_path, doj=EXTRADITION, fgr=OTHER_ENTREGA)
    assert story_of(f, "doj") != story_of(f, "fgr")


MEETING = """Joint Statement on the Second Session of the Border Fentanyl Working Group
Office of the Spokesperson
October 15, 2026

The United States and Mexico held the second session of the Border Fentanyl Working Group on October 14, 2026, in Monterrey.
The delegations noted that 640 pill presses were seized in the first half of the year and that 29 clandestine laboratories were dismantled in Sinaloa and Sonora.
The United States will provide $9 million for precursor chemical inspections at 11 seaports.
"""

READOUT = """Readout: Assistant Secretary's Meeting with Mexico's Health Undersecretary
Office of the Spokesperson
October 14, 2026

The Assistant Secretary met today with Mexico's Health Undersecretary on the margins of the second session of the Border Fentanyl Working Group in Monterrey.
They welcomed the seizure of 640 pill presses and the dismantling of 29 clandestine laboratories, and discussed treatment programs.
"""


def test_a_readout_naming_the_meeting_whose_figures_it_repeats_in_one_sentence_joins_its_story(tmp_path):
    """A readout of a meeting on the margins of another names that meeting (a name of two words
    or more) on the same day, and states only figures of the joint statement (two, in one
    sentence): one story."""
    f = frames(tmp_path, statement=MEETING, readout=READOUT)
    assert story_of(f, "statement") == story_of(f, "readout")


HANDOVER = """Marina asegura 1,450 kilos de cocaína frente a Salina Cruz
Secretaría de Marina
6 de noviembre de 2026

El 5 de noviembre de 2026, personal naval aseguró 1,450 kilogramos de cocaína a bordo de una lancha frente a Salina Cruz, Oaxaca, y detuvo a cuatro personas.
La embarcación fue trasladada al puerto de Salina Cruz, donde la droga quedó a disposición del Ministerio Público.
"""

WIRE = """Mexican navy seizes cocaine off Oaxaca coast

By Southern Desk
MEXICO CITY, Nov. 6 (Gulfstream News Agency) - Mexico's navy said on Friday it had seized 1,540 kilograms of cocaine from a speedboat off the port of Salina Cruz and detained four people.
The interception took place on Nov. 5 off the coast of Oaxaca state, the navy said in a statement.
"""


def test_a_wire_dateline_is_not_the_day_of_the_event(tmp_path):
    """A wire story's dateline ("MEXICO CITY, Nov. 6 (Agency) -") states the day it was filed; the
    event is the day its second paragraph gives (Nov. 5). Dated so, the wire story of the Salina
    Cruz seizure, its one figure misstated, joins the navy release's story."""
    f = frames(tmp_path, navy=HANDOVER, wire=WIRE)
    assert story_of(f, "navy") == story_of(f, "wire")


def test_a_dateline_states_no_day_of_its_sentence():
    from pipeline.core.reconcile.dates import sentence_dates
    assert sentence_dates("MEXICO CITY, March 12 (Hemisphere Wire Service) - The navy said it seized 900 kilograms.") \
        == frozenset()
    assert sentence_dates("WASHINGTON, Dec. 3 - Agents said the raid took place on Dec. 1.") == frozenset({"--12-01"})
    assert sentence_dates("The navy said on March 12 it seized 900 kilograms.") == frozenset({"--03-12"})


TRANSFER_EN = """Mexico Sends 18 Fugitives to Face Charges in the United States
Office of Public Affairs
March 2, 2027

On March 1, the Government of Mexico sent 18 fugitives wanted in the United States to U.S. custody. They were flown from Querétaro to six U.S. cities.
Eleven of the fugitives are charged with fentanyl trafficking, five with money laundering and two with murder of a federal agent.
The Attorney General thanked the Mexican government for its cooperation on the transfer.
"""

TRANSFER_ES = """México envía a Estados Unidos a 18 prófugos requeridos por la justicia
Embajada de los Estados Unidos – Traducción del comunicado del Departamento de Justicia
2 de marzo de 2027

El 1 de marzo, el Gobierno de México envió a la custodia de los Estados Unidos a 18 prófugos requeridos en ese país. Fueron trasladados desde Querétaro a seis ciudades estadounidenses.
Once de los prófugos enfrentan cargos por tráfico de fentanilo, cinco por lavado de dinero y dos por el homicidio de un agente federal.
El Fiscal General agradeció al gobierno de México su cooperación en el traslado.
"""


def _document_of(f, name: str) -> str:
    return f["source_versions"].set_index("source_file").loc[f"{name}.txt", "document_id"]


def test_a_translation_writing_its_small_numbers_in_words_is_a_version(tmp_path):
    """A translation of a release of one figure in digits (18 fugitives) writes its other numbers in
    words as the release does ("six", "Eleven", "five", "two" / "seis", "Once", "cinco", "dos"):
    they are the numbers it writes, and it is a version of the release."""
    f = frames(tmp_path, en=TRANSFER_EN, es=TRANSFER_ES)
    assert _document_of(f, "en") == _document_of(f, "es")


CARGO_WEEKLY = """Pharr Field Office Weekly Cargo Report: May 2-8, 2027
U.S. Customs and Border Protection
May 10, 2027

PHARR, Texas — CBP officers processed 64,200 commercial trucks during the week of May 2-8, 2027, and made these seizures:

- On May 4, officers at the Anzalduas Bridge found 1,930 pounds of methamphetamine inside a load of watermelons.
- On May 6, officers at the Donna Bridge seized 208 pounds of cocaine in a shipment of furniture.

In all, officers seized 2,138 pounds of narcotics in commercial cargo during the week.
"""

CARGO_TV = """Meth hidden in watermelons at Anzalduas Bridge

MISSION — Officers at the Anzalduas Bridge on May 4 found a large load of meth tucked among watermelons in a truck coming from Mexico, the agency said.

The 1,390 pounds of meth were found after a drug-sniffing dog alerted to the trailer, officers said.

The agency did not say whether anyone was arrested.
"""


def test_meth_and_methamphetamine_count_one_thing(tmp_path):
    """A TV rewrite without a date line words the drug "meth" where the weekly report says
    "methamphetamine": one counted thing, so its misstated figure of the day and bridge joins the
    story and is a discrepancy."""
    f = frames(tmp_path, weekly=CARGO_WEEKLY, tv=CARGO_TV)
    assert story_of(f, "weekly") == story_of(f, "tv")
    assert (1390.0, 1930.0) in _discrepancy_values(f)


MEETING_ES = """Comunicado conjunto sobre la Segunda Sesión del Grupo de Trabajo Fronterizo sobre Fentanilo
Secretaría de Relaciones Exteriores
15 de octubre de 2026

Estados Unidos y México celebraron la segunda sesión del Grupo de Trabajo Fronterizo sobre Fentanilo el 14 de octubre de 2026, en Monterrey.
Las delegaciones señalaron que se aseguraron 640 prensas para pastillas en el primer semestre del año y que se desmantelaron 29 laboratorios clandestinos en Sinaloa y Sonora.
Estados Unidos aportará 9 millones de dólares para inspecciones de precursores químicos en 11 puertos marítimos.
"""


def test_a_readout_joins_a_statement_whatever_language_its_canonical_version_is_in(tmp_path):
    """The joint statement in two languages is one document; the readout names the meeting as the
    English version does, whichever version is canonical: one story."""
    f = frames(tmp_path, statement=MEETING, statement_es=MEETING_ES, readout=READOUT)
    assert story_of(f, "statement") == story_of(f, "statement_es")
    assert story_of(f, "statement") == story_of(f, "readout")


def test_a_figure_dated_after_the_lead_differs_from_its_storys_release(tmp_path):
    """Inside one story, a rewrite's figure takes the one day the rewrite states after its lead
    (Nov. 5 in its second paragraph) for discrepancies too: its 1,540 kilograms of the Salina Cruz
    seizure differ from the navy's 1,450."""
    f = frames(tmp_path, navy=HANDOVER, wire=WIRE)
    assert (1450.0, 1540.0) in _discrepancy_values(f)
    d = f["discrepancies"]
    assert (d["story_id_a"] == d["story_id_b"]).all()


ARSENAL = """Ejército asegura arsenal en Zitácuaro, Michoacán
Secretaría de la Defensa Nacional
4 de diciembre de 2026

El 3 de diciembre de 2026, personal militar aseguró en Zitácuaro, Michoacán, 2,030 cartuchos, 37 armas largas y 14 granadas en una bodega, y detuvo a tres personas.
Lo asegurado quedó a disposición del Ministerio Público de la Federación en Morelia.
"""

ARSENAL_WIRE = """Mexican troops find arsenal in Michoacan warehouse

By Western Desk
Mexican soldiers found some 2,000 rounds of ammunition, 37 rifles and 14 grenades in a warehouse in Zitacuaro and arrested three people, the defense ministry said.
The raid took place on Dec. 3 in the eastern part of Michoacan state.
"""


def test_a_round_figure_within_its_precision_is_no_discrepancy(tmp_path):
    """"Some 2,000 rounds" in a rewrite of the story that states 2,030: the round figure states
    the other within its precision (half its last non-zero place), not a different value."""
    f = frames(tmp_path, sedena=ARSENAL, wire=ARSENAL_WIRE)
    assert story_of(f, "sedena") == story_of(f, "wire")
    assert (2000.0, 2030.0) not in _discrepancy_values(f)
