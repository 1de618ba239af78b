from django.urls import path

from promises import views

app_name = "promises"

urlpatterns = [
    path("", views.home, name="home"),
    path("kommuner/", views.municipality_list, name="municipality_list"),
    path("loften/", views.promise_list, name="promise_list"),
    path("kommuner/<slug:slug>/", views.municipality_detail, name="municipality_detail"),
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/",
        views.period_detail,
        name="period_detail",
    ),
]
