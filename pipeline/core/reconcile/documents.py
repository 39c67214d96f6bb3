"""One document merged from its versions, and the Plan that says which versions.

A document's id hashes its versions' contents, and its key (:func:`document_key`) what its
merge depends on, so that a rerun reuses a document whose versions did not change
(incremental.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.core.commitments import extract_commitments, merge_commitments
from pipeline.core.metadata import Metadata, merge_metadata

from .discrepancies import Event, fact_events
from .facts import fact_rows, merge_facts
from .model import SourceDoc, content_hash
from .profiles import Profile


@dataclass
class _Document:
    """The rows of one document and the events of its facts (for the discrepancy search)."""
    source_rows: list[dict]
    document_row: dict
    fact_rows: list[dict]
    events: list[Event]
    commitment_rows: list[dict]


def merge_document(versions: list[SourceDoc], metas: list[Metadata]) -> _Document:
    """One document from its versions in canonical order: its rows, facts and commitments."""
    document_id = "doc_" + content_hash(*sorted(d.sha256 for d in versions))
    canonical = versions[0]
    meta: Metadata = merge_metadata(metas)
    facts = merge_facts(versions)
    rows = fact_rows(document_id, facts)
    lists = [(d.source_file, extract_commitments(d.text)) for d in versions]
    return _Document(
        source_rows=[{"source_file": d.source_file, "document_id": document_id, "is_canonical": d is canonical}
                     for d in versions],
        document_row={"document_id": document_id, "title": meta.title, "published_on": meta.published_on,
                      "n_sources": len(versions), "canonical_source_file": canonical.source_file},
        fact_rows=rows,
        events=fact_events(rows, facts, meta.published_on, canonical.text),
        commitment_rows=[{"document_id": document_id, "ordinal": c.ordinal, "text": c.text,
                          "n_sources": c.n_sources, "source_files": list(c.source_files)}
                         for c in merge_commitments([lst for lst in lists if lst[1]])],
    )


def document_key(versions: list[tuple[str, str]]) -> str:
    """What a merged document depends on: its versions' names and :func:`profile_key` (content,
    figures), in canonical order."""
    return "document-" + content_hash(*versions)


@dataclass
class Plan:
    """The grouping of a corpus: its sources (sorted by name) and their documents."""
    sources: list[SourceDoc]
    profiles: list[Profile]
    groups: list[list[int]]  # indices into sources, each in canonical order
    keys: list[str]  # the :func:`document_key` of each group

    def versions(self, n: int) -> list[SourceDoc]:
        return [self.sources[i] for i in self.groups[n]]

    def merge(self, n: int) -> _Document:
        return merge_document(self.versions(n), [self.profiles[i].meta for i in self.groups[n]])
