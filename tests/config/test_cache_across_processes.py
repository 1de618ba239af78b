"""Invalidation across processes: two gunicorn servers share one database and one cache; a log
posted through one is visible on the other's next request.

The servers cannot see pytest's test database (it lives in the test's transaction), so this test
migrates its own SQLite file, once for the module, and each test starts from a copy of it. It
runs with the shared cache the machine offers: Redis when one answers at 127.0.0.1:6379 (CI's
machine has it), and always the embedded file cache.
"""

import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="uses its own SQLite file whatever the database; run once, in the SQLite pass",
)

SETUP = """
import datetime, json
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from activities.models import Activity
from municipalities.models import Membership, Municipality, Role
from promises.models import PromisePeriod
today = timezone.localdate()
place = Municipality.objects.get(slug="tranas")
period = PromisePeriod.objects.create(
    municipality=place, slug="nu", start_date=today - datetime.timedelta(days=30),
    end_date=today + datetime.timedelta(days=300), state="signed",
    decision_date=today - datetime.timedelta(days=40), signed_date=today - datetime.timedelta(30),
)
activity = Activity.objects.create(
    period=period, title="Trafikkontroller", description="Polisen ska kontrollera.",
    responsible="police", target_comparator="at_least", target_value=15,
    target_unit="trafikkontroller", target_scope="period",
)
user = get_user_model().objects.create_user("polis", password="ett-långt-lösenord-för-test")
Membership.objects.create(user=user, role=Role.POLICE_OFFICER, municipality=place)
device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
print(json.dumps({"activity": activity.pk, "key": device.key}))
"""


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return result.stdout


def _wait(port: int) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/om/", timeout=30)
            return
        except OSError:  # refused until the server listens
            time.sleep(0.1)
    raise AssertionError(f"server on {port} did not start")


class Browser:
    """Cookies and the CSRF token, enough to sign in and post a form."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.headers, response.read().decode()

    def post_form(self, path: str, fields: dict) -> str:
        _headers, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        request = urllib.request.Request(self.base + path, data=data)
        request.add_header("Referer", self.base + path)
        with self.opener.open(request, timeout=30) as response:
            return response.geturl()


def _done_text(page: str) -> str:
    return re.search(r"\d+ av minst 15 trafikkontroller", page).group(0)


def _env(tmp_path: Path, database: Path, static: Path, redis_url: str = "") -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "cache-test",
        "DEBUG": "",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "PUBLIC_CACHE_SECONDS": "600",
        "CACHE_DIR": str(tmp_path / "cache"),
        "STATIC_ROOT": str(static),
        "REDIS_URL": redis_url,
    }


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, migrated_sqlite_file):
    """A migrated database with the period, activity and officer of SETUP, and the collected
    static files: made once, copied by each test (a copy takes no time, a migration 10 s)."""
    folder = tmp_path_factory.mktemp("prepared")
    shutil.copyfile(migrated_sqlite_file, folder / "db.sqlite3")
    env = _env(folder, folder / "db.sqlite3", folder / "static")
    _manage(env, "collectstatic", "--noinput", "-v0")
    ids = json.loads(_manage(env, "shell", "-c", SETUP).strip().splitlines()[-1])
    return folder, ids


@pytest.mark.parametrize("cache", ["files", "redis"])
def test_a_log_posted_through_one_server_is_visible_on_the_other(cache, prepared, tmp_path):
    from django_otp.oath import TOTP

    if cache == "redis" and not _redis_answers():
        if os.environ.get("CI"):
            raise AssertionError("CI's machine runs Redis at 127.0.0.1:6379")
        pytest.skip("no Redis at 127.0.0.1:6379")
    folder, ids = prepared
    database = tmp_path / "db.sqlite3"
    shutil.copyfile(folder / "db.sqlite3", database)
    redis_url = "redis://127.0.0.1:6379/15" if cache == "redis" else ""
    env = _env(tmp_path, database, folder / "static", redis_url)
    if cache == "redis":
        _manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    ports = [_free_port(), _free_port()]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            _wait(port)
        writer, reader = (Browser(f"http://127.0.0.1:{port}") for port in ports)
        page = "/kommuner/tranas/nu/"
        reader.get(page)
        headers, html = reader.get(page)
        assert headers["X-Cache"] == "hit"
        assert _done_text(html) == "0 av minst 15 trafikkontroller"

        password = "ett-långt-lösenord-för-test"
        writer.post_form("/personal/logga-in/", {"username": "polis", "password": password})
        # The servers keep the machine's clock, not the tests' (conftest): their code and day.
        device = TOTP(bytes.fromhex(ids["key"]))
        device.time = time_machine.escape_hatch.time.time()
        code = f"{device.token():06d}"
        today = time_machine.escape_hatch.datetime.datetime.now(
            zoneinfo.ZoneInfo(settings.TIME_ZONE)
        ).date()
        writer.post_form("/personal/logga-in/kod/", {"token": code})
        landed = writer.post_form(
            "/personal/logga/",
            {
                "activity": ids["activity"],
                "date": today.isoformat(),
                "quantity": "3",
                "idempotency_key": "6f1c1a3e-0000-4000-8000-000000000001",
            },
        )
        assert "/personal/logga/" not in landed  # saved, and sent on

        headers, html = reader.get(page)
        assert headers["X-Cache"] == "miss"
        assert _done_text(html) == "3 av minst 15 trafikkontroller"
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
