"""Sums of logged quantities over date ranges: from the logs themselves (`LogCounts`) or from
the sums kept per counting span (`SpanSums`, the rollup's rows)."""

import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Protocol

from activities.progress.spans import Span
from activities.progress.targets import LogEntry


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
