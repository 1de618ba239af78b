"""The rules learnt from the blind rounds 104 to 106 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

import datetime
import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 104: a PDF's comment summary, a workshop's sticky-note board, a consultation report.

COMMENTED = (
    "Kommentarsammanfattning\n"
    "Sida: 1\n"
    "Polisen ska\n"
    "• genomföra minst 20 kontroller per år\n"
    "• fotpatrullera på torget\n"
    "\n"
    "Nummer: 1  Författare: asjo  Ämne: Ersätt text  Datum: 2026-01-14 09:03:55\n"
    "minst 25\n"
    "\n"
    "Nummer: 2  Författare: Anna Sjö  Ämne: Kommentar  Datum: 2026-01-14 13:40:21\n"
    "Vi klarar inte 25 kontroller. Ring 013-20 60 00.\n"
    "/Anna\n"
)


def test_a_pdfs_comment_summary_is_read_without_its_comments():
    cleaned = clean(COMMENTED)
    assert cleaned == (
        "Polisen ska\n• genomföra minst 20 kontroller per år\n• fotpatrullera på torget"
    )
    assert [
        (a.text, a.target.value if a.target else None) for a in parse(COMMENTED).activities
    ] == [
        ("genomföra minst 20 kontroller per år", 20),
        ("fotpatrullera på torget", None),
    ]
    # One such line is no comment summary: the text is read as it stands.
    text = "Nummer: 1 Författare: asjo Ämne: Kommentar Datum: 2026-01-14\nPolisen gör 5 kontroller."
    assert clean(text) == text


def test_the_comment_summary():
    document = read("blind/linkoping-berga-2026-2027-kommentarsammanfattning.txt")
    assert "Författare" not in document.text and "013-20 60 00" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Berga och Be"]
    # The comments' "minst 25", "Behåll 20" and "4 kvällar i veckan" are no targets.
    assert owners_and_targets(document) == [
        ("genomföra minst 20 trafikkontr", "police", ("at_least", 20)),
        ("fotpatrullera i Berga centrum ", "police", None),
        ("besöka fritidsgården Bergagård", "police", ("at_least", 1)),
        ("ha fältassistenter ute i Berga", "municipality", ("count", 3)),
        ("byta ut belysningen i gångtunn", "municipality", None),
        ("bjuda in till minst 6 föräldra", "municipality", ("at_least", 6)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("redovisa hur arbetet går för d", "joint", None),
    ]


BOARD = (
    "Ram 1 – Vad gör polisen?\n"
    "Minst 15 hastighetskontroller per år\n"
    "Jonas K. · 👍 9\n"
    "Fotpatrull i centrum fredag kväll\n"
    "Jonas K.\n"
    "\n"
    "Ram 2 – Vad gör vi tillsammans?\n"
    "Två trygghetsvandringar under året\n"
    "Sara N. · 👍 7\n"
    "\n"
    "Ram 3 – Parkerat\n"
    "50 kontroller i stället för 15?\n"
    "Ahmed O. · 👍 1\n"
    "\n"
    "Kommentarer (1)\n"
    "Sara N.: Jag renskriver till nästa möte.\n"
    "Zooma 62 %\n"
)


def test_a_sticky_note_board_is_read_without_its_writers_and_set_aside_ideas():
    cleaned = clean(BOARD)
    assert "Jonas" not in cleaned and "Ram " not in cleaned and "Zooma" not in cleaned
    assert "renskriver" not in cleaned
    assert [(a.text, a.responsible) for a in parse(BOARD).activities] == [
        ("Minst 15 hastighetskontroller per år", "police"),
        ("Fotpatrull i centrum fredag kväll", "police"),
        ("Två trygghetsvandringar under året", "joint"),
    ]
    # Two names with an initial are no board: a signature stays.
    text = "Polisen ska göra 5 kontroller per år.\n\nAnna L.\nPer K.\n"
    assert clean(text) == text.strip()


def test_the_workshops_board():
    document = read("blind/orebro-baronbackarna-2026-miro-workshop.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Baronbackarn"]
    # The situation's notes ("42 % …", "7 anmälningar") and the parked "50 kontroller i
    # stället för 15?" are no activities.
    assert owners_and_targets(document) == [
        ("Minst 15 hastighetskontroller ", "police", ("at_least", 15)),
        ("Fotpatrull i Baronbackarnas ce", "police", None),
        ("Kommunpolisen på plats i Baron", "police", ("count", 1)),
        ("Fältassistenter ute i området ", "municipality", ("count", 3)),
        ("Ny belysning på gångvägen mot ", "municipality", None),
        ("Minst 8 föräldraträffar under ", "municipality", ("at_least", 8)),
        ("Två trygghetsvandringar under ", "joint", ("count", 2)),
        ("Berätta hur det går på Baronba", "joint", None),
    ]


def test_a_clause_saying_how_it_goes_names_no_actor():
    text = (
        "Det här gör vi tillsammans\n"
        "- Berätta hur det går på en träff i september\n"
        "- Dialogmöte om hur det går i november\n"
        "- Räddningstjänsten genomför brandskyddskontroller\n"
    )
    assert [(a.responsible, a.responsible_other) for a in parse(text).activities] == [
        ("joint", ""),
        ("joint", ""),
        ("other", "Räddningstjänsten"),
    ]


CONSULTED = (
    "SAMRÅDSREDOGÖRELSE\n"
    "Medborgarlöfte för Pettersberg 2026–2027\n"
    "\n"
    "1. Inledning\n"
    "Ett förslag till medborgarlöfte skickades på samråd under tiden 17 november–19 december"
    " 2025.\n"
    "\n"
    "2. Medborgarlöftet efter samrådet\n"
    "Löftet gäller från den 1 april 2026 till den 31 mars 2027.\n"
    "\n"
    "Vårt löfte\n"
    "Vi lovar att arbeta för en trygg stadsdel.\n"
    "\n"
    "Det här gör polisen\n"
    "- Polisen genomför minst 30 insatser per år.\n"
    "\n"
    "3. Fortsatt hantering\n"
    "Förslaget behandlas av kommunstyrelsen den 4 mars 2026.\n"
)


def test_a_consultations_time_is_no_validity_and_its_last_section_no_promise():
    document = parse(CONSULTED)
    assert (document.start, document.end) == (datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för en trygg stadsdel."]
    # The promise's own validity in the sentence is read: "gäller efter samrådet från …".
    text = "Löftet gäller efter samrådet från den 1 april 2026 till den 31 mars 2027.\n"
    document = parse(text)
    assert (document.start, document.end) == (datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    text = "Remisstid: 1 mars–31 mars 2026.\nLöftet gäller 2026.\n"
    document = parse(text)
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )


def test_the_consultation_report():
    document = read("blind/vasteras-pettersberg-2026-2027-samradsredogorelse.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Pettersberg "]
    # The views ("minst fyra per år", "varje kväll") are no activities.
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 30 nark", "police", ("at_least", 30)),
        ("Polisen fotpatrullerar på Pett", "police", ("count", 2)),
        ("Polisen besöker årskurs 7 på P", "police", None),
        ("Staden byter ut belysningen lä", "municipality", None),
        ("Fritidsgården Pettersberg håll", "municipality", ("count", 5)),
        ("Staden anordnar minst 8 föräld", "municipality", ("at_least", 8)),
        ("Vi genomför två trygghetsvandr", "joint", ("count", 2)),
        ("Vi redovisar hur arbetet går p", "joint", None),
    ]


# Round 105: a dictated text, an archive copy with its stamp on every page, a governing
# document with its version history.

DICTATED = (
    "Vårt löfte kolon ny rad Vi lovar att arbeta för ett tryggt torg kommatecken särskilt på "
    "kvällarna punkt nytt stycke Det här gör polisen kolon ny rad tankstreck polisen genomför "
    "minst 25 kontroller per år ny rad tankstreck polisen besöker skolan en gång i månaden"
)


def test_a_dictated_text_is_read_with_its_spoken_commands_as_marks():
    assert clean(DICTATED) == (
        "Vårt löfte:\n"
        "Vi lovar att arbeta för ett tryggt torg, särskilt på kvällarna.\n"
        "\n"
        "Det här gör polisen:\n"
        "– polisen genomför minst 25 kontroller per år\n"
        "– polisen besöker skolan en gång i månaden"
    )
    document = parse(DICTATED)
    assert [p.text for p in document.promises] == [
        "Vi lovar att arbeta för ett tryggt torg, särskilt på kvällarna."
    ]
    assert [(a.responsible, a.target.value) for a in document.activities] == [
        ("police", 25),
        ("police", 1),
    ]
    # Two commands are no dictation: "punkt" and "ny rad" are words of the text.
    text = "Vi lägger till en ny rad med bänkar vid punkt 4 och en ny rad träd."
    assert clean(text) == text


def test_the_dictated_draft():
    document = read("blind/helsingborg-planteringen-2026-diktering.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 3, 1),
        datetime.date(2027, 2, 28),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Planteringen"]
    assert owners_and_targets(document) == [
        ("polisen genomför minst 25 nark", "police", ("at_least", 25)),
        ("polisen fotpatrullerar på Plan", "police", None),
        ("polisen besöker Planteringssko", "police", ("count", 1)),
        ("fältassistenterna är ute i Pla", "municipality", ("count", 4)),
        ("staden sätter upp ny belysning", "municipality", None),
        ("staden håller fritidsgården Ko", "municipality", None),
        ("vi genomför tre trygghets vand", "joint", ("count", 3)),
        ("vi har ett samverkansmöte med ", "joint", ("count", 1)),
    ]


STAMPED = (
    "Kommunen | KS 2026/0142-7 | Registrerad 2026-03-05\n"
    "Polisen ska\n"
    "1. genomföra minst 20 trafikkontroller på gång- och cykelvägarna i\n"
    "\n"
    "Sida 1 (2)\n"
    "\n"
    "Kommunen | KS 2026/0142-7 | Registrerad 2026-03-05\n"
    "   centrum per år\n"
    "2. fotpatrullera i centrum\n"
    "\n"
    "Sida 2 (2)\n"
)


def test_pages_numbered_in_a_text_without_page_breaks_end_there():
    cleaned = clean(STAMPED)
    assert "Registrerad" not in cleaned and "Sida" not in cleaned
    assert [(a.text, a.responsible) for a in parse(STAMPED).activities] == [
        (
            "genomföra minst 20 trafikkontroller på gång- och cykelvägarna i centrum per år",
            "police",
        ),
        ("fotpatrullera i centrum", "police"),
    ]
    # Numbers out of order are no pages' numbers: the lines stay.
    text = "Se sida 3 (4)\nPolisen ska göra 5 kontroller.\nSida 1 (4)"
    assert "Se sida 3 (4)" in clean(text)


def test_the_archive_copy():
    document = read("blind/norrkoping-klockaretorpet-2026-2027-arkivexemplar.txt")
    assert "Utskriven" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Klockaretorp"]
    # The item broken over the page is read whole, per year; the case sheet's rows are no
    # activities.
    assert owners_and_targets(document) == [
        ("genomföra minst 20 trafikkontr", "police", ("at_least", 20)),
        ("fotpatrullera i Klockaretorpet", "police", None),
        ("besöka Klockaretorpsskolan två", "police", None),
        ("ha fältsekreterare ute i Klock", "municipality", ("count", 3)),
        ("sätta upp bommar vid infartern", "municipality", None),
        ("anordna minst 10 drogfria lova", "municipality", ("at_least", 10)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        # written blind as no target; "på ett möte … varje höst" is read as one a year
        ("berätta för de boende hur arbe", "joint", ("count", 1)),
    ]
    assert document.activities[0].target.scope == "year"


def test_the_governing_document_with_its_version_history():
    document = read("blind/jonkoping-oxnehaga-2026-2028-styrdokument-versionshistorik.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 2, 1),
        datetime.date(2028, 1, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Öxnehaga cen"]
    # The version history's "23 deltagare", "6 synpunkter" and "2 aktiviteter strukna" are no
    # activities.
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 30 nark", "police", ("at_least", 30)),
        ("Polisen fotpatrullerar i Öxneh", "police", ("at_least", 2)),
        ("Polisen deltar på Öxnehagaskol", "police", None),
        ("Kommunen har fältassistenter i", "municipality", ("count", 4)),
        ("Kommunen förbättrar belysninge", "municipality", None),
        ("Kommunen erbjuder minst 40 fer", "municipality", ("at_least", 40)),
        ("Polisen och kommunen genomför ", "joint", ("count", 3)),
        ("Polisen och kommunen redovisar", "joint", None),
    ]


# Round 106: an e-mail answered in capitals in the text, a Word document saved as XML, a
# communication plan.

ANSWERED = (
    "Polisen ska\n"
    "- genomföra minst 40 kontroller under året\n"
    "HS: OK. MEN SKRIV I SÄVJA OCH BERGSBRUNNA.\n"
    "- ha en mottagning på biblioteket en gång i veckan\n"
    "HELLRE EN GÅNG I MÅNADEN, VI HAR BARA 2 KOMMUNPOLISER.\n"
)


def test_answers_in_capitals_under_items_are_no_part_of_them():
    assert clean(ANSWERED) == (
        "Polisen ska\n"
        "- genomföra minst 40 kontroller under året\n"
        "- ha en mottagning på biblioteket en gång i veckan"
    )
    # A heading in capitals under an item stays.
    text = "POLISEN\n- genomföra 10 kontroller per år\nKOMMUNEN\n- ha fältassistenter ute\n"
    assert clean(text) == text.strip()


def test_the_email_answered_in_the_text():
    document = read("blind/uppsala-savja-2026-mejl-svar-i-texten.txt")
    assert "HELLRE" not in document.text and "80 PLATSER" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Sävja centru"]
    assert owners_and_targets(document) == [
        ("genomföra minst 40 narkotikako", "police", ("at_least", 40)),
        ("fotpatrullera vid Sävja statio", "police", None),
        ("ha en mottagning på Sävja bibl", "police", ("count", 1)),
        ("ha fältassistenter i Sävja fyr", "municipality", ("count", 4)),
        ("erbjuda minst 30 sommarjobb ti", "municipality", ("at_least", 30)),
        ("förbättra belysningen på gång-", "municipality", None),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        # written blind as no target; "ett dialogmöte … under hösten" is read as one
        ("bjuda in boende till ett dialo", "joint", ("count", 1)),
    ]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WORD_XML = (
    '<?xml version="1.0" standalone="yes"?>\n'
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
    f'<pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document {W}><w:body>'
    '<w:p><w:pPr><w:pStyle w:val="Rubrik2"/></w:pPr><w:r><w:t>Polisen ska</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    '<w:r><w:t xml:space="preserve">genomföra minst </w:t></w:r>'
    "<w:del><w:r><w:delText>20</w:delText></w:r></w:del><w:ins><w:r><w:t>25</w:t></w:r></w:ins>"
    '<w:r><w:t xml:space="preserve"> kontroller per år</w:t></w:r></w:p>'
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Anna</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Per</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "</w:body></w:document></pkg:xmlData></pkg:part>"
    f'<pkg:part pkg:name="/word/comments.xml"><pkg:xmlData><w:comments {W}><w:comment w:id="0">'
    "<w:p><w:r><w:t>Ska det vara 30?</w:t></w:r></w:p></w:comment></w:comments></pkg:xmlData>"
    "</pkg:part></pkg:package>\n"
)


def test_a_word_document_saved_as_xml_is_read_as_the_document():
    cleaned = clean(WORD_XML)
    assert cleaned.startswith("Polisen ska\n• genomföra minst 25 kontroller per år\n")
    assert "20" not in cleaned and "30" not in cleaned and "<" not in cleaned
    assert [(a.text, a.responsible, a.target.value) for a in parse(WORD_XML).activities] == [
        ("genomföra minst 25 kontroller per år", "police", 25),
    ]
    # Another XML document is read as its fields, as before.
    other = (
        '<?xml version="1.0"?>\n<lofte><titel>Medborgarlöfte 2026</titel>'
        "<kommun>Sotenäs kommun</kommun></lofte>\n"
    )
    assert clean(other) == "Medborgarlöfte 2026\n\nKommun: Sotenäs kommun"


def test_the_word_xml_document():
    document = read("blind/lund-linero-2026-2027-word-xml.txt")
    assert "Klarar vi 25" not in document.text and "stormöte" not in document.text
    assert (document.start, document.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Linero torg "]
    assert owners_and_targets(document) == [
        ("genomföra minst 25 trafikkontr", "police", ("at_least", 25)),
        ("fotpatrullera på Linero torg f", "police", None),
        ("besöka Lineroskolan och Svensh", "police", ("count", 1)),
        ("ha fältassistenter ute på Line", "municipality", ("count", 3)),
        ("förbättra belysningen i parken", "municipality", None),
        ("anordna minst 12 aktiviteter f", "municipality", ("at_least", 12)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("redovisa resultatet för de boe", "joint", None),
    ]


PLAN = (
    "2. Mål för kommunikationen\n"
    "- Löftet ska nå minst 5 000 personer i kommunens kanaler.\n"
    "\n"
    "3. Budskap\n"
    "Vi lovar att arbeta för ett tryggt centrum.\n"
    "\n"
    "Det här gör polisen:\n"
    "• Genomför minst 20 insatser under året.\n"
    "\n"
    "4. Kanaler och aktiviteter\n"
    "Vecka\tAktivitet\tKanal\tAnsvarig\n"
    "v. 9\tPressmeddelande\tumea.se\tKommunikatör\n"
    "v. 10\tAffischer i trapphus, 120 st\tTrapphus\tBostaden\n"
)


def test_a_communication_plans_own_goals_and_channels_are_no_activities():
    document = parse(PLAN)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för ett tryggt centrum."]
    assert [(a.text, a.responsible, a.target.value) for a in document.activities] == [
        ("Genomför minst 20 insatser under året.", "police", 20),
    ]
    assert "v. 10 · Affischer i trapphus, 120 st · Trapphus · Bostaden" in document.text


def test_the_communication_plan():
    document = read("blind/umea-alidhem-2026-2027-kommunikationsplan.txt")
    assert (document.start, document.end) == (
        datetime.date(2026, 3, 1),
        datetime.date(2027, 2, 28),
    )
    assert [p.text[:40] for p in document.promises] == ["Vi lovar att arbeta för att Ålidhems cen"]
    # "Minst 60 procent …", "minst 5 000 personer", "120 st" and the budget are no activities.
    assert owners_and_targets(document) == [
        ("Genomför minst 20 insatser mot", "police", ("at_least", 20)),
        ("Fotpatrullerar i Ålidhems cent", "police", None),
        ("Har en kontaktpunkt på Ålidhem", "police", ("count", 1)),
        ("Byter belysning på gång- och c", "municipality", None),
        ("Har fältassistenter ute på Åli", "municipality", ("count", 3)),
        ("Ordnar minst 4 drogfria fester", "municipality", ("at_least", 4)),
        ("Genomför två trygghetsvandring", "joint", ("count", 2)),
        ("Berättar hur det går på ett öp", "joint", None),
    ]


N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "pdf comments": _repeated(
        "Nummer: 1  Författare: " + "a " * 90 + "Ämne: " + "b " * 90 + "Datum: 2026\nx\n"
    ),
    "pdf comment headers unfinished": "Nummer: 1 Författare: a Ämne: b Datum: c\n" * 2
    + _repeated("Nummer: 1  Författare: " + "a " * 150 + "\n"),
    "dictated commands": _repeated("ny rad tankstreck punkt kolon kommatecken nytt stycke "),
    "spaces before a command": "ny rad nytt stycke ny rad x" + " " * N + "kommatecken punkt",
    "sticky writers": _repeated("Anna K. · 👍 9\nRam 1 – x\nSara N.: y\n"),
    "answers in capitals": _repeated("- genomföra x\nHS: OK. " + "A " * 40 + ".\n"),
    "page numbers": "".join(f"x\nSida {n} (20000)\n" for n in range(1, 20_000)),
    "word paragraphs": '<?xml version="1.0"?>\n'
    f"<w:document {W}><w:body>"
    + "<w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>genomföra minst 10 kontroller</w:t></w:r></w:p>"
    * 2_500
    + "</w:body></w:document>",
    "channel tables": "Vecka\tAktivitet\tKanal\n" + _repeated("v. 1\tx\ty\n"),
    "consultation times": _repeated("Medborgarlöftet på samråd under tiden 1 mars–2 april 2026. "),
    "clauses before a verb": "Det här gör vi tillsammans\n"
    + _repeated("- Berätta hur det om att vad går\n"),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
