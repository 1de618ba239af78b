"""Shared pytest configuration: settings for tests and small data factories."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _test_settings(settings):
    """Serve static files without a collected manifest and hash passwords fast."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The test client leaves a request's language active in the thread; start each test in
    # the default language whatever the previous test requested.
    translation.activate(settings.LANGUAGE_CODE)
