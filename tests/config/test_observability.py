"""Health check, request ids and JSON log lines."""

import json
import logging
import runpy
from pathlib import Path

import pytest
from django.db import OperationalError

from config.observability import JsonFormatter, RequestIdFilter


@pytest.mark.django_db
def test_healthz_answers_ok_uncached_and_sets_no_cookie(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_healthz_says_unavailable_and_nothing_more_when_the_database_fails(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("connection to server at 10.0.0.5 failed: secret detail")

    monkeypatch.setattr("config.observability.connection.cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"


@pytest.mark.django_db
def test_every_response_carries_a_request_id_and_a_sane_given_one_is_kept(client):
    fresh = client.get("/om/")["X-Request-ID"]
    assert len(fresh) == 32 and fresh != client.get("/om/")["X-Request-ID"]
    given = client.get("/om/", headers={"X-Request-ID": "proxy-1234abcd"})
    assert given["X-Request-ID"] == "proxy-1234abcd"
    forged = client.get("/om/", headers={"X-Request-ID": 'x"\n{"level": "FAKE"}'})
    assert forged["X-Request-ID"] != 'x"\n{"level": "FAKE"}'


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord("portal", logging.ERROR, __file__, 1, 'Fel: "%s"', ("å",), None)
    RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == 'Fel: "å"'
    assert entry["level"] == "ERROR" and entry["request_id"] == "-"
    assert "\n" not in line


@pytest.mark.django_db
def test_a_request_id_is_taken_only_from_the_proxy(client):
    # A client reaching the server past the proxy names no id the logs would take as the proxy's.
    direct = client.get(
        "/om/", headers={"X-Request-ID": "someone-elses-id"}, REMOTE_ADDR="203.0.113.5"
    )
    assert direct["X-Request-ID"] != "someone-elses-id"


@pytest.mark.django_db
def test_the_not_found_warning_carries_the_requests_id(client, caplog):
    # Django logs it after the middleware has answered: it took "-" before.
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/finns-inte/", headers={"X-Request-ID": "proxy-5678abcd"})
    assert response.status_code == 404
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    RequestIdFilter().filter(record)
    assert record.request_id == "proxy-5678abcd"


def test_gunicorn_lines_are_json_escaped_and_a_reset_token_is_masked():
    import datetime
    from types import SimpleNamespace

    from gunicorn.config import Config

    from config.gunicorn_logger import JsonLogger

    logger = JsonLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/personal/losenord/aterstall/MQ/cxyz-0123456789abcdef/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/personal/losenord/aterstall/MQ/cxyz-0123456789abcdef/",
        "QUERY_STRING": "",
        "HTTP_USER_AGENT": 'evil"\n{"status": 200}',
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = SimpleNamespace(status="200 OK", headers=[("X-Request-ID", "abc12345")], sent=10)
    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, datetime.timedelta(0))
    # The production configuration's line, as gunicorn fills it in.
    conf = runpy.run_path(str(Path(__file__).resolve().parents[2] / "config/gunicorn.conf.py"))
    assert conf["logger_class"] == "config.gunicorn_logger.JsonLogger"
    line = conf["access_log_format"] % atoms
    entry = json.loads(line)
    assert entry["path"] == "/personal/losenord/aterstall/MQ/…/"
    assert "cxyz" not in line
    assert entry["agent"] == 'evil"\n{"status": 200}' and "\n" not in line
    assert entry["request_id"] == "abc12345" and entry["status"] == 200
    # The page it redirects to holds no token and is kept as it is.
    environ["PATH_INFO"] = "/personal/losenord/aterstall/MQ/set-password/"
    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, datetime.timedelta(0))
    assert atoms["U"] == "/personal/losenord/aterstall/MQ/set-password/"
    record = logging.LogRecord(
        "gunicorn.error", logging.CRITICAL, "", 1, "WORKER TIMEOUT", (), None
    )
    assert json.loads(JsonFormatter().format(record))["message"] == "WORKER TIMEOUT"


def test_a_gunicorn_worker_freezes_what_it_loaded_out_of_the_collectors_reach():
    """gunicorn takes the hook (a callable of the worker), and the hook leaves the objects
    loaded so far frozen (in a process of its own: freezing this one would outlive the test)."""
    import subprocess
    import sys

    from gunicorn.config import Config

    path = Path(__file__).resolve().parents[2] / "config/gunicorn.conf.py"
    conf = runpy.run_path(str(path))
    config = Config()
    config.set("post_worker_init", conf["post_worker_init"])
    assert config.post_worker_init is conf["post_worker_init"]
    script = (
        "import gc, runpy; "
        f"hook = runpy.run_path({str(path)!r})['post_worker_init']; "
        "before = gc.get_freeze_count(); hook(None); "
        "print(before, gc.get_freeze_count())"
    )
    before, after = map(int, subprocess.check_output([sys.executable, "-c", script]).split())
    assert before == 0 and after > 1000
