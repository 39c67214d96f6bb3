"""The extractor against the hand-checked gold figures of the five seed files.

The gold is a copy (tests/data/gold_measurements.json) so the project does not depend on
../shared. Matching follows the shared scorer exactly: same file, overlapping character
spans in the original file, same kind, value within 1e-6 (mass: value_kg within 0.5 %,
either reading of an ambiguous "tons"). Vague gold figures (value null) are not scored, and
a prediction sitting on one is neither right nor wrong.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.core.extract.mentions import extract_mentions

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold_measurements.json"
SOURCES = ROOT / "sources"
KINDS = ("mass", "currency", "count", "percent", "area", "duration")
_STOP = {"of", "the", "a", "an", "and", "in", "for", "to", "on", "at", "by", "with", "from", "other", "illicit"}


def content_words(text: str | None) -> set[str]:
    words = re.findall(r"[a-z0-9]+", (text or "").lower())
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _STOP}


def subject_ok(gold: str | None, predicted: str | None) -> bool:
    wanted = content_words(gold)
    return bool(wanted) and len(wanted & content_words(predicted)) * 2 >= len(wanted)


def load_gold() -> list[dict]:
    labels = json.loads(GOLD.read_text(encoding="utf-8"))["measurements"]
    out = []
    for lab in labels:
        text = (SOURCES / lab["file"]).read_text(encoding="utf-8")
        start = -1
        for _ in range(max(lab.get("occurrence") or 1, 1)):
            start = text.find(lab["surface"], start + 1)
        assert start >= 0, f"gold surface {lab['surface']!r} not found in {lab['file']}"
        out.append(dict(lab, span=(start, start + len(lab["surface"]))))
    return out


def clean_with_map(original: str):
    """(text to extract from, map of a clean span to the original) — raw text if no cleaner yet."""
    try:
        from pipeline.core.extract.cleaning import clean
    except ImportError:
        return original, lambda a, b: (a, b)
    cleaned = clean(original)
    return cleaned.text, cleaned.to_original


def predict(extract=extract_mentions) -> list[dict]:
    """Run `extract` (text -> mentions) on every gold file; spans mapped back to the original."""
    preds = []
    for name in sorted({g["file"] for g in load_gold()}):
        text, to_original = clean_with_map((SOURCES / name).read_text(encoding="utf-8"))
        for m in extract(text):
            start, end = to_original(m.char_start, m.char_end)
            preds.append({"source_file": name, "char_start": start, "char_end": end, "kind": m.kind,
                          "value": m.value, "value_kg": m.value_kg, "subject": m.subject})
    return preds


def _close(a, b, rel):
    return a is not None and b is not None and abs(a - b) <= rel * max(abs(a), abs(b), 1e-12)


def _overlap(p, span):
    return min(p["char_end"], span[1]) > max(p["char_start"], span[0])


def matches(p: dict, g: dict) -> bool:
    if p["source_file"] != g["file"] or p["kind"] != g["kind"] or not _overlap(p, g["span"]):
        return False
    if g["kind"] == "mass":
        return any(_close(p["value_kg"], w, 0.005) for w in (g.get("value_kg"), g.get("value_kg_short")) if w is not None)
    return _close(p["value"], g["value"], 1e-6)


def score(preds: list[dict], gold: list[dict]) -> dict:
    """Per kind: matched, predicted, gold, precision, recall, subject accuracy, and the misses."""
    result = {}
    for kind in KINDS:
        ps = [p for p in preds if p["kind"] == kind and p["value"] is not None]
        gs = [g for g in gold if g["kind"] == kind and g.get("value") is not None]
        vague = [g for g in gold if g["kind"] == kind and g.get("value") is None]
        used, pairs = set(), []
        for g in gs:
            for i, p in enumerate(ps):
                if i not in used and matches(p, g):
                    used.add(i)
                    pairs.append((p, g))
                    break
        spurious = [p for i, p in enumerate(ps) if i not in used
                    and not any(p["source_file"] == v["file"] and _overlap(p, v["span"]) for v in vague)]
        tp = len(pairs)
        result[kind] = {
            "matched": tp, "predicted": tp + len(spurious), "gold": len(gs),
            "precision": tp / (tp + len(spurious)) if tp + len(spurious) else 1.0,
            "recall": tp / len(gs) if gs else 1.0,
            "subject_accuracy": sum(subject_ok(g.get("subject"), p["subject"]) for p, g in pairs) / tp if tp else None,
            "missed": [f"{g['file']}: {g['surface']}" for g in gs if all(g is not pg for _, pg in pairs)],
            "spurious": [f"{p['source_file']}@{p['char_start']}: {p['value']} {p['kind']}" for p in spurious],
            "wrong_subject": [f"{g['surface']}: {p['subject']!r} (gold {g.get('subject')!r})"
                              for p, g in pairs if not subject_ok(g.get("subject"), p["subject"])],
        }
    matched = sum(r["matched"] for r in result.values())
    predicted = sum(r["predicted"] for r in result.values())
    gold_n = sum(r["gold"] for r in result.values())
    result["all"] = {"precision": matched / predicted if predicted else 1.0, "recall": matched / gold_n if gold_n else 1.0}
    return result


@pytest.fixture(scope="module")
def report() -> dict:
    return score(predict(), load_gold())


def test_mass_is_exact(report):
    mass = report["mass"]
    assert (mass["precision"], mass["recall"]) == (1.0, 1.0), (mass["missed"], mass["spurious"])


def test_all_kinds_precision_and_recall(report):
    problems = {k: (report[k]["missed"], report[k]["spurious"]) for k in KINDS}
    assert report["all"]["precision"] >= 0.98, problems
    assert report["all"]["recall"] >= 0.97, problems


def test_mass_subjects(report):
    assert report["mass"]["subject_accuracy"] >= 0.90, report["mass"]["wrong_subject"]


def test_gold_copy_agrees_with_sources():
    # every gold surface is found where the label says, so a changed seed file is noticed here
    assert len(load_gold()) == len(json.loads(GOLD.read_text(encoding="utf-8"))["measurements"])
