"""Accuracy and speed of the extractor on the probe corpora (tests/data/probes_extract/*/).

Run from the project root:  .venv/bin/python benchmarks/extractor_probes.py [--details] [--corpus p5] [--no-speed]

Each corpus folder holds .txt files and a labels.json written by reading the texts before the
extractor ever ran on them (see DESIGN.md, "Measuring accuracy honestly"). For every file the
script runs the per-file path of the pipeline: the bytes decoded as UTF-8 (as ingest does),
`clean`, `measure_text` (extract, map offsets back to the original text). Prints numbers only,
no assertion.

Scoring rules, stated once:
- Vague amounts are not scored: rows with `is_vague` true are dropped, labels whose value is
  null ("hundreds of thousands of doses") are not counted, and a row that overlaps such a label
  is neither right nor wrong (as ../shared/tools/score.py does). Referential counts ("the two
  countries") are labelled and scored, as in the seeds' gold.
- A row matches a label when both are in the same file, their kinds are equal and their
  character spans (offsets into the original text) overlap. Each label takes at most one row
  and each row at most one label; a label takes the unused row that overlaps it most.
  Precision = matched / rows, recall = matched / labels. The value is not part of the match;
  how often it agrees is printed on its own line (mass: value_kg within 0.5 %, either reading
  of a bare "tons"; other kinds: value within 1e-6 relative).
- Subject (matched mentions only): both subjects are normalized (accents removed, lower case,
  split on anything that is not a letter or digit, articles dropped: a an the el la los las
  lo un una unos unas, a final "s" dropped from words longer than three letters); the row's
  subject matches when the label's `subject_head` (the content noun a correct subject must
  name: the thing counted, weighed, paid for, or whose change or period is measured),
  normalized the same way, occurs in it as a run of consecutive words. A row without a
  subject does not match.

The speed line times the whole per-file path (clean, extract, offsets back) against
quantulum3's `parser.parse` over the same original texts, in one process, best of several
passes (the `throughput` rule of benchmarks/extractor_speed.py).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

# The extractor's entry points: the only lines to change when its modules move.
from pipeline.core.extract.cleaning import clean  # noqa: E402
from pipeline.core.extract.measure import measure_text  # noqa: E402

# Shared benchmark pieces (timing rule, quantulum3 imported with its warning silenced).
from extractor_speed import quantulum, throughput  # noqa: E402

PROBES = ROOT / "tests" / "data" / "probes_extract"
KINDS = ("mass", "currency", "count", "percent", "area", "duration")
SHORT_TON_KG = 907.18474
_ARTICLES = frozenset("a an the el la los las lo un una unos unas".split())


def run_file(text: str) -> list[dict]:
    """The pipeline's per-file path: clean, extract, map offsets back to the original text."""
    return measure_text(clean(text))


def read_text(path: Path) -> str:
    """A file's text as ingest decodes it (no newline translation), so offsets agree."""
    return path.read_bytes().decode("utf-8")


def subject_words(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _ARTICLES]
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words]


def subject_matches(head: str, predicted: str | None) -> bool:
    want, got = subject_words(head), subject_words(predicted)
    return bool(want) and any(got[i:i + len(want)] == want for i in range(len(got) - len(want) + 1))


def value_agrees(row: dict, label: dict) -> bool:
    def close(a, b, rel):
        return a is not None and b is not None and abs(a - b) <= rel * max(abs(a), abs(b), 1e-12)
    if label["kind"] == "mass":
        return any(close(row.get("value_kg"), want, 0.005) for want in (label["value_kg"], label.get("value_kg_short")))
    return close(row.get("value"), label["value"], 1e-6)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def load_corpus(folder: Path) -> tuple[dict[str, str], dict]:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    # the corpus is the files its labels describe (FIRST_SCORE.txt beside them is a note, not a text)
    texts = {name: read_text(folder / name) for name in sorted(labels["documents"])}
    return texts, labels


def score_corpus(texts: dict[str, str], labels: dict) -> dict:
    """Match the extractor's rows to the labels of one corpus; every figure the report prints."""
    by_file: dict[str, list[dict]] = {}
    for lab in labels["measurements"]:
        by_file.setdefault(lab["file"], []).append(lab)
    pairs, missed, spurious, n_vague_rows = [], [], [], 0
    n_labels = Counter()
    for name, text in texts.items():
        rows = run_file(text)
        n_vague_rows += sum(1 for r in rows if r.get("is_vague"))
        rows = [r for r in rows if not r.get("is_vague")]
        labs = by_file.get(name, [])
        scored = [lab for lab in labs if lab["value"] is not None]
        vague = [(lab["char_start"], lab["char_end"]) for lab in labs if lab["value"] is None]
        used: set[int] = set()
        for lab in scored:
            n_labels[lab["kind"]] += 1
            span = (lab["char_start"], lab["char_end"])
            best, best_overlap = None, 0
            for i, r in enumerate(rows):
                if i in used or r["kind"] != lab["kind"]:
                    continue
                ov = _overlap(span, (r["char_start"], r["char_end"]))
                if ov > best_overlap:
                    best, best_overlap = i, ov
            if best is None:
                missed.append((name, lab))
            else:
                used.add(best)
                pairs.append((name, rows[best], lab))
        for i, r in enumerate(rows):
            if i in used:
                continue
            if any(_overlap(v, (r["char_start"], r["char_end"])) > 0 for v in vague):
                continue  # on a vague label: neither right nor wrong
            spurious.append((name, r))
    n_rows = Counter(r["kind"] for _, r, _ in pairs) + Counter(r["kind"] for _, r in spurious)
    return {"pairs": pairs, "missed": missed, "spurious": spurious, "n_rows": n_rows, "n_labels": n_labels,
            "n_vague_rows": n_vague_rows, "n_vague_labels": sum(1 for m in labels["measurements"] if m["value"] is None)}


def prf(matched: int, rows: int, labels: int) -> tuple[float, float, float]:
    p = matched / rows if rows else 1.0
    r = matched / labels if labels else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ctx(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 40):start] + "[" + text[start:end] + "]" + text[end:end + 30]).replace("\r", "").replace("\n", " ")


def report(name: str, texts: dict[str, str], labels: dict, res: dict, details: bool) -> None:
    langs = Counter(labels.get("documents", {}).get(f, {}).get("language", "?") for f in texts)
    matched = Counter(lab["kind"] for _, _, lab in res["pairs"])
    print(f"corpus {name}: {len(texts)} texts ({', '.join(f'{n} {lang}' for lang, n in sorted(langs.items()))}), "
          f"{sum(res['n_labels'].values())} scored labels ({res['n_vague_labels']} vague not scored), "
          f"{sum(res['n_rows'].values())} rows scored ({res['n_vague_rows']} vague rows dropped)")
    print(f"  {'kind':9s} {'labels':>6s} {'rows':>5s} {'match':>5s}  {'P':>5s}  {'R':>5s}  {'F1':>5s}")
    for kind in KINDS:
        p, r, f = prf(matched[kind], res["n_rows"][kind], res["n_labels"][kind])
        print(f"  {kind:9s} {res['n_labels'][kind]:6d} {res['n_rows'][kind]:5d} {matched[kind]:5d}  {p:5.3f}  {r:5.3f}  {f:5.3f}")
    tm, tr, tl = sum(matched.values()), sum(res["n_rows"].values()), sum(res["n_labels"].values())
    p, r, f = prf(tm, tr, tl)
    print(f"  {'all kinds':9s} {tl:6d} {tr:5d} {tm:5d}  {p:5.3f}  {r:5.3f}  {f:5.3f}")
    for lang in sorted(langs):
        lm = sum(1 for fn, _, _ in res["pairs"] if labels["documents"][fn]["language"] == lang)
        lr = lm + sum(1 for fn, _ in res["spurious"] if labels["documents"][fn]["language"] == lang)
        ll = lm + sum(1 for fn, _ in res["missed"] if labels["documents"][fn]["language"] == lang)
        lp, lrec, lf = prf(lm, lr, ll)
        print(f"  {'  ' + lang + ' texts':9s} {ll:6d} {lr:5d} {lm:5d}  {lp:5.3f}  {lrec:5.3f}  {lf:5.3f}")
    mp, mr, mf = prf(matched["mass"], res["n_rows"]["mass"], res["n_labels"]["mass"])
    print(f"  mass F1 {mf:.3f} (P {mp:.3f}, R {mr:.3f})")
    for title, keep in (("mass", lambda k: k == "mass"), ("other kinds", lambda k: k != "mass")):
        sel = [(r, lab) for _, r, lab in res["pairs"] if keep(lab["kind"])]
        ok = sum(1 for r, lab in sel if subject_matches(lab["subject_head"], r.get("subject")))
        print(f"  subject accuracy, {title}: {ok}/{len(sel)} = {ok / len(sel) if sel else 0:.3f}")
    agree = sum(1 for _, r, lab in res["pairs"] if value_agrees(r, lab))
    print(f"  value agrees on matched mentions: {agree}/{len(res['pairs'])}")
    if not details:
        return
    print(f"\n  missed ({len(res['missed'])}):")
    for fn, lab in res["missed"]:
        print(f"    {fn} {lab['kind']:8s} {lab['surface']!r:34s} | {_ctx(texts[fn], lab['char_start'], lab['char_end'])}")
    print(f"\n  spurious ({len(res['spurious'])}):")
    for fn, r in res["spurious"]:
        print(f"    {fn} {r['kind']:8s} {r['value']!s:>12s} {r['unit']:13s} subj={r.get('subject')!r} | "
              f"{_ctx(texts[fn], r['char_start'], r['char_end'])}")
    wrong = [(fn, r, lab) for fn, r, lab in res["pairs"] if not subject_matches(lab["subject_head"], r.get("subject"))]
    print(f"\n  wrong subject ({len(wrong)}):")
    for fn, r, lab in wrong:
        print(f"    {fn} {lab['kind']:8s} {lab['surface']!r:28s} got {r.get('subject')!r} want [{lab['subject_head']}] {lab['subject']!r}")
    bad = [(fn, r, lab) for fn, r, lab in res["pairs"] if not value_agrees(r, lab)]
    print(f"\n  value differs ({len(bad)}):")
    for fn, r, lab in bad:
        print(f"    {fn} {lab['surface']!r:28s} got {r.get('value')} {r.get('unit')} (kg {r.get('value_kg')}) "
              f"want {lab['value']} {lab['unit']}")


def speed(texts: list[str], repeats_ours: int = 20, repeats_q: int = 3) -> None:
    chars = sum(map(len, texts))
    run_file(texts[0])
    quantulum.parse(texts[0])  # warm up (quantulum3 loads its unit tables lazily)
    ours_cps, _, ours_passes = throughput(run_file, texts, repeats=repeats_ours, min_seconds=2.0)
    q_cps, _, q_passes = throughput(quantulum.parse, texts, repeats=repeats_q)
    print(f"speed over {len(texts)} texts, {chars:,} characters (original text, whole per-file path):")
    print(f"  extractor (clean, extract, offsets): {ours_cps:12,.0f} chars/s (best of {ours_passes} passes)")
    print(f"  quantulum3 parser.parse           : {q_cps:12,.0f} chars/s (best of {q_passes} passes)")
    print(f"  speed ratio: {ours_cps / q_cps:,.0f}x quantulum3")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="list misses, spurious rows, wrong subjects and values")
    ap.add_argument("--corpus", action="append", help="a corpus folder name under tests/data/probes_extract (repeatable)")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed comparison with quantulum3")
    args = ap.parse_args(argv)
    folders = [f for f in sorted(PROBES.iterdir()) if (f / "labels.json").is_file()]
    if args.corpus:
        folders = [f for f in folders if f.name in args.corpus]
    if not folders:
        sys.exit(f"no corpus with a labels.json under {PROBES}")
    all_texts = []
    for folder in folders:
        texts, labels = load_corpus(folder)
        report(folder.name, texts, labels, score_corpus(texts, labels), args.details)
        all_texts += texts.values()
        print()
    if not args.no_speed:
        speed(all_texts)


if __name__ == "__main__":
    main()
