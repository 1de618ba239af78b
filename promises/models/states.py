"""The lifecycle's states, who gives the promises, and the conditions pages select periods by
(in force, published, a police area, a year, a user's places)."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from municipalities.models import Membership, Municipality, Role

# activities.progress.Comparator.AT_MOST, named here as this app may not import activities.
CEILING_COMPARATOR = "at_most"


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
