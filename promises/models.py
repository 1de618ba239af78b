"""The promise document (PromisePeriod), its promises, themes, signatories and lifecycle record."""

import datetime

from django.apps import apps
from django.conf import settings
from django.db import models, router, transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from municipalities.models import LocalPoliceArea, Membership, Municipality, Role, in_place
from municipalities.search import search_q
from promises.fields import join_range

# activities.progress.Comparator.AT_MOST, named here as this app may not import activities.
CEILING_COMPARATOR = "at_most"


class Theme(models.Model):
    """A theme of promises (narkotika, trafik, trygghet, …); a small managed list."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class PeriodState(models.TextChoices):
    """Lifecycle states of a promise period; "active" is derived, not stored."""

    DRAFT = "draft", _("draft")
    CONSULTATION = "consultation", _("in consultation")
    DECIDED = "decided", _("decided")
    SIGNED = "signed", _("signed")
    EXTENDED = "extended", _("extended")
    CLOSED = "closed", _("closed")


class Parties(models.TextChoices):
    """Who gives a period's promises: usually both, sometimes one party alone."""

    JOINT = "joint", _("the Police and the municipality together")
    POLICE = "police", _("the Police alone")
    MUNICIPALITY = "municipality", _("the municipality alone")


class WaitingFor(models.IntegerChoices):
    """What a period waits for from a staff user: their start page's first list, in this order."""

    APPROVAL = 1, _("In consultation: waiting for your approval")
    CHANGES = 2, _("Sent back to draft with comments")
    DECISION = 3, _("Approved: the decision can be recorded")
    SIGNING = 4, _("Decided: the signing can be recorded")
    REPORT = 5, _("A report is drafted: it waits to be published")


# States in which a period is public: signed and after.
PUBLISHED_STATES = (PeriodState.SIGNED, PeriodState.EXTENDED, PeriodState.CLOSED)
# States in which a period can be in force.
IN_FORCE_STATES = (PeriodState.SIGNED, PeriodState.EXTENDED)

# A period's public texts and contact: what a revision of a signed period may change.
PERIOD_TEXT_FIELDS = ("situation", "background", "follow_up_text")
PERIOD_CONTACT_FIELDS = ("contact_name", "contact_title", "contact_phone", "contact_email")
PERIOD_CONTACT_PUBLIC = "contact_is_public"


def active_q(today: datetime.date, prefix: str = "") -> Q:
    """Condition "in force on `today`", for periods reached through `prefix` (e.g. "period__")."""
    return Q(**{f"{prefix}state__in": IN_FORCE_STATES, f"{prefix}start_date__lte": today}) & (
        Q(**{f"{prefix}end_date__gte": today}) | Q(**{f"{prefix}end_date__isnull": True})
    )


def police_area_q(slug: str, prefix: str = "") -> Q:
    """Condition "of the local police area `slug`", for periods reached through `prefix`: named
    on the period, or, for a period that names none, covering one of its municipalities (a
    subquery: a municipality of two areas is not listed twice)."""
    in_area = Municipality.objects.filter(local_police_areas__slug=slug).values("pk")
    return Q(**{f"{prefix}local_police_area__slug": slug}) | Q(
        **{f"{prefix}local_police_area__isnull": True, f"{prefix}municipality__in": in_area}
    )


def open_ended_horizon(start: datetime.date, today: datetime.date) -> datetime.date:
    """Where an open-ended period's progress is counted to on `today`: the end of the current
    calendar year, or of the first year that ends after the start."""
    horizon = datetime.date(max(today.year, start.year), 12, 31)
    if horizon <= start:
        horizon = datetime.date(start.year + 1, 12, 31)
    return horizon


def covering_year_q(year: int, prefix: str = "") -> Q:
    """Condition "the period overlaps calendar year `year`", through `prefix`."""
    return Q(**{f"{prefix}start_date__lte": datetime.date(year, 12, 31)}) & (
        Q(**{f"{prefix}end_date__gte": datetime.date(year, 1, 1)})
        | Q(**{f"{prefix}end_date__isnull": True})
    )


def in_scope_q(
    user, prefix: str = "", roles: "list[Role] | None" = None, field: str = "municipality_id"
) -> Q:
    """Condition "the period (through `prefix`) is in a municipality where `user` holds a role".

    `roles` narrows to some roles; superusers (administrators) have every municipality in scope,
    anonymous and inactive users none.
    """
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    return Q(**{f"{prefix}{field}__in": Membership.objects.municipality_ids(user, roles)})


def municipalities_for_list(today: datetime.date) -> "models.QuerySet[Municipality]":
    """All municipalities with `active_periods`, the number in force on `today`, and their
    county's code and name and police region's name, as plain rows: the list's 290 model
    instances (and their counties and regions) cost more than its query.

    Lives here rather than in municipalities, which must not know about promise periods.
    """
    return (
        Municipality.objects.annotate(
            active_periods=models.Count(
                "promise_periods", filter=active_q(today, prefix="promise_periods__")
            )
        )
        .order_by("county__code", "name")
        .values(
            "slug",
            "name",
            "active_periods",
            county_code=models.F("county__code"),
            county_name=models.F("county__name"),
            police_region_name=models.F("county__police_region__name"),
        )
    )


class PromisePeriodQuerySet(models.QuerySet):
    """Scopes and page queries for promise periods."""

    def published(self) -> "PromisePeriodQuerySet":
        """Periods the public may see: signed (or extended, or closed after signing)."""
        return self.filter(state__in=PUBLISHED_STATES)

    def visible_to(self, user) -> "PromisePeriodQuerySet":
        """Periods in any state of the municipalities where `user` holds any role."""
        return self.filter(in_scope_q(user))

    def editable_by(self, user) -> "PromisePeriodQuerySet":
        """Periods `user` may edit: those of municipalities where they are coordinator."""
        return self.filter(in_scope_q(user, roles=[Role.COORDINATOR]))

    def active(self, today: datetime.date | None = None) -> "PromisePeriodQuerySet":
        """Signed periods in force today."""
        return self.filter(active_q(today or timezone.localdate()))

    def national_figures(self, today: datetime.date) -> dict[str, int]:
        """The periods in force today, their municipalities, and the quantity carried out in
        them.

        The quantity is the sum of their activities' kept totals (the progress rollup), not of
        logs or span sums. An activity with a most ("högst 10 skadegörelser") counts what is to
        be kept down, not work done: its total is left out, the few such activities read from
        their own small index (joining every activity doubled the query's time)."""
        # Written out with the value in the SQL, so that PostgreSQL reads it from the partial
        # index (activities' `activity_ceiling_idx`): a bound parameter cannot match an index's
        # condition. Both names are the code's own constants.
        table = apps.get_model("activities", "Activity")._meta.db_table
        ceilings = RawSQL(
            f"SELECT id FROM {table} WHERE target_comparator = '{CEILING_COMPARATOR}'",  # noqa: S608
            [],
        )
        kept_down = Q(activity_totals__activity_id__in=ceilings)
        figures = self.active(today).aggregate(
            periods=models.Count("pk", distinct=True),
            municipalities=models.Count("municipality", distinct=True),
            done=models.Sum("activity_totals__done", filter=~kept_down),
        )
        return {**figures, "done": figures["done"] or 0}

    def covered_years(self, today: datetime.date) -> list[int]:
        """The calendar years these periods cover (`covering_year_q`), newest first: from the
        first one's start to the last one's end, an open-ended one until today or its start."""
        bounds = self.aggregate(
            first=models.Min("start_date"),
            last=models.Max("end_date"),
            last_open=models.Max("start_date", filter=Q(end_date__isnull=True)),
        )
        if bounds["first"] is None:
            return []
        ends = [bounds["last"].year] if bounds["last"] else []
        if bounds["last_open"]:
            ends += [today.year, bounds["last_open"].year]
        return list(range(max(ends), bounds["first"].year - 1, -1))

    def signed(self) -> "PromisePeriodQuerySet":
        """Published periods with a signing date: a past promise registered from a document that
        does not state it has none, and is no signing to list or date by."""
        return self.published().filter(signed_date__isnull=False)

    def latest_signed(self, count: int) -> "PromisePeriodQuerySet":
        """The `count` periods signed last (`signed`), with only what a link to each shows (its
        place, label and signing date): the whole rows, long texts included, cost more than the
        query."""
        return (
            self.signed()
            .select_related("municipality")
            .only(
                "slug",
                "area_name",
                "start_date",
                "end_date",
                "signed_date",
                "municipality__name",
                "municipality__slug",
            )
            .order_by("-signed_date", "-pk")[:count]
        )

    def districts_named(self, words: str) -> "PromisePeriodQuerySet":
        """Published periods for a part of a municipality whose name contains `words`, folded
        ("rosengard" finds Rosengård), by municipality and district, newest first."""
        return (
            self.published()
            .exclude(area_name="")
            .filter(search_q(["area_name"], words))
            .with_place()
            .order_by("municipality__name", "area_name", "-start_date")
        )

    def with_place(self) -> "PromisePeriodQuerySet":
        """Periods with municipality, county and police area in the same query."""
        return self.select_related("municipality__county", "local_police_area")

    def for_municipality_page(self, municipality: Municipality) -> "PromisePeriodQuerySet":
        """A municipality's published periods, newest first, with their promises, and their
        activities with their span sums (how they stand, in a line per period)."""
        return (
            self.published()
            .filter(municipality=municipality)
            .with_place()
            .prefetch_related(
                "promises",
                Prefetch(
                    "activities",
                    # Each activity's period is the one it is prefetched for: no join.
                    queryset=apps.get_model("activities", "Activity")
                    .objects.with_progress_data()
                    .select_related(None),
                ),
            )
            .order_by("-start_date", "area_name")
        )

    def for_county_page(self, county) -> "PromisePeriodQuerySet":
        """A county's published periods with their municipality, each with the id of its latest
        public follow-up meeting and of its latest report (not replaced by a correction): the
        county page compares its municipalities by them. By name, so this app need not import
        the one above it; one query, a subquery per column."""
        meetings = apps.get_model("followups", "FollowUpMeeting").objects.public()
        reports = apps.get_model("followups", "Report").objects.published()
        latest_meeting = meetings.filter(period=OuterRef("pk")).order_by("-date", "-pk")
        latest_report = reports.filter(period=OuterRef("pk"), replaced_by__isnull=True).order_by(
            "-published_on", "-pk"
        )
        return (
            self.published()
            .filter(municipality__county=county)
            .select_related("municipality")
            .annotate(
                latest_meeting_id=models.Subquery(latest_meeting.values("pk")[:1]),
                latest_report_id=models.Subquery(latest_report.values("pk")[:1]),
            )
            .order_by("-start_date", "area_name", "pk")
        )

    def for_embed(
        self, municipality: Municipality, today: datetime.date
    ) -> "PromisePeriodQuerySet":
        """A municipality's periods in force on `today`, oldest first, with their activities
        and span sums: the box another web site shows in a frame (`views.municipality_embed`)."""
        return (
            self.active(today)
            .filter(municipality=municipality)
            .with_place()
            .prefetch_related(
                Prefetch(
                    "activities",
                    queryset=apps.get_model("activities", "Activity").objects.with_progress_data(),
                )
            )
            .order_by("start_date", "area_name")
        )

    def for_staff_home(self, user) -> "PromisePeriodQuerySet":
        """Periods in any state that `user` sees, with place, for the staff start page."""
        return (
            self.visible_to(user)
            .with_place()
            .order_by("municipality__name", "-start_date", "area_name", "pk")
        )

    def waiting_for(self, user) -> "PromisePeriodQuerySet":
        """The periods waiting for `user`, with place, `waiting` (a `WaitingFor`), `waiting_total`
        (how many wait, however the list is cut), `comment_count` (the approvers' comments in
        the current round, so that an approval with remarks is not read as a bare one) and, when
        sent back, the approver's `return_comment`; in `WaitingFor`'s order, then by
        municipality.

        As approver: periods in consultation in their municipalities that they have not approved
        in the current round. As coordinator (administrators: everywhere): periods sent back to
        draft, approved and waiting for the decision, decided and waiting for the signing, and
        published with a report drafted and not published.
        """
        if not (user.is_authenticated and user.is_active):
            return self.none()
        this_round = Review.objects.filter(
            period=OuterRef("pk"), round=OuterRef("consultation_round")
        )
        approvals = this_round.filter(verdict=ReviewVerdict.APPROVE)
        returns = this_round.filter(verdict=ReviewVerdict.RETURN).order_by("-at", "-pk")
        comments = (
            this_round.filter(verdict=ReviewVerdict.COMMENT)
            .order_by()
            .values("period")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        # Approving is the approvers' own (administrators are not approvers by being
        # administrators), so only memberships count here.
        approver_ids = Membership.objects.municipality_ids(user, [Role.APPROVER])
        as_approver = Q(municipality_id__in=approver_ids)
        as_coordinator = in_scope_q(user, roles=[Role.COORDINATOR])
        # An empty Q (an administrator's whole country) would vanish from an OR.
        in_scope = (as_approver | as_coordinator) if as_coordinator else Q()
        conditions = {
            # Not what the user sent for consultation: another approver approves it (the
            # lifecycle's rule, `lifecycle.sent_for_consultation_by`).
            WaitingFor.APPROVAL: as_approver
            & Q(state=PeriodState.CONSULTATION)
            & ~Exists(approvals.filter(reviewer=user.pk))
            & ~Exists(
                PeriodTransition.objects.filter(
                    period=OuterRef("pk"), to_state=PeriodState.CONSULTATION, by=user.pk
                )
            ),
            WaitingFor.CHANGES: as_coordinator & Q(state=PeriodState.DRAFT) & Exists(returns),
            WaitingFor.DECISION: as_coordinator
            & Q(state=PeriodState.CONSULTATION)
            & Exists(approvals),
            WaitingFor.SIGNING: as_coordinator & Q(state=PeriodState.DECIDED),
            # A drafted report (followups.Report, by name): a new coordinator's start page said
            # nothing waited while their predecessor's draft did.
            WaitingFor.REPORT: as_coordinator
            & Q(state__in=PUBLISHED_STATES)
            & Exists(
                apps.get_model("followups", "Report").objects.filter(
                    period=OuterRef("pk"), published_on__isnull=True
                )
            ),
        }
        return (
            self.filter(
                in_scope,
                state__in=(
                    PeriodState.DRAFT,
                    PeriodState.CONSULTATION,
                    PeriodState.DECIDED,
                    *PUBLISHED_STATES,
                ),
            )
            .annotate(
                waiting=models.Case(
                    *(
                        models.When(condition, then=models.Value(kind.value))
                        for kind, condition in conditions.items()
                    ),
                    default=None,
                    output_field=models.PositiveSmallIntegerField(),
                )
            )
            .filter(waiting__isnull=False)
            .annotate(
                waiting_total=models.Window(models.Count("pk")),
                return_comment=models.Subquery(returns.values("comment")[:1]),
                comment_count=models.functions.Coalesce(models.Subquery(comments), 0),
            )
            .with_place()
            .order_by("waiting", "municipality__name", "start_date", "area_name", "pk")
        )

    def for_staff_period(self, user) -> "PromisePeriodQuerySet":
        """Periods in any state that `user` sees, with place, promises, signatories and their
        record (reviews, transitions, extensions, revisions with changes), newest first."""
        return (
            self.visible_to(user)
            .with_place()
            .prefetch_related(
                "promises",
                "signatories",
                Prefetch(
                    "reviews",
                    queryset=Review.objects.select_related("reviewer", "promise").order_by(
                        "-round", "-at", "-pk"
                    ),
                ),
                Prefetch(
                    "transitions",
                    queryset=PeriodTransition.objects.select_related("by").order_by("-at", "-pk"),
                ),
                Prefetch(
                    "extensions",
                    queryset=Extension.objects.select_related("created_by").order_by(
                        "-created_at", "-pk"
                    ),
                ),
                Prefetch(
                    "revisions",
                    queryset=Revision.objects.select_related("created_by")
                    .prefetch_related("changes")
                    .order_by("-created_at", "-number"),
                ),
            )
        )

    def for_period_page(self) -> "PromisePeriodQuerySet":
        """Published periods with everything the public period page shows.

        Related rows are prefetched by name, so this app need not import the apps above it.
        """
        return (
            self.published()
            .with_place()
            # The signed original (followups.SignedOriginal), by name: the reverse one-to-one.
            .select_related("proposal", "signed_original")
            .prefetch_related(
                "signatories",
                Prefetch(
                    "transitions",
                    queryset=PeriodTransition.objects.filter(to_state__in=PUBLISHED_STATES),
                    to_attr="public_transitions",
                ),
                "promises__themes",
                # Outcome indicators with their counted measurements' public fields only.
                Prefetch(
                    "promises__indicators",
                    queryset=OutcomeIndicator.objects.order_by("pk").prefetch_related(
                        Prefetch(
                            "measurements",
                            queryset=OutcomeMeasurement.objects.counted()
                            .only("pk", "indicator_id", "date", "value", "source_note")
                            .order_by("date", "pk"),
                            to_attr="public_measurements",
                        )
                    ),
                ),
                # Each activity with its span sums as plain tuples, in one query for all (a
                # per-day target keeps hundreds of them: model instances cost more than the page).
                Prefetch(
                    "activities",
                    queryset=apps.get_model("activities", "Activity").objects.with_progress_data(),
                ),
                # The published reports, without their frozen figures (on each report's own
                # page): the page lists them, the corrected versions under their correction.
                Prefetch(
                    "reports",
                    queryset=apps.get_model("followups", "Report")
                    .objects.filter(published_on__isnull=False)
                    .defer("figures"),
                ),
                # Held meetings only, without their internal minutes; the promise or activity of
                # each assessment and verdict in the same query as it.
                Prefetch(
                    "meetings",
                    queryset=apps.get_model("followups", "FollowUpMeeting")
                    .objects.filter(status="held")
                    .defer("internal_minutes")
                    .prefetch_related(
                        Prefetch(
                            "assessments",
                            queryset=apps.get_model(
                                "followups", "Assessment"
                            ).objects.select_related("promise"),
                        ),
                        Prefetch(
                            "verdicts",
                            queryset=apps.get_model(
                                "followups", "ActivityVerdict"
                            ).objects.select_related("activity"),
                        ),
                    ),
                ),
                "revisions__changes",
                "extensions",
            )
        )


class EditVersioned(models.Model):
    """A row editors save with `promises.editing.save_versioned`, which checks that nobody saved
    it since the form was shown (`edit_version`). Every other save moves the version too: a
    lifecycle step, a status, a registration, a new position. An editor's form shown before one
    is then a conflict, never a full-row write of its stale copy (which put a period sent for
    consultation back in draft, or undid its closing)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        claimed = self.__dict__.pop("_version_claimed", False)
        if self._state.adding or claimed:
            super().save(*args, **kwargs)
            return
        fields = kwargs.get("update_fields")
        if fields is not None and "edit_version" not in fields:
            kwargs["update_fields"] = [*fields, "edit_version"]
        # The next version after the stored row's, read under its lock: a copy read before an
        # editor's save would otherwise write that save's own version again, and a form shown
        # after that save would not conflict with this write (a security probe).
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            stored = (
                type(self)
                ._base_manager.using(using)
                .select_for_update()
                .filter(pk=self.pk)
                .values_list("edit_version", flat=True)
                .first()
            )
            self.edit_version = (self.edit_version if stored is None else stored) + 1
            super().save(*args, **kwargs)


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


class PromiseQuerySet(models.QuerySet):
    """Scopes and page queries for promises."""

    def published(self) -> "PromiseQuerySet":
        """Promises of published periods."""
        return self.filter(period__state__in=PUBLISHED_STATES)

    def visible_to(self, user) -> "PromiseQuerySet":
        """Promises of the periods `user` may see."""
        return self.filter(in_scope_q(user, prefix="period__"))

    def for_promise_list(self) -> "PromiseQuerySet":
        """Published promises with period, place and themes, for the national list."""
        return (
            self.published()
            .select_related("period__municipality__county")
            .prefetch_related("themes")
            .order_by("period__municipality__name", "-period__start_date", "period_id", "position")
        )


class Promise(EditVersioned):
    """One promise (focus area) of a period, e.g. "Öka tryggheten i centrala Tranås"."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="promises",
        verbose_name=_("promise period"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("promise"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="promises", verbose_name=_("themes"), blank=True
    )
    edit_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)

    objects = PromiseQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["period", "position", "pk"]
        verbose_name = _("promise")
        verbose_name_plural = _("promises")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "position"], name="promise_position_unique_in_period"
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="promise_position_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class Signatory(models.Model):
    """A person who signed a period for one of the parties."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="signatories",
        verbose_name=_("promise period"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    # A registered document may name only the title ("Kommunstyrelsens ordförande").
    name = models.CharField(_("name"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150)

    class Meta:
        ordering = ["period", "position", "pk"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name="") | ~Q(title=""), name="signatory_has_name_or_title"
            ),
        ]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.title) if part)


class TransitionKind(models.TextChoices):
    """What a lifecycle record is: a step taken in the portal, or the registration of a document
    decided and signed outside it."""

    STEP = "step", _("step in the portal")
    REGISTRATION = "registration", _("registered afterwards from its document")


class PeriodTransition(models.Model):
    """One lifecycle step of a period: who moved it, when, from which state to which, and why."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("promise period"),
    )
    from_state = models.CharField(
        _("from state"), max_length=20, choices=PeriodState.choices, blank=True
    )
    to_state = models.CharField(_("to state"), max_length=20, choices=PeriodState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
        null=True,
        blank=True,
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=TransitionKind.choices, default=TransitionKind.STEP
    )
    # The start the document stated, when the signing made the validity start at signing.
    previous_start_date = models.DateField(_("stated start date"), null=True, blank=True)

    class Meta:
        ordering = ["period", "at", "pk"]
        verbose_name = _("lifecycle transition")
        verbose_name_plural = _("lifecycle transitions")
        constraints = [
            # A step changes the state, except an extension of a period already extended.
            models.CheckConstraint(
                condition=~Q(from_state=F("to_state")) | Q(to_state="extended"),
                name="transition_changes_state_or_extends",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"


class ReviewVerdict(models.TextChoices):
    """An approver's answer to a period in consultation."""

    COMMENT = "comment", _("comment")
    APPROVE = "approve", _("approved")
    RETURN = "return", _("sent back to draft")


class Review(models.Model):
    """An approver's comment, approval or return of a period in consultation (samråd)."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("promise period"),
    )
    round = models.PositiveSmallIntegerField(_("consultation round"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    verdict = models.CharField(_("verdict"), max_length=10, choices=ReviewVerdict.choices)
    comment = models.TextField(_("comment"), blank=True)
    # What a comment or return is about: one promise, or (None) the whole period. A promise
    # deleted from the draft afterwards leaves the comment about the whole period.
    promise = models.ForeignKey(
        "Promise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("about the promise"),
    )
    # The promise's title when the comment was written: a coordinator who renames the promise
    # in answer to it does not make the comment read as if about the new title.
    promise_title = models.CharField(
        _("title of the promise then"), max_length=300, blank=True, editable=False
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["period", "at", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.CheckConstraint(
                condition=Q(verdict=ReviewVerdict.APPROVE) | ~Q(comment=""),
                name="review_comment_or_approval",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} ({self.reviewer})"

    def save(self, *args, **kwargs) -> None:
        if self.promise is not None and not self.promise_title:
            self.promise_title = self.promise.title
        super().save(*args, **kwargs)

    @property
    def promise_title_then(self) -> str:
        """The title of the promise it is about, as it was when written ("" if about none)."""
        if self.promise is None:
            return ""
        return self.promise_title or self.promise.title

    @property
    def promise_renamed(self) -> bool:
        """The promise it is about has another title now than when it was written."""
        return self.promise is not None and self.promise_title_then != self.promise.title


class Extension(models.Model):
    """The extension of a signed period to a new end date, with its own decision."""

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="extensions",
        verbose_name=_("promise period"),
    )
    previous_end_date = models.DateField(_("previous end date"))
    new_end_date = models.DateField(_("new end date"))
    decision_body = models.CharField(_("decision body"), max_length=150)
    decision_date = models.DateField(_("decision date"))
    decision_reference = models.CharField(_("reference number (dnr)"), max_length=50, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["period", "created_at", "pk"]
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        constraints = [
            models.CheckConstraint(
                condition=Q(new_end_date__gt=F("previous_end_date")),
                name="extension_moves_end_later",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.previous_end_date} → {self.new_end_date}"


class RevisionKind(models.TextChoices):
    """Why a signed period was changed."""

    ANNUAL_REVIEW = "annual_review", _("annual review")
    CHANGED_SITUATION = "changed_situation", _("changed situation picture")
    CORRECTION = "correction", _("correction")
    OTHER = "other", _("other")


class Revision(models.Model):
    """A change to a signed period (its texts, promises, activities or targets), with a reason.

    The public change log lists each revision and what it changed; nothing published changes
    without one.
    """

    period = models.ForeignKey(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("promise period"),
    )
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind of revision"), max_length=20, choices=RevisionKind.choices)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["period", "number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "number"], name="revision_number_unique_in_period"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="revision_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.period} #{self.number}"


class ChangeKind(models.TextChoices):
    """What one change of a revision did; the label starts the public change-log line."""

    TARGET = "target", _("Target changed")
    ACTIVITY_ADDED = "activity_added", _("Activity added")
    ACTIVITY_CHANGED = "activity_changed", _("Activity changed")
    ACTIVITY_RESPONSIBLE = "activity_responsible", _("Responsible party changed")
    ACTIVITY_PROMISES = "activity_promises", _("Promises served changed")
    ACTIVITY_REMOVED = "activity_removed", _("Activity cancelled")
    PROMISE_ADDED = "promise_added", _("Promise added")
    PROMISE_CHANGED = "promise_changed", _("Promise changed")
    TEXT_CHANGED = "text_changed", _("Text changed")
    # A registered promise's decision, signing or signatories, corrected against its document.
    FACT_CORRECTED = "fact_corrected", _("Fact corrected")


class RevisionChange(models.Model):
    """One change of a revision: what (subject), before and after, as shown to the public."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="changes", verbose_name=_("revision")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind of change"), max_length=30, choices=ChangeKind.choices)
    subject = models.CharField(_("subject"), max_length=300)
    old_value = models.TextField(_("before"), blank=True)
    new_value = models.TextField(_("after"), blank=True)
    # Progress as published just before the change, so a changed target never rewrites it
    # silently ("12 av minst 15 trafikkontroller").
    progress_before = models.CharField(_("progress before the change"), max_length=200, blank=True)

    class Meta:
        ordering = ["revision", "position", "pk"]
        verbose_name = _("revision change")
        verbose_name_plural = _("revision changes")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.old_value} → {self.new_value}"


class DecisionProposal(EditVersioned):
    """The texts of the decision proposal (tjänsteutlåtande) for a period's decision."""

    period = models.OneToOneField(
        PromisePeriod,
        on_delete=models.CASCADE,
        related_name="proposal",
        verbose_name=_("promise period"),
    )
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description of the matter"), blank=True)
    consulted = models.CharField(
        _("consulted with"),
        max_length=200,
        blank=True,
        help_text=_("e.g. kommunledningsgruppen, KLG"),
    )
    consulted_on = models.DateField(_("consulted on"), null=True, blank=True)
    economy = models.TextField(_("economy"), blank=True)
    basis = models.TextField(_("decision basis"), blank=True, help_text=_("One document per line."))
    recipients = models.TextField(
        _("the decision is sent to"), blank=True, help_text=_("One recipient per line.")
    )
    officials = models.TextField(
        _("officials"),
        blank=True,
        help_text=_("The officials who sign the proposal: one per line, name, title."),
    )
    edit_version = models.PositiveIntegerField(_("edit version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision proposal")
        verbose_name_plural = _("decision proposals")

    def __str__(self) -> str:
        return str(self.period)

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def basis_lines(self) -> list[str]:
        return self.lines(self.basis)

    @property
    def recipient_lines(self) -> list[str]:
        return self.lines(self.recipients)

    @property
    def official_lines(self) -> list[str]:
        return self.lines(self.officials)


# -- Outcome indicators: whether things got better, beside what was done ----------------------


class Direction(models.TextChoices):
    """Which way an outcome indicator should move."""

    HIGHER = "higher", _("higher is better")
    LOWER = "lower", _("lower is better")


# Values are kept exactly as entered: up to a thousand million, with up to three decimals.
VALUE_DIGITS, VALUE_DECIMALS = 13, 3


class OutcomeIndicator(models.Model):
    """An outcome measure of a promise ("andel som känner sig trygga i centrum"): name, unit,
    source, desired direction and a baseline; measured over time."""

    promise = models.ForeignKey(
        Promise, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("promise")
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    source = models.CharField(_("source"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    direction = models.CharField(_("desired direction"), max_length=10, choices=Direction.choices)
    baseline_value = models.DecimalField(
        _("baseline value"),
        max_digits=VALUE_DIGITS,
        decimal_places=VALUE_DECIMALS,
        null=True,
        blank=True,
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
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

    history = HistoricalRecords()

    class Meta:
        ordering = ["promise", "pk"]
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")
        constraints = [
            # A baseline is a value at a date: both or neither.
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True, baseline_date__isnull=True)
                | Q(baseline_value__isnull=False, baseline_date__isnull=False),
                name="indicator_baseline_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def period(self) -> PromisePeriod:
        return self.promise.period


class OutcomeMeasurementQuerySet(models.QuerySet):
    """Scopes for measurements."""

    def counted(self) -> "OutcomeMeasurementQuerySet":
        """Measurements not withdrawn: the ones shown and used for the trend."""
        return self.filter(withdrawn_at__isnull=True)


class OutcomeMeasurement(models.Model):
    """One measurement of an outcome indicator: a date, a value and a note on its source.

    Never deleted: one entered by mistake is withdrawn with a reason and leaves the public pages.
    """

    indicator = models.ForeignKey(
        OutcomeIndicator,
        on_delete=models.PROTECT,
        related_name="measurements",
        verbose_name=_("outcome indicator"),
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS)
    source_note = models.CharField(_("source note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    # A double-submitted form or a re-uploaded file saves once.
    idempotency_key = models.UUIDField(
        _("idempotency key"), unique=True, null=True, blank=True, editable=False
    )

    objects = OutcomeMeasurementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "date", "pk"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            # One counted measurement per indicator and date; a withdrawn one frees its date.
            models.UniqueConstraint(
                fields=["indicator", "date"],
                condition=Q(withdrawn_at__isnull=True),
                name="measurement_one_per_date",
            ),
            models.CheckConstraint(
                condition=(
                    Q(withdrawn_at__isnull=True, withdrawal_reason="")
                    | Q(withdrawn_at__isnull=False) & ~Q(withdrawal_reason="")
                ),
                name="measurement_withdrawal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.date}: {self.value}"
