"""The period's texts proposed from a document: its situation picture (lägesbild), background and
follow-up, each from its section or from running text that plainly is one, as written; nothing
from a document that has none, and no promise or activity reading changed."""

from pathlib import Path

import pytest

from promises.textimport.extract import extract_text
from promises.textimport.parser import parse
from promises.textimport.texts import LONGEST_TEXT
from tests.import_documents import docx_bytes, pdf_bytes, seed_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FOLDERS = (FIXTURES / "seeds", FIXTURES / "textimport", FIXTURES / "textimport" / "blind")
FIELDS = ("situation", "background", "follow_up_text")


def read(name: str):
    path = next(folder / name for folder in FOLDERS if (folder / name).exists())
    return parse(path.read_text(encoding="utf-8"))


# Per document, each text proposed as (its start, its end); a text not named is proposed empty.
EXPECTED = {
    # A signed promise: "Vad är ett medborgarlöfte", "Lägesbild" and "Uppföljning" sections;
    # the opening paragraph (who formulates the promises, the validity) is none of them.
    "vetlanda-2020-2021-signed-promise.txt": {
        "situation": (
            "Erfarenheter från medarbetare, underrättelsebilder,",
            "ökar bland unga både lokalt och nationellt.",
        ),
        "background": (
            "Samverkan mellan polis och kommun är en nödvändighet",
            "tagits fram i dialog med medborgare och medarbetare.",
        ),
        "follow_up_text": (
            "Medborgarlöftena kommer att följas upp kontinuerligt",
            "anpassas till en förändrad lägesbild.",
        ),
    },
    # A police web page: the situation in running text, then under "Situationen idag"; the
    # follow-up under "Följ med i hur det går!", without the validity and the contact after it.
    "tranemo-one-year-police-page.txt": {
        "situation": (
            "Vid trygghetsmöten, SAMFU (Samverkan kring brottsförebyggande",
            "Vi vill fokusera på dessa platser för att öka tryggheten.",
        ),
        "follow_up_text": (
            "Polisen och kommunen redovisar på respektive hemsida hur arbetet går.",
            "vilka insatser som gjorts och hur arbetet går vidare.",
        ),
    },
    # A scanned decision proposal: "Beskrivning av ärendet" is the background, its OCR damage as
    # the reader leaves it and its wrapped lines joined.
    "tranas-2023-2024-decision-proposal.txt": {
        "background": (
            "Samverkan mellan polis och kommun ar en nédvindighet for det att brottsforebyggande",
            "upplever som viktigast for att kinna sig trygga och sikra.",
        ),
    },
    # "Lägesbild" ends at the place and date of the signing; the opening says how the promise
    # was made.
    "halmstad-2019-2020-signed.txt": {
        "situation": (
            "I medborgarundersökningen 2018 svarade 38 %",
            "Antalet anmälda trafikolyckor var 112 under 2017.",
        ),
        "background": (
            "Halmstads kommun och lokalpolisområde Halmstad har tagit fram medborgarlöftet",
            "Löftet gäller från 1 april 2019 till 31 mars 2021.",
        ),
    },
    "ystad-unstated-owners.txt": {
        "follow_up_text": (
            "Löftena följs upp vid tertialmöten.",
            "Efter en årlig översyn kan löftena revideras.",
        ),
    },
    # A form: "Problembild" right under its heading, no blank line between.
    "ale-2025-mall.txt": {
        "situation": (
            "Invånare i Nödinge och Älvängen upplever otrygghet",
            "det förekommer skadegörelse och narkotikaförsäljning.",
        ),
        "follow_up_text": (
            "Löftet följs upp av Trygghetsrådet",
            "i juni och december.",
        ),
    },
    # A PDF's table: "Bakgrund" (its lines joined) ends at the promise heading right under it,
    # "Uppföljning" at the signature lines.
    "arvika-2025-2026-pdf-tabell.txt": {
        "background": (
            "I trygghetsmätningen 2024 uppgav var tredje boende i Arvika centrum att de känner sig "
            "otrygga på kvällen.",
            "Anmälningarna om skadegörelse vid Kyrkviken har ökat.",
        ),
        "follow_up_text": (
            "Löftet följs upp i det brottsförebyggande rådet.",
            "Löftet följs upp i det brottsförebyggande rådet.",
        ),
    },
    # Numbered headings: "1 Inledning", "2 Lägesbild", "4 Uppföljning"; "3 Medborgarlöften"
    # ends the situation.
    "sodertalje-2025-2026-rubriknummer.txt": {
        "situation": (
            "Andelen invånare som känner sig otrygga i sitt bostadsområde",
            "anmäldes 212 fall av skadegörelse i de två områdena.",
        ),
        "background": (
            "Södertälje kommun och lokalpolisområde Södertälje tecknar medborgarlöften",
            "på medborgardialoger i Hovsjö och Ronna.",
        ),
        "follow_up_text": (
            "Löftena följs upp i det lokala brottsförebyggande rådet",
            "i juni och december varje år.",
        ),
    },
    # A scan without å/ä/ö: "Uppfoljning" is read as the heading; the signatures are left out.
    "nassjo-2026-2027-ocr-sidhuvud.txt": {
        "background": (
            "I medborgarundersokningen 2025 uppgav manga boende att de kanner sig otrygga",
            "Antalet trafikolyckor i tatorten har okat under de senaste tre aren.",
        ),
        "follow_up_text": (
            "Loftena foljs upp varje kvartal i det lokala brottsforebyggande radet och",
            "redovisas pa polisen.se och nassjo.se.",
        ),
    },
    # A PDF's wrapped lines joined into one paragraph.
    "lycksele-2026-2027-delmal.txt": {
        "background": (
            "Medborgarlöftet bygger på en gemensam lägesbild som kommunen och polisen tagit fram "
            "under hösten 2025.",
            "trafiken förbi skolorna på Norrängsvägen nämns ofta.",
        ),
        "follow_up_text": (
            "Löftet följs upp två gånger per år i Brottsförebyggande rådet, där polisen och "
            "kommunen redovisar",
            "genomförda aktiviteter.",
        ),
    },
    # A Word file without blank lines: the running opening says how the promise was made; the
    # place, date and names right under "Uppföljning" are the signatures.
    "sunne-2026-2027-word-tabell.txt": {
        "background": (
            "Sunne kommun och lokalpolisområde Arvika har tillsammans tagit fram detta",
            "Löftet gäller från 1 januari 2026 till 31 december 2027.",
        ),
        "follow_up_text": (
            "Löftet följs upp i trygghetsrådet två gånger per år",
            "redovisas på sunne.se och polisen.se.",
        ),
    },
    # Slides: "Varför medborgarlöfte?" over short lines, each kept a line; the validity ends it.
    "storuman-2026-2027-bildspel.txt": {
        "background": (
            "Ett gemensamt åtagande mellan kommun och polis\n",
            "\nBygger på lägesbild och medborgardialog",
        ),
    },
    # Markdown: "## Bakgrund".
    "timra-2025-markdown.txt": {
        "background": (
            "Lägesbilden visar att många unga vistas i Timrå centrum",
            "Trafiken vid Vivstavarvsskolan upplevs som otrygg av föräldrar.",
        ),
    },
    # Question headings: "Vad är ett medborgarlöfte?", "Vad har invånarna sagt?", "Hur följer vi
    # upp?".
    "uppsala-2025-fragor.txt": {
        "situation": (
            "I trygghetsundersökningen 2024 svarade 38 procent",
            "att de undviker centrum på kvällen.",
        ),
        "background": (
            "Ett medborgarlöfte är ett löfte från polisen och kommunen",
            "Löftet gäller under 2025.",
        ),
        "follow_up_text": (
            "Vi redovisar resultatet på uppsala.se och polisen.se",
            "i januari 2026.",
        ),
    },
    # The follow-up only in a footnote, its mark taken off.
    "katrineholm-2026-fotnoter.txt": {
        "background": (
            "Den lokala lägesbilden visar att många upplever otrygghet",
            "att de undviker Stortorget efter kl. 21.",
        ),
        "follow_up_text": (
            "Löftet följs upp i kommunstyrelsen i mars 2027.",
            "Löftet följs upp i kommunstyrelsen i mars 2027.",
        ),
    },
    # Paragraphs only: what the dialogue showed, and how the work is followed up.
    "nykoping-2026-stycken.txt": {
        "situation": (
            "Det är viktigt att alla som bor i Nyköping kan röra sig tryggt",
            "nämnde Stora torget och resecentrum.",
        ),
        "follow_up_text": (
            "Arbetet följs upp av det brottsförebyggande rådet",
            "två gånger under året.",
        ),
    },
    # Two running paragraphs on the follow-up, each its own.
    "haparanda-2025-koder.txt": {
        "follow_up_text": (
            "Medborgarlöftet gäller under 2025 och följs upp i december.\n\n",
            "\n\nUppföljning sker i Trygghetsrådet.",
        ),
    },
    # "Så tog vi fram löftena" is the background.
    "kungsbacka-2025-2026-parentes.txt": {
        "background": (
            "Under hösten 2024 genomfördes en medborgarundersökning",
            "oroar sig för trafiken vid skolorna.",
        ),
        "follow_up_text": (
            "Löftena följs upp av det lokala brottsförebyggande rådet.",
            "Resultatet redovisas på kommunens webbplats.",
        ),
    },
    # A minute: "Ärendet" is the background; "Beslutet skickas till" ends the follow-up.
    "uddevalla-2026-2027-protokollsutdrag.txt": {
        "background": (
            "Kommunen och polisen har sedan 2016 tecknat medborgarlöften.",
            "Löftet gäller från den 1 januari 2026 till den 31 december 2027.",
        ),
        "follow_up_text": (
            "Löftet följs upp av Brottsförebyggande rådet",
            "två gånger per år.",
        ),
    },
    # The names over the signatories' titles are no follow-up.
    "karlshamn-2026-resultat-och-mal.txt": {
        "follow_up_text": (
            "Resultaten redovisas i kommunstyrelsen i februari 2027.",
            "Resultaten redovisas i kommunstyrelsen i februari 2027.",
        ),
    },
    # Documents with none of the texts propose none: activities only, a district's promise, a
    # scanned decision, a table, an easy-to-read page.
    "boras-activities-only.txt": {},
    "rinkeby-polisen-district.txt": {},
    "eksjo-2021-2022-ocr-scan.txt": {},
    "lulea-2025-table.txt": {},
    "falkenberg-2026-2027-lattlast.txt": {},
    # An agreement's own purpose and organisation are not the promise's, nor is its appendix's
    # list.
    "hylte-2025-samverkansoverenskommelse-bilaga.txt": {},
    "kalix-2025-2026-overenskommelse.txt": {},
    # Follow-up written as an activity stays an activity.
    "vetlanda-2026-var-del.txt": {},
    "falkoping-2025-stycken.txt": {},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_text_is_proposed_from_the_document_as_written(name):
    document = read(name)
    for field in FIELDS:
        text = getattr(document, field)
        expected = EXPECTED[name].get(field)
        if expected is None:
            assert text == "", f"{name}: {field} proposed: {text!r}"
            continue
        start, end = expected
        assert text.startswith(start), f"{name}: {field} starts {text[:80]!r}"
        assert text.endswith(end), f"{name}: {field} ends {text[-80:]!r}"


def test_the_seed_texts_keep_their_paragraphs_and_leave_out_the_rest():
    vetlanda = read("vetlanda-2020-2021-signed-promise.txt")
    assert vetlanda.situation.count("\n\n") == 1
    assert vetlanda.background.count("\n\n") == 2
    assert "formulerar Vetlanda kommun" not in vetlanda.background
    for text in (vetlanda.situation, vetlanda.background, vetlanda.follow_up_text):
        assert "Henrik Tvarnö" not in text and "Vetlanda 2xxxxx" not in text
        assert "trafikkontroller" not in text  # no activity
    tranemo = read("tranemo-one-year-police-page.txt")
    assert tranemo.situation.count("\n\n") == 2
    assert "Medborgarlöftet gäller" not in tranemo.follow_up_text
    assert "Joakim Börjesson" not in tranemo.follow_up_text
    # A web page's lines are its paragraphs: each kept a line.
    assert tranemo.follow_up_text.count("\n") == 2


def test_wrapped_lines_are_joined_into_their_paragraph():
    for name in ("lycksele-2026-2027-delmal.txt", "tranas-2023-2024-decision-proposal.txt"):
        document = read(name)
        text = document.background
        for paragraph in text.split("\n\n"):
            assert "\n" not in paragraph, (name, paragraph)


@pytest.mark.parametrize(
    "kind, data",
    [
        ("pdf", lambda text: pdf_bytes(text)),
        ("docx", lambda text: docx_bytes(text)),
    ],
)
def test_a_word_file_or_pdf_of_the_seed_gives_the_same_texts(kind, data):
    text = seed_text()
    as_text = parse(text)
    as_file = parse(extract_text(f"vetlanda.{kind}", data(text)))
    for field in FIELDS:
        assert getattr(as_file, field) == getattr(as_text, field)


def test_a_section_keeps_its_list_and_ends_at_the_next_heading():
    document = parse(
        "Medborgarlöfte Exempelby 2027\n\n"
        "Lokal lägesbild\n\n"
        "Trygghetsmätningen 2026 visade att:\n"
        "- många undviker torget på kvällen,\n"
        "- fler anmäler skadegörelse vid skolan.\n\n"
        "Polisen lovar att:\n"
        "- genomföra minst tio trafikkontroller under året.\n\n"
        "Så följer vi upp\n"
        "Medborgarlöftet följs upp i trygghetsrådet.\n\n"
        "Kontakt: kommunpolisen, telefon 114 14.\n"
    )
    assert document.situation == (
        "Trygghetsmätningen 2026 visade att:\n"
        "- många undviker torget på kvällen,\n"
        "- fler anmäler skadegörelse vid skolan."
    )
    assert document.follow_up_text == "Medborgarlöftet följs upp i trygghetsrådet."
    assert document.background == ""
    assert len(document.activities) == 1


def test_running_text_never_takes_a_quotation_nor_a_promise():
    document = parse(
        "Polisen och kommunen ska arbeta för ett tryggare centrum.\n\n"
        "– Lägesbilden visar att många känner sig otrygga, säger kommunpolisen.\n\n"
        "Polisen ska genomföra minst tio fotpatruller i centrum under 2027.\n"
    )
    assert (document.situation, document.background, document.follow_up_text) == ("", "", "")


def test_a_heading_with_nothing_under_it_proposes_nothing():
    document = parse(
        "Bakgrund\n\n"
        "Lägesbild\n"
        "Medborgardialogen visade att många undviker stationen.\n\n"
        "Uppföljning\n\n"
        "Ängelholm den 15 januari 2027\n"
    )
    assert document.situation == "Medborgardialogen visade att många undviker stationen."
    assert (document.background, document.follow_up_text) == ("", "")


def test_a_text_stops_before_the_paragraph_that_would_pass_the_limit():
    paragraph = "Trygghetsmätningen visade att många upplever otrygghet i centrum. " * 20
    count = LONGEST_TEXT // len(paragraph) + 5
    document = parse("Lägesbild\n\n" + "\n\n".join([paragraph.strip()] * count) + "\n")
    assert 0 < len(document.situation) <= LONGEST_TEXT
    assert document.situation.endswith("centrum.")


def test_a_proposed_text_holds_nothing_the_form_would_refuse():
    document = parse("Uppföljning\n\nLöftet följs upp \u202evarje\ue000 tertial.\n")
    assert document.follow_up_text == "Löftet följs upp varje tertial."
