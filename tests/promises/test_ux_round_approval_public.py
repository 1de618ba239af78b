"""Found in a round of people trying the portal: an approver reading a draft on samråd, and a
journalist reading the public figures (what "no promise" and "in force" count)."""

import datetime

import pytest
from django.urls import reverse

from promises.models import PeriodState
from tests import factories
from tests.staff import sign_in

D = datetime.date


@pytest.mark.django_db
def test_an_approver_reading_a_draft_on_samrad_gets_the_previous_promise_to_compare_with(
    client, people
):
    earlier = factories.period(start=D(2020, 1, 15), end=D(2021, 12, 31), slug="2020-2021")
    latest = factories.period(start=D(2022, 1, 15), end=D(2023, 12, 31), slug="2022-2023")
    factories.period("tranas", start=D(2024, 1, 1), end=D(2025, 12, 31))  # another municipality
    draft = factories.period(
        start=D(2026, 12, 15), end=D(2027, 12, 31), state=PeriodState.CONSULTATION
    )
    sign_in(client, people.approver)

    response = client.get(reverse("promises:staff_period", args=[draft.pk]))

    assert response.context["previous_period"] == latest
    html = response.content.decode()
    assert "Förra medborgarlöftet, att jämföra med:" in html
    assert f'href="{latest.get_absolute_url()}"' in html
    assert earlier.get_absolute_url() not in html


@pytest.mark.django_db
def test_a_draft_without_an_earlier_published_promise_names_none(client, people):
    factories.period(start=D(2020, 1, 15), end=D(2021, 12, 31), state=PeriodState.DRAFT)
    draft = factories.period(start=D(2026, 12, 15), end=D(2027, 12, 31), state=PeriodState.DRAFT)
    sign_in(client, people.coordinator)

    response = client.get(reverse("promises:staff_period", args=[draft.pk]))

    assert response.context["previous_period"] is None
    assert "Förra medborgarlöftet" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/kommuner/", "/lan/jonkopings-lan/"])
def test_the_public_counts_say_they_count_only_what_is_published_here(client, url):
    factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))

    html = client.get(url).content.decode()

    # "2 av 290 kommuner har ett medborgarlöfte" read as the whole country's figure (a journalist).
    assert "Räknat på de medborgarlöften som är publicerade i portalen" in html


@pytest.mark.django_db
def test_a_municipality_with_nothing_published_is_not_said_to_have_no_promise(client):
    html = client.get("/kommuner/eksjo/").content.decode()
    county = client.get("/lan/jonkopings-lan/").content.decode()

    assert "Här finns inget medborgarlöfte för Eksjö som gäller i dag." in html
    assert "Eksjö har inget medborgarlöfte" not in html
    assert "inget medborgarlöfte publicerat här" in county
