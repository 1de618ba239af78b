"""Saving edits without losing anybody's: versioned saves and revisions of signed periods.

Every editable object (period, promise, activity, decision proposal, log, draft report) carries
an `edit_version`. The editor sends the version it showed; a save based on an older version is
refused with `EditConflict`, so the second of two people editing at once is told, and keeps their
text. A form that makes an object sends a key of its own (`save_once`): sent twice, it makes one.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, models, transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext

from promises import notifications
from promises.fields import long_date
from promises.models import PromisePeriod, Revision, RevisionChange


class EditConflict(Exception):
    """Somebody saved the object after the editor showed it; `current` is the saved object."""

    def __init__(self, current: models.Model) -> None:
        super().__init__(current)
        self.current = current


class Repeated(Exception):
    """The form that makes an object was sent again; `existing` is what the first one made."""

    def __init__(self, existing: models.Model) -> None:
        super().__init__(existing)
        self.existing = existing


def save_once(instance: models.Model) -> None:
    """Insert a new `instance` of a period once per its `idempotency_key` (sent with its form),
    or raise `Repeated` with the object the first submission made.

    The key's unique constraint decides, also for two submissions at once; the failed insert
    is undone alone (a savepoint), so the caller's transaction goes on or ends as it chooses.
    """
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        key = instance.idempotency_key
        model = type(instance)
        existing = model.objects.filter(idempotency_key=key).first() if key else None
        if existing is None:
            raise
        if existing.period_id != instance.period_id:
            # Another period's key (a form's field altered): no repeat of this form's
            # submission, so saved as a new one under a key of its own (was a 500).
            instance.idempotency_key = uuid.uuid4()
            with transaction.atomic():
                instance.save()
            return
        raise Repeated(existing) from None


def check_version(locked: models.Model, expected_version: int | None) -> None:
    """On a row locked for update: raise `EditConflict` with it unless it is still at the
    version the form showed (`expected_version`; None: a write no form showed, not checked)."""
    if expected_version is not None and locked.edit_version != expected_version:
        raise EditConflict(locked)


def holds(instance: models.Model, fields: dict) -> bool:
    """Whether `instance` already has every value of `fields` (a related object by its key):
    saving them would change nothing. A form sent again after its save (a retry when the answer
    was lost, the back button) is then no conflict with the version its own first send made."""
    for name, value in fields.items():
        if isinstance(value, models.Model):
            value = value.pk
        if getattr(instance, instance._meta.get_field(name).attname) != value:
            return False
    return True


def claim_version(instance: models.Model, expected_version: int) -> None:
    """Move `instance`'s saved version from `expected_version` on, or raise `EditConflict`.

    Call inside a transaction before saving. The conditional UPDATE is atomic in the database:
    of two saves based on the same version exactly one matches the row.
    """
    model = type(instance)
    claimed = model.objects.filter(pk=instance.pk, edit_version=expected_version).update(
        edit_version=F("edit_version") + 1
    )
    if not claimed:
        raise EditConflict(model.objects.get(pk=instance.pk))
    instance.edit_version = expected_version + 1
    instance._version_claimed = True  # the save that follows keeps it (EditVersioned)


def lock_period_in_state(period_id: int, allowed) -> PromisePeriod:
    """Lock the period (as a lifecycle step does) and refuse (`access.policy.NotNow`, the 403
    that says why) unless `allowed(period)` still holds: the state the view checked when the
    request began may have changed before the save (a step committed in between, and a draft's
    edit landed in a period sent for consultation, or a proposal after the decision)."""
    from access.policy import NotNow  # access imports the apps, which import this module

    period = PromisePeriod.objects.select_for_update().get(pk=period_id)
    if not allowed(period):
        raise NotNow(period)
    return period


def save_versioned(
    instance: models.Model, expected_version: int, *, user, save_m2m=None
) -> models.Model:
    """Save `instance` (and, through `save_m2m`, its many-to-many fields) if nobody saved since.

    Recorded in the history with `user` as author.
    """
    with transaction.atomic():
        claim_version(instance, expected_version)
        instance._history_user = user
        instance.save()
        if save_m2m is not None:
            save_m2m()
    return instance


def give_reason(instance: models.Model, reason: str) -> None:
    """Record `reason` in `instance`'s next history record, cut to fit the history's column
    (what the instance keeps in its own field, a withdrawal's reason, stays whole)."""
    length = type(instance).history.model._meta.get_field("history_change_reason").max_length
    instance._change_reason = Truncator(reason).chars(length)


def last_editor(instance: models.Model):
    """The history record of the latest save of `instance` (who and when), or None."""
    return instance.history.select_related("history_user").order_by("-history_date").first()


@dataclass(frozen=True)
class RevisionData:
    """The kind and reason a coordinator gave for changing a signed period."""

    kind: str
    reason: str
    # The staff concerned are e-mailed of it (not of a past revision the demo records).
    notify: bool = True


@dataclass
class Change:
    """One public change-log line: kind, subject, before and after."""

    kind: str
    subject: str
    old_value: str = ""
    new_value: str = ""
    progress_before: str = ""


def record_revision(
    period: PromisePeriod,
    *,
    user,
    kind: str,
    reason: str,
    changes: list[Change],
    at: datetime.datetime | None = None,
    notify: bool = True,
) -> Revision | None:
    """Record a revision of a signed period with its changes; None when nothing changed.

    Call inside the transaction that saves the changes. Values are stored as the public read
    them in Swedish, the portal's language, so the log reads the same whatever changes later.
    `at` is the moment recorded (default now). The staff of both parties are e-mailed of it
    once it is committed, unless `notify` is False.
    """
    if not changes:
        return None
    # Lock the period: parallel revisions get consecutive numbers.
    PromisePeriod.objects.select_for_update().filter(pk=period.pk).first()
    number = (period.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    revision = Revision.objects.create(
        period=period,
        number=number,
        kind=kind,
        reason=reason.strip(),
        created_by=user,
        created_at=at or timezone.now(),
    )
    RevisionChange.objects.bulk_create(
        RevisionChange(revision=revision, position=i, **vars(change))
        for i, change in enumerate(changes, start=1)
    )
    if notify:
        what = "; ".join(dict.fromkeys(change.subject for change in changes if change.subject))
        comment = f"{capfirst(revision.get_kind_display())}: {revision.reason}"
        if what:
            comment += "\n" + gettext("Changed: %(subjects)s.") % {"subjects": what}
        notifications.notify(notifications.REVISED, period, by=user, comment=comment)
    return revision


def text_value(value) -> str:
    """A field value as the change log shows it, in Swedish: a date in full ("10 december
    2018")."""
    with translation.override("sv"):
        if isinstance(value, datetime.date):
            return long_date(value)
        return "" if value is None else str(value)


UP, DOWN = "up", "down"


def move_in_period(instance: models.Model, direction: str, *, user) -> bool:
    """Swap a promise or activity with its neighbour above (`UP`) or below; False at that end.

    Positions are unique in a period and checked row by row, so the moved one waits at a free
    position while its neighbour takes its place. Both saves go into the history. Call inside
    a transaction.
    """
    model = type(instance)
    PromisePeriod.objects.select_for_update().filter(pk=instance.period_id).first()
    instance = model.objects.get(pk=instance.pk)
    siblings = model.objects.filter(period_id=instance.period_id)
    if direction == UP:
        neighbour = siblings.filter(position__lt=instance.position).order_by("-position").first()
    else:
        neighbour = siblings.filter(position__gt=instance.position).order_by("position").first()
    if neighbour is None:
        return False
    mine, theirs = instance.position, neighbour.position
    free = siblings.aggregate(last=Max("position"))["last"] + 1
    model.objects.filter(pk=instance.pk).update(position=free)
    for obj, position in ((neighbour, mine), (instance, theirs)):
        obj.position = position
        obj._history_user = user
        obj.save(update_fields=["position"])
    return True


def close_position_gaps(model: type[models.Model], period_id: int, *, user) -> None:
    """Number a period's promises or activities 1, 2, 3… again after one was deleted.

    Ascending order: each moves into a position that is already free. Call inside a
    transaction holding the period's lock.
    """
    remaining = model.objects.filter(period_id=period_id).order_by("position", "pk")
    for number, obj in enumerate(remaining, start=1):
        if obj.position != number:
            obj.position = number
            obj._history_user = user
            obj.save(update_fields=["position"])
