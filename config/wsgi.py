"""WSGI entry point, used by gunicorn: `gunicorn config.wsgi`."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.urls import reverse
from django.utils import translation

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()


def load_before_first_request() -> None:
    """Load now, as a worker starts, what Django would otherwise load in the first request the
    worker serves: every URL pattern with its views (and the libraries they import), and the
    translation catalogues. That first request, a visitor's, took a third of a second longer."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):  # loads the catalogue, and the language's URLs
            reverse("promises:home")


load_before_first_request()
