"""Registering a past promise ("Registrera ett tidigare medborgarlöfte"), and its source document
on the public page.

The coordinator (administrators: anywhere) enters the document's facts and source; the draft
that makes is filled in with the ordinary editor (its decision, signing and signatories on a page
of their own) and then registered (`promises.registration`).
Staff views let through users signed in with both factors and ask the access policy
(`Act.REGISTER_PERIOD`): a role that never registers is refused (403), periods come through the
coordinator's scope (404 outside it), and a period that is not being registered is refused (403).
"""

import mimetypes

from django.contrib import messages
from django.db import IntegrityError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from access import policy
from access.staff import staff_required
from config.stored_files import missing_is_404
from municipalities.models import LocalPoliceArea, Municipality
from municipalities.roles import Act
from promises import lifecycle, registration
from promises.editing import EditConflict
from promises.editing_forms import rebind_after_conflict
from promises.models import PromisePeriod
from promises.registration_forms import (
    CorrectionReasonForm,
    FinishRegistrationForm,
    RegistrationFactsForm,
    RegistrationForm,
    signatory_formset,
)

# The registration form's fields in the page's groups: the promise, the decision and signing,
# and (after the signatories) the document.
FIELD_GROUPS = (
    (
        "municipality",
        "area_name",
        "local_police_area",
        "parties",
        "start_date",
        "end_date",
        "open_ended",
        "year_only",
        "slug",
    ),
    ("decision_body", "decision_date", "decision_reference", "signed_date"),
    ("source_file", "source_url"),
)
# Shown in the browser; anything else is downloaded (a saved web page never runs as ours).
INLINE_TYPES = ("application/pdf", "text/plain")


def _form_kwargs(user) -> dict:
    municipalities = Municipality.objects.filter(
        policy.scope_q(user, Act.REGISTER_PERIOD, field="id")
    ).order_by("name")
    areas = LocalPoliceArea.objects.order_by("name")
    if not user.is_superuser:
        areas = areas.filter(municipalities__in=municipalities).distinct()
    return {"municipalities": municipalities, "local_police_areas": areas}


def error_entries(form: RegistrationForm, signatories, *after) -> list[tuple[str, str]]:
    """The error summary's lines (anchor, text): the form's fields, then signatory by row, then
    the fields of the forms `after` them (a correction's reason)."""
    entries = [(None, str(error)) for error in form.non_field_errors()]
    entries += _field_entries(form)
    entries += [(None, str(error)) for error in signatories.non_form_errors()]
    for number, row in enumerate(signatories.forms, start=1):
        who = _("Signatory %(number)s") % {"number": number}
        entries += [
            (field.id_for_label, f"{who}, {str(field.label).lower()}: {error}")
            for field in row
            for error in field.errors
        ]
    for other in after:
        entries += _field_entries(other)
    return entries


def _field_entries(form) -> list[tuple[str, str]]:
    return [
        (field.id_for_label or field.auto_id, f"{field.label}: {error}")
        for field in form
        for error in field.errors
    ]


@staff_required
@require_http_methods(["GET", "POST"])
def period_register(request: HttpRequest) -> HttpResponse:
    """Enter a past promise's facts and source: a draft to fill in, then register."""
    policy.require(request.user, Act.REGISTER_PERIOD)
    form_kwargs = _form_kwargs(request.user)
    if request.method == "POST":
        data, files = request.POST, request.FILES  # read first: the upload sets the flag
        # config.uploads stops reading an upload past the largest file allowed: the form says so.
        too_large = getattr(request, "upload_too_large", False)
        form = RegistrationForm(data, files, upload_too_large=too_large, **form_kwargs)
        signatories = signatory_formset(data)
        valid = form.is_valid()
        valid = signatories.is_valid() and valid
        if valid:
            try:
                period = registration.start_registration(
                    form.instance,
                    user=request.user,
                    signatories=signatories.signatories(),
                    source_file=form.cleaned_data.get("source_file"),
                )
            except IntegrityError:
                # Somebody took the address between the check and the save (a double submit).
                form.add_error("slug", _("This address was just taken. Choose another."))
                return _register_page(request, form, signatories)
            messages.success(
                request,
                _(
                    "Saved the facts of %(period)s. Add its promises and activities as the "
                    "document states them, then finish the registration."
                )
                % {"period": str(period)},
            )
            return redirect("promises:staff_period", pk=period.pk)
    else:
        form = RegistrationForm(**form_kwargs)
        signatories = signatory_formset()
    return _register_page(request, form, signatories)


def _register_page(request: HttpRequest, form: RegistrationForm, signatories) -> HttpResponse:
    # A page shown again with errors cannot keep a chosen file (browsers never refill a file
    # field): the file's own field says so, or the coordinator saves without it unawares.
    upload = request.FILES.get("source_file") if form.is_bound else None
    context = {
        "form": form,
        "file_to_choose_again": upload.name if upload and not form["source_file"].errors else "",
        "signatories": signatories,
        "error_entries": error_entries(form, signatories) if form.is_bound else [],
        "groups": [[form[name] for name in group] for group in FIELD_GROUPS],
    }
    return render(request, "promises/registration/period_register.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def period_register_finish(request: HttpRequest, pk: int) -> HttpResponse:
    """Check and publish a past promise being registered: signed, or closed if it has ended."""
    user = request.user
    policy.require(user, Act.REGISTER_PERIOD)
    periods = (
        PromisePeriod.objects.editable_by(user)
        .with_place()
        .prefetch_related("promises", "activities", "signatories")
    )
    period = get_object_or_404(periods, pk=pk)
    if period.registered_at is not None:
        # Sent twice: registered once, by the first.
        messages.info(request, _("%(period)s is registered.") % {"period": str(period)})
        return redirect("promises:staff_period", pk=period.pk)
    policy.require(user, Act.REGISTER_PERIOD, period)
    form = FinishRegistrationForm(request.POST if request.method == "POST" else None)
    refusals = registration.refusals(period)
    if request.method == "POST" and form.is_valid():
        try:
            registration.register(period, user=user, comment=form.cleaned_data["comment"])
        except registration.RegistrationRefused as refused:
            refusals = refused.messages
        else:
            messages.success(
                request,
                _("Registered %(period)s. It is now public.") % {"period": str(period)},
            )
            return redirect("promises:staff_period", pk=period.pk)
    context = {
        "period": period,
        "form": form,
        "refusals": refusals,
        "posted": request.method == "POST",
        "state": registration.registered_state(period, timezone.localdate()),
        "promises": list(period.promises.all()),
        "activity_count": len(period.activities.all()),
        "signatories": list(period.signatories.all()),
    }
    return render(request, "promises/registration/period_register_finish.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def period_register_facts(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct the decision, signing and signatories of a promise decided outside the portal,
    against its document (the import read them from its text, or they were typed wrong):
    freely while it is being registered, with a reason in the change log once published."""
    user = request.user
    policy.require(user, Act.CORRECT_REGISTRATION)
    period = get_object_or_404(PromisePeriod.objects.editable_by(user).with_place(), pk=pk)
    policy.require(user, Act.CORRECT_REGISTRATION, period)
    registering = lifecycle.registering(period)
    data = request.POST if request.method == "POST" else None
    reason_form = None if registering else CorrectionReasonForm(data)
    if data is not None:
        form = RegistrationFactsForm(data, instance=period)
        signatories = signatory_formset(data)
        valid = form.is_valid()
        valid = signatories.is_valid() and valid
        valid = (reason_form is None or reason_form.is_valid()) and valid
        if valid:
            try:
                changed = registration.correct_facts(
                    period,
                    form.cleaned_data["edit_version"],
                    user=user,
                    signatories=signatories.signatories(),
                    reason=reason_form.cleaned_data["revision_reason"] if reason_form else "",
                )
            except EditConflict as conflict:
                form = rebind_after_conflict(RegistrationFactsForm, data, conflict.current)
            else:
                if changed:
                    messages.success(
                        request,
                        _("Saved the decision and signing of %(period)s.")
                        % {"period": str(period)},
                    )
                else:
                    messages.info(request, _("Nothing needed changing."))
                if registering:
                    return redirect("promises:period_register_finish", pk=period.pk)
                return redirect("promises:staff_period", pk=period.pk)
    else:
        form = RegistrationFactsForm(instance=period)
        signatories = signatory_formset(period=period)
    after = [reason_form] if reason_form is not None else []
    entries = error_entries(form, signatories, *after) if form.is_bound else []
    context = {
        "period": period,
        "registering": registering,
        "form": form,
        "reason_form": reason_form,
        "signatories": signatories,
        "error_entries": entries,
    }
    return render(request, "promises/registration/period_register_facts.html", context)


@require_safe
def period_source(request: HttpRequest, slug: str, period_slug: str) -> FileResponse:
    """The source document of a registered period, exactly as it was uploaded."""
    period = get_object_or_404(
        PromisePeriod.objects.published().filter(registered_at__isnull=False),
        municipality__slug=slug,
        slug=period_slug,
    )
    return _source_file(period)


@staff_required
@require_safe
def staff_period_source(request: HttpRequest, pk: int) -> FileResponse:
    """The uploaded document of a period being registered (or registered), for the staff who see
    the period: the correction page says "compare with the document", and before publication
    its public address answered 404."""
    user = request.user
    policy.require(user, Act.VIEW_STAFF)
    period = get_object_or_404(PromisePeriod.objects.visible_to(user), pk=pk)
    response = _source_file(period)
    response["Cache-Control"] = "private, no-store"
    return response


def _source_file(period: PromisePeriod) -> FileResponse:
    """`period`'s uploaded document as it was filed: shown in the browser when it can be (PDF,
    text), else downloaded; 404 when it has none or its file is missing."""
    if not period.source_file:
        raise Http404
    name = period.source_file_name
    content_type = mimetypes.guess_type(name)[0]
    inline = content_type in INLINE_TYPES
    with missing_is_404(period.source_file.name):
        stored = period.source_file.open("rb")
    response = FileResponse(
        stored,
        as_attachment=not inline,
        filename=name,
        # A download is only bytes: a saved web page is never sent as text/html (nor an SVG or
        # anything else a browser could run as ours), whatever the disposition.
        content_type=content_type if inline else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
