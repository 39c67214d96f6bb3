"""Great Expectations Data Docs that open offline: no request leaves the machine, the pages keep a style.

GX writes its Data Docs with Bootstrap, jQuery, bootstrap-table, popper, Font Awesome and Vega
loaded from public CDNs, its logo from S3, and a newsletter link in a fixed footer. Opened
without a network (or behind a proxy that blocks them) the pages are unstyled and the index's
two tables are empty: bootstrap-table fills them from JavaScript. No Python package in the lock
ships Bootstrap or jQuery, so nothing is copied; instead ``make_offline(site_dir)``, run on the
folder GX just built (in staging, before it is published), rewrites every HTML and CSS file:

* every ``<script src>``/``<link href>``/``<img src>``/``<iframe>``/``<form>``/``url()`` pointing
  to another host is removed (an image leaves its ``alt`` text; a link to another host keeps its
  words, unlinked; the newsletter footer goes);
* GX's inline scripts (they all call jQuery, Bootstrap or Vega) are dropped, and the index's
  bootstrap-table data is written out as plain HTML tables, each row linking to its page;
* the project's own ``data_docs.css`` (a small stand-in for the Bootstrap classes GX uses, in
  ``static/``) and ``data_docs.js`` (collapsible sections, tabs, "failed only", no library) are
  copied into the site's ``static/`` folder and linked from every page by a relative path.

Pure (standard library only, no Dagster), idempotent, and quick: a few milliseconds a page.
"""
from __future__ import annotations

import ast
import html
import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
CSS_NAME = "data_docs.css"
JS_NAME = "data_docs.js"
MARK = "<!-- offline: pipeline.core.report.data_docs_offline -->"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

_ATTR_URL = r"""\s(?:src|href|action|data|poster|srcset|background)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))"""
_EXTERNAL = r"""(?:(?:https?:)?//)"""


def is_external(url: str) -> bool:
    """True for a URL that names a host other than this machine (``https://x``, ``//x``, ``http://x``)."""
    url = html.unescape(url).strip()
    if not re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:)?//", url):
        return False
    parsed = urlparse(url if "://" in url else "http:" + url)
    if parsed.scheme == "file":
        return bool(parsed.hostname) and parsed.hostname not in LOCAL_HOSTS
    return (parsed.hostname or "") not in LOCAL_HOSTS


def _tag_external(tag: str) -> bool:
    return any(is_external(next(v for v in m.group("dq", "sq", "bare") if v is not None))
               for m in re.finditer(_ATTR_URL, tag, re.I))


def _sub_tags(pattern: str, text: str, replace) -> str:
    """Apply ``replace(match)`` to each match of ``pattern`` whose opening tag names another host."""
    def one(m: re.Match) -> str:
        return replace(m) if _tag_external(m.group("open")) else m.group(0)
    return re.sub(pattern, one, text, flags=re.I | re.S)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _static_table(table_id: str, attrs: str, columns: list[dict], rows: list[dict]) -> str:
    """bootstrap-table's columns and data as a plain table; a row's link goes on its first plain cell."""
    head = "".join(f"<th>{html.escape(str(c.get('title', c.get('field', ''))))}</th>" for c in columns)
    body = []
    for row in rows:
        link = row.get("_table_row_link_path")
        cells, linked = [], False
        for c in columns:
            value = _cell(row.get(c.get("field")))
            if link and not linked and value and "<" not in value:
                value = f'<a class="dd-row-link" href="{html.escape(link, quote=True)}">{value}</a>'
                linked = True
            cells.append(f"<td>{value}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table id="{table_id}" {attrs.strip()} data-offline="static">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


_BT_CALL = re.compile(
    r"""\$\(['"]#(?P<id>[\w-]+)['"]\)\.bootstrapTable\(\s*Object\.assign\(\s*\{\s*columns:\s*(?P<columns>\[.*?\]),\s*"""
    r"""data:\s*(?P<data>\[.*?\]),\s*toolbar:""", re.S)


def _render_bootstrap_tables(text: str) -> str:
    for m in _BT_CALL.finditer(text):
        try:  # GX writes them as Python reprs; a JSON spelling (true, null) is read too
            columns, rows = ast.literal_eval(m.group("columns")), ast.literal_eval(m.group("data"))
        except (ValueError, SyntaxError):
            try:
                columns, rows = json.loads(m.group("columns")), json.loads(m.group("data"))
            except ValueError:
                continue  # left empty, as without jQuery; every other rule still applies
        table = re.compile(r'<table\s+id="%s"(?P<attrs>[^>]*)>\s*</table>' % re.escape(m.group("id")), re.S)
        text = table.sub(lambda t: _static_table(m.group("id"), t.group("attrs").replace('data-toggle="table"', ""),
                                                 columns, rows), text, count=1)
    return text


def _css_offline(css: str) -> str:
    css = re.sub(r"""@import\s+(?:url\()?\s*['"]?%s[^;]*;""" % _EXTERNAL, "", css, flags=re.I)
    return re.sub(r"""url\(\s*(['"]?)%s[^)]*?\1\s*\)""" % _EXTERNAL, "none", css, flags=re.I)


def offline_html(text: str, root: str) -> str:
    """One page of GX Data Docs with nothing from another host; ``root`` is the relative path to the
    site's root ("" for index.html, "../../../../" for a validation page)."""
    if MARK in text:
        return text
    text = _render_bootstrap_tables(text)
    # scripts: remote ones, and GX's inline ones (each needs jQuery, Bootstrap or Vega)
    text = re.sub(r"<script\b[^>]*>.*?</script\s*>", "", text, flags=re.I | re.S)
    text = re.sub(r"<noscript\b[^>]*>.*?</noscript\s*>", "", text, flags=re.I | re.S)
    text = re.sub(r"<footer\b[^>]*>.*?</footer\s*>", "", text, flags=re.I | re.S)  # newsletter, "how to" banner
    text = _sub_tags(r"(?P<open><(?:iframe|form|object|video|audio)\b[^>]*>).*?</(?:iframe|form|object|video|audio)\s*>",
                     text, lambda m: "")
    text = _sub_tags(r"(?P<open><(?:link|iframe|embed|source|input)\b[^>]*>)", text, lambda m: "")
    text = _sub_tags(r"(?P<open><img\b[^>]*>)", text, lambda m: '<span class="dd-img">%s</span>' % html.escape(
        html.unescape((re.search(r'\salt\s*=\s*"([^"]*)"', m.group("open")) or [None, ""])[1]), quote=False))
    text = _sub_tags(r"(?P<open><a\b[^>]*>)(?P<inner>.*?)</a\s*>", text, lambda m: m.group("inner"))
    # what is left anywhere (an attribute of another tag): the attribute goes
    def drop_attr(m: re.Match) -> str:
        value = next(v for v in m.group("dq", "sq", "bare") if v is not None)
        return "" if is_external(value) else m.group(0)
    text = re.sub(_ATTR_URL, drop_attr, text, flags=re.I)
    text = re.sub(r"(<style\b[^>]*>)(.*?)(</style\s*>)", lambda m: m.group(1) + _css_offline(m.group(2)) + m.group(3),
                  text, flags=re.I | re.S)
    text = re.sub(r"""(\sstyle\s*=\s*")([^"]*)(")""", lambda m: m.group(1) + _css_offline(m.group(2)) + m.group(3),
                  text, flags=re.I)
    head = (f'{MARK}\n<link rel="stylesheet" href="{root}static/styles/{CSS_NAME}">\n'
            f'<script src="{root}static/{JS_NAME}" defer></script>\n')
    if re.search(r"</head\s*>", text, re.I):
        text = re.sub(r"</head\s*>", lambda m: head + m.group(0), text, count=1, flags=re.I)
    else:
        text = head + text
    return text


def make_offline(site_dir: Path) -> list[Path]:
    """Rewrite the Data Docs under ``site_dir`` in place (see the module's docstring); the pages rewritten."""
    site_dir = Path(site_dir)
    (site_dir / "static" / "styles").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "static" / CSS_NAME, site_dir / "static" / "styles" / CSS_NAME)
    shutil.copyfile(HERE / "static" / JS_NAME, site_dir / "static" / JS_NAME)
    pages = []
    for path in sorted(site_dir.rglob("*")):
        suffix = path.suffix.lower()
        if not path.is_file() or suffix not in (".html", ".htm", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        if suffix == ".css":
            new = _css_offline(text)
        else:
            depth = len(path.relative_to(site_dir).parts) - 1
            new = offline_html(text, "../" * depth)
            pages.append(path)
        if new != text:
            tmp = path.with_name(path.name + ".offline-tmp")
            tmp.write_text(new, encoding="utf-8", errors="surrogateescape")
            os.replace(tmp, path)
    return pages


def external_references(site_dir: Path) -> list[tuple[Path, str]]:
    """Every (file, URL) under ``site_dir`` that names another host: src/href/action/... and CSS url()."""
    found = []
    for path in sorted(Path(site_dir).rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".html", ".htm", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = [next(v for v in m.group("dq", "sq", "bare") if v is not None) for m in re.finditer(_ATTR_URL, text, re.I)]
        urls += [u for _, u in re.findall(r"""url\(\s*(['"]?)([^)'"]*)\1\s*\)""", text, re.I)]
        urls += re.findall(r"""@import\s+['"]([^'"]+)['"]""", text, re.I)
        found += [(path, u) for u in urls if is_external(u)]
    return found
