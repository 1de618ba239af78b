"""Bulk import of activity logs from a CSV file, checked like the log form: all rows or none."""

import contextlib
import csv
import datetime
import io
import re
import uuid
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from activities.forms import MAX_NOTE, MAX_QUANTITY, MAX_SUMMARY, LogForm
from activities.models import Activity, ActivityLog
from activities.services import IdempotencyConflict, record_log
from municipalities.access import staff_required

MAX_BYTES = 1024 * 1024
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
)
_BY_NAME = {column.name: column for column in COLUMNS}
_REQUIRED = [column for column in COLUMNS if column.required]
_BY_FIELD = {column.field: column for column in COLUMNS}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


@dataclass
class ImportResult:
    """What an import saved, or why it saved nothing."""

    saved: list[ActivityLog] = field(default_factory=list)
    row_errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    already_imported: bool = False

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + len(self.row_errors)


def _decode(data: bytes) -> str | None:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 as Excel writes it."""
    for encoding in ("utf-8-sig", "cp1252"):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(encoding)
    return None


def parse_csv(data: bytes) -> ParsedFile:
    """Read an import file: checks size, encoding, header and row count, not the values."""
    if len(data) > MAX_BYTES:
        return ParsedFile(error=gettext("The file is larger than 1 MB. Split it up."))
    text = _decode(data) if b"\x00" not in data else None  # NUL bytes: not a text file.
    first = next((line for line in (text or "").splitlines() if line.strip()), None)
    if text is not None and first is None:
        return ParsedFile(error=gettext("The file is empty."))
    if first is None or _CONTROL.search(first):
        return ParsedFile(error=gettext("The file is not a CSV text file."))
    # Swedish Excel separates with semicolons, most other programs with commas.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if ";" in first else ",")
    try:
        records = [(n, record) for n, record in enumerate(reader, 1) if any(map(str.strip, record))]
    except csv.Error:
        return ParsedFile(error=gettext("The file is not a CSV text file."))
    (header_row, header), data_rows = records[0], records[1:]
    names = [name.strip().lower() for name in header]
    problems = [
        f"{label} {', '.join(found)}"
        for label, found in (
            (_("unknown columns:"), [n for n in names if n and n not in _BY_NAME]),
            (_("missing columns:"), [c.name for c in _REQUIRED if c.name not in names]),
            (_("columns given twice:"), sorted({n for n in names if n and names.count(n) > 1})),
        )
        if found
    ]
    if problems:
        message = gettext("The header row (row %(row)s) is wrong: %(problems)s.")
        return ParsedFile(error=message % {"row": header_row, "problems": "; ".join(problems)})
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

    def __init__(self, *args, allowed: dict[int, Activity], **kwargs):
        super().__init__(*args, activities=Activity.objects.none(), **kwargs)
        self.fields["activity"] = _AllowedActivityField(allowed)

    def _post_clean(self) -> None:
        # Model validation only repeats the fields' checks (the activity exists, the quantity
        # limits), each with a query per row; the database enforces them again on insert.
        pass


def _validate(
    parsed: ParsedFile, *, user, today: datetime.date, import_key: uuid.UUID
) -> tuple[list[_RowForm], list[RowError]]:
    """A valid form per row, or the errors of all rows with the log form's messages."""
    allowed = {activity.pk: activity for activity in _loggable(user)}
    valid, errors = [], list(parsed.row_errors)
    for number, values in parsed.rows:
        data = {column.field: values.get(column.name, "") for column in COLUMNS}
        data["quantity"] = data["quantity"].strip() or "1"
        data["idempotency_key"] = str(uuid.uuid5(import_key, str(number)))
        form = _RowForm(data, allowed=allowed, today=today)
        row_errors = {_BY_FIELD[name].name: list(msgs) for name, msgs in form.errors.items()}
        if data["date"].strip() and not _ISO_DATE.fullmatch(data["date"].strip()):
            row_errors["datum"] = [gettext("Write the date as YYYY-MM-DD, e.g. 2026-03-15.")]
        for column in (c.name for c in COLUMNS if c.name in row_errors):
            errors.extend(RowError(number, column, str(msg)) for msg in row_errors[column])
        if not row_errors:
            valid.append(form)
    return valid, errors


def import_logs(data: bytes, *, user, today: datetime.date, import_key: uuid.UUID) -> ImportResult:
    """Check all rows like the log form; save all or none, and a repeated upload only once."""
    parsed = parse_csv(data)
    if parsed.error:
        return ImportResult(file_errors=[parsed.error])
    if not parsed.rows:
        return ImportResult(file_errors=[gettext("The file has a header but no rows to import.")])
    forms_, errors = _validate(parsed, user=user, today=today, import_key=import_key)
    if errors:
        return ImportResult(row_errors=errors)
    first_key = forms_[0].cleaned_data["idempotency_key"]
    if ActivityLog.objects.filter(idempotency_key=first_key, reported_by=user).exists():
        return ImportResult(already_imported=True)
    saved = []
    try:
        with transaction.atomic():
            for form in forms_:
                fields = {name: form.cleaned_data[name] for name in LogForm.Meta.fields}
                key = form.cleaned_data["idempotency_key"]
                log, created = record_log(user=user, idempotency_key=key, **fields)
                if not created:  # A parallel upload of the same file saved it first.
                    transaction.set_rollback(True)
                    return ImportResult(already_imported=True)
                saved.append(log)
    except IdempotencyConflict:
        return ImportResult(file_errors=[gettext("Reload the page and upload the file again.")])
    return ImportResult(saved=saved)


class ImportForm(forms.Form):
    """The file to import and the key that makes a repeated upload save once."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("At most 1 MB and 1000 rows, separated by semicolons or commas."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)


def _loggable(user) -> list[Activity]:
    return list(Activity.objects.loggable_by(user).for_log_form())


def _template_csv(activities: list[Activity], today: datetime.date) -> HttpResponse:
    """A file to fill in: the header and one row per activity the user may log."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="loggar-mall.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte order mark.
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.name for column in COLUMNS])
    for activity in activities:
        writer.writerow([activity.pk, today.isoformat(), 1, "", "", ""])
    return response


@staff_required
@require_http_methods(["GET", "POST"])
def log_import(request: HttpRequest) -> HttpResponse:
    """Import logs from a CSV file: all rows, or none with an error report per row."""
    if not request.user.has_perm("activities.add_activitylog"):
        raise PermissionDenied
    today = timezone.localdate()
    if request.method == "GET" and request.GET.get("mall"):
        return _template_csv(_loggable(request.user), today)
    initial = {"idempotency_key": uuid.uuid4()}
    form = ImportForm(request.POST or None, request.FILES or None, initial=initial)
    result = None
    if form.is_valid():
        # Read one byte past the limit, so a larger file is refused without reading it all.
        data = form.cleaned_data["file"].read(MAX_BYTES + 1)
        key = form.cleaned_data["idempotency_key"]
        result = import_logs(data, user=request.user, today=today, import_key=key)
        if result.already_imported:
            messages.info(request, _("This upload was already imported; nothing more was saved."))
            return redirect("activities:staff_home")
        if not result.error_count:
            count = len(result.saved)
            messages.success(
                request,
                ngettext("Imported %(n)s log.", "Imported %(n)s logs.", count) % {"n": count},
            )
            return redirect("activities:staff_home")
    context = {
        "form": form,
        "result": result,
        "columns": COLUMNS,
        "activities": _loggable(request.user),
    }
    return render(request, "activities/log_import.html", context)
