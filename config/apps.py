from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site's wiring that needs start-up: the public page cache's invalidation."""

    name = "config"
    label = "site"
    verbose_name = "Site"

    def ready(self) -> None:
        from config import public_cache

        public_cache.connect()
