"""A source file's profile: everything grouping compares it by, computed once per file.

Its figure keys and the sentences stating them, its wording (shingles), its date and title,
whether it is an outlet's copy, the other numbers it writes and where its masses stand in
kilograms. A profile costs milliseconds a file, so :func:`build_profiles` caches it by content.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from pipeline.core.extract.language import detect_language
from pipeline.core.metadata import Metadata, extract_metadata
from pipeline.core.extract.units import STORED_MASS_UNITS, to_kg

from .amounts import figure_key
from .discrepancies import lead_names
from .model import SourceDoc
from .text import content_words, prose_chars, shingles
from .vocabulary import BARE_TON, BYLINE, MONTHS, WIRE

NUMBERS_MAX_KEYS = 4  # a text of more figure keys is compared by its figures, not its other numbers
MASS_BUCKET = 0.01  # relative width of a bucket of masses in kilograms: a conversion rounded to 2-3 digits


@dataclass
class Profile:
    """What grouping compares a file by (cached by content: see build_profiles)."""
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
    # compared with (see versions.py)
    figures: dict = field(default_factory=dict)
    order: dict = field(default_factory=dict)  # key -> its rank among the keys, in text order
    # every number written, dates and years left out (see numerals); only of a text of few figures (a
    # text of one figure is compared by them, with texts of a few: its copies may add a sidebar's)
    numbers: frozenset = frozenset()
    masses: frozenset = frozenset()  # buckets of its masses in kilograms (see mass_buckets)
    # every number written, dates and years left out, whatever its figures: a translation writes
    # them all again, a rewrite in an outlet's own words drops some and adds its own conversions
    all_numbers: frozenset = frozenset()
    # the names of two words or more its lead gives (discrepancies.lead_names): what story linking
    # joins a text of few or no figures by (a readout, the other government's communiqué)
    lead_names: frozenset = frozenset()
    # the numbers it writes in words (number_words): a translation writes them as its original does
    word_numbers: frozenset = frozenset()


def profile(doc: SourceDoc) -> Profile:
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
    every_number = numerals(doc.text)
    return Profile(keys, dict(sentences), dict(by_kind), shingles(doc.text),
                   int(meta.title is not None) + int(meta.published_on is not None), meta,
                   republished(doc.text), prose_chars(doc.text), doc.language or detect_language(doc.text),
                   figures, order, every_number if 0 < len(keys) <= NUMBERS_MAX_KEYS else frozenset(),
                   mass_buckets(keys, figures), every_number, lead_names(doc.text),
                   number_words(doc.text))


_DAY_BEFORE = re.compile(rf"\b{MONTHS}\s+$", re.I)   # "March 12", "Dec. 4"
_DAY_AFTER = re.compile(rf"\s+(?:de\s+)?{MONTHS}", re.I)  # "12 de marzo", "22 July"
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


def number_words(text: str) -> frozenset[str]:
    """The numbers a text writes in words ("Thirteen of the defendants", "nueve", "twenty-six",
    "treinta y dos"). Words are looked up one by one (a regular expression of every number word
    cost 1.6 s per 1,000 files)."""
    out = set()
    words = [w.strip(_PUNCTUATION) for w in text.lower().split()]
    skip = 0
    for i, w in enumerate(words):
        if skip:
            skip -= 1
            continue
        if w in _WORD_VALUE:
            value = _WORD_VALUE[w]
            if w in _TENS_ES and i + 2 < len(words) and words[i + 1] == "y" and words[i + 2] in _ES_ONES:
                value, skip = value + _ES_ONES[words[i + 2]], 2  # "treinta y dos"
            out.add(str(value))
        elif "-" in w:
            tens, _, ones = w.partition("-")
            if tens in _TENS_EN and ones in _EN_ONES:
                out.add(str(_WORD_VALUE[tens] + _EN_ONES[ones]))  # "twenty-six"
    return frozenset(out)


# Numbers written in words, two to ninety-nine, in English and Spanish: a translation writes them as
# its original does. Not "one", "uno", "una" (an article as often as a number) nor "once" (eleven in
# Spanish, a word in English).
_UNITS_EN = "two three four five six seven eight nine".split()
_TEENS_EN = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS_EN = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNITS_ES = "dos tres cuatro cinco seis siete ocho nueve".split()
_TEENS_ES = "diez _ doce trece catorce quince dieciséis diecisiete dieciocho diecinueve".split()
_TENS_ES = "treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
_WORD_VALUE = {w: i + 2 for i, w in enumerate(_UNITS_EN)} | {w: i + 2 for i, w in enumerate(_UNITS_ES)} \
    | {w: i + 10 for i, w in enumerate(_TEENS_EN)} | {w: i + 10 for i, w in enumerate(_TEENS_ES) if w != "_"} \
    | {w: 10 * (i + 2) for i, w in enumerate(_TENS_EN)} | {w: 10 * (i + 3) for i, w in enumerate(_TENS_ES)} \
    | {"veinte": 20, "dieciseis": 16, "veintiún": 21, "veintiuno": 21, "veintiuna": 21, "veintidós": 22,
       "veintidos": 22, "veintitrés": 23, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
       "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29}
_EN_ONES = {"one": 1} | {w: i + 2 for i, w in enumerate(_UNITS_EN)}
_ES_ONES = {"uno": 1, "una": 1} | {w: i + 2 for i, w in enumerate(_UNITS_ES)}
_PUNCTUATION = ".,;:!?()[]\"'“”‘’«»¿¡—–"


HEAD_CHARS = 1500


def republished(text: str) -> bool:
    head = text[:HEAD_CHARS]
    return any(not line.rstrip().endswith(".") for line in BYLINE.findall(head)) or bool(WIRE.search(head))


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


def build_profiles(sources: list[SourceDoc], cache=None, keys: list[str] | None = None) -> list[Profile]:
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


def mass_buckets(keys, figures: dict) -> frozenset:
    """Where a text's masses stand in kilograms, so that a copy restating them in another unit
    ("1,198 kilograms" for "2,641 pounds") is found: each mass (under both readings of a bare "tons")
    in its bucket ``("kg", b, unit)`` of width MASS_BUCKET, and ``("kg~", b', unit)`` in the nearer
    neighbouring bucket. Two masses within a bucket's width of each other meet in a bucket ("kg" with
    "kg" or "kg~" of one bucket), whichever side of a bucket's edge they fall. (Two figures in one
    unit never restate each other: only masses in different units are counted, see candidates.mass_pairs.)"""
    out = set()
    for k in keys:
        if k[0] != "mass" or k[1] not in STORED_MASS_UNITS:
            continue
        surface = figures[k][0]
        units = ("short_ton", "metric_ton") if k[1] in ("short_ton", "metric_ton") and BARE_TON.search(surface) \
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
