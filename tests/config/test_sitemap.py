"""The sitemap: every public page a citizen searches for by name, on the portal's own address,
and nothing that is not public."""

import datetime

import pytest
from django.conf import settings

from municipalities.models import Municipality
from promises.models import PeriodState
from tests import factories


def test_robots_txt_names_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text


@pytest.mark.django_db
def test_the_index_names_each_section_on_the_portals_own_address(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal.example"]
    response = client.get("/sitemap.xml", HTTP_HOST="portal.example:8443")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    xml = response.content.decode()
    for section in ("sidor", "kommuner", "lan", "loften", "aktiviteter"):
        assert f"<loc>{settings.SITE_URL}/sitemap-{section}.xml</loc>" in xml
    assert "portal.example" not in xml
    assert not response.cookies


@pytest.mark.django_db
def test_the_sections_list_public_pages_only(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal.example"]
    signed = factories.period("vetlanda", start=datetime.date(2026, 1, 1))
    shown = factories.activity(signed, "Trafikkontroller")
    draft = factories.period("tranas", state=PeriodState.DRAFT, slug="utkast")
    hidden = factories.activity(draft, "Hemlig")

    municipalities = client.get("/sitemap-kommuner.xml").content.decode()
    assert municipalities.count("<url>") == Municipality.objects.count() == 290
    assert f"<loc>{settings.SITE_URL}/kommuner/vetlanda/</loc>" in municipalities

    counties = client.get("/sitemap-lan.xml").content.decode()
    assert counties.count("<url>") == 21
    assert f"<loc>{settings.SITE_URL}/lan/jonkopings-lan/</loc>" in counties

    periods = client.get("/sitemap-loften.xml", HTTP_HOST="portal.example").content.decode()
    assert f"<loc>{settings.SITE_URL}{signed.get_absolute_url()}</loc>" in periods
    assert "utkast" not in periods and "portal.example" not in periods
    assert "<lastmod>" in periods

    activities = client.get("/sitemap-aktiviteter.xml").content.decode()
    assert f"{signed.get_absolute_url()}aktiviteter/{shown.pk}/</loc>" in activities
    assert f"/aktiviteter/{hidden.pk}/" not in activities

    pages = client.get("/sitemap-sidor.xml").content.decode()
    for path in ("/", "/kommuner/", "/loften/", "/aktiviteter/", "/oppna-data/", "/om/"):
        assert f"<loc>{settings.SITE_URL}{path}</loc>" in pages
    assert client.get("/sitemap-finns-inte.xml").status_code == 404


@pytest.mark.django_db
def test_a_sections_queries_do_not_grow_with_its_pages(client, django_assert_num_queries):
    period = factories.period("vetlanda", start=datetime.date(2026, 1, 1))
    factories.activity(period, "En")
    with django_assert_num_queries(2):  # the count, then the rows
        client.get("/sitemap-aktiviteter.xml")
    for number in range(10):
        factories.activity(factories.period("tranas", slug=f"p{number}"), f"Aktivitet {number}")
    with django_assert_num_queries(2):
        client.get("/sitemap-aktiviteter.xml")


@pytest.mark.django_db
def test_a_sections_further_files_are_served_as_the_index_names_them(client, settings, monkeypatch):
    """The index names `sitemap-aktiviteter.xml?p=2` when a section has more addresses than a
    file holds; the public cache dropped `p`, and every further file was the first again."""
    from config.sitemaps import ActivitySitemap

    settings.PUBLIC_CACHE_SECONDS = 600
    monkeypatch.setattr(ActivitySitemap, "limit", 1)
    period = factories.period("vetlanda", start=datetime.date(2026, 1, 1))
    first, second = factories.activity(period, "En"), factories.activity(period, "Två")
    assert "sitemap-aktiviteter.xml?p=2</loc>" in client.get("/sitemap.xml").content.decode()

    one = client.get("/sitemap-aktiviteter.xml").content.decode()
    two = client.get("/sitemap-aktiviteter.xml", {"p": "2"})
    assert f"/aktiviteter/{first.pk}/</loc>" in one and f"/aktiviteter/{second.pk}/" not in one
    assert f"/aktiviteter/{second.pk}/</loc>" in two.content.decode()
    # One copy per file: `?p=002` is `?p=2`; past the last file, not found (and not kept).
    assert client.get("/sitemap-aktiviteter.xml", {"p": "002"})["X-Cache"] == "hit"
    assert client.get("/sitemap-aktiviteter.xml", {"p": "3"}).status_code == 404
    assert client.get("/sitemap-aktiviteter.xml", {"p": "9" * 5000}).status_code == 404
