"""Registering a past promise in a browser at a phone's width: the coordinator uploads the
document, adds its promise and activity, finishes the registration, and the public page says
it was registered afterwards and links the document. Every new page type is checked with axe
(0 violations, no sideways scrolling at 390 px) and with the Nu Html Checker (0 errors)."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

from promises.models import PeriodState, PromisePeriod, TransitionKind
from tests.e2e import vnu
from tests.e2e.data import COORDINATOR_USERNAME
from tests.e2e.pages import follow
from tests.e2e.test_drafting_path import (
    SUBMIT,
    _delete_periods,
    assert_accessible,
    sign_in,
)
from tests.staff import sign_in as sign_in_client

DOCUMENT = (
    Path(__file__).resolve().parent.parent / "fixtures" / "registration" / "vetlanda-2017-2018.txt"
)
SLUG = "e2e-registrerad"
HUB = re.compile(r"/personal/perioder/\d+/(#.*)?$")


@pytest.fixture
def registered_cleanup():
    yield
    _delete_periods(SLUG)


def test_coordinator_registers_a_past_promise_from_an_uploaded_document(
    page, site, registered_cleanup, tmp_path
):
    register_url = reverse("promises:period_register")
    sign_in(page, site, COORDINATOR_USERNAME, reverse("activities:staff_home"))
    page.locator(f"main a[href$='{register_url}']").click()
    page.wait_for_url(re.compile(re.escape(register_url) + "$"))
    assert_accessible(page)

    # Sent empty: the errors, summarised and tied to their fields, are accessible too.
    follow(page, page.locator(SUBMIT).first)
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)

    # The document says only "2017–2018", names no signatories and no signing date.
    text, _, _ = DOCUMENT.read_text(encoding="utf-8").partition("=== registrering ===")
    upload = tmp_path / "medborgarloften-vetlanda-2017-2018.txt"
    upload.write_text(text, encoding="utf-8")
    page.locator("input[name=start_date]").fill("2017-01-01")
    page.locator("input[name=end_date]").fill("2018-12-31")
    page.locator("input[name=year_only]").check()
    page.locator("input[name=slug]").fill(SLUG)
    page.locator("input[name=source_file]").set_input_files(str(upload))
    page.locator(SUBMIT).first.click()
    page.wait_for_url(HUB)
    assert_accessible(page)
    period = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=SLUG)
    assert period.state == PeriodState.DRAFT

    # Its promise and its activity, with the ordinary editor.
    create = reverse("promises:promise_create", args=[period.pk])
    page.locator(f"main a[href$='{create}']").click()
    page.wait_for_url(re.compile(re.escape(create) + "$"))
    page.locator("[name=title]").fill("Att öka tryggheten för äldre.")
    page.locator(SUBMIT).first.click()
    page.wait_for_url(HUB)
    create = reverse("activities:activity_create", args=[period.pk])
    page.locator(f"main a[href$='{create}']").click()
    page.wait_for_url(re.compile(re.escape(create) + "$"))
    page.locator("input[name=title]").fill("Informationsträffar för äldre")
    page.locator("textarea[name=description]").fill(
        "Genomföra två informationsträffar för äldre om bedrägerier."
    )
    page.locator("input[name=responsible][value=unstated]").check()
    page.locator("input[name=promises]").first.check()
    page.locator("input[name=has_target][value=no]").check()
    page.locator(SUBMIT).first.click()
    page.wait_for_url(HUB)

    # Finish: the page says what is published. The decision, read from the document after
    # all, is corrected on its own page, which leads back.
    finish = reverse("promises:period_register_finish", args=[period.pk])
    page.locator(f"main a[href$='{finish}']").click()
    page.wait_for_url(re.compile(re.escape(finish) + "$"))
    assert_accessible(page)
    facts = reverse("promises:period_register_facts", args=[period.pk])
    page.locator(f"main a[href$='{facts}']").click()
    page.wait_for_url(re.compile(re.escape(facts) + "$"))
    assert_accessible(page)
    page.locator("input[name=decision_body]").fill("Kommunstyrelsen")
    page.locator("input[name=decision_reference]").fill("KS 2016/301")
    page.locator(SUBMIT).first.click()
    page.wait_for_url(re.compile(re.escape(finish) + "$"))
    assert "KS 2016/301" in page.locator("main").inner_text()
    page.locator(SUBMIT).first.click()
    page.wait_for_url(HUB)
    assert_accessible(page)
    period.refresh_from_db()
    assert period.state == PeriodState.CLOSED
    assert period.transitions.get().kind == TransitionKind.REGISTRATION

    # The public page: registered afterwards, the document linked and served unchanged.
    page.goto(site + period.get_absolute_url())
    assert_accessible(page)
    main = page.locator("main").inner_text()
    assert gettext("The document does not state when it was signed.") in main
    assert gettext("The document names no signatories.") in main
    assert "2017–2018" in main
    source = reverse("promises:period_source", args=["vetlanda", SLUG])
    response = page.request.get(site + source)
    assert response.body() == text.encode()
    document = reverse("promises:document", args=["vetlanda", SLUG, "medborgarloftet"])
    page.goto(site + document)
    assert_accessible(page)


def test_the_new_page_types_are_valid_html(public_site, django_db_blocker, tmp_path):
    """The registration form (empty and with errors), the finishing page, the correction of
    the decision and signing (and with errors), and a registered
    period's public page and signing document: 0 errors from the Nu Html Checker."""
    with django_db_blocker.unblock():
        client = Client(raise_request_exception=False)
        coordinator = get_user_model().objects.get(username=COORDINATOR_USERNAME)
        sign_in_client(client, coordinator)
        register_url = reverse("promises:period_register")
        pages = {"register": client.get(register_url)}
        pages["register_errors"] = client.post(
            register_url, {"signatories-TOTAL_FORMS": "4", "signatories-INITIAL_FORMS": "0"}
        )
        data = {
            "municipality": str(coordinator_municipality(coordinator)),
            "parties": "police",
            "area_name": "Landsbygden",
            "start_date": "2016-01-01",
            "end_date": "",
            "open_ended": "on",
            # In force (until further notice): its decision and signing stated.
            "decision_body": "Lokalpolisområdets ledning",
            "decision_date": "2015-12-01",
            "signed_date": "2015-12-15",
            "slug": SLUG,
            "source_url": "https://polisen.se/medborgarloften/vetlanda/",
            "signatories-TOTAL_FORMS": "4",
            "signatories-INITIAL_FORMS": "0",
            "signatories-0-title": "Lokalpolisområdeschef",
            "signatories-0-organisation": "Polisen",
        }
        response = client.post(register_url, data)
        assert response.status_code == 302, response.context and response.context["error_entries"]
        try:
            period = PromisePeriod.objects.get(municipality__slug="vetlanda", slug=SLUG)
            client.post(
                reverse("promises:promise_create", args=[period.pk]),
                {"title": "Öka tryggheten på landsbygden", "description": ""},
            )
            finish = reverse("promises:period_register_finish", args=[period.pk])
            pages["finish"] = client.get(finish)
            facts = reverse("promises:period_register_facts", args=[period.pk])
            pages["facts"] = client.get(facts)
            pages["facts_errors"] = client.post(
                facts,
                {
                    "edit_version": str(period.edit_version),
                    "decision_date": "2099-01-01",
                    "signatories-TOTAL_FORMS": "5",
                    "signatories-INITIAL_FORMS": "1",
                    "signatories-0-name": "Utan organisation",
                },
            )
            assert client.post(finish, {"comment": ""}).status_code == 302
            pages["registered_period"] = client.get(period.get_absolute_url())
            pages["registered_document"] = client.get(
                reverse("promises:document", args=["vetlanda", SLUG, "medborgarloftet"])
            )
        finally:
            PromisePeriod.objects.filter(slug=SLUG).delete()
    files = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)
    try:
        messages = vnu.check(files)
    except vnu.CheckerMissing as missing:
        pytest.fail(str(missing))
    for file in files:
        errors = vnu.failures(messages[file])
        assert not errors, f"{file.name}:\n" + vnu.describe(errors)


def coordinator_municipality(user) -> int:
    return user.memberships.get().municipality_id
