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

The package's parts: `states` (the actions, their errors, and what each state allows), `steps`
(one step as it is taken: its checks and its effects), and here the rules that join them
(`RULES`) and the functions that take and offer the steps (`perform`, `available_actions` …).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from municipalities.models import Role
from promises import copy_review, notifications
from promises.lifecycle.states import (
    FOLLOW_UP_STATES,
    FREELY_EDITABLE_STATES,
    INDICATOR_STATES,
    PROPOSAL_STATES,
    REVIEW_ACTIONS,
    REVISABLE_STATES,
    Action,
    SignatoryData,
    TransitionInvalid,
    TransitionNotAllowed,
    ValidityStart,
    can_edit,
    copyable,
    deletable,
    documents_are_drafts,
    documents_public,
    editable,
    followed_up,
    freely_editable,
    from_document,
    has_approved,
    has_municipal_proposal,
    indicators_editable,
    is_approved,
    needs_revision,
    outcomes_measured,
    proposal_editable,
    registering,
    registration_correctable,
    revisable,
    roles_for,
    sent_for_consultation_by,
)
from promises.lifecycle.steps import (
    REQUIRED,
    SIGNATORIES_NEEDED,
    Effect,
    Guard,
    Refusal,
    Step,
    UserGuard,
    _announce_signing,
    _answers_a_comment,
    _approved_first,
    _has_begun,
    _has_comment,
    _has_content,
    _has_content_reviewed,
    _has_decision,
    _has_end,
    _has_new_end,
    _has_signing,
    _names_police_area,
    _next_round,
    _not_approved_by_user,
    _not_registering,
    _not_sent_by_user,
    _notify,
    _notify_answered,
    _notify_comment,
    _record_answer,
    _record_closing,
    _record_decision,
    _record_extension,
    _record_signing,
    answerable,
    signed,
    signed_validity_start,
)
from promises.models import (
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    Review,
    ReviewAnswer,
    ReviewVerdict,
)


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


def texts_to_review(action: str, period: PromisePeriod) -> list:
    """The copied texts naming a year, a date or a period that hold `action` back on `period`
    (its check `_has_content_reviewed`), so its page can say so before it is sent; [] when
    the step does not wait for them."""
    if _has_content_reviewed in RULES[action].guards:
        return copy_review.outstanding(period)
    return []


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


# What the rest of the portal asks of the lifecycle, wherever its home in the package.
__all__ = [
    "Action",
    "FOLLOW_UP_STATES",
    "FREELY_EDITABLE_STATES",
    "INDICATOR_STATES",
    "PATH",
    "PROPOSAL_STATES",
    "REQUIRED",
    "REVIEW_ACTIONS",
    "REVISABLE_STATES",
    "RULES",
    "Refusal",
    "Rule",
    "SIGNATORIES_NEEDED",
    "SignatoryData",
    "Step",
    "TransitionInvalid",
    "TransitionNotAllowed",
    "ValidityStart",
    "allowed",
    "answerable",
    "available_actions",
    "can_edit",
    "copyable",
    "deletable",
    "delete_activity",
    "documents_are_drafts",
    "documents_public",
    "editable",
    "followed_up",
    "freely_editable",
    "from_document",
    "has_approved",
    "has_municipal_proposal",
    "indicators_editable",
    "is_approved",
    "needs_revision",
    "outcomes_measured",
    "own_steps",
    "perform",
    "period_steps",
    "proposal_editable",
    "refusal",
    "registering",
    "registration_correctable",
    "revisable",
    "roles_for",
    "sent_for_consultation_by",
    "signed",
    "signed_validity_start",
    "steps_to_come",
    "texts_to_review",
]
