"""The filters of the national lists work with the keyboard alone: Tab to a field, choose or type
a value, submit with Enter; the result count changes and the address keeps the filter."""

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Locator, Page

# The Swedish labels of the filter fields (GET forms, labelled fields; Django adds a colon).
SEARCH = re.compile(r"^(Sök|Fritext)")
COUNTY = re.compile(r"^Län:?$")
RESPONSIBLE = re.compile(r"^Ansvarig:?$")
MAX_TABS = 80


def result_count(page: Page) -> int:
    """The number in the results heading ("7 löften", "1 aktivitet")."""
    heading = page.get_by_role("heading", name=re.compile(r"^\d+\s"))
    return int(heading.inner_text().split()[0])


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until `target` has focus, as a keyboard user would."""
    handle = target.element_handle()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if handle.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def choose_by_arrow_keys(page: Page, select: Locator, value: str) -> None:
    """Move through a closed select's options with ArrowDown until `value` is chosen."""
    for _ in range(MAX_TABS):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"ArrowDown never reached {value!r} in {select}")


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_promise_list_free_text_and_county_by_keyboard(page, site):
    page.goto(site + "/loften/")
    everything = result_count(page)

    tab_to(page, page.get_by_label(SEARCH))
    page.keyboard.type("trafik")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=trafik"))
    by_text = result_count(page)
    assert 0 < by_text < everything

    page.goto(site + "/loften/")
    county = page.get_by_label(COUNTY)
    tab_to(page, county)
    choose_by_arrow_keys(page, county, "06")  # Jönköpings län
    tab_to(page, page.get_by_role("button", name=re.compile(r"^(Visa|Sök)")))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]lan=06"))
    assert query(page)["lan"] == ["06"]
    by_county = result_count(page)
    assert 0 < by_county < everything
    # The filter stays chosen on the result page.
    assert page.get_by_label(COUNTY).input_value() == "06"


def test_activity_list_responsible_by_keyboard(page, site):
    page.goto(site + "/aktiviteter/")
    everything = result_count(page)

    responsible = page.get_by_label(RESPONSIBLE)
    tab_to(page, responsible)
    page.keyboard.press("ArrowDown")  # the first choice after "all"
    chosen = responsible.input_value()
    assert chosen
    tab_to(page, page.get_by_role("button", name=re.compile(r"^(Visa|Sök)")))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"[?&]ansvarig={chosen}"))
    assert query(page)["ansvarig"] == [chosen]
    assert 0 < result_count(page) < everything

    # Free text in the same form, submitted with Enter in the field, keeps both filters.
    tab_to(page, page.get_by_label(SEARCH))
    page.keyboard.type("kontroller")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=kontroller"))
    assert query(page)["ansvarig"] == [chosen]
    assert 0 < result_count(page) < everything
