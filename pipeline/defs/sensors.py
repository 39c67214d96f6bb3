"""Republish when a *.txt file in the sources folder is added, changed or removed.

Each change is also recorded as an observation of the `sources` asset with the folder's data
version, so the UI marks what a new file made stale before the run it launches has finished.
"""

import hashlib
import json

import dagster as dg
from dagster._core.definitions.data_version import DATA_VERSION_TAG  # the tag Dagster reads an observed version from

from pipeline.core import ingest
from pipeline.defs.assets import folder_version
from pipeline.defs.jobs import warehouse_job
from pipeline.defs.runs import recover_dead_runs
from pipeline.defs.resources import PipelineSettings


def changes(previous: dict[str, str], current: dict[str, str]) -> dict[str, list[str]]:
    return {
        "added": sorted(set(current) - set(previous)),
        "removed": sorted(set(previous) - set(current)),
        "changed": sorted(n for n in set(current) & set(previous) if current[n] != previous[n]),
    }


@dg.sensor(job=warehouse_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def sources_sensor(context: dg.SensorEvaluationContext, settings: PipelineSettings) -> dg.SensorResult | dg.SkipReason:
    # Reads names and content hashes only. The cursor (change number, name -> sha256) survives
    # restarts; the run key names the change, so the same change never launches twice, while
    # going back to an earlier folder state is a new change and republishes.
    # A killed run would keep its place in the one-run queue forever: the daemon calls this sensor
    # every 30 s, so it is where runs whose process is gone are failed (and their slots freed).
    try:
        instance = context.instance
    except dg.DagsterInvariantViolationError:  # a test's context without an instance
        instance = None
    for line in recover_dead_runs(instance) if instance is not None else []:
        context.log.warning(line)
    s = settings.settings()
    current = ingest.fingerprint(s.sources_dir, s.allow_outside_links)
    cursor = json.loads(context.cursor) if context.cursor else {"change": 0, "files": None}
    if cursor["files"] == current:
        return dg.SkipReason("no source file added, changed or removed")
    diff = changes(cursor["files"] or {}, current)
    change = cursor["change"] + 1
    state = hashlib.sha256(json.dumps(current, sort_keys=True).encode()).hexdigest()[:12]
    summary = "; ".join(f"{k}: {', '.join(v)}" for k, v in diff.items() if v) or "first look at the folder"
    observation = dg.AssetObservation(
        asset_key="sources", tags={DATA_VERSION_TAG: folder_version(current)},
        metadata={"files": len(current), "change": summary[:500]},
    )
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=f"sources-{change}-{state}", tags={"sources_change": summary[:200]})],
        asset_events=[observation],
        cursor=json.dumps({"change": change, "files": current}, sort_keys=True),
    )
