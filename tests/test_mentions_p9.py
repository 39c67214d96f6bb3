"""Held-out corpus p9 (tests/data/probes_extract/p9): the general patterns its first score showed
missing or misread, each pinned with a sentence from p9 and sentences written alike, English and
Spanish. Every test failed on the code before its fix."""
from pipeline.core.extract.cleaning import clean
from pipeline.core.extract.measure import measure_text


def rows(original):
    """(surface in the original, kind, value, unit, subject) of every non-vague figure: the per-file path."""
    return [(original[r["char_start"]:r["char_end"]], r["kind"], r["value"], r["unit"], r["subject"])
            for r in measure_text(clean(original)) if not r.get("is_vague")]


def kinds(original):
    return {(s, k, v, u) for s, k, v, u, _ in rows(original)}


def surfaces(original):
    return [s for s, *_ in rows(original)]


# --- the base of a yield is no amount: "One kilogram of precursor can produce ..." --------------------
def test_one_kilogram_that_a_yield_is_counted_from_is_no_amount():
    text = ("One kilogram of precursor chemicals bought from a supplier in Asia can produce enough fentanyl for "
            "roughly 500,000 counterfeit pills.")
    assert surfaces(text) == ["500,000 counterfeit pills"]
    assert surfaces('"A press like these can turn one kilogram of powder into a quarter of a million pills," '
                    "said the agent.") == ["a quarter of a million pills"]
    assert surfaces("Un kilo de precursor puede rendir hasta 800 gramos de fentanilo.") == ["800 gramos"]


def test_one_kilogram_seized_stays_an_amount():
    assert ("one kilogram", "mass", 1.0, "kg") in kinds(
        "Agents seized one kilogram of fentanyl that could make 500,000 pills.")
    assert ("a kilogram", "mass", 1.0, "kg") in kinds("Police seized a kilogram of cocaine.")


# --- a social post's row of counters is site chrome, not a count -------------------------------------
def test_a_row_of_social_counters_is_no_count():
    assert rows("Great work by K9 Rocco!\n\n👍 1.4K   💬 212 comments   ↪ 389 shares\n") == []
    assert rows("¡Seguimos trabajando!\n\n👍❤️ 1,2 mil · 184 comentarios · 97 veces compartido\n") == []
    assert rows("Likes: 1,024 · 56 comments · 12 shares\n") == []


def test_comments_counted_in_a_sentence_stay_a_count():
    assert ("212 comments", "count", 212.0, "count") in kinds("The draft rule drew 212 comments from industry groups.")


# --- a point in time counted back is no period: "hace dos años", "two years earlier" ------------------
def test_a_time_counted_back_is_no_duration():
    assert rows("Los hechos ocurrieron hace dos años en la carretera federal 15.") == []
    assert [r[:4] for r in rows("Quiero destacar que hace dos años el homicidio doloso estaba en 86 víctimas diarias.")] \
        == [("86 víctimas diarias", "count", 86.0, "count")]
    assert [r[1] for r in rows("Lab tests found a lethal dose in 70 percent of pills, up from 40 percent two years "
                               "earlier.")] == ["percent", "percent"]
    assert rows("Un 31 % menos que dos años antes, según los Centros para el Control de Enfermedades.")[-1][1] == "percent"


def test_a_period_counted_back_stays_a_duration():
    assert ("dos años", "duration", 2.0, "year") in kinds("Trabaja en la aduana desde hace dos años.")
    assert ("tres meses", "duration", 3.0, "month") in kinds("Fue detenido tres meses antes de su juicio.")
    assert ("12 months", "duration", 12.0, "month") in kinds("Over the past 12 months, agents seized 40 pounds of fentanyl.")


# --- a percent column header beats the row label's unit, under a header of years ---------------------
# (the warehouse's integrity suite wants every value positive, so a decrease is read as its size, "| -23.3 |"
# 23.3, as before; the probe labels since p7 keep the sign: see the p9 report)
_CHANGE_TABLE = """### Cuadro 2. Resultados de la Defensa (enero-agosto)

| Concepto | 2025 | 2026 | Variación (%) |
|---|---:|---:|---:|
| Marihuana asegurada (kg) | 112,480 | 86,230 | -23.3 |
| Goma de opio (kg) | 1,204 | 1,377 | +14.4 |
| Laboratorios inhabilitados | 402 | 518 | +28.9 |
"""


def test_a_percent_column_beats_the_row_labels_unit_under_a_header_of_years():
    got = kinds(_CHANGE_TABLE)
    assert ("23.3", "percent", 23.3, "percent") in got and ("14.4", "percent", 14.4, "percent") in got
    assert ("112,480", "mass", 112480.0, "kg") in got and ("518", "count", 518.0, "count") in got
    assert ("28.9", "percent", 28.9, "percent") in got


def test_a_range_of_percents_is_no_sign():
    assert kinds("Overdose deaths fell 10%-15% in the border states.") == {
        ("10%", "percent", 10.0, "percent"), ("15%", "percent", 15.0, "percent")}


# --- a table whose rows are named by dates: the date names the row, the header the thing ---------------
def test_rows_named_by_dates_under_a_header():
    text = ("Operation Lone Star - weekly statistics\n"
            "Week ending\tApprehensions\tCriminal arrests\tFentanyl (lbs)\n"
            "Nov 7\t1,284\t96\t12.5\nNov 14\t1,130\t88\t3.0\n")
    got = rows(text)
    assert ("1,284", "count", 1284.0, "count", "Apprehensions Nov 7") in got
    assert ("88", "count", 88.0, "count", "Criminal arrests Nov 14") in got
    assert ("3.0", "mass", 3.0, "lb", "Fentanyl Nov 14") in got
    text = "Semana\tDetenidos\tArmas\n3 de marzo\t12\t4\n10 de marzo\t9\t7\n"
    assert ("12", "count", 12.0, "count") in kinds(text) and ("7", "count", 7.0, "count") in kinds(text)


def test_a_date_with_a_figure_and_no_header_is_still_no_row():
    assert rows("Nov 7: 1,284\n") == []


# --- a bare figure compared with a count before it: "up from 1.1 million the year before", "contra" ----
def test_a_figure_compared_with_the_year_before_takes_the_count_noun():
    got = kinds("CBP officers intercepted 1.9 million rounds heading south, up from 1.1 million the year before.")
    assert ("1.1 million", "count", 1100000.0, "count") in got
    got = rows("En Estados Unidos murieron alrededor de setenta mil personas por sobredosis el año pasado, contra "
               "ciento siete mil en el peor momento de la crisis.")
    assert [r[:4] for r in got] == [("setenta mil personas", "count", 70000.0, "count"),
                                    ("ciento siete mil", "count", 107000.0, "count")]
    assert "personas" in got[1][4]


# --- a range with a word between its opening and its lower bound; a quoted word inside a noun phrase ----
def test_a_range_with_an_adverb_before_its_lower_bound():
    got = kinds("El tiempo entre la compra y el aseguramiento fue de apenas 2 a 3 años en promedio.")
    assert got == {("2", "duration", 2.0, "year"), ("3 años", "duration", 3.0, "year")}
    got = kinds("Agents seized between roughly 10 and 20 kilograms of fentanyl.")
    assert got == {("10", "mass", 10.0, "kg"), ("20 kilograms", "mass", 20.0, "kg")}


def test_a_quoted_word_inside_a_counted_noun_phrase():
    got = rows('We estimate that 150–200 small "kitchen" labs operate in Sinaloa alone.')
    assert [r[:4] for r in got] == [("150", "count", 150.0, "count"), ('200 small "kitchen" labs', "count", 200.0, "count")]
    assert all("labs" in r[4] for r in got)
    assert ('30 "ghost" guns', "count", 30.0, "count") in kinds('Police seized 30 "ghost" guns in the raid.')


# --- the ages of several people are no period -------------------------------------------------------
def test_the_ages_of_several_people_are_no_duration():
    assert surfaces("Un juez vinculó a proceso a tres hombres de 22, 25 y 31 años, detenidos el pasado 14 de agosto.") \
        == ["tres hombres"]
    assert surfaces("Dos mujeres de 30 y 41 años fueron liberadas.") == ["Dos mujeres"]


# --- what a sum is: the value of a thing named before it; what an act makes it available for ----------
def subject_of(text, surface):
    return next(r[4] for r in rows(text) if r[0] == surface)


def test_a_sum_that_is_the_value_of_a_thing_named_before_it():
    assert subject_of("The methamphetamine has an estimated street value of $4.2 million.", "$4.2 million") \
        == "value of methamphetamine"
    assert "precursor" in subject_of('Destaca el aseguramiento de 1,4 toneladas de precursor químico declarado como '
                                     '"aditivo para pintura", con un valor comercial de 880 mil dólares.', "880 mil dólares")
    assert "escáneres" in subject_of("Este año recibimos 24 escáneres de rayos gamma, con un valor cercano a 31 millones "
                                     "de dólares.", "31 millones de dólares")


def test_a_sum_made_available_for_a_purpose():
    text = ("Of the funds appropriated by this Act, not less than $135,000,000 shall be made available for assistance "
            "for Mexico, of which not less than $22,500,000 shall be for programs to counter the production of fentanyl.")
    assert subject_of(text, "$135,000,000") == "assistance" and subject_of(text, "$22,500,000") == "programs"
    assert subject_of("Of the funds, up to $4,000,000 may be made available to expand forensic laboratories.",
                      "$4,000,000") == "forensic laboratories"
    assert "equipos" in subject_of("De los cuales 45 millones de dólares se destinarían a equipos de inspección no "
                                   "intrusiva en aduanas.", "45 millones de dólares")
    assert "program" in subject_of("We are requesting $92 million in fiscal year 2027 to expand our chemical-tracing "
                                   "program to 14 additional countries.", "$92 million")


# --- what a period is: the noun before "DE" in capitals; the purpose after a generic period ------------
def test_a_period_named_in_a_capitals_headline():
    assert subject_of("FGR OBTIENE SENTENCIA DE 14 AÑOS CONTRA DOS HOMBRES POR TRANSPORTAR COCAÍNA\n", "14 AÑOS") \
        == "sentencia"


def test_a_generic_period_takes_the_purpose_after_it():
    assert subject_of("El juez fijó un plazo de tres meses para la investigación complementaria y les impuso prisión "
                      "preventiva.", "tres meses") == "plazo para investigación complementaria"
    assert subject_of("La defensa cuenta con diez días para apelar.", "diez días") == "plazo para apelar"
    assert subject_of("El juez otorgó un plazo de 6 meses para el cierre de la investigación complementaria.",
                      "6 meses") == "plazo para cierre de investigación complementaria"
    assert subject_of("The company has 30 days to respond to the order.", "30 days") == "time to respond to order"


# --- what a share is of: a count after "of the", a pronoun for the count before, a restated share ---------
def test_a_share_of_a_count_a_pronoun_or_a_restatement():
    assert subject_of("Mexico prosecuted just 14% of the 6,300 fentanyl-related arrests recorded in 2025.", "14%") \
        == "fentanyl-related arrests"
    assert subject_of("Se analizaron 1,340 muestras aseguradas en 2025 y en 71% de ellas se detectó fentanilo.", "71%") \
        == "muestras"
    text = "Tenemos 3 mil 200 elementos; unos mil 900 elementos ya tienen equipo portátil, es decir, alrededor del 60 por ciento."
    assert subject_of(text, "60 por ciento") == subject_of(text, "mil 900 elementos")


# --- "pieces" counted under a label; "US$" in a Spanish text ------------------------------------------
_FICHA = ("Resultados del mes en la aduana de Nuevo Laredo:\n• Cocaína asegurada: 47.6 kg\n"
          "• Cartuchos asegurados: 15,200 pzas.\n• Divisas retenidas: US$612,000\n")


def test_pieces_counted_under_a_label_are_what_the_label_names():
    assert ("15,200 pzas", "count", 15200.0, "count", "Cartuchos asegurados") in rows(_FICHA)


def test_a_us_dollar_sign_in_a_spanish_text_is_dollars():
    assert ("US$612,000", "currency", 612000.0, "usd") in kinds(_FICHA)
    assert ("US$ 1.2 millones", "currency", 1200000.0, "usd") in kinds(
        "La Guardia Nacional aseguró US$ 1.2 millones y 300 mil pesos en efectivo.")


# --- a part of a count restated as a share right after it: "for 9,870, or 68 percent" ----------------------
def test_a_part_restated_as_a_share_counts_the_count_before():
    got = rows("Of the 14,600 firearms that Mexican authorities submitted for tracing in 2025, investigators could "
               "identify a U.S. retail purchaser for 9,870, or 68 percent.")
    assert ("9,870", "count", 9870.0, "count", "firearms") in got
    got = rows("GAO reviewed records for 2,480 items and could not confirm the location of 611 of them, or about "
               "25 percent.")
    assert ("611", "count", 611.0, "count", "items") in got
    assert not [r for r in rows("In 2024, 300, or 5 percent, were late.") if r[1] == "count"]


# --- "una docena", "dos docenas": Spanish dozens ------------------------------------------------------
def test_spanish_dozens():
    assert ("una docena de operativos", "count", 12.0, "count") in kinds(
        "Apenas una docena de operativos explica la mayor parte del volumen.")
    assert ("dos docenas de armas", "count", 24.0, "count") in kinds("Se aseguraron dos docenas de armas.")
    assert [r[1:3] for r in rows("Decenas de personas y docenas de armas fueron halladas.")] == []


# --- the count named after a change ("el número de"), a rate of the count before ("25 per month") -------
def test_a_change_of_the_number_named_after_it():
    assert [r[:4] for r in rows("1) Ampliar de 12 a 20 el número de equipos binacionales de rastreo de armas.")] == [
        ("12", "count", 12.0, "count"), ("20", "count", 20.0, "count")]


def test_a_rate_of_the_count_before_it():
    got = rows("Mexican authorities reported dismantling 1,760 synthetic drug labs from December 2018 to September 2024, "
               "an average of more than 25 per month.")
    assert ("25", "count", 25.0, "count", "synthetic drug labs") in got


# --- a headline in capitals: "90 KILOS DE METANFETAMINA", an emoji ends the phrase ---------------------
def test_the_substance_of_a_mass_in_a_capitals_headline():
    assert subject_of("‼️ ASEGURAMOS MÁS DE 90 KILOS DE METANFETAMINA ‼️\n\nEn un operativo en la carretera, agentes "
                      "revisaron un tractocamión.", "90 KILOS") == "METANFETAMINA"


# --- a time frame's period: the figure after it, the subject of the clause it ends --------------------
def test_a_time_frame_opening_a_sentence_is_the_period_of_the_figure_after_it():
    assert subject_of("En los últimos ocho meses, las aduanas marítimas aseguraron 212 toneladas de precursores "
                      "químicos.", "ocho meses") == "period of precursores químicos"


def test_a_time_frame_ending_a_perfect_clause_is_the_period_of_its_subject():
    text = ("MR PRICE: What I can tell you is that U.S. seizures of fentanyl at the border are down by nearly 30 "
            "percent this fiscal year, and overdose deaths have fallen for 18 straight months.")
    assert subject_of(text, "18 straight months") == "period of overdose deaths"


# --- the term a range of durations is of: a named range, a noun before "de entre" ----------------------
def test_a_named_range_of_months_and_a_noun_before_de_entre():
    text = ("The court sentenced him to 235 months of imprisonment, at the bottom of the Guidelines range of 235 to "
            "293 months, followed by ten years of supervised release.")
    assert [r[4] for r in rows(text) if r[0] in ("235", "293 months")] == ["guidelines range", "guidelines range"]
    text = "Los juicios por tráfico de armas terminaron con sentencias de entre 5 y 8 años."
    assert [r[4] for r in rows(text)] == ["sentencias", "sentencias"]


# --- Spanish fractions of a unit; a ton counted up with kilograms is metric -----------------------------
def test_spanish_fractions_of_a_unit():
    assert ("tres cuartos de tonelada", "mass", 0.75, "metric_ton") in kinds("Se aseguraron tres cuartos de tonelada de cocaína.")
    assert ("un cuarto de kilo", "mass", 0.25, "kg") in kinds("Le encontraron un cuarto de kilo de cristal.")
    assert rows("Tres cuartos de los detenidos eran hombres.") == []  # a fraction of no stated total


def test_a_ton_counted_up_with_kilograms_is_metric():
    assert ("2 tons 400 kilograms", "mass", 2.4, "metric_ton") in kinds("The navy seized 2 tons 400 kilograms of cocaine.")


# --- a level the sentence compares, a correction, people after a Spanish verb that takes people ----------
def test_a_new_level_after_estamos_en_and_a_count_phrase_stops_at_a_new_clause():
    got = rows("Quiero destacar que hace dos años el homicidio doloso estaba en un promedio de 86 víctimas diarias y hoy "
               "estamos en 59, una reducción de 31 por ciento.")
    assert [r[:5] for r in got if r[1] == "count"] == [("86 víctimas diarias", "count", 86.0, "count", "víctimas diarias"),
                                                       ("59", "count", 59.0, "count", "víctimas diarias")]


def test_a_corrected_figure_takes_the_unit_it_corrects():
    got = kinds("Correction: An earlier version misstated the weight of the powder. It was 26 pounds, not 62.")
    assert ("62", "mass", 62.0, "lb") in got


def test_people_after_a_spanish_verb_that_takes_people():
    assert rows("FISCALÍA\n\nVinculan a proceso a tres por posesión de armas y cartuchos\n") == [
        ("tres", "count", 3.0, "count", "personas vinculadas a proceso")]
    assert rows("Agentes detuvieron a cinco en Culiacán.") == [("cinco", "count", 5.0, "count", "personas detenidas")]


# --- a level stated with "suman"; a word broken across a line is one word in the subject -------------------
def test_a_sum_stated_as_the_level_of_the_sentence_subject_with_suman():
    text = ("En el trimestre, la UIF bloqueó a 214 personas. Los recursos inmoviliza-\ndos en cuentas bancarias suman "
            "38.5 millones de dólares.")
    assert subject_of(text, "38.5 millones de dólares") == "recursos inmovilizados en cuentas bancarias"
    assert subject_of("Officers seized 40 short- and long-range rifles.", "40 short- and long-range rifles") \
        == "short- and long-range rifles seized"


# --- a plural modifier before the counted noun; a line's label names a sum ----------------------------
def test_a_plural_modifier_before_the_counted_noun():
    got = rows("1. Fund at least 500 additional customs inspectors at Mexican seaports.")
    assert got[0][:4] == ("500 additional customs inspectors", "count", 500.0, "count") and "inspectors" in got[0][4]
    assert rows("Police arrested 12 arms dealers in Tucson.")[0][4].startswith("arms dealers")


def test_a_line_label_names_a_sum_before_a_verb_guess():
    assert ("$3.1 million", "currency", 3100000.0, "usd", "Currency seized") in rows(
        "Other enforcement\n• Weapons seized: 212\n• Currency seized: $3.1 million\n")


def test_a_time_frame_or_a_term_for_a_deed_takes_no_purpose():
    # the purpose after "over three years" is the money's; a prison term "for selling rifles" is no period's purpose
    text = "The United States will provide $412 million over three years to strengthen Mexico's forensic laboratories."
    assert not (subject_of(text, "three years") or "").startswith("time to")
    assert not (subject_of("McAllen gun dealer gets 7 years for selling rifles to cartel buyers.", "7 years")
                or "").startswith("time for")


def test_a_time_frame_read_as_a_qualifier_and_a_passive_clause_before_it():
    text = "One of the companies received wire transfers worth $3.6 million from front companies over two years."
    assert "transfers" in subject_of(text, "two years")
    assert subject_of("State officials told GAO that end-use checks were suspended for 14 months during the pandemic.",
                      "14 months") == "period of end-use checks"
