"""Shared pytest configuration: settings for tests and small data factories."""

import pytest
from django.core.cache import caches
from django.utils import translation


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Serve static files without a collected manifest and hash passwords fast."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # One process-local cache per test: public pages and rate-limit counts start empty.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    caches["default"].clear()
    # Built open data files go to the test's own folder, not the project's media/.
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # The test client leaves a request's language active in the thread; start each test in
    # the default language whatever the previous test requested.
    translation.activate(settings.LANGUAGE_CODE)
