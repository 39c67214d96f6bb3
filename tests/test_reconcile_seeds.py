"""The five seed files reconcile as the gold labels say (needs the real extractor)."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pipeline.core.extract.cleaning import clean
from pipeline.core.reconcile.model import Figure, SourceDoc
from pipeline.core.reconcile.reconciliation import reconcile

mentions = pytest.importorskip("pipeline.core.extract.mentions")

SOURCES = Path(__file__).resolve().parents[1] / "sources"
F2022 = ["000_f8ae7abacdc42e77.txt", "002_e4943ab2c8f9120d.txt", "003_ee49a262982b1216.txt"]


def _source(path: Path) -> SourceDoc:
    text = clean(path.read_text(encoding="utf-8")).text
    figs = tuple(
        Figure(m.kind, m.value, m.unit, m.subject, m.qualifier, m.surface, m.sentence,
               hashlib.sha256(f"{path.name}:{m.char_start}:{m.char_end}".encode()).hexdigest()[:16])
        for m in mentions.extract_mentions(text))
    return SourceDoc(path.name, hashlib.sha256(path.read_bytes()).hexdigest(), text, figs)


@pytest.fixture(scope="module")
def rec():
    return reconcile([_source(p) for p in sorted(SOURCES.glob("*.txt"))])


def _doc_of(rec, name):
    return next(r["document_id"] for r in rec.source_rows if r["source_file"] == name)


def test_groups(rec):
    groups = {}
    for r in rec.source_rows:
        groups.setdefault(r["document_id"], set()).add(r["source_file"])
    assert sorted(map(sorted, groups.values())) == sorted(
        [F2022, ["001_d34740decd223e6b.txt"], ["004_d98368808df66c23.txt"]])


def test_canonical_and_metadata(rec):
    d = next(r for r in rec.document_rows if r["document_id"] == _doc_of(rec, F2022[0]))
    assert d["canonical_source_file"] == F2022[0] and d["n_sources"] == 3
    assert d["published_on"] == dt.date(2022, 10, 14)
    assert d["title"].startswith("Joint Statement by President Biden")
    d23 = next(r for r in rec.document_rows if r["document_id"] == _doc_of(rec, "001_d34740decd223e6b.txt"))
    assert d23["title"] == "Joint Statement: U.S.-Mexico High Level Security Dialogue 2023"


def test_commitments(rec):
    counts = {}
    for c in rec.commitment_rows:
        counts[c["document_id"]] = counts.get(c["document_id"], 0) + 1
    assert counts[_doc_of(rec, F2022[0])] == 13
    assert counts[_doc_of(rec, "001_d34740decd223e6b.txt")] == 22
    assert _doc_of(rec, "004_d98368808df66c23.txt") not in counts


def test_facts_support(rec):
    doc = _doc_of(rec, F2022[0])
    facts = [f for f in rec.fact_rows if f["document_id"] == doc]
    (usd,) = [f for f in facts if f["value"] == 25.1e9]
    assert usd["n_sources"] == 3
    (powder,) = [f for f in facts if f["value"] == 15000 and f["unit"] == "lb"]
    assert powder["source_files"] == F2022[:2]
    (migrants,) = [f for f in facts if f["value"] == 53]
    assert migrants["n_sources"] == 3 and len(migrants["measurement_ids"]) == 4
    assert not any(f["has_conflict"] for f in facts)


def test_discrepancy_san_antonio(rec):
    assert {(d["value_a"], d["value_b"]) for d in rec.discrepancy_rows} in ({(51.0, 53.0)}, {(53.0, 51.0)})
