"""A place with its preposition: "i Tranås", but "på Gotland" (Swedish places island
municipalities on, not in them) in every heading and title that names a municipality."""

import datetime

import pytest

from followups import reports
from followups.models import ReportKind
from municipalities.models import Municipality
from municipalities.refdata import ON_ISLAND_CODES
from tests import factories


@pytest.mark.django_db
def test_every_island_code_is_a_municipality_and_the_words_follow_it():
    names = dict(Municipality.objects.filter(code__in=ON_ISLAND_CODES).values_list("code", "name"))
    assert len(names) == len(ON_ISLAND_CODES)
    assert Municipality.objects.get(slug="gotland").in_name == "på Gotland"
    assert Municipality.objects.get(slug="lidingo").in_name == "på Lidingö"
    assert Municipality.objects.get(slug="tranas").in_name == "i Tranås"


@pytest.mark.django_db
def test_gotlands_pages_and_lists_say_pa_gotland(client):
    period = factories.period("gotland", start=datetime.date(2026, 1, 1))
    factories.activity(period, "Trafikkontroller")

    page = client.get("/kommuner/gotland/").content.decode()
    assert "<h1>Medborgarlöften på Gotland</h1>" in page
    assert "Uppföljningsmöten på Gotland (kalender" in page
    assert "i Gotland" not in page

    activities = client.get("/aktiviteter/?kommun=gotland").content.decode()
    assert "<h1>Aktiviteter på Gotland</h1>" in activities
    promises = client.get("/loften/?kommun=gotland").content.decode()
    assert "<h1>Löften på Gotland</h1>" in promises
    # A county is "i": Gotlands län.
    county = client.get("/aktiviteter/?lan=09").content.decode()
    assert "<h1>Aktiviteter i Gotlands län</h1>" in county
    assert (
        "<h1>Aktiviteter i Tranås</h1>"
        in client.get("/aktiviteter/?kommun=tranas").content.decode()
    )

    feed = client.get("/kommuner/gotland/flode/").content.decode()
    assert "Medborgarlöften på Gotland: senaste uppdateringar" in feed


@pytest.mark.django_db
def test_a_report_on_an_island_period_is_titled_pa():
    period = factories.period("gotland", area_name="Visby")
    title = reports.default_title(
        ReportKind.YEAR_END, period, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    )
    assert title == "Årsuppföljning 2026: medborgarlöften på Gotland, Visby"
