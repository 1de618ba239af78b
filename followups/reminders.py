"""The weekly reminder digest: what each staff user should act on, e-mailed once per ISO week.

`python manage.py send_reminders` (cron, Monday morning) e-mails each staff user who wants
e-mail (`NotificationPreference.mailable`: active, with an address, not opted out) one digest of
the municipalities of their memberships (a local police area counts for each of its
municipalities), with a part for each role that acts on it, as the role table says
(`municipalities.roles.ROLE_ACTS`):

- activities behind pace (`progress.behind_pace`) of the periods in force, for the roles that log
  activities (`Act.LOG`: kommunpoliser, coordinators);
- planned follow-up meetings of the coming seven days, for the roles that manage the follow-up
  (`Act.MANAGE_FOLLOWUPS`: kommunpoliser, coordinators);
- reports due, for the roles that publish reports (`Act.PUBLISH_REPORTS`: coordinators): each
  tertial of a signed or extended period that ended more than two weeks ago without a published
  report covering it.

Approvers only read (`Act.VIEW_STAFF`) and get nothing. Administrators get what their
memberships give them: their access to every municipality would make a national list.
Nobody gets an empty digest. The data of all users come from a fixed number of queries (the
progress from the kept span sums, never from the logs).

Once per ISO week, across processes: a `ReminderDigest` row (unique per user, ISO year and
week) is claimed and committed before the e-mail is sent, and deleted again if sending fails,
so the next run retries; a second run, or a concurrent one, finds the row and sends nothing.
"""

import datetime
import logging
import math
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from activities.filters import PERIOD_PROGRESS_FIELDS, PROGRESS_FIELDS
from activities.models import Activity
from activities.progress import Progress, behind_pace
from activities.wording import headline_span, pace_label, progress_words
from followups.models import FollowUpMeeting, MeetingStatus, Report, ReportKind
from municipalities.models import Membership, NotificationPreference, ReminderDigest
from municipalities.roles import Act, roles_that_may
from promises.fields import date_span
from promises.models import IN_FORCE_STATES, PromisePeriod, active_q
from promises.notifications import site_url

logger = logging.getLogger(__name__)

ACTIVITIES, MEETINGS, REPORTS = "activities", "meetings", "reports"
# Which act of the role table each part of the digest is about: who may do it gets the part.
PART_ACTS = {ACTIVITIES: Act.LOG, MEETINGS: Act.MANAGE_FOLLOWUPS, REPORTS: Act.PUBLISH_REPORTS}
# A tertial's report is due once it ended more than this long ago.
REPORT_GRACE = datetime.timedelta(days=14)
# "The coming week" for meetings: today and the six days after.
COMING_DAYS = 7
NO_TIME = datetime.time.min  # a meeting without a time comes first on its day


@dataclass(frozen=True)
class DueReport:
    """A tertial (clipped to its period) without a published report covering it."""

    period: PromisePeriod
    number: int  # 1, 2 or 3: jan–apr, may–aug, sep–dec
    start: datetime.date
    end: datetime.date
    # The draft of this tertial's report, if one is written: the start page offered to draft
    # it again, and the form then refused ("Det finns redan ett utkast").
    draft: Report | None = None


@dataclass
class Digest:
    """One user's digest for one week: empty parts are left out of the e-mail."""

    user: object
    activities: list[tuple[Activity, Progress]] = field(default_factory=list)
    meetings: list[FollowUpMeeting] = field(default_factory=list)
    reports: list[DueReport] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.activities or self.meetings or self.reports)

    def summary(self) -> str:
        """For the command's output (English, for the operator)."""
        return (
            f"{len(self.activities)} activities behind pace, {len(self.meetings)} meetings, "
            f"{len(self.reports)} reports due"
        )


def iso_week(today: datetime.date) -> tuple[int, int]:
    """(ISO year, ISO week) of `today`: the week a digest belongs to."""
    year, week, _ = today.isocalendar()
    return year, week


def tertials(start: datetime.date, end: datetime.date):
    """Yield (number, start, end) of the calendar tertials from `start` to `end`, clipped."""
    day = start
    while day <= end:
        number = (day.month - 1) // 4 + 1
        month_after = number * 4 + 1
        if month_after > 12:
            tertial_end = datetime.date(day.year, 12, 31)
        else:
            tertial_end = datetime.date(day.year, month_after, 1) - datetime.timedelta(days=1)
        yield number, day, min(tertial_end, end)
        day = tertial_end + datetime.timedelta(days=1)


def due_reports(
    period: PromisePeriod, published, today: datetime.date, drafts=()
) -> list[DueReport]:
    """The tertials of `period` that ended more than two weeks before `today`, and after the
    portal began to record it, that no report of `published` (with `covers_from`,
    `covers_to`) covers; each with the report of `drafts` written for it, if any (a tertial
    report of the very same span, as `reports.same_span_report` finds it)."""
    due = []
    # A promise registered while it ran: the portal recorded nothing of the tertials that
    # ended before (a December registration asked for three reports at once).
    recorded_from = period.recorded_from
    # An open-ended period's tertials run to the end of the current year.
    for number, start, end in tertials(period.start_date, period.counting_end(today)):
        if today - end <= REPORT_GRACE:
            break
        if recorded_from is not None and end < recorded_from:
            continue
        if not any(r.covers_from <= start and r.covers_to >= end for r in published):
            draft = next(
                (
                    r
                    for r in drafts
                    if r.kind == ReportKind.TERTIAL and (r.covers_from, r.covers_to) == (start, end)
                ),
                None,
            )
            due.append(DueReport(period, number, start, end, draft))
    return due


def reports_due_for(user, today: datetime.date) -> list[DueReport]:
    """The reports due in the municipalities where `user`'s memberships let them publish
    reports: the digest's part, for their start page (two queries)."""
    roles = roles_that_may(PART_ACTS[REPORTS])
    municipality_ids = set(Membership.objects.municipality_ids(user, roles))
    if not municipality_ids:
        return []
    return [
        due
        for period in _report_periods(municipality_ids, today)
        for due in due_reports(period, period.published_reports, today, period.draft_reports)
    ]


def _recipients():
    """Staff who want e-mail and hold a role that gets some part of the digest."""
    roles = set().union(*(roles_that_may(act) for act in PART_ACTS.values()))
    staff = get_user_model().objects.filter(
        pk__in=Membership.objects.filter(role__in=roles).values("user_id")
    )
    return NotificationPreference.mailable(staff).order_by("pk")


def build_digests(today: datetime.date) -> list[Digest]:
    """Every recipient's digest for the week of `today`, empty ones included.

    Seven queries whatever the number of users: recipients, their memberships, activities and
    their span sums, meetings, periods and their published reports.
    """
    users = list(_recipients())
    scopes = Membership.objects.municipality_ids_by_user([user.pk for user in users])
    part_roles = {part: roles_that_may(act) for part, act in PART_ACTS.items()}

    def ids(user, part: str) -> set[int]:
        by_role = scopes.get(user.pk, {})
        return set().union(*(by_role.get(role, set()) for role in part_roles[part]))

    wanted = {part: set().union(*(ids(user, part) for user in users)) for part in PART_ACTS}

    behind: dict[int, list[tuple[Activity, Progress]]] = {}
    if wanted[ACTIVITIES]:
        for activity in _activities(wanted[ACTIVITIES], today):
            progress = activity.progress(today)
            if behind_pace(progress):
                behind.setdefault(activity.period.municipality_id, []).append((activity, progress))

    meetings: dict[int, list[FollowUpMeeting]] = {}
    if wanted[MEETINGS]:
        for meeting in _meetings(wanted[MEETINGS], today):
            meetings.setdefault(meeting.period.municipality_id, []).append(meeting)

    reports: dict[int, list[DueReport]] = {}
    if wanted[REPORTS]:
        for period in _report_periods(wanted[REPORTS], today):
            due = due_reports(period, period.published_reports, today, period.draft_reports)
            reports.setdefault(period.municipality_id, []).extend(due)

    digests = []
    for user in users:
        digest = Digest(user)
        digest.activities = _pick(behind, ids(user, ACTIVITIES))
        meetings_in_scope = _pick(meetings, ids(user, MEETINGS))
        digest.meetings = sorted(meetings_in_scope, key=lambda m: (m.date, m.time or NO_TIME))
        digest.reports = _pick(reports, ids(user, REPORTS))
        digests.append(digest)
    return digests


def _pick(by_municipality: dict[int, list], in_scope: set[int]) -> list:
    """The items of the municipalities in scope, in the order they were fetched."""
    return [item for mid, items in by_municipality.items() if mid in in_scope for item in items]


def _activities(municipality_ids: set[int], today: datetime.date):
    """Activities with a target of the periods in force on `today`, progress data included."""
    return (
        Activity.objects.filter(
            active_q(today, prefix="period__"),
            period__municipality_id__in=sorted(municipality_ids),
            target_value__isnull=False,
        )
        .with_progress_data()
        .select_related("period__municipality")
        .only(
            *PROGRESS_FIELDS,
            *(f"period__{name}" for name in PERIOD_PROGRESS_FIELDS),
            "title",
            "position",
            "period__area_name",
            "period__municipality__name",
        )
        .order_by("period__municipality__name", "period__start_date", "period_id", "position")
    )


def _meetings(municipality_ids: set[int], today: datetime.date):
    """Planned meetings from `today` through the six days after."""
    last = today + datetime.timedelta(days=COMING_DAYS - 1)
    return (
        FollowUpMeeting.objects.filter(
            status=MeetingStatus.PLANNED,
            date__range=(today, last),
            period__municipality_id__in=sorted(municipality_ids),
        )
        .select_related("period__municipality")
        .only(
            "kind",
            "date",
            "time",
            "forum",
            "period__start_date",
            "period__end_date",
            "period__area_name",
            "period__municipality__name",
        )
        .order_by("date", "time", "period__municipality__name", "pk")
    )


def _report_periods(municipality_ids: set[int], today: datetime.date) -> list[PromisePeriod]:
    """Signed and extended periods with a tertial that may be due, with `published_reports`
    and `draft_reports` (of one query)."""
    periods = list(
        PromisePeriod.objects.filter(
            state__in=IN_FORCE_STATES,
            municipality_id__in=sorted(municipality_ids),
            start_date__lt=today - REPORT_GRACE,
        )
        .select_related("municipality")
        .only(*PERIOD_PROGRESS_FIELDS, "area_name", "municipality__name")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.only(
                    "period", "kind", "covers_from", "covers_to", "published_on", "title"
                ).order_by("pk"),
                to_attr="kept_reports",
            )
        )
        .order_by("municipality__name", "start_date", "pk")
    )
    for period in periods:
        period.published_reports = [r for r in period.kept_reports if not r.is_draft]
        period.draft_reports = [r for r in period.kept_reports if r.is_draft]
    return periods


def period_name(period: PromisePeriod) -> str:
    return f"{period.place_name} {period.period_label}"


def _groups(items, key):
    """[(period name, [items])] in the items' order, one group per period."""
    groups: dict[int, tuple[str, list]] = {}
    for item in items:
        period = key(item)
        groups.setdefault(period.pk, (period_name(period), []))[1].append(item)
    return list(groups.values())


def render(digest: Digest, today: datetime.date) -> EmailMessage:
    """The digest as one e-mail to its user, in the site's language."""
    _, week = iso_week(today)
    with translation.override(settings.LANGUAGE_CODE):
        activities = []
        for period, items in _groups(digest.activities, lambda item: item[0].period):
            rows = []
            for activity, progress in items:
                span = headline_span(progress)
                # Rounded up: a whole number done is on pace when it reaches it ("3 av minst
                # 4; väntat hittills: 3" said behind with 3.44 expected, shown as 3).
                current = span is not None and span.is_current
                expected = math.ceil(span.expected) if current else None
                rows.append(
                    {
                        "title": activity.title,
                        "status": pace_label(progress.status),
                        "words": progress_words(progress),
                        "expected": expected,
                        "url": site_url(reverse("activities:staff_activity", args=[activity.pk])),
                    }
                )
            activities.append((period, rows))
        meetings = [
            {
                "meeting": meeting,
                "period": period_name(meeting.period),
                "url": site_url(reverse("followups:meeting_detail", args=[meeting.pk])),
            }
            for meeting in digest.meetings
        ]
        reports = [
            {
                "report": report,
                "dates": date_span(report.start, report.end),
                "period": period_name(report.period),
                # Where the work is: the draft written for the tertial, if any, as on the start
                # page; else the period's page.
                "url": site_url(
                    reverse("followups:report_detail", args=[report.draft.pk])
                    if report.draft
                    else reverse("promises:staff_period", args=[report.period.pk])
                ),
            }
            for report in digest.reports
        ]
        context = {
            "week": week,
            "activities": activities,
            "activity_count": len(digest.activities),
            "meetings": meetings,
            "meeting_dates": date_span(today, today + datetime.timedelta(days=COMING_DAYS - 1)),
            "reports": reports,
            "settings_url": site_url(reverse("accounts:user_settings")),
        }
        subject = gettext("Citizen promises: weekly digest for week %(week)s") % {"week": week}
        # Empty parts leave blank lines behind: at most one between paragraphs.
        body = re.sub(r"\n{3,}", "\n\n", render_to_string("followups/email/digest.txt", context))
    return EmailMessage(subject, body, to=[digest.user.email])


@dataclass
class RunResult:
    """What a run did, for the command's summary line."""

    sent: list = field(default_factory=list)
    already_sent: list = field(default_factory=list)
    nothing: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def send_digests(today: datetime.date, *, dry_run: bool = False, connection=None) -> RunResult:
    """Send each user's digest for the week of `today` unless it was sent (or is being sent)
    already; with `dry_run`, only say who would get what."""
    year, week = iso_week(today)
    result = RunResult()
    digests = build_digests(today)
    done = set(
        ReminderDigest.objects.filter(iso_year=year, iso_week=week).values_list(
            "user_id", flat=True
        )
    )
    to_send = []
    for digest in digests:
        if not digest:
            result.nothing.append(digest)
        elif digest.user.pk in done:
            result.already_sent.append(digest)
        elif dry_run:
            result.sent.append(digest)
        else:
            to_send.append(digest)
    if not to_send:
        return result
    # One connection (one SMTP session) for the run, opened before anything is claimed.
    with connection or get_connection() as open_connection:
        for digest in to_send:
            if not _claim(digest.user, year, week):
                result.already_sent.append(digest)  # a concurrent run claimed it first
            elif _send(digest, today, open_connection, year, week):
                result.sent.append(digest)
            else:
                result.failed.append(digest)
    return result


def _claim(user, year: int, week: int) -> bool:
    """Record the week's digest of `user` as sent, committed; False if it already was."""
    try:
        with transaction.atomic():
            ReminderDigest.objects.create(user=user, iso_year=year, iso_week=week)
    except IntegrityError:
        return False
    return True


def _send(digest: Digest, today: datetime.date, connection, year: int, week: int) -> bool:
    """Send the digest; on failure release the claim, so that the next run tries again."""
    try:
        message = render(digest, today)
        message.connection = connection
        message.send()
    except Exception:
        logger.exception("reminder digest not sent", extra={"user": digest.user.pk})
        ReminderDigest.objects.filter(user=digest.user, iso_year=year, iso_week=week).delete()
        return False
    logger.info("reminder digest sent", extra={"user": digest.user.pk, "week": week})
    return True
