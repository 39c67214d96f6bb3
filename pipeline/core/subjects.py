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
weighing totaling totalling amounting
nearly approximately over some almost around roughly compared versus vs respecto comparado frente approx approx.
them ellos ellas contra ante bajo según segun mediante
en con por para que durante desde como sobre entre sin tras hacia hasta fue fueron es son o pero a al
del la el los las un una unos unas su sus se más
""".split())
# Leading determiners skipped at the start of a phrase ("of the drug" -> "drug").
_LEADING = frozenset("the a an some its their his her our these those this that la el los las un una unos unas su sus".split())
_AND = frozenset({"and", "y", "&"})
_LINKS = frozenset({"of", "de", "del"})
_OF = re.compile(r"[^\S\n]+(?:of|de|del)[^\S\n]+")
_AND_AFTER = re.compile(r"[^\S\n]+(?:and|y)(?=[^\S\n])")

MONTHS = frozenset("""
january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec enero febrero marzo abril mayo junio julio agosto septiembre
octubre noviembre diciembre
""".split())
IRREGULAR_PLURALS = frozenset("people men women children police personnel cattle staff crew youth dosis".split())
# Words ending in -s that are not plural nouns.
_NOT_PLURAL = frozenset("""
was has does its this thus perhaps always towards afterwards besides whereas sometimes series species
news less unless across various previous yes us as is plus mas más tras pues además antes después menos
mientras hemos somos tenemos entonces
""".split())
# Plural nouns that are not counted things here: multipliers, distances, time units handled elsewhere.
NOT_COUNTED = frozenset("""
times fold ones hours minutes seconds decades centuries miles kilometers kilometres meters metres feet degrees grados
centimeters centimetres milímetros milimetros centímetros centimetros pulgadas knots nudos
thirds quarters fourths fifths sixths tenths halves terceras cuartas quintas décimas decimas tercios quintos
inches yards millimeters percent points levels sides terms ways means
liters litres gallons barrels millas kilómetros kilometros metros litros galones barriles horas minutos
hrs mins secs segundos digits dígitos digitos decimals decimales
milligrams micrograms miligramos microgramos
""".split())
# Plural names of peoples: counted even though capitalized ("70,000 Americans").
DEMONYMS = frozenset("""
americans mexicans canadians guatemalans hondurans salvadorans colombians venezuelans chinese cubans haitians
nicaraguans ecuadorians peruvians
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


def tokens(text: str, pos: int, limit: int = 12):
    return _tokens(text, pos, limit)


def starts_numberish(word: str, number_words: frozenset) -> bool:
    return _starts_numberish(word, number_words)


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


_FRACTIONS = frozenset({"half", "quarter", "media", "medio"})


def _starts_numberish(word: str, number_words: frozenset) -> bool:
    low = word.lower()
    return (word[0].isdigit() or low in number_words or low in _FRACTIONS or word[0] in "$½¼¾⅓⅔"
            # "one-half", "three-quarters": a number word joined to a fraction
            or "-" in low and low.partition("-")[0] in number_words)


# Spanish preterite endings: a finite verb after a noun ends its phrase ("fentanilo| cayeron a").
_PRETERITE_ES = ("aron", "ieron", "yeron", "ó")
# The form a drug is seized in, after "en": "fentanilo en polvo", "metanfetamina en cristal".
_FORMS = frozenset("polvo cristal piedra pasta roca líquido liquido greña breña hoja pastillas tabletas".split())


def noun_phrase(text: str, pos: int, number_words: frozenset = frozenset(), max_words: int = 8) -> tuple[str | None, int]:
    """The noun phrase starting at pos ("fentanyl powder", "fentanyl and methamphetamine")."""
    words: list[str] = []
    end = pos
    toks = list(_tokens(text, pos, max_words + 6))
    i = 0
    while i < len(toks) and len(words) < max_words:
        word, _, w_end, ends = toks[i]
        low = word.lower()
        if not words and (low in _LEADING or not any(c.isalnum() for c in word)):
            i += 1  # a determiner, or a bullet ("•", "-") opening the line
            continue
        if low in _AND and words and i + 1 < len(toks) and not ends:
            nxt = toks[i + 1][0]
            # "fentanyl and methamphetamine" continues; "fentanyl and more than 10,000" does not
            if nxt.lower() in STOP or _starts_numberish(nxt, number_words) or nxt[0].isupper():
                break
            words.append(word)
            i += 1
            continue
        if low == "en" and words and not ends and i + 1 < len(toks) and toks[i + 1][0].lower() in _FORMS:
            # "fentanilo en polvo", "cocaína en piedra": the form of the drug belongs to its name
            words += [word, toks[i + 1][0]]
            end = toks[i + 1][2]
            i += 2
            if toks[i - 1][3]:
                break
            continue
        if low in STOP or _starts_numberish(word, number_words):
            break
        if words and (word[0].isupper() or (low.endswith("ed") and len(low) > 4) or (
                low.endswith(_PRETERITE_ES) and len(low) > 4) or (
                low.endswith(_PARTICIPLE_ES) and len(low) > 6 and low not in _NOUNS_LIKE_PARTICIPLES)):
            break  # "cocaine hidden in", "dosis de fentanilo aseguradas en": a reduced relative clause
        words.append(word)
        if low not in _LINKS:  # "grant of| $2M": a link word ends no phrase (popped below)
            end = w_end
        i += 1
        if ends:
            break
    while words and (words[-1].lower() in _AND or words[-1].lower() in _LINKS):
        words.pop()
    return (" ".join(words) or None), end


def counted_noun(text: str, pos: int, number_words: frozenset = frozenset()) -> tuple[str, int, str] | None:
    """After a number: (noun phrase, end, head) when a plural noun follows within a few words.

    "20.4 million| fake pills" -> ("fake pills", ..., "pills"); "| of Mexico's" -> None.
    The head noun must be lower case ("Four Horsemen" is a name) unless it names a people.
    """
    words: list[str] = []
    for word, _, end, ends in _tokens(text, pos, 5):
        low = word.lower()
        # a capitalized modifier names a kind ("Mexican officials", "AK-47 rifles", "National
        # Guard troops"); a capitalized head is a name ("Four Horsemen"), unless it names a people
        if not (word[0].isalpha() or word[0] == "." or word[0].isdigit() and (
                words and words[-1][:1].isupper() or _CALIBER_WORD.fullmatch(word))):
            # a caliber may open the phrase: "two 9mm pistols"; a model number follows a capitalized make
            # ("2 Glock 19 pistols"), while after a lower-case word a number starts another figure
            # ("checkpoint 18 stopped 3 trucks")
            return None
        if low == "de" and not words and not ends:
            continue  # "1.5 millones de dosis": the noun after the scale word's "de"
        if low in _AND and words and not ends and len(words) < 3:
            nxt = _TOKEN.match(text, end)
            if nxt is None or _starts_numberish(nxt.group(1), number_words):
                return None  # "1 pistol and 300 rounds": the next figure's own noun
            words.append(word)  # "3,000 U.S. and Mexican personnel", "20 federal and state agents"
            continue
        if low in STOP or low in number_words or low in _AND or low in _COPULAS:
            return None  # "618 eran mujeres": the figure is the subject of the copula
        if word.isupper() and not _caps_line(text, pos):
            words.append(word)  # an acronym modifies the noun after it ("5 DHS agents"), it is no plural
            if ends or len(words) >= 4:
                return None
            continue
        words.append(word)
        if is_plural(word) or word[0].isupper() and _ACRONYM_PLURAL.fullmatch(word):
            if low in NOT_COUNTED or word[0].isupper() and not (
                    low in DEMONYMS or _ACRONYM_PLURAL.fullmatch(word) or _title_case_line(text, pos)):
                return None
            if low in _PRENOMINAL and "dos" in number_words and not ends:
                nxt = _TOKEN.match(text, end)  # "3 largos años", "5 presuntos integrantes": the noun after is the head
                if nxt and nxt.group(1).rstrip(".").islower() and is_plural(nxt.group(1).rstrip(".")):
                    head = nxt.group(1).rstrip(".")
                    words.append(head)
                    end, ends = nxt.start(1) + len(head), nxt.group(1).endswith(".")
                    phrase, end = _extend(text, end, words, ends, number_words)
                    return phrase, end, head
            if low in IRREGULAR_PLURALS and not ends:
                nxt = _TOKEN.match(text, end)  # "police officers", "staff members": the noun after is the head
                if nxt and nxt.group(1).islower() and is_plural(nxt.group(1)) and nxt.group(1) not in NOT_COUNTED \
                        and nxt.group(1).isalpha():
                    word, end = nxt.group(1), nxt.end(1)
                    words.append(word)
            if not ends and low in _CHARGE_MODIFIERS:
                word, end, ends = _charge_head(text, end, words, word, ends)  # "12 firearms trafficking counts"
            phrase, end = _extend(text, end, words, ends, number_words)
            return phrase, end, word
        if ends or len(words) >= 4:
            return None
    return None


# The plural of an acronym or a model name: "30 AR-15s", "2 M-16s", "4 SUVs" (a capitalized plural
# otherwise names something: "Four Horsemen").
_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9]s")
_COPULAS = frozenset("eran era son serán seran están estan estaban resultaron quedaron".split())
# Spanish adjectives that stand before the noun: the noun after them is what is counted.
_PRENOMINAL = frozenset("""largos largas últimos ultimos últimas ultimas primeros primeras nuevos nuevas diversos
diversas distintos distintas varios varias otros otras presuntos presuntas probables posibles supuestos supuestas
diferentes numerosos numerosas sendos sendas intensos intensas breves escasos escasas pequeños pequeñas grandes""".split())
_SMALL_WORDS = frozenset("a an the of in on at to for and or with by from as vs de del la el en y".split())


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line around pos is a headline in title case ("Feds Charge 14 Cartel Members"),
    where a capitalized plural is an ordinary noun."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    if len(line) > 160:
        return False
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _caps_line(text: str, pos: int) -> bool:
    """Whether the line around pos is written in capitals ("MEXICO ARRESTS 14 SUSPECTS IN SINALOA")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    return len(line) <= 160 and line.isupper() and len(line.split()) >= 4


# A plural that modifies a legal noun after it: "12 firearms trafficking counts", "3 weapons charges",
# "5 narcotics cases": the legal noun is what is counted.
_CHARGE_MODIFIERS = frozenset("firearms weapons narcotics drugs arms guns explosives".split())
_CHARGE_MIDDLE = frozenset("trafficking smuggling possession distribution laundering conspiracy related".split())
_CHARGE_HEADS = frozenset("""counts charges cases investigations offenses offences convictions indictments prosecutions
violations crimes arrests""".split())


def _charge_head(text: str, end: int, words: list[str], word: str, ends: bool) -> tuple[str, int, bool]:
    """(head, end, ends) after a plural modifier: the legal noun after it, if one follows."""
    extra = []
    for nxt, _, nxt_end, nxt_ends in _tokens(text, end, 2):
        low = nxt.lower()
        if low in _CHARGE_HEADS:
            words.extend([*extra, nxt])
            return nxt, nxt_end, nxt_ends
        if extra or low not in _CHARGE_MIDDLE or nxt_ends:
            break
        extra.append(nxt)
    return word, end, ends


_CALIBER_WORD = re.compile(r"\d+(?:\.\d+)?(?:mm|-?caliber|-?calibre)", re.IGNORECASE)
_PARTICIPLE_ES = ("ados", "adas", "idos", "idas")
_NOUNS_LIKE_PARTICIPLES = frozenset("""estados soldados resultados partidos abogados aliados diputados delegados sentidos
contenidos apellidos mercados cuidados granadas jornadas empleados privados""".split())


# Participles that name a category of people, not what was done in the sentence: "personas desaparecidas".
_CATEGORY_PARTICIPLES = frozenset("""desaparecidas desaparecidos desplazadas desplazados secuestradas secuestrados
extraviadas extraviados repatriadas repatriados deportadas deportados asesinadas asesinados""".split())


def _extend(text: str, end: int, words: list[str], ended: bool, number_words: frozenset) -> tuple[str, int]:
    """'rounds' + 'of ammunition'; 'countries' + 'and international organizations'; Spanish
    'laboratorios' + 'clandestinos' (an adjective follows its noun; a participle is a predicate)."""
    phrase = " ".join(words)
    if ended:
        return phrase, end
    if "dos" in number_words:  # Spanish number words: the text is Spanish
        nxt = _TOKEN.match(text, end)
        adj = nxt.group(1).rstrip(".") if nxt else ""
        if (len(adj) >= 5 and adj.islower() and adj.endswith(("os", "as", "es")) and (
                not adj.endswith(_PARTICIPLE_ES) or adj in _CATEGORY_PARTICIPLES)
                and adj not in STOP and adj not in _NOT_PLURAL and adj not in number_words and adj.isalpha()):
            words, end = [*words, adj], nxt.start(1) + len(adj)
            phrase = " ".join(words)
            if nxt.group(1).endswith("."):
                return phrase, end
    m = _OF.match(text, end)
    if m and words[-1].lower() in PARTITIVES:
        np, np_end = noun_phrase(text, m.end(), number_words)
        if np:
            return f"{phrase} {m.group().strip()} {np}", np_end
    m = _AND_AFTER.match(text, end)
    if m:
        more = counted_noun(text, m.end(), number_words)
        # a number in it is a figure of its own: "30 personas y aseguró 15 armas"
        if more and len(more[0].split()) <= 3 and not any(c.isdigit() for c in more[0]):
            return f"{phrase} and {more[0]}", more[1]
    return phrase, end


def of_phrase(text: str, end: int, number_words: frozenset = frozenset()) -> str | None:
    """The phrase after "of"/"de" right after a figure: "15,000 pounds| of fentanyl powder"."""
    m = _OF.match(text, end)
    return noun_phrase(text, m.end(), number_words)[0] if m else None


# A place or target after a measured noun: "homicides| in Mexico", "tariff| on Mexican goods", "troops| to the
# border", "goods| from Mexico", "migrants| inside a trailer".
_PLACE_PREP = re.compile(r"(?:[^\S\n]+[a-z]{3,}ed)?[^\S\n]+(?:in|on|from|inside|along|across|at|to(?=[^\S\n]+the\b))[^\S\n]+")
_NOT_PLACE = frozenset("""fiscal past last first next previous recent coming following same this that these those
which whom order addition total all each particular general part case turn return exchange response""".split())


def place_tail(text: str, end: int, number_words: frozenset = frozenset()) -> str:
    """' in Mexico' after a noun phrase ending at end, or '' (no time, no figure, no pronoun)."""
    m = _PLACE_PREP.match(text, end)
    if m is None:
        return ""
    np, np_end = noun_phrase(text, m.end(), number_words, 4)
    if not np or any(c.isdigit() for c in np):
        return ""
    if np[:1].isupper():
        art = _ARTICLE.match(text, m.end())
        name = _PROPER_RUN.match(text, art.end() if art else m.end())
        whole = _SENTENCE_END.split(name.group())[0].strip() if name else ""
        if len(np.split()) == 1 and 1 < len(whole.split()) <= 6:
            np, np_end = whole, name.start() + len(whole)  # "to the United States": the whole name
    cut = [i for i, w in enumerate(np.split()) if w.lower() in _CLAUSE_OPENERS]
    if cut:  # "on Mexican goods| unless the country ..."
        if cut[0] == 0:
            return ""
        kept = np.split()[:cut[0]]
        np_end = text.index(kept[-1], m.end()) + len(kept[-1])
        np = " ".join(kept)
    first = np.split()[0].lower()
    if first in _PERIOD_HEADS or first in MONTHS or first in _NOT_PLACE or first in STOP or first in _TIME_TAIL:
        return ""
    return " " + " ".join(text[m.start():np_end].split())


_SENTENCE_END = re.compile(r"[.!?][^\S\n]|[.!?]$")
_CLAUSE_OPENERS = frozenset("unless if because although though whether whereas once so".split())
_TIME_TAIL = frozenset("year years month months week weeks day days quarter period morning afternoon evening night time times "
                       "weekend fy".split())


# The head of an "of" phrase that names a period, not the measured thing: "21,900 libras del año fiscal
# anterior", "27,000 pounds of the previous year".
_PERIOD_HEADS = frozenset("""year years month months week weeks quarter period año años mes meses semana semanas
trimestre semestre periodo período sexenio ejercicio""".split())


def names_period(phrase: str | None) -> bool:
    """Whether a phrase opens with a period ("año fiscal anterior", "previous year", "mismo periodo")."""
    words = [w for w in (phrase or "").lower().split()[:3] if w not in _LEADING]
    words = words[1:] if words and words[0] in ("previous", "prior", "same", "last", "past", "mismo", "misma", "fiscal") else words
    return bool(words) and words[0] in _PERIOD_HEADS


def of_word(text: str, end: int) -> str:
    """The linking word itself ("of", "de", "del") when :func:`of_phrase` found one."""
    m = _OF.match(text, end)
    return m.group().strip() if m else "of"


def governing_noun(before: str) -> str | None:
    """'...prevented the production of' -> 'production' (what happened to the measured thing)."""
    if not before[-40:].rstrip().lower().endswith((" of", " de")):
        return None  # cheap test first: the search below tries every offset of `before`
    m = _GOVERNING.search(before[-40:])
    return m.group(1).lower() if m else None


_WEIGHING = re.compile(
    r"((?:[\w'’.-]+\s+){0,4}?[\w'’-]+),?\s+(?:weighing|weighed|that weighed|totaling|totalling|"
    r"with a (?:total |combined |gross )?weight of|amounting to|que pesaban|"
    r"con un peso (?:total |aproximado |neto |bruto )?de)\s*$",
    re.IGNORECASE,
)
_PREDICATE = re.compile(r"[^\S\n]+(?:were|was|had been|have been|has been|fueron|fue)\s+", re.IGNORECASE)
_ANAPHORA = re.compile(r"^\s*(?:of|de)\s+(?:this|these|that|those|which|it|them|esto|estos|ello)\b", re.IGNORECASE)


_WEIGHING_ENDS = ("weighing", "weighed", "totaling", "totalling", "of", "to", "pesaban", "de")


def thing_before(before: str, number_words: frozenset = frozenset()) -> str | None:
    """'packages of cocaine weighing' -> 'packages of cocaine' (the thing a weight belongs to)."""
    if not before[-40:].rstrip().lower().endswith(_WEIGHING_ENDS):
        return None  # cheap test first; the search looks at the last words only (a long sentence stays linear)
    m = _WEIGHING.search(before[-160:])
    if not m:
        return None
    words = m.group(1).split()
    # keep the last run of words that is not a verb or function word
    keep: list[str] = []
    for w in reversed(words):
        if w.lower() in STOP and w.lower() not in {"of", "de"} or w.lower().endswith("ed") or w[:1].isdigit():
            break
        keep.insert(0, w.rstrip(","))
    while keep and keep[0].lower() in {"of", "de"}:
        keep.pop(0)
    return " ".join(keep) or None


def noun_before(before: str, number_words: frozenset = frozenset()) -> str | None:
    """'the seized methamphetamine ' -> 'methamphetamine': the noun phrase that ends right before a
    parenthesis holding its weight (words back to a function word, a verb form or a number)."""
    keep: list[str] = []
    for w in reversed(before[-80:].split()[-4:]):
        low = w.lower()
        if low in STOP or low in _LEADING or _starts_numberish(w, number_words) or not w[0].isalpha() or (
                low.endswith("ed") and len(low) > 4) or w.endswith((",", ".", ";", ":")):
            break
        keep.insert(0, w)
    return " ".join(keep) or None


# Substances a mass in these statements is of, named before the figure when no "of" follows it
# ("Heroin seizures fell 30% to about 3,900 pounds").
_SUBSTANCE = re.compile(
    r"\b(?:fentanyl|fentanilo|carfentanil|cocaine|coca[ií]na|crack|methamphetamine|metanfetamina|meth|cristal|heroin|"
    r"hero[ií]na|marijuana|marihuana|cannabis|opium|opio|precursors?|precursores|precursor|chemicals?|qu[ií]micos|"
    r"xylazine|xilacina|nitazenes?|narcotics|narc[oó]ticos|drugs|drogas|psicotr[oó]picos)\b", re.IGNORECASE)


def substance_before(before: str, number_words: frozenset = frozenset()) -> str | None:
    """The noun phrase opened by the last substance named in `before` (the sentence up to the figure)."""
    tail, start, prev_end = before[-200:], None, -2
    for m in _SUBSTANCE.finditer(tail):
        if start is None or not tail[prev_end:m.start()].isspace():
            start = m.start()  # a new run ("precursor chemical" is one)
        prev_end = m.end()
    if start is None:
        return None
    phrase = noun_phrase(tail, start, number_words, 3)[0] or ""
    kept = []
    for w in phrase.split():
        if not any(c.isalnum() for c in w):
            break  # a table's cell border: "| Fentanyl | 1,200 kg |"
        kept.append(w)
    return " ".join(kept) or None


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


_PAST = frozenset("died fled went came fell rose grew left lost won took made paid got ran fought hid".split())
_INSIDE = frozenset("the a an of".split())  # may sit inside the phrase after the noun, never end it
_AND_TAIL = frozenset("and y e or o de del".split())  # never the last word of a phrase either
# Words that open a prepositional tail of their own ("pursuant to", "related to"): the phrase ends.
_PHRASE_END = frozenset("pursuant according due thanks prior related owing".split())
_COMMA_WITH = re.compile(r",[^\S\n]+(?=with[^\S\n])")


def count_context(text: str, end: int, before: str, number_words: frozenset = frozenset()) -> str:
    """Context for a counted noun: the verb before it and a short phrase after it.

    "prosecuted 5,046 defendants for human smuggling" -> "prosecuted for human smuggling";
    "108,000 people died of drug overdoses" -> "died of drug overdoses";
    "50 municipalities with the highest number of homicides" -> "with the highest number of homicides".
    """
    parts = []
    verb = _VERB_BEFORE.search(before[-30:]) if before[-40:].rstrip().endswith("ed") else None
    if verb:
        parts.append(verb.group(1))
    comma = _COMMA_WITH.match(text, end)  # "municipalities, with the highest rates of femicide"
    words = []
    for i, (word, _, _, ends) in enumerate(_tokens(text, comma.end() if comma else end, 8)):
        low = word.lower()
        if _starts_numberish(word, number_words):
            break
        if i == 0:
            if low not in _PREPS and low not in _PAST and not (low.endswith("ed") and len(low) > 4):
                break
        elif low in _PHRASE_END or (low not in _INSIDE and (low in STOP or low in {"just", "only"} or (
                low.endswith("s") and word[0].islower() and i > 1 and (not is_plural(word) or words[-1][0].isupper())))):
            break  # ...or a verb after a name: "firearms in Texas| demonstrates"
        words.append(word)
        if ends:
            break
    while words and (words[-1].lower() in _INSIDE or words[-1].lower() in _AND_TAIL):
        words.pop()
    # a phrase needs a preposition: "died of drug overdoses", "for human smuggling"; a lone
    # verb ("leaders| pledged to ...") is the sentence's own verb, not context for the noun
    if len(words) > 1 and words[1].lower().rstrip(".") in MONTHS:
        words = []  # "51 migrants on June 27": a date, not what the count is of
    if len(words) > 1 and (words[0].lower() in _PREPS or words[1].lower() in _PREPS or words[1].lower() == "of"):
        parts.append(" ".join(words))
    return " ".join(parts)


# --- percent, currency and duration ---------------------------------------------------------
# These figures rarely have "of <thing>" after them; their subject is read from the words around
# them, and, where the figure only qualifies another one ("..., a 23 percent increase"), from the
# subject of the figure before it in the sentence (``prior``).
_CHANGE_WORDS = (r"increase|decrease|rise|drop|reduction|decline|growth|jump|surge|spike|fall|cut|aumento|incremento|reducción|"
                 r"disminución|disminucion|caída|caida|descenso|alza|crecimiento|baja")
_COMPARATIVE_AFTER = re.compile(r"[^\S\n]+(more|fewer|less|higher|lower)\b[^\S\n]*", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:said|says|reported|reports|noted|added|that|and|but|while)\s+", re.IGNORECASE)
_THAN = re.compile(r"(?:than|que)\b", re.IGNORECASE)
# The subject of a clause whose predicate is a compared figure: "Seizures of fentanyl during the surge were| 35
# percent higher", "Overdose deaths in Arizona were about| 12 percent lower"
_COPULA_BEFORE = re.compile(r"(?:^|[.;:]\s+|,\s+)(?:(?:the|el|la|los|las)\s+)?(?P<np>[^\W\d_][^,;:\d]{2,80}?)\s+"
                            r"(?:were|was|are|is|fueron|fue|son|es|eran|era)\s+"
                            r"(?:(?:about|approximately|nearly|roughly|some|almost|around|un|una)\s+)?$", re.IGNORECASE)
_MORE_AFTER = re.compile(r"[^\S\n]+(more|fewer|less|higher|lower|más|menos)[^\S\n]+", re.IGNORECASE)
_CHANGE_AFTER = re.compile(rf"[^\S\n]+({_CHANGE_WORDS})\b(?:[^\S\n]+(?:in|of|en|de)[^\S\n]+)?", re.IGNORECASE)
# "an annual decrease of", "una disminución anual de": an adjective of the period may stand between
_PERIOD_ADJ = r"(?:\s+(?:annual|yearly|monthly|overall|total|anual|interanual|mensual|general|total))?"
_CHANGE_OF_BEFORE = re.compile(rf"\b({_CHANGE_WORDS}){_PERIOD_ADJ}\s+(?:of|de|del)\s*$", re.IGNORECASE)
_APPOSITIVE = re.compile(rf",\s*(?:(?:an?|the|un|una)\s+)?(?:(?:annual|yearly|monthly|overall)\s+)?(?:(?:{_CHANGE_WORDS}){_PERIOD_ADJ}\s+(?:of|de|del)\s*)?$",
                         re.IGNORECASE)
_CHANGE_NOUN = {"increased": "increase", "risen": "increase", "rose": "increase", "grown": "increase", "grew": "increase",
                "decreased": "decrease", "fallen": "decrease", "fell": "decrease", "dropped": "decrease",
                "declined": "decrease", "been reduced": "decrease", "reduced": "decrease"}
_CHANGE_BEFORE = re.compile(
    r"(?:^|,(?!\d)\s*)(?P<what>(?:[^,]|,(?=\d))*?)\s+(?:has|have|had)?\s*(?P<verb>increased|decreased|risen|rose|fallen|fell|grown|grew|"
    r"dropped|declined|been reduced|reduced|climbed|jumped|soared|surged|plunged|plummeted|slid|"
    r"weakened|strengthened|slipped|slumped|expanded|contracted|shrank|depreciated|appreciated|"
    r"drops?|falls?|rises?|climbs?|jumps?|soars?|surges?|plunges?|declines?|grows?|slides?|increases?|decreases?|"
    r"(?:are|is|were|was)\s+(?:down|up)|"
    r"disminuy[óo]|disminuyeron|aument[óo]|aumentaron|cay[óo]|cayeron|baj[óo]|bajaron|creci[óo]|crecieron|"
    r"descendi[óo]|se\s+redujo|se\s+redujeron|se\s+increment[óo])\s+(?:by\s+|en\s+|un\s+)?$",
    re.IGNORECASE,
)
_RISE = re.compile(r"increas|ris|rose|grow|grew|up|climb|jump|soar|surg|aument|creci|increment|strengthen|expand|"
                   r"appreciat", re.IGNORECASE)
# Where the changed thing's phrase begins: after the last clause word ("officials said that homicides fell").
_CLAUSE = re.compile(r"\b(?:that|which|and|but|while|as|said|says|reported|announced|noted|y|que|mientras|dijo|"
                     r"informó|señaló|reportó)\s+|\b(?:number|amount|total|volume|n[úu]mero|cantidad)\s+(?:of|de)\s+",
                     re.IGNORECASE)
_FOR_AFTER = re.compile(r"[^\S\n]+(?:for|among|entre)[^\S\n]+", re.IGNORECASE)
_IN_AFTER = re.compile(r"[^\S\n]+(?:in|en)[^\S\n]+", re.IGNORECASE)
_NUMBER_OF = re.compile(r"^(?:and\s+|but\s+)?(?:the\s+)?(?:number|amount|total|volume)\s+of\s+", re.IGNORECASE)
_VERB_FORM = re.compile(r"[^\S\n]+(?:\w+(?:ed|ing)|were|was|are|is|fueron|eran|son|fue)\b")


def percent_subject(text: str, end: int, before: str, prior: str | None, words: frozenset) -> str | None:
    """'a 23 percent increase in prosecutions' -> 'increase in prosecutions';
    'traced 40 percent more firearms' -> 'increase in firearms traced';
    '..., an increase of 23%' -> 'increase in <the figure before>'."""
    more = _COMPARATIVE_AFTER.match(text, end)
    if more and (more.group(1).lower() in ("higher", "lower") or _THAN.match(text, more.end())):
        copula = _COPULA_BEFORE.search(before[-120:])
        if copula:  # "Seizures of fentanyl were 35 percent higher than ...": the change in what the clause is about
            change = "increase" if more.group(1).lower() in ("more", "higher") else "decrease"
            what = _REPORTING.split(copula.group("np"))[-1].split()  # "the agency said seizures were": seizures
            while what and what[0].lower() in _LEADING:
                what = what[1:]
            if what:
                return f"{change} in {' '.join(what)}"
    more = _MORE_AFTER.match(text, end)
    if more:
        np = noun_phrase(text, more.end(), words)[0]
        change = "increase" if more.group(1).lower() in ("more", "higher", "más") else "decrease"
        if np:
            verb = _VERB_BEFORE.search(before[-30:]) if before[-40:].rstrip().endswith("ed") else None
            return f"{change} in {np}" + (f" {verb.group(1)}" if verb else "")
        if prior:  # "210 sentencias, un 12% más que en 2023": more of the figure before
            return f"{change} in {prior}"
    if prior:
        up = _UP_DOWN.search(before[-16:])
        if up:  # "seized 2,300 pounds of cocaine, up 40% from ...": the change of the figure before
            return f"{'increase' if up.group(1).lower() == 'up' else 'decrease'} in {_CHANGED.sub('', prior)}"
        if _OF_WHICH.search(before[-30:]):  # "$900 million for X, of which 15 percent ...": a share of it
            return f"share of {prior}"
        if before.rstrip().endswith("(") or _OR_RESTATED.search(before[-12:]):
            return prior  # "42 of its 57 projects (74 percent)", "an increase of $1.2 billion, or 2.7 percent"
    target = _VERB_OBJECT_BY.search(before[-120:]) if before[-12:].rstrip().lower().endswith(_BY_ENDINGS) else None
    if target:  # "reduce drug overdose deaths by 13 percent", "reducir el flujo de armas en 20 por ciento"
        noun = "increase" if _RISE.search(target.group("verb")) else "reduction"
        return f"{noun} in {target.group('what').strip()}"
    change = _CHANGE_AFTER.match(text, end)
    if change:
        noun = change.group(1).lower()
        np = noun_phrase(text, change.end(), words)[0] if change.end() > change.end(1) else None
        if np is None and prior and _APPOSITIVE.search(before):
            np = prior  # "prosecuted 5,046 defendants ..., a 23 percent increase over 2020"
        return f"{noun} in {np}" if np else noun
    before_change = _change_before(before) if before[-40:].rstrip().endswith(_CHANGE_ENDINGS) else None
    if before_change and any(c.isdigit() for c in before_change):
        # "The count hovered near 34,000 from 2018 to 2020 and declined 5.2%": figures are no subject
        noun = before_change.split(" in ", 1)[0]
        return f"{noun} in {prior}" if prior else noun
    if before_change:  # "homicides fell 16.3% year over year", "seizures are down about 50%"
        return before_change
    off = _OFF_AFTER.match(text, end)
    if off:  # "would shave up to 0.8 percentage points off Mexican growth"
        np = noun_phrase(text, off.end(), words)[0]
        if np:
            return f"reduction in {np}"
    of = _OF.match(text, end)
    after, after_end = noun_phrase(text, of.end(), words) if of else (None, end)
    if after is not None and after.lower() in _ECONOMY_BASES:
        level = _ESTIMATED_AT.search(before[-160:])
        if level:  # "The economic cost of crime ... is estimated by the IDB at 3.4 percent of GDP": the cost
            return " ".join((level.group("np") or level.group("np2")).split())
    if after is None:
        among = _FOR_AFTER.match(text, end)  # "40% for passenger vehicles", "30% among young men"
        after, after_end = noun_phrase(text, among.end(), words) if among else (None, end)
    if after is None and not _VERB_FORM.match(text, end) and not ("dos" in words and text.startswith((" a ", " al "), end)):
        after, after_end = noun_phrase(text, end, words)  # "23 percent interest" (Spanish "a" is a preposition, not an article)
    if after is not None and "dos" not in words:
        after += place_tail(text, after_end, words)  # "69 percent of homicides in Mexico", "a 10% tariff on Mexican goods"
    if after is None and _VERB_FORM.match(text, end) and before.lstrip()[:3].lower() in ("of ", "amo", "de ", "del", "ent"):
        whole = _SET_LEAD.match(before)
        np = None
        if whole and whole.group("np").split()[0].lower() not in _NOT_SET_WORDS:  # "Of the firearms submitted ..., 68 percent were manufactured in the United States"
            np = noun_phrase(whole.group("np"), 0, words)[0]
        if np:
            tail = predicate_words(text, end, words)
            return f"{np} {tail}" if tail else np
    if after is None and prior and _VERB_FORM.match(text, end):
        # "traced 4,100 weapons; roughly 60 percent originated in ...": that share of the figure before
        tail = predicate_words(text, end, words)
        return f"{prior} {tail}" if tail else prior
    if after:
        return after
    change = _CHANGE_OF_BEFORE.search(before[-30:])
    if change:  # "an increase of 23%"
        noun = change.group(1).lower()
        where = _IN_AFTER.match(text, end)  # "a decrease of 15% in homicides", "una reducción de 24.9% en homicidios"
        np = noun_phrase(text, where.end(), words)[0] if where else None
        if np:
            return f"{noun} in {np}"
        return f"{noun} in {prior}" if prior and _APPOSITIVE.search(before) else noun
    changed = _change_before(before)
    if changed is None and before[-4:].rstrip().lower().endswith(("of", "de", "del")):
        named = _NOUN_OF_BEFORE.search(before[-30:])  # "tariffs of 25%", "los aranceles de 25%", "una tasa de 3%"
        if named and named.group(1).lower() not in STOP and named.group(1).lower() not in _TIME_WORDS:
            return named.group(1)
    return changed


_OFF_AFTER = re.compile(r"[^\S\n]+off[^\S\n]+(?:of[^\S\n]+)?(?![0-9])", re.IGNORECASE)
# Bases a share of is stated against, not the measured thing: "3.4 percent of GDP", "el 2% del PIB".
_ECONOMY_BASES = frozenset("gdp pib gross domestic product producto interno bruto".split()) | {"gross domestic product",
                                                                                             "producto interno bruto"}
# "The economic cost of crime and violence in the region is estimated (by the IDB) at": the thing estimated
_ESTIMATED_AT = re.compile(r"(?:^|[.;:]\s+)(?:(?:the|el|la|los|las)\s+)?(?P<np>[^\W\d_][^,;:\d]{2,80}?)"
                           r"(?:\s+(?:in|en)\s+(?:the\s+|la\s+|el\s+)?[\w-]+)?\s+(?:is|was|are|were|se\s+estima|se\s+estimó|"
                           r"se\s+calcula)\s+(?:estimated|calculated|put|valued|pegged)?\s*(?:by\s+[^,;:\d]{2,80}?\s+)?"
                           r"(?:at|en)\s+$|"
                           r"(?:^|[.;:]\s+)(?:(?:the|el|la|los|las)\s+)?(?P<np2>[^\W\d_][^,;:\d]{2,60}?)\s+(?:reached|represented|"
                           r"represent|represents|accounted\s+for|account\s+for|accounts\s+for|equaled|equalled|equal|equals|"
                           r"amounted\s+to|representan|representa|representó|representaron|equivale\s+a|equivalen\s+a|alcanzó|"
                           r"alcanzaron)\s+(?:(?:about|approximately|nearly|roughly|some|almost|around|más\s+de|casi|cerca\s+del?|"
                           r"alrededor\s+del?)\s+)?(?:el\s+)?$", re.IGNORECASE)
# A sentence that opens on the set a share is of: "Of the firearms submitted from Mexico, ", "De las armas aseguradas, ".
_SET_LEAD = re.compile(r"\s*(?:of|among|de|del|entre)\s+(?:(?:the|these|those|los|las|estos|estas)\s+)?"
                       r"(?:total\s+(?:of|de)\s+(?:the\s+|los\s+|las\s+)?)?(?P<np>[^\W\d_][^,;:\d]{2,100}?),", re.IGNORECASE)
_NOT_SET_WORDS = frozenset("course note these those them this that which whom all both ellos ellas estos estas esos esas "
                           "ese esa este esta eso esto cuales hecho acuerdo igual manera forma modo nuevo".split())
_UP_DOWN = re.compile(r"(?:,|\(|[^\S\n][-–—]|\bbut|\band)[^\S\n]*(up|down)[^\S\n]+(?:by[^\S\n]+)?$", re.IGNORECASE)
_CHANGED = re.compile(r"^(?:increase|decrease|reduction|decline|rise|drop) in ", re.IGNORECASE)
_OR_RESTATED = re.compile(r",[^\S\n]*(?:or|o)[^\S\n]+(?:about|approximately|nearly|roughly|some|almost|around)?[^\S\n]*$",
                          re.IGNORECASE)
# A verb and its object before "by N percent": a targeted change ("reduce the flow of firearms by 20 percent").
_VERB_OBJECT_BY = re.compile(
    r"\b(?P<verb>reduce|reducing|cut|cutting|lower|lowering|decrease|decreasing|increase|increasing|raise|raising|"
    r"boost|boosting|double|expand|expanding|reducir|disminuir|bajar|aumentar|incrementar|elevar)\s+"
    r"(?:the\s+|el\s+|la\s+|los\s+|las\s+)?(?P<what>[^,;:()\d]{3,80}?)\s+(?:by|en|un)\s+"
    r"(?:(?:about|approximately|nearly|roughly|some|almost|around|at\s+least|up\s+to|al\s+menos|hasta)\s+)?$",
    re.IGNORECASE)
_BY_ENDINGS = ("by", "en", "un", "about", "approximately", "nearly", "roughly", "some", "almost", "around", "least", "to",
               "menos", "hasta")
_OF_WHICH = re.compile(r"\b(?:of which|of whom|de los cuales|de las cuales|de ellos|de ellas)\s+(?:(?:el|la|about|roughly|"
                       r"nearly|some|approximately|around|almost|more than)\s+)?$", re.IGNORECASE)


def predicate_words(text: str, pos: int, number_words: frozenset, limit: int = 6) -> str:
    """The words from pos to the end of the clause (at most `limit`, none after a number)."""
    out = []
    for word, _, _, ends in _tokens(text, pos, limit):
        if _starts_numberish(word, number_words):
            break
        out.append(word)
        if ends:
            break
    while out and (out[-1].lower() in STOP or out[-1].lower() in _AND_TAIL or out[-1].lower() in _LINKS):
        out.pop()
    return " ".join(out)


# Last words of a change verb (and its "by"/"en"/"un"), tested before the regex search.
_CHANGE_ENDINGS = ("ed", "by", "rose", "fell", "grew", "slid", "risen", "fallen", "grown", "down", "up", "ó", "on",
                   "en", "un", "jo", "op", "ops", "all", "alls", "ise", "ises", "imb", "imbs", "ump", "umps", "ar", "ars",
                   "ge", "ges", "ine", "ines", "ow", "ows", "ide", "ides", "ase", "ases")


# What ends a lead-in before the changed thing: "the leaders turned to trade: crossings ...", a
# dateline "LAREDO, March 4 (AP) - seizures ...".
_LEAD_IN = re.compile(r"[:;)][^\S\n]+|[^\S\n][-–—][^\S\n]")


# A time frame or an article opening the changed thing: "in the past 12 months, ", "en los últimos doce meses los".
_FRAME_LEAD = re.compile(r"^(?:(?:in|over|during|en|durante)\s+(?:the\s+|los\s+|las\s+)?(?:past\s+|last\s+|first\s+|"
                         r"últimos\s+|ultimos\s+|primeros\s+)?\S+\s+(?:months|years|weeks|days|meses|años|semanas|días)"
                         r"\s*,?\s+(?:(?:the|los|las|el|la)\s+(?=\S))?)?", re.IGNORECASE)


def _change_before(before: str) -> str | None:
    """'the number of investigations ... has increased by' -> 'increase in investigations ...'."""
    change = _CHANGE_BEFORE.search(before[-160:])
    if not change:
        return None
    what = _CLAUSE.split(_LEAD_IN.split(change.group("what").strip())[-1].lstrip("-–— "))[-1]
    what = _NUMBER_OF.sub("", what.strip())
    what = _FRAME_LEAD.sub("", what)  # "en los últimos doce meses los homicidios": the homicides
    verb = change.group("verb").lower()
    noun = _CHANGE_NOUN.get(verb) or ("increase" if _RISE.search(verb) else "decrease")
    return f"{noun} in {what}" if what else noun


_MONEY_AFTER = re.compile(
    r"(?:['’]s?)?(?:[^\S\n]*\([^()\n]{1,12}\))?[^\S\n]+(?:worth[^\S\n]+of|of|de|del|in|for|en|para)[^\S\n]+", re.IGNORECASE)
# "$1.5 billion to address ...", "$1.3 billion over six years to strengthen ...", "$25 million annually for
# five years to expand ...": the purpose after the sum, past the time it is spread over
_TO_VERB = re.compile(r"(?:[^\S\n]+(?:annually|yearly|a[^\S\n]+year|per[^\S\n]+year|each[^\S\n]+year|"
                      r"(?:over|for|during|in)[^\S\n]+(?:the[^\S\n]+(?:next|coming|following)[^\S\n]+)?"
                      r"[\w-]+[^\S\n]+(?:years|months|fiscal[^\S\n]+years)),?){0,2}[^\S\n]+to[^\S\n]+[a-z]+[^\S\n]+")
_YEAR_TAIL = re.compile(r"(?:[^\S\n]+(?:year[^\S\n]+)?[0-9]{2,4}\b)?", re.IGNORECASE)
# A sum and the future use of it: "will support", "would fund", "se destinarán a", "servirán para".
_WILL_FUND = re.compile(r"[^\S\n]+(?:(?:will|would|shall)[^\S\n]+(?:be[^\S\n]+used[^\S\n]+to[^\S\n]+)?(?:support|fund|finance|"
                        r"pay[^\S\n]+for|go[^\S\n]+to(?:ward)?|cover|strengthen|expand|build|train|equip|modernize)|"
                        r"se[^\S\n]+destinar(?:á|a|án|an)[^\S\n]+(?:a|para)|servir(?:á|a|án|an)[^\S\n]+para(?:[^\S\n]+financiar)?)"
                        r"[^\S\n]+(?:(?:the|a|an|el|la|los|las)[^\S\n]+)?(?:newly[^\S\n]+created[^\S\n]+)?", re.IGNORECASE)
# A capitalized name of several words: "Canadian Drug Analysis Centre", "Centro Nacional de Inteligencia".
_PROPER_RUN = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'’.-]*(?:[^\S\n]+(?:(?:of|for|and|on|de|del|y|la|el|para)[^\S\n]+)?[A-ZÁÉÍÓÚÑ][\w'’-]*){0,7}")
_FISCAL_YEAR = re.compile(r"(?:fy|fiscal)[^\S\n]?(?:year[^\S\n]?)?(?:[0-9]{2,4})?\Z|[0-9]{4}\Z", re.IGNORECASE)
# "$12,624,897.12 was successfully recovered": what happened to the money
_MONEY_PASSIVE = re.compile(r"[^\S\n]+(?:was|were|had been|has been|have been|fue|fueron)[^\S\n]+(?:\w+[^\S\n]+)?(\w+(?:ed|en|t))\b",
                            re.IGNORECASE)
# "incidents involving $37 million", "a street value of $2 million", "bail of $50,000"
_MONEY_BEFORE = re.compile(
    r"(?<![\w'’])((?:[a-záéíóúñ][\w-]*\s+){0,2}[a-záéíóúñ][\w-]*),?\s+(involving|worth|valued\s+at|"
    r"totaling|totalling|amounting\s+to|of|de|(?:estimad|valuad|valorad|calculad)[oa]s?\s+en)\s*$")
# What a sum changed: "doubles funding to", "raised the reward to", "the reward was increased to", "the
# budget grew from $40 million to" (the first sum of a "from ... to" pair may stand between).
_CHANGE_VERB = (r"(?:rais|increas|doubl|tripl|cut|reduc|boost|lower|slash|expand|grow|grew|rose|rise|fell|fall|drop|"
                r"climb|jump|total|reach|bring|brought|set|put|amount|estimat|valu|calculat|peg|pegged)\w*")
_MONEY_CHANGE = re.compile(
    r"(?:\b" + _CHANGE_VERB + r"\s+(?:the\s+|its\s+|their\s+|a\s+|his\s+|her\s+)?(?P<np>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)"
    r"|(?<![\w'’])(?P<np2>(?:[a-z][\w-]*\s+)?[A-Za-z][\w-]*)\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be|has|"
    r"have|had)\s+)?" + _CHANGE_VERB + r")\s+(?:from|to|by|at)\s+"
    # the first amount of a "from ... to" pair: "$40 million to", "about 21,900 pounds in fiscal 2024 from"
    r"(?:(?:(?:about|approximately|nearly|roughly|some|almost|around)\s+)?(?:us)?\$?\s?[\d.,]+(?:\s+[\w.]+){0,4}?\s+"
    r"(?:from|to)\s+)?\Z")
# Sums named by the noun they are "of": "a reward of", "bail of", "a fine of", "una recompensa de".
_MONEY_NAMED = re.compile(r"\b(rewards?|fines?|bail|bond|penalty|penalties|bounty|settlement|budget|recompensas?|multas?|"
                          r"fianza|presupuesto|forfeiture|restitution|assessment|reparación|reparacion)\s+(?:of|de)\s*$", re.IGNORECASE)
# A capitalized name with its acronym, then the lower-case noun it qualifies: "Foreign Military Financing (FMF)
# grants", "International Narcotics Control and Law Enforcement (INCLE) assistance".
_NAMED_PROGRAM = re.compile(r"(?:[A-Z][\w.&'’-]*[^\S\n]+(?:(?:and|of|for|the|on|de|y|del|la|el|para)[^\S\n]+){0,2}){1,8}"
                            r"\((?P<acr>[A-Z][A-Za-z0-9&-]{1,11})\)[^\S\n]+(?P<noun>[a-z][\w-]*(?:[^\S\n]+(?:funds|funding|"
                            r"programs?|grants?|assistance|aid))?)")
# The noun a sum is "the amount of": "a money judgment in the amount of", "una multa por la cantidad de".
_AMOUNT_OF = re.compile(r"((?:[^\W\d_][\w-]*[^\S\n]+){0,2}[^\W\d_][\w-]*)[^\S\n]+(?:in[^\S\n]+the[^\S\n]+(?:amount|sum)[^\S\n]+of|"
                        r"por[^\S\n]+(?:la[^\S\n]+cantidad|el[^\S\n]+monto|un[^\S\n]+monto)[^\S\n]+de)[^\S\n]*"
                        r"(?:(?:about|approximately|more[^\S\n]+than|over|nearly|más[^\S\n]+de|casi)[^\S\n]+)?\Z", re.IGNORECASE)
# What was done to a sum, right after it: "$612,440 seized from", "$2 million laundered through".
_DONE_AFTER = re.compile(r"[^\S\n]+(seized|confiscated|forfeited|frozen|recovered|laundered|stolen|embezzled|smuggled|"
                         r"transferred|wired|paid|spent|obligated|disbursed|allocated|invested)[^\S\n]+(?:from|through|to|in|at|by|"
                         r"during|on|into|for)\b", re.IGNORECASE)
_PER_TIME = frozenset("year month week day hour annually yearly monthly año mes semana día hora".split())
# A rate after a sum: "$5 per pill", "$5 billion a year", "$13 billion annually", "20 mil pesos al mes".
_RATE_AFTER = re.compile(r"[^\S\n]+(?:(?:a|an|per|each|every|por|al|cada)[^\S\n]+(?P<per>[^\W\d_]+)\b|"
                         r"(?:annually|yearly|monthly|weekly|daily|anuales|mensuales)\b)", re.IGNORECASE)
_FROM = re.compile(r"[^\S\n]+(?:from|on|in|for|de|en|para)[^\S\n]+", re.IGNORECASE)
_MONEY_RELATION = {"involving": "funds involved in {}", "of": "{}", "de": "{}", "estimada": "{}", "estimado": "{}",
                   "estimadas": "{}", "estimados": "{}", "valuada": "{}", "valuado": "{}", "valorada": "{}",
                   "valorado": "{}", "calculada": "{}", "calculado": "{}"}
_NUMBER_THEN = re.compile(r"(?:about|approximately|nearly|roughly|some|more than|over)?[^\S\n]*[0-9][\d,.]*"
                          r"(?:[^\S\n]+(?:thousand|million|billion))?(?=[^\S\n])", re.IGNORECASE)
# A past participle right before a sum: "obligated about $458 million", "seized $2 million"
_SPENT_BEFORE = re.compile(r"\b([a-z]{4,}ed)[^\S\n]+(?:(?:about|approximately|nearly|roughly|some|almost|around|"
                           r"more[^\S\n]+than|over|up[^\S\n]+to|at[^\S\n]+least)[^\S\n]+)?$", re.IGNORECASE)
# Verbs that state a level or a change, not what was done with the money.
_CHANGE_PARTICIPLES = frozenset("""topped exceeded surpassed reached totaled totalled increased decreased reduced raised
estimated valued calculated amounted neared approached ranged dropped climbed jumped declined doubled tripled""".split())
_LEVEL_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|,\s+)(?:the\s+)?(?P<np>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)(?:\s+(?:between|among|in|at|of|from|for|with|to|under)"
    r"\s+[^,;:]{0,50}?)?\s+(?:topped|exceeded|surpassed|reached|totaled|totalled|hit|neared|approached)\s+"
    r"(?:(?:about|approximately|nearly|roughly|some|almost|around|more\s+than|over)\s+)?(?:an?\s+)?(?:record\s+)?$",
    re.IGNORECASE)
_SPENT_ENDINGS = ("ed", "hit", "record", "about", "approximately", "nearly", "roughly", "some", "almost", "around", "than", "over", "to",
                  "least")
# Seizure and forfeiture verbs or nouns earlier in the sentence: "the seizure of ..., and $100 million"
_ACTION = re.compile(r"\b(seiz|confiscat|forfeit|launder|recover|steal|stole|embezzl|defraud|laundering|asegur|decomis|incaut|"
                     r"congel)", re.IGNORECASE)
_ACTION_PARTICIPLE = {"seiz": "seized", "confiscat": "confiscated", "forfeit": "forfeited", "launder": "laundered",
                      "laundering": "laundered", "recover": "recovered", "steal": "stolen", "stole": "stolen",
                      "embezzl": "embezzled", "defraud": "defrauded", "asegur": "seized", "decomis": "seized",
                      "incaut": "seized", "congel": "frozen"}


# A sum or share stated as the level of the sentence's subject, with a copula: "El presupuesto de la CNB para 2026
# es de 187 millones", "La inversión en equipamiento durante el mes fue de 42.7 millones", "el monto ascendió a",
# "The agency's budget is $40 million". The subject opens with an article (or starts the clause).
_COPULA_LEVEL = re.compile(
    r"(?:^|[.;:]\s+|,\s+|\b(?:que|y|and|while|but)\s+)(?:(?:el|la|los|las|the|its|their|su|sus)\s+)"
    r"(?P<np>[^\W\d_][^,;:()\d]{2,90}?(?:\s+(?:para|del?|en|of|for|in)\s+[0-9]{4})?)\s+"
    r"(?:es|fue|será|sera|era|sería|seria|ha\s+sido|asciende|ascendió|ascendio|ascienden|ascendieron|sumó|sumo|suma|sumaron|"
    r"alcanzó|alcanzo|alcanzaron|is|was|will\s+be|stood\s+at|stands\s+at|came\s+to|comes\s+to)\s+"
    r"(?:(?:de|a|en)\s+)?(?:(?:about|approximately|nearly|roughly|some|around|almost|more\s+than|over|casi|alrededor\s+de|"
    r"unos|unas|poco\s+más\s+de|más\s+de|mas\s+de|cerca\s+de|aproximadamente)\s+)?$",
    re.IGNORECASE)
_COPULA_ENDINGS = ("de", "a", "en", "es", "fue", "será", "sera", "era", "sería", "seria", "sido", "asciende", "sumó", "sumo",
                   "suma", "sumaron", "alcanzó", "alcanzo", "alcanzaron", "is", "was", "be", "at", "to", "about",
                   "approximately", "nearly", "roughly", "some", "around", "almost", "than", "over", "casi", "unos",
                   "unas", "aproximadamente")
# What trails the subject of a level and is no part of it: the time ("durante el mes", "para 2026", "in 2024",
# "this year") or a place reached by a preposition after a time.
_LEVEL_TAIL = re.compile(r"\s+(?:(?:durante|during|this|last|este|esta|cada|each)\b|(?:para|en|in|for|of|del?)\s+"
                         r"(?:(?:el|la|the)\s+)?(?:[0-9]{4}|mes|año|periodo|período|year|month|period|fiscal|fy)\b)"
                         r".*$", re.IGNORECASE | re.DOTALL)
_NOT_LEVEL_NP = frozenset("""cual cuales que which who what this that it one total otro otra monto amount cifra figure
number resultado result suma sum""".split())


def _trim_level_np(np: str) -> str | None:
    np = " ".join(_LEVEL_TAIL.sub("", np).split())
    words = np.split()
    if len(words) > 2 and words[0].lower() in ("monto", "amount", "total", "cifra", "suma") and words[1].lower() in _LINKS:
        words = words[2:]  # "el monto del daño patrimonial": the damage
        np = " ".join(words)
    if not words or len(words) > 8 or words[0].lower() in _NOT_LEVEL_NP or words[0].lower() in _PRONOUNS:
        return None
    if any(w.lower().endswith(_PRETERITE_ES) and len(w) > 4 and w.lower() not in _NOUNS_ENDING_O for w in words):
        return None  # a clause, not a noun phrase: "la policía aseguró ..."
    return np


_NOUNS_ENDING_O = frozenset("""presupuesto monto gasto costo pago fondo subsidio ingreso impuesto ahorro daño robo
fraude precio salario sueldo premio apoyo financiamiento programa proyecto narcotráfico""".split())


# A verb that moves money, right before the sum, and where the money went: "spent $11 billion on", "laundered
# $92 million for the Sinaloa Cartel", "lavó 50 millones de pesos para el Cártel".
_TXN_BEFORE = re.compile(r"\b(spent|laundered|invested|paid|transferred|wired|smuggled|funneled|funnelled|moved|gastó|"
                         r"invirtió|lavó|pagó|transfirió|destinó)[^\S\n]+(?:(?:about|approximately|nearly|roughly|some|"
                         r"almost|around|more[^\S\n]+than|over|at[^\S\n]+least|up[^\S\n]+to|más[^\S\n]+de|casi)"
                         r"[^\S\n]+)?$", re.IGNORECASE)
_TXN_ES = {"gastó": "spent", "invirtió": "invested", "lavó": "laundered", "pagó": "paid", "transfirió": "transferred",
           "destinó": "allocated"}
_ARTICLE = re.compile(r"(?:the|el|la|los|las)[^\S\n]+", re.IGNORECASE)
_TXN_ENDINGS = ("spent", "ed", "paid", "ó", "about", "approximately", "nearly", "roughly", "some", "almost", "around",
                "than", "over", "least", "to", "de", "casi")
_TXN_TO = re.compile(r"[^\S\n]+(on|for|to|into|through|in|para|en|a[^\S\n]+través[^\S\n]+de)[^\S\n]+", re.IGNORECASE)


# The Spanish subject of a change of a sum: "El presupuesto ... se redujo ..., al pasar de| 310 millones a|".
_ES_MONEY_CHANGE = re.compile(
    r"(?:^|[.;:]\s+|,\s+|\b(?:que|y)\s+)(?:el|la|los|las)\s+(?P<np>[^\W\d_][^,;:\d]{2,80}?)\s+(?:se\s+redujo|se\s+redujeron|"
    r"se\s+increment[óo]|pas[óo]|baj[óo]|subi[óo]|aument[óo]|disminuy[óo]|cay[óo]|creci[óo])\b[^.;]{0,80}?"
    r"\b(?:de|a)\s+(?:[\d.,]+(?:\s+(?:millones|millón|mil))?(?:\s+de\s+pesos)?\s+a\s+)?$", re.IGNORECASE)


def change_subject(before: str) -> str | None:
    """What an amount is the new or old level of: 'doubles funding to' -> 'funding', 'fentanyl
    seizures dropped to about 21,900 pounds in fiscal 2024 from' -> 'fentanyl seizures'."""
    if not before[-40:].rstrip().endswith(("to", "from", "by", "at")):
        return None
    m = _MONEY_CHANGE.search(before[-110:])
    if not m:
        return None
    return " ".join(w for w in (m.group("np") or m.group("np2")).split() if w.lower() not in STOP) or None


def currency_subject(text: str, end: int, before: str, words: frozenset) -> str | None:
    """'$25.1 billion in drug treatment' -> 'drug treatment'; '$5,000 fine' -> 'fine';
    '$2 million was recovered' -> 'funds recovered'; 'incidents involving $3 million' ->
    'funds involved in incidents'; '..., and over $100 million' after a seizure -> 'funds seized'."""
    named = _MONEY_NAMED.search(before[-40:]) if before[-40:].rstrip().lower().endswith(("of", "de")) else None
    if named:  # "rewards of up to $10 million for information ...": the reward, not the information
        return named.group(1)
    amount = _AMOUNT_OF.search(before[-90:]) if before[-12:].rstrip().lower().endswith(("of", "de")) else None
    if amount:  # "a money judgment in the amount of $4.8 million", "una multa por la cantidad de"
        np_words = amount.group(1).split()
        articles = [i for i, w in enumerate(np_words) if w.lower() in _LEADING]
        return " ".join(np_words[articles[-1] + 1:] if articles else np_words) or None  # "impuso una| multa"
    done = _DONE_AFTER.match(text, end)
    if done:  # "$612,440 seized from a bank account", "$2 million laundered through ..."
        return f"funds {done.group(1).lower()}"
    rate = _RATE_AFTER.match(text, end) if text[end:end + 1] == " " else None
    if rate:
        per = rate.group("per")
        if per and per.lower() not in _PER_TIME and per.lower() not in STOP:
            return f"price per {per.lower()}"  # "$5 per pill", "$20,000 a kilogram"
        if per is None or per.lower() in _PER_TIME:
            m = _FROM.match(text, rate.end())
            np = noun_phrase(text, m.end(), words)[0] if m else None
            if np:
                return np  # "$5 billion a year from fentanyl", "$13 billion annually in drug sales"
    spent = _TXN_BEFORE.search(before[-60:]) if before[-40:].rstrip().lower().endswith(_TXN_ENDINGS) else None
    if spent:
        to = _TXN_TO.match(text, end)
        np = noun_phrase(text, to.end(), words)[0] if to else None
        named = False
        if np and np[:1].isupper():
            art = _ARTICLE.match(text, to.end())
            name = _PROPER_RUN.match(text, art.end() if art else to.end())
            whole = _SENTENCE_END.split(name.group())[0].strip() if name else ""
            if len(whole.split()) >= len(np.split()):
                np, named = whole, True  # "for the Sinaloa Cartel": the whole name
        if np and (to.group(1).lower() not in ("for", "in", "para", "en") or named):
            # "has spent more than $11 billion on the border mission", "laundered $92 million for the Sinaloa Cartel"
            verb = spent.group(1).lower()
            return f"funds {_TXN_ES.get(verb, verb)} {to.group(1).lower()} {np}"
    m = _MONEY_AFTER.match(text, end)
    if m and text[m.end():m.end() + 1].isupper():
        named = _NAMED_PROGRAM.match(text, m.end())
        if named:  # "$96 million in International Narcotics Control and Law Enforcement (INCLE) assistance"
            return f"{named.group('acr')} {named.group('noun')}"
    if m:
        np, np_end = noun_phrase(text, m.end(), words)
        if np and not _FISCAL_YEAR.match(np) and "dos" not in words:
            np += place_tail(text, np_end, words)  # "$505.9 billion of goods from Mexico"
        if np and _FISCAL_YEAR.match(np):  # "$158 million in FY2020": a year, not what the money is
            np_end = noun_phrase(text, m.end(), words)[1]
            np_end = _YEAR_TAIL.match(text, np_end).end()  # "in fiscal| 2025", "in FY| 2024"
            after = _MONEY_AFTER.match(text, np_end)  # "$40 million in fiscal 2025 for port scanners"
            np = noun_phrase(text, after.end(), words)[0] if after else None
        if np:
            return np
        counted = _NUMBER_THEN.match(text, m.end())
        if counted:  # "$2.1 billion for 22,000 Border Patrol agents": the counted thing it pays for
            found = counted_noun(text, counted.end(), words)
            if found:
                return found[0]
    m = _MONEY_PASSIVE.match(text, end)
    if m:
        return f"funds {m.group(1).lower()}"
    if _TOKEN.match(text, end) and text[end:end + 1] == " " and text[end + 1:end + 2].islower():
        np = noun_phrase(text, end, words)[0]  # "a $5,000 fine", "a $1.2 million settlement"
        if np and np.lower() not in _PER_TIME and np.split()[0].lower() not in ("plus", "más", "mas", "minus"):  # "$12 billion a year" is a rate, not a year
            return np
    level = _COPULA_LEVEL.search(before[-140:]) if before[-14:].rstrip().lower().endswith(_COPULA_ENDINGS) else None
    if level:  # "El presupuesto de la CNB para 2026 es de 187 millones de pesos": the level of the sentence's subject
        np = _trim_level_np(level.group("np"))
        if np:
            return np
    m = _MONEY_BEFORE.search(before[-50:])
    if m:
        np_words = m.group(1).split()
        verbs = [i for i, w in enumerate(np_words) if w.lower().endswith(("ó", "aron", "ieron"))]
        np = " ".join(w for w in np_words[verbs[-1] + 1 if verbs else 0:] if w.lower() not in STOP)  # "aseguró| mercancía"
        relation = m.group(2).split()[0].lower()
        if np:
            return _MONEY_RELATION.get(relation, "value of {}").format(np)
    np = change_subject(before)
    if np:  # "raised the reward to $5 million", "the budget grew from $40 million to"
        return np
    es = _ES_MONEY_CHANGE.search(before[-200:]) if before[-6:].rstrip().lower().endswith(("de", "a")) else None
    if es:  # "el presupuesto del Registro se redujo 12 por ciento, al pasar de 310 millones a 273 millones de pesos"
        np = _trim_level_np(es.group("np"))
        if np:
            return np
    m = _WILL_FUND.match(text, end)  # "$200 million will support the newly created Drug Analysis Centre"
    if m:
        name = _PROPER_RUN.match(text, m.end()) if text[m.end():m.end() + 1].isupper() else None
        np = name.group().strip() if name else noun_phrase(text, m.end(), words)[0]
        if np:
            return np
    m = _TO_VERB.match(text, end)  # "$1.5 billion to address the opioid crisis"
    if m:
        np = noun_phrase(text, m.end(), words)[0]
        if np:
            return np
    level = _LEVEL_BEFORE.search(before[-90:]) if before[-30:].rstrip().endswith(_SPENT_ENDINGS) else None
    if level:  # "Trade between the two countries topped $839 billion": the level of what
        return level.group("np")
    verb = _SPENT_BEFORE.search(before[-40:]) if before[-30:].rstrip().endswith(_SPENT_ENDINGS) else None
    if verb and verb.group(1).lower() not in _CHANGE_PARTICIPLES:
        return f"funds {verb.group(1).lower()}"  # "the Department obligated about $458 million": what was done with it
    actions = _ACTION.findall(before[-400:])
    return f"funds {_ACTION_PARTICIPLE[actions[-1].lower()]}" if actions else None


# A court's term named right after its length, with no "of": "3 years supervised release", "2 years probation".
_TERM_AFTER = re.compile(r"[^\S\n]+(supervised[^\S\n]+release|probation|parole|house[^\S\n]+arrest|community[^\S\n]+service|"
                         r"libertad[^\S\n]+(?:condicional|vigilada))\b", re.IGNORECASE)
_WITHOUT = re.compile(r"[^\S\n]+(?:sin|without)[^\S\n]+(?:(?:un|una|a|an|any|ningún|ningun|ninguna)[^\S\n]+)?",
                      re.IGNORECASE)
_AGO = re.compile(r"[^\S\n]+ago\b,?", re.IGNORECASE)
_SENTENCED = re.compile(r"\b(?:sentenced|condemned|condenado|condenada)\s+to\s*$|\b(?:faces?|facing|penalty\s+of|"
                        r"punishable\s+by|castigad[oa]s?\s+con|sancionad[oa]s?\s+con|(?:sentence|sentencia|condena):|"
                        r"(?:prison\s+)?(?:sentences?|terms?)\s+(?:ranging\s+)?(?:of|from)|maximum\s+of|minimum\s+of|penas?\s+de|condenas?\s+de)\s*$|"
                        r"^[^\S\n]+in[^\S\n]+(?:federal[^\S\n]+)?prison",
                        re.IGNORECASE)
_IN_PRISON = re.compile(r"['’]?[^\S\n]+(?:(?:in|of)[^\S\n]+(?:federal[^\S\n]+|state[^\S\n]+)?(?:prison|jail)|imprisonment|"
                        r"incarceration|de[^\S\n]+(?:prisi[oó]n|c[aá]rcel))\b", re.IGNORECASE)
_TERMS_RANGING = re.compile(r"\b(?:sentences?|terms?)\s+ranging\s+from\s+\S+\s+to\s*$", re.IGNORECASE)
# "over the past twelve months", "in just two months", "during the first six months"
_TIME_FRAME = re.compile(r"\b(?:over|in|during|within|throughout|for|since|durante|en)\s+(?:the\s+|los\s+|las\s+)?"
                         r"(?:past\s+|last\s+|first\s+|next\s+|previous\s+|following\s+|últimos\s+|primeros\s+)?"
                         r"(?:just\s+|only\s+)?$", re.IGNORECASE)


def _named_modifiers_head(text: str, pos: int) -> str | None:
    """Capitalized modifiers and the lower-case noun they modify after a hyphen-attached unit:
    "-day Eastern Pacific patrol" -> "Eastern Pacific patrol", "-month Border Patrol surge"; or None."""
    names: list[str] = []
    for word, _, _, ends in _tokens(text, pos, 6):
        low = word.lower()
        if not names and low in _LEADING:
            continue
        if word[:1].isupper() and word[:1].isalpha() and low not in STOP:
            names.append(word)
            if ends or len(names) > 4:
                return None
            continue
        if names and word[:1].isalpha() and word.islower() and low not in STOP and not (
                low.endswith("ed") and len(low) > 4):
            return " ".join(names + [word])
        return None
    return None


def duration_subject(text: str, end: int, before: str, attributive: bool, prior: str | None, actor: str | None,
                     words: frozenset) -> str | None:
    """'200 years of relations' -> 'relations'; 'a two-month surge operation' -> 'surge operation';
    'sentenced to 20 years' -> 'prison sentence'; 'Two years ago, X met' -> 'time since X met';
    'arrests in just two months' -> 'period of arrests (by <the sentence's actor>)'."""
    if attributive:  # "two-month": the duration of the noun that follows
        pos = end + 5 if text.startswith(("-long ", "-old "), end) else end
        np = noun_phrase(text, pos, words)[0]
        if np and np[:1].isupper():
            np = _named_modifiers_head(text, pos) or np  # "a 120-day Eastern Pacific patrol": the patrol
        if np:
            return np
    np = of_phrase(text, end, words)
    if np and not names_period(np):  # "los primeros diez meses del año": the year is no subject
        return np
    term = _TERM_AFTER.match(text, end)
    if term:  # "87 months; 3 years supervised release", "5 años de libertad condicional"
        return " ".join(term.group(1).lower().split())
    if _SENTENCED.search(before[-24:]) or _IN_PRISON.match(text, end) or _TERMS_RANGING.search(before[-48:]):
        return "prison sentence"
    if prior and (_AFTER_A_FIGURE.search(before[-40:]) or _RANGE_OF.search(before[-40:])):
        return prior  # "sentences of 46 months and 8 years", "de 5 a 30 años, a un rango de 10 a 40 años": the same term
    named = _NOUN_OF_BEFORE.search(before[-30:])
    if named and named.group(1).lower() not in STOP and named.group(1).lower() not in _TIME_WORDS:
        whole = _NP_OF_BEFORE.search(before[-70:])
        if whole and whole.group("np").split()[-1] == named.group(1) and not any(
                w.lower() in STOP or w.lower().endswith(_PRETERITE_ES) and len(w) > 4 for w in whole.group("np").split()
                if w.lower() not in _LINKS):
            return whole.group("np").lower()  # "un curso de formación inicial de seis meses": the course
        return named.group(1).lower()  # "a deadline of 30 days", "un plazo de 2 meses"
    without = _WITHOUT.match(text, end)
    if without:  # "llevamos veintiún días sin un homicidio", "went 30 days without a killing"
        np = noun_phrase(text, without.end(), words, 6)[0]
        if np:
            return f"period without {np}"
    ago = _AGO.match(text, end)
    if ago:
        event = [w for w, _, _, _ in _tokens(text, ago.end(), 8)]
        if not event:  # "... arrested him two years ago." : the event comes before
            event = before[-120:].split()[-8:]
        while event and event[-1].lower() in STOP:
            event.pop()
        return "time since " + " ".join(event) if event else "time since"
    if _TIME_FRAME.search(before[-40:]):
        thing = prior if prior and not prior.startswith(("period", "duration")) else actor
        if thing and actor and thing is not actor and not set(actor.lower().split()) <= set(thing.lower().split()):
            thing = f"{thing} by {actor}"
        return f"period of {thing}" if thing else "period"
    return f"duration of {actor}" if actor else None


def sentence_actor(text: str, s_start: int, words: frozenset) -> str | None:
    """The noun phrase a sentence opens with, when it is its subject ("DHS surge efforts resulted..."):
    not a pronoun ("He", "They"), and without the verb that may follow it ("Overdose deaths fell")."""
    name = _PROPER_NAME.match(text, s_start)
    if name and not name.group(1).split()[0].lower() in _LEADING:
        return name.group(1)  # "The United States will ...", "Estados Unidos aportará ...": the whole name
    phrase = noun_phrase(text, s_start, words, 5)[0]
    if phrase is None or phrase.split()[0].lower() in _PRONOUNS or phrase.split()[0].lower() in _NOT_ACTORS:
        return None
    if "dos" in words and phrase.split()[0].lower().endswith(("ó", "aron", "ieron")) and len(phrase.split()[0]) > 3:
        return None  # "Detalló que ...", "Explicaron que ...": a Spanish verb opens the sentence, not its subject
    kept = []
    for w in phrase.split():
        if kept and (w.lower() in _PAST or w.lower() in _VERBS_AFTER_SUBJECT):
            break
        kept.append(w)
    return " ".join(kept)


# Sentence adverbs and connectors that open a sentence without being its subject ("Nunca se había
# logrado algo así en once meses", "Meanwhile, over two years ...").
_NOT_ACTORS = frozenset("""nunca jamás jamas también tambien además ademas asimismo hoy ayer ahora mientras sin
never also however meanwhile today yesterday now still yet since so thus then additionally furthermore moreover
instead overall""".split())
_PRONOUNS = frozenset("i he she it we they you him her them él ella ellos ellas nosotros usted ustedes".split())
_VERBS_AFTER_SUBJECT = frozenset("""fell rose dropped grew spent served said says received set gave got takes took lasts
lasted meets met otorgó fijó dio""".split())
# Two or more capitalized words opening a sentence (after an article): a name.
_PROPER_NAME = re.compile(r"[^\S\n]*(?:(?:The|El|La|Los|Las)[^\S\n]+)?((?:[A-ZÁÉÍÓÚÑ][\w.’'-]*)(?:[^\S\n]+(?:of[^\S\n]+|de[^\S\n]+)?"
                          r"[A-ZÁÉÍÓÚÑ][\w.’'-]*){1,4})(?=[^\S\n]+[a-záéíóúñ])")
# "sentences of 46 months and| 8 years": a figure and a conjunction right before this one
_AFTER_A_FIGURE = re.compile(r"\d[\d,.]*[^\S\n]+[^\W\d_]+,?[^\S\n]+(?:and|or|y|o)[^\S\n]+$")
# "un curso de formación inicial de", "a training course of": the noun phrase back to its article
_NP_OF_BEFORE = re.compile(r"\b(?:un|una|el|la|the|a|an)\s+(?P<np>[^\W\d_]{3,}(?:\s+[^\W\d_]+){0,4}?)\s+(?:of|de)\s+$",
                           re.IGNORECASE)
# The upper bound of a range stated as a range of the same term: "a un rango de 10 a", "a range of 10 to"
_RANGE_OF = re.compile(r"\b(?:rango|range)\s+(?:de|of)\s+\S+\s+(?:a|to)\s+$", re.IGNORECASE)
# "a deadline of", "un plazo de": the noun a duration is the length of
_NOUN_OF_BEFORE = re.compile(r"\b([^\W\d_]{4,})[^\S\n]+(?:of|de)[^\S\n]+$")
_TIME_WORDS = frozenset("years months weeks days hours year month week day hour años meses semanas días año mes semana "
                        "día period total age edad".split())
