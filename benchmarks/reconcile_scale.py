"""Time the grouping of source files into documents at 1,000 and 10,000 files.

Usage: python benchmarks/reconcile_scale.py [--sizes 1000 10000] [--seed 7]

The corpus is synthetic and deterministic (fixed seed): families of true versions of a
release (the original, a web copy with chrome and curly quotes, a truncated copy, a
reworded copy) and near-miss siblings built from the same template and boilerplate with
other figures. Besides the times and their ratio (target < 15 for 10x the files, i.e.
about linear: candidate pairs come from indexes, never from all pairs), it prints the
pairwise precision and recall of the grouping against the generator's truth.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.core.reconcile.grouping import group_sources  # noqa: E402
from pipeline.core.reconcile.model import Figure, SourceDoc  # noqa: E402

WORDS = ("border security cooperation agency officers port entry cargo inspection network criminal "
         "smuggling trafficking prevention treatment program investment justice prosecution investigation "
         "customs shipment container vehicle highway checkpoint region state federal partner task force "
         "strategy framework dialogue report funding training equipment community public health").split()
DRUGS = ["fentanyl", "methamphetamine", "cocaine", "heroin", "marijuana", "precursor chemicals"]
COMMON_PERCENTS = [10, 20, 25, 40, 50]  # values many unrelated texts share


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _figure_sentence(rng: random.Random) -> tuple[str, Figure]:
    r = rng.random()
    if r < 0.4:
        v, drug = rng.randint(11, 99_999), rng.choice(DRUGS)
        surface = f"{v:,} pounds"
        s, fig = f"Officers seized {surface} of {drug} at the {rng.choice(WORDS)} checkpoint.", ("mass", v, "lb", drug)
    elif r < 0.6:
        v = round(rng.uniform(1, 90), 1) * 1e6
        surface = f"${v / 1e6:.1f} million"
        s, fig = f"The program invested {surface} in {rng.choice(WORDS)} {rng.choice(WORDS)}.", ("currency", v, "usd", "funding")
    elif r < 0.8:
        v = rng.choice(COMMON_PERCENTS) if rng.random() < 0.5 else rng.randint(11, 95)
        surface = f"{v} percent"
        s, fig = f"Prosecutions rose {surface} over the previous {rng.choice(WORDS)} period.", ("percent", v, "percent", "increase")
    else:
        v = rng.randint(11, 9_999)
        surface = f"{v:,} defendants"
        s, fig = f"Prosecutors charged {surface} in the {rng.choice(WORDS)} district.", ("count", v, "count", "defendants")
    kind, value, unit, subject = fig
    return s, Figure(kind, float(value), unit, subject, None, surface, s, "")


def _release(rng: random.Random, boilerplate: list[str], n_figures: int) -> list[tuple[str, Figure | None]]:
    parts: list[tuple[str, Figure | None]] = [(f"Release {rng.randrange(10**9)} on {rng.choice(WORDS)} operations", None)]
    for _ in range(rng.randint(2, 4)):  # the release's own prose
        parts.append((_sentence(rng, rng.randint(10, 20)), None))
    for _ in range(n_figures):
        parts.append(_figure_sentence(rng))
        parts.append((_sentence(rng, rng.randint(8, 16)), None))
    parts += [(p, None) for p in boilerplate]
    return parts


def _render(name: str, parts: list[tuple[str, Figure | None]]) -> SourceDoc:
    text = "\n".join(p for p, _ in parts)
    figs = tuple(Figure(f.kind, f.value, f.unit, f.subject, None, f.surface, s,
                        hashlib.sha256(f"{name}:{i}".encode()).hexdigest()[:16])
                 for i, (s, f) in enumerate(parts) if f is not None)
    return SourceDoc(name, hashlib.sha256(text.encode()).hexdigest(), text, figs)


def _version(rng: random.Random, parts: list, how: str) -> list:
    if how == "chrome":
        return [("Home News Releases", None)] + [(p.replace("'", "\u2019"), f) for p, f in parts] + [("Scroll to Top", None)]
    if how == "truncated":
        return parts[: max(4, len(parts) * 3 // 5)]
    if how == "reworded":
        out = []
        for p, f in parts:
            p2 = p.replace("seized", "confiscated").replace("charged", "prosecuted").replace("Officers", "Agents")
            out.append((p2, f and Figure(f.kind, f.value, f.unit, f.subject, None, f.surface, p2, "")))
        return out
    return parts


def corpus(n: int, seed: int) -> tuple[list[SourceDoc], list[int]]:
    """n source files and the true document number of each."""
    rng = random.Random(seed)
    docs, truth = [], []
    boilerplates = [[_sentence(rng, 20) for _ in range(3)] for _ in range(max(1, n // 40))]
    family = 0
    while len(docs) < n:
        boiler = rng.choice(boilerplates)  # near-miss siblings: same boilerplate, other figures
        for _sibling in range(rng.choice([1, 1, 2, 3])):
            parts = _release(rng, boiler, rng.choice([0, 1, 3, 5, 8]))
            hows = ["original"] + rng.sample(["chrome", "truncated", "reworded"], rng.choice([0, 0, 1, 2]))
            for how in hows:
                if len(docs) < n:
                    docs.append(_render(f"{len(docs):06d}.txt", _version(rng, parts, how)))
                    truth.append(family)
            family += 1
    return docs, truth


def pairwise(groups: list[list[int]], truth: list[int]) -> tuple[float, float]:
    pred = {frozenset(p) for g in groups for p in combinations(g, 2)}
    gold = set()
    members: dict[int, list[int]] = {}
    for i, t in enumerate(truth):
        members.setdefault(t, []).append(i)
    for m in members.values():
        gold.update(frozenset(p) for p in combinations(m, 2))
    tp = len(pred & gold)
    return (tp / len(pred) if pred else 1.0, tp / len(gold) if gold else 1.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    times = []
    for n in args.sizes:
        docs, truth = corpus(n, args.seed)
        wall, cpu = time.perf_counter(), time.process_time()
        groups = group_sources(docs)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        times.append(cpu)  # CPU time of this process: other load on the machine does not skew it
        p, r = pairwise(groups, truth)
        print(f"n={n:>6}  grouping cpu {cpu:7.2f} s  wall {wall:7.2f} s  documents={len(groups):>6}  "
              f"pairwise P={p:.3f} R={r:.3f}")
    if len(times) >= 2:
        ratio = times[-1] / times[0]
        print(f"ratio {args.sizes[-1]}/{args.sizes[0]} (cpu): {ratio:.1f} (target < 15)")


if __name__ == "__main__":
    main()
