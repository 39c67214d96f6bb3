"""Title and publication date from the top of a text."""
import datetime as dt

import pytest

from pipeline.core.metadata import Metadata, extract_metadata, find_date, find_title, merge_metadata

BODY = "The two governments met today to review progress. They agreed on new steps.\n"


def test_official_record_header():
    text = ("Administration of Joseph R. Biden, Jr., 2022\n\nJoint Statement on the Security Dialogue\n"
            "October 14, 2022\n\n" + BODY)
    assert extract_metadata(text) == Metadata("Joint Statement on the Security Dialogue", dt.date(2022, 10, 14))


@pytest.mark.parametrize("line, expected", [
    ("October 14, 2022", dt.date(2022, 10, 14)),
    ("Oct. 14, 2022", dt.date(2022, 10, 14)),
    ("14 October 2022", dt.date(2022, 10, 14)),
    ("2022-10-14", dt.date(2022, 10, 14)),
    ("WASHINGTON, March 3, 2024", dt.date(2024, 3, 3)),
    ("Published: Sept 9, 2023", dt.date(2023, 9, 9)),
])
def test_date_line_forms(line, expected):
    assert find_date("Some Headline About Border Security\n" + line + "\n\n" + BODY) == expected


def test_a_date_inside_a_sentence_is_not_the_publication_date():
    text = "On July 12, 2022, the meeting between the two presidents resulted in a joint statement.\n" + BODY
    assert extract_metadata(text) == Metadata(None, None)


def test_date_far_below_the_top_is_ignored():
    text = "Headline About Border Security\n\n" + BODY * 20 + "October 14, 2022\n"
    assert find_date(text) is None


def test_site_chrome_is_not_a_title_and_repeated_headline_is():
    text = ("HomePoliticsJoint Statement: U.S.-Mexico High...\n\nJoint Statement: Security Dialogue 2023\n\n"
            "Joint Statement: Security Dialogue 2023\n\n" + BODY)
    assert find_title(text) == "Joint Statement: Security Dialogue 2023"


def test_first_headline_line_is_a_title():
    assert find_title("Safeguarding U.S. and Mexican Security Interests in 2022\n\n" + BODY) == \
        "Safeguarding U.S. and Mexican Security Interests in 2022"


@pytest.mark.parametrize("first", [
    "This year we celebrate 200 years of bilateral relations between the two countries.",
    "Scroll to Top",
    "Share",
    "Menu",
    "Peace and Safety in 2022. Photo by Someone / Unsplash",
    "the governments said on monday that talks would continue",
])
def test_prose_and_chrome_first_lines_are_not_titles(first):
    assert find_title(first + "\n" + BODY) is None


def test_section_heading_after_a_first_sentence_is_not_a_title():
    text = "On July 12, 2022, the leaders issued a statement.\nDrug Trafficking and Human Smuggling\n" + BODY
    assert find_title(text) is None


def test_merge_fills_missing_fields_in_preference_order():
    merged = merge_metadata([Metadata(None, None), Metadata("A Title Here", None),
                             Metadata("Other Title", dt.date(2022, 1, 2))])
    assert merged == Metadata("A Title Here", dt.date(2022, 1, 2))
    assert merge_metadata([]) == Metadata(None, None)


def test_empty_text():
    assert extract_metadata("") == Metadata(None, None)
