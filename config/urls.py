"""URL wiring: the public pages under Swedish paths, the admin under /admin/.

The UI is Swedish for everyone (no Accept-Language guessing); an English version comes with
URL-prefixed language switching, not cookies.
"""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("promises.urls")),
    path("", include("activities.urls")),
    path("", include("followups.urls")),
]
