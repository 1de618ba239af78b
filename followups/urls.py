from django.urls import path, register_converter

from followups import staff_views, views


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
        "personal/perioder/<int:pk>/moten/planera/", staff_views.meeting_plan, name="meeting_plan"
    ),
    path(
        "personal/perioder/<int:pk>/moten/registrera/",
        staff_views.meeting_record_new,
        name="meeting_record_new",
    ),
    path("personal/moten/<int:pk>/", staff_views.meeting_detail, name="meeting_detail"),
    path("personal/moten/<int:pk>/registrera/", staff_views.meeting_record, name="meeting_record"),
    path("personal/moten/<int:pk>/stall-in/", staff_views.meeting_cancel, name="meeting_cancel"),
    path(
        "personal/moten/<int:pk>/ta-tillbaka/",
        staff_views.meeting_withdraw,
        name="meeting_withdraw",
    ),
    path(
        "kommuner/<slug:slug>/moten.ics",
        views.municipality_meetings_ics,
        name="municipality_meetings_ics",
    ),
    path("flode/", views.feed, name="feed"),
    path("kommuner/<slug:slug>/flode/", views.municipality_feed, name="municipality_feed"),
    path("oppna-data/", views.open_data, name="open_data"),
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
