"""Template filters that put an activity's progress into words: `{% load progress_tags %}`.

The filters are `activities.wording`'s functions themselves, or thin wrappers around them.
"""

from django import template

from activities import wording
from activities.progress import COUNTING_RULE, count_text, target_text

register = template.Library()


register.filter("target_words", wording.target_words)
register.filter("progress_words", wording.progress_words)
register.filter("headline_words", wording.headline_words)
register.filter("running_total_words", wording.running_total_words)
register.filter("pace_label", wording.pace_label)
register.filter("with_status", wording.with_status)
register.filter("headline_span", wording.headline_span)
register.filter("days_met_words", wording.days_met_words)
register.filter("shortened_spans_words", wording.shortened_spans_words)
register.filter("occurrences_words", wording.occurrences_words)
register.filter("occurrences_in_period", wording.occurrences_in_period)
# `{{ figures.done|count_text }}`: "433 790", grouped as Swedish writes it.
register.filter("count_text", count_text)
# `{{ activity.status|status_words:progress }}`: the status as shown beside the count.
register.filter("status_words", wording.status_words)
# `{{ change.before|target_text }}`: a target in words, "minst 12 narkotikainsatser per år".
register.filter("target_text", target_text)


@register.filter
def quantity_of(quantity: int, activity) -> str:
    """ "2 trafikkontroller": a log's quantity in its activity's unit (`quantity_words`)."""
    return wording.quantity_words(activity.target, quantity)


def _span_limit(spans: str) -> int | None:
    """`spans="latest"` (the period page): the latest spans only; else all of them."""
    return wording.LISTED_ON_PERIOD_PAGE if spans == "latest" else None


@register.filter
def listed_spans(progress, spans: str = "") -> list[wording.ListedSpan]:
    return wording.listed_spans(progress, _span_limit(spans))


@register.filter
def listed_spans_heading(progress, spans: str = "") -> str:
    return wording.listed_spans_heading(progress, _span_limit(spans))


@register.filter
def unlisted_spans_words(progress, spans: str = "") -> str:
    return wording.unlisted_spans_words(progress, _span_limit(spans))


@register.simple_tag
def counting_rule() -> str:
    """How progress is counted, for every page that shows a percentage."""
    return str(COUNTING_RULE)


@register.filter
def has_targets(period) -> bool:
    """Whether any of a period's activities (prefetched: no query) has a target: a period whose
    targets are not judged yet (registered while it ran, nothing logged since) is not one
    "without a target"."""
    return any(activity.target is not None for activity in period.activities.all())


@register.simple_tag
def period_overview(period, today) -> str:
    """A published period's activities by status on `today`, as the staff overview counts them
    ("5 uppnådda, 2 ej uppnådda, 1 utan mål"; `wording.overview_words`), for the municipality
    page; "" for one not begun, registered after it had ended (nothing was logged in the portal:
    no status is inferred), or with no target judged. Its activities come with their progress data
    (`with_progress_data`), else this costs queries."""
    if period.start_date > today or period.ended_before_registration:
        return ""
    activities = list(period.activities.all())
    statuses = {activity.pk: activity.progress_status(today) for activity in activities}
    if not any(statuses.values()):
        return ""  # nothing judged against a target: "5 utan mål" says nothing of how it went
    return wording.overview_words(wording.counted_statuses(activities, statuses))
