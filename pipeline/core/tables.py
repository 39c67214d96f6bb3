"""The pandas tables carried between the pipeline's steps, built from the core's results.

Each function takes and returns plain DataFrames; the Dagster assets only call them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, is_dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from .extract.cleaning import CleanText, clean
from .extract.language import detect_language
from .extract.measure import measure_text, measurement_id
from .filecache import FileCache, code_version
from .ingest import list_source_paths, read_source
from .parallel import map_batches
from .plausibility import quarantine_reasons
from .reconcile import clear_caches, incremental
from .reconcile.claims import claim_rows
from .reconcile.stories import story_order
from .reconcile.model import Figure, SourceDoc
from .reconcile.profiles import profile_key_of
from .reconcile.reconciliation import Reconciliation

SOURCE_TEXT_COLUMNS = ["source_file", "sha256", "n_bytes", "status", "reject_reason", "encoding", "language",
                       "text", "clean_text", "clean_anchors"]


def _frame(rows, columns: list[str] | None = None) -> pd.DataFrame:
    rows = [asdict(r) if is_dataclass(r) else dict(r) for r in rows]
    return pd.DataFrame(rows, columns=columns) if columns else pd.DataFrame(rows)


def _clean_and_detect(text: str) -> tuple[str, list, str]:
    cleaned = clean(text)
    return cleaned.text, list(cleaned.anchors), detect_language(cleaned.text)


def _read_and_clean(paths: list[Path], max_bytes: int, cache: FileCache, folder: Path | None = None) -> list[dict]:
    files = [read_source(path, max_bytes, inside=folder) for path in paths]
    keys = {f.sha256: f"clean-{f.sha256}" for f in files if f.text is not None}
    cleaned = cache.get_many(keys.values())
    new = {keys[f.sha256]: _clean_and_detect(f.text) for f in files
           if f.text is not None and keys[f.sha256] not in cleaned}
    cache.put_many(new)
    cleaned.update(new)
    rows = []
    for f in files:
        clean_text, anchors, language = cleaned[keys[f.sha256]] if f.text is not None else (None, None, None)
        rows.append({
            "source_file": f.source_file, "sha256": f.sha256, "n_bytes": f.n_bytes, "status": f.status,
            "reject_reason": f.reject_reason, "encoding": f.encoding, "language": language, "text": f.text,
            "clean_text": clean_text, "clean_anchors": anchors,
        })
    return rows


def source_texts_frame(folder: Path, max_bytes: int, executor: str = "sync",
                       cache: FileCache | None = None, allow_outside_links: bool = False) -> pd.DataFrame:
    """Every *.txt entry of the folder, read, hashed and cleaned (or rejected with a reason).

    With a ``cache``, a file whose content was cleaned before by this code is not cleaned again.
    """
    read = partial(_read_and_clean, max_bytes=max_bytes, cache=cache or FileCache(None, ""),
                   folder=None if allow_outside_links else folder)
    rows = map_batches(read, list_source_paths(folder), executor)
    return pd.DataFrame(rows, columns=SOURCE_TEXT_COLUMNS)


def cleaned_text(row: dict) -> CleanText:
    return CleanText(text=row["clean_text"], original=row["text"], anchors=tuple(tuple(a) for a in row["clean_anchors"]))


# The columns of the measurements frame and their types (one type a column, whatever rows a
# run happens to have, so the last run's rows and this run's join into one frame).
MEASUREMENT_SCHEMA = {
    "measurement_id": "str", "source_file": "str", "char_start": "int64", "char_end": "int64", "surface": "str",
    "kind": "str", "value": "float64", "unit": "str", "unit_text": "str", "value_kg": "float64",
    "unit_assumption": "str", "subject": "str", "qualifier": "str", "is_vague": "bool", "sentence": "str",
    "clean_start": "int64", "clean_end": "int64",
}
MEASUREMENT_COLUMNS = list(MEASUREMENT_SCHEMA)


def _measure_batch(rows: list[dict], tons_rule: str) -> list[list[dict]]:
    return [measure_text(cleaned_text(r), tons_rule) for r in rows]


@dataclass
class _LastMeasurements:
    keys: dict[str, str]  # source_file -> its content key
    frame: pd.DataFrame
    built_by: str  # the code version of this module


def measurements_frame(source_texts: pd.DataFrame, tons_rule: str = "by_reporter",
                       cache: FileCache | None = None, executor: str = "sync") -> pd.DataFrame:
    """Every mention of every readable file, in file order. Files already measured by this code
    come from the cache: those the last run measured take their rows from its frame (one
    vectorized selection, not ten thousand cached lists turned into rows again)."""
    cache = cache or FileCache(None, "")
    ok = source_texts[source_texts["status"] == "ok"]
    names = ok["source_file"].tolist()
    key = {name: f"{sha}-{tons_rule}" for name, sha in zip(names, ok["sha256"].tolist())}
    last_key, built_by = f"measurements-last-run-{tons_rule}", code_version(("tables",))
    last = cache.get_large(last_key)
    if not isinstance(last, _LastMeasurements) or last.built_by != built_by:  # only a frame this code built
        last = _LastMeasurements({}, _frame([], MEASUREMENT_COLUMNS), built_by)
    kept = {name for name in names if last.keys.get(name) == key[name]}

    rows = ok[~ok["source_file"].isin(kept)].to_dict("records")
    found = cache.get_many(key[r["source_file"]] for r in rows)
    todo = list({key[r["source_file"]]: r for r in rows if key[r["source_file"]] not in found}.values())
    new = dict(zip([key[r["source_file"]] for r in todo],
                   map_batches(partial(_measure_batch, tons_rule=tons_rule), todo, executor)))
    cache.put_many(new)
    found.update(new)
    # identical copies under two names share cached rows but get IDs of their own
    out = [dict(m, source_file=r["source_file"],
                measurement_id=measurement_id(r["source_file"], r["sha256"], m["char_start"], m["char_end"], m["kind"]))
           for r in rows for m in found[key[r["source_file"]]]]
    frame = _frame(out, MEASUREMENT_COLUMNS).astype(MEASUREMENT_SCHEMA)
    if kept:
        old = last.frame[last.frame["source_file"].isin(kept)]
        position = {name: i for i, name in enumerate(names)}
        frame = pd.concat([old, frame], ignore_index=True) if len(frame) else old
        frame = frame.iloc[np.argsort(frame["source_file"].map(position).to_numpy(), kind="stable")]
        frame = frame.reset_index(drop=True)
    cache.put_large(last_key, _LastMeasurements(key, frame, built_by))
    # judged on every run (cheap), so a change of the limits needs no cache to be emptied
    return frame.assign(quarantine_reason=quarantine_reasons(frame))


def _column(frame: pd.DataFrame, name: str) -> list:
    """A column as a Python list with None for missing values (one pass, no per-row pandas)."""
    col = frame[name]
    return [None if v is None or v != v else v for v in col.tolist()] if col.hasnans else col.tolist()


_FIGURE_FIELDS = list(Figure._fields)


class _FileFigures(Sequence):
    """The Figures of one file, built when first read: a rerun reads those of the few files
    it profiles or merges, not the ~140,000 of ten thousand files."""

    def __init__(self, columns: list[list], rows: np.ndarray):
        self._columns, self._rows, self._figures = columns, rows, None

    def _built(self) -> tuple[Figure, ...]:
        if self._figures is None:
            self._figures = tuple(Figure(*(col[i] for col in self._columns)) for i in self._rows.tolist())
        return self._figures

    def __getitem__(self, i):
        return self._built()[i]

    def __iter__(self):
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._rows)


def figures_by_file(measurements: pd.DataFrame) -> tuple[dict[str, Sequence[Figure]], dict[str, str]]:
    """The Figures of every file, in row order (columns read once: itertuples costs ~0.5 ms a file),
    and a hash of each file's figures (what a reconciliation profile reads of them)."""
    rows_of = measurements.groupby("source_file", sort=False).indices
    columns = [_column(measurements, c) for c in _FIGURE_FIELDS]
    hashes = pd.util.hash_pandas_object(measurements[["kind", "value", "unit", "surface", "sentence"]],
                                        index=False).to_numpy()
    return ({name: _FileFigures(columns, rows) for name, rows in rows_of.items()},
            {name: hashlib.sha256(hashes[rows].tobytes()).hexdigest() for name, rows in rows_of.items()})


# The columns of each reconciled frame and their types, so a frame without rows (a corpus
# with no numbered list, no discrepancy, no figure) still has the columns the warehouse
# table loads, and a frame joined from the last run's rows and this run's has one type a column.
TEXT, LIST = "str", "object"
RECONCILED_COLUMNS = {
    "source_versions": {"source_file": TEXT, "document_id": TEXT, "is_canonical": "bool"},
    "documents": {"document_id": TEXT, "title": TEXT, "published_on": "object", "n_sources": "int64",
                  "canonical_source_file": TEXT},
    "facts": {"fact_id": TEXT, "document_id": TEXT, "kind": TEXT, "value": "float64", "unit": TEXT, "subject": TEXT,
              "n_sources": "int64", "source_files": LIST, "has_conflict": "bool", "variants": TEXT,
              "conflicting_values": LIST, "measurement_ids": LIST, "value_kg": "float64"},
    "commitments": {"document_id": TEXT, "ordinal": "int64", "text": TEXT, "n_sources": "int64", "source_files": LIST},
    "discrepancies": {"discrepancy_id": TEXT, "kind": TEXT, "unit": TEXT, "subject": TEXT, "shared_context": LIST,
                      "document_id_a": TEXT, "fact_id_a": TEXT, "value_a": "float64", "source_files_a": LIST,
                      "document_id_b": TEXT, "fact_id_b": TEXT, "value_b": "float64", "source_files_b": LIST,
                      "event_date": TEXT, "shared_names": LIST},
}


def _reconciled_rows_to_frames(rec: Reconciliation, measurements: pd.DataFrame) -> dict[str, pd.DataFrame]:
    rows = {"source_versions": rec.source_rows, "documents": rec.document_rows, "facts": rec.fact_rows,
            "commitments": rec.commitment_rows, "discrepancies": rec.discrepancy_rows}
    facts = rows["facts"]
    if facts:
        kg = dict(zip(measurements["measurement_id"].tolist(), measurements["value_kg"].tolist()))
        for f in facts:
            f["value_kg"] = kg.get(f["measurement_ids"][0]) if f["measurement_ids"] else None
            f["variants"] = json.dumps(f["variants"], sort_keys=True, default=str) if f["variants"] else None
    return {name: _frame(rows[name], list(schema)).astype(schema) for name, schema in RECONCILED_COLUMNS.items()}


def reconciled_frames(source_texts: pd.DataFrame, measurements: pd.DataFrame,
                      cache: FileCache | None = None) -> dict[str, pd.DataFrame]:
    """Group versions into documents and merge their facts (see pipeline/core/reconcile/).

    With a ``cache``, each file's reconciliation profile (figure keys, shingles, metadata) is
    kept by content hash and the last run's documents are reused (pipeline/core/reconcile/incremental.py),
    so a rerun profiles only new or changed files and re-merges only the documents whose
    versions changed.
    """
    if "quarantine_reason" in measurements.columns:  # implausible figures are kept out of facts
        measurements = measurements[measurements["quarantine_reason"].isna()]
    by_file, digests = figures_by_file(measurements)
    ok = source_texts[source_texts["status"] == "ok"]
    docs = [SourceDoc(source_file=name, sha256=sha, text=text, figures=by_file.get(name, ()), language=lang,
                      key=profile_key_of(sha, digests.get(name, "")))
            for name, sha, text, lang in zip(ok["source_file"].tolist(), ok["sha256"].tolist(),
                                             ok["clean_text"].tolist(), ok["language"].tolist())]
    try:
        frames = incremental.reconciled(docs, partial(_reconciled_rows_to_frames, measurements=measurements), cache)
        frames["claims"] = claims_frame(frames, measurements, cache)
    finally:  # the memos hold sentences: ~560 MB at 10,000 files that the later steps need
        clear_caches()
    return frames


CLAIM_COLUMNS = {"claim_id": TEXT, "story_id": TEXT, "kind": TEXT, "value": "float64", "unit": TEXT,
                 "value_kg": "float64", "subject": TEXT, "n_documents": "int64", "document_ids": LIST,
                 "fact_ids": LIST, "has_conflict": "bool"}


CLAIMS_LAST_RUN = "claims-last-run"


def claims_frame(frames: dict[str, pd.DataFrame], measurements: pd.DataFrame,
                 cache: FileCache | None = None) -> pd.DataFrame:
    """The claims of every story (pipeline/core/reconcile/claims.py): the facts of its documents
    merged by amount and subject, with each fact's first mention (its surface and qualifier say
    how precisely the amount is written).

    With a ``cache``, a story whose inputs (its facts, their documents' dates, its conflicts) hash
    as in the last run takes its claims from the last run's frame: a rerun merges only the
    stories a change touches."""
    documents = frames["documents"]
    story_of = dict(zip(documents["document_id"], documents["story_id"]))
    rank = {doc_id: story_order({"document_id": doc_id, "published_on": _date_or_none(date), "n_sources": n})
            for doc_id, date, n in zip(documents["document_id"], documents["published_on"], documents["n_sources"])}
    d = frames["discrepancies"]
    inside = d[d["story_id_a"] == d["story_id_b"]]
    conflicting = set(inside["fact_id_a"]) | set(inside["fact_id_b"])
    facts = frames["facts"].drop(columns=["source_files", "variants", "conflicting_values"])
    first = facts["measurement_ids"].map(lambda ids: ids[0] if len(ids) else None)
    facts = facts.assign(surface=first.map(dict(zip(measurements["measurement_id"], measurements["surface"]))),
                         qualifier=first.map(dict(zip(measurements["measurement_id"], measurements["qualifier"]))),
                         story_id=facts["document_id"].map(story_of))
    inputs = _story_inputs(facts, documents, conflicting)
    last = cache.get_large(CLAIMS_LAST_RUN) if cache is not None else None
    kept = {s for s, h in inputs.items() if last is not None and last[0].get(s) == h}
    rows = []
    for fact in facts[~facts["story_id"].isin(kept)].drop(columns=["measurement_ids", "story_id"]).to_dict("records"):
        rows.append({k: None if _missing(v) else v for k, v in fact.items()} | {"qualifier": _str_or_none(fact["qualifier"])})
    claims = _frame(claim_rows(rows, story_of, rank, conflicting), list(CLAIM_COLUMNS)).astype(CLAIM_COLUMNS)
    if kept:
        claims = pd.concat([last[1][last[1]["story_id"].isin(kept)], claims], ignore_index=True)
        claims = claims.sort_values("claim_id", kind="stable").reset_index(drop=True)
    if cache is not None:
        cache.put_large(CLAIMS_LAST_RUN, (inputs, claims))
    return claims


def _story_inputs(facts: pd.DataFrame, documents: pd.DataFrame, conflicting: set[str]) -> dict[str, int]:
    """story id -> a hash of everything its claims are made of, in the order they are read."""
    dated = documents.set_index("document_id")
    inputs = facts.drop(columns=["measurement_ids"]).assign(
        in_conflict=facts["fact_id"].isin(conflicting),
        published_on=facts["document_id"].map(dated["published_on"]).astype(str),
        n_document_sources=facts["document_id"].map(dated["n_sources"]))
    hashed = pd.util.hash_pandas_object(inputs, index=False)
    return {story: hash(tuple(h)) for story, h in hashed.groupby(facts["story_id"].to_numpy(), sort=False)}


def _missing(v) -> bool:
    return v is None or isinstance(v, float) and np.isnan(v)


def _str_or_none(v) -> str | None:
    return v if isinstance(v, str) else None


def _date_or_none(v):
    return v if isinstance(v, dt.date) else None


def published_frames(source_texts: pd.DataFrame, measurements: pd.DataFrame,
                     reconciled: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The warehouse tables of the contract, joined from the steps' results."""
    versions = reconciled["source_versions"].set_index("source_file")
    sources = source_texts.drop(columns=["text", "clean_text", "clean_anchors"]).copy()
    sources["document_id"] = sources["source_file"].map(versions["document_id"])
    sources["is_canonical"] = sources["source_file"].map(versions["is_canonical"]).fillna(False).astype(bool)
    sources["n_measurements"] = sources["source_file"].map(measurements["source_file"].value_counts()).fillna(0)

    fact_of = {mid: fid for fid, ids in zip(reconciled["facts"]["fact_id"], reconciled["facts"]["measurement_ids"])
               for mid in ids}
    published_measurements = measurements.copy()
    published_measurements["document_id"] = published_measurements["source_file"].map(versions["document_id"])
    published_measurements["fact_id"] = published_measurements["measurement_id"].map(fact_of)

    documents = reconciled["documents"].copy()
    members = sources.dropna(subset=["document_id"]).groupby("document_id")["source_file"].apply(sorted)
    documents["source_files"] = documents["document_id"].map(members)
    return {
        "sources": sources,
        "documents": documents,
        "measurements": published_measurements,
        "facts": reconciled["facts"],
        "commitments": reconciled["commitments"],
        "discrepancies": reconciled["discrepancies"],
        "stories": reconciled["stories"],
        "claims": reconciled["claims"],
    }
