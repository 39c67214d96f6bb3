"""Great Expectations checks on the staged warehouse tables (a thin shell over core.validation).

One multi-asset check validates every table at once, because the cross-table rules (a measurement's
document exists, one canonical source per document) need all of them. Integrity suites are
blocking: a failure stops the publish asset downstream, and the verdict sealed into this run's
staging file says so, so the published warehouse keeps its last good version. Plausibility suites
(``meta.severity: warning``) are WARN checks: they show the flagged rows and never hold back a run.
"""
import time

import dagster as dg

from pipeline.core import heap, warehouse
from pipeline.core.filecache import VALIDATION_MODULES
from pipeline.core.validation import load_suite_dicts, offending_rows_markdown, validate_tables
from pipeline.defs.assets import file_cache, staging_of
from pipeline.defs.resources import PipelineSettings
from pipeline.settings import EXPECTATIONS_DIR

CHECKED_TABLES = ["sources", "documents", "measurements", "facts", "commitments", "discrepancies", "stories", "claims"]
# The tables some plausibility suite (severity "warning") guards: each gets a WARN check.
PLAUSIBILITY_TABLES = sorted({s["meta"]["table"] for s in load_suite_dicts(EXPECTATIONS_DIR)
                              if s["meta"].get("severity") == "warning"})


def _check_name(table: str) -> str:
    return f"gx_{table}"


def _plausibility_name(table: str) -> str:
    return f"gx_{table}_plausibility"


@dg.multi_asset_check(
    specs=[dg.AssetCheckSpec(_check_name(t), asset=dg.AssetKey(["warehouse", t]), blocking=True,
                             description=f"The integrity suites of `{t}` (GX); a failure stops the publish.")
           for t in CHECKED_TABLES]
    + [dg.AssetCheckSpec(_plausibility_name(t), asset=dg.AssetKey(["warehouse", t]), blocking=False,
                         description=f"The plausibility suites of `{t}` (GX): a failure warns; the run publishes.")
       for t in PLAUSIBILITY_TABLES],
)
def warehouse_expectations(context: dg.AssetCheckExecutionContext, settings: PipelineSettings):
    s = settings.settings()
    staging = staging_of(context, s)
    heap.trim()  # the staging step's frames are freed: hand their memory back before reading the tables
    frames = warehouse.read_tables(staging, CHECKED_TABLES)
    started = time.perf_counter()
    # the rows that passed before (same suites, same code): row-wise expectations skip them
    passed_before = file_cache(s, VALIDATION_MODULES)
    report = validate_tables(frames, EXPECTATIONS_DIR, site_dir=warehouse.staged_docs_dir(staging),
                             validated=passed_before)
    seconds = round(time.perf_counter() - started, 2)
    warehouse.load_tables(staging, {"validation_results": report.results})
    seen = sum(n for n, _ in report.rows_checked.values())
    total = sum(n for _, n in report.rows_checked.values())
    context.log.info(f"validated {len(report.results)} expectations in {seconds} s; row-wise ones saw {seen:,} of "
                     f"{total:,} rows (the others passed them before); Data Docs: {report.data_docs_index}")

    all_failures = []
    for t in CHECKED_TABLES:
        n = report.n_evaluated_by_table.get(t, 0)
        failures = report.failures_by_table.get(t, [])
        # a table no suite guards is not validated, so it must not pass silently
        passed = n > 0 and report.success_by_table.get(t, False)
        if n == 0:
            failures = [f"no expectation suite in {EXPECTATIONS_DIR} has meta.table == {t!r}"]
        for line in failures:
            context.log.error(f"{t}: {line}")
        all_failures += [f"{t}: {line}" for line in failures]
        description = (f"all {n} expectations passed" if passed else
                       f"{len(failures)} of {n} expectations failed on {t}, so the warehouse was not published: "
                       + "; ".join(failures[:3]))
        yield _result(_check_name(t), t, passed, description, n, failures, report, seconds)
    # the verdict the publish step verifies: this file, these bytes, every blocking check passed
    verdict = warehouse.seal(staging, passed=not all_failures, failures=all_failures)
    if not verdict["passed"]:
        warehouse.release(staging)  # kept for a look until the next run removes it
        context.log.error(f"not published; the staged file {staging} is kept for inspection until the next run")

    for t in PLAUSIBILITY_TABLES:
        n = report.n_warning_checks_by_table.get(t, 0)
        warnings = report.warnings_by_table.get(t, [])
        for line in warnings:
            context.log.warning(f"{t}: {line}")
        description = (f"all {n} plausibility expectations passed" if not warnings else
                       f"{len(warnings)} of {n} plausibility expectations flag rows of {t} (published; quarantined "
                       "figures are kept out of facts): " + "; ".join(warnings[:3]))
        yield _result(_plausibility_name(t), t, not warnings, description, n, warnings, report, seconds,
                      severity=dg.AssetCheckSeverity.WARN)


def _result(name: str, table: str, passed: bool, description: str, n: int, failures: list[str], report,
            seconds: float, severity=dg.AssetCheckSeverity.ERROR) -> dg.AssetCheckResult:
    # the suites' meta.severity names ("error", "warning") for Dagster's two severities
    severity_name = "warning" if severity == dg.AssetCheckSeverity.WARN else "error"
    return dg.AssetCheckResult(
        check_name=name, asset_key=dg.AssetKey(["warehouse", table]), passed=passed, severity=severity,
        description=description[:2000],
        metadata={
            "n_evaluated": n,
            "n_failed": len(failures),
            "failed_expectations": dg.MetadataValue.md("\n".join(f"- {x}" for x in failures) or "none"),
            "offending_rows": dg.MetadataValue.md(offending_rows_markdown(report, table, severity=severity_name)),
            "data_docs": dg.MetadataValue.path(str(report.data_docs_index)),
            "validation_seconds": seconds,
            "rows_checked_by_row_wise_expectations": report.rows_checked.get(table, (0, 0))[0],
        },
    )
