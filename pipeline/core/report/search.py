"""The report's search index: one compact JavaScript file beside the pages (no fetch, so file:// works)."""
from __future__ import annotations

import json
from pathlib import Path

INDEX_JS = "search-index.js"
KINDS = {"d": "document", "s": "source file", "t": "story"}


def write_index(out_dir: Path, documents: list[dict], sources: list[dict], stories: list[dict], page_of) -> Path:
    """``search-index.js``: ``window.REPORT_INDEX = {"kinds": ..., "rows": [[kind, href, title, extra], ...]}``,
    hrefs relative to the report's root; documents, then stories, then source files."""
    rows: list[list[str]] = []
    for d in documents:
        rows.append(["d", f"documents/{d['document_id']}.html", d.get("title") or "(untitled)",
                     " ".join(x for x in (str(d.get("published_on") or ""), d["document_id"]) if x)])
    for s in stories:
        rows.append(["t", f"stories/{s['story_id']}.html", s.get("title") or s["story_id"],
                     " ".join(x for x in (str(s.get("first_published_on") or ""), s["story_id"]) if x)])
    for s in sources:
        rows.append(["s", f"sources/{page_of(s['source_file'])}", s["source_file"],
                     s["status"] if s["status"] != "ok" else ""])
    payload = json.dumps({"kinds": KINDS, "rows": rows}, ensure_ascii=False, separators=(",", ":"))
    path = out_dir / INDEX_JS
    # "</" never appears inside a script's text; a U+2028 is a line end in older JavaScript
    payload = payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    path.write_text(f"window.REPORT_INDEX={payload};\n", encoding="utf-8")
    return path
