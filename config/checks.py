"""Deployment checks of the portal's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

# What the about page and the accessibility statement show of each setting.
SHOWN_AS = {
    "SITE_OPERATOR": "the about page names as the portal's operator",
    "CONTACT_EMAIL": "the about page gives for questions",
    "ACCESSIBILITY_CONTACT_EMAIL": "the accessibility statement gives for feedback",
}


@register(Tags.security, deploy=True)
def public_contacts_set(app_configs, **kwargs) -> list[Warning]:
    """Warn of the contacts the public pages name that were left at their placeholders
    (`settings.PLACEHOLDERS`): a journalist read "Portalen drivs av portalens förvaltare.
    Frågor om portalen: kontakt@example.se" on /om/. site.W002 for the operator, site.W001 for
    an address."""
    return [
        Warning(
            f"{name} is the placeholder {str(value)!r}, which {SHOWN_AS[name]}.",
            hint=f"Set {name}.",
            id="site.W002" if name == "SITE_OPERATOR" else "site.W001",
        )
        for name, value in settings.PLACEHOLDERS.items()
        if str(getattr(settings, name)) == str(value)
    ]
