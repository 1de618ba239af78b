"""The rules learnt from the blind rounds 92 to 94 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from, and the documents
read right at their first reading kept so."""

import datetime
import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from promises.textimport.targets import read_target
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 92: an annual report's section, a chat exported from WhatsApp, an application for a
# grant to the promise's activities.

ANNUAL_REPORT = (
    "Medborgarlöftet 2025 – uppföljning\n"
    "Under 2025 genomförde Polisen 46 trafikkontroller i centrum, mot målet minst 40.\n"
    "\n"
    "Medborgarlöftet 2026–2027\n"
    "Löftet gäller från 1 januari 2026 till 31 december 2027.\n"
    "\n"
    "Polisen ska genomföra minst 30 narkotikakontroller per år. Tillsammans ska kommunen och "
    "Polisen genomföra fyra trygghetsvandringar per år, varav minst en i Tråsättra.\n"
)


def test_an_annual_reports_account_of_last_year_is_no_activity():
    document = parse(ANNUAL_REPORT)
    # Last year's figures ("mot målet minst 40") are no activity; the new promise's sentences,
    # under a heading naming it, are read again.
    assert [(a.responsible, a.target.value) for a in document.activities] == [
        ("police", 30),
        ("joint", 4),  # "varav minst en i Tråsättra" is a share of the four, no target
    ]
    assert parse(ANNUAL_REPORT.replace("Medborgarlöftet 2025 – uppföljning", "Måluppfyllelse"))


def test_a_share_of_a_count_is_no_target():
    target, _notes = read_target("genomföra fyra trygghetsvandringar per år, varav minst en i X")
    assert (target.comparator, target.value) == ("count", 4)
    target, _notes = read_target("minst 30 kontroller under året, därav tre vid skolan")
    assert (target.comparator, target.value, target.uncertain) == ("at_least", 30, [])


def test_the_annual_report():
    document = read("blind/osteraker-2026-2027-arsredovisning.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att fä"]
    assert owners_and_targets(document) == [
        ("Polisen ska genomföra minst 30", "police", ("at_least", 30)),
        ("Polisen ska också besöka samtl", "police", ("count", 2)),
        ("Kommunen ska hålla fritidsgård", "municipality", ("count", 4)),
        ("Kommunens fältassistenter ska ", "municipality", None),
        ("Tillsammans ska kommunen och P", "joint", ("count", 4)),
    ]


EXPORTED_CHAT = (
    "2026-01-12 08:10 - Meddelanden och samtal är end-to-end-krypterade. Tryck för att läsa.\n"
    '2026-01-12 08:10 - Anna Karlsson skapade gruppen "Löfte 2026"\n'
    "2026-01-12 08:13 - Anna Karlsson: Löftet ska gälla hela 2026.\n"
    "2026-01-12 08:31 - Johan Ek: Här är polisens del:\n"
    "- genomföra minst 20 trafikkontroller under året\n"
    "2026-01-12 08:32 - Johan Ek: <Media utelämnad>\n"
    "2026-01-12 09:05 - Sara Lind: Och kommunens del:\n"
    "- öppna fritidsgården tre kvällar i veckan\n"
    "2026-01-12 09:06 - Anna Karlsson: Tack! Och gemensamt tänkte jag:\n"
    "- två trygghetsvandringar under året\n"
    "2026-01-12 09:21 - Sara Lind: Det här meddelandet har raderats\n"
    "2026-01-12 09:40 - Anna Karlsson: Bra idé, jag lägger till det under kommunen:\n"
    "- se över belysningen vid kanalen\n"
)


def test_a_chat_exported_from_whatsapp_is_read_message_by_message():
    cleaned = clean(EXPORTED_CHAT)
    assert cleaned.startswith("Löftet ska gälla hela 2026.\n\nHär är polisens del:\n- genomföra")
    assert "08:" not in cleaned and "skapade gruppen" not in cleaned
    assert "Media" not in cleaned and "raderats" not in cleaned
    document = parse(EXPORTED_CHAT)
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert [(a.text[:10], a.responsible) for a in document.activities] == [
        ("genomföra ", "police"),
        ("öppna frit", "municipality"),
        ("två tryggh", "joint"),
        ("se över be", "municipality"),
    ]
    # As an iPhone exports it: "[2026-01-12 08:31:05] Johan Ek: …".
    iphone = "\n".join(
        f"[2026-01-12 08:{minute}:05] Johan Ek: {text}"
        for minute, text in (("30", "Hej!"), ("31", "Här är polisens del:"), ("32", "Tack"))
    )
    assert clean(iphone) == "Hej!\n\nHär är polisens del:\n\nTack"
    # A text that does not start with such a line (a programme listing its times) is kept.
    programme = (
        "Program\n"
        "2026-03-12 18:00 - Föräldraträff: Aulan\n"
        "2026-04-09 18:00 - Trygghetsvandring: Torget\n"
        "2026-05-07 18:00 - Öppet möte: Biblioteket\n"
    )
    assert clean(programme) == programme.strip()


def test_the_chat_exported_from_whatsapp():
    document = read("blind/dals-ed-2026-whatsapp-export.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    # The wording after "Mitt förslag på löfte:" is the promise, without those words.
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att Da"]
    assert owners_and_targets(document) == [
        ("genomföra minst 20 trafikkontr", "police", ("at_least", 20)),
        ("besöka högstadiet i Ed två gån", "police", None),  # "per termin"
        ("vara synliga vid Eds marknad i", "police", None),
        ("Fältgruppen är ute i centrum f", "municipality", None),
        ("Öppna fritidsgården Ungdomens ", "municipality", ("count", 3)),
        ("Ordna två drogfria aktiviteter", "municipality", ("count", 2)),
        ("Två trygghetsvandringar i Ed, ", "joint", ("count", 2)),
        ("Följa upp löftet på samverkans", "joint", None),
        ("Se över belysningen vid busshå", "municipality", None),
    ]


APPLICATION = (
    "2. Projekt\n"
    "Projekttid: 2026-03-01 – 2026-12-31\n"
    "\n"
    "3. Bakgrund och problembild\n"
    "Kommunen och Polisen har tecknat ett medborgarlöfte som gäller under 2026.\n"
    "\n"
    "4. Syfte och mål\n"
    "Syftet är att genomföra de delar av löftet som kräver extra medel.\n"
    "\n"
    "5. Aktiviteter\n"
    "Aktivitet 1: Kommunen anordnar sex föräldravandringar under året.\n"
    "Ansvarig: Kommunen\n"
    "Tidplan: mars–december\n"
    "\n"
    "Aktivitet 2: Fältassistenter arbetar extra kvällar, minst två kvällar i veckan.\n"
    "Ansvarig: Kommunen\n"
    "Tidplan: april–december\n"
    "\n"
    "Aktivitet 3: Gemensam trygghetsvandring med boende, två gånger under projekttiden.\n"
    "Ansvarig: Kommunen och Polisen\n"
    "Tidplan: maj och oktober\n"
)


def test_an_application_for_a_grant_to_the_promise():
    document = parse(APPLICATION)
    # The project's time is not the promise's validity, which the text states too.
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert document.promises == []  # "3. Bakgrund och problembild" is a section, no promise
    read_ = [
        (a.text[:22], a.title, a.responsible, a.target and (a.target.value, a.target.scope))
        for a in document.activities
    ]
    assert read_ == [
        ("Kommunen anordnar sex ", "Föräldravandringar", "municipality", (6, "year")),
        # the count "Tidplan: april–december" limits to part of the year: by hand
        (
            "Fältassistenter arbeta",
            "Fältassistenter arbetar extra kvällar, minst två kvällar i veckan",
            "municipality",
            None,
        ),
        ("Gemensam trygghetsvand", "Gemensam trygghetsvandring med boende", "joint", (2, "period")),
    ]
    assert "april–december" in document.activities[1].uncertain[0]


def test_the_application_for_a_grant():
    document = read("blind/varmdo-2026-ansokan-projektbidrag.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert document.promises == []
    assert owners_and_targets(document) == [
        ("Kommunen anordnar sex föräldra", "municipality", ("count", 6)),
        # written blind as at least two a week; "Tidplan: april–december" limits it
        ("Fältassistenter arbetar extra ", "municipality", None),
        ("Polisen genomför minst 15 rikt", "police", ("at_least", 15)),
        ("Gemensam trygghetsvandring med", "joint", ("count", 2)),
        ("Ny belysning på gångvägen mell", "municipality", None),
    ]
    assert document.activities[0].partners == "föreningen Nattvandrarna"


# Round 93: a school's weekly letter with the promise among its news, a memo answering a
# citizens' proposal, a PDF's contents with dot leaders.


def test_the_schools_weekly_letter():
    document = read("blind/arjang-2026-2027-skolans-veckobrev.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    # The letter's reminders ("Sportlovet är vecka 9") are no activities.
    assert owners_and_targets(document) == [
        ("Polisen kommer att besöka Silb", "police", None),  # "per termin"
        ("Kommunens fältassistenter finn", "municipality", None),
        ("Kommunens fritidsgård Tegen hå", "municipality", ("count", 4)),
        ("Polisen genomför minst 10 kont", "police", ("at_least", 10)),
        ("Polisen och kommunen bjuder in", "joint", ("count", 1)),
    ]


def test_a_memos_statement_is_no_promise():
    text = (
        "Förvaltningens yttrande\n"
        "Förvaltningen delar förslagsställarens oro för narkotikaförsäljningen vid torget.\n"
        "\n"
        "Polisen åtar sig att\n"
        "1. genomföra minst 24 narkotikainsatser under året,\n"
    )
    document = parse(text)
    assert document.promises == []
    assert [(a.responsible, a.target.value) for a in document.activities] == [("police", 24)]


def test_the_answer_to_a_citizens_proposal():
    document = read("blind/danderyd-2026-medborgarforslag-svar.txt")
    assert document.promises == []
    # The proposal's quotation ("minst tio kontroller i veckan") is no activity.
    assert owners_and_targets(document) == [
        ("genomföra minst 24 narkotikain", "police", ("at_least", 24)),
        ("ha en kommunpolis på plats i M", "police", None),
        ("låta ordningsvakter patrullera", "municipality", None),
        ("se över kamerabevakningen vid ", "municipality", None),
        ("ha fältassistenter ute vid Mör", "municipality", ("at_least", 3)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
    ]


def test_the_contents_with_dot_leaders():
    document = read("blind/malung-salen-2026-2027-innehallsforteckning-punktlinjer.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att mi"]
    assert owners_and_targets(document) == [
        ("genomföra minst 40 nykterhetsk", "police", ("at_least", 40)),
        ("patrullera i Sälenbyarna varje", "police", None),
        ("genomföra två utbildningar för", "police", ("count", 2)),
        ("genomföra minst 12 tillsynsbes", "municipality", ("at_least", 12)),
        ("ha fältassistenter ute i Malun", "municipality", ("count", 3)),
        ("ordna föräldraträffar om alkoh", "municipality", ("count", 2)),
        ("genomföra minst fyra trygghets", "joint", ("at_least", 4)),
        ("informera säsongsarbetare om v", "joint", None),
    ]


# Round 94: a post with letters struck out by a combining stroke, a table drawn with box
# characters, a folded leaflet read panel by panel.


def _struck(words: str) -> str:
    return "".join(f"{letter}\u0336" for letter in words)


def test_letters_struck_out_with_a_combining_stroke_are_dropped():
    text = (
        f"Polisen:\n- Hastighetskontroller – {_struck('minst 10')} minst 20 under året\n"
        f"- Besök på skolan {_struck('två')} tre gånger per år\n"
    )
    assert "Hastighetskontroller – minst 20 under året\n" in clean(text)
    document = parse(text)
    assert [(a.text, a.target.value) for a in document.activities] == [
        ("Hastighetskontroller – minst 20 under året", 20),
        ("Besök på skolan tre gånger per år", 3),
    ]
    # An item struck out whole goes, as "- ~~…~~" does.
    assert clean(f"- {_struck('Öppet hus i maj')}\n- Kvar\n") == "- Kvar"


def test_the_post_with_struck_out_targets():
    document = read("blind/berg-2026-facebook-overstruket-unicode.txt")
    assert "\u0336" not in document.text
    assert owners_and_targets(document) == [
        ("Hastighetskontroller på E45 ge", "police", ("at_least", 20)),
        ("Nykterhetskontroller i samband", "police", None),
        ("Besök på högstadiet i Svenstav", "police", ("count", 1)),
        ("Fritidsgården i Svenstavik har", "municipality", ("count", 3)),
        ("Föräldraträffar om droger och ", "municipality", ("count", 4)),
        ("Ny belysning vid badplatsen i ", "municipality", None),
        ("Trygghetsvandringar i Svenstav", "joint", ("count", 3)),
        ("Uppföljning varje tertial, näs", "joint", None),
    ]


def test_an_adjective_ending_in_fria_is_no_counted_noun():
    target, _notes = read_target("6 under sommarlovet", listed=True, counted="Drogfria aktiviteter")
    assert (target.comparator, target.value, target.unit) == ("count", 6, "aktiviteter")


def test_the_table_drawn_with_box_characters():
    document = read("blind/ockero-2026-ramtecken.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att de"]
    assert owners_and_targets(document) == [
        ("Båtkontroller i hamnarna på Hö", "police", ("at_least", 15)),
        ("Nykterhetskontroller vid färje", "police", ("at_least", 20)),
        ("Fältassistenter på färjorna fr", "municipality", None),
        ("Drogfria aktiviteter för unga ", "municipality", ("count", 6)),
        ("Information om sjölivets regle", "joint", ("count", 2)),
        ("Trygghetsvandring på Öckerö oc", "joint", ("count", 2)),
    ]
    assert document.activities[4].text.endswith("Klåva hamn och i Hyppeln")


def test_the_folded_leaflet():
    document = read("blind/mala-2026-folder-trespalt.txt")
    # "Tillsammans för ett tryggare Malå" on the cover heads nothing.
    assert owners_and_targets(document) == [
        ("Fritidsgården i Malå håller öp", "municipality", ("count", 3)),
        ("Kommunen bjuder in föräldrar t", "municipality", ("count", 2)),
        ("Belysningen vid elljusspåret o", "municipality", None),
        ("Fältassistenten finns på plats", "municipality", None),
        ("Minst 15 hastighetskontroller ", "police", ("at_least", 15)),
        ("Polisen besöker högstadiet i M", "police", ("count", 1)),
        ("Kontroller av snöskotrar på le", "police", None),
        ("Två trygghetsvandringar i cent", "joint", ("count", 2)),
        ("Vi följer upp löftet i kommune", "joint", None),
    ]


# Costly inputs for the new rules, each cut to 199,000 characters: read in seconds.

N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "exported messages": _repeated("2026-01-12 08:31 - Johan Ek: - genomföra 20 kontroller\n"),
    "exported notices": "2026-01-12 08:31 - A: x\n" * 3
    + _repeated("2026-01-12 08:10 - " + "Anna Karlsson skapade gruppen " * 3 + "\n"),
    "exported lines without colons": "2026-01-12 08:31 - A: x\n" * 3
    + _repeated("2026-01-12 08:10 - " + "a " * 200 + "\n"),
    "struck letters": _repeated(_struck("minst 10") + " minst 20 kontroller\n"),
    "struck runs": _repeated(_struck("a" * 600) + "\n"),
    "message leads": _repeated("Bra, jag lägger till det under kommunen:\n- se över x\n"),
    "account headings": _repeated("Medborgarlöftet 2025 – uppföljning\nUnder 2025 gjordes 4.\n"),
    "promise headings": _repeated("Medborgarlöftet 2026–2027\nPolisen ska göra 4 kontroller.\n"),
    "shares": _repeated("fyra vandringar per år, varav minst en i X, "),
    "project times": _repeated("Projekttid: 2026-03-01 – 2026-12-31\n"),
    "sentence blocks": _repeated(
        "Aktivitet 1: Fältassistenter arbetar två kvällar i veckan.\nTidplan: april–december\n"
    ),
    "memo headings": _repeated("Förvaltningens yttrande\nFörvaltningen delar oron.\n"),
    "proposed wordings": _repeated('Mitt förslag på löfte: "' + "Vi lovar x " * 20 + '"\n'),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
