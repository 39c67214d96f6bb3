"""The published warehouse is never lost, never mixed, never held back by a real figure.

Each test is a way a user breaks things: publishing alone, two runs at once, kill -9 at several
points, a dead run holding the pool slot, implausible and real large figures, an old DuckDB client
reading while a run publishes. Runs are real: the Dagster job in-process or `pipeline run` in a
subprocess, bounded in count and time.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from conftest import SEEDS
from pipeline.core.warehouse import table_checksums

pytestmark = pytest.mark.slow
PIPELINE = str(Path(sys.executable).with_name("pipeline"))
DUCKDB_CLI = str(Path(sys.executable).with_name("duckdb"))
PUBLISHED = dg.AssetKey(["warehouse", "bicentennial_duckdb"])
RUN_TIMEOUT = 300  # seconds; a normal run on the seeds takes ~15 s


def start(sources: Path, warehouse: Path, home: Path) -> subprocess.Popen:
    env = {**os.environ, "DAGSTER_HOME": str(home), "PIPELINE_CACHE_DIR": str(warehouse.parent / ".cache")}
    return subprocess.Popen([PIPELINE, "run", "--sources", str(sources), "--warehouse", str(warehouse),
                             "--log-level", "WARNING"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, err = proc.communicate(timeout=RUN_TIMEOUT)
    return proc.returncode, out + err


def contents(warehouse: Path) -> dict[str, str]:
    """Every table's checksum; validation_results without how many rows GX looked at (a warm
    cache of rows that passed before changes that, and only that)."""
    sums = table_checksums(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        sums["validation_results"] = repr(con.execute(
            "SELECT suite, expectation, column_name, success, severity, unexpected_count FROM validation_results "
            "ORDER BY ALL").fetchall())
    return sums


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """The seeds' tables as one clean run publishes them (another folder, another instance)."""
    folder = tmp_path_factory.mktemp("reference")
    code, output = finish(start(SEEDS, folder / "w.duckdb", folder / "home"))
    assert code == 0, output[-3000:]
    return contents(folder / "w.duckdb")


def staging_files(warehouse: Path) -> list[Path]:
    return sorted(warehouse.parent.glob(f".{warehouse.name}.staging-*"))


# -- publishing alone -------------------------------------------------------------------------------

def publish_alone(warehouse: Path, sources: Path, monkeypatch, instance) -> dg.ExecuteInProcessResult:
    """What a UI user does with "Materialize selected" on the published asset."""
    monkeypatch.setenv("PIPELINE_SOURCES_DIR", str(sources))
    monkeypatch.setenv("PIPELINE_WAREHOUSE_PATH", str(warehouse))
    from pipeline.definitions import build_defs

    job = build_defs().resolve_job_def("warehouse_job")
    return job.execute_in_process(instance=instance, asset_selection=[PUBLISHED], raise_on_error=False)


def test_publishing_alone_after_a_good_run_changes_nothing(seeds_copy, tmp_path, run_pipeline, monkeypatch):
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_copy, warehouse).success
    before = warehouse.read_bytes()
    with dg.DagsterInstance.ephemeral() as instance:
        result = publish_alone(warehouse, seeds_copy, monkeypatch, instance)
    assert not result.success
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    assert "nothing to publish" in failure.message or "nothing to publish" in str(failure.event_specific_data)
    assert warehouse.read_bytes() == before


def test_publishing_alone_after_a_failed_run_never_publishes_its_staging_file(seeds_copy, tmp_path, run_pipeline,
                                                                              monkeypatch):
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_copy, warehouse).success
    before = warehouse.read_bytes()
    from pipeline.core import tables

    published = tables.published_frames

    def with_a_bug(*args):  # an integrity failure (kilograms that are not value x factor)
        frames = published(*args)
        frames["measurements"].loc[frames["measurements"]["kind"] == "mass", "value_kg"] = 1.0
        return frames

    monkeypatch.setattr(tables, "published_frames", with_a_bug)
    assert not run_pipeline(seeds_copy, warehouse, raise_on_error=False).success
    assert staging_files(warehouse), "the failed run's staged file is kept for a look"
    monkeypatch.setattr(tables, "published_frames", published)
    with dg.DagsterInstance.ephemeral() as instance:
        assert not publish_alone(warehouse, seeds_copy, monkeypatch, instance).success
    assert warehouse.read_bytes() == before


# -- two runs at once ---------------------------------------------------------------------------

def test_two_runs_at_once_publish_one_whole_run_each(tmp_path, reference):
    two = tmp_path / "two"
    two.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt"))[:2]:
        shutil.copy(SEEDS / name, two / name)
    only_two = tmp_path / "only_two"
    code, output = finish(start(two, only_two / "w.duckdb", tmp_path / "home_ref"))
    assert code == 0, output[-2000:]
    smaller = contents(only_two / "w.duckdb")

    warehouse, home = tmp_path / "shared" / "w.duckdb", tmp_path / "home"  # one instance, as CLI and UI share
    first = start(SEEDS, warehouse, home)
    time.sleep(1)
    second = start(two, warehouse, home)
    results = [finish(first), finish(second)]
    assert [code for code, _ in results] == [0, 0], [out[-2000:] for _, out in results]
    assert contents(warehouse) in (reference, smaller)  # whole, one run's, never a mix
    assert not staging_files(warehouse)


def test_a_run_stages_its_own_frames_while_another_run_writes_its_own(tmp_path, monkeypatch):
    """Another run that reads another folder in the middle of this run (a CLI run beside a UI
    run) never changes what this run stages: each run reads back the frames it wrote."""
    two = tmp_path / "two"
    two.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt"))[:2]:
        shutil.copy(SEEDS / name, two / name)
    from pipeline.core import tables
    from pipeline.definitions import build_defs

    measure = tables.measurements_frame
    (tmp_path / "home").mkdir()
    with dg.DagsterInstance.local_temp(str(tmp_path / "home")) as instance:
        def another_run_meanwhile(*args, **kwargs):
            monkeypatch.setattr(tables, "measurements_frame", measure)
            monkeypatch.setenv("PIPELINE_SOURCES_DIR", str(two))
            other = build_defs().resolve_job_def("warehouse_job").execute_in_process(
                instance=instance, asset_selection=[dg.AssetKey("source_texts")])
            assert other.success
            return measure(*args, **kwargs)

        monkeypatch.setattr(tables, "measurements_frame", another_run_meanwhile)
        monkeypatch.setenv("PIPELINE_SOURCES_DIR", str(SEEDS))
        monkeypatch.setenv("PIPELINE_WAREHOUSE_PATH", str(tmp_path / "w.duckdb"))
        result = build_defs().resolve_job_def("warehouse_job").execute_in_process(instance=instance,
                                                                                raise_on_error=False)
    assert result.success
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == len(list(SEEDS.glob("*.txt")))


# -- kills --------------------------------------------------------------------------------------

def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("moment", ["reading", "staged", "validated"])
def test_kill_9_at_any_moment_keeps_the_last_good_warehouse_and_the_next_run_finishes(tmp_path, reference, moment):
    warehouse, home = tmp_path / "w.duckdb", tmp_path / "home"
    code, output = finish(start(SEEDS, warehouse, home))
    assert code == 0, output[-2000:]
    before = warehouse.read_bytes()

    proc = start(SEEDS, warehouse, home)
    if moment == "reading":
        time.sleep(5)  # imports done, the first steps running
    elif moment == "staged":
        assert wait_for(lambda: staging_files(warehouse), 120)
    else:  # the checks sealed the staged file, the publish step is next
        assert wait_for(lambda: any(p.name.endswith(".verdict.json") for p in staging_files(warehouse)), 120)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)

    assert warehouse.read_bytes() == before or contents(warehouse) == reference
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 5

    started = time.monotonic()
    code, output = finish(start(SEEDS, warehouse, home))
    assert code == 0, output[-3000:]
    assert time.monotonic() - started < 120
    assert contents(warehouse) == reference
    assert not staging_files(warehouse), "the next run removes what the killed one left"


def test_a_dead_run_holding_the_pool_slot_does_not_block_the_next_run(tmp_path, reference):
    """kill -9 while holding the `warehouse` slot: the instance keeps the slot until a run notices."""
    from pipeline.cli import _ensure_dagster_home  # the instance the CLI uses, with its pools
    from pipeline.defs.runs import HOST_TAG, PID_TAG, STARTED_TAG, process_tags

    home = tmp_path / "home"
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        _ensure_dagster_home()
        gone = subprocess.Popen(["sleep", "0"])
        gone.wait()
        with dg.DagsterInstance.get() as instance:
            run_id = str(uuid.uuid4())
            instance.add_run(dg.DagsterRun(
                job_name="warehouse_job", run_id=run_id, status=dg.DagsterRunStatus.STARTED,
                tags={**process_tags(), PID_TAG: str(gone.pid), STARTED_TAG: "0"}))
            instance.event_log_storage.set_concurrency_slots("warehouse", 1)
            claim = instance.event_log_storage.claim_concurrency_slot("warehouse", run_id, "published_warehouse")
            assert claim.is_claimed and instance.get_run_by_id(run_id).tags[HOST_TAG]
    finally:
        del os.environ["DAGSTER_HOME"]

    started = time.monotonic()
    code, output = finish(start(SEEDS, tmp_path / "w.duckdb", home))
    assert code == 0, output[-3000:]
    assert time.monotonic() - started < 120
    assert f"run {run_id}" in output and "marked failed" in output
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.FAILURE


def test_sigterm_and_ctrl_c_stop_a_run_promptly_and_the_next_one_runs(tmp_path, reference):
    warehouse, home = tmp_path / "w.duckdb", tmp_path / "home"
    for sig in (signal.SIGTERM, signal.SIGINT):
        proc = start(SEEDS, warehouse, home)
        # signalled while it validates (a staged file exists; GX takes seconds), not at a guessed time:
        # a warm cache made a whole run shorter than a fixed sleep
        assert wait_for(lambda: staging_files(warehouse) or proc.poll() is not None, 120)
        assert proc.poll() is None, "the run ended before it could be signalled"
        proc.send_signal(sig)
        started = time.monotonic()
        proc.communicate(timeout=30)
        assert proc.returncode != 0 and time.monotonic() - started < 30
    code, output = finish(start(SEEDS, warehouse, home))
    assert code == 0, output[-3000:]
    assert contents(warehouse) == reference


# -- figures that are large, real or not -------------------------------------------------------

MILK = ("Mexico plans to purchase up to 20,000 tons of milk powder from the United States, and its reports "
        "state cumulative seizures of 1,435 tons of precursors and 7,288 tons of methamphetamine not produced.\n")
TYPO = "Officials said the Navy seized 99,000,000 tons of cocaine off Manzanillo, along with 12 vessels.\n"


def test_real_large_figures_are_facts_and_an_impossible_one_is_quarantined_while_the_rest_publish(
        seeds_copy, tmp_path, run_pipeline):
    (seeds_copy / "milk.txt").write_text(MILK, encoding="utf-8")
    (seeds_copy / "typo.txt").write_text(TYPO, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    result = run_pipeline(seeds_copy, warehouse)
    assert result.success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("SELECT source_file, value, quarantine_reason, fact_id IS NOT NULL FROM measurements "
                           "WHERE source_file IN ('milk.txt', 'typo.txt') AND kind = 'mass' ORDER BY 1, 2").fetchall()
        assert con.execute("SELECT count(*) FROM sources WHERE status = 'ok'").fetchone()[0] == 7
        in_facts = con.execute("SELECT count(*) FROM facts WHERE value = 99000000").fetchone()[0]
        warnings = con.execute("SELECT suite FROM validation_results WHERE NOT success").fetchall()
    assert [(f, v, r is None, fact) for f, v, r, fact in rows] == [
        ("milk.txt", 1435, True, True), ("milk.txt", 7288, True, True), ("milk.txt", 20000, True, True),
        ("typo.txt", 99000000, False, False)]
    assert "implausible" in rows[-1][2] and in_facts == 0
    assert ("measurements_plausibility",) in warnings
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert not checks["gx_measurements_plausibility"].passed
    assert checks["gx_measurements_plausibility"].severity == dg.AssetCheckSeverity.WARN
    assert checks["gx_measurements"].passed


# -- the DuckDB clients people have ------------------------------------------------------------

def cli_count(warehouse: Path) -> subprocess.CompletedProcess:
    return subprocess.run([DUCKDB_CLI, "-readonly", "-csv", "-noheader", str(warehouse), "-c",
                           "SELECT count(*) FROM measurements"], capture_output=True, text=True, timeout=60)


def test_the_duckdb_cli_opens_the_published_file_read_only_while_a_run_publishes(tmp_path, reference):
    warehouse, home = tmp_path / "w.duckdb", tmp_path / "home"
    code, output = finish(start(SEEDS, warehouse, home))
    assert code == 0, output[-2000:]
    version = subprocess.run([DUCKDB_CLI, "-version"], capture_output=True, text=True, timeout=60).stdout
    assert version.startswith("v1."), version  # a DuckDB 1.x client, as most people have
    counts = set()
    proc = start(SEEDS, warehouse, home)
    while proc.poll() is None:
        done = cli_count(warehouse)
        assert done.returncode == 0, done.stderr
        counts.add(done.stdout.strip())
    assert proc.wait() == 0
    assert counts == {cli_count(warehouse).stdout.strip()}  # every read saw a whole warehouse


def test_the_replaced_report_is_removed_after_the_publish_and_a_killed_runs_leftover_too(tmp_path):
    """Publishing swaps the report folders and returns; the old folder (and one a killed run left
    beside it) is deleted by a detached process, not inside the publish lock."""
    import json

    from pipeline.core import warehouse
    from pipeline.core.ingest import sha256_file
    target = tmp_path / "w" / "bicentennial.duckdb"
    target.parent.mkdir()
    leftover = target.parent / ".report.old-1-2"
    (leftover / "documents").mkdir(parents=True)

    def stage_and_publish(run: str, page: str) -> None:
        staging = warehouse.staging_path(target, run)
        duckdb.connect(str(staging)).close()
        report = warehouse.staged_report_dir(staging)
        report.mkdir()
        (report / "index.html").write_text(page, encoding="utf-8")
        warehouse.verdict_path(staging).write_text(json.dumps({"passed": True, "sha256": sha256_file(staging)}))
        warehouse.publish(staging, target)

    stage_and_publish("run1", "first")
    stage_and_publish("run2", "second")
    published = warehouse.published_report_dir(target)
    assert (published / "index.html").read_text(encoding="utf-8") == "second"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and list(target.parent.glob(".report.old-*")):
        time.sleep(0.1)
    assert not list(target.parent.glob(".report.old-*")) and not leftover.exists()
