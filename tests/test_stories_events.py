"""Story links by dated events: how much evidence tells one event of a day from another.

Texts written for these tests (fictional places and figures), read by the project's own
extractor through tests/test_stories.py's ``frames``.
"""
from __future__ import annotations

from tests.test_stories import frames, story_of

RAID = """Army raid in Costa Rica, Sinaloa
October 5, 2026

Soldiers arrested 7 people in a raid on a ranch near Costa Rica, Sinaloa, on October 4.
The troops seized 52 rifles, 18 magazines and 4,100 rounds of ammunition at the ranch.
"""

TRANSFER = """Mexico sends 13 defendants to face U.S. charges
October 5, 2026

On October 4, Mexico transferred 13 defendants wanted in the United States, among them leaders of a Sinaloa faction.
The defendants were flown from an air base near Querétaro to 5 U.S. cities.
"""


def test_one_name_and_two_values_on_one_day_do_not_make_one_story(tmp_path):
    """7 arrested in a Sinaloa raid and 13 defendants of a Sinaloa faction sent north on the same
    day: people counted on one day, one name of a whole state, no figure stated alike."""
    f = frames(tmp_path, raid=RAID, transfer=TRANSFER)
    assert story_of(f, "raid") != story_of(f, "transfer")


SEIZURE = """Customs seizes meth at Puerto Morelos
Agencia Nacional de Aduanas
August 12, 2026

Customs officers at Puerto Morelos, Quintana Roo, found 1,260 kilograms of methamphetamine in a container on August 11.
The container, declared as floor tiles, had arrived from Buenaventura.
Officers detained 2 people at the terminal.
"""

UNDATED_WIRE = """Meth found in tile shipment in Quintana Roo

By Staff Writer
Mexican customs agents said they discovered 1,260 kilograms of methamphetamine hidden among floor tiles on Aug. 11 at the Caribbean port of Puerto Morelos.
Two people were detained, officials said, and the shipment had come from Colombia.
"""


def test_an_undated_report_of_one_day_joins_the_story_of_its_event(tmp_path):
    """A wire story without a date line that reports one day (Aug. 11) and states the event's
    figure alike, at the same place: one story."""
    f = frames(tmp_path, seizure=SEIZURE, wire=UNDATED_WIRE)
    assert story_of(f, "seizure") == story_of(f, "wire")


RESCUE = """Agents rescue 61 migrants from trailer at Encinal checkpoint
September 10, 2026

Border Patrol agents rescued 61 migrants from a tractor-trailer and arrested the driver on smuggling charges.

On Sept. 9, a canine team at the Encinal checkpoint in Webb County alerted to the trailer, whose cooling unit had been switched off.
The driver, a man from Pearsall, was taken into custody.
"""

RESCUE_REWRITE = """Dozens found in sweltering trailer north of the border
September 10, 2026

Agents pulled 67 migrants out of a hot trailer on Tuesday afternoon, in what they said could have turned deadly.

The truck was stopped on Tuesday, Sept. 9, at the Encinal checkpoint in Webb County after a dog reacted to it.
"""


def test_a_day_stated_once_after_the_lead_dates_a_rewrites_figures_for_its_story(tmp_path):
    """61 vs 67 migrants: each text leads with the figure and dates the rescue (its only day) in
    the next paragraph, at the same checkpoint: one story."""
    f = frames(tmp_path, rescue=RESCUE, rewrite=RESCUE_REWRITE)
    assert story_of(f, "rescue") == story_of(f, "rewrite")


def _port_release(day: int, town: str, kilos: str, boxes: str, held: int) -> str:
    return f"""Marines seize cocaine at {town}
September {day + 1}, 2026

On September {day}, marines inspecting a container at the port of {town} found {kilos} kilograms of cocaine.
The drug was packed in {boxes} boxes of bananas, the Navy said.
Officers detained {held} people at the terminal.
"""


DIGEST = """Monthly summary: port seizures

On September 9 at Manzanillo marines found 2,310 kilograms of cocaine. It was packed in 187 boxes of bananas.
On September 12 at Altamira marines found 1,475 kilograms of cocaine. It was packed in 96 boxes of bananas.
Both cases were handed to federal prosecutors.
"""


def test_an_undated_digest_of_several_days_joins_no_story(tmp_path):
    """A digest without a date line states the figures of two seizures three days apart: no date
    says which story it belongs to, and it does not join the two."""
    f = frames(tmp_path, first=_port_release(9, "Manzanillo", "2,310", "187", 3),
               second=_port_release(12, "Altamira", "1,475", "96", 2), digest=DIGEST)
    assert story_of(f, "first") != story_of(f, "second")


TUNNEL = """Agents find unfinished tunnel in Nogales
October 1, 2026

Border Patrol agents and Mexican authorities located an unfinished cross-border tunnel beneath a vacant warehouse.

On Sept. 28, agents responding to reports of digging noises found the entrance in Nogales.
Fourteen people were arrested on both sides of the border, officials said.
"""

TUNNEL_ES = """Hallan túnel inconcluso bajo la frontera; detienen a 12
1 de octubre de 2026

Autoridades de México y de Estados Unidos localizaron un túnel que buscaba cruzar bajo la línea fronteriza.

El hallazgo ocurrió el 28 de septiembre en Nogales, tras reportes de ruidos de excavación.
En total fueron detenidas 12 personas en ambos lados de la frontera.
"""


def test_a_rewrite_whose_one_figure_is_misstated_joins_the_story_of_its_event(tmp_path):
    """14 vs 12 people arrested, one day, one place: each text states one dated figure, and those
    figures count one thing (in two languages): one story, though one name and two values would
    not be enough between texts of many figures."""
    f = frames(tmp_path, tunnel=TUNNEL, tunnel_es=TUNNEL_ES)
    assert story_of(f, "tunnel") == story_of(f, "tunnel_es")


DRUMS = """Agencia Nacional de Aduanas asegura precursores químicos en Manzanillo
4 de marzo de 2026

El 3 de marzo, en el puerto de Manzanillo, personal de aduanas aseguró 744 tambos con ácido fenilacético procedentes de Shanghái.
Los tambos fueron puestos a disposición de la Fiscalía.
"""

DRUMS_EN = """Customs seize fentanyl precursor shipment at Pacific port
March 5, 2026

Mexican customs officers on March 3 opened a container at Manzanillo and found 744 drums of phenylacetic acid, a chemical used to make amphetamines.
Officials said the shipment had left Shanghai in January.
"""


def test_a_specific_figure_of_one_day_and_place_links_two_wordings_of_the_counted_thing(tmp_path):
    """"744 tambos" and "744 drums" on March 3 at Manzanillo: the counted things are worded in
    two languages, the figure, the day and the place are the same: one story."""
    f = frames(tmp_path, drums=DRUMS, drums_en=DRUMS_EN)
    assert story_of(f, "drums") == story_of(f, "drums_en")


DESIGNATIONS = """Treasury and Mexico's financial intelligence unit act against a laundering network
July 1, 2026

On June 27, Treasury designated 14 individuals and 11 companies that launder money for a cartel through exchange houses in Guadalajara and Tepic.
The same day, Mexico's financial intelligence unit froze 205 bank accounts holding 310 million pesos.
"""

READOUT = """Readout: Under Secretary's meeting with Mexico's Secretary of Finance
July 1, 2026

The Under Secretary thanked the Secretary for the swift action on June 27, when Mexico blocked the 14 individuals and 11 companies designated that day.
The two officials discussed the supervision of fintech companies.
"""


def test_two_figures_of_one_day_stated_alike_link_a_readout_without_a_name(tmp_path):
    """A readout states two figures of the June 27 action alike (14 individuals, 11 companies), in
    one sentence that names no place: one story with the statement."""
    f = frames(tmp_path, statement=DESIGNATIONS, readout=READOUT)
    assert story_of(f, "statement") == story_of(f, "readout")


def _raid(town: str, guns: int) -> str:
    return f"""State police raid a safe house in {town}
May 6, 2026

On May 5, state police arrested 3 people and seized 2 vehicles at a safe house in {town}.
Officers also recovered {guns} rifles at the house.
"""


def test_small_figures_stated_alike_on_one_day_do_not_link_two_raids(tmp_path):
    """3 arrested and 2 vehicles on May 5 in two towns: small counts many events of a day state."""
    f = frames(tmp_path, first=_raid("Zamora", 11), second=_raid("Uruapan", 23))
    assert story_of(f, "first") != story_of(f, "second")


def test_one_name_and_two_values_among_other_figures_of_the_day_are_no_discrepancy(tmp_path):
    """7 people arrested in a Sinaloa raid, 13 defendants of a Sinaloa faction sent north the same
    day: the texts state other figures of that day, none alike, and share one name: two events."""
    f = frames(tmp_path, raid=RAID, transfer=TRANSFER)
    assert f["discrepancies"].empty
