from django.urls import path, register_converter

from followups import views


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
