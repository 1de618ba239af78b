"""The rules learnt from the blind rounds 83 to 85 (tests/fixtures/textimport/README.md): each
checked on a short text of its own and on the blind document it came from."""

import time

import pytest

from promises.textimport.clean import clean
from promises.textimport.parser import parse
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.test_documents import owners_and_targets, read

# Round 83: a page in Swedish and South Sami, a text read back in the wrong encoding, a web
# page printed from the browser with its header and footer on each page.

SAMI = (
    "Det här gör polisen\n"
    "• Genomför minst 25 trafikkontroller längs E14 varje år.\n\n"
    "Daate polijsi dorje\n"
    "• Unnemes 25 trafihkegïehtjedimmieh E14 jïh geajnoe 340 mietie fïereguhten jaepien.\n\n"
    "Det här gör kommunen\n"
    "• Har fältassistenter ute två kvällar i veckan.\n\n"
    "Daate tjïelte dorje\n"
    "• Byjjenbarkijh Krokomisnie jïh Åesnie göökte iehkedh fïereguhten våhkosne.\n"
)


def test_the_sami_translation_of_each_section_is_dropped():
    assert "jïh" not in clean(SAMI)
    document = parse(SAMI)
    assert [
        (a.responsible, a.target and (a.target.value, a.target.unit)) for a in document.activities
    ] == [
        # "längs" ends the counted noun: "trafikkontroller", never "E" of "E14"
        ("police", (25, "trafikkontroller")),
        ("municipality", (2, "kvällar")),
    ]
    # Without Sami words or letters enough, a line in an unknown language is left as it is.
    assert "Gaavhtesne" in clean("Gaavhtesne bearjadahkeekedsi.\nPolisen ska vara synlig.")


def test_the_page_in_swedish_and_south_sami():
    document = read("blind/krokom-2026-2027-svenska-sydsamiska.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att un"]
    assert owners_and_targets(document) == [
        ("Genomför minst 25 trafikkontro", "police", ("at_least", 25)),
        ("Besöker högstadiet i Krokom oc", "police", None),  # "per termin"
        ("Är synlig i Krokoms centrum på", "police", None),
        ("Har fältassistenter ute i Krok", "municipality", ("count", 2)),
        ("Bjuder in till sex föräldraträ", "municipality", ("count", 6)),
        ("Förbättrar belysningen vid bus", "municipality", None),
        ("Genomför två trygghetsvandring", "joint", ("count", 2)),
        ("Följer upp löftet i Krokoms br", "joint", None),
    ]
    assert document.activities[0].target.unit == "trafikkontroller"


MISREAD = "Polisen ska:\nâ€¢ genomfÃ¶ra minst 30 kontroller pÃ¥ vÃ¤g 24 â€“ Ã…sa\n"


def test_a_text_read_back_in_the_wrong_encoding_is_read_as_written():
    assert clean(MISREAD) == "Polisen ska:\n• genomföra minst 30 kontroller på väg 24 – Åsa"
    # Fewer than three such letters: a name or a word of another language's, left as it is.
    assert clean("São Paulo och Ã¥") == "São Paulo och Ã¥"


def test_the_promise_exported_in_the_wrong_encoding():
    document = read("blind/orkelljunga-2026-fel-teckenkodning.txt")
    assert "Ã" not in document.text and "â€" not in document.text
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att Ör"]
    assert owners_and_targets(document) == [
        ("genomföra minst 30 hastighetsk", "police", ("at_least", 30)),
        ("vara synlig vid busstationen t", "police", ("count", 2)),
        ("besöka årskurs 8 på Örkelljung", "police", None),
        ("se över belysningen på gång- o", "municipality", None),
        ("ha fältassistenter ute på fred", "municipality", None),
        ("anordna fyra föräldraträffar o", "municipality", ("count", 4)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("följa upp löftet i Örkelljunga", "joint", None),
    ]
    # The signature block is read from the text as given: repaired too.
    assert document.signing_place == "Örkelljunga"
    assert [s.name for s in document.signatories] == ["Åsa Nilsson", "Mikael Åberg"]


PRINTED = (
    "2026-02-11 10:42          Medborgarlöfte - Kils kommun\n"
    "Kommunen ska\n"
    "– ha fältassistenter ute vid resecentrum tre kvällar i veckan\n"
    "– röja buskage och byta ut belysningen på gångstråket mellan resecentrum och\n"
    "https://www.kil.se/medborgarlofte          1/2\n"
    "\f2026-02-11 10:42          Medborgarlöfte - Kils kommun\n"
    "  Kils centrum\n"
    "– anordna minst åtta drogfria fredagskvällar per år\n"
    "https://www.kil.se/medborgarlofte          2/2\n"
)


def test_a_line_broken_off_before_a_page_break_goes_on_with_a_name():
    assert clean(PRINTED).split("\n")[-3:] == [
        "– röja buskage och byta ut belysningen på gångstråket mellan resecentrum och",
        "Kils centrum",
        "– anordna minst åtta drogfria fredagskvällar per år",
    ]
    document = parse(PRINTED)
    assert [a.responsible for a in document.activities] == ["municipality"] * 3
    assert document.activities[1].text.endswith("mellan resecentrum och Kils centrum")
    # A line that ends a sentence stays apart from a capitalised line on the next page.
    ended = PRINTED.replace("resecentrum och\n", "resecentrum.\n")
    assert "Kils centrum" not in " ".join(a.text for a in parse(ended).activities)


def test_the_web_page_printed_from_the_browser():
    document = read("blind/kil-2026-2027-webbutskrift-sidhuvud.txt")
    assert "10:42" not in document.text and "1/2" not in document.text
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att fä"]
    assert owners_and_targets(document) == [
        ("genomföra minst 40 trafikkontr", "police", ("at_least", 40)),
        ("fotpatrullera i centrum och vi", "police", None),
        ("besöka Sannerudsskolans årskur", "police", ("count", 2)),
        ("ha fältassistenter ute vid res", "municipality", ("count", 3)),
        ("röja buskage och byta ut trasi", "municipality", None),
        ("anordna minst åtta drogfria fr", "municipality", ("at_least", 8)),
        ("genomföra tre trygghetsvandrin", "joint", ("count", 3)),
        ("bjuda in till en medborgardial", "joint", ("count", 1)),
        ("följa upp löftet i Kils brotts", "joint", ("count", 2)),
    ]


# Round 84: a consultation reply quoting the proposal part by part, a police operational plan's
# tasks with their "Styrtal", a page in Confluence's wiki markup.

CONSULTED = (
    "Löftet\n"
    "Förslagets lydelse: Vi lovar att arbeta för ett tryggare centrum.\n"
    "Kommunens synpunkt: Tillstyrks.\n\n"
    "Aktivitet 1\n"
    "Förslagets lydelse: Polisen genomför minst 20 trafikkontroller under året.\n"
    "Kommunens synpunkt: Tillstyrks, gärna vid skolstarten.\n\n"
    "Aktivitet 2\n"
    "Förslagets lydelse: Kommunen har fältassistenter ute tre kvällar i veckan.\n"
    "Kommunens synpunkt: Kommunen kan ha fältassistenter ute två kvällar i veckan.\n\n"
    "Övriga synpunkter\n"
    "Socialtjänsten kan samordna föräldravandringar minst en fredag i månaden.\n"
)


def test_a_consultation_reply_reads_the_proposals_wording_not_the_views():
    assert "Tillstyrks" not in clean(CONSULTED)
    assert "Förslagets lydelse" not in clean(CONSULTED)
    document = parse(CONSULTED)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för ett tryggare centrum."]
    assert [(a.title, a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("Trafikkontroller", "police", 20),  # "Aktivitet 1" names nothing, no promise
        ("Kommunen har fältassistenter ute", "municipality", 3),
    ]
    # One pair alone is no consultation's: its lines are kept.
    single = "Förslagets lydelse: Polisen ska vara synlig.\nKommentar: Bra.\n"
    assert clean(single) == single.strip()


def test_the_consultation_reply():
    document = read("blind/boxholm-2026-remissvar.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att Bo"]
    assert owners_and_targets(document) == [
        ("Polisen genomför minst 20 traf", "police", ("at_least", 20)),
        ("Polisen besöker Boxholms skola", "police", None),
        ("Kommunen har fältassistenter u", "municipality", ("count", 3)),  # the proposal's
        ("Kommunen byter ut belysningen ", "municipality", None),
        ("Kommunen och polisen genomför ", "joint", ("count", 2)),
        ("Polisen och kommunen följer up", "joint", None),
    ]


PLAN = (
    "Polismyndigheten\nPolisregion Nord\nLokalpolisområde Arvidsjaur\n\n"
    "1. Inriktning\nLokalpolisområdet ska prioritera trafiksäkerheten på väg 95.\n\n"
    "2. Medborgarlöfte 2026\n"
    "Löftet: Polisen och kommunen lovar att arbeta för säkrare vägar.\n\n"
    "3. Uppdrag och styrtal\n\n"
    "Uppdrag 3.1 Trafikkontroller på väg 95\n"
    "Ansvar: Polisen\n"
    "Styrtal: minst 40 trafikkontroller under året\n"
    "Resurs: 2 ptj per kontrolltillfälle\n\n"
    "Uppdrag 3.2 Föräldravandringar\n"
    "Ansvar: Kommunen\n"
    "Styrtal: 8 föräldravandringar per år\n\n"
    "4. Resurser\nInga särskilda medel avsätts.\n"
)


def test_a_plans_tasks_with_their_styrtal_are_activities():
    document = parse(PLAN)
    assert [p.text for p in document.promises] == [
        "Polisen och kommunen lovar att arbeta för säkrare vägar."
    ]
    assert [
        (a.title, a.responsible, a.target and (a.target.comparator, a.target.value))
        for a in document.activities
    ] == [
        ("Trafikkontroller på väg 95", "police", ("at_least", 40)),
        ("Föräldravandringar", "municipality", ("count", 8)),
    ]


def test_the_police_operational_plan():
    document = read("blind/arjeplog-2026-lokal-verksamhetsplan-styrtal.txt")
    assert [p.text[:30] for p in document.promises] == ["Polisen och Arjeplogs kommun l"]
    assert owners_and_targets(document) == [
        ("Trafikkontroller på väg 95", "police", ("at_least", 40)),
        ("Nykterhetskontroller vid sjöis", "police", None),  # "under januari–mars"
        ("Synlighet i centrum", "police", ("count", 2)),
        ("Föräldravandringar", "municipality", ("count", 8)),
        ("Information till testföretagen", "joint", ("count", 4)),
        ("Uppföljning av löftet", "joint", None),
    ]
    assert document.local_police_area == "Arvidsjaur"


CONFLUENCE = (
    "h1. Medborgarlöfte 2026\n"
    "{info}Sidan ägs av trygghetssamordnaren.{info}\n"
    "h2. Vårt löfte\n"
    "{quote}Vi lovar att arbeta för en trygg station.{quote}\n"
    "h2. Aktiviteter\n"
    "||Aktivitet||Ansvarig||Mål||Status||\n"
    "|Hastighetskontroller på Centrumvägen|Polisen|minst 24 per år|"
    "{status:colour=Green|title=Pågår}|\n"
    "|Fältassistenter ute i centrum|Kommunen| |{status:colour=Grey|title=Ej påbörjad}|\n"
    "Läs mer i [trygghetsmätningen|https://www.example.se/matning].\n"
)


def test_confluence_markup_is_read_as_the_page_shows_it():
    cleaned = clean(CONFLUENCE)
    assert "h2." not in cleaned and "{" not in cleaned and "https" not in cleaned
    assert "Läs mer i trygghetsmätningen." in cleaned
    document = parse(CONFLUENCE)
    assert [p.text for p in document.promises] == ["Vi lovar att arbeta för en trygg station."]
    assert [(a.title, a.responsible, a.target and a.target.value) for a in document.activities] == [
        ("Hastighetskontroller på Centrumvägen", "police", 24),
        ("Fältassistenter ute i centrum", "municipality", None),
    ]
    # Braces of one macro alone are no wiki page's: kept.
    assert clean("Se {info} och h2 nedan.") == "Se {info} och h2 nedan."


def test_the_confluence_page():
    document = read("blind/nykvarn-2026-2027-confluence-wikimarkup.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att Ny"]
    assert owners_and_targets(document) == [
        ("Hastighetskontroller på Centru", "police", ("at_least", 24)),
        ("Fotpatrullering vid pendeltågs", "police", None),
        ("Besök i Gillbergaskolans årsku", "police", ("count", 2)),
        ("Fältassistenter ute i centrum", "municipality", ("count", 3)),
        ("Ny belysning på gång- och cyke", "municipality", None),
        ("Trygghetsvandringar", "joint", ("count", 2)),
        ("Uppföljning i lokala Brå", "joint", None),
    ]
    # The page's log of changes ("Anna Berg: Lagt till kolumnen Status.") is no activity.
    assert not any("Anna Berg" in a.text for a in document.activities)


# Round 85: a post set in mathematical bold letters, a PDF whose drawn bold doubled its
# headings' letters, a transcription of handwritten notes with its marks.


def test_mathematical_bold_and_italic_letters_are_read_as_letters():
    text = "𝗗𝗲𝘁 𝗵ä𝗿 𝗴ö𝗿 𝗽𝗼𝗹𝗶𝘀𝗲𝗻\n▪️ Minst 30 trafikkontroller under 𝟮𝟬𝟮𝟲\n𝘓ö𝘧𝘵𝘦𝘵 𝘨ä𝘭𝘭𝘦𝘳 2026."
    assert clean(text).split("\n")[0] == "Det här gör polisen"
    assert clean(text).endswith("Löftet gäller 2026.")
    document = parse(text)
    assert [(a.responsible, a.target.value) for a in document.activities] == [("police", 30)]


def test_the_post_in_bold_letters():
    document = read("blind/gnesta-2026-instagram-unicode-fetstil.txt")
    assert [p.text[:30] for p in document.promises] == ["Vi lovar att arbeta för att du"]
    assert owners_and_targets(document) == [
        ("Minst 30 trafikkontroller på V", "police", ("at_least", 30)),
        ("Fotpatrullerar vid stationen f", "police", None),
        ("Besöker Dansutskolan i årskurs", "police", ("count", 2)),
        ("Fältassistenter ute i centrum ", "municipality", ("count", 3)),
        ("Bättre belysning i gångtunneln", "municipality", None),
        ("Tolv drogfria fredagskvällar p", "municipality", ("count", 12)),
        ("Tre trygghetsvandringar, två i", "joint", ("count", 3)),
        ("Löftet följs upp varje tertial", "joint", None),
    ]


def test_a_line_of_doubled_letters_is_read_with_each_once():
    text = "PPoolliisseenn sskkaa::\n• genomföra minst 20 hastighetskontroller per år\n"
    assert clean(text).split("\n")[0] == "Polisen ska:"
    assert parse(text).activities[0].responsible == "police"
    # Words that only hold some doubled letters, and rules of doubled dashes, stay as they are.
    assert clean("Allmänna sammanträdet\n––––––––") == "Allmänna sammanträdet\n––––––––"
    assert clean("Ett tillfälle") == "Ett tillfälle"


def test_the_pdf_with_doubled_letters():
    document = read("blind/ydre-2026-2027-pdf-dubbla-tecken.txt")
    assert document.text.startswith("MEDBORGARLÖFTE 2026–2027\nYdre kommun och Polisen")
    assert owners_and_targets(document) == [
        ("genomföra minst 20 hastighetsk", "police", ("at_least", 20)),
        ("vara synlig vid Österbymo skol", "police", ("at_least", 1)),
        ("besöka föräldramöten i årskurs", "police", ("count", 2)),
        ("hålla fritidsgården i Österbym", "municipality", ("count", 3)),
        ("sätta upp två hastighetsdispla", "municipality", ("count", 2)),
        ("ordna fyra drogfria ungdomskvä", "municipality", ("count", 4)),
        ("genomföra två trygghetsvandrin", "joint", ("count", 2)),
        ("följa upp löftet i Ydre brotts", "joint", ("count", 2)),
    ]
    # The signatures' doubled names too.
    assert [s.name for s in document.signatories] == ["Anna Karlsson", "Johan Svensson"]


def test_a_transcriptions_marks_are_dropped_with_the_words_struck_out():
    text = (
        "Polisen:\n"
        "- trafikkontroller på Storgatan, minst [överstruket: 15] 20 st under året\n"
        "- synas vid skolan [?] vid skolstart\n"
        "- belysning vid [oläsligt] – kolla med tekniska\n"
    )
    assert clean(text).split("\n")[1:] == [
        "- trafikkontroller på Storgatan, minst 20 st under året",
        "- synas vid skolan vid skolstart",
        "- belysning vid – kolla med tekniska",
    ]
    assert parse(text).activities[0].target.value == 20


def test_the_transcribed_handwritten_notes():
    document = read("blind/asele-2026-handskrivna-anteckningar.txt")
    assert "[" not in " ".join(a.text for a in document.activities)
    assert owners_and_targets(document) == [
        ("trafikkontroller på Storgatan ", "police", ("at_least", 20)),  # not the struck 15
        ("synas vid Vegaskolan vid skols", "police", None),
        ("nattvandring m. föräldrar? → M", "municipality", None),  # "(kommunen)"
        ("fritidsgården öppen 3 kvällar/", "municipality", ("count", 3)),
        ("belysning på gångvägen vid Åse", "municipality", None),
        ("2 föräldraträffar under året o", "municipality", ("count", 2)),
        ("trygghetsvandring i centrum 2 ", "joint", ("count", 2)),
        ("följa upp i Brå varje tertial", "joint", None),
    ]


# Costly inputs for the new rules, each cut to 199,000 characters: read in seconds.

N = 199_000


def _repeated(piece: str) -> str:
    return (piece * (N // len(piece) + 1))[:N]


COSTLY = {
    "sami lines": _repeated("• Unnemes 25 trafihkegïehtjedimmieh jïh fïereguhten jaepien.\n"),
    "misread letters": _repeated("genomfÃ¶ra â€“ pÃ¥ "),
    "misread pairs alone": "Ã¶ Ã¥ Ã¤ " + _repeated("Ã€"),
    "page breaks": _repeated("– röja buskage mellan resecentrum och stationen och\n\fKils\n"),
    "proposal pairs": _repeated("Förslagets lydelse: Polisen gör.\nKommunens synpunkt: Bra.\n"),
    "numbered headings": _repeated("Aktivitet 1\nPolisen genomför två kontroller.\n\n"),
    "plan tasks": _repeated(
        "Uppdrag 3.1 Kontroller\nAnsvar: Polisen\nStyrtal: minst 4\nResurs: 2 ptj\n\n"
    ),
    "confluence rows": "h1. Plan\nh2. A\n" + _repeated("|Kontroller|Polisen|{status:title=X}|\n"),
    "confluence pipes": "h1. Plan\nh2. A\n{info}\n|" + _repeated("||"),
    "math letters": _repeated("𝗣𝗼𝗹𝗶𝘀𝗲𝗻 𝘀𝗸𝗮 "),
    "doubled letters": _repeated("PPoolliisseenn sskkaa "),
    "doubled line unfinished": _repeated("PPoolliisseenn ") + "x",
    "transcription marks": _repeated("minst [överstruket: 15] 20 [oläsligt] [?] "),
}


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_costly_inputs_for_the_new_rules_are_read_in_seconds(name, realistic_seconds):
    started = time.process_time()
    parse(COSTLY[name][:N])
    assert time.process_time() - started < SLOWER_AT_MOST * realistic_seconds
