import os
import shutil
from pathlib import Path

import pytest

os.environ["DAGSTER_DISABLE_TELEMETRY"] = "1"
os.environ["GX_ANALYTICS_ENABLED"] = "false"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "sources"
SEED_2023 = "001_d34740decd223e6b.txt"


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed statements, so a test may add or break files."""
    folder = tmp_path / "sources"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def run_pipeline(monkeypatch):
    """Execute the real Dagster job in-process on a folder, publishing to a path."""
    import dagster as dg

    def run(sources: Path, warehouse: Path, raise_on_error: bool = True):
        monkeypatch.setenv("PIPELINE_SOURCES_DIR", str(sources))
        monkeypatch.setenv("PIPELINE_WAREHOUSE_PATH", str(warehouse))
        from pipeline.definitions import build_defs

        job = build_defs().resolve_job_def("warehouse_job")
        with dg.DagsterInstance.ephemeral() as instance:
            return job.execute_in_process(instance=instance, raise_on_error=raise_on_error)

    return run
