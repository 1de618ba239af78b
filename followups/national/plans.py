"""The national dataset's plan, drawn in plain Python from one `random.Random`: periods, their
lifecycle, promises, activities, targets and how many logs each gets."""

import datetime
import math
import random
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from activities import rollup
from activities.models import Activity, ActivityStatus, Responsible
from activities.progress import Comparator, add_months
from followups.national.texts import (
    ACTIVITIES,
    AVERAGES,
    CANCEL_REASONS,
    CLOSED,
    COMPARATOR_DECK,
    COMPARATOR_SV,
    CONSULTATION,
    DECIDED,
    DISTRICTS,
    DRAFT,
    EXTENDED,
    FIRST_NAMES,
    KIND_DECK,
    LAST_NAMES,
    LENGTHS,
    MALMO,
    MAX_LOGS_PER_ACTIVITY,
    MEAN_QUANTITY,
    NUMBER_WORDS,
    ONE_DAY,
    OTHER_ACTORS,
    OWNER_DECK,
    PARTIES,
    PARTNERS,
    PROMISES,
    RATE_MEDIAN,
    RATE_SIGMA,
    SCOPE_DAYS,
    SCOPE_DECK,
    SCOPE_RATE,
    SCOPE_SV,
    SIGNED,
    SUBJECT_SV,
    WINDOW_END,
    WINDOW_START,
    ActivityText,
    D,
    PromiseText,
    swedish_date,
)
from municipalities.models import LocalPoliceArea, Municipality
from municipalities.refdata import ascii_slug
from promises.models import (
    PUBLISHED_STATES,
    Promise,
    PromisePeriod,
)


def after_bulk_load() -> None:
    """Rebuild anything derived from the logs (progress rollups) after bulk inserts."""
    rollup.rebuild_all()
    if connection.vendor == "postgresql":
        # Planner statistics for the new million rows; autovacuum may be off or late.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@dataclass
class ActivityPlan:
    """An activity to write: its text, target or status, and how many logs it gets."""

    position: int
    text: ActivityText
    promises: list[int]  # positions
    responsible: str
    other: str = ""
    comparator: str = ""
    scope: str = ""
    value: int | None = None
    partners: str = ""
    status: str = ActivityStatus.PLANNED
    reason: str = ""
    rate: float = 0.0  # relative logs per year
    count: int = 0  # logs
    obj: Activity | None = None


@dataclass
class PeriodPlan:
    """A period to write: dates, state, lifecycle record, promises and activities."""

    municipality: Municipality
    start: datetime.date
    end: datetime.date
    state: str = SIGNED
    area: str = ""
    slug: str = ""
    police_area: LocalPoliceArea | None = None
    signed: datetime.date | None = None
    decided: datetime.date | None = None
    body: str = ""
    reference: str = ""
    rounds: int = 0
    steps: list[tuple[str, str, datetime.date, str]] = field(default_factory=list)
    extension: tuple[datetime.date, datetime.date] | None = None  # previous end, decision
    promises: list[PromiseText] = field(default_factory=list)
    activities: list[ActivityPlan] = field(default_factory=list)
    obj: PromisePeriod | None = None
    promise_objs: list[Promise] = field(default_factory=list)

    @property
    def published(self) -> bool:
        return self.state in PUBLISHED_STATES

    @property
    def place(self) -> str:
        return self.area or self.municipality.name

    @property
    def key(self) -> str:
        return f"{self.municipality.code}:{self.slug}"


class Deck:
    """Cards drawn in shuffled rounds: every card shows up once a round."""

    def __init__(self, rng: random.Random, cards: list) -> None:
        self.rng, self.cards, self.hand = rng, cards, []

    def draw(self):
        if not self.hand:
            self.hand = self.rng.sample(self.cards, len(self.cards))
        return self.hand.pop()


def organisation(municipality: Municipality) -> str:
    """The municipality as it names itself: "Vetlanda kommun", "Kungälvs kommun", "Malmö stad"."""
    return municipality.organisation_name


def period_slug(start: datetime.date, end: datetime.date, taken: set[str], prefix: str = "") -> str:
    """The staff form's rule ("2025-2026", "2023", then "-2", "-3" …), after an area's prefix."""
    base = str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    base = f"{prefix}-{base}" if prefix else base
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def at_time(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    tz = timezone.get_current_timezone()
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def weighted_pick(rng: random.Random, table: dict):
    return rng.choices(list(table), weights=list(table.values()))[0]


def random_days(rng: random.Random, low: int, high: int) -> datetime.timedelta:
    return datetime.timedelta(days=rng.randint(low, high))


def invented_person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


# --- Periods over time ------------------------------------------------------------------------


def _newest(rng: random.Random, today: datetime.date) -> tuple[datetime.date, datetime.date, str]:
    """The newest published period: in force today, recently ended, or about to start."""
    mode = weighted_pick(rng, {"active": 72, "ended": 18, "upcoming": 10})
    for _attempt in range(30):
        months, style = (
            weighted_pick(rng, LENGTHS),
            weighted_pick(rng, {"jan": 70, "mid": 15, "signing": 15}),
        )
        if mode == "upcoming" and style == "signing":
            continue
        candidates = []
        for year in range(WINDOW_START.year, WINDOW_END.year + 1):
            for month in (4, 7, 9) if style == "mid" else (1,):
                nominal = D(year, month, 1)
                start = nominal + random_days(rng, 10, 80) if style == "signing" else nominal
                end = add_months(nominal, months) - ONE_DAY
                fits = {
                    "active": start <= today <= end,
                    "ended": today - datetime.timedelta(days=540) <= end < today,
                    "upcoming": today < start <= today + datetime.timedelta(days=120),
                }[mode]
                if fits and end <= WINDOW_END and (end - start).days > 90:
                    candidates.append((start, end, style))
        if candidates:
            return rng.choice(candidates)
    return D(today.year, 1, 1), D(today.year, 12, 31), "jan"


def timeline(rng: random.Random, today: datetime.date) -> list[tuple]:
    """One to three published periods (start, end, start style), oldest first, never overlapping."""
    periods = [_newest(rng, today)]
    wanted = weighted_pick(rng, {1: 20, 2: 45, 3: 35})
    while len(periods) < wanted:
        following = periods[0][0]
        # A period that started at its signing follows one nominally ending at New Year.
        base = following if following.day == 1 else following.replace(month=1, day=1)
        gap = 0 if rng.random() < 0.6 else rng.randint(3, 30)  # months without a promise
        end = add_months(base, -gap) - ONE_DAY
        start = add_months(end + ONE_DAY, -weighted_pick(rng, LENGTHS))
        style = "jan" if start.month == 1 else "mid"
        if rng.random() < 0.15:
            start, style = start + random_days(rng, 10, 60), "signing"
        if start < WINDOW_START or (end - start).days < 90:
            break
        periods.insert(0, (start, end, style))
    return periods


def _drafting(rng, plan: PeriodPlan, consulted: datetime.date, decided: datetime.date | None):
    """The record up to `decided`: draft, consultation (sometimes sent back once), decision."""
    drafted = consulted - random_days(rng, 10, 80)
    plan.steps.append(("", DRAFT, drafted, "Utkast utifrån lägesbilden."))
    plan.rounds = 1
    if rng.random() < 0.12 and (consulted - drafted).days > 30:
        first = drafted + random_days(rng, 5, 12)
        plan.steps.append((DRAFT, CONSULTATION, first, "Skickat på samråd."))
        comment = "Tillbaka till utkast: KLG vill se tydligare mål för trafikinsatserna."
        plan.steps.append((CONSULTATION, DRAFT, first + random_days(rng, 3, 10), comment))
        plan.rounds = 2
    comment = "Skickat på samråd till kommunledningsgruppen (KLG)."
    plan.steps.append((DRAFT, CONSULTATION, consulted, comment))
    if decided is not None:
        gotland = plan.municipality.name == "Gotland"
        bodies = {
            "Kommunstyrelsen": 75,
            "Kommunstyrelsens arbetsutskott": 15,
            "Kommunfullmäktige": 10,
        }
        plan.body = "Regionstyrelsen" if gotland else weighted_pick(rng, bodies)
        plan.reference = f"{'RS' if gotland else 'KS'} {decided.year}/{rng.randint(12, 640)}"
        plan.decided = decided
        comment = f"{plan.body} beslutade att anta medborgarlöftet ({plan.reference})."
        plan.steps.append((CONSULTATION, DECIDED, decided, comment))


def lifecycle(rng: random.Random, plan: PeriodPlan, style: str, today: datetime.date) -> None:
    """Decision, signing, extension and closing of a published period, and its record."""
    start, end = plan.start, plan.end
    if style == "signing":
        signed = start  # Valid from the signing.
    elif rng.random() < 0.8:
        signed = start - random_days(rng, 2, 50)
    else:  # The document states a start before its signing.
        signed = min(start + random_days(rng, 1, 45), end)
    signed = min(signed, today - random_days(rng, 0, 14))
    decided = signed - random_days(rng, 5, 40)
    _drafting(rng, plan, decided - random_days(rng, 14, 50), decided)
    plan.signed = signed
    comment = "Undertecknat av kommunstyrelsens ordförande och lokalpolisområdeschefen."
    plan.steps.append((DECIDED, SIGNED, signed, comment))
    if (end - start).days > 360 and rng.random() < 0.12:
        previous = add_months(end + ONE_DAY, -rng.choice((6, 12))) - ONE_DAY
        decision = previous - random_days(rng, 5, 60)
        if (previous - start).days > 180 and signed < decision <= today:
            plan.extension, plan.state = (previous, decision), EXTENDED
            comment = f"Förlängt till och med {swedish_date(end)}."
            plan.steps.append((SIGNED, EXTENDED, decision, comment))
    if end < today and rng.random() < 0.75:
        closed = min(end + random_days(rng, 1, 75), today)
        plan.steps.append((plan.state, CLOSED, closed, "Avslutat; slutredovisningen publicerad."))
        plan.state = CLOSED


def in_the_making(rng: random.Random, municipality, after: datetime.date, today: datetime.date):
    """The next period, not public: a draft, in consultation, or decided."""
    state = weighted_pick(rng, {DRAFT: 40, CONSULTATION: 35, DECIDED: 25})
    start = max(after + ONE_DAY, D(today.year + 1, 1, 1))
    plan = PeriodPlan(municipality, start, add_months(start, rng.choice((12, 24))) - ONE_DAY, state)
    consulted = today - random_days(rng, 20, 60)
    _drafting(
        rng, plan, consulted, consulted + random_days(rng, 10, 19) if state == DECIDED else None
    )
    if state == DRAFT:
        plan.steps, plan.rounds = plan.steps[:1], 0
    return plan


def plan_periods(rng, municipalities, areas: dict, today: datetime.date) -> list[PeriodPlan]:
    """Every period of the covered municipalities, with dates, states and lifecycle record."""
    plans = []
    for municipality in municipalities:
        taken: set[str] = set()
        area = areas.get(municipality.name)
        spans = timeline(rng, today)
        for start, end, style in spans:
            plan = PeriodPlan(municipality, start, end, police_area=area)
            lifecycle(rng, plan, style, today)
            plan.slug = period_slug(start, plan.extension[0] if plan.extension else end, taken)
            plans.append(plan)
        # Malmö always has one, so that even a tiny dataset has a period in the making.
        if rng.random() < 0.25 or municipality.code == MALMO:
            plan = in_the_making(rng, municipality, spans[-1][1], today)
            plan.slug, plan.police_area = period_slug(plan.start, plan.end, taken), area
            plans.append(plan)
        if municipality.code == MALMO:
            year = today.year
            dates = ((D(year - 1, 1, 1), D(year, 12, 31)), (D(year - 1, 7, 1), D(year + 1, 6, 30)))
            for (district, area_name), (start, end) in zip(DISTRICTS, dates, strict=True):
                plan = PeriodPlan(municipality, start, end, area=district)
                plan.police_area = areas[area_name]
                lifecycle(rng, plan, "jan", today)
                nominal_end = plan.extension[0] if plan.extension else end
                plan.slug = period_slug(start, nominal_end, taken, prefix=ascii_slug(district))
                plans.append(plan)
    return plans


# --- Promises, activities, targets ------------------------------------------------------------


def plan_content(rng: random.Random, plans: list[PeriodPlan], today: datetime.date) -> None:
    """Promises and activities of every period, drawn from the texts with shared decks."""
    kinds, scopes, owners = Deck(rng, KIND_DECK), Deck(rng, SCOPE_DECK), Deck(rng, OWNER_DECK)
    comparators, rate_mu = Deck(rng, COMPARATOR_DECK), math.log(RATE_MEDIAN)
    for plan in plans:
        plan.promises = rng.sample(PROMISES, weighted_pick(rng, {2: 25, 3: 40, 4: 25, 5: 10}))
        titles: set[str] = set()
        for slot in range(rng.randint(max(4, len(plan.promises)), 10)):
            kind = kinds.draw()
            # The first activities serve each promise in turn, the others any promise.
            first = slot if slot < len(plan.promises) else rng.randrange(len(plan.promises))
            pool = [
                text
                for text in ACTIVITIES
                if (text.verb == "!") == (kind == "incident") and text.title not in titles
            ]
            themes = set(plan.promises[first].themes)
            text = rng.choice([t for t in pool if themes & set(t.themes)] or pool)
            titles.add(text.title)
            served = {first} | {
                i
                for i, promise in enumerate(plan.promises)
                if set(promise.themes) & set(text.themes) and rng.random() < 0.3
            }
            responsible = owners.draw() or PARTIES.get(text.party, Responsible.OTHER)
            activity = ActivityPlan(slot + 1, text, sorted(i + 1 for i in served), responsible)
            if responsible == Responsible.OTHER:
                activity.other = text.actor or rng.choice(OTHER_ACTORS)
            if rng.random() < 0.15:
                activity.partners = rng.choice([p for p in PARTNERS if p != activity.other])
            if kind != "none":
                activity.scope = scopes.draw()
                incident = kind == "incident"
                activity.comparator = Comparator.AT_MOST if incident else comparators.draw()
            rate = rng.lognormvariate(rate_mu, RATE_SIGMA) * SCOPE_RATE[activity.scope]
            activity.rate = rate * (0.3 if kind == "incident" else 1)
            plan.activities.append(activity)
        set_statuses(rng, plan, today)


def set_statuses(rng: random.Random, plan: PeriodPlan, today: datetime.date) -> None:
    """Statuses by where the period stands in time; those of activities without a target vary."""
    if not plan.published or plan.start > today:
        weights = {"planned": 80, "ongoing": 20}
    elif plan.end < today:
        weights = {"done": 70, "ongoing": 10, "cancelled": 15, "planned": 5}
    else:
        weights = {"ongoing": 55, "planned": 15, "done": 22, "cancelled": 8}
    for activity in plan.activities:
        if activity.scope == "":
            activity.status = weighted_pick(rng, weights)
            if activity.status == ActivityStatus.CANCELLED:
                activity.reason = rng.choice(CANCEL_REASONS)
        elif plan.published and plan.start <= today:
            activity.status = ActivityStatus.DONE if plan.end < today else ActivityStatus.ONGOING


def last_log_day(plan: PeriodPlan, today: datetime.date) -> datetime.date:
    """Logs run up to yesterday: nothing is dated after today, nor created after now."""
    return min(plan.end, today - ONE_DAY)


def allocate_logs(plans: list[PeriodPlan], total: int, today: datetime.date) -> float:
    """Share exactly `total` logs among activities by rate × years logged, capped per activity.

    Returns the logs per unit of rate and year, for the targets of periods without logs yet.
    """
    weights = {}
    for plan in plans:
        days = (last_log_day(plan, today) - plan.start).days + 1 if plan.published else 0
        for a in plan.activities:
            share = 0.2 if a.status == ActivityStatus.CANCELLED else 1
            if days > 0 and not (a.scope == "" and a.status == ActivityStatus.PLANNED):
                weights[id(a)] = (a, a.rate * days / 365.25 * share)
    if not weights or total <= 0:
        return 1.0
    cap = max(MAX_LOGS_PER_ACTIVITY, math.ceil(2 * total / len(weights)))
    free, remaining, shares = list(weights.values()), total, {}
    while True:
        factor = remaining / sum(weight for _a, weight in free)
        capped = [(a, weight) for a, weight in free if weight * factor > cap]
        if not capped:
            shares |= {id(a): weight * factor for a, weight in free}
            break
        shares |= {id(a): cap for a, _weight in capped}
        remaining -= cap * len(capped)
        free = [(a, weight) for a, weight in free if weight * factor <= cap]
    for a, _weight in weights.values():
        a.count = int(shares[id(a)])
    # The largest remainders take the logs left by rounding down.
    by_remainder = sorted(weights.values(), key=lambda item: item[0].count - shares[id(item[0])])
    for a, _weight in by_remainder[: total - sum(a.count for a, _w in weights.values())]:
        a.count += 1
    return factor


def set_targets(rng: random.Random, plan: PeriodPlan, today: datetime.date, per_rate: float):
    """Target values that fit what gets logged, so that pace varies around the target."""
    period_days = (plan.end - plan.start).days + 1
    logged_days = (last_log_day(plan, today) - plan.start).days + 1
    for a in plan.activities:
        if a.scope == "":
            continue
        if a.count and logged_days >= period_days / 10:
            expected = a.count * MEAN_QUANTITY * period_days / logged_days
        else:
            expected = a.rate * per_rate * MEAN_QUANTITY * period_days / 365.25
        units = max(1.0, period_days / SCOPE_DAYS.get(a.scope, period_days))
        low, high = (1.0, 1.6) if a.comparator == Comparator.AT_MOST else (0.6, 1.3)
        a.value = max(2, round(expected / units * rng.uniform(low, high)))


def describe(rng: random.Random, a: ActivityPlan) -> str:
    """The activity as its document states it: "Polisen ska genomföra minst femton …"."""
    text, subject = a.text, a.other or SUBJECT_SV[a.responsible]
    if a.scope == "":
        return f"{subject} ska {text.verb} {text.unit} {text.detail}."
    words = a.value < len(NUMBER_WORDS) and rng.random() < 0.6
    number = COMPARATOR_SV[a.comparator] + (NUMBER_WORDS[a.value] if words else str(a.value))
    if text.verb == "!":
        return f"Antalet {text.unit} {text.detail} ska vara {number} {SCOPE_SV[a.scope]}."
    average = "i snitt " if a.scope in AVERAGES else ""
    scope = SCOPE_SV[a.scope]
    return f"{subject} ska {average}{text.verb} {number} {text.unit} {scope} {text.detail}."


# --- Writing ----------------------------------------------------------------------------------


def police_areas(rng: random.Random, municipalities: list[Municipality]) -> dict:
    """Malmö's two district areas, and an area of its own for about one municipality in ten."""
    wanted = {name: m for m in municipalities if m.code == MALMO for _d, name in DISTRICTS}
    wanted |= {m.name: m for m in municipalities if rng.random() < 0.1}
    areas = {}
    for key, municipality in wanted.items():
        name = f"Lokalpolisområde {key}"
        region = municipality.county.police_region
        areas[key], _created = LocalPoliceArea.objects.get_or_create(
            name=name, defaults={"slug": ascii_slug(name), "police_region": region}
        )
        areas[key].municipalities.add(municipality)
    return areas
