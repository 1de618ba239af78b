"""The public activity list: filters, progress status, pagination, visibility, query counts."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from activities import wording
from activities.models import ActivityStatus, Responsible
from municipalities.models import Municipality
from promises.models import PeriodState, Theme
from tests import factories
from tests.growth import assert_same_queries, at_two_sizes

D = datetime.date
TARGET = ("at_least", 15, "trafikkontroller", "period")
# One a month: nothing done is never behind in the running month (less than one due before its
# last day).
MONTHLY = ("at_least", 1, "trafikkontroller", "month")


def titles(response) -> list[str]:
    return [activity.title for activity, _progress in response.context["activities"]]


def current_period(municipality_slug: str = "vetlanda", **fields):
    """A signed period that started 200 days ago and ends in 500 days."""
    today = timezone.localdate()
    fields.setdefault("start", today - datetime.timedelta(days=200))
    fields.setdefault("end", today + datetime.timedelta(days=500))
    return factories.period(municipality_slug, **fields)


def with_logs(activity, count: int, **fields):
    today = timezone.localdate()
    for day in range(count):
        factories.log(activity, today - datetime.timedelta(days=day), **fields)
    return activity


# --- visibility -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_activity_list_shows_only_activities_of_published_periods(client, django_user_model):
    officer = django_user_model.objects.create_user("polis.persson", password="x" * 20)
    period = current_period()
    with_logs(
        factories.activity(period, "Synlig"), 2, internal_note="INTERNAL-NOTE", reported_by=officer
    )
    factories.activity(current_period("tranas", state=PeriodState.CLOSED), "Avslutad")
    for state in (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED):
        factories.activity(current_period(state=state), f"Hemlig {state}")

    response = client.get("/aktiviteter/")

    assert response.status_code == 200
    assert sorted(titles(response)) == ["Avslutad", "Synlig"]
    page = response.content.decode()
    assert "Hemlig" not in page
    assert "INTERNAL-NOTE" not in page and "polis.persson" not in page
    assert "2 av minst 15 trafikkontroller" in page  # progress as text
    assert "Så räknas framstegen" in page  # the counting rule
    visible = period.activities.get(title="Synlig")
    # Its link names the place too, for a screen reader's list of links ("Synlig" ×3 else).
    link = f'<a href="{period.get_absolute_url()}aktiviteter/{visible.pk}/">Synlig<span'
    assert link in page
    assert (
        f'class="visually-hidden"> – {period.place_name} {period.period_label}</span></a>' in page
    )


# --- filters --------------------------------------------------------------------------------


@pytest.fixture
def two_activities(db):
    """Vetlanda (police, traffic theme, in force) and Göteborg (other actor, closed 2020–2021)."""
    vetlanda = current_period("vetlanda")
    promise = factories.promise(vetlanda, "Tryggare trafik")
    promise.themes.set(Theme.objects.filter(slug="trafik"))
    factories.activity(vetlanda, "Vetlanda: trafikkontroller").promises.add(promise)

    goteborg = current_period(
        "goteborg",
        area_name="Hamnen",
        start=D(2020, 1, 1),
        end=D(2021, 12, 31),
        state=PeriodState.CLOSED,
    )
    promise = factories.promise(goteborg, "Mindre narkotika")
    promise.themes.set(Theme.objects.filter(slug="narkotika"))
    factories.activity(
        goteborg,
        "Göteborg: dialog",
        target=None,
        responsible=Responsible.OTHER,
        responsible_other="Västtrafik",
        description="Medborgardialog i hamnen.",
        status=ActivityStatus.DONE,
    ).promises.add(promise)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"lan": "06"}, ["Vetlanda"]),
        ({"lan": "14"}, ["Göteborg"]),
        ({"polisregion": "ost"}, ["Vetlanda"]),
        ({"polisregion": "vast"}, ["Göteborg"]),
        ({"tema": "trafik"}, ["Vetlanda"]),
        ({"tema": "narkotika"}, ["Göteborg"]),
        ({"tema": "unga"}, []),
        ({"ar": "2021"}, ["Göteborg"]),
        ({"ar": "2019"}, []),
        ({"status": "active"}, ["Vetlanda"]),
        ({"status": "closed"}, ["Göteborg"]),
        ({"ansvarig": "police"}, ["Vetlanda"]),
        ({"ansvarig": "other"}, ["Göteborg"]),
        ({"ansvarig": "joint"}, []),
        ({"framsteg": "behind"}, ["Vetlanda"]),  # no logs with 4.3 of 15 due
        ({"framsteg": "not_started"}, []),
        ({"framsteg": "on_track"}, []),
        ({"q": "västtrafik"}, ["Göteborg"]),  # the other actor
        ({"q": "medborgardialog"}, ["Göteborg"]),  # description
        ({"q": "trafikkontroller"}, ["Vetlanda"]),  # title
        ({"q": "hamnen"}, ["Göteborg"]),  # area name
        ({"q": "vetlanda"}, ["Vetlanda"]),  # municipality
    ],
)
def test_activity_list_filters(client, two_activities, params, expected):
    response = client.get("/aktiviteter/", params)
    assert response.status_code == 200
    assert not response.context["filter"].errors
    assert [title.split(":")[0] for title in titles(response)] == expected


@pytest.mark.django_db
def test_theme_filter_lists_an_activity_serving_two_promises_of_the_theme_once(client):
    period = current_period()
    activity = factories.activity(period, "Dubbelt tema")
    for title in ("Trafik A", "Trafik B"):
        promise = factories.promise(period, title)
        promise.themes.set(Theme.objects.filter(slug="trafik"))
        activity.promises.add(promise)
    response = client.get("/aktiviteter/", {"tema": "trafik"})
    assert titles(response) == ["Dubbelt tema"]
    assert response.context["page_obj"].paginator.count == 1


@pytest.fixture
def paced(db):
    """Activities of a period 200 of 701 days in, target 15 (expected by today: 4.3), one of
    one a month with nothing done yet, and one without a target."""
    period = current_period()
    with_logs(factories.activity(period, "Klar", target=TARGET), 15)
    with_logs(factories.activity(period, "I fas", target=TARGET), 5)
    with_logs(factories.activity(period, "Efter plan", target=TARGET), 1)
    factories.activity(period, "Ej påbörjad", target=MONTHLY)
    factories.activity(period, "Utan mål", target=None)
    return period


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("done", ["Klar"]),
        ("on_track", ["I fas"]),
        ("behind", ["Efter plan"]),
        ("not_started", ["Ej påbörjad"]),
        ("achieved", []),
        ("not_achieved", []),
    ],
)
def test_progress_status_filter(client, paced, status, expected):
    response = client.get("/aktiviteter/", {"framsteg": status})
    assert titles(response) == expected
    assert response.context["page_obj"].paginator.count == len(expected)


@pytest.mark.django_db
def test_withdrawn_logs_do_not_count_in_the_progress_status_filter(client):
    activity = with_logs(factories.activity(current_period(), "Mest återkallat", target=TARGET), 1)
    with_logs(activity, 5, withdrawn_at=timezone.now(), withdrawal_reason="Dubblett")
    assert titles(client.get("/aktiviteter/", {"framsteg": "on_track"})) == []
    response = client.get("/aktiviteter/", {"framsteg": "behind"})
    assert titles(response) == ["Mest återkallat"]
    assert "1 av minst 15 trafikkontroller" in response.content.decode()


@pytest.mark.django_db
def test_activity_list_combines_filters(client, paced):
    other = current_period("tranas")
    with_logs(factories.activity(other, "Tranås i fas", target=TARGET), 5)
    factories.activity(other, "Kommunens", target=TARGET, responsible=Responsible.MUNICIPALITY)

    response = client.get(
        "/aktiviteter/",
        {"lan": "06", "framsteg": "on_track", "ansvarig": "police", "q": "fas"},
    )

    assert titles(response) == ["Tranås i fas", "I fas"]  # by municipality name
    response = client.get("/aktiviteter/", {"q": "tranås", "framsteg": "on_track"})
    assert titles(response) == ["Tranås i fas"]


@pytest.mark.django_db
def test_activity_list_empty_result_says_so(client, paced):
    response = client.get("/aktiviteter/", {"ansvarig": "joint", "framsteg": "done"})
    assert response.status_code == 200
    assert titles(response) == []
    assert response.context["page_obj"].paginator.count == 0
    assert 'class="empty"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"ar": "abc"}, "ar"),
        ({"lan": "99999"}, "lan"),
        ({"ansvarig": "nobody"}, "ansvarig"),
        ({"framsteg": "fast"}, "framsteg"),
        ({"tema": "<b>x</b>"}, "tema"),
        ({"status": "draft"}, "status"),
    ],
)
def test_activity_list_invalid_filter_is_an_error_not_a_crash(client, paced, params, field):
    response = client.get("/aktiviteter/", params)
    assert response.status_code == 200
    assert field in response.context["filter"].errors
    page = response.content.decode()
    assert 'class="error-summary"' in page and f'href="#id_{field}"' in page
    assert f'aria-describedby="id_{field}_error"' in page
    assert len(titles(response)) == 5  # the invalid filter is ignored
    assert "<b>x</b>" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"ansvarig": "police"}, {"framsteg": "not_started"}])
def test_activity_list_pagination_keeps_the_filters(client, params):
    period = current_period()
    for i in range(30):
        factories.activity(period, f"Aktivitet {i:02}", target=MONTHLY, position=i + 1)
    # Neither by the police nor not started: outside both filters.
    with_logs(factories.activity(period, "Utanför", responsible=Responsible.JOINT, position=31), 1)

    first = client.get("/aktiviteter/", params)

    assert first.context["page_obj"].paginator.count == 30
    assert len(titles(first)) == 25
    link = html.unescape(re.findall(r'href="(\?[^"]*)" rel="next"', first.content.decode())[0])
    key, value = next(iter(params.items()))
    assert f"{key}={value}" in link and "page=2" in link
    second = client.get("/aktiviteter/" + link)
    assert titles(second) == [f"Aktivitet {i}" for i in range(25, 30)]


def build(size: int, skip: int = 0) -> None:
    """`size` published periods, each with 3 activities serving a themed promise, with logs."""
    slugs = Municipality.objects.order_by("code").values_list("slug", flat=True)
    for slug in slugs[skip : skip + size]:
        period = current_period(slug, slug=f"p-{slug}")
        promise = factories.promise(period, "Löfte")
        promise.themes.set(Theme.objects.filter(slug="trafik"))
        for i in range(3):
            activity = factories.activity(period, f"Aktivitet {i}", target=TARGET)
            activity.promises.add(promise)
            with_logs(activity, i * 3, internal_note="INTERNT")
        factories.activity(current_period(slug, state=PeriodState.DRAFT), "Utkast")


LIST_QUERIES = {
    # count; the page's keys, then its activities (KeysFirstPaginator); their span sums (the
    # place and theme choices are kept: `kept_place_and_theme_choices`)
    "/aktiviteter/": 4,
    "/aktiviteter/?lan=01&tema=trafik&ar=2026&ansvarig=police&q=akt&page=2": 4,
    "/aktiviteter/?kommun=vallentuna&q=aktivitet&page=2": 4,
    # Filtering on progress status: every match's target, their periods (each once), their
    # span sums (the status is computed in Python), then count, keys, page and sums of the
    # matching ones.
    "/aktiviteter/?framsteg=behind&polisregion=stockholm&page=2": 7,
    "/aktiviteter/?ar=abc&framsteg=x": 4,
}


@pytest.fixture(scope="module")
def list_growth(module_data):
    # Three municipalities' activities, then ten times as many.
    return at_two_sizes(module_data, LIST_QUERIES, lambda: build(3), lambda: build(30, skip=3))


@pytest.mark.django_db
@pytest.mark.parametrize("url", LIST_QUERIES)
def test_activity_list_queries_do_not_grow_with_data(list_growth, url):
    small, large = (sizes[url] for sizes in list_growth)
    assert_same_queries(small, large, LIST_QUERIES[url])
    assert small.response.context["activities"]
    assert large.response.context["activities"]


@pytest.mark.django_db
def test_the_list_shows_the_current_span_and_the_period_page_every_span(client):
    period = current_period()
    with_logs(
        factories.activity(period, "Kontroller", target=("at_least", 2, "kontroller", "month")), 3
    )
    listed = client.get("/aktiviteter/").content.decode()
    assert "Kontroller" in listed and 'class="bar"' in listed
    assert "delperiod" not in listed
    # 24 months, of which the period page lists the latest 14.
    assert "De senaste delperioderna" in client.get(period.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_period_page_lists_the_latest_spans_and_links_to_the_activity_page_for_all(client):
    period = current_period()
    activity = factories.activity(
        period, "Fotpatrull", target=("at_least", 1, "fotpatruller", "week")
    )
    weeks = len(activity.progress().spans)
    own_url = reverse(
        "activities:activity_detail", args=[period.municipality.slug, period.slug, activity.pk]
    )

    def listed(url):
        page = client.get(url).content.decode()
        spans = re.search(r'<details class="spans">(.*?)</details>', page, re.S).group(1)
        return spans.count("<li>"), html.unescape(strip_tags(spans))

    on_period_page, words = listed(period.get_absolute_url())
    on_own_page, _ = listed(own_url)
    assert weeks > wording.LISTED_ON_PERIOD_PAGE
    assert on_period_page == wording.LISTED_ON_PERIOD_PAGE
    assert on_own_page == weeks
    assert words.strip().startswith("De senaste delperioderna")
    assert f"Här visas de senaste {on_period_page} av periodens {weeks} veckor." in words
    assert f'href="{own_url}#framsteg"' in client.get(period.get_absolute_url()).content.decode()
