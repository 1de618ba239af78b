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
import heapq
import json
import logging
import os
import tempfile
import time
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
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise as LazyText
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from activities import wording
from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.progress import Comparator, PaceStatus, Scope
from activities.spreadsheet import safe_cell
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingKind,
    MeetingStatus,
    Rating,
    Report,
    ReportKind,
)
from municipalities.models import Municipality
from promises.models import (
    PUBLISHED_STATES,
    ChangeKind,
    Direction,
    Extension,
    OutcomeIndicator,
    OutcomeMeasurement,
    Parties,
    PeriodState,
    Promise,
    PromisePeriod,
    RevisionChange,
    RevisionKind,
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
    """One documented column: a stable English snake_case name, its heading in the CSV for
    Excel, a type and its meaning."""

    name: str
    # What a reader of the spreadsheet sees above the column ("Kommunkod"): translated, so never
    # a key for programs, which read the standard CSV or the JSON by `name`. Worded per dataset
    # where the meaning differs (a promise's title is "Löfte", a report's "Rubrik").
    heading: LazyText
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

    @property
    def column_headings(self) -> list[str]:
        """The header row of the CSV for Excel, in the active language."""
        return [str(column.heading) for column in self.columns]


INTEGER = _("integer")
TEXT = _("text")
DATE = _("date (YYYY-MM-DD)")
BOOLEAN = _("boolean (true/false)")
DECIMAL = _("decimal number")
CODE = _("code (see below)")
TEXT_LIST = _("list of text")
INTEGER_LIST = _("list of integers")
URL = _("web address")
TIME = _("time (HH:MM)")


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
    "counts_from",  # read by `Activity.counting_start`, not written
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
    # How progress is judged: a period closed early counts to its closing day, as over.
    "state",
    "closed_date",
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
    # Named, so that the file reads alone (a journalist had to join it with another in Excel).
    "activity_title": "activity__title",
    "target_unit": "activity__target_unit",
    "period_id": "activity__period_id",
    "period_slug": "activity__period__slug",
    "municipality_code": "activity__period__municipality__code",
    "municipality_name": "activity__period__municipality__name",
    "area_name": "activity__period__area_name",
    "date": "date",
    "quantity": "quantity",
    "place": "place",
    "summary": "summary",
    "logged_on": "logged_on",
}


def log_queryset(municipality: Municipality | None) -> QuerySet[ActivityLog]:
    """Logs that are not withdrawn, of published periods' activities, in the activities' order.

    Each activity's logs are read through the logs' (activity, date) index in date order.
    """
    logs = ActivityLog.objects.counted().filter(
        activity__period__in=period_queryset(municipality).values("pk")
    )
    # The day it was entered, in the portal's time zone.
    logs = logs.annotate(logged_on=TruncDate("created_at"))
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
    municipality: Municipality | None,
    base_url: str,
    today: datetime.date,
    only: QuerySet | None = None,
) -> Iterator[Row]:
    """The promises dataset's rows; `only`: of these promises' ids alone (a list's filtered
    selection, `views.list_selection`)."""
    promises = promise_queryset(municipality)
    if only is not None:
        promises = promises.filter(pk__in=only)
    for promise in promises.iterator(chunk_size=CHUNK_SIZE):
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
    municipality: Municipality | None,
    base_url: str,
    today: datetime.date,
    only: QuerySet | None = None,
) -> Iterator[Row]:
    """The activities dataset's rows; `only`: of these activities' ids alone (a list's filtered
    selection, `views.list_selection`)."""
    activities = activity_queryset(municipality)
    if only is not None:
        activities = activities.filter(pk__in=only)
    periods = activity_periods(municipality)
    promise_ids = _promise_ids(activities)
    # The activity's own page: one reverse() per period, not per activity.
    urls: dict[int, str] = {}
    for activity in activities.iterator(chunk_size=CHUNK_SIZE):
        activity.period = periods[activity.period_id]
        if activity.period_id not in urls:
            urls[activity.period_id] = base_url + reverse(
                "activities:activity_detail",
                args=[activity.period.municipality.slug, activity.period.slug, 0],
            ).removesuffix("0/")
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
            # As its page shows it ("pågår" once something is registered); none for one with
            # a target (its pace is `pace_status`; the default "planned" would be an invented
            # fact), nor for a promise registered when it had already ended.
            "status": (
                ""
                if unknown or has_target
                else wording.status_shown(activity.status, progress.total_done)
            ),
            "done_total": None if unknown else progress.total_done,
            "current_span_start": current.span.start if current else None,
            "current_span_end": current.span.end if current else None,
            "current_span_done": current.done if current else None,
            "current_span_target": current.span.target if current else None,
            "average_so_far": None if unknown else _decimal(progress.average),
            "pace_status": progress.status if has_target else "",
            "url": f"{urls[activity.period_id]}{activity.pk}/",
        }


def log_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    # No url column: a million copies of the activity page's address would double the file;
    # activity_id leads to the activity (and the activities dataset to its period's page).
    names = tuple(LOG_FIELDS)
    for values in log_queryset(municipality).iterator(chunk_size=CHUNK_SIZE):
        yield dict(zip(names, values, strict=True))


# Follow-up meetings, their assessments, reports and outcomes: what the period page shows of
# them (`PromisePeriod.objects.for_period_page` and `promises.views.period_detail`), and the
# planned meetings the municipality page and its calendar list. Read as plain tuples of the
# public fields named here, one query each; internal minutes, staff and withdrawn or cancelled
# records are never read.


def _place_paths(period: str) -> dict[str, str]:
    """The place columns (`PLACE_COLUMNS`) as paths from a row to its period."""
    return {
        "period_id": f"{period}_id",
        "period_slug": f"{period}__slug",
        "municipality_code": f"{period}__municipality__code",
        "municipality_name": f"{period}__municipality__name",
        "area_name": f"{period}__area_name",
    }


PLACE_FIELD_NAMES = tuple(_place_paths(""))


def _period_order(period: str) -> tuple[str, ...]:
    """The periods' order of the other datasets: municipality code, start date, period."""
    return (f"{period}__municipality__code", f"{period}__start_date", f"{period}_id")


def _in_periods(municipality: Municipality | None, period: str) -> Q:
    """Rows of the published periods (of one municipality or all)."""
    return Q(**{f"{period}__in": period_queryset(municipality).values("pk")})


def _period_url(base_url: str, municipality_slug: str, period_slug: str) -> str:
    return base_url + reverse("promises:period_detail", args=[municipality_slug, period_slug])


def _period_urls(base_url: str) -> Callable[[dict], str]:
    """The period page's address of a row (its `period_id`, `period_slug`, and the
    `municipality_slug` it gives up), one reverse() per period, not per row."""
    urls: dict[int, str] = {}

    def url_of(row: dict) -> str:
        slug = row.pop("municipality_slug")
        if row["period_id"] not in urls:
            urls[row["period_id"]] = _period_url(base_url, slug, row["period_slug"])
        return urls[row["period_id"]]

    return url_of


# The meetings the public sees: held ones on the period page (its "Follow-up" section reads
# the period's held meetings), planned ones on the municipality page and in its calendar
# (`FollowUpMeeting.objects.planned()`). Cancelled and withdrawn meetings are on no public page.
PUBLIC_MEETING_STATUSES = (MeetingStatus.HELD, MeetingStatus.PLANNED)

MEETING_FIELDS = {
    "meeting_id": "pk",
    **_place_paths("period"),
    "municipality_slug": "period__municipality__slug",
    "meeting_status": "status",
    "date": "date",
    "time": "time",
    "meeting_kind": "kind",
    "forum": "forum",
    "participants": "participants",
    "public_summary": "public_summary",
    "decisions": "decisions",
}


def meeting_queryset(municipality: Municipality | None) -> QuerySet[FollowUpMeeting]:
    """Held and planned meetings of published periods, by period and date, as tuples."""
    meetings = FollowUpMeeting.objects.filter(
        _in_periods(municipality, "period"), status__in=PUBLIC_MEETING_STATUSES
    )
    return meetings.order_by(*_period_order("period"), "date", "time", "pk").values_list(
        *MEETING_FIELDS.values()
    )


def meeting_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    names = tuple(MEETING_FIELDS)
    url_of = _period_urls(base_url)
    for values in meeting_queryset(municipality).iterator(chunk_size=CHUNK_SIZE):
        row = dict(zip(names, values, strict=True))
        url = url_of(row)
        if row["meeting_status"] == MeetingStatus.HELD:
            # The period page shows a held meeting at its own anchor.
            row["url"] = f"{url}#uppfoljning-{row['meeting_id']}"
        else:
            # A planned meeting is shown with its time, kind and forum only (the calendar).
            row.update(participants="", public_summary="", decisions="", url=url)
        row["time"] = row["time"].strftime("%H:%M") if row["time"] else None
        yield row


# One row per promise assessed or activity judged at a held meeting, as the period page lists
# them under the meeting.
ASSESSMENT_PLACE = _place_paths("meeting__period")


def _assessment_fields(subject: str) -> tuple[str, ...]:
    return (
        *_period_order("meeting__period"),
        "meeting__date",
        "meeting_id",
        f"{subject}__position",
        "pk",
        *ASSESSMENT_PLACE.values(),
        f"{subject}_id",
        f"{subject}__title",
    )


def assessment_queryset(municipality: Municipality | None) -> QuerySet[Assessment]:
    """Assessments of promises at the held meetings of published periods, as tuples."""
    assessments = Assessment.objects.filter(
        _in_periods(municipality, "meeting__period"), meeting__status=MeetingStatus.HELD
    )
    fields = _assessment_fields("promise")
    return assessments.order_by(*fields[:7]).values_list(*fields, "rating", "comment")


def verdict_queryset(municipality: Municipality | None) -> QuerySet[ActivityVerdict]:
    """Verdicts on activities at the held meetings of published periods, as tuples."""
    verdicts = ActivityVerdict.objects.filter(
        _in_periods(municipality, "meeting__period"), meeting__status=MeetingStatus.HELD
    )
    fields = _assessment_fields("activity")
    return verdicts.order_by(*fields[:7]).values_list(*fields, "text")


def assessment_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    place = tuple(ASSESSMENT_PLACE)
    # Each meeting's promises, then its activities, in their order (as the page lists them).
    promises = (
        ((*values[:5], 0, *values[5:]), "promise")
        for values in assessment_queryset(municipality).iterator(chunk_size=CHUNK_SIZE)
    )
    activities = (
        ((*values[:5], 1, *values[5:-1], "", values[-1]), "activity")
        for values in verdict_queryset(municipality).iterator(chunk_size=CHUNK_SIZE)
    )
    for values, subject in heapq.merge(promises, activities, key=lambda item: item[0][:8]):
        meeting_date, meeting_id = values[3], values[4]
        subject_id, title, rating, text = values[-4:]
        yield {
            "meeting_id": meeting_id,
            **dict(zip(place, values[8:13], strict=True)),
            "meeting_date": meeting_date,
            "promise_id": subject_id if subject == "promise" else None,
            "activity_id": subject_id if subject == "activity" else None,
            "title": title,
            "rating": rating,
            "text": text,
        }


REPORT_FIELDS = {
    "report_id": "pk",
    **_place_paths("period"),
    "municipality_slug": "period__municipality__slug",
    "report_kind": "kind",
    "title": "title",
    "covers_from": "covers_from",
    "covers_to": "covers_to",
    "published_on": "published_on",
    "version": "version",
    "replaces_report_id": "replaces",
    "replaced_by_report_id": "replaced_by_id",
    "correction_reason": "correction_reason",
    "text": "body",
}


def report_queryset(municipality: Municipality | None) -> QuerySet[Report]:
    """Published reports (every version) of published periods, as tuples; never drafts."""
    reports = Report.objects.published().filter(_in_periods(municipality, "period"))
    return reports.order_by(
        *_period_order("period"), "covers_from", "covers_to", "version", "pk"
    ).values_list(*REPORT_FIELDS.values())


def report_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    names = tuple(REPORT_FIELDS)
    for values in report_queryset(municipality).iterator(chunk_size=CHUNK_SIZE):
        row = dict(zip(names, values, strict=True))
        args = [row.pop("municipality_slug"), row["period_slug"], row["report_id"]]
        row["url"] = base_url + reverse("followups:report_document", args=args)
        row["pdf_url"] = base_url + reverse("followups:report_pdf", args=args)
        yield row


REVISION_CHANGE_FIELDS = {
    "revision_id": "revision_id",
    **_place_paths("revision__period"),
    "municipality_slug": "revision__period__municipality__slug",
    "revision_number": "revision__number",
    "revision_date": "revision__created_at",
    "revision_kind": "revision__kind",
    "reason": "revision__reason",
    "change_kind": "kind",
    "subject": "subject",
    "before": "old_value",
    "after": "new_value",
    "progress_before": "progress_before",
}


def revision_change_queryset(municipality: Municipality | None) -> QuerySet[RevisionChange]:
    """The changes of the revisions of published periods, as tuples, in their periods' and
    revisions' order."""
    changes = RevisionChange.objects.filter(_in_periods(municipality, "revision__period"))
    return changes.order_by(
        *_period_order("revision__period"), "revision__number", "position", "pk"
    ).values_list(*REVISION_CHANGE_FIELDS.values())


def revision_change_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    names = tuple(REVISION_CHANGE_FIELDS)
    url_of = _period_urls(base_url)
    for values in revision_change_queryset(municipality).iterator(chunk_size=CHUNK_SIZE):
        row = dict(zip(names, values, strict=True))
        url = url_of(row)
        row["revision_date"] = timezone.localdate(row["revision_date"])
        row["url"] = f"{url}#andring-{row['revision_number']}"
        yield row


EXTENSION_FIELDS = {
    "extension_id": "pk",
    **_place_paths("period"),
    "municipality_slug": "period__municipality__slug",
    "previous_end_date": "previous_end_date",
    "new_end_date": "new_end_date",
    "decision_body": "decision_body",
    "decision_date": "decision_date",
    "decision_reference": "decision_reference",
    "recorded_on": "created_at",
}


def extension_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    names = tuple(EXTENSION_FIELDS)
    extensions = (
        Extension.objects.filter(_in_periods(municipality, "period"))
        .order_by(*_period_order("period"), "created_at", "pk")
        .values_list(*EXTENSION_FIELDS.values())
    )
    url_of = _period_urls(base_url)
    for values in extensions.iterator(chunk_size=CHUNK_SIZE):
        row = dict(zip(names, values, strict=True))
        url = url_of(row)
        row["recorded_on"] = timezone.localdate(row["recorded_on"])
        row["url"] = f"{url}#forlangning-{row['extension_id']}"
        yield row


def _number(value: Decimal | None) -> int | Decimal | None:
    """A measured value as entered, without trailing zeros: 71.5, 12500 (never 1.25E+4)."""
    if value is None:
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if "." not in text:
        return int(text)
    return Decimal(text)


# Every indicator of the promises of published periods, as the period page shows them (with or
# without measurements), and its counted measurements (`OutcomeMeasurement.objects.counted()`,
# never the withdrawn ones), in the page's order: promise, indicator, date.
INDICATOR_ORDER = (
    *_period_order("promise__period"),
    "promise__position",
    "promise_id",
    "pk",
)
INDICATOR_FIELDS = {
    "indicator_id": "pk",
    "promise_id": "promise_id",
    **_place_paths("promise__period"),
    "municipality_slug": "promise__period__municipality__slug",
    "name": "name",
    "description": "description",
    "unit": "unit",
    "source": "source",
    "direction": "direction",
    "baseline_value": "baseline_value",
    "baseline_date": "baseline_date",
}


def indicator_queryset(municipality: Municipality | None) -> QuerySet[OutcomeIndicator]:
    """Outcome indicators of published periods' promises, in the page's order, as tuples."""
    indicators = OutcomeIndicator.objects.filter(_in_periods(municipality, "promise__period"))
    return indicators.order_by(*INDICATOR_ORDER).values_list(
        *INDICATOR_ORDER, *INDICATOR_FIELDS.values()
    )


MEASUREMENT_FIELDS = {
    "measurement_id": "pk",
    "date": "date",
    "value": "value",
    "source_note": "source_note",
}


def measurement_queryset(municipality: Municipality | None) -> QuerySet[OutcomeMeasurement]:
    """Counted measurements of those indicators, in the indicators' order then by date."""
    measurements = OutcomeMeasurement.objects.counted().filter(
        _in_periods(municipality, "indicator__promise__period")
    )
    order = tuple(f"indicator__{path}" for path in INDICATOR_ORDER[:-1]) + ("indicator_id",)
    return measurements.order_by(*order, "date", "pk").values_list(
        *order, *MEASUREMENT_FIELDS.values()
    )


def indicator_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    names = tuple(INDICATOR_FIELDS)
    skip = len(INDICATOR_ORDER)
    url_of = _period_urls(base_url)
    for values in indicator_queryset(municipality).iterator(chunk_size=CHUNK_SIZE):
        row = dict(zip(names, values[skip:], strict=True))
        url = url_of(row)
        row["baseline_value"] = _number(row["baseline_value"])
        row["url"] = f"{url}#utfall-{row['indicator_id']}"
        yield row


# The columns of the indicator the outcome values repeat on each row.
OUTCOME_INDICATOR_COLUMNS = {
    "indicator_name": "name",
    "unit": "unit",
    "direction": "direction",
    "source": "source",
}


def outcome_rows(
    municipality: Municipality | None, base_url: str, today: datetime.date
) -> Iterator[Row]:
    """Each indicator's baseline (when set), then its counted measurements by date, as the
    period page's table of the indicator lists them."""
    names = tuple(INDICATOR_FIELDS)
    skip = len(INDICATOR_ORDER)
    indicators = (
        ((*values[:skip], 0), values)
        for values in indicator_queryset(municipality).iterator(chunk_size=CHUNK_SIZE)
    )
    measurements = (
        ((*values[:skip], 1), values)
        for values in measurement_queryset(municipality).iterator(chunk_size=CHUNK_SIZE)
    )
    indicator: Row = {}
    for key, values in heapq.merge(indicators, measurements, key=lambda item: item[0]):
        if key[-1] == 0:
            indicator = dict(zip(names, values[skip:], strict=True))
            if indicator["baseline_value"] is None:
                continue
            measurement_id, date, value, note, baseline = (
                None,
                indicator["baseline_date"],
                indicator["baseline_value"],
                "",
                True,
            )
        else:
            measurement_id, date, value, note = values[skip:]
            baseline = False
        yield {
            "indicator_id": indicator["indicator_id"],
            "measurement_id": measurement_id,
            "promise_id": indicator["promise_id"],
            **{name: indicator[name] for name in PLACE_FIELD_NAMES},
            **{column: indicator[field] for column, field in OUTCOME_INDICATOR_COLUMNS.items()},
            "baseline": baseline,
            "date": date,
            "value": _number(value),
            "source_note": note,
        }


# SCB's code: a journalist filtering a county in Excel filters on its first two digits.
MUNICIPALITY_CODE_HELP = _(
    "Four-digit municipality code; its first two digits are the county's code (06 is "
    "Jönköpings län)."
)

PLACE_COLUMNS = (
    Column(
        "period_id",
        pgettext_lazy("open data heading", "Period ID"),
        INTEGER,
        _("Identifier of the promise period."),
    ),
    Column(
        "period_slug",
        pgettext_lazy("open data heading", "Period (web address part)"),
        TEXT,
        _("The period's part of its web address, e.g. 2020-2021."),
    ),
    Column(
        "municipality_code",
        pgettext_lazy("open data heading", "Municipality code"),
        TEXT,
        MUNICIPALITY_CODE_HELP,
    ),
    Column(
        "municipality_name",
        pgettext_lazy("open data heading", "Municipality"),
        TEXT,
        _("Name of the municipality."),
    ),
    Column(
        "area_name",
        pgettext_lazy("open data heading", "Part of the municipality"),
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
            Column(
                "municipality_code",
                pgettext_lazy("open data heading", "Municipality code"),
                TEXT,
                MUNICIPALITY_CODE_HELP,
            ),
            Column(
                "municipality_name",
                pgettext_lazy("open data heading", "Municipality"),
                TEXT,
                _("Name of the municipality."),
            ),
            Column(
                "municipality_slug",
                pgettext_lazy("open data heading", "Municipality (web address part)"),
                TEXT,
                _("The municipality's part of its web address."),
            ),
            Column(
                "county_code",
                pgettext_lazy("open data heading", "County code"),
                TEXT,
                _("Two-digit county code."),
            ),
            Column(
                "county_name",
                pgettext_lazy("open data heading", "County"),
                TEXT,
                _("Name of the county."),
            ),
            Column(
                "police_region",
                pgettext_lazy("open data heading", "Police region"),
                TEXT,
                _("Name of the police region."),
            ),
            Column(
                "published_periods",
                pgettext_lazy("open data heading", "Number of published periods"),
                INTEGER,
                _("Number of published promise periods."),
            ),
            Column(
                "active_periods",
                pgettext_lazy("open data heading", "Number of periods in force"),
                INTEGER,
                _("Number of promise periods in force today."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the municipality's page"),
                URL,
                _("The municipality's page on this site."),
            ),
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
            Column(
                "local_police_area",
                pgettext_lazy("open data heading", "Local police area"),
                TEXT,
                _("The local police area that signed."),
            ),
            Column(
                "parties",
                pgettext_lazy("open data heading", "Parties"),
                CODE,
                _("Who gives the promises: joint, police or municipality."),
            ),
            Column(
                "start_date",
                pgettext_lazy("open data heading", "Start date"),
                DATE,
                _("First day of the period."),
            ),
            Column(
                "end_date",
                pgettext_lazy("open data heading", "End date"),
                DATE,
                _("Last day of the period; empty when it applies until further notice."),
            ),
            Column(
                "year_only",
                pgettext_lazy("open data heading", "Years only"),
                BOOLEAN,
                _(
                    "Whether the document gives only the year(s): the dates are then 1 January "
                    "to 31 December."
                ),
            ),
            Column(
                "state",
                pgettext_lazy("open data heading", "State"),
                CODE,
                _("Lifecycle state: signed, extended or closed."),
            ),
            Column(
                "closed_date",
                pgettext_lazy("open data heading", "Closed (date)"),
                DATE,
                _(
                    "The day the period was closed; empty while it is not. A day before "
                    "end_date: it was closed before the end its document states."
                ),
            ),
            Column(
                "signed_date",
                pgettext_lazy("open data heading", "Signed (date)"),
                DATE,
                _("Date of signing."),
            ),
            Column(
                "decision_body",
                pgettext_lazy("open data heading", "Decision-making body"),
                TEXT,
                _("The body that decided the promise."),
            ),
            Column(
                "decision_date",
                pgettext_lazy("open data heading", "Decision date"),
                DATE,
                _("Date of the decision."),
            ),
            Column(
                "decision_reference",
                pgettext_lazy("open data heading", "Reference number"),
                TEXT,
                _("Reference number (diarienummer)."),
            ),
            Column(
                "active",
                pgettext_lazy("open data heading", "In force today"),
                BOOLEAN,
                _("Whether the period is in force today."),
            ),
            Column(
                "registered",
                pgettext_lazy("open data heading", "Registered afterwards"),
                BOOLEAN,
                _(
                    "Whether the period was registered afterwards from its document (decided "
                    "and signed outside the portal); its decision, signing and signatories are "
                    "then only what the document states, and may be empty."
                ),
            ),
            Column(
                "source_url",
                pgettext_lazy("open data heading", "Link to the source document"),
                URL,
                _("The document a registered period was registered from; empty otherwise."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the period's page"),
                URL,
                _("The period's page on this site."),
            ),
        ),
        rows=period_rows,
    ),
    Dataset(
        slug="loften",
        title=_("Promises"),
        description=_("Every promise (focus area) of the published periods, with its themes."),
        columns=(
            Column(
                "promise_id",
                pgettext_lazy("open data heading", "Promise ID"),
                INTEGER,
                _("Identifier of the promise."),
            ),
            *PLACE_COLUMNS,
            Column(
                "position",
                pgettext_lazy("open data heading", "Order in the period"),
                INTEGER,
                _("Order of the promise within its period."),
            ),
            Column("title", pgettext_lazy("open data heading", "Promise"), TEXT, _("The promise.")),
            Column(
                "description",
                pgettext_lazy("open data heading", "Description"),
                TEXT,
                _("Description of the promise; may be empty."),
            ),
            Column(
                "themes", pgettext_lazy("open data heading", "Themes"), TEXT_LIST, _("Theme names.")
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the period's page"),
                URL,
                _("The period's page on this site."),
            ),
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
            Column(
                "activity_id",
                pgettext_lazy("open data heading", "Activity ID"),
                INTEGER,
                _("Identifier of the activity."),
            ),
            *PLACE_COLUMNS,
            Column(
                "position",
                pgettext_lazy("open data heading", "Order in the period"),
                INTEGER,
                _("Order of the activity within its period."),
            ),
            Column(
                "title",
                pgettext_lazy("open data heading", "Activity"),
                TEXT,
                _("Short name of the activity."),
            ),
            Column(
                "description",
                pgettext_lazy("open data heading", "Description"),
                TEXT,
                _("What is to be done."),
            ),
            Column(
                "promise_ids",
                pgettext_lazy("open data heading", "Promise IDs"),
                INTEGER_LIST,
                _("The promises the activity serves."),
            ),
            Column(
                "responsible",
                pgettext_lazy("open data heading", "Responsible"),
                CODE,
                _("The responsible party."),
            ),
            Column(
                "responsible_other",
                pgettext_lazy("open data heading", "Other responsible actor"),
                TEXT,
                _("The other actor, when responsible is other."),
            ),
            Column(
                "partners",
                pgettext_lazy("open data heading", "Taking part"),
                TEXT,
                _("Others who take part, as the document names them."),
            ),
            Column(
                "target_comparator",
                pgettext_lazy("open data heading", "Target: comparison"),
                CODE,
                _(
                    "at_least, count (a bare number: met when reached), at_most, or exactly "
                    "(older targets); empty without target."
                ),
            ),
            Column(
                "target_value",
                pgettext_lazy("open data heading", "Target: number"),
                INTEGER,
                _("The target number; empty without target."),
            ),
            Column(
                "target_unit",
                pgettext_lazy("open data heading", "Target: unit"),
                TEXT,
                _("What is counted, e.g. trafikkontroller."),
            ),
            Column(
                "target_scope",
                pgettext_lazy("open data heading", "Target: time span"),
                CODE,
                _("The time span the target applies to."),
            ),
            Column(
                "status",
                pgettext_lazy("open data heading", "Status (activity without target)"),
                CODE,
                _(
                    "Status of an activity without a target, as its page shows it: planned, "
                    "ongoing, done, cancelled; empty for one with a target (see pace_status)."
                ),
            ),
            Column(
                "done_total",
                pgettext_lazy("open data heading", "Done in total"),
                INTEGER,
                _(
                    "Quantity done in the whole period so far; empty for a period registered "
                    "after it had ended (nothing done was logged in the portal)."
                ),
            ),
            Column(
                "current_span_start",
                pgettext_lazy("open data heading", "Current span: start date"),
                DATE,
                _("First day of the current span, if any."),
            ),
            Column(
                "current_span_end",
                pgettext_lazy("open data heading", "Current span: end date"),
                DATE,
                _("Last day of the current span, if any."),
            ),
            Column(
                "current_span_done",
                pgettext_lazy("open data heading", "Current span: done"),
                INTEGER,
                _("Quantity done in the current span."),
            ),
            Column(
                "current_span_target",
                pgettext_lazy("open data heading", "Current span: target"),
                INTEGER,
                _("Target of the current span (pro rata)."),
            ),
            Column(
                "average_so_far",
                pgettext_lazy("open data heading", "Average so far"),
                DECIMAL,
                _("For average targets: the total so far per whole week or month elapsed."),
            ),
            Column(
                "pace_status",
                pgettext_lazy("open data heading", "Progress towards the target"),
                CODE,
                _("Where the target stands today; empty without target."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the activity's page"),
                URL,
                _("The activity's page on this site."),
            ),
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
            Column(
                "log_id",
                pgettext_lazy("open data heading", "Log ID"),
                INTEGER,
                _("Identifier of the logged occurrence."),
            ),
            Column(
                "activity_id",
                pgettext_lazy("open data heading", "Activity ID"),
                INTEGER,
                _("The activity (activity_id in the dataset Activities and progress)."),
            ),
            Column(
                "activity_title",
                pgettext_lazy("open data heading", "Activity"),
                TEXT,
                _("Short name of the activity."),
            ),
            Column(
                "target_unit",
                pgettext_lazy("open data heading", "Target: unit"),
                TEXT,
                _("What the activity's target counts, e.g. trafikkontroller; may be empty."),
            ),
            *PLACE_COLUMNS,
            Column(
                "date",
                pgettext_lazy("open data heading", "Date"),
                DATE,
                _("The day the activity was carried out."),
            ),
            Column(
                "quantity",
                pgettext_lazy("open data heading", "Quantity"),
                INTEGER,
                _("How many times; counted towards the target."),
            ),
            Column(
                "place",
                pgettext_lazy("open data heading", "Place"),
                TEXT,
                _("Where, e.g. a street or an area; may be empty."),
            ),
            Column(
                "summary",
                pgettext_lazy("open data heading", "Summary"),
                TEXT,
                _("Public summary; may be empty."),
            ),
            Column(
                "logged_on",
                pgettext_lazy("open data heading", "Logged (date)"),
                DATE,
                _(
                    "The day it was logged in the portal. A log entered after a report was "
                    "published counts from its own date: the figures of that report's span "
                    "grew afterwards."
                ),
            ),
        ),
        rows=log_rows,
        national=False,
    ),
    Dataset(
        slug="uppfoljningsmoten",
        title=_("Follow-up meetings"),
        description=_(
            "The follow-up meetings of the published periods: the held ones with their public "
            "summary and decisions, as each citizen promise's page shows them, and the planned "
            "ones, as the municipality's page and calendar list them. One row per meeting; what "
            "each meeting said about the promises and activities is in the dataset Assessments "
            "at follow-up meetings. Cancelled meetings and internal minutes are left out."
        ),
        columns=(
            Column(
                "meeting_id",
                pgettext_lazy("open data heading", "Meeting ID"),
                INTEGER,
                _("Identifier of the meeting."),
            ),
            *PLACE_COLUMNS,
            Column(
                "meeting_status",
                pgettext_lazy("open data heading", "Meeting status"),
                CODE,
                _("Whether the meeting was held or is planned."),
            ),
            Column(
                "date",
                pgettext_lazy("open data heading", "Meeting date"),
                DATE,
                _("The day of the meeting."),
            ),
            Column(
                "time",
                pgettext_lazy("open data heading", "Start time"),
                TIME,
                _("When the meeting starts (or started, if held); empty when not given."),
            ),
            Column(
                "meeting_kind",
                pgettext_lazy("open data heading", "Kind of meeting"),
                CODE,
                _("The kind of meeting."),
            ),
            Column(
                "forum",
                pgettext_lazy("open data heading", "Forum"),
                TEXT,
                _("The forum the meeting was held in; may be empty."),
            ),
            Column(
                "participants",
                pgettext_lazy("open data heading", "Participants"),
                TEXT,
                _("Participating organisations and roles, never names; empty when planned."),
            ),
            Column(
                "public_summary",
                pgettext_lazy("open data heading", "Summary"),
                TEXT,
                _("Public summary of a held meeting."),
            ),
            Column(
                "decisions",
                pgettext_lazy("open data heading", "Decisions and next steps"),
                TEXT,
                _("Decisions and next steps; may be empty."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the meeting"),
                URL,
                _("The meeting on its period's page; for a planned meeting, the period's page."),
            ),
        ),
        rows=meeting_rows,
    ),
    Dataset(
        slug="bedomningar",
        title=_("Assessments at follow-up meetings"),
        description=_(
            "What the held follow-up meetings said about each promise and activity: one row per "
            "promise assessed (with a rating) or activity judged (in words) at a meeting, kept "
            "apart from the meetings so that each meeting is one row there. The meeting is "
            "meeting_id in the dataset Follow-up meetings."
        ),
        columns=(
            Column(
                "meeting_id",
                pgettext_lazy("open data heading", "Meeting ID"),
                INTEGER,
                _("The meeting (meeting_id in Follow-up meetings)."),
            ),
            *PLACE_COLUMNS,
            Column(
                "meeting_date",
                pgettext_lazy("open data heading", "Meeting date"),
                DATE,
                _("The day of the meeting."),
            ),
            Column(
                "promise_id",
                pgettext_lazy("open data heading", "Promise ID"),
                INTEGER,
                _("The promise assessed (promise_id in Promises); empty for an activity."),
            ),
            Column(
                "activity_id",
                pgettext_lazy("open data heading", "Activity ID"),
                INTEGER,
                _(
                    "The activity judged (activity_id in Activities and progress); empty for a "
                    "promise."
                ),
            ),
            Column(
                "title",
                pgettext_lazy("open data heading", "Promise or activity"),
                TEXT,
                _("The promise or the activity."),
            ),
            Column(
                "rating",
                pgettext_lazy("open data heading", "Assessment"),
                CODE,
                _("How the promise is going, as assessed; empty for an activity."),
            ),
            Column(
                "text",
                pgettext_lazy("open data heading", "Comment or verdict"),
                TEXT,
                _("The public comment on the promise, or the verdict on the activity."),
            ),
        ),
        rows=assessment_rows,
    ),
    Dataset(
        slug="redovisningar",
        title=_("Reports"),
        description=_(
            "Every published follow-up report (redovisning) of the published periods, every "
            "version: a corrected version is a row of its own that names the version it "
            "replaces, and the replaced version stays, naming the one that replaced it. Drafts "
            "are left out. The figures frozen at publication are in the report on this site."
        ),
        columns=(
            Column(
                "report_id",
                pgettext_lazy("open data heading", "Report ID"),
                INTEGER,
                _("Identifier of the report version."),
            ),
            *PLACE_COLUMNS,
            Column(
                "report_kind",
                pgettext_lazy("open data heading", "Kind of report"),
                CODE,
                _("The kind of report."),
            ),
            Column(
                "title",
                pgettext_lazy("open data heading", "Report title"),
                TEXT,
                _("Title of the report."),
            ),
            Column(
                "covers_from",
                pgettext_lazy("open data heading", "Covers from"),
                DATE,
                _("First day the report covers."),
            ),
            Column(
                "covers_to",
                pgettext_lazy("open data heading", "Covers up to"),
                DATE,
                _("Last day the report covers."),
            ),
            Column(
                "published_on",
                pgettext_lazy("open data heading", "Published (date)"),
                DATE,
                _("The day the version was published."),
            ),
            Column(
                "version",
                pgettext_lazy("open data heading", "Version"),
                INTEGER,
                _("Version: 1, then 2 for the first correction, etc."),
            ),
            Column(
                "replaces_report_id",
                pgettext_lazy("open data heading", "Replaces report ID"),
                INTEGER,
                _("The version this corrected version replaces; empty for a first version."),
            ),
            Column(
                "replaced_by_report_id",
                pgettext_lazy("open data heading", "Replaced by report ID"),
                INTEGER,
                _("The corrected version that replaced this one; empty while it is current."),
            ),
            Column(
                "correction_reason",
                pgettext_lazy("open data heading", "Reason for correction"),
                TEXT,
                _("Why the report was corrected; empty for a first version."),
            ),
            Column(
                "text",
                pgettext_lazy("open data heading", "Report text"),
                TEXT,
                _("The text of the report."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the report"),
                URL,
                _("The report on this site."),
            ),
            Column(
                "pdf_url",
                pgettext_lazy("open data heading", "Link to the PDF"),
                URL,
                _("The report as PDF."),
            ),
        ),
        rows=report_rows,
    ),
    Dataset(
        slug="andringar",
        title=_("Revisions"),
        description=_(
            "What each revision of a signed citizen promise changed, one row per change, as the "
            "period's change log lists it: its targets, activities, promises and texts, with the "
            "revision's kind and public reason, and the progress as published before the change."
        ),
        columns=(
            Column(
                "revision_id",
                pgettext_lazy("open data heading", "Revision ID"),
                INTEGER,
                _("Identifier of the revision."),
            ),
            *PLACE_COLUMNS,
            Column(
                "revision_number",
                pgettext_lazy("open data heading", "Revision number"),
                INTEGER,
                _("The revision's number in its period: 1, 2 …"),
            ),
            Column(
                "revision_date",
                pgettext_lazy("open data heading", "Revision date"),
                DATE,
                _("The day the revision was made."),
            ),
            Column(
                "revision_kind",
                pgettext_lazy("open data heading", "Kind of revision"),
                CODE,
                _("The kind of revision."),
            ),
            Column(
                "reason",
                pgettext_lazy("open data heading", "Reason"),
                TEXT,
                _("The public reason for the revision."),
            ),
            Column(
                "change_kind",
                pgettext_lazy("open data heading", "Kind of change"),
                CODE,
                _("What the change did."),
            ),
            Column(
                "subject",
                pgettext_lazy("open data heading", "Concerns"),
                TEXT,
                _("What was changed: an activity, a promise or a text."),
            ),
            Column(
                "before",
                pgettext_lazy("open data heading", "Before the change"),
                TEXT,
                _("What it was before the change; may be empty."),
            ),
            Column(
                "after",
                pgettext_lazy("open data heading", "After the change"),
                TEXT,
                _("What it is after the change; may be empty."),
            ),
            Column(
                "progress_before",
                pgettext_lazy("open data heading", "Progress before the change"),
                TEXT,
                _("The progress as published before a changed target; may be empty."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the change log"),
                URL,
                _("The revision in its period's change log."),
            ),
        ),
        rows=revision_change_rows,
    ),
    Dataset(
        slug="forlangningar",
        title=_("Extensions"),
        description=_(
            "Each extension of a signed citizen promise: the end date before and after, and the "
            "decision that extended it."
        ),
        columns=(
            Column(
                "extension_id",
                pgettext_lazy("open data heading", "Extension ID"),
                INTEGER,
                _("Identifier of the extension."),
            ),
            *PLACE_COLUMNS,
            Column(
                "previous_end_date",
                pgettext_lazy("open data heading", "Previous end date"),
                DATE,
                _("The end date before the extension."),
            ),
            Column(
                "new_end_date",
                pgettext_lazy("open data heading", "New end date"),
                DATE,
                _("The end date after the extension."),
            ),
            Column(
                "decision_body",
                pgettext_lazy("open data heading", "Decision-making body"),
                TEXT,
                _("Who decided the extension."),
            ),
            Column(
                "decision_date",
                pgettext_lazy("open data heading", "Decision date"),
                DATE,
                _("The day of the decision."),
            ),
            Column(
                "decision_reference",
                pgettext_lazy("open data heading", "Reference number"),
                TEXT,
                _("The decision's reference number; may be empty."),
            ),
            Column(
                "recorded_on",
                pgettext_lazy("open data heading", "Recorded (date)"),
                DATE,
                _("The day the extension was recorded in the portal."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the change log"),
                URL,
                _("The extension in its period's change log."),
            ),
        ),
        rows=extension_rows,
    ),
    Dataset(
        slug="utfallsmatt",
        title=_("Outcome indicators"),
        description=_(
            "The outcome indicators of the promises of the published periods: what is measured "
            "to see whether things got better, from which source, which way is better, and the "
            "baseline. Every indicator is listed, also one not yet measured; its values are in "
            "the dataset Outcomes."
        ),
        columns=(
            Column(
                "indicator_id",
                pgettext_lazy("open data heading", "Indicator ID"),
                INTEGER,
                _("Identifier of the outcome indicator."),
            ),
            Column(
                "promise_id",
                pgettext_lazy("open data heading", "Promise ID"),
                INTEGER,
                _("The promise (promise_id in Promises)."),
            ),
            *PLACE_COLUMNS,
            Column(
                "name",
                pgettext_lazy("open data heading", "Outcome indicator"),
                TEXT,
                _("What is measured."),
            ),
            Column(
                "description",
                pgettext_lazy("open data heading", "Description"),
                TEXT,
                _("Description of the indicator; may be empty."),
            ),
            Column(
                "unit",
                pgettext_lazy("open data heading", "Unit"),
                TEXT,
                _("The unit of the values; may be empty."),
            ),
            Column(
                "source",
                pgettext_lazy("open data heading", "Source"),
                TEXT,
                _("Where the values come from."),
            ),
            Column(
                "direction",
                pgettext_lazy("open data heading", "Desired direction"),
                CODE,
                _("Which way the indicator should move."),
            ),
            Column(
                "baseline_value",
                pgettext_lazy("open data heading", "Baseline"),
                DECIMAL,
                _("The baseline value; empty without baseline."),
            ),
            Column(
                "baseline_date",
                pgettext_lazy("open data heading", "Baseline date"),
                DATE,
                _("The date of the baseline; empty without baseline."),
            ),
            Column(
                "url",
                pgettext_lazy("open data heading", "Link to the indicator"),
                URL,
                _("The indicator on its period's page."),
            ),
        ),
        rows=indicator_rows,
    ),
    Dataset(
        slug="utfall",
        title=_("Outcomes"),
        description=_(
            "The values of the outcome indicators, as each citizen promise's page lists them: "
            "one row per value, the indicator's baseline first (when it has one), then every "
            "measurement by date, with the indicator's name, unit, direction and source on "
            "each row. Withdrawn measurements are left out."
        ),
        columns=(
            Column(
                "indicator_id",
                pgettext_lazy("open data heading", "Indicator ID"),
                INTEGER,
                _("The outcome indicator (indicator_id in Outcome indicators)."),
            ),
            Column(
                "measurement_id",
                pgettext_lazy("open data heading", "Measurement ID"),
                INTEGER,
                _("Identifier of the measurement; empty for the baseline."),
            ),
            Column(
                "promise_id",
                pgettext_lazy("open data heading", "Promise ID"),
                INTEGER,
                _("The promise (promise_id in Promises)."),
            ),
            *PLACE_COLUMNS,
            Column(
                "indicator_name",
                pgettext_lazy("open data heading", "Outcome indicator"),
                TEXT,
                _("What is measured."),
            ),
            Column(
                "unit",
                pgettext_lazy("open data heading", "Unit"),
                TEXT,
                _("The unit of the values; may be empty."),
            ),
            Column(
                "direction",
                pgettext_lazy("open data heading", "Desired direction"),
                CODE,
                _("Which way the indicator should move."),
            ),
            Column(
                "source",
                pgettext_lazy("open data heading", "Source"),
                TEXT,
                _("Where the values come from."),
            ),
            Column(
                "baseline",
                pgettext_lazy("open data heading", "Baseline (yes/no)"),
                BOOLEAN,
                _("Whether the value is the indicator's baseline."),
            ),
            Column(
                "date",
                pgettext_lazy("open data heading", "Date"),
                DATE,
                _("The date of the value."),
            ),
            Column(
                "value",
                pgettext_lazy("open data heading", "Value"),
                DECIMAL,
                _("The value, with a decimal point and as entered (at most three decimals)."),
            ),
            Column(
                "source_note",
                pgettext_lazy("open data heading", "Source note"),
                TEXT,
                _("Note on the source of the measurement; may be empty."),
            ),
        ),
        rows=outcome_rows,
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


# Yes and no in the CSV for Excel, as a Swedish reader writes them; the other forms keep true and
# false for programs.
EXCEL_TRUE = pgettext_lazy("open data value", "yes")
EXCEL_FALSE = pgettext_lazy("open data value", "no")


def _excel_value(value: Any) -> str:
    """A cell of the CSV for Swedish Excel: a number with a fraction has a decimal comma, which
    Excel set up for Swedish reads as a number (a point makes it a date or text), and true and
    false are "ja" and "nej"."""
    if isinstance(value, bool):
        return str(EXCEL_TRUE if value else EXCEL_FALSE)
    if isinstance(value, (Decimal, float)):
        return _csv_value(value).replace(".", ",")
    return _csv_value(value)


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
    dataset: Dataset,
    rows: Iterable[Row],
    *,
    delimiter: str,
    prefix: str,
    header: list[str],
    cell: Callable[[Any], str] = _csv_value,
) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n")
    # The headings are our own words, none starting like a formula (a test says so).
    yield prefix + writer.writerow(header)
    names = dataset.column_names
    buffer: list[str] = []
    for row in rows:
        buffer.append(writer.writerow([cell(row[name]) for name in names]))
        if len(buffer) >= ROWS_PER_WRITE:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def write_csv(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """Standard CSV (RFC 4180: comma, CRLF) in UTF-8 with a header row of the column names."""
    return _write_csv(dataset, rows, delimiter=",", prefix="", header=dataset.column_names)


def write_excel_csv(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """CSV as Swedish Excel opens it: a header row of Swedish headings, semicolons, decimal
    commas, ja and nej, CRLF, UTF-8 with a byte order mark."""
    return _write_csv(
        dataset,
        rows,
        delimiter=";",
        prefix=CSV_BOM,
        header=dataset.column_headings,
        cell=_excel_value,
    )


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

        The rows depend on the day too (periods in force, pace), on the site's address
        (`SITE_URL`) and on the language (the url columns: `/en/…` in the English file, and the
        words of the statuses), so all three are part of the name: the English file was served
        as the Swedish one to whoever came second, and the other way round.
        """
        site = hashlib.sha256(f"{self.base_url} {get_language()}".encode()).hexdigest()[:12]
        folder = _folder(version, self.today)
        return f"{EXPORTS_FOLDER}/{self.scope_folder}/{folder}/{site}-{self.filename}"

    @property
    def scope_folder(self) -> str:
        """The folder of the files whose version this file's follows."""
        if self.municipality is None:
            return NATIONAL_FOLDER
        return MUNICIPALITY_FOLDER_PREFIX + self.municipality.slug

    def kept_etag(self, version: str) -> str | None:
        """The ETag of the file kept for `version`, from what it holds; None when none is kept.

        Never from the version itself: that moves with every write in the municipality, an
        internal one too (a draft, a log's internal note), and an ETag made from it told anyone
        polling a download when its staff were at work (as `public_cache._etag` says of pages).
        """
        entry = _stored_entry(self.storage_name(version))
        return None if entry is None else _etag(entry[2])

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
        with _building(name) as first:
            if not first:
                # Another worker (on any host) builds this file: wait for it rather than build
                # the same file beside it, on the same cores and database.
                stored = _wait_for_stored(name)
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


def _stored_entry(name: str) -> tuple[str, int, str] | None:
    """What the shared cache records of the kept file `name`: its name in the storage, its size
    and the digest of its content; None when nothing (or a record of an earlier layout) is."""
    try:
        entry = caches[settings.PUBLIC_CACHE_ALIAS].get(_stored_key(name))
    except Exception:
        logger.warning("Stored export %s not looked up", name, exc_info=True)
        return None
    return entry if isinstance(entry, tuple) and len(entry) == 3 else None


def _digest(file: IO[bytes]) -> str:
    """The sha256 of a file's content, read from its start; the file is left at its start."""
    file.seek(0)
    digest = hashlib.sha256()
    while chunk := file.read(1024 * 1024):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _etag(digest: str) -> str:
    return '"' + digest[:32] + '"'


def content_etag(file: IO[bytes]) -> str:
    """The ETag of a file that was built but not kept (the storage failed)."""
    return _etag(_digest(file))


def _open_stored(name: str) -> IO[bytes] | None:
    """The kept file, or None. Only a file recorded as whole counts: the storage may show a
    file while another worker is still writing it."""
    try:
        entry = _stored_entry(name)
        if entry is None:
            return None
        stored_name, size = entry[:2]
        if default_storage.size(stored_name) != size:
            return None
        return default_storage.open(stored_name, "rb")
    except FileNotFoundError:  # Deleted with an older version, or kept on another host.
        return None
    except Exception:
        logger.warning("Stored export %s not read", name, exc_info=True)
        return None


# One build of a file at a time (single flight): the worker that takes the file's key in the
# shared cache builds it; the others wait for the kept file, at most BUILD_WAIT_SECONDS (below
# gunicorn's 30 s timeout), then build it themselves. A key outlives a worker killed mid-build
# by at most BUILD_LOCK_SECONDS.
BUILD_LOCK_SECONDS = 60
BUILD_WAIT_SECONDS = 10
BUILD_POLL_SECONDS = 0.1


def _building_key(name: str) -> str:
    return "opendata-building:" + hashlib.sha256(name.encode()).hexdigest()


@contextmanager
def _building(name: str) -> Iterator[bool]:
    """True when this worker is the one to build `name` (it took the key, given back after the
    build, also when it fails), False when another one holds it. Without the cache, True."""
    cache, key, token = caches[settings.PUBLIC_CACHE_ALIAS], _building_key(name), os.urandom(8)
    try:
        first = cache.add(key, token, BUILD_LOCK_SECONDS)
    except Exception:
        logger.warning("Export %s built without its key", name, exc_info=True)
        yield True
        return
    try:
        yield first
    finally:
        if first:
            try:
                if cache.get(key) == token:  # not a later builder's, after a very slow build
                    cache.delete(key)
            except Exception:
                logger.warning("Key of export %s not given back", name, exc_info=True)


def _wait_for_stored(name: str) -> IO[bytes] | None:
    """The file another worker is building, once kept; None when it gave its key back without
    keeping it (its build failed) or after BUILD_WAIT_SECONDS."""
    cache, key = caches[settings.PUBLIC_CACHE_ALIAS], _building_key(name)
    deadline = time.monotonic() + BUILD_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(BUILD_POLL_SECONDS)
        stored = _open_stored(name)
        if stored is not None:
            return stored
        try:
            if cache.get(key) is None:
                return _open_stored(name)
        except Exception:
            return None
    return None


def _store(name: str, file: IO[bytes]) -> bool:
    """Keep a built file, then record it as whole in the shared cache; False if not kept.

    Two workers building the same file both save it (the storage gives the second another
    name); either copy is whole, and the record points at one of them.
    """
    try:
        size = file.seek(0, os.SEEK_END)
        digest = _digest(file)
        stored_name = default_storage.save(name, File(file, name=os.path.basename(name)))
        entry = (stored_name, size, digest)
        caches[settings.PUBLIC_CACHE_ALIAS].set(_stored_key(name), entry, None)
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
    meeting_statuses = [
        (value, label) for value, label in MeetingStatus.choices if value in PUBLIC_MEETING_STATUSES
    ]
    return [
        ("state", states),
        ("parties", Parties.choices),
        ("responsible", Responsible.choices),
        ("target_comparator", Comparator.choices),
        ("target_scope", Scope.choices),
        ("status", ActivityStatus.choices),
        ("pace_status", PaceStatus.choices),
        ("meeting_status", meeting_statuses),
        ("meeting_kind", MeetingKind.choices),
        ("rating", Rating.choices),
        ("report_kind", ReportKind.choices),
        ("revision_kind", RevisionKind.choices),
        ("change_kind", ChangeKind.choices),
        ("direction", Direction.choices),
    ]
