"""Writes of the staff pages: each one transaction, recorded in the history with its author."""

import datetime
import uuid

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext

from activities.models import Activity, ActivityLog, ActivityStatus
from activities.progress import Target, target_text
from activities.wording import progress_words
from followups.models import MeetingKind
from promises import editing, lifecycle
from promises.editing import RevisionData
from promises.models import IN_FORCE_STATES, ChangeKind, PromisePeriod, Revision


class IdempotencyConflict(Exception):
    """The idempotency key belongs to somebody else's log."""


class ClosedForLogs(Exception):
    """The activity takes no new log now: cancelled, or its period no longer in force, since
    the form that chose it was checked."""


def _open_for_logs(activity: Activity) -> bool:
    """Whether `activity` takes a new log now, read under its row's lock, held until the log's
    transaction ends (the lock the log's sums take next, `rollup.log_saved`): a cancellation
    waits for the log, or the log sees it. A log's form checks its activity when it is sent;
    a cancellation committed between that check and the insert let the log in (a security
    probe: a log counted for an activity the public page said was cancelled)."""
    try:
        status, state = (
            Activity.objects.select_for_update(no_key=True, of=("self",))
            .order_by()
            .values_list("status", "period__state")
            .get(pk=activity.pk)
        )
    except Activity.DoesNotExist:  # a draft's activity, deleted: no log either
        return False
    return status != ActivityStatus.CANCELLED and state in IN_FORCE_STATES


def _repeat(idempotency_key: uuid.UUID, user) -> ActivityLog | None:
    """The log already saved under `idempotency_key`, if it is `user`'s; IdempotencyConflict if
    it is somebody else's."""
    existing = ActivityLog.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None and existing.reported_by_id != user.pk:
        raise IdempotencyConflict(idempotency_key)
    return existing


def record_log(
    *, activity: Activity, user, idempotency_key: uuid.UUID, **fields
) -> tuple[ActivityLog, bool]:
    """Save a log once per idempotency key; a repeat returns the first log and False.

    The key's unique constraint decides under concurrency: a parallel repeat waits for the first
    insert, fails on the key, and then finds the committed log. An activity cancelled, or a
    period no longer in force, since the caller chose it raises `ClosedForLogs` (a repeat of a
    log saved before still returns that log).
    """
    log = ActivityLog(
        activity=activity, reported_by=user, idempotency_key=idempotency_key, **fields
    )
    log._history_user = user
    try:
        with transaction.atomic():
            if not _open_for_logs(activity):
                raise ClosedForLogs(activity.pk)
            log.save()
        return log, True
    except ClosedForLogs:
        if (existing := _repeat(idempotency_key, user)) is None:
            raise
        return existing, False
    except IntegrityError:
        if (existing := _repeat(idempotency_key, user)) is None:
            raise
        return existing, False


class LogWithdrawn(Exception):
    """The log has been withdrawn; a withdrawn log is not changed."""


@transaction.atomic
def update_log(
    log: ActivityLog, user, *, expected_version: int | None = None, reason: str = "", **fields
) -> bool:
    """Change a log's fields; the history keeps the earlier version, with `reason` if given.
    Returns whether anything was written: a change to what the log already holds writes nothing
    (no empty history entry) and conflicts with nothing, as the activity editor's save
    (`save_activity`).

    The row is locked and only the given fields are written, so an edit racing a withdrawal
    cannot bring the withdrawn log back; editing a withdrawn log raises LogWithdrawn. With
    `expected_version` (the version the edit form showed), a log somebody changed since raises
    `EditConflict` with the saved log, and nothing is written. A log moved to an activity that
    takes no new log now raises `ClosedForLogs`.
    """
    locked = ActivityLog.objects.select_for_update().get(pk=log.pk)
    if locked.withdrawn_at is not None:
        raise LogWithdrawn(log.pk)
    if editing.holds(locked, fields):
        return False
    editing.check_version(locked, expected_version)
    moved_to = fields.get("activity")
    if moved_to is not None and moved_to.pk != locked.activity_id and not _open_for_logs(moved_to):
        # Moved into an activity cancelled since the form offered it: as a new log there.
        raise ClosedForLogs(moved_to.pk)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.edit_version += 1
    locked._history_user = user
    if reason:
        editing.give_reason(locked, reason)
    locked.save(update_fields=[*fields, "edit_version"])
    return True


@transaction.atomic
def withdraw_log(log: ActivityLog, user, reason: str) -> bool:
    """Withdraw a log (it stops counting, nothing is deleted); False if it already was."""
    locked = ActivityLog.objects.select_for_update().get(pk=log.pk)
    if locked.withdrawn_at is not None:
        return False
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = user
    locked.withdrawal_reason = reason
    locked._history_user = user
    # The history's change-reason column is short; withdrawal_reason keeps the whole text.
    editing.give_reason(locked, reason)
    locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    return True


class LogOfMeeting(Exception):
    """The log counts a held meeting: it follows the meeting's record, not restored alone."""


@transaction.atomic
def restore_log(log: ActivityLog, user, *, of_meeting: bool = False) -> bool:
    """Restore a withdrawn log: it counts again, and the history keeps the withdrawal; False if
    it was not withdrawn. A log a held meeting made raises `LogOfMeeting`, unless restored by
    the meeting's own correction (`of_meeting`)."""
    locked = ActivityLog.objects.select_for_update().get(pk=log.pk)
    if locked.withdrawn_at is None:
        return False
    if locked.meeting_id is not None and not of_meeting:
        raise LogOfMeeting(log.pk)
    locked.withdrawn_at = None
    locked.withdrawn_by = None
    locked.withdrawal_reason = ""
    locked._history_user = user
    editing.give_reason(locked, gettext("Restored"))
    locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    return True


@transaction.atomic
def set_activity_status(activity: Activity, user, status: str, reason: str) -> Activity:
    """Set the status of an activity without a numeric target; a change of status records when
    (`status_changed_at`: the day a cancellation is dated by in the public change log)."""
    # Against the saved status, under the row's lock: the page's copy may be stale.
    saved = (
        Activity.objects.select_for_update().values_list("status", flat=True).get(pk=activity.pk)
    )
    if status != saved:
        activity.status_changed_at = timezone.now()
    activity.status = status
    activity.status_reason = reason
    activity._history_user = user
    activity.save(update_fields=["status", "status_reason", "status_changed_at", "updated_at"])
    return activity


# The activity editor: saves of the coordinator's activity form, revisions after signing.


def _promise_titles(promises) -> str:
    return "; ".join(promise.title for promise in sorted(promises, key=_position))


def _position(obj) -> tuple[int, int]:
    return (obj.position, obj.pk or 0)


def _target_value(target: Target | None) -> str:
    return target_text(target) if target is not None else gettext("no target")


def _added_value(activity: Activity) -> str:
    target = activity.target
    if target is None:
        return activity.description
    return f"{activity.description}\n{gettext('Target')}: {target_text(target)}"


def _partners_value(activity: Activity) -> str:
    if not activity.partners:
        return gettext("no partners named")
    return gettext("together with %(partners)s") % {"partners": activity.partners}


def _meeting_kinds_value(activity: Activity) -> str:
    kinds = activity.counted_meeting_kinds or []
    if not kinds:
        return gettext("no follow-up meetings count")
    labels = dict(MeetingKind.choices)
    return gettext("follow-up meetings that count: %(kinds)s") % {
        "kinds": ", ".join(str(labels.get(kind, kind)) for kind in kinds)
    }


def activity_changes(
    old: Activity, new: Activity, promises, today: datetime.date
) -> list[editing.Change]:
    """The public change-log lines between `old` (with its logs) and `new`, in Swedish.

    A changed target keeps the progress as the public page showed it before the change.
    """
    changes = []
    with translation.override("sv"):
        if old.title != new.title:
            changes.append(
                editing.Change(ChangeKind.ACTIVITY_CHANGED, old.title, old.title, new.title)
            )
        if old.description != new.description:
            changes.append(
                editing.Change(
                    ChangeKind.ACTIVITY_CHANGED, new.title, old.description, new.description
                )
            )
        if (old.responsible, old.responsible_other) != (new.responsible, new.responsible_other):
            changes.append(
                editing.Change(
                    ChangeKind.ACTIVITY_RESPONSIBLE,
                    new.title,
                    editing.text_value(old.responsible_shown),
                    editing.text_value(new.responsible_shown),
                )
            )
        if old.partners != new.partners:
            changes.append(
                editing.Change(
                    ChangeKind.ACTIVITY_CHANGED,
                    new.title,
                    _partners_value(old),
                    _partners_value(new),
                )
            )
        old_promises = _promise_titles(old.promises.all())
        new_promises = _promise_titles(promises)
        if old_promises != new_promises:
            changes.append(
                editing.Change(ChangeKind.ACTIVITY_PROMISES, new.title, old_promises, new_promises)
            )
        if sorted(old.counted_meeting_kinds or []) != sorted(new.counted_meeting_kinds or []):
            changes.append(
                editing.Change(
                    ChangeKind.ACTIVITY_CHANGED,
                    new.title,
                    _meeting_kinds_value(old),
                    _meeting_kinds_value(new),
                )
            )
        if old.target != new.target:
            before = progress_words(old.progress(today)) if old.target is not None else ""
            changes.append(
                editing.Change(
                    ChangeKind.TARGET,
                    new.title,
                    _target_value(old.target),
                    _target_value(new.target),
                    progress_before=before,
                )
            )
    return changes


def save_activity(
    activity: Activity,
    *,
    user,
    expected_version: int,
    promises,
    revision: RevisionData | None = None,
    today: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> tuple[bool, Revision | None]:
    """Save an edited activity (the form's instance) if nobody saved it since it was shown.

    In a signed period pass `revision`: the changes are recorded with it in the same
    transaction. A save that changes nothing writes nothing. Returns whether anything was saved
    and the revision; raises `EditConflict` (and writes nothing) on a stale version. `at` is the
    moment the revision records (default now); `today` the day whose progress it quotes.
    """
    promises = list(promises)
    with transaction.atomic():
        editing.lock_period_in_state(activity.period_id, lifecycle.editable)
        old = Activity.objects.with_progress_data().prefetch_related("promises").get(pk=activity.pk)
        changes = activity_changes(old, activity, promises, today or timezone.localdate())
        if not changes:
            # What was typed is what is saved: nothing to write, and nothing to conflict with.
            return False, None
        editing.save_versioned(
            activity,
            expected_version,
            user=user,
            save_m2m=lambda: activity.promises.set(promises),
        )
        recorded = None
        if revision is not None:
            recorded = editing.record_revision(
                activity.period,
                user=user,
                kind=revision.kind,
                reason=revision.reason,
                changes=changes,
                at=at,
                notify=revision.notify,
            )
    return True, recorded


def create_activity(
    activity: Activity,
    *,
    period: PromisePeriod,
    user,
    promises,
    revision: RevisionData | None = None,
) -> tuple[Activity, Revision | None]:
    """Add an activity (the form's unsaved instance) last in its period.

    In a signed period pass `revision`: the addition is recorded with it.
    """
    with transaction.atomic():
        # Lock the period: two additions at once get consecutive positions, and none lands in a
        # period a step moved on meanwhile.
        editing.lock_period_in_state(period.pk, lifecycle.editable)
        last = period.activities.aggregate(last=Max("position"))["last"] or 0
        activity.period = period
        activity.position = last + 1
        if revision is not None and timezone.localdate() > period.start_date:
            # Added to a signed period that has begun: counted from today (`counting_start`).
            activity.counts_from = timezone.localdate()
        activity._history_user = user
        activity.save()
        activity.promises.set(list(promises))
        recorded = None
        if revision is not None:
            with translation.override("sv"):
                change = editing.Change(
                    ChangeKind.ACTIVITY_ADDED, activity.title, new_value=_added_value(activity)
                )
            recorded = editing.record_revision(
                period,
                user=user,
                kind=revision.kind,
                reason=revision.reason,
                changes=[change],
                notify=revision.notify,
            )
    return activity, recorded


class ActivityHasLogs(Exception):
    """The activity has logs; it is cancelled through its status instead of deleted."""


@transaction.atomic
def move_activity(activity: Activity, direction: str, *, user) -> bool:
    """Swap the activity with its neighbour above ("up") or below ("down"); False at an end."""
    return editing.move_in_period(activity, direction, user=user)


@transaction.atomic
def delete_activity(activity: Activity, user) -> None:
    """Delete an activity of a draft and close the gap in the positions.

    Refused with `ActivityHasLogs` when something was logged (it cannot in a draft, but a log is
    a record that must stay).
    """
    PromisePeriod.objects.select_for_update().filter(pk=activity.period_id).first()
    if ActivityLog.objects.filter(activity_id=activity.pk).exists():
        raise ActivityHasLogs(activity.pk)
    period_id = activity.period_id
    activity._history_user = user
    activity.delete()
    editing.close_position_gaps(Activity, period_id, user=user)
