"""Template filters that put an activity's progress into words: `{% load progress_tags %}`."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from activities.progress import (
    COUNTING_RULE,
    PaceStatus,
    Progress,
    Scope,
    progress_text,
    target_text,
)

register = template.Library()

CURRENT_SPAN_LABELS = {
    Scope.YEAR: _("this year"),
    Scope.TERTIAL: _("this tertial"),
    Scope.MONTH: _("this month"),
    Scope.WEEK: _("this week"),
}


@register.filter
def target_words(progress: Progress) -> str:
    """ "at least 15 trafikkontroller per year"; empty when there is no target."""
    return target_text(progress.target) if progress.target else ""


@register.filter
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


@register.filter
def pace_label(status: str | None) -> str:
    """A pace status as a word, e.g. "on track"."""
    return PaceStatus(status).label if status else ""


@register.filter
def headline_span(progress: Progress):
    """The span whose bar is shown: the current one, else the single period span."""
    if progress.current is not None:
        return progress.current
    if len(progress.spans) == 1:
        return progress.spans[0]
    return None


@register.simple_tag
def counting_rule() -> str:
    """How progress is counted, for every page that shows a percentage."""
    return str(COUNTING_RULE)
