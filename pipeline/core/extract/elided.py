"""Counts whose noun the sentence leaves out: a level after a change verb ("overdose deaths dropped to
about 87,000", "las llamadas al 911 sumaron 61 mil 200"), people after a verb that only takes people
("arrested 14 in a raid"), and a part of a set the sentence opens with ("Of the 27 defendants, 21
...")."""
from __future__ import annotations

import re

from pipeline.core.extract.subjects.phrases import NOT_COUNTED, is_plural, predicate_words
from pipeline.core.lexicon import LEVEL_QUALIFIER, QUALIFIER_LAST, STOP

# A count whose noun is left out after a change verb: "overdose deaths dropped to about 87,000",
# "Overdose deaths declined 24% nationally, to about 81,000"; and the earlier level after it,
# "..., down from roughly 111,000". Only plural nouns that are counted things (not prices or rates).
_ELIDED_AFTER_CHANGE = re.compile(
    r"\b(?P<np>(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+(?:have\s+|has\s+|had\s+)?(?:dropped|fell|rose|declined|decreased|"
    r"increased|climbed|jumped|grew|reached|totaled|totalled|surged|soared|plunged|plummeted)\b[^.;:\n\d]{0,30}?"
    r"(?:[\d.,]+(?:%|[^\S\n]+percent)[^.;:\n\d]{0,20}?)?\bto\s+(?:" + LEVEL_QUALIFIER + r")?\Z|"
    # a level stated with no change: "encounters totaled 58,000", "arrests reached nearly 9,000"
    r"\b(?P<np2>(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+(?:have\s+|has\s+|had\s+)?(?:totaled|totalled|reached|numbered|averaged|"
    r"topped|exceeded|surpassed|hit|stood\s+at|peaked\s+at|hovered\s+(?:near|around|at))\s+(?:" + LEVEL_QUALIFIER + r")?\Z|"
    # the same with a place between the noun and its verb, or "were": "Encounters at the northern border were 1,300"
    r"\b(?P<np3>[a-z]+s)\s+(?:at|along|on|in|across|from)\s+(?:the\s+)?(?:[\w.-]+\s+){1,3}?(?:were|totaled|totalled|"
    r"reached|numbered|stood\s+at)\s+(?:" + LEVEL_QUALIFIER + r")?\Z|"
    r"\b(?P<np4>(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+were\s+(?:" + LEVEL_QUALIFIER + r")?\Z|"
    # a new total: "bringing the total number of regulated precursors to 29", "brings the number of extraditions to 55"
    r"\bbring(?:ing|s)?\s+(?:the\s+)?(?:total\s+)?(?:number|count)\s+of\s+(?P<np5>(?:[a-z][\w-]*\s+){0,2}?[a-z]+s)\s+to\s+(?:"
    + LEVEL_QUALIFIER + r")?\Z", re.IGNORECASE)
# A Spanish count whose noun is the subject of a level verb: "las llamadas al 911 sumaron 61 mil 200", "los
# homicidios bajaron a 1,200".
ES_LEVEL = re.compile(r"(?:^|[.;:,]\s+|\n\s*|\b(?:y|que)\s+)(?:(?:los|las)\s+)(?P<np>[a-záéíóúñ]+s(?:\s+(?:de|del|al|en)\s+"
                       r"[\wáéíóúñ]+){0,2})\s+(?:sumaron|alcanzaron|totalizaron|ascendieron\s+a|llegaron\s+a|"
                       r"se\s+ubicaron\s+en|bajaron\s+a|subieron\s+a|disminuyeron\s+a|aumentaron\s+a|cayeron\s+a|"
                       r"pasaron\s+a)\s+(?:(?:casi|más\s+de|mas\s+de|unos|unas|alrededor\s+de|cerca\s+de)\s+)?\Z",
                       re.IGNORECASE)
ES_AFTER_LEVEL = re.compile(r"[^\S\n]+(?:en|durante|este|esta|el|la)\b")
ES_LEVEL_ENDINGS = ("aron", "a", "en", "casi", "de", "unos", "unas")
# A plural noun and the place it is in, before a capitalized plural name: "deaths in the| United States".
_PLACE_OWNER = re.compile(r"\b(?P<np>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)\s+(?P<prep>in|at|along|across|on|from)\s+"
                          r"(?:the\s+)?\Z", re.IGNORECASE)
WERE_AFTER = re.compile(r"[^\S\n]*(?:[,;]|\.(?!\d)|\Z)|[^\S\n]+(?:in|during|last|this)[^\S\n]", re.IGNORECASE)
_DOWN_FROM = re.compile(r",\s*(?:down|up)\s+from\s+(?:(?:a\s+)?(?:record|peak|high|low)\s+(?:of\s+)?)?(?:" + LEVEL_QUALIFIER
                        + r")?\Z", re.IGNORECASE)
# People left out after a verb that only takes people: "arrested 14 in", "extradited 29 to".
_PEOPLE_VERB = re.compile(r"\b(arrested|detained|apprehended|indicted|extradited|expelled|deported|killed|rescued|"
                          r"arrests|detains|extradites|kills|rescues)\s+"
                          r"(?:about|nearly|more\s+than|at\s+least|some|over|another)?\s*\Z",
                          re.IGNORECASE)
_PEOPLE_PARTICIPLE = {"arrests": "arrested", "detains": "detained", "extradites": "extradited", "kills": "killed",
                      "rescues": "rescued"}
_PEOPLE_AFTER = re.compile(r"(?:[^\S\n]+(?:in|on|after|for|during|across|at|near|from|to(?![^\S\n]+[0-9])|since|last|this|suspected|"
                           r"people|alleged)\b|[,.;:]|\Z)")
# A sentence that opens on a set, then a part of it with no noun: "Of the 27 defendants, 21 face ...",
# "Of 7 defendants, 5 have been sentenced", "De los 40 detenidos, 12 fueron vinculados a proceso".
_SET_OPENING = re.compile(r"(?:of|among|de|entre)[^\S\n]+(?:the[^\S\n]+|these[^\S\n]+|those[^\S\n]+|los[^\S\n]+|las[^\S\n]+|"
                          r"estos[^\S\n]+|estas[^\S\n]+)?\Z", re.IGNORECASE)
# A set named with no figure: "Among the detainees, ", "Del total de víctimas, ", "Of the victims, ".
_NAMED_SET = re.compile(r"(?:of|among|de|del|entre)[^\S\n]+(?:(?:the|these|those|los|las|estos|estas)[^\S\n]+)?"
                        r"(?:total[^\S\n]+(?:of|de)[^\S\n]+(?:the[^\S\n]+|los[^\S\n]+|las[^\S\n]+)?)?"
                        r"(?P<np>[^\W\d_][^\W\d_-]*(?:[^\S\n]+[^\W\d_][^\W\d_-]*){0,3})[^\S\n]*,[^\S\n]*", re.IGNORECASE)
# A set named by a pronoun, the count that ends the sentence before: "De ellas, 38 ...", "Of them, 12 ...".
_SET_PRONOUNS = frozenset("ellas ellos them these those estos estas".split())
_NOT_A_SET = frozenset("""these those them which whom course note all both ellos ellas estos estas esos esas ellos
cuales ese esa este esta eso esto""".split())
# Between the set's figure and the part's: a comma, or a participle and a comma ("Of the 134 people arrested, ").
_SET_PARTICIPLE = re.compile(r"(?P<words>(?:[^\S\n]+[^\W\d_][\w-]*){0,3})[^\S\n]*,[^\S\n]*")
_LEAD_IN_END = re.compile(r"[:;—–][^\S\n]+")  # "Summary: Of 7 defendants, 5 ..."
_MEMBER_VERB = re.compile(r"[^\S\n]+(?:have|has|had|were|was|are|is|will|remain|remained|face|faced|pleaded|han|fueron|"
                          r"eran|son|están|estan|siguen|permanecen|se|contaban|tenían|tenian|cuentan|tienen)\b", re.IGNORECASE)


# A part named by a pronoun after it: "40 of them were Colombian", "214 of them disrupted", "9 de ellas eran".
_OF_THEM = re.compile(r"[^\S\n]+(?:of[^\S\n]+(?:them|those|these|whom)|de[^\S\n]+(?:ellos|ellas|estos|estas|esos|esas))"
                      r"(?![\w-])", re.IGNORECASE)


def part_of_prior(text: str, start: int, num_end: int, found: list, sentences: Sentences, value: float) -> str | None:
    """The counted noun of the count just before a figure that is a part of it by a pronoun ("97 crew members
    were detained; 40 of them were ..."), in the same sentence or the one before; or None."""
    them = _OF_THEM.match(text, num_end) if found else None
    if them is None or not (_MEMBER_VERB.match(text, them.end()) or _ES_PLURAL_VERB.match(text, them.end()) or
                            _PARTICIPLE.match(text, them.end())):
        return None  # "4 vehículos, dos de ellos con reporte de robo": a description of the set, no new count
    prior = found[-1]
    if prior.kind != "count" or not prior.subject or prior.value is None or prior.is_vague or not 1 < value < prior.value:
        return None
    s_start = sentences.span(start)[0]
    if prior.char_end > start or start - prior.char_end > 200 or (
            prior.char_start < s_start and prior.char_start < sentences.span(max(0, s_start - 2))[0]):
        return None
    return prior.subject


# A group whose size follows it, its members left unsaid: "detained its crew of six, the navy said", "una familia de
# cinco", "la tripulación de siete, que fue trasladada". A noun after the number is counted before this is tried.
_GROUP_OF = re.compile(r"(?:^|[^\w])(?P<g>crew|team|family|group|gang|squad|cell|tripulación|tripulacion|familia|grupo|"
                       r"banda|célula|celula|cuadrilla)[^\S\n]+(?:of|de)[^\S\n]+\Z", re.IGNORECASE)
_GROUP_AFTER = re.compile(r"[^\S\n]*(?:[,;)]|\.(?!\d)|\n|\Z)|[^\S\n]+(?:was|were|who|that|que|fue|fueron)\b", re.IGNORECASE)


def group_size(text: str, start: int, num_end: int) -> str | None:
    """The group a number gives the size of ("its crew of six"), or None."""
    group = _GROUP_OF.search(text, max(0, start - 20), start)
    return group.group("g").lower() if group is not None and _GROUP_AFTER.match(text, num_end) else None


_PARTICIPLE = re.compile(r"[^\S\n]+[a-z]{3,}ed\b")  # "214 of them disrupted or dismantled"


# "de 38 equipos ... donados a la Agencia, 11 permanecían": a set opened by a preposition right before its figure,
# anywhere in the sentence
_SET_BEFORE = re.compile(r"(?:^|[^\w])(?:of|among|de|entre)[^\S\n]+(?:(?:the|these|those|los|las|estos|estas)[^\S\n]+)?\Z",
                         re.IGNORECASE)
_LONG_BETWEEN = re.compile(r"(?:[^\d.;:\n]|(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d))*,[^\S\n]*")  # a year may stand between
# A Spanish verb in the third person plural after the part: "152 funcionan", "11 permanecían", "20 operaban"
_ES_PLURAL_VERB = re.compile(r"[^\S\n]+(?:no[^\S\n]+)?[a-záéíóúñ]{3,}(?:an|en|ían|ian|aban|ieron|aron)\b")


def member_of_set(text: str, before: str, start: int, num_end: int, found: list, sentences: Sentences,
                   words, value: float = 0.0, tail_at: int | None = None) -> str | None:
    """The counted noun of the set a sentence opens with, for a bare figure that is a part of it, with
    what is said of that part ("defendants have been sentenced"); or None. ``tail_at``: the end of a
    later figure of the same set whose predicate is wanted ("22 had ties ... and 47| had convictions")."""
    s_start = sentences.span(start)[0]
    prior = found[-1] if found else None
    inner = prior is not None and prior.kind == "count" and prior.subject and prior.value is not None and \
        s_start <= prior.char_start and prior.char_end <= start and value < prior.value and \
        _SET_BEFORE.search(text, max(0, prior.char_start - 12), prior.char_start) is not None and \
        start - prior.char_end <= 120 and _LONG_BETWEEN.fullmatch(text, prior.char_end, start) is not None
    if not (_MEMBER_VERB.match(text, num_end) or inner and (_ES_PLURAL_VERB.match(text, num_end) or
                                                             _MEMBER_VERB.match(text, num_end))):
        return None
    between = _SET_PARTICIPLE.fullmatch(text, prior.char_end, start) if prior is not None and prior.char_end <= start else None
    if inner and (between is None or not _SET_OPENING.match(_LEAD_IN_END.split(text[s_start:prior.char_start])[-1].lstrip())):
        whole = prior.subject  # "De los 186 equipos ... con que contamos, 152 funcionan", "que, de 38 equipos ..., 11 ..."
    elif prior is not None and prior.kind == "count" and prior.subject and prior.value is not None and \
            prior.char_start >= s_start and between is not None and value < prior.value and \
            _SET_OPENING.match(_LEAD_IN_END.split(text[s_start:prior.char_start])[-1].lstrip()):
        whole = prior.subject  # "Of 7 defendants, 5 have been sentenced", "Of the 134 people arrested, 22 had ..."
        extra = [w for w in between.group("words").split() if w.lower() not in whole.lower().split()]
        if extra and prior.subject == prior.unit_text:
            whole = f"{whole} {' '.join(extra)}"
    else:
        named = _NAMED_SET.fullmatch(_LEAD_IN_END.split(text[s_start:start])[-1].lstrip())
        if named is not None and named.group("np").lower() in _SET_PRONOUNS and prior is not None and \
                prior.kind == "count" and prior.subject and prior.value is not None and not prior.is_vague and \
                0 <= s_start - prior.char_end <= 200 and value < prior.value:
            whole = prior.subject  # "... 133,518 personas desaparecidas. De ellas, 31,240 fueron reportadas ..."
        elif named is None or named.group("np").split()[0].lower() in _NOT_A_SET:
            return None  # "Of course, 5 ...", "Of these, 5 ...": no set named
        else:
            whole = " ".join(named.group("np").split())  # "Among the detainees, 12 were minors"
    tail = predicate_words(text, num_end if tail_at is None else tail_at, words, 5).split()
    while tail and tail[-1].lower() in _TAIL_ADJ:
        tail.pop()  # "fueron reportadas en los primeros| 13 meses"
    return f"{whole} {' '.join(tail)}" if tail else whole


def next_member(text: str, start: int, num_end: int, found: list, sentences: Sentences, words,
                 value: float) -> str | None:
    """A second part of the set a sentence opens with, after "and": "Of those removed, 22 had ties to
    cartels and 47| had prior convictions" -> "removed had prior convictions"; or None."""
    prior = found[-1]
    if prior.kind != "count" or prior.value is None or not prior.surface.isdigit() or \
            prior.char_start < sentences.span(start)[0] or start - prior.char_end > 120 or \
            not _MEMBER_VERB.match(text, num_end) or not _MEMBER_VERB.match(text, prior.char_end):
        return None
    if any(ch.isdigit() for ch in text[prior.char_end:start]) or text.find(",", prior.char_end, start) >= 0:
        return None  # only the next clause: "22 had ties to cartels and 47 had ..."
    return member_of_set(text, text[:prior.char_start], prior.char_start, prior.char_end, found[:-1], sentences,
                          words, prior.value, tail_at=num_end)


_TAIL_ADJ = frozenset("""primeros primeras últimos ultimos últimas ultimas first last past previous next los las el la
the en in de of""".split())


# A figure followed by what was done to people, with no noun: "27 arrested", "5 killed in a shootout",
# "3 charged after raid" (headline English); the participle ends its clause or a preposition follows.
PEOPLE_DONE = re.compile(r"[^\S\n]+(arrested|detained|apprehended|killed|injured|wounded|charged|indicted|extradited|"
                          r"deported|sentenced|convicted|rescued|kidnapped|dead|hurt|missing)"
                          r"(?=[^\S\n]*(?:[,;:]|\.(?!\d)|\n|\Z)|[^\S\n]+(?:in|on|after|at|near|during|across|following|"
                          r"since|so[^\S\n]+far|this|last)\b)")
_NOT_ELIDED = frozenset("prices rates costs levels temperatures values averages percentages shares odds".split())


def elided_count(text: str, before: str, start: int, num_end: int, found: list, sentences: Sentences) -> str | None:
    """The counted noun an English sentence states before a bare figure (a level, people, a change), or None."""
    tail = before[-40:]
    if not before.endswith(" ") or not ("to " in tail or "from " in tail or "ed " in tail or "hit " in tail or
                                        "at " in tail or "es " in tail or "ts " in tail or "ls " in tail or "re " in tail or
                                        "ar " in tail or "nd " in tail):
        return None  # cheap test first
    if text[num_end:num_end + 1] not in (" ", ",", ".", ";", "") or text.startswith(" of", num_end):
        return None
    m = _ELIDED_AFTER_CHANGE.search(before) if not text.startswith(" to", num_end) else None  # "rose to 5 to 10"
    if m:
        np = m.group("np") or m.group("np2") or m.group("np3") or m.group("np4") or m.group("np5")
        if (m.group("np3") or m.group("np4")) and not WERE_AFTER.match(text, num_end):
            return None  # "were 2 miles away": only a figure that ends its clause is a level of the noun
        words = [w for w in np.split() if w.lower() not in STOP and w.lower() not in QUALIFIER_LAST]
        joined = [i for i, w in enumerate(words) if w.lower() in ("and", "y", "but")]
        words = words[joined[-1] + 1:] if joined else words  # "seized 3 vehicles and arrests totaled 12"
        if words and is_plural(words[-1]) and words[-1].lower() not in _NOT_ELIDED and \
                words[-1].lower() not in NOT_COUNTED:
            if words[-1][:1].isupper():
                first = before.find(words[0], m.start())
                owner = _PLACE_OWNER.search(before, max(0, first - 60), first) if first >= 0 else None
                if owner and owner.group("np").split()[-1].lower() not in STOP:
                    # "Overdose deaths in the United States fell to roughly 80,000": the deaths, in that place
                    return f"{' '.join(owner.group('np').split())} {owner.group('prep').lower()} {' '.join(words)}"
            return " ".join(words)
        return None
    people = _PEOPLE_VERB.search(tail)
    if people and _PEOPLE_AFTER.match(text, num_end):
        verb = people.group(1).lower()  # "Police arrested 14 in a raid", "Mexico extradites 29 to the U.S."
        return "people " + _PEOPLE_PARTICIPLE.get(verb, verb)
    if _DOWN_FROM.search(before) and found:
        prior = found[-1]  # "..., down from roughly 111,000": the level of the same count
        if prior.kind == "count" and prior.char_start >= sentences.span(start)[0] and prior.surface[-1:].isdigit():
            return prior.subject
    return None
