"""Template filters that put an activity's progress into words: `{% load progress_tags %}`.

Thin wrappers: the words are `activities.wording`'s.
"""

from django import template

from activities import wording
from activities.progress import COUNTING_RULE, Progress, SpanProgress

register = template.Library()


@register.filter
def target_words(progress: Progress) -> str:
    return wording.target_words(progress)


@register.filter
def progress_words(progress: Progress) -> str:
    return wording.progress_words(progress)


@register.filter
def pace_label(status: str | None) -> str:
    return wording.pace_label(status)


@register.filter
def headline_span(progress: Progress) -> SpanProgress | None:
    return wording.headline_span(progress)


@register.simple_tag
def counting_rule() -> str:
    """How progress is counted, for every page that shows a percentage."""
    return str(COUNTING_RULE)
