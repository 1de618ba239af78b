"""How many activities have each status, in words: "3 klara, 1 i fas" (an overview's counts)."""

from collections.abc import Iterable

from django.utils.translation import ngettext, ngettext_lazy

from activities.progress import (
    PaceStatus,
)

# How many activities have a status, as a count the status agrees with: "3 klara", "1 i fas".
STATUS_COUNTS = {
    PaceStatus.DONE: ngettext_lazy("%(count)s complete", "%(count)s complete", "count"),
    PaceStatus.ON_TRACK: ngettext_lazy("%(count)s on track", "%(count)s on track", "count"),
    PaceStatus.BEHIND: ngettext_lazy(
        "%(count)s behind schedule", "%(count)s behind schedule", "count"
    ),
    PaceStatus.NOT_STARTED: ngettext_lazy(
        "%(count)s not started", "%(count)s not started", "count"
    ),
    PaceStatus.ACHIEVED: ngettext_lazy("%(count)s achieved", "%(count)s achieved", "count"),
    PaceStatus.NOT_ACHIEVED: ngettext_lazy(
        "%(count)s not achieved", "%(count)s not achieved", "count"
    ),
}


def status_counts(counted: dict[str, int]) -> str:
    """ "3 klara, 1 i fas": the counts of `counted` (status → how many), in the statuses' order."""
    return ", ".join(
        STATUS_COUNTS[status] % {"count": counted[status]}
        for status in PaceStatus.values
        if counted.get(status)
    )


# An overview's count of activities without a target (no pace status) …
NO_TARGET = "no_target"
# … and of those with a target whose pace is not judged (a promise registered while it ran).
NOT_JUDGED = "not_judged"


def counted_statuses(activities: Iterable, statuses: dict[int, str | None]) -> dict[str, int]:
    """How many of `activities` stand at each pace status (`statuses`: by activity id), those
    without a target and those not judged counted apart."""
    counted: dict[str, int] = {}
    for activity in activities:
        status = statuses[activity.pk] or (NO_TARGET if activity.target is None else NOT_JUDGED)
        counted[status] = counted.get(status, 0) + 1
    return counted


def overview_words(counted: dict[str, int]) -> str:
    """A period's activities by status, as a report's summary counts them: "2 efter plan, 5 i
    fas, 1 utan mål" (`counted_statuses`)."""
    parts = [status_counts(counted)] if set(counted) - {NO_TARGET, NOT_JUDGED} else []
    if counted.get(NOT_JUDGED):
        parts.append(
            ngettext("%(count)s not judged", "%(count)s not judged", counted[NOT_JUDGED])
            % {"count": counted[NOT_JUDGED]}
        )
    if counted.get(NO_TARGET):
        parts.append(
            ngettext("%(count)s without a target", "%(count)s without a target", counted[NO_TARGET])
            % {"count": counted[NO_TARGET]}
        )
    return ", ".join(parts)
