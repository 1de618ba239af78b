"""A citizen finds their municipality and reads a promise's progress in a real browser."""

import re

from tests.e2e.pages import PAGE_TYPES


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
