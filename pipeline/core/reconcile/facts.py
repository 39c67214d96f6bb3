"""Facts of one document: the claims of its versions matched one to one, canonical version first.

Claims of the other versions are matched to the canonical version's facts, each file's claims
in turn:
1. by equal (kind, unit, value) and the most similar subject/sentence (the only fact stating
   that value needs no similarity); values several facts state ("two countries", "two
   governments") pair in order between the facts the file shares on either side (the claim's
   *slot*);
2. a mass in another unit, or a rounded figure ("nearly 3,000", "more than 400,000"), that
   states the same amount within the precision written (amounts.py) joins the nearest such
   fact about the same subject or in its slot -- two exact figures in one unit never do
   ("4,312" is not "4,321");
3. a claim left over with a different value is a conflict (``has_conflict``) of a fact of its
   kind and unit about the same subject stated in a sentence of the same words, or of the only
   such fact in its slot where it is the file's only such claim (a re-translation words the
   sentence anew); anything else is a new fact.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .amounts import agree, claim_key, measure_kind, value_text
from .file_claims import SUBJECT_MATCH, Claim, claims_of, loose, subject_words
from .model import Figure, SourceDoc, content_hash
from .text import content_words, jaccard, overlap
from .vocabulary import PEOPLE

CONFLICT_SENTENCE = 0.6


@dataclass
class Fact:
    claims: list[Claim]
    conflicting: list[Claim] = field(default_factory=list)

    @property
    def first(self) -> Figure:
        return self.claims[0].first

    def files(self) -> set[str]:
        return {c.source_file for c in self.claims + self.conflicting}


def _similarity(a: Figure, b: Figure) -> float:
    return max(overlap(subject_words(a), subject_words(b)),
               jaccard(content_words(a.sentence), content_words(b.sentence)))


def merge_facts(versions: list[SourceDoc]) -> list[Fact]:
    """Facts of one document from its versions, canonical version first."""
    facts: list[Fact] = []
    by_key: dict[tuple, list[int]] = defaultdict(list)  # claim key -> indices of facts stating it
    by_kind: dict[tuple, list[int]] = defaultdict(list)  # (kind, unit) -> indices, for conflicts
    by_measure: dict[str, list[int]] = defaultdict(list)  # measure_kind -> indices, for restatements
    for doc in versions:
        claims = claims_of(doc)
        fact_of: list[int | None] = [None] * len(claims)  # the fact each claim joined, for the slots
        left = []
        # Pass 1: the same value stated, matched to the most similar fact not yet stated by this file.
        for i, claim in enumerate(claims):
            f = claim.first
            options = [(_similarity(f, facts[n].first), n) for n in by_key[claim_key(f)]
                       if doc.source_file not in facts[n].files()
                       # a vague amount ("thousands of ...") is only its subject
                       and (f.value is not None or overlap(subject_words(f), subject_words(facts[n].first)) >= SUBJECT_MATCH)]
            best = max(options, default=None, key=lambda o: (o[0], -o[1]))
            # the only fact stating this value: a translation may reword all around it ("9
            # defendants", "nine persons"); a vague amount has no value to be sure of
            if best and (best[0] >= 0.25 or (f.value is not None and len(options) == 1)):
                facts[best[1]].claims.append(claim)
                fact_of[i] = best[1]
            else:
                left.append(i)
        if not left or not facts:  # all matched, or the first version: every claim is a new fact
            for i in left:
                _new_fact(claims[i], facts, by_key, by_kind, by_measure)
            continue
        slot = _slots(fact_of, len(facts))
        # Pass 1b: a value several facts state, none of them much like this claim (small counts
        # reworded by a translation: "two countries", "dos países"): the facts of that value in the
        # claim's slot, in order, when the slot holds as many of them as this file has claims.
        left = _paired_in_slot(left, claims, facts, by_key, slot, doc.source_file, fact_of)
        # Pass 2: the same amount restated -- in another unit ("6,420 pounds", "2,912 kilograms"),
        # or rounded ("nearly 3,000 pounds", "2,987 pounds") -- equal within the stated precision,
        # about the same subject or in the same place between the figures both versions share.
        still = []
        for i in left:
            f = claims[i].first
            n = _restated_fact(f, facts, by_measure, doc.source_file, slot[i])
            if n is None:
                still.append(i)
            else:
                facts[n].claims.append(claims[i])
        # Pass 3: a different value about the same subject -- in a sentence of the same words, or
        # alone in the same place between the figures both versions share (a re-translation words
        # it anew) -- is a conflict.
        alone = _alone_in_slot(still, claims, facts, slot, doc.source_file)
        for i in still:
            claim = claims[i]
            f = claim.first
            match = None
            if f.value is not None:
                for n in by_kind[(f.kind, f.unit)]:
                    x = facts[n]
                    g = x.first
                    if g.value is not None and g.value != f.value \
                            and doc.source_file not in x.files() \
                            and ((jaccard(content_words(f.sentence), content_words(g.sentence)) >= CONFLICT_SENTENCE
                                  and overlap(subject_words(f), subject_words(g)) >= SUBJECT_MATCH)
                                 or (alone.get(i) == n and overlap(_people(f), _people(g)) >= SUBJECT_MATCH)):
                        match = x
                        break
            if match:
                match.conflicting.append(claim)
            else:
                _new_fact(claim, facts, by_key, by_kind, by_measure)
    for x in facts:  # a fact states its amount as exactly as a version does ("2,640 pounds", not "about 2,600")
        if len(x.claims) > 1 and loose(x.first, None):
            exact = next((c for c in x.claims if not loose(c.first, None)), None)
            if exact is not None:
                x.claims.remove(exact)
                x.claims.insert(0, exact)
    return facts


def _new_fact(claim: Claim, facts: list[Fact], by_key: dict, by_kind: dict, by_measure: dict) -> None:
    f = claim.first
    by_key[claim_key(f)].append(len(facts))
    by_kind[(f.kind, f.unit)].append(len(facts))
    by_measure[measure_kind(f)].append(len(facts))
    facts.append(Fact([claim]))


def _slots(fact_of: list[int | None], n_facts: int) -> list[tuple[int, int] | None]:
    """For each claim of a file, the facts (indices, exclusive) between the facts its nearest
    matched neighbours joined: where the same figure stands in the other versions. None when the
    neighbours stand in the other order."""
    out: list[tuple[int, int] | None] = []
    before = -1
    after = [n_facts] * (len(fact_of) + 1)
    for i in range(len(fact_of) - 1, -1, -1):
        after[i] = fact_of[i] if fact_of[i] is not None else after[i + 1]
    for i, n in enumerate(fact_of):
        if n is not None:
            before = n
        out.append((before, after[i + 1]) if before < after[i + 1] else None)
    return out


def _restated_fact(f: Figure, facts: list[Fact], by_measure: dict, source_file: str,
                   slot: tuple[int, int] | None) -> int | None:
    """The fact that ``f`` restates in another unit or rounded, if any (the nearest amount)."""
    if f.value is None or f.kind not in ("mass", "currency", "count", "percent", "area"):
        return None
    best = None
    for n in by_measure.get(measure_kind(f), ()):
        g = facts[n].first
        if g.value == f.value and g.unit == f.unit or source_file in facts[n].files():
            continue
        d = agree(f, g)
        if d is None:
            continue
        # in its place between shared figures, a mass converted to within 0.25% needs no subject (a
        # translation names it in its own words); a count or a sum of another subject is another figure
        in_slot = slot is not None and slot[0] < n < slot[1] and \
            (f.kind == "mass" and f.unit != g.unit or f.subject is None or g.subject is None)
        if not (in_slot or overlap(_people(f), _people(g)) >= SUBJECT_MATCH):
            continue
        if best is None or d < best[0]:
            best = (d, n)
    return None if best is None else best[1]


def _people(f: Figure) -> frozenset[str]:
    w = subject_words(f)
    return frozenset("person" if x in PEOPLE else x for x in w)


def _paired_in_slot(left: list[int], claims: list[Claim], facts: list[Fact], by_key: dict, slot: list,
                    source_file: str, fact_of: list) -> list[int]:
    """Claims left over whose value facts in their slot state, paired in order; the others."""
    where: dict[tuple, list[int]] = defaultdict(list)
    for i in left:
        f = claims[i].first
        if f.value is not None and slot[i] is not None and by_key.get(claim_key(f)):
            where[(slot[i], claim_key(f))].append(i)
    taken = set()
    for (span, key), members in where.items():
        free = sorted(n for n in by_key[key] if span[0] < n < span[1] and source_file not in facts[n].files())
        if len(free) == len(members):
            for i, n in zip(members, free):
                facts[n].claims.append(claims[i])
                fact_of[i] = n
                taken.add(i)
    return [i for i in left if i not in taken]


def _alone_in_slot(left: list[int], claims: list[Claim], facts: list[Fact], slot: list, source_file: str
                   ) -> dict[int, int]:
    """Claims left over that are the only one of their kind and unit in their slot, where the other
    versions have exactly one fact of that kind and unit this file does not state: claim -> fact."""
    where: dict[tuple, list[int]] = defaultdict(list)
    for i in left:
        f = claims[i].first
        if f.value is not None and slot[i] is not None:
            where[(slot[i], f.kind, f.unit)].append(i)
    out = {}
    for (span, kind, unit), members in where.items():
        if len(members) != 1:
            continue
        free = [n for n in range(span[0] + 1, min(span[1], len(facts)))
                if facts[n].first.kind == kind and facts[n].first.unit == unit
                and facts[n].first.value is not None and source_file not in facts[n].files()]
        if len(free) == 1:
            out[members[0]] = free[0]
    return out


def fact_rows(document_id: str, facts: list[Fact]) -> list[dict]:
    rows, seen = [], Counter()
    for x in facts:
        f = x.first
        base = content_hash(document_id, f.kind, value_text(f.value), f.unit, f.subject)
        seen[base] += 1
        fact_id = base if seen[base] == 1 else content_hash(base, seen[base])  # same claim key twice
        all_claims = x.claims + x.conflicting
        wording = {(c.first.surface, c.first.qualifier) for c in all_claims}
        variants = [] if len(wording) < 2 else [
            {"source_file": c.source_file, "surface": c.first.surface, "qualifier": c.first.qualifier,
             "sentence": c.first.sentence}
            for c in sorted(all_claims, key=lambda c: c.source_file)]
        rows.append({
            "fact_id": fact_id, "document_id": document_id, "kind": f.kind, "value": f.value,
            "unit": f.unit, "subject": next((c.first.subject for c in x.claims if c.first.subject), None),
            "n_sources": len(x.files()), "source_files": sorted(x.files()),
            "has_conflict": bool(x.conflicting), "variants": variants,
            "conflicting_values": sorted({c.first.value for c in x.conflicting}),
            "measurement_ids": [m.measurement_id for c in all_claims for m in c.mentions],
        })
    return rows
