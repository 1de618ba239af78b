"""The staff start page (/personal/): what waits for the user, their activities by pace (those
behind first), their periods' overview, the latest logs and the coming meetings.

As every staff view: signed in with both factors (`staff_required`), what is shown read through
the user's scope."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from access import policy
from access.staff import staff_required
from activities.models import Activity, ActivityLog
from activities.progress import PaceStatus
from activities.wording import (
    counted_statuses,
    overview_words,
)
from followups import reminders
from followups.models import FollowUpMeeting
from municipalities.models import Membership, Municipality
from municipalities.roles import Act
from municipalities.search import swedish_sort_key
from promises.fields import date_span
from promises.lifecycle import Action
from promises.models import PromisePeriod, WaitingFor

# The start page puts what needs attention first; activities without a target come last.
PACE_ORDER = (
    PaceStatus.BEHIND,
    PaceStatus.NOT_ACHIEVED,
    PaceStatus.NOT_STARTED,
    PaceStatus.ON_TRACK,
    PaceStatus.DONE,
    PaceStatus.ACHIEVED,
)
# The statuses that mark a period's line on the overview as needing attention. "Ej påbörjad" is
# not among them: nothing was due yet (`activities.progress`), and a weekly or monthly target is
# so at the start of every week or month, when an area's chief looks.
ATTENTION = (PaceStatus.BEHIND, PaceStatus.NOT_ACHIEVED)
RECENT_LOGS = 10
# The start page's lists stop here (administrators see every municipality).
HOME_ACTIVITIES = 40
HOME_PERIODS = 40
HOME_WAITING = 40
HOME_MEETINGS = 5


def _pace_rank(status: str | None) -> int:
    if status in PACE_ORDER:
        return PACE_ORDER.index(status)
    return len(PACE_ORDER)


@dataclass(frozen=True)
class PeriodLine:
    """A period in force on the start page's overview: how its activities stand, in words."""

    period: PromisePeriod
    words: str
    behind: bool


def _period_overview(activities: list[Activity], statuses: dict[int, str | None]) -> list:
    """Each period of `activities` (in their order: by municipality), with its activities
    counted by status as a report's summary counts them ("2 efter plan, 5 i fas"), and those
    without a target."""
    by_period: dict[int, list[Activity]] = {}
    for activity in activities:
        by_period.setdefault(activity.period_id, []).append(activity)
    lines = []
    for listed in by_period.values():
        counted = counted_statuses(listed, statuses)
        behind = any(counted.get(status) for status in ATTENTION)
        lines.append(PeriodLine(listed[0].period, overview_words(counted), behind))
    return lines


def _without_promise_in_force(user, today: datetime.date, overview: list) -> str:
    """The names ("Aneby, Eksjö och Nässjö") of the user's municipalities (those of their
    memberships, not an administrator's whole country) where no citizen promise is in force
    today, in Swedish order. One query, and none when the overview's periods (in force, with
    activities) cover them all."""
    if user.is_superuser:
        return ""
    covered = {line.period.municipality_id for line in overview}
    ids = set(Membership.objects.municipality_ids(user)) - covered
    if not ids:
        return ""
    in_force = PromisePeriod.objects.active(today).values("municipality_id")
    names = Municipality.objects.filter(pk__in=ids).exclude(pk__in=in_force)
    ordered = sorted(names.values_list("name", flat=True), key=swedish_sort_key)
    return get_text_list(ordered, _("and"))


@staff_required
@require_safe
def staff_home(request: HttpRequest) -> HttpResponse:
    """Start page: what waits for the user, activities in force behind pace first, recent logs,
    the user's periods."""
    if not policy.may(request.user, Act.VIEW_STAFF):
        # Where sign-in lands: a new account without a role learns what to do next.
        return render(request, "activities/staff_home.html", {"no_role": True})
    user = request.user
    today = timezone.localdate()
    # What waits for the user first: approvers' and coordinators' lifecycle steps.
    has_queue = policy.may(user, Action.APPROVE) or policy.may(user, Action.DECIDE)
    waiting = list(PromisePeriod.objects.waiting_for(user)[:HOME_WAITING]) if has_queue else []
    # Ranked by status alone (an administrator's list holds every activity in force in the
    # country); the progress of each span only for the ones shown.
    activities = list(Activity.objects.for_staff_home(user, today))
    statuses = {activity.pk: activity.progress_status(today) for activity in activities}
    overview = _period_overview(activities, statuses)
    activities.sort(key=lambda activity: _pace_rank(statuses[activity.pk]))
    rows = [(activity, activity.progress(today)) for activity in activities[:HOME_ACTIVITIES]]
    # Tertials without a published report, as the weekly digest lists them (its rule).
    due = reminders.reports_due_for(user, today) if policy.may(user, Act.PUBLISH_REPORTS) else []
    periods = PromisePeriod.objects.for_staff_home(user)
    # "Logga aktivitet" only where something can be logged (a new coordinator's first page
    # led to "there is no activity you can log"); one query only when none in force can be.
    can_log = any(activity.can_log for activity in activities) or (
        policy.may(user, Act.LOG)
        and Activity.objects.loggable_by(user).open_for_logs().started(today).exists()
    )
    context = {
        "can_log": can_log,
        "has_queue": has_queue or bool(due),
        "waiting": [(period, WaitingFor(period.waiting).label) for period in waiting],
        "waiting_count": waiting[0].waiting_total if waiting else 0,
        "reports_due": [
            {
                "report": report,
                "dates": date_span(report.start, report.end),
                "query": urlencode({"typ": "tertial", "fran": report.start, "till": report.end}),
            }
            for report in due[:HOME_WAITING]
        ],
        "reports_due_count": len(due),
        # An administrator sees the whole country: the list shows the first ones, with a count.
        "periods": list(periods[:HOME_PERIODS]),
        "period_count": periods.count(),
        "activities": rows,
        "activity_count": len(activities),
        # With activities in several periods (an officer of three municipalities, an area's
        # chief), one line each first: how their activities stand.
        # Also for one period: its line answers "how far behind?" before the list (a tester).
        "overview": overview[:HOME_PERIODS],
        "overview_count": len(overview),
        # An area's chief saw only the municipalities with a promise in force, and could not
        # tell that the area's others had none.
        "without_promise": _without_promise_in_force(user, today, overview),
        "recent_logs": list(ActivityLog.objects.for_staff_home(user)[:RECENT_LOGS]),
        "coming_meetings": list(FollowUpMeeting.objects.coming_for(user, today)[:HOME_MEETINGS]),
        # What was decided lately, a click from each record (a coordinator taking over).
        "held_meetings": list(FollowUpMeeting.objects.held_for(user)[:HOME_MEETINGS]),
        "today": today,
    }
    return render(request, "activities/staff_home.html", context)
