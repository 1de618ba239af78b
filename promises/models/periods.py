"""The promise document (PromisePeriod): a municipality or a part of it, a period, a lifecycle
state, its texts and its contact."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from municipalities.models import LocalPoliceArea, Municipality, in_place
from promises.fields import join_range
from promises.models.period_queries import PromisePeriodQuerySet
from promises.models.states import (
    IN_FORCE_STATES,
    PUBLISHED_STATES,
    Parties,
    PeriodState,
    open_ended_horizon,
)
from promises.models.versioned import EditVersioned


class PromisePeriod(EditVersioned):
    """One promise document: a municipality (or a named part of it), a period, a lifecycle state."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="promise_periods",
        verbose_name=_("municipality"),
    )
    area_name = models.CharField(
        _("area name"),
        max_length=100,
        blank=True,
        help_text=_("A named part of the municipality, e.g. Rosengård; empty for all of it."),
    )
    local_police_area = models.ForeignKey(
        LocalPoliceArea,
        on_delete=models.PROTECT,
        related_name="promise_periods",
        verbose_name=_("local police area"),
        null=True,
        blank=True,
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_("The period's part of the public address, e.g. 2020-2021."),
    )
    start_date = models.DateField(_("start date"))
    # Empty for a period the document says runs until further notice ("gäller tills vidare").
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the promises apply until further notice."),
    )
    year_only = models.BooleanField(
        _("dated by year only"),
        default=False,
        help_text=_(
            "The document gives only the year: stored as 1 January to 31 December and shown as "
            "the year."
        ),
    )
    parties = models.CharField(
        _("who gives the promises"), max_length=20, choices=Parties.choices, default=Parties.JOINT
    )
    state = models.CharField(
        _("state"), max_length=20, choices=PeriodState.choices, default=PeriodState.DRAFT
    )
    situation = models.TextField(_("situation picture (lägesbild)"), blank=True)
    background = models.TextField(_("background"), blank=True)
    follow_up_text = models.TextField(_("how it is followed up"), blank=True)

    contact_name = models.CharField(_("contact name"), max_length=100, blank=True)
    contact_title = models.CharField(_("contact title"), max_length=100, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_is_public = models.BooleanField(
        _("contact is public"),
        default=False,
        help_text=_("Show the contact person on the public pages."),
    )

    decision_body = models.CharField(_("decision body"), max_length=150, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_reference = models.CharField(_("reference number (dnr)"), max_length=50, blank=True)
    signed_date = models.DateField(_("signing date"), null=True, blank=True)
    # The day the period was closed (lifecycle's close step); before its end date, its pages
    # say so, since a dated period keeps the end its document states.
    closed_date = models.DateField(_("closing date"), null=True, blank=True)
    # Public: why a period was closed before its end date (or one in force until further notice).
    closing_reason = models.TextField(_("reason for closing"), blank=True)

    # A past promise decided and signed outside the portal, registered afterwards from its
    # document with what the document states (decision, signing and signatories may be unknown).
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registered by"),
        null=True,
        blank=True,
    )
    source_file = models.FileField(
        _("source document"), upload_to="sources/%Y/", blank=True, max_length=200
    )
    source_url = models.URLField(_("source address"), blank=True, max_length=500)

    # Counts the times the period was sent for consultation; approvals belong to one round.
    consultation_round = models.PositiveSmallIntegerField(
        _("consultation round"), default=0, editable=False
    )
    # Bumped by every save through the editor: a save based on an older version is a conflict.
    edit_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)
    # A copy's texts that name a year, a date or a period, as copied: each must be edited or
    # confirmed before the draft is sent for consultation (promises.copy_review).
    review_marks = models.JSONField(_("texts to review"), default=list, blank=True, editable=False)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PromisePeriodQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality__name", "-start_date"]
        verbose_name = _("promise period")
        verbose_name_plural = _("promise periods")
        indexes = [
            # The latest signings (start page, feeds): read newest first, not sorted whole.
            models.Index(fields=["-signed_date", "-id"], name="period_latest_signed"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"], name="period_slug_unique_per_municipality"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=F("start_date")),
                name="period_ends_after_start",
            ),
            # A period signed in the portal has its signing date; a registered one has what its
            # document states.
            models.CheckConstraint(
                condition=~Q(state__in=PUBLISHED_STATES)
                | Q(signed_date__isnull=False)
                | Q(registered_at__isnull=False),
                name="published_period_has_signing_date",
            ),
            models.CheckConstraint(
                condition=Q(state__in=(PeriodState.DRAFT, PeriodState.CONSULTATION))
                | Q(decision_date__isnull=False)
                | Q(registered_at__isnull=False),
                name="decided_period_has_decision_date",
            ),
            models.CheckConstraint(
                condition=Q(registered_at__isnull=True) | Q(state__in=PUBLISHED_STATES),
                name="registered_period_is_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place_name} {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("promises:period_detail", args=[self.municipality.slug, self.slug])

    @property
    def place_name(self) -> str:
        """The municipality, with the area name when the period covers only a part of it."""
        if self.area_name:
            return f"{self.municipality.name}, {self.area_name}"
        return self.municipality.name

    @property
    def in_place_name(self) -> str:
        """ "i Göteborg, Centrum", "på Gotland": the place name with its preposition."""
        return in_place(self.place_name, on_island=self.municipality.on_island)

    @property
    def period_label(self) -> str:
        """ "2020–2021", "2023" for a period within one year, "från 2024" for an open-ended one."""
        if self.end_date is None:
            return gettext("from %(year)s") % {"year": self.start_date.year}
        if self.start_date.year == self.end_date.year:
            return str(self.start_date.year)
        return join_range(str(self.start_date.year), str(self.end_date.year))

    @property
    def is_published(self) -> bool:
        return self.state in PUBLISHED_STATES

    @property
    def closed_early(self) -> bool:
        """Whether the period was closed before the end date its document states."""
        return bool(
            self.state == PeriodState.CLOSED
            and self.closed_date
            and self.end_date
            and self.closed_date < self.end_date
        )

    @property
    def validity_text(self) -> str:
        """The validity as the document states it (`promises.validity.validity_label`)."""
        from promises.validity import validity_label  # it imports this module

        return validity_label(self)

    def counting_end(self, today: datetime.date | None = None) -> datetime.date:
        """The last day progress is counted to: the end date, or for an open-ended period the
        end of the current calendar year (at least the first year end after the start); for a
        period closed before its end date (`closed_early`), the day it was closed (it ran until
        then; an open-ended one is given its closing day as its end date)."""
        if self.closed_early:
            return max(self.closed_date, self.start_date)
        if self.end_date is not None:
            return self.end_date
        return open_ended_horizon(self.start_date, today or timezone.localdate())

    def judged_on(self, today: datetime.date) -> datetime.date:
        """The day progress is judged on: `today`, but for a closed period at least the day
        after its counting end: it is over, so its targets are met or not, never "in fas" in a
        month that had just begun when it was closed."""
        if self.state == PeriodState.CLOSED:
            return max(today, self.counting_end(today) + datetime.timedelta(days=1))
        return today

    @property
    def source_file_name(self) -> str:
        """The filed document's own name, without its storage folder ("norrkoping.pdf"); ""
        without one."""
        return self.source_file.name.rpartition("/")[2] if self.source_file else ""

    @property
    def source_file_kind(self) -> str:
        """The kind of the filed document, as its name's extension says: "DOCX", "PDF"."""
        name = self.source_file_name
        return name.rpartition(".")[2].upper() if "." in name else ""

    @property
    def registered_while_running(self) -> bool:
        """Registered afterwards when it had already begun but not ended: what was done before
        the registration counts only if it was logged afterwards."""
        if self.registered_at is None:
            return False
        registered = timezone.localdate(self.registered_at)
        return self.start_date < registered and not self.ended_before_registration

    @property
    def recorded_from(self) -> datetime.date | None:
        """The day the portal began to record a promise registered while it ran (its
        registration); None when it recorded it from the start. A span that ended before, with
        nothing logged for it, is not judged (`activities.progress.unrecorded`)."""
        if not self.registered_while_running:
            return None
        return timezone.localdate(self.registered_at)

    @property
    def ended_before_registration(self) -> bool:
        """Registered afterwards when it had already ended: nothing done was logged in the
        portal, so no progress is shown (never an inferred "ej uppnådd")."""
        return (
            self.registered_at is not None
            and self.end_date is not None
            and self.end_date < timezone.localdate(self.registered_at)
        )

    def is_over(self, today: datetime.date | None = None) -> bool:
        """Closed, or its end date has passed: its validity is told in the past tense."""
        today = today or timezone.localdate()
        return self.state == PeriodState.CLOSED or (
            self.end_date is not None and self.end_date < today
        )

    def public_state(self, today: datetime.date | None = None) -> str:
        """Where a published period stands for a reader of a list: "Gäller nu", "Börjar gälla
        1 januari 2027", "Har upphört" (signed, its end passed, not closed), or its state
        ("Avslutad"): "Undertecknad" alone does not tell a period in force from one long over."""
        today = today or timezone.localdate()
        if self.is_active(today):
            return capfirst(gettext("in force"))
        if self.state in IN_FORCE_STATES and today < self.start_date:
            return gettext("Begins %(date)s") % {"date": date_format(self.start_date, "j F Y")}
        if self.state in IN_FORCE_STATES and self.end_date is not None and self.end_date < today:
            return gettext("Ended")
        return capfirst(self.get_state_display())

    def is_active(self, today: datetime.date | None = None) -> bool:
        """Signed and today inside the period."""
        today = today or timezone.localdate()
        return (
            self.state in IN_FORCE_STATES
            and self.start_date <= today
            and (self.end_date is None or today <= self.end_date)
        )
