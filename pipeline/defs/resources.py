"""Resources, registered once: where to read and write, and the DuckDB connection."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipeline.core.ingest import DEFAULT_MAX_BYTES
from pipeline.settings import Settings, settings_from_env


class PipelineSettings(dg.ConfigurableResource):
    """The settings of a run; defaults come from PIPELINE_* environment variables."""

    sources_dir: str
    warehouse_path: str
    max_bytes: int = DEFAULT_MAX_BYTES
    tons_rule: str = "by_reporter"
    cache_dir: str = ""
    executor: str = "sync"

    def settings(self) -> Settings:
        return Settings(Path(self.sources_dir), Path(self.warehouse_path), self.max_bytes, self.tons_rule,
                        self.cache_dir, self.executor)

    @classmethod
    def from_settings(cls, s: Settings) -> "PipelineSettings":
        return cls(sources_dir=str(s.sources_dir), warehouse_path=str(s.warehouse_path), max_bytes=s.max_bytes,
                   tons_rule=s.tons_rule, cache_dir=s.cache_dir, executor=s.executor)


def build_resources(s: Settings) -> dict:
    # DuckDBResource points at the staging file: the published file is only ever replaced whole.
    return {"settings": PipelineSettings.from_settings(s), "duckdb": DuckDBResource(database=str(s.staging_path))}


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources=build_resources(settings_from_env()))
