"""Shared pytest configuration: settings for tests, the named staff users, data made once."""

import datetime
import functools
import os
import subprocess
import sys
import zlib
import zoneinfo
from importlib import import_module
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation

from tests.staff import People


def settings_for_tests() -> dict:
    """Static files without a collected manifest, fast password hashing, a process-local cache."""
    return {
        "STORAGES": {
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "CACHES": {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "t",
            },
            "limits": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "limits",
            },
        },
    }


def pytest_sessionstart(session):
    """The tests run on a clock that starts at noon of the day they start (in the portal's
    time zone) and then runs as usual. A date taken when the test modules are read (a
    module's `TODAY`, a parametrized date) is then the date of every test in the run: a run
    started at 23:55 would otherwise see "today" change under it at midnight, in the middle
    of its tests. Processes the tests start (servers, scripts) keep the real clock.
    """
    zone = zoneinfo.ZoneInfo(django_settings.TIME_ZONE)
    noon = datetime.datetime.combine(datetime.datetime.now(zone).date(), datetime.time(12))
    session.config.stash[_CLOCK] = clock = time_machine.travel(noon.replace(tzinfo=zone))
    clock.start()


def pytest_sessionfinish(session):
    if clock := session.config.stash.get(_CLOCK, None):
        clock.stop()


_CLOCK = pytest.StashKey[time_machine.travel]()


@pytest.fixture(scope="session")
def django_db_use_migrations() -> bool:
    """The test database is made from the models (as `--no-migrations` does), then given the
    data the migrations load (`django_db_setup` below): migrating takes 8-10 s of model-state
    rendering, the tables 1 s. The migrations themselves still run: `migrated_sqlite_file`,
    the backup tests (SQLite and PostgreSQL), CI's smoke test, and `makemigrations --check`
    holds the models and the migrations to the same schema."""
    return False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with the rows the data migrations write."""
    with django_db_blocker.unblock():
        load_migrations_data()


def load_migrations_data() -> None:
    """What the data migrations write into an empty database: the reference data (police
    regions, counties, municipalities with their organisation names) and the base themes.
    (The role groups and permissions come from post_migrate, sent after the tables too.)"""
    from django.apps import apps

    from municipalities.models import County, Municipality, PoliceRegion
    from municipalities.refdata import load_reference_data

    load_reference_data(PoliceRegion, County, Municipality)
    import_module("promises.migrations.0002_themes").create_themes(apps, None)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """The test settings, with an empty cache, for each test."""
    for name, value in settings_for_tests().items():
        setattr(settings, name, value)
    # One process-local cache per test: public pages and rate-limit counts start empty.
    caches["default"].clear()
    caches["limits"].clear()
    # Built open data files go to the test's own folder, not the project's media/.
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # The test client leaves a request's language active in the thread; start each test in
    # the default language whatever the previous test requested.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def people(db) -> People:
    """The named staff users of Vetlanda, and of Tranås as the other municipality.

    Vetlanda's coordinator, approver and officer exist from the start, as in a test whose
    users were made before its other data; the others are made when the test first names them.
    """
    return People().made("coordinator", "approver", "officer")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """In each stretch of one module's tests, those using `module_data` run last.

    The data stay in the database from the first test using them to the module's end, so a
    test of the module that does not use them must run before. (pytest-django's ordering by
    kind of database use, done first, is kept: only tests next to each other move.)

    With `TESTS_WITHOUT_DATABASE=k/n` (CI's runs on SQLite and PostgreSQL), the tests that use
    no database run in one of the n runs only (`_share_without_database`).
    """
    share = os.environ.get("TESTS_WITHOUT_DATABASE", "")
    if share:
        kept, left = _share_without_database(items, share)
        if left:
            config.hook.pytest_deselected(items=left)
            items[:] = kept
    start = 0
    for end in range(1, len(items) + 1):
        if end == len(items) or items[end].path != items[start].path:
            items[start:end] = sorted(items[start:end], key=_uses_module_data)
            start = end
    for item in items:
        names = getattr(item, "fixturenames", ())
        if _uses_module_data(item) and {"transactional_db", "live_server"} & set(names):
            raise pytest.UsageError(f"{item.nodeid}: module_data needs non-transactional tests")


def _uses_module_data(item) -> bool:
    return "module_data" in getattr(item, "fixturenames", ())


# A test asking for any of these (itself or through its fixtures) may use the database.
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "django_db_setup",
        "live_server",
    }
)
# A module naming one of these may act on which database the run has (a server or a script
# started with the run's DATABASE_URL, a branch on the vendor, the database unblocked by hand):
# it runs in every run.
NAMES_THE_DATABASE = ("DATABASE_URL", "postgres", "vendor", "connection", "django_db_blocker")


def uses_database(item) -> bool:
    """Whether the test may use the run's database. pytest-django refuses a query from a test
    that asked for no database (neither the mark nor a fixture), so one that did not ask gives
    the same result whichever database the run has."""
    if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames):
        return True
    return _names_the_database(item.path)


@functools.cache
def _names_the_database(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return any(name in text for name in NAMES_THE_DATABASE)


def _share_without_database(items: list, share: str) -> tuple[list, list]:
    """The tests of run k of n (`share` "k/n"): every test using the database, and the k-th
    of n parts of those using none, split by a stable hash of their ids; "a-b/n" takes parts a
    to b. CI runs the suite on SQLite and on PostgreSQL side by side on two cores: a test that
    uses no database (the text import's parser, most of it) gives the same answer in both, and
    runs once."""
    try:
        parts, n = share.split("/")
        first, dash, last = parts.partition("-")
        first, last, n = int(first), int(last if dash else first), int(n)
    except ValueError:
        raise pytest.UsageError(f"TESTS_WITHOUT_DATABASE={share!r}: give k/n, as 1/2") from None
    if not 1 <= first <= last <= n:
        raise pytest.UsageError(f"TESTS_WITHOUT_DATABASE={share!r}: parts from 1 to n")
    kept, left = [], []
    for item in items:
        part = zlib.crc32(item.nodeid.encode()) % n + 1
        mine = uses_database(item) or first <= part <= last
        (kept if mine else left).append(item)
    return kept, left


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """Make data once for a module's tests: `with module_data(): ...` builds in the database.

    What is made stays in a transaction that is open for the rest of the module (its tests
    that do not use it run first, see above) and rolled back at its end. Each test runs in a
    savepoint inside it (pytest-django's `db`), so what a test writes is undone before the
    next one: every test sees the data as made, and nothing else. Only for tests using `db`
    (not `transactional_db` or `live_server`, which commit and flush). A fixture handing the
    data to tests should hand out copies (`copy.deepcopy`), so that a test changing an object
    in memory does not change it for the next test.
    """
    media = tmp_path_factory.mktemp("media")
    overrides = override_settings(**settings_for_tests(), MEDIA_ROOT=str(media))
    overrides.enable()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        # As Django's TestCase marks its own: app code may still open a durable block inside.
        atomic._from_testcase = True
        atomic.__enter__()
    try:
        yield django_db_blocker.unblock
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        overrides.disable()


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory):
    """A SQLite file migrated by `manage.py migrate` in a subprocess, for tests that start
    servers or scripts of their own: copy it (instant) rather than migrate again (10 s)."""
    path = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{path}",
        "SECRET_KEY": "migrated-sqlite-file",
        "DEBUG": "",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return path
