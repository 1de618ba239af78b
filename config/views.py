"""Static pages (about, accessibility statement, robots.txt, security.txt) and the error pages.

Error pages are rendered without a RequestContext: no context processor runs, so a page never
touches the session, the user or the database, which may be the very thing that failed.
"""

import datetime
import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import get_language, get_language_from_path, gettext, override
from django.views.decorators.csrf import requires_csrf_token

from config.context_processors import optional_url, site_frame

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 120


ROBOTS = """User-agent: *
Disallow: /personal/
Disallow: /en/personal/
Disallow: /admin/
"""


def robots(request: HttpRequest) -> HttpResponse:
    """Search engines may read every public page; staff pages and the admin are no concern of
    theirs (they answer only signed-in staff anyway). The sitemap lists the public pages."""
    text = ROBOTS + f"Sitemap: {settings.SITE_URL}/sitemap.xml\n"
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


# How far ahead security.txt's Expires lies: the file is made from the running configuration,
# so it is never older than the portal's settings (RFC 9116 asks for less than a year).
SECURITY_TXT_VALID_DAYS = 180


def security_txt(request: HttpRequest) -> HttpResponse:
    """Where to report a vulnerability (RFC 9116), from `SECURITY_CONTACT`; 404 without one."""
    if not settings.SECURITY_CONTACT:
        raise Http404
    expires = timezone.now().replace(microsecond=0) + datetime.timedelta(
        days=SECURITY_TXT_VALID_DAYS
    )
    lines = [f"Contact: {contact}" for contact in settings.SECURITY_CONTACT] + [
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: sv, en",
        f"Canonical: {settings.SITE_URL}/.well-known/security.txt",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def about(request: HttpRequest) -> HttpResponse:
    """What citizen promises are, how they are made, and how progress is counted."""
    context = {
        "operator": settings.SITE_OPERATOR,
        "contact_email": settings.CONTACT_EMAIL,
        "open_data_url": optional_url("followups:open_data"),
    }
    return render(request, "pages/about.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    """Which personal data the portal handles, why, and for how long."""
    context = {
        "operator": settings.SITE_OPERATOR,
        "contact_email": settings.CONTACT_EMAIL,
        "sign_in_days": settings.SIGN_IN_RECORDS_DAYS,
    }
    return render(request, "pages/privacy.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (tillgänglighetsredogörelse) after Digg's model."""
    context = {
        "operator": settings.SITE_OPERATOR,
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "assessed_on": settings.ACCESSIBILITY_ASSESSED_ON,
        "updated_on": settings.ACCESSIBILITY_STATEMENT_UPDATED_ON,
    }
    return render(request, "pages/accessibility.html", context)


def render_error(request: HttpRequest | None, template_name: str, status: int) -> HttpResponse:
    """Render an error page in the site frame, falling back to bare HTML if that fails too."""
    try:
        body = render_to_string(template_name, site_frame(request))
    except Exception:
        logger.exception("Error page %s could not be rendered", template_name)
        title = escape(gettext("Something went wrong"))
        body = (
            f'<!DOCTYPE html><html lang="{escape(get_language() or settings.LANGUAGE_CODE)}">'
            f'<head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><main><h1>{title}</h1></main></body></html>"
        )
    return HttpResponse(body, status=status)


def caused_by_database(exception: BaseException | None) -> bool:
    """Whether `exception` is, or was raised while handling, a database outage (the chain of
    causes and contexts, e.g. a session that could not be saved: SessionInterrupted, from
    UpdateError, from OperationalError)."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, DATABASE_ERRORS):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    # Django answers a session it could not save with 400 ("the session was deleted"), also
    # when the database was unreachable: that is an outage, not the client's fault.
    if caused_by_database(exception):
        logger.error("Database unavailable for %s: %r", request.path, exception.__context__)
        return database_unavailable(request)
    return render_error(request, "400.html", 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    from access.policy import NotNow, Refused  # access imports the apps, which import this module

    if isinstance(exception, NotNow):
        return _not_now(request, exception.period)
    if isinstance(exception, Refused):
        context = {**site_frame(request), "reason": exception.reason}
        return HttpResponse(render_to_string("403.html", context), status=403)
    user = getattr(request, "user", None)
    if request.path_info.startswith("/admin/") and user is not None and user.is_staff:
        # An administrator refused a step the admin never takes (a delete): why, not "ask the
        # one who manages the users", who is they.
        context = {**site_frame(request), "admin_url": reverse("admin:index")}
        return HttpResponse(render_to_string("403_admin.html", context), status=403)
    return render_error(request, "403.html", 403)


# What a form posts besides what a person typed: never shown back.
_NOT_TYPED = {"csrfmiddlewaretoken", "edit_version", "idempotency_key", "next"}


def _not_now(request: HttpRequest, period) -> HttpResponse:
    """The 403 of a step the period's state refuses: why, where to go, and what the refused
    form held, so that text typed while someone else moved the period is not lost."""
    typed = []
    if request.method == "POST":
        for name, values in request.POST.lists():
            if name in _NOT_TYPED or "-" in name and name.split("-")[-1].isupper():
                continue  # a formset's management fields
            typed += [value for value in values if len(value.strip()) > 1]
    context = {**site_frame(request), "period": period, "typed": typed}
    return HttpResponse(render_to_string("403_not_now.html", context, request), status=403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_error(request, "404.html", 404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    # A database error raised outside a view (in a middleware, say) ends up here, not in
    # DatabaseUnavailableMiddleware; it still deserves the 503 page.
    if caused_by_database(sys.exc_info()[1]):
        return database_unavailable(request)
    return render_error(request, "500.html", 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render_error(request, "403_csrf.html", 403)


def request_too_large(request: HttpRequest) -> HttpResponse:
    """The 413 page: the request body is over REQUEST_BODY_MAX_BYTES and was not read."""
    # Answered before LocaleMiddleware runs: the language comes from the path, as it does there.
    with override(get_language_from_path(request.path_info) or settings.LANGUAGE_CODE):
        return render_error(request, "413.html", 413)


def database_unavailable(request: HttpRequest | None) -> HttpResponse:
    """The 503 page: the database cannot be reached; ask the client to come back later."""
    response = render_error(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """The site's icon, for whatever asks at /favicon.ico (crawlers, old browsers)."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
