"""Writes of the staff pages: each one transaction, recorded in the history with its author."""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from activities.models import Activity, ActivityLog


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


@transaction.atomic
def update_log(log: ActivityLog, user, **fields) -> ActivityLog:
    """Change a log's fields; the history keeps the earlier version."""
    for name, value in fields.items():
        setattr(log, name, value)
    log._history_user = user
    log.save()
    return log


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
    locked._change_reason = reason
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
