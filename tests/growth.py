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


def keep_reference_data() -> None:
    """What pages keep in the cache until reference data change (the start page's suggestions,
    the lists' place and theme choices) and until any public data change (the years the lists'
    year filter offers), kept before pages are counted: a page's count is then the same on
    every request, whichever page came first."""
    from promises.filters import kept_place_and_theme_choices, year_choices
    from promises.views import kept_name_options

    kept_name_options()
    kept_place_and_theme_choices()
    year_choices()


def at_two_sizes(module_data, urls, build_small, build_large):
    """(small, large): every url's visit after `build_small()`, then after `build_large()`."""
    with module_data():
        client = Client()
        build_small()
        keep_reference_data()
        small = visit_all(client, urls)
        build_large()
        keep_reference_data()
        return small, visit_all(client, urls)


def assert_same_queries(small: Visit, large: Visit, expected: int) -> None:
    """Both visits answered 200 with `expected` queries."""
    assert small.status == large.status == 200
    assert small.count == expected, "\n".join(small.queries)
    assert large.count == expected, "\n".join(large.queries)
