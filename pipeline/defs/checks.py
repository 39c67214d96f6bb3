"""Blocking Great Expectations checks on the staged warehouse tables (a thin shell over core.validation).

One multi-asset check validates every table at once, because the cross-table rules (a measurement's
document exists, one canonical source per document) need all of them. A failed check stops the
publish asset downstream, so the published warehouse keeps its last good version.
"""
import time

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.core.filecache import VALIDATION_MODULES
from pipeline.core.validation import offending_rows_markdown, validate_tables
from pipeline.core.warehouse import load_table
from pipeline.defs.assets import file_cache
from pipeline.defs.resources import PipelineSettings
from pipeline.settings import EXPECTATIONS_DIR

CHECKED_TABLES = ["sources", "documents", "measurements", "facts", "commitments", "discrepancies"]


def _check_name(table: str) -> str:
    return f"gx_{table}"


@dg.multi_asset_check(
    specs=[dg.AssetCheckSpec(_check_name(t), asset=dg.AssetKey(["warehouse", t]), blocking=True,
                             description=f"The expectations/*.json suites of `{t}` (GX); a failure stops the publish.")
           for t in CHECKED_TABLES],
    pool="warehouse",  # it writes validation_results into the staging file: one writer at a time
)
def warehouse_expectations(context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource,
                           settings: PipelineSettings):
    s = settings.settings()
    with duckdb.get_connection() as con:
        frames = {t: con.execute(f"SELECT * FROM {t}").df() for t in CHECKED_TABLES}
    started = time.perf_counter()
    # the rows that passed before (same suites, same code): row-wise expectations skip them
    passed_before = file_cache(s, VALIDATION_MODULES)
    report = validate_tables(frames, EXPECTATIONS_DIR, site_dir=s.data_docs_dir, validated=passed_before)
    seconds = round(time.perf_counter() - started, 2)
    with duckdb.get_connection() as con:
        load_table(con, "validation_results", report.results)
    seen = sum(n for n, _ in report.rows_checked.values())
    total = sum(n for _, n in report.rows_checked.values())
    context.log.info(f"validated {len(report.results)} expectations in {seconds} s; row-wise ones saw {seen:,} of "
                     f"{total:,} rows (the others passed them before); Data Docs: {report.data_docs_index}")

    for t in CHECKED_TABLES:
        n = report.n_evaluated_by_table.get(t, 0)
        failures = report.failures_by_table.get(t, [])
        # a table no suite guards is not validated, so it must not pass silently
        passed = n > 0 and report.success_by_table.get(t, False)
        if n == 0:
            failures = [f"no expectation suite in {EXPECTATIONS_DIR} has meta.table == {t!r}"]
        for line in failures:
            context.log.error(f"{t}: {line}")
        description = (f"all {n} expectations passed" if passed else
                       f"{len(failures)} of {n} expectations failed on {t}, so the warehouse was not published: "
                       + "; ".join(failures[:3]))
        yield dg.AssetCheckResult(
            check_name=_check_name(t), asset_key=dg.AssetKey(["warehouse", t]), passed=passed,
            description=description[:2000],
            metadata={
                "n_evaluated": n,
                "n_failed": len(failures),
                "failed_expectations": dg.MetadataValue.md("\n".join(f"- {x}" for x in failures) or "none"),
                "offending_rows": dg.MetadataValue.md(offending_rows_markdown(report, t)),
                "data_docs": dg.MetadataValue.path(str(report.data_docs_index)),
                "validation_seconds": seconds,
                "rows_checked_by_row_wise_expectations": report.rows_checked.get(t, (0, 0))[0],
            },
        )
