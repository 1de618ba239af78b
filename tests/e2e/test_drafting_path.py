"""The whole drafting path in a browser: the coordinator starts next period from the current
one and sends it for consultation, an approver asks a question and approves it, the coordinator
answers the question and records the decision and the signing, and the period is public with
its documents.

The coordinator and the approver use two browser contexts (two people, two sessions). Every
page on the way is checked with axe and for sideways scrolling at a phone's width.
"""

import io
import re
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pypdf import PdfReader

from promises.models import PeriodState, PromisePeriod
from tests.e2e.data import (
    APPROVER_USERNAME,
    COORDINATOR_USERNAME,
    STAFF_PASSWORD,
    STAFF_TOTP_KEY,
)
from tests.e2e.pages import ACTIVE_SLUG, follow
from tests.e2e.test_accessibility import WCAG_AA

SUBMIT = "main form:not(.staff-signout) button[type=submit]"
NARROW = {"width": 390, "height": 844}
NEW_SLUG = "e2e-nasta"
DRAFT_SLUG = "e2e-utkast"
axe = Axe()


def assert_accessible(page) -> None:
    results = axe.run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}:\n" + results.generate_report()
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= NARROW["width"], f"{page.url} scrolls sideways ({scroll} px)"
    assert page.locator("h1").count() == 1, page.url


def _fresh_code(username: str) -> str:
    """The user's current code, usable even if this step's code was used a moment ago.

    A code is accepted once only (tests/municipalities/test_accounts.py shows it). Each sign-in
    here stands for a new visit, so the device forgets the step it last accepted instead of the
    test waiting up to 30 s for the next code.
    """
    _seen_by_the_server(
        lambda: TOTPDevice.objects.filter(user__username=username).update(last_t=-1)
    )
    return f"{TOTP(bytes.fromhex(STAFF_TOTP_KEY)).token():06d}"


def sign_in(page, site: str, username: str, next_url: str) -> None:
    page.set_viewport_size(NARROW)
    page.goto(site + next_url)
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(STAFF_PASSWORD)
    follow(page, page.locator(SUBMIT))
    code = _fresh_code(username)
    page.locator("input[autocomplete=one-time-code]").fill(code)
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


def take_step(page, period: PromisePeriod, action: str) -> None:
    """Follow the hub's link to a lifecycle step and check its page (an approver's steps are
    offered twice: under Åtgärder and again after the text, under Samråd)."""
    url = reverse("promises:period_transition", args=[period.pk, action])
    page.locator(f"main a[href$='{url}']").first.click()
    page.wait_for_url(re.compile(re.escape(url) + "$"))
    assert_accessible(page)


def submit_to_hub(page, period: PromisePeriod) -> None:
    # The first button is the step's own (the signing page also has "add another signatory").
    page.locator(SUBMIT).first.click()
    page.wait_for_url(re.compile(re.escape(reverse("promises:staff_period", args=[period.pk]))))
    assert page.locator(".message").count() == 1, page.locator("main").inner_text()
    assert_accessible(page)


def _seen_by_the_server(change) -> None:
    """Make a change to the data that the live server sees at once.

    On PostgreSQL the server has connections of its own and cannot see the test's transaction,
    so a thread with a connection of its own makes and commits the change. On in-memory SQLite
    the server shares the test's connection, and the test's rollback undoes the change.
    """
    if connection.vendor != "postgresql":
        change()
        return

    def run() -> None:
        try:
            change()
        finally:
            connections.close_all()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()


def _delete_periods(*slugs: str) -> None:
    """Remove periods the browser made, so the other browser tests see the shared data as built.

    On PostgreSQL the live server committed them and the test's own transaction cannot undo
    that; on in-memory SQLite the test's rollback removes them.
    """
    if connection.vendor == "postgresql":
        _seen_by_the_server(
            lambda: PromisePeriod.objects.filter(
                municipality__slug="vetlanda", slug__in=slugs
            ).delete()
        )


@pytest.fixture
def new_period_cleanup():
    yield
    _delete_periods(NEW_SLUG, DRAFT_SLUG)


def test_coordinator_and_approver_take_a_period_from_copy_to_public(
    page, browser, site, new_period_cleanup
):
    current = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=ACTIVE_SLUG)
    promise_titles = list(current.promises.values_list("title", flat=True))
    hub = reverse("promises:staff_period", args=[current.pk])

    # The coordinator starts next period from the current one.
    sign_in(page, site, COORDINATOR_USERNAME, hub)
    assert_accessible(page)
    copy_url = reverse("promises:period_copy", args=[current.pk])
    page.locator(f"main a[href$='{copy_url}']").click()
    page.wait_for_url(re.compile(re.escape(copy_url) + "$"))
    assert_accessible(page)
    page.locator("input[name=slug]").fill(NEW_SLUG)
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(r"/personal/perioder/\d+/(#.*)?$"))
    draft = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=NEW_SLUG)
    assert draft.state == PeriodState.DRAFT
    assert list(draft.promises.values_list("title", flat=True)) == promise_titles
    assert draft.activities.count() == current.activities.count()
    assert_accessible(page)

    # The copy names a year ("sedan 2016"): the coordinator confirms it as right as it stands,
    # or the draft cannot be sent.
    review = page.locator("#granska")
    assert "sedan 2016" in review.inner_text()
    review.locator("button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/personal/perioder/\d+/#granska$"))
    assert page.locator("#granska").count() == 0
    assert page.locator(".message").count() == 1
    assert_accessible(page)

    # … and sends it for consultation.
    take_step(page, draft, "skicka-pa-samrad")
    page.locator("textarea[name=comment]").fill("Till KLG för samråd.")
    submit_to_hub(page, draft)
    draft.refresh_from_db()
    assert draft.state == PeriodState.CONSULTATION

    # An approver, in a session of their own, finds it first on their start page (what waits
    # for them comes before everything else) and approves it.
    approver = browser.new_page()
    approver.set_default_timeout(15_000)
    draft_hub = reverse("promises:staff_period", args=[draft.pk])
    sign_in(approver, site, APPROVER_USERNAME, reverse("activities:staff_home"))
    assert_accessible(approver)
    first_section = approver.locator("main section").first
    assert first_section.get_attribute("class") == "waiting"
    first_section.locator(f"a[href$='{draft_hub}']").first.click()
    approver.wait_for_url(re.compile(re.escape(draft_hub) + "$"))
    assert_accessible(approver)
    take_step(approver, draft, "kommentera")
    approver.locator("textarea[name=comment]").fill("Vem leder trygghetsvandringarna?")
    submit_to_hub(approver, draft)
    take_step(approver, draft, "godkann")
    approver.locator("textarea[name=comment]").fill("Bra, tydliga mål.")
    submit_to_hub(approver, draft)
    assert set(draft.reviews.values_list("reviewer__username", flat=True)) == {APPROVER_USERNAME}
    approver.close()

    # The coordinator answers the question under it (an empty answer first: the error) …
    page.goto(site + draft_hub)
    question = draft.reviews.get(verdict="comment")
    answer_url = reverse("promises:review_answer", args=[draft.pk, question.pk])
    page.locator(f"#kommentar-{question.pk} a[href$='{answer_url}']").click()
    page.wait_for_url(re.compile(re.escape(answer_url) + "$"))
    assert_accessible(page)
    follow(page, page.locator(SUBMIT).first)
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
    page.locator("textarea[name=comment]").fill("Fritidsgården, tillsammans med föreningarna.")
    page.locator(SUBMIT).first.click()
    page.wait_for_url(re.compile(re.escape(draft_hub) + f"#kommentar-{question.pk}$"))
    answered = page.locator(f"#kommentar-{question.pk} .review-answer").inner_text()
    assert "Fritidsgården, tillsammans med föreningarna." in answered
    assert_accessible(page)

    # … records the decision …
    take_step(page, draft, "beslut")
    page.locator("input[name=decision_body]").fill("Kommunstyrelsen")
    page.locator("input[name=decision_reference]").fill("KS 2026/321")
    submit_to_hub(page, draft)

    # … and the signing, by both parties.
    take_step(page, draft, "undertecknande")
    for row, (name, title) in enumerate(
        [("Henrik Tvärnö", "Kommunstyrelsens ordförande"), ("Åsa Öberg", "Lokalpolisområdeschef")]
    ):
        page.locator(f"input[name=signatories-{row}-name]").fill(name)
        page.locator(f"input[name=signatories-{row}-title]").fill(title)
        organisation = page.locator(f"input[name=signatories-{row}-organisation]")
        if not organisation.input_value():
            organisation.fill("Vetlanda kommun" if row == 0 else "Lokalpolisområde Höglandet")
    submit_to_hub(page, draft)
    draft.refresh_from_db()
    assert draft.state == PeriodState.SIGNED
    assert draft.signed_date == timezone.localdate()
    steps = list(draft.transitions.values_list("to_state", "by__username"))
    assert steps == [
        (PeriodState.CONSULTATION, COORDINATOR_USERNAME),
        (PeriodState.DECIDED, COORDINATOR_USERNAME),
        (PeriodState.SIGNED, COORDINATOR_USERNAME),
    ]

    # The period is public: on the municipality's page, with its promises and documents.
    page.goto(site + reverse("promises:municipality_detail", args=["vetlanda"]))
    page.locator(f"main a[href$='{draft.get_absolute_url()}']").first.click()
    page.wait_for_url(re.compile(re.escape(draft.get_absolute_url()) + "$"))
    assert_accessible(page)
    text = page.locator("main").inner_text()
    for title in promise_titles:
        assert title in text
    assert "Åsa Öberg" in text
    document = reverse("promises:document", args=["vetlanda", NEW_SLUG, "medborgarloftet"])
    page.locator(f"main a[href$='{document}']").click()
    page.wait_for_url(re.compile(re.escape(document) + "$"))
    assert_accessible(page)
    assert "Åsa Öberg" in page.locator("body").inner_text()

    pdf_url = reverse("promises:document_pdf", args=["vetlanda", NEW_SLUG, "medborgarloftet"])
    response = page.request.get(site + pdf_url)
    assert response.headers["content-type"] == "application/pdf"
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    for title in promise_titles:
        assert " ".join(title.split()) in " ".join(pdf_text.split())
    assert "Åsa Öberg" in pdf_text


def test_coordinator_writes_a_new_draft_in_the_editor(page, site, new_period_cleanup):
    """Every editor page, also showing errors, is accessible at a phone's width."""
    sign_in(page, site, COORDINATOR_USERNAME, reverse("activities:staff_home"))
    create_url = reverse("promises:period_create")
    page.locator(f"main a[href$='{create_url}']").click()
    page.wait_for_url(re.compile(re.escape(create_url) + "$"))
    assert_accessible(page)
    page.locator("input[name=slug]").fill(DRAFT_SLUG)
    page.locator("input[name=start_date]").fill("2030-01-01")
    page.locator("input[name=end_date]").fill("2029-12-31")
    follow(page, page.locator(SUBMIT).first)
    assert page.locator(".error-summary").count() == 1
    # The summary takes the focus (autofocus, run by the browser once the page is parsed): a
    # screen reader reads it, the next Tab reaches its links. Waited for, not read at once (by
    # Playwright's own check: a string polled by `wait_for_function` is an eval the page's CSP
    # refuses, which failed whenever the first look came too early).
    expect(page.locator(".error-summary")).to_be_focused(timeout=5000)
    assert_accessible(page)
    page.locator("input[name=end_date]").fill("2031-12-31")
    page.locator("textarea[name=situation]").fill("Otrygghet kring Resecentrum kvällstid.")
    page.locator(SUBMIT).first.click()
    page.wait_for_url(re.compile(r"/personal/perioder/\d+/(#.*)?$"))
    draft = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=DRAFT_SLUG)

    # A promise: first empty (errors), then for real.
    promise_create = reverse("promises:promise_create", args=[draft.pk])
    page.locator(f"main a[href$='{promise_create}']").click()
    # The form's page, not the hub's buttons (a move button is the hub's first submit).
    page.wait_for_url(re.compile(re.escape(promise_create) + "$"))
    follow(page, page.locator(SUBMIT).first)
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
    page.locator("[name=title]").fill("Öka tryggheten vid Resecentrum")
    page.locator(SUBMIT).first.click()
    page.wait_for_url(re.compile(r"/personal/perioder/\d+/(#.*)?$"))

    # An activity with a target: first empty (errors), then for real.
    create = reverse("activities:activity_create", args=[draft.pk])
    page.locator(f"main a[href$='{create}']").click()
    page.wait_for_url(re.compile(re.escape(create) + "$"))
    follow(page, page.locator(SUBMIT).first)
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
    page.locator("input[name=title]").fill("Trygghetsvandringar")
    page.locator("textarea[name=description]").fill(
        "Kommunen ska genomföra minst fyra trygghetsvandringar per år."
    )
    page.locator("input[name=responsible][value=municipality]").check()
    page.locator("input[name=promises]").first.check()
    page.locator("input[name=has_target][value=yes]").check()
    page.locator("input[name=target_comparator][value=at_least]").check()
    page.locator("input[name=target_value]").fill("4")
    page.locator("input[name=target_unit]").fill("trygghetsvandringar")
    page.locator("select[name=target_scope]").select_option("year")
    page.locator(SUBMIT).first.click()
    page.wait_for_url(re.compile(r"/personal/perioder/\d+/(#.*)?$"))
    activity = draft.activities.get()
    assert str(activity.target.value) + " " + activity.target_unit == "4 trygghetsvandringar"
    assert_accessible(page)

    # The texts, the decision proposal and the draft's documents.
    for url in (
        reverse("promises:period_edit", args=[draft.pk]),
        reverse("activities:activity_edit", args=[activity.pk]),
        reverse("promises:proposal_edit", args=[draft.pk]),
        reverse("promises:staff_document", args=[draft.pk, "tjansteutlatande"]),
        reverse("promises:staff_document", args=[draft.pk, "medborgarloftet"]),
    ):
        page.goto(site + url)
        assert_accessible(page)

    # A target that differs from the text's "fyra" is saved, with a warning after the save and
    # on the form; both are accessible.
    edit = reverse("activities:activity_edit", args=[activity.pk])
    page.goto(site + edit)
    page.locator("input[name=target_value]").fill("5")
    page.locator(SUBMIT).first.click()
    page.wait_for_url(re.compile(r"/personal/perioder/\d+/(#.*)?$"))
    assert "anger talet 4, men målet är minst 5" in page.locator(".messages").inner_text()
    assert_accessible(page)
    page.goto(site + edit)
    assert page.locator("#target-text-warning").is_visible()
    assert_accessible(page)
