"""Starting a new draft from an earlier period: what is copied, what stays behind, who may."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from municipalities.models import Role
from promises import copy_review, lifecycle
from promises.forms import following_dates
from promises.lifecycle import SignatoryData, ValidityStart, perform
from promises.models import (
    DecisionProposal,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Review,
    Revision,
    Theme,
)
from promises.services import copy_period
from tests import factories
from tests.staff import sign_in, staff_user

START = datetime.date(2025, 1, 1)
END = datetime.date(2026, 12, 31)


@pytest.fixture
def source(db) -> PromisePeriod:
    """A signed, logged, revised Vetlanda period 2025–2026 with a decision proposal."""
    vetlanda = factories.municipality("vetlanda")
    area = factories.local_police_area("Lokalpolisområde Höglandet", [vetlanda])
    period = factories.period(
        start=START,
        end=END,
        slug="2025-2026",
        local_police_area=area,
        area_name="Centrum",
        situation="Otryggt kring resecentrum.",
        background="Medborgardialoger hösten 2024.",
        follow_up_text="Följs upp varje tertial.",
        contact_name="Karin Berg",
        contact_title="Säkerhetssamordnare",
        contact_phone="0383-970 00",
        contact_email="karin.berg@example.org",
        contact_is_public=True,
        decision_body="Kommunstyrelsen",
        decision_reference="KS 2024/112",
    )
    safety = factories.promise(period, "Öka tryggheten i centrum", description="Fler vuxna ute.")
    safety.themes.set(Theme.objects.filter(slug__in=["trygghet-i-offentlig-miljo", "unga"]))
    traffic = factories.promise(period, "Färre olyckor i trafiken")
    traffic.themes.set(Theme.objects.filter(slug="trafik"))
    checks = factories.activity(period, "Trafikkontroller")
    checks.promises.set([traffic])
    walks = factories.activity(
        period,
        "Trygghetsvandringar",
        responsible=Responsible.OTHER,
        responsible_other="Fastighetsägarna",
        target=None,
        status=ActivityStatus.CANCELLED,
        status_reason="Inga deltagare.",
    )
    walks.promises.set([safety, traffic])
    factories.log(checks, datetime.date(2025, 3, 1), 4)
    period.signatories.create(name="Anna Ek", title="Ordförande", organisation="Vetlanda")
    PeriodTransition.objects.create(period=period, from_state="decided", to_state="signed")
    Revision.objects.create(period=period, number=1, kind="other", reason="Rättelse.")
    factories.meeting(period, datetime.date(2025, 5, 1))
    DecisionProposal.objects.create(
        period=period,
        summary="Förslag till medborgarlöfte.",
        description="Ärendet i korthet.",
        consulted="KLG",
        consulted_on=datetime.date(2024, 11, 5),
        economy="Inom befintlig budget.",
        basis="Lägesbild\nMedborgardialog",
        recipients="Polisen",
        officials="Karin Berg, säkerhetssamordnare",
    )
    return period


@pytest.fixture
def coordinator(source):
    return staff_user("samordnare", role=Role.COORDINATOR, municipality=source.municipality)


def copy(source, user, **fields) -> PromisePeriod:
    fields.setdefault("slug", "2027-2028")
    fields.setdefault("start_date", datetime.date(2027, 1, 1))
    fields.setdefault("end_date", datetime.date(2028, 12, 31))
    return copy_period(source, user=user, **fields)


def test_copy_takes_texts_contact_place_and_the_new_dates(source, coordinator):
    period = copy(source, coordinator)
    assert period.pk != source.pk
    assert period.state == PeriodState.DRAFT
    assert (period.slug, period.start_date, period.end_date) == (
        "2027-2028",
        datetime.date(2027, 1, 1),
        datetime.date(2028, 12, 31),
    )
    for name in (
        "municipality",
        "local_police_area",
        "area_name",
        "situation",
        "background",
        "follow_up_text",
        "contact_name",
        "contact_title",
        "contact_phone",
        "contact_email",
        "contact_is_public",
    ):
        assert getattr(period, name) == getattr(source, name), name
    assert period.history.get().history_user == coordinator


def test_copy_takes_the_promises_with_positions_descriptions_and_themes(source, coordinator):
    period = copy(source, coordinator)
    old = list(source.promises.order_by("position"))
    new = list(period.promises.order_by("position"))
    assert [(p.position, p.title, p.description) for p in new] == [
        (p.position, p.title, p.description) for p in old
    ]
    for before, after in zip(old, new, strict=True):
        assert after.pk != before.pk
        assert set(after.themes.all()) == set(before.themes.all())
        assert after.history.first().history_user == coordinator


def test_copied_activities_serve_the_copied_promises_and_start_again(source, coordinator):
    period = copy(source, coordinator)
    new_promises = {p.title: p for p in period.promises.all()}
    checks, walks = period.activities.order_by("position")
    assert (checks.title, checks.position, checks.responsible) == (
        "Trafikkontroller",
        1,
        Responsible.POLICE,
    )
    assert (checks.target_comparator, checks.target_value, checks.target_unit) == (
        "at_least",
        15,
        "trafikkontroller",
    )
    assert checks.target_scope == "period"
    assert checks.description == "Polisen ska genomföra trafikkontroller."
    assert list(checks.promises.all()) == [new_promises["Färre olyckor i trafiken"]]
    assert (walks.responsible, walks.responsible_other) == (Responsible.OTHER, "Fastighetsägarna")
    assert walks.target is None
    assert (walks.status, walks.status_reason) == (ActivityStatus.PLANNED, "")
    assert set(walks.promises.all()) == set(new_promises.values())
    assert all(p.period_id == period.pk for p in walks.promises.all())
    assert (checks.edit_version, walks.edit_version) == (1, 1)
    assert checks.history.first().history_user == coordinator


def test_copy_leaves_logs_decision_signing_and_records_behind(source, coordinator):
    period = copy(source, coordinator)
    assert ActivityLog.objects.filter(activity__period=period).count() == 0
    assert (period.decision_body, period.decision_date, period.decision_reference) == ("", None, "")
    assert period.signed_date is None
    assert period.consultation_round == 0
    assert period.signatories.count() == 0
    assert period.transitions.count() == 0
    assert period.reviews.count() == 0
    assert period.revisions.count() == 0
    assert period.meetings.count() == 0
    assert period.reports.count() == 0


def test_copy_takes_the_decision_proposal_texts_but_not_its_date(source, coordinator):
    proposal = copy(source, coordinator).proposal
    assert proposal.summary == "Förslag till medborgarlöfte."
    assert proposal.description == "Ärendet i korthet."
    assert proposal.consulted == "KLG"
    assert proposal.consulted_on is None
    assert proposal.economy == "Inom befintlig budget."
    assert proposal.basis_lines == ["Lägesbild", "Medborgardialog"]
    assert proposal.recipients == "Polisen"
    assert proposal.official_lines == ["Karin Berg, säkerhetssamordnare"]


def test_copy_without_a_proposal_makes_none(source, coordinator):
    source.proposal.delete()
    period = copy(source, coordinator)
    assert not DecisionProposal.objects.filter(period=period).exists()


def test_the_source_is_left_untouched(source, coordinator):
    def snapshot():
        return (
            PromisePeriod.objects.filter(pk=source.pk).values().get(),
            list(source.promises.values()),
            list(Activity.objects.filter(period=source).values()),
            sorted(Activity.promises.through.objects.filter(activity__period=source).values_list()),
            ActivityLog.objects.filter(activity__period=source).count(),
            source.signatories.count(),
        )

    before = snapshot()
    copy(source, coordinator)
    assert snapshot() == before


def test_copy_to_another_municipality_drops_area_name_and_a_police_area_not_covering_it(
    source, coordinator
):
    tranas = factories.municipality("tranas")
    period = copy(source, coordinator, municipality=tranas)
    assert period.municipality == tranas
    assert (period.area_name, period.local_police_area) == ("", None)
    assert period.promises.count() == 2


def test_a_copy_of_a_draft_in_any_state_works_too(db):
    draft = factories.period(state=PeriodState.DRAFT, slug="utkast")
    factories.promise(draft)
    user = staff_user("samordnare", role=Role.COORDINATOR, municipality=draft.municipality)
    period = copy(draft, user, slug="utkast-2")
    assert period.promises.count() == 1


def test_a_copied_draft_can_go_through_the_lifecycle(source, coordinator):
    period = copy(source, coordinator)
    approver = staff_user("granskare", role=Role.APPROVER, municipality=source.municipality)
    # The background names a year ("hösten 2024"): confirmed as right as it stands.
    [mark] = copy_review.outstanding(period)
    assert copy_review.confirm(period, mark.key, user=coordinator)
    perform(period, coordinator, "skicka-pa-samrad")
    perform(period, approver, "godkann")
    perform(
        period,
        coordinator,
        "beslut",
        decision_body="KS",
        decision_date=datetime.date(2026, 11, 1),
        today=datetime.date(2026, 11, 2),
    )
    perform(
        period,
        coordinator,
        "undertecknande",
        signed_date=datetime.date(2026, 11, 2),
        signatories=[SignatoryData("A", "B", "C"), SignatoryData("D", "E", "Polisen")],
        # Signed before the source ends: in force from 1 January 2027, as the copy states.
        validity_start=ValidityStart.STATED,
        today=datetime.date(2026, 11, 2),
    )
    period.refresh_from_db()
    assert period.state == PeriodState.SIGNED
    assert Review.objects.filter(period=period).count() == 1


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((2025, 1, 1), (2026, 12, 31), ((2027, 1, 1), (2028, 12, 31))),
        ((2024, 1, 1), (2024, 12, 31), ((2025, 1, 1), (2025, 12, 31))),
        # Whole calendar years, as many as the source ran (rounded, at least one).
        ((2025, 7, 1), (2025, 12, 31), ((2026, 1, 1), (2026, 12, 31))),
        ((2025, 3, 15), (2025, 9, 14), ((2026, 1, 1), (2026, 12, 31))),
        ((2025, 10, 14), (2027, 10, 13), ((2028, 1, 1), (2029, 12, 31))),
        ((2024, 7, 1), (2027, 6, 30), ((2028, 1, 1), (2030, 12, 31))),
    ],
)
def test_following_dates_propose_the_next_whole_calendar_years(start, end, expected):
    source = PromisePeriod(start_date=datetime.date(*start), end_date=datetime.date(*end))
    assert following_dates(source) == (datetime.date(*expected[0]), datetime.date(*expected[1]))


# The copy page.


def url(period: PromisePeriod) -> str:
    return reverse("promises:period_copy", args=[period.pk])


def test_copy_page_suggests_the_next_period(source, coordinator, client):
    factories.period(slug="2027-2028", state=PeriodState.DRAFT)
    sign_in(client, coordinator)
    response = client.get(url(source))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["start_date"].value() == datetime.date(2027, 1, 1)
    assert form["end_date"].value() == datetime.date(2028, 12, 31)
    assert form["slug"].value() == "2027-2028-2"
    assert "Öka tryggheten i centrum" in response.content.decode()


def test_copy_page_creates_the_draft(source, coordinator, client):
    sign_in(client, coordinator)
    data = {"slug": "2027-2028", "start_date": "2027-01-01", "end_date": "2028-12-31"}
    response = client.post(url(source), data)
    period = PromisePeriod.objects.get(slug="2027-2028")
    assert response.status_code == 302
    assert response["Location"] == reverse("promises:staff_period", args=[period.pk])
    assert period.promises.count() == 2
    assert period.activities.count() == 2
    assert period.history.get().history_user == coordinator


def test_the_proposed_address_follows_other_dates(source, coordinator, client):
    """The address proposed with the proposed years, sent unchanged with one year: that
    year's address; an address the coordinator typed stays."""
    sign_in(client, coordinator)
    one_year = {"slug": "2027-2028", "start_date": "2027-01-01", "end_date": "2027-12-31"}
    assert client.post(url(source), one_year).status_code == 302
    assert PromisePeriod.objects.filter(slug="2027").exists()
    assert not PromisePeriod.objects.filter(slug="2027-2028").exists()
    typed = {"slug": "centrum-2028", "start_date": "2028-01-01", "end_date": "2028-12-31"}
    assert client.post(url(source), typed).status_code == 302
    assert PromisePeriod.objects.filter(slug="centrum-2028").exists()


@pytest.mark.parametrize(
    "data",
    [
        {"slug": "2025-2026", "start_date": "2027-01-01", "end_date": "2028-12-31"},
        {"slug": "flode", "start_date": "2027-01-01", "end_date": "2028-12-31"},
        {"slug": "", "start_date": "2027-01-01", "end_date": "2026-12-31"},
        {"slug": "2027-2033", "start_date": "2027-01-01", "end_date": "2033-12-31"},
        {"slug": "2027", "start_date": "", "end_date": "2027-12-31"},
    ],
)
def test_copy_page_refuses_bad_input_and_writes_nothing(source, coordinator, client, data):
    sign_in(client, coordinator)
    before = (PromisePeriod.objects.count(), Promise.objects.count(), Activity.objects.count())
    response = client.post(url(source), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert (
        PromisePeriod.objects.count(),
        Promise.objects.count(),
        Activity.objects.count(),
    ) == before


def test_another_municipalitys_period_cannot_be_copied(source, client):
    stranger = staff_user(
        "tranas", role=Role.COORDINATOR, municipality=factories.municipality("tranas")
    )
    sign_in(client, stranger)
    assert client.get(url(source)).status_code == 404
    data = {"slug": "2027-2028", "start_date": "2027-01-01", "end_date": "2028-12-31"}
    assert client.post(url(source), data).status_code == 404
    assert PromisePeriod.objects.count() == 1


@pytest.mark.parametrize("role", [Role.POLICE_OFFICER, Role.APPROVER])
def test_police_and_approvers_may_not_copy(source, client, role):
    user = staff_user("someone", role=role, municipality=source.municipality)
    sign_in(client, user)
    assert client.get(url(source)).status_code == 403
    assert PromisePeriod.objects.count() == 1


def test_a_promise_being_registered_is_not_offered_for_copying(coordinator, client):
    """A coordinator registering a past promise was offered "Starta en ny period utifrån den
    här" beside a draft whose texts were not yet its document's: not offered, and its address
    says to finish first; once registered it may be copied."""
    registering = factories.period(
        slug="2019-2020",
        state=PeriodState.DRAFT,
        source_url="https://polisen.se/medborgarloften/vetlanda-2019/",
    )
    sign_in(client, coordinator)

    hub = client.get(reverse("promises:staff_period", args=[registering.pk])).content.decode()
    response = client.get(url(registering))

    assert url(registering) not in hub
    assert response.status_code == 302
    assert response.url == reverse("promises:staff_period", args=[registering.pk])
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("Ett medborgarlöfte som registreras kan kopieras när det är")
    assert not lifecycle.copyable(registering)
    registering.source_url = ""
    assert lifecycle.copyable(registering)
