"""Inputs built to make the import run for minutes (a coordinator's POST ties up a worker until
it is killed): each is read or refused within seconds. A pasted text is held to a real
text's time of its length in the same run (`SLOWER_AT_MOST`), a file to a bound generous for
CI; before the fixes these took from 17 seconds (a Word file) to a quarter of an hour (a pasted
line of digits)."""

import io
import re
import time

import pytest
from django.utils import translation

from promises.textimport import extract
from promises.textimport.clean import MAX_LINE_CHARS, _bounded_lines, _page_furniture, clean
from promises.textimport.extract import (
    MAX_TEXT_CHARS,
    MAX_UNPACKED_BYTES,
    ExtractError,
    extract_text,
)
from promises.textimport.parser import parse
from promises.textimport.reading.legends import read_legend
from promises.textimport.reading.running_text import read_parties
from promises.textimport.types import ParsedDocument
from tests.import_documents import docx_bytes
from tests.promises.textimport.conftest import SLOWER_AT_MOST
from tests.promises.textimport.raw_pdf import flate_stream, pdf_file

SECONDS = 5
LONGEST_PASTE = MAX_TEXT_CHARS - 1000


@pytest.fixture(autouse=True)
def _swedish():
    with translation.override("sv"):
        yield


def _repeated(piece: str, length: int = LONGEST_PASTE) -> str:
    return (piece * (length // len(piece) + 1))[:length]


def _seconds(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


LONG_LINES = {
    "digits": "1" * 199_000,
    "a promise and a long word": "Polisen lovar.\n" + "a" * 30_000,
    "a promise and a longer word": "Polisen lovar.\n" + "a" * LONGEST_PASTE,
    "capitals": "Ö" * LONGEST_PASTE,
    "dots": "." * LONGEST_PASTE,
    "ellipses": "…" * LONGEST_PASTE,
    "spaced dots": _repeated(". "),
    "dashes": "-" * LONGEST_PASTE,
    "underscores": "_" * LONGEST_PASTE,
    "a hyphenated word": _repeated("a-"),
    "a list item": "- " + "a" * LONGEST_PASTE,
    "footnote marks": _repeated("ab¹"),
    "words": _repeated("Polisen ska "),
    "sentences": _repeated("Polisen lovar. "),
    "a name and its code": _repeated("kultur- och fritidsförvaltningen (KFF) "),
    "parties": _repeated("polisen och vetlanda kommun "),
    "codes explained on one line": _repeated("KOM = Sollentuna kommun, "),
    "a code and a long name": "LPO = " + "a" * LONGEST_PASTE,
    "seasons": _repeated("under jaktjaktsäsong "),
    "a spreadsheet row": "ID;Activity;Owner\n" + _repeated("A01;a;POL;"),
    "a title": "Medborgarlöfte " + _repeated("Farsta "),
    "tags": _repeated("[A] "),
    "a tag and brackets": "Polisen ska [" + _repeated("A, ") + "]",
    "short lines": _repeated("ordnar minst\n"),
    "postal codes": _repeated("235 81 "),
    "addresses": "- " + _repeated("Vellinge kommun, "),
    "slogans": _repeated("lovar dig ett "),
    "joint sentences": _repeated("tillsammans genomför vi "),
    # rounds 51–55: a web page's source, a translated half, a grid table, a form, a
    # sentence enumerating clauses, a passive's agent, one-letter owner codes
    "html tags": "<p>a</p><ul><li>b</li>" + _repeated("<nav></nav><p "),
    "unclosed html blocks": "<p>a</p><ul><li>b</li>" + _repeated("<head "),
    "spaces before a slash": "poliisi lupaa ja\n" + _repeated(" ") + "a",
    "english and runs of spaces": "the police will\n" + _repeated("a" + " " * 9990 + "b\n"),
    "finnish words": _repeated("lupaa ja keskustassa "),
    "a grid's rules": _repeated("+---+\n"),
    "a grid's rows": "+---+---+\n" + _repeated("| a | b |\n"),
    "box drawing": "┌──┬──┐\n" + _repeated("│ a │ b │\n├──┼──┤\n"),
    "form answers": _repeated("Fråga 1. Vad? (en per rad)\nSvar:\na\n"),
    "semicolon clauses": "Polisen kommer att " + _repeated("genomföra minst två kontroller; "),
    "passive agents": _repeated("genomförs av polisen "),
    "letter codes": "P = Polisen K = Kommunen\n" + _repeated("P Riktade kontroller\n"),
    "three levels": _repeated("1 Rubrik\n1.1 Polisen\n1.1.1 Polisen gör\n"),
    "markdown links": _repeated("[a](b) ![c](d) - [ ] e\n"),
    "party columns": "| Område | Polisen | Kommunen |\n" + _repeated("| a | Polisen gör x | y |\n"),
    # titles and signatures: a count after clauses, when words, a signature block's columns
    "clauses before a count": "Kommunen ska:\n- "
    + _repeated("se över och åtgärda ")
    + "10 platser",
    "when words in a title": "Polisen ska:\n- genomföra " + _repeated("kontroller varje helg "),
    "signature columns": "Sala den 1 mars 2026\n" + _repeated("Anna Berg" + " " * 40 + "Per Ek\n"),
    "a signature's gaps": "Sala den 1 mars 2026\nAnna Berg" + _repeated(" \t") + "Per Ek\n",
    # Many short rows, not one long line: each row was checked against every activity found
    # before (60,000 characters took 7 s, the longest paste over a minute).
    "many short table rows": "Aktivitet\tStatus\tAnsvarig\n" + _repeated("x\tK\tP\n", 60_000),
    "short rows of codes": "Aktivitet\tStatus\tAnsvarig\n" + _repeated("a\tKlar\tPOL\n", 60_000),
    # round 70: a calendar's source, a JSON export, a revision's table of wordings
    "calendar parameters": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY" + _repeated(';a="b"'),
    "calendar semicolons": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY" + _repeated(";"),
    "calendar folds": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDESCRIPTION:" + _repeated("\n a"),
    "calendar events": "BEGIN:VCALENDAR\n"
    + _repeated("BEGIN:VEVENT\nSUMMARY:a\nDESCRIPTION:Polisen gör b\nEND:VEVENT\n"),
    "json brackets": '{"a": ' + "[" * 90_000 + "]" * 90_000 + "}",
    "json records": '{"aktiviteter": ['
    + '{"aktivitet": "a b", "ansvarig": "Polisen", "mal": "2 per år"}, ' * 3_000
    + "{}]}",
    "nested json objects": "{" + '"fokusomraden": {' * 20_000 + "}" * 20_001,
    "revised wordings": "Ansvarig\tNuvarande lydelse\tFöreslagen lydelse\n"
    + _repeated("Polisen\ta b\tUtgår\nKommunen\tc d\tOförändrad\n"),
    "whom an invitation is to": "Polisen bjuder in " + _repeated("föräldrar till "),
    # round 71: a form's check boxes, a web page's cards with labels alone on their lines, a
    # routine after a list
    "check boxes": _repeated("☐ a "),
    "ticked boxes": "Ansvarig: " + _repeated("☒ Polisen  "),
    "boxes alone": _repeated("☐"),
    "bracket boxes": _repeated("[x] a [ ] b "),
    "a gap after an option": "Mål: ☒ a ☐ b" + " " * (LONGEST_PASTE - 30) + "Antal: 1",
    "an empty field": "Ansvarig: ☒ a ☐ Annan:" + _repeated("_", LONGEST_PASTE - 30),
    "lines of boxes": _repeated("Ansvarig: ☒ Polisen ☐ Kommunen\n"),
    "lone labels unpaired": _repeated("Vad\nVem\n"),
    # Many short labelled lines cost what they did before the labels were joined ("Vad: a" a
    # line, 3.4 s at the longest paste): the joining is checked on fewer.
    "lone labels": _repeated("Vad\na\nVem\nb\n\n", 60_000),
    "a card's labels": "Rubrik\nVad: a\n" + _repeated("Vem: Polisen\n"),
    "form blocks": _repeated(
        "Aktivitet 1\nBeskrivning: a\nAnsvarig: Polisen\nMål: Minst Antal: 1\nPer: År\n\n"
    ),
    "form count fields": "Aktivitet 1\nBeskrivning: a\nAnsvarig: Polisen\nMål: "
    + _repeated("Antal: ", 150_000)
    + "\nPer: År\n",
    "routines after a list": "Polisen ska:\n- a\n\n"
    + _repeated("Föreningen X går varje fredag.\n"),
    "a long routine": "Polisen ska:\n- a\n\nFöreningen X " + _repeated("går varje fredag "),
    # round 72: a lettered outline, a letter's head, two columns a line of each in turn
    "lettered outline": _repeated("A. Rubrik\nA.1 Polisen\ni) Polisen gör\nii) b\n"),
    "lettered headings": _repeated("A.1 Polisen\n"),
    "small roman items": _repeated("iii) a\n"),
    "ranges without a second number": "Kommunen ska:\n- " + _repeated("mellan sex platser "),
    "letter fields": "Datum    Dnr\n" * 30 + "455 80 Munkedal\n" + _repeated("a\n", 190_000),
    "letter fields without an address": _repeated("Datum" + " " * 20 + "Diarienummer\n"),
    "a letter's long gap": "Datum   Dnr" + " " * (LONGEST_PASTE - 40) + "455 80 Munkedal\n",
    "interleaved headings": _repeated("Polisen lovar att:\nKommunen lovar att:\n"),
    "interleaved columns": "Polisen lovar att:\nKommunen lovar att:\n" + _repeated("• a\n• b\nc\n"),
    "interleaved lists": _repeated("Polisen lovar att:\nKommunen lovar att:\n• a\n• b\nc\nd\n\n"),
    "interleaved heads over long blocks": _repeated(
        "Polisen lovar att:\nKommunen lovar att:\n" + "• a\n" * 300
    ),
    # round 73: a page's YAML header, a recording's transcript, clauses numbered inline
    "yaml fields": "---\n" + _repeated("a: b c\n") + "\n---\n",
    "an unclosed yaml header": "---\n" + _repeated("a: b c\n"),
    "yaml nested deep": "---\n" + "".join(" " * depth + "a:\n" for depth in range(630)) + "---\n",
    "yaml dashes": "---\na: b\nc:\n" + _repeated("- ") + "x\n---\n",
    "yaml records": "---\naktiviteter:\n"
    + _repeated("  - rubrik: a b\n    beskrivning: Polisen gör c\n    ansvarig: Polisen\n")
    + "\n---\n",
    "a yaml flow list": "---\nb: c d\ntags: [" + _repeated("a, ") + "]\n---\n",
    "a yaml key's long gap": "---\nb: c d\na" + " " * (LONGEST_PASTE - 40) + ": b\n---\n",
    "a yaml block": "---\nb: c d\na: >-\n" + _repeated("  Polisen gör a b\n") + "\n---\n",
    "yaml escapes": '---\nb: c d\na: "' + _repeated('\\" ') + '"\n---\n',
    "speaker lines": _repeated("Anna Berg   0:04\nPolisen ska göra a.\n\n"),
    "broken-off turns": _repeated(
        "Anna Berg   0:04\nPolisen ska, eh, nej, vänta.\n\nBo Ek   0:05\nDet står tjugo.\n\n"
    ),
    "a long turn of fillers": "Anna Berg   0:04\na\n\nBo Ek   0:05\nb\n\nAnna Berg   0:06\n"
    + _repeated("eh, Polisen ska göra, eh, "),
    "clauses numbered inline": "Polisen åtar sig att "
    + " ".join(f"({number}) genomföra a b c," for number in range(1, 100))
    + _repeated(" (1) a b c"),
    "sentences numbering clauses": _repeated("Polisen åtar sig att (1) göra a b, (2) göra c d.\n"),
    "a long numbered clause": "Polisen åtar sig att (1) göra a b, (2) " + _repeated("göra c d "),
    "template tags and comments": _repeated("{{< a >}}\n<!-- b -->\n"),
    "an unclosed comment": "<!--" + _repeated("-"),
    "what holds each time": _repeated("går alltid minst tre "),
    # Headings of a table's first column, thousands in a row: each was read on to the next blank
    # line as a PDF's column of cells (an eighth of the longest paste took 8 s, all of it some
    # minutes). Items full of numbers were read in time growing with their length, each number
    # checked against every comparator: twice a real text's time, now as much.
    "bare headings": _repeated("Aktiviteter\n"),
    "bare headings of measures": _repeated("Insatser\n"),
    "headings over one item each": _repeated("Aktiviteter\n- Trygghetsvandring\n"),
    "headings over a cell each": _repeated("Åtgärder\nTrygghetsvandring\n"),
    "headings before a column": _repeated("Aktiviteter\n", LONGEST_PASTE // 2)
    + "Ansvarig\n"
    + _repeated("Polisen\n", LONGEST_PASTE // 2),
    "items full of numbers": _repeated(
        "- Vi ska 1 2 3 4 5 6 7 8 9 10 elva tolv tretton fjorton femton tjugo hundra\n"
    ),
    # Rows separated by semicolons under no header: each row was tried again as the start of a
    # table, to the end of the run (50,000 lines "a;b" took two and a half minutes).
    "rows of semicolons": _repeated("a;b\n"),
    "rows of semicolons under a header lower down": _repeated("a;b\n", LONGEST_PASTE // 2)
    + "Aktivitet;Ansvarig\n"
    + _repeated("Fotpatrull;Polisen\n", LONGEST_PASTE // 2),
}


@pytest.mark.parametrize("shape", sorted(LONG_LINES))
def test_a_pasted_line_as_long_as_the_import_takes_is_read_in_seconds(shape, realistic_seconds):
    taken = _seconds(parse, LONG_LINES[shape])
    assert taken < SLOWER_AT_MOST * realistic_seconds, (taken, realistic_seconds)


def test_no_line_the_parser_reads_is_longer_than_the_bound():
    text = "Inledning\n" + "1" * 25_000 + "\n" + _repeated("Polisen lovar. ", 30_000)
    lines = _bounded_lines(text).split("\n")
    assert lines[0] == "Inledning"
    assert max(map(len, lines)) <= MAX_LINE_CHARS
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    # Broken at the ends of sentences where it has them.
    assert all(line.endswith("lovar.") for line in lines[4:-1])


def test_a_paragraph_of_a_few_thousand_characters_is_read_as_one_line():
    paragraph = _repeated("Polisen ska genomföra minst 12 kontroller per år. ", 8000).strip()
    assert _bounded_lines(paragraph) == paragraph
    assert clean(f"Rubrik\n{paragraph}\f- Nästa sida") == f"Rubrik\n{paragraph}\n\n- Nästa sida"


@pytest.mark.parametrize(
    "line",
    [
        "3 Medborgarlöften ........ 3",
        "Bakgrund ……… 12",
        "Bakgrund … … 12",
        "Innehåll . . . . 4",
        "Innehåll . . . 4",
        "Bakgrund ... 2",
        "..... 4",
        "... 4",
        "Bakgrund ........ 1234",
        "Polisen ska genomföra 4 kontroller.",
    ],
)
def test_a_table_of_contents_line_is_read_as_by_the_pattern_read_forwards(line):
    forwards = re.compile(r".*\S\s*(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,3}")
    assert _page_furniture(line) is bool(forwards.fullmatch(line.lower()))
    assert _page_furniture("3 Medborgarlöften ........ 3")


def test_codes_named_in_the_running_text_are_still_read():
    lines = parse(
        "Kultur- och fritidsförvaltningen (KFF) och samhällsbyggnadsförvaltningen (SBF) "
        "ansvarar. x-kultur- och fritid (KF)."
    )
    from promises.textimport.lines import read_lines

    codes = read_legend(read_lines(lines.text))
    assert codes == {
        "KFF": "Kultur- och fritidsförvaltningen",
        "SBF": "samhällsbyggnadsförvaltningen",
        "KF": "kultur- och fritid",
    }


@pytest.mark.parametrize(
    "text, parties",
    [
        ("Polisen och Vetlanda kommun lovar att arbeta för ett tryggare centrum.", "joint"),
        ("Kommunpolisen, lokalpolisområde Höglandet, och Eksjö kommun lovar …", "joint"),
        ("Polisen lovar att arbeta för ett tryggare centrum.", "police"),
        ("Vetlanda kommun lovar att arbeta för ett tryggare centrum.", "municipality"),
        ("Göteborgs stad lovar att arbeta för ett tryggare centrum.", "municipality"),
    ],
)
def test_the_parties_of_a_promise_are_still_read(text, parties):
    document = ParsedDocument(text=text)
    read_parties(document)
    assert document.parties == parties


def _pdf(pages: int, operations: int, shared: bool) -> bytes:
    """A PDF of `pages` pages whose content streams hold `operations` "q Q" each, all pages
    pointing to the same stream (`shared`) or each to its own: nothing to read, much to parse."""
    streams = 1 if shared else pages
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (3 + streams + page) for page in range(pages)), pages),
    ]
    objects += [flate_stream(b"q Q " * operations + b"%d" % stream) for stream in range(streams)]
    for page in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> "
            b"/Contents %d 0 R >>" % (3 + page % streams)
        )
    return pdf_file(objects)


def _refused_in_seconds(name: str, data: bytes) -> str:
    started = time.perf_counter()
    with pytest.raises(ExtractError) as raised:
        extract_text(name, data)
    assert time.perf_counter() - started < SECONDS
    return raised.value.message


@pytest.mark.parametrize(
    "operations, shared",
    [
        (975_000, True),  # 60 pages on one stream just under pypdf's budget: 5 minutes before
        (975_000, False),
    ],
)
def test_a_pdf_whose_pages_take_minutes_to_read_is_refused_in_seconds(operations, shared):
    data = _pdf(60, operations, shared)
    assert len(data) < 1024 * 1024
    assert "PDF-filen kunde inte läsas" in _refused_in_seconds("loften.pdf", data)


def test_the_budget_of_a_pdf_counts_every_page(monkeypatch):
    # 60 pages sharing one stream of 1 % of the budget are read (there is no text in them);
    # of 4 %, the budget is spent by the 25th page. At the real budget, MAX_PDF_CONTENT_BYTES,
    # the costliest PDF spends it on its last page: some 2.5 s on two cores.
    monkeypatch.setattr(extract, "MAX_PDF_CONTENT_BYTES", 200_000)
    operations = 2000 // len("q Q ")
    assert "ingen text" in _refused_in_seconds("loften.pdf", _pdf(60, operations, shared=True))
    assert "PDF-filen kunde inte läsas" in _refused_in_seconds(
        "loften.pdf", _pdf(60, 4 * operations, shared=True)
    )


def _page_of_pieces(pieces: int, move: bytes) -> bytes:
    """A one-page PDF of a kilobyte or two drawing `pieces` letters, each moved from the last by
    `move` (a Td operation): pypdf's layout pads a gap on a line with spaces (up to 10 000), and
    copies the line anew for each piece drawn on it."""
    content = b"BT /F1 12 Tf 72 700 Td " + b"(a) Tj %s " % move * pieces + b"ET"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            flate_stream(content),
        ]
    )


COSTLY = "tar för lång tid eller för mycket minne"


def test_a_pdf_whose_layout_takes_minutes_is_refused_when_its_time_is_up(monkeypatch):
    # 20 000 letters on one line, 3000 points apart: over a minute and gigabytes before.
    monkeypatch.setattr(extract, "MAX_PDF_SECONDS", 2)
    data = _page_of_pieces(20_000, b"3000 0 Td")
    assert len(data) < 2048
    started = time.perf_counter()
    with pytest.raises(ExtractError) as raised:
        extract_text("loften.pdf", data)
    assert time.perf_counter() - started < 2 + SECONDS
    assert COSTLY in raised.value.message


def test_a_pdf_whose_layout_takes_more_memory_than_its_bound_is_refused(monkeypatch):
    # 40 000 lines of a letter, 10 000 spaces and a letter: 400 million characters, gigabytes,
    # from a few kilobytes. The child may take 40 MB more than it shares with the parent (and
    # whatever the parent's heap has free), then it fails, or its time is up.
    monkeypatch.setattr(extract, "MAX_PDF_MEMORY_BYTES", 40 * 1024 * 1024)
    monkeypatch.setattr(extract, "MAX_PDF_SECONDS", 3)
    data = _page_of_pieces(40_000, b"10000000 0 Td (b) Tj -10000000 -14 Td")
    assert len(data) < 10_000
    message = _refused_in_seconds("loften.pdf", data)
    # pypdf takes running out of memory for a damaged file, or the process ends without a word.
    assert COSTLY in message or "PDF-filen kunde inte läsas" in message


def test_a_pdf_is_still_read_in_its_own_process():
    assert extract_text("loften.pdf", _page_of_pieces(3, b"20 0 Td")).split() == ["a", "a", "a"]


def _docx_of_paragraphs(paragraph: bytes, unpacked: int) -> bytes:
    """A Word file whose document is `unpacked` bytes of `paragraph` repeated."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx_bytes("x"))) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    document = parts["word/document.xml"]
    body = document.index(b"<w:body>") + len(b"<w:body>")
    parts["word/document.xml"] = (
        document[:body] + paragraph * (unpacked // len(paragraph)) + document[body:]
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_word_file_of_29_megabytes_of_tiny_paragraphs_is_refused_in_seconds():
    data = _docx_of_paragraphs(b"<w:p><w:r><w:t>a</w:t></w:r></w:p>", 29 * 1024 * 1024)
    assert len(data) < 1024 * 1024
    assert "för stor" in _refused_in_seconds("loften.docx", data)


@pytest.mark.parametrize(
    "paragraph",
    [
        b"<w:p/>",
        b"<w:p><w:r><w:t>a</w:t></w:r></w:p>",
        b"<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>",
        b"<w:tbl><w:tr/><w:tr/><w:tr/><w:tr/><w:tr/><w:tr/></w:tbl>",
    ],
)
def test_a_word_file_just_under_the_unpacked_bound_is_refused_as_too_long_in_seconds(paragraph):
    data = _docx_of_paragraphs(paragraph, MAX_UNPACKED_BYTES - 1_000_000)
    assert "längre än" in _refused_in_seconds("loften.docx", data)


def test_a_table_under_a_header_lower_in_a_run_of_semicolon_rows_is_still_read():
    """The rows before the header are skipped, not the header: the table below it is read."""
    from promises.textimport.formats.tables import _tables_as_cells

    text = "a;b\nc;d\nAktivitet;Ansvarig\nFotpatrull;Polisen\nKontroller;Kommunen"
    result, cell_lines = _tables_as_cells(text)
    assert result.split("\n") == [
        "a;b",
        "c;d",
        "Aktivitet",
        "Ansvarig",
        "Fotpatrull",
        "Polisen",
        "Kontroller",
        "Kommunen",
    ]
    assert cell_lines == set(range(2, 8))
