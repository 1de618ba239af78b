from django.urls import path

from followups import views

app_name = "followups"

urlpatterns = [
    path("flode/", views.feed, name="feed"),
    path("kommuner/<slug:slug>/flode/", views.municipality_feed, name="municipality_feed"),
    path("oppna-data/", views.open_data, name="open_data"),
    path(
        "oppna-data/<slug:dataset>.<slug:fmt>",
        views.open_data_download,
        name="open_data_download",
    ),
    path(
        "kommuner/<slug:slug>/oppna-data/<slug:dataset>.<slug:fmt>",
        views.municipality_open_data_download,
        name="municipality_open_data_download",
    ),
]
