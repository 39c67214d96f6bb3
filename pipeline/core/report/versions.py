"""A document's versions side by side: sentences aligned, figures marked and linked to their source."""
from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

from markupsafe import Markup, escape

from pipeline.core.ingest import decode
from pipeline.core.report.align import Sentence, align_versions, split_sentences

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@functools.lru_cache(maxsize=None)
def source_page_name(source_file: str) -> str:
    """A file name for a source's page that is safe on disk and in a URL, and unique per name."""
    digest = hashlib.sha256(source_file.encode("utf-8")).hexdigest()[:8]
    return f"{_UNSAFE.sub('_', source_file)[:80]}-{digest}.html"


def read_text(sources_dir: Path | None, source_file: str, sha256: str | None) -> tuple[str | None, str | None]:
    """(decoded text, None), or (None, why not) when the file is absent or not the published one."""
    if sources_dir is None:
        return None, "no sources folder given"
    path = sources_dir / source_file
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"{path} cannot be read ({exc.strerror or exc})"
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        return None, f"{path} changed since the warehouse was published"
    text, _, problem = decode(data)
    return text, problem


def figure_link(m: dict, prefix: str, conflict: bool) -> Markup:
    classes = "fig" + (" conflict" if conflict else "") + (" quarantined" if m.get("quarantine_reason") else "")
    title = f"{m['kind']}: {_num(m['value'])} {m['unit']}" + (f" · {m['subject']}" if m.get("subject") else "")
    if m.get("quarantine_reason"):
        title += f" · quarantined: {m['quarantine_reason']}"
    href = f"{prefix}sources/{source_page_name(m['source_file'])}#m-{m['measurement_id']}"
    # plain string formatting with each piece escaped: Markup.format costs 3x as much, per figure
    return Markup(f'<a class="{classes}" href="{escape(href)}" title="{escape(title)}">')


def _num(value) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def marked(text: str, offset: int, mentions: list[dict], render) -> Markup:
    """``text`` (which starts at ``offset`` of its file) with each mention inside it wrapped by
    ``render(mention)`` ... ``</a>``/``</mark>``; overlapping mentions keep only the first."""
    out: list[str] = []
    pos = 0
    end_tag = None
    for m in sorted(mentions, key=lambda m: (m["char_start"], -m["char_end"])):
        start, stop = m["char_start"] - offset, m["char_end"] - offset
        if start < pos or start < 0 or stop > len(text):
            continue
        open_tag, end_tag = render(m)
        out.append(str(escape(text[pos:start])))
        out.append(str(open_tag) + str(escape(text[start:stop])) + end_tag)
        pos = stop
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def version_sentences(text: str | None, mentions: list[dict]) -> list[Sentence]:
    """A version's sentences: from its text, or, without the text, the sentences its figures are in."""
    if text is not None:
        return split_sentences(text)
    seen: dict[str, Sentence] = {}
    for m in sorted(mentions, key=lambda m: m["char_start"]):
        sentence = m.get("sentence") or m["surface"]
        seen.setdefault(sentence, Sentence(-1, -1, sentence))
    return list(seen.values())


def side_by_side(versions: list[dict], mentions_by_file: dict[str, list[dict]], conflict_facts: set[str],
                 prefix: str) -> list[list[dict | None]]:
    """Rows of cells, one per version (canonical first): {"html", "n_figures", "missing": bool}."""
    per_version = []
    for v in versions:
        mentions = mentions_by_file.get(v["source_file"], [])
        sentences = version_sentences(v.get("text"), mentions)
        per_version.append((sentences, mentions))
    rows = align_versions([s.text for s in per_version[0][0]], [[s.text for s in p[0]] for p in per_version[1:]])

    def render(m):
        return figure_link(m, prefix, m.get("fact_id") in conflict_facts), "</a>"

    cells_cache: dict[tuple[int, int], dict] = {}

    def cell(col: int, idx: int) -> dict:
        key = (col, idx)
        if key not in cells_cache:
            sentence = per_version[col][0][idx]
            mentions = per_version[col][1]
            if sentence.start >= 0:
                inside = [m for m in mentions if sentence.start <= m["char_start"] and m["char_end"] <= sentence.end]
                html = marked(sentence.text, sentence.start, inside, render)
            else:  # no text: the sentence as measurements recorded it, figures by their surface
                inside = [m for m in mentions if (m.get("sentence") or m["surface"]) == sentence.text]
                html = _mark_by_surface(sentence.text, inside, render)
            cells_cache[key] = {"html": html, "n_figures": len(inside),
                                "conflict": any(m.get("fact_id") in conflict_facts for m in inside)}
        return cells_cache[key]

    out = []
    for row in rows:
        cells: list[dict | None] = []
        has_figures = False
        for col, idx in enumerate(row):
            c = cell(col, idx) if idx is not None else None
            has_figures = has_figures or bool(c and c["n_figures"])
            cells.append(c)
        # a version that leaves out a sentence with figures: the empty cell says so
        for col, c in enumerate(cells):
            if c is None:
                cells[col] = {"html": Markup(""), "n_figures": 0, "missing": has_figures, "conflict": False}
        out.append(cells)
    return out


def rows_html(rows: list[list[dict]]) -> Markup:
    """The side-by-side table's rows as HTML (built here, not in the template: ~10,000 cells at 1,000 files)."""
    out: list[str] = []
    for row in rows:
        out.append("<tr>")
        for c in row:
            cls = ("missing" if c.get("missing") else "") + (" has-conflict" if c.get("conflict") else "")
            body = '<span class="left-out">(not in this version)</span>' if c.get("missing") else str(c["html"])
            out.append(f'<td class="{cls}">{body}</td>')
        out.append("</tr>\n")
    return Markup("".join(out))


def _mark_by_surface(sentence: str, mentions: list[dict], render) -> Markup:
    located = []
    cursor = 0
    for m in mentions:
        at = sentence.find(m["surface"], cursor)
        if at < 0:
            at = sentence.find(m["surface"])
        if at >= 0:
            located.append({**m, "char_start": at, "char_end": at + len(m["surface"])})
    return marked(sentence, 0, located, render)


def source_html(text: str, mentions: list[dict], conflict_facts: set[str]) -> Markup:
    """A source file's whole text with each mention as <mark id="m-…">, in file offsets."""
    def render(m):
        classes = "conflict" if m.get("fact_id") in conflict_facts else ""
        if m.get("quarantine_reason"):
            classes += " quarantined"
        title = f"{m['kind']} {_num(m['value'])} {m['unit']} [{m['char_start']}:{m['char_end']}]"
        return f'<mark id="m-{escape(m["measurement_id"])}" class="{classes.strip()}" title="{escape(title)}">', "</mark>"

    body = marked(text, 0, mentions, render)
    # a mention skipped as overlapping still gets its anchor, so every figure's link lands
    placed = {m for m in re.findall(r'id="m-([^"]+)"', str(body))}
    missing = [m for m in mentions if m["measurement_id"] not in placed]
    if missing:
        anchors = "".join(str(Markup('<span id="m-{}"></span>').format(m["measurement_id"])) for m in missing)
        body = Markup(anchors) + body
    return body
