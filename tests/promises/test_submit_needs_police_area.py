"""A draft in which the Police give promises is sent for consultation only with its local police
area chosen: the signing document names it as the Police's party and its head signs for them."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from promises import lifecycle
from promises.lifecycle import Action
from promises.models import Parties, PeriodState
from tests import factories
from tests.staff import sign_in

REFUSAL = "Välj lokalpolisområde först"


def _draft(**fields):
    return factories.period_in_state(PeriodState.DRAFT, local_police_area=None, **fields)


def _step_url(period) -> str:
    return reverse("promises:period_transition", args=[period.pk, Action.SUBMIT.value])


@pytest.mark.django_db
@pytest.mark.parametrize("parties", [Parties.JOINT, Parties.POLICE])
def test_the_rule_holds_back_a_draft_without_its_police_area(people, parties):
    draft = _draft(parties=parties)

    reason = lifecycle.refusal(Action.SUBMIT, draft, people.coordinator)

    assert reason is not None and reason.startswith(REFUSAL)
    assert reason.field == "local_police_area"
    assert Action.SUBMIT not in lifecycle.available_actions(draft, people.coordinator)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.perform(draft, people.coordinator, Action.SUBMIT, comment="Till KLG.")
    draft.refresh_from_db()
    assert draft.state == PeriodState.DRAFT
    assert not draft.transitions.exists()


@pytest.mark.django_db
def test_the_rule_lets_through_a_chosen_area_and_a_municipality_alone(people):
    with_area = factories.period_in_state(PeriodState.DRAFT)
    municipal = _draft(parties=Parties.MUNICIPALITY)

    for draft in (with_area, municipal):
        assert lifecycle.refusal(Action.SUBMIT, draft, people.coordinator) is None
        assert Action.SUBMIT in lifecycle.available_actions(draft, people.coordinator)
    lifecycle.perform(municipal, people.coordinator, Action.SUBMIT, comment="Till KLG.")
    municipal.refresh_from_db()
    assert municipal.state == PeriodState.CONSULTATION


@pytest.mark.django_db
def test_the_period_page_says_why_and_links_to_the_field(client, people):
    draft = _draft()
    sign_in(client, people.coordinator)

    page = client.get(reverse("promises:staff_period", args=[draft.pk])).content.decode()

    assert REFUSAL in page
    fix = reverse("promises:period_edit", args=[draft.pk]) + "#id_local_police_area"
    assert f'<a href="{fix}">Välj lokalpolisområde</a>' in page
    assert _step_url(draft) not in page
    # The link leads to the field.
    edit = client.get(reverse("promises:period_edit", args=[draft.pk])).content.decode()
    assert 'id="id_local_police_area"' in edit


@pytest.mark.django_db
def test_sending_it_anyway_is_refused_with_the_reason_and_writes_nothing(client, people):
    draft = _draft()
    sign_in(client, people.coordinator)

    response = client.post(_step_url(draft), {"comment": "Klar för samråd i KLG."})

    assert response.status_code == 302
    assert response["Location"] == reverse("promises:staff_period", args=[draft.pk])
    assert any(REFUSAL in str(m) for m in get_messages(response.wsgi_request))
    draft.refresh_from_db()
    assert draft.state == PeriodState.DRAFT and draft.consultation_round == 0
    assert client.get(_step_url(draft)).status_code == 302  # the form is not shown either


@pytest.mark.django_db
def test_with_the_area_chosen_the_draft_is_sent(client, people):
    draft = _draft()
    draft.local_police_area = people.area
    draft.save()
    sign_in(client, people.coordinator)

    response = client.post(_step_url(draft), {"comment": "Klar för samråd i KLG."})

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == PeriodState.CONSULTATION


@pytest.mark.django_db
def test_other_users_are_refused_as_before(client, people):
    draft = _draft()
    for user, status in ((people.approver, 403), (people.other_coordinator, 404)):
        sign_in(client, user)
        response = client.post(_step_url(draft), {"comment": "Skickar."})
        assert response.status_code == status, user
    draft.refresh_from_db()
    assert draft.state == PeriodState.DRAFT
