"""Unit tests for progress and pace of activity targets (no database)."""

from datetime import date
from fractions import Fraction

import pytest
from django.utils.translation import override

from activities.progress import (
    COUNTING_RULE,
    Comparator,
    LogCounts,
    LogEntry,
    PaceStatus,
    Scope,
    Span,
    SpanProgress,
    Target,
    behind_pace,
    compute_progress,
    counting_spans,
    headline_from_counts,
    progress_from_counts,
    progress_text,
    spans_for,
    status_from_counts,
    target_text,
)
from activities.wording import listed_spans

# A two-year period that does not start on 1 January and contains 29 February 2024.
START, END = date(2023, 4, 15), date(2025, 4, 14)
TODAY = date(2023, 6, 14)  # a Wednesday; ISO week 2023-06-12 – 2023-06-18
ENTRIES = [
    LogEntry(date(2023, 4, 14), 40),  # the day before the period: never counts
    LogEntry(date(2023, 4, 20), 3),
    LogEntry(date(2023, 5, 10), 2),
    LogEntry(date(2023, 6, 1), 4),
    LogEntry(date(2023, 6, 12), 1),
    LogEntry(date(2023, 6, 13), 2),
    LogEntry(date(2023, 6, 13), 50, withdrawn=True),
]
DONE_BY_TODAY = 12


def make_target(
    comparator: str = Comparator.AT_LEAST,
    value: int = 15,
    scope: str = Scope.YEAR,
    unit: str = "trafikkontroller",
) -> Target:
    return Target(comparator=comparator, value=value, unit=unit, scope=scope)


# Spans containing TODAY, with the days elapsed of the days in the span.
FIRST_YEAR = (START, date(2024, 4, 14))  # 61 of 366 (29 February 2024 included)
SECOND_TERTIAL = (date(2023, 5, 1), date(2023, 8, 31))  # 45 of 123
JUNE = (date(2023, 6, 1), date(2023, 6, 30))  # 14 of 30
WEEK_24 = (date(2023, 6, 12), date(2023, 6, 18))  # 3 of 7


@pytest.mark.parametrize(
    ("scope", "comparator", "value", "span", "done", "expected", "status"),
    [
        ("period", "at_least", 100, (START, END), 12, Fraction(6100, 731), "on_track"),
        ("period", "exactly", 12, (START, END), 12, Fraction(732, 731), "done"),
        ("period", "at_most", 10, (START, END), 12, Fraction(610, 731), "not_achieved"),
        ("year", "at_least", 80, FIRST_YEAR, 12, Fraction(4880, 366), "behind"),
        ("year", "exactly", 11, FIRST_YEAR, 12, Fraction(671, 366), "not_achieved"),
        ("year", "at_most", 12, FIRST_YEAR, 12, Fraction(2), "on_track"),
        ("tertial", "at_least", 9, SECOND_TERTIAL, 9, Fraction(405, 123), "done"),
        ("tertial", "exactly", 20, SECOND_TERTIAL, 9, Fraction(900, 123), "on_track"),
        ("tertial", "at_most", 8, SECOND_TERTIAL, 9, Fraction(360, 123), "not_achieved"),
        ("month", "at_least", 15, JUNE, 7, Fraction(7), "on_track"),  # done == expected
        ("month", "exactly", 16, JUNE, 7, Fraction(224, 30), "behind"),
        ("month", "at_most", 7, JUNE, 7, Fraction(98, 30), "on_track"),
        ("week", "at_least", 8, WEEK_24, 3, Fraction(24, 7), "behind"),
        ("week", "exactly", 3, WEEK_24, 3, Fraction(9, 7), "done"),
        ("week", "at_most", 2, WEEK_24, 3, Fraction(6, 7), "not_achieved"),
        # A bare count is met once reached, and more is also met.
        ("period", "count", 12, (START, END), 12, Fraction(732, 731), "done"),
        ("year", "count", 11, FIRST_YEAR, 12, Fraction(671, 366), "done"),
        ("month", "count", 16, JUNE, 7, Fraction(224, 30), "behind"),
        ("week", "count", 2, WEEK_24, 3, Fraction(6, 7), "done"),
        # Per day: the calendar day; nothing was logged on TODAY itself.
        ("day", "at_least", 1, (TODAY, TODAY), 0, Fraction(1), "not_started"),
        ("day", "at_most", 1, (TODAY, TODAY), 0, Fraction(1), "on_track"),
    ],
)
def test_current_span_done_expected_and_status_for_each_scope_and_comparator(
    scope, comparator, value, span, done, expected, status
):
    progress = compute_progress(make_target(comparator, value, scope), START, END, ENTRIES, TODAY)

    current = progress.current
    assert (current.span.start, current.span.end) == span
    assert current.span.target == value
    assert current.done == done
    assert current.expected == expected
    assert current.status == status
    assert current.is_current is True
    assert progress.status == status
    assert progress.total_done == DONE_BY_TODAY
    assert progress.average is None
    assert progress.units_elapsed is None


@pytest.mark.parametrize(
    ("scope", "comparator", "value", "units", "average", "status"),
    [
        # 61 days elapsed: 8 whole weeks; 12 done
        ("average_week", "at_least", 2, 8, Fraction(3, 2), "behind"),
        ("average_week", "exactly", 1, 8, Fraction(3, 2), "not_achieved"),
        ("average_week", "exactly", 2, 8, Fraction(3, 2), "behind"),
        ("average_week", "at_most", 2, 8, Fraction(3, 2), "on_track"),
        # 15 May reached, 15 June not yet: one whole month
        ("average_month", "at_least", 12, 1, Fraction(12), "on_track"),
        ("average_month", "exactly", 12, 1, Fraction(12), "on_track"),
        ("average_month", "at_most", 11, 1, Fraction(12), "not_achieved"),
    ],
)
def test_average_scopes_divide_total_by_whole_units_elapsed(
    scope, comparator, value, units, average, status
):
    progress = compute_progress(make_target(comparator, value, scope), START, END, ENTRIES, TODAY)

    assert progress.spans == ()
    assert progress.current is None
    assert progress.total_done == DONE_BY_TODAY
    assert progress.units_elapsed == units
    assert progress.average == average
    assert progress.status == status


def test_day_spans_are_calendar_days_each_with_its_own_count():
    progress = compute_progress(
        make_target(Comparator.AT_LEAST, 2, Scope.DAY),
        date(2023, 6, 12),
        date(2023, 6, 18),
        ENTRIES,
        TODAY,
    )

    rows = [(s.span.start, s.span.end, s.span.target, s.done, s.status) for s in progress.spans]
    assert rows == [
        (date(2023, 6, 12), date(2023, 6, 12), 2, 1, "not_achieved"),
        (date(2023, 6, 13), date(2023, 6, 13), 2, 2, "achieved"),
        (date(2023, 6, 14), date(2023, 6, 14), 2, 0, "not_started"),
        (date(2023, 6, 15), date(2023, 6, 15), 2, 0, "not_started"),
        (date(2023, 6, 16), date(2023, 6, 16), 2, 0, "not_started"),
        (date(2023, 6, 17), date(2023, 6, 17), 2, 0, "not_started"),
        (date(2023, 6, 18), date(2023, 6, 18), 2, 0, "not_started"),
    ]  # fmt: skip
    assert progress.current is progress.spans[2]
    assert counting_spans(progress.target, date(2023, 6, 12), date(2023, 6, 18)) == [
        (s.span.start, s.span.end) for s in progress.spans
    ]


@pytest.mark.parametrize(
    ("done", "status_running", "status_after"),
    [(1, "on_track", "not_achieved"), (2, "done", "achieved"), (3, "done", "achieved")],
)
def test_a_bare_count_is_met_when_reached_and_more_is_also_met(done, status_running, status_after):
    target = make_target(Comparator.COUNT, 2, Scope.PERIOD, "medborgardialoger")
    entries = [LogEntry(date(2023, 5, 1), done)]

    running = compute_progress(target, START, END, entries, TODAY)
    after = compute_progress(target, START, END, entries, date(2025, 4, 15))

    assert running.status == status_running
    assert after.status == status_after


def test_an_exact_target_is_missed_by_doing_more_and_an_at_most_target_by_exceeding_it():
    entries = [LogEntry(date(2023, 5, 1), 3)]
    exact = make_target(Comparator.EXACTLY, 2, Scope.PERIOD)
    ceiling = make_target(Comparator.AT_MOST, 2, Scope.PERIOD)

    assert compute_progress(exact, START, END, entries, date(2025, 4, 15)).status == "not_achieved"
    assert compute_progress(ceiling, START, END, entries, TODAY).status == "not_achieved"


def test_a_bare_count_average_above_the_number_is_on_track():
    target = make_target(Comparator.COUNT, 1, Scope.AVERAGE_WEEK)

    progress = compute_progress(target, START, END, ENTRIES, TODAY)

    assert progress.average == Fraction(3, 2)
    assert progress.status == "on_track"


@pytest.mark.parametrize(
    ("singular", "number", "unit"),
    [
        ("fotpatrull", 1, "fotpatrull"),
        ("fotpatrull", 0, "fotpatruller"),
        ("fotpatrull", 2, "fotpatruller"),
        ("fotpatrull", Fraction(1), "fotpatrull"),
        ("fotpatrull", Fraction(3, 2), "fotpatruller"),
        ("", 1, "fotpatruller"),
    ],
)
def test_the_unit_is_singular_after_exactly_one(singular, number, unit):
    target = Target("at_least", 2, "fotpatruller", "week", unit_singular=singular)

    assert target.unit_for(number) == unit


def test_every_span_of_a_recurring_scope_is_reported_with_its_own_done_and_status():
    progress = compute_progress(
        make_target(Comparator.AT_LEAST, 3, Scope.MONTH),
        START,
        date(2023, 10, 14),
        ENTRIES,
        TODAY,
    )

    rows = [(s.span.start, s.span.target, s.done, s.status, s.is_current) for s in progress.spans]
    assert rows == [
        (date(2023, 4, 15), 2, 3, "achieved", False),  # 16 of 30 April days: ceil(1.6)
        (date(2023, 5, 1), 3, 2, "not_achieved", False),
        (date(2023, 6, 1), 3, 7, "done", True),
        (date(2023, 7, 1), 3, 0, "not_started", False),
        (date(2023, 8, 1), 3, 0, "not_started", False),
        (date(2023, 9, 1), 3, 0, "not_started", False),
        (date(2023, 10, 1), 2, 0, "not_started", False),  # 14 of 31 October days: ceil(1.35)
    ]  # fmt: skip
    assert progress.current is progress.spans[2]
    assert progress.status == "done"


@pytest.mark.parametrize(
    ("comparator", "today", "status"),
    [
        # 4 in June's 30 days: 7 days before the 8th are 0.93 due, 13 before the 14th are 1.73.
        ("at_least", date(2023, 6, 8), "not_started"),
        ("at_least", TODAY, "behind"),
        ("exactly", date(2023, 6, 8), "not_started"),
        ("exactly", TODAY, "behind"),
        ("at_most", date(2023, 6, 8), "on_track"),
        ("at_most", TODAY, "on_track"),
    ],
)
def test_running_span_with_nothing_done_is_behind_once_one_was_due_except_for_a_maximum(
    comparator, today, status
):
    entries = [LogEntry(date(2023, 5, 31), 5), LogEntry(date(2023, 7, 1), 5)]

    progress = compute_progress(make_target(comparator, 4, Scope.MONTH), START, END, entries, today)

    assert progress.current.done == 0
    assert progress.current.status == status
    assert progress.status == status
    assert behind_pace(progress) == (status == "behind")


@pytest.mark.parametrize("scope", Scope.values)
@pytest.mark.parametrize("comparator", Comparator.values)
def test_before_the_period_everything_is_not_started(scope, comparator):
    progress = compute_progress(
        make_target(comparator, 5, scope), START, END, ENTRIES, date(2023, 1, 1)
    )

    assert progress.status == "not_started"
    assert progress.current is None
    assert {s.status for s in progress.spans} <= {"not_started"}
    assert {s.expected for s in progress.spans} <= {0}
    assert progress.total_done == DONE_BY_TODAY


FINISHED_ENTRIES = [
    *ENTRIES,  # 12 in the first year
    LogEntry(date(2024, 4, 15), 5),  # first day of the second year
    LogEntry(date(2025, 4, 14), 5),  # last day of the period
    LogEntry(date(2025, 4, 15), 30),  # the day after the period: never counts
    LogEntry(date(2024, 12, 24), 9, withdrawn=True),
]


@pytest.mark.parametrize(
    ("comparator", "value", "span_statuses", "status"),
    [
        ("at_least", 10, ["achieved", "achieved"], "achieved"),
        ("at_least", 11, ["achieved", "not_achieved"], "not_achieved"),
        ("exactly", 12, ["achieved", "not_achieved"], "not_achieved"),
        ("exactly", 10, ["not_achieved", "achieved"], "not_achieved"),
        ("at_most", 12, ["achieved", "achieved"], "achieved"),
        ("at_most", 11, ["not_achieved", "achieved"], "not_achieved"),
    ],
)
def test_finished_period_is_achieved_only_if_every_span_was(
    comparator, value, span_statuses, status
):
    progress = compute_progress(
        make_target(comparator, value, Scope.YEAR), START, END, FINISHED_ENTRIES, date(2025, 6, 1)
    )

    assert [s.done for s in progress.spans] == [12, 10]
    assert [s.expected for s in progress.spans] == [value, value]
    assert [s.status for s in progress.spans] == span_statuses
    assert progress.status == status
    assert progress.current is None
    assert progress.total_done == 22


@pytest.mark.parametrize(
    ("comparator", "value", "status"),
    [
        ("at_least", 22, "achieved"),
        ("at_least", 23, "not_achieved"),
        ("exactly", 22, "achieved"),
        ("exactly", 21, "not_achieved"),
        ("at_most", 22, "achieved"),
        ("at_most", 21, "not_achieved"),
    ],
)
def test_finished_period_scope_compares_the_whole_period(comparator, value, status):
    progress = compute_progress(
        make_target(comparator, value, Scope.PERIOD),
        START,
        END,
        FINISHED_ENTRIES,
        date(2025, 4, 15),
    )

    assert progress.spans[0].done == 22
    assert progress.status == status
    assert progress.current is None


def test_last_day_of_the_period_still_runs_and_counts_entries_of_that_day():
    progress = compute_progress(
        make_target(Comparator.AT_LEAST, 10, Scope.YEAR), START, END, FINISHED_ENTRIES, END
    )

    assert progress.current is progress.spans[1]
    assert progress.current.expected == 10
    assert progress.current.status == "done"
    assert progress.status == "done"


def test_without_a_target_only_the_total_is_computed():
    progress = compute_progress(None, START, END, FINISHED_ENTRIES, TODAY)

    assert progress.target is None
    assert progress.spans == ()
    assert progress.current is None
    assert progress.status is None
    assert progress.average is None
    assert progress.units_elapsed is None
    assert progress.total_done == 22


def test_withdrawn_entries_never_count():
    entries = [
        LogEntry(date(2023, 6, 2), 4),
        LogEntry(date(2023, 6, 3), 100, withdrawn=True),
        LogEntry(date(2023, 6, 14), 1, True),
    ]

    progress = compute_progress(make_target(scope=Scope.MONTH), START, END, entries, TODAY)

    assert progress.current.done == 4
    assert progress.total_done == 4


def test_entries_count_only_in_the_span_that_contains_their_date():
    entries = [
        LogEntry(date(2023, 5, 31), 1),
        LogEntry(date(2023, 6, 1), 2),
        LogEntry(date(2023, 6, 30), 4),
        LogEntry(date(2023, 7, 1), 8),
    ]

    progress = compute_progress(
        make_target(scope=Scope.MONTH), START, date(2023, 7, 31), entries, TODAY
    )

    assert [s.done for s in progress.spans] == [0, 1, 6, 8]
    assert progress.total_done == 15


@pytest.mark.parametrize(
    ("target", "spans_done"),
    [
        (None, []),
        (make_target(scope=Scope.PERIOD), [6]),
        (make_target(scope=Scope.YEAR), [2, 4]),
        (make_target(scope=Scope.AVERAGE_WEEK), []),
    ],
)
def test_entries_outside_the_period_never_count(target, spans_done):
    entries = [
        LogEntry(date(2023, 4, 14), 1),
        LogEntry(date(2023, 4, 15), 2),
        LogEntry(date(2025, 4, 14), 4),
        LogEntry(date(2025, 4, 15), 8),
    ]

    progress = compute_progress(target, START, END, entries, date(2026, 1, 1))

    assert progress.total_done == 6
    assert [s.done for s in progress.spans] == spans_done


def test_entries_may_be_any_iterable_in_any_order():
    entries = (e for e in reversed(ENTRIES))

    progress = compute_progress(make_target(scope=Scope.WEEK), START, END, entries, TODAY)

    assert progress.current.done == 3
    assert progress.total_done == DONE_BY_TODAY


@pytest.mark.parametrize(
    ("scope", "value", "period", "spans"),
    [
        (
            "week",
            5,
            (date(2023, 4, 15), date(2023, 4, 26)),  # Saturday to Wednesday
            [
                Span(date(2023, 4, 15), date(2023, 4, 16), 2),  # 2 of 7 days: ceil(10/7)
                Span(date(2023, 4, 17), date(2023, 4, 23), 5),
                Span(date(2023, 4, 24), date(2023, 4, 26), 3),  # 3 of 7 days: ceil(15/7)
            ],
        ),
        (
            "week",
            5,
            (date(2023, 1, 1), date(2023, 1, 31)),  # ISO week 52 of 2022 ends on 1 January
            [
                Span(date(2023, 1, 1), date(2023, 1, 1), 1),
                Span(date(2023, 1, 2), date(2023, 1, 8), 5),
                Span(date(2023, 1, 9), date(2023, 1, 15), 5),
                Span(date(2023, 1, 16), date(2023, 1, 22), 5),
                Span(date(2023, 1, 23), date(2023, 1, 29), 5),
                Span(date(2023, 1, 30), date(2023, 1, 31), 2),
            ],
        ),
        (
            "month",
            10,
            (date(2023, 4, 15), date(2023, 10, 14)),  # a half-year period
            [
                Span(date(2023, 4, 15), date(2023, 4, 30), 6),  # 16 of 30 days: ceil(5.33)
                Span(date(2023, 5, 1), date(2023, 5, 31), 10),
                Span(date(2023, 6, 1), date(2023, 6, 30), 10),
                Span(date(2023, 7, 1), date(2023, 7, 31), 10),
                Span(date(2023, 8, 1), date(2023, 8, 31), 10),
                Span(date(2023, 9, 1), date(2023, 9, 30), 10),
                Span(date(2023, 10, 1), date(2023, 10, 14), 5),  # 14 of 31 days: ceil(4.52)
            ],
        ),
        (
            "tertial",
            12,
            (date(2023, 4, 15), date(2023, 10, 14)),
            [
                Span(date(2023, 4, 15), date(2023, 4, 30), 2),  # 16 of 120 days: ceil(1.6)
                Span(date(2023, 5, 1), date(2023, 8, 31), 12),
                Span(date(2023, 9, 1), date(2023, 10, 14), 5),  # 44 of 122 days: ceil(4.33)
            ],
        ),
        (
            "tertial",
            12,
            (date(2024, 1, 1), date(2024, 12, 31)),
            [
                Span(date(2024, 1, 1), date(2024, 4, 30), 12),
                Span(date(2024, 5, 1), date(2024, 8, 31), 12),
                Span(date(2024, 9, 1), date(2024, 12, 31), 12),
            ],
        ),
        (
            "year",
            15,
            (date(2023, 4, 15), date(2024, 10, 14)),  # 18 months
            [
                Span(date(2023, 4, 15), date(2024, 4, 14), 15),
                Span(date(2024, 4, 15), date(2024, 10, 14), 8),  # 183 of 365 days: ceil(7.52)
            ],
        ),
        (
            "year",
            15,
            (START, END),
            [Span(START, date(2024, 4, 14), 15), Span(date(2024, 4, 15), END, 15)],
        ),
        ("period", 15, (START, END), [Span(START, END, 15)]),
        ("average_week", 3, (START, END), []),
        ("average_month", 3, (START, END), []),
    ],
)
def test_spans_are_clipped_to_the_period_with_pro_rata_targets_rounded_up(
    scope, value, period, spans
):
    assert spans_for(make_target(value=value, scope=scope), *period) == spans


def test_pace_in_a_clipped_span_uses_the_clipped_days_and_target():
    progress = compute_progress(
        make_target(value=10, scope=Scope.MONTH),
        date(2023, 4, 15),
        date(2023, 10, 14),
        [LogEntry(date(2023, 4, 16), 2)],
        date(2023, 4, 22),
    )

    # target 6 over the 16 days 15–30 April, 8 of them elapsed
    assert progress.current.span.target == 6
    assert progress.current.expected == 3
    assert progress.current.status == "behind"


@pytest.mark.parametrize(
    ("period", "spans"),
    [
        # a calendar year 2024 has 366 days
        ((date(2024, 1, 1), date(2024, 12, 31)), [Span(date(2024, 1, 1), date(2024, 12, 31), 10)]),
        # a 12-month span from 1 March 2023 ends on 29 February 2024
        (
            (date(2023, 3, 1), date(2025, 2, 28)),
            [
                Span(date(2023, 3, 1), date(2024, 2, 29), 10),
                Span(date(2024, 3, 1), date(2025, 2, 28), 10),
            ],
        ),
        # the short last span counts its 184 days against the full 365: ceil(5.04)
        (
            (date(2023, 3, 1), date(2024, 8, 31)),
            [
                Span(date(2023, 3, 1), date(2024, 2, 29), 10),
                Span(date(2024, 3, 1), date(2024, 8, 31), 6),
            ],
        ),
        # a period starting on 29 February counts later years from 28 February, without drift
        (
            (date(2024, 2, 29), date(2028, 2, 28)),
            [
                Span(date(2024, 2, 29), date(2025, 2, 27), 10),
                Span(date(2025, 2, 28), date(2026, 2, 27), 10),
                Span(date(2026, 2, 28), date(2027, 2, 27), 10),
                Span(date(2027, 2, 28), date(2028, 2, 28), 10),
            ],
        ),
    ],
)
def test_year_spans_count_real_days_across_leap_years(period, spans):
    assert spans_for(make_target(value=10, scope=Scope.YEAR), *period) == spans


def test_expected_in_a_leap_year_uses_366_days():
    progress = compute_progress(
        make_target(value=12, scope=Scope.YEAR),
        date(2024, 1, 1),
        date(2024, 12, 31),
        [LogEntry(date(2024, 2, 29), 5)],
        date(2024, 7, 1),  # day 183 of 366
    )

    assert progress.current.expected == 6
    assert progress.current.status == "behind"


def test_february_of_a_leap_year_has_29_days():
    entries = [LogEntry(date(2024, 2, 29), 3), LogEntry(date(2024, 3, 1), 5)]

    progress = compute_progress(
        make_target(value=29, scope=Scope.MONTH),
        date(2024, 1, 1),
        date(2024, 12, 31),
        entries,
        date(2024, 2, 28),
    )

    february = progress.spans[1]
    assert len(progress.spans) == 12
    assert (february.span.start, february.span.end, february.span.target) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
        29,
    )
    assert february.done == 3
    assert february.expected == 28
    assert progress.spans[2].done == 5


@pytest.mark.parametrize(
    ("today", "expected", "expected_percent"),
    [
        (date(2023, 6, 11), Fraction(0), 0),  # the Sunday before the span
        (date(2023, 6, 12), Fraction(8, 7), 14),  # first day counts as elapsed
        (date(2023, 6, 14), Fraction(24, 7), 42),
        (date(2023, 6, 18), Fraction(8), 100),
        (date(2023, 7, 1), Fraction(8), 100),  # after the span: the whole target
    ],
)
def test_expected_by_today_is_target_times_elapsed_share_of_the_span(
    today, expected, expected_percent
):
    week = Span(date(2023, 6, 12), date(2023, 6, 18), 8)
    progress = compute_progress(make_target(value=8, scope=Scope.WEEK), START, END, [], today)

    span = next(s for s in progress.spans if s.span == week)
    assert span.expected == expected
    assert span.expected_percent == expected_percent


@pytest.mark.parametrize(
    ("done", "target", "percent", "bar_percent"),
    [
        (0, 15, 0, 0),
        (7, 15, 46, 46),
        (1, 3, 33, 33),
        (15, 15, 100, 100),
        (17, 15, 113, 100),  # "17 av minst 15"
        (30, 15, 200, 100),
    ],
)
def test_percent_rounds_down_and_over_achievement_is_shown_as_is(
    done, target, percent, bar_percent
):
    span = SpanProgress(
        span=Span(date(2023, 1, 1), date(2023, 12, 31), target),
        done=done,
        expected=Fraction(0),
        status=PaceStatus.ON_TRACK,
        is_current=True,
    )

    assert span.percent == percent
    assert span.bar_percent == bar_percent


def test_over_achievement_is_done_while_running_and_achieved_after():
    entries = [LogEntry(date(2023, 3, 1), 10), LogEntry(date(2023, 6, 1), 7)]
    target = make_target(value=15, scope=Scope.YEAR)

    running = compute_progress(target, date(2023, 1, 1), date(2023, 12, 31), entries, TODAY)
    ended = compute_progress(
        target, date(2023, 1, 1), date(2023, 12, 31), entries, date(2024, 1, 1)
    )

    assert (running.current.done, running.current.percent, running.current.bar_percent) == (
        17,
        113,
        100,
    )
    assert running.status == "done"
    assert ended.status == "achieved"


@pytest.mark.parametrize(
    ("scope", "today", "units"),
    [
        ("average_week", date(2023, 4, 15), 0),
        ("average_week", date(2023, 4, 20), 0),  # 6 days
        ("average_week", date(2023, 4, 21), 1),  # 7 days, today included
        ("average_week", date(2023, 6, 14), 8),  # 61 days
        ("average_week", date(2030, 1, 1), 104),  # finished: 731 days
        ("average_month", date(2023, 5, 14), 0),
        ("average_month", date(2023, 5, 15), 1),
        ("average_month", date(2023, 6, 14), 1),
        ("average_month", date(2023, 6, 15), 2),
        ("average_month", date(2030, 1, 1), 24),  # finished: the whole two years
    ],
)
def test_units_elapsed_for_average_scopes(scope, today, units):
    progress = compute_progress(make_target(value=3, scope=scope), START, END, [], today)

    assert progress.units_elapsed == units


def test_month_units_clamp_to_the_last_day_of_a_short_month():
    progress = compute_progress(
        make_target(value=3, scope=Scope.AVERAGE_MONTH),
        date(2023, 1, 31),
        date(2023, 12, 31),
        [],
        date(2023, 2, 28),
    )

    assert progress.units_elapsed == 1


@pytest.mark.parametrize("scope", ["average_week", "average_month"])
def test_average_with_no_whole_unit_elapsed_is_none_and_not_started(scope):
    entries = [LogEntry(date(2023, 4, 15), 3), LogEntry(date(2023, 4, 20), 2)]

    progress = compute_progress(
        make_target(Comparator.AT_LEAST, 3, scope), START, END, entries, date(2023, 4, 20)
    )

    assert progress.units_elapsed == 0
    assert progress.average is None
    assert progress.status == "not_started"
    assert progress.total_done == 5


@pytest.mark.parametrize(
    ("comparator", "status"),
    [("at_least", "behind"), ("exactly", "behind"), ("at_most", "on_track")],
)
def test_average_of_nothing_after_a_whole_week_is_behind_except_for_a_maximum(comparator, status):
    progress = compute_progress(
        make_target(comparator, 3, Scope.AVERAGE_WEEK), START, END, [], TODAY
    )

    assert progress.average == 0
    assert progress.status == status


@pytest.mark.parametrize(
    ("scope", "period", "total", "average", "comparator", "value", "status"),
    [
        # Monday 2 to Sunday 29 January: 4 whole weeks
        ("average_week", (date(2023, 1, 2), date(2023, 1, 29)), 12, 3, "at_least", 3, "achieved"),
        ("average_week", (date(2023, 1, 2), date(2023, 1, 29)), 12, 3, "at_least", 4,
         "not_achieved"),
        ("average_week", (date(2023, 1, 2), date(2023, 1, 29)), 12, 3, "exactly", 3, "achieved"),
        ("average_week", (date(2023, 1, 2), date(2023, 1, 29)), 12, 3, "at_most", 2,
         "not_achieved"),
        # the calendar year 2023: 12 whole months
        ("average_month", (date(2023, 1, 1), date(2023, 12, 31)), 30, Fraction(5, 2), "at_least",
         3, "not_achieved"),
        ("average_month", (date(2023, 1, 1), date(2023, 12, 31)), 30, Fraction(5, 2), "exactly",
         2, "not_achieved"),
        ("average_month", (date(2023, 1, 1), date(2023, 12, 31)), 30, Fraction(5, 2), "at_most",
         3, "achieved"),
    ],
)  # fmt: skip
def test_finished_average_compares_the_final_average(
    scope, period, total, average, comparator, value, status
):
    entries = [LogEntry(period[0], total - 1), LogEntry(period[1], 1)]

    progress = compute_progress(
        make_target(comparator, value, scope), *period, entries, date(2024, 2, 1)
    )

    assert progress.total_done == total
    assert progress.average == average
    assert progress.status == status


def test_finished_average_without_a_whole_unit_is_not_achieved():
    progress = compute_progress(
        make_target(Comparator.AT_MOST, 3, Scope.AVERAGE_WEEK),
        date(2023, 1, 2),
        date(2023, 1, 5),
        [],
        date(2023, 2, 1),
    )

    assert progress.units_elapsed == 0
    assert progress.status == "not_achieved"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"comparator": "more_than"}, "comparator"),
        ({"scope": "fortnight"}, "scope"),
        ({"value": 0}, "positive"),
    ],
)
def test_invalid_targets_are_rejected(kwargs, message):
    with pytest.raises(ValueError, match=message):
        make_target(**kwargs)


def test_a_period_ending_before_it_starts_is_rejected():
    with pytest.raises(ValueError, match="before it starts"):
        compute_progress(make_target(), END, START, [], TODAY)


@pytest.mark.parametrize(
    ("comparator", "value", "unit", "scope", "text"),
    [
        ("at_least", 15, "trafikkontroller", "year", "at least 15 trafikkontroller per year"),
        ("exactly", 2, "tillfällen", "period", "exactly 2 tillfällen over the whole period"),
        ("count", 2, "medborgardialoger", "period", "2 medborgardialoger over the whole period"),
        ("at_most", 4, "inbrott", "month", "at most 4 inbrott per month"),
        ("at_least", 3, "samverkansmöten", "tertial", "at least 3 samverkansmöten per tertial"),
        ("at_least", 1, "promenad", "week", "at least 1 promenad per week"),
        ("count", 2, "kontroller", "day", "2 kontroller per day"),
        ("at_least", 3, "gånger", "average_week", "on average at least 3 gånger per week"),
        ("at_most", 2, "larm", "average_month", "on average at most 2 larm per month"),
    ],
)
def test_target_text(comparator, value, unit, scope, text):
    with override("en"):
        assert target_text(Target(comparator, value, unit, scope)) == text


@pytest.mark.parametrize(
    ("target", "text"),
    [
        (
            Target("at_least", 1, "fotpatruller", "week", "fotpatrull"),
            "minst 1 fotpatrull per vecka",
        ),
        (Target("count", 2, "dialoger", "period", "dialog"), "2 dialoger under hela perioden"),
        (Target("exactly", 1, "möten", "year", "möte"), "exakt 1 möte per år"),
        (Target("count", 2, "kontroller", "day", "kontroll"), "2 kontroller per dag"),
        (
            Target("at_least", 1, "fotpatruller", "average_week", "fotpatrull"),
            "i snitt minst 1 fotpatrull per vecka",
        ),
    ],
)
def test_target_text_in_swedish_agrees_with_its_number(target, text):
    with override("sv"):
        assert target_text(target) == text


@pytest.mark.parametrize(
    ("done", "target", "span_target", "text"),
    [
        (12, make_target(), None, "12 of at least 15 trafikkontroller"),
        (17, make_target(), None, "17 of at least 15 trafikkontroller"),
        (3, make_target(value=5, scope="week"), 2, "3 of at least 2 trafikkontroller"),
        (
            0,
            make_target("exactly", 2, "period", "tillfällen"),
            None,
            "0 tillfällen (target: exactly 2)",
        ),
        (3, make_target("count", 2, "period", "dialoger"), None, "3 of 2 dialoger"),
        (9, make_target("at_most", 8, "tertial", "larm"), None, "9 of at most 8 larm"),
        (
            Fraction(5, 2),
            make_target(value=3, scope="average_week"),
            None,
            "on average 2.5 trafikkontroller per week (target: at least 3)",
        ),
        (
            Fraction(3),
            make_target(value=3, scope="average_week"),
            None,
            "on average 3 trafikkontroller per week (target: at least 3)",
        ),
        (
            Fraction(9, 4),
            make_target("at_most", 2, "average_month"),
            None,
            "on average 2.3 trafikkontroller per month (target: at most 2)",
        ),
        (
            None,
            make_target(value=3, scope="average_week"),
            None,
            "no whole week has passed yet "
            "(target: on average at least 3 trafikkontroller per week)",
        ),
        (
            None,
            make_target("exactly", 1, "average_month"),
            None,
            "no whole month has passed yet "
            "(target: on average exactly 1 trafikkontroller per month)",
        ),
    ],
)
def test_progress_text(done, target, span_target, text):
    with override("en"):
        assert progress_text(done, target, span_target) == text


def test_counting_rule_explains_withdrawn_logs_and_pro_rata_spans():
    with override("en"):
        rule = str(COUNTING_RULE)

    assert "withdrawn logs excluded" in rule
    assert "proportional target, rounded up" in rule
    assert "\n" not in rule


def test_counting_rule_explains_promise_years_bare_counts_and_every_span_in_swedish():
    with override("sv"):
        rule = str(COUNTING_RULE)

    assert "löftesår" in rule and "inte per kalenderår" in rule
    assert "tolv månader i taget från medborgarlöftets första dag" in rule
    assert "är uppnått när antalet har nåtts, och fler räknas också som uppnått" in rule
    assert "dagarna är kalenderdagar" in rule
    # A bare count is not read as exact; an exact target is explained as one.
    assert "Ett mål utan minst, högst eller exakt (till exempel två medborgardialoger)" in rule
    assert "ett mål med exakt är uppnått bara med just det antalet, varken fler eller färre" in rule


@pytest.mark.parametrize(
    ("today", "logs", "behind"),
    [
        (date(2026, 1, 1), [], False),  # the first day runs: nothing to judge yet
        (date(2026, 1, 2), [], True),  # 1 January ended with none of 2
        (date(2026, 1, 2), [LogEntry(date(2026, 1, 1), 2)], False),
        (date(2026, 1, 3), [LogEntry(date(2026, 1, 2), 1)], True),
        (date(2026, 1, 3), [LogEntry(date(2026, 1, 2), 3)], False),
        (date(2027, 1, 1), [], False),  # the period is over
    ],
)
def test_a_per_day_target_is_behind_when_yesterday_missed_it(today, logs, behind):
    target = make_target(Comparator.AT_LEAST, 2, Scope.DAY, "kontroller")
    progress = compute_progress(target, date(2026, 1, 1), date(2026, 12, 31), logs, today)

    assert behind_pace(progress) is behind


# A promise registered while it ran: the spans before the registration with nothing logged are
# not judged; what was logged for them afterwards counts as usual.

REGISTERED = date(2023, 6, 1)  # the fourth ISO week of the period's and onwards are recorded
WEEKLY = make_target(value=2, scope=Scope.WEEK, unit="fotpatrulleringar")
LATE_ENTRIES = [LogEntry(date(2023, 5, 3), 2), LogEntry(date(2023, 6, 5), 2)]


def _registered(today: date, target: Target = WEEKLY, entries=LATE_ENTRIES):
    counts = LogCounts(entries)
    progress = progress_from_counts(target, START, END, counts, today, recorded_from=REGISTERED)
    status = status_from_counts(target, START, END, counts, today, recorded_from=REGISTERED)
    return progress, status


def test_weeks_before_the_registration_with_nothing_logged_are_not_judged():
    progress, status = _registered(date(2023, 6, 14))
    before = [sp for sp in progress.spans if sp.span.end < REGISTERED]
    assert before and all(sp.span.end < REGISTERED for sp in before)
    logged = [sp for sp in before if sp.done]
    assert [(sp.span.start, sp.status) for sp in logged] == [(date(2023, 5, 1), "achieved")]
    assert all(not sp.recorded and sp.status == "" for sp in before if not sp.done)
    # From the registration on, judged as ever: the week ending 4 June missed, the week of
    # 5 June met, the week of 12 June (today the 14th) not yet due.
    after = [sp for sp in progress.spans if REGISTERED <= sp.span.end < date(2023, 6, 19)]
    assert [sp.status for sp in after] == ["not_achieved", "achieved", "not_started"]
    assert all(sp.recorded for sp in after)
    assert status == progress.status == "not_started"
    with override("sv"):
        lines = listed_spans(progress)
        assert "följdes inte upp i portalen (innan det registrerades)" in {
            line.words for line in lines
        }


def test_an_ended_period_is_not_called_not_achieved_for_weeks_nobody_recorded():
    # Every recorded week met: not "ej uppnådd" because of the weeks before the registration.
    weekly = make_target(value=3, scope=Scope.WEEK, comparator=Comparator.AT_MOST)
    progress, status = _registered(date(2025, 6, 1), target=weekly, entries=[])
    assert status == progress.status is None
    # One recorded week missed: not achieved.
    progress, status = _registered(date(2025, 6, 1))
    assert status == progress.status == "not_achieved"
    # Without a registration date every week is judged.
    counts = LogCounts(LATE_ENTRIES)
    assert progress_from_counts(WEEKLY, START, END, counts, date(2023, 6, 14)).spans[0].status


def test_a_running_span_that_began_before_the_registration_is_not_called_behind():
    """A promise year registered in its twelfth month read "1 av minst 10 … efter plan", and
    a journalist filtering on "efter plan" would have said so of the municipality."""
    yearly = make_target(value=10, scope=Scope.YEAR, unit="trafikkontroller")
    one = [LogEntry(date(2023, 6, 5), 1)]
    progress, status = _registered(date(2023, 6, 14), target=yearly, entries=one)
    current = progress.current
    assert current.span.start < REGISTERED and current.done == 1
    assert status == progress.status == current.status == "" and not current.paced
    # On track or done, it says so: what was logged is known.
    enough = [LogEntry(date(2023, 6, 5), 10)]
    progress, status = _registered(date(2023, 6, 14), target=yearly, entries=enough)
    assert status == progress.status == "done" and progress.current.paced
    # Ended, it is judged as every span is; and a span that began after the registration is
    # paced as ever.
    later = date(START.year + 1, 8, 1)
    progress, status = _registered(later, target=yearly, entries=one)
    assert progress.spans[0].status == "not_achieved" and progress.spans[0].paced
    assert status == progress.status == progress.current.status
    assert progress.current.span.start > REGISTERED and progress.current.paced
    headline = headline_from_counts(
        yearly, START, END, LogCounts(one), date(2023, 6, 14), REGISTERED
    )
    assert headline.status == "" and not headline.current.paced
