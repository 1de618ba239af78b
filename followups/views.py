"""Public feeds and open data of the followups app."""

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render

from activities.progress import COUNTING_RULE
from followups import opendata
from followups.feeds import UpdatesFeed
from municipalities.models import Municipality

_updates_feed = UpdatesFeed()


def feed(request: HttpRequest) -> HttpResponse:
    """Atom feed of signed periods, follow-up summaries and reports in the whole country."""
    return _updates_feed(request)


def municipality_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """Atom feed of one municipality; 404 for an unknown municipality."""
    return _updates_feed(request, slug=slug)


def open_data(request: HttpRequest) -> HttpResponse:
    """What is offered as open data: datasets, columns, formats, licence, download links."""
    municipalities = list(Municipality.objects.order_by("name").only("name", "slug"))
    chosen_slug = request.GET.get("kommun", "")
    chosen = next((m for m in municipalities if m.slug == chosen_slug), None)
    context = {
        "datasets": opendata.DATASETS,
        "formats": list(opendata.FORMATS),
        "code_lists": opendata.code_lists(),
        "counting_rule": COUNTING_RULE,
        "municipalities": municipalities,
        "chosen": chosen,
        "list_separator": opendata.LIST_SEPARATOR,
    }
    return render(request, "followups/open_data.html", context)


def _download(
    request: HttpRequest, municipality: Municipality | None, dataset_slug: str, fmt_name: str
) -> StreamingHttpResponse:
    dataset = opendata.DATASETS_BY_SLUG.get(dataset_slug)
    fmt = opendata.FORMATS.get(fmt_name)
    if dataset is None or fmt is None:
        raise Http404("No such dataset or format.")
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = StreamingHttpResponse(
        opendata.export(dataset, fmt, municipality, base_url), content_type=fmt.content_type
    )
    name = opendata.filename(dataset, fmt, municipality)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def open_data_download(request: HttpRequest, dataset: str, fmt: str) -> StreamingHttpResponse:
    """One national dataset as CSV or JSON, streamed."""
    return _download(request, None, dataset, fmt)


def municipality_open_data_download(
    request: HttpRequest, slug: str, dataset: str, fmt: str
) -> StreamingHttpResponse:
    """One dataset of one municipality as CSV or JSON, streamed; 404 for an unknown one."""
    municipality = get_object_or_404(Municipality, slug=slug)
    return _download(request, municipality, dataset, fmt)
