"""Open data datasets: each one's columns, documented (name, heading in the CSV for Excel,
type, meaning), and the row function that fills them; the code lists the open data page
explains.

The parts: `columns` (a column, a dataset, the column types), then the datasets by what they
tell: `plans` (municipalities, periods, promises, activities), `followup` (logs, meetings,
assessments, reports), `changes` (revision changes, extensions) and `outcomes` (indicators,
measurements). The order of `DATASETS` is the order the open data page lists them in."""

from activities.models import ActivityStatus, Responsible
from activities.progress import Comparator, PaceStatus, Scope
from followups.models import MeetingKind, MeetingStatus, Rating, ReportKind
from followups.opendata.datasets.changes import CHANGE_DATASETS
from followups.opendata.datasets.columns import BOOLEAN, Column, Dataset
from followups.opendata.datasets.followup import FOLLOW_UP_DATASETS
from followups.opendata.datasets.outcomes import OUTCOME_DATASETS
from followups.opendata.datasets.plans import PLAN_DATASETS
from followups.opendata.followup_rows import PUBLIC_MEETING_STATUSES
from promises.models import (
    PUBLISHED_STATES,
    ChangeKind,
    Direction,
    Parties,
    PeriodState,
    RevisionKind,
)

__all__ = ["BOOLEAN", "DATASETS", "DATASETS_BY_SLUG", "Column", "Dataset", "code_lists"]

DATASETS: tuple[Dataset, ...] = (
    *PLAN_DATASETS,
    *FOLLOW_UP_DATASETS,
    *CHANGE_DATASETS,
    *OUTCOME_DATASETS,
)

DATASETS_BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}


def code_lists() -> list[tuple[str, list[tuple[str, str]]]]:
    """The codes used in code columns and what they mean, for the open data page."""
    states = [(value, label) for value, label in PeriodState.choices if value in PUBLISHED_STATES]
    meeting_statuses = [
        (value, label) for value, label in MeetingStatus.choices if value in PUBLIC_MEETING_STATUSES
    ]
    return [
        ("state", states),
        ("parties", Parties.choices),
        ("responsible", Responsible.choices),
        ("target_comparator", Comparator.choices),
        ("target_scope", Scope.choices),
        ("status", ActivityStatus.choices),
        ("pace_status", PaceStatus.choices),
        ("meeting_status", meeting_statuses),
        ("meeting_kind", MeetingKind.choices),
        ("rating", Rating.choices),
        ("report_kind", ReportKind.choices),
        ("revision_kind", RevisionKind.choices),
        ("change_kind", ChangeKind.choices),
        ("direction", Direction.choices),
    ]
