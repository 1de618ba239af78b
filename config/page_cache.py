"""Serving public pages from the public cache (`config.public_cache`: what a page is stored
under and when it is stale).

Only anonymous GET/HEAD requests to public paths are served from the cache (no session cookie,
nothing under /personal/ or /admin/); only complete 200 responses that set no cookie and carry
no CSP nonce are stored. Clients and proxies get `Cache-Control` and an ETag and revalidate:
a matching `If-None-Match` is answered 304 from the cache without rendering.
"""

import datetime
import hashlib
from functools import lru_cache
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from config.public_cache import (
    PAGE_PARAMETERS,
    PAGES,
    PER_ANSWER_HEADERS,
    page_keys,
    parameters_read,
)
from municipalities.search import MAX_SEARCH


def _is_public(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not settings.PUBLIC_CACHE_SECONDS:
        return False
    path = request.path_info
    if any(path.startswith(prefix) for prefix in settings.PUBLIC_CACHE_EXCLUDED_PATHS):
        return False
    return _allowed_host(request) and not _signed_in(request)


def _allowed_host(request: HttpRequest) -> bool:
    """Whether the request names a host ALLOWED_HOSTS lets through. One that does not is
    refused (400) below, by the middleware that gives every page its security headers: raised
    here, above them, the 400 page went without CSP and frame options."""
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def _signed_in(request: HttpRequest) -> bool:
    """Whether the request's session cookie is a signed-in user's session. Any other (an
    expired session, a made-up value) is an anonymous visitor's: answered from the cache, so a
    cookie cannot make every request render its page (a signing document's PDF, say)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    return SESSION_KEY in store


# What renders a page: the portal's own code, templates and translations (`code_version`).
CODE_FOLDERS = ("config", "municipalities", "promises", "activities", "followups")
CODE_SUFFIXES = frozenset({".py", ".html", ".txt", ".xml", ".mo"})


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the files that render the pages (the apps' code and templates, the templates
    folder, the compiled translations), read once per process: a page kept by another version
    of them is not served, so a deployment that changes a template or a Swedish word shows it on
    the next request, not when the page's time in the cache runs out, and hosts running two
    versions during a rolling upgrade keep their pages apart."""
    base = settings.BASE_DIR
    digest = hashlib.sha256()
    for folder in (*CODE_FOLDERS, "templates", "locale"):
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _key_prefix() -> str:
    """Pages are stored with their headers and their links to the static files: the settings
    those headers come from, the static files' version and the code's (`code_version`) are part
    of the key, so a deployment that changes them never serves a page with the old ones."""
    headers = (
        2,  # the stored entry's format
        settings.CONTENT_SECURITY_POLICY,
        getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
        settings.PERMISSIONS_POLICY,
        settings.X_FRAME_OPTIONS,
        # The static files' version (their manifest's hash): after an upgrade a kept page would
        # link the old CSS, which a host of the new version no longer has.
        getattr(staticfiles_storage, "manifest_hash", ""),
        code_version(),
    )
    return "page:" + hashlib.sha256(repr(headers).encode()).hexdigest()[:16] + ":"


@receiver(setting_changed, dispatch_uid="public_cache_key_prefix")
def _header_settings_changed(**kwargs) -> None:
    _key_prefix.cache_clear()


# More pages than any list has (a national list of 5,000 activities has 250): the last page.
LAST_PAGE = 100_000


def _drop_unread_parameters(request: HttpRequest) -> None:
    """Leave in the request's query only what its page reads (`PARAMETERS_READ`), for the
    cache's key and for the page (its links keep its query): a parameter given twice once, with
    the value a page reads (the last), and a page number only when it is one past the first
    (`?page=a1`, `?page=0` and `?page=1` are the first page, as the lists read them, and a
    number past any list's end is `LAST_PAGE`, the last page, as they read it too; a sitemap's
    `p` alike: `?p=02` is `?p=2`, and one past its end a 404, never kept)."""
    if not request.GET:
        return
    read = parameters_read(request.path_info)
    kept = QueryDict(mutable=True)
    # In one order and one spelling: "?q=tran", "?q=%74ran" and "?q=tran%20" are one page
    # (the lists read a search with its blanks folded), and so are the same parameters in
    # another order.
    for name, values in sorted(request.GET.lists()):
        value = values[-1]
        if name not in read:
            continue
        if name == "q":
            # As far as a search reads it (`search_q`): a page per made-up ending past that
            # would be one more page kept of the same rows.
            value = " ".join(value.split())[:MAX_SEARCH].rstrip()
            if not value:
                continue  # no search
        if name in PAGE_PARAMETERS:
            if not (value.isascii() and value.isdigit()):
                continue  # the first page
            # Past the end is the last page: any number that large is one key (and more than 18
            # digits are not read: Python refuses more than 4,300, a 500).
            number = LAST_PAGE if len(value) > 18 else int(value)
            if number <= 1:
                continue  # the first page
            value = str(min(number, LAST_PAGE))
        kept[name] = value
    query = kept.urlencode()
    if query == request.META.get("QUERY_STRING", ""):
        return
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = query


def _key(request: HttpRequest) -> str:
    # The path and kept query alone, not the host or scheme: every address a page, feed,
    # calendar or file holds is on SITE_URL, whatever Host the request named. With the host
    # in the key each port of an allowed name (`Host: portal.example:1`, `:2` …, which
    # ALLOWED_HOSTS lets through) and a trailing dot rendered the page again and kept one
    # more copy: anyone could fill the shared cache and make a PDF render on every request.
    # (`_is_public` has checked the host against ALLOWED_HOSTS: a 400 for any other.)
    # And the day: pages judge progress on it ("i fas" becomes "efter plan" overnight, a new
    # month begins) and say it; a page kept at 23:55 is not served after midnight.
    day = timezone.localdate().isoformat()
    return _key_prefix() + hashlib.sha256(f"{day} {request.get_full_path()}".encode()).hexdigest()


def _known_to_client(request: HttpRequest, etag: str) -> bool:
    """Whether the request's If-None-Match names `etag`: by the weak comparison RFC 9110 asks
    for it (`W/"…"` matches `"…"`), or `*`."""
    tags = parse_etags(request.headers.get("If-None-Match", ""))
    return "*" in tags or etag in {tag.removeprefix("W/") for tag in tags}


def _finish(request: HttpRequest, response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    patch_cache_control(
        response, public=True, max_age=settings.PUBLIC_CACHE_MAX_AGE, must_revalidate=True
    )
    if _known_to_client(request, etag):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary", "Content-Language"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


def _unchanged_since(request: HttpRequest, last_modified: datetime.datetime | None) -> bool:
    """Whether the request's If-Modified-Since is no earlier than `last_modified` (to the
    second, as the header says it). Asked only without If-None-Match, which RFC 9110 puts
    first: `curl -z` and `wget -N` send only a date."""
    if last_modified is None or "If-None-Match" in request.headers:
        return False
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and int(last_modified.timestamp()) <= since


def conditional(
    request: HttpRequest, etag: str, respond, last_modified: datetime.datetime | None = None
) -> HttpResponse:
    """`respond()` with a public page's ETag and Cache-Control; 304, without calling it, when
    the client's If-None-Match has `etag`, or, without one, its If-Modified-Since is no earlier
    than `last_modified` (for responses too large for the cache: downloads)."""
    if _known_to_client(request, etag) or _unchanged_since(request, last_modified):
        not_modified = HttpResponseNotModified()
        if last_modified is not None:
            not_modified["Last-Modified"] = http_date(last_modified.timestamp())
        return _finish(request, not_modified, etag)
    return _finish(request, respond(), etag)


class PublicPageCacheMiddleware:
    """Serve anonymous public pages from the shared cache; store what they render."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_public(request):
            response = self.get_response(request)
            user = getattr(request, "user", None)
            # Not for an error: a 503 because the database is down would read the user from
            # it here, outside the view, and log a traceback for every request (make
            # fault-test).
            if (
                response.status_code < 500
                and user is not None
                and user.is_authenticated
                and "Cache-Control" not in response
            ):
                # A public page as a signed-in user sees it: for their browser alone, never a
                # proxy's or a CDN's copy.
                patch_cache_control(response, private=True)
            return response
        _drop_unread_parameters(request)
        key = _key(request)
        version, stored = PAGES.read(key, page_keys(request.path_info))  # one round trip
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
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in PER_ANSWER_HEADERS
            ]
            etag = _etag(response.content)
            if disposition := response.get("Content-Disposition"):
                # A download's name has its day: the same content under a new name is new.
                etag = named_etag(etag, disposition)
            entry = (response.status_code, headers, response.content, etag)
            PAGES.store(key, version, entry, settings.PUBLIC_CACHE_SECONDS)
            response["X-Cache"] = "miss"
            return _finish(request, response, etag)
        return response

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not getattr(response, "not_kept", False)
            and not response.streaming
            and not response.cookies
            and getattr(request, "_csp_nonce", None) is None
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )


def not_kept(response: HttpResponse) -> HttpResponse:
    """Mark a public page as not to be kept in the shared cache (answered as rendered)."""
    response.not_kept = True
    return response


def list_page(
    request: HttpRequest,
    response: HttpResponse,
    *,
    refused: bool = False,
    found: int | None = None,
    page=None,
) -> HttpResponse:
    """A list's page, kept only when its filters' values were valid, a search or filter found
    something, and the page asked for is the one shown (not one past the end, which shows the
    last): a page per made-up value (`?q=<random>`, `?tema=<random>`, `?page=<n>`, filters that
    contradict each other) would let anyone fill the shared cache, pushing out what others read,
    and in a Redis kept full (`noeviction`), the tokens that make pages stale after a change.
    Without `found` (a list no filter narrows: an activity's logs) only the page is checked."""
    asked = request.GET.get("page")
    if refused or (found == 0 and request.GET):
        return not_kept(response)
    if page is not None and asked and asked != str(page.number):
        return not_kept(response)
    return response


def _etag(content: bytes) -> str:
    """The page's validator, from what it shows alone, not from the version it is stored under:
    that moves with every write in its municipality, an internal one too (a draft, a log's
    internal note), and an ETag made from it told anyone polling a public page when its staff
    were at work (a security probe)."""
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def named_etag(etag: str, name: str) -> str:
    """The ETag of content with the ETag `etag` downloaded as `name` (its Content-Disposition
    or file name): the open data files are named with the day their figures are counted on,
    and a file the same as yesterday's, revalidated by a browser or a proxy (304), kept
    yesterday's name (the security probe)."""
    return '"' + hashlib.sha256(f"{etag}\n{name}".encode()).hexdigest()[:32] + '"'
