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
    perform(
        PromisePeriod.objects.get(pk=period.pk),
        coordinator,
        Action.SUBMIT,
        comment="Målet är höjt till 30.",
    )
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
    # The whole target then and now, not "Målvärde: 15 → 30" (what the 15 counted, and over
    # which span, an approver had to look up).
    assert (target.label, target.old, target.new) == (
        "Mål",
        "minst 15 trafikkontroller under hela perioden",
        "minst 30 trafikkontroller under hela perioden",
    )
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
    assert (
        "<dt>Mål</dt><dd><del>minst 15 trafikkontroller under hela perioden</del> → "
        "<ins>minst 30 trafikkontroller under hela perioden</ins></dd>"
    ) in page
    assert "<strong>Löftet ”Fler vuxna ute på kvällarna”</strong> har lagts till" in page
    assert "<strong>Medborgarlöftet</strong> har ändrats:" in page
    assert "Trafikkontroller 2" not in page[page.index("round-changes-heading") :][:2000]


def test_the_first_round_shows_no_comparison(client, people):
    period = factories.period_in_state(PeriodState.DRAFT)
    perform(period, people.coordinator, Action.SUBMIT)
    sign_in(client, people.approver)
    page = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert "Ändrat sedan förra samrådsomgången" not in page


def _step(client, period, action: str):
    return client.get(reverse("promises:period_transition", args=[period.pk, action]))


@pytest.mark.parametrize("action", [Action.APPROVE, Action.RETURN, Action.COMMENT])
def test_the_approver_reads_them_on_the_step_pages_of_the_version_too(
    client, people, second_round, action
):
    """The approve step said "den här versionen" and not what changed since the round sent
    back; the approvers' three steps show the hub's list."""
    period, raised = second_round
    sign_in(client, people.approver)

    response = _step(client, period, action)

    assert response.status_code == 200
    page = " ".join(response.content.decode().split())
    assert '<h2 id="round-changes-heading">Ändrat sedan förra samrådsomgången</h2>' in page
    assert f"<strong>Aktiviteten ”{raised.title}”</strong> har ändrats:" in page
    assert (
        "<dt>Mål</dt><dd><del>minst 15 trafikkontroller under hela perioden</del> → "
        "<ins>minst 30 trafikkontroller under hela perioden</ins></dd>"
    ) in page
    assert "<strong>Löftet ”Fler vuxna ute på kvällarna”</strong> har lagts till" in page
    # Beside what the approver said then, and the coordinator's answer (a KLG member had to
    # look for both on the hub).
    assert "<h3>Synpunkter i förra omgången</h3>" in page
    assert '<p class="record-comment">Höj målet.</p>' in page
    assert (
        "<h3>Samordnarens kommentar när medborgarlöftet skickades på samråd igen</h3>"
        '<p class="record-comment">Målet är höjt till 30.</p>'
    ) in page
    # The same list as the period's page: one rule, one home.
    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    section = page[page.index('<section aria-labelledby="round-changes-heading">') :]
    section = section[: section.index("</section>")]
    assert section in " ".join(hub.split())


def test_the_coordinators_step_and_other_roles_get_no_comparison(client, people, second_round):
    period, _ = second_round
    sign_in(client, people.coordinator)
    withdraw = _step(client, period, Action.WITHDRAW)
    assert withdraw.status_code == 200
    assert "Ändrat sedan förra samrådsomgången" not in withdraw.content.decode()
    # The approvers' step is theirs: a kommunpolis is refused it (403), another municipality's
    # approver does not see the period (404).
    sign_in(client, people.officer)
    assert _step(client, period, Action.APPROVE).status_code == 403
    sign_in(client, people.other_approver)
    assert _step(client, period, Action.APPROVE).status_code == 404


def test_the_first_round_approve_step_shows_no_comparison(client, people):
    period = factories.period_in_state(PeriodState.DRAFT)
    perform(period, people.coordinator, Action.SUBMIT)
    sign_in(client, people.approver)
    response = _step(client, period, Action.APPROVE)
    assert response.status_code == 200
    assert response.context["round_changes"] is None
    assert "Ändrat sedan förra samrådsomgången" not in response.content.decode()


def test_sent_again_unchanged_the_approve_step_says_nothing_was_changed(client, people):
    period = factories.period_in_state(PeriodState.DRAFT)
    perform(period, people.coordinator, Action.SUBMIT)
    perform(PromisePeriod.objects.get(pk=period.pk), people.approver, Action.RETURN, comment="?")
    perform(PromisePeriod.objects.get(pk=period.pk), people.coordinator, Action.SUBMIT)
    sign_in(client, people.approver)
    page = _step(client, period, Action.APPROVE).content.decode()
    assert "Ändrat sedan förra samrådsomgången" in page
    assert "Inget har ändrats: samma version är på samråd igen." in page


@pytest.mark.parametrize("size", [1, 4])
def test_the_approve_step_makes_the_same_number_of_queries_however_much_changed(
    client, people, django_assert_num_queries, size
):
    period = factories.period_in_state(PeriodState.DRAFT, promises=size)
    perform(period, people.coordinator, Action.SUBMIT)
    perform(PromisePeriod.objects.get(pk=period.pk), people.approver, Action.RETURN, comment="?")
    for activity in period.activities.all():
        activity.target_value = 40
        activity.save()
    for i in range(size):
        factories.promise(period, title=f"Nytt löfte {i}")
    perform(PromisePeriod.objects.get(pk=period.pk), people.coordinator, Action.SUBMIT)
    sign_in(client, people.approver)

    # 8 before the comparison; then the transitions that began a round, the history of the
    # period, its promises and its activities (one query each), and the previous round's
    # comments and the coordinator's answers under them; and the approver's own comments of
    # this round (none here: their answers are then not asked for).
    with django_assert_num_queries(15):
        response = _step(client, period, Action.APPROVE)

    assert len(response.context["round_changes"].changes) == 2 * size
