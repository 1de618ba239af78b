"""The national dataset built: the plan drawn, then written in one transaction."""

import datetime
import random
import time
from collections.abc import Callable, Iterator

from django.db import connection, transaction
from django.db.models import Count

from activities.models import Activity, ActivityLog
from followups.models import (
    Assessment,
    FollowUpMeeting,
    Report,
)
from followups.national.plans import (
    after_bulk_load,
    allocate_logs,
    last_log_day,
    plan_content,
    plan_periods,
    police_areas,
    set_targets,
)
from followups.national.texts import MALMO, PLACES
from followups.national.writing import (
    Tally,
    activity_logs,
    bulk_create_logs,
    copy_logs,
    follow_ups,
    write_follow_ups,
    write_outcomes,
    write_structure,
)
from municipalities.models import Municipality
from promises.models import (
    OutcomeIndicator,
    OutcomeMeasurement,
    Promise,
    PromisePeriod,
)


class NonEmptyDatabase(Exception):
    """The database already holds promise periods."""


def covered(rng: random.Random, scale: float) -> list[Municipality]:
    """round(290 × scale) municipalities, at least one, always with Malmö, by code."""
    everyone = list(Municipality.objects.select_related("county__police_region").order_by("code"))
    count = min(len(everyone), max(1, round(len(everyone) * scale)))
    malmo = [m for m in everyone if m.code == MALMO]
    others = [m for m in everyone if m.code != MALMO]
    return sorted(malmo + rng.sample(others, count - len(malmo)), key=lambda m: m.code)


def log_rows(seed, plans, today, tallies, follow_up: Callable, progress: Callable) -> Iterator:
    """Every log row, period by period; then each started period's follow-ups get planned."""
    written = 0
    for plan in plans:
        tallies[plan.key] = {}
        places, last = (f"{plan.place} centrum", *PLACES), last_log_day(plan, today)
        for a in plan.activities:
            if a.count:
                rng = random.Random(f"{seed}:{plan.key}:{a.position}")
                rows = activity_logs(rng, a, plan.start, last, places)
                tallies[plan.key][a.position] = Tally(rows)
                yield from rows
                written += len(rows)
                if written // 100_000 > (written - len(rows)) // 100_000:
                    progress(f"  {written} logs")
        if plan.published and plan.start <= today:
            follow_up(
                follow_ups(random.Random(f"{seed}:{plan.key}"), plan, tallies[plan.key], today)
            )


def build_national(
    *, seed: int, logs: int, scale: float, today: datetime.date, say: Callable = print
) -> dict:
    """Plan the dataset and write it into a database without periods, in one transaction.

    Returns what the database then holds, as counted there.
    """
    began = time.monotonic()

    def progress(message: str) -> None:
        say(f"{message} ({time.monotonic() - began:.1f} s)")

    if PromisePeriod.objects.exists():
        raise NonEmptyDatabase
    rng = random.Random(seed)
    with transaction.atomic():
        municipalities = covered(rng, scale)
        areas = police_areas(rng, municipalities)
        plans = plan_periods(rng, municipalities, areas, today)
        plan_content(rng, plans, today)
        per_rate = allocate_logs(plans, logs, today)
        for plan in plans:
            set_targets(rng, plan, today, per_rate)
        write_structure(rng, plans)
        progress(f"{len(plans)} periods of {len(municipalities)} municipalities written")
        meetings, reports, tallies = [], [], {}

        def follow_up(found: tuple[list, list]) -> None:
            meetings.extend(found[0])
            reports.extend(found[1])

        rows = log_rows(seed, plans, today, tallies, follow_up, progress)
        (copy_logs if connection.vendor == "postgresql" else bulk_create_logs)(rows)
        progress(f"{logs} logs written")
        write_follow_ups(rng, meetings, tallies, reports)
        write_outcomes(seed, plans, today)
        progress("Follow-up meetings, assessments, reports and outcome indicators written")
        after_bulk_load()
    # Most of the commit's time goes to the deferred foreign key checks of the logs.
    progress("Committed")
    return {
        "municipalities": len(municipalities),
        "periods": dict(
            PromisePeriod.objects.values_list("state").annotate(Count("pk")).order_by()
        ),
        "promises": Promise.objects.count(),
        "activities": Activity.objects.count(),
        "logs": ActivityLog.objects.count(),
        "withdrawn logs": ActivityLog.objects.filter(withdrawn_at__isnull=False).count(),
        "meetings": FollowUpMeeting.objects.count(),
        "assessments": Assessment.objects.count(),
        "reports": Report.objects.count(),
        "outcome indicators": OutcomeIndicator.objects.count(),
        "outcome measurements": OutcomeMeasurement.objects.count(),
        "seconds": round(time.monotonic() - began, 1),
    }
