"""The whole reconciliation from nothing: every document merged, the discrepancies between
documents, and the rows in an order derived from content (a run is reproducible).
incremental.py reuses the last run's documents instead and must give the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import regroup
from .discrepancies import discrepancy_rows
from .model import SourceDoc


@dataclass
class Reconciliation:
    source_rows: list[dict] = field(default_factory=list)
    document_rows: list[dict] = field(default_factory=list)
    fact_rows: list[dict] = field(default_factory=list)
    commitment_rows: list[dict] = field(default_factory=list)
    discrepancy_rows: list[dict] = field(default_factory=list)


def reconcile(sources: list[SourceDoc], cache=None) -> Reconciliation:
    """Every document merged from its versions, and the discrepancies between documents.
    (incremental.py re-merges only the documents whose versions changed.)"""
    plan, _ = regroup.plan(sources, cache)
    rec = Reconciliation()
    events_by_doc = {}
    for n in range(len(plan.groups)):
        doc = plan.merge(n)
        rec.source_rows.extend(doc.source_rows)
        rec.document_rows.append(doc.document_row)
        rec.fact_rows.extend(doc.fact_rows)
        rec.commitment_rows.extend(doc.commitment_rows)
        events_by_doc[doc.document_row["document_id"]] = doc.events
    rec.discrepancy_rows = discrepancy_rows(events_by_doc)
    sort_rows(rec)
    return rec


def sort_rows(rec: Reconciliation) -> None:
    """Deterministic row order: by content-derived keys."""
    rec.source_rows.sort(key=lambda r: r["source_file"])
    rec.document_rows.sort(key=lambda r: r["document_id"])
    rec.fact_rows.sort(key=lambda r: r["document_id"])  # stable: text order inside a document
    rec.commitment_rows.sort(key=lambda r: (r["document_id"], r["ordinal"]))
    rec.discrepancy_rows.sort(key=lambda r: r["discrepancy_id"])
