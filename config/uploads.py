"""An upload handler that stops reading a request as soon as one uploaded file is too large."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class FileSizeLimitUploadHandler(FileUploadHandler):
    """Stop the upload once a file passes UPLOAD_FILE_MAX_BYTES; the rest is never read.

    Runs before Django's own handlers and passes each chunk on to them. When it stops, the
    request has no files and `request.upload_too_large` is True, for the view to say why.
    """

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > settings.UPLOAD_FILE_MAX_BYTES:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # Django's handlers after this one make the file.


# Notepad's "Unicode" and some Excel exports ("Unicode text") are UTF-16 with a byte order mark.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def utf16_text(data: bytes) -> str | None:
    """The text of an uploaded file saved as UTF-16 with a byte order mark, or None when it is
    not one (or does not decode): read as UTF-8 or Windows-1252 it would be every other byte NUL.
    """
    if not data.startswith(UTF16_BOMS):
        return None
    try:
        return data.decode("utf-16")  # the mark tells the byte order, and is dropped
    except UnicodeDecodeError:
        return None


def is_binary(data: bytes) -> bool:
    """Whether an uploaded file is no text file: it holds NUL bytes and is not UTF-16 text (a
    workbook, a PDF, an image)."""
    return b"\x00" in data and utf16_text(data) is None
