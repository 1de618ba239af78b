"""Staff pages of the coordinator's editor: new, copied and edited periods, and their promises.

Every view lets through only users signed in with both factors (`staff_required`), then asks
the access policy (`access.policy`): a role that never edits is refused (403), periods are
fetched through the coordinator's scope (404 outside it), and a change the period's state does
not allow is refused (403): a draft changes freely, a signed period through revisions with a
reason, a period in consultation, decided or closed not at all. Saves are versioned: of two
people saving the same version, the second is told who saved, sees the saved values, and keeps
their text.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access import policy
from access.staff import staff_required
from municipalities.models import LocalPoliceArea, Municipality
from municipalities.roles import Act
from promises import copy_review, lifecycle, services
from promises.editing import UP, EditConflict
from promises.editing_forms import (
    RevisionForm,
    all_valid,
    rebind_after_conflict,
    revision_form_for,
    revision_from,
)
from promises.forms import (
    MoveForm,
    PeriodCopyForm,
    PeriodCreateForm,
    PeriodEditForm,
    PeriodFieldsForm,
    PromiseEditForm,
    PromiseForm,
)
from promises.lifecycle import needs_revision
from promises.models import (
    PERIOD_CONTACT_FIELDS,
    PERIOD_CONTACT_PUBLIC,
    PERIOD_TEXT_FIELDS,
    Promise,
    PromisePeriod,
)

# The fields whose saved values a revision compares with the new ones.
REVISED_PERIOD_FIELDS = (*PERIOD_TEXT_FIELDS, *PERIOD_CONTACT_FIELDS, PERIOD_CONTACT_PUBLIC)


def _hub_url(period_id: int, promise_id: int | None = None) -> str:
    url = reverse("promises:staff_period", args=[period_id])
    return f"{url}#lofte-{promise_id}" if promise_id else url


def _coordinated_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities where `user` may start a period (coordinators'; administrators: all)."""
    return Municipality.objects.filter(
        policy.scope_q(user, Act.CREATE_PERIOD, field="id")
    ).order_by("name")


def _police_areas(municipalities: QuerySet[Municipality]) -> QuerySet[LocalPoliceArea]:
    """The local police areas covering any of `municipalities`."""
    return (
        LocalPoliceArea.objects.filter(municipalities__in=municipalities)
        .distinct()
        .order_by("name")
    )


def _editable_periods(user) -> QuerySet[PromisePeriod]:
    return PromisePeriod.objects.editable_by(user).with_place()


def _period_for_edit(
    request: HttpRequest, pk: int, act: str = Act.EDIT, *, related: tuple[str, ...] = ()
) -> PromisePeriod:
    """A period the user coordinates (404 otherwise) whose state allows `act` (403 otherwise)."""
    policy.require(request.user, act)
    period = get_object_or_404(_editable_periods(request.user).prefetch_related(*related), pk=pk)
    policy.require(request.user, act, period)
    return period


def _promise_for_edit(request: HttpRequest, pk: int, act: str = Act.EDIT) -> Promise:
    """A promise of a period the user coordinates (404) whose state allows `act` (403)."""
    policy.require(request.user, act)
    promises = Promise.objects.filter(
        period__in=PromisePeriod.objects.editable_by(request.user)
    ).select_related("period__municipality", "period__local_police_area")
    promise = get_object_or_404(promises, pk=pk)
    policy.require(request.user, act, promise)
    return promise


def _revision_form(request: HttpRequest, period: PromisePeriod) -> RevisionForm | None:
    """The kind and reason of the change, asked for only when the period is signed."""
    data = request.POST if request.method == "POST" else None
    return revision_form_for(data, needs_revision(period))


@staff_required
@require_http_methods(["GET", "POST"])
def period_create(request: HttpRequest) -> HttpResponse:
    """Create a draft period, empty or started from an earlier one."""
    policy.require(request.user, Act.CREATE_PERIOD)
    user = request.user
    municipalities = _coordinated_municipalities(user)
    form_kwargs = {
        "municipalities": municipalities,
        "local_police_areas": (
            LocalPoliceArea.objects.order_by("name")
            if user.is_superuser
            else _police_areas(municipalities)
        ),
        "earlier_periods": _editable_periods(user).order_by(
            "municipality__name", "-start_date", "area_name", "pk"
        ),
    }
    if request.method == "POST":
        form = PeriodCreateForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                period = services.create_period(
                    form.instance, user=user, start_from=form.cleaned_data["start_from"]
                )
            except IntegrityError:
                # Somebody took the address between the check and the save.
                form.add_error("slug", _("This address was just taken. Choose another."))
            else:
                messages.success(
                    request, _("Created the draft %(period)s.") % {"period": str(period)}
                )
                return redirect("promises:staff_period", pk=period.pk)
    else:
        form = PeriodCreateForm(**form_kwargs)
    return render(request, "promises/editor/period_create.html", {"form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def period_copy(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a new draft from an earlier period: its texts, promises and activities."""
    policy.require(request.user, Act.CREATE_PERIOD)
    user = request.user
    source = get_object_or_404(_editable_periods(user).prefetch_related("promises"), pk=pk)
    if not lifecycle.copyable(source):
        messages.error(
            request,
            _(
                "A citizen promise being registered is copied once it is registered: finish "
                "it first."
            ),
        )
        return redirect("promises:staff_period", pk=source.pk)
    if request.method == "POST":
        form = PeriodCopyForm(request.POST, source=source)
        if form.is_valid():
            try:
                period = services.copy_period(
                    source,
                    user=user,
                    slug=form.cleaned_data["slug"],
                    start_date=form.cleaned_data["start_date"],
                    end_date=form.cleaned_data["end_date"],
                    year_only=form.cleaned_data.get("year_only", False),
                )
            except IntegrityError:
                form.add_error("slug", _("This address was just taken. Choose another."))
            else:
                messages.success(
                    request,
                    _("Created the draft %(period)s from %(source)s.")
                    % {"period": str(period), "source": str(source)},
                )
                return redirect("promises:staff_period", pk=period.pk)
    else:
        form = PeriodCopyForm(source=source)
    context = {
        "source": source,
        "promises": list(source.promises.all()),
        "activity_count": source.activities.count(),
        "form": form,
    }
    return render(request, "promises/editor/period_copy.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def period_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a period's facts and texts (a draft), or its texts as a revision (signed)."""
    period = _period_for_edit(request, pk, related=("promises__themes",))
    user = request.user
    # Read before the form changes the instance: the heading, and the values a revision compares.
    period_name = str(period)
    before = {name: getattr(period, name) for name in REVISED_PERIOD_FIELDS}
    promises = list(period.promises.all())
    form_kwargs = {
        "texts_only": needs_revision(period),
        "local_police_areas": LocalPoliceArea.objects.filter(
            municipalities=period.municipality_id
        ).order_by("name"),
    }
    revision_form = _revision_form(request, period)
    if request.method == "POST":
        form = PeriodEditForm(request.POST, instance=period, **form_kwargs)
        changes = []
        if form.is_valid() and revision_form is not None:
            labels = {name: PeriodFieldsForm.base_fields[name].label for name in before}
            changes = services.period_changes(before, period, labels)
        # A revision, with its reason, only where the promise's texts change: a new contact
        # person is saved as it is.
        asked = revision_form if changes else None
        if form.is_valid() and all_valid(asked):
            revision = revision_from(asked)
            try:
                services.save_edit(
                    period,
                    form.cleaned_data["edit_version"],
                    user=user,
                    period=period,
                    revision=revision,
                    changes=changes,
                )
            except EditConflict as conflict:
                form = rebind_after_conflict(
                    PeriodEditForm, request.POST, conflict.current, **form_kwargs
                )
            else:
                messages.success(request, _("Saved %(period)s.") % {"period": str(period)})
                return redirect("promises:staff_period", pk=period.pk)
    else:
        form = PeriodEditForm(instance=period, **form_kwargs)
    context = {
        "period": period,
        "period_name": period_name,
        "promises": promises,
        "can_reorder": policy.may(user, Act.EDIT_DRAFT, period),
        "form": form,
        "revision_form": revision_form,
    }
    return render(request, "promises/editor/period_edit.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def promise_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a promise at the end of a period's list; after signing, as a revision."""
    period = _period_for_edit(request, pk)
    revision_form = _revision_form(request, period)
    if request.method == "POST":
        form = PromiseForm(request.POST, instance=Promise(period=period))
        if all_valid(form, revision_form):
            promise = form.save(commit=False)
            services.add_promise(
                promise,
                user=request.user,
                save_m2m=form.save_m2m,
                revision=revision_from(revision_form),
            )
            messages.success(request, _("Added the promise %(title)s.") % {"title": promise.title})
            return redirect(_hub_url(period.pk, promise.pk))
    else:
        form = PromiseForm()
    context = {"period": period, "form": form, "revision_form": revision_form}
    return render(request, "promises/editor/promise_create.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def promise_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a promise's title, description and themes; after signing, as a revision."""
    promise = _promise_for_edit(request, pk)
    period = promise.period
    before = {
        "title": promise.title,
        "description": promise.description,
        "themes": list(promise.themes.all()),
    }
    revision_form = _revision_form(request, period)
    if request.method == "POST":
        form = PromiseEditForm(request.POST, instance=promise)
        if all_valid(form, revision_form):
            form.save(commit=False)
            revision = revision_from(revision_form)
            changes = []
            if revision is not None:
                labels = {name: PromiseForm.base_fields[name].label for name in before}
                changes = services.promise_changes(
                    before, promise, form.cleaned_data["themes"], labels
                )
            try:
                services.save_edit(
                    promise,
                    form.cleaned_data["edit_version"],
                    user=request.user,
                    period=period,
                    revision=revision,
                    changes=changes,
                    save_m2m=form.save_m2m,
                )
            except EditConflict as conflict:
                form = rebind_after_conflict(PromiseEditForm, request.POST, conflict.current)
            else:
                messages.success(
                    request, _("Saved the promise %(title)s.") % {"title": promise.title}
                )
                return redirect(_hub_url(period.pk, promise.pk))
    else:
        form = PromiseEditForm(instance=promise)
    context = {
        "period": period,
        "promise_title": before["title"],
        "promise": promise,
        "form": form,
        "revision_form": revision_form,
    }
    return render(request, "promises/editor/promise_edit.html", context)


@staff_required
@require_POST
def promise_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a draft's promise one step up or down the list."""
    # Reordering and deleting promises: only in a draft.
    promise = _promise_for_edit(request, pk, Act.EDIT_DRAFT)
    form = MoveForm(request.POST)
    words = {"title": promise.title}
    if not form.is_valid():
        messages.error(request, _("Choose whether to move the promise up or down."))
    elif services.move_promise(promise, form.cleaned_data["direction"], user=request.user):
        if form.cleaned_data["direction"] == UP:
            messages.success(request, _("Moved %(title)s up.") % words)
        else:
            messages.success(request, _("Moved %(title)s down.") % words)
    elif form.cleaned_data["direction"] == UP:
        messages.info(request, _("%(title)s is already first.") % words)
    else:
        messages.info(request, _("%(title)s is already last.") % words)
    # Back to the page the button was on: the period page or its editor.
    editor = reverse("promises:period_edit", args=[promise.period_id])
    back = editor if request.POST.get("next") == editor else _hub_url(promise.period_id)
    return redirect(f"{back.split('#')[0]}#lofte-{promise.pk}")


@staff_required
@require_http_methods(["GET", "POST"])
def promise_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a draft's promise after confirmation; the history keeps a record of it."""
    # Reordering and deleting promises: only in a draft.
    promise = _promise_for_edit(request, pk, Act.EDIT_DRAFT)
    if request.method == "POST":
        period_id, title = promise.period_id, promise.title
        services.delete_promise(promise, user=request.user)
        messages.success(request, _("Deleted the promise %(title)s.") % {"title": title})
        return redirect("promises:staff_period", pk=period_id)
    context = {
        "period": promise.period,
        "promise": promise,
        "activities": list(promise.activities.order_by("position", "pk")),
    }
    return render(request, "promises/editor/promise_delete.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def period_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a draft never sent for consultation after confirmation: a false start, or a
    second draft of the same document."""
    period = _period_for_edit(request, pk, Act.DELETE_DRAFT, related=("promises",))
    if request.method == "POST":
        name = str(period)
        try:
            services.delete_draft(period, user=request.user)
        except services.NotDeletable:
            messages.error(request, _("This draft can no longer be deleted."))
            return redirect("promises:staff_period", pk=period.pk)
        messages.success(request, _("Deleted the draft %(period)s.") % {"period": name})
        return redirect("activities:staff_home")
    context = {
        "period": period,
        "promises": list(period.promises.all()),
        "activity_count": period.activities.count(),
    }
    return render(request, "promises/editor/period_delete.html", context)


@staff_required
@require_POST
def copy_review_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm a copied text that names a year, a date or a period as right as it stands."""
    period = _period_for_edit(request, pk, Act.EDIT_DRAFT)
    if copy_review.confirm(period, request.POST.get("key", ""), user=request.user):
        messages.success(request, _("The text was marked as reviewed."))
    else:
        messages.info(request, _("The text was already reviewed."))
    return redirect(reverse("promises:staff_period", args=[period.pk]) + "#granska")
