"""Settings read from the environment: bad values stop the start with the variable's name."""

import importlib
import os
import subprocess
import sys
import types
from pathlib import Path
from unittest import mock

import dj_database_url
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

import config.settings
from config.settings import cache_key_prefix, default_cache_dir
from municipalities.models import Municipality


def _settings_with(**environ):
    """config.settings as read with `environ` added; the module is read back afterwards."""
    try:
        with mock.patch.dict(os.environ, environ):
            read = importlib.reload(config.settings)
            return types.SimpleNamespace(**{k: v for k, v in vars(read).items() if k.isupper()})
    finally:
        importlib.reload(config.settings)


def test_postgresql_binds_on_the_server_by_default_and_can_be_told_not_to():
    url = "postgres://postgres@127.0.0.1:5432/x"
    on = _settings_with(DATABASE_URL=url, SECRET_KEY="x").DATABASES["default"]
    assert on["OPTIONS"]["server_side_binding"] is True
    assert on["OPTIONS"]["prepare_threshold"] == 5
    off = _settings_with(DATABASE_URL=url, SECRET_KEY="x", DATABASE_SERVER_SIDE_BINDING="0")
    assert off.DATABASES["default"]["OPTIONS"]["server_side_binding"] is False
    assert off.DATABASES["default"]["OPTIONS"]["prepare_threshold"] is None


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_a_postgresql_connection_prepares_a_query_it_runs_often():
    """Django leaves psycopg's preparing off unless asked; a query run more often than the
    threshold must then be one of the connection's prepared statements."""
    for _ in range(6):
        list(Municipality.objects.filter(slug="ale").values_list("name", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any(Municipality._meta.db_table in sql and '"slug" = $1' in sql for sql in prepared)


def test_sqlite_has_no_such_option():
    sqlite = _settings_with(DATABASE_URL="sqlite:///x.sqlite3", SECRET_KEY="x")
    assert "server_side_binding" not in sqlite.DATABASES["default"].get("OPTIONS", {})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CONN_MAX_AGE", "sixty"),
        ("PUBLIC_CACHE_SECONDS", "-1"),
        ("AXES_FAILURE_LIMIT", "0"),
        ("PASSWORD_RESET_LIMIT_MINUTES", "1.5"),
        ("REQUEST_BODY_MAX_BYTES", "2 MB"),
        ("SECURE_COOKIES", "maybe"),
        ("DATABASE_SERVER_SIDE_BINDING", "ja"),
        ("ACCESSIBILITY_ASSESSED_ON", "21/11/2026"),
        ("SECURITY_CONTACT", "sakerhet@kommun.example.se"),
    ],
)
def test_a_bad_value_names_its_variable(name, value):
    url = "postgres://postgres@127.0.0.1:5432/x"
    with pytest.raises(ImproperlyConfigured, match=name):
        _settings_with(DATABASE_URL=url, SECRET_KEY="x", **{name: value})


def test_good_values_are_read():
    read = _settings_with(
        SECRET_KEY="x",
        AXES_FAILURE_LIMIT=" 7 ",
        SECURE_HSTS_PRELOAD="Yes",
        CONN_MAX_AGE="0",
        SECURITY_CONTACT="mailto:sakerhet@kommun.example.se, tel:+46-10-1234567",
    )
    assert read.SECURITY_CONTACT == ["mailto:sakerhet@kommun.example.se", "tel:+46-10-1234567"]
    assert read.AXES_FAILURE_LIMIT == 7
    assert read.SECURE_HSTS_PRELOAD is True
    assert read.DATABASES["default"]["CONN_MAX_AGE"] == 0


def _cache_location(database_url: str, **environ: str) -> str:
    """The default cache's folder, read with DEBUG on and neither REDIS_URL nor CACHE_DIR set
    (unless given)."""
    environ = {"REDIS_URL": "", "CACHE_DIR": "", **environ}
    read = _settings_with(DATABASE_URL=database_url, DEBUG="1", SECRET_KEY="x", **environ)
    cache = read.CACHES["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    return cache["LOCATION"]


def test_servers_on_different_databases_never_share_the_default_file_cache():
    base = settings.BASE_DIR / ".cache"
    locations = {
        url: _cache_location(url)
        for url in (
            f"sqlite:///{settings.BASE_DIR / 'db.sqlite3'}",
            "sqlite:////tmp/other/db.sqlite3",
            "postgres://postgres@127.0.0.1:5432/medborgarloften",
            "postgres://postgres@127.0.0.1:5432/medborgarloften_copy",
            "postgres://postgres@127.0.0.1:5433/medborgarloften",
            "postgres://postgres@db.example:5432/medborgarloften",
        )
    }
    assert len(set(locations.values())) == len(locations)
    for location in locations.values():
        assert Path(location).parent == base
    # Named for the database, so an operator knows which folder is whose.
    pg = locations["postgres://postgres@127.0.0.1:5432/medborgarloften_copy"]
    assert Path(pg).name.startswith("postgresql-medborgarloften_copy-")
    assert Path(locations[f"sqlite:///{settings.BASE_DIR / 'db.sqlite3'}"]).name.startswith(
        "sqlite3-db-"
    )


def test_servers_on_the_same_database_share_the_default_file_cache():
    url = "postgres://postgres@127.0.0.1:5432/medborgarloften"
    # Another user of the same database, or the same settings read again: the same folder.
    assert _cache_location(url) == _cache_location(url)
    assert _cache_location(url) == _cache_location(
        "postgres://other:pw@127.0.0.1:5432/medborgarloften"
    )


def test_a_sqlite_file_is_known_by_its_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    relative = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}
    absolute = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db.sqlite3")}
    elsewhere = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "x/db.sqlite3")}
    base = Path("/srv/portal")
    assert default_cache_dir(relative, base) == default_cache_dir(absolute, base)
    assert default_cache_dir(absolute, base) != default_cache_dir(elsewhere, base)
    assert default_cache_dir(absolute, base).parent == base / ".cache"
    memory = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    assert default_cache_dir(memory, base).parent == base / ".cache"


def test_cache_dir_and_redis_url_still_win():
    url = "postgres://postgres@127.0.0.1:5432/medborgarloften"
    assert _cache_location(url, CACHE_DIR="/var/cache/portal") == "/var/cache/portal"
    read = _settings_with(DATABASE_URL=url, SECRET_KEY="x", REDIS_URL="redis://127.0.0.1:6379/0")
    assert read.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/0"


def _manage_without_secret_key(*args: str) -> subprocess.CompletedProcess:
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in {"SECRET_KEY", "DEBUG", "PYTEST_VERSION", "DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_migrations_check_runs_without_a_secret_key_and_other_commands_refuse():
    schema = _manage_without_secret_key("makemigrations", "--check", "--dry-run")
    assert schema.returncode == 0, schema.stderr
    assert "No changes detected" in schema.stdout
    other = _manage_without_secret_key("check")
    assert other.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in other.stderr


def test_instances_on_other_databases_sharing_a_redis_keep_apart_its_hosts_do_not():
    """A restore tried in a scratch database with the production Redis must neither serve the
    live pages nor make them stale; the hosts of one instance share every key, whatever
    address they reach the database server at."""

    def prefix(url: str) -> str:
        return cache_key_prefix(dj_database_url.parse(url))

    live = prefix("postgres://portal@10.0.0.5:5432/medborgarloften")
    assert live == prefix("postgres://portal:pw@db.kommun.local:6432/medborgarloften")
    assert live != prefix("postgres://portal@10.0.0.5:5432/scratch")
    one, two = prefix("sqlite:////srv/a/db.sqlite3"), prefix("sqlite:////srv/b/db.sqlite3")
    assert one != two and one.startswith("sqlite3-db-")


def test_the_file_backends_folder_is_read_from_the_environment(tmp_path):
    """A staging server writes its e-mails to files: the folder is an environment variable too."""
    read = _settings_with(
        SECRET_KEY="x",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    assert read.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    assert str(tmp_path / "mail") == read.EMAIL_FILE_PATH
