"""Time the public pages against the project's own static file, served by the same server.

    .venv/bin/python scripts/benchmark.py [--requests 50] [--keep]

Builds a throwaway SQLite database with the demo data (seed_demo), collects the static files,
starts gunicorn with DEBUG off, and requests each page and `/static/css/site.css` in turn. It
prints the median time of each and its ratio to the static file's median: a ratio, measured in
one run on one machine, is comparable across machines; an absolute time is not.

First it downloads each national open data file twice: cold (built from the database and kept)
and warm (served from the kept file), and prints the time and size of each.
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/",
    "/kommuner/",
    "/kommuner/tranas/",
    "/kommuner/tranas/2025-2026/",
    "/kommuner/vetlanda/2020-2021/",
    "/loften/",
    "/loften/?q=trygghet",
    "/aktiviteter/",
    "/aktiviteter/?responsible=police",
    "/flode/",
    "/oppna-data/",
    "/oppna-data/aktiviteter.csv",
    "/om/",
]
STATIC = "/static/css/site.css"
EXPORTS = [
    f"/oppna-data/{dataset}{form}"
    for dataset in ("kommuner", "perioder", "loften", "aktiviteter")
    for form in (".csv", "-excel.csv", ".json")
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    return time.perf_counter() - started


def download(url: str) -> tuple[float, int]:
    """Time one download and check that it is whole: as long as its Content-Length says."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as response:
        body = response.read()
        length = int(response.headers["Content-Length"])
    seconds = time.perf_counter() - started
    if len(body) != length:
        raise RuntimeError(f"{url}: {len(body)} bytes of {length}")
    return seconds, len(body)


def wait_until_up(url: str, process: subprocess.Popen) -> None:
    for _ in range(100):
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per URL")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="medborgarloften-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "SECRET_KEY": "benchmark-only",
        "DEBUG": "",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain http on the loopback: no redirect to https (on by default with DEBUG off).
        "SECURE_SSL_REDIRECT": "0",
        # The run's own cache (public data version) and kept open data files.
        "CACHE_DIR": str(workdir / "cache"),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    print(f"Preparing {workdir} (migrate, seed_demo, collectstatic)…", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo", "--force")
    manage(env, "collectstatic", "--noinput")

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + STATIC, server)
        # Before anything else, so that the first download of each file builds it.
        exports = [(url, download(base + url), download(base + url)) for url in EXPORTS]
        urls = [STATIC, *PAGES]
        for url in urls:  # warm-up: templates, connection, caches
            fetch(base + url)
        timings: dict[str, list[float]] = {url: [] for url in urls}
        # Interleaved rounds, so a slow moment of the machine hits every URL alike.
        for _ in range(args.requests):
            for url in urls:
                timings[url].append(fetch(base + url))
    finally:
        server.terminate()
        server.wait(timeout=10)

    static = statistics.median(timings[STATIC])
    print(f"\n{args.requests} requests per URL, gunicorn (1 worker), SQLite, demo data")
    print(f"{'URL':45} {'median ms':>10} {'× static':>9}")
    for url in urls:
        median = statistics.median(timings[url])
        print(f"{url:45} {median * 1000:10.2f} {median / static:9.1f}")

    print("\nNational open data files: built (cold), then from the kept file (warm)")
    print(f"{'URL':45} {'cold ms':>10} {'warm ms':>10} {'bytes':>12}")
    for url, (cold, size), (warm, _size) in exports:
        print(f"{url:45} {cold * 1000:10.2f} {warm * 1000:10.2f} {size:12,}")


if __name__ == "__main__":
    main()
