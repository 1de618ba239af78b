"""A coordinator plans a follow-up meeting at 1280 px, then records it as held on a 390 px phone
with an assessment and a verdict; the public period page shows it. Every staff page on the way
(the form with its errors too) is checked with axe and for sideways scrolling."""

import re
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from followups.models import FollowUpMeeting
from promises.models import PromisePeriod
from tests.e2e.data import COORDINATOR_USERNAME
from tests.e2e.pages import ACTIVE_SLUG, TODAY, follow
from tests.e2e.test_accessibility import WCAG_AA
from tests.e2e.test_drafting_path import NARROW, SUBMIT, axe, sign_in

WIDE = {"width": 1280, "height": 900}
FORUM = "E2E Trygg och säker kommun"


def assert_accessible(page) -> None:
    """No axe violations, no sideways scrolling at the page's width, one h1."""
    results = axe.run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}:\n" + results.generate_report()
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= page.viewport_size["width"], f"{page.url} scrolls sideways ({scroll} px)"
    assert page.locator("h1").count() == 1, page.url


def _delete_meetings() -> None:
    """Remove the meetings the browser made, so the other browser tests see the shared data as
    built (on PostgreSQL the live server committed them; see test_drafting_path)."""
    if connection.vendor != "postgresql":
        return

    def delete() -> None:
        try:
            FollowUpMeeting.objects.filter(forum=FORUM).delete()
        finally:
            connections.close_all()

    worker = threading.Thread(target=delete)
    worker.start()
    worker.join()


@pytest.fixture
def meeting_cleanup():
    yield
    _delete_meetings()


def test_coordinator_plans_and_records_a_meeting(page, site, meeting_cleanup):
    period = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=ACTIVE_SLUG)
    promise = period.promises.order_by("position").first()
    activity = period.activities.order_by("position").first()
    meetings_url = reverse("followups:meeting_list", args=[period.pk])

    sign_in(page, site, COORDINATOR_USERNAME, reverse("promises:staff_period", args=[period.pk]))
    page.set_viewport_size(WIDE)
    page.locator(f"main a[href$='{meetings_url}']").click()
    page.wait_for_url(re.compile(re.escape(meetings_url) + "$"))
    assert_accessible(page)

    # Plan a tertial follow-up a week ahead.
    plan_url = reverse("followups:meeting_plan", args=[period.pk])
    follow(page, page.locator(f"main a[href$='{plan_url}']"))
    assert_accessible(page)
    page.locator("select[name=kind]").select_option("tertial")
    page.locator("input[name=date]").fill(TODAY.isoformat())
    page.locator("input[name=time]").fill("13:30")
    page.locator("input[name=forum]").fill(FORUM)
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(re.escape(meetings_url) + "$"))
    assert page.locator(".message").count() == 1
    assert FORUM in page.locator("main").inner_text()
    meeting = FollowUpMeeting.objects.get(forum=FORUM)
    assert meeting.status == "planned"

    # Record it as held on a phone: first without a summary (the error summary), then whole.
    page.set_viewport_size(NARROW)
    page.goto(site + reverse("followups:meeting_cancel", args=[meeting.pk]))
    assert_accessible(page)
    page.goto(site + meetings_url)
    record_url = reverse("followups:meeting_record", args=[meeting.pk])
    page.locator(f"main a[href$='{record_url}']").click()
    page.wait_for_url(re.compile(re.escape(record_url) + "$"))
    assert_accessible(page)
    follow(page, page.locator(SUBMIT))
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
    page.locator("textarea[name=participants]").fill("Polisen, kommunens trygghetssamordnare")
    page.locator("textarea[name=public_summary]").fill("Genomgång av tertialens insatser.")
    page.locator("textarea[name=decisions]").fill("Fler trygghetsvandringar i höst.")
    # Every promise is assessed: none is chosen in advance (unasked "ej bedömt" went public).
    for other in period.promises.exclude(pk=promise.pk):
        page.locator(f"input[name='promise-{other.pk}-rating'][value=not_assessed]").check()
    page.locator(f"input[name='promise-{promise.pk}-rating'][value=partly]").check()
    page.locator(f"textarea[name='activity-{activity.pk}-text']").fill(
        "Genomfört, dock inte i den utsträckning vi velat."
    )
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(re.escape(meetings_url) + "$"))
    assert page.locator(".message").count() == 1
    assert_accessible(page)
    meeting.refresh_from_db()
    assert meeting.status == "held"

    page.goto(site + reverse("followups:meeting_detail", args=[meeting.pk]))
    assert_accessible(page)
    page.goto(site + reverse("followups:meeting_withdraw", args=[meeting.pk]))
    assert_accessible(page)

    # Correct a typo in the public summary: the form shows the record as it stands.
    correct_url = reverse("followups:meeting_correct", args=[meeting.pk])
    page.goto(site + reverse("followups:meeting_detail", args=[meeting.pk]))
    follow(page, page.locator(f"main a[href$='{correct_url}']"))
    assert_accessible(page)
    summary = page.locator("textarea[name=public_summary]")
    assert summary.input_value() == "Genomgång av tertialens insatser."
    summary.fill("Genomgång av tertialets insatser.")
    page.locator("textarea[name=correction_reason]").fill("Ett stavfel i sammanfattningen.")
    follow(page, page.locator(SUBMIT))
    assert page.locator(".message").count() == 1
    meeting.refresh_from_db()
    assert meeting.public_summary == "Genomgång av tertialets insatser."

    # The period's staff page names it as the latest held meeting, with its decisions.
    page.goto(site + reverse("promises:staff_period", args=[period.pk]))
    latest = page.locator("section[aria-labelledby=follow-up-now-heading]")
    detail_url = reverse("followups:meeting_detail", args=[meeting.pk])
    assert latest.locator(f"a[href$='{detail_url}']").count() == 1
    assert "Fler trygghetsvandringar i höst." in latest.inner_text()
    assert_accessible(page)

    # The public period page shows the held meeting with its assessment and verdict.
    page.goto(f"{site}/kommuner/vetlanda/{ACTIVE_SLUG}/")
    public = page.locator(f"#uppfoljning-{meeting.pk}").inner_text()
    assert "Genomgång av tertialets insatser." in public
    assert "Genomfört, dock inte i den utsträckning vi velat." in public
    assert f"{promise.title}: delvis enligt plan" in public
