"""The security headers on the answers the page-type test does not reach: server errors, a
refused permission or CSRF token, a locked-out sign-in, and the staff's downloads (CSV, PDF,
a zip, a kept document with a Swedish name)."""

import datetime
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse
from django.utils import timezone

from config.urls import urlpatterns as portal_urls
from municipalities.models import Role
from tests import factories
from tests.config.test_security_headers import assert_security_headers
from tests.promises.test_pages import build_period
from tests.staff import PASSWORD, sign_in, staff_user

pytestmark = pytest.mark.django_db


def _fails(request) -> HttpResponse:
    raise RuntimeError("a fault in a view")


def _database_away(request) -> HttpResponse:
    raise OperationalError("connection refused")


urlpatterns = [path("fel/", _fails), path("databas/", _database_away), *portal_urls]
handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"


@pytest.mark.parametrize(("url", "status"), [("/fel/", 500), ("/databas/", 503)])
def test_the_500_and_503_pages_have_the_security_headers(settings, url, status):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == status
    assert "text/html" in response["Content-Type"]
    assert_security_headers(response, url)


def test_the_403_page_has_the_security_headers(client):
    factories.municipality("vetlanda")
    sign_in(client, staff_user("utan-roll"))
    url = reverse("activities:log_import")
    response = client.get(url)
    assert response.status_code == 403
    assert_security_headers(response, url)


def test_the_csrf_failure_page_has_the_security_headers():
    client = Client(enforce_csrf_checks=True)
    url = reverse("accounts:login")
    response = client.post(url, {"username": "anna", "password": PASSWORD})
    assert response.status_code == 403
    assert_security_headers(response, url)


def test_the_locked_out_sign_in_has_the_security_headers(client, settings):
    staff_user("anna")
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(url, {"username": "anna", "password": "fel"})
    assert response.status_code == 429
    assert_security_headers(response, url)


def test_staff_downloads_have_the_security_headers_and_a_safe_file_name(client):
    period = build_period("vetlanda", size=1)
    coordinator = staff_user("samordnare", role=Role.COORDINATOR, municipality=period.municipality)
    period.registered_at = timezone.now() - datetime.timedelta(days=1)
    name = 'Medborgarlöfte Tranås "2025".pdf'
    period.source_file.save(name, ContentFile(b"%PDF-1.4 test"), save=False)
    period.save()
    sign_in(client, coordinator)
    args = [period.municipality.slug, period.slug]
    downloads = {
        reverse("activities:log_import") + "?mall=1": "text/csv",
        reverse("promises:staff_period_source", args=[period.pk]): "application/pdf",
        reverse("promises:period_source", args=args): "application/pdf",
        reverse("followups:archive_package", args=[period.pk]): "application/zip",
    }
    for url, content_type in downloads.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith(content_type), (url, response["Content-Type"])
        assert_security_headers(response, url)
        disposition = response.get("Content-Disposition", "")
        assert "\n" not in disposition and "\r" not in disposition, url
    kept = client.get(reverse("promises:period_source", args=args))["Content-Disposition"]
    # A name outside ASCII travels encoded (RFC 6266), its quotes never ending the value early.
    stored = period.source_file_name
    assert "ö" in stored and "å" in stored
    assert kept == f"inline; filename*=utf-8''{quote(stored)}"
