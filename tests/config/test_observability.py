"""Health check, request ids and JSON log lines."""

import json
import logging

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
