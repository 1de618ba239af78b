"""The coordinator's editor: creating, editing and revising periods; adding, editing, moving and
deleting promises. Who may (403/404), what bad input says, and that refusals write nothing."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.urls import get_resolver, reverse
from django.utils.translation import gettext

from activities.models import Activity
from municipalities.models import LocalPoliceArea, Municipality, Role
from promises.forms import RESERVED_PERIOD_SLUGS, PeriodCreateForm
from promises.models import (
    ChangeKind,
    PeriodState,
    Promise,
    PromisePeriod,
    Revision,
    RevisionChange,
    RevisionKind,
    Theme,
)
from tests import factories
from tests.staff import sign_in, staff_user


@dataclass
class World:
    """Vetlanda with a draft and a signed period, its staff, and Tranås's coordinator."""

    vetlanda: Municipality
    tranas: Municipality
    area: LocalPoliceArea
    tranas_area: LocalPoliceArea
    draft: PromisePeriod
    signed: PromisePeriod
    coordinator: object
    colleague: object
    officer: object
    approver: object
    stranger: object
    admin: object


def make_world() -> World:
    vetlanda = factories.municipality("vetlanda")
    tranas = factories.municipality("tranas")
    area = factories.local_police_area("Lokalpolisområde Höglandet", [vetlanda])
    tranas_area = factories.local_police_area("Lokalpolisområde Tranås", [tranas])
    draft = factories.period(
        state=PeriodState.DRAFT,
        start=datetime.date(2027, 1, 1),
        end=datetime.date(2027, 12, 31),
        slug="2027",
        local_police_area=area,
        situation="Otryggt kring resecentrum.",
    )
    factories.promise(draft, "Öka tryggheten i centrum")
    factories.promise(draft, "Minska narkotikabrotten bland unga")
    factories.promise(draft, "Färre olyckor i trafiken")
    signed = factories.period(
        slug="2026",
        local_police_area=area,
        situation="Lägesbild 2026.",
        background="Bakgrund 2026.",
        contact_name="Karin Berg",
        contact_is_public=True,
    )
    factories.promise(signed, "Öka tryggheten i centrum")
    return World(
        vetlanda=vetlanda,
        tranas=tranas,
        area=area,
        tranas_area=tranas_area,
        draft=draft,
        signed=signed,
        coordinator=staff_user("samordnare", role=Role.COORDINATOR, municipality=vetlanda),
        colleague=staff_user("kollega", role=Role.COORDINATOR, municipality=vetlanda),
        officer=staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area),
        approver=staff_user("granskare", role=Role.APPROVER, municipality=vetlanda),
        stranger=staff_user("tranasamordnare", role=Role.COORDINATOR, municipality=tranas),
        admin=staff_user("admin", superuser=True),
    )


@pytest.fixture
def world(db) -> World:
    return make_world()


def url(name: str, *args) -> str:
    return reverse(f"promises:{name}", args=args)


def hub(period: PromisePeriod) -> str:
    return reverse("promises:staff_period", args=[period.pk])


def form_data(form) -> dict:
    """What a browser would post for `form` as shown: its current values."""
    data = {}
    for bound in form:
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(v) for v in value]
        elif isinstance(value, datetime.date):
            data[bound.html_name] = value.isoformat()
        else:
            data[bound.html_name] = "" if value is None else str(value)
    return data


def shown_form(client, path: str, name: str = "form") -> dict:
    response = client.get(path)
    assert response.status_code == 200
    return form_data(response.context[name])


def counts() -> tuple[int, ...]:
    """Rows the editor writes: periods, promises, revisions, and their history."""
    return (
        PromisePeriod.objects.count(),
        PromisePeriod.history.count(),
        Promise.objects.count(),
        Promise.history.count(),
        Revision.objects.count(),
        RevisionChange.objects.count(),
    )


# Creating a period.


def create_data(world: World, **changes) -> dict:
    data = {
        "municipality": str(world.vetlanda.pk),
        "start_from": "",
        "area_name": "",
        "local_police_area": str(world.area.pk),
        "slug": "",
        "start_date": "2028-01-01",
        "end_date": "2029-12-31",
        "situation": "Otryggt kring resecentrum på kvällarna.",
        "background": "Medborgarlöftet bygger på medborgardialoger.",
        "follow_up_text": "Följs upp varje tertial.",
        "contact_name": "Karin Berg",
        "contact_title": "Säkerhetssamordnare",
        "contact_phone": "0383-970 00",
        "contact_email": "karin.berg@example.org",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_coordinator_creates_a_draft_with_the_address_from_its_years(world, client):
    sign_in(client, world.coordinator)
    response = client.post(url("period_create"), create_data(world, contact_is_public="on"))
    period = PromisePeriod.objects.get(slug="2028-2029")
    assert response.status_code == 302
    assert response["Location"] == hub(period)
    assert period.state == PeriodState.DRAFT
    assert period.municipality == world.vetlanda
    assert period.local_police_area == world.area
    assert (period.start_date, period.end_date) == (
        datetime.date(2028, 1, 1),
        datetime.date(2029, 12, 31),
    )
    assert period.situation == "Otryggt kring resecentrum på kvällarna."
    assert period.contact_is_public is True
    assert period.transitions.count() == 0
    record = period.history.get()
    assert record.history_type == "+"
    assert record.history_user == world.coordinator


def test_a_districts_address_from_its_years_names_the_district(world, client):
    """A big city's second period of the same years, for another district, had its address
    taken: the district names it."""
    sign_in(client, world.coordinator)
    client.post(url("period_create"), create_data(world, area_name="Rosengård"))
    response = client.post(url("period_create"), create_data(world, area_name="Limhamn-Bunkeflo"))
    assert response.status_code == 302
    assert set(PromisePeriod.objects.filter(area_name__gt="").values_list("slug", flat=True)) == {
        "rosengard-2028-2029",
        "limhamn-bunkeflo-2028-2029",
    }


def test_create_keeps_a_typed_address_and_line_breaks_as_typed(world, client):
    sign_in(client, world.coordinator)
    data = create_data(world, slug="Rosengard-2028", situation="Rad ett.\r\nRad två.")
    response = client.post(url("period_create"), data)
    assert response.status_code == 302
    period = PromisePeriod.objects.get(slug="rosengard-2028")
    assert period.situation == "Rad ett.\nRad två."


def test_create_form_preselects_the_only_municipality_and_lists_only_the_users(world, client):
    sign_in(client, world.coordinator)
    form = client.get(url("period_create")).context["form"]
    assert form["municipality"].value() == world.vetlanda.pk
    assert list(form.fields["municipality"].queryset) == [world.vetlanda]
    assert list(form.fields["local_police_area"].queryset) == [world.area]
    assert set(form.fields["start_from"].queryset) == {world.draft, world.signed}


def test_create_form_preselects_the_only_local_police_area_covering_the_municipality(world, client):
    """A coordinator's first promise was made without its local police area (the one choice
    offered, not chosen), so its signing had no organisation for the police's signatory."""
    sign_in(client, world.coordinator)
    form = client.get(url("period_create")).context["form"]
    assert form["local_police_area"].value() == world.area.pk
    # Where two areas cover it (a large city), the coordinator chooses.
    factories.local_police_area("Lokalpolisområde Nord", municipalities=[world.vetlanda])
    form = client.get(url("period_create")).context["form"]
    assert form["local_police_area"].value() is None


def test_admin_chooses_among_all_municipalities(world, client):
    sign_in(client, world.admin)
    form = client.get(url("period_create")).context["form"]
    assert form["municipality"].value() is None
    assert form.fields["municipality"].queryset.count() == Municipality.objects.count()
    response = client.post(
        url("period_create"),
        create_data(world, municipality=str(world.tranas.pk), local_police_area=""),
    )
    assert response.status_code == 302
    assert PromisePeriod.objects.get(slug="2028-2029").municipality == world.tranas


SLUG_FORMAT = "Use only the letters a–z, digits and hyphens, e.g. 2027-2028."


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"slug": "flode"}, "slug", None),
        ({"slug": "oppna-data"}, "slug", None),
        ({"slug": "inbaddning"}, "slug", None),
        ({"slug": "tjansteutlatande"}, "slug", None),
        ({"slug": "medborgarloftet"}, "slug", None),
        ({"slug": "2027"}, "slug", None),
        (
            {"slug": "växjö-2028"},
            "slug",
            "Use only the letters a–z, digits and hyphens, e.g. 2027-2028.",
        ),
        (
            {"slug": "2028 2029"},
            "slug",
            "Use only the letters a–z, digits and hyphens, e.g. 2027-2028.",
        ),
        (
            {"start_date": "2028-06-01", "end_date": "2028-01-01"},
            "end_date",
            "The end date must be after the start date.",
        ),
        (
            {"start_date": "2028-01-01", "end_date": "2028-01-01"},
            "end_date",
            "The end date must be after the start date.",
        ),
        (
            {"end_date": "2033-01-01"},
            "end_date",
            "A citizen promise can run for at most five years.",
        ),
        (
            {"end_date": "2028-03-30"},
            "end_date",
            "A citizen promise must run for at least three months.",
        ),
        # Month first (as in the US) is never read: there is no 31st month.
        ({"start_date": "12/31/2028"}, "start_date", None),
        ({"municipality": "tranas"}, "municipality", None),
        ({"local_police_area": "tranas_area"}, "local_police_area", None),
        (
            {"situation": "<script>alert(1)</script>"},
            "situation",
            "Write plain text: HTML tags such as <b> or <script> are not allowed.",
        ),
        ({"background": "<b>Viktigt</b>"}, "background", None),
        ({"area_name": "Centrum\u202e"}, "area_name", None),
        # A right-to-left mark, invisible, turns the order of what follows it on the page.
        ({"situation": "Centrum\u200f 12–14"}, "situation", None),
        ({"contact_email": "inte-en-adress"}, "contact_email", None),
        ({"situation": "x" * 10_001}, "situation", None),
    ],
)
def test_create_refuses_bad_input_with_a_field_error_and_writes_nothing(
    world, client, changes, field, message
):
    if changes.get("municipality") == "tranas":
        changes["municipality"] = str(world.tranas.pk)
    if changes.get("local_police_area") == "tranas_area":
        changes["local_police_area"] = str(world.tranas_area.pk)
    sign_in(client, world.coordinator)
    before = counts()
    response = client.post(url("period_create"), create_data(world, **changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    if message is not None:
        assert gettext(message) in errors[field]
    assert counts() == before


def test_reserved_and_taken_addresses_are_explained(world, client):
    sign_in(client, world.coordinator)
    response = client.post(url("period_create"), create_data(world, slug="flode"))
    assert (
        gettext("The address %(slug)s is used by other pages. Choose another, e.g. 2027-2028.")
        % {"slug": "flode"}
        in response.context["form"].errors["slug"]
    )
    response = client.post(url("period_create"), create_data(world, slug="2027"))
    assert (
        gettext(
            "%(municipality)s already has a citizen promise at the address %(slug)s. "
            "Choose another address."
        )
        % {"municipality": "Vetlanda", "slug": "2027"}
        in response.context["form"].errors["slug"]
    )


def _routes(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if hasattr(pattern, "url_patterns"):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route


def test_no_period_can_take_the_address_of_a_page_of_its_municipality():
    """A period at /kommuner/<slug>/uppfoljningsflode/ would never be reached: the feed there
    comes first. Every fixed part of a municipality's addresses is refused as a period's."""
    words = {
        found.group(1)
        for route in _routes(get_resolver().url_patterns)
        if (found := re.search(r"kommuner/<slug:slug>/([\w-]+)/", route))
    }
    assert {"flode", "uppfoljningsflode", "oppna-data", "inbaddning"} <= words
    assert words <= RESERVED_PERIOD_SLUGS


def test_an_address_taken_in_another_municipality_is_free(world, client):
    factories.period("tranas", slug="2028-2029", state=PeriodState.DRAFT)
    sign_in(client, world.coordinator)
    response = client.post(url("period_create"), create_data(world))
    assert response.status_code == 302
    assert PromisePeriod.objects.filter(slug="2028-2029").count() == 2


def test_the_address_from_the_years_is_checked_too(world, client):
    sign_in(client, world.coordinator)
    data = create_data(world, start_date="2027-03-01", end_date="2027-10-31")
    response = client.post(url("period_create"), data)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_create_starting_from_an_earlier_period_copies_it_and_keeps_typed_text(world, client):
    sign_in(client, world.coordinator)
    data = create_data(
        world,
        start_from=str(world.draft.pk),
        situation="Ny lägesbild.",
        background="",
        contact_name="",
        contact_title="",
        contact_phone="",
        contact_email="",
        local_police_area="",
    )
    response = client.post(url("period_create"), data)
    assert response.status_code == 302
    period = PromisePeriod.objects.get(slug="2028-2029")
    assert period.situation == "Ny lägesbild."
    assert period.local_police_area == world.area
    assert [p.title for p in period.promises.all()] == [
        "Öka tryggheten i centrum",
        "Minska narkotikabrotten bland unga",
        "Färre olyckor i trafiken",
    ]
    assert world.draft.promises.count() == 3


def test_start_from_is_limited_to_the_users_municipalities(world, client):
    other = factories.period("tranas", slug="2025", state=PeriodState.SIGNED)
    sign_in(client, world.coordinator)
    before = counts()
    response = client.post(url("period_create"), create_data(world, start_from=str(other.pk)))
    assert response.status_code == 200
    assert "start_from" in response.context["form"].errors
    assert counts() == before


@pytest.mark.parametrize("who", ["officer", "approver"])
def test_police_and_approvers_may_not_create(world, client, who):
    sign_in(client, getattr(world, who))
    assert client.get(url("period_create")).status_code == 403
    before = counts()
    assert client.post(url("period_create"), create_data(world)).status_code == 403
    assert counts() == before


def test_create_form_unit_reads_the_municipality_from_its_choice(world):
    form = PeriodCreateForm(
        create_data(world, slug="2027"),
        municipalities=Municipality.objects.filter(pk=world.vetlanda.pk),
        local_police_areas=LocalPoliceArea.objects.all(),
        earlier_periods=PromisePeriod.objects.none(),
    )
    assert not form.is_valid()
    assert list(form.errors) == ["slug"]


# Editing a period.


def test_edit_in_draft_changes_facts_and_texts(world, client):
    sign_in(client, world.coordinator)
    data = shown_form(client, url("period_edit", world.draft.pk))
    assert "slug" in data and "municipality" not in data
    data.update(
        slug="2027-centrum",
        area_name="Centrum",
        end_date="2027-06-30",
        situation="Uppdaterad lägesbild.",
    )
    response = client.post(url("period_edit", world.draft.pk), data)
    assert response.status_code == 302
    assert response["Location"] == hub(world.draft)
    world.draft.refresh_from_db()
    assert world.draft.slug == "2027-centrum"
    assert world.draft.area_name == "Centrum"
    assert world.draft.end_date == datetime.date(2027, 6, 30)
    assert world.draft.situation == "Uppdaterad lägesbild."
    assert world.draft.edit_version == 2
    assert world.draft.history.first().history_user == world.coordinator
    assert Revision.objects.count() == 0


def test_edit_in_draft_refuses_bad_input_and_writes_nothing(world, client):
    sign_in(client, world.coordinator)
    data = shown_form(client, url("period_edit", world.draft.pk))
    data.update(slug="2026", situation="<i>kursiv</i>", local_police_area=str(world.tranas_area.pk))
    before = counts()
    response = client.post(url("period_edit", world.draft.pk), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"slug", "situation", "local_police_area"}
    assert counts() == before
    world.draft.refresh_from_db()
    assert (world.draft.slug, world.draft.edit_version) == ("2027", 1)


def test_its_own_address_is_not_taken(world, client):
    sign_in(client, world.coordinator)
    data = shown_form(client, url("period_edit", world.draft.pk))
    assert client.post(url("period_edit", world.draft.pk), data).status_code == 302


def test_edit_after_signing_shows_only_texts_and_needs_a_reason(world, client):
    sign_in(client, world.coordinator)
    response = client.get(url("period_edit", world.signed.pk))
    form = response.context["form"]
    assert "slug" not in form.fields and "start_date" not in form.fields
    assert response.context["revision_form"] is not None
    data = form_data(form)
    data.update(situation="Ny lägesbild efter översynen.", slug="hacked")
    before = counts()
    response = client.post(url("period_edit", world.signed.pk), data)
    assert response.status_code == 200
    assert "revision_reason" in response.context["revision_form"].errors
    assert counts() == before
    world.signed.refresh_from_db()
    assert world.signed.situation == "Lägesbild 2026."


def test_edit_after_signing_records_one_change_per_changed_public_field(world, client):
    sign_in(client, world.coordinator)
    data = shown_form(client, url("period_edit", world.signed.pk))
    data.update(
        situation="Ny lägesbild efter översynen.",
        background="Bakgrund 2026.\r\n",  # the same text as saved, as a browser sends it
        follow_up_text="Följs upp varje månad.",
        contact_name="Per Ek",
        revision_kind=RevisionKind.ANNUAL_REVIEW,
        revision_reason="Årlig översyn i kommunledningsgruppen.",
    )
    response = client.post(url("period_edit", world.signed.pk), data)
    assert response.status_code == 302
    world.signed.refresh_from_db()
    assert world.signed.situation == "Ny lägesbild efter översynen."
    assert world.signed.slug == "2026"
    revision = Revision.objects.get(period=world.signed)
    assert revision.kind == RevisionKind.ANNUAL_REVIEW
    assert revision.reason == "Årlig översyn i kommunledningsgruppen."
    assert revision.created_by == world.coordinator
    changes = list(revision.changes.values_list("kind", "subject", "old_value", "new_value"))
    assert changes == [
        (
            ChangeKind.TEXT_CHANGED,
            gettext("Situation picture (lägesbild)"),
            "Lägesbild 2026.",
            "Ny lägesbild efter översynen.",
        ),
        (ChangeKind.TEXT_CHANGED, gettext("How it is followed up"), "", "Följs upp varje månad."),
    ]
    # The contact person is saved, but is no change of the promise.
    assert world.signed.contact_name == "Per Ek"


def test_edit_after_signing_without_a_change_records_no_revision(world, client):
    sign_in(client, world.coordinator)
    data = shown_form(client, url("period_edit", world.signed.pk))
    data.update(revision_kind=RevisionKind.CORRECTION, revision_reason="Kontroll.")
    response = client.post(url("period_edit", world.signed.pk), data)
    assert response.status_code == 302
    assert Revision.objects.count() == 0


def test_a_new_contact_person_is_saved_without_a_reason_or_a_revision(world, client):
    # A routine change of staff was published as a revision of the signed promise ("Visa
    # kontaktpersonen på de offentliga sidorna – Text ändrad: nej → ja").
    world.signed.contact_is_public = False
    world.signed.save()
    sign_in(client, world.coordinator)
    data = shown_form(client, url("period_edit", world.signed.pk))
    data.update(contact_name="Per Ek", contact_is_public="on", revision_reason="")
    assert client.post(url("period_edit", world.signed.pk), data).status_code == 302
    world.signed.refresh_from_db()
    assert (world.signed.contact_name, world.signed.contact_is_public) == ("Per Ek", True)
    assert Revision.objects.count() == 0 and RevisionChange.objects.count() == 0
    # Kept in the period's history, with who changed it.
    latest = world.signed.history.latest()
    assert latest.contact_name == "Per Ek" and latest.history_user == world.coordinator
    # A text changed beside it still asks for the reason.
    data = shown_form(client, url("period_edit", world.signed.pk))
    data.update(contact_name="Eva Lund", situation="Ny lägesbild.", revision_reason="")
    response = client.post(url("period_edit", world.signed.pk), data)
    assert response.status_code == 200
    assert "revision_reason" in response.context["revision_form"].errors


@pytest.mark.parametrize(
    "state", [PeriodState.CONSULTATION, PeriodState.DECIDED, PeriodState.CLOSED]
)
def test_edit_is_refused_in_consultation_decided_and_closed(world, client, state):
    period = factories.period(state=state, slug=f"x-{state}", situation="Låst text.")
    promise = factories.promise(period)
    sign_in(client, world.coordinator)
    before = counts()
    assert client.get(url("period_edit", period.pk)).status_code == 403
    data = {"situation": "Ändrad.", "edit_version": "1", "revision_reason": "x"}
    assert client.post(url("period_edit", period.pk), data).status_code == 403
    assert client.get(url("promise_create", period.pk)).status_code == 403
    assert client.post(url("promise_create", period.pk), {"title": "Nytt"}).status_code == 403
    assert client.get(url("promise_edit", promise.pk)).status_code == 403
    assert counts() == before


@pytest.mark.parametrize("who", ["officer", "approver"])
def test_police_and_approvers_may_not_edit(world, client, who):
    sign_in(client, getattr(world, who))
    promise = world.draft.promises.first()
    assert client.get(url("period_edit", world.draft.pk)).status_code == 403
    assert client.get(url("promise_create", world.draft.pk)).status_code == 403
    assert client.get(url("promise_edit", promise.pk)).status_code == 403
    assert client.post(url("promise_move", promise.pk), {"direction": "down"}).status_code == 403
    assert client.post(url("promise_delete", promise.pk)).status_code == 403
    assert world.draft.promises.count() == 3


def test_another_municipalitys_coordinator_gets_404(world, client):
    sign_in(client, world.stranger)
    promise = world.draft.promises.first()
    assert client.get(url("period_edit", world.draft.pk)).status_code == 404
    assert client.get(url("promise_create", world.draft.pk)).status_code == 404
    assert client.get(url("promise_edit", promise.pk)).status_code == 404
    assert client.post(url("promise_move", promise.pk), {"direction": "down"}).status_code == 404
    assert client.post(url("promise_delete", promise.pk)).status_code == 404
    assert world.draft.promises.count() == 3


def test_an_administrator_edits_any_municipalitys_draft(world, client):
    sign_in(client, world.admin)
    data = shown_form(client, url("period_edit", world.draft.pk))
    data["background"] = "Skrivet av administratören."
    assert client.post(url("period_edit", world.draft.pk), data).status_code == 302


def test_edit_page_queries_do_not_grow_with_promises(world, client, django_assert_num_queries):
    sign_in(client, world.coordinator)
    client.get(url("period_edit", world.draft.pk))
    # The user's memberships read once per request; the permissions were kept by the first.
    with django_assert_num_queries(8):
        response = client.get(url("period_edit", world.draft.pk))
    assert response.status_code == 200
    for number in range(5):
        promise = factories.promise(world.draft, f"Löfte {number}")
        promise.themes.set(Theme.objects.all()[:2])
    with django_assert_num_queries(8):
        client.get(url("period_edit", world.draft.pk))


def test_edit_page_lists_the_promises_with_their_actions_in_draft_only(world, client):
    sign_in(client, world.coordinator)
    promise = world.draft.promises.first()
    page = client.get(url("period_edit", world.draft.pk)).content.decode()
    assert url("promise_edit", promise.pk) in page
    assert url("promise_move", promise.pk) in page
    assert url("promise_delete", promise.pk) in page
    assert url("promise_create", world.draft.pk) in page
    signed_promise = world.signed.promises.get()
    page = client.get(url("period_edit", world.signed.pk)).content.decode()
    assert url("promise_edit", signed_promise.pk) in page
    assert url("promise_move", signed_promise.pk) not in page
    assert url("promise_delete", signed_promise.pk) not in page


# Promises.


def test_a_new_promise_comes_last_with_its_themes(world, client):
    sign_in(client, world.coordinator)
    themes = list(Theme.objects.filter(slug__in=["trafik", "unga"]))
    data = {
        "title": "Fler vuxna ute på kvällarna",
        "description": "Nattvandringar i centrum.",
        "themes": [str(t.pk) for t in themes],
    }
    response = client.post(url("promise_create", world.draft.pk), data)
    promise = Promise.objects.get(title="Fler vuxna ute på kvällarna")
    assert response.status_code == 302
    assert response["Location"] == f"{hub(world.draft)}#lofte-{promise.pk}"
    assert promise.period == world.draft
    assert promise.position == 4
    assert set(promise.themes.all()) == set(themes)
    assert promise.history.first().history_user == world.coordinator
    assert Revision.objects.count() == 0


def test_the_promise_form_asks_for_a_reason_only_after_signing(world, client):
    sign_in(client, world.coordinator)
    response = client.get(url("promise_create", world.draft.pk))
    assert response.status_code == 200
    assert response.context["revision_form"] is None
    assert set(response.context["form"].fields) == {"title", "description", "themes"}
    response = client.get(url("promise_create", world.signed.pk))
    assert response.status_code == 200
    assert set(response.context["revision_form"].fields) == {"revision_kind", "revision_reason"}
    assert 'name="revision_reason"' in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"title": ""},
        {"title": "<script>x</script>"},
        {"title": "x" * 301},
        {"title": "Löfte", "description": "<b>fet</b>"},
        {"title": "Löfte", "themes": ["999999"]},
        {"title": "Öka tryggheten i centrum"},
    ],
)
def test_a_bad_promise_is_refused_and_nothing_written(world, client, data):
    sign_in(client, world.coordinator)
    before = counts()
    response = client.post(url("promise_create", world.draft.pk), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert counts() == before


def test_a_promise_added_after_signing_is_a_revision(world, client):
    sign_in(client, world.coordinator)
    data = {"title": "Färre inbrott i villaområden", "description": ""}
    before = counts()
    response = client.post(url("promise_create", world.signed.pk), data)
    assert response.status_code == 200
    assert "revision_reason" in response.context["revision_form"].errors
    assert counts() == before
    data.update(revision_kind="changed_situation", revision_reason="Fler inbrott under hösten.")
    assert client.post(url("promise_create", world.signed.pk), data).status_code == 302
    promise = world.signed.promises.get(title="Färre inbrott i villaområden")
    assert promise.position == 2
    revision = Revision.objects.get(period=world.signed)
    assert revision.reason == "Fler inbrott under hösten."
    change = revision.changes.get()
    assert (change.kind, change.new_value) == (
        ChangeKind.PROMISE_ADDED,
        "Färre inbrott i villaområden",
    )


def test_a_promise_form_sent_twice_adds_one_promise(world, client):
    sign_in(client, world.coordinator)
    data = {"title": "Fler vuxna ute på kvällarna"}
    assert client.post(url("promise_create", world.draft.pk), data).status_code == 302
    response = client.post(url("promise_create", world.draft.pk), data)
    assert response.status_code == 200
    assert (
        gettext("This citizen promise already has this promise.")
        in (response.context["form"].errors["title"])
    )
    assert world.draft.promises.filter(title=data["title"]).count() == 1


def test_edit_a_draft_promise(world, client):
    promise = world.draft.promises.first()
    sign_in(client, world.coordinator)
    data = shown_form(client, url("promise_edit", promise.pk))
    data.update(title="Öka tryggheten i hela centrum", themes=[str(Theme.objects.first().pk)])
    assert client.post(url("promise_edit", promise.pk), data).status_code == 302
    promise.refresh_from_db()
    assert promise.title == "Öka tryggheten i hela centrum"
    assert list(promise.themes.all()) == [Theme.objects.first()]
    assert promise.edit_version == 2
    assert Revision.objects.count() == 0


def test_a_promise_changed_after_signing_records_each_changed_field(world, client):
    promise = world.signed.promises.get()
    promise.themes.set(Theme.objects.filter(slug="trafik"))
    sign_in(client, world.coordinator)
    data = shown_form(client, url("promise_edit", promise.pk))
    unga, trafik = Theme.objects.get(slug="unga"), Theme.objects.get(slug="trafik")
    data.update(
        title="Öka tryggheten i centrala Vetlanda",
        themes=[str(trafik.pk), str(unga.pk)],
        revision_kind="annual_review",
        revision_reason="Årlig översyn.",
    )
    assert client.post(url("promise_edit", promise.pk), data).status_code == 302
    revision = Revision.objects.get(period=world.signed)
    changes = list(revision.changes.values_list("kind", "subject", "old_value", "new_value"))
    assert changes == [
        (
            ChangeKind.PROMISE_CHANGED,
            gettext("Promise"),
            "Öka tryggheten i centrum",
            "Öka tryggheten i centrala Vetlanda",
        ),
        (
            ChangeKind.PROMISE_CHANGED,
            f"{gettext('Themes')} (Öka tryggheten i centrum)",
            "Trafik",
            "Trafik, Unga",
        ),
    ]
    # Saving it again unchanged records nothing more.
    data = shown_form(client, url("promise_edit", promise.pk))
    data.update(revision_kind="correction", revision_reason="Ingen ändring.")
    assert client.post(url("promise_edit", promise.pk), data).status_code == 302
    assert Revision.objects.count() == 1


def titles(period: PromisePeriod) -> list[str]:
    return list(period.promises.order_by("position").values_list("title", flat=True))


def positions(period: PromisePeriod) -> list[int]:
    return list(period.promises.order_by("position").values_list("position", flat=True))


def test_move_swaps_a_promise_with_its_neighbour(world, client):
    second = world.draft.promises.get(position=2)
    sign_in(client, world.coordinator)
    response = client.post(url("promise_move", second.pk), {"direction": "up"})
    assert response.status_code == 302
    assert response["Location"] == f"{hub(world.draft)}#lofte-{second.pk}"
    assert titles(world.draft) == [
        "Minska narkotikabrotten bland unga",
        "Öka tryggheten i centrum",
        "Färre olyckor i trafiken",
    ]
    response = client.post(
        url("promise_move", second.pk),
        {"direction": "down", "next": url("period_edit", world.draft.pk)},
    )
    assert response["Location"] == f"{url('period_edit', world.draft.pk)}#lofte-{second.pk}"
    response = client.post(url("promise_move", second.pk), {"direction": "down"})
    assert titles(world.draft) == [
        "Öka tryggheten i centrum",
        "Färre olyckor i trafiken",
        "Minska narkotikabrotten bland unga",
    ]
    assert positions(world.draft) == [1, 2, 3]


def test_moving_the_first_up_or_the_last_down_changes_nothing(world, client):
    first = world.draft.promises.get(position=1)
    last = world.draft.promises.get(position=3)
    sign_in(client, world.coordinator)
    before = (titles(world.draft), Promise.history.count())
    response = client.post(url("promise_move", first.pk), {"direction": "up"}, follow=True)
    assert gettext("%(title)s is already first.") % {"title": first.title} in [
        str(m) for m in response.context["messages"]
    ]
    client.post(url("promise_move", last.pk), {"direction": "down"})
    assert (titles(world.draft), Promise.history.count()) == before


def test_move_refuses_a_bad_direction_an_open_redirect_and_get(world, client):
    second = world.draft.promises.get(position=2)
    sign_in(client, world.coordinator)
    before = titles(world.draft)
    response = client.post(url("promise_move", second.pk), {"direction": "sideways"})
    assert response.status_code == 302
    response = client.post(
        url("promise_move", second.pk), {"direction": "up", "next": "https://example.com/"}
    )
    assert response["Location"].startswith(hub(world.draft))
    assert client.get(url("promise_move", second.pk)).status_code == 405
    assert titles(world.draft) != before  # only the valid move happened
    assert titles(world.draft)[0] == "Minska narkotikabrotten bland unga"


def test_move_and_delete_are_for_drafts_only(world, client):
    promise = world.signed.promises.get()
    sign_in(client, world.coordinator)
    assert client.post(url("promise_move", promise.pk), {"direction": "up"}).status_code == 403
    assert client.get(url("promise_delete", promise.pk)).status_code == 403
    assert client.post(url("promise_delete", promise.pk)).status_code == 403
    assert Promise.objects.filter(pk=promise.pk).exists()


def test_delete_asks_first_then_deletes_and_closes_the_gap(world, client):
    first = world.draft.promises.get(position=1)
    activity = factories.activity(world.draft)
    activity.promises.add(first, world.draft.promises.get(position=2))
    sign_in(client, world.coordinator)
    response = client.get(url("promise_delete", first.pk))
    assert response.status_code == 200
    assert activity.title in response.content.decode()
    assert world.draft.promises.count() == 3
    response = client.post(url("promise_delete", first.pk))
    assert response.status_code == 302
    assert response["Location"] == hub(world.draft)
    assert titles(world.draft) == ["Minska narkotikabrotten bland unga", "Färre olyckor i trafiken"]
    assert positions(world.draft) == [1, 2]
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert [p.title for p in activity.promises.all()] == ["Minska narkotikabrotten bland unga"]
    record = Promise.history.filter(id=first.pk).first()
    assert (record.history_type, record.history_user) == ("-", world.coordinator)
    assert client.post(url("promise_delete", first.pk)).status_code == 404


def test_a_draft_never_sent_for_consultation_can_be_deleted_with_what_it_holds(world, client):
    draft = world.draft
    activity = factories.activity(draft)
    promise_ids = list(draft.promises.values_list("pk", flat=True))
    sign_in(client, world.coordinator)

    assert url("period_delete", draft.pk) in client.get(hub(draft)).content.decode()
    asked = client.get(url("period_delete", draft.pk)).content.decode()
    assert "Minska narkotikabrotten bland unga" in asked
    assert "Även utkastets 1 aktivitet tas bort." in asked
    response = client.post(url("period_delete", draft.pk), follow=True)

    assert response.redirect_chain[-1][0] == reverse("activities:staff_home")
    assert f"Utkastet {draft} är borttaget." in response.content.decode()
    assert not PromisePeriod.objects.filter(pk=draft.pk).exists()
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert not Promise.objects.filter(pk__in=promise_ids).exists()
    record = PromisePeriod.history.filter(id=draft.pk).first()
    assert (record.history_type, record.history_user) == ("-", world.coordinator)


def test_a_draft_back_from_consultation_or_a_signed_period_cannot_be_deleted(world, client):
    returned = world.draft
    PromisePeriod.objects.filter(pk=returned.pk).update(consultation_round=1)
    sign_in(client, world.coordinator)

    for period in (returned, world.signed):
        assert url("period_delete", period.pk) not in client.get(hub(period)).content.decode()
        assert client.get(url("period_delete", period.pk)).status_code == 403
        assert client.post(url("period_delete", period.pk)).status_code == 403
        assert PromisePeriod.objects.filter(pk=period.pk).exists()
