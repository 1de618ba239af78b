"""Progress in words: span labels ("löftesår 1 (20 mar 2026 – 19 mar 2027)"), a target's and a
span's words, the headline and running total of an activity, a report's figures, the status an
activity without a target shows, and the dates they name."""

import datetime

from django.utils.dates import MONTHS_3
from django.utils.formats import get_format
from django.utils.translation import gettext, ngettext, ngettext_lazy, pgettext, pgettext_lazy

from activities.models import ActivityStatus
from activities.progress import (
    PaceStatus,
    Progress,
    Scope,
    SpanProgress,
    Target,
    count_text,
    progress_text,
    span_met,
    target_text,
)
from promises.fields import date_span


def _month(month: int) -> str:
    """A month's abbreviation as the language's short date writes it (SHORT_DATE_FORMAT,
    config/formats/): "dec" in Swedish, "Dec" in English."""
    name = str(MONTHS_3[month])
    return name.title() if "M" in get_format("SHORT_DATE_FORMAT") else name


def _day_month(day: datetime.date) -> str:
    """A short date without its year, "3 dec", without parsing a format for each of the
    hundreds of spans a page lists."""
    return f"{day.day} {_month(day.month)}"


def _full_date(day: datetime.date) -> str:
    """A short date (SHORT_DATE_FORMAT), "3 dec 2026"."""
    return f"{_day_month(day)} {day.year:04d}"


def date_range(start: datetime.date, end: datetime.date) -> str:
    """Dates as Swedish writes a range (`join_range`): "3 dec 2026", "1–30 nov 2026",
    "1 sep – 31 dec 2026", "20 mar 2026 – 19 mar 2027" (each year given where it differs)."""
    return date_span(start, end, _month)


def days_chosen(start: datetime.date | None, end: datetime.date | None) -> str:
    """The days a list is filtered to, either end possibly open: "1–7 dec 2026", "from 8 dec
    2026", "until 1 dec 2026"; "" with neither (every day)."""
    if start and end:
        return date_range(start, end)
    if start:
        return pgettext("days chosen", "from %(date)s") % {"date": _full_date(start)}
    if end:
        return pgettext("days chosen", "until %(date)s") % {"date": _full_date(end)}
    return ""


# A running span's name (a year: see `_current_label`), and the same span named by its kind for
# a text kept as of its day (a report's figures), read long after it has ended.
_SPAN_NAMES = {
    Scope.TERTIAL: (
        pgettext_lazy("current span", "this tertial"),
        pgettext_lazy("span of a dated text", "the tertial"),
    ),
    Scope.MONTH: (
        pgettext_lazy("current span", "this month"),
        pgettext_lazy("span of a dated text", "the month"),
    ),
    Scope.WEEK: (
        pgettext_lazy("current span", "this week"),
        pgettext_lazy("span of a dated text", "the week"),
    ),
    Scope.DAY: (
        pgettext_lazy("current span", "today"),
        pgettext_lazy("span of a dated text", "the day"),
    ),
}


def _current_label(scope: str, index: int, dated: bool = False) -> str:
    """The name of the running span, "detta tertial", or with `dated` "tertialet"; a year is
    a promise year, never "i år"."""
    if scope == Scope.YEAR:
        return gettext("promise year %(number)s") % {"number": index + 1}
    running, by_kind = _SPAN_NAMES.get(scope, _SPAN_NAMES[Scope.DAY])
    return str(by_kind if dated else running)


def span_label(progress: Progress, index: int) -> str:
    """A span of the target named with its dates: "löftesår 2 (20 mar – 31 dec 2027)" for a
    year, else its dates alone."""
    span = progress.spans[index].span
    dates = date_range(span.start, span.end)
    if progress.target is not None and progress.target.scope == Scope.YEAR:
        return f"{gettext('promise year %(number)s') % {'number': index + 1}} ({dates})"
    return dates


def target_words(progress: Progress) -> str:
    """ "at least 15 trafikkontroller per year"; empty when there is no target."""
    return target_text(progress.target) if progress.target else ""


# An ended recurring target: "målet nåddes 3 av 4 tertial; sammanlagt 519 orossamtal".
_SPANS_MET = {
    Scope.YEAR: ngettext_lazy(
        "target met in %(met)s of %(count)s promise year; %(total)s %(unit)s in all",
        "target met in %(met)s of %(count)s promise years; %(total)s %(unit)s in all",
        "spans",
    ),
    Scope.TERTIAL: ngettext_lazy(
        "target met in %(met)s of %(count)s tertial; %(total)s %(unit)s in all",
        "target met in %(met)s of %(count)s tertials; %(total)s %(unit)s in all",
        "spans",
    ),
    Scope.MONTH: ngettext_lazy(
        "target met in %(met)s of %(count)s month; %(total)s %(unit)s in all",
        "target met in %(met)s of %(count)s months; %(total)s %(unit)s in all",
        "spans",
    ),
    Scope.WEEK: ngettext_lazy(
        "target met in %(met)s of %(count)s week; %(total)s %(unit)s in all",
        "target met in %(met)s of %(count)s weeks; %(total)s %(unit)s in all",
        "spans",
    ),
    Scope.DAY: ngettext_lazy(
        "target met on %(met)s of %(count)s day; %(total)s %(unit)s in all",
        "target met on %(met)s of %(count)s days; %(total)s %(unit)s in all",
        "spans",
    ),
}


# A report's recurring target: how its spans that ended within the report went ("målet nåddes
# i 8 av 9 månader som slutade under den redovisade perioden"), beside the current span's status.
_SPANS_MET_IN_REPORT = {
    Scope.YEAR: ngettext_lazy(
        "target met in %(met)s of %(count)s promise year that ended in the period reported",
        "target met in %(met)s of %(count)s promise years that ended in the period reported",
        "spans",
    ),
    Scope.TERTIAL: ngettext_lazy(
        "target met in %(met)s of %(count)s tertial that ended in the period reported",
        "target met in %(met)s of %(count)s tertials that ended in the period reported",
        "spans",
    ),
    Scope.MONTH: ngettext_lazy(
        "target met in %(met)s of %(count)s month that ended in the period reported",
        "target met in %(met)s of %(count)s months that ended in the period reported",
        "spans",
    ),
    Scope.WEEK: ngettext_lazy(
        "target met in %(met)s of %(count)s week that ended in the period reported",
        "target met in %(met)s of %(count)s weeks that ended in the period reported",
        "spans",
    ),
    Scope.DAY: ngettext_lazy(
        "target met on %(met)s of %(count)s day in the period reported",
        "target met on %(met)s of %(count)s days in the period reported",
        "spans",
    ),
}

# How many spans whose target was not met a report names; the others are counted.
MISSED_SPANS_NAMED = 3


def _ended_in(
    progress: Progress, start: datetime.date, end: datetime.date
) -> list[tuple[int, SpanProgress]]:
    """The spans (with their index) of a recurring target that end from `start` to `end`; none
    for other targets. A span ending on `end` counts as ended: the report judges it."""
    target = progress.target
    if target is None or target.is_average or target.scope not in _SPANS_MET_IN_REPORT:
        return []
    return [(i, span) for i, span in enumerate(progress.spans) if start <= span.span.end <= end]


def missed_spans(progress: Progress, start: datetime.date, end: datetime.date) -> list[str]:
    """The spans of a recurring target that ended from `start` to `end` without meeting it,
    each named with its dates ("1–31 jul 2025", "löftesår 1 (20 mar 2025 – 19 mar 2026)")."""
    return [
        span_label(progress, index)
        for index, span in _ended_in(progress, start, end)
        if not span_met(progress.target, span)
    ]


def spans_in_report_words(progress: Progress, start: datetime.date, end: datetime.date) -> str:
    """How the spans of a recurring target that ended from `start` to `end` went: "målet nåddes
    i 8 av 9 månader som slutade under den redovisade perioden; inte 1–31 jul 2025". Empty for
    other targets, or when no span ended then (a year's target in a tertial's report: its status
    is the pace)."""
    ended = _ended_in(progress, start, end)
    if not ended:
        return ""
    missed = [span_label(progress, i) for i, span in ended if not span_met(progress.target, span)]
    words = _SPANS_MET_IN_REPORT[progress.target.scope] % {
        "spans": len(ended),
        "met": count_text(len(ended) - len(missed)),
        "count": count_text(len(ended)),
    }
    if not missed:
        return words
    return gettext("%(words)s; not %(missed)s") % {"words": words, "missed": named_spans(missed)}


def named_spans(missed: list[str] | tuple[str, ...]) -> str:
    """The first spans of `missed` by name, the rest counted: "1–31 jul 2026, 1–31 aug 2026,
    1–30 sep 2026 och 2 till"."""
    named = ", ".join(missed[:MISSED_SPANS_NAMED])
    more = len(missed) - MISSED_SPANS_NAMED
    if more <= 0:
        return named
    return ngettext("%(named)s and %(count)s more", "%(named)s and %(count)s more", more) % {
        "named": named,
        "count": more,
    }


def headline_words(progress: Progress, dated: bool = False) -> str:
    """The current span while it runs, else the whole period: "denna månad (1–30 nov 2026):
    1 av minst 2 trafikkontroller" (`dated`: "månaden (1–30 nov 2026): …")."""
    target = progress.target
    if target is None:
        return ""
    if target.is_average:
        return _whole_period(progress, progress_text(progress.average, target), dated)
    if target.scope != Scope.PERIOD and progress.today < progress.period_start:
        # Not begun: the target as the promise words it, not a sum of spans to come (2 per week
        # is no "minst 105" to a reader).
        return gettext("begins %(date)s: %(target)s") % {
            "date": _full_date(progress.period_start),
            "target": target_text(target),
        }
    if target.scope in _SPANS_MET and progress.today > progress.period_end:
        # Over: in how many spans the target was met, the status's reason; a sum of the spans'
        # targets ("519 av 459 … Ej uppnådd") reads as a contradiction.
        met = sum(span.status == PaceStatus.ACHIEVED for span in progress.spans)
        words = _SPANS_MET[target.scope] % {
            "spans": len(progress.spans),
            "met": count_text(met),
            "count": count_text(len(progress.spans)),
            "total": count_text(progress.total_done),
            "unit": target.unit_for(progress.total_done),
        }
        return _whole_period(progress, words, dated)
    if target.scope == Scope.PERIOD or progress.current is None:
        period_target = sum(span.span.target for span in progress.spans)
        words = progress_text(progress.total_done, target, period_target)
        return _whole_period(progress, words, dated)
    current = progress.current
    index = progress.spans.index(current)
    label = _current_label(target.scope, index, dated)
    dates = date_range(current.span.start, current.span.end)
    return f"{label} ({dates}): {span_words(current, target)}"


def report_progress_words(
    progress: Progress, covers_from: datetime.date, covers_to: datetime.date
) -> tuple[str, bool]:
    """A report's kept progress (`progress_summary`, dated), and whether it begins with what
    was done in the report's own span: when the running span is the report's (a tertial's
    report of a per-tertial target), its figures without the span's name and dates, which the
    report's line gives ("Genomfört 1 januari – 30 april 2026: 4 av minst 4 … · hittills under
    perioden: 13 …"; "4 trygghetsvandringar · tertialet (1 jan – 30 apr 2026): 4 av minst 4"
    said the span and the count twice)."""
    target, current = progress.target, progress.current
    if (
        target is None
        or target.is_average
        or target.scope == Scope.PERIOD
        or current is None
        or (current.span.start, current.span.end) != (covers_from, covers_to)
        or progress.today < progress.period_start
    ):
        return progress_summary(progress, dated=True), False
    words = span_words(current, target)
    total = running_total_words(progress, spans_met=False)
    return (f"{words}{RUNNING_TOTAL}{total}" if total else words), True


def span_words(span: SpanProgress, target: Target) -> str:
    """A span's figures; a span the period cuts short says its target is the promise's pro rata:
    "9 av minst 8 trafikkontroller (minst 10 trafikkontroller per år, omräknat för den kortare
    tiden)" (read alone, "minst 8" contradicts the promise's "minst 10 per år")."""
    words = progress_text(span.done, target, span.span.target)
    if span.span.target == target.value or target.scope == Scope.PERIOD:
        return words
    note = gettext("%(target)s, pro rata for the shorter span") % {"target": target_text(target)}
    return in_brackets(words, note)


def _whole_period(progress: Progress, words: str, dated: bool) -> str:
    """Figures of the whole period; in a dated text (a report's line, beside the count of the
    span it reports) they say so: "hittills under perioden: 12 av minst 15 trafikkontroller"."""
    if not dated:
        return words
    if progress.today > progress.period_end:
        text = pgettext("figures of the whole period", "in the period: %(words)s")
    else:
        text = pgettext("figures of the whole period", "so far in the period: %(words)s")
    return text % {"words": words}


# While a recurring target's span runs: how its spans that have ended went ("målet nåddes 10 av
# 11 avslutade månader"), which the running span's status alone hides (a councillor counted
# 22 rows of "Alla delperioder" to find the two months that fell short).
_SPANS_MET_SO_FAR = {
    Scope.YEAR: ngettext_lazy(
        "target met in %(met)s of %(count)s promise year that has ended",
        "target met in %(met)s of %(count)s promise years that have ended",
        "count",
    ),
    Scope.TERTIAL: ngettext_lazy(
        "target met in %(met)s of %(count)s tertial that has ended",
        "target met in %(met)s of %(count)s tertials that have ended",
        "count",
    ),
    Scope.MONTH: ngettext_lazy(
        "target met in %(met)s of %(count)s month that has ended",
        "target met in %(met)s of %(count)s months that have ended",
        "count",
    ),
    Scope.WEEK: ngettext_lazy(
        "target met in %(met)s of %(count)s week that has ended",
        "target met in %(met)s of %(count)s weeks that have ended",
        "count",
    ),
}


def running_total_words(progress: Progress, spans_met: bool = True) -> str:
    """While a span of a recurring target runs, what the period has had so far: "hittills
    under perioden: 38 trafikkontroller; målet nåddes 10 av 11 avslutade månader"; empty when
    no span has ended and the running span's count is the period's. Without `spans_met` (a
    report's kept figures, which say how the spans it covers went in words of their own: on
    its last day the span ending then is both running and reported), the total alone."""
    target = progress.target
    if target is None or progress.current is None or len(progress.spans) < 2:
        return ""
    total = progress.total_done
    ended = [
        span for span in progress.spans[: progress.spans.index(progress.current)] if span.recorded
    ]
    parts = []
    if total != progress.current.done:
        parts.append(
            gettext("so far in the period: %(total)s %(unit)s")
            % {"total": count_text(total), "unit": target.unit_for(total)}
        )
    if spans_met and ended and target.scope in _SPANS_MET_SO_FAR and not target.is_average:
        met = sum(span.status == PaceStatus.ACHIEVED for span in ended)
        words = _SPANS_MET_SO_FAR[target.scope] % {
            "count": len(ended),
            "met": count_text(met),
        }
        parts.append(
            words if parts else gettext("so far in the period: %(words)s") % {"words": words}
        )
    return "; ".join(parts)


def progress_words(progress: Progress, dated: bool = False) -> str:
    """The headline, with the period's running total when a span of many runs."""
    words = headline_words(progress, dated)
    total = running_total_words(progress, spans_met=not dated)
    return f"{words}{RUNNING_TOTAL}{total}" if total else words


# Between a span's headline and the period's running total (`progress_words`).
RUNNING_TOTAL = " · "


def pace_label(status: str | None) -> str:
    """A pace status as a word, e.g. "on track"."""
    return str(PaceStatus(status).label) if status else ""


def in_brackets(words: str, note: str) -> str:
    """`words` with `note` in brackets after them; words that end in a bracket of their own
    take the note into it ("0 vandringar (mål: exakt 1; exakt 3 vandringar per tertial,
    omräknat för den kortare tiden)"): two brackets in a row read as a typing error."""
    if words.endswith(")"):
        return f"{words[:-1]}; {note})"
    return f"{words} ({note})"


def with_status(words: str, status: str) -> str:
    """Figures in words with their status in brackets after them: "3 av minst 4
    trygghetsvandringar (efter plan)", "i snitt 1,2 per vecka (mål: minst 1; i fas)"
    (`in_brackets`). Figures with the period's running total take the status after the
    span's headline, which it is the status of: "2 av minst 2 denna månad (klar) · 14 under
    perioden …" (after the total, "(klar)" read as the whole period's)."""
    if not status:
        return words
    headline, separator, total = words.partition(RUNNING_TOTAL)
    return in_brackets(headline, status) + separator + total


def occurrences_words(count: int) -> str:
    """The logs of an activity without a target: "3 registrerade tillfällen"; never "genomförda",
    which its status may contradict."""
    if count == 0:
        return gettext("no occurrences registered")
    return ngettext(
        "%(count)s occurrence registered", "%(count)s occurrences registered", count
    ) % {"count": count_text(count)}


def occurrences_in_period(progress: Progress) -> str:
    """The logs of an activity without a target, saying over what they are counted: "hittills
    under perioden: 6 gånger" ("under perioden" once it has ended). A bare "6 gånger" under
    "Status: pågår" left a citizen asking six times of what, and since when."""
    return _whole_period(progress, occurrences_words(progress.total_done), dated=True)


def quantity_words(target: Target | None, quantity: int) -> str:
    """A log's quantity with what it counts: "2 trafikkontroller", "1 trafikkontroll"; "3
    gånger" for an activity without a target (or one whose unit is not stated)."""
    if target is not None and target.unit:
        return f"{count_text(quantity)} {target.unit_for(quantity)}"
    return ngettext("%(count)s time", "%(count)s times", quantity) % {"count": count_text(quantity)}


def progress_summary(progress: Progress, dated: bool = False) -> str:
    """Progress in words: against the target, or the number of registered occurrences.
    `dated`: kept as of its day (see `_current_label`)."""
    if progress.target is not None:
        return progress_words(progress, dated)
    return _whole_period(progress, occurrences_words(progress.total_done), dated)


def status_shown(status: str, done: int) -> str:
    """The status of an activity without a target as shown beside its count: a planned
    activity with occurrences registered has begun ("pågår"); the others as set."""
    if status == ActivityStatus.PLANNED and done > 0:
        return ActivityStatus.ONGOING
    return status


def status_words(status: str, progress: Progress) -> str:
    """The label of `status_shown`, e.g. "pågår"."""
    return str(ActivityStatus(status_shown(status, progress.total_done)).label)
