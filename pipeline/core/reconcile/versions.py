"""Whether two files are versions of one statement: the verdict on a candidate pair.

The figures a text states are its fingerprint: they survive reformatting, chrome, truncation
and re-translation, while shared boilerplate prose is a false signal. With S the file with
fewer figure keys: figure containment = weighted share of S's keys also in the other file
(more significant digits weigh more: "5,046" identifies more than "40"), a key the other
states in another unit or rounded ("1,198 kilograms", "nearly 2,700 pounds" for "2,641
pounds") counting at the weight of the less precise of the two; disagreement = figures whose
sentence matches a sentence of the other file (same kind and unit, any unit for a mass,
similar words) that states a different amount -- the signature of two releases built from one
template. Text similarity = share of S's word 3-shingles inside the other text, ignoring
shingles found in very many files (boilerplate). Accept when disagreement <= 25% of agreement
(none at all between texts dated a week or more apart: the next statement of a series; one
figure at most, on the same day in the same wording: a corrected copy) and
- S has >= 2 keys: >= 2 shared, containment >= 0.6, text similarity >= 0.1 (0.5 when the
  shared keys all stand in one sentence of S: a quoted sentence, a template's penalty clause
  -- and never between texts dated a week or more apart); in two languages (a translation
  shares no wording) >= 5 shared and containment >= 0.9, or >= 4 from several sentences of
  both, containment >= 0.8, in the same order, or all of a short text's figures and the other
  numbers it writes (ages, roads, counts);
- S has 1 key: it is shared and text similarity >= 0.5 unless the other numbers the two write
  disagree (another release of a template); or those numbers agree (>= 3, 75%) and text
  similarity >= 0.1 or another language; or a precise figure, the same numbers and the same
  date (a short re-translation);
- S has none: the other has at most 1 key, text similarity >= 0.85 and they are dated less
  than a week apart (a text stating none of the other's figures is not a version of it; next
  year's opening paragraph reads the same);
- whatever S has: the same wording (>= 0.9, about as long) on the same day with one figure
  changed is a corrected copy.
Whatever the figures say, a version is the same text: in one language it keeps the other's
wording (>= 0.3 of the shorter text's shingles: a truncated or chromed copy, a wire write-through
that keeps most sentences; an outlet's rewrite in its own words keeps < 0.25; >= 0.5 for a text
less than half as long as the other: a summary borrows phrases, a truncation keeps whole sentences), or, a translation or
a re-translation, it writes the same numbers (Jaccard >= 0.8 of every number, dates left out) at about the same
length (>= 0.7 of the longer's prose): a translation renders every number again, a rewrite
drops some and adds its own conversions ("casi 2,200 kilos"). Rewrites, news stories and fact
sheets about one announcement are one *story* (stories.py), not versions.
A pair is turned down when the other text states more of other figures before the first it
shares than it shares (S is the second statement of a digest: a copy is cut at its end, not at
its start), or, in other words than S's, a month or more apart (a later statement restating a
case's figures).
"""

from __future__ import annotations

import zlib

import numpy as np

from pipeline.core.extract.units import STORED_MASS_UNITS

from .amounts import agree, intervals, measure_kind, specificity
from .candidates import MIN_SHARED
from .memo import run_cache
from .model import Figure
from .profiles import Profile, numerals
from .text import jaccard, text_overlap

MIN_CONTAINMENT = 0.6
MAX_DISAGREEMENT = 0.25
MIN_TEXT_WITH_FIGURES = 0.1
MIN_TEXT_FEW_FIGURES = 0.85  # wording alone: boilerplate can make up most of a short release
MIN_TEXT_ONE_FIGURE = 0.5
MIN_NUMBERS = 3  # numbers (any, dates left out) two texts of one figure must have in common to be compared by them
MIN_NUMBERS_ONE_FIGURE = 0.75  # share of the numbers of one of them: a copy in other words, or a translation
MIN_TEXT_ONE_FIGURE_NUMBERS = 0.1
PRECISE = 2.0  # the specificity of a figure of three significant digits or more
MIN_NUMBERS_TEMPLATE = 0.5  # fewer: another release of one template, however alike the wording
MIN_SHARED_TRANSLATED = 5  # a version in the other language
MIN_CONTAINMENT_TRANSLATED = 0.9
MIN_CONTAINMENT_TRANSLATED_ORDERED = 0.8  # one figure fewer, in the same order
IN_ORDER = 0.8
SENTENCE_MATCH = 0.5
MIN_TEXT_PART = 0.8  # a text of fewer figures than the other's non-shared ones: its wording, cut short
MIN_TEXT_CORRECTED = 0.9  # a corrected copy: the same wording, one figure changed
SERIES_DAYS = 7
MAX_DAYS_VERSION = 30  # a copy in other words published a month or more later is another statement
MIN_TEXT_VERSION = 0.3  # wording a version in the same language keeps (rewrites measured <= 0.24)
# ... and half of it when the text is less than half as long: a truncated copy keeps its sentences
# whole, a short summary in its own words borrows phrases
MIN_LENGTH_SUMMARY, MIN_TEXT_SHORT_VERSION = 0.5, 0.5
MIN_NUMBERS_TRANSLATION = 0.8  # Jaccard of every number two translations write
MIN_LENGTH_TRANSLATION = 0.7  # prose length ratio of a translation (Spanish runs ~15-25% longer)


def _disagreement(s: Profile, o: Profile, skip_s=frozenset(), skip_o=frozenset()) -> tuple[float, int]:
    """Weight and number of s's figures stated with another amount in a matching sentence of o -- a
    mass in any unit ("702 kilograms" is not "1,480 pounds") -- (``skip_s``, ``skip_o``: keys
    restating one another, in another unit or rounded: not another amount)."""
    total, n = 0.0, 0
    for k in s.keys - o.keys - skip_s:
        if k[0] == "mass" and k[1] in STORED_MASS_UNITS:
            theirs = [x for u in STORED_MASS_UNITS for x in o.by_kind.get(("mass", u), ())]
        else:
            theirs = o.by_kind.get(k[:2], ())
        for k2, cw2 in theirs:
            if k2 not in s.keys and k2 not in skip_o and \
                    any(jaccard(cw, cw2) >= SENTENCE_MATCH for cw in s.sentences[k]):
                if k2[1] != k[1] and k in s.figures and k2 in o.figures and \
                        agree(_figure(k, *s.figures[k]), _figure(k2, *o.figures[k2])) is not None:
                    continue  # the same amount in another unit
                total += specificity(k)
                n += 1
                break
    return total, n


def _in_order(s: Profile, o: Profile, shared: set, pairs) -> bool:
    """Whether the figures s and o share (and the restated ``pairs``) stand in the same order in both
    (a translation keeps the order of its paragraphs): at least IN_ORDER of the pairs of them."""
    both = sorted([(k, k) for k in shared] + list(pairs), key=lambda p: s.order.get(p[0], 0))
    seq = [o.order.get(k2, 0) for _, k2 in both]
    n = len(seq) * (len(seq) - 1) // 2
    return n > 0 and sum(x < y for i, x in enumerate(seq) for y in seq[i + 1:]) >= IN_ORDER * n


@run_cache(maxsize=1 << 16)
def _figure(key: tuple[str, str, str], surface: str, qualifier: str | None) -> Figure:
    """The figure a profile's key and mention stand for, as agree compares it."""
    return Figure(key[0], float(key[2]), key[1], None, qualifier, surface, "", "")


def _comparable(f: Figure):
    """What a figure's amount compares with, for grouping: any mass; a sum in "$" whichever dollar or
    peso the reader took it for (a Spanish copy of a U.S. release says "$6.4 millones")."""
    if f.kind == "currency" and "$" in f.surface:
        return ("currency", "$")
    return measure_kind(f)


def _amount_index(p: Profile) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
    """A profile's figures as arrays of the amounts they may state (the widest reading, so that
    every pair agree accepts is among the overlaps) and what they compare with: two texts with
    40 counts each are matched in one array operation, not 1,600 comparisons. Kept on the
    profile: a file is compared with many."""
    index = p.__dict__.get("_amount_index")
    if index is None:
        keys, lo, hi, kind = [], [], [], []
        for k, stated in p.figures.items():
            g = _figure(k, *stated)
            code = zlib.crc32(repr(_comparable(g)).encode())
            for a, b in intervals(g, True):
                keys.append(k)
                lo.append(a)
                hi.append(b)
                kind.append(code)
        index = p.__dict__["_amount_index"] = (keys, np.array(lo), np.array(hi), np.array(kind, dtype=np.uint32))
    return index


def restated(s: Profile, o: Profile, shared: set) -> tuple[float, list[tuple]]:
    """s's figures that o states in another unit or rounded ("nearly 3,000 pounds" for "2,987
    pounds", "1,355 kilograms" for "2,987 pounds"), paired one to one, nearest amounts first: their
    weight (that of the less precise of each pair: a rounded figure identifies less) and the pairs
    (key of s, key of o)."""
    ks, s_lo, s_hi, s_kind = _amount_index(s)
    ko, o_lo, o_hi, o_kind = _amount_index(o)
    if not ks or not ko:
        return 0.0, []
    meet = (s_lo[:, None] < o_hi[None, :]) & (o_lo[None, :] < s_hi[:, None]) & (s_kind[:, None] == o_kind[None, :])
    found = {}
    for i, j in zip(*np.nonzero(meet)):
        k, k2 = ks[i], ko[j]
        if k in shared or k2 in shared or (k, k2) in found:
            continue
        found[(k, k2)] = agree(_figure(k, *s.figures[k]), _figure(k2, *o.figures[k2]))
    options = [(d, k, k2) for (k, k2), d in found.items() if d is not None]
    weight, pairs, used_s, used_o = 0.0, [], set(), set()
    for d, k, k2 in sorted(options):
        if k not in used_s and k2 not in used_o:
            used_s.add(k)
            used_o.add(k2)
            pairs.append((k, k2))
            weight += min(specificity(k), specificity(k2))
    return weight, pairs


def same_document(a: Profile, b: Profile) -> bool:
    s, o = (a, b) if (len(a.keys), a.shingles.size) <= (len(b.keys), b.shingles.size) else (b, a)
    shared = s.keys & o.keys
    text = []

    def wording() -> float:  # computed once, and only when needed
        if not text:
            text.append(text_overlap(a.shingles, b.shingles))
        return text[0]

    if not _one_text(s, o, wording):
        return False
    if _same_document(s, o, shared, wording, 0.0, frozenset(), frozenset(), ()):
        return True
    # the same amounts restated in another unit or rounded ("nearly 3,000 pounds", "1,355 kilograms")
    # count as shared, and are not a different value
    if not s.figures or not o.figures or not (s.keys - shared) or not (o.keys - shared):
        return False
    weight, pairs = restated(s, o, shared)
    used_s, used_o = frozenset(k for k, _ in pairs), frozenset(k2 for _, k2 in pairs)
    return bool(pairs) and _same_document(s, o, shared, wording, weight, used_s, used_o, pairs)


def _one_text(s: Profile, o: Profile, wording) -> bool:
    """Whether s and o can be one text at all: the same wording, or (a translation, a
    re-translation) the same numbers at about the same length; an outlet's rewrite is neither."""
    shorter, longer = sorted((s.prose, o.prose))
    if s.language == o.language and wording() >= (
            MIN_TEXT_VERSION if shorter >= MIN_LENGTH_SUMMARY * longer else MIN_TEXT_SHORT_VERSION):
        return True
    if _numbers_alike(s, o) < MIN_NUMBERS_TRANSLATION:
        return False
    return not longer or shorter >= MIN_LENGTH_TRANSLATION * longer


def _same_document(s: Profile, o: Profile, shared: set, wording, restated: float, used_s, used_o,
                   pairs) -> bool:
    """The verdict on s and o, counting the figures o restates (``pairs`` of keys of s and o, their
    ``restated`` weight) as shared."""
    n_shared = len(shared) + len(used_s)
    agree = sum(specificity(k) for k in shared) + restated
    # The cheap tests first: the disagreement (sentence against sentence, the costly part)
    # can only turn an accepted pair down, so it is computed for accepted pairs only.
    if not s.keys:
        # Wording alone: only between texts that both state (almost) no figures. A text
        # stating none of the other's several figures is not a version of it.
        # Nor are two texts dated a week or more apart (the opening paragraph of the next year's
        # statement of a series reads the same).
        accepted = len(o.keys) < MIN_SHARED and _days_apart(s, o) < SERIES_DAYS and wording() >= MIN_TEXT_FEW_FIGURES
    elif len(s.keys) < MIN_SHARED:
        # One figure identifies little: the other numbers a text writes (ages, roads, small counts)
        # must agree too -- they do in a copy or a translation, not in another release of a template.
        common, numbers = _numbers_agree(s, o, used_s)
        accepted = n_shared == len(s.keys) and (
            (wording() >= MIN_TEXT_ONE_FIGURE
             and (min(len(s.numbers), len(o.numbers)) < MIN_NUMBERS or numbers >= MIN_NUMBERS_TEMPLATE))
            or (common >= MIN_NUMBERS and numbers >= MIN_NUMBERS_ONE_FIGURE
                and (s.language != o.language or wording() >= MIN_TEXT_ONE_FIGURE_NUMBERS))
            # a short re-translation of a release stating one precise figure ("3,418 pills"), dated the
            # same day and writing no number the other does not
            or (not used_s and specificity(next(iter(s.keys))) >= PRECISE
                and jaccard(s.numbers, o.numbers) >= MIN_NUMBERS_ONE_FIGURE
                and _same_day(s, o) and wording() >= MIN_TEXT_WITH_FIGURES))
    else:
        containment = agree / sum(specificity(k) for k in s.keys)
        # Figures shared from one sentence only are one piece of evidence (a figure quoted by
        # another statement, a penalty clause of a template): then the wording must agree too.
        if s.language != o.language:
            # A translation shares no wording, only figures: many of them, nearly all; or a few less,
            # from several sentences, stated in the same order (a quotation is one sentence).
            accepted = n_shared >= MIN_SHARED_TRANSLATED and containment >= MIN_CONTAINMENT_TRANSLATED or (
                n_shared >= MIN_SHARED_TRANSLATED - 1 and containment >= MIN_CONTAINMENT_TRANSLATED_ORDERED
                and len({cw for k in shared | used_s for cw in s.sentences[k]}) >= 2
                and len({cw for k in shared | used_o for cw in o.sentences[k]}) >= 2
                and _in_order(s, o, shared, pairs))
            if not accepted and n_shared == len(s.keys) and len(o.keys) - n_shared <= 1:
                # a short text: all its figures (the other states one more at most), and the other
                # numbers it writes (ages, roads, counts)
                common, numbers = _numbers_agree(s, o, used_s)
                accepted = common >= MIN_NUMBERS and numbers >= MIN_NUMBERS_ONE_FIGURE
        else:
            one_sentence = len({cw for k in shared | used_s for cw in s.sentences[k]}) < 2
            # ... and one sentence is no evidence at all between texts dated a week or more apart (the
            # penalty clause of the next release of a template)
            accepted = (n_shared >= MIN_SHARED and containment >= MIN_CONTAINMENT
                        and not (one_sentence and _days_apart(s, o) >= SERIES_DAYS)
                        and wording() >= (MIN_TEXT_ONE_FIGURE if one_sentence else MIN_TEXT_WITH_FIGURES))
    # A corrected copy: the same wording on the same day, one figure changed ("124 pounds" for
    # "142 pounds"). Two releases of one template differ in their places, names and dates too.
    corrected = False
    if not accepted and s.keys and s.language == o.language and len(s.keys) - n_shared <= 1 \
            and _days_apart(s, o) == 0 and _similar_size(s, o) and wording() >= MIN_TEXT_CORRECTED:
        accepted = corrected = True
    if not accepted:
        return False
    if not corrected and (s.language != o.language or wording() < MIN_TEXT_PART):
        # o states more figures before the first it shares with s than it shares: s is the second
        # statement of a digest o (a copy is cut at its end, not at its start), or a
        # statement o follows up on months later
        shared_o = shared | used_o
        start = min((o.order.get(k, 0) for k in shared_o), default=0)
        before = sum(specificity(k) for k in o.keys - shared_o if o.order.get(k, 0) < start)
        if before > agree or s.language == o.language and _days_apart(s, o) >= MAX_DAYS_VERSION:
            return False
    # a template near-miss disagrees both ways
    limit = MAX_DISAGREEMENT * agree
    d1, n1 = _disagreement(s, o, used_s, used_o)
    d2, n2 = _disagreement(o, s, used_o, used_s)
    disagree = max(d1, d2)
    if disagree and _days_apart(s, o) >= SERIES_DAYS:
        # a figure stated otherwise by a text dated a week or more apart: the next statement of a
        # series (weekly totals), not a corrected or republished copy
        return False
    if disagree <= limit:
        return not corrected or max(n1, n2) <= 1
    # one figure changed in the same wording on the same day: a correction
    return max(n1, n2) <= 1 and _days_apart(s, o) == 0 and _similar_size(s, o) and wording() >= MIN_TEXT_CORRECTED


def _numbers_alike(s: Profile, o: Profile) -> float:
    """Jaccard of every number s and o write, a figure one of them converts ("64 kilos" for "142
    pounds") counting as one number both write -- converted, not rounded: a translator converts a
    unit, a writer who rounds ("casi 2,200 kilos" for 4,820 pounds) writes a text of their own.
    Numbers in words count too when they make the two more alike ("Thirteen" / "Trece"; "the two
    governments" is "ambos gobiernos" in a translation, so they are never held against it)."""
    alike = _numbers_alike_of(s, o, s.all_numbers, o.all_numbers)
    if alike < MIN_NUMBERS_TRANSLATION and (s.word_numbers or o.word_numbers):
        alike = max(alike, _numbers_alike_of(s, o, s.all_numbers | s.word_numbers, o.all_numbers | o.word_numbers))
    return alike


def _numbers_alike_of(s: Profile, o: Profile, a: frozenset, b: frozenset) -> float:
    alike = jaccard(a, b)
    if alike >= MIN_NUMBERS_TRANSLATION or not a or not b:
        return alike
    _, pairs = restated(s, o, s.keys & o.keys)
    pairs = [(k, k2) for k, k2 in pairs if not s.figures[k][1] and not o.figures[k2][1]]
    if not pairs:
        return alike
    a = a - {n for k, _ in pairs for n in numerals(s.figures[k][0])}
    b = b - {n for _, k2 in pairs for n in numerals(o.figures[k2][0])}
    return (len(a & b) + len(pairs)) / (len(a | b) + len(pairs))


def _similar_size(a: Profile, b: Profile) -> bool:
    """Texts of about as many word 3-shingles (a corrected copy adds a note at most)."""
    return min(a.shingles.size, b.shingles.size) >= MIN_TEXT_CORRECTED * 0.8 * max(a.shingles.size, b.shingles.size)


def _numbers_agree(s: Profile, o: Profile, used_s) -> tuple[int, float]:
    """How many numbers s and o both write (a figure o restates counting as one) and their share of
    the fewer numbers (see numerals; none for a text of many figures)."""
    if not s.numbers or not o.numbers:
        return 0, 0.0
    best = (0, 0.0)
    for a, b in ((s.numbers, o.numbers), (s.numbers | s.word_numbers, o.numbers | o.word_numbers)):
        common = len(a & b) + len(used_s)
        best = max(best, (common, min(1.0, common / min(len(a), len(b)))), key=lambda x: (x[1], x[0]))
    return best


def _same_day(a: Profile, b: Profile) -> bool:
    da, db = (p.meta.published_on if p.meta is not None else None for p in (a, b))
    return da is not None and da == db


def _days_apart(a: Profile, b: Profile) -> int:
    da, db = (p.meta.published_on if p.meta is not None else None for p in (a, b))
    return abs((da - db).days) if da is not None and db is not None else 0
