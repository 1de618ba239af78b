"""Open data of the follow-up: meetings, their assessments, reports, outcome indicators and
their values. Only what the public pages show, in every format, nationally and per municipality.
"""

import datetime
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format

from followups import opendata
from followups.models import (
    ActivityVerdict,
    Assessment,
    FollowUpMeeting,
    MeetingKind,
    MeetingStatus,
    Rating,
    Report,
    ReportKind,
)
from followups.opendata import DATASETS, DATASETS_BY_SLUG, code_lists
from municipalities.models import Municipality
from promises.models import Direction, OutcomeIndicator, OutcomeMeasurement
from tests import factories
from tests.followups import test_opendata
from tests.followups.test_opendata import (
    CSV_FORMS,
    FORMULAS,
    SECRETS,
    download,
    guarded,
    measure_downloads,
    rows,
)

# The known world and the test's own folder for built files, from the other datasets' tests.
known = test_opendata.known
_media_root = test_opendata._media_root

D = datetime.date

# The documented column names, spelled out (as in test_opendata): renaming one breaks users.
PLACE = ["period_id", "period_slug", "municipality_code", "municipality_name", "area_name"]
COLUMNS = {
    "uppfoljningsmoten": [
        "meeting_id",
        *PLACE,
        "meeting_status",
        "date",
        "time",
        "meeting_kind",
        "forum",
        "participants",
        "public_summary",
        "decisions",
        "url",
    ],
    "bedomningar": [
        "meeting_id",
        *PLACE,
        "meeting_date",
        "promise_id",
        "activity_id",
        "title",
        "rating",
        "text",
    ],
    "redovisningar": [
        "report_id",
        *PLACE,
        "report_kind",
        "title",
        "covers_from",
        "covers_to",
        "published_on",
        "version",
        "replaces_report_id",
        "replaced_by_report_id",
        "correction_reason",
        "text",
        "url",
        "pdf_url",
    ],
    "utfallsmatt": [
        "indicator_id",
        "promise_id",
        *PLACE,
        "name",
        "description",
        "unit",
        "source",
        "direction",
        "baseline_value",
        "baseline_date",
        "url",
    ],
    "utfall": [
        "indicator_id",
        "measurement_id",
        "promise_id",
        *PLACE,
        "indicator_name",
        "unit",
        "direction",
        "source",
        "baseline",
        "date",
        "value",
        "source_note",
    ],
}
ALL_FORMS = {"csv": ".csv", "excel": "-excel.csv", "json": ".json"}
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "excel": "text/csv; charset=utf-8"}
# Texts of records the public pages never show: none may reach a file.
NEVER = (
    *SECRETS,
    "CANCELLED-MEETING",
    "INSTÄLLT-SKÄL",
    "WITHDRAWN",
    "ÅTERKALLAT-SKÄL",
    "DRAFT-REPORT",
    "WITHDRAWN-MEASUREMENT",
    "777.125",
    "PLANNED-PARTICIPANTS",
)


def _path(dataset: str, suffix: str, municipality: str | None) -> str:
    prefix = f"/kommuner/{municipality}" if municipality else ""
    return f"{prefix}/oppna-data/{dataset}{suffix}"


@pytest.fixture
def world(known, django_user_model):
    """`known` (Tranås: a closed 2024 period and one in force; Vetlanda: unpublished periods)
    with meetings of every status, assessments, reports and outcomes, public and not."""
    officer = django_user_model.objects.get(username="polis.persson")
    closed, current = known["closed"], known["current"]
    promise = closed.promises.get()
    today = timezone.localdate()

    # The 2024 period's held meeting of `known` (summary "Bra", internal minutes), assessed.
    held_2024 = closed.meetings.get()
    Assessment.objects.create(
        meeting=held_2024, promise=promise, rating=Rating.PARTLY, comment="Fler kontroller"
    )
    ActivityVerdict.objects.create(
        meeting=held_2024, activity=known["controls"], text="Genomfört, dock inte fullt ut"
    )
    held_now = factories.meeting(
        current,
        today - datetime.timedelta(days=2),
        kind=MeetingKind.CITIZEN_DIALOGUE,
        time=datetime.time(17, 0),
        forum="Trygg i Tranås",
        participants="Polisen, kommunen",
        public_summary="Dialog på torget.",
        decisions="Fler nattvandringar.",
        internal_minutes="INTERNAL-MINUTES-SECRET",
        created_by=officer,
    )
    ActivityVerdict.objects.create(meeting=held_now, activity=known["walks"], text="Pågår")
    planned = factories.meeting(
        current,
        today + datetime.timedelta(days=10),
        status=MeetingStatus.PLANNED,
        kind=MeetingKind.SAFETY_WALK,
        time=datetime.time(18, 30),
        forum="Trygghetsvandring i centrum",
        participants="PLANNED-PARTICIPANTS",
        created_by=officer,
    )
    factories.meeting(
        current,
        today - datetime.timedelta(days=5),
        status=MeetingStatus.CANCELLED,
        forum="CANCELLED-MEETING",
        status_reason="INSTÄLLT-SKÄL",
    )
    withdrawn_meeting = factories.meeting(
        current,
        today - datetime.timedelta(days=6),
        status=MeetingStatus.WITHDRAWN,
        public_summary="WITHDRAWN-MEETING",
        status_reason="ÅTERKALLAT-SKÄL",
    )
    Assessment.objects.create(
        meeting=withdrawn_meeting, promise=promise, rating=Rating.ON_TRACK, comment="WITHDRAWN"
    )

    # Reports: a first version replaced by a correction, and a draft.
    first = Report.objects.create(
        period=closed,
        kind=ReportKind.HALF_YEAR,
        title="Halvårsredovisning 2024",
        body="Första versionen.",
        covers_from=D(2024, 1, 1),
        covers_to=D(2024, 6, 30),
        published_on=D(2024, 7, 10),
        created_by=officer,
    )
    corrected = Report.objects.create(
        period=closed,
        kind=ReportKind.HALF_YEAR,
        title="Halvårsredovisning 2024 (rättad)",
        body="Rättade siffror.",
        covers_from=D(2024, 1, 1),
        covers_to=D(2024, 6, 30),
        published_on=D(2024, 7, 20),
        version=2,
        correction_reason="Fel antal kontroller",
        created_by=officer,
    )
    first.replaced_by = corrected
    first.save()
    Report.objects.create(
        period=current,
        kind=ReportKind.TERTIAL,
        title="DRAFT-REPORT",
        body="DRAFT-REPORT",
        covers_from=current.start_date,
        covers_to=today,
    )

    # Outcomes: an indicator with a baseline and measurements (one withdrawn), one without.
    safe = OutcomeIndicator.objects.create(
        promise=promise,
        name="Andel som känner sig trygga",
        unit="%",
        source="Trygghetsmätningen",
        direction=Direction.HIGHER,
        baseline_value=Decimal("61.500"),
        baseline_date=D(2023, 10, 1),
        created_by=officer,
    )
    measured = OutcomeMeasurement.objects.create(
        indicator=safe, date=D(2024, 10, 1), value=Decimal("64.250"), source_note="Enkät 2024"
    )
    OutcomeMeasurement.objects.create(
        indicator=safe,
        date=D(2024, 11, 1),
        value=Decimal("777.125"),
        source_note="WITHDRAWN-MEASUREMENT",
        created_by=officer,
        withdrawn_at=timezone.now(),
        withdrawn_by=officer,
        withdrawal_reason="Dubblett-skäl",
    )
    crimes = OutcomeIndicator.objects.create(
        promise=promise,
        name="Anmälda brott",
        source="Polisen",
        direction=Direction.LOWER,
    )
    counted = OutcomeMeasurement.objects.create(
        indicator=crimes, date=D(2024, 12, 31), value=Decimal("12500.000")
    )
    unmeasured = OutcomeIndicator.objects.create(
        promise=promise, name="Ännu inte mätt", source="SCB", direction=Direction.LOWER
    )

    # Follow-up of Vetlanda's unpublished periods: never exported.
    for period in Municipality.objects.get(slug="vetlanda").promise_periods.all():
        hidden_meeting = factories.meeting(period, D(2026, 1, 5), public_summary="HIDDEN meeting")
        hidden_promise = period.promises.get()
        Assessment.objects.create(
            meeting=hidden_meeting, promise=hidden_promise, rating=Rating.ON_TRACK
        )
        factories.meeting(
            period, today + datetime.timedelta(days=3), status=MeetingStatus.PLANNED, forum="HIDDEN"
        )
        Report.objects.create(
            period=period,
            kind=ReportKind.TERTIAL,
            title="HIDDEN report",
            body="HIDDEN",
            covers_from=D(2026, 1, 1),
            covers_to=D(2026, 4, 30),
            published_on=D(2026, 5, 5),
        )
        hidden_indicator = OutcomeIndicator.objects.create(
            promise=hidden_promise,
            name="HIDDEN indicator",
            source="HIDDEN",
            direction=Direction.HIGHER,
            baseline_value=Decimal(1),
            baseline_date=D(2025, 1, 1),
        )
        OutcomeMeasurement.objects.create(
            indicator=hidden_indicator, date=D(2026, 1, 1), value=Decimal(2)
        )
    return SimpleNamespace(
        closed=closed,
        current=current,
        promise=promise,
        held_2024=held_2024,
        held_now=held_now,
        planned=planned,
        first=first,
        corrected=corrected,
        safe=safe,
        crimes=crimes,
        unmeasured=unmeasured,
        measured=measured,
        counted=counted,
        controls=known["controls"],
        walks=known["walks"],
    )


def test_documented_columns_are_the_exported_columns():
    documented = {dataset.slug: dataset.column_names for dataset in DATASETS}
    assert {slug: documented[slug] for slug in COLUMNS} == COLUMNS
    for slug in COLUMNS:
        assert DATASETS_BY_SLUG[slug].national is True


def test_every_code_column_has_its_code_list():
    codes = dict(code_lists())
    assert [value for value, _label in codes["meeting_status"]] == ["planned", "held"]
    assert {value for value, _label in codes["meeting_kind"]} == set(MeetingKind.values)
    assert {value for value, _label in codes["rating"]} == set(Rating.values)
    assert {value for value, _label in codes["report_kind"]} == set(ReportKind.values)
    assert {value for value, _label in codes["direction"]} == {"higher", "lower"}
    # Names of code columns are unique across datasets: a list documents one column name.
    names = [name for name, _choices in code_lists()]
    assert len(names) == len(set(names))


@pytest.mark.django_db
@pytest.mark.parametrize("municipality", [None, "tranas"])
@pytest.mark.parametrize("form", ALL_FORMS)
@pytest.mark.parametrize("dataset", COLUMNS)
def test_every_dataset_downloads_in_every_format(client, world, dataset, form, municipality):
    response, body = download(client, _path(dataset, ALL_FORMS[form], municipality))
    assert response["Content-Type"] == CONTENT_TYPES.get(form, "application/json")
    place = f"{municipality}-" if municipality else ""
    assert response["Content-Disposition"] == (
        f'attachment; filename="medborgarloften-{place}{dataset}'
        f'{opendata.dated(ALL_FORMS[form], timezone.localdate())}"'
    )
    names, data = rows(form, body)
    assert names == COLUMNS[dataset]
    assert data
    assert all(list(row) == COLUMNS[dataset] for row in data)
    assert {row["municipality_code"] for row in data} == {"0687"}


@pytest.mark.django_db
@pytest.mark.parametrize("municipality", [None, "tranas", "vetlanda"])
@pytest.mark.parametrize("form", ALL_FORMS)
@pytest.mark.parametrize("dataset", COLUMNS)
def test_what_no_public_page_shows_never_appears(client, world, dataset, form, municipality):
    """Internal minutes, staff names, cancelled and withdrawn meetings, withdrawn measurements,
    drafts and the follow-up of unpublished periods."""
    _response, body = download(client, _path(dataset, ALL_FORMS[form], municipality))
    for text in NEVER:
        assert text.encode() not in body, text
    assert b"HIDDEN" not in body
    assert b"hidden-" not in body
    if municipality == "vetlanda":
        assert rows(form, body)[1] == []


@pytest.mark.django_db
def test_meetings_are_the_held_ones_the_period_pages_show_and_the_planned_ones(client, world):
    _r, body = download(client, "/oppna-data/uppfoljningsmoten.json")
    data = json.loads(body)
    shown = set()
    for period in (world.closed, world.current):
        page = client.get(period.get_absolute_url())
        shown |= {meeting.pk for meeting in page.context["meetings"]}
    planned = set(FollowUpMeeting.objects.planned().values_list("pk", flat=True))
    published_planned = planned - set(
        FollowUpMeeting.objects.filter(period__municipality__slug="vetlanda").values_list(
            "pk", flat=True
        )
    )
    assert {row["meeting_id"] for row in data} == shown | published_planned
    assert [row["meeting_id"] for row in data] == [
        world.held_2024.pk,
        world.held_now.pk,
        world.planned.pk,
    ]
    held_2024, held_now, planned_row = data
    assert held_2024 == {
        "meeting_id": world.held_2024.pk,
        "period_id": world.closed.pk,
        "period_slug": "2024",
        "municipality_code": "0687",
        "municipality_name": "Tranås",
        "area_name": "Södra Ånäs",
        "meeting_status": "held",
        "date": "2024-04-30",
        "time": None,
        "meeting_kind": "monthly",
        "forum": "",
        "participants": "",
        "public_summary": "Bra",
        "decisions": "",
        "url": f"{settings.SITE_URL}/kommuner/tranas/2024/#uppfoljning-{world.held_2024.pk}",
    }
    # A held meeting with its time, as the period page shows it (a tester missed it there).
    assert (held_now["meeting_kind"], held_now["time"]) == ("citizen_dialogue", "17:00")
    page = client.get(world.current.get_absolute_url()).content.decode()
    with translation.override("sv"):
        day = date_format(world.held_now.date, "j F Y")
    assert f'<h3 class="list-heading">{day} kl. 17:00, medborgardialog</h3>' in page
    assert (held_now["forum"], held_now["participants"]) == ("Trygg i Tranås", "Polisen, kommunen")
    assert (held_now["public_summary"], held_now["decisions"]) == (
        "Dialog på torget.",
        "Fler nattvandringar.",
    )
    # A planned meeting as the municipality page and its calendar show it.
    assert planned_row["meeting_status"] == "planned"
    assert planned_row["time"] == "18:30"
    assert (planned_row["meeting_kind"], planned_row["forum"]) == (
        "safety_walk",
        "Trygghetsvandring i centrum",
    )
    assert planned_row["participants"] == planned_row["public_summary"] == ""
    assert planned_row["url"] == settings.SITE_URL + world.current.get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["csv", "json"])
def test_assessments_are_the_promises_and_activities_under_each_held_meeting(client, world, form):
    _r, body = download(client, f"/oppna-data/bedomningar.{form}")
    _names, data = rows(form, body)
    as_int = str if form == "csv" else int
    empty = "" if form == "csv" else None
    assert [
        (
            row["meeting_id"],
            row["meeting_date"],
            row["promise_id"],
            row["activity_id"],
            row["title"],
            row["rating"],
            row["text"],
        )
        for row in data
    ] == [
        (
            as_int(world.held_2024.pk),
            "2024-04-30",
            as_int(world.promise.pk),
            empty,
            "Öka tryggheten på Storgatan i Tranås",
            "partly",
            "Fler kontroller",
        ),
        (
            as_int(world.held_2024.pk),
            "2024-04-30",
            empty,
            as_int(world.controls.pk),
            "Trafikkontroller",
            "",
            "Genomfört, dock inte fullt ut",
        ),
        (
            as_int(world.held_now.pk),
            world.held_now.date.isoformat(),
            empty,
            as_int(world.walks.pk),
            "Nattvandringar",
            "",
            "Pågår",
        ),
    ]
    assert data[0]["period_id"] == as_int(world.closed.pk)
    assert data[2]["period_slug"] == "nu"


@pytest.mark.django_db
def test_reports_are_every_published_version_with_their_links(client, world):
    _r, body = download(client, "/oppna-data/redovisningar.json")
    data = json.loads(body)
    page = client.get(world.closed.get_absolute_url())
    listed = {
        version.pk for latest, earlier in page.context["reports"] for version in (latest, *earlier)
    }
    assert {row["report_id"] for row in data} == listed
    first, corrected = data
    base = f"{settings.SITE_URL}/kommuner/tranas/2024/redovisningar"
    assert first == {
        "report_id": world.first.pk,
        "period_id": world.closed.pk,
        "period_slug": "2024",
        "municipality_code": "0687",
        "municipality_name": "Tranås",
        "area_name": "Södra Ånäs",
        "report_kind": "half_year",
        "title": "Halvårsredovisning 2024",
        "covers_from": "2024-01-01",
        "covers_to": "2024-06-30",
        "published_on": "2024-07-10",
        "version": 1,
        "replaces_report_id": None,
        "replaced_by_report_id": world.corrected.pk,
        "correction_reason": "",
        "text": "Första versionen.",
        "url": f"{base}/{world.first.pk}/",
        "pdf_url": f"{base}/{world.first.pk}.pdf",
    }
    assert (corrected["version"], corrected["replaces_report_id"]) == (2, world.first.pk)
    assert corrected["replaced_by_report_id"] is None
    assert corrected["correction_reason"] == "Fel antal kontroller"
    # The report's own page answers at its url.
    assert client.get(first["url"].removeprefix(settings.SITE_URL)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("form", "values"),
    [
        ("csv", ("61.5", "64.25", "12500")),
        ("excel", ("61,5", "64,25", "12500")),  # a decimal comma, as Swedish Excel reads it
        ("json", (61.5, 64.25, 12500)),
    ],
)
def test_outcomes_are_the_baseline_then_the_counted_measurements(client, world, form, values):
    _r, body = download(client, "/oppna-data/utfall" + ALL_FORMS[form])
    _names, data = rows(form, body)
    as_int = int if form == "json" else str
    empty = None if form == "json" else ""
    # Swedish Excel reads "ja" and "nej"; programs read true and false.
    true, false = {"json": (True, False), "csv": ("true", "false"), "excel": ("ja", "nej")}[form]
    # The code, or in the CSV for Excel the words for it.
    higher, lower = (
        ("högre är bättre", "lägre är bättre") if form == "excel" else ("higher", "lower")
    )
    assert [
        (
            row["indicator_id"],
            row["measurement_id"],
            row["indicator_name"],
            row["unit"],
            row["direction"],
            row["source"],
            row["baseline"],
            row["date"],
            row["value"],
            row["source_note"],
        )
        for row in data
    ] == [
        (
            as_int(world.safe.pk),
            empty,
            "Andel som känner sig trygga",
            "%",
            higher,
            "Trygghetsmätningen",
            true,
            "2023-10-01",
            values[0],
            "",
        ),
        (
            as_int(world.safe.pk),
            as_int(world.measured.pk),
            "Andel som känner sig trygga",
            "%",
            higher,
            "Trygghetsmätningen",
            false,
            "2024-10-01",
            values[1],
            "Enkät 2024",
        ),
        (
            as_int(world.crimes.pk),
            as_int(world.counted.pk),
            "Anmälda brott",
            "",
            lower,
            "Polisen",
            false,
            "2024-12-31",
            values[2],
            "",
        ),
    ]
    assert {row["promise_id"] for row in data} == {as_int(world.promise.pk)}
    assert {row["period_id"] for row in data} == {as_int(world.closed.pk)}
    if form == "json":
        assert isinstance(data[2]["value"], int)


@pytest.mark.django_db
def test_outcome_values_are_those_the_period_page_shows(client, world):
    page = client.get(world.closed.get_absolute_url())
    shown = {
        measurement.pk
        for _promise, views in page.context["outcomes"]
        for view in views
        for measurement in view.measurements
    }
    indicators = {view.indicator.pk for _p, views in page.context["outcomes"] for view in views}
    _r, body = download(client, "/oppna-data/utfall.json")
    data = json.loads(body)
    assert {row["measurement_id"] for row in data} - {None} == shown
    _r, body = download(client, "/oppna-data/utfallsmatt.json")
    assert {row["indicator_id"] for row in json.loads(body)} == indicators


@pytest.mark.django_db
def test_indicators_are_listed_also_without_values(client, world):
    _r, body = download(client, "/oppna-data/utfallsmatt.csv")
    _names, data = rows("csv", body)
    by_name = {row["name"]: row for row in data}
    assert list(by_name) == ["Andel som känner sig trygga", "Anmälda brott", "Ännu inte mätt"]
    safe = by_name["Andel som känner sig trygga"]
    assert (safe["baseline_value"], safe["baseline_date"]) == ("61.5", "2023-10-01")
    assert (safe["unit"], safe["source"]) == ("%", "Trygghetsmätningen")
    assert safe["direction"] == "higher"
    assert safe["promise_id"] == str(world.promise.pk)
    assert safe["url"] == f"{settings.SITE_URL}/kommuner/tranas/2024/#utfall-{world.safe.pk}"
    unmeasured = by_name["Ännu inte mätt"]
    assert (unmeasured["baseline_value"], unmeasured["baseline_date"]) == ("", "")


# Spreadsheet safety.


@pytest.fixture
def formula_followups(world):
    """Follow-up texts that start like formulas, as the forms accept them."""
    meeting = factories.meeting(
        world.current,
        timezone.localdate() - datetime.timedelta(days=1),
        forum=FORMULAS[2],
        participants=FORMULAS[3],
        public_summary=FORMULAS[0],
        decisions=FORMULAS[6],
    )
    Assessment.objects.create(
        meeting=meeting, promise=world.current.promises.create(title=FORMULAS[8]), rating="partly"
    )
    ActivityVerdict.objects.create(meeting=meeting, activity=world.walks, text=FORMULAS[1])
    Report.objects.create(
        period=world.current,
        kind=ReportKind.TERTIAL,
        title=FORMULAS[4],
        body=FORMULAS[9],
        covers_from=world.current.start_date,
        covers_to=world.current.start_date,
        published_on=world.current.start_date,
    )
    indicator = OutcomeIndicator.objects.create(
        promise=world.promise,
        name=FORMULAS[1],
        unit=FORMULAS[3],
        source=FORMULAS[0],
        description=FORMULAS[7],
        direction=Direction.HIGHER,
    )
    OutcomeMeasurement.objects.create(
        indicator=indicator, date=D(2024, 5, 1), value=Decimal("-3.5"), source_note=FORMULAS[2]
    )
    return SimpleNamespace(meeting=meeting, indicator=indicator)


@pytest.mark.django_db
@pytest.mark.parametrize("form", CSV_FORMS)
@pytest.mark.parametrize("dataset", COLUMNS)
def test_no_csv_cell_starts_like_a_formula(client, formula_followups, dataset, form):
    _r, body = download(client, f"/oppna-data/{dataset}{CSV_FORMS[form]}")
    _names, data = rows(form, body)
    texts = [value for row in data for value in row.values()]
    assert any(value.startswith("'") for value in texts)
    for value in texts:
        assert not value.lstrip(" \u00a0\u3000\n").startswith(
            ("=", "+", "@", "\t", "\r", "\uff1d", "\uff0b")
        ), value
        # A minus starts only a number (the value -3.5), never a text.
        if value.startswith("-"):
            Decimal(value.replace(",", "."))


@pytest.mark.django_db
@pytest.mark.parametrize("form", CSV_FORMS)
def test_formula_texts_get_an_apostrophe_and_numbers_stay_numbers(client, formula_followups, form):
    _r, body = download(client, f"/oppna-data/uppfoljningsmoten{CSV_FORMS[form]}")
    meeting = {row["meeting_id"]: row for row in rows(form, body)[1]}[
        str(formula_followups.meeting.pk)
    ]
    assert (meeting["forum"], meeting["participants"]) == ("'" + FORMULAS[2], "'" + FORMULAS[3])
    assert (meeting["public_summary"], meeting["decisions"]) == (
        "'" + FORMULAS[0],
        guarded(FORMULAS[6]),
    )
    _r, body = download(client, f"/oppna-data/utfall{CSV_FORMS[form]}")
    value = {row["indicator_id"]: row for row in rows(form, body)[1]}[
        str(formula_followups.indicator.pk)
    ]
    assert (value["indicator_name"], value["source"]) == ("'" + FORMULAS[1], "'" + FORMULAS[0])
    assert (value["unit"], value["source_note"]) == ("'" + FORMULAS[3], "'" + FORMULAS[2])
    assert value["value"] == ("-3,5" if form == "excel" else "-3.5")


@pytest.mark.django_db
def test_json_keeps_the_texts_unchanged(client, formula_followups):
    _r, body = download(client, "/oppna-data/uppfoljningsmoten.json")
    meeting = {row["meeting_id"]: row for row in json.loads(body)}[formula_followups.meeting.pk]
    assert (meeting["forum"], meeting["public_summary"]) == (FORMULAS[2], FORMULAS[0])
    _r, body = download(client, "/oppna-data/utfall.json")
    value = {row["indicator_id"]: row for row in json.loads(body)}[formula_followups.indicator.pk]
    assert (value["indicator_name"], value["value"]) == (FORMULAS[1], -3.5)


# The open data page.


@pytest.mark.django_db
def test_the_open_data_page_documents_the_new_datasets_and_their_codes(client):
    html = client.get("/oppna-data/", {"kommun": "vetlanda"}).content.decode()
    for dataset, columns in COLUMNS.items():
        for suffix in (".csv", "-excel.csv", ".json"):
            assert f'href="/oppna-data/{dataset}{suffix}"' in html
            assert f'href="/kommuner/vetlanda/oppna-data/{dataset}{suffix}"' in html
        for column in columns:
            assert f"<code>{column}</code>" in html
    for code in ("meeting_status", "meeting_kind", "rating", "report_kind", "direction"):
        assert f'id="codes-{code}"' in html
    assert "<code>citizen_dialogue</code>" in html
    assert "<code>not_on_track</code>" in html
    assert (
        "<code>cancelled</code>"
        not in html.split('id="codes-meeting_status"')[1].split("</table>")[0]
    )


@pytest.mark.django_db
def test_the_open_data_page_says_the_follow_up_can_be_downloaded(client):
    """Needs the Swedish catalogue with the new lead sentence (/tmp/opendata_po.txt)."""
    page = " ".join(client.get("/oppna-data/").content.decode().split())
    assert (
        "Medborgarlöftena, deras löften, aktiviteterna med sina framsteg, varje genomförd "
        "aktivitet, uppföljningsmötena med sina bedömningar, de publicerade redovisningarna och "
        "utfallsmåtten med sina värden kan laddas ner som öppna data, för hela landet eller för "
        "en kommun." in page
    )
    assert "finns på varje medborgarlöftes sida" not in page
    assert "Allt som de offentliga sidorna visar" not in page


# Queries do not grow with the data.


def build_follow_up(municipality_slug: str, size: int, slug: str) -> None:
    """A period with `size` promises, each with an activity, an indicator (a baseline and two
    measurements), a held meeting assessing both, a planned meeting and a report."""
    today = timezone.localdate()
    period = factories.period(
        municipality_slug,
        start=today - datetime.timedelta(days=300),
        end=today + datetime.timedelta(days=300),
        slug=slug,
    )
    for i in range(size):
        promise = factories.promise(period, title=f"Löfte {i}", position=i + 1)
        activity = factories.activity(period, title=f"Aktivitet {i}", position=i + 1)
        indicator = OutcomeIndicator.objects.create(
            promise=promise,
            name=f"Mått {i}",
            source="Enkät",
            direction=Direction.HIGHER,
            baseline_value=Decimal(50),
            baseline_date=period.start_date,
        )
        for day in (10, 20):
            OutcomeMeasurement.objects.create(
                indicator=indicator,
                date=period.start_date + datetime.timedelta(days=day),
                value=Decimal(day),
            )
        meeting = factories.meeting(
            period, today - datetime.timedelta(days=i + 1), public_summary=f"Möte {i}"
        )
        Assessment.objects.create(meeting=meeting, promise=promise, rating=Rating.ON_TRACK)
        ActivityVerdict.objects.create(meeting=meeting, activity=activity, text="Pågår")
        factories.meeting(
            period, today + datetime.timedelta(days=i + 1), status=MeetingStatus.PLANNED
        )
        Report.objects.create(
            period=period,
            kind=ReportKind.TERTIAL,
            title=f"Redovisning {i}",
            body="Text",
            covers_from=period.start_date,
            covers_to=period.start_date + datetime.timedelta(days=i),
            published_on=today,
        )


DOWNLOAD_QUERIES = {
    "uppfoljningsmoten": 1,
    "bedomningar": 2,  # assessments, verdicts
    "redovisningar": 1,
    "utfallsmatt": 1,
    "utfall": 2,  # indicators, measurements
}
PREFIXES = ("", "/kommuner/vetlanda")


@pytest.fixture(scope="module")
def follow_up_growth(module_data):
    """Every new download's status, queries and lines with one promise's follow-up, and again
    with 180 more in two municipalities: the data are built once for the module."""

    with module_data():
        client = Client()
        build_follow_up("vetlanda", 1, "forsta")
        small = measure_downloads(client, DOWNLOAD_QUERIES)
        for i in range(9):
            build_follow_up("vetlanda", 10, f"fler-{i}")
            build_follow_up("tranas", 10, f"fler-{i}")
        return small, measure_downloads(client, DOWNLOAD_QUERIES)


@pytest.mark.django_db
@pytest.mark.parametrize("dataset", DOWNLOAD_QUERIES)
@pytest.mark.parametrize("prefix", PREFIXES)
def test_download_queries_do_not_grow_with_data(follow_up_growth, dataset, prefix):
    small, large = (sizes[dataset, prefix] for sizes in follow_up_growth)
    # The municipality lookup is one more query.
    queries = DOWNLOAD_QUERIES[dataset] + (1 if prefix else 0)
    assert (small[0], small[1]) == (large[0], large[1]) == (200, queries)
    assert large[2] > 10 * small[2] - 10


@pytest.mark.django_db
def test_the_national_files_hold_every_municipality(follow_up_growth):
    client = Client()
    for dataset in DOWNLOAD_QUERIES:
        _r, body = download(client, f"/oppna-data/{dataset}.json")
        assert {row["municipality_code"] for row in json.loads(body)} == {"0685", "0687"}
