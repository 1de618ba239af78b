"""The text of a promise document from its file: plain text, Word (.docx) or a PDF with a text
layer. Bad files raise `ExtractError` with a message for the coordinator; nothing else.

Limits: the file as any upload (`settings.UPLOAD_FILE_MAX_BYTES`, 1 MB), a PDF of at most
`MAX_PDF_PAGES` pages whose content streams hold at most `MAX_PDF_CONTENT_BYTES` together, read
in a process of its own within `MAX_PDF_SECONDS` and `MAX_PDF_MEMORY_BYTES`, a Word file that
unpacks to at most `MAX_UNPACKED_BYTES`, and at most `MAX_TEXT_CHARS` characters of text (a long
promise document has some 30 000). Each bound keeps one file's reading to seconds.
"""

import functools
import io
import logging
import multiprocessing
import os
import resource
import struct
import zipfile
import zlib

from django.conf import settings
from django.utils.translation import gettext as _

from config.uploads import utf16_text
from promises.textimport.formats.delimited_tables import EMPTY_CELL
from promises.textimport.formats.pages import EDGE_LINES, page_edge_line

EXTENSIONS = (".txt", ".docx", ".pdf")
MAX_PDF_PAGES = 60
# What the pages' drawing instructions unpack to, counted page by page (a stream that several
# pages share counts for each: pypdf reads it again for each). A page of text has some 5-20 kB;
# reading takes about a second per megabyte of the densest instructions ("q Q q Q …").
MAX_PDF_CONTENT_BYTES = 2_000_000
# A PDF is read in a child process that is ended past these: pypdf's layout reading pads each gap
# on a line with up to 10 000 spaces and copies the line anew for each piece of text drawn on it,
# so a 1 kB page of 20 000 pieces far apart took minutes and gigabytes, inside every bound above
# (they bound what is unpacked, not what the layout makes of it). A promise document's PDF is
# read in well under a second.
MAX_PDF_SECONDS = 10
MAX_PDF_MEMORY_BYTES = 1024 * 1024 * 1024
# How deep forms drawn inside forms are looked into for their fonts.
MAX_FORM_DEPTH = 3
MAX_TEXT_CHARS = 200_000
# A .docx is a zip: what it unpacks to is checked before it is read (no zip bombs). Word's XML
# takes some 20-60 bytes for each character of text: 200 000 characters fit in 12 MB, and
# python-docx parses about 2 MB a second.
MAX_UNPACKED_BYTES = 12 * 1024 * 1024
# Control characters other than tab, line and page breaks: a text file with more is not text.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}


class ExtractError(Exception):
    """The file cannot be read as a promise document; `message` says why, in the UI's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def extract_text(name: str, data: bytes) -> str:
    """The text of the file `name` with the bytes `data`; raises `ExtractError`."""
    extension = os.path.splitext(name)[1].lower()
    if extension not in EXTENSIONS:
        raise ExtractError(_("Upload the document as a text file (.txt), Word (.docx) or PDF."))
    if not data:
        raise ExtractError(_("The file is empty."))
    if len(data) > settings.UPLOAD_FILE_MAX_BYTES:
        raise ExtractError(_("The file is larger than 1 MB."))
    if extension == ".txt":
        text = _plain_text(data)
    elif extension == ".docx":
        text = _docx_text(data)
    else:
        text = _pdf_text(data)
    return checked_text(text)


def checked_text(text: str) -> str:
    """`text` with Windows line breaks made plain, if it has words and is not too long."""
    text = text.replace("\r\n", "\n").replace("\x00", "")
    if not text.strip():
        raise ExtractError(_("The document contains no text."))
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractError(too_long_message())
    return text


def too_long_message() -> str:
    return _("The text is longer than %(count)s characters: that is not one promise document.") % {
        "count": f"{MAX_TEXT_CHARS:,}".replace(",", "\u00a0")
    }


def _decoded(data: bytes) -> str | None:
    """A text file's text: UTF-16 with a byte order mark (Notepad's "Unicode"), UTF-8 (with or
    without one), or Windows-1252, as older Windows programs save Swedish text; else None."""
    text = utf16_text(data)
    if text is not None:
        return text
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _plain_text(data: bytes) -> str:
    text = _decoded(data)
    if text is None or "\x00" in text or sum(char in _CONTROL for char in text) > len(text) // 100:
        raise ExtractError(_("The file is not a text file."))
    return text


def _docx_text(data: bytes) -> str:
    from docx import Document  # python-docx: loaded only when a Word file is read

    unreadable = _("The Word file could not be read. Save it again as .docx, or paste the text.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if _unpacked_bytes(data, archive.infolist()) > MAX_UNPACKED_BYTES:
                raise ExtractError(_("The Word file is too large to read."))
        document = Document(io.BytesIO(data))
    except ExtractError:
        raise
    except Exception:  # a damaged zip or XML fails in many ways; every one is a bad file
        raise ExtractError(unreadable) from None
    # A main part with no body, or whose root is no Word document, holds no text (reading it
    # raised AttributeError: a server error on the import form).
    body = getattr(document.element, "body", None)
    if body is None:
        return ""
    tags = _docx_tags()
    budget = _DocxBudget()
    lines = []
    for block in body.iterchildren():
        if block.tag == tags["p"]:
            line = _docx_paragraph(block, budget)
            if lines and lines[-1].startswith("- ") and line.strip() and not line.startswith("- "):
                # A Word paragraph after a list is no wrapped line of its last item, as a line
                # under an item of plain text would be: a blank line ends the list.
                lines.append("")
            lines.append(line)
        elif block.tag == tags["tbl"]:
            lines.extend(_docx_table_lines(block, budget))
    return "\n".join(lines)


# What a part is unpacked in, at a time, to count it.
_UNPACK_CHUNK = 64 * 1024


def _unpacked_bytes(data: bytes, members: list[zipfile.ZipInfo]) -> int:
    """What the zip's parts really unpack to, counted by unpacking them a chunk at a time and
    stopping past MAX_UNPACKED_BYTES. The sizes a zip states of itself are not trusted: a part
    that says 100 bytes and unpacks to a gigabyte was unpacked whole, in memory, by zipfile."""
    total = 0
    for info in members:
        start = info.header_offset
        name_length, extra_length = struct.unpack("<HH", data[start + 26 : start + 30])
        begin = start + 30 + name_length + extra_length
        packed = data[begin : begin + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            total += len(packed)
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            while packed and total <= MAX_UNPACKED_BYTES:
                total += len(inflater.decompress(packed, _UNPACK_CHUNK))
                packed = inflater.unconsumed_tail
        else:  # Word writes only these two
            raise zipfile.BadZipFile(f"compression {info.compress_type}")
        if total > MAX_UNPACKED_BYTES:
            break
    return total


class _DocxBudget:
    """What reading a Word file has taken so far: each paragraph its text and a line break, each
    table row and cell one; far more than a text of MAX_TEXT_CHARS takes, and the file is refused
    as too long before the rest of it is read (a file of a million empty paragraphs, say)."""

    def __init__(self) -> None:
        self.left = 2 * MAX_TEXT_CHARS

    def spend(self, amount: int) -> None:
        self.left -= amount
        if self.left < 0:
            raise ExtractError(too_long_message())


@functools.cache
def _docx_tags() -> dict[str, str]:
    """Word's tags by their short names (qn() each time was a third of a paragraph's reading)."""
    from docx.oxml.ns import qn

    names = ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr", "pPr", "pStyle", "val", "numPr")
    return {name: qn(f"w:{name}") for name in names}


def _docx_table_lines(table, budget: _DocxBudget) -> list[str]:
    """A Word table's cells row by row, one line each (a cell of several paragraphs, a list
    for one, gives a line for each); an empty cell of a filled row gives EMPTY_CELL, so that the
    row keeps its width, and an empty row nothing."""
    tags = _docx_tags()
    lines = []
    for row in table.iter(tags["tr"]):
        budget.spend(1)
        cells = []
        for cell in row.iterchildren(tags["tc"]):
            budget.spend(1 + len(EMPTY_CELL))
            cells.append(
                [
                    text
                    for p in cell.iterchildren(tags["p"])
                    if (text := _docx_paragraph(p, budget)).strip()
                ]
            )
        if any(cells):
            for paragraphs in cells:
                lines.extend(paragraphs or [EMPTY_CELL])
    return lines


def _docx_paragraph(paragraph, budget: _DocxBudget) -> str:
    """A paragraph's text; a list item (Word numbering or a list style) starts with "- "."""
    tags = _docx_tags()
    pieces = {tags["t"]: None, tags["tab"]: "\t", tags["br"]: "\n", tags["cr"]: "\n"}
    text = "".join(
        (node.text or "") if pieces[node.tag] is None else pieces[node.tag]
        for node in paragraph.iter(*pieces)
    )
    budget.spend(len(text) + 3)  # with "- " and the line break
    properties = paragraph.find(tags["pPr"])
    listed = False
    if properties is not None:
        style = properties.find(tags["pStyle"])
        style_name = (style.get(tags["val"]) or "") if style is not None else ""
        listed = properties.find(tags["numPr"]) is not None or style_name.lower().startswith("list")
    return f"- {text}" if listed and text.strip() else text


def _decoding_limits() -> dict[str, int]:
    """pypdf's bounds on what one stream may unpack to, cut to the budget of a whole document:
    its own (75 MB a stream) let a 1 MB file of fourteen streams take a gigabyte of memory
    before the budget was counted."""
    most = MAX_PDF_CONTENT_BYTES + 1
    return {
        "zlib_maximum_output_length": most,
        "lzw_maximum_output_length": most,
        "run_length_maximum_output_length": most,
        "brotli_maximum_output_length": most,
        "jbig2_maximum_output_length": most,
        "array_based_stream_maximum_output_length": most,
        "stream_decoding_work_maximum_length": 4 * most,
    }


def _pdf_text(data: bytes) -> str:
    """The PDF's text, read in a child process (`MAX_PDF_SECONDS`, `MAX_PDF_MEMORY_BYTES`)."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise ExtractError(_unreadable_pdf())
    context = multiprocessing.get_context("fork")  # the child needs nothing set up again
    receiving, sending = context.Pipe(duplex=False)
    reader = context.Process(target=_read_pdf_apart, args=(data, sending), daemon=True)
    reader.start()
    sending.close()
    try:
        result = receiving.recv() if receiving.poll(MAX_PDF_SECONDS) else None
    except EOFError:  # the child ended without an answer: out of memory
        result = None
    finally:
        receiving.close()
        reader.kill()
        reader.join()
    if result is None:
        raise ExtractError(
            _(
                "Reading the PDF file takes too long or too much memory: that is not one "
                "promise document. Save it again as PDF, or paste the text."
            )
        )
    text, message = result
    if message is not None:
        raise ExtractError(message)
    return text


def _read_pdf_apart(data: bytes, sending) -> None:
    """In the child process: (the PDF's text, None) or (None, why it is refused), sent back."""
    _limit_memory()
    # pypdf warns of each gap it cuts short: a costly file would write thousands of log lines.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf import apply_configuration  # loaded only when a PDF is read

    try:
        with apply_configuration(**_decoding_limits()):
            result = (checked_text(_bounded_pdf_text(data)), None)
    except ExtractError as error:
        result = (None, error.message)
    sending.send(result)
    sending.close()


def _limit_memory() -> None:
    """Bound the child's memory to MAX_PDF_MEMORY_BYTES more than it has from the parent (Linux:
    its address space; a lower limit set by the system is kept, and without /proc none is set)."""
    try:
        with open("/proc/self/statm") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
    except OSError:
        return
    _, most = resource.getrlimit(resource.RLIMIT_AS)
    limit = used + MAX_PDF_MEMORY_BYTES
    if most != resource.RLIM_INFINITY:
        limit = min(limit, most)
    resource.setrlimit(resource.RLIMIT_AS, (limit, most))


def _unreadable_pdf() -> str:
    return _("The PDF file could not be read. Save it again as PDF, or paste the text.")


def _bounded_pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    unreadable = _unreadable_pdf()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractError(
                _(
                    "The PDF file is protected with a password. Save it without one, or paste "
                    "the text."
                )
            )
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ExtractError(
                _("The PDF has more than %(count)s pages: that is not one promise document.")
                % {"count": MAX_PDF_PAGES}
            )
        pages = []
        content_bytes = 0
        for page in reader.pages:
            content_bytes += _content_bytes(page)
            if content_bytes > MAX_PDF_CONTENT_BYTES:
                raise ExtractError(unreadable)
            pages.append(_page_text(page))
    except ExtractError:
        raise
    except Exception:  # a damaged PDF fails in many ways inside pypdf; every one is a bad file
        raise ExtractError(unreadable) from None
    if len(pages) == 1:
        # Nothing repeats on one page to tell its header and footer by: they are told by what
        # they say (contact details, the page's number).
        pages[0] = _without_page_edges(pages[0])
    # A form feed between pages: the cleaner then drops headers and footers repeated per page.
    text = "\f".join(pages)
    if not text.strip():
        raise ExtractError(
            _(
                "The PDF has no text, only images: it is probably a scanned paper. Paste the "
                "text instead, or run text recognition (OCR) on the file and upload it again."
            )
        )
    return text


def _without_page_edges(text: str) -> str:
    """A one-page PDF's text without its footer and header: up to EDGE_LINES lines at its bottom
    and at its top, one after another from the page's edge, each of which looks like one
    (`page_edge_line`); the first line that does not ends them."""
    lines = text.split("\n")
    filled = [k for k, line in enumerate(lines) if line.strip()]
    dropped: set[int] = set()
    for edge in (filled[::-1], filled):
        for k in edge[:EDGE_LINES]:
            if not page_edge_line(lines[k]):
                break
            dropped.add(k)
    if len(dropped) >= len(filled):  # a page of nothing else is read as it is
        return text
    return "\n".join(line for k, line in enumerate(lines) if k not in dropped)


def _content_bytes(page) -> int:
    """What reading a page's text unpacks: its content streams, and each font's character map
    (`/ToUnicode`), counted once per font as the text reader reads it once per font (decoded
    once: pypdf keeps the decoded data). A 200 kB page of 200 fonts sharing one large map took a
    gigabyte and half a minute to read, its content streams a few bytes."""
    from pypdf.generic import ArrayObject, StreamObject

    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    total = sum(
        len(stream.get_data())
        for stream in (item.get_object() if item is not None else None for item in streams)
        if isinstance(stream, StreamObject)
    )
    return total + _font_map_bytes(page.get("/Resources"), depth=0, budget=MAX_PDF_CONTENT_BYTES)


def _font_map_bytes(resources, *, depth: int, budget: int) -> int:
    """The character maps of the fonts of `resources` and of the forms drawn with them (a few
    levels down), stopping once past `budget`."""
    from pypdf.generic import DictionaryObject, StreamObject

    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject) or depth > MAX_FORM_DEPTH:
        return 0
    total = 0
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else None
    if isinstance(fonts, DictionaryObject):
        for font in fonts.values():
            font = font.get_object()
            cmap = font.get("/ToUnicode") if isinstance(font, DictionaryObject) else None
            cmap = cmap.get_object() if cmap is not None else None
            total += len(cmap.get_data()) if isinstance(cmap, StreamObject) else 0
            if total > budget:
                return total
    forms = resources.get("/XObject")
    forms = forms.get_object() if forms is not None else None
    if isinstance(forms, DictionaryObject):
        for form in forms.values():
            form = form.get_object()
            if isinstance(form, StreamObject) and form.get("/Subtype") == "/Form":
                total += _font_map_bytes(
                    form.get("/Resources"), depth=depth + 1, budget=budget - total
                )
                if total > budget:
                    return total
    return total


def _page_text(page) -> str:
    # The layout mode keeps a blank line between paragraphs, as the document shows them.
    text = page.extract_text(extraction_mode="layout") or ""
    return "\n".join(line.rstrip() for line in text.splitlines())
