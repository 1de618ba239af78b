"""`status_from_counts`, the status alone for lists filtered by it, is the status that
`progress_from_counts` and `compute_progress` give, for any target, period, day and logs;
`headline_from_counts`, what an export reads, is their total, current span, status and
average; the per-day and per-week spans stepped through by `_fixed_spans` are the
calendar's; and the ranges the kept sums are compared with (`counting_bounds`, made without
spans) are the target's spans, or the whole period."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from activities.progress import (
    FIXED_DAYS,
    Comparator,
    LogEntry,
    Scope,
    SpanSums,
    Target,
    compute_progress,
    counting_bounds,
    counting_spans,
    headline_from_counts,
    progress_from_counts,
    spans_for,
    status_from_counts,
)
from activities.progress.spans import _calendar_spans, _fixed_spans

DAY = datetime.timedelta(days=1)
STARTS = st.dates(min_value=datetime.date(2019, 1, 1), max_value=datetime.date(2027, 12, 31))
TARGETS = st.one_of(
    st.none(),
    st.builds(
        Target,
        comparator=st.sampled_from(Comparator.values),
        value=st.integers(min_value=1, max_value=40),
        unit=st.just("kontroller"),
        scope=st.sampled_from(Scope.values),
    ),
)


@st.composite
def cases(draw):
    start = draw(STARTS)
    end = start + draw(st.integers(min_value=0, max_value=800)) * DAY
    today = start + draw(st.integers(min_value=-40, max_value=(end - start).days + 40)) * DAY
    days = st.integers(min_value=-10, max_value=(end - start).days + 10)
    entries = draw(
        st.lists(
            st.builds(
                lambda offset, quantity: LogEntry(start + offset * DAY, quantity),
                days,
                st.integers(min_value=1, max_value=12),
            ),
            max_size=40,
        )
    )
    return draw(TARGETS), start, end, today, entries


def kept_sums(target, start, end, entries) -> SpanSums:
    """The sums the rollup keeps: one per counting span, from the entries inside it."""
    return SpanSums(
        (first, last, sum(e.quantity for e in entries if first <= e.date <= last))
        for first, last in counting_spans(target, start, end)
    )


@settings(max_examples=400, deadline=None, derandomize=True)
@given(cases())
def test_the_status_alone_is_the_status_of_the_whole_progress(case):
    target, start, end, today, entries = case
    expected = compute_progress(target, start, end, entries, today).status
    sums = kept_sums(target, start, end, entries)
    assert progress_from_counts(target, start, end, sums, today).status == expected
    assert status_from_counts(target, start, end, sums, today) == expected


@settings(max_examples=400, deadline=None, derandomize=True)
@given(cases())
def test_the_headline_is_the_whole_progress_without_its_spans(case):
    target, start, end, today, entries = case
    progress = compute_progress(target, start, end, entries, today)
    sums = kept_sums(target, start, end, entries)
    headline = headline_from_counts(target, start, end, sums, today)
    assert headline.total_done == progress.total_done
    assert headline.current == progress.current
    assert headline.status == progress.status
    assert headline.average == progress.average


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    STARTS,
    st.integers(min_value=0, max_value=800),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(sorted(FIXED_DAYS)),
)
def test_per_day_and_per_week_spans_are_the_calendar_spans(start, length, value, scope):
    end = start + length * DAY
    calendar = _calendar_spans(scope, value, start, end)
    assert _fixed_spans(value, FIXED_DAYS[scope], start, end) == calendar


@settings(max_examples=300, deadline=None, derandomize=True)
@given(STARTS, st.integers(min_value=0, max_value=800), TARGETS)
def test_the_counting_bounds_are_the_spans_of_the_target(start, length, target):
    end = start + length * DAY
    starts, ends = counting_bounds(target, start, end)
    if target is None or target.is_average:
        assert (starts, ends) == ((start,), (end,))
    else:
        spans = spans_for(target, start, end)
        assert list(zip(starts, ends, strict=True)) == [(s.start, s.end) for s in spans]
