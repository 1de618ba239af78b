"""Dates in staff forms: read the Swedish way (never month first), bounded, and safe arithmetic
at the ends of the calendar; the extension's five-year rule; far-future dates never a 500."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from activities.models import ActivityLog, Responsible
from municipalities.models import Role
from promises.fields import MIN_DATE, DateField, parse_date
from promises.forms import (
    PeriodCopyForm,
    add_months,
    following_dates,
    latest_end,
    period_length_error,
    suggested_slug,
)
from promises.lifecycle import Action
from promises.models import Extension, PeriodState, PromisePeriod
from tests import factories
from tests.staff import sign_in, staff_user

D = datetime.date
DAY = datetime.timedelta(days=1)
TODAY = timezone.localdate()

INVALID_SV = "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-01, 1/11/2026 eller 1 nov 2026."
OUT_OF_RANGE_SV = "Ange ett datum från och med 1 januari 2000 till och med 31 december 2100."
NO_SUCH_DATE_SV = "Det datumet finns inte i kalendern."


# --- the parser, as a plain function ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-01", D(2026, 11, 1)),
        ("2026-1-5", D(2026, 1, 5)),
        ("1/11/2026", D(2026, 11, 1)),
        ("01/11/2026", D(2026, 11, 1)),
        ("11/1/2026", D(2026, 1, 11)),
        ("31/12/2026", D(2026, 12, 31)),
        ("1.11.2026", D(2026, 11, 1)),
        ("1 nov 2026", D(2026, 11, 1)),
        ("1 nov. 2026", D(2026, 11, 1)),
        ("1 Nov 2026", D(2026, 11, 1)),
        ("1 NOVEMBER 2026", D(2026, 11, 1)),
        ("1 november 2026", D(2026, 11, 1)),
        ("17 maj 2026", D(2026, 5, 17)),
        ("6 juni 2026", D(2026, 6, 6)),
        ("1 mars 2026", D(2026, 3, 1)),
        ("1 mar 2026", D(2026, 3, 1)),
        ("30 sept. 2026", D(2026, 9, 30)),
        ("24 okt 2026", D(2026, 10, 24)),
        ("29 feb 2028", D(2028, 2, 29)),
        ("  1  nov\t2026 ", D(2026, 11, 1)),
        # Out of the fields' bounds, but a date: the field, not the parser, refuses it.
        ("9999-12-31", D(9999, 12, 31)),
    ],
)
def test_parse_date_reads_iso_day_first_and_swedish_month_names(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "13/13/2026",
        "2026-02-30",
        "31/04/2026",
        "29/02/2026",
        "12/31/2026",
        "0000-01-01",
        "10000-01-01",
        "1/11/26",
        "26-11-01",
        "1-11-2026",
        "2026/11/01",
        "1 may 2026",
        "1 oct 2026",
        "1 novemb 2026",
        "nov 1 2026",
        "i går",
        "idag",
        "2026-11-01T00:00",
        "2026-11-01\x00",
        "١/١١/٢٠٢٦",
        "1e5",
        "9" * 400,
        "20261101",
    ],
)
def test_parse_date_refuses_everything_else(text):
    assert parse_date(text) is None


@given(day=st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)))
def test_parse_date_reads_every_way_a_date_is_written_to_the_same_day(day):
    months = ["jan", "feb", "mars", "april", "maj", "juni", "juli", "aug", "sep", "okt", "nov"]
    name = [*months, "december"][day.month - 1]
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day
    assert parse_date(f"{day.day:02d}.{day.month:02d}.{day.year}") == day
    assert parse_date(f"{day.day} {name} {day.year}") == day


@given(
    day=st.integers(min_value=1, max_value=12),
    month=st.integers(min_value=1, max_value=12),
    year=st.integers(min_value=2000, max_value=2100),
)
def test_a_slashed_date_is_always_read_day_first(day, month, year):
    assert parse_date(f"{day}/{month}/{year}") == D(year, month, day)


# --- the field -------------------------------------------------------------------------------


def errors_of(field: DateField, value) -> list[str]:
    with translation.override("sv"):
        try:
            field.clean(value)
        except ValidationError as error:
            return [str(message) for message in error.messages]
    return []


def test_the_field_accepts_its_bounds_and_nothing_beyond():
    field = DateField()
    assert field.clean(MIN_DATE.isoformat()) == D(2000, 1, 1)
    assert field.clean("31/12/2100") == D(2100, 12, 31)
    for value in ("31/12/1999", "2101-01-01", "9999-12-31", "0001-01-01"):
        assert errors_of(field, value) == [OUT_OF_RANGE_SV], value


@pytest.mark.parametrize(
    "value", ["10000-01-01", "i går", "\x00", "1-11-2026", "2026/11/01", "1 novemb 2026", "12/31"]
)
def test_the_field_says_in_swedish_how_to_write_a_date(value):
    assert errors_of(DateField(), value) == [INVALID_SV]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "Det datumet finns inte: februari 2026 har bara 28 dagar."),
        ("30/2/2026", "Det datumet finns inte: februari 2026 har bara 28 dagar."),
        ("29.02.2026", "Det datumet finns inte: februari 2026 har bara 28 dagar."),
        ("29 feb 2026", "Det datumet finns inte: februari 2026 har bara 28 dagar."),
        ("2028-02-30", "Det datumet finns inte: februari 2028 har bara 29 dagar."),
        ("31/04/2026", "Det datumet finns inte: april 2026 har bara 30 dagar."),
        ("2026-11-31", "Det datumet finns inte: november 2026 har bara 30 dagar."),
        ("32 januari 2026", "Det datumet finns inte: januari 2026 har bara 31 dagar."),
        ("99/12/2026", "Det datumet finns inte: december 2026 har bara 31 dagar."),
        ("13/13/2026", NO_SUCH_DATE_SV),
        # The month first, as American programs write it: the day first is asked for.
        (
            "12/24/2026",
            "Det finns ingen månad 24: skriv dagen först och sedan månaden, till exempel "
            "24/12/2026.",
        ),
        ("2026-13-01", NO_SUCH_DATE_SV),
        ("1.13.2026", NO_SUCH_DATE_SV),
        ("2026-00-10", NO_SUCH_DATE_SV),
        ("2026-99-01", NO_SUCH_DATE_SV),
        ("0/11/2026", NO_SUCH_DATE_SV),
        ("2026-11-00", NO_SUCH_DATE_SV),
        # Year 0 is no year of Python's calendar: before the field's first day, and said so.
        ("0000-01-01", OUT_OF_RANGE_SV),
        ("0000-02-30", OUT_OF_RANGE_SV),
    ],
)
def test_a_well_written_date_the_calendar_lacks_is_said_to_not_exist(value, message):
    """The format was right: the message says the day does not exist, not how to write it."""
    assert errors_of(DateField(), value) == [message]
    assert errors_of(DateField(required=False), value) == [message]
    assert "ÅÅÅÅ" not in message


def test_a_date_that_does_not_exist_is_said_so_in_english_too():
    with translation.override("en"):
        try:
            DateField().clean("2026-02-30")
        except ValidationError as error:
            messages = error.messages
    assert messages == ["That date does not exist: February 2026 has only 28 days."]


@given(
    year=st.integers(min_value=1, max_value=9999),
    month=st.integers(min_value=0, max_value=99),
    day=st.integers(min_value=0, max_value=99),
)
def test_every_well_written_date_is_accepted_or_refused_as_not_existing(year, month, day):
    field = DateField(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))
    value = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        expected = D(year, month, day)
    except ValueError:
        with pytest.raises(ValidationError) as refused:
            field.clean(value)
        assert refused.value.code in ("no_such_day", "no_such_date")
    else:
        assert field.clean(value) == expected


def test_the_picker_shows_a_typed_date_as_iso_and_offers_only_the_bounds():
    field = DateField()
    rendered = field.widget.render("d", "1/11/2026")
    assert 'type="date"' in rendered and 'value="2026-11-01"' in rendered
    assert 'min="2000-01-01"' in rendered and 'max="2100-12-31"' in rendered
    assert "value=" not in field.widget.render("d", "13/13/2026")


# --- calendar arithmetic at the ends of the calendar -----------------------------------------


def test_add_months_stays_inside_the_calendar():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(9999, 6, 1), 60) == D.max
    assert add_months(D(1, 6, 1), -60) == D.min
    assert latest_end(D(9999, 6, 1)) is None
    assert latest_end(D(2026, 1, 1)) == D(2030, 12, 31)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(9999, 6, 1), D(9999, 12, 31)),
        (D(9999, 12, 31), D(9999, 12, 31)),
        (D(1, 1, 1), D(1, 1, 2)),
        (D(1, 1, 1), D(9999, 12, 31)),
    ],
)
def test_period_rules_never_fail_at_the_ends_of_the_calendar(start, end):
    period_length_error(start, end)
    assert suggested_slug(start, end)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # The period after would begin past the last accepted date: no proposal.
        (D(9999, 1, 1), D(9999, 12, 31), None),
        (D(2099, 1, 1), D(2100, 12, 31), None),
        (D(2090, 1, 1), D(9999, 12, 31), None),
        # Capped at the last accepted year.
        (D(2098, 1, 1), D(2099, 12, 31), (D(2100, 1, 1), D(2100, 12, 31))),
        # The next whole year after it would begin past the last accepted date: no proposal.
        (D(2099, 3, 15), D(2100, 3, 14), None),
        # Capped to less than three months: no proposal.
        (D(2099, 11, 1), D(2100, 10, 31), None),
        # Before the first accepted date: no proposal.
        (D(1990, 1, 1), D(1990, 12, 31), None),
    ],
)
def test_following_dates_stay_within_the_accepted_dates(start, end, expected):
    assert following_dates(PromisePeriod(start_date=start, end_date=end)) == expected


# --- through the pages -----------------------------------------------------------------------


@pytest.fixture
def coordinator(db):
    vetlanda = factories.municipality("vetlanda")
    return staff_user("samordnare", role=Role.COORDINATOR, municipality=vetlanda)


def field_errors(response, field: str) -> list[str]:
    return [str(message) for message in response.context["form"].errors.get(field, [])]


@pytest.mark.parametrize(
    ("start", "end"),
    [("9999-06-01", "9999-12-31"), ("0001-01-01", "0001-06-30"), ("1999-01-01", "1999-12-31")],
)
def test_creating_a_period_with_far_off_dates_is_a_swedish_field_error(
    client, coordinator, start, end
):
    sign_in(client, coordinator)
    before = PromisePeriod.objects.count()
    data = {
        "municipality": str(factories.municipality("vetlanda").pk),
        "start_date": start,
        "end_date": end,
        "slug": "",
    }
    response = client.post(reverse("promises:period_create"), data)
    assert response.status_code == 200
    assert field_errors(response, "start_date") == [OUT_OF_RANGE_SV]
    assert field_errors(response, "end_date") == [OUT_OF_RANGE_SV]
    assert PromisePeriod.objects.count() == before


def test_copying_a_period_to_far_future_dates_is_a_swedish_field_error(client, coordinator):
    source = factories.period(start=D(2025, 1, 1), end=D(2026, 12, 31), slug="2025-2026")
    sign_in(client, coordinator)
    before = PromisePeriod.objects.count()
    url = reverse("promises:period_copy", args=[source.pk])
    data = {"slug": "", "start_date": "9999-06-01", "end_date": "9999-12-31"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert field_errors(response, "start_date") == [OUT_OF_RANGE_SV]
    assert field_errors(response, "end_date") == [OUT_OF_RANGE_SV]
    assert PromisePeriod.objects.count() == before


def test_a_period_is_created_from_swedish_dates(client, coordinator):
    sign_in(client, coordinator)
    data = {
        "municipality": str(factories.municipality("vetlanda").pk),
        "start_date": "1/1/2028",
        "end_date": "31 dec. 2029",
        "slug": "",
    }
    response = client.post(reverse("promises:period_create"), data)
    assert response.status_code == 302
    period = PromisePeriod.objects.get(slug="2028-2029")
    assert (period.start_date, period.end_date) == (D(2028, 1, 1), D(2029, 12, 31))


@pytest.mark.parametrize("end", [D(9999, 12, 31), D(2100, 12, 31)])
def test_the_copy_page_of_a_stored_far_future_period_proposes_no_dates(client, coordinator, end):
    source = PromisePeriod.objects.create(
        municipality=factories.municipality("vetlanda"),
        slug="langt-fram",
        start_date=D(2026, 1, 1),
        end_date=end,
        state=PeriodState.EXTENDED,
        decision_date=D(2025, 12, 1),
        signed_date=D(2026, 1, 1),
    )
    sign_in(client, coordinator)
    response = client.get(reverse("promises:period_copy", args=[source.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["start_date"].value() is None
    assert form["end_date"].value() is None
    assert isinstance(form, PeriodCopyForm)


# --- the extension ---------------------------------------------------------------------------


def signed_period() -> PromisePeriod:
    return factories.period(
        "vetlanda",
        start=TODAY - 100 * DAY,
        end=TODAY + 265 * DAY,
        state=PeriodState.SIGNED,
        decision_date=TODAY - 120 * DAY,
        decision_body="Kommunstyrelsen",
        signed_date=TODAY - 100 * DAY,
    )


def extend(client, period: PromisePeriod, new_end: str):
    data = {
        "new_end_date": new_end,
        "decision_body": "Kommunstyrelsen",
        "decision_date": TODAY.isoformat(),
        "decision_reference": "",
        "comment": "",
    }
    return client.post(reverse("promises:period_transition", args=[period.pk, Action.EXTEND]), data)


def test_extending_to_9999_is_refused_with_a_swedish_error(client, coordinator):
    period = signed_period()
    sign_in(client, coordinator)
    response = extend(client, period, "9999-12-31")
    assert response.status_code == 200
    assert field_errors(response, "new_end_date") == [OUT_OF_RANGE_SV]
    period.refresh_from_db()
    assert period.state == PeriodState.SIGNED
    assert not Extension.objects.exists()
    # The copy page of the period still works and proposes the period after it.
    assert client.get(reverse("promises:period_copy", args=[period.pk])).status_code == 200


def test_an_extension_beyond_five_years_in_all_is_refused(client, coordinator):
    period = signed_period()
    latest = latest_end(period.start_date)
    sign_in(client, coordinator)
    response = extend(client, period, (latest + DAY).isoformat())
    assert response.status_code == 200
    with translation.override("sv"):
        expected = (
            "Ett medborgarlöfte kan gälla i högst fem år, förlängningar inräknade: välj ett "
            f"slutdatum senast {latest.day} "
        )
    [message] = field_errors(response, "new_end_date")
    assert message.startswith(expected), message
    assert not Extension.objects.exists()


def test_an_extension_to_exactly_five_years_is_accepted(client, coordinator):
    period = signed_period()
    latest = latest_end(period.start_date)
    sign_in(client, coordinator)
    response = extend(client, period, f"{latest.day}/{latest.month}/{latest.year}")
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.end_date == latest
    assert period.state == PeriodState.EXTENDED


@pytest.mark.parametrize("field", ["decision_date"])
def test_a_decision_date_far_in_the_past_or_future_is_refused(client, coordinator, field):
    period = signed_period()
    sign_in(client, coordinator)
    for value in ("1999-12-31", "9999-12-31"):
        data = {
            "new_end_date": (period.end_date + 30 * DAY).isoformat(),
            "decision_body": "Kommunstyrelsen",
            "decision_date": TODAY.isoformat(),
            field: value,
        }
        url = reverse("promises:period_transition", args=[period.pk, Action.EXTEND])
        response = client.post(url, data)
        assert response.status_code == 200
        assert field_errors(response, field) == [OUT_OF_RANGE_SV]
    assert not Extension.objects.exists()


# --- the log form ----------------------------------------------------------------------------


@pytest.fixture
def officer_and_activity(db):
    last_year = TODAY.year - 1
    period = factories.period("tranas", start=D(last_year, 1, 1), end=D(TODAY.year, 12, 31))
    activity = factories.activity(period, responsible=Responsible.POLICE)
    area = factories.local_police_area("Höglandet", municipalities=[period.municipality])
    officer = staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area)
    return officer, activity


def post_log(client, activity, date: str):
    data = {
        "activity": activity.pk,
        "idempotency_key": str(uuid.uuid4()),
        "date": date,
        "quantity": "1",
        "place": "",
        "summary": "Kontroll",
        "internal_note": "",
    }
    return client.post(reverse("activities:log_create"), data)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1/11/{year}", (11, 1)),
        ("1.11.{year}", (11, 1)),
        ("1 nov {year}", (11, 1)),
        ("1 november {year}", (11, 1)),
        ("3 maj {year}", (5, 3)),
        ("11/1/{year}", (1, 11)),
        ("2/3/{year}", (3, 2)),
    ],
)
def test_a_log_date_typed_the_swedish_way_is_stored_day_first(
    client, officer_and_activity, typed, expected
):
    officer, activity = officer_and_activity
    year = TODAY.year - 1
    sign_in(client, officer)
    response = post_log(client, activity, typed.format(year=year))
    assert response.status_code == 302, response.context["form"].errors
    assert ActivityLog.objects.get().date == D(year, *expected)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1/11/25", INVALID_SV),
        ("2026/11/01", INVALID_SV),
        ("13/13/2026", NO_SUCH_DATE_SV),
        ("31/04/2026", "Det datumet finns inte: april 2026 har bara 30 dagar."),
        ("2026-02-30", "Det datumet finns inte: februari 2026 har bara 28 dagar."),
        ("11/31/2025", NO_SUCH_DATE_SV),  # month first: there is no month 31
        ("0000-01-01", OUT_OF_RANGE_SV),
    ],
)
def test_a_log_date_that_is_no_date_is_a_swedish_error(
    client, officer_and_activity, typed, message
):
    officer, activity = officer_and_activity
    sign_in(client, officer)
    response = post_log(client, activity, typed)
    assert response.status_code == 200
    assert field_errors(response, "date") == [message]
    assert not ActivityLog.objects.exists()
