"""The coordinator's activity editor: add, change, reorder and delete a period's activities.

Each view lets through staff signed in with both factors, then asks the access policy
(`access.policy`): a role that never edits is refused (403), activities are fetched through
`editable_by` (404 outside the coordinator's municipalities), and a period whose state allows no
edits is refused (403). In a draft, edits are free; after signing, every save is a revision
with a kind and a reason, shown in the public change log. Reordering and deleting are for
drafts only: after signing an activity is cancelled through its status instead.
"""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access import policy
from access.staff import staff_required
from activities import services
from activities.editor_forms import ActivityForm, MoveForm
from activities.models import Activity
from municipalities.roles import Act
from promises import lifecycle
from promises.editing import EditConflict
from promises.editing_forms import (
    RevisionForm,
    all_valid,
    rebind_after_conflict,
    revision_form_for,
    revision_from,
)
from promises.models import PromisePeriod


def _editable_activities(user) -> QuerySet[Activity]:
    """Activities of the periods `user` edits, with period and place."""
    return Activity.objects.filter(
        period__in=PromisePeriod.objects.editable_by(user)
    ).select_related("period__municipality")


def _activity_for(request: HttpRequest, pk: int, act: str) -> Activity:
    """An activity the user edits (404 otherwise) whose period's state allows `act` (403)."""
    policy.require(request.user, act)
    activity = get_object_or_404(_editable_activities(request.user), pk=pk)
    policy.require(request.user, act, activity)
    return activity


def _period_url(activity: Activity) -> str:
    url = reverse("promises:staff_period", args=[activity.period_id])
    return f"{url}#aktivitet-{activity.pk}"


def _revision_form(request: HttpRequest, period: PromisePeriod) -> RevisionForm | None:
    """The kind and reason of the change, asked for only when the period is signed."""
    data = request.POST if request.method == "POST" else None
    return revision_form_for(data, lifecycle.needs_revision(period))


def _warn_text_target(request: HttpRequest, form: ActivityForm) -> None:
    """After a save: warn (without undoing it) when the text states another number."""
    warning = form.text_target_warning()
    if warning:
        messages.warning(request, warning)


def _render_form(
    request: HttpRequest, form: ActivityForm, revision_form, period, activity=None
) -> HttpResponse:
    """The editor page, for a new activity or an existing one."""
    if activity is None:
        heading = _("New activity")
        action = reverse("activities:activity_create", args=[period.pk])
    else:
        heading = _("Edit activity")
        action = reverse("activities:activity_edit", args=[activity.pk])
    context = {
        "form": form,
        "revision_form": revision_form,
        "period": period,
        "activity": activity,
        "heading": heading,
        "action": action,
        "target_preview": form.target_preview(),
        "target_warning": form.text_target_warning(),
    }
    return render(request, "activities/editor/activity_form.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an activity at the end of a period's list; after signing, as a revision."""
    user = request.user
    policy.require(user, Act.EDIT)
    period = get_object_or_404(
        PromisePeriod.objects.editable_by(user).select_related("municipality"), pk=pk
    )
    policy.require(user, Act.EDIT, period)
    revision_form = _revision_form(request, period)
    instance = Activity(period=period)
    if request.method == "POST":
        form = ActivityForm(request.POST, instance=instance, period=period)
        if all_valid(form, revision_form):
            activity, recorded = services.create_activity(
                form.instance,
                period=period,
                user=user,
                promises=form.cleaned_data["promises"],
                revision=revision_from(revision_form),
            )
            text = _("Added: %(title)s.") % {"title": activity.title}
            if recorded is not None:
                text = _("Added: %(title)s, as revision %(number)s in the public change log.") % {
                    "title": activity.title,
                    "number": recorded.number,
                }
            messages.success(request, text)
            _warn_text_target(request, form)
            return redirect(_period_url(activity))
    else:
        form = ActivityForm(instance=instance, period=period)
    return _render_form(request, form, revision_form, period)


@staff_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change an activity and its target; a stale save is a conflict, after signing a revision."""
    user = request.user
    activity = _activity_for(request, pk, Act.EDIT)
    period = activity.period
    revision_form = _revision_form(request, period)
    if request.method == "POST":
        form = ActivityForm(request.POST, instance=activity, period=period)
        if all_valid(form, revision_form):
            try:
                saved, recorded = services.save_activity(
                    form.instance,
                    user=user,
                    expected_version=form.cleaned_data["edit_version"],
                    promises=form.cleaned_data["promises"],
                    revision=revision_from(revision_form),
                )
            except EditConflict as conflict:
                form = rebind_after_conflict(
                    ActivityForm, request.POST, conflict.current, period=period
                )
            else:
                if recorded is not None:
                    messages.success(
                        request,
                        _("Saved: %(title)s, as revision %(number)s in the public change log.")
                        % {"title": activity.title, "number": recorded.number},
                    )
                elif saved:
                    messages.success(request, _("Saved: %(title)s.") % {"title": activity.title})
                else:
                    messages.info(request, _("Nothing was changed."))
                _warn_text_target(request, form)
                return redirect(_period_url(activity))
    else:
        form = ActivityForm(instance=activity, period=period)
    return _render_form(request, form, revision_form, period, activity)


def _next_url(request: HttpRequest, default: str) -> str:
    """Where to go back to: a page of this site the form named (a path), else `default`."""
    url = request.POST.get("next", "")
    # Only a path: a bare word would be taken for a URL name by `redirect`.
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


@staff_required
@require_POST
def activity_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an activity up or down in its draft period's list."""
    activity = _activity_for(request, pk, Act.EDIT_DRAFT)
    form = MoveForm(request.POST)
    # An unknown direction is answered as the promise editor does: a message, nothing moved.
    if not form.is_valid():
        messages.error(request, _("Choose up or down."))
    elif services.move_activity(activity, form.cleaned_data["direction"], user=request.user):
        messages.success(request, _("Moved: %(title)s.") % {"title": activity.title})
    return redirect(_next_url(request, _period_url(activity)))


@staff_required
@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete an activity of a draft, after confirmation; signed periods cancel instead."""
    user = request.user
    activity = _activity_for(request, pk, Act.EDIT_DRAFT)
    period = activity.period
    has_logs = activity.logs.exists()
    if request.method == "POST":
        try:
            services.delete_activity(activity, user)
        except services.ActivityHasLogs:
            messages.error(request, _("An activity with logs cannot be deleted."))
            return redirect("activities:activity_edit", pk=activity.pk)
        messages.success(request, _("Deleted: %(title)s.") % {"title": activity.title})
        return redirect("promises:staff_period", pk=period.pk)
    context = {"activity": activity, "period": period, "has_logs": has_logs}
    return render(request, "activities/editor/activity_delete.html", context)
