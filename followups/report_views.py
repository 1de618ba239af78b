"""Staff pages of the reports: a period's reports; draft, edit, publish and correct one.

Everyone with a role in the municipality reads them (`view_staff`); its coordinators (and
administrators) draft, publish and correct them (`publish_reports`) once the period is signed,
as the state machine says (`lifecycle.followed_up`). Each view: scope and fetch (404 outside),
ask the policy (403), validate, act, message, redirect.
"""

import contextlib
import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from access import policy
from access.staff import staff_required
from followups import reports, services
from followups.models import Report, ReportKind
from followups.report_forms import CorrectionForm, DraftReportForm, DraftTextsForm, PublishForm
from municipalities.roles import Act
from promises.editing import EditConflict, Repeated
from promises.editing_forms import SENT_TWICE, rebind_after_conflict
from promises.models import PromisePeriod


def _period(request: HttpRequest, pk: int, act: str) -> PromisePeriod:
    """A period the user sees (404 otherwise) on which they may `act` (403)."""
    policy.require(request.user, act)
    periods = PromisePeriod.objects.visible_to(request.user).with_place()
    period = get_object_or_404(periods, pk=pk)
    policy.require(request.user, act, period)
    return period


def _report(request: HttpRequest, pk: int, act: str) -> Report:
    """A report of a period the user sees (404 otherwise) on which they may `act` (403)."""
    policy.require(request.user, act)
    reports_ = Report.objects.filter(
        period__in=PromisePeriod.objects.visible_to(request.user)
    ).select_related("period__municipality", "period__local_police_area")
    report = get_object_or_404(reports_, pk=pk)
    policy.require(request.user, act, report)
    return report


@staff_required
@require_safe
def report_list(request: HttpRequest, pk: int) -> HttpResponse:
    """A period's reports: drafts first, then the published ones, newest first."""
    period = _period(request, pk, Act.VIEW_STAFF)
    all_reports = list(period.reports.order_by("-created_at", "-pk"))
    context = {
        "period": period,
        "drafts": [r for r in all_reports if r.is_draft],
        "published": [r for r in all_reports if not r.is_draft],
    }
    return render(request, "followups/report_list.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Draft a report for a span: its texts are drafted from the figures and the meetings."""
    period = _period(request, pk, Act.PUBLISH_REPORTS)
    form = DraftReportForm(request.POST or None, period=period, initial=_span_asked(request))
    if request.method == "POST" and form.is_valid():
        try:
            report = services.draft_report(period, request.user, **form.cleaned_data)
        except Repeated as repeated:
            messages.info(request, SENT_TWICE)
            return redirect("followups:report_edit", pk=repeated.existing.pk)
        except services.SameSpan as same:
            # Made by another request at the same moment: said as the form says it.
            messages.info(request, _("A report of the same kind and span was just made."))
            return redirect("followups:report_detail", pk=same.existing.pk)
        messages.success(request, _("The report was drafted. Check and edit its texts."))
        return redirect("followups:report_edit", pk=report.pk)
    return render(request, "followups/report_create.html", {"period": period, "form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def report_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a draft report after confirmation; a published one is corrected instead."""
    report = _report(request, pk, Act.PUBLISH_REPORTS)
    if not report.is_draft:
        return _not_a_draft(request, report)
    if request.method == "POST":
        try:
            services.discard_draft(report, request.user)
        except services.ReportStateError:
            return _not_a_draft(request, report)
        messages.success(request, _("The draft %(title)s was deleted.") % {"title": report.title})
        return redirect("followups:report_list", pk=report.period_id)
    context = {"report": report, "period": report.period}
    return render(request, "followups/report_discard.html", context)


def _span_asked(request: HttpRequest) -> dict:
    """The kind and span a link asks for (the start page's "write the report" for a tertial
    due): `?typ=tertial&fran=2026-01-01&till=2026-04-30`; anything unreadable is left out."""
    initial = {}
    if request.GET.get("typ") in ReportKind.values:
        initial["kind"] = request.GET["typ"]
    for name, field in (("fran", "covers_from"), ("till", "covers_to")):
        with contextlib.suppress(ValueError):
            initial[field] = datetime.date.fromisoformat(request.GET.get(name, ""))
    return initial


@staff_required
@require_safe
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One report as staff see it: a draft with its figures as they stand now, or as published."""
    report = _report(request, pk, Act.VIEW_STAFF)
    context = {
        "report": report,
        "period": report.period,
        "rows": reports.report_rows(report, timezone.localdate()),
        "later_counts": reports.later_counts(report, timezone.localdate()),
    }
    return render(request, "followups/report_detail.html", context)


def _not_a_draft(request: HttpRequest, report: Report) -> HttpResponse:
    if not Report.objects.filter(pk=report.pk).exists():
        # Deleted while this page was open (a colleague discarded the draft).
        messages.info(request, _("The draft was deleted meanwhile: nothing was saved."))
        return redirect("followups:report_list", pk=report.period_id)
    messages.info(request, _("The report is already published: publish a correction instead."))
    return redirect("followups:report_detail", pk=report.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft's title and text."""
    report = _report(request, pk, Act.PUBLISH_REPORTS)
    if not report.is_draft:
        return _not_a_draft(request, report)
    initial = {"title": report.title, "body": report.body, "edit_version": report.edit_version}
    form = DraftTextsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = form.cleaned_data
        try:
            services.update_report(
                report,
                request.user,
                title=fields["title"],
                body=fields["body"],
                expected_version=fields["edit_version"],
            )
        except services.ReportStateError:
            return _not_a_draft(request, report)
        except EditConflict as conflict:
            # Somebody saved the draft meanwhile: their text is shown beside the typed one.
            form = rebind_after_conflict(DraftTextsForm, request.POST, conflict.current)
        else:
            messages.success(request, _("The report was saved."))
            return redirect("followups:report_detail", pk=report.pk)
    context = {"report": report, "period": report.period, "form": form}
    return render(request, "followups/report_edit.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a draft: its figures and PDF are frozen as they stand now."""
    report = _report(request, pk, Act.PUBLISH_REPORTS)
    if not report.is_draft:
        return _not_a_draft(request, report)
    changed = False
    if request.method == "POST":
        form = PublishForm(request.POST)
        try:
            if not form.is_valid():
                raise EditConflict(report)  # no version: not known to be the text shown
            services.publish_report(
                report, request.user, expected_version=form.cleaned_data["edit_version"]
            )
        except services.ReportStateError:
            return _not_a_draft(request, report)
        except EditConflict as conflict:
            # Changed since the page was shown: shown again as it is now, to be read first.
            report, changed = conflict.current, True
        else:
            messages.success(request, _("The report was published."))
            return redirect("followups:report_detail", pk=report.pk)
    context = {
        "report": report,
        "period": report.period,
        "rows": reports.report_rows(report, timezone.localdate()),
        "changed": changed,
    }
    return render(request, "followups/report_publish.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def report_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a corrected version of a published report, with a reason."""
    report = _report(request, pk, Act.PUBLISH_REPORTS)
    initial = {"title": report.title, "body": report.body}
    # What counting the figures anew would change (a log entered late, say): shown, and the
    # coordinator chooses.
    counted = [] if report.is_draft else reports.frozen_figures(report, timezone.localdate())[0]
    changes = reports.figure_changes(report.figures, counted) if counted else []
    form = CorrectionForm(request.POST or None, initial=initial, changes=changes)
    # The lines of the text that quote the figures that changed: to check against the choice.
    form.lines_to_check = (
        reports.lines_naming_changed(report.body, report.figures, counted) if changes else []
    )
    # The form sent twice (a double click, a resent page): the correction the first made.
    sent = form.is_valid() and form.cleaned_data.get("idempotency_key")
    first = sent and report.period.reports.filter(idempotency_key=sent).first()
    if first:
        messages.info(request, SENT_TWICE)
        return redirect("followups:report_detail", pk=first.pk)
    if report.is_draft or report.replaced_by_id is not None:
        messages.info(request, _("Only the latest published version of a report is corrected."))
        return redirect("followups:report_detail", pk=report.pk)
    if request.method == "POST" and form.is_valid():
        try:
            correction = services.correct_report(report, request.user, **form.cleaned_data)
        except Repeated as repeated:
            messages.info(request, SENT_TWICE)
            return redirect("followups:report_detail", pk=repeated.existing.pk)
        except services.ReportStateError:
            messages.info(request, _("Only the latest published version of a report is corrected."))
            return redirect("followups:report_detail", pk=report.pk)
        messages.success(request, _("The corrected version was published."))
        return redirect("followups:report_detail", pk=correction.pk)
    context = {"report": report, "period": report.period, "form": form}
    return render(request, "followups/report_correct.html", context)
