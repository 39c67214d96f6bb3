"""A static, offline report of a published warehouse (issue 18): pages and charts, no network.

`write_report(warehouse_path, out_dir, sources_dir)` reads the DuckDB file read-only and writes
`out_dir/index.html`, a page per document, per source file and (when the warehouse has a
`stories` table) per story, the project's CSS and plotly's JavaScript (copied from the plotly
package), so the pages open from disk with no request leaving the machine. No Dagster import.
``write_report(..., previous=earlier_report_dir)`` links the pages whose inputs did not change from an
earlier report instead of rendering them again (the same bytes; see pages.py).
"""
from pipeline.core.report.render import write_report

__all__ = ["write_report"]
