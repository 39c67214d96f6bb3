"""The CLI as a user calls it, in a subprocess."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

pytestmark = pytest.mark.slow
PIPELINE = str(Path(sys.executable).with_name("pipeline"))


def call(*args, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    env.pop("PIPELINE_SOURCES_DIR", None)
    env.pop("PIPELINE_WAREHOUSE_PATH", None)
    return subprocess.run([PIPELINE, *args], capture_output=True, text=True, env=env, cwd=home, timeout=600)


def test_run_then_query(seeds_copy, tmp_path):
    warehouse = tmp_path / "out" / "w.duckdb"
    run = call("run", "--sources", str(seeds_copy), "--warehouse", str(warehouse), "--log-level", "WARNING",
               home=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"published {warehouse}" in run.stdout
    assert "measurements:" in run.stdout and "mass" in run.stdout
    assert (tmp_path / "dagster.yaml").exists()  # the instance was set up, telemetry off

    query = call("query", "SELECT kind, count(*) AS n FROM measurements GROUP BY kind ORDER BY kind",
                 "--warehouse", str(warehouse), home=tmp_path)
    assert query.returncode == 0, query.stderr
    assert "kind" in query.stdout and "mass" in query.stdout

    bad = call("query", "SELECT nope FROM measurements", "--warehouse", str(warehouse), home=tmp_path)
    assert bad.returncode == 1 and "nope" in bad.stderr


def test_query_without_a_warehouse_says_so(tmp_path):
    proc = call("query", "SELECT 1", "--warehouse", str(tmp_path / "missing.duckdb"), home=tmp_path)
    assert proc.returncode == 2 and "pipeline run" in proc.stderr


def test_run_on_a_missing_folder_names_it(tmp_path):
    proc = call("run", "--sources", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb"), home=tmp_path)
    assert proc.returncode == 2 and "nope" in proc.stderr


def test_help_lists_the_commands(tmp_path):
    proc = call("--help", home=tmp_path)
    assert proc.returncode == 0 and all(c in proc.stdout for c in ("run", "query", "ui"))


def test_the_project_root_workspace_is_the_ui_target():
    assert (PROJECT_ROOT / "workspace.yaml").read_text().count("pipeline.definitions") == 1


def test_a_run_stopped_by_a_check_names_the_expectation_and_keeps_the_old_file(seeds_copy, tmp_path, monkeypatch,
                                                                                capsys):
    from pipeline import cli
    from pipeline.core import tables

    warehouse = tmp_path / "w.duckdb"
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    assert cli.main(["run", "--sources", str(seeds_copy), "--warehouse", str(warehouse), "--log-level", "ERROR"]) == 0
    before = warehouse.read_bytes()
    published = tables.published_frames

    def with_a_bug(*args):  # an integrity failure: a mass whose kilograms are not value x factor
        frames = published(*args)
        masses = frames["measurements"]["kind"] == "mass"
        frames["measurements"].loc[masses.idxmax(), "value_kg"] = 1.0
        return frames

    monkeypatch.setattr(tables, "published_frames", with_a_bug)
    capsys.readouterr()
    assert cli.main(["run", "--sources", str(seeds_copy), "--warehouse", str(warehouse), "--log-level", "ERROR"]) == 1
    err = capsys.readouterr().err
    assert "gx_measurements" in err and "kg_per_unit" in err and "left as it was" in err
    assert warehouse.read_bytes() == before
