"""Numbered planned actions of a statement, and their merge across versions.

A list is a run of lines that start with a number marker ("1.", "1)", "(1)", indented
or not). Blank lines inside the run do not end it (a list "1.-5.", blank, "6.-13." is
one list of 13); any other non-item line does, unless it is an indented continuation
of the item above. Ordinals are the item's position in the text, not the number as
written: markdown auto-numbering renders every item as "1.", so the written numbers
cannot be trusted. A lone numbered line is not a list.

Only lists of planned actions are commitments: a list introduced by words of intent ("the
following actions:", "the two governments agreed to:", "acciones", "compromisos") or whose
items mostly read as actions (an imperative or infinitive first word, "will", a Spanish
future). A list of past results, notes or seized items ("1. 350 kilogramos de
metanfetamina;") is not.

Versions of one document repeat the same list, so :func:`merge_commitments` aligns
each version's items to the canonical list by word overlap instead of concatenating
(the 2022 statement has 13 actions, not 26).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ITEM = re.compile(r"^[^\S\n]{0,8}(?:\((\d{1,2})\)|(\d{1,2})[.)])[^\S\n]+(\S.*)$")  # spaces, tabs, NBSP
_CONTINUATION = re.compile(r"^[^\S\n]{2,}\S")
_WORD = re.compile(r"[a-z0-9áéíóúñü]+")
MATCH_THRESHOLD = 0.6  # word-set overlap at which two items are the same action


@dataclass(frozen=True)
class Commitment:
    ordinal: int
    text: str
    n_sources: int
    source_files: tuple[str, ...]


# Words of intent in the line that introduces a list.
_INTENT = re.compile(
    r"\b(?:actions?|commit\w*|pledg\w*|agree\w*|plans?|planned|will|shall|priorities|steps|measures|goals|objectives|"
    r"deliverables|acciones|compromis\w*|acuerd\w*|acord\w*|medidas|metas|objetivos|l[ií]neas de acci[oó]n)\b", re.I)
# Base-form verbs that open an action item ("Expand ...", "Strengthen ...").
ACTION_VERBS = frozenset("""
accelerate achieve adopt advance align allocate apply assess assign attack bolster build collaborate combat commit
complete conduct consider consolidate continue convene cooperate coordinate counter create crack curb cut define
deepen defend deliver deploy design designate develop devote disrupt dismantle double eliminate empower enable
encourage end engage enhance enforce ensure establish evaluate examine expand explore extend facilitate finalize
focus fight fulfill fulfil fund further give grow harmonize help hold identify implement improve increase
institutionalize integrate intensify introduce invest issue jointly launch lead leverage limit maintain make
measure mobilize modernize monitor negotiate offer open operationalize partner pass prepare present prevent
prioritize promote propose protect provide pursue raise reaffirm recognize reduce reform reinforce release renew
report request review revise scale secure seek set share sign stand standardize step stop streamline strengthen
study support sustain take target track train transfer update upgrade use work
""".split())
# Spanish infinitives ("Fortalecer", "Ampliar") and futures ("fortalecerá", "impulsarán").
_INFINITIVE = re.compile(r"^[a-záéíóúñ]{3,}(?:ar|er|ir)(?:se)?$")
_NOT_INFINITIVE = frozenset("lugar hogar militar particular similar mujer primer tercer poder mayor menor".split())
_FUTURE = re.compile(r"\b(?:will|shall|would|[a-záéíóúñ]{4,}(?:ará|erá|irá|arán|erán|irán))\b|\bse compromet", re.I)


def _is_action(item: str) -> bool:
    first = _WORD.match(item.lower())
    word = first.group() if first else ""
    return (word in ACTION_VERBS or bool(_INFINITIVE.match(word)) and word not in _NOT_INFINITIVE
            or bool(_FUTURE.search(item)))


def is_plan(intro: str, items: list[str]) -> bool:
    """A list of planned actions, by its introduction or by its items."""
    return bool(_INTENT.search(intro)) or sum(map(_is_action, items)) * 2 >= len(items)


def extract_commitments(text: str) -> list[str]:
    """Texts of the numbered items of every list of planned actions in ``text``, in order."""
    lists: list[tuple[str, list[str]]] = []  # (the line before the list, its items)
    current: list[str] = []
    intro = ""
    for line in text.splitlines():
        m = _ITEM.match(line)
        if m:
            current.append(m.group(3).strip())
        elif not line.strip():
            continue  # a blank line does not close the list
        elif current and _CONTINUATION.match(line):
            current[-1] += " " + line.strip()
        else:
            lists.append((intro, current))
            current = []
            intro = line
    lists.append((intro, current))
    return [item for intro, items in lists if len(items) >= 2 and is_plan(intro[-300:], items) for item in items]


def _words(s: str) -> set[str]:
    return set(_WORD.findall(s.lower()))


def similarity(a: str, b: str) -> float:
    """Overlap coefficient of word sets: a re-translated or truncated item still matches."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def merge_commitments(versions: list[tuple[str, list[str]]]) -> list[Commitment]:
    """Merge item lists of the versions of one document (canonical version first).

    Each version's items are matched in order, one to one, to the merged list; an item
    matching nothing is inserted after the last matched item, so the order stays that
    of the text.
    """
    merged: list[tuple[str, set[str]]] = []  # (text, source files)
    for source_file, items in versions:
        taken: set[int] = set()
        pos = 0  # insertion point: just after the last matched item
        for item in items:
            best, best_sim = None, MATCH_THRESHOLD
            for i, (text, _) in enumerate(merged):
                sim = similarity(item, text) if i not in taken else 0.0
                if sim > best_sim or (best is None and sim >= best_sim):
                    best, best_sim = i, sim
            if best is None:
                merged.insert(pos, (item, {source_file}))
                taken = {i + 1 if i >= pos else i for i in taken}
                best = pos
            else:
                merged[best][1].add(source_file)
            taken.add(best)
            pos = best + 1
    return [Commitment(i, text, len(files), tuple(sorted(files)))
            for i, (text, files) in enumerate(merged, start=1)]
