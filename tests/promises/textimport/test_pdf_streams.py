"""A PDF's streams are unpacked no further than the budget of the whole document allows."""

import time
import tracemalloc

import pytest

from promises.textimport import extract
from promises.textimport.extract import ExtractError, extract_text
from tests.promises.textimport.raw_pdf import flate_stream, pdf_file


def _pdf_of_streams(streams: list[bytes]) -> bytes:
    """A one-page PDF whose content is the given FlateDecode streams."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents [%s] >>"
        % b" ".join(b"%d 0 R" % (4 + index) for index in range(len(streams))),
    ]
    objects += [flate_stream(unpacked) for unpacked in streams]
    return pdf_file(objects)


def test_a_stream_unpacking_far_past_the_budget_is_refused_without_unpacking_it():
    # Four streams of 40 MB of blanks each: a 160 kB file. Unpacked whole, as pypdf's own bound
    # (75 MB a stream) allowed, they took 160 MB before the budget was counted.
    data = _pdf_of_streams([b" " * 40_000_000] * 4)
    assert len(data) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(ExtractError) as raised:
            extract_text("loften.pdf", data)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "PDF-filen kunde inte läsas" in raised.value.message
    assert peak < 10 * extract.MAX_PDF_CONTENT_BYTES


def test_a_page_within_the_budget_is_still_read():
    text = b"BT /F1 12 Tf 72 720 Td (Polisen ska genomfora trafikkontroller.) Tj ET"
    data = _pdf_of_streams([text + b" " * (extract.MAX_PDF_CONTENT_BYTES - len(text) - 10)])
    # No font is given: the words may not come out, but the file is read, not refused as
    # unreadable.
    with pytest.raises(ExtractError) as raised:
        extract_text("loften.pdf", data)
    assert "ingen text" in raised.value.message


def _pdf_of_fonts(fonts: int, map_entries: int) -> bytes:
    """A one-page PDF of a few words whose `fonts` fonts share one character map."""
    cmap = b"\n".join(
        [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap"]
        + [b"1 beginbfchar <%04X> <%04X> endbfchar" % (i % 65536, 0x41) for i in range(map_entries)]
        + [b"endcmap CMapName currentdict /CMap defineresource pop end end"]
    )
    names = b" ".join(b"/F%d %d 0 R" % (i, 6 + i) for i in range(fonts))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
        + names
        + b" >> >> /Contents 4 0 R >>",
        flate_stream(b"BT /F0 12 Tf 50 800 Td (Medborgarlofte) Tj ET"),
        flate_stream(cmap),
    ] + [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >>"] * fonts
    return pdf_file(objects)


def test_many_fonts_sharing_one_large_character_map_are_refused_before_reading():
    # 40 fonts of one 300 kB map: the text reader built each font's map anew (a probe's 200
    # took a gigabyte and the worker's whole time), though the content streams are tiny.
    data = _pdf_of_fonts(40, 12_000)
    assert len(data) < 100_000
    started = time.perf_counter()
    with pytest.raises(ExtractError) as raised:
        extract_text("loften.pdf", data)
    assert "PDF-filen kunde inte läsas" in raised.value.message
    assert time.perf_counter() - started < 2


def test_a_page_with_one_font_and_its_map_is_read():
    data = _pdf_of_fonts(1, 200)
    assert extract_text("loften.pdf", data)  # the map's letters, read
