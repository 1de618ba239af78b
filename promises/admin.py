import datetime

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from config.admin_text import PlainTextAdminMixin
from promises.models import PeriodTransition, Promise, PromisePeriod, Signatory, Theme


class NoDeleteMixin:
    """Nothing is hard-deleted (public records and archive law): withdraw or close instead."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class RecordAdminMixin(NoDeleteMixin):
    """A record of the product read in the admin, never written there.

    Periods, promises, activities, logs, lifecycle steps, meetings and reports change only
    through the staff pages, which keep the lifecycle's rules (a signed period's change is a
    revision with a reason, a published report's a new version, a log is withdrawn with a
    reason) and its record; an administrator acts there as coordinator everywhere. An edit here
    would change a public page without any of that."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history's page of an earlier version saves a posted form whatever the
        # change permission (it only hides the revert button): no revert of a record here.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


# An empty value in a record's history: "None" and "" read as a value, or as nothing at all.
EMPTY_IN_HISTORY = "–"


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    """A history page's changes as the pages say them: "Status: Undertecknad → Avslutad", not
    the stored "signed → closed"; a dash for an empty value, not "None"; yes and no in words; a
    time in Swedish time."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value is None or value == "" or value == []:
            return EMPTY_IN_HISTORY
        if getattr(field, "flatchoices", None):
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        if isinstance(value, datetime.datetime):
            return formats.localize(
                timezone.localtime(value) if timezone.is_aware(value) else value
            )
        if isinstance(value, datetime.date):
            return formats.localize(value)
        return super().prepare_delta_change_value(change, value)


class RecordHistoryAdmin(RecordAdminMixin, SimpleHistoryAdmin):
    """A record with a history (django-simple-history): read, never written, its changes in
    words. Every history admin is one (a test checks)."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        super().set_history_delta_changes(request, historical_records, **kwargs)
        # The page's "Change reason" column read "None" where none was given.
        for record in historical_records:
            if not record.history_change_reason:
                record.history_change_reason = EMPTY_IN_HISTORY


@admin.register(Theme)
class ThemeAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PromiseInline(RecordAdminMixin, admin.StackedInline):
    can_delete = False
    model = Promise
    extra = 0
    fields = ["position", "title", "description", "themes"]
    filter_horizontal = ["themes"]
    show_change_link = True


class SignatoryInline(RecordAdminMixin, admin.TabularInline):
    model = Signatory
    extra = 0
    fields = ["position", "name", "title", "organisation"]


class PeriodTransitionInline(RecordAdminMixin, admin.TabularInline):
    # Transitions are recorded by the lifecycle, not typed in.
    model = PeriodTransition
    extra = 0
    fields = ["at", "from_state", "to_state", "by", "comment"]
    readonly_fields = fields
    can_delete = False


@admin.register(PromisePeriod)
class PromisePeriodAdmin(RecordHistoryAdmin):
    list_display = ["__str__", "state", "start_date", "end_date", "signed_date", "county"]
    list_filter = ["state", "municipality__county__police_region", "municipality__county"]
    list_select_related = ["municipality__county", "local_police_area"]
    search_fields = ["municipality__name", "area_name", "slug", "decision_reference"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["municipality", "local_police_area"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PromiseInline, SignatoryInline, PeriodTransitionInline]
    fieldsets = [
        (None, {"fields": ["municipality", "area_name", "local_police_area", "slug", "state"]}),
        (_("Period"), {"fields": ["start_date", "end_date"]}),
        (_("Text"), {"fields": ["situation", "background", "follow_up_text"]}),
        (
            _("Contact"),
            {
                "fields": [
                    "contact_name",
                    "contact_title",
                    "contact_phone",
                    "contact_email",
                    "contact_is_public",
                ]
            },
        ),
        (
            _("Decision and signing"),
            {"fields": ["decision_body", "decision_date", "decision_reference", "signed_date"]},
        ),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("county"), ordering="municipality__county__name")
    def county(self, obj: PromisePeriod) -> str:
        return obj.municipality.county.name


@admin.register(Promise)
class PromiseAdmin(RecordHistoryAdmin):
    list_display = ["title", "period", "position"]
    list_filter = ["themes", "period__state"]
    list_select_related = ["period__municipality"]
    search_fields = ["title", "description", "period__municipality__name"]
    autocomplete_fields = ["period"]
    filter_horizontal = ["themes"]


@admin.register(PeriodTransition)
class PeriodTransitionAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ["period", "from_state", "to_state", "by", "at"]
    list_filter = ["to_state"]
    list_select_related = ["period__municipality", "by"]
    search_fields = ["period__municipality__name", "comment"]
    date_hierarchy = "at"
