"""The weekly reminder digest (`send_reminders`): who gets what, once per ISO week, in Swedish."""

import datetime
import io
import threading
from unittest import mock

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from activities.progress import Target as ProgressTarget
from activities.progress import behind_pace, compute_progress
from followups import reminders
from followups.models import MeetingKind, MeetingStatus, Report, ReportKind
from municipalities.models import Membership, NotificationPreference, ReminderDigest, Role
from promises.models import PeriodState
from tests import factories
from tests.e2e.data import ensure_reference_data
from tests.staff import staff_user

SITE = "https://medborgarloften.example.se"
# A Monday, ISO week 48 of 2026.
TODAY = datetime.date(2026, 11, 23)
D = datetime.date


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("send_reminders", "--today", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


def by_address(mailoutbox) -> dict:
    assert all(len(message.to) == 1 for message in mailoutbox)
    addresses = [message.to[0] for message in mailoutbox]
    assert len(addresses) == len(set(addresses)), "someone got two digests"
    return {message.to[0]: message for message in mailoutbox}


@pytest.fixture
def world(people):
    """Vetlanda's 2026 period with an activity behind pace and one on track, meetings planned
    this week and later, a tertial report published and one due; Tranås with its own."""
    people.made("colleague", "area_approver", "other_officer", "other_coordinator")
    home = factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31), slug="2026")
    behind = factories.activity(home, "Trafikkontroller")
    factories.log(behind, D(2026, 3, 2), 3)  # 3 of at least 15, 13.4 expected by now
    on_track = factories.activity(
        home, "Nattvandringar", target=("at_least", 4, "nattvandringar", "period")
    )
    factories.log(on_track, D(2026, 5, 2), 4)
    factories.activity(home, "Samverkan", target=None)
    factories.meeting(
        home,
        D(2026, 11, 25),
        status=MeetingStatus.PLANNED,
        kind=MeetingKind.TERTIAL,
        time=datetime.time(9, 30),
        forum="Trygg och säker kommun",
    )
    factories.meeting(home, D(2026, 12, 1), status=MeetingStatus.PLANNED)  # next week
    factories.meeting(home, D(2026, 11, 24))  # held already: nothing to remind of
    Report.objects.create(
        period=home,
        kind=ReportKind.TERTIAL,
        title="Tertial 1",
        body="…",
        covers_from=D(2026, 1, 1),
        covers_to=D(2026, 4, 30),
        published_on=D(2026, 5, 10),
    )
    Report.objects.create(  # a draft covers nothing
        period=home,
        kind=ReportKind.TERTIAL,
        title="Tertial 2",
        body="…",
        covers_from=D(2026, 5, 1),
        covers_to=D(2026, 8, 31),
    )
    other = factories.period("tranas", start=D(2026, 1, 1), end=D(2026, 12, 31), slug="2026")
    other_behind = factories.activity(other, "Tranås trygghetsvandringar")
    factories.log(other_behind, D(2026, 2, 2), 1)
    factories.meeting(other, D(2026, 11, 24), status=MeetingStatus.PLANNED, forum="Tranås BRÅ")
    return {"home": home, "behind": behind, "other": other}


def test_officer_gets_behind_activities_and_meetings_of_their_municipality_only(
    world, people, mailoutbox
):
    run()
    message = by_address(mailoutbox)[people.officer.email]
    body = message.body
    assert message.subject == "Medborgarlöften: veckosammanställning för vecka 48"
    assert "1 aktivitet som ligger efter plan" in body
    assert "- Trafikkontroller – efter plan" in body
    # 13.4 expected by now: shown rounded up, the whole number that would be on pace.
    assert "3 av minst 15 trafikkontroller; väntat hittills: 14" in body
    assert f"{SITE}/personal/aktiviteter/{world['behind'].pk}/" in body
    assert "Nattvandringar" not in body and "Samverkan" not in body
    assert "1 planerat uppföljningsmöte den kommande veckan (23–29 november 2026)" in body
    assert "onsdag 25 november 2026 kl. 09:30: Tertialuppföljning (Trygg och säker kommun)" in body
    assert "1 december" not in body
    # Nothing of Tranås, and no reports for a kommunpolis.
    assert "Tranås" not in body
    assert "redovisning" not in body.lower()
    assert f"{SITE}/personal/installningar/" in body


def test_coordinator_also_gets_the_reports_due(world, people, mailoutbox):
    run()
    body = by_address(mailoutbox)[people.coordinator.email].body
    assert "1 redovisning att publicera" in body
    # Tertial 1 has a published report; tertial 2 only a draft; tertial 3 has not ended.
    # Its draft is named, and the link goes to it (the start page's "Gör klart utkastet").
    draft = Report.objects.get(period=world["home"], title="Tertial 2")
    assert (
        "Vetlanda 2026: tertial 2 (1 maj\u00a0– 31 augusti 2026); "
        "ett utkast finns men är inte publicerat: Tertial 2"
    ) in body
    assert "tertial 1" not in body and "tertial 3" not in body
    assert f"{SITE}/personal/redovisningar/{draft.pk}/" in body
    assert "1 aktivitet som ligger efter plan" in body and "1 planerat uppföljningsmöte" in body


def test_other_municipality_staff_see_only_theirs(world, people, mailoutbox):
    run()
    sent = by_address(mailoutbox)
    body = sent[people.other_officer.email].body
    assert "Tranås trygghetsvandringar" in body and "Tranås BRÅ" in body
    assert "Trafikkontroller" not in body and "Trygg och säker kommun" not in body
    other_body = sent[people.other_coordinator.email].body
    assert "Tranås 2026: tertial 2" in other_body
    # No draft written: the link goes to the period's page.
    assert "utkast" not in other_body
    assert f"{SITE}/personal/perioder/{world['other'].pk}/" in other_body


def test_approvers_admins_without_membership_and_inactive_users_get_nothing(
    world, people, mailoutbox
):
    people.made("admin", "inactive_coordinator", "no_role")
    output = run()
    assert set(by_address(mailoutbox)) == {
        people.officer.email,
        people.colleague.email,
        people.coordinator.email,
        people.other_officer.email,
        people.other_coordinator.email,
    }
    assert "5 users e-mailed, 0 skipped as already sent, 0 with nothing to say" in output


def test_plural_and_police_area_membership(world, people, mailoutbox):
    for title in ("Hastighetskontroller", "Narkotikainsatser"):
        factories.log(factories.activity(world["home"], title), D(2026, 1, 5), 1)
    run()
    body = by_address(mailoutbox)[people.officer.email].body  # through Lokalpolisområde Höglandet
    assert "3 aktiviteter som ligger efter plan" in body
    assert body.index("Trafikkontroller") < body.index("Hastighetskontroller")


def test_nothing_to_say_sends_nothing(people, mailoutbox):
    # No activities, and its first tertial has not ended.
    factories.period(start=D(2026, 11, 1), end=D(2027, 10, 31))
    output = run()
    assert mailoutbox == []
    assert "0 users e-mailed, 0 skipped as already sent, 2 with nothing to say" in output
    assert not ReminderDigest.objects.exists()


def test_a_second_run_in_the_same_iso_week_sends_nothing(world, people, mailoutbox):
    run()
    first = len(mailoutbox)
    assert first == 5
    output = run()
    assert len(mailoutbox) == first
    assert "0 users e-mailed, 5 skipped as already sent" in output
    # Later the same week (Sunday) still counts as the same ISO week.
    out = io.StringIO()
    call_command("send_reminders", "--today", "2026-11-29", stdout=out)
    assert len(mailoutbox) == first
    assert ReminderDigest.objects.filter(iso_year=2026, iso_week=48).count() == 5


def test_a_new_week_sends_again(world, people, mailoutbox):
    run()
    mailoutbox.clear()
    call_command("send_reminders", "--today", "2026-11-30", stdout=io.StringIO())
    assert people.coordinator.email in by_address(mailoutbox)
    assert ReminderDigest.objects.filter(user=people.coordinator, iso_week=49).exists()


def test_iso_week_across_the_new_year(people):
    # 1 January 2027 is a Friday in ISO week 53 of 2026.
    assert reminders.iso_week(D(2027, 1, 1)) == (2026, 53)
    assert reminders.iso_week(D(2027, 1, 4)) == (2027, 1)


def test_opted_out_users_get_nothing(world, people, mailoutbox):
    NotificationPreference.objects.create(user=people.coordinator, email_enabled=False)
    run()
    assert people.coordinator.email not in by_address(mailoutbox)
    assert not ReminderDigest.objects.filter(user=people.coordinator).exists()


def test_users_without_address_are_skipped(world, people, mailoutbox):
    people.colleague.email = ""
    people.colleague.save(update_fields=["email"])
    run()
    assert "" not in by_address(mailoutbox)
    assert len(mailoutbox) == 4


def test_dry_run_sends_and_records_nothing(world, people, mailoutbox):
    output = run("--dry-run")
    assert mailoutbox == []
    assert not ReminderDigest.objects.exists()
    assert (
        f"Would e-mail samordnare <{people.coordinator.email}>: 1 activities behind pace, "
        "1 meetings, 1 reports due" in output
    )
    assert "5 users would be e-mailed" in output and "dry run" in output
    run()
    assert len(mailoutbox) == 5


@pytest.mark.parametrize("value", ["23/11/2026", "2026-11-31", "igår", "20261123", "2026-W48-1"])
def test_today_must_be_an_iso_date(db, value):
    with pytest.raises(CommandError, match="--today"):
        call_command("send_reminders", "--today", value, stdout=io.StringIO())


def test_a_failed_send_releases_the_claim_so_the_next_run_retries(
    world, people, mailoutbox, monkeypatch
):
    def fail(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(mail.EmailMessage, "send", fail)
    with pytest.raises(CommandError, match="could not be sent"):
        run()
    assert not ReminderDigest.objects.exists()
    monkeypatch.undo()
    run()
    assert len(mailoutbox) == 5


def test_a_claim_made_by_a_concurrent_run_is_respected(world, people, mailoutbox, monkeypatch):
    # The other run claims the coordinator's digest after this run read the claims.
    real_claim = reminders._claim

    def claim(user, year, week):
        if user == people.coordinator:
            ReminderDigest.objects.create(user=user, iso_year=year, iso_week=week)
        return real_claim(user, year, week)

    monkeypatch.setattr(reminders, "_claim", claim)
    output = run()
    assert people.coordinator.email not in by_address(mailoutbox)
    assert "4 users e-mailed, 1 skipped as already sent" in output


@pytest.fixture
def reference_data(transactional_db):
    # A flush after an earlier transactional test can leave the database without the
    # migrations' reference data when the serialized copy is not restored; reload it then.
    ensure_reference_data()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL")
def test_two_concurrent_runs_send_each_digest_once(reference_data, world, people, mailoutbox):
    # Both runs read the week's claims (none) before either claims: the constraint decides.
    barrier = threading.Barrier(2, timeout=30)
    real_claim = reminders._claim
    waited = threading.local()

    def claim(user, year, week):
        if not getattr(waited, "done", False):
            waited.done = True
            barrier.wait()
        return real_claim(user, year, week)

    def one_run(results: list) -> None:
        try:
            results.append(reminders.send_digests(TODAY))
        finally:
            connections.close_all()

    results: list = []
    with mock.patch.object(reminders, "_claim", claim):
        threads = [threading.Thread(target=one_run, args=(results,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(results) == 2
    assert sum(len(result.sent) for result in results) == 5
    assert sum(len(result.already_sent) for result in results) == 5
    assert len(by_address(mailoutbox)) == 5
    assert ReminderDigest.objects.count() == 5


def test_query_count_does_not_grow_with_the_users(world, people, mailoutbox):
    def queries_of_a_run() -> int:
        ReminderDigest.objects.all().delete()
        with CaptureQueriesContext(connection) as captured:
            run()
        return len(captured)

    def writes() -> int:
        return len(mailoutbox) * 3  # per digest sent: savepoint, insert, release

    before = queries_of_a_run()
    base = before - writes()
    mailoutbox.clear()
    home, area = people.home, people.area
    for i in range(6):
        staff_user(f"polis{i}", role=Role.POLICE_OFFICER, municipality=home, with_device=False)
        user = staff_user(f"samordnare{i}", role=Role.COORDINATOR, local_police_area=area)
        Membership.objects.create(user=user, role=Role.APPROVER, municipality=people.other)
    after = queries_of_a_run()
    assert len(mailoutbox) == 17
    assert after - writes() == base
    # Recipients, memberships, activities, span sums, meetings, periods, reports, claims read.
    assert base <= 8


def test_behind_pace_includes_nothing_done_when_something_was_expected():
    target = ProgressTarget("at_least", 12, "kontroller", "period")

    def status(today, logs=()):
        progress = compute_progress(target, D(2026, 1, 1), D(2026, 12, 31), list(logs), today)
        return behind_pace(progress)

    assert status(D(2026, 1, 10)) is False  # nothing expected yet
    assert status(D(2026, 3, 1)) is True  # two expected, none done
    assert status(D(2027, 1, 5)) is False  # over: not achieved, no longer a reminder


def test_draft_and_closed_periods_give_nothing(people, mailoutbox):
    for state in (PeriodState.DRAFT, PeriodState.CLOSED):
        made = factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31), state=state)
        factories.activity(made)
    run()
    assert mailoutbox == []


@pytest.mark.django_db
def test_no_report_is_due_for_a_tertial_before_a_promise_was_registered():
    """Registered in December while it ran since January: the portal recorded nothing of the
    first two tertials, and asked for their reports at once."""
    registered = datetime.datetime(2026, 12, 6, 10, tzinfo=datetime.UTC)
    period = factories.period(
        "vetlanda",
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2027, 12, 31),
        registered_at=registered,
    )
    today = datetime.date(2027, 1, 20)
    due = reminders.due_reports(period, [], today)
    assert [(d.number, d.start.month) for d in due] == [(3, 9)]
    period.registered_at = None
    assert len(reminders.due_reports(period, [], today)) == 3
