"""The lifecycle of a promise period as one state machine: who may do what, in which state.

utkast → på samråd (approvers comment, approve, or send it back; the coordinator answers their
comments) → beslutad → undertecknad → (active while today is inside the period) → avslutad, or
förlängd → avslutad.

Every step is checked here, by state and by the user's role in the period's municipality, and
recorded as a `PeriodTransition` (or, for comments and approvals, a `Review`; for an answer to a
comment, a `ReviewAnswer` under it). Views call `perform()` and show its errors; they never set
`state` themselves.

Every rule about states is asked of this module: which actions there are, from which states, for
whom, with which checks (`RULES`); which states allow free editing, which make a change a
revision, and which let the decision proposal be written (`freely_editable`, `revisable`,
`proposal_editable`). A step's checks of the user (an approver approves a round once) decide
whether it is offered at all, so the hub's buttons, the access policy and `perform` agree. Steps
that concern others e-mail them once committed (`promises.notifications`, from their effects).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from municipalities.models import Role
from municipalities.roles import Act, held_roles
from promises import copy_review, notifications
from promises import parties as parties_module
from promises.fields import long_date
from promises.forms import latest_end
from promises.models import (
    PUBLISHED_STATES,
    Extension,
    Parties,
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    Review,
    ReviewAnswer,
    ReviewVerdict,
    Signatory,
)
from promises.validity import overlap_message, overlapping_period


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


# -- One step: its data, checks (guards) and what it does (effects) ----------------------------

# The message of each required field of the steps; the forms (lifecycle_forms) use the same.
REQUIRED = {
    "comment": _("Write a comment."),
    "answer": _("Write an answer."),
    "decision_body": _("Name the decision body."),
    "decision_date": _("Enter the decision date."),
    "signed_date": _("Enter the signing date."),
    "new_end_date": _("Enter the new end date."),
}


@dataclass
class Step:
    """One action being taken: the locked period, who, when, and the action's own data."""

    period: PromisePeriod
    user: object
    comment: str
    today: datetime.date
    at: datetime.datetime
    data: dict
    errors: dict[str | None, list[str]] = field(default_factory=dict)
    # Whether the staff concerned are e-mailed (not when the demo records past steps).
    notify: bool = True
    # The stated start a signing replaced, kept with the transition.
    previous_start_date: datetime.date | None = None
    # What a step that neither moves the period nor reviews it recorded (an answer).
    record: object = None

    def error(self, field_name: str | None, message) -> None:
        self.errors.setdefault(field_name, []).append(str(message))

    def require(self, *names: str) -> None:
        """An error for each named field (the comment, or a data field) left empty."""
        for name in names:
            value = self.comment if name == "comment" else self.data.get(name)
            if value in (None, "", []):
                self.error(name, REQUIRED[name])


Guard = Callable[[Step], None]
Effect = Callable[[Step], None]
# A check of the user against the period, asked wherever the step is offered and when it is
# taken (available_actions, the access policy, perform): why the step is not the user's to take
# now, or None.
UserGuard = Callable[[PromisePeriod, object], "str | None"]


def _not_approved_by_user(period: PromisePeriod, user) -> "str | None":
    # One approval per approver and round; a new round (sent again) asks again.
    if has_approved(period, user):
        return _("You have already approved this version of the citizen promise.")
    return None


def _not_sent_by_user(period: PromisePeriod, user) -> "str | None":
    # Two people at least: whoever sent the promise for consultation (a coordinator who is an
    # approver too) does not approve it.
    if sent_for_consultation_by(period, user):
        return _("You sent this citizen promise for consultation, so another approver approves it.")
    return None


def _not_registering(period: PromisePeriod, user) -> "str | None":
    # A document decided and signed outside the portal gets no consultation in it.
    if registering(period):
        return _(
            "This draft registers a citizen promise decided and signed outside the portal: "
            "finish the registration instead."
        )
    return None


def _approved_first(period: PromisePeriod, user) -> "str | None":
    # The decision follows an approval of the version decided on: not offered before one.
    if not is_approved(period):
        return _(
            "No approver has approved this version yet. The decision can be recorded once an "
            "approver has approved it."
        )
    return None


def _has_content(period: PromisePeriod, user) -> "str | None":
    # A document may be only a list of activities (no separate promises): it is sent as it is.
    # Where it has promises, every activity serves at least one of them. Not offered before.
    activities = period.activities.all()
    if not activities.exists():
        return _("Add at least one activity first.")
    if period.promises.exists():
        unserved = list(activities.filter(promises__isnull=True).values_list("title", flat=True))
        if unserved:
            return _unserved_refusal(unserved)
    return None


class Refusal(str):
    """Why a step is held back, when a field of the period's details puts it right: `field`,
    the field to fill in, and `fix`, the words of the link to it in the period's editor."""

    field: str = ""
    fix: str = ""

    def __new__(cls, text: str, field: str = "", fix: str = "") -> "Refusal":
        refusal = super().__new__(cls, text)
        refusal.field, refusal.fix = field, fix
        return refusal


def _names_police_area(period: PromisePeriod, user) -> "Refusal | None":
    # Where the Police give promises, the signing document names the local police area as
    # their party (`parties.police`), its head signs for them and the signing form proposes it
    # as the organisation of the Police's signatory; the public page names it too. Chosen
    # before consultation, so that the approvers read what will be signed. A municipality that
    # gives the promises alone needs none; a promise registered afterwards says what its
    # document says ("ej angivet") and is never sent.
    if period.local_police_area_id is None and period.parties != Parties.MUNICIPALITY:
        return Refusal(
            gettext(
                "Choose the local police area first: the citizen promise names it as the "
                "Police's party, and its head signs for the Police."
            ),
            field="local_police_area",
            fix=gettext("Choose the local police area"),
        )
    return None


# How many activities without a promise the refusal names; the rest are counted.
UNSERVED_NAMED = 5


def _unserved_refusal(titles: list[str]) -> str:
    """Why a draft is not sent: the activities that serve no promise, by name (a copied or
    imported draft may have many, and its page does not otherwise say which)."""
    named = [f"”{title}”" for title in titles[:UNSERVED_NAMED]]
    rest = len(titles) - len(named)
    if rest:
        named.append(ngettext("%(count)d more", "%(count)d more", rest) % {"count": rest})
    which = ngettext(
        "Choose which promise the activity %(activities)s serves.",
        "Choose which promises the activities %(activities)s serve.",
        len(titles),
    ) % {"activities": get_text_list(named, gettext("and"))}
    return f"{gettext('Every activity must serve at least one of the promises.')} {which}"


def _has_comment(step: Step) -> None:
    step.require("comment")
    # A comment may be about one promise: one of this period's.
    promise = step.data.get("promise")
    if promise is not None and promise.period_id != step.period.pk:
        step.error("promise", _("Choose one of this citizen promise's promises."))


def _not_after_today(step: Step, name: str, message) -> None:
    day = step.data.get(name)
    if day and day > step.today:
        step.error(name, message)


def _has_decision(step: Step) -> None:
    step.require("decision_body", "decision_date")
    _not_after_today(step, "decision_date", _("The decision date cannot be in the future."))


def signed_validity_start(period: PromisePeriod, signed_date: datetime.date, choice: str):
    """The first day of validity a signing on `signed_date` gives `period` by `choice`: from
    the signing, or as stated. A signing before the stated start never starts it earlier."""
    if choice == ValidityStart.SIGNING:
        return max(signed_date, period.start_date)
    return period.start_date


def _has_content_reviewed(step: Step) -> None:
    # A copy's texts that name a year, a date or a period are edited or confirmed first.
    outstanding = copy_review.outstanding(step.period)
    if outstanding:
        step.error(
            None,
            _(
                "Review the copied texts that name a year, a date or a period first: "
                "%(count)s left (see the list on the citizen promise's page)."
            )
            % {"count": len(outstanding)},
        )


def texts_to_review(action: str, period: PromisePeriod) -> list:
    """The copied texts naming a year, a date or a period that hold `action` back on `period`
    (its check `_has_content_reviewed`), so its page can say so before it is sent; [] when
    the step does not wait for them."""
    if _has_content_reviewed in RULES[action].guards:
        return copy_review.outstanding(period)
    return []


# Who must sign, by who gives the promises, and what is said when a party has no signatory.
SIGNATORIES_NEEDED = {
    Parties.JOINT: _(
        "Name a signatory for each party: the municipality and the Police. The Police's "
        "signatory has an organisation such as Polisen or Lokalpolisområde …"
    ),
    Parties.POLICE: _("Name the signatory for the Police."),
    Parties.MUNICIPALITY: _("Name the signatory for the municipality."),
}


def _has_signing(step: Step) -> None:
    step.require("signed_date")
    _not_after_today(step, "signed_date", _("The signing date cannot be in the future."))
    day, period = step.data.get("signed_date"), step.period
    choice = step.data.get("validity_start") or ValidityStart.SIGNING
    if choice not in ValidityStart.values:
        step.error("validity_start", _("Choose where the validity starts."))
        return
    if day and period.decision_date and day < period.decision_date:
        step.error("signed_date", _("The period cannot be signed before it was decided."))
    # Validity from the signing date needs a day left before the end.
    last = period.end_date
    from_signing = choice == ValidityStart.SIGNING
    if day and last is not None and (day > last or (day == last and from_signing)):
        step.error("signed_date", _("The signing date must be before the period ends."))
    if day and not step.errors.get("signed_date"):
        _not_overlapping(step, signed_validity_start(period, day, choice), period.end_date)
    # Only the parties that give the promises sign: both, or the one alone; each signatory for
    # the party their organisation names (two signatories of the municipality were taken for a
    # joint signing, and the page said "Polisen och kommunen lovar gemensamt").
    parties = period.parties if period.parties in SIGNATORIES_NEEDED else Parties.JOINT
    signatories = step.data.get("signatories") or []
    police = sum(parties_module.signs_for_police(s.organisation) for s in signatories)
    needed = {
        Parties.JOINT: police >= 1 and len(signatories) - police >= 1,
        Parties.POLICE: police >= 1,
        Parties.MUNICIPALITY: len(signatories) - police >= 1,
    }
    if not needed[parties]:
        step.error("signatories", SIGNATORIES_NEEDED[parties])


def _not_overlapping(step: Step, start: datetime.date, end: datetime.date | None) -> None:
    """An error when [start, end] overlaps another signed period of the same place."""
    other = overlapping_period(step.period, start, end, open_ended=end is None)
    if other is not None:
        step.error(None, overlap_message(other))


def _has_end(period: PromisePeriod, user) -> "str | None":
    # A period in force until further notice has no end to move; it is closed when it ends.
    if period.end_date is None:
        return _(
            "The citizen promise applies until further notice: it has no end date to extend. "
            "Close it when it ends."
        )
    return None


def _has_begun(period: PromisePeriod, user) -> "str | None":
    # Closing says the period is over: one that has not begun has nothing to close yet (and its
    # page would show a period ended before it started).
    if timezone.localdate() < period.start_date:
        return _(
            "The citizen promise has not begun yet: it can be closed from its first day, %(start)s."
        ) % {"start": long_date(period.start_date)}
    return None


def _has_new_end(step: Step) -> None:
    step.require("new_end_date")
    new_end, period = step.data.get("new_end_date"), step.period
    if not new_end or period.end_date is None:
        return
    decided = step.data.get("decision_date")
    if decided and period.signed_date and decided < period.signed_date:
        step.error(
            "decision_date",
            _("The extension cannot be decided before the citizen promise was signed, %(date)s.")
            % {"date": long_date(period.signed_date)},
        )
    if new_end <= period.end_date:
        step.error("new_end_date", _("The new end date must be after the current end date."))
        return
    # The whole period, extension included, runs for at most five years, as a new one does.
    latest = latest_end(period.start_date)
    if latest is not None and new_end > latest:
        step.error(
            "new_end_date",
            _(
                "A citizen promise can run for at most five years, extensions included: "
                "choose an end date no later than %(date)s."
            )
            % {"date": long_date(latest)},
        )
        return
    _not_overlapping(step, period.start_date, new_end)


def _next_round(step: Step) -> None:
    step.period.consultation_round += 1


def _notify(event: str) -> Effect:
    """An effect e-mailing the staff concerned about the step once it is committed."""

    def effect(step: Step) -> None:
        if step.notify:
            promise = step.data.get("promise")
            notifications.notify(
                event,
                step.period,
                by=step.user,
                comment=step.comment,
                about=promise.title if promise is not None else "",
            )

    effect.__name__ = f"_notify_{event}"
    return effect


_notify_commented = _notify(notifications.COMMENTED)


def _notify_comment(step: Step) -> None:
    """`_notify(COMMENTED)`, unless the same approver commented a moment ago: the coordinators
    were told then (`notifications.follows_comment`)."""
    if not notifications.follows_comment(step.period, step.user, step.at):
        _notify_commented(step)


def answerable(review: Review) -> bool:
    """Whether `review` is a comment that can be answered: one with words (a comment, a return,
    an approval with a comment); a bare approval asks nothing. The period's state and the
    user's role are the rule's (`RULES[Action.ANSWER]`)."""
    return bool(review.comment)


def _answers_a_comment(step: Step) -> None:
    # The comment answered is one of this period's, with words to answer.
    if not step.comment:
        step.error("comment", REQUIRED["answer"])
    review = step.data.get("review")
    if review is None or review.period_id != step.period.pk or not answerable(review):
        step.error("review", _("Choose a comment on this citizen promise to answer."))


def _record_answer(step: Step) -> None:
    # The same answer to the same comment twice (a double submit) is saved, and told, once.
    review, by = step.data["review"], step.user
    existing = ReviewAnswer.objects.filter(review=review, by=by, text=step.comment).first()
    if existing is not None:
        step.notify = False
        step.record = existing
        return
    step.record = ReviewAnswer.objects.create(review=review, by=by, text=step.comment, at=step.at)


def _notify_answered(step: Step) -> None:
    """The approver who wrote the comment is told of the answer (and nobody else)."""
    if step.notify:
        review = step.data["review"]
        notifications.notify(
            notifications.ANSWERED,
            step.period,
            by=step.user,
            comment=step.comment,
            about=review.promise_title_then,
            answered=review.comment,
            to=review.reviewer,
        )


def _record_decision(step: Step) -> None:
    period, data = step.period, step.data
    period.decision_body = data["decision_body"]
    period.decision_date = data["decision_date"]
    period.decision_reference = data.get("decision_reference", "")


def _record_signing(step: Step) -> None:
    period = step.period
    period.signed_date = step.data["signed_date"]
    # The coordinator chose where the validity starts; a moved start is kept in the record.
    choice = step.data.get("validity_start") or ValidityStart.SIGNING
    start = signed_validity_start(period, period.signed_date, choice)
    if start != period.start_date:
        step.previous_start_date = period.start_date
        period.start_date = start
    Signatory.objects.bulk_create(
        Signatory(period=period, position=i, **vars(s))
        for i, s in enumerate(step.data["signatories"], start=1)
    )


# Sent inside the signing step, once its signatories are recorded and before the period is
# saved (`period` carries the step's unsaved changes): the follow-up keeps the signed original
# (followups.frozen), in the step's own transaction. A signal, so this app imports nothing above.
signed = Signal()


def _announce_signing(step: Step) -> None:
    signed.send(sender=PromisePeriod, period=step.period, at=step.at)


def _record_extension(step: Step) -> None:
    period, data = step.period, step.data
    Extension.objects.create(
        period=period,
        previous_end_date=period.end_date,
        new_end_date=data["new_end_date"],
        decision_body=data["decision_body"],
        decision_date=data["decision_date"],
        decision_reference=data.get("decision_reference", ""),
        created_by=step.user,
        created_at=step.at,
    )
    period.end_date = data["new_end_date"]


def _record_closing(step: Step) -> None:
    # A period in force until further notice ends on the day it is closed (if it had begun).
    # A dated one keeps the end its document states; the day it was closed is kept beside it,
    # and its pages say it was closed before that end.
    period = step.period
    period.closed_date = step.today
    period.closing_reason = step.data.get("closing_reason", "")
    if period.end_date is None and step.today > period.start_date:
        period.end_date = step.today


@dataclass(frozen=True)
class Rule:
    """An action: the states it starts from, where it leads (None: stays), who may take it,
    its checks (each adds its errors to the step), the review it records, its effects, and
    the checks of the user that decide whether it is offered to them at all."""

    from_states: tuple[str, ...]
    to_state: str | None
    roles: tuple[str, ...]
    guards: tuple[Guard, ...] = ()
    verdict: str = ""
    effects: tuple[Effect, ...] = ()
    user_guards: tuple[UserGuard, ...] = ()
    # Taken on one review (answering a comment): offered beside each comment, not among the
    # period's steps (`own_steps`, `steps_to_come`); `perform` gets the review as `review`.
    per_review: bool = False


COORDINATOR, APPROVER = (Role.COORDINATOR,), (Role.APPROVER,)
S = PeriodState

# Administrators hold the coordinator's role everywhere (municipalities.roles.held_roles).
RULES: dict[str, Rule] = {
    Action.SUBMIT: Rule(
        (S.DRAFT,),
        S.CONSULTATION,
        COORDINATOR,
        (_has_content_reviewed,),
        effects=(_next_round, _notify(notifications.SUBMITTED)),
        user_guards=(_not_registering, _has_content, _names_police_area),
    ),
    Action.WITHDRAW: Rule((S.CONSULTATION,), S.DRAFT, COORDINATOR),
    Action.COMMENT: Rule(
        (S.CONSULTATION,),
        None,
        APPROVER,
        (_has_comment,),
        ReviewVerdict.COMMENT,
        effects=(_notify_comment,),
    ),
    # The coordinator answers an approver's comment while the period is in consultation: not in
    # a draft (the answer to a return is the draft sent again, with its comment), and not once
    # it is decided.
    Action.ANSWER: Rule(
        (S.CONSULTATION,),
        None,
        COORDINATOR,
        (_answers_a_comment,),
        effects=(_record_answer, _notify_answered),
        per_review=True,
    ),
    Action.APPROVE: Rule(
        (S.CONSULTATION,),
        None,
        APPROVER,
        verdict=ReviewVerdict.APPROVE,
        effects=(_notify(notifications.APPROVED),),
        user_guards=(_not_sent_by_user, _not_approved_by_user),
    ),
    Action.RETURN: Rule(
        (S.CONSULTATION,),
        S.DRAFT,
        APPROVER,
        (_has_comment,),
        ReviewVerdict.RETURN,
        effects=(_notify(notifications.RETURNED),),
    ),
    Action.DECIDE: Rule(
        (S.CONSULTATION,),
        S.DECIDED,
        COORDINATOR,
        (_has_decision,),
        effects=(_record_decision, _notify(notifications.DECIDED)),
        user_guards=(_approved_first,),
    ),
    Action.SIGN: Rule(
        (S.DECIDED,),
        S.SIGNED,
        COORDINATOR,
        (_has_signing,),
        effects=(_record_signing, _announce_signing, _notify(notifications.SIGNED)),
    ),
    Action.EXTEND: Rule(
        # Again and again if need be, within the five years a period may run.
        (S.SIGNED, S.EXTENDED),
        S.EXTENDED,
        COORDINATOR,
        (_has_decision, _has_new_end),
        effects=(_record_extension, _notify(notifications.EXTENDED)),
        user_guards=(_has_end,),
    ),
    Action.CLOSE: Rule(
        (S.SIGNED, S.EXTENDED),
        S.CLOSED,
        COORDINATOR,
        effects=(_record_closing,),
        user_guards=(_has_begun,),
    ),
}


def _is_theirs(action: str, period: PromisePeriod, roles: set[str]) -> bool:
    """Whether `action` is a step of the period's state for one of `roles`."""
    return _step_of(action, period.state, roles)


def _step_of(action: str, state: str, roles: set[str]) -> bool:
    """Whether `action` is a step of `state` for one of `roles`."""
    rule = RULES[action]
    return state in rule.from_states and bool(roles & set(rule.roles))


def allowed(action: str, period: PromisePeriod, roles: set[str], user) -> bool:
    """Whether `user`, holding `roles` in the period's municipality, may take `action` on
    `period` now: its state, their role, and the step's checks of the user."""
    return _is_theirs(action, period, roles) and refusal(action, period, user) is None


def refusal(action: str, period: PromisePeriod, user) -> str | None:
    """Why `action` is not `user`'s to take on `period` now by the step's checks of the user
    (state and role aside), or None."""
    for check in RULES[action].user_guards:
        reason = check(period, user)
        if reason is not None:
            # A `Refusal` keeps the field that puts it right.
            return reason if isinstance(reason, Refusal) else str(reason)
    return None


def period_steps() -> list[str]:
    """The actions taken on the period as a whole, in lifecycle order (not those taken on one
    of its reviews, `Rule.per_review`)."""
    return [action for action in Action.values if not RULES[action].per_review]


def own_steps(period: PromisePeriod, user) -> tuple[list[str], list[tuple[str, str]]]:
    """The steps that are `user`'s by their role and the period's state, in lifecycle order:
    those they may take now, and those held back, each with why (e.g. closing before the
    period begins). Each step's checks of the user run once."""
    roles = roles_for(user, period)
    offered, held = [], []
    for action in period_steps():
        if _is_theirs(action, period, roles):
            reason = refusal(action, period, user)
            if reason is None:
                offered.append(action)
            else:
                held.append((action, reason))
    return offered, held


# The states a period passes through to be signed, in order (extending and closing follow).
PATH = (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED, PeriodState.SIGNED)


def steps_to_come(period: PromisePeriod, user) -> tuple[str, list[str]] | None:
    """The first later state on the period's path in which `user` has steps by their role, and
    those steps, in lifecycle order: what one with no step now is told to expect (an approver
    reading a draft, a signatory before the decision). None when no later state has one."""
    if period.state not in PATH:
        return None
    roles = roles_for(user, period)
    for state in PATH[PATH.index(period.state) + 1 :]:
        actions = [action for action in period_steps() if _step_of(action, state, roles)]
        if actions:
            return state, actions
    return None


def available_actions(period: PromisePeriod, user) -> list[str]:
    """The actions `user` may take on `period` now, in lifecycle order."""
    return own_steps(period, user)[0]


@transaction.atomic
def perform(
    period: PromisePeriod,
    user,
    action: str,
    *,
    comment: str = "",
    today: datetime.date | None = None,
    at: datetime.datetime | None = None,
    notify: bool = True,
    **data,
) -> PeriodTransition | Review | ReviewAnswer:
    """Take `action` on `period` as `user`: check it against its rule, apply it, record it.

    `data` carries the action's own fields: decision_body, decision_date, decision_reference
    (decide, extend); signed_date, signatories, a list of `SignatoryData`, and validity_start, a
    `ValidityStart` (sign; default: from the signing date); new_end_date (extend); review, the
    `Review` answered (answer; the answer's text is `comment`). `at` is the moment recorded
    (default now), `today` the day dates are checked against (default at's day).
    The staff concerned are e-mailed once the step is committed, unless `notify` is False.
    Raises `TransitionNotAllowed` or `TransitionInvalid`; writes nothing then.
    """
    at = at or timezone.now()
    # Lock the row: two people pressing at once cannot both move the period (nor one approver
    # approve twice).
    period = PromisePeriod.objects.select_for_update().get(pk=period.pk)
    rule = RULES[action]
    if period.state not in rule.from_states or not roles_for(user, period) & set(rule.roles):
        raise TransitionNotAllowed(action)
    reason = refusal(action, period, user)
    if reason is not None:
        raise TransitionNotAllowed(action, reason)
    day = today or timezone.localdate(at)
    step = Step(period, user, comment.strip(), day, at, data, notify=notify)
    for guard in rule.guards:
        guard(step)
    if step.errors:
        raise TransitionInvalid(step.errors)
    review = None
    if rule.verdict:
        review = Review.objects.create(
            period=period,
            round=period.consultation_round,
            reviewer=user,
            verdict=rule.verdict,
            comment=step.comment,
            promise=step.data.get("promise"),
            at=at,
        )
    from_state = period.state
    if rule.to_state is not None:
        period.state = rule.to_state
    for effect in rule.effects:
        effect(step)
    if rule.to_state is None:
        return review if review is not None else step.record
    period._history_user = user
    period._history_date = at
    period.save()
    return PeriodTransition.objects.create(
        period=period,
        from_state=from_state,
        to_state=period.state,
        by=user,
        at=at,
        comment=step.comment,
        previous_start_date=step.previous_start_date,
    )
