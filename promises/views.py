"""Public pages: the start page, municipalities, promises, and one promise period."""

import datetime
import html
from dataclasses import dataclass

from csp.decorators import csp_replace
from django.apps import apps
from django.core.validators import slug_re
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.views.decorators.clickjacking import xframe_options_exempt

from config.page_cache import list_page
from config.public_cache import kept_until_any_page_changes
from municipalities.models import County, CountyNames, Municipality
from municipalities.search import (
    beginning_first,
    best_match,
    county_q,
    municipality_q,
    swedish_sort_key,
)
from promises import lifecycle, parties
from promises.filters import MunicipalitySearchForm, PromiseFilter, legacy_redirect, paginate
from promises.forms import suggested_slug
from promises.models import (
    ChangeKind,
    Extension,
    PeriodState,
    PeriodTransition,
    Promise,
    PromisePeriod,
    Revision,
    RevisionChange,
    municipalities_for_list,
)
from promises.outcomes import indicator_view

# How many of a municipality's latest logs its page shows ("Senast genomfört").
LATEST_LOGS = 10

# How many of a municipality's planned meetings its page shows ("Kommande möten"); the
# calendar (iCalendar) has them all.
COMING_MEETINGS = 10

# How many of a municipality's latest reports its page shows ("Senaste redovisningarna"); each
# period's page lists all of its own.
LATEST_REPORTS = 5

# The longest text the municipality search reads; no municipality's name is near this long.
MAX_SEARCH = 100
# The districts a search lists at most (a name such as "Centrum" may be in many cities).
MAX_DISTRICTS = 20


def home(request: HttpRequest) -> HttpResponse:
    """Start page: find your municipality, national figures, latest signed periods."""
    chosen = request.GET.get("kommun", "").strip()
    if chosen:
        # The old picker sent a slug; anything else is searched for as a typed name (and a
        # text the search refuses, a NUL, is never sent to the database: PostgreSQL rejects it).
        if slug_re.match(chosen) and Municipality.objects.filter(slug=chosen).exists():
            return redirect("promises:municipality_detail", slug=chosen)
        return redirect(f"{reverse('promises:municipality_list')}?{urlencode({'q': chosen})}")

    today = timezone.localdate()
    figures = PromisePeriod.objects.national_figures(today)
    latest = PromisePeriod.objects.latest_signed(5)
    context = {
        "name_options": kept_name_options(),
        "figures": figures,
        "latest": latest,
        "today": today,
    }
    return render(request, "promises/home.html", context)


def kept_name_options() -> str:
    """`name_options()`, kept until a municipality changes."""
    return kept_until_any_page_changes("municipality-name-options", name_options)


def name_options() -> str:
    """The search field's 290 suggestions as `<option>` elements, in Swedish order.

    Plain names, escaped here in one pass: model instances cost more than the page's queries,
    and 290 `{{ name }}` in the template took a third of the page's time.
    """
    names = sorted(Municipality.objects.values_list("name", flat=True), key=swedish_sort_key)
    return mark_safe("".join(f'<option value="{html.escape(name)}"></option>' for name in names))


def municipality_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A municipality: its periods in force, earlier and coming ones, and what was done lately."""
    municipality = get_object_or_404(Municipality.objects.with_county(), slug=slug)
    today = timezone.localdate()
    periods = list(PromisePeriod.objects.for_municipality_page(municipality))
    current = [p for p in periods if p.is_active(today)]
    others = [p for p in periods if not p.is_active(today)]
    # By name, so this app need not import the apps above it; one LIMIT query.
    logs = apps.get_model("activities", "ActivityLog").objects.latest_for_municipality(
        municipality, LATEST_LOGS, carried_out=True
    )
    # The meetings planned from today (a citizen dialogue, a safety walk): one LIMIT query.
    coming = (
        apps.get_model("followups", "FollowUpMeeting")
        .objects.planned()
        .filter(period__municipality=municipality, date__gte=today)
        .select_related("period")
        .order_by("date", "time", "pk")[:COMING_MEETINGS]
    )
    # The reports published last: what a citizen asking "what came of it last year?" reads
    # first. One LIMIT query.
    reports = apps.get_model("followups", "Report").objects.latest_for_municipality(
        municipality, LATEST_REPORTS
    )
    context = {
        "municipality": municipality,
        "coming_meetings": list(coming),
        "latest_reports": list(reports),
        "current": current,
        "others": others,
        "latest_logs": list(logs),
        "today": today,
    }
    return render(request, "promises/municipality_detail.html", context)


@dataclass(frozen=True)
class CountyRow:
    """One line of a county's comparison: a municipality and the period it is judged by (one in
    force, else its latest that has ended), with that period's latest public follow-up meeting
    and report; the next period when none is in force."""

    municipality: Municipality
    period: PromisePeriod | None = None
    meeting: object = None
    report: object = None
    coming: PromisePeriod | None = None


def county_rows(county, today: datetime.date) -> list[CountyRow]:
    """Every municipality of `county` in Swedish order, a row per period in force (a city's
    districts may have several), else one row with its latest ended period, or none. A constant
    number of queries: the periods, the municipalities, the activities of the periods shown with
    their span sums, their meetings and reports."""
    by_municipality: dict[int, list[PromisePeriod]] = {}
    for period in PromisePeriod.objects.for_county_page(county):  # newest first
        by_municipality.setdefault(period.municipality_id, []).append(period)
    shown: dict[int, list[PromisePeriod]] = {}
    coming: dict[int, PromisePeriod] = {}
    for municipality_id, periods in by_municipality.items():
        in_force = [p for p in periods if p.is_active(today)]
        begun = [p for p in periods if p.start_date <= today]
        shown[municipality_id] = in_force or begun[:1]
        later = [p for p in periods if p.start_date > today]
        if later and not in_force:
            coming[municipality_id] = later[-1]  # the first to begin
    judged = [period for mine in shown.values() for period in mine]
    prefetch_related_objects(
        judged,
        Prefetch(
            "activities",
            # Each activity's period is the one it is prefetched for: no join; only what their
            # statuses are counted from.
            queryset=apps.get_model("activities", "Activity").objects.for_status(),
        ),
    )
    meetings = {
        meeting.pk: meeting
        for meeting in apps.get_model("followups", "FollowUpMeeting")
        .objects.filter(pk__in=[p.latest_meeting_id for p in judged if p.latest_meeting_id])
        .defer("internal_minutes", "public_summary", "decisions", "participants")
    }
    reports = {
        report.pk: report
        for report in apps.get_model("followups", "Report")
        .objects.filter(pk__in=[p.latest_report_id for p in judged if p.latest_report_id])
        .only("title", "kind", "published_on", "period_id")
    }
    rows = []
    municipalities = sorted(county.municipalities.all(), key=lambda m: swedish_sort_key(m.name))
    for municipality in municipalities:
        next_one = coming.get(municipality.pk)
        periods = shown.get(municipality.pk)
        if not periods:
            rows.append(CountyRow(municipality, coming=next_one))
            continue
        for period in sorted(periods, key=lambda p: swedish_sort_key(p.area_name)):
            meeting = meetings.get(period.latest_meeting_id)
            if meeting is not None:
                meeting.period = period  # its record's address is on the period's page
            report = reports.get(period.latest_report_id)
            rows.append(CountyRow(municipality, period, meeting, report, next_one))
    return rows


def county_detail(request: HttpRequest, county: str) -> HttpResponse:
    """A county: its municipalities side by side, each with the citizen promise in force, how
    its activities stand, and its latest follow-up meeting and report (a national page for the
    page cache: every write may change it)."""
    found = County.objects.select_related("police_region").with_slug(county)
    if found is None:
        raise Http404
    today = timezone.localdate()
    rows = county_rows(found, today)
    in_force = {row.municipality.pk for row in rows if row.period and row.period.is_active(today)}
    context = {
        "county": found,
        "rows": rows,
        "municipality_count": len({row.municipality.pk for row in rows}),
        "in_force_count": len(in_force),
        # The county's activities as a file, where it has any published promise to list.
        "any_published": any(row.period or row.coming for row in rows),
        "today": today,
    }
    return render(request, "promises/county_detail.html", context)


# Any web site may show the box in a frame: it holds nothing but public figures and links, no
# form and no session (nothing a frame could trick a visitor into doing).
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def municipality_embed(request: HttpRequest, slug: str) -> HttpResponse:
    """A municipality's citizen promises in force today, each activity with its progress, for
    another web site (the municipality's own) to show in a frame. Always the ones in force, so
    the code is pasted once and shows the next period when it is signed."""
    municipality = get_object_or_404(Municipality, slug=slug)
    today = timezone.localdate()
    periods = [
        (period, [(activity, activity.progress(today)) for activity in period.activities.all()])
        for period in PromisePeriod.objects.for_embed(municipality, today)
    ]
    context = {"municipality": municipality, "periods": periods, "today": today}
    return render(request, "promises/municipality_embed.html", context)


def municipality_list(request: HttpRequest) -> HttpResponse:
    """All municipalities by county, each with how many promise periods are in force today.

    With `q`, the municipalities whose names match it, folded ("kungalv" finds Kungälv), or
    whose county's does; a text that names one municipality goes straight to its page. A text
    the search field refuses (a NUL character) is said so, and all municipalities are shown.
    """
    today = timezone.localdate()
    search_form = MunicipalitySearchForm(request.GET)
    words = ""
    if search_form.is_valid():
        words = " ".join(search_form.cleaned_data["q"].split())[:MAX_SEARCH]
    rows = municipalities_for_list(today)
    if words:
        # A county's name lists its municipalities ("Jönköpings län" found nothing).
        rows = rows.filter(municipality_q(words) | county_q(words))
    municipalities = _list_rows(rows)
    if words and (found := best_match(municipalities, words)):
        return redirect("promises:municipality_detail", slug=found.slug)
    if words:
        municipalities = beginning_first(municipalities, words, lambda row: row.county)
    # A district a big city's promise names ("Rosengård"): its periods, under their city.
    districts = list(PromisePeriod.objects.districts_named(words)[:MAX_DISTRICTS]) if words else []
    context = {
        "districts": districts,
        "municipalities": municipalities,
        "counties": _by_county(municipalities),
        "with_promise": sum(1 for m in municipalities if m.active_periods),
        "words": words,
        "search_form": search_form,
        "today": today,
    }
    return list_page(
        request,
        render(request, "promises/municipality_list.html", context),
        refused=not search_form.is_valid(),
        found=len(municipalities) + len(districts),
    )


@dataclass(frozen=True)
class CountyLine(CountyNames):
    """A county as the municipality list names it."""

    code: str
    name: str
    police_region: str


@dataclass(frozen=True)
class MunicipalityRow:
    """One line of the municipality list, its link and words made once per page."""

    slug: str
    name: str
    county: CountyLine
    active_periods: int
    url: str
    in_force: str


def _list_rows(rows) -> list[MunicipalityRow]:
    """The list's lines by county, in Swedish order within each.

    Made here rather than with `{% url %}` and `{% blocktranslate %}` on each of the 290 lines:
    those took most of the page's time.
    """
    counties: dict[str, CountyLine] = {}
    # One reverse for all: every municipality's address is this one with its own slug.
    prefix, suffix = reverse("promises:municipality_detail", args=["-"]).rsplit("-", 1)
    in_force: dict[int, str] = {}
    lines = []
    for row in rows:
        count = row["active_periods"]
        if count not in in_force:
            in_force[count] = (
                ngettext(
                    "%(counter)s citizen promise in force",
                    "%(counter)s citizen promises in force",
                    count,
                )
                % {"counter": count}
                if count
                else gettext("no citizen promise in force")
            )
        lines.append(
            MunicipalityRow(
                slug=row["slug"],
                name=row["name"],
                county=counties.setdefault(
                    row["county_code"],
                    CountyLine(row["county_code"], row["county_name"], row["police_region_name"]),
                ),
                active_periods=count,
                url=f"{prefix}{row['slug']}{suffix}",
                in_force=in_force[count],
            )
        )
    return sorted(lines, key=lambda line: (line.county.code, swedish_sort_key(line.name)))


def _by_county(lines: list[MunicipalityRow]) -> list[tuple[CountyLine, str]]:
    """Each county with its lines' list items, in their order (a `{% regroup %}` in Python)."""
    groups: list[tuple[CountyLine, list[MunicipalityRow]]] = []
    for line in lines:
        if not groups or groups[-1][0] != line.county:
            groups.append((line.county, []))
        groups[-1][1].append(line)
    return [(county, _list_items(rows)) for county, rows in groups]


def _list_items(lines: list[MunicipalityRow]) -> str:
    """A county's `<li>` elements, escaped here in one pass: 290 lines of template variables
    took half of the page's time."""
    return mark_safe(
        "".join(
            f'<li><a href="{html.escape(line.url)}">{html.escape(line.name)}</a> '
            f'<span class="{"in-force" if line.active_periods else "meta"}">'
            f"{html.escape(line.in_force)}</span></li>"
            for line in lines
        )
    )


def promise_list(request: HttpRequest) -> HttpResponse:
    """All published promises, filtered; invalid filters are shown as errors and ignored."""
    if legacy := legacy_redirect(request):
        return legacy
    promise_filter = PromiseFilter(request.GET, queryset=Promise.objects.for_promise_list())
    page, query = paginate(request, promise_filter.qs, keys_first=True)
    context = {
        "filter": promise_filter,
        "in_place": promise_filter.chosen_place(),
        "page_obj": page,
        "query": query,
        "promises": list(page),
    }
    return list_page(
        request,
        render(request, "promises/promise_list.html", context),
        refused=bool(promise_filter.errors),
        found=page.paginator.count,
        page=page,
    )


@dataclass(frozen=True)
class ChangeLine:
    """One line of a revision in the public change log: "<label>: <before> → <after>"."""

    label: str
    subject: str
    before: str
    after: str
    progress_before: str


@dataclass(frozen=True)
class ChangeLogEntry:
    """A public change of a period: a lifecycle step, an extension, a revision or an activity
    cancelled through its status."""

    at: datetime.datetime
    kind: str
    # An activity (activities.Activity) for a cancellation.
    item: PeriodTransition | Extension | Revision | object
    lines: tuple[ChangeLine, ...] = ()


def _shared_tail(before: str, after: str) -> tuple[str, str]:
    """Drop from `before` the words it ends with like `after`: "minst 15 → minst 10 …"."""
    old, new = before.split(), after.split()
    shared = 0
    while (
        shared < min(len(old), len(new)) - 1
        and old[-1 - shared] == new[-1 - shared]
        # The number stays on both sides: "exakt 15 → minst 15", not "exakt → minst 15".
        and not old[-1 - shared].isdigit()
    ):
        shared += 1
    if shared == 0:
        return before, after
    return " ".join(old[:-shared]), after


def change_line(change: RevisionChange) -> ChangeLine:
    """A revision's change as the change log words it; a target keeps only what differs."""
    before, after = change.old_value, change.new_value
    if change.kind == ChangeKind.TARGET and before and after:
        before, after = _shared_tail(before, after)
    return ChangeLine(
        label=str(change.get_kind_display()),
        subject=change.subject,
        before=before,
        after=after,
        progress_before=change.progress_before,
    )


def change_log(period: PromisePeriod) -> list[ChangeLogEntry]:
    """The period's public changes, newest first, from its prefetched rows.

    Who made a change is never shown: officers' names are not public.
    """
    extensions = list(period.extensions.all())
    entries = [
        ChangeLogEntry(step.at, "transition", step)
        for step in period.public_transitions
        # An extension's own entry says more: the new end date and its decision.
        if not (step.to_state == PeriodState.EXTENDED and extensions)
    ]
    entries += [ChangeLogEntry(e.created_at, "extension", e) for e in extensions]
    entries += [
        ChangeLogEntry(r.created_at, "revision", r, tuple(change_line(c) for c in r.changes.all()))
        for r in period.revisions.all()
    ]
    # An activity without a target cancelled through its status: when, and the public reason
    # (`Activity.cancelled_at`), from the activities the page has loaded anyway.
    entries += [
        ChangeLogEntry(activity.cancelled_at, "cancellation", activity)
        for activity in period.activities.all()
        if activity.cancelled_at is not None
    ]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


def _period_by_its_years(slug: str, period_slug: str) -> HttpResponse:
    """A period asked for by the years it now runs ("2025-2027" after an extension, while its
    address keeps the years it was made with): a permanent redirect to it; else 404."""
    for period in PromisePeriod.objects.published().filter(municipality__slug=slug):
        if suggested_slug(period.start_date, period.end_date) == period_slug:
            return redirect(period.get_absolute_url(), permanent=True)
    raise Http404


def _with_earlier_versions(published) -> list[tuple]:
    """The latest version of each published report (newest span first), each with the versions
    it corrected, newest first: the page lists reports, each one's text and figures are on its
    own page (every version in full made a period page tens of screens long on a phone)."""
    replaced = {report.replaced_by_id: report for report in published if report.replaced_by_id}
    listed = []
    for report in published:
        if report.replaced_by_id is not None:
            continue
        earlier, older = [], replaced.get(report.pk)
        while older is not None:
            earlier.append(older)
            older = replaced.get(older.pk)
        listed.append((report, earlier))
    return listed


def period_detail(request: HttpRequest, slug: str, period_slug: str) -> HttpResponse:
    """One published period: promises, activities with progress, follow-ups, signatories."""
    period = (
        PromisePeriod.objects.for_period_page()
        .filter(municipality__slug=slug, slug=period_slug)
        .first()
    )
    if period is None:
        return _period_by_its_years(slug, period_slug)
    today = timezone.localdate()
    # Progress against the target in force: the activity's target fields, as saved now.
    activities = [(activity, activity.progress(today)) for activity in period.activities.all()]
    # Each promise's outcome indicators with their counted measurements (prefetched).
    outcomes = [
        (promise, [indicator_view(i, i.public_measurements) for i in promise.indicators.all()])
        for promise in period.promises.all()
    ]
    activities_only = not period.promises.all()
    context = {
        "period": period,
        "activities": activities,
        "outcomes": [(promise, views) for promise, views in outcomes if views],
        "meetings": list(period.meetings.all()),
        "reports": _with_earlier_versions(period.reports.all()),
        "today": today,
        "is_active": period.is_active(today),
        "change_log": change_log(period),
        # The end date the documents' current version states (prefetched, in their order).
        "latest_extension": next(reversed(period.extensions.all()), None),
        # Who gives the promises; a document made only of activities shows no list of promises.
        "activities_only": activities_only,
        "pledge": parties.pledge(period, activities_only=activities_only),
        # A promise the Police give alone has no tjänsteutlåtande (the lifecycle's rule).
        "municipal_proposal": lifecycle.has_municipal_proposal(period),
    }
    return render(request, "promises/period_detail.html", context)
