"""The public page cache: whole anonymous pages, shared by every worker and host, never stale.

A page is stored under its path and query, together with the *public data version* it was
rendered under: a random token kept in the same cache, read with the page in one round trip.
Every committed write to the portal's own models sets a new token, so the next request on any
worker or host finds the stored page stale and renders the new data. The version is read
before the page's data, so a page rendered while a write commits is at worst stored under the
token that write replaces.

Only anonymous GET/HEAD requests to public paths are served from the cache (no session cookie,
nothing under /personal/ or /admin/); only complete 200 responses that set no cookie and carry
no CSP nonce are stored. Clients and proxies get `Cache-Control` and an ETag and revalidate:
a matching `If-None-Match` is answered 304 from the cache without rendering.
"""

import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

from config.cache import Versioned

logger = logging.getLogger(__name__)

VERSION_KEY = "public-data-version"
# Apps whose models public pages show; a write to any of them changes the version.
PUBLIC_APPS = ("municipalities", "promises", "activities", "followups")
# Headers a stored page keeps; everything else (security headers, cookies) is added per request.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary")


# Pages are stored under their path and query, with the version they were rendered under.
PAGES = Versioned(VERSION_KEY, settings.PUBLIC_CACHE_ALIAS)


def current_version() -> str | None:
    """The public data version, set anew when missing; None when the cache cannot be reached."""
    return PAGES.version()


def new_version() -> None:
    """Make every stored page stale, on every worker and host that shares the cache."""
    PAGES.replace()


def _changed(sender, **kwargs) -> None:
    """Set a new version now, and again once the write commits (once per transaction).

    The second one matters: a page rendered from the data before the commit, under the version
    just set, must not be served once the write is visible.
    """
    if sender._meta.app_label not in PUBLIC_APPS:
        return
    new_version()
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        entry[1] is new_version for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(new_version)


def connect() -> None:
    """Change the version on every save, delete and many-to-many change of the public apps."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"public_cache_{signal!r}")


def _is_public(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not settings.PUBLIC_CACHE_SECONDS:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    path = request.path_info
    return not any(path.startswith(prefix) for prefix in settings.PUBLIC_CACHE_EXCLUDED_PATHS)


def _key(request: HttpRequest) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{digest}"


def _finish(request: HttpRequest, response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE)
    patch_cache_control(response, must_revalidate=True)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary", "Content-Language"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


def conditional(request: HttpRequest, etag: str, respond) -> HttpResponse:
    """`respond()` with a public page's ETag and Cache-Control; 304, without calling it, when
    the client's If-None-Match has `etag` (for responses too large for the cache: downloads)."""
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _finish(request, HttpResponseNotModified(), etag)
    return _finish(request, respond(), etag)


class PublicPageCacheMiddleware:
    """Serve anonymous public pages from the shared cache; store what they render."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_public(request):
            return self.get_response(request)
        key = _key(request)
        version, stored = PAGES.read(key)  # one round trip
        if version is None:  # A cache outage must not take the pages down: render uncached.
            return self.get_response(request)
        if stored is not None:
            status, headers, content, etag = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "hit"
            return _finish(request, response, etag)
        response = self.get_response(request)
        if self._storable(request, response):
            headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
            etag = _etag(version, response.content)
            entry = (response.status_code, headers, response.content, etag)
            PAGES.store(key, version, entry, settings.PUBLIC_CACHE_SECONDS)
            response["X-Cache"] = "miss"
            return _finish(request, response, etag)
        return response

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and getattr(request, "_csp_nonce", None) is None
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )


def _etag(version: str, content: bytes) -> str:
    return '"' + hashlib.sha256(version.encode() + content).hexdigest()[:32] + '"'
