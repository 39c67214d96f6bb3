"""Resources, registered once: where to read and write."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline.core.ingest import DEFAULT_MAX_BYTES
from pipeline.defs.io import run_scoped_io_manager
from pipeline.settings import Settings, settings_from_env


class PipelineSettings(dg.ConfigurableResource):
    """The settings of a run; defaults come from PIPELINE_* environment variables."""

    sources_dir: str
    warehouse_path: str
    max_bytes: int = DEFAULT_MAX_BYTES
    tons_rule: str = "by_reporter"
    cache_dir: str = ""
    executor: str = "sync"
    allow_outside_links: bool = False

    def settings(self) -> Settings:
        return Settings(Path(self.sources_dir), Path(self.warehouse_path), self.max_bytes, self.tons_rule,
                        self.cache_dir, self.executor, self.allow_outside_links)

    @classmethod
    def from_settings(cls, s: Settings) -> "PipelineSettings":
        return cls(sources_dir=str(s.sources_dir), warehouse_path=str(s.warehouse_path), max_bytes=s.max_bytes,
                   tons_rule=s.tons_rule, cache_dir=s.cache_dir, executor=s.executor,
                   allow_outside_links=s.allow_outside_links)


def build_resources(s: Settings) -> dict:
    # No DuckDB connection resource: each run writes a staging file of its own (named after the
    # run), and only the publish step touches the published file (pipeline/core/warehouse.py).
    # The frames between steps are kept per run (pipeline/defs/io.py): two runs at once never mix.
    return {"settings": PipelineSettings.from_settings(s), "io_manager": run_scoped_io_manager}


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources=build_resources(settings_from_env()))
