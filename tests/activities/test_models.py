import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from activities import rollup
from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.progress import PaceStatus
from tests import factories

D = datetime.date


@pytest.fixture
def period(db):
    return factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))


@pytest.mark.parametrize(
    "target",
    [
        ("at_least", None, "trafikkontroller", "period"),  # value missing
        ("", 15, "trafikkontroller", "period"),  # comparator missing
        ("at_least", 15, "", "period"),  # unit missing
        ("at_least", 15, "trafikkontroller", ""),  # scope missing
        ("at_least", 0, "trafikkontroller", "period"),  # not positive
    ],
)
def test_target_is_complete_or_absent(period, target):
    with pytest.raises(IntegrityError):
        factories.activity(period, target=target)


def test_activity_without_target_is_allowed(period):
    activity = factories.activity(period, target=None)
    assert activity.target is None


def test_other_responsible_actor_must_be_named(period):
    with pytest.raises(IntegrityError):
        factories.activity(period, responsible=Responsible.OTHER)


def test_named_actor_only_with_responsible_other(period):
    with pytest.raises(IntegrityError):
        factories.activity(period, responsible=Responsible.POLICE, responsible_other="Västtrafik")


def test_responsible_label_names_the_other_actor(period):
    activity = factories.activity(
        period, responsible=Responsible.OTHER, responsible_other="Räddningstjänsten"
    )
    assert activity.responsible_label == "Räddningstjänsten"


def test_cancelled_activity_needs_a_reason(period):
    with pytest.raises(IntegrityError):
        factories.activity(period, target=None, status=ActivityStatus.CANCELLED)


def test_activity_positions_unique_in_period(period):
    factories.activity(period, position=1)
    with pytest.raises(IntegrityError):
        factories.activity(period, position=1)


@pytest.mark.parametrize("quantity", [0, 100_001])
def test_log_quantity_must_be_positive_and_reasonable(period, quantity):
    activity = factories.activity(period)
    with pytest.raises(IntegrityError):
        factories.log(activity, D(2026, 3, 1), quantity=quantity)


def test_withdrawal_needs_a_reason(period):
    activity = factories.activity(period)
    with pytest.raises(IntegrityError):
        factories.log(activity, D(2026, 3, 1), withdrawn_at=timezone.now())


def test_reason_without_withdrawal_is_refused(period):
    activity = factories.activity(period)
    with pytest.raises(IntegrityError):
        factories.log(activity, D(2026, 3, 1), withdrawal_reason="Fel aktivitet")


def test_counted_excludes_withdrawn_logs(period):
    activity = factories.activity(period)
    kept = factories.log(activity, D(2026, 3, 1))
    factories.log(
        activity, D(2026, 3, 2), withdrawn_at=timezone.now(), withdrawal_reason="Dubblett"
    )
    assert list(ActivityLog.objects.counted()) == [kept]


def test_progress_follows_every_log_save_and_a_bypass_is_found(period):
    activity = factories.activity(period, target=("at_least", 15, "trafikkontroller", "period"))
    for day in range(1, 18):
        factories.log(activity, D(2026, 3, day))
    factories.log(activity, D(2026, 3, 20), withdrawn_at=timezone.now(), withdrawal_reason="Fel")
    factories.log(activity, D(2027, 1, 2))  # after the period: never counts
    progress = activity.progress(D(2026, 11, 21))
    assert progress.total_done == 17
    assert progress.status == PaceStatus.DONE
    log = ActivityLog.objects.get(activity=activity, date=D(2026, 3, 1))
    log.withdrawn_at, log.withdrawal_reason = timezone.now(), "Fel datum"
    log.save()
    assert Activity.objects.get(pk=activity.pk).progress(D(2026, 11, 21)).total_done == 16
    assert rollup.check() == []
    # A write around the model (a queryset update) is not kept in step, but the check finds it.
    ActivityLog.objects.filter(activity=activity, date=D(2026, 3, 2)).update(quantity=5)
    # Both its span sum and its total are found to differ from the logs.
    differences = rollup.check()
    assert {d.activity_id for d in differences} == {activity.pk}
    assert len(differences) == 2


def test_with_progress_data_needs_no_further_queries(period, django_assert_num_queries):
    for title in ("Trafikkontroller", "Narkotikainsatser", "Trygghetsvandringar"):
        activity = factories.activity(period, title=title)
        factories.log(activity, D(2026, 2, 1), quantity=3)
    with django_assert_num_queries(2):
        activities = list(Activity.objects.with_progress_data())
        totals = [a.progress(D(2026, 11, 21)).total_done for a in activities]
    assert totals == [3, 3, 3]
