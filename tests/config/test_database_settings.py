"""PostgreSQL connections prepare their frequent queries unless told not to."""

import importlib
import os
from unittest import mock

import config.settings


def _settings_with(**environ):
    with mock.patch.dict(os.environ, environ):
        try:
            return importlib.reload(config.settings)
        finally:
            importlib.reload(config.settings)


def test_postgresql_binds_on_the_server_by_default_and_can_be_told_not_to():
    url = "postgres://postgres@127.0.0.1:5432/x"
    on = _settings_with(DATABASE_URL=url, SECRET_KEY="x").DATABASES["default"]
    assert on["OPTIONS"]["server_side_binding"] is True
    off = _settings_with(DATABASE_URL=url, SECRET_KEY="x", DATABASE_SERVER_SIDE_BINDING="0")
    assert off.DATABASES["default"]["OPTIONS"]["server_side_binding"] is False


def test_sqlite_has_no_such_option():
    sqlite = _settings_with(DATABASE_URL="sqlite:///x.sqlite3", SECRET_KEY="x")
    assert "server_side_binding" not in sqlite.DATABASES["default"].get("OPTIONS", {})
