"""The Content-Security-Policy in Chromium: no page of the portal breaks it, and it is enforced.

Chromium reports every blocked inline style or script, and every unknown Permissions-Policy
feature, on the console and (for CSP) as a `securitypolicyviolation` event; both are collected
(`pages.watch_policy`). Each public page type is checked on the accessibility test's visit
(test_accessibility.py); the staff, admin and document pages here.
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from activities.models import Activity
from promises.models import PromisePeriod
from tests.e2e.data import STAFF_USERNAME
from tests.e2e.pages import ACTIVE_SLUG, assert_policy_sent, watch_policy
from tests.staff import sign_in


def _session_key(user, *, verified: bool = True) -> str:
    """A committed session for `user` (with the second factor unless `verified` is False)."""
    client = Client()
    sign_in(client, user, verified=verified)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(scope="module")
def sessions(public_site, django_db_blocker):
    """Session keys: the kommunpolis, an administrator, and a new user without an app yet."""
    users = get_user_model().objects
    with django_db_blocker.unblock():
        admin = users.create_superuser("e2e-csp-admin", password="ett-långt-lösenord-för-csp")
        TOTPDevice.objects.create(user=admin, name="Telefon", confirmed=True)
        newcomer = users.create_user("e2e-csp-ny", password="ett-långt-lösenord-för-csp")
        keys = {
            "staff": _session_key(users.get(username=STAFF_USERNAME)),
            "admin": _session_key(admin),
            "newcomer": _session_key(newcomer, verified=False),
        }
    try:
        yield keys
    finally:
        with django_db_blocker.unblock():
            Session.objects.filter(session_key__in=keys.values()).delete()
            TOTPDevice.objects.filter(user__in=[admin, newcomer]).delete()
            users.filter(pk__in=[admin.pk, newcomer.pk]).delete()


def visit(page, url: str, status: int = 200) -> list[str]:
    """Open `url`; the policy violations and policy errors the browser reported on it."""
    reported = watch_policy(page)
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: {response.status}"
    assert_policy_sent(response, url)
    page.wait_for_load_state("load")
    return reported()


def sign_in_as(page, site: str, session_key: str) -> None:
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": site}]
    )


def test_the_signing_document_reports_no_policy_violation(page, site):
    url = site + reverse("promises:document", args=["vetlanda", ACTIVE_SLUG, "medborgarloftet"])
    assert visit(page, url) == []
    # Its inline stylesheet applied (allowed by the nonce): the links are a flex row.
    assert page.locator(".document-links").evaluate("el => getComputedStyle(el).display") == "flex"


def test_staff_pages_report_no_policy_violation(page, site, sessions):
    sign_in_as(page, site, sessions["staff"])
    period = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=ACTIVE_SLUG)
    activity = Activity.objects.filter(period=period).order_by("position").first()
    for path in (
        reverse("activities:staff_home"),
        reverse("activities:log_create"),
        reverse("activities:log_import"),
        reverse("promises:staff_period", args=[period.pk]),
        reverse("activities:staff_activity", args=[activity.pk]),
        reverse("promises:history", args=["aktivitet", activity.pk]),
        "/en/personal/",
    ):
        assert visit(page, site + path) == [], path


def test_the_authenticator_setup_with_its_qr_code_reports_no_policy_violation(page, site, sessions):
    sign_in_as(page, site, sessions["newcomer"])
    assert visit(page, site + reverse("accounts:otp_setup")) == []
    assert page.locator("svg.segno").count() == 1


def test_admin_pages_report_no_policy_violation(page, site, sessions):
    sign_in_as(page, site, sessions["admin"])
    activity = Activity.objects.order_by("pk").first()
    for path in (
        "/admin/",
        "/admin/activities/activity/",
        f"/admin/activities/activity/{activity.pk}/change/",
        f"/admin/activities/activity/{activity.pk}/history/",
        "/admin/auth/user/add/",
        "/admin/auth/user/",
        "/admin/axes/accessattempt/",
    ):
        assert visit(page, site + path) == [], path


def test_the_policy_is_enforced_and_violations_are_seen(page, site):
    """An inline script and an inline style are blocked, and reported (so [] above means 0)."""
    visit(page, site + "/om/")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.body.append(script);
          document.body.insertAdjacentHTML("beforeend", '<p id="styled" style="color: red">x</p>');
        }"""
    )
    # Polled from here: a string polled by `wait_for_function` is an eval this page's policy
    # refuses, as soon as its first look comes too early.
    for _ in range(50):
        if page.evaluate("window.__violations.length") >= 2:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.__ran === undefined")
    color = page.locator("#styled").evaluate("el => getComputedStyle(el).color")
    assert color != "rgb(255, 0, 0)"
    directives = " ".join(page.evaluate("window.__violations"))
    assert "script-src" in directives and "style-src" in directives


def test_the_progress_bar_still_shows_its_fill_and_pace_marker(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert visit(page, f"{site}/kommuner/vetlanda/{ACTIVE_SLUG}/") == []
    bar = page.locator("svg.bar").first
    fill = bar.locator(".bar-fill")
    box, fill_box = bar.bounding_box(), fill.bounding_box()
    percent = float(fill.get_attribute("width").rstrip("%"))
    inner = box["width"] - 2  # less the 1 px border on each side
    assert fill_box["height"] > 0
    assert fill_box["width"] == pytest.approx(inner * percent / 100, abs=1)
    marker = page.locator("svg.bar .bar-marker").first
    marker_box = marker.bounding_box()
    x = float(marker.get_attribute("x").rstrip("%"))
    assert marker_box["x"] - (box["x"] + 1) == pytest.approx(inner * x / 100, abs=1)
    # The marker reaches beyond the bar, above and below.
    assert marker_box["y"] < box["y"] and marker_box["height"] > box["height"]
