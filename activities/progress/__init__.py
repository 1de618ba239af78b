"""Progress and pace of activity targets: the single definition of the rules (pure functions,
no database). A page's figures come from the sums the rollup keeps per span
(`activities/rollup.py`); these functions say what the sums mean.

- `targets`: a target's comparator, scope and unit; the pace statuses; the counting rule in words.
- `spans`: a target's counting spans (promise years, tertials, months, weeks, days).
- `sums`: sums over date ranges, from the logs (`LogCounts`) or the kept span sums (`SpanSums`).
- `status`: progress and pace on a given day (`progress_from_counts`, `status_from_counts`).
- `text`: targets and progress in words.
"""

from activities.progress.spans import (
    FIXED_DAYS,
    ONE_DAY,
    Span,
    add_months,
    counting_bounds,
    counting_spans,
    spans_for,
)
from activities.progress.status import (
    Headline,
    Progress,
    SpanProgress,
    behind_pace,
    compute_progress,
    headline_from_counts,
    pace_unknown,
    progress_from_counts,
    span_met,
    status_from_counts,
    units_elapsed,
    unrecorded,
)
from activities.progress.sums import Counts, LogCounts, SpanSums
from activities.progress.targets import (
    AVERAGE_SCOPES,
    COUNTING_RULE,
    Comparator,
    LogEntry,
    PaceStatus,
    Scope,
    Target,
)
from activities.progress.text import amount_text, count_text, progress_text, target_text

__all__ = [
    "AVERAGE_SCOPES",
    "COUNTING_RULE",
    "FIXED_DAYS",
    "ONE_DAY",
    "Comparator",
    "Counts",
    "Headline",
    "LogCounts",
    "LogEntry",
    "PaceStatus",
    "Progress",
    "Scope",
    "Span",
    "SpanProgress",
    "SpanSums",
    "Target",
    "add_months",
    "amount_text",
    "behind_pace",
    "compute_progress",
    "count_text",
    "counting_bounds",
    "counting_spans",
    "headline_from_counts",
    "pace_unknown",
    "progress_from_counts",
    "progress_text",
    "span_met",
    "spans_for",
    "status_from_counts",
    "target_text",
    "units_elapsed",
    "unrecorded",
]
