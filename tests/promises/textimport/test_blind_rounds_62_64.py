"""The rules learnt from the blind rounds 62 to 64 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

from promises.textimport.clean import clean
from promises.textimport.numbers import fold
from promises.textimport.owners import partners_of, read_owner
from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 62: a Gantt chart's month columns, "Mätbart mål:" and roles, a promise in three sentences.

GANTT = (
    "Aktivitetsplan 2026\n"
    "Ett x i månadskolumnen visar när aktiviteten genomförs.\n\n"
    "Aktivitet\tAnsvarig\tJan\tFeb\tMar\tApr\n"
    "Trafikkontroller vid skolan, minst 8 under året\tPolisen\t\tx\tx\t\n"
    "Fältassistenter ute tre kvällar i veckan\tKommunen\tx\tx\tx\tx\n"
    "Översyn av belysningen\tKommunen\t\t\tx\t\n"
)


def test_a_gantt_charts_month_columns_are_dropped_with_their_legend():
    cleaned = clean(GANTT)
    assert "Jan" not in cleaned and "\nx\n" not in cleaned
    assert "Ett x i månadskolumnen" not in cleaned
    assert owners_and_targets(parse(GANTT)) == [
        ("Trafikkontroller vid skolan, m", "police", ("at_least", 8)),
        ("Fältassistenter ute tre kvälla", "municipality", ("count", 3)),
        ("Översyn av belysningen", "municipality", None),
    ]


def test_columns_named_by_month_with_words_in_them_are_kept():
    # A table of results by month ("Jan" | "Feb" | "Mar" with counts) is no schedule.
    text = (
        "Aktivitet\tAnsvarig\tJan\tFeb\tMar\n"
        "Trafikkontroller\tPolisen\t4\t5\t3\n"
        "Fotpatrull\tPolisen\t2\t2\t1\n"
    )
    assert "Jan" in clean(text)


def test_a_table_without_a_target_column_reads_the_target_from_the_activity():
    text = "Aktivitet\tAnsvarig\nTrygghetsvandring i centrum, två per år\tGemensamt\n" * 2
    activity = parse(text).activities[0]
    assert (activity.responsible, activity.target.value, activity.target.scope) == (
        "joint",
        2,
        "year",
    )


def test_the_gantt_document_reads_its_rows():
    document = read("blind/gotene-2026-gantt-manader.txt")
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 3,
        "joint",
        "joint",
    ]
    assert [a.target and a.target.value for a in document.activities] == [
        15, None, 1, 3, None, None, 2, None,
    ]  # fmt: skip


def test_a_measurable_goal_line_and_a_responsible_function_are_an_items_details():
    text = (
        "Så här gör vi\n\n"
        "1. Riktade insatser mot narkotikaförsäljning vid Vulcanområdet\n"
        "Mätbart mål: minst tjugofem insatser under löftesperioden\n"
        "Ansvarig funktion: områdespolisen\n\n"
        "2. Öppen verksamhet på fritidsgården kvällstid\n"
        "Mätbart mål: fyra kvällar i veckan\n"
        "Ansvarig funktion: fritidsgårdspersonalen\n"
    )
    first, second = parse(text).activities
    assert (first.responsible, first.target.value, first.title) == ("police", 25, "Insatser")
    assert (second.responsible, second.target.value) == ("municipality", 4)
    assert second.title == "Öppen verksamhet på fritidsgården"


def test_roles_of_the_municipalitys_staff_name_it():
    assert read_owner("Ansvarig roll: fritidsgårdspersonalen", None)[0] == "municipality"
    assert read_owner("Fritidsledarna håller öppet tre kvällar i veckan.", None)[0] == (
        "municipality"
    )
    assert read_owner("Ansvarig funktion: trygghetssamordnaren och kommunpolisen", None)[0] == (
        "joint"
    )


def test_a_label_ends_the_partners():
    text = "Trygghetsvandring tillsammans med boende och bostadsbolaget Mätbart mål: två"
    assert partners_of(text, fold(text))[0] == ["boende", "bostadsbolaget"]


def test_a_number_word_is_no_part_of_a_title():
    activity = parse("Polisen ska:\n• genomföra minst tjugofem trafikkontroller per år\n")
    assert activity.activities[0].title == "Trafikkontroller"


def test_the_measurable_goals_document_reads_its_owners():
    document = read("blind/tidaholm-2026-2027-matbart-mal.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "joint",
        "municipality",
        "municipality",
        "municipality",
        "joint",
        "police",
    ]
    assert "Mätbart" not in document.activities[1].title


THREE_SENTENCES = (
    "Medborgarlöfte 2026\n\n"
    "Polisen och Hörby kommun lovar att under 2026 arbeta för en tryggare trafikmiljö kring "
    "skolan. Polisen genomför minst tolv hastighetskontroller under året. Kommunen ser över "
    "belysningen längs skolvägen.\n"
)


def test_a_promise_in_three_sentences_gives_its_promise_and_two_activities():
    document = parse(THREE_SENTENCES)
    assert [p.text for p in document.promises] == [
        "Polisen och Hörby kommun lovar att under 2026 arbeta för en tryggare trafikmiljö kring "
        "skolan."
    ]
    assert owners_and_targets(document) == [
        ("Polisen genomför minst tolv ha", "police", ("at_least", 12)),
        ("Kommunen ser över belysningen ", "municipality", None),
    ]


def test_a_paragraph_not_opening_with_the_promise_is_read_as_before():
    # The sentence after the first says more of it: one activity, as it was read before.
    text = (
        "Medborgarlöfte 2026\n\nPolisen genomför hastighetskontroller vid skolan. Det blir "
        "minst tolv kontroller under året.\n"
    )
    assert len(parse(text).activities) == 1


def test_the_three_sentence_document():
    document = read("blind/horby-2026-tre-meningar.txt")
    assert len(document.promises) == 1
    assert [a.responsible for a in document.activities] == ["police", "municipality"]


# Round 63: a responsibility matrix, "Målet är …" after an activity, "För det första …".

MATRIX = (
    "Ansvarsmatris\n"
    "A = ansvarar för att aktiviteten genomförs, D = deltar\n\n"
    "Aktivitet\tPolisen\tKommunen\tBostadsbolaget\tMål\n"
    "Trafikkontroller vid skolan\tA\tD\t\t20 per år\n"
    "Trygghetsvandring med boende\tD\tA\tD\t2 per år\n"
    "Gemensam lägesbild\tA\tA\t\t–\n"
    "Fastighetsvandring\t\t\tA\t1 per år\n"
)


def test_a_responsibility_matrix_gives_owners_and_partners_by_its_legend():
    cleaned = clean(MATRIX)
    assert "A = ansvarar" not in cleaned
    assert "Ansvarig\nSamverkanspart" in cleaned
    document = parse(MATRIX)
    assert [(a.responsible, a.responsible_other, a.partners) for a in document.activities] == [
        ("police", "", "Kommunen"),
        ("municipality", "", "Polisen, Bostadsbolaget"),
        ("joint", "", ""),
        ("other", "Bostadsbolaget", ""),
    ]
    assert [a.target and a.target.value for a in document.activities] == [20, 2, None, 1]


def test_a_matrix_without_a_legend_reads_x_as_responsible():
    text = (
        "Aktivitet\tPolisen\tKommunen\n"
        "Trafikkontroller vid skolan\tX\t\n"
        "Fältassistenter i centrum\t\tX\n"
    )
    assert [a.responsible for a in parse(text).activities] == ["police", "municipality"]


def test_columns_of_marks_naming_no_party_are_no_matrix():
    text = "Aktivitet\tKlar\tPågår\nTrafikkontroller\tX\t\nFotpatrull\t\tX\n"
    assert "Ansvarig" not in clean(text)


def test_the_matrix_document_reads_its_rows():
    document = read("blind/skara-2026-2027-ansvarsmatris.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "police",
        "municipality",
        "municipality",
        "municipality",
        "joint",
        "police",
        "other",
    ]
    assert len(document.promises) == 1


def test_a_goal_sentence_goes_on_with_the_activity_above():
    text = (
        "Löftet\nVi lovar att arbeta för en trygg hamn.\n\n"
        "Kommunens åtaganden\n\n"
        "Kommunen anställer sommarvärdar som finns i hamnen. Målet är att värdarna är på plats "
        "fyra kvällar i veckan.\n\n"
        "Kommunen erbjuder föräldrautbildning. Målsättningen är tre tillfällen under året.\n"
    )
    assert owners_and_targets(parse(text)) == [
        ("Kommunen anställer sommarvärda", "municipality", ("count", 4)),
        ("Kommunen erbjuder föräldrautbi", "municipality", ("count", 3)),
    ]


def test_the_goal_sentences_document():
    document = read("blind/askersund-2026-malet-ar.txt")
    assert len(document.activities) == 8
    assert not any(a.responsible == "other" for a in document.activities)


def test_sentences_in_a_sequence_name_their_subject_after_the_verb():
    text = (
        "Därför lovar vi att arbeta för en tryggare trafikmiljö.\n\n"
        "För det första kommer polisen att genomföra minst 30 trafikkontroller varje år.\n\n"
        "För det andra kommer kommunen att ha fältassistenter ute två kvällar i veckan.\n\n"
        "För det tredje ska vi tillsammans bjuda in till två medborgarmöten.\n\n"
        "Till sist kommer polisen och kommunen att följa upp löftet varje kvartal.\n"
    )
    document = parse(text)
    assert owners_and_targets(document) == [
        ("För det första kommer polisen ", "police", ("at_least", 30)),
        ("För det andra kommer kommunen ", "municipality", ("count", 2)),
        ("För det tredje ska vi tillsamm", "joint", ("count", 2)),
        ("Till sist kommer polisen och k", "joint", None),
    ]
    assert [a.title for a in document.activities][1:] == [
        "Fältassistenter ute",
        "Medborgarmöten",
        "Följa upp löftet",
    ]


def test_a_subject_after_its_verb_names_both_parties():
    assert read_owner("Slutligen ska polisen och kommunen följa upp löftet.", None)[0] == "joint"
    assert read_owner("Under hösten ska vi gemensamt bjuda in till möten.", None)[0] == "joint"
    assert read_owner("Under hösten ska polisen besöka skolan.", None)[0] == "police"


def test_a_promise_sentence_wrapped_before_a_capital_is_read_whole():
    text = (
        "Medborgarlöfte 2026\n\n"
        "Därför lovar vi att arbeta för en tryggare trafikmiljö och fler vuxna ute i "
        "Strömsund och\n"
        "Hammerdal. Löftet gäller under 2026.\n\n"
        "Polisen ska genomföra minst 30 trafikkontroller.\n"
    )
    assert parse(text).promises[0].text.endswith("i Strömsund och Hammerdal.")


def test_the_sequence_document():
    document = read("blind/stromsund-2026-2027-for-det-forsta.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "municipality",
        "joint",
        "joint",
    ]
    assert document.promises[0].text.endswith("Hammerdal.")


# Round 64: a leaflet in Swedish and Somali, a table asking "Vad | Vem | Hur ofta", figures.

SOMALI = (
    "Vårt löfte\nBallanqaadkayaga\n\n"
    "Vi lovar att arbeta för en tryggare miljö kring stationen.\n"
    "Waxaan ballan qaadaynaa inaan u shaqeyno deegaan ammaan ah oo ku xeeran saldhigga.\n\n"
    "Polisen ska:\nBooliisku waxay sameyn doonaan:\n\n"
    "• genomföra minst 20 narkotikakontroller vid stationen under året\n"
    "• sameyn ugu yaraan 20 baaritaan oo maandooriye ah oo ka dhaca saldhigga\n"
)


def test_somali_lines_are_dropped_and_the_swedish_read():
    cleaned = clean(SOMALI)
    assert "Booliisku" not in cleaned and "Ballanqaadkayaga" not in cleaned
    assert "baaritaan" not in cleaned and "Waxaan" not in cleaned
    document = parse(SOMALI)
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta för en tryggare miljö kring stationen."
    ]
    assert owners_and_targets(document) == [
        ("genomföra minst 20 narkotikako", "police", ("at_least", 20)),
    ]


def test_a_swedish_line_with_a_somali_looking_word_is_kept():
    text = "Polisen ska:\n• besöka Ekbackeskolan iyo en gång i månaden\n" * 3
    assert "Ekbackeskolan" in clean(text)


def test_the_somali_leaflet_reads_its_lists():
    document = read("blind/bromolla-2026-svenska-somaliska.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "police",
        "municipality",
        "municipality",
        "joint",
        "joint",
    ]
    assert len(document.promises) == 1


def test_a_table_asking_what_who_and_how_often_is_read():
    text = (
        "| Vad | Vem | Hur ofta | Var |\n|---|---|---|---|\n"
        "| Hastighetskontroller | Polisen | minst 2 gånger i månaden | Väg 363 |\n"
        "| Fältarbete med ungdomar | Kommunens fritidsledare | tre kvällar i veckan | Centrum |\n"
    )
    assert owners_and_targets(parse(text)) == [
        ("Hastighetskontroller", "police", ("at_least", 2)),
        ("Fältarbete med ungdomar", "municipality", ("count", 3)),
    ]


def test_the_what_who_how_often_document():
    document = read("blind/vindeln-2026-2027-vad-vem-hur-ofta.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "other",
        "municipality",
        "joint",
        "police",
        "municipality",
    ]


FIGURES = (
    "LÖFTET I SIFFROR\n\n"
    "30\ntrafikkontroller mot buskörning under året\nPolisen\n\n"
    "3\nkvällar i veckan med fältassistenter ute i centrum\nKommunen\n\n"
    "2\ntrygghetsvandringar med boende\nPolisen och kommunen\n"
)


def test_a_leaflets_figures_are_items_with_their_owners():
    assert "• 30 trafikkontroller mot buskörning under året – Polisen" in clean(FIGURES)
    assert owners_and_targets(parse(FIGURES)) == [
        ("30 trafikkontroller mot buskör", "police", ("count", 30)),
        ("3 kvällar i veckan med fältass", "municipality", ("count", 3)),
        ("2 trygghetsvandringar med boen", "joint", ("count", 2)),
    ]


def test_two_numbers_alone_are_no_figures():
    # Page numbers over a page's first line: fewer than three, left to the page furniture.
    text = "Polisen ska genomföra kontroller.\n\n2\nfortsättning av texten\n\n3\nmer text\n"
    assert "•" not in clean(text)


def test_a_slogan_over_the_promises_sentence_is_no_promise():
    text = (
        "MEDBORGARLÖFTE 2026\n\nTillsammans för ett tryggare Hagfors\n\n"
        "Polisen och Hagfors kommun lovar att arbeta för mindre buskörning i centrum.\n\n"
        "Polisen ska:\n• genomföra 30 trafikkontroller under året\n"
    )
    assert [p.text for p in parse(text).promises] == [
        "Polisen och Hagfors kommun lovar att arbeta för mindre buskörning i centrum."
    ]


def test_the_figures_document():
    document = read("blind/hagfors-2026-loftet-i-siffror.txt")
    assert [a.responsible for a in document.activities] == [
        "police",
        "municipality",
        "police",
        "joint",
        "municipality",
    ]
    assert document.promises[0].text.startswith("Polisen och Hagfors kommun lovar")
