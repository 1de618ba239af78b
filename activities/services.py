"""Writes of the staff pages: each one transaction, recorded in the history with its author."""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator

from activities.models import Activity, ActivityLog

_history_reason = ActivityLog.history.model._meta.get_field("history_change_reason")
CHANGE_REASON_LENGTH = _history_reason.max_length


class IdempotencyConflict(Exception):
    """The idempotency key belongs to somebody else's log."""


def record_log(
    *, activity: Activity, user, idempotency_key: uuid.UUID, **fields
) -> tuple[ActivityLog, bool]:
    """Save a log once per idempotency key; a repeat returns the first log and False.

    The key's unique constraint decides under concurrency: a parallel repeat waits for the first
    insert, fails on the key, and then finds the committed log.
    """
    log = ActivityLog(
        activity=activity, reported_by=user, idempotency_key=idempotency_key, **fields
    )
    log._history_user = user
    try:
        with transaction.atomic():
            log.save()
        return log, True
    except IntegrityError:
        existing = ActivityLog.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        if existing.reported_by_id != user.pk:
            raise IdempotencyConflict(idempotency_key) from None
        return existing, False


class LogWithdrawn(Exception):
    """The log has been withdrawn; a withdrawn log is not changed."""


@transaction.atomic
def update_log(log: ActivityLog, user, **fields) -> ActivityLog:
    """Change a log's fields; the history keeps the earlier version.

    The row is locked and only the given fields are written, so an edit racing a withdrawal
    cannot bring the withdrawn log back; editing a withdrawn log raises LogWithdrawn.
    """
    locked = ActivityLog.objects.select_for_update().get(pk=log.pk)
    if locked.withdrawn_at is not None:
        raise LogWithdrawn(log.pk)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked._history_user = user
    locked.save(update_fields=list(fields))
    return locked


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
    locked._change_reason = Truncator(reason).chars(CHANGE_REASON_LENGTH)
    locked.save()
    return True


@transaction.atomic
def set_activity_status(activity: Activity, user, status: str, reason: str) -> Activity:
    """Set the status of an activity without a numeric target."""
    activity.status = status
    activity.status_reason = reason
    activity._history_user = user
    activity.save(update_fields=["status", "status_reason", "updated_at"])
    return activity
