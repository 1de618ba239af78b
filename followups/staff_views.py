"""Staff pages of the follow-up: a period's meetings, planned and held; record, cancel, withdraw.

Everyone with a role in the municipality reads them (`view_staff`); coordinators and
kommunpoliser plan and record them (`manage_followups`) once the period is signed, as the
state machine says (`lifecycle.followed_up`). Each view: scope and fetch (404 outside), ask the
policy (403), validate, act, message, redirect.
"""

import datetime
import logging

from django.contrib import messages
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from access import policy
from access.staff import staff_required
from activities.models import Activity, ActivityLog
from activities.progress import behind_pace
from activities.wording import with_status
from followups import archive, frozen, services
from followups.forms import (
    AssessmentForm,
    CorrectMeetingForm,
    HeldMeetingForm,
    PlanMeetingForm,
    ReasonForm,
    RecordMeetingForm,
    VerdictForm,
)
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingKind,
    MeetingStatus,
)
from municipalities.roles import Act
from promises.editing import EditConflict, Repeated
from promises.editing_forms import SENT_TWICE, all_valid, rebind_after_conflict
from promises.models import PromisePeriod

logger = logging.getLogger(__name__)
KIND_LABELS = dict(MeetingKind.choices)


def _period(request: HttpRequest, pk: int, act: str) -> PromisePeriod:
    """A period the user sees (404 otherwise) on which they may `act` (403)."""
    policy.require(request.user, act)
    periods = PromisePeriod.objects.visible_to(request.user).with_place()
    period = get_object_or_404(periods, pk=pk)
    policy.require(request.user, act, period)
    return period


def _meetings(user) -> QuerySet[FollowUpMeeting]:
    return FollowUpMeeting.objects.filter(
        period__in=PromisePeriod.objects.visible_to(user)
    ).select_related("period__municipality", "period__local_police_area")


def _meeting(request: HttpRequest, pk: int, act: str) -> FollowUpMeeting:
    """A meeting of a period the user sees (404 otherwise) on which they may `act` (403)."""
    policy.require(request.user, act)
    meeting = get_object_or_404(_meetings(request.user), pk=pk)
    policy.require(request.user, act, meeting)
    return meeting


@staff_required
@require_safe
def meeting_list(request: HttpRequest, pk: int) -> HttpResponse:
    """A period's follow-up meetings: planned first (soonest first), then the rest, newest first."""
    period = _period(request, pk, Act.VIEW_STAFF)
    meetings = list(period.meetings.order_by("-date", "-pk"))
    planned = sorted(
        (m for m in meetings if m.status == MeetingStatus.PLANNED), key=lambda m: m.date
    )
    context = {
        "period": period,
        "planned": planned,
        "others": [m for m in meetings if m.status != MeetingStatus.PLANNED],
        "counting": [
            (activity, ", ".join(str(KIND_LABELS[k]) for k in activity.counted_meeting_kinds))
            for activity in period.activities.order_by("position")
            if activity.counted_meeting_kinds
        ],
    }
    return render(request, "followups/meeting_list.html", context)


@staff_required
@require_safe
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One meeting as staff see it: its public parts, the minutes, assessments and logs."""
    policy.require(request.user, Act.VIEW_STAFF)
    meetings = _meetings(request.user).prefetch_related(
        Prefetch("assessments", queryset=Assessment.objects.select_related("promise")),
        Prefetch("verdicts", queryset=ActivityVerdict.objects.select_related("activity")),
        Prefetch("logs", queryset=ActivityLog.objects.select_related("activity")),
    )
    meeting = get_object_or_404(meetings, pk=pk)
    context = {"meeting": meeting, "period": meeting.period}
    if meeting.status == MeetingStatus.PLANNED:
        # A coordinator preparing the meeting found only its time and forum here, and had to
        # piece together from the start page what was behind.
        context["behind"], context["on_course"] = _to_prepare(meeting.period)
        context["today"] = timezone.localdate()
    return render(request, "followups/meeting_detail.html", context)


def _to_prepare(period: PromisePeriod) -> tuple[list, list]:
    """What a planned meeting goes through: the period's activities with their progress today,
    as (activity, progress), split into those behind pace (`behind_pace`, the weekly digest's
    rule) and the rest, each in the period's order. Two queries."""
    today = timezone.localdate()
    activities = (
        Activity.objects.filter(period=period).with_progress_data().order_by("position", "pk")
    )
    behind, on_course = [], []
    for activity in activities:
        progress = activity.progress(today)
        (behind if behind_pace(progress) else on_course).append((activity, progress))
    return behind, on_course


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """Plan a meeting of a period ahead: kind, date, time, forum."""
    period = _period(request, pk, Act.MANAGE_FOLLOWUPS)
    form = PlanMeetingForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.plan_meeting(period, request.user, **form.cleaned_data)
        except Repeated:
            messages.info(request, SENT_TWICE)
        else:
            # With its day: "Planerat: tertialuppföljning." left the coordinator to look it up.
            messages.success(
                request,
                _("Planned: %(meeting)s on %(date)s.")
                % {
                    "meeting": meeting.get_kind_display(),
                    "date": date_format(meeting.date, "j F Y"),
                },
            )
        return redirect("followups:meeting_list", pk=period.pk)
    return render(request, "followups/meeting_plan.html", {"period": period, "form": form})


def _figures_day(form, meeting: FollowUpMeeting | None) -> datetime.date:
    """The day the figures beside the judgements are of: the meeting's, as they are kept with
    its record (a meeting recorded days later is judged by its own day's figures, which the
    form labelled "today"); today while its day is not known or still ahead."""
    today = timezone.localdate()
    day = meeting.date if meeting is not None else None
    if form.is_bound:
        form.is_valid()  # the day given, also when another field is wrong
        day = form.cleaned_data.get("date") or day
    return min(day, today) if day else today


def _sub_forms(
    request: HttpRequest,
    period: PromisePeriod,
    meeting: FollowUpMeeting | None = None,
    as_of: datetime.date | None = None,
):
    """A form per promise and per activity; a held meeting's own judgements shown first. Each
    carries the figures to judge by (`figures`): its activities' progress on `as_of` (by
    default today), in words."""
    data = request.POST if request.method == "POST" else None
    given, said = {}, {}
    if meeting is not None and meeting.status == MeetingStatus.HELD:
        given = {
            a.promise_id: {"rating": a.rating, "comment": a.comment}
            for a in meeting.assessments.all()
        }
        said = {v.activity_id: {"text": v.text} for v in meeting.verdicts.all()}
    as_of = as_of or timezone.localdate()
    activities = list(
        Activity.objects.filter(period=period)
        .prefetch_related("promises")
        .order_by("position", "pk")
    )
    # As the record will keep them, with their status in words (a coordinator assessing the
    # promises could not see which were behind): counted from the logs dated up to that day,
    # today's too (the form showed today's in other words than it showed after an error, when
    # the meeting's day was read).
    rows = services.figure_rows_on(period, as_of)
    figures = {row.activity_id: with_status(row.progress, row.status) for row in rows}
    label = figures_label(as_of)
    assessments = []
    for promise in period.promises.order_by("position"):
        form = AssessmentForm(data, promise=promise, initial=given.get(promise.pk))
        form.figures = [
            (a.title, figures[a.pk])
            for a in activities
            if a.pk in figures and any(p.pk == promise.pk for p in a.promises.all())
        ]
        assessments.append(form)
    verdicts = []
    for activity in activities:
        form = VerdictForm(data, activity=activity, initial=said.get(activity.pk))
        # Under its activity's name, before the box: below it, it read as the next one's.
        # Help texts are written as HTML (as Django's are): the figures' words (an activity's
        # unit among them) escaped here, not trusted to the input checks alone.
        if activity.pk in figures:
            form.fields["text"].help_text = conditional_escape(f"{label}: {figures[activity.pk]}")
        verdicts.append(form)
    return assessments, verdicts


def figures_label(as_of: datetime.date) -> str:
    """The label of the figures: "Läget i dag", or "Läget den 3 december 2026" before today."""
    if as_of == timezone.localdate():
        return str(_("Progress today"))
    return _("Progress on %(date)s") % {"date": date_format(as_of, "j F Y")}


def _judgements(assessments, verdicts) -> dict:
    """What the valid forms per promise and per activity say, as the services take it."""
    return {
        "assessments": [services.AssessmentData(f.promise, **f.cleaned_data) for f in assessments],
        "verdicts": [services.VerdictData(f.activity, **f.cleaned_data) for f in verdicts],
    }


def _error_entries(assessments, verdicts) -> list[tuple[str, str]]:
    """The error summary's lines for the forms per promise and per activity."""
    # Radio buttons have no single label target: the first button is the anchor.
    entries = [
        (field.id_for_label or f"{field.auto_id}_0", f"{sub.promise.title}, {field.label}: {error}")
        for sub in assessments
        for field in sub
        for error in field.errors
    ]
    # A verdict's label is its activity's title.
    entries += [
        (field.id_for_label, f"{field.label}: {error}")
        for sub in verdicts
        for field in sub
        for error in field.errors
    ]
    return entries


def _record(
    request: HttpRequest, period: PromisePeriod, meeting: FollowUpMeeting | None
) -> HttpResponse:
    instance = meeting or FollowUpMeeting(period=period)
    form = RecordMeetingForm(request.POST or None, instance=instance, period=period)
    as_of = _figures_day(form, meeting)
    assessments, verdicts = _sub_forms(request, period, as_of=as_of)
    if request.method == "POST" and all_valid(form, *assessments, *verdicts):
        fields = {name: form.cleaned_data[name] for name in RecordMeetingForm.Meta.fields}
        if meeting is None:
            instance.idempotency_key = form.cleaned_data["idempotency_key"]
        try:
            logs = services.record_meeting(
                instance,
                request.user,
                **_judgements(assessments, verdicts),
                **fields,
            )
        except services.MeetingStateError:
            messages.error(request, _("The meeting was already recorded or cancelled."))
            return redirect("followups:meeting_list", pk=period.pk)
        except Repeated:
            messages.info(request, SENT_TWICE)
            return redirect("followups:meeting_list", pk=period.pk)
        text = _("The meeting was recorded as held.")
        if logs:
            text += " " + ngettext(
                "It counts as carried out for %(count)s activity.",
                "It counts as carried out for %(count)s activities.",
                len(logs),
            ) % {"count": len(logs)}
        if period.is_published:
            text += " " + _(
                "Its public summary, decisions and assessments are now on the citizen promise's "
                "public page."
            )
        messages.success(request, text)
        return redirect("followups:meeting_list", pk=period.pk)
    return _meeting_form(request, period, meeting, form, assessments, verdicts, as_of)


def _meeting_form(request, period, meeting, form, assessments, verdicts, as_of) -> HttpResponse:
    """The form of a held meeting: recording it, or correcting its record."""
    context = {
        "period": period,
        "meeting": meeting,
        "form": form,
        "assessments": assessments,
        "verdicts": verdicts,
        "sub_errors": _error_entries(assessments, verdicts),
        "correcting": isinstance(form, CorrectMeetingForm),
        "today": timezone.localdate(),
        "figures_label": figures_label(as_of),
        # Recording a meeting that was not planned here while some are: a planned one recorded
        # this way would stay planned beside its record (a coordinator took the wrong button).
        "planned": (
            list(period.meetings.filter(status=MeetingStatus.PLANNED).order_by("date", "pk"))
            if meeting is None
            else []
        ),
    }
    return render(request, "followups/meeting_record.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a held meeting's record; the logs it made follow (services.correct_meeting)."""
    meeting = _meeting(request, pk, Act.MANAGE_FOLLOWUPS)
    if meeting.status != MeetingStatus.HELD:
        messages.info(request, _("Only the record of a held meeting can be corrected."))
        return redirect("followups:meeting_detail", pk=meeting.pk)
    period = meeting.period
    data = request.POST if request.method == "POST" else None
    initial = {"edit_version": meeting.edit_version}
    form = CorrectMeetingForm(data, instance=meeting, period=period, initial=initial)
    as_of = _figures_day(form, meeting)
    assessments, verdicts = _sub_forms(request, period, meeting, as_of)
    if request.method == "POST" and all_valid(form, *assessments, *verdicts):
        fields = {name: form.cleaned_data[name] for name in HeldMeetingForm.Meta.fields}
        try:
            services.correct_meeting(
                meeting,
                request.user,
                expected_version=form.cleaned_data["edit_version"],
                reason=form.cleaned_data["correction_reason"],
                **_judgements(assessments, verdicts),
                **fields,
            )
        except services.MeetingStateError:
            messages.info(request, _("Only the record of a held meeting can be corrected."))
        except EditConflict as conflict:
            # Somebody corrected it meanwhile: their version beside what this user typed.
            form = rebind_after_conflict(
                CorrectMeetingForm, request.POST, conflict.current, period=period
            )
            return _meeting_form(request, period, meeting, form, assessments, verdicts, as_of)
        else:
            messages.success(request, _("The meeting's record was corrected."))
        return redirect("followups:meeting_detail", pk=meeting.pk)
    return _meeting_form(request, period, meeting, form, assessments, verdicts, as_of)


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_record_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a meeting that was not planned here as held."""
    period = _period(request, pk, Act.MANAGE_FOLLOWUPS)
    return _record(request, period, None)


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a planned meeting as held."""
    meeting = _meeting(request, pk, Act.MANAGE_FOLLOWUPS)
    if meeting.status != MeetingStatus.PLANNED:
        messages.info(request, _("The meeting was already recorded or cancelled."))
        return redirect("followups:meeting_detail", pk=meeting.pk)
    return _record(request, meeting.period, meeting)


def _close(request: HttpRequest, pk: int, *, from_status: str, template: str, step, done: str):
    meeting = _meeting(request, pk, Act.MANAGE_FOLLOWUPS)
    if meeting.status != from_status:
        messages.info(request, _("The meeting was already recorded or cancelled."))
        return redirect("followups:meeting_detail", pk=meeting.pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            step(meeting, request.user, form.cleaned_data["reason"])
        except services.MeetingStateError:
            messages.info(request, _("The meeting was already recorded or cancelled."))
        else:
            messages.success(request, done)
        return redirect("followups:meeting_list", pk=meeting.period_id)
    context = {"meeting": meeting, "period": meeting.period, "form": form}
    return render(request, template, context)


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel a planned meeting, with a reason."""
    return _close(
        request,
        pk,
        from_status=MeetingStatus.PLANNED,
        template="followups/meeting_cancel.html",
        step=services.cancel_meeting,
        done=_("The meeting was cancelled."),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a held meeting's record, with a reason; the logs it made are withdrawn too."""
    return _close(
        request,
        pk,
        from_status=MeetingStatus.HELD,
        template="followups/meeting_withdraw.html",
        step=services.withdraw_meeting,
        done=_("The meeting's record was withdrawn."),
    )


@staff_required
@require_safe
def archive_package(request: HttpRequest, pk: int) -> HttpResponse:
    """A published period's archive package (`followups.archive`), for the coordinator who
    answers for its records; a stored document that no longer matches its checksum is refused
    with a message, never packed as the original."""
    period = _period(request, pk, Act.ARCHIVE)
    try:
        data = archive.package(period, user=request.user)
    except frozen.ChecksumMismatch:
        logger.error("Archive package of period %s: a stored document fails its checksum", pk)
        messages.error(
            request,
            _(
                "The archive package could not be made: a stored document no longer matches "
                "its checksum. Contact the portal's administrator."
            ),
        )
        return redirect("promises:staff_period", pk=period.pk)
    except archive.MissingDocument as missing:
        logger.error("Archive package of period %s: stored document %s is missing", pk, missing)
        messages.error(
            request,
            _(
                "The archive package could not be made: a stored document is missing from the "
                "portal's file storage. Contact the portal's administrator."
            ),
        )
        return redirect("promises:staff_period", pk=period.pk)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{archive.filename(period)}"'
    return response
