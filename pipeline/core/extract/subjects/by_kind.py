"""The subject of a figure with a unit or a currency sign, by its kind: each kind has its own
rules (``mass``, ``money``, ``percent``, ``duration``); an area takes the thing counted before it.

A percent or a duration often only qualifies the figure before it in the sentence ("5,046
defendants ..., a 23 percent increase over 2020"), so that figure's subject is passed along."""
from __future__ import annotations

from pipeline.core.extract.mention import Mention
from pipeline.core.extract.subjects.duration import duration_subject, sentence_actor
from pipeline.core.extract.subjects.mass import mass_subject
from pipeline.core.extract.subjects.money import sum_subject
from pipeline.core.extract.subjects.percent import percent_subject
from pipeline.core.extract.subjects.phrases import of_phrase


def figure_subject(text: str, kind: str, end: int, before: str, found: list[Mention], s_start: int, words: frozenset,
                   lang: str, attributive: bool = False) -> str | None:
    """What the figure measures; ``before`` is its sentence up to the figure (and its qualifier)."""
    if kind == "mass":
        return mass_subject(text, end, before, found, s_start, words, attributive)
    if kind == "area":
        # "68,718 marijuana plantations on 9,189 hectares": the thing counted just before
        same = [f.subject for f in found if f.char_start >= s_start and f.subject]
        return of_phrase(text, end, words) or (same[-1] if same else None)
    # the subject of the figure before this one in the sentence: a percent or a time frame
    # often only qualifies it ("5,046 defendants ..., a 23 percent increase over 2020")
    prior = next((f.subject for f in reversed(found) if f.char_start >= s_start and f.subject and f.value is not None),
                 None)
    if kind == "currency":
        return sum_subject(text, end, before, found, s_start, words, lang)
    if kind == "percent":
        # a time frame is never what a percent changes: "80,400 died in the 12-month period ending in
        # December, a decline of 27%" is a decline in the deaths
        prior = next((f.subject for f in reversed(found) if f.char_start >= s_start and f.subject and
                      f.value is not None and f.kind != "duration"), None)
        return percent_subject(text, end, before, prior, words, lang)
    return duration_subject(text, end, before, attributive, prior, sentence_actor(text, s_start, words, lang), words)
