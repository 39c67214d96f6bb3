"""Integrity of the probe corpora's labels (tests/data/probes_extract/*/labels.json).

These tests check the labels against their texts and the warehouse contract only; they never
run the extractor and assert no score (benchmarks/extractor_probes.py prints the scores).
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

PROBES = Path(__file__).resolve().parent / "data" / "probes_extract"
CORPORA = sorted(p.parent for p in PROBES.glob("*/labels.json"))

# The warehouse contract (DESIGN.md): kinds, and the unit codes allowed for each kind. A bare
# "tons"/"toneladas" is labelled ton_ambiguous, as in the seeds' gold: the reading (short_ton or
# metric_ton) is the extractor's to choose and to record.
UNITS = {
    "mass": {"lb", "kg", "g", "oz", "short_ton", "metric_ton", "ton_ambiguous"},
    "currency": {"usd"},
    "count": {"count"},
    "percent": {"percent"},
    "area": {"hectare"},
    "duration": {"year", "month", "day"},
}
TO_KG = {"lb": 0.45359237, "kg": 1.0, "g": 0.001, "oz": 0.028349523125, "short_ton": 907.18474,
         "metric_ton": 1000.0, "ton_ambiguous": 1000.0}


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # as ingest decodes: no newline translation


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


@pytest.fixture(scope="module", params=CORPORA, ids=lambda p: p.name)
def corpus(request):
    folder = request.param
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    texts = {name: _text(folder / name) for name in sorted(labels["documents"])}
    return folder, texts, labels


def test_there_is_a_corpus():
    assert CORPORA, f"no labels.json under {PROBES}"


def test_every_text_is_described_and_labelled(corpus):
    folder, texts, labels = corpus
    notes = {"FIRST_SCORE.txt", "AFTER_SCORE.txt"}  # the recorded first and after-fix scores sit beside the texts
    assert {p.name for p in folder.glob("*.txt")} - notes == set(texts)
    assert {d["language"] for d in labels["documents"].values()} <= {"en", "es"}
    assert set(texts) <= {m["file"] for m in labels["measurements"]}


def test_spans_are_the_surfaces(corpus):
    _, texts, labels = corpus
    for row in labels["measurements"] + labels["excluded_mentions"]:
        text = texts[row["file"]]
        assert text[row["char_start"]:row["char_end"]] == row["surface"], row
        start = -1
        for _ in range(row["occurrence"]):  # the n-th match as ../shared/tools/score.py finds it
            start = text.find(row["surface"], start + 1)
        assert start == row["char_start"], row


def test_kinds_units_and_values_follow_the_contract(corpus):
    _, _, labels = corpus
    for row in labels["measurements"]:
        assert row["kind"] in UNITS, row
        assert row["unit"] in UNITS[row["kind"]], row
        if row["value"] is None:
            assert "vague" in row.get("notes", ""), row
            assert row["value_kg"] is None, row
            continue
        assert isinstance(row["value"], (int, float)) and not isinstance(row["value"], bool), row
        if row["kind"] == "mass":
            assert row["value_kg"] == pytest.approx(row["value"] * TO_KG[row["unit"]], rel=1e-6, abs=1e-6), row
            if row["unit"] == "ton_ambiguous":
                assert row["value_kg_short"] == pytest.approx(row["value"] * 907.18474, rel=1e-6, abs=1e-6), row
                assert row.get("reported_by"), row
        else:
            assert row["value_kg"] is None and row["value_kg_short"] is None, row


def test_subjects_are_written_and_name_their_head(corpus):
    _, _, labels = corpus
    for row in labels["measurements"]:
        assert row["subject"] and row["subject"] == row["subject"].lower(), row
        assert row["subject_head"] and _fold(row["subject_head"]) in _fold(row["subject"]), row


def test_no_two_labels_share_a_span_and_exclusions_overlap_none(corpus):
    _, _, labels = corpus
    spans = [(m["file"], m["char_start"], m["char_end"]) for m in labels["measurements"]]
    assert len(spans) == len(set(spans))
    for x in labels["excluded_mentions"]:
        assert x["reason"], x
        for f, s, e in spans:
            assert f != x["file"] or min(e, x["char_end"]) <= max(s, x["char_start"]), (x, (f, s, e))


def test_every_digit_is_labelled_or_excluded(corpus):
    """Nothing is silently skipped: each run of digits lies in a label or in an excluded mention."""
    _, texts, labels = corpus
    for name, text in texts.items():
        covered = [(r["char_start"], r["char_end"]) for r in labels["measurements"] + labels["excluded_mentions"]
                   if r["file"] == name]
        for m in re.finditer(r"\d+", text):
            assert any(s <= m.start() and m.end() <= e for s, e in covered), (name, m.start(), m.group())
