"""The rules learnt from the blind rounds 68 to 70 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 68: a film's subtitles, a spreadsheet's merged owner cells, a debate article.

SUBTITLES = (
    "WEBVTT\n"
    "Kind: captions\n"
    "Language: sv\n\n"
    "NOTE\n"
    "Undertexter till filmen om medborgarlöftet.\n\n"
    "1\n"
    "00:00:00.000 --> 00:00:02.000\n"
    "[Musik]\n\n"
    "2\n"
    "00:00:02.200 --> 00:00:06.000\n"
    "<v Karin>Polisen och kommunen lovar\n"
    "att arbeta för ett tryggare centrum.\n\n"
    "3\n"
    "00:00:06.200 --> 00:00:09.000\n"
    "Polisen kommer att genomföra minst 25\n"
    "hastighetskontroller vid skolorna\n\n"
    "4\n"
    "00:00:09.200 --> 00:00:10.000\n"
    "under året.\n\n"
    "5\n"
    "00:00:13.000 --> 00:00:16.000\n"
    "Tillsammans genomför vi\n"
    "tre trygghetsvandringar under året.\n\n"
    "6\n"
    "00:00:16.200 --> 00:00:19.000\n"
    "- Vi bjuder också in till\n"
    "två medborgardialoger under året.\n"
)


def test_subtitles_are_read_as_the_speech_they_give():
    text = clean(SUBTITLES)
    assert "-->" not in text and "WEBVTT" not in text and "Musik" not in text
    assert "<v" not in text and "Undertexter" not in text
    # A sentence going on over cues is one; a pause after a sentence's end opens a paragraph.
    assert text.split("\n\n") == [
        "Polisen och kommunen lovar att arbeta för ett tryggare centrum. Polisen kommer att "
        "genomföra minst 25 hastighetskontroller vid skolorna under året.",
        "Tillsammans genomför vi tre trygghetsvandringar under året. Vi bjuder också in till två "
        "medborgardialoger under året.",
    ]


def test_subrip_timings_with_commas_are_cues_too():
    srt = "".join(
        f"{k}\n00:00:0{k},000 --> 00:00:0{k},900\n{words}\n\n"
        for k, words in enumerate(
            ["Polisen kommer att genomföra", "minst tio trafikkontroller", "under året."], 1
        )
    )
    assert clean(srt) == "Polisen kommer att genomföra minst tio trafikkontroller under året."


def test_a_text_with_an_arrow_or_two_is_no_subtitles():
    text = "Polisen --> kommunen\n00:00:01.000 --> 00:00:02.000\nHej\n"
    assert clean(text) == text.strip()


def test_we_also_after_a_joint_sentence_is_joint():
    document = parse(clean(SUBTITLES))
    assert owners_and_targets(document)[-2:] == [
        ("Tillsammans genomför vi tre tr", "joint", ("count", 3)),
        ("Vi bjuder också in till två me", "joint", ("count", 2)),
    ]
    # Without the joint sentence before it, "vi" names no one and the sentence is no activity.
    alone = parse("Hej! Vi bjuder också in till två medborgardialoger under året.")
    assert alone.activities == []


def test_the_subtitles_document():
    document = read("blind/monsteras-2026-2027-film-undertexter.txt")
    assert [p.text for p in document.promises] == [
        "Polisen och Mönsterås kommun lovar att arbeta för en tryggare trafikmiljö vid skolorna "
        "och ett tryggare centrum på kvällarna."
    ]
    assert owners_and_targets(document) == [
        ("Polisen kommer att genomföra m", "police", ("at_least", 25)),
        ("Polisen kommer också att besök", "police", ("count", 1)),
        ("Kommunen kommer att ha fältass", "municipality", ("count", 2)),
        ("Kommunen sätter också upp ny b", "municipality", None),
        ("Tillsammans genomför vi tre tr", "joint", ("count", 3)),
        ("Vi bjuder också in till två me", "joint", ("count", 2)),
    ]
    assert document.activities[0].target.scope == "year"


MERGED = (
    "Ansvarig\tAktivitet\tMål\n"
    "Polisen\tHastighetskontroller vid skolan\tminst 20 per år\n"
    "\tNarkotikakontroller\t10 per år\n"
    "Kommunen\tFältassistenter i centrum\t2 kvällar/vecka\n"
    "\tNy belysning vid busstationen\t–\n"
)


def test_an_empty_owner_cell_under_a_filled_one_is_the_merged_cell_above():
    assert [(a.text, a.responsible) for a in parse(MERGED).activities] == [
        ("Hastighetskontroller vid skolan", "police"),
        ("Narkotikakontroller", "police"),
        ("Fältassistenter i centrum", "municipality"),
        ("Ny belysning vid busstationen", "municipality"),
    ]


def test_an_empty_owner_cell_after_the_activity_column_stays_empty():
    rows = [line.split("\t") for line in MERGED.splitlines()]
    swapped = "\n".join("\t".join([row[1], row[0], *row[2:]]) for row in rows)
    assert swapped.startswith("Aktivitet\tAnsvarig\tMål\n")
    owners = [a.responsible for a in parse(swapped).activities]
    assert owners == ["police", "unstated", "municipality", "unstated"]


def test_the_merged_cells_document():
    document = read("blind/aneby-2026-2027-sammanslagna-celler.txt")
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 3,
        "joint",
        "joint",
    ]


def test_the_debate_article_document():
    document = read("blind/hogsby-2026-debattartikel.txt")
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för ett tryggare Hög"]
    assert owners_and_targets(document) == [
        ("Polisen kommer att genomföra m", "police", ("at_least", 30)),
        ("Polisen kommer också att hålla", "police", ("count", 4)),
        ("Kommunens fältassistenter komm", "municipality", ("count", 3)),
        ("Kommunen kommer dessutom att f", "municipality", None),
        ("Tillsammans kommer vi att geno", "joint", ("count", 2)),
    ]


# Round 69: SMART goals, a Google document's comments, a table with a column per activity.

SMART = (
    "Vårt löfte\n"
    "Vi lovar att arbeta för en tryggare skolväg.\n\n"
    "Aktiviteterna är formulerade enligt SMART-modellen.\n\n"
    "Aktivitet 1: Hastighetskontroller\n"
    "S – Specifik: Kontroller av hastigheten vid skolan.\n"
    "M – Mätbar: Minst 15 kontroller under löftesperioden.\n"
    "A – Accepterad/ansvarig: Polisen\n"
    "R – Realistisk: Ryms i planeringen.\n"
    "T – Tidsatt: Senast den 31 december 2026.\n\n"
    "Aktivitet 2: Belysning\n"
    "S – Specifik: Se över belysningen i gångtunneln.\n"
    "M – Mätbar: Ny belysning på plats.\n"
    "A – Ansvarig: Kommunen (tekniska förvaltningen)\n"
    "T – Tidsatt: Klart den 30 september 2026.\n"
)


def test_smart_goals_are_an_activitys_labelled_lines():
    document = parse(SMART)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för en tryggare skolväg."]
    first, second = document.activities
    assert (first.text, first.title, first.responsible) == (
        "Kontroller av hastigheten vid skolan.",
        "Hastighetskontroller",
        "police",
    )
    assert (first.target.comparator, first.target.value, first.target.scope) == (
        "at_least",
        15,
        "period",
    )
    # "Tidsatt" says when, never how many: "Klart den 30 september 2026" counts nothing.
    assert (second.responsible, second.target) == ("municipality", None)


def test_a_paragraph_about_the_activities_is_no_promise():
    text = SMART.replace(
        "Aktiviteterna är formulerade enligt SMART-modellen.", "Nedan beskrivs aktiviteterna."
    )
    assert [p.text for p in parse(text).promises] == [
        "Vi lovar att arbeta för en tryggare skolväg."
    ]


COMMENTED = (
    "Polisen ska:[a]\n"
    "* genomföra minst 20 langningskontroller[b] under perioden\n"
    "* besöka skolan[c] en gång i månaden\n\n"
    "________________\n"
    "[a]Lena Sjögren: Ska vi ha med lokalpolisområdet?\n"
    "[b]Martin Ek: Förra perioden blev det 14. Räcker 20?\n"
    "_Markerad som löst_\n"
    "[c]Lena Sjögren: Tre gånger per termin i stället?\n"
)


def test_a_google_documents_comments_and_anchors_are_dropped():
    assert clean(COMMENTED) == (
        "Polisen ska:\n"
        "* genomföra minst 20 langningskontroller under perioden\n"
        "* besöka skolan en gång i månaden"
    )
    assert owners_and_targets(parse(COMMENTED)) == [
        ("genomföra minst 20 langningsko", "police", ("at_least", 20)),
        ("besöka skolan en gång i månade", "police", ("count", 1)),
    ]


def test_letters_in_brackets_without_a_list_of_comments_stay():
    text = "Alternativ [a] eller [b] väljs senare.\n[a]: Polisen"
    assert clean(text) == text


def test_the_smart_goals_document():
    document = read("blind/svenljunga-2026-2027-smart-mal.txt")
    assert len(document.promises) == 1
    assert owners_and_targets(document) == [
        ("Polisen kontrollerar hastighet", "police", ("at_least", 15)),
        ("Kommunens fältassistenter finn", "municipality", ("count", 2)),
        ("Trygghetsvandring i centrum oc", "joint", ("count", 2)),
        ("Information till föräldrar i å", "municipality", ("at_least", 3)),
        ("Se över och byta ut belysninge", "municipality", None),
    ]


def test_the_google_document_with_comments():
    document = read("blind/bollebygd-2026-2027-google-dokument-kommentarer.txt")
    assert "[" not in document.text and "Sjögren" not in document.text
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 2,
        "joint",
    ]


SIDEWAYS = (
    "\tAktivitet 1\tAktivitet 2\tAktivitet 3\n"
    "Vad\tHastighetskontroller vid skolan\tFältassistenter i centrum\tTrygghetsvandring\n"
    "Vem\tPolisen\tKommunen\tPolisen och kommunen\n"
    "Hur ofta\tminst 12 per år\t2 kvällar i veckan\t1 per år\n"
)


def test_a_table_with_a_column_per_activity_is_read_row_by_row():
    text = clean(SIDEWAYS)
    assert "Aktivitet 1" not in text
    assert text.split("\n")[:6] == [
        "Vad",
        "Vem",
        "Hur ofta",
        "Hastighetskontroller vid skolan",
        "Polisen",
        "minst 12 per år",
    ]
    assert owners_and_targets(parse(SIDEWAYS)) == [
        ("Hastighetskontroller vid skola", "police", ("at_least", 12)),
        ("Fältassistenter i centrum", "municipality", ("count", 2)),
        ("Trygghetsvandring", "joint", ("count", 1)),
    ]


def test_a_table_whose_first_column_names_no_rows_stays_as_it_is():
    table = (
        "Aktivitet\tAnsvarig\tMål\nKontroller\tPolisen\t2 per år\nVandring\tKommunen\t1 per år\n"
    )
    assert clean(table).split("\n")[:3] == ["Aktivitet", "Ansvarig", "Mål"]


def test_the_table_with_a_column_per_activity_document():
    document = read("blind/grastorp-2026-2027-tabell-kolumn-per-aktivitet.txt")
    assert [(a.text[:25], a.responsible) for a in document.activities] == [
        ("Hastighetskontroller vid ", "police"),
        ("Fotpatrullering vid busst", "police"),
        ("Fältassistenter i centrum", "municipality"),
        ("Trygghetsvandring i centr", "joint"),
        ("Klottersanering av kommun", "municipality"),
    ]
