import datetime

import pytest
from django.db import IntegrityError, transaction

from promises.models import PeriodState, PeriodTransition, Promise, PromisePeriod
from tests import factories

D = datetime.date


@pytest.mark.django_db
def test_period_must_end_after_it_starts():
    with pytest.raises(IntegrityError):
        factories.period(start=D(2026, 1, 1), end=D(2026, 1, 1))


@pytest.mark.django_db
@pytest.mark.parametrize("state", [PeriodState.SIGNED, PeriodState.EXTENDED, PeriodState.CLOSED])
def test_published_period_needs_a_signing_date(state):
    with pytest.raises(IntegrityError):
        factories.period(state=state, signed_date=None)


@pytest.mark.django_db
@pytest.mark.parametrize("state", [PeriodState.DECIDED, PeriodState.SIGNED])
def test_decided_period_needs_a_decision_date(state):
    with pytest.raises(IntegrityError):
        factories.period(state=state, decision_date=None)


@pytest.mark.django_db
def test_draft_needs_neither_decision_nor_signing():
    draft = factories.period(state=PeriodState.DRAFT)
    assert draft.decision_date is None and draft.signed_date is None


@pytest.mark.django_db
def test_period_slug_is_unique_per_municipality_but_not_across():
    factories.period("vetlanda", slug="2020-2021")
    factories.period("tranas", slug="2020-2021")
    with pytest.raises(IntegrityError):
        factories.period("vetlanda", slug="2020-2021")


@pytest.mark.django_db
def test_periods_of_any_length_are_allowed():
    half_year = factories.period(start=D(2026, 1, 1), end=D(2026, 6, 30))
    four_years = factories.period(start=D(2023, 1, 1), end=D(2026, 12, 31))
    assert half_year.pk and four_years.pk


@pytest.mark.django_db
def test_published_shows_signed_extended_and_closed_only():
    states = {state: factories.period(state=state) for state in PeriodState.values}
    published = set(PromisePeriod.objects.published())
    assert published == {
        states[PeriodState.SIGNED],
        states[PeriodState.EXTENDED],
        states[PeriodState.CLOSED],
    }


@pytest.mark.django_db
def test_active_is_derived_from_signing_and_today():
    today = D(2026, 11, 21)
    running = factories.period(start=D(2026, 1, 1), end=D(2026, 12, 31))
    extended = factories.period(
        state=PeriodState.EXTENDED, start=D(2025, 1, 1), end=D(2026, 12, 31)
    )
    factories.period(start=D(2024, 1, 1), end=D(2025, 12, 31))  # over
    factories.period(start=D(2027, 1, 1), end=D(2027, 12, 31))  # not yet
    factories.period(state=PeriodState.DECIDED, start=D(2026, 1, 1), end=D(2026, 12, 31))
    factories.period(state=PeriodState.CLOSED, start=D(2026, 1, 1), end=D(2026, 12, 31))
    assert set(PromisePeriod.objects.active(today)) == {running, extended}
    assert running.is_active(today) and not running.is_active(D(2027, 1, 1))


@pytest.mark.django_db
def test_a_period_is_over_once_closed_or_past_its_end_and_is_then_told_in_the_past(client):
    today = D(2026, 11, 21)
    ended = factories.period(start=D(2024, 1, 1), end=D(2025, 12, 31))
    closed_early = factories.period(
        "tranas", state=PeriodState.CLOSED, start=D(2026, 1, 1), end=D(2027, 12, 31)
    )
    running = factories.period("eksjo", start=D(2026, 1, 1), end=D(2026, 12, 31))
    open_ended = factories.period("tranemo", start=D(2026, 1, 1), end=None)
    assert ended.is_over(today) and closed_early.is_over(today)
    assert not running.is_over(today) and not running.is_over(D(2026, 12, 31))
    assert running.is_over(D(2027, 1, 1))
    assert not open_ended.is_over(today)

    page = client.get(ended.get_absolute_url()).content.decode()
    assert "Gällde " in page and "Gäller " not in page
    listed = client.get(f"/kommuner/{ended.municipality.slug}/").content.decode()
    assert "Gällde " in listed


@pytest.mark.django_db
def test_active_includes_the_first_and_last_day():
    period = factories.period(start=D(2026, 3, 20), end=D(2026, 9, 19))
    assert period.is_active(D(2026, 3, 20)) and period.is_active(D(2026, 9, 19))
    assert not period.is_active(D(2026, 3, 19))
    assert list(PromisePeriod.objects.active(D(2026, 9, 19))) == [period]


@pytest.mark.django_db
def test_a_municipality_may_have_several_active_periods_for_its_districts():
    whole = factories.period("malmo")
    district = factories.period("malmo", area_name="Rosengård")
    assert set(PromisePeriod.objects.active(D(2026, 6, 1))) == {whole, district}
    assert str(district) == "Malmö, Rosengård 2026"


@pytest.mark.django_db
def test_period_label_spans_years():
    assert factories.period(start=D(2020, 1, 15), end=D(2021, 12, 31)).period_label == "2020–2021"


@pytest.mark.django_db
def test_promise_positions_are_unique_and_positive_within_a_period():
    period = factories.period()
    factories.promise(period, position=1)
    with transaction.atomic(), pytest.raises(IntegrityError):
        factories.promise(period, position=1)
    with pytest.raises(IntegrityError):
        Promise.objects.create(period=period, title="Noll", position=0)


@pytest.mark.django_db
def test_transition_must_change_the_state():
    period = factories.period()
    PeriodTransition.objects.create(period=period, from_state="draft", to_state="consultation")
    with pytest.raises(IntegrityError):
        PeriodTransition.objects.create(period=period, from_state="signed", to_state="signed")


@pytest.mark.django_db
def test_period_url_uses_municipality_and_period_slug():
    period = factories.period("vetlanda", slug="2020-2021")
    assert period.get_absolute_url() == "/kommuner/vetlanda/2020-2021/"
