"""Our own documents read the same from a Word file and from a PDF as from their text: the
.docx and .pdf are made here from tests/fixtures/textimport/*.txt, then read back through
`extract_text` and `parse`, and compared with expected.json (owners, partners and targets;
the PDF's line wrapping may join or split the words of an item's text, not what is read)."""

import pytest

from promises.textimport.extract import extract_text
from promises.textimport.parser import parse
from tests.import_documents import docx_bytes
from tests.promises.textimport.test_documents import DOCUMENTS, EXPECTED, summary


def pdf_with_pages(text: str) -> bytes:
    """`text` as a PDF with its lines as they are (long ones wrapped at the page's width), a
    page per form-feed-separated part (a scanned and OCR'd document printed again, page
    headers and all). Word's private-use bullet (U+F0B7) is drawn as the "•" a printer shows:
    no font here has a glyph for it. Ligatures are off: the fonts here give "ffi" no text."""
    from django.utils.html import escape
    from weasyprint import HTML

    pages = "".join(
        f'<div style="white-space: pre-wrap; page-break-after: always">{escape(page)}</div>'
        for page in text.replace("\uf0b7", "•").split("\f")
    )
    style = "font-family: DejaVu Sans; font-size: 10pt; font-variant-ligatures: none"
    return HTML(string=f'<html lang="sv"><body style="{style}">{pages}</body></html>').write_pdf()


MAKERS = {"docx": docx_bytes, "pdf": pdf_with_pages}


def essentials(reading: dict) -> dict:
    """What must survive the file format: the validity, the promises and each activity's owner,
    partners and target."""
    return {
        "period": reading["period"],
        "parties": reading["parties"],
        "promises": [" ".join(text.split()) for text in reading["promises"]],
        "activities": [
            (a["responsible"], a["other"], a["partners"], a["target"])
            for a in reading["activities"]
        ],
    }


@pytest.mark.parametrize("kind", sorted(MAKERS))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_document_reads_the_same_from_word_and_pdf(name, kind):
    text = (DOCUMENTS / name).read_text(encoding="utf-8")
    data = MAKERS[kind](text)
    read = parse(extract_text(name.replace(".txt", f".{kind}"), data))
    assert essentials(summary(read)) == essentials(EXPECTED[name])


def _word_table(rows: list[tuple], lead: list[str], arrange=None) -> str:
    """The text read from a Word file with the paragraphs `lead` and a table of `rows` (its
    cells filled with the texts; `arrange(word, table)` may change it before saving)."""
    import io

    from docx import Document

    word = Document()
    for paragraph in lead:
        word.add_paragraph(paragraph)
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    if arrange:
        arrange(word, table)
    data = io.BytesIO()
    word.save(data)
    return extract_text("plan.docx", data.getvalue())


def test_a_word_tables_empty_cell_keeps_its_row_and_the_rows_after_it():
    rows = [
        ("Aktivitet", "Ansvarig", "Mål"),
        ("Trygghetsvandringar", "Kommunen", "2 per år"),
        ("Närvaro vid evenemang", "Polisen", ""),
        ("", "", ""),
        ("Trafikkontroller", "Polisen", "Minst 10 per månad"),
    ]
    document = parse(_word_table(rows, ["Medborgarlöfte 2025"]))
    read_back = [(a.text, a.responsible, a.target and a.target.value) for a in document.activities]
    assert read_back == [
        ("Trygghetsvandringar", "municipality", 2),
        ("Närvaro vid evenemang", "police", None),
        ("Trafikkontroller", "police", 10),
    ]


def test_a_word_table_ends_at_the_party_list_right_after_it():
    """A Word table's rows come a cell per line, and so does a numbered list after it: its
    heading "Polisen åtar sig också att:" is no row, and its items are the police's."""
    import io

    from docx import Document

    word = Document()
    word.add_paragraph("Aktiviteter")
    rows = [("Aktivitet", "Ansvarig", "Mål"), ("Trygghetsvandringar", "Kommunen", "2 per år")]
    table = word.add_table(rows=len(rows), cols=3)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    word.add_paragraph("Polisen åtar sig också att:")
    for item in ("delta i trygghetsrådet varje månad,", "besöka skolorna minst en gång per år."):
        word.add_paragraph(item, style="List Number")
    data = io.BytesIO()
    word.save(data)
    document = parse(extract_text("plan.docx", data.getvalue()))
    assert [(a.text, a.responsible) for a in document.activities] == [
        ("Trygghetsvandringar", "municipality"),
        ("delta i trygghetsrådet varje månad", "police"),
        ("besöka skolorna minst en gång per år.", "police"),
    ]


def test_a_word_table_of_promises_with_their_activities_beside_them():
    """ "Löfte" | "Aktiviteter": each row a promise and its activities, as a list or as one
    paragraph."""

    def list_in_first_row(word, table):
        listed = table.rows[1].cells[1]
        listed.paragraphs[0].style = word.styles["List Bullet"]
        listed.add_paragraph("Kommunen förbättrar belysningen vid torget.", style="List Bullet")

    rows = [
        ("Löfte", "Aktiviteter"),
        (
            "Tryggare centrum i Vellinge",
            "Polisen genomför fotpatruller i centrum minst två kvällar i veckan.",
        ),
        ("Säkrare trafik vid skolorna", "Polisen genomför minst 20 hastighetskontroller per år."),
    ]
    lead = [
        "Medborgarlöfte Vellinge 2025–2026",
        "Polisen och Vellinge kommun lovar att arbeta med följande.",
    ]
    document = parse(_word_table(rows, lead, list_in_first_row))
    assert [p.text for p in document.promises] == [
        "Tryggare centrum i Vellinge",
        "Säkrare trafik vid skolorna",
    ]
    read_back = [(a.text[:24], a.responsible, a.promise_indexes) for a in document.activities]
    assert read_back == [
        ("Polisen genomför fotpatr", "police", [0]),
        ("Kommunen förbättrar bely", "municipality", [0]),
        ("Polisen genomför minst 2", "police", [1]),
    ]


def test_a_word_table_whose_promise_cell_spans_its_activities_rows():
    rows = [
        ("Löfte", "Aktivitet", "Ansvarig"),
        ("Tryggare centrum", "Fotpatruller i centrum", "Polisen"),
        ("", "Belysning vid torget", "Kommunen"),
        ("Säkrare trafik", "Hastighetskontroller vid skolorna", "Polisen"),
    ]

    def merge_promise_cell(_word, table):
        table.cell(1, 0).merge(table.cell(2, 0))  # one promise cell over two rows

    document = parse(_word_table(rows, ["Medborgarlöfte 2025"], merge_promise_cell))
    assert [p.text for p in document.promises] == ["Tryggare centrum", "Säkrare trafik"]
    assert [(a.responsible, a.promise_indexes) for a in document.activities] == [
        ("police", [0]),
        ("municipality", [0]),
        ("police", [1]),
    ]


@pytest.mark.parametrize("width", ["auto", "12cm"])
def test_a_table_printed_in_a_pdf_is_read_row_by_row(width):
    """A PDF's text keeps a table's columns apart by spaces, not in line (proportional
    fonts): the rows are read under their header as a table's. In a narrow table its cells
    wrap onto the next lines, and go on there; a row with an empty cell is a row still."""
    from django.utils.html import escape
    from weasyprint import HTML

    rows = [
        ("Aktivitet", "Ansvarig", "Omfattning"),
        ("Fotpatrullering i Handen centrum på kvällar", "Polisen", "minst 8 pass per månad"),
        ("Ordningsvakter vid Haninge C", "Kommunen", "fredag och lördag kväll"),
        ("Närvaro vid evenemang", "Polisen", ""),
        ("Trygghetsvandring i Jordbro", "Gemensamt", "2 per år"),
        ("Samverkansmöten med fastighetsägare", "Polisen och kommunen", "4 ggr per år"),
    ]
    cells = "".join(
        "<tr>"
        + "".join(
            f'<td style="padding-right: 1em; vertical-align: top">{escape(c)}</td>' for c in row
        )
        + "</tr>"
        for row in rows
    )
    html = (
        '<html lang="sv"><body style="font-family: DejaVu Sans; font-size: 10pt">'
        "<h1>Medborgarlöfte 2026–2027</h1><h2>Aktivitetsplan</h2>"
        f'<table style="width: {width}">{cells}</table></body></html>'
    )
    text = extract_text("plan.pdf", HTML(string=html).write_pdf())
    document = parse(text)
    read_back = [
        (a.text, a.responsible, a.target and (a.target.value, a.target.unit, a.target.scope))
        for a in document.activities
    ]
    assert read_back == [
        ("Fotpatrullering i Handen centrum på kvällar", "police", (8, "pass", "month")),
        ("Ordningsvakter vid Haninge C", "municipality", None),
        ("Närvaro vid evenemang", "police", None),
        ("Trygghetsvandring i Jordbro", "joint", (2, "trygghetsvandringar", "year")),
        ("Samverkansmöten med fastighetsägare", "joint", (4, "samverkansmöten", "year")),
    ]
    assert len([line for line in text.splitlines() if line.strip()]) > 2 + len(rows)  # wrapped


def test_a_validity_wrapped_onto_the_next_line_is_read_whole():
    document = parse(
        "Medborgarlöfte för Halmstads kommun\n\n"
        "Halmstads kommun och lokalpolisområde Halmstad har tagit fram löftet. Löftet gäller från\n"
        "1 april 2019 till 31 mars\n2021.\n"
    )
    assert (document.start.isoformat(), document.end.isoformat()) == ("2019-04-01", "2021-03-31")
    span = document.text[document.period_span.start : document.period_span.end]
    assert " ".join(span.split()) == "1 april 2019 till 31 mars 2021"


# Documents written before the parser read them, whose layout a file could break: blocks of
# labelled lines, sub-numbered items, tables with pipes, semicolons or spaces, a long lead-in
# sentence that a PDF wraps, owners in brackets, running text, lettered items under a numbered
# party line. (A table separated by tabs is read from a Word file or pasted text; a PDF draws
# its tabs as spaces, so the Gävle table is not among them.)
BLIND_LAYOUTS = (
    "kristianstad-2025-2026-vad-vem-nar.txt",
    "umea-2026-definitionslista.txt",
    "motala-2025-2026-numrerade.txt",
    "karlskrona-2026-2027-pipetabell.txt",
    "harnosand-2026-semikolon.txt",
    "skelleftea-2025-2026-per-lofte.txt",
    "eskilstuna-2024-2025-det-gor-vi-genom.txt",
    "haninge-2026-2027-kolumner.txt",
    "kungsbacka-2025-2026-parentes.txt",
    "boden-2026-omvand-ordfoljd.txt",
    "vanersborg-2025-2026-avtal.txt",
    "ale-2025-mall.txt",
    "hallsberg-2025-2026-tecken.txt",
    "tranas-2025-ansvarig-rader.txt",
    # Texts extracted from a Word file (a table, then a numbered party list) and from a PDF
    # (a table whose columns a PDF sets apart by spaces, page headers and footers).
    "sunne-2026-2027-word-tabell.txt",
    "kinda-2025-word-sidhuvud.txt",
    "arvika-2025-2026-pdf-tabell.txt",
)


def _read_as(document) -> tuple:
    activities = [
        (a.responsible, a.responsible_other, a.target and (a.target.comparator, a.target.value))
        for a in document.activities
    ]
    return activities, [" ".join(p.text.split()) for p in document.promises], document.start


@pytest.mark.parametrize("kind", sorted(MAKERS))
@pytest.mark.parametrize("name", BLIND_LAYOUTS)
def test_a_layout_reads_the_same_from_word_and_pdf_as_from_its_text(name, kind):
    text = (DOCUMENTS / "blind" / name).read_text(encoding="utf-8")
    from_file = parse(extract_text(name.replace(".txt", f".{kind}"), MAKERS[kind](text)))
    assert _read_as(from_file) == _read_as(parse(text))
