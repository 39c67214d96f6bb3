"""What a figure measures: the counted noun, or the noun phrase after "of", plus context.

No parser or model: a noun phrase is read word by word from a position and ends at a
function word, punctuation, a number, a proper noun, or a past participle that starts a
reduced relative clause ("cocaine hidden in..."). The rules are small and shared by all kinds.
"""
from __future__ import annotations

import re

# One word (with its trailing period) after optional spaces; a phrase never crosses a line break.
_TOKEN = re.compile(r"[^\S\n]*([^\s,;:()\[\]\"“”!?–—]+)")
_ABBREV = re.compile(r"(?:[A-Za-z]\.){2,}|(?:approx|etc|e\.g|i\.e|No|St|Jr|Sr|Co|Inc|Corp)\.", re.IGNORECASE)

# Words that end a noun phrase (English and Spanish).
STOP = frozenset("""
in at on from to into with by for during since under over through across near inside within between
among per each every that which who whom whose while as than worth valued estimated was were is are be
been being had has have will would could can may might must should or but not also including include
includes included according after before until via off out up down along about against without toward
towards onto upon behind beyond amid despite this these those it its their there here ago last next
when where whereas a an the hidden concealed found seized discovered located bound destined more than
nearly approximately over some almost around roughly
en con por para que durante desde como sobre entre sin tras hacia hasta fue fueron es son o pero a al
del la el los las un una unos unas su sus se más
""".split())
# Leading determiners skipped at the start of a phrase ("of the drug" -> "drug").
_LEADING = frozenset("the a an some its their his her our these those this that la el los las un una unos unas su sus".split())
_AND = frozenset({"and", "y", "&"})
_OF = re.compile(r"[^\S\n]+(?:of|de|del)[^\S\n]+")
_AND_AFTER = re.compile(r"[^\S\n]+(?:and|y)(?=[^\S\n])")

IRREGULAR_PLURALS = frozenset("people men women children police personnel cattle staff crew youth".split())
# Words ending in -s that are not plural nouns.
_NOT_PLURAL = frozenset("""
was has does its this thus perhaps always towards afterwards besides whereas sometimes series species
news less unless across various previous yes us as is plus mas más tras pues además antes después menos
mientras hemos somos tenemos entonces
""".split())
# Plural nouns that are not counted things here: multipliers, distances, time units handled elsewhere.
NOT_COUNTED = frozenset("""
times fold ones hours minutes seconds decades centuries miles kilometers kilometres meters metres feet
inches yards millimeters percent points levels sides terms ways means
""".split())
# Containers/partitives whose "of" phrase belongs to the counted thing ("rounds of ammunition").
PARTITIVES = frozenset("""
rounds pieces packages packets bundles bricks boxes bags cases containers units doses pallets bottles
vials tablets capsules sheets blocks cans jars barrels gallons liters litres loads shipments kinds types
paquetes bolsas cajas piezas dosis cartuchos
""".split())
# Nouns that govern the measured phrase and tell what happened to it ("the production of X").
_GOVERNING = re.compile(
    r"\b(production|manufacture|manufacturing|importation|exportation|export|import|sale|sales|distribution|"
    r"possession|transport|transportation|delivery|purchase|diversion|consumption|destruction|"
    r"smuggling|trafficking)\s+of\s*$",
    re.IGNORECASE,
)


def is_plural(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return (len(low) >= 3 and low.endswith("s") and low not in _NOT_PLURAL
            and not low.endswith(("ss", "us", "is", "'s", "’s")) and low[0].isalpha())


def _tokens(text: str, pos: int, limit: int = 12):
    """(word, start, end, ends_sentence) from pos, at most `limit` words."""
    for _ in range(limit):
        m = _TOKEN.match(text, pos)
        if m is None:
            return
        word, start, end = m.group(1), m.start(1), m.end(1)
        ends = False
        if word.endswith(".") and not _ABBREV.fullmatch(word):
            word, end, ends = word.rstrip("."), end - (len(word) - len(word.rstrip("."))), True
        if not word:
            return
        yield word, start, end, ends
        if ends:
            return
        pos = m.end()


def _starts_numberish(word: str, number_words: frozenset) -> bool:
    return word[0].isdigit() or word.lower() in number_words or word[0] == "$"


def noun_phrase(text: str, pos: int, number_words: frozenset = frozenset(), max_words: int = 8) -> tuple[str | None, int]:
    """The noun phrase starting at pos ("fentanyl powder", "fentanyl and methamphetamine")."""
    words: list[str] = []
    end = pos
    toks = list(_tokens(text, pos, max_words + 6))
    i = 0
    while i < len(toks) and len(words) < max_words:
        word, _, w_end, ends = toks[i]
        low = word.lower()
        if not words and low in _LEADING:
            i += 1
            continue
        if low in _AND and words and i + 1 < len(toks) and not ends:
            nxt = toks[i + 1][0]
            # "fentanyl and methamphetamine" continues; "fentanyl and more than 10,000" does not
            if nxt.lower() in STOP or _starts_numberish(nxt, number_words) or nxt[0].isupper():
                break
            words.append(word)
            i += 1
            continue
        if low in STOP or _starts_numberish(word, number_words):
            break
        if words and (word[0].isupper() or (low.endswith("ed") and len(low) > 4)):
            break
        words.append(word)
        end = w_end
        i += 1
        if ends:
            break
    while words and words[-1].lower() in _AND:
        words.pop()
    return (" ".join(words) or None), end


def counted_noun(text: str, pos: int, number_words: frozenset = frozenset()) -> tuple[str, int, str] | None:
    """After a number: (noun phrase, end, head) when a plural noun follows within a few words.

    "20.4 million| fake pills" -> ("fake pills", ..., "pills"); "| of Mexico's" -> None.
    Modifiers must be lower case ("Four Horsemen" is a name, not four horsemen).
    """
    words: list[str] = []
    for word, _, end, ends in _tokens(text, pos, 5):
        low = word.lower()
        if not (word[0].islower() or word[0] == "." or (words and word[0].isdigit())):
            return None
        if low in STOP or low in number_words or low in _AND:
            return None
        words.append(word)
        if is_plural(word):
            if low in NOT_COUNTED:
                return None
            phrase, end = _extend(text, end, words, ends, number_words)
            return phrase, end, word
        if ends or len(words) >= 4:
            return None
    return None


def _extend(text: str, end: int, words: list[str], ended: bool, number_words: frozenset) -> tuple[str, int]:
    """'rounds' + 'of ammunition'; 'countries' + 'and international organizations'."""
    phrase = " ".join(words)
    if ended:
        return phrase, end
    m = _OF.match(text, end)
    if m and words[-1].lower() in PARTITIVES:
        np, np_end = noun_phrase(text, m.end(), number_words)
        if np:
            return f"{phrase} of {np}", np_end
    m = _AND_AFTER.match(text, end)
    if m:
        more = counted_noun(text, m.end(), number_words)
        if more and len(more[0].split()) <= 3:
            return f"{phrase} and {more[0]}", more[1]
    return phrase, end


def of_phrase(text: str, end: int, number_words: frozenset = frozenset()) -> str | None:
    """The phrase after "of"/"de" right after a figure: "15,000 pounds| of fentanyl powder"."""
    m = _OF.match(text, end)
    return noun_phrase(text, m.end(), number_words)[0] if m else None


def governing_noun(before: str) -> str | None:
    """'...prevented the production of' -> 'production' (what happened to the measured thing)."""
    m = _GOVERNING.search(before)
    return m.group(1).lower() if m else None


_WEIGHING = re.compile(
    r"((?:[\w'’.-]+\s+){0,4}?[\w'’-]+)\s+(?:weighing|weighed|that weighed|totaling|totalling|"
    r"with a (?:total |combined |gross )?weight of|amounting to|que pesaban|con un peso de)\s*$",
    re.IGNORECASE,
)
_PREDICATE = re.compile(r"[^\S\n]+(?:were|was|had been|have been|has been|fueron|fue)\s+", re.IGNORECASE)
_ANAPHORA = re.compile(r"^\s*(?:of|de)\s+(?:this|these|that|those|which|it|them|esto|estos|ello)\b", re.IGNORECASE)


def thing_before(before: str, number_words: frozenset = frozenset()) -> str | None:
    """'packages of cocaine weighing' -> 'packages of cocaine' (the thing a weight belongs to)."""
    m = _WEIGHING.search(before)
    if not m:
        return None
    words = m.group(1).split()
    # keep the last run of words that is not a verb or function word
    keep: list[str] = []
    for w in reversed(words):
        if w.lower() in STOP and w.lower() not in {"of", "de"} or w.lower().endswith("ed"):
            break
        keep.insert(0, w)
    while keep and keep[0].lower() in {"of", "de"}:
        keep.pop(0)
    return " ".join(keep) or None


def predicate(text: str, end: int, number_words: frozenset = frozenset()) -> str | None:
    """'35,261 pounds| were seized on the southwest border' -> 'seized on the southwest border'."""
    m = _PREDICATE.match(text, end)
    if not m:
        return None
    words = []
    for word, _, _, ends in _tokens(text, m.end(), 8):
        if _starts_numberish(word, number_words):
            break
        words.append(word)
        if ends:
            break
    return " ".join(words) or None


def is_anaphoric(sentence_before: str) -> bool:
    """'Of this, approximately ...' refers back to the previous figure's subject."""
    return bool(_ANAPHORA.match(sentence_before))


_PREPS = frozenset("for with in from through on involving across against suspected accused charged en con por para".split())
_VERB_BEFORE = re.compile(r"\b([a-z]{3,}ed)\s+$")


def count_context(text: str, end: int, before: str, number_words: frozenset = frozenset()) -> str:
    """Context for a counted noun: the verb before it and a short phrase after it.

    "prosecuted 5,046 defendants for human smuggling" -> "prosecuted ... for human smuggling",
    returned as "prosecuted for human smuggling" to follow the noun.
    """
    parts = []
    verb = _VERB_BEFORE.search(before)
    if verb:
        parts.append(verb.group(1))
    words = []
    for i, (word, _, _, ends) in enumerate(_tokens(text, end, 5)):
        if (i == 0 and word.lower() not in _PREPS) or _starts_numberish(word, number_words):
            break
        if i > 0 and (word.lower() in STOP or word.lower() in {"just", "only"} or word.lower().endswith("s") and word[0].islower() and i > 1 and not is_plural(word)):
            break
        words.append(word)
        if ends:
            break
    if len(words) > 1:
        parts.append(" ".join(words))
    return " ".join(parts)
