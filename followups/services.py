"""Follow-up meetings: plan, record as held, cancel, withdraw. Every write is one transaction.

A meeting recorded as held logs one occurrence for each activity of its period that counts
meetings of its kind (`Activity.counted_meeting_kinds`), through the same service as any log
(`activities.services.record_log`), so the public progress counts it; withdrawing the meeting's
record withdraws those logs. Nothing is deleted: a planned meeting is cancelled with a reason,
a held one withdrawn with a reason, and the history keeps every version.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import Truncator

from activities.models import Activity, ActivityLog
from activities.services import CHANGE_REASON_LENGTH, record_log, withdraw_log
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingStatus,
)
from promises.models import Promise, PromisePeriod


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
) -> FollowUpMeeting:
    """A meeting planned ahead: kind, date, time and forum."""
    meeting = FollowUpMeeting(
        period=period, kind=kind, date=date, time=time, forum=forum, created_by=user
    )
    meeting._history_user = user
    meeting.save()
    return meeting


def counting_activities(meeting: FollowUpMeeting) -> list[Activity]:
    """The activities of the meeting's period that count meetings of its kind."""
    activities = Activity.objects.filter(period_id=meeting.period_id).order_by("position", "pk")
    return [a for a in activities if meeting.kind in (a.counted_meeting_kinds or [])]


def _log_for_counting_activities(meeting: FollowUpMeeting, user) -> list[ActivityLog]:
    logs = []
    for activity in counting_activities(meeting):
        log, _created = record_log(
            activity=activity,
            user=user,
            idempotency_key=uuid.uuid4(),
            date=meeting.date,
            quantity=1,
            place=Truncator(meeting.forum).chars(150),
            summary=meeting.public_summary,
            meeting=meeting,
        )
        logs.append(log)
    return logs


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

    Returns the logs made. A meeting that is no longer planned raises MeetingStateError.
    """
    if meeting.pk is not None:
        locked = FollowUpMeeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status != MeetingStatus.PLANNED:
            raise MeetingStateError(meeting.pk)
        meeting = locked
    else:
        meeting.created_by = user
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.status = MeetingStatus.HELD
    meeting._history_user = user
    meeting.save()
    Assessment.objects.bulk_create(
        Assessment(meeting=meeting, promise=a.promise, rating=a.rating, comment=a.comment)
        for a in assessments
    )
    ActivityVerdict.objects.bulk_create(
        ActivityVerdict(meeting=meeting, activity=v.activity, text=v.text)
        for v in verdicts
        if v.text
    )
    return _log_for_counting_activities(meeting, user)


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
    locked._change_reason = Truncator(reason).chars(CHANGE_REASON_LENGTH)
    locked.save()
    return locked
