"""Middleware: the 503 page when the database is unreachable; security headers; body limit."""

import logging

from csp.constants import UNSAFE_HASHES
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject

from config.views import DATABASE_ERRORS, database_unavailable, request_too_large

logger = logging.getLogger(__name__)

ADMIN_PATH_PREFIX = "/admin/"
# The staff pages and the sign-in (config/urls.py); in English under /en/personal/.
STAFF_PATH_PREFIX = "/personal/"
# sha256 of the inline style "border-top: 0" (see PortalCSPMiddleware).
ADMIN_HISTORY_STYLE_HASH = "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After, without a traceback, when a view cannot reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        # One line, no traceback: an outage would otherwise flood the log.
        logger.error("Database unavailable for %s: %s", request.path, exception)
        return database_unavailable(request)


class AuthenticationMiddleware(DjangoAuthentication):
    """Django's `request.user`, except that a session whose user id is no id (no sign-in wrote
    it) is emptied and read as nobody signed in, where Django's raises: a server error."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _session_user(request))


def _session_user(request: HttpRequest):
    if not hasattr(request, "_cached_user"):
        try:
            request._cached_user = auth.get_user(request)
        except ValidationError:
            request.session.flush()
            request._cached_user = AnonymousUser()
    return request._cached_user


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's Content-Security-Policy, with one exception for the admin's history pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PATH_PREFIX):
            # django-simple-history's object history page has one inline style attribute
            # (`<p class="paginator" style="border-top: 0">`). Only that exact attribute is
            # allowed, by its hash, and only in the admin; public and staff pages allow none.
            update = dict(parts.update or {})
            update["style-src"] = [
                *update.get("style-src", []),
                UNSAFE_HASHES,
                ADMIN_HISTORY_STYLE_HASH,
            ]
            parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    """Turn off, on every response, the browser features the portal never uses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


def is_staff_path(path: str) -> bool:
    """Whether `path` is a staff page: the admin, or /personal/ in any language."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            path = path[len(prefix) - 1 :]
            break
    return path.startswith((ADMIN_PATH_PREFIX, STAFF_PATH_PREFIX))


class StaffNoStoreMiddleware:
    """Keep staff pages (sign-in included) out of shared and browser caches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_staff_path(request.path_info):
            patch_cache_control(response, private=True, no_store=True)
        return response


class HttpMethodMiddleware:
    """Pages are read with GET and HEAD and forms sent with POST: OPTIONS is told so, with no
    page, and any other method (TRACE, PUT, DELETE …) gets 405, never a page."""

    ALLOWED = ("GET", "HEAD", "POST", "OPTIONS")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "OPTIONS":
            return HttpResponse(headers={"Allow": ", ".join(self.ALLOWED)})
        if request.method not in self.ALLOWED:
            return HttpResponseNotAllowed(self.ALLOWED)
        return self.get_response(request)


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose Content-Length is over the limit, without reading it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body then either.
        if length > settings.REQUEST_BODY_MAX_BYTES:
            # Django logs the 413 ("Request Entity Too Large") like every 4xx answer.
            return request_too_large(request)
        return self.get_response(request)
