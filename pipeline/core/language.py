"""Cheap language detection (English / Spanish) from stop-word counts.

Only two languages matter here, and they decide how numbers are read ("1.500" is 1500 in
Spanish, 1.5 in English) and which number and unit words apply. Counting a handful of
frequent function words is enough for whole statements and costs one regex pass.
"""
from __future__ import annotations

import re

# Frequent words that the other language does not use ("de", "en", "a" are shared or
# ambiguous, so they are left out).
_EN = {"the", "and", "of", "to", "is", "that", "for", "with", "was", "were", "has", "have", "this", "by", "from", "which"}
_ES = {"el", "la", "los", "las", "que", "y", "del", "por", "para", "una", "con", "se", "al", "es", "lo", "fue", "más", "como"}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters: plenty to decide, bounded cost on long files


def detect_language(text: str) -> str:
    """'es' when Spanish function words clearly outnumber English ones, else 'en'."""
    en = es = 0
    for w in _WORD.findall(text[:_SAMPLE].lower()):
        if w in _EN:
            en += 1
        elif w in _ES:
            es += 1
    return "es" if es > 1.5 * en and es >= 3 else "en"
