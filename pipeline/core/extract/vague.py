"""Vague amounts: "dozens of suspects", "thousands of pounds of methamphetamine", "decenas de
personas", "a multi-billion-dollar scheme". They are kept as mentions with value None and is_vague
True, never given a number."""
from __future__ import annotations

import re

from pipeline.core.extract.mention import Mention
from pipeline.core.extract.numbers import WORD_START, word_alternation
from pipeline.core.extract.sentences import Sentences
from pipeline.core.extract.subjects.phrases import noun_phrase, of_phrase
from pipeline.core.extract.units import UNIT, read_ton, restate, unit_info
from pipeline.core.lexicon import VAGUE_AMOUNTS, VAGUE_KEYS

# Vague amounts, matched on the lower-cased text; each alternative starts with a literal so the
# engine can skip ahead (see numbers.WORD_START).
_VAGUE = re.compile(
    r"(?:(?P<v>" + word_alternation(VAGUE_AMOUNTS, WORD_START)
    + r")(?:\s+of\s+(?:thousands|millions))?\s+(?:of|de)\s+"
    r"|(?P<cur>m" + WORD_START + r"ulti-?(?:million|billion)-dollar))"
)
# Where a vague amount's noun phrase runs into the next amount.
_NEXT_AMOUNT = re.compile(r"[^\S\n]*(?:,|\b(?:and|y)\b)[^\S\n]*(?=(?:" + "|".join(VAGUE_KEYS) + r")\b|[0-9])",
                          re.IGNORECASE)
_MONEY_NOUNS = {"dollars": "usd", "dólares": "usd", "dolares": "usd", "pesos": "mxn"}


def _vague_mass(text: str, start: int, end: int, sentences: Sentences, words, lang: str,
                tons_rule: str) -> Mention | None:
    """ "thousands of pounds of methamphetamine": a mass of no stated value, in its unit."""
    unit_m = UNIT.match(text, end)
    if unit_m is None or unit_m.group().lstrip().startswith("-"):
        return None
    code, kind = unit_info(unit_m.group("unit"))
    if kind != "mass":
        return None
    assumption = None
    s_start, s_end = sentences.span(start)
    if code == "ton":
        code, assumption = read_ton(text, lang, tons_rule, s_start, start, unit_m.end(), s_end)
    if code == "mg":
        _, code, assumption = restate(None, code)
    subject = of_phrase(text, unit_m.end(), words)
    cut = _NEXT_AMOUNT.search(subject) if subject else None
    subject = subject[:cut.start()] if cut else subject  # "of meth and hundreds of kilos of ..."
    return Mention(start, unit_m.end(), text[start:unit_m.end()], "mass", None, code, unit_m.group("unit"), None,
                   assumption, subject, None, text[s_start:s_end].strip(), True)


def vague_amounts(text: str, low: str, sentences: Sentences, words: frozenset, starts: list[int], lang: str,
                  tons_rule: str) -> list[Mention]:
    """Every vague amount of the text (``starts``: where a word numeral or a vague amount may begin)."""
    out = []
    for start in starts:
        m = _VAGUE.match(low, start)
        if m is None:
            continue
        if m.group("v") == "tens" and not low.startswith(" of ", m.end("v")):
            continue
        prev = text[max(0, start - 30):start].rsplit(None, 1)
        if prev and (prev[-1].lstrip("$")[:1].isdigit() or prev[-1].lower() in words):
            continue  # "20 millones de pesos" is a stated figure, read by the main pass
        if m.group("cur"):
            out.append(Mention(start, m.end(), text[start:m.end()], "currency", None, "usd", text[start:m.end()], None, None,
                               noun_phrase(text, m.end(), words)[0], None, sentences.sentence(start), True))
            continue
        mass = _vague_mass(text, start, m.end(), sentences, words, lang, tons_rule)
        if mass is not None:
            out.append(mass)
            continue
        phrase, end = noun_phrase(text, m.end(), words)
        cut = _NEXT_AMOUNT.search(text, m.end(), end)
        if cut:  # "hundreds of pills and dozens of rifles": two amounts
            end = cut.start()
            phrase = " ".join(text[m.end():end].split())
        if not phrase:
            continue
        head = phrase.split()[0].lower()
        kind, unit = ("currency", _MONEY_NOUNS[head]) if head in _MONEY_NOUNS else ("count", "count")
        out.append(Mention(start, end, text[start:end], kind, None, unit, phrase.split()[-1] if kind == "count" else head,
                           None, None, phrase, None, sentences.sentence(start), True))
    return out
