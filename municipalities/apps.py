from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _ensure_role_groups(sender, **kwargs) -> None:
    from municipalities.roles import ensure_role_groups

    ensure_role_groups()


def _sync_role_groups(sender, instance, **kwargs) -> None:
    from municipalities.roles import sync_role_groups

    sync_role_groups(instance.user)


class MunicipalitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "municipalities"
    verbose_name = _("Municipalities")

    def ready(self) -> None:
        # Every app's post_migrate: the role groups need permissions of apps migrated later.
        post_migrate.connect(_ensure_role_groups, dispatch_uid="ensure_role_groups")
        post_save.connect(
            _sync_role_groups, sender="municipalities.Membership", dispatch_uid="membership_saved"
        )
        post_delete.connect(
            _sync_role_groups, sender="municipalities.Membership", dispatch_uid="membership_deleted"
        )
        # Remembered permission sets (municipalities/backends.py) likewise.
        from municipalities import backends

        backends.connect()
        # Remembered scopes (Membership.objects.municipality_ids) go stale on any change.
        from municipalities.models import LocalPoliceArea, scope_changed

        for model in ("municipalities.Membership", "municipalities.LocalPoliceArea"):
            for signal in (post_save, post_delete):
                signal.connect(
                    scope_changed, sender=model, dispatch_uid=f"scope_{model}_{signal!r}"
                )
        m2m_changed.connect(
            scope_changed,
            sender=LocalPoliceArea.municipalities.through,
            dispatch_uid="scope_area_municipalities",
        )
