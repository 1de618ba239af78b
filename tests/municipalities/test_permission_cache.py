"""Permissions kept in the shared cache: read once, forgotten on every change of role or group."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import Membership, Role
from tests import factories
from tests.staff import staff_user

pytestmark = pytest.mark.django_db


def _fresh(user):
    """The user as the next request loads it: no permissions remembered on the object."""
    return get_user_model().objects.get(pk=user.pk)


def _permission_queries(user, perm: str) -> tuple[bool, int]:
    with CaptureQueriesContext(connection) as queries:
        allowed = user.has_perm(perm)
    return allowed, sum("auth_permission" in q["sql"] for q in queries.captured_queries)


def test_the_second_request_reads_no_permissions_from_the_database():
    officer = staff_user("polis", role=Role.POLICE_OFFICER, municipality=factories.municipality())
    assert _permission_queries(_fresh(officer), "activities.add_activitylog") == (True, 2)
    assert _permission_queries(_fresh(officer), "activities.add_activitylog") == (True, 0)


def test_a_new_role_or_a_changed_group_counts_on_the_next_request():
    vetlanda = factories.municipality()
    user = staff_user("anna")
    assert not _fresh(user).has_perm("promises.add_promiseperiod")
    membership = Membership.objects.create(user=user, role=Role.COORDINATOR, municipality=vetlanda)
    assert _fresh(user).has_perm("promises.add_promiseperiod")

    group = Group.objects.get(user=user)
    permission = Permission.objects.get(codename="add_promiseperiod")
    group.permissions.remove(permission)
    assert not _fresh(user).has_perm("promises.add_promiseperiod")
    group.permissions.add(permission)
    assert _fresh(user).has_perm("promises.add_promiseperiod")

    membership.delete()
    assert not _fresh(user).has_perm("promises.add_promiseperiod")


def test_inactive_users_and_superusers_are_decided_as_django_decides():
    admin = staff_user("admin", superuser=True)
    assert _fresh(admin).has_perm("promises.delete_promiseperiod")
    admin.is_superuser = False
    admin.save()
    assert not _fresh(admin).has_perm("promises.delete_promiseperiod")
    officer = staff_user("polis", role=Role.POLICE_OFFICER, municipality=factories.municipality())
    officer.is_active = False
    officer.save()
    assert not _fresh(officer).has_perm("activities.add_activitylog")
