"""A target's counting spans: promise years, tertials, months, weeks or days of its period,
clipped to the period with a pro rata target."""

import calendar
import datetime
from collections.abc import Iterable, Iterator
from functools import lru_cache, partial
from itertools import repeat
from typing import NamedTuple

from activities.progress.targets import AVERAGE_SCOPES, Scope, Target

ONE_DAY = datetime.timedelta(days=1)


class Span(NamedTuple):
    """One time span of a target, clipped to the period, with its (pro rata) target.

    A named tuple rather than a dataclass: a per-day target over two years has 730 of them,
    and a national list makes a hundred thousand."""

    start: datetime.date
    end: datetime.date
    target: int

    @property
    def days(self) -> int:
        """Number of days in the span, both ends included."""
        return (self.end - self.start).days + 1


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return the same day of month `months` later, clamped to the month's last day."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    month = month_index + 1
    return day.replace(year=year, month=month, day=min(day.day, _month_days(year, month)))


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _full_spans(
    scope: str, period_start: datetime.date
) -> Iterator[tuple[datetime.date, datetime.date]]:
    """Yield unclipped spans from the one containing period_start onwards, without end."""
    if scope == Scope.YEAR:
        index = 0
        while True:
            # Counted from period_start each time so that a 29 February start does not drift.
            yield (
                add_months(period_start, 12 * index),
                add_months(period_start, 12 * (index + 1)) - ONE_DAY,
            )
            index += 1
    day = period_start
    while True:
        if scope == Scope.DAY:
            start = end = day
        elif scope == Scope.WEEK:
            start = day - datetime.timedelta(days=day.weekday())
            end = start + datetime.timedelta(days=6)
        elif scope == Scope.MONTH:
            start = day.replace(day=1)
            end = add_months(start, 1) - ONE_DAY
        elif scope == Scope.TERTIAL:
            start = day.replace(month=(day.month - 1) // 4 * 4 + 1, day=1)
            end = add_months(start, 4) - ONE_DAY
        else:
            raise ValueError(f"Scope {scope!r} has no recurring spans.")
        yield start, end
        day = end + ONE_DAY


def _check_period(period_start: datetime.date, period_end: datetime.date) -> None:
    if period_end < period_start:
        raise ValueError("A period cannot end before it starts.")


def spans_for(target: Target, period_start: datetime.date, period_end: datetime.date) -> list[Span]:
    """Return the target's spans inside the period; averages have none."""
    return list(_spans(target, period_start, period_end))


def _spans(target: Target, period_start: datetime.date, period_end: datetime.date) -> tuple:
    return _spans_of(target.scope, target.value, period_start, period_end)


@lru_cache(maxsize=8192)
def _spans_of(scope: str, value: int, period_start: datetime.date, period_end: datetime.date):
    # Cached by what the spans depend on, not by the whole target (its unit differs from one
    # activity to the next): a list of activities asks for the same spans many times.
    _check_period(period_start, period_end)
    if scope in AVERAGE_SCOPES:
        return ()
    if scope == Scope.PERIOD:
        return (Span(period_start, period_end, value),)
    if scope in FIXED_DAYS:
        return _fixed_spans(value, FIXED_DAYS[scope], period_start, period_end)
    return _calendar_spans(scope, value, period_start, period_end)


def _calendar_spans(
    scope: str, value: int, period_start: datetime.date, period_end: datetime.date
) -> tuple:
    """The spans of a recurring target, from the calendar (`_full_spans`), clipped to the
    period with a pro rata target."""
    spans = []
    for full_start, full_end in _full_spans(scope, period_start):
        if full_start > period_end:
            break
        start, end = max(full_start, period_start), min(full_end, period_end)
        # The target times the share of the span inside the period, rounded up.
        inside, full = (end - start).days + 1, (full_end - full_start).days + 1
        spans.append(Span(start, end, -(-value * inside // full)))
    return tuple(spans)


# Scopes whose spans all have the same length in days: weeks start on Mondays.
FIXED_DAYS = {Scope.DAY: 1, Scope.WEEK: 7}
_FIXED_SCOPES = {days: scope for scope, days in FIXED_DAYS.items()}


def _fixed_spans(
    value: int, days: int, period_start: datetime.date, period_end: datetime.date
) -> tuple:
    """`_calendar_spans` of a per-day or per-week target, from the ranges of `_bounds_of` (kept
    for the scope and period, whatever the value): the same spans, found without their calendar
    work (a per-day target over two years has 730; tests/activities/test_progress_status.py
    holds the two equal). A list of the country's activities asks for one per distinct value."""
    starts, ends = _bounds_of(_FIXED_SCOPES[days], period_start, period_end)
    spans = list(map(_new_span, zip(starts, ends, repeat(value))))
    # The first and last spans may be cut by the period: a pro rata target.
    for index in {0, len(spans) - 1}:
        start, end, _value = spans[index]
        inside = (end - start).days + 1
        if inside < days:
            spans[index] = Span(start, end, -(-value * inside // days))
    return tuple(spans)


# A Span from a (start, end, target) tuple, made in C: a per-day target has hundreds of them.
_new_span = partial(tuple.__new__, Span)


def _fixed_bounds(
    days: int, period_start: datetime.date, period_end: datetime.date
) -> tuple[tuple[datetime.date, ...], tuple[datetime.date, ...]]:
    """The starts and ends of `_fixed_spans`, from day numbers: no span is made (a per-day
    target over two years has 730 ranges to compare with its kept sums)."""
    first, last = period_start.toordinal(), period_end.toordinal()
    week_start = first - (period_start.weekday() if days == 7 else 0)
    starts = [*range(week_start, last + 1, days)]
    ends = [start + days - 1 for start in starts]
    starts[0], ends[-1] = first, min(ends[-1], last)
    as_dates = datetime.date.fromordinal
    return tuple(map(as_dates, starts)), tuple(map(as_dates, ends))


def counting_spans(
    target: Target | None, period_start: datetime.date, period_end: datetime.date
) -> list[tuple[datetime.date, datetime.date]]:
    """The date ranges progress needs sums for: the target's spans, else the whole period.

    They tile the period without gaps or overlaps, so their sums also give the period's total;
    the database rollup (activities/rollup.py) keeps one sum per range.
    """
    starts, ends = counting_bounds(target, period_start, period_end)
    return list(zip(starts, ends, strict=True))


def counting_bounds(
    target: Target | None, period_start: datetime.date, period_end: datetime.date
) -> tuple[tuple[datetime.date, ...], tuple[datetime.date, ...]]:
    """The starts and the ends of `counting_spans`, compared with the kept sums
    (`SpanSums.kept_for`) each time an activity's progress is read."""
    scope = None if target is None or target.is_average else target.scope
    return _bounds_of(scope, period_start, period_end)


@lru_cache(maxsize=8192)
def _bounds_of(
    scope: str | None, period_start: datetime.date, period_end: datetime.date
) -> tuple[tuple[datetime.date, ...], tuple[datetime.date, ...]]:
    # Made once per scope and period: the bounds do not depend on the target's value or unit.
    _check_period(period_start, period_end)
    if scope is None or scope == Scope.PERIOD:
        return (period_start,), (period_end,)
    if scope in FIXED_DAYS:
        return _fixed_bounds(FIXED_DAYS[scope], period_start, period_end)
    spans = _calendar_spans(scope, 1, period_start, period_end)
    return tuple(span.start for span in spans), tuple(span.end for span in spans)


def _current_span(spans: Iterable[Span], today: datetime.date) -> Span | None:
    """The span `today` falls in; None before or after them all."""
    return next((span for span in spans if span.start <= today <= span.end), None)
