"""Files grouped into documents: candidate pairs (candidates.py) verified (versions.py) and
joined with union-find.

Shingles found in very many files are site boilerplate, not wording: they are removed before
any comparison. Identical content under two names is one statement whatever its figures say.
Union-find's components do not depend on the order of the accepted pairs, which is what lets
regroup.py verify only the pairs a change touches.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import numpy as np
from datasketch import MinHashLSH

from .candidates import candidate_pairs
from .model import SourceDoc
from .profiles import Profile, profile
from .versions import same_document

BOILERPLATE_DF = 10  # a shingle in more files than this is boilerplate


def boilerplate(profiles: list[Profile]) -> np.ndarray:
    """The shingles found in very many files (site boilerplate), sorted.

    Only a large corpus can tell boilerplate from wording by frequency; in a small one no
    shingle is frequent enough and nothing is removed.
    """
    if not profiles:
        return np.empty(0, dtype=np.uint32)
    # document frequency of every shingle, counted by numpy (a Counter takes seconds at 10,000 files)
    hashes, df = np.unique(np.concatenate([p.shingles for p in profiles]), return_counts=True)
    return hashes[df > boilerplate_cap(len(profiles))]


def boilerplate_cap(n_files: int) -> int:
    return max(BOILERPLATE_DF, n_files // 500)


def without_boilerplate(profiles: list[Profile], common: np.ndarray) -> list[Profile]:
    """New profiles without the ``common`` shingles (a cached profile is never changed in place)."""
    if not common.size or not profiles:
        return list(profiles)
    # one membership test over every file's shingles at once (one np.isin a file took ~1 s at 10,000 files)
    every = np.concatenate([p.shingles for p in profiles])
    bounds = np.cumsum([p.shingles.size for p in profiles])[:-1]
    keep = np.split(~np.isin(every, common), bounds)
    return [replace(p, shingles=shingles[keep[n]]) for n, (p, shingles) in enumerate(zip(profiles, np.split(every, bounds)))]


def union_find(n: int):
    """``find`` and ``union`` over 0..n-1; a component's root is its smallest member."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)
    return find, union


def components(n: int, find) -> list[list[int]]:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return sorted(groups.values())


def group_sources(sources: list[SourceDoc], profiles: list[Profile] | None = None) -> list[list[int]]:
    """Indices of the sources, grouped into documents (each group sorted, groups by first index).
    ``profiles`` (raw, as :func:`profile` makes them) are replaced in the list by their
    boilerplate-free copies."""
    profiles = profiles if profiles is not None else [profile(d) for d in sources]
    profiles[:] = without_boilerplate(profiles, boilerplate(profiles))
    return group_profiles(sources, profiles)


def group_profiles(sources: list[SourceDoc], profiles: list[Profile], lsh: MinHashLSH | None = None,
                   labels: list | None = None) -> list[list[int]]:
    """:func:`group_sources` on boilerplate-free profiles (``lsh``, ``labels``: see :func:`candidate_pairs`)."""
    find, union = union_find(len(sources))
    # Identical content under two names is one statement, whatever its figures say (a
    # figure key found in very many files is not indexed, so copies may not meet as candidates).
    first_of: dict[str, int] = {}
    for i, d in enumerate(sources):
        union(i, first_of.setdefault(d.sha256, i))
    for i, j in sorted(candidate_pairs(profiles, lsh, labels)):
        if find(i) != find(j) and same_document(profiles[i], profiles[j]):
            union(i, j)
    return components(len(sources), find)
