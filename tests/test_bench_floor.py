"""scripts/bench_floor.py and its stand-in pages (scripts/floor_wsgi.py): a stand-in runs the
page's recorded SQL and answers as the page without a query; the recording can be run again."""

import importlib.util
import io
import sys
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from tests import factories

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules.setdefault(name, module)
    return module


floor_wsgi = load("floor_wsgi")
bench_floor = load("bench_floor")


def get(path: str) -> tuple[str, bytes]:
    environ = {"PATH_INFO": path, "HTTP_HOST": "testserver", "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status

    # As Django's test client does: the test's transaction keeps its connection open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(floor_wsgi.application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], body


@pytest.mark.django_db
def test_a_stand_in_runs_its_pages_statements_and_answers_as_the_page_without_a_query(
    monkeypatch,
):
    statements = ["SELECT 1", "SELECT 2 UNION ALL SELECT 3"]
    monkeypatch.setattr(floor_wsgi, "STATEMENTS", [statements])
    _, about = get("/om/")
    with CaptureQueriesContext(connection) as queries:
        status, body = get("/_floor/0/")
    assert status.startswith("200")
    assert body == about
    assert [query["sql"] for query in queries.captured_queries][:2] == statements
    assert floor_wsgi.run_statements(statements) == 3
    # A number with no recording is the portal's own answer: not found.
    assert get("/_floor/1/")[0].startswith("404")


@pytest.mark.django_db
def test_a_pages_recorded_statements_run_again_through_a_plain_cursor(settings):
    settings.PUBLIC_CACHE_SECONDS = 0  # as the script runs: each request does the page's work
    period = factories.period()
    factories.log(factories.activity(period), period.start_date)
    path = f"/kommuner/{period.municipality.slug}/{period.slug}/"
    about, page = bench_floor.record_statements(["/om/", path])
    assert about["statements"] == []
    assert len(page["statements"]) >= 2
    # The statements carry their values: run again, they read the same rows.
    assert page["rows"] == floor_wsgi.run_statements(page["statements"]) > 0
    # The page's time in this process, and its template's alone: a part of it.
    assert about["template_seconds"] is not None
    assert 0 < page["template_seconds"] < page["page_seconds"]
