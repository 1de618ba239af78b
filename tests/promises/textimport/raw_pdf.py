"""PDF files written byte by byte for the import's costly-input tests: the shapes a PDF writer
would never make (thousands of operations, streams that unpack to megabytes, fonts sharing one
map), so that each bound of the reader can be tried."""

import zlib


def flate_stream(data: bytes) -> bytes:
    """A stream object holding `data`, packed with FlateDecode."""
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of `objects`, numbered from 1 (the first must be the catalog), with its
    cross-reference table and trailer."""
    pdf = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)
