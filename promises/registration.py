"""Registering a past promise: a document decided and signed outside the portal, entered
afterwards with what it states and nothing more.

Two steps. `start_registration` saves the document's facts (validity, area, parties, decision,
signing, signatories: each as known) and its source (the uploaded file, kept unchanged through
Django's storage API, or a web address) as a draft that only staff see; the coordinator then
adds its promises and activities with the ordinary editor, freely, as in any draft, without
revisions. `register` publishes it: signed when its validity includes today or has not started
yet, or runs until further notice; closed when it has ended. The lifecycle records that as one
`PeriodTransition` of kind registration from no state, never as a consultation, decision or
signing in the portal. The registration is refused while its validity overlaps another
published period of the same municipality and area.
"""

import datetime
import os
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from promises import lifecycle
from promises.editing import (
    Change,
    give_reason,
    lock_period_in_state,
    record_revision,
    save_versioned,
    text_value,
)
from promises.lifecycle import SignatoryData
from promises.models import (
    ChangeKind,
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    RevisionKind,
    Signatory,
    TransitionKind,
)
from promises.validity import overlap_message, overlapping_period

# Sent inside `register`, once the period is published and saved: the follow-up keeps the
# signing document as registered (followups.frozen). A signal, so this app imports nothing above.
registered = Signal()


class RegistrationRefused(Exception):
    """The period cannot be registered as it is; `messages` say why."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(messages)
        self.messages = messages


def registered_state(period: PromisePeriod, today: datetime.date) -> str:
    """The state a registered period takes: closed once its validity has ended, else signed."""
    if period.end_date is not None and period.end_date < today:
        return PeriodState.CLOSED
    return PeriodState.SIGNED


# A file system takes a name of at most 255 bytes, the storage's "_abc1234" for a name in use
# included; the field's max_length counts characters (a name of 200 "å" is 400 bytes).
MAX_NAME_BYTES = 200


def storable_name(name: str) -> str:
    """`name` cut, before its extension, to at most MAX_NAME_BYTES in UTF-8 (a whole letter)."""
    stem, extension = os.path.splitext(name)
    room = max(0, MAX_NAME_BYTES - len(extension.encode()))  # the forms allow short ones
    return stem.encode()[:room].decode("utf-8", "ignore") + extension


@transaction.atomic
def start_registration(
    period: PromisePeriod,
    *,
    user,
    signatories: Sequence[SignatoryData] = (),
    source_file: UploadedFile | None = None,
    at: datetime.datetime | None = None,
) -> PromisePeriod:
    """Save the unsaved `period` (its facts and source address filled in) as a draft being
    registered, with its `signatories` and the uploaded `source_file` stored unchanged."""
    period.state = PeriodState.DRAFT
    if source_file is not None:
        # FieldFile.save stores the bytes as uploaded, under a name the storage keeps free.
        period.source_file.save(storable_name(source_file.name), source_file, save=False)
    period._history_user = user
    if at is not None:
        period._history_date = at
    period.save()
    _add_signatories(period, signatories)
    return period


def _add_signatories(period: PromisePeriod, signatories: Sequence[SignatoryData]) -> None:
    """The document's signatories, in its order."""
    Signatory.objects.bulk_create(
        Signatory(period=period, position=number, **vars(signatory))
        for number, signatory in enumerate(signatories, start=1)
    )


# The facts a correction changes, as the change log names them.
CORRECTED_FACTS = (
    ("decision_body", gettext_lazy("Decision body")),
    ("decision_date", gettext_lazy("Decision date")),
    ("decision_reference", gettext_lazy("Reference number (dnr)")),
    ("signed_date", gettext_lazy("Signing date")),
)


def _signatory_words(signatories: Sequence) -> str:
    return "; ".join(
        ", ".join(part for part in (row.name, row.title, row.organisation) if part)
        for row in signatories
    )


def fact_changes(
    before: dict, period: PromisePeriod, signatories_before: Sequence, signatories: Sequence
) -> list[Change]:
    """The corrected facts of `period` (set on it, unsaved) against `before`, and of its
    signatories, as change-log lines."""
    changes = [
        Change(
            ChangeKind.FACT_CORRECTED,
            subject=text_value(label),
            old_value=text_value(before[name]),
            new_value=text_value(getattr(period, name)),
        )
        for name, label in CORRECTED_FACTS
        if (before[name] or None) != (getattr(period, name) or None)
    ]
    old, new = _signatory_words(signatories_before), _signatory_words(signatories)
    if old != new:
        changes.append(
            Change(
                ChangeKind.FACT_CORRECTED,
                subject=text_value(gettext_lazy("Signatories")),
                old_value=old,
                new_value=new,
            )
        )
    return changes


def correct_facts(
    period: PromisePeriod,
    expected_version: int,
    *,
    user,
    signatories: Sequence[SignatoryData],
    reason: str = "",
) -> bool:
    """Save the decision and signing facts set on `period` (a form's instance) and replace its
    signatories, as corrected against the document; returns whether anything changed.

    Being registered, freely. Once published, each correction is a revision of kind correction
    with its `reason`, in the public change log (the original kept at registration stays as it
    was). Raises `EditConflict` when somebody saved the period since the form was shown, and
    `access.policy.NotNow` when it may no longer be corrected.
    """
    with transaction.atomic():
        locked = lock_period_in_state(period.pk, lifecycle.registration_correctable)
        before = {name: getattr(locked, name) for name, _label in CORRECTED_FACTS}
        signatories_before = list(locked.signatories.all())
        changes = fact_changes(before, period, signatories_before, signatories)
        if not changes:
            return False

        def replace_signatories() -> None:
            period.signatories.all().delete()
            _add_signatories(period, signatories)

        if reason:
            # The period's own history says why too (its history page showed the change alone).
            give_reason(period, reason)
        save_versioned(period, expected_version, user=user, save_m2m=replace_signatories)
        if not lifecycle.registering(locked):
            record_revision(
                locked, user=user, kind=RevisionKind.CORRECTION, reason=reason, changes=changes
            )
    return True


# What a registered promise still in force must state (see `missing_facts`).
FACTS_IN_FORCE = (
    ("decision_body", gettext_lazy("the decision-making body")),
    ("decision_date", gettext_lazy("the decision date")),
    ("signed_date", gettext_lazy("the signing date")),
)


def missing_facts(period: PromisePeriod, today: datetime.date) -> list[str]:
    """What a period published as in force by registration lacks of its decision and signing.
    The portal's own path has an approver, a decision and a signing; a registration has one
    coordinator and the document (its source, which every registration carries): a promise
    shown as in force must at least say who decided it when, and when it was signed. A
    promise that has ended is registered with what its archive copy states, as known."""
    if registered_state(period, today) != PeriodState.SIGNED:
        return []
    return [label for field, label in FACTS_IN_FORCE if not getattr(period, field)]


def refusals(period: PromisePeriod) -> list[str]:
    """Why `period` cannot be registered now (empty: it can)."""
    messages = []
    if not lifecycle.registering(period):
        messages.append(_("This citizen promise is not being registered from a document."))
        return messages
    if not (period.promises.exists() or period.activities.exists()):
        messages.append(_("Add the document's promises or activities first."))
    if missing := missing_facts(period, timezone.localdate()):
        messages.append(
            _(
                "A citizen promise still in force is published only with its decision and "
                "signing. Where the document does not state them, take them from the "
                "municipality's minutes or register. Fill in: %(missing)s."
            )
            % {"missing": ", ".join(str(label) for label in missing)}
        )
    other = overlapping_period(period)
    if other is not None:
        messages.append(overlap_message(other))
    return messages


@transaction.atomic
def register(
    period: PromisePeriod,
    *,
    user,
    comment: str = "",
    at: datetime.datetime | None = None,
) -> PeriodTransition:
    """Publish the draft `period` as registered afterwards from its document; raises
    `RegistrationRefused` (and writes nothing) when it cannot be."""
    at = at or timezone.now()
    # Lock the row: two people finishing at once register it once.
    period = (
        PromisePeriod.objects.select_for_update().select_related("municipality").get(pk=period.pk)
    )
    messages = refusals(period)
    if messages:
        raise RegistrationRefused(messages)
    period.state = registered_state(period, timezone.localdate(at))
    period.registered_at = at
    period.registered_by = user
    period._history_user = user
    period._history_date = at
    period.save()
    transition = PeriodTransition.objects.create(
        period=period,
        from_state="",
        to_state=period.state,
        by=user,
        at=at,
        comment=comment.strip(),
        kind=TransitionKind.REGISTRATION,
    )
    registered.send(sender=PromisePeriod, period=period, at=at)
    return transition
