"""Reconcile source files into documents: group versions, pick a canonical one, merge facts.

One module per question, each importing only the ones above it:

- ``vocabulary``: the word lists read here (months, bylines, qualifiers, stop words);
- ``model``: a figure, a source file, the content hash ids are made of;
- ``text``, ``amounts``: wording compared by shingles, figures by the amount they state;
- ``profiles``: what a file is compared by (computed once per file, cached);
- ``candidates``: the pairs worth comparing, from indexes (never all pairs);
- ``versions``: whether two files are versions of one statement;
- ``grouping``: the documents (accepted pairs joined with union-find);
- ``canonical``: each document's versions, most complete and most official first;
- ``file_claims``, ``facts``: a file's claims, and a document's facts merged across versions;
- ``discrepancies``: facts of different documents about one dated event that disagree;
- ``documents``: one document merged, and the Plan of a corpus;
- ``regroup``, ``incremental``: a rerun redoes only what a change touches;
- ``reconciliation``: the whole reconciliation from nothing;
- ``memo``: the comparisons memoized for one run (``clear_caches`` empties them).

The names below are the entry points callers use.
"""
from __future__ import annotations

from .grouping import group_sources
from .memo import clear as clear_caches
from .model import Figure, SourceDoc
from .reconciliation import Reconciliation, reconcile

__all__ = ["Figure", "Reconciliation", "SourceDoc", "clear_caches", "group_sources", "reconcile"]
