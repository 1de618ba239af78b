"""Pages at two data sizes, measured once for a module: the data are built once (inside the
module's transaction, `module_data`) instead of once per page, and each page's test asserts on
what was measured for it."""

from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@dataclass
class Visit:
    status: int
    queries: list[str]
    response: object

    @property
    def count(self) -> int:
        return len(self.queries)


def visit_all(client: Client, urls) -> dict[str, Visit]:
    visits = {}
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        sql = [query["sql"] for query in captured.captured_queries]
        visits[url] = Visit(response.status_code, sql, response)
    return visits


def at_two_sizes(module_data, urls, build_small, build_large):
    """(small, large): every url's visit after `build_small()`, then after `build_large()`."""
    with module_data():
        client = Client()
        build_small()
        small = visit_all(client, urls)
        build_large()
        return small, visit_all(client, urls)


def assert_same_queries(small: Visit, large: Visit, expected: int) -> None:
    """Both visits answered 200 with `expected` queries."""
    assert small.status == large.status == 200
    assert small.count == expected, "\n".join(small.queries)
    assert large.count == expected, "\n".join(large.queries)
