"""The lifecycle of a promise period as one state machine: who may do what, in which state.

utkast → på samråd (approvers comment, approve, or send it back) → beslutad → undertecknad →
(active while today is inside the period) → avslutad, or förlängd → avslutad.

Every step is checked here, by state and by the user's role in the period's municipality, and
recorded as a `PeriodTransition` (or, for comments and approvals, a `Review`). Views call
`perform()` and show its errors; they never set `state` themselves.
"""

import datetime
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from municipalities.models import Role
from municipalities.roles import held_roles
from promises.fields import long_date
from promises.forms import latest_end
from promises.models import (
    Extension,
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    Review,
    ReviewVerdict,
    Signatory,
)


class Action(models.TextChoices):
    """What a user can do to a period; the value is the action's part of its staff URL."""

    SUBMIT = "skicka-pa-samrad", _("Send for consultation")
    WITHDRAW = "ta-tillbaka", _("Take back to draft")
    COMMENT = "kommentera", pgettext_lazy("lifecycle action", "Comment")
    APPROVE = "godkann", _("Approve")
    RETURN = "skicka-tillbaka", _("Send back to draft")
    DECIDE = "beslut", _("Record the decision")
    SIGN = "undertecknande", _("Record the signing")
    EXTEND = "forlang", _("Extend")
    CLOSE = "avsluta", _("Close")


@dataclass(frozen=True)
class Rule:
    """Which states an action starts from, where it leads (None: stays), and who may do it."""

    from_states: tuple[str, ...]
    to_state: str | None
    roles: tuple[str, ...]


# Administrators hold the coordinator's role everywhere (municipalities.roles.held_roles).
RULES: dict[str, Rule] = {
    Action.SUBMIT: Rule((PeriodState.DRAFT,), PeriodState.CONSULTATION, (Role.COORDINATOR,)),
    Action.WITHDRAW: Rule((PeriodState.CONSULTATION,), PeriodState.DRAFT, (Role.COORDINATOR,)),
    Action.COMMENT: Rule((PeriodState.CONSULTATION,), None, (Role.APPROVER,)),
    Action.APPROVE: Rule((PeriodState.CONSULTATION,), None, (Role.APPROVER,)),
    Action.RETURN: Rule((PeriodState.CONSULTATION,), PeriodState.DRAFT, (Role.APPROVER,)),
    Action.DECIDE: Rule((PeriodState.CONSULTATION,), PeriodState.DECIDED, (Role.COORDINATOR,)),
    Action.SIGN: Rule((PeriodState.DECIDED,), PeriodState.SIGNED, (Role.COORDINATOR,)),
    Action.EXTEND: Rule((PeriodState.SIGNED,), PeriodState.EXTENDED, (Role.COORDINATOR,)),
    Action.CLOSE: Rule(
        (PeriodState.SIGNED, PeriodState.EXTENDED), PeriodState.CLOSED, (Role.COORDINATOR,)
    ),
}

# States in which the coordinator edits freely, and in which a change is a revision.
FREELY_EDITABLE_STATES = (PeriodState.DRAFT,)
REVISABLE_STATES = (PeriodState.SIGNED, PeriodState.EXTENDED)
# States in which the decision proposal (tjänsteutlåtande) is still written: until signing.
PROPOSAL_STATES = (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED)


class TransitionNotAllowed(Exception):
    """The user's roles or the period's state do not allow the action."""


class TransitionInvalid(Exception):
    """The action is allowed but its data is not acceptable; `errors` maps field → messages."""

    def __init__(self, errors: dict[str | None, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def roles_for(user, period: PromisePeriod) -> set[str]:
    """The roles `user` holds in the period's municipality (administrators: every role but
    approver's)."""
    return held_roles(user, period.municipality_id)


def allowed(action: str, period: PromisePeriod, roles: set[str]) -> bool:
    """Whether someone with `roles` may take `action` on `period` in its current state."""
    rule = RULES[action]
    return period.state in rule.from_states and bool(roles & set(rule.roles))


def available_actions(period: PromisePeriod, user) -> list[str]:
    """The actions `user` may take on `period` now, in lifecycle order."""
    roles = roles_for(user, period)
    return [action for action in Action.values if allowed(action, period, roles)]


def can_edit(period: PromisePeriod, user) -> bool:
    """Whether `user` may change the period's content now (freely, or as a revision)."""
    if period.state not in FREELY_EDITABLE_STATES + REVISABLE_STATES:
        return False
    return bool(roles_for(user, period) & {Role.COORDINATOR})


def needs_revision(period: PromisePeriod) -> bool:
    """Whether a change to the period's content must be recorded as a revision with a reason."""
    return period.state in REVISABLE_STATES


def is_approved(period: PromisePeriod) -> bool:
    """Whether an approver approved the period in its current consultation round."""
    return period.reviews.filter(
        round=period.consultation_round, verdict=ReviewVerdict.APPROVE
    ).exists()


@dataclass
class SignatoryData:
    name: str
    title: str
    organisation: str


def _require(errors: dict, field: str, value, message) -> None:
    if value in (None, "", []):
        errors.setdefault(field, []).append(str(message))


def _check_submit(period: PromisePeriod, errors: dict) -> None:
    if not period.promises.exists():
        errors.setdefault(None, []).append(str(_("Add at least one promise first.")))
    activities = period.activities.all()
    if not activities.exists():
        errors.setdefault(None, []).append(str(_("Add at least one activity first.")))
    elif activities.filter(promises__isnull=True).exists():
        errors.setdefault(None, []).append(
            str(_("Every activity must serve at least one of the promises."))
        )


def _check_decide(data: dict, today: datetime.date, errors: dict) -> None:
    _require(errors, "decision_body", data.get("decision_body"), _("Name the decision body."))
    _require(errors, "decision_date", data.get("decision_date"), _("Enter the decision date."))
    day = data.get("decision_date")
    if day and day > today:
        errors.setdefault("decision_date", []).append(
            str(_("The decision date cannot be in the future."))
        )


def _check_sign(period: PromisePeriod, data: dict, today: datetime.date, errors: dict) -> None:
    day = data.get("signed_date")
    _require(errors, "signed_date", day, _("Enter the signing date."))
    if day:
        if day > today:
            errors.setdefault("signed_date", []).append(
                str(_("The signing date cannot be in the future."))
            )
        if period.decision_date and day < period.decision_date:
            errors.setdefault("signed_date", []).append(
                str(_("The period cannot be signed before it was decided."))
            )
        if day > period.end_date:
            errors.setdefault("signed_date", []).append(
                str(_("The signing date must be before the period ends."))
            )
    signatories = data.get("signatories") or []
    if len(signatories) < 2:
        errors.setdefault("signatories", []).append(
            str(_("Name a signatory for each party: the municipality and the Police."))
        )


def _check_extend(period: PromisePeriod, data: dict, today: datetime.date, errors: dict) -> None:
    _check_decide(data, today, errors)
    new_end = data.get("new_end_date")
    _require(errors, "new_end_date", new_end, _("Enter the new end date."))
    if new_end and new_end <= period.end_date:
        errors.setdefault("new_end_date", []).append(
            str(_("The new end date must be after the current end date."))
        )
    elif new_end:
        # The whole period, extension included, runs for at most five years, as a new one does.
        latest = latest_end(period.start_date)
        if latest is not None and new_end > latest:
            errors.setdefault("new_end_date", []).append(
                str(
                    _(
                        "A citizen promise can run for at most five years, extensions included: "
                        "choose an end date no later than %(date)s."
                    )
                    % {"date": long_date(latest)}
                )
            )


@transaction.atomic
def perform(
    period: PromisePeriod,
    user,
    action: str,
    *,
    comment: str = "",
    today: datetime.date | None = None,
    **data,
) -> PeriodTransition | Review:
    """Take `action` on `period` as `user`, check it, apply it and record it.

    `data` carries the action's own fields: decision_body, decision_date, decision_reference
    (decide, extend); signed_date and signatories, a list of `SignatoryData` (sign); new_end_date
    (extend). Raises `TransitionNotAllowed` or `TransitionInvalid`; writes nothing then.
    """
    today = today or timezone.localdate()
    # Lock the row: two people pressing at once cannot both move the period.
    period = PromisePeriod.objects.select_for_update().get(pk=period.pk)
    roles = roles_for(user, period)
    if not allowed(action, period, roles):
        raise TransitionNotAllowed(action)
    comment = comment.strip()
    errors: dict[str | None, list[str]] = {}
    if action in (Action.COMMENT, Action.RETURN):
        _require(errors, "comment", comment, _("Write a comment."))
    if action == Action.SUBMIT:
        _check_submit(period, errors)
    elif action == Action.DECIDE:
        _check_decide(data, today, errors)
        if not is_approved(period):
            errors.setdefault(None, []).append(str(_("No approver has approved this version yet.")))
    elif action == Action.SIGN:
        _check_sign(period, data, today, errors)
    elif action == Action.EXTEND:
        _check_extend(period, data, today, errors)
    if errors:
        raise TransitionInvalid(errors)

    if action in (Action.COMMENT, Action.APPROVE, Action.RETURN):
        verdict = {
            Action.COMMENT: ReviewVerdict.COMMENT,
            Action.APPROVE: ReviewVerdict.APPROVE,
            Action.RETURN: ReviewVerdict.RETURN,
        }[action]
        review = Review.objects.create(
            period=period,
            round=period.consultation_round,
            reviewer=user,
            verdict=verdict,
            comment=comment,
        )
        if action != Action.RETURN:
            return review

    rule = RULES[action]
    from_state = period.state
    period.state = rule.to_state
    if action == Action.SUBMIT:
        period.consultation_round += 1
    elif action == Action.DECIDE:
        period.decision_body = data["decision_body"]
        period.decision_date = data["decision_date"]
        period.decision_reference = data.get("decision_reference", "")
    elif action == Action.SIGN:
        period.signed_date = data["signed_date"]
        # Validity starts at signing.
        if period.signed_date > period.start_date:
            period.start_date = period.signed_date
        Signatory.objects.bulk_create(
            Signatory(period=period, position=i, **vars(s))
            for i, s in enumerate(data["signatories"], start=1)
        )
    elif action == Action.EXTEND:
        Extension.objects.create(
            period=period,
            previous_end_date=period.end_date,
            new_end_date=data["new_end_date"],
            decision_body=data["decision_body"],
            decision_date=data["decision_date"],
            decision_reference=data.get("decision_reference", ""),
            created_by=user,
        )
        period.end_date = data["new_end_date"]
    period._history_user = user
    period.save()
    return PeriodTransition.objects.create(
        period=period, from_state=from_state, to_state=period.state, by=user, comment=comment
    )
