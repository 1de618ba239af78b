"""Builds one demo period at a time, through the portal's own services and state machine.

A period is created as a draft with `create_period`, gets its promises and activities through
the editor's services, and moves through its lifecycle by `lifecycle.perform`, each step dated
in the past with `at`. Logs are collected and inserted in bulk (there are thousands).
"""

import copy
import datetime
import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from simple_history.utils import bulk_create_with_history

from activities import rollup
from activities import services as activity_services
from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.progress import Comparator, LogEntry, Progress, compute_progress
from activities.wording import pace_label, span_label, spans_in_report_words
from followups import reports
from followups import services as followup_services
from followups.demo import wording
from followups.models import Assessment, FollowUpMeeting, MeetingStatus, Rating, ReportKind
from municipalities.models import Municipality
from promises import lifecycle
from promises import services as promise_services
from promises.document_forms import save_proposal
from promises.lifecycle import Action, SignatoryData
from promises.models import DecisionProposal, Promise, PromisePeriod, Theme

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
SEED = 2026

# Responsible parties and comparators, short for the data tables of the scenarios.
POLICE, MUNICIPALITY, JOINT, OTHER = (
    Responsible.POLICE,
    Responsible.MUNICIPALITY,
    Responsible.JOINT,
    Responsible.OTHER,
)
AT_LEAST, AT_MOST = Comparator.AT_LEAST, Comparator.AT_MOST
# The singular of each unit the demo documents count ("1 av minst 1 trafikkontroll").
UNIT_SINGULARS = {
    "anmälda skadegörelser": "anmäld skadegörelse",
    "flygande inspektioner": "flygande inspektion",
    "fotpatruller": "fotpatrull",
    "hastighetsdämpande eller trafikfrämjande åtgärder": (
        "hastighetsdämpande eller trafikfrämjande åtgärd"
    ),
    "hastighetsmätningar": "hastighetsmätning",
    "informationsinsatser": "informationsinsats",
    "narkotikainsatser": "narkotikainsats",
    "riktade insatser": "riktad insats",
    "samverkansmöten": "samverkansmöte",
    "trafikkontroller": "trafikkontroll",
    "trygghetsvandringar": "trygghetsvandring",
}


# --- Dates -------------------------------------------------------------------------------------


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def spread(
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


def months(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    """First days of the calendar months that overlap start–end."""
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def day_in_month(month: datetime.date, day: int) -> datetime.date:
    return month.replace(day=min(day, 28))


def second_tuesday(month: datetime.date) -> datetime.date:
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
    # Kinds of follow-up meeting that count toward the activity when recorded as held.
    counted_meeting_kinds: tuple[str, ...] = ()


def _logged_the_evening_of(day: datetime.date, pks: list[int]) -> None:
    """Stamp logs as logged at 17:00 on their day (or now, if that is later)."""
    evening = min(at(day, 17), timezone.now())
    ActivityLog.objects.filter(pk__in=pks).update(created_at=evening)


class Builder:
    """Creates one period at a time with its children; collects logs for bulk inserts."""

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
        self._hour = 9
        self._drafted_at: datetime.datetime | None = None

    def start_period(
        self,
        municipality_name: str,
        slug: str,
        area: str,
        created_on: datetime.date,
        **fields,
    ) -> PromisePeriod | None:
        """Create the draft on `created_on`, or return None when it exists (then left untouched)."""
        municipality = Municipality.objects.get(name=municipality_name)
        if PromisePeriod.objects.filter(municipality=municipality, slug=slug).exists():
            return None
        draft = PromisePeriod(
            municipality=municipality, slug=slug, local_police_area=self.areas[area], **fields
        )
        self._drafted_at = at(min(created_on, self.today), 11)
        self.period = promise_services.create_period(
            draft, user=self.users["samordnare"], at=at(min(created_on, self.today), 9)
        )
        self.rng = random.Random(f"{SEED}:{municipality.code}:{slug}")
        self.promises, self.activities = [], []
        # Each step of the period's lifecycle is recorded an hour after the one before.
        self._hour = 9
        return self.period

    def step(
        self,
        action: str,
        day: datetime.date,
        username: str = "samordnare",
        comment: str = "",
        *,
        hour: int | None = None,
        **data,
    ):
        """A lifecycle step on `day` through the state machine, as `username` took it then."""
        if hour is None:
            self._hour += 1
            hour = self._hour
        record = lifecycle.perform(
            self.period,
            self.users[username],
            action,
            comment=comment,
            today=day,
            at=at(day, hour),
            notify=False,  # a step of the demo's past: nobody is e-mailed about it
            **data,
        )
        self.period.refresh_from_db()
        return record

    def approve(self, day: datetime.date, comment: str, username: str = "granskare") -> None:
        """An approver's approval in the afternoon of `day`."""
        self.step(Action.APPROVE, day, username, comment, hour=15)

    def decide(self, day: datetime.date, comment: str, decision: tuple[str, str]) -> None:
        """The decision on `day`: (decision body, reference number)."""
        body, reference = decision
        self.step(
            Action.DECIDE,
            day,
            comment=comment,
            decision_body=body,
            decision_date=day,
            decision_reference=reference,
        )

    def sign(self, day: datetime.date, comment: str, *people: tuple[str, str, str]) -> None:
        """The signing on `day` by `people`: (name, title, organisation)."""
        signatories = [SignatoryData(*person) for person in people]
        self.step(Action.SIGN, day, comment=comment, signed_date=day, signatories=signatories)

    def proposal(self, written_on: datetime.date, **texts) -> None:
        """The decision proposal (tjänsteutlåtande), dated as last saved on `written_on`."""
        proposal = DecisionProposal(period=self.period, **texts)
        proposal._history_date = at(written_on, 15)
        save_proposal(proposal, proposal.edit_version, user=self.users["samordnare"])
        # `updated_at` is the document's date; auto_now stamps it with the real today, and
        # save_proposal takes no moment.
        DecisionProposal.objects.filter(pk=proposal.pk).update(updated_at=at(written_on, 15))

    def revise_target(
        self,
        activity: Activity,
        day: datetime.date,
        *,
        value: int,
        description: str,
        reason: str,
        kind: str,
        username: str = "samordnare",
    ) -> None:
        """A revision on `day` that changes an activity's target, unless after today.

        Saved by the activity editor's service, which quotes the progress the public page showed
        on `day`: the logs up to then are inserted first.
        """
        if day > self.today:
            return
        self.insert_logs(until=day)
        edited = Activity.objects.get(pk=activity.pk)
        edited.target_value, edited.description = value, description
        edited._history_date = at(day, 14)  # the history dates the change as the revision does
        served = next(promises for each, promises in self.activities if each is activity)
        activity_services.save_activity(
            edited,
            user=self.users[username],
            expected_version=edited.edit_version,
            promises=served,
            # A past revision, recorded: nobody is e-mailed of it.
            revision=activity_services.RevisionData(kind, reason, notify=False),
            today=day,
            at=at(day, 14),
        )
        # Texts written after the revision quote the new target.
        activity.target_value, activity.description = value, description

    def add_promises(self, *items: tuple[str, str, tuple[str, ...]]) -> list[Promise]:
        """Promises (title, description, theme slugs) in document order."""
        user = self.users["samordnare"]
        for title, description, theme_slugs in items:
            promise = Promise(period=self.period, title=title, description=description)
            themes = [self.themes[slug] for slug in theme_slugs]
            promise_services.add_promise(
                promise, user=user, save_m2m=lambda p=promise, t=themes: p.themes.set(t)
            )
            self.promises.append(promise)
        return self.promises

    def add_activities(
        self,
        specs: Sequence[ActivitySpec],
        status: str = ActivityStatus.ONGOING,
        statuses: dict[int, str] | None = None,
    ) -> list[Activity]:
        """Activities in document order with `status`; `statuses` maps positions to others."""
        created = []
        for position, spec in enumerate(specs, start=1):
            comparator, value, unit, scope = spec.target or ("", None, "", "")
            activity = Activity(
                title=spec.title,
                description=spec.description,
                responsible=spec.responsible,
                responsible_other=spec.other,
                target_comparator=comparator,
                target_value=value,
                target_unit=unit,
                target_unit_singular=UNIT_SINGULARS.get(unit, ""),
                target_scope=scope,
                status=(statuses or {}).get(position, status),
                counted_meeting_kinds=list(spec.counted_meeting_kinds),
            )
            served = [self.promises[number - 1] for number in spec.promises]
            activity._history_date = self._drafted_at  # written with the draft, not today
            activity_services.create_activity(
                activity, period=self.period, user=self.users["samordnare"], promises=served
            )
            del activity._history_date  # a later save of this object is dated when it happens
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
            log.withdrawn_at = at(min(day + 2 * ONE_DAY, self.today), 8)
            log.withdrawn_by = reporter
            log.withdrawal_reason = withdrawn
        self.logs.append(log)
        self._logs_by_activity[activity.pk].append(log)

    def insert_logs(self, until: datetime.date | None = None) -> None:
        """Insert the collected logs (those dated up to `until`) and count them into the rollup."""
        ready = [log for log in self.logs if until is None or log.date <= until]
        self.logs = [log for log in self.logs if until is not None and log.date > until]
        bulk_create_with_history(ready, ActivityLog, batch_size=500)
        # Logged the evening of their day, as an officer does (the insert stamps them now, and
        # every log would read as logged late: `ActivityLog.logged_late`).
        by_day: dict[datetime.date, list[int]] = {}
        for log in ready:
            by_day.setdefault(log.date, []).append(log.pk)
        for day, pks in by_day.items():
            _logged_the_evening_of(day, pks)
        # Bulk inserts send no signals: count the new logs into the progress rollup.
        rollup.rebuild(
            Activity.objects.filter(pk__in={log.activity_id for log in ready}).select_related(
                "period"
            )
        )
        # The meetings recorded before these logs were inserted judged by figures that held
        # them (they were logged before): kept as the meetings had them.
        self._refigure_meetings()

    def _refigure_meetings(self) -> None:
        held = FollowUpMeeting.objects.filter(period=self.period, status=MeetingStatus.HELD)
        for meeting in held.select_related("period").prefetch_related("assessments"):
            figures = followup_services.meeting_figures(meeting)
            assessments = list(meeting.assessments.all())
            for assessment in assessments:
                assessment.figures = figures.get(assessment.promise_id, [])
            Assessment.objects.bulk_update(assessments, ["figures"])

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

    def assess(self, promise: Promise, as_of: datetime.date) -> tuple[Promise, str, str]:
        """Rate a promise from the pace of its activities with targets on a day (`as_of`)."""
        statuses, lines = [], []
        for activity, served in self.activities:
            if promise not in served or activity.target is None:
                continue
            progress = self.progress(activity, as_of)
            statuses.append(progress.status)
            words = wording.progress_words(activity, progress)
            if progress.target.is_average:
                words += f", mål {wording.target_words(activity)}"
            lines.append(f"{activity.title}: {words} ({pace_label(progress.status)}).")
        if not statuses:
            return promise, Rating.NOT_ASSESSED, ""
        good = sum(status in wording.GOOD_PACE for status in statuses)
        if good == len(statuses):
            rating = Rating.ON_TRACK
        elif good == 0:
            rating = Rating.NOT_ON_TRACK
        else:
            rating = Rating.PARTLY
        # The figures it judged by are kept with the assessment when it is recorded
        # (`Assessment.figures`); the comment says which span the meeting looked back on.
        # A final meeting counts to the day after the period (each span judged once ended); the
        # comment names the period's last day, not that day ("läget den 1 januari 2025", a tester).
        end = self.period.end_date
        looked_at = min(as_of, end) if end is not None else as_of
        return promise, rating, _looked_back_on(looked_at, len(lines))

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
        if assessments is None:
            assessments = [self.assess(promise, as_of or day) for promise in self.promises]
        # Recorded through the service as the coordinator does: a meeting of a kind an activity
        # counts logs one occurrence of it.
        logs = followup_services.record_meeting(
            FollowUpMeeting(period=self.period, kind=kind, date=day),
            self.users["samordnare"],
            assessments=[
                followup_services.AssessmentData(promise, rating, comment)
                for promise, rating, comment in assessments
            ],
            public_summary=summary,
            internal_minutes=minutes,
        )
        # The service stamps the log counting the meeting now: recorded the evening of the
        # meeting, as `insert_logs` stamps the others (Tranemo's page read "10 november 2026
        # (loggad 7 december 2026)" for every monthly meeting), and counted in the texts of the
        # reports (`count`; the year's report said "pågår." where its figures said 11).
        _logged_the_evening_of(day, [log.pk for log in logs])
        for log in logs:
            self._logs_by_activity[log.activity_id].append(log)

    def results(self, start: datetime.date, end: datetime.date, *, final: bool) -> str:
        """One line per activity: what was done from start to end, against its target."""
        lines = []
        # A final report judges each span after it ended; a year-end report judges the pace.
        as_of = end + ONE_DAY if final else end
        # Each judged against its target on that day, as the report's frozen figures are.
        then = reports.targets_on([activity for activity, _ in self.activities], as_of)
        for current, _served in self.activities:
            activity = copy.copy(current)
            target = then[activity.pk]
            if target is not None:
                activity.target_comparator, activity.target_value = target.comparator, target.value
                activity.target_unit, activity.target_scope = target.unit, target.scope
            done = self.count(activity, start, end)
            if activity.target is None:
                line = f"- {activity.title}: {activity.get_status_display()}"
                if done:
                    line += f" ({wording.occasions(done)})"
                lines.append(line + ".")
                continue
            progress = self.progress(activity, as_of)
            result = f"{done} {activity.target_unit}"
            if progress.target.is_average and progress.average is not None:
                # The average is the period's so far, not the span's: said so.
                result += f", {wording.progress_words(activity, progress)} sedan periodens början"
            if final and len(progress.spans) > 1:
                result += f"; {wording.span_results(activity, progress)}"
            status = f" – {pace_label(progress.status)}"
            # A recurring target: how its spans that ended in the report went, as the report's
            # figures say it; the status is then the current span's, and said so.
            spans = "" if final else spans_in_report_words(progress, start, end)
            if spans:
                current = progress.current
                status = f"; {spans}"
                if current is not None and current.span.end > end:
                    index = progress.spans.index(current)
                    label = span_label(progress, index)
                    status += f" – {pace_label(progress.status).lower()} för {label}"
            lines.append(
                f"- {activity.title}: {result} (mål: {wording.target_words(activity)}){status}."
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
        """A report drafted, edited and published by the coordinator through the services (its
        figures frozen as of `published_on`, its PDF stored); skipped until published."""
        if published_on > self.today:
            return
        start, end = covers
        # The figures count the logs dated in the span: those must be in the database by now.
        self.insert_logs(until=end)
        user = self.users["samordnare"]
        report = followup_services.draft_report(
            self.period, user, kind=kind, covers_from=start, covers_to=end, today=published_on
        )
        body = "\n\n".join([intro, self.results(start, end, final=kind == ReportKind.FINAL), outro])
        report = followup_services.update_report(report, user, title=title, body=body)
        # A report of the demo's past: nobody is e-mailed about it.
        followup_services.publish_report(report, user, today=published_on, notify=False)


def _looked_back_on(as_of: datetime.date, activities: int) -> str:
    """A coordinator's comment on an assessment: what it looked back on."""
    noun = "aktiviteten" if activities == 1 else f"de {activities} aktiviteterna"
    # The day first: "… med mål den 30 april 2026" read as the targets' due date (a tester).
    return f"Bedömt utifrån läget den {date_format(as_of, 'j F Y')} för {noun} med mål."
