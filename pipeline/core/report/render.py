"""write_report: the warehouse as static pages (Jinja2 templates in this package) and charts."""
from __future__ import annotations

import math
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from pipeline.core.report import charts, data, search
from pipeline.core.report.versions import read_text, rows_html, side_by_side, source_html, source_page_name

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 200  # rows of a list page: 10,000 documents are 50 pages, not one huge page
FRONT_ROWS = 20  # rows of each list shown on the front page
MARKER = ".bicentennial-report"  # a folder with this file was written here, and may be rewritten
_SUBDIRS = ("documents", "sources", "stories", "lists")


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = lambda v: "" if v is None else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}")
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


def story_page_name(story_id: str, page: int = 1) -> str:
    return f"{story_id}.html" if page == 1 else f"{story_id}-{page}.html"


STATED_DOCS = 8  # documents named beside each value a claim is stated as; the others counted


def _stated_as(claim: dict, facts_by_id: dict[str, dict]) -> list[dict]:
    """The values a claim's facts state, each with the documents stating it (the claim's own value first)."""
    groups: dict[tuple, list[str]] = {}
    for fid in claim.get("fact_ids") or []:
        f = facts_by_id.get(fid)
        if f is not None:
            groups.setdefault((f["value"], f["unit"]), []).append(f["document_id"])
    out = [{"value": v, "unit": u, "documents": sorted(set(docs))[:STATED_DOCS],
            "n_more": max(0, len(set(docs)) - STATED_DOCS), "differs": (v, u) != (claim["value"], claim["unit"])}
           for (v, u), docs in groups.items()]
    return sorted(out, key=lambda g: (g["differs"], -len(g["documents"]) - g["n_more"]))


DISAGREE = '<span class="conflict">disagree</span>'


def _claim_rows(claims: list[dict], num) -> Markup:
    """A story page's claims as table rows (built here: thousands of rows at 10,000 files)."""
    out = []
    for c in claims:
        stated = "".join(
            f'<li><span class="{"conflict" if g["differs"] else "value"}">{escape(num(g["value"]))} {escape(g["unit"])}</span>'
            f' in {g["links"]}' + (f' and {g["n_more"]} more' if g["n_more"] else "") + "</li>" for g in c["stated"])
        out.append(
            f'<tr class="{"conflict-row" if c["has_conflict"] else ""}" id="{escape(c["claim_id"])}"><td>{escape(c["kind"])}</td>'
            f'<td class="num">{escape(num(c["value"]))}</td><td>{escape(c["unit"])}</td><td class="num">{escape(num(c["value_kg"]))}</td>\n'
            f'<td>{escape(c["subject"] or "")}</td><td class="num">{escape(c["n_documents"])}</td>\n'
            f'<td>{DISAGREE if c["has_conflict"] else ""}<ul class="stated-as">{stated}</ul></td></tr>')
    return Markup("".join(out))


def _paginate(env, out_dir: Path, name: str, title: str, template: str, rows: list[dict], **extra) -> int:
    pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
    tpl = env.get_template(template)
    for n in range(1, pages + 1):
        (out_dir / "lists" / f"{name}-{n}.html").write_text(tpl.render(
            prefix="../", title=title, rows=rows[(n - 1) * PAGE_SIZE:n * PAGE_SIZE], page=n, pages=pages,
            name=name, total=len(rows), first=(n - 1) * PAGE_SIZE + 1, **extra), encoding="utf-8")
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
    charts.write_plotly_js(out_dir)
    with data.connect(warehouse_path) as con:
        have = data.tables(con)
        has_stories = {"stories", "claims"} <= have
        env.globals["has_stories"] = has_stories
        q = lambda sql, params=None: data.rows(con, sql, params)  # noqa: E731

        sources = q("SELECT * FROM sources ORDER BY source_file")
        documents = q("SELECT * FROM documents ORDER BY published_on NULLS LAST, document_id")
        facts = q("SELECT * FROM facts ORDER BY document_id, fact_id")
        measurements = q("""SELECT measurement_id, source_file, document_id, char_start, char_end, surface, kind,
                                   value, unit, value_kg, subject, qualifier, fact_id, sentence, quarantine_reason
                            FROM measurements ORDER BY source_file, char_start, char_end, measurement_id""")
        discrepancies = q("SELECT * FROM discrepancies ORDER BY event_date, discrepancy_id")
        validation = q("SELECT * FROM validation_results ORDER BY severity, suite, expectation, column_name")
        commitments = q("SELECT * FROM commitments ORDER BY document_id, ordinal") if "commitments" in have else []
        stories = q("SELECT * FROM stories ORDER BY first_published_on NULLS LAST, story_id") if has_stories else []
        claims = q("SELECT * FROM claims ORDER BY story_id, claim_id") if has_stories else []
        mass = data.mass_by_substance_year(con, has_stories)
        kinds = data.frame(con, "SELECT kind, count(*) AS n FROM facts GROUP BY kind ORDER BY n DESC, kind")
        months = data.frame(con, """SELECT coalesce(strftime(published_on, '%Y-%m'), 'undated') AS month, count(*) AS n
                                    FROM documents GROUP BY ALL ORDER BY month""")

    titles = {d["document_id"]: d.get("title") or "(untitled)" for d in documents}
    conflict_facts = {f["fact_id"] for f in facts if f["has_conflict"]}
    by_file: dict[str, list[dict]] = {}
    for m in measurements:
        by_file.setdefault(m["source_file"], []).append(m)
    facts_by_doc: dict[str, list[dict]] = {}
    for f in facts:
        facts_by_doc.setdefault(f["document_id"], []).append(f)
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
    quarantined = [m for m in measurements if m.get("quarantine_reason")]

    # per source file: the text with every figure's characters marked
    texts: dict[str, str | None] = {}
    src_tpl = env.get_template("source.html")
    for s in sources:
        text, why = (None, s.get("reject_reason")) if s["status"] != "ok" else \
            read_text(sources_dir, s["source_file"], s.get("sha256"))
        texts[s["source_file"]] = text
        mentions = by_file.get(s["source_file"], [])
        body = source_html(text, mentions, conflict_facts) if text is not None else None
        (out_dir / "sources" / source_page_name(s["source_file"])).write_text(src_tpl.render(
            prefix="../", title=s["source_file"], source=s, body=body, why=why, mentions=mentions,
            doc_title=titles.get(s.get("document_id"))), encoding="utf-8")

    # per document: versions side by side, figures stated or left out, conflicts
    doc_tpl = env.get_template("document.html")
    for d in documents:
        versions = sorted(sources_by_doc.get(d["document_id"], []),
                          key=lambda s: (not s["is_canonical"], s["source_file"]))
        for v in versions:
            v["text"] = texts.get(v["source_file"])
        rows = side_by_side(versions, by_file, conflict_facts, "../") if versions else []
        doc_facts = facts_by_doc.get(d["document_id"], [])
        (out_dir / "documents" / f"{d['document_id']}.html").write_text(doc_tpl.render(
            prefix="../", title=titles[d["document_id"]], doc=d, versions=versions, rows_html=rows_html(rows), facts=doc_facts,
            commitments=commitments_by_doc.get(d["document_id"], []),
            discrepancies=discrepancies_by_doc.get(d["document_id"], []), titles=titles,
            story_id=d.get("story_id") if has_stories else None), encoding="utf-8")

    # per story: its documents and the claims merged across them
    claims_by_story: dict[str, list[dict]] = {}
    for c in claims:
        claims_by_story.setdefault(c["story_id"], []).append(c)
    if has_stories:
        story_tpl = env.get_template("story.html")
        facts_by_id = {f["fact_id"]: f for f in facts}
        docs_by_id = {d["document_id"]: d for d in documents}
        discrepancies_by_story: dict[str, list[dict]] = {}
        for d in discrepancies:
            for sid in {d.get("story_id_a"), d.get("story_id_b")} - {None}:
                discrepancies_by_story.setdefault(sid, []).append(d)
        links: dict[str, str] = {}

        def doc_link(d: str) -> str:
            if d not in links:
                links[d] = str(Markup('<a href="../documents/{}.html">{}</a>').format(
                    d, do_truncate(env, titles.get(d, d), 50)))
            return links[d]

        for st in stories:
            sid = st["story_id"]
            story_claims = sorted(claims_by_story.get(sid, []),  # disagreements first, then the most stated
                                  key=lambda c: (not c["has_conflict"], -(c["n_documents"] or 0), c["claim_id"]))
            for c in story_claims:
                c["stated"] = _stated_as(c, facts_by_id)
                for g in c["stated"]:  # each document's link built once, not once per claim
                    g["links"] = Markup(", ".join(doc_link(d) for d in g["documents"]))
            story_docs = [{**docs_by_id[d], "title": titles[d], "n_facts": len(facts_by_doc.get(d, []))}
                          for d in (st.get("document_ids") or []) if d in docs_by_id]
            # a story of hundreds of documents and thousands of claims: pages of PAGE_SIZE of each
            pages_n = max(1, math.ceil(len(story_claims) / PAGE_SIZE), math.ceil(len(story_docs) / PAGE_SIZE))
            for n in range(1, pages_n + 1):
                part = slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE)
                (out_dir / "stories" / story_page_name(sid, n)).write_text(story_tpl.render(
                    prefix="../", title=st.get("title") or sid, story=st, titles=titles,
                    documents=story_docs[part], n_documents=len(story_docs), claims=story_claims[part],
                    claim_rows=_claim_rows(story_claims[part], env.filters["num"]),
                    n_claims=len(story_claims), n_conflicts=sum(c["has_conflict"] for c in story_claims),
                    discrepancies=discrepancies_by_story.get(sid, [])[:PAGE_SIZE] if n == 1 else [],
                    n_discrepancies=len(discrepancies_by_story.get(sid, [])), page=n, pages=pages_n,
                    page_names={k: story_page_name(sid, k) for k in (1, n - 1, n + 1, pages_n)},
                    first=(n - 1) * PAGE_SIZE + 1, page_size=PAGE_SIZE), encoding="utf-8")

    doc_rows = [{**d, "title": titles[d["document_id"]], "n_facts": len(facts_by_doc.get(d["document_id"], [])),
                 "n_conflicts": sum(f["has_conflict"] for f in facts_by_doc.get(d["document_id"], []))}
                for d in documents]
    pages = {
        "documents": _paginate(env, out_dir, "documents", "Documents", "list_documents.html", doc_rows),
        "sources": _paginate(env, out_dir, "sources", "Source files", "list_sources.html", sources, titles=titles),
        "quarantined": _paginate(env, out_dir, "quarantined", "Quarantined figures", "list_quarantined.html",
                                 quarantined),
        "discrepancies": _paginate(env, out_dir, "discrepancies", "Discrepancies", "list_discrepancies.html",
                                   discrepancies, titles=titles),
    }
    if has_stories:
        for st in stories:
            st_claims = claims_by_story.get(st["story_id"], [])
            st["n_claims"], st["n_conflicts"] = len(st_claims), sum(c["has_conflict"] for c in st_claims)
        pages["stories"] = _paginate(env, out_dir, "stories", "Stories", "list_stories.html", stories)

    search.write_index(out_dir, documents, sources, stories, source_page_name)
    (out_dir / "search.html").write_text(env.get_template("search.html").render(
        prefix="", title="Search", n_rows=len(documents) + len(sources) + len(stories)), encoding="utf-8")

    suites: dict[tuple[str, str], dict] = {}
    for r in validation:
        s = suites.setdefault((r["suite"], r["severity"]), {"suite": r["suite"], "severity": r["severity"],
                                                              "passed": 0, "failed": 0})
        s["passed" if r["success"] else "failed"] += 1
    index = out_dir / "index.html"
    index.write_text(env.get_template("index.html").render(
        prefix="", title="Bicentennial statements warehouse", warehouse=warehouse_path.name,
        n_ok=sum(s["status"] == "ok" for s in sources), n_rejected=sum(s["status"] != "ok" for s in sources),
        rejected=[s for s in sources if s["status"] != "ok"][:FRONT_ROWS],
        n_documents=len(documents), n_facts=len(facts), n_conflicts=len(conflict_facts),
        n_measurements=len(measurements), n_stories=len(stories), n_claims=len(claims), has_stories=has_stories,
        documents=doc_rows[:FRONT_ROWS], stories=stories[:FRONT_ROWS], discrepancies=discrepancies[:FRONT_ROWS],
        n_discrepancies=len(discrepancies), quarantined=quarantined[:FRONT_ROWS], n_quarantined=len(quarantined),
        suites=sorted(suites.values(), key=lambda s: (s["severity"], s["suite"])),
        failed_checks=[r for r in validation if not r["success"]][:FRONT_ROWS],
        n_checks=len(validation), n_failed=sum(not r["success"] for r in validation), titles=titles, pages=pages,
        chart_mass=charts.mass_chart(mass, "claims" if has_stories else "facts"),
        chart_kinds=charts.kinds_chart(kinds), chart_months=charts.months_chart(months),
    ), encoding="utf-8")
    return index
