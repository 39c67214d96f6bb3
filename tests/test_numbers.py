"""Number parsing: digits, scales, English and Spanish number words, separators by language."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from pipeline.core.extract.language import detect_language
from pipeline.core.extract.numbers import article_value, parse_digits, parse_number, parse_words


@pytest.mark.parametrize("text, value", [
    ("15,000", 15000), ("2.64", 2.64), ("1.5", 1.5), ("800,000", 800000), ("37,433,124.16", 37433124.16),
    ("20.4 million", 20.4e6), ("1.23 billion", 1.23e9), ("100 million", 1e8), ("3 thousand", 3000),
    ("four", 4), ("twelve", 12), ("twenty-one", 21), ("Twenty one", 21), ("ninety-nine", 99),
    ("one hundred and fifty", 150), ("two hundred thousand", 200000), ("two dozen", 24),
    ("two million three hundred thousand", 2.3e6),
])
def test_english(text, value):
    assert parse_number(text, "en") == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("dos", 2), ("mil", 1000), ("veinte", 20), ("veintiún", 21), ("treinta y dos", 32), ("dos mil", 2000),
    ("ciento cincuenta", 150), ("quinientos", 500), ("mil millones", 1e9), ("cien mil", 100000),
    ("1.500", 1500), ("2,5", 2.5), ("1.234.567,89", 1234567.89), ("3,5 millones", 3.5e6), ("20 mil", 20000),
    ("2,741", 2741),  # Mexican usage also groups thousands with a comma
])
def test_spanish(text, value):
    assert parse_number(text, "es") == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,5", "1,23,456", "12,34"])
def test_unreadable_english_separators_give_none(text):
    assert parse_digits(text, "en") is None


def test_word_run_stops_where_the_number_stops():
    # "two three" is not one number: only "two" is read
    value, consumed = parse_words("two three", "en")
    assert (value, consumed) == (2, 3)


def test_a_multiplier_alone_is_not_a_number():
    assert parse_number("billion", "en") is None


@given(st.integers(min_value=0, max_value=10**12))
def test_english_grouped_integers_round_trip(n):
    assert parse_digits(f"{n:,}", "en") == n


@given(st.integers(min_value=1000, max_value=10**12))
def test_spanish_dot_grouped_integers_round_trip(n):
    assert parse_digits(f"{n:,}".replace(",", "."), "es") == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimals_round_trip_in_both_conventions(whole, cents):
    en = f"{whole:,}.{cents:02d}"
    es = en.replace(",", "\0").replace(".", ",").replace("\0", ".")
    expected = whole + cents / 100
    assert parse_digits(en, "en") == pytest.approx(expected)
    assert parse_digits(es, "es") == pytest.approx(expected)


@given(st.decimals(min_value=1, max_value=999, places=1, allow_nan=False, allow_infinity=False),
       st.sampled_from([("million", 1e6), ("billion", 1e9), ("thousand", 1e3)]))
def test_scale_words_multiply(d, scale):
    word, factor = scale
    assert parse_number(f"{d} {word}", "en") == pytest.approx(float(d) * factor)


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int) -> str:
    """An independent speller for 0..999999 used to check the parser."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        return _UNITS[n // 100] + " hundred" + (" " + _spell(n % 100) if n % 100 else "")
    return _spell(n // 1000) + " thousand" + (" " + _spell(n % 1000) if n % 1000 else "")


@given(st.integers(min_value=0, max_value=999_999))
def test_spelled_english_numbers(n):
    assert parse_number(_spell(n), "en") == n


@pytest.mark.parametrize("text, lang", [
    ("The United States and Mexico seized 15,000 pounds of fentanyl in the operation.", "en"),
    ("La Secretaría de Marina informó que se aseguraron 1.500 kilos de cocaína en el puerto.", "es"),
    ("Mexico's Army (SEDENA) and the Guardia Nacional seized 200 kg of fentanyl in Sinaloa.", "en"),
    ("", "en"),
    ("Fueron detenidas cinco personas, entre ellas dos menores de 17 años.", "es"),
    ("Agents seized 40 pounds in Nogales on Monday, officials said.", "en"),
])
def test_language_detection(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text, lang, value", [("1 500", "en", 1500), ("12 500 000", "es", 12_500_000),
                                               ("1 500,5", "es", 1500.5)])
def test_thousands_grouped_by_spaces(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


def test_a_space_before_a_number_that_is_not_a_group_of_three_is_not_a_separator():
    assert parse_number("2 50", "en") is None and parse_number("2023 500", "en") is None


@pytest.mark.parametrize("text, value", [("6,5", 6.5), ("0,75", 0.75), ("12,3", 12.3)])
def test_english_decimal_comma_only_when_asked(text, value):
    assert parse_digits(text, "en") is None
    assert parse_digits(text, "en", decimal_comma=True) == pytest.approx(value)
    assert parse_digits("1,500", "en", decimal_comma=True) == 1500  # a thousands group stays one


@pytest.mark.parametrize("article, value", [
    ("half a", 0.5), ("a quarter of a", 0.25), ("3/4 of a", 0.75), ("1/4", 0.25), ("\u00bd", 0.5), ("a half", 0.5),
    ("\u00be of a", 0.75),
])
def test_fraction_articles(article, value):
    assert article_value(article, "en") == pytest.approx(value)


@pytest.mark.parametrize("text, lang, value", [
    ("1.5 million", "es", 1.5e6),    # an English scale word in a Spanish text
    ("2.3 billion", "es", 2.3e9),
    ("20 millones", "en", 2e7),      # a Spanish scale word quoted in an English text
])
def test_a_scale_word_of_the_other_language_still_scales(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


def test_language_runs_split_a_bilingual_text_only():
    from pipeline.core.extract.language import language_runs
    english = "The agency said that the officers seized the drugs in the port and that the case was closed. " * 3
    spanish = "La agencia informó que los agentes aseguraron la droga en el puerto y que el caso se cerró. " * 3
    assert language_runs(english) == [(0, len(english), "en")]
    text = english + "\n\n" + spanish
    runs = language_runs(text)
    assert [r[2] for r in runs] == ["en", "es"] and runs[0][0] == 0 and runs[-1][1] == len(text)
    assert text[runs[1][0]:].startswith("La agencia")


@pytest.mark.parametrize("text, lang", [
    ("Se aseguraron 3 mil 400 cartuchos.", "es"),
    ("Officers seized 3,400 rounds.", "en"),
    ("DEA Seizes 300 Pounds", "en"),
])
def test_a_short_line_with_one_spanish_function_word_and_no_english_one(text, lang):
    assert detect_language(text) == lang
