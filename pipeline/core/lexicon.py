"""The word lists of the pipeline, each defined once: months, scale words, qualifiers, vague amounts,
stop words, function words of each language, and the lines of site chrome and bylines.

Extraction, metadata and reconciliation read the same lists from here, so a word added for one
(a month abbreviation, a chrome line) is known to all. Only plain data and the patterns built
directly from it live here; the rules that use them live with their concern.
"""
from __future__ import annotations

import re

# --- months ----------------------------------------------------------------------------------
EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")
ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre")
# Spellings that dates use besides the names above ("15 de setiembre de 2024").
ES_MONTH_VARIANTS = {"setiembre": 9}
# How English writes a month short ("Oct. 14", "Sept 3").
EN_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
# Month names of either language and the English abbreviations: a number after one is a day, not an amount.
MONTHS = frozenset(EN_MONTHS) | frozenset(EN_MONTH_ABBREVIATIONS) | frozenset(ES_MONTHS)
# Number of each month, by English name, Spanish name or variant.
EN_MONTH_NUMBERS = {m: i for i, m in enumerate(EN_MONTHS, start=1)}
ES_MONTH_NUMBERS = {m: i for i, m in enumerate(ES_MONTHS, start=1)} | ES_MONTH_VARIANTS
# An English month, full or abbreviated, as a regex alternative (longest first: "june" before "jun").
EN_MONTH_PATTERN = "|".join(sorted({*EN_MONTHS, *EN_MONTH_ABBREVIATIONS}, key=lambda m: (-len(m), m)))
# A Spanish month with its variants, as a regex alternative.
ES_MONTH_PATTERN = "|".join([*ES_MONTHS, *ES_MONTH_VARIANTS])

# --- scale words -----------------------------------------------------------------------------
# Words that multiply the number before them ("two hundred", "20.4 million").
EN_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Spanish hundreds are additive words ("ciento cincuenta"); only these multiply.
ES_SCALES = {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12,
             "docena": 12, "docenas": 12}  # "una docena de operativos", "dos docenas de armas"
# Scale words of a thousand and more, either language: "20.4 million", "3 mil 500 millones".
LARGE_SCALES = {w: v for w, v in {**EN_SCALES, **ES_SCALES}.items() if v >= 1e3}

# --- qualifiers ------------------------------------------------------------------------------
# The qualifier right before a figure ("more than", "an average of more than", "casi"), in group "q".
QUALIFIER = re.compile(
    r"(?:^|(?<=[\s(]))(?P<q>(?:(?:an?\s+average\s+of|a\s+total\s+of|a\s+combined(?:\s+total\s+of)?|in\s+total|"
    r"un\s+promedio\s+de|un\s+total\s+de)\s+)?"
    r"(?:more\s+than|over|nearly|almost|approximately|approx\.|about|around|roughly|some|up\s+to|at\s+least|"
    r"less\s+than|fewer\s+than|under|close\s+to|an\s+estimated|estimated|in\s+excess\s+of|upwards\s+of|"
    r"just\s+over|just\s+under|well\s+over|as\s+many\s+as|as\s+much\s+as|no\s+fewer\s+than|no\s+less\s+than|"
    r"at\s+most|a\s+maximum\s+of|a\s+minimum\s+of|"
    r"más\s+de|mas\s+de|casi|aproximadamente|alrededor\s+de|cerca\s+de|menos\s+de|hasta|poco\s+más\s+de|"
    r"poco\s+menos\s+de|al\s+menos|por\s+lo\s+menos|cuando\s+menos|unos|unas|un\s+estimado\s+de)"
    r"|an?\s+average\s+of|a\s+total\s+of|a\s+combined|un\s+total\s+de)\s*$",
    re.IGNORECASE,
)
# Last word of every qualifier: the qualifier pattern only runs when the word before a number is one.
QUALIFIER_LAST = frozenset("""
than over nearly almost approximately approx about around roughly some to least under estimated of excess
just as combined total average de casi aproximadamente hasta más mas most menos unos unas
""".split())
# The qualifiers a level stated without its noun may carry ("dropped to about 87,000"), as a regex
# fragment that ends with the space after the qualifier.
LEVEL_QUALIFIER = (r"about|nearly|approximately|roughly|some|around|almost|more\s+than|fewer\s+than|less\s+than|"
                   r"just\s+over|just\s+under|over|under|an\s+estimated|a\s+record")
LEVEL_QUALIFIER = rf"(?:{LEVEL_QUALIFIER})\s+"

# --- vague amounts ---------------------------------------------------------------------------
# "dozens of", "thousands of", "decenas de": an amount of no stated value.
VAGUE_AMOUNTS = ("dozens", "hundreds", "thousands", "millions", "billions", "scores", "decenas", "cientos",
                 "centenares", "miles", "millones", "tens")
# Every vague amount begins with one of these words ("multi-billion-dollar" too).
VAGUE_KEYS = (*VAGUE_AMOUNTS, "multi")

# --- stop words ------------------------------------------------------------------------------
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
LEADING = frozenset("the a an some its their his her our these those this that la el los las un una unos unas su sus".split())

# Frequent function words of each language that the other does not use, counted to tell the
# languages apart ("a" is in both, so it is left out; "de" and "en" only appear in names in
# English prose, rarely enough to count them).
EN_FUNCTION_WORDS = frozenset({"the", "and", "of", "to", "is", "that", "for", "with", "was", "were", "has", "have",
                               "this", "by", "from", "which", "in", "on", "at", "are", "be", "will", "its", "their",
                               "said"})
# A short Spanish sentence may hold only one of the commonest words ("Fueron detenidas cinco personas,
# entre ellas dos menores"): less frequent function words count too.
ES_FUNCTION_WORDS = frozenset({"el", "la", "los", "las", "que", "y", "del", "por", "para", "una", "con", "se", "al",
                               "es", "lo", "fue", "más", "como", "de", "en", "entre", "fueron", "según", "durante",
                               "sobre", "desde", "hasta", "también", "pero", "sus", "ellas", "ellos", "este", "esta",
                               "estos", "estas", "donde", "cuando"})

# --- site chrome and bylines -----------------------------------------------------------------
# Whole lines that are navigation or sharing widgets of the site a copy was taken from (regexes,
# matched case-insensitively against a whole line, so prose that merely contains the words stays).
CHROME_LINES = [
    r"(?:scroll to top ?)+", r"stay connected", r"sign up", r"subscribe", r"share(?: this(?: page| article)?)?",
    r"most popular", r"related (?:articles|posts|news)", r"print(?: this page)?", r"email", r"tweet",
    r"back to top", r"skip to (?:main )?content", r"menu", r"search", r"home", r"advertisement",
    r"we'll be in touch with the latest information.*", r"opt in to send and receive text messages.*",
    r"official news published at \S+.*", r"photo by [^.\n]{1,60}/ ?unsplash", r"(?:image|photo) credit:.*",
    r"(?-i:Home(?:[A-Z][a-z]+)+[A-Z]\S.*)\.\.\.",  # breadcrumb glued to a truncated headline: "HomePoliticsJoint Statement..."
]
# Navigation words that make a short line at the head of a text chrome rather than a headline.
CHROME_WORDS = re.compile(
    r"^(?:home|menu|search|share|print|email|subscribe|sign up|sign in|log in|stay connected|"
    r"scroll to top|skip to|back to top|most popular|related|advertisement)\b", re.I)
# A byline: "By Jane Doe", "Por Redacción", "Staff Reports", "Associated Press".
BYLINE = re.compile(r"^(?:by|por)\s+\S|^(?:[\w.’'-]+\s+){0,4}(?:staff|staff writers?|staff reports?|redacci[oó]n|"
                    r"newsroom|wire services?|associated press|reuters)$", re.I)
