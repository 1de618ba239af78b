"""The suite's database (made from the models, tests/conftest.py) holds what migrating writes."""

import sqlite3

from django.db import connection

# Rows the data migrations write, compared whole; the other tables migrating writes to by their
# row counts (the ids of content types and permissions follow the order they were made in).
COMPARED_WHOLE = (
    "municipalities_policeregion",
    "municipalities_county",
    "municipalities_municipality",
    "promises_theme",
)


def _tables(cursor) -> list[str]:
    return sorted(
        name for name in connection.introspection.table_names(cursor) if name != "django_migrations"
    )


def _rows(cursor, table: str) -> list[tuple]:
    cursor.execute(f'SELECT * FROM "{table}"')
    # SQLite gives booleans as 0 and 1.
    return sorted(
        tuple(str(int(value) if isinstance(value, bool) else value) for value in row)
        for row in cursor.fetchall()
    )


def test_the_suite_database_holds_what_the_migrations_write(db, migrated_sqlite_file):
    migrated = sqlite3.connect(migrated_sqlite_file)
    try:
        names = [
            row[0]
            for row in migrated.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'django_migrations'"
            )
        ]
        counts = {
            name: migrated.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names
        }
        # Tables migrating leaves empty are not compared: the browser tests' shared data, removed
        # again, leave history and sign-in records behind in the suite's database.
        written = {name: count for name, count in counts.items() if count}
        expected_rows = {name: _rows(migrated.cursor(), name) for name in COMPARED_WHOLE}
    finally:
        migrated.close()
    with connection.cursor() as cursor:
        assert _tables(cursor) == sorted(names)
        ours = {}
        for name in written:
            cursor.execute(f'SELECT COUNT(*) FROM "{name}"')
            ours[name] = cursor.fetchone()[0]
        rows = {name: _rows(cursor, name) for name in COMPARED_WHOLE}
    assert ours == written
    assert written["municipalities_municipality"] == 290
    assert rows == expected_rows
