"""Labelled cells and tables: a figure standing alone in a table row or a stat line ("Firearms seized:
210", "| Fentanyl | 1,200 kg |", "Arrests 1,234 987") takes its row's label as its subject, and the
unit its label, column header or table caption names.

Only lines shaped like rows are read as rows, so a date, a phone number or a page number inside prose
is never taken for a cell."""
from __future__ import annotations

import re

from pipeline.core.extract.not_quantities import ID_BEFORE, ID_BEFORE_ANY_CASE
from pipeline.core.extract.units import UNIT, unit_info
from pipeline.core.lexicon import EN_MONTH_PATTERN, ES_MONTH_PATTERN, MONTHS


def split_table_cells(text: str, low: str, candidates: list, digit: re.Pattern) -> list:
    """A numeral read as space-grouped thousands ("610 540 311 285") in a row of a table whose cells are
    separated by spaces is one figure per cell, when the table groups its thousands with commas or dots
    ("Heroin 610 540 311 285" under "Fentanyl 1,894 1,727 2,307 1,462"). Only numerals holding a space
    are looked at, so the cost is nil for prose."""
    if not any(m.re is digit and " " in m.group() for m in candidates):
        return candidates
    out = []
    for m in candidates:
        digits = m.group("digits") if m.re is digit and " " in m.group() else None
        if not digits or " " not in digits or not _grouped_table_row(text, m.start()):
            out.append(m)
            continue
        pos, stop = m.start(), m.start("digits") + len(digits)
        while pos < stop:  # one numeral per cell, in text order (the cells lie inside the split numeral)
            space = low.find(" ", pos, stop)
            cell = digit.match(low, pos, space if space >= 0 else stop)
            if cell is not None:
                out.append(cell)
            pos = stop if space < 0 else space + 1
    return out


def _grouped_table_row(text: str, pos: int) -> bool:
    """Whether the line at `pos` is a row of label + numbers, next to another such row, and the rows write
    a thousands separator ("1,894"): the table then never groups thousands with spaces."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 240 or not _ROW_LINE.fullmatch(text, line_start, line_end):
        return False
    grouped = _COMMA_GROUPED.search(text, line_start, line_end) is not None
    neighbour = False
    if line_start:
        above = text.rfind("\n", 0, line_start - 1) + 1
        if _ROW_LINE.fullmatch(text, above, line_start - 1):
            neighbour = True
            grouped = grouped or _COMMA_GROUPED.search(text, above, line_start - 1) is not None
    if line_end < len(text):
        below = text.find("\n", line_end + 1)
        below = len(text) if below < 0 else below
        if _ROW_LINE.fullmatch(text, line_end + 1, below):
            neighbour = True
            grouped = grouped or _COMMA_GROUPED.search(text, line_end + 1, below) is not None
    return neighbour and grouped


_COMMA_GROUPED = re.compile(r"[0-9][,.][0-9]{3}(?![0-9])")


def table_row_name(row_before: str) -> str | None:
    """The first cell of a markdown table row, when it names something ("| Fentanyl | 1,200 kg")."""
    cells = [c.strip() for c in row_before.split("|")]
    name = next((c for c in cells if c), None)
    return name if name and name[0].isalpha() and len(name) <= 40 else None


# A figure standing alone in a cell of a stat line or a flattened table: "Firearms seized: 210",
# "Detenidos | 1,234", "Arrests<tab>1,234<tab>987", "Arrests        1,234        987". Before it the
# row's label and other cells; after it another cell separator or the end of the line.
_CELL_BEFORE = re.compile(r"(?::[^\S\n]*|[^\S\n]*[|\t][^\S\n]*|[^\S\n]{2,})\Z")
# After the figure: the end of the line or of the cell, the end of a stat sentence ("Total obligated: $63.6
# million. Vetted officers trained: 3,870."), or a parenthesis restating it ("Arrests: 4,130 (+22%)").
_CELL_AFTER = re.compile(r"[^\S\n]*(?:\n|\Z|\||\t)|[^\S\n]{2,}(?=\S)|[.;](?:[^\S\n]|\n|\Z)|[^\S\n]\([^()\n]{1,30}\)[^\S\n]*(?:\n|\Z)")
_CELL_SPLIT = re.compile(r"[^\S\n]*(?::|\||\t|[^\S\n]{2,})[^\S\n]*")
_NUMERIC_CELL = re.compile(r"[+-]?(?:us|mx)?\$?[\d.,]+(?:%|[^\S\n]*(?:percent|kg|lbs?))?\Z", re.IGNORECASE)
_LABEL_UNIT = re.compile(r"[^\S\n]*\((?P<inside>[^()\n]{1,30})\)")
# A label naming an identifier, a date, a place in a document or a rate names no counted thing.
_LABEL_NOT_COUNTED = frozenset("""
age edad ages phone telephone tel teléfono telefono fax hotline line línea linea page pages página pagina páginas date dates fecha
year years año años fy id no no. number núm. número numero zip code código codigo case docket file expediente ext
extension room suite rank ranking caliber calibre score version serial lámina lamina slide table tabla figure
rate rates tasa tasas ratio price prices precio precios cost costs value index índice share time hora hour day month
día mes week semana period periodo período as of corte source fuente call contact dial llame marque step paso session
sesión sesion release report reference ref folio oficio boletín boletin note nota
""".split()) | ID_BEFORE | ID_BEFORE_ANY_CASE


# A header's parentheses that name what the column counts, not a unit: "Armas (piezas)", "Trucks (number)".
COUNT_UNITS = frozenset("""piezas pieza units unidades number número numero no count cases casos personas people
persons individuals events eventos""".split())

# A header's parentheses that give a currency and its scale: "($000)", "($ millions)", "(USD millions)",
# "(US$ in thousands)", "(millones de pesos)", "(mdp)". The whole parenthesis is these words only.
_MONEY_SCALE = re.compile(
    r"(?P<cur>us\$|usd|us dollars|dollars|dólares|dolares|\$|mxn|pesos|mdp|mdd|mmdp|mmdd)?[^\S\n]*(?:in[^\S\n]+|en[^\S\n]+)?"
    r"(?P<scale>000|'000|thousands|thousand|miles|millions|million|millones|mm|mil millones|billions|billion)?"
    r"[^\S\n]*(?:de[^\S\n]+)?(?P<cur2>usd|us dollars|dollars|dólares|dolares|mxn|pesos)?")
_SCALES = {"000": 1e3, "'000": 1e3, "thousand": 1e3, "thousands": 1e3, "miles": 1e3, "million": 1e6,
           "millions": 1e6, "millones": 1e6, "mm": 1e6, "mil millones": 1e9, "billion": 1e9, "billions": 1e9}
_SCALED_CURRENCY = {"mdp": ("mxn", 1e6), "mdd": ("usd", 1e6), "mmdp": ("mxn", 1e9), "mmdd": ("usd", 1e9)}


def money_scale(inside: str) -> tuple[str, float] | None:
    """(currency code, scale) named by a header's parentheses ("$000" -> ("usd", 1000)), or None."""
    m = _MONEY_SCALE.fullmatch(inside.strip().lower())
    if m is None or not (m.group("cur") or m.group("cur2")) or (m.group("cur") and m.group("cur2")):
        return None
    cur = m.group("cur") or m.group("cur2")
    if cur in _SCALED_CURRENCY:
        return None if m.group("scale") else _SCALED_CURRENCY[cur]
    code = "mxn" if cur in ("mxn", "pesos") else "usd"
    return code, _SCALES.get(m.group("scale") or "", 1.0)


def cell_label(text: str, start: int, num_end: int, measured: bool = False) -> tuple[str, str | None] | None:
    """(label, unit inside the label's parentheses) of a figure standing alone in a table or stat-line
    cell, or None. The label is the line's first cell; every cell between it and the figure is
    numeric, so a date, a phone number or a page number inside prose is never read as a cell.
    ``measured``: the figure has a unit or a currency sign, so a label such as "Share ..." may name it.

    Cleaning turns tabs and runs of spaces into one space: a row separated only by spaces
    ("Arrests 1,234 987") is a row when the line above or below it has the same shape."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    if line_start == 0 and start > 200:
        return None
    row = text[line_start:start]
    if row.endswith(("-", "+")) and row[-2:-1] in ("", " ", "|", "\t"):
        row = row[:-1]  # a signed cell: "| -20.5 |" under "Change %"
    if _CELL_BEFORE.search(row):
        if not _CELL_AFTER.match(text, num_end):
            return None
        cells = [c for c in _CELL_SPLIT.split(row.strip()) if c]
    else:
        line_end = text.find("\n", num_end, num_end + 200)
        if line_end < 0:
            line_end = len(text)
            if line_end - num_end > 200:
                return None  # no row runs on that long
        if not row.endswith(" ") or not _ROW_LINE.fullmatch(text, line_start, line_end):
            return None
        above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        below = text.find("\n", line_end + 1)
        below = len(text) if below < 0 else below
        if not (line_start and _ROW_LINE.fullmatch(text, above, line_start - 1) or
                line_end < len(text) and _ROW_LINE.fullmatch(text, line_end + 1, below)):
            return None
        cells = [_ROW_LINE.fullmatch(row + "0").group("label")]
    # the label is the last cell that is not a number: "Arrests | 1,234 | 987", "Detenidos: 1,234 | Armas: 56"
    i = len(cells) - 1
    while i >= 0 and _NUMERIC_CELL.match(cells[i]):
        i -= 1
    if i < 0:
        return None
    label = cells[i]
    if ". " in label:  # "Total: $63.6 million. Vetted officers trained: 3,870": the last sentence's label
        label = _SENTENCE_BREAK.split(label)[-1]
    unit = None
    inside = _LABEL_UNIT.search(label)
    if inside is not None and (_is_unit(inside.group("inside")) or "\t" not in row):
        unit, label = inside.group("inside").strip(), (label[:inside.start()] + label[inside.end():]).strip()
    # else "Canine teams (Mexican customs)<tab>6.8": a row label's parenthesis names no unit; the header may
    headed = False  # the row is read under a column header or a title naming its unit or its thing
    if unit is not None and _CELL_BEFORE.search(row) and ("|" in row or "\t" in row):
        head = _column_header(text, line_start, len(cells))  # "| Marihuana (kg) | ... | -23.3 |" under "Variación (%)"
        if head is not None and _PERCENT_HEAD.search(head):
            unit, label, headed = "%", f"{_PERCENT_HEAD.sub('', head).strip()} {label}".strip(), True
    if unit is None and _CELL_BEFORE.search(row) and ("|" in row or "\t" in row):
        head = _column_header(text, line_start, len(cells))  # "Port | Fentanyl (lbs) | Meth (lbs)" at the table's top
        if head is not None:
            inside = _LABEL_UNIT.search(head)
            if inside is not None:
                unit = inside.group("inside").strip()
                head = (head[:inside.start()] + head[inside.end():]).strip()
            elif head.endswith("%"):
                unit, head = "%", head[:-1].strip()  # "Change %": the column's cells are percents
            elif UNIT.fullmatch(head) and unit_info(UNIT.fullmatch(head).group("unit"))[1] in ("mass", "area"):
                unit, head = head, ""  # "Aduana | Toneladas | Contenedores": the header is the unit
            head_words = head.lower().split()
            if head and not any(c.isdigit() for c in head) and len(head_words) <= 3 and (
                    unit is not None or head_words[0] not in _LABEL_NOT_COUNTED and head_words[0] not in MONTHS
                    and head_words[-1] not in _LABEL_NOT_COUNTED):
                # "| Entidad | ... | Detenidos |": the header names what the column counts, the row where
                label = f"{head} {label}"
                headed = True
            headed = headed or unit is not None
    if unit is None:
        unit = _caption_unit(text, line_start)  # "Table 1. Seizures, 2021-2024 (kilograms)" above the rows
        headed = headed or unit is not None
    label = label.lstrip(">*•-· ").strip()  # ">" quotes a forwarded e-mail's line: "> - Personas extraditadas: 61"
    words = label.lower().replace("’", "'").split()
    if "_" in label and _FIELD_KEY.fullmatch(label):
        return None  # "share_count: 112" in a page's front matter: a field of the export, not a label
    if not (label[:1].isalpha() and 0 < len(words) <= 7 and len(label) <= 60) or \
            any(c.isdigit() for c in _DATE_TAIL.sub("", _YEAR_TAIL.sub("", label))):
        return None  # digits in a label name a thing ("Page 3"), except a closing year ("trained since 2022")
    # a row under a header that names the column's thing or unit is a place or a category: "El Paso" is no step
    if not headed and (words[-1].rstrip(".:") in _LABEL_NOT_COUNTED and not (measured and words[-1] in _MEASURED_LABELS) or
                       words[0].rstrip(".:") in _LABEL_NOT_COUNTED and not (measured and words[0] in _MEASURED_LABELS)) \
            or words[0].rstrip(".,") in MONTHS:
        return None  # "Program start date: 2008", "Page: 3", "January 2024 | 1,840" (the thing is in a header)
    return label, unit


_FIELD_KEY = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9%)])\.[^\S\n]+(?=[A-ZÁÉÍÓÚÑ])")
# A row named by a date: "Nov 7", "Oct. 14, 2026", "12 de octubre" (a weekly table's "Week ending" column):
# the date is the row's name, not a thing the label counts
_DATE_TAIL = re.compile(rf"(?:(?<=\s)|\A)(?:(?:{EN_MONTH_PATTERN})\.?[^\S\n]+[0-3]?[0-9](?:,?[^\S\n]+(?:19|20)[0-9][0-9])?|"
                         rf"[0-3]?[0-9][^\S\n]+de[^\S\n]+(?:{ES_MONTH_PATTERN})(?:[^\S\n]+de[^\S\n]+(?:19|20)[0-9][0-9])?)\Z",
                        re.IGNORECASE)
# "Vetted officers trained since 2022", "Detenidos en 2025": a year closing a label names its period
_YEAR_TAIL = re.compile(r"[^\S\n]+(?:since|in|during|for|en|desde|durante)[^\S\n]+(?:fy[^\S\n]?)?(?:19|20)\d\d\Z",
                        re.IGNORECASE)
# Label words that name no counted thing but do name what a percent or an amount measures:
# "Share traced to U.S. retail sale: 74%", "Homicide rate: 23%", "Value of seizures: $12 million"
_MEASURED_LABELS = frozenset("share rate rates tasa tasas ratio price prices precio precios cost costs value index".split())


# The unit a table's title gives its cells, in parentheses at the end: "Table 2. Eradication (hectares)",
# "Cuadro 1. Aseguramientos 2023-2024 (kilogramos)".
_CAPTION_UNIT = re.compile(r"\((?P<unit>[^()\n]{1,20})\)[^\S\n]*:?[^\S\n]*\Z")
_TABLE_LINE = re.compile(r"[^\n]*[|\t][^\n]*")
# A rule between the rows of a grid table ("+------+======+") or a markdown table's separator ("|---|--:|").
_BORDER_LINE = re.compile(r"[^\S\n]*[+|][-=+|:]*[-=][-=+|:]*[^\S\n]*")


def _column_header(text: str, line_start: int, column: int) -> str | None:
    """The header cell of a column of a pipe- or tab-separated table: the cell at ``column`` of the
    first line of the block of table lines that holds the row starting at ``line_start``, or None."""
    top, end, blank = None, line_start - 1, False
    for _ in range(30):
        if end < 0:
            break
        start = text.rfind("\n", 0, end) + 1
        if start < end and _BORDER_LINE.fullmatch(text, start, end):
            end = start - 1  # a grid table's rule ("+-----+=====+") or a markdown separator: not the header
            continue
        if start == end and not blank and end and _TABLE_LINE.fullmatch(
                text, text.rfind("\n", 0, end - 1) + 1, end - 1) and _numeric_row(text, *(top or (line_start, line_start))):
            blank, end = True, start - 1  # a "Total" row set off by a blank line below the table's rows
            continue
        if start == end or not _TABLE_LINE.fullmatch(text, start, end):
            break
        top, end = (start, end), start - 1
    if top is None:
        return None
    cells = [c for c in _CELL_SPLIT.split(text[top[0]:top[1]].strip()) if c]
    if column >= len(cells) or any(_NUMERIC_CELL.match(c) and not (_YEAR_CELL.fullmatch(c.strip()) and _ruled_below(text, top[1]))
                                   for c in cells[1:]):
        return None  # a header names its columns; a row of figures is no header ("| | 2025 | 2026 |" above a rule is)
    return cells[column]


_PERCENT_HEAD = re.compile(r"\([^\S\n]*%[^\S\n]*\)|%[^\S\n]*\Z")
_YEAR_CELL = re.compile(r"(?:19|20)[0-9][0-9]")


def _ruled_below(text: str, end: int) -> bool:
    """Whether the line after the one ending at ``end`` is a table rule ("|---|---:|"): the line above it is a header."""
    start = end + 1
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    return start < stop and _BORDER_LINE.fullmatch(text, start, stop) is not None


def _is_unit(inside: str) -> bool:
    """Whether a label's parenthesis names a unit, a currency scale or a counted unit ("kg", "$000", "piezas")."""
    inside = inside.strip()
    return UNIT.fullmatch(inside) is not None or money_scale(inside) is not None or \
        inside.lower().rstrip(".") in COUNT_UNITS


def _numeric_row(text: str, start: int, end: int) -> bool:
    """Whether the table line at ``start`` (or the row being read, when ``start == end``) holds a numeric
    cell after its first: a row of figures, so its header lies further up."""
    if start == end:
        return True
    end = text.find("\n", start)
    cells = [c for c in _CELL_SPLIT.split(text[start:len(text) if end < 0 else end].strip()) if c]
    return any(_NUMERIC_CELL.match(c) for c in cells[1:])


def _caption_unit(text: str, line_start: int) -> str | None:
    """The mass or area unit named by the title line right above the rows of a table (at most 30
    rows up; the rows and a header are lines of a label and numbers, or of cells), or None."""
    end = line_start - 1
    blank = False
    for _ in range(30):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        if start == end:
            if blank or end == line_start - 1:
                return None  # a second blank line, or a row standing alone: no title right above the table
            # a markdown table needs a blank line before it: "## Table 2. Seizures (pounds)", blank, the table
            blank, end = True, start - 1
            continue
        if not (_ROW_LINE.fullmatch(text, start, end) or _TABLE_LINE.fullmatch(text, start, end)):
            m = _CAPTION_UNIT.search(text, start, end)
            if m is None:
                return None
            u = UNIT.fullmatch(m.group("unit").strip())
            return u.group("unit") if u is not None and unit_info(u.group("unit"))[1] in ("mass", "area") else None
        end = start - 1
    return None


# A table row whose cells are separated by single spaces: a label without digits, then numbers only.
_ROW_LINE = re.compile(r"[^\S\n]*(?P<label>[^\W\d_][^\d\n:|.;]{0,58}?)(?:[^\S\n]+[+-]?\$?[0-9][\d.,]*%?)+[^\S\n]*")
