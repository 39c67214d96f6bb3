"""The one command a person types: `pipeline run`, `pipeline query`, `pipeline ui`.

`run` executes the same Dagster definitions the UI shows, in-process; it is not a
second implementation of the pipeline.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline.settings import INSTANCE_TEMPLATE, PROJECT_ROOT, settings_from_env


def _ensure_dagster_home() -> Path:
    """A persistent instance inside the project (git-ignored), telemetry off, one run at a time."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    template = INSTANCE_TEMPLATE.read_text(encoding="utf-8")
    # a config the project wrote keeps its first line, and follows the template's changes
    if not config.exists() or config.read_text(encoding="utf-8").split("\n", 1)[0] == template.split("\n", 1)[0]:
        config.write_text(template, encoding="utf-8")
    return home


def _apply_paths(args: argparse.Namespace) -> None:
    if getattr(args, "sources", None):
        os.environ["PIPELINE_SOURCES_DIR"] = str(Path(args.sources).resolve())
    if getattr(args, "warehouse", None):
        os.environ["PIPELINE_WAREHOUSE_PATH"] = str(Path(args.warehouse).resolve())


def cmd_run(args: argparse.Namespace) -> int:
    _apply_paths(args)
    settings = settings_from_env()
    if not settings.sources_dir.is_dir():
        print(f"error: sources folder {settings.sources_dir} does not exist", file=sys.stderr)
        return 2
    _ensure_dagster_home()
    import dagster as dg

    from pipeline import definitions
    from pipeline.defs.runs import process_tags

    print(f"running the pipeline on {settings.sources_dir} -> {settings.warehouse_path}", flush=True)
    # execute_job, not execute_in_process: the latter keeps every step's output in memory to the end
    # of the run (to return them; a 10,000-file run peaked at 1,887 MB with it, 1,669 MB without).
    # The job's own in-process executor runs the steps here all the same, as in a UI run's worker.
    with dg.DagsterInstance.get() as instance, dg.execute_job(
            dg.reconstructable(definitions.warehouse_job), instance=instance, raise_on_error=False,
            # tagged with this process, so a later run can tell when it was killed (pipeline/defs/runs.py);
            # the run's first step fails the runs killed before it, freeing their pool slots
            tags=process_tags(),
            run_config={"loggers": {"console": {"config": {"log_level": args.log_level}}}}) as result:
        success = result.success
        failed = [e for e in result.all_events if e.event_type_value in ("STEP_FAILURE", "ASSET_CHECK_EVALUATION")
                  and (e.event_type_value == "STEP_FAILURE" or not e.event_specific_data.passed)]
    if not success:
        for event in failed:
            print(f"  failed: {event.message}", file=sys.stderr)
        print(f"error: the run failed; the published warehouse {settings.warehouse_path} was left as it was",
              file=sys.stderr)
        return 1
    print(summary(settings.warehouse_path))
    return 0


SUMMARY_DOCUMENTS = 20  # documents listed after a run


def summary(path: Path) -> str:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        def q(sql: str) -> list[tuple]:
            return con.execute(sql).fetchall()

        lines = [f"published {path}"]
        (ok, rejected), = q("SELECT count(*) FILTER (status = 'ok'), count(*) FILTER (status = 'rejected') FROM sources")
        lines.append(f"  sources:      {ok} ok, {rejected} rejected")
        for name, reason in q("SELECT source_file, reject_reason FROM sources WHERE status = 'rejected' ORDER BY 1"):
            lines.append(f"    rejected {name}: {reason}")
        (n_documents,), = q("SELECT count(*) FROM documents")
        lines.append(f"  documents:    {n_documents}")
        # the documents with most versions first; a large corpus lists only the top of it
        for doc, n, title in q("SELECT document_id, n_sources, coalesce(title, '(untitled)') FROM documents "
                               f"ORDER BY n_sources DESC, document_id LIMIT {SUMMARY_DOCUMENTS}"):
            lines.append(f"    {doc}  {n} version(s)  {title[:70]}")
        if n_documents > SUMMARY_DOCUMENTS:
            lines.append(f"    ... and {n_documents - SUMMARY_DOCUMENTS} more (pipeline query 'SELECT * FROM documents')")
        kinds = q("SELECT kind, count(*) FROM measurements GROUP BY 1 ORDER BY 1")
        lines.append("  measurements: " + ", ".join(f"{k} {n}" for k, n in kinds))
        lines.append(f"  facts:        {q('SELECT count(*) FROM facts')[0][0]}")
        lines.append(f"  commitments:  {q('SELECT count(*) FROM commitments')[0][0]}")
    return "\n".join(lines)


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    _apply_paths(args)
    path = settings_from_env().warehouse_path
    if not path.exists():
        print(f"error: no warehouse at {path}: run `pipeline run` first", file=sys.stderr)
        return 2
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            frame = con.execute(args.sql).df()
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    def shorten(value):
        text = str(value)
        return text if len(text) <= args.max_width else text[:args.max_width - 1] + "…"

    shown = frame.astype(object).where(frame.notna(), None)
    for column in shown.columns:
        if shown[column].map(lambda v: isinstance(v, (str, list, dict))).any():
            shown[column] = shown[column].map(lambda v: v if v is None else shorten(v))
    print(shown.to_string(index=False, max_rows=args.max_rows, na_rep="NULL") if len(frame) else "(no rows)")
    print(f"({len(frame)} rows)")
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    _apply_paths(args)
    _ensure_dagster_home()
    dagster = Path(sys.executable).with_name("dagster")
    command = [str(dagster), "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"), "-h", args.host, "-p", str(args.port)]
    print(f"Dagster UI on http://{args.host}:{args.port} (DAGSTER_HOME={os.environ['DAGSTER_HOME']})", flush=True)
    os.execv(command[0], command)


def cmd_report(args: argparse.Namespace) -> int:
    """Write the static report of the published warehouse (pipeline/core/report/) and maybe open it."""
    _apply_paths(args)
    settings = settings_from_env()
    if not settings.warehouse_path.exists():
        print(f"error: no published warehouse at {settings.warehouse_path} (run `pipeline run` first)", file=sys.stderr)
        return 2
    from pipeline.core.report import write_report

    out = Path(args.out).resolve() if args.out else settings.warehouse_path.parent / "report"
    index = write_report(settings.warehouse_path, out, settings.sources_dir, published_as=settings.warehouse_path)
    print(f"report of {settings.warehouse_path}: {index}")
    if args.open:
        import webbrowser

        webbrowser.open(index.as_uri())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="materialize every asset and publish the warehouse")
    run.add_argument("--sources", help="folder of *.txt statements (default: sources/ or $PIPELINE_SOURCES_DIR)")
    run.add_argument("--warehouse", help="DuckDB file to publish (default: warehouse/bicentennial.duckdb "
                                         "or $PIPELINE_WAREHOUSE_PATH)")
    run.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                     help="Dagster console log level (default INFO)")
    run.set_defaults(func=cmd_run)

    query = sub.add_parser("query", help="run read-only SQL on the published warehouse")
    query.add_argument("sql")
    query.add_argument("--warehouse", help="DuckDB file (default as for run)")
    query.add_argument("--max-rows", type=int, default=100)
    query.add_argument("--max-width", type=int, default=60, help="widest column shown, in characters")
    query.set_defaults(func=cmd_query)

    ui = sub.add_parser("ui", help="start the Dagster UI and daemon (dagster dev) on workspace.yaml")
    ui.add_argument("--host", default="127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.add_argument("--sources")
    ui.add_argument("--warehouse")
    ui.set_defaults(func=cmd_ui)

    report = sub.add_parser("report", help="write the static, offline report of the published warehouse")
    report.add_argument("--warehouse", help="DuckDB file (default as for run)")
    report.add_argument("--sources", help="folder of the source files (default as for run)")
    report.add_argument("--out", help="folder to write it to (default: report/ beside the warehouse)")
    report.add_argument("--open", action="store_true", help="open index.html in the web browser")
    report.set_defaults(func=cmd_report)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
