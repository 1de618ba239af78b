"""Concurrent logging on PostgreSQL: nothing lost, nothing doubled.

SQLite serialises every write, so these tests are about PostgreSQL's behaviour and run in the
PostgreSQL pass of CI (`.ci/run`).
"""

import datetime
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from activities import rollup
from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.services import ClosedForLogs, record_log, set_activity_status, withdraw_log
from municipalities.models import Role
from tests import factories
from tests.e2e.data import ensure_reference_data
from tests.staff import sign_in, staff_user

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrency is tested on PostgreSQL"
    ),
]

THREADS = 8
TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def setup():
    # The flush after each of these transactional tests can leave the database without the
    # migrations' reference data when the serialized copy is not restored; reload it then.
    ensure_reference_data()
    period = factories.period("tranas", start=datetime.date(2026, 1, 1))
    activity = factories.activity(
        period,
        target=("at_least", 100, "trafikkontroller", "period"),
        responsible=Responsible.POLICE,
    )
    area = factories.local_police_area(municipalities=[period.municipality])
    user = staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area)
    return activity, user


def _all_at_once(count: int, work):
    """Run `work(i)` in `count` threads released together; each thread closes its connection."""
    barrier = threading.Barrier(count)

    def run(i):
        try:
            barrier.wait(timeout=10)
            return work(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_parallel_logs_to_one_activity_give_exactly_n_rows_and_the_exact_sum(setup):
    activity, user = setup

    def log(i):
        return record_log(
            activity=activity,
            user=user,
            idempotency_key=uuid.uuid4(),
            date=TODAY,
            quantity=i + 1,
        )

    results = _all_at_once(THREADS, log)

    assert all(created for _log, created in results)
    assert ActivityLog.objects.filter(activity=activity).count() == THREADS
    activity.refresh_from_db()
    expected = sum(range(1, THREADS + 1))
    assert activity.progress(TODAY).total_done == expected
    assert rollup.check() == []


def test_one_idempotency_key_posted_ten_times_at_once_saves_one_row(setup):
    activity, user = setup
    key = uuid.uuid4()

    def log(_i):
        return record_log(activity=activity, user=user, idempotency_key=key, date=TODAY, quantity=1)

    results = _all_at_once(10, log)

    assert ActivityLog.objects.filter(activity=activity).count() == 1
    assert sum(created for _log, created in results) == 1
    assert len({log.pk for log, _created in results}) == 1


def test_parallel_posts_of_the_log_form_lose_nothing_and_double_nothing(setup, client):
    """Through the page: 8 different submissions and 8 copies of one submission, all at once."""
    activity, user = setup
    url = reverse("activities:log_create")
    sign_in(client, user)
    cookie = client.cookies
    repeated_key = str(uuid.uuid4())

    def post(i):
        own = Client()
        own.cookies = cookie
        key = repeated_key if i % 2 else str(uuid.uuid4())
        return own.post(
            url,
            {
                "activity": activity.pk,
                "date": TODAY.isoformat(),
                "quantity": 2,
                "place": "Storgatan",
                # Each submission its own words: the same log under another key is asked about.
                "summary": "Upprepad" if i % 2 else f"Kontroll {i}",
                "internal_note": "",
                "idempotency_key": key,
            },
        ).status_code

    codes = _all_at_once(2 * THREADS, post)

    assert codes == [302] * (2 * THREADS)
    assert ActivityLog.objects.filter(activity=activity).count() == THREADS + 1
    activity.refresh_from_db()
    assert activity.progress(TODAY).total_done == 2 * (THREADS + 1)
    assert rollup.check() == []


def test_logs_withdrawals_and_target_changes_at_once_keep_the_sums_exact(setup):
    """The rollup under a race: new logs, withdrawals and a rebuild of the spans together."""
    activity, user = setup
    existing = [factories.log(activity, TODAY - datetime.timedelta(days=i)) for i in range(4)]
    scopes = ["month", "week", "tertial", "period"]

    def work(i):
        if i < 4:
            record_log(activity=activity, user=user, idempotency_key=uuid.uuid4(), date=TODAY)
        elif i < 8:
            withdraw_log(existing[i - 4], user, "Dubblett")
        else:
            changed = Activity.objects.get(pk=activity.pk)
            changed.target_scope = scopes[i - 8]
            changed.save()

    _all_at_once(12, work)

    assert rollup.check() == []
    fresh = Activity.objects.with_progress_data().get(pk=activity.pk)
    assert fresh.progress(TODAY).total_done == 4


def test_a_log_racing_its_activitys_cancellation_waits_for_it_and_is_refused(setup):
    """The log form checked the activity; its cancellation commits while the log is saved. The
    log waits for the cancellation's row lock and sees it: nothing counts for an activity the
    public page calls cancelled (a security probe found the log saved)."""
    activity, user = setup
    dialog = factories.activity(
        activity.period, "Medborgardialog", target=None, responsible=Responsible.POLICE
    )
    locked = threading.Event()

    def cancel():
        try:
            with transaction.atomic():
                set_activity_status(dialog, user, ActivityStatus.CANCELLED, "Inställd")
                locked.set()
                time.sleep(0.5)  # the log arrives while the cancellation holds the row
        finally:
            connections.close_all()

    def log():
        try:
            assert locked.wait(timeout=10)
            return record_log(
                activity=dialog, user=user, idempotency_key=uuid.uuid4(), date=TODAY, quantity=1
            )
        except ClosedForLogs:
            return "refused"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        cancelled = pool.submit(cancel)
        logged = pool.submit(log)
        cancelled.result()
        assert logged.result() == "refused"
    assert not ActivityLog.objects.filter(activity=dialog).exists()
