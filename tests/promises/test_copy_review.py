"""A copy's texts that name a year, a date or a period are marked for review, and the draft is
sent for consultation only once each is edited or confirmed."""

import datetime

import pytest
from django.urls import reverse

from municipalities.models import Role
from promises import copy_review
from promises.lifecycle import Action, TransitionInvalid, perform
from promises.models import DecisionProposal, PeriodState, PromisePeriod
from promises.services import copy_period
from tests import factories
from tests.staff import sign_in, staff_user

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Löftena förnyas därför för 2025–2026.", True),
        ("Medborgardialoger hösten 2024.", True),
        ("Beslutsunderlag: lägesbild daterad 2024-11-05", True),
        ("Uppföljning den 14 oktober och 1 dec", True),
        ("Tertialuppföljning 30/4", True),
        ("Vi ska öka närvaron i år.", True),
        ("Nästa år görs en ny trygghetsmätning.", True),
        # A length of years: a copy for one year must not keep "tvååriga" or "i två år".
        ("Polisen och kommunen formulerar tvååriga medborgarlöften.", True),
        ("Dessa medborgarlöften gäller i två år.", True),
        ("Ett treårigt arbete med 3 år kvar.", True),
        ("Tre åtgärder i två årskurser.", False),
        ("Minst 25 trafikkontroller per månad.", False),
        ("Öka tryggheten i centrala Tranås.", False),
        ("Ring 114 14 vid icke akuta ärenden.", False),
        ("", False),
    ],
)
def test_names_a_date_finds_years_dates_and_periods_only(text, expected):
    assert copy_review.names_a_date(text) is expected


@pytest.fixture
def source(db) -> PromisePeriod:
    period = factories.period(
        "vetlanda",
        start=D(2025, 10, 14),
        end=D(2027, 10, 13),
        slug="2025-2027",
        local_police_area=factories.local_police_area("Lokalpolisområde Höglandet"),
        situation="Otryggt kring resecentrum.",
        background="Löftena förnyas därför för 2025–2026.",
    )
    renewed = factories.promise(period, "Öka tryggheten i centrum", description="Fler vuxna ute.")
    factories.promise(period, "Färre olyckor", description="Hastigheten ska ned under 2026.")
    factories.activity(
        period, "Trafikkontroller", description="Polisen ska genomföra trafikkontroller."
    ).promises.add(renewed)
    DecisionProposal.objects.create(
        period=period,
        summary="Förslag.",
        basis="Lägesbild daterad 14 oktober 2025\nMedborgardialog",
    )
    return period


@pytest.fixture
def coordinator(source):
    return staff_user("samordnare", role=Role.COORDINATOR, municipality=source.municipality)


def copied(source, coordinator) -> PromisePeriod:
    return copy_period(
        source,
        user=coordinator,
        slug="2028-2029",
        start_date=D(2028, 1, 1),
        end_date=D(2029, 12, 31),
    )


def test_a_copy_marks_each_text_naming_a_year_date_or_period(source, coordinator):
    period = copied(source, coordinator)
    marks = {(mark["kind"], mark["field"]) for mark in period.review_marks}
    assert marks == {("period", "background"), ("promise", "description"), ("proposal", "basis")}
    outstanding = copy_review.outstanding(period)
    assert [mark.where for mark in outstanding] == [
        "Medborgarlöftet",
        "Löfte: Färre olyckor",
        "Tjänsteutlåtande",
    ]
    assert "2025–2026" in outstanding[0].excerpt
    assert outstanding[0].edit_url == reverse("promises:period_edit", args=[period.pk])
    # The source itself is not marked.
    assert PromisePeriod.objects.get(pk=source.pk).review_marks == []


def test_the_draft_is_not_sent_until_each_mark_is_edited_or_confirmed(source, coordinator):
    period = copied(source, coordinator)
    with pytest.raises(TransitionInvalid) as error:
        perform(period, coordinator, Action.SUBMIT)
    assert "3" in error.value.errors[None][0]
    assert PromisePeriod.objects.get(pk=period.pk).state == PeriodState.DRAFT

    # Editing a text clears its mark …
    period.refresh_from_db()
    period.background = "Löftena förnyas för 2028–2029."
    period.save()
    promise = period.promises.get(title="Färre olyckor")
    promise.description = "Hastigheten ska ned."
    promise.save()
    assert [mark.where for mark in copy_review.outstanding(period)] == ["Tjänsteutlåtande"]
    with pytest.raises(TransitionInvalid):
        perform(period, coordinator, Action.SUBMIT)

    # … and confirming one as right as it stands clears it too, once.
    [left] = copy_review.outstanding(period)
    assert copy_review.confirm(period, left.key, user=coordinator)
    assert not copy_review.confirm(period, left.key, user=coordinator)
    period.refresh_from_db()
    perform(period, coordinator, Action.SUBMIT)
    assert PromisePeriod.objects.get(pk=period.pk).state == PeriodState.CONSULTATION


def test_the_hub_lists_the_marks_and_confirming_one_removes_it(source, coordinator, client):
    period = copied(source, coordinator)
    sign_in(client, coordinator)
    hub = reverse("promises:staff_period", args=[period.pk])
    page = client.get(hub).content.decode()
    assert "Kopierade texter att granska" in page
    assert "3 kopierade texter nämner ett år, ett datum eller en period." in page
    [first, *_rest] = copy_review.outstanding(period)
    url = reverse("promises:copy_review_confirm", args=[period.pk])
    response = client.post(url, {"key": first.key})
    assert response.status_code == 302
    assert response["Location"] == hub + "#granska"
    assert len(copy_review.outstanding(PromisePeriod.objects.get(pk=period.pk))) == 2
    # An unknown key changes nothing and is no error.
    response = client.post(url, {"key": "period-0-situation"}, follow=True)
    assert response.status_code == 200
    assert len(copy_review.outstanding(PromisePeriod.objects.get(pk=period.pk))) == 2


def test_the_send_page_says_before_sending_that_copied_texts_wait_and_links_to_them(
    source, coordinator, client
):
    period = copied(source, coordinator)
    sign_in(client, coordinator)
    send = reverse("promises:period_transition", args=[period.pk, Action.SUBMIT])
    hub = reverse("promises:staff_period", args=[period.pk])

    page = client.get(send).content.decode()

    assert "3 kopierade texter nämner ett år, ett datum eller en period: ändra var och en" in page
    assert f'<a href="{hub}#granska">Granska de kopierade texterna</a>' in page
    # Once each is confirmed, the page says nothing of them.
    for mark in copy_review.outstanding(period):
        copy_review.confirm(period, mark.key, user=coordinator)
    assert "Granska de kopierade texterna" not in client.get(send).content.decode()


def test_confirming_is_the_coordinators_of_that_municipality_on_a_draft_only(
    source, coordinator, client
):
    period = copied(source, coordinator)
    [first, *_rest] = copy_review.outstanding(period)
    url = reverse("promises:copy_review_confirm", args=[period.pk])
    data = {"key": first.key}
    assert client.post(url, data).status_code == 302  # anonymous: to the sign-in page
    stranger = staff_user(
        "tranas", role=Role.COORDINATOR, municipality=factories.municipality("tranas")
    )
    sign_in(client, stranger)
    assert client.post(url, data).status_code == 404
    officer = staff_user("polis", role=Role.POLICE_OFFICER, municipality=source.municipality)
    sign_in(client, officer)
    assert client.post(url, data).status_code == 403
    sign_in(client, coordinator)
    assert client.get(url).status_code == 405
    PromisePeriod.objects.filter(pk=period.pk).update(state=PeriodState.CONSULTATION)
    assert client.post(url, data).status_code == 403
    assert len(PromisePeriod.objects.get(pk=period.pk).review_marks) == 3


def test_the_copy_page_proposes_the_next_whole_calendar_years(source, coordinator, client):
    sign_in(client, coordinator)
    form = client.get(reverse("promises:period_copy", args=[source.pk])).context["form"]
    assert form["start_date"].value() == D(2028, 1, 1)
    assert form["end_date"].value() == D(2029, 12, 31)
    assert form["slug"].value() == "2028-2029"


def test_the_copy_pages_breadcrumb_names_the_step_as_the_link_to_it_does(
    source, coordinator, client
):
    sign_in(client, coordinator)
    hub = client.get(reverse("promises:staff_period", args=[source.pk])).content.decode()
    page = client.get(reverse("promises:period_copy", args=[source.pk])).content.decode()

    assert "Starta en ny period utifrån den här</a>" in hub
    assert '<li aria-current="page">Starta en ny period utifrån den här</li>' in page
