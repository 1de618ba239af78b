"""Logs in public: an activity's page lists when and where it was done; a municipality's page
its latest logs. Public fields only, newest first, paged, fresh after every write."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, ActivityLog
from activities.services import update_log, withdraw_log
from promises import registration
from promises.models import PeriodState
from promises.views import LATEST_LOGS
from tests import factories

DAY = datetime.timedelta(days=1)
TODAY = timezone.localdate()


def activity_url(activity) -> str:
    period = activity.period
    return reverse(
        "activities:activity_detail", args=[period.municipality.slug, period.slug, activity.pk]
    )


def _signed_period(municipality: str = "vetlanda", **fields):
    return factories.period(municipality, start=TODAY - 200 * DAY, end=TODAY + 200 * DAY, **fields)


@pytest.fixture
def world(people):
    """A Vetlanda activity with three logs by an officer, one withdrawn; an unpublished period."""
    period = _signed_period(slug="nu")
    activity = factories.activity(period, title="Trafikkontroller")
    activity.target_unit_singular = "trafikkontroll"
    activity.save()
    for days, quantity, place, summary in [
        (10, 2, "Storgatan", "Hastighetskontroll vid skolan."),
        (3, 1, "Torget", "Nykterhetskontroll på kvällen."),
        (30, 4, "Ringvägen", ""),
    ]:
        factories.log(
            activity,
            TODAY - days * DAY,
            quantity,
            place=place,
            summary=summary,
            reported_by=people.officer,
            internal_note="INTERN-ANTECKNING",
        )
    withdrawn = factories.log(
        activity, TODAY - DAY, 7, place="Fel plats", summary="ÅTERKALLAD-SAMMANFATTNING"
    )
    withdraw_log(withdrawn, people.coordinator, "ÅTERKALLELSE-SKÄL")
    draft = factories.period("vetlanda", state=PeriodState.DECIDED, slug="beslutad")
    hidden = factories.activity(draft, title="Ej publicerad aktivitet")
    factories.log(hidden, TODAY, place="Hemlig plats", summary="OPUBLICERAD-SAMMANFATTNING")
    return {"period": period, "activity": activity, "hidden": hidden}


SECRETS = (
    "INTERN-ANTECKNING",
    "ÅTERKALLAD-SAMMANFATTNING",
    "ÅTERKALLELSE-SKÄL",
    "Fel plats",
    "OPUBLICERAD-SAMMANFATTNING",
    "Hemlig plats",
    "Testsson",  # every staff user's surname (tests/staff.py)
    "@example.org",
)


def log_lines(html: str) -> list[str]:
    """The text of each log item of the page's log list(s), in order."""
    items = re.findall(r"<li>\s*<p><strong>(.*?)</li>", html, re.S)
    seen = (re.sub(r'<span class="visually-hidden">.*?</span>', "", item) for item in items)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in seen]


@pytest.mark.django_db
def test_activity_page_shows_date_quantity_place_and_summary_newest_first(client, world):
    response = client.get(activity_url(world["activity"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert log_lines(html) == [
        f"{_long(TODAY - 3 * DAY)} · 1 trafikkontroll · Torget Nykterhetskontroll på kvällen.",
        f"{_long(TODAY - 10 * DAY)} · 2 trafikkontroller · Storgatan "
        "Hastighetskontroll vid skolan.",
        # Entered today, a month after its day: said so.
        f"{_long(TODAY - 30 * DAY)} (loggad {_long(TODAY)}) · 4 trafikkontroller · Ringvägen",
    ]
    # The progress in words at the top, from the same rules as the period page.
    assert "7 av minst 15 trafikkontroller" in html
    assert "3 genomförda tillfällen, de senaste först." in html
    assert "<h1>Trafikkontroller</h1>" in html
    assert f'href="{world["period"].get_absolute_url()}"' in html


@pytest.mark.django_db
def test_activity_page_never_shows_officers_internal_notes_withdrawn_logs(client, world):
    html = client.get(activity_url(world["activity"])).content.decode()
    for secret in SECRETS:
        assert secret not in html, secret


@pytest.mark.django_db
def test_activity_page_reads_only_the_public_fields_of_logs(world):
    (log, *_rest) = ActivityLog.objects.for_activity_page(world["activity"])
    assert log.get_deferred_fields() >= {
        "internal_note",
        "reported_by_id",
        "withdrawn_by_id",
        "withdrawal_reason",
        "idempotency_key",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "state", [PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED]
)
def test_activity_of_an_unpublished_period_is_404(client, state):
    period = factories.period("vetlanda", state=state, slug="hemlig")
    activity = factories.activity(period)
    factories.log(activity, period.start_date)
    assert client.get(activity_url(activity)).status_code == 404


@pytest.mark.django_db
def test_activity_page_answers_only_at_its_own_address(client, world):
    activity, period = world["activity"], world["period"]
    other = _signed_period("tranas", slug="nu")
    wrong = [
        f"/kommuner/tranas/nu/aktiviteter/{activity.pk}/",  # another municipality's period
        f"/kommuner/vetlanda/annan/aktiviteter/{activity.pk}/",
        f"/kommuner/vetlanda/nu/aktiviteter/{factories.activity(other).pk}/",
        f"/kommuner/vetlanda/nu/aktiviteter/{activity.pk + 1000}/",
    ]
    for url in wrong:
        assert client.get(url).status_code == 404, url
    assert client.get(f"{period.get_absolute_url()}aktiviteter/{activity.pk}/").status_code == 200


@pytest.mark.django_db
def test_activity_page_pages_its_logs_25_at_a_time(client):
    activity = factories.activity(_signed_period(), target=None)
    for day in range(60):
        factories.log(activity, TODAY - day * DAY, place=f"Plats {day}")
    url = activity_url(activity)

    first = client.get(url)
    assert first.context["page_obj"].paginator.num_pages == 3
    assert [log.place for log in first.context["logs"]] == [f"Plats {d}" for d in range(25)]
    html = first.content.decode()
    assert '<a href="?page=2" rel="next">' in html
    assert "60 genomförda tillfällen, de senaste först." in html
    assert "60 genomförda tillfällen" in html  # the progress of an activity without a target

    third = client.get(url, {"page": "3"})
    assert [log.place for log in third.context["logs"]] == [f"Plats {d}" for d in range(50, 60)]
    assert 'rel="prev"' in third.content.decode()
    assert "sida 3" in third.content.decode()  # in the title


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "shown"),
    # Below 1 is the first page, past the end the last.
    [("abc", 1), ("", 1), ("1.5", 1), ("0", 1), ("-1", 1), ("99", 3), ("9" * 30, 3)],
)
def test_a_bad_page_number_shows_the_first_or_last_page_never_an_error(client, page, shown):
    activity = factories.activity(_signed_period())
    for day in range(60):
        factories.log(activity, TODAY - day * DAY)
    response = client.get(activity_url(activity), {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == shown


@pytest.mark.django_db
def test_activity_without_logs_says_so(client):
    activity = factories.activity(_signed_period())
    html = client.get(activity_url(activity)).content.decode()
    assert "Inget genomfört tillfälle har loggats för den här aktiviteten än." in html


@pytest.mark.django_db
def test_period_page_links_each_activity_to_its_page(client, world):
    activity = world["activity"]
    second = factories.activity(world["period"], title="Trygghetsvandringar")
    html = client.get(world["period"].get_absolute_url()).content.decode()
    assert f'<a href="{activity_url(activity)}">Trafikkontroller</a>' in html
    assert f'<a href="{activity_url(second)}">Trygghetsvandringar</a>' in html


@pytest.mark.django_db
def test_municipality_page_shows_the_latest_logs_with_their_activity(client, world):
    activity = world["activity"]
    html = client.get("/kommuner/vetlanda/").content.decode()
    assert "<h2" in html and "Senast genomfört" in html
    period = world["period"]
    label = period.period_label
    # Named with its day for a screen reader's list of links (five "Fotpatrull i centrum").
    day = _long(TODAY - 3 * DAY)
    # The line names its promise, as the reports' and meetings' lines do: a bare "(2025–2026)"
    # after the activity read as a stray date.
    link = (
        f'<a href="{activity_url(activity)}">Trafikkontroller'
        f'<span class="visually-hidden">, {day}</span></a> · medborgarlöftet {label}'
    )
    assert log_lines(html) == [
        f"{_long(TODAY - 3 * DAY)} · Trafikkontroller · medborgarlöftet {label} · "
        "1 trafikkontroll · Torget Nykterhetskontroll på kvällen.",
        f"{_long(TODAY - 10 * DAY)} · Trafikkontroller · medborgarlöftet {label} · "
        "2 trafikkontroller · Storgatan Hastighetskontroll vid skolan.",
        f"{_long(TODAY - 30 * DAY)} (loggad {_long(TODAY)}) · Trafikkontroller · "
        f"medborgarlöftet {label} · 4 trafikkontroller · Ringvägen",
    ]
    assert f"({label})" not in log_lines(html)[0]
    assert link in html
    for secret in SECRETS:
        assert secret not in html, secret


@pytest.mark.django_db
def test_municipality_page_lists_the_latest_ten_of_all_its_published_periods(client, world, people):
    closed = factories.period(
        "vetlanda",
        start=TODAY - 900 * DAY,
        end=TODAY - 300 * DAY,
        state=PeriodState.CLOSED,
        slug="forr",
        area_name="Centrum",
    )
    earlier = factories.activity(closed, title="Grannsamverkan")
    for day in range(12):
        factories.log(earlier, closed.end_date - day * DAY, place=f"Förr {day}")
    newer = factories.activity(world["period"], title="Nattvandringar")
    for day in range(8):
        factories.log(newer, TODAY - day * DAY, place=f"Nu {day}")
    tranas = factories.activity(_signed_period("tranas"), title="Tranås aktivitet")
    factories.log(tranas, TODAY, place="I Tranås")

    response = client.get("/kommuner/vetlanda/")
    assert [log.place for log in response.context["latest_logs"]] == [
        "Nu 0",
        "Nu 1",
        "Nu 2",
        "Nu 3",
        "Torget",  # three days ago too, reported before "Nu 3"
        "Nu 4",
        "Nu 5",
        "Nu 6",
        "Nu 7",
        "Storgatan",
    ]
    assert LATEST_LOGS == 10
    html = response.content.decode()
    assert "I Tranås" not in html and "Förr 0" not in html

    # Only logs of an earlier period: they are still shown, with the period's area and years.
    for log in ActivityLog.objects.counted().filter(activity__period=world["period"]):
        withdraw_log(log, people.coordinator, "Test")
    html = client.get("/kommuner/vetlanda/").content.decode()
    assert re.search(
        rf"Grannsamverkan<span [^>]+>, [^<]+</span></a> · medborgarlöftet Centrum "
        rf"{closed.period_label} ·",
        html,
    )
    assert "Förr 0" in html and "Förr 9" in html and "Förr 10" not in html


@pytest.mark.django_db
def test_municipality_without_public_logs_has_no_such_section(client, world):
    html = client.get("/kommuner/tranas/").content.decode()
    assert "Senast genomfört" not in html


@pytest.mark.django_db
def test_a_new_changed_or_withdrawn_log_shows_on_the_next_request(client, settings, world, people):
    settings.PUBLIC_CACHE_SECONDS = 600  # as in production: pages stored in the shared cache
    activity = world["activity"]
    pages = [activity_url(activity), "/kommuner/vetlanda/"]
    for url in pages:
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit", url

    log = factories.log(activity, TODAY, 3, place="Ny plats", summary="Nytt pass.")
    for url in pages:
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
        assert "Ny plats" in response.content.decode(), url

    update_log(log, people.officer, place="Ändrad plats")
    for url in pages:
        html = client.get(url).content.decode()
        assert "Ändrad plats" in html and "Ny plats" not in html, url

    withdraw_log(ActivityLog.objects.get(pk=log.pk), people.officer, "Fel dag")
    for url in pages:
        assert "Ändrad plats" not in client.get(url).content.decode(), url


@pytest.mark.django_db
def test_public_pages_queries_do_not_grow_with_logs(client, django_assert_num_queries):
    period = _signed_period(slug="nu")
    activity = factories.activity(period)
    factories.activity(period, title="Annan").promises.add(factories.promise(period))
    activity.promises.add(factories.promise(period, title="Löftet"))
    factories.log(activity, TODAY)
    # The activity with its period and place; span sums; promises; count of logs; one page;
    # the activity's history (its target's changes).
    expected = {activity_url(activity): 6, f"{activity_url(activity)}?page=2": 6}
    # and its periods, promises, activities with their sums, logs, meetings, reports
    expected["/kommuner/vetlanda/"] = 8
    for url, queries in expected.items():
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200
    # Many more logs, of this activity and of others, and more periods.
    for day in range(1, 80):
        factories.log(activity, TODAY - day * DAY, summary=f"Pass {day}")
    for slug in ("fler-1", "fler-2"):
        other = factories.activity(_signed_period(slug=slug))
        for day in range(30):
            factories.log(other, TODAY - day * DAY)
    for url, queries in expected.items():
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def _long(day: datetime.date) -> str:
    """ "22 november 2026", as the pages write a date."""
    return f"{day.day} {_month(day)} {day.year}"


def _month(day: datetime.date) -> str:
    months = "januari februari mars april maj juni juli augusti september oktober november december"
    return months.split()[day.month - 1]


@pytest.mark.django_db
def test_the_logs_dataset_is_offered_per_municipality_only(client, world):
    per_municipality = client.get(
        reverse(
            "followups:municipality_open_data_download",
            args=["vetlanda", "genomforda-aktiviteter", "csv"],
        )
    )
    national = client.get(
        reverse("followups:open_data_download", args=["genomforda-aktiviteter", "csv"])
    )
    page = client.get(reverse("followups:open_data")).content.decode()

    assert per_municipality.status_code == 200
    assert national.status_code == 404
    assert 'href="/oppna-data/genomforda-aktiviteter.csv"' not in page
    assert "Finns per kommun" in page
    # And per county, each county's municipalities in one file.
    assert 'href="/lan/jonkopings-lan/oppna-data/genomforda-aktiviteter.csv"' in page


@pytest.mark.django_db
def test_the_activity_page_says_when_and_from_what_its_target_was_changed(client):
    period = _signed_period(signed_date=TODAY - 100 * DAY)
    activity = factories.activity(
        period, "Narkotikainsatser", target=("at_least", 12, "narkotikainsatser", "year")
    )
    # Written while drafting, before the signing: no change of a promise made.
    activity.history.update(history_date=timezone.now() - datetime.timedelta(days=150))
    activity.target_value = 10
    activity.save()

    page = " ".join(client.get(activity_url(activity)).content.decode().split())

    assert activity.target_changes()[0].day == TODAY
    assert f"Ändrat den {TODAY:%-d} " in page
    assert "från minst 12 narkotikainsatser per år." in page
    assert "Delperioderna nedan bedöms mot dagens mål" in page


@pytest.mark.django_db
def test_a_target_set_while_drafting_is_no_change(client):
    period = _signed_period(signed_date=TODAY)
    activity = factories.activity(period, "Trafikkontroller")
    activity.history.update(history_date=timezone.now() - datetime.timedelta(days=5))
    assert activity.target_changes() == []
    assert "Ändrat den" not in client.get(activity_url(activity)).content.decode()


@pytest.mark.django_db
def test_a_target_typed_while_a_past_promise_was_registered_is_no_change(client, people):
    """A promise signed years ago and registered now: its signing date is its document's, and
    what the coordinator typed while registering it (a target read as 99 from the text, then
    corrected) was shown on the public page as changes of the promise made, draft values and
    all (a security probe)."""
    period = factories.period(
        start=TODAY - 200 * DAY,
        end=TODAY + 200 * DAY,
        state=PeriodState.DRAFT,
        source_url="https://polisen.se/medborgarloften/2019/",
        decision_body="Kommunstyrelsen",
        decision_date=TODAY - 230 * DAY,
        signed_date=TODAY - 220 * DAY,
    )
    factories.promise(period, "Öka tryggheten i centrum")
    activity = factories.activity(
        period, "Narkotikainsatser", target=("at_least", 12, "narkotikainsatser", "year")
    )
    for value in (99, 10):
        activity.target_value = value
        activity.save()
    registration.register(period, user=people.coordinator)
    activity = Activity.objects.select_related("period").get(pk=activity.pk)

    assert activity.target_changes() == []
    page = " ".join(client.get(activity_url(activity)).content.decode().split())
    assert "Ändrat den" not in page and "99" not in page
    # Changed once it is published: a change of the promise made, as for one signed here.
    activity.target_value = 11
    activity.save()
    assert [change.before.value for change in activity.target_changes()] == [10]
