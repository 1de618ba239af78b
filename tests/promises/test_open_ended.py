"""Open-ended periods ("gäller tills vidare") and periods dated by year only, everywhere: the
editor, the pages, the feed, open data, progress and its rollup, reports and reminders."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import SpanTotal
from activities.progress import PaceStatus
from followups import reminders, reports
from followups.models import ReportKind
from municipalities.models import Role
from promises.models import PromisePeriod
from tests import factories
from tests.staff import sign_in, staff_user

D = datetime.date
TODAY = datetime.date(2026, 11, 2)


@pytest.fixture
def open_ended(db) -> PromisePeriod:
    """Tranås, from 1 March 2024 until further notice, with a per-year target."""
    period = factories.period("tranas", start=D(2024, 3, 1), end=None, slug="2024-tills-vidare")
    activity = factories.activity(
        period, "Trafikkontroller", target=("at_least", 10, "trafikkontroller", "year")
    )
    activity.promises.add(factories.promise(period, "Färre olyckor i trafiken"))
    return period


# -- The editor: an explicit choice ------------------------------------------------------------


@pytest.fixture
def coordinator(db):
    vetlanda = factories.municipality("vetlanda")
    return staff_user("samordnare", role=Role.COORDINATOR, municipality=vetlanda)


def create(client, **fields):
    data = {
        "municipality": str(factories.municipality("vetlanda").pk),
        "parties": "joint",
        "slug": "",
        "start_date": "2027-03-01",
        "end_date": "",
    }
    data.update(fields)
    return client.post(reverse("promises:period_create"), data)


def test_the_editor_creates_an_open_ended_period_by_choice(client, coordinator):
    sign_in(client, coordinator)
    # An end date beside "until further notice" is never dropped unseen: the two disagree.
    refused = create(client, validity="open", end_date="2028-12-31")
    assert refused.status_code == 200
    assert refused.context["form"].errors["end_date"] == [
        "Ett slutdatum är ifyllt, men medborgarlöftet ska gälla tills vidare. Töm slutdatumet "
        "eller välj ”Från startdatum till slutdatum”."
    ]
    assert not PromisePeriod.objects.exists()
    response = create(client, validity="open")
    assert response.status_code == 302
    period = PromisePeriod.objects.get(slug="2027-tills-vidare")
    assert (period.start_date, period.end_date, period.year_only) == (D(2027, 3, 1), None, False)


def test_an_empty_end_date_with_stated_dates_is_a_swedish_error(client, coordinator):
    sign_in(client, coordinator)
    response = create(client, validity="dates")
    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == [
        "Ange slutdatum, eller välj att det gäller tills vidare."
    ]
    assert not PromisePeriod.objects.exists()


def test_the_editor_stores_a_year_only_period_as_whole_years(client, coordinator):
    sign_in(client, coordinator)
    response = create(client, validity="years", start_date="2019-05-05")
    assert response.status_code == 302
    period = PromisePeriod.objects.get(slug="2019")
    assert (period.start_date, period.end_date, period.year_only) == (
        D(2019, 1, 1),
        D(2019, 12, 31),
        True,
    )
    response = create(client, validity="years", start_date="2020-01-01", end_date="2021-03-01")
    period = PromisePeriod.objects.get(slug="2020-2021")
    assert (period.start_date, period.end_date) == (D(2020, 1, 1), D(2021, 12, 31))
    assert period.validity_text == "2020–2021"


def test_an_unknown_validity_choice_is_a_field_error(client, coordinator):
    sign_in(client, coordinator)
    response = create(client, validity="forever", end_date="2027-12-31")
    assert response.status_code == 200
    assert "validity" in response.context["form"].errors


def test_the_edit_form_shows_the_saved_choice(client, coordinator):
    period = factories.period("vetlanda", start=D(2027, 1, 1), end=None, state="draft")
    sign_in(client, coordinator)
    form = client.get(reverse("promises:period_edit", args=[period.pk])).context["form"]
    assert form["validity"].value() == "open"


# -- Pages, feed, open data ---------------------------------------------------------------------


def test_the_period_page_says_until_further_notice(client, open_ended):
    page = client.get(open_ended.get_absolute_url()).content.decode()
    # In force today: the period page says so once, with its validity.
    assert "Gäller nu: från 1 mars 2024, tills vidare" in page
    assert "gäller nu" not in page.split("Gäller nu:", 1)[1].split("</p>", 1)[0]
    municipality = client.get(reverse("promises:municipality_detail", args=["tranas"]))
    assert "Gäller från 1 mars 2024, tills vidare" in municipality.content.decode()


def test_a_year_only_period_is_shown_as_its_year(client, db):
    period = factories.period(
        "tranas", start=D(2019, 1, 1), end=D(2019, 12, 31), slug="2019", year_only=True
    )
    page = client.get(period.get_absolute_url()).content.decode()
    assert "Gällde 2019" in page  # over: told in the past tense
    assert "31 december 2019" not in page


def test_the_feed_says_until_further_notice(client, open_ended):
    body = client.get(reverse("followups:municipality_feed", args=["tranas"])).content.decode()
    assert "Gäller från 1 mars 2024, tills vidare." in body


def test_open_data_leaves_the_end_empty(client, open_ended):
    factories.period("tranas", start=D(2019, 1, 1), end=D(2019, 12, 31), year_only=True)
    response = client.get("/oppna-data/perioder.csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["start_date"]: row for row in csv.DictReader(io.StringIO(body))}
    assert rows["2024-03-01"]["end_date"] == ""
    assert rows["2024-03-01"]["year_only"] == "false"
    assert rows["2024-03-01"]["active"] == "true"
    assert (rows["2019-01-01"]["end_date"], rows["2019-01-01"]["year_only"]) == (
        "2019-12-31",
        "true",
    )


def test_an_open_ended_period_is_in_force_and_listed(client, open_ended):
    assert PromisePeriod.objects.active(TODAY).filter(pk=open_ended.pk).exists()
    listing = client.get(reverse("promises:promise_list")).content.decode()
    assert "Färre olyckor i trafiken" in listing


# -- Progress and its rollup --------------------------------------------------------------------


def test_progress_counts_to_the_end_of_the_current_year(open_ended):
    activity = open_ended.activities.get()
    factories.log(activity, D(2026, 3, 2), 4)
    factories.log(activity, D(2026, 10, 1), 3)
    factories.log(activity, D(2025, 5, 1), 12)
    progress = activity.progress(TODAY)
    assert progress.period_end == D(2026, 12, 31)
    assert progress.total_done == 19
    # The year counted from the start, 1 March 2026–28 February 2027, cut at the year's end.
    assert (progress.current.span.start, progress.current.span.end) == (
        D(2026, 3, 1),
        D(2026, 12, 31),
    )
    assert progress.current.done == 7
    assert progress.status != PaceStatus.NOT_ACHIEVED


def test_the_rollup_keeps_up_with_a_log_in_a_later_year(open_ended, monkeypatch):
    activity = open_ended.activities.get()
    factories.log(activity, D(2026, 3, 2), 4)
    spans = SpanTotal.objects.filter(activity=activity).order_by("start")
    this_year_end = open_ended.counting_end()
    assert spans.last().end == this_year_end
    # In the next year, a log finds no span: the spans are rebuilt to the new year's end.
    next_year = D(this_year_end.year + 1, 2, 1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: next_year)
    factories.log(activity, next_year, 2)
    spans = list(SpanTotal.objects.filter(activity=activity).order_by("start"))
    assert sum(span.done for span in spans) == 6
    assert any(span.start <= next_year <= span.end for span in spans)
    progress = activity.progress(next_year)
    assert progress.total_done == 6


def test_progress_without_the_rollup_still_counts_the_open_ended_period(open_ended):
    activity = open_ended.activities.get()
    factories.log(activity, D(2027, 2, 1), 2)
    SpanTotal.objects.filter(activity=activity).delete()
    activity = type(activity).objects.select_related("period").get(pk=activity.pk)
    assert activity.progress(D(2027, 3, 1)).total_done == 2


def test_the_horizon_of_a_period_starting_at_a_year_end(db):
    period = factories.period("tranas", start=D(2026, 12, 31), end=None)
    assert period.counting_end(D(2026, 12, 31)) == D(2027, 12, 31)
    assert period.counting_end(D(2029, 5, 1)) == D(2029, 12, 31)


# -- Reports and reminders ----------------------------------------------------------------------


def test_reports_of_an_open_ended_period_cover_what_has_been_done(open_ended):
    activity = open_ended.activities.get()
    factories.log(activity, D(2026, 3, 2), 4)
    factories.log(activity, D(2026, 6, 2), 2)
    factories.log(activity, D(2026, 9, 2), 5)
    assert reports.default_span(ReportKind.FINAL, open_ended, TODAY) == (D(2024, 3, 1), TODAY)
    start, end = reports.default_span(ReportKind.TERTIAL, open_ended, TODAY)
    assert (start, end) == (D(2026, 5, 1), D(2026, 8, 31))
    assert reports.figures_day(open_ended, end, TODAY) == end
    [row] = reports.figure_rows(open_ended, start, end, end)
    assert row.done == 2


def test_reminders_name_the_tertials_due_of_an_open_ended_period(open_ended):
    due = reminders.due_reports(open_ended, [], TODAY)
    assert (due[0].start, due[-1].end) == (D(2024, 3, 1), D(2026, 8, 31))


def test_sync_open_ended_extends_the_spans_in_a_new_year(open_ended, monkeypatch):
    from activities import rollup

    activity = open_ended.activities.get()
    factories.log(activity, D(2026, 3, 2), 4)
    new_year = D(open_ended.counting_end().year + 1, 1, 2)
    monkeypatch.setattr(timezone, "localdate", lambda *args: new_year)
    assert rollup.sync_open_ended() == 1
    last = SpanTotal.objects.filter(activity=activity).order_by("start").last()
    assert last.end == D(new_year.year, 12, 31)
    assert rollup.sync_open_ended() == 0
    assert rollup.check() == []


def test_the_daily_command_extends_the_spans_in_a_new_year(open_ended, monkeypatch):
    from io import StringIO

    from django.core.management import call_command

    activity = open_ended.activities.get()
    new_year = D(open_ended.counting_end().year + 1, 1, 2)
    monkeypatch.setattr(timezone, "localdate", lambda *args: new_year)
    out = StringIO()
    call_command("sync_progress", stdout=out)
    assert out.getvalue().strip() == "Extended the progress sums of 1 activities."
    last = SpanTotal.objects.filter(activity=activity).order_by("start").last()
    assert last.end == D(new_year.year, 12, 31)


def test_report_and_meeting_forms_accept_an_open_ended_period(open_ended):
    from followups.forms import PlanMeetingForm
    from followups.report_forms import DraftReportForm

    form = DraftReportForm(
        {"kind": ReportKind.TERTIAL, "covers_from": "2026-05-01", "covers_to": "2026-08-31"},
        period=open_ended,
        today=TODAY,
    )
    assert form.is_valid(), form.errors
    late = DraftReportForm(
        {"kind": ReportKind.TERTIAL, "covers_from": "2026-05-01", "covers_to": "2026-12-31"},
        period=open_ended,
        today=TODAY,
    )
    assert not late.is_valid()
    assert "covers_to" in late.errors  # after today, not after an end it does not have
    meeting = PlanMeetingForm(
        {"kind": "monthly", "date": "2031-05-01", "time": "", "forum": "Samverkansmöte"},
        period=open_ended,
        today=TODAY,
    )
    assert meeting.is_valid(), meeting.errors


def test_the_decision_proposal_adopts_an_open_ended_period_until_further_notice(open_ended):
    from django.utils import translation

    from promises.documents import proposal_context

    open_ended.approvals = []  # what the document view prefetches
    with translation.override("sv"):
        adopt = proposal_context(open_ended)["adopt"]
        open_ended.promises.all().delete()
        activities_only = proposal_context(open_ended)["adopt"]
    assert adopt == "att anta följande medborgarlöften, som gäller från 2024 och tills vidare:"
    assert activities_only == (
        "att anta medborgarlöftet, som gäller från 2024 och tills vidare, med följande aktiviteter:"
    )
