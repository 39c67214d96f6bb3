"""Validate the warehouse tables with Great Expectations suites read from expectations/*.json.

Pure core: plain DataFrames in, a report out; no Dagster. Each suite's ``meta`` says which
table it guards (``table``), which frame it validates (``frame``, default the table) and which
columns name a row in failure messages (``id_columns``). Cross-table rules are expressed as
derived columns or a derived per-document frame computed here, so each rule is still a GX
expectation written in the JSON files.

Row by row, a rerun validates only what is new: given a store of the rows that passed
before, an expectation that judges each row on its own (most of them) runs on the rows
whose content -- derived cross-table columns included -- was not among the rows that last
passed the same suites; an expectation that needs the whole column (uniqueness) still runs
on every row.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # before GX is imported: no telemetry

RESULT_COLUMNS = ["suite", "table_name", "expectation", "column_name", "success", "severity", "unexpected_count",
                  "details"]
# A suite's meta.severity: "error" (integrity: a failure means a bug and blocks the publish) or
# "warning" (plausibility: a failure is shown, and the figures are published quarantined).
SEVERITIES = ("error", "warning")
N_EXAMPLES = 5  # offending values/rows kept per failed expectation


@dataclass
class ValidationReport:
    results: pd.DataFrame  # the columns of the validation_results table, one row per expectation
    success_by_table: dict[str, bool]  # integrity (error-severity) expectations only
    failures_by_table: dict[str, list[str]]
    n_evaluated_by_table: dict[str, int] = field(default_factory=dict)
    warnings_by_table: dict[str, list[str]] = field(default_factory=dict)  # failed plausibility expectations
    n_warning_checks_by_table: dict[str, int] = field(default_factory=dict)
    data_docs_index: Path | None = None
    # frame -> (rows the row-wise expectations saw, rows in the frame)
    rows_checked: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def success(self) -> bool:
        return all(self.success_by_table.values())


def load_suite_dicts(expectations_dir: Path) -> list[dict]:
    """Every expectations/*.json, in file-name order (the order of the results)."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(expectations_dir).glob("*.json"))]


# -- derived frames: what the cross-table rules look at --------------------------------------

def _unknown(values: pd.Series, known: pd.Series) -> pd.Series:
    """The value where it is not among ``known`` (null otherwise), so GX reports the bad ids themselves."""
    # a Python set: pandas 3's isin of Arrow strings against Arrow strings takes ~1 s at 100,000 ids
    ids = set(known.dropna().tolist())
    return values.where([v is not None and v == v and v not in ids for v in values.tolist()])


def _ok_sources(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    s = frames["sources"]
    return s[s["status"] == "ok"]


def _with_document_counts(df: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    counts = _ok_sources(frames).groupby("document_id").size()
    return df.assign(document_n_ok_sources=df["document_id"].map(counts).astype("Float64"))


def _kg_per_unit(df: pd.DataFrame) -> pd.Series:
    # value 0 would divide by zero; it is caught by the value > 0 expectation instead
    return (df["value_kg"] / df["value"].where(df["value"] != 0)).astype("float64")


def _derive_sources(f):
    s = f["sources"]
    return s.assign(unknown_document_id=_unknown(s["document_id"], f["documents"]["document_id"]))


def _derive_measurements(f):
    m = f["measurements"]
    return m.assign(
        kg_per_unit=_kg_per_unit(m),
        # a quarantined figure must not be counted in a fact (integrity: the code keeps it out)
        quarantined_fact_id=m["fact_id"].where(m["quarantine_reason"].notna()),
        span_length=(m["char_end"] - m["char_start"]).astype("float64"),
        surface_length=m["surface"].str.len().astype("float64"),
        unknown_document_id=_unknown(m["document_id"], f["documents"]["document_id"]),
        unknown_source_file=_unknown(m["source_file"], _ok_sources(f)["source_file"]),
    )


def _derive_facts(f):
    x = f["facts"]
    x = x.assign(kg_per_unit=_kg_per_unit(x), unknown_document_id=_unknown(x["document_id"], f["documents"]["document_id"]))
    return _with_document_counts(x, f)


def _derive_commitments(f):
    c = f["commitments"]
    return _with_document_counts(c.assign(unknown_document_id=_unknown(c["document_id"], f["documents"]["document_id"])), f)


def _derive_discrepancies(f):
    d = f["discrepancies"]
    docs, facts = f["documents"]["document_id"], f["facts"]["fact_id"]
    # either side's unknown id (side a first); null when both exist
    return d.assign(
        unknown_document_id=_unknown(d["document_id_a"], docs).fillna(_unknown(d["document_id_b"], docs)),
        unknown_fact_id=_unknown(d["fact_id_a"], facts).fillna(_unknown(d["fact_id_b"], facts)),
    )


def _list_lengths(lists: pd.Series) -> pd.Series:
    return pd.Series([len(x) if x is not None else 0 for x in lists.tolist()], index=lists.index, dtype="int64")


def _first_unknown(lists: pd.Series, known: pd.Series) -> pd.Series:
    """The first id of each list that is not among ``known`` (null when all are)."""
    ids = set(known.dropna().tolist())
    return pd.Series([next((v for v in (x if x is not None else ()) if v not in ids), None) for x in lists.tolist()],
                     index=lists.index, dtype=object)


def _derive_stories(f):
    s = f["stories"]
    pointing = f["documents"].groupby("story_id").size() if "story_id" in f["documents"] else pd.Series(dtype="int64")
    return s.assign(n_document_ids=_list_lengths(s["document_ids"]),
                    n_documents_pointing=s["story_id"].map(pointing).fillna(0).astype("int64"),
                    unknown_document_id=_first_unknown(s["document_ids"], f["documents"]["document_id"]))


def _derive_claims(f):
    c = f["claims"]
    return c.assign(n_document_ids=_list_lengths(c["document_ids"]), n_fact_ids=_list_lengths(c["fact_ids"]),
                    unknown_story_id=_unknown(c["story_id"], f["stories"]["story_id"]),
                    unknown_fact_id=_first_unknown(c["fact_ids"], f["facts"]["fact_id"]),
                    kg_per_unit=_kg_per_unit(c))


def _documents_integrity(f):
    """One row per document: its ok sources, canonical ones, and whether canonical_source_file is one."""
    ok = _ok_sources(f)
    canonical = ok[ok["is_canonical"].astype(bool)]
    docs = f["documents"][["document_id", "n_sources", "canonical_source_file"]]
    pairs = set(zip(canonical["document_id"], canonical["source_file"]))
    return docs.assign(
        n_ok_sources=docs["document_id"].map(ok.groupby("document_id").size()).fillna(0).astype("int64"),
        n_canonical=docs["document_id"].map(canonical.groupby("document_id").size()).fillna(0).astype("int64"),
        canonical_file_matches=[(d, c) in pairs for d, c in zip(docs["document_id"], docs["canonical_source_file"])],
    )


DERIVED = {
    "sources": _derive_sources,
    "measurements": _derive_measurements,
    "facts": _derive_facts,
    "commitments": _derive_commitments,
    "discrepancies": _derive_discrepancies,
    "stories": _derive_stories,
    "claims": _derive_claims,
    "documents_integrity": _documents_integrity,
}


def _prepared(frame: str, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The frame a suite validates. A plausibility suite's frame (``<table>_plausibility``) is the
    table under a name of its own, so the rows it flags never stop the integrity suites' rows
    from being remembered as passed."""
    if frame in DERIVED:
        return DERIVED[frame](frames)
    return frames[frame.removesuffix("_plausibility")]


def _as_list(v):
    return v.tolist() if isinstance(v, np.ndarray) else v


def _for_gx(df: pd.DataFrame) -> pd.DataFrame:
    """Hand GX types it can name: GX 1.24's type check does not know pandas 3's ``str`` dtype (as
    ``object`` it checks each value is a ``str``), and DuckDB returns lists as numpy arrays, which
    GX's type names cannot express (as ``list`` they can)."""
    df = df.astype({c: object for c in df.columns if isinstance(df[c].dtype, pd.StringDtype)})
    # DuckDB returns a list column as arrays throughout: its first value tells
    arrays = [c for c in df.columns
              if df[c].dtype == object and isinstance(next(iter(df[c].dropna()), None), np.ndarray)]
    return df.assign(**{c: pd.Series([_as_list(v) for v in df[c].tolist()], index=df.index, dtype=object)
                        for c in arrays}) if arrays else df


# -- GX ----------------------------------------------------------------------------------------

def _condition_text(cond) -> str:
    """A readable row condition ('status == "rejected"') for failure messages."""
    if not cond:
        return ""
    if cond.get("type") == "and":
        return " and ".join(_condition_text(c) for c in cond["conditions"])
    if cond.get("type") == "comparison":
        return f'{cond["column"]["name"]} {cond["operator"]} {json.dumps(cond["parameter"])}'
    return json.dumps(cond, sort_keys=True)


def _column_name(kwargs: dict) -> str | None:
    if "column" in kwargs:
        return kwargs["column"]
    if "column_A" in kwargs:
        return f'{kwargs["column_A"]},{kwargs["column_B"]}'
    if "column_list" in kwargs:
        return ",".join(kwargs["column_list"])
    return None


def _jsonable(x):
    return json.loads(json.dumps(x, default=str, allow_nan=True).replace("NaN", "null"))


def _row(suite: dict, exp: dict, res, n_rows: int, n_seen: int, counts_rows: bool = True) -> tuple[dict, str | None]:
    """One validation_results row and, if it failed, a line a person can read.

    ``res`` is None for a row-wise expectation that had no new row to see (every row passed it
    before); ``n_seen`` of the table's ``n_rows`` rows were given to GX. ``counts_rows`` says
    whether GX would have counted unexpected rows (so a rerun reports what a first run does).
    """
    kwargs = exp["kwargs"]
    r = res.result if res is not None else {"element_count": 0, "unexpected_count": 0 if counts_rows else None}
    r = r or {}
    exc = (res.exception_info or {}).get("exception_message") if res is not None and res.exception_info else None
    if exc is None and res is not None and isinstance(res.exception_info, dict):  # GX nests it by metric id
        msgs = [v.get("exception_message") for v in res.exception_info.values() if isinstance(v, dict)]
        exc = "; ".join(m for m in msgs if m) or None
    details = {
        # when GX saw fewer rows (element_count) than the table has: the others passed it before
        "rows_in_table": n_rows if n_seen != n_rows else None,
        "kwargs": {k: v for k, v in kwargs.items() if k not in ("column", "column_A", "column_B", "column_list")},
        "notes": exp.get("notes"),
        "observed_value": r.get("observed_value"),
        "element_count": r.get("element_count"),
        "partial_unexpected_list": (r.get("partial_unexpected_list") or [])[:N_EXAMPLES],
        "partial_unexpected_index_list": (r.get("partial_unexpected_index_list") or [])[:N_EXAMPLES],
        "exception": exc,
    }
    details = {k: v for k, v in _jsonable(details).items() if v not in (None, [], {})}
    row = {
        "suite": suite["name"],
        "table_name": suite["meta"]["table"],
        "expectation": exp["type"],
        "column_name": _column_name(kwargs),
        "success": res is None or bool(res.success),
        "severity": suite["meta"].get("severity", "error"),
        "unexpected_count": r.get("unexpected_count"),
        "details": json.dumps(details, sort_keys=True),
    }
    if row["success"]:
        return row, None
    where = _condition_text(kwargs.get("row_condition"))
    line = f'{suite["name"]}: {exp["type"]} on {row["column_name"] or "the table"}'
    line += f" where {where}" if where else ""
    line += f' failed ({exp["notes"]})' if exp.get("notes") else " failed"
    if exc:
        line += f"; error: {exc}"
    elif row["unexpected_count"] is not None:
        line += f'; {row["unexpected_count"]} of {r.get("element_count")} rows unexpected'
        if details.get("partial_unexpected_index_list"):
            line += f', e.g. {json.dumps(details["partial_unexpected_index_list"][:3])}'
        elif details.get("partial_unexpected_list"):
            line += f', e.g. {json.dumps(details["partial_unexpected_list"][:3])}'
    elif "observed_value" in details:
        line += f'; observed {json.dumps(details["observed_value"])}'
    return row, line


# -- rows validated before -----------------------------------------------------------------

# Expectations whose verdict on a row depends on the other rows (``mostly`` too: a share).
WHOLE_COLUMN = frozenset({"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"})


def is_row_wise(exp: dict) -> bool:
    """A map expectation judging each row on its own: its verdict on a row it passed before stands.
    Table-level expectations (the column set) and aggregates always see the whole table."""
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation,
    )
    from great_expectations.expectations.registry import get_expectation_impl

    is_map = issubclass(get_expectation_impl(exp["type"]),
                        (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation))
    return is_map and exp["type"] not in WHOLE_COLUMN and "mostly" not in exp["kwargs"]


def row_hashes(df: pd.DataFrame) -> np.ndarray:
    """A 64-bit hash of each row's values (list values joined; pandas' own row hashing)."""
    sequence = (list, tuple, np.ndarray)  # DuckDB hands lists over as numpy arrays
    lists = [c for c in df.columns
             if df[c].dtype == object and isinstance(next(iter(df[c].dropna()), None), sequence)]
    if lists:  # a list comprehension over .tolist(): ten times Series.map's speed at 100,000 rows
        df = df.assign(**{c: ["\x1f".join(map(str, _as_list(v))) if isinstance(v, sequence) else None
                              for v in df[c].tolist()] for c in lists})
    return pd.util.hash_pandas_object(df, index=False).to_numpy()


def _rows_key(frame: str, suites: list[dict], df: pd.DataFrame) -> str:
    """Rows passed under other suites, other column types or another GX are not passed here."""
    import great_expectations as gx

    spec = json.dumps([suites, {c: str(t) for c, t in df.dtypes.items()}, gx.__version__], sort_keys=True, default=str)
    return f"validated-rows-{frame}-" + hashlib.sha256(spec.encode()).hexdigest()[:16]


def _add_data_docs_site(context, site_dir: Path) -> None:
    context.add_data_docs_site(site_name="warehouse", site_config={
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site_dir)},
    })


_FAST_METRICS_INSTALLED = False


def _install_fast_metrics() -> None:
    """Replace GX's pandas ``column_pair_values.in_set`` (an ``iterrows`` loop) by the same test, vectorized.

    GX 1.24 tests each row of ``expect_column_pair_values_to_be_in_set`` with
    ``DataFrame.iterrows``: about 0.2 ms a row, 30 s for the 140,000 measurements of
    10,000 files -- three quarters of the whole validation. The replacement computes the
    same thing (a null becomes None, then ``(a, b) in value_pairs_set``) over plain lists;
    the expectation, its JSON and its results are unchanged. GX registers a metric
    provider when its class is defined, and a later definition of the same metric name
    overrides the earlier one for the engines it defines.
    """
    global _FAST_METRICS_INSTALLED
    if _FAST_METRICS_INSTALLED:
        return
    import logging

    from great_expectations.execution_engine import PandasExecutionEngine
    from great_expectations.expectations.metrics.column_pair_map_metrics.column_pair_values_in_set import (
        ColumnPairValuesInSet,
    )
    from great_expectations.expectations.metrics.map_metric_provider import column_pair_condition_partial

    registry_log = logging.getLogger("great_expectations.expectations.registry")
    level = registry_log.level
    registry_log.setLevel(logging.ERROR)  # "overwriting metric_provider" is the point here
    try:
        class _VectorizedColumnPairValuesInSet(ColumnPairValuesInSet):
            @column_pair_condition_partial(engine=PandasExecutionEngine)
            def _pandas(cls, column_A, column_B, **kwargs):
                value_pairs_set = kwargs.get("value_pairs_set")
                if value_pairs_set is None:
                    return np.ones(len(column_A), dtype=np.bool_)  # vacuously true
                allowed = {(x, y) for x, y in value_pairs_set}
                a_null, b_null = pd.isna(column_A).to_numpy(), pd.isna(column_B).to_numpy()
                a = [None if n else v for v, n in zip(column_A.tolist(), a_null)]
                b = [None if n else v for v, n in zip(column_B.tolist(), b_null)]
                return pd.Series([pair in allowed for pair in zip(a, b)], index=column_A.index, dtype=bool)
    finally:
        registry_log.setLevel(level)
    _FAST_METRICS_INSTALLED = True


def validate_tables(frames: dict[str, pd.DataFrame], expectations_dir: Path,
                    site_dir: Path | None = None, tables: list[str] | None = None,
                    validated=None) -> ValidationReport:
    """Run every suite of ``expectations_dir`` on ``frames`` (table name -> DataFrame).

    With ``site_dir``, GX Data Docs for this run are written there as static HTML (the folder
    is replaced: it holds only the last validation). ``tables`` limits the run to the suites
    guarding those tables (GX costs ~20 ms per expectation, so focused tests stay quick).
    ``validated`` (``get``/``put``, e.g. a FileCache) keeps the hashes of the rows that passed;
    with it, row-wise expectations run on new rows only (see the module's docstring).
    """
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    _install_fast_metrics()
    suites = [s for s in load_suite_dicts(expectations_dir) if tables is None or s["meta"]["table"] in tables]
    if not suites:
        raise FileNotFoundError(f"no expectation suites (*.json) in {expectations_dir}")
    by_frame: dict[str, list[dict]] = {}
    for s in suites:
        by_frame.setdefault(s["meta"].get("frame", s["meta"]["table"]), []).append(s)
    # derived, not yet converted for GX: only the rows GX will see are converted
    prepared = {name: _prepared(name, frames) for name in sorted(by_frame)}

    # the rows each frame's row-wise expectations still have to see
    new_rows, hashes, keys, incremental = {}, {}, {}, set()
    for frame, df in prepared.items():
        new_rows[frame] = df
        if validated is not None:
            hashes[frame], keys[frame] = row_hashes(df), _rows_key(frame, by_frame[frame], df)
            before = validated.get(keys[frame])
            if before is not None:
                new_rows[frame] = df[~np.isin(hashes[frame], before)]
                incremental.add(frame)

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.delete_data_docs_site("local_site")  # the ephemeral default (a temp folder); ours is site_dir
    if site_dir is not None:
        _add_data_docs_site(context, Path(site_dir))
    datasource = context.data_sources.add_pandas("warehouse")

    rows, success, failures, counts, warnings, warning_counts = [], {}, {}, {}, {}, {}
    suites_passed: dict[str, bool] = {}
    for s in suites:
        table, frame = s["meta"]["table"], s["meta"].get("frame", s["meta"]["table"])
        df, new = prepared[frame], new_rows[frame]
        # (GX suite name, its expectations, the rows they see): one part when every row is to
        # be seen, and no row-wise part when no row is new (those verdicts stand from before)
        row_wise = [e for e in s["expectations"] if is_row_wise(e)]
        whole = [e for e in s["expectations"] if not is_row_wise(e)]
        parts = [(s["name"], s["expectations"], _for_gx(df))] if frame not in incremental else [
            *([(s["name"], row_wise, _for_gx(new))] if len(new) else []),
            (f'{s["name"]}.whole_columns', whole, _for_gx(df[_columns_used(whole, s["meta"], df)]))]
        results = {}
        for name, expectations, rows_seen in parts:
            if expectations:
                results.update(_run_suite(gx, context, datasource, name, s, expectations, rows_seen))
        suite_passed = True
        for n, exp in enumerate(s["expectations"]):
            res, n_seen = results.get(n, (None, 0))
            row, line = _row(s, exp, res, len(df), n_seen, counts_rows=_counts_rows(exp, df))
            rows.append(row)
            suite_passed = suite_passed and row["success"]
            if row["severity"] == "warning":
                warning_counts[table] = warning_counts.get(table, 0) + 1
                warnings.setdefault(table, []).extend([line] if line else [])
                continue
            success[table] = success.get(table, True) and row["success"]
            counts[table] = counts.get(table, 0) + 1
            failures.setdefault(table, [])
            if line:
                failures[table].append(line)
        suites_passed[s["name"]] = suite_passed

    if validated is not None:
        for frame in prepared:
            if all(suites_passed[s["name"]] for s in by_frame[frame]):
                validated.put(keys[frame], np.unique(hashes[frame]))

    index = _build_data_docs(context, Path(site_dir)) if site_dir is not None else None
    results = pd.DataFrame(rows, columns=RESULT_COLUMNS).astype({"unexpected_count": "Int64"})
    checked = {frame: (len(new_rows[frame]), len(df)) for frame, df in prepared.items()}
    return ValidationReport(results, success, failures, counts, warnings, warning_counts, index, checked)


def _counts_rows(exp: dict, df: pd.DataFrame) -> bool:
    """GX judges a type rule on a typed (non-object) column by its dtype, without counting rows."""
    column = exp["kwargs"].get("column")
    if exp["type"] != "expect_column_values_to_be_in_type_list" or column not in df.columns:
        return True
    return df[column].dtype == object or isinstance(df[column].dtype, pd.StringDtype)


def _columns_used(expectations: list[dict], meta: dict, df: pd.DataFrame) -> list[str]:
    """The columns these expectations and the failure messages read (all, under a row condition)."""
    if any(e["kwargs"].get("row_condition") for e in expectations):
        return list(df.columns)
    used = set(meta.get("id_columns", []))
    for e in expectations:
        if _column_name(e["kwargs"]) is None:  # a table-level expectation (the column set) reads them all
            return list(df.columns)
        used.update(_column_name(e["kwargs"]).split(","))
    return [c for c in df.columns if c in used]


def _run_suite(gx, context, datasource, name: str, suite_dict: dict, expectations: list[dict],
               df: pd.DataFrame) -> dict[int, tuple[object, int]]:
    """GX's result of each of ``expectations`` on ``df`` and the rows it saw, by index in the JSON suite."""
    from great_expectations.core.expectation_suite import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    suite = context.suites.add(ExpectationSuite(
        name=name, meta=suite_dict["meta"],
        expectations=[ExpectationConfiguration(**e).to_domain_obj() for e in expectations]))
    batch = datasource.add_dataframe_asset(name).add_batch_definition_whole_dataframe("whole")
    definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
    # BASIC (counts, observed values, examples) costs ~75% of SUMMARY on the seeds, whose
    # offending row ids are only wanted when something failed: then the suite runs again.
    result = definition.run(batch_parameters={"dataframe": df}, result_format="BASIC")
    if not result.success:
        result = definition.run(
            batch_parameters={"dataframe": df},
            result_format={"result_format": "SUMMARY", "partial_unexpected_count": N_EXAMPLES,
                           "unexpected_index_column_names": suite_dict["meta"].get("id_columns", [])},
        )
    # match results to the JSON entries by the ids GX gave the suite's expectations, in file order
    by_id = {res.expectation_config.id: res for res in result.results}
    index = {id(e): n for n, e in enumerate(suite_dict["expectations"])}
    return {index[id(exp)]: (by_id[added.id], len(df))
            for exp, added in zip(expectations, suite.expectations, strict=True)}


def _build_data_docs(context, site_dir: Path) -> Path:
    # a fresh folder each time, so the docs never mix this validation with an older one
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.mkdir(parents=True)
    context.build_data_docs(site_names=["warehouse"])
    # GX's pages load Bootstrap, jQuery, Vega and its logo from public hosts: make them open offline
    from pipeline.core.report.data_docs_offline import make_offline

    make_offline(site_dir)
    return site_dir / "index.html"


def offending_rows_markdown(report: ValidationReport, table: str, limit: int = 20, severity: str = "error") -> str:
    """The failed expectations of one table (of one severity) with a few offending rows each, as markdown."""
    r = report.results
    failed = r[(r["table_name"] == table) & ~r["success"] & (r["severity"] == severity)]
    lines = ["| suite | expectation | column | unexpected | examples |", "|---|---|---|---|---|"]
    for r in failed.itertuples():
        d = json.loads(r.details)
        examples = d.get("partial_unexpected_index_list") or d.get("partial_unexpected_list") or d.get("exception") \
            or d.get("observed_value")
        cell = json.dumps(examples, ensure_ascii=False).replace("|", "\\|")[:300]
        count = "" if pd.isna(r.unexpected_count) else int(r.unexpected_count)
        lines.append(f"| {r.suite} | {r.expectation} | {r.column_name or ''} | {count} | `{cell}` |")
    return "\n".join(lines[: limit + 2])
