"""The logs of what was done: who logged what, when, and what the public sees of it."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities.models.activities import Activity
from activities.models.choices import Responsible
from activities.progress import (
    Comparator,
)
from municipalities.models import Role
from promises.models import (
    IN_FORCE_STATES,
    PUBLISHED_STATES,
    in_scope_q,
)

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
