"""Shared pytest configuration: settings for tests and small data factories."""

import os

# Settings demand a secret key when DEBUG is off, as in production; tests run with DEBUG off.
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _test_settings(settings):
    """Serve static files without a collected manifest and hash passwords fast."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
