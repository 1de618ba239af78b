"""Progress and pace of activity targets, computed from logged entries."""

import calendar
import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache, partial
from itertools import accumulate, repeat
from typing import NamedTuple, Protocol

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ONE_DAY = datetime.timedelta(days=1)


class Comparator(models.TextChoices):
    """How the done quantity is compared with a target."""

    AT_LEAST = "at_least", _("at least")
    EXACTLY = "exactly", _("exactly")
    AT_MOST = "at_most", _("at most")
    # A bare count ("två medborgardialoger"): met when reached, more is also met.
    COUNT = "count", _("a number of")


class Scope(models.TextChoices):
    """Which time span a target applies to."""

    PERIOD = "period", _("over the whole period")
    YEAR = "year", _("per year")
    TERTIAL = "tertial", _("per tertial")
    MONTH = "month", _("per month")
    WEEK = "week", _("per week")
    DAY = "day", _("per day")
    AVERAGE_WEEK = "average_week", _("on average per week")
    AVERAGE_MONTH = "average_month", _("on average per month")


AVERAGE_SCOPES = frozenset({Scope.AVERAGE_WEEK, Scope.AVERAGE_MONTH})
_COMPARATORS = frozenset(Comparator.values)
_SCOPES = frozenset(Scope.values)


class PaceStatus(models.TextChoices):
    """Where a target stands today."""

    DONE = "done", _("complete")
    ON_TRACK = "on_track", _("on track")
    BEHIND = "behind", _("behind schedule")
    NOT_STARTED = "not_started", _("not started")
    ACHIEVED = "achieved", _("achieved")
    NOT_ACHIEVED = "not_achieved", _("not achieved")


COUNTING_RULE = _(
    "Progress is counted from the logged activities: the sum of the quantities of every log dated "
    "inside the time span, withdrawn logs excluded. The percentage is that sum divided by the "
    "target, rounded down; it can exceed one hundred when more was done than promised. A target "
    "without at least, at most or exactly (for example two citizen dialogues) is met when the "
    "number is reached, and more is also met; an at most target is met while the number stays "
    "at or below it; an exactly target is met only by that very number, neither more nor fewer. "
    "A target per year counts promise years: twelve-month spans from the first day of the "
    "promise period (promise year 1, 2 and so on), not calendar years. Tertials are "
    "January–April, May–August and September–December, months are calendar months, weeks run "
    "Monday to Sunday and days are calendar days. Expected by today is the target multiplied by "
    "the share of the time span that has passed, today included. A span only partly inside the "
    "promise period, such as a shorter last promise year, gets a proportional target, rounded "
    "up. An average is the total so far divided by the whole weeks or months passed in the "
    "period."
)


class LogEntry(NamedTuple):
    """One logged occurrence, as far as counting is concerned."""

    date: datetime.date
    quantity: int
    withdrawn: bool = False


@dataclass(frozen=True)
class Target:
    """A numeric target: comparator, value, unit (plural, and singular if given) and scope."""

    comparator: str
    value: int
    unit: str
    scope: str
    unit_singular: str = ""

    def __post_init__(self) -> None:
        if self.comparator not in _COMPARATORS:
            raise ValueError(f"Unknown comparator {self.comparator!r}.")
        if self.scope not in _SCOPES:
            raise ValueError(f"Unknown scope {self.scope!r}.")
        if self.value <= 0:
            raise ValueError("A target value must be positive.")

    @property
    def is_average(self) -> bool:
        """Whether the target is an average per week or month rather than a count per span."""
        return self.scope in AVERAGE_SCOPES

    @property
    def is_ceiling(self) -> bool:
        """Whether the target is a most ("högst"): less is better, so no bar fills towards it."""
        return self.comparator == Comparator.AT_MOST

    def unit_for(self, number: int | Fraction | None) -> str:
        """The unit as it follows `number`: the singular after exactly one, else the plural."""
        if number == 1 and self.unit_singular:
            return self.unit_singular
        return self.unit


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


@dataclass(frozen=True)
class SpanProgress:
    """Done, expected and status of one span on a given day."""

    span: Span
    done: int
    expected: Fraction
    status: str
    is_current: bool
    # False for a span that ended before the portal recorded the period (a promise registered
    # while it ran) with nothing logged for it: not judged (`unrecorded`).
    recorded: bool = True
    # False for the running span while its pace is not judged: it began before the portal
    # recorded the period, and behind or not started says nothing then (`pace_unknown`).
    paced: bool = True

    @property
    def percent(self) -> int:
        """Done as a share of the target, rounded down; over-achievement exceeds 100."""
        return self.done * 100 // self.span.target

    @property
    def bar_percent(self) -> int:
        """Percent capped at 100, for the width of a bar."""
        return min(self.percent, 100)

    @property
    def expected_percent(self) -> int:
        """Expected by today as a share of the target, for the pace marker."""
        return min(int(self.expected * 100 / self.span.target), 100)


@dataclass(frozen=True)
class Progress:
    """Progress of one activity over its period on a given day."""

    target: Target | None
    period_start: datetime.date
    period_end: datetime.date
    today: datetime.date
    spans: tuple[SpanProgress, ...]
    current: SpanProgress | None
    total_done: int
    status: str | None
    average: Fraction | None
    units_elapsed: int | None


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


def _meets(comparator: str, done: int | Fraction, target: int) -> bool:
    if comparator in (Comparator.AT_LEAST, Comparator.COUNT):
        return done >= target
    if comparator == Comparator.EXACTLY:
        return done == target
    return done <= target


def _final_status(comparator: str, done: int | Fraction, target: int) -> str:
    return PaceStatus.ACHIEVED if _meets(comparator, done, target) else PaceStatus.NOT_ACHIEVED


def span_met(target: Target, span: SpanProgress) -> bool:
    """Whether `span`'s count meets its target, judged as if the span were over (a report
    judges the span that ends on its last day as ended)."""
    return _meets(target.comparator, span.done, span.span.target)


def _span_status(
    comparator: str, span: Span, done: int, expected: Fraction, today: datetime.date
) -> str:
    if today < span.start:
        return PaceStatus.NOT_STARTED
    if today > span.end:
        return _final_status(comparator, done, span.target)
    if comparator == Comparator.AT_MOST:
        # Exceeding a maximum cannot be undone; staying under it is the plan at any time.
        return PaceStatus.NOT_ACHIEVED if done > span.target else PaceStatus.ON_TRACK
    if comparator == Comparator.EXACTLY and done > span.target:
        return PaceStatus.NOT_ACHIEVED
    if done >= span.target:
        return PaceStatus.DONE
    if done == 0 and _expected(span, today - ONE_DAY) < 1:
        # Not one was due before today (the running day may yet be worked). Nothing done once
        # one was is behind, not a neutral "not started".
        return PaceStatus.NOT_STARTED
    return PaceStatus.ON_TRACK if done >= expected else PaceStatus.BEHIND


def _expected(span: Span, today: datetime.date) -> Fraction:
    elapsed = min(max((today - span.start).days + 1, 0), span.days)
    if elapsed in (0, span.days):  # most spans of a list are over or not begun: no fraction
        return Fraction(span.target if elapsed else 0)
    return Fraction(span.target * elapsed, span.days)


class Counts(Protocol):
    """Anything that sums counted quantities over a date range (both ends included), and over
    each of a target's spans."""

    def between(self, start: datetime.date, end: datetime.date) -> int: ...

    def each(self, spans: Iterable[Span]) -> list[int]: ...


class LogCounts:
    """Sums quantities of dated entries over date ranges (the logs themselves, not kept sums)."""

    def __init__(self, entries: Iterable[LogEntry]) -> None:
        counted = sorted((e.date, e.quantity) for e in entries if not e.withdrawn)
        self._dates = [day for day, _quantity in counted]
        self._sums = [0, *accumulate(quantity for _day, quantity in counted)]

    def between(self, start: datetime.date, end: datetime.date) -> int:
        """Sum of quantities dated from start to end, both included."""
        return (
            self._sums[bisect_right(self._dates, end)] - self._sums[bisect_left(self._dates, start)]
        )

    def each(self, spans: Iterable[Span]) -> list[int]:
        """The sum of each of `spans`, in order."""
        return [self.between(span.start, span.end) for span in spans]


def units_elapsed(
    scope: str, period_start: datetime.date, period_end: datetime.date, today: datetime.date
) -> int:
    """Whole weeks or months of the period elapsed by today, for average scopes."""
    if scope == Scope.AVERAGE_WEEK:
        days = (min(today, period_end) - period_start).days + 1
        return max(days, 0) // 7
    if scope != Scope.AVERAGE_MONTH:
        raise ValueError(f"Scope {scope!r} is not an average.")
    # A month counts once its anniversary day is reached; a finished period counts in full.
    reference = min(today, period_end + ONE_DAY)
    months = (reference.year - period_start.year) * 12 + reference.month - period_start.month
    if months > 0 and add_months(period_start, months) > reference:
        months -= 1
    return max(months, 0)


def _average_status(target: Target, average: Fraction | None, total_done: int, ended: bool) -> str:
    if ended:
        # Without a single whole unit the average target cannot have been met.
        if average is None:
            return PaceStatus.NOT_ACHIEVED
        return _final_status(target.comparator, average, target.value)
    if average is None:
        # Not a whole week or month has passed: nothing could be averaged yet.
        return PaceStatus.NOT_STARTED
    if average > target.value and target.comparator in (Comparator.EXACTLY, Comparator.AT_MOST):
        # Mirrors span targets: above a maximum or an exact value is off target, not behind.
        return PaceStatus.NOT_ACHIEVED
    if average < target.value and target.comparator != Comparator.AT_MOST:
        return PaceStatus.BEHIND
    return PaceStatus.ON_TRACK


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


class SpanSums:
    """Sums kept per counting span (see `counting_spans`), answering sums over unions of them."""

    def __init__(self, sums: Iterable[tuple[datetime.date, datetime.date, int]]) -> None:
        ordered = sorted(sums)
        self._starts = tuple(start for start, _end, _done in ordered)
        self._ends = tuple(end for _start, end, _done in ordered)
        self._totals = [0, *accumulate(done for _start, _end, done in ordered)]

    @classmethod
    def from_columns(
        cls, starts: Sequence[datetime.date], ends: Sequence[datetime.date], dones: Iterable[int]
    ) -> "SpanSums":
        """The sums of ranges given in order, as three columns (a database's rows in order)."""
        sums = cls.__new__(cls)
        sums._starts, sums._ends = tuple(starts), tuple(ends)
        sums._totals = [0, *accumulate(dones)]
        return sums

    def kept_for(self, bounds: tuple[tuple[datetime.date, ...], tuple[datetime.date, ...]]) -> bool:
        """Whether the sums are kept for exactly the ranges of `counting_bounds`."""
        starts, ends = bounds
        return self._starts == starts and self._ends == ends

    def each(self, spans: Iterable[Span]) -> list[int]:
        """The sum of each of `spans`, in order; a span that is one kept range is read directly
        (a per-day target keeps hundreds), any other is summed with `between`."""
        starts, ends, totals = self._starts, self._ends, self._totals
        done = []
        for index, span in enumerate(spans):
            if index < len(starts) and starts[index] == span.start and ends[index] == span.end:
                done.append(totals[index + 1] - totals[index])
            else:
                done.append(self.between(span.start, span.end))
        return done

    def between(self, start: datetime.date, end: datetime.date) -> int:
        """Sum over the kept ranges inside start–end; a range cut by either end is an error."""
        first = bisect_left(self._ends, start)  # the first range ending on or after start
        last = bisect_right(self._starts, end)  # one past the last range starting by end
        if first < last and (self._starts[first] < start or self._ends[last - 1] > end):
            raise ValueError(f"{start}–{end} cuts a kept range.")
        return self._totals[max(last, first)] - self._totals[first]


def compute_progress(
    target: Target | None,
    period_start: datetime.date,
    period_end: datetime.date,
    entries: Iterable[LogEntry],
    today: datetime.date,
) -> Progress:
    """Compute done, expected and status of a target from its log entries on a given day."""
    return progress_from_counts(target, period_start, period_end, LogCounts(entries), today)


def unrecorded(span: Span, done: int, recorded_from: datetime.date | None) -> bool:
    """Whether a span is not judged: it ended before the day the portal began to record the
    period (`recorded_from`: a promise registered while it ran) and nothing is logged for it.
    Nothing logged then says nothing of what was done; what was logged afterwards counts."""
    return recorded_from is not None and span.end < recorded_from and done == 0


def pace_unknown(
    span: Span, status: str, today: datetime.date, recorded_from: datetime.date | None
) -> bool:
    """Whether a running span's pace is not judged: it began before the portal recorded the
    period (a promise registered while it ran), so what was done before then is not logged,
    and "behind" or "not started" would say what nobody knows (a promise year registered in
    its twelfth month read "1 av minst 10 … efter plan"). Judged again when it ends."""
    return (
        recorded_from is not None
        and span.start < recorded_from
        and span.start <= today <= span.end
        and status in (PaceStatus.BEHIND, PaceStatus.NOT_STARTED)
    )


def _ended_period_status(outcomes: Iterable[tuple[bool, bool]]) -> str | None:
    """An ended period's status from its spans' (judged, met): not achieved once a judged span
    was not met, achieved if every span was judged and met, unknown (None) when the only spans
    not met were not judged (`unrecorded`)."""
    all_judged = True
    for judged, met in outcomes:
        if judged and not met:
            return PaceStatus.NOT_ACHIEVED
        all_judged = all_judged and judged
    return PaceStatus.ACHIEVED if all_judged else None


def progress_from_counts(
    target: Target | None,
    period_start: datetime.date,
    period_end: datetime.date,
    counter: Counts,
    today: datetime.date,
    recorded_from: datetime.date | None = None,
) -> Progress:
    """Compute done, expected and status of a target from sums over its spans on a given day;
    spans before `recorded_from` with nothing logged are not judged (`unrecorded`)."""
    _check_period(period_start, period_end)
    total_done = counter.between(period_start, period_end)
    spans: tuple[SpanProgress, ...] = ()
    current = None
    status = None
    average = None
    elapsed_units = None
    if target is not None and target.is_average:
        elapsed_units = units_elapsed(target.scope, period_start, period_end, today)
        average = Fraction(total_done, elapsed_units) if elapsed_units else None
        if today < period_start:
            status = PaceStatus.NOT_STARTED
        else:
            status = _average_status(target, average, total_done, ended=today > period_end)
    elif target is not None:
        target_spans = _spans(target, period_start, period_end)
        spans = tuple(
            _span_progress(target.comparator, span, span_done, today)
            for span, span_done in zip(target_spans, counter.each(target_spans), strict=True)
        )
        if recorded_from is not None:
            spans = tuple(
                replace(span, status="", recorded=False)
                if unrecorded(span.span, span.done, recorded_from)
                else replace(span, status="", paced=False)
                if pace_unknown(span.span, span.status, today, recorded_from)
                else span
                for span in spans
            )
        current = next((span for span in spans if span.is_current), None)
        if target.scope == Scope.PERIOD:
            status = spans[0].status
        elif today < period_start:
            status = PaceStatus.NOT_STARTED
        elif today > period_end:
            status = _ended_period_status(
                (span.recorded, span.status == PaceStatus.ACHIEVED) for span in spans
            )
        else:
            status = current.status
    return Progress(
        target=target,
        period_start=period_start,
        period_end=period_end,
        today=today,
        spans=spans,
        current=current,
        total_done=total_done,
        status=status,
        average=average,
        units_elapsed=elapsed_units,
    )


def status_from_counts(
    target: Target | None,
    period_start: datetime.date,
    period_end: datetime.date,
    counter: Counts,
    today: datetime.date,
    recorded_from: datetime.date | None = None,
) -> str | None:
    """`progress_from_counts(...).status`, asking `counter` only for the spans the status
    depends on: the current one while the period runs, every one once it has ended. A list
    filtered by status asks this of every activity in the country.
    """
    _check_period(period_start, period_end)
    if target is None:
        return None
    if target.is_average:
        if today < period_start:
            return PaceStatus.NOT_STARTED
        total_done = counter.between(period_start, period_end)
        elapsed_units = units_elapsed(target.scope, period_start, period_end, today)
        average = Fraction(total_done, elapsed_units) if elapsed_units else None
        return _average_status(target, average, total_done, ended=today > period_end)
    target_spans = _spans(target, period_start, period_end)
    if target.scope != Scope.PERIOD:
        if today < period_start:
            return PaceStatus.NOT_STARTED
        if today > period_end:
            # Without a span's progress built for each (a list filtered by status asks this of
            # every activity in the country).
            return _ended_period_status(
                (
                    not unrecorded(span, span_done, recorded_from),
                    _meets(target.comparator, span_done, span.target),
                )
                for span, span_done in zip(target_spans, counter.each(target_spans), strict=True)
            )
        target_spans = [_current_span(target_spans, today)]
    (span,) = target_spans
    (span_done,) = counter.each(target_spans)
    status = _span_progress(target.comparator, span, span_done, today).status
    return "" if pace_unknown(span, status, today, recorded_from) else status


@dataclass(frozen=True)
class Headline:
    """What a row of a list or an export shows of one activity's progress: the total, the
    current span and the status, without the figures of every other span."""

    total_done: int
    current: SpanProgress | None
    status: str | None
    average: Fraction | None


def headline_from_counts(
    target: Target | None,
    period_start: datetime.date,
    period_end: datetime.date,
    counter: Counts,
    today: datetime.date,
    recorded_from: datetime.date | None = None,
) -> Headline:
    """`progress_from_counts(...)`'s total, current span, status and average, without building
    the progress of every span (an activity with a weekly target has a hundred; the national
    export reads every activity of the country)."""
    _check_period(period_start, period_end)
    total_done = counter.between(period_start, period_end)
    status = status_from_counts(target, period_start, period_end, counter, today, recorded_from)
    if target is None:
        return Headline(total_done, None, status, None)
    if target.is_average:
        elapsed_units = units_elapsed(target.scope, period_start, period_end, today)
        average = Fraction(total_done, elapsed_units) if elapsed_units else None
        return Headline(total_done, None, status, average)
    span = _current_span(_spans(target, period_start, period_end), today)
    if span is None:
        return Headline(total_done, None, status, None)
    (span_done,) = counter.each([span])
    current = _span_progress(target.comparator, span, span_done, today)
    if pace_unknown(span, current.status, today, recorded_from):
        current = replace(current, status="", paced=False)
    return Headline(total_done, current, status, None)


def _current_span(spans: Iterable[Span], today: datetime.date) -> Span | None:
    """The span `today` falls in; None before or after them all."""
    return next((span for span in spans if span.start <= today <= span.end), None)


@lru_cache(maxsize=1024)
def _whole(number: int) -> Fraction:
    """`Fraction(number)`, made once: most spans of a list are over (expected in full) or not
    begun (nothing expected)."""
    return Fraction(number)


def _span_progress(comparator: str, span: Span, done: int, today: datetime.date) -> SpanProgress:
    # The spans that are over or not begun, most of a long list, without `_expected` and
    # `_span_status`: the same values, found sooner.
    if today > span.end:
        status = _final_status(comparator, done, span.target)
        return SpanProgress(span, done, _whole(span.target), status, is_current=False)
    if today < span.start:
        return SpanProgress(span, done, _whole(0), PaceStatus.NOT_STARTED, is_current=False)
    expected = _expected(span, today)
    return SpanProgress(
        span=span,
        done=done,
        expected=expected,
        status=_span_status(comparator, span, done, expected, today),
        is_current=span.start <= today <= span.end,
    )


def count_text(number: int) -> str:
    """A whole number as the language writes it: "1 304" in Swedish (a no-break space)."""
    return number_format(number, force_grouping=True)


def amount_text(target: Target, value: int | None = None) -> str:
    """The target's number with its comparator: "minst 15", "högst 4", or a bare "2"."""
    number = count_text(target.value if value is None else value)
    if target.comparator == Comparator.COUNT:
        return number
    if target.comparator == Comparator.AT_LEAST:
        return gettext("at least %(number)s") % {"number": number}
    if target.comparator == Comparator.AT_MOST:
        return gettext("at most %(number)s") % {"number": number}
    return gettext("exactly %(number)s") % {"number": number}


def _average_scope(target: Target) -> str:
    return str(Scope.WEEK.label if target.scope == Scope.AVERAGE_WEEK else Scope.MONTH.label)


def target_text(target: Target) -> str:
    """Describe a target in words, e.g. "at least 15 trafikkontroller per year"."""
    values = {"amount": amount_text(target), "unit": target.unit_for(target.value)}
    if target.is_average:
        values["scope"] = _average_scope(target)
        return gettext("on average %(amount)s %(unit)s %(scope)s") % values
    values["scope"] = Scope(target.scope).label
    return gettext("%(amount)s %(unit)s %(scope)s") % values


def _format_average(average: Fraction) -> str:
    if average.denominator == 1:
        return number_format(average.numerator)
    one_decimal = (Decimal(average.numerator) / Decimal(average.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    return number_format(one_decimal, decimal_pos=1)


def progress_text(
    done: int | Fraction | None, target: Target, span_target: int | None = None
) -> str:
    """Describe progress in words; for average scopes `done` is the average so far, or None.

    "3 av 2 medborgardialoger", "1 av minst 1 informationsinsats": the unit agrees with the
    target's number. An exact target ("exakt 2") is not a ceiling to count towards, so its words
    give what was done and the target apart: "3 medborgardialoger (mål: exakt 2)".
    """
    if not target.is_average:
        number = target.value if span_target is None else span_target
        if target.comparator == Comparator.EXACTLY:
            return gettext("%(done)s %(unit)s (target: %(amount)s)") % {
                "done": count_text(done),
                "unit": target.unit_for(done),
                "amount": amount_text(target, number),
            }
        return gettext("%(done)s of %(amount)s %(unit)s") % {
            "done": count_text(done),
            "amount": amount_text(target, number),
            "unit": target.unit_for(number),
        }
    if done is None:
        values = {"target": target_text(target)}
        if target.scope == Scope.AVERAGE_WEEK:
            return gettext("no whole week has passed yet (target: %(target)s)") % values
        return gettext("no whole month has passed yet (target: %(target)s)") % values
    average = Fraction(done)
    return gettext("on average %(average)s %(unit)s %(scope)s (target: %(amount)s)") % {
        "average": _format_average(average),
        "unit": target.unit_for(average),
        "scope": _average_scope(target),
        "amount": amount_text(target),
    }


def behind_pace(progress: Progress) -> bool:
    """Whether an activity needs attention now: behind the plan ("efter plan"; nothing done
    although at least one was due before today is behind too). A per-day target is judged by
    the day before: the running day is never over before it has been worked."""
    if progress.today > progress.period_end:
        return False
    if progress.target is not None and progress.target.scope == Scope.DAY:
        yesterday = progress.today - ONE_DAY
        return any(
            sp.span.start == yesterday and sp.status == PaceStatus.NOT_ACHIEVED
            for sp in progress.spans
        )
    return progress.status == PaceStatus.BEHIND
