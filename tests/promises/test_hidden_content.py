"""A registered promise's source document is published as uploaded: a Word or OpenDocument
file with comments or tracked changes (which its final view does not show) is refused."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from promises.hidden_content import COMMENTS, TRACKED_CHANGES, UNREADABLE, hidden_content
from promises.models import PromisePeriod
from tests.promises.test_registration import REGISTER_URL, form_data
from tests.staff import sign_in

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str, comments: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>"
        )
        if comments is not None:
            archive.writestr("word/comments.xml", f"<w:comments {W}>{comments}</w:comments>")
    return buffer.getvalue()


def odt(body: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml", f"<office:document-content>{body}</office:document-content>"
        )
    return buffer.getvalue()


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _damaged() -> bytes:
    """A .docx whose packed document.xml is cut short (zlib cannot unpack it)."""
    data = bytearray(docx("<w:p>" + "<w:r><w:t>Polisen lovar</w:t></w:r>" * 200 + "</w:p>"))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 10 : start + 60] = b"\xff" * 50
    return bytes(data)


PARAGRAPH = "<w:p><w:r><w:t>Polisen lovar att genomföra trafikkontroller.</w:t></w:r></w:p>"
DELETED = (
    '<w:p><w:del w:id="1" w:author="Anna"><w:r><w:delText>Vi lovar inget i Dalstorp.'
    "</w:delText></w:r></w:del></w:p>"
)
COMMENT = (
    '<w:comment w:id="0" w:author="Cecilia">'
    "<w:p><w:r><w:t>Har vi resurser?</w:t></w:r></w:p></w:comment>"
)


@pytest.mark.parametrize(
    "name, data, found",
    [
        ("loftet.docx", docx(PARAGRAPH), []),
        ("loftet.docx", docx(PARAGRAPH, COMMENT), [COMMENTS]),
        ("loftet.DOCX", docx(PARAGRAPH + DELETED), [TRACKED_CHANGES]),
        ("loftet.docx", docx(PARAGRAPH + DELETED, COMMENT), [COMMENTS, TRACKED_CHANGES]),
        # An empty comments part (Word keeps one after the last comment is deleted).
        ("loftet.docx", docx(PARAGRAPH, ""), []),
        ("loftet.odt", odt("<text:p>Polisen lovar</text:p>"), []),
        (
            "loftet.odt",
            odt("<office:annotation><dc:creator>Bo</dc:creator></office:annotation>"),
            [COMMENTS],
        ),
        (
            "loftet.odt",
            odt('<text:tracked-changes><text:changed-region text:id="c1"/>'),
            [TRACKED_CHANGES],
        ),
        (
            "loftet.rtf",
            rb"{\rtf1 Polisen lovar {\*\atnid CE}{\*\annotation Har vi resurser?}}",
            [COMMENTS],
        ),
        ("loftet.rtf", rb"{\rtf1 Polisen lovar.}", []),
        # Not a zip, other formats: nothing to find.
        ("loftet.docx", b"not a zip", []),
        ("loftet.pdf", b"%PDF-1.7 <w:del ", []),
        # Whatever the blank after the name, the prefix, the part or the file's name.
        (
            "loftet.docx",
            docx(PARAGRAPH + DELETED.replace("<w:del ", "<w:del\n")),
            [TRACKED_CHANGES],
        ),
        ("loftet.docx", docx(PARAGRAPH + DELETED.replace("w:del", "x:del")), [TRACKED_CHANGES]),
        ("loftet.odt", docx(PARAGRAPH, COMMENT), [COMMENTS]),  # a .docx renamed
        ("loftet.docx", _zip({"other/part.xml": COMMENT}), [COMMENTS]),
        ("loftet.docx", docx(PARAGRAPH.replace("<w:t>", "<w:instrText>")), []),  # not <w:ins>
        # Word 97–2003 and a damaged archive cannot be checked.
        ("loftet.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, [UNREADABLE]),
        ("loftet.docx", _damaged(), [UNREADABLE]),
        # A page Word saved as HTML, with a tracked deletion and a comment.
        ("loftet.htm", b"<html><p>Polisen <del>inte</del> lovar</p>", [TRACKED_CHANGES]),
        ("loftet.html", b"<html><span class=MsoCommentReference>[CE1]</span>", [COMMENTS]),
        ("loftet.html", b"<html><p>Polisen lovar</p></html>", []),
    ],
)
def test_comments_and_tracked_changes_are_found(name, data, found):
    assert hidden_content(name, data) == found


def _padded(
    padding_mb: int, unit: bytes = b" ", *, comments: bool = True, part: str = "customXml/item1.xml"
) -> bytes:
    """A small .docx whose first part unpacks to `padding_mb` MB of `unit`, then a document
    part and, if `comments`, a comments part: a file to be read past a bound to be checked."""
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    with archive:
        with archive.open(part, "w") as member:
            for _ in range(padding_mb):
                member.write(unit * (1024 * 1024 // len(unit)))
        archive.writestr(
            "word/document.xml", f"<w:document {W}><w:body>{PARAGRAPH}</w:body></w:document>"
        )
        if comments:
            archive.writestr("word/comments.xml", f"<w:comments {W}>{COMMENT}</w:comments>")
    assert len(buffer.getvalue()) < 1024 * 1024
    return buffer.getvalue()


def test_a_member_that_unpacks_to_much_is_read_only_so_far_and_cannot_be_checked():
    # 200 MB of blanks before the comment, packed into a small upload: not read to the end,
    # and so not known to be free of comments and tracked changes.
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    with archive, archive.open("word/document.xml", "w") as member:
        for _ in range(200):
            member.write(b" " * 1024 * 1024)
        member.write(b"<w:del ")
    assert len(buffer.getvalue()) < 1024 * 1024
    assert hidden_content("loftet.docx", buffer.getvalue()) == [UNREADABLE]


def test_comments_after_a_part_that_unpacks_past_the_bound_are_not_let_through():
    """A 70 kB file whose first part unpacks to 65 MB hid its comments part from the check
    (read up to the bound, then taken as clean), and was published with its comments."""
    assert hidden_content("loftet.docx", _padded(65)) == [UNREADABLE]


def test_a_small_file_dense_with_tags_is_read_within_a_bound_of_seconds():
    """64 MB of "<a:<" packed in 65 kB took 4.7 s of CPU to search: the bound on what is read
    is what a promise document's text can be, and a file past it cannot be checked."""
    assert hidden_content("loftet.docx", _padded(20, b"<a:<", comments=False)) == [UNREADABLE]
    # A large document within the bound is still read to its end.
    assert hidden_content("loftet.docx", _padded(10)) == [COMMENTS]


@pytest.mark.parametrize("part", ["word/media/image1.png", "word/media/media1.mp4"])
def test_pictures_and_clips_are_not_read_and_do_not_fill_the_bound(part):
    """A document with a 20 MB film clip is checked, not refused as too large to check."""
    assert hidden_content("loftet.docx", _padded(20, part=part)) == [COMMENTS]
    assert hidden_content("loftet.docx", _padded(20, part=part, comments=False)) == []


@pytest.mark.django_db
def test_a_source_document_with_comments_is_refused_with_what_to_do(client, people):
    sign_in(client, people.coordinator)
    upload = SimpleUploadedFile("medborgarloftet.docx", docx(PARAGRAPH + DELETED, COMMENT))
    response = client.post(REGISTER_URL, form_data(people.home, source_file=upload))
    assert response.status_code == 200
    [error] = response.context["form"].errors["source_file"]
    assert error.startswith("Filen innehåller kommentarer och spårade ändringar")
    assert "Granska" in error
    assert not PromisePeriod.objects.exists()
    # The same document, its changes accepted and its comments deleted, is registered.
    upload = SimpleUploadedFile("medborgarloftet.docx", docx(PARAGRAPH))
    response = client.post(REGISTER_URL, form_data(people.home, source_file=upload))
    assert response.status_code == 302
    assert PromisePeriod.objects.exists()


@pytest.mark.django_db
def test_the_import_of_a_registration_refuses_such_a_file_before_the_document_is_read(
    client, people
):
    """Said at the upload, not after the long review page (where no file can be attached)."""
    sign_in(client, people.coordinator)
    document = Document()
    paragraph = document.add_paragraph("Polisen lovar att genomföra minst 12 trafikkontroller.")
    document.add_comment(paragraph.runs, text="Har vi resurser?", author="Cecilia")
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("medborgarloftet.docx", buffer.getvalue())
    data = {"municipality": people.home.pk, "kind": "register", "file": upload}
    response = client.post(reverse("promises:period_import"), data)
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert error.startswith("Filen innehåller kommentarer, som inte syns")
    # A new draft keeps no file: nothing published, nothing refused (the preview is shown).
    upload = SimpleUploadedFile("medborgarloftet.docx", buffer.getvalue())
    data = {"municipality": people.home.pk, "kind": "draft", "file": upload}
    response = client.post(reverse("promises:period_import"), data)
    assert response.status_code == 200 and "document_payload" in response.content.decode()
