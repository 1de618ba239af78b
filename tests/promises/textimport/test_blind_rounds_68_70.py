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


# Round 70: a calendar's source (.ics), a JSON export, a revision's table of wordings.

CALENDAR = (
    "BEGIN:VCALENDAR\n"
    "VERSION:2.0\n"
    "X-WR-CALNAME:Medborgarlöfte Sala 2026\n"
    "X-WR-CALDESC:Löftet gäller 1 januari–31 december 2026.\\n\\nVårt löfte: Vi lovar att arb\n"
    " eta för ett tryggare centrum.\n"
    "BEGIN:VTIMEZONE\n"
    "TZID:Europe/Stockholm\n"
    "END:VTIMEZONE\n"
    "BEGIN:VEVENT\n"
    "DTSTART;TZID=Europe/Stockholm:20260109T190000\n"
    "RRULE:FREQ=WEEKLY;BYDAY=FR\n"
    "SUMMARY:Fotpatrullering\n"
    "DESCRIPTION:Fotpatrullering i centrum\\, minst 40 kvällar under året.\n"
    'ORGANIZER;CN="Lokalpolisområde Sala":mailto:sala@polisen.se\n'
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "SUMMARY:Fältassistenter\n"
    "DESCRIPTION:Fältassistenter i centrum tre kvällar i veckan.\\nAnsvarig: Kommunen\n"
    "ORGANIZER;CN=Polisen:mailto:sala@polisen.se\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "SUMMARY:Trygghetsvandringar\n"
    "DESCRIPTION:Polisen och kommunen genomför två trygghetsvandringar under året.\n"
    "ORGANIZER;CN=Sala kommun:mailto:kommun@sala.se\n"
    "END:VEVENT\n"
    "END:VCALENDAR\n"
)


def test_a_calendars_events_are_blocks_of_labelled_lines():
    text = clean(CALENDAR)
    assert "BEGIN:" not in text and "RRULE" not in text and "TZID" not in text
    assert text.split("\n")[:5] == [
        "Medborgarlöfte Sala 2026",
        "",
        "Löftet gäller 1 januari–31 december 2026.",
        "",
        "Vårt löfte: Vi lovar att arbeta för ett tryggare centrum.",  # its folded line joined
    ]
    assert (
        "Aktivitet: Fotpatrullering\n"
        "Beskrivning: Fotpatrullering i centrum, minst 40 kvällar under året.\n"
        "Arrangör: Lokalpolisområde Sala"
    ) in text


def test_an_events_organiser_is_its_owner_when_its_words_name_none():
    document = parse(CALENDAR)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för ett tryggare centrum."]
    assert (document.start.isoformat(), document.end.isoformat()) == ("2026-01-01", "2026-12-31")
    # The organiser names the owner of the first; the second's "Ansvarig:" and the third's
    # words name theirs.
    assert owners_and_targets(document) == [
        ("Fotpatrullering i centrum, min", "police", ("at_least", 40)),
        ("Fältassistenter i centrum tre ", "municipality", ("count", 3)),
        ("Polisen och kommunen genomför ", "joint", ("count", 2)),
    ]


def test_an_event_without_a_summary_is_its_description_and_crlf_lines_are_read():
    calendar = (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:Minst 10 trafikkontroller per år."
        "\\nAnsvarig: Polisen\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert clean(calendar) == "Aktivitet: Minst 10 trafikkontroller per år.\nAnsvarig: Polisen"
    assert owners_and_targets(parse(calendar)) == [
        ("Minst 10 trafikkontroller per ", "police", ("at_least", 10))
    ]


def test_a_text_naming_a_calendar_is_no_calendar():
    text = "Medborgarlöfte 2026\nBEGIN:VCALENDAR står i kalenderfilen.\nPolisen ska:\n- Ha koll"
    assert clean(text) == text


def test_a_blocks_labelled_lines_repeated_are_no_footer():
    block = (
        "Aktivitet: Trygghetsvandring\nBeskrivning: Polisen och kommunen går runt i centrum.\n"
        "Ansvarig: Polisen och kommunen\n\n"
    )
    document = parse(block * 3)
    assert [a.responsible for a in document.activities] == ["joint"] * 3


def test_the_calendar_document():
    document = read("blind/smedjebacken-2026-kalender-ics.txt")
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att fler ska kän"]
    assert owners_and_targets(document)[1:] == [
        ("Polisen fotpatrullerar i centr", "police", ("at_least", 40)),
        ("Hastighetskontroller på Vansbr", "police", ("at_least", 2)),
        ("Kommunens fältassistenter är u", "municipality", ("count", 3)),
        ("Socialförvaltningen bjuder in ", "municipality", ("count", 4)),
        ("Polisen och kommunen genomför ", "joint", ("count", 2)),
        ("Tekniska förvaltningen tar bor", "municipality", None),
        ("Polisen och kommunen tar fram ", "joint", ("count", 1)),
    ]
    # The signing, an event of the calendar too, is read as the organiser's, with no target.
    assert document.activities[0].text.startswith("Kommunstyrelsens ordförande")


EXPORT = """{
  "id": "MBL-2026-0001",
  "titel": "Medborgarlöfte Sala 2026",
  "giltigFran": "2026-03-01",
  "giltigTill": "2027-02-28",
  "lofte": "Polisen och Sala kommun lovar att arbeta för ett tryggare centrum.",
  "budgetKr": 450000,
  "fokusomraden": [
    {
      "nr": 1,
      "rubrik": "Tryggare centrum",
      "aktiviteter": [
        {"id": "1.1", "aktivitet": "Fotpatrullering i centrum", "ansvarig": "Polisen",
         "samverkan": [], "mal": "minst 2 kvällar per vecka", "budgetKr": 20000},
        {"id": "1.2", "aktivitet": "Trygghetsvandringar", "ansvarig": "Gemensamt",
         "samverkan": ["Salabostäder"], "mal": "2 per år"}
      ]
    }
  ],
  "kontakt": [{"namn": "Sara Holm", "roll": "kommunpolis", "telefon": "114 14"}],
  "antalAktiviteter": 2
}
"""


def test_a_json_export_is_read_as_labelled_lines():
    text = clean(EXPORT)
    assert "{" not in text and '"' not in text and "MBL" not in text and "450000" not in text
    assert text.split("\n") == [
        "Medborgarlöfte Sala 2026",
        "",
        "Giltig från: 2026-03-01",
        "Giltig till: 2027-02-28",
        "",
        "Löftet: Polisen och Sala kommun lovar att arbeta för ett tryggare centrum.",
        "",
        "Fokusområde 1: Tryggare centrum",
        "",
        "Aktiviteter:",
        "",
        "Aktivitet: Fotpatrullering i centrum",
        "Ansvarig: Polisen",
        "Mål: minst 2 kvällar per vecka",
        "",
        "Aktivitet: Trygghetsvandringar",
        "Ansvarig: Gemensamt",
        "Mål: 2 per år",
        "Samverkanspart: Salabostäder",
        "",
        "Kontakt",
        "Sara Holm, kommunpolis, 114 14",
    ]


def test_a_json_exports_promise_period_and_activities():
    document = parse(EXPORT)
    assert [p.text for p in document.promises] == [
        "Polisen och Sala kommun lovar att arbeta för ett tryggare centrum.",
        "Tryggare centrum",
    ]
    assert (document.start.isoformat(), document.end.isoformat()) == ("2026-03-01", "2027-02-28")
    assert owners_and_targets(document) == [
        ("Fotpatrullering i centrum", "police", ("at_least", 2)),
        ("Trygghetsvandringar", "joint", ("count", 2)),
    ]
    assert document.activities[1].partners == "Salabostäder"


def test_text_with_braces_that_is_no_json_stays_as_it_is():
    text = 'Polisen ska:\n{"a": 1} är inget\n- Genomföra minst 10 kontroller per år'
    assert clean(text) == text
    # A JSON document cut short is no JSON: its text as it is
    broken = '{\n"titel": "Medborgarlöfte Sala 2026",\n"lofte": "Vi lovar att'
    assert clean(broken) == broken


def test_dates_each_under_its_label_are_the_validity():
    document = parse("Medborgarlöfte\nGiltig från: 2026-03-01\nGiltig till: 2027-02-28\n")
    assert (document.start.isoformat(), document.end.isoformat()) == ("2026-03-01", "2027-02-28")
    assert not document.year_only


def test_the_json_export_document():
    document = read("blind/linkoping-2026-2027-json-export.txt")
    assert [p.text[:30] for p in document.promises] == [
        "Polisen och Linköpings kommun ",
        "Tryggare Skäggetorp centrum",
        "Färre unga i kriminalitet",
    ]
    assert [a.promise_indexes for a in document.activities] == [[1]] * 3 + [[2]] * 4
    assert [a.responsible for a in document.activities] == [
        "police",
        "municipality",
        "joint",
        "police",
        "joint",
        "municipality",
        "municipality",
    ]
    assert "1184" not in document.text and "850000" not in document.text


REVISION = (
    "Ansvarig\tNuvarande lydelse\tFöreslagen lydelse\n"
    "Polisen\tFotpatrullering två kvällar per vecka\tFotpatrullering tre kvällar per vecka\n"
    "Kommunen\tNy belysning i gångtunneln\tUtgår (genomfört hösten 2025)\n"
    "Kommunen\tFältassistenter i centrum, 2 kvällar i veckan\tOförändrad\n"
    "Polisen och kommunen\t–\tTrygghetsvandringar, 2 per år\n"
)


def test_a_revisions_table_is_read_by_its_new_wording():
    assert clean(REVISION).split("\n")[:2] == ["Ansvarig", "Aktivitet"]
    # The present wording is dropped, a row taken out ("Utgår") is no activity, and
    # "Oförändrad" keeps the present wording.
    assert owners_and_targets(parse(REVISION)) == [
        ("Fotpatrullering tre kvällar pe", "police", ("count", 3)),
        ("Fältassistenter i centrum, 2 k", "municipality", ("count", 2)),
        ("Trygghetsvandringar, 2 per år", "joint", ("count", 2)),
    ]


def test_a_table_without_the_word_lydelse_is_no_revision():
    table = "Aktivitet\tTidigare\tNy\nKontroller\tja\tnej\nVandring\tnej\tja\n"
    assert clean(table).split("\n")[:3] == ["Aktivitet", "Tidigare", "Ny"]


def test_the_promise_quoted_after_lyder_oforandrat():
    text = (
        'Medborgarlöftet lyder oförändrat: "Polisen och Sala kommun lovar att arbeta för trygghet."'
    )
    assert [p.text for p in parse(text).promises] == [
        "Polisen och Sala kommun lovar att arbeta för trygghet."
    ]


def test_whom_an_invitation_is_to_may_take_a_few_words():
    document = parse(
        "Kommunen ska:\n- bjuda in föräldrar till elever i årskurs 7–9 till fyra föräldraträffar"
        " om droger under året\n- bjuda in elever i årskurs 7 till 9 till en föräldraträff\n"
    )
    assert owners_and_targets(document) == [
        ("bjuda in föräldrar till elever", "municipality", ("count", 4)),
        ("bjuda in elever i årskurs 7 ti", "municipality", ("count", 1)),
    ]


def test_the_revision_document():
    document = read("blind/huddinge-2026-revidering-jamforelsetabell.txt")
    assert [p.text[:40] for p in document.promises] == ["Polisen och Huddinge kommun lovar att ar"]
    assert (document.start.isoformat(), document.end.isoformat()) == ("2026-03-01", "2026-12-31")
    assert owners_and_targets(document) == [
        ("Fotpatrullering vid Flemingsbe", "police", ("at_least", 3)),
        ("Riktade narkotikakontroller i ", "police", ("at_least", 15)),
        ("Trygghetsvärdar i Flemingsberg", "municipality", ("count", 3)),
        ("Trygghetsvandringar i Flemings", "joint", ("count", 2)),
        ("Föräldramöten om droger och re", "joint", ("at_least", 8)),
        ("Fältassistenter i Flemingsberg", "municipality", ("count", 2)),
    ]
    # The decision's clauses ("2. avsätta 350 000 kronor …") are no activities.
    assert not any("kronor" in a.text for a in document.activities)
