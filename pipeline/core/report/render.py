"""write_report: the warehouse as static pages (Jinja2 templates in this package) and charts.

At 10,000 files the report is ~25,000 pages; what keeps it quick: every table is read in bulk
(tuples, grouped in Python), each source file is read and split once for both its own page and its
document's, the big repeated tables (the versions side by side, the facts, the claims, the
discrepancies) are built as strings rather than looped in Jinja, the pages are written by a thread
while the next ones are rendered, from 1,000 documents most document and source pages are written by
a helper process started fresh (helper.py, pages.py), and a page whose inputs are those of the previous report's
page is linked from it instead of rendered (``previous``).
"""
from __future__ import annotations

import gc
import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import pipeline
from pipeline.core.report import data, search
from pipeline.core.report import pages as pages_mod
from pipeline.core.report.pages import (MANIFEST, SLOTS, DOCUMENTS_SQL, MENTION_COLUMNS, MENTION_ORDER, Fact,  # noqa: F401
                                        Pages, Titles, Writer, _fact_rows, discrepancy_rows, discrepancy_titles,
                                        env as _env, num, write_document_pages, write_manifest)
from pipeline.core.report.versions import Mention, esc, source_page_name
from jinja2.filters import do_truncate
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 200  # rows of a list page: 10,000 documents are 50 pages, not one huge page
FRONT_ROWS = 20  # rows of each list shown on the front page
MARKER = ".bicentennial-report"  # a folder with this file was written here, and may be rewritten
_SUBDIRS = ("documents", "sources", "stories", "lists")
_Writer = Writer  # the name the tests knew


def _prepare(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    if (out_dir / MARKER).exists():  # a report written before: drop its pages, keep nothing stale
        (out_dir / MANIFEST).unlink(missing_ok=True)
        for sub in _SUBDIRS:
            shutil.rmtree(out_dir / sub, ignore_errors=True)
    (out_dir / MARKER).write_text("written by pipeline.core.report.write_report\n", encoding="utf-8")
    for sub in _SUBDIRS:
        (out_dir / sub).mkdir(exist_ok=True)
    for name in ("report.css", "search.js"):
        shutil.copyfile(HERE / "static" / name, out_dir / name)


PARALLEL_MIN_DOCUMENTS = 1000  # fewer documents are written quicker than a process starts
HELPER_SLOTS = 15  # of every SLOTS (20) documents, those the helper process writes (this one also writes the stories,
# the lists and the front page). The helper is a fresh Python process (not a fork: forked from a 2 GB Dagster run it
# mapped the run's memory, and the process tree's RSS doubled) that reads its own documents' rows from the warehouse.
# PIPELINE_REPORT_HELPER=1 forces it, =0 forbids it.


def _parallel(n_documents: int) -> bool:
    setting = os.environ.get("PIPELINE_REPORT_HELPER", "auto")
    if setting == "0":
        return False
    if setting == "1":
        return True
    return n_documents >= PARALLEL_MIN_DOCUMENTS and (os.cpu_count() or 1) >= 2


def _helper_command(args: dict) -> list[str]:
    return [sys.executable, "-m", "pipeline.core.report.helper", json.dumps(args)]


class _Helper:
    """A fresh Python process writing one part of the document and source pages (helper.py: pages.helper_main); it
    imports this very ``pipeline`` package, reads its rows itself and stops if this process dies. ``wait``
    returns its manifest and raises if it failed; ``stop`` ends it."""

    def __init__(self, warehouse_path: Path, out_dir: Path, sources_dir: Path | None, previous: Path | None,
                 part: tuple[int, int]):
        self.manifest_file = f".report-pages.part-{part[0]}-{part[1]}.json"
        absolute = lambda p: os.path.abspath(p) if p is not None else None  # noqa: E731
        args = {"warehouse": absolute(warehouse_path), "out_dir": absolute(out_dir),
                "sources_dir": absolute(sources_dir), "previous": absolute(previous), "part": list(part),
                "parent": os.getpid(), "manifest": self.manifest_file}
        self.out_dir = out_dir
        root = str(Path(pipeline.__file__).resolve().parents[1])
        environ = dict(os.environ, PYTHONPATH=os.pathsep.join([root, *filter(None, [os.environ.get("PYTHONPATH")])]))
        self._proc = subprocess.Popen(_helper_command(args), env=environ, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def wait(self) -> dict:
        _, err = self._proc.communicate()
        if self._proc.returncode != 0:
            tail = err.decode("utf-8", "replace")[-4000:]
            raise RuntimeError(f"the report's helper process failed (exit {self._proc.returncode}): {tail}")
        path = self.out_dir / self.manifest_file
        out = json.loads(path.read_text(encoding="utf-8"))
        path.unlink()
        return out

    def stop(self) -> None:
        if self._proc.returncode is None:  # not waited for: this process failed first
            self._proc.kill()
            self._proc.communicate()


def story_page_name(story_id: str, page: int = 1) -> str:
    return f"{story_id}.html" if page == 1 else f"{story_id}-{page}.html"


class Claim(NamedTuple):
    story_id: str
    claim_id: str
    kind: str
    value: float | None
    unit: str | None
    value_kg: float | None
    subject: str | None
    n_documents: int | None
    fact_ids: list | None
    has_conflict: bool | None


CLAIMS_SQL = f"SELECT {', '.join(Claim._fields)} FROM claims ORDER BY story_id, claim_id"


STATED_DOCS = 8  # documents named beside each value a claim is stated as; the others counted


def _stated_as(claim: Claim, facts_by_id: dict[str, tuple]) -> list[dict]:
    """The values a claim's facts state, each with the documents stating it (the claim's own value first)."""
    groups: dict[tuple, list[str]] = {}
    for fid in claim.fact_ids or []:
        f = facts_by_id.get(fid)  # (value, unit, document_id)
        if f is not None:
            groups.setdefault((f[0], f[1]), []).append(f[2])
    out = [{"value": v, "unit": u, "documents": sorted(set(docs))[:STATED_DOCS],
            "n_more": max(0, len(set(docs)) - STATED_DOCS), "differs": (v, u) != (claim.value, claim.unit)}
           for (v, u), docs in groups.items()]
    return sorted(out, key=lambda g: (g["differs"], -len(g["documents"]) - g["n_more"]))


DISAGREE = '<span class="conflict">disagree</span>'


def _claim_rows(claims: list[Claim], facts_by_id: dict[str, tuple], doc_link) -> Markup:
    """A story page's claims as table rows (built here: thousands of rows at 10,000 files)."""
    out = []
    for c in claims:
        stated = "".join(
            f'<li><span class="{"conflict" if g["differs"] else "value"}">{esc(num(g["value"]))} {esc(g["unit"])}</span>'
            f' in {", ".join(doc_link(d) for d in g["documents"])}' + (f' and {g["n_more"]} more' if g["n_more"] else "")
            + "</li>" for g in _stated_as(c, facts_by_id))
        out.append(
            f'<tr class="{"conflict-row" if c.has_conflict else ""}" id="{esc(c.claim_id)}"><td>{esc(c.kind)}</td>'
            f'<td class="num">{esc(num(c.value))}</td><td>{esc(c.unit)}</td><td class="num">{esc(num(c.value_kg))}</td>\n'
            f'<td>{esc(c.subject or "")}</td><td class="num">{esc(c.n_documents)}</td>\n'
            f'<td>{DISAGREE if c.has_conflict else ""}<ul class="stated-as">{stated}</ul></td></tr>')
    return Markup("".join(out))


def _list_rows(env):
    """The rows of the documents' and the source files' lists (templates/list_documents.html and
    list_sources.html), built as one string per page: 18,000 rows at 10,000 files, each a dozen Jinja
    lookups and escapes when looped in the template. Each value printed as Jinja prints it (None as "None")."""
    def cut(value, length: int) -> str:
        return esc(do_truncate(env, value, length))

    def documents(rows: list[dict], first: int) -> Markup:
        return Markup("".join(
            f'<tr><td class="num">{first + i}</td><td><a href="../documents/{esc(d["document_id"])}.html">'
            f'{cut(d["title"], 110)}</a></td><td>{esc(d["published_on"] or "")}</td>\n'
            f'<td class="num">{esc(d["n_sources"])}</td><td class="num">{esc(d["n_facts"])}</td>'
            f'<td class="num {"conflict" if d["n_conflicts"] else ""}">{esc(d["n_conflicts"])}</td></tr>'
            for i, d in enumerate(rows)))

    def sources(rows: list[dict], titles: dict[str, str]) -> Markup:
        out = []
        for s in rows:
            bad = s["status"] != "ok"
            if bad:
                reason = esc(s["reject_reason"])
            else:
                doc = s["document_id"]
                reason = (f'<a href="../documents/{esc(doc)}.html">{cut(titles.get(doc, doc), 70)}</a>'
                          + (' <span class="canon">canonical</span>' if s["is_canonical"] else ""))
            out.append(
                f'<tr><td><a href="../sources/{esc(source_page_name(s["source_file"]))}">{esc(s["source_file"])}</a></td>'
                f'<td class="{"bad" if bad else ""}">{esc(s["status"])}</td>\n<td>{reason}</td>\n'
                f'<td>{esc(s["encoding"] or "")}</td><td class="num">{esc(num(s["n_bytes"]))}</td></tr>')
        return Markup("".join(out))

    return documents, sources


def _paginate(env, pages: Pages, name: str, title: str, template: str, rows: list, titles: dict | None = None) -> int:
    """A list's pages; one whose rows (and the titles they show) are those of the previous report's is linked."""
    n_pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
    tpl = env.get_template(template)
    extra = {"titles": titles} if titles is not None else {}
    for n in range(1, n_pages + 1):
        part = rows[(n - 1) * PAGE_SIZE:n * PAGE_SIZE]
        shown = [titles.get(r.get(k)) for r in part for k in ("document_id", "document_id_a", "document_id_b")
                 if k in r] if titles is not None else None
        rel = f"lists/{name}-{n}.html"
        key = pages.key(("list", template, title, name, n, n_pages, len(rows),
                         [tuple(r) if isinstance(r, tuple) else r for r in part], shown))
        if pages.keep(rel, key):
            continue
        pages.write(rel, tpl.render(prefix="../", title=title, rows=part, page=n, pages=n_pages, name=name,
                                    total=len(rows), first=(n - 1) * PAGE_SIZE + 1, **extra), key)
    return n_pages


def write_report(warehouse_path: Path, out_dir: Path, sources_dir: Path | None = None,
                 previous: Path | None = None, published_as: Path | None = None,
                 written_at: str | None = None) -> Path:
    """Write the report of the warehouse at ``warehouse_path`` into ``out_dir``; return its index.html.

    The warehouse is opened read-only. ``sources_dir`` holds the source files (for the versions'
    full texts and the per-source pages with each figure's characters marked); without it, or for
    a file that changed since, pages show the sentences the measurements recorded. ``previous``: an
    earlier report (another folder, e.g. the published one); its document, source and story pages
    whose inputs are unchanged are hard-linked into ``out_dir`` rather than rendered again (the
    same bytes either way). ``published_as``: the path the warehouse is published to (the front page
    names it, not the staging file it is read from); ``written_at``: when, as the front page says it.
    """
    warehouse_path, out_dir = Path(warehouse_path), Path(out_dir)
    sources_dir = Path(sources_dir) if sources_dir is not None else None
    previous = Path(previous) if previous is not None else None
    if previous is not None and (not previous.is_dir() or previous.resolve() == out_dir.resolve()):
        previous = None
    env = _env()
    _prepare(out_dir)
    # the objects this process already holds (a Dagster run's frames) are left out of the garbage
    # collector's full passes while the report allocates its rows: each such pass would walk all of them
    frozen = gc.get_freeze_count() == 0
    if frozen:
        gc.freeze()
    try:
        front = {"warehouse": str(published_as or warehouse_path.name), "written_at": written_at}
        return _write_report(env, warehouse_path, out_dir, sources_dir, previous, front)
    finally:
        if frozen:
            gc.unfreeze()


def _write_report(env, warehouse_path: Path, out_dir: Path, sources_dir: Path | None, previous: Path | None,
                  front: dict) -> Path:
    with data.connect(warehouse_path) as con:
        n_documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    parallel = _parallel(n_documents)
    pages = Pages(out_dir, previous, Writer(threaded=not parallel))
    helper = None
    try:
        if parallel:
            helper = _Helper(warehouse_path, out_dir, sources_dir, previous, (0, HELPER_SLOTS))
        charts_js(out_dir)
        write_document_pages(env, pages, warehouse_path, sources_dir, (HELPER_SLOTS if helper else 0, SLOTS))
        index = _write_rest(env, pages, warehouse_path, out_dir, front)
        pages.close()
        manifest, kept, written = pages.manifest, pages.kept, pages.written
        waited = time.perf_counter()
        if helper is not None:
            theirs, helper = helper.wait(), None
            manifest.update(theirs["pages"])
            kept, written = kept + theirs["kept"], written + theirs["written"]
        waited = time.perf_counter() - waited
        write_manifest(out_dir, pages.code, manifest)
        # what the last call linked and rendered, and how long it waited for its helper at the end
        write_report.last = {"kept": kept, "written": written, "helper_wait_s": waited}
    finally:
        pages.close()
        if helper is not None:
            helper.stop()
    return index


write_report.last = {}


def charts_js(out_dir: Path) -> None:
    from pipeline.core.report import charts  # plotly and pandas: only this process needs them

    charts.write_plotly_js(out_dir)


def _write_rest(env, pages: Pages, warehouse_path: Path, out_dir: Path, front: dict) -> Path:
    """The stories, the lists, the search index and the front page: read in slim queries (counts, not rows)."""
    from pipeline.core.report import charts

    with data.connect(warehouse_path) as con:
        have = data.tables(con)
        has_stories = {"stories", "claims"} <= have
        env.globals["has_stories"] = has_stories
        pages.context = (has_stories,)
        q = lambda sql, params=None: data.rows(con, sql, params)  # noqa: E731
        sources = q("SELECT * FROM sources ORDER BY source_file")
        documents = q(DOCUMENTS_SQL)
        n_facts_by_doc = {d: (n, c) for d, n, c in data.tuples(
            con, "SELECT document_id, count(*), count(*) FILTER (WHERE has_conflict) FROM facts GROUP BY ALL")}
        n_facts, n_conflict_facts = con.execute("SELECT count(*), count(*) FILTER (WHERE has_conflict) FROM facts").fetchone()
        n_measurements = con.execute("SELECT count(*) FROM measurements").fetchone()[0]
        quarantined = [Mention._make(r) for r in data.tuples(
            con, f"SELECT {MENTION_COLUMNS} FROM measurements WHERE quarantine_reason IS NOT NULL "
                 f"AND quarantine_reason <> '' {MENTION_ORDER}")]
        discrepancies = q("SELECT * FROM discrepancies ORDER BY event_date, discrepancy_id")
        validation = q("SELECT * FROM validation_results ORDER BY severity, suite, expectation, column_name")
        stories = q("SELECT * FROM stories ORDER BY first_published_on NULLS LAST, story_id") if has_stories else []
        claims = [Claim._make(r) for r in data.tuples(con, CLAIMS_SQL)] if has_stories else []
        facts_by_id = {f: (v, u, d) for f, v, u, d in data.tuples(
            con, "SELECT fact_id, value, unit, document_id FROM facts")} if has_stories else {}
        mass = data.mass_by_substance_year(con, has_stories)
        kinds = data.frame(con, "SELECT kind, count(*) AS n FROM facts GROUP BY kind ORDER BY n DESC, kind")
        months = data.frame(con, """SELECT coalesce(strftime(published_on, '%Y-%m'), 'undated') AS month, count(*) AS n
                                    FROM documents GROUP BY ALL ORDER BY month""")

    titles = {d["document_id"]: d.get("title") or "(untitled)" for d in documents}
    cut = Titles(env, titles)
    env.globals["discrepancy_rows"] = discrepancy_rows(cut)
    env.globals["document_list_rows"], env.globals["source_list_rows"] = _list_rows(env)

    # per story: its documents and the claims merged across them
    claims_by_story: dict[str, list[Claim]] = data.grouped(claims, 0)
    if has_stories:
        story_tpl = env.get_template("story.html")
        docs_by_id = {d["document_id"]: d for d in documents}
        discrepancies_by_story: dict[str, list[dict]] = {}
        for d in discrepancies:
            for sid in {d.get("story_id_a"), d.get("story_id_b")} - {None}:
                discrepancies_by_story.setdefault(sid, []).append(d)
        links: dict[str, str] = {}

        def doc_link(d: str) -> str:  # each document's link built once, not once per claim
            if d not in links:
                links[d] = f'<a href="../documents/{esc(d)}.html">{cut.cut(d, 50)}</a>'
            return links[d]

        for st in stories:
            sid = st["story_id"]
            story_claims = sorted(claims_by_story.get(sid, []),  # disagreements first, then the most stated
                                  key=lambda c: (not c.has_conflict, -(c.n_documents or 0), c.claim_id))
            story_docs = [{**docs_by_id[d], "title": titles[d], "n_facts": n_facts_by_doc.get(d, (0, 0))[0]}
                          for d in (st.get("document_ids") or []) if d in docs_by_id]
            story_discrepancies = discrepancies_by_story.get(sid, [])
            stated = [facts_by_id.get(f) for c in story_claims for f in (c.fact_ids or [])]
            key = pages.key(("story", st, [tuple(c) for c in story_claims], stated, story_docs, story_discrepancies,
                             discrepancy_titles(titles, story_discrepancies[:PAGE_SIZE]),
                             sorted({(f[2], titles.get(f[2])) for f in stated if f is not None}), PAGE_SIZE))
            # a story of hundreds of documents and thousands of claims: pages of PAGE_SIZE of each
            pages_n = max(1, math.ceil(len(story_claims) / PAGE_SIZE), math.ceil(len(story_docs) / PAGE_SIZE))
            n_conflicts = sum(bool(c.has_conflict) for c in story_claims)
            for n in range(1, pages_n + 1):
                rel = f"stories/{story_page_name(sid, n)}"
                if pages.keep(rel, key):
                    continue
                part = slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE)
                pages.write(rel, story_tpl.render(
                    prefix="../", title=st.get("title") or sid, story=st, titles=titles,
                    documents=story_docs[part], n_documents=len(story_docs), claims=story_claims[part],
                    claim_rows=_claim_rows(story_claims[part], facts_by_id, doc_link),
                    n_claims=len(story_claims), n_conflicts=n_conflicts,
                    discrepancies=story_discrepancies[:PAGE_SIZE] if n == 1 else [],
                    n_discrepancies=len(story_discrepancies), page=n, pages=pages_n,
                    page_names={k: story_page_name(sid, k) for k in (1, n - 1, n + 1, pages_n)},
                    first=(n - 1) * PAGE_SIZE + 1, page_size=PAGE_SIZE))

    doc_rows = [{**d, "title": titles[d["document_id"]], "n_facts": n_facts_by_doc.get(d["document_id"], (0, 0))[0],
                 "n_conflicts": n_facts_by_doc.get(d["document_id"], (0, 0))[1]}
                for d in documents]
    lists = {
        "documents": _paginate(env, pages, "documents", "Documents", "list_documents.html", doc_rows),
        "sources": _paginate(env, pages, "sources", "Source files", "list_sources.html", sources, titles=titles),
        "quarantined": _paginate(env, pages, "quarantined", "Quarantined figures", "list_quarantined.html",
                                 quarantined),
        "discrepancies": _paginate(env, pages, "discrepancies", "Discrepancies", "list_discrepancies.html",
                                   discrepancies, titles=titles),
    }
    if has_stories:
        for st in stories:
            st_claims = claims_by_story.get(st["story_id"], [])
            st["n_claims"], st["n_conflicts"] = len(st_claims), sum(bool(c.has_conflict) for c in st_claims)
        lists["stories"] = _paginate(env, pages, "stories", "Stories", "list_stories.html", stories)

    search.write_index(out_dir, documents, sources, stories, source_page_name)
    pages.write("search.html", env.get_template("search.html").render(
        prefix="", title="Search", n_rows=len(documents) + len(sources) + len(stories)))

    suites: dict[tuple[str, str], dict] = {}
    for r in validation:
        s = suites.setdefault((r["suite"], r["severity"]), {"suite": r["suite"], "severity": r["severity"],
                                                              "passed": 0, "failed": 0})
        s["passed" if r["success"] else "failed"] += 1
    pages.write("index.html", env.get_template("index.html").render(
        prefix="", title="Bicentennial statements warehouse", **front,
        n_ok=sum(s["status"] == "ok" for s in sources), n_rejected=sum(s["status"] != "ok" for s in sources),
        rejected=[s for s in sources if s["status"] != "ok"][:FRONT_ROWS],
        n_documents=len(documents), n_facts=n_facts, n_conflicts=n_conflict_facts,
        n_measurements=n_measurements, n_stories=len(stories), n_claims=len(claims), has_stories=has_stories,
        documents=doc_rows[:FRONT_ROWS], stories=stories[:FRONT_ROWS], discrepancies=discrepancies[:FRONT_ROWS],
        n_discrepancies=len(discrepancies), quarantined=quarantined[:FRONT_ROWS], n_quarantined=len(quarantined),
        suites=sorted(suites.values(), key=lambda s: (s["severity"], s["suite"])),
        failed_checks=[r for r in validation if not r["success"]][:FRONT_ROWS],
        n_checks=len(validation), n_failed=sum(not r["success"] for r in validation), titles=titles, pages=lists,
        chart_mass=charts.mass_chart(mass, "claims" if has_stories else "facts"),
        chart_kinds=charts.kinds_chart(kinds), chart_months=charts.months_chart(months),
    ))
    return out_dir / "index.html"
