"""The box another web site shows in a frame: /kommuner/<slug>/inbaddning/."""

import datetime

import pytest
from django.utils import timezone

from promises.models import PeriodState
from tests import factories
from tests.promises.test_pages import build_period

EMBED = "/kommuner/vetlanda/inbaddning/"


@pytest.mark.django_db
def test_the_box_shows_the_promises_in_force_with_each_activitys_progress(client):
    period = build_period("vetlanda", size=2, slug="nu")
    response = client.get(EMBED)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Medborgarlöften i Vetlanda" in html
    assert f'href="{period.get_absolute_url()}" target="_blank" rel="noopener"' in html
    for activity in period.activities.all():
        assert activity.title in html
        assert f"/kommuner/vetlanda/nu/aktiviteter/{activity.pk}/" in html
    assert html.count("3 av minst 15 trafikkontroller") == 2
    assert "Så räknas framstegen" in html
    # Every link says that it opens a new tab, to a screen reader too.
    assert html.count('target="_blank"') == html.count("(öppnas i en ny flik)") == 4
    # A box, not the portal's page: no header, menu or skip link; not listed by search engines.
    assert "site-nav" not in html and "skip-link" not in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_the_box_shows_no_internal_note_and_no_period_that_is_not_in_force(client):
    today = timezone.localdate()
    build_period("vetlanda", size=1, slug="nu")
    for state in (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED):
        draft = factories.period("vetlanda", state=state, slug=state)
        factories.activity(draft, title=f"Hemlig aktivitet {state}")
    ended = factories.period(
        "vetlanda",
        start=today - datetime.timedelta(days=800),
        end=today - datetime.timedelta(days=400),
        state=PeriodState.CLOSED,
        slug="forra",
    )
    factories.activity(ended, title="Avslutad aktivitet")
    html = client.get(EMBED).content.decode()
    assert "Hemlig aktivitet" not in html
    assert "Avslutad aktivitet" not in html
    assert "INTERNAL-NOTE-SECRET" not in html


@pytest.mark.django_db
def test_a_municipality_without_a_promise_in_force_says_so(client):
    html = client.get(EMBED).content.decode()
    assert "Vetlanda har inget medborgarlöfte som gäller i dag." in html
    assert "Så räknas framstegen" not in html


@pytest.mark.django_db
def test_an_unknown_municipality_has_no_box(client):
    assert client.get("/kommuner/finns-inte/inbaddning/").status_code == 404


@pytest.mark.django_db
def test_any_site_may_frame_the_box_and_no_other_page(client):
    build_period("vetlanda", size=1, slug="nu")
    box = client.get(EMBED)
    assert "X-Frame-Options" not in box.headers
    assert "frame-ancestors *" in box.headers["Content-Security-Policy"]
    assert "Set-Cookie" not in box.headers
    page = client.get("/kommuner/vetlanda/")
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_new_log_shows_in_the_box_on_the_next_request(client):
    period = build_period("vetlanda", size=1, slug="nu")
    assert "3 av minst 15" in client.get(EMBED).content.decode()
    factories.log(period.activities.get(), timezone.localdate())
    assert "4 av minst 15" in client.get(EMBED).content.decode()


@pytest.mark.django_db
def test_the_open_data_page_gives_the_code_for_the_chosen_municipality(client, settings):
    settings.SITE_URL = "https://medborgarloften.example.se"
    html = client.get("/oppna-data/?kommun=vetlanda").content.decode()
    # The code as it is pasted (a text area shows its text as written).
    assert (
        '&lt;iframe src="https://medborgarloften.example.se/kommuner/vetlanda/inbaddning/" '
        'title="Medborgarlöften i Vetlanda" width="100%" height="600" style="border: 0" '
        'loading="lazy"&gt;'
        "&lt;/iframe&gt;</textarea>"
    ) in html
    assert 'href="/kommuner/vetlanda/inbaddning/"' in html
    assert (
        "Välj en kommun ovan för att visa dess kod." in client.get("/oppna-data/").content.decode()
    )
    municipality = client.get("/kommuner/vetlanda/").content.decode()
    assert 'href="/oppna-data/?kommun=vetlanda#inbaddning"' in municipality


@pytest.mark.django_db
def test_the_box_says_an_untargeted_activitys_status_and_a_late_registration(client):
    period = build_period("vetlanda", size=1, slug="nu", registered_at=timezone.now())
    factories.activity(period, "Medborgardialog", target=None)
    html = " ".join(client.get(EMBED).content.decode().split())
    assert "Status: planerad" in html
    assert "registrerades i portalen den" in html


@pytest.mark.django_db
def test_the_open_data_page_says_what_the_box_shows_between_two_promises(client):
    html = client.get("/oppna-data/?kommun=vetlanda").content.decode()
    assert "en nyss loggad aktivitet syns direkt" in html
    assert (
        "När inget medborgarlöfte gäller, för att ett har löpt ut och nästa ännu inte har "
        "undertecknats, säger rutan det och länkar till kommunens sida"
    ) in " ".join(html.split())
    # As it says: the box without a promise in force links to the municipality's page.
    box = client.get(EMBED).content.decode()
    assert "Vetlanda har inget medborgarlöfte som gäller i dag." in box
    assert 'href="/kommuner/vetlanda/" target="_blank"' in box
