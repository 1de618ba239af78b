"""Follow-up meetings: plan, record as held, cancel, withdraw. Every write is one transaction.

A meeting recorded as held logs one occurrence for each activity of its period that counts
meetings of its kind (`Activity.counted_meeting_kinds`), through the same service as any log
(`activities.services.record_log`), so the public progress counts it; withdrawing the meeting's
record withdraws those logs. Nothing is deleted: a planned meeting is cancelled with a reason,
a held one withdrawn with a reason, and the history keeps every version.

Reports: drafted from the span's figures and assessments, edited, then published with their
figures and PDF frozen (`followups.reports`, `followups.frozen`); a correction is a new
version with a reason, the earlier one kept public and marked as replaced.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.models import Activity, ActivityLog
from activities.services import (
    ClosedForLogs,
    record_log,
    restore_log,
    update_log,
    withdraw_log,
)
from followups import frozen, reports
from followups.documents import report_pdf
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingStatus,
    Report,
)
from followups.reports import KEEP, RECOUNT
from promises import notifications
from promises.editing import Repeated, check_version, give_reason, save_once
from promises.models import IN_FORCE_STATES, Promise, PromisePeriod


class MeetingStateError(Exception):
    """The meeting is no longer in the state the step starts from (someone was first)."""


@dataclass(frozen=True)
class AssessmentData:
    promise: Promise
    rating: str
    comment: str


@dataclass(frozen=True)
class VerdictData:
    activity: Activity
    text: str


@transaction.atomic
def plan_meeting(
    period: PromisePeriod,
    user,
    *,
    kind: str,
    date: datetime.date,
    time: datetime.time | None = None,
    forum: str = "",
    idempotency_key: uuid.UUID | None = None,
) -> FollowUpMeeting:
    """A meeting planned ahead: kind, date, time and forum. A repeated `idempotency_key` (the
    form sent twice) raises `Repeated` with the meeting the first made."""
    meeting = FollowUpMeeting(
        period=period,
        kind=kind,
        date=date,
        time=time,
        forum=forum,
        created_by=user,
        idempotency_key=idempotency_key,
    )
    meeting._history_user = user
    save_once(meeting)
    return meeting


def counting_activities(meeting: FollowUpMeeting) -> list[Activity]:
    """The activities of the meeting's period that count meetings of its kind and existed on
    its day (one added by a revision counts from then, as a log does); none once the period is
    no longer in force (its logs are closed, as for any log), and none for a meeting held
    outside the period (a last follow-up after its end is a meeting, not a log of it: the log
    form refuses such a date too)."""
    period = meeting.period
    if period.state not in IN_FORCE_STATES:
        return []
    if meeting.date < period.start_date or (period.end_date and meeting.date > period.end_date):
        return []
    activities = Activity.objects.filter(period_id=meeting.period_id).order_by("position", "pk")
    return [
        a
        for a in activities
        if meeting.kind in (a.counted_meeting_kinds or [])
        and (a.counts_from is None or a.counts_from <= meeting.date)
        and a.takes_logs  # a cancelled activity takes no new log, from a meeting neither
    ]


def _log_for_counting_activities(meeting: FollowUpMeeting, user) -> list[ActivityLog]:
    logs = (_log_meeting(meeting, activity, user) for activity in counting_activities(meeting))
    return [log for log in logs if log is not None]


def _log_meeting(meeting: FollowUpMeeting, activity: Activity, user) -> ActivityLog | None:
    """The log that counts a held meeting for one activity that counts its kind; None when the
    activity was cancelled since `counting_activities` read it (it counts no meeting then)."""
    try:
        log, _created = record_log(
            activity=activity,
            user=user,
            idempotency_key=uuid.uuid4(),
            date=meeting.date,
            quantity=1,
            place=_meeting_place(meeting),
            summary=meeting.public_summary,
            meeting=meeting,
        )
    except ClosedForLogs:
        return None
    return log


def _meeting_place(meeting: FollowUpMeeting) -> str:
    return Truncator(meeting.forum).chars(150)


@transaction.atomic
def record_meeting(
    meeting: FollowUpMeeting,
    user,
    *,
    assessments: list[AssessmentData] = (),
    verdicts: list[VerdictData] = (),
    **fields,
) -> list[ActivityLog]:
    """Record a planned meeting (or a new one, not yet saved) as held, with its assessments per
    promise and verdicts per activity; log it for the activities that count it.

    Returns the logs made. A meeting that is no longer planned raises MeetingStateError; a new
    one whose `idempotency_key` was recorded already (the form sent twice), `Repeated`.
    """
    new = meeting.pk is None
    if not new:
        locked = FollowUpMeeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status != MeetingStatus.PLANNED:
            raise MeetingStateError(meeting.pk)
        meeting = locked
    else:
        meeting.created_by = user
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.status = MeetingStatus.HELD
    figures = meeting_figures(meeting)
    meeting.figures_as_of = meeting.date if figures else None
    meeting._history_user = user
    if new:
        save_once(meeting)
    else:
        meeting.save()
    _save_judgements(meeting, assessments, verdicts, figures)
    return _log_for_counting_activities(meeting, user)


def figure_rows_on(period: PromisePeriod, day: datetime.date) -> list[reports.FigureRow]:
    """Each activity's figures on `day`, counted as a report counts them, from the period's
    start to `day` (to its end, for a day after it); none before the period began."""
    if day < period.start_date:
        return []
    last = min(day, period.end_date) if period.end_date else day
    return reports.figure_rows(period, period.start_date, last, day, report_line=False)


def meeting_figures(meeting: FollowUpMeeting) -> dict[int, list[dict]]:
    """What a meeting judged by, per promise: each activity serving it, with its progress in
    words and its status on the meeting's day, counted as a report counts its figures
    (`reports.figure_rows`, in the site's language). None for a meeting before the period."""
    period = meeting.period
    with translation.override(settings.LANGUAGE_CODE):
        rows = figure_rows_on(period, meeting.date)
    by_activity = {
        row.activity_id: {"activity": row.activity, "progress": row.progress, "status": row.status}
        for row in rows
    }
    serving = (
        Activity.promises.through.objects.filter(activity__period=period)
        .order_by("activity__position", "activity_id")
        .values_list("promise_id", "activity_id")
    )
    figures: dict[int, list[dict]] = {}
    for promise_id, activity_id in serving:
        if activity_id in by_activity:
            figures.setdefault(promise_id, []).append(by_activity[activity_id])
    return figures


def _save_judgements(
    meeting: FollowUpMeeting,
    assessments: list[AssessmentData],
    verdicts: list[VerdictData],
    figures: dict[int, list[dict]],
) -> None:
    """The meeting's assessment of each promise, with the figures it judged by, and its
    verdicts on activities (those given)."""
    Assessment.objects.bulk_create(
        Assessment(
            meeting=meeting,
            promise=a.promise,
            rating=a.rating,
            comment=a.comment,
            figures=figures.get(a.promise.pk, []),
        )
        for a in assessments
    )
    ActivityVerdict.objects.bulk_create(
        ActivityVerdict(meeting=meeting, activity=v.activity, text=v.text)
        for v in verdicts
        if v.text
    )


@transaction.atomic
def correct_meeting(
    meeting: FollowUpMeeting,
    user,
    *,
    expected_version: int | None = None,
    reason: str = "",
    assessments: list[AssessmentData] = (),
    verdicts: list[VerdictData] = (),
    **fields,
) -> FollowUpMeeting:
    """Correct a held meeting's record: its fields, assessments and verdicts, with the
    correction's `reason` and time shown with it (the history keeps the earlier version).
    While the period is in force the logs the meeting made follow it: a new date, forum or
    summary, and the activities that count its kind.

    A meeting no longer held raises MeetingStateError; one saved since the form showed it
    (`expected_version`), `EditConflict`. Nothing is written then.
    """
    locked = FollowUpMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.status != MeetingStatus.HELD:
        raise MeetingStateError(meeting.pk)
    check_version(locked, expected_version)
    held_on = locked.date
    kept = {a.promise_id: a.figures for a in locked.assessments.all()}
    for name, value in fields.items():
        setattr(locked, name, value)
    # The figures it judged by stay as recorded; a meeting now dated another day judged the
    # figures of that day.
    if locked.date == held_on and locked.figures_as_of is not None:
        figures = kept
    else:
        figures = meeting_figures(locked)
        locked.figures_as_of = locked.date if figures else None
    locked.corrected_at, locked.correction_reason = timezone.now(), reason
    locked.edit_version += 1
    locked._history_user = user
    locked.save()
    locked.assessments.all().delete()
    locked.verdicts.all().delete()
    _save_judgements(locked, assessments, verdicts, figures)
    if locked.period.state in IN_FORCE_STATES:  # a closed period's logs stay as they are
        _follow_meeting(locked, user)
    return locked


NO_LONGER_COUNTED = gettext_lazy(
    "The meeting's record was corrected: this activity no longer counts it."
)


def _withdrawn_by_a_correction(log: ActivityLog) -> bool:
    """Whether `log` was withdrawn by a correction of its meeting (`NO_LONGER_COUNTED`, in the
    language of whoever corrected it), not by a person."""
    reasons = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reasons.add(str(NO_LONGER_COUNTED))
    return log.withdrawal_reason in reasons


def _follow_meeting(meeting: FollowUpMeeting, user) -> None:
    """Bring the logs a held meeting made in line with its corrected record.

    A log someone withdrew stays withdrawn (a correction of the meeting's text must not undo
    a coordinator's); one a correction withdrew, for an activity that counts the meeting again,
    counts again."""
    counting = {activity.pk: activity for activity in counting_activities(meeting)}
    place = _meeting_place(meeting)
    fields = {"date": meeting.date, "place": place, "summary": meeting.public_summary}
    for log in ActivityLog.objects.filter(meeting=meeting).order_by("pk"):
        counted = counting.pop(log.activity_id, None) is not None
        if log.withdrawn_at is not None:
            if counted and _withdrawn_by_a_correction(log):
                restore_log(log, user, of_meeting=True)
                if (log.date, log.place, log.summary) != tuple(fields.values()):
                    update_log(log, user, **fields)
            continue
        if not counted:
            withdraw_log(log, user, str(NO_LONGER_COUNTED))
        elif (log.date, log.place, log.summary) != (meeting.date, place, meeting.public_summary):
            update_log(log, user, **fields)
    for activity in counting.values():
        _log_meeting(meeting, activity, user)


@transaction.atomic
def cancel_meeting(meeting: FollowUpMeeting, user, reason: str) -> FollowUpMeeting:
    """Cancel a planned meeting, with a reason (it stays in the list and the history)."""
    return _close(meeting, user, reason, MeetingStatus.PLANNED, MeetingStatus.CANCELLED)


@transaction.atomic
def withdraw_meeting(meeting: FollowUpMeeting, user, reason: str) -> FollowUpMeeting:
    """Withdraw a held meeting's record, with a reason: it leaves the public pages, and the
    logs it made are withdrawn with the same reason."""
    locked = _close(meeting, user, reason, MeetingStatus.HELD, MeetingStatus.WITHDRAWN)
    for log in ActivityLog.objects.filter(meeting=locked, withdrawn_at__isnull=True):
        withdraw_log(log, user, reason)
    return locked


def _close(meeting: FollowUpMeeting, user, reason: str, from_: str, to: str) -> FollowUpMeeting:
    locked = FollowUpMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.status != from_:
        raise MeetingStateError(meeting.pk)
    locked.status = to
    locked.status_reason = reason
    locked._history_user = user
    give_reason(locked, reason)
    locked.save()
    return locked


# -- Reports ----------------------------------------------------------------------------------


class SameSpan(Exception):
    """A report of the same kind and span exists, not replaced: `existing`."""

    def __init__(self, existing: Report) -> None:
        super().__init__(existing)
        self.existing = existing


class ReportStateError(Exception):
    """The report is no longer in the state the step starts from (published, or replaced)."""


def _report_pdf_name(report: Report) -> str:
    period = report.period
    return f"redovisning-{period.municipality.slug}-{period.slug}-{report.pk}-v{report.version}.pdf"


def _publish(
    report: Report, user, today: datetime.date, figures=None, *, notify: bool = True
) -> None:
    """Freeze the figures (`figures`: rows and their day, or counted today) and the PDF of
    `report` (locked, a draft) and publish it today; the staff concerned are e-mailed of it
    unless `notify` is False (a report of the demo's past)."""
    report.published_on = today
    report.figures, report.figures_as_of = figures or reports.frozen_figures(report, today)
    report.pdf_sha256 = frozen.store(report.pdf, _report_pdf_name(report), report_pdf(report))
    report._history_user = user
    report.save()
    # Both parties' staff learn of it once it is committed (the approvers, the management
    # group the report goes back to, among them), with the address where the public reads it.
    if not notify:
        return
    period = report.period
    notifications.notify(
        notifications.REPORTED,
        period,
        by=user,
        about=report.title,
        link=reverse(
            "followups:report_document", args=[period.municipality.slug, period.slug, report.pk]
        ),
    )


@transaction.atomic
def draft_report(
    period: PromisePeriod,
    user,
    *,
    kind: str,
    covers_from: datetime.date,
    covers_to: datetime.date,
    today: datetime.date | None = None,
    idempotency_key: uuid.UUID | None = None,
) -> Report:
    """A draft report of `period` for the span, its title and text drafted from the figures, the
    assessments and the verdicts of the span (`followups.reports`). A repeated `idempotency_key`
    (the form sent twice) raises `Repeated` with the draft the first made; a report of the same
    kind and span that is not replaced raises `SameSpan` with it (the form says so first; this
    holds for two sent at once, the period locked)."""
    today = today or timezone.localdate()
    PromisePeriod.objects.select_for_update().filter(pk=period.pk).first()
    same = reports.same_span_report(period, kind, covers_from, covers_to)
    if same is not None:
        if idempotency_key is not None and same.idempotency_key == idempotency_key:
            raise Repeated(same)
        raise SameSpan(same)
    report = Report(
        period=period,
        kind=kind,
        covers_from=covers_from,
        covers_to=covers_to,
        title=reports.default_title(kind, period, covers_from, covers_to),
        body=reports.default_body(period, covers_from, covers_to, today),
        created_by=user,
        idempotency_key=idempotency_key,
    )
    report._history_user = user
    save_once(report)
    return report


def _locked_draft(report: Report, expected_version: int | None = None) -> Report:
    locked = Report.objects.select_for_update().select_related("period__municipality")
    # Deleted meanwhile (a colleague discarded the draft): no longer a draft to act on.
    locked = locked.filter(pk=report.pk).first()
    if locked is None or not locked.is_draft:
        raise ReportStateError(report.pk)
    check_version(locked, expected_version)
    return locked


@transaction.atomic
def update_report(
    report: Report, user, *, title: str, body: str, expected_version: int | None = None
) -> Report:
    """Change a draft's title and text. With `expected_version` (the version the form showed),
    a draft saved since raises `EditConflict` with the saved draft, and nothing is written."""
    locked = _locked_draft(report, expected_version)
    locked.title, locked.body = title, body
    locked.edit_version += 1
    locked._history_user = user
    locked.save()
    return locked


@transaction.atomic
def publish_report(
    report: Report,
    user,
    *,
    today: datetime.date | None = None,
    expected_version: int | None = None,
    notify: bool = True,
) -> Report:
    """Publish a draft: its figures and its PDF are frozen as they stand today. With
    `expected_version` (the version the publishing page showed), a draft changed since raises
    `EditConflict`: what is published is what the publisher read. Both parties' staff are
    e-mailed of it once committed, unless `notify` is False."""
    locked = _locked_draft(report, expected_version)
    _publish(locked, user, today or timezone.localdate(), notify=notify)
    return locked


@transaction.atomic
def discard_draft(report: Report, user) -> None:
    """Delete a draft report, never published: a span chosen wrongly, or a draft not wanted.
    Refused with `ReportStateError` once it is published (a public record stays). Its history
    is kept."""
    locked = Report.objects.select_for_update().filter(pk=report.pk).first()
    if locked is None or not locked.is_draft:
        raise ReportStateError(report.pk)
    locked._history_user = user
    locked.delete()


def _drafted_paragraphs(report: Report, frozen: list[dict], as_of: datetime.date | None):
    return reports.drafted_figure_paragraphs(
        report.period,
        report.covers_from,
        report.covers_to,
        reports.rows_from_frozen(frozen),
        as_of or report.covers_to,
    )


@transaction.atomic
def correct_report(
    report: Report,
    user,
    *,
    title: str,
    body: str,
    reason: str,
    figures: str = RECOUNT,
    today: datetime.date | None = None,
    idempotency_key: uuid.UUID | None = None,
) -> Report:
    """Publish a corrected version of a published report, with a reason; the earlier version
    stays public, marked as replaced. The new version's figures are those of the corrected one
    (`figures` KEEP) or counted as they stand today (RECOUNT); counted anew, any that differ are
    said in the public reason. A repeated `idempotency_key` (the form sent twice) raises
    `Repeated` with the first."""
    today = today or timezone.localdate()
    locked = Report.objects.select_for_update().select_related("period__municipality")
    locked = locked.get(pk=report.pk)
    if locked.is_draft or locked.replaced_by_id is not None:
        raise ReportStateError(report.pk)
    if figures == KEEP:
        frozen_rows = (locked.figures, locked.figures_as_of)
    else:
        frozen_rows = reports.frozen_figures(locked, today)
        with translation.override(settings.LANGUAGE_CODE):
            changes = reports.figure_changes(locked.figures, frozen_rows[0])
            # The text's drafted sentences on the targets follow the figures counted anew.
            body = reports.recounted_body(
                body,
                _drafted_paragraphs(locked, locked.figures, locked.figures_as_of),
                _drafted_paragraphs(locked, *frozen_rows),
            )
            if changes:
                reason = "{reason} {counted}".format(
                    reason=reason.rstrip(),
                    counted=_(
                        "The figures were counted anew from the logs on %(date)s: %(changes)s."
                    )
                    % {"date": date_format(today, "j F Y"), "changes": "; ".join(changes)},
                )
    correction = Report(
        period=locked.period,
        kind=locked.kind,
        covers_from=locked.covers_from,
        covers_to=locked.covers_to,
        title=title,
        body=body,
        version=locked.version + 1,
        correction_reason=reason,
        created_by=user,
        idempotency_key=idempotency_key,
    )
    correction._history_user = user
    save_once(correction)
    _publish(correction, user, today, frozen_rows)
    locked.replaced_by = correction
    locked._history_user = user
    give_reason(locked, reason)
    locked.save()
    return correction
