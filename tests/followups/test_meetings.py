"""Follow-up meetings: plan, record as held (counting toward activities), cancel, withdraw."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape

from activities.models import Activity, ActivityLog
from activities.progress import PaceStatus
from activities.services import withdraw_log
from activities.wording import with_status
from followups import services
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingKind,
    MeetingStatus,
    Rating,
)
from promises.models import PromisePeriod
from tests import factories
from tests.staff import sign_in

TODAY = timezone.localdate()
START = datetime.date(TODAY.year, 1, 1)
END = datetime.date(TODAY.year, 12, 31)


@pytest.fixture
def period(people):
    people.made("coordinator", "officer")
    period = factories.period(people.home.slug, start=START, end=END)
    promise = factories.promise(period, "Ett tryggare centrum")
    monthly = factories.activity(
        period,
        "Månatlig uppföljning med Trygg och säker kommun",
        target=None,
        counted_meeting_kinds=[MeetingKind.MONTHLY],
    )
    monthly.promises.add(promise)
    factories.activity(period, "Trafikkontroller", position=2)
    return period


def _record_body(period, **fields) -> dict:
    body = {
        "kind": "monthly",
        "date": TODAY.isoformat(),
        "time": "13:30",
        "forum": "Trygg och säker kommun",
        "participants": "Polisen, kommunens trygghetssamordnare",
        "public_summary": "Genomgång av läget i centrum.",
        "decisions": "Fler trygghetsvandringar i höst.",
        "internal_minutes": "Intern diskussion.",
    }
    for promise in period.promises.all():
        body[f"promise-{promise.pk}-rating"] = "partly"
        body[f"promise-{promise.pk}-comment"] = "Delvis enligt plan."
    for activity in period.activities.all():
        body[f"activity-{activity.pk}-text"] = ""
    return {**body, **fields}


def _public_done(period, title: str) -> int:
    """The quantity the public progress counts for the activity `title` (from the rollup)."""
    activity = period.activities.get(title=title)
    return activity.progress(TODAY).total_done


@pytest.mark.django_db
def test_a_held_meeting_that_counts_raises_the_public_count_and_withdrawing_lowers_it(
    client, people, period
):
    title = "Månatlig uppföljning med Trygg och säker kommun"
    before = _public_done(period, title)
    sign_in(client, people.coordinator)

    response = client.post(
        reverse("followups:meeting_record_new", args=[period.pk]), _record_body(period)
    )

    assert response.status_code == 302
    meeting = FollowUpMeeting.objects.get()
    assert meeting.status == MeetingStatus.HELD
    assert _public_done(period, title) == before + 1
    assert _public_done(period, "Trafikkontroller") == 0
    log = ActivityLog.objects.get(meeting=meeting)
    assert log.reported_by == people.coordinator
    assert log.summary == "Genomgång av läget i centrum."

    response = client.post(
        reverse("followups:meeting_withdraw", args=[meeting.pk]), {"reason": "Fel period."}
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.WITHDRAWN
    assert meeting.status_reason == "Fel period."
    assert _public_done(period, title) == before
    log.refresh_from_db()
    assert log.withdrawn_at is not None
    assert log.withdrawal_reason == "Fel period."


@pytest.mark.django_db
def test_a_meeting_recorded_as_its_counting_activity_is_cancelled_is_saved_without_its_log(
    client, people, period, monkeypatch
):
    """The activity counted the meeting when the record began and was cancelled before its log
    was saved: the meeting is recorded, the cancelled activity gets no log (not a 500)."""
    from activities.models import ActivityStatus
    from activities.services import set_activity_status

    monthly = period.activities.get(counted_meeting_kinds=[MeetingKind.MONTHLY])
    counting = services.counting_activities

    def cancelled_meanwhile(meeting):
        found = counting(meeting)
        set_activity_status(monthly, people.coordinator, ActivityStatus.CANCELLED, "Upphör")
        return found

    monkeypatch.setattr(services, "counting_activities", cancelled_meanwhile)
    sign_in(client, people.coordinator)

    response = client.post(
        reverse("followups:meeting_record_new", args=[period.pk]), _record_body(period)
    )

    assert response.status_code == 302
    assert FollowUpMeeting.objects.get().status == MeetingStatus.HELD
    assert not ActivityLog.objects.filter(activity=monthly).exists()


@pytest.mark.django_db
def test_a_form_sent_twice_makes_one_meeting_or_report(client, people, period):
    # A double click on a page without JavaScript sends the same form, with the same hidden
    # key, twice: the second finds what the first made.
    sign_in(client, people.coordinator)
    title = "Månatlig uppföljning med Trygg och säker kommun"
    forms = {
        "meeting_record_new": _record_body(period),
        "meeting_plan": {
            "kind": "monthly",
            "date": END.isoformat(),
            "time": "13:30",
            "forum": "KS",
        },
    }
    for name, body in forms.items():
        url = reverse(f"followups:{name}", args=[period.pk])
        key = client.get(url).context["form"]["idempotency_key"].value()
        first = client.post(url, {**body, "idempotency_key": key})
        second = client.post(url, {**body, "idempotency_key": key})
        assert first.status_code == second.status_code == 302
        assert second["Location"] == first["Location"]
    assert FollowUpMeeting.objects.filter(status=MeetingStatus.HELD).count() == 1
    assert FollowUpMeeting.objects.filter(status=MeetingStatus.PLANNED).count() == 1
    planned = [str(m) for m in first.wsgi_request._messages]
    assert f"Planerat: månadsmöte den {date_format(END, 'j F Y')}." in planned
    assert _public_done(period, title) == 1  # the held meeting counted once
    messages = [str(m) for m in second.wsgi_request._messages]
    assert "Redan sparat: formuläret skickades två gånger men sparades en gång." in messages

    url = reverse("followups:report_create", args=[period.pk])
    body = {"kind": "final", "covers_from": START.isoformat(), "covers_to": TODAY.isoformat()}
    key = client.get(url).context["form"]["idempotency_key"].value()
    first = client.post(url, {**body, "idempotency_key": key})
    second = client.post(url, {**body, "idempotency_key": key})
    assert second["Location"] == first["Location"]
    assert period.reports.count() == 1
    # Another submission (a new page, a new key) makes another, of another kind (the same kind
    # and span is refused: the draft exists).
    other = client.get(url).context["form"]["idempotency_key"].value()
    assert other != key
    client.post(url, {**body, "kind": "tertial", "idempotency_key": other})
    assert period.reports.count() == 2


@pytest.mark.django_db
def test_recording_keeps_assessments_verdicts_and_minutes(client, people, period):
    sign_in(client, people.officer)
    traffic = period.activities.get(title="Trafikkontroller")
    body = _record_body(period, **{f"activity-{traffic.pk}-text": "Genomfört, dock färre."})

    client.post(reverse("followups:meeting_record_new", args=[period.pk]), body)

    meeting = FollowUpMeeting.objects.get()
    assert meeting.internal_minutes == "Intern diskussion."
    assert meeting.decisions == "Fler trygghetsvandringar i höst."
    assert [a.rating for a in Assessment.objects.filter(meeting=meeting)] == [Rating.PARTLY]
    verdict = ActivityVerdict.objects.get(meeting=meeting)
    assert (verdict.activity, verdict.text) == (traffic, "Genomfört, dock färre.")
    assert meeting.history.count() == 1


@pytest.mark.django_db
def test_recording_a_meeting_planned_ahead_says_when_it_is_planned_first(client, people, period):
    """A coordinator filled in the whole form for next week's meeting, then was refused."""
    ahead = TODAY + datetime.timedelta(days=4)
    coming = services.plan_meeting(period, people.coordinator, kind=MeetingKind.MONTHLY, date=ahead)
    today = services.plan_meeting(period, people.coordinator, kind=MeetingKind.MONTHLY, date=TODAY)
    sign_in(client, people.coordinator)

    def page(meeting) -> str:
        url = reverse("followups:meeting_record", args=[meeting.pk])
        return " ".join(client.get(url).content.decode().split())

    note = (
        f"Mötet är planerat till {date_format(ahead, 'j F Y')}: registrera det när det har hållits."
    )
    assert note in page(coming)
    assert "Mötet är planerat till" not in page(today)


@pytest.mark.django_db
def test_a_meeting_recorded_days_later_shows_the_figures_of_its_own_day(client, people, period):
    """Its figures are kept as of its day; the form showed today's, labelled "Läget i dag"."""
    held = TODAY - datetime.timedelta(days=3)
    meeting = services.plan_meeting(
        period, people.coordinator, kind=MeetingKind.MONTHLY, date=TODAY
    )
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(date=held)
    checks = period.activities.get(title="Trafikkontroller")
    factories.log(checks, held - datetime.timedelta(days=2), 1)
    factories.log(checks, TODAY, 5)
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_record", args=[meeting.pk])

    page = " ".join(client.get(url).content.decode().split())

    assert f"Läget den {date_format(held, 'j F Y')}:" in page and "Läget i dag" not in page
    assert "1 av minst 15 trafikkontroller" in page and "6 av minst 15" not in page
    # The day given in the form, when the form comes back with an error, is the one shown.
    body = _record_body(period, date=TODAY.isoformat(), time="25:99")
    page = " ".join(client.post(url, body).content.decode().split())
    assert "Läget i dag:" in page and "6 av minst 15 trafikkontroller" in page


@pytest.mark.django_db
def test_a_planned_meeting_is_recorded_once(client, people, period):
    meeting = services.plan_meeting(
        period, people.coordinator, kind=MeetingKind.MONTHLY, date=TODAY
    )
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_record", args=[meeting.pk])

    client.post(url, _record_body(period))
    again = client.post(url, _record_body(period))

    assert again.status_code == 302
    assert FollowUpMeeting.objects.get().status == MeetingStatus.HELD
    assert ActivityLog.objects.filter(meeting=meeting).count() == 1
    with pytest.raises(services.MeetingStateError):
        services.record_meeting(meeting, people.coordinator, public_summary="Igen.")


@pytest.mark.django_db
def test_a_planned_meeting_is_cancelled_with_a_reason_and_stays_listed(client, people, period):
    meeting = services.plan_meeting(
        period, people.coordinator, kind=MeetingKind.TERTIAL, date=END, forum="KLG"
    )
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_cancel", args=[meeting.pk])

    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 200
    assert "reason" in refused.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED

    client.post(url, {"reason": "Flyttat till januari."})

    meeting.refresh_from_db()
    assert (meeting.status, meeting.status_reason) == ("cancelled", "Flyttat till januari.")
    listing = client.get(reverse("followups:meeting_list", args=[period.pk]))
    assert "KLG" in listing.content.decode()
    assert FollowUpMeeting.objects.count() == 1  # nothing is deleted


@pytest.mark.django_db
def test_a_held_meeting_cannot_be_dated_after_today_or_before_the_period(client, people, period):
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_record_new", args=[period.pk])

    for day in (TODAY + datetime.timedelta(days=1), START - datetime.timedelta(days=1)):
        response = client.post(url, _record_body(period, date=day.isoformat()))
        assert response.status_code == 200
        assert "date" in response.context["form"].errors

    assert not FollowUpMeeting.objects.exists()
    assert not ActivityLog.objects.exists()


def test_a_meeting_dated_after_today_is_told_to_be_planned_instead(client, people, period):
    """The third usability round's coordinator, preparing the next meeting, recorded it as held
    with its coming date and was told only that it could not be."""
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_record_new", args=[period.pk])
    tomorrow = TODAY + datetime.timedelta(days=1)

    response = client.post(url, _record_body(period, date=tomorrow.isoformat()))

    error = response.context["form"].errors["date"][0]
    assert "planeras i stället (Planera ett möte)" in error

    # A meeting already planned is not told to be planned.
    planned = services.plan_meeting(
        period, people.coordinator, kind=MeetingKind.MONTHLY, date=tomorrow
    )
    url = reverse("followups:meeting_record", args=[planned.pk])
    response = client.post(url, _record_body(period, date=tomorrow.isoformat()))
    error = response.context["form"].errors["date"][0]
    assert error.startswith("Ett hållet möte kan inte dateras efter i dag")
    assert "Planera" not in error


@pytest.mark.django_db
def test_only_held_meetings_with_a_summary_are_public(people, period):
    services.plan_meeting(period, people.coordinator, kind=MeetingKind.MONTHLY, date=END)
    held = FollowUpMeeting.objects.create(
        period=period, kind="monthly", date=START, status="held", public_summary="Hållet."
    )
    FollowUpMeeting.objects.create(
        period=period,
        kind="monthly",
        date=START,
        status="withdrawn",
        status_reason="Fel.",
        public_summary="Tillbakadraget.",
    )

    assert list(FollowUpMeeting.objects.public()) == [held]


@pytest.mark.django_db
def test_meetings_are_not_planned_for_a_draft(client, people):
    draft = factories.period(people.home.slug, start=START, end=END, state="draft")
    sign_in(client, people.coordinator)

    response = client.get(reverse("followups:meeting_plan", args=[draft.pk]))

    assert response.status_code == 403


@pytest.mark.django_db
def test_the_hub_links_to_the_meetings_of_a_signed_period(client, people, period):
    sign_in(client, people.approver)

    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    listing = client.get(reverse("followups:meeting_list", args=[period.pk])).content.decode()

    assert reverse("followups:meeting_list", args=[period.pk]) in hub
    # Approvers read the meetings but are not offered to plan or record them.
    assert reverse("followups:meeting_plan", args=[period.pk]) not in listing


@pytest.mark.django_db
def test_the_calendar_of_planned_meetings_parses_and_shows_public_fields_only(client, people):
    import icalendar

    period = factories.period(people.home.slug, start=START, end=END)
    services.plan_meeting(
        period,
        people.coordinator,
        kind=MeetingKind.TERTIAL,
        date=END,
        time=datetime.time(13, 30),
        forum="Trygg och säker kommun",
    )
    services.plan_meeting(period, people.coordinator, kind=MeetingKind.MONTHLY, date=END)
    FollowUpMeeting.objects.create(
        period=period,
        kind="monthly",
        date=START,
        status="held",
        public_summary="Hållet.",
        internal_minutes="Hemligt protokoll.",
    )
    draft = factories.period(
        people.home.slug, start=START, end=END + datetime.timedelta(days=400), state="draft"
    )
    services.plan_meeting(draft, people.coordinator, kind=MeetingKind.MONTHLY, date=END)

    response = client.get(reverse("followups:municipality_meetings_ics", args=[people.home.slug]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    # The planned meetings of the published period, and the held one (of this year)
    assert len(events) == 3
    summaries = sorted(str(event["summary"]) for event in events)
    name = people.home.name
    assert summaries == [
        f"Månadsmöte – medborgarlöften i {name}",
        f"Månadsmöte – medborgarlöften i {name}",
        f"Tertialuppföljning, Trygg och säker kommun – medborgarlöften i {name}",
    ]
    timed = next(e for e in events if "Tertial" in str(e["summary"]))
    # In UTC, which a calendar reads without a time zone definition; no end nobody entered.
    stockholm = timezone.make_aware(datetime.datetime.combine(END, datetime.time(13, 30)))
    assert timed.decoded("dtstart") == stockholm
    assert timed.decoded("dtstart").utcoffset() == datetime.timedelta(0)
    assert "dtend" not in timed
    assert "Hemligt" not in response.content.decode()
    assert "Samordnare" not in response.content.decode()
    missing = client.get(reverse("followups:municipality_meetings_ics", args=["finns-inte"]))
    assert missing.status_code == 404
    name = people.home.name
    assert str(calendar["x-wr-calname"]) == f"Medborgarlöften: {name}"
    english = client.get(f"/en/kommuner/{people.home.slug}/moten.ics")
    english_calendar = icalendar.Calendar.from_ical(english.content)
    assert str(english_calendar["x-wr-calname"]) == f"Citizen promises: {name}"
    assert str(english_calendar["prodid"]) == "-//Medborgarlöften//EN"


@pytest.mark.django_db
def test_changing_which_meetings_count_is_a_line_in_the_public_change_log(period):
    from activities.services import activity_changes

    old = period.activities.get(position=2)
    new = period.activities.get(position=2)
    new.counted_meeting_kinds = [MeetingKind.COLLABORATION]

    changes = activity_changes(old, new, list(old.promises.all()), TODAY)

    assert [(c.subject, c.old_value, c.new_value) for c in changes] == [
        (
            "Trafikkontroller",
            "inga uppföljningsmöten räknas",
            "uppföljningsmöten som räknas: samverkansmöte",
        )
    ]


@pytest.mark.django_db
def test_a_meeting_recorded_for_a_closed_period_logs_nothing(people, period):
    period.state = "closed"
    period.save(update_fields=["state"])

    logs = services.record_meeting(
        FollowUpMeeting(period=period, kind=MeetingKind.MONTHLY, date=TODAY),
        people.coordinator,
        public_summary="Slutlig uppföljning.",
    )

    assert logs == []
    assert FollowUpMeeting.objects.get().status == MeetingStatus.HELD


def test_an_activity_added_later_counts_no_meeting_held_before_it_existed(people, period):
    """A probe's activity added by a revision got a log dated months before it existed, through
    a held meeting; the log form refuses that date."""
    added = period.activities.get(position=1)
    added.counts_from = TODAY
    added.save()
    before = TODAY - datetime.timedelta(days=1) if TODAY > START else TODAY

    logs = services.record_meeting(
        FollowUpMeeting(period=period, kind=MeetingKind.MONTHLY, date=before),
        people.coordinator,
        public_summary="Månadsmöte.",
    )

    assert logs == [] if before < TODAY else len(logs) == 1
    assert not added.logs.filter(date__lt=TODAY).exists()


# -- Correcting a held meeting's record ------------------------------------------------------


def _held(client, period) -> FollowUpMeeting:
    client.post(reverse("followups:meeting_record_new", args=[period.pk]), _record_body(period))
    return FollowUpMeeting.objects.get(status=MeetingStatus.HELD)


def _correct(client, meeting, **fields):
    fields.setdefault("correction_reason", "Fel datum angavs.")
    body = _record_body(meeting.period, edit_version=str(meeting.edit_version), **fields)
    return client.post(reverse("followups:meeting_correct", args=[meeting.pk]), body)


@pytest.mark.django_db
def test_a_held_meetings_record_is_corrected_and_its_log_follows(client, people, period):
    title = "Månatlig uppföljning med Trygg och säker kommun"
    sign_in(client, people.coordinator)
    meeting = _held(client, period)
    before = _public_done(period, title)
    page = client.get(reverse("followups:meeting_correct", args=[meeting.pk])).content.decode()
    assert "Genomgång av läget i centrum." in page  # the record as it stands
    assert "Delvis enligt plan." in page
    yesterday = TODAY - datetime.timedelta(days=1) if TODAY > START else TODAY
    promise = period.promises.get()

    response = _correct(
        client,
        meeting,
        date=yesterday.isoformat(),
        public_summary="Genomgång av läget i centrum och vid stationen.",
        **{f"promise-{promise.pk}-rating": "on_track", f"promise-{promise.pk}-comment": ""},
    )

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.date, meeting.public_summary) == (
        yesterday,
        "Genomgång av läget i centrum och vid stationen.",
    )
    assert meeting.edit_version == 2
    assert [(a.rating, a.comment) for a in Assessment.objects.filter(meeting=meeting)] == [
        ("on_track", "")
    ]
    [log] = ActivityLog.objects.filter(meeting=meeting)
    assert (log.date, log.summary, log.withdrawn_at) == (yesterday, meeting.public_summary, None)
    assert _public_done(period, title) == before  # still counted once
    assert meeting.history.count() == 2  # the earlier record is kept
    detail = client.get(reverse("followups:meeting_detail", args=[meeting.pk]), follow=True)
    assert "Registreringen av mötet är rättad." in detail.content.decode()


@pytest.mark.django_db
def test_a_corrected_kind_moves_the_count_to_the_activities_that_count_it(client, people, period):
    title = "Månatlig uppföljning med Trygg och säker kommun"
    sign_in(client, people.coordinator)
    meeting = _held(client, period)
    counted = _public_done(period, title)

    _correct(client, meeting, kind="tertial")

    assert _public_done(period, title) == counted - 1
    [log] = ActivityLog.objects.filter(meeting=meeting)
    assert log.withdrawn_at is not None
    assert "räknar inte längre" in log.withdrawal_reason
    meeting.refresh_from_db()
    _correct(client, meeting, kind="monthly")
    assert _public_done(period, title) == counted
    assert ActivityLog.objects.filter(meeting=meeting, withdrawn_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_a_meeting_log_a_coordinator_withdrew_stays_withdrawn_after_a_correction(
    client, people, period
):
    title = "Månatlig uppföljning med Trygg och säker kommun"
    sign_in(client, people.coordinator)
    meeting = _held(client, period)
    [log] = ActivityLog.objects.filter(meeting=meeting)
    withdraw_log(log, people.coordinator, "Mötet ska inte räknas.")
    counted = _public_done(period, title)

    _correct(client, meeting, public_summary="Genomgång av läget, rättad text.")

    assert ActivityLog.objects.filter(meeting=meeting).count() == 1
    log.refresh_from_db()
    assert (log.withdrawn_at is not None, log.withdrawal_reason) == (True, "Mötet ska inte räknas.")
    assert _public_done(period, title) == counted


def test_a_meeting_held_after_the_period_ended_logs_nothing(people, period):
    ended = TODAY - datetime.timedelta(days=3)
    PromisePeriod.objects.filter(pk=period.pk).update(
        start_date=ended - datetime.timedelta(days=300), end_date=ended
    )
    period.refresh_from_db()

    logs = services.record_meeting(
        FollowUpMeeting(period=period, kind=MeetingKind.MONTHLY, date=TODAY),
        people.coordinator,
        public_summary="Slutuppföljning efter periodens slut.",
    )

    assert logs == []
    assert not ActivityLog.objects.exists()


@pytest.mark.django_db
def test_a_correction_based_on_an_older_record_is_shown_not_saved(client, people, period):
    sign_in(client, people.coordinator)
    meeting = _held(client, period)
    _correct(client, meeting, public_summary="Första rättelsen.")

    response = _correct(client, meeting, public_summary="Andra rättelsen, från en äldre sida.")

    assert response.status_code == 200
    assert response.context["form"].conflict is not None
    page = response.content.decode()
    assert "Första rättelsen." in page and "Andra rättelsen, från en äldre sida." in page
    meeting.refresh_from_db()
    assert meeting.public_summary == "Första rättelsen."


@pytest.mark.django_db
def test_the_meeting_form_asks_for_the_kind_of_meeting_first(client, people, period):
    sign_in(client, people.coordinator)
    page = client.get(reverse("followups:meeting_plan", args=[period.pk])).content.decode()
    assert '<option value="" selected>Välj typ av möte</option>' in page
    assert "---------" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("13:30", datetime.time(13, 30)),
        ("13.30", datetime.time(13, 30)),  # the Swedish standard's way
        ("kl. 13.30", datetime.time(13, 30)),
        ("Kl 9", datetime.time(9)),
        ("9", datetime.time(9)),
        ("", None),
    ],
)
def test_a_meeting_time_is_read_as_swedes_write_it(client, people, period, written, read):
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_plan", args=[period.pk])
    key = client.get(url).context["form"]["idempotency_key"].value()
    body = {"kind": "monthly", "date": END.isoformat(), "time": written, "forum": "KS"}

    response = client.post(url, {**body, "idempotency_key": key})

    assert response.status_code == 302
    assert FollowUpMeeting.objects.get().time == read


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"date": "2026-02-30"},
        {"date": (TODAY + datetime.timedelta(days=1)).isoformat()},
        {"public_summary": ""},
        {"time": "25:99"},
        {"edit_version": "x"},
        {"kind": "nonsense"},
        {"public_summary": "\x00"},
        {"correction_reason": ""},  # a correction says why
    ],
)
def test_bad_corrections_are_refused_with_errors_not_saved(client, people, period, fields):
    sign_in(client, people.coordinator)
    meeting = _held(client, period)
    body = _record_body(
        period, edit_version=str(meeting.edit_version), correction_reason="Fel datum angavs."
    )
    body.update(fields)

    response = client.post(reverse("followups:meeting_correct", args=[meeting.pk]), body)

    assert response.status_code == 200
    assert response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.edit_version == 1


@pytest.mark.django_db
def test_only_a_held_meeting_is_corrected_and_only_by_who_manages_followups(client, people, period):
    planned = factories.meeting(period, TODAY, status=MeetingStatus.PLANNED)
    sign_in(client, people.coordinator)
    response = client.get(reverse("followups:meeting_correct", args=[planned.pk]))
    assert response.status_code == 302
    held = _held(client, period)
    detail = client.get(reverse("followups:meeting_detail", args=[held.pk])).content.decode()
    assert reverse("followups:meeting_correct", args=[held.pk]) in detail

    # The approver sees the period's meetings but manages none.
    sign_in(client, people.approver)
    assert client.get(reverse("followups:meeting_correct", args=[held.pk])).status_code == 403
    response = _correct(client, held, public_summary="Ändrad av fel person.")
    assert response.status_code == 403
    held.refresh_from_db()
    assert held.public_summary == "Genomgång av läget i centrum."


@pytest.mark.django_db
def test_a_meeting_is_planned_from_today_on_and_a_past_one_is_recorded_instead(
    client, people, period
):
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_plan", args=[period.pk])
    body = {"kind": "monthly", "time": "", "forum": ""}

    past = client.post(url, {**body, "date": (TODAY - datetime.timedelta(days=1)).isoformat()})

    assert past.status_code == 200
    assert "registreras som hållet" in past.context["form"].errors["date"][0]
    assert not FollowUpMeeting.objects.exists()
    assert client.post(url, {**body, "date": TODAY.isoformat()}).status_code == 302


def test_the_municipality_page_lists_the_meetings_planned_from_today(client, people):
    period = factories.period(people.home.slug, start=START, end=END)
    services.plan_meeting(
        period,
        people.coordinator,
        kind=MeetingKind.CITIZEN_DIALOGUE,
        date=END,
        time=datetime.time(18, 30),
        forum="Medborgardialog på biblioteket",
    )
    draft = factories.period(
        people.home.slug, start=START, end=END + datetime.timedelta(days=400), state="draft"
    )
    services.plan_meeting(draft, people.coordinator, kind=MeetingKind.SAFETY_WALK, date=END)

    page = " ".join(client.get(f"/kommuner/{people.home.slug}/").content.decode().split())

    assert "Kommande möten" in page
    assert (
        f"<strong>31 december {END.year} kl. 18:30</strong> · Medborgardialog: "
        "Medborgardialog på biblioteket" in page
    )
    assert "Trygghetsvandring" not in page  # a draft's meeting is not public


@pytest.mark.django_db
def test_a_meeting_is_not_planned_in_the_hour_summer_time_skips(client, people, period):
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_plan", args=[period.pk])

    # The next last Sunday of March: the clocks go from 02:00 to 03:00.
    def last_sunday_of_march(year: int) -> datetime.date:
        return max(
            datetime.date(year, 3, day)
            for day in range(25, 32)
            if datetime.date(year, 3, day).weekday() == 6
        )

    sunday = last_sunday_of_march(TODAY.year)
    if sunday < TODAY:
        sunday = last_sunday_of_march(TODAY.year + 1)
    body = {"kind": "safety_walk", "forum": "", "date": sunday.isoformat()}

    skipped = client.post(url, {**body, "time": "02:30"})

    assert skipped.status_code == 200
    assert "Klockan 02:30 finns inte" in skipped.context["form"].errors["time"][0]
    assert not FollowUpMeeting.objects.exists()
    assert client.post(url, {**body, "time": "03:30"}).status_code == 302


def test_the_municipality_page_says_when_no_meeting_is_planned(client, people):
    factories.period(people.home.slug, start=START, end=END)  # in force, nothing planned
    page = client.get(f"/kommuner/{people.home.slug}/").content.decode()
    assert "Kommande möten" in page
    assert "Inget uppföljningsmöte är planerat ännu." in page
    other = client.get("/kommuner/tranas/").content.decode()  # no promise in force
    assert "Kommande möten" not in other


def test_a_held_meeting_logs_nothing_for_a_cancelled_activity(people, period):
    monthly = period.activities.get(position=1)
    monthly.status, monthly.status_reason = "cancelled", "Mötena har upphört."
    monthly.save()

    logs = services.record_meeting(
        FollowUpMeeting(period=period, kind=MeetingKind.MONTHLY, date=TODAY),
        people.coordinator,
        public_summary="Månadsmöte.",
    )

    assert logs == []
    assert not monthly.logs.exists()


@pytest.mark.django_db
def test_a_corrected_record_says_when_and_why_on_the_public_page(client, people, period):
    """An auditor: the page showed the corrected summary as if it had always read so."""
    sign_in(client, people.coordinator)
    meeting = _held(client, period)
    _correct(client, meeting, public_summary="Rättad sammanfattning.")
    meeting.refresh_from_db()
    assert (meeting.correction_reason, meeting.corrected_at is not None) == (
        "Fel datum angavs.",
        True,
    )
    client.logout()
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert f"Protokollet rättades den {date_format(TODAY, 'j F Y')}: Fel datum angavs." in page


@pytest.mark.django_db
def test_the_meeting_form_gives_each_activitys_figures_with_their_status(client, people, period):
    """A coordinator preparing the autumn meeting could not see which activities were behind:
    the form gave the figures without "efter plan"."""
    traffic = period.activities.get(title="Trafikkontroller")
    traffic.promises.add(period.promises.get())
    factories.log(traffic, TODAY, 1)
    progress = Activity.objects.with_progress_data().get(pk=traffic.pk).progress(TODAY)
    sign_in(client, people.coordinator)

    page = client.get(reverse("followups:meeting_record_new", args=[period.pk]))

    html = " ".join(page.content.decode().split())
    status = str(PaceStatus(progress.status).label)
    assert progress.status
    assert f"1 av minst 15 trafikkontroller ({status})" in html


@pytest.mark.django_db
def test_the_form_shows_todays_figures_in_the_words_the_record_keeps(client, people, period):
    """An activity without a target read "Läget i dag: 6 gånger" when the form was first shown
    and "hittills under perioden: 6 gånger (pågår)" once it came back with an error: the same
    figures in two wordings, only the second the record's."""
    promise = period.promises.get()
    walks = factories.activity(period, "Nattvandring", target=None)
    walks.promises.add(promise)
    factories.log(walks, TODAY, 6)
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_record_new", args=[period.pk])

    first = " ".join(client.get(url).content.decode().split())
    body = _record_body(period, date=TODAY.isoformat(), time="25:99")
    after_error = " ".join(client.post(url, body).content.decode().split())
    meeting = _held(client, period)

    kept = {row["activity"]: row for row in meeting.assessments.get().figures}["Nattvandring"]
    words = with_status(kept["progress"], kept["status"])
    assert "6 gånger" in words
    assert f"Läget i dag: {escape(words)}" in first
    assert f"Läget i dag: {escape(words)}" in after_error


@pytest.mark.django_db
def test_a_meeting_keeps_the_figures_it_judged_by_as_a_report_does(client, people, period):
    """A tester's meeting showed "enligt plan" with no figure: the form showed the progress
    beside each promise and kept none of it."""
    promise = period.promises.get()
    traffic = period.activities.get(title="Trafikkontroller")
    traffic.promises.add(promise)
    factories.log(traffic, TODAY, 3)
    sign_in(client, people.coordinator)
    meeting = _held(client, period)

    kept = {row["activity"]: row for row in meeting.assessments.get().figures}
    assert meeting.figures_as_of == TODAY
    assert "3 av minst 15 trafikkontroller" in kept["Trafikkontroller"]["progress"]
    assert kept["Trafikkontroller"]["status"]
    # A log entered afterwards changes the period's progress, not what the meeting had.
    factories.log(traffic, TODAY, 2)
    client.logout()
    page = client.get(period.get_absolute_url()).content.decode()
    day = date_format(TODAY, "j F Y")
    assert f"Siffrorna den {day}, som mötet hade dem" in page
    figures = page[page.index('class="meeting-figures"') :]
    assert "3 av minst 15 trafikkontroller" in figures[: figures.index("</details>")]
    assert "5 av minst 15 trafikkontroller" in page  # the activity's own line

    # Corrected on the same day: the figures it had stay; dated another day: that day's.
    sign_in(client, people.coordinator)
    _correct(client, meeting, public_summary="Rättad sammanfattning.")
    meeting.refresh_from_db()
    kept = {row["activity"]: row for row in meeting.assessments.get().figures}
    assert "3 av minst 15" in kept["Trafikkontroller"]["progress"]
    if TODAY > START:
        yesterday = TODAY - datetime.timedelta(days=1)
        _correct(client, meeting, date=yesterday.isoformat())
        meeting.refresh_from_db()
        kept = {row["activity"]: row for row in meeting.assessments.get().figures}
        assert meeting.figures_as_of == yesterday
        assert "0 av minst 15" in kept["Trafikkontroller"]["progress"]


@pytest.mark.django_db
def test_an_earlier_meetings_assessments_are_folded_on_the_period_page(client, people, period):
    """A citizen on a phone scrolled through every meeting's assessments in full: the latest
    meeting's stay open, an earlier one's are folded under its date (its summary and
    decisions still shown, and its anchor, which the feed links, still there)."""
    sign_in(client, people.coordinator)
    earlier_day = START if TODAY > START else TODAY
    url = reverse("followups:meeting_record_new", args=[period.pk])
    client.post(url, _record_body(period, date=earlier_day.isoformat(), decisions="Tidigt."))
    if earlier_day != TODAY:
        client.post(url, _record_body(period, decisions="Senast."))
    meetings = list(FollowUpMeeting.objects.filter(status=MeetingStatus.HELD))
    client.logout()

    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())

    folded = page.count('<details class="earlier-assessments">')
    assert folded == len(meetings) - 1
    for meeting in meetings:
        assert f'id="uppfoljning-{meeting.pk}"' in page
    if folded:
        words = f"Mötets bedömningar den {date_format(earlier_day, 'j F Y')}"
        assert f"<summary>{words}</summary>" in page
        assert "Beslut och nästa steg: Tidigt." in page  # outside the fold
        latest = page.index(f'id="uppfoljning-{meetings[0].pk}"')
        assert page.index("som mötet bedömde dem") > latest
        assert page.index("som mötet bedömde dem") < page.index(
            '<details class="earlier-assessments">'
        )


@pytest.mark.django_db
def test_a_held_or_cancelled_meeting_stays_in_the_calendar_as_such(client, people, settings):
    """A subscriber's calendar kept a meeting as planned after it was held, or lost it without
    a word when it was cancelled; its address named the Host a request gave."""
    import icalendar

    settings.ALLOWED_HOSTS = ["testserver", "portal.example"]
    period = factories.period(people.home.slug, start=START, end=END)
    common = {"period": period, "kind": "monthly"}
    held = FollowUpMeeting.objects.create(
        **common, date=TODAY, status="held", public_summary="Hållet.", internal_minutes="Hemligt."
    )
    cancelled = FollowUpMeeting.objects.create(
        **common, date=TODAY, status="cancelled", status_reason="Sjukdom."
    )
    FollowUpMeeting.objects.create(
        **common, date=TODAY, status="withdrawn", status_reason="Fel period."
    )
    FollowUpMeeting.objects.create(
        **common, date=TODAY - datetime.timedelta(days=400), status="held", public_summary="Förr."
    )
    planned = FollowUpMeeting.objects.create(**common, date=END, status="planned")

    url = reverse("followups:municipality_meetings_ics", args=[people.home.slug])
    response = client.get(url, HTTP_HOST="portal.example:8443")

    events = {
        str(event["uid"]): event
        for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }
    host = settings.SITE_URL.split("://")[1].split(":")[0].split("/")[0]
    assert set(events) == {f"meeting-{m.pk}@{host}" for m in (held, cancelled, planned)}
    status = {uid.split("@")[0]: str(event["status"]) for uid, event in events.items()}
    assert status == {
        f"meeting-{held.pk}": "CONFIRMED",
        f"meeting-{cancelled.pk}": "CANCELLED",
        f"meeting-{planned.pk}": "CONFIRMED",
    }
    held_event = events[f"meeting-{held.pk}@{host}"]
    period_url = f"{settings.SITE_URL}{period.get_absolute_url()}"
    assert str(held_event["url"]) == f"{period_url}#uppfoljning-{held.pk}"
    assert "portal.example" not in response.content.decode()
    assert "Hemligt" not in response.content.decode()
    # Said in the words a subscriber reads among her other events, the link in the text too
    # (many calendars show no URL property).
    name = people.home.name
    assert str(events[f"meeting-{cancelled.pk}@{host}"]["summary"]) == (
        f"Inställt: månadsmöte – medborgarlöften i {name}"
    )
    assert str(held_event["description"]) == (
        f"Uppföljningsmöte för medborgarlöftet {name} {period.period_label}.\n"
        "Mötet har hållits; sammanfattningen finns på medborgarlöftets sida.\n"
        f"{period_url}#uppfoljning-{held.pk}"
    )
    cancelled_text = str(events[f"meeting-{cancelled.pk}@{host}"]["description"])
    assert "Mötet är inställt." in cancelled_text and "Sjukdom" not in cancelled_text
    planned_text = str(events[f"meeting-{planned.pk}@{host}"]["description"])
    assert planned_text.endswith(f"\n{period_url}") and "hållits" not in planned_text


@pytest.mark.django_db
def test_figures_that_end_in_brackets_take_their_status_inside_them(client, people, period):
    """The meeting form, the public meeting and a report read "i snitt 1,2 fotpatruller per
    vecka (mål: minst 1) (i fas)": two brackets in a row, as a typing error reads."""
    promise = period.promises.get()
    patrols = factories.activity(
        period, "Fotpatrull", target=("at_least", 1, "fotpatruller", "average_week"), position=3
    )
    patrols.promises.add(promise)
    factories.log(patrols, START, 3)
    progress = Activity.objects.with_progress_data().get(pk=patrols.pk).progress(TODAY)
    status = str(PaceStatus(progress.status).label) if progress.status else ""
    sign_in(client, people.coordinator)

    form = " ".join(
        client.get(reverse("followups:meeting_record_new", args=[period.pk]))
        .content.decode()
        .split()
    )
    _held(client, period)
    client.logout()
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    figures = page[page.index('class="meeting-figures"') :]
    figures = figures[: figures.index("</details>")]

    for html in (form, figures):
        assert "(mål: minst 1" in html
        assert ") (" not in html
        if status:
            assert f"; {status})" in html


def test_with_status_puts_the_status_in_the_figures_own_brackets():
    from activities.wording import with_status

    assert with_status("3 av minst 4 vandringar", "efter plan") == (
        "3 av minst 4 vandringar (efter plan)"
    )
    assert with_status("i snitt 1,2 per vecka (mål: minst 1)", "i fas") == (
        "i snitt 1,2 per vecka (mål: minst 1; i fas)"
    )
    assert with_status("6 gånger", "") == "6 gånger"
    # The status of the running span, not of the period's total after it.
    assert with_status(
        "denna månad: 2 av minst 2 kontroller · hittills under perioden: 14 kontroller", "klar"
    ) == ("denna månad: 2 av minst 2 kontroller (klar) · hittills under perioden: 14 kontroller")


@pytest.mark.django_db
def test_a_recorded_meeting_says_where_the_public_sees_it_and_leads_to_the_reports(
    client, people, period
):
    sign_in(client, people.coordinator)

    response = client.post(
        reverse("followups:meeting_record_new", args=[period.pk]), _record_body(period), follow=True
    )

    page = response.content.decode()
    assert "Mötet registrerades som hållet." in page
    assert "Sammanfattningen, besluten och bedömningarna visas nu på medborgarlöftets" in page
    assert f'href="{period.get_absolute_url()}#followups-heading"' in page
    assert f'href="{reverse("followups:report_list", args=[period.pk])}"' in page


@pytest.mark.django_db
def test_a_citizen_dialogue_that_assessed_no_promise_shows_no_assessment_list(
    client, people, period
):
    """Recorded at a medborgardialog with "ej bedömt" for every promise, the public page gave
    "Löftena, som mötet bedömde dem:" and a row of "ej bedömt": as if the meeting had judged."""
    sign_in(client, people.coordinator)
    body = _record_body(period, kind="citizen_dialogue", public_summary="Ett trettiotal kom.")
    for promise in period.promises.all():
        body[f"promise-{promise.pk}-rating"] = "not_assessed"
        body[f"promise-{promise.pk}-comment"] = ""
    client.post(reverse("followups:meeting_record_new", args=[period.pk]), body)
    client.logout()

    page = client.get(period.get_absolute_url()).content.decode()

    assert "Ett trettiotal kom." in page
    assert "Löftena, som mötet bedömde dem" not in page
    assert "ej bedömt" not in page


@pytest.mark.django_db
def test_a_meeting_that_assessed_one_promise_lists_the_assessments(client, people, period):
    sign_in(client, people.coordinator)
    client.post(reverse("followups:meeting_record_new", args=[period.pk]), _record_body(period))
    client.logout()

    page = client.get(period.get_absolute_url()).content.decode()

    assert "Löftena, som mötet bedömde dem" in page
    assert "delvis enligt plan – Delvis enligt plan." in page


@pytest.mark.django_db
def test_recording_an_unplanned_meeting_points_to_the_planned_ones_first(client, people, period):
    """A coordinator took "Registrera ett hållet möte" above the list for a planned meeting: the
    record was made and the planned meeting stayed planned beside it. The button says it is for
    a meeting that was not planned, and its form links each planned meeting's own recording."""
    planned = factories.meeting(
        period, TODAY + datetime.timedelta(days=3), status=MeetingStatus.PLANNED
    )
    sign_in(client, people.coordinator)

    listing = client.get(reverse("followups:meeting_list", args=[period.pk])).content.decode()
    form = client.get(reverse("followups:meeting_record_new", args=[period.pk])).content.decode()
    own = client.get(reverse("followups:meeting_record", args=[planned.pk])).content.decode()

    assert "Registrera ett möte som inte var planerat" in listing
    assert "Registrera ett hållet möte" not in listing
    # And the list says where a planned meeting is recorded (a coordinator still hesitated).
    assert "registrerar du med ”Registrera som hållet” bredvid mötet" in listing
    assert "Är mötet ett av de planerade?" in form
    date = date_format(planned.date, "j F Y")
    assert f'href="{reverse("followups:meeting_record", args=[planned.pk])}"' in form
    assert f"Registrera mötet den {date} ({planned.get_kind_display()}) som hållet" in form
    # The planned meeting's own form, and a period with none planned, say nothing of it.
    assert "Är mötet ett av de planerade?" not in own
    planned.delete()
    listing = client.get(reverse("followups:meeting_list", args=[period.pk])).content.decode()
    form = client.get(reverse("followups:meeting_record_new", args=[period.pk])).content.decode()
    assert "Registrera ett hållet möte" in listing
    assert "Registrera som hållet”" not in listing
    assert "Är mötet ett av de planerade?" not in form


@pytest.mark.django_db
def test_a_planned_meetings_page_shows_what_is_behind_to_prepare_it(client, people, period):
    """A coordinator preparing the meeting found only its time and forum on its page."""
    planned = factories.meeting(period, TODAY, status=MeetingStatus.PLANNED)
    sign_in(client, people.coordinator)
    url = reverse("followups:meeting_detail", args=[planned.pk])

    page = client.get(url).content.decode()

    assert "Inför mötet" in page
    behind, _, others = page.partition("Övriga aktiviteter")
    behind = behind.split("Efter plan</h3>")[1]
    traffic = reverse("activities:staff_activity", args=[period.activities.get(position=2).pk])
    assert traffic in behind  # 0 of at least 15 in the period, most of it gone
    assert "0 av minst 15 trafikkontroller" in behind
    assert "Månatlig uppföljning med Trygg och säker kommun" in others
    assert "Månatlig uppföljning" not in behind

    # Once held, the page is its record, not its agenda.
    held = _held(client, period)
    page = client.get(reverse("followups:meeting_detail", args=[held.pk])).content.decode()
    assert "Inför mötet" not in page


@pytest.mark.django_db
def test_a_planned_meeting_with_nothing_behind_says_so(client, people, period):
    traffic = period.activities.get(position=2)
    factories.log(traffic, START, 15)
    planned = factories.meeting(period, TODAY, status=MeetingStatus.PLANNED)
    sign_in(client, people.officer)

    page = client.get(reverse("followups:meeting_detail", args=[planned.pk])).content.decode()

    assert "Ingen aktivitet ligger efter plan i dag." in page
    assert "15 av minst 15 trafikkontroller" in page


@pytest.mark.django_db
def test_a_forum_with_line_breaks_and_calendar_words_stays_text_in_the_calendar(client, people):
    """A security probe: what staff write in a meeting's forum reaches every subscriber's
    calendar. Line breaks and iCalendar's own words in it neither end the event nor add one,
    and a long forum is folded into lines of at most 75 octets (RFC 5545)."""
    import icalendar

    period = factories.period(people.home.slug, start=START, end=END)
    forum = "KLG\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Falskt möte;"
    forum += "å" * (FollowUpMeeting._meta.get_field("forum").max_length - len(forum))  # its longest
    services.plan_meeting(
        period, people.coordinator, kind=MeetingKind.TERTIAL, date=END, forum=forum
    )

    response = client.get(reverse("followups:municipality_meetings_ics", args=[people.home.slug]))

    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert forum.replace("\r\n", "\n") in str(event["summary"])  # a line break, escaped
    assert b"\r\nBEGIN:VEVENT\r\nSUMMARY:Falskt" not in response.content
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
