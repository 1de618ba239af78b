"""A citizen finds their municipality and reads a promise's progress in a real browser."""

import re

import pytest

from tests.e2e.pages import LONG_TEXT_SLUG, LONG_WORD, PAGE_TYPES

PHONE = {"width": 390, "height": 844}


def test_citizen_finds_municipality_and_reads_progress(page, site):
    page.goto(site + "/")
    picker = page.get_by_label("Välj kommun", exact=True)
    assert picker.input_value() == ""  # it asks; nothing is chosen beforehand
    picker.fill("vetlanda")  # typed as on a phone: lower case, and it works without script
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url("**/kommuner/vetlanda/")
    assert "Att öka trafiksäkerheten" in page.content()

    page.get_by_role("link", name=re.compile("^Medborgarlöfte Vetlanda")).first.click()
    page.wait_for_url("**" + PAGE_TYPES["period"])
    assert page.get_by_text("4 av minst 15 trafikkontroller").is_visible()


def test_drafts_and_internal_text_never_show(page, site):
    for path in PAGE_TYPES.values():
        page.goto(site + path)
        text = page.content()
        assert "aldrig får synas" not in text, path


@pytest.mark.parametrize(
    "path",
    [
        PAGE_TYPES["period_with_long_text"],
        "/kommuner/hedemora/",  # the latest logs: place and summary
        "/aktiviteter/?kommun=hedemora",
        "/loften/?kommun=hedemora",
    ],
)
def test_a_300_character_word_wraps_on_a_phone_instead_of_widening_the_page(page, site, path):
    page.set_viewport_size(PHONE)
    response = page.goto(site + path)
    assert response is not None and response.status == 200
    assert LONG_WORD in page.locator("main").inner_text().replace("\n", "")
    if LONG_TEXT_SLUG in path:
        # The report's opening in the list of reports.
        report = page.locator(".report-list li", has_text="Tertialrapport")
        assert LONG_WORD in report.inner_text().replace("\n", "")
        assert report.evaluate("el => el.scrollWidth <= el.clientWidth")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth]"
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[1], f"{path} scrolls sideways: {widths}"


def test_a_printed_period_page_shows_the_earlier_spans_folded_on_screen(page, site):
    # The list of a target's spans is a closed <details> on screen; a printout left it out, and
    # with it the months a target was missed.
    page.goto(site + PAGE_TYPES["period"])
    spans = page.locator("details.spans").first
    line = spans.locator("li").first
    assert not line.is_visible()
    page.emulate_media(media="print")
    assert line.is_visible()
