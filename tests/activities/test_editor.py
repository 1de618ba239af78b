"""The coordinator's activity editor: create, edit, target editor, move, delete, conflicts."""

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from activities.models import Activity, ActivityLog, Responsible
from activities.progress import target_text
from municipalities.models import Role
from promises.models import PeriodState, Promise, PromisePeriod, Revision
from tests import factories
from tests.staff import sign_in, staff_user

DAY = datetime.timedelta(days=1)


@dataclass
class Draft:
    """A Vetlanda draft with two promises and two activities, and staff of several roles."""

    period: PromisePeriod
    safety: Promise
    traffic: Promise
    first: Activity
    second: Activity
    coordinator: object
    approver: object
    officer: object
    other_coordinator: object


@pytest.fixture
def draft(db) -> Draft:
    today = timezone.localdate()
    vetlanda = factories.municipality("vetlanda")
    area = factories.local_police_area("Lokalpolisområde Höglandet", [vetlanda])
    period = factories.period(
        "vetlanda", start=today + 30 * DAY, end=today + 400 * DAY, state=PeriodState.DRAFT
    )
    safety = factories.promise(period, "Öka tryggheten i centrum")
    traffic = factories.promise(period, "Öka trafiksäkerheten")
    first = factories.activity(period, "Trafikkontroller")
    first.promises.add(traffic)
    second = factories.activity(period, "Trygghetsvandringar", target=None)
    second.promises.add(safety)
    return Draft(
        period=period,
        safety=safety,
        traffic=traffic,
        first=first,
        second=second,
        coordinator=staff_user("samordnare", role=Role.COORDINATOR, municipality=vetlanda),
        approver=staff_user("granskare", role=Role.APPROVER, municipality=vetlanda),
        officer=staff_user("polis", role=Role.POLICE_OFFICER, local_police_area=area),
        other_coordinator=staff_user(
            "tranassamordnare",
            role=Role.COORDINATOR,
            municipality=factories.municipality("tranas"),
        ),
    )


def url(name: str, *args) -> str:
    # The period hub and the history pages are the promises app's.
    app = "promises" if name in ("staff_period", "history") else "activities"
    return reverse(f"{app}:{name}", args=args)


DESCRIPTION = (
    "Polisen ska genomföra minst femton trafikkontroller med inriktning på trafikbeteenden."
)


def valid_data(served, **changes) -> dict:
    """A complete, valid activity form: a target of at least 15 traffic checks per year."""
    data = {
        "title": "Trafikkontroller vid skolor",
        "description": DESCRIPTION,
        "responsible": Responsible.POLICE,
        "responsible_other": "",
        "promises": [p.pk for p in served],
        "has_target": "yes",
        "target_comparator": "at_least",
        "target_value": "15",
        "target_unit": "trafikkontroller",
        "target_scope": "year",
        "edit_version": "1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def snapshot(activity: Activity) -> tuple:
    """Everything the editor writes, read back from the database."""
    activity = Activity.objects.get(pk=activity.pk)
    return (
        activity.title,
        activity.description,
        activity.responsible,
        activity.responsible_other,
        activity.target_comparator,
        activity.target_value,
        activity.target_unit,
        activity.target_scope,
        activity.edit_version,
        sorted(activity.promises.values_list("pk", flat=True)),
    )


# --- create and edit in a draft ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_editor_pages_render_with_one_heading_and_every_field(client, draft):
    sign_in(client, draft.coordinator)
    for page in (url("activity_create", draft.period.pk), url("activity_edit", draft.first.pk)):
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert html.count("<h1") == 1
        for name in ("title", "description", "responsible", "promises", "has_target"):
            assert f'name="{name}"' in html
        for name in ("target_comparator", "target_value", "target_unit", "target_scope"):
            assert f'name="{name}"' in html
        # A draft is edited freely: no revision asked for.
        assert 'name="revision_reason"' not in html
        assert "<fieldset" in html  # radio groups have a legend


@pytest.mark.django_db
def test_edit_page_offers_only_this_periods_promises(client, draft):
    elsewhere = factories.promise(factories.period("vetlanda", slug="annan"), "Annat löfte")
    sign_in(client, draft.coordinator)

    form = client.get(url("activity_edit", draft.first.pk)).context["form"]

    choices = set(form.fields["promises"].queryset)
    assert choices == {draft.safety, draft.traffic}
    assert elsewhere not in choices


@pytest.mark.django_db
def test_coordinator_adds_an_activity_last_in_a_draft(client, draft):
    sign_in(client, draft.coordinator)

    response = client.post(
        url("activity_create", draft.period.pk), valid_data([draft.safety, draft.traffic])
    )

    assert response.status_code == 302
    activity = Activity.objects.get(title="Trafikkontroller vid skolor")
    assert response["Location"].endswith(f"#aktivitet-{activity.pk}")
    assert activity.period == draft.period
    assert activity.position == 3
    assert activity.description == DESCRIPTION
    assert activity.target is not None
    assert (activity.target.comparator, activity.target.value) == ("at_least", 15)
    assert (activity.target.unit, activity.target.scope) == ("trafikkontroller", "year")
    assert set(activity.promises.all()) == {draft.safety, draft.traffic}
    assert activity.history.first().history_user == draft.coordinator
    assert not Revision.objects.exists()  # a draft needs no revision


@pytest.mark.django_db
def test_coordinator_changes_an_activity_and_its_target_in_a_draft(client, draft):
    sign_in(client, draft.coordinator)

    response = client.post(
        url("activity_edit", draft.first.pk),
        valid_data([draft.traffic], target_value="10", target_comparator="at_most"),
    )

    assert response.status_code == 302
    draft.first.refresh_from_db()
    assert draft.first.title == "Trafikkontroller vid skolor"
    assert (draft.first.target_comparator, draft.first.target_value) == ("at_most", 10)
    assert draft.first.edit_version == 2
    assert draft.first.position == 1
    assert not Revision.objects.exists()


@pytest.mark.django_db
def test_without_target_the_saved_row_has_no_target_even_with_choices_left_selected(client, draft):
    sign_in(client, draft.coordinator)

    # The comparator radio and time span stay selected (a browser cannot unselect a radio).
    response = client.post(
        url("activity_edit", draft.first.pk),
        valid_data([draft.traffic], has_target="no", target_value="", target_unit=""),
    )

    assert response.status_code == 302
    draft.first.refresh_from_db()
    assert draft.first.target is None
    assert (draft.first.target_comparator, draft.first.target_unit) == ("", "")
    assert (draft.first.target_value, draft.first.target_scope) == (None, "")


@pytest.mark.django_db
def test_another_actor_is_saved_with_its_name(client, draft):
    sign_in(client, draft.coordinator)

    client.post(
        url("activity_edit", draft.second.pk),
        valid_data(
            [draft.safety],
            responsible=Responsible.OTHER,
            responsible_other="Räddningstjänsten",
            # Names that merely contain a party's are others ("kommunens fältassistenter").
            partners="Räddningstjänstens ungdomsgrupp och kommunens fältassistenter",
            has_target="no",
            target_value="",
            target_unit="",
        ),
    )

    draft.second.refresh_from_db()
    assert draft.second.responsible_label == "Räddningstjänsten"
    assert draft.second.partners.startswith("Räddningstjänstens ungdomsgrupp")


BAD_INPUTS = {
    "missing unit with a target": ({"target_unit": ""}, "target_unit"),
    "value zero": ({"target_value": "0"}, "target_value"),
    "value too large": ({"target_value": str(10**9)}, "target_value"),
    "value not a number": ({"target_value": "abc"}, "target_value"),
    "value missing with a target": ({"target_value": ""}, "target_value"),
    "no comparator with a target": ({"target_comparator": None}, "target_comparator"),
    "no time span with a target": ({"target_scope": ""}, "target_scope"),
    "unknown time span": ({"target_scope": "decade"}, "target_scope"),
    "other actor without a name": ({"responsible": Responsible.OTHER}, "responsible_other"),
    "a name with a non-other party": ({"responsible_other": "Västtrafik"}, "responsible_other"),
    "the other actor again as a partner": (
        {
            "responsible": Responsible.OTHER,
            "responsible_other": "Räddningstjänsten",
            "partners": "föreningar och räddningstjänsten",
        },
        "partners",
    ),
    "the police as its own partner": (
        {"responsible": Responsible.JOINT, "partners": "Fastighetsägare, polisen"},
        "partners",
    ),
    "no promise": ({"promises": []}, "promises"),
    "no target choice": ({"has_target": None}, "has_target"),
    "no title": ({"title": ""}, "title"),
    "overlong title": ({"title": "x" * 121}, "title"),
    "HTML in the title": ({"title": "<b>Kontroller</b>"}, "title"),
    "HTML in the description": ({"description": "<script>alert(1)</script>"}, "description"),
    "HTML in the unit": ({"target_unit": "<i>kontroller</i>"}, "target_unit"),
    "HTML in the other actor": (
        {"responsible": Responsible.OTHER, "responsible_other": "<b>Västtrafik</b>"},
        "responsible_other",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(BAD_INPUTS))
@pytest.mark.parametrize("page", ["create", "edit"])
def test_bad_input_is_a_field_error_and_writes_nothing(client, draft, page, case):
    changes, field = BAD_INPUTS[case]
    data = valid_data([draft.traffic], **changes)
    target = (
        url("activity_create", draft.period.pk)
        if page == "create"
        else url("activity_edit", draft.first.pk)
    )
    before = snapshot(draft.first)
    count = Activity.objects.count()
    sign_in(client, draft.coordinator)

    response = client.post(target, data)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors.get(field), form.errors
    html = response.content.decode()
    assert gettext("There is a problem") in html
    assert 'aria-invalid="true"' in html
    assert Activity.objects.count() == count
    assert snapshot(draft.first) == before


@pytest.mark.django_db
def test_a_promise_of_another_period_is_refused(client, draft):
    elsewhere = factories.promise(factories.period("vetlanda", slug="annan"), "Annat löfte")
    before = snapshot(draft.first)
    sign_in(client, draft.coordinator)

    response = client.post(url("activity_edit", draft.first.pk), valid_data([elsewhere]))

    assert response.status_code == 200
    assert response.context["form"].errors["promises"]
    assert snapshot(draft.first) == before
    assert not elsewhere.activities.exists()


@pytest.mark.django_db
def test_with_a_target_every_missing_target_field_is_its_own_error(client, draft):
    sign_in(client, draft.coordinator)

    response = client.post(
        url("activity_create", draft.period.pk),
        valid_data(
            [draft.traffic],
            target_comparator=None,
            target_value="",
            target_unit="",
            target_scope="",
        ),
    )

    errors = response.context["form"].errors
    assert set(errors) == {"target_comparator", "target_value", "target_unit", "target_scope"}
    assert Activity.objects.count() == 2


@pytest.mark.django_db
def test_a_failed_save_shows_a_valid_target_as_text(client, draft):
    sign_in(client, draft.coordinator)

    response = client.post(url("activity_create", draft.period.pk), valid_data([]))

    assert response.context["target_preview"] == "minst 15 trafikkontroller per år"
    assert "minst 15 trafikkontroller per år" in response.content.decode()

    response = client.post(
        url("activity_create", draft.period.pk), valid_data([], target_value="abc")
    )

    assert response.context["target_preview"] == ""


# --- who may edit -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["approver", "officer"])
def test_other_roles_are_refused_every_editor_page(client, draft, who):
    sign_in(client, getattr(draft, who))
    before = snapshot(draft.first)

    assert client.get(url("activity_create", draft.period.pk)).status_code == 403
    assert client.get(url("activity_edit", draft.first.pk)).status_code == 403
    assert client.get(url("activity_delete", draft.first.pk)).status_code == 403
    create = client.post(url("activity_create", draft.period.pk), valid_data([draft.traffic]))
    edit = client.post(url("activity_edit", draft.first.pk), valid_data([draft.traffic]))
    move = client.post(url("activity_move", draft.second.pk), {"direction": "up"})
    delete = client.post(url("activity_delete", draft.first.pk))

    assert [r.status_code for r in (create, edit, move, delete)] == [403] * 4
    assert Activity.objects.count() == 2
    assert snapshot(draft.first) == before


@pytest.mark.django_db
def test_a_coordinator_of_another_municipality_gets_404(client, draft):
    sign_in(client, draft.other_coordinator)

    assert client.get(url("activity_create", draft.period.pk)).status_code == 404
    assert client.get(url("activity_edit", draft.first.pk)).status_code == 404
    assert client.get(url("activity_delete", draft.first.pk)).status_code == 404
    response = client.post(url("activity_edit", draft.first.pk), valid_data([draft.traffic]))
    assert response.status_code == 404
    assert (
        client.post(url("activity_move", draft.second.pk), {"direction": "up"}).status_code == 404
    )
    assert client.post(url("activity_delete", draft.first.pk)).status_code == 404
    assert Activity.objects.count() == 2


@pytest.mark.django_db
def test_editor_pages_send_anonymous_visitors_to_sign_in(client, draft):
    response = client.get(url("activity_edit", draft.first.pk))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize("state", [PeriodState.CONSULTATION, PeriodState.DECIDED])
def test_a_period_in_consultation_or_decided_cannot_be_edited(client, draft, state):
    PromisePeriod.objects.filter(pk=draft.period.pk).update(
        state=state, decision_date=timezone.localdate()
    )
    before = snapshot(draft.first)
    sign_in(client, draft.coordinator)

    assert client.get(url("activity_create", draft.period.pk)).status_code == 403
    assert client.get(url("activity_edit", draft.first.pk)).status_code == 403
    create = client.post(url("activity_create", draft.period.pk), valid_data([draft.traffic]))
    edit = client.post(url("activity_edit", draft.first.pk), valid_data([draft.traffic]))

    assert (create.status_code, edit.status_code) == (403, 403)
    assert Activity.objects.count() == 2
    assert snapshot(draft.first) == before


@pytest.mark.django_db
def test_a_closed_period_cannot_be_edited(client, draft):
    today = timezone.localdate()
    PromisePeriod.objects.filter(pk=draft.period.pk).update(
        state=PeriodState.CLOSED, decision_date=today, signed_date=today
    )
    sign_in(client, draft.coordinator)

    assert client.get(url("activity_edit", draft.first.pk)).status_code == 403


@pytest.mark.django_db
def test_an_administrator_may_edit_like_a_coordinator(client, draft):
    admin = staff_user("admin", superuser=True)
    sign_in(client, admin)

    response = client.post(
        url("activity_edit", draft.first.pk), valid_data([draft.traffic], title="Ny titel")
    )

    assert response.status_code == 302
    draft.first.refresh_from_db()
    assert draft.first.title == "Ny titel"


# --- move -------------------------------------------------------------------------------------


def positions(period: PromisePeriod) -> list[str]:
    return list(period.activities.order_by("position").values_list("title", flat=True))


@pytest.mark.django_db
def test_move_swaps_an_activity_with_its_neighbour(client, draft):
    third = factories.activity(draft.period, "Medborgardialog", target=None)
    sign_in(client, draft.coordinator)

    response = client.post(url("activity_move", third.pk), {"direction": "up"})

    assert response.status_code == 302
    assert positions(draft.period) == ["Trafikkontroller", "Medborgardialog", "Trygghetsvandringar"]
    client.post(url("activity_move", draft.first.pk), {"direction": "down"})
    assert positions(draft.period) == ["Medborgardialog", "Trafikkontroller", "Trygghetsvandringar"]
    assert sorted(draft.period.activities.values_list("position", flat=True)) == [1, 2, 3]


@pytest.mark.django_db
def test_a_move_is_in_both_activities_history_with_its_author(client, draft):
    third = factories.activity(draft.period, "Medborgardialog", target=None)
    sign_in(client, draft.coordinator)

    client.post(url("activity_move", third.pk), {"direction": "up"})

    for activity in Activity.objects.filter(period=draft.period, position__gte=2):
        latest = activity.history.first()
        assert latest.history_user == draft.coordinator
        assert latest.position == activity.position


@pytest.mark.django_db
def test_move_at_the_end_of_the_list_changes_nothing(client, draft):
    sign_in(client, draft.coordinator)

    client.post(url("activity_move", draft.first.pk), {"direction": "up"})
    client.post(url("activity_move", draft.second.pk), {"direction": "down"})

    assert positions(draft.period) == ["Trafikkontroller", "Trygghetsvandringar"]


@pytest.mark.django_db
def test_move_goes_back_to_a_local_next_page_only(client, draft):
    sign_in(client, draft.coordinator)
    back = reverse("promises:staff_period", args=[draft.period.pk])

    local = client.post(url("activity_move", draft.second.pk), {"direction": "up", "next": back})
    foreign = client.post(
        url("activity_move", draft.second.pk),
        {"direction": "down", "next": "https://example.org/"},
    )

    assert local["Location"] == back
    assert "example.org" not in foreign["Location"]


@pytest.mark.django_db
def test_move_refuses_get_and_an_unknown_direction(client, draft):
    sign_in(client, draft.coordinator)

    assert client.get(url("activity_move", draft.second.pk)).status_code == 405
    response = client.post(
        url("activity_move", draft.second.pk), {"direction": "sideways"}, follow=True
    )

    assert response.status_code == 200
    assert "Välj upp eller ner." in response.content.decode()
    assert positions(draft.period) == ["Trafikkontroller", "Trygghetsvandringar"]


@pytest.mark.django_db
@pytest.mark.parametrize("state", [PeriodState.SIGNED, PeriodState.CONSULTATION])
def test_move_and_delete_are_for_drafts_only(client, draft, state):
    today = timezone.localdate()
    PromisePeriod.objects.filter(pk=draft.period.pk).update(
        state=state, decision_date=today, signed_date=today
    )
    sign_in(client, draft.coordinator)

    assert (
        client.post(url("activity_move", draft.second.pk), {"direction": "up"}).status_code == 403
    )
    assert client.get(url("activity_delete", draft.first.pk)).status_code == 403
    assert client.post(url("activity_delete", draft.first.pk)).status_code == 403
    assert positions(draft.period) == ["Trafikkontroller", "Trygghetsvandringar"]


# --- delete -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_delete_asks_first_then_deletes_and_closes_the_gap(client, draft):
    third = factories.activity(draft.period, "Medborgardialog", target=None)
    sign_in(client, draft.coordinator)

    confirm = client.get(url("activity_delete", draft.first.pk))
    assert confirm.status_code == 200
    assert "Trafikkontroller" in confirm.content.decode()
    assert Activity.objects.filter(pk=draft.first.pk).exists()

    response = client.post(url("activity_delete", draft.first.pk))

    assert response.status_code == 302
    assert not Activity.objects.filter(pk=draft.first.pk).exists()
    assert positions(draft.period) == ["Trygghetsvandringar", "Medborgardialog"]
    third.refresh_from_db()
    assert third.position == 2
    # The next activity is added after the last one.
    client.post(url("activity_create", draft.period.pk), valid_data([draft.traffic]))
    assert Activity.objects.get(title="Trafikkontroller vid skolor").position == 3


@pytest.mark.django_db
def test_delete_refuses_an_activity_with_logs(client, draft):
    factories.log(draft.first, timezone.localdate())
    sign_in(client, draft.coordinator)

    page = client.get(url("activity_delete", draft.first.pk)).content.decode()
    response = client.post(url("activity_delete", draft.first.pk))

    assert gettext("This activity has logs and cannot be deleted.") in page
    assert f'action="{url("activity_delete", draft.first.pk)}"' not in page  # no delete button
    assert response.status_code == 302
    assert Activity.objects.filter(pk=draft.first.pk).exists()
    assert ActivityLog.objects.filter(activity=draft.first).count() == 1


# --- concurrent edits -------------------------------------------------------------------------


def loaded_version(client: Client, page: str) -> str:
    """The edit version the editor page sends back."""
    return str(client.get(page).context["form"]["edit_version"].value())


@pytest.mark.django_db
def test_concurrent_edits_the_second_saver_is_told_and_keeps_their_text(draft):
    first, second = Client(), Client()
    sign_in(first, draft.coordinator)
    colleague = staff_user(
        "kollega", role=Role.COORDINATOR, municipality=factories.municipality("vetlanda")
    )
    sign_in(second, colleague)
    page = url("activity_edit", draft.first.pk)
    first_version = loaded_version(first, page)
    second_version = loaded_version(second, page)

    saved = first.post(
        page,
        valid_data([draft.traffic], title="Hastighetskontroller", edit_version=first_version),
    )
    told = second.post(
        page,
        valid_data(
            [draft.traffic],
            title="Nykterhetskontroller",
            description="Min egen text som inte får försvinna.",
            edit_version=second_version,
        ),
    )

    assert saved.status_code == 302
    assert told.status_code == 200
    form = told.context["form"]
    assert form.conflict is not None
    assert form.non_field_errors()
    html = told.content.decode()
    # The second saver's text is kept in the form ...
    assert "Min egen text som inte får försvinna." in html
    assert 'value="Nykterhetskontroller"' in html
    # ... and the saved values are listed.
    differences = dict(form.conflict.differences)
    assert differences[str(form.fields["title"].label)] == "Hastighetskontroller"
    assert "Hastighetskontroller" in html
    draft.first.refresh_from_db()
    assert draft.first.title == "Hastighetskontroller"
    assert draft.first.description != "Min egen text som inte får försvinna."

    # Saving again is a deliberate overwrite, based on the version now shown.
    again = second.post(
        page,
        valid_data(
            [draft.traffic],
            title="Nykterhetskontroller",
            description="Min egen text som inte får försvinna.",
            edit_version=str(form["edit_version"].value()),
        ),
    )

    assert again.status_code == 302
    draft.first.refresh_from_db()
    assert draft.first.title == "Nykterhetskontroller"
    assert draft.first.edit_version == 3


# --- targets: bare count, per day, singular unit, text and target ------------------------------


@pytest.mark.django_db
def test_a_new_target_is_offered_a_bare_number_and_per_day_but_not_exactly(client, draft):
    sign_in(client, draft.coordinator)

    form = client.get(url("activity_create", draft.period.pk)).context["form"]

    comparators = [value for value, _label in form.fields["target_comparator"].choices]
    assert comparators == ["count", "at_least", "at_most"]
    assert "day" in [value for value, _label in form.fields["target_scope"].choices]
    assert (
        'name="target_unit_singular"'
        in client.get(url("activity_create", draft.period.pk)).content.decode()
    )

    response = client.post(
        url("activity_create", draft.period.pk),
        valid_data([draft.traffic], target_comparator="exactly"),
    )
    assert response.context["form"].errors["target_comparator"]


@pytest.mark.django_db
def test_a_target_saved_as_exactly_keeps_its_choice(client, draft):
    Activity.objects.filter(pk=draft.first.pk).update(target_comparator="exactly")
    sign_in(client, draft.coordinator)

    form = client.get(url("activity_edit", draft.first.pk)).context["form"]
    assert "exactly" in [value for value, _label in form.fields["target_comparator"].choices]

    response = client.post(
        url("activity_edit", draft.first.pk),
        valid_data([draft.traffic], target_comparator="exactly", title="Kontroller"),
    )
    assert response.status_code == 302
    assert Activity.objects.get(pk=draft.first.pk).target_comparator == "exactly"


@pytest.mark.django_db
def test_a_bare_count_per_day_with_a_singular_is_saved_and_worded(client, draft):
    sign_in(client, draft.coordinator)

    response = client.post(
        url("activity_create", draft.period.pk),
        valid_data(
            [draft.safety],
            title="Fotpatruller",
            description="Polisen ska patrullera till fots en gång per dag.",
            target_comparator="count",
            target_value="1",
            target_unit="fotpatruller",
            target_unit_singular="fotpatrull",
            target_scope="day",
        ),
    )

    assert response.status_code == 302
    saved = Activity.objects.get(title="Fotpatruller")
    assert (saved.target_comparator, saved.target_scope, saved.target_unit_singular) == (
        "count",
        "day",
        "fotpatrull",
    )
    page = client.get(url("activity_edit", saved.pk)).content.decode()
    assert "target-text-warning" not in page  # "en gång per dag" is the target's 1
    preview = client.post(
        url("activity_edit", saved.pk),
        valid_data(
            [draft.safety],
            target_comparator="count",
            target_value="1",
            target_unit="fotpatruller",
            target_unit_singular="fotpatrull",
            target_scope="day",
            title="",
        ),
    )
    assert preview.context["target_preview"] == "1 fotpatrull per dag"


@pytest.mark.django_db
def test_a_target_of_one_asks_for_the_unit_as_it_follows_the_number_one(client, draft):
    """ "minst 1 samverkansmöten per månad" was published as typed: the unit after 1 is asked
    for when the target is 1 (any other number reads the plural)."""
    sign_in(client, draft.coordinator)
    fields = {
        "title": "Samverkansmöten",
        "target_comparator": "at_least",
        "target_unit": "samverkansmöten",
        "target_unit_singular": "",
        "target_scope": "month",
    }

    refused = client.post(
        url("activity_create", draft.period.pk),
        valid_data([draft.safety], target_value="1", **fields),
    )
    assert refused.status_code == 200
    assert "skriv enheten som den skrivs efter talet 1" in refused.content.decode()
    assert not Activity.objects.filter(title="Samverkansmöten").exists()

    two = client.post(
        url("activity_create", draft.period.pk),
        valid_data([draft.safety], target_value="2", **fields),
    )
    assert two.status_code == 302
    fields.update(title="Samverkansmöte i månaden", target_unit_singular="samverkansmöte")
    one = client.post(
        url("activity_create", draft.period.pk),
        valid_data([draft.safety], target_value="1", **fields),
    )
    assert one.status_code == 302
    saved = Activity.objects.get(title="Samverkansmöte i månaden")
    assert target_text(saved.target) == "minst 1 samverkansmöte per månad"


@pytest.mark.django_db
def test_a_singular_without_a_target_is_dropped_with_the_target(client, draft):
    sign_in(client, draft.coordinator)

    response = client.post(
        url("activity_create", draft.period.pk),
        valid_data(
            [draft.safety],
            title="Fotpatruller",
            has_target="no",
            target_value="",
            target_unit="",
            target_unit_singular="fotpatrull",
        ),
    )

    assert response.status_code == 302
    added = Activity.objects.get(title="Fotpatruller")
    assert (added.target, added.target_unit_singular) == (None, "")


@pytest.mark.django_db
def test_a_text_stating_another_number_is_saved_with_a_warning_shown_after_and_on_the_form(
    client, draft
):
    sign_in(client, draft.coordinator)
    data = valid_data(
        [draft.traffic],
        description="Polisen ska genomföra minst två trafikkontroller per månad.",
        target_value="3",
        target_scope="month",
    )

    response = client.post(url("activity_edit", draft.first.pk), data, follow=True)

    saved = Activity.objects.get(pk=draft.first.pk)
    assert saved.target_value == 3  # not blocked
    warning = (
        "Beskrivningen anger talet 2, men målet är minst 3 trafikkontroller per månad. "
        "Kontrollera att texten och målet säger samma sak: den offentliga sidan och dokumentet "
        "som undertecknas visar båda."
    )
    assert warning in [str(m) for m in response.context["messages"]]
    form_page = client.get(url("activity_edit", saved.pk)).content.decode()
    assert 'id="target-text-warning"' in form_page
    assert "Kontrollera antalet" in form_page and "anger talet 2" in form_page

    agreeing = dict(data, target_value="2", edit_version=str(saved.edit_version))
    response = client.post(url("activity_edit", saved.pk), agreeing, follow=True)
    assert not any("anger talet" in str(m) for m in response.context["messages"])
    assert (
        'id="target-text-warning"'
        not in client.get(url("activity_edit", saved.pk)).content.decode()
    )


@pytest.mark.django_db
def test_deleting_an_activity_of_a_signed_period_says_how_it_is_done_instead(client, draft):
    """The page blamed a colleague ("Någon kan ha tagit ett steg") where a signed promise never
    allows deleting."""
    PromisePeriod.objects.filter(pk=draft.period.pk).update(
        state=PeriodState.SIGNED,
        decision_date=timezone.localdate(),
        signed_date=timezone.localdate(),
    )
    sign_in(client, draft.coordinator)

    response = client.get(url("activity_delete", draft.first.pk))

    assert response.status_code == 403
    page = response.content.decode()
    assert "Ett undertecknat medborgarlöfte ändras genom en revidering" in page
    assert "Någon kan ha tagit ett steg" not in page


@pytest.mark.django_db
def test_without_a_target_the_target_fields_left_filled_in_are_dropped(client, draft):
    """A tester chose "Utan mål" and had to empty the number, the unit and its singular by
    hand, each refused in turn."""
    sign_in(client, draft.coordinator)
    data = valid_data([draft.traffic], has_target="no", target_value="abc")

    response = client.post(url("activity_edit", draft.first.pk), data)

    assert response.status_code == 302
    draft.first.refresh_from_db()
    assert draft.first.target is None
    assert (draft.first.target_unit, draft.first.target_scope) == ("", "")
