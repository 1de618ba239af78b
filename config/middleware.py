"""Middleware: the 503 page when the database is unreachable."""

import logging

from django.http import HttpRequest, HttpResponse

from config.views import DATABASE_ERRORS, database_unavailable

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After, without a traceback, when a view cannot reach the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        # One line, no traceback: an outage would otherwise flood the log.
        logger.error("Database unavailable for %s: %s", request.path, exception)
        return database_unavailable(request)
