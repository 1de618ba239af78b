"""What a word-processor file holds that its reader does not see: comments and tracked changes.

A registered promise's source document is published as it was uploaded. A Word or
OpenDocument file may still hold a reviewer's comments (with their names) and the text deleted
or added under tracked changes, which the document's final view does not show: published, they
would show internal remarks. Such a file is refused, with what to do
(`promises.registration_forms`).

Read within bounds: the file is at most 1 MB, but a zip member may unpack to far more.
"""

import io
import zipfile

from django.utils.translation import gettext_lazy as _

COMMENTS = _("comments")
TRACKED_CHANGES = _("tracked changes")

# Markers of each, by format: Word (WordprocessingML), OpenDocument, RTF.
_DOCX = {
    COMMENTS: (b"<w:comment ", b"<w:commentReference"),
    TRACKED_CHANGES: (b"<w:del ", b"<w:ins ", b"<w:moveFrom ", b"<w:moveTo "),
}
_ODT = {
    COMMENTS: (b"<office:annotation",),
    TRACKED_CHANGES: (b"<text:changed-region",),
}
_RTF = {
    COMMENTS: (b"\\annotation", b"\\atnid"),
    TRACKED_CHANGES: (b"\\revised", b"\\deleted"),
}
# The most unpacked bytes read of one file, and the read size.
MAX_UNPACKED = 64 * 1024 * 1024
_CHUNK = 256 * 1024


def hidden_content(name: str, data: bytes) -> list:
    """What `data` (a file named `name`) holds that its final view does not show: COMMENTS,
    TRACKED_CHANGES, or neither. Unreadable files and other formats give nothing."""
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "rtf":
        return _found(_RTF, [data])
    markers = {"docx": _DOCX, "odt": _ODT}.get(suffix)
    if markers is None:
        return []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                info
                for info in archive.infolist()
                if info.filename.endswith(".xml")
                and (info.filename.startswith("word/") or suffix == "odt")
            ]
            return _found(markers, _chunks(archive, members))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError):
        return []


def _chunks(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]):
    """The members' unpacked bytes, in chunks that overlap by a marker's length, at most
    `MAX_UNPACKED` in all."""
    left = MAX_UNPACKED
    for info in members:
        with archive.open(info) as member:
            tail = b""
            while left > 0:
                chunk = member.read(min(_CHUNK, left))
                if not chunk:
                    break
                left -= len(chunk)
                yield tail + chunk
                tail = chunk[-32:]


def _found(markers: dict, chunks) -> list:
    found = []
    for chunk in chunks:
        for kind, signs in markers.items():
            if kind not in found and any(sign in chunk for sign in signs):
                found.append(kind)
        if len(found) == len(markers):
            break
    return [kind for kind in markers if kind in found]
