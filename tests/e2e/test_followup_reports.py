"""A coordinator drafts and publishes a tertial report at 1280 px: it shows on the public period
page, in the municipality's feed and as a PDF whose text holds its figures with å, ä and ö.
Then, on a 390 px phone, the outcome indicator pages and the notification settings. Every page
on the way (forms with their errors too) is checked with axe and for sideways scrolling."""

import io
import re
import threading

import pytest
from django.db import connection, connections
from django.urls import reverse
from pypdf import PdfReader

from activities.wording import with_status
from followups.models import Report
from promises.models import OutcomeIndicator, PromisePeriod
from tests.e2e.data import COORDINATOR_USERNAME
from tests.e2e.pages import ACTIVE_SLUG, follow
from tests.e2e.test_drafting_path import NARROW, SUBMIT, sign_in
from tests.e2e.test_followup_meetings import WIDE, assert_accessible


def _delete_reports(period_pk: int, kept: set[int]) -> None:
    """Remove the reports the browser made (on PostgreSQL the live server committed them)."""
    if connection.vendor != "postgresql":
        return

    def delete() -> None:
        try:
            made = Report.objects.filter(period_id=period_pk).exclude(pk__in=kept)
            made.filter(replaced_by__isnull=False).update(replaced_by=None)
            made.delete()
        finally:
            connections.close_all()

    worker = threading.Thread(target=delete)
    worker.start()
    worker.join()


@pytest.fixture
def period():
    period = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=ACTIVE_SLUG)
    kept = set(Report.objects.filter(period=period).values_list("pk", flat=True))
    yield period
    _delete_reports(period.pk, kept)


def _squashed(text: str) -> str:
    """`text` with its spaces as one and none around a dash: a PDF's line may break after
    "28–", and its extracted text then reads "28– 31 aug"."""
    return re.sub(r" ?– ?", "–", " ".join(text.split()))


def click_to(page, url: str) -> None:
    page.locator(f"main a[href$='{url}']").first.click()
    page.wait_for_url(re.compile(re.escape(url) + "$"))
    assert_accessible(page)


def test_coordinator_publishes_a_tertial_report(page, site, period):
    sign_in(page, site, COORDINATOR_USERNAME, reverse("promises:staff_period", args=[period.pk]))
    page.set_viewport_size(WIDE)
    click_to(page, reverse("followups:report_list", args=[period.pk]))
    click_to(page, reverse("followups:report_create", args=[period.pk]))

    # A half-given span is refused with the error summary; an empty one is the kind's usual.
    page.locator("select[name=kind]").select_option("tertial")
    page.locator("input[name=covers_from]").fill(period.start_date.isoformat())
    follow(page, page.locator(SUBMIT))
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
    page.locator("input[name=covers_from]").fill("")
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(r"/personal/redovisningar/\d+/"))
    assert_accessible(page)
    # The new report's id from the address (not the highest id: the browser-test data hold a
    # report at a fixed id that PostgreSQL's sequence does not pass).
    report = Report.objects.get(pk=re.search(r"/redovisningar/(\d+)/", page.url).group(1))
    if not page.url.endswith(reverse("followups:report_detail", args=[report.pk])):
        page.locator(SUBMIT).click()  # the drafted texts, saved as they are
        page.wait_for_url(re.compile(reverse("followups:report_detail", args=[report.pk])))
        assert_accessible(page)

    click_to(page, reverse("followups:report_publish", args=[report.pk]))
    page.locator(SUBMIT).click()
    page.wait_for_url(re.compile(reverse("followups:report_detail", args=[report.pk])))
    assert page.locator(".message").count() == 1
    assert_accessible(page)
    report.refresh_from_db()
    assert report.published_on is not None and report.figures
    page.goto(site + reverse("followups:report_correct", args=[report.pk]))
    assert_accessible(page)

    # Public: the period page, the report's print page, its PDF and the feed.
    page.goto(f"{site}/kommuner/vetlanda/{ACTIVE_SLUG}/")
    assert report.title in page.locator("main").inner_text()
    document = reverse("followups:report_document", args=["vetlanda", ACTIVE_SLUG, report.pk])
    page.goto(site + document)
    assert_accessible(page)
    pdf = page.request.get(
        site + reverse("followups:report_pdf", args=["vetlanda", ACTIVE_SLUG, report.pk])
    )
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf.body())).pages)
    text = _squashed(text)
    for row in report.figures:
        assert row["activity"] in text
        # The status in brackets after its figures, in the figures' own last bracket if any.
        shown = with_status(row["progress"], row["status"] or "")
        assert _squashed(shown) in text
    swedish = [
        w
        for row in report.figures
        for w in with_status(row["progress"], row["status"] or "").split()
        if set(w) & set("åäö")
    ]
    assert swedish and all(word in text for word in swedish)
    feed = page.request.get(f"{site}/kommuner/vetlanda/flode/").text()
    assert report.title in feed


def test_indicator_pages_and_settings_on_a_phone(page, site, period):
    indicator = OutcomeIndicator.objects.filter(promise__period=period).first()
    assert indicator is not None
    sign_in(page, site, COORDINATOR_USERNAME, reverse("promises:staff_period", args=[period.pk]))
    page.set_viewport_size(NARROW)
    click_to(page, reverse("followups:indicator_list", args=[period.pk]))
    for url in (
        reverse("followups:indicator_create", args=[period.pk]),
        reverse("followups:indicator_edit", args=[indicator.pk]),
        reverse("followups:measurement_create", args=[indicator.pk]),
        reverse("followups:measurement_import", args=[indicator.pk]),
        reverse("followups:measurement_withdraw", args=[indicator.measurements.first().pk]),
        reverse("accounts:user_settings"),
    ):
        page.goto(site + url)
        assert_accessible(page)
    # A form with its errors: a new indicator without a name.
    page.goto(site + reverse("followups:indicator_create", args=[period.pk]))
    follow(page, page.locator(SUBMIT))
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
