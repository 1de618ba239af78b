"""What a word-processor file holds that its reader does not see: comments and tracked changes.

A registered promise's source document is published as it was uploaded. A Word or
OpenDocument file (or Word's RTF or web page) may still hold a reviewer's comments (with their
names) and the text deleted or added under tracked changes, which the document's final view
does not show: published, they would show internal remarks. Such a file is refused, with what
to do (`promises.registration_forms`, `promises.import_forms`); so is one that cannot be
checked (Word 97–2003's binary .doc, a damaged archive, one whose parts unpack past the bound
of what is read).

The format is read from the bytes, not the name (a .docx renamed .odt is still checked), and an
element is known by its name whatever its namespace prefix. Read within bounds: the file is at
most 1 MB, but a zip member may unpack to far more.
"""

import io
import re
import zipfile

from django.utils.translation import gettext_lazy as _

COMMENTS = _("comments")
TRACKED_CHANGES = _("tracked changes")
# A file that may hold either and cannot be read to find out.
UNREADABLE = "unreadable"

_NAME_END = rb"(?=[\s/>])"
_PREFIX = rb"<(?:[\w.-]+:)?"
# WordprocessingML (w:comment, w:commentReference; w:del, w:ins, w:moveFrom, w:moveTo) and
# OpenDocument (office:annotation; text:changed-region), with any prefix.
_ZIPPED = {
    COMMENTS: re.compile(_PREFIX + rb"(?:comment|commentReference|annotation)" + _NAME_END),
    TRACKED_CHANGES: re.compile(
        _PREFIX + rb"(?:del|ins|moveFrom|moveTo|changed-region)" + _NAME_END
    ),
}
_RTF = {
    COMMENTS: re.compile(rb"\\(?:annotation|atnid)(?![a-z])"),
    TRACKED_CHANGES: re.compile(rb"\\(?:revised|deleted)(?![a-z])"),
}
# A page Word saved as HTML: its comments' list and marks, <del> and <ins>.
_HTML = {
    COMMENTS: re.compile(
        rb"mso-comment|msocomtxt|msocomanchor|MsoComment(?:Text|Reference)", re.IGNORECASE
    ),
    TRACKED_CHANGES: re.compile(rb"<(?:del|ins)" + _NAME_END, re.IGNORECASE),
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 (.doc), Excel, …
_ZIP = b"PK\x03\x04"
# Parts that are pictures, fonts or other binaries: nothing to read in them.
# (Sound and video too: a clip embedded in a document would fill the bound below. Embedded
# documents and workbooks are read, since their own comments would be published with the file.)
_BINARY_PARTS = re.compile(
    r"\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|emz|wmz|svg|webp|ico|heic|bin|ttf|odttf|otf"
    r"|mp3|m4a|wav|wma|mp4|m4v|mov|avi|wmv|mpe?g)$",
    re.I,
)
# The most unpacked bytes read of one file, the read size, and how much of the end of one read
# is read again with the next (an element's name cut in two). A promise document's parts other
# than pictures and fonts unpack to well under a megabyte (200 000 characters of text fit in
# 12 MB of Word's XML, `promises.textimport.extract`); a file past the bound cannot be checked
# (its parts after it could hold anything). Searching is some 70 ms a megabyte of dense tags:
# 64 MB of "<a:<", packed in 65 kB, took 4.7 s.
MAX_UNPACKED = 16 * 1024 * 1024
_CHUNK = 256 * 1024
_OVERLAP = 64


def hidden_content(name: str, data: bytes) -> list:
    """What `data` holds that its final view does not show: COMMENTS, TRACKED_CHANGES, or
    UNREADABLE for a file that may hold them and cannot be checked; empty for a file without
    them, and for a PDF or plain text (which hold neither)."""
    if data.startswith(_OLE):
        return [UNREADABLE]
    if data.startswith(_ZIP):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return _found(_ZIPPED, _chunks(archive))
        # Any damage (zlib, encryption, names), or parts past the bound (`_TooLarge`): not
        # checked.
        except Exception:  # noqa: BLE001
            return [UNREADABLE]
    if data.lstrip()[:5] == b"{\\rtf":
        return _found(_RTF, _pieces(data))
    if name.lower().endswith((".html", ".htm")) or data.lstrip()[:5].lower() in (
        b"<!doc",
        b"<html",
    ):
        return _found(_HTML, _pieces(data))
    return []


def _pieces(data: bytes):
    for start in range(0, len(data), _CHUNK):
        yield data[max(0, start - _OVERLAP) : start + _CHUNK]


class _TooLarge(Exception):
    """The parts to read unpack to more than `MAX_UNPACKED`."""


def _chunks(archive: zipfile.ZipFile):
    """Every part's unpacked bytes, in overlapping chunks, at most `MAX_UNPACKED` in all;
    `_TooLarge` when there is more (what is past the bound is not known to be clean)."""
    left = MAX_UNPACKED
    for info in archive.infolist():
        if info.is_dir() or _BINARY_PARTS.search(info.filename):
            continue
        with archive.open(info) as member:
            tail = b""
            while True:
                # One byte past what is left: a part that ends at the bound is read whole.
                chunk = member.read(min(_CHUNK, left + 1))
                if not chunk:
                    break
                left -= len(chunk)
                if left < 0:
                    raise _TooLarge
                yield tail + chunk
                tail = chunk[-_OVERLAP:]


def _found(markers: dict, chunks) -> list:
    found = set()
    for chunk in chunks:
        found.update(kind for kind, pattern in markers.items() if pattern.search(chunk))
        if len(found) == len(markers):
            break
    return [kind for kind in markers if kind in found]


def refusal(hidden: list) -> str:
    """What the form says of a file `hidden_content` found something in."""
    if UNREADABLE in hidden:
        return _(
            "The file cannot be checked for comments and tracked changes, which would be "
            "published with it (a Word 97–2003 file, or a damaged one). Save it as PDF or as a "
            "Word document (.docx) and attach it again; or give the address where the "
            "document is published."
        )
    return _(
        "The file holds %(hidden)s, which do not show in the finished text but are published "
        "with the file. Accept or reject the changes and delete the comments (in Word: "
        "Review), save, and attach the file again; or give the address where the document is "
        "published."
    ) % {"hidden": _(" and ").join(str(kind) for kind in hidden)}
