"""Activities of a promise period, their targets, and the page queries that read them."""

import datetime
import itertools
from operator import itemgetter

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities.models.choices import (
    JOINT_SHOWN,
    LOGGED_BY_ROLE,
    ActivityStatus,
    Responsible,
    TargetChange,
)
from activities.models.totals import SpanTotal
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
from promises.models import (
    IN_FORCE_STATES,
    PUBLISHED_STATES,
    EditVersioned,
    Promise,
    PromisePeriod,
    active_q,
    in_scope_q,
)

# What an activity's progress status and target are read from, besides its period and its kept
# span sums (`ActivityQuerySet.for_status`).
STATUS_FIELDS = (
    "period",
    "target_comparator",
    "target_value",
    "target_unit",
    "target_unit_singular",
    "target_scope",
    "counts_from",
)


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

    def for_status(self) -> "ActivityQuerySet":
        """`with_progress_data()` with only the fields `progress_status()` and `target` read
        (`STATUS_FIELDS`), without the period: the activities of periods already loaded, for a
        page that counts them by status (a municipality's, a county's). Their texts and other
        fields are not read from the database nor made into values (another field costs a
        query)."""
        return self.with_progress_data().select_related(None).only(*STATUS_FIELDS)

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

    def cancelled_on_a_known_day(self) -> "ActivityQuerySet":
        """Activities cancelled through their status on a day that is known: those with an
        `Activity.cancelled_at`, which the change log and the feeds date their news by."""
        return self.filter(status=ActivityStatus.CANCELLED, status_changed_at__isnull=False)

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
    # When the status last changed (a new reason alone is no change): the day a cancelled
    # activity was cancelled, which the public change log states. Empty when not known.
    status_changed_at = models.DateTimeField(
        _("status changed at"), null=True, blank=True, editable=False
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
        self.status_changed_at = None
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
            return str(JOINT_SHOWN)
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
    def cancelled_at(self) -> datetime.datetime | None:
        """When the activity was cancelled, for the public change log: None unless it is
        cancelled now and the moment is known (never a guessed day)."""
        if self.status != ActivityStatus.CANCELLED:
            return None
        return self.status_changed_at

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
        period, target = self.period, self.target
        today = period.judged_on(today or timezone.localdate())
        start, end, counts = self._counts(today, target)
        return progress_from_counts(target, start, end, counts, today, period.recorded_from)

    def progress_status(self, today: datetime.date | None = None) -> str | None:
        """`progress(today).status`, found with fewer sums (for a list filtered by status); none
        for a promise registered when it had already ended (nothing was logged: its activities
        are never listed as "ej uppnådd")."""
        period = self.period
        if period.ended_before_registration:
            return None
        target = self.target
        today = period.judged_on(today or timezone.localdate())
        start, end, counts = self._counts(today, target)
        return status_from_counts(target, start, end, counts, today, period.recorded_from)

    def headline(self, today: datetime.date | None = None) -> Headline:
        """`progress(today)`'s total, current span, status and average (for an export)."""
        period, target = self.period, self.target
        today = period.judged_on(today or timezone.localdate())
        start, end, counts = self._counts(today, target)
        return headline_from_counts(target, start, end, counts, today, period.recorded_from)

    def _counts(
        self, today: datetime.date, target: Target | None
    ) -> tuple[datetime.date, datetime.date, Counts]:
        """The days progress is counted over, and the sums to count with: the kept span sums
        (prefetched by `with_progress_data`). Should they not match the target's spans (a change
        not yet rebuilt), the logs are counted instead: a page is never wrong, only slower.
        `target`: the activity's (`self.target`), made once by the caller (a list filtered by
        status asks this of every activity in the country)."""
        # An open-ended period is counted to the end of the current calendar year, a period
        # closed early to its closing day (`counting_end`); a closed one is judged as over
        # (`judged_on`, by the callers).
        start, end = self.counting_start, self.period.counting_end(today)
        sums = self.__dict__.get("span_sums")
        if sums is None:
            sums = SpanSums((s.start, s.end, s.done) for s in self.span_totals.all())
        if sums.kept_for(counting_bounds(target, start, end)):
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
