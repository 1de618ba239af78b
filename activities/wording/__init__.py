"""An activity's progress in words: the phrases every page, change log and demo text shows.

"löftesår 1 (20 mar 2026 – 19 mar 2027): 12 av minst 15 trafikkontroller", "i fas": produced
here, from the catalogue's strings, in the active language. The `progress_tags` template filters
are thin wrappers around these functions; the sentences themselves (`progress_text`,
`target_text`) are in `activities.progress`. Also here: the status an activity without a target
shows beside its count, and the numbers an activity's text states (to warn when they differ
from its target).

- `phrases`: span labels, a target's and a span's words, headlines, running totals, a report's
  figures, statuses, and the dates they name.
- `spans`: the spans a page lists, and what is said of those left out or cut short.
- `overview`: how many activities have each status.
- `stated_numbers`: the numbers an activity's text states.
"""

from activities.wording.overview import (
    NO_TARGET,
    NOT_JUDGED,
    STATUS_COUNTS,
    counted_statuses,
    overview_words,
    status_counts,
)
from activities.wording.phrases import (
    MISSED_SPANS_NAMED,
    RUNNING_TOTAL,
    date_range,
    days_chosen,
    headline_words,
    in_brackets,
    missed_spans,
    named_spans,
    occurrences_in_period,
    occurrences_words,
    pace_label,
    progress_summary,
    progress_words,
    quantity_words,
    report_progress_words,
    running_total_words,
    span_label,
    span_words,
    spans_in_report_words,
    status_shown,
    status_words,
    target_words,
    with_status,
)
from activities.wording.spans import (
    LISTED_DAYS,
    LISTED_ON_PERIOD_PAGE,
    ListedSpan,
    days_met_words,
    headline_span,
    listed_spans,
    listed_spans_heading,
    shortened_spans_words,
    unlisted_spans_words,
)
from activities.wording.stated_numbers import (
    number_value,
    stated_numbers,
    text_target_mismatch,
)

__all__ = [
    "LISTED_DAYS",
    "LISTED_ON_PERIOD_PAGE",
    "ListedSpan",
    "MISSED_SPANS_NAMED",
    "NOT_JUDGED",
    "NO_TARGET",
    "RUNNING_TOTAL",
    "STATUS_COUNTS",
    "counted_statuses",
    "date_range",
    "days_chosen",
    "days_met_words",
    "headline_span",
    "headline_words",
    "in_brackets",
    "listed_spans",
    "listed_spans_heading",
    "missed_spans",
    "named_spans",
    "number_value",
    "occurrences_in_period",
    "occurrences_words",
    "overview_words",
    "pace_label",
    "progress_summary",
    "progress_words",
    "quantity_words",
    "report_progress_words",
    "running_total_words",
    "shortened_spans_words",
    "span_label",
    "span_words",
    "spans_in_report_words",
    "stated_numbers",
    "status_counts",
    "status_shown",
    "status_words",
    "target_words",
    "text_target_mismatch",
    "unlisted_spans_words",
    "with_status",
]
