"""The admin pages the portal's administrators use, in Chromium: no axe violations (WCAG 2.0/2.1
A and AA), also on the user's page after a role row is added, and nothing reported against the
Content-Security-Policy (the admin runs under the portal's policy)."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from municipalities.models import LocalPoliceArea, Municipality
from tests.e2e.data import STAFF_USERNAME
from tests.e2e.pages import COLLECT_VIOLATIONS, CONSOLE_MARKERS, follow
from tests.e2e.test_accessibility import run_axe
from tests.staff import sign_in

ADMIN_USERNAME = "e2e-axe-admin"
# A user whose app the test resets (the browser's kommunpolis keeps theirs).
PHONE_LOST_USERNAME = "e2e-axe-tappad-telefon"


@pytest.fixture(scope="module")
def admin_session(public_site, django_db_blocker):
    """A committed session of an administrator signed in with both factors."""
    users = get_user_model().objects
    with django_db_blocker.unblock():
        admin = users.create_superuser(ADMIN_USERNAME, password="ett-långt-lösenord-för-axe")
        lost = users.create_user(PHONE_LOST_USERNAME, email="tappad@example.org")
        TOTPDevice.objects.create(user=lost, name="Telefon", confirmed=True)
        client = Client()
        sign_in(client, admin)
        key = client.cookies[settings.SESSION_COOKIE_NAME].value
    try:
        yield key
    finally:
        with django_db_blocker.unblock():
            Session.objects.filter(session_key=key).delete()
            TOTPDevice.objects.filter(user__in=[admin, lost]).delete()
            users.filter(pk__in=[admin.pk, lost.pk]).delete()


def _watch_policy(page):
    """As `pages.watch_policy`, but each call of the function returned gives the reports made
    since the last call (one page is checked more than once, and several pages are checked)."""
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(COLLECT_VIOLATIONS)

    def reported() -> list[str]:
        errors = [text for text in console if any(m in text for m in CONSOLE_MARKERS)]
        console.clear()
        return errors + page.evaluate("window.__violations.splice(0)")

    return reported


def _violations(page, reported, what: str) -> list[str]:
    """What the browser reported against the policies, then axe found, on the page as shown now
    (axe's own checks set inline styles, which the policy blocks: read before it runs)."""
    found = [f"{what}: {text}" for text in reported()]
    results = run_axe(page)
    reported()
    if results.violations_count:
        found.append(f"{what}:\n{results.generate_report()}")
    return found


def test_the_admin_pages_an_administrator_uses_have_no_axe_violations(page, site, admin_session):
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": admin_session, "url": site}]
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    reported = _watch_policy(page)
    staff = get_user_model().objects.get(username=STAFF_USERNAME)
    vetlanda = Municipality.objects.get(slug="vetlanda")
    area = LocalPoliceArea.objects.filter(municipalities=vetlanda).first()
    found: list[str] = []

    for path in (
        "/admin/",
        "/admin/auth/user/add/",
        "/admin/municipalities/membership/",
        f"/admin/municipalities/municipality/{vetlanda.pk}/change/",
        "/admin/municipalities/localpolicearea/add/",
        f"/admin/municipalities/localpolicearea/{area.pk}/change/",
        f"/admin/auth/user/{staff.pk}/change/",
    ):
        response = page.goto(site + path)
        assert response is not None and response.status == 200, path
        found += _violations(page, reported, path)

    # A role added on the user's page ("Lägg till: Roll"): the new row's
    # boxes are named too (they had no label, and the autocomplete boxes no name at all).
    rows = page.locator("#memberships-group .inline-related:not(.empty-form)")
    before = rows.count()
    page.locator("#memberships-group .add-row a").click()
    assert rows.count() == before + 1
    for field in ("role", "municipality", "local_police_area"):
        assert page.locator(f"label[for=id_memberships-{before}-{field}]").is_visible(), field
    found += _violations(page, reported, "the user's page with a role row added")

    # A lost phone: the user list, and the action that resets the authenticator app.
    page.goto(site + "/admin/auth/user/")
    found += _violations(page, reported, "/admin/auth/user/")
    lost = get_user_model().objects.get(username=PHONE_LOST_USERNAME)
    page.locator(f"input[name=_selected_action][value='{lost.pk}']").check()
    page.locator("select[name=action]").select_option("reset_authenticator")
    follow(page, page.locator("button[name=index]"))
    assert not TOTPDevice.objects.filter(user=lost).exists()
    found += _violations(page, reported, "the user list after resetting an app")

    # Every model's list and add page, as an administrator may open any of them.
    for model in admin.site._registry:
        opts = model._meta
        for view in ("changelist", "add"):
            path = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}")
            response = page.goto(site + path)
            assert response is not None, path
            if response.status == 200:
                found += _violations(page, reported, path)

    # A local police area's municipalities: typed into the filter box, in Swedish order.
    page.goto(site + "/admin/municipalities/localpolicearea/add/")
    available = page.locator("#id_municipalities_from option")
    names = available.all_inner_texts()
    order = [names.index(name) for name in ("Ystad", "Åmål", "Älmhult", "Örebro")]
    assert order == sorted(order)
    page.locator("#id_municipalities_input").press_sequentially("vetl")
    assert available.all_inner_texts() == ["Vetlanda"]

    assert found == [], "\n".join(found)
