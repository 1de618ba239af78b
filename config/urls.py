"""URL wiring: the public pages under Swedish paths (English under /en/), the admin under /admin/.

Unprefixed paths are always Swedish, whatever the browser's Accept-Language says; the English
version lives under /en/. The language comes from the URL only, never from a cookie.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from config import observability, sitemaps, views

urlpatterns = [
    path("admin/", admin.site.urls),
    # For load balancers and monitoring: database and cache reachable, no details.
    path("healthz", observability.healthz, name="healthz"),
    path("robots.txt", views.robots, name="robots"),
    # For search engines: an index of one file per section (config.sitemaps).
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path(
        "sitemap-<slug:section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap_section",
    ),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # Asked for by crawlers and old browsers whatever the pages' <link rel="icon"> says.
    path("favicon.ico", views.favicon, name="favicon"),
]
urlpatterns += i18n_patterns(
    # followups first: its kommuner/<slug>/flode/ would otherwise be taken for a period slug.
    path("", include("followups.urls")),
    path("", include("promises.urls")),
    path("", include("activities.urls")),
    path("personal/", include("municipalities.urls")),
    path("om/", views.about, name="about"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("personuppgifter/", views.privacy, name="privacy"),
    prefix_default_language=False,
)

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
