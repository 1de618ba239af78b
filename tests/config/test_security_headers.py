"""Security headers on every page type, HSTS behind the proxy, the deploy check, body limits."""

import datetime
import io
import os
import re
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, FakePayload, encode_multipart
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from activities import csv_import
from activities.models import ActivityLog
from municipalities.models import Role
from tests import factories
from tests.promises.test_pages import build_period
from tests.staff import sign_in, staff_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
FILE_TOO_LARGE = "The file is larger than 1 MB. Split it up."


def assert_security_headers(response, url: str) -> None:
    """The headers every response of the portal carries."""
    csp = response.get("Content-Security-Policy", "")
    directives = {part.split()[0]: part.split()[1:] for part in csp.split("; ") if part}
    assert directives.get("frame-ancestors") == ["'none'"], (url, csp)
    assert directives.get("default-src") == ["'none'"], (url, csp)
    assert directives.get("object-src") == ["'none'"], (url, csp)
    assert directives.get("base-uri") == ["'none'"], (url, csp)
    assert directives.get("form-action") == ["'self'"], (url, csp)
    assert directives.get("script-src") == ["'self'"], (url, csp)
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, (url, csp)
    permissions = response.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in permissions, (url, permissions)
    assert response.get("X-Frame-Options") == "DENY", url
    assert response.get("X-Content-Type-Options") == "nosniff", url
    assert response.get("Referrer-Policy") == "same-origin", url


def assert_nothing_inline(html: str, csp: str, url: str) -> None:
    """No inline script or style the policy would block: no style=, no bare <script>."""
    assert not re.search(r"\sstyle\s*=", html), url
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), url
    assert not re.search(r"\son[a-z]+\s*=", html), url  # onclick= and friends
    for nonce in re.findall(r'<style nonce="([^"]+)">', html):
        assert f"'nonce-{nonce}'" in csp, url
    assert len(re.findall(r"<style", html)) == len(re.findall(r"<style nonce=", html)), url


@pytest.fixture
def period():
    """A signed, public Vetlanda period in force, with promises, activities and logs."""
    return build_period("vetlanda", size=2)


def public_urls(period) -> list[str]:
    slug, municipality = period.slug, period.municipality.slug
    document_args = [municipality, slug, "medborgarloftet"]
    return [
        "/",
        "/kommuner/",
        f"/kommuner/{municipality}/",
        f"/kommuner/{municipality}/{slug}/",
        "/loften/",
        "/loften/?lan=06&q=trafik",
        "/aktiviteter/",
        "/flode/",
        f"/kommuner/{municipality}/flode/",
        "/uppfoljningsflode/",
        f"/kommuner/{municipality}/uppfoljningsflode/",
        "/oppna-data/",
        "/oppna-data/aktiviteter.csv",
        "/oppna-data/loften.json",
        "/lan/jonkopings-lan/",
        "/lan/jonkopings-lan/oppna-data/genomforda-aktiviteter.json",
        "/om/",
        "/tillganglighet/",
        "/personuppgifter/",
        reverse("promises:document", args=document_args),
        reverse("promises:document_pdf", args=document_args),
        "/en/",
        f"/en/kommuner/{municipality}/{slug}/",
        # The other kinds of answer: a calendar, the search engines' files, a list's selection.
        f"/kommuner/{municipality}/moten.ics",
        "/robots.txt",
        "/sitemap.xml",
        "/sitemap-kommuner.xml",
        "/aktiviteter/urval.csv?q=trafik",
        "/loften/urval.json?q=trafik",
    ]


def test_every_public_page_type_has_the_security_headers_and_nothing_inline(client, period):
    for url in public_urls(period):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)
        # Anonymous visitors get no cookie.
        assert not response.cookies, url
        if response["Content-Type"].startswith("text/html"):
            html = b"".join(response).decode() if response.streaming else response.content.decode()
            assert_nothing_inline(html, response["Content-Security-Policy"], url)


def test_the_signing_document_keeps_its_inline_stylesheet_through_a_nonce(client, period):
    url = reverse(
        "promises:document", args=[period.municipality.slug, period.slug, "medborgarloftet"]
    )
    first, second = client.get(url), client.get(url)
    nonces = [
        re.search(r'<style nonce="([^"]+)">', r.content.decode()).group(1) for r in (first, second)
    ]
    assert f"'nonce-{nonces[0]}'" in first["Content-Security-Policy"]
    assert len(nonces[0]) >= 16 and nonces[0] != nonces[1]  # fresh for every response
    # Pages without inline styles carry no nonce at all.
    assert "nonce-" not in client.get("/")["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/loften/", "/personal/", "/finns-inte/"])
def test_a_host_not_allowed_gets_the_400_page_with_the_security_headers(client, settings, path):
    # The shared cache's middleware, above the ones that give these headers, asked for the
    # host first: its 400 page went without CSP and frame options.
    settings.PUBLIC_CACHE_SECONDS = 600
    response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_security_headers(response, path)
    assert not response.cookies


def test_the_csrf_cookie_is_not_readable_by_scripts(client):
    # The sign-in form sets it; no script of ours reads it (static/ holds one script, the
    # admin's correction, which reads no cookie).
    response = client.get("/personal/logga-in/")
    assert response.status_code == 200
    assert response.cookies[settings.CSRF_COOKIE_NAME]["httponly"]
    scripts = list((ROOT / "static").rglob("*.js"))
    assert [script.name for script in scripts] == ["admin.js"]
    assert not any("cookie" in script.read_text().lower() for script in scripts)


def test_the_404_page_has_the_security_headers(client):
    for url in ("/finns-inte/", "/en/finns-inte/"):
        response = client.get(url)
        assert response.status_code == 404
        assert_security_headers(response, url)
        assert_nothing_inline(response.content.decode(), response["Content-Security-Policy"], url)


def test_the_progress_bar_is_an_svg_without_inline_styles(client, period):
    response = client.get(f"/kommuner/{period.municipality.slug}/{period.slug}/")
    html = response.content.decode()
    # Three logs of at least 15 a year: the fill is 20 % wide; the span is current, so the
    # expected-pace marker is drawn too, at a percentage of the bar.
    assert re.search(
        r'<svg class="bar" aria-hidden="true">\s*<rect class="bar-fill" width="20%"', html
    )
    assert re.search(r'<rect class="bar-marker" x="\d{1,3}%"', html)
    assert "style=" not in html


def test_staff_pages_are_private_and_never_stored(client):
    vetlanda = factories.municipality("vetlanda")
    user = staff_user("polis", role=Role.POLICE_OFFICER, municipality=vetlanda)
    # The sign-in pages are under /personal/ too.
    for url in (reverse("accounts:login"), "/en/personal/logga-in/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= cache_directives(response), url
        assert_security_headers(response, url)
    sign_in(client, user)
    for url in (
        reverse("activities:staff_home"),
        "/en/personal/",
        reverse("activities:log_import"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= cache_directives(response), url
        assert_security_headers(response, url)
        assert_nothing_inline(response.content.decode(), response["Content-Security-Policy"], url)
    # A staff URL that does not exist is not stored either.
    assert {"private", "no-store"} <= cache_directives(client.get("/personal/finns-inte/"))
    # Public pages are not touched.
    assert "no-store" not in cache_directives(client.get("/om/"))


def test_admin_pages_are_private_never_stored_and_allow_only_one_inline_style(client):
    admin = staff_user("admin", superuser=True)
    sign_in(client, admin)
    activity = factories.activity(factories.period("vetlanda"))
    for url in (
        "/admin/",
        "/admin/login/",
        "/admin/activities/activity/",
        f"/admin/activities/activity/{activity.pk}/change/",
        f"/admin/activities/activity/{activity.pk}/history/",
    ):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert {"private", "no-store"} <= cache_directives(response), url
        assert_security_headers(response, url)
        # The admin's exception: the one inline style of django-simple-history, by its hash.
        style_src = re.search(r"style-src ([^;]*)", response["Content-Security-Policy"]).group(1)
        assert style_src.split() == [
            "'self'",
            "'unsafe-hashes'",
            "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",
        ], url
    html = client.get(f"/admin/activities/activity/{activity.pk}/history/").content.decode()
    assert re.findall(r'style="([^"]*)"', html) == ["border-top: 0"]


def cache_directives(response) -> set[str]:
    value = response.get("Cache-Control", "")
    return {part.strip().split("=")[0] for part in value.split(",") if part.strip()}


# HTTPS


def test_hsts_is_sent_on_https_behind_the_proxy_and_not_over_http(settings):
    # The test run speaks plain http: no redirect, no HSTS...
    plain = Client().get("/om/")
    assert plain.status_code == 200
    assert "Strict-Transport-Security" not in plain

    # ...production redirects http to https (SECURE_SSL_REDIRECT is on there by default).
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    over_https = client.get("/om/", HTTP_X_FORWARDED_PROTO="https")
    assert over_https.status_code == 200
    assert over_https["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert_security_headers(over_https, "/om/ over https")

    over_http = client.get("/om/")
    assert over_http.status_code == 301
    assert over_http["Location"] == "https://testserver/om/"
    assert "Strict-Transport-Security" not in over_http


def _settings_in(env: dict[str, str]) -> dict[str, object]:
    """Some HTTPS settings as config/settings.py reads them from `env` (a fresh interpreter)."""
    names = [
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SILENCED_SYSTEM_CHECKS",
        "SECURE_PROXY_SSL_HEADER",
        "REQUEST_BODY_MAX_BYTES",
        "DATA_UPLOAD_MAX_MEMORY_SIZE",
        "FILE_UPLOAD_MAX_MEMORY_SIZE",
    ]
    code = f"import config.settings as s; print(repr({{n: getattr(s, n) for n in {names!r}}}))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return eval(result.stdout)  # noqa: S307 - our own repr of plain values


def production_env(**extra: str) -> dict[str, str]:
    """The environment the README documents for production: no DEBUG, not under pytest."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "medborgarloften.example",
        "CSRF_TRUSTED_ORIGINS": "https://medborgarloften.example",
        **extra,
    }


def test_production_defaults_are_https_only_with_a_year_of_hsts():
    values = _settings_in(production_env())
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SILENCED_SYSTEM_CHECKS"] == ["security.W021"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert values["REQUEST_BODY_MAX_BYTES"] == 2 * MB
    assert values["DATA_UPLOAD_MAX_MEMORY_SIZE"] == values["FILE_UPLOAD_MAX_MEMORY_SIZE"] == 2 * MB


def test_https_settings_follow_the_environment():
    values = _settings_in(
        production_env(
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="600",
            SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
            SECURE_HSTS_PRELOAD="1",
            REQUEST_BODY_MAX_BYTES="3000000",
        )
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SILENCED_SYSTEM_CHECKS"] == []
    assert values["REQUEST_BODY_MAX_BYTES"] == values["DATA_UPLOAD_MAX_MEMORY_SIZE"] == 3000000

    local = _settings_in(production_env(DEBUG="1"))
    assert local["SECURE_SSL_REDIRECT"] is False and local["SECURE_HSTS_SECONDS"] == 0


# What the public pages name: a deployment sets them (the README's production example).
CONTACTS = {
    "SITE_OPERATOR": "Exempelkommunen",
    "CONTACT_EMAIL": "kontakt@medborgarloften.example",
    "ACCESSIBILITY_CONTACT_EMAIL": "tillganglighet@medborgarloften.example",
}


def _deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_deploy_check_gives_no_warning_with_the_production_settings():
    result = _deploy_check(production_env(**CONTACTS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_deploy_check_warns_of_the_contacts_left_at_their_placeholders():
    """A journalist read "Portalen drivs av portalens förvaltare. Frågor om portalen:
    kontakt@example.se" on a deployment's about page."""
    result = _deploy_check(production_env(CONTACT_EMAIL=CONTACTS["CONTACT_EMAIL"]))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "site.W001" in output and "ACCESSIBILITY_CONTACT_EMAIL" in output
    assert "'kontakt@example.se'" not in output  # the one set is not named
    assert "site.W002" in output


# Static files


def test_static_css_through_whitenoise_has_the_security_headers(settings):
    # WhiteNoise answers before every other middleware; from the app folders, as in `make run`.
    settings.WHITENOISE_USE_FINDERS = True
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert type(response).__module__.startswith("whitenoise")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.cookies
    # A security probe: the static files had no Content-Security-Policy (an SVG opened on its
    # own is a document) and no frame-ancestors.
    for url in ("/static/css/site.css", "/static/favicon.svg"):
        response = Client().get(url)
        assert response.status_code == 200, url
        csp = response["Content-Security-Policy"]
        directives = {part.split()[0]: part.split()[1:] for part in csp.split("; ")}
        assert directives["default-src"] == ["'none'"], url
        assert directives["frame-ancestors"] == ["'none'"], url
        assert response["Referrer-Policy"] == "same-origin", url
    assert Client().get("/static/favicon.svg")["Content-Type"] == "image/svg+xml"


# Request size


class UnreadableBody(FakePayload):
    """A request body that fails the test if anything reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body was read")

    def readline(self, *args, **kwargs):
        raise AssertionError("the body was read")


class CountingBody(FakePayload):
    """A request body that counts the bytes read from it."""

    def __init__(self, content: bytes):
        super().__init__(content)
        self.bytes_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        return data

    def readline(self, size=-1):
        data = super().readline(size)
        self.bytes_read += len(data)
        return data


def _huge_post(client, url: str):
    """A POST that says it carries 200 MB (it carries a few bytes, which must not be read)."""
    return client.post(
        url,
        data="q=1",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(200 * MB),
        **{"wsgi.input": UnreadableBody(b"q=1")},
    )


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH", "TRACK", "CONNECT"])
@pytest.mark.parametrize("path", ["/", "/kommuner/", "/personal/", "/admin/"])
def test_a_method_the_portal_never_uses_gets_405_with_the_security_headers(client, method, path):
    response = client.generic(method, path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert response.content == b""
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_options_names_the_allowed_methods_without_a_page(client):
    response = client.options("/kommuner/")
    assert (response.status_code, response["Allow"], response.content) == (
        200,
        "GET, HEAD, POST, OPTIONS",
        b"",
    )


def test_an_anonymous_200_mb_post_is_refused_with_413_in_swedish_unread():
    client = Client(enforce_csrf_checks=True)
    response = _huge_post(client, "/")
    assert response.status_code == 413
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Begäran är för stor</h1>" in html
    assert_security_headers(response, "/ (413)")
    assert not response.cookies
    # The same on a staff URL and in English.
    assert _huge_post(client, reverse("activities:log_import")).status_code == 413
    english = _huge_post(client, "/en/om/")
    assert english.status_code == 413
    assert "<h1>The request is too large</h1>" in english.content.decode()


def test_a_body_at_the_limit_is_still_handled(client, settings):
    settings.REQUEST_BODY_MAX_BYTES = 1000
    data = "q=" + "x" * 998
    ok = client.post("/om/", data=data, content_type="application/x-www-form-urlencoded")
    assert ok.status_code == 200  # handled by the view, not refused for its size
    too_large = client.post(
        "/om/", data=data + "x", content_type="application/x-www-form-urlencoded"
    )
    assert too_large.status_code == 413


@pytest.fixture
def importer(client):
    """A kommunpolis signed in, with an activity in a period in force today."""
    today = timezone.localdate()
    period = factories.period(
        "vetlanda",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=30),
    )
    activity = factories.activity(period)
    user = staff_user("polis", role=Role.POLICE_OFFICER, municipality=period.municipality)
    sign_in(client, user)
    return activity


def _csv_of_size(activity, size: int) -> bytes:
    header = "aktivitet_id;datum;antal;plats;sammanfattning;intern_anteckning\r\n"
    day = timezone.localdate().isoformat()
    data = io.BytesIO()
    data.write(header.encode())
    # Rows that differ (the same row again would be asked about before it is saved).
    number = 0
    while data.tell() < size:
        number += 1
        data.write(f"{activity.pk};{day};1;Storgatan;Kontroll {number};\r\n".encode())
    return data.getvalue()[:size]


def test_the_upload_limit_is_the_csv_imports_limit():
    assert settings.UPLOAD_FILE_MAX_BYTES == csv_import.MAX_BYTES
    assert settings.UPLOAD_FILE_MAX_BYTES < settings.REQUEST_BODY_MAX_BYTES


def test_a_too_large_csv_upload_stops_being_read_and_gets_the_swedish_file_error(client, importer):
    data = _csv_of_size(importer, int(1.9 * MB))
    body = encode_multipart(
        BOUNDARY,
        {
            "idempotency_key": str(uuid.uuid4()),
            "file": _named_file("loggar.csv", data),
        },
    )
    assert len(body) < settings.REQUEST_BODY_MAX_BYTES  # past the 413 check: the handler's job
    stream = CountingBody(body)
    response = client.generic(
        "POST",
        reverse("activities:log_import"),
        body,
        content_type=MULTIPART_CONTENT,
        **{"wsgi.input": stream},
    )
    assert response.status_code == 200
    html = response.content.decode()
    with override("sv"):
        assert gettext(FILE_TOO_LARGE) in html
    assert "Filen är större än 1 MB" in html
    # Reading stopped a chunk past the limit, long before the end of the body.
    assert stream.bytes_read < settings.UPLOAD_FILE_MAX_BYTES + 200 * 1024 < len(body)
    assert not ActivityLog.objects.exists()

    # A file within the limit passes the handler on to Django's and is imported.
    data = _csv_of_size(importer, 4000).rsplit(b"\r\n", 1)[0] + b"\r\n"
    response = client.post(
        reverse("activities:log_import"),
        {"idempotency_key": str(uuid.uuid4()), "file": _named_file("loggar.csv", data)},
    )
    assert response.status_code == 302
    assert ActivityLog.objects.count() == data.count(b"\r\n") - 1


def _named_file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")
