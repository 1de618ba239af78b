"""An activity's progress in words: the phrases every page, change log and demo text shows.

"12 av minst 15 trafikkontroller", "i fas": produced here, from the catalogue's strings, in the
active language. The `progress_tags` template filters are thin wrappers around these functions;
the sentences themselves (`progress_text`, `target_text`) are in `activities.progress`.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities.progress import (
    PaceStatus,
    Progress,
    Scope,
    SpanProgress,
    progress_text,
    target_text,
)

CURRENT_SPAN_LABELS = {
    Scope.YEAR: _("this year"),
    Scope.TERTIAL: _("this tertial"),
    Scope.MONTH: _("this month"),
    Scope.WEEK: _("this week"),
}


def target_words(progress: Progress) -> str:
    """ "at least 15 trafikkontroller per year"; empty when there is no target."""
    return target_text(progress.target) if progress.target else ""


def progress_words(progress: Progress) -> str:
    """The headline: the current span while it runs, else the whole period."""
    target = progress.target
    if target is None:
        return ""
    if target.is_average:
        return progress_text(progress.average, target)
    if target.scope == Scope.PERIOD or progress.current is None:
        period_target = sum(span.span.target for span in progress.spans)
        return progress_text(progress.total_done, target, period_target)
    current = progress.current
    label = CURRENT_SPAN_LABELS[target.scope]
    start = date_format(current.span.start, "j b")
    end = date_format(current.span.end, "j b Y")
    return f"{label} ({start}–{end}): {progress_text(current.done, target, current.span.target)}"


def pace_label(status: str | None) -> str:
    """A pace status as a word, e.g. "on track"."""
    return str(PaceStatus(status).label) if status else ""


def headline_span(progress: Progress) -> SpanProgress | None:
    """The span whose bar is shown: the current one, else the single period span."""
    if progress.current is not None:
        return progress.current
    if len(progress.spans) == 1:
        return progress.spans[0]
    return None


def progress_summary(progress: Progress) -> str:
    """Progress in words: against the target, or the number of logged occurrences."""
    if progress.target is not None:
        return progress_words(progress)
    count = progress.total_done
    return ngettext("%(count)s logged occurrence", "%(count)s logged occurrences", count) % {
        "count": count
    }
