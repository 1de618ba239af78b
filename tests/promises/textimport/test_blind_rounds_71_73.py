"""The rules learnt from the blind rounds 71 to 73 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 71: a meeting invitation from Outlook, a form filled in with check boxes, a web page's
# cards with each label alone on its line.


@pytest.mark.parametrize(
    "line, ticked",
    [
        ("Ansvarig:   ☒ Polisen   ☐ Kommunen   ☐ Gemensamt", "Ansvarig: Polisen"),
        # a ticked "Annan …:" gives what was written after it
        (
            "Ansvarig: ☐ Polisen ☐ Kommunen ☒ Annan aktör: Föreningen Nattvandrarna",
            "Ansvarig: Föreningen Nattvandrarna",
        ),
        # a field after the options is kept, an empty one is not
        ("Mål:   ☒ Minst   ☐ Högst   ☐ Cirka      Antal: 15", "Mål: Minst Antal: 15"),
        ("Giltighetstid:   ☐ 1 år   ☒ 2 år   ☐ Annan: ________", "Giltighetstid: 2 år"),
        ("Ansvarig: [x] Polisen [X] Kommunen [ ] Annan", "Ansvarig: Polisen, Kommunen"),
    ],
)
def test_a_line_of_check_boxes_keeps_what_was_ticked(line, ticked):
    assert clean(line) == ticked


def test_a_field_with_nothing_ticked_or_written_is_dropped():
    text = "Beskrivning: Bättre belysning.\nMål: ☐ Minst ☐ Högst   Antal: ____\nPer: ☐ Vecka ☐ År\n"
    assert clean(text) == "Beskrivning: Bättre belysning."


def test_boxes_that_are_no_options_are_kept():
    # one box a line, as a list's bullet (Ljungby's "☐ …")
    items = "☐ Genomföra trafikkontroller\n☐ Ordna föräldramöten"
    assert clean(items) == items
    # a table's marks alone in their cells
    assert "☒" in clean("Aktivitet\tPolisen\tKommunen\nTrafikkontroller\t☒\t☐\n")


FORM = (
    "Aktivitet 1\n"
    "Beskrivning: Hastighetskontroller vid skolorna.\n"
    "Ansvarig: ☒ Polisen ☐ Kommunen ☐ Gemensamt\n"
    "Mål: ☒ Minst ☐ Högst   Antal: 15\n"
    "Per: ☐ Månad ☒ År ☐ Hela perioden\n"
    "Samverkan med: –\n\n"
    "Aktivitet 2\n"
    "Beskrivning: Nattvandring i centrum på helgkvällar.\n"
    "Ansvarig: ☐ Polisen ☐ Kommunen ☐ Gemensamt ☒ Annan aktör: Föreningen Nattvandrarna\n"
    "Mål: ☐ Minst ☒ Cirka   Antal: 30\n"
    "Per: ☐ Månad ☐ År ☒ Hela perioden\n"
    "Samverkan med: Svenska kyrkan\n\n"
    "Aktivitet 3\n"
    "Beskrivning: Bättre belysning vid stationen.\n"
    "Ansvarig: ☐ Polisen ☒ Kommunen ☐ Gemensamt\n"
    "Mål: ☐ Minst ☐ Högst   Antal: ____\n"
    "Per: ☐ Månad ☐ År ☐ Hela perioden\n"
)


def test_a_numbered_heading_alone_heads_a_block_read_with_its_count_and_unit_of_time():
    activities = parse(FORM).activities
    assert [
        (a.text, a.title, a.responsible, a.responsible_other, a.partners) for a in activities
    ] == [
        (
            "Hastighetskontroller vid skolorna.",
            "Hastighetskontroller vid skolorna",
            "police",
            "",
            "",  # "Samverkan med: –" names no partner
        ),
        (
            "Nattvandring i centrum på helgkvällar.",
            "Nattvandring i centrum på helgkvällar",
            "other",
            "Föreningen Nattvandrarna",
            "Svenska kyrkan",
        ),
        (
            "Bättre belysning vid stationen.",
            "Bättre belysning vid stationen",
            "municipality",
            "",
            "",
        ),
    ]
    targets = [
        a.target and (a.target.comparator, a.target.value, a.target.scope) for a in activities
    ]
    # "Minst" + "Antal: 15" + "Per: År"; "Cirka" 30 over "Hela perioden"; nothing ticked
    assert targets == [("at_least", 15, "year"), ("at_least", 30, "period"), None]


def test_numbered_headings_alone_are_no_running_footer():
    # Three "Aktivitet N" lines, digit-blind the same, were dropped as a one-page footer.
    assert clean(FORM).count("Aktivitet ") == 3
    assert clean(FORM).count("Per: År") == 1


def test_a_form_place_and_date_field_gives_the_signing():
    text = FORM + "\nOrt och datum: Mullsjö 2026-03-18\n"
    document = parse(text)
    assert (document.signing_place, str(document.signed_date)) == ("Mullsjö", "2026-03-18")


def test_the_check_box_form_document():
    document = read("blind/mullsjo-2026-2028-blankett-kryssrutor.txt")
    assert [p.text[:40] for p in document.promises] == ["Polisen och Mullsjö kommun lovar att arb"]
    assert (str(document.start), str(document.end)) == ("2026-04-01", "2028-03-31")
    assert owners_and_targets(document) == [
        ("Hastighetskontroller och kontr", "police", ("at_least", 15)),
        ("Riktade insatser mot langning ", "police", ("at_least", 6)),
        ("Fältassistenter i centrum och ", "municipality", ("count", 2)),
        ("Bättre belysning och röjning a", "municipality", None),
        ("Trygghetsvandringar i centrum ", "joint", ("count", 2)),
        ("Nattvandring i centrum och vid", "other", ("at_least", 30)),
        ("Föräldramöte för årskurs 7 om ", "joint", ("count", 1)),
    ]
    assert [a.target and a.target.scope for a in document.activities] == [
        "year",
        "period",
        "week",
        None,
        "year",
        "period",
        "year",
    ]
    assert document.signing_place == "Mullsjö"


CARDS = (
    "Våra aktiviteter\n\n"
    "Trygghetsvandringar\n"
    "Vad\n"
    "Vi går genom centrum med boende och tittar på vad som kan bli bättre.\n"
    "Vem\n"
    "Polisen och kommunen\n"
    "Hur ofta\n"
    "2 gånger per år\n\n"
    "Nattvandring\n"
    "Vad\n"
    "Vuxna går i centrum på helgkvällarna.\n"
    "Vem\n"
    "Föreningen Nattvandrarna\n"
    "Hur ofta\n"
    "Varje fredag\n"
)


def test_labels_alone_on_their_lines_are_joined_to_their_values_in_two_cards_or_more():
    assert clean(CARDS).split("\n")[2:6] == [
        "Trygghetsvandringar",
        "Vad: Vi går genom centrum med boende och tittar på vad som kan bli bättre.",
        "Vem: Polisen och kommunen",
        "Hur ofta: 2 gånger per år",
    ]
    # One card alone is left as it is.
    one = CARDS.split("\n\nNattvandring")[0]
    assert clean(one) == one


def test_a_table_pasted_a_cell_a_line_is_no_card():
    column = (
        "Aktivitet\nFotpatrullering\nTrygghetsvandring\nAnsvarig\nPolisen\nKommunen\n"
        "Mål\nMinst 30 per år\nTvå per år\n"
    )
    assert clean(column) == column.strip()


def test_a_card_title_over_its_labels_is_one_activity():
    activities = parse(CARDS).activities
    assert [(a.title, a.text[:20], a.responsible, a.responsible_other) for a in activities] == [
        ("Trygghetsvandringar", "Vi går genom centrum", "joint", ""),
        ("Nattvandring", "Vuxna går i centrum ", "other", "Föreningen Nattvandrarna"),
    ]
    assert (activities[0].target.value, activities[0].target.scope) == (2, "year")
    assert activities[1].target is None


def test_the_cards_document():
    document = read("blind/vargarda-2026-2027-webbsida-kort.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att fl"]
    assert owners_and_targets(document) == [
        ("Kontroller av hastighet och av", "police", ("at_least", 2)),
        ("Poliser till fots vid resecent", "police", None),
        ("Kommunens fältassistenter är u", "municipality", ("count", 3)),
        ("Belysningen i gångtunneln unde", "municipality", None),
        ("Vi går tillsammans med boende,", "joint", ("count", 2)),
        ("Vuxna går i centrum och vid re", "other", None),
    ]
    assert [a.title for a in document.activities][:2] == [
        "Trafikkontroller på Kungsgatan",
        "Fotpatrullering vid resecentrum",
    ]


LIST = "Polisen ska:\n- genomföra minst 20 trafikkontroller under året\n\n"


def test_another_actors_routine_after_a_list_is_an_activity():
    text = LIST + "Föreningen Nattvandrarna går i centrum varje fredagskväll.\n"
    assert [(a.text[:40], a.responsible, a.responsible_other) for a in parse(text).activities][
        1:
    ] == [("Föreningen Nattvandrarna går i centrum v", "other", "Föreningen Nattvandrarna")]


@pytest.mark.parametrize(
    "sentence",
    [
        # no how often
        "Föreningen Nattvandrarna går i centrum på fredagskvällarna.",
        # a paragraph, not one sentence
        "Föreningen Nattvandrarna går i centrum varje fredag. De bjuder också på kaffe.",
    ],
)
def test_another_actors_sentence_without_a_routine_stays_none(sentence):
    assert len(parse(LIST + sentence + "\n").activities) == 1


def test_a_routine_sentence_with_no_list_above_is_none():
    assert parse("Föreningen Nattvandrarna går i centrum varje fredagskväll.\n").activities == []


def test_the_meeting_invitation_document():
    document = read("blind/partille-2026-2027-motesinbjudan-outlook.txt")
    assert (str(document.start), str(document.end)) == ("2026-03-01", "2027-02-28")
    assert [p.text[:40] for p in document.promises] == ["Polisen och Partille kommun lovar att ti"]
    assert owners_and_targets(document) == [
        ("genomföra minst 20 riktade nar", "police", ("at_least", 20)),
        ("göra trafikkontroller mot busk", "police", ("count", 2)),
        ("besöka högstadieskolornas förä", "police", None),
        ("ha fältassistenter ute i Parti", "municipality", None),
        ("se över belysningen längs gång", "municipality", ("at_least", 30)),
        ("ordna sex drogfria aktiviteter", "municipality", ("count", 6)),
        ("genomföra trygghetsvandringar ", "joint", ("count", 3)),
        ("Föreningen Nattvandrarna i Par", "other", None),
    ]
    # The meeting's programme, its Teams chrome and the sender's signature are no activities,
    # and a letter's closing is no signing.
    assert document.signatories == [] and document.signed_date is None


# Round 72: an outline lettered "A.", "A.1" over items "i)", a letter with its head and the
# recipient's address, two lists printed side by side whose text gives a line of each in turn.

OUTLINE = (
    "A. Tryggare kvällar i centrum\n\n"
    "A.1 Polisen\n"
    "i) Fotpatrullera i centrum minst 40 kvällar per år.\n"
    "ii) Genomföra narkotikakontroller vid stationen.\n\n"
    "A.2 Kommunen\n"
    "i) Ha fältassistenter ute tre kvällar i veckan.\n\n"
    "B. Säkrare skolvägar\n\n"
    "B.1 Gemensamt\n"
    "i) Genomföra två trygghetsvandringar per år.\n"
    "ii) Bjuda in föräldrar till ett informationsmöte.\n"
    "iii) Se över skolvägarna.\n"
    "iv) Sätta upp skyltar.\n"
)


def test_a_lettered_outline_gives_promises_parties_and_items_numbered_in_small_roman():
    document = parse(OUTLINE)
    assert [p.text for p in document.promises] == [
        "Tryggare kvällar i centrum",
        "Säkrare skolvägar",
    ]
    assert [(a.text[:22], a.responsible, a.promise_indexes) for a in document.activities] == [
        ("Fotpatrullera i centru", "police", [0]),
        ("Genomföra narkotikakon", "police", [0]),
        ("Ha fältassistenter ute", "municipality", [0]),
        ("Genomföra två trygghet", "joint", [1]),
        ("Bjuda in föräldrar til", "joint", [1]),
        ("Se över skolvägarna.", "joint", [1]),
        ("Sätta upp skyltar.", "joint", [1]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "A.1" with nothing listed under it, a sentence: no heading
        "A.1 Polisen genomför kontroller.\nKommunen ser över belysningen.\n",
        # "v. 12" is a week, never an item's number
        "v. 12 Trafikkontroller\n",
    ],
)
def test_lines_that_are_no_lettered_outline_keep_their_words(text):
    assert parse(text).text == text.strip()
    assert all(not a.text.startswith(("Polisen genomför", "12")) for a in parse(text).activities)


def test_mellan_before_a_count_with_no_second_number_is_no_range():
    items = parse(
        "Kommunen ska:\n"
        "- sätta upp hastighetsdisplayer och flytta dem mellan sex platser under läsåret\n"
        "- ha fältassistenter ute mellan 2 och 3 kvällar i veckan\n"
    ).activities
    assert items[0].target is None
    assert (items[1].target.comparator, items[1].target.value) == ("at_least", 2)


LETTER = (
    "POLISMYNDIGHETEN                        BREV\n"
    "Lokalpolisområde Norra Bohuslän         Datum          Diarienummer\n"
    "                                        2026-01-26     A 41.213/2026\n"
    "Handläggare\n"
    "Sara Lindqvist, kommunpolis             Er referens\n"
    "                                        KS 2025/318\n\n"
    "                                        Munkedals kommun\n"
    "                                        Att: Kommundirektören\n"
    "                                        455 80 Munkedal\n\n"
    "Medborgarlöfte för Munkedals kommun 2026\n\n"
    "Polisen åtar sig att:\n"
    "– fotpatrullera vid resecentrum varje fredag kväll.\n\n"
    "Kommunen har för sin del åtagit sig att:\n"
    "– ha fältassistenter ute vid resecentrum två kvällar i veckan.\n"
)


def test_a_letters_head_and_the_recipients_address_are_dropped():
    assert clean(LETTER).split("\n")[0] == "Medborgarlöfte för Munkedals kommun 2026"
    document = parse(LETTER)
    assert document.promises == []
    assert [(a.text[:25], a.responsible) for a in document.activities] == [
        ("fotpatrullera vid resecen", "police"),
        ("ha fältassistenter ute vi", "municipality"),
    ]


@pytest.mark.parametrize(
    "head",
    [
        # one field only: a memo's "Datum:" over an address is kept
        "Datum: 2026-01-26\nMunkedals kommun\n455 80 Munkedal\n",
        # fields without an address
        "Datum: 2025-11-20\nDiarienummer: KS 2025/0412\nHandläggare: Lena Holm\n",
        # the validity stated among them
        "Datum: 2026-01-26\nDnr: KS 2025/318\nLöftet gäller 2026\n455 80 Munkedal\n",
    ],
)
def test_lines_that_are_no_letters_head_are_kept(head):
    assert clean(head + "\nPolisen ska:\n- a\n").startswith(head.split("\n")[0])


@pytest.mark.parametrize(
    "heading, owner",
    [
        ("Kommunen har för sin del åtagit sig att:", "municipality"),
        ("Polisen har åtagit sig att:", "police"),
        ("Munkedals kommun har förbundit sig att:", "municipality"),
    ],
)
def test_a_party_that_has_undertaken_heads_its_list(heading, owner):
    text = f"{heading}\n- ha fältassistenter ute två kvällar i veckan\n"
    assert [a.responsible for a in parse(text).activities] == [owner]


INTERLEAVED = (
    "Polisen lovar att:\n"
    "Kommunen lovar att:\n"
    "• genomföra minst 30 kontroller av\n"
    "• ha fältassistenter ute vid busstationen\n"
    "mopeder i centrum under året,\n"
    "fyra kvällar i veckan,\n"
    "• fotpatrullera vid busstationen,\n"
    "• ordna drogfria aktiviteter i\n"
    "• besöka högstadieskolan.\n"
    "Kulturhuset varannan fredag.\n"
)


def test_two_columns_given_a_line_of_each_in_turn_are_read_one_after_the_other():
    assert clean(INTERLEAVED).split("\n") == [
        "Polisen lovar att:",
        "• genomföra minst 30 kontroller av",
        "mopeder i centrum under året,",
        "• fotpatrullera vid busstationen,",
        "• besöka högstadieskolan.",
        "",
        "Kommunen lovar att:",
        "• ha fältassistenter ute vid busstationen",
        "fyra kvällar i veckan,",
        "• ordna drogfria aktiviteter i",
        "Kulturhuset varannan fredag.",
    ]
    activities = parse(INTERLEAVED).activities
    assert [(a.text[:24], a.responsible) for a in activities] == [
        ("genomföra minst 30 kontr", "police"),
        ("fotpatrullera vid bussta", "police"),
        ("besöka högstadieskolan.", "police"),
        ("ha fältassistenter ute v", "municipality"),
        ("ordna drogfria aktivitet", "municipality"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the same heading twice
        "Polisen lovar att:\nPolisen lovar att:\n• a b\n• c d\ne\nf\n",
        # a line going on from one that ends a sentence: the lines are no two columns
        "Polisen lovar att:\nKommunen lovar att:\n• a b.\n• c d\ne\nf\n",
        # the second line opens no item
        "Polisen lovar att:\nKommunen lovar att:\n• a b\nc d\n• e\nf\n",
        # too few lines
        "Polisen lovar att:\nKommunen lovar att:\n• a b\n• c d\n",
    ],
)
def test_lines_under_two_headings_that_are_no_two_columns_are_kept_in_order(text):
    assert clean(text) == text.strip()


def test_the_lettered_outline_document():
    document = read("blind/laholm-2026-2028-bokstavshierarki.txt")
    assert (str(document.start), str(document.end)) == ("2026-03-01", "2028-02-29")
    assert [p.text[:30] for p in document.promises] == [
        "Tryggare kvällar i Laholms cen",
        "Säkrare trafik vid skolorna i ",
    ]
    assert owners_and_targets(document) == [
        ("Fotpatrullera i centrum och vi", "police", ("at_least", 40)),
        ("Genomföra riktade narkotikakon", "police", ("at_least", 2)),
        ("Ha fältassistenter ute i centr", "municipality", ("count", 3)),
        ("Byta ut belysningen i gångtunn", "municipality", None),
        ("Ordna drogfria aktiviteter för", "municipality", ("at_least", 30)),
        ("Genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("Genomföra hastighetskontroller", "police", ("at_least", 24)),
        ("Sätta upp hastighetsdisplayer ", "municipality", None),
    ]
    assert [a.promise_indexes for a in document.activities] == [[0]] * 6 + [[1]] * 2


def test_the_letter_document():
    document = read("blind/munkedal-2026-2027-brev-adressfalt.txt")
    assert (str(document.start), str(document.end)) == ("2026-03-01", "2027-02-28")
    assert [p.text[:40] for p in document.promises] == ["Polisen och Munkedals kommun lovar att a"]
    assert owners_and_targets(document) == [
        ("genomföra minst 20 riktade tra", "police", ("at_least", 20)),
        ("fotpatrullera vid resecentrum ", "police", None),
        ("besöka fritidsgården i Dingle ", "police", ("count", 1)),
        ("ha fältassistenter ute vid res", "municipality", ("count", 2)),
        ("se över belysningen vid gångbr", "municipality", ("at_least", 12)),
        ("genomföra trygghetsvandringar ", "joint", ("count", 2)),
    ]
    # The letter's date, its reference numbers and the postal codes are no target, and the
    # sender's closing is no signing.
    assert document.signed_date is None and document.signatories == []


def test_the_interleaved_columns_document():
    document = read("blind/olofstrom-2026-spalter-varvade-rader.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att mi"]
    assert owners_and_targets(document) == [
        ("genomföra minst 30 kontroller ", "police", ("at_least", 30)),
        ("fotpatrullera vid busstationen", "police", None),
        ("besöka högstadieskolan Nytebos", "police", None),
        ("ha fältassistenter ute vid bus", "municipality", ("count", 4)),
        ("ordna drogfria aktiviteter i K", "municipality", None),
        ("sätta upp hastighetsdisplayer ", "municipality", None),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("bjuda in till ett öppet medbor", "joint", ("count", 1)),
    ]


# Round 73: a static site's page source with a YAML header, a recording's transcript, a memo
# numbering its clauses inline and full of abbreviations.

PAGE_SOURCE = (
    "---\n"
    "# Redigera i CMS:et\n"
    'title: "Medborgarlöfte Ljusnarsberg 2026"\n'
    "date: 2026-02-16T09:30:00+01:00\n"
    "weight: 40\n"
    "tags: [trygghet, polisen]\n"
    "giltig_fran: 2026-01-01\n"
    "giltig_till: 2026-12-31\n"
    "lofte: >-\n"
    "  Vi lovar att arbeta för ett tryggare\n"
    "  centrum på kvällarna.\n"
    "aktiviteter:\n"
    "  - rubrik: Trafikkontroller vid skolorna\n"
    "    beskrivning: >-\n"
    "      Polisen genomför trafikkontroller vid\n"
    "      Kyrkbacksskolan.\n"
    "    ansvarig: Polisen\n"
    '    mal: "minst 20 kontroller per år"\n'
    "    sortering: 1\n"
    "  - rubrik: Nattvandring\n"
    "    beskrivning: 'Nattvandrarna går i centrum varje fredag, ''alltid minst tre vuxna''.'\n"
    "    ansvarig: Föreningen Nattvandrarna\n"
    "    mal: ~\n"
    "    samverkan:\n"
    "      - Svenska kyrkan\n"
    "---\n\n"
    "{{< ingress >}}\n"
    "Löftet bygger på trygghetsenkäten.\n"
    "{{< /ingress >}}\n\n"
    "## Våra aktiviteter\n\n"
    "{{< aktiviteter >}}\n"
    "<!-- Listan byggs från sidhuvudet. -->\n"
)


def test_a_yaml_header_is_read_as_its_fields_over_the_pages_text():
    text = clean(PAGE_SOURCE)
    assert text.split("\n")[:3] == [
        "Medborgarlöfte Ljusnarsberg 2026",
        "",
        "Date: 2026-02-16T09:30:00+01:00",
    ]
    assert "Giltig från: 2026-01-01\nGiltig till: 2026-12-31" in text
    assert "Löftet: Vi lovar att arbeta för ett tryggare centrum på kvällarna." in text
    assert (
        "Aktivitet: Trafikkontroller vid skolorna\n"
        "Beskrivning: Polisen genomför trafikkontroller vid Kyrkbacksskolan.\n"
        "Ansvarig: Polisen\n"
        "Mål: minst 20 kontroller per år"
    ) in text
    # a single-quoted value's doubled quotes, a list of partners; "~" is nothing
    assert (
        "Beskrivning: Nattvandrarna går i centrum varje fredag, 'alltid minst tre vuxna'." in text
    )
    assert "Samverkanspart: Svenska kyrkan" in text
    # the site's template tags and comments are no words of the page's; numbers and the
    # header's own comment are dropped
    assert "{{" not in text and "<!--" not in text and "40" not in text and "CMS" not in text
    document = parse(PAGE_SOURCE)
    assert (str(document.start), str(document.end)) == ("2026-01-01", "2026-12-31")
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta för ett tryggare centrum på kvällarna."
    ]
    assert [(a.title, a.responsible, a.partners) for a in document.activities] == [
        ("Trafikkontroller vid skolorna", "police", ""),
        ("Nattvandring", "other", "Svenska kyrkan"),
    ]
    # "alltid minst tre vuxna" says what holds each time, not how many times
    assert [a.target and a.target.value for a in document.activities] == [20, None]


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: a\nb: c\n",  # no closing line: not a header
        "---\nEn rad under ett streck.\n---\n",  # no fields
        "Polisen ska:\n---\n- a\n",  # a rule, not at the text's start
        # a text's own labels between two rules, with capitals
        "---\nKommun: Mullsjö\nAnsvarig: Polisen\nPeriod: 2025\n---\nPolisen ska:\n- a b\n",
    ],
)
def test_text_that_opens_with_no_yaml_header_is_read_as_it_is(text):
    assert clean(text) == clean(text + "\n")  # read, not turned into fields
    assert "Aktivitet:" not in clean(text)


TRANSCRIPT = (
    "Inspelning medborgarlöfte-20260211_101503-Mötesinspelning\n"
    "11 februari 2026, 10:15AM\n"
    "12m 47s\n\n"
    "Karin Lindqvist startade transkriberingen\n\n"
    "Karin Lindqvist   0:04\n"
    "Eh, då kör vi. Löftet gäller under 2026.\n\n"
    "Johan Ek   0:58\n"
    "Det här gör polisen.\n\n"
    "Johan Ek   1:01\n"
    "Polisen ska genomföra minst tjugo, eh, nej, vänta.\n\n"
    "Karin Lindqvist   1:05\n"
    "Det står tjugofem.\n\n"
    "Johan Ek   1:07\n"
    "Ja, förlåt. Jag tar om den.\n\n"
    "Johan Ek   1:10\n"
    "Polisen ska genomföra minst tjugofem trafikkontroller vid skolorna under året.\n\n"
    "Johan Ek   1:18\n"
    "Polisen ska, eh, fotpatrullera i centrum fredagar och lördagar.\n\n"
    "Karin Lindqvist stoppade transkriberingen\n"
)


def test_a_transcripts_turns_are_paragraphs_without_fillers_and_broken_off_sentences():
    assert clean(TRANSCRIPT) == (
        "Då kör vi. Löftet gäller under 2026.\n\n"
        "Det här gör polisen\n\n"  # a heading read aloud
        "Polisen ska genomföra minst tjugofem trafikkontroller vid skolorna under året.\n\n"
        "Polisen ska fotpatrullera i centrum fredagar och lördagar."
    )
    assert [(a.text[:40], a.responsible) for a in parse(TRANSCRIPT).activities] == [
        ("Polisen ska genomföra minst tjugofem tra", "police"),
        ("Polisen ska fotpatrullera i centrum fred", "police"),
    ]


def test_lines_of_names_and_times_out_of_order_or_without_words_are_no_transcript():
    program = "Anna Berg   13:30\nVälkommen.\n\nBo Ek   13:10\nLägesbilden, eh, i år.\n\n" * 2
    assert "eh" in clean(program)  # its times go back: a programme, kept as it is
    # no one speaks twice: a programme's items over what is done then
    programme = "Välkommen   13:30\nKaffe, eh, och bullar.\n\nLägesbilden   13:45\nPolisen.\n\n"
    assert "eh" in clean(programme + "Frågor   14:10\nAlla.\n")
    lone = "Anna Berg   0:04\nBo Ek   0:05\nCe Al   0:06\nDe Fo   0:07\n"
    assert clean(lone).split("\n") == ["Anna Berg 0:04", "Bo Ek 0:05", "Ce Al 0:06", "De Fo 0:07"]


NUMBERED = (
    "Förkortningar: KP = kommunpolis, TF = tekniska förvaltningen, LK = Lekebergs kommun.\n\n"
    "Polisens åtaganden\n"
    "Polisen åtar sig att (1) genomföra min. 15 trafikkontroller/år vid skolan, (2) "
    "fotpatrullera i centrum fre–lör kl. 21–01, samt (3) besöka fritidsgården ca 2 ggr/mån "
    "(KP).\n\n"
    "Kommunens åtaganden\n"
    "LK åtar sig att 1) ha fältgruppen ute i centrum 3 kvällar/v. inkl. fredagar och 2) byta "
    "ut belysningen i gångtunneln senast 2026-10-31 (TF).\n\n"
    "Resurser\n"
    "Polisen avsätter ca 2 patruller fre–lör, totalt ca 160 tim. under perioden.\n"
)


def test_a_sentence_numbering_its_clauses_inline_gives_an_activity_a_clause():
    document = parse(NUMBERED)
    assert [
        (a.text, a.responsible, a.target and (a.target.value, a.target.scope))
        for a in document.activities
    ] == [
        ("genomföra min. 15 trafikkontroller/år vid skolan", "police", (15, "year")),
        ("fotpatrullera i centrum fre–lör kl. 21–01", "police", None),
        ("besöka fritidsgården ca 2 ggr/mån (KP)", "police", (2, "month")),
        ("ha fältgruppen ute i centrum 3 kvällar/v. inkl. fredagar", "municipality", (3, "week")),
        ("byta ut belysningen i gångtunneln senast 2026-10-31", "municipality", None),
    ]
    # "min." and "st" are no part of a title; "Resurser" heads no activities, and what is set
    # aside ("avsätter ca 2 patruller") is no target
    assert document.activities[0].title == "Trafikkontroller"
    assert (
        parse("Polisen ska:\n- genomföra 2 st trygghetsvandringar/år\n").activities[0].title
        == "Trygghetsvandringar"
    )


@pytest.mark.parametrize(
    "text",
    [
        # a number written out and in digits is one number, never a clause's
        "Polisen och kommunen ska bjuda in till ett (1) öppet dialogmöte och två (2) "
        "trygghetsvandringar under året.",
        # one number only
        "Polisen åtar sig att (1) genomföra trafikkontroller vid skolan.",
    ],
)
def test_numbers_in_brackets_that_number_no_clauses_leave_the_sentence_whole(text):
    assert len(parse(f"Polisen ska:\n- a b c\n\n{text}\n").activities) <= 2
    assert not any(a.text.startswith(("öppet", "genomföra")) for a in parse(text).activities)


def test_the_yaml_header_document():
    document = read("blind/ljusnarsberg-2026-2028-markdown-yaml-huvud.txt")
    assert (str(document.start), str(document.end)) == ("2026-04-01", "2028-03-31")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att Ko"]
    assert owners_and_targets(document) == [
        ("Polisen genomför hastighets- o", "police", ("at_least", 20)),
        ("Poliser fotpatrullerar i centr", "police", None),
        ("Kommunens fältassistenter är u", "municipality", ("count", 3)),
        ("Tekniska avdelningen byter ut ", "municipality", None),
        ("Polisen och kommunen bjuder in", "joint", ("count", 2)),
        ("Kommunpolisen och fältassisten", "joint", ("count", 4)),
        ("Nattvandrarna går i centrum va", "other", None),
    ]


def test_the_transcript_document():
    document = read("blind/degerfors-2026-2027-upplast-transkribering.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att De"]
    assert owners_and_targets(document) == [
        ("Polisen ska genomföra minst tj", "police", ("at_least", 25)),
        ("Polisen ska fotpatrullera i ce", "police", None),
        ("Kommunpolisen ska besöka friti", "police", ("count", 1)),
        ("Kommunen ska ha fältassistente", "municipality", ("count", 3)),
        ("Kommunen ska byta ut belysning", "municipality", None),
        ("Kommunen ska ordna drogfria ak", "municipality", ("at_least", 6)),
        ("Vi gör två trygghetsvandringar", "joint", ("count", 2)),
        ("Och vi bjuder in till ett öppe", "joint", ("count", 1)),
    ]


def test_the_memo_document():
    document = read("blind/lekeberg-2026-2027-pm-forkortningar.txt")
    assert (str(document.start), str(document.end)) == ("2026-03-01", "2027-02-28")
    assert owners_and_targets(document) == [
        ("genomföra min. 15 trafikkontro", "police", ("at_least", 15)),
        ("fotpatrullera i Fjugesta centr", "police", None),
        # "ca 2 ggr/mån" is read as at least, as "ca 20 gånger" and "cirka 30 tillfällen" are
        ("besöka fritidsgården Kvarnen c", "police", ("at_least", 2)),
        ("ha FG ute i centrum 3 kvällar/", "municipality", ("count", 3)),
        ("byta ut belysningen i gångtunn", "municipality", None),
        ("erbjuda sommarjobb till ungdom", "municipality", None),
        ("genomföra 2 st trygghetsvandri", "joint", ("count", 2)),
        ("hålla ett öppet medborgarmöte ", "joint", ("count", 1)),
        ("Föreningen Nattvandrarna Lekeb", "other", None),
    ]
