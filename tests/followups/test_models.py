import datetime

import pytest
from django.db import IntegrityError

from followups.models import Assessment, Rating, Report, ReportKind
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
