"""Lifecycle step pages: each step through HTTP, who may take it, and bad input writing nothing."""

import datetime
import functools
import importlib
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext

from municipalities.models import NotificationPreference
from promises import lifecycle
from promises.lifecycle import Action
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
from tests.staff import sign_in, staff_user

DAY = datetime.timedelta(days=1)


# One definition for the staff pages' tests (tests/factories.py): a period starting in a month,
# with one promise and an activity serving it.
make_period = functools.partial(
    factories.period_in_state,
    promise_title="Öka tryggheten i centrala Vetlanda",
    activity_title="Trafikkontroller",
)


def url(period: PromisePeriod, action: str) -> str:
    return reverse("promises:period_transition", args=[period.pk, action])


def hub(period: PromisePeriod) -> str:
    return reverse("promises:staff_period", args=[period.pk])


def record(period: PromisePeriod) -> tuple:
    """Everything a step may write, to show that nothing was written."""
    period = PromisePeriod.objects.get(pk=period.pk)
    return (
        period.state,
        period.consultation_round,
        period.end_date,
        period.decision_date,
        period.signed_date,
        PeriodTransition.objects.filter(period=period).count(),
        Review.objects.filter(period=period).count(),
        Signatory.objects.filter(period=period).count(),
        Extension.objects.filter(period=period).count(),
    )


def iso(day: datetime.date) -> str:
    return day.isoformat()


def sign_data(rows, **fields) -> dict:
    """POST data for the signing form with `rows` of (name, title, organisation)."""
    data = {
        "signed_date": iso(timezone.localdate()),
        "comment": "",
        "signatories-TOTAL_FORMS": str(len(rows)),
        "signatories-INITIAL_FORMS": "2",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "6",
    }
    for i, (name, title, organisation) in enumerate(rows):
        data[f"signatories-{i}-name"] = name
        data[f"signatories-{i}-title"] = title
        data[f"signatories-{i}-organisation"] = organisation
    data.update(fields)
    return data


TWO_SIGNATORIES = [
    ("Anna Andersson", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
    ("Bengt Berg", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
]


# --- each step, taken by the user allowed to -------------------------------------------------


@pytest.mark.django_db
def test_coordinator_sends_a_draft_for_consultation(client, people):
    period = make_period()
    sign_in(client, people.coordinator)

    response = client.post(url(period, Action.SUBMIT), {"comment": "Klar för samråd i KLG."})

    assert response.status_code == 302
    assert response["Location"] == hub(period)
    period.refresh_from_db()
    assert period.state == PeriodState.CONSULTATION
    assert period.consultation_round == 1
    transition = period.transitions.get()
    assert (transition.from_state, transition.to_state) == ("draft", "consultation")
    assert transition.by == people.coordinator
    assert transition.comment == "Klar för samråd i KLG."
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        gettext("The citizen promise was sent for consultation.")
    ]


@pytest.mark.django_db
def test_the_send_page_says_when_no_approver_will_hear_of_the_consultation(client, people):
    """A municipality new to the portal had no approver: the page said the draft went "to the
    approvers", and nobody heard of it."""
    period = make_period()
    sign_in(client, people.coordinator)
    warning = "Ingen får e-post om samrådet: Vetlanda har ingen granskare"

    assert warning not in client.get(url(period, Action.SUBMIT)).content.decode()
    people.approver.memberships.all().delete()
    assert warning in client.get(url(period, Action.SUBMIT)).content.decode()
    # Only the sending page says so.
    assert warning not in client.get(hub(period)).content.decode()


@pytest.mark.django_db
def test_coordinator_takes_a_period_back_to_draft(client, people):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.coordinator)

    response = client.post(url(period, Action.WITHDRAW), {"comment": ""})

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == PeriodState.DRAFT
    transition = period.transitions.get()
    assert (transition.from_state, transition.to_state, transition.by) == (
        "consultation",
        "draft",
        people.coordinator,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "verdict"),
    [(Action.COMMENT, ReviewVerdict.COMMENT), (Action.APPROVE, ReviewVerdict.APPROVE)],
)
def test_approver_comments_or_approves_and_the_period_stays_in_consultation(
    client, people, action, verdict
):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.approver)

    response = client.post(url(period, action), {"comment": "Bra förslag, tydliga mål."})

    assert response.status_code == 302
    assert response["Location"] == hub(period)
    period.refresh_from_db()
    assert period.state == PeriodState.CONSULTATION
    review = period.reviews.get()
    assert (review.verdict, review.reviewer, review.round) == (verdict, people.approver, 1)
    assert review.comment == "Bra förslag, tydliga mål."
    assert not period.transitions.exists()


@pytest.mark.django_db
def test_a_comment_about_one_promise_is_shown_beside_it(client, people):
    period = make_period(PeriodState.CONSULTATION, promises=2, promise_title="Löfte {i}")
    first, second = period.promises.order_by("position")
    other = make_period(
        PeriodState.CONSULTATION, slug="annan", promise_title="Ett annat löfte"
    ).promises.get()
    sign_in(client, people.approver)

    form_page = client.get(url(period, Action.COMMENT)).content.decode()
    assert "Kommentaren gäller" in form_page and "Hela medborgarlöftet" in form_page
    assert first.title in form_page and other.title not in form_page
    # A promise of another period is not a choice: an error, nothing written.
    refused = client.post(url(period, Action.COMMENT), {"comment": "Ok?", "promise": other.pk})
    assert refused.status_code == 200
    assert refused.context["form"].errors["promise"]
    assert not period.reviews.exists()

    client.post(url(period, Action.COMMENT), {"comment": "Ange ett mål.", "promise": second.pk})
    client.post(url(period, Action.COMMENT), {"comment": "Bra helhet.", "promise": ""})

    assert [(r.promise, r.comment) for r in period.reviews.order_by("pk")] == [
        (second, "Ange ett mål."),
        (None, "Bra helhet."),
    ]
    sign_in(client, people.coordinator)
    hub_page = " ".join(client.get(hub(period)).content.decode().split())
    beside_second = hub_page.index(f'id="lofte-{second.pk}"')
    comment = hub_page.index("Kommentarer om löftet i samrådsomgång 1:")
    assert (
        beside_second
        < comment
        < hub_page.index("Ange ett mål.")
        < hub_page.index('id="activities-heading"')
    )
    verdict = ReviewVerdict.COMMENT.label
    assert f"{verdict.capitalize()} om löftet ”{second.title}”" in strip_tags(hub_page)
    assert hub_page.count("Kommentarer om löftet i samrådsomgång") == 1


@pytest.mark.django_db
def test_approver_approves_without_a_comment(client, people):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.approver)

    response = client.post(url(period, Action.APPROVE), {"comment": ""})

    assert response.status_code == 302
    assert lifecycle.is_approved(period)


@pytest.mark.django_db
def test_approver_sends_a_period_back_with_comments(client, people):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.approver)

    response = client.post(url(period, Action.RETURN), {"comment": "Målen behöver siffror."})

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == PeriodState.DRAFT
    review = period.reviews.get()
    assert (review.verdict, review.comment) == (ReviewVerdict.RETURN, "Målen behöver siffror.")
    transition = period.transitions.get()
    assert (transition.to_state, transition.by, transition.comment) == (
        "draft",
        people.approver,
        "Målen behöver siffror.",
    )


@pytest.mark.django_db
def test_coordinator_records_the_decision_of_an_approved_period(client, people):
    period = make_period(PeriodState.CONSULTATION, approved_by=people.approver)
    decided_on = timezone.localdate() - 2 * DAY
    sign_in(client, people.coordinator)

    response = client.post(
        url(period, Action.DECIDE),
        {
            "decision_body": "Kommunstyrelsen",
            "decision_date": iso(decided_on),
            "decision_reference": "KS 2026/123",
            "comment": "Beslut § 45.",
        },
    )

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == PeriodState.DECIDED
    assert (period.decision_body, period.decision_date, period.decision_reference) == (
        "Kommunstyrelsen",
        decided_on,
        "KS 2026/123",
    )
    transition = period.transitions.get()
    assert (transition.to_state, transition.by, transition.comment) == (
        "decided",
        people.coordinator,
        "Beslut § 45.",
    )


@pytest.mark.django_db
def test_coordinator_records_the_signing_with_signatories_and_date(client, people):
    period = make_period(PeriodState.DECIDED)
    signed_on = timezone.localdate() - DAY
    sign_in(client, people.coordinator)

    response = client.post(
        url(period, Action.SIGN),
        sign_data([*TWO_SIGNATORIES, ("", "", "")], signed_date=iso(signed_on)),
    )

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == PeriodState.SIGNED
    assert period.signed_date == signed_on
    assert [(s.position, s.name, s.title, s.organisation) for s in period.signatories.all()] == [
        (1, *TWO_SIGNATORIES[0]),
        (2, *TWO_SIGNATORIES[1]),
    ]
    transition = period.transitions.get()
    assert (transition.from_state, transition.to_state, transition.by) == (
        "decided",
        "signed",
        people.coordinator,
    )
    # The period's staff page says who signed (it was only in the public page).
    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert "Beslut och undertecknande" in hub
    for name, title, organisation in TWO_SIGNATORIES:
        assert f"{name}, {title}, {organisation}" in hub


@pytest.mark.django_db
def test_signing_leaves_out_rows_with_only_the_prefilled_organisation(client, people):
    period = make_period(PeriodState.DECIDED)
    sign_in(client, people.coordinator)
    rows = [*TWO_SIGNATORIES, ("", "", "Vetlanda kommun")]
    data = sign_data(rows)
    data["signatories-INITIAL_FORMS"] = "3"

    # Row 3 has no prefilled organisation, so an organisation alone there is a half row.
    response = client.post(url(period, Action.SIGN), data)

    assert response.status_code == 200
    assert "name" in response.context["signatories"].forms[2].errors

    rows = [("", "", "Vetlanda kommun"), *TWO_SIGNATORIES]
    response = client.post(url(period, Action.SIGN), sign_data(rows))

    assert response.status_code == 302
    assert [s.name for s in period.signatories.all()] == ["Anna Andersson", "Bengt Berg"]


@pytest.mark.django_db
def test_coordinator_extends_a_signed_period(client, people):
    period = make_period(PeriodState.SIGNED)
    old_end = period.end_date
    new_end = old_end + 180 * DAY
    sign_in(client, people.coordinator)

    response = client.post(
        url(period, Action.EXTEND),
        {
            "new_end_date": iso(new_end),
            "decision_body": "Kommunstyrelsen",
            "decision_date": iso(timezone.localdate()),
            "decision_reference": "KS 2026/200",
            "comment": "",
        },
    )

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == PeriodState.EXTENDED
    assert period.end_date == new_end
    extension = period.extensions.get()
    assert (extension.previous_end_date, extension.new_end_date, extension.created_by) == (
        old_end,
        new_end,
        people.coordinator,
    )
    assert extension.decision_reference == "KS 2026/200"
    assert period.transitions.get().to_state == "extended"
    # The signing document's current version tells of the extension and its decision.
    args = [period.municipality.slug, period.slug, "medborgarloftet"]
    document = client.get(reverse("promises:document", args=args)).content.decode()
    assert f"Förlängning, {date_format(timezone.localdate(), 'j F Y')}" in document
    assert (
        f"Förlängt från {date_format(old_end, 'j F Y')} till {date_format(new_end, 'j F Y')} "
        "genom beslut av Kommunstyrelsen." in document
    )
    assert "Diarienummer: KS 2026/200." in document


@pytest.mark.django_db
def test_coordinator_closes_a_signed_period(client, people):
    period = make_period(PeriodState.SIGNED, starts=-30)
    sign_in(client, people.coordinator)
    # The confirmation says that closing is for good, and when it ends against its end date.
    confirmation = " ".join(client.get(url(period, Action.CLOSE)).content.decode().split())
    assert "Det går inte att ångra" in confirmation
    today, end = timezone.localdate(), period.end_date
    assert (
        f"Det upphör i dag, {date_format(today, 'j F Y')}, {(end - today).days} dagar före "
        f"slutdatumet {date_format(end, 'j F Y')}: målen bedöms då efter det som har gjorts "
        "till och med i dag."
    ) in confirmation

    response = client.post(
        url(period, Action.CLOSE),
        {"comment": "Perioden är slut.", "closing_reason": "Ersätts av ett nytt löfte."},
    )

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.state == PeriodState.CLOSED
    transition = period.transitions.get()
    assert (transition.from_state, transition.to_state, transition.comment) == (
        "signed",
        "closed",
        "Perioden är slut.",
    )


@pytest.mark.django_db
def test_a_period_that_has_not_begun_is_not_closed_and_the_page_says_from_when(client, people):
    period = make_period(PeriodState.SIGNED, starts=30)
    sign_in(client, people.coordinator)
    assert Action.CLOSE not in lifecycle.available_actions(period, people.coordinator)
    start = date_format(period.start_date, "j F Y")
    reason = f"Det kan avslutas från och med sin första dag, {start}."
    # Not offered: the period's page says from which day it is.
    page = client.get(hub(period)).content.decode()
    assert url(period, Action.CLOSE) not in page
    assert f"Avsluta: Medborgarlöftet har inte börjat gälla ännu. {reason}" in page
    # Asked for anyway (an old link): back to the period, with the reason.
    assert reason in client.get(url(period, Action.CLOSE), follow=True).content.decode()

    client.post(url(period, Action.CLOSE), {"comment": "För tidigt."})

    period.refresh_from_db()
    assert period.state == PeriodState.SIGNED
    assert not period.transitions.exists()


@pytest.mark.django_db
def test_a_period_is_closed_from_its_first_day(client, people):
    period = make_period(PeriodState.SIGNED, starts=0)
    sign_in(client, people.coordinator)
    assert Action.CLOSE in lifecycle.available_actions(period, people.coordinator)
    client.post(url(period, Action.CLOSE), {"comment": "", "closing_reason": "Avbröts."})
    period.refresh_from_db()
    assert period.state == PeriodState.CLOSED


# --- who may not ----------------------------------------------------------------------------

WRONG_ROLE = [
    ("officer", Action.SUBMIT, PeriodState.DRAFT),
    ("officer", Action.APPROVE, PeriodState.CONSULTATION),
    ("officer", Action.SIGN, PeriodState.DECIDED),
    ("approver", Action.SUBMIT, PeriodState.DRAFT),
    ("approver", Action.WITHDRAW, PeriodState.CONSULTATION),
    ("approver", Action.DECIDE, PeriodState.CONSULTATION),
    ("approver", Action.SIGN, PeriodState.DECIDED),
    ("approver", Action.EXTEND, PeriodState.SIGNED),
    ("approver", Action.CLOSE, PeriodState.SIGNED),
    ("coordinator", Action.APPROVE, PeriodState.CONSULTATION),
    ("coordinator", Action.COMMENT, PeriodState.CONSULTATION),
    ("coordinator", Action.RETURN, PeriodState.CONSULTATION),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "action", "state"), WRONG_ROLE)
def test_a_step_of_another_role_is_refused_and_writes_nothing(client, people, who, action, state):
    period = make_period(state, approved_by=people.approver)
    before = record(period)
    sign_in(client, getattr(people, who))

    assert client.get(url(period, action)).status_code == 403
    response = client.post(url(period, action), {"comment": "Försök", **_valid_data(action)})

    assert response.status_code == 403
    assert record(period) == before


@pytest.mark.django_db
def test_a_superuser_may_take_the_coordinators_steps_but_not_approve(client, people):
    admin = staff_user("admin", superuser=True)
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, admin)

    assert client.get(url(period, Action.APPROVE)).status_code == 403
    assert client.get(url(period, Action.WITHDRAW)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "action", "state"),
    [
        ("other_coordinator", Action.SUBMIT, PeriodState.DRAFT),
        ("other_coordinator", Action.SIGN, PeriodState.DECIDED),
        ("other_approver", Action.APPROVE, PeriodState.CONSULTATION),
    ],
)
def test_another_municipalitys_staff_get_not_found(client, people, who, action, state):
    period = make_period(state)
    before = record(period)
    sign_in(client, getattr(people, who))

    assert client.get(url(period, action)).status_code == 404
    assert client.post(url(period, action), _valid_data(action)).status_code == 404
    assert record(period) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "action", "state"),
    [
        ("coordinator", Action.SUBMIT, PeriodState.CONSULTATION),
        ("coordinator", Action.DECIDE, PeriodState.DRAFT),
        ("coordinator", Action.SIGN, PeriodState.CONSULTATION),
        ("coordinator", Action.EXTEND, PeriodState.DECIDED),
        ("coordinator", Action.CLOSE, PeriodState.DRAFT),
        ("coordinator", Action.WITHDRAW, PeriodState.SIGNED),
        ("approver", Action.APPROVE, PeriodState.DRAFT),
        ("approver", Action.RETURN, PeriodState.SIGNED),
    ],
)
def test_a_step_from_the_wrong_state_is_refused(client, people, who, action, state):
    period = make_period(state, approved_by=people.approver)
    before = record(period)
    sign_in(client, getattr(people, who))

    # The step's page asked for in the wrong state (the browser's Back after taking it): back
    # to the period, saying where it stands.
    page = client.get(url(period, action))
    assert page.status_code == 302
    assert page.url == reverse("promises:staff_period", args=[period.pk])
    assert "inte längre aktuellt" in str(next(iter(get_messages(page.wsgi_request))))
    response = client.post(url(period, action), {"comment": "Försök", **_valid_data(action)})

    # The user's own kind of step, posted in the wrong state (a double submit, or somebody was
    # first): back to the period with a message saying where it stands; nothing written.
    assert response.status_code == 302
    assert response.url == reverse("promises:staff_period", args=[period.pk])
    assert record(period) == before
    message = str(next(iter(get_messages(response.wsgi_request))))
    assert str(period.get_state_display()) in message


@pytest.mark.django_db
def test_a_double_submitted_step_saves_once_and_says_so(client, people):
    period = make_period(PeriodState.DRAFT)
    sign_in(client, people.coordinator)

    first = client.post(url(period, Action.SUBMIT), {"comment": "Till KLG."})
    second = client.post(url(period, Action.SUBMIT), {"comment": "Till KLG."})

    assert first.status_code == second.status_code == 302
    assert period.transitions.count() == 1
    period.refresh_from_db()
    assert (period.state, period.consultation_round) == (PeriodState.CONSULTATION, 1)


@pytest.mark.django_db
def test_an_unknown_step_is_not_found(client, people):
    period = make_period()
    sign_in(client, people.coordinator)

    assert client.get(url(period, "publicera")).status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client, people):
    period = make_period()

    response = client.post(url(period, Action.SUBMIT), {"comment": ""})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert record(period)[0] == PeriodState.DRAFT


def _valid_data(action: str) -> dict:
    """Data that would be accepted, so that a refusal is about who or when, not what."""
    today = timezone.localdate()
    if action == Action.DECIDE:
        return {"decision_body": "Kommunstyrelsen", "decision_date": iso(today)}
    if action == Action.SIGN:
        return sign_data(TWO_SIGNATORIES)
    if action == Action.EXTEND:
        return {
            "new_end_date": iso(today + 900 * DAY),
            "decision_body": "Kommunstyrelsen",
            "decision_date": iso(today),
        }
    return {}


# --- a step that no longer applies -----------------------------------------------------------


@pytest.mark.django_db
def test_a_step_overtaken_by_another_user_redirects_with_a_message(client, people, monkeypatch):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.approver)
    real_perform = lifecycle.perform

    def withdrawn_meanwhile(period_, *args, **kwargs):
        # The coordinator takes the period back between the page's check and the step.
        PromisePeriod.objects.filter(pk=period_.pk).update(state=PeriodState.DRAFT)
        return real_perform(period_, *args, **kwargs)

    monkeypatch.setattr(lifecycle, "perform", withdrawn_meanwhile)

    response = client.post(url(period, Action.APPROVE), {"comment": ""})

    assert response.status_code == 302
    assert response["Location"] == hub(period)
    assert not Review.objects.filter(period=period).exists()
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert str(PeriodState.DRAFT.label) in str(message)


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "action"), [("approver", Action.RETURN), ("approver", Action.COMMENT)]
)
def test_a_step_that_needs_a_comment_refuses_an_empty_one(client, people, who, action):
    period = make_period(PeriodState.CONSULTATION)
    before = record(period)
    sign_in(client, getattr(people, who))

    response = client.post(url(period, action), {"comment": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors["comment"] == [gettext("Write a comment.")]
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'href="#id_comment"' in page
    assert 'aria-describedby="id_comment_helptext id_comment_error"' in page
    assert record(period) == before


@pytest.mark.django_db
def test_a_comment_with_html_is_refused(client, people):
    period = make_period(PeriodState.CONSULTATION)
    before = record(period)
    sign_in(client, people.approver)

    response = client.post(url(period, Action.COMMENT), {"comment": "<script>x</script>"})

    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    assert record(period) == before


@pytest.mark.django_db
def test_an_empty_draft_is_not_offered_for_consultation_and_says_why(client, people):
    period = factories.period(state=PeriodState.DRAFT)
    before = record(period)
    sign_in(client, people.coordinator)
    why = gettext("Add at least one activity first.")

    hub_page = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert url(period, Action.SUBMIT) not in hub_page
    assert f"{Action.SUBMIT.label}: {why}" in hub_page
    response = client.post(url(period, Action.SUBMIT), {"comment": "Till KLG."}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("promises:staff_period", args=[period.pk])
    assert why in response.content.decode()
    assert record(period) == before


@pytest.mark.django_db
def test_a_decision_date_in_the_future_is_an_error_on_the_date(client, people):
    period = make_period(PeriodState.CONSULTATION, approved_by=people.approver)
    before = record(period)
    sign_in(client, people.coordinator)

    response = client.post(
        url(period, Action.DECIDE),
        {
            "decision_body": "Kommunstyrelsen",
            "decision_date": iso(timezone.localdate() + DAY),
            "comment": "",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["decision_date"] == [
        gettext("The decision date cannot be in the future.")
    ]
    assert 'href="#id_decision_date"' in response.content.decode()
    assert record(period) == before


@pytest.mark.django_db
def test_a_decision_without_body_is_an_error_on_the_body(client, people):
    period = make_period(PeriodState.CONSULTATION, approved_by=people.approver)
    before = record(period)
    sign_in(client, people.coordinator)

    response = client.post(
        url(period, Action.DECIDE),
        {"decision_body": "", "decision_date": iso(timezone.localdate())},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["decision_body"] == [gettext("Name the decision body.")]
    assert record(period) == before


@pytest.mark.django_db
def test_a_decision_without_approval_is_not_offered_and_refused_with_why(client, people):
    period = make_period(PeriodState.CONSULTATION)
    before = record(period)
    sign_in(client, people.coordinator)
    why = gettext(
        "No approver has approved this version yet. The decision can be recorded once an "
        "approver has approved it."
    )

    hub_page = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert url(period, Action.DECIDE) not in hub_page
    assert f"{Action.DECIDE.label}: {why}" in hub_page
    for response in (
        client.get(url(period, Action.DECIDE), follow=True),
        client.post(
            url(period, Action.DECIDE),
            {"decision_body": "Kommunstyrelsen", "decision_date": iso(timezone.localdate())},
            follow=True,
        ),
    ):
        assert response.redirect_chain[-1][0] == reverse("promises:staff_period", args=[period.pk])
        assert why in response.content.decode()
    assert record(period) == before


@pytest.mark.django_db
def test_signing_with_one_signatory_is_an_error_on_the_signatories(client, people):
    period = make_period(PeriodState.DECIDED)
    before = record(period)
    sign_in(client, people.coordinator)

    response = client.post(url(period, Action.SIGN), sign_data([TWO_SIGNATORIES[0], ("", "", "")]))

    assert response.status_code == 200
    message = gettext(
        "Name a signatory for each party: the municipality and the Police. The Police's "
        "signatory has an organisation such as Polisen or Lokalpolisområde …"
    )
    assert response.context["signatories"].non_form_errors() == [message]
    page = response.content.decode()
    assert 'aria-describedby="signatories-errors"' in page
    assert 'href="#id_signatories-0-name"' in page
    assert record(period) == before


@pytest.mark.django_db
def test_a_half_filled_signatory_row_is_an_error_on_that_row(client, people):
    period = make_period(PeriodState.DECIDED)
    before = record(period)
    sign_in(client, people.coordinator)
    rows = [TWO_SIGNATORIES[0], ("Bengt Berg", "", "Lokalpolisområde Höglandet")]

    response = client.post(url(period, Action.SIGN), sign_data(rows))

    assert response.status_code == 200
    rows = response.context["signatories"].forms
    assert not rows[0].errors
    assert rows[1].errors == {"title": [gettext("Enter the signatory's title.")]}
    page = response.content.decode()
    assert 'href="#id_signatories-1-title"' in page
    assert 'id="id_signatories-1-title_error"' in page
    assert record(period) == before


@pytest.mark.django_db
def test_a_signing_date_before_the_decision_is_an_error_on_the_date(client, people):
    period = make_period(PeriodState.DECIDED)
    before = record(period)
    sign_in(client, people.coordinator)
    too_early = period.decision_date - DAY

    response = client.post(
        url(period, Action.SIGN), sign_data(TWO_SIGNATORIES, signed_date=iso(too_early))
    )

    assert response.status_code == 200
    assert response.context["form"].errors["signed_date"] == [
        gettext("The period cannot be signed before it was decided.")
    ]
    assert record(period) == before


@pytest.mark.django_db
def test_a_new_end_date_before_the_current_end_is_an_error_on_the_date(client, people):
    period = make_period(PeriodState.SIGNED)
    before = record(period)
    sign_in(client, people.coordinator)

    response = client.post(
        url(period, Action.EXTEND),
        {
            "new_end_date": iso(period.end_date - DAY),
            "decision_body": "Kommunstyrelsen",
            "decision_date": iso(timezone.localdate()),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["new_end_date"] == [
        gettext("The new end date must be after the current end date.")
    ]
    assert record(period) == before


# --- the pages --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "action", "state"),
    [
        ("coordinator", Action.SUBMIT, PeriodState.DRAFT),
        ("coordinator", Action.WITHDRAW, PeriodState.CONSULTATION),
        ("approver", Action.COMMENT, PeriodState.CONSULTATION),
        ("approver", Action.APPROVE, PeriodState.CONSULTATION),
        ("approver", Action.RETURN, PeriodState.CONSULTATION),
        ("coordinator", Action.DECIDE, PeriodState.CONSULTATION),
        ("coordinator", Action.SIGN, PeriodState.DECIDED),
        ("coordinator", Action.EXTEND, PeriodState.SIGNED),
        ("coordinator", Action.CLOSE, PeriodState.SIGNED),
    ],
)
def test_each_step_page_names_the_period_and_the_step(client, people, who, action, state):
    # Only a period that has begun can be closed; only an approved one decided.
    approved = {"approved_by": people.approver} if action == Action.DECIDE else {}
    period = make_period(state, starts=-30 if action == Action.CLOSE else 30, **approved)
    sign_in(client, getattr(people, who))

    response = client.get(url(period, action))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "Vetlanda" in page
    assert str(Action(action).label) in page
    assert str(response.context["explanation"]) in page
    assert f'action="{url(period, action)}"' in page


@pytest.mark.django_db
def test_decide_page_lists_the_promises_and_defaults_to_today(client, people):
    period = make_period(PeriodState.CONSULTATION, approved_by=people.approver)
    sign_in(client, people.coordinator)

    page = client.get(url(period, Action.DECIDE)).content.decode()

    assert "Öka tryggheten i centrala Vetlanda" in page
    assert f'value="{iso(timezone.localdate())}"' in page


@pytest.mark.django_db
def test_sign_page_shows_the_decision_promises_and_two_prefilled_signatories(client, people):
    area = factories.local_police_area("Lokalpolisområde Sydost")
    period = make_period(PeriodState.DECIDED, local_police_area=area)
    sign_in(client, people.coordinator)

    response = client.get(url(period, Action.SIGN))

    page = response.content.decode()
    assert "Kommunstyrelsen" in page and "KS 2026/17" in page
    assert "Öka tryggheten i centrala Vetlanda" in page
    assert len(response.context["signatories"].forms) == 2
    for number in (1, 2):
        assert f"<legend>{gettext('Signatory %(number)s') % {'number': number}}</legend>" in page
    assert 'value="Vetlanda kommun"' in page
    assert 'value="Lokalpolisområde Sydost"' in page
    assert 'name="add_signatory"' in page


@pytest.mark.django_db
def test_adding_a_signatory_row_keeps_what_was_typed_and_saves_nothing(client, people):
    period = make_period(PeriodState.DECIDED)
    before = record(period)
    sign_in(client, people.coordinator)
    data = sign_data([TWO_SIGNATORIES[0], ("", "", "")], add_signatory="1")

    response = client.post(url(period, Action.SIGN), data)

    assert response.status_code == 200
    assert len(response.context["signatories"].forms) == 3
    page = response.content.decode()
    assert 'value="Anna Andersson"' in page
    assert 'class="error-summary"' not in page
    # The validity's choice, not sent, stays checked as it was shown (from the signing date).
    assert re.search(r'<input type="radio" name="validity_start" value="signing"[^>]*checked', page)
    assert record(period) == before

    rows = [*TWO_SIGNATORIES, ("Cecilia Carlsson", "Kommundirektör", "Vetlanda kommun")]
    response = client.post(url(period, Action.SIGN), sign_data(rows))

    assert response.status_code == 302
    assert [s.name for s in period.signatories.all()] == [
        "Anna Andersson",
        "Bengt Berg",
        "Cecilia Carlsson",
    ]


@pytest.mark.django_db
def test_no_more_than_six_signatories(client, people):
    period = make_period(PeriodState.DECIDED)
    sign_in(client, people.coordinator)
    rows = [(f"Person {i}", "Titel", "Vetlanda kommun") for i in range(6)]

    response = client.post(url(period, Action.SIGN), sign_data(rows, add_signatory="1"))

    assert len(response.context["signatories"].forms) == 6
    assert 'name="add_signatory"' not in response.content.decode()

    before = record(period)
    rows.append(("Person 7", "Titel", "Vetlanda kommun"))
    response = client.post(url(period, Action.SIGN), sign_data(rows))

    assert response.status_code == 200
    [error] = response.context["signatories"].non_form_errors()
    assert error in response.content.decode()
    assert record(period) == before


@pytest.mark.django_db
@pytest.mark.parametrize("action", [Action.APPROVE, Action.COMMENT, Action.RETURN])
def test_a_step_opened_before_the_promise_was_sent_again_is_not_taken(client, people, action):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.approver)
    page = client.get(url(period, action)).content.decode()
    assert '<input type="hidden" name="round" value="1">' in page
    # Meanwhile the coordinator takes it back, changes it and sends it again: round 2.
    PromisePeriod.objects.filter(pk=period.pk).update(consultation_round=2)
    before = record(period)

    response = client.post(url(period, action), {"comment": "Bra.", "round": "1"}, follow=True)

    assert record(period) == before
    assert "har skickats på samråd på nytt sedan sidan öppnades" in response.content.decode()
    assert client.post(url(period, action), {"comment": "Bra.", "round": "2"}).status_code == 302
    assert period.reviews.get().round == 2


@pytest.mark.django_db
@pytest.mark.parametrize("garbled", ["9" * 5000, "1 ", "ett"])
def test_a_round_that_is_no_number_is_refused_not_a_500(client, people, garbled):
    period = make_period(PeriodState.CONSULTATION)
    sign_in(client, people.approver)
    before = record(period)
    response = client.post(url(period, Action.COMMENT), {"comment": "Ok.", "round": garbled})
    assert response.status_code == 302
    assert record(period) == before


# -- A comment in consultation: the coordinator is told; its promise as it was then -----------


@pytest.mark.django_db
def test_a_comment_is_e_mailed_to_the_coordinator_and_the_approver_is_told_so(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    """The approver read "Din kommentar visas för samordnaren", but no e-mail went out."""
    period = make_period(PeriodState.CONSULTATION)
    coordinator = people.coordinator
    sign_in(client, people.approver)

    form_page = client.get(url(period, Action.COMMENT)).content.decode()
    assert "som får veta om den med e-post" in form_page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(period, Action.COMMENT), {"comment": "Ange var."})

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Din kommentar är sparad, och samordnaren får veta om den med e-post."
    ]
    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    assert "Ange var." in mailoutbox[0].body
    assert f"/personal/perioder/{period.pk}/" in mailoutbox[0].body


@pytest.mark.django_db
def test_a_comment_no_coordinator_is_mailed_of_does_not_claim_an_e_mail(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    period = make_period(PeriodState.CONSULTATION)
    NotificationPreference.objects.create(user=people.coordinator, email_enabled=False)
    sign_in(client, people.approver)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(period, Action.COMMENT), {"comment": "Ange var."})

    (message,) = get_messages(response.wsgi_request)
    assert "e-post" in str(message) and "Ingen samordnare" in str(message)
    assert mailoutbox == []


@pytest.mark.django_db
def test_an_earlier_comment_keeps_the_title_its_promise_had_then(client, people):
    """After the coordinator renamed the promise in answer to a comment, the comment read as if
    it were about the new title."""
    period = make_period(PeriodState.CONSULTATION, promise_title="Trygg stadskärna")
    promise = period.promises.get()
    lifecycle.perform(
        period, people.approver, Action.COMMENT, comment="Vilken stadskärna?", promise=promise
    )
    review = period.reviews.get()
    assert review.promise_title == "Trygg stadskärna"
    promise.title = "Öka tryggheten i centrala Vetlanda"
    promise.save()
    sign_in(client, people.coordinator)

    page = strip_tags(" ".join(client.get(hub(period)).content.decode().split()))

    assert "Kommentar om löftet ”Trygg stadskärna” (nu: Öka tryggheten i centrala Vetlanda)" in page
    review.refresh_from_db()
    assert review.promise_title == "Trygg stadskärna"  # a later save keeps it
    review.save()
    review.refresh_from_db()
    assert review.promise_title == "Trygg stadskärna"


@pytest.mark.django_db
def test_a_comment_on_a_promise_not_renamed_names_it_once(client, people):
    period = make_period(PeriodState.CONSULTATION, promise_title="Trygg stadskärna")
    lifecycle.perform(
        period,
        people.approver,
        Action.COMMENT,
        comment="Bra.",
        promise=period.promises.get(),
    )
    sign_in(client, people.coordinator)

    page = strip_tags(" ".join(client.get(hub(period)).content.decode().split()))

    assert "Kommentar om löftet ”Trygg stadskärna”:" in page
    assert "(nu:" not in page


@pytest.mark.django_db
def test_the_migration_fills_existing_reviews_with_the_current_title(people):
    from django.apps import apps

    fill = importlib.import_module("promises.migrations.0014_review_promise_title").fill_titles
    period = make_period(PeriodState.CONSULTATION, promise_title="Trygg stadskärna")
    lifecycle.perform(
        period, people.approver, Action.COMMENT, comment="Ok.", promise=period.promises.get()
    )
    lifecycle.perform(period, people.approver, Action.COMMENT, comment="Hela.")
    Review.objects.update(promise_title="")

    fill(apps, None)

    assert sorted(Review.objects.values_list("promise_title", flat=True)) == [
        "",
        "Trygg stadskärna",
    ]


def test_the_hub_says_which_promises_each_activity_serves(client, people):
    """The import asks the coordinator to check which promises each activity serves; the hub
    says it beside each activity, by the promises' numbers in its list."""
    period = make_period(PeriodState.DRAFT, promises=3, promise_title="Löfte {i}")
    first, _second, third = period.promises.order_by("position")
    both = factories.activity(period, "Fotpatruller", target=None)
    both.promises.set([first, third])
    factories.activity(period, "Föräldravandringar", target=None)
    sign_in(client, people.coordinator)

    response = client.get(hub(period))

    said = {activity.title: activity.serves_words for activity, _ in response.context["activities"]}
    assert said["Fotpatruller"] == "Hör till löfte 1 och 3"
    assert said["Föräldravandringar"] == "Hör inte till något löfte än"
    page = " ".join(strip_tags(response.content.decode()).split())
    assert "Hör till löfte 1 och 3" in page and "Hör inte till något löfte än" in page


def test_one_with_no_step_now_is_told_when_their_next_steps_come(client, people):
    """An approver reading a draft read only "Du har inget steg att ta i den här statusen." and
    did not learn what the portal would ask of them; lifecycle.steps_to_come says it from the
    rule table (the state whose steps are theirs by role)."""
    period = make_period(PeriodState.DRAFT)
    assert lifecycle.steps_to_come(period, people.approver) == (
        PeriodState.CONSULTATION,
        [Action.COMMENT, Action.APPROVE, Action.RETURN],
    )
    sign_in(client, people.approver)
    page = " ".join(strip_tags(client.get(hub(period)).content.decode()).split())
    assert "Dina nästa steg kommer när medborgarlöftet är på samråd: Kommentera, Godkänn, " in page
    # A signed period has no later state on the path: nothing more is said.
    signed = make_period(PeriodState.SIGNED, slug="undertecknad")
    assert lifecycle.steps_to_come(signed, people.approver) is None
    page = " ".join(strip_tags(client.get(hub(signed)).content.decode()).split())
    assert "Dina nästa steg" not in page
