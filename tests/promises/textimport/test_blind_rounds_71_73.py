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
