"""Reconciliation core: grouping versions, canonical choice, facts, discrepancies.

Figures are built with a tiny regex helper below (not the project's extractor), so these
tests exercise the reconciliation rules alone.
"""
from __future__ import annotations

import datetime as dt
import dataclasses
import hashlib
import random
import re

import pytest

from pipeline.core.reconcile.grouping import group_sources
from pipeline.core.reconcile.model import Figure, SourceDoc
from pipeline.core.reconcile.profiles import republished
from pipeline.core.reconcile.reconciliation import reconcile

# --- a tiny figure extractor for tests ---------------------------------------------

_SCALE = {"million": 1e6, "billion": 1e9}
_UNITS = {"pounds": ("mass", "lb"), "kilograms": ("mass", "kg"), "tons": ("mass", "metric_ton"),
          "percent": ("percent", "percent"), "%": ("percent", "percent"), "hectares": ("area", "hectare")}
_NUM = re.compile(r"(\$)?(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion))?\s*(%|[a-z]+)?(?:\s+of)?(?:\s+([a-z]+))?")


def figures(text: str, name: str) -> tuple[Figure, ...]:
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for m in _NUM.finditer(sentence):
            dollar, num, scale, word, tail = m.groups()
            value = float(num.replace(",", "")) * _SCALE.get(scale or "", 1)
            if dollar:
                kind, unit, subject = "currency", "usd", tail
            elif word in _UNITS:
                (kind, unit), subject = _UNITS[word], tail
            elif word:
                kind, unit, subject = "count", "count", word
            else:
                continue  # a bare number (a year, a day of the month)
            mid = hashlib.sha256(f"{name}:{text.find(sentence)}:{m.start()}".encode()).hexdigest()[:16]
            surface = sentence[m.start():m.end(4) if word else m.end(3) if scale else m.end(2)]
            out.append(Figure(kind, value, unit, subject, None, surface, sentence, mid))
    return tuple(out)


def doc(name: str, text: str) -> SourceDoc:
    return SourceDoc(name, hashlib.sha256(text.encode()).hexdigest(), text, figures(text, name))


def groups(*docs: SourceDoc) -> set[frozenset[str]]:
    return {frozenset(docs[i].source_file for i in g) for g in group_sources(list(docs))}


# --- texts ----------------------------------------------------------------------------

RELEASE = """Joint Statement on the Border Security Review
March 3, 2024

The two governments met in Monterrey to review progress under the security framework.
Over the past year, agencies seized 4,312 pounds of fentanyl and 27,950 pounds of methamphetamine.
The Treasury invested $12.7 billion in prevention and treatment programs.
Prosecutors charged 1,873 defendants with smuggling offenses, a 17 percent increase over the prior year.
Mexico dismantled 96 clandestine laboratories and eradicated 3,410 hectares of poppy.
Customs officers inspected 318,000 containers at ports of entry.
Both countries agreed to share data on 2,250 firearms traced to criminal groups.
"""

BOILERPLATE = """The Office of Field Operations is the primary organization tasked with a border security
mission at the nation's ports of entry. On a typical day officers process thousands of travelers and
screen cargo for narcotics, currency and weapons. Follow the Office on social media for news from the
field, and report suspicious activity to the tip line at any time of day or night."""


def seizure(port: str, drug: str, pounds: str, worth: str, day: str, vehicle: str) -> str:
    return (f"Officers at the Port of {port} seized {pounds} pounds of {drug} worth ${worth} million on {day}.\n"
            f"The drugs were hidden in a {vehicle} and the driver was arrested.\n\n{BOILERPLATE}\n")


def chrome_copy(text: str) -> str:
    """A web copy: curly quotes, double spaces, navigation lines, no title block."""
    body = text.split("\n", 3)[3].replace("'", "\u2019").replace(". ", ".\u00a0 ")
    return "HomeNewsJoint Statement on the...\n\n" + body + "\nStay Connected\nScroll to Top Scroll to Top\n"


def rewritten(text: str) -> str:
    """A re-translation: other nouns, '%' for 'percent', 'more than' for 'over', new headline."""
    for a, b in [("defendants", "individuals"), (" percent", "%"), ("Over the past year", "During the last year"),
                 ("invested", "allocated"), ("agreed to share", "will exchange"), ("met in", "convened in")]:
        text = text.replace(a, b)
    return "Security Review: What the Governments Agreed\n\n" + text.split("\n", 2)[2]


# --- grouping -------------------------------------------------------------------------

def test_republished_copy_with_chrome_and_curly_quotes_groups():
    assert groups(doc("a", RELEASE), doc("b", chrome_copy(RELEASE))) == {frozenset("ab")}


def test_truncated_copy_groups():
    half = "\n".join(RELEASE.splitlines()[:6])
    assert groups(doc("a", RELEASE), doc("b", half)) == {frozenset("ab")}


def test_rewritten_translation_groups():
    assert groups(doc("a", RELEASE), doc("b", rewritten(RELEASE))) == {frozenset("ab")}


def test_all_versions_form_one_group_whatever_the_input_order():
    versions = [doc("a", RELEASE), doc("b", chrome_copy(RELEASE)), doc("c", rewritten(RELEASE)),
                doc("d", "\n".join(rewritten(RELEASE).splitlines()[:6]))]
    for seed in range(3):
        random.Random(seed).shuffle(versions)
        assert groups(*versions) == {frozenset("abcd")}


def test_seizure_releases_sharing_boilerplate_stay_apart():
    a = seizure("Nogales", "fentanyl", "254", "3.8", "March 3", "tractor trailer carrying cucumbers")
    b = seizure("Nogales", "methamphetamine", "1,120", "2.2", "April 9", "pickup truck")
    assert groups(doc("a", a), doc("b", b)) == {frozenset("a"), frozenset("b")}


def test_seizure_releases_whose_boilerplate_carries_figures_stay_apart():
    # The shared paragraph states two figures of its own; the headline figures differ.
    extra = "\nLast year officers seized 91,330 pounds of narcotics and $41.6 million in currency.\n"
    a = seizure("Laredo", "cocaine", "412", "9.1", "May 2", "bus") + extra
    b = seizure("Laredo", "cocaine", "78", "1.4", "May 19", "sedan") + extra
    assert groups(doc("a", a), doc("b", b)) == {frozenset("a"), frozenset("b")}


QUOTED = ("Last year the agency seized 6,150 pounds of fentanyl, 38,400 pounds of methamphetamine "
          "and 271,300 pounds of cocaine at ports of entry.")


def test_statements_quoting_one_sentence_of_figures_stay_apart():
    # Three shared figures, but all from the one sentence both quote: one piece of evidence.
    hearing = ("Commissioner Testifies Before the Senate Finance Committee\nMay 7, 2024\n\n"
               "The commissioner told senators that officers at the southwest border need new scanners. "
               f"{QUOTED} She asked for 1,300 additional officers in the next budget.\n")
    school = ("Port Director Visits Nogales High School\nOctober 2, 2024\n\n"
              "Students heard how canine teams work at the crossing and how to report fake pills. "
              f"{QUOTED} The visit ended with a demonstration by two canine handlers.\n")
    assert groups(doc("a", hearing), doc("b", school)) == {frozenset("a"), frozenset("b")}


def test_a_copy_whose_figures_all_stand_in_one_sentence_still_groups():
    full = ("Port Statistics for the Fiscal Year\nNovember 4, 2024\n\n"
            f"{QUOTED} Officers also seized 19 firearms.\nThe port processed 4.1 million trucks.\n")
    assert groups(doc("a", full), doc("b", full.split("Officers also")[0])) == {frozenset("ab")}


SPANISH = """Declaración conjunta sobre la revisión de la seguridad fronteriza
3 de marzo de 2024

Los dos gobiernos se reunieron en Monterrey para revisar los avances del marco de seguridad.
En el último año, las agencias aseguraron 4,312 libras de fentanilo y 27,950 libras de metanfetamina.
El Tesoro invirtió 12.7 mil millones de dólares en programas de prevención y tratamiento.
Los fiscales acusaron a 1,873 personas por contrabando, un aumento de 17 por ciento respecto del año anterior.
México desmanteló 96 laboratorios clandestinos y erradicó 3,410 hectáreas de amapola.
Los agentes aduanales inspeccionaron 318,000 contenedores en los puertos de entrada.
Ambos países acordaron compartir datos sobre 2,250 armas de fuego rastreadas a grupos criminales.
"""


def translated(name: str, text: str, english: SourceDoc) -> SourceDoc:
    """``text`` stating ``english``'s figures (the same values and units) in its own sentences."""
    sentences = text.splitlines()[3:]
    figures = tuple(f._replace(sentence=sentences[n % len(sentences)]) for n, f in enumerate(english.figures))
    return SourceDoc(name, hashlib.sha256(text.encode()).hexdigest(), text, figures)


def test_a_translation_stating_the_same_figures_groups_without_shared_wording():
    english = doc("a", RELEASE)
    assert groups(english, translated("b", SPANISH, english)) == {frozenset("ab")}


def test_statements_in_two_languages_sharing_a_few_figures_stay_apart():
    # another statement that repeats three of the English one's figures
    english = doc("a", RELEASE)
    other = translated("b", SPANISH, dataclasses.replace(english, figures=english.figures[:3]))
    assert groups(english, other) == {frozenset("a"), frozenset("b")}


def test_a_figure_changed_a_week_later_is_the_next_statement_of_a_series_not_a_correction():
    def changed(date: str) -> str:
        return RELEASE.replace("March 3, 2024", date).replace("4,312", "4,968")  # one running total moved on
    assert groups(doc("a", RELEASE), doc("b", changed("March 10, 2024"))) == {frozenset("a"), frozenset("b")}
    # two days later it is the same statement, corrected: one document, the figure a conflict
    assert groups(doc("a", RELEASE), doc("b", changed("March 5, 2024"))) == {frozenset("ab")}


def test_statements_of_one_series_with_shared_vocabulary_stay_apart():
    nxt = (RELEASE.replace("March 3, 2024", "March 5, 2025").replace("4,312", "6,080").replace("27,950", "31,204")
           .replace("12.7", "14.2").replace("1,873", "2,046").replace("17 percent", "9 percent")
           .replace("96", "131").replace("3,410", "4,025").replace("318,000", "355,500").replace("2,250", "2,250"))
    # one figure ("2,250 firearms") repeats by coincidence; everything else moved on
    assert groups(doc("a", RELEASE), doc("b", nxt)) == {frozenset("a"), frozenset("b")}


def test_texts_with_few_figures_group_by_wording():
    text = ("The ministers reaffirmed their commitment to the framework and asked their teams to draft a plan on "
            "port security, information exchange and the protection of journalists before the next dialogue. "
            "They thanked the delegations for their work and agreed to meet again in the spring.\n") * 2
    other = ("The ministers discussed regional trade and energy cooperation and asked their teams to prepare a "
             "report on customs modernization, supply chains and investment before the next summit. "
             "They thanked the hosts and agreed to meet again in the autumn.\n") * 2
    got = groups(doc("a", text), doc("b", "Share\n" + text.replace("'", "\u2019") + "Scroll to Top\n"),
                 doc("c", other))
    assert got == {frozenset("ab"), frozenset("c")}


def test_a_copy_keeping_a_third_of_a_text_without_figures_groups():
    # Its word-shingle Jaccard with the full text is about a third (containment is 1).
    text = ("The ministers reaffirmed their commitment to the framework and asked their teams to draft a plan on "
            "port security, information exchange and the protection of journalists before the next dialogue. "
            "They thanked the delegations for their work and agreed to meet again in the spring. The working "
            "groups on arms trafficking, money laundering and public health will report to the ministers on the "
            "progress of each line of action, and civil society organizations will be invited to the sessions. "
            "Both delegations underlined that the exchange of information between prosecutors is the basis of "
            "any joint investigation and asked for a protocol that protects witnesses and victims.\n")
    got = groups(doc("a", text), doc("b", text[: len(text) // 3].rsplit(" ", 1)[0] + "\nRead more\n"))
    assert got == {frozenset("ab")}


def test_releases_without_figures_sharing_boilerplate_stay_apart():
    a = ("Officers at the Port of Hidalgo arrested a traveler wanted on an outstanding warrant for fraud. "
         "The man was turned over to county deputies after a records check at the primary booth.\n\n" + BOILERPLATE)
    b = ("Officers at the Port of Hidalgo intercepted a shipment of counterfeit watches and handbags. "
         "The goods were seized after an examination of the trailer at the cargo facility.\n\n" + BOILERPLATE)
    assert groups(doc("a", a), doc("b", b), doc("c", "Share\n" + a)) == {frozenset("ac"), frozenset("b")}


def test_empty_and_single_inputs():
    assert reconcile([]).document_rows == []
    rec = reconcile([doc("only.txt", "")])
    assert [r["n_sources"] for r in rec.document_rows] == [1]


# --- documents, canonical, metadata ---------------------------------------------------

def test_canonical_is_the_complete_official_version_and_metadata_is_filled():
    official = doc("1_official.txt", RELEASE)
    web = doc("2_web.txt", chrome_copy(RELEASE))
    rec = reconcile([web, official, doc("3_part.txt", "\n".join(rewritten(RELEASE).splitlines()[:5]))])
    (d,) = rec.document_rows
    assert d["canonical_source_file"] == "1_official.txt"
    assert d["title"] == "Joint Statement on the Border Security Review"
    assert d["published_on"] == dt.date(2024, 3, 3)
    assert d["n_sources"] == 3
    assert {r["source_file"]: r["is_canonical"] for r in rec.source_rows} == {
        "1_official.txt": True, "2_web.txt": False, "3_part.txt": False}


def news_copy(text: str) -> str:
    """An outlet's copy: its menus, own headline, byline, wire credit, related links and footer."""
    title, date, _, body = text.split("\n", 3)
    return ("Menu | News | Politics | U.S. | World | Border | Opinion\nSubscribe  Sign in\n\n"
            f"Officials tally a year of seizures\nBy Dana Ruiz and Omar Soto, Associated Press\nPublished {date}\n\n"
            f"MONTERREY, Mexico (AP) - {body}\n"
            "Related: Border crossings fall for a third month\nRelated: Cartel leader extradited to Texas\n\n"
            "Copyright 2024 The Associated Press. All rights reserved.\nShare this: Facebook | X | Email\nMost Read\n")


def test_an_outlets_copy_is_never_canonical_however_long_its_menus_and_links():
    official, news = doc("b_official.txt", RELEASE), doc("a_news.txt", news_copy(RELEASE))
    assert len(news.text) > 1.2 * len(official.text)  # longer by its chrome alone
    (d,) = reconcile([news, official]).document_rows
    assert d["canonical_source_file"] == "b_official.txt"
    assert d["title"] == "Joint Statement on the Border Security Review"


def test_an_outlets_conversions_and_sidebar_do_not_make_the_record_incomplete():
    # The outlet restates two masses in kilograms and adds a box of unrelated seizures: more
    # figures than the issuer's record, none of which the record leaves out.
    news = ("By Jane Roe | Border Desk\n" + RELEASE
            .replace("4,312 pounds of fentanyl", "4,312 pounds (1,956 kilograms) of fentanyl")
            .replace("27,950 pounds of methamphetamine", "27,950 pounds (12,678 kilograms) of methamphetamine")
            + "\nElsewhere this week, officers seized 2,570 pounds of cocaine and 1,190 kilograms of heroin.\n")
    (d,) = reconcile([doc("a_news.txt", news), doc("b_official.txt", RELEASE)]).document_rows
    assert d["canonical_source_file"] == "b_official.txt"


def test_a_truncated_record_is_incomplete_whoever_copied_it():
    truncated = "\n".join(RELEASE.splitlines()[:5])
    (d,) = reconcile([doc("a_cut.txt", truncated), doc("b_full.txt", RELEASE)]).document_rows
    assert d["canonical_source_file"] == "b_full.txt"


@pytest.mark.parametrize("text, outlet", [
    ("Headline\nBy Maria Lopez, Associated Press\nPublished May 7, 2024\n\nPHOENIX - Agents seized...", True),
    ("Headline\nBY MARK STEVENSON\n\nMEXICO CITY - The navy said...", True),
    ("Titular\nPor Juan Pérez y Ana Gómez\n\nCIUDAD DE MÉXICO.- La Marina aseguró...", True),
    ("Border officers find pills\nBy KOLD staff | June 4, 2024\n\nA man is in custody...", True),
    ("MEXICO CITY (Reuters) - Mexico's navy seized 2 tons of cocaine.", True),
    ("Joint Statement\nOctober 14, 2022\n\nBy 2025, the two governments will invest $1.5 billion.", False),
    ("Statement\nBy the Press Secretary\n\nToday the President met...", False),
    ("A Proclamation\nBY THE PRESIDENT OF THE UNITED STATES OF AMERICA\n\nA proclamation.", False),
    ("Fact Sheet\n\nBy October, agencies had seized 12 tons of fentanyl and 3 tons of methamphetamine.", False),
])
def test_an_outlets_copy_is_told_by_its_byline_or_wire_credit(text, outlet):
    assert republished(text) is outlet


def test_missing_date_of_the_canonical_version_comes_from_another_version():
    undated = RELEASE.replace("March 3, 2024\n", "") + "Additional paragraph about 44 new inspectors.\n"
    truncated_dated = "\n".join(RELEASE.splitlines()[:6])
    rec = reconcile([doc("a", undated), doc("b", truncated_dated)])
    (d,) = rec.document_rows
    assert d["canonical_source_file"] == "a"  # complete beats official
    assert d["published_on"] == dt.date(2024, 3, 3)


def test_ids_are_derived_from_content_not_order():
    docs = [doc("a", RELEASE), doc("b", chrome_copy(RELEASE)), doc("c", seizure("Nogales", "fentanyl", "254", "3.8",
                                                                                 "March 3", "van"))]
    r1, r2 = reconcile(docs), reconcile(list(reversed(docs)))
    assert r1 == r2
    assert all(re.fullmatch(r"doc_[0-9a-f]{16}", r["document_id"]) for r in r1.document_rows)
    r3 = reconcile([doc("x", "unrelated text with 512 widgets and 7,777 gadgets produced"), *docs])
    assert {r["document_id"] for r in r1.document_rows} <= {r["document_id"] for r in r3.document_rows}


# --- facts ----------------------------------------------------------------------------

def _facts(rec, **where):
    return [f for f in rec.fact_rows if all(f[k] == v for k, v in where.items())]


def test_facts_merge_across_versions_with_support_counts_and_variants():
    part = "\n".join(rewritten(RELEASE).splitlines()[:6])  # stops after the $12.7 billion line
    docs = [doc("a", RELEASE), doc("b", chrome_copy(RELEASE)), doc("c", part)]
    rec = reconcile(docs)
    (usd,) = _facts(rec, value=12.7e9)
    assert usd["n_sources"] == 3 and usd["source_files"] == ["a", "b", "c"] and not usd["has_conflict"]
    (labs,) = _facts(rec, value=96.0)
    assert labs["n_sources"] == 2 and labs["source_files"] == ["a", "b"]
    (pct,) = _facts(rec, value=17.0, unit="percent")
    assert pct["n_sources"] == 2 and pct["variants"] == []  # same wording in both: no variants
    # every measurement belongs to exactly one fact, nothing double-counted
    ids = [m for f in rec.fact_rows for m in f["measurement_ids"]]
    assert sorted(ids) == sorted(f.measurement_id for d in docs for f in d.figures)
    assert len({(f["kind"], f["unit"], f["value"]) for f in rec.fact_rows}) == len(rec.fact_rows)


def test_rewritten_surface_is_a_wording_variant_of_the_same_fact():
    rec = reconcile([doc("a", RELEASE), doc("b", rewritten(RELEASE))])
    (fact,) = _facts(rec, value=1873.0)
    assert fact["n_sources"] == 2
    assert {v["surface"] for v in fact["variants"]} == {"1,873 defendants", "1,873 individuals"}
    (pct,) = _facts(rec, value=17.0)
    assert {v["surface"] for v in pct["variants"]} == {"17 percent", "17%"}


def test_a_small_count_reworded_by_a_translation_is_the_same_fact():
    # "9" identifies nothing on its own, but it is the only 9 of its kind the other version states
    official = RELEASE + "Prosecutors also extradited 9 fugitives to the United States.\n"
    retranslated = rewritten(RELEASE) + "The authorities handed over 9 persons wanted by U.S. courts.\n"
    rec = reconcile([doc("a", official), doc("b", retranslated)])
    nine = [f for f in rec.fact_rows if f["value"] == 9]
    assert [f["n_sources"] for f in nine] == [2]


def test_a_claim_repeated_inside_one_file_is_one_fact():
    text = RELEASE + "NOTE: the 1,873 defendants include 40 minors.\n"
    rec = reconcile([doc("a", text), doc("b", RELEASE)])
    (fact,) = _facts(rec, value=1873.0)
    assert len(fact["measurement_ids"]) == 3 and fact["n_sources"] == 2


def test_different_value_for_the_same_claim_is_a_conflict():
    corrected = chrome_copy(RELEASE).replace("4,312 pounds", "4,321 pounds")
    rec = reconcile([doc("a", RELEASE), doc("b", corrected)])
    (fact,) = [f for f in rec.fact_rows if f["has_conflict"]]
    assert fact["value"] == 4312.0 and fact["conflicting_values"] == [4321.0]
    assert fact["source_files"] == ["a", "b"]
    assert not _facts(rec, value=4321.0)


def test_fact_ids_are_unique_and_stable():
    rec = reconcile([doc("a", RELEASE), doc("b", chrome_copy(RELEASE))])
    ids = [f["fact_id"] for f in rec.fact_rows]
    assert len(ids) == len(set(ids))
    assert ids == [f["fact_id"] for f in reconcile([doc("b", chrome_copy(RELEASE)), doc("a", RELEASE)]).fact_rows]


# --- discrepancies --------------------------------------------------------------------

EVENT_A = ("Officials said 53 migrants died in a tractor-trailer found in San Antonio on June 27. "
           "The government pledged $40 million for shelters and 1,200 new agents.\n")
EVENT_B = ("Commentary. The two leaders mourned the deaths of 51 migrants on June 27 in San Antonio. "
           "Analysts noted 3,900 pending asylum cases and 16 new courts.\n")


def test_same_event_with_different_counts_across_documents_is_a_discrepancy():
    rec = reconcile([doc("a", EVENT_A), doc("b", EVENT_B)])
    assert len(rec.document_rows) == 2
    (d,) = rec.discrepancy_rows
    assert {d["value_a"], d["value_b"]} == {51.0, 53.0}
    assert "--06-27" in d["shared_context"] and "antonio" in d["shared_context"]
    assert d["event_date"] == "--06-27"  # neither text states a year or a publication date


def test_running_totals_a_year_apart_are_not_discrepancies():
    y1 = "Since 2019, Mexico seized 32,000 weapons and 2,300 grenades under the current government.\n"
    y2 = ("During the administration, Mexico has seized 44,771 weapons and 2,956 grenades. "
          "In June, 7,691 kilograms of fentanyl were seized.\n")
    y3 = "On March 9 officials in Mexico reported 35 seizures; on June 5 they reported 12,919 pounds of fentanyl.\n"
    assert reconcile([doc("a", y1), doc("b", y2), doc("c", y3)]).discrepancy_rows == []


def test_same_value_is_not_a_discrepancy_and_same_document_never_is():
    rec = reconcile([doc("a", EVENT_A), doc("b", EVENT_A.replace("Officials said", "Police said"))])
    assert len(rec.document_rows) == 1 and rec.discrepancy_rows == []


# --- commitments through reconcile ----------------------------------------------------

def test_commitments_merge_across_versions():
    actions = "\n".join(f"{i}. {verb} the {noun} programme for border region {i}." for i, (verb, noun) in
                        enumerate(zip(["Expand", "Fund", "Train", "Share", "Audit"],
                                      ["health", "customs", "police", "data", "port"]), start=1))
    a = RELEASE + "\nNext year we will:\n\n" + actions + "\n"
    b = chrome_copy(a).replace("\n1. ", "\n  1. ")
    rec = reconcile([doc("a", a), doc("b", b)])
    assert [c["ordinal"] for c in rec.commitment_rows] == [1, 2, 3, 4, 5]
    assert all(c["n_sources"] == 2 for c in rec.commitment_rows)


@pytest.mark.parametrize("n_copies", [2, 5])
def test_many_copies_of_one_release_are_one_document(n_copies):
    docs = [doc(f"{i}.txt", chrome_copy(RELEASE) if i % 2 else RELEASE + "\n" * i) for i in range(n_copies)]
    rec = reconcile(docs)
    assert len(rec.document_rows) == 1 and rec.document_rows[0]["n_sources"] == n_copies
