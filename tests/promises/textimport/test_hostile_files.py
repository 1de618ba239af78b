"""Hostile files sent to the import form, as a security probe sends them: each ends in a Swedish
message on the file field, or a reading, within seconds and without unpacking what it says."""

import io
import time
import zipfile

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from promises.textimport.extract import ExtractError, extract_text
from tests.import_documents import docx_bytes, pdf_bytes
from tests.promises.textimport.raw_pdf import pdf_file
from tests.staff import sign_in

IMPORT = reverse("promises:period_import")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(autouse=True)
def _swedish():
    with translation.override("sv"):
        yield


def _with_document_xml(xml: bytes) -> bytes:
    """A real Word file whose main part is `xml`."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("Polisen ska genomföra tio kontroller.")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            archive.writestr(info, xml if info.filename == "word/document.xml" else data)
    return buffer.getvalue()


def _document(doctype: bytes, text: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + doctype
        + b'<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>Polisen ska kontrollera. %s'
        b"</w:t></w:r></w:p></w:body></w:document>" % (W.encode(), text)
    )


def _read(name: str, data: bytes, seconds: float = 5) -> str:
    """The text read, or the refusal's message; in at most `seconds`."""
    started = time.monotonic()
    try:
        result = extract_text(name, data)
    except ExtractError as error:
        result = error.message
    assert time.monotonic() - started < seconds
    return result


BILLION_LAUGHS = (
    b'<!DOCTYPE w:document [<!ENTITY a0 "hahahahahaha">'
    + b"".join(b'<!ENTITY a%d "%s">' % (n, b"&a%d;" % (n - 1) * 10) for n in range(1, 10))
    + b"]>"
)


def test_a_word_file_with_entities_that_expand_to_gigabytes_is_read_without_them():
    text = _read("skratt.docx", _with_document_xml(_document(BILLION_LAUGHS, b"&a9;")))
    assert "hahaha" not in text
    assert len(text) < 1000


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
        b'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
        b'<!DOCTYPE w:document SYSTEM "file:///etc/passwd">',
    ],
)
def test_a_word_file_with_external_entities_reads_no_file_of_the_server(doctype):
    text = _read("extern.docx", _with_document_xml(_document(doctype, b"&x;")))
    assert "root:" not in text
    hostname = open("/etc/hostname").read().strip()  # noqa: SIM115
    assert hostname not in text


def test_a_word_file_that_names_a_dtd_on_the_network_does_not_fetch_it(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the reader went on the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    doctype = b'<!DOCTYPE w:document SYSTEM "http://192.0.2.1/evil.dtd">'
    _read("natverk.docx", _with_document_xml(_document(doctype, b"")))


def test_a_zip_of_one_part_named_many_times_is_counted_for_each_name():
    """Parts overlapping in the archive (one packed part, a thousand entries pointing to it)
    unpack each time they are read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (1024 * 1024))
    data = buffer.getvalue()
    local_end = data.index(b"PK\x01\x02")
    central = data[local_end : data.index(b"PK\x05\x06")]
    entries = 1000
    directory = b"".join(
        central.replace(b"word/document.xml", b"word/docum%07d" % n) for n in range(entries)
    )
    end = b"PK\x05\x06" + b"\x00" * 4 + entries.to_bytes(2, "little") * 2
    end += len(directory).to_bytes(4, "little") + local_end.to_bytes(4, "little") + b"\x00\x00"
    bomb = data[:local_end] + directory + end
    assert len(bomb) < settings.UPLOAD_FILE_MAX_BYTES
    assert "för stor" in _read("overlapp.docx", bomb)


def _deep_pdf(depth: int) -> bytes:
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /X " + b"[" * depth + b"]" * depth + b" >> >>",
            b"<< /Length 0 >>\nstream\n\nendstream",
        ]
    )


@pytest.mark.parametrize("depth", [1000, 100_000, 400_000])
def test_a_pdf_of_deeply_nested_objects_is_refused_in_bounded_time(depth):
    message = _read("djup.pdf", _deep_pdf(depth), seconds=15)
    assert "PDF" in message


def test_a_pdf_whose_page_tree_claims_millions_of_pages_is_refused():
    kids = b" ".join(b"3 0 R" for _ in range(50_000))
    data = pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count 9999999 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )
    assert "fler än 60 sidor" in _read("sidor.pdf", data, seconds=15)


def test_a_pdf_page_tree_that_loops_is_refused():
    data = pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
        ]
    )
    message = _read("slinga.pdf", data, seconds=15)
    assert "PDF" in message


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("loften.pdf", docx_bytes("Polisen ska genomföra tio kontroller."), "PDF-filen kunde"),
        ("loften.docx", pdf_bytes("Polisen ska genomföra tio kontroller."), "Word-filen kunde"),
        ("loften.txt", docx_bytes("Polisen ska genomföra tio kontroller."), "inte en textfil"),
        ("loften.txt", pdf_bytes("Polisen ska genomföra tio kontroller."), "inte en textfil"),
        ("loften.docx", b"%PDF-1.7 " + b"x" * 100, "Word-filen kunde"),
        ("loften.pdf.exe", b"MZ\x90\x00", "Ladda upp dokumentet som"),
        ("loften.PDF", pdf_bytes("Polisen ska genomföra tio kontroller."), "Polisen"),
    ],
)
def test_a_file_whose_name_lies_about_its_kind_is_refused_or_read_as_what_it_is(name, data, words):
    assert words in _read(name, data, seconds=15)


@pytest.fixture
def coordinator(client, people):
    sign_in(client, people.coordinator)
    return people.coordinator


def _upload(client, name: str, data: bytes, kind: str = "draft"):
    from tests import factories

    municipality = factories.municipality("vetlanda")
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(IMPORT, {"municipality": municipality.pk, "kind": kind, "file": upload})


@pytest.mark.parametrize("kind", ["draft", "register"])
@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("skratt.docx", _with_document_xml(_document(BILLION_LAUGHS, b"&a9;")), None),
        ("djup.pdf", _deep_pdf(100_000), "PDF-filen"),
        ("lagom.txt", b"a" * settings.UPLOAD_FILE_MAX_BYTES, "längre än"),
        ("stor.txt", b"a" * (settings.UPLOAD_FILE_MAX_BYTES + 1), "större än 1 MB"),
        ("lagom.docx", b"a" * settings.UPLOAD_FILE_MAX_BYTES, "Word-filen kunde"),
        ("stor.pdf", b"%PDF-" + b"a" * settings.UPLOAD_FILE_MAX_BYTES, "större än 1 MB"),
    ],
)
def test_hostile_files_on_the_import_form_get_a_swedish_error_never_a_server_error(
    client, coordinator, name, data, error, kind
):
    started = time.monotonic()
    response = _upload(client, name, data, kind)
    assert time.monotonic() - started < 15
    assert response.status_code in (200, 302)
    if error is not None:
        assert response.status_code == 200
        assert any(error in message for message in response.context["form"].errors["file"])


@pytest.mark.parametrize(
    "xml",
    [
        b'<w:document xmlns:w="%s"/>' % W.encode(),
        b"<x/>",
        b'<w:document xmlns:w="%s"><w:background/></w:document>' % W.encode(),
    ],
)
def test_a_word_file_whose_document_has_no_body_is_refused_in_swedish(xml):
    """python-docx gave such a document no body, and reading it raised AttributeError: a
    server error on the import form."""
    assert "innehåller ingen text" in _read("tom.docx", _with_document_xml(xml))


def test_a_word_file_whose_main_part_is_no_word_document_is_refused():
    """A workbook or a document with macros renamed .docx: its main part's content type."""
    data = _with_document_xml(_document(b"", b""))
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"document.main+xml", b"document.macroEnabled.main+xml"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    assert "Word-filen kunde inte läsas" in _read("makro.docx", buffer.getvalue())
