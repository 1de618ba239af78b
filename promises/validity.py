"""Validity of a promise period: the days it is in force, and the rule that two signed periods
of the same municipality and area never overlap.

A period runs from its start date to its end date, both included; a period without an end date
runs until further notice ("gäller tills vidare"). Signing, extending and registering ask
`overlapping_period` before they publish a period, and refuse with `overlap_message`. Before
that, a period's staff page warns of both (`overlapping_period`, `overlapping_drafts`): a draft
that cannot be signed as dated, or a second draft of the same promise (a document imported
twice), is best found the day it is made.
"""

import datetime

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext

from promises.fields import join_range
from promises.models import PUBLISHED_STATES, PromisePeriod, PromisePeriodQuerySet
from promises.validators import comparable_name


def overlaps(
    start_a: datetime.date,
    end_a: datetime.date | None,
    start_b: datetime.date,
    end_b: datetime.date | None,
) -> bool:
    """Whether two validities (inclusive, `None` = until further notice) share a day."""
    return (end_b is None or start_a <= end_b) and (end_a is None or start_b <= end_a)


def overlap_q(start: datetime.date, end: datetime.date | None) -> Q:
    """Condition "the period's validity shares a day with [start, end]" (end None: open)."""
    condition = Q(end_date__isnull=True) | Q(end_date__gte=start)
    if end is not None:
        condition &= Q(start_date__lte=end)
    return condition


def overlapping_period(
    period: PromisePeriod,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    *,
    open_ended: bool = False,
) -> PromisePeriod | None:
    """Another published period of the same municipality and area whose validity overlaps
    `period`'s (or [start, end] when given: the validity it is about to get), or None.

    `open_ended` says that the new validity has no end (`end` is then ignored). Closed periods
    count too: a past promise registered afterwards may not overlap one that was in force then.
    """
    start = start or period.start_date
    if open_ended:
        end = None
    elif end is None:
        end = period.end_date
    others = (
        PromisePeriod.objects.filter(
            state__in=PUBLISHED_STATES, municipality_id=period.municipality_id
        )
        .filter(overlap_q(start, end))
        .exclude(pk=period.pk)
        .select_related("municipality")
        .order_by("start_date", "pk")
    )
    # The same place whatever its spelling: an area of invisible or blank-looking characters
    # is the whole municipality, "ROSENGÅRD" is Rosengård (a municipality has a few periods).
    area = comparable_name(period.area_name)
    return next((other for other in others if comparable_name(other.area_name) == area), None)


def overlapping_drafts(period: PromisePeriod, among: PromisePeriodQuerySet) -> list[PromisePeriod]:
    """The other unpublished periods (draft, in consultation, decided) in `among` of the same
    municipality and area whose validity overlaps `period`'s, oldest first."""
    return list(
        among.exclude(state__in=PUBLISHED_STATES)
        .filter(municipality_id=period.municipality_id, area_name__iexact=period.area_name.strip())
        .filter(overlap_q(period.start_date, period.end_date))
        .exclude(pk=period.pk)
        .order_by("start_date", "pk")
    )


def takes_effect_at_signing(period: PromisePeriod, today: datetime.date) -> bool:
    """Whether a document may say the promises "take effect from the signing": a dated period
    (neither until further notice nor by year) signed on its first day, or not signed yet and
    due to start by today (signed later, it starts at the signing). One not signed yet whose
    first day is still to come starts then: its document gives the dates."""
    if period.end_date is None or period.year_only:
        return False
    if period.signed_date is not None:
        return period.signed_date == period.start_date
    return period.start_date <= today


def validity_label(period: PromisePeriod) -> str:
    """The validity as a reader says it (`join_range`): "1 juli 2025 – 30 juni 2027", "2019"
    for a period dated by year only, "från 1 mars 2024, tills vidare" for an open-ended one."""
    if period.year_only and period.end_date is not None:
        if period.start_date.year == period.end_date.year:
            return str(period.start_date.year)
        return join_range(str(period.start_date.year), str(period.end_date.year))
    start = date_format(period.start_date, "j F Y")
    if period.end_date is None:
        return gettext("from %(start)s, until further notice") % {"start": start}
    return join_range(start, date_format(period.end_date, "j F Y"))


def overlap_message(other: PromisePeriod) -> str:
    """Why a validity is refused: it overlaps `other`, named so the coordinator can find it."""
    return gettext(
        "The validity overlaps %(other)s (%(validity)s), which is already signed for the same "
        "municipality and area. Two signed periods for the same place may not be in force at "
        "the same time: change the dates, or end the other period first."
    ) % {"other": str(other), "validity": validity_label(other)}
