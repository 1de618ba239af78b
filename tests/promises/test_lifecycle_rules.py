"""The state questions asked of the lifecycle, and steps recorded at a moment passed in."""

import datetime

import pytest
from django.utils import timezone

from promises import lifecycle
from promises.lifecycle import Action, perform
from promises.models import PeriodState, Review, ReviewVerdict
from tests.promises.test_lifecycle import people, period_in, valid_data  # noqa: F401

S = PeriodState
FREE = {S.DRAFT}
REVISED = {S.SIGNED, S.EXTENDED}
PROPOSAL = {S.DRAFT, S.CONSULTATION}  # fixed once decided on
PUBLIC = {S.SIGNED, S.EXTENDED, S.CLOSED}
DRAFT_DOCUMENTS = {S.DRAFT, S.CONSULTATION}


@pytest.mark.parametrize("state", S.values)
def test_which_states_allow_what(people, state):  # noqa: F811
    period = period_in(state, people)

    assert lifecycle.freely_editable(period) is (state in FREE)
    assert lifecycle.revisable(period) is lifecycle.needs_revision(period) is (state in REVISED)
    assert lifecycle.proposal_editable(period) is (state in PROPOSAL)
    assert lifecycle.documents_public(period) is (state in PUBLIC)
    assert lifecycle.documents_are_drafts(period) is (state in DRAFT_DOCUMENTS)


def test_every_rule_names_states_roles_and_callables():
    assert set(lifecycle.RULES) == set(Action.values)
    for rule in lifecycle.RULES.values():
        assert rule.from_states and rule.roles
        assert all(callable(check) for check in (*rule.guards, *rule.effects))
    assert lifecycle.RULES[Action.APPROVE].to_state is None


def test_each_required_field_message_is_the_forms_too():
    from promises import lifecycle_forms

    assert (
        lifecycle_forms.DecideForm.base_fields["decision_body"].error_messages["required"]
        == (lifecycle.REQUIRED["decision_body"])
    )
    assert (
        lifecycle_forms.SignForm.base_fields["signed_date"].error_messages["required"]
        == (lifecycle.REQUIRED["signed_date"])
    )


def moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_step_is_recorded_at_the_moment_passed_in(people):  # noqa: F811
    period = period_in(S.DECIDED, people)
    signed_at = moment(datetime.date(2026, 3, 5), 11)

    transition = perform(
        period, people["coordinator"], Action.SIGN, at=signed_at, **valid_data(Action.SIGN)
    )

    assert transition.at == signed_at
    assert period.history.order_by("-history_id").first().history_date == signed_at


def test_an_extension_and_a_return_are_recorded_at_the_moment_passed_in(people):  # noqa: F811
    signed = period_in(S.SIGNED, people)
    extended_at = moment(datetime.date(2026, 3, 9), 13)
    transition = perform(
        signed, people["coordinator"], Action.EXTEND, at=extended_at, **valid_data(Action.EXTEND)
    )
    assert transition.at == signed.extensions.get().created_at == extended_at

    consulted = period_in(S.CONSULTATION, people)
    returned_at = moment(datetime.date(2026, 3, 4), 10)
    transition = perform(
        consulted, people["approver"], Action.RETURN, comment="Förtydliga.", at=returned_at
    )
    review = Review.objects.get(period=consulted, verdict=ReviewVerdict.RETURN)
    assert transition.at == review.at == returned_at


def test_without_today_the_dates_are_checked_against_the_moments_day(people):  # noqa: F811
    period = period_in(S.CONSULTATION, people)
    data = valid_data(Action.DECIDE)

    with pytest.raises(lifecycle.TransitionInvalid) as invalid:
        perform(
            period,
            people["coordinator"],
            Action.DECIDE,
            at=moment(datetime.date(2026, 2, 27), 10),
            **data,
        )

    assert set(invalid.value.errors) == {"decision_date"}
