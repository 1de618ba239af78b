"""The site frame's context: navigation and the language switch, never touching the database.

The error pages (500 and 503 included) build the same context with `site_frame(request)`, so
base.html must only use what this module provides, not `request`, `user` or `messages`.
"""

from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import (
    NoReverseMatch,
    Resolver404,
    get_script_prefix,
    get_urlconf,
    resolve,
    reverse,
)
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext_lazy as _

HOME = "promises:home"

# (URL name, label) of the primary navigation, in order.
NAV_ITEMS = [
    (HOME, _("Start")),
    ("promises:municipality_list", _("Municipalities")),
    ("promises:promise_list", _("Promises")),
    ("activities:activity_list", _("Activities")),
    ("followups:open_data", _("Open data")),
    ("about", _("About")),
]

FOOTER_ITEMS = [
    ("about", _("About citizen promises")),
    ("accessibility", _("Accessibility statement")),
    ("privacy", _("Personal data")),
    ("followups:open_data", _("Open data")),
    # Staff find their way in from any page (the address is not guessable otherwise).
    ("accounts:login", _("Sign in for staff")),
]
# Signed in, the last footer link leads to the staff pages instead of the sign-in.
FOOTER_ITEMS_SIGNED_IN = [*FOOTER_ITEMS[:-1], ("activities:staff_home", _("My citizen promises"))]


def _url_setup() -> tuple:
    """What a URL reversed or resolved now depends on besides its name or path: the language,
    the URLconf (a test may swap it) and the script prefix."""
    return (get_language(), settings.ROOT_URLCONF, get_urlconf(), get_script_prefix())


# The frame reverses about ten names and resolves the path once per page, a fifth of the time
# of a page without queries; the answers only change with `_url_setup()`, part of each key.
@lru_cache(maxsize=1024)
def _reverse(name: str, _setup: tuple) -> str | None:
    # Error pages render through here too: a broken URLconf must not turn a 500 into a crash.
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def optional_url(name: str) -> str | None:
    """The URL of `name`, or None when it does not resolve."""
    return _reverse(name, _url_setup())


def _links(items: list, path: str) -> list[dict]:
    """Resolve (name, label) pairs, skipping names not wired yet, and mark the current one."""
    links = []
    home_url = optional_url(HOME)
    for name, label in items:
        url = optional_url(name)
        if url is None:
            continue
        if path == url:
            current = "page"
        elif url != home_url and path.startswith(url):
            current = "true"  # a page inside this section
        else:
            current = ""
        links.append({"url": url, "label": label, "current": current})
    return links


def translated_path(request: HttpRequest | None, code: str) -> str | None:
    """This page's path (and query) in language `code`, or None when it is not one of ours.

    Built from the resolved view and the site's own `reverse`, never from the requested text, so
    the link cannot point at another host: `//evil.example/loften/` or `/\\evil.example/` would
    be read as one by `translate_url` and by browsers.
    """
    if request is None:
        return None
    url = _path_in(request.path_info, code, _url_setup())
    if url is None or url == request.path:  # not one of ours, or the same in every language
        return None
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    return f"{url}?{query}" if query else url


@lru_cache(maxsize=2048)
def _path_in(path: str, code: str, _setup: tuple) -> str | None:
    """The page at `path` in language `code` (without query), or None when it is not ours."""
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    with override(code):
        try:
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return url if is_local_path(url) else None


def is_local_path(url: str) -> bool:
    """Whether `url` is a path on this site: one leading slash, no host, no backslash."""
    return (
        url.startswith("/")
        and not url.startswith("//")
        and "\\" not in url
        and not urlsplit(url).netloc
        and not urlsplit(url).scheme
    )


def _language_links(request: HttpRequest | None) -> list[dict]:
    """The same page in every other language; that language's start page when there is none."""
    links = []
    for code, _name in settings.LANGUAGES:
        if code == get_language():
            continue
        url = translated_path(request, code)
        if url is None:  # unknown path (a 404), or not a page of ours
            with override(code):
                url = optional_url(HOME) or "/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"][:1].upper() + info["name_local"][1:],
                "url": url,
            }
        )
    return links


def site_frame(request: HttpRequest | None) -> dict:
    """Navigation, footer links and the language switch for base.html."""
    path = request.path if request is not None else ""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "home_url": optional_url(HOME) or "/",
        "nav_links": _links(NAV_ITEMS, path),
        "footer_links": _links(FOOTER_ITEMS_SIGNED_IN if signed_in else FOOTER_ITEMS, path),
        "language_links": _language_links(request),
        "canonical_url": _canonical_url(request),
    }


def _canonical_url(request: HttpRequest | None) -> str:
    """The page's address on the portal's own host (`SITE_URL`, never the Host a request
    named: a kept public page is served to every host), with the query its page reads (the
    public cache has dropped the rest); none for a path no page answers."""
    if request is None or getattr(request, "resolver_match", None) is None:
        return ""
    return settings.SITE_URL + request.get_full_path()
