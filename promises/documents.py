"""The decision proposal (tjänsteutlåtande) and the signing document (medborgarlöftet).

Each is a standalone print page and a PDF made from the same HTML by WeasyPrint. The public
sees them for published periods; staff see them in any state, marked as a draft until decided.
The coordinator writes the proposal's texts before the decision.

The documents read activities through the period's reverse relation by name and the
`progress_tags` template filters, so this app imports nothing from the apps above it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from access import policy
from access.staff import staff_required
from municipalities.roles import Act
from promises import lifecycle, parties
from promises.document_forms import (
    ProposalForm,
    default_proposal,
    municipality_party,
    save_proposal,
    with_area,
)
from promises.editing import EditConflict
from promises.editing_forms import rebind_after_conflict
from promises.models import (
    DecisionProposal,
    Parties,
    PromisePeriod,
    Review,
    ReviewVerdict,
)
from promises.validity import takes_effect_at_signing, validity_label

# Every PDF the portal makes (see `render_pdf`).
PDF_VARIANT = "pdf/a-2a"

# -- Data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Official:
    """An official who signs the decision proposal."""

    name: str
    title: str


@dataclass(frozen=True)
class ActivityRow:
    """An activity of the signing document with the numbers of the promises it serves."""

    activity: object
    serves: str


def _proposal(period: PromisePeriod) -> DecisionProposal:
    """The period's saved proposal (fetched with the period), or one with the default texts."""
    try:
        return period.proposal
    except ObjectDoesNotExist:
        return default_proposal(period)


def _official(line: str) -> Official:
    name, _sep, title = line.partition(",")
    return Official(name.strip(), title.strip())


def _latest_approvals(reviews: list[Review]) -> list[Review]:
    """One approval per approver (their latest), in the order they approved."""
    latest = {review.reviewer_id: review for review in reviews}
    return sorted(latest.values(), key=lambda review: (review.at, review.pk))


def approval_lines(period: PromisePeriod, *, staff: bool) -> list[str]:
    """The approvals of the latest consultation round, one line each.

    Staff read who approved. The public reads only the role the portal records: an approver of
    the period's municipality (which is what approving requires). Officers' names and user
    names are never public; the portal records no body (such as the KLG) behind an approval.
    """
    lines = []
    for review in _latest_approvals(period.approvals):
        day = date_format(timezone.localdate(review.at), "j F Y")
        if staff:
            reviewer = review.reviewer
            lines.append(f"{reviewer.get_full_name() or reviewer.get_username()}, {day}")
        else:
            lines.append(
                gettext("Approved in the consultation by an approver for %(party)s, %(date)s.")
                % {
                    "party": parties.organisation(period),
                    "date": day,
                }
            )
    return lines


def proposal_context(period: PromisePeriod, *, staff: bool = False) -> dict[str, object]:
    """The decision proposal: the promises to adopt, the proposal's texts, the approvals."""
    proposal = _proposal(period)
    label = period.period_label
    promises = list(period.promises.all())
    one_year = period.end_date is not None and period.start_date.year == period.end_date.year
    if period.end_date is None:
        # Open-ended: the label reads "från 2024".
        if promises:
            adopt = gettext(
                "to adopt the following citizen promises, valid %(period)s until further notice:"
            )
        else:
            adopt = gettext(
                "to adopt the citizen promise, valid %(period)s until further notice, with the "
                "following activities:"
            )
    elif not promises:
        # A document made only of activities: they are what is adopted.
        if one_year:
            adopt = gettext(
                "to adopt the citizen promise for the year %(period)s, with the following "
                "activities:"
            )
        else:
            adopt = gettext(
                "to adopt the citizen promise for the years %(period)s, with the following "
                "activities:"
            )
    elif one_year:
        adopt = gettext("to adopt the following citizen promises for the year %(period)s:")
    else:
        adopt = gettext("to adopt the following citizen promises for the years %(period)s:")
    if period.parties == Parties.MUNICIPALITY:
        title = gettext("Citizen promise of %(party)s %(period)s")
    else:
        title = gettext("Citizen promise between the Police and %(party)s %(period)s")
    if proposal.pk is not None:
        document_date = timezone.localdate(proposal.updated_at)
    else:
        document_date = timezone.localdate()
    return {
        "title": title % {"party": municipality_party(period), "period": label},
        "givers": parties.givers(period),
        "adopt": adopt % {"period": label},
        "proposal": proposal,
        "promises": promises,
        # Read only for a document made only of activities (one query then, none otherwise).
        "activities": [] if promises else list(period.activities.all()),
        "approvals": approval_lines(period, staff=staff),
        "officials": [_official(line) for line in proposal.official_lines],
        "document_date": document_date,
    }


def signing_context(period: PromisePeriod, *, staff: bool = False) -> dict[str, object]:
    """The signing document: promises, activities, texts, signatures and later revisions."""
    promises = list(period.promises.all())
    numbers = {promise.pk: number for number, promise in enumerate(promises, start=1)}
    rows = []
    for activity in period.activities.all():
        served = [numbers[p.pk] for p in activity.promises.all() if p.pk in numbers]
        serves = ""
        if served:
            serves = ngettext("Promise %(numbers)s", "Promises %(numbers)s", len(served)) % {
                "numbers": ", ".join(str(n) for n in sorted(served))
            }
        rows.append(ActivityRow(activity, serves))
    signatories = list(period.signatories.all())
    # Who gives the promises, and whether the document is only a list of activities.
    giving = {
        "givers": parties.givers(period),
        "pledge": parties.pledge(period, activities_only=not promises),
        "activities_only": not promises,
    }
    if lifecycle.from_document(period):
        # A document decided and signed outside the portal: only what it states.
        return {
            "title": gettext("Citizen promise in %(party)s %(period)s")
            % {"party": municipality_party(period), "period": period.period_label},
            "intro": gettext(
                "Registered afterwards from its document: decided and signed outside the "
                "portal. Valid %(validity)s."
            )
            % {"validity": validity_label(period)},
            "promises": promises,
            "activities": rows,
            "signatories": signatories,
            "registered": True,
            "is_signed": False,
            "parties": [],
            "revisions": list(period.revisions.all()),
            "extensions": list(period.extensions.all()),
            **giving,
        }
    if period.parties != Parties.JOINT:
        intro = _one_party_intro(period)
    elif not takes_effect_at_signing(period, timezone.localdate()):
        # The validity as the document states it: until further notice, by year, or a stated
        # start other than the signing.
        intro = gettext(
            "Based on the cooperation agreement signed earlier and the situation picture, "
            "%(party)s and the Police formulate citizen promises. They are valid %(validity)s."
        ) % {"party": period.municipality.organisation_name, "validity": validity_label(period)}
    else:
        intro = gettext(
            "Based on the cooperation agreement signed earlier and the situation picture, "
            "%(party)s and the Police formulate citizen promises that take effect from the "
            "signing. They are valid until %(end)s."
        ) % {
            "party": period.municipality.organisation_name,
            "end": date_format(period.end_date, "j F Y"),
        }
    intro = with_area(intro, period)
    return {
        "title": gettext("Citizen promise in %(party)s %(period)s")
        % {"party": municipality_party(period), "period": period.period_label},
        "intro": intro,
        "promises": promises,
        "activities": rows,
        "signatories": signatories,
        # Signed on paper: the recorded names; until then, empty lines to sign on.
        "is_signed": period.signed_date is not None and bool(signatories),
        "parties": parties.signing_parties(period),
        "revisions": list(period.revisions.all()),
        # Each extension, with its own decision: the validity above is the extended one.
        "extensions": list(period.extensions.all()),
        **giving,
    }


def _one_party_intro(period: PromisePeriod) -> str:
    """The opening of a document that one party gives alone (no cooperation agreement is
    cited): who formulates the promises, and their validity as the document states it."""
    if period.parties == Parties.POLICE:
        text = gettext(
            "Based on the situation picture, the Police formulate citizen promises. "
            "They are valid %(validity)s."
        )
    else:
        text = gettext(
            "Based on the situation picture, %(party)s formulates citizen promises. "
            "They are valid %(validity)s."
        )
    return text % {"party": parties.organisation(period), "validity": validity_label(period)}


@dataclass(frozen=True)
class Document:
    """One of the two documents: its template, file name, related rows and context."""

    template: str
    name: str
    file_prefix: str
    prefetch: tuple
    context: Callable[..., dict[str, object]]  # (period, *, staff) -> context


def _approvals() -> Prefetch:
    """Approvals of the period's latest consultation round, with the approvers."""
    return Prefetch(
        "reviews",
        queryset=Review.objects.filter(
            verdict=ReviewVerdict.APPROVE, round=F("period__consultation_round")
        )
        .select_related("reviewer")
        .order_by("at", "pk"),
        to_attr="approvals",
    )


DOCUMENTS: dict[str, Document] = {
    "tjansteutlatande": Document(
        template="promises/documents/tjansteutlatande.html",
        name=_("Decision proposal"),
        file_prefix="tjansteutlatande",
        prefetch=("promises", _approvals),
        context=proposal_context,
    ),
    "medborgarloftet": Document(
        template="promises/documents/medborgarloftet.html",
        name=_("Signing document"),
        file_prefix="medborgarlofte",
        prefetch=(
            "promises",
            "activities__promises",
            "signatories",
            "revisions__changes",
            "extensions",
        ),
        context=signing_context,
    ),
}


def _document(slug: str) -> Document:
    """The document a URL names, or 404."""
    if slug not in DOCUMENTS:
        raise Http404
    return DOCUMENTS[slug]


def document_periods(queryset: QuerySet, document: Document) -> QuerySet:
    """`queryset` with everything `document` shows, in a constant number of queries."""
    lookups = [item() if callable(item) else item for item in document.prefetch]
    return queryset.select_related(
        "municipality", "local_police_area", "proposal"
    ).prefetch_related(*lookups)


# -- Rendering --------------------------------------------------------------------------------


def css_string(text: str) -> str:
    """`text` as a CSS string literal; anything but letters, digits and spaces is escaped."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def page_counter() -> SafeString:
    """The CSS `content` of the page numbers, "Sida 1 av 3", from a translatable sentence."""
    sentence = gettext("Page %(page)s of %(pages)s")
    parts = []
    for piece in re.split(r"(%\(pages?\)s)", sentence):
        if piece == "%(page)s":
            parts.append("counter(page)")
        elif piece == "%(pages)s":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return mark_safe(" ".join(parts))  # every text piece is CSS-escaped above


def NoFetching():  # noqa: N802 - stands for the class, which needs WeasyPrint
    """A URL fetcher refusing every external resource: the documents carry their styles inline.

    WeasyPrint takes seconds to import, so it is imported on the first PDF, not at start-up.
    """
    from weasyprint import URLFetcher

    class _NoFetching(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"The documents load no external resources: {url}")

    return _NoFetching()


@dataclass(frozen=True)
class Links:
    """Where the print page links: back, and to the other format."""

    back: str
    back_label: str
    html: str
    pdf: str


def _context(
    period: PromisePeriod, document: Document, links: Links, *, staff: bool
) -> dict[str, object]:
    context = document.context(period, staff=staff)
    is_draft = staff and lifecycle.documents_are_drafts(period)
    draft_word = gettext("DRAFT")
    title = context["title"]
    return {
        **context,
        "period": period,
        "document": document,
        "links": links,
        "staff": staff,
        "is_draft": is_draft,
        "draft_word": draft_word,
        "page_title": f"{draft_word} – {title}" if is_draft else title,
        "page_counter": page_counter(),
        "draft_mark": mark_safe(css_string(draft_word)),  # CSS-escaped
    }


def _html_response(request, period, document, links, *, staff: bool) -> HttpResponse:
    context = _context(period, document, links, staff=staff)
    return render(request, document.template, context)


def render_pdf(request: HttpRequest | None, context: dict[str, object], template: str) -> bytes:
    """The document as PDF: the print HTML, without the screen links, through WeasyPrint.

    The base address is `SITE_URL`, with a request or without one (a document frozen inside a
    step, e.g. the signed original); the documents fetch nothing from it either way.
    """
    from weasyprint import HTML

    html = render_to_string(template, {**context, "for_pdf": True}, request=request)
    # On SITE_URL, never the Host a request named: a public PDF is kept once in the shared
    # cache whatever host it was asked for under (config.public_cache).
    base_url = settings.SITE_URL + "/"
    # PDF/A-2a: an archival format (fonts embedded, metadata, colour profile) whose level "a"
    # is tagged (headings, lists, tables and the reading order for a screen reader, and the
    # document's language): published documents and the archive's copy are the same file.
    return HTML(string=html, base_url=base_url, url_fetcher=NoFetching()).write_pdf(
        pdf_variant=PDF_VARIANT
    )


def signing_pdf(period: PromisePeriod) -> bytes:
    """The public signing document of `period` as PDF, in the site's language, without a
    request: what is stored as the signed original at signing.

    `period` may carry unsaved changes of the step being taken (state, signing date); its
    related rows are read from the database.
    """
    document = DOCUMENTS["medborgarloftet"]
    lookups = [item() if callable(item) else item for item in document.prefetch]
    prefetch_related_objects([period], *lookups)
    links = _public_links(period, "medborgarloftet")
    with translation.override(settings.LANGUAGE_CODE):
        context = _context(period, document, links, staff=False)
        return render_pdf(None, context, document.template)


def _pdf_response(request, period, document, links, *, staff: bool) -> HttpResponse:
    context = _context(period, document, links, staff=staff)
    response = HttpResponse(
        render_pdf(request, context, document.template), content_type="application/pdf"
    )
    filename = f"{document.file_prefix}-{period.municipality.slug}-{period.slug}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _public_period(slug: str, period_slug: str, document: Document) -> PromisePeriod:
    periods = document_periods(PromisePeriod.objects.published(), document)
    if document is DOCUMENTS["tjansteutlatande"]:
        # The public reads only a proposal somebody wrote, never the default texts (they would
        # claim a consultation that may not have happened).
        periods = periods.filter(proposal__isnull=False)
    return _offered(get_object_or_404(periods, municipality__slug=slug, slug=period_slug), document)


def _offered(period: PromisePeriod, document: Document) -> PromisePeriod:
    """`period`, or 404 when it has no such document: a promise the Police give alone has no
    municipal decision proposal (`lifecycle.has_municipal_proposal`)."""
    if document is DOCUMENTS["tjansteutlatande"] and not lifecycle.has_municipal_proposal(period):
        raise Http404
    return period


def _public_links(period: PromisePeriod, name: str) -> Links:
    args = [period.municipality.slug, period.slug, name]
    return Links(
        back=period.get_absolute_url(),
        back_label=gettext("Back to the citizen promise"),
        html=reverse("promises:document", args=args),
        pdf=reverse("promises:document_pdf", args=args),
    )


def _staff_period(request: HttpRequest, pk: int, document: Document) -> PromisePeriod:
    policy.require(request.user, Act.VIEW_STAFF)
    periods = document_periods(PromisePeriod.objects.visible_to(request.user), document)
    return _offered(get_object_or_404(periods, pk=pk), document)


def _staff_links(period: PromisePeriod, name: str) -> Links:
    return Links(
        back=reverse("promises:staff_period", args=[period.pk]),
        # As the public copy says it: "perioden" is the code's word, not the KLG member's.
        back_label=gettext("Back to the citizen promise"),
        html=reverse("promises:staff_document", args=[period.pk, name]),
        pdf=reverse("promises:staff_document_pdf", args=[period.pk, name]),
    )


# -- Views ------------------------------------------------------------------------------------


@require_safe
def document(request: HttpRequest, slug: str, period_slug: str, document: str) -> HttpResponse:
    """A published period's document as a print page."""
    doc = _document(document)
    period = _public_period(slug, period_slug, doc)
    return _html_response(request, period, doc, _public_links(period, document), staff=False)


@require_safe
def document_pdf(request: HttpRequest, slug: str, period_slug: str, document: str) -> HttpResponse:
    """A published period's document as PDF."""
    doc = _document(document)
    period = _public_period(slug, period_slug, doc)
    return _pdf_response(request, period, doc, _public_links(period, document), staff=False)


@staff_required
@require_safe
def staff_document(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    """A period's document in any state, for staff; marked as a draft until decided."""
    doc = _document(document)
    period = _staff_period(request, pk, doc)
    return _html_response(request, period, doc, _staff_links(period, document), staff=True)


@staff_required
@require_safe
def staff_document_pdf(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    """A period's document in any state as PDF, for staff; marked as a draft until decided."""
    doc = _document(document)
    period = _staff_period(request, pk, doc)
    return _pdf_response(request, period, doc, _staff_links(period, document), staff=True)


@staff_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator writes the decision proposal's texts, until the period is signed."""
    policy.require(request.user, Act.EDIT_PROPOSAL)
    periods = PromisePeriod.objects.editable_by(request.user).select_related(
        "municipality", "proposal"
    )
    period = get_object_or_404(periods, pk=pk)
    policy.require(request.user, Act.EDIT_PROPOSAL, period)
    proposal = _proposal(period)
    if request.method == "POST":
        form = ProposalForm(request.POST, instance=proposal)
        if form.is_valid():
            try:
                save_proposal(form.instance, form.cleaned_data["edit_version"], user=request.user)
            except EditConflict as conflict:
                form = rebind_after_conflict(ProposalForm, request.POST, conflict.current)
            else:
                messages.success(request, gettext("The decision proposal was saved."))
                return redirect("promises:staff_period", pk=period.pk)
    else:
        form = ProposalForm(instance=proposal)
    context = {
        "period": period,
        "form": form,
        "preview_url": reverse("promises:staff_document", args=[period.pk, "tjansteutlatande"]),
    }
    return render(request, "promises/documents/proposal_edit.html", context)
