"""Candidate pairs of versions, from indexes -- never all pairs.

An inverted index of figure keys (a key in very many files is boilerplate: not indexed),
buckets of masses in kilograms (a copy restating them in another unit), and MinHash LSH over
the wording of texts with few figures. Only these pairs are verified (versions.py), so the
work grows with the number of files, not with its square.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from datasketch import MinHash, MinHashLSH

from .profiles import Profile

MAX_KEY_DF = 50       # a figure key in more files than this is boilerplate, not identity
MIN_SHARED = 2

# Jaccard similarity for the LSH index. A truncated copy's Jaccard with its original is about
# its length ratio (a third of the text kept: ~0.3) while its containment is 1, so the index
# must reach low; pair verification (containment, figures) restores the precision.
LSH_THRESHOLD = 0.3

NUM_PERM = 64
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)


def sketch(shingles: np.ndarray) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme,
                hashfunc=int)  # shingles are already 32-bit hashes
    m.update_batch(shingles)
    return m


def lsh_index() -> MinHashLSH:
    return MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)


def few_keys(keys: set | frozenset) -> bool:
    """Too few figure keys to be found by them: such a text is found by its wording."""
    return len(keys) < MIN_SHARED


def mass_postings(masses_of) -> dict:
    """Bucket ``(tag, b)`` -> the (file, unit) posted in it, from the files' :func:`mass_buckets`."""
    postings: dict = defaultdict(list)
    for i, ms in enumerate(masses_of):
        for tag, b, unit in ms:
            postings[(tag, b)].append((i, unit))
    return postings


def mass_pairs(postings: dict) -> Counter:
    """How many masses each pair of files states in different units within a bucket of each other
    (each bucket's files, "kg" and "kg~", at most MAX_KEY_DF)."""
    out: Counter = Counter()
    for (tag, b), ids in postings.items():
        if tag != "kg" or not mass_bucket_indexed(postings, b):
            continue
        near = postings.get(("kg~", b), ())
        if len({u for _, u in ids} | {u for _, u in near}) < 2:
            continue  # all in one unit
        out.update((min(x, y), max(x, y)) for n, (x, u) in enumerate(ids) for y, v in ids[n + 1:] if x != y and u != v)
        out.update((min(x, y), max(x, y)) for x, u in ids for y, v in near if x != y and u != v)
    return out


def mass_bucket_indexed(postings: dict, b: int) -> bool:
    return len(postings.get(("kg", b), ())) + len(postings.get(("kg~", b), ())) <= MAX_KEY_DF


def candidate(n_shared: int, indexed_a: int, indexed_b: int) -> bool:
    """Whether two files sharing ``n_shared`` indexed figure keys (of ``indexed_a`` and ``indexed_b``)
    are worth verifying: two shared, or all of a file's one; or one of two each (a corrected copy
    of a short release: one of its two figures changed)."""
    return n_shared >= MIN_SHARED or min(indexed_a, indexed_b) < MIN_SHARED or \
        indexed_a == indexed_b == MIN_SHARED


def candidate_pairs(profiles: list[Profile], lsh: MinHashLSH | None = None,
                    labels: list | None = None) -> set[tuple[int, int]]:
    """``lsh``: an empty index to fill, for a caller that keeps it; its keys are ``labels`` (the
    profiles' indices by default)."""
    labels = labels if labels is not None else list(range(len(profiles)))
    index = {label: i for i, label in enumerate(labels)}
    postings: dict = defaultdict(list)
    for i, p in enumerate(profiles):
        for k in p.keys:
            postings[k].append(i)
    # A fixed cap on a key's postings keeps the pair count linear in the number of files
    # (at most MAX_KEY_DF pairs per posting).
    shared: Counter = Counter()
    indexed = Counter()
    for ids in postings.values():
        if len(ids) <= MAX_KEY_DF:
            indexed.update(ids)
            shared.update((a, b) for n, a in enumerate(ids) for b in ids[n + 1:])
    # Files with several identifying figures must share two of them to be worth verifying.
    pairs = {(a, b) for (a, b), n in shared.items() if candidate(n, indexed[a], indexed[b])}
    # ... counting the masses they state in different units ("1,198 kilograms", "2,641 pounds")
    for pair, n in mass_pairs(mass_postings([p.masses for p in profiles])).items():
        if n + shared.get(pair, 0) >= MIN_SHARED:
            pairs.add(pair)
    # Texts with few figures are found by their wording instead: every text goes into
    # the LSH index, and those with fewer than MIN_SHARED figure keys query it. (Querying
    # it for texts whose figures are all too common to index as well multiplied the pairs
    # to verify by ten on the 10,000-file benchmark corpus: template releases look alike.)
    lsh = lsh if lsh is not None else lsh_index()
    sketches = {}
    for i, p in enumerate(profiles):
        if not p.shingles.size:
            # all its wording is boilerplate: nothing to find it by (an empty sketch collided with
            # ~4,000 files of the 10,000-file benchmark corpus, pairs that wording can never accept)
            continue
        m = sketch(p.shingles)
        lsh.insert(labels[i], m)
        if few_keys(p.keys):
            sketches[i] = m
    for i, m in sketches.items():
        pairs.update((min(i, j), max(i, j)) for j in map(index.get, lsh.query(m)) if j != i)
    return pairs
