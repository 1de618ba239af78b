"""Staff pages: logging, editing, withdrawing and restoring logs, the log list, an activity's staff
page and its status. (The start page is `activities.staff_home`.)

Every view lets through only users signed in with both factors (`staff_required`), then asks
the access policy (`access.policy`): a role that never does the act is refused (403), objects
are fetched through the user's scope (404 outside it), and acting on an activity the user sees
but does not log is refused (403). A new log's activity is a choice among those the user logs,
so another one is a form error instead. Read-only pages answer POST with 405.
"""

import datetime
import uuid
from types import SimpleNamespace
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from access import policy
from access.staff import staff_required
from activities import services
from activities.forms import LogEditForm, LogForm, LogListForm, StatusForm, WithdrawForm
from activities.history import person_name
from activities.models import Activity, ActivityLog
from activities.progress import PaceStatus
from activities.wording import (
    days_chosen,
    pace_label,
    progress_summary,
    quantity_words,
    with_status,
)
from followups.models import Report
from municipalities.models import Municipality
from municipalities.roles import Act
from municipalities.search import swedish_sort_key
from promises import lifecycle
from promises.editing import EditConflict
from promises.editing_forms import rebind_after_conflict
from promises.filters import paginate
from promises.lifecycle import Action, revisable
from promises.models import in_scope_q

LOG_FIELDS = ("date", "quantity", "place", "summary", "internal_note")
# An activity cancelled, or a period closed, between the log form's check and its save.
CLOSED_FOR_LOGS = gettext_lazy(
    "The activity takes no more logs: it has been cancelled, or its citizen promise is no "
    "longer in force. Nothing was saved."
)


def _preselected(activities, raw: str | None) -> dict[str, Activity]:
    """Initial data choosing the activity `raw` names (?aktivitet=<id>) if it is in `activities`."""
    try:
        pk = int(raw or "")
    except ValueError:
        return {}
    chosen = activities.filter(pk=pk).first()
    return {"activity": chosen} if chosen is not None else {}


def _day_given(raw: str | None, today: datetime.date) -> datetime.date | None:
    """The day `raw` names (?datum=YYYY-MM-DD) for a new log's form, if it is not after today."""
    try:
        day = datetime.date.fromisoformat(raw or "")
    except ValueError:
        return None
    return day if day <= today else None


def _log_words(log: ActivityLog, activity: Activity) -> dict[str, object]:
    period = activity.period
    return {
        # With its place: the same title is often in several municipalities' promises.
        "activity": f"{activity.title} ({period.place_name} {period.period_label})",
        # "1 fotpatrull", as the pages write a log's quantity ("antal 1" read as a form).
        "quantity": quantity_words(activity.target, log.quantity),
        "date": date_format(log.date, "j F Y"),
    }


def _saved_message(log: ActivityLog, created: bool, today: datetime.date) -> str:
    activity = log.activity
    if created:  # the form's activity, loaded with its period: only its sums are read anew
        Activity.objects.attach_span_sums([activity])
    else:  # the first log of this key, saved earlier
        activity = (
            Activity.objects.with_progress_data()
            .select_related("period__municipality")
            .get(pk=log.activity_id)
        )
    progress = activity.progress(today)
    # With its status, as the pages and the meeting form word it: "3 av minst 2
    # trafikkontroller (klar)" ("3 av minst 2" alone left the officer to judge it).
    target, figures = progress.target, progress_summary(progress)
    exceeded = (
        target is not None and target.is_ceiling and progress.status == PaceStatus.NOT_ACHIEVED
    )
    if target is not None and not exceeded:  # an exceeded most is said after
        figures = with_status(figures, pace_label(progress.status))
    values = {**_log_words(log, activity), "progress": figures}
    if created:
        text = _("Saved: %(activity)s, %(quantity)s on %(date)s. Progress now: %(progress)s.")
    else:
        text = _(
            "This log was already saved: %(activity)s, %(quantity)s on %(date)s. "
            "Nothing was added. Progress: %(progress)s."
        )
    message = text % values
    if exceeded:
        # A most exceeded cannot be undone: said at once, not only by the public status.
        message += " " + _("That is more than the target's most: it is not achieved.")
    return message


def _warn_if_reported(
    request: HttpRequest, log: ActivityLog, days, period_id: int | None = None
) -> None:
    """Say so when a log saved, changed or withdrawn is dated in a span a published report
    of its period (or of `period_id`, the one it moved from) covers: the period page's figures
    change, the report's do not (its coordinator may publish a corrected version, which shows
    what counting anew changes)."""
    report = (
        Report.objects.covering(period_id or log.activity.period_id, set(days))
        .select_related("period")
        .first()
    )
    # Said to those who can correct the report; an officer could do nothing about it.
    if report is None or not policy.may(request.user, Act.PUBLISH_REPORTS, report.period):
        return
    day = min(day for day in days if report.covers_from <= day <= report.covers_to)
    text = _(
        "%(date)s is in a report already published: %(title)s (published %(published)s). "
        "The report keeps its figures; you can publish a corrected version."
    ) % {
        "date": date_format(day, "j F Y"),
        "title": report.title,
        "published": date_format(report.published_on, "j F Y"),
    }
    url = reverse("followups:report_correct", args=[report.pk])
    messages.warning(
        request, format_html('{} <a href="{}">{}</a>', text, url, _("Correct the report"))
    )


@staff_required
def log_create(request: HttpRequest) -> HttpResponse:
    """Log a completed activity; a repeated submission with the same key saves once."""
    user = request.user
    policy.require(user, Act.LOG)
    today = timezone.localdate()
    activities = Activity.objects.loggable_by(user).open_for_logs().started(today).for_log_form()
    repeat = twin = None
    if request.method == "POST":
        form = LogForm(request.POST, activities=activities, today=today)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in LOG_FIELDS}
            activity = form.cleaned_data["activity"]
            # The same log saved again minutes later, or a joint activity another user logged
            # for the same day, is asked about first ("same_again" answers).
            if request.POST.get("same_again") != "1":
                repeat = ActivityLog.objects.repeat_of(
                    user=user,
                    activity=activity,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                    fields=fields,
                )
                if repeat is None:
                    twin = ActivityLog.objects.joint_twin_of(
                        user=user, activity=activity, date=fields["date"]
                    )
            if repeat is None and twin is None and (saved := _record(request, form, fields, today)):
                return saved
    else:
        initial = _preselected(activities, request.GET.get("aktivitet"))
        day = _day_given(request.GET.get("datum"), today)
        if day is not None:
            initial["date"] = day
        form = LogForm(activities=activities, today=today, initial=initial)
    context = {"form": form, "can_log_any": activities.exists(), "repeat": repeat, "twin": twin}
    if repeat is not None:
        context["repeat_words"] = {
            **_log_words(repeat, repeat.activity),
            "time": date_format(timezone.localtime(repeat.created_at), "H:i"),
        }
    if twin is not None:
        context["twin_words"] = {
            **_log_words(twin, twin.activity),
            "author": person_name(twin.reported_by),
            "place": twin.place,
        }
    return render(request, "activities/log_create.html", context)


def _record(
    request: HttpRequest, form: LogForm, fields: dict, today: datetime.date
) -> HttpResponse | None:
    """Save the valid log form once per key and go to its activity; None when the key is
    somebody else's (the form then has the error and a fresh key)."""
    try:
        log, created = services.record_log(
            activity=form.cleaned_data["activity"],
            user=request.user,
            idempotency_key=form.cleaned_data["idempotency_key"],
            **fields,
        )
    except services.IdempotencyConflict:
        form.add_error(None, _("This form could not be saved. Check it and save again."))
        # A fresh key, so that saving again is not refused the same way.
        form.data = form.data.copy()
        form.data["idempotency_key"] = str(uuid.uuid4())
        return None
    except services.ClosedForLogs:
        # Cancelled (or its period closed) since the form was checked: said at the activity.
        form.add_error("activity", CLOSED_FOR_LOGS)
        return None
    add = messages.success if created else messages.info
    # A wrong number is corrected from here at once (on a phone, the start page's list of
    # logs was three screens down).
    change = reverse("activities:log_edit", args=[log.pk])
    text = _saved_message(log, created, today)
    # A shift is logged after it, several activities of one day in a row: the next form has
    # the day already (a kommunpolis changed the date back from today three times).
    another = f"{reverse('activities:log_create')}?{urlencode({'datum': log.date.isoformat()})}"
    add(
        request,
        format_html(
            '{} <a href="{}">{}</a> · <a href="{}">{}</a>',
            text,
            change,
            _("Change the log"),
            another,
            _("Log another activity of the same day"),
        ),
    )
    if created:
        _warn_if_reported(request, log, [log.date])
    return redirect("activities:staff_activity", pk=log.activity_id)


def _log_for_change(request: HttpRequest, pk: int) -> ActivityLog:
    """A log the user sees (404 otherwise) and may change (403 otherwise).

    Their own, or any in the municipality for its coordinator; not a colleague's.
    """
    policy.require(request.user, Act.CHANGE_LOG)
    log = get_object_or_404(ActivityLog.objects.for_staff_log(request.user), pk=pk)
    policy.require(request.user, Act.CHANGE_LOG, log)
    return log


@staff_required
def log_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a log's fields (the history keeps the earlier version); withdrawn logs stay as is."""
    log = _log_for_change(request, pk)
    if log.is_withdrawn:
        if request.method == "POST":
            messages.error(request, _("A withdrawn log cannot be changed."))
            return redirect("activities:staff_activity", pk=log.activity_id)
        return render(request, "activities/log_edit.html", {"log": log, "form": None})
    today = timezone.localdate()
    dated, period_before = log.date, log.activity.period_id  # before the form writes the new
    activity_before = log.activity
    activities = _move_choices(request.user, log, today)
    if request.method == "POST":
        form = LogEditForm(request.POST, instance=log, today=today, activities=activities)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in LOG_FIELDS}
            if form.cleaned_data.get("activity"):
                fields["activity"] = form.cleaned_data["activity"]
            try:
                changed = services.update_log(
                    log,
                    request.user,
                    expected_version=form.cleaned_data["edit_version"],
                    reason=form.cleaned_data["reason"],
                    **fields,
                )
            except services.LogWithdrawn:
                messages.error(request, _("A withdrawn log cannot be changed."))
            except services.ClosedForLogs:
                log.refresh_from_db()  # as saved: the form's values stay in the form
                form.add_error("activity", CLOSED_FOR_LOGS)
                return render(request, "activities/log_edit.html", {"log": log, "form": form})
            except EditConflict as conflict:
                # Somebody changed it meanwhile: their version is shown beside the typed one.
                form = rebind_after_conflict(
                    LogEditForm, request.POST, conflict.current, today=today, activities=activities
                )
                return render(request, "activities/log_edit.html", {"log": log, "form": form})
            else:
                if not changed:
                    # Saved as it stood, or sent again after its save when the answer was lost.
                    text = _("Nothing needed changing: the log was already saved so.")
                    if form.cleaned_data["reason"]:
                        # A reason is kept with a change alone: the one typed was not saved, and
                        # the officer who gave it believed it was.
                        text = _(
                            "Nothing needed changing: the log was already saved so. The reason "
                            "was not saved, as nothing was changed."
                        )
                    messages.info(request, text)
                    return redirect("activities:staff_activity", pk=log.activity_id)
                words = _log_words(log, log.activity)
                if log.activity_id != activity_before.pk:
                    # "Loggen är ändrad: Narkotikainsatser" left the officer who corrected the
                    # activity wondering whether the wrong one still counted it.
                    words["before"] = _log_words(log, activity_before)["activity"]
                    text = _(
                        "Moved: the log now counts toward %(activity)s instead of %(before)s, "
                        "%(quantity)s on %(date)s."
                    )
                else:
                    text = _("Changed: %(activity)s, %(quantity)s on %(date)s.")
                messages.success(request, text % words)
                if log.activity.period_id != period_before:
                    # Moved: the day it left in the period it left, the day it has in its new one.
                    _warn_if_reported(request, log, [dated], period_id=period_before)
                    _warn_if_reported(request, log, [log.date])
                else:
                    _warn_if_reported(request, log, [dated, log.date])
            return redirect("activities:staff_activity", pk=log.activity_id)
    else:
        form = LogEditForm(instance=log, today=today, activities=activities)
    return render(request, "activities/log_edit.html", {"log": log, "form": form})


def _move_choices(user, log: ActivityLog, today: datetime.date):
    """The activities a log may be moved to: those the user logs (as a new log's), and for a
    colleague's log those its author logs too; and its own (a cancelled one's logs are still
    corrected); none for a log a held meeting made, which follows the meeting's record."""
    if log.meeting_id is not None:
        return None
    loggable = Activity.objects.loggable_by(user).open_for_logs().started(today)
    if log.reported_by is not None and log.reported_by_id != user.pk:
        # A colleague's log (a coordinator's correction): only where its author logs too, so it
        # stays theirs to see and change (a security probe moved one out of their reach).
        loggable = loggable.filter(pk__in=Activity.objects.loggable_by(log.reported_by))
    return Activity.objects.filter(
        Q(pk__in=loggable.values("pk")) | Q(pk=log.activity_id)
    ).for_log_form()


@staff_required
def log_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a log with a reason: it stays, marked, and stops counting."""
    log = _log_for_change(request, pk)
    if log.is_withdrawn:
        if request.method == "POST":
            messages.info(request, _("This log was already withdrawn."))
            return redirect("activities:staff_activity", pk=log.activity_id)
        return render(request, "activities/log_withdraw.html", {"log": log, "form": None})
    if request.method == "POST":
        form = WithdrawForm(request.POST)
        if form.is_valid():
            if services.withdraw_log(log, request.user, form.cleaned_data["reason"]):
                messages.success(
                    request,
                    _("Withdrawn: %(activity)s, %(quantity)s on %(date)s. It no longer counts.")
                    % _log_words(log, log.activity),
                )
                _warn_if_reported(request, log, [log.date])
            else:
                messages.info(request, _("This log was already withdrawn."))
            return redirect("activities:staff_activity", pk=log.activity_id)
    else:
        form = WithdrawForm()
    return render(request, "activities/log_withdraw.html", {"log": log, "form": form})


# A log a held meeting made is restored or withdrawn with the meeting's record.
MEETING_LOG = gettext_lazy(
    "This log counts a follow-up meeting: it follows the meeting's record, and is not restored "
    "on its own."
)


@staff_required
@require_http_methods(["GET", "POST"])
def log_restore(request: HttpRequest, pk: int) -> HttpResponse:
    """Restore a withdrawn log (withdrawn by mistake): it counts again."""
    log = _log_for_change(request, pk)
    if request.method == "POST":
        try:
            restored = services.restore_log(log, request.user)
        except services.LogOfMeeting:
            messages.error(request, MEETING_LOG)
        else:
            if restored:
                messages.success(
                    request,
                    _("Restored: %(activity)s, %(quantity)s on %(date)s. It counts again.")
                    % _log_words(log, log.activity),
                )
            else:
                messages.info(request, _("This log is not withdrawn: it counts."))
        return redirect("activities:staff_activity", pk=log.activity_id)
    return render(request, "activities/log_restore.html", {"log": log, "meeting_log": MEETING_LOG})


@staff_required
@require_safe
def staff_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """One activity for staff: progress, and every log with internal notes and withdrawals."""
    user = request.user
    policy.require(user, Act.VIEW_STAFF)
    activity = get_object_or_404(Activity.objects.for_staff_activity(user), pk=pk)
    today = timezone.localdate()
    period = activity.period
    context = {
        "activity": activity,
        "progress": activity.progress(today),
        # Before it is signed nothing is logged: as on the period's page, a draft's "0 av minst
        # 15 … ej påbörjad" and its empty list of logs read as a result (an approver).
        "shows_progress": period.is_published,
        # An approver in consultation comments from here on the activity (they looked for it
        # here and found no way); the comment is kept beside the promise it serves.
        "can_comment": Action.COMMENT in lifecycle.available_actions(period, user),
        **_log_page(request, ActivityLog.objects.for_activity(activity, user)),
        "promises": list(activity.promises.all()),
        "can_log": policy.may(user, Act.LOG, activity),
        # Each log says whether the user may change it (`log.can_log`, see `editable_by`).
        "can_change_logs": policy.may(user, Act.CHANGE_LOG),
        "can_update_status": policy.may(user, Act.UPDATE_STATUS, activity),
        # An activity with a target has no status: a signed promise's target is changed, or
        # the activity cancelled, by a revision (the page says how, and who may).
        "cancelled_by_revision": activity.target is not None and revisable(activity.period),
        "can_revise": policy.may(user, Act.EDIT, activity),
        "today": today,
    }
    return render(request, "activities/staff_activity.html", context)


# The list of logs opens on the last seven days, today included.
LOG_LIST_DAYS = 7


@staff_required
@require_safe
def log_list(request: HttpRequest) -> HttpResponse:
    """Every log the user sees, by the day it was done, filtered by the days, the municipality
    and who logged it (an area's chief asked on Monday what his officers did last week; the
    start page lists the latest ten). Withdrawn logs are listed, marked."""
    user = request.user
    policy.require(user, Act.VIEW_STAFF)
    today = timezone.localdate()
    data = request.GET.copy()
    data.setdefault("fran", (today - datetime.timedelta(days=LOG_LIST_DAYS - 1)).isoformat())
    data.setdefault("till", today.isoformat())
    places = Municipality.objects.filter(in_scope_q(user, field="id")).values_list("slug", "name")
    municipalities = sorted(places, key=lambda row: swedish_sort_key(row[1]))
    logs = ActivityLog.objects.for_log_list(user)
    # The days and the place first: who logged in them is what the last choice offers.
    placed = LogListForm(data, municipalities=municipalities, reporters=[])
    placed.is_valid()
    logs = _filtered_logs(logs, placed.cleaned_data)
    reporters = [(reporter.pk, person_name(reporter)) for reporter in logs.reporters()]
    form = LogListForm(
        data,
        municipalities=municipalities,
        reporters=sorted(reporters, key=lambda row: swedish_sort_key(row[1])),
    )
    form.is_valid()
    if reporter := form.cleaned_data.get("av"):
        logs = logs.filter(reported_by_id=reporter)
    from_day, to_day = form.cleaned_data.get("fran"), form.cleaned_data.get("till")
    context = {
        "filter": SimpleNamespace(form=form),
        # "1–7 dec 2026", as the other pages write a span (was "1 dec 2026 – 7 dec 2026"); one
        # end alone when the other was left out (a last day before the first one).
        "done_dates": days_chosen(from_day, to_day),
        **_log_page(request, logs),
    }
    return render(request, "activities/log_list.html", context)


def _filtered_logs(logs, cleaned: dict):
    """`logs` narrowed to the valid filters of the list's days and municipality."""
    if start := cleaned.get("fran"):
        logs = logs.filter(date__gte=start)
    if end := cleaned.get("till"):
        logs = logs.filter(date__lte=end)
    if place := cleaned.get("kommun"):
        logs = logs.filter(activity__period__municipality__slug=place)
    return logs


def _log_page(request: HttpRequest, logs) -> dict:
    """One page of logs (`page_obj`, `logs`) and the query string its page links keep."""
    page, query = paginate(request, logs)
    return {"page_obj": page, "query": query, "logs": list(page)}


@staff_required
def activity_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the status of an activity without a numeric target: planned, ongoing, done, cancelled."""
    policy.require(request.user, Act.UPDATE_STATUS)
    activity = get_object_or_404(Activity.objects.for_staff_status(request.user), pk=pk)
    policy.require(request.user, Act.UPDATE_STATUS, activity)
    if request.method == "POST":
        form = StatusForm(request.POST, instance=activity)
        if form.is_valid():
            services.set_activity_status(
                activity,
                request.user,
                form.cleaned_data["status"],
                form.cleaned_data["status_reason"],
            )
            messages.success(
                request,
                _("Status of %(activity)s: %(status)s.")
                % {"activity": activity.title, "status": activity.get_status_display()},
            )
            return redirect("activities:staff_activity", pk=activity.pk)
    else:
        form = StatusForm(instance=activity)
    return render(request, "activities/activity_status.html", {"activity": activity, "form": form})
