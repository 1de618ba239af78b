"""Django's model permissions, remembered in the shared cache between requests.

Every staff request asks `has_perm`, and Django's ModelBackend reads the user's and the groups'
permissions anew for each request (two queries). Here the set is kept in the default cache
under the user, together with a *permissions version* that every change to groups, group
members, permissions or users replaces (both read in one round trip), so a changed role counts
on the next request on every worker and host. Without the cache, the database is asked.
"""

import logging
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)

VERSION_KEY = "permissions-version"
KEEP_SECONDS = 60 * 60


class CachedModelBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = self._remembered(user_obj)
        return user_obj._perm_cache

    def _remembered(self, user) -> set[str]:
        key = f"permissions:{user.pk}:{int(user.is_superuser)}"
        try:
            found = cache.get_many([VERSION_KEY, key])
            version = found.get(VERSION_KEY)
            if version is None:
                version = uuid.uuid4().hex
                cache.add(VERSION_KEY, version, timeout=None)
                version = cache.get(VERSION_KEY, version)
        except Exception:  # no cache: ask the database, as Django does
            logger.warning("permission cache unavailable", exc_info=True)
            return super().get_all_permissions(user)
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            return stored[1]
        permissions = super().get_all_permissions(user)
        try:
            cache.set(key, (version, permissions), KEEP_SECONDS)
        except Exception:
            logger.warning("permissions not remembered", exc_info=True)
        return permissions


def new_version(**kwargs) -> None:
    """Forget every remembered permission set, now and once the change commits."""

    def replace() -> None:
        try:
            cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        except Exception:
            logger.error("permissions version not changed", exc_info=True)

    replace()
    transaction.on_commit(replace)


def connect() -> None:
    user = get_user_model()
    for through in (user.groups.through, user.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(new_version, sender=through, dispatch_uid=f"perms_{through.__name__}")
    for model in (user, Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(
                new_version, sender=model, dispatch_uid=f"perms_{model.__name__}_{signal!r}"
            )
