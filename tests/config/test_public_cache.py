"""The public page cache: hits for anonymous visitors, fresh after every write, never for staff;
a write makes stale the pages of its municipality and the national ones, not the others."""

import datetime
import uuid

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities import rollup
from activities.filters import ActivityFilter
from activities.models import Activity, ActivityLog
from activities.services import record_log, withdraw_log
from config import page_cache, public_cache
from followups.models import Report, ReportKind
from municipalities.models import Municipality, Role
from promises.filters import LEGACY_PARAMETERS, MunicipalitySearchForm, PromiseFilter
from promises.models import Theme
from tests import factories
from tests.e2e.data import ensure_reference_data
from tests.staff import sign_in, staff_user

TODAY = timezone.localdate()


@pytest.fixture
def world(db, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    period = factories.period(
        "tranas", start=TODAY - datetime.timedelta(days=30), end=TODAY + datetime.timedelta(300)
    )
    activity = factories.activity(period, target=("at_least", 15, "trafikkontroller", "period"))
    return period, activity


def _get(client, url, **headers):
    return client.get(url, headers=headers)


def test_an_anonymous_page_is_stored_and_served_with_validators(client, world):
    period, _activity = world
    url = period.get_absolute_url()
    first = _get(client, url)
    second = _get(client, url)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"] and "must-revalidate" in second["Cache-Control"]
    assert not first.cookies and not second.cookies
    assert "Content-Security-Policy" in second  # headers of every response still added
    not_modified = _get(client, url, if_none_match=first["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""


def test_the_etag_does_not_move_with_a_write_the_page_does_not_show(client, world):
    """A security probe polled a municipality's page: its ETag changed when a log's internal
    note did, the page not at all, telling when staff were at work on something internal."""
    period, activity = world
    url = reverse("promises:municipality_detail", args=[period.municipality.slug])
    log = factories.log(activity, TODAY, 2)
    first = _get(client, url)
    log.internal_note = "Intern uppgift"
    log.save()
    again = _get(client, url)
    assert again["X-Cache"] == "miss"  # the write made the kept page stale …
    assert again.content == first.content and again["ETag"] == first["ETag"]  # … not the page
    assert _get(client, url, if_none_match=first["ETag"]).status_code == 304
    log.quantity = 3
    log.save()
    assert _get(client, url)["ETag"] != first["ETag"]


def test_a_hit_carries_every_header_of_the_page_it_stored(client, world):
    """The cache answers before the CSP, frame, permissions and language middleware: the
    headers those gave the page are stored with it, and the outer ones are added anew."""
    period, _activity = world
    url = period.get_absolute_url()
    first, second = _get(client, url), _get(client, url)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    per_answer = {"X-Cache", "X-Request-ID"}
    assert {k: v for k, v in first.items() if k not in per_answer} == {
        k: v for k, v in second.items() if k not in per_answer
    }
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "Content-Language",
        "Content-Length",
        "Referrer-Policy",
        "X-Content-Type-Options",
    ):
        assert second[header], header
    assert int(second["Content-Length"]) == len(second.content)
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_page_stored_by_another_version_of_the_static_files_is_not_served(
    client, world, monkeypatch
):
    """After an upgrade a kept page would link the old CSS (site.<old hash>.css), which the
    new version's hosts no longer have."""

    class Manifest:
        manifest_hash = "a1"

    period, _activity = world
    url = period.get_absolute_url()
    monkeypatch.setattr(page_cache, "staticfiles_storage", Manifest())
    page_cache._key_prefix.cache_clear()
    _get(client, url)
    assert _get(client, url)["X-Cache"] == "hit"
    Manifest.manifest_hash = "b2"  # the new version, its files collected
    page_cache._key_prefix.cache_clear()  # a new process
    assert _get(client, url)["X-Cache"] == "miss"
    assert _get(client, url)["X-Cache"] == "hit"
    page_cache._key_prefix.cache_clear()


def test_a_page_stored_by_another_version_of_the_code_is_not_served(
    client, world, settings, tmp_path
):
    """A deployment that changes only a template or a Swedish word (no static file, no
    migration) served the old page until its time in the cache ran out, and hosts of two
    versions in a rolling upgrade served each other's pages."""
    period, _activity = world
    url = period.get_absolute_url()
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>Senast uppföljt</p>")
    settings.BASE_DIR = tmp_path
    page_cache.code_version.cache_clear()
    page_cache._key_prefix.cache_clear()
    try:
        first = page_cache.code_version()
        _get(client, url)
        assert _get(client, url)["X-Cache"] == "hit"
        template.write_text("<p>Senast följt upp</p>")  # the new version
        page_cache.code_version.cache_clear()  # a new process
        page_cache._key_prefix.cache_clear()
        assert page_cache.code_version() != first
        assert _get(client, url)["X-Cache"] == "miss"
        assert _get(client, url)["X-Cache"] == "hit"
    finally:
        page_cache.code_version.cache_clear()
        page_cache._key_prefix.cache_clear()


def test_a_page_stored_under_other_header_settings_is_not_served(client, world, settings):
    """A deployment that changes the security headers never serves a stored page with the
    old ones."""
    period, _activity = world
    url = period.get_absolute_url()
    _get(client, url)
    assert _get(client, url)["X-Cache"] == "hit"
    settings.X_FRAME_OPTIONS = "SAMEORIGIN"
    changed = _get(client, url)
    assert changed["X-Cache"] == "miss"
    assert changed["X-Frame-Options"] == "SAMEORIGIN"
    assert _get(client, url)["X-Frame-Options"] == "SAMEORIGIN"


def test_a_page_kept_before_midnight_is_made_anew_the_next_day(client, world):
    """Pages judge progress on the day ("i fas" becomes "efter plan" overnight) and say it."""
    import time_machine

    period, _activity = world
    url = period.get_absolute_url()
    evening = timezone.make_aware(datetime.datetime(2026, 6, 15, 23, 58))
    with time_machine.travel(evening, tick=False):
        _get(client, url)
        assert _get(client, url)["X-Cache"] == "hit"
    with time_machine.travel(evening + datetime.timedelta(minutes=4), tick=False):
        assert _get(client, url)["X-Cache"] == "miss"


def test_every_kind_of_write_is_visible_on_the_next_request(client, world):
    period, activity = world
    url = period.get_absolute_url()
    assert "0 av minst 15 trafikkontroller" in _get(client, url).content.decode()
    assert _get(client, url)["X-Cache"] == "hit"
    log = factories.log(activity, TODAY)
    response = _get(client, url)
    assert response["X-Cache"] == "miss"
    assert "1 av minst 15 trafikkontroller" in response.content.decode()
    withdraw_log(ActivityLog.objects.get(pk=log.pk), staff_user("polis"), "Fel")
    assert "0 av minst 15 trafikkontroller" in _get(client, url).content.decode()
    activity.target_value = 10
    activity.save()
    assert "0 av minst 10 trafikkontroller" in _get(client, url).content.decode()
    factories.meeting(period, TODAY, public_summary="Ett uppföljningsmöte hölls i dag.")
    assert "Ett uppföljningsmöte hölls i dag." in _get(client, url).content.decode()


def test_the_signing_pdf_is_kept_too_and_made_anew_after_a_write(client, world):
    period, activity = world
    url = reverse(
        "promises:document_pdf", args=[period.municipality.slug, period.slug, "medborgarloftet"]
    )
    first, second = _get(client, url), _get(client, url)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
    activity.title = "Fler trafikkontroller"
    activity.save()
    assert _get(client, url)["X-Cache"] == "miss"


def test_staff_errors_and_posts_are_never_served_from_the_cache(client, world):
    period, _activity = world
    url = period.get_absolute_url()
    _get(client, url)
    assert _get(client, url)["X-Cache"] == "hit"
    assert "X-Cache" not in _get(client, "/kommuner/finns-inte/")
    assert "X-Cache" not in _get(client, "/kommuner/finns-inte/")
    user = staff_user("polis", role=Role.POLICE_OFFICER, municipality=period.municipality)
    sign_in(client, user)
    signed_in = _get(client, url)
    assert "X-Cache" not in signed_in
    # For the user's browser alone, never a shared proxy's copy.
    assert "private" in signed_in["Cache-Control"] and "public" not in signed_in["Cache-Control"]
    assert "X-Cache" not in _get(client, reverse("activities:staff_home"))


def test_no_cache_when_switched_off(client, world, settings):
    settings.PUBLIC_CACHE_SECONDS = 0
    period, _activity = world
    _get(client, period.get_absolute_url())
    assert "X-Cache" not in _get(client, period.get_absolute_url())


@pytest.fixture
def two_places(world):
    """`world`'s period in Tranås, and one in Vetlanda with its own activity."""
    period, activity = world
    other = factories.period(
        "vetlanda", start=TODAY - datetime.timedelta(days=30), end=TODAY + datetime.timedelta(300)
    )
    other_activity = factories.activity(other, title="Fotpatruller", target=None)
    return period, activity, other, other_activity


def _cached(client, *urls) -> None:
    for url in urls:
        _get(client, url)
        assert _get(client, url)["X-Cache"] == "hit", url


def test_a_log_leaves_the_pages_of_other_municipalities_in_the_cache(client, two_places):
    period, activity, other, _other_activity = two_places
    here = [period.get_absolute_url(), reverse("promises:municipality_detail", args=["tranas"])]
    there = [other.get_absolute_url(), reverse("promises:municipality_detail", args=["vetlanda"])]
    national = [reverse("promises:home"), reverse("activities:activity_list")]
    _cached(client, *here, *there, *national)
    factories.log(activity, TODAY)
    for url in here + national:
        assert _get(client, url)["X-Cache"] == "miss", url
    assert "1 av minst 15 trafikkontroller" in _get(client, here[0]).content.decode()
    for url in there:
        assert _get(client, url)["X-Cache"] == "hit", url
    # Withdrawn and deleted: the same pages again.
    _cached(client, *here)
    withdraw_log(ActivityLog.objects.get(activity=activity), staff_user("polis"), "Fel")
    assert "0 av minst 15 trafikkontroller" in _get(client, here[0]).content.decode()
    assert _get(client, there[0])["X-Cache"] == "hit"
    log = factories.log(activity, TODAY, 3)
    _cached(client, *here)
    log.delete()
    assert _get(client, here[0])["X-Cache"] == "miss"
    assert _get(client, there[0])["X-Cache"] == "hit"


def test_what_any_page_may_show_makes_every_page_stale(client, two_places):
    period, _activity, other, _other_activity = two_places
    urls = [period.get_absolute_url(), other.get_absolute_url(), reverse("promises:home")]
    _cached(client, *urls)
    county = other.municipality.county
    county.name = "Jönköpings län (nytt namn)"
    county.save()
    for url in urls:
        assert _get(client, url)["X-Cache"] == "miss", url


def test_a_row_that_moved_makes_every_page_stale(client, two_places):
    period, activity, other, _other_activity = two_places
    _cached(client, period.get_absolute_url(), other.get_absolute_url())
    activity.period = other  # moved to Vetlanda's period, saved whole
    activity.position = 2
    activity.save()
    assert "Trafikkontroller" not in _get(client, period.get_absolute_url()).content.decode()
    assert "Trafikkontroller" in _get(client, other.get_absolute_url()).content.decode()


def test_a_row_saved_whole_where_it_was_leaves_other_municipalities_cached(client, two_places):
    period, activity, other, _other_activity = two_places
    here, there = period.get_absolute_url(), other.get_absolute_url()
    _cached(client, here, there)
    edited = Activity.objects.get(pk=activity.pk)  # as an editor loads it, saved whole
    edited.title = "Trafikkontroller vid skolorna"
    edited.save()
    assert "Trafikkontroller vid skolorna" in _get(client, here).content.decode()
    assert _get(client, there)["X-Cache"] == "hit"
    # Saved again from the same instance, after it moved once: placed where it now is.
    edited.period, edited.position = other, 2
    edited.save()
    _cached(client, here, there)
    edited.position = 5
    edited.save()
    assert _get(client, here)["X-Cache"] == "hit"
    assert _get(client, there)["X-Cache"] == "miss"


def test_a_row_saved_without_its_parent_loaded_stays_where_it_was(client, two_places):
    # Django saves only the loaded fields of a row loaded in part: its parent is not saved.
    period, activity, other, _other_activity = two_places
    _cached(client, period.get_absolute_url(), other.get_absolute_url())
    partial = Activity.objects.only("pk", "title").get(pk=activity.pk)
    partial.title = "Trafikkontroller vid skolorna"
    partial.save()
    assert _get(client, period.get_absolute_url())["X-Cache"] == "miss"
    assert _get(client, other.get_absolute_url())["X-Cache"] == "hit"


def test_a_row_whose_place_was_not_known_when_saved_whole_may_have_moved(world):
    _period, activity = world
    loaded = Activity.objects.get(pk=activity.pk)
    assert not public_cache._may_have_moved(Activity, loaded, False, None)
    del loaded.__dict__[public_cache._PLACED_AT]  # as a row built without its parent
    assert public_cache._may_have_moved(Activity, loaded, False, None)
    assert not public_cache._may_have_moved(Activity, loaded, False, ["title"])
    assert public_cache._may_have_moved(Activity, loaded, False, ["period"])


def test_a_rebuild_of_the_sums_makes_its_municipality_stale_once(client, two_places):
    # Rollup rows send no signal: a rebuild (a daily extension of open-ended periods, say)
    # makes its activities' pages stale itself, and deletes their rows in one statement.
    period, activity, other, _other_activity = two_places
    activity.target_scope = "day"  # 331 per-day sums
    activity.save()
    _cached(client, period.get_absolute_url(), other.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        rollup.rebuild(Activity.objects.filter(pk=activity.pk).select_related("period"))
    assert len(queries) < 15
    assert _get(client, period.get_absolute_url())["X-Cache"] == "miss"
    assert _get(client, other.get_absolute_url())["X-Cache"] == "hit"


def test_a_municipality_file_is_kept_across_writes_elsewhere(client, two_places):
    _period, activity, _other, other_activity = two_places
    url = reverse(
        "followups:municipality_open_data_download", args=["tranas", "aktiviteter", "json"]
    )
    first = client.get(url)
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    factories.log(other_activity, TODAY)  # in Vetlanda
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    factories.log(activity, TODAY)
    second = client.get(url)
    assert second.status_code == 200 and second["ETag"] != first["ETag"]


def test_the_follow_up_feeds_are_made_anew_after_a_meeting_a_report_or_a_log(client, two_places):
    period, activity, _other, _other_activity = two_places
    feeds = ["/uppfoljningsflode/", "/kommuner/tranas/uppfoljningsflode/"]
    there = "/kommuner/vetlanda/uppfoljningsflode/"
    _cached(client, *feeds, there)
    factories.meeting(period, TODAY, public_summary="Mötet om torget hölls.")
    for url in feeds:
        response = _get(client, url)
        assert response["X-Cache"] == "miss", url
        assert "Mötet om torget hölls." in response.content.decode(), url
    assert _get(client, there)["X-Cache"] == "hit"
    _cached(client, *feeds)
    Report.objects.create(
        period=period,
        kind=ReportKind.TERTIAL,
        title="Tertialrapport för torget",
        body="Text",
        covers_from=period.start_date,
        covers_to=TODAY,
        published_on=TODAY,
    )
    for url in feeds:
        response = _get(client, url)
        assert response["X-Cache"] == "miss", url
        assert "Tertialrapport för torget" in response.content.decode(), url
    assert _get(client, there)["X-Cache"] == "hit"
    # A log is in the whole feed, and makes its municipality's pages stale, these with them.
    _cached(client, *feeds)
    factories.log(activity, TODAY)
    for url in feeds:
        response = _get(client, url)
        assert response["X-Cache"] == "miss", url
        assert not response.cookies, url
    assert _get(client, there)["X-Cache"] == "hit"


def test_a_logged_activity_finds_its_municipality_without_a_query(world):
    _period, activity = world
    loaded = Activity.objects.for_log_form().get(pk=activity.pk)
    with CaptureQueriesContext(connection) as queries:
        record_log(
            activity=loaded,
            user=staff_user("polis"),
            idempotency_key=uuid.uuid4(),
            date=TODAY,
            quantity=1,
        )
    assert not [q for q in queries.captured_queries if "municipalities_municipality" in q["sql"]]
    # A row whose relations were not loaded finds it in one query, also once deleted.
    log = ActivityLog.objects.only("pk", "activity").get(activity=activity)
    path = public_cache.TO_MUNICIPALITY["activities.activitylog"]
    with CaptureQueriesContext(connection) as queries:
        assert public_cache.municipality_slug(log, path) == "tranas"
    assert len(queries) == 1


def test_every_model_of_the_public_apps_is_placed_or_shown_on_every_page():
    shown_everywhere = {"promises.theme", "promises.promise_themes", "activities.activity_promises"}
    labels = set()
    for app in ("promises", "activities", "followups"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            if getattr(model, "instance_type", None) is None:  # not a history model
                labels.add(model._meta.label_lower)
    assert labels - shown_everywhere - public_cache.DERIVED == set(public_cache.TO_MUNICIPALITY)
    for label, path in public_cache.TO_MUNICIPALITY.items():
        model = apps.get_model(label)
        for name in path:
            model = model._meta.get_field(name).related_model
        assert model is Municipality, label


def test_pages_of_one_municipality_are_those_whose_address_names_it():
    tranas = (public_cache.EVERY_PAGE, public_cache.municipality_key("tranas"))
    for path in [
        "/kommuner/tranas/",
        "/kommuner/tranas/2026-2027/",
        "/en/kommuner/tranas/flode/",
        "/kommuner/tranas/uppfoljningsflode/",
    ]:
        assert public_cache.page_keys(path) == tranas, path
    for path in [
        "/",
        "/kommuner/",
        "/aktiviteter/",
        "/flode/",
        "/uppfoljningsflode/",
        "/oppna-data/loften.csv",
        "/lan/jonkopings-lan/",
        "/x/y/",
    ]:
        assert public_cache.page_keys(path) == (public_cache.NATIONAL,), path


def test_parameters_no_page_reads_make_no_copy_of_the_page(client, world):
    """A link shared on social media gets a new `fbclid` per click: every visit would render
    the page anew and push the other pages out of the cache."""
    first = _get(client, "/loften/?fbclid=IwAR1abc")
    again = _get(client, "/loften/?fbclid=IwAR2def&utm_source=nyhetsbrev")
    plain = _get(client, "/loften/")
    assert (first["X-Cache"], again["X-Cache"], plain["X-Cache"]) == ("miss", "hit", "hit")
    assert b"fbclid" not in first.content and b"IwAR" not in first.content
    # The parameters pages read still count, in the key and on the page.
    _period, activity = world
    searched = _get(client, f"/aktiviteter/?q={activity.title[:8]}&fbclid=x")
    assert searched["X-Cache"] == "miss"
    assert _get(client, f"/aktiviteter/?q={activity.title[:8]}")["X-Cache"] == "hit"
    missed = _get(client, "/aktiviteter/?q=finnsinte")
    assert activity.title.encode() in searched.content
    assert activity.title.encode() not in missed.content
    # The English names still redirect, without what was dropped.
    legacy = _get(client, "/loften/?theme=trygghet&fbclid=x")
    assert legacy.status_code == 301 and legacy["Location"] == "/loften/?tema=trygghet"


@pytest.mark.parametrize("path", ["/loften/", "/aktiviteter/", "/en/promises/"])
@pytest.mark.parametrize("name", ["page", "ar", "year"])
def test_a_number_longer_than_python_reads_is_no_error(client, world, path, name):
    """Python refuses to read a number of more than 4,300 digits: `?page=` and `?ar=` with
    5,000 were a 500 (behind gunicorn, only with a longer request line than its 4,094)."""
    response = client.get(f"{path}?{name}={'9' * 5000}")
    assert response.status_code in (200, 301, 404)


def test_the_parameters_kept_are_those_the_public_pages_read():
    read = (
        set(PromiseFilter.base_filters)
        | set(ActivityFilter.base_filters)
        | set(MunicipalitySearchForm.base_fields)
        | set(LEGACY_PARAMETERS)
        | {"page", "kommun"}  # the lists' pages; the start page's and open data's choice
        | {"p"}  # a sitemap section's further files
    )
    assert read == public_cache.QUERY_PARAMETERS


def test_a_session_cookie_of_nobody_signed_in_is_answered_from_the_cache(client, world):
    """A made-up or expired session cookie must not make every request render the page (a
    signing document's PDF costs a second)."""
    period, _activity = world
    url = period.get_absolute_url()
    assert _get(client, url)["X-Cache"] == "miss"
    client.cookies["sessionid"] = "made-up"
    assert _get(client, url)["X-Cache"] == "hit"
    # A signed-in user's session is never answered from the cache.
    user = staff_user("polis", role=Role.POLICE_OFFICER, municipality=period.municipality)
    sign_in(client, user)
    signed_in = _get(client, url)
    assert "X-Cache" not in signed_in
    # For the user's browser alone, never a shared proxy's copy.
    assert "private" in signed_in["Cache-Control"] and "public" not in signed_in["Cache-Control"]


@pytest.mark.parametrize(
    "host", ["portal.example:1", "portal.example:65535", "portal.example.", "WWW.Portal.Example"]
)
def test_a_page_is_one_copy_whatever_host_or_port_named_it(client, world, settings, host):
    """Each port of an allowed name (and a trailing dot) rendered the page again and kept one
    more copy: anyone could fill the shared cache, and make a PDF render on every request.
    A feed, which holds absolute addresses, names SITE_URL's, whatever Host was asked for."""
    settings.ALLOWED_HOSTS = ["portal.example", "www.portal.example", "testserver"]
    settings.SITE_URL = "https://portal.example"
    period, _activity = world
    feed = f"/kommuner/{period.municipality.slug}/flode/"
    first = client.get(feed, HTTP_HOST="portal.example")
    assert first["X-Cache"] == "miss" and b"https://portal.example/kommuner/" in first.content
    other = client.get(feed, HTTP_HOST=host)
    assert other["X-Cache"] == "hit" and other.content == first.content
    secure = client.get(feed, HTTP_HOST=host, secure=True)
    assert secure["X-Cache"] == "hit"
    assert client.get(period.get_absolute_url(), HTTP_HOST="portal.example")["X-Cache"] == "miss"
    assert client.get(period.get_absolute_url(), HTTP_HOST=host)["X-Cache"] == "hit"


def test_a_host_not_allowed_is_refused_before_the_cache_answers(client, world, settings):
    settings.ALLOWED_HOSTS = ["portal.example"]
    period, _activity = world
    assert client.get(period.get_absolute_url(), HTTP_HOST="portal.example")["X-Cache"] == "miss"
    assert client.get(period.get_absolute_url(), HTTP_HOST="evil.example").status_code == 400


def test_a_page_number_or_a_repeated_parameter_no_list_reads_makes_no_copy(client, world):
    """`?page=a1`, `?page=a2`, `?page=0` are the first page, and a repeated parameter is read
    once: each would otherwise render the page anew and push others out of the cache."""
    period, _activity = world
    promise = factories.promise(period, "Tryggare torg")
    promise.themes.set(Theme.objects.filter(slug="trygghet-i-offentlig-miljo"))
    assert _get(client, "/loften/")["X-Cache"] == "miss"
    for query in ("page=a1", "page=a2", "page=0", "page=1", "page=-3", "page=%C2%B2"):
        assert _get(client, f"/loften/?{query}")["X-Cache"] == "hit", query
    assert _get(client, "/loften/?tema=trygghet-i-offentlig-miljo")["X-Cache"] == "miss"
    assert _get(client, "/loften/?tema=x&tema=trygghet-i-offentlig-miljo")["X-Cache"] == "hit"
    # Past the end of the list (one page here): the last page, shown but not kept, whatever
    # the number (test_cache_flood.py).
    for number in ("2", "99999999", "9" * 30):
        response = _get(client, f"/loften/?page={number}")
        assert response.status_code == 200 and "X-Cache" not in response


def test_each_page_keeps_only_the_parameters_it_reads(world):
    period, activity = world
    base = period.get_absolute_url()
    read = {
        "/": {"kommun"},
        "/kommuner/": {"q"},
        "/loften/": {"q", "page", "kommun", "lan", "tema", "ar", "status", "theme"},
        "/aktiviteter/": {"q", "page", "ansvarig", "framsteg", "progress"},
        f"{base}aktiviteter/{activity.pk}/": {"page"},
        "/oppna-data/": {"kommun"},
        "/en/loften/": {"q", "page", "tema"},
    }
    for url, names in read.items():
        assert names <= public_cache.parameters_read(url), url
        assert "fbclid" not in public_cache.parameters_read(url)
    # A period page, its documents, PDFs, feeds, calendars and files read none.
    for url in (
        base,
        f"{base}medborgarloftet/",
        f"{base}medborgarloftet.pdf",
        "/flode/",
        "/uppfoljningsflode/",
        "/kommuner/tranas/uppfoljningsflode/",
        "/oppna-data/aktiviteter.csv",
        "/lan/jonkopings-lan/oppna-data/genomforda-aktiviteter.csv",
        "/kommuner/tranas/",
        "/finns-inte/",
    ):
        assert public_cache.parameters_read(url) == frozenset(), url


def test_a_parameter_a_page_does_not_read_does_not_make_it_render_again(client, world):
    """Anyone could add `?q=<new value>` to a signing document's PDF on every request: each
    would render it anew (a second of CPU) if the parameter made a key of its own."""
    period, _activity = world
    pdf = f"{period.get_absolute_url()}medborgarloftet.pdf"
    assert _get(client, pdf)["X-Cache"] == "miss"
    for junk in ("q=abc", "q=def&page=7", "page=99", "kommun=malmo&ar=2026"):
        response = _get(client, f"{pdf}?{junk}")
        assert response.status_code == 200 and response["X-Cache"] == "hit", junk
    page = period.get_absolute_url()
    assert _get(client, page)["X-Cache"] == "miss"
    assert _get(client, f"{page}?page=3&q=x")["X-Cache"] == "hit"


@pytest.fixture
def reference_data(transactional_db):
    # A flush after an earlier transactional test can leave the database without the
    # migrations' reference data when the serialized copy is not restored; reload it then.
    ensure_reference_data()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_writes_in_one_transaction_set_each_version_once_then_at_the_commit(
    reference_data, client, world, monkeypatch
):
    """A log import saves its rows in one transaction (`many_writes`): each row set the
    municipality's and the national version anew (a round trip to the cache each; 12 s for 1,000
    rows with the file cache), where once before and once at the commit do."""
    period, activity = world
    url = period.get_absolute_url()
    assert _get(client, url)["X-Cache"] == "miss"
    user = staff_user("polis")
    replaced = []
    real_replace = public_cache.PAGES.replace
    monkeypatch.setattr(
        public_cache.PAGES, "replace", lambda keys: (replaced.append(keys), real_replace(keys))
    )
    with transaction.atomic(), public_cache.many_writes():
        for day in range(40):
            record_log(
                activity=activity,
                user=user,
                idempotency_key=uuid.uuid4(),
                date=TODAY - datetime.timedelta(days=day % 20),
                quantity=1,
            )
        during = list(replaced)
    written = {key for keys in during for key in keys}
    assert written == {public_cache.municipality_key("tranas"), public_cache.NATIONAL}
    assert sum(len(keys) for keys in during) == len(written)  # each key once
    assert len(replaced) == len(during) + 1  # and all of them once more at the commit
    assert set(replaced[-1]) == written
    # The page shows the logs on the next request.
    after = _get(client, url)
    assert after["X-Cache"] == "miss"
    assert b"40 av minst 15" in after.content


def test_an_error_answer_does_not_read_the_user_outside_the_view(rf):
    """With the database down, a staff page's 503 read the signed-in user from it here, and
    every such request logged a traceback (make fault-test)."""
    from django.http import HttpResponse

    from config.page_cache import PublicPageCacheMiddleware

    class Unreachable:
        @property
        def is_authenticated(self):
            raise AssertionError("the user was read for an error answer")

    request = rf.post("/personal/logga/")
    request.user = Unreachable()
    middleware = PublicPageCacheMiddleware(lambda request: HttpResponse(status=503))
    assert middleware(request).status_code == 503
