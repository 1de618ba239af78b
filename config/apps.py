import axes.apps
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site's wiring that needs start-up: the public page cache's invalidation."""

    name = "config"
    label = "site"
    verbose_name = "Site"

    def ready(self) -> None:
        from config import checks, public_cache  # noqa: F401 (checks registers itself)

        public_cache.connect()
        _speak_booleans_in_the_admin()


def _swedish_boolean_icon(field_val):
    """Django's tick and cross in the admin, with the alternative text in the page's language:
    Django writes the Python value ("True", "False", "None"), which a screen reader read out in
    English in every yes/no column (active, authenticator app, withdrawn …)."""
    from django.templatetags.static import static
    from django.utils.html import format_html
    from django.utils.translation import gettext

    icon, text = {True: ("yes", "Yes"), False: ("no", "No"), None: ("unknown", "Unknown")}[
        field_val
    ]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), gettext(text)
    )


def _speak_booleans_in_the_admin() -> None:
    # Every caller (the change list, a read-only field, display_for_field) imports it from
    # admin_list when it is called, so replacing it there replaces it everywhere.
    from django.contrib.admin.templatetags import admin_list

    admin_list._boolean_icon = _swedish_boolean_icon


class AxesConfig(axes.apps.AppConfig):
    """django-axes under a Swedish heading in the admin (its own name is "Axes")."""

    verbose_name = _("Sign-in attempts")
