"""What the Atom feeds tell, as items: national and per municipality, whole or of the follow-up
meetings and reports alone.

A feed merges several sources (signed and registered periods, revisions, extensions, activities
cancelled, closed periods, follow-up meetings, reports, logs), each a function returning its
latest `FeedItem`s dated on or after a cutoff day. To add one, write one more source function
with the same signature and add it to `FEED_SOURCES` (and, if it is to move the cutoff, its
dates to `_cutoff`); the merge, ordering and limit stay as they are.
"""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from activities import wording
from activities.models import Activity, ActivityLog
from activities.progress import Comparator
from followups.models import FollowUpMeeting, Report
from municipalities.models import Municipality
from promises.models import (
    PUBLISHED_STATES,
    Extension,
    PeriodState,
    Promise,
    PromisePeriod,
    Revision,
    RevisionChange,
)

FEED_LIMIT = 50
# A municipality's feed holds at most this many logs, so that logged occurrences (several a
# day in a busy municipality) never push its signed periods, meetings and reports out.
FEED_LOG_LIMIT = FEED_LIMIT // 2

# Entry ids are name-based UUIDs of the object's kind and primary key: stable across host names,
# slug changes and link fragments, and never reused for another entry.
FEED_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://medborgarloften.se/flode/")


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, built from one object of one source."""

    kind: str
    pk: int
    date: datetime.date
    title: str
    description: str
    link: str

    @property
    def guid(self) -> str:
        return uuid.uuid5(FEED_NAMESPACE, f"{self.kind}:{self.pk}").urn

    @property
    def sort_key(self) -> tuple[datetime.date, str, int]:
        return (self.date, self.kind, self.pk)


def _signed_periods(municipality: Municipality | None):
    """The signed periods (`PromisePeriodQuerySet.signed`), of `municipality` if given; not
    those registered afterwards from their documents: their news is the registration."""
    periods = PromisePeriod.objects.signed().filter(registered_at__isnull=True)
    if municipality is not None:
        periods = periods.filter(municipality=municipality)
    return periods


def _cutoff(municipality: Municipality | None, limit: int) -> datetime.date | None:
    """The day of the `limit`-th newest signing, meeting or report, or None when there are
    fewer: no entry dated before it can be among the newest `limit` (at least `limit` are as new
    or newer), so the sources build only the entries dated on or after it.

    Logs are left out of the count: counting fewer entries only moves the day earlier.
    """
    sources = [
        (_signed_periods(municipality), "signed_date"),
        (FollowUpMeeting.objects.for_feed(municipality), "date"),
        (Report.objects.for_feed(municipality), "published_on"),
    ]
    # Each source's newest `limit` only, where the database takes a LIMIT inside a UNION
    # (PostgreSQL; SQLite does not): a few rows to sort rather than every meeting and report.
    if connection.features.supports_slicing_ordering_in_compound:
        dated = [
            rows.order_by(f"-{day}").values_list(day, flat=True)[:limit] for rows, day in sources
        ]
    else:
        dated = [rows.order_by().values_list(day, flat=True) for rows, day in sources]
    first, *others = dated
    newest = first.union(*others, all=True).order_by("-signed_date")
    return next(iter(newest[limit - 1 : limit]), None)


def signed_period_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """Newly signed periods, dated by their signing date."""
    periods = _signed_periods(municipality)
    if since is not None:
        periods = periods.filter(signed_date__gte=since)
    periods = periods.select_related("municipality").order_by("-signed_date", "-pk")[:limit]
    titles = _promise_titles(periods)
    return [
        FeedItem(
            kind="period-signed",
            pk=period.pk,
            date=period.signed_date,
            title=gettext("Citizen promise signed: %(place)s %(period)s")
            % {"place": period.place_name, "period": period.period_label},
            description=_period_words(period, titles),
            link=period.get_absolute_url(),
        )
        for period in periods
    ]


def registered_period_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """Earlier promises registered afterwards from their documents, dated by the day they were
    registered: their signing, perhaps years back, was never news here (and some documents do
    not state it)."""
    periods = PromisePeriod.objects.published().filter(registered_at__isnull=False)
    if municipality is not None:
        periods = periods.filter(municipality=municipality)
    if since is not None:
        periods = periods.filter(registered_at__gte=as_datetime(since))
    periods = periods.select_related("municipality").order_by("-registered_at", "-pk")[:limit]
    titles = _promise_titles(periods)
    items = []
    for period in periods:
        if period.signed_date is None:
            signed = gettext(
                "Registered afterwards from its document, which states no signing date."
            )
        else:
            signed = gettext("Registered afterwards from its document; signed on %(date)s.") % {
                "date": date_format(period.signed_date, "j F Y")
            }
        items.append(
            FeedItem(
                kind="period-registered",
                pk=period.pk,
                date=timezone.localdate(period.registered_at),
                title=gettext("Earlier citizen promise registered: %(place)s %(period)s")
                % {"place": period.place_name, "period": period.period_label},
                description=f"{signed} {_period_words(period, titles)}",
                link=period.get_absolute_url(),
            )
        )
    return items


def revision_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """Revisions of published periods (an annual review, a changed situation), dated by the
    day they were made, with their kind, reason and what they changed."""
    revisions = Revision.objects.filter(period__state__in=PUBLISHED_STATES)
    if municipality is not None:
        revisions = revisions.filter(period__municipality=municipality)
    if since is not None:
        revisions = revisions.filter(created_at__gte=as_datetime(since))
    revisions = revisions.select_related("period__municipality").order_by("-created_at", "-pk")[
        :limit
    ]
    # What each changed, by a query of its own (as `_promise_titles`): a constant count.
    subjects: dict[int, list[str]] = {}
    changes = RevisionChange.objects.filter(revision__in=revisions.values("pk")).order_by(
        "revision_id", "position", "pk"
    )
    for revision_id, subject in changes.values_list("revision_id", "subject"):
        if subject and subject not in subjects.setdefault(revision_id, []):
            subjects[revision_id].append(subject)
    items = []
    for revision in revisions:
        period = revision.period
        description = f"{capfirst(revision.get_kind_display())}. {revision.reason}"
        if subjects.get(revision.pk):
            description += " " + gettext("Changed: %(subjects)s.") % {
                "subjects": "; ".join(subjects[revision.pk])
            }
        items.append(
            FeedItem(
                kind="revision",
                pk=revision.pk,
                date=timezone.localdate(revision.created_at),
                title=gettext("Citizen promise changed: %(place)s %(period)s (revision %(number)s)")
                % {
                    "place": period.place_name,
                    "period": period.period_label,
                    "number": revision.number,
                },
                description=description,
                link=f"{period.get_absolute_url()}#andring-{revision.number}",
            )
        )
    return items


def extension_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """Extensions of published periods, dated by the day they were recorded, with their new end
    date and decision."""
    extensions = Extension.objects.filter(period__state__in=PUBLISHED_STATES)
    if municipality is not None:
        extensions = extensions.filter(period__municipality=municipality)
    if since is not None:
        extensions = extensions.filter(created_at__gte=as_datetime(since))
    extensions = extensions.select_related("period__municipality").order_by("-created_at", "-pk")
    items = []
    for extension in extensions[:limit]:
        period = extension.period
        description = gettext("Extended to %(date)s, decision by %(body)s on %(decided)s.") % {
            "date": date_format(extension.new_end_date, "j F Y"),
            "body": extension.decision_body,
            "decided": date_format(extension.decision_date, "j F Y"),
        }
        if extension.decision_reference:
            description += " " + gettext("Reference number %(reference)s.") % {
                "reference": extension.decision_reference
            }
        items.append(
            FeedItem(
                kind="extension",
                pk=extension.pk,
                date=timezone.localdate(extension.created_at),
                title=gettext("Citizen promise extended: %(place)s %(period)s")
                % {"place": period.place_name, "period": period.period_label},
                description=description,
                link=f"{period.get_absolute_url()}#forlangning-{extension.pk}",
            )
        )
    return items


def cancellation_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """Activities of published periods cancelled through their status, dated by the day they
    were (`Activity.cancelled_at`), with the public reason: as the period's change log lists
    them."""
    activities = Activity.objects.cancelled_on_a_known_day().filter(
        period__state__in=PUBLISHED_STATES
    )
    if municipality is not None:
        activities = activities.filter(period__municipality=municipality)
    if since is not None:
        activities = activities.filter(status_changed_at__gte=as_datetime(since))
    activities = activities.select_related("period__municipality").order_by(
        "-status_changed_at", "-pk"
    )
    items = []
    for activity in activities[:limit]:
        period = activity.period
        items.append(
            FeedItem(
                kind="activity-cancelled",
                pk=activity.pk,
                date=timezone.localdate(activity.cancelled_at),
                title=gettext("Activity cancelled: %(activity)s, %(place)s %(period)s")
                % {
                    "activity": activity.title,
                    "place": period.place_name,
                    "period": period.period_label,
                },
                description=gettext("Reason: %(reason)s") % {"reason": activity.status_reason},
                link=f"{period.get_absolute_url()}#installd-{activity.pk}",
            )
        )
    return items


def _promise_titles(periods) -> dict[int, list[str]]:
    """Period id → its promises' titles, in order, by a query of its own, which runs (unlike a
    prefetch) when no period is new enough: the feed's query count stays the same whatever the
    data."""
    titles: dict[int, list[str]] = {}
    listed = Promise.objects.filter(period__in=periods.values("pk")).order_by(
        "period_id", "position", "pk"
    )
    for period_id, title in listed.values_list("period_id", "title"):
        titles.setdefault(period_id, []).append(title)
    return titles


def _period_words(period: PromisePeriod, titles: dict[int, list[str]]) -> str:
    """A period's validity (in the past tense once it is over) and its promises, for an entry's
    summary."""
    over = period.is_over()
    if period.end_date is None or period.year_only:
        # As the document states it: "gäller tills vidare", or only the year.
        validity = {"validity": period.validity_text}
        words = (gettext("Was valid %(validity)s.") if over else gettext("Valid %(validity)s.")) % (
            validity
        )
    else:
        dates = {
            "start": date_format(period.start_date, "j F Y"),
            "end": date_format(period.end_date, "j F Y"),
        }
        words = (
            gettext("The period ran from %(start)s to %(end)s.")
            if over
            else gettext("The period runs from %(start)s to %(end)s.")
        ) % dates
    promises = "; ".join(titles.get(period.pk, ()))
    if promises:
        words += " " + gettext("Promises: %(promises)s") % {"promises": promises}
    return words


def closed_period_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """Closed periods, dated by the day they were closed (subscribers learn that a promise no
    longer applies, and whether it ended before its end date)."""
    periods = PromisePeriod.objects.published().filter(
        state=PeriodState.CLOSED, closed_date__isnull=False
    )
    if municipality is not None:
        periods = periods.filter(municipality=municipality)
    if since is not None:
        periods = periods.filter(closed_date__gte=since)
    periods = periods.select_related("municipality").order_by("-closed_date", "-pk")[:limit]
    items = []
    for period in periods:
        label = {"place": period.place_name, "period": period.period_label}
        if period.closed_early:
            description = gettext(
                "Closed on %(closed)s, before its end date %(end)s. What was done stays on its "
                "page."
            ) % {
                "closed": date_format(period.closed_date, "j F Y"),
                "end": date_format(period.end_date, "j F Y"),
            }
        else:
            description = gettext("Closed on %(closed)s. What was done stays on its page.") % {
                "closed": date_format(period.closed_date, "j F Y")
            }
        if period.closing_reason:
            description += " " + gettext("Why: %(reason)s") % {"reason": period.closing_reason}
        items.append(
            FeedItem(
                kind="period-closed",
                pk=period.pk,
                date=period.closed_date,
                title=gettext("Citizen promise closed: %(place)s %(period)s") % label,
                description=description,
                link=period.get_absolute_url(),
            )
        )
    return items


def meeting_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """Public summaries of follow-up meetings, dated by the meeting."""
    meetings = FollowUpMeeting.objects.for_feed(municipality)
    if since is not None:
        meetings = meetings.filter(date__gte=since)
    return [
        FeedItem(
            kind="meeting",
            pk=meeting.pk,
            date=meeting.date,
            title=gettext("Follow-up, %(kind)s: %(place)s %(period)s")
            % {
                "kind": meeting.get_kind_display(),
                "place": meeting.period.place_name,
                "period": meeting.period.period_label,
            },
            description=meeting.public_summary,
            link=meeting.record_url(),
        )
        for meeting in meetings[:limit]
    ]


def report_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """Published reports, dated by their publication date."""
    reports = Report.objects.for_feed(municipality)
    if since is not None:
        reports = reports.filter(published_on__gte=since)
    return [
        FeedItem(
            kind="report",
            pk=report.pk,
            date=report.published_on,
            title=_report_title(report),
            description=_report_description(report),
            link=f"{report.period.get_absolute_url()}#redovisning-{report.pk}",
        )
        for report in reports[:limit]
    ]


def _report_title(report: Report) -> str:
    words = {
        "title": report.title,
        "place": report.period.place_name,
        "period": report.period.period_label,
        "version": report.version,
    }
    if report.version > 1:
        # A correction said as such: a subscriber saw the same title twice.
        return (
            gettext("Corrected report (version %(version)s): %(title)s (%(place)s %(period)s)")
            % words
        )
    return gettext("Report published: %(title)s (%(place)s %(period)s)") % words


def _report_description(report: Report) -> str:
    if report.version > 1 and report.correction_reason:
        reason = gettext("Corrected version (version %(version)s). Reason for the correction:") % {
            "version": report.version
        }
        return f"{reason} {report.correction_reason}\n\n{report.body}"
    return report.body


def log_items(
    municipality: Municipality | None, limit: int, since: datetime.date | None = None
) -> list[FeedItem]:
    """A municipality's logged occurrences with their public fields, dated by the log (at most
    FEED_LOG_LIMIT, so `since` saves nothing here).

    Only in a municipality's feed: nationally they would be hundreds a day and drown
    everything else (the open data's logs dataset is per municipality for the same reason).
    """
    if municipality is None:
        return []
    logs = ActivityLog.objects.latest_for_municipality(municipality, min(limit, FEED_LOG_LIMIT))
    items = []
    for log in logs:
        period = log.activity.period
        period.municipality = municipality  # known already: no query per log
        description = capfirst(wording.quantity_words(log.activity.target, log.quantity))
        if log.place:
            description += f" · {log.place}"
        if log.summary:
            description += f"\n{log.summary}"
        items.append(
            FeedItem(
                kind="log",
                pk=log.pk,
                date=log.date,
                title=(
                    # What a most keeps down ("högst 10 skadegörelser") is registered, not done.
                    gettext("Registered: %(activity)s (%(place)s %(period)s)")
                    if log.activity.target_comparator == Comparator.AT_MOST
                    else gettext("Carried out: %(activity)s (%(place)s %(period)s)")
                )
                % {
                    "activity": log.activity.title,
                    "place": period.place_name,
                    "period": period.period_label,
                },
                description=description,
                link=reverse(
                    "activities:activity_detail",
                    args=[municipality.slug, period.slug, log.activity_id],
                ),
            )
        )
    return items


# Each source does a fixed number of queries, so a feed's query count does not grow with data.
FEED_SOURCES: tuple[
    Callable[[Municipality | None, int, datetime.date | None], list[FeedItem]], ...
] = (
    signed_period_items,
    registered_period_items,
    revision_items,
    extension_items,
    cancellation_items,
    closed_period_items,
    meeting_items,
    report_items,
    log_items,
)


# The follow-up feed's sources: a citizen who wants to hear only when a follow-up meeting is
# held or a report published was flooded by a municipality's whole feed, an entry per log.
FOLLOW_UP_SOURCES = (meeting_items, report_items)


def _newest(
    sources, municipality: Municipality | None, limit: int, since: datetime.date | None
) -> list[FeedItem]:
    items = [item for source in sources for item in source(municipality, limit, since)]
    return sorted(items, key=lambda item: item.sort_key, reverse=True)[:limit]


def feed_items(municipality: Municipality | None = None, limit: int = FEED_LIMIT) -> list[FeedItem]:
    """The latest `limit` items of every source, newest first."""
    return _newest(FEED_SOURCES, municipality, limit, _cutoff(municipality, limit))


def follow_up_items(
    municipality: Municipality | None = None, limit: int = FEED_LIMIT
) -> list[FeedItem]:
    """The latest `limit` public follow-up meetings and published reports, newest first (each
    source reads its newest `limit` alone: no cutoff day is needed for two)."""
    return _newest(FOLLOW_UP_SOURCES, municipality, limit, None)


def as_datetime(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
