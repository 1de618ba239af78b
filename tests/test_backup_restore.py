"""Backup and restore (scripts/backup.sh): a restored database holds what the backed-up one did.

Each test builds the demo data (`seed_demo`, with history and logs) in a database of its own,
backs it up with the script, restores it into a fresh database and compares both: the row count
of every table of the portal's apps (the Historical* tables included) and of the accounts
(users, groups, memberships, TOTP devices), who made each change, and every activity's
progress. The databases are the tests' own, whatever the suite's database; each test runs in
one pass of CI's two (SQLite, PostgreSQL), as each takes 30–40 s (subprocesses: migrate,
seed_demo, the script).
"""

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "backup.sh"
PROJECT_APPS = ("municipalities", "promises", "activities", "followups")

# Run by `manage.py shell` in a database: its figures as JSON. Counts every model (the
# auto-created many-to-many tables too) of the project apps, which hold the Historical*
# models, and of the accounts; progress is (done in all, status, done in the current span).
FIGURES = """
import datetime, json, os
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.db.models import Count
from django_otp.plugins.otp_totp.models import TOTPDevice
from activities.models import Activity

today = datetime.date.fromisoformat(os.environ["BACKUP_TEST_TODAY"])
accounts = {User, User.groups.through, Group, Group.permissions.through, TOTPDevice, LogEntry}
counts = {
    model._meta.label: model._base_manager.count()
    for model in apps.get_models(include_auto_created=True)
    if model._meta.app_label in os.environ["BACKUP_TEST_APPS"].split() or model in accounts
}
progress = {}
for activity in Activity.objects.with_progress_data().order_by("pk"):
    result = activity.progress(today)
    current = result.current.done if result.current else None
    progress[activity.pk] = [result.total_done, result.status, current]
users = {
    user.username: [user.password, sorted(user.groups.values_list("name", flat=True))]
    for user in User.objects.all()
}
devices = sorted(
    [device.user.username, device.name, device.key, device.confirmed]
    for device in TOTPDevice.objects.select_related("user")
)
# Who made the changes: history rows per user, of every history table.
history_users = {
    model._meta.label: sorted(
        [username or "", count]
        for username, count in model._base_manager.values_list("history_user__username")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for model in apps.get_models()
    if hasattr(model, "history_user")
}
figures = {"counts": counts, "progress": progress, "users": users, "devices": devices}
print(json.dumps({**figures, "history_users": history_users}))
"""

# What seed_demo leaves out: an authenticator app set up, and changes made by a signed-in user
# (seed_demo's history rows name nobody): a backup must keep both.
STAFF_TRACES = """
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
from activities.models import ActivityLog
user = User.objects.get(username="kommunpolis")
TOTPDevice.objects.create(user=user, name="phone")
logs = ActivityLog.history.order_by("history_id")[:50].values_list("history_id", flat=True)
ActivityLog.history.filter(history_id__in=list(logs)).update(history_user=user)
"""

# New rows after a restore: a history row and a device, past the restored ids.
WRITE = """
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
from promises.models import Promise
Promise.objects.order_by("pk").first().save()
TOTPDevice.objects.create(user=User.objects.get(username="kommunpolis"), name="tablet")
"""


def _env(database_url: str, tmp_path: Path, today: datetime.date) -> dict[str, str]:
    """Production-like settings (DEBUG off) for a subprocess on `database_url`, with a storage
    folder of its own (a restore on a new machine has none of the files)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "REDIS_URL", "PYTEST_VERSION"}
    }
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY="backup-restore-test",
        CACHE_DIR=str(tmp_path / "cache"),
        MEDIA_ROOT=str(tmp_path / f"media-{uuid.uuid4().hex[:8]}"),
        CONN_MAX_AGE="0",
        PYTHON=sys.executable,
        BACKUP_TEST_TODAY=today.isoformat(),
        BACKUP_TEST_APPS=" ".join(PROJECT_APPS),
    )
    return env


def _run(args: list[str], env: dict[str, str]) -> str:
    """Run a command in the project; its stdout, or a failure with everything it wrote."""
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _manage(env: dict[str, str], *args: str) -> str:
    return _run([sys.executable, "manage.py", *args], env)


def _figures(env: dict[str, str], before: str = "", after: str = "") -> dict:
    """The database's figures; `before` and `after` run in the same process (one start less)."""
    code = before + FIGURES + after
    return json.loads(_manage(env, "shell", "--no-imports", "--command", code))


def _seed_demo(env: dict[str, str], today: datetime.date) -> dict:
    """Seed the demo data with DEBUG off, add a TOTP device; the database's figures."""
    _manage(env, "seed_demo", "--force", "--today", today.isoformat())
    figures = _figures(env, before=STAFF_TRACES)
    # Data worth comparing: history, logs counted in progress, an account's second factor.
    counts = figures["counts"]
    assert counts["activities.HistoricalActivityLog"] > 0
    assert counts["promises.HistoricalPromise_themes"] > 0
    assert counts["activities.SpanTotal"] > 0
    assert any(done > 0 for done, _status, _current in figures["progress"].values())
    assert len(figures["devices"]) == 1
    assert ["kommunpolis", 50] in figures["history_users"]["activities.HistoricalActivityLog"]
    return figures


def _backup_and_restore(source_env: dict[str, str], target_env: dict[str, str], backup: Path):
    _run(["bash", str(SCRIPT), "backup", str(backup)], source_env)
    assert backup.stat().st_size > 0
    output = _run(["bash", str(SCRIPT), "restore", str(backup)], target_env)
    assert "Progress sums agree with the logs." in output
    # The signed originals and the reports' PDFs, in the target's own (empty) storage folder,
    # each as stored.
    stored = re.search(r"all (\d+) stored files in place and unchanged", output)
    assert stored and int(stored.group(1)) > 0, output


def _assert_same(restored: dict, original: dict) -> None:
    # Compared piece by piece, so that a failure names what differs.
    assert restored["counts"] == original["counts"]
    assert restored["progress"] == original["progress"]
    assert restored["users"] == original["users"]
    assert restored["devices"] == original["devices"]
    assert restored["history_users"] == original["history_users"]


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the SQLite backup (dumpdata/loaddata) is tested in the SQLite pass of the suite",
)
def test_sqlite_portable_backup_restores_every_row_history_and_progress(
    tmp_path, migrated_sqlite_file
):
    today = timezone.localdate()
    shutil.copyfile(migrated_sqlite_file, tmp_path / "a.sqlite3")
    source = _env(f"sqlite:///{tmp_path / 'a.sqlite3'}", tmp_path, today)
    target = _env(f"sqlite:///{tmp_path / 'b.sqlite3'}", tmp_path, today)
    original = _seed_demo(source, today)
    backup = tmp_path / "backup.json.gz"

    _backup_and_restore(source, target, backup)

    assert backup.read_bytes()[:2] == b"\x1f\x8b"  # gzip
    _assert_same(_figures(target), original)


def _postgres_reachable(host: str, port: str) -> bool:
    tools = all(shutil.which(tool) for tool in ("pg_isready", "pg_dump", "pg_restore", "createdb"))
    return tools and subprocess.run(["pg_isready", "-h", host, "-p", port, "-q"]).returncode == 0


@pytest.fixture
def scratch_databases():
    """Create PostgreSQL databases on the suite's server by name; drop them afterwards."""
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", str(settings["PORT"] or 5432)
    if not _postgres_reachable(host, port):
        message = f"PostgreSQL at {host}:{port} (pg_isready, pg_dump, pg_restore) unavailable"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    user = settings["USER"] or "postgres"
    password = settings["PASSWORD"] or ""
    client = ["-h", host, "-p", port, "-U", user]
    client_env = {**os.environ, "PGPASSWORD": password} if password else None
    userinfo = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    suffix = f"{os.getpid()}_{uuid.uuid4().hex[:8]}"
    created = []

    def create(letter: str) -> str:
        name = f"backup_test_{letter}_{suffix}"
        subprocess.run(["createdb", *client, name], env=client_env, check=True)
        created.append(name)
        return f"postgres://{userinfo}@{host}:{port}/{name}"

    yield create
    for name in created:
        subprocess.run(["dropdb", *client, "--if-exists", "--force", name], env=client_env)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the PostgreSQL backup (pg_dump/pg_restore) is tested in the PostgreSQL pass",
)
def test_postgresql_backup_restores_every_row_history_and_progress(tmp_path, scratch_databases):
    today = timezone.localdate()
    source = _env(scratch_databases("a"), tmp_path, today)
    target = _env(scratch_databases("b"), tmp_path, today)  # created empty
    _manage(source, "migrate", "--noinput")
    original = _seed_demo(source, today)
    dump = tmp_path / "backup.dump"

    _backup_and_restore(source, target, dump)

    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    _assert_same(_figures(target), original)

    # The portable form (the one that moves data between SQLite and PostgreSQL) into the same
    # database, whose content it replaces; loaddata must set the sequences past the loaded ids.
    _backup_and_restore(source, target, tmp_path / "backup.json.gz")
    _assert_same(_figures(target, after=WRITE), original)
