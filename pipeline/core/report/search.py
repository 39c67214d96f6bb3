"""The report's search index: one compact JavaScript file beside the pages (no fetch, so file:// works)."""
from __future__ import annotations

import json
from pathlib import Path

INDEX_JS = "search-index.js"
KINDS = {"d": "document", "s": "source file", "t": "story"}
# a row's href is its kind's folder + the row's name (+ ".html" for documents and stories): not repeated per row
HREF = {"d": ["documents/", ".html"], "s": ["sources/", ""], "t": ["stories/", ".html"]}


def href(row: list[str]) -> str:
    """The page of an index row, relative to the report's root."""
    folder, suffix = HREF[row[0]]
    return folder + row[1] + suffix


def write_index(out_dir: Path, documents: list[dict], sources: list[dict], stories: list[dict], page_of) -> Path:
    """``search-index.js``: ``window.REPORT_INDEX = {"kinds", "href", "rows": [[kind, name, title, extra], ...]}``
    (a row's page is ``href(row)``); documents, then stories, then source files."""
    rows: list[list[str]] = []
    for d in documents:
        rows.append(["d", d["document_id"], d.get("title") or "(untitled)", str(d.get("published_on") or "")])
    for s in stories:
        rows.append(["t", s["story_id"], s.get("title") or s["story_id"], str(s.get("first_published_on") or "")])
    for s in sources:
        rows.append(["s", page_of(s["source_file"]), s["source_file"], s["status"] if s["status"] != "ok" else ""])
    payload = json.dumps({"kinds": KINDS, "href": HREF, "rows": rows}, ensure_ascii=False, separators=(",", ":"))
    path = out_dir / INDEX_JS
    # "</" never appears inside a script's text; a U+2028 is a line end in older JavaScript
    payload = payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    path.write_text(f"window.REPORT_INDEX={payload};\n", encoding="utf-8")
    return path
