"""The admin: the portal's admin site (its sign-in is the portal's, with both factors), the
reference data (police regions, counties, municipalities, local police areas) and the roles
(memberships). The users' admin is `municipalities.user_admin`, registered from here."""

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from config.admin_text import PlainTextAdminMixin
from municipalities.forms import (
    LocalPoliceAreaForm,
    MembershipForm,
)
from municipalities.models import (
    County,
    LocalPoliceArea,
    Membership,
    Municipality,
    PoliceRegion,
)


class PortalAdminSite(OTPAdminSite):
    """The admin needs the second factor too (django-otp: users signed in without a code count
    as non-staff), and is the administrators' alone: its record pages read every
    municipality's records, so a staff flag left on a kommunpolis (Django's "personalstatus",
    no longer offered) lets nobody in."""

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and request.user.is_superuser


admin.site.__class__ = PortalAdminSite
# Named as the portal, not "Django site admin".
admin.site.site_header = _("Citizen promises – administration")
admin.site.site_title = _("Citizen promises – administration")
admin.site.index_title = _("Reference data, users and records")


def _portal_sign_in(request, extra_context=None):
    """The admin's sign-in is the portal's, in Swedish, in two steps, with setting up an app
    (django-otp's form was in English, and a dead end for an administrator without an app)."""
    user = request.user
    if user.is_authenticated and user.is_verified() and not admin.site.has_permission(request):
        # Signed in with both factors but no administrator: the sign-in page would send them
        # straight back here, and round again (the browser stops at "too many redirects").
        raise PermissionDenied
    back = request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': back})}")


admin.site.login = _portal_sign_in


class CountyInline(PlainTextAdminMixin, admin.TabularInline):
    model = County
    extra = 0
    fields = ["code", "name"]
    show_change_link = True


@admin.register(PoliceRegion)
class PoliceRegionAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CountyInline]


@admin.register(County)
class CountyAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "police_region"]
    list_filter = ["police_region"]
    list_select_related = ["police_region"]
    search_fields = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "organisation_name", "slug", "county", "police_region"]
    list_filter = ["county__police_region", "county"]
    list_select_related = ["county__police_region"]
    search_fields = ["code", "name", "organisation_name", "slug"]
    ordering = ["code"]

    def get_readonly_fields(self, request, obj=None):
        # The slug is part of public addresses: fixed once the municipality exists.
        return ["slug"] if obj else []

    @admin.display(description=_("police region"), ordering="county__police_region__name")
    def police_region(self, obj: Municipality) -> str:
        return obj.county.police_region.name


@admin.register(LocalPoliceArea)
class LocalPoliceAreaAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    form = LocalPoliceAreaForm
    list_display = ["name", "police_region", "municipality_names"]
    list_filter = ["police_region"]
    list_select_related = ["police_region"]
    search_fields = ["name", "municipalities__name"]
    prepopulated_fields = {"slug": ["name"]}
    # Two lists with a filter box to type in, chosen and not chosen (the autocomplete box had a
    # search field without a name and a list of spans, both axe violations).
    filter_horizontal = ["municipalities"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("municipalities")

    @admin.display(description=_("municipalities"))
    def municipality_names(self, obj: LocalPoliceArea) -> str:
        return ", ".join(m.name for m in obj.municipalities.all())


class HeldInMunicipality(admin.SimpleListFilter):
    """The roles held for a municipality, also through a local police area it belongs to: a
    search for "Tranås" missed the officer who works there through Höglandet's area."""

    title = _("municipality (also through a local police area)")
    parameter_name = "kommun"

    def lookups(self, request, model_admin):
        return [(m.pk, m.name) for m in Municipality.objects.order_by("name")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            pk = int(self.value())
        except ValueError:
            return queryset.none()
        return queryset.filter(
            Q(municipality_id=pk) | Q(local_police_area__municipalities__pk=pk)
        ).distinct()


@admin.register(Membership)
class MembershipAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    form = MembershipForm
    list_display = ["user", "role", "place", "user_active"]
    list_filter = [HeldInMunicipality, "role", "user__is_active"]
    list_select_related = ["user", "municipality", "local_police_area"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
        "municipality__name",
        "local_police_area__name",
    ]
    # Plain lists, not autocomplete boxes: an empty one had no name (see MembershipInline).

    def get_readonly_fields(self, request, obj=None):
        # Role groups follow memberships per user; moving a membership would leave one behind.
        return ["user"] if obj else []

    @admin.display(description=_("place"))
    def place(self, obj: Membership) -> str:
        return str(obj.place)

    @admin.display(description=_("active"), boolean=True, ordering="user__is_active")
    def user_active(self, obj: Membership) -> bool:
        """An inactive user's role reads as held unless the list says so."""
        return obj.user.is_active


# The users' admin, on this site (imported for its registrations).
from municipalities import user_admin  # noqa: E402, F401
