"""The Dagster code location: every module of pipeline/defs is loaded from there."""
from pathlib import Path

import dagster as dg

import pipeline.settings  # noqa: F401  (turns telemetry and analytics off before anything runs)


def build_defs() -> dg.Definitions:
    """Load pipeline/defs; settings are read from the PIPELINE_* environment at this moment."""
    return dg.load_from_defs_folder(path_within_project=Path(__file__).parent)


def warehouse_job() -> dg.JobDefinition:
    """The whole job, built from the environment now (``dg.reconstructable`` target for the CLI)."""
    return build_defs().resolve_job_def("warehouse_job")


defs = build_defs()
