"""The sources sensor, with Dagster's own test helpers."""
import json

import dagster as dg
import pytest

from pipeline.defs.resources import PipelineSettings
from pipeline.defs.sensors import sources_sensor


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "sources"
    d.mkdir()
    (d / "a.txt").write_text("Officers seized 10 pounds of fentanyl.", encoding="utf-8")
    return d


def tick(folder, cursor=None):
    settings = PipelineSettings(sources_dir=str(folder), warehouse_path=str(folder.parent / "w.duckdb"),
                                max_bytes=1000, tons_rule="by_reporter")
    with dg.build_sensor_context(cursor=cursor, resources={"settings": settings}) as context:
        return sources_sensor(context)


def run_keys(result):
    return [r.run_key for r in result.run_requests] if isinstance(result, dg.SensorResult) else []


def test_first_look_launches_one_run_and_stores_hashes(folder):
    result = tick(folder)
    assert len(run_keys(result)) == 1
    assert set(json.loads(result.cursor)["files"]) == {"a.txt"}


def test_no_change_launches_nothing(folder):
    cursor = tick(folder).cursor
    assert isinstance(tick(folder, cursor), dg.SkipReason)


def test_new_file_changed_content_and_removed_file_each_launch_a_distinct_run(folder):
    cursor = tick(folder).cursor
    keys = set()
    (folder / "b.txt").write_text("New statement: 5 kilograms.", encoding="utf-8")
    r = tick(folder, cursor); keys |= set(run_keys(r)); cursor = r.cursor
    assert "added: b.txt" in r.run_requests[0].tags["sources_change"]
    (folder / "b.txt").write_text("New statement: 6 kilograms.", encoding="utf-8")  # same name, new content
    r = tick(folder, cursor); keys |= set(run_keys(r)); cursor = r.cursor
    assert "changed: b.txt" in r.run_requests[0].tags["sources_change"]
    (folder / "b.txt").unlink()
    r = tick(folder, cursor); cursor = r.cursor
    assert "removed: b.txt" in r.run_requests[0].tags["sources_change"]
    assert len(keys) == 2


def test_back_to_an_earlier_state_is_a_new_change_with_a_new_run_key(folder):
    first = tick(folder)
    (folder / "b.txt").write_text("x", encoding="utf-8")
    second = tick(folder, first.cursor)
    (folder / "b.txt").unlink()
    third = tick(folder, second.cursor)
    # Dagster skips a run key it launched before: the removal must still republish
    assert len({*run_keys(first), *run_keys(second), *run_keys(third)}) == 3


def test_unreadable_entry_is_noticed_without_crashing(folder):
    cursor = tick(folder).cursor
    (folder / "odd.txt").mkdir()
    r = tick(folder, cursor)
    assert run_keys(r) and "added: odd.txt" in r.run_requests[0].tags["sources_change"]


def test_restart_with_an_existing_cursor_launches_nothing(folder):
    cursor = tick(folder).cursor
    # a new process (daemon restart) gets only the stored cursor
    assert isinstance(tick(folder, cursor), dg.SkipReason)


def test_each_change_records_an_observation_of_the_sources_asset_with_the_folder_version(folder):
    from pipeline.core.ingest import fingerprint
    from pipeline.defs.assets import folder_version

    first = tick(folder)
    (observation,) = first.asset_events
    assert observation.asset_key == dg.AssetKey("sources")
    assert observation.tags["dagster/data_version"] == folder_version(fingerprint(folder))
    (folder / "b.txt").write_text("New statement: 5 kilograms.", encoding="utf-8")
    second = tick(folder, first.cursor)
    assert second.asset_events[0].tags["dagster/data_version"] != observation.tags["dagster/data_version"]


def test_a_tick_fails_runs_whose_process_is_gone(folder):
    import subprocess
    import uuid

    from pipeline.defs.runs import PID_TAG, STARTED_TAG, process_tags

    gone = subprocess.Popen(["sleep", "0"])
    gone.wait()
    settings = PipelineSettings(sources_dir=str(folder), warehouse_path=str(folder.parent / "w.duckdb"))
    with dg.instance_for_test() as instance:
        run_id = str(uuid.uuid4())
        instance.add_run(dg.DagsterRun(job_name="warehouse_job", run_id=run_id, status=dg.DagsterRunStatus.STARTED,
                                       tags={**process_tags(), PID_TAG: str(gone.pid), STARTED_TAG: "0"}))
        alive = str(uuid.uuid4())
        instance.add_run(dg.DagsterRun(job_name="warehouse_job", run_id=alive, status=dg.DagsterRunStatus.STARTED,
                                       tags=process_tags()))  # this very process: alive
        with dg.build_sensor_context(instance=instance, resources={"settings": settings}) as context:
            sources_sensor(context)
        assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id(alive).status == dg.DagsterRunStatus.STARTED
