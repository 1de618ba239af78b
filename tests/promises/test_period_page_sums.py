"""The period page reads its activities' kept span sums as plain rows, never as model instances:
a per-day target over three years keeps more than a thousand of them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import SpanTotal
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_per_day_target_over_three_years_is_shown_from_plain_sums(client):
    period = factories.period(start=datetime.date(2024, 1, 1), end=datetime.date(2026, 12, 31))
    daily = factories.activity(period, "Fotpatrull", target=("at_least", 1, "fotpatruller", "day"))
    factories.activity(period, "Trafikkontroller")
    factories.log(daily, datetime.date(2025, 3, 1), quantity=2)
    assert SpanTotal.objects.filter(activity=daily).count() == 1096  # 2024 is a leap year

    with CaptureQueriesContext(connection) as queries:
        response = client.get(period.get_absolute_url())

    assert response.status_code == 200
    sums = [q["sql"] for q in queries.captured_queries if "activities_spantotal" in q["sql"]]
    assert len(sums) == 1, sums  # one query for every activity of the page
    # Only the four columns progress reads: no instance is built from a row.
    assert f'"{SpanTotal._meta.db_table}"."id"' not in sums[0]
    progress = dict(response.context["activities"])
    shown = {activity.title: value.total_done for activity, value in progress.items()}
    assert shown == {"Fotpatrull": 2, "Trafikkontroller": 0}
