"""The deployment files in deploy/: the systemd unit starts what the README documents, and the
app's database role reads and writes rows but can change no table (PostgreSQL)."""

import configparser
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from config.settings import default_cache_dir

DEPLOY = Path(settings.BASE_DIR) / "deploy"


def _unit() -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # systemd's keys are case-sensitive
    unit.read(DEPLOY / "medborgarloften.service", encoding="utf-8")
    return unit


def test_the_service_runs_gunicorn_with_the_projects_configuration_and_reloads_gracefully():
    service = _unit()["Service"]
    home = Path(service["WorkingDirectory"])
    start = service["ExecStart"].split()
    assert start[0] == str(home / ".venv/bin/gunicorn")
    assert start[1:] == ["config.wsgi", "-c", "config/gunicorn.conf.py"]
    assert (Path(settings.BASE_DIR) / start[3]).is_file()
    assert service["EnvironmentFile"] == str(home / "production.env")
    # A reload is gunicorn's graceful restart (HUP to the master), as the README's upgrade says.
    assert service["ExecReload"] == "/bin/kill -HUP $MAINPID"
    assert service["Environment"] == "GUNICORN_PIDFILE=/run/medborgarloften/gunicorn.pid"
    # Read-only but for where the portal writes: MEDIA_ROOT's and the file cache's defaults.
    assert service["ProtectSystem"] == "strict"
    assert service["ReadWritePaths"].split() == [str(home / "media"), str(home / ".cache")]
    assert default_cache_dir(settings.DATABASES["default"], home).parent == home / ".cache"
    assert service["NoNewPrivileges"] == "true"
    assert service["User"] != "root"


def _as(role: str):
    database = settings.DATABASES["default"]
    return psycopg.connect(
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        dbname=connection.settings_dict["NAME"],
        user=role,
        autocommit=True,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL role")
@pytest.mark.skipif(shutil.which("psql") is None, reason="psql runs the file")
def test_the_app_role_reads_and_writes_rows_and_changes_no_table():
    role = f"portal_app_{uuid.uuid4().hex[:10]}"
    owner = settings.DATABASES["default"]["USER"] or "postgres"
    later = f"later_{role}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        database = settings.DATABASES["default"]
        subprocess.run(
            [
                "psql",
                "-X",
                "-q",
                "-h",
                database["HOST"] or "127.0.0.1",
                "-p",
                str(database["PORT"] or 5432),
                "-U",
                owner,
                "-d",
                connection.settings_dict["NAME"],
                "-v",
                f"app_role={role}",
                "-f",
                str(DEPLOY / "app-role.sql"),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PGCONNECT_TIMEOUT": "10"},
        )
        # A table a later migration creates (as the owner) is the app's to use too.
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE TABLE "{later}" (id integer)')
        with _as(role) as app:
            app.execute("SELECT count(*) FROM municipalities_municipality").fetchone()
            # Rows in a table with an identity column, written and taken back.
            name = f"g-{role}"
            app.execute("INSERT INTO auth_group (name) VALUES (%s)", [name])
            app.execute("UPDATE auth_group SET name = name WHERE name = %s", [name])
            app.execute("DELETE FROM auth_group WHERE name = %s", [name])
            app.execute(f'INSERT INTO "{later}" VALUES (1)')
            for statement in (
                "CREATE TABLE portal_app_made (id integer)",
                "DROP TABLE django_session",
                "ALTER TABLE django_session ADD COLUMN x integer",
                "TRUNCATE django_session",
                "CREATE INDEX portal_app_index ON django_session (expire_date)",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    app.execute(statement)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP TABLE IF EXISTS "{later}"')
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')
