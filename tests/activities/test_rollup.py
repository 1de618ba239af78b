"""The progress rollup: sums kept per span in the writing transaction, re-checkable from logs."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities import rollup
from activities.models import Activity, ActivityLog, ActivityTotal, SpanTotal
from activities.progress import LogEntry, Span, SpanSums, compute_progress, counting_spans
from activities.services import update_log, withdraw_log
from promises.models import PromisePeriod
from tests import factories
from tests.staff import staff_user

D = datetime.date
TODAY = D(2026, 11, 21)


@pytest.fixture
def period(db):
    return factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))


def _sums(activity: Activity) -> list[tuple[D, D, int]]:
    return list(activity.span_totals.order_by("start").values_list("start", "end", "done"))


def _from_logs(activity: Activity):
    activity = Activity.objects.select_related("period").get(pk=activity.pk)
    entries = [
        LogEntry(log.date, log.quantity, log.withdrawn_at is not None)
        for log in activity.logs.all()
    ]
    period = activity.period
    return compute_progress(activity.target, period.start_date, period.end_date, entries, TODAY)


def test_span_sums_answer_unions_of_their_ranges_and_refuse_a_cut():
    sums = SpanSums([(D(2026, 5, 1), D(2026, 8, 31), 4), (D(2026, 1, 1), D(2026, 4, 30), 3)])
    # Kept in date order, whatever the order given.
    assert sums.kept_for(((D(2026, 1, 1), D(2026, 5, 1)), (D(2026, 4, 30), D(2026, 8, 31))))
    assert not sums.kept_for(((D(2026, 5, 1), D(2026, 1, 1)), (D(2026, 8, 31), D(2026, 4, 30))))
    assert sums.between(D(2026, 1, 1), D(2026, 12, 31)) == 7
    assert sums.between(D(2026, 5, 1), D(2026, 8, 31)) == 4
    with pytest.raises(ValueError):
        sums.between(D(2026, 2, 1), D(2026, 8, 31))


def test_span_sums_from_columns_in_order_are_the_sums_of_their_rows():
    rows = [(D(2026, 1, 1), D(2026, 4, 30), 3), (D(2026, 5, 1), D(2026, 8, 31), 4)]
    columns = SpanSums.from_columns(*zip(*rows, strict=True))
    bounds = ((D(2026, 1, 1), D(2026, 5, 1)), (D(2026, 4, 30), D(2026, 8, 31)))
    assert columns.kept_for(bounds) and SpanSums(rows).kept_for(bounds)
    assert columns.each([Span(D(2026, 1, 1), D(2026, 4, 30), 1)]) == [3]
    assert columns.between(D(2026, 1, 1), D(2026, 12, 31)) == 7
    assert SpanSums.from_columns((), (), ()).between(D(2026, 1, 1), D(2026, 12, 31)) == 0


def test_counting_spans_tile_the_period_for_every_kind_of_target(period):
    for target in [None, ("at_least", 3, "x", "month"), ("at_most", 2, "x", "average_week")]:
        activity = factories.activity(period, target=target)
        spans = counting_spans(activity.target, period.start_date, period.end_date)
        assert spans[0][0] == period.start_date and spans[-1][1] == period.end_date
        for (_s, end), (start, _e) in zip(spans, spans[1:], strict=False):
            assert start == end + datetime.timedelta(days=1)


def test_every_log_write_keeps_the_sums_equal_to_a_recount(period):
    activity = factories.activity(period, target=("at_least", 2, "kontroller", "tertial"))
    user = staff_user("polis")
    first = factories.log(activity, D(2026, 2, 3), quantity=2)
    factories.log(activity, D(2026, 6, 1))
    assert _sums(activity) == [
        (D(2026, 1, 1), D(2026, 4, 30), 2),
        (D(2026, 5, 1), D(2026, 8, 31), 1),
        (D(2026, 9, 1), D(2026, 12, 31), 0),
    ]
    update_log(first, user, date=D(2026, 10, 1), quantity=5)  # moves to the third tertial
    assert [done for _s, _e, done in _sums(activity)] == [0, 1, 5]
    withdraw_log(ActivityLog.objects.get(pk=first.pk), user, "Fel aktivitet")
    assert [done for _s, _e, done in _sums(activity)] == [0, 1, 0]
    # A log loaded without its counted fields is recounted rather than guessed.
    partial = ActivityLog.objects.only("id", "place").get(date=D(2026, 6, 1))
    partial.place = "Torget"
    partial.save()
    assert [done for _s, _e, done in _sums(activity)] == [0, 1, 0]
    assert rollup.check() == []
    assert activity.progress(TODAY) == _from_logs(activity)


def test_changed_target_or_period_dates_rebuild_the_spans_from_the_logs(period):
    activity = factories.activity(period, target=("at_least", 2, "kontroller", "period"))
    for month in (1, 3, 3, 7):
        factories.log(activity, D(2026, month, 10))
    assert _sums(activity) == [(D(2026, 1, 1), D(2026, 12, 31), 4)]
    activity.target_scope = "tertial"
    activity.save()
    assert [done for _s, _e, done in _sums(activity)] == [3, 1, 0]
    period.end_date = D(2027, 4, 30)
    period.save()
    assert [end for _s, end, _d in _sums(activity)][-1] == D(2027, 4, 30)
    assert rollup.check() == []
    assert Activity.objects.get(pk=activity.pk).progress(TODAY) == _from_logs(activity)


def test_progress_reads_the_sums_and_falls_back_to_the_logs_when_they_do_not_fit(
    period, django_assert_num_queries
):
    activity = factories.activity(period, target=("at_least", 4, "kontroller", "month"))
    factories.log(activity, D(2026, 3, 1), quantity=3)
    expected = _from_logs(activity)
    fetched = Activity.objects.with_progress_data().get(pk=activity.pk)
    with django_assert_num_queries(0):
        assert fetched.progress(TODAY) == expected
    SpanTotal.objects.filter(activity=activity).delete()  # as if not yet rebuilt
    fetched = Activity.objects.with_progress_data().get(pk=activity.pk)
    with django_assert_num_queries(1):
        assert fetched.progress(TODAY) == expected


def test_check_progress_reports_a_difference_and_fix_repairs_it(period):
    activity = factories.activity(period, target=("at_least", 4, "kontroller", "period"))
    factories.log(activity, D(2026, 3, 1))
    out = StringIO()
    call_command("check_progress", stdout=out)
    assert "agree" in out.getvalue()
    SpanTotal.objects.filter(activity=activity).update(done=9)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_progress", stdout=out)
    assert f"activity {activity.pk}: 2026-01-01–2026-12-31: kept 9, logs 1" in out.getvalue()
    call_command("check_progress", "--fix", stdout=StringIO())
    assert rollup.check() == []
    assert _sums(activity) == [(D(2026, 1, 1), D(2026, 12, 31), 1)]


def test_withdrawn_and_out_of_period_logs_never_count(period):
    activity = factories.activity(period, target=("at_least", 4, "kontroller", "period"))
    factories.log(activity, D(2027, 1, 5))
    factories.log(activity, D(2026, 1, 5), withdrawn_at=timezone.now(), withdrawal_reason="Fel")
    assert _sums(activity) == [(D(2026, 1, 1), D(2026, 12, 31), 0)]
    assert rollup.check() == []


def test_a_list_gets_its_sums_in_one_query_also_when_iterated_in_chunks(
    period, django_assert_num_queries
):
    activities = [
        factories.activity(period, f"Aktivitet {n}", target=("at_least", 2, "x", "month"))
        for n in range(5)
    ]
    for activity in activities:
        factories.log(activity, D(2026, 2, 2))
    expected = [_from_logs(activity) for activity in activities]
    with django_assert_num_queries(2):  # the activities, then every sum
        listed = list(Activity.objects.with_progress_data().order_by("pk"))
        assert [activity.progress(TODAY) for activity in listed] == expected
    with django_assert_num_queries(1 + 3):  # the activities, then the sums of each chunk of two
        chunks = Activity.objects.with_progress_data().order_by("pk").iterator(chunk_size=2)
        assert [activity.progress(TODAY) for activity in chunks] == expected


def _total(activity: Activity) -> int:
    return ActivityTotal.objects.get(activity=activity).done


def test_each_activitys_total_moves_with_its_span_sums(period):
    activity = factories.activity(period, target=("at_least", 2, "kontroller", "tertial"))
    assert _total(activity) == 0
    user = staff_user("polis")
    first = factories.log(activity, D(2026, 2, 3), quantity=2)
    factories.log(activity, D(2026, 6, 1))
    factories.log(activity, D(2027, 1, 5))  # after the period: counted nowhere
    assert _total(activity) == 3
    update_log(first, user, date=D(2026, 10, 1), quantity=5)
    assert _total(activity) == 6
    withdraw_log(ActivityLog.objects.get(pk=first.pk), user, "Fel aktivitet")
    assert _total(activity) == 1
    period.end_date = D(2027, 4, 30)  # the log of January 2027 now counts
    period.save()
    assert _total(activity) == 2
    assert rollup.check() == []


def test_check_progress_reports_a_wrong_or_missing_total_and_fix_repairs_it(period):
    wrong = factories.activity(period, target=("at_least", 4, "kontroller", "month"))
    missing = factories.activity(period, target=None)
    factories.log(wrong, D(2026, 3, 1), quantity=2)
    factories.log(missing, D(2026, 3, 1))
    ActivityTotal.objects.filter(activity=wrong).update(done=7)
    ActivityTotal.objects.filter(activity=missing).delete()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_progress", stdout=out)
    assert f"activity {wrong.pk}: whole period: kept 7, logs 2" in out.getvalue()
    assert f"activity {missing.pk}: whole period: kept nothing, logs 1" in out.getvalue()
    call_command("check_progress", "--fix", stdout=StringIO())
    assert rollup.check() == []
    assert (_total(wrong), _total(missing)) == (2, 1)


def test_the_national_figure_adds_the_totals_of_the_periods_in_force(period):
    """The start page shows it under "In force today", beside the periods it counts."""
    draft = factories.period(state="draft", start=D(2026, 1, 1), end=D(2026, 12, 31))
    earlier = factories.period(start=D(2024, 1, 1), end=D(2025, 12, 31))
    for target_period, quantity, day in ((period, 3, D(2026, 5, 5)), (draft, 100, D(2026, 5, 5))):
        activity = factories.activity(target_period, target=("at_least", 1, "x", "day"))
        factories.log(activity, day, quantity=quantity)
    factories.log(factories.activity(earlier, target=None), D(2025, 3, 3), quantity=20)
    figures = PromisePeriod.objects.national_figures(D(2026, 6, 1))
    # A draft's logs are not the public's; an ended period is no longer in force.
    assert figures == {"periods": 1, "municipalities": 1, "done": 3}
    assert PromisePeriod.objects.national_figures(D(2025, 6, 1))["done"] == 20


def test_the_national_figure_leaves_out_what_a_most_keeps_down(period):
    """ "Genomförda tillfällen" counted twelve vandalisms registered against "högst 10"."""
    walks = factories.activity(period, target=("at_least", 1, "trygghetsvandringar", "month"))
    vandalism = factories.activity(period, target=("at_most", 10, "skadegörelser", "period"))
    factories.log(walks, D(2026, 5, 5), quantity=3)
    factories.log(vandalism, D(2026, 5, 5), quantity=12)
    factories.log(factories.activity(period, target=None), D(2026, 5, 6), quantity=2)
    assert PromisePeriod.objects.national_figures(D(2026, 6, 1))["done"] == 5


def test_an_activity_moved_to_another_period_takes_its_total_along(period):
    """The totals name their period: a move with the same dates, which changes no span, still
    moves the total, and with it the national figure (a draft's logs are not counted)."""
    draft = factories.period(state="draft", start=period.start_date, end=period.end_date)
    activity = factories.activity(period, target=("at_least", 1, "x", "month"))
    factories.log(activity, D(2026, 5, 5), quantity=4)
    assert PromisePeriod.objects.national_figures(D(2026, 6, 1))["done"] == 4

    activity.period = draft
    activity.save()

    assert ActivityTotal.objects.get(activity=activity).period == draft
    assert PromisePeriod.objects.national_figures(D(2026, 6, 1))["done"] == 0
    assert rollup.check() == []


def test_check_progress_reports_a_total_that_names_another_period(period):
    other = factories.period(start=period.start_date, end=period.end_date)
    activity = factories.activity(period, target=None)
    factories.log(activity, D(2026, 3, 1))
    ActivityTotal.objects.filter(activity=activity).update(period=other)

    assert rollup.check() == [
        rollup.Difference(activity.pk, f"total kept for period {other.pk}, not {period.pk}")
    ]
    call_command("check_progress", "--fix", stdout=StringIO())
    assert rollup.check() == []
    assert ActivityTotal.objects.get(activity=activity).period == period


def test_the_migration_names_each_totals_period_from_its_activity(period):
    from importlib import import_module

    from django.apps import apps

    other = factories.period(start=period.start_date, end=period.end_date)
    activities = [factories.activity(p, target=None) for p in (period, other)]
    ActivityTotal.objects.update(period=other)  # as if unset: every total names one period

    import_module("activities.migrations.0009_activitytotal_period").fill_periods(apps, None)

    assert [ActivityTotal.objects.get(activity=a).period for a in activities] == [period, other]


def test_span_sums_read_each_kept_span_directly_and_sum_any_other():
    sums = SpanSums([(D(2026, 1, 1), D(2026, 4, 30), 3), (D(2026, 5, 1), D(2026, 8, 31), 4)])
    kept = counting_spans(None, D(2026, 1, 1), D(2026, 4, 30)) + [(D(2026, 5, 1), D(2026, 8, 31))]
    spans = [Span(start, end, 1) for start, end in kept]
    assert sums.each(spans) == [3, 4]
    whole = [Span(D(2026, 1, 1), D(2026, 8, 31), 1)]
    assert sums.each(whole) == [7]


def test_a_long_list_asks_for_its_sums_by_its_own_query(period, monkeypatch):
    """From SUBQUERY_FROM activities on, the sums come by the list's query, not by its ids."""
    from activities.models import activities as activity_models

    monkeypatch.setattr(activity_models, "SUBQUERY_FROM", 2)
    activities = [
        factories.activity(period, f"Aktivitet {i}", target=("at_least", 4, "x", "month"))
        for i in range(3)
    ]
    for i, activity in enumerate(activities):
        factories.log(activity, D(2026, 3, 1), quantity=i + 1)
    with CaptureQueriesContext(connection) as queries:
        listed = list(Activity.objects.with_progress_data().order_by("pk"))
    sums_query = queries.captured_queries[-1]["sql"]
    assert "SELECT" in sums_query.split("IN", 1)[1]  # a subquery, not a list of ids
    assert [a.progress(TODAY).total_done for a in listed] == [1, 2, 3]
    # A page (a slice) still asks by its ids.
    with CaptureQueriesContext(connection) as queries:
        page = list(Activity.objects.with_progress_data().order_by("pk")[:2])
    assert "SELECT" not in queries.captured_queries[-1]["sql"].split("IN", 1)[1]
    assert [a.progress(TODAY).total_done for a in page] == [1, 2]
