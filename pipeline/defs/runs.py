"""Runs whose process is gone: found, marked failed, and their pool slots freed.

A run killed with ``kill -9`` (or a machine that lost power) never reports its end: the instance
keeps it STARTED and keeps the ``warehouse`` pool slot it held, so every later run would wait for
that slot forever. Dagster's run monitoring frees the slots of runs that *ended*
(``free_slots_after_run_end_seconds`` in the instance's dagster.yaml), but a run executed in-process
by the CLI has no launcher to notice its death. So every run records its process (pid, host and
the process's start time, which a reused pid does not share) in its tags, and every run's first
step, and every tick of the sources sensor, fail the runs whose process is gone and free their slots.
"""
from __future__ import annotations

import os
import socket
from pathlib import Path

import dagster as dg

PID_TAG, HOST_TAG, STARTED_TAG = "pipeline/pid", "pipeline/host", "pipeline/process_started"
ACTIVE = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.CANCELING]


def _process_started(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (Linux), or None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)  # elsewhere: only whether the pid exists
        except ProcessLookupError:
            return None
        except PermissionError:
            return "unknown"
        return "unknown"
    return stat.rsplit(")", 1)[1].split()[19]


def process_tags() -> dict[str, str]:
    pid = os.getpid()
    return {PID_TAG: str(pid), HOST_TAG: socket.gethostname(), STARTED_TAG: str(_process_started(pid))}


def register_this_process(instance: dg.DagsterInstance, run_id: str) -> None:
    run = instance.get_run_by_id(run_id)
    if run is not None and run.tags.get(PID_TAG) != str(os.getpid()):
        instance.add_run_tags(run_id, process_tags())


def _alive(tags: dict[str, str]) -> bool:
    started = _process_started(int(tags[PID_TAG]))
    return started is not None and (started == "unknown" or started == tags.get(STARTED_TAG))


def recover_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Fail the active runs of this host whose process is gone and free their pool slots; say what was done."""
    host, done = socket.gethostname(), []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=ACTIVE)):
        if run.tags.get(HOST_TAG) != host or PID_TAG not in run.tags or _alive(run.tags):
            continue
        instance.report_run_failed(run, message=f"the run's process (pid {run.tags[PID_TAG]}) is gone: "
                                                "it was killed or crashed; marked failed by a later run")
        freed = instance.event_log_storage.free_concurrency_slots_for_run(run.run_id) \
            if instance.event_log_storage.supports_global_concurrency_limits else 0
        done.append(f"run {run.run_id}: its process (pid {run.tags[PID_TAG]}) is gone; marked failed, "
                    f"{freed or 0} pool slot(s) freed")
    return done
