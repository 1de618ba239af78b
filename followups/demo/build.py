"""The whole demo: users, police areas and the five periods, built once (`build_demo`)."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import translation

from activities.models import Activity, ActivityLog
from followups.demo.builder import Builder, D
from followups.demo.people import UserRow, ensure_police_areas, ensure_users
from followups.demo.tranas import tranas_2023_2024
from followups.demo.tranas_2025 import tranas_2025_2026
from followups.demo.tranemo import tranemo_2025
from followups.demo.vetlanda import vetlanda_2020_2021, vetlanda_2026_2027_draft
from followups.models import Assessment, FollowUpMeeting, Report
from municipalities.models import LocalPoliceArea, Membership
from promises.models import (
    DecisionProposal,
    Extension,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Review,
    Revision,
    RevisionChange,
    Signatory,
)

# The scenario's history (Tranemo's extension in December 2025) must lie in the past.
EARLIEST_TODAY = D(2026, 1, 1)

PERIOD_BUILDERS = (
    vetlanda_2020_2021,
    tranas_2023_2024,
    tranas_2025_2026,
    tranemo_2025,
    vetlanda_2026_2027_draft,
)


def _counted_models() -> dict[str, type[models.Model]]:
    return {
        "users": get_user_model(),
        "memberships": Membership,
        "local police areas": LocalPoliceArea,
        "promise periods": PromisePeriod,
        "promises": Promise,
        "signatories": Signatory,
        "transitions": PeriodTransition,
        "reviews": Review,
        "decision proposals": DecisionProposal,
        "extensions": Extension,
        "revisions": Revision,
        "revision changes": RevisionChange,
        "activities": Activity,
        "activity logs": ActivityLog,
        "follow-up meetings": FollowUpMeeting,
        "assessments": Assessment,
        "reports": Report,
    }


def _counts() -> dict[str, int]:
    return {label: model.objects.count() for label, model in _counted_models().items()}


@dataclass(frozen=True)
class DemoResult:
    """What a build created (rows per kind) and the demo accounts."""

    created: dict[str, int]
    users: list[UserRow]


@transaction.atomic
def build_demo(today: datetime.date) -> DemoResult:
    """Create whatever of the demo data is missing, with logs up to `today`."""
    if today < EARLIEST_TODAY:
        raise ValueError(f"The demo needs a today on or after {EARLIEST_TODAY}.")
    before = _counts()
    areas = ensure_police_areas()
    users, rows = ensure_users(areas)
    builder = Builder(today, users, areas)
    # The generated texts (assessments, reports) are written in Swedish.
    with translation.override("sv"):
        for build in PERIOD_BUILDERS:
            build(builder)
    builder.insert_logs()
    after = _counts()
    return DemoResult({label: after[label] - before[label] for label in after}, rows)
