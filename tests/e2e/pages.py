"""Every public page type the browser and HTML tests visit, in one place; `follow`, the click
that waits for the page it opens; and `watch_policy`, what the browser reports against the
portal's Content-Security-Policy and Permissions-Policy."""

import datetime

from django.utils import timezone

# The active Vetlanda period runs from about three months ago to about a year from now; its
# slug follows the years it covers, like the real ones (`2020-2021`).
TODAY = timezone.localdate()
ACTIVE_START = TODAY - datetime.timedelta(days=100)
ACTIVE_END = TODAY + datetime.timedelta(days=400)
ACTIVE_SLUG = f"{ACTIVE_START.year}-{ACTIVE_END.year}"
CLOSED_SLUG = f"{ACTIVE_START.year - 2}-{ACTIVE_START.year - 1}"
# The active period's "Trafikkontroller" is made with this id, so its page's path is known
# before the data are built (far above what the id sequence reaches in a test run).
ACTIVITY_PK = 900_001
# A district promise the Police give alone, made only of activities (Malmö, Sofielund).
DISTRICT_SLUG = "sofielund"
REPORT_PK = 900_001
# A period whose texts hold a 300-character string without a space (a pasted web address): the
# page must still fit a phone's width.
LONG_TEXT_SLUG = "langa-ord"
LONG_WORD = "https://example.se/" + "trygghetsvandringsrapportbilaga" * 9 + "x" * 2

# page type -> path. `lang` is "en" under /en/, "sv" everywhere else.
PAGE_TYPES = {
    "start": "/",
    "municipality": "/kommuner/vetlanda/",
    "municipality_without_promise": "/kommuner/ale/",
    "period": f"/kommuner/vetlanda/{ACTIVE_SLUG}/",
    "closed_period": f"/kommuner/vetlanda/{CLOSED_SLUG}/",
    "police_activities_only_period": f"/kommuner/malmo/{DISTRICT_SLUG}/",
    "period_with_long_text": f"/kommuner/hedemora/{LONG_TEXT_SLUG}/",
    "activity": f"/kommuner/vetlanda/{ACTIVE_SLUG}/aktiviteter/{ACTIVITY_PK}/",
    "municipality_list": "/kommuner/",
    "county": "/lan/jonkopings-lan/",
    "municipality_search": "/kommuner/?q=habo",
    "municipality_search_empty": "/kommuner/?q=atlantis",
    "municipality_search_refused": "/kommuner/?q=%00",  # the search field's error
    "promise_list": "/loften/",
    "promise_list_filtered": "/loften/?lan=06&q=trafik",
    "activity_list_filtered": "/aktiviteter/?kommun=vetlanda&q=trafikkontroll",
    "activity_list": "/aktiviteter/",
    "open_data": "/oppna-data/",
    "about": "/om/",
    "accessibility": "/tillganglighet/",
    "privacy": "/personuppgifter/",
    "not_found": "/finns-inte/",
    "english_start": "/en/",
}

# Print documents and the box for other web sites (no site frame, so not in the page checks
# above): checked for valid HTML.
DOCUMENT_TYPES = {
    "embed": "/kommuner/vetlanda/inbaddning/",
    "signing_document": f"/kommuner/vetlanda/{ACTIVE_SLUG}/medborgarloftet/",
    "police_signing_document": f"/kommuner/malmo/{DISTRICT_SLUG}/medborgarloftet/",
    "report_document": f"/kommuner/vetlanda/{ACTIVE_SLUG}/redovisningar/{REPORT_PK}/",
}

# Pages that answer something other than 200 on purpose.
EXPECTED_STATUS = {"not_found": 404}


def expected_status(page_type: str) -> int:
    return EXPECTED_STATUS.get(page_type, 200)


def expected_lang(page_type: str) -> str:
    return "en" if PAGE_TYPES[page_type].startswith("/en/") else "sv"


def follow(page, locator) -> None:
    """Click a link or a submit button, and wait until the page it opens has loaded.

    A click does not wait for the navigation it starts: a check made straight after it can read
    the old page, or find no document at all while the new one replaces it.
    """
    with page.expect_navigation():
        locator.click()


# Runs before any script of the page, outside its policy (Playwright injects it).
COLLECT_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""
CONSOLE_MARKERS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


def watch_policy(page):
    """Collect what Chromium reports against the Content-Security-Policy and Permissions-Policy
    on the pages `page` opens from now on: every blocked inline style or script as a
    `securitypolicyviolation` event, and the console's policy errors (an unknown
    Permissions-Policy feature, say). Returns a function that gives the reports so far on the
    current page."""
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(COLLECT_VIOLATIONS)

    def reported() -> list[str]:
        errors = [text for text in console if any(m in text for m in CONSOLE_MARKERS)]
        return errors + page.evaluate("window.__violations")

    return reported


def assert_policy_sent(response, url: str) -> None:
    """The response carries the portal's Content-Security-Policy (so a page cannot be framed)."""
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"], url
