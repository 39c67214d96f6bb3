"""Reusing the last reconciliation: a rerun re-merges only the documents whose versions changed.

After each reconciliation with a cache, its frames (the rows of every document), the
dated facts the discrepancy search needs and the grouping (regroup.py) are kept in one
file beside the cache. The next run groups the corpus from the last grouping; a document whose
document key (its versions' names, contents and figures, in canonical order) was in the
last run takes its rows from the last run's frames by document id -- one vectorized
selection instead of unpickling thousands of documents. A discrepancy between two kept
documents is kept; pairs with a new document are searched among the facts that share a
(kind, unit, month and day) bucket with it. Without a cache every document is new, so a run with
and a run without cache take the same path (tests/test_filecache.py checks they agree).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from . import regroup
from .dates import month_day
from .discrepancies import Event, discrepancy_rows
from .model import SourceDoc
from .reconciliation import Reconciliation, sort_rows
from .stories import FigureVerdicts, StoryDocument, story_event, story_groups, story_profile, story_rows

LAST_RUN = "reconciliation-last-run"
EVENT_COLUMNS = ["document_id", *Event._fields]
# How each reconciled frame is ordered (stable: a document's facts keep their text order).
ORDER = {
    "source_versions": ["source_file"],
    "documents": ["document_id"],
    "facts": ["document_id"],
    "commitments": ["document_id", "ordinal"],
    "discrepancies": ["discrepancy_id"],
}


@dataclass
class LastRun:
    document_ids: dict[str, str]  # document key -> document id
    frames: dict[str, pd.DataFrame]
    events: pd.DataFrame  # EVENT_COLUMNS: the facts with a value and a date, for the discrepancy search
    grouping: regroup.Grouping | None = None
    story_profiles: dict = field(default_factory=dict)  # document id -> stories.story_profile of its canonical version
    story_verdicts: FigureVerdicts = field(default_factory=FigureVerdicts)


def _load(cache) -> LastRun | None:
    last = cache.get_large(LAST_RUN) if cache is not None else None
    return last if isinstance(last, LastRun) and set(last.frames) == set(ORDER) else None


def _events_frame(events_by_doc: dict[str, list[Event]]) -> pd.DataFrame:
    # object columns: a missing subject must come back as None, not as pandas' NaN
    return pd.DataFrame([(doc_id, *e) for doc_id, events in events_by_doc.items() for e in events],
                        columns=EVENT_COLUMNS, dtype=object)


def _events_near(events: pd.DataFrame, buckets: set[tuple]) -> dict[str, list[Event]]:
    """The events (by document) with a (kind, unit, month and day) in ``buckets``."""
    if events.empty or not buckets:
        return {}
    dated = events[["kind", "unit", "dates"]].explode("dates").dropna()
    hit = [b in buckets for b in zip(dated["kind"], dated["unit"], map(month_day, dated["dates"]))]
    return _events_by_doc(events.loc[dated.index[hit].unique()])


def _ordered(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    return frame.sort_values(ORDER[name], kind="stable").reset_index(drop=True)


def reconciled(sources: list[SourceDoc], to_frames: Callable[[Reconciliation], dict[str, pd.DataFrame]],
               cache=None) -> dict[str, pd.DataFrame]:
    """The reconciled frames of ``sources``. ``to_frames`` turns the rows of the documents
    merged in this run into typed frames; ``cache`` (a FileCache) keeps the profiles and this
    run's result for the next one."""
    last = _load(cache) or LastRun({}, {}, _events_frame({}))
    plan, grouping = regroup.plan(sources, cache, last.grouping)
    rec, new_events, document_ids, kept, story_profiles = Reconciliation(), {}, {}, set(), {}
    for n, key in enumerate(plan.keys):
        if key in last.document_ids:
            document_ids[key] = last.document_ids[key]
            kept.add(document_ids[key])
            story_profiles[document_ids[key]] = last.story_profiles[document_ids[key]]
            continue
        doc = plan.merge(n)
        document_ids[key] = doc.document_row["document_id"]
        story_profiles[document_ids[key]] = story_profile(plan.profiles[plan.groups[n][0]],
                                                          [plan.profiles[i] for i in plan.groups[n][1:]])
        rec.source_rows.extend(doc.source_rows)
        rec.document_rows.append(doc.document_row)
        rec.fact_rows.extend(doc.fact_rows)
        rec.commitment_rows.extend(doc.commitment_rows)
        new_events[document_ids[key]] = doc.events

    kept_events = last.events[last.events["document_id"].isin(kept)] if kept else last.events.iloc[:0]
    buckets = {(e.kind, e.unit, month_day(d)) for events in new_events.values() for e in events for d in e.dates}
    nearby = _events_near(kept_events, buckets)
    # each document's dated facts, all of them (``nearby`` holds a kept document's facts of the new days only)
    n_dated = {doc_id: sum(1 for e in events if e.dates) for doc_id, events in new_events.items()}
    if len(kept_events):
        n_dated.update(kept_events[kept_events["dates"].map(len) > 0].groupby("document_id").size().to_dict())
    rec.discrepancy_rows = discrepancy_rows({**nearby, **new_events}, involving=set(new_events), n_dated=n_dated)
    sort_rows(rec)
    new = to_frames(rec)

    frames = {}
    for name, frame in new.items():
        old = last.frames.get(name)
        if old is not None and kept:
            ids = old[["document_id_a", "document_id_b"]] if name == "discrepancies" else old[["document_id"]]
            old = old[ids.isin(kept).all(axis=1)]
            frame = _ordered(pd.concat([old, frame], ignore_index=True), name) if len(frame) else \
                old.reset_index(drop=True)
        frames[name] = frame
    # only dated facts can meet in a (kind, unit, month and day) bucket: a tenth of them, a tenth of the bytes
    dated = {doc_id: [e for e in events if e.dates or e.story_dates] for doc_id, events in new_events.items()}
    events = pd.concat([kept_events, _events_frame(dated)], ignore_index=True)
    verdicts = last.story_verdicts
    out = with_stories(frames, story_profiles, events, verdicts, fresh=frozenset(story_profiles) - kept)
    if cache is not None:
        cache.put_large(LAST_RUN, LastRun(document_ids, frames, events, grouping, story_profiles, verdicts))
    return out


def with_stories(frames: dict[str, pd.DataFrame], story_profiles: dict, events: pd.DataFrame,
                 verdicts: FigureVerdicts, fresh: frozenset[str]) -> dict[str, pd.DataFrame]:
    """The frames with table ``stories``, ``documents.story_id`` and the discrepancies' story ids.
    Stories are linked over every document (stories.py, candidate pairs from indexes), from the
    story profiles and dated events kept by the last run; the figure test is rerun only on the
    candidate pairs with a ``fresh`` document (``verdicts``: the last run's, updated in place)."""
    documents = frames["documents"]
    events_of = _events_by_doc(events)
    rows = documents.to_dict("records")
    for r in rows:  # a missing date comes back from pandas as NaN or NaT: None
        r["published_on"] = r["published_on"] if isinstance(r["published_on"], dt.date) else None
    docs = [StoryDocument(r["document_id"], r["published_on"], story_profiles[r["document_id"]],
                          events_of.get(r["document_id"], [])) for r in rows]
    groups = [[docs[i].document_id for i in g] for g in story_groups(docs, verdicts, fresh)]
    stories, story_of = story_rows(rows, groups)
    out = dict(frames)
    out["documents"] = documents.assign(story_id=documents["document_id"].map(story_of))
    discrepancies = _with_story_dated(frames["discrepancies"], events_of, groups)
    out["discrepancies"] = discrepancies.assign(story_id_a=discrepancies["document_id_a"].map(story_of),
                                                story_id_b=discrepancies["document_id_b"].map(story_of))
    out["stories"] = pd.DataFrame(stories, columns=STORY_COLUMNS)
    return out


def _with_story_dated(discrepancies: pd.DataFrame, events_of: dict[str, list[Event]],
                      groups: list[list[str]]) -> pd.DataFrame:
    """The discrepancies and those of documents of one story whose facts only the story dates read:
    a fact whose sentence and lead state no day takes the one day its text states (a rewrite dates
    the news in its second paragraph: stories.story_event). Only inside a story, which other
    evidence made one: between stories that day is no evidence of one event. Recomputed from the
    events on every run (a few facts per story), never kept."""
    in_stories = [g for g in groups if len(g) > 1]
    if not in_stories:
        return discrepancies
    known = set(discrepancies["discrepancy_id"])
    extra = []
    for ids in in_stories:
        events = {i: [story_event(e) for e in events_of.get(i, [])] for i in ids}
        if not any(e.dates != o.dates for i in ids for e, o in zip(events[i], events_of.get(i, []))):
            continue  # no fact dated by its story only: the discrepancies are known
        extra.extend(r for r in discrepancy_rows(events) if r["discrepancy_id"] not in known)
    if not extra:
        return discrepancies
    rows = pd.DataFrame(extra, columns=[c for c in discrepancies.columns if c in extra[0]])
    out = pd.concat([discrepancies, rows.astype(discrepancies.dtypes[rows.columns].to_dict())], ignore_index=True)
    return out.sort_values("discrepancy_id", kind="stable").reset_index(drop=True)


STORY_COLUMNS = ["story_id", "title", "first_published_on", "n_documents", "document_ids"]


def _events_by_doc(events: pd.DataFrame) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = {}
    for doc_id, *fields in events.itertuples(index=False, name=None):
        out.setdefault(doc_id, []).append(Event(*fields))
    return out
