"""Importing a promise document in a browser at a desktop's width: the coordinator uploads the
Vetlanda seed as a Word file, corrects one target in the preview, confirms, and finds the draft
with the corrected target on its staff hub. The import pages have 0 axe violations (at 1280 px,
and at a phone's 390 px without sideways scrolling) and 0 errors from the Nu Html Checker."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from promises.models import PeriodState, PromisePeriod
from tests.e2e import vnu
from tests.e2e.data import COORDINATOR_USERNAME
from tests.e2e.test_accessibility import WCAG_AA
from tests.e2e.test_drafting_path import NARROW, SUBMIT, _delete_periods, assert_accessible, sign_in
from tests.import_documents import docx_bytes, seed_text
from tests.staff import sign_in as sign_in_client

WIDE = {"width": 1280, "height": 900}
SLUG = "e2e-importerad"
HUB = re.compile(r"/personal/perioder/\d+/(#.*)?$")
axe = Axe()


@pytest.fixture
def imported_cleanup():
    yield
    _delete_periods(SLUG)


def assert_accessible_wide(page) -> None:
    results = axe.run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}:\n" + results.generate_report()
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= WIDE["width"], f"{page.url} scrolls sideways ({scroll} px)"
    assert page.locator("h1").count() == 1, page.url


def assert_accessible_both(page) -> None:
    assert_accessible_wide(page)
    page.set_viewport_size(NARROW)
    assert_accessible(page)
    page.set_viewport_size(WIDE)


def test_coordinator_imports_a_word_document_corrects_a_target_and_confirms(
    page, site, imported_cleanup, tmp_path
):
    import_url = reverse("promises:period_import")
    sign_in(page, site, COORDINATOR_USERNAME, reverse("activities:staff_home"))
    page.set_viewport_size(WIDE)
    page.locator(f"main a[href$='{import_url}']").click()
    page.wait_for_url(re.compile(re.escape(import_url) + "$"))
    assert_accessible_both(page)

    document = tmp_path / "medborgarlofte-vetlanda-2020-2021.docx"
    document.write_bytes(docx_bytes(seed_text()))
    page.locator("input[name=file]").set_input_files(str(document))
    page.locator(SUBMIT).first.click()
    page.locator("h1", has_text="Kontrollera det som lästes in").wait_for()
    assert_accessible_both(page)
    before = PromisePeriod.objects.filter(municipality__slug="vetlanda").count()

    # The preview marks the read parts; the second activity's target links to its row.
    assert page.locator("mark.source-activity").count() == 7
    assert page.locator("mark.source-target").count() == 5
    target = page.locator("input[name='activities-1-target_value']")
    assert target.input_value() == "15"
    page.locator("a.source-label[href='#aktivitet-2']").click()
    assert page.evaluate("location.hash") == "#aktivitet-2"

    # Corrected: 20 trafikkontroller instead of 15; a slug of the test's own.
    target.fill("20")
    page.locator("input[name='period-slug']").fill(SLUG)
    assert PromisePeriod.objects.filter(municipality__slug="vetlanda").count() == before
    page.locator(SUBMIT).first.click()
    page.wait_for_url(HUB)
    assert_accessible_wide(page)

    period = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=SLUG)
    assert period.state == PeriodState.DRAFT
    assert period.promises.count() == 2
    assert period.activities.count() == 7
    main = page.locator("main").inner_text()
    assert "minst 20 trafikkontroller" in main
    assert "minst 15 trafikkontroller" not in main
    assert page.locator(".message").count() == 1


def test_the_import_pages_are_valid_html(public_site, django_db_blocker, tmp_path):
    """The upload page (empty and with errors), the preview of a draft and of a registration,
    and the preview with errors: 0 errors from the Nu Html Checker."""
    with django_db_blocker.unblock():
        client = Client(raise_request_exception=False)
        coordinator = get_user_model().objects.get(username=COORDINATOR_USERNAME)
        sign_in_client(client, coordinator)
        municipality = str(coordinator.memberships.get().municipality_id)
        url = reverse("promises:period_import")
        pages = {
            "upload": client.get(url),
            "upload_errors": client.post(url, {"municipality": "", "kind": "draft", "text": ""}),
            "preview": client.post(
                url, {"municipality": municipality, "kind": "draft", "text": seed_text()}
            ),
            "preview_register": client.post(
                url,
                {
                    "municipality": municipality,
                    "kind": "register",
                    "file": SimpleUploadedFile("vetlanda.docx", docx_bytes(seed_text())),
                },
            ),
        }
        preview = pages["preview"].context
        data = {
            "document_payload": preview["meta"].initial["document_payload"],
            "kind": "draft",
            "period-municipality": municipality,
            "period-start_date": "inte ett datum",
            **{
                f"{formset.prefix}-{key}": str(formset.management_form.initial[key])
                for formset in (preview["promises"], preview["activities"])
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        }
        pages["preview_errors"] = client.post(reverse("promises:period_import_confirm"), data)
    files = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)
    assert b"error-summary" in pages["preview_errors"].content
    try:
        messages = vnu.check(files)
    except vnu.CheckerMissing as missing:
        pytest.fail(str(missing))
    for file in files:
        errors = vnu.failures(messages[file])
        assert not errors, f"{file.name}:\n" + vnu.describe(errors)
