"""GX Data Docs open offline (pipeline/core/report/data_docs_offline.py): no page refers to another host."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from pipeline.core.report.data_docs_offline import CSS_NAME, JS_NAME, external_references, is_external, offline_html
from pipeline.core.validation import validate_tables
from pipeline.settings import EXPECTATIONS_DIR
from test_validation import staged, valid_rows

_URL = re.compile(r"""(?:src|href|action|srcset|poster|data)\s*=\s*["']?([^"'\s>]+)|url\(\s*["']?([^"')]+)""", re.I)


def _off_machine(url: str) -> bool:
    """Any http(s) or protocol-relative URL whose host is not this machine."""
    if not re.match(r"(?i)^(https?:)?//", url):
        return False
    return urlparse(url if ":" in url.split("//")[0] else "http:" + url).hostname not in ("127.0.0.1", "localhost")


@pytest.fixture(scope="module")
def data_docs(tmp_path_factory) -> Path:
    rows = valid_rows()
    rows["measurements"][0].update(value=-15000.0, value_kg=-15000 * 0.45359237)  # a failed page too
    report = validate_tables(staged(rows), EXPECTATIONS_DIR, site_dir=tmp_path_factory.mktemp("docs") / "site")
    return report.data_docs_index.parent


def test_no_data_docs_file_refers_to_another_host(data_docs):
    pages = list(data_docs.rglob("*.html"))
    assert len(pages) > 10  # index, a page per suite, a page per validation
    for path in pages + list(data_docs.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        for m in _URL.finditer(text):
            url = m.group(1) or m.group(2)
            assert not _off_machine(url), f"{path.relative_to(data_docs)} refers to {url}"
        assert not re.search(r"<(iframe|form)\b", text, re.I), path
    assert external_references(data_docs) == []


def test_data_docs_link_the_projects_styles_and_fill_the_index_tables(data_docs):
    assert (data_docs / "static" / "styles" / CSS_NAME).exists() and (data_docs / "static" / JS_NAME).exists()
    index = (data_docs / "index.html").read_text(encoding="utf-8")
    assert f'href="static/styles/{CSS_NAME}"' in index and f'src="static/{JS_NAME}"' in index
    assert "bootstrapTable" not in index and "jquery" not in index.lower()
    # bootstrap-table's data written out: a row per validation, each linking to its page, which exists
    links = re.findall(r'<a class="dd-row-link" href="([^"]+)"', index)
    assert any(link.startswith("validations/") for link in links) and any(link.startswith("expectations/") for link in links)
    for link in links:
        assert (data_docs / link).exists(), link
    page = next(data_docs.glob("validations/measurements/*/*/*.html")).read_text(encoding="utf-8")
    assert f'href="../../../../static/styles/{CSS_NAME}"' in page
    assert "newsletter" not in page.lower()


def test_offline_html_rewrites_remote_tags_and_keeps_local_ones():
    page = """<html><head><link rel="stylesheet" href="https://cdn.example/b.css"><link rel="icon" href="./static/f.ico">
<script src="//cdn.example/j.js"></script><style>.x{background:url('https://s3.example/l.png') no-repeat}</style></head>
<body><img src="https://s3.example/logo.png" alt="Logo &amp; co"><img src="static/images/a.png" alt="a">
<a href="https://example.org/x">words</a> <a href="http://127.0.0.1:3000/y">local</a> <a href="#s1">anchor</a>
<iframe src="https://video.example/v"></iframe><form action="https://example.org/f"><input name="e"></form>
<div style="background-image: url(//x.example/i.png)"></div><footer><a href="https://example.org/n">Subscribe</a></footer>
<script>$('#t').bootstrapTable({});</script></body></html>"""
    out = offline_html(page, "../")
    assert not any(is_external(u) for u in re.findall(r'(?:src|href|action)="([^"]*)"', out))
    assert "url(" not in out.replace("url(none", "")
    assert 'href="./static/f.ico"' in out and 'src="static/images/a.png"' in out and 'href="#s1"' in out
    assert 'href="http://127.0.0.1:3000/y"' in out  # this machine is not another host
    assert "words" in out and '<span class="dd-img">Logo &amp; co</span>' in out
    assert "<iframe" not in out and "<form" not in out and "<footer" not in out and "bootstrapTable" not in out
    assert f'<link rel="stylesheet" href="../static/styles/{CSS_NAME}">' in out
    assert offline_html(out, "../") == out  # a second pass changes nothing
