"""Open data: the datasets, their documented columns, the CSV and JSON writers, and the files.

Every dataset reads only published periods (`PromisePeriod.objects.published()`) and only the
public fields named in its columns. Rows are produced lazily, a chunk of database rows at a time,
so memory stays bounded and the query count grows with the number of chunks, never with the
number of rows.

A download is built whole before its first byte is sent (`Export.build`: into a temporary file,
in memory up to a few MB, then on disk) and answered with its exact length, so an error while
building becomes an error page, never a cut-off file. Built files are kept in the default file
storage for the public data version they were built from (`Export.open`) and reused until the
public data change.
"""

import csv
import datetime
import gc
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import IO, Any

from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.progress import Comparator, PaceStatus, Scope
from activities.spreadsheet import safe_cell
from municipalities.models import Municipality
from promises.models import (
    PUBLISHED_STATES,
    Parties,
    PeriodState,
    Promise,
    PromisePeriod,
    Theme,
)

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# Rows per chunk written to the client: fewer, larger writes.
ROWS_PER_WRITE = 200
# A byte order mark lets Excel recognise the CSV as UTF-8; the standard CSV goes without.
CSV_BOM = "\ufeff"
LIST_SEPARATOR = "; "

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One documented column: a stable English snake_case name, a type and its meaning."""

    name: str
    type: LazyText
    meaning: LazyText


@dataclass(frozen=True)
class Dataset:
    """A dataset: its slug in the URL, title, description, columns and row source."""

    slug: str
    title: LazyText
    description: LazyText
    columns: tuple[Column, ...]
    rows: Callable[[Municipality | None, str, datetime.date], Iterator[Row]]
    # Offered for the whole country too; a dataset of every log (68 MB of CSV for a million
    # logs, rebuilt after every write) is offered per municipality only.
    national: bool = True

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


INTEGER = _("integer")
TEXT = _("text")
DATE = _("date (YYYY-MM-DD)")
BOOLEAN = _("boolean (true/false)")
DECIMAL = _("decimal number")
CODE = _("code (see below)")
TEXT_LIST = _("list of text")
INTEGER_LIST = _("list of integers")
URL = _("web address")


# Query functions: one per dataset, scoped to published periods.


def municipality_queryset(
    municipality: Municipality | None, today: datetime.date
) -> QuerySet[Municipality]:
    """Every municipality (or one) with its county and counts of published and active periods."""
    published = Q(promise_periods__in=PromisePeriod.objects.published())
    active = Q(promise_periods__in=PromisePeriod.objects.active(today))
    municipalities = Municipality.objects.with_county()
    if municipality is not None:
        municipalities = municipalities.filter(pk=municipality.pk)
    return municipalities.annotate(
        published_periods=Count("promise_periods", filter=published, distinct=True),
        active_periods=Count("promise_periods", filter=active, distinct=True),
    ).order_by("code")


def period_queryset(municipality: Municipality | None) -> QuerySet[PromisePeriod]:
    """Published periods with their place, in a stable order."""
    periods = PromisePeriod.objects.published()
    if municipality is not None:
        periods = periods.filter(municipality=municipality)
    return periods.with_place().order_by("municipality__code", "start_date", "pk")


def promise_queryset(municipality: Municipality | None) -> QuerySet[Promise]:
    """Promises of published periods with their period, place and themes."""
    promises = Promise.objects.filter(period__in=period_queryset(municipality).values("pk"))
    return (
        promises.select_related("period__municipality")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("name")))
        .order_by("period__municipality__code", "period__start_date", "period", "position", "pk")
    )


# The columns the activities dataset writes, of the activity and (read apart) of its period.
ACTIVITY_FIELDS = (
    "period",
    "position",
    "title",
    "description",
    "responsible",
    "responsible_other",
    "partners",
    "target_comparator",
    "target_value",
    "target_unit",
    "target_unit_singular",  # read by `Activity.target`, not written
    "target_scope",
    "status",
)
ACTIVITY_PERIOD_FIELDS = (
    "municipality__code",
    "municipality__name",
    "municipality__slug",
    "slug",
    "area_name",
    "start_date",
    "end_date",
    "registered_at",
)


def activity_queryset(municipality: Municipality | None) -> QuerySet[Activity]:
    """Activities of published periods with their progress sums, in their periods' order; the
    periods themselves are read apart (`activity_periods`), once each rather than once per
    activity (a national file has thousands of activities in hundreds of periods)."""
    activities = Activity.objects.filter(period__in=period_queryset(municipality).values("pk"))
    return (
        activities.with_progress_data()
        .select_related(None)
        # Only the columns written (the periods' long texts would be read once per activity).
        .only(*ACTIVITY_FIELDS)
        .order_by("period__municipality__code", "period__start_date", "period", "position", "pk")
    )


def activity_periods(municipality: Municipality | None) -> dict[int, PromisePeriod]:
    """The periods of `activity_queryset`'s activities, by id, with the columns written."""
    periods = period_queryset(municipality).select_related(None).select_related("municipality")
    return {period.pk: period for period in periods.only(*ACTIVITY_PERIOD_FIELDS)}


# The columns the logs dataset writes, in order: public fields only (never the internal note,
# who logged it or a withdrawal), read as plain tuples (a national file has a million rows).
LOG_FIELDS = {
    "log_id": "pk",
    "activity_id": "activity_id",
    "period_id": "activity__period_id",
    "period_slug": "activity__period__slug",
    "municipality_code": "activity__period__municipality__code",
    "municipality_name": "activity__period__municipality__name",
    "area_name": "activity__period__area_name",
    "date": "date",
    "quantity": "quantity",
    "place": "place",
    "summary": "summary",
}


def log_queryset(municipality: Municipality | None) -> QuerySet[ActivityLog]:
    """Logs that are not withdrawn, of published periods' activities, in the activities' order.

    Each activity's logs are read through the logs' (activity, date) index in date order.
    """
    logs = ActivityLog.objects.counted().filter(
        activity__period__in=period_queryset(municipality).values("pk")
    )
    return logs.order_by(
        "activity__period__municipality__code",
        "activity__period__start_date",
        "activity__period_id",
        "activity__position",
        "activity_id",
        "date",
        "pk",
    ).values_list(*LOG_FIELDS.values())


def _promise_ids(activities: QuerySet[Activity]) -> dict[int, list[int]]:
    """Each activity's promise ids in the promises' order, in one query for the whole export."""
    links = Activity.promises.through.objects.filter(activity__in=activities.values("pk"))
    ids: dict[int, list[int]] = {}
    rows = links.order_by("activity_id", "promise__position", "promise_id")
    for activity_id, promise_id in rows.values_list("activity_id", "promise_id"):
        ids.setdefault(activity_id, []).append(promise_id)
    return ids


# Row builders.


def municipality_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    for item in municipality_queryset(municipality, today).iterator(chunk_size=CHUNK_SIZE):
        yield {
            "municipality_code": item.code,
            "municipality_name": item.name,
            "municipality_slug": item.slug,
            "county_code": item.county.code,
            "county_name": item.county.name,
            "police_region": item.county.police_region.name,
            "published_periods": item.published_periods,
            "active_periods": item.active_periods,
            "url": base_url + reverse("promises:municipality_detail", args=[item.slug]),
        }


def _period_columns(period: PromisePeriod) -> Row:
    """Columns that place a row in its period, shared by the periods, promises and activities."""
    return {
        "period_id": period.pk,
        "period_slug": period.slug,
        "municipality_code": period.municipality.code,
        "municipality_name": period.municipality.name,
        "area_name": period.area_name,
    }


def _source_url(period: PromisePeriod, base_url: str) -> str:
    """Where a registered period's document is: its copy on this site, or the address given."""
    if period.registered_at is None:
        return ""
    if period.source_file:
        return base_url + reverse(
            "promises:period_source", args=[period.municipality.slug, period.slug]
        )
    return period.source_url


def period_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    for period in period_queryset(municipality).iterator(chunk_size=CHUNK_SIZE):
        yield {
            **_period_columns(period),
            "local_police_area": period.local_police_area.name if period.local_police_area else "",
            "parties": period.parties,
            "start_date": period.start_date,
            "end_date": period.end_date,
            "year_only": period.year_only,
            "state": period.state,
            "closed_date": period.closed_date,
            "signed_date": period.signed_date,
            "decision_body": period.decision_body,
            "decision_date": period.decision_date,
            "decision_reference": period.decision_reference,
            "active": period.is_active(today),
            "registered": period.registered_at is not None,
            "source_url": _source_url(period, base_url),
            "url": base_url + period.get_absolute_url(),
        }


def promise_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    for promise in promise_queryset(municipality).iterator(chunk_size=CHUNK_SIZE):
        yield {
            "promise_id": promise.pk,
            **_period_columns(promise.period),
            "position": promise.position,
            "title": promise.title,
            "description": promise.description,
            "themes": [theme.name for theme in promise.themes.all()],
            "url": base_url + promise.period.get_absolute_url(),
        }


def _decimal(value: Fraction | None) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def activity_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    activities = activity_queryset(municipality)
    periods = activity_periods(municipality)
    promise_ids = _promise_ids(activities)
    urls: dict[int, str] = {}  # one reverse() per period, not per activity
    for activity in activities.iterator(chunk_size=CHUNK_SIZE):
        activity.period = periods[activity.period_id]
        if activity.period_id not in urls:
            urls[activity.period_id] = base_url + activity.period.get_absolute_url()
        # A promise registered when it had already ended has nothing logged in the portal:
        # its progress is unknown, never an inferred "not achieved".
        unknown = activity.period.ended_before_registration
        progress = activity.headline(today)
        current = None if unknown else progress.current
        has_target = activity.target is not None and not unknown
        yield {
            "activity_id": activity.pk,
            **_period_columns(activity.period),
            "position": activity.position,
            "title": activity.title,
            "description": activity.description,
            "promise_ids": promise_ids.get(activity.pk, []),
            "responsible": activity.responsible,
            "responsible_other": activity.responsible_other,
            "partners": activity.partners,
            "target_comparator": activity.target_comparator,
            "target_value": activity.target_value,
            "target_unit": activity.target_unit,
            "target_scope": activity.target_scope,
            "status": activity.status,
            "done_total": None if unknown else progress.total_done,
            "current_span_start": current.span.start if current else None,
            "current_span_end": current.span.end if current else None,
            "current_span_done": current.done if current else None,
            "current_span_target": current.span.target if current else None,
            "average_so_far": None if unknown else _decimal(progress.average),
            "pace_status": progress.status if has_target else "",
            "url": urls[activity.period_id],
        }


def log_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    # No url column: a million copies of the activity page's address would double the file;
    # activity_id leads to the activity (and the activities dataset to its period's page).
    names = tuple(LOG_FIELDS)
    for values in log_queryset(municipality).iterator(chunk_size=CHUNK_SIZE):
        yield dict(zip(names, values, strict=True))


PLACE_COLUMNS = (
    Column("period_id", INTEGER, _("Identifier of the promise period.")),
    Column("period_slug", TEXT, _("The period's part of its web address, e.g. 2020-2021.")),
    Column("municipality_code", TEXT, _("Four-digit municipality code.")),
    Column("municipality_name", TEXT, _("Name of the municipality.")),
    Column(
        "area_name",
        TEXT,
        _("A named part of the municipality the period covers; empty for all of it."),
    ),
)

DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="kommuner",
        title=_("Municipalities"),
        description=_(
            "All of Sweden's municipalities with their county and police region, and how many "
            "published citizen promises each has, in total and in force today."
        ),
        columns=(
            Column("municipality_code", TEXT, _("Four-digit municipality code.")),
            Column("municipality_name", TEXT, _("Name of the municipality.")),
            Column("municipality_slug", TEXT, _("The municipality's part of its web address.")),
            Column("county_code", TEXT, _("Two-digit county code.")),
            Column("county_name", TEXT, _("Name of the county.")),
            Column("police_region", TEXT, _("Name of the police region.")),
            Column("published_periods", INTEGER, _("Number of published promise periods.")),
            Column("active_periods", INTEGER, _("Number of promise periods in force today.")),
            Column("url", URL, _("The municipality's page on this site.")),
        ),
        rows=municipality_rows,
    ),
    Dataset(
        slug="perioder",
        title=_("Promise periods"),
        description=_(
            "Every published citizen promise document: which municipality, which period, "
            "decision and signing."
        ),
        columns=(
            *PLACE_COLUMNS,
            Column("local_police_area", TEXT, _("The local police area that signed.")),
            Column("parties", CODE, _("Who gives the promises: joint, police or municipality.")),
            Column("start_date", DATE, _("First day of the period.")),
            Column(
                "end_date",
                DATE,
                _("Last day of the period; empty when it applies until further notice."),
            ),
            Column(
                "year_only",
                BOOLEAN,
                _(
                    "Whether the document gives only the year(s): the dates are then 1 January "
                    "to 31 December."
                ),
            ),
            Column("state", CODE, _("Lifecycle state: signed, extended or closed.")),
            Column(
                "closed_date",
                DATE,
                _(
                    "The day the period was closed; empty while it is not. A day before "
                    "end_date: it was closed before the end its document states."
                ),
            ),
            Column("signed_date", DATE, _("Date of signing.")),
            Column("decision_body", TEXT, _("The body that decided the promise.")),
            Column("decision_date", DATE, _("Date of the decision.")),
            Column("decision_reference", TEXT, _("Reference number (diarienummer).")),
            Column("active", BOOLEAN, _("Whether the period is in force today.")),
            Column(
                "registered",
                BOOLEAN,
                _(
                    "Whether the period was registered afterwards from its document (decided "
                    "and signed outside the portal); its decision, signing and signatories are "
                    "then only what the document states, and may be empty."
                ),
            ),
            Column(
                "source_url",
                URL,
                _("The document a registered period was registered from; empty otherwise."),
            ),
            Column("url", URL, _("The period's page on this site.")),
        ),
        rows=period_rows,
    ),
    Dataset(
        slug="loften",
        title=_("Promises"),
        description=_("Every promise (focus area) of the published periods, with its themes."),
        columns=(
            Column("promise_id", INTEGER, _("Identifier of the promise.")),
            *PLACE_COLUMNS,
            Column("position", INTEGER, _("Order of the promise within its period.")),
            Column("title", TEXT, _("The promise.")),
            Column("description", TEXT, _("Description of the promise; may be empty.")),
            Column("themes", TEXT_LIST, _("Theme names.")),
            Column("url", URL, _("The period's page on this site.")),
        ),
        rows=promise_rows,
    ),
    Dataset(
        slug="aktiviteter",
        title=_("Activities and progress"),
        description=_(
            "Every activity of the published periods with its target and its progress today, "
            "counted from the logged activities."
        ),
        columns=(
            Column("activity_id", INTEGER, _("Identifier of the activity.")),
            *PLACE_COLUMNS,
            Column("position", INTEGER, _("Order of the activity within its period.")),
            Column("title", TEXT, _("Short name of the activity.")),
            Column("description", TEXT, _("What is to be done.")),
            Column("promise_ids", INTEGER_LIST, _("The promises the activity serves.")),
            Column("responsible", CODE, _("The responsible party.")),
            Column("responsible_other", TEXT, _("The other actor, when responsible is other.")),
            Column("partners", TEXT, _("Others who take part, as the document names them.")),
            Column(
                "target_comparator",
                CODE,
                _(
                    "at_least, count (a bare number: met when reached), at_most, or exactly "
                    "(older targets); empty without target."
                ),
            ),
            Column("target_value", INTEGER, _("The target number; empty without target.")),
            Column("target_unit", TEXT, _("What is counted, e.g. trafikkontroller.")),
            Column("target_scope", CODE, _("The time span the target applies to.")),
            Column("status", CODE, _("Status of an activity: planned, ongoing, done, cancelled.")),
            Column(
                "done_total",
                INTEGER,
                _(
                    "Quantity done in the whole period so far; empty for a period registered "
                    "after it had ended (nothing done was logged in the portal)."
                ),
            ),
            Column("current_span_start", DATE, _("First day of the current span, if any.")),
            Column("current_span_end", DATE, _("Last day of the current span, if any.")),
            Column("current_span_done", INTEGER, _("Quantity done in the current span.")),
            Column("current_span_target", INTEGER, _("Target of the current span (pro rata).")),
            Column(
                "average_so_far",
                DECIMAL,
                _("For average targets: the total so far per whole week or month elapsed."),
            ),
            Column("pace_status", CODE, _("Where the target stands today; empty without target.")),
            Column("url", URL, _("The period's page on this site.")),
        ),
        rows=activity_rows,
    ),
    Dataset(
        slug="genomforda-aktiviteter",
        title=_("Completed activities"),
        description=_(
            "Every logged occurrence of the activities of the published periods: when, how many "
            "times, where and a public summary. Withdrawn logs are left out."
        ),
        columns=(
            Column("log_id", INTEGER, _("Identifier of the logged occurrence.")),
            Column(
                "activity_id",
                INTEGER,
                _("The activity (activity_id in the dataset Activities and progress)."),
            ),
            *PLACE_COLUMNS,
            Column("date", DATE, _("The day the activity was carried out.")),
            Column("quantity", INTEGER, _("How many times; counted towards the target.")),
            Column("place", TEXT, _("Where, e.g. a street or an area; may be empty.")),
            Column("summary", TEXT, _("Public summary; may be empty.")),
        ),
        rows=log_rows,
        national=False,
    ),
)

DATASETS_BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}


@dataclass(frozen=True)
class Format:
    """A download format: its file extension, content type, writer and file name suffix."""

    extension: str
    content_type: str
    write: Callable[[Dataset, Iterable[Row]], Iterator[str]]
    variant: str = ""


def _csv_value(value: Any) -> str:
    """A CSV cell: text a spreadsheet would run as a formula gets an apostrophe first."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return safe_cell(LIST_SEPARATOR.join(str(item) for item in value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return safe_cell(value)
    return str(value)


class _Echo:
    """A file-like object whose write returns the value, so csv.writer produces strings."""

    def write(self, value: str) -> str:
        return value


def _write_csv(
    dataset: Dataset, rows: Iterable[Row], *, delimiter: str, prefix: str
) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n")
    yield prefix + writer.writerow(dataset.column_names)
    names = dataset.column_names
    buffer: list[str] = []
    for row in rows:
        buffer.append(writer.writerow([_csv_value(row[name]) for name in names]))
        if len(buffer) >= ROWS_PER_WRITE:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def write_csv(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """Standard CSV (RFC 4180: comma, CRLF) in UTF-8 with a header row."""
    return _write_csv(dataset, rows, delimiter=",", prefix="")


def write_excel_csv(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """CSV as Swedish Excel opens it: semicolons, CRLF, UTF-8 with a byte order mark."""
    return _write_csv(dataset, rows, delimiter=";", prefix=CSV_BOM)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"Cannot write {type(value).__name__} as JSON.")


def write_json(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """A JSON array of objects keyed by the column names, written one chunk of rows at a time."""
    names = dataset.column_names
    yield "["
    separator = "\n"
    buffer: list[str] = []
    for row in rows:
        ordered = {name: row[name] for name in names}
        buffer.append(separator + json.dumps(ordered, ensure_ascii=False, default=_json_default))
        separator = ",\n"
        if len(buffer) >= ROWS_PER_WRITE:
            yield "".join(buffer)
            buffer = []
    buffer.append("\n]\n")
    yield "".join(buffer)


# "excel" is served at <dataset>-excel.csv (see followups/urls.py), the others at <dataset>.<key>.
FORMATS = {
    "csv": Format("csv", "text/csv; charset=utf-8", write_csv),
    "excel": Format("csv", "text/csv; charset=utf-8", write_excel_csv, variant="-excel"),
    "json": Format("json", "application/json", write_json),
}


def export(
    dataset: Dataset,
    fmt: Format,
    municipality: Municipality | None,
    base_url: str,
    today: datetime.date | None = None,
) -> Iterator[str]:
    """The dataset's rows in the format, lazily; queries run as the result is consumed."""
    today = today or timezone.localdate()
    return fmt.write(dataset, dataset.rows(municipality, base_url, today))


def filename(dataset: Dataset, fmt: Format, municipality: Municipality | None) -> str:
    """e.g. medborgarloften-vetlanda-aktiviteter.csv or medborgarloften-loften-excel.csv"""
    parts = ["medborgarloften"]
    if municipality is not None:
        parts.append(municipality.slug)
    parts.append(dataset.slug)
    return f"{'-'.join(parts)}{fmt.variant}.{fmt.extension}"


# Files: built whole, kept per public data version.

# A file is built in memory up to this size, then on disk.
SPOOL_MAX_BYTES = 4 * 1024 * 1024
# Folder of the default storage holding the built files: a folder for the national files and one
# per municipality (their versions change apart, config/public_cache.py), in each a subfolder per
# version and day.
EXPORTS_FOLDER = "exports"
NATIONAL_FOLDER = "nationella"
MUNICIPALITY_FOLDER_PREFIX = "kommun-"


@dataclass(frozen=True)
class Export:
    """One download: a dataset in a format, national or of one municipality, as of one day."""

    dataset: Dataset
    fmt: Format
    municipality: Municipality | None
    base_url: str
    today: datetime.date

    @property
    def filename(self) -> str:
        return filename(self.dataset, self.fmt, self.municipality)

    def storage_name(self, version: str) -> str:
        """Where the file built from the public data of `version` is kept.

        The rows depend on the day too (periods in force, pace) and on the site's address (the
        url columns), so both are part of the name.
        """
        site = hashlib.sha256(self.base_url.encode()).hexdigest()[:12]
        folder = _folder(version, self.today)
        return f"{EXPORTS_FOLDER}/{self.scope_folder}/{folder}/{site}-{self.filename}"

    @property
    def scope_folder(self) -> str:
        """The folder of the files whose version this file's follows."""
        if self.municipality is None:
            return NATIONAL_FOLDER
        return MUNICIPALITY_FOLDER_PREFIX + self.municipality.slug

    def etag(self, version: str) -> str:
        return '"' + hashlib.sha256(self.storage_name(version).encode()).hexdigest()[:32] + '"'

    def build(self) -> IO[bytes]:
        """The whole file, positioned at its start; any error (a query failing) raises here."""
        # Not a with block: the response sends the file and closes it.
        file = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)  # noqa: SIM115
        with _without_cycle_collection():
            try:
                for text in export(
                    self.dataset, self.fmt, self.municipality, self.base_url, self.today
                ):
                    file.write(text.encode())
                file.seek(0)
            except BaseException:
                file.close()
                raise
        return file

    def open(self, version: str | None) -> IO[bytes]:
        """The whole file: the one kept for `version` if there is one, else built and kept.

        Without a version (the cache cannot be reached) the file is built and not kept.
        """
        if version is None:
            return self.build()
        name = self.storage_name(version)
        stored = _open_stored(name)
        if stored is not None:
            return stored
        file = self.build()
        if _store(name, file):
            _delete_other_folders(self.scope_folder, _folder(version, self.today))
        file.seek(0)
        return file


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a national file is built.

    The build makes about a million short-lived objects (rows, dates, sums), which reference
    counting frees as it goes; the collector, run every few hundred allocations, would walk
    every live object again and again: a fifth of a national build, measured. It runs
    again afterwards, also when the build fails, and was paused only if it was running.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _folder(version: str, today: datetime.date) -> str:
    return f"{version}-{today.isoformat()}"


def _stored_key(name: str) -> str:
    return "opendata-export:" + hashlib.sha256(name.encode()).hexdigest()


def _open_stored(name: str) -> IO[bytes] | None:
    """The kept file, or None. Only a file recorded as whole counts: the storage may show a
    file while another worker is still writing it."""
    try:
        entry = caches[settings.PUBLIC_CACHE_ALIAS].get(_stored_key(name))
        if entry is None:
            return None
        stored_name, size = entry
        if default_storage.size(stored_name) != size:
            return None
        return default_storage.open(stored_name, "rb")
    except FileNotFoundError:  # Deleted with an older version, or kept on another host.
        return None
    except Exception:
        logger.warning("Stored export %s not read", name, exc_info=True)
        return None


def _store(name: str, file: IO[bytes]) -> bool:
    """Keep a built file, then record it as whole in the shared cache; False if not kept.

    Two workers building the same file both save it (the storage gives the second another
    name); either copy is whole, and the record points at one of them.
    """
    try:
        size = file.seek(0, os.SEEK_END)
        file.seek(0)
        stored_name = default_storage.save(name, File(file, name=os.path.basename(name)))
        caches[settings.PUBLIC_CACHE_ALIAS].set(_stored_key(name), (stored_name, size), None)
    except Exception:  # A full disk must not fail the download: it is served unkept.
        logger.warning("Export %s not stored", name, exc_info=True)
        return False
    return True


def _delete_other_folders(scope: str, keep: str) -> None:
    """Delete the files of the scope's other versions and days; errors are ignored (next time,
    then). With the national files go those of the earlier layout, one folder per version."""
    scopes = [f"{EXPORTS_FOLDER}/{scope}"]
    if scope == NATIONAL_FOLDER:
        scopes.append(EXPORTS_FOLDER)
    for parent in scopes:
        try:
            folders, _files = default_storage.listdir(parent)
        except Exception:
            continue
        for folder in folders:
            if folder == keep or (
                parent == EXPORTS_FOLDER
                and (folder == NATIONAL_FOLDER or folder.startswith(MUNICIPALITY_FOLDER_PREFIX))
            ):
                continue
            _delete_folder(f"{parent}/{folder}")


def _delete_folder(path: str) -> None:
    try:
        _dirs, files = default_storage.listdir(path)
        for name in files:
            default_storage.delete(f"{path}/{name}")
        default_storage.delete(path)
    except Exception:
        logger.info("Old exports in %s not deleted", path, exc_info=True)


def code_lists() -> list[tuple[str, list[tuple[str, str]]]]:
    """The codes used in code columns and what they mean, for the open data page."""
    states = [(value, label) for value, label in PeriodState.choices if value in PUBLISHED_STATES]
    return [
        ("state", states),
        ("parties", Parties.choices),
        ("responsible", Responsible.choices),
        ("target_comparator", Comparator.choices),
        ("target_scope", Scope.choices),
        ("status", ActivityStatus.choices),
        ("pace_status", PaceStatus.choices),
    ]
