"""Grouping again after a change: only the pairs the change can affect are verified.

Grouping (grouping.py) is global in three ways: boilerplate shingles are those in more
files than a cap, figure keys in more than MAX_KEY_DF files are not indexed, and
candidates come from indexes over every file. :class:`Grouping` keeps what those need --
every file's raw shingles (one concatenated array), its figure keys, the MinHash LSH
index of the boilerplate-free shingles, and the groups in canonical order. A rerun:

1. marks *dirty* the added and changed files, the files whose boilerplate-free shingles
   changed (a shingle crossed the cap) and the files holding a figure key that crossed
   MAX_KEY_DF (their candidate pairs change);
2. verifies the candidate pairs of the dirty files, and the pairs among the other members
   of every group that held a dirty or removed file (such a group can split);
3. keeps every other group: a pair of two files that are not dirty has the candidacy and
   the verdict it had, and union-find's components do not depend on the order of the
   accepted pairs -- so the groups are those of a grouping from nothing
   (tests/test_filecache.py checks it over random rounds of changes).

A change of the boilerplate cap (every 500 files) or of more than MAX_CHANGE of the files
regroups from nothing.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from .candidates import (
    MAX_KEY_DF, MIN_SHARED, candidate, few_keys, lsh_index, mass_bucket_indexed, mass_postings, sketch,
)
from .canonical import canonical_order
from .documents import Plan, document_key
from .grouping import boilerplate, boilerplate_cap, components, group_profiles, union_find, without_boilerplate
from .model import SourceDoc
from .profiles import Profile, build_profiles, profile_key
from .versions import same_document

# Past this many changed files (a share of the corpus, at least MIN_CHANGE), regrouping
# from nothing costs about the same.
MAX_CHANGE, MIN_CHANGE = 0.05, 100


@dataclass
class Grouping:
    names: list[str]  # sorted
    keys: list[str]  # profile keys, parallel to names
    offsets: np.ndarray  # raw shingles of names[i]: shingles[offsets[i]:offsets[i + 1]]
    shingles: np.ndarray
    figure_keys: list[frozenset]  # parallel to names
    mass_keys: list[frozenset]  # parallel to names: profiles.mass_buckets
    common: np.ndarray  # boilerplate shingles, sorted
    lsh: MinHashLSH  # keys: names; over boilerplate-free shingles
    groups: list[list[str]]  # names, each group in canonical order

    def raw(self, i: int) -> np.ndarray:
        return self.shingles[self.offsets[i]:self.offsets[i + 1]]


def _grouping(names, keys, raw: list[np.ndarray], figure_keys, mass_keys, common, lsh, groups) -> Grouping:
    offsets = np.concatenate([[0], np.cumsum([r.size for r in raw], dtype=np.int64)])
    shingles = np.concatenate(raw) if raw else np.empty(0, dtype=np.uint32)
    return Grouping(names, keys, offsets, shingles, figure_keys, mass_keys, common, lsh,
                    [[names[i] for i in g] for g in groups])


def plan_from_nothing(sources: list[SourceDoc], keys: list[str], cache=None) -> tuple[Plan, Grouping]:
    """Group ``sources`` (sorted by name; ``keys``: their profile keys) from nothing, keeping the
    :class:`Grouping` for the next run."""
    profiles = build_profiles(sources, cache, keys)
    raw = [p.shingles for p in profiles]
    common = boilerplate(profiles)
    profiles = without_boilerplate(profiles, common)
    names = [d.source_file for d in sources]
    lsh = lsh_index()
    groups = [canonical_order(g, sources, profiles) for g in group_profiles(sources, profiles, lsh, names)]
    plan = Plan(sources, profiles, groups, _document_keys(sources, keys, groups))
    return plan, _grouping(names, keys, raw, [frozenset(p.keys) for p in profiles], [p.masses for p in profiles],
                           common, lsh, groups)


def _document_keys(sources, keys, groups) -> list[str]:
    return [document_key([(sources[i].source_file, keys[i]) for i in g]) for g in groups]


def plan(sources: list[SourceDoc], cache=None, last: Grouping | None = None) -> tuple[Plan, Grouping]:
    """The documents of ``sources``, regrouping from ``last`` where it can; and the new Grouping."""
    sources = sorted(sources, key=lambda d: d.source_file)  # input order must not matter
    keys = [profile_key(d) for d in sources]
    names = [d.source_file for d in sources]
    if last is None or boilerplate_cap(len(names)) != boilerplate_cap(len(last.names)):
        return plan_from_nothing(sources, keys, cache)
    before = dict(zip(last.names, last.keys))
    added = [i for i, name in enumerate(names) if before.get(name) != keys[i]]
    now = dict(zip(names, keys))
    removed = {name for name in last.names if now.get(name) != before[name]}  # gone or changed
    if len(added) + len(removed) > max(MIN_CHANGE, MAX_CHANGE * len(names)):
        return plan_from_nothing(sources, keys, cache)
    return _regroup(sources, keys, cache, last, added, removed)


def _regroup(sources, keys, cache, last: Grouping, added: list[int], removed: set[str]) -> tuple[Plan, Grouping]:
    n, names = len(sources), [d.source_file for d in sources]
    index = {name: i for i, name in enumerate(names)}
    old = {name: i for i, name in enumerate(last.names)}
    fresh = dict(zip(added, build_profiles([sources[i] for i in added], cache, [keys[i] for i in added])))

    # boilerplate of the new corpus, and the files whose boilerplate-free shingles it changes
    raw = [fresh[i].shingles if i in fresh else last.raw(old[name]) for i, name in enumerate(names)]
    grouping = _grouping(names, keys, raw, [], [], np.empty(0, dtype=np.uint32), last.lsh, [])
    hashes, df = np.unique(grouping.shingles, return_counts=True)
    grouping.common = common = hashes[df > boilerplate_cap(n)]
    crossed = np.setxor1d(common, last.common, assume_unique=True)
    shingles_moved = set()
    if crossed.size:
        at = np.flatnonzero(np.isin(grouping.shingles, crossed))
        shingles_moved = set(np.unique(np.searchsorted(grouping.offsets, at, side="right") - 1).tolist())

    # figure keys, and the files holding a key that crossed MAX_KEY_DF
    grouping.figure_keys = figure_keys = [
        frozenset(fresh[i].keys) if i in fresh else last.figure_keys[old[name]] for i, name in enumerate(names)]
    postings: dict = defaultdict(list)
    for i, ks in enumerate(figure_keys):
        for k in ks:
            postings[k].append(i)
    df_before = Counter(k for ks in last.figure_keys for k in ks)
    keys_moved = {i for k, ids in postings.items() if (len(ids) <= MAX_KEY_DF) != (df_before[k] <= MAX_KEY_DF)
                  for i in ids}
    # mass buckets likewise (a bucket's "kg" and "kg~" files count together)
    grouping.mass_keys = mass_keys = [
        fresh[i].masses if i in fresh else last.mass_keys[old[name]] for i, name in enumerate(names)]
    masses = mass_postings(mass_keys)
    masses_before = mass_postings(last.mass_keys)
    for b in {b for _, b in masses} | {b for _, b in masses_before}:
        if mass_bucket_indexed(masses, b) != mass_bucket_indexed(masses_before, b):
            keys_moved.update(i for i, _ in masses.get(("kg", b), ()))
            keys_moved.update(i for i, _ in masses.get(("kg~", b), ()))

    dirty = set(added) | shingles_moved | keys_moved
    is_touched = [any(name in removed or index[name] in dirty for name in g) for g in last.groups]
    touched = [g for g, t in zip(last.groups, is_touched) if t]
    kept = [g for g, t in zip(last.groups, is_touched) if not t]
    rest = {index[name] for g in touched for name in g if name in index} - dirty

    def clean(i: int) -> np.ndarray:
        r = raw[i]
        return r[~np.isin(r, common)] if common.size else r

    lsh = last.lsh  # the state is the last run's: changed in place
    for name in removed | {names[i] for i in shingles_moved - set(added)}:
        if name in lsh:  # a file whose wording was all boilerplate is not in it
            lsh.remove(name)
    cleaned = {i: clean(i) for i in dirty | rest}
    sketches = {i: sketch(c) for i, c in cleaned.items() if c.size}  # as candidates.candidate_pairs
    for i in sorted(set(added) | shingles_moved):  # the others are in the index as they were
        if i in sketches:
            lsh.insert(names[i], sketches[i])
    grouping.lsh = lsh

    indexed = [sum(len(postings[k]) <= MAX_KEY_DF for k in ks) for ks in figure_keys]

    def candidates(x: int) -> set[int]:
        """The files ``x`` pairs with in :func:`candidates.candidate_pairs`."""
        shared = Counter(j for k in figure_keys[x] if len(postings[k]) <= MAX_KEY_DF for j in postings[k] if j != x)
        out = {j for j, m in shared.items() if candidate(m, indexed[x], indexed[j])}
        # masses in common stated in different units (candidates.mass_pairs, seen from x)
        in_mass: Counter = Counter()
        for tag, b, u in mass_keys[x]:
            if not mass_bucket_indexed(masses, b):
                continue
            for other in (("kg", "kg~") if tag == "kg" else ("kg",)):
                in_mass.update(j for j, v in masses.get((other, b), ()) if j != x and v != u)
        out.update(j for j, m in in_mass.items() if m + shared.get(j, 0) >= MIN_SHARED)
        few = few_keys(figure_keys[x])
        if x in sketches:
            out.update(j for j in map(index.get, lsh.query(sketches[x])) if j != x and (few or few_keys(figure_keys[j])))
        return out

    pairs = {(min(x, j), max(x, j)) for x in dirty for j in candidates(x)}
    pairs |= {(min(x, j), max(x, j)) for x in rest for j in candidates(x) if j in rest}

    profiles: dict[int, Profile] = {}

    def load(ids) -> None:
        todo = sorted(set(ids) - profiles.keys())
        got = build_profiles([sources[i] for i in todo], cache, [keys[i] for i in todo])
        profiles.update(zip(todo, without_boilerplate(got, common)))

    load({i for pair in pairs for i in pair} | dirty | rest)
    find, union = union_find(n)
    for g in kept:
        for name in g[1:]:
            union(index[g[0]], index[name])
    by_sha = defaultdict(list)
    for i, d in enumerate(sources):
        by_sha[d.sha256].append(i)
    for x in dirty | rest:
        for j in by_sha[sources[x].sha256]:
            union(x, j)
    for i, j in sorted(pairs):
        if find(i) != find(j) and same_document(profiles[i], profiles[j]):
            union(i, j)

    order = {frozenset(g): g for g in kept}
    groups = []
    for g in components(n, find):
        before = order.get(frozenset(names[i] for i in g))
        if before is None:
            load(g)
            groups.append(canonical_order(g, sources, profiles))
        else:
            groups.append([index[name] for name in before])
    grouping.groups = [[names[i] for i in g] for g in groups]
    return Plan(sources, profiles, groups, _document_keys(sources, keys, groups)), grouping
