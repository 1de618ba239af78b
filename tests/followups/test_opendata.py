"""Open data: the documentation page and the streamed CSV and JSON downloads."""

import csv
import datetime
import io
import json
import re

import pytest
from django.utils import timezone

from activities.models import ActivityStatus, Responsible
from followups.opendata import DATASETS
from promises.models import PeriodState, Theme
from tests import factories

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
        "start_date",
        "end_date",
        "state",
        "signed_date",
        "decision_body",
        "decision_date",
        "decision_reference",
        "active",
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


def download(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.streaming is True
    return response, b"".join(response.streaming_content)


def rows(fmt: str, body: bytes) -> tuple[list[str], list[dict]]:
    """The column names and the rows of a download, all values as the format writes them."""
    if fmt == "csv":
        assert body.startswith(b"\xef\xbb\xbf")  # the BOM, for Excel
        reader = csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline=""))
        return list(reader.fieldnames), list(reader)
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
    assert {dataset.slug: dataset.column_names for dataset in DATASETS} == COLUMNS


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("dataset", COLUMNS)
def test_every_dataset_downloads_in_every_format(client, known, dataset, fmt):
    response, body = download(client, f"/oppna-data/{dataset}.{fmt}")
    assert response["Content-Type"] == FORMATS[fmt]
    assert response["Content-Disposition"] == (
        f'attachment; filename="medborgarloften-{dataset}.{fmt}"'
    )
    names, data = rows(fmt, body)
    assert names == COLUMNS[dataset]
    assert data
    assert all(list(row) == COLUMNS[dataset] for row in data)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("dataset", COLUMNS)
def test_exports_never_contain_unpublished_periods_or_internal_fields(client, known, dataset, fmt):
    _response, body = download(client, f"/oppna-data/{dataset}.{fmt}")
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
    assert controls["current_span_start"] == empty
    assert controls["municipality_name"] == "Tranås"
    assert controls["area_name"] == "Södra Ånäs"
    assert controls["activity_id"] == as_int(known["controls"].pk)
    assert controls["url"] == "http://testserver/kommuner/tranas/2024/"
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
    factories.activity(visible, title="Vetlandas aktivitet")
    response, body = download(client, f"/kommuner/vetlanda/oppna-data/{dataset}.json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="medborgarloften-vetlanda-{dataset}.json"'
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("dataset", "queries"), [("kommuner", 1), ("perioder", 1), ("loften", 2), ("aktiviteter", 3)]
)
@pytest.mark.parametrize("prefix", ["", "/kommuner/vetlanda"])
def test_download_queries_do_not_grow_with_data(
    client, django_assert_num_queries, dataset, queries, prefix
):
    # The municipality lookup is one more query.
    queries += 1 if prefix else 0
    url = f"{prefix}/oppna-data/{dataset}.csv"
    build_activities("vetlanda", 1, "forsta")
    with django_assert_num_queries(queries):
        response = client.get(url)
        small = b"".join(response.streaming_content)
    for i in range(9):
        build_activities("vetlanda", 10, f"fler-{i}")
        build_activities("tranas", 10, f"fler-{i}")
    with django_assert_num_queries(queries):
        response = client.get(url)
        large = b"".join(response.streaming_content)
    if dataset != "kommuner":
        assert large.count(b"\n") > 10 * small.count(b"\n") - 10


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
            assert f'href="/oppna-data/{dataset}.{fmt}"' in html
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
