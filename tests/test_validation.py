"""The GX suites under expectations/: they pass on valid tables and name what a corrupted row breaks."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.core.validation import RESULT_COLUMNS, WHOLE_COLUMN, is_row_wise, validate_tables
from pipeline.core.warehouse import TABLE_ORDER, load_table, sql
from pipeline.settings import EXPECTATIONS_DIR

TABLES = [t for t in TABLE_ORDER if t != "validation_results"]
SHA = {f: f"{i:064x}" for i, f in enumerate(["a.txt", "b.txt", "c.txt", "bad.bin"], start=1)}


def valid_rows() -> dict[str, list[dict]]:
    """Two documents (one with two versions), a rejected file, a few figures of every sort."""
    src = dict(language="en", reject_reason=None, encoding="utf-8")
    m = dict(unit_assumption=None, qualifier=None, is_vague=False, fact_id=None, sentence="s.", value_kg=None,
             quarantine_reason=None)
    return {
        "sources": [
            dict(src, source_file="a.txt", sha256=SHA["a.txt"], n_bytes=100, status="ok", document_id="d1", is_canonical=True, n_measurements=3),
            dict(src, source_file="b.txt", sha256=SHA["b.txt"], n_bytes=90, status="ok", document_id="d1", is_canonical=False, n_measurements=1),
            dict(src, source_file="c.txt", sha256=SHA["c.txt"], n_bytes=80, status="ok", document_id="d2", is_canonical=True, n_measurements=2),
            dict(src, source_file="bad.bin", sha256=SHA["bad.bin"], n_bytes=5, status="rejected", reject_reason="not UTF-8", encoding=None,
                 document_id=None, is_canonical=False, language=None, n_measurements=None),
        ],
        "documents": [
            dict(document_id="d1", title="Joint statement", published_on=pd.Timestamp("2023-10-05"), n_sources=2,
                 canonical_source_file="a.txt", source_files=["a.txt", "b.txt"], story_id="story_00000000000000a1"),
            dict(document_id="d2", title="Port seizure", published_on=None, n_sources=1,
                 canonical_source_file="c.txt", source_files=["c.txt"], story_id="story_00000000000000a1"),
        ],
        "measurements": [
            dict(m, measurement_id="m1", source_file="a.txt", document_id="d1", char_start=10, char_end=23, surface="15,000 pounds",
                 kind="mass", value=15000.0, unit="lb", unit_text="pounds", value_kg=15000 * 0.45359237, subject="fentanyl", fact_id="f1"),
            dict(m, measurement_id="m2", source_file="b.txt", document_id="d1", char_start=12, char_end=25, surface="15,000 pounds",
                 kind="mass", value=15000.0, unit="lb", unit_text="pounds", value_kg=15000 * 0.45359237, subject="fentanyl", fact_id="f1"),
            dict(m, measurement_id="m3", source_file="a.txt", document_id="d1", char_start=40, char_end=53, surface="$25.1 billion",
                 kind="currency", value=25.1e9, unit="usd", unit_text="$", subject="investment", fact_id="f2"),
            dict(m, measurement_id="m4", source_file="a.txt", document_id="d1", char_start=60, char_end=64, surface="tons",
                 kind="mass", value=None, unit="metric_ton", unit_text="tons", subject="precursors", is_vague=True),
            dict(m, measurement_id="m5", source_file="c.txt", document_id="d2", char_start=5, char_end=8, surface="23%",
                 kind="percent", value=23.0, unit="percent", unit_text="%", subject="seizures", fact_id="f3"),
            dict(m, measurement_id="m6", source_file="c.txt", document_id="d2", char_start=30, char_end=36, surface="2 tons",
                 kind="mass", value=2.0, unit="short_ton", unit_text="tons", value_kg=2 * 907.18474, subject="cocaine",
                 unit_assumption="U.S. reporter: short tons", fact_id="f4"),
        ],
        "facts": [
            dict(fact_id="f1", document_id="d1", kind="mass", value=15000.0, unit="lb", value_kg=15000 * 0.45359237, subject="fentanyl",
                 n_sources=2, source_files=["a.txt", "b.txt"], has_conflict=False, conflicting_values=None, variants=None),
            dict(fact_id="f2", document_id="d1", kind="currency", value=25.1e9, unit="usd", value_kg=None, subject="investment",
                 n_sources=1, source_files=["a.txt"], has_conflict=True, conflicting_values=[25.1e9, 25.0e9], variants="$25 billion"),
            dict(fact_id="f3", document_id="d2", kind="percent", value=23.0, unit="percent", value_kg=None, subject="seizures",
                 n_sources=1, source_files=["c.txt"], has_conflict=False, conflicting_values=None, variants=None),
            dict(fact_id="f4", document_id="d2", kind="mass", value=2.0, unit="short_ton", value_kg=2 * 907.18474, subject="cocaine",
                 n_sources=1, source_files=["c.txt"], has_conflict=False, conflicting_values=None, variants=None),
        ],
        "commitments": [
            dict(document_id="d1", ordinal=1, text="Disrupt arms trafficking.", n_sources=2, source_files=["a.txt", "b.txt"]),
            dict(document_id="d1", ordinal=2, text="Share precursor data.", n_sources=1, source_files=["a.txt"]),
            dict(document_id="d2", ordinal=1, text="Inspect more containers.", n_sources=None, source_files=None),
        ],
        "discrepancies": [
            dict(discrepancy_id="x1", kind="mass", unit="lb", subject="fentanyl", shared_context=["2023"],
                 document_id_a="d1", fact_id_a="f1", value_a=15000.0, source_files_a=["a.txt", "b.txt"],
                 document_id_b="d2", fact_id_b="f4", value_b=2.0, source_files_b=["c.txt"], event_date="2023-06-27",
                 shared_names=["laredo"], story_id_a="s1", story_id_b="s1"),
        ],
        "stories": [
            dict(story_id="story_00000000000000a1", title="Joint statement", first_published_on=pd.Timestamp("2023-10-05"),
                 n_documents=2, document_ids=["d1", "d2"]),
        ],
        "claims": [
            dict(claim_id="c1", story_id="story_00000000000000a1", kind="mass", value=15000.0, unit="lb",
                 value_kg=15000 * 0.45359237, subject="fentanyl", n_documents=2, document_ids=["d1", "d2"],
                 fact_ids=["f1", "f4"], has_conflict=True),
            dict(claim_id="c2", story_id="story_00000000000000a1", kind="percent", value=23.0, unit="percent",
                 value_kg=None, subject="seizures", n_documents=1, document_ids=["d2"], fact_ids=["f3"],
                 has_conflict=False),
        ],
    }


def staged(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """Round-trip through DuckDB with the contract's schema, as the Dagster check reads them."""
    con = duckdb.connect()
    con.execute(sql("schema.sql"))
    for table in TABLES:
        load_table(con, table, pd.DataFrame(rows[table]))
    frames = {t: con.execute(f"SELECT * FROM {t}").df() for t in TABLES}
    con.close()
    return frames


def corrupt(table: str, index: int, **changes) -> dict[str, pd.DataFrame]:
    rows = valid_rows()
    rows[table][index].update(changes)
    return staged(rows)


def failed(report, table: str) -> str:
    assert report.success_by_table[table] is False, report.failures_by_table
    return "\n".join(report.failures_by_table[table])


@pytest.fixture(scope="module")
def valid_report(tmp_path_factory):
    return validate_tables(staged(valid_rows()), EXPECTATIONS_DIR, site_dir=tmp_path_factory.mktemp("docs") / "site")


class RowStore(dict):
    """The ``validated`` store of validate_tables, in memory (the pipeline passes a FileCache)."""

    def put(self, key, value):
        self[key] = value


@pytest.fixture(scope="module")
def passed_rows() -> RowStore:
    store = RowStore()
    assert validate_tables(staged(valid_rows()), EXPECTATIONS_DIR, validated=store).success
    assert len(store) == 12  # the rows of every validated frame (9 integrity, 3 plausibility)
    return store


def test_every_suite_passes_on_valid_tables(valid_report):
    assert valid_report.failures_by_table == {t: [] for t in TABLES}
    assert valid_report.success_by_table == {t: True for t in TABLES}
    assert valid_report.success


def test_results_match_the_validation_results_table(valid_report):
    res = valid_report.results
    assert list(res.columns) == RESULT_COLUMNS
    suites = {p.stem for p in EXPECTATIONS_DIR.glob("*.json")}
    assert set(res["suite"]) == suites
    n_expectations = sum(len(json.loads(p.read_text())["expectations"]) for p in EXPECTATIONS_DIR.glob("*.json"))
    assert len(res) == n_expectations
    con = duckdb.connect()
    con.execute(sql("schema.sql"))
    assert load_table(con, "validation_results", res) == len(res)  # fits the table's columns and types


def test_results_are_deterministic(valid_report):
    again = validate_tables(staged(valid_rows()), EXPECTATIONS_DIR)
    pd.testing.assert_frame_equal(again.results, valid_report.results)


def test_data_docs_are_static_html(valid_report):
    index = valid_report.data_docs_index
    assert index.name == "index.html" and index.exists()
    assert "measurements" in index.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "table, index, changes, table_failing, expectation, column",
    [
        ("measurements", 0, dict(value=-15000.0, value_kg=-15000 * 0.45359237), "measurements",
         "expect_column_values_to_be_between", "value"),
        ("measurements", 2, dict(unit="furlong"), "measurements", "expect_column_values_to_be_in_set", "unit"),
        ("measurements", 2, dict(kind="weight"), "measurements", "expect_column_values_to_be_in_set", "kind"),
        ("measurements", 1, dict(measurement_id="m1"), "measurements", "expect_column_values_to_be_unique", "measurement_id"),
        ("measurements", 0, dict(document_id="nowhere"), "measurements", "expect_column_values_to_be_null", "unknown_document_id"),
        ("measurements", 0, dict(value_kg=15000.0), "measurements", "expect_column_values_to_be_between", "kg_per_unit"),
        ("measurements", 2, dict(value_kg=1.0), "measurements", "expect_column_values_to_be_null", "value_kg"),
        ("measurements", 0, dict(value_kg=None), "measurements", "expect_column_values_to_not_be_null", "value_kg"),
        ("measurements", 0, dict(quarantine_reason="implausible"), "measurements",
         "expect_column_values_to_be_null", "quarantined_fact_id"),
        ("measurements", 4, dict(value=2300.0), "measurements", "expect_column_values_to_be_between", "value"),
        ("measurements", 0, dict(char_end=10), "measurements", "expect_column_pair_values_a_to_be_greater_than_b",
         "char_end,char_start"),
        ("sources", 1, dict(is_canonical=True), "documents", "expect_column_values_to_be_between", "n_canonical"),
        ("sources", 3, dict(reject_reason=None), "sources", "expect_column_values_to_not_be_null", "reject_reason"),
        ("sources", 0, dict(status="maybe"), "sources", "expect_column_values_to_be_in_set", "status"),
        ("documents", 1, dict(document_id="d1"), "documents", "expect_column_values_to_be_unique", "document_id"),
        ("documents", 0, dict(n_sources=3), "documents", "expect_column_pair_values_to_be_equal", "n_sources,n_ok_sources"),
        ("facts", 0, dict(n_sources=5), "facts", "expect_column_pair_values_a_to_be_greater_than_b",
         "document_n_ok_sources,n_sources"),
        ("facts", 2, dict(kind="mass"), "facts", "expect_column_pair_values_to_be_in_set", "kind,unit"),
        ("facts", 0, dict(value_kg=None), "facts", "expect_column_values_to_not_be_null", "value_kg"),
        ("commitments", 1, dict(ordinal=1), "commitments", "expect_compound_columns_to_be_unique", "document_id,ordinal"),
        ("discrepancies", 0, dict(fact_id_b="f9"), "discrepancies", "expect_column_values_to_be_null", "unknown_fact_id"),
        ("stories", 0, dict(n_documents=3), "stories", "expect_column_pair_values_to_be_equal", "n_documents,n_document_ids"),
        ("documents", 1, dict(story_id="story_00000000000000b2"), "stories", "expect_column_pair_values_to_be_equal",
         "n_documents,n_documents_pointing"),
        ("claims", 0, dict(fact_ids=["f1", "f9"]), "claims", "expect_column_values_to_be_null", "unknown_fact_id"),
        ("claims", 1, dict(story_id="story_00000000000000b2"), "claims", "expect_column_values_to_be_null",
         "unknown_story_id"),
    ],
    ids=["negative-mass", "unknown-unit", "unknown-kind", "duplicate-id", "no-such-document", "kg-inconsistent",
         "kg-on-non-mass", "mass-without-kg", "quarantined-in-a-fact", "percent-out-of-range", "empty-span",
         "two-canonical-sources", "rejected-without-reason", "unknown-status", "duplicate-document",
         "n-sources-mismatch", "fact-n-sources-too-high", "kind-unit-mismatch", "fact-mass-without-kg", "duplicate-commitment",
         "discrepancy-unknown-fact", "story-n-documents", "document-in-another-story", "claim-unknown-fact",
         "claim-unknown-story"],
)
@pytest.mark.parametrize("incremental", [False, True], ids=["all-rows", "after-a-passing-run"])
def test_a_corrupted_row_fails_and_is_named(table, index, changes, table_failing, expectation, column,
                                            incremental, passed_rows):
    # only the suites guarding the failing table run: GX's cost is per expectation. After a
    # passing run, row-wise rules see only the changed rows (a cross-table change included).
    store = RowStore(passed_rows) if incremental else None
    report = validate_tables(corrupt(table, index, **changes), EXPECTATIONS_DIR, tables=[table_failing],
                             validated=store)
    message = failed(report, table_failing)
    assert f"{expectation} on {column}" in message
    bad = report.results[~report.results["success"]]
    assert ((bad["expectation"] == expectation) & (bad["column_name"] == column)).any()


def test_a_corrupted_row_fails_only_its_table():
    report = validate_tables(corrupt("measurements", 0, value=-1.0, value_kg=-0.45359237), EXPECTATIONS_DIR)
    assert [t for t, ok in report.success_by_table.items() if not ok] == ["measurements"]
    assert report.failures_by_table["measurements"] == [
        'measurements: expect_column_values_to_be_between on value where is_vague == false failed '
        '(Every figure that is not vague is positive.); 1 of 5 rows unexpected, e.g. [{"value": -1.0, "measurement_id": "m1"}]',
        'measurements: expect_column_values_to_be_between on value_kg failed (A mass in kilograms is positive '
        '(value x the unit\'s factor).); 1 of 6 rows unexpected, e.g. [{"value_kg": -0.45359237, "measurement_id": "m1"}]',
    ]


def test_failure_message_names_the_offending_row():
    report = validate_tables(corrupt("measurements", 2, unit="furlong"), EXPECTATIONS_DIR, tables=["measurements"])
    message = failed(report, "measurements")
    assert "furlong" in message and "m3" in message


def suites_without_ounces(tmp_path) -> Path:
    """A copy of expectations/ whose measurements suite no longer allows the unit 'oz'."""
    edited = tmp_path / "expectations"
    shutil.copytree(EXPECTATIONS_DIR, edited)
    path = edited / "measurements.json"
    suite = json.loads(path.read_text())
    for exp in suite["expectations"]:
        if exp["type"] == "expect_column_values_to_be_in_set" and exp["kwargs"]["column"] == "unit":
            exp["kwargs"]["value_set"].remove("oz")
    path.write_text(json.dumps(suite, indent=2))
    return edited


def test_the_suites_are_the_files(tmp_path):
    """Editing a copy of a suite changes what passes: 'oz' removed from the allowed units."""
    rows = valid_rows()
    rows["measurements"][0].update(value=8.0, unit="oz", unit_text="ounces", value_kg=8 * 0.028349523125)
    frames = staged(rows)
    assert validate_tables(frames, EXPECTATIONS_DIR, tables=["measurements"]).success_by_table["measurements"]

    edited = suites_without_ounces(tmp_path)
    report = validate_tables(frames, edited, tables=["measurements"])
    assert not report.success_by_table["measurements"]
    assert "oz" in failed(report, "measurements")


# -- a rerun checks new rows only ---------------------------------------------------------------

def _details(report) -> list[dict]:
    return [json.loads(d) for d in report.results["details"]]


def test_unchanged_tables_are_passed_on_whole_column_rules_alone(passed_rows, valid_report):
    again = validate_tables(staged(valid_rows()), EXPECTATIONS_DIR, validated=RowStore(passed_rows))
    assert again.success
    pd.testing.assert_series_equal(again.results["expectation"], valid_report.results["expectation"])
    row_wise = {e["type"] for p in EXPECTATIONS_DIR.glob("*.json") for e in json.loads(p.read_text())["expectations"]
                if is_row_wise(e)}
    checked = {(r.expectation, d.get("element_count")) for r, d in zip(again.results.itertuples(), _details(again))}
    # the row-wise expectations saw no row; uniqueness still read every row
    assert all(n == 0 for e, n in checked if e in row_wise)
    assert ("expect_column_values_to_be_unique", 6) in checked  # the 6 measurements


def test_a_new_row_is_checked_and_the_old_ones_are_not(passed_rows):
    rows = valid_rows()
    new = dict(rows["measurements"][0], measurement_id="m7", char_start=70, char_end=83, value=-3.0, value_kg=-1.36)
    rows["measurements"].append(new)
    report = validate_tables(staged(rows), EXPECTATIONS_DIR, tables=["measurements"], validated=RowStore(passed_rows))
    assert "1 of 1 rows unexpected" in failed(report, "measurements")
    sizes = {d.get("rows_in_table") for d in _details(report)}
    assert sizes == {7, None}  # GX saw 1 of 7 rows for the row-wise rules, all 7 for uniqueness


def test_a_failed_validation_passes_no_rows_for_the_next_run():
    store = RowStore()
    bad = corrupt("measurements", 2, unit="furlong")
    assert not validate_tables(bad, EXPECTATIONS_DIR, tables=["measurements"], validated=store).success
    assert not validate_tables(bad, EXPECTATIONS_DIR, tables=["measurements"], validated=store).success


def test_rows_passed_under_another_suite_are_checked_again(tmp_path, passed_rows):
    rows = valid_rows()
    rows["measurements"][0].update(value=8.0, unit="oz", unit_text="ounces", value_kg=8 * 0.028349523125)
    store = RowStore(passed_rows)
    assert validate_tables(staged(rows), EXPECTATIONS_DIR, tables=["measurements"], validated=store).success
    edited = suites_without_ounces(tmp_path)
    assert "oz" in failed(validate_tables(staged(rows), edited, tables=["measurements"], validated=store),
                          "measurements")


def test_a_vague_mass_fact_has_neither_value_nor_kilograms():
    rows = valid_rows()
    rows["facts"].append(dict(rows["facts"][0], fact_id="f5", value=None, value_kg=None, subject="methamphetamine",
                              unit="lb", source_files=["a.txt"], n_sources=1))
    assert validate_tables(staged(rows), EXPECTATIONS_DIR, tables=["facts"]).success


# -- plausibility: flagged, never blocking -------------------------------------------------------

def with_a_quarantined_figure() -> dict[str, list[dict]]:
    """"99,000,000 tons of cocaine": published with its reason, in no fact (nor a discrepancy)."""
    rows = valid_rows()
    rows["measurements"][5].update(value=99e6, value_kg=99e6 * 907.18474, fact_id=None,
                                   quarantine_reason="implausible drug mass")
    rows["facts"] = [f for f in rows["facts"] if f["fact_id"] != "f4"]
    rows["discrepancies"][0].update(fact_id_b="f3")
    rows["claims"][0].update(n_documents=1, document_ids=["d1"], fact_ids=["f1"])
    return rows


def test_an_implausible_figure_warns_and_blocks_nothing():
    report = validate_tables(staged(with_a_quarantined_figure()), EXPECTATIONS_DIR)
    assert report.success, report.failures_by_table  # integrity holds: nothing blocks the publish
    warned = "\n".join(report.warnings_by_table["measurements"])
    assert "quarantine_reason" in warned and "m6" in warned
    flagged = report.results[~report.results["success"]]
    assert set(flagged["severity"]) == {"warning"} and set(flagged["suite"]) == {"measurements_plausibility"}


def test_severity_is_recorded_for_every_expectation(valid_report):
    severity = dict(zip(valid_report.results["suite"], valid_report.results["severity"]))
    assert severity["measurements"] == "error" and severity["measurements_plausibility"] == "warning"
    assert set(severity.values()) == {"error", "warning"}


def test_a_rerun_reports_the_same_results_apart_from_how_many_rows_were_seen():
    rows = with_a_quarantined_figure()
    store = RowStore()
    first = validate_tables(staged(rows), EXPECTATIONS_DIR, validated=store)
    again = validate_tables(staged(rows), EXPECTATIONS_DIR, validated=store)
    columns = ["suite", "expectation", "column_name", "success", "severity", "unexpected_count"]
    pd.testing.assert_frame_equal(first.results[columns], again.results[columns])
