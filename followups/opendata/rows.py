"""Open data rows: a query and a row function per dataset, reading published periods only and
only the public fields its columns name, a chunk of database rows at a time (memory stays
bounded; the query count grows with the number of chunks, never with the number of rows)."""

import datetime
import heapq
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone

from activities import wording
from activities.models import Activity, ActivityLog
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingStatus,
    Report,
)
from municipalities.models import Municipality
from promises.models import (
    Extension,
    OutcomeIndicator,
    OutcomeMeasurement,
    Promise,
    PromisePeriod,
    RevisionChange,
    Theme,
)

CHUNK_SIZE = 500
LIST_SEPARATOR = "; "

Row = dict[str, Any]
# Whose rows: one municipality's, or (None) the whole country's. (A county's file is put
# together from its municipalities' files, `files.Export._assemble`.)
Place = Municipality | None

# Query functions: one per dataset, scoped to published periods.


def municipality_queryset(place: Place, today: datetime.date) -> QuerySet[Municipality]:
    """Every municipality (or `place`) with its county and counts of published and
    active periods."""
    published = Q(promise_periods__in=PromisePeriod.objects.published())
    active = Q(promise_periods__in=PromisePeriod.objects.active(today))
    municipalities = Municipality.objects.with_county()
    if place is not None:
        municipalities = municipalities.filter(pk=place.pk)
    return municipalities.annotate(
        published_periods=Count("promise_periods", filter=published, distinct=True),
        active_periods=Count("promise_periods", filter=active, distinct=True),
    ).order_by("code")


def period_queryset(place: Place) -> QuerySet[PromisePeriod]:
    """Published periods (of `place`) with their place, in a stable order."""
    periods = PromisePeriod.objects.published()
    if place is not None:
        periods = periods.filter(municipality=place)
    return periods.with_place().order_by("municipality__code", "start_date", "pk")


def promise_queryset(place: Place) -> QuerySet[Promise]:
    """Promises of published periods with their period, place and themes."""
    promises = Promise.objects.filter(period__in=period_queryset(place).values("pk"))
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


def activity_queryset(place: Place) -> QuerySet[Activity]:
    """Activities of published periods with their progress sums, in their periods' order; the
    periods themselves are read apart (`activity_periods`), once each rather than once per
    activity (a national file has thousands of activities in hundreds of periods)."""
    activities = Activity.objects.filter(period__in=period_queryset(place).values("pk"))
    return (
        activities.with_progress_data()
        .select_related(None)
        # Only the columns written (the periods' long texts would be read once per activity).
        .only(*ACTIVITY_FIELDS)
        .order_by("period__municipality__code", "period__start_date", "period", "position", "pk")
    )


def activity_periods(place: Place) -> dict[int, PromisePeriod]:
    """The periods of `activity_queryset`'s activities, by id, with the columns written."""
    periods = period_queryset(place).select_related(None).select_related("municipality")
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


def log_queryset(place: Place) -> QuerySet[ActivityLog]:
    """Logs that are not withdrawn, of published periods' activities, in the activities' order.

    Each activity's logs are read through the logs' (activity, date) index in date order.
    """
    logs = ActivityLog.objects.counted().filter(
        activity__period__in=period_queryset(place).values("pk")
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


def municipality_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    for item in municipality_queryset(place, today).iterator(chunk_size=CHUNK_SIZE):
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


def period_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    for period in period_queryset(place).iterator(chunk_size=CHUNK_SIZE):
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
    place: Place,
    base_url: str,
    today: datetime.date,
    only: QuerySet | None = None,
) -> Iterator[Row]:
    """The promises dataset's rows; `only`: of these promises' ids alone (a list's filtered
    selection, `views.list_selection`)."""
    promises = promise_queryset(place)
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
    place: Place,
    base_url: str,
    today: datetime.date,
    only: QuerySet | None = None,
) -> Iterator[Row]:
    """The activities dataset's rows; `only`: of these activities' ids alone (a list's filtered
    selection, `views.list_selection`)."""
    activities = activity_queryset(place)
    if only is not None:
        activities = activities.filter(pk__in=only)
    periods = activity_periods(place)
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


def log_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    # No url column: a million copies of the activity page's address would double the file;
    # activity_id leads to the activity (and the activities dataset to its period's page).
    names = tuple(LOG_FIELDS)
    for values in log_queryset(place).iterator(chunk_size=CHUNK_SIZE):
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


def _in_periods(place: Place, period: str) -> Q:
    """Rows of the published periods (of `place` or all)."""
    return Q(**{f"{period}__in": period_queryset(place).values("pk")})


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


def meeting_queryset(place: Place) -> QuerySet[FollowUpMeeting]:
    """Held and planned meetings of published periods, by period and date, as tuples."""
    meetings = FollowUpMeeting.objects.filter(
        _in_periods(place, "period"), status__in=PUBLIC_MEETING_STATUSES
    )
    return meetings.order_by(*_period_order("period"), "date", "time", "pk").values_list(
        *MEETING_FIELDS.values()
    )


def meeting_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    names = tuple(MEETING_FIELDS)
    url_of = _period_urls(base_url)
    for values in meeting_queryset(place).iterator(chunk_size=CHUNK_SIZE):
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


def assessment_queryset(place: Place) -> QuerySet[Assessment]:
    """Assessments of promises at the held meetings of published periods, as tuples."""
    assessments = Assessment.objects.filter(
        _in_periods(place, "meeting__period"), meeting__status=MeetingStatus.HELD
    )
    fields = _assessment_fields("promise")
    return assessments.order_by(*fields[:7]).values_list(*fields, "rating", "comment")


def verdict_queryset(place: Place) -> QuerySet[ActivityVerdict]:
    """Verdicts on activities at the held meetings of published periods, as tuples."""
    verdicts = ActivityVerdict.objects.filter(
        _in_periods(place, "meeting__period"), meeting__status=MeetingStatus.HELD
    )
    fields = _assessment_fields("activity")
    return verdicts.order_by(*fields[:7]).values_list(*fields, "text")


def assessment_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    place_columns = tuple(ASSESSMENT_PLACE)
    # Each meeting's promises, then its activities, in their order (as the page lists them).
    promises = (
        ((*values[:5], 0, *values[5:]), "promise")
        for values in assessment_queryset(place).iterator(chunk_size=CHUNK_SIZE)
    )
    activities = (
        ((*values[:5], 1, *values[5:-1], "", values[-1]), "activity")
        for values in verdict_queryset(place).iterator(chunk_size=CHUNK_SIZE)
    )
    for values, subject in heapq.merge(promises, activities, key=lambda item: item[0][:8]):
        meeting_date, meeting_id = values[3], values[4]
        subject_id, title, rating, text = values[-4:]
        yield {
            "meeting_id": meeting_id,
            **dict(zip(place_columns, values[8:13], strict=True)),
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


def report_queryset(place: Place) -> QuerySet[Report]:
    """Published reports (every version) of published periods, as tuples; never drafts."""
    reports = Report.objects.published().filter(_in_periods(place, "period"))
    return reports.order_by(
        *_period_order("period"), "covers_from", "covers_to", "version", "pk"
    ).values_list(*REPORT_FIELDS.values())


def report_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    names = tuple(REPORT_FIELDS)
    for values in report_queryset(place).iterator(chunk_size=CHUNK_SIZE):
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


def revision_change_queryset(place: Place) -> QuerySet[RevisionChange]:
    """The changes of the revisions of published periods, as tuples, in their periods' and
    revisions' order."""
    changes = RevisionChange.objects.filter(_in_periods(place, "revision__period"))
    return changes.order_by(
        *_period_order("revision__period"), "revision__number", "position", "pk"
    ).values_list(*REVISION_CHANGE_FIELDS.values())


def revision_change_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    names = tuple(REVISION_CHANGE_FIELDS)
    url_of = _period_urls(base_url)
    for values in revision_change_queryset(place).iterator(chunk_size=CHUNK_SIZE):
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


def extension_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    names = tuple(EXTENSION_FIELDS)
    extensions = (
        Extension.objects.filter(_in_periods(place, "period"))
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


def indicator_queryset(place: Place) -> QuerySet[OutcomeIndicator]:
    """Outcome indicators of published periods' promises, in the page's order, as tuples."""
    indicators = OutcomeIndicator.objects.filter(_in_periods(place, "promise__period"))
    return indicators.order_by(*INDICATOR_ORDER).values_list(
        *INDICATOR_ORDER, *INDICATOR_FIELDS.values()
    )


MEASUREMENT_FIELDS = {
    "measurement_id": "pk",
    "date": "date",
    "value": "value",
    "source_note": "source_note",
}


def measurement_queryset(place: Place) -> QuerySet[OutcomeMeasurement]:
    """Counted measurements of those indicators, in the indicators' order then by date."""
    measurements = OutcomeMeasurement.objects.counted().filter(
        _in_periods(place, "indicator__promise__period")
    )
    order = tuple(f"indicator__{path}" for path in INDICATOR_ORDER[:-1]) + ("indicator_id",)
    return measurements.order_by(*order, "date", "pk").values_list(
        *order, *MEASUREMENT_FIELDS.values()
    )


def indicator_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    names = tuple(INDICATOR_FIELDS)
    skip = len(INDICATOR_ORDER)
    url_of = _period_urls(base_url)
    for values in indicator_queryset(place).iterator(chunk_size=CHUNK_SIZE):
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


def outcome_rows(place: Place, base_url: str, today: datetime.date) -> Iterator[Row]:
    """Each indicator's baseline (when set), then its counted measurements by date, as the
    period page's table of the indicator lists them."""
    names = tuple(INDICATOR_FIELDS)
    skip = len(INDICATOR_ORDER)
    indicators = (
        ((*values[:skip], 0), values)
        for values in indicator_queryset(place).iterator(chunk_size=CHUNK_SIZE)
    )
    measurements = (
        ((*values[:skip], 1), values)
        for values in measurement_queryset(place).iterator(chunk_size=CHUNK_SIZE)
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
