"""Progress and pace of a target on a given day, from sums over its spans: done, expected and
status per span, and the activity's status."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache

from activities.progress.spans import (
    ONE_DAY,
    Span,
    _check_period,
    _current_span,
    _spans,
    add_months,
)
from activities.progress.sums import Counts, LogCounts
from activities.progress.targets import Comparator, LogEntry, PaceStatus, Scope, Target


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
