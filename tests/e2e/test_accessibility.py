"""Every public page type in Chromium: no axe violations (WCAG 2.0/2.1 A and AA) at 1280 and
320 px, `lang` set, exactly one h1, a working skip link, no horizontal scrolling on a phone, and
nothing reported against the Content-Security-Policy or Permissions-Policy (see test_csp.py)."""

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.pages import (
    PAGE_TYPES,
    assert_policy_sent,
    expected_lang,
    expected_status,
    watch_policy,
)

# resultTypes: only violations are read, so axe keeps one example of each passed rule, not all.
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

axe = Axe()


def open_page(page, site: str, page_type: str, width: int = 1280):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(site + PAGE_TYPES[page_type])
    assert response is not None
    assert response.status == expected_status(page_type), (
        f"{PAGE_TYPES[page_type]} answered {response.status}"
    )
    return response


def run_axe(page) -> AxeResults:
    """axe's results on the page as shown now; axe-core (0.5 MB) is put in the page once, not
    once per run as `Axe.run` does."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe.axe_script)
    return AxeResults(page.evaluate("options => axe.run(document, options)", WCAG_AA))


def assert_no_axe_violations(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    results = run_axe(page)
    assert results.violations_count == 0, f"at {width} px:\n" + results.generate_report()


def assert_lang_one_h1_and_skip_link(page, page_type: str) -> None:
    assert page.locator("html").get_attribute("lang") == expected_lang(page_type)
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip()

    # The skip link is the first thing Tab reaches, and Enter moves focus to the main content.
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("el => el.tagName") == "A"
    href = focused.evaluate("el => el.getAttribute('href')")
    assert href and href.startswith("#"), f"the first focusable element links to {href!r}"
    assert focused.evaluate("el => el.getBoundingClientRect().height > 0"), "not shown on focus"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == href
    target = page.locator(href)
    assert target.evaluate("el => el.contains(document.activeElement)"), "focus did not move"
    assert target.evaluate("el => el.tagName") == "MAIN"


def assert_no_horizontal_scrolling_at_320_px(page, page_type: str) -> None:
    page.set_viewport_size({"width": 320, "height": 900})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{PAGE_TYPES[page_type]} is {scroll_width} px wide at 320 px"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_is_accessible_at_desktop_and_phone_width_within_its_policies(page, site, page_type):
    """All the checks of a page type on one visit: each is made on the page as it loaded, and
    a second visit would only load it again. The policy reports are read before axe runs."""
    reported = watch_policy(page)
    response = open_page(page, site, page_type)
    assert_policy_sent(response, PAGE_TYPES[page_type])
    page.wait_for_load_state("load")
    assert reported() == []
    assert_no_axe_violations(page, 1280)
    assert_no_axe_violations(page, 320)
    assert_no_horizontal_scrolling_at_320_px(page, page_type)
    # What is there for screen readers only is not shown (its rule was once in the staff
    # pages' style sheet alone, and public pages showed every such text).
    hidden = page.locator(".visually-hidden")
    for index in range(hidden.count()):
        box = hidden.nth(index).bounding_box()
        assert box is None or (box["width"] <= 1 and box["height"] <= 1), PAGE_TYPES[page_type]
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_lang_one_h1_and_skip_link(page, page_type)


@pytest.mark.parametrize("text_size", ["150%", "200%"])
@pytest.mark.parametrize("page_type", ["start", "period"])
def test_page_does_not_scroll_sideways_at_320_px_with_the_text_made_larger(
    page, site, page_type, text_size
):
    """A phone set to larger text (WCAG 1.4.4: text resized up to 200 %, on a 320 px screen):
    the footer's "Tillgänglighetsredogörelse" alone was wider than the screen at 150 %, and at
    200 % the period page's heading, its years kept on one line ("2025–2026"), was."""
    open_page(page, site, page_type, width=320)
    # Set from the page's script context: the Content-Security-Policy allows no inline style.
    page.evaluate(
        "size => document.documentElement.style.setProperty('font-size', size, 'important')",
        text_size,
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{PAGE_TYPES[page_type]} is {scroll_width} px wide"
