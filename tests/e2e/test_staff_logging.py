"""A kommunpolis on a 390 px phone: signs in with the second factor, logs an activity, sees it
counted on the public page, withdraws it with a reason, sees the count go back and the history.

Every staff page on the way is also checked with axe and for sideways scrolling.
"""

import re

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django_otp.oath import TOTP

from activities.models import Activity
from tests.e2e.data import STAFF_PASSWORD, STAFF_TOTP_KEY, STAFF_USERNAME
from tests.e2e.pages import ACTIVE_SLUG, TODAY, follow
from tests.e2e.test_accessibility import WCAG_AA

PHONE = {"width": 390, "height": 844}
# The page's own form, not the sign-out button of the staff menu.
SUBMIT = "main form:not(.staff-signout) button[type=submit]"
axe = Axe()


def assert_accessible(page) -> None:
    results = axe.run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}:\n" + results.generate_report()
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= PHONE["width"], f"{page.url} scrolls sideways ({scroll} px)"
    assert page.locator("h1").count() == 1


def public_progress(page, site: str, activity: Activity) -> str:
    page.goto(f"{site}/kommuner/vetlanda/{ACTIVE_SLUG}/")
    text = page.locator(f"#aktivitet-{activity.pk} .progress-text").first.inner_text()
    # No request of the page's may still be served when the test ends: the live server would
    # close its database connection after the test has handed it back.
    page.wait_for_load_state("networkidle")
    return text


def current_code() -> str:
    return f"{TOTP(bytes.fromhex(STAFF_TOTP_KEY)).token():06d}"


def test_kommunpolis_logs_and_withdraws_an_activity_on_a_phone(page, site):
    page.set_viewport_size(PHONE)
    activity = Activity.objects.get(
        period__municipality__slug="vetlanda",
        period__slug=ACTIVE_SLUG,
        title="Trafikkontroller",
    )
    before = public_progress(page, site, activity)
    assert re.search(r"\b4 av minst 15\b", before), before

    # A staff page sends an anonymous visitor to sign in; password first, then the code.
    page.goto(site + reverse("activities:staff_home"))
    assert reverse("accounts:login") in page.url
    assert_accessible(page)
    page.locator("input[name=username]").fill(STAFF_USERNAME)
    page.locator("input[name=password]").fill(STAFF_PASSWORD)
    follow(page, page.locator(SUBMIT))
    assert reverse("accounts:verify") in page.url
    assert_accessible(page)
    page.locator("input[autocomplete=one-time-code]").fill(current_code())
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(re.escape(reverse("activities:staff_home")) + "$"))
    assert_accessible(page)

    # Log three traffic checks from the quick link.
    follow(page, page.locator(f"main a[href$='{reverse('activities:log_create')}']").first)
    assert_accessible(page)
    page.locator("select[name=activity]").select_option(str(activity.pk))
    assert page.locator("input[name=date]").input_value() == TODAY.isoformat()
    page.locator("input[name=quantity]").fill("3")
    page.locator("input[name=place]").fill("Kungsgatan")
    page.locator("textarea[name=summary]").fill("Hastighetskontroll vid skolan.")
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(reverse("activities:staff_activity", args=[activity.pk])))
    assert page.locator(".message").count() == 1
    assert_accessible(page)

    after = public_progress(page, site, activity)
    assert re.search(r"\b7 av minst 15\b", after), after

    # Withdraw it with a reason: the public count goes back.
    page.goto(site + reverse("activities:staff_activity", args=[activity.pk]))
    log = activity.logs.get(place="Kungsgatan")
    follow(page, page.locator(f"a[href$='{reverse('activities:log_withdraw', args=[log.pk])}']"))
    assert_accessible(page)
    page.locator("textarea[name=reason]").fill("Fel aktivitet, skulle vara fartkontroll.")
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(reverse("activities:staff_activity", args=[activity.pk])))
    log.refresh_from_db()
    assert log.withdrawn_at is not None

    assert re.search(r"\b4 av minst 15\b", public_progress(page, site, activity))

    # The log's history shows who withdrew it and why.
    page.goto(site + reverse("promises:history", args=["logg", log.pk]))
    assert_accessible(page)
    history = page.locator("main").inner_text()
    assert "Fel aktivitet, skulle vara fartkontroll." in history
    assert "Kim Polis" in history

    # Withdrawn by mistake: restored from the activity's page, it counts again.
    page.goto(site + reverse("activities:staff_activity", args=[activity.pk]))
    assert_accessible(page)
    follow(page, page.locator(f"a[href$='{reverse('activities:log_restore', args=[log.pk])}']"))
    assert_accessible(page)
    assert "Fel aktivitet, skulle vara fartkontroll." in page.locator("main").inner_text()
    follow(page, page.locator(SUBMIT))
    assert page.locator(".message").count() == 1
    log.refresh_from_db()
    assert log.withdrawn_at is None
    assert re.search(r"\b7 av minst 15\b", public_progress(page, site, activity))

    # The list of logs, filtered by municipality: the log is there.
    page.goto(site + reverse("activities:log_list"))
    page.locator("select[name=kommun]").select_option("vetlanda")
    follow(page, page.locator(".filter-form button[type=submit]"))
    assert "kommun=vetlanda" in page.url
    assert "Kungsgatan" in page.locator("main").inner_text()
    assert_accessible(page)
