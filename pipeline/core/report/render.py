"""write_report: the warehouse as static pages (Jinja2 templates in this package) and charts.

At 10,000 files the report is ~25,000 pages; what keeps it quick: every table is read in one bulk
query (tuples, grouped in Python), each source file is read and split once for both its own page and
its document's, the big repeated tables (the versions side by side, the facts, the claims, the
discrepancies) are built as strings rather than looped in Jinja, and the pages are written by a thread
while the next ones are rendered.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import queue
import shutil
import threading
import traceback
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.filters import do_truncate
from markupsafe import Markup

from pipeline.core.report import charts, data, search
from pipeline.core.report.versions import (Mention, esc, in_order, read_text, side_by_side, source_html,
                                           source_page_name, version_cells)

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 200  # rows of a list page: 10,000 documents are 50 pages, not one huge page
FRONT_ROWS = 20  # rows of each list shown on the front page
MARKER = ".bicentennial-report"  # a folder with this file was written here, and may be rewritten
_SUBDIRS = ("documents", "sources", "stories", "lists")


def num(v) -> str:
    """A figure as the pages print it (the templates' ``num`` filter)."""
    return "" if v is None else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}")


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      auto_reload=False,  # no stat of the template files on every include, 25,000 times
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = num
    env.filters["page"] = source_page_name
    return env


def _prepare(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    if (out_dir / MARKER).exists():  # a report written before: drop its pages, keep nothing stale
        for sub in _SUBDIRS:
            shutil.rmtree(out_dir / sub, ignore_errors=True)
    (out_dir / MARKER).write_text("written by pipeline.core.report.write_report\n", encoding="utf-8")
    for sub in _SUBDIRS:
        (out_dir / sub).mkdir(exist_ok=True)
    for name in ("report.css", "search.js"):
        shutil.copyfile(HERE / "static" / name, out_dir / name)


PARALLEL_MIN_DOCUMENTS = 1000  # fewer documents are written quicker than a process starts
HELPER_SHARE = 16  # of every 20 documents, those the helper process writes (this one also writes the stories and lists)
# A forked helper maps all of this process's memory: from a big process (a Dagster run at 10,000 files holds
# ~2 GB when it publishes) the process tree's RSS doubles (the run measured 4.2 GB), so the helper is only
# forked from a small one (`pipeline report`, the benchmark). PIPELINE_REPORT_HELPER=1 forces it, =0 forbids it.
HELPER_MAX_RSS = 1 << 30


def _rss() -> int | None:
    """This process's resident memory in bytes (Linux), or None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _parallel(n_documents: int) -> bool:
    setting = os.environ.get("PIPELINE_REPORT_HELPER", "auto")
    if setting == "0" or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return False
    if setting == "1":
        return True
    rss = _rss()
    return n_documents >= PARALLEL_MIN_DOCUMENTS and rss is not None and rss < HELPER_MAX_RSS


class _Helper:
    """A forked process writing some of the pages: it has the data already read (no pickling, no second
    query) and its own writer thread. Forked before this process starts its writer thread, it uses no lock
    of this process; it ends with os._exit (multiprocessing's), never returning into the caller's code.
    ``wait`` raises if it failed."""

    def __init__(self, work):
        ctx = multiprocessing.get_context("fork")
        self._conn, child_end = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=self._run, args=(work, child_end), name="report-pages", daemon=True)
        self._proc.start()
        child_end.close()

    @staticmethod
    def _run(work, conn) -> None:
        try:
            files = _Writer()
            try:
                work(files)
            finally:
                files.close()
            conn.send(None)
        except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
            conn.send(traceback.format_exc())
        finally:
            conn.close()

    def wait(self) -> None:
        try:
            error = self._conn.recv()
        except EOFError:
            error = "it ended without a word"
        self._proc.join()
        if error is not None or self._proc.exitcode != 0:
            raise RuntimeError(f"the report's helper process failed (exit {self._proc.exitcode}): {error}")


class _Writer:
    """Pages written to disk by a thread while the next ones are rendered (a write's system calls
    release the GIL); at most ``depth`` pages wait in memory. ``close`` raises the first error."""

    def __init__(self, depth: int = 256):
        self._queue: queue.Queue = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None  # started by the first write (after any fork)

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None:
                try:
                    with open(item[0], "w", encoding="utf-8") as f:
                        f.write(item[1])
                except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread by write/close
                    self._error = exc

    def write(self, path: Path, text: str) -> None:
        if self._error is not None:
            raise self._error
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="report-writer", daemon=True)
            self._thread.start()
        self._queue.put((path, text))

    def close(self) -> None:
        if self._thread is None:
            return
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error


def story_page_name(story_id: str, page: int = 1) -> str:
    return f"{story_id}.html" if page == 1 else f"{story_id}-{page}.html"


class Fact(NamedTuple):
    document_id: str
    fact_id: str
    kind: str
    value: float | None
    unit: str | None
    value_kg: float | None
    subject: str | None
    has_conflict: bool | None
    conflicting_values: list | None
    source_files: list | None


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


MENTIONS_SQL = """
    SELECT measurement_id, source_file, char_start, char_end, surface, kind, value, unit, value_kg, subject, fact_id,
           sentence, quarantine_reason,
           coalesce(fact_id IN (SELECT fact_id FROM facts WHERE has_conflict), false) AS conflict
    FROM measurements ORDER BY source_file, char_start, char_end, measurement_id"""
FACTS_SQL = f"SELECT {', '.join(Fact._fields)} FROM facts ORDER BY document_id, fact_id"
CLAIMS_SQL = f"SELECT {', '.join(Claim._fields)} FROM claims ORDER BY story_id, claim_id"


def _fact_rows(facts: list[Fact], versions: list[dict]) -> Markup:
    """A document page's facts as table rows, a column per version saying whether it states the fact."""
    out = []
    for f in facts:
        conflict = (' <span class="conflict">vs ' + esc(", ".join(num(v) for v in f.conflicting_values)) + "</span>"
                    if f.has_conflict and f.conflicting_values else "")
        files = f.source_files or ()
        stated = "".join('<td class="stated">✓</td>' if v["source_file"] in files else '<td class="left-out">left out</td>'
                         for v in versions)
        out.append(f'<tr class="{"conflict-row" if f.has_conflict else ""}"><td>{esc(f.kind)}</td>'
                   f'<td class="num">{esc(num(f.value))}{conflict}</td>\n<td>{esc(f.unit)}</td>'
                   f'<td class="num">{esc(num(f.value_kg))}</td><td>{esc(f.subject or "")}</td>\n{stated}</tr>')
    return Markup("".join(out))


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


class _Titles:
    """Documents' titles, truncated as the pages show them (each title truncated once, not once per row)."""

    def __init__(self, env: Environment, titles: dict[str, str]):
        self.env, self.titles, self._cut = env, titles, {}

    def cut(self, document_id: str, length: int) -> str:
        key = (document_id, length)
        if key not in self._cut:
            self._cut[key] = esc(do_truncate(self.env, self.titles.get(document_id, document_id), length))
        return self._cut[key]


def _discrepancy_rows(titles: _Titles):
    """The discrepancies table's rows (templates/_discrepancies.html), built as one string per table."""
    def rows(discrepancies: list[dict], prefix: str) -> Markup:
        out = []
        for d in discrepancies:
            a, b = d["document_id_a"], d["document_id_b"]
            out.append(
                f'<tr class="discrepancy"><td>{esc(d["event_date"])}</td><td>{esc(d["kind"])}</td>'
                f'<td>{esc(d["subject"] or "")}</td>\n'
                f'<td><a href="{prefix}documents/{esc(a)}.html">{titles.cut(a, 60)}</a></td>'
                f'<td class="num conflict">{esc(num(d["value_a"]))}</td>\n'
                f'<td><a href="{prefix}documents/{esc(b)}.html">{titles.cut(b, 60)}</a></td>'
                f'<td class="num conflict">{esc(num(d["value_b"]))}</td>\n'
                f'<td>{", ".join(esc(n) for n in (d.get("shared_names") or []))}</td></tr>')
        return Markup("".join(out))
    return rows


def _paginate(env, files: _Writer, out_dir: Path, name: str, title: str, template: str, rows: list, **extra) -> int:
    pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
    tpl = env.get_template(template)
    for n in range(1, pages + 1):
        files.write(out_dir / "lists" / f"{name}-{n}.html", tpl.render(
            prefix="../", title=title, rows=rows[(n - 1) * PAGE_SIZE:n * PAGE_SIZE], page=n, pages=pages,
            name=name, total=len(rows), first=(n - 1) * PAGE_SIZE + 1, **extra))
    return pages


def write_report(warehouse_path: Path, out_dir: Path, sources_dir: Path | None = None) -> Path:
    """Write the report of the warehouse at ``warehouse_path`` into ``out_dir``; return its index.html.

    The warehouse is opened read-only. ``sources_dir`` holds the source files (for the versions'
    full texts and the per-source pages with each figure's characters marked); without it, or for
    a file that changed since, pages show the sentences the measurements recorded.
    """
    warehouse_path, out_dir = Path(warehouse_path), Path(out_dir)
    sources_dir = Path(sources_dir) if sources_dir is not None else None
    env = _env()
    _prepare(out_dir)
    files = _Writer()
    try:
        index = _write_pages(env, files, warehouse_path, out_dir, sources_dir)
    finally:
        files.close()
    return index


def _write_pages(env: Environment, files: _Writer, warehouse_path: Path, out_dir: Path,
                 sources_dir: Path | None) -> Path:
    charts.write_plotly_js(out_dir)
    with data.connect(warehouse_path) as con:
        have = data.tables(con)
        has_stories = {"stories", "claims"} <= have
        env.globals["has_stories"] = has_stories
        q = lambda sql, params=None: data.rows(con, sql, params)  # noqa: E731

        sources = q("SELECT * FROM sources ORDER BY source_file")
        documents = q("SELECT * FROM documents ORDER BY published_on NULLS LAST, document_id")
        facts = [Fact._make(r) for r in data.tuples(con, FACTS_SQL)]
        mentions = [Mention._make(r) for r in data.tuples(con, MENTIONS_SQL)]
        discrepancies = q("SELECT * FROM discrepancies ORDER BY event_date, discrepancy_id")
        commitments = q("SELECT document_id, ordinal, text FROM commitments ORDER BY document_id, ordinal") \
            if "commitments" in have else []

    titles = {d["document_id"]: d.get("title") or "(untitled)" for d in documents}
    cut = _Titles(env, titles)
    env.globals["discrepancy_rows"] = _discrepancy_rows(cut)
    n_conflict_facts = sum(bool(f.has_conflict) for f in facts)
    by_file: dict[str, list[Mention]] = data.grouped(mentions, 1)
    facts_by_doc: dict[str, list[Fact]] = data.grouped(facts, 0)
    sources_by_doc: dict[str, list[dict]] = {}
    for s in sources:
        if s.get("document_id"):
            sources_by_doc.setdefault(s["document_id"], []).append(s)
    discrepancies_by_doc: dict[str, list[dict]] = {}
    for d in discrepancies:
        for side in ("a", "b"):
            discrepancies_by_doc.setdefault(d[f"document_id_{side}"], []).append(d)
    commitments_by_doc: dict[str, list[dict]] = {}
    for c in commitments:
        commitments_by_doc.setdefault(c["document_id"], []).append(c)
    quarantined = [m for m in mentions if m.quarantine_reason]

    # per source file: the text with every figure's characters marked; its document's page uses the
    # same text, split into sentences (read once, for both pages, and not kept)
    src_tpl = env.get_template("source.html")

    def source_page(s: dict, files: _Writer) -> tuple[str | None, list[Mention]]:
        """Write a source file's page; return its text (None if not read) and its mentions in_order."""
        text, why = (None, s.get("reject_reason")) if s["status"] != "ok" else \
            read_text(sources_dir, s["source_file"], s.get("sha256"))
        file_mentions = by_file.get(s["source_file"], [])
        ordered = in_order(file_mentions)
        body = Markup(source_html(text, ordered)) if text is not None else None
        files.write(out_dir / "sources" / source_page_name(s["source_file"]), src_tpl.render(
            prefix="../", title=s["source_file"], source=s, body=body, why=why, mentions=file_mentions,
            doc_title=titles.get(s.get("document_id"))))
        return text, ordered

    # per document: versions side by side, figures stated or left out, conflicts
    doc_tpl = env.get_template("document.html")

    def document_pages(docs: list[dict], files: _Writer) -> None:
        for d in docs:
            versions = sorted(sources_by_doc.get(d["document_id"], []),
                              key=lambda s: (not s["is_canonical"], s["source_file"]))
            shown, sentences, cells = [], [], []
            for v in versions:
                text, ordered = source_page(v, files)
                shown.append({**v, "text": None if text is None else True})  # the template asks only whether it is there
                version_sentences, version_cells_ = version_cells(text, ordered, "../")
                sentences.append(version_sentences)
                cells.append(version_cells_)
            doc_facts = facts_by_doc.get(d["document_id"], [])
            files.write(out_dir / "documents" / f"{d['document_id']}.html", doc_tpl.render(
                prefix="../", title=titles[d["document_id"]], doc=d, versions=shown,
                rows_html=Markup(side_by_side(sentences, cells)) if versions else Markup(""),
                facts_html=_fact_rows(doc_facts, shown), commitments=commitments_by_doc.get(d["document_id"], []),
                discrepancies=discrepancies_by_doc.get(d["document_id"], []), titles=titles,
                story_id=d.get("story_id") if has_stories else None))

    # most documents (and their source files) in a forked process, the rest here beside the stories and lists
    helper = None
    if _parallel(len(documents)):
        theirs = [d for i, d in enumerate(documents) if i % 20 < HELPER_SHARE]
        helper = _Helper(lambda files: document_pages(theirs, files))
    document_pages([d for i, d in enumerate(documents) if helper is None or i % 20 >= HELPER_SHARE], files)
    in_documents = {s["source_file"] for d in documents for s in sources_by_doc.get(d["document_id"], [])}
    for s in sources:  # the files of no document (rejected ones)
        if s["source_file"] not in in_documents:
            source_page(s, files)

    # what only this process needs (the stories, the front page), read while the helper writes pages
    with data.connect(warehouse_path) as con:
        q = lambda sql, params=None: data.rows(con, sql, params)  # noqa: E731
        validation = q("SELECT * FROM validation_results ORDER BY severity, suite, expectation, column_name")
        stories = q("SELECT * FROM stories ORDER BY first_published_on NULLS LAST, story_id") if has_stories else []
        claims = [Claim._make(r) for r in data.tuples(con, CLAIMS_SQL)] if has_stories else []
        mass = data.mass_by_substance_year(con, has_stories)
        kinds = data.frame(con, "SELECT kind, count(*) AS n FROM facts GROUP BY kind ORDER BY n DESC, kind")
        months = data.frame(con, """SELECT coalesce(strftime(published_on, '%Y-%m'), 'undated') AS month, count(*) AS n
                                    FROM documents GROUP BY ALL ORDER BY month""")

    # per story: its documents and the claims merged across them
    claims_by_story: dict[str, list[Claim]] = data.grouped(claims, 0)
    if has_stories:
        story_tpl = env.get_template("story.html")
        facts_by_id = {f.fact_id: (f.value, f.unit, f.document_id) for f in facts}
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
            story_docs = [{**docs_by_id[d], "title": titles[d], "n_facts": len(facts_by_doc.get(d, []))}
                          for d in (st.get("document_ids") or []) if d in docs_by_id]
            # a story of hundreds of documents and thousands of claims: pages of PAGE_SIZE of each
            pages_n = max(1, math.ceil(len(story_claims) / PAGE_SIZE), math.ceil(len(story_docs) / PAGE_SIZE))
            n_conflicts = sum(bool(c.has_conflict) for c in story_claims)
            for n in range(1, pages_n + 1):
                part = slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE)
                files.write(out_dir / "stories" / story_page_name(sid, n), story_tpl.render(
                    prefix="../", title=st.get("title") or sid, story=st, titles=titles,
                    documents=story_docs[part], n_documents=len(story_docs), claims=story_claims[part],
                    claim_rows=_claim_rows(story_claims[part], facts_by_id, doc_link),
                    n_claims=len(story_claims), n_conflicts=n_conflicts,
                    discrepancies=discrepancies_by_story.get(sid, [])[:PAGE_SIZE] if n == 1 else [],
                    n_discrepancies=len(discrepancies_by_story.get(sid, [])), page=n, pages=pages_n,
                    page_names={k: story_page_name(sid, k) for k in (1, n - 1, n + 1, pages_n)},
                    first=(n - 1) * PAGE_SIZE + 1, page_size=PAGE_SIZE))

    doc_rows = [{**d, "title": titles[d["document_id"]], "n_facts": len(facts_by_doc.get(d["document_id"], [])),
                 "n_conflicts": sum(bool(f.has_conflict) for f in facts_by_doc.get(d["document_id"], []))}
                for d in documents]
    pages = {
        "documents": _paginate(env, files, out_dir, "documents", "Documents", "list_documents.html", doc_rows),
        "sources": _paginate(env, files, out_dir, "sources", "Source files", "list_sources.html", sources,
                             titles=titles),
        "quarantined": _paginate(env, files, out_dir, "quarantined", "Quarantined figures", "list_quarantined.html",
                                 quarantined),
        "discrepancies": _paginate(env, files, out_dir, "discrepancies", "Discrepancies", "list_discrepancies.html",
                                   discrepancies, titles=titles),
    }
    if has_stories:
        for st in stories:
            st_claims = claims_by_story.get(st["story_id"], [])
            st["n_claims"], st["n_conflicts"] = len(st_claims), sum(bool(c.has_conflict) for c in st_claims)
        pages["stories"] = _paginate(env, files, out_dir, "stories", "Stories", "list_stories.html", stories)

    search.write_index(out_dir, documents, sources, stories, source_page_name)
    files.write(out_dir / "search.html", env.get_template("search.html").render(
        prefix="", title="Search", n_rows=len(documents) + len(sources) + len(stories)))

    suites: dict[tuple[str, str], dict] = {}
    for r in validation:
        s = suites.setdefault((r["suite"], r["severity"]), {"suite": r["suite"], "severity": r["severity"],
                                                              "passed": 0, "failed": 0})
        s["passed" if r["success"] else "failed"] += 1
    index = out_dir / "index.html"
    files.write(index, env.get_template("index.html").render(
        prefix="", title="Bicentennial statements warehouse", warehouse=warehouse_path.name,
        n_ok=sum(s["status"] == "ok" for s in sources), n_rejected=sum(s["status"] != "ok" for s in sources),
        rejected=[s for s in sources if s["status"] != "ok"][:FRONT_ROWS],
        n_documents=len(documents), n_facts=len(facts), n_conflicts=n_conflict_facts,
        n_measurements=len(mentions), n_stories=len(stories), n_claims=len(claims), has_stories=has_stories,
        documents=doc_rows[:FRONT_ROWS], stories=stories[:FRONT_ROWS], discrepancies=discrepancies[:FRONT_ROWS],
        n_discrepancies=len(discrepancies), quarantined=quarantined[:FRONT_ROWS], n_quarantined=len(quarantined),
        suites=sorted(suites.values(), key=lambda s: (s["severity"], s["suite"])),
        failed_checks=[r for r in validation if not r["success"]][:FRONT_ROWS],
        n_checks=len(validation), n_failed=sum(not r["success"] for r in validation), titles=titles, pages=pages,
        chart_mass=charts.mass_chart(mass, "claims" if has_stories else "facts"),
        chart_kinds=charts.kinds_chart(kinds), chart_months=charts.months_chart(months),
    ))
    if helper is not None:
        helper.wait()
    return index
