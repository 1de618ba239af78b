"""Every query that reads logs on a page or a write path uses an index (EXPLAIN on PostgreSQL).

The logs table is the one that grows to millions of rows. Each query below is planned with
sequential scans switched off (`enable_seqscan = off`): a sequential scan of the logs still in
the plan means no index can serve the query.
"""

import datetime
import json
import uuid

import pytest
from django.db import connection, transaction
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities.models import ActivityLog, SpanTotal
from followups.opendata import rows as opendata_rows
from municipalities.models import Role
from promises.models import PromisePeriod
from tests import factories
from tests.staff import staff_user

LOGS = ActivityLog._meta.db_table

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="query plans are PostgreSQL's (CI runs both)"
    ),
]


def _scanned_tables(query) -> set[str]:
    """The tables the plan of `query` (a queryset, or SQL and parameters) reads with a
    sequential scan."""
    sql, params = query if isinstance(query, tuple) else query.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    scanned, nodes = set(), [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        if node["Node Type"] == "Seq Scan":
            scanned.add(node["Relation Name"])
        nodes.extend(node.get("Plans", []))
    return scanned


def _count_sql(queryset) -> tuple[str, None]:
    """The SQL `queryset.count()` runs (a paginator's count), as sent to the database."""
    with CaptureQueriesContext(connection) as context:
        queryset.count()
    return context.captured_queries[-1]["sql"], None


@pytest.fixture
def world():
    today = timezone.localdate()
    vetlanda = factories.municipality("vetlanda")
    period = factories.period(
        "vetlanda", start=today - datetime.timedelta(days=100), end=today + datetime.timedelta(100)
    )
    activity = factories.activity(period)
    officer = staff_user("polis", role=Role.POLICE_OFFICER, municipality=vetlanda)
    admin = staff_user("admin", superuser=True)
    log = factories.log(activity, today, reported_by=officer, idempotency_key=uuid.uuid4())
    return activity, officer, admin, log


def test_the_queries_that_read_logs_use_an_index(world):
    activity, officer, admin, log = world
    queries = {
        "an activity's logs, newest first (staff page)": ActivityLog.objects.for_activity(
            activity, officer
        )[:20],
        "recent logs, administrator": ActivityLog.objects.for_staff_home(admin)[:10],
        "recent logs, officer": ActivityLog.objects.for_staff_home(officer)[:10],
        "a log its author may change": ActivityLog.objects.for_staff_log(officer).filter(pk=log.pk),
        "a repeated form (idempotency key)": ActivityLog.objects.filter(
            idempotency_key=log.idempotency_key
        ),
        "sums by day for a rebuild": ActivityLog.objects.counted()
        .filter(activity_id__in=[activity.pk])
        .values_list("activity_id", "date")
        .annotate(total=Sum("quantity"))
        .order_by(),
        "one activity's counted logs (fallback)": activity.logs.counted().values_list(
            "date", "quantity"
        ),
        "the kept sums of a list of activities": SpanTotal.objects.filter(
            activity_id__in=[activity.pk]
        ),
        "an activity's public logs, a page (public page)": ActivityLog.objects.for_activity_page(
            activity
        )[25:50],
        "an activity's public logs, counted for the pages": _count_sql(
            ActivityLog.objects.for_activity_page(activity)
        ),
        "a municipality's latest public logs (its page)": (
            ActivityLog.objects.latest_for_municipality(
                activity.period.municipality, 10, carried_out=True
            )
        ),
        "a municipality's latest public logs (its feed)": (
            ActivityLog.objects.latest_for_municipality(activity.period.municipality, 10)
        ),
        "open data: every public log": opendata_rows.log_queryset(None),
        "open data: a municipality's public logs": opendata_rows.log_queryset(
            activity.period.municipality
        ),
    }
    scans = {name: _scanned_tables(qs) for name, qs in queries.items()}
    assert {name: tables for name, tables in scans.items() if LOGS in tables} == {}
    assert SpanTotal._meta.db_table not in scans["the kept sums of a list of activities"]


def test_the_check_sees_a_scan_where_no_index_serves(world):
    # Unordered: the logs' default order (newest day first) is read from the index by day.
    assert LOGS in _scanned_tables(ActivityLog.objects.filter(place="Storgatan").order_by())


def _rows_read(queryset, table: str) -> int:
    """How many rows the executed plan of `queryset` read from `table` (EXPLAIN ANALYZE)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    read, nodes = 0, [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        if node.get("Relation Name") == table:
            read += node["Actual Rows"] * node["Actual Loops"]
        nodes.extend(node.get("Plans", []))
    return read


def test_a_municipality_page_reads_its_newest_logs_not_all(world):
    activity, _officer, _admin, _log = world
    today = timezone.localdate()
    ActivityLog.objects.bulk_create(
        ActivityLog(activity=activity, date=today - datetime.timedelta(days=n % 90), quantity=1)
        for n in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {LOGS}")
    latest = ActivityLog.objects.latest_for_municipality(activity.period.municipality, 10)
    # The newest 10 of 2,001 logs on 90 days: the cutoff day's logs and those after it (about
    # 23 a day), and the 10 that find the cutoff.
    assert _rows_read(latest, LOGS) < 150


def test_the_latest_signings_read_the_newest_periods_not_all(db):
    vetlanda = factories.municipality("vetlanda")
    first = datetime.date(2000, 1, 1)
    PromisePeriod.objects.bulk_create(
        PromisePeriod(
            municipality=vetlanda,
            slug=f"p{n}",
            start_date=first + datetime.timedelta(days=n),
            end_date=first + datetime.timedelta(days=n + 365),
            state="signed",
            decision_date=first,
            signed_date=first + datetime.timedelta(days=n),
        )
        for n in range(3000)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {PromisePeriod._meta.db_table}")
    latest = PromisePeriod.objects.latest_signed(5)
    assert [p.slug for p in latest] == ["p2999", "p2998", "p2997", "p2996", "p2995"]
    assert _rows_read(latest, PromisePeriod._meta.db_table) < 20
