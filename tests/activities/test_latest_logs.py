"""A municipality's newest public logs (its page, its feed) are those the plain ordering of all
its logs gives, though they are read from each activity's newest ones."""

import datetime
import random

import pytest

from activities.models import PUBLIC_LOG_ORDER, ActivityLog
from promises.models import PeriodState
from tests import factories

START = datetime.date(2025, 1, 1)


def plain(municipality, count):
    """The newest `count` by the plain ordering of every public log of the municipality."""
    every = ActivityLog.objects.public().filter(activity__period__municipality=municipality)
    return list(every.order_by(*PUBLIC_LOG_ORDER)[:count])


@pytest.mark.django_db
def test_the_newest_logs_are_those_of_the_plain_ordering():
    rng = random.Random(7)
    signed = factories.period("vetlanda", start=START, end=datetime.date(2026, 12, 31))
    draft = factories.period(
        "vetlanda", start=START, end=datetime.date(2026, 12, 31), state=PeriodState.DRAFT
    )
    elsewhere = factories.period("tranas", start=START, end=datetime.date(2026, 12, 31))
    busy, quiet, sparse = (factories.activity(signed, title) for title in ("A", "B", "C"))
    unpublished = factories.activity(draft, "D")
    other = factories.activity(elsewhere, "E")
    for activity, logs in ((busy, 60), (quiet, 12), (sparse, 2), (unpublished, 20), (other, 20)):
        for _ in range(logs):
            # Few distinct days: many logs share one, ordered then by when they were saved.
            day = START + datetime.timedelta(days=rng.randrange(40))
            factories.log(activity, day, rng.randrange(1, 4))
    # The newest logs of the busiest activity withdrawn: they must not count.
    for log in ActivityLog.objects.filter(activity=busy).order_by("-date")[:5]:
        log.withdrawn_at, log.withdrawal_reason = datetime.datetime.now(datetime.UTC), "Fel"
        log.save()
    # The draft and the other municipality have the newest logs of all.
    factories.log(unpublished, START + datetime.timedelta(days=60))
    factories.log(other, START + datetime.timedelta(days=61))

    municipality = signed.municipality
    for count in (1, 3, 10, 25, 80):
        latest = list(ActivityLog.objects.latest_for_municipality(municipality, count))
        assert latest == plain(municipality, count), count
    assert len(list(ActivityLog.objects.latest_for_municipality(municipality, 80))) == 69


@pytest.mark.django_db
def test_a_municipality_without_logs_has_none():
    period = factories.period("vetlanda")
    factories.activity(period)
    assert list(ActivityLog.objects.latest_for_municipality(period.municipality, 10)) == []


@pytest.mark.django_db
def test_what_a_most_counts_is_not_listed_as_done():
    """A tester saw "1 anmäld skadegörelse" under "Senast genomfört"."""
    period = factories.period("vetlanda")
    checks = factories.activity(period, "Trafikkontroller")
    damage = factories.activity(
        period, "Skadegörelse vid resecentrum", target=("at_most", 10, "skadegörelser", "year")
    )
    done = factories.log(checks, period.start_date)
    factories.log(damage, period.start_date + datetime.timedelta(days=1))
    latest = ActivityLog.objects.latest_for_municipality(period.municipality, 1, carried_out=True)
    assert list(latest) == [done]
    # The feed says "Registrerat" of it: it lists both.
    assert len(ActivityLog.objects.latest_for_municipality(period.municipality, 5)) == 2
