"""Every public page of the national dataset, once: the pages that fail, and the slowest.

    .venv/bin/python scripts/crawl_national.py [--database-url URL] [--slow-ms 1000] [--pdf]

The national benchmark measures a dozen pages over and over; this visits each page once, to find
the one municipality, period or activity whose page breaks or is slow at national size. It runs
in this process (Django's test client, no server) with the production settings (DEBUG off, the
page cache off) on the database `make bench-national` builds, and visits:

- the start page, the lists and every page of them (`?page=N`), the feeds, open data, about;
- every county's page (its municipalities side by side);
- every municipality's page, and every link on it to its own pages (feeds, meetings calendar);
- every published period's page, and every link on it to that period's pages (activities,
  documents, reports, the source document): a link to a page that does not answer 200 is a
  dead link. PDFs (about 0.6 s each) only with --pdf; the open data files are timed by the
  benchmark, not here.

Prints how many pages answered each status, every page that did not answer 200 or took longer
than --slow-ms (with the page that linked to it), the slowest ten, the median and the p99.
Exits 1 when a page failed or was slow. About two minutes for the national dataset.
"""

import argparse
import math
import os
import re
import statistics
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_national as bench  # noqa: E402  (the benchmark's production settings)

HREF = re.compile(r'href="([^"]+)"')


def configure(database_url: str, workdir: Path) -> None:
    """The benchmark's production settings on `database_url`, for this process, without the
    page cache, before Django starts."""
    bench.configure(database_url, workdir, log_level="CRITICAL")
    os.environ.clear()
    os.environ.update(bench.BASE_ENV)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "ALLOWED_HOSTS": "testserver",  # Django's test client
            "PUBLIC_CACHE_SECONDS": "0",
        }
    )
    sys.path.insert(0, str(bench.ROOT))


def own_links(html: str, prefix: str, pdf: bool) -> set[str]:
    """The links of `html` to pages under `prefix`, without fragment; PDFs only with `pdf`."""
    links = set()
    for href in HREF.findall(html):
        path = unescape(href).split("#", 1)[0]
        if not path.startswith(prefix) or path == prefix or "?" in path:
            continue
        if "/oppna-data/" in path or (path.endswith(".pdf") and not pdf):
            continue
        links.add(path)
    return links


class Crawl:
    def __init__(self, slow_ms: float) -> None:
        from django.test import Client

        self.client = Client()
        self.slow_ms = slow_ms
        self.seen: dict[str, tuple[int, float, int, str]] = {}  # path: status, ms, bytes, from

    def get(self, path: str, linked_from: str = "") -> str:
        """Visit `path` once; its text (empty unless an HTML page that answered 200)."""
        if path in self.seen:
            return ""
        began = time.perf_counter()
        response = self.client.get(path)
        content = b"".join(response) if response.streaming else response.content
        took = (time.perf_counter() - began) * 1000
        self.seen[path] = (response.status_code, took, len(content), linked_from)
        html = response.status_code == 200 and "html" in response.get("Content-Type", "")
        return content.decode() if html else ""

    def report(self) -> bool:
        """Print the figures; whether every page answered 200 within the limit."""
        rows = sorted(self.seen.items(), key=lambda item: item[1][1], reverse=True)
        statuses: dict[int, int] = {}
        for _path, (status, _ms, _size, _from) in rows:
            statuses[status] = statuses.get(status, 0) + 1
        times = sorted(ms for _path, (_s, ms, _size, _from) in rows)
        p99 = times[min(len(times) - 1, math.ceil(0.99 * len(times)) - 1)]
        counts = ", ".join(f"{n:,} × {status}" for status, n in sorted(statuses.items()))
        print(f"{len(rows):,} pages: {counts}")
        median = statistics.median(times)
        print(f"median {median:.1f} ms, p99 {p99:.1f} ms, slowest {times[-1]:.1f} ms")
        print("Slowest ten:")
        for path, (status, ms, size, _from) in rows[:10]:
            print(f"  {ms:8.1f} ms  {status}  {size / 1024:7.1f} kB  {path}")
        problems = [
            (path, status, ms, linked_from)
            for path, (status, ms, _size, linked_from) in rows
            if status != 200 or ms > self.slow_ms
        ]
        for path, status, ms, linked_from in problems:
            where = f" (linked from {linked_from})" if linked_from else ""
            print(f"PROBLEM: {path} answered {status} in {ms:.1f} ms{where}")
        print("No problems." if not problems else f"{len(problems)} problems.")
        return not problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=bench.DEFAULT_DATABASE_URL)
    parser.add_argument("--slow-ms", type=float, default=1000, help="a slower page is a problem")
    parser.add_argument("--pdf", action="store_true", help="also every PDF (slow)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="crawl-") as workdir:
        configure(args.database_url, Path(workdir))
        import django

        django.setup()
        from django.core.management import call_command
        from django.urls import reverse

        from activities.models import Activity
        from municipalities.models import County, Municipality
        from promises.filters import PER_PAGE
        from promises.models import Promise, PromisePeriod

        call_command("collectstatic", "--noinput", "-v0")  # the pages name hashed files
        began = time.monotonic()
        crawl = Crawl(args.slow_ms)
        for name in ("home", "municipality_list", "promise_list"):
            crawl.get(reverse(f"promises:{name}"))
        for name in (
            "activities:activity_list",
            "followups:feed",
            "followups:follow_up_feed",
            "followups:open_data",
            "about",
        ):
            crawl.get(reverse(name))
        lists = {
            reverse("promises:promise_list"): Promise.objects.published().count(),
            reverse("activities:activity_list"): Activity.objects.published().count(),
        }
        # Each county's page (its municipalities side by side), as the municipality list links them.
        for county in County.objects.order_by("code"):
            crawl.get(reverse("promises:county_detail", args=[county.slug]))
        for path, count in lists.items():
            for number in range(2, math.ceil(count / PER_PAGE) + 1):
                crawl.get(f"{path}?page={number}")
        periods = list(PromisePeriod.objects.published().select_related("municipality"))
        period_pages = tuple(period.get_absolute_url() for period in periods)
        for slug in Municipality.objects.order_by("name").values_list("slug", flat=True):
            page = reverse("promises:municipality_detail", args=[slug])
            for link in sorted(own_links(crawl.get(page), page, args.pdf)):
                # A period's pages are visited from the period's own page below.
                if not link.startswith(period_pages):
                    crawl.get(link, page)
        for page in period_pages:
            for link in sorted(own_links(crawl.get(page), page, args.pdf)):
                crawl.get(link, page)
        print(f"Crawled in {time.monotonic() - began:.0f} s ({args.database_url}).")
        return 0 if crawl.report() else 1


if __name__ == "__main__":
    sys.exit(main())
