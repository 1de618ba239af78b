"""Demo data for local use: demo users, two local police areas and five promise periods.

The periods follow the seed documents (Vetlanda 2020–2021, Tranås 2023–2024, Tranemo 2025) with
invented but plausible follow-up data, and a lifecycle record to match their history: reviews of
each consultation round, decision proposals, an extension and a revision after signing.
Everything is created with get_or_create by natural keys, and a period that already exists is
left untouched with all its children, so building twice creates nothing the second time.
Randomness comes from generators seeded per period, so the data are the same for the same
`today`, and nothing is dated after `today`.
"""

import datetime
import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone, translation
from simple_history.utils import bulk_create_with_history

from activities import rollup
from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.progress import (
    Comparator,
    LogEntry,
    PaceStatus,
    Progress,
    Scope,
    compute_progress,
    target_text,
)
from activities.templatetags.progress_tags import progress_words
from followups.models import Assessment, FollowUpMeeting, MeetingKind, Rating, Report, ReportKind
from municipalities.models import LocalPoliceArea, Membership, Municipality, PoliceRegion, Role
from municipalities.refdata import ascii_slug
from promises.editing import Change, record_revision
from promises.models import (
    ChangeKind,
    DecisionProposal,
    Extension,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Review,
    ReviewVerdict,
    Revision,
    RevisionChange,
    RevisionKind,
    Signatory,
    Theme,
)

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
SEED = 2026
# The scenario's history (Tranemo's extension in December 2025) must lie in the past.
EARLIEST_TODAY = D(2026, 1, 1)

# Responsible parties and periods' states, short for the data tables below.
POLICE, MUNICIPALITY, JOINT, OTHER = (
    Responsible.POLICE,
    Responsible.MUNICIPALITY,
    Responsible.JOINT,
    Responsible.OTHER,
)
AT_LEAST, AT_MOST = Comparator.AT_LEAST, Comparator.AT_MOST
DRAFT, CONSULTATION, DECIDED, SIGNED, EXTENDED, CLOSED = (
    PeriodState.DRAFT,
    PeriodState.CONSULTATION,
    PeriodState.DECIDED,
    PeriodState.SIGNED,
    PeriodState.EXTENDED,
    PeriodState.CLOSED,
)


# --- Users -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    """A demo account: username, its memberships (role, place) and what it is for."""

    username: str
    memberships: tuple[tuple[str, str], ...]
    role: str
    is_superuser: bool = False


DEMO_USERS = (
    DemoUser(
        "kommunpolis",
        ((Role.POLICE_OFFICER, "Lokalpolisområde Höglandet"),),
        "police officer, Höglandet (Vetlanda, Tranås …): logs activities",
    ),
    DemoUser(
        "samordnare",
        ((Role.COORDINATOR, "Tranås"), (Role.COORDINATOR, "Vetlanda")),
        "coordinator, Tranås and Vetlanda: drafts, sends for consultation, follows up",
    ),
    DemoUser(
        "granskare",
        ((Role.APPROVER, "Tranås"), (Role.APPROVER, "Vetlanda")),
        "approver, Tranås and Vetlanda: comments and approves",
    ),
    DemoUser("admin", (), "administrator: every municipality and the admin site", True),
)


def demo_password(username: str) -> str:
    """The published password of a demo account."""
    return f"demo-{username}-2026"


@dataclass(frozen=True)
class UserRow:
    """One line of the printed users table."""

    username: str
    password: str
    role: str
    created: bool


def _hash_passwords(usernames: Sequence[str]) -> dict[str, str]:
    # PBKDF2 releases the GIL, so hashing side by side halves the seed's slowest step.
    if not usernames:
        return {}
    with ThreadPoolExecutor(max_workers=len(usernames)) as pool:
        hashes = pool.map(make_password, [demo_password(name) for name in usernames])
        return dict(zip(usernames, hashes, strict=True))


def ensure_users(
    areas: dict[str, LocalPoliceArea],
) -> tuple[dict[str, models.Model], list[UserRow]]:
    """The demo users and their memberships; a password is set only when its user is created."""
    user_model = get_user_model()
    names = [demo.username for demo in DEMO_USERS]
    existing = set(user_model.objects.filter(username__in=names).values_list("username", flat=True))
    hashes = _hash_passwords([name for name in names if name not in existing])
    users, rows = {}, []
    for demo in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=demo.username,
            defaults={
                "password": hashes.get(demo.username, ""),
                "first_name": "Demo",
                "last_name": demo.username.capitalize(),
                "email": f"{demo.username}@example.org",
                "is_staff": demo.is_superuser,
                "is_superuser": demo.is_superuser,
            },
        )
        for role, place_name in demo.memberships:
            place = (
                {"local_police_area": areas[place_name]}
                if place_name in areas
                else {"municipality": Municipality.objects.get(name=place_name)}
            )
            Membership.objects.get_or_create(user=user, role=role, **place)
        users[demo.username] = user
        rows.append(UserRow(demo.username, demo_password(demo.username), demo.role, created))
    return users, rows


# --- Local police areas ----------------------------------------------------------------------

POLICE_AREAS = (
    (
        "Lokalpolisområde Höglandet",
        "Öst",
        ("Vetlanda", "Tranås", "Eksjö", "Nässjö", "Sävsjö", "Aneby"),
    ),
    (
        "Lokalpolisområde Borås",
        "Väst",
        ("Borås", "Bollebygd", "Mark", "Svenljunga", "Tranemo", "Ulricehamn"),
    ),
)


def ensure_police_areas() -> dict[str, LocalPoliceArea]:
    """The two demo local police areas with their municipalities, keyed by name."""
    areas = {}
    for name, region_name, municipality_names in POLICE_AREAS:
        area, _ = LocalPoliceArea.objects.get_or_create(
            name=name,
            defaults={
                "slug": ascii_slug(name),
                "police_region": PoliceRegion.objects.get(name=region_name),
            },
        )
        municipalities = list(Municipality.objects.filter(name__in=municipality_names))
        if len(municipalities) != len(municipality_names):
            raise LookupError(f"Reference data lack municipalities of {name}.")
        area.municipalities.add(*municipalities)
        areas[name] = area
    return areas


HOGLANDET, BORAS = (name for name, _region, _names in POLICE_AREAS)


# --- Swedish labels for generated texts --------------------------------------------------------

COMPARATOR_SV = {Comparator.AT_LEAST: "minst", Comparator.EXACTLY: "exakt", AT_MOST: "högst"}
SCOPE_SV = {
    Scope.PERIOD: "under perioden",
    Scope.YEAR: "per år",
    Scope.TERTIAL: "per tertial",
    Scope.MONTH: "per månad",
    Scope.WEEK: "per vecka",
    Scope.AVERAGE_WEEK: "i snitt per vecka",
    Scope.AVERAGE_MONTH: "i snitt per månad",
}
CURRENT_SPAN_SV = {
    Scope.YEAR: "innevarande löftesår",
    Scope.TERTIAL: "innevarande tertial",
    Scope.MONTH: "innevarande månad",
    Scope.WEEK: "innevarande vecka",
}
PACE_SV = {
    PaceStatus.DONE: "klar",
    PaceStatus.ON_TRACK: "i fas",
    PaceStatus.BEHIND: "efter plan",
    PaceStatus.NOT_STARTED: "ej påbörjad",
    PaceStatus.ACHIEVED: "uppnådd",
    PaceStatus.NOT_ACHIEVED: "ej uppnådd",
}
STATUS_SV = {
    ActivityStatus.PLANNED: "planerad",
    ActivityStatus.ONGOING: "pågår",
    ActivityStatus.DONE: "genomförd",
    ActivityStatus.CANCELLED: "inställd",
}
GOOD_PACE = {PaceStatus.DONE, PaceStatus.ON_TRACK, PaceStatus.ACHIEVED}


def _decimal(value: Fraction) -> str:
    return f"{float(value):.1f}".replace(".", ",")


def _target_sv(activity: Activity) -> str:
    comparator = COMPARATOR_SV[activity.target_comparator]
    if activity.target.is_average:
        # "i snitt minst 1 per vecka": the unit's plural would not fit a value of one.
        return f"i snitt {comparator} {activity.target_value} {_per(activity)}"
    return (
        f"{comparator} {activity.target_value} {activity.target_unit} "
        f"{SCOPE_SV[activity.target_scope]}"
    )


def _per(activity: Activity) -> str:
    return "per vecka" if activity.target_scope == Scope.AVERAGE_WEEK else "per månad"


SPAN_NOUNS_SV = {Scope.TERTIAL: "tertial", Scope.MONTH: "månader", Scope.WEEK: "veckor"}


def _span_results(activity: Activity, progress: Progress) -> str:
    """How each span of a finished period went: listed per year, otherwise counted."""
    comparator = COMPARATOR_SV[activity.target_comparator]
    if activity.target_scope == Scope.YEAR:
        return "per löftesår " + ", ".join(
            f"{span.done} av {comparator} {span.span.target}" for span in progress.spans
        )
    achieved = sum(span.status == PaceStatus.ACHIEVED for span in progress.spans)
    noun = SPAN_NOUNS_SV[activity.target_scope]
    return f"målet nåddes {achieved} av {len(progress.spans)} {noun}"


def _occasions(count: int) -> str:
    return "1 registrerat tillfälle" if count == 1 else f"{count} registrerade tillfällen"


# --- Dates -------------------------------------------------------------------------------------


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _spread(
    rng: random.Random, start: datetime.date, end: datetime.date, count: int
) -> list[datetime.date]:
    """`count` dates from start to end: one at a random day of each of `count` equal slots."""
    days = (end - start).days + 1
    dates = []
    for index in range(count):
        first = days * index // count
        last = days * (index + 1) // count - 1
        dates.append(start + datetime.timedelta(days=rng.randint(first, max(first, last))))
    return dates


def _months(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    """First days of the calendar months that overlap start–end."""
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _day_in_month(month: datetime.date, day: int) -> datetime.date:
    return month.replace(day=min(day, 28))


def _second_tuesday(month: datetime.date) -> datetime.date:
    first_tuesday = month + datetime.timedelta(days=(1 - month.weekday()) % 7)
    return first_tuesday + datetime.timedelta(days=7)


# --- Building one period -----------------------------------------------------------------------


@dataclass(frozen=True)
class ActivitySpec:
    """An activity as a document states it; `promises` are 1-based promise positions."""

    title: str
    description: str
    responsible: str
    promises: tuple[int, ...]
    target: tuple[str, int, str, str] | None = None
    other: str = ""


class _Builder:
    """Creates one period at a time with its children; collects logs for one bulk insert."""

    def __init__(self, today: datetime.date, users: dict, areas: dict) -> None:
        self.today = today
        self.users = users
        self.areas = areas
        self.themes = Theme.objects.in_bulk(field_name="slug")
        self.logs: list[ActivityLog] = []
        self._logs_by_activity: dict[int, list[ActivityLog]] = defaultdict(list)
        self.rng = random.Random(SEED)
        self.period: PromisePeriod | None = None
        self.promises: list[Promise] = []
        self.activities: list[tuple[Activity, list[Promise]]] = []

    def start_period(
        self, municipality_name: str, slug: str, area: str, **fields
    ) -> PromisePeriod | None:
        """Create the period, or return None when it exists (it is then left untouched)."""
        municipality = Municipality.objects.get(name=municipality_name)
        period, created = PromisePeriod.objects.get_or_create(
            municipality=municipality,
            slug=slug,
            defaults={"local_police_area": self.areas[area], **fields},
        )
        if not created:
            return None
        self.period = period
        self.rng = random.Random(f"{SEED}:{municipality.code}:{slug}")
        self.promises, self.activities = [], []
        return period

    def history(self, *steps: tuple[str, str, datetime.date, str, str]) -> list[PeriodTransition]:
        """Lifecycle transitions: (from state, to state, day, username, comment)."""
        return PeriodTransition.objects.bulk_create(
            PeriodTransition(
                period=self.period,
                from_state=from_state,
                to_state=to_state,
                by=self.users[username],
                at=_at(day, 9 + index),
                comment=comment,
            )
            for index, (from_state, to_state, day, username, comment) in enumerate(steps)
        )

    def reviews(self, *items: tuple[int, str, datetime.datetime, str, str]) -> None:
        """Approvers' reviews in consultation: (round, verdict, at, username, comment)."""
        Review.objects.bulk_create(
            Review(
                period=self.period,
                round=round_number,
                verdict=verdict,
                at=at,
                reviewer=self.users[username],
                comment=comment,
            )
            for round_number, verdict, at, username, comment in items
        )

    def extension(
        self,
        transition: PeriodTransition,
        previous_end: datetime.date,
        decision: tuple[str, datetime.date, str],
    ) -> None:
        """The extension recorded with `transition`; `decision` is its own (body, date, dnr)."""
        body, decided_on, reference = decision
        Extension.objects.create(
            period=self.period,
            previous_end_date=previous_end,
            new_end_date=self.period.end_date,
            decision_body=body,
            decision_date=decided_on,
            decision_reference=reference,
            created_by=transition.by,
            created_at=transition.at,
        )

    def proposal(self, written_on: datetime.date, **texts) -> None:
        """The decision proposal (tjänsteutlåtande), dated as last saved on `written_on`."""
        proposal = DecisionProposal(period=self.period, **texts)
        proposal._history_date = _at(written_on, 15)
        proposal._history_user = self.users["samordnare"]
        proposal.save()
        # `updated_at` is the document's date; auto_now would stamp it with the real today.
        DecisionProposal.objects.filter(pk=proposal.pk).update(updated_at=_at(written_on, 15))

    def revise_target(
        self,
        activity: Activity,
        day: datetime.date,
        *,
        value: int,
        description: str,
        reason: str,
        username: str = "samordnare",
    ) -> None:
        """An annual review on `day` that changes an activity's target, unless after today."""
        if day > self.today:
            return
        # Recorded as the activity editor records it: description, then target, in Swedish, with
        # the progress the public page showed just before the change.
        user = self.users[username]
        with translation.override("sv"):
            progress_before = progress_words(self.progress(activity, day))
            old_target, old_description = target_text(activity.target), activity.description
            activity.target_value, activity.description = value, description
            new_target = target_text(activity.target)
        activity.edit_version += 1
        # Not backdated: the activity's first history record carries the build's time.
        activity._history_user = user
        activity.save()
        revision = record_revision(
            self.period,
            user=user,
            kind=RevisionKind.ANNUAL_REVIEW,
            reason=reason,
            changes=[
                Change(ChangeKind.ACTIVITY_CHANGED, activity.title, old_description, description),
                Change(
                    ChangeKind.TARGET,
                    activity.title,
                    old_target,
                    new_target,
                    progress_before=progress_before,
                ),
            ],
        )
        Revision.objects.filter(pk=revision.pk).update(created_at=_at(day, 14))

    def signatories(self, *people: tuple[str, str, str]) -> None:
        Signatory.objects.bulk_create(
            Signatory(
                period=self.period, position=position, name=name, title=title, organisation=org
            )
            for position, (name, title, org) in enumerate(people, start=1)
        )

    def add_promises(self, *items: tuple[str, str, tuple[str, ...]]) -> list[Promise]:
        """Promises (title, description, theme slugs) in document order."""
        for position, (title, description, theme_slugs) in enumerate(items, start=1):
            promise = Promise.objects.create(
                period=self.period, position=position, title=title, description=description
            )
            promise.themes.set([self.themes[slug] for slug in theme_slugs])
            self.promises.append(promise)
        return self.promises

    def add_activities(
        self, specs: Sequence[ActivitySpec], statuses: dict[int, str] | None = None
    ) -> list[Activity]:
        """Activities in document order; `statuses` maps positions to a status."""
        default = {
            CLOSED: ActivityStatus.DONE,
            DRAFT: ActivityStatus.PLANNED,
        }.get(self.period.state, ActivityStatus.ONGOING)
        created = []
        for position, spec in enumerate(specs, start=1):
            comparator, value, unit, scope = spec.target or ("", None, "", "")
            activity = Activity.objects.create(
                period=self.period,
                position=position,
                title=spec.title,
                description=spec.description,
                responsible=spec.responsible,
                responsible_other=spec.other,
                target_comparator=comparator,
                target_value=value,
                target_unit=unit,
                target_scope=scope,
                status=(statuses or {}).get(position, default),
            )
            served = [self.promises[number - 1] for number in spec.promises]
            activity.promises.set(served)
            self.activities.append((activity, served))
            created.append(activity)
        return created

    def log(
        self,
        activity: Activity,
        day: datetime.date,
        place: str,
        summary: str,
        *,
        note: str = "",
        quantity: int = 1,
        withdrawn: str = "",
    ) -> None:
        """Log an occurrence, unless it lies after today; `withdrawn` is a withdrawal reason."""
        period = activity.period
        if not period.start_date <= day <= period.end_date:
            raise ValueError(f"A log of {activity} on {day} lies outside its period.")
        # Choose the reporter before the date check, so earlier data do not depend on today.
        reporter = self._reporter(activity)
        if day > self.today:
            return
        log = ActivityLog(
            activity=activity,
            date=day,
            quantity=quantity,
            place=place,
            summary=summary,
            internal_note=note,
            reported_by=reporter,
        )
        if withdrawn:
            log.withdrawn_at = _at(min(day + 2 * ONE_DAY, self.today), 8)
            log.withdrawn_by = reporter
            log.withdrawal_reason = withdrawn
        self.logs.append(log)
        self._logs_by_activity[activity.pk].append(log)

    def _reporter(self, activity: Activity):
        if activity.responsible == POLICE:
            return self.users["kommunpolis"]
        if activity.responsible == JOINT:
            return self.users[self.rng.choice(("kommunpolis", "samordnare"))]
        # The municipality's coordinator also reports for other named actors.
        return self.users["samordnare"]

    def note(self, notes: Sequence[str], share: float = 0.35) -> str:
        """An internal note for about `share` of the logs."""
        text = self.rng.choice(notes)
        return text if self.rng.random() < share else ""

    # Progress as the public pages compute it, from the logs collected so far.

    def progress(self, activity: Activity, day: datetime.date) -> Progress:
        entries = [
            LogEntry(log.date, log.quantity, withdrawn=log.withdrawn_at is not None)
            for log in self._logs_by_activity[activity.pk]
            if log.date <= day
        ]
        period = activity.period
        return compute_progress(activity.target, period.start_date, period.end_date, entries, day)

    def count(self, activity: Activity, start: datetime.date, end: datetime.date) -> int:
        return sum(
            log.quantity
            for log in self._logs_by_activity[activity.pk]
            if start <= log.date <= end and log.withdrawn_at is None
        )

    def _progress_words(self, activity: Activity, progress: Progress) -> str:
        unit = activity.target_unit
        if progress.target.is_average:
            if progress.average is None:
                return f"inget genomsnitt ännu ({_per(activity)})"
            return f"i snitt {_decimal(progress.average)} {_per(activity)}"
        span = progress.current or progress.spans[-1]
        comparator = COMPARATOR_SV[activity.target_comparator]
        words = f"{span.done} av {comparator} {span.span.target} {unit}"
        if progress.current is not None and activity.target_scope in CURRENT_SPAN_SV:
            words += f" {CURRENT_SPAN_SV[activity.target_scope]}"
        return words

    def assess(self, promise: Promise, as_of: datetime.date) -> tuple[Promise, str, str]:
        """Rate a promise from the pace of its activities with targets on a day."""
        statuses, lines = [], []
        for activity, served in self.activities:
            if promise not in served or activity.target is None:
                continue
            progress = self.progress(activity, as_of)
            statuses.append(progress.status)
            words = self._progress_words(activity, progress)
            if progress.target.is_average:
                words += f", mål {_target_sv(activity)}"
            lines.append(f"{activity.title}: {words} ({PACE_SV[progress.status]}).")
        if not statuses:
            return promise, Rating.NOT_ASSESSED, ""
        good = sum(status in GOOD_PACE for status in statuses)
        if good == len(statuses):
            rating = Rating.ON_TRACK
        elif good == 0:
            rating = Rating.NOT_ON_TRACK
        else:
            rating = Rating.PARTLY
        return promise, rating, " ".join(lines)

    def meeting(
        self,
        kind: str,
        day: datetime.date,
        summary: str,
        minutes: str,
        *,
        as_of: datetime.date | None = None,
        assessments: Sequence[tuple[Promise, str, str]] | None = None,
    ) -> None:
        """A follow-up meeting, unless after today; assessed from the logs as of `as_of`."""
        if day > self.today:
            return
        meeting = FollowUpMeeting.objects.create(
            period=self.period,
            kind=kind,
            date=day,
            public_summary=summary,
            internal_minutes=minutes,
        )
        if assessments is None:
            assessments = [self.assess(promise, as_of or day) for promise in self.promises]
        Assessment.objects.bulk_create(
            Assessment(meeting=meeting, promise=promise, rating=rating, comment=comment)
            for promise, rating, comment in assessments
        )

    def results(self, start: datetime.date, end: datetime.date, *, final: bool) -> str:
        """One line per activity: what was done from start to end, against its target."""
        lines = []
        # A final report judges each span after it ended; a year-end report judges the pace.
        as_of = end + ONE_DAY if final else end
        for activity, _served in self.activities:
            done = self.count(activity, start, end)
            if activity.target is None:
                line = f"- {activity.title}: {STATUS_SV[activity.status]}"
                if done:
                    line += f" ({_occasions(done)})"
                lines.append(line + ".")
                continue
            progress = self.progress(activity, as_of)
            result = f"{done} {activity.target_unit}"
            if progress.target.is_average and progress.average is not None:
                result += f", {self._progress_words(activity, progress)}"
            if final and len(progress.spans) > 1:
                result += f"; {_span_results(activity, progress)}"
            lines.append(
                f"- {activity.title}: {result} (mål: {_target_sv(activity)})"
                f" – {PACE_SV[progress.status]}."
            )
        return "\n".join(lines)

    def report(
        self,
        kind: str,
        title: str,
        covers: tuple[datetime.date, datetime.date],
        published_on: datetime.date,
        intro: str,
        outro: str,
    ) -> None:
        """A published report whose figures come from the logs; skipped until published."""
        if published_on > self.today:
            return
        start, end = covers
        body = "\n\n".join([intro, self.results(start, end, final=kind == ReportKind.FINAL), outro])
        Report.objects.create(
            period=self.period,
            kind=kind,
            title=title,
            body=body,
            covers_from=start,
            covers_to=end,
            published_on=published_on,
        )


# --- Shared texts ------------------------------------------------------------------------------

TRAFFIC_CHECK_SUMMARIES = (
    "Trafikkontroll med inriktning på hastighet.",
    "Trafikkontroll med inriktning på hastighet och mobiltelefon under körning.",
    "Trafikkontroll med inriktning på nykterhet och bältesanvändning.",
    "Hastighetskontroll kvällstid efter synpunkter från boende.",
    "Trafikkontroll med inriktning på störande körning och buskörning.",
)
TRAFFIC_CHECK_NOTES = (
    "Fyra ordningsförelägganden för hastighet och ett för mobiltelefon.",
    "Två förare rapporterade för hastighetsöverträdelse. Inga rattfylleribrott.",
    "Låg hastighet på sträckan under hela kontrollen.",
    "Ett misstänkt rattfylleri; blodprov togs.",
    "Kontrollen avbröts efter 40 minuter på grund av larm.",
)
DRUG_SUMMARIES = (
    "Riktad insats mot narkotikabrott bland unga i centrum.",
    "Riktad insats kvällstid vid platser där unga samlas.",
    "Riktad insats med narkotikasökhund.",
    "Riktad insats i samband med helgaktiviteter för unga.",
    "Riktad insats efter tips från allmänheten om narkotikaförsäljning.",
)
DRUG_NOTES = (
    "Två personer rapporterade för ringa narkotikabrott.",
    "En ung person omhändertogs; orosanmälan till socialtjänsten.",
    "Inga misstankar om brott.",
    "Mindre beslag av cannabis.",
    "Uppgifter vidarebefordrade till underrättelsefunktionen.",
)
WEEKEND_DRUG_SUMMARIES = (
    "Riktad insats fredagskväll vid platser där unga samlas.",
    "Riktad insats fredagskväll med narkotikasökhund.",
    "Riktad insats fredagskväll mot narkotikabrott bland unga i centrum.",
)
WALK_SUMMARIES = (
    "Trygghetsvandring med boende, fastighetsägare och kommunens tekniska kontor.",
    "Trygghetsvandring kvällstid med föreningar och fältassistenter.",
    "Trygghetsvandring med elevrådet på gymnasieskolan.",
    "Trygghetsvandring med pensionärsorganisationer.",
)
WALK_NOTES = (
    "Trasig belysning i gångtunneln anmäld till tekniska kontoret.",
    "Buskage vid parkeringen skyms av växtlighet; beställd röjning.",
    "Deltagarna lyfte mopedåkning kvällstid.",
    "Klotter på busskuren rapporterat för sanering.",
)

# --- 1. Vetlanda 2020–2021, from the signed document -------------------------------------------

VETLANDA_BACKGROUND = """\
Med utgångspunkt i tidigare tecknad samverkansöverenskommelse och mot bakgrund av lägesbilden \
formulerar Vetlanda kommun och Polisen medborgarlöften, som börjar gälla från och med \
undertecknandet. Dessa medborgarlöften gäller i två år.

Samverkan mellan polis och kommun är en nödvändighet för att kunna arbeta effektivt med det \
brottsförebyggande och trygghetsskapande arbetet. Medborgarlöften är en utveckling av dagens \
samverkansöverenskommelser och är en del av Polismyndighetens styrmodell. Den lokala lägesbilden \
ska vara utgångspunkt för de mål som Polisen ska arbeta med.

Löftena handlar om vilka områden polis och kommun ska lägga fokus på i det förebyggande arbetet \
under aktuell period. Till löftena kopplas konkreta aktiviteter som kommun och polis tillsammans \
kommit överens om att genomföra för att öka tryggheten och minska brottsligheten.

Medborgarlöften fokuserar på den lokala lägesbilden och på sådant som de som bor och verkar i ett \
område upplever som viktigast för att känna sig trygga och säkra. Löftena har bland annat tagits \
fram i dialog med medborgare och medarbetare."""

VETLANDA_SITUATION = """\
Erfarenheter från medarbetare, underrättelsebilder, medborgarundersökningen och information som \
kommer till företrädare för Vetlanda kommun visar att delar av tätorten upplevs som stökiga och \
otrygga, främst beroende på att felaktiga trafikbeteenden förekommer.

Det finns tecken på att narkotikaanvändningen ökar bland unga, både lokalt och nationellt."""

VETLANDA_FOLLOW_UP = """\
Medborgarlöftena kommer att följas upp kontinuerligt och presenteras på Polisens webbplats, \
polisen.se. Efter en årlig översyn kan löftena komma att revideras och anpassas till en \
förändrad lägesbild."""

VETLANDA_PROMISES = (
    ("Öka trafiksäkerheten genom att motverka felaktiga trafikbeteenden", "", ("trafik",)),
    (
        "Öka upptäckten av narkotikabruk, främst hos unga, med syfte att minska bruket av "
        "narkotika",
        "",
        ("narkotika", "unga"),
    ),
)

VETLANDA_ACTIVITIES = (
    ActivitySpec(
        "EST – effektiv samordning för trygghet",
        "Kommunen ska tillsammans med Polisen och andra aktörer i kommunen implementera och börja "
        "använda den brottsförebyggande arbetsmetoden EST, effektiv samordning för trygghet.",
        JOINT,
        (1, 2),
    ),
    ActivitySpec(
        "Trafikkontroller",
        "Polisen ska genomföra minst femton trafikkontroller med inriktning på trafikbeteenden.",
        POLICE,
        (1,),
        (AT_LEAST, 15, "trafikkontroller", Scope.PERIOD),
    ),
    ActivitySpec(
        "Flygande inspektioner",
        "Polisen ska vid minst femton tillfällen genomföra flygande inspektioner av fordon.",
        POLICE,
        (1,),
        (AT_LEAST, 15, "flygande inspektioner", Scope.PERIOD),
    ),
    ActivitySpec(
        "Hastighetsdämpande och trafikfrämjande åtgärder",
        "Kommunen ska under perioden presentera minst två hastighetsdämpande eller på annat sätt "
        "trafikfrämjande åtgärder för nämnd och/eller fullmäktige.",
        MUNICIPALITY,
        (1,),
        (AT_LEAST, 2, "hastighetsdämpande eller trafikfrämjande åtgärder", Scope.PERIOD),
    ),
    ActivitySpec(
        "Riktade narkotikainsatser bland unga",
        "Polisen ska genomföra minst femton riktade insatser för att upptäcka fler narkotikabrott "
        "bland unga.",
        POLICE,
        (2,),
        (AT_LEAST, 15, "riktade insatser", Scope.PERIOD),
    ),
    ActivitySpec(
        "Informationsinsatser kring risktillfällen",
        "Kommunen ska genomföra informationsinsatser och sprida nationella kampanjer riktade till "
        "föräldrar, syskon och unga vuxna kring årliga risktillfällen såsom skolavslutningar, "
        "student, valborg, midsommar, jul och nyår, med syfte att motverka langning av alkohol "
        "och tobak.",
        MUNICIPALITY,
        (2,),
    ),
    ActivitySpec(
        "Samverkansmöten",
        "Under åren genomföra minst två samverkansmöten om de pågående aktiviteterna.",
        JOINT,
        (1, 2),
        (AT_LEAST, 2, "samverkansmöten", Scope.PERIOD),
    ),
)

VETLANDA_TRAFFIC_PLACES = (
    "Storgatan",
    "Stora torget",
    "Riksväg 31 vid Holsbybrunn",
    "Resecentrum",
    "Ekenässjön",
    "Korsberga",
)
VETLANDA_CENTRE_PLACES = ("Stora torget", "Resecentrum", "Storgatan", "Folkets park", "Ädelfors")


def vetlanda_2020_2021(b: _Builder) -> None:
    start, end = D(2020, 1, 15), D(2021, 12, 31)
    period = b.start_period(
        "Vetlanda",
        "2020-2021",
        HOGLANDET,
        start_date=start,
        end_date=end,
        state=CLOSED,
        situation=VETLANDA_SITUATION,
        background=VETLANDA_BACKGROUND,
        follow_up_text=VETLANDA_FOLLOW_UP,
        decision_body="Kommunstyrelsen",
        decision_date=D(2019, 12, 11),
        decision_reference="KS 2019/412",
        signed_date=start,
        consultation_round=1,
    )
    if period is None:
        return
    b.history(
        ("", DRAFT, D(2019, 9, 16), "samordnare", "Utkast utifrån lägesbilden."),
        (DRAFT, CONSULTATION, D(2019, 11, 4), "samordnare", "Skickat på samråd till KLG."),
        (
            CONSULTATION,
            DECIDED,
            D(2019, 12, 11),
            "samordnare",
            "Kommunstyrelsen beslutade att anta medborgarlöftena (KS 2019/412).",
        ),
        (
            DECIDED,
            SIGNED,
            start,
            "samordnare",
            "Undertecknat av kommunstyrelsens ordförande och lokalpolisområdeschefen.",
        ),
        (SIGNED, CLOSED, D(2022, 2, 15), "samordnare", "Avslutat; slutredovisningen publicerad."),
    )
    b.signatories(
        ("Henrik Tvarnö", "Kommunstyrelsens ordförande", "Vetlanda kommun"),
        ("Jonas Lindell", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
    )
    b.add_promises(*VETLANDA_PROMISES)
    est, checks, inspections, measures, drugs, information, meetings = b.add_activities(
        VETLANDA_ACTIVITIES
    )
    rng = b.rng

    for day, summary in (
        (D(2020, 3, 10), "Utbildning i EST för kommunens förvaltningar och Polisen."),
        (D(2020, 9, 22), "Den första gemensamma lägesbilden enligt EST togs fram."),
        (D(2021, 4, 13), "EST-gruppen tog fram en uppdaterad lägesbild för tätorten."),
    ):
        b.log(est, day, "Stadshuset", summary)
    for day in _spread(rng, start, end, 17):
        place = rng.choice(VETLANDA_TRAFFIC_PLACES)
        summary = rng.choice(TRAFFIC_CHECK_SUMMARIES)
        b.log(checks, day, place, summary, note=b.note(TRAFFIC_CHECK_NOTES))
    for day in _spread(rng, start, end, 12):
        summary = rng.choice(
            (
                "Flygande inspektion av tunga fordon.",
                "Flygande inspektion av fordon tillsammans med bilinspektör.",
                "Flygande inspektion av mopeder och A-traktorer.",
                "Flygande inspektion av personbilar med fokus på däck och belysning.",
            )
        )
        note = b.note(("Tre fordon fick körförbud.", "Två fordon kallades till efterkontroll."))
        b.log(inspections, day, rng.choice(VETLANDA_TRAFFIC_PLACES), summary, note=note)
    for day, summary in (
        (
            D(2020, 10, 13),
            "Förslag om farthinder och upphöjda övergångsställen på Storgatan presenterat för "
            "tekniska nämnden.",
        ),
        (
            D(2021, 3, 22),
            "Förslag om sänkt hastighet till 40 km/tim inom tätorten presenterat för "
            "kommunfullmäktige.",
        ),
        (
            D(2021, 9, 14),
            "Förslag om en ny gång- och cykelpassage vid Resecentrum presenterat för tekniska "
            "nämnden.",
        ),
    ):
        b.log(measures, day, "Stadshuset", summary)
    for day in _spread(rng, start, end, 18):
        place = rng.choice(VETLANDA_CENTRE_PLACES)
        b.log(drugs, day, place, rng.choice(DRUG_SUMMARIES), note=b.note(DRUG_NOTES))
    for year in (2020, 2021):
        for day, place, summary in (
            (
                D(year, 4, 23),
                "Grundskolor och gymnasiet",
                "Brev till vårdnadshavare inför valborg om langning av alkohol till unga.",
            ),
            (
                D(year, 6, 3),
                "Kommunens webbplats och sociala medier",
                "Den nationella kampanjen mot langning spreds inför studenten och "
                "skolavslutningen.",
            ),
            (
                D(year, 6, 17),
                "Stora torget",
                "Informationsinsats inför midsommar riktad till föräldrar och unga vuxna.",
            ),
            (
                D(year, 12, 15),
                "Kommunens webbplats och sociala medier",
                "Information till föräldrar inför jul och nyår om riskerna med alkohol och tobak.",
            ),
        ):
            b.log(information, day, place, summary)
    review_day, collaboration_day = D(2020, 12, 9), D(2021, 6, 10)
    b.log(meetings, review_day, "Stadshuset", "Samverkansmöte med årlig översyn av löftena.")
    b.log(meetings, collaboration_day, "Stadshuset", "Samverkansmöte om de pågående aktiviteterna.")

    b.meeting(
        MeetingKind.ANNUAL_REVIEW,
        review_day,
        "Årlig översyn av medborgarlöftena. Trafikkontrollerna och de riktade "
        "narkotikainsatserna genomförs enligt plan. De flygande inspektionerna ligger efter plan, "
        "bland annat på grund av pandemin. Löftena ligger fast för 2021 utan revidering.",
        "Deltagare: kommunpolis, trygghetssamordnare och representanter för tekniska "
        "förvaltningen och socialförvaltningen. Fler flygande inspektioner planeras under våren "
        "2021 tillsammans med bilinspektör. EST-arbetet är igång med en första gemensam "
        "lägesbild.",
    )
    b.meeting(
        MeetingKind.COLLABORATION,
        collaboration_day,
        "Samverkansmöte om de pågående aktiviteterna. Informationsinsatserna inför valborg och "
        "studenten har genomförts, och två förslag om trafikfrämjande åtgärder har presenterats "
        "för nämnd och fullmäktige.",
        "De flygande inspektionerna ligger fortsatt efter plan. Polisen prioriterar dem under "
        "hösten, men det är osäkert om målet nås.",
    )
    b.report(
        ReportKind.FINAL,
        "Slutredovisning: medborgarlöftet i Vetlanda 2020–2021",
        (start, end),
        D(2022, 2, 15),
        "Medborgarlöftet i Vetlanda kommun gällde från undertecknandet den 15 januari 2020 till "
        "och med den 31 december 2021. Polisen och kommunen lovade att öka trafiksäkerheten "
        "genom att motverka felaktiga trafikbeteenden och att öka upptäckten av narkotikabruk, "
        "främst hos unga. Så här gick det:",
        "Målet för flygande inspektioner nåddes inte, främst på grund av ändrade prioriteringar "
        "under pandemin. Övriga mål uppnåddes. Arbetsmetoden EST används nu i kommunens "
        "ordinarie brottsförebyggande arbete.",
    )


# --- 2. and 3. Tranås, from the decision proposal ----------------------------------------------

TRANAS_BACKGROUND = """\
Med utgångspunkt i tidigare tecknad samverkansöverenskommelse och mot bakgrund av aktuell \
lägesbild formulerar Tranås kommun och Polisen tvååriga medborgarlöften som börjar gälla från och \
med undertecknandet.

Samverkan mellan polis och kommun är en nödvändighet för att det brottsförebyggande och \
trygghetsskapande arbetet ska kunna bedrivas effektivt. Medborgarlöften är en utveckling av \
dagens samverkansöverenskommelse och är en del av Polismyndighetens styrmodell.

Den lokala lägesbilden ska vara utgångspunkt för de mål som Polisen ska arbeta med. Löftena \
handlar om konkreta aktiviteter som kommunen och Polisen tillsammans kommit överens om för att \
öka tryggheten och minska brottsligheten. Medborgarlöften fokuserar på den lokala lägesbilden och \
på sådant som de som bor och verkar i ett område upplever som viktigast för att känna sig trygga \
och säkra.

Polismyndigheten tecknar medborgarlöften med i princip alla landets kommuner, och löftena \
anpassas till lokala förutsättningar. Finansiering sker inom befintlig ram."""

TRANAS_SITUATION = """\
Den gemensamma lägesbilden visar att narkotikabrotten bland unga har ökat och att allt fler \
personer under 21 år påträffas påverkade av narkotika. Många invånare upplever otrygghet i de \
centrala delarna av Tranås kvällstid, särskilt kring Resecentrum och Stadsparken. Höga \
hastigheter och störande körning på Storgatan och kring skolorna upplevs som ett problem."""

TRANAS_FOLLOW_UP = """\
Kommunen och Polisen följer upp medborgarlöftena varje tertial. Uppföljningen redovisas på \
kommunens webbplats och på polisen.se, och efter varje år publiceras en samlad redovisning."""

TRANAS_PROMISES = (
    (
        "Öka upptäckten av narkotikabrott, främst bland personer i åldern 21 år och yngre, med "
        "syfte att minska bruket av narkotika",
        "",
        ("narkotika", "unga"),
    ),
    (
        "Öka den upplevda tryggheten i de centrala delarna av Tranås",
        "",
        ("trygghet-i-offentlig-miljo", "ordningsstorningar"),
    ),
    ("Arbeta långsiktigt med en säker trafikmiljö inom Tranås kommun", "", ("trafik",)),
)

# The decision proposal of 2023 (../shared/seeds), its OCR damage repaired.
TRANAS_PROPOSAL_SUMMARY = """\
Med utgångspunkt i tidigare tecknad samverkansöverenskommelse och mot bakgrund av aktuell \
lägesbild formulerar Tranås kommun och Polisen tvååriga medborgarlöften som börjar gälla från och \
med undertecknandet."""

TRANAS_PROPOSAL_MATTER = """\
Samverkan mellan polis och kommun är en nödvändighet för att det brottsförebyggande och \
trygghetsskapande arbetet ska kunna bedrivas effektivt. Medborgarlöften är en utveckling av \
dagens samverkansöverenskommelse och är en del av Polismyndighetens styrmodell.

Den lokala lägesbilden ska vara utgångspunkt för de mål som Polisen ska arbeta med. Löftena \
handlar om konkreta aktiviteter som kommunen och Polisen tillsammans kommit överens om för att \
öka tryggheten och minska brottsligheten. Medborgarlöften fokuserar på den lokala lägesbilden och \
på sådant som de som bor och verkar i ett område upplever som viktigast för att känna sig trygga \
och säkra."""

TRANAS_PROPOSAL_OUTLOOK = """\
Omvärldsanalys
Polismyndigheten tecknar medborgarlöften med i princip alla landets kommuner. Medborgarlöften \
anpassas till lokala förutsättningar för kommunerna."""

TRANAS_PROPOSAL_COMMON = {
    "consulted": "kommunledningsgruppen, KLG",
    "economy": "Finansiering sker inom befintlig ram",
    "recipients": "Diariet\nSäkerhetssamordnaren",
    "officials": "Pär Thudéen, Kommundirektör\nHenrik Nilsson, Räddningschef",
}

TRANAS_RENEWAL_SUMMARY = """\
Med utgångspunkt i tidigare tecknad samverkansöverenskommelse, uppföljningen av medborgarlöftena \
2023–2024 och mot bakgrund av aktuell lägesbild formulerar Tranås kommun och Polisen nya tvååriga \
medborgarlöften som börjar gälla från och med undertecknandet."""

TRANAS_RENEWAL_MATTER = """\
Uppföljningen av medborgarlöftena 2023–2024 visar att arbetet har gett resultat, men att \
problemen kvarstår. Löftena förnyas därför för 2025–2026, med tydligare mål per tertial för \
trygghetsvandringarna och nya aktiviteter mot skadegörelse och anlagda bränder."""

# The annual review of January 2026 (Tranås 2025–2026). It changes the narcotics efforts' yearly
# target rather than the traffic checks' monthly one: lowering "minst 2 per månad" leaves
# "minst 1 trafikkontroller", and the checks' early/late rhythm is what shows "efter plan" in the
# middle of a month.
TRANAS_REVIEW_DAY = D(2026, 1, 20)
TRANAS_REVIEW_REASON = (
    "Årlig översyn: färre poliser i yttre tjänst under 2026; målet för narkotikainsatser sänks "
    "från tolv till tio per år och insatserna riktas mot helgkvällar."
)
TRANAS_DRUGS_REVISED = (
    "Polisen ska genomföra minst tio riktade narkotikainsatser per år, främst mot personer som är "
    "21 år och yngre och främst helgkvällar."
)

TRANAS_CENTRE_PLACES = ("Storgatan", "Resecentrum", "Stadsparken", "Torget", "Badparken")
TRANAS_TRAFFIC_PLACES = (
    "Storgatan",
    "Riksväg 32, norra infarten",
    "Riksväg 32, södra infarten",
    "Skolområdet vid Ängaryd",
    "Resecentrum",
)


def tranas_2023_2024(b: _Builder) -> None:
    start, end = D(2023, 4, 20), D(2024, 12, 31)
    period = b.start_period(
        "Tranås",
        "2023-2024",
        HOGLANDET,
        start_date=start,
        end_date=end,
        state=CLOSED,
        situation=TRANAS_SITUATION,
        background=TRANAS_BACKGROUND,
        follow_up_text=TRANAS_FOLLOW_UP,
        decision_body="Kommunstyrelsen",
        decision_date=D(2023, 4, 12),
        decision_reference="KS 2023/123",
        signed_date=start,
        consultation_round=1,
    )
    if period is None:
        return
    b.history(
        ("", DRAFT, D(2023, 1, 16), "samordnare", "Utkast utifrån den gemensamma lägesbilden."),
        (
            DRAFT,
            CONSULTATION,
            D(2023, 3, 9),
            "samordnare",
            "Skickat på samråd till kommunledningsgruppen (KLG).",
        ),
        (
            CONSULTATION,
            DECIDED,
            D(2023, 4, 12),
            "samordnare",
            "Samråd med KLG 2023-03-23; tjänsteutlåtande 2023-03-24. Kommunstyrelsen beslutade "
            "att anta medborgarlöftena för 2023–2024 (KS 2023/123).",
        ),
        (DECIDED, SIGNED, start, "samordnare", "Undertecknat av kommundirektören och LPO-chefen."),
        (SIGNED, CLOSED, D(2025, 2, 13), "samordnare", "Avslutat; slutredovisningen publicerad."),
    )
    b.reviews(
        (1, ReviewVerdict.APPROVE, _at(D(2023, 3, 23), 15), "granskare", "Tillstyrkt av KLG."),
    )
    b.proposal(
        D(2023, 3, 24),
        summary=TRANAS_PROPOSAL_SUMMARY,
        description=f"{TRANAS_PROPOSAL_MATTER}\n\n{TRANAS_PROPOSAL_OUTLOOK}",
        consulted_on=D(2023, 3, 23),
        basis="Tjänsteutlåtande kommunledningsförvaltningen 2023-03-24\n"
        "Bilaga – medborgarlöften 2023–2024",
        **TRANAS_PROPOSAL_COMMON,
    )
    b.signatories(
        ("Pär Thudéen", "Kommundirektör", "Tranås kommun"),
        ("Maria Ekström", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
    )
    b.add_promises(*TRANAS_PROMISES)
    drugs, walks, checks, parents, schools = b.add_activities(
        (
            ActivitySpec(
                "Narkotikainsatser",
                "Polisen ska genomföra minst tio riktade insatser per år för att upptäcka "
                "narkotikabrott bland personer som är 21 år och yngre.",
                POLICE,
                (1,),
                (AT_LEAST, 10, "narkotikainsatser", Scope.YEAR),
            ),
            ActivitySpec(
                "Trygghetsvandringar i centrum",
                "Kommunen och Polisen ska tillsammans med boende och fastighetsägare genomföra "
                "minst fyra trygghetsvandringar per år i de centrala delarna av Tranås.",
                JOINT,
                (2,),
                (AT_LEAST, 4, "trygghetsvandringar", Scope.YEAR),
            ),
            ActivitySpec(
                "Trafikkontroller",
                "Polisen ska genomföra minst tjugo trafikkontroller per år med inriktning på "
                "hastighet och störande körning.",
                POLICE,
                (3,),
                (AT_LEAST, 20, "trafikkontroller", Scope.YEAR),
            ),
            ActivitySpec(
                "Föräldrainformation om narkotika",
                "Kommunen ska informera föräldrar om narkotika och tecken på missbruk vid "
                "föräldramöten i högstadiet och gymnasiet.",
                MUNICIPALITY,
                (1,),
            ),
            ActivitySpec(
                "Trafiksäkra skolvägar",
                "Kommunen ska se över hastigheter och passager vid skolorna.",
                MUNICIPALITY,
                (3,),
            ),
        )
    )
    rng = b.rng
    first_year_end = D(2024, 4, 19)
    # Per löftesår (from the signing day): the second year's traffic checks fall short.
    for span_start, span_end, counts in (
        (start, first_year_end, (11, 4, 22)),
        (first_year_end + ONE_DAY, end, (9, 3, 12)),
    ):
        drug_count, walk_count, check_count = counts
        # Narcotics efforts and walks end early in the year, so they stay ahead of pace.
        early_end = min(span_end, D(2024, 11, 30))
        for day in _spread(rng, span_start, early_end, drug_count):
            place = rng.choice(TRANAS_CENTRE_PLACES)
            b.log(drugs, day, place, rng.choice(DRUG_SUMMARIES), note=b.note(DRUG_NOTES))
        for day in _spread(rng, span_start, min(span_end, D(2024, 10, 31)), walk_count):
            place = rng.choice(TRANAS_CENTRE_PLACES)
            b.log(walks, day, place, rng.choice(WALK_SUMMARIES), note=b.note(WALK_NOTES))
        for day in _spread(rng, span_start, span_end, check_count):
            place = rng.choice(TRANAS_TRAFFIC_PLACES)
            summary = rng.choice(TRAFFIC_CHECK_SUMMARIES)
            b.log(checks, day, place, summary, note=b.note(TRAFFIC_CHECK_NOTES))
    for day, place in (
        (D(2023, 9, 12), "Högstadieskolan"),
        (D(2024, 2, 6), "Gymnasieskolan"),
        (D(2024, 9, 10), "Högstadieskolan"),
    ):
        b.log(
            parents, day, place, "Information om narkotika och tecken på missbruk på föräldramöte."
        )
    b.log(
        schools,
        D(2023, 8, 15),
        "Skolområdet vid Ängaryd",
        "Tillfälliga farthinder vid skolorna inför skolstarten.",
    )
    b.log(
        schools,
        D(2024, 6, 11),
        "Stadshuset",
        "Beslut om 30 km/tim vid samtliga skolor från höstterminen.",
    )

    for day, as_of, summary, minutes in (
        (
            D(2023, 9, 21),
            D(2023, 8, 31),
            "Första tertialuppföljningen efter undertecknandet i april. Trafikkontroller och "
            "narkotikainsatser har kommit igång. Trygghetsvandringarna ligger efter plan; fler "
            "planeras under hösten.",
            "Belysningen i Stadsparken behöver ses över; tekniska kontoret kontaktas.",
        ),
        (
            D(2024, 1, 18),
            D(2023, 12, 31),
            "Tertialuppföljning september–december 2023. Arbetet följer i stort planen. "
            "Årsredovisningen för 2023 publiceras i februari.",
            "Polisen föreslår fler narkotikainsatser helgkvällar under våren.",
        ),
        (
            D(2024, 5, 16),
            first_year_end,
            "Tertialuppföljning januari–april 2024 och avstämning av det första löftesåret.",
            "Mopedåkning på Storgatan kvällstid diskuterades; trafikkontroller riktas dit.",
        ),
        (
            D(2024, 9, 19),
            D(2024, 8, 31),
            "Tertialuppföljning maj–augusti 2024. Trafikkontrollerna har minskat under sommaren; "
            "fler kontroller planeras under hösten.",
            "Semesterbemanningen förklarar färre trafikkontroller. Ny planering tas fram.",
        ),
        (
            D(2025, 1, 23),
            end + ONE_DAY,
            "Sista uppföljningen av medborgarlöftena 2023–2024. Slutredovisningen publiceras i "
            "februari. Förslag till nya medborgarlöften för 2025–2026 tas fram.",
            "Säkerhetssamordnaren skriver slutredovisningen. Nya löften går på samråd i januari.",
        ),
    ):
        b.meeting(MeetingKind.TERTIAL, day, summary, minutes, as_of=as_of)
    b.report(
        ReportKind.YEAR_END,
        "Årsredovisning 2023: medborgarlöften i Tranås",
        (start, D(2023, 12, 31)),
        D(2024, 2, 8),
        "Medborgarlöftena mellan Polisen och Tranås kommun undertecknades den 20 april 2023. "
        "Så här har arbetet gått under 2023:",
        "Arbetet fortsätter enligt plan under 2024.",
    )
    b.report(
        ReportKind.FINAL,
        "Slutredovisning: medborgarlöften i Tranås 2023–2024",
        (start, end),
        D(2025, 2, 13),
        "Medborgarlöftena mellan Polisen och Tranås kommun gällde från den 20 april 2023 till "
        "och med den 31 december 2024. Målen räknas per löftesår från undertecknandet. "
        "Så här gick det:",
        "Målet för trafikkontroller under det andra löftesåret nåddes inte. Arbetet fortsätter "
        "med förnyade medborgarlöften för 2025–2026.",
    )


def tranas_2025_2026(b: _Builder) -> None:
    start, end = D(2025, 3, 20), D(2026, 12, 31)
    period = b.start_period(
        "Tranås",
        "2025-2026",
        HOGLANDET,
        start_date=start,
        end_date=end,
        state=SIGNED,
        situation=TRANAS_SITUATION
        + "\n\nUppföljningen av medborgarlöftena 2023–2024 visar att arbetet har gett resultat, "
        "men att problemen kvarstår. Löftena förnyas därför för ytterligare två år.",
        background=TRANAS_BACKGROUND,
        follow_up_text=TRANAS_FOLLOW_UP,
        decision_body="Kommunstyrelsen",
        decision_date=D(2025, 3, 5),
        decision_reference="KS 2025/87",
        signed_date=start,
        # Sent for consultation twice: the first round was sent back to draft.
        consultation_round=2,
    )
    if period is None:
        return
    _created, _sent, returned, *_rest = b.history(
        ("", DRAFT, D(2024, 11, 18), "samordnare", "Utkast utifrån löftena 2023–2024."),
        (DRAFT, CONSULTATION, D(2025, 1, 27), "samordnare", "Skickat på samråd till KLG."),
        (
            CONSULTATION,
            DRAFT,
            D(2025, 2, 3),
            "granskare",
            "Åter till utkast: förtydliga målet för trygghetsvandringarna.",
        ),
        (DRAFT, CONSULTATION, D(2025, 2, 10), "samordnare", "Reviderat utkast skickat till KLG."),
        (
            CONSULTATION,
            DECIDED,
            D(2025, 3, 5),
            "samordnare",
            "Samråd med KLG 2025-02-20. Kommunstyrelsen beslutade att anta medborgarlöftena för "
            "2025–2026 (KS 2025/87).",
        ),
        (DECIDED, SIGNED, start, "samordnare", "Undertecknat av kommundirektören och LPO-chefen."),
    )
    # The demo has one approver for Tranås, so granskare alone sends back and approves.
    b.reviews(
        (1, ReviewVerdict.RETURN, returned.at, "granskare", returned.comment),
        (
            2,
            ReviewVerdict.APPROVE,
            _at(D(2025, 2, 20), 15),
            "granskare",
            "Målet för trygghetsvandringarna är nu tydligt. Tillstyrkt av KLG 2025-02-20.",
        ),
    )
    b.proposal(
        D(2025, 2, 21),
        summary=TRANAS_RENEWAL_SUMMARY,
        description=f"{TRANAS_PROPOSAL_MATTER}\n\n{TRANAS_RENEWAL_MATTER}\n\n"
        f"{TRANAS_PROPOSAL_OUTLOOK}",
        consulted_on=D(2025, 2, 20),
        basis="Tjänsteutlåtande kommunledningsförvaltningen 2025-02-21\n"
        "Bilaga – medborgarlöften 2025–2026",
        **TRANAS_PROPOSAL_COMMON,
    )
    b.signatories(
        ("Pär Thudéen", "Kommundirektör", "Tranås kommun"),
        ("Maria Ekström", "Lokalpolisområdeschef", "Lokalpolisområde Höglandet"),
    )
    b.add_promises(*TRANAS_PROMISES)
    drugs, walks, checks, patrols, damage, fires, parents, speeds = b.add_activities(
        (
            ActivitySpec(
                "Narkotikainsatser",
                "Polisen ska genomföra minst tolv riktade narkotikainsatser per år, främst mot "
                "personer som är 21 år och yngre.",
                POLICE,
                (1,),
                (AT_LEAST, 12, "narkotikainsatser", Scope.YEAR),
            ),
            ActivitySpec(
                "Trygghetsvandringar",
                "Kommunen och Polisen ska genomföra minst fyra trygghetsvandringar per tertial i "
                "de centrala delarna av Tranås, tillsammans med boende och fastighetsägare.",
                JOINT,
                (2,),
                (AT_LEAST, 4, "trygghetsvandringar", Scope.TERTIAL),
            ),
            ActivitySpec(
                "Trafikkontroller",
                "Polisen ska genomföra minst två trafikkontroller per månad, med inriktning på "
                "hastighet, mobiltelefon och störande körning.",
                POLICE,
                (3,),
                (AT_LEAST, 2, "trafikkontroller", Scope.MONTH),
            ),
            ActivitySpec(
                "Fotpatrull i centrum",
                "Polisen ska i snitt minst en gång per vecka patrullera till fots i centrum "
                "kvällstid.",
                POLICE,
                (2,),
                (AT_LEAST, 1, "fotpatruller", Scope.AVERAGE_WEEK),
            ),
            ActivitySpec(
                "Skadegörelse vid Resecentrum",
                "Kommunen och Polisen följer varje anmäld skadegörelse vid Resecentrum och i "
                "Stadsparken, och kommunen sanerar inom ett dygn. Målet är högst tio anmälda "
                "skadegörelser per år.",
                JOINT,
                (2,),
                (AT_MOST, 10, "anmälda skadegörelser", Scope.YEAR),
            ),
            ActivitySpec(
                "Förebygga anlagda bränder",
                "Räddningstjänsten Höglandet ska genomföra minst två informationsinsatser per "
                "tertial om anlagda bränder, i skolor och i centrum.",
                OTHER,
                (2,),
                (AT_LEAST, 2, "informationsinsatser", Scope.TERTIAL),
                other="Räddningstjänsten Höglandet",
            ),
            ActivitySpec(
                "Föräldrainformation om narkotika",
                "Kommunen ska informera föräldrar om narkotika och tecken på missbruk, särskilt "
                "inför valborg och studenten.",
                MUNICIPALITY,
                (1,),
            ),
            ActivitySpec(
                "Hastighetsmätningar vid skolor",
                "Kommunen ska med mätvagn mäta hastigheten vid skolorna i snitt minst två gånger "
                "per månad och återkoppla resultaten till Polisen.",
                MUNICIPALITY,
                (3,),
                (AT_LEAST, 2, "hastighetsmätningar", Scope.AVERAGE_MONTH),
            ),
        )
    )
    rng = b.rng
    first_year_end = D(2026, 3, 19)

    # Per year. After the annual review (fewer police, weekend evenings) the second year has nine
    # Friday efforts: they meet the revised target (8 pro rata) before 21 November 2026, where
    # the old one (10 pro rata) would not have been met.
    for day in _spread(rng, start + 4 * ONE_DAY, first_year_end - 4 * ONE_DAY, 13):
        place = rng.choice(TRANAS_CENTRE_PLACES)
        b.log(drugs, day, place, rng.choice(DRUG_SUMMARIES), note=b.note(DRUG_NOTES))
    second_year = [
        day + (4 - day.weekday()) % 7 * ONE_DAY
        for day in _spread(rng, D(2026, 3, 25), D(2026, 11, 10), 9)
    ]
    for day in second_year:
        place = rng.choice(TRANAS_CENTRE_PLACES)
        summary = rng.choice(WEEKEND_DRUG_SUMMARIES)
        b.log(drugs, day, place, summary, note=b.note(DRUG_NOTES))
    b.log(
        drugs,
        second_year[-1],
        "Storgatan",
        "Riktad insats mot narkotikabrott bland unga i centrum.",
        withdrawn="Registrerad på fel aktivitet: kontrollen gällde trafik.",
    )

    # Per tertial: one walk a month, the last one in the tertial's last month; summer 2025 short.
    tertials = [D(year, month, 1) for year in (2025, 2026) for month in (1, 5, 9)]
    for tertial_start in tertials:
        if tertial_start == D(2025, 1, 1):
            days = [D(2025, 3, 27), D(2025, 4, 15)]
        else:
            months = list(_months(tertial_start, tertial_start + 120 * ONE_DAY))[:4]
            days = [_day_in_month(month, rng.randint(5, 20)) for month in months]
            if tertial_start == D(2025, 5, 1):
                days.pop(2)  # no walk in July 2025
        for day in days:
            place = rng.choice(TRANAS_CENTRE_PLACES)
            b.log(walks, day, place, rng.choice(WALK_SUMMARIES), note=b.note(WALK_NOTES))

    # Per month: one check early and one late in the month, so mid-month it is behind.
    for month in _months(start, end):
        if month == D(2025, 3, 1):
            days = [D(2025, 3, rng.randint(24, 28))]
        elif month.month == 7:
            days = [_day_in_month(month, rng.randint(3, 12))]  # holidays
        else:
            days = [
                _day_in_month(month, rng.randint(3, 12)),
                _day_in_month(month, rng.randint(22, 27)),
            ]
        for index, day in enumerate(days):
            place = rng.choice(TRANAS_TRAFFIC_PLACES)
            summary = rng.choice(TRAFFIC_CHECK_SUMMARIES)
            b.log(checks, day, place, summary, note=b.note(TRAFFIC_CHECK_NOTES))
            if month == D(2026, 11, 1) and index == 0:
                b.log(
                    checks,
                    day,
                    place,
                    summary,
                    withdrawn="Dubbelregistrering: samma kontroll rapporterades två gånger.",
                )

    # On average per week: usually one evening patrol, sometimes two, none in high summer.
    monday = start - start.weekday() * ONE_DAY
    while monday <= end:
        patrols_this_week = 0 if 28 <= monday.isocalendar().week <= 31 else rng.choice((1, 1, 2))
        for _ in range(patrols_this_week):
            day = monday + rng.randint(3, 5) * ONE_DAY
            if start <= day <= end:
                place = rng.choice(TRANAS_CENTRE_PLACES)
                b.log(
                    patrols,
                    day,
                    place,
                    f"Fotpatrull kvällstid, {place}.",
                    note=b.note(
                        ("Lugnt.", "Samtal med unga vid Resecentrum.", "Inga ingripanden.")
                    ),
                )
        monday += 7 * ONE_DAY

    # At most ten reported per year: under the ceiling in both years.
    for span_start, span_end, count in ((start, first_year_end, 7), (D(2026, 3, 20), end, 5)):
        for day in _spread(rng, span_start, min(span_end, D(2026, 11, 15)), count):
            place = rng.choice(("Resecentrum", "Stadsparken"))
            summary = rng.choice(
                (
                    "Klotter på väntkuren; sanerat inom ett dygn.",
                    "Krossad glasruta i cykelgaraget; polisanmält och lagat.",
                    "Skadegörelse på parkbänkar; polisanmält.",
                )
            )
            b.log(damage, day, place, summary)

    # Per tertial: two information efforts, in the tertial's first two months.
    for tertial_start in tertials:
        if tertial_start == D(2025, 1, 1):
            days = [D(2025, 4, 8)]
        else:
            days = [
                _day_in_month(tertial_start, rng.randint(5, 25)),
                _day_in_month(tertial_start + 32 * ONE_DAY, rng.randint(5, 25)),
            ]
        for day in days:
            place, summary = rng.choice(
                (
                    ("Högstadieskolan", "Information om anlagda bränder för elever i årskurs 7."),
                    ("Gymnasieskolan", "Brandskyddsinformation och samtal om anlagda bränder."),
                    ("Resecentrum", "Information till butiker om soptunnor och brandrisker."),
                )
            )
            b.log(fires, day, place, summary)

    for day, summary in (
        (D(2025, 4, 22), "Brev till vårdnadshavare inför valborg om narkotika och alkohol."),
        (D(2025, 5, 27), "Information till föräldrar inför studenten."),
        (D(2025, 9, 9), "Föräldramöte i årskurs 7 om narkotika och tecken på missbruk."),
        (D(2026, 2, 10), "Föräldramöte på gymnasiet om narkotika."),
        (D(2026, 4, 21), "Brev till vårdnadshavare inför valborg."),
        (D(2026, 9, 8), "Föräldramöte i årskurs 7 om narkotika och tecken på missbruk."),
    ):
        b.log(parents, day, "Skolorna i Tranås", summary)

    # On average per month: three measurements a month, none in July.
    for month in _months(start, end):
        if month.month == 7:
            continue
        count = 1 if month == D(2025, 3, 1) else 3
        first = start if month == D(2025, 3, 1) else month
        last = (month + 32 * ONE_DAY).replace(day=1) - ONE_DAY
        for day in _spread(rng, first, last, count):
            place = rng.choice(("Ängarydsskolan", "Norrskolan", "Junedal", "Holavedsgymnasiet"))
            summary = "Hastighetsmätning med mätvagn vid skolan."
            note = b.note(("Medelhastighet 34 km/tim.", "Fem procent körde över 40 km/tim."))
            b.log(speeds, day, place, summary, note=note)

    meetings = (
        (
            D(2025, 5, 15),
            D(2025, 4, 30),
            "Första tertialuppföljningen av de förnyade medborgarlöftena. Trafikkontroller, "
            "narkotikainsatser och fotpatruller i centrum har kommit igång, och de första "
            "trygghetsvandringarna har genomförts.",
            "Deltagare: kommunpolis, säkerhetssamordnare och Räddningstjänsten Höglandet. "
            "Belysningen i Stadsparken behöver ses över; tekniska kontoret kontaktas.",
        ),
        (
            D(2025, 9, 18),
            D(2025, 8, 31),
            "Tertialuppföljning maj–augusti. Under sommaren genomfördes färre trygghetsvandringar "
            "än planerat, och i juli gjordes bara en trafikkontroll. Fotpatrullerna fortsatte "
            "under större delen av sommaren.",
            "Semesterbemanning förklarar de uteblivna kontrollerna i juli. Trygghetsvandringarna "
            "läggs in i kalendern för hela hösten.",
        ),
        (
            D(2026, 1, 22),
            D(2025, 12, 31),
            "Tertialuppföljning september–december och avstämning inför årsredovisningen. "
            "Målen för tertialet nåddes för trygghetsvandringar och informationsinsatser om "
            "anlagda bränder. Vid den årliga översynen den 20 januari sänktes målet för "
            "narkotikainsatser till minst tio per år.",
            "Årsredovisningen skrivs av säkerhetssamordnaren och publiceras i februari. Med "
            "färre poliser i yttre tjänst riktar Polisen narkotikainsatserna mot helgkvällar.",
        ),
        (
            D(2026, 5, 21),
            D(2026, 4, 30),
            "Tertialuppföljning januari–april 2026. Målet för narkotikainsatser under det första "
            "löftesåret nåddes; under det andra har insatserna just kommit igång. "
            "Trygghetsvandringarna genomfördes enligt plan.",
            "Mopedåkning på Storgatan kvällstid diskuterades; trafikkontroller riktas dit under "
            "maj och juni.",
        ),
        (
            D(2026, 9, 17),
            D(2026, 8, 31),
            "Tertialuppföljning maj–augusti 2026. Trygghetsvandringar och informationsinsatser "
            "genomfördes enligt plan, och narkotikainsatserna ligger före plan för året.",
            "Planering av en medborgardialog inför nästa period. Räddningstjänsten planerar "
            "informationsinsatser i skolorna i september och oktober.",
        ),
    )
    # Meetings after the annual review assess against the target it set.
    for day, as_of, summary, minutes in meetings:
        if day <= TRANAS_REVIEW_DAY:
            b.meeting(MeetingKind.TERTIAL, day, summary, minutes, as_of=as_of)
    b.revise_target(
        drugs,
        TRANAS_REVIEW_DAY,
        value=10,
        description=TRANAS_DRUGS_REVISED,
        reason=TRANAS_REVIEW_REASON,
    )
    for day, as_of, summary, minutes in meetings:
        if day > TRANAS_REVIEW_DAY:
            b.meeting(MeetingKind.TERTIAL, day, summary, minutes, as_of=as_of)
    b.report(
        ReportKind.YEAR_END,
        "Årsredovisning 2025: medborgarlöften i Tranås",
        (start, D(2025, 12, 31)),
        D(2026, 2, 5),
        "Medborgarlöftena mellan Polisen och Tranås kommun för 2025–2026 undertecknades den "
        "20 mars 2025. Så här har arbetet gått fram till årsskiftet:",
        "Vid den årliga översynen i januari 2026 sänktes målet för narkotikainsatser från tolv "
        "till tio per år, eftersom färre poliser finns i yttre tjänst under 2026. Löftena gäller "
        "till och med den 31 december 2026. Nästa redovisning publiceras efter periodens slut.",
    )


# --- 4. Tranemo 2025, from the police page -----------------------------------------------------

TRANEMO_BACKGROUND = """\
Polisen vill här tillsammans med Tranemo kommun fokusera på att öka tryggheten.

Vid trygghetsmöten, SAMFU (Samverkan kring brottsförebyggande arbete för unga), anmälda brott och \
via Trygg och Säker kommuns arbete med gemensamma lägesbilder har invånare i Tranemo kommun \
uppmärksammat Polisen och Tranemo kommun på att det finns en ökad otrygghet i områden inom \
Tranemo kommun."""

TRANEMO_SITUATION = """\
Från flera håll i Tranemo kommun framkommer att det i kommunen upplevs finnas en ökad otrygghet. \
Otrygghet förekommer dels genom droghandel, stölder och oro bland unga invånare som orsakar \
stök. Vi vill fokusera på dessa platser för att öka tryggheten."""

TRANEMO_FOLLOW_UP = """\
Polisen och kommunen redovisar på respektive webbplats hur arbetet går. Återkoppling sker \
kontinuerligt via Trygg och Säker kommun, som samverkar nära med Polisen. Vid årets slut \
redovisas ett sammanlagt resultat: vilka insatser som gjorts och hur arbetet går vidare.

Medborgarlöftet gäller under ett år med möjlighet till förlängning."""

TRANEMO_PROMISE = """\
Tryggheten i Tranemo kommun ses som en helhet, och för att öka tryggheten i hela kommunen behövs \
insatser på de platser där högst otrygghet upplevs. Genom ökat fokus under en bestämd tidsperiod \
vill vi tillsammans med Tranemo kommun göra en insats för att öka tryggheten. Mätning sker bland \
annat genom enkäter och uppföljning genom kontinuerliga möten med invånare och Trygg och Säker \
kommun."""

TRANEMO_PLACES = (
    "Tranemo centrum",
    "Busstationen i Tranemo",
    "Limmared centrum",
    "Grimsås",
    "Dalstorp",
    "Länghem",
)

TRANEMO_MONTHLY = {
    (2025, 1): "Uppstart av medborgarlöftet. Platser för trygghetsundersökningar valdes ut "
    "utifrån den gemensamma lägesbilden: Tranemo centrum, busstationen och Limmared.",
    (2025, 2): "Lägesbilden visar fortsatt oro kring busstationen kvällstid. Polisen börjar "
    "arbeta enligt HotSpotsmetoden på de utpekade platserna.",
    (2025, 3): "De första trygghetsundersökningarna har genomförts i Tranemo centrum och vid "
    "busstationen. Resultaten sammanställs till nästa möte.",
    (2025, 4): "Resultaten från trygghetsundersökningarna presenterades. Belysning och "
    "mopedåkning kvällstid är det som flest upplever som otryggt.",
    (2025, 5): "Inför skolavslutningen planeras extra närvaro vid busstationen och i centrum. "
    "Värdegrundsarbetet i skolan fortsätter.",
    (2025, 6): "Lugn period. Polisen har varit synlig på de utpekade platserna.",
    (2025, 8): "Uppstart efter sommaren. Värdegrundsarbetet i hög- och mellanstadiet planeras "
    "för hösten.",
    (2025, 9): "Uppföljande trygghetsundersökning i Tranemo centrum. Fler svarande upplever "
    "centrum som tryggt jämfört med i våras.",
    (2025, 10): "Trygghetsundersökning i Grimsås. Den gemensamma lägesbilden enligt EST "
    "uppdaterades.",
    (2025, 11): "Ett förslag om att förlänga medborgarlöftet ett år lämnas till kommunstyrelsen.",
    (2025, 12): "Kommunstyrelsen har beslutat att förlänga medborgarlöftet till och med 2026. "
    "Årsredovisningen sammanställs.",
    (2026, 1): "Årsredovisningen för 2025 är publicerad. Arbetet fortsätter på samma platser "
    "under 2026.",
    (2026, 2): "Lägesbilden är i stort sett oförändrad. HotSpots-insatserna fortsätter vid "
    "busstationen och i Limmared.",
    (2026, 3): "Föräldramöten i årskurs 7 med fokus på droger och sociala medier.",
    (2026, 4): "Valborg och skolavslutning planerades tillsammans med fritidsgårdarna.",
    (2026, 5): "Valborg förlöpte lugnt. Extra närvaro planeras inför skolavslutningen.",
    (2026, 6): "Lugn period före sommaren.",
    (2026, 8): "Uppstart efter sommaren. Inga större händelser under sommaren.",
    (2026, 9): "Värdegrundsarbetet i skolorna fortsätter. En ny trygghetsundersökning planeras.",
    (2026, 10): "Den gemensamma lägesbilden enligt EST uppdaterades. Otryggheten kring "
    "busstationen upplevs ha minskat.",
    (2026, 11): "Diskussion om ett nytt medborgarlöfte från 2027 utifrån erfarenheterna av de "
    "två åren.",
    (2026, 12): "Årets sista möte: planering av slutredovisningen.",
}
TRANEMO_MINUTES = (
    "Deltagare från kommunens trygghetsgrupp, Polisen och räddningstjänsten. Ärenden: lägesbild, "
    "HotSpots-platser och kommande evenemang.",
    "Genomgång av inkomna synpunkter från invånare. Fältassistenterna rapporterade om "
    "ungdomsgrupper vid busstationen kvällstid.",
    "Genomgång av anmälda brott sedan förra mötet. Inga nya platser läggs till.",
    "Kommunen kontaktar fastighetsägare om belysningen vid busstationen.",
)


def tranemo_2025(b: _Builder) -> None:
    start, end = D(2025, 1, 1), D(2026, 12, 31)
    period = b.start_period(
        "Tranemo",
        "2025",
        BORAS,
        start_date=start,
        end_date=end,
        state=EXTENDED,
        situation=TRANEMO_SITUATION,
        background=TRANEMO_BACKGROUND,
        follow_up_text=TRANEMO_FOLLOW_UP,
        contact_name="Joakim Börjesson",
        contact_title="Kommunpolis",
        contact_phone="0725-25 94 20",
        contact_is_public=True,
        decision_body="Kommunstyrelsen",
        decision_date=D(2024, 12, 10),
        decision_reference="KS 2024/245",
        signed_date=D(2024, 12, 17),
        consultation_round=1,
    )
    if period is None:
        return
    *_earlier, extended = b.history(
        ("", DRAFT, D(2024, 10, 14), "kommunpolis", "Utkast utifrån den gemensamma lägesbilden."),
        (
            DRAFT,
            CONSULTATION,
            D(2024, 11, 18),
            "samordnare",
            "Skickat på samråd till Trygg och Säker kommun.",
        ),
        (
            CONSULTATION,
            DECIDED,
            D(2024, 12, 10),
            "samordnare",
            "Kommunstyrelsen beslutade att anta medborgarlöftet för 2025 (KS 2024/245).",
        ),
        (
            DECIDED,
            SIGNED,
            D(2024, 12, 17),
            "samordnare",
            "Undertecknat. Gäller 2025-01-01–2025-12-31 med möjlighet till förlängning.",
        ),
        (
            SIGNED,
            EXTENDED,
            D(2025, 12, 16),
            "samordnare",
            "Förlängt till och med 2026-12-31. Kommunstyrelsen beslutade 2025-12-09 (KS 2025/311) "
            "att förlänga medborgarlöftet ett år efter uppföljningen med Trygg och Säker kommun.",
        ),
    )
    b.extension(extended, D(2025, 12, 31), ("Kommunstyrelsen", D(2025, 12, 9), "KS 2025/311"))
    b.signatories(
        ("Lars Johansson", "Kommunstyrelsens ordförande", "Tranemo kommun"),
        ("Karin Sandberg", "Lokalpolisområdeschef", "Lokalpolisområde Borås"),
    )
    (promise,) = b.add_promises(
        (
            "Öka tryggheten på de valda platserna",
            TRANEMO_PROMISE,
            ("trygghet-i-offentlig-miljo", "narkotika", "unga"),
        )
    )
    surveys, values, est, hotspots, _meetings = b.add_activities(
        (
            ActivitySpec(
                "Trygghetsundersökningar",
                "Tillsammans med Tranemo kommun och invånarna vill vi på utvalda platser "
                "genomföra trygghetsundersökningar.",
                JOINT,
                (1,),
            ),
            ActivitySpec(
                "Värdegrundsarbete i skolan",
                "Tillsammans med lärande-, omsorgs- och samhällsutvecklingssektionen delta i "
                "värdegrundsarbete för elever, vårdnadshavare och pedagoger i hög- och "
                "mellanstadiet.",
                JOINT,
                (1,),
            ),
            ActivitySpec(
                "Gemensamma lägesbilder enligt EST",
                "Polisen arbetar tillsammans med kommunen med gemensamma lägesbilder, enligt EST "
                "– effektiv samordning för trygghet.",
                JOINT,
                (1,),
            ),
            ActivitySpec(
                "HotSpots-insatser",
                "Polisen arbetar enligt HotSpotsmetoden inom de områden som är utpekade som "
                "otrygga.",
                POLICE,
                (1,),
            ),
            ActivitySpec(
                "Månatlig uppföljning med Trygg och Säker kommun",
                "Uppföljning sker vid de månatliga mötena med Trygg och Säker kommun, och "
                "återkoppling till invånarna sker med samma frekvens.",
                JOINT,
                (1,),
            ),
        ),
        statuses={1: ActivityStatus.DONE},
    )
    rng = b.rng
    for day, place, answers in (
        (D(2025, 2, 26), "Tranemo centrum", 112),
        (D(2025, 3, 5), "Busstationen i Tranemo", 64),
        (D(2025, 4, 2), "Limmared centrum", 71),
        (D(2025, 9, 3), "Tranemo centrum", 98),
        (D(2025, 10, 8), "Grimsås", 43),
    ):
        b.log(
            surveys,
            day,
            place,
            f"Trygghetsundersökning med enkät till boende och besökare; {answers} svar.",
            note=b.note(
                (
                    "Flest synpunkter om belysningen vid gångtunneln.",
                    "Många nämnde mopedåkning kvällstid.",
                ),
                share=0.8,
            ),
        )
    for year in (2025, 2026):
        for day, place, summary in (
            (
                D(year, 2, 11),
                "Högstadieskolan i Tranemo",
                "Föräldramöte i årskurs 7 om droger och sociala medier.",
            ),
            (
                D(year, 3, 18),
                "Mellanstadieskolan i Limmared",
                "Lektion om värdegrund och kamratskap i årskurs 5.",
            ),
            (
                D(year, 9, 23),
                "Högstadieskolan i Tranemo",
                "Värdegrundsdag för elever i årskurs 8 tillsammans med pedagogerna.",
            ),
            (
                D(year, 10, 14),
                "Mellanstadieskolan i Dalstorp",
                "Samtal med pedagoger om oro bland elever.",
            ),
        ):
            b.log(values, day, place, summary)
    for month in _months(start, end):
        if month.month in (1, 4, 8, 11):
            b.log(
                est,
                _day_in_month(month, 20),
                "Kommunhuset",
                "Gemensam lägesbild enligt EST uppdaterad inför månadsmötet.",
            )

    monday = start - start.weekday() * ONE_DAY
    logged = 0
    while monday <= end:
        for _ in range(rng.choice((0, 1, 1, 2))):
            day = monday + rng.randint(3, 5) * ONE_DAY
            if not start <= day <= end:
                continue
            place = rng.choice(TRANEMO_PLACES)
            minutes = rng.choice((10, 15, 15, 20))
            withdrawn = (
                "Insatsen ställdes in på grund av ett prioriterat larm; registrerades av misstag."
                if logged == 40
                else ""
            )
            b.log(
                hotspots,
                day,
                place,
                f"Synlig närvaro enligt HotSpotsmetoden, {minutes} minuter.",
                note=b.note(
                    (
                        "Grupp om cirka tio ungdomar vid busskuren; lugnt, ingen åtgärd.",
                        "Samtal med fältassistenterna om kvällens läge.",
                        "Mopedåkning på torget; två förare fick en tillsägelse.",
                    )
                ),
                withdrawn=withdrawn,
            )
            logged += 1
        monday += 7 * ONE_DAY

    for index, month in enumerate(m for m in _months(start, end) if m.month != 7):
        day = _second_tuesday(month)
        if month == D(2025, 1, 1):
            rating, comment = Rating.NOT_ASSESSED, "För tidigt att bedöma."
        elif month < D(2025, 4, 1):
            rating, comment = Rating.PARTLY, "Arbetet har kommit igång men är inte fullt utbyggt."
        else:
            rating, comment = Rating.ON_TRACK, "Insatserna genomförs enligt plan."
        b.meeting(
            MeetingKind.MONTHLY,
            day,
            TRANEMO_MONTHLY[(month.year, month.month)],
            TRANEMO_MINUTES[index % len(TRANEMO_MINUTES)],
            assessments=[(promise, rating, comment)],
        )
    b.report(
        ReportKind.YEAR_END,
        "Årsredovisning 2025: medborgarlöftet i Tranemo",
        (start, D(2025, 12, 31)),
        D(2026, 1, 20),
        "Polisen och Tranemo kommun lovade att under 2025 öka tryggheten på de platser där "
        "invånarna upplever störst otrygghet. Så här har arbetet gått:",
        "Trygghetsundersökningarna visar att fler upplever centrum som tryggt än när arbetet "
        "började. Kommunstyrelsen har beslutat att förlänga medborgarlöftet till och med den "
        "31 december 2026, med samma platser och aktiviteter.",
    )


# --- 5. Vetlanda 2026–2027, a draft that is never public ---------------------------------------


def vetlanda_2026_2027_draft(b: _Builder) -> None:
    period = b.start_period(
        "Vetlanda",
        "2026-2027",
        HOGLANDET,
        start_date=D(2026, 12, 15),
        end_date=D(2027, 12, 31),
        state=DRAFT,
        situation="UTKAST – lägesbild 2026. Medborgarundersökningen 2025 visar att otryggheten "
        "kring Resecentrum och Stora torget har ökat kvällstid. Felaktiga trafikbeteenden, "
        "särskilt buskörning på Storgatan, upplevs fortfarande som ett problem. Narkotikabrotten "
        "bland unga ligger kvar på en hög nivå. (Att komplettera med Polisens "
        "underrättelsebild.)",
        background=VETLANDA_BACKGROUND,
        follow_up_text=VETLANDA_FOLLOW_UP,
        contact_name="Sara Holm",
        contact_title="Trygghetssamordnare",
        contact_email="trygghetssamordnare@example.org",
        contact_is_public=False,
    )
    if period is None:
        return
    b.history(
        (
            "",
            DRAFT,
            min(D(2026, 10, 5), b.today),
            "samordnare",
            "Utkast skapat från medborgarlöftet 2020–2021.",
        )
    )
    b.add_promises(*VETLANDA_PROMISES)
    b.add_activities(VETLANDA_ACTIVITIES)


# --- The whole demo ----------------------------------------------------------------------------

PERIOD_BUILDERS = (
    vetlanda_2020_2021,
    tranas_2023_2024,
    tranas_2025_2026,
    tranemo_2025,
    vetlanda_2026_2027_draft,
)


def _counted_models() -> dict[str, type[models.Model]]:
    return {
        "users": get_user_model(),
        "memberships": Membership,
        "local police areas": LocalPoliceArea,
        "promise periods": PromisePeriod,
        "promises": Promise,
        "signatories": Signatory,
        "transitions": PeriodTransition,
        "reviews": Review,
        "decision proposals": DecisionProposal,
        "extensions": Extension,
        "revisions": Revision,
        "revision changes": RevisionChange,
        "activities": Activity,
        "activity logs": ActivityLog,
        "follow-up meetings": FollowUpMeeting,
        "assessments": Assessment,
        "reports": Report,
    }


def _counts() -> dict[str, int]:
    return {label: model.objects.count() for label, model in _counted_models().items()}


@dataclass(frozen=True)
class DemoResult:
    """What a build created (rows per kind) and the demo accounts."""

    created: dict[str, int]
    users: list[UserRow]


@transaction.atomic
def build_demo(today: datetime.date) -> DemoResult:
    """Create whatever of the demo data is missing, with logs up to `today`."""
    if today < EARLIEST_TODAY:
        raise ValueError(f"The demo needs a today on or after {EARLIEST_TODAY}.")
    before = _counts()
    areas = ensure_police_areas()
    users, rows = ensure_users(areas)
    builder = _Builder(today, users, areas)
    for build in PERIOD_BUILDERS:
        build(builder)
    bulk_create_with_history(builder.logs, ActivityLog, batch_size=500)
    # Bulk inserts send no signals: count the new logs into the progress rollup.
    rollup.rebuild(
        Activity.objects.filter(pk__in={log.activity_id for log in builder.logs}).select_related(
            "period"
        )
    )
    after = _counts()
    return DemoResult({label: after[label] - before[label] for label in after}, rows)
