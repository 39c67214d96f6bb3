"""Stories: the documents that report one announcement or event.

A document is one text and its versions (versions.py); a story joins the documents about one
announcement: a release, outlets' rewrites of it, news stories quoting it, the fact sheet or the
readout issued for the same meeting. Two documents are linked when they are published within
STORY_DAYS of each other (a document of unknown date is not held back by its date) and

- they state the same figures: at least MIN_SHARED of them, exactly or restated in another unit
  or rounded ("casi 2,200 kilos" for "4,820 pounds"), standing in at least two sentences of each
  (one quoted sentence, a template's penalty clause, is one piece of evidence), making at least
  MIN_SHARE of the figures of the document stating fewer, and not one template filled in with
  other figures (template_siblings); figures in more than MAX_KEY_DF documents count for none;
  a text of unknown date that reports several days (a digest) links so to no story; or
- they state one dated event: facts of the same day, kind and unit, on evidence enough to tell
  it from another event of that day (discrepancies.Evidence.enough): a counted thing named alike
  (a place, an operation both give it) and a fact stated alike, two names, the thing worded
  alike, or every dated fact of one of them matched (a rewrite of one misstated figure); a
  specific figure of the day and place stated alike, whatever words count it ("744 tambos",
  "744 drums"); or two figures of the day stated alike without a name (a readout). A fact
  whose sentence and lead state no day takes the one day its text states anywhere (a rewrite
  dates the news in its second paragraph: Event.story_dates). A text of unknown date links so
  only when its facts fall on one day; or
- they are published within NAME_DAYS and give one name of two words or more in their leads (a
  person, a meeting: Profile.lead_names of any version), and the one stating fewer figures states
  none the other does not: the other government's communiqué on the same extradition, without a
  figure; a readout of a meeting held on the margins of another.

Linked documents are joined with union-find. The date window is what keeps a later story's
background paragraph, a monthly digest and the next issue of a weekly series out of the story
whose figures they repeat. Candidate pairs come from indexes (figure keys, masses in
kilograms, (kind, unit, day) buckets of dated facts), never all pairs.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from .candidates import MAX_KEY_DF, MIN_SHARED, mass_pairs, mass_postings
from .dates import month_day, same_day
from .discrepancies import MAX_VALUE_RATIO, Event, Evidence
from .grouping import components, union_find
from .model import content_hash
from .profiles import Profile
from .versions import restated

STORY_DAYS = 3  # publication dates two linked documents may be apart (a commentary two days on)
STORY_SPAN_DAYS = 7  # ... and the first and last documents of a story
# the shared figures' least share of the figures of the document stating fewer: a background paragraph
# repeating two of another statement's thirty figures does not make that statement's story
MIN_SHARE = 0.2


@dataclass
class StoryDocument:
    """What story linking compares a document by: its canonical version's profile, its date and
    its dated events."""
    document_id: str
    published_on: dt.date | None
    profile: Profile
    events: list[Event]


def story_profile(p: Profile, others: list[Profile] = ()) -> Profile:
    """What story linking keeps of a version's profile: its figures, their sentences, its masses
    (not its wording: kept for every document between runs, it must be small), and the lead
    names of every version (``others``: the document's other versions; a statement's English
    version names the meeting a readout names, whichever version is canonical)."""
    names = p.lead_names.union(*(o.lead_names for o in others))
    return replace(p, shingles=_NO_SHINGLES, numbers=frozenset(), all_numbers=frozenset(), word_numbers=frozenset(),
                   lead_names=names)


_NO_SHINGLES = np.empty(0, dtype=np.uint32)


def _near_in_time(a: StoryDocument, b: StoryDocument) -> bool:
    """Within STORY_DAYS (a document of unknown date is not held back by its date)."""
    return _days_apart(a, b) <= STORY_DAYS


def _sentences(p: Profile, keys) -> int:
    return len({cw for k in keys for cw in p.sentences.get(k, ())})


def same_figures(a: Profile, b: Profile, common: frozenset = frozenset()) -> bool:
    """Whether two documents state MIN_SHARED figures in common (exactly, or restated in another
    unit or rounded), from two sentences of each at least. ``common``: figure keys too many
    documents state to tell one story from another (a template's fixed figures)."""
    shared = (a.keys & b.keys) - common
    if _enough(a, b, shared, shared):
        return True
    _, pairs = restated(a, b, shared | common)  # a common key restated counts for none either
    return bool(pairs) and _enough(a, b, shared | {k for k, _ in pairs}, shared | {k2 for _, k2 in pairs})


def template_siblings(a: Profile, b: Profile) -> bool:
    """Whether two documents are one template filled in with other figures (two releases about two
    seizures, two issues of a series): MIN_SHARED of the sentences they word alike (the same
    content words) state other figures, whatever figures their fixed sentences (a penalty clause,
    an agency's boilerplate) share. A rewrite in its own words words few sentences alike, and a
    news story quoting a release with one figure wrong differs in one sentence."""
    sa, sb = _keys_by_sentence(a), _keys_by_sentence(b)
    return sum(sa[cw] != sb[cw] for cw in sa.keys() & sb.keys()) >= MIN_SHARED


def _keys_by_sentence(p: Profile) -> dict:
    out: dict = defaultdict(set)
    for k, cws in p.sentences.items():
        for cw in cws:
            out[cw].add(k)
    return out


def _enough(a: Profile, b: Profile, keys_a: set, keys_b: set) -> bool:
    return (len(keys_a) >= MIN_SHARED and _sentences(a, keys_a) >= MIN_SHARED and _sentences(b, keys_b) >= MIN_SHARED
            and len(keys_a) >= MIN_SHARE * min(len(a.keys), len(b.keys)))


def _figure_pairs(docs: list[StoryDocument]) -> tuple[set[tuple[int, int]], frozenset]:
    """Pairs of documents sharing a figure key or a mass in another unit, and the keys in more than
    MAX_KEY_DF documents (boilerplate: they make no pair and count for none)."""
    postings: dict = defaultdict(list)
    for i, d in enumerate(docs):
        for k in d.profile.keys:
            postings[k].append(i)
    common = frozenset(k for k, ids in postings.items() if len(ids) > MAX_KEY_DF)
    pairs = {(a, b) for k, ids in postings.items() if k not in common
             for n, a in enumerate(ids) for b in ids[n + 1:]}
    pairs.update(mass_pairs(mass_postings([d.profile.masses for d in docs])))
    return pairs, common


@dataclass
class FigureVerdicts:
    """The figure test's verdicts of a run, kept for the next: for each candidate pair (document
    ids) whether the two state the same figures and are no template siblings, and for each
    document a digest of the common keys it states (the test reads them: a pair's verdict stands
    while neither digest changes). Small on purpose: it is read and written by every rerun."""
    pairs: dict = field(default_factory=dict)
    contexts: dict = field(default_factory=dict)


def story_groups(docs: list[StoryDocument], verdicts: FigureVerdicts | None = None,
                 fresh: frozenset[str] = frozenset()) -> list[list[int]]:
    """Indices of ``docs`` grouped into stories (each sorted; groups by first index).

    Links are taken nearest in time first, and one is dropped when the two stories it would join
    would span more than STORY_SPAN_DAYS: without that bound, documents a few days apart chain
    into one story running for months (a series of statements restating last year's figures).

    ``verdicts``: the last run's, reused for two documents not in ``fresh`` (their profiles are
    the last run's) and replaced in place by this run's: a rerun tests only the pairs a change
    touches."""
    pairs, common = _figure_pairs(docs)
    digest = [_undated_digest(d) for d in docs]
    near = [(i, j) for i, j in pairs if _near_in_time(docs[i], docs[j]) and not (digest[i] or digest[j])]
    now = figure_verdicts(docs, near, common, verdicts or FigureVerdicts(), fresh)
    if verdicts is not None:
        verdicts.pairs, verdicts.contexts = now.pairs, now.contexts
    links = {(i, j) for i, j in near if now.pairs[(docs[i].document_id, docs[j].document_id)]}
    links |= _event_links(docs)
    links |= _name_links(docs, common)
    find, union = union_find(len(docs))
    span = {i: (d.published_on, d.published_on) for i, d in enumerate(docs)}  # a root's first and last date
    for i, j in sorted(links, key=lambda p: (_days_apart(docs[p[0]], docs[p[1]]), p)):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        joined = _joined_span(span[ri], span[rj])
        if joined[0] is not None and (joined[1] - joined[0]).days > STORY_SPAN_DAYS:
            continue
        union(i, j)
        span[find(i)] = joined
    return components(len(docs), find)


def figure_verdicts(docs: list[StoryDocument], pairs: list[tuple[int, int]], common: frozenset,
                    last: FigureVerdicts, fresh: frozenset[str]) -> FigureVerdicts:
    """The verdicts on ``pairs``: the last run's when neither document is fresh and the common
    keys each states are the same, else tested."""
    contexts = {d.document_id: content_hash(*sorted(map(repr, common.intersection(d.profile.keys)))) for d in docs}
    out = FigureVerdicts(contexts=contexts)
    for i, j in pairs:
        a, b = docs[i], docs[j]
        key = (a.document_id, b.document_id)
        known = last.pairs.get(key)
        if known is not None and a.document_id not in fresh and b.document_id not in fresh \
                and last.contexts.get(a.document_id) == contexts[a.document_id] \
                and last.contexts.get(b.document_id) == contexts[b.document_id]:
            out.pairs[key] = known
        else:
            out.pairs[key] = same_figures(a.profile, b.profile, common) and not template_siblings(a.profile, b.profile)
    return out


def _event_links(docs: list[StoryDocument]) -> set[tuple[int, int]]:
    """Pairs of documents that state one dated event on evidence enough to tell it from another
    event of that day (discrepancies.Evidence.enough): facts of the same day, the same kind and unit, values
    within discrepancies.MAX_VALUE_RATIO; one name and two values ("7 detained in Sinaloa" and "13
    defendants ... Sinaloa", among other figures of the day) may be two events of a state. A text
    of unknown date links so only when it reports one day. Facts meet in (kind, unit, month and
    day) buckets, as in discrepancies.event_pairs: never all pairs."""
    events = [[e for e in map(story_event, d.events) if e.dates and e.value] for d in docs]
    buckets: dict = defaultdict(list)
    for i, evs in enumerate(events):
        for e in evs:
            for md in sorted({month_day(x) for x in e.dates}):
                buckets[(e.kind, e.unit, md)].append((i, e))
    found: dict = defaultdict(Evidence)
    seen = set()
    for (_, _, md), members in sorted(buckets.items()):
        for n, (i, a) in enumerate(members):
            for j, b in members[n + 1:]:
                if i == j or (a.fact_id, b.fact_id) in seen or not _near_in_time(docs[i], docs[j]) \
                        or not a.value / b.value <= MAX_VALUE_RATIO >= b.value / a.value \
                        or same_day(a.dates, b.dates, md) is None:
                    continue
                seen.add((a.fact_id, b.fact_id))
                (i, a), (j, b) = sorted(((i, a), (j, b)), key=lambda x: x[0])
                found[(i, j)].add(a, b, a.names & b.names)
    return {(i, j) for (i, j), evidence in found.items()
            if evidence.enough(len(events[i]), len(events[j]))
            and all(d.published_on is not None or _one_day(d) for d in (docs[i], docs[j]))}


NAME_DAYS = 1  # publication dates two documents linked by a name of their leads may be apart
MAX_NAME_DF = 20  # a lead name in more documents than this names many stories (a place, an issuer's unit)


def _name_links(docs: list[StoryDocument], common: frozenset) -> set[tuple[int, int]]:
    """Pairs of documents published within NAME_DAYS that give one name of two words or more in
    their leads (Profile.lead_names: a person, a meeting) and of which the one stating fewer
    figures states no figure the other does not (besides ``common`` keys): the other government's
    communiqué on the same extradition, without a figure; a readout of a meeting held on the
    margins of another, repeating two of its figures in one sentence. Two releases of one day
    naming one place state figures of their own. Candidate pairs come from an index of the names;
    a name of more than MAX_NAME_DF documents makes none. (Not a figure verdict: it reads the
    documents' dates, and the index depends on every document.)"""
    postings: dict = defaultdict(list)
    for i, d in enumerate(docs):
        if d.published_on is not None:
            for name in d.profile.lead_names:
                postings[name].append(i)
    pairs = {(a, b) for ids in postings.values() if len(ids) <= MAX_NAME_DF
             for n, a in enumerate(ids) for b in ids[n + 1:]}
    return {(i, j) for i, j in pairs if _days_apart(docs[i], docs[j]) <= NAME_DAYS
            and _figures_within(docs[i].profile, docs[j].profile, common)}


def _figures_within(a: Profile, b: Profile, common: frozenset) -> bool:
    """Whether the one of two documents stating fewer figures states none the other does not."""
    ka, kb = a.keys - common, b.keys - common
    return ka <= kb or kb <= ka


def story_event(e: Event) -> Event:
    """A fact's event as story linking reads it: dated by the one day its text states, wherever it
    stands, when neither its sentence nor its lead dates it (Event.story_dates)."""
    return e if e.dates or not e.story_dates else e._replace(dates=e.story_dates, names=e.names | e.story_names)


def _days(d: StoryDocument) -> int:
    """How many days a document's dated facts fall on."""
    return len({month_day(x) for e in map(story_event, d.events) for x in e.dates})


def _one_day(d: StoryDocument) -> bool:
    """Whether a document's dated facts all fall on one day (a report of one event, not a digest)."""
    return _days(d) == 1


def _undated_digest(d: StoryDocument) -> bool:
    """A text of unknown date reporting facts of several days (a digest, a story's background):
    its figures are those of several stories, and no date says which one it belongs to."""
    return d.published_on is None and _days(d) > 1


def _days_apart(a: StoryDocument, b: StoryDocument) -> int:
    return abs((a.published_on - b.published_on).days) if a.published_on and b.published_on else 0


def _joined_span(a: tuple, b: tuple) -> tuple:
    firsts = [d for d in (a[0], b[0]) if d is not None]
    lasts = [d for d in (a[1], b[1]) if d is not None]
    return (min(firsts), max(lasts)) if firsts else (None, None)


def story_rows(documents: list[dict], groups: list[list[str]]) -> tuple[list[dict], dict[str, str]]:
    """One row per story (``groups``: document ids) and each document's story id. ``documents``:
    the document rows (document_id, title, published_on, n_sources). A story's title is that of
    its first document: the earliest published, then the one of most versions."""
    by_id = {d["document_id"]: d for d in documents}
    rows, story_of = [], {}
    for ids in groups:
        members = sorted((by_id[i] for i in ids), key=story_order)
        story_id = "story_" + content_hash(*sorted(ids))
        dates = [d["published_on"] for d in members if d["published_on"] is not None]
        rows.append({"story_id": story_id, "title": next((d["title"] for d in members if d["title"]), None),
                     "first_published_on": min(dates) if dates else None, "n_documents": len(members),
                     "document_ids": [d["document_id"] for d in members]})
        story_of.update((i, story_id) for i in ids)
    rows.sort(key=lambda r: r["story_id"])
    return rows, story_of


def story_order(document: dict) -> tuple:
    """A story's documents in reading order: earliest first (undated last), then most versions."""
    date = document["published_on"]
    return (date is None, date or dt.date.min, -int(document["n_sources"]), document["document_id"])
