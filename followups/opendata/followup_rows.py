"""Open data rows of what follows a promise: follow-up meetings, their assessments, reports,
revisions, extensions and outcome indicators, read as `rows` reads the promises' (published
periods only, public fields only, a chunk at a time)."""

import datetime
import heapq
from collections.abc import Callable, Iterator
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingStatus,
    Report,
)
from followups.opendata.rows import CHUNK_SIZE, Place, Row, period_queryset
from promises.models import (
    Extension,
    OutcomeIndicator,
    OutcomeMeasurement,
    RevisionChange,
)

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
