"""The public page cache: hits for anonymous visitors, fresh after every write, never for staff."""

import datetime

import pytest
from django.urls import reverse

from activities.models import ActivityLog
from activities.services import withdraw_log
from municipalities.models import Role
from tests import factories
from tests.staff import sign_in, staff_user

TODAY = datetime.date.today()


@pytest.fixture
def world(db, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    period = factories.period(
        "tranas", start=TODAY - datetime.timedelta(days=30), end=TODAY + datetime.timedelta(300)
    )
    activity = factories.activity(period, target=("at_least", 15, "trafikkontroller", "period"))
    return period, activity


def _get(client, url, **headers):
    return client.get(url, headers=headers)


def test_an_anonymous_page_is_stored_and_served_with_validators(client, world):
    period, _activity = world
    url = period.get_absolute_url()
    first = _get(client, url)
    second = _get(client, url)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"] and "must-revalidate" in second["Cache-Control"]
    assert not first.cookies and not second.cookies
    assert "Content-Security-Policy" in second  # headers of every response still added
    not_modified = _get(client, url, if_none_match=first["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""


def test_every_kind_of_write_is_visible_on_the_next_request(client, world):
    period, activity = world
    url = period.get_absolute_url()
    assert "0 av minst 15 trafikkontroller" in _get(client, url).content.decode()
    assert _get(client, url)["X-Cache"] == "hit"
    log = factories.log(activity, TODAY)
    response = _get(client, url)
    assert response["X-Cache"] == "miss"
    assert "1 av minst 15 trafikkontroller" in response.content.decode()
    withdraw_log(ActivityLog.objects.get(pk=log.pk), staff_user("polis"), "Fel")
    assert "0 av minst 15 trafikkontroller" in _get(client, url).content.decode()
    activity.target_value = 10
    activity.save()
    assert "0 av minst 10 trafikkontroller" in _get(client, url).content.decode()
    factories.meeting(period, TODAY, public_summary="Ett uppföljningsmöte hölls i dag.")
    assert "Ett uppföljningsmöte hölls i dag." in _get(client, url).content.decode()


def test_the_signing_pdf_is_kept_too_and_made_anew_after_a_write(client, world):
    period, activity = world
    url = reverse(
        "promises:document_pdf", args=[period.municipality.slug, period.slug, "medborgarloftet"]
    )
    first, second = _get(client, url), _get(client, url)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
    activity.title = "Fler trafikkontroller"
    activity.save()
    assert _get(client, url)["X-Cache"] == "miss"


def test_staff_errors_and_posts_are_never_served_from_the_cache(client, world):
    period, _activity = world
    url = period.get_absolute_url()
    _get(client, url)
    assert _get(client, url)["X-Cache"] == "hit"
    assert "X-Cache" not in _get(client, "/kommuner/finns-inte/")
    assert "X-Cache" not in _get(client, "/kommuner/finns-inte/")
    user = staff_user("polis", role=Role.POLICE_OFFICER, municipality=period.municipality)
    sign_in(client, user)
    assert "X-Cache" not in _get(client, url)
    assert "X-Cache" not in _get(client, reverse("activities:staff_home"))


def test_no_cache_when_switched_off(client, world, settings):
    settings.PUBLIC_CACHE_SECONDS = 0
    period, _activity = world
    _get(client, period.get_absolute_url())
    assert "X-Cache" not in _get(client, period.get_absolute_url())
