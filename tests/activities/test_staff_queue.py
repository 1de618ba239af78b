"""What waits for a user, first on their start page; and "Godkänn" only until they approved."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from access import policy
from followups.models import Report, ReportKind
from promises.lifecycle import Action, TransitionNotAllowed, available_actions, perform
from promises.models import PeriodState, Review, ReviewVerdict, WaitingFor
from tests import factories
from tests.staff import sign_in

S = PeriodState
D = datetime.date
HOME = reverse("activities:staff_home")


def home(client, user):
    sign_in(client, user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response


def waiting(response) -> list[tuple]:
    return [(period, str(label)) for period, label in response.context["waiting"]]


def approve_url(period) -> str:
    return reverse("promises:period_transition", args=[period.pk, Action.APPROVE])


def hub(client, period) -> str:
    response = client.get(reverse("promises:staff_period", args=[period.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_approver_sees_a_period_sent_to_them_first_on_the_start_page(client, people):
    period = factories.period_in_state(S.CONSULTATION, starts=-10)
    factories.period_in_state(S.DRAFT, slug="utkast")  # nothing for the approver

    response = home(client, people.approver)

    assert waiting(response) == [(period, gettext(WaitingFor.APPROVAL.label))]
    page = response.content.decode()
    # Before every activity and log.
    assert page.index('id="waiting-heading"') < page.index('id="activities-heading"')
    assert reverse("promises:staff_period", args=[period.pk]) in page
    assert "På samråd: väntar på ditt godkännande" in page


def test_after_approving_the_period_leaves_the_queue_and_godkann_is_gone(client, people):
    period = factories.period_in_state(S.CONSULTATION)
    sign_in(client, people.approver)
    assert approve_url(period) in hub(client, period)

    response = client.post(approve_url(period), {"comment": ""})

    assert response.status_code == 302
    assert waiting(home(client, people.approver)) == []
    page = hub(client, period)
    assert approve_url(period) not in page
    # Commenting and sending back stay open to them.
    assert reverse("promises:period_transition", args=[period.pk, Action.RETURN]) in page


def test_a_second_approval_in_the_same_round_is_refused_with_a_swedish_message(client, people):
    period = factories.period_in_state(S.CONSULTATION, approved_by=people.approver)
    sign_in(client, people.approver)
    hub_url = reverse("promises:staff_period", args=[period.pk])

    for method in (client.get, client.post):
        response = method(approve_url(period), follow=True)

        assert response.redirect_chain == [(hub_url, 302)]
        assert [str(message) for message in response.context["messages"]] == [
            "Du har redan godkänt den här versionen av medborgarlöftet."
        ]
    assert Review.objects.filter(period=period).count() == 1


def test_the_policy_and_the_lifecycle_refuse_a_second_approval(people):
    period = factories.period_in_state(S.CONSULTATION)
    assert policy.may(people.approver, Action.APPROVE, period)

    perform(period, people.approver, Action.APPROVE)

    assert not policy.may(people.approver, Action.APPROVE, period)
    assert Action.APPROVE not in available_actions(period, people.approver)
    with pytest.raises(TransitionNotAllowed) as refused:
        perform(period, people.approver, Action.APPROVE)
    assert refused.value.reason == "Du har redan godkänt den här versionen av medborgarlöftet."
    assert Review.objects.filter(period=period, verdict=ReviewVerdict.APPROVE).count() == 1
    # Another approver of the municipality (the area's head) still may.
    assert policy.may(people.area_approver, Action.APPROVE, period)


def test_a_new_round_asks_the_approver_again(client, people):
    period = factories.period_in_state(S.CONSULTATION, approved_by=people.approver)
    perform(period, people.coordinator, Action.WITHDRAW)
    perform(period, people.coordinator, Action.SUBMIT)
    period.refresh_from_db()

    assert period.consultation_round == 2
    assert policy.may(people.approver, Action.APPROVE, period)
    assert [p for p, _ in waiting(home(client, people.approver))] == [period]


def test_approvers_of_another_municipality_and_police_see_no_queue(client, people):
    period = factories.period_in_state(S.CONSULTATION)

    assert waiting(home(client, people.other_approver)) == []
    # The local police area's head is an approver of its municipalities.
    assert [p for p, _ in waiting(home(client, people.area_approver))] == [period]
    officer_page = home(client, people.officer)
    assert officer_page.context["has_queue"] is False
    assert 'id="waiting-heading"' not in officer_page.content.decode()


def coordinator_world(people):
    """Vetlanda's periods in each state a coordinator is waited for, and some that are not."""
    returned = factories.period_in_state(S.DRAFT, slug="tillbaka", consultation_round=1)
    Review.objects.create(
        period=returned,
        round=1,
        reviewer=people.approver,
        verdict=ReviewVerdict.RETURN,
        comment="Förtydliga aktivitet 2.",
    )
    approved = factories.period_in_state(
        S.CONSULTATION, slug="godkand", approved_by=people.approver
    )
    decided = factories.period_in_state(S.DECIDED, slug="beslutad", approved_by=people.approver)
    # Not waiting for the coordinator: a fresh draft, one withdrawn by the coordinator after an
    # old round's return, one in consultation not yet approved, a signed one, and Tranås's.
    factories.period_in_state(S.DRAFT, slug="utkast")
    withdrawn = factories.period_in_state(S.DRAFT, slug="atertagen", consultation_round=2)
    Review.objects.create(
        period=withdrawn,
        round=1,
        reviewer=people.approver,
        verdict=ReviewVerdict.RETURN,
        comment="x",
    )
    factories.period_in_state(S.CONSULTATION, slug="pa-samrad")
    factories.period_in_state(S.SIGNED, slug="undertecknad")
    other = factories.period(
        "tranas",
        start=decided.start_date,
        end=decided.end_date,
        state=S.DECIDED,
        decision_date=decided.decision_date,
    )
    return returned, approved, decided, other


def test_a_coordinator_sees_what_was_sent_back_approved_and_decided_in_that_order(client, people):
    returned, approved, decided, _other = coordinator_world(people)

    response = home(client, people.coordinator)

    assert waiting(response) == [
        (returned, gettext(WaitingFor.CHANGES.label)),
        (approved, gettext(WaitingFor.DECISION.label)),
        (decided, gettext(WaitingFor.SIGNING.label)),
    ]
    page = response.content.decode()
    assert "Förtydliga aktivitet 2." in page
    assert "Skickat tillbaka till utkast med synpunkter" in page
    assert page.index('id="waiting-heading"') < page.index('id="activities-heading"')


def test_a_coordinator_is_waited_for_by_a_drafted_report_until_it_is_published(client, people):
    # A new coordinator's start page said nothing waited while a predecessor's draft did.
    from followups.models import Report, ReportKind

    signed = factories.period_in_state(S.SIGNED, starts=-200, slug="undertecknad")
    draft = Report.objects.create(
        period=signed,
        kind=ReportKind.TERTIAL,
        title="Utkast",
        body="Text.",
        covers_from=signed.start_date,
        covers_to=signed.start_date,
    )
    assert waiting(home(client, people.coordinator)) == [(signed, gettext(WaitingFor.REPORT.label))]
    assert "Ett utkast till redovisning väntar på att publiceras" in (
        home(client, people.coordinator).content.decode()
    )
    assert waiting(home(client, people.approver)) == []  # the approvers' queue is theirs
    draft.published_on = signed.start_date
    draft.save()
    assert waiting(home(client, people.coordinator)) == []


def test_an_administrator_is_waited_for_as_coordinator_everywhere_but_never_as_approver(
    client, people
):
    returned, approved, decided, other = coordinator_world(people)
    factories.period_in_state(S.CONSULTATION, slug="ej-godkand")

    periods = [p for p, _ in waiting(home(client, people.admin))]

    assert set(periods) == {returned, approved, decided, other}


def test_the_queue_is_cut_with_a_count(client, people, monkeypatch):
    monkeypatch.setattr("activities.staff_home.HOME_WAITING", 2)
    for slug in ("a", "b", "c"):
        factories.period_in_state(S.CONSULTATION, slug=slug)

    response = home(client, people.approver)

    assert len(response.context["waiting"]) == 2
    assert response.context["waiting_count"] == 3
    assert "De första 2 av 3 medborgarlöften som väntar på dig." in response.content.decode()


@pytest.mark.parametrize("size", [1, 4])
def test_the_start_page_query_count_does_not_grow_with_the_queue(
    client, people, django_assert_num_queries, size
):
    for number in range(size):
        factories.period_in_state(S.CONSULTATION, slug=f"samrad-{number}")
        factories.period_in_state(S.DECIDED, slug=f"beslut-{number}")
        # Signed two years back: reports due.
        year = timezone.localdate().year - 2
        factories.period(start=D(year, 1, 1), end=D(year, 12, 31), slug=f"signerad-{number}")
    # A user who is both: approver and coordinator of Vetlanda.
    user = people.coordinator
    user.memberships.create(role="approver", municipality=people.home)
    sign_in(client, user)
    client.get(HOME)

    # Sign-in (session, user, device), the memberships, the queue (one query, its count
    # included), activities, logs, the periods with their count, (nothing in force being
    # theirs to log) whether anything is, (none in force in Vetlanda) the municipalities
    # without a promise in force, the periods with reports due and their reports, the coming
    # meetings and the latest held ones.
    with django_assert_num_queries(15):
        response = client.get(HOME)

    assert len(response.context["waiting"]) == 2 * size
    assert response.context["reports_due_count"] == 3 * size


def test_an_approval_with_comments_says_how_many_were_made(client, people):
    _returned, approved, _decided, _other = coordinator_world(people)
    for text in ("Förtydliga målet.", "Lägg till lägesbilden."):
        Review.objects.create(
            period=approved,
            round=1,
            reviewer=people.approver,
            verdict=ReviewVerdict.COMMENT,
            comment=text,
        )

    page = " ".join(home(client, people.coordinator).content.decode().split())

    assert f"{gettext(WaitingFor.DECISION.label)} · 2 kommentarer i samrådet" in page
    assert page.count("i samrådet</p>") == 1  # the sent-back and the decided say nothing


def test_a_coordinator_sees_the_tertials_without_a_report_and_a_link_that_drafts_one(
    client, people
):
    # The digest's rule (followups.reminders): a tertial that ended more than two weeks ago,
    # covered by no published report. Last year's first tertial has its report.
    today = timezone.localdate()
    last = today.year - 1
    period = factories.period(start=D(last, 1, 1), end=D(today.year + 1, 12, 31), slug="lang")
    Report.objects.create(
        period=period,
        kind=ReportKind.TERTIAL,
        title="Tertial 1",
        body="…",
        covers_from=D(last, 1, 1),
        covers_to=D(last, 4, 30),
        published_on=D(last, 5, 10),
    )
    this_year = [D(today.year, 4, 30), D(today.year, 8, 31)]
    expected = 2 + sum(1 for end in this_year if (today - end).days > 14)

    response = home(client, people.coordinator)

    assert response.context["reports_due_count"] == expected
    page = response.content.decode()
    assert page.index('id="waiting-heading"') < page.index('id="reports-due-heading"')
    assert "Redovisningar att publicera" in page
    assert f"tertial 2 (1 maj\u00a0– 31 augusti {last})" in page
    assert f"tertial 1 (1 januari\u00a0– 30 april {last})" not in page
    create = reverse("followups:report_create", args=[period.pk])
    link = f"{create}?typ=tertial&amp;fran={last}-05-01&amp;till={last}-08-31"
    assert link in page
    # The link opens the draft form with that span filled in.
    form_page = client.get(f"{create}?typ=tertial&fran={last}-05-01&till={last}-08-31")
    assert form_page.status_code == 200
    form = form_page.context["form"]
    assert form["covers_from"].value() == D(last, 5, 1)
    assert form["covers_to"].value() == D(last, 8, 31)
    assert form["kind"].value() == ReportKind.TERTIAL


def test_reports_due_are_the_coordinators_alone_and_of_their_own_municipalities(client, people):
    people.made("other_coordinator")
    today = timezone.localdate()
    factories.period(start=D(today.year - 1, 1, 1), end=D(today.year + 1, 12, 31), slug="lang")

    assert home(client, people.officer).context["reports_due"] == []
    assert 'id="reports-due-heading"' not in home(client, people.officer).content.decode()
    assert home(client, people.approver).context["reports_due"] == []
    assert home(client, people.other_coordinator).context["reports_due"] == []
    assert home(client, people.coordinator).context["reports_due_count"] >= 2


@pytest.mark.parametrize(
    "query",
    ["typ=annat&fran=2026-13-01&till=x", "fran=%00&till=99999-01-01", "typ=&fran=&till="],
)
def test_a_span_asked_for_that_cannot_be_read_is_left_out(client, people, query):
    period = factories.period()
    sign_in(client, people.coordinator)
    response = client.get(f"{reverse('followups:report_create', args=[period.pk])}?{query}")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["covers_from"].value() is None and form["covers_to"].value() is None


def test_who_sent_a_promise_for_consultation_does_not_approve_it_and_it_waits_for_another(
    client, people
):
    # A coordinator who is an approver too: the consultation needs a second person.
    user = people.coordinator
    user.memberships.create(role="approver", municipality=people.home)
    period = factories.period_in_state(S.DRAFT, slug="egen")
    promise = factories.promise(period)
    factories.activity(period, "Trafikkontroller").promises.add(promise)
    perform(period, user, Action.SUBMIT)
    period.refresh_from_db()

    assert Action.APPROVE not in available_actions(period, user)
    assert waiting(home(client, user)) == []
    page = hub(client, period)
    assert "Du skickade medborgarlöftet på samråd, så det godkänns av en annan granskare." in page
    response = client.post(approve_url(period), {"comment": ""}, follow=True)
    assert "så det godkänns av en annan granskare" in response.content.decode()
    assert not period.reviews.exists()
    with pytest.raises(TransitionNotAllowed):
        perform(period, user, Action.APPROVE)
    # Another approver of the municipality has it waiting, and approves it.
    assert waiting(home(client, people.approver)) == [(period, gettext(WaitingFor.APPROVAL.label))]
    perform(period, people.approver, Action.APPROVE)
    assert period.reviews.filter(verdict=ReviewVerdict.APPROVE).count() == 1


def test_a_tertial_with_its_report_drafted_links_to_the_draft_not_to_a_new_one(client, people):
    """A coordinator who had drafted the report came back to "Skapa ett utkast till
    redovisningen" for the same tertial, and the form refused: a draft exists."""
    last = timezone.localdate().year - 1
    period = factories.period(start=D(last, 1, 1), end=D(last, 12, 31), slug="forra")
    draft = Report.objects.create(
        period=period,
        kind=ReportKind.TERTIAL,
        title="Tertialredovisning maj–augusti",
        body="…",
        covers_from=D(last, 5, 1),
        covers_to=D(last, 8, 31),
    )
    # A draft of another span (a half-year) drafts no tertial.
    Report.objects.create(
        period=period,
        kind=ReportKind.HALF_YEAR,
        title="Halvårsredovisning",
        body="…",
        covers_from=D(last, 1, 1),
        covers_to=D(last, 4, 30),
    )

    response = home(client, people.coordinator)

    # Still due: a draft is not a published report.
    assert response.context["reports_due_count"] == 3
    [first, second, third] = [item["report"] for item in response.context["reports_due"]]
    assert (first.draft, second.draft, third.draft) == (None, draft, None)
    page = response.content.decode()
    create = reverse("followups:report_create", args=[period.pk])
    assert f"{create}?typ=tertial&amp;fran={last}-01-01&amp;till={last}-04-30" in page
    assert f"{create}?typ=tertial&amp;fran={last}-05-01" not in page
    finish = reverse("followups:report_detail", args=[draft.pk])
    assert f'<a href="{finish}">Gör klart utkastet<span class="visually-hidden">' in page
