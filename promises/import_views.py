"""Importing a promise document ("Importera ett medborgarlöfte"): a file or pasted text, read into
a proposed structure that the coordinator corrects and confirms.

Three moments, one write. The upload page reads the document (`promises.textimport`) and shows
the preview: the text with each recognised part marked, and a form with the period, its texts
(situation picture, background, follow-up), the promises and the activities as read, each
uncertain part said so. Confirming writes a draft period, or a past promise being registered
with its file kept (`promises.textimport.create`), in one transaction. Nothing is stored
before: the preview form carries the text (and the file to keep) as one signed hidden field.
Staff views let through users signed in with both factors and ask the access policy
(`Act.IMPORT_DOCUMENT`: coordinators and administrators).
"""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from access import policy
from access.staff import staff_required
from municipalities.models import LocalPoliceArea, Municipality
from municipalities.roles import Act
from promises.editing_forms import all_valid
from promises.import_forms import (
    DocumentPayload,
    ImportDocumentForm,
    ImportKind,
    ImportUploadForm,
    period_form,
    period_initial,
    proposed_signatories,
    texts_form,
)
from promises.import_rows import EXACTLY, confirmed_document, formsets, nothing_kept, too_long
from promises.registration_forms import signatory_formset
from promises.registration_views import error_entries as registration_error_entries
from promises.textimport import create
from promises.textimport.highlight import highlighted, marks_for
from promises.textimport.types import ParsedDocument


def read_document(text: str) -> ParsedDocument:
    """The parser's reading of `text` (`promises.textimport.parser`)."""
    from promises.textimport.parser import parse

    return parse(text)


def _municipalities(user) -> QuerySet[Municipality]:
    return Municipality.objects.filter(
        policy.scope_q(user, Act.IMPORT_DOCUMENT, field="id")
    ).order_by("name")


def _areas(user, municipalities: QuerySet[Municipality]) -> QuerySet[LocalPoliceArea]:
    areas = LocalPoliceArea.objects.order_by("name")
    if not user.is_superuser:
        areas = areas.filter(municipalities__in=municipalities).distinct()
    return areas


@staff_required
@require_http_methods(["GET", "POST"])
def period_import(request: HttpRequest) -> HttpResponse:
    """Upload or paste a promise document; a readable one is shown as a preview to correct."""
    policy.require(request.user, Act.IMPORT_DOCUMENT)
    municipalities = _municipalities(request.user)
    if request.method == "POST":
        data, files = request.POST, request.FILES  # read first: the upload sets the flag
        # config.uploads stops reading an upload past the largest file allowed: the form says so.
        too_large = getattr(request, "upload_too_large", False)
        form = ImportUploadForm(
            data, files, municipalities=municipalities, upload_too_large=too_large
        )
        if form.is_valid():
            document = read_document(form.cleaned_data["text"])
            problem = too_long(document)
            if not problem:
                kind = form.cleaned_data["kind"]
                municipality = form.cleaned_data["municipality"]
                meta = ImportDocumentForm(
                    initial={"document_payload": form.payload(request.user.pk), "kind": kind}
                )
                areas = _areas(request.user, municipalities)
                initial = period_initial(document, municipality.pk, kind, areas)
                if kind == ImportKind.REGISTER and form.cleaned_data.get("source_url"):
                    # Where the document is published, as typed on the first page.
                    initial["source_url"] = form.cleaned_data["source_url"]
                period = period_form(
                    kind,
                    initial=initial,
                    municipalities=municipalities,
                    areas=areas,
                )
                texts = texts_form(document)
                promises, activities = formsets(document)
                keep = form.source_data if kind == ImportKind.REGISTER else b""
                source = DocumentPayload(form.cleaned_data["text"], form.source_name, keep)
                # The signature block's names, titles and organisations, to check.
                signatories = (
                    proposed_signatories(document, municipality)
                    if kind == ImportKind.REGISTER
                    else None
                )
                return _preview(
                    request,
                    meta,
                    period,
                    texts,
                    promises,
                    activities,
                    document,
                    source,
                    kind,
                    signatories,
                )
            form.add_error(None, problem)
    else:
        # "Registrera ett tidigare medborgarlöfte" links here to read its document as one.
        kind = ImportKind.REGISTER if request.GET.get("slag") == "registrera" else ImportKind.DRAFT
        form = ImportUploadForm(municipalities=municipalities, initial={"kind": kind})
    return render(request, "promises/import/period_import.html", {"form": form})


@staff_required
@require_POST
def period_import_confirm(request: HttpRequest) -> HttpResponse:
    """Write the corrected structure: a draft period, or a past promise being registered."""
    user = request.user
    policy.require(user, Act.IMPORT_DOCUMENT)
    meta = ImportDocumentForm(request.POST, user_id=user.pk)
    if not meta.is_valid():
        for error in meta.errors.get("document_payload", meta.errors.get("kind", [])):
            messages.error(request, error)
        return redirect("promises:period_import")
    kind, source = meta.cleaned_data["kind"], meta.cleaned_data["document_payload"]
    municipalities = _municipalities(user)
    carried = source.source_file()
    files = {"period-source_file": carried} if carried is not None else request.FILES
    period = period_form(
        kind,
        request.POST,
        files,
        municipalities=municipalities,
        areas=_areas(user, municipalities),
        # request.POST was read above (by the meta form): config.uploads has set its flag.
        upload_too_large=carried is None and getattr(request, "upload_too_large", False),
    )
    texts = texts_form(None, request.POST)
    promises, activities = formsets(None, request.POST)
    signatories = signatory_formset(request.POST) if kind == ImportKind.REGISTER else None
    if all_valid(period, texts, promises, activities, signatories) and not nothing_kept(
        promises, activities
    ):
        confirmed = confirmed_document(source.text, promises, activities, texts)
        try:
            if kind == ImportKind.REGISTER:
                saved = create.create_registering(
                    period.instance,
                    confirmed,
                    user=user,
                    signatories=signatories.signatories(),
                    source_file=period.cleaned_data.get("source_file"),
                )
            else:
                saved = create.create_draft(period.instance, confirmed, user=user)
        except IntegrityError:
            # Somebody took the address between the check and the save (a double submit).
            period.add_error("slug", _("This address was just taken. Choose another."))
        else:
            messages.success(request, _success_message(saved, kind, confirmed))
            return redirect("promises:staff_period", pk=saved.pk)
    document = read_document(source.text)
    return _preview(
        request, meta, period, texts, promises, activities, document, source, kind, signatories
    )


def _success_message(period, kind: str, confirmed: ParsedDocument) -> str:
    promises, activities = len(confirmed.promises), len(confirmed.activities)
    counts = _("%(promises)s and %(activities)s") % {
        "promises": ngettext("%(count)s promise", "%(count)s promises", promises)
        % {"count": promises},
        "activities": ngettext("%(count)s activity", "%(count)s activities", activities)
        % {"count": activities},
    }
    if kind == ImportKind.REGISTER:
        return _(
            "Imported %(period)s with %(counts)s, to be registered. Check it against the "
            "document, then finish the registration."
        ) % {"period": str(period), "counts": counts}
    if promises > 1 and not all(activity.promise_indexes for activity in confirmed.activities):
        return _(
            "Imported %(period)s as a draft with %(counts)s. Choose which promises each activity "
            "serves, and complete the texts."
        ) % {"period": str(period), "counts": counts}
    served = all(activity.promise_indexes for activity in confirmed.activities)
    if promises == 0 or (promises == 1 and served):
        # No promise to choose, or every activity serves the only one.
        return _(
            "Imported %(period)s as a draft with %(counts)s. Check it against the document, "
            "and complete the texts."
        ) % {"period": str(period), "counts": counts}
    return _(
        "Imported %(period)s as a draft with %(counts)s. Check which promises each activity "
        "serves, and complete the texts."
    ) % {"period": str(period), "counts": counts}


def _error_entries(period, texts, promises, activities, signatories) -> list[tuple[str, str]]:
    """The error summary's lines (anchor, text): the period, its texts, then each promise and
    activity."""
    if signatories is not None:
        entries = registration_error_entries(period, signatories)
    else:
        entries = [(None, str(error)) for error in period.non_field_errors()]
        entries += [
            (field.id_for_label or field.auto_id, f"{field.label}: {error}")
            for field in period
            for error in field.errors
        ]
    entries += [
        (field.id_for_label, f"{field.label}: {error}") for field in texts for error in field.errors
    ]
    for formset, label in (
        (promises, _("Promise %(number)s")),
        (activities, _("Activity %(number)s")),
    ):
        entries += [(None, str(error)) for error in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            who = label % {"number": number}
            entries += [
                (field.id_for_label, f"{who}, {str(field.label).lower()}: {error}")
                for field in row
                for error in field.errors
            ]
    return entries


def _proposed_as(activity) -> list[str]:
    """What the form proposes otherwise than the document reads: an exact number ("exakt
    fyra") as a number met when reached, as the activity editor takes a new target."""
    if activity.target is not None and activity.target.comparator == EXACTLY:
        return [
            _(
                "The text states an exact number. It is proposed as a number that is met when "
                "reached, since a new target cannot be set as exact."
            )
        ]
    return []


def _read(items: list, number: int):
    """The `number`th part read (1-based), or None for a row added for a part not read."""
    return items[number - 1] if number <= len(items) else None


def _preview(
    request, meta, period, texts, promises, activities, document, source, kind, signatories=None
) -> HttpResponse:
    if kind == ImportKind.REGISTER and signatories is None:
        signatories = signatory_formset()
    activity_rows = list(activities.forms)
    uncertain = {
        number: [*a.uncertain, *(a.target.uncertain if a.target else []), *_proposed_as(a)]
        for number, a in enumerate(document.activities, start=1)
    }
    context = {
        "meta": meta,
        "form": period,
        "kind": kind,
        "registering": kind == ImportKind.REGISTER,
        "texts": texts,
        # Each text's field, and whether the document gave a text for it.
        "text_rows": [(field, bool(getattr(document, field.name))) for field in texts],
        "promises": promises,
        "activities": activities,
        "promise_rows": [
            (number, row, _read(document.promises, number))
            for number, row in enumerate(promises.forms, start=1)
        ],
        "activity_rows": [
            (number, row, uncertain.get(number, []), _read(document.activities, number))
            for number, row in enumerate(activity_rows, start=1)
        ],
        "signatories": signatories,
        "document": document,
        "result": document,  # the reading shown; nothing is written before the confirmation
        "source_name": source.name,
        "keeps_file": bool(source.data),
        "source_html": highlighted(document.text, marks_for(document)),
        "error_entries": (
            _error_entries(period, texts, promises, activities, signatories)
            if period.is_bound
            else []
        ),
    }
    return render(request, "promises/import/period_import_preview.html", context)
