"""Cheap language detection (English / Spanish) from stop-word counts.

Only two languages matter here, and they decide how numbers are read ("1.500" is 1500 in
Spanish, 1.5 in English) and which number and unit words apply. Counting a handful of
frequent function words is enough for whole statements and costs one regex pass.
"""
from __future__ import annotations

import re

from pipeline.core.numbers import WORD_START, word_alternation

# Frequent words that the other language does not use ("a" is in both, so it is left out;
# "de" and "en" only appear in names in English prose, rarely enough to count them).
_EN = {"the", "and", "of", "to", "is", "that", "for", "with", "was", "were", "has", "have", "this", "by", "from", "which"}
_ES = {"el", "la", "los", "las", "que", "y", "del", "por", "para", "una", "con", "se", "al", "es", "lo", "fue", "más", "como", "de", "en"}
# One pattern per language, run by the regex engine in C over the lower-cased sample.
_EN_RE = re.compile(f"(?:{word_alternation(_EN, WORD_START)})\\b")
_ES_RE = re.compile(f"(?:{word_alternation(_ES, WORD_START)})\\b")
_SAMPLE = 3_000  # characters (~450 words): plenty to decide, bounded cost on long files


def detect_language(text: str) -> str:
    """'es' when Spanish function words clearly outnumber English ones, else 'en'."""
    sample = text[:_SAMPLE].lower()
    en, es = len(_EN_RE.findall(sample)), len(_ES_RE.findall(sample))
    return "es" if es > 1.5 * en and es >= 2 else "en"
