from django.contrib import admin

from followups.models import Assessment, FollowUpMeeting, Report, SignedOriginal
from promises.admin import RecordAdminMixin, RecordHistoryAdmin


class AssessmentInline(RecordAdminMixin, admin.TabularInline):
    model = Assessment
    extra = 0
    fields = ["promise", "rating", "comment"]
    autocomplete_fields = ["promise"]


@admin.register(FollowUpMeeting)
class FollowUpMeetingAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "period", "kind", "date"]
    list_filter = ["kind"]
    list_select_related = ["period__municipality"]
    search_fields = ["public_summary", "period__municipality__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["period"]
    inlines = [AssessmentInline]


@admin.register(Assessment)
class AssessmentAdmin(RecordAdminMixin, admin.ModelAdmin):
    list_display = ["promise", "meeting", "rating"]
    list_filter = ["rating"]
    list_select_related = ["promise", "meeting"]
    search_fields = ["promise__title", "comment"]
    autocomplete_fields = ["meeting", "promise"]


@admin.register(Report)
class ReportAdmin(RecordHistoryAdmin):
    list_display = ["title", "period", "kind", "covers_from", "covers_to", "published_on"]
    list_filter = ["kind"]
    list_select_related = ["period__municipality"]
    search_fields = ["title", "body", "period__municipality__name"]
    date_hierarchy = "covers_to"
    autocomplete_fields = ["period"]
    readonly_fields = [
        "published_on",
        "figures",
        "figures_as_of",
        "version",
        "correction_reason",
        "replaced_by",
        "pdf",
        "pdf_sha256",
        "created_by",
    ]


@admin.register(SignedOriginal)
class SignedOriginalAdmin(RecordHistoryAdmin):
    """The signing documents as stored at signing."""

    list_display = ["period", "created_at", "sha256"]
    list_select_related = ["period__municipality"]
    readonly_fields = ["period", "pdf", "sha256", "size", "created_at"]
