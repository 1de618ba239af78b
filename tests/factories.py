"""Small factory functions for test data; each creates one object with sensible defaults."""

import datetime
import itertools

from django.utils import timezone

from activities.models import Activity, ActivityLog, Responsible
from followups.models import FollowUpMeeting, MeetingKind, MeetingStatus
from municipalities.models import LocalPoliceArea, Municipality, PoliceRegion
from promises.models import PeriodState, Promise, PromisePeriod, Review, ReviewVerdict

_sequence = itertools.count(1)


def municipality(slug: str = "vetlanda") -> Municipality:
    """A municipality from the reference data the migrations loaded."""
    return Municipality.objects.get(slug=slug)


def local_police_area(name: str | None = None, municipalities=()) -> LocalPoliceArea:
    """The area named `name` covering `municipalities` (made, or the one made before)."""
    name = name or f"Lokalpolisområde {next(_sequence)}"
    area, _made = LocalPoliceArea.objects.get_or_create(
        slug=name.lower().replace(" ", "-").replace("å", "a").replace("ö", "o"),
        defaults={"name": name, "police_region": PoliceRegion.objects.get(slug="ost")},
    )
    area.municipalities.add(*municipalities)
    return area


def period(
    municipality_slug: str = "vetlanda",
    *,
    start: datetime.date = datetime.date(2026, 1, 1),
    end: datetime.date | None = datetime.date(2026, 12, 31),
    state: str = PeriodState.SIGNED,
    slug: str | None = None,
    **fields,
) -> PromisePeriod:
    """A promise period; signed by default (published), with decision and signing dates set."""
    if state not in (PeriodState.DRAFT, PeriodState.CONSULTATION):
        fields.setdefault("decision_date", start - datetime.timedelta(days=14))
    if state in (PeriodState.SIGNED, PeriodState.EXTENDED, PeriodState.CLOSED):
        fields.setdefault("signed_date", start)
    return PromisePeriod.objects.create(
        municipality=municipality(municipality_slug),
        slug=slug or f"{start.year}-{end.year if end else 'tv'}-{next(_sequence)}",
        start_date=start,
        end_date=end,
        state=state,
        **fields,
    )


def period_in_state(
    state: str = PeriodState.DRAFT,
    *,
    starts: int = 30,
    ends: int = 400,
    promises: int = 1,
    promise_title: str = "Löfte {i}: öka tryggheten",
    activity_title: str = "Trafikkontroller {i}",
    approved_by=None,
    **fields,
) -> PromisePeriod:
    """A Vetlanda period in `state`, `starts` and `ends` days from today, for the staff pages.

    It has `promises` promises (`promise_title` with {i} the number), each served by an
    activity (`activity_title`). Past the draft it is in consultation round 1; decided (and later)
    ten days ago by Kommunstyrelsen (KS 2026/17); signed five days ago. `approved_by` adds that
    user's approval of the current round. Any of these can be given instead in `fields`.
    """
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    if state != PeriodState.DRAFT:
        fields.setdefault("consultation_round", 1)
    if state in (PeriodState.DECIDED, PeriodState.SIGNED, PeriodState.EXTENDED):
        fields.setdefault("decision_date", today - 10 * day)
        fields.setdefault("decision_body", "Kommunstyrelsen")
        fields.setdefault("decision_reference", "KS 2026/17")
    if state in (PeriodState.SIGNED, PeriodState.EXTENDED):
        fields.setdefault("signed_date", today - 5 * day)
    # Sent for consultation only with its local police area chosen (`lifecycle`).
    fields.setdefault(
        "local_police_area",
        local_police_area("Lokalpolisområde Höglandet", [municipality("vetlanda")]),
    )
    made = period(
        "vetlanda", start=today + starts * day, end=today + ends * day, state=state, **fields
    )
    for i in range(1, promises + 1):
        served = promise(made, promise_title.format(i=i))
        activity(made, activity_title.format(i=i)).promises.add(served)
    if approved_by is not None:
        Review.objects.create(
            period=made,
            round=made.consultation_round,
            reviewer=approved_by,
            verdict=ReviewVerdict.APPROVE,
        )
    return made


def promise(period_: PromisePeriod, title: str = "Öka tryggheten i centrum", **fields) -> Promise:
    position = fields.pop("position", period_.promises.count() + 1)
    return Promise.objects.create(period=period_, title=title, position=position, **fields)


def activity(
    period_: PromisePeriod,
    title: str = "Trafikkontroller",
    *,
    target: tuple[str, int, str, str] | None = ("at_least", 15, "trafikkontroller", "period"),
    responsible: str = Responsible.POLICE,
    **fields,
) -> Activity:
    """An activity; `target` is (comparator, value, unit, scope) or None."""
    if target is not None:
        comparator, value, unit, scope = target
        fields.update(
            target_comparator=comparator, target_value=value, target_unit=unit, target_scope=scope
        )
    position = fields.pop("position", period_.activities.count() + 1)
    return Activity.objects.create(
        period=period_,
        title=title,
        description=fields.pop("description", f"Polisen ska genomföra {title.lower()}."),
        responsible=responsible,
        position=position,
        **fields,
    )


def log(activity_: Activity, date: datetime.date, quantity: int = 1, **fields) -> ActivityLog:
    return ActivityLog.objects.create(activity=activity_, date=date, quantity=quantity, **fields)


def meeting(period_: PromisePeriod, date: datetime.date, **fields) -> FollowUpMeeting:
    """A held meeting (give `status` for another)."""
    fields.setdefault("kind", MeetingKind.MONTHLY)
    fields.setdefault("status", MeetingStatus.HELD)
    return FollowUpMeeting.objects.create(period=period_, date=date, **fields)
