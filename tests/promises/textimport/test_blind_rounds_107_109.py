"""The rules learnt from the blind rounds 107 to 109 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

import datetime
import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 107: a text translated back from English, a text with HTML entities and no tags, a
# pivot table.

TRANSLATED = (
    "Vårt löfte\n"
    "Vi lovar att arbeta tillsammans för att göra torget tryggt.\n"
    "\n"
    "Vad polisen kommer att göra\n"
    "- Polisen kommer att leverera minst 20 insatser under löftets period.\n"
    "\n"
    "Vad staden kommer att göra\n"
    "- Staden kommer att arrangera minst 5 aktiviteter på en årlig basis.\n"
    "\n"
    "Vad vi kommer att göra tillsammans\n"
    "- Tillsammans vi kommer att genomföra två promenader under varje år.\n"
)


def test_a_text_translated_back_from_english_is_read_by_its_headings():
    document = parse(TRANSLATED)
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta tillsammans för att göra torget tryggt."
    ]
    assert [
        (a.responsible, a.target and (a.target.comparator, a.target.value, a.target.scope))
        for a in document.activities
    ] == [
        ("police", ("at_least", 20, "period")),
        ("municipality", ("at_least", 5, "year")),
        ("joint", ("count", 2, "year")),
    ]
    # "på en månatlig basis" is a month's, "på veckobasis" a week's.
    for words, scope in (("på en månatlig basis", "month"), ("på veckobasis", "week")):
        document = parse(f"Polisen ska\n- genomföra 2 kontroller {words}\n- fotpatrullera\n")
        assert document.activities[0].target.scope == scope


def test_a_municipality_named_with_gor_heads_its_items():
    text = "Polisen gör\n– Fotpatrull två kvällar i veckan.\n\nUmeå kommun gör\n– Ny belysning.\n"
    assert [a.responsible for a in parse(text).activities] == ["police", "municipality"]


def test_the_text_translated_back_from_english():
    document = read("blind/goteborg-majorna-linne-2026-2027-bakoversattning.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 3, 1),
        datetime.date(2027, 2, 28),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta tillsammans för att "]
    # The translator's notes, above and below, are no activities.
    assert owners_and_targets(document) == [
        ("Polisen kommer att leverera mi", "police", ("at_least", 20)),
        ("Polisen kommer att fotpatrulle", "police", None),
        ("Polisen kommer att hålla en öp", "police", ("count", 1)),
        ("Staden kommer att installera b", "municipality", None),
        ("Staden kommer att ha fältassis", "municipality", ("count", 3)),
        ("Staden kommer att arrangera mi", "municipality", ("at_least", 5)),
        ("Tillsammans vi kommer att geno", "joint", ("count", 2)),
        ("Tillsammans vi kommer att rapp", "joint", None),
    ]


ENTITIES = (
    "Medborgarl&ouml;fte f&ouml;r Fosie\n"
    "Polisen ska\n"
    "&bull; genomf&ouml;ra minst 30 kontroller under &aring;ret\n"
    "&bull; bes&ouml;ka skolan&nbsp;&ndash; en g&aring;ng i m&aring;naden\n"
)


def test_html_entities_with_no_tags_are_read_as_their_characters():
    assert clean(ENTITIES) == (
        "Medborgarlöfte för Fosie\n"
        "Polisen ska\n"
        "• genomföra minst 30 kontroller under året\n"
        "• besöka skolan – en gång i månaden"
    )
    assert [(a.text, a.target.value) for a in parse(ENTITIES).activities] == [
        ("genomföra minst 30 kontroller under året", 30),
        ("besöka skolan – en gång i månaden", 1),
    ]
    # Two entities are no export: a company's "&amp;" and a "&lt;" stay as written.
    text = "Polisen &amp; kommunen ska göra 5 kontroller &lt; per år."
    assert clean(text) == text


def test_the_text_with_html_entities():
    document = read("blind/malmo-fosie-2026-html-entiteter.txt")
    assert "&" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Fosie ska va"]
    assert owners_and_targets(document) == [
        ("genomföra minst 30 trafikkontr", "police", ("at_least", 30)),
        ("fotpatrullera vid Nydala torg ", "police", None),
        ("besöka Lindeborgsskolan två gå", "police", None),
        ("röja buskage och byta belysnin", "municipality", None),
        ("ha fältsekreterare ute fyra kv", "municipality", ("count", 4)),
        ("ordna minst 6 föräldraträffar ", "municipality", ("at_least", 6)),
        ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
        ("berätta hur arbetet går på mal", "joint", None),
    ]


PIVOT = (
    "Radetiketter\tAntal av Aktivitet\tSumma av Antal\n"
    "Polisen\t2\t24\n"
    "\tGenomföra minst 24 kontroller per år\t1\t24\n"
    "\tFotpatrullera i centrum\t1\n"
    "Gemensamt\t1\t2\n"
    "\tGenomföra två trygghetsvandringar per år\t1\t2\n"
    "Totalsumma\t3\t26\n"
)


def test_a_pivot_table_is_read_as_its_groups_over_their_rows():
    assert clean(PIVOT) == (
        "Polisen\n"
        "• Genomföra minst 24 kontroller per år\n"
        "• Fotpatrullera i centrum\n"
        "\n"
        "Gemensamt\n"
        "• Genomföra två trygghetsvandringar per år"
    )
    assert [(a.responsible, a.target and a.target.value) for a in parse(PIVOT).activities] == [
        ("police", 24),
        ("police", None),
        ("joint", 2),
    ]
    # A table by tabs with no pivot header is read as it was.
    text = "Polisen\t2\n\tGenomföra 24 kontroller per år\t1\n"
    assert "•" not in clean(text)


def test_the_pivot_table():
    document = read("blind/uppsala-granby-2026-pivottabell.txt")
    assert "Totalsumma" not in document.text and "Radetiketter" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för ett tryggare Grä"]
    assert owners_and_targets(document) == [
        ("Genomföra minst 24 trafikkontr", "police", ("at_least", 24)),
        ("Fotpatrullera i Gränby centrum", "police", None),
        ("Träffa elevråden på högstadiet", "police", ("count", 8)),
        ("Ha fältassistenter i Gränby tr", "municipality", ("count", 3)),
        ("Byta belysning på gång- och cy", "municipality", None),
        ("Anordna minst 50 lovaktivitete", "municipality", ("at_least", 50)),
        ("Genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("Redovisa hur arbetet går på et", "joint", None),
    ]


# Round 108: the police's decision with the promise as its appendix, an e-service's receipt, a
# ticket in a service desk.

DECIDED = (
    "Beslut\n"
    "Lokalpolisområde Ryd ingår medborgarlöfte för Ryd enligt bilaga 1.\n"
    "\n"
    "Skäl för beslutet\n"
    "Löftet bygger på den gemensamma lägesbilden.\n"
    "\n"
    "Bilaga 1\n"
    "\n"
    "Medborgarlöfte Ryd 2026\n"
    "\n"
    "Vi lovar att arbeta tillsammans för att Ryd ska vara tryggt.\n"
    "\n"
    "Polisen åtar sig att\n"
    "1. genomföra minst 15 insatser under året\n"
    "2. fotpatrullera i centrum\n"
)


def test_a_decisions_sections_are_no_promise_and_working_together_is_one():
    document = parse(DECIDED)
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta tillsammans för att Ryd ska vara tryggt."
    ]
    assert [a.text for a in document.activities] == [
        "genomföra minst 15 insatser under året",
        "fotpatrullera i centrum",
    ]


def test_the_polices_decision():
    document = read("blind/linkoping-ryd-2026-2027-polisbeslut.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta tillsammans för att "]
    # The decision's "… ingår medborgarlöfte …" and its figures are no activities; the last
    # item's "ett öppet möte" is read as one over the period (written blind as no target).
    assert owners_and_targets(document) == [
        ("genomföra minst 15 insatser mo", "police", ("at_least", 15)),
        ("fotpatrullera kring Ryds centr", "police", ("count", 3)),
        ("delta på Ryds fritidsgård en g", "police", ("count", 1)),
        ("klippa ned buskage och förbätt", "municipality", None),
        ("ha fältassistenter ute i Ryd f", "municipality", ("count", 4)),
        ("erbjuda minst 40 sommarjobb ti", "municipality", ("at_least", 40)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("bjuda in till ett öppet möte o", "joint", ("count", 1)),
    ]


def test_the_e_services_receipt():
    document = read("blind/orebro-varberga-2026-e-tjanst-kvittens.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Varberga cen"]
    # "varje vecka" with no number is no target, as the rules say (written blind as one a week).
    assert owners_and_targets(document) == [
        ("Genomför minst 12 insatser mot", "police", ("at_least", 12)),
        ("Finns på plats vid Varberga sk", "police", None),
        ("Håller dialogmöten med föräldr", "police", None),
        ("Har fältassistenter i Varberga", "municipality", ("count", 5)),
        ("Rustar upp belysningen i gångt", "municipality", None),
        ("Ordnar minst 10 aktiviteter på", "municipality", ("at_least", 10)),
        ("Genomför trygghetsvandringar t", "joint", ("count", 2)),
        ("Berättar om arbetet på ett boe", "joint", None),
    ]


def test_the_service_desks_ticket():
    document = read("blind/vasteras-raby-2026-supportarende.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    # The ticket's comments ("I fjol stod det 20.") are no activities.
    assert owners_and_targets(document) == [
        ("genomför minst 25 trafikkontro", "police", ("at_least", 25)),
        ("fotpatrullerar i Råby centrum ", "police", None),
        ("besöker Vallbyskolans högstadi", "police", ("count", 1)),
        ("har fältare ute i Råby tre kvä", "municipality", ("count", 3)),
        ("rensar sly längs gångvägen mot", "municipality", None),
        ("ordnar minst 8 öppna idrottskv", "municipality", ("at_least", 8)),
        ("genomför två trygghetsvandring", "joint", ("count", 2)),
        ("berättar om hur det går på vas", "joint", None),
    ]


# Round 109: an intranet page with its chrome in English, a print file's text with its slug
# lines, a leaflet with a reply card to tear off.


def test_the_intranet_page_in_english_chrome():
    document = read("blind/helsingborg-dalhem-2026-2027-sharepoint-engelska.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 3, 1),
        datetime.date(2027, 2, 28),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Dalhem ska v"]
    assert owners_and_targets(document) == [
        ("genomföra minst 18 trafikkontr", "police", ("at_least", 18)),
        ("fotpatrullera kring Dalhems ce", "police", None),
        ("träffa ungdomar på fritidsgård", "police", ("count", 1)),
        ("ha fältsekreterare i Dalhem fy", "municipality", ("count", 4)),
        ("förbättra belysningen på gångv", "municipality", None),
        ("ordna minst 6 föräldravandring", "municipality", ("at_least", 6)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("berätta hur det går i Dalhemsb", "joint", None),
    ]


def test_the_print_file():
    document = read("blind/jonkoping-raslatt-2026-tryckfil-indd.txt")
    assert ".indd" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    # The housing company's item ("Bostadsbolaget Vätterhem bidrar med") is left unstated,
    # where it was written blind as another actor's.
    assert owners_and_targets(document) == [
        ("Genomför minst 20 narkotikakon", "police", ("at_least", 20)),
        ("Fotpatrullerar i centrum torsd", "police", None),
        ("Håller öppet hus på Råslätts b", "police", ("count", 1)),
        ("Anställer två extra fältassist", "municipality", None),
        ("Byter armaturer i parkleken oc", "municipality", None),
        ("Ordnar minst 12 aktiviteter fö", "municipality", ("at_least", 12)),
        ("Går trygghetsvandring på Råslä", "joint", ("count", 2)),
        ("Berättar om arbetet på ett öpp", "joint", None),
        ("Sätter upp ny belysning i tre ", "unstated", None),
    ]


SLIP = (
    "Polisen gör\n"
    "– Fotpatrull två kvällar i veckan.\n"
    "\n"
    "- - - - - - - ✂ Klipp här - - - - - - -\n"
    "\n"
    "SVARSKORT – Vad tycker du?\n"
    "☐ Fler poliser som går till fots\n"
    "☐ Bättre belysning\n"
    "Frankeras ej. Mottagaren betalar portot.\n"
)


def test_a_tear_off_reply_card_is_no_part_of_the_text():
    assert clean(SLIP) == "Polisen gör\n– Fotpatrull två kvällar i veckan."
    # A cut line over more of the text drops only the line.
    text = "Vårt löfte\n- - - - ✂ - - - -\nPolisen gör 5 kontroller per år.\n"
    assert clean(text) == "Vårt löfte\nPolisen gör 5 kontroller per år."
    # "Klipp ut och spara" in a sentence is no cut line.
    text = "Klipp ut och spara lappen.\nFrankeras ej."
    assert clean(text) == text


def test_the_leaflet_with_a_reply_card():
    document = read("blind/umea-ersboda-2026-svarskort.txt")
    assert "SVARSPOST" not in document.text and "Klipp" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    # "varje månad" with no number is no target, as the rules say (written blind as one a month).
    assert owners_and_targets(document) == [
        ("Minst 16 insatser mot langning", "police", ("at_least", 16)),
        ("Fotpatrull i Ersboda centrum t", "police", ("count", 2)),
        ("Kommunpolisen besöker Ersbodas", "police", None),
        ("Fältassistenter på Ersboda tre", "municipality", ("count", 3)),
        ("Ny belysning längs gångvägen m", "municipality", None),
        ("Minst 4 nattvandrarutbildninga", "municipality", ("at_least", 4)),
        ("Trygghetsvandringar på Ersboda", "joint", ("count", 2)),
        ("Ett öppet möte om hur det går,", "joint", None),
    ]


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "html entities": _repeated("&ouml;&#8226;&amp&nbsp;&x;"),
    "pivot rows": "Radetiketter\tAntal\n" + _repeated("Polisen\t1\t2\n\tx\t1 2 3\t\t4\n"),
    "pivot sums": "Radetiketter\tAntal\n\tx" + "\t1" * (N // 2),
    "cut lines": _repeated("- - - ✂ x\n"),
    "cut lines with no dashes": _repeated("✂ klipp här\n"),
    "dashes with no scissors": _repeated("- " * 500 + "\n"),
    "translated headings": _repeated("Vad polisen kommer att göra\n- x på en årlig basis\n"),
    "decision headings": _repeated("Beslut\nSaken\nSkäl för beslutet\nx\n"),
    "working together": _repeated("Vi lovar att arbeta tillsammans för x. "),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
