"""Browser tests: Playwright driving Debian's Chromium against one live server with shared data.

The data (tests/e2e/data.py) is built once for the package and committed, so the live server's
own database connection (PostgreSQL) sees it; it is removed again at the end. The tests here do
not use pytest-django's `live_server` fixture: that one makes every test transactional, and the
flush after each test would throw away the shared data and the reference data with it.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import override_settings
from pytest_django.live_server_helper import LiveServer

from tests.e2e.data import build_public_data, remove_public_data

# The sync Playwright API runs an event loop in the test thread; Django's ORM must still be
# usable from the test to set up data.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: `make browser` installs Debian's chromium.")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            # Makes pytest-django create the test database even when only these tests run
            # (without it they would reach the development database); each test runs in a
            # transaction that is rolled back, the shared data stays.
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def public_site(django_db_setup, django_db_blocker):
    """The shared public data, committed, with the test settings tests/conftest.py applies."""
    overrides = override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "localhost", "127.0.0.1", "testserver"],
        # As in tests/conftest.py, so the staff user made here can sign in during the tests.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    overrides.enable()
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
            assert "test" in name, f"refusing to build test data in the database {name!r}"
        build_public_data()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            remove_public_data()
        overrides.disable()


@pytest.fixture(scope="package")
def site_url(public_site, django_db_blocker):
    """Base URL of a live server over the shared data (no trailing slash)."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    try:
        yield server.url
    finally:
        server.stop()
        if connection.vendor == "postgresql":
            # The server's request threads keep their connections (CONN_MAX_AGE); end them so
            # pytest-django can drop the test database afterwards.
            with django_db_blocker.unblock(), connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture
def site(site_url):
    """The live server's base URL."""
    return site_url


@pytest.fixture
def page(page):
    """Playwright's page, failing after 15 s rather than 30 (the server is local, the CPU busy)."""
    page.set_default_timeout(15_000)
    return page
