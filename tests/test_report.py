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
from pipeline.core.report import render, write_report
from pipeline.core.report.align import align_versions, split_sentences
from report_seeds import SEEDS, build_seeds_warehouse

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
