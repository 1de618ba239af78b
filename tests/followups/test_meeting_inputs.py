"""Bad input for every follow-up meeting form: a Swedish error tied to the field, nothing written.

Uses the strategies and checks of tests/test_form_inputs.py (≥ 100 examples each on SQLite).
"""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from activities.models import ActivityLog
from followups.models import FollowUpMeeting, MeetingKind, MeetingStatus
from tests import factories
from tests.staff import People, sign_in
from tests.test_form_inputs import (
    DAY,
    END,
    EXAMPLES,
    MAX_DATE,
    START,
    TODAY,
    _check_refused,
    bad_text,
    between,
    malformed_dates,
)


@pytest.fixture(scope="module")
def meeting_data(module_data):
    with module_data():
        people = People(home="tranas", other="vetlanda")
        period = factories.period("tranas", start=START, end=END)
        factories.promise(period, "Ett tryggare centrum")
        factories.activity(
            period, "Månatlig uppföljning", target=None, counted_meeting_kinds=["monthly"]
        )
        planned = FollowUpMeeting.objects.create(
            period=period, kind=MeetingKind.MONTHLY, date=END, status=MeetingStatus.PLANNED
        )
        held = FollowUpMeeting.objects.create(
            period=period,
            kind=MeetingKind.TERTIAL,
            date=START,
            status=MeetingStatus.HELD,
            public_summary="Hållet.",
        )
        return {"user": people.coordinator, "period": period, "planned": planned, "held": held}


@pytest.fixture
def world(db, meeting_data):
    return meeting_data


def _history_and_logs() -> tuple[int, int]:
    return FollowUpMeeting.history.count(), ActivityLog.objects.count()


def _plan_fields() -> dict:
    return {"kind": "monthly", "date": END.isoformat(), "time": "13:30", "forum": "KLG"}


def _record_fields(period) -> dict:
    promise = period.promises.get()
    return {
        "kind": "monthly",
        "date": TODAY.isoformat(),
        "time": "",
        "forum": "Trygg och säker kommun",
        "participants": "Polisen, kommunen",
        "public_summary": "Genomgång av läget.",
        "decisions": "",
        "internal_minutes": "",
        f"promise-{promise.pk}-rating": "on_track",
        f"promise-{promise.pk}-comment": "",
    }


BAD_TIMES = st.one_of(
    st.sampled_from(["25:00", "12:60", "kl 25", "13.30.00.0", "-1:00", "1330x", "13,30"]),
    bad_text(20).filter(lambda value: value.strip()),
)
BAD_KINDS = st.text(max_size=20).filter(lambda value: value not in MeetingKind.values)

PLAN_VALUES = st.one_of(
    st.tuples(st.just("kind"), BAD_KINDS),
    st.tuples(
        st.just("date"),
        st.one_of(malformed_dates(), between(MAX_DATE.replace(year=2100), MAX_DATE)),
    ),
    st.tuples(st.just("date"), between(START.replace(year=2000), START - DAY).map(str)),
    st.tuples(st.just("time"), BAD_TIMES),
    st.tuples(st.just("forum"), bad_text(200)),
)


@EXAMPLES
@given(bad=PLAN_VALUES)
def test_plan_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    url = reverse("followups:meeting_plan", args=[world["period"].pk])
    _check_refused(client, url, {**_plan_fields(), field: value}, field, _history_and_logs)


RECORD_VALUES = st.one_of(
    st.tuples(st.just("kind"), BAD_KINDS),
    st.tuples(
        st.just("date"),
        st.one_of(
            malformed_dates(),
            between(TODAY + DAY, MAX_DATE),
            between(START.replace(year=2000), START - DAY),
        ),
    ),
    st.tuples(st.just("time"), BAD_TIMES),
    st.tuples(st.just("forum"), bad_text(200)),
    st.tuples(st.just("participants"), bad_text(5000)),
    st.tuples(st.just("public_summary"), st.one_of(bad_text(5000), st.just(""), st.just("  "))),
    st.tuples(st.just("decisions"), bad_text(5000)),
    st.tuples(st.just("internal_minutes"), bad_text(20000)),
)


@EXAMPLES
@given(bad=RECORD_VALUES)
def test_record_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    data = {**_record_fields(world["period"]), field: value}
    url = reverse("followups:meeting_record", args=[world["planned"].pk])
    _check_refused(client, url, data, field, _history_and_logs)
    world["planned"].refresh_from_db()
    assert world["planned"].status == MeetingStatus.PLANNED


@EXAMPLES
@given(reason=st.one_of(bad_text(1000), st.sampled_from(["", " ", "\n\t"])))
def test_cancel_and_withdraw_forms_refuse_bad_reasons(client, world, reason):
    sign_in(client, world["user"])
    for name, meeting in (("meeting_cancel", "planned"), ("meeting_withdraw", "held")):
        url = reverse(f"followups:{name}", args=[world[meeting].pk])
        _check_refused(client, url, {"reason": reason}, "reason", _history_and_logs)


@pytest.mark.django_db
def test_a_bad_assessment_is_refused_and_named_in_the_summary(client, world):
    sign_in(client, world["user"])
    promise = world["period"].promises.get()
    data = {**_record_fields(world["period"]), f"promise-{promise.pk}-rating": "perfekt"}

    response = client.post(reverse("followups:meeting_record_new", args=[world["period"].pk]), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="#id_promise-{promise.pk}-rating_0"' in html
    assert "Ett tryggare centrum" in html
    assert FollowUpMeeting.objects.count() == 2

    # The summary lists the errors in the order of the form: the meeting's fields first.
    data["public_summary"] = ""
    html = client.post(
        reverse("followups:meeting_record_new", args=[world["period"].pk]), data
    ).content.decode()
    summary = html[html.index('id="error-summary-title"') :]
    assert summary.index('href="#id_public_summary"') < summary.index(
        f'href="#id_promise-{promise.pk}-rating_0"'
    )


@pytest.mark.django_db
def test_a_meeting_left_empty_is_told_what_to_fill_in_not_only_that_it_is_required(client, world):
    sign_in(client, world["user"])
    empty = {"kind": "", "date": "", "public_summary": ""}
    record = reverse("followups:meeting_record_new", args=[world["period"].pk])
    plan = reverse("followups:meeting_plan", args=[world["period"].pk])

    recorded = client.post(record, {**_record_fields(world["period"]), **empty})
    planned = client.post(plan, {**_plan_fields(), "kind": "", "date": ""})

    assert recorded.context["form"].errors == {
        "kind": ["Välj typ av möte."],
        "date": ["Ange mötets datum."],
        "public_summary": ["Skriv en sammanfattning av mötet för allmänheten."],
    }
    assert planned.context["form"].errors == {
        "kind": ["Välj typ av möte."],
        "date": ["Ange mötets datum."],
    }
    assert "Detta fält måste fyllas i" not in recorded.content.decode()
    assert FollowUpMeeting.objects.count() == 2


@EXAMPLES
@given(bad=RECORD_VALUES)
def test_correction_form_refuses_bad_input(client, world, bad):
    # A bad hidden version: tests/followups/test_meetings.py.
    sign_in(client, world["user"])
    field, value = bad
    data = {
        **_record_fields(world["period"]),
        "edit_version": "1",
        "correction_reason": "Fel datum angavs.",
        field: value,
    }
    url = reverse("followups:meeting_correct", args=[world["held"].pk])
    _check_refused(client, url, data, field, _history_and_logs)
    world["held"].refresh_from_db()
    assert world["held"].edit_version == 1
