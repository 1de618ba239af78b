"""An approver in a later consultation round sees what changed since the previous one began:
the period's texts, promises and activities then against now (a target raised from 15 to 25,
a new promise), not every save in between, and nothing that did not change."""

import pytest
from django.urls import reverse

from activities.history import changes_since
from promises.lifecycle import Action, perform
from promises.models import PeriodState, PromisePeriod
from tests import factories
from tests.staff import sign_in


@pytest.fixture
def second_round(people):
    """A Vetlanda draft sent for consultation, sent back, changed, and sent again."""
    period = factories.period_in_state(PeriodState.DRAFT, promises=2, situation="Stökigt.")
    coordinator, approver = people.coordinator, people.approver
    perform(period, coordinator, Action.SUBMIT)
    perform(PromisePeriod.objects.get(pk=period.pk), approver, Action.RETURN, comment="Höj målet.")
    period.refresh_from_db()
    raised = period.activities.order_by("position").first()
    raised.target_value = 25
    raised.save()
    raised.target_value = 30  # saved twice in between: only then against now counts
    raised.save()
    period.situation = "Stökigt på kvällstid vid torget."
    period.save()
    factories.promise(period, title="Fler vuxna ute på kvällarna")
    perform(PromisePeriod.objects.get(pk=period.pk), coordinator, Action.SUBMIT)
    period.refresh_from_db()
    return period, raised


def test_the_changes_since_the_previous_round_are_each_objects_then_against_now(
    second_round,
):
    period, raised = second_round
    starts = sorted(
        t.at for t in period.transitions.all() if t.to_state == PeriodState.CONSULTATION
    )
    found = {(c.kind_label, c.name, c.kind): c.changes for c in changes_since(period, starts[0])}
    assert set(found) == {
        ("Medborgarlöftet", "", "changed"),
        ("Aktiviteten", raised.title, "changed"),
        ("Löftet", "Fler vuxna ute på kvällarna", "created"),
    }
    (target,) = found[("Aktiviteten", raised.title, "changed")]
    assert (target.old, target.new) == ("15", "30")
    (situation,) = found[("Medborgarlöftet", "", "changed")]
    assert (situation.old, situation.new) == ("Stökigt.", "Stökigt på kvällstid vid torget.")


def test_the_approver_reads_them_on_the_period_page(client, people, second_round):
    period, raised = second_round
    sign_in(client, people.approver)
    page = " ".join(
        client.get(reverse("promises:staff_period", args=[period.pk])).content.decode().split()
    )
    assert "Ändrat sedan förra samrådsomgången" in page
    assert f"<strong>Aktiviteten ”{raised.title}”</strong> har ändrats:" in page
    assert "<dt>Målvärde</dt><dd><del>15</del> → <ins>30</ins></dd>" in page
    assert "<strong>Löftet ”Fler vuxna ute på kvällarna”</strong> har lagts till" in page
    assert "<strong>Medborgarlöftet</strong> har ändrats:" in page
    assert "Trafikkontroller 2" not in page[page.index("round-changes-heading") :][:2000]


def test_the_first_round_shows_no_comparison(client, people):
    period = factories.period_in_state(PeriodState.DRAFT)
    perform(period, people.coordinator, Action.SUBMIT)
    sign_in(client, people.approver)
    page = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert "Ändrat sedan förra samrådsomgången" not in page
