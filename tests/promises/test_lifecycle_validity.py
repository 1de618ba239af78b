"""Validity through the lifecycle: signing never moves a stated start silently, open-ended
periods cannot be extended and end when closed, and signing or extending never makes two
signed periods of one place overlap."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import translation

from activities.models import ActivityLog
from municipalities.models import Role
from promises.lifecycle import (
    Action,
    SignatoryData,
    TransitionInvalid,
    TransitionNotAllowed,
    ValidityStart,
    available_actions,
    perform,
)
from promises.models import PeriodState, PeriodTransition, PromisePeriod
from tests import factories
from tests.staff import sign_in, staff_user

D = datetime.date
S = PeriodState
SIGNATORIES = [
    SignatoryData("Henrik Tvärnö", "Kommunstyrelsens ordförande", "Tranås kommun"),
    SignatoryData("Jonas Lindell", "Lokalpolisområdeschef", "LPO Höglandet"),
]


@pytest.fixture
def coordinator(db):
    return staff_user(
        "samordnare", role=Role.COORDINATOR, municipality=factories.municipality("tranas")
    )


STATED_START, STATED_END, SIGNED_ON = D(2026, 7, 1), D(2028, 6, 30), D(2026, 10, 20)
DECIDED_ON = D(2027, 3, 1)


def decided(start=STATED_START, end=STATED_END, **fields) -> PromisePeriod:
    period = factories.period(
        "tranas",
        start=start,
        end=end,
        state=S.DECIDED,
        decision_date=D(2026, 6, 1),
        decision_body="Kommunstyrelsen",
        consultation_round=1,
        **fields,
    )
    factories.activity(period).promises.add(factories.promise(period))
    return period


def sign(period, user, day=SIGNED_ON, **data):
    return perform(
        period, user, Action.SIGN, signed_date=day, signatories=SIGNATORIES, today=day, **data
    )


# -- Signing: the coordinator chooses where the validity starts -----------------------------


def test_the_stated_validity_survives_signing_when_chosen(coordinator):
    period = decided()
    transition = sign(period, coordinator, validity_start=ValidityStart.STATED)
    period.refresh_from_db()
    assert (period.start_date, period.end_date) == (D(2026, 7, 1), D(2028, 6, 30))
    assert period.signed_date == D(2026, 10, 20)
    assert transition.previous_start_date is None


def test_signing_from_the_signing_date_moves_the_start_and_records_the_stated_one(coordinator):
    period = decided()
    transition = sign(period, coordinator, validity_start=ValidityStart.SIGNING)
    period.refresh_from_db()
    assert period.start_date == D(2026, 10, 20)
    assert transition.previous_start_date == D(2026, 7, 1)


def test_signing_from_the_signing_date_is_the_default(coordinator):
    period = decided()
    sign(period, coordinator)
    period.refresh_from_db()
    assert period.start_date == D(2026, 10, 20)


def test_signing_from_the_signing_date_on_the_last_day_is_refused(coordinator):
    period = decided(start=D(2026, 1, 1), end=D(2026, 10, 20))
    with pytest.raises(TransitionInvalid) as error:
        sign(period, coordinator, validity_start=ValidityStart.SIGNING)
    assert "signed_date" in error.value.errors
    # As the document states, signing on its last day leaves the validity as it is.
    sign(period, coordinator, validity_start=ValidityStart.STATED)
    period.refresh_from_db()
    assert period.state == S.SIGNED


def test_an_unknown_validity_choice_is_refused(coordinator):
    period = decided()
    with pytest.raises(TransitionInvalid) as error:
        sign(period, coordinator, validity_start="later")
    assert "validity_start" in error.value.errors
    assert PromisePeriod.objects.get(pk=period.pk).state == S.DECIDED


def test_a_walk_before_the_signing_inside_the_stated_period_can_be_logged(coordinator, client):
    period = decided()
    sign(period, coordinator, validity_start=ValidityStart.STATED)
    walk = factories.activity(period, "Trygghetsvandring", responsible="municipality")
    sign_in(client, coordinator)
    response = client.post(
        reverse("activities:log_create"),
        {
            "activity": walk.pk,
            "date": "2026-09-15",
            "quantity": "1",
            "place": "Centrum",
            "summary": "",
            "internal_note": "",
            "idempotency_key": "2b1a3f0e-0000-4000-8000-000000000001",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert ActivityLog.objects.get(activity=walk).date == D(2026, 9, 15)


def test_the_sign_form_offers_both_starts_and_the_page_shows_the_validity(coordinator, client):
    period = decided()
    sign_in(client, coordinator)
    url = reverse("promises:period_transition", args=[period.pk, Action.SIGN])
    page = client.get(url).content.decode()
    assert "Från undertecknandet" in page
    assert "Som dokumentet anger: 1 juli 2026\u00a0– 30 juni 2028" in page
    data = {
        "signed_date": "2026-10-20",
        "validity_start": "stated",
        "comment": "",
        "signatories-TOTAL_FORMS": "2",
        "signatories-INITIAL_FORMS": "2",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "6",
    }
    for i, signatory in enumerate(SIGNATORIES):
        for name, value in vars(signatory).items():
            data[f"signatories-{i}-{name}"] = value
    response = client.post(url, data)
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.start_date == D(2026, 7, 1)
    hub = client.get(reverse("promises:staff_period", args=[period.pk])).content.decode()
    assert "1 juli 2026\u00a0– 30 juni 2028" in hub


def test_the_change_log_says_the_validity_moved_to_the_signing(coordinator, client):
    period = decided()
    sign(period, coordinator, validity_start=ValidityStart.SIGNING)
    period.refresh_from_db()
    page = client.get(period.get_absolute_url()).content.decode()
    assert "gäller från undertecknandet, 20 oktober 2026; dokumentet angav 1 juli 2026" in page
    assert "20 oktober 2026\u00a0– 30 juni 2028" in page


# -- No overlaps --------------------------------------------------------------------------------


def test_signing_a_period_overlapping_a_signed_one_is_refused_naming_it(coordinator):
    factories.period("tranas", start=D(2025, 1, 1), end=D(2026, 12, 31), slug="2025-2026")
    period = decided()
    with translation.override("sv"), pytest.raises(TransitionInvalid) as error:
        sign(period, coordinator, validity_start=ValidityStart.STATED)
    [message] = error.value.errors[None]
    assert "Tranås 2025–2026" in message
    assert "1 januari 2025\u00a0– 31 december 2026" in message
    assert PromisePeriod.objects.get(pk=period.pk).state == S.DECIDED
    assert not PeriodTransition.objects.filter(period=period).exists()


def test_signing_from_a_date_after_the_other_period_is_not_an_overlap(coordinator):
    factories.period("tranas", start=D(2025, 1, 1), end=D(2026, 10, 19), slug="2025-2026")
    period = decided()
    # As stated (from 1 July) it would overlap; from the signing date (20 October) it does not.
    with pytest.raises(TransitionInvalid):
        sign(period, coordinator, validity_start=ValidityStart.STATED)
    sign(period, coordinator, validity_start=ValidityStart.SIGNING)
    assert PromisePeriod.objects.get(pk=period.pk).state == S.SIGNED


def test_an_open_ended_signed_period_blocks_a_later_one(coordinator):
    factories.period("tranas", start=D(2024, 3, 1), end=None, slug="2024-tills-vidare")
    period = decided()
    with pytest.raises(TransitionInvalid):
        sign(period, coordinator)


def test_another_area_or_a_closed_earlier_period_does_not_block(coordinator):
    factories.period("tranas", start=D(2026, 1, 1), end=D(2027, 12, 31), area_name="Norr")
    factories.period("tranas", start=D(2024, 1, 1), end=D(2025, 12, 31), state=S.CLOSED)
    period = decided()
    sign(period, coordinator, validity_start=ValidityStart.STATED)
    assert PromisePeriod.objects.get(pk=period.pk).state == S.SIGNED


def extension(new_end, day=DECIDED_ON):
    return {
        "new_end_date": new_end,
        "decision_body": "Kommunstyrelsen",
        "decision_date": day,
        "today": day,
    }


def test_extending_into_the_next_signed_period_is_refused_naming_it(coordinator):
    period = factories.period("tranas", start=D(2026, 1, 1), end=D(2026, 10, 31), slug="2026")
    factories.period("tranas", start=D(2027, 1, 1), end=D(2027, 12, 31), slug="2027")
    with translation.override("sv"), pytest.raises(TransitionInvalid) as error:
        perform(period, coordinator, Action.EXTEND, **extension(D(2027, 6, 30), D(2026, 10, 1)))
    [message] = error.value.errors[None]
    assert "Tranås 2027" in message
    assert PromisePeriod.objects.get(pk=period.pk).end_date == D(2026, 10, 31)
    # Up to the day before the next one starts is fine.
    perform(period, coordinator, Action.EXTEND, **extension(D(2026, 12, 31), D(2026, 10, 1)))
    assert PromisePeriod.objects.get(pk=period.pk).end_date == D(2026, 12, 31)


def test_extending_the_period_itself_is_no_overlap(coordinator):
    period = factories.period("tranas", start=D(2026, 1, 1), end=D(2026, 12, 31))
    perform(period, coordinator, Action.EXTEND, **extension(D(2027, 6, 30), D(2026, 12, 1)))
    period.refresh_from_db()
    assert (period.state, period.end_date) == (S.EXTENDED, D(2027, 6, 30))


# -- Open-ended periods ---------------------------------------------------------------------------


def test_an_open_ended_period_is_signed_and_not_offered_an_extension(coordinator):
    period = decided(end=None)
    sign(period, coordinator, validity_start=ValidityStart.STATED)
    period.refresh_from_db()
    assert (period.state, period.end_date) == (S.SIGNED, None)
    assert Action.EXTEND not in available_actions(period, coordinator)
    assert Action.CLOSE in available_actions(period, coordinator)
    with pytest.raises(TransitionNotAllowed) as refused:
        perform(period, coordinator, Action.EXTEND, **extension(D(2028, 6, 30)))
    assert refused.value.reason


def extension_on(decided: datetime.date) -> dict:
    return {**extension(D(2027, 6, 30)), "decision_date": decided, "today": D(2026, 11, 30)}


def test_closing_an_open_ended_period_ends_it_on_the_closing_day(coordinator):
    period = factories.period("tranas", start=D(2024, 3, 1), end=None)
    perform(period, coordinator, Action.CLOSE, today=D(2026, 11, 30))
    period.refresh_from_db()
    assert (period.state, period.end_date) == (S.CLOSED, D(2026, 11, 30))


def test_closing_a_dated_period_keeps_its_end_and_the_closing_day(coordinator, client):
    period = factories.period("tranas", start=D(2026, 1, 1), end=D(2027, 12, 31))
    perform(period, coordinator, Action.CLOSE, today=D(2026, 11, 30))
    period.refresh_from_db()
    assert (period.end_date, period.closed_date) == (D(2027, 12, 31), D(2026, 11, 30))
    assert period.closed_early
    # Its pages say it was closed before the end its document states.
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert "Avslutad den 30 november 2026, före slutdatumet" in page
    listed = " ".join(client.get("/kommuner/tranas/").content.decode().split())
    assert "Avslutad den 30 november 2026, före slutdatumet" in listed
    # The open data say when, beside the end the document states.
    download = client.get("/oppna-data/perioder.json")
    (row,) = json.loads(b"".join(download.streaming_content))
    assert (row["end_date"], row["closed_date"]) == ("2027-12-31", "2026-11-30")


def test_a_period_closed_after_its_end_says_only_that_it_is_closed(coordinator, client):
    period = factories.period("tranas", start=D(2024, 1, 1), end=D(2025, 12, 31))
    perform(period, coordinator, Action.CLOSE, today=D(2026, 1, 15))
    period.refresh_from_db()
    assert period.closed_date == D(2026, 1, 15) and not period.closed_early
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert "Avslutad" in page and "före slutdatumet" not in page


def test_an_extension_is_not_decided_before_the_signing(coordinator):
    period = factories.period("tranas", start=D(2026, 1, 1), end=D(2026, 12, 31))
    period.signed_date = D(2025, 12, 10)
    period.save()
    with pytest.raises(TransitionInvalid) as refused:
        perform(period, coordinator, Action.EXTEND, **extension_on(D(2001, 1, 1)))
    with translation.override("sv"):
        errors = {
            name: [str(m) for m in messages] for name, messages in refused.value.errors.items()
        }
    assert errors == {
        "decision_date": [
            "Förlängningen kan inte ha beslutats innan medborgarlöftet undertecknades, "
            "10 december 2025."
        ]
    }
    perform(period, coordinator, Action.EXTEND, **extension_on(D(2025, 12, 10)))
    period.refresh_from_db()
    assert period.end_date == D(2027, 6, 30)


def test_the_extend_page_of_an_open_ended_period_says_why_not(coordinator, client):
    period = factories.period("tranas", start=D(2024, 3, 1), end=None)
    sign_in(client, coordinator)
    url = reverse("promises:period_transition", args=[period.pk, Action.EXTEND])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "gäller tills vidare" in response.content.decode()


def test_the_signing_document_states_the_stated_validity(coordinator, client):
    period = decided(slug="2026-2028")
    sign(period, coordinator, validity_start=ValidityStart.STATED)
    url = reverse("promises:document", args=["tranas", "2026-2028", "medborgarloftet"])
    page = client.get(url).content.decode()
    assert "De gäller 1 juli 2026\u00a0– 30 juni 2028." in page
    assert "från undertecknandet" not in page


def test_the_signing_document_of_an_open_ended_period_says_until_further_notice(
    coordinator, client
):
    period = decided(end=None, slug="2026-tills-vidare")
    sign(period, coordinator, validity_start=ValidityStart.STATED)
    url = reverse("promises:document", args=["tranas", "2026-tills-vidare", "medborgarloftet"])
    page = client.get(url).content.decode()
    assert "De gäller från 1 juli 2026, tills vidare." in page


def test_an_extended_period_is_extended_again_within_five_years(coordinator, client):
    period = factories.period("tranas", start=D(2025, 1, 1), end=D(2026, 12, 31))
    perform(period, coordinator, Action.EXTEND, **extension_on(D(2026, 11, 30)))
    period.refresh_from_db()
    assert Action.EXTEND in available_actions(period, coordinator)
    again = {**extension_on(D(2026, 11, 30)), "new_end_date": D(2027, 12, 31)}
    perform(period, coordinator, Action.EXTEND, **again)
    period.refresh_from_db()
    assert (period.state, period.end_date) == (S.EXTENDED, D(2027, 12, 31))
    assert period.extensions.count() == 2
    last = period.transitions.last()
    assert (last.from_state, last.to_state) == (S.EXTENDED, S.EXTENDED)
    page = " ".join(client.get(period.get_absolute_url()).content.decode().split())
    assert "31 december 2027" in page and "30 juni 2027" in page
    # Never past five years from the start, extensions included.
    too_far = {**extension_on(D(2026, 11, 30)), "new_end_date": D(2030, 6, 30)}
    with pytest.raises(TransitionInvalid):
        perform(period, coordinator, Action.EXTEND, **too_far)


def test_an_extended_period_is_found_by_the_years_it_now_runs(coordinator, client):
    """'Tranås 2025–2027' after an extension keeps its address /2025-2026/; its new years
    lead there too."""
    period = factories.period("tranas", start=D(2025, 1, 1), end=D(2026, 12, 31))
    perform(period, coordinator, Action.EXTEND, **extension_on(D(2026, 11, 30)))
    period.refresh_from_db()
    assert period.slug != "2025-2027"
    response = client.get("/kommuner/tranas/2025-2027/")
    assert response.status_code == 301 and response["Location"] == period.get_absolute_url()
    assert client.get("/kommuner/tranas/2031-2032/").status_code == 404
    assert client.get("/kommuner/finns-inte/2025-2027/").status_code == 404
