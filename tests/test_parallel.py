"""The per-file stages through Dask give the same tables as the in-process run.

map_batches fans batches of files out to Dask's local processes or to a distributed
cluster (PIPELINE_EXECUTOR = "processes" or a scheduler address); results come back in
input order, so the tables must be identical to the "sync" run, row order included.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.core import parallel, tables
from pipeline.core.warehouse import table_checksums

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402

N_GENERATED = 30
BATCH = 7  # several batches (and a short last one) from the seeds plus the generated files


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds plus generated versions, series members and seizure releases, and one unreadable file."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in (ROOT / "sources").glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    for i, text in enumerate(make_corpus.documents(N_GENERATED, seed=11)):
        (folder / make_corpus.file_name(100 + i, text)).write_text(text, encoding="utf-8")
    (folder / "zz_garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)  # no encoding reads it
    return folder


@pytest.fixture(scope="module")
def cluster():
    """A two-worker local Dask cluster (processes), closed after the module."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as lc:
        yield lc.scheduler_address


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(parallel, "BATCH_SIZE", BATCH)


def _frames(folder: Path, executor: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    texts = tables.source_texts_frame(folder, 20 * 1024 * 1024, executor)
    return texts, tables.measurements_frame(texts, "by_reporter", None, executor)


def test_map_batches_keeps_order(small_batches):
    items = list(range(40))
    double = lambda batch: [2 * x for x in batch]  # noqa: E731
    assert parallel.map_batches(double, items, "sync") == [2 * x for x in items]
    assert parallel.map_batches(double, items, "processes") == [2 * x for x in items]
    assert parallel.map_batches(double, [], "processes") == []


def test_dask_processes_and_cluster_equal_sync(corpus, cluster, small_batches):
    texts, measured = _frames(corpus, "sync")
    assert len(texts) > 4 * BATCH and (texts["status"] == "rejected").sum() == 1
    assert len(measured) > 0
    for executor in ("processes", cluster):
        other_texts, other_measured = _frames(corpus, executor)
        pd.testing.assert_frame_equal(other_texts, texts)
        pd.testing.assert_frame_equal(other_measured, measured)


@pytest.mark.slow
def test_pipeline_on_a_cluster_equals_sync(corpus, cluster, small_batches, tmp_path, monkeypatch, run_pipeline):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", "")  # no cache: the cluster run must do the per-file work itself
    monkeypatch.setenv("PIPELINE_EXECUTOR", "sync")
    run_pipeline(corpus, tmp_path / "sync" / "w.duckdb")
    monkeypatch.setenv("PIPELINE_EXECUTOR", cluster)
    run_pipeline(corpus, tmp_path / "cluster" / "w.duckdb")
    assert table_checksums(tmp_path / "cluster" / "w.duckdb") == table_checksums(tmp_path / "sync" / "w.duckdb")
