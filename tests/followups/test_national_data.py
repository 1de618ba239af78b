"""generate_national_data: a deterministic, realistic national dataset written in bulk."""

import datetime
import hashlib
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.test import Client
from django.utils import timezone

from activities.models import Activity, ActivityLog, ActivityStatus, ActivityTotal, SpanTotal
from activities.progress import Comparator, Scope
from followups.models import Assessment, FollowUpMeeting, MeetingStatus, Report
from followups.national import swedish_date, swedish_number
from promises.models import (
    PUBLISHED_STATES,
    Extension,
    OutcomeIndicator,
    OutcomeMeasurement,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Signatory,
)

SMALL = ("--scale", "0.02", "--logs", "3000", "--seed", "1")


def generate(*args: str) -> str:
    out = io.StringIO()
    call_command("generate_national_data", *args, stdout=out)
    return out.getvalue()


def untimed(output: str) -> str:
    return re.sub(r"[0-9.]+ s\b", "", output)


def digest() -> str:
    """A fingerprint of the generated rows, automatic timestamps and database ids left out."""
    period = "period__municipality__code", "period__slug"
    querysets = [
        PromisePeriod.objects.values_list(
            "municipality__code", "slug", "area_name", "state", "start_date", "end_date",
            "signed_date", "decision_date", "decision_reference", "local_police_area__name",
        ),
        Signatory.objects.values_list(*period, "position", "name", "title", "organisation"),
        Promise.objects.values_list(*period, "position", "title", "description", "themes__slug"),
        Activity.promises.through.objects.values_list(
            "activity__period__slug", "activity__position", "promise__position"
        ),
        PeriodTransition.objects.values_list(*period, "from_state", "to_state", "at", "comment"),
        Activity.objects.values_list(
            *period, "position", "title", "description", "responsible", "target_comparator",
            "target_value", "target_scope", "status", "status_reason",
        ),
        ActivityLog.objects.values_list(
            "activity__period__municipality__code", "activity__period__slug",
            "activity__position", "date", "quantity", "place", "summary", "internal_note",
            "created_at", "withdrawn_at", "withdrawal_reason",
        ),
        FollowUpMeeting.objects.values_list(
            *period, "kind", "status", "date", "time", "forum", "public_summary"
        ),
        OutcomeIndicator.objects.values_list(
            "promise__period__slug", "promise__position", "name", "baseline_value", "baseline_date"
        ),
        OutcomeMeasurement.objects.values_list(
            "indicator__promise__period__slug", "indicator__name", "date", "value", "source_note"
        ),
        Assessment.objects.values_list(
            "meeting__period__slug", "meeting__date", "promise__title", "rating", "comment"
        ),
        Report.objects.values_list(*period, "kind", "title", "body", "published_on"),
    ]  # fmt: skip
    hashed = hashlib.sha256()
    for queryset in querysets:
        for row in sorted(queryset, key=repr):
            hashed.update(repr(row).encode())
    return hashed.hexdigest()


def wipe() -> None:
    """Empty what the command fills, children first; raw deletes, to skip signals and history."""
    tables = [
        SpanTotal, ActivityTotal, ActivityLog, Activity.promises.through, Activity, Assessment,
        OutcomeMeasurement, OutcomeIndicator,
        FollowUpMeeting, Report, Signatory, PeriodTransition, Extension, Promise.themes.through,
        Promise, PromisePeriod,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    """One small dataset for the module, in a transaction rolled back at its end.

    Each test's own transaction nests inside it (a savepoint), so a test may change the data.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate(*SMALL)
        transaction.set_rollback(True)


@pytest.fixture
def generated(dataset, db) -> str:
    return dataset


def test_same_seed_and_options_give_the_same_data(generated):
    first = digest()
    wipe()
    assert untimed(generate(*SMALL)) == untimed(generated)
    assert digest() == first


def test_the_summary_counts_what_was_written(generated):
    assert ActivityLog.objects.count() == 3000
    assert "logs            3000" in generated
    assert f"activities      {Activity.objects.count()}" in generated
    assert "municipalities  6" in generated


def test_every_covered_municipality_has_one_to_three_signed_periods(generated):
    published = PromisePeriod.objects.published()
    counts = published.filter(area_name="").values("municipality").annotate(n=Count("pk"))
    assert len(counts) == 6
    assert {row["n"] for row in counts} <= {1, 2, 3}
    assert not published.filter(
        Q(start_date__lt=datetime.date(2016, 1, 1)) | Q(end_date__gt=datetime.date(2027, 12, 31))
    ).exists()
    for period in published.prefetch_related("signatories", "transitions"):
        assert period.signed_date is not None and period.decision_date is not None
        assert period.decision_date <= period.signed_date <= timezone.localdate()
        assert len(period.signatories.all()) >= 2
        steps = [(t.from_state, t.to_state) for t in period.transitions.all()]
        assert steps[0] == ("", PeriodState.DRAFT)
        assert (PeriodState.DECIDED, PeriodState.SIGNED) in steps
        assert steps[-1][1] == period.state
        assert all(t.by_id is None for t in period.transitions.all())
        assert period.promises.count() in range(2, 6)
        assert period.activities.count() in range(4, 11)


def test_signed_periods_of_one_place_never_overlap(generated):
    periods = sorted(
        PromisePeriod.objects.published().values_list(
            "municipality", "area_name", "start_date", "end_date"
        )
    )
    for before, after in zip(periods, periods[1:], strict=False):
        if before[:2] == after[:2]:
            assert before[3] < after[2]


def test_malmo_has_two_overlapping_district_periods(generated):
    districts = PromisePeriod.objects.published().filter(
        municipality__code="1280", area_name__in=["Rosengård", "Centrum"]
    )
    rosengard, centrum = districts.get(area_name="Rosengård"), districts.get(area_name="Centrum")
    assert rosengard.start_date <= centrum.end_date and centrum.start_date <= rosengard.end_date
    assert rosengard.local_police_area != centrum.local_police_area
    assert rosengard.slug.startswith("rosengard-")


def test_logs_lie_inside_their_published_period_and_not_in_the_future(generated):
    logs = ActivityLog.objects.all()
    assert not logs.filter(
        Q(date__lt=F("activity__period__start_date"))
        | Q(date__gt=F("activity__period__end_date"))
        | Q(date__gt=timezone.localdate())
    ).exists()
    assert not logs.exclude(activity__period__state__in=PUBLISHED_STATES).exists()
    assert not logs.filter(created_at__gt=timezone.now()).exists()


def test_some_logs_are_withdrawn_with_a_reason_and_most_quantities_are_one(generated):
    withdrawn = ActivityLog.objects.filter(withdrawn_at__isnull=False)
    assert withdrawn.exists()
    assert not withdrawn.filter(withdrawal_reason="").exists()
    assert not withdrawn.filter(withdrawn_at__lt=F("created_at")).exists()
    assert ActivityLog.objects.filter(quantity=1).count() > 0.8 * 3000
    assert ActivityLog.objects.filter(quantity__gt=1).exists()
    assert ActivityLog.objects.exclude(place="").exists()
    assert ActivityLog.objects.exclude(summary="").exists()


def test_every_scope_and_comparator_and_party_is_present(generated):
    activities = Activity.objects.published()
    assert set(activities.values_list("target_scope", flat=True)) == {"", *Scope.values}
    assert set(activities.values_list("target_comparator", flat=True)) == {"", *Comparator.values}
    assert set(activities.values_list("responsible", flat=True)) == {
        "police", "municipality", "joint", "other", "unstated"
    }  # fmt: skip
    assert activities.exclude(partners="").exists()
    # An unstated owner is never guessed ("Vi ska …"); a bare count never reads "exakt".
    unstated = activities.filter(responsible="unstated").values_list("description", flat=True)
    assert all(text.startswith("Vi ska ") for text in unstated)
    bare = activities.filter(target_comparator="count").values_list("description", flat=True)
    assert bare and not any("exakt" in text for text in bare)
    assert not activities.filter(responsible="other", responsible_other="").exists()


def test_every_target_names_its_unit_in_the_singular_too(generated):
    """ "1 föräldrautbildning", never "1 föräldrautbildningar"."""
    targeted = Activity.objects.exclude(target_scope="")
    assert targeted.exists()
    assert not targeted.filter(target_unit_singular="").exists()
    assert not Activity.objects.filter(target_scope="").exclude(target_unit_singular="").exists()


def test_activities_without_a_target_have_statuses(generated):
    untargeted = Activity.objects.published().filter(target_value__isnull=True)
    statuses = set(untargeted.values_list("status", flat=True))
    assert {ActivityStatus.ONGOING, ActivityStatus.DONE, ActivityStatus.CANCELLED} <= statuses
    assert not untargeted.filter(status=ActivityStatus.CANCELLED, status_reason="").exists()


def test_follow_ups_are_written(generated):
    assert FollowUpMeeting.objects.exclude(public_summary="").exists()
    assert Assessment.objects.exists()
    assert Report.objects.published().exists()
    assert not Report.objects.filter(published_on__gt=timezone.localdate()).exists()
    today = timezone.localdate()
    held = FollowUpMeeting.objects.filter(status=MeetingStatus.HELD)
    assert not held.filter(date__gt=today).exists()
    assert not held.filter(internal_minutes="").exists()
    # A period in force has meetings planned ahead: in its span, with a time and a place, and
    # nothing said of them yet.
    planned = FollowUpMeeting.objects.filter(status=MeetingStatus.PLANNED)
    assert planned.exists()
    assert not planned.filter(date__lte=today).exists()
    assert not planned.filter(date__gt=F("period__end_date")).exists()
    assert not planned.filter(Q(time=None) | Q(forum="")).exists()
    assert not planned.exclude(public_summary="", internal_minutes="").exists()
    assert not planned.filter(assessments__isnull=False).exists()


def test_some_promises_are_followed_by_outcome_indicators(generated):
    today = timezone.localdate()
    indicators = OutcomeIndicator.objects.all()
    assert indicators.exists()
    assert not indicators.exclude(promise__period__state__in=PUBLISHED_STATES).exists()
    assert not indicators.filter(baseline_date__gt=F("promise__period__start_date")).exists()
    measurements = OutcomeMeasurement.objects.all()
    assert measurements.exists()
    assert not measurements.filter(date__gt=today).exists()
    assert not measurements.filter(date__lte=F("indicator__baseline_date")).exists()
    # A share in percent stays a share (the rule the forms apply).
    shares = measurements.filter(indicator__unit="%")
    assert not shares.filter(Q(value__lt=0) | Q(value__gt=100)).exists()
    # On the period page and in the open data.
    indicator = indicators.filter(measurements__isnull=False).first()
    client = Client()
    page = client.get(indicator.promise.period.get_absolute_url()).content.decode()
    assert indicator.name in page


def test_report_and_meeting_texts_write_swedish_dates_and_numbers(generated):
    bodies = list(Report.objects.values_list("body", flat=True))
    summaries = list(FollowUpMeeting.objects.values_list("public_summary", flat=True))
    texts = "\n".join(bodies + summaries)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", texts)  # no ISO dates
    assert not re.search(r"\b\d{4,} [a-zåäö]", texts)  # counts are grouped: "5 414 …"
    assert re.search(r"för .+, \d{1,2} [a-z]+ \d{4}\u00a0– \d{1,2} [a-z]+ \d{4}\.", bodies[0])
    assert "Tertialuppföljning till och med " in texts


def test_swedish_dates_and_numbers_of_the_generated_texts():
    assert swedish_date(datetime.date(2026, 3, 1)) == "1 mars 2026"
    assert swedish_number(5414) == "5\u00a0414"
    assert swedish_number(1234567) == "1\u00a0234\u00a0567"
    assert swedish_number(999) == "999"


def test_periods_in_the_making_are_not_public(generated, client):
    hidden = PromisePeriod.objects.exclude(state__in=PUBLISHED_STATES)
    assert hidden.exists()
    assert not hidden.filter(signed_date__isnull=False).exists()
    period = hidden.select_related("municipality").first()
    url = f"/kommuner/{period.municipality.slug}/{period.slug}/"
    assert client.get(url).status_code == 404


def test_a_generated_period_page_renders(generated, client):
    period = PromisePeriod.objects.get(municipality__code="1280", area_name="Rosengård")
    response = client.get(period.get_absolute_url())
    assert response.status_code == 200
    assert "Rosengård" in response.content.decode()


def test_refuses_a_database_that_holds_periods(generated):
    periods = PromisePeriod.objects.count()
    with pytest.raises(CommandError, match="empty"):
        generate(*SMALL)
    assert PromisePeriod.objects.count() == periods


def test_nothing_is_dated_after_the_given_today(generated):
    wipe()
    today = datetime.date(2024, 6, 30)
    generate("--scale", "0.01", "--logs", "500", "--today", today.isoformat())
    assert ActivityLog.objects.count() == 500
    assert not ActivityLog.objects.filter(date__gt=today).exists()
    assert not PeriodTransition.objects.filter(at__date__gt=today).exists()
    # Only what is planned lies ahead.
    assert not FollowUpMeeting.objects.filter(status="held", date__gt=today).exists()
    assert FollowUpMeeting.objects.planned().filter(date__gt=today).exists()
    assert not OutcomeMeasurement.objects.filter(date__gt=today).exists()
    assert not Report.objects.filter(published_on__gt=today).exists()
    assert PromisePeriod.objects.active(today).filter(municipality__code="1280").count() >= 2


def test_a_closed_period_has_the_day_of_its_close_step(generated):
    closed = PromisePeriod.objects.filter(state=PeriodState.CLOSED)
    assert closed.exists()
    for period in closed:
        step = period.transitions.get(to_state=PeriodState.CLOSED)
        assert period.closed_date == timezone.localdate(step.at), period
    assert (
        not PromisePeriod.objects.exclude(state=PeriodState.CLOSED)
        .exclude(closed_date=None)
        .exists()
    )
