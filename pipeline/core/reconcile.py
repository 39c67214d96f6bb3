"""Reconcile source files into documents: group versions, pick a canonical one, merge facts.

Grouping (which files are versions of one statement)
    The figures a text states are its fingerprint: they survive reformatting, chrome,
    truncation and re-translation, while shared boilerplate prose is a false signal.
    1. *Candidates* come from indexes, never from all pairs: an inverted index of figure keys
       ``(kind, unit, value)`` (years, numbers below 10 and keys found in very many files are
       skipped: they identify nothing) -- two shared, or all of a file's one, or one of two each
       (a corrected copy of a short release); buckets of masses in kilograms, so that a copy
       restating its masses in another unit is found (masses in different units count with the
       shared keys); and MinHash LSH over word 3-shingles for texts with few figures.
    2. *Verification* of a candidate pair, with S the file with fewer figure keys:
       figure containment = weighted share of S's keys also in the other file (more
       significant digits weigh more: "5,046" identifies more than "40"), a key the other
       states in another unit or rounded ("1,198 kilograms", "nearly 2,700 pounds" for "2,641
       pounds") counting at the weight of the less precise of the two; disagreement = figures
       whose sentence matches a sentence of the other file (same kind and unit, any unit for a
       mass, similar words) that states a different amount -- the signature of two releases
       built from one template. Text similarity = share of S's word 3-shingles inside the other
       text, ignoring shingles found in very many files (boilerplate). Accept when disagreement
       <= 25% of agreement (none at all between texts dated a week or more apart: the next
       statement of a series; one figure at most, on the same day in the same wording: a
       corrected copy) and
       - S has >= 2 keys: >= 2 shared, containment >= 0.6, text similarity >= 0.1 (0.5
         when the shared keys all stand in one sentence of S: a quoted sentence, a template's
         penalty clause -- and never between texts dated a week or more apart); in two
         languages (a translation shares no wording) >= 5 shared and containment >= 0.9, or
         >= 4 from several sentences of both, containment >= 0.8, in the same order, or all of
         a short text's figures and the other numbers it writes (ages, roads, counts);
       - S has 1 key: it is shared and text similarity >= 0.5 unless the other numbers the two
         write disagree (another release of a template); or those numbers agree (>= 3, 75%) and
         text similarity >= 0.1 or another language; or a precise figure, the same numbers and
         the same date (a short re-translation);
       - S has none: the other has at most 1 key, text similarity >= 0.85 and they are dated
         less than a week apart (a text stating none of the other's figures is not a version of
         it; next year's opening paragraph reads the same);
       - whatever S has: the same wording (>= 0.9, about as long) on the same day with one
         figure changed is a corrected copy.
       A pair is turned down when the other text states more of other figures before the first
       it shares than it shares (S is the second statement of a digest: a copy is cut at its end,
       not at its start), or, in other words than S's, a month or more apart (a later statement
       restating a case's figures).
    3. Accepted pairs are joined with union-find; each component is a document whose id
       is a hash of its members' sha256s (content, not counters).

Canonical version
    The most complete, then most official: among versions with >= 90% of the group's
    largest figure-key count and >= 80% of the wording that at least two versions share
    (one copy's menus and links are not the document's text), prefer the issuer's own
    record to an outlet's copy (a byline or a wire credit at the top), then one with a date
    line and a title, then more figure keys, then more prose, then the file name. A title
    or date missing from it is taken from the other versions in that order.

Facts
    Within a file, repeated mentions of one claim (same kind/unit/value, similar
    subject) are one claim, and so is the same amount restated right beside it in another
    unit ("2,397 kilograms -- nearly 5,300 pounds --") or rounded in the headline. Claims of
    the other versions are matched to the canonical version's facts one to one, each file's
    claims in turn:
    1. by equal (kind, unit, value) and the most similar subject/sentence (the only fact
       stating that value needs no similarity); values several facts state ("two countries",
       "two governments") pair in order between the facts the file shares on either side
       (the claim's *slot*);
    2. a mass in another unit, or a rounded figure ("nearly 3,000", "more than 400,000"), that
       states the same amount within the precision written (kg for masses, both readings of a
       bare "tons"; 0.25% a side across units; "nearly"/"more than" up to the next step of the
       last non-zero digit, at most 10%) joins the nearest such fact about the same subject or
       in its slot -- two exact figures in one unit never do ("4,312" is not "4,321");
    3. a claim left over with a different value is a conflict (``has_conflict``) of a fact
       of its kind and unit about the same subject stated in a sentence of the same words, or
       of the only such fact in its slot where it is the file's only such claim (a
       re-translation words the sentence anew); anything else is a new fact.

Discrepancies
    Facts of *different* documents about one event: same kind and unit, similar subject,
    a shared "Month day" date and a shared proper noun in their sentences, values
    different but within a factor of 2. Running totals reported a year apart share no
    day-level date, so they do not show up here.
"""
from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from datasketch import MinHash, MinHashLSH

from pipeline.core.commitments import extract_commitments, merge_commitments
from pipeline.core.extract.language import detect_language
from pipeline.core.metadata import Metadata, extract_metadata, merge_metadata
from pipeline.core.extract.units import STORED_MASS_UNITS, to_kg
from pipeline.core.lexicon import LARGE_SCALES


class Figure(NamedTuple):
    """One mention as reconciliation sees it (a named tuple: ~140,000 are built by a run from
    nothing; with a frozen dataclass figures_by_file took 1.16 s at 10,000 files, 0.56 s now)."""
    kind: str
    value: float | None
    unit: str
    subject: str | None
    qualifier: str | None
    surface: str
    sentence: str
    measurement_id: str


@dataclass(frozen=True)
class SourceDoc:
    source_file: str
    sha256: str
    text: str
    figures: Sequence[Figure]
    language: str | None = None  # as ingest detected it; detected here if not given
    key: str | None = None  # its profile_key, if the caller has it (tables.py hashes figures vectorized)


@dataclass
class Reconciliation:
    source_rows: list[dict] = field(default_factory=list)
    document_rows: list[dict] = field(default_factory=list)
    fact_rows: list[dict] = field(default_factory=list)
    commitment_rows: list[dict] = field(default_factory=list)
    discrepancy_rows: list[dict] = field(default_factory=list)


# --- text features -------------------------------------------------------------------

_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    "the and for with that this from have has had was were are our their its into over "
    "more than also both which who will would been being such other these those under "
    "between about after before since during each all any per".split())
SHINGLE = 3


def words(s: str) -> list[str]:
    """Lower-case words without numbers (figures are compared separately)."""
    return _WORD.findall(s.lower())


@lru_cache(maxsize=1 << 18)
def content_words(s: str) -> frozenset[str]:
    # cached: one sentence is compared many times (each figure it states, each version of it)
    return frozenset(_stem(w) for w in words(s) if len(w) > 2 and w not in _STOP)


def _stem(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def shingles(text: str) -> np.ndarray:
    """Word 3-shingles as sorted unique 32-bit hashes: a numpy array takes 4 bytes a shingle where a
    Python set takes ~60 (10,000 files hold ~8 million shingles), and pickles in one copy."""
    ws = words(text)
    grams = [" ".join(ws)] if len(ws) < SHINGLE else [f"{a} {b} {c}" for a, b, c in zip(ws, ws[1:], ws[2:])]
    return np.unique(np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint32, count=len(grams)))


def text_overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller shingle array inside the larger one (containment)."""
    return np.intersect1d(a, b, assume_unique=True).size / min(a.size, b.size) if a.size and b.size else 0.0


def overlap(a: frozenset | set, b: frozenset | set) -> float:
    """Share of the smaller set inside the larger one (containment)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def jaccard(a: frozenset | set, b: frozenset | set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# --- figure fingerprints -------------------------------------------------------------

def value_text(v: float | None) -> str:
    return "none" if v is None else f"{v:.9g}"


def claim_key(f: Figure) -> tuple[str, str, str]:
    """What a figure states: kind, unit and value (a repeat of it is the same claim)."""
    return (f.kind, f.unit, value_text(f.value))


def figure_key(f: Figure) -> tuple[str, str, str] | None:
    """The key a figure contributes to the fingerprint, or None if it identifies nothing."""
    v = f.value
    if v is None or abs(v) < 10:
        return None
    if float(v).is_integer() and 1900 <= v <= 2100 and "," not in f.surface:
        return None  # a year read as a number
    return claim_key(f)


@lru_cache(maxsize=1 << 16)
def specificity(key: tuple[str, str, str]) -> float:
    """Weight of a key: "5,046" (4 significant digits) identifies more than "40" or "1,000"."""
    digits = key[2].split("e")[0].replace(".", "").replace("-", "").strip("0")
    return 1.0 + 0.5 * min(max(len(digits) - 1, 0), 2)


@dataclass
class _Profile:
    keys: set
    sentences: dict  # key -> list of content-word sets of the sentences stating it
    by_kind: dict    # (kind, unit) -> list of (key, content words of sentence)
    shingles: np.ndarray  # sorted unique hashes
    date_title: int  # 0..2: has a date line, has a title
    meta: Metadata | None = None
    republished: bool = False  # a byline or a wire credit at the top: an outlet's copy
    prose: int = 0  # characters in lines of 8 words or more: its length without menus and links
    language: str = "en"
    # key -> (surface, qualifier) of a mention of it: what a restatement in another unit or rounded is
    # compared with (see _figure)
    figures: dict = field(default_factory=dict)
    order: dict = field(default_factory=dict)  # key -> its rank among the keys, in text order
    # every number written, dates and years left out (see numerals); only of a text of few figures (a
    # text of one figure is compared by them, with texts of a few: its copies may add a sidebar's)
    numbers: frozenset = frozenset()
    masses: frozenset = frozenset()  # buckets of its masses in kilograms (see mass_buckets)


def profile(doc: SourceDoc) -> _Profile:
    keys, sentences, by_kind, figures, order = set(), defaultdict(list), defaultdict(list), {}, {}
    for f in doc.figures:
        k = figure_key(f)
        if k is None:
            continue
        cw = content_words(f.sentence)
        keys.add(k)
        sentences[k].append(cw)
        by_kind[k[:2]].append((k, cw))
        order.setdefault(k, len(order))
        if k not in figures or f.qualifier and not figures[k][1]:  # "nearly" once: approximate
            figures[k] = (f.surface, f.qualifier)
    meta = extract_metadata(doc.text)
    return _Profile(keys, dict(sentences), dict(by_kind), shingles(doc.text),
                    int(meta.title is not None) + int(meta.published_on is not None), meta,
                    republished(doc.text), prose_chars(doc.text), doc.language or detect_language(doc.text),
                    figures, order, numerals(doc.text) if 0 < len(keys) <= NUMBERS_MAX_KEYS else frozenset(),
                    mass_buckets(keys, figures))


_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
           r"septiembre|setiembre|octubre|noviembre|diciembre)\b\.?")
_DAY_BEFORE = re.compile(rf"\b{_MONTHS}\s+$", re.I)   # "March 12", "Dec. 4"
_DAY_AFTER = re.compile(rf"\s+(?:de\s+)?{_MONTHS}", re.I)  # "12 de marzo", "22 July"
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:/\d+)*")


def numerals(text: str) -> frozenset[str]:
    """Every number a text writes ("31-year-old", "Interstate 8", "38 pounds"), without its dates and
    years: the small numbers of a short release (ages, roads, counts) survive a copy, a truncation and
    a translation, and differ between two releases of one template."""
    out = set()
    for m in _NUMBER.finditer(text):
        tok = m.group()
        if "/" in tok or len(tok) == 4 and tok[:2] in ("19", "20"):
            continue  # "03/13/2025", a year
        if len(tok) <= 2 and (_DAY_BEFORE.search(text, max(0, m.start() - 12), m.start())
                              or _DAY_AFTER.match(text, m.end())):
            continue  # the day of a date
        out.add(tok.replace(",", ""))
    return frozenset(out)


def prose_chars(text: str) -> int:
    return sum(len(line) for line in text.splitlines() if len(line.split()) >= 8)


# A news outlet's copy of a release: a short "By <Name>" line (not "By the President ...")
# or a wire credit ("(AP) —", "Reuters") near the top. The issuer's own record has neither.
_BYLINE = re.compile(r"^(?:by|por)\s+(?!(?:the|el|la|los|las)\b)[A-ZÁÉÍÓÚÑ][\w.'’-]*(?:[ ,|]+[\w.'’&-]+){0,7}[ ]*$", re.M | re.I)
_WIRE = re.compile(r"\((?:AP|Reuters|AFP|EFE|Bloomberg|UPI)\)|^(?:Associated Press|Reuters|Agence France-Presse)\b",
                   re.M)
HEAD_CHARS = 1500


def republished(text: str) -> bool:
    head = text[:HEAD_CHARS]
    return any(not line.rstrip().endswith(".") for line in _BYLINE.findall(head)) or bool(_WIRE.search(head))


def profile_key(doc: SourceDoc) -> str:
    """What a profile depends on: the file's content and the figures read from it."""
    if doc.key is not None:
        return doc.key
    h = hashlib.sha256()
    for f in doc.figures:
        h.update(repr((f.kind, f.value, f.unit, f.surface, f.sentence)).encode())
    return profile_key_of(doc.sha256, h.hexdigest())


def profile_key_of(sha256: str, figures_digest: str) -> str:
    return "profile-" + hashlib.sha256(f"{sha256}|{figures_digest}".encode()).hexdigest()


def build_profiles(sources: list[SourceDoc], cache=None, keys: list[str] | None = None) -> list[_Profile]:
    """The profile of every source; with a cache (``get_many``/``put_many``) only new files are profiled.

    A profile costs a few milliseconds a file (shingles, content words, metadata); a rerun
    after adding one file to ten thousand should not pay it ten thousand times. ``keys``:
    the sources' :func:`profile_key`, if the caller has them already.
    """
    if cache is None:
        return [profile(d) for d in sources]
    keys = keys or [profile_key(d) for d in sources]
    found = cache.get_many(keys)
    new = {k: profile(d) for k, d in zip(keys, sources) if k not in found}
    cache.put_many(new)
    return [found.get(k) or new[k] for k in keys]


# --- candidate pairs -----------------------------------------------------------------

MAX_KEY_DF = 50       # a figure key in more files than this is boilerplate, not identity
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


MASS_BUCKET = 0.01  # relative width of a bucket of masses in kilograms: a conversion rounded to 2-3 digits


def mass_buckets(keys, figures: dict) -> frozenset:
    """Where a text's masses stand in kilograms, so that a copy restating them in another unit
    ("1,198 kilograms" for "2,641 pounds") is found: each mass (under both readings of a bare "tons")
    in its bucket ``("kg", b, unit)`` of width MASS_BUCKET, and ``("kg~", b', unit)`` in the nearer
    neighbouring bucket. Two masses within a bucket's width of each other meet in a bucket ("kg" with
    "kg" or "kg~" of one bucket), whichever side of a bucket's edge they fall. (Two figures in one
    unit never restate each other: only masses in different units are counted, see mass_pairs.)"""
    out = set()
    for k in keys:
        if k[0] != "mass" or k[1] not in STORED_MASS_UNITS:
            continue
        surface = figures[k][0]
        units = ("short_ton", "metric_ton") if k[1] in ("short_ton", "metric_ton") and _BARE_TON.search(surface) \
            else (k[1],)
        for u in units:
            kg = float(k[2]) * to_kg(1.0, u)
            if kg <= 0:
                continue
            at = math.log(kg) / math.log1p(MASS_BUCKET)
            b = math.floor(at)
            out.add(("kg", b, k[1]))
            out.add(("kg~", b + 1 if at - b > 0.5 else b - 1, k[1]))
    return frozenset(out)


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


def candidate_pairs(profiles: list[_Profile], lsh: MinHashLSH | None = None,
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


# --- pair verification ---------------------------------------------------------------

MIN_SHARED = 2
MIN_CONTAINMENT = 0.6
MAX_DISAGREEMENT = 0.25
MIN_TEXT_WITH_FIGURES = 0.1
MIN_TEXT_FEW_FIGURES = 0.85  # wording alone: boilerplate can make up most of a short release
MIN_TEXT_ONE_FIGURE = 0.5
NUMBERS_MAX_KEYS = 4
MIN_NUMBERS = 3  # numbers (any, dates left out) two texts of one figure must have in common to be compared by them
MIN_NUMBERS_ONE_FIGURE = 0.75  # share of the numbers of one of them: a copy in other words, or a translation
MIN_TEXT_ONE_FIGURE_NUMBERS = 0.1
PRECISE = 2.0  # the specificity of a figure of three significant digits or more
MIN_NUMBERS_TEMPLATE = 0.5  # fewer: another release of one template, however alike the wording
MIN_SHARED_TRANSLATED = 5  # a version in the other language
MIN_CONTAINMENT_TRANSLATED = 0.9
MIN_CONTAINMENT_TRANSLATED_ORDERED = 0.8  # one figure fewer, in the same order
IN_ORDER = 0.8
BOILERPLATE_DF = 10  # a shingle in more files than this is boilerplate
SENTENCE_MATCH = 0.5
MIN_TEXT_PART = 0.8  # a text of fewer figures than the other's non-shared ones: its wording, cut short
MIN_TEXT_CORRECTED = 0.9  # a corrected copy: the same wording, one figure changed


def _disagreement(s: _Profile, o: _Profile, skip_s=frozenset(), skip_o=frozenset()) -> tuple[float, int]:
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
                        _agree(_figure(k, *s.figures[k]), _figure(k2, *o.figures[k2])) is not None:
                    continue  # the same amount in another unit
                total += specificity(k)
                n += 1
                break
    return total, n


def _in_order(s: _Profile, o: _Profile, shared: set, pairs) -> bool:
    """Whether the figures s and o share (and the restated ``pairs``) stand in the same order in both
    (a translation keeps the order of its paragraphs): at least IN_ORDER of the pairs of them."""
    both = sorted([(k, k) for k in shared] + list(pairs), key=lambda p: s.order.get(p[0], 0))
    seq = [o.order.get(k2, 0) for _, k2 in both]
    n = len(seq) * (len(seq) - 1) // 2
    return n > 0 and sum(x < y for i, x in enumerate(seq) for y in seq[i + 1:]) >= IN_ORDER * n


@lru_cache(maxsize=1 << 16)
def _figure(key: tuple[str, str, str], surface: str, qualifier: str | None) -> Figure:
    """The figure a profile's key and mention stand for, as _agree compares it."""
    return Figure(key[0], float(key[2]), key[1], None, qualifier, surface, "", "")


def _comparable(f: Figure):
    """What a figure's amount compares with, for grouping: any mass; a sum in "$" whichever dollar or
    peso the reader took it for (a Spanish copy of a U.S. release says "$6.4 millones")."""
    if f.kind == "currency" and "$" in f.surface:
        return ("currency", "$")
    return _measure_kind(f)


def _amount_index(p: _Profile) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
    """A profile's figures as arrays of the amounts they may state (the widest reading, so that
    every pair _agree accepts is among the overlaps) and what they compare with: two texts with
    40 counts each are matched in one array operation, not 1,600 comparisons. Kept on the
    profile: a file is compared with many."""
    index = p.__dict__.get("_amount_index")
    if index is None:
        keys, lo, hi, kind = [], [], [], []
        for k, stated in p.figures.items():
            g = _figure(k, *stated)
            code = zlib.crc32(repr(_comparable(g)).encode())
            for a, b in _intervals(g, True):
                keys.append(k)
                lo.append(a)
                hi.append(b)
                kind.append(code)
        index = p.__dict__["_amount_index"] = (keys, np.array(lo), np.array(hi), np.array(kind, dtype=np.uint32))
    return index


def _restated(s: _Profile, o: _Profile, shared: set) -> tuple[float, list[tuple]]:
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
        found[(k, k2)] = _agree(_figure(k, *s.figures[k]), _figure(k2, *o.figures[k2]))
    options = [(d, k, k2) for (k, k2), d in found.items() if d is not None]
    weight, pairs, used_s, used_o = 0.0, [], set(), set()
    for d, k, k2 in sorted(options):
        if k not in used_s and k2 not in used_o:
            used_s.add(k)
            used_o.add(k2)
            pairs.append((k, k2))
            weight += min(specificity(k), specificity(k2))
    return weight, pairs


def same_document(a: _Profile, b: _Profile) -> bool:
    s, o = (a, b) if (len(a.keys), a.shingles.size) <= (len(b.keys), b.shingles.size) else (b, a)
    shared = s.keys & o.keys
    text = []

    def wording() -> float:  # computed once, and only when needed
        if not text:
            text.append(text_overlap(a.shingles, b.shingles))
        return text[0]

    if _same_document(s, o, shared, wording, 0.0, frozenset(), frozenset(), ()):
        return True
    # the same amounts restated in another unit or rounded ("nearly 3,000 pounds", "1,355 kilograms")
    # count as shared, and are not a different value
    if not s.figures or not o.figures or not (s.keys - shared) or not (o.keys - shared):
        return False
    weight, pairs = _restated(s, o, shared)
    used_s, used_o = frozenset(k for k, _ in pairs), frozenset(k2 for _, k2 in pairs)
    return bool(pairs) and _same_document(s, o, shared, wording, weight, used_s, used_o, pairs)


def _same_document(s: _Profile, o: _Profile, shared: set, wording, restated: float, used_s, used_o,
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


def _similar_size(a: _Profile, b: _Profile) -> bool:
    """Texts of about as many word 3-shingles (a corrected copy adds a note at most)."""
    return min(a.shingles.size, b.shingles.size) >= MIN_TEXT_CORRECTED * 0.8 * max(a.shingles.size, b.shingles.size)


SERIES_DAYS = 7
MAX_DAYS_VERSION = 30  # a copy in other words published a month or more later is another statement


def _numbers_agree(s: _Profile, o: _Profile, used_s) -> tuple[int, float]:
    """How many numbers s and o both write (a figure o restates counting as one) and their share of
    the fewer numbers (see numerals; none for a text of many figures)."""
    if not s.numbers or not o.numbers:
        return 0, 0.0
    common = len(s.numbers & o.numbers) + len(used_s)
    return common, min(1.0, common / min(len(s.numbers), len(o.numbers)))


def _same_day(a: _Profile, b: _Profile) -> bool:
    da, db = (p.meta.published_on if p.meta is not None else None for p in (a, b))
    return da is not None and da == db


def _days_apart(a: _Profile, b: _Profile) -> int:
    da, db = (p.meta.published_on if p.meta is not None else None for p in (a, b))
    return abs((da - db).days) if da is not None and db is not None else 0


def boilerplate(profiles: list[_Profile]) -> np.ndarray:
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


def without_boilerplate(profiles: list[_Profile], common: np.ndarray) -> list[_Profile]:
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


def group_sources(sources: list[SourceDoc], profiles: list[_Profile] | None = None) -> list[list[int]]:
    """Indices of the sources, grouped into documents (each group sorted, groups by first index).
    ``profiles`` (raw, as :func:`profile` makes them) are replaced in the list by their
    boilerplate-free copies."""
    profiles = profiles if profiles is not None else [profile(d) for d in sources]
    profiles[:] = without_boilerplate(profiles, boilerplate(profiles))
    return group_profiles(sources, profiles)


def group_profiles(sources: list[SourceDoc], profiles: list[_Profile], lsh: MinHashLSH | None = None,
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


# --- canonical version ---------------------------------------------------------------

def canonical_order(members: list[int], sources: list[SourceDoc], profiles: list[_Profile]) -> list[int]:
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
        every[_measure_kind(f)].setdefault(k or claim_key(f), f)
        if k is not None:
            keyed[_measure_kind(f)].setdefault(k, f)
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
            if k not in own and not any(_agree(f, g) is not None for g in own.values()):
                n += 1
    return n


def _hash(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


# --- facts ---------------------------------------------------------------------------

SUBJECT_MATCH = 0.5
CONFLICT_SENTENCE = 0.6


@dataclass
class _Claim:
    """One claim of one file: its mentions (repeats of the claim inside the file)."""
    source_file: str
    mentions: list[Figure]

    @property
    def first(self) -> Figure:
        return self.mentions[0]


@dataclass
class _Fact:
    claims: list[_Claim]
    conflicting: list[_Claim] = field(default_factory=list)

    @property
    def first(self) -> Figure:
        return self.claims[0].first

    def files(self) -> set[str]:
        return {c.source_file for c in self.claims + self.conflicting}


@lru_cache(maxsize=1 << 18)
def _subject_words(f: Figure) -> frozenset[str]:
    return content_words(f.subject or re.sub(r"[\d.,$%]+", " ", f.surface))


def _similarity(a: Figure, b: Figure) -> float:
    return max(overlap(_subject_words(a), _subject_words(b)),
               jaccard(content_words(a.sentence), content_words(b.sentence)))


def _claims(doc: SourceDoc) -> list[_Claim]:
    """Mentions of one file grouped into claims: a repeat of a claim is not a new fact, nor is the
    same amount restated beside it in another unit ("2,397 kilograms -- nearly 5,300 pounds --") or
    rounded in the headline ("nearly 3,000 pounds of meth" over "2,987 pounds of methamphetamine")."""
    claims: list[_Claim] = []
    by_key: dict[tuple, list[_Claim]] = defaultdict(list)  # only claims of one value can absorb a mention
    title = _title_line(doc.text)
    # a restatement stands beside the amount, or one of the two in the headline: only those are compared
    in_sentence: dict[str, list[_Claim]] = defaultdict(list)
    in_title: list[_Claim] = []
    for f in doc.figures:
        key = claim_key(f)
        same = next((c for c in by_key[key]
                     if overlap(_subject_words(c.first), _subject_words(f)) >= SUBJECT_MATCH), None)
        in_headline = title is not None and f.sentence.strip() == title
        if same is None and f.value is not None:
            near = in_sentence.get(f.sentence, []) + (claims if in_headline else in_title)
            same = next((c for c in near if _restated_in_file(f, c, title)), None) if near else None
            if same is not None:
                by_key[key].append(same)
        if same is None:
            same = _Claim(doc.source_file, [])
            claims.append(same)
            by_key[key].append(same)
        if same.mentions and _loose(same.first, title) and not _loose(f, title):
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


def _loose(f: Figure, title: str | None) -> bool:
    """A figure stated loosely: in the headline, or approximately ("nearly", "about")."""
    return f.sentence.strip() == title or bool(f.qualifier and _APPROXIMATE.search(f.qualifier.lower()))


# between an amount and its restatement in another unit: "(", " -- nearly ", ", or about "
_BESIDE = re.compile(r"[\s,;:()\[\]\u2014\u2013-]*(?:(?:or|o|about|nearly|roughly|approximately|some|around|almost|"
                     r"more than|over|casi|aproximadamente|unos|cerca de|the equivalent of|equivalent to)\b)?"
                     r"[\s,;:()\[\]\u2014\u2013-]*", re.I)


def _restated_in_file(f: Figure, claim: _Claim, title: str | None) -> bool:
    """Whether ``f`` restates ``claim`` within one file: right beside one of its mentions in another
    unit, or one of them in the headline about the same subject."""
    for g in claim.mentions:
        if _measure_kind(g) != _measure_kind(f) or _agree(f, g) is None:
            continue
        if f.sentence == g.sentence and f.unit != g.unit:
            i, j = f.sentence.find(f.surface), f.sentence.find(g.surface)
            if i >= 0 and j >= 0:
                first, second = (g, f) if j < i else (f, g)
                lo, hi = min(i, j) + len(first.surface), max(i, j)
                if lo <= hi and _BESIDE.fullmatch(f.sentence[lo:hi]):
                    return True
        if title is not None and (f.sentence.strip() == title) != (g.sentence.strip() == title) \
                and (f.unit != g.unit or _loose(f, None) or _loose(g, None)) \
                and (f.subject is None or g.subject is None or _words_agree(_subject_words(f), _subject_words(g))):
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


def merge_facts(versions: list[SourceDoc]) -> list[_Fact]:
    """Facts of one document from its versions, canonical version first."""
    facts: list[_Fact] = []
    by_key: dict[tuple, list[int]] = defaultdict(list)  # claim key -> indices of facts stating it
    by_kind: dict[tuple, list[int]] = defaultdict(list)  # (kind, unit) -> indices, for conflicts
    by_measure: dict[str, list[int]] = defaultdict(list)  # _measure_kind -> indices, for restatements
    for doc in versions:
        claims = _claims(doc)
        fact_of: list[int | None] = [None] * len(claims)  # the fact each claim joined, for the slots
        left = []
        # Pass 1: the same value stated, matched to the most similar fact not yet stated by this file.
        for i, claim in enumerate(claims):
            f = claim.first
            options = [(_similarity(f, facts[n].first), n) for n in by_key[claim_key(f)]
                       if doc.source_file not in facts[n].files()
                       # a vague amount ("thousands of ...") is only its subject
                       and (f.value is not None or overlap(_subject_words(f), _subject_words(facts[n].first)) >= SUBJECT_MATCH)]
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
                                  and overlap(_subject_words(f), _subject_words(g)) >= SUBJECT_MATCH)
                                 or (alone.get(i) == n and overlap(_people(f), _people(g)) >= SUBJECT_MATCH)):
                        match = x
                        break
            if match:
                match.conflicting.append(claim)
            else:
                _new_fact(claim, facts, by_key, by_kind, by_measure)
    for x in facts:  # a fact states its amount as exactly as a version does ("2,640 pounds", not "about 2,600")
        if len(x.claims) > 1 and _loose(x.first, None):
            exact = next((c for c in x.claims if not _loose(c.first, None)), None)
            if exact is not None:
                x.claims.remove(exact)
                x.claims.insert(0, exact)
    return facts


def _new_fact(claim: _Claim, facts: list[_Fact], by_key: dict, by_kind: dict, by_measure: dict) -> None:
    f = claim.first
    by_key[claim_key(f)].append(len(facts))
    by_kind[(f.kind, f.unit)].append(len(facts))
    by_measure[_measure_kind(f)].append(len(facts))
    facts.append(_Fact([claim]))


# --- restated amounts ----------------------------------------------------------------

RESTATED_TOLERANCE = 0.0025  # relative, each side, across units: "6,420 pounds" (2,912.06 kg), "2,912 kilograms"
ONE_SIDED_ROUNDING = 0.10    # at most, how far "more than 2,100" / "nearly 3,000" may be from the amount
TWO_SIDED_ROUNDING = 0.05    # at most, how far "about 3,000" may be from it
_NUMERAL = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")
_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion|mil|mill[oó]n|millones)\b", re.I)
# a bare "tons" may be short or metric (DESIGN.md): a restatement may have read it either way
_BARE_TON = re.compile(r"(?<!metric )(?<!short )\btons?\b", re.I)
# approximate figures: the amount is at least / at most / about the stated one
_AT_LEAST = re.compile(r"more than|over|least|excess|upwards|minimum|no fewer|no less|más de|mas de|al menos|"
                       r"por lo menos|cuando menos")
_AT_MOST = re.compile(r"nearly|almost|up to|less than|fewer than|under|as many|as much|at most|maximum|casi|"
                      r"menos de|hasta")
_ABOUT = re.compile(r"approx|about|around|roughly|some|close|estimated|aproximad|alrededor|cerca|unos|unas|estimado")
_APPROXIMATE = re.compile("|".join(r.pattern for r in (_AT_LEAST, _AT_MOST, _ABOUT)))


def _measure_kind(f: Figure) -> str | tuple[str, str]:
    """What a figure's amount can be compared with: any mass (in kg), else the same kind and unit."""
    return "mass" if f.kind == "mass" and f.unit in STORED_MASS_UNITS else (f.kind, f.unit)


@lru_cache(maxsize=1 << 16)
def _intervals(f: Figure, converted: bool) -> tuple[tuple[float, float], ...]:
    """Where the amount a figure states may lie, in a comparable unit (kg for a mass; under both
    readings of a bare "tons"): within half the unit of its last stated digit ("2,912"; at most
    5%; at least 0.25% when ``converted`` from another unit: "6,420 pounds" is 2,912.06 kg);
    "more than 2,100" up to the next step of its last non-zero digit (at most 10% above),
    "nearly 3,000" down to the step below (at most 10%), "about 3,000" half a step either way
    (at most 5%)."""
    if f.value is None or f.value <= 0:
        return ()
    if f.kind == "mass" and f.unit in STORED_MASS_UNITS:
        units = ("short_ton", "metric_ton") if f.unit in ("short_ton", "metric_ton") and _BARE_TON.search(f.surface) \
            else (f.unit,)
        per = [to_kg(1.0, u) for u in units]
    else:
        per = [1.0]
    scale_word = _SCALE_WORD.search(f.surface)
    scale = LARGE_SCALES.get(scale_word.group(1).lower(), 1.0) if scale_word else 1.0
    m = _NUMERAL.search(f.surface)
    digits = m.group(1).replace(",", "") if m else f"{f.value / scale:.0f}"
    step = scale * 10.0 ** -len(m.group(2)) if m and m.group(2) else scale  # its last stated digit
    x = f.value
    near = min(step / 2, TWO_SIDED_ROUNDING * x)  # "2 tons" is not "2.4 tons"; "4,312" is not "4,321"
    if converted:
        near = max(near, RESTATED_TOLERANCE * x)
    lo, hi = x - near, x + near
    q = (f.qualifier or "").lower()
    if q and not (m and m.group(2)) and digits.strip("0"):
        rounded = scale * 10.0 ** (len(digits) - len(digits.rstrip("0")))  # "3,000": thousands
        if _AT_LEAST.search(q):
            lo, hi = x, max(hi, x + min(rounded, ONE_SIDED_ROUNDING * x))
        elif _AT_MOST.search(q):
            lo, hi = min(lo, x - min(rounded, ONE_SIDED_ROUNDING * x)), x
        elif _ABOUT.search(q):
            half = min(rounded / 2, TWO_SIDED_ROUNDING * x)
            lo, hi = min(lo, x - half), max(hi, x + half)
    return tuple((lo * p, hi * p) for p in per)


def _agree(a: Figure, b: Figure) -> float | None:
    """How far apart (relative) two figures' amounts are, if one may state the other's amount
    (their intervals meet: "53" and "54" do not), else None."""
    best, converted = None, a.unit != b.unit
    for alo, ahi in _intervals(a, converted):
        for blo, bhi in _intervals(b, converted):
            if alo < bhi and blo < ahi:
                d = abs((alo + ahi) - (blo + bhi)) / max(ahi + alo, bhi + blo)
                best = d if best is None else min(best, d)
    return best


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


def _restated_fact(f: Figure, facts: list[_Fact], by_measure: dict, source_file: str,
                   slot: tuple[int, int] | None) -> int | None:
    """The fact that ``f`` restates in another unit or rounded, if any (the nearest amount)."""
    if f.value is None or f.kind not in ("mass", "currency", "count", "percent", "area"):
        return None
    best = None
    for n in by_measure.get(_measure_kind(f), ()):
        g = facts[n].first
        if g.value == f.value and g.unit == f.unit or source_file in facts[n].files():
            continue
        d = _agree(f, g)
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


# a re-translation's words for people: "38 people", "36 persons", "individuals", "personas"
_PEOPLE = frozenset({"people", "person", "individual", "persona", "personas"})


def _people(f: Figure) -> frozenset[str]:
    w = _subject_words(f)
    return frozenset("person" if x in _PEOPLE else x for x in w)


def _paired_in_slot(left: list[int], claims: list[_Claim], facts: list[_Fact], by_key: dict, slot: list,
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


def _alone_in_slot(left: list[int], claims: list[_Claim], facts: list[_Fact], slot: list, source_file: str
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


def fact_rows(document_id: str, facts: list[_Fact]) -> list[dict]:
    rows, seen = [], Counter()
    for x in facts:
        f = x.first
        base = _hash(document_id, f.kind, value_text(f.value), f.unit, f.subject)
        seen[base] += 1
        fact_id = base if seen[base] == 1 else _hash(base, seen[base])  # same claim key twice
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


# --- discrepancies across documents --------------------------------------------------

_MONTH = ("january|february|march|april|may|june|july|august|september|october|november|december")
_DAY_DATE = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})\b", re.I)
_PROPER = re.compile(r"\b([A-Z][a-z]{2,})\b")
MAX_VALUE_RATIO = 2.0


_MONTH_WORD = re.compile(_MONTH)


@lru_cache(maxsize=1 << 16)
def _sentence_context(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """Day-level dates and proper nouns of one sentence (cached: a sentence states many facts)."""
    dates = frozenset(f"{mo.lower()} {int(d)}" for mo, d in _DAY_DATE.findall(sentence))
    body = sentence.strip().split(None, 1)[-1]  # a sentence's first word is capitalized anyway
    names = frozenset(w.lower() for w in _PROPER.findall(body)
                      if w.lower() not in _STOP and not _MONTH_WORD.fullmatch(w.lower()))
    return dates, names


class _Event(NamedTuple):
    """What the discrepancy search needs of one fact (small: kept in the cache with its document)."""
    fact_id: str
    kind: str
    unit: str
    value: float
    subject: str | None
    subject_words: frozenset[str]
    dates: frozenset[str]  # day-level dates ("june 27") of the sentences stating the fact
    names: frozenset[str]  # proper nouns of those sentences
    source_files: tuple[str, ...]


def fact_events(rows: list[dict], facts: list[_Fact]) -> list[_Event]:
    """The events of a document's facts that have a value (a vague amount has nothing to compare)."""
    events = []
    for row, x in zip(rows, facts):
        if x.first.value is None:
            continue
        contexts = [_sentence_context(m.sentence) for c in x.claims for m in c.mentions]
        events.append(_Event(row["fact_id"], x.first.kind, x.first.unit, x.first.value, x.first.subject,
                             _subject_words(x.first), frozenset().union(*(d for d, _ in contexts)),
                             frozenset().union(*(n for _, n in contexts)), tuple(sorted(x.files()))))
    return events


def discrepancy_rows(events_by_doc: dict[str, list[_Event]], involving: set[str] | None = None) -> list[dict]:
    """Facts of different documents about one dated event with different values.

    Facts are bucketed by (kind, unit, date) so only facts sharing a day-level date are
    compared -- never all pairs of facts. ``involving``: only pairs with a fact of one of
    these documents (the others are known from before).
    """
    buckets: dict = defaultdict(list)
    for doc_id, events in sorted(events_by_doc.items()):
        for e in events:
            for d in e.dates:
                buckets[(e.kind, e.unit, d)].append((doc_id, e))
    rows, seen = [], set()
    for (kind, unit, date), members in sorted(buckets.items()):
        for n, (doc_a, a) in enumerate(members):
            for doc_b, b in members[n + 1:]:
                va, vb = a.value, b.value
                if doc_a == doc_b or va == vb or (a.fact_id, b.fact_id) in seen:
                    continue
                if involving is not None and doc_a not in involving and doc_b not in involving:
                    continue
                if not (0 < va / vb <= MAX_VALUE_RATIO and vb / va <= MAX_VALUE_RATIO):
                    continue
                if overlap(a.subject_words, b.subject_words) < SUBJECT_MATCH:
                    continue
                names = a.names & b.names
                if not names:
                    continue
                seen.add((a.fact_id, b.fact_id))
                rows.append({
                    "discrepancy_id": _hash(*sorted([a.fact_id, b.fact_id])), "kind": kind, "unit": unit,
                    "subject": a.subject or b.subject,
                    "shared_context": sorted({date} | names),
                    "document_id_a": doc_a, "fact_id_a": a.fact_id, "value_a": va,
                    "source_files_a": list(a.source_files),
                    "document_id_b": doc_b, "fact_id_b": b.fact_id, "value_b": vb,
                    "source_files_b": list(b.source_files),
                })
    return rows


# --- the whole reconciliation --------------------------------------------------------

@dataclass
class _Document:
    """The rows of one document and the events of its facts (for the discrepancy search)."""
    source_rows: list[dict]
    document_row: dict
    fact_rows: list[dict]
    events: list[_Event]
    commitment_rows: list[dict]


def merge_document(versions: list[SourceDoc], metas: list[Metadata]) -> _Document:
    """One document from its versions in canonical order: its rows, facts and commitments."""
    document_id = "doc_" + _hash(*sorted(d.sha256 for d in versions))
    canonical = versions[0]
    meta: Metadata = merge_metadata(metas)
    facts = merge_facts(versions)
    rows = fact_rows(document_id, facts)
    lists = [(d.source_file, extract_commitments(d.text)) for d in versions]
    return _Document(
        source_rows=[{"source_file": d.source_file, "document_id": document_id, "is_canonical": d is canonical}
                     for d in versions],
        document_row={"document_id": document_id, "title": meta.title, "published_on": meta.published_on,
                      "n_sources": len(versions), "canonical_source_file": canonical.source_file},
        fact_rows=rows,
        events=fact_events(rows, facts),
        commitment_rows=[{"document_id": document_id, "ordinal": c.ordinal, "text": c.text,
                          "n_sources": c.n_sources, "source_files": list(c.source_files)}
                         for c in merge_commitments([lst for lst in lists if lst[1]])],
    )


def document_key(versions: list[tuple[str, str]]) -> str:
    """What a merged document depends on: its versions' names and :func:`profile_key` (content,
    figures), in canonical order."""
    return "document-" + _hash(*versions)


@dataclass
class Plan:
    """The grouping of a corpus: its sources (sorted by name) and their documents."""
    sources: list[SourceDoc]
    profiles: list[_Profile]
    groups: list[list[int]]  # indices into sources, each in canonical order
    keys: list[str]  # the :func:`document_key` of each group

    def versions(self, n: int) -> list[SourceDoc]:
        return [self.sources[i] for i in self.groups[n]]

    def merge(self, n: int) -> _Document:
        return merge_document(self.versions(n), [self.profiles[i].meta for i in self.groups[n]])


def reconcile(sources: list[SourceDoc], cache=None) -> Reconciliation:
    """Every document merged from its versions, and the discrepancies between documents.
    (pipeline/core/incremental.py re-merges only the documents whose versions changed.)"""
    from pipeline.core import regroup  # it builds on this module's grouping functions

    plan, _ = regroup.plan(sources, cache)
    rec = Reconciliation()
    events_by_doc = {}
    for n in range(len(plan.groups)):
        doc = plan.merge(n)
        rec.source_rows.extend(doc.source_rows)
        rec.document_rows.append(doc.document_row)
        rec.fact_rows.extend(doc.fact_rows)
        rec.commitment_rows.extend(doc.commitment_rows)
        events_by_doc[doc.document_row["document_id"]] = doc.events
    rec.discrepancy_rows = discrepancy_rows(events_by_doc)
    sort_rows(rec)
    return rec


def sort_rows(rec: Reconciliation) -> None:
    """Deterministic row order: by content-derived keys."""
    rec.source_rows.sort(key=lambda r: r["source_file"])
    rec.document_rows.sort(key=lambda r: r["document_id"])
    rec.fact_rows.sort(key=lambda r: r["document_id"])  # stable: text order inside a document
    rec.commitment_rows.sort(key=lambda r: (r["document_id"], r["ordinal"]))
    rec.discrepancy_rows.sort(key=lambda r: r["discrepancy_id"])
