"""The sitemap for search engines (django.contrib.sitemaps): the public pages a citizen searches
for by name, each municipality and county, each published citizen promise and each of its
activities.

Addresses are the portal's own (`SITE_URL`, as the canonical links), never the Host a request
named, and the Swedish ones (the English pages are the same content under /en/). The index
(/sitemap.xml) names one file per section; robots.txt names the index.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from activities.models import Activity
from municipalities.models import County, Municipality
from promises.models import PromisePeriod


class PortalSitemap(Sitemap):
    """A section whose addresses are on `SITE_URL`, in Swedish."""

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def _address(self, name: str, *args) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return reverse(name, args=args)


class PagesSitemap(PortalSitemap):
    """The national pages: start, lists, open data, about."""

    PAGES = (
        "promises:home",
        "promises:municipality_list",
        "promises:promise_list",
        "activities:activity_list",
        "followups:open_data",
        "about",
    )

    def items(self) -> tuple[str, ...]:
        return self.PAGES

    def location(self, item: str) -> str:
        return self._address(item)


class MunicipalitySitemap(PortalSitemap):
    """Every municipality's page (one with no promise yet says so, and is searched for)."""

    def items(self):
        return Municipality.objects.order_by("code").only("slug")

    def location(self, item: Municipality) -> str:
        return self._address("promises:municipality_detail", item.slug)


class CountySitemap(PortalSitemap):
    """Every county's page: its municipalities side by side."""

    def items(self):
        return County.objects.order_by("code").only("name")

    def location(self, item: County) -> str:
        return self._address("promises:county_detail", item.slug)


class PeriodSitemap(PortalSitemap):
    """Every published citizen promise, last changed when its row was."""

    def items(self):
        return (
            PromisePeriod.objects.published()
            .select_related("municipality")
            .only("slug", "updated_at", "municipality__slug")
            .order_by("pk")
        )

    def location(self, item: PromisePeriod) -> str:
        return self._address("promises:period_detail", item.municipality.slug, item.slug)

    def lastmod(self, item: PromisePeriod):
        return item.updated_at


class ActivitySitemap(PortalSitemap):
    """Every activity of a published citizen promise."""

    def items(self):
        return (
            Activity.objects.filter(period__in=PromisePeriod.objects.published())
            .select_related("period__municipality")
            .only("pk", "updated_at", "period__slug", "period__municipality__slug")
            .order_by("pk")
        )

    def location(self, item: Activity) -> str:
        period = item.period
        return self._address(
            "activities:activity_detail", period.municipality.slug, period.slug, item.pk
        )

    def lastmod(self, item: Activity):
        return item.updated_at


SITEMAPS = {
    "sidor": PagesSitemap,
    "kommuner": MunicipalitySitemap,
    "lan": CountySitemap,
    "loften": PeriodSitemap,
    "aktiviteter": ActivitySitemap,
}


@require_safe
@x_robots_tag
def index(request: HttpRequest) -> TemplateResponse:
    """The sitemap index: each section's file (and its further pages) on `SITE_URL`. Django's
    own index names the files on the Host the request named."""
    files = []
    for section, sitemap_class in SITEMAPS.items():
        address = settings.SITE_URL + reverse("sitemap_section", kwargs={"section": section})
        pages = sitemap_class().paginator.num_pages
        files.append(SitemapIndexItem(address, None))
        files += [SitemapIndexItem(f"{address}?p={page}", None) for page in range(2, pages + 1)]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )
