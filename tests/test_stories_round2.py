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
