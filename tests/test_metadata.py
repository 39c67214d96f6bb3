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


@pytest.mark.parametrize("line, expected", [
    ("Ciudad de México, 15 de mayo de 2024", dt.date(2024, 5, 15)),
    ("Hermosillo, Sonora, a 3 de abril de 2024", dt.date(2024, 4, 3)),
    ("Martes 21 de mayo de 2024, 07:00 horas", dt.date(2024, 5, 21)),
    ("Release Date: Tue, 08/13/2024", dt.date(2024, 8, 13)),
    ("Published May 15, 2024 | Office of Public Affairs | Report 04-2024", dt.date(2024, 5, 15)),
    ("Por Redacción | El Universal | 25/06/2024 | 13:45", dt.date(2024, 6, 25)),
])
def test_date_lines_in_spanish_numeric_and_in_fields(line, expected):
    assert find_date("Some Headline About Border Security\n" + line + "\n\n" + BODY) == expected


def test_a_numeric_date_is_day_first_in_a_spanish_text():
    text = ("Detienen a tres personas en Tijuana\n\nPor Redacción | 03.04.2025 08:15 hrs.\n\n"
            "Elementos de la Guardia Nacional detuvieron a tres personas en la colonia Centro de la ciudad.\n")
    assert find_date(text) == dt.date(2025, 4, 3)
    english = "Three Arrested in Tijuana\n\n04/03/2025\n\nThe National Guard arrested three people in the city center.\n"
    assert find_date(english) == dt.date(2025, 4, 3)


def test_a_period_is_not_a_publication_date():
    assert find_date("Resultados del operativo\nPeriodo: 20 de enero al 30 de junio de 2025\n\n" + BODY) is None


@pytest.mark.parametrize("head, title", [
    # a release label above the date: the headline is below it
    ("FOR IMMEDIATE RELEASE\nThursday, June 6, 2024\n\nSmuggler Sentenced to 151 Months for Fentanyl Trafficking\n",
     "Smuggler Sentenced to 151 Months for Fentanyl Trafficking"),
    # the issuer's name and a label around the date are not titles
    ("U.S. Department of State\nBureau of Western Hemisphere Affairs\nFACT SHEET\nMarch 4, 2025\n\n"
     "Security Cooperation: Countering Arms Trafficking\n", "Security Cooperation: Countering Arms Trafficking"),
    ("U.S. Attorney's Office\nSouthern District of California\n\nFOR IMMEDIATE RELEASE\nMonday, May 5, 2025\n\n"
     "Tijuana Man Pleads Guilty to Smuggling Fentanyl Pills\n", "Tijuana Man Pleads Guilty to Smuggling Fentanyl Pills"),
    # sentence-case headlines: a wire story, a Spanish outlet, a Spanish release above its dated line
    ("Mexico sends 10,000 troops to the border as deadline looms\n\nBy JANE DOE, Associated Press\n\n",
     "Mexico sends 10,000 troops to the border as deadline looms"),
    ("MILENIO | Policía\n\nCaen tres integrantes de una célula delictiva en Jalisco\n\nPor Redacción | 03.04.2025\n\n",
     "Caen tres integrantes de una célula delictiva en Jalisco"),
    ("Informe diario del Gabinete de Seguridad\nMartes 21 de mayo de 2024, 07:00 horas\n\n",
     "Informe diario del Gabinete de Seguridad"),
    # a report number standing alone is not the title; the line after it is
    ("GAO-25-106712\n\nCOUNTERNARCOTICS: Agencies Should Better Measure the Results of Assistance\n\n",
     "COUNTERNARCOTICS: Agencies Should Better Measure the Results of Assistance"),
    # the issuer's name between the headline and the date, or above the date with the headline below
    ("Navy Intercepts Semi-Submersible Carrying Cocaine\nSecretariat of the Navy\nMay 2, 2025\n\n",
     "Navy Intercepts Semi-Submersible Carrying Cocaine"),
    ("Government of Mexico - Security Cabinet\nApril 9, 2025\n\nCabinet Reports Record Seizure of Precursors\n\n",
     "Cabinet Reports Record Seizure of Precursors"),
    # a staff credit without "By"
    ("Tunnel case ends with eleven convictions\nBorder Desk Staff\nMarch 3, 2025\n\n",
     "Tunnel case ends with eleven convictions"),
])
def test_titles_past_labels_issuers_and_in_sentence_case(head, title):
    assert find_title(head + BODY) == title


@pytest.mark.parametrize("head", [
    "By KGUN staff\n\n",
    "Comunicado No. 123/2024\nCiudad de México, 15 de mayo de 2024\n\n",
    "SECRETARÍA DE LA DEFENSA NACIONAL\nCOMUNICADO DE PRENSA No. 112/2025\nCiudad de México, a 14 de mayo de 2025\n\n",
])
def test_bylines_labels_and_issuers_alone_give_no_title(head):
    assert find_title(head + BODY) is None
