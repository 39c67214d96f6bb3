"""The report's document and source pages, written by this process or by a helper process (issue 18).

At 10,000 files these are ~18,000 of the report's ~25,500 pages and most of its time. They are
written by *parts*: the documents in the order the lists show them (published_on, document_id),
document i in slot ``i % SLOTS``; a part is a range of slots. Each part reads from the warehouse
only its own documents' rows (sources, measurements, facts, discrepancies, commitments), so a
helper process started fresh (``python -m pipeline.core.report.helper``, not forked: a fork of a
2 GB Dagster run doubled the tree's RSS) holds its share of the data and no more, and this
process reads no more than its own share.

Every page is written through ``Pages``: a page whose inputs (the rows it shows, the source file's
checksum, the code and templates that render it) hash to the key recorded for it in the previous
report's manifest is hard-linked from that report instead of rendered, so a rerun rewrites only
the pages whose content changed; the result is byte for byte the report written from nothing.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import queue
import sys
import threading
from pathlib import Path
from typing import NamedTuple

import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.filters import do_truncate
from markupsafe import Markup

from pipeline.core.ingest import decode
from pipeline.core.report import data
from pipeline.core.report.versions import (Mention, esc, in_order, read_source, side_by_side, source_html,
                                           source_page_name, version_cells)

HERE = Path(__file__).resolve().parent
MANIFEST = ".report-pages.json"  # page -> the key of its inputs, read by the next report (see Pages)
SLOTS = 20  # documents are dealt to parts by slot: document i (in list order) is in slot i % SLOTS


def num(v) -> str:
    """A figure as the pages print it (the templates' ``num`` filter)."""
    return "" if v is None else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}")


def env() -> Environment:
    e = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                    auto_reload=False,  # no stat of the template files on every include, 25,000 times
                    trim_blocks=True, lstrip_blocks=True)
    e.filters["num"] = num
    e.filters["page"] = source_page_name
    return e


# -- writing pages ----------------------------------------------------------------------------------

class Writer:
    """Pages written to disk by a thread while the next ones are rendered (a write's system calls
    release the GIL); at most ``depth`` pages wait in memory. ``close`` raises the first error.
    A page is encoded here, so the thread holds the GIL only to call the system. ``threaded=False``:
    written at once, in the caller's thread (when two processes already keep both cores busy, a thread
    gains no core and its three GIL hand-overs a page cost time)."""

    def __init__(self, depth: int = 256, threaded: bool = True):
        self.threaded = threaded
        self._queue: queue.Queue = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None  # started by the first write

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None:
                try:
                    with open(item[0], "wb") as f:
                        f.write(item[1])
                except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread by write/close
                    self._error = exc

    def write(self, path: Path, text: str) -> None:
        if self._error is not None:
            raise self._error
        if not self.threaded:
            with open(path, "wb") as f:
                f.write(text.encode("utf-8"))
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="report-writer", daemon=True)
            self._thread.start()
        self._queue.put((path, text.encode("utf-8")))

    def close(self) -> None:
        if self._thread is None:
            return
        self._queue.put(None)
        self._thread.join()
        self._thread = None
        if self._error is not None:
            raise self._error


def _code_key() -> str:
    """What renders the pages: every file of this package (code, templates, styles) and the sentence
    splitter and decoder it uses. A change to any of them changes every page's key."""
    h = hashlib.sha256()
    files = sorted(p for p in HERE.rglob("*") if p.is_file() and p.suffix in (".py", ".html", ".css", ".js"))
    files += [HERE.parent / "ingest.py", HERE.parent / "extract" / "sentences.py"]
    for p in files:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    h.update(f"python {sys.version_info[:2]} jinja2 {jinja2.__version__}".encode())
    return h.hexdigest()


def page_key(code: str, inputs) -> str:
    """A page's key: the hash of its inputs (rows of plain values: str, numbers, dates, lists, dicts, tuples)
    pickled without the memo (``fast``), so equal values give equal bytes whichever objects hold them
    (3x quicker than their repr), and of the code."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=5)
    pickler.fast = True
    pickler.dump(inputs)
    h = hashlib.blake2b(code.encode("ascii"), digest_size=16)
    h.update(buf.getbuffer())
    return h.hexdigest()


class Pages:
    """Where pages go: each page is named (relative to ``out_dir``) with the key of its inputs; a page
    whose key equals the one ``previous`` (an earlier report, read through a descriptor of its folder,
    so a report renamed meanwhile is still the one whose manifest was read) recorded for it is linked
    from there (copied if it cannot be linked), the others rendered and written. ``manifest`` is every
    page's key."""

    def __init__(self, out_dir: Path, previous: Path | None = None, writer: Writer | None = None):
        self.out_dir, self.writer = out_dir, writer if writer is not None else Writer()
        self.manifest: dict[str, str] = {}
        self.code = _code_key()
        self.kept = self.written = 0
        self._before: dict[str, str] = {}
        self._fd: int | None = None
        if previous is not None:
            try:
                self._fd = os.open(previous, os.O_RDONLY | os.O_DIRECTORY)
                with open(MANIFEST, "rb", opener=lambda p, f: os.open(p, f, dir_fd=self._fd)) as fh:
                    before = json.loads(fh.read())
                if isinstance(before, dict) and before.get("code") == self.code:
                    self._before = before.get("pages", {})
            except (OSError, ValueError):
                self._before = {}

    context: tuple = ()  # what every page shows beside its own rows (whether the warehouse has stories: the menu)

    def key(self, inputs) -> str:
        return page_key(self.code, (self.context, inputs))

    def keep(self, rel: str, key: str) -> bool:
        """Record ``rel``'s key; True if the previous report's page of the same key now is ``rel`` here."""
        self.manifest[rel] = key
        if self._before.get(rel) != key:
            return False
        try:
            os.link(rel, self.out_dir / rel, src_dir_fd=self._fd)
        except OSError:
            try:  # another file system, or no hard links: a copy
                with open(rel, "rb", opener=lambda p, f: os.open(p, f, dir_fd=self._fd)) as fh:
                    self.writer.write(self.out_dir / rel, fh.read().decode("utf-8"))
            except (OSError, UnicodeDecodeError):
                return False
        self.kept += 1
        return True

    def write(self, rel: str, text: str, key: str | None = None) -> None:
        if key is not None:
            self.manifest[rel] = key
        self.written += 1
        self.writer.write(self.out_dir / rel, text)

    def close(self) -> None:
        try:
            self.writer.close()
        finally:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


def write_manifest(out_dir: Path, code: str, manifest: dict[str, str]) -> None:
    payload = {"code": code, "pages": dict(sorted(manifest.items()))}
    (out_dir / MANIFEST).write_text(json.dumps(payload, indent=0, sort_keys=False) + "\n", encoding="utf-8")


# -- what the document pages show ------------------------------------------------------------------

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


MENTION_COLUMNS = """measurement_id, source_file, char_start, char_end, surface, kind, value, unit, value_kg, subject,
           fact_id, sentence, quarantine_reason,
           coalesce(fact_id IN (SELECT fact_id FROM facts WHERE has_conflict), false) AS conflict"""
MENTION_ORDER = "ORDER BY source_file, char_start, char_end, measurement_id"
DOCUMENTS_SQL = "SELECT * FROM documents ORDER BY published_on NULLS LAST, document_id"


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


class Titles:
    """Documents' titles, truncated as the pages show them (each title truncated once, not once per row)."""

    def __init__(self, e: Environment, titles: dict[str, str]):
        self.env, self.titles, self._cut = e, titles, {}

    def cut(self, document_id: str, length: int) -> str:
        key = (document_id, length)
        if key not in self._cut:
            self._cut[key] = esc(do_truncate(self.env, self.titles.get(document_id, document_id), length))
        return self._cut[key]


def discrepancy_rows(titles: Titles):
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


def discrepancy_titles(titles: dict[str, str], discrepancies: list[dict]) -> list:
    """The titles a discrepancies table shows (a page's key holds them: a title may change elsewhere)."""
    return [(titles.get(d["document_id_a"]), titles.get(d["document_id_b"])) for d in discrepancies]


CHUNK = 1000  # documents whose rows are in memory at once: a part reads its rows chunk by chunk


def _part_sql(part: tuple[int, int], start: int, stop: int) -> str:
    """The document ids of a part's chunk: those in slots [lo, hi) of the list order, from ``start`` to ``stop``."""
    lo, hi = part
    return (f"SELECT document_id FROM (SELECT document_id, row_number() OVER (ORDER BY published_on NULLS LAST, "
            f"document_id) - 1 AS i FROM documents) WHERE i % {SLOTS} >= {int(lo)} AND i % {SLOTS} < {int(hi)} "
            f"AND i >= {int(start)} AND i < {int(stop)}")


NO_DOCUMENT = "document_id IS NULL OR document_id NOT IN (SELECT document_id FROM documents)"


class _Rows(NamedTuple):
    sources: list[dict]
    by_file: dict
    facts_by_doc: dict
    discrepancies_by_doc: dict
    commitments_by_doc: dict


def _read(con, have: set[str], mine: str | None, where_sources: str) -> _Rows:
    """The rows of some documents (``mine``, a query of their ids; None: no document) and of their sources."""
    sources = data.rows(con, f"SELECT * FROM sources WHERE {where_sources} ORDER BY source_file")
    mentions = [Mention._make(r) for r in data.tuples(
        con, f"SELECT {MENTION_COLUMNS} FROM measurements WHERE source_file IN "
             f"(SELECT source_file FROM sources WHERE {where_sources}) {MENTION_ORDER}")]
    if mine is None:
        return _Rows(sources, data.grouped(mentions, 1), {}, {}, {})
    facts = [Fact._make(r) for r in data.tuples(
        con, f"SELECT {', '.join(Fact._fields)} FROM facts WHERE document_id IN ({mine}) ORDER BY document_id, fact_id")]
    discrepancies = data.rows(con, f"SELECT * FROM discrepancies WHERE document_id_a IN ({mine}) OR document_id_b "
                                   f"IN ({mine}) ORDER BY event_date, discrepancy_id")
    commitments = data.rows(con, f"SELECT document_id, ordinal, text FROM commitments WHERE document_id IN ({mine}) "
                                 "ORDER BY document_id, ordinal") if "commitments" in have else []
    discrepancies_by_doc: dict[str, list[dict]] = {}
    for d in discrepancies:
        for side in ("a", "b"):
            discrepancies_by_doc.setdefault(d[f"document_id_{side}"], []).append(d)
    commitments_by_doc: dict[str, list[dict]] = {}
    for c in commitments:
        commitments_by_doc.setdefault(c["document_id"], []).append(c)
    return _Rows(sources, data.grouped(mentions, 1), data.grouped(facts, 0), discrepancies_by_doc, commitments_by_doc)


def write_document_pages(e: Environment, pages: Pages, warehouse_path: Path, sources_dir: Path | None,
                         part: tuple[int, int] = (0, SLOTS), extras: bool = True, alive=None) -> None:
    """The pages of the documents of ``part`` and of their source files, and (``extras``) of the source
    files of no document. ``alive()`` is asked now and then (a helper stops when its parent is gone)."""
    src_tpl, doc_tpl = e.get_template("source.html"), e.get_template("document.html")
    with data.connect(warehouse_path) as con:
        have = data.tables(con)
        has_stories = {"stories", "claims"} <= have
        documents = data.rows(con, DOCUMENTS_SQL)
        e.globals["has_stories"] = has_stories
        pages.context = (has_stories,)
        titles = {d["document_id"]: d.get("title") or "(untitled)" for d in documents}
        e.globals["discrepancy_rows"] = discrepancy_rows(Titles(e, titles))

        class Source:
            """A source file as its pages need it: read and checked once, decoded only if a page is rendered."""

            def __init__(self, s: dict, mentions: list[Mention]):
                self.row = s
                raw, self.why = (None, s.get("reject_reason")) if s["status"] != "ok" else \
                    read_source(sources_dir, s["source_file"], s.get("sha256"))
                self._raw = raw
                # the checksum read_source verified, or the file's own when the row has none
                self.state = ("read", s.get("sha256") or hashlib.sha256(raw).hexdigest()) if raw is not None else \
                    ("not read", self.why)
                self.mentions = mentions
                self._decoded = False
                self.text: str | None = None
                self.ordered: list[Mention] = []
                # plain tuples: their repr is C's (a NamedTuple's is Python's, 3x slower over 140,000 mentions)
                self.inputs = pages.key(("source", s, self.state, [tuple(m) for m in self.mentions]))

            def key(self, doc_title: str | None) -> str:
                """The key of the source file's own page (its document's title shows on it)."""
                return pages.key((self.inputs, doc_title))

            def decoded(self) -> "Source":
                if not self._decoded:
                    self._decoded = True
                    if self._raw is not None:
                        self.text, _, problem = decode(self._raw)
                        if self.text is None:
                            self.why = problem
                        self._raw = None
                    self.ordered = in_order(self.mentions)
                return self

        def source_page(src: Source) -> None:
            s = src.row
            rel = f"sources/{source_page_name(s['source_file'])}"
            doc_title = titles.get(s.get("document_id"))
            if pages.keep(rel, src.key(doc_title)):
                return
            src.decoded()
            body = Markup(source_html(src.text, src.ordered)) if src.text is not None else None
            pages.write(rel, src_tpl.render(prefix="../", title=s["source_file"], source=s, body=body, why=src.why,
                                            mentions=src.mentions, doc_title=doc_title))

        lo, hi = part
        for start in range(0, len(documents), CHUNK):
            mine = _part_sql(part, start, start + CHUNK)
            rows = _read(con, have, mine, f"document_id IN ({mine})")
            sources_by_doc: dict[str, list[dict]] = {}
            for s in rows.sources:
                sources_by_doc.setdefault(s["document_id"], []).append(s)
            for i in range(start, min(start + CHUNK, len(documents))):
                if not lo <= i % SLOTS < hi:
                    continue
                if alive is not None and i % 64 == 0 and not alive():
                    raise SystemExit("the report's parent process is gone")
                d = documents[i]
                doc_id = d["document_id"]
                versions = sorted(sources_by_doc.get(doc_id, []), key=lambda s: (not s["is_canonical"], s["source_file"]))
                read = [Source(v, rows.by_file.get(v["source_file"], [])) for v in versions]
                for src in read:
                    source_page(src)
                doc_facts = rows.facts_by_doc.get(doc_id, [])
                doc_commitments = rows.commitments_by_doc.get(doc_id, [])
                doc_discrepancies = rows.discrepancies_by_doc.get(doc_id, [])
                story_id = d.get("story_id") if has_stories else None
                rel = f"documents/{doc_id}.html"
                key = pages.key(("document", d, titles[doc_id], [s.inputs for s in read], [tuple(f) for f in doc_facts],
                                 doc_commitments, doc_discrepancies, discrepancy_titles(titles, doc_discrepancies),
                                 story_id))
                if pages.keep(rel, key):
                    continue
                shown, sentences, cells = [], [], []
                for src in read:
                    src.decoded()
                    shown.append({**src.row, "text": None if src.text is None else True})  # the template asks only whether it is there
                    version_sentences, version_cells_ = version_cells(src.text, src.ordered, "../")
                    sentences.append(version_sentences)
                    cells.append(version_cells_)
                pages.write(rel, doc_tpl.render(
                    prefix="../", title=titles[doc_id], doc=d, versions=shown,
                    rows_html=Markup(side_by_side(sentences, cells)) if versions else Markup(""),
                    facts_html=_fact_rows(doc_facts, shown), commitments=doc_commitments,
                    discrepancies=doc_discrepancies, titles=titles, story_id=story_id))
            del rows
        if extras:  # the files of no document (rejected ones)
            rows = _read(con, have, None, NO_DOCUMENT)
            for s in rows.sources:
                source_page(Source(s, rows.by_file.get(s["source_file"], [])))


# -- the helper process -----------------------------------------------------------------------------

def helper_main(args: dict) -> None:
    """A helper's work: one part of the document pages, its manifest beside them (merged by the parent)."""
    parent = args["parent"]
    out_dir = Path(args["out_dir"])
    pages = Pages(out_dir, Path(args["previous"]) if args.get("previous") else None, Writer(threaded=False))
    try:
        write_document_pages(env(), pages, Path(args["warehouse"]),
                             Path(args["sources_dir"]) if args.get("sources_dir") else None,
                             tuple(args["part"]), extras=False, alive=lambda: os.getppid() == parent)
    finally:
        pages.close()
    part_file = out_dir / args["manifest"]
    part_file.write_text(json.dumps({"pages": pages.manifest, "kept": pages.kept, "written": pages.written}),
                         encoding="utf-8")

