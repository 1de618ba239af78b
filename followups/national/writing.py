"""The national dataset written in bulk: structure, logs (COPY on PostgreSQL), follow-up
meetings with assessments, reports and outcome indicators."""

import datetime
import random
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

from django.db import connection

from activities.models import Activity, ActivityLog
from activities.progress import Comparator, add_months
from followups.models import (
    Assessment,
    FollowUpMeeting,
    MeetingKind,
    MeetingStatus,
    Rating,
    Report,
    ReportKind,
)
from followups.national.plans import (
    ActivityPlan,
    PeriodPlan,
    at_time,
    describe,
    invented_person,
    organisation,
    random_days,
    weighted_pick,
)
from followups.national.texts import (
    AVERAGES,
    BACKGROUND,
    BATCH,
    CLOSED,
    COMPARATOR_SV,
    FOLLOW_UPS,
    FORUMS,
    INDICATORS,
    MINUTES,
    NOTES,
    ONE_DAY,
    SCOPE_DAYS,
    SCOPE_SV,
    SITUATIONS,
    STATUS_SV,
    SUMMARIES,
    THEMES,
    UNIT_SINGULAR,
    WITHDRAWALS,
    D,
    swedish_date,
    swedish_number,
)
from municipalities.refdata import ascii_slug
from promises.fields import join_range
from promises.models import (
    Direction,
    Extension,
    OutcomeIndicator,
    OutcomeMeasurement,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Signatory,
    Theme,
)


def write_structure(rng: random.Random, plans: list[PeriodPlan]) -> None:
    """Periods, promises and themes, signatories, lifecycle steps, extensions and activities."""
    for plan in plans:
        person = invented_person(rng)
        plan.obj = PromisePeriod(
            municipality=plan.municipality,
            area_name=plan.area,
            local_police_area=plan.police_area,
            slug=plan.slug,
            start_date=plan.start,
            end_date=plan.end,
            state=plan.state,
            situation=rng.choice(SITUATIONS).format(ort=plan.place),
            background=BACKGROUND.format(org=organisation(plan.municipality)),
            follow_up_text=rng.choice(FOLLOW_UPS),
            contact_name=person,
            contact_title=rng.choice(("Trygghetssamordnare", "Säkerhetssamordnare")),
            contact_email=f"{ascii_slug(person)}@{plan.municipality.slug}.example.se",
            contact_is_public=rng.random() < 0.6,
            decision_body=plan.body,
            decision_date=plan.decided,
            decision_reference=plan.reference,
            signed_date=plan.signed,
            # The day of its close step, as the lifecycle records it.
            closed_date=next((day for _a, to, day, _c in plan.steps if to == CLOSED), None),
            consultation_round=plan.rounds,
        )
    PromisePeriod.objects.bulk_create([plan.obj for plan in plans], batch_size=BATCH)

    themes = Theme.objects.in_bulk(field_name="slug")
    theme_rows, signatories, steps, extensions = [], [], [], []
    for plan in plans:
        for position, text in enumerate(plan.promises, start=1):
            title = text.title.format(ort=plan.place)
            plan.promise_objs.append(
                Promise(
                    period=plan.obj, position=position, title=title, description=text.description
                )
            )
        if plan.published:
            police = plan.police_area.name if plan.police_area else f"Polisen, {plan.place}"
            chair = weighted_pick(
                rng, {"Kommunstyrelsens ordförande": 6, "Kommunalråd": 2, "Kommundirektör": 2}
            )
            people = [(chair, organisation(plan.municipality)), ("Lokalpolisområdeschef", police)]
            if rng.random() < 0.1:
                people.append(("Räddningschef", "Räddningstjänsten"))
            signatories += [
                Signatory(
                    period=plan.obj, position=i, name=invented_person(rng), title=t, organisation=o
                )
                for i, (t, o) in enumerate(people, start=1)
            ]
        steps += [
            PeriodTransition(
                period=plan.obj, from_state=a, to_state=b, at=at_time(day, 9 + i), comment=c
            )
            for i, (a, b, day, c) in enumerate(plan.steps)
        ]
        if plan.extension:
            previous, decided = plan.extension
            extensions.append(
                Extension(
                    period=plan.obj,
                    previous_end_date=previous,
                    new_end_date=plan.end,
                    decision_body=plan.body,
                    decision_date=decided,
                    decision_reference=f"{plan.reference[:2]} {decided.year}/{rng.randint(9, 99)}",
                    created_at=at_time(decided, 15),
                )
            )
    promises = [promise for plan in plans for promise in plan.promise_objs]
    Promise.objects.bulk_create(promises, batch_size=BATCH)
    for plan in plans:
        for text, promise in zip(plan.promises, plan.promise_objs, strict=True):
            theme_rows += [
                Promise.themes.through(promise_id=promise.pk, theme_id=themes[THEMES[code]].pk)
                for code in text.themes
            ]
    Promise.themes.through.objects.bulk_create(theme_rows, batch_size=BATCH)
    Signatory.objects.bulk_create(signatories, batch_size=BATCH)
    PeriodTransition.objects.bulk_create(steps, batch_size=BATCH)
    Extension.objects.bulk_create(extensions, batch_size=BATCH)

    for plan in plans:
        for a in plan.activities:
            a.obj = Activity(
                period=plan.obj,
                position=a.position,
                title=a.text.title,
                description=describe(rng, a),
                responsible=a.responsible,
                responsible_other=a.other,
                partners=a.partners,
                target_comparator=a.comparator,
                target_value=a.value,
                target_unit=a.text.unit if a.scope else "",
                target_unit_singular=UNIT_SINGULAR[a.text.unit] if a.scope else "",
                target_scope=a.scope,
                status=a.status,
                status_reason=a.reason,
            )
    activities = [a for plan in plans for a in plan.activities]
    Activity.objects.bulk_create([a.obj for a in activities], batch_size=BATCH)
    Activity.promises.through.objects.bulk_create(
        [
            Activity.promises.through(activity_id=a.obj.pk, promise_id=plan.promise_objs[i - 1].pk)
            for plan in plans
            for a in plan.activities
            for i in a.promises
        ],
        batch_size=BATCH,
    )


# --- Logs -------------------------------------------------------------------------------------

LOG_FIELDS = ["activity_id", "date", "quantity", "place", "summary", "internal_note"]
LOG_FIELDS += ["created_at", "withdrawn_at", "withdrawal_reason"]


def activity_logs(rng: random.Random, a: ActivityPlan, start, last, places) -> list[tuple]:
    """The rows (LOG_FIELDS) of an activity's logs, in date order, dated from start to last."""
    first, days, last_ordinal = start.toordinal(), (last - start).days + 1, last.toordinal()
    ordinals = []
    for _ in range(a.count):
        day = first + int(rng.random() * days)
        if (day - 1) % 7 >= 5 and rng.random() < 0.5:  # Weekends are quieter.
            day = first + int(rng.random() * days)
        ordinals.append(day)
    ordinals.sort()
    rows, rand = [], rng.random
    for day in ordinals:
        r = rand()
        quantity = 1 if r < 0.9 else rng.randint(2, 4) if r < 0.99 else rng.randint(5, 25)
        place = rng.choice(places) if rand() < 0.35 else ""
        summary = rng.choice(SUMMARIES) if rand() < 0.25 else ""
        note = rng.choice(NOTES) if rand() < 0.04 else ""
        created = day if rand() < 0.85 else min(day + rng.randint(1, 4), last_ordinal)
        created_at = at_time(D.fromordinal(created), rng.randint(7, 21), rng.randint(0, 59))
        withdrawn_at, reason = None, ""
        if rand() < 0.006:
            withdrawn_at = created_at + datetime.timedelta(hours=rng.randint(1, 96))
            if withdrawn_at.date() > last:
                withdrawn_at = created_at + datetime.timedelta(hours=1)
            reason = rng.choice(WITHDRAWALS)
        row = (a.obj.pk, D.fromordinal(day), quantity, place, summary, note, created_at)
        rows.append((*row, withdrawn_at, reason))
    return rows


class Tally:
    """Counted quantities of one activity's logs by date, for reports and assessments."""

    def __init__(self, rows: list[tuple]) -> None:
        self.dates = [row[1] for row in rows]
        self.sums = [0, *accumulate(0 if row[7] else row[2] for row in rows)]

    def done(self, start: datetime.date, end: datetime.date) -> int:
        return self.sums[bisect_right(self.dates, end)] - self.sums[bisect_left(self.dates, start)]


NO_LOGS = Tally([])


def copy_logs(rows: Iterator[tuple]) -> None:
    """PostgreSQL: stream the rows through COPY, several times faster than INSERTs."""
    table = connection.ops.quote_name(ActivityLog._meta.db_table)
    sql = f"COPY {table} ({', '.join(LOG_FIELDS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def bulk_create_logs(rows: Iterator[tuple]) -> None:
    """Other databases: bulk_create in batches, keeping the rows' creation times."""
    created_at = ActivityLog._meta.get_field("created_at")
    # auto_now_add would stamp every log with the moment of loading; off for the while.
    created_at.auto_now_add = False
    try:
        batch = []
        for row in rows:
            batch.append(ActivityLog(**dict(zip(LOG_FIELDS, row, strict=True))))
            if len(batch) == BATCH:
                ActivityLog.objects.bulk_create(batch)
                batch = []
        ActivityLog.objects.bulk_create(batch)
    finally:
        created_at.auto_now_add = True


# --- Follow-up --------------------------------------------------------------------------------


def assess(plan: PeriodPlan, tallies: dict, promise: int, as_of: datetime.date):
    """A promise's rating at `as_of` from the pace of its activities with a target."""
    period_days = (plan.end - plan.start).days + 1
    share = min(1.0, ((as_of - plan.start).days + 1) / period_days)
    paced = [a for a in plan.activities if a.scope and promise in a.promises]
    if not paced:
        return Rating.NOT_ASSESSED, "Löftet följs upp genom aktiviteter utan numeriska mål."
    good = 0
    for a in paced:
        done = tallies.get(a.position, NO_LOGS).done(plan.start, as_of)
        expected = a.value * max(1.0, period_days / SCOPE_DAYS.get(a.scope, period_days)) * share
        good += done <= expected if a.comparator == Comparator.AT_MOST else done >= 0.9 * expected
    rating = (
        Rating.ON_TRACK if good == len(paced) else Rating.PARTLY if good else Rating.NOT_ON_TRACK
    )
    return rating, f"{good} av {len(paced)} aktiviteter med mål i fas den {swedish_date(as_of)}."


def report_body(plan: PeriodPlan, tallies: dict, start, end) -> str:
    """What each activity achieved from start to end, against its target or with its status."""
    period = join_range(swedish_date(start), swedish_date(end))
    lines = [f"Redovisning av medborgarlöftet för {plan.place}, {period}.", ""]
    for a in plan.activities:
        done = tallies.get(a.position, NO_LOGS).done(start, end)
        if a.scope:
            average = "i snitt " if a.scope in AVERAGES else ""
            value = swedish_number(a.value)
            target = f"{average}{COMPARATOR_SV[a.comparator]}{value} {SCOPE_SV[a.scope]}"
            unit = UNIT_SINGULAR[a.text.unit] if done == 1 else a.text.unit
            lines.append(f"- {a.text.title}: {swedish_number(done)} {unit} (mål: {target}).")
        else:
            done_text = f"{swedish_number(done)} registrerade" if done != 1 else "1 registrerad"
            lines.append(f"- {a.text.title}: {STATUS_SV[a.status]}, {done_text}.")
    return "\n".join([*lines, "", "Siffrorna bygger på de registrerade aktiviteterna."])


# How far ahead a period in force has its meetings planned.
PLANNED_AHEAD = datetime.timedelta(days=120)


class Meeting(NamedTuple):
    plan: "PeriodPlan"
    kind: str
    day: datetime.date
    summary: str
    as_of: datetime.date | None  # the day its assessments look back from; None: no assessing
    status: str = MeetingStatus.HELD
    time: datetime.time | None = None
    forum: str = ""


def outcomes(seed: int, plan: PeriodPlan, today: datetime.date) -> list[tuple]:
    """Some promises of a started period are followed by an outcome indicator: (promise,
    indicator, its measurements), a baseline before the start and one measurement a year."""
    rng = random.Random(f"{seed}:{plan.key}:outcomes")
    found = []
    for promise in plan.promise_objs:
        if rng.random() >= 0.35:
            continue
        name, unit, source, direction, (low, high) = rng.choice(INDICATORS)
        value = rng.randint(low, high)
        baseline_date = plan.start - random_days(rng, 30, 120)
        indicator = OutcomeIndicator(
            promise=promise, name=name, unit=unit, source=source,
            direction=Direction(direction), baseline_value=value, baseline_date=baseline_date,
        )  # fmt: skip
        measurements, day = [], baseline_date
        while True:
            day = add_months(day, 12)
            if day > min(today, plan.end + datetime.timedelta(days=180)):
                break
            step = rng.choice((-3, -2, -1, 0, 1, 2, 3, 4)) * (1 if direction == "higher" else -1)
            value = max(0, value + step if unit == "%" else round(value * (1 + step / 20)))
            value = min(value, 100) if unit == "%" else value
            note = f"{source} {day.year}"
            measurements.append(OutcomeMeasurement(date=day, value=value, source_note=note))
        found.append((indicator, measurements))
    return found


def write_outcomes(seed: int, plans: list[PeriodPlan], today: datetime.date) -> None:
    """The outcome indicators and measurements of the started published periods."""
    found = [
        item for plan in plans if plan.published and plan.start <= today
        for item in outcomes(seed, plan, today)
    ]  # fmt: skip
    OutcomeIndicator.objects.bulk_create([indicator for indicator, _ in found], batch_size=BATCH)
    for indicator, measurements in found:
        for measurement in measurements:
            measurement.indicator = indicator
    rows = [measurement for _, measurements in found for measurement in measurements]
    OutcomeMeasurement.objects.bulk_create(rows, batch_size=BATCH)


def follow_ups(rng: random.Random, plan: PeriodPlan, tallies: dict, today: datetime.date):
    """Meetings (plan, kind, date, summary, assessed as of) and reports of a started period."""
    start, end, place = plan.start, plan.end, plan.place
    horizon, meetings, reports = min(end + datetime.timedelta(days=45), today), [], []
    tertial_ends = [
        day
        for year in range(start.year, end.year + 1)
        for day in (D(year, 4, 30), D(year, 8, 31), D(year, 12, 31))
        if start + datetime.timedelta(days=60) <= day <= end
    ]
    style = weighted_pick(rng, {"tertial": 50, "monthly": 20, "annual": 30})

    coming = random.Random(repr(rng.getstate()))  # draws of its own: the held stay

    def meeting(kind, day, summary, as_of=None):
        if day <= horizon:
            meetings.append(Meeting(plan, kind, day, summary, as_of))
        elif today < day <= min(end, today + PLANNED_AHEAD) and coming.random() < 0.7:
            # A meeting of a period in force still to come: planned, with a time and a place.
            time_of_day = datetime.time(coming.choice((9, 13, 15, 18)), coming.choice((0, 30)))
            forum = coming.choice(FORUMS)
            meetings.append(
                Meeting(plan, kind, day, "", None, MeetingStatus.PLANNED, time_of_day, forum)
            )

    def report(kind, title, covers_from, covers_to, published):
        if published <= today or rng.random() < 0.3:  # Some are being written.
            body = report_body(plan, tallies, covers_from, covers_to)
            covers = {"covers_from": covers_from, "covers_to": covers_to}
            obj = Report(period=plan.obj, kind=kind, title=title, body=body, **covers)
            obj.published_on = published if published <= today else None
            reports.append(obj)

    if style == "tertial":
        for day in tertial_ends:
            summary = f"Tertialuppföljning till och med {swedish_date(day)}."
            meeting(MeetingKind.TERTIAL, day + random_days(rng, 7, 28), summary, as_of=day)
            title = f"Tertialredovisning {(day.month + 3) // 4} {day.year}, {place}"
            covers = max(start, D(day.year, day.month - 3, 1))
            report(ReportKind.TERTIAL, title, covers, day, day + random_days(rng, 15, 45))
    elif style == "monthly":
        month = start.replace(day=1)
        while month <= horizon:
            summary = (
                "Månadsmöte: genomgång av registrerade aktiviteter." if rng.random() < 0.5 else ""
            )
            meeting(MeetingKind.MONTHLY, month + random_days(rng, 7, 13), summary)
            month = add_months(month, 1)
    year_end = add_months(start, 12) - ONE_DAY
    while year_end <= end + datetime.timedelta(days=30):
        summary = "Årlig översyn av löften och aktiviteter utifrån en uppdaterad lägesbild."
        as_of = min(year_end, end)
        meeting(MeetingKind.ANNUAL_REVIEW, year_end - random_days(rng, 0, 25), summary, as_of=as_of)
        year_end = add_months(year_end + ONE_DAY, 12) - ONE_DAY
    for _ in range(rng.randint(0, 3)):
        summary = "Samverkansmöte mellan kommunen och Polisen."
        meeting(MeetingKind.COLLABORATION, start + random_days(rng, 0, (end - start).days), summary)
    if rng.random() < 0.4:
        summary = f"Medborgardialog om tryggheten i {place}."
        meeting(
            MeetingKind.CITIZEN_DIALOGUE, start + random_days(rng, 30, (end - start).days), summary
        )

    for year in range(start.year, end.year + 1):
        last = D(year, 12, 31)
        if (last - start).days > 60 and (last < end or plan.state != CLOSED and last == end):
            published = D(year + 1, 1, 1) + random_days(rng, 20, 80)
            title = f"Årsuppföljning {year}, {place}"
            report(ReportKind.YEAR_END, title, max(start, D(year, 1, 1)), last, published)
    if plan.state == CLOSED:
        title = f"Slutredovisning {plan.obj.period_label}, {place}"
        report(ReportKind.FINAL, title, start, end, end + random_days(rng, 20, 70))
    return meetings, reports


def write_follow_ups(rng: random.Random, meetings: list, tallies: dict, reports: list) -> None:
    """Meetings, the assessment of each promise at those that assess, and reports."""
    objs = [
        FollowUpMeeting(
            period=m.plan.obj,
            kind=m.kind,
            status=m.status,
            date=m.day,
            time=m.time,
            forum=m.forum,
            public_summary=m.summary,
            internal_minutes=rng.choice(MINUTES) if m.status == MeetingStatus.HELD else "",
        )
        for m in meetings
    ]
    FollowUpMeeting.objects.bulk_create(objs, batch_size=BATCH)
    assessments = [
        Assessment(meeting=obj, promise=promise, rating=rating, comment=comment)
        for obj, m in zip(objs, meetings, strict=True)
        if m.as_of is not None
        for position, promise in enumerate(m.plan.promise_objs, start=1)
        for rating, comment in [assess(m.plan, tallies[m.plan.key], position, m.as_of)]
    ]
    Assessment.objects.bulk_create(assessments, batch_size=BATCH)
    Report.objects.bulk_create(reports, batch_size=BATCH)


# --- The whole dataset ------------------------------------------------------------------------
