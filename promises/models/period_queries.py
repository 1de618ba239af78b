"""Scopes and page queries for promise periods: what each page asks the database for."""

import datetime

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from municipalities.models import Membership, Municipality, Role
from municipalities.search import search_q
from promises.models.indicators import OutcomeIndicator, OutcomeMeasurement
from promises.models.records import (
    Extension,
    PeriodTransition,
    Review,
    ReviewVerdict,
    Revision,
    prefetch_answers,
)
from promises.models.states import (
    CEILING_COMPARATOR,
    PUBLISHED_STATES,
    PeriodState,
    WaitingFor,
    active_q,
    in_scope_q,
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
                    # Each activity's period is the one it is prefetched for: no join; only
                    # what their statuses are counted from.
                    queryset=apps.get_model("activities", "Activity").objects.for_status(),
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
        record (reviews with their answers, transitions, extensions, revisions with changes),
        newest first."""
        return (
            self.visible_to(user)
            .with_place()
            .prefetch_related(
                "promises",
                "signatories",
                Prefetch(
                    "reviews",
                    queryset=Review.objects.select_related("reviewer", "promise")
                    .prefetch_related(prefetch_answers())
                    .order_by("-round", "-at", "-pk"),
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
