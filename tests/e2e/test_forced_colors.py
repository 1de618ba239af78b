"""In forced colours (Windows high contrast) buttons still look like buttons, and only the
current page is underlined in the main menu."""


def _style(locator, prop: str) -> str:
    return locator.evaluate(f"el => getComputedStyle(el).{prop}")


def test_buttons_and_the_current_menu_item_in_forced_colours(page, site):
    page.emulate_media(forced_colors="active")
    page.goto(site + "/personal/logga-in/")

    button = page.locator("main button[type=submit]").first
    assert _style(button, "borderTopStyle") == "solid"
    assert _style(button, "borderTopWidth") == "2px"

    page.goto(site + "/loften/")
    current = page.locator(".site-nav a[aria-current]")
    others = page.locator(".site-nav a:not([aria-current])")
    assert current.count() == 1 and others.count() >= 1
    # The others' border is the background's colour (Canvas): not drawn as an underline.
    assert _style(others.first, "borderBottomColor") != _style(current, "borderBottomColor")
