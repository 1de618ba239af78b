import datetime

import pytest
from django.db import IntegrityError

from followups.models import Assessment, FollowUpMeeting, Rating, Report, ReportKind
from tests import factories

D = datetime.date


@pytest.mark.django_db
def test_one_assessment_per_promise_and_meeting():
    period = factories.period()
    promise = factories.promise(period)
    meeting = factories.meeting(period, D(2026, 4, 30))
    Assessment.objects.create(meeting=meeting, promise=promise, rating=Rating.ON_TRACK)
    with pytest.raises(IntegrityError):
        Assessment.objects.create(meeting=meeting, promise=promise, rating=Rating.PARTLY)


@pytest.mark.django_db
def test_report_cannot_cover_a_backward_span():
    period = factories.period()
    with pytest.raises(IntegrityError):
        Report.objects.create(
            period=period,
            kind=ReportKind.TERTIAL,
            title="Tertial 1",
            body="…",
            covers_from=D(2026, 4, 30),
            covers_to=D(2026, 1, 1),
        )


@pytest.mark.django_db
def test_last_and_next_are_the_latest_held_the_soonest_planned_and_the_latest_passed_planned():
    period = factories.period()
    other = factories.period("tranas")
    today = D(2026, 5, 12)
    factories.meeting(period, D(2026, 5, 4), time=datetime.time(9, 0))
    latest = factories.meeting(period, D(2026, 5, 4), time=datetime.time(15, 0))
    factories.meeting(period, D(2026, 5, 4))  # no time: not after one at 15.00
    factories.meeting(other, D(2026, 5, 10))  # another period's
    overdue = factories.meeting(period, D(2026, 5, 11), status="planned")  # its day has passed
    factories.meeting(period, D(2026, 5, 1), status="planned")  # passed too, but earlier
    factories.meeting(period, D(2026, 5, 20), status="planned")  # no time: after 10.00
    coming = factories.meeting(period, D(2026, 5, 20), status="planned", time=datetime.time(10))
    factories.meeting(period, D(2026, 5, 13), status="cancelled", status_reason="Inställt.")

    found = FollowUpMeeting.objects.filter(period=period).last_and_next(today)

    assert sorted(m.pk for m in found) == sorted([latest.pk, coming.pk, overdue.pk])
    assert FollowUpMeeting.objects.filter(period=other).last_and_next(D(2026, 5, 11)).count() == 1
    assert not FollowUpMeeting.objects.filter(period=factories.period("eksjo")).last_and_next(today)
