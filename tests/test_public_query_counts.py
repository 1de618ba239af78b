"""Every public page does a constant number of queries: with the demo data and ten times as much."""

import io

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from activities.models import Activity
from municipalities.models import Municipality
from tests import factories
from tests.promises.test_pages import build_period

PUBLIC_URLS = [
    "/",
    "/en/",
    "/kommuner/",
    "/lan/jonkopings-lan/",
    "/kommuner/tranas/",
    "/kommuner/tranas/2025-2026/",
    "/kommuner/tranas/inbaddning/",
    "/kommuner/vetlanda/2020-2021/",
    "/loften/",
    "/loften/?lan=06&q=trafik",
    "/aktiviteter/",
    "/aktiviteter/?framsteg=behind",
    "/flode/",
    "/kommuner/tranas/flode/",
    "/uppfoljningsflode/",
    "/kommuner/tranas/uppfoljningsflode/",
    "/oppna-data/",
    "/oppna-data/aktiviteter.csv",
    "/oppna-data/loften.json",
    "/kommuner/tranas/oppna-data/aktiviteter.json",
    "/kommuner/vetlanda/oppna-data/genomforda-aktiviteter.csv",
    "/kommuner/tranas/oppna-data/genomforda-aktiviteter.json",
    # The demo's county, and one whose municipalities get the ten times as much below.
    "/lan/jonkopings-lan/oppna-data/genomforda-aktiviteter.csv",
    "/lan/stockholms-lan/oppna-data/genomforda-aktiviteter-excel.csv",
    "/lan/stockholms-lan/oppna-data/genomforda-aktiviteter.json",
    "/om/",
    "/tillganglighet/",
]


def activity_urls() -> list[str]:
    """The public page of the demo activity with the most logs: its first and second page."""
    activity = (
        Activity.objects.filter(period__municipality__slug="tranas", period__slug="2025-2026")
        .alias(logged=Count("logs"))
        .order_by("-logged", "pk")
        .first()
    )
    url = f"/kommuner/tranas/2025-2026/aktiviteter/{activity.pk}/"
    return [url, f"{url}?page=2"]


def query_counts(client, urls: list[str]) -> dict[str, int]:
    counts = {}
    for url in PUBLIC_URLS + urls:
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
            assert response.status_code == 200, url
            if response.streaming:
                b"".join(response.streaming_content)
        counts[url] = len(context)
    return counts


@pytest.mark.django_db
def test_public_pages_do_constant_queries_with_demo_data_and_ten_times_as_much(client):
    call_command("seed_demo", "--today", "2026-11-21", "--force", stdout=io.StringIO())
    urls = activity_urls()
    with_demo = query_counts(client, urls)

    # Ten times as much: nine more published periods (with promises, activities, logs,
    # meetings and reports) for every one in the demo, spread over other municipalities.
    others = Municipality.objects.exclude(slug__in=["tranas", "vetlanda", "tranemo"])
    for municipality in others.order_by("code")[:40]:
        build_period(municipality.slug, size=3)
    # The activity's own logs grow too: a page of them more.
    activity = Activity.objects.get(pk=urls[0].split("/")[-2])
    for day in range(30):
        factories.log(activity, activity.period.start_date, place=f"Plats {day}")
    # Rendered again, all of them: writes elsewhere leave a municipality's cached pages and
    # files in place (config/public_cache.py).
    caches[settings.PUBLIC_CACHE_ALIAS].clear()
    assert query_counts(client, urls) == with_demo
