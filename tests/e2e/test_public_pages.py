"""A citizen finds their municipality and reads a promise's progress in a real browser."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from promises.models import Signatory
from tests import factories

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def vetlanda_period(db):
    today = timezone.localdate()
    period = factories.period(
        "vetlanda",
        slug="2026-2027",
        start=today - datetime.timedelta(days=100),
        end=today + datetime.timedelta(days=400),
    )
    promise = factories.promise(period, title="Att öka trafiksäkerheten")
    activity = factories.activity(period, title="Trafikkontroller")
    activity.promises.add(promise)
    for day in range(4):
        factories.log(activity, today - datetime.timedelta(days=day))
    Signatory.objects.create(
        period=period, name="Henrik Tvarnö", title="KSO", organisation="Vetlanda kommun"
    )
    return period


def assert_accessible(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").count() == 1


def test_citizen_finds_municipality_and_reads_progress(page, live_server, vetlanda_period):
    page.goto(live_server.url + "/")
    assert_accessible(page, 1280)
    assert_accessible(page, 320)

    page.get_by_label("Kommun", exact=True).select_option("vetlanda")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url("**/kommuner/vetlanda/")
    assert "Att öka trafiksäkerheten" in page.content()
    assert_accessible(page, 1280)
    assert_accessible(page, 320)

    page.get_by_role("link", name="Medborgarlöfte Vetlanda").first.click()
    page.wait_for_url("**/kommuner/vetlanda/2026-2027/")
    assert page.get_by_text("4 av minst 15 trafikkontroller").is_visible()
    assert_accessible(page, 1280)
    assert_accessible(page, 320)


def test_skip_link_moves_focus_to_main(page, live_server, db):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Till innehållet")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
