"""Bulk import of activity logs from a CSV file, checked like the log form: all rows or none.

A valid file is saved at once, unless it looks like a mistake: rows the same as logs already
saved (the same file uploaded again, or logged through the form too), rows repeated within the
file, or the template downloaded and uploaded unchanged. Then the page lists those rows and asks
(`Doubt`): save every row, save only the rows not already saved, or nothing. The file travels to
that answer signed in a hidden field, so nothing is kept between the two requests.
"""

import csv
import datetime
import io
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.forms import MAX_NOTE, MAX_QUANTITY, MAX_SUMMARY, LogForm
from activities.models import SAME_LOG_FIELDS, Activity, ActivityLog
from activities.plausibility import activity_doubt
from activities.services import ClosedForLogs, IdempotencyConflict, record_log
from activities.spreadsheet import NOT_CSV
from config import public_cache
from config.uploads import is_binary, utf16_text
from municipalities.search import fold

MAX_BYTES = 1024 * 1024
# A value may be as long as the file: the column's own limit then says it is too long, not the
# csv module's field limit (128 KiB), which would be reported as a quotation mark left open.
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
MAX_ROWS = 1000


@dataclass(frozen=True)
class Column:
    """A documented column of the import file and the log form field it fills."""

    name: str
    field: str
    required: bool
    format: str
    example: str


def _limit(text: str, limit: int) -> str:
    return format_lazy(text, max=f"{limit:,}".replace(",", "\u00a0"))


COLUMNS = (
    Column("aktivitet_id", "activity", True, _("The activity's id, see the table below."), "12"),
    Column("datum", "date", True, _("YYYY-MM-DD; in the period, not in the future."), "2026-03-15"),
    Column("antal", "quantity", False, _limit(_("1 to {max}; 1 when empty."), MAX_QUANTITY), "1"),
    Column("plats", "place", False, _limit(_("At most {max} characters. Public."), 150), "Torget"),
    Column(
        "sammanfattning",
        "summary",
        False,
        _limit(_("At most {max} characters. Public: name or describe no one."), MAX_SUMMARY),
        "Trafikkontroll vid skolan",
    ),
    Column(
        "intern_anteckning",
        "internal_note",
        False,
        _limit(_("At most {max} characters. Not public, but no personal data."), MAX_NOTE),
        "",
    ),
    # Not a log field: the template names each activity, as an id alone says nothing.
    Column(
        "aktivitet_namn",
        "",
        False,
        _(
            "The activity's name, as a help when filling in the template; if given, it must be "
            "the name of the activity of the id (a row copied with a new name but the old id "
            "is refused)."
        ),
        "Trafikkontroller",
    ),
    # Nor this: the same name is often in several municipalities' promises.
    Column(
        "medborgarlofte",
        "",
        False,
        _(
            "The citizen promise of the activity (place and years), as a help when filling in "
            "the template; if given, it must be that of the activity of the id."
        ),
        "Eksjö 2025–2026",
    ),
)
_BY_NAME = {column.name: column for column in COLUMNS}
_REQUIRED = [column for column in COLUMNS if column.required]
_BY_FIELD = {column.field: column for column in COLUMNS if column.field}
# ASCII digits only, as the date field reads (\d would also take Arabic-Indic and other digits).
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A line between the breaks `str.splitlines` splits at, found one at a time: the first line is
# looked for without splitting the whole file.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


@dataclass(frozen=True)
class RowError:
    """A problem in one row of the file (row numbers as in a spreadsheet, the header is 1)."""

    row: int
    column: str
    message: str


@dataclass
class ParsedFile:
    """The data rows of a file, as {column: value} by row number, or why it cannot be read."""

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    row_errors: list[RowError] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class Doubt:
    """A valid row that may be a mistake, and why (row None: the whole file)."""

    row: int | None
    message: str
    # A row the same as a saved log, or as an earlier row of the file: left out on request.
    repeated: bool = True


@dataclass
class ImportResult:
    """What an import saved, or why it saved nothing (errors, or doubts to be answered)."""

    saved: list[ActivityLog] = field(default_factory=list)
    row_errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    already_imported: bool = False
    doubts: list[Doubt] = field(default_factory=list)
    row_count: int = 0

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + len(self.row_errors)


class UnreadableFile(ValueError):
    """Why a file cannot be read, as a message for the user."""


# Beyond ASCII, what Swedish text saved as Windows-1252 holds: the Latin-1 letters and signs,
# and the curly quotes, dashes, ellipsis, bullet and euro sign. The rest of 0x80-0x9F (ƒ ‰ Š Œ ˜
# ™ …) is what a file in another encoding turns into: Shift-JIS "テスト" reads as "ƒeƒXƒg".
_NOT_SWEDISH_CP1252 = re.compile("[^\x00-\x7f\xa0-\xff€…‘’“”•–—]")
# The byte order mark and UTF-8's bytes for those letters, signs and punctuation: in a file that
# is not all UTF-8 they mean broken UTF-8, which Windows-1252 would read as "Ã¥" or "â€“".
_UTF8_SWEDISH = re.compile(
    rb"\xef\xbb\xbf|\xc2[\xa0-\xbf]|\xc3[\x80-\xbf]"
    rb"|\xe2\x80[\x93\x94\x98\x99\x9c\x9d\xa2\xa6]|\xe2\x82\xac"
)


def decode(data: bytes) -> str:
    """The text of a file, in one encoding decided for the whole file; UnreadableFile if none.

    UTF-16 with a byte order mark (Notepad's "Unicode"); UTF-8 (with or without BOM) when all
    of it decodes. A file with UTF-8 letters that fails
    elsewhere is broken UTF-8: read as Windows-1252 it would store "TranÃ¥s". Otherwise
    Windows-1252 (Excel's ordinary CSV), when every byte is defined there and reads as Swedish.
    """
    text = utf16_text(data)
    if text is not None:
        return text
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        bad = error.start
    if _UTF8_SWEDISH.search(data):
        message = gettext(
            "The file is in UTF-8 but has an invalid character on line %(line)s. Save it "
            "again as UTF-8 (in Excel: CSV UTF-8) and upload it again."
        )
        raise UnreadableFile(message % {"line": data.count(b"\n", 0, bad) + 1})
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is None or _NOT_SWEDISH_CP1252.search(text):
        raise UnreadableFile(
            gettext(
                "The file's character encoding was not recognised. Save the file as CSV in "
                "UTF-8 (in Excel: CSV UTF-8) or in Windows-1252 (Excel's ordinary CSV) and "
                "upload it again."
            )
        )
    return text


# A file of ours names a few columns; a header of thousands is no such file (each name counted
# against the others took minutes for 100 000), and a message lists only the first names found.
MAX_HEADER_COLUMNS = 50
NAMES_LISTED = 10


def header_problems(names: list[str], known, required: list[str]) -> list[str]:
    """What is wrong with a header row of `names` (lower case): too many columns, or names not
    `known`, `required` ones missing, names given twice; each with the names, the first few."""
    counts = Counter(name for name in names if name)  # empty ones are a spreadsheet's margin
    if counts.total() > MAX_HEADER_COLUMNS:
        return [gettext("more than %(max)s columns") % {"max": MAX_HEADER_COLUMNS}]
    found = (
        (gettext("unknown columns:"), [name for name in counts if name not in known]),
        (gettext("missing columns:"), [name for name in required if name not in counts]),
        (gettext("columns given twice:"), sorted(name for name, n in counts.items() if n > 1)),
    )
    problems = []
    for label, listed in found:
        if listed:
            more = " …" if len(listed) > NAMES_LISTED else ""
            problems.append(f"{label} {', '.join(listed[:NAMES_LISTED])}{more}")
    return problems


@dataclass
class Records:
    """The non-blank records of a CSV file by row number, the header first, at most two past
    `max_rows` data rows; or why the file cannot be read."""

    records: list[tuple[int, list[str]]] = field(default_factory=list)
    delimiter: str = ";"
    error: str | None = None


def read_records(data: bytes, max_rows: int = MAX_ROWS) -> Records:
    """Read an upload's records within bounds: size, encoding, the first line, quoting; the
    imports' one reader (the log import's and the measurements', followups.outcome_import)."""
    if len(data) > MAX_BYTES:
        return Records(error=gettext("The file is larger than 1 MB. Split it up."))
    if is_binary(data):
        return Records(error=str(NOT_CSV))
    try:
        text = decode(data)
    except UnreadableFile as error:
        return Records(error=str(error))
    first = next((m.group() for m in _LINE.finditer(text) if m.group().strip()), None)
    if first is None:
        return Records(error=gettext("The file is empty."))
    if _CONTROL.search(first):
        return Records(error=str(NOT_CSV))
    # Swedish Excel separates with semicolons, most other programs with commas. Strict: a quote
    # left open would otherwise swallow the rest of the file into one value.
    delimiter = ";" if ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, number = [], 0
    try:
        for number, record in enumerate(reader, 1):
            if any(map(str.strip, record)):
                records.append((number, record))
                # The header and one row more than allowed tell enough: a file of 480,000
                # one-character rows was read whole (2.3 s, 200 MB) before it was refused.
                if len(records) > max_rows + 1:
                    break
    except csv.Error:
        message = gettext(
            "Row %(row)s has a quotation mark that is not closed, or text right after a closing "
            "quotation mark. Check the quotation marks from that row on."
        )
        return Records(error=message % {"row": number + 1})
    if not records:
        return Records(
            error=gettext("The file has no header row: it holds only separators and blanks.")
        )
    return Records(records=records, delimiter=delimiter)


def parse_csv(data: bytes) -> ParsedFile:
    """Read an import file: checks size, encoding, header and row count, not the values."""
    read = read_records(data)
    if read.error:
        return ParsedFile(error=read.error)
    records = read.records
    (header_row, header), data_rows = records[0], records[1:]
    names = [name.strip().lower() for name in header]
    problems = header_problems(names, _BY_NAME, [c.name for c in _REQUIRED])
    if problems:
        message = gettext("The header row (row %(row)s) is wrong: %(problems)s.")
        # What to do about it: a title row above, or a column of one's own, refused the file.
        hint = gettext(
            "The first row holds the template's column names: delete any rows above it and "
            "any column of your own (or empty its name), then upload the file again."
        )
        message = message % {"row": header_row, "problems": "; ".join(problems)}
        return ParsedFile(error=f"{message} {hint}")
    if len(data_rows) > MAX_ROWS:
        message = gettext("The file has more than %(max)s rows. Split it into smaller files.")
        return ParsedFile(error=message % {"max": MAX_ROWS})
    parsed = ParsedFile()
    for number, record in data_rows:
        unnamed = [v for i, v in enumerate(record) if i >= len(names) or not names[i]]
        if any(map(str.strip, unnamed)):
            message = gettext("The row has a value in a column without a name in the header.")
            parsed.row_errors.append(RowError(number, "", message))
        parsed.rows.append((number, {n: v for n, v in zip(names, record, strict=False) if n}))
    return parsed


class _AllowedActivityField(forms.Field):
    """The log form's activity choice, looked up among activities loaded once for all rows."""

    def __init__(self, allowed: dict[int, Activity]):
        super().__init__()
        self.allowed = allowed

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.allowed[int(str(value).strip())]
        except (KeyError, ValueError):
            raise ValidationError(
                _("No activity that you may log has this id. The ids are on the import page."),
                code="invalid_choice",
            ) from None


class _RowForm(LogForm):
    """LogForm for one row of a file, with the allowed activities held in memory."""

    # An improbable quantity is one of the file's doubts (`doubts`), not a row's error.
    asks_quantity = False

    def __init__(self, *args, allowed: dict[int, Activity], **kwargs):
        super().__init__(*args, activities=Activity.objects.none(), **kwargs)
        self.fields["activity"] = _AllowedActivityField(allowed)

    def _post_clean(self) -> None:
        # Model validation only repeats the fields' checks (the activity exists, the quantity
        # limits), each with a query per row; the database enforces them again on insert.
        pass


def _validate(
    parsed: ParsedFile, *, user, today: datetime.date, import_key: uuid.UUID
) -> tuple[list[tuple[int, _RowForm]], list[RowError]]:
    """A valid form per row (with its row number), or the errors of all rows with the log
    form's messages."""
    allowed = {activity.pk: activity for activity in loggable_activities(user)}
    valid, errors = [], list(parsed.row_errors)
    for number, values in parsed.rows:
        data = {field: values.get(column.name, "") for field, column in _BY_FIELD.items()}
        data["quantity"] = data["quantity"].strip() or "1"
        data["idempotency_key"] = str(uuid.uuid5(import_key, str(number)))
        form = _RowForm(data, allowed=allowed, today=today)
        row_errors = {_BY_FIELD[name].name: list(msgs) for name, msgs in form.errors.items()}
        if data["date"].strip() and not _ISO_DATE.fullmatch(data["date"].strip()):
            row_errors["datum"] = [gettext("Write the date as YYYY-MM-DD, e.g. 2026-03-15.")]
        named = " ".join(values.get("aktivitet_namn", "").split())
        activity = form.cleaned_data.get("activity") if not form.errors else None
        # Apostrophes aside: the template writes one before a name a spreadsheet would run.
        if named and activity is not None and _name(named) != _name(activity.title):
            # A row copied in the sheet, its name changed and its id not: it would be counted
            # for another activity (a tester's patrol counted as a traffic check).
            row_errors["aktivitet_namn"] = [
                gettext(
                    "The name is not that of activity %(id)s, %(title)s: correct the id, or "
                    "leave the name empty."
                )
                % {"id": activity.pk, "title": activity.title}
            ]
        promise = " ".join(values.get("medborgarlofte", "").split())
        if promise and activity is not None and _years(promise) != _years(promise_of(activity)):
            row_errors["medborgarlofte"] = [
                gettext(
                    "Activity %(id)s, %(title)s, belongs to the citizen promise %(promise)s: "
                    "correct the id, or leave the citizen promise empty."
                )
                % {"id": activity.pk, "title": activity.title, "promise": promise_of(activity)}
            ]
        for column in (c.name for c in COLUMNS if c.name in row_errors):
            errors.extend(RowError(number, column, str(msg)) for msg in row_errors[column])
        if not row_errors:
            valid.append((number, form))
    return valid, errors


def _name(text: str) -> str:
    return fold(text.replace("'", ""))


def _years(text: str) -> str:
    # "Eksjo 2025-2026" typed with a hyphen and no diacritics is "Eksjö 2025–2026".
    return _name(text.replace("\u2013", "-"))


def promise_of(activity: Activity) -> str:
    """The citizen promise of `activity` as the template names it: "Eksjö 2025–2026"."""
    return f"{activity.period.place_name} {activity.period.period_label}"


def _occasion(activity_id: int, day: datetime.date, place: str) -> tuple:
    """What makes two logs likely the same occasion: the activity, the day and the place (in any
    case, blanks as one), whatever their quantity or summary."""
    return (activity_id, day, " ".join(place.split()).casefold())


def doubts(rows: list[tuple[int, _RowForm]], today: datetime.date) -> list[Doubt]:
    """The valid rows that may be a mistake: the same activity, date and place as a counted log
    already saved (the same in every field, or told that quantity or summary differ: a sheet
    kept beside the form often words the same walk otherwise); the same in every field as an
    earlier row; an improbable quantity (as the log form asks about it); and the whole file
    when every row is as the template proposes it (today's date, one, no place, no summary)."""
    cleaned = [(number, form.cleaned_data) for number, form in rows]
    # The counted logs the rows may repeat, by activity, day and place: one query.
    saved: dict[tuple, dict] = {}
    for log in (
        ActivityLog.objects.counted()
        .filter(
            activity_id__in={data["activity"].pk for _n, data in cleaned},
            date__in={data["date"] for _n, data in cleaned},
        )
        .values(
            "activity_id",
            *SAME_LOG_FIELDS,
            "created_at",
            "reported_by__username",
            "reported_by__first_name",
            "reported_by__last_name",
        )
    ):
        saved.setdefault(_occasion(log["activity_id"], log["date"], log["place"]), log)
    found, seen = [], {}
    for number, data in cleaned:
        activity = data["activity"]
        key = _occasion(activity.pk, data["date"], data["place"])
        # Within the file only rows the same in every field: a sheet may list two checks on
        # one road in a day.
        row_key = (activity.pk, *(data[name] for name in SAME_LOG_FIELDS))
        if key in saved:
            log = saved[key]
            same = all(log[name] == data[name] for name in SAME_LOG_FIELDS)
            who = (
                " ".join(
                    part
                    for part in (log["reported_by__first_name"], log["reported_by__last_name"])
                    if part
                )
                or log["reported_by__username"]
                or gettext("system")
            )
            words = {
                "date": date_format(timezone.localtime(log["created_at"]), "SHORT_DATETIME_FORMAT"),
                "user": who,
            }
            if same:
                message = gettext("The same as a log saved on %(date)s by %(user)s.") % words
            else:
                message = (
                    gettext(
                        "The same activity, day and place as a log saved on %(date)s by %(user)s "
                        "(with another quantity or summary): the same occasion twice?"
                    )
                    % words
                )
            found.append(Doubt(number, message))
        elif row_key in seen:
            message = gettext("The same as row %(row)s of the file.") % {"row": seen[row_key]}
            found.append(Doubt(number, message))
        seen.setdefault(row_key, number)
        # As the log form asks (`activities.plausibility`); saved with "save all" or "only new".
        if improbable := activity_doubt(activity, data["quantity"], data["date"], today):
            found.append(Doubt(number, str(improbable.message), repeated=False))
    as_template = all(
        data["quantity"] == 1
        and not data["place"]
        and not data["summary"]
        and data["date"] == template_date(data["activity"], today)
        for _number, data in cleaned
    )
    if as_template and len(cleaned) > 1:
        message = gettext(
            "Every row is as the template proposes it: today's date, quantity 1, no place and "
            "no summary. Was each of these activities really carried out today?"
        )
        found.insert(0, Doubt(None, message, repeated=False))
    return found


def import_logs(
    data: bytes,
    *,
    user,
    today: datetime.date,
    import_key: uuid.UUID,
    ask: bool = True,
    skip_repeated: bool = False,
) -> ImportResult:
    """Check all rows like the log form; save all or none, and a repeated upload only once.

    `ask`: a file with doubts (see `doubts`) is not saved but returned with them; answered,
    `skip_repeated` leaves out the rows the same as saved logs or as earlier rows."""
    parsed = parse_csv(data)
    if parsed.error:
        return ImportResult(file_errors=[parsed.error])
    if not parsed.rows:
        return ImportResult(file_errors=[gettext("The file has a header but no rows to import.")])
    rows, errors = _validate(parsed, user=user, today=today, import_key=import_key)
    if errors:
        return ImportResult(row_errors=errors)
    first_key = rows[0][1].cleaned_data["idempotency_key"]
    if ActivityLog.objects.filter(idempotency_key=first_key, reported_by=user).exists():
        return ImportResult(already_imported=True)
    if ask or skip_repeated:
        found = doubts(rows, today)
        if ask and found:
            return ImportResult(doubts=found, row_count=len(rows))
        if skip_repeated:
            left_out = {doubt.row for doubt in found if doubt.repeated}
            rows = [(number, form) for number, form in rows if number not in left_out]
    saved = []
    try:
        with transaction.atomic(), public_cache.many_writes():
            for _number, form in rows:
                fields = {name: form.cleaned_data[name] for name in LogForm.Meta.fields}
                key = form.cleaned_data["idempotency_key"]
                log, created = record_log(user=user, idempotency_key=key, **fields)
                if not created:  # A parallel upload of the same file saved it first.
                    transaction.set_rollback(True)
                    return ImportResult(already_imported=True)
                saved.append(log)
    except IdempotencyConflict:
        return ImportResult(file_errors=[gettext("Reload the page and upload the file again.")])
    except ClosedForLogs:
        # An activity cancelled (or a period closed) since the rows were checked: nothing is
        # saved, and checked again the file names the row.
        return ImportResult(file_errors=[gettext("Reload the page and upload the file again.")])
    return ImportResult(saved=saved)


def loggable_activities(user) -> list[Activity]:
    return list(Activity.objects.loggable_by(user).open_for_logs().for_log_form())


def template_date(activity: Activity, today: datetime.date) -> datetime.date | None:
    """The day the template proposes: the latest the log form accepts, None before the period."""
    day = min(today, activity.period.end_date or today)
    data = {"activity": activity.pk, "date": day, "quantity": 1, "idempotency_key": uuid.uuid4()}
    form = _RowForm(data, allowed={activity.pk: activity}, today=today)
    return None if "date" in form.errors else day
