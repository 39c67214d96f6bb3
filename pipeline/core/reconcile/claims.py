"""Claims: the figures a story reports, each once, merged across its documents.

A document's facts are merged across its versions (facts.py); a claim merges the facts of a
story's documents that state one amount of one thing: the same kind of measure, amounts that
agree within the precision written (amounts.agree: "casi 2,200 kilos" and "4,820 pounds"), and
similar subjects (in one language or two: discrepancies.same_thing). A document adds at most
one fact to a claim. A claim takes its value from the story's first document that states it
(earliest published, then most versions: stories.story_order). It has a conflict when one of
its facts has one inside its document, or when a discrepancy pairs one of its facts with a fact
of another document of the same story (51 vs 53 migrants: two claims, both in conflict). This
is the table to sum over when one seizure must count once.
"""

from __future__ import annotations

import math
from collections import defaultdict

from .amounts import agree, claim_key, measure_kind, specificity
from .discrepancies import same_subject
from .model import Figure, content_hash


def claim_rows(facts: list[dict], story_of: dict[str, str], document_rank: dict[str, tuple],
               conflicting_facts: set[str]) -> list[dict]:
    """One row per claim. ``facts``: fact rows with their first mention's ``surface`` and
    ``qualifier``, and ``value_kg``; ``story_of``: document id -> story id; ``document_rank``:
    document id -> its place in its story (stories.story_order); ``conflicting_facts``: facts a
    discrepancy inside a story pairs."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for f in facts:
        by_story[story_of[f["document_id"]]].append(f)
    rows = []
    for story_id, members in sorted(by_story.items()):
        # the story's first document first; a document's facts in text order (the sort is stable)
        members.sort(key=lambda f: document_rank[f["document_id"]])
        claims: list[_Claim] = []
        # claims by (what the amount compares with, its magnitude bucket): a fact is compared with the
        # claims of its bucket and the two beside it, not with every claim of a large story
        buckets: dict = defaultdict(list)
        for f in members:
            figure = _figure(f)
            if f["value"] is None:
                claims.append(_Claim(len(claims), figure, [f]))
                continue
            kind, b = measure_kind(figure), _bucket(f)
            near = sorted((c for d in (-1, 0, 1) for c in buckets.get((kind, b + d), ())), key=lambda c: c.n)
            home = next((c for c in near if c.takes(figure, f)), None)
            if home is None:
                home = _Claim(len(claims), figure, [])
                claims.append(home)
                buckets[(kind, b)].append(home)
            home.add(f)
        rows.extend(_row(story_id, c.facts, conflicting_facts) for c in claims)
    rows.sort(key=lambda r: r["claim_id"])
    return rows


BUCKET = math.log(1.25)  # amounts that agree are within ~10% of each other: at most one bucket apart


def _bucket(f: dict) -> int:
    amount = abs(f["value_kg"] if f["value_kg"] is not None else f["value"])
    return math.floor(math.log(amount) / BUCKET) if amount > 0 else -(1 << 30)


class _Claim:
    """One claim being built: its first fact's figure, its facts and their documents."""

    def __init__(self, n: int, figure: Figure, facts: list[dict]):
        self.n, self.figure, self.facts = n, figure, facts
        self.documents = {f["document_id"] for f in facts}

    def add(self, fact: dict) -> None:
        self.facts.append(fact)
        self.documents.add(fact["document_id"])

    def takes(self, figure: Figure, fact: dict) -> bool:
        """Whether a fact states this claim's amount of the same thing. The same precise amount
        ("$14 million", "1,870 pounds") is the same claim whatever subject each sentence gives it
        (subjects are read less reliably than amounts); a small or rounded one must name the same
        thing. A document adds one fact to a claim at most."""
        first = self.figure
        if fact["document_id"] in self.documents or agree(figure, first) is None:
            return False
        if claim_key(figure) == claim_key(first) and specificity(claim_key(first)) >= SAME_AMOUNT:
            return True
        return not figure.subject or not first.subject or same_subject(figure, first)


SAME_AMOUNT = 1.5  # specificity of two significant digits ("14 million", "1,870")


def _figure(f: dict) -> Figure:
    return Figure(f["kind"], f["value"], f["unit"], f["subject"], f["qualifier"], f["surface"] or "", "",
                  f["fact_id"])


def _row(story_id: str, facts: list[dict], conflicting_facts: set[str]) -> dict:
    first = facts[0]
    fact_ids = sorted(f["fact_id"] for f in facts)
    return {
        "claim_id": "claim_" + content_hash(story_id, *fact_ids), "story_id": story_id, "kind": first["kind"],
        "value": first["value"], "unit": first["unit"], "value_kg": first["value_kg"], "subject": first["subject"],
        "n_documents": len(facts), "document_ids": sorted(f["document_id"] for f in facts), "fact_ids": fact_ids,
        "has_conflict": any(f["has_conflict"] or f["fact_id"] in conflicting_facts for f in facts),
    }
