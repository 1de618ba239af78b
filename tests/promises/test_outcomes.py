"""Outcome indicators: values, the trend in words, the SVG chart, and the public period page."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from promises.models import Direction, OutcomeIndicator, OutcomeMeasurement
from promises.outcomes import (
    add_indicator,
    chart_svg,
    format_value,
    parse_value,
    trend_words,
    withdraw_measurement,
)
from tests import factories
from tests.promises.test_pages import build_period
from tests.staff import staff_user

D = datetime.date
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def indicator(direction=Direction.HIGHER, baseline=None, unit="%"):
    value, day = baseline or (None, None)
    return OutcomeIndicator(
        name="Andel som känner sig trygga i centrum",
        unit=unit,
        source="Polisens trygghetsmätning",
        direction=direction,
        baseline_value=value,
        baseline_date=day,
    )


def measured(*pairs):
    return [
        SimpleNamespace(date=day, value=Decimal(value), pk=i)
        for i, (day, value) in enumerate(pairs)
    ]


# -- Values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("71,5", Decimal("71.5")),
        ("71.5", Decimal("71.5")),
        (" 62 ", Decimal("62")),
        ("12 500", Decimal("12500")),
        ("12\u00a0500,25", Decimal("12500.25")),
        ("-3,125", Decimal("-3.125")),
        ("\u22122", Decimal("-2")),
    ],
)
def test_values_are_read_with_a_decimal_comma_or_point(text, value):
    assert parse_value(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "71,5 %", "1.234,5", "1,2,3", "7e3", "NaN", "Infinity", "0,1234", "1" * 12, "12 50"],
)
def test_other_values_are_refused_with_a_message(text):
    with pytest.raises(ValidationError):
        parse_value(text)


def test_values_are_written_with_a_decimal_comma_and_their_unit():
    assert format_value(Decimal("71.500"), "%") == "71,5\u00a0%"
    assert format_value(Decimal("62.000"), "%") == "62\u00a0%"
    assert format_value(Decimal("12500"), "") == "12\u00a0500"
    assert format_value(Decimal("100"), "index") == "100\u00a0index"


# -- The trend in words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "wanted"), [(Direction.HIGHER, "högre"), (Direction.LOWER, "lägre")]
)
@pytest.mark.parametrize(
    ("values", "words"),
    [
        (("62", "71"), "Ökat från 62\u00a0% (2024) till 71\u00a0% (2026)"),
        (("71", "62"), "Minskat från 71\u00a0% (2024) till 62\u00a0% (2026)"),
        (("62", "62"), "Oförändrat på 62\u00a0% (2024 och 2026)"),
    ],
)
def test_trend_words_say_the_change_and_the_desired_direction(direction, wanted, values, words):
    first, last = values

    text = trend_words(
        indicator(direction), measured((D(2024, 3, 1), first), (D(2026, 3, 1), last))
    )

    assert text == f"{words}; önskad riktning: {wanted}."


def test_the_trend_runs_from_the_baseline_to_the_latest_measurement():
    ind = indicator(baseline=(Decimal("62"), D(2024, 3, 1)))

    text = trend_words(ind, measured((D(2026, 3, 1), "71.5"), (D(2025, 3, 1), "64")))

    assert text == "Ökat från 62\u00a0% (2024) till 71,5\u00a0% (2026); önskad riktning: högre."


def test_points_in_the_same_year_are_told_apart_by_their_dates():
    text = trend_words(indicator(), measured((D(2026, 3, 1), "60"), (D(2026, 9, 1), "65")))

    assert "(1 mars 2026)" in text and "(1 september 2026)" in text


def test_a_single_measurement_is_told_as_one():
    text = trend_words(indicator(Direction.LOWER), measured((D(2026, 3, 1), "12")))

    assert text == "En mätning: 12\u00a0% (2026); önskad riktning: lägre."


def test_no_measurements_say_so_with_and_without_a_baseline():
    assert trend_words(indicator(), []) == "Inga mätningar ännu; önskad riktning: högre."
    with_baseline = indicator(baseline=(Decimal("62"), D(2024, 3, 1)))
    assert trend_words(with_baseline, []) == (
        "Utgångsvärde 62\u00a0% (2024); inga mätningar ännu. Önskad riktning: högre."
    )


# -- The chart --------------------------------------------------------------------------------


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_the_chart_is_valid_svg_with_a_title_a_description_and_a_point_per_measurement():
    ind = indicator(baseline=(Decimal("62"), D(2024, 3, 1)))
    rows = measured((D(2025, 3, 1), "64"), (D(2026, 3, 1), "71.5"), (D(2026, 9, 1), "70"))

    root = parse(str(chart_svg(ind, rows)))

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Diagram: Andel som känner sig trygga i centrum"
    assert root.find(f"{SVG}desc").text == trend_words(ind, rows)
    points = root.findall(f"{SVG}circle")
    assert len(points) == 3
    assert [p.find(f"{SVG}title").text for p in points] == [
        "64\u00a0% (1 mars 2025)",
        "71,5\u00a0% (1 mars 2026)",
        "70\u00a0% (1 september 2026)",
    ]
    # The baseline is a square, not a circle: shape, not colour, tells it apart.
    assert len(root.findall(f"{SVG}rect")) == 1
    assert root.find(f"{SVG}polyline") is not None
    # Presentation attributes only: no style attribute, no script (the CSP allows neither).
    assert not [el for el in root.iter() if "style" in el.attrib]
    assert not list(root.iter(f"{SVG}script"))


def test_a_higher_value_is_drawn_higher_up():
    root = parse(
        str(chart_svg(indicator(), measured((D(2025, 3, 1), "40"), (D(2026, 3, 1), "80"))))
    )

    low, high = root.findall(f"{SVG}circle")
    assert float(high.get("cy")) < float(low.get("cy"))
    assert float(high.get("cx")) > float(low.get("cx"))


def test_a_single_measurement_is_one_point_and_no_measurement_no_chart():
    root = parse(str(chart_svg(indicator(), measured((D(2026, 3, 1), "71")))))
    assert len(root.findall(f"{SVG}circle")) == 1
    assert root.find(f"{SVG}polyline") is None
    assert str(chart_svg(indicator(), [])) == ""


def test_text_in_the_chart_is_escaped():
    ind = indicator()
    ind.name = "Trygghet <script>&"

    svg = str(chart_svg(ind, measured((D(2026, 3, 1), "71"))))

    assert "<script>" not in svg
    assert parse(svg).find(f"{SVG}title").text == "Diagram: Trygghet <script>&"


# -- The public period page -------------------------------------------------------------------


@pytest.fixture
def outcome(db):
    """A published period whose promise has an indicator with three measurements, one of them
    withdrawn."""
    period = build_period("vetlanda", slug="utfall")
    promise = period.promises.get()
    coordinator = staff_user("siri-samordnare")
    ind = add_indicator(
        promise,
        coordinator,
        name="Andel som känner sig trygga i centrum",
        unit="%",
        source="Polisens trygghetsmätning",
        direction=Direction.HIGHER,
        baseline_value=Decimal("62"),
        baseline_date=D(2023, 10, 1),
        measurements=[
            (D(2024, 10, 1), Decimal("64.5"), "Trygghetsmätningen 2024"),
            (D(2025, 10, 1), Decimal("71"), "Trygghetsmätningen 2025"),
            (D(2025, 11, 1), Decimal("99.9"), "Felinmatning"),
        ],
    )
    wrong = ind.measurements.get(value=Decimal("99.9"))
    withdraw_measurement(wrong, coordinator, "HEMLIGT-SKÄL: fel indikator")
    return period, ind


def test_the_period_page_shows_each_indicator_with_chart_table_and_trend(client, outcome):
    period, ind = outcome

    html = client.get(period.get_absolute_url()).content.decode()

    assert "Utfall" in html
    assert "utfallet beror på mer än löftets aktiviteter" in html
    assert ind.name in html and "Polisens trygghetsmätning" in html
    assert "Högre är bättre" in html
    assert "Ökat från 62\u00a0% (2023) till 71\u00a0% (2025); önskad riktning: högre." in html
    table = html[html.index('<table class="outcome-table">') : html.index("</table>")]
    for value, note in (
        ("62\u00a0%", "Utgångsvärde"),
        ("64,5\u00a0%", "Trygghetsmätningen 2024"),
        ("71\u00a0%", "Trygghetsmätningen 2025"),
    ):
        assert value in table and note in table
    assert table.count("<tr>") == 4  # the header, the baseline and two measurements
    start = html.index("<svg xmlns")
    svg = html[start : html.index("</svg>", start) + 6]
    assert len(parse(svg).findall(f"{SVG}circle")) == 2


def test_withdrawn_measurements_and_staff_only_fields_are_never_public(client, outcome):
    period, _ind = outcome

    html = client.get(period.get_absolute_url()).content.decode()

    assert "99,9" not in html and "Felinmatning" not in html
    assert "HEMLIGT-SKÄL" not in html
    assert "Testsson" not in html and "siri-samordnare" not in html.lower()


def test_a_period_without_indicators_has_no_outcome_section(client, db):
    period = build_period("vetlanda", slug="utan")

    html = client.get(period.get_absolute_url()).content.decode()

    assert 'id="outcomes-heading"' not in html


def test_the_outcomes_cost_the_same_queries_however_many(
    client, outcome, django_assert_num_queries
):
    period, ind = outcome
    url = period.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    # More promises, each with indicators and many measurements.
    user = ind.created_by
    for i in range(3):
        promise = factories.promise(period, f"Fler löften {i}")
        for j in range(3):
            add_indicator(
                promise,
                user,
                name=f"Mått {i}.{j}",
                source="Källa",
                direction=Direction.LOWER,
                measurements=[(D(2020 + k, 1, 1), Decimal(k), "") for k in range(5)],
            )
    assert OutcomeMeasurement.objects.count() > 40
    with django_assert_num_queries(len(first)):
        response = client.get(url)
    assert response.content.decode().count('class="outcome"') == 10


def test_a_withdrawal_keeps_the_row_and_its_history(outcome):
    _period, ind = outcome

    wrong = OutcomeMeasurement.objects.get(indicator=ind, withdrawn_at__isnull=False)

    assert wrong.withdrawal_reason.startswith("HEMLIGT-SKÄL")
    assert wrong.withdrawn_at <= timezone.now()
    assert wrong.history.count() == 2
