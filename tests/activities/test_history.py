"""History of periods, promises, activities and logs: entries from the records, and the page."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from activities import services
from activities.history import EMPTY, EntryKind, display_value, history_entries
from activities.models import Activity, ActivityLog, ActivityStatus
from promises.models import PeriodState, PromisePeriod
from tests import factories
from tests.activities.test_staff_pages import DAY, World, make_world, url
from tests.staff import sign_in


@pytest.fixture
def world(db) -> World:
    return make_world()


def label(model, field: str) -> str:
    return capfirst(model._meta.get_field(field).verbose_name)


def changes_of(entry) -> dict[str, tuple[str, str]]:
    return {change.label: (change.old, change.new) for change in entry.changes}


# --- history_entries --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_object_has_one_created_entry_by_system_when_no_user_made_it(world):
    log = factories.log(world.police, timezone.localdate())

    [entry] = history_entries(log)

    assert entry.kind == EntryKind.CREATED
    assert entry.who == gettext("system")
    assert entry.changes == ()
    assert entry.kind_label == str(EntryKind.CREATED.label)


@pytest.mark.django_db
def test_an_edit_lists_each_changed_field_old_and_new_newest_first(world):
    day = timezone.localdate() - 3 * DAY
    log = factories.log(world.police, day, 1, place="Storgatan")
    services.update_log(log, world.officer, quantity=4, place="", date=day + DAY)

    entries = history_entries(log)

    assert [entry.kind for entry in entries] == [EntryKind.CHANGED, EntryKind.CREATED]
    assert entries[0].who == "Polis Testsson"
    assert changes_of(entries[0]) == {
        label(ActivityLog, "quantity"): ("1", "4"),
        label(ActivityLog, "place"): ("Storgatan", EMPTY),
        label(ActivityLog, "date"): (date_format(day, "j F Y"), date_format(day + DAY, "j F Y")),
    }


@pytest.mark.django_db
def test_a_withdrawal_is_its_own_kind_with_the_whole_reason_and_the_user_by_name(world):
    log = factories.log(world.police, timezone.localdate())
    reason = "Rapporterad två gånger av misstag, samma kontroll vid Storgatan. " * 3

    services.withdraw_log(log, world.coordinator, reason)

    entry = history_entries(log)[0]
    assert entry.kind == EntryKind.WITHDRAWN
    assert entry.reason == reason
    assert entry.who == "Samordnare Testsson"
    changes = changes_of(entry)
    assert changes[label(ActivityLog, "withdrawn_by")] == (EMPTY, "Samordnare Testsson")
    assert changes[label(ActivityLog, "withdrawal_reason")] == (EMPTY, reason)
    assert changes[label(ActivityLog, "withdrawn_at")][0] == EMPTY


@pytest.mark.django_db
def test_choices_are_shown_by_label(world):
    services.set_activity_status(world.status, world.officer, ActivityStatus.ONGOING, "")

    entry = history_entries(world.status)[0]

    assert changes_of(entry) == {
        label(Activity, "status"): (
            str(ActivityStatus.PLANNED.label),
            str(ActivityStatus.ONGOING.label),
        )
    }


@pytest.mark.django_db
def test_a_target_is_read_whole_then_and_now_not_field_by_field(world):
    """ "Målvärde: 10 → 15" and "Tidsram: per år → per månad" as two lines left the reader to
    put the target together; it reads as one."""
    activity = factories.activity(world.period, "Kontroller", target=None)
    activity.target_comparator, activity.target_value = "at_least", 4
    activity.target_unit, activity.target_scope = "trygghetsvandringar", "year"
    activity.save()
    activity.target_value, activity.target_scope = 2, "tertial"
    activity.save()

    changed, added, _created = history_entries(activity)

    assert changes_of(added) == {"Mål": ("inget mål", "minst 4 trygghetsvandringar per år")}
    assert changes_of(changed) == {
        "Mål": ("minst 4 trygghetsvandringar per år", "minst 2 trygghetsvandringar per tertial")
    }


@pytest.mark.django_db
def test_a_target_change_its_words_do_not_show_is_listed_by_field(client, world):
    """The singular is not in the words of a target of 4: read whole, the change was
    "minst 4 vandringar per år → minst 4 vandringar per år", and an approver could not see what
    had been changed (a security probe). A unit with markup is shown as typed."""
    activity = factories.activity(
        world.period, "Vandringar", target=("at_least", 4, "<b>vandringar</b>", "year")
    )
    activity.target_unit_singular = "<i>vandring</i>"
    activity.save()

    changed, _created = history_entries(activity)

    assert changes_of(changed) == {
        label(Activity, "target_unit_singular"): ("–", "<i>vandring</i>")
    }
    assert label(Activity, "target_unit_singular") == "Enhet för målet i singular"
    sign_in(client, world.approver)
    page = client.get(url("history", "aktivitet", activity.pk)).content.decode()
    assert '<span class="new">&lt;i&gt;vandring&lt;/i&gt;</span>' in page
    assert "<i>vandring" not in page and "<b>vandringar" not in page


@pytest.mark.django_db
def test_promises_served_by_an_activity_are_listed_by_name(world):
    second = factories.promise(world.period, "Minska narkotikabrotten")

    world.police.promises.add(second)

    entry = history_entries(world.police)[0]
    assert changes_of(entry) == {
        label(Activity, "promises"): (
            "Öka tryggheten i centrum",
            "Minska narkotikabrotten, Öka tryggheten i centrum",
        )
    }


@pytest.mark.django_db
def test_a_period_state_change_shows_labels_and_a_change_reason(world):
    draft = factories.period(state=PeriodState.DRAFT, slug="utkast")
    draft.state = PeriodState.CONSULTATION
    draft._change_reason = "Skickat till KLG"
    draft.save()

    entry = history_entries(draft)[0]

    assert entry.reason == "Skickat till KLG"
    assert changes_of(entry) == {
        label(PromisePeriod, "state"): (
            str(PeriodState.DRAFT.label),
            str(PeriodState.CONSULTATION.label),
        )
    }


def test_values_are_shown_humanely():
    when = datetime.datetime(2026, 5, 1, 10, 30, tzinfo=datetime.UTC)
    withdrawn_at = ActivityLog._meta.get_field("withdrawn_at")
    assert display_value(withdrawn_at, when) == date_format(timezone.localtime(when), "j F Y H:i")
    assert date_format(timezone.localtime(when), "H:i") == "12:30"  # Stockholm summer time
    assert display_value(withdrawn_at, None) == EMPTY
    assert display_value(ActivityLog._meta.get_field("place"), "") == EMPTY
    assert display_value(ActivityLog._meta.get_field("quantity"), 7) == "7"
    # A related row that is gone is still named by its id.
    assert display_value(ActivityLog._meta.get_field("activity"), 42, None) == "#42"


# --- the page ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_history_page_lists_entries_with_who_when_and_changes(client, world):
    log = factories.log(world.police, timezone.localdate(), 1, reported_by=world.officer)
    services.update_log(log, world.officer, quantity=2)
    services.withdraw_log(log, world.officer, "Fel aktivitet")
    sign_in(client, world.officer)

    response = client.get(url("history", "logg", log.pk))

    assert response.status_code == 200
    kinds = [entry.kind for entry in response.context["entries"]]
    assert kinds == [EntryKind.WITHDRAWN, EntryKind.CHANGED, EntryKind.CREATED]
    page = response.content.decode()
    assert "Fel aktivitet" in page and "Polis Testsson" in page
    assert f'{label(ActivityLog, "quantity")}: <span class="old">1</span>' in page
    assert str(EntryKind.WITHDRAWN.label).capitalize() in page
    assert url("staff_activity", world.police.pk) in page


@pytest.mark.django_db
def test_history_of_a_promise_and_a_period_render(client, world):
    promise = world.police.promises.get()
    promise.title = "Öka tryggheten i hela centrum"
    promise.save()
    sign_in(client, world.approver)

    promise_page = client.get(url("history", "lofte", promise.pk))
    period_page = client.get(url("history", "period", world.period.pk))

    assert promise_page.status_code == period_page.status_code == 200
    assert "Öka tryggheten i centrum</span> → " in promise_page.content.decode()
    assert len(period_page.context["entries"]) == 1


@pytest.mark.django_db
def test_history_of_an_unknown_kind_is_not_found(client, world):
    sign_in(client, world.officer)

    assert client.get(url("history", "kommun", world.period.pk)).status_code == 404


@pytest.mark.django_db
def test_history_outside_the_users_municipalities_is_not_found(client, world):
    log = factories.log(world.police, timezone.localdate())
    sign_in(client, world.stranger)

    for kind, pk in [
        ("period", world.period.pk),
        ("lofte", world.police.promises.get().pk),
        ("aktivitet", world.police.pk),
        ("logg", log.pk),
    ]:
        assert client.get(url("history", kind, pk)).status_code == 404, kind


@pytest.mark.django_db
@pytest.mark.parametrize("record_count", [1, 20])
def test_history_page_query_count_does_not_grow_with_records(
    client, world, django_assert_num_queries, record_count
):
    log = factories.log(world.police, timezone.localdate() - 30 * DAY, reported_by=world.officer)
    for number in range(record_count - 1):
        user = world.officer if number % 2 else world.coordinator
        services.update_log(log, user, quantity=number + 2, date=log.date + number * DAY)
    assert log.history.count() == record_count
    sign_in(client, world.officer)

    with django_assert_num_queries(6):  # the user's memberships read once, then the scope
        response = client.get(url("history", "logg", log.pk))

    assert len(response.context["entries"]) == record_count


@pytest.mark.django_db
@pytest.mark.parametrize("record_count", [1, 20])
def test_activity_history_query_count_does_not_grow_with_records(
    client, world, django_assert_num_queries, record_count
):
    for number in range(record_count - 1):
        world.police.title = f"Trafikkontroller {number}"
        world.police._history_user = world.officer
        world.police.save()
    sign_in(client, world.officer)

    with django_assert_num_queries(7):  # the user's memberships read once, then the scope
        response = client.get(url("history", "aktivitet", world.police.pk))

    # The promise added after creation made one more record.
    assert len(response.context["entries"]) == record_count + 1
