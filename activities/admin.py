from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityLog
from promises.admin import RecordAdminMixin, RecordHistoryAdmin


class ActivityLogInline(RecordAdminMixin, admin.TabularInline):
    can_delete = False
    model = ActivityLog
    extra = 0
    fields = ["date", "quantity", "place", "summary", "reported_by", "withdrawn_at"]
    readonly_fields = ["reported_by", "withdrawn_at"]
    show_change_link = True
    can_delete = False  # logs are withdrawn with a reason, never deleted


@admin.register(Activity)
class ActivityAdmin(RecordHistoryAdmin):
    list_display = ["title", "period", "responsible", "target_display", "status"]
    list_filter = ["responsible", "target_scope", "status", "period__state"]
    list_select_related = ["period__municipality"]
    search_fields = ["title", "description", "period__municipality__name", "responsible_other"]
    autocomplete_fields = ["period"]
    filter_horizontal = ["promises"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ActivityLogInline]
    fieldsets = [
        (None, {"fields": ["period", "position", "title", "description", "promises"]}),
        (_("Responsible"), {"fields": ["responsible", "responsible_other"]}),
        (
            _("Target"),
            {
                "fields": [
                    "target_comparator",
                    "target_value",
                    "target_unit",
                    "target_unit_singular",
                    "target_scope",
                ]
            },
        ),
        (_("Status (activities without a target)"), {"fields": ["status", "status_reason"]}),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("target"))
    def target_display(self, obj: Activity) -> str:
        if obj.target is None:
            return "–"
        return f"{obj.get_target_comparator_display()} {obj.target_value} {obj.target_unit}"


@admin.register(ActivityLog)
class ActivityLogAdmin(RecordHistoryAdmin):
    list_display = ["activity", "date", "quantity", "place", "reported_by", "is_withdrawn"]
    list_filter = [("withdrawn_at", admin.EmptyFieldListFilter), "activity__responsible"]
    list_select_related = ["activity", "reported_by"]
    search_fields = ["activity__title", "place", "summary", "activity__period__municipality__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["activity"]
    readonly_fields = ["created_at", "reported_by", "withdrawn_by"]

    @admin.display(boolean=True, description=_("withdrawn"))
    def is_withdrawn(self, obj: ActivityLog) -> bool:
        return obj.is_withdrawn
