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
