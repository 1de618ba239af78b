from django.apps import AppConfig


class AccessConfig(AppConfig):
    """The access policy (`access.policy`) and its template tag (`{% load policy %}`)."""

    name = "access"
    verbose_name = "Access"
