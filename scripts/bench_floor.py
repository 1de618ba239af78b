"""How fast each uncached page could be with its present queries: the floor under the goals.

    .venv/bin/python scripts/bench_floor.py [--database-url URL] [--seconds 5]

Run after `make bench-national` built the national dataset. The issue "National scale" asks the
uncached start page, period page and activity list for 0.1 × the static file's requests/s, and
the promise and municipality lists for 0.2 ×. A page costs its queries (PostgreSQL's work and
the round trips, on the same two cores), the ORM's work on them, its template, and the frame
every page has. This script separates the first from the rest:

1. Records, in this process (Django's test client, production settings, the page cache off),
   the SQL statements each of those pages runs, with their values, and the rows they read.
2. Starts gunicorn with the production configuration and scripts/floor_wsgi.py: `/_floor/N/`
   runs page N's statements through a plain cursor, reads every row, and answers as `/om/` (the
   page without a query) does.
3. Runs wrk on each page and on its stand-in, between two runs on the static CSS file, and on
   `/om/`, and prints each one's ratio to the static file (requests/s ÷ the static file's).
4. Prints, from step 1, each page's time in this process (middleware included) and its
   template's alone, rendered again with the context its view gave it.

The stand-in's ratio is the most the page can reach while it runs these queries, whatever the
ORM and the templates are made to cost; a stand-in below its goal means the queries themselves
must change (fewer round trips, less to read) before any Python work can reach the goal.
About two minutes.
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_national as bench  # noqa: E402  (the benchmark's production settings and wrk)
import crawl_national  # noqa: E402  (those settings for this process, page cache off)

# (label, path or None for the largest period, the uncached goal)
PAGES = (
    ("start", "/", 0.1),
    ("municipality list", "/kommuner/", 0.2),
    ("largest period", None, 0.1),
    ("promises", "/loften/", 0.2),
    ("activities, page 1", "/aktiviteter/", 0.1),
)
REFERENCE = ("about (no query)", "/om/")


def largest_period_path() -> str:
    """The published period with the most logs, as the national benchmark chooses it."""
    from django.db.models import Count

    from activities.models import ActivityLog
    from promises.models import PUBLISHED_STATES

    row = (
        ActivityLog.objects.filter(activity__period__state__in=PUBLISHED_STATES)
        .values("activity__period__municipality__slug", "activity__period__slug")
        .annotate(logs=Count("pk"))
        .order_by("-logs", "activity__period__municipality__slug", "activity__period__slug")
        .first()
    )
    if row is None:
        raise bench.Failure("no published period has logs: run make bench-national first")
    return (
        f"/kommuner/{row['activity__period__municipality__slug']}/{row['activity__period__slug']}/"
    )


def best_of(runs: int, work) -> tuple[float, object]:
    """The shortest time of `runs` calls of `work()` in seconds, and its last result."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def record_statements(paths: list[str]) -> list[dict]:
    """Each page's SQL statements (second request: the first fills per-process lookups), the
    rows they read and their database time through a plain cursor: the best of 10 runs, as
    psycopg prepares a statement from its fifth run on, as it does in a server's worker.

    Beside them, the page's whole time in this process (Django's test client, middleware
    included) and its template's alone, rendered again with the context the view gave it (the
    view's data in hand, its queries already run): the part no change to the queries removes.
    """
    from django.test import Client

    client = Client()
    return [record_page(client, path) for path in paths]


def record_page(client, path: str) -> dict:
    """`record_statements` for one page."""
    from unittest import mock

    from django.db import connection
    from django.template import loader
    from django.test.utils import CaptureQueriesContext
    from floor_wsgi import run_statements

    client.get(path)
    renders = []
    render_to_string = loader.render_to_string

    def remember(*args, **kwargs):
        renders.append((args, kwargs))
        return render_to_string(*args, **kwargs)

    with (
        CaptureQueriesContext(connection) as queries,
        mock.patch.object(loader, "render_to_string", remember),
    ):
        response = client.get(path)
    if response.status_code != 200:
        raise bench.Failure(f"{path} answered {response.status_code}")
    statements = [query["sql"] for query in queries.captured_queries]
    seconds, rows = best_of(10, lambda: run_statements(statements))
    page_seconds, _ = best_of(10, lambda: client.get(path))
    template_seconds = None
    if renders:
        args, kwargs = renders[0]  # the page's own template, not one rendered inside it
        template_seconds, _ = best_of(10, lambda: render_to_string(*args, **kwargs))
    return {
        "path": path,
        "statements": statements,
        "rows": rows,
        "seconds": seconds,
        "page_seconds": page_seconds,
        "template_seconds": template_seconds,
    }


def milliseconds(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.1f}"


def ratio(result: dict, static_rps: float) -> float:
    return result["rps"] / static_rps if static_rps else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=bench.DEFAULT_DATABASE_URL)
    parser.add_argument("--seconds", type=int, default=5, help="duration of each wrk run")
    args = parser.parse_args()
    wrk_bin = bench.ensure_wrk()

    with tempfile.TemporaryDirectory(prefix="floor-") as workdir:
        crawl_national.configure(args.database_url, Path(workdir))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("collectstatic", "--noinput", "-v0")  # the pages name hashed files
        pages = [(label, path or largest_period_path(), goal) for label, path, goal in PAGES]
        recorded = record_statements([path for _, path, _ in pages] + [REFERENCE[1]])
        reference_page = recorded.pop()
        sql_file = Path(workdir) / "floor-sql.json"
        sql_file.write_text(json.dumps([page["statements"] for page in recorded]))

        env = {**bench.BASE_ENV, "PUBLIC_CACHE_SECONDS": "0", "FLOOR_SQL": str(sql_file)}
        server = bench.Server(env, "floor", Path(workdir), app="scripts.floor_wsgi")
        try:
            server.wait_until_up()
            print(f"Uncached pages and their stand-ins (wrk -t2 -c8 -d{args.seconds}s, 2 workers)")
            print(
                f"{'page':20} {'goal':>5} {'page':>6} {'floor':>6} {'queries':>7} {'rows':>6} "
                f"{'SQL ms':>7} {'proc ms':>7} {'tmpl ms':>7} {'static/s':>9}  url"
            )
            for index, ((label, path, goal), page) in enumerate(zip(pages, recorded, strict=True)):
                before = bench.wrk(wrk_bin, server.base + bench.STATIC, args.seconds)
                real = bench.wrk(wrk_bin, server.base + path, args.seconds)
                floor = bench.wrk(wrk_bin, f"{server.base}/_floor/{index}/", args.seconds)
                after = bench.wrk(wrk_bin, server.base + bench.STATIC, args.seconds)
                static_rps = (before["rps"] + after["rps"]) / 2
                print(
                    f"{label:20} {goal:5.2f} {ratio(real, static_rps):6.3f} "
                    f"{ratio(floor, static_rps):6.3f} {len(page['statements']):7d} "
                    f"{page['rows']:6d} {page['seconds'] * 1000:7.1f} "
                    f"{milliseconds(page['page_seconds']):>7} "
                    f"{milliseconds(page['template_seconds']):>7} {static_rps:9.0f}  {path}"
                )
            label, path = REFERENCE
            before = bench.wrk(wrk_bin, server.base + bench.STATIC, args.seconds)
            reference = bench.wrk(wrk_bin, server.base + path, args.seconds)
            after = bench.wrk(wrk_bin, server.base + bench.STATIC, args.seconds)
            static_rps = (before["rps"] + after["rps"]) / 2
            print(
                f"{label:20} {'':5} {ratio(reference, static_rps):6.3f} {'':6} {0:7d} {'':6} "
                f"{'':7} {milliseconds(reference_page['page_seconds']):>7} "
                f"{milliseconds(reference_page['template_seconds']):>7} {static_rps:9.0f}  {path}"
            )
            print(
                "page, floor: requests/s ÷ the static file's (mean of the runs just before and "
                "after). floor: the page's own SQL through a plain cursor, then the no-query page; "
                "SQL ms: those statements' time in this process, best of 10. proc ms: the whole "
                "page in this process (test client, middleware included), best of 10; tmpl ms: "
                "its template alone, rendered again with the view's context, best of 10."
            )
        finally:
            server.stop()
        errors = server.log_tail()
        if errors:
            print(f"gunicorn errors:\n{errors}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
