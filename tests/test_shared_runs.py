"""CI's two runs (SQLite, PostgreSQL) share the tests that use no database: each such test runs
in one of them, every other in both (tests/conftest.py, TESTS_WITHOUT_DATABASE)."""

from pathlib import Path

import pytest

from tests.conftest import _share_without_database, uses_database

PARSER_TESTS = Path(__file__).parent / "promises" / "textimport" / "test_target_phrases.py"
VENDOR_TESTS = Path(__file__).parent / "activities" / "test_indexes.py"


class Item:
    """What the split reads of a collected test."""

    def __init__(self, nodeid: str, fixtures=(), marked=False, path=PARSER_TESTS):
        self.nodeid, self.fixturenames = nodeid, list(fixtures)
        self.marked, self.path = marked, path

    def get_closest_marker(self, name):
        return object() if self.marked and name == "django_db" else None


ITEMS = (
    [Item(f"parser::{n}", ["settings", "django_db_blocker"]) for n in range(200)]
    + [Item(f"page::{n}", ["client", "db"]) for n in range(20)]
    + [Item(f"marked::{n}", marked=True) for n in range(5)]
    + [Item(f"served::{n}", ["live_server"]) for n in range(5)]
    + [Item(f"vendor::{n}", ["settings"], path=VENDOR_TESTS) for n in range(5)]
)


def test_a_test_asking_for_the_database_or_naming_it_uses_it():
    assert not uses_database(Item("parser", ["settings", "django_db_blocker", "tmp_path"]))
    assert uses_database(Item("page", ["db"]))
    assert uses_database(Item("people", ["people", "db"]))
    assert uses_database(Item("marked", marked=True))
    assert uses_database(Item("served", ["live_server"]))
    assert uses_database(Item("setup", ["django_db_setup"]))
    # A module that reads DATABASE_URL or the vendor acts on the run's database.
    assert uses_database(Item("vendor", ["settings"], path=VENDOR_TESTS))


@pytest.mark.parametrize("n", [1, 2, 3])
def test_each_test_without_a_database_runs_in_exactly_one_run_the_others_in_every_run(n):
    runs = [_share_without_database(list(ITEMS), f"{k}/{n}") for k in range(1, n + 1)]
    for kept, left in runs:
        assert {i.nodeid for i in kept} | {i.nodeid for i in left} == {i.nodeid for i in ITEMS}
        assert not {i.nodeid for i in kept} & {i.nodeid for i in left}
        assert all(i in kept for i in ITEMS if not i.nodeid.startswith("parser"))
    for item in ITEMS[:200]:
        assert sum(item in kept for kept, _ in runs) == 1
    if n == 2:
        # A fair split: neither run takes most of them.
        assert 70 <= sum(i.nodeid.startswith("parser") for i in runs[0][0]) <= 130


def test_a_run_may_take_a_range_of_parts():
    """CI's PostgreSQL run takes longer with the same tests: the SQLite run takes more of those
    that use no database ("1-29/50" and "30-50/50")."""
    runs = [_share_without_database(list(ITEMS), share) for share in ("1-29/50", "30-50/50")]
    for item in ITEMS[:200]:
        assert sum(item in kept for kept, _ in runs) == 1
    first = sum(i.nodeid.startswith("parser") for i in runs[0][0])
    assert 95 <= first <= 135  # some 58 %
    assert all(i in kept for kept, _ in runs for i in ITEMS if not i.nodeid.startswith("parser"))


@pytest.mark.parametrize("share", ["2", "0/2", "3/2", "a/b", "1/0", "2-1/2", "1-3/2", "1-/2"])
def test_a_share_that_names_no_run_is_refused(share):
    with pytest.raises(pytest.UsageError):
        _share_without_database(list(ITEMS), share)
