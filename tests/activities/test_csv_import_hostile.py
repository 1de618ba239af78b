"""Hostile import files, as a security probe sends them: each is read within bounds and ends in
a Swedish message or in saved rows, never a server error."""

import re
import time
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from activities import csv_import
from activities.models import ActivityLog, Responsible
from municipalities.models import Role
from tests import factories
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

URL = reverse("activities:log_import")
HEADER = "aktivitet_id;datum;antal;plats;sammanfattning;intern_anteckning"


@pytest.fixture
def police(client):
    period = factories.period("vetlanda")
    area = factories.local_police_area(municipalities=[period.municipality])
    activity = factories.activity(period, "Trafikkontroller", responsible=Responsible.POLICE)
    user = staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area)
    sign_in(client, user)
    return activity


def _upload(client, data: bytes, name: str = "loggar.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    started = time.monotonic()
    response = client.post(
        URL,
        {"file": SimpleUploadedFile(name, data, "text/csv"), "idempotency_key": uuid.uuid4()},
    )
    return response, time.monotonic() - started


def _today() -> str:
    return timezone.localdate().isoformat()


def _fill(line: bytes, size: int = csv_import.MAX_BYTES, rows: int | None = None) -> bytes:
    """`HEADER` and `line` repeated to just under `size` bytes (or `rows` times)."""
    head = HEADER.encode() + b"\r\n"
    return head + line * (rows or (size - len(head)) // len(line))


SAVED = "saved"
ROWS = "Se felen för varje rad nedan."
NOT_CSV = "Filen är inte en CSV-fil i textformat."
TOO_MANY = "Filen har fler än 1000 rader."
NO_ROWS = "Filen har en rubrikrad men inga rader att importera."

# Each file, and what it ends in: SAVED, or a message of the page's error summary.
CASES = {
    # The most rows allowed, each wrong in two columns: two thousand errors on one page.
    "a thousand rows of long values": (
        lambda a: _fill(
            b"%d;2026-13-45;1;%s;%s;\r\n" % (a.pk, b"p" * 151, b"s" * 500),
            rows=csv_import.MAX_ROWS,
        ),
        ROWS,
    ),
    # 1 MB of the shortest rows: far more than the rows allowed.
    "many short rows": (lambda a: _fill(b"1\r\n"), TOO_MANY),
    # One quoted value from the second row to the end of the file, never closed.
    "a quote left open to the end": (
        lambda a: (
            HEADER.encode() + b'\r\n%d;%s;1;"' % (a.pk, _today().encode()) + b"rad\r\n" * 200_000
        ),
        "Rad 2 har ett citattecken som inte avslutas",
    ),
    "a quote spanning lines, closed": (
        lambda a: (
            HEADER.encode()
            + b'\r\n%d;%s;1;"Torget\r\nvid skolan";;\r\n' % (a.pk, _today().encode())
        ),
        SAVED,  # a line break inside quotes is part of the value
    ),
    "a million separators on one line": (
        lambda a: HEADER.encode() + b"\r\n" + b";" * 1_000_000,
        NO_ROWS,
    ),
    "a header of separators": (
        lambda a: b";" * 1_000_000,
        "Filen saknar rubrikrad",
    ),
    # Formulas are stored as text (the exports put an apostrophe before them).
    "formula cells": (
        lambda a: (
            HEADER.encode()
            + b'\r\n%d;%s;1;=HYPERLINK("http://example.org");+SUM(1);@cmd\r\n'
            % (a.pk, _today().encode())
        ),
        SAVED,
    ),
    "utf-8 with a bom": (
        lambda a: (
            b"\xef\xbb\xbf"
            + HEADER.encode()
            + b"\r\n%d;%s;1;Tran\xc3\xa5s;;\r\n" % (a.pk, _today().encode())
        ),
        SAVED,
    ),
    "two boms": (
        lambda a: b"\xef\xbb\xbf\xef\xbb\xbf" + HEADER.encode() + b"\r\n1;2026-01-01;1;;;\r\n",
        "Rubrikraden (rad 1) är fel",
    ),
    "utf-16 big endian with a bom": (
        lambda a: f"\ufeff{HEADER}\r\n{a.pk};{_today()};1;Tranås;;\r\n".encode("utf-16-be"),
        SAVED,
    ),
    "utf-16 without a bom": (
        lambda a: (HEADER + "\r\n1;2026-01-01;1;;;\r\n").encode("utf-16-le"),
        NOT_CSV,
    ),
    "utf-32 with a bom": (
        lambda a: (HEADER + "\r\n1;2026-01-01;1;;;\r\n").encode("utf-32"),
        NOT_CSV,
    ),
    "utf-16 with a lone surrogate": (lambda a: b"\xff\xfe\x01\xd8AA", NOT_CSV),
    "shift-jis": (
        lambda a: (HEADER + "\r\n1;2026-01-01;1;テスト;;\r\n").encode("shift-jis"),
        "Filens teckenkodning kunde inte avgöras.",
    ),
    "old mac line breaks": (
        lambda a: HEADER.encode() + b"\r%d;%s;1;;;\r" % (a.pk, _today().encode()),
        SAVED,
    ),
    "an escape sequence in a cell": (
        lambda a: (
            HEADER.encode() + b"\r\n%d;%s;1;\x1b[31mr\xc3\xb6d;;\r\n" % (a.pk, _today().encode())
        ),
        ROWS,
    ),
    "a zip named .csv": (lambda a: b"PK\x03\x04" + b"\x00" * 500, NOT_CSV),
    "exactly the limit": (
        lambda a: _fill(b"\r\n")[: csv_import.MAX_BYTES].ljust(csv_import.MAX_BYTES, b"\n"),
        NO_ROWS,
    ),
    "one byte over the limit": (
        lambda a: b"a" * (csv_import.MAX_BYTES + 1),
        "Filen är större än 1 MB.",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_import_file_ends_in_a_message_or_rows_in_bounded_time(client, police, case):
    make, outcome = CASES[case]
    data = make(police)
    if case == "exactly the limit":
        assert len(data) == csv_import.MAX_BYTES
    response, seconds = _upload(client, data)
    assert seconds < 10, seconds
    if outcome == SAVED:
        assert response.status_code == 302
        assert ActivityLog.objects.count() == 1
    else:
        assert response.status_code == 200
        summary = re.findall(r'<li><a href="#[^"]*">([^<]*)</a>', response.content.decode())
        assert any(outcome in entry for entry in summary), summary
        assert not ActivityLog.objects.exists()


def test_a_thousand_rows_of_errors_are_each_reported(client, police):
    make, _ = CASES["a thousand rows of long values"]
    response, _seconds = _upload(client, make(police))
    errors = response.context["result"].row_errors
    assert len(errors) == 2 * csv_import.MAX_ROWS
    assert {error.column for error in errors} == {"plats", "datum"}


def test_formula_cells_are_stored_as_the_text_written(client, police):
    make, _ = CASES["formula cells"]
    response, _ = _upload(client, make(police))
    assert response.status_code == 302
    log = ActivityLog.objects.get()
    assert log.place == '=HYPERLINK("http://example.org")'
    assert log.summary == "+SUM(1)"
