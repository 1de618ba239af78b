"""The lifecycle's vocabulary and what each state allows: the actions, their errors, and the
questions the rest of the portal asks of a period's state (may it be edited freely, is a change
a revision, may the decision proposal be written, is it followed up …) and of a user's roles in
it. The rules of the steps are in `promises.lifecycle` (`RULES`)."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from municipalities.roles import Act, held_roles
from promises.models import (
    PUBLISHED_STATES,
    Parties,
    PeriodState,
    PromisePeriod,
    ReviewVerdict,
)


class Action(models.TextChoices):
    """What a user can do to a period; the value is the action's part of its staff URL."""

    SUBMIT = "skicka-pa-samrad", _("Send for consultation")
    WITHDRAW = "ta-tillbaka", _("Take back to draft")
    COMMENT = "kommentera", pgettext_lazy("lifecycle action", "Comment")
    # Taken on one comment (`Rule.per_review`), beside it, not among the period's steps.
    ANSWER = "svara", pgettext_lazy("lifecycle action", "Answer")
    APPROVE = "godkann", _("Approve")
    RETURN = "skicka-tillbaka", _("Send back to draft")
    DECIDE = "beslut", _("Record the decision")
    SIGN = "undertecknande", _("Record the signing")
    EXTEND = "forlang", _("Extend")
    # In context: Django's admin has its own "Close" (Stäng), on every read-only page.
    CLOSE = "avsluta", pgettext_lazy("lifecycle action", "Close")


# The approvers' steps on the version in consultation: in a later round, each page shows what
# changed since the round they sent back (`hub.round_changes`); the period's page offers them
# again after the text they read (an approver on a phone).
REVIEW_ACTIONS = (Action.COMMENT, Action.APPROVE, Action.RETURN)


class TransitionNotAllowed(Exception):
    """The user's roles or the period's state do not allow the action.

    `reason` says why when the state and the role would allow it but the step is not the
    user's to take now (an approver who already approved this round); empty otherwise.
    """

    def __init__(self, action: str, reason: str = "") -> None:
        super().__init__(action, reason)
        self.reason = reason


class TransitionInvalid(Exception):
    """The action is allowed but its data is not acceptable; `errors` maps field → messages."""

    def __init__(self, errors: dict[str | None, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclass
class SignatoryData:
    name: str
    title: str
    organisation: str


class ValidityStart(models.TextChoices):
    """Where a signed period's validity starts: at signing (the common case), or where the
    document states."""

    SIGNING = "signing", _("From the signing date")
    STATED = "stated", _("As the document states")


# -- Which states allow what ------------------------------------------------------------------

# States in which the coordinator edits freely, and in which a change is a revision.
FREELY_EDITABLE_STATES = (PeriodState.DRAFT,)
REVISABLE_STATES = (PeriodState.SIGNED, PeriodState.EXTENDED)
# The decision proposal is written for the decision: editable until the decision is recorded.
# After, it is what the deciding body had before it, and the public page shows it as such (a
# security probe rewrote it after the decision, with no trace on the public page).
PROPOSAL_STATES = (PeriodState.DRAFT, PeriodState.CONSULTATION)


def editable(period: PromisePeriod) -> bool:
    """Whether the period's content may be changed at all: freely (a draft), or by revision
    (signed, extended); the policy's `edit`, asked again by `editing.lock_period_in_state`
    under the period's lock when the edit is saved."""
    return freely_editable(period) or revisable(period)


def freely_editable(period: PromisePeriod) -> bool:
    """Whether the period's state allows changing its content freely (the draft)."""
    return period.state in FREELY_EDITABLE_STATES


def deletable(period: PromisePeriod) -> bool:
    """Whether the period may be deleted: a draft never sent for consultation, so that no
    review, decision or log refers to it (one that came back from consultation keeps its record)."""
    return period.state == PeriodState.DRAFT and period.consultation_round == 0


def revisable(period: PromisePeriod) -> bool:
    """Whether a change to the period's content must be recorded as a revision with a reason."""
    return period.state in REVISABLE_STATES


needs_revision = revisable


def has_municipal_proposal(period: PromisePeriod) -> bool:
    """Whether the period has a municipal decision proposal (tjänsteutlåtande).

    A promise the Police give alone needs no municipal decision: it still passes consultation,
    and its decision step records the Police's own decision (e.g. the head of the local police
    area), but no tjänsteutlåtande is written, shown or published for it. Nor for a past
    promise registered from its document: it was decided outside the portal, and a proposal
    "att anta följande medborgarlöften" for it, dated the day it was entered, would be invented.
    """
    if from_document(period):
        return False
    return period.parties != Parties.POLICE


def proposal_editable(period: PromisePeriod) -> bool:
    """Whether the decision proposal may still be written: until the period is signed, and only
    where the municipality decides (`has_municipal_proposal`)."""
    return period.state in PROPOSAL_STATES and has_municipal_proposal(period)


# Follow-up (meetings, assessments, reports) begins with the signing and goes on after closing,
# for the final report.
FOLLOW_UP_STATES = (PeriodState.SIGNED, PeriodState.EXTENDED, PeriodState.CLOSED)


def followed_up(period: PromisePeriod) -> bool:
    """Whether the period's state allows planning and recording its follow-up meetings."""
    return period.state in FOLLOW_UP_STATES


# Outcome indicators are defined with the promises, from the draft on, and stay editable while
# the period runs; once it is closed they are fixed. Measurements come once it is signed, and
# after closing too: the last survey often reports after the period's end.
INDICATOR_STATES = (
    PeriodState.DRAFT,
    PeriodState.CONSULTATION,
    PeriodState.DECIDED,
    PeriodState.SIGNED,
    PeriodState.EXTENDED,
)


def indicators_editable(period: PromisePeriod) -> bool:
    """Whether the period's state allows defining and changing its outcome indicators."""
    return period.state in INDICATOR_STATES


def outcomes_measured(period: PromisePeriod) -> bool:
    """Whether the period's state allows entering and withdrawing outcome measurements."""
    return period.state in FOLLOW_UP_STATES


def registering(period: PromisePeriod) -> bool:
    """Whether the period is a past promise being registered from its document: a draft that
    carries its source (promises.registration). It is filled in freely, then registered as
    signed or closed; it is never sent for consultation."""
    return period.state == PeriodState.DRAFT and bool(period.source_file or period.source_url)


def copyable(period: PromisePeriod) -> bool:
    """Whether a new draft may start from the period (its texts, promises and activities): any
    but a past promise still being registered, whose texts are not yet what its document says
    (a coordinator registering one was offered "Starta en ny period utifrån den här")."""
    return not registering(period)


def registration_correctable(period: PromisePeriod) -> bool:
    """Whether the decision, signing and signatories of a promise decided outside the portal
    may be corrected against its document: freely while it is being registered, and once it
    is published (signed, extended or closed) as a correction with its reason, in the public
    change log (`registration.correct_facts`)."""
    if registering(period):
        return True
    return period.registered_at is not None and period.state in PUBLISHED_STATES


def from_document(period: PromisePeriod) -> bool:
    """Whether the period was decided and signed outside the portal: registered from its
    document, or being registered (`registering`). Its pages show only what the document
    states: no tjänsteutlåtande, no document "for signing", no lifecycle steps in the portal."""
    return period.registered_at is not None or registering(period)


def documents_public(period: PromisePeriod) -> bool:
    """Whether the period and its documents are public: signed, extended or closed."""
    return period.state in PUBLISHED_STATES


def documents_are_drafts(period: PromisePeriod) -> bool:
    """Whether the period's documents are drafts, marked so on every page: until the decision."""
    return period.state in (PeriodState.DRAFT, PeriodState.CONSULTATION)


def roles_for(user, period: PromisePeriod) -> set[str]:
    """The roles `user` holds in the period's municipality (administrators: every role but
    approver's)."""
    return held_roles(user, period.municipality_id)


def can_edit(period: PromisePeriod, user) -> bool:
    """Whether `user` may change the period's content now (freely, or as a revision)."""
    from access import policy  # the policy asks this module for the state rules

    return policy.may(user, Act.EDIT, period)


def is_approved(period: PromisePeriod) -> bool:
    """Whether an approver approved the period in its current consultation round."""
    return period.reviews.filter(
        round=period.consultation_round, verdict=ReviewVerdict.APPROVE
    ).exists()


def sent_for_consultation_by(period: PromisePeriod, user) -> bool:
    """Whether `user` sent the period for consultation, in any round."""
    return period.transitions.filter(to_state=PeriodState.CONSULTATION, by=user.pk).exists()


def has_approved(period: PromisePeriod, user) -> bool:
    """Whether `user` approved the period in its current consultation round."""
    return period.reviews.filter(
        round=period.consultation_round, verdict=ReviewVerdict.APPROVE, reviewer=user.pk
    ).exists()
