"""The site frame: static pages, error pages, the 503 on a database outage, language, headers."""

import datetime
import logging
import re
from html import unescape
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.utils import timezone

from config import urls as config_urls
from config import views as config_views
from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from municipalities.models import Role
from tests import factories
from tests.staff import sign_in, staff_user

# This module doubles as a test URLconf: the real one plus views that fail on purpose.


def raise_bad_request(request):
    raise SuspiciousOperation("tampered input")


def raise_permission_denied(request):
    raise PermissionDenied("not yours")


def raise_error(request):
    raise RuntimeError("a bug")


def raise_interface_error(request):
    raise InterfaceError("connection already closed")


def remember_something(request):
    request.session["remembered"] = request.session.get("remembered", 0) + 1
    return HttpResponse("ok")


urlpatterns = [
    path("test/400/", raise_bad_request),
    path("test/403/", raise_permission_denied),
    path("test/500/", raise_error),
    path("test/interface-error/", raise_interface_error),
    path("test/session/", remember_something),
    *config_urls.urlpatterns,
]
TEST_URLS = pytest.mark.urls(__name__)


def html_of(response) -> str:
    return response.content.decode()


def assert_site_frame(response, lang: str = "sv") -> str:
    """The page is a full page of the site in `lang`, with one h1, a skip link and landmarks."""
    html = html_of(response)
    assert f'<html lang="{lang}">' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    return html


def template_names(response) -> list[str]:
    return [t.name for t in response.templates]


# --- Static pages ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_about_page_explains_promises_their_making_the_portal_and_counting(client):
    response = client.get("/om/")
    assert response.status_code == 200
    assert template_names(response)[0] == "pages/about.html"
    html = assert_site_frame(response)
    for section in ("what-heading", "how-heading", "progress-heading", "who-heading"):
        assert f'id="{section}"' in html
    # The five steps, lägesbild to follow-up, in order.
    steps = re.search(r'<ol class="steps">(.*?)</ol>', html, re.S).group(1)
    assert steps.count("<li>") == 5
    # The status words come from the catalogue that is already translated.
    for word in ("i fas", "efter plan", "ej påbörjad", "uppnådd", "ej uppnådd"):
        assert word in html
    assert 'href="mailto:kontakt@example.se"' in html


@pytest.mark.django_db
def test_about_page_names_the_operator_from_the_settings(client, settings):
    settings.SITE_OPERATOR = "Exempelkommunen"
    settings.CONTACT_EMAIL = "fragor@exempel.se"
    html = html_of(client.get("/om/"))
    assert "Exempelkommunen" in html
    assert 'href="mailto:fragor@exempel.se"' in html


@pytest.mark.django_db
def test_accessibility_statement_has_what_digg_requires(client, settings):
    import datetime

    settings.ACCESSIBILITY_CONTACT_EMAIL = "a11y@exempel.se"
    settings.ACCESSIBILITY_ASSESSED_ON = datetime.date(2026, 11, 20)
    settings.ACCESSIBILITY_STATEMENT_UPDATED_ON = datetime.date(2026, 11, 21)
    response = client.get("/tillganglighet/")
    assert response.status_code == 200
    assert template_names(response)[0] == "pages/accessibility.html"
    html = assert_site_frame(response)
    for section in (
        "scope-heading",  # whom it concerns
        "status-heading",  # compliance status
        "known-heading",  # known shortcomings
        "report-heading",  # how to report inaccessibility
        "supervision-heading",  # the supervisory authority
        "method-heading",  # date and method of assessment
    ):
        assert f'id="{section}"' in html
    assert 'href="mailto:a11y@exempel.se"' in html
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert "Myndigheten för digital förvaltning" in html
    assert '<time datetime="2026-11-20">20 november 2026</time>' in html
    assert '<time datetime="2026-11-21">21 november 2026</time>' in html


@pytest.mark.django_db
def test_every_page_links_the_about_page_and_the_accessibility_statement(client):
    html = html_of(client.get("/"))
    assert 'href="/om/"' in html
    assert 'href="/tillganglighet/"' in html
    assert 'href="/personuppgifter/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("days", "words"), [(90, "raderas efter 90 dagar"), (1, "efter 1 dag.")])
def test_the_privacy_page_says_what_is_kept_and_for_how_long(client, settings, days, words):
    settings.SIGN_IN_RECORDS_DAYS = days
    settings.CONTACT_EMAIL = "dataskydd@exempel.se"
    response = client.get("/personuppgifter/")
    html = assert_site_frame(response)
    assert "<h1>Så behandlar vi personuppgifter</h1>" in html
    assert words in html
    assert "inga kakor" in html and "Integritetsskyddsmyndigheten" in html
    assert 'href="mailto:dataskydd@exempel.se"' in html
    assert not response.cookies


@pytest.mark.django_db
def test_primary_navigation_marks_the_current_page(client):
    html = html_of(client.get("/om/"))
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    assert '<a href="/om/" aria-current="page">' in nav
    assert '<a href="/">' in nav  # Start, not current


def test_navigation_skips_names_that_do_not_resolve(rf):
    from config.context_processors import site_frame

    with mock.patch(
        "config.context_processors.NAV_ITEMS",
        [("promises:home", "Start"), ("nowhere:missing", "Missing")],
    ):
        links = site_frame(rf.get("/"))["nav_links"]
    assert [link["url"] for link in links] == ["/"]
    assert links[0]["current"] == "page"


def test_the_frame_resolves_a_path_once_and_follows_the_language_and_script_prefix(rf):
    from django.urls import set_script_prefix
    from django.utils import translation

    from config import context_processors

    context_processors._path_in.cache_clear()  # earlier tests may have framed these paths
    with mock.patch.object(
        context_processors, "resolve", wraps=context_processors.resolve
    ) as resolving:
        with translation.override("sv"):
            first = context_processors.site_frame(rf.get("/kommuner/vetlanda/"))
            again = context_processors.site_frame(rf.get("/kommuner/vetlanda/"))
        with translation.override("en"):
            english = context_processors.site_frame(rf.get("/en/kommuner/vetlanda/"))
        set_script_prefix("/portal/")
        try:
            with translation.override("sv"):
                prefixed = context_processors.site_frame(rf.get("/kommuner/vetlanda/"))
        finally:
            set_script_prefix("/")

    assert again == first
    assert first["language_links"][0]["url"] == "/en/kommuner/vetlanda/"
    assert english["language_links"][0]["url"] == "/kommuner/vetlanda/"
    assert [link["url"] for link in english["nav_links"]][:2] == ["/en/", "/en/kommuner/"]
    assert prefixed["home_url"] == "/portal/"
    assert prefixed["language_links"][0]["url"] == "/portal/en/kommuner/vetlanda/"
    # Once per path, language and prefix: the second Swedish frame resolved nothing.
    assert resolving.call_count == 3


# --- Error pages ----------------------------------------------------------------------------


@pytest.mark.django_db
@TEST_URLS
@pytest.mark.parametrize(
    ("url", "status", "template"),
    [
        ("/test/400/", 400, "400.html"),
        ("/test/403/", 403, "403.html"),
        ("/finns-inte/", 404, "404.html"),
        ("/kommuner/finns-inte/", 404, "404.html"),
        ("/test/500/", 500, "500.html"),
    ],
)
def test_error_pages_are_swedish_pages_of_the_site(client, url, status, template):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == status
    assert template in template_names(response)
    html = assert_site_frame(response)
    assert "Till innehållet" in html  # the frame is rendered through the Swedish catalogue
    assert "Traceback" not in html and "a bug" not in html and "not yours" not in html


@pytest.mark.django_db
def test_a_disallowed_host_gets_the_400_page(client):
    response = client.get("/om/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "400.html" in template_names(response)
    assert_site_frame(response)


@pytest.mark.django_db
def test_csrf_failure_is_a_swedish_403_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "403_csrf.html" in template_names(response)
    assert_site_frame(response)
    assert not response.cookies


@pytest.mark.django_db
def test_english_404_is_in_english(client):
    response = client.get("/en/finns-inte/")
    assert response.status_code == 404
    assert_site_frame(response, lang="en")
    assert "Page not found" in html_of(response)


def test_error_pages_render_without_the_database(rf):
    # No django_db mark: pytest-django makes any database access fail this test.
    request = rf.get("/")
    assert config_views.server_error(request).status_code == 500
    assert config_views.database_unavailable(request).status_code == 503
    assert config_views.page_not_found(request, Exception()).status_code == 404
    assert config_views.csrf_failure(request).status_code == 403


def test_a_broken_error_template_still_gives_a_bare_page(rf):
    with mock.patch("config.views.render_to_string", side_effect=RuntimeError("broken")):
        response = config_views.server_error(rf.get("/"))
    assert response.status_code == 500
    html = html_of(response)
    assert '<html lang="sv">' in html and html.count("<h1>") == 1


# --- Database down --------------------------------------------------------------------------


def database_down():
    """Every new query fails as it does when PostgreSQL is unreachable."""
    return mock.patch.object(
        connection,
        "ensure_connection",
        side_effect=OperationalError("connection to server at 127.0.0.1 port 5432 refused"),
    )


@pytest.mark.django_db
def test_database_down_gives_the_swedish_503_page(client, caplog):
    with caplog.at_level(logging.ERROR), database_down() as ensure_connection:
        response = client.get("/")
    assert ensure_connection.called  # the start page really tried the database
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert response["Cache-Control"] == "no-store"
    assert "503.html" in template_names(response)
    html = assert_site_frame(response)
    assert "Till innehållet" in html
    assert "Traceback" not in html and "refused" not in html
    assert not response.cookies
    # The middleware answered (one log line, no traceback), not the generic 500 handler.
    records = [r for r in caplog.records if r.name == "config.middleware"]
    assert len(records) == 1 and records[0].exc_info is None


@pytest.mark.django_db
def test_database_down_on_an_english_page_gives_the_english_503_page(client):
    with database_down():
        response = client.get("/en/")
    assert response.status_code == 503
    assert_site_frame(response, lang="en")
    assert "The service is temporarily unavailable" in html_of(response)


@pytest.mark.django_db
@TEST_URLS
def test_a_lost_connection_gives_503_too(client):
    response = client.get("/test/interface-error/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"


@pytest.mark.django_db
@TEST_URLS
def test_a_session_that_cannot_be_saved_for_an_outage_gives_503_not_400(client):
    """Django reports a failed session update as SessionInterrupted (400, "deleted in a
    concurrent request"), also when the database went away: that is the 503 page."""
    assert client.get("/test/session/").status_code == 200  # the session exists
    lost = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(Session, "save", side_effect=lost):
        response = client.get("/test/session/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "Tjänsten är tillfälligt otillgänglig" in html_of(response)


@pytest.mark.django_db
@TEST_URLS
def test_a_session_deleted_meanwhile_is_still_a_bad_request(client):
    assert client.get("/test/session/").status_code == 200
    # What Django's update of a session row deleted since it was read raises (signed out in
    # another tab between the two, say).
    gone = DatabaseError("Forced update did not affect any rows.")
    with mock.patch.object(Session, "save", side_effect=gone):
        response = client.get("/test/session/")
    assert response.status_code == 400


def test_database_error_outside_a_view_gives_503_through_the_500_handler(rf):
    request = rf.get("/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = config_views.server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "120"


# --- Language -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_swedish_is_the_default_whatever_the_browser_asks_for(client):
    client.cookies["django_language"] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "sv"
    html = assert_site_frame(response)
    assert "Medborgarlöften i Sverige" in html


@pytest.mark.django_db
def test_english_lives_under_en(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = assert_site_frame(response, lang="en")
    assert "Citizen promises in Sweden" in html
    assert 'href="/en/om/"' in html  # the frame's links stay in English


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "other"),
    [
        ("/", "/en/"),
        ("/en/", "/"),
        ("/om/", "/en/om/"),
        ("/en/om/", "/om/"),
        ("/tillganglighet/", "/en/tillganglighet/"),
        # The parameters a page reads, in one order (the public cache's one spelling of a page).
        ("/loften/?tema=trygghet&amp;page=2", "/en/loften/?page=2&amp;tema=trygghet"),
        ("/om/?utskrift=1", "/en/om/"),  # a parameter no page reads is dropped
        ("/finns-inte/", "/en/"),  # no such page: the start page in the other language
    ],
)
def test_language_switch_links_the_same_page_in_the_other_language(client, url, other):
    html = html_of(client.get(url.replace("&amp;", "&")))
    switch = re.search(r'<ul class="language-switch">(.*?)</ul>', html, re.S).group(1)
    code = "sv" if url.startswith("/en/") else "en"
    name = "Svenska" if code == "sv" else "English"
    assert f'<a href="{other}" hreflang="{code}" lang="{code}">{name}</a>' in switch


@pytest.mark.django_db
def test_admin_stays_outside_the_language_prefix(client):
    assert client.get("/en/admin/login/").status_code == 404
    # The admin's sign-in is the portal's.
    assert client.get("/admin/login/").url.startswith("/personal/logga-in/")


# --- Headers and cookies --------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/en/",
        "/om/",
        "/tillganglighet/",
        "/personuppgifter/",
        "/finns-inte/",
        "/kommuner/vetlanda/",
    ],
)
def test_anonymous_visitors_get_no_cookies(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


# --- Swedish text (needs the catalogue) -----------------------------------------------------


@pytest.mark.django_db
@TEST_URLS
@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/om/", "Om medborgarlöften"),
        ("/tillganglighet/", "Tillgänglighetsredogörelse"),
        ("/personuppgifter/", "Så behandlar vi personuppgifter"),
        ("/test/400/", "Förfrågan kunde inte hanteras"),
        ("/test/403/", "Du har inte behörighet till den här sidan"),
        ("/finns-inte/", "Sidan hittades inte"),
        ("/test/500/", "Något gick fel"),
    ],
)
def test_pages_are_in_swedish(client, url, heading):
    client.raise_request_exception = False
    assert f"<h1>{heading}</h1>" in html_of(client.get(url))


@pytest.mark.parametrize(
    ("view", "heading"),
    [
        (config_views.database_unavailable, "Tjänsten är tillfälligt otillgänglig"),
        (config_views.csrf_failure, "Formuläret kunde inte skickas"),
    ],
)
def test_503_and_csrf_pages_are_in_swedish(rf, view, heading):
    assert f"<h1>{heading}</h1>" in html_of(view(rf.get("/")))


# --- The language switch stays on this site -------------------------------------------------


def language_hrefs(html: str) -> list[str]:
    """The href of every language link: the switch and the <link rel="alternate"> elements."""
    links = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]*)"', html)
    switch = re.search(r'<ul class="language-switch">(.*?)</ul>', html, re.S).group(1)
    links += re.findall(r'<a href="([^"]*)" hreflang=', switch)
    return [unescape(href) for href in links]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path_info", "query", "sv", "en"),
    [
        # As the WSGI server hands them over (percent-decoded): each names another host.
        ("//evil.example/loften/", "", "/", "/en/"),
        ("/\\evil.example/", "", "/", "/en/"),
        ("///evil.example", "", "/", "/en/"),
        ("//evil.example", "", "/", "/en/"),
        ("/\\/evil.example/loften/", "", "/", "/en/"),
        ("/en//evil.example/loften/", "", "/", "/en/"),
        ("///evil.example/om/", "q=1", "/", "/en/"),  # /%2F%2Fevil.example/om/ decoded
        # Pages of ours keep their query, percent-encoded, and only that.
        ("/loften/", "q=%C3%A5ngest%22%3E&lan=06&next=//evil.example", None, None),
        ("/kommuner/vetlanda/", "", None, "/en/kommuner/vetlanda/"),
        ("/en/kommuner/vetlanda/", "", "/kommuner/vetlanda/", None),
        ("/kommuner/v\xc3\xa4stra/", "", None, "/en/"),  # /kommuner/v%C3%A4stra/: no such page
    ],
)
def test_language_links_only_ever_point_at_this_sites_own_paths(client, path_info, query, sv, en):
    response = client.get("/", PATH_INFO=path_info, QUERY_STRING=query)

    html = html_of(response)
    hrefs = language_hrefs(html)
    assert len(hrefs) == 2  # the switch and the alternate
    for href in hrefs:
        assert re.match(r"/(?![/\\])", href), href
        assert "evil.example" not in href.split("?")[0]
        assert "\\" not in href and "\n" not in href
    expected = en if not path_info.startswith("/en/") else sv
    if expected is not None:
        assert set(hrefs) == {expected}
    if path_info == "/loften/":
        # (`next` is no parameter of a public page: dropped.)
        assert set(hrefs) == {"/en/loften/?lan=06&q=%C3%A5ngest%22%3E"}


@pytest.mark.django_db
def test_language_switch_of_the_reported_404_links_the_english_start_page(client):
    response = client.get("/", PATH_INFO="//evil.example/loften/")

    assert response.status_code == 404
    html = html_of(response)
    assert "evil.example" not in html
    assert '<link rel="alternate" hreflang="en" href="/en/">' in html
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html


def test_robots_txt_keeps_crawlers_off_the_staff_pages_only(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert set(lines[1:]) == {
        "Disallow: /personal/",
        "Disallow: /en/personal/",
        "Disallow: /admin/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    }
    assert not response.cookies


def test_security_txt_names_the_configured_contact_and_expires_within_a_year(client, settings):
    settings.SECURITY_CONTACT = [
        "mailto:sakerhet@kommun.example.se",
        "https://kommun.example.se/rapportera",
    ]
    settings.SITE_URL = "https://medborgarloften.example.se"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = [line.split(": ", 1) for line in response.content.decode().splitlines()]
    assert fields[:2] == [
        ["Contact", "mailto:sakerhet@kommun.example.se"],
        ["Contact", "https://kommun.example.se/rapportera"],
    ]
    values = dict(fields[2:])
    assert values["Preferred-Languages"] == "sv, en"
    assert values["Canonical"] == "https://medborgarloften.example.se/.well-known/security.txt"
    expires = datetime.datetime.strptime(values["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=datetime.UTC
    )
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)
    assert not response.cookies


def test_security_txt_is_not_served_without_a_contact(client, settings):
    settings.SECURITY_CONTACT = []
    assert client.get("/.well-known/security.txt").status_code == 404


@pytest.mark.django_db
def test_every_public_page_links_staff_to_their_sign_in(client):
    swedish = client.get("/om/").content.decode()
    assert '<a href="/personal/logga-in/">Inloggning för personal</a>' in swedish
    english = client.get("/en/om/").content.decode()
    assert '<a href="/en/personal/logga-in/">Sign in for staff</a>' in english


@pytest.mark.django_db
def test_signed_in_staff_see_the_staff_menu_in_the_header_and_their_pages_in_the_footer(client):
    user = staff_user(
        "polis", role=Role.POLICE_OFFICER, local_police_area=factories.local_police_area()
    )
    sign_in(client, user)
    response = client.get("/personal/")
    assert response.status_code == 200
    staff = response.content.decode()
    header = re.search(r'<header class="site-header">.*?</header>', staff, re.S).group(0)
    # The staff menu replaces the public one and the tagline, so a phone shows the form sooner.
    assert 'aria-label="Personalmeny"' in header and 'aria-label="Huvudmeny"' not in header
    assert '<a href="/personal/" aria-current="page">Mina medborgarlöften</a>' in header
    assert "site-tagline" not in header
    # Who is signed in and the sign-out are in the header too: the skip link leads past them.
    assert "Logga ut" in header and "Logga ut" not in staff.split("</header>")[1]
    # Public pages keep the public menu, and the footer leads back to the staff pages.
    public = client.get("/om/").content.decode()
    assert 'aria-label="Huvudmeny"' in public and "site-tagline" in public
    assert '<a href="/personal/">Mina medborgarlöften</a>' in public
    assert "Inloggning för personal" not in public
    # Not signed in, the sign-in page shows the public header.
    client.logout()
    signin = client.get("/personal/logga-in/").content.decode()
    assert 'aria-label="Huvudmeny"' in signin and "Personalmeny" not in signin


def test_the_icon_asked_for_at_the_sites_root_is_the_pages_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"


@pytest.mark.django_db
def test_the_english_pages_say_the_promises_are_written_in_swedish(client):
    english = client.get("/en/om/").content.decode()
    assert "The citizen promises are written in Swedish" in english
    assert "language-note" not in client.get("/om/").content.decode()


@pytest.mark.django_db
def test_a_page_names_its_address_on_the_portals_own_host_for_links_and_paper(client, settings):
    settings.SITE_URL = "https://medborgarloften.example.se"
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]  # another name of the same site
    factories.period("vetlanda")
    response = client.get("/kommuner/vetlanda/?fbclid=abc", headers={"host": "other.example"})
    assert response.status_code == 200
    html = html_of(response)
    address = "https://medborgarloften.example.se/kommuner/vetlanda/"
    assert f'<link rel="canonical" href="{address}">' in html
    assert f'<meta property="og:url" content="{address}">' in html
    assert f'<p class="print-only">Utskrivet från {address}</p>' in html
    assert "other.example" not in html and "fbclid" not in html
    assert '<meta name="description" content="Medborgarlöften i Vetlanda: vad polisen' in html
    assert '<meta property="og:locale" content="sv_SE">' in html


@pytest.mark.django_db
def test_a_printable_document_names_its_address_for_shared_links_as_the_pages_do(client, settings):
    # A communications officer shares the signed promise (or a published report) on social
    # media: the documents, outside the site frame, named no address and no site.
    settings.SITE_URL = "https://medborgarloften.example.se"
    period = factories.period("vetlanda")
    document = period.get_absolute_url() + "medborgarloftet/"
    response = client.get(document + "?utm_source=facebook")
    assert response.status_code == 200
    html = html_of(response)
    address = "https://medborgarloften.example.se" + document
    assert f'<link rel="canonical" href="{address}">' in html
    assert f'<meta property="og:url" content="{address}">' in html
    assert '<meta property="og:site_name" content="Medborgarlöften">' in html
    assert "utm_source" not in html
    assert html.count('rel="canonical"') == 1


@pytest.mark.django_db
def test_a_missing_page_names_no_address(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()
