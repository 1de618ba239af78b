"""Public feeds and open data of the followups app."""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, urlencode
from django.utils.text import capfirst, slugify
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from activities.filters import ActivityFilter
from activities.models import Activity
from activities.progress import COUNTING_RULE
from config import page_cache, public_cache
from followups import opendata
from followups.feeds import FollowUpFeed, UpdatesFeed
from followups.models import FollowUpMeeting, MeetingStatus
from municipalities.models import County, Municipality
from municipalities.search import swedish_sort_key
from promises.filters import PromiseFilter, legacy_redirect
from promises.models import Promise

_updates_feed = UpdatesFeed()
_follow_up_feed = FollowUpFeed()


def feed(request: HttpRequest) -> HttpResponse:
    """Atom feed of signed periods, follow-up summaries and reports in the whole country."""
    return _updates_feed(request)


def municipality_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """Atom feed of one municipality; 404 for an unknown municipality."""
    return _updates_feed(request, slug=slug)


def follow_up_feed(request: HttpRequest) -> HttpResponse:
    """Atom feed of the follow-up meetings and reports alone, in the whole country."""
    return _follow_up_feed(request)


def municipality_follow_up_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """Atom feed of one municipality's follow-up meetings and reports alone; 404 for an unknown
    municipality."""
    return _follow_up_feed(request, slug=slug)


def open_data(request: HttpRequest) -> HttpResponse:
    """What is offered as open data: datasets, columns, formats, licence, download links."""
    # In Swedish order (å, ä, ö after z), which the database's collation may not give.
    municipalities = sorted(
        Municipality.objects.select_related("county").only(
            "name", "slug", "code", "county__name", "county__code"
        ),
        key=lambda m: swedish_sort_key(m.name),
    )
    # The counties of a dataset offered per county, read with the municipalities.
    counties = sorted({m.county for m in municipalities}, key=lambda c: swedish_sort_key(c.name))
    chosen_slug = request.GET.get("kommun", "")
    chosen = next((m for m in municipalities if m.slug == chosen_slug), None)
    context = {
        "datasets": opendata.DATASETS,
        "formats": list(opendata.FORMATS),
        "code_lists": opendata.code_lists(),
        "counting_rule": COUNTING_RULE,
        "municipalities": municipalities,
        "counties": counties,
        "chosen": chosen,
        "list_separator": opendata.LIST_SEPARATOR,
        # What the CSV for Excel writes where the others write a name or true and false.
        "excel_headings": {
            column.name: column.heading for column in opendata.DATASETS_BY_SLUG["kommuner"].columns
        },
        "excel_yes": opendata.EXCEL_TRUE,
        "excel_no": opendata.EXCEL_FALSE,
        # The embed code's address: the portal's own, never the Host a request named.
        "site_url": settings.SITE_URL,
        # The day the downloads' figures are counted on (the page is kept for that day alone).
        "today": timezone.localdate(),
        "example_name": opendata.dated("medborgarloften-aktiviteter.csv", timezone.localdate()),
    }
    response = render(request, "followups/open_data.html", context)
    # A made-up `?kommun=` shows the page without a choice: not kept once per value.
    return page_cache.not_kept(response) if chosen_slug and chosen is None else response


def _named(etag: str, export: opendata.Export) -> str:
    """A download's ETag, of its content and the dated name it is saved as: a file the same
    as yesterday's revalidated by a browser or a proxy (304) kept yesterday's name."""
    return page_cache.named_etag(etag, export.download_name)


def _offered_per_municipality(request: HttpRequest, dataset: opendata.Dataset) -> HttpResponse:
    """The national address of a dataset offered per municipality only (the logs of the whole
    country are too many for one file): a 404 that says where the files are, not the bare
    "page not found" a journalist got for a name they had read on the open data page."""
    context = {"dataset": dataset, "open_data_url": reverse("followups:open_data")}
    return render(request, "followups/open_data_per_municipality.html", context, status=404)


def _version(place: Municipality | County | None) -> str | None:
    """The public data version a file of `place` is kept for: the national one, a
    municipality's, or that of a county's municipalities (`public_cache.places_version`)."""
    if isinstance(place, County):
        return public_cache.places_version(place.municipalities.values_list("slug", flat=True))
    return public_cache.current_version(place.slug if place else None)


def _download(
    request: HttpRequest, place: Municipality | County | None, dataset_slug: str, fmt_name: str
) -> HttpResponse:
    dataset = opendata.DATASETS_BY_SLUG.get(dataset_slug)
    fmt = opendata.FORMATS.get(fmt_name)
    if dataset is None or fmt is None:
        raise Http404("No such dataset or format.")
    if place is None and not dataset.national:
        return _offered_per_municipality(request, dataset)
    if isinstance(place, County) and not dataset.per_county:
        raise Http404("Offered for the whole country and per municipality.")
    # The url columns name the portal's own address (SITE_URL), as the canonical links and the
    # embed code do, never the Host a request named: a file is built and kept per address, and
    # every port of an allowed name (`portal.example:1`, `:2` …) was one more national file
    # built and kept on disk.
    base_url = settings.SITE_URL
    export = opendata.Export(dataset, fmt, place, base_url, timezone.localdate())
    version = _version(place)
    # When the figures were computed: a kept file's build (`Export.kept_at`), else now.
    built_at = timezone.now()

    def respond(file=None, kept_at=None) -> HttpResponse:
        # The file is whole before the response starts: a failing query raises here and the
        # visitor gets the 503 (or 500) page, never a cut-off file answered 200.
        response = FileResponse(
            export.open(version) if file is None else file,
            as_attachment=True,
            # The day the figures are counted on, in the saved file's name (a researcher
            # could not quote a saved file with its day); the address stays the same.
            filename=export.download_name,
            content_type=fmt.content_type,
        )
        if kept_at is None and version is not None:
            kept_at = export.kept_at(version)
        response["Last-Modified"] = http_date((kept_at or built_at).timestamp())
        return response

    if version is None:
        response = respond()
    elif (etag := export.kept_etag(version)) is not None:
        # Kept per day (`Export.kept_at`): a client's copy dated no earlier is today's file.
        kept_at = export.kept_at(version)
        response = page_cache.conditional(
            request, _named(etag, export), lambda: respond(kept_at=kept_at), kept_at
        )
    else:
        # Not kept yet for this version: built (or waited for) first, its ETag then known,
        # from what the file holds.
        file = export.open(version)
        etag = export.kept_etag(version) or opendata.content_etag(file)
        response = page_cache.conditional(request, _named(etag, export), lambda: respond(file))
        if response.status_code == 304:
            file.close()
    # Open data, public and without credentials: a municipality's own web page may fetch it
    # from the browser (to show its progress there) without a server of its own.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def municipality_open_data(request: HttpRequest, slug: str) -> HttpResponse:
    """/kommuner/<slug>/oppna-data/, the folder its files' addresses name (a journalist tried
    it): the open data page with the municipality chosen; 404 for an unknown one."""
    municipality = get_object_or_404(Municipality, slug=slug)
    return redirect(f"{reverse('followups:open_data')}?{urlencode({'kommun': municipality.slug})}")


def open_data_download(request: HttpRequest, dataset: str, fmt: str) -> HttpResponse:
    """One national dataset as CSV or JSON, as a whole file with its length."""
    return _download(request, None, dataset, fmt)


# A list's filtered selection, in its dataset's formats (`list_selection`).
SELECTION_FORMATS = {"urval.csv": "csv", "urval-excel.csv": "excel", "urval.json": "json"}


def _activity_filter(query) -> ActivityFilter:
    return ActivityFilter(query, queryset=Activity.objects.for_activity_list())


def _activity_ids(activity_filter: ActivityFilter, today: datetime.date):
    return activity_filter.rows(today).values("pk")


def _promise_filter(query) -> PromiseFilter:
    return PromiseFilter(query, queryset=Promise.objects.for_promise_list())


def _promise_ids(promise_filter: PromiseFilter, today: datetime.date):
    return promise_filter.qs.values("pk")


def _selection_words(selection_filter) -> str:
    """The filters a selection was made with, for its file's name ("polisregion-ost-sok-
    narkotika"): each valid filter as its name and its choice as the list shows it, the search
    as typed; an ignored (invalid) filter is left out, as the list leaves it out."""
    form = selection_filter.form
    words = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if not value:
            continue
        label = "sok" if name == "q" else name
        # A search of marks alone (a right-to-left mark) folds to nothing: "sok", not "sok-".
        slug = slugify(value if name == "q" else dict(field.choices).get(value, value))
        words.append(f"{label}-{slug}" if slug else label)
    return "-".join(words)[:120].strip("-")


# Per dataset: the list's filters, the ids of the rows they give the list, and the dataset's
# rows of those alone.
SELECTIONS = {
    "aktiviteter": (_activity_filter, _activity_ids, opendata.activity_rows),
    "loften": (_promise_filter, _promise_ids, opendata.promise_rows),
}


def _narrowing(selection_filter) -> dict[str, str]:
    """The filters of the request that narrow the list: given, valid and not empty, as sent."""
    selection_filter.is_valid()
    cleaned = selection_filter.form.cleaned_data
    return {
        name: selection_filter.data[name]
        for name in sorted(selection_filter.filters)
        if name in selection_filter.data and cleaned.get(name) not in (None, "")
    }


@require_safe
def list_selection(request: HttpRequest, dataset: str, name: str) -> HttpResponse:
    """What `/aktiviteter/` or `/loften/` lists with the same filters, as that open dataset
    (its columns and formats; an analyst asked for the list as she had filtered it).

    Only the filters that narrow the list make a file: one given in English goes to its
    Swedish name, as the list does; an invalid or empty one (which the list ignores), a page
    number or anything else is dropped by a redirect to the same selection without it, and
    with no filter left, to the kept national file. Each made-up value (`?tema=<random>`)
    built and kept the whole national dataset anew in the shared cache. A selection that
    finds nothing is answered, not kept (`page_cache.list_page` keeps list pages so)."""
    fmt_name = SELECTION_FORMATS.get(name)
    if fmt_name is None:
        raise Http404("No such format.")
    if legacy := legacy_redirect(request):
        return legacy
    make_filter, ids_of, rows_of = SELECTIONS[dataset]
    selection_filter = make_filter(request.GET)
    narrowing = _narrowing(selection_filter)
    if not narrowing:
        if fmt_name == "excel":
            return redirect("followups:open_data_download_excel", dataset)
        return redirect("followups:open_data_download", dataset, fmt_name)
    if set(request.GET) != set(narrowing):
        return redirect(f"{request.path}?{urlencode(narrowing)}")
    today = timezone.localdate()
    fmt = opendata.FORMATS[fmt_name]
    found = 0

    def counted(rows):
        nonlocal found
        for row in rows:
            found += 1
            yield row

    built_at = timezone.now()
    rows = rows_of(None, settings.SITE_URL, today, only=ids_of(selection_filter, today))
    # Whole before the answer starts: a failing query is a 503, never a cut-off file.
    body = "".join(fmt.write(opendata.DATASETS_BY_SLUG[dataset], counted(rows))).encode("utf-8")
    response = HttpResponse(body, content_type=fmt.content_type)
    words = _selection_words(selection_filter)
    filename = f"medborgarloften-{dataset}-urval{'-' if words else ''}{words}{fmt.variant}"
    filename += f".{fmt.extension}"
    # With the day its figures are counted on, as the datasets' files (`Export.download_name`);
    # a copy kept in the page cache is of the same day (its key has the day).
    filename = opendata.dated(filename, today)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Last-Modified"] = http_date(built_at.timestamp())
    response["Access-Control-Allow-Origin"] = "*"
    return response if found else page_cache.not_kept(response)


def municipality_open_data_download(
    request: HttpRequest, slug: str, dataset: str, fmt: str
) -> HttpResponse:
    """One dataset of one municipality as CSV or JSON; 404 for an unknown municipality."""
    municipality = get_object_or_404(Municipality, slug=slug)
    return _download(request, municipality, dataset, fmt)


def county_open_data_download(
    request: HttpRequest, county: str, dataset: str, fmt: str
) -> HttpResponse:
    """A dataset offered per county (the logs) of one county's municipalities as CSV or JSON,
    in one file; 404 for an unknown county or a dataset offered for the whole country."""
    found = County.objects.with_slug(county)
    if found is None:
        raise Http404("No such county.")
    return _download(request, found, dataset, fmt)


# A meeting's status as iCalendar says it (RFC 5545): held ones happened as planned.
CALENDAR_STATUS = {
    MeetingStatus.PLANNED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def municipality_meetings_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The follow-up meetings of a municipality's published periods, as iCalendar: every
    planned one, and those held or cancelled in the last year, each with its status (a meeting
    held or cancelled stayed planned in a subscriber's calendar, or vanished from it).

    Public fields only: kind, date, time, forum and the period; never minutes or staff names.
    Addresses and event ids are on `SITE_URL`, never on the Host a request named.
    """
    municipality = get_object_or_404(Municipality, slug=slug)
    meetings = (
        FollowUpMeeting.objects.for_calendar(timezone.localdate())
        .filter(period__municipality=municipality)
        .select_related("period__municipality")
        .order_by("date", "time", "pk")
    )
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    calendar = icalendar.Calendar()
    language = get_language() or settings.LANGUAGE_CODE
    calendar.add("prodid", f"-//Medborgarlöften//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add(
        "x-wr-calname",
        gettext("Citizen promises: %(name)s") % {"name": municipality.name},
    )
    stamp = timezone.now()
    for meeting in meetings:
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("last-modified", meeting.updated_at)
        # Each save counts up: a calendar takes the newer version of the same event.
        event.add("sequence", meeting.edit_version)
        event.add("status", CALENDAR_STATUS[meeting.status])
        if meeting.time is None:
            event.add("dtstart", meeting.date)
        else:
            # In UTC, which every calendar reads without a time zone of its own (VTIMEZONE);
            # no end: none was entered, and a calendar shows a start alone as such.
            start = timezone.make_aware(datetime.datetime.combine(meeting.date, meeting.time))
            event.add("dtstart", start.astimezone(datetime.UTC))
        # Read among a subscriber's other events: "Månadsmöte" alone said neither whose
        # meeting nor about what, and a calendar that ignores STATUS showed a cancelled one
        # as any other.
        kind = meeting.get_kind_display()
        if meeting.forum:
            kind = f"{kind}, {meeting.forum}"
        summary = gettext("%(meeting)s – citizen promises %(in_place)s") % {
            "meeting": kind,
            "in_place": meeting.period.in_place_name,
        }
        if meeting.status == MeetingStatus.CANCELLED:
            summary = gettext("Cancelled: %(meeting)s") % {"meeting": summary}
        event.add("summary", capfirst(summary))
        public_record = meeting.status == MeetingStatus.HELD and meeting.public_summary
        path = meeting.record_url() if public_record else meeting.period.get_absolute_url()
        url = settings.SITE_URL + path
        name = f"{meeting.period.place_name} {meeting.period.period_label}"
        description = [
            gettext("Follow-up meeting of the citizen promise %(name)s.") % {"name": name}
        ]
        if meeting.status == MeetingStatus.HELD:
            description.append(
                gettext("The meeting has been held; its summary is on the citizen promise's page.")
                if meeting.public_summary
                else gettext("The meeting has been held.")
            )
        elif meeting.status == MeetingStatus.CANCELLED:
            description.append(gettext("The meeting is cancelled."))
        # Many calendars show the description but not the URL property.
        description.append(url)
        event.add("description", "\n".join(description))
        event.add("url", url)
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="moten-{municipality.slug}.ics"'
    return response
