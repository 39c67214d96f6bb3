"""The pipeline's assets: a thin shell over pipeline.core (no parsing logic here)."""

import hashlib
import json
import shutil
import time
from pathlib import Path

import dagster as dg
import pandas as pd
from filelock import FileLock, Timeout

from pipeline.core import filecache, heap, ingest, tables, warehouse
from pipeline.core.filecache import (
    CACHED_MODULE_SETS, CLEAN_MODULES, PER_FILE_MODULES, PROFILE_MODULES, FileCache, code_version,
)
from pipeline.core.report import write_report
from pipeline.defs.io import prune_finished_runs
from pipeline.defs.metadata import table_metadata
from pipeline.defs.resources import PipelineSettings
from pipeline.defs.runs import recover_dead_runs, register_this_process
from pipeline.settings import Settings

OWNERS = ["team:bicentennial-data"]
PUBLISHED_TABLES = ["sources", "documents", "measurements", "facts", "commitments", "discrepancies", "stories", "claims"]
TEXT_COLUMNS = ("text", "clean_text", "clean_anchors", "sentence")


# cache folder -> this process's hold on it (kept until the process ends; the OS frees it on a crash)
_CACHE_HOLDS: dict[str, FileLock] = {}


def _cache_root(s: Settings) -> Path | None:
    """The cache folder, when this process may use it. The cache keeps "the last run" (its
    frames, its grouping) besides per-file results, and two runs at once would each read a mix
    of the other's: a run that finds the cache held by another process runs without it
    (the same tables, computed in full)."""
    if not s.cache_dir:
        return None
    root = Path(s.cache_dir)
    if str(root) not in _CACHE_HOLDS:
        root.mkdir(parents=True, exist_ok=True)
        hold = FileLock(root / ".in-use.lock", thread_local=False)
        try:
            hold.acquire(timeout=0)
        except Timeout:
            return None
        _CACHE_HOLDS[str(root)] = hold
    return root


def file_cache(s: Settings, modules: tuple[str, ...]) -> FileCache:
    """The per-file cache of results computed by ``modules`` (their code version is the namespace)."""
    return FileCache(_cache_root(s), code_version(modules))


def table_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["warehouse", table])


def staging_of(context, s: Settings) -> Path:
    """This run's own staging file (named after the run, so two runs never share one)."""
    return warehouse.staging_path(s.warehouse_path, context.run.run_id)


@dg.observable_source_asset(
    key="sources", group_name="ingest", description="The *.txt files of the sources folder (the pipeline never writes there)."
)
def sources(settings: PipelineSettings) -> dg.DataVersion:
    # A hash of names and contents: adding or changing a file marks everything downstream stale.
    # The sensor records the same version as an observation on every change (sensors.py).
    s = settings.settings()
    return dg.DataVersion(folder_version(ingest.fingerprint(s.sources_dir, s.allow_outside_links)))


def folder_version(fingerprint: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(fingerprint, sort_keys=True).encode()).hexdigest()[:16]


@dg.asset(deps=[sources], group_name="ingest", kinds={"python", "pandas"}, owners=OWNERS)
def source_texts(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.Output[pd.DataFrame]:
    """Every *.txt file decoded, hashed and cleaned (with an offset map); unreadable files rejected with a reason."""
    s = settings.settings()
    # the first step of every run: mark this run's process, then clean up after runs that crashed
    register_this_process(context.instance, context.run_id)
    for line in recover_dead_runs(context.instance):
        context.log.warning(line)
    prune_finished_runs(context.instance)
    for path in warehouse.remove_leftovers(s.warehouse_path):
        context.log.info(f"removed a leftover of a run that did not finish: {path}")
    if s.cache_dir and _cache_root(s) is None:
        context.log.warning(f"the cache {s.cache_dir} is in use by another run: this run computes everything")
    for name in filecache.prune(_cache_root(s), {code_version(m) for m in CACHED_MODULE_SETS}):
        context.log.info(f"removed the cache of an older code version: {_cache_root(s) / name}")
    frame = tables.source_texts_frame(s.sources_dir, s.max_bytes, s.executor, file_cache(s, CLEAN_MODULES),
                                      s.allow_outside_links)
    rejected = frame[frame["status"] == "rejected"]
    for r in rejected.itertuples():
        context.log.warning(f"{r.source_file}: rejected: {r.reject_reason}")
    context.log.info(f"read {len(frame)} files from {s.sources_dir}: {len(frame) - len(rejected)} ok, {len(rejected)} rejected")
    return dg.Output(frame, metadata={
        **table_metadata(frame, hidden=TEXT_COLUMNS),
        "rejected_files": dg.MetadataValue.json({r.source_file: r.reject_reason for r in rejected.itertuples()}),
    })


@dg.asset(group_name="extract", kinds={"python", "pandas"}, owners=OWNERS, code_version=code_version())
def measurements(context: dg.AssetExecutionContext, settings: PipelineSettings,
                 source_texts: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    """Every quantity mention of every file: value as stated, unit normalized, subject, exact offsets."""
    s = settings.settings()
    started = time.perf_counter()
    cache = file_cache(s, PER_FILE_MODULES)
    frame = tables.measurements_frame(source_texts, s.tons_rule, cache, s.executor)
    context.log.info(f"extracted {len(frame)} mentions in {time.perf_counter() - started:.2f} s "
                     f"({cache.misses} files measured, {cache.hits} from the cache)")
    by_kind = frame["kind"].value_counts().sort_index().to_dict()
    quarantined = frame[frame["quarantine_reason"].notna()]
    for r in quarantined.itertuples():
        context.log.warning(f"{r.source_file}: '{r.surface}' quarantined (kept out of facts): {r.quarantine_reason}")
    return dg.Output(frame, metadata={**table_metadata(frame, hidden=TEXT_COLUMNS),
                                      "by_kind": dg.MetadataValue.json({k: int(v) for k, v in by_kind.items()}),
                                      "quarantined": len(quarantined)})


RECONCILED = ["source_versions", "documents", "facts", "commitments", "discrepancies", "stories", "claims"]


@dg.multi_asset(
    outs={name: dg.AssetOut(group_name="reconcile", kinds={"python", "pandas"}, owners=OWNERS) for name in RECONCILED},
    description="Versions of one statement grouped into documents, their facts merged with support and conflicts; "
                "documents that report one announcement linked into stories, their figures merged into claims.",
)
def reconciliation(context: dg.AssetExecutionContext, settings: PipelineSettings,
                   source_texts: pd.DataFrame, measurements: pd.DataFrame):
    started = time.perf_counter()
    cache = file_cache(settings.settings(), PROFILE_MODULES)
    frames = tables.reconciled_frames(source_texts, measurements, cache)
    context.log.info(f"reconciled {len(frames['source_versions'])} sources into {len(frames['documents'])} documents "
                     f"in {time.perf_counter() - started:.2f} s ({cache.hits} profiles and last runs "
                     f"from the cache, {cache.misses} computed)")
    for name in RECONCILED:
        yield dg.Output(frames[name], output_name=name, metadata=table_metadata(frames[name], hidden=TEXT_COLUMNS))


STAGED_FROM = ["source_texts", "measurements", *RECONCILED]
# What each published table is joined from (drawn as its edges in the asset graph).
TABLE_INPUTS = {
    "sources": ["source_texts", "measurements", "source_versions"],
    "documents": ["documents", "source_texts", "source_versions"],
    "measurements": ["measurements", "source_versions", "facts"],
    "facts": ["facts"],
    "commitments": ["commitments"],
    "discrepancies": ["discrepancies"],
    "stories": ["stories"],
    "claims": ["claims"],
}


@dg.multi_asset(
    specs=[dg.AssetSpec(table_key(t), group_name="warehouse", kinds={"duckdb"}, owners=OWNERS, deps=TABLE_INPUTS[t],
                        description=f"The `{t}` table of the next warehouse (validated before it is published).")
           for t in PUBLISHED_TABLES],
    ins={name: dg.AssetIn(name) for name in STAGED_FROM},
)
def warehouse_tables(context: dg.AssetExecutionContext, settings: PipelineSettings,
                     source_texts, measurements, source_versions, documents, facts, commitments, discrepancies,
                     stories, claims):
    """Bulk-load every table into this run's own staging DuckDB file beside the published one."""
    reconciled = dict(source_versions=source_versions, documents=documents, facts=facts,
                      commitments=commitments, discrepancies=discrepancies, stories=stories, claims=claims)
    frames = tables.published_frames(source_texts, measurements, reconciled)
    staging = staging_of(context, settings.settings())
    warehouse.create_staging(staging)
    warehouse.load_tables(staging, {t: frames[t] for t in PUBLISHED_TABLES})
    context.log.info(f"staged {staging.name} (DuckDB storage {warehouse.STORAGE_VERSION})")
    for t in PUBLISHED_TABLES:
        yield dg.MaterializeResult(asset_key=table_key(t), metadata=table_metadata(frames[t], hidden=TEXT_COLUMNS))


@dg.asset(key=table_key("bicentennial_duckdb"), deps=[table_key(t) for t in PUBLISHED_TABLES],
          group_name="warehouse", kinds={"duckdb"}, owners=OWNERS, pool="warehouse")
def published_warehouse(context: dg.AssetExecutionContext, settings: PipelineSettings) -> dg.MaterializeResult:
    """The published warehouse file, replaced atomically by this run's staging file once its every
    blocking check passed (the publish verifies the checks' verdict and the file's checksum itself:
    materialized alone, it has nothing of its own run to publish and changes nothing)."""
    s = settings.settings()
    staging = staging_of(context, s)
    report_index = None
    heap.trim()  # the validation step's frames are freed: the report starts from a small heap
    if staging.exists():
        started = time.perf_counter()
        try:  # the report describes the file about to be published; a report bug never holds it back
            # the pages whose inputs are unchanged are linked from the published report, not rendered again
            report_index = write_report(staging, warehouse.staged_report_dir(staging), s.sources_dir,
                                        previous=warehouse.published_report_dir(s.warehouse_path),
                                        published_as=s.warehouse_path,
                                        written_at=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
            done = write_report.last
            context.log.info(f"wrote the report in {time.perf_counter() - started:.2f} s ({done.get('written', 0):,} "
                             f"pages rendered, {done.get('kept', 0):,} unchanged ones linked from the last report)")
        except Exception as exc:  # noqa: BLE001
            shutil.rmtree(warehouse.staged_report_dir(staging), ignore_errors=True)  # never half a report published
            context.log.warning(f"no report this time ({exc!r}); the warehouse is published without it")
    try:
        verdict = warehouse.publish(staging, s.warehouse_path, on_wait=context.log.info)
    except warehouse.PublishRefused as exc:
        raise dg.Failure(description=f"{exc} The published warehouse {s.warehouse_path} was left as it was.") from None
    counts = warehouse.row_counts(s.warehouse_path)
    context.log.info(f"published {s.warehouse_path}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(s.warehouse_path)),
        "sha256": verdict["sha256"],
        "row_counts": dg.MetadataValue.json(counts),
        "data_docs": dg.MetadataValue.path(str(warehouse.published_docs_dir(s.warehouse_path) / "index.html")),
        **({"report": dg.MetadataValue.path(str(warehouse.published_report_dir(s.warehouse_path) / "index.html"))}
           if report_index else {}),
    })

