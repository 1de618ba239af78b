"""Nobody can fill the shared cache with made-up pages, a cache that cannot write neither keeps
stale pages nor lifts a rate limit, and a client's validator is compared as RFC 9110 asks."""

import datetime
import uuid

import pytest
from django.core import mail
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from config.cache import Versioned
from municipalities import views as account_views
from municipalities.search import MAX_SEARCH
from promises.models import Theme
from tests import factories
from tests.staff import staff_user

TODAY = timezone.localdate()


@pytest.fixture
def world(db, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    caches["default"].clear()
    period = factories.period(
        "tranas", start=TODAY - datetime.timedelta(days=30), end=TODAY + datetime.timedelta(300)
    )
    promise = factories.promise(period, "Tryggare trafik")
    promise.themes.set(Theme.objects.filter(slug="trafik"))
    factories.activity(period, "Trafikkontroller").promises.add(promise)
    return period


def _twice(client, url: str) -> tuple[str | None, str | None]:
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200, url
    return first.get("X-Cache"), second.get("X-Cache")


@pytest.mark.parametrize("path", ["/loften/", "/aktiviteter/", "/kommuner/"])
def test_a_search_that_finds_nothing_is_not_kept(client, world, path):
    made_up = uuid.uuid4().hex
    assert _twice(client, f"{path}?q={made_up}") == (None, None)


@pytest.mark.parametrize("path", ["/loften/", "/aktiviteter/"])
def test_a_search_that_finds_something_is_kept(client, world, path):
    assert _twice(client, f"{path}?q=trafik") == ("miss", "hit")


@pytest.mark.parametrize(
    "query", ["tema=" + "x" * 20, "ar=tjugo", "lan=99", "framsteg=bortom", "ansvarig=ingen"]
)
def test_a_list_with_a_made_up_filter_value_is_not_kept(client, world, query):
    assert _twice(client, f"/aktiviteter/?{query}") == (None, None)


def test_a_valid_filter_that_finds_nothing_is_not_kept(client, world):
    # Valid values can still be combined without end ("?kommun=tranas&lan=01" contradict).
    theme = Theme.objects.exclude(slug="trafik").first()
    assert _twice(client, f"/loften/?tema={theme.slug}") == (None, None)
    assert _twice(client, "/loften/?tema=trafik") == ("miss", "hit")


@pytest.mark.parametrize(
    "spelling", ["q=trafik", "q=%74rafik", "q=trafik%20", "q=%20trafik&q=trafik", "q=trafik+"]
)
def test_one_search_spelled_otherwise_is_one_kept_page(client, world, spelling):
    assert _twice(client, "/loften/?q=trafik") == ("miss", "hit")
    assert client.get(f"/loften/?{spelling}")["X-Cache"] == "hit"


def test_parameters_in_another_order_are_one_kept_page(client, world):
    assert _twice(client, "/aktiviteter/?lan=06&q=trafik") == ("miss", "hit")
    assert client.get("/aktiviteter/?q=trafik&lan=06")["X-Cache"] == "hit"


def test_a_search_of_blanks_is_the_list_itself(client, world):
    assert _twice(client, "/loften/") == ("miss", "hit")
    assert client.get("/loften/?q=%09%20%20")["X-Cache"] == "hit"


def test_a_page_past_the_end_is_not_kept_once_per_number(client, world):
    for number in (2, 3, 777):
        assert _twice(client, f"/loften/?page={number}") == (None, None)
    activity = world.activities.get()
    address = reverse(
        "activities:activity_detail", args=[world.municipality.slug, world.slug, activity.pk]
    )
    assert _twice(client, address + "?page=5") == (None, None)


def test_a_search_for_a_municipality_with_no_match_is_not_kept(client, world):
    assert _twice(client, "/kommuner/?q=" + uuid.uuid4().hex) == (None, None)
    assert _twice(client, "/kommuner/?q=j%C3%B6nk%C3%B6pings+l%C3%A4n") == ("miss", "hit")


class _RefusingWrites:
    """A cache like a full Redis under `noeviction`: reads and deletes work, writes fail."""

    def __init__(self, cache) -> None:
        self.cache = cache

    def __getattr__(self, name):
        if name in {"set", "set_many", "add", "incr"}:

            def refuse(*args, **kwargs):
                raise ConnectionError("OOM command not allowed when used memory > 'maxmemory'")

            return refuse
        return getattr(self.cache, name)


def test_a_version_that_cannot_be_replaced_is_deleted_so_no_stale_entry_is_served(db):
    versions = Versioned("test-version")
    caches["default"].clear()
    version = versions.version()
    versions.store("entry", version, "old page", 60)
    assert versions.read("entry") == (version, "old page")

    full = Versioned("test-version")
    full._cache = lambda: _RefusingWrites(caches["default"])
    full.replace()

    assert caches["default"].get("test-version") is None
    assert full.read("entry") == (None, None)  # no token can be made: works without the cache
    fresh_version, stored = versions.read("entry")
    assert stored is None and fresh_version != version


def test_a_reset_the_cache_cannot_count_sends_nothing_and_answers_as_always(
    client, db, monkeypatch
):
    officer = staff_user("anna")
    monkeypatch.setattr(account_views, "caches", {"limits": _RefusingWrites(caches["limits"])})

    response = client.post(reverse("accounts:password_reset"), {"email": officer.email})

    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_a_weak_or_any_validator_gets_304(client, world):
    url = world.get_absolute_url()
    etag = client.get(url)["ETag"]
    for given in (etag, f"W/{etag}", "*", f'"other", W/{etag}'):
        assert client.get(url, headers={"if-none-match": given}).status_code == 304, given
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200


def test_the_open_data_page_with_a_made_up_municipality_is_not_kept(client, world):
    assert _twice(client, "/oppna-data/?kommun=" + uuid.uuid4().hex) == (None, None)
    assert _twice(client, "/oppna-data/?kommun=tranas") == ("miss", "hit")


def test_a_search_past_what_is_read_is_one_kept_page_whatever_its_ending(client, world):
    # A search reads its first MAX_SEARCH characters: endings past them, made up one per
    # request, would each keep the same rows once more.
    text = "Tryggare trafik vid skolorna " * 10
    factories.promise(world, "Skolvägar", description=text)
    read = text[:MAX_SEARCH]
    first = client.get("/loften/?" + urlencode({"q": read + uuid.uuid4().hex}))
    assert first["X-Cache"] == "miss"
    assert [promise.title for promise in first.context["promises"]] == ["Skolvägar"]
    again = client.get("/loften/?" + urlencode({"q": read + uuid.uuid4().hex}))
    assert again["X-Cache"] == "hit"
