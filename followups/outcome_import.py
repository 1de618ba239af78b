"""Import of an indicator's measurements from a CSV file: every row checked like the measurement
form, all rows saved or none. Reads files as the log import does (activities.csv_import): the
same encodings, separators, size (1 MB) and a smaller row limit."""

import datetime
import re
import unicodedata
import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.csv_import import RowError, header_problems, read_records
from followups.outcome_forms import MeasurementForm
from promises.models import OutcomeIndicator, OutcomeMeasurement
from promises.outcomes import MeasurementDateTaken, record_measurements

MAX_ROWS = 1000  # as the log import (the shared file field says so)


@dataclass(frozen=True)
class Column:
    name: str
    field: str
    required: bool
    format: str
    example: str


COLUMNS = (
    Column("datum", "date", True, _("YYYY-MM-DD; not in the future."), "2026-03-15"),
    Column(
        "varde",
        "value",
        True,
        _("A number; decimal comma or point, e.g. 71,5 (quote it in a comma-separated file)."),
        "71,5",
    ),
    Column(
        "kallhanvisning",
        "source_note",
        False,
        _("At most 300 characters. Public."),
        "Trygghetsmätningen 2026",
    ),
)
_BY_NAME = {column.name: column for column in COLUMNS}
_BY_FIELD = {column.field: column for column in COLUMNS}
# ASCII digits only, as the date field reads (\d would also take Arabic-Indic and other digits).
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _header_name(text: str) -> str:
    """A header cell as a column name, accents folded: "Värde" reads as varde."""
    folded = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(char for char in folded if not unicodedata.combining(char))


@dataclass
class ImportResult:
    saved: list = field(default_factory=list)
    row_errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    already_imported: bool = False

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + len(self.row_errors)


def _rows(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[RowError], str | None]:
    """The data rows by row number, errors of rows' shape, or why the file cannot be read."""
    read = read_records(data, MAX_ROWS)
    if read.error:
        return [], [], read.error
    records, delimiter = read.records, read.delimiter
    (header_row, header), data_rows = records[0], records[1:]
    names = [_header_name(name) for name in header]
    problems = header_problems(names, _BY_NAME, [c.name for c in COLUMNS if c.required])
    if problems:
        message = gettext("The header row (row %(row)s) is wrong: %(problems)s.")
        return [], [], message % {"row": header_row, "problems": "; ".join(problems)}
    if len(data_rows) > MAX_ROWS:
        message = gettext("The file has more than %(max)s rows. Split it into smaller files.")
        return [], [], message % {"max": MAX_ROWS}
    rows, errors = [], []
    for number, record in data_rows:
        unnamed = [v for i, v in enumerate(record) if i >= len(names) or not names[i]]
        if any(map(str.strip, unnamed)):
            message = gettext("The row has a value in a column without a name in the header.")
            if delimiter == ",":
                # "2026-03-01,71,5,…": a decimal comma unquoted in a comma-separated file.
                message += " " + gettext(
                    "In a file separated by commas, a value with a decimal comma is written "
                    'in quotation marks ("71,5"); or save the file separated by semicolons.'
                )
            errors.append(RowError(number, "", message))
        rows.append((number, {n: v for n, v in zip(names, record, strict=False) if n}))
    return rows, errors, None


def import_measurements(
    data: bytes,
    *,
    indicator: OutcomeIndicator,
    user,
    today: datetime.date,
    import_key: uuid.UUID,
) -> ImportResult:
    """Check every row like the measurement form; save all rows or none, a repeat only once."""
    rows, errors, problem = _rows(data)
    if problem:
        return ImportResult(file_errors=[problem])
    if not rows:
        return ImportResult(file_errors=[gettext("The file has a header but no rows to import.")])
    # A repeated upload: its first row was saved (and holds its date) with the same key.
    first_key = uuid.uuid5(import_key, str(rows[0][0]))
    if OutcomeMeasurement.objects.filter(indicator=indicator, idempotency_key=first_key).exists():
        return ImportResult(already_imported=True)
    taken = set(
        OutcomeMeasurement.objects.counted()
        .filter(indicator=indicator)
        .values_list("date", flat=True)
    )
    in_file: dict[datetime.date, int] = {}
    valid = []
    for number, values in rows:
        data_ = {column.field: values.get(column.name, "") for column in COLUMNS}
        data_["idempotency_key"] = str(uuid.uuid5(import_key, str(number)))
        form = MeasurementForm(data_, indicator=indicator, today=today, taken=taken)
        row_errors = {_BY_FIELD[name].name: list(msgs) for name, msgs in form.errors.items()}
        if data_["date"].strip() and not _ISO_DATE.fullmatch(data_["date"].strip()):
            row_errors["datum"] = [gettext("Write the date as YYYY-MM-DD, e.g. 2026-03-15.")]
        day = form.cleaned_data.get("date") if not row_errors.get("datum") else None
        if day is not None and day in in_file:
            message = gettext("Row %(row)s of the file has the same date.")
            row_errors.setdefault("datum", []).append(message % {"row": in_file[day]})
        elif day is not None:
            in_file[day] = number
        for column in (c.name for c in COLUMNS if c.name in row_errors):
            errors.extend(RowError(number, column, str(msg)) for msg in row_errors[column])
        if not row_errors:
            valid.append(form.cleaned_data)
    if errors:
        return ImportResult(row_errors=sorted(errors, key=lambda e: e.row))
    try:
        saved = record_measurements(indicator, user, valid)
    except MeasurementDateTaken:
        return ImportResult(
            file_errors=[gettext("Someone entered a measurement meanwhile. Upload the file again.")]
        )
    if not saved:
        return ImportResult(already_imported=True)
    return ImportResult(saved=saved)
