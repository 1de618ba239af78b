"""Reading a document's text from its file: .txt, .docx and PDF with text; bad files refused."""

import io
import struct
import time
import zipfile

import pytest
from django.utils import translation

from promises.textimport.extract import (
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
    ExtractError,
    extract_text,
)
from promises.textimport.parser import parse
from tests.import_documents import docx_bytes, image_only_pdf_bytes, pdf_bytes, seed_text


@pytest.fixture(autouse=True)
def _swedish():
    with translation.override("sv"):
        yield


def _refused(name: str, data: bytes) -> str:
    with pytest.raises(ExtractError) as raised:
        extract_text(name, data)
    return raised.value.message


def test_a_text_file_in_utf8_with_a_byte_order_mark_and_windows_line_breaks():
    data = "\ufeffMedborgarlöfte i Tranås\r\nPolisen ska genomföra minst tio kontroller.\r\n"
    text = extract_text("loften.TXT", data.encode("utf-8"))
    assert text == "Medborgarlöfte i Tranås\nPolisen ska genomföra minst tio kontroller.\n"


def test_a_text_file_saved_as_unicode_by_notepad_reads_with_its_swedish_letters():
    data = "Öka tryggheten på torget i Växjö".encode("utf-16")  # with its byte order mark
    assert extract_text("loften.txt", data) == "Öka tryggheten på torget i Växjö"


def test_a_text_file_saved_as_windows_1252_reads_with_its_swedish_letters():
    data = "Öka tryggheten på torget i Växjö".encode("cp1252")
    assert extract_text("loften.txt", data) == "Öka tryggheten på torget i Växjö"


def test_the_vetlanda_seed_as_word_reads_back_with_its_list_items():
    text = seed_text()
    read = extract_text("vetlanda.docx", docx_bytes(text))
    assert "Medborgarlöfte i Vetlanda kommun 2020-2021" in read
    assert "- Polisen ska genomföra minst femton trafikkontroller med inriktning på " in read
    assert read.count("\n- ") == 9
    assert "Henrik Tvarnö" in read


def test_a_word_paragraph_after_a_list_is_no_wrapped_line_of_its_last_item():
    """In a Word file each paragraph is its own: one after a list is set apart by a blank line,
    or the text reader took it for the last item's wrapped line ("Nattvandringar varje helg.
    Ansvar: Föreningen Nattvandrarna Medborgarlöftet gäller från …" as its owner)."""
    from docx import Document

    document = Document()
    document.add_paragraph("Aktiviteter")
    document.add_paragraph(
        "Nattvandringar varje helg. Ansvar: Föreningen Nattvandrarna", style="List Bullet"
    )
    document.add_paragraph("Medborgarlöftet gäller från och med 1 januari 2026.")
    document.add_paragraph("Uppföljning sker varje tertial.")
    buffer = io.BytesIO()
    document.save(buffer)
    read = extract_text("lista.docx", buffer.getvalue())
    assert read.splitlines() == [
        "Aktiviteter",
        "- Nattvandringar varje helg. Ansvar: Föreningen Nattvandrarna",
        "",
        "Medborgarlöftet gäller från och med 1 januari 2026.",
        "Uppföljning sker varje tertial.",
    ]
    (activity,) = parse(read).activities
    assert activity.text == "Nattvandringar varje helg."
    assert activity.responsible_other == "Föreningen Nattvandrarna"


def test_a_word_table_reads_cell_by_cell():
    from docx import Document

    document = Document()
    document.add_paragraph("Aktiviteter")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Trygghetsvandringar"
    table.rows[0].cells[1].text = "Kommunen ska genomföra två trygghetsvandringar."
    buffer = io.BytesIO()
    document.save(buffer)
    read = extract_text("tabell.docx", buffer.getvalue())
    assert read.splitlines() == [
        "Aktiviteter",
        "Trygghetsvandringar",
        "Kommunen ska genomföra två trygghetsvandringar.",
    ]


def test_tabs_and_line_breaks_inside_a_word_paragraph_are_kept():
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    paragraph = document.add_paragraph("Polisen lovar:")
    paragraph.add_run().add_break(WD_BREAK.LINE)
    paragraph.add_run("1.\tTrafikkontroller")
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract_text("rad.docx", buffer.getvalue()) == "Polisen lovar:\n1.\tTrafikkontroller"


def test_a_pdf_with_a_text_layer_reads_back_its_words():
    text = seed_text()
    read = extract_text("vetlanda.pdf", pdf_bytes(text))
    flat = " ".join(read.split())
    assert "Polisen ska genomföra minst femton trafikkontroller" in flat
    assert "Kommunen ska under perioden presentera minst två hastighetsdämpande" in flat
    assert "Lokalpolisområde Höglandet" in flat


def test_a_scanned_pdf_without_text_gets_a_clear_swedish_message():
    message = _refused("skannad.pdf", image_only_pdf_bytes())
    assert "skannat papper" in message
    assert "Klistra in texten" in message


def test_a_pdf_with_too_many_pages_is_refused():
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(MAX_PDF_PAGES + 1):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    assert f"fler än {MAX_PDF_PAGES} sidor" in _refused("lang.pdf", buffer.getvalue())


def test_a_password_protected_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Hemligt löfte"))))
    writer.encrypt("hemligt")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "lösenord" in _refused("skyddad.pdf", buffer.getvalue())


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("loften.doc", b"\xd0\xcf\x11\xe0 gammalt Word", "Ladda upp dokumentet som"),
        ("loften.odt", b"PK\x03\x04", "Ladda upp dokumentet som"),
        ("loften", b"text", "Ladda upp dokumentet som"),
        ("loften.txt", b"", "Filen är tom"),
        ("loften.docx", b"", "Filen är tom"),
        ("loften.txt", b"   \n\t \r\n", "innehåller ingen text"),
        ("loften.txt", bytes(range(256)) * 8, "inte en textfil"),
        ("loften.txt", b"\x00\x01\x02binary\x00", "inte en textfil"),
        ("loften.docx", b"not a zip at all", "Word-filen kunde inte läsas"),
        ("loften.docx", b"PK\x03\x04" + b"\x00" * 200, "Word-filen kunde inte läsas"),
        ("loften.pdf", b"%PDF-1.7\n%broken\n" + b"\x00\xff" * 100, "PDF-filen kunde inte läsas"),
        ("loften.pdf", b"GIF89a not a pdf", "PDF-filen kunde inte läsas"),
        ("loften.txt", b"a" * (1024 * 1024 + 1), "större än 1 MB"),
    ],
)
def test_bad_files_are_refused_in_swedish(name, data, words):
    assert words in _refused(name, data)


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hej")
    assert "Word-filen kunde inte läsas" in _refused("loften.docx", buffer.getvalue())


def test_a_word_file_that_unpacks_to_too_much_is_refused_before_it_is_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (31 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024
    assert "för stor" in _refused("bomb.docx", buffer.getvalue())


def test_a_word_file_that_states_false_sizes_is_counted_as_it_unpacks():
    # Its part says it unpacks to 100 bytes and unpacks to 200 MB: zipfile unpacked it whole,
    # in memory (1.9 GB for a 950 MB part, four such uploads took every worker down).
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (200 * 1024 * 1024))
    data = bytearray(buffer.getvalue())
    name = b"word/document.xml"
    local, central = data.index(name) - 30, data.rindex(name) - 46
    assert data[local : local + 4] == b"PK\x03\x04" and data[central : central + 4] == b"PK\x01\x02"
    struct.pack_into("<I", data, local + 22, 100)
    struct.pack_into("<I", data, central + 24, 100)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        assert archive.getinfo("word/document.xml").file_size == 100
    started = time.process_time()
    assert "för stor" in _refused("bomb.docx", bytes(data))
    # Counted a chunk at a time and stopped past the limit: no 200 MB unpacked.
    assert time.process_time() - started < 0.5


def test_a_text_longer_than_one_document_is_refused():
    assert "längre än" in _refused("lang.txt", b"ord " * (MAX_TEXT_CHARS // 4 + 1))


def test_a_header_repeated_on_every_pdf_page_is_dropped_by_the_parser():
    from weasyprint import HTML

    from promises.textimport.parser import parse

    header = '<p class="h">Tranås kommun · Tjänsteutlåtande · Dnr KS 2023/117</p>'
    pages = [
        "<p>Polisen och kommunen lovar gemensamt att arbeta för:</p>"
        "<p>- Att öka tryggheten i centrala Tranås.</p>",
        "<p>Det ska vi åstadkomma genom följande aktiviteter:</p>"
        "<p>- Polisen ska genomföra minst tio trafikkontroller per år.</p>",
    ]
    body = "".join(
        f'<section style="page-break-after: always">{header}{page}</section>' for page in pages
    )
    html = f'<html lang="sv"><body style="font-family: DejaVu Sans">{body}</body></html>'
    text = extract_text("tranas.pdf", HTML(string=html).write_pdf())
    assert text.count("Tjänsteutlåtande") == 2 and "\f" in text
    document = parse(text)
    assert "Tjänsteutlåtande" not in document.text
    [activity] = document.activities
    assert activity.target.value == 10 and activity.target.scope == "year"


def _one_page_pdf(lines: list[str], top: str = "", bottom: str = "") -> bytes:
    """A one-page PDF of `lines`, one paragraph each, with a page header and footer printed in
    the page's margins as a word processor prints them (CSS margin boxes)."""
    from django.utils.html import escape
    from weasyprint import HTML

    boxes = "".join(
        f'@{place} {{ content: "{text}"; font-size: 8pt }}'
        for place, text in (("top-center", top), ("bottom-center", bottom))
        if text
    )
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in lines)
    html = (
        f'<html lang="sv"><head><style>@page {{ size: A4; margin: 2cm; {boxes} }}</style></head>'
        f'<body style="font-family: DejaVu Sans">{paragraphs}</body></html>'
    )
    return HTML(string=html).write_pdf()


_ONE_PAGE = [
    "Medborgarlöfte Vetlanda 2026",
    "Polisen och Vetlanda kommun lovar att arbeta för ett tryggare centrum kvällstid.",
    "Polisen ska:",
    "- genomföra minst 20 trafikkontroller vid skolorna under året",
    "Kommunen ska:",
    "- ha fältassistenter ute i centrum tre kvällar i veckan",
]


@pytest.mark.parametrize(
    ("top", "bottom", "gone"),
    [
        ("", "Vetlanda kommun | Storgatan 1 | 574 80 Vetlanda | www.vetlanda.se", "Storgatan"),
        ("", "Sida 1 av 1", "Sida 1"),
        ("", "1 (1)", "(1)"),
        ("", "- 1 -", "- 1 -"),
        ("Polisen – Lokalpolisområde Höglandet • polisen.se", "", "polisen.se"),
        ("", "Växel: 0383-970 00 • E-post: kommun@vetlanda.se", "0383"),
        ("Vetlanda kommun | Medborgarlöfte 2026 Sida 1 av 1", "", "Sida 1"),
    ],
)
def test_a_one_page_pdfs_footer_or_header_is_no_part_of_its_reading(top, bottom, gone):
    from promises.textimport.parser import parse

    text = extract_text("vetlanda.pdf", _one_page_pdf(_ONE_PAGE, top, bottom))
    assert gone not in text and "\f" not in text
    document = parse(text)
    assert gone not in document.text
    police, municipality = document.activities
    assert police.text == "genomföra minst 20 trafikkontroller vid skolorna under året"
    assert police.responsible == "police" and police.target.value == 20
    assert municipality.text == "ha fältassistenter ute i centrum tre kvällar i veckan"
    assert municipality.target.value == 3 and municipality.target.scope == "week"


def test_a_one_page_pdfs_footer_printed_as_its_last_lines_is_dropped():
    """A footer typed into the document itself, right under the last item, on two lines."""
    lines = [
        *_ONE_PAGE,
        "Polisen – Lokalpolisområde Höglandet • polisen.se",
        "Vetlanda kommun, Storgatan 1, 574 80 Vetlanda | Sida 1 av 1",
    ]
    text = extract_text("vetlanda.pdf", pdf_bytes("\n".join(lines)))
    assert "polisen.se" not in text and "Storgatan" not in text
    last = text.rstrip().splitlines()[-1]
    assert last.strip() == "- ha fältassistenter ute i centrum tre kvällar i veckan"


def test_a_one_page_pdf_whose_last_line_is_an_activity_keeps_it():
    lines = [
        *_ONE_PAGE[:5],
        "Kommunen genomför trygghetsvandringar på Storgatan 1 gång i kvartalet",
        "Polisen genomför hastighetskontroller vid Skolgatan 12 två gånger i månaden",
    ]
    text = extract_text("vetlanda.pdf", pdf_bytes("\n".join(lines)))
    assert "Storgatan 1 gång i kvartalet" in text
    assert text.rstrip().endswith("Skolgatan 12 två gånger i månaden")


def test_a_one_page_pdf_keeps_its_signature_block_above_the_footer():
    from promises.textimport.parser import parse

    lines = [
        *_ONE_PAGE,
        "Vetlanda den 15 januari 2026",
        "Anna Ekdahl, kommunstyrelsens ordförande, Vetlanda kommun",
        "Per Holm, lokalpolisområdeschef, Polisen",
    ]
    footer = "Vetlanda kommun | Storgatan 1 | 574 80 Vetlanda | www.vetlanda.se"
    text = extract_text("vetlanda.pdf", _one_page_pdf(lines, bottom=footer))
    assert "Storgatan" not in text
    document = parse(text)
    assert document.signing_place == "Vetlanda"
    assert [person.name for person in document.signatories] == ["Anna Ekdahl", "Per Holm"]


def test_a_pdf_of_two_pages_keeps_an_address_line_it_prints_once():
    """Only a one-page PDF's edges are told by what they say; a longer PDF's by repetition."""
    from weasyprint import HTML

    pages = [
        "<p>Polisen ska genomföra minst tio trafikkontroller per år.</p>",
        "<p>Kommunen ska ha fältassistenter ute två kvällar i veckan.</p>"
        "<p>Vetlanda kommun | Storgatan 1 | 574 80 Vetlanda</p>",
    ]
    body = "".join(f'<section style="page-break-after: always">{page}</section>' for page in pages)
    html = f'<html lang="sv"><body style="font-family: DejaVu Sans">{body}</body></html>'
    text = extract_text("vetlanda.pdf", HTML(string=html).write_pdf())
    assert "Storgatan 1" in text
