from django.urls import path

from activities import views

app_name = "activities"

urlpatterns = [
    path("aktiviteter/", views.activity_list, name="activity_list"),
]
