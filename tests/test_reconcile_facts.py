"""Facts of one document whose versions restate an amount: in another unit, rounded, in the
headline, or beside it in the same sentence -- and the differences that must stay apart.

The texts go through the project's own extractor (pipeline/core/tables.py), so qualifiers
("nearly", "more than"), spelled numbers and the bare-"tons" reading are the real ones.
"""
from __future__ import annotations

import pytest

from pipeline.core import tables

# A release both versions share most figures and sentences of, so they are grouped as one
# document (a wire write-through: a new lead, the rest kept word for word); each test adds the
# sentences it is about. (A rewrite in an outlet's own words is another document of the story.)
SHARED = """Investigators executed 27 search warrants and arrested 46 suspects in 5 states.
Officers also recovered 318 firearms, 12,740 rounds of ammunition and $4.35 million in cash.
Prosecutors have filed charges against 39 defendants, and 71 bank accounts were frozen."""

def official(body: str, title: str = "Joint Task Force Announces Results of Operation Lantern") -> str:
    return f"{title}\nSeptember 2, 2025\n\nEL PASO - {body}\n\n{SHARED}\n"


def write_through(body: str, title: str = "Results of the Lantern Operation of the Joint Task Force") -> str:
    """A write-through of the release: its own headline and lead, the release's sentences kept."""
    return f"{title}\n2 September 2025\n\nEL PASO - {body}\n\n{SHARED}\n"


def facts(tmp_path, **texts: str):
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    source_texts = tables.source_texts_frame(tmp_path, 1 << 20)
    frames = tables.reconciled_frames(source_texts, tables.measurements_frame(source_texts))
    assert frames["documents"].shape[0] == 1, "the versions must be one document for these tests"
    return frames["facts"]


def mass(f, value: float, unit: str):
    rows = f[(f["kind"] == "mass") & (f["value"] == value) & (f["unit"] == unit)]
    return rows.iloc[0] if len(rows) == 1 else None


def on(f, kind: str, word: str):
    """The facts of one kind whose subject names ``word`` (whichever version is canonical, its
    figure is the fact's value)."""
    return f[(f["kind"] == kind) & f["subject"].str.contains(word, na=False)]


def one_fact_of_both(f, kind: str, word: str):
    rows = on(f, kind, word)
    assert len(rows) == 1, rows[["value", "unit", "subject", "n_sources"]].to_dict("records")
    row = rows.iloc[0]
    assert row["n_sources"] == 2 and not row["has_conflict"]
    return row


def count(f, value: float):
    return f[(f["kind"] == "count") & (f["value"] == value)]


# --- the same mass restated in another unit -------------------------------------------

def test_a_mass_restated_in_kilograms_is_the_same_fact(tmp_path):
    f = facts(tmp_path,
              a=official("The task force seized 3,180 pounds of cocaine and 915 pounds of heroin at a ranch "
                         "near Fabens, and 22,600 pounds of marijuana in a warehouse."),
              b=write_through("At a ranch close to Fabens the task force confiscated approximately 1,442 kilograms "
                             "of cocaine and 415 kilograms of heroin; in a warehouse, 10,251 kilograms of marijuana."))
    for drug, kg in (("cocaine", 1442.4), ("heroin", 415.0), ("marijuana", 10251.2)):
        row = one_fact_of_both(f, "mass", drug)
        assert row["value_kg"] == pytest.approx(kg, rel=0.001)


def test_tons_restated_in_pounds_short_and_metric(tmp_path):
    f = facts(tmp_path,
              a=official("Customs officers seized 1,500 metric tons of chemical precursors in 48 containers "
                         "and more than two tons of methamphetamine in a truck."),
              b=write_through("In 48 containers customs officers found 1,653 short tons of chemical precursors, "
                             "and in a truck 4,150 pounds of methamphetamine."))
    one_fact_of_both(f, "mass", "precursors")
    one_fact_of_both(f, "mass", "methamphetamine")  # a bare "tons" read either way: 2 short tons


def test_close_masses_of_another_subject_or_beyond_rounding_stay_apart(tmp_path):
    f = facts(tmp_path,
              a=official("Agents seized 2,640 pounds of cocaine at the port and 880 pounds of heroin."),
              b=write_through("At the port agents seized 880 pounds of heroin and about 1,150 kilograms of cocaine. "
                             "Separately, 998 kilograms of marijuana were found in a stash house in Socorro."))
    cocaine = on(f, "mass", "cocaine")  # 2,640 pounds is 1,197.5 kg: not "about 1,150 kilograms"
    assert sorted(cocaine["value"]) == [1150.0, 2640.0] and list(cocaine["n_sources"]) == [1, 1]
    marijuana = on(f, "mass", "marijuana")  # 998 kg is 2,200 pounds, of another drug than the 2,640
    assert list(marijuana["n_sources"]) == [1]


def test_two_seizures_of_nearly_equal_mass_stay_two_facts_and_a_restatement_joins_the_nearest(tmp_path):
    f = facts(tmp_path,
              a=official("On Monday officers found 1,197 kilograms of cocaine in a bus, and on Thursday "
                         "another 1,200 kilograms of cocaine in a boxcar."),
              b=write_through("On Monday officers found 2,640 pounds of cocaine in a bus, and on Thursday "
                             "another 1,200 kilograms of cocaine in a boxcar."))
    cocaine = on(f, "mass", "cocaine")
    assert len(cocaine) == 2 and list(cocaine["n_sources"]) == [2, 2] and not cocaine["has_conflict"].any()
    assert sorted(cocaine["value_kg"].round()) == [1197.0, 1200.0]  # 2,640 pounds joined the 1,197 kg


# --- rounded restatements ---------------------------------------------------------------

def test_nearly_and_more_than_restate_the_exact_figure(tmp_path):
    f = facts(tmp_path,
              a=official("Agents seized 2,987 pounds of methamphetamine and 412,600 counterfeit pills."),
              b=write_through("Nearly 3,000 pounds of methamphetamine were taken off the streets, officials "
                             "said, along with more than 400,000 counterfeit pills."))
    one_fact_of_both(f, "mass", "methamphetamine")
    one_fact_of_both(f, "count", "pills")


def test_a_rounded_figure_too_far_from_the_exact_one_is_not_merged(tmp_path):
    f = facts(tmp_path,
              a=official("Agents seized 2,987 pounds of methamphetamine in the operation."),
              b=write_through("Nearly 3,500 pounds of methamphetamine were taken off the streets, officials said."))
    meth = on(f, "mass", "methamphetamine")
    assert len(meth) == 2 or meth["has_conflict"].all()


# --- restatements inside one file ---------------------------------------------------------

def test_a_headline_rounding_and_a_parenthetical_conversion_are_one_claim(tmp_path):
    f = facts(tmp_path,
              a=official("Officers seized 884 pounds of fentanyl powder and 1,500 kilograms (3,307 pounds) "
                         "of precursor chemicals.",
                         title="Nearly 900 pounds of fentanyl seized in Operation Lantern"),
              b=write_through("The officers seized 884 pounds of fentanyl powder and 1,500 kilograms of "
                             "precursor chemicals."))
    fentanyl = mass(f, 884.0, "lb")
    assert fentanyl is not None and fentanyl["n_sources"] == 2
    assert len(fentanyl["measurement_ids"]) == 3  # the headline's and both bodies'
    assert mass(f, 900.0, "lb") is None
    chemicals = mass(f, 1500.0, "kg")
    assert chemicals is not None and len(chemicals["measurement_ids"]) == 3
    assert mass(f, 3307.0, "lb") is None


def test_two_amounts_in_one_text_are_not_merged_because_one_is_approximate(tmp_path):
    f = facts(tmp_path,
              a=official("Since January agents have seized more than 12,500 pounds of fentanyl. "
                         "At ports of entry alone, officers seized 12,919 pounds of fentanyl."),
              b=write_through("Since January agents have seized more than 12,500 pounds of fentanyl. "
                             "At the ports of entry alone, officers seized 12,919 pounds of fentanyl."))
    assert mass(f, 12500.0, "lb") is not None and mass(f, 12919.0, "lb") is not None


# --- conflicts a re-translation words anew --------------------------------------------------

def test_a_corrected_figure_in_a_reworded_sentence_is_a_conflict(tmp_path):
    f = facts(tmp_path,
              a=official("Coast Guard crews rescued 38 people from a capsized fishing boat off Brownsville "
                         "and recovered 240 kilograms of cocaine from the water."),
              b=write_through("Off Brownsville a fishing boat capsized; 36 persons were saved by the crews of "
                             "the Coast Guard, who also pulled 240 kilograms of cocaine out of the sea."))
    (row,) = f[f["has_conflict"]].itertuples()
    assert {row.value, *row.conflicting_values} == {38.0, 36.0} and row.n_sources == 2
    assert len(count(f, 36.0)) + len(count(f, 38.0)) == 1


def test_a_different_figure_about_another_subject_in_the_same_place_is_not_a_conflict(tmp_path):
    f = facts(tmp_path,
              a=official("Coast Guard crews rescued 38 people from a capsized fishing boat off Brownsville "
                         "and recovered 240 kilograms of cocaine from the water."),
              b=write_through("Off Brownsville the crews of the Coast Guard inspected 14 vessels, and they "
                             "pulled 240 kilograms of cocaine out of the sea."))
    assert not f["has_conflict"].any()
    assert len(count(f, 38.0)) == 1 and len(count(f, 14.0)) == 1


# --- the same small value stated twice, reworded ----------------------------------------------

def test_repeated_small_counts_reworded_pair_in_order(tmp_path):
    f = facts(tmp_path,
              a=official("The operation was led by 3 agencies working in 2 countries with 840 officers.\n"
                         "Officials from 2 governments reviewed 3 bridges and 1,970 trucks."),
              b=write_through("Three institutions of two nations directed the effort, with 840 officers.\n"
                             "Two administrations sent officials, who checked three crossings and 1,970 trucks."))
    for value in (2.0, 3.0):
        rows = count(f, value)
        assert len(rows) == 2 and list(rows["n_sources"]) == [2, 2], value


# --- the amount comparison itself ---------------------------------------------------------------

def _fig(value, unit, surface, qualifier=None, kind="mass"):
    from pipeline.core.reconcile.model import Figure
    return Figure(kind, value, unit, "cocaine", qualifier, surface, surface, surface)


@pytest.mark.parametrize("a, b, same", [
    (_fig(3180, "lb", "3,180 pounds"), _fig(1442, "kg", "1,442 kilograms"), True),
    (_fig(3.0, "short_ton", "three tons", "over"), _fig(6150, "lb", "6,150 pounds"), True),  # 3.08 short tons
    (_fig(3.0, "short_ton", "three short tons", "nearly"), _fig(6150, "lb", "6,150 pounds"), False),  # over 3
    (_fig(2.0, "metric_ton", "2 tons"), _fig(4409, "lb", "4,409 pounds"), True),  # a bare "tons": either reading
    (_fig(2.0, "metric_ton", "2 metric tons"), _fig(4000, "lb", "4,000 pounds"), False),  # 1,814 kg is not 2 t
    (_fig(2.0, "short_ton", "2 tons"), _fig(2.4, "short_ton", "2.4 tons"), False),
    (_fig(4312, "lb", "4,312 pounds"), _fig(4321, "lb", "4,321 pounds"), False),  # a correction, not rounding
    (_fig(53, "count", "53 migrants", kind="count"), _fig(54, "count", "54 migrants", kind="count"), False),
    (_fig(44e6, "count", "44 million pills", "nearly", "count"),
     _fig(43.7e6, "count", "43.7 million pills", kind="count"), True),
    (_fig(2500, "lb", "2,500 pounds", "about"), _fig(2640, "lb", "2,640 pounds"), False),
])
def test_when_two_amounts_may_be_one(a, b, same):
    from pipeline.core.reconcile.amounts import agree
    assert (agree(a, b) is not None) is same
    assert (agree(b, a) is not None) is same


def test_a_fact_states_its_amount_as_exactly_as_a_version_does(tmp_path):
    f = facts(tmp_path,
              a=official("Officers at the Santa Teresa crossing found 2,640 pounds of cocaine in a load of pecans."),
              b=write_through("In a load of pecans at the Santa Teresa crossing, officers found about 2,600 pounds "
                             "of cocaine, according to a longer account of the seizure published by the agency."))
    row = one_fact_of_both(f, "mass", "cocaine")
    assert row["value"] == 2640.0 and row["value_kg"] == pytest.approx(1197.48, rel=1e-4)


def test_a_rounded_count_of_another_subject_in_the_same_place_is_another_figure(tmp_path):
    f = facts(tmp_path,
              a=official("During the surge, troopers stopped 412 drivers on Interstate 10 and seized 96 kilograms "
                         "of cocaine."),
              b=write_through("During the surge, troopers searched more than 400 trailers on Interstate 10 and "
                             "seized 96 kilograms of cocaine."))
    assert list(count(f, 412.0)["n_sources"]) == [1] and list(count(f, 400.0)["n_sources"]) == [1]
