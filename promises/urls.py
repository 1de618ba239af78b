from django.urls import path
from django.views.generic import RedirectView

from promises import (
    documents,
    hub,
    import_views,
    lifecycle_views,
    registration_views,
    staff_views,
    views,
)

app_name = "promises"

urlpatterns = [
    path("", views.home, name="home"),
    path("kommuner/", views.municipality_list, name="municipality_list"),
    # The counties are listed on the municipality list, each with a link to its page.
    path("lan/", RedirectView.as_view(pattern_name="promises:municipality_list"), name="counties"),
    # `county`, not `slug`: a `slug` names a municipality, whose pages the cache keeps apart.
    path("lan/<slug:county>/", views.county_detail, name="county_detail"),
    path("loften/", views.promise_list, name="promise_list"),
    path("kommuner/<slug:slug>/", views.municipality_detail, name="municipality_detail"),
    # Before the period page, which would read "inbaddning" as a period's slug.
    path("kommuner/<slug:slug>/inbaddning/", views.municipality_embed, name="municipality_embed"),
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/",
        views.period_detail,
        name="period_detail",
    ),
    # The source document of a past promise registered afterwards, as uploaded.
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/kalla/",
        registration_views.period_source,
        name="period_source",
    ),
    path(
        "personal/perioder/<int:pk>/kalldokument/",
        registration_views.staff_period_source,
        name="staff_period_source",
    ),
    # Public documents of a published period: print HTML and PDF.
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/<slug:document>/",
        documents.document,
        name="document",
    ),
    path(
        "kommuner/<slug:slug>/<slug:period_slug>/<slug:document>.pdf",
        documents.document_pdf,
        name="document_pdf",
    ),
    # Staff: a period's hub, and the history of periods, promises, activities and logs.
    path("personal/perioder/<int:pk>/", hub.staff_period, name="staff_period"),
    path("personal/historik/<slug:kind>/<int:pk>/", hub.history, name="history"),
    # Staff: the coordinator's editor (sign-in with two factors required).
    path("personal/perioder/ny/", staff_views.period_create, name="period_create"),
    path("personal/perioder/<int:pk>/kopiera/", staff_views.period_copy, name="period_copy"),
    path(
        "personal/perioder/<int:pk>/granska-kopierad-text/",
        staff_views.copy_review_confirm,
        name="copy_review_confirm",
    ),
    # Staff: register a past promise decided and signed outside the portal, then finish it.
    path(
        "personal/perioder/registrera/",
        registration_views.period_register,
        name="period_register",
    ),
    path(
        "personal/perioder/<int:pk>/registrera/",
        registration_views.period_register_finish,
        name="period_register_finish",
    ),
    path(
        "personal/perioder/<int:pk>/registrera/beslut/",
        registration_views.period_register_facts,
        name="period_register_facts",
    ),
    # Staff: import a promise document (file or pasted text) as a draft or a registration.
    path("personal/perioder/importera/", import_views.period_import, name="period_import"),
    path(
        "personal/perioder/importera/bekrafta/",
        import_views.period_import_confirm,
        name="period_import_confirm",
    ),
    path("personal/perioder/<int:pk>/redigera/", staff_views.period_edit, name="period_edit"),
    path(
        "personal/perioder/<int:pk>/loften/ny/", staff_views.promise_create, name="promise_create"
    ),
    path("personal/loften/<int:pk>/redigera/", staff_views.promise_edit, name="promise_edit"),
    path("personal/loften/<int:pk>/flytta/", staff_views.promise_move, name="promise_move"),
    path("personal/loften/<int:pk>/ta-bort/", staff_views.promise_delete, name="promise_delete"),
    path("personal/perioder/<int:pk>/ta-bort/", staff_views.period_delete, name="period_delete"),
    # Staff: lifecycle steps (send for consultation, approve, decide, sign, extend, close …).
    path(
        "personal/perioder/<int:pk>/steg/<slug:action>/",
        lifecycle_views.period_transition,
        name="period_transition",
    ),
    # Staff: the coordinator's answer to an approver's comment in consultation.
    path(
        "personal/perioder/<int:pk>/kommentarer/<int:review>/svara/",
        lifecycle_views.review_answer,
        name="review_answer",
    ),
    # Staff: the decision proposal's texts, and both documents in any state.
    path(
        "personal/perioder/<int:pk>/tjansteutlatande/",
        documents.proposal_edit,
        name="proposal_edit",
    ),
    path(
        "personal/perioder/<int:pk>/dokument/<slug:document>/",
        documents.staff_document,
        name="staff_document",
    ),
    path(
        "personal/perioder/<int:pk>/dokument/<slug:document>.pdf",
        documents.staff_document_pdf,
        name="staff_document_pdf",
    ),
]
