"""Noun phrases read word by word: the shared grammar of every subject rule.

No parser or model: a noun phrase is read from a position and ends at a function word, punctuation,
a number, a proper noun, or a past participle that starts a reduced relative clause ("cocaine hidden
in..."). ``counted_noun`` finds the plural a number counts; ``of_phrase`` the phrase after "of"."""
from __future__ import annotations

import re

from pipeline.core.lexicon import LEADING, MONTHS, STOP

# One word (with its trailing period) after optional spaces; a phrase never crosses a line break.
TOKEN = re.compile(r"[^\S\n]*([^\s,;:()\[\]\"“”!?–—]+)")
# One word between quotes inside a phrase, a space after it: '150-200 small "kitchen" labs'.
_QUOTED_WORD = re.compile(r"[^\S\n]*[\"“]([^\s,;:()\[\]\"“”!?–—]+)[\"”](?=[^\S\n])")
_ABBREV = re.compile(r"(?:[A-Za-z]\.){2,}|(?:approx|etc|e\.g|i\.e|No|St|Jr|Sr|Co|Inc|Corp)\.", re.IGNORECASE)
_AND = frozenset({"and", "y", "&"})
LINKS = frozenset({"of", "de", "del"})
OF = re.compile(r"[^\S\n]+(?:of|de|del)[^\S\n]+", re.IGNORECASE)  # "90 KILOS DE METANFETAMINA" in a headline
_AND_AFTER = re.compile(r"[^\S\n]+(?:and|y)(?=[^\S\n])")
IRREGULAR_PLURALS = frozenset("people men women children police personnel cattle staff crew youth dosis".split())
# Words ending in -s that are not plural nouns.
_NOT_PLURAL = frozenset("""
was has does its this thus perhaps always towards afterwards besides whereas sometimes series species
news less unless across various previous yes us as is plus mas más tras pues además antes después menos
mientras hemos somos tenemos entonces
""".split())
# Irregular past tenses: a verb, never part of a noun phrase ("108,000 people died of ...").
PAST = frozenset("died fled went came fell rose grew left lost won took made paid got ran fought hid".split())
# Personal pronouns: never the subject a figure is of.
PRONOUNS = frozenset("i he she it we they you him her them él ella ellos ellas nosotros usted ustedes".split())
# Plural nouns that are not counted things here: multipliers, distances, time units handled elsewhere.
NOT_COUNTED = frozenset("""
times fold ones hours minutes seconds decades centuries miles kilometers kilometres meters metres feet degrees grados
centimeters centimetres milímetros milimetros centímetros centimetros pulgadas knots nudos
thirds quarters fourths fifths sixths tenths halves terceras cuartas quintas décimas decimas tercios quintos cuartos
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


def is_plural(word: str) -> bool:
    """A plural noun by its form: what a number counts must be one."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return (len(low) >= 3 and low.endswith("s") and low not in _NOT_PLURAL
            and not low.endswith(("ss", "us", "is", "'s", "’s")) and low[0].isalpha())


def tokens(text: str, pos: int, limit: int = 12):
    """(word, start, end, ends_sentence) from pos, at most `limit` words."""
    for _ in range(limit):
        m = TOKEN.match(text, pos) or _QUOTED_WORD.match(text, pos)  # 'small "kitchen" labs': a word in quotes
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


_ADVERBS_AFTER_AND = frozenset("hoy ayer ahora luego después despues ya también tambien today now then also still".split())
_FRACTIONS = frozenset({"half", "quarter", "media", "medio"})


def starts_numberish(word: str, number_words: frozenset) -> bool:
    """Whether a word opens a figure (a digit, a number word, a fraction, a currency sign): phrases end there."""
    low = word.lower()
    return (word[0].isdigit() or low in number_words or low in _FRACTIONS or word[0] in "$½¼¾⅓⅔"
            # "one-half", "three-quarters": a number word joined to a fraction
            or "-" in low and low.partition("-")[0] in number_words)


# Spanish preterite endings: a finite verb after a noun ends its phrase ("fentanilo| cayeron a").
PRETERITE_ES = ("aron", "ieron", "yeron", "ó")
# The form a drug is seized in, after "en": "fentanilo en polvo", "metanfetamina en cristal".
_FORMS = frozenset("polvo cristal piedra pasta roca líquido liquido greña breña hoja pastillas tabletas".split())


def noun_phrase(text: str, pos: int, number_words: frozenset = frozenset(), max_words: int = 8) -> tuple[str | None, int]:
    """The noun phrase starting at pos ("fentanyl powder", "fentanyl and methamphetamine")."""
    words: list[str] = []
    end = pos
    toks = list(tokens(text, pos, max_words + 6))
    i = 0
    while i < len(toks) and len(words) < max_words:
        word, _, w_end, ends = toks[i]
        low = word.lower()
        if not words and (low in LEADING or not any(c.isalnum() for c in word)):
            i += 1  # a determiner, or a bullet ("•", "-") opening the line
            continue
        if low in _AND and words and i + 1 < len(toks) and not ends:
            nxt = toks[i + 1][0]
            # "fentanyl and methamphetamine" continues; "fentanyl and more than 10,000" does not
            if nxt.lower() in STOP or starts_numberish(nxt, number_words) or nxt[0].isupper() or \
                    nxt.lower() in _ADVERBS_AFTER_AND:
                break  # "86 víctimas diarias| y hoy estamos en 59": a new clause, not a second noun
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
        if low in STOP or starts_numberish(word, number_words) or not any(c.isalnum() for c in word):
            break  # a function word, a figure, or an emoji ("METANFETAMINA ‼️")
        if words and (word[0].isupper() or (low.endswith("ed") and len(low) > 4) or (
                low.endswith(PRETERITE_ES) and len(low) > 4) or (
                low.endswith(_PARTICIPLE_ES) and len(low) > 6 and low not in _NOUNS_LIKE_PARTICIPLES)):
            break  # "cocaine hidden in", "dosis de fentanilo aseguradas en": a reduced relative clause
        words.append(word)
        if low not in LINKS:  # "grant of| $2M": a link word ends no phrase (popped below)
            end = w_end
        i += 1
        if ends:
            break
    while words and (words[-1].lower() in _AND or words[-1].lower() in LINKS):
        words.pop()
    return (" ".join(words) or None), end


def counted_noun(text: str, pos: int, number_words: frozenset, lang: str) -> tuple[str, int, str] | None:
    """After a number: (noun phrase, end, head) when a plural noun follows within a few words.

    "20.4 million| fake pills" -> ("fake pills", ..., "pills"); "| of Mexico's" -> None.
    The head noun must be lower case ("Four Horsemen" is a name) unless it names a people.
    """
    words: list[str] = []
    for word, _, end, ends in tokens(text, pos, 5):
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
            nxt = TOKEN.match(text, end)
            if nxt is None or starts_numberish(nxt.group(1), number_words):
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
            if low in _PRENOMINAL and lang == "es" and not ends:
                nxt = TOKEN.match(text, end)  # "3 largos años", "5 presuntos integrantes": the noun after is the head
                if nxt and nxt.group(1).rstrip(".").islower() and is_plural(nxt.group(1).rstrip(".")):
                    head = nxt.group(1).rstrip(".")
                    words.append(head)
                    end, ends = nxt.start(1) + len(head), nxt.group(1).endswith(".")
                    phrase, end = _extend(text, end, words, ends, number_words, lang)
                    return phrase, end, head
            if lang == "en" and not ends and low not in IRREGULAR_PLURALS:
                nxt = TOKEN.match(text, end)  # "500 additional customs inspectors", "12 arms dealers": a plural modifier
                if nxt and nxt.group(1).rstrip(".").isalpha() and nxt.group(1).islower() and \
                        is_plural(nxt.group(1).rstrip(".")) and nxt.group(1).rstrip(".") not in NOT_COUNTED:
                    word, end, ends = nxt.group(1).rstrip("."), nxt.start(1) + len(nxt.group(1).rstrip(".")), \
                        nxt.group(1).endswith(".")
                    words.append(word)
            if low in IRREGULAR_PLURALS and not ends:
                nxt = TOKEN.match(text, end)  # "police officers", "staff members": the noun after is the head
                if nxt and nxt.group(1).islower() and is_plural(nxt.group(1)) and nxt.group(1) not in NOT_COUNTED \
                        and nxt.group(1).isalpha():
                    word, end = nxt.group(1), nxt.end(1)
                    words.append(word)
            if not ends and low in _CHARGE_MODIFIERS:
                word, end, ends = _charge_head(text, end, words, word, ends)  # "12 firearms trafficking counts"
            phrase, end = _extend(text, end, words, ends, number_words, lang)
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
    for nxt, _, nxt_end, nxt_ends in tokens(text, end, 2):
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


def _extend(text: str, end: int, words: list[str], ended: bool, number_words: frozenset, lang: str) -> tuple[str, int]:
    """'rounds' + 'of ammunition'; 'countries' + 'and international organizations'; Spanish
    'laboratorios' + 'clandestinos' (an adjective follows its noun; a participle is a predicate)."""
    phrase = " ".join(words)
    if ended:
        return phrase, end
    if lang == "es":
        nxt = TOKEN.match(text, end)
        adj = nxt.group(1).rstrip(".") if nxt else ""
        if (len(adj) >= 5 and adj.islower() and adj.endswith(("os", "as", "es")) and (
                not adj.endswith(_PARTICIPLE_ES) or adj in _CATEGORY_PARTICIPLES)
                and adj not in STOP and adj not in _NOT_PLURAL and adj not in number_words and adj.isalpha()):
            words, end = [*words, adj], nxt.start(1) + len(adj)
            phrase = " ".join(words)
            if nxt.group(1).endswith("."):
                return phrase, end
    m = OF.match(text, end)
    if m and words[-1].lower() in PARTITIVES:
        np, np_end = noun_phrase(text, m.end(), number_words)
        if np:
            return f"{phrase} {m.group().strip()} {np}", np_end
    m = _AND_AFTER.match(text, end)
    nxt = TOKEN.match(text, m.end()) if m else None
    if m and not (nxt and nxt.group(1).lower() in _ADVERBS_AFTER_AND):  # "víctimas diarias| y hoy estamos en 59"
        more = counted_noun(text, m.end(), number_words, lang)
        # a number in it is a figure of its own: "30 personas y aseguró 15 armas"
        if more and len(more[0].split()) <= 3 and not any(c.isdigit() for c in more[0]):
            return f"{phrase} and {more[0]}", more[1]
    return phrase, end


def of_phrase(text: str, end: int, number_words: frozenset = frozenset()) -> str | None:
    """The phrase after "of"/"de" right after a figure: "15,000 pounds| of fentanyl powder"."""
    m = OF.match(text, end)
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
        art = ARTICLE.match(text, m.end())
        name = PROPER_RUN.match(text, art.end() if art else m.end())
        whole = SENTENCE_END.split(name.group())[0].strip() if name else ""
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


SENTENCE_END = re.compile(r"[.!?][^\S\n]|[.!?]$")
_CLAUSE_OPENERS = frozenset("unless if because although though whether whereas once so".split())
_TIME_TAIL = frozenset("year years month months week weeks day days quarter period morning afternoon evening night time times "
                       "weekend fy".split())


# The head of an "of" phrase that names a period, not the measured thing: "21,900 libras del año fiscal
# anterior", "27,000 pounds of the previous year".
_PERIOD_HEADS = frozenset("""year years month months week weeks quarter period año años mes meses semana semanas
trimestre semestre periodo período sexenio ejercicio""".split())


def names_period(phrase: str | None) -> bool:
    """Whether a phrase opens with a period ("año fiscal anterior", "previous year", "mismo periodo")."""
    words = [w for w in (phrase or "").lower().split()[:3] if w not in LEADING]
    words = words[1:] if words and words[0] in ("previous", "prior", "same", "last", "past", "mismo", "misma", "fiscal") else words
    return bool(words) and words[0] in _PERIOD_HEADS


def of_word(text: str, end: int) -> str:
    """The linking word itself ("of", "de", "del") when :func:`of_phrase` found one."""
    m = OF.match(text, end)
    return m.group().strip() if m else "of"


AND_TAIL = frozenset("and y e or o de del".split())  # never the last word of a phrase either


def predicate_words(text: str, pos: int, number_words: frozenset, limit: int = 6) -> str:
    """The words from pos to the end of the clause (at most `limit`, none after a number)."""
    out = []
    for word, _, _, ends in tokens(text, pos, limit):
        if starts_numberish(word, number_words):
            break
        out.append(word)
        if ends:
            break
    while out and (out[-1].lower() in STOP or out[-1].lower() in AND_TAIL or out[-1].lower() in LINKS):
        out.pop()
    return " ".join(out)


# A capitalized name of several words: "Canadian Drug Analysis Centre", "Centro Nacional de Inteligencia".
PROPER_RUN = re.compile(r"[A-ZÁÉÍÓÚÑ][\w'’.-]*(?:[^\S\n]+(?:(?:of|for|and|on|de|del|y|la|el|para)[^\S\n]+)?[A-ZÁÉÍÓÚÑ][\w'’-]*){0,7}")
ARTICLE = re.compile(r"(?:the|el|la|los|las)[^\S\n]+", re.IGNORECASE)
