"""The portal's WSGI application with stand-in pages for scripts/bench_floor.py (never deployed).

`/_floor/N/` runs the SQL statements recorded for page N (the JSON list of lists in the file
named by FLOOR_SQL) through a plain cursor, reads every row, and then answers as `/om/` does: a
page that queries exactly what page N queries, but costs no more ORM and template work than the
page without a query. Its requests/s is the most page N could reach with its present queries.
Every other path is the portal itself.
"""

import json
import os
import re

from django.db import connection

from config.wsgi import application as portal

STAND_IN = re.compile(r"^/_floor/(\d+)/$")
REFERENCE_PATH = "/om/"


def _recorded(path: str | None) -> list[list[str]]:
    if not path:
        return []
    with open(path, encoding="utf-8") as file:
        return json.load(file)


STATEMENTS = _recorded(os.environ.get("FLOOR_SQL"))


def run_statements(statements: list[str]) -> int:
    """Run each statement and read all its rows; the number of rows read."""
    rows = 0
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
            rows += len(cursor.fetchall())
    return rows


def application(environ, start_response):
    match = STAND_IN.match(environ.get("PATH_INFO", ""))
    if match and int(match[1]) < len(STATEMENTS):
        run_statements(STATEMENTS[int(match[1])])
        environ = {**environ, "PATH_INFO": REFERENCE_PATH}
    return portal(environ, start_response)
