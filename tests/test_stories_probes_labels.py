"""Integrity of the hand labels of the story probe corpora (tests/data/probes_stories/*/labels.json).

Label integrity only: these tests never run the pipeline and say nothing about its scores
(benchmarks/stories_probes.py measures those).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPORA = Path(__file__).parent / "data" / "probes_stories"
LABELS = sorted(CORPORA.glob("*/labels.json"))
RELATIONS = {"unrelated_events", "same_event_same_value"}


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _files(path: Path) -> set[str]:
    return {p.name for p in path.parent.glob("*.txt")}


def test_there_are_at_least_five_corpora_of_ten_to_twenty_files():
    assert len(LABELS) >= 5
    for path in LABELS:
        assert 10 <= len(_files(path)) <= 20, path.parent.name


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.parent.name)
def test_every_file_is_in_exactly_one_document(path):
    labels = _load(path)
    listed = [f for group in labels["documents"] for f in group]
    assert all(isinstance(g, list) and g for g in labels["documents"])
    assert len(listed) == len(set(listed)), "a file is in two documents"
    assert set(listed) == _files(path), "documents must list every .txt file of the corpus and nothing else"


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.parent.name)
def test_documents_nest_in_stories(path):
    labels = _load(path)
    documents = {frozenset(g) for g in labels["documents"]}
    in_stories = [frozenset(doc) for story in labels["stories"] for doc in story]
    assert all(isinstance(s, list) and s for s in labels["stories"])
    assert len(in_stories) == len(set(in_stories)), "a document is in two stories"
    assert set(in_stories) == documents, "each story is a list of whole labelled documents, and every document is in one"


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.parent.name)
def test_discrepancy_pairs_name_existing_files_of_different_documents(path):
    labels = _load(path)
    files = _files(path)
    doc_of = {f: i for i, g in enumerate(labels["documents"]) for f in g}
    for pair in labels["discrepancies"]:
        assert {"file_a", "file_b", "value_a", "value_b", "why"} <= set(pair), pair
        assert pair["file_a"] in files and pair["file_b"] in files, pair
        assert doc_of[pair["file_a"]] != doc_of[pair["file_b"]], f"a discrepancy is between documents: {pair}"
        assert pair["value_a"] != pair["value_b"], pair
        assert pair["why"].strip()
    for pair in labels["not_discrepancies"]:
        assert {"file_a", "file_b", "why"} <= set(pair), pair
        assert pair["file_a"] in files and pair["file_b"] in files, pair
        assert pair.get("relation", "unrelated_events") in RELATIONS, pair
        assert pair["why"].strip()


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.parent.name)
def test_unrelated_same_date_pairs_are_in_different_stories(path):
    labels = _load(path)
    story_of = {f: i for i, story in enumerate(labels["stories"]) for doc in story for f in doc}
    for pair in labels["not_discrepancies"]:
        if pair.get("relation", "unrelated_events") == "unrelated_events":
            assert story_of[pair["file_a"]] != story_of[pair["file_b"]], pair


def test_corpora_hold_english_and_spanish_texts():
    spanish_words = (" el ", " de la ", " los ", " que ")
    texts = [p.read_text(encoding="utf-8") for path in LABELS for p in path.parent.glob("*.txt")]
    spanish = [t for t in texts if sum(t.count(w) for w in spanish_words) > 5]
    assert spanish and len(spanish) < len(texts)
