"""The rules learnt from the blind rounds 77 to 79 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 77: a council's minutes with the promise as an attachment, a spreadsheet's rows with a
# column of promises, a rural municipality's villages as sub-headings.


def test_the_councils_minutes_give_the_attachments_activities_only():
    document = read("blind/amal-2027-2028-kf-protokoll-yrkanden.txt")
    assert [p.text[:40] for p in document.promises] == ["Åmåls kommun och lokalpolisområde Dalsla"]
    # The motion ("yrkar att polisen ska genomföra minst 40 …") and the reservation are no
    # activities, nor is the notice's "Datum då anslaget tas ned".
    assert owners_and_targets(document) == [
        ("genomföra minst 25 narkotikako", "police", ("at_least", 25)),
        ("fotpatrullera på Kungsgatan fr", "police", None),
        ("besöka Kristinebergsskolan min", "police", ("at_least", 8)),
        ("ha fältassistenter ute i centr", "municipality", ("count", 3)),
        ("se över belysningen i Badhuspa", "municipality", ("at_least", 20)),
        ("ordna drogfria aktiviteter för", "municipality", None),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("följa upp löftet i Brå-gruppen", "joint", None),  # "varje tertial"
    ]


CSV_WITH_PROMISES = (
    "Medborgarlöfte Gullspång 2027;;;;\n;;;;\n"
    "Löfte;Aktivitet;Ansvarig;Mål;Uppföljning\n"
    "Tryggare Hova centrum;Fotpatrullering på torget;Polisen;minst 30 kvällar per år;Tertialvis\n"
    "Tryggare Hova centrum;Ny belysning i gångtunneln;Kommunen;;Klart juni 2027\n"
    "Säkrare skolvägar;Hastighetskontroller vid skolan;Polisen;minst 2 per månad;Tertialvis\n"
)


def test_a_spreadsheets_rows_with_a_column_of_promises_are_read():
    # The empty cells after a line's only one ("…2027;;;;") are no part of it.
    assert clean(CSV_WITH_PROMISES).startswith("Medborgarlöfte Gullspång 2027\n\nLöfte\nAktivitet")
    document = parse(CSV_WITH_PROMISES)
    assert [p.text for p in document.promises] == ["Tryggare Hova centrum", "Säkrare skolvägar"]
    assert [
        (a.title, a.responsible, a.promise_indexes, a.target and a.target.value)
        for a in document.activities
    ] == [
        ("Fotpatrullering på torget", "police", [0], 30),
        ("Ny belysning i gångtunneln", "municipality", [0], None),
        ("Hastighetskontroller vid skolan", "police", [1], 2),
    ]
    # Under no header naming the activity's column, semicolons are prose's.
    assert parse(CSV_WITH_PROMISES.replace(";Aktivitet;", ";Vad;")).activities == []


def test_the_spreadsheet_with_a_column_of_promises():
    document = read("blind/gullspang-2027-csv-lofteskolumn.txt")
    assert [p.text for p in document.promises] == [
        "Tryggare Hova centrum",
        "Säkrare trafik vid skolorna",
    ]
    assert [a.promise_indexes for a in document.activities] == [[0]] * 4 + [[1]] * 3
    assert document.activities[3].responsible_other == "Nattvandrarna i Hova"


def test_a_validity_sentence_under_the_promise_is_no_promise_when_the_title_gave_the_year():
    document = parse(
        "Medborgarlöfte 2027\n\nVårt löfte\nVi lovar att arbeta för att alla ska känna sig "
        "trygga.\n\nLöftet gäller under 2027.\n\nSå här gör vi i de olika delarna av kommunen\n\n"
        "Borgafjäll\n- Polisen genomför minst 12 trafikkontroller under året.\n"
    )
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta för att alla ska känna sig trygga."
    ]
    assert [(a.responsible, a.target.value) for a in document.activities] == [("police", 12)]


def test_the_rural_municipality_with_its_villages():
    document = read("blind/dorotea-2027-byarna.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att al"]
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 12 traf", "police", ("at_least", 12)),
        ("Kommunen håller fritidsgården ", "municipality", ("count", 4)),
        ("Polisen och kommunen bjuder in", "joint", ("count", 1)),
        ("Polisen genomför 8–10 kontroll", "police", None),  # a range
        ("Kommunen och Borgafjälls byafö", "municipality", None),
        ("Polisen besöker Risbäck och La", "police", None),  # "minst var tredje vecka"
        ("Kommunens fältassistent är med", "municipality", None),  # "1–2 gånger per termin"
        ("Byaföreningen i Avaträsk ordna", "other", ("count", 1)),
        ("Polisen håller öppet i polisen", "police", None),
        ("Kommunen och polisen går igeno", "joint", None),
    ]


# Round 78: a leaflet in Swedish and Polish, a plan's table with rows naming its promises and
# a target column for each year, an e-mail's reply over its earlier drafts.


def test_polish_lines_are_dropped():
    text = (
        "Polisen ska:\nPolicja będzie:\n"
        "• genomföra minst 20 trafikkontroller under året\n"
        "• przeprowadzić co najmniej 20 kontroli drogowych w ciągu roku\n"
        "Kontakta kommunpolis Tomasz Nowak, 114 14.\n"
    )
    assert clean(text) == (
        "Polisen ska:\n• genomföra minst 20 trafikkontroller under året\n"
        "Kontakta kommunpolis Tomasz Nowak, 114 14."
    )


def test_the_leaflet_in_swedish_and_polish():
    document = read("blind/astorp-2027-svenska-polska.txt")
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att det ska vara"]
    assert len(document.activities) == 6
    assert not any("ą" in a.text or "ę" in a.text for a in document.activities)


YEARLY_TABLE = (
    "Aktivitet\tAnsvarig\tMål 2027\tMål 2028\n"
    "Löfte 1: Tryggare centrum\t\t\t\n"
    "Fotpatrullering i centrum\tPolisen\tminst 40 kvällar\tminst 40 kvällar\n"
    "Löfte 2: Färre unga i narkotika\t\t\t\n"
    "Narkotikakontroller\tPolisen\tminst 15\tminst 20\n"
    "Kontrollköp av alkohol\tKommunen\t10\t10\n"
)


def test_a_tables_rows_naming_promises_and_its_targets_year_by_year():
    document = parse(YEARLY_TABLE)
    assert [p.text for p in document.promises] == ["Tryggare centrum", "Färre unga i narkotika"]
    assert [
        (a.title, a.promise_indexes, a.target and (a.target.value, a.target.scope))
        for a in document.activities
    ] == [
        ("Fotpatrullering i centrum", [0], (40, "year")),  # the same each year: per year
        ("Narkotikakontroller", [1], None),  # 15 one year, 20 the next: one target cannot say
        ("Kontrollköp av alkohol", [1], (10, "year")),  # a noun whose plural is its own
    ]
    assert document.activities[1].uncertain


def test_the_plan_with_promise_rows_and_yearly_targets():
    document = read("blind/surahammar-2027-2028-tabell-loftesrader.txt")
    assert [p.text for p in document.promises] == [
        "Tryggare centrum kvällstid",
        "Minskad langning och narkotika bland unga",
    ]
    assert owners_and_targets(document) == [
        ("Fotpatrullering i centrum fred", "police", ("at_least", 40)),
        ("Fältassistenter ute vid Kultur", "municipality", ("count", 3)),
        ("Ny belysning på Köpingsvägen", "municipality", None),
        ("Trygghetsvandringar med boende", "joint", ("count", 2)),
        ("Narkotikakontroller i Virsbo o", "police", None),  # "minst 15" | "minst 20"
        ("Kontrollköp av alkohol och tob", "municipality", ("count", 10)),
        ("Föräldraträffar om droger i år", "joint", ("count", 2)),
    ]


REPLY = (
    "Ämne: SV: Medborgarlöfte 2027\n\nHär är den slutliga texten.\n\n"
    "Polisen ska\n- genomföra minst 30 trafikkontroller under året\n- besöka skolan\n"
    "Kommunen ska\n- ordna en drogfri midsommarfest\n\n"
    "-----Ursprungligt meddelande-----\nFrån: Per Nilsson\n\n"
    "Polisen ska\n- genomföra minst 20 trafikkontroller under året\n"
)


def test_a_replys_earlier_messages_are_dropped_when_the_reply_holds_the_list():
    assert [a.text[:30] for a in parse(REPLY).activities] == [
        "genomföra minst 30 trafikkontr",
        "besöka skolan",
        "ordna en drogfri midsommarfest",
    ]
    # A reply of a line over the promise it answers keeps the promise below.
    short = "Tack, ser bra ut!\n\n-----Ursprungligt meddelande-----\n" + REPLY.split("\n\n", 2)[2]
    assert len(parse(short).activities) == 4


def test_the_e_mail_with_its_earlier_drafts():
    document = read("blind/sorsele-2027-mejl-tidigare-versioner.txt")
    assert len(document.promises) == 1
    assert owners_and_targets(document) == [
        ("genomföra minst 30 trafikkontr", "police", ("at_least", 30)),
        ("vara på plats i Ammarnäs under", "police", None),
        ("besöka Sorsele skola två gånge", "police", None),  # "per termin"
        ("anställa fyra sommarvärdar som", "municipality", None),
        ("ordna en drogfri midsommarfest", "municipality", ("count", 1)),
        ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
    ]


# Round 79: what residents said and what is done about it, with footnotes; a plan's present
# and wished-for state; a page in two columns, Swedish and English.


def test_what_residents_said_goes_and_what_is_done_loses_its_label():
    text = (
        "Ni sa: Det körs för fort.\nVi gör: Polisen genomför minst 24 kontroller under året.[1]\n\n"
        "Ni sa: Det är mörkt.\nVi gör: Kommunen byter belysningen i tunneln.[2]\n\n"
        "[1] Förra året gjordes 14 kontroller.\n[2] Klart i april.\n"
    )
    assert clean(text) == (
        "Polisen genomför minst 24 kontroller under året.\n\nKommunen byter belysningen i tunneln."
    )
    # One pair alone, or notes whose marks are not in the text, are kept as written.
    assert clean(text.split("\n\n")[0]).startswith("Ni sa:")
    assert "[1] Förra" in clean("Text.\n[1] Förra året.\n[2] Klart i april.\n")


def test_the_page_of_what_residents_said():
    document = read("blind/karlsborg-2027-ni-sa-vi-gor.txt")
    assert "Ni sa:" not in document.text and "[1]" not in document.text
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 24 hast", "police", ("at_least", 24)),
        ("Kommunen byter belysningen i g", "municipality", None),
        ("Kommunen håller fritidsgården ", "municipality", None),  # "minst var tredje fredag"
        ("Polisen fotpatrullerar i Möllt", "police", None),  # "8–10 gånger"
        ("Polisen genomför riktade insat", "police", None),  # "under juni–augusti"
        ("Polisen och kommunen bjuder in", "joint", ("count", 2)),
        ("Kommunen sanerar klotter inom ", "municipality", None),  # "ca 50 % av skolorna"
    ]


def test_a_plans_present_and_wished_for_state_are_no_promise_and_no_activity():
    document = read("blind/essunga-2027-2028-nulage-onskat-lage.txt")
    assert [p.text for p in document.promises] == [
        "Trygg trafik i Nossebro",
        "Färre unga i kontakt med narkotika",
    ]
    assert not any(a.text.startswith(("I Lupp", "Högst", "Andelen")) for a in document.activities)
    assert len(document.activities) == 7


LANGUAGES = (
    "Svenska\tEnglish\nVårt löfte\tOur promise\n"
    "Vi lovar att arbeta för ett tryggare centrum.\tWe promise to work for a safer centre.\n"
    "Polisen ska:\tThe police will:\n"
    "genomföra minst 25 kontroller under året\tcarry out at least 25 checks\n"
    "fotpatrullera i centrum\tpatrol on foot in the centre\n"
)


def test_a_page_in_two_columns_by_language_is_read_by_its_swedish_column():
    assert clean(LANGUAGES) == (
        "Vårt löfte\nVi lovar att arbeta för ett tryggare centrum.\nPolisen ska:\n"
        "• genomföra minst 25 kontroller under året\n• fotpatrullera i centrum"
    )
    document = parse(LANGUAGES)
    assert [(a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("police", 25),
        ("police", None),
    ]
    # Two columns of Swedish text are a table, not a translation.
    assert "Vårt löfte\tOur promise" not in clean(LANGUAGES.replace("English", "Svenska"))


def test_the_page_in_swedish_and_english_columns():
    document = read("blind/burlov-2027-svenska-english-tabell.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för ett tr"]
    assert [a.responsible for a in document.activities] == [
        *["police"] * 2,
        *["municipality"] * 3,
        *["joint"] * 2,
    ]


# Costly inputs for the new rules, each cut to 199,000 characters: read in seconds.

N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "semicolons after a word": "x" + ";" * N,
    "rows of semicolons": _repeated("Medborgarlöfte 2027;;;;\n;;;;\n"),
    "rows with a column of promises": "Löfte;Aktivitet;Ansvarig;Mål\n"
    + _repeated("Tryggare centrum;Trygghetsvandring;Polisen;2 per år\n"),
    "section rows": "Aktivitet\tAnsvarig\tMål 2027\tMål 2028\n"
    + _repeated("Löfte 1: Centrum\t\t\t\nFotpatrullering\tPolisen\tminst 40\tminst 30\n"),
    "yearly targets": "Aktivitet\tAnsvarig\tMål 2027\tMål 2028\tMål 2029\n"
    + _repeated("Kontrollköp\tKommunen\t10\t10\t10\n"),
    "earlier messages": _repeated("- a\n-----Ursprungligt meddelande-----\n"),
    "dashes before words": _repeated("-" * 1000 + " ursprungligt meddelande\n"),
    "footnotes": _repeated("Polisen gör minst 2 kontroller.[1]\n[1] Anm.\n"),
    "said and done": _repeated("Ni sa: Det körs fort.\nVi gör: Polisen genomför 2 kontroller.\n"),
    "language columns": "Svenska\tEnglish\n"
    + _repeated("Polisen ska:\tThe police will:\ngenomföra två kontroller\tcarry out checks\n"),
    "spaces around a language": _repeated(" " * 5000 + "svenska\t" + " " * 5000 + "x\n"),
    "polish lines": _repeated("Policja będzie:\n• przeprowadzić co najmniej 20 kontroli\n"),
    "validity under the promise": "Vårt löfte\n" + _repeated("Löftet gäller under 2027.\n"),
    "present state": _repeated("Nuläge\n38 % kör för fort.\n\nÖnskat läge\nHögst 20 %.\n\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
