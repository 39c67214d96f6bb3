"""Held-out set 4: a column header's unit in a pipe table, capitalized modifiers after a hyphen-attached
duration, a compared percent after a copula, and a second part of a set after "and" (written from a
CBP operation release, a USCG patrol release, an ICE removals release and a Senate opening statement)."""
import pytest

from pipeline.core.extract.mentions import extract_mentions


def mentions(text):
    return [(m.surface, m.kind, m.value, m.unit, m.subject) for m in extract_mentions(text) if m.value is not None]


def subject_of(text, surface):
    return next(m.subject for m in extract_mentions(text) if m.surface == surface)


# --- a column header's unit names the mass of its cells -------------------------------------------
_TABLE = """Seizures by crossing:

Crossing | Heroin (kg) | Arrests
Laredo | 320 | 14
Tucson | 40 | 3
"""


def test_a_column_header_unit_makes_its_cells_masses():
    got = mentions(_TABLE)
    assert ("320", "mass", 320.0, "kg", "Heroin Laredo") in got
    assert ("40", "mass", 40.0, "kg", "Heroin Tucson") in got


def test_a_column_without_a_unit_stays_a_count():
    got = mentions(_TABLE)  # negative: the Arrests column names no unit; its header names what it counts
    assert ("14", "count", 14.0, "count", "Arrests Laredo") in got
    assert ("3", "count", 3.0, "count", "Arrests Tucson") in got


def test_a_header_of_figures_is_no_header():
    # negative: the first line is a row of figures, not a header
    got = mentions("Laredo | 320 (lbs) | 14\nTucson | 40 | 3\n")
    assert not any(kind == "mass" and surface == "40" for surface, kind, *_ in got)


# --- capitalized modifiers between a hyphen-attached duration and its noun -------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("Cutter Munro returns to Alameda after 120-day Eastern Pacific patrol", "120-day", "Eastern Pacific patrol"),
    ("The agency launched a 90-day Border Patrol surge in Arizona.", "90-day", "Border Patrol surge"),
    ("After a six-month National Guard deployment ended, troops returned.", "six-month", "National Guard deployment"),
])
def test_a_duration_describes_the_noun_after_its_named_modifiers(text, surface, subject):
    assert subject_of(text, surface) == subject


@pytest.mark.parametrize("text, surface, subject", [
    ("The unit started a 60-day counter-narcotics surge in Sonora.", "60-day", "counter-narcotics surge"),
    ("The cutter returned after a 120-day patrol in the Eastern Pacific Ocean.", "120-day", "patrol"),
])
def test_a_lower_case_noun_after_the_duration_is_kept(text, surface, subject):
    assert subject_of(text, surface) == subject  # negatives: no capitalized modifier


# --- a compared percent after a copula: the change in the clause's subject ---------------------------
@pytest.mark.parametrize("text, surface, subject", [
    ("The agency said seizures were about 15 percent higher this year, and arrests were 10 percent lower.",
     "10 percent", "decrease in arrests"),
    # Relabelled (issue 17): a careful reader does not keep the capital of a sentence's first word
    # ("increase in Prices" was the code's output pinned as a label).
    *[pytest.param(*case, marks=pytest.mark.xfail(reason="subject keeps the sentence-initial capital", strict=True))
      for case in [
          ("Seizures of fentanyl during the surge were 35 percent higher than last year.", "35 percent",
           "increase in seizures of fentanyl during the surge"),
          ("Homicide rates were 8% higher in Sonora.", "8%", "increase in homicide rates"),
          ("Prices were 20 percent lower.", "20 percent", "decrease in prices"),
          ("Apprehensions were 12 percent more than in March.", "12 percent", "increase in apprehensions"),
      ]],
])
def test_a_compared_percent_is_the_change_in_the_clause_subject(text, surface, subject):
    assert subject_of(text, surface) == subject


def test_a_percent_more_of_a_noun_keeps_the_noun():
    # negative: "40 percent more firearms" names what increased after the figure
    assert subject_of("Officers seized 40 percent more firearms than in 2023.", "40 percent") == "increase in firearms seized"


# --- a part of a set: after a participle, and a second part after "and" ----------------------------
def test_a_part_of_a_set_named_with_a_participle():
    got = mentions("Of the 134 people arrested, 22 had prior convictions.")
    assert ("22", "count", 22.0, "count", "people arrested had prior convictions") in got


def test_a_second_part_of_the_set_after_and():
    got = mentions("Of those removed, 22 had documented ties to cartels and 47 had prior convictions.")
    assert ("22", "count", 22.0, "count", "removed had documented ties to cartels") in got
    assert ("47", "count", 47.0, "count", "removed had prior convictions") in got


@pytest.mark.parametrize("text, surface", [
    ("Officers seized 40 rifles and 12 were stolen.", "12"),  # no set opens the sentence
    ("Of those removed, 22 had ties to cartels, 2023 and 47 had prior convictions.", "47"),  # another figure between
])
def test_no_second_part_without_a_set(text, surface):
    assert all(m.surface != surface or m.value is None for m in extract_mentions(text))
