"""The lifecycle state machine: every action × state × role, the records, and each guard."""

import datetime

import pytest
from django.db import transaction
from django.utils.translation import gettext

from promises.lifecycle import (
    Action,
    SignatoryData,
    TransitionInvalid,
    TransitionNotAllowed,
    ValidityStart,
    available_actions,
    can_edit,
    is_approved,
    perform,
)
from promises.models import (
    Extension,
    PeriodState,
    PeriodTransition,
    PromisePeriod,
    Review,
    ReviewVerdict,
    Signatory,
)
from tests import factories
from tests.staff import People

TODAY = datetime.date(2026, 3, 10)
START = datetime.date(2026, 1, 1)
END = datetime.date(2027, 12, 31)
S = PeriodState
A = Action

# Written out by hand rather than derived from lifecycle.RULES, so a change to the rules has to
# change this table too. Everything not listed is refused.
ALLOWED = {
    (A.SUBMIT, S.DRAFT): {"coordinator", "admin"},
    (A.WITHDRAW, S.CONSULTATION): {"coordinator", "admin"},
    (A.COMMENT, S.CONSULTATION): {"approver", "area_approver"},
    # `period_in` gives the period in consultation the approver's approval of its round (for the
    # decision): approving again in the same round is refused; the area's approver has not yet.
    (A.APPROVE, S.CONSULTATION): {"area_approver"},
    (A.RETURN, S.CONSULTATION): {"approver", "area_approver"},
    (A.DECIDE, S.CONSULTATION): {"coordinator", "admin"},
    (A.SIGN, S.DECIDED): {"coordinator", "admin"},
    (A.EXTEND, S.SIGNED): {"coordinator", "admin"},
    (A.EXTEND, S.EXTENDED): {"coordinator", "admin"},
    (A.CLOSE, S.SIGNED): {"coordinator", "admin"},
    (A.CLOSE, S.EXTENDED): {"coordinator", "admin"},
}
# Where each allowed action leads; None: the period stays where it is (a review is recorded).
LEADS_TO = {
    A.SUBMIT: S.CONSULTATION,
    A.WITHDRAW: S.DRAFT,
    A.COMMENT: None,
    A.APPROVE: None,
    A.RETURN: S.DRAFT,
    A.DECIDE: S.DECIDED,
    A.SIGN: S.SIGNED,
    A.EXTEND: S.EXTENDED,
    A.CLOSE: S.CLOSED,
}
ACTORS = (
    "coordinator",
    "approver",
    "area_approver",
    "police",
    "admin",
    "other_coordinator",
    "no_role",
    "inactive_coordinator",
)


def valid_data(action: str) -> dict:
    """Acceptable data for each action."""
    if action in (A.COMMENT, A.RETURN):
        return {"comment": "Förtydliga aktivitet 2."}
    if action == A.DECIDE:
        return {
            "decision_body": "Kommunstyrelsen",
            "decision_date": datetime.date(2026, 3, 1),
            "decision_reference": "KS 2026/12",
            "comment": "Beslut enligt förslag.",
        }
    if action == A.SIGN:
        return {
            "signed_date": datetime.date(2026, 3, 5),
            "signatories": [
                SignatoryData("Henrik Tvärnö", "Kommunstyrelsens ordförande", "Tranås kommun"),
                SignatoryData("Jonas Lindell", "Lokalpolisområdeschef", "LPO Höglandet"),
            ],
        }
    if action == A.EXTEND:
        return {
            "new_end_date": datetime.date(2028, 6, 30),
            "decision_body": "Kommunstyrelsen",
            "decision_date": datetime.date(2026, 3, 9),
            "decision_reference": "KS 2026/40",
        }
    return {"comment": "OK"}


ROLE_PERSONAS = {
    "coordinator": "coordinator",
    "approver": "approver",
    "area_approver": "area_approver",
    "police": "officer",
    "admin": "admin",
    "other_coordinator": "other_coordinator",
    "no_role": "no_role",
    "inactive_coordinator": "inactive_coordinator",
}


@pytest.fixture
def people(db):
    """The actors of the lifecycle table, from the shared personas (Tranås, and Vetlanda as the
    other municipality)."""
    personas = People(home="tranas", other="vetlanda")
    return {actor: getattr(personas, name) for actor, name in ROLE_PERSONAS.items()}


def _area():
    return factories.local_police_area(
        "Lokalpolisområde Höglandet", [factories.municipality("tranas")]
    )


def period_in(state: str, people) -> PromisePeriod:
    """A Tranås period in `state`, with a promise served by an activity, ready for each action."""
    period = factories.period(
        "tranas",
        start=START,
        end=END,
        state=state,
        # Its area, the officers' own: a draft is sent for consultation only with one chosen.
        local_police_area=_area(),
        consultation_round=1 if state != S.DRAFT else 0,
    )
    promise = factories.promise(period, "Öka tryggheten på torget")
    activity = factories.activity(period, "Trafikkontroller")
    activity.promises.add(promise)
    if state == S.CONSULTATION:
        Review.objects.create(
            period=period, round=1, reviewer=people["approver"], verdict=ReviewVerdict.APPROVE
        )
    if state in (S.DECIDED,):
        PromisePeriod.objects.filter(pk=period.pk).update(decision_date=datetime.date(2026, 3, 1))
        period.refresh_from_db()
    return period


def snapshot(period: PromisePeriod) -> tuple:
    period.refresh_from_db()
    return (
        period.state,
        period.start_date,
        period.end_date,
        period.signed_date,
        period.decision_date,
        PeriodTransition.objects.count(),
        Review.objects.count(),
        Signatory.objects.count(),
        Extension.objects.count(),
        PromisePeriod.history.count(),
    )


# Answering a comment is taken on one review, with the review: its table is in
# tests/promises/test_review_answers.py.
CASES = [(action, state) for action in A.values if action != A.ANSWER for state in S.values]


@pytest.mark.parametrize(("action", "state"), CASES)
def test_every_action_in_every_state_by_every_role(people, action, state):
    period = period_in(state, people)
    for actor in ACTORS:
        # Each actor tries on the same period; a savepoint undoes what an allowed one did.
        savepoint = transaction.savepoint()
        _check_one(period, people[actor], action, state, actor)
        transaction.savepoint_rollback(savepoint)
        period.refresh_from_db()


def _check_one(period, user, action, state, actor) -> None:
    expected_allowed = actor in ALLOWED.get((action, state), set())
    assert (action in available_actions(period, user)) is expected_allowed, actor

    before = snapshot(period)
    if not expected_allowed:
        with pytest.raises(TransitionNotAllowed):
            perform(period, user, action, today=TODAY, **valid_data(action))
        assert snapshot(period) == before, f"a refused action by {actor} wrote something"
        return

    record = perform(period, user, action, today=TODAY, **valid_data(action))

    period.refresh_from_db()
    comment = valid_data(action).get("comment", "")
    if LEADS_TO[action] is None:
        assert period.state == state
        assert isinstance(record, Review)
        assert (record.reviewer, record.round, record.comment) == (user, 1, comment)
        assert PeriodTransition.objects.filter(period=period).count() == 0
        return
    assert period.state == LEADS_TO[action]
    assert isinstance(record, PeriodTransition)
    assert (record.from_state, record.to_state, record.by, record.comment) == (
        state,
        LEADS_TO[action],
        user,
        comment,
    )
    assert record.at is not None
    # The change is in the period's history with its author.
    assert period.history.first().history_user == user


def test_the_whole_path_records_each_step(people):
    period = period_in(S.DRAFT, people)
    coordinator, approver = people["coordinator"], people["approver"]

    perform(period, coordinator, A.SUBMIT, comment="Till KLG", today=TODAY)
    perform(period, approver, A.APPROVE, today=TODAY)
    perform(period, coordinator, A.DECIDE, today=TODAY, **valid_data(A.DECIDE))
    perform(period, coordinator, A.SIGN, today=TODAY, **valid_data(A.SIGN))
    perform(period, coordinator, A.EXTEND, today=TODAY, **valid_data(A.EXTEND))
    perform(period, coordinator, A.CLOSE, comment="Perioden är slut.", today=TODAY)

    steps = list(period.transitions.values_list("from_state", "to_state", "by__username"))
    assert steps == [
        (S.DRAFT, S.CONSULTATION, "samordnare"),
        (S.CONSULTATION, S.DECIDED, "samordnare"),
        (S.DECIDED, S.SIGNED, "samordnare"),
        (S.SIGNED, S.EXTENDED, "samordnare"),
        (S.EXTENDED, S.CLOSED, "samordnare"),
    ]
    period.refresh_from_db()
    assert (period.decision_body, period.decision_reference) == ("Kommunstyrelsen", "KS 2026/12")
    assert list(period.signatories.values_list("name", "organisation")) == [
        ("Henrik Tvärnö", "Tranås kommun"),
        ("Jonas Lindell", "LPO Höglandet"),
    ]
    extension = period.extensions.get()
    assert (extension.previous_end_date, extension.new_end_date) == (END, period.end_date)
    assert extension.decision_reference == "KS 2026/40"


def test_signing_after_the_planned_start_moves_the_start_to_the_signing_date(people):
    period = period_in(S.DECIDED, people)

    perform(period, people["coordinator"], A.SIGN, today=TODAY, **valid_data(A.SIGN))

    period.refresh_from_db()
    assert period.signed_date == period.start_date == datetime.date(2026, 3, 5)
    assert period.is_active(TODAY)


@pytest.mark.parametrize("choice", [ValidityStart.STATED, ValidityStart.SIGNING])
def test_signing_before_the_planned_start_keeps_the_start(people, choice):
    period = period_in(S.DECIDED, people)
    PromisePeriod.objects.filter(pk=period.pk).update(
        start_date=datetime.date(2026, 4, 1), decision_date=datetime.date(2026, 2, 1)
    )

    perform(
        period,
        people["coordinator"],
        A.SIGN,
        today=TODAY,
        validity_start=choice,
        **valid_data(A.SIGN),
    )

    period.refresh_from_db()
    assert period.start_date == datetime.date(2026, 4, 1)
    assert not period.is_active(TODAY)


def _invalid(period, user, action, **data) -> dict:
    before = snapshot(period)
    with pytest.raises(TransitionInvalid) as error:
        perform(period, user, action, today=TODAY, **data)
    assert snapshot(period) == before, "an invalid action wrote something"
    return error.value.errors


def test_submit_needs_a_promise_and_activities_that_serve_one(people):
    # Not offered before (held back with why), and refused if sent anyway.
    period = factories.period(
        "tranas", start=START, end=END, state=S.DRAFT, local_police_area=_area()
    )

    def refusal() -> str:
        assert A.SUBMIT not in available_actions(period, people["coordinator"])
        with pytest.raises(TransitionNotAllowed) as refused:
            perform(period, people["coordinator"], A.SUBMIT, today=TODAY)
        return refused.value.reason

    assert refusal() == gettext("Add at least one activity first.")
    factories.promise(period)
    activity = factories.activity(period)
    assert refusal() == (
        "Varje aktivitet måste höra till minst ett av löftena. "
        f"Välj vilket löfte aktiviteten ”{activity.title}” hör till."
    )

    activity.promises.add(period.promises.get())
    perform(period, people["coordinator"], A.SUBMIT, today=TODAY)
    period.refresh_from_db()
    assert (period.state, period.consultation_round) == (S.CONSULTATION, 1)


def test_return_and_comment_need_a_comment(people):
    period = period_in(S.CONSULTATION, people)
    for action in (A.RETURN, A.COMMENT):
        assert "comment" in _invalid(period, people["approver"], action, comment="  ")


def test_an_approval_from_an_earlier_round_does_not_count(people):
    period = period_in(S.CONSULTATION, people)
    assert is_approved(period)
    perform(period, people["approver"], A.RETURN, comment="Ändra löfte 2.", today=TODAY)
    period.refresh_from_db()
    perform(period, people["coordinator"], A.SUBMIT, today=TODAY)
    period.refresh_from_db()

    assert period.consultation_round == 2
    assert not is_approved(period)
    with pytest.raises(TransitionNotAllowed) as refused:
        perform(period, people["coordinator"], A.DECIDE, today=TODAY, **valid_data(A.DECIDE))
    assert refused.value.reason.startswith(gettext("No approver has approved this version yet."))

    perform(period, people["area_approver"], A.APPROVE, today=TODAY)
    perform(period, people["coordinator"], A.DECIDE, today=TODAY, **valid_data(A.DECIDE))
    period.refresh_from_db()
    assert period.state == S.DECIDED


def test_decision_needs_body_and_a_date_not_in_the_future(people):
    period = period_in(S.CONSULTATION, people)
    errors = _invalid(
        period,
        people["coordinator"],
        A.DECIDE,
        decision_body="",
        decision_date=TODAY + datetime.timedelta(days=1),
    )
    assert set(errors) == {"decision_body", "decision_date"}


@pytest.mark.parametrize(
    ("signed_date", "signatories", "fields"),
    [
        (datetime.date(2026, 3, 5), 1, {"signatories"}),
        (datetime.date(2026, 2, 1), 2, {"signed_date"}),  # before the decision
        (TODAY + datetime.timedelta(days=1), 2, {"signed_date"}),  # in the future
        (None, 0, {"signed_date", "signatories"}),
    ],
)
def test_signing_is_checked(people, signed_date, signatories, fields):
    period = period_in(S.DECIDED, people)
    data = valid_data(A.SIGN)
    errors = _invalid(
        period,
        people["coordinator"],
        A.SIGN,
        signed_date=signed_date,
        signatories=data["signatories"][:signatories],
    )
    assert set(errors) == fields


def test_an_extension_must_move_the_end_later_and_have_a_decision(people):
    period = period_in(S.SIGNED, people)
    errors = _invalid(
        period,
        people["coordinator"],
        A.EXTEND,
        new_end_date=END,
        decision_body="",
        decision_date=None,
    )
    assert set(errors) == {"new_end_date", "decision_body", "decision_date"}


def test_only_coordinators_edit_and_only_in_draft_or_after_signing(people):
    for state in S.values:
        period = period_in(state, people)
        editable = state in (S.DRAFT, S.SIGNED, S.EXTENDED)
        assert can_edit(period, people["coordinator"]) is editable
        assert can_edit(period, people["admin"]) is editable
        for actor in ("approver", "police", "other_coordinator", "no_role"):
            assert can_edit(period, people[actor]) is False


def test_a_comment_may_be_about_one_of_the_periods_own_promises_only(people):
    period = period_in(S.CONSULTATION, people)
    other = factories.promise(factories.period("vetlanda", start=START, end=END), "Annat")
    before = period.reviews.count()

    with pytest.raises(TransitionInvalid) as invalid:
        perform(period, people["approver"], A.COMMENT, comment="Se över.", promise=other)
    assert list(invalid.value.errors) == ["promise"]
    assert period.reviews.count() == before

    own = period.promises.get()
    perform(period, people["approver"], A.RETURN, comment="Mål saknas.", promise=own)
    review = period.reviews.latest("pk")
    assert (review.promise, review.verdict) == (own, "return")
