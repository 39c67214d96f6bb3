"""The static report (pipeline/core/report/, issue 18) on a warehouse of the seed statements."""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.core import report as report_pkg
from pipeline.core.ingest import decode
from pipeline.core.report import render, search, write_report
from pipeline.core.report.align import align_versions, split_sentences
import json
import os
import sys

from report_seeds import JOINT_STORY, SEEDS, build_seeds_warehouse, one_story_warehouse

MANIFEST_NAME = ".report-pages.json"
MIGRANTS_DOC = "doc_f68522693b228bde"  # the 2022 joint statement: three versions of it among the seeds


@pytest.fixture(scope="module")
def seeds_warehouse(tmp_path_factory) -> Path:
    return build_seeds_warehouse(tmp_path_factory.mktemp("wh") / "bicentennial.duckdb")


@pytest.fixture(scope="module")
def seeds_report(seeds_warehouse, tmp_path_factory) -> Path:
    return write_report(seeds_warehouse, tmp_path_factory.mktemp("report") / "report", SEEDS)


def _documents(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("SELECT document_id, n_sources FROM documents ORDER BY document_id").fetchall()


def test_front_page_shows_what_was_published(seeds_report):
    page = seeds_report.read_text(encoding="utf-8")
    assert seeds_report.name == "index.html"
    for chart in ("chart-mass", "chart-kinds", "chart-months"):
        assert f'id="{chart}"' in page
    assert '<script src="plotly.min.js"></script>' in page
    assert (seeds_report.parent / "plotly.min.js").stat().st_size > 1_000_000  # plotly's own bundle, once
    assert (seeds_report.parent / "report.css").exists()
    # the seeds' 51-vs-53 migrants discrepancy, both values in the discrepancies table
    table = page.split('id="discrepancies"')[1]
    assert re.search(r'class="num conflict">51<', table) and re.search(r'class="num conflict">53<', table)
    assert "migrants" in table
    # counts, validation with severity, the one failed warning listed
    assert "<b>5</b> source files read" in page and "<b>3</b> documents" in page
    assert "measurements_plausibility" in page and 'class="sev warning"' in page
    assert "1/2</b>" not in page and "<b>1</b>/2 expectations passed" in page


def test_no_page_refers_to_anything_off_the_machine(seeds_report):
    for page in seeds_report.parent.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="([^"]*)"', text) + re.findall(r"url\(([^)]*)\)", text):
            assert not re.match(r"(?i)^(https?:)?//", url), f"{page.name} refers to {url}"
            assert not url.startswith("/"), f"{page.name}: {url} is absolute"
    css = (seeds_report.parent / "report.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css


def test_every_figure_links_to_its_characters_in_the_source_file(seeds_report, seeds_warehouse):
    out = seeds_report.parent
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        rows = con.execute("SELECT measurement_id, source_file, char_start, char_end FROM measurements").fetchall()
    marks: dict[str, str] = {}
    for page in (out / "sources").glob("*.html"):
        for mid, inner in re.findall(r'<mark id="m-([^"]+)"[^>]*>(.*?)</mark>', page.read_text(encoding="utf-8"), re.S):
            marks[mid] = html.unescape(inner)
    texts = {name: decode((SEEDS / name).read_bytes())[0] for name in {r[1] for r in rows}}
    marked = [r for r in rows if r[0] in marks]
    assert len(marked) >= 0.95 * len(rows)  # overlapping mentions keep an anchor but not a mark
    for mid, name, start, end in marked:
        assert marks[mid] == texts[name][start:end]
    doc_page = (out / "documents" / f"{MIGRANTS_DOC}.html").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./sources/([^"#]+)#m-([^"]+)"', doc_page)
    assert links
    for page_name, mid in links:
        assert f'id="m-{mid}"' in (out / "sources" / page_name).read_text(encoding="utf-8")


def test_document_page_sets_the_versions_side_by_side(seeds_report, seeds_warehouse):
    page = (seeds_report.parent / "documents" / f"{MIGRANTS_DOC}.html").read_text(encoding="utf-8")
    sbs = page.split('class="sbs"')[1]
    header = sbs.split("</thead>")[0]
    assert header.count("<th class") == 3 and header.count("canonical</span>") == 1
    assert header.index("000_f8ae7abacdc42e77.txt") < header.index("002_e4943ab2c8f9120d.txt")  # canonical first
    assert 'class="fig' in sbs
    assert "left out" in page  # a truncated or partial version does not state every fact
    # the pages of every document exist
    for document_id, _ in _documents(seeds_warehouse):
        assert (seeds_report.parent / "documents" / f"{document_id}.html").exists()


def test_lists_are_paginated(seeds_warehouse, tmp_path, monkeypatch):
    monkeypatch.setattr(render, "PAGE_SIZE", 2)
    index = write_report(seeds_warehouse, tmp_path / "r", SEEDS)
    lists = sorted(p.name for p in (index.parent / "lists").glob("documents-*.html"))
    assert lists == ["documents-1.html", "documents-2.html"]
    assert 'href="documents-2.html">next</a>' in (index.parent / "lists" / "documents-1.html").read_text()
    assert len(sorted((index.parent / "lists").glob("sources-*.html"))) == 3


def test_without_the_sources_pages_show_the_recorded_sentences(seeds_warehouse, tmp_path):
    index = write_report(seeds_warehouse, tmp_path / "r")
    page = (index.parent / "documents" / f"{MIGRANTS_DOC}.html").read_text(encoding="utf-8")
    assert "text not available" in page and 'class="fig' in page


def test_a_rewritten_report_keeps_no_stale_page(seeds_warehouse, tmp_path):
    out = tmp_path / "r"
    write_report(seeds_warehouse, out, SEEDS)
    (out / "documents" / "doc_gone.html").write_text("old")
    write_report(seeds_warehouse, out, SEEDS)
    assert not (out / "documents" / "doc_gone.html").exists()


def test_stories_and_claims_are_shown(seeds_warehouse, tmp_path):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        story_id, title = con.execute("SELECT story_id, title FROM stories WHERE list_contains(document_ids, ?)",
                                      [MIGRANTS_DOC]).fetchone()
    index = write_report(seeds_warehouse, tmp_path / "r", SEEDS)
    front = index.read_text(encoding="utf-8")
    assert f'href="stories/{story_id}.html"' in front and "from claims" in front
    story = (index.parent / "stories" / f"{story_id}.html").read_text(encoding="utf-8")
    assert html.escape(title) in story and f"../documents/{MIGRANTS_DOC}.html" in story


def test_a_story_page_shows_its_claims_and_where_its_documents_disagree(seeds_warehouse, tmp_path):
    path, a, b = one_story_warehouse(seeds_warehouse, tmp_path / "w.duckdb")
    index = write_report(path, tmp_path / "r", SEEDS)
    page = (index.parent / "stories" / f"{JOINT_STORY}.html").read_text(encoding="utf-8")
    docs = page.split("<h2>Documents</h2>")[1].split("</table>")[0]
    assert f'href="../documents/{a}.html"' in docs and f'href="../documents/{b}.html"' in docs
    row = re.search(r'<tr class="conflict-row" id="claim_migrants">(.*?)</tr>', page, re.S).group(1)
    assert '<td class="num">2</td>' in row and "disagree" in row  # n_documents, has_conflict
    # each document's own value beside a link to its page: 51 in one, 53 in the other
    stated = {d: v for v, d in re.findall(r'<span class="[^"]*">(\d+) [^<]*</span> in <a href="\.\./documents/([^"]+)\.html">', row)}
    assert set(stated) == {a, b} and sorted(stated.values()) == ["51", "53"]
    assert "Discrepancies with other stories" in page and 'class="num conflict">51<' in page
    # the document page links its story; lists and the front page count claims and disagreements
    assert f"../stories/{JOINT_STORY}.html" in (index.parent / "documents" / f"{a}.html").read_text(encoding="utf-8")
    listing = (index.parent / "lists" / "stories-1.html").read_text(encoding="utf-8")
    assert re.search(rf'{JOINT_STORY}\.html">Migrants found.*?class="num conflict">1</td>', listing, re.S)
    with duckdb.connect(str(path), read_only=True) as con:
        n_stories, n_claims = con.execute("SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM claims)").fetchone()
    assert f"<b>{n_stories}</b> stories, <b>{n_claims}</b> claims" in index.read_text(encoding="utf-8")


def test_the_mass_chart_sums_claims_so_one_seizure_counts_once(seeds_warehouse, tmp_path):
    """Two documents of one story stating one seizure: facts count it twice, claims once."""
    path = tmp_path / "w.duckdb"
    shutil.copyfile(seeds_warehouse, path)
    with duckdb.connect(str(path)) as con:
        con.execute("DELETE FROM facts WHERE kind = 'mass'")
        con.execute("DELETE FROM claims WHERE kind = 'mass'")
        docs = [d for (d,) in con.execute("SELECT document_id FROM documents ORDER BY document_id LIMIT 2").fetchall()]
        for n, d in enumerate(docs):
            con.execute("""INSERT INTO facts (fact_id, document_id, kind, value, unit, value_kg, subject, n_sources,
                                              source_files, has_conflict) VALUES (?, ?, 'mass', 1000, 'kg', 1000,
                                              'fentanyl', 1, [], false)""", [f"fact_seizure_{n}", d])
        story = con.execute("SELECT story_id FROM stories ORDER BY story_id LIMIT 1").fetchone()[0]
        con.execute("""INSERT INTO claims VALUES ('claim_seizure', ?, 'mass', 1000, 'kg', 1000, 'fentanyl', 2, ?,
                       ['fact_seizure_0', 'fact_seizure_1'], false)""", [story, docs])
    from pipeline.core.report import data

    with data.connect(path) as con:
        assert data.mass_by_substance_year(con, has_claims=False)["kg"].sum() == 2000
        assert data.mass_by_substance_year(con, has_claims=True)["kg"].sum() == 1000
    front = write_report(path, tmp_path / "r", SEEDS).read_text(encoding="utf-8")
    assert "from claims; each seizure once" in front


def test_a_story_of_many_documents_and_claims_is_split_into_pages(seeds_warehouse, tmp_path, monkeypatch):
    path, a, b = one_story_warehouse(seeds_warehouse, tmp_path / "w.duckdb")
    monkeypatch.setattr(render, "PAGE_SIZE", 3)
    index = write_report(path, tmp_path / "r", SEEDS)
    with duckdb.connect(str(path), read_only=True) as con:
        n_claims = con.execute("SELECT count(*) FROM claims WHERE story_id = ?", [JOINT_STORY]).fetchone()[0]
    pages = sorted((index.parent / "stories").glob(f"{JOINT_STORY}*.html"))
    assert len(pages) == -(-n_claims // 3) > 1
    first = (index.parent / "stories" / f"{JOINT_STORY}.html").read_text(encoding="utf-8")
    assert f'href="{JOINT_STORY}-2.html">next</a>' in first and 'id="claim_migrants"' in first  # disagreements first
    last = (index.parent / "stories" / f"{JOINT_STORY}-{len(pages)}.html").read_text(encoding="utf-8")
    assert f'href="{JOINT_STORY}.html">first</a>' in last and "next</a>" not in last


def test_a_warehouse_without_stories_still_gets_its_report(seeds_warehouse, tmp_path):
    path = tmp_path / "w.duckdb"
    shutil.copyfile(seeds_warehouse, path)
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE claims")
        con.execute("DROP TABLE stories")
        con.execute("ALTER TABLE documents DROP COLUMN story_id")
        con.execute("ALTER TABLE discrepancies DROP COLUMN story_id_a")
        con.execute("ALTER TABLE discrepancies DROP COLUMN story_id_b")
    index = write_report(path, tmp_path / "r", SEEDS)
    front = index.read_text(encoding="utf-8")
    assert "from facts" in front and "stories/" not in front and "claims</div>" not in front
    assert not list((index.parent / "stories").iterdir()) and not list((index.parent / "lists").glob("stories-*"))
    assert f'["d","{MIGRANTS_DOC}",' in (index.parent / "search-index.js").read_text(encoding="utf-8")


def test_search_index_is_a_script_listing_every_document_story_and_file(seeds_report, seeds_warehouse):
    out = seeds_report.parent
    script = (out / "search-index.js").read_text(encoding="utf-8")
    assert script.startswith("window.REPORT_INDEX=") and script.rstrip().endswith(";")
    index = json.loads(script.strip()[len("window.REPORT_INDEX="):-1])
    hrefs = {search.href(row) for row in index["rows"]}
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        docs = [d for (d,) in con.execute("SELECT document_id FROM documents").fetchall()]
        stories = [s for (s,) in con.execute("SELECT story_id FROM stories").fetchall()]
        n_sources = con.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert {f"documents/{d}.html" for d in docs} | {f"stories/{s}.html" for s in stories} <= hrefs
    assert sum(row[0] == "s" for row in index["rows"]) == n_sources
    for href in hrefs:
        assert (out / href).exists(), href
    # loaded by <script> tags (file:// has no fetch), from the search page; every page has the box
    page = (out / "search.html").read_text(encoding="utf-8")
    assert '<script src="search-index.js"' in page and '<script src="search.js"' in page
    assert "fetch(" not in (out / "search.js").read_text(encoding="utf-8")
    for page in [seeds_report, *(out / "documents").glob("*.html"), *(out / "lists").glob("*.html")]:
        text = page.read_text(encoding="utf-8")
        assert re.search(r'<form class="search" action="(\.\./)?search\.html"', text), page


def test_the_warehouse_is_opened_read_only(seeds_warehouse, tmp_path):
    with duckdb.connect(str(seeds_warehouse), read_only=True):  # another reader holds it open
        write_report(seeds_warehouse, tmp_path / "r", SEEDS)


def test_sentences_keep_their_offsets_and_versions_align():
    text = "Title line\nIt seized 5 pounds.  Then more! \n\nLast one."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Title line", "It seized 5 pounds.", "Then more!", "Last one."]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    rows = align_versions(["A b.", "C d 5.", "E f."], [["A b.", "C d 7.", "X y z.", "E f."], ["E f."]])
    assert rows == [[0, 0, None], [1, 1, None], [None, 2, None], [2, 3, 0]]


def test_the_report_package_imports_no_dagster():
    for module in Path(report_pkg.__file__).parent.glob("*.py"):
        assert "dagster" not in module.read_text(encoding="utf-8"), module


def test_cli_report_writes_beside_the_warehouse(seeds_warehouse, tmp_path, monkeypatch, capsys):
    from pipeline.cli import main

    monkeypatch.delenv("PIPELINE_WAREHOUSE_PATH", raising=False)
    monkeypatch.delenv("PIPELINE_SOURCES_DIR", raising=False)
    out = tmp_path / "out"
    assert main(["report", "--warehouse", str(seeds_warehouse), "--sources", str(SEEDS), "--out", str(out)]) == 0
    assert (out / "index.html").exists() and str(out / "index.html") in capsys.readouterr().out
    assert main(["report", "--warehouse", str(tmp_path / "missing.duckdb")]) == 2


def _same_files(a: Path, b: Path, but: tuple[str, ...] = ()) -> None:
    names = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for name in names:
        if str(name) not in but:
            assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_a_helper_process_writes_the_same_pages(seeds_warehouse, seeds_report, tmp_path, monkeypatch):
    """From 1,000 documents most document and source pages are written by a helper process: the same bytes."""
    monkeypatch.setenv("PIPELINE_REPORT_HELPER", "1")
    helpers, helper = [], render._Helper
    monkeypatch.setattr(render, "_Helper", type("Spy", (helper,), {
        "__init__": lambda self, *a: (helpers.append(self), helper.__init__(self, *a))[1]}))
    index = write_report(seeds_warehouse, tmp_path / "r", SEEDS)
    assert helpers, "no helper process was started"
    _same_files(seeds_report.parent, index.parent)


def test_the_helper_is_a_fresh_process_importing_this_code(seeds_warehouse, tmp_path, monkeypatch):
    """Not a fork of this process (a fork of a 2 GB run doubled its RSS), and this very ``pipeline`` package."""
    monkeypatch.setenv("PIPELINE_REPORT_HELPER", "1")
    commands = []
    command = render._helper_command
    monkeypatch.setattr(render, "_helper_command", lambda args: commands.append(command(args)) or commands[-1])
    started = []
    popen = render.subprocess.Popen
    monkeypatch.setattr(render.subprocess, "Popen", lambda cmd, **kw: started.append(kw) or popen(cmd, **kw))
    write_report(seeds_warehouse, tmp_path / "r", SEEDS)
    assert commands and commands[0][1:3] == ["-m", "pipeline.core.report.helper"]
    root = str(Path(render.__file__).resolve().parents[3])
    assert started[0]["env"]["PYTHONPATH"].split(os.pathsep)[0] == root


def test_a_failing_helper_process_fails_the_report(seeds_warehouse, tmp_path, monkeypatch):
    """The helper's error is the report's: the publish logs it and publishes without a report."""
    monkeypatch.setenv("PIPELINE_REPORT_HELPER", "1")
    monkeypatch.setattr(render, "_helper_command", lambda args: [sys.executable, "-c", "raise SystemExit('boom')"])
    with pytest.raises(RuntimeError, match="boom"):
        write_report(seeds_warehouse, tmp_path / "r", SEEDS)


def test_the_helper_says_nothing_when_all_is_well(seeds_warehouse, tmp_path, monkeypatch):
    """Its stderr is read only at the end: no warning there (a full pipe would stall it)."""
    monkeypatch.setenv("PIPELINE_REPORT_HELPER", "1")
    popen = render.subprocess.Popen
    errs = []

    def run(cmd, **kw):
        proc = popen(cmd, **kw)
        communicate = proc.communicate
        proc.communicate = lambda *a, **k: (lambda r: (errs.append(r[1]), r)[1])(communicate(*a, **k))
        return proc
    monkeypatch.setattr(render.subprocess, "Popen", run)
    write_report(seeds_warehouse, tmp_path / "r", SEEDS)
    assert errs == [b""], errs


def test_the_helper_is_used_from_1000_documents_whatever_the_process_size(monkeypatch):
    monkeypatch.delenv("PIPELINE_REPORT_HELPER", raising=False)
    monkeypatch.setattr(render.os, "cpu_count", lambda: 2)
    assert render._parallel(10_000) and not render._parallel(999)
    monkeypatch.setenv("PIPELINE_REPORT_HELPER", "0")
    assert not render._parallel(10_000)
    monkeypatch.setenv("PIPELINE_REPORT_HELPER", "1")
    assert render._parallel(1)


def _report_pages(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for sub in ("documents", "sources", "stories", "lists")
                  for p in (folder / sub).iterdir())


@pytest.mark.parametrize("helper", ["0", "1"])
def test_a_rerun_after_one_added_file_writes_only_the_changed_pages(tmp_path, monkeypatch, helper):
    """The pages whose inputs did not change are linked from the last report (the same inode), every other
    page is rendered, and the result is byte for byte the report written from nothing (with a helper too)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import random

    import make_corpus

    monkeypatch.setenv("PIPELINE_REPORT_HELPER", helper)
    monkeypatch.setattr(render.pages_mod, "CHUNK", 7)  # this process reads its documents' rows 7 at a time
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    for i, text in enumerate(make_corpus.documents(40, seed=5)):
        (sources / make_corpus.file_name(100 + i, text)).write_text(text, encoding="utf-8")
    before = write_report(build_seeds_warehouse(tmp_path / "a.duckdb", sources), tmp_path / "before", sources).parent
    text = make_corpus.seizure_release(random.Random(7))
    (sources / make_corpus.file_name(999, text)).write_text(text, encoding="utf-8")
    warehouse = build_seeds_warehouse(tmp_path / "b.duckdb", sources)
    again = write_report(warehouse, tmp_path / "again", sources, previous=before).parent
    counts = dict(render.write_report.last)
    fresh = write_report(warehouse, tmp_path / "fresh", sources).parent
    assert render.write_report.last["kept"] == 0
    _same_files(fresh, again)

    linked, changed = [], []
    for rel in _report_pages(again):
        old = before / rel
        if old.exists() and old.stat().st_ino == (again / rel).stat().st_ino:
            linked.append(rel)
            assert old.read_bytes() == (fresh / rel).read_bytes(), rel  # never a stale page
        else:
            changed.append(rel)
            assert not old.exists() or old.read_bytes() != (again / rel).read_bytes(), f"{rel} rewritten unchanged"
    assert counts["kept"] == len(linked) and len(linked) > 0.8 * len(_report_pages(again))
    assert any(str(rel).startswith("documents/") for rel in changed), "the added document's page"
    assert len(changed) < 12, changed
    print(f"rerun: {len(linked)} pages linked, {len(changed)} rendered: {[str(c) for c in changed]}")


def test_a_changed_template_renders_every_page_again(seeds_warehouse, tmp_path, monkeypatch):
    """A page's key holds the code and templates that render it: after a change none is carried over."""
    before = write_report(seeds_warehouse, tmp_path / "before", SEEDS).parent
    same = write_report(seeds_warehouse, tmp_path / "same", SEEDS, previous=before).parent
    assert render.write_report.last["kept"] == len(_report_pages(same)) > 0  # the same warehouse: every page kept
    monkeypatch.setattr(render.pages_mod, "_code_key", lambda: "another code")
    write_report(seeds_warehouse, tmp_path / "other", SEEDS, previous=before)
    assert render.write_report.last["kept"] == 0


@pytest.mark.slow
def test_a_pipeline_rerun_links_the_unchanged_pages_and_a_failed_report_is_never_published_half(
        seeds_copy, tmp_path, run_pipeline, monkeypatch):
    """Through the publish asset: the rerun's report links what did not change from the published one and is
    the report written from nothing; a report that fails half-way is not published (the warehouse is)."""
    warehouse = tmp_path / "wh" / "bicentennial.duckdb"
    assert run_pipeline(seeds_copy, warehouse).success
    report = warehouse.parent / "report"
    assert (report / MANIFEST_NAME).exists()
    shutil.copyfile(SEEDS / "003_ee49a262982b1216.txt", seeds_copy / "005_copy_of_003.txt")
    render.write_report.last = {}
    assert run_pipeline(seeds_copy, warehouse).success  # in this process: write_report.last is the publish's
    assert render.write_report.last["kept"] > 0 and render.write_report.last["written"] > 0
    fresh = write_report(warehouse, tmp_path / "fresh", seeds_copy).parent
    _same_files(fresh, report, but=("index.html",))  # its front page says when it was published
    front = (report / "index.html").read_text(encoding="utf-8")
    assert f"<code>{warehouse}</code>, published 20" in front and ".staging-" not in front

    def half_then_boom(*args, **kwargs):
        raise RuntimeError("a report bug after the document pages")

    monkeypatch.setattr(render, "_write_rest", half_then_boom)
    (seeds_copy / "005_copy_of_003.txt").unlink()
    result = run_pipeline(seeds_copy, warehouse)
    assert result.success
    assert not list(warehouse.parent.glob(".*.report"))
    _same_files(fresh, report, but=("index.html",))  # the last whole report stays, never the half one


def test_the_helper_gets_absolute_paths(seeds_warehouse, seeds_report, tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_REPORT_HELPER", "1")
    monkeypatch.chdir(tmp_path)
    index = write_report(seeds_warehouse, Path("relative") / "report", SEEDS)
    _same_files(seeds_report.parent, tmp_path / index.parent)


def test_the_garbage_collector_is_left_as_it_was(seeds_warehouse, tmp_path):
    import gc

    assert gc.get_freeze_count() == 0
    write_report(seeds_warehouse, tmp_path / "r", SEEDS)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
