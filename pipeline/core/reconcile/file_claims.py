"""One file's mentions grouped into claims -- what facts.py merges across versions.

A repeat of a figure is one claim, and so is the same amount restated right beside it in
another unit ("2,397 kilograms -- nearly 5,300 pounds --") or rounded in the headline: counted
apart, a version would seem to state figures the others lack.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .amounts import agree, claim_key, measure_kind
from .memo import run_cache
from .model import Figure, SourceDoc
from .text import content_words, overlap
from .vocabulary import APPROXIMATE, BESIDE

SUBJECT_MATCH = 0.5


@dataclass
class Claim:
    """One claim of one file: its mentions (repeats of the claim inside the file)."""
    source_file: str
    mentions: list[Figure]

    @property
    def first(self) -> Figure:
        return self.mentions[0]


@run_cache(maxsize=1 << 18)
def subject_words(f: Figure) -> frozenset[str]:
    return content_words(f.subject or re.sub(r"[\d.,$%]+", " ", f.surface))


def claims_of(doc: SourceDoc) -> list[Claim]:
    """Mentions of one file grouped into claims: a repeat of a claim is not a new fact, nor is the
    same amount restated beside it in another unit ("2,397 kilograms -- nearly 5,300 pounds --") or
    rounded in the headline ("nearly 3,000 pounds of meth" over "2,987 pounds of methamphetamine")."""
    claims: list[Claim] = []
    by_key: dict[tuple, list[Claim]] = defaultdict(list)  # only claims of one value can absorb a mention
    title = _title_line(doc.text)
    # a restatement stands beside the amount, or one of the two in the headline: only those are compared
    in_sentence: dict[str, list[Claim]] = defaultdict(list)
    in_title: list[Claim] = []
    for f in doc.figures:
        key = claim_key(f)
        same = next((c for c in by_key[key]
                     if overlap(subject_words(c.first), subject_words(f)) >= SUBJECT_MATCH), None)
        in_headline = title is not None and f.sentence.strip() == title
        if same is None and f.value is not None:
            near = in_sentence.get(f.sentence, []) + (claims if in_headline else in_title)
            same = next((c for c in near if _restated_in_file(f, c, title)), None) if near else None
            if same is not None:
                by_key[key].append(same)
        if same is None:
            same = Claim(doc.source_file, [])
            claims.append(same)
            by_key[key].append(same)
        if same.mentions and loose(same.first, title) and not loose(f, title):
            same.mentions.insert(0, f)  # the claim is what the body states exactly
        else:
            same.mentions.append(f)
        here = in_sentence[f.sentence]
        if same not in here:
            here.append(same)
        if in_headline and same not in in_title:
            in_title.append(same)
    return claims


def _title_line(text: str) -> str | None:
    """The first line of a text if it reads as a headline (short, no closing period)."""
    line = text.lstrip().split("\n", 1)[0].strip()
    return line if line and not line.endswith(".") and len(line.split()) <= 25 else None


def loose(f: Figure, title: str | None) -> bool:
    """A figure stated loosely: in the headline, or approximately ("nearly", "about")."""
    return f.sentence.strip() == title or bool(f.qualifier and APPROXIMATE.search(f.qualifier.lower()))


def _restated_in_file(f: Figure, claim: Claim, title: str | None) -> bool:
    """Whether ``f`` restates ``claim`` within one file: right beside one of its mentions in another
    unit, or one of them in the headline about the same subject."""
    for g in claim.mentions:
        if measure_kind(g) != measure_kind(f) or agree(f, g) is None:
            continue
        if f.sentence == g.sentence and f.unit != g.unit:
            i, j = f.sentence.find(f.surface), f.sentence.find(g.surface)
            if i >= 0 and j >= 0:
                first, second = (g, f) if j < i else (f, g)
                lo, hi = min(i, j) + len(first.surface), max(i, j)
                if lo <= hi and BESIDE.fullmatch(f.sentence[lo:hi]):
                    return True
        if title is not None and (f.sentence.strip() == title) != (g.sentence.strip() == title) \
                and (f.unit != g.unit or loose(f, None) or loose(g, None)) \
                and (f.subject is None or g.subject is None or _words_agree(subject_words(f), subject_words(g))):
            return True
    return False


def _words_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Subjects agree, a headline's short word standing for the body's ("meth", "methamphetamine")."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return False
    hits = sum(1 for w in small if w in big or any(len(w) >= 4 and (v.startswith(w) or w.startswith(v)) and
                                                   min(len(v), len(w)) >= 4 for v in big))
    return hits / len(small) >= SUBJECT_MATCH
