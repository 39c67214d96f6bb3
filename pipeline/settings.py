"""Where the pipeline reads and writes: anchored to the project root, overridable by env.

The Dagster daemon and webserver run from anywhere, so no path is relative to the
working directory.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.ingest import DEFAULT_MAX_BYTES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
INSTANCE_TEMPLATE = Path(__file__).resolve().parent / "instance" / "dagster.yaml"

# Offline everywhere: whoever imports the pipeline (CLI, UI, tests) gets these.
os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

TONS_RULES = ("by_reporter", "metric", "short")


@dataclass(frozen=True)
class Settings:
    sources_dir: Path
    warehouse_path: Path
    max_bytes: int = DEFAULT_MAX_BYTES
    tons_rule: str = "by_reporter"
    # where per-file results are cached by content hash ("" turns the cache off)
    cache_dir: str = ""
    # how per-file work runs: "sync" (in the step's process), "processes" (local Dask
    # processes) or a Dask scheduler address such as "tcp://10.0.0.5:8786"
    executor: str = "sync"
    # read a *.txt link that leads out of the sources folder (off: such a link is rejected unread)
    allow_outside_links: bool = False


def settings_from_env() -> Settings:
    def path(var: str, default: Path) -> Path:
        value = os.environ.get(var)
        return Path(value).expanduser().resolve() if value else default

    tons_rule = os.environ.get("PIPELINE_TONS_RULE", "by_reporter")
    if tons_rule not in TONS_RULES:
        raise ValueError(f"PIPELINE_TONS_RULE={tons_rule!r}: expected one of {', '.join(TONS_RULES)}")
    warehouse_path = path("PIPELINE_WAREHOUSE_PATH", PROJECT_ROOT / "warehouse" / "bicentennial.duckdb")
    return Settings(
        sources_dir=path("PIPELINE_SOURCES_DIR", PROJECT_ROOT / "sources"),
        warehouse_path=warehouse_path,
        max_bytes=int(os.environ.get("PIPELINE_MAX_BYTES", DEFAULT_MAX_BYTES)),
        tons_rule=tons_rule,
        cache_dir=os.environ.get("PIPELINE_CACHE_DIR", str(warehouse_path.parent / ".cache")),
        executor=os.environ.get("PIPELINE_EXECUTOR", "sync"),
        allow_outside_links=os.environ.get("PIPELINE_ALLOW_OUTSIDE_LINKS", "") not in ("", "0", "false", "no"),
    )
