"""The whole Dagster job, in-process, on the seeds: contract, content, failures, determinism."""
import multiprocessing
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import SEED_2023, SEEDS
from pipeline.core.warehouse import table_checksums

pytestmark = pytest.mark.slow

CONTRACT = {
    "sources": {"source_file", "sha256", "n_bytes", "status", "reject_reason", "document_id", "is_canonical"},
    "documents": {"document_id", "title", "published_on", "n_sources", "canonical_source_file"},
    "measurements": {"measurement_id", "source_file", "document_id", "char_start", "char_end", "surface", "kind",
                     "value", "unit", "unit_text", "value_kg", "subject", "qualifier", "sentence"},
    "facts": {"fact_id", "document_id", "kind", "value", "unit", "value_kg", "subject", "n_sources",
              "source_files", "has_conflict"},
    "commitments": {"document_id", "ordinal", "text"},
    "validation_results": set(),
}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """One run on the seeds, shared by the read-only tests below."""
    import os

    import dagster as dg

    tmp = tmp_path_factory.mktemp("seeds_run")
    os.environ["PIPELINE_SOURCES_DIR"] = str(shutil.copytree(SEEDS, tmp / "sources"))
    os.environ["PIPELINE_WAREHOUSE_PATH"] = str(tmp / "wh" / "bicentennial.duckdb")
    try:
        from pipeline.definitions import build_defs

        with dg.DagsterInstance.ephemeral() as instance:
            result = build_defs().resolve_job_def("warehouse_job").execute_in_process(instance=instance)
    finally:
        del os.environ["PIPELINE_SOURCES_DIR"], os.environ["PIPELINE_WAREHOUSE_PATH"]
    assert result.success
    return tmp / "wh" / "bicentennial.duckdb"


def test_contract_tables_and_columns(published):
    with duckdb.connect(str(published), read_only=True) as con:
        for table, columns in CONTRACT.items():
            have = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
            assert columns <= have, f"{table} lacks {columns - have}"
        assert con.execute("SELECT count(*) FROM sources WHERE status = 'ok'").fetchone()[0] == 5
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] >= 1
        assert con.execute("SELECT count(*) FROM validation_results").fetchone()[0] > 0


def readme_queries() -> list[str]:
    """The SQL of every `pipeline query "..."` example in the README (they span lines)."""
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    return [" ".join(q.split()) for q in re.findall(r'pipeline query "([^"]+)"', text)]


def test_every_query_of_the_readme_runs_on_the_published_warehouse(published):
    queries = readme_queries()
    assert len(queries) >= 5
    with duckdb.connect(str(published), read_only=True) as con:
        for sql in queries:
            con.execute(sql).fetchall()  # a renamed column fails here, not in a reader's terminal


def test_the_2023_fentanyl_figure_is_measured_in_kilograms(published):
    with duckdb.connect(str(published), read_only=True) as con:
        rows = con.execute("SELECT value, unit, value_kg, surface FROM measurements "
                           "WHERE source_file = ? AND kind = 'mass' AND value = 52664", [SEED_2023]).fetchall()
    assert rows, "52,664 pounds missing"
    value, unit, value_kg, surface = rows[0]
    assert unit == "lb" and surface.startswith("52,664")
    assert value_kg == pytest.approx(23888.1, rel=1e-4)


def test_every_measurement_points_at_its_characters(published):
    with duckdb.connect(str(published), read_only=True) as con:
        rows = con.execute("SELECT source_file, char_start, char_end, surface FROM measurements").fetchall()
    texts = {}
    for name, start, end, surface in rows:
        text = texts.setdefault(name, (SEEDS / name).read_text(encoding="utf-8"))
        assert text[start:end] == surface


def test_bad_files_are_recorded_and_the_good_ones_published(seeds_copy, tmp_path, run_pipeline):
    (seeds_copy / "empty.txt").write_bytes(b"")
    (seeds_copy / "latin1.txt").write_bytes("Se incautaron 5 toneladas en Michoac\xe1n.".encode("latin-1"))
    (seeds_copy / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 3)
    (seeds_copy / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (seeds_copy / "folder.txt").mkdir()
    (seeds_copy / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (seeds_copy / "README.md").write_text("not a .txt: ignored", encoding="utf-8")
    warehouse = tmp_path / "out" / "w.duckdb"
    result = run_pipeline(seeds_copy, warehouse)
    assert result.success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rejected = dict(con.execute("SELECT source_file, reject_reason FROM sources WHERE status = 'rejected'").fetchall())
        ok = con.execute("SELECT count(*) FROM sources WHERE status = 'ok'").fetchone()[0]
        assert con.execute("SELECT count(*) FROM sources WHERE source_file = 'README.md'").fetchone()[0] == 0
        # a Latin-1 file is read, with the characters it has, and says how
        latin1 = con.execute("SELECT s.encoding, m.surface FROM sources s JOIN measurements m USING (source_file) "
                             "WHERE source_file = 'latin1.txt'").fetchall()
    assert ok == 6
    assert latin1 == [("cp1252", "5 toneladas")]
    assert set(rejected) == {"empty.txt", "garbled.txt", "image.txt", "folder.txt", "dangling.txt"}
    assert all(rejected.values())
    meta = result.asset_materializations_for_node("source_texts")[0].metadata["rejected_files"].value
    assert set(meta) == set(rejected)


def test_a_single_release_without_lists_or_discrepancies_is_published(tmp_path, run_pipeline):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "release.txt").write_text(
        "CBP Officers Seize Fentanyl at Nogales\nMarch 3, 2024\n\n"
        "CBP officers seized 45 pounds of fentanyl at the Nogales port of entry.\n", encoding="utf-8")
    warehouse = tmp_path / "out" / "w.duckdb"
    assert run_pipeline(folder, warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "measurements", "commitments", "discrepancies")}
    assert counts["documents"] == 1 and counts["measurements"] >= 1
    assert counts["commitments"] == counts["discrepancies"] == 0


def test_two_runs_give_identical_tables(published, tmp_path, run_pipeline):
    second = tmp_path / "second.duckdb"
    assert run_pipeline(SEEDS, second).success
    assert table_checksums(published) == table_checksums(second)


def test_a_failed_run_leaves_the_published_file_byte_identical(seeds_copy, tmp_path, run_pipeline, monkeypatch):
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_copy, warehouse).success
    before = warehouse.read_bytes()

    import pipeline.core.tables as tables

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure after extraction")

    monkeypatch.setattr(tables, "reconciled_frames", broken)
    (seeds_copy / "new.txt").write_text("CBP officers seized 40 pounds of fentanyl.", encoding="utf-8")
    assert not run_pipeline(seeds_copy, warehouse, raise_on_error=False).success
    assert warehouse.read_bytes() == before


def _reader(path, started, proceed, out):
    con = duckdb.connect(path, read_only=True)
    first = con.execute("SELECT count(*), sum(char_end) FROM measurements").fetchone()
    started.set()
    proceed.wait(60)
    out.put((first, con.execute("SELECT count(*), sum(char_end) FROM measurements").fetchone()))
    con.close()


def test_a_reader_holding_the_old_file_keeps_reading_while_a_new_one_is_published(
        seeds_copy, tmp_path, run_pipeline):
    warehouse = tmp_path / "w.duckdb"
    assert run_pipeline(seeds_copy, warehouse).success
    ctx = multiprocessing.get_context("spawn")
    started, proceed, out = ctx.Event(), ctx.Event(), ctx.Queue()
    reader = ctx.Process(target=_reader, args=(str(warehouse), started, proceed, out))
    reader.start()
    assert started.wait(60)
    (seeds_copy / "extra.txt").write_text("Officers seized 1,200 pounds of methamphetamine at the port.",
                                          encoding="utf-8")
    assert run_pipeline(seeds_copy, warehouse).success  # publishes while the reader holds the old file
    proceed.set()
    first, second = out.get(timeout=60)
    reader.join(60)
    assert first == second  # the reader saw one consistent (old) warehouse
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 6
