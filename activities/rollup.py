"""The progress rollup: per activity and counting span, the counted quantity of its logs.

Pages never load logs to show progress: `Activity.progress()` reads these sums (one prefetch for
a whole list) and `progress.progress_from_counts` applies the same rules as to raw logs. The sums
are kept in step inside the writing transaction, whatever writes:

- a log saved (new, edited, withdrawn) moves its quantity between sums with atomic
  `done = done ± quantity` updates (post_save of ActivityLog, inside the log's own transaction:
  `ActivityLog.save` is atomic);
- an activity or period saved (new, target or dates changed) gets its spans rebuilt from the
  logs when they no longer match `progress.counting_spans` (post_save of Activity and
  PromisePeriod);
- bulk inserts (demo, national data) call `rebuild()` afterwards.

Beside the span sums, each activity's total over all its spans (`ActivityTotal`) moves with
them: the national figures add up one row per activity. It names the activity's period; an
activity saved in another period is rebuilt (`sync`).

`check()` recounts everything from the raw logs (`manage.py check_progress`).
"""

import datetime
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from django.db import transaction
from django.db.models import F, Sum
from django.db.models.signals import post_save
from django.dispatch import receiver

from activities.models import Activity, ActivityLog, ActivityTotal, SpanTotal
from activities.progress import counting_spans
from config import public_cache
from promises.models import PromisePeriod

Contribution = tuple[int, datetime.date, int] | None  # (activity id, date, quantity)
SpanSum = tuple[datetime.date, datetime.date, int]  # (start, end, counted quantity)


def wanted_spans(activity: Activity) -> list[tuple[datetime.date, datetime.date]]:
    """The ranges `activity`'s sums must be kept for, from its target, its first counted day
    and its period's end (an open-ended period's: to the end of the current calendar year)."""
    return counting_spans(activity.target, activity.counting_start, activity.period.counting_end())


def _add(contribution: Contribution, sign: int) -> None:
    if contribution is None:
        return
    activity_id, day, quantity = contribution
    spans = SpanTotal.objects.filter(activity_id=activity_id, start__lte=day, end__gte=day)
    # No span holds the day: it lies outside the period (then it does not count), or a rebuild
    # replaced the spans since this statement's snapshot; a new statement sees them.
    if spans.update(done=F("done") + sign * quantity) or spans.update(
        done=F("done") + sign * quantity
    ):
        total = ActivityTotal.objects.filter(activity_id=activity_id)
        total.update(done=F("done") + sign * quantity)
    else:
        _extend_open_ended(activity_id, day)


def _extend_open_ended(activity_id: int, day: datetime.date) -> None:
    # An open-ended period's spans reach the end of the year they were built in: a log in a
    # later year extends them (the recount includes the log being saved).
    later = Activity.objects.filter(
        pk=activity_id, period__end_date__isnull=True, period__start_date__lte=day
    )
    if later.exists():
        rebuild(later.select_related("period"))


def sync_open_ended() -> int:
    """Extend the spans of open-ended periods' activities to the current year's end (run daily:
    a new year otherwise counts from the logs until a log or a change rebuilds them)."""
    return sync(Activity.objects.filter(period__end_date__isnull=True).select_related("period"))


@receiver(post_save, sender=ActivityLog, dispatch_uid="rollup_log_saved")
def log_saved(sender, instance: ActivityLog, created: bool, raw: bool = False, **kwargs) -> None:
    """Move the log's counted quantity from what it counted before to what it counts now."""
    if raw:
        return
    before = None if created else instance.counted_before()
    now = instance.contribution()
    if before is ...:
        # Saved from a row loaded without every counted field: recount its activity.
        rebuild(Activity.objects.filter(pk=instance.activity_id).select_related("period"))
    elif before != now:
        # Locks in the order a rebuild takes them: the activity, then its sums (no deadlock).
        activities = {c[0] for c in (before, now) if c is not None}
        locked = Activity.objects.select_for_update(no_key=True, of=("self",))
        list(locked.filter(pk__in=activities).order_by("pk").values("pk"))
        _add(before, -1)
        _add(now, +1)
    instance.remember_contribution()


def _daily_sums(activity_ids) -> dict[int, list[tuple[datetime.date, int]]]:
    rows = (
        ActivityLog.objects.counted()
        .filter(activity_id__in=activity_ids)
        .values_list("activity_id", "date")
        .annotate(total=Sum("quantity"))
        .order_by()
    )
    sums: dict[int, list[tuple[datetime.date, int]]] = {}
    for activity_id, day, total in rows:
        sums.setdefault(activity_id, []).append((day, total))
    return sums


def _recount(activity: Activity, days: list[tuple[datetime.date, int]]) -> list[SpanSum]:
    """The sums `activity`'s spans must hold, from its counted logs' sums by day."""
    # Running sums over the days: a per-day target has hundreds of spans.
    days = sorted(days)
    dates = [day for day, _total in days]
    running = [0, *accumulate(total for _day, total in days)]
    return [
        (start, end, running[bisect_right(dates, end)] - running[bisect_left(dates, start)])
        for start, end in wanted_spans(activity)
    ]


@transaction.atomic
def rebuild(activities) -> int:
    """Recount the spans of `activities` from their logs; returns how many were rebuilt.

    Rebuilds of one activity take turns on its row (re-read, so the target in force wins;
    NO KEY UPDATE lets logs referring to it be written meanwhile). The old sums are locked
    next: a log write in flight finishes before the recount reads the logs, and one that
    starts later finds the new sums (see `_add`).
    """
    ids = [activity.pk for activity in activities]
    activities = list(
        Activity.objects.select_for_update(no_key=True, of=("self",))
        .select_related("period")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    list(SpanTotal.objects.select_for_update().filter(activity_id__in=ids).values_list("pk"))
    SpanTotal.objects.filter(activity_id__in=ids).delete()
    ActivityTotal.objects.filter(activity_id__in=ids).delete()
    sums = _daily_sums(ids)
    rows, totals = [], []
    for activity in activities:
        recounted = _recount(activity, sums.get(activity.pk, []))
        rows += [SpanTotal(activity=activity, start=s, end=e, done=d) for s, e, d in recounted]
        done = sum(d for _s, _e, d in recounted)
        totals.append(ActivityTotal(activity=activity, period_id=activity.period_id, done=done))
    SpanTotal.objects.bulk_create(rows, batch_size=2000)
    ActivityTotal.objects.bulk_create(totals, batch_size=2000)
    # Rollup rows send no signal to the page cache (config/public_cache.py): pages once here.
    public_cache.make_stale(Activity, ids)
    return len(activities)


def _stored_spans(activities) -> dict[int, list[SpanSum]]:
    stored: dict[int, list[SpanSum]] = {}
    rows = SpanTotal.objects.filter(activity__in=[a.pk for a in activities]).order_by("start")
    for activity_id, start, end, done in rows.values_list("activity_id", "start", "end", "done"):
        stored.setdefault(activity_id, []).append((start, end, done))
    return stored


def _ranges(spans: list[SpanSum]) -> list[tuple[datetime.date, datetime.date]]:
    return [(start, end) for start, end, _done in spans]


def _stored_periods(activities) -> dict[int, int]:
    totals = ActivityTotal.objects.filter(activity__in=[a.pk for a in activities])
    return dict(totals.values_list("activity_id", "period_id"))


def sync(activities) -> int:
    """Rebuild the sums of those `activities` whose target or period dates changed, or whose
    total names another period (the activity moved)."""
    activities = list(activities)
    stored = _stored_spans(activities)
    periods = _stored_periods(activities)
    stale = [
        a
        for a in activities
        if _ranges(stored.get(a.pk, [])) != wanted_spans(a) or periods.get(a.pk) != a.period_id
    ]
    return rebuild(stale) if stale else 0


@receiver(post_save, sender=Activity, dispatch_uid="rollup_activity_saved")
def activity_saved(sender, instance: Activity, raw: bool = False, **kwargs) -> None:
    if not raw:
        sync([instance])


@receiver(post_save, sender=PromisePeriod, dispatch_uid="rollup_period_saved")
def period_saved(sender, instance: PromisePeriod, raw: bool = False, **kwargs) -> None:
    if not raw:
        sync(Activity.objects.filter(period=instance).select_related("period"))


def rebuild_all(batch: int = 500) -> int:
    """Rebuild every activity's spans (after bulk inserts); returns the number of activities."""
    count = 0
    ids = list(Activity.objects.order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(ids), batch):
        count += rebuild(
            Activity.objects.filter(pk__in=ids[i : i + batch]).select_related("period")
        )
    return count


@dataclass(frozen=True)
class Difference:
    """An activity whose kept sums differ from a recount of its logs."""

    activity_id: int
    problem: str


def check(batch: int = 500) -> list[Difference]:
    """Recount every activity's spans and total from its logs and compare them with the kept
    ones: the spans' dates with its target and period, each span's sum, and the total with
    the period it names."""
    differences = []
    ids = list(Activity.objects.order_by("pk").values_list("pk", flat=True))
    # Each total with the period it names, in one reading of the table.
    kept = list(ActivityTotal.objects.values_list("activity_id", "done", "period_id"))
    kept_totals = {pk: done for pk, done, _period in kept}
    kept_periods = {pk: period for pk, _done, period in kept}
    for i in range(0, len(ids), batch):
        activities = Activity.objects.filter(pk__in=ids[i : i + batch]).select_related("period")
        stored = _stored_spans(activities)
        daily = _daily_sums(ids[i : i + batch])
        for activity in activities:
            recounted = _recount(activity, daily.get(activity.pk, []))
            kept = stored.get(activity.pk, [])
            if _ranges(kept) != _ranges(recounted):
                differences.append(Difference(activity.pk, "spans"))
            else:
                differences += [
                    Difference(activity.pk, f"{start}–{end}: kept {done}, logs {actual}")
                    for (start, end, done), (_s, _e, actual) in zip(kept, recounted, strict=True)
                    if done != actual
                ]
            total = sum(done for _start, _end, done in recounted)
            if kept_totals.get(activity.pk) != total:
                differences.append(
                    Difference(
                        activity.pk,
                        f"whole period: kept {kept_totals.get(activity.pk, 'nothing')}, "
                        f"logs {total}",
                    )
                )
            kept_period = kept_periods.get(activity.pk, activity.period_id)
            if kept_period != activity.period_id:
                differences.append(
                    Difference(
                        activity.pk,
                        f"total kept for period {kept_period}, not {activity.period_id}",
                    )
                )
    return differences
