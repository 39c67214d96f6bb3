"""The canonical version of a document: the most complete, then the most official.

Among versions with >= 90% of the group's largest figure-key count and >= 80% of the wording
that at least two versions share (one copy's menus and links are not the document's text),
prefer the issuer's own record to an outlet's copy (a byline or a wire credit at the top),
then one with a date line and a title, then more figure keys, then more prose, then the file
name. A title or date missing from it is taken from the other versions in that order.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from .amounts import agree, claim_key, figure_key, measure_kind
from .model import SourceDoc
from .profiles import Profile


def canonical_order(members: list[int], sources: list[SourceDoc], profiles: list[Profile]) -> list[int]:
    """Members sorted by preference: complete first, then official (the issuer's own record
    before an outlet's copy, a date line and a title), richer, longer, name."""
    if len(members) == 1:
        return list(members)
    # The text of the document: the wording and the figures at least two versions share (one
    # copy's menus, byline and links are not part of it, nor its conversions and rounded restatements
    # of the figures, nor is a truncated copy's missing end absent from it).
    hashes, counts = np.unique(np.concatenate([profiles[i].shingles for i in members]), return_counts=True)
    shared = hashes[counts >= 2]
    most_keys = max(len(profiles[i].keys) for i in members)
    amounts = {i: _amounts(sources[i]) for i in members}

    def rank(i: int):
        covered = np.isin(shared, profiles[i].shingles, assume_unique=True).mean() if shared.size else 1.0
        # an outlet's additions (a sidebar, conversions) do not make the issuer's record incomplete
        missing = sum(_unstated(amounts[j][0], amounts[i][1]) for j in members
                      if j != i and (not profiles[j].republished or profiles[i].republished))
        complete = missing <= 0.1 * most_keys and covered >= 0.8
        return (not complete, profiles[i].republished, -profiles[i].date_title, -len(profiles[i].keys),
                -profiles[i].prose, sources[i].source_file)
    return sorted(members, key=rank)


def _amounts(doc: SourceDoc) -> tuple[dict, dict]:
    """A version's identifying figures (one per figure key) and all its stated amounts, by what
    their amounts compare with."""
    keyed: dict = defaultdict(dict)
    every: dict = defaultdict(dict)
    for f in doc.figures:
        if f.value is None:
            continue
        k = figure_key(f)
        every[measure_kind(f)].setdefault(k or claim_key(f), f)
        if k is not None:
            keyed[measure_kind(f)].setdefault(k, f)
    return keyed, every


def _unstated(theirs: dict, mine: dict) -> int:
    """How many of another version's identifying figures this version states in no form: not the
    same key, nor a restatement ("nearly 3,000 pounds" for "2,987 pounds", "3.9 short tons" for
    "3.5 metric tons"). A copy's conversions and rounded headline figures do not make the record
    incomplete."""
    n = 0
    for kind, figures in theirs.items():
        own = mine.get(kind, {})
        for k, f in figures.items():
            if k not in own and not any(agree(f, g) is not None for g in own.values()):
                n += 1
    return n
