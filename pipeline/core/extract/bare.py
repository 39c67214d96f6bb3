"""A numeral with neither a unit nor a currency sign after it: the thing it counts, or the figure
whose noun (and kind) it takes because the sentence leaves the noun out.

Tried in order, each only when the ones before found nothing: the plural noun after the number
(``counts``), a figure it is compared with or part of (``compared``), the label of its table cell
(``cells``), a difference or an item of a list, and last a noun the sentence states elsewhere
(``elided``). A numeral none of them explains is no measurement.
"""
from __future__ import annotations

import re

from pipeline.core.extract.cells import COUNT_UNITS, cell_label, money_scale
from pipeline.core.extract.compared import (LIST_SEP, PART_PREP, compared_figure, fewer_than, list_part, listed_figure,
                                            part_tail, percent_sibling, single_item)
from pipeline.core.extract.counts import ONE_CHARGE, TIME_NOUNS, what_is_counted
from pipeline.core.extract.elided import (ES_AFTER_LEVEL, ES_LEVEL, ES_LEVEL_ENDINGS, PEOPLE_DONE, WERE_AFTER,
                                          elided_count, member_of_set, next_member, part_of_prior,
                                          group_size)
from pipeline.core.extract.mention import Mention
from pipeline.core.extract.not_quantities import ES_DATE_AFTER, YEAR_CONTEXT_OK
from pipeline.core.extract.numbers import NUMBER_WORDS
from pipeline.core.extract.sentences import Sentences
from pipeline.core.extract.subjects.phrases import NOT_COUNTED, counted_noun
from pipeline.core.extract.units import UNIT, unit_info


# A part of a count before it, restated as a share right after: "could identify a purchaser for 9,870, or 68 percent",
# "could not confirm the location of 611 of them, or about 25 percent", "1,900, es decir, el 60 por ciento".
_SHARE_AFTER = re.compile(r"(?:[^\S\n]+(?:of|de)[^\S\n]+(?:them|ellos|ellas))?,[^\S\n]*(?:or|o|es[^\S\n]+decir,?|that[^\S\n]+is,?)"
                          r"[^\S\n]+(?:(?:about|roughly|nearly|some|almost|around|approximately|cerca[^\S\n]+del?|"
                          r"alrededor[^\S\n]+del?|casi|el|un)[^\S\n]+)?[0-9][\d.,]*[^\S\n]*(?:%|percent\b|per[^\S\n]+cent\b|"
                          r"por[^\S\n]+ciento\b)", re.IGNORECASE)


def share_part(text: str, start: int, num_end: int, found: list, sentences, value: float) -> str | None:
    """The counted noun of the count a bare figure is a part of, when a share of it follows ("9,870, or 68 percent")."""
    if not _SHARE_AFTER.match(text, num_end):
        return None
    s_start = sentences.span(start)[0]
    for f in reversed(found[-4:]):
        if f.char_start < s_start:
            return None
        if f.kind == "count" and f.subject and f.value is not None and not f.is_vague and value < f.value:
            return f.subject
    return None


# The count a change or range is of, named after it: "Ampliar de 12 a 20 el número de equipos binacionales".
_NUMBER_OF_AFTER = re.compile(r"[^\S\n]+(?:el|la)[^\S\n]+(?:n[úu]mero|cantidad|total)[^\S\n]+de[^\S\n]", re.IGNORECASE)
# A rate of the count before it, its noun left out: "dismantling 1,760 labs ..., an average of more than 25 per month".
_PER_TIME_AFTER = re.compile(r"[^\S\n]+(?:per|a|al|por)[^\S\n]+(?:day|week|month|year|d[ií]a|semana|mes|año)\b", re.IGNORECASE)


def rate_of_prior(text: str, start: int, num_end: int, found: list, sentences) -> str | None:
    """The counted noun of the count before a bare figure stated per day, week, month or year, or None."""
    if not _PER_TIME_AFTER.match(text, num_end):
        return None
    s_start = sentences.span(start)[0]
    prior = found[-1]
    if prior.kind != "count" or not prior.subject or prior.value is None or prior.is_vague or prior.char_start < s_start:
        return None
    return prior.subject


# People left out after a Spanish verb that only takes people, a number word after it: "Vinculan a proceso a tres por
# posesión de armas", "detuvieron a cinco en Culiacán".
_PEOPLE_VERB_ES = re.compile(r"\b(detuvieron|detienen|detuvo|detiene|capturaron|capturan|aprehendieron|aprehenden|"
                             r"arrestaron|arrestan|vinculan|vincularon|vinculó|vinculo|sentencian|sentenciaron|"
                             r"extraditaron|extraditan|rescataron|rescatan)(?:[^\S\n]+a[^\S\n]+proceso)?[^\S\n]+a[^\S\n]+\Z",
                             re.IGNORECASE)
_PEOPLE_ES = {"detuv": "detenidas", "detie": "detenidas", "captu": "capturadas", "aprehe": "aprehendidas",
              "apreh": "aprehendidas", "arres": "arrestadas", "vincu": "vinculadas a proceso", "sente": "sentenciadas",
              "extra": "extraditadas", "resca": "rescatadas"}
_PEOPLE_AFTER_ES = re.compile(r"(?:[^\S\n]+(?:por|en|tras|durante|como|que|quienes|acusad[oa]s|presunt[oa]s)\b|[,.;:]|\Z)",
                              re.IGNORECASE)


# Counted words that only say "pieces": what they are is in the line's label ("Cartuchos asegurados: 15,200 pzas.").
_PIECES = frozenset("pzas pza piezas pieces pcs units unidades".split())


def bare_figure(text: str, low: str, lang: str, value: float, digits: str | None, groups: dict, start: int,
                num_end: int, before: str, or_more: re.Match | None, is_year: bool, found: list[Mention],
                sentences: Sentences) -> tuple | None:
    """What a numeral with no unit after it measures, or None when it is no measurement: (kind, unit
    code, end of its span, unit text, the counted (phrase, end, head) of a count, the subject it takes
    from elsewhere, a subject forced by a row label or a compared mass, the figure it is compared with,
    the scale its value is multiplied by: a column header's "($000)")."""
    words = NUMBER_WORDS[lang]
    counted = elided_subject = forced_subject = compared = None
    if low.startswith(" de ", num_end) and ES_DATE_AFTER.match(low, num_end):
        return None  # "el pasado 12 de junio", "el primero de octubre": a date, not a count
    one_charge = ONE_CHARGE.match(text, num_end) if value == 1 else None  # "one count of conspiracy"
    if groups.get("words") and value <= 1 and one_charge is None:
        return None  # "one example", "zero impunity": not the size of a set
    if is_year and not before.rstrip().lower().endswith(YEAR_CONTEXT_OK):
        return None  # "In 2021 seizures...", "the 2022 elections": a calendar year
    if digits and len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return None  # "089", "007": a leading zero writes a code or a phone number, not an amount
    if text[num_end:num_end + 1].isalpha():
        return None  # glued to letters: "5G networks", "3D scanners", "4x4 trucks" name a kind, not a number of things
    counted = what_is_counted(text, or_more.end() if or_more else num_end, before, words, lang)
    if counted is not None and counted[2].lower() in _PIECES:
        cell = cell_label(text, start, counted[1] + (text[counted[1]:counted[1] + 1] == "."))
        if cell is not None:  # "Cartuchos asegurados: 15,200 pzas.": the label names what the pieces are
            elided_subject = cell[0]
    if counted is None and one_charge is not None:
        counted = one_charge.group("w"), one_charge.end("w"), one_charge.group("w")
    if counted is None and digits == "1" and found and found[-1].kind == "count" and found[-1].value and \
            LIST_SEP.fullmatch(text, found[-1].char_end, start):
        counted = single_item(text, num_end, words)  # "2 armas largas, 1 arma corta y 150 cartuchos"
    compared = cell = None
    if counted is None and (digits or groups.get("words")):
        compared = compared_figure(text, before, start, num_end, value, found, sentences)
        if compared is not None and compared.kind == "mass":
            # "21,900 pounds ..., compared with 27,000 in fiscal 2023": the same unit and substance
            kind, code, end, unit_text = "mass", compared.unit, num_end, compared.unit_text
            forced_subject = compared.subject
        elif compared is not None:
            counted, elided_subject = (compared.subject, num_end, compared.unit_text), compared.subject
            if compared.surface[-1:].isdigit() and PART_PREP.match(text, num_end) and \
                    compared.subject == f"{compared.unit_text} {part_tail(text, compared.char_end, words)}":
                tail = part_tail(text, num_end, words)  # "12 in Sonora and 28 in Sinaloa"
                if tail:
                    elided_subject = f"{compared.unit_text} {tail}"
                    counted = (elided_subject, num_end, compared.unit_text)
    if counted is None and compared is None and digits:
        cell = cell_label(text, start, num_end)
        if cell is not None:
            label, label_unit = cell
            unit_l = UNIT.fullmatch(label_unit) if label_unit else None
            money = money_scale(label_unit) if label_unit and (unit_l is None or unit_info(
                unit_l.group("unit"))[1] == "currency") else None  # "Efectivo (USD)": the cells are amounts
            if money is not None:
                # "| Program | FY2026 enacted ($000) |", "Decomisos (millones de pesos)": an amount in the header's scale
                code, scale = money
                return "currency", code, num_end, label_unit, None, None, label, None, scale
            if label_unit and unit_l is None and label_unit.lower().rstrip(".") not in COUNT_UNITS:
                return None  # "Seizures (kilometres) | 12": a unit the figure does not carry
            if unit_l is not None:
                code, kind = unit_info(unit_l.group("unit"))
                if kind not in ("mass", "percent", "area"):
                    return None
                if code == "ton":
                    code = "metric_ton" if lang == "es" else "short_ton"
                end, unit_text = num_end, unit_l.group("unit")
                forced_subject = label
            else:
                if value != int(value):
                    return None  # "Canine teams  6.8": a cell with a fraction counts nothing; its unit is elsewhere
                counted, elided_subject = (label, num_end, label.split()[-1]), label
    if counted is None and compared is None and cell is None and found and \
            low.startswith((" more ", " fewer ", " less ", " más ", " mas ", " menos "), num_end):
        prior = fewer_than(low, start, num_end, found, sentences)
        if prior is not None:  # "71 homicidios, 19 menos que en septiembre": 19 fewer of the same
            counted, elided_subject = (prior.subject, num_end, prior.unit_text), prior.subject
    if counted is None and compared is None and cell is None and digits and not is_year and \
            text[start - 1:start] == "(" and text[num_end:num_end + 1] == ")":
        listed = listed_figure(text, start, found, sentences, lang)
        if listed is not None:  # "tortura (1,420 casos), masacres (267)", "Jalisco (15,600), Tamaulipas (13,100)"
            counted, elided_subject = (listed[0], num_end, listed[1]), listed[0]
    if counted is None and compared is None and cell is None and found and (
            before.endswith((", ", " y ", " e ", " and ", " otros ", " otras ")) or low.startswith(" más", num_end)):
        part = list_part(text, before, start, num_end, found, sentences, words)
        if part is not None:  # "98 votos a favor, 17 en contra", "heridos otros tres", "seiscientos más"
            counted, elided_subject = (part, num_end, part.split()[0]), part
    if counted is None and compared is None and cell is None and found and found[-1].kind == "percent" and digits:
        sibling = percent_sibling(text, start, num_end, found, sentences)  # "del 61% ..., y cerca del 40 en ..."
        if sibling is not None:
            return "percent", sibling.unit, num_end, sibling.unit_text, None, None, sibling.subject, None, 1.0
    if counted is None and compared is None and cell is None:
        elided = elided_count(text, before, start, num_end, found, sentences) if lang == "en" and digits else None
        if elided is None and lang == "es" and before.endswith(" ") and \
                before[-30:].rstrip().lower().endswith(ES_LEVEL_ENDINGS):
            level = ES_LEVEL.search(before[-90:])  # "Las llamadas al 911 sumaron 61 mil 200"
            if level and (WERE_AFTER.match(text, num_end) or ES_AFTER_LEVEL.match(text, num_end)) and level.group("np").split()[0].lower() not in NOT_COUNTED:
                elided = " ".join(level.group("np").split())
        if elided is None and low.endswith((" of ", " de "), 0, start):
            elided = group_size(text, start, num_end)  # "detained its crew of six": six crew members
        if elided is None and found and low.startswith((" of ", " de "), num_end):
            elided = part_of_prior(text, start, num_end, found, sentences, value)  # "97 crew members ...; 40 of them"
        if elided is None and before.endswith((", ", ",")):
            elided = member_of_set(text, before, start, num_end, found, sentences, words, value)
        if elided is None and digits and before.endswith((" and ", " y ")) and found:
            elided = next_member(text, start, num_end, found, sentences, words, value)
        if elided is None and found and digits and text.startswith((",", " of ", " de "), num_end):
            elided = share_part(text, start, num_end, found, sentences, value)  # "for 9,870, or 68 percent"
        if elided is None and text.startswith((" el ", " la "), num_end):
            named = _NUMBER_OF_AFTER.match(text, num_end)  # "Ampliar de 12 a 20 el número de equipos binacionales"
            noun = counted_noun(text, named.end() - 1, words, lang) if named else None
            elided = noun[0] if noun else None
        if elided is None and found and text.startswith((" per ", " a ", " al ", " por "), num_end):
            elided = rate_of_prior(text, start, num_end, found, sentences)  # "1,760 labs ..., more than 25 per month"
        if elided is None and lang == "es" and before.endswith(" a ") and not digits:
            people = _PEOPLE_VERB_ES.search(before[-40:])  # "Vinculan a proceso a tres por posesión de armas"
            elided = f"personas {_PEOPLE_ES[people.group(1).lower()[:5]]}" if people and \
                _PEOPLE_AFTER_ES.match(text, num_end) else None
        if elided is None and lang == "en" and text[num_end + 1:num_end + 2].islower():
            done = PEOPLE_DONE.match(text, num_end)  # a headline's "27 arrested", "5 killed in ..."
            elided = f"people {done.group(1).lower()}" if done else None
        if elided is None:
            return None
        # "overdose deaths dropped to about 87,000": the count of the noun the sentence changed
        counted, elided_subject = (elided, num_end, elided.split()[-1]), elided
    if counted is not None:
        kind, code, end, unit_text = "count", "count", counted[1], counted[2]
    if counted is not None and counted[2].lower() in TIME_NOUNS and counted[0].count(" ") == 1:
        # "12 straight months", "three consecutive years": a duration with a word before its unit
        code, kind = unit_info(counted[2])
        counted = None
    return kind, code, end, unit_text, counted, elided_subject, forced_subject, compared, 1.0
