"""Activities of a promise period, their targets, and the logs of what was done."""

import datetime
import itertools
from dataclasses import dataclass
from operator import itemgetter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities.progress import (
    Comparator,
    Counts,
    Headline,
    LogCounts,
    LogEntry,
    Progress,
    Scope,
    SpanSums,
    Target,
    counting_bounds,
    headline_from_counts,
    progress_from_counts,
    status_from_counts,
)
from municipalities.models import Role
from promises.models import (
    IN_FORCE_STATES,
    PUBLISHED_STATES,
    EditVersioned,
    Promise,
    PromisePeriod,
    active_q,
    in_scope_q,
)


class Responsible(models.TextChoices):
    """Who carries out an activity."""

    POLICE = "police", _("the Police")
    MUNICIPALITY = "municipality", _("the municipality")
    JOINT = "joint", _("jointly")
    OTHER = "other", _("another actor")
    # The document does not say who ("Vi ska …", passive voice): never guessed.
    UNSTATED = "unstated", _("not stated")


class ActivityStatus(models.TextChoices):
    """Status of an activity without a numeric target."""

    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


# Which activities each role logs, by responsible party.
LOGGED_BY_ROLE = {
    Role.POLICE_OFFICER: (Responsible.POLICE, Responsible.JOINT, Responsible.UNSTATED),
    Role.COORDINATOR: (
        Responsible.MUNICIPALITY,
        Responsible.JOINT,
        Responsible.OTHER,
        Responsible.UNSTATED,
    ),
}


@dataclass(frozen=True)
class TargetChange:
    """A change of an activity's target after its promise was published."""

    day: datetime.date
    before: Target | None
    after: Target | None


class ActivityQuerySet(models.QuerySet):
    """Page queries for activities."""

    _with_sums = False

    def with_progress_data(self) -> "ActivityQuerySet":
        """Activities with their period and span sums, for `progress()` without more queries.

        The sums come in one query for all the activities, as plain tuples (a national list has
        tens of thousands of them: model instances would cost more than the page).
        """
        clone = self.select_related("period")
        clone._with_sums = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._with_sums = self._with_sums
        return clone

    def _wants_sums(self) -> bool:
        return self._with_sums and self._iterable_class is models.query.ModelIterable

    def _fetch_all(self) -> None:
        fetched = self._result_cache is not None
        super()._fetch_all()
        if not fetched and self._wants_sums():
            # A whole list (a progress filter, an export) asks for its sums by this query rather
            # than by thousands of ids; a page (sliced) by its ids.
            source = None if self.query.is_sliced else self
            _attach_span_sums(self._result_cache, source)

    def _iterator(self, use_chunked_fetch, chunk_size):
        rows = super()._iterator(use_chunked_fetch, chunk_size)
        if not self._wants_sums():
            yield from rows
            return
        # `.iterator()`: the sums of each chunk in one query, as prefetch_related does.
        while batch := list(itertools.islice(rows, chunk_size or 2000)):
            _attach_span_sums(batch)
            yield from batch

    def attach_span_sums(self, activities: list["Activity"]) -> None:
        """Give already loaded activities (with their period) the sums `progress()` reads."""
        _attach_span_sums(activities)

    def published(self) -> "ActivityQuerySet":
        """Activities of published periods."""
        return self.filter(period__state__in=PUBLISHED_STATES)

    def visible_to(self, user) -> "ActivityQuerySet":
        """Activities of the periods `user` may see, in any state."""
        return self.filter(in_scope_q(user, prefix="period__"))

    def loggable_by(self, user) -> "ActivityQuerySet":
        """Activities of periods in force that `user`'s roles log.

        The police log police and joint activities, coordinators municipal, joint and other
        actors' ones; administrators log any.
        """
        if user.is_authenticated and user.is_active and user.is_superuser:
            allowed = Q()
        else:
            allowed = Q(pk__in=[])
            for role, responsible in LOGGED_BY_ROLE.items():
                allowed |= in_scope_q(user, prefix="period__", roles=[role]) & Q(
                    responsible__in=responsible
                )
        return self.filter(allowed, period__state__in=IN_FORCE_STATES)

    def started(self, today: datetime.date) -> "ActivityQuerySet":
        """Activities of periods that have begun: nothing done before a period's start is
        logged (the log form refuses the date), so one not begun is no choice yet."""
        return self.filter(period__start_date__lte=today)

    def open_for_logs(self) -> "ActivityQuerySet":
        """Activities a new log may be added to: not cancelled (`Activity.takes_logs`). Logs of
        a cancelled activity may still be corrected or withdrawn (`loggable_by` alone)."""
        return self.exclude(status=ActivityStatus.CANCELLED)

    def for_log_form(self) -> "ActivityQuerySet":
        """Activities with period and place, ordered for a grouped choice list."""
        return self.select_related("period__municipality").order_by(
            "period__municipality__name", "-period__start_date", "period_id", "position"
        )

    def for_activity_list(self) -> "ActivityQuerySet":
        """Published activities with period, place and (counted fields of) logs, for the list."""
        return (
            self.published()
            .with_progress_data()
            .select_related("period__municipality__county")
            .order_by("period__municipality__name", "-period__start_date", "period_id", "position")
        )

    def with_can_log(self, user) -> "ActivityQuerySet":
        """Annotate `can_log`: whether `user` may log activities of each (see `loggable_by`,
        `open_for_logs`)."""
        loggable = Activity.objects.loggable_by(user).open_for_logs()
        return self.annotate(can_log=Exists(loggable.filter(pk=OuterRef("pk"))))

    def for_staff_home(self, user, today: datetime.date) -> "ActivityQuerySet":
        """Activities of the periods in force on `today` that `user` sees, for the start page."""
        return (
            self.visible_to(user)
            .filter(active_q(today, prefix="period__"))
            .with_progress_data()
            .select_related("period__municipality")
            .with_can_log(user)
            .order_by("period__municipality__name", "-period__start_date", "period_id", "position")
        )

    def for_staff_period(self, user) -> "ActivityQuerySet":
        """Activities `user` sees, with progress data and whether they may log them."""
        return (
            self.visible_to(user)
            .with_progress_data()
            .with_can_log(user)
            .order_by("period_id", "position", "pk")
        )

    def for_staff_status(self, user) -> "ActivityQuerySet":
        """Activities without a numeric target that `user` sees, for the status page."""
        return (
            self.visible_to(user)
            .filter(target_value__isnull=True)
            .select_related("period__municipality")
            .with_can_log(user)
        )

    def for_activity_page(self) -> "ActivityQuerySet":
        """Published activities with period, place, promises and progress sums, for their public
        page (logs: see `ActivityLogQuerySet.for_activity_page`)."""
        return (
            self.published()
            .with_progress_data()
            .select_related("period__municipality")
            .prefetch_related("promises")
        )

    def for_staff_activity(self, user) -> "ActivityQuerySet":
        """Activities `user` sees, with period, promises and progress sums (logs: see
        `ActivityLogQuerySet.for_activity`)."""
        return (
            self.visible_to(user)
            .select_related("period__municipality", "period__local_police_area")
            .prefetch_related(
                "promises", Prefetch("span_totals", queryset=SpanTotal.objects.order_by("start"))
            )
            .with_can_log(user)
        )


class Activity(EditVersioned):
    """A concrete action of a period, serving one or more of its promises."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("promise period"),
    )
    promises = models.ManyToManyField(
        Promise, related_name="activities", verbose_name=_("promises"), blank=True
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("short name"), max_length=120)
    description = models.TextField(_("description"))
    responsible = models.CharField(_("responsible"), max_length=20, choices=Responsible.choices)
    responsible_other = models.CharField(
        _("other responsible actor"),
        max_length=150,
        blank=True,
        help_text=_("Name the actor when the responsible party is another actor."),
    )
    partners = models.CharField(
        _("partners"),
        max_length=300,
        blank=True,
        help_text=_("Others who take part, e.g. Räddningstjänsten, föreningar."),
    )

    target_comparator = models.CharField(
        _("target comparator"), max_length=10, choices=Comparator.choices, blank=True
    )
    target_value = models.PositiveIntegerField(_("target value"), null=True, blank=True)
    target_unit = models.CharField(
        _("target unit"), max_length=60, blank=True, help_text=_("e.g. trafikkontroller")
    )
    target_unit_singular = models.CharField(
        _("target unit, singular"),
        max_length=60,
        blank=True,
        help_text=_("e.g. trafikkontroll; used for 1 (empty: the unit as given)."),
    )
    target_scope = models.CharField(
        _("target scope"), max_length=20, choices=Scope.choices, blank=True
    )

    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    status_reason = models.TextField(
        _("reason for status"), blank=True, help_text=_("Required when cancelled.")
    )

    # An activity added by a revision of a signed period counts from the day it was added, not
    # from the period's start: it was never judged "ej uppnådd" for the spans before it existed.
    counts_from = models.DateField(
        _("counted from"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day an activity added after the signing was added."),
    )

    # Kinds of follow-up meeting (followups.MeetingKind) that count toward this activity: a
    # meeting of such a kind recorded as held logs one occurrence ("månatlig uppföljning").
    counted_meeting_kinds = models.JSONField(_("meetings that count"), default=list, blank=True)

    edit_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ActivityQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[promises])

    class Meta:
        ordering = ["period", "position", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        permissions = [("update_activity_status", _("Can update the status of an activity"))]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "position"], name="activity_position_unique_in_period"
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="activity_position_positive"),
            # A target is complete or absent: comparator, value, unit and scope together.
            models.CheckConstraint(
                condition=(
                    Q(
                        target_comparator="",
                        target_value__isnull=True,
                        target_unit="",
                        target_scope="",
                    )
                    | (
                        ~Q(target_comparator="")
                        # NULL passes a CHECK, so "not null" is spelled out.
                        & Q(target_value__isnull=False, target_value__gte=1)
                        & ~Q(target_unit="")
                        & ~Q(target_scope="")
                    )
                ),
                name="activity_target_complete_or_absent",
            ),
            models.CheckConstraint(
                condition=(
                    Q(responsible=Responsible.OTHER) & ~Q(responsible_other="")
                    | ~Q(responsible=Responsible.OTHER) & Q(responsible_other="")
                ),
                name="activity_other_responsible_named",
            ),
            models.CheckConstraint(
                condition=~Q(status=ActivityStatus.CANCELLED) | ~Q(status_reason=""),
                name="activity_cancellation_has_reason",
            ),
        ]
        indexes = [
            # The few activities with a most, which the national figure leaves out
            # (`PromisePeriodQuerySet.national_figures`): read from this small index, not by
            # joining every activity (which doubled the start page's query).
            models.Index(
                fields=["id"],
                condition=Q(target_comparator=Comparator.AT_MOST),
                name="activity_ceiling_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def reset_for_copy(self) -> None:
        """Forget what was done: a copy into a new period starts planned, at its first version."""
        self.status = self._meta.get_field("status").get_default()
        self.status_reason = ""
        self.edit_version = 1

    @property
    def target(self) -> Target | None:
        """The activity's target as a domain value, or None."""
        if self.target_value is None:
            return None
        return Target(
            comparator=self.target_comparator,
            value=self.target_value,
            unit=self.target_unit,
            scope=self.target_scope,
            unit_singular=self.target_unit_singular,
        )

    @property
    def responsible_label(self) -> str:
        if self.responsible == Responsible.OTHER:
            return self.responsible_other
        return str(self.get_responsible_display())

    @property
    def responsible_shown(self) -> str:
        """The responsible party as pages show it: "Polisen", "Räddningstjänsten", and for an
        unstated one "ej angiven" (a remark in lower case, never a guessed party); a joint one
        names both parties, "Polisen och kommunen" (the choice's "Gemensamt" says less)."""
        if self.responsible == Responsible.UNSTATED:
            return str(self.get_responsible_display())
        if self.responsible == Responsible.JOINT:
            return gettext("The Police and the municipality")
        return capfirst(self.responsible_label)

    def target_changes(self) -> list["TargetChange"]:
        """How the target changed after the period was published (signed, or registered), oldest
        first, from the activity's history: the day, and the target before and after (None:
        none). Drafting before then is not a change of a promise made."""
        period = self.period
        if period.registered_at is not None:
            # Registered afterwards: published then, whatever signing date its document states
            # (years before). What was typed while it was being registered is drafting, never
            # shown (the signing date came first, and a draft's targets were shown as changes
            # of the promise made, each with the draft's value).
            since = period.registered_at
        elif period.signed_date is not None:
            since = timezone.make_aware(
                datetime.datetime.combine(period.signed_date, datetime.time.min)
            )
        else:
            return []
        versions = list(self.history.order_by("history_date", "history_id"))
        changes = []
        for before, after in itertools.pairwise(versions):
            old, new = before.instance.target, after.instance.target
            if after.history_date >= since and old != new:
                changes.append(TargetChange(timezone.localdate(after.history_date), old, new))
        return changes

    @property
    def takes_logs(self) -> bool:
        """Whether a new log may be added (`ActivityQuerySet.open_for_logs`): not cancelled."""
        return self.status != ActivityStatus.CANCELLED

    @property
    def counting_start(self) -> datetime.date:
        """The first day progress is counted from: the period's start, or for an activity
        added by a revision (`counts_from`) the day it was added."""
        start = self.period.start_date
        return max(start, self.counts_from) if self.counts_from else start

    def progress(self, today: datetime.date | None = None) -> Progress:
        """Progress and pace on `today`, from what `_counts` gives."""
        today = self.period.judged_on(today or timezone.localdate())
        start, end, counts = self._counts(today)
        recorded_from = self.period.recorded_from
        return progress_from_counts(self.target, start, end, counts, today, recorded_from)

    def progress_status(self, today: datetime.date | None = None) -> str | None:
        """`progress(today).status`, found with fewer sums (for a list filtered by status); none
        for a promise registered when it had already ended (nothing was logged: its activities
        are never listed as "ej uppnådd")."""
        if self.period.ended_before_registration:
            return None
        today = self.period.judged_on(today or timezone.localdate())
        start, end, counts = self._counts(today)
        recorded_from = self.period.recorded_from
        return status_from_counts(self.target, start, end, counts, today, recorded_from)

    def headline(self, today: datetime.date | None = None) -> Headline:
        """`progress(today)`'s total, current span, status and average (for an export)."""
        today = self.period.judged_on(today or timezone.localdate())
        start, end, counts = self._counts(today)
        recorded_from = self.period.recorded_from
        return headline_from_counts(self.target, start, end, counts, today, recorded_from)

    def _counts(self, today: datetime.date) -> tuple[datetime.date, datetime.date, Counts]:
        """The days progress is counted over, and the sums to count with: the kept span sums
        (prefetched by `with_progress_data`). Should they not match the target's spans (a change
        not yet rebuilt), the logs are counted instead: a page is never wrong, only slower."""
        # An open-ended period is counted to the end of the current calendar year, a period
        # closed early to its closing day (`counting_end`); a closed one is judged as over
        # (`judged_on`, by the callers).
        start, end = self.counting_start, self.period.counting_end(today)
        sums = self.__dict__.get("span_sums")
        if sums is None:
            sums = SpanSums((s.start, s.end, s.done) for s in self.span_totals.all())
        if sums.kept_for(counting_bounds(self.target, start, end)):
            return start, end, sums
        entries = self.logs.counted().values_list("date", "quantity")
        return start, end, LogCounts(LogEntry(day, quantity) for day, quantity in entries)


# From how many activities their sums are asked for by the activities' own query (as a
# subquery) rather than by a list of ids: thousands of parameters cost more to send and plan.
SUBQUERY_FROM = 500


def _attach_span_sums(activities: list[Activity], source: models.QuerySet | None = None) -> None:
    """Give each activity its `span_sums` (see `with_progress_data`), in one query; by `source`
    (the query that loaded them) when they are many."""
    if source is not None and len(activities) >= SUBQUERY_FROM:
        keys = source.select_related(None).order_by().values("pk")
        rows = SpanTotal.objects.filter(activity_id__in=keys)
    else:
        rows = SpanTotal.objects.filter(activity_id__in=[activity.pk for activity in activities])
    # In order, each activity's sums are one run of rows, split into columns as they come (a
    # national list reads a hundred thousand).
    rows = rows.order_by("activity_id", "start").values_list("activity_id", "start", "end", "done")
    sums = {}
    for activity_id, run in itertools.groupby(rows, key=itemgetter(0)):
        _ids, starts, ends, dones = zip(*run, strict=True)
        sums[activity_id] = SpanSums.from_columns(starts, ends, dones)
    for activity in activities:
        activity.span_sums = sums.get(activity.pk) or SpanSums(())


# How long after a log the same log saved again is asked about (`ActivityLogQuerySet.repeat_of`).
REPEAT_MINUTES = 30
# What makes a log the same as another of its activity: the same occurrence written again.
SAME_LOG_FIELDS = ("date", "quantity", "place", "summary")

# What the public sees of a log: never the internal note, the reporter or a withdrawal; when
# it was logged, to tell a log entered long after its day (`ActivityLog.logged_late`).
PUBLIC_LOG_FIELDS = ("activity", "date", "quantity", "place", "summary", "created_at")
# A log entered more than this many days after the day it names is said to be logged late: a
# figure that grew afterwards is seen as such (a report may have counted without it).
LATE_LOG_DAYS = 14
# Public lists of logs: newest first.
PUBLIC_LOG_ORDER = ("-date", "-created_at", "-pk")


class ActivityLogQuerySet(models.QuerySet):
    """Queries over activity logs."""

    def counted(self) -> "ActivityLogQuerySet":
        """Logs that count towards progress: not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)

    def repeat_of(self, *, user, activity, idempotency_key, fields: dict) -> "ActivityLog | None":
        """The counted log this user saved in the last `REPEAT_MINUTES` with exactly these
        fields under another key: the same form sent again (after the browser's Back, which
        gives the form a new key) rather than a new occurrence; None when there is none."""
        since = timezone.now() - datetime.timedelta(minutes=REPEAT_MINUTES)
        same = {name: fields[name] for name in SAME_LOG_FIELDS}
        return (
            self.counted()
            .filter(reported_by=user, activity=activity, created_at__gte=since, **same)
            .exclude(idempotency_key=idempotency_key)
            .order_by("-created_at")
            .first()
        )

    def joint_twin_of(self, *, user, activity, date) -> "ActivityLog | None":
        """For a joint activity ("Polisen och kommunen"), the counted log another user saved
        for the same day: both parties logging one safety walk counted it twice ("5 av minst 4
        trygghetsvandringar"), so the second is asked whether it is the same occurrence. Other
        activities are left alone: two officers' patrols on one day are two."""
        if activity.responsible != Responsible.JOINT:
            return None
        return (
            self.counted()
            .filter(activity=activity, date=date)
            .exclude(reported_by=user)
            .select_related("reported_by")
            .order_by("-created_at")
            .first()
        )

    def public(self) -> "ActivityLogQuerySet":
        """Logs the public sees: not withdrawn, of activities of published periods."""
        return self.counted().filter(activity__period__state__in=PUBLISHED_STATES)

    def for_activity_page(self, activity: "Activity") -> "ActivityLogQuerySet":
        """A published activity's public logs, newest first, with their public fields only."""
        return (
            self.counted()
            .filter(activity=activity)
            .only(*PUBLIC_LOG_FIELDS)
            .order_by(*PUBLIC_LOG_ORDER)
        )

    def latest_for_municipality(
        self, municipality, count: int, *, carried_out: bool = False
    ) -> "ActivityLogQuerySet":
        """The `count` newest public logs of a municipality's published periods, with their
        activity and period (its page, its feed); with `carried_out`, not those of a most
        ("högst 10 skadegörelser"), which count what happened rather than what was done (the
        feed says "Registrerat" of them; a page's "Senast genomfört" listed them as done).

        Read from each activity's newest logs, not from every log of the municipality (a busy
        one has tens of thousands): the activity whose `count`-th newest log is the latest has
        `count` logs from that day on, so no log dated before it is among the newest `count`.
        """
        activities = Activity.objects.filter(
            period__municipality=municipality, period__state__in=PUBLISHED_STATES
        )
        if carried_out:
            activities = activities.exclude(target_comparator=Comparator.AT_MOST)
        nth_newest = (
            ActivityLog.objects.counted()
            .filter(activity=OuterRef("pk"))
            .order_by("-date")
            .values("date")[count - 1 : count]
        )
        cutoff = (
            activities.annotate(nth=Subquery(nth_newest))
            .order_by(F("nth").desc(nulls_last=True))
            .values("nth")[:1]
        )
        logs = self.public()
        if carried_out:
            logs = logs.exclude(activity__target_comparator=Comparator.AT_MOST)
        return (
            logs.filter(
                activity__period__municipality=municipality,
                date__gte=Coalesce(Subquery(cutoff), Value(datetime.date.min)),
            )
            .select_related("activity__period")
            .only(
                *PUBLIC_LOG_FIELDS,
                "activity__title",
                # The target's unit says the quantity: "2 trafikkontroller".
                "activity__target_comparator",
                "activity__target_value",
                "activity__target_unit",
                "activity__target_unit_singular",
                "activity__target_scope",
                "activity__period__slug",
                "activity__period__area_name",
                "activity__period__start_date",
                "activity__period__end_date",
            )
            .order_by(*PUBLIC_LOG_ORDER)[:count]
        )

    def visible_to(self, user) -> "ActivityLogQuerySet":
        """Logs of the activities `user` may see."""
        return self.filter(in_scope_q(user, prefix="activity__period__"))

    def editable_by(self, user) -> "ActivityLogQuerySet":
        """Logs `user` may change or withdraw: the one rule for colleagues' logs.

        Only logs of periods in force. An officer changes their own logs of activities they
        log, unless someone else withdrew it (a coordinator's correction is not undone by the
        one corrected); a coordinator any log in their municipalities (to correct a colleague's
        mistake; the history keeps who changed what, a withdrawal its reason); an administrator
        any. Another officer of the same municipality sees the log but may not change it.
        `access.policy` asks the same of one log (`Act.CHANGE_LOG`).
        """
        if not (user.is_authenticated and user.is_active):
            return self.none()
        in_force = Q(activity__period__state__in=IN_FORCE_STATES)
        if user.is_superuser:
            return self.filter(in_force)
        own = Q(reported_by=user, activity__in=Activity.objects.loggable_by(user)) & (
            Q(withdrawn_by__isnull=True) | Q(withdrawn_by=user)
        )
        coordinated = in_force & in_scope_q(
            user, prefix="activity__period__", roles=[Role.COORDINATOR]
        )
        return self.filter(own | coordinated)

    def with_can_log(self, user) -> "ActivityLogQuerySet":
        """Annotate `can_log`: whether `user` may change or withdraw each log (`editable_by`)."""
        return self.annotate(
            can_log=Exists(ActivityLog.objects.editable_by(user).filter(pk=OuterRef("pk")))
        )

    def for_activity(self, activity: "Activity", user) -> "ActivityLogQuerySet":
        """An activity's logs (withdrawn ones too), newest first, with people and `can_log`."""
        return (
            self.filter(activity=activity)
            .select_related("reported_by", "withdrawn_by")
            .with_can_log(user)
            .order_by("-date", "-created_at", "-pk")
        )

    def for_staff_home(self, user) -> "ActivityLogQuerySet":
        """Logs `user` sees, most recently reported first, with activity and reporter."""
        return (
            self.visible_to(user)
            .select_related("activity__period__municipality", "reported_by")
            .with_can_log(user)
            .order_by("-created_at", "-pk")
        )

    def for_log_list(self, user) -> "ActivityLogQuerySet":
        """Logs `user` sees, by the day they were done (newest first), for the list of logs."""
        return (
            self.visible_to(user)
            .select_related("activity__period__municipality", "reported_by")
            .with_can_log(user)
            .order_by("-date", "-created_at", "-pk")
        )

    def reporters(self):
        """The users who reported these logs (the list of logs offers them)."""
        return get_user_model().objects.filter(pk__in=self.order_by().values("reported_by"))

    def for_staff_log(self, user) -> "ActivityLogQuerySet":
        """Logs `user` sees, with activity, period and people, for the edit and withdraw pages."""
        return (
            self.visible_to(user)
            .select_related("activity__period__municipality", "reported_by", "withdrawn_by")
            .with_can_log(user)
        )


class ActivityLog(models.Model):
    """One logged occurrence of an activity (genomförd aktivitet)."""

    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        related_name="logs",
        verbose_name=_("activity"),
    )
    date = models.DateField(_("date"))
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    place = models.CharField(_("place"), max_length=150, blank=True)
    summary = models.TextField(_("public summary"), blank=True)
    internal_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_("Never shown to the public. Do not write personal data here."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="activity_logs",
        verbose_name=_("reported by"),
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    # Logged by recording a follow-up meeting as held; withdrawn with the meeting's record.
    meeting = models.ForeignKey(
        "followups.FollowUpMeeting",
        on_delete=models.PROTECT,
        related_name="logs",
        verbose_name=_("follow-up meeting"),
        null=True,
        blank=True,
        editable=False,
    )
    # Sent with the form: a retried or doubled submission finds its log instead of adding one.
    idempotency_key = models.UUIDField(
        _("idempotency key"), unique=True, null=True, blank=True, editable=False
    )
    # Sent with the edit form: a change based on an earlier version is refused (see
    # promises.editing), so of two people changing the same log neither loses the other's edit.
    edit_version = models.PositiveIntegerField(
        _("edit version"), default=1, db_default=1, editable=False
    )

    objects = ActivityLogQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("activity log")
        verbose_name_plural = _("activity logs")
        indexes = [
            models.Index(fields=["activity", "date"], name="log_activity_date_idx"),
            # The most recently reported logs (staff start page) without sorting them all.
            models.Index(fields=["created_at", "id"], name="log_created_idx"),
            # The list of logs by the day they were done, and its range of days, without sorting
            # them all (an administrator's list is of every log in the country).
            models.Index(fields=["date", "created_at", "id"], name="log_by_day_idx"),
            # Sums of counted quantities by activity and date range read only this index.
            models.Index(
                fields=["activity", "date", "quantity"],
                condition=Q(withdrawn_at__isnull=True),
                name="log_counted_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="log_quantity_positive"),
            models.CheckConstraint(
                condition=Q(quantity__lte=100_000), name="log_quantity_reasonable"
            ),
            models.CheckConstraint(
                condition=(
                    Q(withdrawn_at__isnull=True, withdrawal_reason="")
                    | Q(withdrawn_at__isnull=False) & ~Q(withdrawal_reason="")
                ),
                name="log_withdrawal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.date} ({self.quantity})"

    def save(self, *args, **kwargs) -> None:
        # One transaction with the progress sums that post_save moves (activities/rollup.py).
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def logged_on(self) -> datetime.date:
        """The day the log was entered in the portal."""
        return timezone.localdate(self.created_at)

    @property
    def logged_late(self) -> bool:
        """Entered more than `LATE_LOG_DAYS` after the day it names."""
        return (self.logged_on - self.date).days > LATE_LOG_DAYS

    # What the log counts towards progress, as saved, for the rollup (activities/rollup.py).
    _COUNTED_FIELDS = ("activity_id", "date", "quantity", "withdrawn_at")

    @classmethod
    def from_db(cls, db, field_names, values):
        log = super().from_db(db, field_names, values)
        log.remember_contribution()
        return log

    def contribution(self) -> tuple[int, datetime.date, int] | None:
        """(activity id, date, quantity) this log adds to progress, or None when withdrawn."""
        if self.withdrawn_at is not None:
            return None
        return (self.activity_id, self.date, self.quantity)

    def remember_contribution(self) -> None:
        """Note what the log counts as saved (unknown when some counted field is deferred)."""
        loaded = all(name in self.__dict__ for name in self._COUNTED_FIELDS)
        self._saved_contribution = self.contribution() if loaded else ...

    def counted_before(self):
        """What the saved row counted before this save; Ellipsis when that was not loaded."""
        return getattr(self, "_saved_contribution", ...)


class SpanTotal(models.Model):
    """Rollup: the counted quantity of an activity's logs in one of its counting spans.

    Kept in the log's own transaction by activities/rollup.py and re-checkable from the logs
    (`manage.py check_progress`); the spans are `progress.counting_spans` of the activity.
    """

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="span_totals", verbose_name=_("activity")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    done = models.IntegerField(_("done"), default=0)

    class Meta:
        ordering = ["activity", "start"]
        verbose_name = _("span total")
        verbose_name_plural = _("span totals")
        constraints = [
            models.UniqueConstraint(fields=["activity", "start"], name="span_total_unique_start"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="span_total_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.start}–{self.end}: {self.done}"


class ActivityTotal(models.Model):
    """Rollup: the counted quantity of an activity's logs over its whole counting range, the
    sum of its `SpanTotal` rows.

    Kept beside them by activities/rollup.py, so that a national figure adds up one row per
    activity rather than the hundreds a per-day target keeps (`check_progress` compares it with
    them). It names its activity's period too, so that the national figure joins the periods to
    this narrow table alone, not through the activities (a third of the start page's time); an
    activity moved to another period has its sums rebuilt (`rollup.sync`).
    """

    activity = models.OneToOneField(
        Activity,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="total",
        verbose_name=_("activity"),
    )
    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="activity_totals",
        verbose_name=_("promise period"),
    )
    done = models.IntegerField(_("done"), default=0)

    class Meta:
        verbose_name = _("activity total")
        verbose_name_plural = _("activity totals")

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.done}"
