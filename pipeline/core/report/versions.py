"""A document's versions side by side: sentences aligned, figures marked and linked to their source."""
from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from pipeline.core.ingest import decode
from pipeline.core.report.align import Sentence, align_versions, split_sentences

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class Mention(NamedTuple):
    """A measurement as the pages mark it (pipeline/core/report/data.py reads them in bulk)."""
    measurement_id: str
    source_file: str
    char_start: int
    char_end: int
    surface: str
    kind: str
    value: float | None
    unit: str | None
    value_kg: float | None
    subject: str | None
    fact_id: str | None
    sentence: str | None
    quarantine_reason: str | None
    conflict: bool  # its fact's versions disagree

    def get(self, key: str, default=None):  # a mention reads like the dicts the templates used to get
        return getattr(self, key, default)


try:  # markupsafe's own C escaping, returning a plain str (MarkupSafe >= 3.0)
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - the pure Python build
    def _escape_inner(text: str) -> str:
        return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                .replace("'", "&#39;").replace('"', "&#34;"))


def esc(value) -> str:
    """``markupsafe.escape`` as a plain string (the same entities), without a Markup object per piece:
    the pages escape a few million pieces of text at 10,000 files."""
    return _escape_inner(value if type(value) is str else str(value))


@functools.lru_cache(maxsize=None)
def source_page_name(source_file: str) -> str:
    """A file name for a source's page that is safe on disk and in a URL, and unique per name."""
    digest = hashlib.sha256(source_file.encode("utf-8")).hexdigest()[:8]
    return f"{_UNSAFE.sub('_', source_file)[:80]}-{digest}.html"


def read_source(sources_dir: Path | None, source_file: str, sha256: str | None) -> tuple[bytes | None, str | None]:
    """(the file's bytes, None), or (None, why not) when the file is absent or not the published one."""
    if sources_dir is None:
        return None, "no sources folder given"
    path = sources_dir / source_file
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"{path} cannot be read ({exc.strerror or exc})"
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        return None, f"{path} changed since the warehouse was published"
    return data, None


def read_text(sources_dir: Path | None, source_file: str, sha256: str | None) -> tuple[str | None, str | None]:
    """(decoded text, None), or (None, why not) when the file is absent or not the published one."""
    data, why = read_source(sources_dir, source_file, sha256)
    if data is None:
        return None, why
    text, _, problem = decode(data)
    return text, problem


def figure_link(m: Mention, prefix: str) -> str:
    """The opening ``<a>`` of a figure on a document page: to its characters on its source file's page."""
    classes = "fig" + (" conflict" if m.conflict else "") + (" quarantined" if m.quarantine_reason else "")
    title = f"{m.kind}: {_num(m.value)} {m.unit}" + (f" · {m.subject}" if m.subject else "")
    if m.quarantine_reason:
        title += f" · quarantined: {m.quarantine_reason}"
    href = f"{prefix}sources/{source_page_name(m.source_file)}#m-{m.measurement_id}"
    # plain string formatting with each piece escaped: Markup.format costs 3x as much, per figure
    return f'<a class="{classes}" href="{esc(href)}" title="{esc(title)}">'


def source_mark(m: Mention) -> str:
    """The opening ``<mark>`` of a figure on its source file's page (the target of its links)."""
    classes = ("conflict" if m.conflict else "") + (" quarantined" if m.quarantine_reason else "")
    title = f"{m.kind} {_num(m.value)} {m.unit} [{m.char_start}:{m.char_end}]"
    return f'<mark id="m-{esc(m.measurement_id)}" class="{classes.strip()}" title="{esc(title)}">'


def _num(value) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def in_order(mentions: list[Mention]) -> list[Mention]:
    """Mentions in the order they are marked: by first character, the longer first, then as read."""
    return sorted(mentions, key=lambda m: (m.char_start, -m.char_end))


def marked(text: str, offset: int, mentions: list[Mention], open_tag, end_tag: str,
           placed: list[Mention] | None = None) -> str:
    """``text`` (which starts at ``offset`` of its file), escaped, with each mention inside it wrapped by
    ``open_tag(mention)`` ... ``end_tag``; ``mentions`` in_order, overlapping ones keep only the first
    (the ones marked are appended to ``placed``)."""
    out: list[str] = []
    pos = 0
    size = len(text)
    for m in mentions:
        start, stop = m.char_start - offset, m.char_end - offset
        if start < pos or start < 0 or stop > size:
            continue
        out.append(esc(text[pos:start]))
        out.append(open_tag(m))
        out.append(esc(text[start:stop]))
        out.append(end_tag)
        pos = stop
        if placed is not None:
            placed.append(m)
    out.append(esc(text[pos:]))
    return "".join(out)


def version_sentences(text: str | None, mentions: list[Mention]) -> list[Sentence]:
    """A version's sentences: from its text, or, without the text, the sentences its figures are in."""
    if text is not None:
        return split_sentences(text)
    seen: dict[str, Sentence] = {}
    for m in sorted(mentions, key=lambda m: m.char_start):
        sentence = m.sentence or m.surface
        seen.setdefault(sentence, Sentence(-1, -1, sentence))
    return list(seen.values())


Cell = tuple[str, int, bool]  # a sentence in the side-by-side table: (its HTML, how many figures, one in conflict)


def version_cells(text: str | None, mentions: list[Mention], prefix: str) -> tuple[list[str], list[Cell]]:
    """A version's sentences (their texts, which the alignment compares) and each one as a cell of the
    side-by-side table, its figures linked to their characters on the source file's page. ``mentions``:
    the version's, in_order. Without the text: the sentences its figures were read in, as recorded."""
    def link(m: Mention) -> str:
        return figure_link(m, prefix)

    sentences = version_sentences(text, mentions)
    cells: list[Cell] = []
    if text is None:  # the sentence as measurements recorded it, figures found by their surface
        for s in sentences:
            inside = [m for m in mentions if (m.sentence or m.surface) == s.text]
            cells.append((_mark_by_surface(s.text, inside, link), len(inside), any(m.conflict for m in inside)))
        return [s.text for s in sentences], cells
    k, n = 0, len(mentions)
    for s in sentences:  # in reading order, as the mentions are: one pass over both
        while k < n and mentions[k].char_start < s.start:
            k += 1
        inside = []
        j = k
        while j < n and mentions[j].char_start <= s.end:
            if mentions[j].char_end <= s.end:
                inside.append(mentions[j])
            j += 1
        cells.append((marked(s.text, s.start, inside, link, "</a>"), len(inside), any(m.conflict for m in inside)))
    return [s.text for s in sentences], cells


MISSING = '<td class="missing"><span class="left-out">(not in this version)</span></td>'


def side_by_side(sentences: list[list[str]], cells: list[list[Cell]]) -> str:
    """The side-by-side table's rows as HTML (built here, not in the template: ~100,000 cells at 10,000
    files): the versions' sentences aligned, the first version's order kept (align.align_versions); an
    empty cell of a row with figures says its version leaves the sentence out."""
    out: list[str] = []
    for row in align_versions(sentences[0], sentences[1:]):
        row_cells = [cells[col][idx] if idx is not None else None for col, idx in enumerate(row)]
        has_figures = any(c is not None and c[1] for c in row_cells)
        out.append("<tr>")
        for c in row_cells:
            if c is None:
                out.append(MISSING if has_figures else '<td class=""></td>')
            else:
                out.append(f'<td class="{" has-conflict" if c[2] else ""}">{c[0]}</td>')
        out.append("</tr>\n")
    return "".join(out)


def _mark_by_surface(sentence: str, mentions: list[Mention], render) -> str:
    located = []
    cursor = 0
    for m in mentions:
        at = sentence.find(m.surface, cursor)
        if at < 0:
            at = sentence.find(m.surface)
        if at >= 0:
            located.append(m._replace(char_start=at, char_end=at + len(m.surface)))
    return marked(sentence, 0, in_order(located), render, "</a>")


def source_html(text: str, mentions: list[Mention]) -> str:
    """A source file's whole text with each mention (in_order) as <mark id="m-…">, in file offsets."""
    placed: list[Mention] = []
    body = marked(text, 0, mentions, source_mark, "</mark>", placed)
    if len(placed) < len(mentions):  # a mention skipped as overlapping still gets its anchor, so every link lands
        ids = {m.measurement_id for m in placed}
        missing = sorted((m for m in mentions if m.measurement_id not in ids),
                         key=lambda m: (m.char_start, m.char_end, m.measurement_id))
        body = "".join(f'<span id="m-{esc(m.measurement_id)}"></span>' for m in missing) + body
    return body
