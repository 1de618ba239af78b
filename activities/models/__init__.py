"""Activities of a promise period, their targets, and the logs of what was done.

One module a part, imported here so that the rest of the project names them all from
`activities.models`: `choices` (who carries out an activity, its status, who logs it),
`activities` (Activity and its page queries), `logs` (ActivityLog) and `totals` (the progress
rollup's rows, kept by `activities/rollup.py`).
"""

from activities.models.activities import Activity, ActivityQuerySet
from activities.models.choices import LOGGED_BY_ROLE, ActivityStatus, Responsible, TargetChange
from activities.models.logs import (
    LATE_LOG_DAYS,
    PUBLIC_LOG_FIELDS,
    PUBLIC_LOG_ORDER,
    REPEAT_MINUTES,
    SAME_LOG_FIELDS,
    ActivityLog,
    ActivityLogQuerySet,
)
from activities.models.totals import ActivityTotal, SpanTotal

__all__ = [
    "LATE_LOG_DAYS",
    "LOGGED_BY_ROLE",
    "PUBLIC_LOG_FIELDS",
    "PUBLIC_LOG_ORDER",
    "REPEAT_MINUTES",
    "SAME_LOG_FIELDS",
    "Activity",
    "ActivityLog",
    "ActivityLogQuerySet",
    "ActivityQuerySet",
    "ActivityStatus",
    "ActivityTotal",
    "Responsible",
    "SpanTotal",
    "TargetChange",
]
