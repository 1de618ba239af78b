"""Bad input for every report form: a Swedish error tied to the field, nothing written.

Uses the strategies and checks of tests/test_form_inputs.py (≥ 100 examples each on SQLite).
"""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from followups import services
from followups.models import Report, ReportKind
from tests import factories
from tests.staff import People, sign_in
from tests.test_form_inputs import (
    DAY,
    END,
    EXAMPLES,
    MAX_DATE,
    START,
    TODAY,
    _check_refused,
    bad_text,
    between,
    malformed_dates,
)


@pytest.fixture(scope="module")
def report_data(module_data):
    with module_data():
        people = People(home="tranas", other="vetlanda")
        period = factories.period("tranas", start=START, end=END)
        factories.promise(period, "Ett tryggare centrum")
        factories.activity(period, "Trafikkontroller")
        user = people.coordinator
        span = {"kind": ReportKind.TERTIAL, "covers_from": START, "covers_to": START}
        draft = services.draft_report(period, user, **{**span, "kind": ReportKind.FINAL})
        published = services.publish_report(
            services.draft_report(period, user, **span), user, today=TODAY
        )
        return {"user": user, "period": period, "draft": draft, "published": published}


@pytest.fixture
def world(db, report_data):
    return report_data


def _history() -> tuple[int, int]:
    return Report.objects.count(), Report.history.count()


BAD_KINDS = st.text(max_size=20).filter(lambda value: value not in ReportKind.values)
# Dates no report takes: malformed, before the period, after today (or the period's end).
BAD_SPAN_DATES = st.one_of(
    malformed_dates(),
    between(START.replace(year=2000), START - DAY),
    between(min(TODAY, END) + DAY, MAX_DATE),
)

DRAFT_VALUES = st.one_of(
    st.tuples(st.just("kind"), BAD_KINDS),
    st.tuples(st.just("covers_from"), BAD_SPAN_DATES),
    st.tuples(st.just("covers_to"), BAD_SPAN_DATES),
)


@EXAMPLES
@given(bad=DRAFT_VALUES)
def test_draft_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    # The other date is a good one: a lone date, or a bad one, is an error on the field itself.
    data = {"kind": "tertial", "covers_from": START.isoformat(), "covers_to": START.isoformat()}
    data[field] = value
    url = reverse("followups:report_create", args=[world["period"].pk])
    _check_refused(client, url, data, field, _history)


TEXT_VALUES = st.one_of(
    st.tuples(st.just("title"), st.one_of(bad_text(200), st.sampled_from(["", " ", "\n"]))),
    st.tuples(st.just("body"), st.one_of(bad_text(20_000), st.sampled_from(["", "  "]))),
)


@EXAMPLES
@given(bad=TEXT_VALUES)
def test_edit_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    data = {
        "title": "Tertialredovisning",
        "body": "Så här har det gått.",
        "edit_version": "1",
        field: value,
    }
    url = reverse("followups:report_edit", args=[world["draft"].pk])
    _check_refused(client, url, data, field, _history)


CORRECTION_VALUES = st.one_of(
    TEXT_VALUES,
    st.tuples(st.just("reason"), st.one_of(bad_text(1000), st.sampled_from(["", " ", "\t"]))),
)


@EXAMPLES
@given(bad=CORRECTION_VALUES)
def test_correction_form_refuses_bad_input(client, world, bad):
    sign_in(client, world["user"])
    field, value = bad
    data = {"title": "Rättad", "body": "Rättad text.", "reason": "En siffra var fel."}
    data[field] = value
    url = reverse("followups:report_correct", args=[world["published"].pk])
    _check_refused(client, url, data, field, _history)
    world["published"].refresh_from_db()
    assert world["published"].replaced_by_id is None
