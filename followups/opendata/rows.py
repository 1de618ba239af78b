"""Open data rows: a query and a row function per dataset, reading published periods only and
only the public fields its columns name, a chunk of database rows at a time (memory stays
bounded; the query count grows with the number of chunks, never with the number of rows)."""

import datetime
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.urls import reverse

from activities import wording
from activities.models import Activity, ActivityLog
from municipalities.models import Municipality
from promises.models import (
    Promise,
    PromisePeriod,
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
