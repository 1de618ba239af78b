from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "activities"
    verbose_name = _("Activities")

    def ready(self) -> None:
        # Connects the receivers that keep the progress rollup in step with every write.
        from activities import rollup  # noqa: F401
