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

from collections import defaultdict

from .amounts import agree, measure_kind
from .discrepancies import same_subject
from .model import Figure, content_hash


def claim_rows(facts: list[dict], story_of: dict[str, str], document_rank: dict[str, tuple],
               conflicting_facts: set[str]) -> list[dict]:
    """One row per claim. ``facts``: fact rows with their first mention's ``surface`` and
    ``qualifier``; ``story_of``: document id -> story id; ``document_rank``: document id -> its
    place in its story (stories.story_order); ``conflicting_facts``: facts a discrepancy inside
    a story pairs."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for f in facts:
        by_story[story_of[f["document_id"]]].append(f)
    rows = []
    for story_id, members in sorted(by_story.items()):
        # the story's first document first; a document's facts in text order (the sort is stable)
        members.sort(key=lambda f: document_rank[f["document_id"]])
        claims: dict = defaultdict(list)  # measure kind -> claims, each a list of facts
        for f in members:
            figure = _figure(f)
            if f["value"] is None:
                claims[("vague", f["fact_id"])].append([f])
                continue
            options = claims[measure_kind(figure)]
            home = next((c for c in options if _joins(figure, f, c)), None)
            if home is None:
                options.append([f])
            else:
                home.append(f)
        for options in claims.values():
            rows.extend(_row(story_id, c, conflicting_facts) for c in options)
    rows.sort(key=lambda r: r["claim_id"])
    return rows


def _figure(f: dict) -> Figure:
    return Figure(f["kind"], f["value"], f["unit"], f["subject"], f["qualifier"], f["surface"] or "", "",
                  f["fact_id"])


def _joins(figure: Figure, fact: dict, claim: list[dict]) -> bool:
    first = _figure(claim[0])
    return all(g["document_id"] != fact["document_id"] for g in claim) and \
        agree(figure, first) is not None and (not figure.subject or not first.subject or same_subject(figure, first))


def _row(story_id: str, facts: list[dict], conflicting_facts: set[str]) -> dict:
    first = facts[0]
    fact_ids = sorted(f["fact_id"] for f in facts)
    return {
        "claim_id": "claim_" + content_hash(story_id, *fact_ids), "story_id": story_id, "kind": first["kind"],
        "value": first["value"], "unit": first["unit"], "value_kg": first["value_kg"], "subject": first["subject"],
        "n_documents": len(facts), "document_ids": sorted(f["document_id"] for f in facts), "fact_ids": fact_ids,
        "has_conflict": any(f["has_conflict"] or f["fact_id"] in conflicting_facts for f in facts),
    }
