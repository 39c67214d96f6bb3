"""Numbered planned actions: list detection and merging across versions."""
import pytest

from pipeline.core.commitments import extract_commitments, merge_commitments

ACTIONS = ["Expand investment in public health institutions.", "Strengthen prevention and recovery programs.",
           "Dismantle smuggling organizations through joint task forces.", "Sign a memorandum on chemical imports.",
           "Prepare a joint report on arms trafficking routes."]


def numbered(items, fmt="{n}. {t}", start=1):
    return "\n".join(fmt.format(n=n, t=t) for n, t in enumerate(items, start=start))


def test_plain_numbered_list():
    text = "Intro paragraph.\n\n" + numbered(ACTIONS) + "\n\nClosing paragraph."
    assert extract_commitments(text) == ACTIONS


def test_auto_numbered_list_where_every_item_is_one():
    text = "We will:\n\n" + "\n".join(f"  1. {t}" for t in ACTIONS[:-1]) + f"\n  2. {ACTIONS[-1]}\n"
    assert extract_commitments(text) == ACTIONS


def test_indented_markers_parentheses_and_nbsp():
    assert extract_commitments(numbered(ACTIONS, "  {n}) {t}")) == ACTIONS
    assert extract_commitments(numbered(ACTIONS, "({n}) {t}")) == ACTIONS
    assert extract_commitments(numbered(ACTIONS, "{n}.\u00a0{t}")) == ACTIONS


def test_blank_line_inside_the_list_keeps_one_list():
    text = numbered(ACTIONS[:2]) + "\n\n" + numbered(ACTIONS[2:], start=3)
    assert extract_commitments(text) == ACTIONS


def test_indented_continuation_line_joins_its_item():
    text = "1. Expand investment in public health\n   and justice institutions.\n2. Fund recovery programs."
    assert extract_commitments(text) == ["Expand investment in public health and justice institutions.",
                                         "Fund recovery programs."]


def test_prose_and_lone_numbered_lines_are_not_commitments():
    text = ("In 2021, the agencies seized 15,000 pounds.\n1. Introduction\n\nThe text goes on.\n"
            "2022. A year of progress.\n")
    assert extract_commitments(text) == []


def test_a_paragraph_ends_the_list():
    text = numbered(ACTIONS[:2]) + "\nA paragraph in between.\n" + numbered(ACTIONS[2:4])
    assert extract_commitments(text) == ACTIONS[:4]  # two lists, both kept, positions continue


def test_merge_same_list_from_two_versions_is_not_doubled():
    merged = merge_commitments([("a", ACTIONS), ("b", [t.replace(".", "") for t in ACTIONS])])
    assert [c.ordinal for c in merged] == [1, 2, 3, 4, 5]
    assert all(c.n_sources == 2 and c.source_files == ("a", "b") for c in merged)
    assert merged[0].text == ACTIONS[0]  # the canonical wording


def test_merge_keeps_items_only_one_version_has_in_text_order():
    other = ACTIONS[:2] + ["Train investigators in digital forensics."] + ACTIONS[2:4]
    merged = merge_commitments([("a", ACTIONS), ("b", other)])
    assert [c.text for c in merged] == ACTIONS[:2] + [other[2]] + ACTIONS[2:]
    assert [c.n_sources for c in merged] == [2, 2, 1, 2, 2, 1]


def test_merge_truncated_version_and_reworded_items():
    reworded = [t.replace("Expand", "Increase").replace("joint", "bilateral") for t in ACTIONS[:3]]
    merged = merge_commitments([("a", ACTIONS), ("c", reworded)])
    assert len(merged) == 5 and [c.n_sources for c in merged] == [2, 2, 2, 1, 1]


def test_merge_of_nothing():
    assert merge_commitments([]) == []
    assert merge_commitments([("a", [])]) == []


def test_a_list_introduced_by_words_of_intent_is_kept_whatever_its_items():
    items = ["Joint operations at six priority ports of entry.", "Additional scanning systems along the corridors."]
    assert extract_commitments("The report lists the following:\n" + numbered(items)) == []
    assert extract_commitments("The two governments agreed on the following actions:\n" + numbered(items)) == items
    assert extract_commitments("Compromisos del Gabinete:\n" + numbered(items)) == items


@pytest.mark.parametrize("items", [
    ["Fortalecer la cooperación entre fiscalías.", "Ampliar el intercambio de información financiera.",
     "Desmantelar las redes de tráfico de armas."],
    ["La Secretaría de Marina reforzará la vigilancia en los puertos.", "Ambos gobiernos impulsarán un grupo de trabajo."],
    ["The United States will provide ten scanning systems.", "Mexico will assign 200 inspectors to the ports."],
    ["Launch a working group on precursor chemicals.", "Hold quarterly reviews of progress.",
     "Modernize inspection at the busiest crossings."],
])
def test_items_that_read_as_actions_make_a_list_of_commitments(items):
    assert extract_commitments("Resumen.\n\n" + numbered(items)) == items


@pytest.mark.parametrize("intro, items", [
    # results of the past year
    ("Key results:", ["Since 2008, the United States has provided $3.5 billion in assistance.",
                      "In FY 2024, INL invested $124 million in forensic capacity.",
                      "INL trained 7,800 police officers in 2023."]),
    # the inventory of a seizure, Spanish style
    ("Se aseguró lo siguiente:", ["350 kilogramos de metanfetamina;", "2 mil 500 pastillas de fentanilo;",
                                  "12 armas largas;", "2 vehículos."]),
    # notes under a table
    ("Notes:", ["Data for FY 2024 are current as of May 8, 2024.", "Sector totals exclude the northern offices.",
                "Figures are rounded to the nearest pound."]),
])
def test_lists_of_results_inventories_and_notes_are_not_commitments(intro, items):
    assert extract_commitments(intro + "\n" + numbered(items)) == []
