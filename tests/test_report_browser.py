"""The static report (issue 18) in a real browser: Debian's chromium driven by Playwright.

The pages are opened from disk (file://). A test fails if any request goes anywhere but a local
file (or 127.0.0.1), if a chart did not render, or if the seeds' 51-vs-53 migrants discrepancy is
not on the front page. Screenshots of the pages go to tests/screenshots/ (git-ignored). The GX Data
Docs, made offline by pipeline/core/report/data_docs_offline.py, are opened the same way.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import pytest

from pipeline.core.report import write_report
from report_seeds import JOINT_STORY, SEEDS, build_seeds_warehouse, one_story_warehouse

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
README_SHOTS = SCREENSHOTS / "readme"  # committed: the README shows them (the rest of screenshots/ is git-ignored)
README_SHOT_MAX = 200_000  # bytes
CHARTS = ("chart-mass", "chart-kinds", "chart-months")
MIGRANTS_DOC = "doc_f68522693b228bde"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


def _local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("file", "data", "blob", "about") or parsed.hostname in ("127.0.0.1", "localhost")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seeds_warehouse(tmp_path_factory) -> Path:
    return build_seeds_warehouse(tmp_path_factory.mktemp("wh") / "bicentennial.duckdb")


def _open(browser, url: str, shot: str):
    """The page at ``url`` after it loaded, and every request it made."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/*", lambda route: route.continue_() if _local(route.request.url) else route.abort())
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / shot), full_page=True)
    outside = [u for u in requests if not _local(u)]
    assert not outside, f"{shot}: requests left the machine: {outside}"
    return page


def _readme_shot(browser, url: str, name: str, scroll_to: str | None = None) -> Path:
    """A small PNG for the README: one 1100x700 screen, no device scaling, under README_SHOT_MAX bytes."""
    page = browser.new_page(viewport={"width": 1100, "height": 700}, device_scale_factor=1)
    page.route("**/*", lambda route: route.continue_() if _local(route.request.url) else route.abort())
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    if scroll_to:  # that element at the top of the screen
        page.evaluate("sel => document.querySelector(sel).scrollIntoView({block: 'start'})", scroll_to)
    README_SHOTS.mkdir(parents=True, exist_ok=True)
    path = README_SHOTS / name
    page.screenshot(path=str(path), animations="disabled")
    page.close()
    assert path.stat().st_size < README_SHOT_MAX, f"{path} is {path.stat().st_size:,} bytes"
    return path


def _check_front(browser, index: Path, shot: str):
    page = _open(browser, index.as_uri(), shot)
    for chart in CHARTS:  # plotly drew each one (an SVG inside its div)
        page.wait_for_selector(f"#{chart} .main-svg", timeout=20_000)
        assert page.locator(f"#{chart} .main-svg").count() >= 1, f"chart {chart} is missing"
    row = page.locator("tr.discrepancy", has_text="migrants")
    assert row.count() == 1, "the 51-vs-53 migrants discrepancy is not shown"
    cells = row.locator("td.conflict").all_inner_texts()
    assert sorted(cells) == ["51", "53"], cells
    page.close()


def test_seeds_report_in_chromium(browser, seeds_warehouse, tmp_path):
    index = write_report(seeds_warehouse, tmp_path / "report", SEEDS)
    _check_front(browser, index, "report_index.png")

    page = _open(browser, (index.parent / "documents" / f"{MIGRANTS_DOC}.html").as_uri(), "report_document.png")
    assert page.locator("table.sbs th.canonical").count() == 1
    assert page.locator("table.sbs thead th").count() == 3
    assert page.locator("table.sbs a.fig").count() > 10
    # a figure's link lands on its characters in the source file
    link = page.locator("table.sbs a.fig").first
    surface = link.inner_text()
    link.click()
    page.wait_for_load_state("load")
    target = page.url.split("#", 1)[1]
    assert page.locator(f"mark#{target}").inner_text() == surface
    page.screenshot(path=str(SCREENSHOTS / "report_source.png"))
    page.close()

    # the README's pictures: the front page (cards and the mass chart) and the 2022 statement's versions
    _readme_shot(browser, index.as_uri(), "report_front.png")
    _readme_shot(browser, (index.parent / "documents" / f"{MIGRANTS_DOC}.html").as_uri(), "report_document.png",
                 scroll_to="div.sbs-wrap")


def test_report_with_stories_in_chromium(browser, seeds_warehouse, tmp_path):
    """A story of two documents that disagree (the seeds' 51-vs-53 migrants, made one story): its page lists
    both documents, the claim both state with each one's value, and links to the document pages."""
    path, a, b = one_story_warehouse(seeds_warehouse, tmp_path / "w.duckdb")
    index = write_report(path, tmp_path / "report", SEEDS)
    _check_front(browser, index, "report_index_stories.png")
    page = _open(browser, (index.parent / "stories" / f"{JOINT_STORY}.html").as_uri(), "report_story.png")
    assert page.locator("table.claims tbody tr").count() > 5
    row = page.locator("table.claims tr#claim_migrants")
    assert row.locator("span.conflict", has_text="disagree").count() == 1
    assert sorted(t.split()[0] for t in row.locator("ul.stated-as li span").all_inner_texts()) == ["51", "53"]
    row.locator(f'a[href="../documents/{a}.html"]').click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/documents/{a}.html")
    page.close()


def test_search_in_chromium(browser, seeds_warehouse, tmp_path):
    """The search box: typed on the front page, it opens search.html?q=..., which filters the index
    (a <script>, so file:// works) as one types; a result leads to its page."""
    index = write_report(seeds_warehouse, tmp_path / "report", SEEDS)
    page = _open(browser, index.as_uri(), "report_index_search.png")
    page.fill("#search-q", "security dialogue 2022")
    page.press("#search-q", "Enter")
    page.wait_for_load_state("load")
    assert "/search.html?q=" in page.url
    hits = page.locator("#search-results tr.hit")
    hits.first.wait_for(timeout=10_000)
    assert hits.count() >= 1 and all("2022" in t for t in hits.all_inner_texts())
    page.fill("#search-q", "lopez obrador")  # accents folded: the title says "López"
    assert page.locator("#search-results tr.hit", has_text="López Obrador").count() >= 1
    page.fill("#search-q", "no such words anywhere")
    assert hits.count() == 0 and page.locator("#search-count").inner_text() == "0 found"
    page.fill("#search-q", ".txt")
    assert hits.count() == 5  # the five seed files
    page.screenshot(path=str(SCREENSHOTS / "report_search.png"))
    hits.first.locator("a").click()
    page.wait_for_load_state("load")
    assert "/sources/" in page.url and page.locator("pre.source").count() == 1
    page.close()


def test_data_docs_offline_in_chromium(browser, tmp_path):
    """GX's Data Docs after data_docs_offline: no request off the machine (none blocked), the project's
    styles applied, the index's tables filled without jQuery, a validation page's sections styled."""
    from pipeline.core.validation import validate_tables
    from pipeline.settings import EXPECTATIONS_DIR
    from test_validation import staged, valid_rows

    index = validate_tables(staged(valid_rows()), EXPECTATIONS_DIR, site_dir=tmp_path / "docs").data_docs_index
    blocked: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.on("requestfailed", lambda r: blocked.append(r.url))
    page.route("**/*", lambda route: route.continue_() if _local(route.request.url)
               else (blocked.append(route.request.url), route.abort()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(index.as_uri(), wait_until="load")
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "data_docs_index.png"), full_page=True)
    assert blocked == [], f"Data Docs requested {blocked}"
    assert errors == [], errors
    # the project's data_docs.css: the top bar's colour and the system font
    assert page.evaluate("getComputedStyle(document.querySelector('body > nav.navbar')).backgroundColor") \
        == "rgb(31, 59, 87)"
    assert "system-ui" in page.evaluate("getComputedStyle(document.body).fontFamily")
    rows = page.locator("table.ge-index-page-validation-results-table tbody tr")
    assert rows.count() >= 10  # one per suite validated, written out as HTML
    # tabs work without Bootstrap: the suites' tab shows its table
    assert not page.locator("#Expectation-Suites").is_visible()
    page.click("#Expectation-Suites-tab")
    assert page.locator("#Expectation-Suites table tbody tr").count() >= 10 and page.locator("#Expectation-Suites").is_visible()
    page.click("#Validation-Results-tab")
    # a validation page: reached by its row's link, styled, its "show more" section opens
    page.locator("table.ge-index-page-validation-results-table a.dd-row-link").first.click()
    page.wait_for_load_state("networkidle")
    assert "/validations/" in page.url
    assert page.evaluate("getComputedStyle(document.querySelector('.card')).borderTopStyle") == "solid"
    collapsed = page.locator(".collapse").first
    if collapsed.count():
        assert not collapsed.is_visible()
        page.locator("[data-toggle=collapse]").first.click()
        assert collapsed.is_visible()
    page.screenshot(path=str(SCREENSHOTS / "data_docs_validation.png"))
    assert blocked == [] and errors == [], (blocked, errors)
    page.close()


def test_a_corpus_with_versions_and_rewrites_in_chromium(browser, tmp_path, run_pipeline):
    """The report the publish step writes for a corpus with versions (site chrome, a truncation, a
    translation, a wire write-through) and outlets' rewrites of one Dialogue
    (tests/data/probes_stories/s1): the front page with its charts, the page of its largest story,
    and the page of its document of most versions side by side, none making a request off the machine."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for text in (Path(__file__).resolve().parent / "data" / "probes_stories" / "s1").glob("*.txt"):
        shutil.copy(text, sources)
    warehouse = tmp_path / "wh" / "bicentennial.duckdb"
    assert run_pipeline(sources, warehouse).success
    index = warehouse.parent / "report" / "index.html"
    page = _open(browser, index.as_uri(), "report_index_rewrites.png")
    for chart in CHARTS:
        page.wait_for_selector(f"#{chart} .main-svg", timeout=20_000)
    page.close()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        story, n_documents = con.execute(
            "SELECT story_id, n_documents FROM stories ORDER BY n_documents DESC, story_id LIMIT 1").fetchone()
        document, n_versions = con.execute(
            "SELECT document_id, n_sources FROM documents ORDER BY n_sources DESC, document_id LIMIT 1").fetchone()
    assert n_documents >= 2 and n_versions >= 3
    page = _open(browser, (index.parent / "stories" / f"{story}.html").as_uri(), "report_story_rewrites.png")
    linked = {h for h in page.locator('a[href^="../documents/"]').evaluate_all("els => els.map(e => e.getAttribute('href'))")}
    assert len(linked) >= n_documents
    page.close()
    page = _open(browser, (index.parent / "documents" / f"{document}.html").as_uri(), "report_document_rewrites.png")
    assert page.locator("table.sbs th.canonical").count() == 1
    assert page.locator("table.sbs thead th").count() == n_versions
    assert page.locator("table.sbs a.fig").count() > 10
    page.close()
