"""The validity rule: inclusive days, open-ended periods, no two signed periods for one place."""

import datetime

import pytest
from django.utils import translation

from promises.models import PeriodState
from promises.validity import overlapping_period, overlaps, validity_label
from tests import factories

D = datetime.date


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((D(2025, 1, 1), D(2025, 12, 31)), (D(2026, 1, 1), D(2026, 12, 31)), False),
        ((D(2025, 1, 1), D(2025, 12, 31)), (D(2025, 12, 31), D(2026, 12, 31)), True),
        ((D(2025, 1, 1), None), (D(2030, 1, 1), D(2030, 2, 1)), True),
        ((D(2025, 1, 1), D(2025, 6, 30)), (D(2025, 7, 1), None), False),
        ((D(2025, 1, 1), None), (D(2020, 1, 1), None), True),
        ((D(2025, 3, 1), D(2025, 3, 31)), (D(2024, 1, 1), D(2025, 3, 1)), True),
    ],
)
def test_overlaps_counts_both_ends_and_open_ends(a, b, expected):
    assert overlaps(*a, *b) is expected
    assert overlaps(*b, *a) is expected


@pytest.mark.django_db
def test_overlapping_period_finds_a_signed_period_of_the_same_place_only():
    signed = factories.period("tranas", start=D(2025, 1, 1), end=D(2026, 12, 31), slug="a")
    draft = factories.period(
        "tranas", start=D(2026, 1, 1), end=D(2027, 12, 31), slug="b", state=PeriodState.DRAFT
    )
    assert overlapping_period(draft) == signed
    assert overlapping_period(draft, D(2027, 1, 1), D(2028, 12, 31)) is None
    assert overlapping_period(draft, D(2027, 1, 1), open_ended=True) is None
    assert overlapping_period(draft, D(2020, 1, 1), open_ended=True) == signed
    # Another area of the same municipality, or another municipality, is another place.
    district = factories.period(
        "tranas", start=D(2026, 1, 1), end=D(2026, 6, 30), slug="c", area_name="Norr"
    )
    assert overlapping_period(district) is None
    elsewhere = factories.period("vetlanda", start=D(2026, 1, 1), end=D(2026, 6, 30), slug="d")
    assert overlapping_period(elsewhere) is None
    # A period never overlaps itself.
    assert overlapping_period(signed) is None


@pytest.mark.django_db
def test_validity_label_reads_as_stated():
    period = factories.period("tranas", start=D(2025, 7, 1), end=D(2027, 6, 30))
    with translation.override("sv"):
        assert validity_label(period) == "1 juli 2025\u00a0– 30 juni 2027"
        period.end_date = None
        assert validity_label(period) == "från 1 juli 2025, tills vidare"
        assert period.period_label == "från 2025"
        period.start_date, period.end_date, period.year_only = D(2019, 1, 1), D(2019, 12, 31), True
        assert validity_label(period) == "2019"
