"""Health check and structured logs: one JSON object per line, each with the request's id.

The request id comes from the proxy's `X-Request-ID` (a request from PROXY_ADDRESSES) when it
looks like one, else a new one; it is sent back in the response header and put on every log
record made while the request runs, so the proxy's, gunicorn's and the app's lines of one
request can be found together.
"""

import contextvars
import json
import logging
import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

REQUEST_ID_HEADER = "X-Request-ID"
_ACCEPTED_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdMiddleware:
    """Give each request an id, for its log lines and its response."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Only the proxy's id is taken (a client's own would be logged as the proxy's).
        from_proxy = from_proxy_address(request)
        given = request.headers.get(REQUEST_ID_HEADER, "") if from_proxy else ""
        request.request_id = given if _ACCEPTED_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(request.request_id)
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id.get()
            return response
        finally:
            request_id.reset(token)


def from_proxy_address(request: HttpRequest) -> bool:
    """Whether the request came from the proxy (PROXY_ADDRESSES, "*" for any peer): its
    X-Request-ID and X-Forwarded-For are then the proxy's, not a client's."""
    proxies = settings.PROXY_ADDRESSES
    return "*" in proxies or request.META.get("REMOTE_ADDR") in proxies


class RequestIdFilter(logging.Filter):
    """Put the current request's id on every record; a record made after the middleware has
    answered (Django's "Not Found" warning) takes it from the request it names."""

    def filter(self, record: logging.LogRecord) -> bool:
        given = getattr(getattr(record, "request", None), "request_id", None)
        record.request_id = given if isinstance(given, str) else request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, request id, message, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 "ok" when the database and the cache answer, else 503; never says more."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        cache.set("healthz", "ok", 10)
        healthy = cache.get("healthz") == "ok"
    except Exception:  # whatever failed, the answer is the same and tells nothing
        logging.getLogger(__name__).warning("health check failed", exc_info=True)
        healthy = False
    if healthy:
        return HttpResponse("ok\n", content_type="text/plain")
    return HttpResponse("unavailable\n", status=503, content_type="text/plain")
