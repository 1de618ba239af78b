from django.urls import path, register_converter

from followups import documents, outcome_views, report_views, staff_views, views


class ExtensionConverter:
    """The formats named by their file extension: <dataset>.csv and <dataset>.json."""

    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExtensionConverter, "opendata_ext")

app_name = "followups"

# The CSV for Swedish Excel (semicolons, byte order mark) is <dataset>-excel.csv; its patterns
# come first, as <slug:dataset> would otherwise read "loften-excel" as a dataset.
EXCEL = {"fmt": "excel"}

urlpatterns = [
    path("personal/perioder/<int:pk>/moten/", staff_views.meeting_list, name="meeting_list"),
    path(
        "personal/perioder/<int:pk>/arkivpaket.zip",
        staff_views.archive_package,
        name="archive_package",
    ),
    path(
        "personal/perioder/<int:pk>/moten/planera/", staff_views.meeting_plan, name="meeting_plan"
    ),
    path(
        "personal/perioder/<int:pk>/moten/registrera/",
        staff_views.meeting_record_new,
        name="meeting_record_new",
    ),
    path("personal/moten/<int:pk>/", staff_views.meeting_detail, name="meeting_detail"),
    path("personal/moten/<int:pk>/registrera/", staff_views.meeting_record, name="meeting_record"),
    path("personal/moten/<int:pk>/ratta/", staff_views.meeting_correct, name="meeting_correct"),
    path("personal/moten/<int:pk>/stall-in/", staff_views.meeting_cancel, name="meeting_cancel"),
    path(
        "personal/moten/<int:pk>/ta-tillbaka/",
        staff_views.meeting_withdraw,
        name="meeting_withdraw",
    ),
    # Outcome indicators of a period, and their measurements.
    path("personal/perioder/<int:pk>/utfall/", outcome_views.indicator_list, name="indicator_list"),
    path(
        "personal/perioder/<int:pk>/utfall/nytt/",
        outcome_views.indicator_create,
        name="indicator_create",
    ),
    path(
        "personal/utfallsmatt/<int:pk>/andra/",
        outcome_views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "personal/utfallsmatt/<int:pk>/matningar/ny/",
        outcome_views.measurement_create,
        name="measurement_create",
    ),
    path(
        "personal/utfallsmatt/<int:pk>/matningar/importera/",
        outcome_views.measurement_import,
        name="measurement_import",
    ),
    path(
        "personal/matningar/<int:pk>/ta-tillbaka/",
        outcome_views.measurement_withdraw,
        name="measurement_withdraw",
    ),
    # Reports: staff pages, and the public print page and PDF of a published one.
    path(
        "personal/perioder/<int:pk>/redovisningar/",
        report_views.report_list,
        name="report_list",
    ),
    path(
        "personal/perioder/<int:pk>/redovisningar/ny/",
        report_views.report_create,
        name="report_create",
    ),
    path("personal/redovisningar/<int:pk>/", report_views.report_detail, name="report_detail"),
    path(
        "personal/redovisningar/<int:pk>/redigera/",
        report_views.report_edit,
        name="report_edit",
    ),
    path(
        "personal/redovisningar/<int:pk>/ta-bort/",
        report_views.report_discard,
        name="report_discard",
    ),
    path(
        "personal/redovisningar/<int:pk>/publicera/",
        report_views.report_publish,
        name="report_publish",
    ),
    path(
        "personal/redovisningar/<int:pk>/rattelse/",
        report_views.report_correct,
        name="report_correct",
    ),
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/redovisningar/<int:pk>/",
        documents.report_document,
        name="report_document",
    ),
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/redovisningar/<int:pk>.pdf",
        documents.report_pdf_view,
        name="report_pdf",
    ),
    # The signing document exactly as stored at signing.
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/medborgarloftet/original.pdf",
        documents.signed_original,
        name="signed_original",
    ),
    path(
        "kommuner/<slug:slug>/moten.ics",
        views.municipality_meetings_ics,
        name="municipality_meetings_ics",
    ),
    path("flode/", views.feed, name="feed"),
    path("kommuner/<slug:slug>/flode/", views.municipality_feed, name="municipality_feed"),
    # The follow-up meetings and reports alone, beside the whole feed.
    path("uppfoljningsflode/", views.follow_up_feed, name="follow_up_feed"),
    path(
        "kommuner/<slug:slug>/uppfoljningsflode/",
        views.municipality_follow_up_feed,
        name="municipality_follow_up_feed",
    ),
    path("oppna-data/", views.open_data, name="open_data"),
    # The public lists' filtered selections as files (the lists' own filters).
    path(
        "aktiviteter/<str:name>",
        views.list_selection,
        {"dataset": "aktiviteter"},
        name="activity_selection",
    ),
    path(
        "loften/<str:name>",
        views.list_selection,
        {"dataset": "loften"},
        name="promise_selection",
    ),
    path(
        "oppna-data/<slug:dataset>-excel.csv",
        views.open_data_download,
        EXCEL,
        name="open_data_download_excel",
    ),
    path(
        "oppna-data/<slug:dataset>.<opendata_ext:fmt>",
        views.open_data_download,
        name="open_data_download",
    ),
    # A county's file of a dataset offered per county (the logs).
    path(
        "lan/<slug:county>/oppna-data/<slug:dataset>-excel.csv",
        views.county_open_data_download,
        EXCEL,
        name="county_open_data_download_excel",
    ),
    path(
        "lan/<slug:county>/oppna-data/<slug:dataset>.<opendata_ext:fmt>",
        views.county_open_data_download,
        name="county_open_data_download",
    ),
    # The folder of a municipality's files: the open data page with it chosen.
    path(
        "kommuner/<slug:slug>/oppna-data/",
        views.municipality_open_data,
        name="municipality_open_data",
    ),
    path(
        "kommuner/<slug:slug>/oppna-data/<slug:dataset>-excel.csv",
        views.municipality_open_data_download,
        EXCEL,
        name="municipality_open_data_download_excel",
    ),
    path(
        "kommuner/<slug:slug>/oppna-data/<slug:dataset>.<opendata_ext:fmt>",
        views.municipality_open_data_download,
        name="municipality_open_data_download",
    ),
]
