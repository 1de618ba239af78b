"""The rules learnt from the blind rounds 80 to 82 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 80: a page in Swedish over its Finnish translation, activities with the year's dates
# listed, a PDF's table over two pages with its cells wrapped.


def test_the_page_over_its_finnish_translation_reads_the_swedish_items_only():
    document = read("blind/upplands-vasby-2027-svenska-finska.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att Vä"]
    assert owners_and_targets(document) == [
        ("genomföra minst 30 fotpatrulle", "police", ("at_least", 30)),
        ("genomföra minst 20 trafikkontr", "police", ("at_least", 20)),
        ("besöka högstadieskolorna i Väs", "police", None),  # "per termin"
        ("ha fältassistenter ute i centr", "municipality", None),
        ("förbättra belysningen i gångtu", "municipality", None),
        ("ordna minst tolv drogfria kväl", "municipality", ("at_least", 12)),
        ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
        ("följa upp löftet i det lokala ", "joint", None),
    ]


DATED = (
    "Aktiviteter och datum\n\n"
    "Trygghetsvandringar (polisen och kommunen tillsammans)\n"
    "Vi går med boende och tittar på belysningen.\n"
    "Datum: 17 mars, 21 april, 15 september och 20 oktober. Samling kl. 18.00.\n\n"
    "Föräldravandringar (kommunen)\n"
    "Fältassistenterna går i centrum med föräldrar.\n"
    "Datum: fredagarna 6/2, 6/3, 3/4 och 8/5.\n\n"
    "Fritidsgården Kåken (kommunen)\n"
    "Fritidsgården har öppet tisdag–fredag kl. 18–22.\n"
)


def test_a_title_naming_its_owner_in_brackets_over_its_dates_is_one_activity():
    document = parse(DATED)
    assert document.promises == []
    assert [
        (a.title, a.responsible, a.target and (a.target.comparator, a.target.value))
        for a in document.activities
    ] == [
        ("Trygghetsvandringar", "joint", ("count", 4)),  # four dates, not "18.00"
        ("Föräldravandringar", "municipality", ("count", 4)),
        ("Fritidsgården Kåken", "municipality", None),  # opening hours, no dates
    ]
    # Lines each naming their owner in brackets are items of their own, no description.
    items = parse(
        "Aktiviteter\nTrafikkontroller vid skolan: minst 24 under året (polisen)\n"
        "Trygghetsvandringar i centrum: 3 per år (kommunen och polisen)\n"
    )
    assert [a.responsible for a in items.activities] == ["police", "joint"]


def test_the_promise_with_the_years_dates():
    document = read("blind/vansbro-2026-datumlistor.txt")
    assert [p.text[:30] for p in document.promises] == ["Polisen och Vansbro kommun lov"]
    assert [(a.title, a.responsible) for a in document.activities] == [
        ("Trygghetsvandringar", "joint"),
        ("Hastighetskontroller vid skolorna", "police"),
        ("Öppet hus på polisstationen", "police"),
        ("Föräldravandringar", "municipality"),
        ("Fritidsgården Kåken", "municipality"),
        ("Informationsmöte om langning inför skolavslutningen", "joint"),
    ]
    assert [a.target and a.target.value for a in document.activities] == [4, 10, 5, 9, None, 1]
    # "Brå-mötena den 15 april, 16 september och 9 december" under "Uppföljning": no activity
    assert not any("Brå-mötena" in a.text for a in document.activities)


SPACED = (
    "Aktivitet                      Ansvarig      Mål\n"
    "Hastighetskontroller på Eke-   Polisen       minst 24 per år\n"
    "rövägen vid Stenhamra och\n"
    "Svartsjö\n"
    "Kontroller av tung trafik      Polisen       minst 10\n"
    "Belysning i tunneln vid        Kommunen      klart maj 2026\n"
    "stationen\n"
)


def test_a_spaced_tables_cells_wrapped_onto_capitalised_lines_and_rows_with_empty_cells():
    assert clean(SPACED).split("\n")[3:] == [
        "Hastighetskontroller på Ekerövägen vid Stenhamra och Svartsjö",
        "Polisen",
        "minst 24 per år",
        "Kontroller av tung trafik",
        "Polisen",
        "minst 10",
        "Belysning i tunneln vid stationen",
        "Kommunen",
        "klart maj 2026",
    ]
    # A capitalised line alone after a row whose first cell ended: text after the table.
    ended = SPACED.split("Kontroller")[0].replace(" och\n", "\n") + "Uppföljning\n"
    assert clean(ended).endswith("Svartsjö\nUppföljning")


def test_the_pdfs_table_over_two_pages():
    document = read("blind/ekero-2026-2027-pdf-tabell-upprepad-rubrik.txt")
    assert "Aktivitet Ansvarig" not in document.text
    assert owners_and_targets(document) == [
        ("Hastighetskontroller på Ekeröv", "police", ("at_least", 24)),
        ("Riktade narkotikakontroller vi", "police", ("at_least", 12)),
        ("Nya hastighetsdisplayer vid Fä", "municipality", ("count", 3)),
        ("Föräldramöten om droger i årsk", "municipality", ("count", 2)),
        ("Trygghetsvandringar på Ekerö o", "joint", ("count", 2)),
        ("Fältassistenter ute i Ekerö ce", "municipality", None),
        ("Sommarvärdar vid Ekerö strandb", "municipality", None),  # "minst 8 veckor"
    ]


# Round 81: activities under headings naming whom they are for, a crime prevention plan whose
# items marked "(ML)" are the promise's, a video's page with its chapters and comments.


AUDIENCES = (
    "Det här lovar vi\nVi lovar att arbeta för tryggare vägar.\n\n"
    "För dig som är förälder\n"
    "Polisen och kommunen bjuder in till två föräldraträffar.\n"
    "Du kan också gå med i föräldravandringarna – anmäl dig på fritidsgården.\n\n"
    "För dig som är ung\nKommunens fritidsgård har öppet fyra kvällar i veckan.\n"
    "Du som vill starta en förening kan kontakta kommunen.\n"
)


def test_headings_naming_whom_the_activities_are_for_head_no_promise():
    document = parse(AUDIENCES)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för tryggare vägar."]
    assert [(a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("joint", 2),
        ("municipality", 4),
    ]


def test_the_promise_told_by_whom_it_is_for():
    document = read("blind/harjedalen-2026-for-dig-som.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för trygga"]
    assert not any(a.text.startswith(("Du ", "För dig")) for a in document.activities)
    assert owners_and_targets(document)[2:4] == [
        ("Kommunens fritidsgård i Sveg h", "municipality", ("count", 4)),
        ("Kommunen ordnar minst tio drog", "municipality", ("at_least", 10)),
    ]
    assert len(document.activities) == 10


MARKED = (
    "De aktiviteter som ingår i medborgarlöftet är markerade med (ML) i listan nedan.\n\n"
    "1. Trygghet\n"
    "- (ML) Polisen genomför minst 20 riktade insatser per år.\n"
    "- Skånetrafiken ser över kamerabevakningen på perrongerna.\n"
    "- Brå sammanträder fyra gånger per år.\n"
    "- (ML) Kommunen ordnar fyra föräldraträffar per år.\n\n"
    "2. Uppföljning\nBrå följer upp planen varje tertial.\n"
)


def test_only_the_items_a_legend_marks_as_the_promises_are_kept_without_their_mark():
    assert clean(MARKED).split("\n")[2:6] == [
        "1. Trygghet",
        "- Polisen genomför minst 20 riktade insatser per år.",
        "- Kommunen ordnar fyra föräldraträffar per år.",
        "",
    ]
    assert "2. Uppföljning" in clean(MARKED)  # a numbered heading is no item of the plan
    # Without a legend naming the promise, a mark is the writer's own: nothing is dropped.
    assert "Skånetrafiken" in clean(MARKED.replace("medborgarlöftet", "planen"))


def test_the_plan_whose_marked_items_are_the_promise():
    document = read("blind/svalov-2026-2027-bra-plan-markerade.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för en try"]
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 20 rikt", "police", ("at_least", 20)),
        ("Kommunen röjer buskage och byt", "municipality", None),
        ("Polisen och kommunens fältassi", "joint", ("at_least", 1)),
        ("Kommunen ordnar fyra föräldrat", "municipality", ("count", 4)),
        ("Polisen genomför minst 15 hast", "police", ("at_least", 15)),
        ("Polisen och kommunen genomför ", "joint", ("count", 2)),
    ]


def test_the_videos_page_reads_its_lists_not_its_chapters_or_comments():
    document = read("blind/mellerud-2027-youtube-beskrivning.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att de"]
    assert len(document.activities) == 8
    assert not any(a.text.startswith(("0", "Varför", "Bra!")) for a in document.activities)
    assert [a.responsible for a in document.activities] == [
        *["police"] * 3,
        *["municipality"] * 3,
        *["joint"] * 2,
    ]


# Round 82: a spreadsheet printed with its row and column headings, a leaflet's items numbered
# by circled digits, footnote marks after numbers.

SHEET = (
    "Plan.xlsx                                   Blad1\n"
    "      A                            B             C\n"
    "  1   Medborgarlöfte 2026\n"
    "  2\n"
    "  3   Aktivitet                    Ansvarig      Mål\n"
    "  4   Trafikkontroller på E18      Polisen       minst 30\n"
    "  5   Belysning i gångtunneln vid  Kommunen      klart maj 2026\n"
    "      stationen\n"
    "  6   Trygghetsvandringar          Gemensamt     2\n"
)


def test_a_sheets_row_numbers_and_column_letters_are_dropped():
    assert clean(SHEET).split("\n")[:5] == [
        "Medborgarlöfte 2026",
        "",
        "Aktivitet",
        "Ansvarig",
        "Mål",
    ]
    document = parse(SHEET)
    assert [(a.title, a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("Trafikkontroller på E18", "police", 30),
        ("Belysning i gångtunneln vid stationen", "municipality", None),
        ("Trygghetsvandringar", "joint", 2),
    ]
    # Letters over fewer than three rows numbered one by one are kept as they are.
    assert clean("A   B   C\n1   Polisen\n2   Kommunen\n") == "A B C\n1 Polisen\n2 Kommunen"


def test_the_sheet_printed_with_its_headings():
    document = read("blind/eda-2026-excel-utskrift-rad-och-kolumnrubriker.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för en try"]
    assert "Blad1" not in document.text
    assert owners_and_targets(document) == [
        ("Trafikkontroller på E18", "police", ("at_least", 30)),
        ("Kontroller av tung trafik", "police", ("at_least", 10)),
        ("Fotpatrullering i Charlottenbe", "police", None),
        ("Trygghetsvandringar", "joint", ("count", 2)),
        ("Belysning i gångtunneln vid st", "municipality", None),
        ("Fältassistenter på helgkvällar", "municipality", ("count", 3)),
        ("Föräldraträffar i Åmotfors", "municipality", ("at_least", 4)),
        ("Uppföljning i Brå", "joint", None),
    ]


def test_circled_digits_number_items():
    assert clean("Så här håller vi löftet\n① Polisen gör minst 20 kontroller.\n❷ Kommunen …") == (
        "Så här håller vi löftet\n1. Polisen gör minst 20 kontroller.\n2. Kommunen …"
    )


def test_the_leaflet_with_circled_numbers():
    document = read("blind/bracke-2026-2027-cirkelsiffror.txt")
    assert owners_and_targets(document) == [
        ("Polisen gör minst 20 hastighet", "police", ("at_least", 20)),
        ("Polisen gör minst 10 nykterhet", "police", ("at_least", 10)),
        ("Kommunen sätter upp två nya fa", "municipality", ("count", 2)),
        ("Kommunens fritidsgård i Bräcke", "municipality", None),
        ("Kommunen ordnar sommarlovsakti", "municipality", None),
        ("Polisen och kommunen träffar f", "joint", ("count", 1)),
        ("Vi bjuder in till en öppen med", "unstated", ("count", 1)),
        ("Polisen och kommunen följer up", "joint", None),
    ]
    # "VISSTE DU ATT …" and its figures of last year are no activities.
    assert not any("2025" in a.text for a in document.activities)


def test_footnote_marks_after_numbers_are_dropped_when_the_footnotes_are_listed():
    text = (
        "- genomföra minst 1 200³ kontroller\n- byta 150⁴ armaturer\n\n³ Varav hälften.\n⁴ Plan.\n"
    )
    assert clean(text).split("\n")[:2] == [
        "- genomföra minst 1 200 kontroller",
        "- byta 150 armaturer",
    ]
    # Without a list of footnotes, a power stays: "10³".
    assert "10³" in clean("Volymen är 10³ liter.")


def test_the_report_with_footnote_marks_after_numbers():
    document = read("blind/stenungsund-2026-tusental-fotnotssiffror.txt")
    assert owners_and_targets(document) == [
        ("genomföra minst 1 200 nykterhe", "police", ("at_least", 1200)),
        ("genomföra minst 24 hastighetsk", "police", ("at_least", 24)),
        ("fotpatrullera vid Stenungstorg", "police", None),
        ("ha fältassistenter på plats vi", "municipality", ("count", 3)),
        ("dela ut minst 1 500 reflexväst", "municipality", ("at_least", 1500)),
        ("byta ut 150 armaturer i gång- ", "municipality", ("count", 150)),
        ("genomföra fyra trygghetsvandri", "joint", ("count", 4)),
        ("följa upp löftet varje tertial", "joint", None),
    ]


# Costly inputs for the new rules, each cut to 199,000 characters: read in seconds.

N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "dated titles": _repeated(
        "Trygghetsvandringar (polisen)\nVi går i centrum.\nDatum: 17 mars, 21 april.\n\n"
    ),
    "dates": "Trygghetsvandringar (polisen)\nVi går.\nDatum: " + _repeated("1/2, "),
    "owners in titles": _repeated("Trygghetsvandringar (kommunen)\n"),
    "audience headings": _repeated("För dig som är ung\nDu som vill kan kontakta oss.\n"),
    "marked items": "Aktiviteterna i löftet är markerade med (ML).\n"
    + _repeated("- (ML) Polisen gör två kontroller per år.\n- Brå möts fyra gånger.\n"),
    "marks in a line": "Löftets rader är markerade med (ML).\n- " + _repeated("(ML) "),
    "sheet rows": "A B C D\n"
    + "".join(f"{k} Trafikkontroller   Polisen   {k}\n" for k in range(1, 9999))[:N],
    "sheet letters": _repeated("A B C\n"),
    "wrapped cells": "Aktivitet     Ansvarig     Mål\nKontroller    Polisen      2\n"
    + _repeated("vid skolan och\nSvartsjö\n"),
    "circled digits": _repeated("① ② ③\n"),
    "number footnotes": _repeated("1 200³ 24⁴\n³ Not.\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
