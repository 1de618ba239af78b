"""The rules learnt from the blind rounds 86 to 88 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from, and the documents
read right at their first reading kept so."""

import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 86: a councillor's motion quoting the promise, a site's YAML data file, a dialogue
# meeting's poll results over the promise.


def test_the_motion_quoting_the_promise():
    document = read("blind/torsas-2026-motion-kf.txt")
    assert [p.text[:30] for p in document.promises] == ["Torsås kommun och lokalpolisom"]
    assert owners_and_targets(document) == [
        ("genomföra minst 15 trafikkontr", "police", ("at_least", 15)),
        ("vara synlig vid busstationen i", "police", None),
        ("besöka årskurs 8 på Torsås sko", "police", None),  # "per termin"
        ("ha fältassistenter ute i Torså", "municipality", ("count", 2)),
        ("byta ut trasig belysning i gån", "municipality", None),
        ("bjuda in till fyra föräldraträ", "municipality", ("count", 4)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("följa upp löftet i kommunens b", "joint", None),
    ]
    # The motion's own proposals ("att kommunstyrelsen ges i uppdrag att …") are no activities.
    assert not any("uppdrag" in a.text for a in document.activities)


YAML_DATA = (
    "# data/medborgarlofte.yml\n"
    "titel: Medborgarlöfte för Skutskär 2026\n"
    "giltig_fran: 2026-01-01\n"
    "giltig_till: 2026-12-31\n"
    "lofte: >\n"
    "  Vi lovar att arbeta för en trygg station.\n"
    "aktiviteter:\n"
    "  - titel: Kontroller\n"
    "    beskrivning: Polisen genomför minst 30 kontroller av mopeder per år.\n"
    "    ansvarig: Polisen\n"
    "  - titel: Fältassistenter\n"
    "    beskrivning: |\n"
    "      Kommunens fältassistenter är ute\n"
    "      tre kvällar i veckan.\n"
    "    ansvarig: Kommunen\n"
    "    mal: null\n"
)


def test_a_yaml_data_file_is_read_as_its_fields():
    cleaned = clean(YAML_DATA)
    assert "giltig_fran" not in cleaned and "- titel" not in cleaned and "#" not in cleaned
    document = parse(YAML_DATA)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för en trygg station."]
    assert [(a.title, a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("Kontroller", "police", 30),
        ("Fältassistenter", "municipality", 3),
    ]
    assert document.activities[1].text == ("Kommunens fältassistenter är ute tre kvällar i veckan.")
    # Labels written with capitals, or a line of running text at the margin: no data file.
    labels = "Kommun: Skutskär\nPeriod: 2026\n- Polisen: genomför kontroller\n- Kommunen: x\n"
    assert clean(labels) == labels.strip()
    prose = YAML_DATA + "Vi hoppas att många vill vara med.\n"
    assert "aktiviteter:" in clean(prose)


def test_the_yaml_data_file():
    document = read("blind/alvkarleby-2026-2027-yaml-data.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att mi"]
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 30 kont", "police", ("at_least", 30)),
        ("Polisen är synlig vid Skutskär", "police", None),
        ("Polisen besöker årskurs 7 på R", "police", ("count", 2)),
        ("Kommunens fältassistenter är u", "municipality", ("count", 3)),
        ("Kommunen byter ut belysningen ", "municipality", None),
        ("Kommunen ordnar en information", "municipality", ("count", 1)),
        ("Polisen och kommunen genomför ", "joint", ("count", 2)),
        ("Löftet följs upp i det lokala ", "joint", None),
    ]
    assert [a.title for a in document.activities][:3] == [
        "Kontroller av mopeder och A-traktorer",
        "Närvaro vid stationen",
        "Skolbesök",
    ]


def test_the_poll_results_over_the_promise():
    document = read("blind/uppvidinge-2026-mentimeter-resultat.txt")
    # The poll's answers and their votes ("Fler trafikkontroller   38") are no activities.
    assert not any(a.target and a.target.value == 38 for a in document.activities)
    assert owners_and_targets(document) == [
        ("genomföra minst 25 hastighetsk", "police", ("at_least", 25)),
        ("vara synlig i Åseda centrum fr", "police", ("at_least", 2)),
        ("informera om narkotika på förä", "police", ("count", 1)),
        ("ha fältassistenter ute i Åseda", "municipality", None),
        ("sätta upp två nya hastighetsdi", "municipality", ("count", 2)),
        ("bjuda in till tre informations", "municipality", ("count", 3)),
        ("genomföra fyra trygghetsvandri", "joint", ("count", 4)),
        ("följa upp löftet i kommunens t", "joint", ("count", 2)),
    ]


# Round 87: a news feed's RSS with the page's HTML escaped in it, an AI assistant's summary
# pasted with the question asked, a decision amending the promise with its new wording.


def test_the_rss_feed():
    document = read("blind/lidingo-2026-rss-flode.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att mi"]
    assert owners_and_targets(document) == [
        ("Genomför minst 20 riktade insa", "police", ("at_least", 20)),
        ("Är synlig vid Lidingö centrum ", "police", None),
        ("Håller två informationsmöten o", "police", ("count", 2)),
        ("Har fältassistenter ute vid Li", "municipality", ("count", 3)),  # "staden"
        ("Ser över belysningen i gångtun", "municipality", None),
        ("Stöttar grannsamverkan med sky", "municipality", None),
        ("Genomför två trygghetsvandring", "joint", ("count", 2)),
        ("Följer upp löftet i det lokala", "joint", None),
    ]
    # The feed's other news ("Staden plogar nu 38 mil gator") is no activity.
    assert not any("plogar" in a.text for a in document.activities)


def test_the_assistants_summary():
    document = read("blind/nordanstig-2026-copilot-sammanfattning.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för säkrar"]
    assert owners_and_targets(document) == [
        ("Hastighetskontroller – genomfö", "police", ("at_least", 20)),
        ("Synlighet i Bergsjö – fotpatru", "police", None),
        ("Skolbesök – besöka Bergsjö sko", "police", None),
        ("Fältassistenter – ha fältassis", "municipality", ("count", 2)),
        ("Fritidsgård – hålla fritidsgår", "municipality", None),
        ("Föräldraträffar – anordna tre ", "municipality", ("count", 3)),
        ("Trygghetsvandringar – genomför", "joint", ("count", 2)),
        ("Uppföljning – följa upp löftet", "joint", None),
    ]


def test_the_decision_amending_the_promise():
    document = read("blind/ornskoldsvik-2026-2027-andringsbeslut.txt")
    # The list of changes ("Aktivitet 2 ändras från …", "… utgår") is no activity.
    assert not any("ändras" in a.text or "utgår" in a.text for a in document.activities)
    assert owners_and_targets(document) == [
        ("fotpatrullera på Stora torget ", "police", None),
        ("genomföra minst 40 trafikkontr", "police", ("at_least", 40)),  # the new wording
        ("besöka högstadieskolorna i Örn", "police", ("count", 2)),
        ("ha fältassistenter ute vid Gen", "municipality", ("count", 3)),
        ("byta ut belysningen i gångtunn", "municipality", None),
        ("bjuda in till sex föräldraträf", "municipality", ("count", 6)),
        ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
        ("följa upp löftet i det brottsf", "joint", ("count", 2)),
    ]


# Round 88: a Word document printed with its formatting marks, a sheet printed over two pages
# (its last columns on the second), a text-message thread.

MARKED = (
    "Polisen·ska:¶\n"
    "•→genomföra·minst·12·trafikkontroller·per·år¶\n"
    "¶\n"
    "........................Sidbrytning........................¶\n"
    "Kommunen·ska:¶\n"
    "•→ha·fältassistenter·ute·två·kvällar·i·veckan¶\n"
)


def test_words_formatting_marks_are_read_as_what_they_stand_for():
    assert clean(MARKED) == (
        "Polisen ska:\n• genomföra minst 12 trafikkontroller per år\n\n"
        "Kommunen ska:\n• ha fältassistenter ute två kvällar i veckan"
    )
    document = parse(MARKED)
    assert [(a.responsible, a.target.value) for a in document.activities] == [
        ("police", 12),
        ("municipality", 2),
    ]
    # Fewer than three paragraph marks: the text's own "·" and "¶" are left as they are.
    kept = "Plats:·Folkets hus → Stora salen¶\nSe ¶ 4 i avtalet."
    assert clean(kept) == kept


def test_the_document_printed_with_its_formatting_marks():
    document = read("blind/grums-2026-word-formateringstecken.txt")
    assert "·" not in document.text and "¶" not in document.text
    assert "Sidbrytning" not in document.text
    assert owners_and_targets(document) == [
        ("genomföra minst 12 trafikkontr", "police", ("at_least", 12)),
        ("vara synlig vid resecentrum på", "police", None),
        ("besöka Grums högstadieskola i ", "police", ("count", 2)),
        ("ha fältassistenter ute i centr", "municipality", ("count", 2)),
        ("anordna minst åtta drogfria ak", "municipality", ("at_least", 8)),
        ("ta bort klotter inom 24 timmar", "municipality", None),
        ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
        ("följa upp löftet i Grums trygg", "joint", ("count", 2)),
    ]
    # The signature block is read with the marks read too.
    assert document.signing_place == "Grums"
    assert [(s.name, s.title) for s in document.signatories] == [
        ("Anna Persson", "Kommunstyrelsens ordförande"),
        ("Mats Eriksson", "Lokalpolisområdeschef"),
    ]


WIDE_SHEET = (
    "Nr   Aktivitet                           Ansvarig\n"
    "1    Hastighetskontroller på Dejevägen   Polisen\n"
    "2    Fotpatrullering i centrum           Polisen\n"
    "3    Föräldraträffar om droger           Kommunen\n"
    "\n"
    "Aktivitetsplan.xlsx                          Sida 1 av 2\n"
    "\f"
    "Nr   Mål                  Uppföljning\n"
    "1    minst 30 per år      Statistik\n"
    "2    varje fredagskväll   Loggbok\n"
    "3    4 per år             Kallelser\n"
)


def test_a_sheets_columns_printed_on_a_page_of_their_own_go_on_its_rows():
    document = parse(WIDE_SHEET)
    assert [(a.title, a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("Hastighetskontroller på Dejevägen", "police", 30),
        ("Fotpatrullering i centrum", "police", None),
        ("Föräldraträffar om droger", "municipality", 4),
    ]
    # One page alone, its rows numbered: read as the table it is, without the numbers.
    first_page = WIDE_SHEET.split("\n\n")[0]
    assert [a.title for a in parse(first_page).activities] == [
        "Hastighetskontroller på Dejevägen",
        "Fotpatrullering i centrum",
        "Föräldraträffar om droger",
    ]
    # Another page numbered otherwise is another table: its cells join no row.
    renumbered = WIDE_SHEET.replace("3    4 per år", "4    4 per år")
    assert [a.target for a in parse(renumbered).activities] == [None, None, None]


def test_the_sheet_printed_over_two_pages():
    document = read("blind/forshaga-2026-2027-excel-kolumner-tva-sidor.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för en try"]
    assert owners_and_targets(document) == [
        ("Hastighetskontroller på Dejevä", "police", ("at_least", 30)),
        ("Fotpatrullering i Forshaga cen", "police", None),
        ("Besök i årskurs 8 på Forshaga ", "police", ("count", 2)),
        ("Fältassistenter ute kvällstid ", "municipality", ("count", 3)),
        ("Ny belysning vid Deje station", "municipality", None),
        ("Föräldraträffar om droger", "municipality", ("count", 4)),
        ("Trygghetsvandringar", "joint", ("count", 2)),
        ("Uppföljning i Brå", "joint", None),
    ]


THREAD = (
    "Hej Lena! Här är polisens punkter till löftet, kan du lägga in dem?\n\n"
    "1. Minst 15 trafikkontroller på väg 392 under året\n"
    "2. Synas vid skolan vid skolstarten\n\n"
    "Absolut! Kommunens del blir så här:\n"
    "- sex drogfria ungdomskvällar under året\n"
    "Levererat\n\n"
    "Bra! Och gemensamt:\n"
    "- uppföljning i Brå två gånger per år\n\n"
    'Japp. Löftet skriver jag som "Vi lovar att arbeta för säkrare trafik." Det gäller 2026\n'
    "Läst 14:21\n"
)


def test_a_messages_words_over_a_list_name_the_party_whose_items_follow():
    assert "Levererat" not in clean(THREAD) and "Läst" not in clean(THREAD)
    document = parse(THREAD)
    assert [(a.text[:19], a.responsible) for a in document.activities] == [
        ("Minst 15 trafikkont", "police"),
        ("Synas vid skolan vi", "police"),
        ("sex drogfria ungdom", "municipality"),
        ("uppföljning i Brå t", "joint"),
    ]
    # The promise written in the message, in quotation marks: its words.
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för säkrare trafik."]
    # One delivery mark alone, and "Skickat:" of an e-mail's head, are kept.
    assert clean("Skickat: den 14 december\nLäst\n") == "Skickat: den 14 december\nLäst"


def test_the_text_message_thread():
    document = read("blind/overkalix-2026-sms-trad.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för säkrar"]
    assert owners_and_targets(document) == [
        ("Minst 15 trafikkontroller på v", "police", ("at_least", 15)),
        ("Synas vid skolan i Överkalix v", "police", None),
        ("Besöka årskurs 9 en gång per t", "police", None),  # "per termin"
        ("fältassistent ute fredag- och ", "municipality", None),  # "varannan helg"
        ("sex drogfria ungdomskvällar i ", "municipality", ("count", 6)),
        ("ny belysning på gångvägen vid ", "municipality", None),
        ("två trygghetsvandringar under ", "joint", ("count", 2)),
        ("uppföljning i Brå två gånger p", "joint", ("count", 2)),
    ]
    assert document.activities[5].text == "ny belysning på gångvägen vid Tallåsen"


# Costly inputs for the new rules, each cut to 199,000 characters: read in seconds.

N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "yaml records": "titel: Plan\naktiviteter:\n"
    + _repeated("  - titel: Kontroller\n    beskrivning: Polisen gör minst 4 per år.\n"),
    "yaml block scalars": "titel: Plan\nlofte: |\n" + _repeated("  Vi lovar att arbeta.\n"),
    "yaml keys alone": "titel: Plan\n" + _repeated("- a: b\nc:\n"),
    "formatting marks": _repeated("•→genomföra·minst·12·kontroller¶\n"),
    "shown spaces": "a¶\nb¶\nc¶\n" + _repeated("x··"),
    "shown page breaks": "a¶\nb¶\nc¶\n" + _repeated("....") + "Sidbrytning",
    "numbered sheets": _repeated(
        "Nr   Aktivitet   Ansvarig\n1   Kontroller   Polisen\n2   A   B\n"
    ),
    "sheet pages": "Nr   Aktivitet   Ansvarig\n1   Kontroller   Polisen\n2   A   B\n"
    + _repeated("Nr   Mål   Uppföljning\n1   minst 4   x\n2   3 per år   y\n"),
    "renumbered pages": _repeated(
        "Nr   Aktivitet   Ansvarig\n1   K   P\n2   A   B\nNr   Mål   X\n3   4   x\n4   3   y\n"
    ),
    "message leads": _repeated("Absolut! Kommunens del blir så här:\n- två kvällar i veckan\n"),
    "message openings": _repeated("Ja! " * 40 + "Och gemensamt?\n- x\n"),
    "blank lines under leads": _repeated("Bra! Och gemensamt:\n" + "\n" * 50),
    "delivery marks": _repeated("Levererat\nLäst 14:21\n"),
    "quoted wording": _repeated('Löftet skriver jag som "Vi lovar att arbeta för trygghet" '),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
