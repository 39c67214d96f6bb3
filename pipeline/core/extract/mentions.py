"""Every quantity mention in a text: the entry point of the extractor.

How a figure is found, in one pass over the text:
1. ``scan`` finds each numeral (digits, digits + scale word, number words), with an
   optional currency sign before it. Numerals inside identifiers, decimals (".50"), dates,
   times, phone numbers and URLs are ruled out by the look-behind / look-ahead.
2. The words just before it rule out dates ("June 27"), identifiers ("Title 18", "Fiscal Year
   2023"), list ordinals ("1.") and bare calendar years (``not_quantities``, ``read``).
3. What follows decides the kind: a unit (mass, percent, area, duration, "dollars"), else the
   currency sign, else a counted plural noun ("5,046 defendants"). A numeral followed by none
   of these is not a measurement and is dropped (``read``, ``units``, ``counts``).
4. The qualifier ("more than", "an average of more than") is read just before the numeral; the
   subject comes from ``subjects``; a bare "tons" is resolved by ``units.resolve_tons``.
5. A range is two figures, one per bound, each with its own characters: "between 10 and 20
   kilograms" gives "10" and "20 kilograms", both in kilograms, of the same subject ("10-15
   tons", "entre 5 y 7 toneladas", "$5-10 million", "5 or 6 kilos" alike; ``ranges``).
6. A few figures stand without a unit or noun right after them and are read from their context:
   a signed change in a table ("| -15% |": 15 percent), a count whose noun a change or level verb
   left out ("overdose deaths dropped to about 87,000", "encounters totaled 58,000"), people after a
   verb that only takes people ("arrested 14 in a raid"), and a "1" inside a list of counts ("2 armas
   largas, 1 arma corta"): ``bare``, ``cells``, ``compared``, ``elided``.
A text in two languages (a release followed by its translation) is read part by part, each in its
own language (``language.language_runs``); a scale word of the other language still scales ("1.5
million pills" quoted in a Spanish text).
Vague amounts ("dozens of", "thousands of", "multi-billion-dollar") are a second small pattern (``vague``);
they are kept with value None and is_vague True, never given a number. Units outside the
warehouse's codes are restated in one of them ("2 milligrams" is 0.002 g, the reason in
unit_assumption); a value of zero is no amount.
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.core.extract.language import language_runs
from pipeline.core.extract.mention import Mention
from pipeline.core.extract.numbers import DIGIT_NUMERAL, NUMBER_WORDS, RANGE_UPPER
from pipeline.core.extract.ranges import RANGE_CONNECTORS, range_lower
from pipeline.core.extract.read import read_candidate
from pipeline.core.extract.scan import numeral_candidates, word_starts
from pipeline.core.extract.sentences import Sentences
from pipeline.core.extract.subjects.mass import share_mass_subjects
from pipeline.core.extract.units import TONS_RULES
from pipeline.core.extract.vague import vague_amounts


def extract_mentions(text: str, *, tons_rule: str = "by_reporter", language: str | None = None) -> list[Mention]:
    """Every quantity mention in `text`, in text order.

    Without a forced `language`, a text in two languages (a release followed by its translation)
    is read part by part, each part in its own language (``language_runs``)."""
    if tons_rule not in TONS_RULES:
        raise ValueError(f"unknown tons_rule {tons_rule!r}; expected one of {TONS_RULES}")
    if language is not None and language not in DIGIT_NUMERAL:
        raise ValueError(f"unsupported language {language!r}; expected 'en' or 'es'")
    runs = [(0, len(text), language)] if language else language_runs(text)
    if len(runs) == 1:
        return _extract(text, tons_rule, runs[0][2])
    found = []
    for start, end, lang in runs:
        found += [replace(m, char_start=m.char_start + start, char_end=m.char_end + start)
                  for m in _extract(text[start:end], tons_rule, lang)]
    return found


def _extract(text: str, tons_rule: str, lang: str) -> list[Mention]:
    """The mentions of a text in one language."""
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case is longer: keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    sentences = Sentences(text)
    found: list[Mention] = []
    starts = word_starts(low, lang)
    upper = RANGE_UPPER[lang]
    numeral_end = -1
    for m in numeral_candidates(text, low, lang, starts):
        if m.start() < numeral_end:
            continue  # a word inside the numeral just read: "mil" of "20 mil kilos"
        numeral_end = m.end()
        mention = read_candidate(text, low, m, lang, tons_rule, sentences, found)
        if mention is None and m.re is DIGIT_NUMERAL[lang] and " " in m.group("digits"):
            # "On Oct. 3 100 agents ...": not one number grouped by spaces; read what follows the first group
            m = DIGIT_NUMERAL[lang].match(low, m.start() + m.group("digits").index(" ") + 1)
            mention = read_candidate(text, low, m, lang, tons_rule, sentences, found) if m else None
            numeral_end = m.end() if m else numeral_end
        if mention is None:
            continue
        if mention.kind != "count":  # a count's span runs on over its noun phrase ("15 of Mexico's 2,741 ...")
            numeral_end = max(numeral_end, mention.char_end)  # "1 1/2 pounds": the "1/2" is read
        elif text.startswith(" (", m.end()) and 0 < text.find(")", m.end()) < mention.char_end:
            numeral_end = text.find(")", m.end()) + 1  # "Seventeen (17) firearms": the "(17)" is read
        s = mention.char_start
        # only a figure after a dash or a connector word can be the upper bound of a range
        bound = range_lower(text, mention, lang, found, sentences) if s and (
            text[s - 1] in "-–" or text[s - 1] == " " and low[max(0, s - 9):s].rstrip().rpartition(" ")[2] in
            RANGE_CONNECTORS) else None
        if bound is None:
            if m.re is upper:
                continue  # "2022-23 seizures" is no range, so no figure
        elif bound is not True:
            found.append(bound)  # the lower bound, then the upper: "between 10 and 20 kilograms"
            if bound.qualifier and mention.qualifier is None:
                mention = replace(mention, qualifier=bound.qualifier)
        found.append(mention)
    share_mass_subjects(text, found)
    _frames_of_later_figures(found)
    # a vague amount inside a figure or inside a longer vague amount ("thousands of pills"
    # in "hundreds of thousands of pills") is part of it, not a mention of its own
    spans = [(f.char_start, f.char_end) for f in found]
    for v in vague_amounts(text, low, sentences, NUMBER_WORDS[lang], starts, lang, tons_rule):
        if not any(a < v.char_end and v.char_start < b for a, b in spans):
            found.append(v)
            spans.append((v.char_start, v.char_end))
    found.sort(key=lambda x: (x.char_start, x.char_end))
    return found


def _frames_of_later_figures(found: list[Mention]) -> None:
    """A time frame opening a sentence is the period of the figure after it: "En los últimos ocho meses, las aduanas
    aseguraron 212 toneladas de precursores" (read before that figure, its subject was a bare "period")."""
    for i, m in enumerate(found):
        if m.kind != "duration" or m.subject != "period":
            continue
        for n in found[i + 1:i + 4]:
            if n.sentence != m.sentence:
                break
            if n.kind in ("mass", "count", "currency") and n.subject and n.value is not None:
                found[i] = replace(m, subject=f"period of {n.subject}")
                break
