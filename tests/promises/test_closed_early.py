"""A period closed before its end date ran until its closing day: its progress is counted to
that day and judged as over (met or not), never "in fas" or "ej påbörjad" in a month that had
just begun when it was closed; on its pages, in the lists' filters, the open data and reports."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from activities import rollup
from followups import reports
from municipalities.models import Role
from promises.lifecycle import Action, perform
from tests import factories
from tests.staff import sign_in, staff_user

ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture
def closed(db):
    """A Tranås period begun 300 days ago, due to run 100 more, closed today; a monthly target
    (met in every month but the last) and a period target."""
    today = timezone.localdate()
    period = factories.period("tranas", start=today - 300 * ONE_DAY, end=today + 100 * ONE_DAY)
    monthly = factories.activity(
        period, "Trafikkontroller", target=("at_least", 2, "trafikkontroller", "month")
    )
    walks = factories.activity(
        period, "Trygghetsvandringar", target=("at_least", 40, "trygghetsvandringar", "period")
    )
    day = period.start_date
    while day < today.replace(day=1):
        factories.log(monthly, day, quantity=2)
        factories.log(walks, day, quantity=3)
        day = (day.replace(day=1) + 32 * ONE_DAY).replace(day=1)
    coordinator = staff_user("samordnare", role=Role.COORDINATOR, municipality=period.municipality)
    perform(period, coordinator, Action.CLOSE, today=today)
    period.refresh_from_db()
    return period, monthly, walks, today


def test_progress_is_counted_to_the_closing_day_and_judged_as_over(closed):
    period, monthly, walks, today = closed
    assert period.closed_early
    assert period.counting_end(today) == today
    assert period.judged_on(today) == today + ONE_DAY
    assert period.judged_on(today + 500 * ONE_DAY) == today + 500 * ONE_DAY
    for activity in (monthly, walks):
        progress = activity.progress(today)
        assert progress.current is None
        assert progress.period_end == today
        assert progress.status in ("achieved", "not_achieved")
        assert activity.progress_status(today) == progress.status
        assert activity.headline(today).status == progress.status
    # The kept sums were rebuilt for the shorter period at the close.
    assert rollup.check() == []


def test_its_pages_say_what_was_reached_not_how_this_month_goes(client, closed):
    period, monthly, _walks, _today = closed
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert "denna månad" not in page and "Efter plan" not in page and "I fas" not in page
    assert "Ej påbörjad" not in page
    assert "Målet nåddes" in page
    for status in ("behind", "on_track", "not_started"):
        listed = client.get("/aktiviteter/", {"framsteg": status, "kommun": "tranas"})
        assert not listed.context["activities"], status
    ended = client.get("/aktiviteter/", {"framsteg": "not_achieved", "kommun": "tranas"})
    ended_titles = {a.title for a, _p in ended.context["activities"]}
    achieved = client.get("/aktiviteter/", {"framsteg": "achieved", "kommun": "tranas"})
    achieved_titles = {a.title for a, _p in achieved.context["activities"]}
    assert ended_titles | achieved_titles == {"Trafikkontroller", "Trygghetsvandringar"}
    download = client.get("/oppna-data/aktiviteter.json")
    rows = json.loads(b"".join(download.streaming_content))
    assert {row["pace_status"] for row in rows} <= {"achieved", "not_achieved"}
    assert all(row["current_span_start"] is None for row in rows)


def test_a_final_report_judges_the_whole_period(closed):
    period, _monthly, _walks, today = closed
    rows = reports.figure_rows(period, period.start_date, today, today)
    assert {row.status_code for row in rows} <= {"achieved", "not_achieved"}
    assert not any("månaden" in row.progress for row in rows)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("started_days_ago", "ends_in_days", "said"),
    [(300, 60, True), (-10, 300, False), (700, -30, False)],
)
def test_a_promise_registered_while_running_says_what_counts(
    client, started_days_ago, ends_in_days, said
):
    """Registered after it had begun: nothing logged before then shows as 0, so the page says
    that only what was logged counts; not for one registered before it began, nor one that had
    ended (its page says nothing is recorded)."""
    today = timezone.localdate()
    period = factories.period(
        "tranas",
        start=today - started_days_ago * ONE_DAY,
        end=today + ends_in_days * ONE_DAY,
        registered_at=timezone.now(),
    )
    activity = factories.activity(period, target=("at_least", 2, "fotpatrulleringar", "week"))
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    with translation.override("sv"):
        sentence = (
            "Medborgarlöftet registrerades i portalen den "
            f"{date_format(today, 'j F Y')}, "
            "när det redan hade börjat gälla: det som gjordes dessförinnan räknas bara om det "
            "har loggats i efterhand."
        )
    assert (sentence in page) == said
    # The activity page too, where a citizen lands from the list of activities; and the weeks
    # before the registration with nothing logged are not "0 av minst 2 … ej uppnådd".
    url = f"{period.get_absolute_url()}aktiviteter/{activity.pk}/"
    page = " ".join(client.get(url).content.decode().split())
    assert (sentence in page) == said
    assert ("följdes inte upp i portalen (innan det registrerades)" in page) == said
    if said:
        # (The folded counting rule explains the status words, "ej uppnådd" among them.)
        shown = page.split("Så räknas framstegen")[0]
        assert "Ej uppnådd" not in shown and "ej uppnådd" not in shown


@pytest.mark.django_db
def test_a_registered_promise_names_the_kind_of_its_filed_document(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    today = timezone.localdate()
    period = factories.period(
        "tranas",
        start=today - 400 * ONE_DAY,
        end=today - 40 * ONE_DAY,
        registered_at=timezone.now(),
        source_file=SimpleUploadedFile("Medborgarlöfte Sala.docx", b"PK\x03\x04"),
    )
    assert period.source_file_kind == "DOCX"
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert "Dokumentet som medborgarlöftet registrerades från</a> (DOCX): så som det" in page


def test_the_feeds_say_the_period_was_closed_before_its_end_date(client, closed):
    period, _monthly, _walks, today = closed
    for feed in ("/flode/", f"/kommuner/{period.municipality.slug}/flode/"):
        xml = " ".join(client.get(feed).content.decode().split())
        assert f"Medborgarlöfte avslutat: Tranås {period.period_label}" in xml, feed
        assert (
            f"Avslutat den {date_format(today, 'j F Y')}, före slutdatumet "
            f"{date_format(period.end_date, 'j F Y')}."
        ) in xml


@pytest.mark.django_db
def test_closing_early_asks_a_public_reason_and_the_pages_give_it(client):
    """A tester's early closing: the form had no field for why, and the comment was not public."""
    today = timezone.localdate()
    period = factories.period("tranas", start=today - 300 * ONE_DAY, end=today + 100 * ONE_DAY)
    coordinator = staff_user("samordnare", role=Role.COORDINATOR, municipality=period.municipality)
    sign_in(client, coordinator)
    url = reverse("promises:period_transition", args=[period.pk, Action.CLOSE])

    refused = client.post(url, {"comment": "Internt: budgeten räcker inte."})

    assert refused.status_code == 200
    assert "Skriv varför medborgarlöftet avslutas före sitt slutdatum" in refused.content.decode()
    period.refresh_from_db()
    assert period.closed_date is None

    reason = "Ersätts av ett nytt gemensamt medborgarlöfte för hela kommunen."
    response = client.post(
        url, {"comment": "Internt: budgeten räcker inte.", "closing_reason": reason}
    )

    assert response.status_code == 302
    period.refresh_from_db()
    assert (period.closed_date, period.closing_reason) == (today, reason)
    client.logout()
    page = client.get(period.get_absolute_url()).content.decode()
    assert f"Varför det avslutades: {reason}" in page
    assert "budgeten" not in page  # the step's comment stays in the record
    feed = client.get("/kommuner/tranas/flode/").content.decode()
    assert f"Skäl: {reason}" in feed
