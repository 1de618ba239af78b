"""Memberships: which periods and activities a user reaches, role groups, and the invariants."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.db import IntegrityError, transaction

from activities.models import Activity, ActivityLog, Responsible
from municipalities.models import Membership, Role
from municipalities.roles import ROLE_GROUPS, ROLE_PERMISSIONS
from promises.models import PeriodState, Promise, PromisePeriod
from tests import factories
from tests.staff import staff_user

pytestmark = pytest.mark.django_db

ALL_STATES = list(PeriodState.values)


def periods_in_every_state(municipality_slug: str) -> list[PromisePeriod]:
    return [factories.period(municipality_slug, state=state) for state in ALL_STATES]


def pks(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def fresh(user):
    """The user read again, without Django's cached permissions."""
    return get_user_model().objects.get(pk=user.pk)


def test_municipality_member_sees_its_periods_in_every_state_and_no_other():
    own = periods_in_every_state("vetlanda")
    periods_in_every_state("tranas")
    user = staff_user("anna", role=Role.COORDINATOR, municipality=factories.municipality())
    assert pks(PromisePeriod.objects.visible_to(user)) == {p.pk for p in own}


def test_every_role_sees_the_same_periods():
    own = periods_in_every_state("vetlanda")
    vetlanda = factories.municipality()
    for role in Role.values:
        user = staff_user(f"user-{role}", role=role, municipality=vetlanda)
        assert pks(PromisePeriod.objects.visible_to(user)) == {p.pk for p in own}, role


def test_police_area_member_sees_each_of_its_municipalities():
    area = factories.local_police_area(
        municipalities=[factories.municipality("vetlanda"), factories.municipality("tranas")]
    )
    covered = periods_in_every_state("vetlanda") + periods_in_every_state("tranas")
    periods_in_every_state("eksjo")
    user = staff_user("anna", role=Role.POLICE_OFFICER, local_police_area=area)
    assert pks(PromisePeriod.objects.visible_to(user)) == {p.pk for p in covered}


def test_superuser_sees_every_period():
    every = periods_in_every_state("vetlanda") + periods_in_every_state("tranas")
    admin = staff_user("admin", superuser=True)
    assert pks(PromisePeriod.objects.visible_to(admin)) == {p.pk for p in every}


def test_inactive_and_anonymous_users_see_nothing():
    periods_in_every_state("vetlanda")
    user = staff_user("anna", role=Role.COORDINATOR, municipality=factories.municipality())
    user.is_active = False
    user.save()
    admin = staff_user("admin", superuser=True)
    admin.is_active = False
    admin.save()
    for who in (user, admin, AnonymousUser()):
        assert not PromisePeriod.objects.visible_to(who).exists()
        assert not Activity.objects.visible_to(who).exists()
        assert not Activity.objects.loggable_by(who).exists()


def test_user_without_membership_sees_nothing():
    periods_in_every_state("vetlanda")
    assert not PromisePeriod.objects.visible_to(staff_user("anna")).exists()


def test_promises_activities_and_logs_follow_the_period_scope():
    own, other = factories.period("vetlanda"), factories.period("tranas")
    for period in (own, other):
        factories.promise(period)
        factories.log(factories.activity(period), datetime.date(2026, 3, 1))
    user = staff_user("anna", role=Role.APPROVER, municipality=factories.municipality())
    assert pks(Promise.objects.visible_to(user)) == set(own.promises.values_list("pk", flat=True))
    assert pks(Activity.objects.visible_to(user)) == pks(own.activities.all())
    assert pks(ActivityLog.objects.visible_to(user)) == pks(
        ActivityLog.objects.filter(activity__period=own)
    )


def test_visible_periods_are_one_query_after_the_memberships_are_read_once(
    django_assert_num_queries,
):
    periods_in_every_state("vetlanda")
    area = factories.local_police_area(municipalities=[factories.municipality("tranas")])
    user = staff_user("anna", role=Role.COORDINATOR, municipality=factories.municipality())
    Membership.objects.create(user=user, role=Role.APPROVER, local_police_area=area)
    with django_assert_num_queries(2):
        assert len(list(PromisePeriod.objects.visible_to(user))) == len(ALL_STATES)
    with django_assert_num_queries(1):
        assert len(list(PromisePeriod.objects.visible_to(user))) == len(ALL_STATES)


def test_a_changed_membership_changes_the_remembered_scope():
    vetlanda, tranas = factories.municipality("vetlanda"), factories.municipality("tranas")
    user = staff_user("anna", role=Role.COORDINATOR, municipality=vetlanda)
    assert Membership.objects.municipality_ids(user) == [vetlanda.pk]
    area = factories.local_police_area(municipalities=[])
    membership = Membership.objects.create(
        user=user, role=Role.POLICE_OFFICER, local_police_area=area
    )
    area.municipalities.add(tranas)
    assert Membership.objects.municipality_ids(user) == sorted([vetlanda.pk, tranas.pk])
    assert Membership.objects.municipality_ids(user, [Role.POLICE_OFFICER]) == [tranas.pk]
    membership.delete()
    assert Membership.objects.municipality_ids(user) == [vetlanda.pk]


def activities_by_responsible(period: PromisePeriod) -> dict[str, Activity]:
    return {
        responsible: factories.activity(
            period,
            f"Aktivitet {responsible}",
            responsible=responsible,
            responsible_other="Räddningstjänsten" if responsible == Responsible.OTHER else "",
        )
        for responsible in Responsible.values
    }


@pytest.fixture
def vetlanda_activities() -> dict[str, dict[str, Activity]]:
    """Activities of every responsible party, in a period of each state in Vetlanda."""
    return {
        state: activities_by_responsible(factories.period("vetlanda", state=state))
        for state in ALL_STATES
    }


def loggable(user) -> set[tuple[str, str]]:
    return set(
        Activity.objects.loggable_by(user).values_list("period__state", "responsible").distinct()
    )


def test_police_officer_logs_police_joint_and_unstated_activities_of_periods_in_force(
    vetlanda_activities,
):
    factories.activity(factories.period("tranas"), responsible=Responsible.POLICE)
    officer = staff_user("anna", role=Role.POLICE_OFFICER, municipality=factories.municipality())
    assert loggable(officer) == {
        (state, responsible)
        for state in (PeriodState.SIGNED, PeriodState.EXTENDED)
        for responsible in (Responsible.POLICE, Responsible.JOINT, Responsible.UNSTATED)
    }


def test_coordinator_logs_municipal_joint_other_and_unstated_activities_of_periods_in_force(
    vetlanda_activities,
):
    coordinator = staff_user("bo", role=Role.COORDINATOR, municipality=factories.municipality())
    assert loggable(coordinator) == {
        (state, responsible)
        for state in (PeriodState.SIGNED, PeriodState.EXTENDED)
        for responsible in (
            Responsible.MUNICIPALITY,
            Responsible.JOINT,
            Responsible.OTHER,
            Responsible.UNSTATED,
        )
    }


def test_approver_logs_nothing(vetlanda_activities):
    approver = staff_user("cecilia", role=Role.APPROVER, municipality=factories.municipality())
    assert loggable(approver) == set()


def test_police_officer_of_an_area_logs_in_each_of_its_municipalities():
    area = factories.local_police_area(
        municipalities=[factories.municipality("vetlanda"), factories.municipality("tranas")]
    )
    covered = [
        factories.activity(factories.period(slug), responsible=Responsible.POLICE)
        for slug in ("vetlanda", "tranas")
    ]
    factories.activity(factories.period("eksjo"), responsible=Responsible.POLICE)
    officer = staff_user("anna", role=Role.POLICE_OFFICER, local_police_area=area)
    assert pks(Activity.objects.loggable_by(officer)) == {a.pk for a in covered}


def test_two_roles_in_two_places_log_by_the_role_of_each_place():
    vetlanda = activities_by_responsible(factories.period("vetlanda"))
    tranas = activities_by_responsible(factories.period("tranas"))
    user = staff_user("anna", role=Role.POLICE_OFFICER, municipality=factories.municipality())
    Membership.objects.create(
        user=user, role=Role.COORDINATOR, municipality=factories.municipality("tranas")
    )
    assert pks(Activity.objects.loggable_by(user)) == {
        vetlanda[Responsible.POLICE].pk,
        vetlanda[Responsible.JOINT].pk,
        vetlanda[Responsible.UNSTATED].pk,
        tranas[Responsible.MUNICIPALITY].pk,
        tranas[Responsible.JOINT].pk,
        tranas[Responsible.OTHER].pk,
        tranas[Responsible.UNSTATED].pk,
    }


@pytest.mark.parametrize("role", Role.values)
def test_a_membership_puts_the_user_in_the_role_group_and_deleting_it_takes_them_out(role):
    user = staff_user("anna")
    assert not fresh(user).has_perm("promises.view_promiseperiod")
    membership = Membership.objects.create(
        user=user, role=role, municipality=factories.municipality()
    )
    group = Group.objects.get(name=ROLE_GROUPS[role])
    assert list(fresh(user).groups.all()) == [group]
    for permission in ROLE_PERMISSIONS[role]:
        assert fresh(user).has_perm(permission), permission
    assert fresh(user).has_perm("activities.add_activitylog") == (role != Role.APPROVER)
    membership.delete()
    assert not fresh(user).groups.exists()
    assert not fresh(user).has_perm("promises.view_promiseperiod")


def test_deleting_one_of_two_memberships_of_a_role_keeps_the_group():
    user = staff_user("anna", role=Role.POLICE_OFFICER, municipality=factories.municipality())
    second = Membership.objects.create(
        user=user, role=Role.POLICE_OFFICER, municipality=factories.municipality("tranas")
    )
    second.delete()
    assert fresh(user).has_perm("activities.add_activitylog")


def test_role_groups_keep_other_groups_of_the_user():
    user = staff_user("anna")
    other = Group.objects.create(name="Redaktörer")
    user.groups.add(other)
    Membership.objects.create(user=user, role=Role.APPROVER, municipality=factories.municipality())
    assert set(fresh(user).groups.values_list("name", flat=True)) == {
        "Redaktörer",
        ROLE_GROUPS[Role.APPROVER],
    }


@pytest.mark.parametrize("with_municipality, with_area", [(False, False), (True, True)])
def test_a_membership_needs_exactly_one_place(with_municipality, with_area):
    user = staff_user("anna")
    place = {}
    if with_municipality:
        place["municipality"] = factories.municipality()
    if with_area:
        place["local_police_area"] = factories.local_police_area()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.COORDINATOR, **place)
    assert not Membership.objects.exists()


def test_the_same_role_in_the_same_municipality_cannot_be_held_twice():
    user = staff_user("anna", role=Role.COORDINATOR, municipality=factories.municipality())
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=user, role=Role.COORDINATOR, municipality=factories.municipality()
        )
    assert Membership.objects.count() == 1


def test_the_same_role_in_the_same_police_area_cannot_be_held_twice():
    area = factories.local_police_area()
    user = staff_user("anna", role=Role.POLICE_OFFICER, local_police_area=area)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.POLICE_OFFICER, local_police_area=area)
    assert Membership.objects.count() == 1


def test_another_role_in_the_same_place_is_allowed():
    user = staff_user("anna", role=Role.COORDINATOR, municipality=factories.municipality())
    Membership.objects.create(user=user, role=Role.APPROVER, municipality=factories.municipality())
    assert Membership.objects.filter(user=user).count() == 2
