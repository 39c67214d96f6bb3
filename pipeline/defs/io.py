"""Where the frames between steps are kept: per run, so two runs at once never read each other's.

Dagster's default IO manager keeps one file per asset key in the instance's storage folder. Two
runs at once (a CLI run beside a UI run, or two CLI runs, which bypass the run queue) then
overwrite each other's intermediate frames, and a run could stage the measurements of one
sources folder beside the sources table of the other. Here a run writes its outputs under
``storage/runs/<run_id>/`` and reads back its own; an input this run did not compute (one asset
materialized alone from the UI) is read from ``storage/latest/``, which every output also
updates (a hard link swapped in atomically: no copy, and a reader never sees half a file).
"""
from __future__ import annotations

import os
import pickle
import shutil
import uuid
from pathlib import Path

import dagster as dg

from pipeline.core import heap
from pipeline.defs.runs import ACTIVE

_NOT_FINISHED = {*ACTIVE, dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED}


class RunScopedPickleIOManager(dg.IOManager):
    def __init__(self, base_dir: str | os.PathLike):
        self.runs = Path(base_dir) / "runs"
        self.latest = Path(base_dir) / "latest"

    def _name(self, key: dg.AssetKey) -> str:
        return "__".join(key.path)

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        name = self._name(context.asset_key)
        own = self.runs / context.run_id / name
        own.parent.mkdir(parents=True, exist_ok=True)
        self.latest.mkdir(parents=True, exist_ok=True)
        partial = own.with_name(f".{name}.{uuid.uuid4().hex}")
        with open(partial, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, own)
        link = self.latest / f".{name}.{uuid.uuid4().hex}"
        os.link(own, link)
        os.replace(link, self.latest / name)

    def load_input(self, context: dg.InputContext):
        name = self._name(context.asset_key)
        own = self.runs / context.step_context.run_id / name
        path = own if own.exists() else self.latest / name
        if not path.exists():
            raise dg.Failure(description=f"{context.asset_key.to_user_string()} has never been materialized "
                                         f"(nothing at {path}): materialize it, or the whole job, first")
        heap.trim()  # the last step's frames are freed: hand their memory back before loading these
        with open(path, "rb") as f:
            return pickle.load(f)


@dg.io_manager(description="Pickled frames kept per run (storage/runs/<run_id>), the newest also in storage/latest.")
def run_scoped_io_manager(init_context) -> RunScopedPickleIOManager:
    return RunScopedPickleIOManager(init_context.instance.storage_directory())


def prune_finished_runs(instance: dg.DagsterInstance) -> list[str]:
    """Remove the per-run folders of runs that have ended (their newest outputs stay in latest/)."""
    runs, removed = Path(instance.storage_directory()) / "runs", []
    if not runs.is_dir():
        return removed
    for folder in runs.iterdir():
        run = instance.get_run_by_id(folder.name)
        if run is None or run.status not in _NOT_FINISHED:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed
