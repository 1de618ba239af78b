"""Found in the third round of five people trying the portal: the KLG member who reads a draft
on samråd on a phone and approves it with a comment."""

import re

import pytest
from django.urls import reverse

from promises.lifecycle import Action
from promises.models import PeriodState
from tests import factories
from tests.staff import sign_in


def _step_links(html: str, period) -> list[str]:
    """The lifecycle steps linked on the period's staff page, in page order."""
    prefix = re.escape(reverse("promises:period_transition", args=[period.pk, "x"])[: -len("x/")])
    return re.findall(rf'href="{prefix}([a-z-]+)/"', html)


@pytest.mark.django_db
def test_an_approver_finds_the_consultation_steps_again_after_reading_the_draft(client, people):
    """On a phone the steps stood above the whole text: read to the end, the approver found
    "Ingen granskare har kommenterat …" and no way on but back up the page."""
    period = factories.period_in_state(PeriodState.CONSULTATION, promises=2)
    sign_in(client, people.approver)

    html = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()

    after_text = html[html.index('id="reviews-heading"') :]
    assert "Dina steg i samrådet:" in after_text
    steps = [Action.COMMENT.value, Action.APPROVE.value, Action.RETURN.value]
    assert _step_links(after_text, period) == steps
    assert _step_links(html[: html.index('id="reviews-heading"')], period) == steps


@pytest.mark.django_db
def test_the_coordinator_is_not_offered_the_approvers_steps_after_the_text(client, people):
    period = factories.period_in_state(PeriodState.CONSULTATION)
    sign_in(client, people.coordinator)

    html = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()

    assert "Dina steg i samrådet:" not in html
    assert _step_links(html[html.index('id="reviews-heading"') :], period) == []


@pytest.mark.django_db
def test_the_approval_comment_is_said_to_reach_the_coordinator(client, people):
    """The approver wrote "rätta stavningen före beslutet" under a hint that said only that the
    comment was kept in the record; the coordinator reads it, on the page and in the e-mail."""
    period = factories.period_in_state(PeriodState.CONSULTATION)
    sign_in(client, people.approver)

    response = client.get(reverse("promises:period_transition", args=[period.pk, "godkann"]))

    assert response.status_code == 200
    assert "Visas för samordnaren tillsammans med ditt godkännande" in response.content.decode()
