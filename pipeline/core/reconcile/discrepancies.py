"""Discrepancies: facts of *different* documents about one event that state different values.

One event: the same day (dates.py: English and Spanish, abbreviated or not; a stated year, else
the document's year of publication -- June 27 of two years is two events), the same counted
thing (kind, unit and a similar subject, in one language or in two), and a name both texts give it beyond the date: a
place, an operation, a person. Common capitalized words name no event ("Mexican",
"Department", "Government", months, weekdays: vocabulary.COMMON_NAMES), nor do institutions and
national office holders, cited about many events ("Instituto Nacional de Migración", "President
Biden"); so two seizures on one day in Oaxaca and in Sinaloa are two events. Values differ, within a factor of 2. Running
totals reported a year apart share no day-level date, so they do not show up here. Facts meet
in (kind, unit, month and day) buckets: never all pairs.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from .dates import month_day, resolve, same_day, sentence_dates
from .facts import Fact
from .file_claims import SUBJECT_MATCH, subject_words
from .memo import run_cache
from .model import Figure, content_hash
from .text import overlap
from .vocabulary import (
    COMMON_NAMES, COUNTED_THING_OF, EN_MONTHS, ES_MONTHS, INSTITUTIONS, NAME_ARTICLES, NAME_CONNECTORS, STOP_WORDS, TITLES,
    WEEKDAYS,
)

MAX_VALUE_RATIO = 2.0
_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_NAMES = STOP_WORDS | COMMON_NAMES | set(EN_MONTHS) | set(ES_MONTHS) | WEEKDAYS


def fold(word: str) -> str:
    """A word in lower case without accents: "Culiacán" and "Culiacan" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@run_cache(maxsize=1 << 16)
def sentence_names(sentence: str) -> frozenset[str]:
    """The words of a sentence that may name an event: capitalized, not an acronym, not a common
    word, and not in the name of an institution ("Instituto Nacional de Migración", "Department
    of Homeland Security") or of a national office holder ("President Biden", "Secretary
    Mayorkas"): those speak of many events."""
    return frozenset(w for run in name_runs(sentence) for w in run)


@run_cache(maxsize=1 << 16)
def name_runs(sentence: str) -> tuple[tuple[str, ...], ...]:
    """The names of a sentence (see sentence_names) as they stand together: the name words of each
    run of capitalized words, in order ("Efraín Zepeda Lucero" -> ("efrain", "zepeda", "lucero"))."""
    runs: list[tuple[str, ...]] = []
    run: list[str] = []  # capitalized words standing together, maybe joined by "of", "de", ...
    joins: list[str] = []  # the lower-case words since the run's last capitalized one
    opens = False  # whether the run opens the sentence (its first word is capitalized anyway)

    def close() -> None:
        words = [fold(w) for w in run]
        if words and not any(w in INSTITUTIONS or w in TITLES for w in words):
            names = tuple(name for w, name in list(zip(run, words))[1 if opens else 0:]
                          if w[0].isupper() and not w.isupper() and len(w) >= 3 and name not in _NOT_NAMES)
            if names:
                runs.append(names)
        run.clear()
        joins.clear()

    end = None
    for m in _WORD.finditer(sentence):
        w = m.group()
        together = end is not None and not sentence[end:m.start()].strip()
        if w[0].isupper():
            if not together:
                close()
            if not run:
                opens = end is None
            run.append(_POSSESSIVE.sub("", w))
            joins.clear()
        elif run and together and _joins(joins + [w.lower()]):
            run.append(w)  # "Department of Homeland Security": kept only if a capitalized word follows
            joins.append(w.lower())
        else:
            close()
        end = m.end()
    close()
    return tuple(runs)


def lead_names(text: str) -> frozenset[str]:
    """The names of two words or more a text gives in its lead (title, date line, first paragraph
    of prose), as pairs of words standing together ("zepeda lucero", "implementation group"): a
    person, a meeting, what the text is about. A place of one word ("Culiacán, Sinaloa") and an
    institution ("Fiscalía General de la República") make none."""
    out: set[str] = set()
    for line in text.splitlines():
        if not _prose(line) and _title_case(line):
            continue  # a headline in title case capitalizes every word: "... to Face Drug Trafficking Charges"
        folded = fold(line)
        for run in name_runs(line):
            out.update(f"{x} {y}" for x, y in zip(run, run[1:])
                       if x != y and re.search(rf"\b{re.escape(x)}[\s-]+(?:(?:{_ONE_NAME})\s+)*{re.escape(y)}\b", folded))
        if _prose(line):
            break
    return frozenset(out)


def _joins(words: list[str]) -> bool:
    """Whether lower-case words may join two parts of one name: "of", "de", "and", "of the", "de la"
    -- not "and the" (the next name is another one)."""
    return len(words) == 1 and words[0] in NAME_CONNECTORS or \
        len(words) == 2 and words[0] in ("of", "for", "de", "del", "para") and words[1] in NAME_ARTICLES


class Event(NamedTuple):
    """What the discrepancy search needs of one fact (small: kept in the cache with its document)."""
    fact_id: str
    kind: str
    unit: str
    value: float
    subject: str | None
    subject_words: frozenset[str]
    dates: frozenset[str]  # day-level dates of the sentences stating the fact ("2022-06-27", "--06-27")
    names: frozenset[str]  # the names those sentences give (see sentence_names)
    source_files: tuple[str, ...]
    # for story linking only: the day a text states once, outside its lead ("On Sept. 9, ..." in its
    # second paragraph), when neither the fact's sentence nor the lead dates it, and the names of
    # the lead and of the paragraph stating that day (see document_event)
    story_dates: frozenset[str] = frozenset()
    story_names: frozenset[str] = frozenset()


def fact_events(rows: list[dict], facts: list[Fact], published_on: dt.date | None = None,
                text: str | None = None) -> list[Event]:
    """The events of a document's facts that have a value (a vague amount has nothing to compare);
    a date without a year takes the year of ``published_on``, the document's date.

    A fact whose sentence states no date takes the document's one event date, when its ``text``
    states exactly one day besides its publication date (a release about one seizure dates it
    once, in its lead: "On Sept. 9, agents rescued..."), and the names of the sentences stating it."""
    lead_dates, lead_names = document_event(text, published_on) if text else (frozenset(), frozenset())
    text_dates, text_names = document_event(text, published_on, lead_only=False) if text and not lead_dates \
        else (frozenset(), frozenset())
    events = []
    for row, x in zip(rows, facts):
        if x.first.value is None:
            continue
        sentences = {m.sentence for c in x.claims for m in c.mentions}
        dates = frozenset(resolve(d, published_on) for s in sentences for d in sentence_dates(s))
        names = frozenset().union(*(sentence_names(s) for s in sentences))
        if not dates and lead_dates:
            dates, names = lead_dates, names | lead_names
        story = (text_dates, text_names) if not dates else (frozenset(), frozenset())
        events.append(Event(row["fact_id"], x.first.kind, x.first.unit, x.first.value, x.first.subject,
                            subject_words(x.first), dates, names, tuple(sorted(x.files())), *story))
    return events


def document_event(text: str, published_on: dt.date | None,
                   lead_only: bool = True) -> tuple[frozenset[str], frozenset[str]]:
    """The day a text's lead dates its event on, and the lead's names: when the title or the first
    paragraph of prose states a day besides the publication date, and the text states no other
    day. (A release about one seizure dates it in its lead; a statement that mentions one dated
    event among its other figures does not date those.) Paragraphs, not sentences: "Sept." ends
    no sentence. ``lead_only=False``: the one day the text states, wherever it stands, with the
    names of the lead and of the paragraphs stating it (what story linking reads: a rewrite
    leads with the news and dates it in its second paragraph)."""
    published = published_on.isoformat() if published_on else None
    days: set[str] = set()
    lead_days: set[str] = set()
    lead_names: set[str] = set()
    in_lead = True
    for paragraph in text.splitlines():
        found = {day for day in (resolve(d, published_on) for d in sentence_dates(paragraph)) if day != published}
        days |= found
        if in_lead or found and not lead_only:
            lead_days |= found
            lead_names |= sentence_names(paragraph)
        in_lead = in_lead and not _prose(paragraph)
    if len(days) != 1 or days != lead_days:
        return frozenset(), frozenset()
    return frozenset(days), frozenset(lead_names)


_ONE_NAME = "of|de|del|the|la|las|los|el"  # what stands inside one name ("Distrito Sur de California"), not "and"


def _title_case(line: str) -> bool:
    """A line in title case: most of its words of four letters or more capitalized."""
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


LEAD_WORDS = 8  # the first line of prose closes the lead (title, dateline, first paragraph)


def _prose(line: str) -> bool:
    """A line of prose: LEAD_WORDS words or more, ending a sentence (a title ends none)."""
    line = line.rstrip()
    return len(line.split()) >= LEAD_WORDS and line[-1:] in '.!?"”'


STEM = 6  # letters: "migrants" and "migrantes", "cocaine" and "cocaína" count one thing


@run_cache(maxsize=1 << 16)
def _stems(subject: str | None) -> frozenset[str]:
    return frozenset(w[:STEM] for w in map(fold, _WORD.findall(subject or "")) if len(w) >= 5 and w not in STOP_WORDS)


def same_thing(a: Event, b: Event) -> bool:
    """Whether two facts count one thing (see :func:`same_subject`)."""
    return _alike(a.subject_words, b.subject_words, a.subject, b.subject)


def same_wording(a: Event, b: Event) -> bool:
    """Whether two facts word what they count alike (words or their first letters, in one language
    or in two), not only name one broad concept ("personas", "defendants": people)."""
    return overlap(a.subject_words, b.subject_words) >= SUBJECT_MATCH or \
        overlap(_stems(a.subject), _stems(b.subject)) >= SUBJECT_MATCH


def same_subject(a: Figure, b: Figure) -> bool:
    """Whether two figures count one thing: similar subjects, in one language or in two (the first
    letters of a word survive a translation of most things counted here)."""
    return _alike(subject_words(a), subject_words(b), a.subject, b.subject)


def _alike(words_a: frozenset, words_b: frozenset, subject_a: str | None, subject_b: str | None) -> bool:
    return overlap(words_a, words_b) >= SUBJECT_MATCH or overlap(_stems(subject_a), _stems(subject_b)) >= SUBJECT_MATCH \
        or bool(_concepts(subject_a) & _concepts(subject_b))


@run_cache(maxsize=1 << 16)
def _concepts(subject: str | None) -> frozenset[str]:
    """The counted things a subject names (vocabulary.COUNTED_THINGS: "armas", "guns" -> firearm)."""
    return frozenset(COUNTED_THING_OF[w] for w in map(fold, _WORD.findall(subject or "")) if w in COUNTED_THING_OF)


def event_pairs(events_by_doc: dict[str, list[Event]], involving: set[str] | None = None):
    """Pairs of facts of different documents about one dated event: the same day, the same counted
    thing, a name both texts give it, values within MAX_VALUE_RATIO (equal or not). Yields
    ``(doc_a, a, doc_b, b, date, names)``.

    Facts are bucketed by (kind, unit, month and day) so only facts sharing a day are
    compared -- never all pairs of facts. ``involving``: only pairs with a fact of one of
    these documents (the others are known from before).
    """
    buckets: dict = defaultdict(list)
    for doc_id, events in sorted(events_by_doc.items()):
        for e in events:
            for md in sorted({month_day(d) for d in e.dates}):
                buckets[(e.kind, e.unit, md)].append((doc_id, e))
    seen = set()
    for (kind, unit, md), members in sorted(buckets.items()):
        for n, (doc_a, a) in enumerate(members):
            for doc_b, b in members[n + 1:]:
                va, vb = a.value, b.value
                if doc_a == doc_b or (a.fact_id, b.fact_id) in seen:
                    continue
                if involving is not None and doc_a not in involving and doc_b not in involving:
                    continue
                if not (va == vb or 0 < va / vb <= MAX_VALUE_RATIO and vb / va <= MAX_VALUE_RATIO):
                    continue
                if not same_thing(a, b):
                    continue
                date = same_day(a.dates, b.dates, md)
                names = a.names & b.names
                if date is None or not names:
                    continue
                seen.add((a.fact_id, b.fact_id))
                yield doc_a, a, doc_b, b, date, names


SPECIFIC = 10  # a figure below this ("3 detained", "2 vehicles") is stated about many events of a day


@dataclass
class Evidence:
    """What the facts of one day of two documents say about whether they report one event."""
    names: set = field(default_factory=set)  # the names their facts of one counted thing share
    matched: tuple = field(default_factory=lambda: (set(), set()))  # each one's facts so matched
    alike_named: bool = False  # a fact of one counted thing stated alike, named alike
    alike: set = field(default_factory=set)  # values of one counted thing stated alike, named or not
    specific_named: bool = False  # a specific figure stated alike, named alike, whatever its subject
    worded_named: bool = False  # a counted thing worded alike (not only one concept: "people"), named alike

    def add(self, a: Event, b: Event, names: frozenset) -> None:
        """Two facts of one day, kind and unit (``a`` of the first document) and the ``names``
        they share."""
        alike, thing = a.value == b.value, same_thing(a, b)
        self.specific_named |= alike and bool(names) and a.value >= SPECIFIC
        if thing and alike:
            self.alike.add(a.value)
        if thing and names:
            self.names |= names
            self.alike_named |= alike
            self.worded_named |= same_wording(a, b)
            self.matched[0].add(a.fact_id)
            self.matched[1].add(b.fact_id)

    def named_event(self, n_a: int, n_b: int) -> bool:
        """One event named alike (``n_a``, ``n_b``: each document's dated facts): a fact stated alike,
        MIN_NAMES names, a counted thing worded alike ("53 migrants", "51 migrants"), or every
        dated fact of one of them matched (a rewrite of one figure, misstated). One name and two
        values of one broad concept among other figures of the day ("7 personas" in Sinaloa, "13
        defendants" of a Sinaloa faction) may be two events of a state."""
        return bool(self.names) and (self.alike_named or len(self.names) >= MIN_NAMES or self.worded_named
                                     or len(self.matched[0]) == n_a or len(self.matched[1]) == n_b)

    def enough(self, n_a: int, n_b: int) -> bool:
        """One event, for story linking: named alike, or a specific figure of the day and place
        stated alike whatever wording counts it ("744 tambos", "744 drums"), or MIN_NAMES facts of
        the day stated alike whatever the names (a readout: "14 individuals and nine companies")."""
        return self.named_event(n_a, n_b) or self.specific_named \
            or len(self.alike) >= MIN_NAMES and max(self.alike) >= SPECIFIC


MIN_NAMES = 2


def within_rounding(a: float, b: float) -> bool:
    """Whether one of two values is a round figure stating the other within its precision: half its
    last non-zero place, of hundreds or more ("some 2,000 rounds" for 2,030, "more than 300,000
    pills" for 305,000) -- not a different value. "50 migrants" may be a count: 53 differs."""
    return any(_rounded(x, y) for x, y in ((a, b), (b, a)))


def _rounded(x: float, y: float) -> bool:
    if x != int(x) or x == 0:
        return False
    n, place = int(x), 1
    while n % 10 == 0:
        n, place = n // 10, place * 10
    return place >= 100 and abs(x - y) <= place / 2


def _stated_alike(facts: list[Event], x: Event) -> bool:
    """Whether one of ``facts`` (the other document's of the day) states ``x``'s counted thing alike:
    then ``x`` is matched there, and a different value of that document is another event of the
    day (a weekly report dating two seizures in one sentence: "305,000 pills in Culiacán and
    180,000 at Otay, both on Aug. 6" -- each is stated alike by the release about it)."""
    return any(e.value == x.value and same_thing(e, x) for e in facts)


def discrepancy_rows(events_by_doc: dict[str, list[Event]], involving: set[str] | None = None,
                     n_dated: dict[str, int] | None = None) -> list[dict]:
    """Facts of different documents about one dated event with different values (see event_pairs),
    of two documents whose facts of that day tell one event (Evidence.named_event). ``n_dated``:
    each document's dated facts, when ``events_by_doc`` holds only some of them."""
    pairs = list(event_pairs(events_by_doc, involving))
    evidence: dict = defaultdict(Evidence)
    for doc_a, a, doc_b, b, _, names in pairs:
        (doc_a, a), (doc_b, b) = sorted(((doc_a, a), (doc_b, b)), key=lambda x: x[0])
        evidence[(doc_a, doc_b)].add(a, b, names)
    if n_dated is None:
        n_dated = {doc_id: sum(1 for e in events if e.dates) for doc_id, events in events_by_doc.items()}
    day_facts: dict = defaultdict(list)  # (document, kind, unit, month and day) -> its facts of that day
    for doc_id, events in events_by_doc.items():
        for e in events:
            for md in {month_day(d) for d in e.dates}:
                day_facts[(doc_id, e.kind, e.unit, md)].append(e)
    rows = []
    for doc_a, a, doc_b, b, date, names in pairs:
        if a.value == b.value or within_rounding(a.value, b.value) or not evidence[tuple(sorted((doc_a, doc_b)))].named_event(
                *(n_dated[d] for d in sorted((doc_a, doc_b)))):
            continue
        if _stated_alike(day_facts[(doc_b, b.kind, b.unit, month_day(date))], a) or \
                _stated_alike(day_facts[(doc_a, a.kind, a.unit, month_day(date))], b):
            continue
        rows.append({
            "discrepancy_id": content_hash(*sorted([a.fact_id, b.fact_id])), "kind": a.kind, "unit": a.unit,
            "subject": a.subject or b.subject,
            "shared_context": sorted({date} | names),
            "document_id_a": doc_a, "fact_id_a": a.fact_id, "value_a": a.value,
            "source_files_a": list(a.source_files),
            "document_id_b": doc_b, "fact_id_b": b.fact_id, "value_b": b.value,
            "source_files_b": list(b.source_files),
            "event_date": date, "shared_names": sorted(names),
        })
    return rows
