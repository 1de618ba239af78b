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


class AxesConfig(axes.apps.AppConfig):
    """django-axes under a Swedish heading in the admin (its own name is "Axes")."""

    verbose_name = _("Sign-in attempts")
