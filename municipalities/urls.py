from django.urls import path

from municipalities import views

app_name = "accounts"

urlpatterns = [
    path("logga-in/", views.login, name="login"),
    path("logga-in/kod/", views.verify, name="verify"),
    path("tvastegsverifiering/", views.otp_setup, name="otp_setup"),
    path("logga-ut/", views.logout, name="logout"),
    path("losenord/aterstall/", views.password_reset, name="password_reset"),
    path("losenord/aterstall/skickat/", views.password_reset_done, name="password_reset_done"),
    path(
        "losenord/aterstall/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "losenord/aterstall/klart/", views.password_reset_complete, name="password_reset_complete"
    ),
    path("losenord/byt/", views.password_change, name="password_change"),
    path("losenord/bytt/", views.password_change_done, name="password_change_done"),
    path("installningar/", views.user_settings, name="user_settings"),
]
