from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from municipalities.models import County, LocalPoliceArea, Municipality, PoliceRegion


class CountyInline(admin.TabularInline):
    model = County
    extra = 0
    fields = ["code", "name"]
    show_change_link = True


@admin.register(PoliceRegion)
class PoliceRegionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CountyInline]


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "police_region"]
    list_filter = ["police_region"]
    list_select_related = ["police_region"]
    search_fields = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "slug", "county", "police_region"]
    list_filter = ["county__police_region", "county"]
    list_select_related = ["county__police_region"]
    search_fields = ["code", "name", "slug"]
    ordering = ["code"]

    def get_readonly_fields(self, request, obj=None):
        # The slug is part of public addresses: fixed once the municipality exists.
        return ["slug"] if obj else []

    @admin.display(description=_("police region"), ordering="county__police_region__name")
    def police_region(self, obj: Municipality) -> str:
        return obj.county.police_region.name


@admin.register(LocalPoliceArea)
class LocalPoliceAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "police_region", "municipality_names"]
    list_filter = ["police_region"]
    list_select_related = ["police_region"]
    search_fields = ["name", "municipalities__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipalities"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("municipalities")

    @admin.display(description=_("municipalities"))
    def municipality_names(self, obj: LocalPoliceArea) -> str:
        return ", ".join(m.name for m in obj.municipalities.all())
