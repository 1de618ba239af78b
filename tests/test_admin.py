"""The admin is usable for every model: changelist (with search and filters) and add form."""

import io

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


@pytest.fixture
def admin_client_with_demo(admin_client):
    call_command("seed_demo", "--today", "2026-11-21", "--force", stdout=io.StringIO())
    return admin_client


def registered_models():
    return [
        model
        for model in admin.site._registry
        if model._meta.app_label in {"municipalities", "promises", "activities", "followups"}
    ]


def test_every_domain_model_is_in_the_admin():
    names = {model.__name__ for model in registered_models()}
    assert names == {
        "PoliceRegion",
        "County",
        "Municipality",
        "LocalPoliceArea",
        "Theme",
        "PromisePeriod",
        "Promise",
        "PeriodTransition",
        "Activity",
        "ActivityLog",
        "FollowUpMeeting",
        "Assessment",
        "Report",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m.__name__)
def test_changelist_search_and_add_pages_answer(admin_client_with_demo, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client_with_demo.get(changelist).status_code == 200
    assert admin_client_with_demo.get(changelist, {"q": "Vetlanda"}).status_code == 200
    obj = model.objects.first()
    assert obj is not None, "the demo data should have a row of every model"
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert admin_client_with_demo.get(change).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "label",
    [
        "promises.promiseperiod",
        "activities.activity",
        "activities.activitylog",
        "municipalities.municipality",
        "followups.followupmeeting",
    ],
)
def test_changelist_queries_do_not_grow_per_row(admin_client_with_demo, label):
    """list_select_related keeps a changelist page (100 rows) at a small fixed query count."""
    app_label, model_name = label.split(".")
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    with CaptureQueriesContext(connection) as context:
        assert admin_client_with_demo.get(url).status_code == 200
    assert len(context) < 15, [query["sql"] for query in context.captured_queries]
