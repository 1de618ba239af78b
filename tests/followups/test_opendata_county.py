"""A county's logs as one file (/lan/<county>/oppna-data/genomforda-aktiviteter.csv, -excel.csv,
.json): the rows of its municipalities' files, in their form, whole, kept until a write in the
county."""

import dataclasses
import datetime
import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import OperationalError
from django.utils import timezone

from activities.services import withdraw_log
from config import public_cache
from followups import opendata
from followups.opendata import DATASETS, DATASETS_BY_SLUG
from followups.opendata import files as opendata_files
from followups.opendata.files import COUNTY_FOLDER_PREFIX
from municipalities.models import County
from promises.models import PeriodState
from tests import factories
from tests.followups.test_opendata import download, kept_files, rows
from tests.growth import at_two_sizes
from tests.staff import staff_user

DAY = datetime.timedelta(days=1)
LOGS = "genomforda-aktiviteter"
COUNTY = "/lan/jonkopings-lan/oppna-data"
SUFFIXES = {"csv": ".csv", "excel": "-excel.csv", "json": ".json"}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Built files are kept in a folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _period(municipality: str, **fields):
    today = timezone.localdate()
    return factories.period(municipality, start=today - 30 * DAY, end=today + 300 * DAY, **fields)


@pytest.fixture
def county(django_user_model):
    """Logs in Vetlanda and Tranås (Jönköpings län) and in Ale (Västra Götalands län), with
    what no file may hold: a withdrawn log, an internal note, a period not published."""
    officer = django_user_model.objects.create_user("polis.persson", password="x" * 20)
    today = timezone.localdate()
    vetlanda = factories.activity(_period("vetlanda"), title="Trafikkontroller")
    factories.log(vetlanda, today - 2 * DAY, 2, place="Storgatan", internal_note="HEMLIG-NOT")
    factories.log(vetlanda, today - DAY, 3, summary="Kvällspass", reported_by=officer)
    withdrawn = factories.log(vetlanda, today, 9, summary="DUBBLETT")
    withdraw_log(withdrawn, staff_user("polis"), "Dubblett")
    tranas = factories.activity(_period("tranas"), title="Nattvandringar", target=None)
    factories.log(tranas, today - DAY, 1, place="Resecentrum")
    ale = factories.activity(_period("ale"), title="Ales aktivitet")
    factories.log(ale, today - DAY, 5, summary="I Ale")
    draft = factories.activity(
        _period("eksjo", state=PeriodState.DRAFT, slug="utkast"), title="UTKAST-AKTIVITET"
    )
    factories.log(draft, today - DAY, 4)
    return {"vetlanda": vetlanda, "tranas": tranas, "ale": ale}


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", SUFFIXES)
def test_a_countys_logs_are_its_municipalities_files_in_one(client, county, fmt):
    """A journalist wanted the logs of Jönköpings län in one file, not one per municipality."""
    response, body = download(client, f"{COUNTY}/{LOGS}{SUFFIXES[fmt]}")
    names, data = rows(fmt, body)
    # The per-municipality file's columns, and its rows: the county's municipalities in code
    # order (Tranås 0687 after Vetlanda 0685), nothing else.
    assert names == DATASETS_BY_SLUG[LOGS].column_names
    parts = []
    for slug in ("vetlanda", "tranas"):
        _response, part = download(client, f"/kommuner/{slug}/oppna-data/{LOGS}{SUFFIXES[fmt]}")
        parts.extend(rows(fmt, part)[1])
    assert data == parts
    assert [row["activity_title"] for row in data] == [
        "Trafikkontroller",
        "Trafikkontroller",
        "Nattvandringar",
    ]
    assert {row["municipality_name"] for row in data} == {"Vetlanda", "Tranås"}
    for secret in (b"Ale", b"HEMLIG", b"DUBBLETT", b"UTKAST", b"polis.persson"):
        assert secret not in body
    extension = "json" if fmt == "json" else "csv"
    variant = "-excel" if fmt == "excel" else ""
    day = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="medborgarloften-jonkopings-lan-{LOGS}{variant}-{day}.{extension}"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies and "Set-Cookie" not in response.headers


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        f"/lan/atlantis-lan/oppna-data/{LOGS}.csv",
        f"/lan/jonkoping/oppna-data/{LOGS}.json",
        f"/lan/finns-inte/oppna-data/{LOGS}-excel.csv",
        # A county's address as its name is written, or nearly: only the folded name is one.
        f"/lan/J%C3%B6nkopings-l%C3%A4n/oppna-data/{LOGS}.csv",
        f"/lan/Jonkopings-Lan/oppna-data/{LOGS}.csv",
        f"/lan/JONKOPINGS-LAN/oppna-data/{LOGS}.json",
        f"/lan/{'jonkopings-lan' * 400}/oppna-data/{LOGS}.csv",
        f"/lan/%2e%2e/oppna-data/{LOGS}.csv",
        f"/lan/jonkopings-lan%00/oppna-data/{LOGS}.csv",
        f"{COUNTY}/{LOGS.upper()}.csv",
        f"{COUNTY}/{LOGS}.CSV",
        f"{COUNTY}/okand.csv",
        f"{COUNTY}/{LOGS}.xml",
        # The datasets offered for the whole country: their national file holds every county.
        f"{COUNTY}/aktiviteter.csv",
        f"{COUNTY}/loften-excel.csv",
        f"{COUNTY}/uppfoljningsmoten.json",
    ],
)
def test_an_unknown_county_format_or_a_national_dataset_is_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Set-Cookie" not in response.headers


def test_only_the_datasets_not_offered_for_the_whole_country_are_offered_per_county():
    assert [dataset.slug for dataset in DATASETS if dataset.per_county] == [LOGS]


@pytest.mark.django_db
def test_the_countys_file_is_kept_across_writes_in_other_counties(client, county, monkeypatch):
    builds = []
    dataset = DATASETS_BY_SLUG[LOGS]

    def counted_rows(*args):
        builds.append(args[0])
        return dataset.rows(*args)

    monkeypatch.setitem(
        opendata.DATASETS_BY_SLUG, LOGS, dataclasses.replace(dataset, rows=counted_rows)
    )
    url = f"{COUNTY}/{LOGS}.json"
    first, body = download(client, url)
    # Put together from its municipalities' files, each built from its own rows.
    jonkopings_lan = list(County.objects.get(code="06").municipalities.order_by("code"))
    assert builds == jonkopings_lan
    assert download(client, url)[1] == body  # from storage, not built again
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # A log in Ale (Västra Götalands län) leaves the county's file as it was.
    factories.log(county["ale"], timezone.localdate(), 7)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert builds == jonkopings_lan
    # A log in Tranås is in the next download, and only Tranås's rows are read again.
    factories.log(county["tranas"], timezone.localdate(), 6, place="Torget")
    second, again = download(client, url)
    assert second["ETag"] != first["ETag"]
    assert [row["place"] for row in json.loads(again)][-1] == "Torget"
    assert builds[len(jonkopings_lan) :] == [
        County.objects.get(code="06").municipalities.get(slug="tranas")
    ]
    kept = kept_files()
    assert [path for path in kept if path.startswith(COUNTY_FOLDER_PREFIX)] == [
        path for path in kept if path.startswith(f"{COUNTY_FOLDER_PREFIX}jonkopings-lan/")
    ]
    assert len([path for path in kept if path.startswith(COUNTY_FOLDER_PREFIX)]) == 1
    # And each municipality's file, kept for the next.
    assert len([path for path in kept if path.startswith("kommun-")]) == len(jonkopings_lan)


@pytest.mark.django_db
def test_a_new_national_file_leaves_the_countys_kept_file_in_place(client, county, monkeypatch):
    """The national files' clean-up deletes the folders of an earlier layout beside them:
    not the counties'."""
    deleted = []
    delete_folder = opendata_files._delete_folder

    def recorded(path):
        deleted.append(path)
        delete_folder(path)

    monkeypatch.setattr(opendata_files, "_delete_folder", recorded)
    download(client, f"{COUNTY}/{LOGS}.csv")
    factories.log(county["ale"], timezone.localdate(), 1)  # a new national version
    download(client, "/oppna-data/aktiviteter.csv")
    kept = kept_files()
    assert any(path.startswith(f"{COUNTY_FOLDER_PREFIX}jonkopings-lan/") for path in kept), kept
    assert any(path.startswith("nationella/") for path in kept), kept
    assert not [path for path in deleted if COUNTY_FOLDER_PREFIX in path]


def _downloads(client) -> dict[str, tuple[int, int]]:
    """Each form of the county's file: its status and its number of lines."""
    found = {}
    for suffix in SUFFIXES.values():
        response = client.get(f"{COUNTY}/{LOGS}{suffix}")
        found[suffix] = (response.status_code, b"".join(response.streaming_content).count(b"\n"))
    return found


def _more_logs() -> None:
    for slug in ("eksjo", "nassjo", "jonkoping"):
        activity = factories.activity(_period(slug), title=f"Aktivitet i {slug}")
        for day in range(20):
            factories.log(activity, timezone.localdate() - day * DAY)


@pytest.fixture(scope="module")
def county_growth(module_data):
    urls = [f"{COUNTY}/{LOGS}{suffix}" for suffix in SUFFIXES.values()]

    def small():
        factories.log(factories.activity(_period("vetlanda")), timezone.localdate())

    return at_two_sizes(module_data, urls, small, _more_logs)


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", SUFFIXES.values())
def test_the_countys_file_takes_the_same_queries_at_any_size(county_growth, suffix):
    small, large = (sizes[f"{COUNTY}/{LOGS}{suffix}"] for sizes in county_growth)
    # The county, its municipalities (its version), the same in code order; then one query
    # for the logs of each municipality whose file is not kept: every one the first time, the
    # three written in since the next. Never more than the county has municipalities, however
    # many logs.
    municipalities = County.objects.get(code="06").municipalities.count()
    assert small.status == large.status == 200
    assert small.count == 3 + municipalities, small.queries
    assert large.count == 3 + 3, large.queries
    lines = [b"".join(visit.response.streaming_content).count(b"\n") for visit in (small, large)]
    assert lines[1] > lines[0] + 50


def _text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.django_db
def test_the_county_page_links_its_logs_file(client, county):
    response = client.get("/lan/jonkopings-lan/")
    page = response.content.decode()
    for suffix in SUFFIXES.values():
        assert f'href="{COUNTY}/{LOGS}{suffix}" download>' in page
    assert (
        "Ladda ner de genomförda aktiviteterna i Jönköpings län, varje loggat tillfälle i länets "
        "alla kommuner, i en fil: CSV för Excel – Genomförda aktiviteter · CSV – Genomförda "
        "aktiviteter · JSON – Genomförda aktiviteter ( om kolumnerna )"
    ) in _text(response)
    assert f'href="/oppna-data/#dataset-{LOGS}"' in page
    # A county without any published promise has nothing to download.
    empty = client.get("/lan/gotlands-lan/").content.decode()
    assert "/oppna-data/genomforda-aktiviteter" not in empty


@pytest.mark.django_db
def test_the_open_data_page_links_every_countys_logs_file(client):
    response = client.get("/oppna-data/")
    page = response.content.decode()
    for county in County.objects.all():
        for suffix in SUFFIXES.values():
            assert f'href="/lan/{county.slug}/oppna-data/{LOGS}{suffix}"' in page, county
    # Only the logs: the other datasets' national files hold every county.
    assert page.count('href="/lan/') == 21 * 3
    text = _text(response)
    assert (
        "Finns också för ett län, med länets alla kommuner i en fil, på "
        "/lan/<län>/oppna-data/<datamängd>.csv, -excel.csv eller .json:"
    ) in text
    assert "Blekinge län: CSV , Blekinge län · CSV för Excel , Blekinge län · JSON" in text
    # In Swedish order, as the municipalities are.
    assert text.index("Västmanlands län: CSV") < text.index("Örebro län: CSV")


@pytest.mark.django_db
def test_the_national_address_of_the_logs_says_they_are_offered_per_county_too(client):
    response = client.get(f"/oppna-data/{LOGS}.csv")
    assert response.status_code == 404
    assert "De finns också för ett län i taget, med länets alla kommuner i en fil." in _text(
        response
    )


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", SUFFIXES.values())
def test_the_countys_file_answers_head_and_conditional_requests(client, county, suffix):
    """A program polling the county's file asks HEAD, or sends what it has: the length of the
    whole file, or 304 with no body."""
    url = f"{COUNTY}/{LOGS}{suffix}"
    head = client.head(url)
    assert head.status_code == 200
    response, body = download(client, url)
    assert int(head["Content-Length"]) == len(body)
    assert head["ETag"] == response["ETag"]
    # Put together from two municipalities' files, the Excel form has its byte order mark once.
    assert body.count("\ufeff".encode()) == (1 if suffix == "-excel.csv" else 0)
    for headers in (
        {"HTTP_IF_NONE_MATCH": response["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": response["Last-Modified"]},
    ):
        for ask in (client.get, client.head):
            again = ask(url, **headers)
            assert again.status_code == 304, (ask, headers)
            assert again.content == b""


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", SUFFIXES)
def test_a_county_whose_municipalities_have_published_nothing_has_a_file_of_no_rows(client, fmt):
    """Gotlands län: its one municipality has no published promise. The file is still one a
    program reads: the header row (the Excel form's byte order mark once), or an empty array."""
    _response, body = download(client, f"/lan/gotlands-lan/oppna-data/{LOGS}{SUFFIXES[fmt]}")
    names, data = rows(fmt, body)
    assert data == []
    assert names == ([] if fmt == "json" else DATASETS_BY_SLUG[LOGS].column_names)
    assert body.count("\ufeff".encode()) == (1 if fmt == "excel" else 0)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", SUFFIXES)
def test_a_municipality_file_failing_mid_build_fails_the_countys_never_a_partial_file(
    client, county, monkeypatch, fmt
):
    """Vetlanda's file is built and kept; Tranås's fails after its rows: the county's file is
    a 503, nothing of it is kept, and the next download is whole."""
    dataset = DATASETS_BY_SLUG[LOGS]

    def outage_in_tranas(place, *args, **kwargs):
        yield from dataset.rows(place, *args, **kwargs)
        if place.slug == "tranas":
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setitem(
        opendata.DATASETS_BY_SLUG, LOGS, dataclasses.replace(dataset, rows=outage_in_tranas)
    )
    monkeypatch.setattr(opendata_files, "ROWS_PER_WRITE", 1)
    url = f"{COUNTY}/{LOGS}{SUFFIXES[fmt]}"
    response = client.get(url)
    assert response.status_code == 503 and response.streaming is False
    assert "ETag" not in response
    assert b"Trafikkontroller" not in response.content
    assert not [path for path in kept_files() if path.startswith(COUNTY_FOLDER_PREFIX)]
    monkeypatch.setitem(opendata.DATASETS_BY_SLUG, LOGS, dataset)
    assert len(rows(fmt, download(client, url)[1])[1]) == 3


@pytest.mark.django_db
def test_a_municipality_file_another_worker_builds_is_waited_for_not_built_again(
    client, county, monkeypatch
):
    """Two downloads at once, Tranås's file and the county's: the county's build waits for
    the Tranås file the other worker is building and puts that one in, as it is kept."""
    builds = []
    dataset = DATASETS_BY_SLUG[LOGS]

    def counted_rows(*args):
        builds.append(args[0].slug)
        return dataset.rows(*args)

    monkeypatch.setitem(
        opendata.DATASETS_BY_SLUG, LOGS, dataclasses.replace(dataset, rows=counted_rows)
    )
    tranas = County.objects.get(code="06").municipalities.get(slug="tranas")
    other = opendata.Export(
        DATASETS_BY_SLUG[LOGS],
        opendata.FORMATS["json"],
        tranas,
        settings.SITE_URL,
        timezone.localdate(),
    )
    name = other.storage_name(public_cache.current_version("tranas"))
    cache = caches[settings.PUBLIC_CACHE_ALIAS]
    cache.add(opendata_files._building_key(name), "another worker", 60)

    waits = []

    def other_worker_keeps_it(seconds):
        waits.append(seconds)
        if opendata_files._open_stored(name) is None:
            opendata_files._store(name, other.build())

    monkeypatch.setattr(opendata_files.time, "sleep", other_worker_keeps_it)
    _response, body = download(client, f"{COUNTY}/{LOGS}.json")
    assert [row["place"] for row in json.loads(body)][-1] == "Resecentrum"  # Tranås's log
    # Tranås's rows read once, by the other worker; every other municipality's here.
    assert len(waits) == 1 and builds.count("tranas") == 1
    assert len(builds) == County.objects.get(code="06").municipalities.count()
    assert cache.get(opendata_files._building_key(name)) == "another worker"
