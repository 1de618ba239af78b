"""Published reports as print pages and PDF, and the signed original of a period's document.

A report's print page and PDF use the signing document's machinery and style
(`promises.documents`: the base template, its CSS, WeasyPrint without external resources). The
PDF is rendered once, at publication, and served as stored (`followups.frozen`); so is the
signing document's original, stored at signing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from config.stored_files import missing_is_404
from followups import frozen, reports
from followups.models import Report, SignedOriginal
from promises import parties
from promises.documents import Links, css_string, page_counter, render_pdf
from promises.models import PromisePeriod

TEMPLATE = "followups/report_document.html"


@dataclass(frozen=True)
class ReportDocument:
    """What the documents' base template reads of the document: its name."""

    name: str


def report_links(report: Report) -> Links:
    period = report.period
    args = [period.municipality.slug, period.slug, report.pk]
    return Links(
        back=f"{period.get_absolute_url()}#redovisning-{report.pk}",
        back_label=gettext("Back to the citizen promise"),
        html=reverse("followups:report_document", args=args),
        pdf=reverse("followups:report_pdf", args=args),
    )


def report_context(report: Report, rows: list[dict], links: Links) -> dict[str, object]:
    """The report as a document: texts, frozen figures, and the documents' frame."""
    draft_word = gettext("DRAFT")
    is_draft = report.is_draft
    return {
        "report": report,
        "rows": rows,
        "period": report.period,
        # Who reports: the parties that give the promises (the Police alone, for a district).
        "givers": parties.givers(report.period),
        "document": ReportDocument(gettext("Report")),
        "links": links,
        "staff": False,
        "is_draft": is_draft,
        "draft_word": draft_word,
        "page_title": f"{draft_word} – {report.title}" if is_draft else report.title,
        "page_counter": page_counter(),
        "draft_mark": mark_safe(css_string(draft_word)),  # CSS-escaped
    }


def report_pdf(report: Report) -> bytes:
    """The report as PDF in the site's language, from its stored rows (frozen at publication)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = report_context(report, report.figures, report_links(report))
        return render_pdf(None, context, TEMPLATE)


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _public_report(slug: str, period_slug: str, pk: int) -> Report:
    reports = Report.objects.published().select_related(
        "period__municipality", "period__local_police_area"
    )
    return get_object_or_404(
        reports, pk=pk, period__municipality__slug=slug, period__slug=period_slug
    )


@require_safe
def report_document(request: HttpRequest, slug: str, period_slug: str, pk: int) -> HttpResponse:
    """A published report as a print page: its texts and the figures frozen at publication."""
    report = _public_report(slug, period_slug, pk)
    context = report_context(report, report.figures, report_links(report))
    context["later_counts"] = reports.later_counts(report, timezone.localdate())
    return render(request, TEMPLATE, context)


@require_safe
def report_pdf_view(request: HttpRequest, slug: str, period_slug: str, pk: int) -> HttpResponse:
    """A published report's PDF, as stored at publication (checksum verified)."""
    report = _public_report(slug, period_slug, pk)
    filename = f"redovisning-{slug}-{period_slug}-{report.pk}.pdf"
    if not report.pdf:
        # Published before PDFs were stored (imported reports): made from the stored texts.
        return _pdf_response(report_pdf(report), filename)
    with missing_is_404(report.pdf.name):
        data = frozen.verified(report.pdf, report.pdf_sha256)
    return _pdf_response(data, filename)


@require_safe
def signed_original(request: HttpRequest, slug: str, period_slug: str) -> HttpResponse:
    """The signing document's PDF exactly as it was stored at signing (checksum verified)."""
    originals = SignedOriginal.objects.filter(period__in=PromisePeriod.objects.published())
    original = get_object_or_404(
        originals, period__municipality__slug=slug, period__slug=period_slug
    )
    if not original.pdf:
        raise Http404
    with missing_is_404(original.pdf.name):
        data = frozen.verified(original.pdf, original.sha256)
    return _pdf_response(data, f"medborgarlofte-{slug}-{period_slug}-original.pdf")
