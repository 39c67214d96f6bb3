"""The per-file cache: a rerun reuses earlier results and gives the same tables as a run without it."""
from __future__ import annotations

import pickle
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.core import parallel, tables
from pipeline.core.reconcile import candidates, documents, regroup
from pipeline.core.reconcile.documents import merge_document
from pipeline.core.reconcile.regroup import plan_from_nothing
from pipeline.core.filecache import CLEAN_MODULES, PER_FILE_MODULES, PROFILE_MODULES, FileCache, code_version, prune

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402


def test_round_trip_counts_hits_and_misses(tmp_path):
    cache = FileCache(tmp_path, "ns")
    assert cache.get_many(["a", "b"]) == {} and cache.misses == 2
    cache.put_many({"a": {"rows": [1, 2]}, "b": ("x", None)})
    cache.put("c", [3])
    again = FileCache(tmp_path, "ns")  # another run: same file
    assert again.get_many(["a", "b", "c", "d"]) == {"a": {"rows": [1, 2]}, "b": ("x", None), "c": [3]}
    assert (again.hits, again.misses) == (3, 1)
    assert FileCache(tmp_path, "other").get("a") is None  # another code version sees nothing


def test_no_root_caches_nothing():
    cache = FileCache(None, "ns")
    cache.put("a", 1)
    assert cache.get("a") is None and cache.misses == 1


def test_unreadable_entry_is_a_miss(tmp_path):
    cache = FileCache(tmp_path, "ns")
    cache.put("good", 1)
    with sqlite3.connect(tmp_path / "ns.sqlite") as con:
        con.execute("INSERT INTO entries VALUES ('bad', ?)", (b"not a pickle",))
    assert FileCache(tmp_path, "ns").get_many(["good", "bad"]) == {"good": 1}


def test_a_large_value_lives_in_a_file_of_its_own(tmp_path):
    cache = FileCache(tmp_path, "aaaaaaaaaaaa")
    assert cache.get_large("last-run") is None and cache.misses == 1
    cache.put_large("last-run", {"frames": list(range(1000))})
    assert FileCache(tmp_path, "aaaaaaaaaaaa").get_large("last-run") == {"frames": list(range(1000))}
    assert FileCache(tmp_path, "bbbbbbbbbbbb").get_large("last-run") is None  # another code version
    path = tmp_path / "aaaaaaaaaaaa.last-run.pickle"
    path.write_bytes(path.read_bytes()[:20])  # cut short: a miss, not a failed run
    assert FileCache(tmp_path, "aaaaaaaaaaaa").get_large("last-run") is None
    assert prune(tmp_path, keep={"bbbbbbbbbbbb"}) == ["aaaaaaaaaaaa.last-run.pickle"]
    assert FileCache(None, "x").get_large("k") is None


def test_travels_to_worker_processes(tmp_path):
    cache = FileCache(tmp_path, "ns")
    cache.put("a", 1)  # the connection is open now
    copy = pickle.loads(pickle.dumps(cache))
    assert copy.get("a") == 1


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for seed in (ROOT / "sources").glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    for i, text in enumerate(make_corpus.documents(40, seed=5)):
        (folder / make_corpus.file_name(100 + i, text)).write_text(text, encoding="utf-8")
    return folder


def _run(folder: Path, cache_root: Path | None, executor: str = "sync") -> tuple[dict[str, pd.DataFrame], list]:
    caches = [FileCache(cache_root, code_version(m)) for m in (CLEAN_MODULES, PER_FILE_MODULES, PROFILE_MODULES)]
    texts = tables.source_texts_frame(folder, 20 * 1024 * 1024, executor, caches[0])
    measured = tables.measurements_frame(texts, "by_reporter", caches[1], executor)
    frames = tables.reconciled_frames(texts, measured, caches[2])
    return {"source_texts": texts, "measurements": measured, **frames}, caches


def _assert_same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_rerun_after_a_change_redoes_only_that_file(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "sources"
    shutil.copytree(corpus, folder)
    cache_root = tmp_path / "cache"
    first, caches = _run(folder, cache_root)
    _assert_same(first, _run(folder, None)[0])
    assert all(c.hits == 0 for c in caches)

    # one new version of an existing statement and one edited figure
    seed = (ROOT / "sources" / "001_d34740decd223e6b.txt").read_text(encoding="utf-8")
    (folder / "zz_copy_of_2023.txt").write_text("Share this page\n\n" + seed.replace("  ", " "), encoding="utf-8")
    edited = next(folder.glob("00100_*.txt"))  # the first generated file
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOfficers also seized 8,765 pounds of cocaine.\n",
                      encoding="utf-8")

    merged = []
    monkeypatch.setattr(documents, "merge_document", lambda versions, metas: merged.append(versions) or
                        merge_document(versions, metas))
    rerun, caches = _run(folder, cache_root)
    clean, measure, recon = caches
    assert (clean.misses, measure.misses) == (2, 2)
    assert clean.hits == len(rerun["source_texts"]) - 2
    assert measure.hits == 1  # the other files' mentions come from the last run's frame
    # the profiles of the two files are new; the last run (frames, grouping) is read, and of the
    # other profiles only those of the files the two can pair with
    assert recon.misses == 2 and 1 < recon.hits < len(rerun["source_texts"]) / 2
    # only the documents of the two files were merged again: the 2023 statement and the edited release
    assert {d.source_file for versions in merged for d in versions} >= {"zz_copy_of_2023.txt", edited.name}
    assert len(merged) == 2
    monkeypatch.undo()
    _assert_same(rerun, _run(folder, None)[0])


def _seeds_and(tmp_path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    for seed in (ROOT / "sources").glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _document_of(frames: dict[str, pd.DataFrame]) -> pd.Series:
    return frames["source_versions"].set_index("source_file")["document_id"]


def test_a_group_that_loses_the_version_joining_it_is_verified_again(tmp_path):
    # versions of one statement: union-find joined them through the first and never compared
    # the others with each other; with the first gone, the rerun must compare them itself
    seed = (ROOT / "sources" / "001_d34740decd223e6b.txt").read_text(encoding="utf-8")
    folder = _seeds_and(tmp_path, {"v1.txt": "Share this page\n\n" + seed, "v2.txt": seed + "\n\nPrint this page\n"})
    cache_root = tmp_path / "cache"
    first = _document_of(_run(folder, cache_root)[0])
    group = sorted(first.index[first == first["v1.txt"]])
    assert group[0] == "001_d34740decd223e6b.txt" and len(group) >= 3
    (folder / group[0]).unlink()
    rerun = _run(folder, cache_root)[0]
    _assert_same(rerun, _run(folder, None)[0])
    assert _document_of(rerun)["v1.txt"] == _document_of(rerun)["v2.txt"]


def test_a_figure_key_that_becomes_too_common_is_not_a_link_any_more(tmp_path, monkeypatch):
    monkeypatch.setattr(candidates, "MAX_KEY_DF", 2)
    monkeypatch.setattr(regroup, "MAX_KEY_DF", 2)
    release = ("Officers seized 1,234 pounds of cocaine and 5,678 pounds of marijuana at the Laredo port. "
               "They also found 9,101 rounds of ammunition and 2,345 rifles in the trailer.")
    folder = _seeds_and(tmp_path, {"a.txt": release, "b.txt": "EDITOR'S NOTE. " + release.replace("They", "Agents")})
    cache_root = tmp_path / "cache"
    assert _document_of(_run(folder, cache_root)[0])[["a.txt", "b.txt"]].nunique() == 1
    # a third file states the same figures: now in three files, they are not indexed
    (folder / "c.txt").write_text("Totals for the year: 1,234 pounds; 5,678 pounds; 9,101 rounds; 2,345 rifles.",
                                  encoding="utf-8")
    rerun = _run(folder, cache_root)[0]
    _assert_same(rerun, _run(folder, None)[0])
    assert _document_of(rerun)[["a.txt", "b.txt"]].nunique() == 2


@pytest.mark.parametrize("seed, max_key_df", [(1, None), (2, None), (3, None), (4, 1), (5, 2)])
def test_reruns_after_random_changes_agree_with_a_run_without_cache(corpus, tmp_path, seed, max_key_df, monkeypatch):
    """Files added, removed, renamed, edited and copied in several rounds: after each round
    the frames reused from the last run plus the documents merged again are the frames of
    a run from nothing (grouping, facts, commitments, discrepancies, row order, types).
    ``max_key_df``: a cap on indexed figure keys low enough for changes to cross it."""
    if max_key_df:
        monkeypatch.setattr(candidates, "MAX_KEY_DF", max_key_df)
        monkeypatch.setattr(regroup, "MAX_KEY_DF", max_key_df)
    rng = random.Random(seed)
    folder = tmp_path / "sources"
    shutil.copytree(corpus, folder)
    extra = iter(make_corpus.documents(30, seed=100 + seed))
    cache_root = tmp_path / "cache"
    _run(folder, cache_root)
    from_nothing = []
    monkeypatch.setattr(regroup, "plan_from_nothing",
                        lambda *a: from_nothing.append(a) or plan_from_nothing(*a))
    for _ in range(4):
        files = sorted(folder.glob("*.txt"))
        for _ in range(rng.randint(1, 4)):
            change = rng.choice(["add", "remove", "rename", "edit", "copy"])
            victim = rng.choice(files)
            if not victim.exists():
                continue
            if change == "add":
                text = next(extra)
                (folder / make_corpus.file_name(900 + rng.randint(0, 99), text)).write_text(text, encoding="utf-8")
            elif change == "remove":
                victim.unlink()
            elif change == "rename":
                victim.rename(folder / f"renamed_{rng.randint(0, 999)}_{victim.name}")
            elif change == "edit":
                text = victim.read_text(encoding="utf-8")
                victim.write_text(text.replace("0", "7", 1) if "0" in text else text + " 5 tons.", encoding="utf-8")
            else:
                shutil.copy(victim, folder / f"copy_{rng.randint(0, 999)}_{victim.name}")
        _assert_same(_run(folder, cache_root)[0], _run(folder, None)[0])
    assert len(from_nothing) == 4  # the runs without cache; every rerun regrouped from the last run


def test_dask_workers_write_the_same_cache(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "BATCH_SIZE", 9)
    cache_root = tmp_path / "cache"
    in_processes, _ = _run(corpus, cache_root, "processes")
    from_cache, caches = _run(corpus, cache_root, "sync")
    _assert_same(in_processes, from_cache)
    assert caches[0].misses == 0 and caches[1].misses == 0


def test_prune_removes_older_code_versions_only(tmp_path):
    FileCache(tmp_path, "aaaaaaaaaaaa").put("k", 1)
    FileCache(tmp_path, "bbbbbbbbbbbb").put("k", 2)
    (tmp_path / "cccccccccccc" / "ab").mkdir(parents=True)  # the earlier one-file-per-entry layout
    (tmp_path / "notes.txt").write_text("mine")
    gone = prune(tmp_path, keep={"aaaaaaaaaaaa"})
    assert "bbbbbbbbbbbb.sqlite" in gone and "cccccccccccc" in gone
    assert FileCache(tmp_path, "aaaaaaaaaaaa").get("k") == 1
    assert FileCache(tmp_path, "bbbbbbbbbbbb").get("k") is None
    assert (tmp_path / "notes.txt").exists() and not (tmp_path / "cccccccccccc").exists()
    assert prune(None, set()) == [] and prune(tmp_path / "missing", set()) == []


@pytest.mark.parametrize("damage", ["root_is_a_file", "garbage_database"])
def test_an_unusable_cache_is_switched_off_not_fatal(tmp_path, damage):
    if damage == "root_is_a_file":
        root = tmp_path / "cache"
        root.write_text("not a folder")
    else:
        root = tmp_path
        (root / "ns.sqlite").write_bytes(b"this is not a database" * 100)
    cache = FileCache(root, "ns")
    with pytest.warns(UserWarning, match="running without it"):
        assert cache.get_many(["a"]) == {}
    cache.put("a", 1)  # no error, nothing kept
    assert cache.get("a") is None and cache.path is None
