"""An owner the document does not state ("ej angiven") and an activity's partners: logging by
both roles, the editor, the public pages, the change log and the open data."""

import csv
import io
import json
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from access import policy
from activities.models import Activity, ActivityLog, Responsible
from municipalities.roles import Act
from promises.models import PeriodState, RevisionChange
from tests import factories
from tests.activities.test_staff_pages import current_period
from tests.staff import People, sign_in

WALKS = "Under året genomföra minst två trygghetsvandringar i centrum."
RESCUE = "Räddningstjänsten"


@pytest.fixture
def people(db) -> People:
    return People()


@pytest.fixture
def unstated(people) -> Activity:
    """An activity of a Vetlanda period in force whose owner the document does not state."""
    people.made("officer", "coordinator", "approver")
    period = current_period(local_police_area=people.area)
    promise = factories.promise(period)
    activity = factories.activity(
        period,
        "Trygghetsvandringar",
        description=WALKS,
        responsible=Responsible.UNSTATED,
        partners="föreningar",
        target=("at_least", 2, "trygghetsvandringar", "year"),
    )
    activity.promises.add(promise)
    return activity


def log_data(activity: Activity) -> dict:
    return {
        "activity": activity.pk,
        "date": timezone.localdate().isoformat(),
        "quantity": "1",
        "idempotency_key": str(uuid.uuid4()),
        "place": "Storgatan",
        "summary": "Trygghetsvandring i centrum",
        "internal_note": "",
    }


# --- logging by both roles --------------------------------------------------------------------


@pytest.mark.parametrize("role", ["officer", "coordinator"])
def test_police_officer_and_coordinator_both_log_an_unstated_activity(
    client, people, unstated, role
):
    user = getattr(people, role)
    assert policy.may(user, Act.LOG, unstated)
    sign_in(client, user)

    form = client.get(reverse("activities:log_create")).context["form"]
    offered = {pk for _period, group in form.fields["activity"].choices[1:] for pk, _ in group}
    response = client.post(reverse("activities:log_create"), log_data(unstated))

    assert unstated.pk in offered
    assert response.status_code == 302
    log = ActivityLog.objects.get()
    assert (log.activity, log.reported_by) == (unstated, user)


def test_the_staff_pages_offer_logging_an_unstated_activity_to_both_roles(client, people, unstated):
    for user in (people.officer, people.coordinator):
        sign_in(client, user)
        page = client.get(reverse("activities:staff_activity", args=[unstated.pk]))
        assert page.context["activity"].can_log is True
        assert "Ansvarig</dt><dd>ej angiven</dd>" in page.content.decode()


def test_an_approver_cannot_log_an_unstated_activity(client, people, unstated):
    assert not policy.may(people.approver, Act.LOG, unstated)
    assert not Activity.objects.loggable_by(people.approver).filter(pk=unstated.pk).exists()
    sign_in(client, people.approver)

    response = client.post(reverse("activities:log_create"), log_data(unstated))

    assert response.status_code == 403
    assert not ActivityLog.objects.exists()


# --- the editor -------------------------------------------------------------------------------


def editor_data(activity: Activity, **changes) -> dict:
    data = {
        "title": activity.title,
        "description": activity.description,
        "responsible": activity.responsible,
        "responsible_other": activity.responsible_other,
        "partners": activity.partners,
        "promises": [p.pk for p in activity.promises.all()],
        "has_target": "yes",
        "target_comparator": activity.target_comparator,
        "target_value": str(activity.target_value),
        "target_unit": activity.target_unit,
        "target_scope": activity.target_scope,
        "edit_version": str(activity.edit_version),
    }
    data.update(changes)
    return data


def test_the_editor_offers_not_stated_and_partners_and_saves_them(client, people):
    people.made("coordinator")
    period = current_period(state=PeriodState.DRAFT)
    promise = factories.promise(period)
    activity = factories.activity(period, "Trafikkontroller", responsible=Responsible.JOINT)
    activity.promises.add(promise)
    sign_in(client, people.coordinator)

    page = client.get(reverse("activities:activity_edit", args=[activity.pk])).content.decode()
    response = client.post(
        reverse("activities:activity_edit", args=[activity.pk]),
        editor_data(
            activity,
            responsible=Responsible.UNSTATED,
            partners="Räddningstjänsten, bilinspektörer",
        ),
    )

    assert f'value="{Responsible.UNSTATED}"' in page
    assert "Ej angiven" in page  # the choice, capitalised like the others
    assert 'name="partners"' in page
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.responsible, activity.partners) == (
        Responsible.UNSTATED,
        "Räddningstjänsten, bilinspektörer",
    )


def test_partners_with_html_are_refused(client, people):
    people.made("coordinator")
    period = current_period(state=PeriodState.DRAFT)
    promise = factories.promise(period)
    activity = factories.activity(period)
    activity.promises.add(promise)
    sign_in(client, people.coordinator)

    response = client.post(
        reverse("activities:activity_edit", args=[activity.pk]),
        editor_data(activity, partners="<b>Räddningstjänsten</b>"),
    )

    assert response.status_code == 200
    assert "partners" in response.context["form"].errors
    activity.refresh_from_db()
    assert activity.partners == ""


def test_changing_only_the_partners_of_a_signed_period_is_a_revision(client, people, unstated):
    sign_in(client, people.coordinator)
    data = editor_data(unstated, partners=RESCUE)
    data.update(revision_kind="annual_review", revision_reason="Räddningstjänsten deltar.")

    response = client.post(reverse("activities:activity_edit", args=[unstated.pk]), data)

    assert response.status_code == 302
    change = RevisionChange.objects.get()
    assert (change.old_value, change.new_value) == (
        "tillsammans med föreningar",
        "tillsammans med Räddningstjänsten",
    )


def test_changing_the_owner_to_not_stated_reads_ej_angiven_in_the_change_log(
    client, people, unstated
):
    Activity.objects.filter(pk=unstated.pk).update(responsible=Responsible.JOINT)
    unstated.refresh_from_db()
    sign_in(client, people.coordinator)
    data = editor_data(unstated, responsible=Responsible.UNSTATED)
    data.update(revision_kind="annual_review", revision_reason="Dokumentet anger ingen ansvarig.")

    client.post(reverse("activities:activity_edit", args=[unstated.pk]), data)

    change = RevisionChange.objects.get()
    assert (change.old_value, change.new_value) == ("Polisen och kommunen", "ej angiven")


# --- public pages and open data ---------------------------------------------------------------


def test_public_pages_say_ej_angiven_and_name_the_partners(client, unstated):
    period = unstated.period
    pages = {
        "period": period.get_absolute_url(),
        "activity": reverse(
            "activities:activity_detail",
            args=[period.municipality.slug, period.slug, unstated.pk],
        ),
        "list": reverse("activities:activity_list"),
        "document": reverse(
            "promises:document", args=[period.municipality.slug, period.slug, "medborgarloftet"]
        ),
    }
    html = {name: client.get(url).content.decode() for name, url in pages.items()}

    meta = "Ansvarig: ej angiven, tillsammans med föreningar"
    for name in ("period", "list", "document"):
        assert meta in html[name], name
    assert "Ansvarig</dt><dd>ej angiven</dd>" in html["activity"]
    assert "Tillsammans med</dt><dd>föreningar</dd>" in html["activity"]
    for name, page in html.items():
        # Never a guessed party, nor the remark written as a name (the list's filter offers
        # every party as a choice).
        assert "Ansvarig: Gemensamt" not in page and "<dd>Gemensamt" not in page, name
        assert "Ansvarig: Ej angiven" not in page and "<dd>Ej angiven" not in page, name


def test_a_named_party_with_partners_reads_tillsammans_med(client, unstated):
    Activity.objects.filter(pk=unstated.pk).update(responsible=Responsible.POLICE, partners=RESCUE)

    page = client.get(unstated.period.get_absolute_url()).content.decode()

    assert "Ansvarig: Polisen, tillsammans med Räddningstjänsten" in page


def test_an_activity_without_partners_names_none(client, unstated):
    Activity.objects.filter(pk=unstated.pk).update(responsible=Responsible.POLICE, partners="")
    period = unstated.period
    url = reverse(
        "activities:activity_detail", args=[period.municipality.slug, period.slug, unstated.pk]
    )

    page = client.get(url).content.decode()

    assert "Ansvarig</dt><dd>Polisen</dd>" in page
    assert gettext("Together with") not in page


def test_the_activity_filter_finds_unstated_owners(client, unstated):
    factories.activity(unstated.period, "Narkotikainsatser", responsible=Responsible.POLICE)

    response = client.get(reverse("activities:activity_list"), {"responsible": "unstated"})
    if response.status_code in (301, 302):  # filter names in Swedish: the old one redirects
        response = client.get(response["Location"])

    titles = [activity.title for activity, _progress in response.context["activities"]]
    assert titles == ["Trygghetsvandringar"]


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_open_data_has_the_partners_and_the_unstated_owner(
    client, settings, tmp_path, unstated, suffix
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    url = f"/kommuner/{unstated.period.municipality.slug}/oppna-data/aktiviteter{suffix}"

    response = client.get(url)
    body = b"".join(response.streaming_content).decode("utf-8")

    assert response.status_code == 200
    if suffix == ".csv":
        [row] = list(csv.DictReader(io.StringIO(body, newline="")))
    else:
        [row] = json.loads(body)
    assert (row["responsible"], row["partners"]) == ("unstated", "föreningar")
