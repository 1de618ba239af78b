"""Deployment checks of the portal's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def public_contacts_set(app_configs, **kwargs) -> list[Warning]:
    """Warn of the contacts the public pages name that were left at their placeholders: a
    journalist read "Portalen drivs av portalens förvaltare. Frågor om portalen:
    kontakt@example.se" on /om/."""
    warnings = [
        Warning(
            f"{name} is the placeholder {value!r}: the about page and the accessibility "
            "statement show it to the public.",
            hint=f"Set {name} to the address that answers questions about the portal.",
            id="site.W001",
        )
        for name, value in settings.PLACEHOLDER_CONTACTS.items()
        if getattr(settings, name) == value
    ]
    if not settings.SITE_OPERATOR_SET:
        warnings.append(
            Warning(
                "SITE_OPERATOR is not set: the about page says the portal is run by "
                '"portalens förvaltare".',
                hint="Set SITE_OPERATOR to the organisation that runs the portal.",
                id="site.W002",
            )
        )
    return warnings
