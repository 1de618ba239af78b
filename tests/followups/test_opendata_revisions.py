"""Open data of the changes to signed promises: each revision's changes, and each extension.
Only those of published periods, in every format, nationally and per municipality."""

import datetime
import json

import pytest
from django.conf import settings
from django.utils import timezone

from followups.opendata import DATASETS_BY_SLUG, code_lists
from promises.models import ChangeKind, Extension, PeriodState, Revision, RevisionKind
from tests import factories
from tests.followups import test_opendata
from tests.followups.test_opendata import download, rows

_media_root = test_opendata._media_root

PLACE = ["period_id", "period_slug", "municipality_code", "municipality_name", "area_name"]
# The documented column names, spelled out: renaming one breaks users.
COLUMNS = {
    "andringar": [
        "revision_id",
        *PLACE,
        "revision_number",
        "revision_date",
        "revision_kind",
        "reason",
        "change_kind",
        "subject",
        "before",
        "after",
        "progress_before",
        "url",
    ],
    "forlangningar": [
        "extension_id",
        *PLACE,
        "previous_end_date",
        "new_end_date",
        "decision_body",
        "decision_date",
        "decision_reference",
        "recorded_on",
        "url",
    ],
}
FORMS = {"csv": ".csv", "excel": "-excel.csv", "json": ".json"}


@pytest.fixture
def changed(db):
    """Tranås: a signed period revised twice and extended once; Vetlanda: a draft "revised"."""
    period = factories.period(
        "tranas", start=datetime.date(2025, 3, 20), end=datetime.date(2026, 12, 31), slug="2025"
    )
    review = Revision.objects.create(
        period=period,
        number=1,
        kind=RevisionKind.ANNUAL_REVIEW,
        reason="=Målen ses över efter ett år.",
    )
    review.changes.create(
        position=1,
        kind=ChangeKind.TARGET,
        subject="Trafikkontroller",
        old_value="minst 2 trafikkontroller per månad",
        new_value="minst 3 trafikkontroller per månad",
        progress_before="20 av minst 20",
    )
    review.changes.create(position=2, kind=ChangeKind.ACTIVITY_ADDED, subject="Dialog med unga")
    Revision.objects.create(
        period=period, number=2, kind=RevisionKind.CHANGED_SITUATION, reason="Ny lägesbild."
    ).changes.create(kind=ChangeKind.TEXT_CHANGED, subject="Lägesbild")
    extension = Extension.objects.create(
        period=period,
        previous_end_date=datetime.date(2026, 12, 31),
        new_end_date=datetime.date(2027, 12, 31),
        decision_body="Kommunstyrelsen",
        decision_date=datetime.date(2026, 11, 20),
        decision_reference="KS 2026/12",
    )
    draft = factories.period("vetlanda", state=PeriodState.DRAFT, slug="utkast")
    Revision.objects.create(
        period=draft, number=1, kind=RevisionKind.OTHER, reason="HIDDEN-REVISION"
    ).changes.create(kind=ChangeKind.TEXT_CHANGED, subject="HIDDEN-SUBJECT")
    return period, review, extension


def test_documented_columns_and_codes():
    assert {slug: DATASETS_BY_SLUG[slug].column_names for slug in COLUMNS} == COLUMNS
    codes = dict(code_lists())
    assert {value for value, _label in codes["revision_kind"]} == set(RevisionKind.values)
    assert {value for value, _label in codes["change_kind"]} == set(ChangeKind.values)


@pytest.mark.parametrize("municipality", [None, "tranas", "vetlanda"])
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("dataset", COLUMNS)
def test_every_dataset_downloads_in_every_format_without_unpublished_periods(
    client, changed, dataset, form, municipality
):
    prefix = f"/kommuner/{municipality}" if municipality else ""
    _response, body = download(client, f"{prefix}/oppna-data/{dataset}{FORMS[form]}")
    names, data = rows(form, body)
    assert b"HIDDEN" not in body
    if municipality == "vetlanda":
        assert data == []
        return
    assert names == COLUMNS[dataset]
    assert {row["municipality_code"] for row in data} == {"0687"}


def test_a_revisions_changes_are_rows_with_its_reason_and_a_link(client, changed):
    period, review, _extension = changed
    _response, body = download(client, "/oppna-data/andringar.json")
    data = json.loads(body)
    assert [(row["revision_number"], row["subject"]) for row in data] == [
        (1, "Trafikkontroller"),
        (1, "Dialog med unga"),
        (2, "Lägesbild"),
    ]
    first = data[0]
    assert first["revision_id"] == review.pk
    assert first["revision_date"] == timezone.localdate(review.created_at).isoformat()
    assert (first["revision_kind"], first["change_kind"]) == ("annual_review", "target")
    assert first["reason"] == "=Målen ses över efter ett år."  # JSON keeps the text as typed
    assert (first["before"], first["after"]) == (
        "minst 2 trafikkontroller per månad",
        "minst 3 trafikkontroller per månad",
    )
    assert first["progress_before"] == "20 av minst 20"
    assert first["url"] == f"{settings.SITE_URL}{period.get_absolute_url()}#andring-1"
    _response, body = download(client, "/oppna-data/andringar.csv")
    (first_csv, *_rest) = rows("csv", body)[1]
    assert first_csv["reason"] == "'=Målen ses över efter ett år."  # a spreadsheet's formula


def test_an_extension_is_a_row_with_its_decision(client, changed):
    period, _review, extension = changed
    _response, body = download(client, "/oppna-data/forlangningar.csv")
    (row,) = rows("csv", body)[1]
    assert row["extension_id"] == str(extension.pk)
    assert (row["previous_end_date"], row["new_end_date"]) == ("2026-12-31", "2027-12-31")
    assert (row["decision_body"], row["decision_date"], row["decision_reference"]) == (
        "Kommunstyrelsen",
        "2026-11-20",
        "KS 2026/12",
    )
    url = f"{settings.SITE_URL}{period.get_absolute_url()}#forlangning-{extension.pk}"
    assert row["url"] == url
