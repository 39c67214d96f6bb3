import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core.extract.cleaning import DELETIONS, TRANSLATE, clean


def spans_survive(original: str, needle_clean: str) -> str:
    c = clean(original)
    i = c.text.index(needle_clean)
    s, e = c.to_original(i, i + len(needle_clean))
    return original[s:e]


def test_markdown_escape_is_removed_and_offsets_point_at_the_dollar():
    original = "The U.S. invested \\$25.1 billion in treatment."
    c = clean(original)
    assert "$25.1 billion" in c.text and "\\" not in c.text
    assert spans_survive(original, "$25.1 billion") == "$25.1 billion"


def test_emphasis_markers_are_dropped_but_list_bullets_kept():
    c = clean("We *strongly* reaffirm **our** commitment.\n* a bullet item\n")
    assert c.text.startswith("We strongly reaffirm our commitment.")
    assert "* a bullet item" in c.text


def test_typography_is_normalized_length_preserving():
    original = "Mexico\u2019s \u201cfentanyl\u201d\u00a0\u00a0seizures \u2013 15,000\u00a0pounds"
    c = clean(original)
    assert c.text == "Mexico's \"fentanyl\" seizures - 15,000 pounds"
    assert spans_survive(original, "15,000 pounds") == "15,000\u00a0pounds"


def test_site_chrome_lines_are_removed_but_prose_with_the_same_words_kept():
    original = ("Officers seized 12 kilograms.\n\nStay Connected\n\nSign Up\n\n"
                "Share\nScroll to Top Scroll to Top\nWe will stay connected with partners.\n")
    c = clean(original)
    assert "Stay Connected\n" not in c.text and "Scroll to Top" not in c.text and "Sign Up" not in c.text
    assert "We will stay connected with partners." in c.text


@pytest.mark.parametrize("original", [
    "", "plain", "a  b   c", "\\$1 *x* \u2019", "Home\nScroll to Top", "x\u200by", "end with space   \n\n\n\nnext",
])
def test_every_clean_character_maps_to_its_original(original):
    c = clean(original)
    for i, ch in enumerate(c.text):
        o = c.position(i)
        assert original[o].translate(TRANSLATE) == ch


# The emphasis, space and blank-line rules as first written (lookbehind first); the shipped
# pattern puts the deleted character first for speed and must delete exactly the same spans.
_PLAIN_RULES = re.compile("|".join([
    r"\\(?=[$*_#\[\]()`.!>+\-{}|~])",
    r"(?<![\w*\\])\*{1,3}(?=[^\s*])",
    r"(?<=[^\s*\\])\*{1,3}(?![\w*])",
    r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]",
    r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+",
    r"(?<= ) +",
    r" +(?=\n)",
    r"(?<=\n\n)\n+",
]), re.IGNORECASE | re.MULTILINE)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="*ab \n\\_.1", max_size=40))
def test_deletions_match_the_plain_rules(text):
    # no chrome line can occur in this alphabet, so only the character rules apply
    assert [m.span() for m in DELETIONS.finditer(text)] == [m.span() for m in _PLAIN_RULES.finditer(text)]


# --- hard-wrapped paragraphs: a line break inside a paragraph is a space ----------------------------
@pytest.mark.parametrize("original, surface", [
    ("Agents at the bridge have seized more than 4.2 million\ncounterfeit pills since March.", "4.2 million\ncounterfeit pills"),
    ("Los agentes aseguraron 31 armas largas y 14\ncargadores en el inmueble.", "14\ncargadores"),
    ("The haul, officials said, came to roughly 3.4 US\ntons of cocaine.", "3.4 US\ntons"),
    ("En el operativo se rescató a 40 personas, entre ellas 9\r\nmenores de edad.\r\n", "9\r\nmenores"),
    ("- Donated 70 drug test kits and 12\n  portable scanners to customs.\n- Trained 300 officers.", "12\n  portable scanners"),
])
def test_hard_wrapped_lines_join_and_map_back(original, surface):
    from pipeline.core.extract.measure import measure_text
    rows = measure_text(clean(original))
    assert any(r["surface"].startswith(surface) for r in rows), [r["surface"] for r in rows]
    for r in rows:
        assert original[r["char_start"]:r["char_end"]] == r["surface"]


@pytest.mark.parametrize("original", [
    "1. Expand investment in prevention.\n2. Strengthen treatment.\n",
    "---\ntitle: Seizures rise\ndate: 2024-05-01\n---\n",
    "Port\tFentanyl (lbs)\nsan ysidro\t412\n",
    "Results:\nfentanyl 20 kg\n",
    "# Heading\nbody text follows here\n",
    "First paragraph ends here.\n\nsecond paragraph starts in lower case.\n",
])
def test_lists_tables_front_matter_and_paragraphs_keep_their_line_breaks(original):
    assert clean(original).text.count("\n") == original.count("\n") - original.count("\n\n\n")


def test_windows_line_ends_are_not_blank_lines():
    assert clean("Line one ends\r\n\r\nParagraph two\r\n").text == "Line one ends\n\nParagraph two\n"


@pytest.mark.parametrize("original, surface, kind", [
    ("Troops found <u>1,200 liters</u> of precursors and <b>14 reactors</b>.", "14 reactors", "count"),
    ("Se aseguraron <strong>dos camionetas</strong> y <span class=\"x\">3 kilos</span> de cristal.", "3 kilos", "mass"),
])
def test_inline_html_tags_are_dropped(original, surface, kind):
    from pipeline.core.extract.measure import measure_text
    rows = measure_text(clean(original))
    assert "<" not in clean(original).text
    assert any(r["surface"] == surface and r["kind"] == kind for r in rows), rows
    assert not any("liters" in r["surface"] for r in rows)
