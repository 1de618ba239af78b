"""National benchmark: the production setup under gunicorn, on PostgreSQL with 1,000,000 logs.

    .venv/bin/python scripts/bench_national.py [--database-url URL] [--seconds 5]
        [--write-seconds 10] [--logs N] [--scale S] [--redis-url URL] [--no-analyze]

1. Uses the PostgreSQL database of --database-url; when it does not exist, creates it
   (createdb), migrates it and fills it with `generate_national_data` (--logs, --scale), which
   takes about a minute. A fresh dataset, or one whose tables PostgreSQL has no planner statistics
   for (a server without autovacuum), gets VACUUM (ANALYZE), as autovacuum would give it in
   production after a bulk load (statistics, and the visibility map index-only scans need),
   unless --no-analyze. `check_progress` must agree with the logs.
2. Starts gunicorn with config/gunicorn.conf.py (2 sync workers, DEBUG off) on a free loopback
   port, twice: with the public page cache in Redis (--redis-url, flushed first) and with it
   off (PUBLIC_CACHE_SECONDS=0).
3. Runs wrk (`-t2 -c8 --latency`) on every public page type, each between two runs on the
   project's static CSS file through the same gunicorn, and prints requests/s, p50, p99 and the
   ratios to the static file (the mean of the two runs around the page). Only the ratios are
   comparable across machines.
4. Times single requests on the uncached server (median of 3): the activity list filtered by
   each progress status, every national export (first request, which builds the file, and the
   kept file; the body must be as long as its Content-Length), the officer's and the admin's
   start pages (signed in with password and TOTP code).
5. Write path: 4 signed-in officers post logs concurrently for --write-seconds; prints logs/s
   and latency, then checks in the database that every acknowledged post is stored exactly once
   and nothing else was stored.
6. Cached pages while the officers log (after step 3's cached run): wrk on a municipality none
   of them logs in, on one they log in, and on the start page, each while the 4 officers post
   logs for --seconds; a write makes stale only its municipality's and the national pages.

It creates staff users bench-* (password and TOTP device renewed every run) in the database,
and removes the logs an earlier run's writers posted (their sums rebuilt).
Needs PostgreSQL, Redis and wrk (installed with apt-get when missing). About 9 minutes with the
dataset in place at the defaults.
"""

import argparse
import datetime
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = "/static/css/site.css"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/national_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
PROGRESS_STATUSES = ("done", "on_track", "behind", "not_started", "achieved", "not_achieved")
EXPORT_FORMS = (".csv", "-excel.csv", ".json")
WRITE_CLIENTS = 4
JSON_MARK = "BENCH_JSON "
CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')

# Run in `manage.py shell -c`: the dataset's size, the pages to measure, the staff users.
SETUP_CODE = r"""
import json, os
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from activities import rollup
from activities.models import Activity, ActivityLog, Responsible
from followups.opendata import DATASETS
from django.db.models import Count
from municipalities.models import County, Membership, Municipality, Role
from promises.models import IN_FORCE_STATES, PUBLISHED_STATES, PromisePeriod

args = json.loads(os.environ["BENCH_ARGS"])
today = timezone.localdate()
User = get_user_model()
# What earlier runs' writers logged goes, with its history rows and the sums it moved: a run's
# writers were asked the joint-activity question about another run's logs of the same day, and
# the dataset grew by a thousand logs a run.
earlier = ActivityLog.objects.filter(reported_by__username__startswith="bench-writer-")
touched = sorted(set(earlier.values_list("activity_id", flat=True)))
removed = 0
if touched:
    with transaction.atomic():
        ActivityLog.history.filter(id__in=earlier.values("pk")).delete()
        removed = earlier.delete()[1].get("activities.ActivityLog", 0)
        rollup.rebuild(Activity.objects.filter(pk__in=touched))
published = PromisePeriod.objects.filter(state__in=PUBLISHED_STATES)
out = {
    "removed": [removed, len(touched)],
    "today": today.isoformat(),
    "municipalities": Municipality.objects.count(),
    "covered": published.values("municipality").distinct().count(),
    "periods": PromisePeriod.objects.count(),
    "published": published.count(),
    "activities": Activity.objects.count(),
    "logs": ActivityLog.objects.count(),
    "datasets": [dataset.slug for dataset in DATASETS if dataset.national],
    "county_datasets": [dataset.slug for dataset in DATASETS if dataset.per_county],
}
log_t, act_t = ActivityLog._meta.db_table, Activity._meta.db_table
per_t, mun_t = PromisePeriod._meta.db_table, Municipality._meta.db_table
states = ", ".join(f"'{state}'" for state in PUBLISHED_STATES)
with connection.cursor() as cursor:
    cursor.execute(
        f"SELECT m.slug, p.slug, p.state, COUNT(*) AS n FROM {log_t} l "
        f"JOIN {act_t} a ON a.id = l.activity_id JOIN {per_t} p ON p.id = a.period_id "
        f"JOIN {mun_t} m ON m.id = p.municipality_id WHERE p.state IN ({states}) "
        "GROUP BY m.slug, p.slug, p.state ORDER BY n DESC, m.slug, p.slug"
    )
    periods = cursor.fetchall()
    cursor.execute(
        f"SELECT m.id, m.slug, COUNT(*) AS n FROM {log_t} l "
        f"JOIN {act_t} a ON a.id = l.activity_id JOIN {per_t} p ON p.id = a.period_id "
        f"JOIN {mun_t} m ON m.id = p.municipality_id "
        "GROUP BY m.id, m.slug ORDER BY n DESC, m.slug LIMIT 1"
    )
    top_id, top_slug, top_logs = cursor.fetchone()
out["largest_period"] = list(periods[0])
out["signed_period"] = next(list(row) for row in periods if row[2] == "signed")
out["top_municipality"] = [top_slug, top_logs]
county = County.objects.annotate(n=Count("municipalities")).order_by("-n", "code").first()
out["largest_county"] = [county.slug, county.n]
# The county with the most logs: the largest county file of the logs.
county_logs = ActivityLog.objects.values("activity__period__municipality__county")
county_logs = county_logs.annotate(n=Count("pk")).order_by("-n").first()
county = County.objects.get(pk=county_logs["activity__period__municipality__county"])
out["most_logs_county"] = [county.slug, county_logs["n"]]


def staff(username, municipality=None, superuser=False):
    user, _ = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@bench.invalid"}
    )
    password = args["password"]
    user.set_password(password)
    user.is_active = True
    user.is_staff = user.is_superuser = superuser
    user.save()
    Membership.objects.filter(user=user).exclude(municipality=municipality).delete()
    if municipality is not None:
        Membership.objects.get_or_create(
            user=user, role=Role.POLICE_OFFICER, municipality=municipality
        )
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    return user, {"username": username, "password": password, "key": device.key}


def loggable_today(user):
    # As the log form offers them (activities.staff_views.log_create): not a cancelled one, nor
    # one a revision added from a later day (posts of those were refused as invalid choices).
    return list(
        Activity.objects.loggable_by(user)
        .open_for_logs()
        .started(today)
        .filter(period__start_date__lte=today, period__end_date__gte=today)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


out["officer"] = staff("bench-officer", Municipality.objects.get(pk=top_id))[1]
out["admin"] = staff("bench-admin", superuser=True)[1]
in_force = (
    PromisePeriod.objects.filter(
        state__in=IN_FORCE_STATES,
        start_date__lte=today,
        end_date__gte=today,
        activities__responsible__in=[Responsible.POLICE, Responsible.JOINT],
    )
    .exclude(municipality_id=top_id)
    .order_by("municipality__name")
    .values_list("municipality_id", flat=True)
    .distinct()
)
writers, seen = [], set()
for municipality_id in in_force:
    if len(writers) == args["writers"]:
        break
    if municipality_id in seen:
        continue
    seen.add(municipality_id)
    municipality = Municipality.objects.get(pk=municipality_id)
    user, info = staff(f"bench-writer-{len(writers) + 1}", municipality)
    info["activities"] = loggable_today(user)
    info["municipality"] = municipality.slug
    if info["activities"]:
        writers.append(info)
out["writers"] = writers
print("BENCH_JSON " + json.dumps(out))
"""

# Run in `manage.py shell -c` after the write path: what was stored for the posted keys.
VERIFY_CODE = r"""
import json, os
from django.db.models import Count
from activities.models import ActivityLog

args = json.load(open(os.environ["BENCH_ARGS"]))
posts = args["posts"]
keys = [post["key"] for post in posts]
stored = {}
for start in range(0, len(keys), 5000):
    rows = ActivityLog.objects.filter(idempotency_key__in=keys[start : start + 5000]).values_list(
        "idempotency_key", "reported_by__username", "activity_id"
    )
    for key, username, activity_id in rows:
        stored.setdefault(str(key), []).append([username, activity_id])
others = (
    ActivityLog.objects.filter(
        reported_by__username__in=args["usernames"], created_at__gte=args["since"]
    )
    .exclude(idempotency_key__in=keys)
    .count()
)
print("BENCH_JSON " + json.dumps({"stored": stored, "others": others}))
"""


class Failure(Exception):
    """A step of the benchmark failed; the message says which."""


# -- Small helpers --------------------------------------------------------------------------------


def say(text: str = "") -> None:
    print(text, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command: list[str], env: dict, timeout: float, what: str) -> str:
    """Run a command to its end (bounded); its output, or Failure with the output's tail."""
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise Failure(f"{what}: no answer in {timeout:.0f} s") from None
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip()[-2000:]
        raise Failure(f"{what} failed (exit {done.returncode}):\n{tail}")
    return done.stdout


def manage(env: dict, *args: str, timeout: float = 600) -> str:
    return run([sys.executable, "manage.py", *args], env, timeout, f"manage.py {args[0]}")


def shell_json(env: dict, code: str, bench_args: str, timeout: float = 600) -> dict:
    """Run `code` in `manage.py shell -c`; the JSON object it prints after JSON_MARK."""
    output = manage({**env, "BENCH_ARGS": bench_args}, "shell", "-c", code, timeout=timeout)
    for line in output.splitlines():
        if line.startswith(JSON_MARK):
            return json.loads(line[len(JSON_MARK) :])
    raise Failure(f"manage.py shell printed no result:\n{output[-2000:]}")


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.1f}"


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def size_text(size: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return str(size)


# -- wrk ------------------------------------------------------------------------------------------

TIME_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
NUMBER = r"([\d.]+)\s*(us|ms|s|m|h)\b"


def ensure_wrk() -> str:
    found = shutil.which("wrk") or ("/usr/bin/wrk" if Path("/usr/bin/wrk").exists() else None)
    if found:
        return found
    say("wrk is missing: installing Debian's package wrk with apt-get")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [*sudo, "apt-get", "install", "-y", "-q", "wrk"]
    if subprocess.run(install, env=env, timeout=600, stdin=subprocess.DEVNULL).returncode != 0:
        subprocess.run([*sudo, "apt-get", "update", "-q"], env=env, timeout=600, check=True)
        subprocess.run(install, env=env, timeout=600, check=True)
    found = shutil.which("wrk")
    if not found:
        raise Failure("wrk could not be installed")
    return found


def parse_wrk(output: str) -> dict:
    """Requests/s, p50 and p99 (seconds), request and error counts from wrk's report."""

    def seconds(pattern: str) -> float | None:
        match = re.search(pattern + NUMBER, output, re.MULTILINE)
        return float(match.group(1)) * TIME_UNITS[match.group(2)] if match else None

    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    total = re.search(r"^\s*(\d+) requests in", output, re.MULTILINE)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(rate.group(1)) if rate else None,
        "p50": seconds(r"^\s+50(?:\.0+)?%\s+"),
        "p99": seconds(r"^\s+99(?:\.0+)?%\s+"),
        "requests": int(total.group(1)) if total else 0,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(n) for n in sockets.groups()) if sockets else 0,
    }


def wrk(binary: str, url: str, seconds: int) -> dict:
    command = [binary, "-t2", "-c8", f"-d{seconds}s", "--latency", "--timeout", "30s", url]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, stdin=subprocess.DEVNULL
    )
    result = parse_wrk(done.stdout)
    if done.returncode != 0 or result["rps"] is None:
        raise Failure(f"wrk on {url} failed:\n{done.stdout}{done.stderr}")
    return result


# -- HTTP clients ---------------------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """An HTTP client with its own cookies; `follow` decides whether redirects are followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self.following = urllib.request.build_opener(cookies)
        self.plain = urllib.request.build_opener(cookies, NoRedirect())

    def drop_cookie(self, name: str) -> None:
        """Forget the cookie `name`, as a browser does once a response deletes it."""
        for cookie in [c for c in self.jar if c.name == name]:
            self.jar.clear(cookie.domain, cookie.path, cookie.name)

    def request(
        self,
        path: str,
        data: dict | None = None,
        *,
        follow: bool = True,
        referer: str | None = None,
        timeout: float = 60,
    ) -> tuple[int, dict, bytes, str]:
        """Status, headers, body and final URL; an HTTP error status is returned, not raised."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Referer": referer or self.base + path}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = self.following if follow else self.plain
        try:
            with opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read(), response.url
        except urllib.error.HTTPError as error:
            with error:
                return error.code, error.headers, error.read(), error.url


def csrf_token(body: bytes, where: str) -> str:
    match = CSRF_RE.search(body)
    if not match:
        raise Failure(f"no csrfmiddlewaretoken in {where}")
    return match.group(1).decode()


def sign_in(base: str, user: dict) -> Client:
    """Password, then the TOTP code; a client whose session is verified."""
    from django_otp.oath import totp

    client = Client(base)
    login = "/personal/logga-in/"
    status, _, body, _ = client.request(login)
    if status != 200:
        raise Failure(f"GET {login}: {status}")
    fields = {
        "username": user["username"],
        "password": user["password"],
        "csrfmiddlewaretoken": csrf_token(body, login),
        "next": "/personal/",
    }
    status, _, body, url = client.request(login, fields)
    step = urllib.parse.urlsplit(url)
    if status != 200 or step.path != "/personal/logga-in/kod/":
        raise Failure(f"{user['username']}: the password step ended at {url} ({status})")
    fields = {
        "token": f"{totp(bytes.fromhex(user['key'])):06d}",
        "csrfmiddlewaretoken": csrf_token(body, step.path),
        "next": "/personal/",
    }
    status, _, _, url = client.request(f"{step.path}?{step.query}", fields, referer=url)
    if status != 200 or urllib.parse.urlsplit(url).path != "/personal/":
        raise Failure(f"{user['username']}: the code step ended at {url} ({status})")
    return client


# -- The server -----------------------------------------------------------------------------------


class Server:
    """gunicorn with the production configuration on a free loopback port."""

    def __init__(self, env: dict, label: str, workdir: Path, app: str = "config.wsgi") -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.label = label
        self.log_path = workdir / f"gunicorn-{label}.log"
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn)] if gunicorn.exists() else [sys.executable, "-m", "gunicorn"]
        command += [app, "-c", "config/gunicorn.conf.py"]
        command += ["--access-logfile", "/dev/null"]
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "2"}
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise Failure(f"gunicorn exited:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + STATIC, timeout=5) as response:
                    response.read()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise Failure(f"gunicorn did not answer in 60 s:\n{self.log_tail()}") from None
                time.sleep(0.2)

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def flush_redis(redis_url: str) -> None:
    if shutil.which("redis-cli"):
        run(["redis-cli", "-u", redis_url, "flushdb"], dict(os.environ), 60, "redis-cli flushdb")
        return
    code = "from django.core.cache import cache; cache.clear(); print('BENCH_JSON {}')"
    shell_json({**BASE_ENV, "REDIS_URL": redis_url}, code, "{}")


# -- The steps ------------------------------------------------------------------------------------

BASE_ENV: dict = {}


def configure(database_url: str, workdir: Path, log_level: str = "ERROR") -> None:
    """BASE_ENV: this environment with production settings on loopback, files under workdir."""
    BASE_ENV.update(os.environ)
    for name in ("DEBUG", "REDIS_URL", "PUBLIC_CACHE_SECONDS", "PUBLIC_CACHE_MAX_AGE"):
        BASE_ENV.pop(name, None)
    BASE_ENV.update(
        {
            "DATABASE_URL": database_url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "CACHE_DIR": str(workdir / "cache"),
            "LOG_LEVEL": log_level,
            "GUNICORN_LOG_LEVEL": log_level.lower(),
        }
    )


def database_exists(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    name = parts.path.lstrip("/")
    query = f"SELECT 1 FROM pg_database WHERE datname = '{name}'"
    output = run(["psql", maintenance, "-tAc", query], dict(os.environ), 60, "psql")
    return output.strip() == "1"


def create_database(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    command = ["createdb", "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    if parts.username:
        command += ["-U", urllib.parse.unquote(parts.username)]
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = urllib.parse.unquote(parts.password)
    run([*command, parts.path.lstrip("/")], env, 120, "createdb")


# The big tables: without planner statistics PostgreSQL guesses their sizes and picks bad plans.
STATS_TABLES = (
    "activities_activitylog",
    "activities_activity",
    "activities_spantotal",
    "promises_promiseperiod",
)


def psql(url: str, query: str) -> str:
    return run(["psql", url, "-tAc", query], dict(os.environ), 600, "psql").strip()


def never_analyzed(url: str) -> list[str]:
    """The big tables PostgreSQL has no statistics for (neither ANALYZE nor autovacuum ran)."""
    names = ", ".join(f"'{table}'" for table in STATS_TABLES)
    query = (
        f"SELECT relname FROM pg_stat_user_tables WHERE relname IN ({names}) "
        "AND last_analyze IS NULL AND last_autoanalyze IS NULL ORDER BY relname"
    )
    return psql(url, query).split()


def analyze(url: str) -> None:
    """What autovacuum gives tables in production soon after a bulk load: planner statistics,
    and the visibility map (without it an index-only scan reads the table too)."""
    started = time.monotonic()
    psql(url, "VACUUM (ANALYZE)")
    say(f"VACUUM (ANALYZE): statistics and visibility map ({time.monotonic() - started:.0f} s)")


def prepare_database(args: argparse.Namespace) -> list[str]:
    """Create, migrate and fill the database if needed; the problems found."""
    problems = []
    name = urllib.parse.urlsplit(args.database_url).path.lstrip("/")
    build = False
    if not database_exists(args.database_url):
        say(f"Creating the database {name} (createdb, migrate)…")
        create_database(args.database_url)
        manage(BASE_ENV, "migrate", "--noinput", timeout=900)
        build = True
    else:
        try:
            manage(BASE_ENV, "migrate", "--check", timeout=300)
        except Failure:
            say(f"The database {name} has unapplied migrations: migrating it…")
            manage(BASE_ENV, "migrate", "--noinput", timeout=900)
        code = (
            "from promises.models import PromisePeriod; "
            "print('BENCH_JSON', PromisePeriod.objects.count())"
        )
        build = shell_json(BASE_ENV, code, "{}") == 0
    if build:
        say(f"Building the national dataset in {name} (generate_national_data --logs {args.logs}")
        say(f"--scale {args.scale}; about a minute)…")
        started = time.monotonic()
        output = manage(
            BASE_ENV,
            "generate_national_data",
            "--logs",
            str(args.logs),
            "--scale",
            str(args.scale),
            timeout=3600,
        )
        say(output.rstrip())
        say(f"  built in {time.monotonic() - started:.0f} s")
    autovacuum = psql(args.database_url, "SHOW autovacuum")
    missing = never_analyzed(args.database_url)
    say(
        f"PostgreSQL: autovacuum {autovacuum}; tables never analyzed: "
        f"{', '.join(missing) or 'none'}"
    )
    if build or (missing and not args.no_analyze):
        analyze(args.database_url)
    elif missing:
        problems.append(
            f"no planner statistics for {', '.join(missing)} (--no-analyze): the figures are "
            "those of a database autovacuum has never analyzed"
        )
    started = time.monotonic()
    output = manage(BASE_ENV, "check_progress", timeout=900).strip()
    say(f"check_progress: {output} ({time.monotonic() - started:.0f} s)")
    return problems


def page_list(info: dict) -> list[tuple[str, str]]:
    top = info["top_municipality"][0]
    slug, period = info["largest_period"][:2]
    signed_slug, signed_period = info["signed_period"][:2]
    return [
        ("start", "/"),
        ("municipality list", "/kommuner/"),
        ("municipality", f"/kommuner/{top}/"),
        ("largest county", f"/lan/{info['largest_county'][0]}/"),
        ("largest period", f"/kommuner/{slug}/{period}/"),
        ("promises", "/loften/"),
        ("promises, filtered", "/loften/?q=trygg&lan=06"),
        ("activities, page 1", "/aktiviteter/"),
        ("activities, page 50", "/aktiviteter/?page=50"),
        ("feed", "/flode/"),
        ("export JSON", "/oppna-data/aktiviteter.json"),
        ("export CSV", "/oppna-data/aktiviteter.csv"),
        ("signing PDF", f"/kommuner/{signed_slug}/{signed_period}/medborgarloftet.pdf"),
        # Reference: a page without a query (the frame and one paragraph), the least any
        # rendered page costs through the same middleware.
        ("about (no query)", "/om/"),
    ]


def fetch(base: str, path: str, timeout: float = 120) -> tuple[int, float, int, dict]:
    """Status, seconds, body size and headers of one anonymous GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=timeout) as response:
            body = response.read()
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as error:
        with error:
            body, status, headers = error.read(), error.code, error.headers
    return status, time.perf_counter() - started, len(body), headers


def measure_pages(server: Server, pages: list, wrk_bin: str, seconds: int, cached: bool) -> list:
    """Warm each page, then wrk on static, page, static; one row per page."""
    rows = []
    for label, path in pages:
        status, took, size, headers = fetch(server.base, path)
        cache_state = "-"
        if cached:  # a second request shows whether the page is served from the cache
            status, _, size, headers = fetch(server.base, path)
            cache_state = headers.get("X-Cache") or "-"
        if status != 200:
            say(f"  ! {path} answered {status}")
        before = wrk(wrk_bin, server.base + STATIC, seconds)
        page = wrk(wrk_bin, server.base + path, seconds)
        after = wrk(wrk_bin, server.base + STATIC, seconds)
        static_rps = (before["rps"] + after["rps"]) / 2
        static_p50 = (before["p50"] + after["p50"]) / 2
        row = {
            "label": label,
            "path": path,
            "status": status,
            "size": size,
            "cache": cache_state,
            "page": page,
            "static": [before, after],
            "static_rps": static_rps,
            "static_p50": static_p50,
            "x_rps": static_rps / page["rps"] if page["rps"] else None,
            "x_p50": page["p50"] / static_p50 if page["p50"] and static_p50 else None,
        }
        rows.append(row)
        say(
            f"  {label:22} {page['rps']:8.1f} req/s  p50 {ms(page['p50']):>8} ms  "
            f"static {static_rps:7.1f} req/s"
        )
    return rows


def print_table(title: str, rows: list, cached: bool) -> None:
    say()
    say(title)
    head = (
        f"{'page':22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'×static':>8} {'×p50':>7} "
        f"{'static/s':>9} {'errors':>6} {'size':>9}"
    )
    if cached:
        head += f" {'cache':>5}"
    say(head + "  url")
    for row in rows:
        page = row["page"]
        errors = page["non2xx"] + page["socket_errors"]
        line = (
            f"{row['label']:22} {page['rps']:8.1f} {ms(page['p50']):>8} {ms(page['p99']):>8} "
            f"{row['x_rps']:8.1f} {row['x_p50']:7.1f} {row['static_rps']:9.1f} {errors:6d} "
            f"{size_text(row['size']):>9}"
        )
        if cached:
            line += f" {row['cache']:>5}"
        say(line + f"  {row['path']}")
    say(
        "×static: static file's requests/s ÷ the page's (mean of the static runs just before and "
        "after); ×p50: the page's p50 ÷ the static file's."
    )


def pages_during_writes(server: Server, pages: list, wrk_bin: str, seconds: int) -> None:
    """wrk on the static file, then on each cached page, while the officers post logs: the
    ratio shows how much of the cache the writes leave (both runs share the cores with them)."""
    clients = writer_clients(server.base, INFO["writers"])
    for label, path in pages:
        fetch(server.base, path)
        writes: dict = {}

        def post_logs(into: dict = writes) -> None:
            into.update(write_path(server.base, clients, 2 * seconds + 1))

        writer = threading.Thread(target=post_logs, daemon=True)
        writer.start()
        static = wrk(wrk_bin, server.base + STATIC, seconds)
        page = wrk(wrk_bin, server.base + path, seconds)
        writer.join(timeout=seconds + 120)
        logged = sum(1 for post in writes.get("posts", []) if post.get("acknowledged"))
        rate = logged / writes["elapsed"] if writes.get("elapsed") else 0.0
        ratio = page["rps"] / static["rps"] if static["rps"] else 0.0
        say(
            f"  {label:31} {page['rps']:7.1f} req/s  p50 {ms(page['p50']):>6} ms  "
            f"{ratio:5.2f} × static ({static['rps']:.0f}/s)  {rate:3.0f} logs/s  {path}"
        )


def single_timings(base: str, paths: list[str], client: Client | None = None) -> list:
    """Median of 3 requests of each path (after none: they are measured as they come)."""
    rows = []
    for path in paths:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            if client is None:
                status, _, size, _ = fetch(base, path)
            else:
                status, _, body, _ = client.request(path, follow=False)
                size = len(body)
            runs.append((time.perf_counter() - started, status, size))
        seconds, status, size = sorted(runs)[1]
        statuses = {run[1] for run in runs}
        rows.append((path, seconds, statuses, size))
        mark = "" if seconds < 1 else "  > 1 s"
        shown = ",".join(str(s) for s in sorted(statuses))
        say(f"  {path:48} {ms(seconds):>9} ms  {shown:>3}  {size_text(size):>9}{mark}")
    return rows


def download(base: str, path: str) -> tuple[float, int, int | None, int]:
    """Seconds, body length, Content-Length and status of one whole download."""
    started = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=600) as response:
        body = response.read()
        length = response.headers.get("Content-Length")
        status = response.status
    return time.perf_counter() - started, len(body), int(length) if length else None, status


def export_paths(info: dict) -> list[str]:
    """Every national file, and the files offered per county of the county with the most
    logs (`/lan/<county>/oppna-data/<dataset>`), without their forms' endings."""
    county = info["most_logs_county"][0]
    return [f"/oppna-data/{dataset}" for dataset in info["datasets"]] + [
        f"/lan/{county}/oppna-data/{dataset}" for dataset in info["county_datasets"]
    ]


def time_exports(base: str, paths: list[str]) -> list:
    say(f"  {'export':56} {'first ms':>9} {'kept ms':>9} {'size':>9}  length check")
    rows = []
    for stem in paths:
        for form in EXPORT_FORMS:
            path = f"{stem}{form}"
            first = download(base, path)
            kept = sorted(download(base, path) for _ in range(3))[1]
            whole = all(run[1] == run[2] for run in (first, kept))
            check = "ok" if whole else f"BODY {first[1]} ≠ Content-Length {first[2]}"
            if first[3] != 200:
                check += f" (status {first[3]})"
            rows.append((path, first[0], kept[0], first[1], whole))
            mark = "" if first[0] < 1 else "  > 1 s"
            say(
                f"  {path:56} {ms(first[0]):>9} {ms(kept[0]):>9} {size_text(first[1]):>9}  "
                f"{check}{mark}"
            )
    return rows


# Django's message cookie (MESSAGE_COOKIE_NAME is not set).
MESSAGES_COOKIE = "messages"


def writer_clients(base: str, writers: list[dict]) -> list[tuple[dict, Client, str]]:
    """Each officer signed in, with the log form's CSRF token (a TOTP code counts once: sign
    in once per server and reuse the clients)."""
    clients = []
    for writer in writers:
        client = sign_in(base, writer)
        status, _, body, _ = client.request("/personal/logga/", follow=False)
        if status != 200:
            raise Failure(f"{writer['username']}: GET /personal/logga/ answered {status}")
        token = csrf_token(body, "/personal/logga/")
        first = str(writer["activities"][0]).encode()
        if b'value="' + first + b'"' not in body:
            raise Failure(f"{writer['username']}: activity {first.decode()} not in the form")
        clients.append((writer, client, token))
    return clients


def write_path(base: str, clients: list[tuple[dict, Client, str]], seconds: int) -> dict:
    """Signed-in officers post logs concurrently for `seconds`; every post recorded."""
    today = datetime.date.fromisoformat(INFO["today"]).isoformat()
    posts: list[dict] = []
    lock = threading.Lock()
    stop = threading.Event()
    start_wall = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=2)
    started = time.monotonic()
    deadline = started + seconds

    def post(writer: dict, client: Client, token: str) -> None:
        number = 0
        while time.monotonic() < deadline and not stop.is_set():
            key = str(uuid.uuid4())
            activity = writer["activities"][number % len(writer["activities"])]
            number += 1
            fields = {
                "activity": activity,
                "date": today,
                "quantity": 1,
                "place": "Storgatan",
                # Each post its own: the same log again is asked about (ActivityLog.repeat_of).
                "summary": f"Trygghetsvandring (belastningstest) {key[:8]}",
                "internal_note": "",
                "idempotency_key": key,
                "csrfmiddlewaretoken": token,
            }
            began = time.perf_counter()
            record = {"key": key, "username": writer["username"], "activity": activity}
            try:
                status, headers, body, _ = client.request(
                    "/personal/logga/",
                    fields,
                    follow=False,
                    referer=base + "/personal/logga/",
                    timeout=30,
                )
                if status == 200 and b'name="same_again"' in body:
                    # Asked whether it is another occurrence (a joint activity someone else
                    # logged for the day: ActivityLog.joint_twin_of): the officer says yes, as
                    # on the page, and the post counts both answers' time.
                    record["asked"] = True
                    status, headers, body, _ = client.request(
                        "/personal/logga/",
                        {**fields, "same_again": "1"},
                        follow=False,
                        referer=base + "/personal/logga/",
                        timeout=30,
                    )
            except Exception as error:  # a request that failed mid-flight
                record.update(status=None, error=repr(error))
            else:
                location = headers.get("Location", "") if status == 302 else ""
                record.update(
                    status=status,
                    acknowledged=urllib.parse.urlsplit(location).path.startswith(
                        "/personal/aktiviteter/"
                    ),
                    snippet=_error_snippet(body) if status != 302 else "",
                )
            record["seconds"] = time.perf_counter() - began
            # The confirmation ("Sparat: …") rides in a cookie to the page the form redirects
            # to, which a browser loads and which shows it and deletes it. The bench does not
            # load that page: it forgets the message as shown. Kept, the messages pile up in
            # the cookie (to about 1.8 kB) and every later post decodes and signs them again.
            client.drop_cookie(MESSAGES_COOKIE)
            with lock:
                posts.append(record)

    threads = [
        threading.Thread(target=post, args=client, daemon=True, name=client[0]["username"])
        for client in clients
    ]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join(timeout=seconds + 60)
    finally:
        stop.set()
    elapsed = time.monotonic() - started
    return {"posts": posts, "elapsed": elapsed, "since": start_wall.isoformat()}


def _error_snippet(body: bytes) -> str:
    text = body.decode(errors="replace")
    # The error summary's first line says what was refused; its heading only that something was.
    match = re.search(r'class="error-summary".*?<li>(.*?)</li>', text, re.DOTALL) or re.search(
        r'class="[^"]*error[^"]*"[^>]*>(.*?)</', text, re.DOTALL
    )
    found = match.group(1) if match else text[:200]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found)).strip()[:200]


def verify_writes(result: dict, writers: list[dict], workdir: Path) -> dict:
    posts = result["posts"]
    path = workdir / "posts.json"
    usernames = [writer["username"] for writer in writers]
    path.write_text(json.dumps({"posts": posts, "usernames": usernames, "since": result["since"]}))
    found = shell_json(BASE_ENV, VERIFY_CODE, str(path))
    stored = found["stored"]
    acknowledged = [post for post in posts if post.get("acknowledged")]
    failed = [post for post in posts if post["status"] is None]
    refused = [post for post in posts if post["status"] is not None and not post["acknowledged"]]
    report = {
        "acknowledged": len(acknowledged),
        "stored_once": 0,
        "missing": 0,
        "duplicated": 0,
        "wrong_owner": 0,
        "refused_stored": 0,
        "failed": len(failed),
        "failed_stored": 0,
        "others": found["others"],
    }
    for post in acknowledged:
        rows = stored.get(post["key"], [])
        if not rows:
            report["missing"] += 1
        elif len(rows) > 1:
            report["duplicated"] += 1
        else:
            report["stored_once"] += 1
            if rows[0] != [post["username"], post["activity"]]:
                report["wrong_owner"] += 1
    report["refused_stored"] = sum(1 for post in refused if post["key"] in stored)
    report["failed_stored"] = sum(1 for post in failed if post["key"] in stored)
    report["ok"] = (
        report["stored_once"] == len(acknowledged)
        and not report["wrong_owner"]
        and not report["refused_stored"]
        and not report["others"]
    )
    return report


# -- Main -----------------------------------------------------------------------------------------

INFO: dict = {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="flushed before each run")
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    parser.add_argument("--write-seconds", type=int, default=10, help="duration of the writes")
    parser.add_argument("--logs", default="1000000", help="generate_national_data --logs")
    parser.add_argument("--scale", default="1", help="generate_national_data --scale")
    parser.add_argument(
        "--no-analyze",
        action="store_true",
        help="leave a database whose big tables were never analyzed as it is (by default it "
        "gets VACUUM (ANALYZE), as autovacuum would give it in production)",
    )
    parser.add_argument(
        "--skip-pages",
        action="store_true",
        help="leave out the wrk runs on the pages (exports, single requests and writes only)",
    )
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url must be a PostgreSQL URL")

    began = time.monotonic()
    load = os.getloadavg()
    say(f"National benchmark, {datetime.datetime.now().isoformat(timespec='seconds')}")
    say(
        f"Machine: {os.cpu_count()} cores, load average at start {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f}; Python {sys.version.split()[0]}"
    )
    wrk_bin = ensure_wrk()
    version = subprocess.run([wrk_bin, "-v"], capture_output=True, text=True, timeout=10)
    say(f"wrk: {(version.stdout + version.stderr).strip().splitlines()[0]}")

    workdir = Path(tempfile.mkdtemp(prefix="medborgarloften-national-"))
    configure(args.database_url, workdir)
    servers: list[Server] = []
    totals = {"wrk_runs": 0, "wrk_requests": 0, "wrk_errors": 0}
    problems: list[str] = []

    def stop_servers() -> None:
        while servers:
            servers.pop().stop()

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        problems += prepare_database(args)
        INFO.update(
            shell_json(
                BASE_ENV,
                SETUP_CODE,
                json.dumps({"password": secrets.token_urlsafe(18), "writers": WRITE_CLIENTS}),
            )
        )
        say(
            f"Dataset: {INFO['municipalities']} municipalities ({INFO['covered']} with published "
            f"periods), {INFO['periods']} periods ({INFO['published']} published), "
            f"{INFO['activities']:,} activities, {INFO['logs']:,} logs; today {INFO['today']}"
        )
        removed, touched = INFO["removed"]
        if removed:
            say(f"Removed {removed:,} logs of earlier runs' writers ({touched} activities)")
        slug, period, state, logs = INFO["largest_period"]
        say(f"Largest period: {slug}/{period} ({state}, {logs:,} logs)")
        slug, period, state, logs = INFO["signed_period"]
        say(f"Signed period for the PDF: {slug}/{period} ({logs:,} logs)")
        slug, logs = INFO["top_municipality"]
        say(f"Municipality with the most logs: {slug} ({logs:,} logs)")
        slug, count = INFO["largest_county"]
        say(f"County with the most municipalities: {slug} ({count})")
        slug, logs = INFO["most_logs_county"]
        say(f"County with the most logs: {slug} ({logs:,} logs)")
        say(
            "Write-path officers: "
            + ", ".join(
                f"{w['username']} ({w['municipality']}, {len(w['activities'])} activities)"
                for w in INFO["writers"]
            )
        )
        if len(INFO["writers"]) < WRITE_CLIENTS:
            problems.append(f"only {len(INFO['writers'])} officers with loggable activities")
        manage(BASE_ENV, "collectstatic", "--noinput", "-v0", timeout=600)
        pages = page_list(INFO)
        tables = {}
        for label, extra in (
            ("cached", {"REDIS_URL": args.redis_url}),
            ("uncached", {"REDIS_URL": args.redis_url, "PUBLIC_CACHE_SECONDS": "0"}),
        ):
            if args.skip_pages and label == "cached":
                continue
            flush_redis(args.redis_url)
            say()
            say(f"== {label}: gunicorn, 2 sync workers, wrk -t2 -c8 -d{args.seconds}s ==")
            server = Server({**BASE_ENV, **extra}, label, workdir)
            servers.append(server)
            server.wait_until_up()
            if label == "uncached":
                say(
                    "National exports and the largest county's (first request builds the file; "
                    "then the kept file):"
                )
                exports = time_exports(server.base, export_paths(INFO))
                for path, first, _, _, whole in exports:
                    if not whole:
                        problems.append(f"{path}: body length ≠ Content-Length")
                    if first >= 1:
                        problems.append(f"{path} took {first:.2f} s to build (first request)")
                say("Pages:")
            if args.skip_pages:
                pages = []
            rows = measure_pages(server, pages, wrk_bin, args.seconds, cached=label == "cached")
            if rows:
                tables[label] = rows
            for row in rows:
                for result in (row["page"], *row["static"]):
                    totals["wrk_runs"] += 1
                    totals["wrk_requests"] += result["requests"]
                    totals["wrk_errors"] += result["non2xx"] + result["socket_errors"]
                if row["status"] != 200:
                    problems.append(f"{row['path']} answered {row['status']} ({label})")
            if rows:
                print_table(
                    f"{label.capitalize()} (load average now {os.getloadavg()[0]:.2f})",
                    rows,
                    cached=label == "cached",
                )
            if label == "cached" and not args.skip_pages:
                writers = len(INFO["writers"])
                say()
                say(f"Cached pages while {writers} officers log (the requests share the 2 cores):")
                during = [
                    ("a municipality nobody logs in", f"/kommuner/{INFO['top_municipality'][0]}/"),
                    (
                        "a municipality officers log in",
                        f"/kommuner/{INFO['writers'][0]['municipality']}/",
                    ),
                    ("start (national)", "/"),
                ]
                pages_during_writes(server, during, wrk_bin, args.seconds)
            if label == "cached":
                stop_servers()
                if server.log_tail():
                    say(f"gunicorn errors (cached):\n{server.log_tail()}")
                    problems.append("gunicorn logged errors (cached run)")
                continue

            say()
            say("Single requests, uncached server (median of 3):")
            slow = []
            paths = [f"/aktiviteter/?framsteg={status}" for status in PROGRESS_STATUSES]
            slow += single_timings(server.base, paths)
            say("Signed in: the officer's start page, the administrator's, and the admin site")
            officer = sign_in(server.base, INFO["officer"])
            slow += single_timings(server.base, ["/personal/"], officer)
            admin = sign_in(server.base, INFO["admin"])
            slow += single_timings(server.base, ["/personal/", "/admin/"], admin)
            for path, seconds, statuses, _ in slow:
                if seconds >= 1:
                    problems.append(f"{path} took {seconds:.2f} s (goal: under 1 s)")
                if statuses != {200}:
                    problems.append(f"{path} answered {sorted(statuses)}")

            say()
            writers = len(INFO["writers"])
            say(f"Write path: {writers} officers posting logs for {args.write_seconds} s")
            clients = writer_clients(server.base, INFO["writers"])
            result = write_path(server.base, clients, args.write_seconds)
            stop_servers()
            posts = result["posts"]
            acknowledged = [p["seconds"] for p in posts if p.get("acknowledged")]
            say(
                f"  {len(posts)} posts in {result['elapsed']:.1f} s: {len(acknowledged)} "
                f"acknowledged (302), {len(acknowledged) / result['elapsed']:.1f} logs/s, "
                f"p50 {ms(percentile(acknowledged, 0.5))} ms, "
                f"p99 {ms(percentile(acknowledged, 0.99))} ms"
            )
            if asked := sum(1 for post in posts if post.get("asked")):
                say(
                    f"  {asked} of them first asked whether another occurrence of a joint "
                    "activity logged for the day (answered yes, both requests timed)"
                )
            by_status: dict = {}
            for post in posts:
                if not post.get("acknowledged"):
                    by_status.setdefault(post["status"], []).append(post)
            for status, failed in by_status.items():
                example = failed[0].get("snippet") or failed[0].get("error", "")
                say(f"  ! {len(failed)} posts not acknowledged, status {status}: {example}")
                if status == 403:
                    problems.append(f"{len(failed)} posts refused 403 (CSRF token invalid?)")
                else:
                    problems.append(f"{len(failed)} posts not acknowledged (status {status})")
            report = verify_writes(result, INFO["writers"], workdir)
            say(
                f"  Database: {report['stored_once']} of {report['acknowledged']} acknowledged "
                f"keys stored exactly once; missing {report['missing']}, duplicated "
                f"{report['duplicated']}, wrong user/activity {report['wrong_owner']}; "
                f"unacknowledged but stored {report['refused_stored']}; failed mid-flight "
                f"{report['failed']} (stored {report['failed_stored']}); other new logs by "
                f"these officers {report['others']} — {'OK' if report['ok'] else 'MISMATCH'}"
            )
            if not report["ok"]:
                problems.append("write path: stored logs differ from the acknowledged posts")
            totals["writes"] = report
            totals["write_rate"] = len(acknowledged) / result["elapsed"]
            tail = server.log_tail()
            if tail:
                say(f"gunicorn errors (uncached):\n{tail}")
                problems.append("gunicorn logged errors (above)")

        started = time.monotonic()
        try:
            output = manage(BASE_ENV, "check_progress", timeout=900).strip()
        except Failure as failure:
            output = str(failure)
            problems.append("check_progress disagrees after the writes")
        say(f"check_progress after the writes: {output} ({time.monotonic() - started:.0f} s)")
    except KeyboardInterrupt:
        say("\nInterrupted: stopping gunicorn.")
        return 130
    except Failure as failure:
        say(f"\nFAILED: {failure}")
        return 1
    finally:
        stop_servers()
        shutil.rmtree(workdir, ignore_errors=True)

    load = os.getloadavg()
    say()
    say("== Totals ==")
    say(
        f"{totals['wrk_runs']} wrk runs, {totals['wrk_requests']:,} requests, "
        f"{totals['wrk_errors']} non-2xx/socket errors; {totals['writes']['acknowledged']} logs "
        f"written ({totals['write_rate']:.1f}/s), {totals['writes']['failed']} failed mid-flight; "
        f"{time.monotonic() - began:.0f} s in all; load average at the end {load[0]:.2f} "
        f"{load[1]:.2f} {load[2]:.2f}"
    )
    for label, rows in tables.items():
        slowest = max(rows, key=lambda row: row["x_rps"])
        say(f"{label}: slowest page {slowest['label']} at {slowest['x_rps']:.1f}× the static file")
    if problems:
        say("Problems:")
        for problem in problems:
            say(f"  - {problem}")
        return 1
    say("No problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
