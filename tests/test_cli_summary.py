"""The summary printed after a run stays short on a large corpus."""
import duckdb

from pipeline.cli import SUMMARY_DOCUMENTS, summary
from pipeline.core.warehouse import create_staging


def test_summary_lists_the_documents_with_most_versions_first_and_counts_the_rest(tmp_path):
    path = tmp_path / "w.duckdb"
    create_staging(path)
    n = SUMMARY_DOCUMENTS + 5
    with duckdb.connect(str(path)) as con:
        con.executemany("INSERT INTO documents (document_id, title, n_sources, canonical_source_file) VALUES (?, ?, ?, ?)",
                        [(f"doc_{i:03d}", f"Statement {i}", 3 if i == n - 1 else 1, f"{i}.txt") for i in range(n)])
    lines = summary(path).splitlines()
    listed = [ln for ln in lines if ln.strip().startswith("doc_")]
    assert len(listed) == SUMMARY_DOCUMENTS
    assert listed[0].split()[0] == f"doc_{n - 1:03d}" and "3 version(s)" in listed[0]
    assert f"documents:    {n}" in "\n".join(lines)
    assert any(ln.strip() == "... and 5 more (pipeline query 'SELECT * FROM documents')" for ln in lines)
