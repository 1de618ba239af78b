"""Bad input for every outcome indicator form: a Swedish error tied to the field, nothing written.

Uses the strategies and checks of tests/test_form_inputs.py (≥ 100 examples each on SQLite).
"""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from promises.models import OutcomeIndicator, OutcomeMeasurement
from promises.outcomes import parse_value
from tests import factories
from tests.staff import People, sign_in
from tests.test_form_inputs import (
    DAY,
    END,
    EXAMPLES,
    START,
    TODAY,
    _check_refused,
    bad_text,
    between,
    english_url,
    malformed_dates,
)


@pytest.fixture(scope="module")
def outcome_data(module_data):
    with module_data():
        people = People(home="tranas", other="vetlanda")
        period = factories.period("tranas", start=START, end=END)
        promise = factories.promise(period, "Ett tryggare centrum")
        other_promise = factories.promise(factories.period("vetlanda"), "Annan kommun")
        indicator = OutcomeIndicator.objects.create(
            promise=promise,
            name="Andel som känner sig trygga",
            unit="%",
            source="Trygghetsmätningen",
            direction="higher",
            baseline_value=50,
            baseline_date=START,
        )
        measurement = OutcomeMeasurement.objects.create(indicator=indicator, date=START, value=55)
        return {
            "user": people.coordinator,
            "period": period,
            "promise": promise,
            "other_promise": other_promise,
            "indicator": indicator,
            "measurement": measurement,
        }


@pytest.fixture
def world(db, outcome_data):
    return outcome_data


def _histories() -> tuple[int, int]:
    return OutcomeIndicator.history.count(), OutcomeMeasurement.history.count()


def _parses(text: str) -> bool:
    try:
        parse_value(text)
    except ValidationError:
        return False
    return True


BAD_VALUES = st.one_of(
    st.sampled_from(["71,5 %", "1.234,5", "1,2,3", "7e3", "NaN", "inf", "0,1234", "9" * 11, "−"]),
    st.text(alphabet="0123456789,. -+e%", min_size=1, max_size=15),
    bad_text(40),
).filter(lambda value: value.strip() and not _parses(value))


def _indicator_fields(world) -> dict:
    return {
        "promise": world["promise"].pk,
        "name": "Andel som känner sig trygga på torget",
        "unit": "%",
        "source": "Polisens trygghetsmätning",
        "description": "",
        "direction": "higher",
        "baseline_value": "62",
        "baseline_date": START.isoformat(),
    }


def indicator_values(world_promise_other: int):
    return st.one_of(
        st.tuples(
            st.just("promise"),
            st.one_of(
                st.just(str(world_promise_other)), st.text(max_size=10), st.integers().map(str)
            ),
        ),
        st.tuples(st.just("name"), st.one_of(bad_text(200), st.sampled_from(["", "  "]))),
        st.tuples(st.just("unit"), bad_text(40)),
        st.tuples(st.just("source"), st.one_of(bad_text(200), st.sampled_from(["", "  "]))),
        st.tuples(st.just("description"), bad_text(2000)),
        st.tuples(st.just("baseline_value"), BAD_VALUES),
        st.tuples(st.just("baseline_date"), malformed_dates(required=False)),
    )


@EXAMPLES
@given(data=st.data())
def test_indicator_forms_refuse_bad_input(client, world, data):
    sign_in(client, world["user"])
    field, value = data.draw(indicator_values(world["other_promise"].pk))
    if field == "promise" and value == str(world["promise"].pk):
        return
    body = {**_indicator_fields(world), field: value}
    for url in (
        reverse("followups:indicator_create", args=[world["period"].pk]),
        reverse("followups:indicator_edit", args=[world["indicator"].pk]),
    ):
        _check_refused(client, url, body, field, _histories)


@pytest.mark.django_db
def test_a_bad_direction_is_refused_in_swedish(client, world):
    sign_in(client, world["user"])
    body = {**_indicator_fields(world), "direction": "sideways"}
    url = reverse("followups:indicator_create", args=[world["period"].pk])

    response = client.post(url, body)

    assert response.status_code == 200
    assert "direction" in response.context["form"].errors
    assert "Välj ett giltigt alternativ" in response.content.decode()
    english = client.post(english_url(url), body)
    translation.activate("sv")
    assert "Select a valid choice" in english.content.decode()
    assert OutcomeIndicator.objects.count() == 1


def _measurement_fields() -> dict:
    return {
        "date": TODAY.isoformat(),
        "value": "71,5",
        "source_note": "Trygghetsmätningen",
        "idempotency_key": str(uuid.uuid4()),
    }


MEASUREMENT_VALUES = st.one_of(
    st.tuples(
        st.just("date"),
        st.one_of(
            malformed_dates(),
            between(TODAY + DAY, TODAY.replace(year=2100)),
            between(START.replace(year=2000), START - DAY),  # before the baseline
            st.just(START.isoformat()),  # taken
        ),
    ),
    st.tuples(st.just("value"), st.one_of(BAD_VALUES, st.sampled_from(["", " "]))),
    st.tuples(st.just("source_note"), bad_text(300)),
)


@EXAMPLES
@given(bad=MEASUREMENT_VALUES)
def test_measurement_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    body = {**_measurement_fields(), field: value}
    url = reverse("followups:measurement_create", args=[world["indicator"].pk])
    _check_refused(client, url, body, field, _histories)


@EXAMPLES
@given(reason=st.one_of(bad_text(1000), st.sampled_from(["", " ", "\n\t"])))
def test_withdraw_form_refuses_bad_reasons(client, world, reason):
    sign_in(client, world["user"])
    url = reverse("followups:measurement_withdraw", args=[world["measurement"].pk])
    _check_refused(client, url, {"reason": reason}, "reason", _histories)


@EXAMPLES
@given(bad=MEASUREMENT_VALUES)
def test_import_refuses_a_file_with_a_bad_row(client, world, bad):
    field, value = bad
    sign_in(client, world["user"])
    row = {**_measurement_fields(), field: value}
    cells = [row["date"], row["value"], row["source_note"]]
    line = ";".join('"' + cell.replace('"', '""') + '"' for cell in cells)
    good = f"{(TODAY - DAY).isoformat()};70;Bra rad\n"
    content = ("datum;varde;kallhanvisning\n" + good + line + "\n").encode("utf-8")
    url = reverse("followups:measurement_import", args=[world["indicator"].pk])

    def post(address):
        file = SimpleUploadedFile("m.csv", content, content_type="text/csv")
        return client.post(address, {"file": file, "idempotency_key": str(uuid.uuid4())})

    before = _histories()
    response = post(url)
    assert response.status_code == 200
    assert _histories() == before
    result = response.context["result"]
    swedish = [str(e) for e in result.file_errors] + [
        e.message for e in result.row_errors if e.row == 3
    ]
    assert swedish, "the bad row is not reported"
    assert not any(e.row == 2 for e in result.row_errors), "the good row is blamed"
    english_result = post(english_url(url)).context["result"]
    translation.activate("sv")
    english = [str(e) for e in english_result.file_errors] + [
        e.message for e in english_result.row_errors if e.row == 3
    ]
    assert english and english != swedish, (swedish, english)
