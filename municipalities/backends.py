"""Django's model permissions, remembered in the shared cache between requests.

The admin site asks `has_perm` on every request (staff pages ask `access.policy` instead), and
Django's ModelBackend reads the user's and the groups' permissions anew for each request (two
queries). Here the set is kept in the default cache under the user, together with a
*permissions version* that every change to groups, group members, permissions or users replaces
(both read in one round trip), so a changed role counts on the next request on every worker and
host. Without the cache, the database is asked.
"""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from config.cache import Versioned

PERMISSIONS = Versioned("permissions-version")
KEEP_SECONDS = 60 * 60


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' check that refuses a locked-out sign-in before the password is tried.

    It signs nobody in, so no sign-in writes it into a session; a session that names it anyway
    has no user (django-axes' own class has no `get_user`: a server error).
    """

    def get_user(self, user_id):
        return None


class CachedModelBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = self._remembered(user_obj)
        return user_obj._perm_cache

    def _remembered(self, user) -> set[str]:
        key = f"permissions:{user.pk}:{int(user.is_superuser)}"
        version, permissions = PERMISSIONS.read(key)  # one round trip
        if permissions is None:
            permissions = super().get_all_permissions(user)
            if version is not None:  # else no cache: the database answered, as in Django
                PERMISSIONS.store(key, version, permissions, KEEP_SECONDS)
        return permissions


def new_version(**kwargs) -> None:
    """Forget every remembered permission set, now and once the change commits."""
    PERMISSIONS.replace()
    transaction.on_commit(PERMISSIONS.replace)


def connect() -> None:
    user = get_user_model()
    for through in (user.groups.through, user.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(new_version, sender=through, dispatch_uid=f"perms_{through.__name__}")
    for model in (user, Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(
                new_version, sender=model, dispatch_uid=f"perms_{model.__name__}_{signal!r}"
            )
