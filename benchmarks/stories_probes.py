"""Score the two levels of sameness (issue 16) on the labelled probe corpora.

Each folder under tests/data/probes_stories/ holds .txt files and a labels.json written by
reading the texts before any pipeline code ran on them. For each corpus this script runs
the real pipeline (`pipeline run`, the CLI entry, in a subprocess with no file cache and a
throw-away DAGSTER_HOME), reads the published warehouse and scores:

- documents: pairs of files in the same `sources.document_id` against the labelled groups
  of versions of one text;
- stories: pairs of labelled documents in the same `documents.story_id`. A labelled
  document's predicted story is the story of the document most of its files were put in.
  Until the warehouse has `documents.story_id`, every published document is scored as its
  own story (so two labelled documents count as one story only when they were merged into
  one published document), and the output says so;
- discrepancies: rows of table `discrepancies` against the labelled pairs. A row matches a
  label when its two documents contain files of the two labelled documents (in either
  order) and its two values are the labelled ones; rows are counted once per document
  pair and value pair. Separately: how many labelled pairs of unrelated events that share
  a date were flagged.

Finally it runs the pipeline on the project's seed sources and reports whether the seeds'
51-vs-53 migrants discrepancy is found.

    .venv/bin/python benchmarks/stories_probes.py [--corpora DIR] [--seeds DIR] [--only s1,s3]

Label integrity (not scores) is tested by tests/test_stories_probes_labels.py.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "tests" / "data" / "probes_stories"
TARGETS = {"documents": (0.95, 0.90), "stories": (0.90, 0.85), "discrepancies_precision": 0.90}


# ---------------------------------------------------------------- running the pipeline

def run_pipeline(sources: Path, workdir: Path) -> Path:
    """Publish a warehouse for `sources` into `workdir` with the project's own CLI."""
    warehouse = workdir / "probe.duckdb"
    home = workdir / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PIPELINE_CACHE_DIR="", DAGSTER_HOME=str(home), DAGSTER_DISABLE_TELEMETRY="1",
               GX_ANALYTICS_ENABLED="false")
    env.pop("PIPELINE_SOURCES_DIR", None)
    env.pop("PIPELINE_WAREHOUSE_PATH", None)
    cli = Path(sys.executable).with_name("pipeline")
    command = [str(cli), "run", "--sources", str(sources), "--warehouse", str(warehouse), "--log-level", "ERROR"]
    done = subprocess.run(command, env=env, cwd=workdir, capture_output=True, text=True)
    if done.returncode != 0 or not warehouse.exists():
        raise RuntimeError(f"pipeline run on {sources} failed (exit {done.returncode}):\n"
                           f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return warehouse


def columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()
    return {r[0] for r in rows}


def read_warehouse(path: Path) -> dict:
    with duckdb.connect(str(path), read_only=True) as con:
        sources = con.execute("SELECT source_file, status, document_id FROM sources ORDER BY 1").fetchall()
        has_story = "story_id" in columns(con, "documents")
        story_sql = "story_id" if has_story else "document_id"
        story_of_doc = dict(con.execute(f"SELECT document_id, {story_sql} FROM documents").fetchall())
        disc_cols = columns(con, "discrepancies")
        wanted = ["document_id_a", "value_a", "source_files_a", "document_id_b", "value_b", "source_files_b"]
        extra = [c for c in ("kind", "unit", "subject") if c in disc_cols]
        discrepancies = [dict(zip(wanted + extra, row)) for row in
                         con.execute(f"SELECT {', '.join(wanted + extra)} FROM discrepancies ORDER BY ALL").fetchall()]
    doc_of_file = {f: d for f, status, d in sources if status == "ok" and d is not None}
    rejected = sorted(f for f, status, _ in sources if status != "ok")
    files_of_doc: dict[str, set[str]] = {}
    for f, d in doc_of_file.items():
        files_of_doc.setdefault(d, set()).add(f)
    return {"doc_of_file": doc_of_file, "files_of_doc": files_of_doc, "story_of_doc": story_of_doc,
            "has_story": has_story, "discrepancies": discrepancies, "rejected": rejected}


# ---------------------------------------------------------------- scoring

def pairs_within(groups) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(g), 2)}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float | None, float | None]:
    return (tp / n_pred if n_pred else None), (tp / n_gold if n_gold else None)


def score_documents(labels: dict, wh: dict) -> dict:
    gold = pairs_within(labels["documents"])
    pred = pairs_within(wh["files_of_doc"].values())
    return {"tp": len(gold & pred), "pred": len(pred), "gold": len(gold),
            "false_pairs": sorted(tuple(sorted(p)) for p in pred - gold),
            "missed_pairs": sorted(tuple(sorted(p)) for p in gold - pred)}


def predicted_story_of(doc_files: list[str], wh: dict) -> str | None:
    """The story of the published document most of a labelled document's files went to."""
    stories = [wh["story_of_doc"].get(wh["doc_of_file"].get(f)) for f in sorted(doc_files)]
    stories = [s for s in stories if s is not None]
    if not stories:
        return None
    counts = Counter(stories)
    best = max(counts.values())
    return next(s for s in stories if counts[s] == best)  # ties: the first file's (sorted names)


def score_stories(labels: dict, wh: dict) -> dict:
    docs = [tuple(sorted(d)) for d in labels["documents"]]
    gold_story = {}
    for i, story in enumerate(labels["stories"]):
        for d in story:
            gold_story[tuple(sorted(d))] = i
    pred_story = {d: predicted_story_of(list(d), wh) for d in docs}
    gold, pred = set(), set()
    for a, b in itertools.combinations(docs, 2):
        key = frozenset((a[0], b[0]))  # a labelled document named by its first file
        if gold_story[a] == gold_story[b]:
            gold.add(key)
        if pred_story[a] is not None and pred_story[a] == pred_story[b]:
            pred.add(key)
    return {"tp": len(gold & pred), "pred": len(pred), "gold": len(gold),
            "false_pairs": sorted(tuple(sorted(p)) for p in pred - gold),
            "missed_pairs": sorted(tuple(sorted(p)) for p in gold - pred)}


def _same_value(x: float, y: float) -> bool:
    return abs(float(x) - float(y)) <= 1e-6 * max(1.0, abs(float(x)), abs(float(y)))


def _values_match(row: dict, label: dict) -> bool:
    a, b = row["value_a"], row["value_b"]
    la, lb = label["value_a"], label["value_b"]
    return (_same_value(a, la) and _same_value(b, lb)) or (_same_value(a, lb) and _same_value(b, la))


def _docs_match(row: dict, label: dict, gold_doc_of: dict, wh: dict) -> bool:
    files_a = wh["files_of_doc"].get(row["document_id_a"], set())
    files_b = wh["files_of_doc"].get(row["document_id_b"], set())
    ga, gb = set(gold_doc_of[label["file_a"]]), set(gold_doc_of[label["file_b"]])
    return bool((files_a & ga and files_b & gb) or (files_a & gb and files_b & ga))


def score_discrepancies(labels: dict, wh: dict) -> dict:
    gold_doc_of = {f: tuple(sorted(d)) for d in labels["documents"] for f in d}
    rows, seen = [], set()
    for row in wh["discrepancies"]:
        key = (frozenset((row["document_id_a"], row["document_id_b"])),
               frozenset((round(float(row["value_a"]), 6), round(float(row["value_b"]), 6))))
        if key not in seen:
            seen.add(key)
            rows.append(row)
    gold = labels["discrepancies"]
    unrelated = [n for n in labels["not_discrepancies"] if n.get("relation", "unrelated_events") == "unrelated_events"]
    tp_rows, false_rows, found = 0, [], set()
    unrelated_hits: set[int] = set()
    for row in rows:
        hits = [i for i, g in enumerate(gold) if _docs_match(row, g, gold_doc_of, wh) and _values_match(row, g)]
        if hits:
            tp_rows += 1
            found.update(hits)
            continue
        wrong_events = [i for i, n in enumerate(unrelated) if _docs_match(row, n, gold_doc_of, wh)]
        unrelated_hits.update(wrong_events)
        false_rows.append((row, "unrelated same-date events" if wrong_events else "not labelled"))
    n_unrelated_rows = sum(1 for _, why in false_rows if why == "unrelated same-date events")
    return {"tp": tp_rows, "pred": len(rows), "gold": len(gold), "found": len(found),
            "unrelated_rows": n_unrelated_rows, "unrelated_labelled": len(unrelated),
            "unrelated_flagged": len(unrelated_hits),
            "false_rows": false_rows, "missed": [g for i, g in enumerate(gold) if i not in found]}


# ---------------------------------------------------------------- printing

def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.3f}"


def describe_row(row: dict) -> str:
    a = ",".join(sorted(row.get("source_files_a") or [])) or row["document_id_a"]
    b = ",".join(sorted(row.get("source_files_b") or [])) or row["document_id_b"]
    what = " ".join(str(row[c]) for c in ("kind", "unit") if row.get(c))
    return f"{a} {row['value_a']:g} vs {b} {row['value_b']:g} ({what}; subject {row.get('subject')!r})"


def report_corpus(name: str, labels: dict, wh: dict, docs: dict, stories: dict, disc: dict) -> list[str]:
    out = [f"== {name}: {len(wh['doc_of_file'])} files ok, {len(wh['rejected'])} rejected "
           f"{wh['rejected'] if wh['rejected'] else ''}".rstrip()]
    p, r = prf(docs["tp"], docs["pred"], docs["gold"])
    out.append(f"  documents (version pairs):  P {fmt(p)}  R {fmt(r)}   tp {docs['tp']} / predicted {docs['pred']} / labelled {docs['gold']}")
    for a, b in docs["false_pairs"]:
        out.append(f"    merged, not versions:  {a} + {b}")
    for a, b in docs["missed_pairs"]:
        out.append(f"    versions not merged:   {a} + {b}")
    p, r = prf(stories["tp"], stories["pred"], stories["gold"])
    out.append(f"  stories (document pairs):   P {fmt(p)}  R {fmt(r)}   tp {stories['tp']} / predicted {stories['pred']} / labelled {stories['gold']}")
    for a, b in stories["false_pairs"]:
        out.append(f"    joined, not one story: {a} + {b}")
    for a, b in stories["missed_pairs"]:
        out.append(f"    one story, not joined: {a} + {b}")
    p = disc["tp"] / disc["pred"] if disc["pred"] else None
    r = disc["found"] / disc["gold"] if disc["gold"] else None
    out.append(f"  discrepancies:              P {fmt(p)}  R {fmt(r)}   correct rows {disc['tp']} / rows {disc['pred']}; "
               f"labelled found {disc['found']} / {disc['gold']}; unrelated same-date pairs flagged "
               f"{disc['unrelated_flagged']} / {disc['unrelated_labelled']}")
    for row, why in disc["false_rows"]:
        out.append(f"    wrong ({why}): {describe_row(row)}")
    for g in disc["missed"]:
        out.append(f"    missed: {g['file_a']} {g['value_a']} vs {g['file_b']} {g['value_b']} {g['unit']} ({g['date']})")
    return out


def seeds_check(seeds: Path) -> tuple[bool, list[str]]:
    with tempfile.TemporaryDirectory(prefix="stories_probes_seeds_") as tmp:
        wh = read_warehouse(run_pipeline(seeds, Path(tmp)))
    hits = [row for row in wh["discrepancies"]
            if {round(float(row["value_a"])), round(float(row["value_b"]))} == {51, 53}]
    return bool(hits), [describe_row(row) for row in hits]


def git_head() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pipeline"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return head + (" (pipeline/ has uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="folder of corpus folders with labels.json")
    parser.add_argument("--seeds", type=Path, default=ROOT / "sources", help="seed sources for the 51-vs-53 check")
    parser.add_argument("--only", help="comma-separated corpus names")
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds' 51-vs-53 check")
    args = parser.parse_args(argv)

    corpora = sorted(p.parent for p in args.corpora.glob("*/labels.json"))
    if args.only:
        wanted = set(args.only.split(","))
        corpora = [c for c in corpora if c.name in wanted]
    started = time.time()
    print(f"stories_probes: code at commit {git_head()}; {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}")
    totals = {k: Counter() for k in ("documents", "stories", "discrepancies")}
    table, has_story = [], None
    for corpus in corpora:
        labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix=f"stories_probes_{corpus.name}_") as tmp:
            wh = read_warehouse(run_pipeline(corpus, Path(tmp)))
        has_story = wh["has_story"] if has_story is None else (has_story and wh["has_story"])
        docs, stories, disc = score_documents(labels, wh), score_stories(labels, wh), score_discrepancies(labels, wh)
        print("\n".join(report_corpus(corpus.name, labels, wh, docs, stories, disc)), flush=True)
        for key, s in (("documents", docs), ("stories", stories)):
            totals[key].update({"tp": s["tp"], "pred": s["pred"], "gold": s["gold"]})
        totals["discrepancies"].update({k: disc[k] for k in ("tp", "pred", "gold", "found", "unrelated_rows",
                                                              "unrelated_flagged", "unrelated_labelled")})
        table.append((corpus.name, docs, stories, disc))

    print()
    if not has_story:
        print("NOTE: the warehouse has no documents.story_id yet: stories are scored as "
              "'each published document is its own story'.")
    print(f"{'corpus':<8} {'doc P':>6} {'doc R':>6} {'story P':>8} {'story R':>8} {'disc P':>7} {'disc R':>7} "
          f"{'unrelated flagged':>18}")
    rows = list(table)
    t = totals
    rows.append(("overall", dict(t["documents"]), dict(t["stories"]), dict(t["discrepancies"])))
    for name, d, s, x in rows:
        dp, dr = prf(d["tp"], d["pred"], d["gold"])
        sp, sr = prf(s["tp"], s["pred"], s["gold"])
        xp = x["tp"] / x["pred"] if x["pred"] else None
        xr = x["found"] / x["gold"] if x["gold"] else None
        print(f"{name:<8} {fmt(dp):>6} {fmt(dr):>6} {fmt(sp):>8} {fmt(sr):>8} {fmt(xp):>7} {fmt(xr):>7} "
              f"{x['unrelated_flagged']:>8} / {x['unrelated_labelled']:<7}")
    x = t["discrepancies"]
    unrelated_p = x["tp"] / (x["tp"] + x["unrelated_rows"]) if (x["tp"] + x["unrelated_rows"]) else None
    print(f"discrepancy precision counting only rows on unrelated same-date events as wrong: {fmt(unrelated_p)} "
          f"({x['tp']} correct, {x['unrelated_rows']} on unrelated events)")
    print(f"targets: documents P>={TARGETS['documents'][0]} R>={TARGETS['documents'][1]}; "
          f"stories P>={TARGETS['stories'][0]} R>={TARGETS['stories'][1]}; "
          f"discrepancies P>={TARGETS['discrepancies_precision']} on unrelated same-date pairs")
    if not args.no_seeds:
        found, rows_51 = seeds_check(args.seeds)
        print(f"seeds ({args.seeds}): 51-vs-53 migrants discrepancy {'FOUND' if found else 'NOT FOUND'}")
        for line in rows_51:
            print(f"  {line}")
    print(f"({time.time() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
