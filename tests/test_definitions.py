import subprocess
import sys
from pathlib import Path

import dagster as dg

from conftest import PROJECT_ROOT


def test_all_definitions_load():
    from pipeline.definitions import defs

    defs.resolve_all_job_defs()
    assert defs.resolve_job_def("warehouse_job")
    assert defs.resolve_sensor_def("sources_sensor")
    assert defs.resolve_schedule_def("nightly_schedule").cron_schedule == "0 6 * * *"
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    for key in ["sources", "source_texts", "measurements", "documents", "facts", "commitments",
                "warehouse/measurements", "warehouse/bicentennial_duckdb"]:
        assert key in keys


def test_dagster_definitions_validate_on_the_workspace(tmp_path):
    dagster = Path(sys.executable).with_name("dagster")
    proc = subprocess.run([str(dagster), "definitions", "validate", "-w", str(PROJECT_ROOT / "workspace.yaml")],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300,
                          env={**__import__("os").environ, "DAGSTER_HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_checks_on_published_tables_are_blocking():
    from pipeline.defs.assets import PUBLISHED_TABLES
    from pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    blocking = {k.asset_key for k in graph.asset_check_keys if graph.get_check_spec(k).blocking}
    assert blocking == {dg.AssetKey(["warehouse", t]) for t in PUBLISHED_TABLES}


def test_runs_from_the_ui_and_the_sensor_use_one_process():
    # a process per step re-imports everything: 2.7x slower on the seeds (README, Performance)
    from pipeline.definitions import defs

    assert defs.resolve_job_def("warehouse_job").executor_def.name == "in_process"
    assert defs.resolve_implicit_global_asset_job_def().executor_def.name == "in_process"  # "Materialize all"
