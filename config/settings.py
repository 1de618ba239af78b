"""Settings for the medborgarlöften portal, all read from the environment.

DATABASE_URL  database (default: a SQLite file in the project; postgres://… uses psycopg)
SECRET_KEY    required unless DEBUG is on
DEBUG         off unless set to 1/true/yes/on
ALLOWED_HOSTS comma-separated host names (default: localhost names when DEBUG is on)
SITE_URL      the portal's address in e-mails, e.g. https://medborgarloften.example.se
EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_USE_SSL,
EMAIL_TIMEOUT, EMAIL_BACKEND, DEFAULT_FROM_EMAIL   the mail server and the sender's address
EMAIL_FILE_PATH                      the folder the file backend writes e-mails to (tests, staging)
SITE_OPERATOR, CONTACT_EMAIL, ACCESSIBILITY_CONTACT_EMAIL, ACCESSIBILITY_ASSESSED_ON,
ACCESSIBILITY_STATEMENT_UPDATED_ON   shown on the about page and the accessibility statement
SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS, SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD
                                     HTTPS: see "HTTPS and security headers" below
REQUEST_BODY_MAX_BYTES               largest request body accepted (413 above it)
"""

import datetime
import hashlib
import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable; anything else stops the start with its name."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in TRUE_WORDS | FALSE_WORDS:
        raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off.")
    return value in TRUE_WORDS


def env_int(name: str, default: int, minimum: int = 0) -> int:
    """Read a whole-number environment variable (at least `minimum`)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}.")
    return number


def env_date(name: str, default: str) -> datetime.date:
    """Read a date environment variable written YYYY-MM-DD."""
    value = os.environ.get(name, "").strip() or default
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a date written YYYY-MM-DD.") from None


def _engine_and_name(database: dict) -> tuple[str, str, bool]:
    """The database's engine ("postgresql", "sqlite3"), its name (a SQLite file's full path),
    and whether it is a SQLite file."""
    engine = str(database.get("ENGINE", "")).rsplit(".", 1)[-1]
    name = str(database.get("NAME") or "")
    is_file = engine == "sqlite3" and bool(name) and name != ":memory:"
    is_file = is_file and not name.startswith("file:")
    return engine, str(Path(name).resolve()) if is_file else name, is_file


def default_cache_dir(database: dict, base_dir: Path) -> Path:
    """The file cache's folder when neither REDIS_URL nor CACHE_DIR is set: one per database.

    The cache holds what one database says (public pages, the public data version,
    permissions), so servers on different databases (the project's SQLite file and a
    PostgreSQL copy, two SQLite files) must never share it; servers on the same database
    still do. The folder is named for the database, with a hash of what tells databases
    apart (engine, host, port, name; a SQLite file by its full path).
    """
    engine, name, is_file = _engine_and_name(database)
    label = Path(name).stem if is_file else name
    identity = "\n".join(
        [engine, str(database.get("HOST") or ""), str(database.get("PORT") or ""), name]
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:12]
    label = re.sub(r"[^A-Za-z0-9_-]+", "-", label).strip("-")[:40]
    return base_dir / ".cache" / "-".join(part for part in (engine, label, digest) if part)


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated environment variable."""
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # pytest sets PYTEST_VERSION; the tests run with DEBUG off, as production does.
    if not (DEBUG or os.environ.get("PYTEST_VERSION")):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-key-for-local-development-and-tests-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "config.apps.AxesConfig",  # django-axes, its admin heading in Swedish
    "simple_history",
    "municipalities",
    "promises",
    "activities",
    "followups",
    "access",
    # Last: connects the public page cache's invalidation to the apps above.
    "config.apps.SiteConfig",
]

MIDDLEWARE = [
    # First: every log line of the request, and its response, carry the request's id.
    "config.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, before the middleware below; their headers come from
    # WHITENOISE_ADD_HEADERS_FUNCTION.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from the shared cache (config/page_cache.py), as early as a
    # page may be answered: a hit skips the middleware below, whose headers (CSP, language,
    # frame options) are stored with the page; the two above add theirs to every response.
    "config.page_cache.PublicPageCacheMiddleware",
    "config.middleware.PortalCSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    # Above the body limit, so the 413 page gets the same headers as every page.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.StaffNoStoreMiddleware",
    # TRACE, PUT, DELETE … get 405 (with the headers above), OPTIONS only the allowed methods.
    "config.middleware.HttpMethodMiddleware",
    # Before anything reads the body (sessions, CSRF): refuses a too large one unread.
    "config.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Unprefixed paths are Swedish whatever the browser asks for; English lives under /en/.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, reading a session whose user id is no id as nobody signed in.
    "config.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): signed in with the second factor too.
    "django_otp.middleware.OTPMiddleware",
    # Records who made each change in the history tables.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Turns a locked-out sign-in into our lockout page.
    "axes.middleware.AxesMiddleware",
    # Innermost, so a database error raised by a view becomes the 503 page.
    "config.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site_frame",
            ],
        },
    },
]

# Django's form templates, with <select> written in Python (290 municipalities per filter form).
FORM_RENDERER = "config.form_renderer.PortalFormRenderer"

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two people saving at once: a transaction that reads before it writes (most of ours) would
    # otherwise fail at once with "database is locked" (a 503) when it tries to upgrade its read
    # lock, whatever the timeout. IMMEDIATE takes the write lock at BEGIN, so writers wait their
    # turn (up to `timeout` seconds); WAL lets pages be read while somebody writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL;",
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, and psycopg prepares a query the fifth time a connection
    # runs it, so PostgreSQL stops planning it anew (a persistent connection runs the same few
    # queries all day; planning took most of a small query's time). Off with
    # DATABASE_SERVER_SIDE_BINDING=0, e.g. behind PgBouncer in transaction mode before 1.21.
    server_side_binding = env_bool("DATABASE_SERVER_SIDE_BINDING", True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=server_side_binding,
        # Django turns psycopg's preparing off unless asked (None); 5 is psycopg's own default.
        prepare_threshold=5 if server_side_binding else None,
    )
    # A fresh database per test run: CI points TEST_DATABASE_NAME at its own name.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the public pages, the public data version that invalidates them, and rate-limit
# counts; with several workers or hosts it must be shared: Redis (REDIS_URL) in production, else
# files in the project folder (shared by the workers of one host), a folder per database.
REDIS_URL = os.environ.get("REDIS_URL", "")
# The rate-limit counters' Redis (the cache alias "limits"), by default REDIS_URL's.
LIMITS_REDIS_URL = os.environ.get("LIMITS_REDIS_URL", "") or REDIS_URL
_FILE_CACHE_DIR = os.environ.get("CACHE_DIR") or str(
    default_cache_dir(DATABASES["default"], BASE_DIR)
)


def cache_key_prefix(database: dict) -> str:
    """The Redis keys' prefix: the database's name (a SQLite file's, with a hash of its path).

    Redis holds what one database says, as the file cache does (`default_cache_dir`): a second
    instance on another database (a restore tried in a scratch database, a test copy) sharing
    the Redis must neither serve this one's pages nor make them stale. The hosts of one
    instance all name the same database, whatever address they reach its server at, and share
    the keys. CACHE_KEY_PREFIX chooses another.
    """
    engine, name, is_file = _engine_and_name(database)
    if is_file:
        name = f"{Path(name).stem}-{hashlib.sha256(name.encode()).hexdigest()[:12]}"
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{engine}-{name}").strip("-")[:80]


CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "") or cache_key_prefix(DATABASES["default"])
CACHES = {
    "default": (
        {
            "BACKEND": "config.cache.PortalRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": _FILE_CACHE_DIR,
        }
    ),
    # Rate-limit counters (password reset), apart from the pages: a flood of page entries,
    # which a full file cache culls at random, must never cull a counter and lift its limit.
    "limits": (
        {
            "BACKEND": "config.cache.PortalRedisCache",
            "LOCATION": LIMITS_REDIS_URL,
            "KEY_PREFIX": f"limits:{CACHE_KEY_PREFIX}",
        }
        if LIMITS_REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": f"{_FILE_CACHE_DIR}-limits",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    ),
}
PUBLIC_CACHE_ALIAS = "default"
# How long a public page is kept (0: never cached) and the max-age given to browsers and proxies
# (0: they revalidate every time, cheaply with the ETag, and never show a stale page).
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 600)
PUBLIC_CACHE_MAX_AGE = env_int("PUBLIC_CACHE_MAX_AGE", 0)
PUBLIC_CACHE_EXCLUDED_PATHS = ("/admin/", "/personal/", "/en/personal/")

# Staff sign-in: password, then a TOTP code (django-otp); failed sign-ins are throttled per
# username and address by django-axes, which answers the same for known and unknown usernames.
AUTHENTICATION_BACKENDS = [
    # django-axes' lockout check (municipalities/backends.py).
    "municipalities.backends.LockoutBackend",
    # Django's ModelBackend, with each user's permissions kept in the shared cache.
    "municipalities.backends.CachedModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "activities:staff_home"
LOGOUT_REDIRECT_URL = "accounts:login"
OTP_TOTP_ISSUER = "Medborgarlöften"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Beside the lockout per username and client, failed sign-ins per client alone over all
# usernames (one password tried on many accounts): above this many in the window, the client's
# sign-ins are refused until the window ends. High enough for a municipality's offices behind
# one address (municipalities/views.py).
SIGN_IN_MAX_FAILURES_PER_CLIENT = env_int("SIGN_IN_MAX_FAILURES_PER_CLIENT", 30, minimum=1)
# And failed sign-ins per username over all clients (passwords guessed on one account from many
# addresses): above this many in the window, that username's sign-ins are refused until the
# window ends or a password reset lifts it; any username is counted, known or not.
SIGN_IN_MAX_FAILURES_PER_USERNAME = env_int("SIGN_IN_MAX_FAILURES_PER_USERNAME", 10, minimum=1)
SIGN_IN_LIMIT_WINDOW = datetime.timedelta(minutes=env_int("SIGN_IN_LIMIT_MINUTES", 60, minimum=1))
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Days the sign-in records (address, browser, time) are kept: `manage.py forget_sign_ins`.
SIGN_IN_RECORDS_DAYS = env_int("SIGN_IN_RECORDS_DAYS", 90, minimum=1)
# Any username is counted, cut to the length axes stores (municipalities/forms.py).
AXES_USERNAME_CALLABLE = "municipalities.forms.lockout_username"
# The proxy's addresses (as gunicorn's FORWARDED_ALLOW_IPS): from them, the client is the last
# X-Forwarded-For entry; the same rule for lockouts and reset limits (municipalities/forms.py).
PROXY_ADDRESSES = env_list("FORWARDED_ALLOW_IPS", ["127.0.0.1", "::1"])
AXES_CLIENT_IP_CALLABLE = "municipalities.forms.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Short dates per language: "22 nov 2026", "22 Nov 2026" (config/formats/).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles"
# The default file storage (FileSystemStorage under MEDIA_ROOT) keeps the built open data files.
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "medborgarloften@localhost")
# Django's file backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend) needs a
# folder: a staging server or a tester reads the e-mails there.
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
# The mail server (the SMTP backend): Django's own settings, read from the environment.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS, port 587) or EMAIL_USE_SSL (465).")
# Seconds to wait for the mail server: a server that does not answer must not hold a worker
# for the whole request timeout.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
# The portal's address in e-mails sent outside a request (the lifecycle's notifications):
# by default the first ALLOWED_HOSTS name over https, or the local server when DEBUG is on.
_SITE_HOSTS = [host for host in ALLOWED_HOSTS if not host.startswith((".", "*"))]
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/") or (
    "http://127.0.0.1:8000" if DEBUG or not _SITE_HOSTS else f"https://{_SITE_HOSTS[0]}"
)

# The error pages: 400, 403, 404 and 500 are wired in config/urls.py.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# About page and accessibility statement (tillgänglighetsredogörelse).
# The defaults are placeholders for a development machine: `manage.py check --deploy` warns of
# each one left (config/checks.py), as the public pages would name them.
PLACEHOLDERS = {
    "SITE_OPERATOR": _("the administrator of this portal"),
    "CONTACT_EMAIL": "kontakt@example.se",
    "ACCESSIBILITY_CONTACT_EMAIL": "tillganglighet@example.se",
}
SITE_OPERATOR = os.environ.get("SITE_OPERATOR") or PLACEHOLDERS["SITE_OPERATOR"]
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", PLACEHOLDERS["CONTACT_EMAIL"])
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get(
    "ACCESSIBILITY_CONTACT_EMAIL", PLACEHOLDERS["ACCESSIBILITY_CONTACT_EMAIL"]
)
# Where to report a vulnerability, for /.well-known/security.txt (RFC 9116): comma-separated
# "mailto:…", "https://…" or "tel:…" addresses; without one the file is not served (no invented
# contact).
SECURITY_CONTACT = env_list("SECURITY_CONTACT", [])
if bad := [c for c in SECURITY_CONTACT if not c.startswith(("mailto:", "https://", "tel:"))]:
    raise ImproperlyConfigured(
        f"SECURITY_CONTACT must be mailto:, https:// or tel: addresses, not {bad[0]!r}."
    )
# Date of the latest assessment (self-assessment with the automated tests) and of the statement.
ACCESSIBILITY_ASSESSED_ON = env_date("ACCESSIBILITY_ASSESSED_ON", "2026-11-21")
ACCESSIBILITY_STATEMENT_UPDATED_ON = env_date("ACCESSIBILITY_STATEMENT_UPDATED_ON", "2026-11-21")

# With Redis, sessions are read from it and written through to the database (a Redis restart
# signs nobody out); without it, from the database alone (a file cache belongs to one host).
SESSION_ENGINE = "django.contrib.sessions.backends." + ("cached_db" if REDIS_URL else "db")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A staff session lasts a working day and ends when the browser closes.
SESSION_COOKIE_AGE = 60 * 60 * 10
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3
# Reset e-mails per address and requests per client (its address as django-axes reads it) in a
# window; above either, the page answers as usual and sends nothing (municipalities/views.py).
# The counts live in the default cache, shared by the workers when the cache is.
PASSWORD_RESET_MAX_PER_ADDRESS = env_int("PASSWORD_RESET_MAX_PER_ADDRESS", 3)
PASSWORD_RESET_MAX_PER_CLIENT = env_int("PASSWORD_RESET_MAX_PER_CLIENT", 10)
PASSWORD_RESET_LIMIT_WINDOW = datetime.timedelta(
    minutes=env_int("PASSWORD_RESET_LIMIT_MINUTES", 60, minimum=1)
)
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# No script of ours reads the token (the forms carry it): a script injected some day cannot either.
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# -- HTTPS and security headers ----------------------------------------------------------------
# Production runs behind a TLS-terminating proxy (README, "Production") that sets
# X-Forwarded-Proto to the scheme the client used, overwriting whatever the client sent.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS only, by default, whenever DEBUG is off. The test run is the exception (pytest sets
# PYTEST_VERSION): it runs with DEBUG off, as production does, but its test client and live
# server speak plain http. SECURE_SSL_REDIRECT=0 turns the redirect off explicitly.
_HTTPS_ONLY = not DEBUG and not os.environ.get("PYTEST_VERSION")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _HTTPS_ONLY)
# Load balancers check health over plain http on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# HSTS is only ever sent on https requests (SecurityMiddleware), so it is harmless over http.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Asking to be preloaded into the browsers' HSTS list is hard to undo: off until decided (README).
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# check --deploy warns that preload is off (security.W021); that is the deliberate default.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content-Security-Policy (django-csp): our own files only, nothing inline. The printable
# documents keep their stylesheet inline for WeasyPrint and mark it with the request's nonce;
# config.middleware.PortalCSPMiddleware allows one inline style of the admin's history pages.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        # data: for the empty favicon (<link rel="icon" href="data:,">) in base.html.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

# Browser features the portal never uses (Permissions-Policy, config.middleware).
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]


# The policy of the static files: none of them is a page, and an SVG opened on its own is a
# document that may load nothing and be framed by no one (a CSS or script file ignores it).
STATIC_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


def add_static_headers(headers, path: str, url: str) -> None:
    """Security headers on the static files WhiteNoise answers before any other middleware
    (SecurityMiddleware, above it, adds the Referrer-Policy)."""
    headers["X-Frame-Options"] = "DENY"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Content-Security-Policy"] = STATIC_CONTENT_SECURITY_POLICY


WHITENOISE_ADD_HEADERS_FUNCTION = add_static_headers

# -- Request size ------------------------------------------------------------------------------
# A request whose Content-Length is larger is answered 413 without reading its body
# (config.middleware.RequestSizeLimitMiddleware); the proxy in front has the same limit.
# A little above the largest file a form takes (the CSV import's 1 MB) plus the form around it.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 2 * 1024 * 1024, minimum=1)
# Form fields and files are held in memory up to the same limit (never in temporary files).
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_BYTES
# The largest file any form takes: the CSV import's (activities/csv_import.py, MAX_BYTES).
# config.uploads stops reading an upload as soon as one file grows past it.
UPLOAD_FILE_MAX_BYTES = 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "config.uploads.FileSizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# One JSON object per line on stderr, each with the request's id (config/observability.py);
# LOG_FORMAT=text gives plain lines for reading in a terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "config.observability.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if os.environ.get("LOG_FORMAT") == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
