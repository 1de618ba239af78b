from django.urls import path

from activities import csv_import_views, editor, staff_home, staff_views, views

app_name = "activities"

urlpatterns = [
    path("aktiviteter/", views.activity_list, name="activity_list"),
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/aktiviteter/<int:pk>/",
        views.activity_detail,
        name="activity_detail",
    ),
    # Staff pages (sign-in with two factors required).
    path("personal/", staff_home.staff_home, name="staff_home"),
    path("personal/logga/", staff_views.log_create, name="log_create"),
    path("personal/loggar/", staff_views.log_list, name="log_list"),
    path("personal/loggar/<int:pk>/andra/", staff_views.log_edit, name="log_edit"),
    path("personal/loggar/<int:pk>/aterkalla/", staff_views.log_withdraw, name="log_withdraw"),
    path("personal/loggar/<int:pk>/aterstall/", staff_views.log_restore, name="log_restore"),
    path("personal/aktiviteter/<int:pk>/", staff_views.staff_activity, name="staff_activity"),
    path(
        "personal/aktiviteter/<int:pk>/status/",
        staff_views.activity_status,
        name="activity_status",
    ),
    path("personal/importera/", csv_import_views.log_import, name="log_import"),
    # The coordinator's activity editor.
    path(
        "personal/perioder/<int:pk>/aktiviteter/ny/",
        editor.activity_create,
        name="activity_create",
    ),
    path("personal/aktiviteter/<int:pk>/redigera/", editor.activity_edit, name="activity_edit"),
    path("personal/aktiviteter/<int:pk>/flytta/", editor.activity_move, name="activity_move"),
    path("personal/aktiviteter/<int:pk>/ta-bort/", editor.activity_delete, name="activity_delete"),
]
