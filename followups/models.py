"""Follow-up meetings with an assessment per promise, and published reports."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from activities.models import Activity
from municipalities.models import Municipality
from promises.models import Promise, PromisePeriod

# How long a held or cancelled meeting stays in the public calendar (`for_calendar`).
CALENDAR_KEEPS = datetime.timedelta(days=366)


class FollowUpMeetingQuerySet(models.QuerySet):
    """Scopes for follow-up meetings."""

    def public(self) -> "FollowUpMeetingQuerySet":
        """Held meetings of published periods with a public summary; the minutes are never
        loaded."""
        return (
            self.filter(period__in=PromisePeriod.objects.published(), status=MeetingStatus.HELD)
            .exclude(public_summary="")
            .defer("internal_minutes")
        )

    def planned(self) -> "FollowUpMeetingQuerySet":
        """Planned meetings of published periods (public fields only: the iCalendar feed)."""
        return self.filter(
            period__in=PromisePeriod.objects.published(), status=MeetingStatus.PLANNED
        ).defer("internal_minutes")

    def for_calendar(self, today) -> "FollowUpMeetingQuerySet":
        """The meetings of published periods a calendar subscriber keeps: every planned one,
        and those held or cancelled in the last year (a meeting held or cancelled stays in the
        calendar as such, not gone without a word); public fields only."""
        return (
            self.filter(period__in=PromisePeriod.objects.published())
            .filter(
                Q(status=MeetingStatus.PLANNED)
                | Q(
                    status__in=(MeetingStatus.HELD, MeetingStatus.CANCELLED),
                    date__gte=today - CALENDAR_KEEPS,
                )
            )
            .defer("internal_minutes")
        )

    def coming_for(self, user, today) -> "FollowUpMeetingQuerySet":
        """Planned meetings from `today` on, of the periods `user` sees, soonest first (the
        staff start page: a new kommunpolis looked for the next one in every period)."""
        return (
            self.filter(
                period__in=PromisePeriod.objects.visible_to(user),
                status=MeetingStatus.PLANNED,
                date__gte=today,
            )
            .select_related("period__municipality")
            .defer("internal_minutes")
            .order_by("date", "time", "pk")
        )

    def held_for(self, user) -> "FollowUpMeetingQuerySet":
        """Held meetings of the periods `user` sees, newest first (the staff start page: what
        was last decided, a click from each meeting's record)."""
        return (
            self.filter(
                period__in=PromisePeriod.objects.visible_to(user), status=MeetingStatus.HELD
            )
            .select_related("period__municipality")
            .defer("internal_minutes")
            .order_by("-date", "-pk")
        )

    def last_and_next(self, today) -> "FollowUpMeetingQuerySet":
        """Of these meetings, the latest held one, the next planned from `today` on and the
        latest planned one whose day has passed (at most three rows, one query; the minutes are
        never loaded): a period's staff hub tells a
        coordinator taking over what was last decided and when the follow-up goes on."""
        latest = self.filter(status=MeetingStatus.HELD).order_by(
            "-date", models.F("time").desc(nulls_last=True), "-pk"
        )
        coming = self.filter(status=MeetingStatus.PLANNED, date__gte=today).order_by(
            "date", models.F("time").asc(nulls_last=True), "pk"
        )
        # And the latest planned one whose day has passed: held or cancelled, it was not
        # recorded so (the hub says so, with a link to record it).
        overdue = self.filter(status=MeetingStatus.PLANNED, date__lt=today).order_by(
            "-date", models.F("time").desc(nulls_last=True), "-pk"
        )
        return self.filter(
            Q(pk=models.Subquery(latest.values("pk")[:1]))
            | Q(pk=models.Subquery(coming.values("pk")[:1]))
            | Q(pk=models.Subquery(overdue.values("pk")[:1]))
        ).defer("internal_minutes")

    def for_feed(self, municipality: Municipality | None = None) -> "FollowUpMeetingQuerySet":
        """Public meetings with their period and municipality, newest first."""
        meetings = self.public()
        if municipality is not None:
            meetings = meetings.filter(period__municipality=municipality)
        return meetings.select_related("period__municipality").order_by("-date", "-pk")


class MeetingKind(models.TextChoices):
    """Kinds of follow-up meeting."""

    MONTHLY = "monthly", _("monthly meeting")
    QUARTERLY = "quarterly", _("quarterly follow-up")
    TERTIAL = "tertial", _("tertial follow-up")
    HALF_YEAR = "half_year", _("half-year follow-up")
    ANNUAL_REVIEW = "annual_review", _("annual review")
    COLLABORATION = "collaboration", _("collaboration meeting")
    CITIZEN_DIALOGUE = "citizen_dialogue", _("citizen dialogue")
    SAFETY_WALK = "safety_walk", _("safety walk")
    OTHER = "other", _("other meeting")


class MeetingStatus(models.TextChoices):
    """Where a meeting stands: planned, then held or cancelled; a held record can be withdrawn."""

    PLANNED = "planned", pgettext_lazy("meeting status", "planned")
    HELD = "held", pgettext_lazy("meeting status", "held")
    CANCELLED = "cancelled", pgettext_lazy("meeting status", "cancelled")
    WITHDRAWN = "withdrawn", pgettext_lazy("meeting status", "withdrawn")


class FollowUpMeeting(models.Model):
    """A follow-up meeting of a period: planned, then recorded as held (public summary,
    participating organisations, decisions; internal minutes) or cancelled with a reason."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("promise period"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    date = models.DateField(_("date"))
    time = models.TimeField(_("time"), null=True, blank=True)
    forum = models.CharField(
        _("forum"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Trygg och säker kommun, the crime prevention council, KLG."),
    )
    participants = models.TextField(
        _("participating organisations and roles"),
        blank=True,
        help_text=_("Shown to the public: organisations and roles, no personal names."),
    )
    public_summary = models.TextField(_("public summary"), blank=True)
    decisions = models.TextField(_("decisions and next steps"), blank=True)
    internal_minutes = models.TextField(
        _("internal minutes"), blank=True, help_text=_("Never shown to the public.")
    )
    status_reason = models.TextField(_("reason for cancelling or withdrawing"), blank=True)
    # A held meeting's record corrected afterwards: when and why, shown with it (the history
    # keeps the earlier version).
    corrected_at = models.DateTimeField(_("corrected at"), null=True, blank=True)
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    # The day the figures kept with its assessments (`Assessment.figures`) were judged on: the
    # meeting's own, when it was recorded as held.
    figures_as_of = models.DateField(_("figures as of"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Sent with the form that makes it: a form sent twice (a double click) finds the first
    # instead of making a second (promises.editing.save_once).
    idempotency_key = models.UUIDField(
        _("idempotency key"), unique=True, null=True, blank=True, editable=False
    )
    # A held meeting's record is corrected in a form: a correction based on an older version is
    # refused (promises.editing).
    edit_version = models.PositiveIntegerField(
        _("edit version"), default=1, db_default=1, editable=False
    )

    objects = FollowUpMeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "-date", "-pk"]
        verbose_name = _("follow-up meeting")
        verbose_name_plural = _("follow-up meetings")
        indexes = [
            models.Index(fields=["period", "status", "date"], name="meeting_status_idx"),
            # The feeds' newest held meetings, read in order and cut at the feed's length.
            models.Index(
                fields=["-date", "-id"], condition=Q(status="held"), name="meeting_feed_idx"
            ),
        ]
        constraints = [
            # Cancelled and withdrawn meetings say why; planned and held ones have no such reason.
            models.CheckConstraint(
                condition=(
                    Q(status__in=["planned", "held"], status_reason="")
                    | Q(status__in=["cancelled", "withdrawn"]) & ~Q(status_reason="")
                ),
                name="meeting_reason_with_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"

    def record_url(self) -> str:
        """Where a held meeting's public record stands: its entry on the period page."""
        return f"{self.period.get_absolute_url()}#uppfoljning-{self.pk}"

    @property
    def assessed_any(self) -> bool:
        """Whether the meeting assessed a promise: a rating other than "not assessed", or a
        comment. A citizen dialogue assesses none, and its "ej bedömt" for every promise under
        "Löftena, som mötet bedömde dem" read as a verdict. Reads the prefetched assessments."""
        return any(a.rating != Rating.NOT_ASSESSED or a.comment for a in self.assessments.all())


class Rating(models.TextChoices):
    """How a promise is going, as assessed at a meeting."""

    ON_TRACK = "on_track", pgettext_lazy("assessment", "on track")
    PARTLY = "partly", pgettext_lazy("assessment", "partly on track")
    NOT_ON_TRACK = "not_on_track", pgettext_lazy("assessment", "not on track")
    NOT_ASSESSED = "not_assessed", pgettext_lazy("assessment", "not assessed")


class Assessment(models.Model):
    """The assessment of one promise at one meeting."""

    meeting = models.ForeignKey(
        FollowUpMeeting,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("meeting"),
    )
    promise = models.ForeignKey(
        Promise,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("promise"),
    )
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices)
    comment = models.TextField(_("public comment"), blank=True)
    # What the meeting judged by: each activity serving the promise, its progress in words and
    # status on the meeting's day (`FollowUpMeeting.figures_as_of`), kept as recorded, as a
    # report keeps its figures: {"activity", "progress", "status"} per activity.
    figures = models.JSONField(_("figures at the meeting"), default=list, blank=True)

    class Meta:
        ordering = ["meeting", "promise__position"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "promise"], name="one_assessment_per_promise_and_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.promise}: {self.get_rating_display()}"


class ActivityVerdict(models.Model):
    """A meeting's public verdict on one activity, in words ("Genomfört, dock inte i den
    utsträckning vi velat")."""

    meeting = models.ForeignKey(
        FollowUpMeeting,
        on_delete=models.CASCADE,
        related_name="verdicts",
        verbose_name=_("meeting"),
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="verdicts", verbose_name=_("activity")
    )
    text = models.TextField(pgettext_lazy("activity verdict", "verdict"))

    class Meta:
        ordering = ["meeting", "activity__position"]
        verbose_name = _("verdict on an activity")
        verbose_name_plural = _("verdicts on activities")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "activity"], name="one_verdict_per_activity_and_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.text}"


class ReportKind(models.TextChoices):
    """Kinds of published follow-up report."""

    TERTIAL = "tertial", _("tertial report")
    HALF_YEAR = "half_year", _("half-year report")
    YEAR_END = "year_end", _("year-end report")
    FINAL = "final", _("final report")


class ReportQuerySet(models.QuerySet):
    """Scopes for reports."""

    def published(self) -> "ReportQuerySet":
        """Reports with a publication date, of published periods (replaced versions included)."""
        return self.filter(published_on__isnull=False, period__in=PromisePeriod.objects.published())

    def covering(self, period_id: int, days) -> "ReportQuerySet":
        """The published reports of a period, not replaced by a correction, whose span holds
        one of `days`: a log dated then changes the page's figures, never the report's."""
        spans = models.Q()
        for day in days:
            spans |= models.Q(covers_from__lte=day, covers_to__gte=day)
        return self.filter(
            spans, period_id=period_id, published_on__isnull=False, replaced_by__isnull=True
        ).order_by("covers_from", "pk")

    def latest_for_municipality(self, municipality: Municipality, count: int) -> "ReportQuerySet":
        """The municipality's `count` reports published last, each the latest version (a
        correction in place of the one it replaced), with its period; their texts and figures
        are left unread (their own pages show them). One LIMIT query."""
        return (
            self.published()
            .filter(period__municipality=municipality, replaced_by__isnull=True)
            .select_related("period")
            .defer("body", "figures")
            .order_by("-published_on", "-pk")[:count]
        )

    def for_feed(self, municipality: Municipality | None = None) -> "ReportQuerySet":
        """Published reports with their period and municipality, newest first."""
        reports = self.published()
        if municipality is not None:
            reports = reports.filter(period__municipality=municipality)
        return reports.select_related("period__municipality").order_by("-published_on", "-pk")


def judged_after_end(period: PromisePeriod, day) -> bool:
    """Whether figures judged on `day` were judged with `period` over (`reports.figures_day`
    then gives the day after its end): they are worded as at its end, on its last day."""
    return day is not None and period.end_date is not None and day > period.end_date


class Report(models.Model):
    """A follow-up report (redovisning) of a period: a draft until published, then unchanged.

    At publication the figures are frozen (`figures`, rows as `followups.reports.FigureRow`
    writes them) and the PDF is stored with its SHA-256 checksum; a correction is a new version
    with a reason, and the earlier one stays public, marked as replaced (`replaced_by`).
    """

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("promise period"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReportKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    covers_from = models.DateField(_("covers from"))
    covers_to = models.DateField(_("covers to"))
    published_on = models.DateField(_("published on"), null=True, blank=True)
    figures = models.JSONField(_("figures at publication"), default=list, blank=True)
    figures_as_of = models.DateField(_("figures as of"), null=True, blank=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    replaced_by = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )
    # Sent with the edit and publish forms: a draft changed since the form was shown is a
    # conflict, neither overwritten nor published unseen (see promises.editing).
    edit_version = models.PositiveIntegerField(
        _("edit version"), default=1, db_default=1, editable=False
    )
    pdf = models.FileField(_("PDF at publication"), upload_to="frozen/reports/", blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Sent with the form that makes it: a form sent twice (a double click) finds the first
    # instead of making a second (promises.editing.save_once).
    idempotency_key = models.UUIDField(
        _("idempotency key"), unique=True, null=True, blank=True, editable=False
    )

    objects = ReportQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "-covers_to", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            # The feeds' newest published reports, read in order and cut at the feed's length.
            models.Index(
                fields=["-published_on", "-id"],
                condition=Q(published_on__isnull=False),
                name="report_feed_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(covers_to__gte=models.F("covers_from")),
                name="report_covers_forward",
            ),
            # A correction (a version after the first) says why; a first version has no reason.
            models.CheckConstraint(
                condition=Q(version=1, correction_reason="")
                | Q(version__gt=1) & ~Q(correction_reason=""),
                name="report_correction_has_reason",
            ),
            # Only a published report is replaced, by a later version.
            models.CheckConstraint(
                condition=Q(replaced_by__isnull=True) | Q(published_on__isnull=False),
                name="report_replaced_when_published",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.published_on is None

    @cached_property
    def latest_version(self) -> "Report":
        """The version that replaced this one last (itself when it is not replaced): a link
        to "the corrected version" led a reader to a version replaced in its turn."""
        latest = self
        while latest.replaced_by_id is not None:
            latest = latest.replaced_by
        return latest

    @property
    def figures_at_end(self) -> bool:
        """Whether the figures were judged once the period had ended (`figures_as_of` is then
        the day after its end): the page says "at the end of the period, <its last day>", not
        the first day of the next year."""
        return judged_after_end(self.period, self.figures_as_of)


class SignedOriginal(models.Model):
    """The signing document's PDF as it was at signing, stored unchanged with its checksum.

    Made once, inside the signing step (`promises.lifecycle.signed`); later revisions change
    the current document, never this one.
    """

    period = models.OneToOneField(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="signed_original",
        verbose_name=_("promise period"),
    )
    pdf = models.FileField(_("PDF"), upload_to="frozen/signed/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("created at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signed original")
        verbose_name_plural = _("signed originals")

    def __str__(self) -> str:
        return self.pdf.name
