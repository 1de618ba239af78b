"""The spans a page lists of an activity's target ("Alla delperioder"): which, under what heading,
and what is said of those left out or cut short."""

from dataclasses import dataclass

from django.utils.translation import gettext, ngettext, ngettext_lazy

from activities.progress import (
    PaceStatus,
    Progress,
    Scope,
    SpanProgress,
    count_text,
)
from activities.wording.phrases import span_label, span_words

# How many days of a per-day target the list of spans shows: the latest ones.
LISTED_DAYS = 14

# How many spans of any target the period page lists: the latest ones. The activity's own page
# lists them all (of a per-day target, its LISTED_DAYS latest), and the period page links to it.
LISTED_ON_PERIOD_PAGE = LISTED_DAYS


def headline_span(progress: Progress) -> SpanProgress | None:
    """The span whose bar is shown: the current one, else the single period span."""
    if progress.current is not None:
        return progress.current
    if len(progress.spans) == 1:
        return progress.spans[0]
    return None


@dataclass(frozen=True)
class ListedSpan:
    """One line of the list of a target's spans."""

    label: str
    words: str
    status: str


def _listed_indexes(progress: Progress, limit: int | None) -> list[int]:
    """Which spans a list shows: all, or the latest `limit` begun by today (the first ones of a
    period yet to begin); of a per-day target at most the latest LISTED_DAYS (a period has
    hundreds)."""
    target = progress.target
    if target is None or len(progress.spans) < 2:
        return []
    indexes = list(range(len(progress.spans)))
    if target.scope == Scope.DAY:
        limit = min(limit or LISTED_DAYS, LISTED_DAYS)
    if not limit or len(indexes) <= limit:
        return indexes
    begun = [i for i in indexes if progress.spans[i].span.start <= progress.today]
    return begun[-limit:] or indexes[:limit]


def listed_spans(progress: Progress, limit: int | None = None) -> list[ListedSpan]:
    """The spans of a target with several, in words: all of them, or the latest `limit` (see
    `_listed_indexes`)."""
    target = progress.target
    lines = []
    for i in _listed_indexes(progress, limit):
        span = progress.spans[i]
        if progress.today < span.span.start:
            # Not begun (its label gives its dates): said so, not "0 av högst 3 … ej påbörjad",
            # which reads as work not started or, for a most, as a result.
            lines.append(ListedSpan(span_label(progress, i), gettext("not begun yet"), status=""))
        elif not span.recorded:
            # Before the promise was registered, nothing logged: not "0 av minst 2 … ej uppnådd".
            words = gettext("not followed up in the portal (before it was registered)")
            lines.append(ListedSpan(span_label(progress, i), words, status=""))
        else:
            lines.append(ListedSpan(span_label(progress, i), span_words(span, target), span.status))
    return lines


def listed_spans_heading(progress: Progress, limit: int | None) -> str:
    """The heading of the list of spans: all of them, or only the latest (see `_listed_indexes`:
    a per-day target's are always the latest days)."""
    target = progress.target
    listed = len(_listed_indexes(progress, limit))
    if target is not None and (target.scope == Scope.DAY or listed < len(progress.spans)):
        return gettext("The latest spans of the period")
    return gettext("Every span of the period")


# "här visas de senaste 14 av periodens 158 veckor", by the unit of the spans (a period, a day
# or an average has no list that is cut, see `_listed_indexes`).
_UNLISTED_SPANS = {
    Scope.YEAR: ngettext_lazy(
        "here are the latest %(shown)s of the period's %(count)s promise year",
        "here are the latest %(shown)s of the period's %(count)s promise years",
        "count",
    ),
    Scope.TERTIAL: ngettext_lazy(
        "here are the latest %(shown)s of the period's %(count)s tertial",
        "here are the latest %(shown)s of the period's %(count)s tertials",
        "count",
    ),
    Scope.MONTH: ngettext_lazy(
        "here are the latest %(shown)s of the period's %(count)s month",
        "here are the latest %(shown)s of the period's %(count)s months",
        "count",
    ),
    Scope.WEEK: ngettext_lazy(
        "here are the latest %(shown)s of the period's %(count)s week",
        "here are the latest %(shown)s of the period's %(count)s weeks",
        "count",
    ),
}


def unlisted_spans_words(progress: Progress, limit: int | None) -> str:
    """What a list cut to the latest `limit` spans leaves for the activity's page: "här visas de
    senaste 14 av periodens 158 veckor"; empty when nothing is left out, or when the activity's
    page lists no more (the days of a per-day target)."""
    target = progress.target
    if target is None or target.scope not in _UNLISTED_SPANS:
        return ""
    shown, count = len(_listed_indexes(progress, limit)), len(progress.spans)
    if shown in (0, count):
        return ""
    return str(_UNLISTED_SPANS[target.scope] % {"shown": shown, "count": count})


def shortened_spans_words(progress: Progress) -> str:
    """For an ended period whose target recurs: how many of its spans were shorter than whole
    ones, so counted against the target pro rata. Beside "Uppnådd" and "målet nåddes i 2 av 2
    löftesår", a reader who counted 6 of "minst 10 per år" in a half last year saw a
    contradiction; only the list of every span said why."""
    target = progress.target
    ended = progress.today > progress.period_end
    if target is None or target.scope not in _SHORTENED_SPANS or not ended:
        return ""
    shortened = sum(span.span.target != target.value for span in progress.spans)
    if not shortened:
        return ""
    return _SHORTENED_SPANS[target.scope] % {"spans": shortened, "count": count_text(shortened)}


# `shortened_spans_words` (a day is never cut short).
_SHORTENED_SPANS = {
    Scope.YEAR: ngettext_lazy(
        "%(count)s of the promise years was shorter than a whole year: its target was counted "
        "pro rata, for the shorter time (see Every span of the period).",
        "%(count)s of the promise years were shorter than a whole year: their targets were "
        "counted pro rata, for the shorter time (see Every span of the period).",
        "spans",
    ),
    Scope.TERTIAL: ngettext_lazy(
        "%(count)s of the tertials was shorter than a whole tertial: its target was counted "
        "pro rata, for the shorter time (see Every span of the period).",
        "%(count)s of the tertials were shorter than a whole tertial: their targets were "
        "counted pro rata, for the shorter time (see Every span of the period).",
        "spans",
    ),
    Scope.MONTH: ngettext_lazy(
        "%(count)s of the months was shorter than a whole month: its target was counted "
        "pro rata, for the shorter time (see Every span of the period).",
        "%(count)s of the months were shorter than a whole month: their targets were "
        "counted pro rata, for the shorter time (see Every span of the period).",
        "spans",
    ),
    Scope.WEEK: ngettext_lazy(
        "%(count)s of the weeks was shorter than a whole week: its target was counted "
        "pro rata, for the shorter time (see Every span of the period).",
        "%(count)s of the weeks were shorter than a whole week: their targets were "
        "counted pro rata, for the shorter time (see Every span of the period).",
        "spans",
    ),
}


def days_met_words(progress: Progress) -> str:
    """For a per-day target: on how many of the days so far (or of the ended period's days)
    the target was met."""
    target = progress.target
    if target is None or target.scope != Scope.DAY:
        return ""
    # Days before the registration with nothing logged are not judged (`SpanProgress.recorded`).
    ended = [sp for sp in progress.spans if sp.span.end < progress.today and sp.recorded]
    if not ended:
        return ""
    met = sum(sp.status == PaceStatus.ACHIEVED for sp in ended)
    if len(ended) == len(progress.spans):  # the period is over: no "so far"
        return ngettext(
            "target met on %(met)s of %(count)s day",
            "target met on %(met)s of %(count)s days",
            len(ended),
        ) % {"met": count_text(met), "count": count_text(len(ended))}
    return ngettext(
        "target met on %(met)s of %(count)s day so far",
        "target met on %(met)s of %(count)s days so far",
        len(ended),
    ) % {"met": count_text(met), "count": count_text(len(ended))}
