"""How the static report (pipeline/core/report/) scales: write time, size and biggest page at 1,000 and 10,000 files.

Usage (from the project root):

    .venv/bin/python benchmarks/report_scale.py                  # sizes 1000 10000
    .venv/bin/python benchmarks/report_scale.py --sizes 1000
    .venv/bin/python benchmarks/report_scale.py --warehouse W.duckdb --sources DIR   # an existing warehouse
    .venv/bin/python benchmarks/report_scale.py --warehouse W.duckdb --sources DIR --replicate 10

For each size it generates the corpus (benchmarks/make_corpus.py, fixed seed, as run_scale.py does),
runs ``pipeline run`` on it in a subprocess (fresh cache and DAGSTER_HOME) and takes its wall time;
the publish step writes the report, and its own log line ("wrote the report in X s") is read back from
the run's event log. Then it writes the report again in this process from the published warehouse
(``write_report``, timed alone) and prints: seconds to write, that time as a share of the run, the
run's publish step and peak memory, the memory the report took (the peak RSS of this process and its
children while writing, sampled every 10 ms, above what the process held before; ``--tracemalloc`` adds
the peak of Python's own allocations, slower), the report's total size and file count, the biggest
page (HTML) and the search index's size. Nothing is asserted: these are numbers to read.

``--rerun BEFORE.duckdb`` (with ``--warehouse``) times what a rerun's report costs: the report of BEFORE
written from nothing, then the warehouse's written with it as the previous report (its unchanged document,
source and story pages linked, not rendered), then the warehouse's from nothing, all in this process.

``--replicate K`` measures the report alone at K times a warehouse's size, without a run: every
table's rows K times over with their ids suffixed (and the source files copied under new names), so
1,000 files become 10,000 with the same documents, stories and pages per document.
"""
from __future__ import annotations

import argparse
import gc
import os
import re
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402
import run_scale  # noqa: E402
from pipeline.core.report import charts, write_report  # noqa: E402, F401 - plotly and pandas loaded, as in a run
from pipeline.core.report.search import INDEX_JS  # noqa: E402

MB = 2**20


def report_log_seconds(dagster_home: Path) -> float | None:
    """The publish step's "wrote the report in X s" of the newest run of the instance."""
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        run = instance.get_runs(limit=1)[0]
        for record in instance.all_logs(run.run_id):
            m = re.search(r"wrote the report in ([\d.]+) s", record.user_message or "")
            if m:
                return float(m.group(1))
    return None


def _is_file_column(name: str) -> bool:
    return name in ("source_file", "canonical_source_file") or name.startswith("source_files")


def _is_id_column(name: str) -> bool:
    return bool(re.search(r"_ids?(_[ab])?$", name))


def replicate(warehouse: Path, sources: Path, k: int, work: Path) -> tuple[Path, Path]:
    """A warehouse holding ``k`` copies of ``warehouse``'s rows (ids and file names made unique per copy)."""
    import duckdb

    out_sources, out = work / f"sources_x{k}", work / f"warehouse_x{k}.duckdb"
    shutil.rmtree(out_sources, ignore_errors=True)
    out_sources.mkdir(parents=True)
    out.unlink(missing_ok=True)
    for path in sources.glob("*.txt"):
        for i in range(k):
            shutil.copyfile(path, out_sources / f"r{i}_{path.name}")
    with duckdb.connect(str(out)) as con:
        con.execute(f"ATTACH '{warehouse}' AS src (READ_ONLY)")
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_catalog = 'src'").fetchall()]
        for table in tables:
            cols = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = 'src' "
                               "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
            if table == "validation_results":
                con.execute(f"CREATE TABLE {table} AS SELECT * FROM src.{table}")
                continue
            parts = []
            for i in range(k):
                exprs = []
                for name, kind in cols:
                    q = f'"{name}"'
                    if _is_file_column(name):
                        e = f"list_transform({q}, lambda x: 'r{i}_' || x)" if kind.endswith("[]") else f"'r{i}_' || {q}"
                    elif _is_id_column(name) and kind.startswith("VARCHAR"):
                        e = f"list_transform({q}, lambda x: x || '_r{i}')" if kind.endswith("[]") else f"{q} || '_r{i}'"
                    else:
                        e = q
                    exprs.append(f"{e} AS {q}")
                parts.append(f"SELECT {', '.join(exprs)} FROM src.{table}")
            con.execute(f"CREATE TABLE {table} AS " + " UNION ALL ".join(parts))
    return out, out_sources


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(warehouse: Path, sources: Path, out: Path, trace: bool = False, previous: Path | None = None) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    gc.collect()
    rss_before = psutil.Process().memory_info().rss
    sampler = run_scale.TreeSampler(os.getpid(), every=0.01)
    sampler.start()
    if trace:
        tracemalloc.start()
    started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    write_report(warehouse, out, sources, previous=previous)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    children = _children_cpu() - children  # worker processes, if the report uses any (once they ended)
    traced = tracemalloc.get_traced_memory()[1] / MB if trace else None
    if trace:
        tracemalloc.stop()
    peak = sampler.stop()
    files = [p for p in out.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return {**write_report.last, "seconds": seconds, "cpu": cpu, "children_cpu": children, "rss_before_mb": rss_before / MB,
            "peak_rss_mb": peak / MB, "traced_mb": traced, "n_files": len(files), "n_pages": len(pages),
            "total_mb": sum(p.stat().st_size for p in files) / MB,
            "biggest_page": biggest.relative_to(out), "biggest_mb": biggest.stat().st_size / MB,
            "index_mb": (out / INDEX_JS).stat().st_size / MB, "front_mb": (out / "index.html").stat().st_size / MB}


def show(label: str, m: dict, run=None, logged: float | None = None) -> None:
    share = f"{m['seconds'] / run.wall_s:.1%} of the run's {run.wall_s:.1f} s" if run else "no run timed"
    print(f"{label}: report written in {m['seconds']:.2f} s, {m['cpu']:.2f} s CPU"
          f"{' + %.2f s in worker processes' % m['children_cpu'] if m['children_cpu'] > 0.005 else ''} ({share}; "
          f"the run's own log: {'%.2f s' % logged if logged is not None else 'n/a'})", flush=True)
    if run:
        share = f" ({logged / run.stages['publish']:.0%} of it the report)" if logged and run.stages.get("publish") else ""
        print(f"    the run: {run.wall_s:.1f} s, publish step {run.stages.get('publish', 0.0):.1f} s{share}, "
              f"peak RSS {run.peak_rss_mb:,.0f} MB (process tree)", flush=True)
    traced = f", Python allocations peak {m['traced_mb']:.0f} MB (tracemalloc)" if m["traced_mb"] is not None else ""
    print(f"    memory: peak RSS {m['peak_rss_mb']:.0f} MB while writing (process and children), "
          f"{m['peak_rss_mb'] - m['rss_before_mb']:+.0f} MB over the {m['rss_before_mb']:.0f} MB before{traced}",
          flush=True)
    if m.get("helper_wait_s") is not None:
        print(f"    this process waited {m['helper_wait_s']:.2f} s at the end for its helper process", flush=True)
    if m.get("kept"):
        print(f"    {m['written']:,} pages rendered, {m['kept']:,} unchanged ones linked from the previous report",
              flush=True)
    print(f"    {m['n_files']:,} files ({m['n_pages']:,} pages), {m['total_mb']:.1f} MB in all; biggest page "
          f"{m['biggest_page']} {m['biggest_mb']:.2f} MB; front page {m['front_mb']:.2f} MB; "
          f"search index {m['index_mb']:.2f} MB", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--warehouse", type=Path, help="measure this warehouse instead of building one")
    parser.add_argument("--sources", type=Path, help="its sources folder (with --warehouse)")
    parser.add_argument("--replicate", type=int, help="with --warehouse: measure K copies of its rows")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed)")
    parser.add_argument("--rerun", type=Path, metavar="BEFORE.duckdb",
                        help="with --warehouse: write the report of BEFORE.duckdb ('same': of the warehouse itself), "
                             "then the warehouse's with that report as the previous one (pages unchanged are linked), "
                             "then the warehouse's from nothing")
    parser.add_argument("--tracemalloc", action="store_true", help="also the peak of Python's allocations (slower)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="report_scale_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.warehouse:
            warehouse, sources, label = args.warehouse, args.sources, str(args.warehouse)
            if args.replicate:
                warehouse, sources = replicate(args.warehouse, args.sources, args.replicate, work)
                label += f" x{args.replicate}"
            if args.rerun:  # a report of the warehouse before, then this one's written with it as ``previous``
                before = args.rerun if args.rerun != Path("same") else warehouse
                show(f"{before} (from nothing)", measure(before, sources, work / "report_before", args.tracemalloc))
                show(f"{label} (a rerun: previous report beside it)", measure(
                    warehouse, sources, work / "report", args.tracemalloc, previous=work / "report_before"))
                show(f"{label} (from nothing, for comparison)", measure(warehouse, sources, work / "report_fresh",
                                                                        args.tracemalloc))
                return 0
            show(label, measure(warehouse, sources, work / "report", args.tracemalloc))
            return 0
        for n in args.sizes:
            corpus = work / f"corpus_{n}"
            make_corpus.write_corpus(n, corpus)
            cache, home, warehouse = run_scale._fresh(work, str(n))
            run = run_scale.run_pipeline(f"{n:,} files", corpus, warehouse, cache, home, work / f"run_{n}.log")
            if not run.ok:
                print(f"{n:,} files: the run failed; see {work / f'run_{n}.log'}", file=sys.stderr)
                return 1
            logged = report_log_seconds(home)
            show(f"{n:,} files ({run.counts.get('documents', 0):,} documents)",
                 measure(warehouse, corpus, work / f"report_{n}", args.tracemalloc), run, logged)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
