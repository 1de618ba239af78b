"""The staff list of logs: what was logged in the user's municipalities, by the day it was done,
filtered by days, municipality and who logged it (an area's chief asked on Monday what his
officers did last week)."""

import datetime

import pytest
from django.utils import timezone

from activities.services import withdraw_log
from tests import factories
from tests.activities.test_staff_pages import DAY, World, current_period, make_world, url
from tests.staff import sign_in

TODAY = timezone.localdate()


@pytest.fixture
def world(db) -> World:
    return make_world()


def listed(response) -> list[tuple[str, datetime.date]]:
    assert response.status_code == 200
    return [(log.activity.title, log.date) for log in response.context["logs"]]


@pytest.mark.django_db
def test_the_list_opens_on_the_last_seven_days_newest_first(client, world):
    factories.log(world.police, TODAY, 2, reported_by=world.officer, place="Torget")
    factories.log(world.police, TODAY - 6 * DAY, 1, reported_by=world.officer)
    factories.log(world.police, TODAY - 7 * DAY, 1, reported_by=world.officer)  # before
    sign_in(client, world.approver)

    response = client.get(url("log_list"))

    assert listed(response) == [("Trafikkontroller", TODAY), ("Trafikkontroller", TODAY - 6 * DAY)]
    page = " ".join(response.content.decode().split())
    assert "2 loggar" in page and "2 trafikkontroller · Torget" in page
    assert world.officer.get_full_name() in page


@pytest.mark.django_db
def test_the_filters_narrow_by_days_municipality_and_who_logged(client, world):
    eksjo = factories.municipality("eksjo")
    world.officer.memberships.get().local_police_area.municipalities.add(eksjo)
    other = factories.activity(current_period("eksjo"), "Fotpatruller")
    factories.log(world.police, TODAY - 10 * DAY, 1, reported_by=world.officer)
    factories.log(other, TODAY - 2 * DAY, 3, reported_by=world.officer)
    factories.log(world.municipal, TODAY - 2 * DAY, 1, reported_by=world.coordinator)
    sign_in(client, world.officer)
    days = {"fran": (TODAY - 14 * DAY).isoformat(), "till": TODAY.isoformat()}

    assert len(listed(client.get(url("log_list"), days))) == 3
    assert listed(client.get(url("log_list"), {**days, "kommun": "eksjo"})) == [
        ("Fotpatruller", TODAY - 2 * DAY)
    ]
    mine = client.get(url("log_list"), {**days, "av": world.officer.pk})
    assert {title for title, _day in listed(mine)} == {"Trafikkontroller", "Fotpatruller"}
    # Who logged in these days and places is what the last filter offers.
    offered = dict(mine.context["filter"].form.fields["av"].choices)
    assert set(offered) == {"", world.officer.pk, world.coordinator.pk}


@pytest.mark.django_db
def test_another_municipalitys_logs_are_never_listed_nor_offered(client, world):
    factories.log(world.police, TODAY, 1, reported_by=world.officer)
    sign_in(client, world.stranger)  # an officer of Tranås's area

    response = client.get(url("log_list"), {"kommun": "vetlanda", "av": world.officer.pk})

    assert listed(response) == []
    form = response.context["filter"].form
    assert "kommun" in form.errors and "av" in form.errors  # not among the choices
    assert "vetlanda" not in dict(form.fields["kommun"].choices)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, field",
    [
        ({"fran": "igår"}, "fran"),
        ({"till": "2026-13-40"}, "till"),
        ({"fran": TODAY.isoformat(), "till": (TODAY - DAY).isoformat()}, "till"),
        ({"kommun": "atlantis"}, "kommun"),
        ({"av": "x"}, "av"),
        ({"fran": "\x00"}, "fran"),
    ],
)
def test_a_bad_filter_is_said_on_its_field_not_a_server_error(client, world, params, field):
    factories.log(world.police, TODAY, 1, reported_by=world.officer)
    sign_in(client, world.coordinator)

    response = client.get(url("log_list"), params)

    assert response.status_code == 200
    assert field in response.context["filter"].form.errors
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.django_db
def test_a_withdrawn_log_is_listed_marked(client, world):
    log = factories.log(world.police, TODAY, 1, reported_by=world.officer)
    withdraw_log(log, world.coordinator, "Fel dag.")
    sign_in(client, world.coordinator)

    page = client.get(url("log_list")).content.decode()

    assert 'class="log-withdrawn"' in page and "Återkallad" in page


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 12])
def test_the_lists_queries_do_not_grow_with_the_logs(
    client, world, django_assert_max_num_queries, count
):
    for i in range(count):
        factories.log(world.police, TODAY - (i % 5) * DAY, 1, reported_by=world.officer)
    sign_in(client, world.approver)
    with django_assert_max_num_queries(12):
        client.get(url("log_list"))


@pytest.mark.django_db
def test_when_a_log_was_saved_is_said_with_its_year(client, world):
    """A log saved in an earlier year read "loggad 20 dec 17:00", as if saved this December."""
    log = factories.log(world.police, TODAY, 1, reported_by=world.officer)
    saved = timezone.make_aware(datetime.datetime(2021, 12, 20, 17, 0))
    type(log).objects.filter(pk=log.pk).update(created_at=saved)
    sign_in(client, world.approver)

    page = " ".join(client.get(url("log_list")).content.decode().split())

    assert "loggad 20 dec 2021 17:00" in page


def test_the_lists_heading_writes_its_days_as_its_lines_do(client, world):
    """The heading said "30 november 2026 – 6 december 2026" over lines dated "4 dec 2026"."""
    sign_in(client, world.officer)
    html = client.get(url("log_list"), {"fran": "2026-11-30", "till": "2026-12-06"})
    page = " ".join(html.content.decode().replace("\xa0", " ").split())
    assert "Genomfört 30 nov – 6 dec 2026" in page
    assert "30 november 2026" not in page


def test_the_lists_heading_writes_a_span_as_the_other_pages_do(client, world):
    """The week's heading read "Genomfört 1 dec 2026 – 7 dec 2026", where the start page and the
    activities' progress write "1–31 dec 2026" (a kommunpolis)."""
    sign_in(client, world.officer)
    html = client.get(url("log_list"), {"fran": "2026-12-01", "till": "2026-12-07"})
    page = " ".join(html.content.decode().replace("\xa0", " ").split())
    assert "Genomfört 1–7 dec 2026" in page
    html = client.get(url("log_list"), {"fran": "2026-12-28", "till": "2027-01-03"})
    page = " ".join(html.content.decode().replace("\xa0", " ").split())
    assert "Genomfört 28 dec 2026 – 3 jan 2027" in page


def test_a_last_day_before_the_first_says_what_to_choose_and_which_days_are_listed(client, world):
    """A kommunpolis looking for yesterday's log typed the days the wrong way round: the error
    said only that they were, and the list below, filtered from the first day on, was headed
    "Genomfört" with no days at all, over "Inget loggades de här dagarna"."""
    sign_in(client, world.officer)

    response = client.get(url("log_list"), {"fran": "2026-12-08", "till": "2026-12-01"})

    error = response.context["filter"].form.errors["till"][0]
    assert error.endswith("välj samma dag som den första eller en senare.")
    page = " ".join(response.content.decode().replace("\xa0", " ").split())
    assert "Genomfört från och med 8 dec 2026" in page


def test_a_list_without_its_first_day_says_its_last(client, world):
    sign_in(client, world.officer)

    response = client.get(url("log_list"), {"fran": "", "till": "2026-12-01"})

    page = " ".join(response.content.decode().replace("\xa0", " ").split())
    assert "Genomfört till och med 1 dec 2026" in page
