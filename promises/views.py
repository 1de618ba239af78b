"""Public pages: the start page, municipalities, promises, and one promise period."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from municipalities.models import Municipality
from promises.filters import PromiseFilter, paginate
from promises.models import Promise, PromisePeriod, municipalities_for_list

# Swedish alphabetical order puts å, ä, ö after z; a database's default collation may not.
SWEDISH_ORDER = str.maketrans({"å": "z{", "ä": "z|", "ö": "z}", "é": "e", "ü": "y"})


def swedish_sort_key(name: str) -> str:
    return name.lower().translate(SWEDISH_ORDER)


def home(request: HttpRequest) -> HttpResponse:
    """Start page: find your municipality, national figures, latest signed periods."""
    chosen = request.GET.get("kommun", "")
    if chosen and Municipality.objects.filter(slug=chosen).exists():
        return redirect("promises:municipality_detail", slug=chosen)

    today = timezone.localdate()
    figures = PromisePeriod.objects.national_figures(today)
    latest = PromisePeriod.objects.published().with_place().order_by("-signed_date", "-pk")[:5]
    context = {
        "municipalities": Municipality.objects.with_county().order_by("name"),
        "figures": figures,
        "latest": latest,
        "today": today,
    }
    return render(request, "promises/home.html", context)


def municipality_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A municipality: its periods in force, and earlier and coming ones."""
    municipality = get_object_or_404(Municipality.objects.with_county(), slug=slug)
    today = timezone.localdate()
    periods = list(PromisePeriod.objects.for_municipality_page(municipality))
    current = [p for p in periods if p.is_active(today)]
    others = [p for p in periods if not p.is_active(today)]
    context = {
        "municipality": municipality,
        "current": current,
        "others": others,
        "today": today,
    }
    return render(request, "promises/municipality_detail.html", context)


def municipality_list(request: HttpRequest) -> HttpResponse:
    """All municipalities by county, each with how many promise periods are in force today."""
    today = timezone.localdate()
    municipalities = sorted(
        municipalities_for_list(today),
        key=lambda m: (m.county.code, swedish_sort_key(m.name)),
    )
    context = {
        "municipalities": municipalities,
        "with_promise": sum(1 for m in municipalities if m.active_periods),
        "today": today,
    }
    return render(request, "promises/municipality_list.html", context)


def promise_list(request: HttpRequest) -> HttpResponse:
    """All published promises, filtered; invalid filters are shown as errors and ignored."""
    promise_filter = PromiseFilter(request.GET, queryset=Promise.objects.for_promise_list())
    page, query = paginate(request, promise_filter.qs)
    context = {
        "filter": promise_filter,
        "page_obj": page,
        "query": query,
        "promises": list(page),
    }
    return render(request, "promises/promise_list.html", context)


def period_detail(request: HttpRequest, slug: str, period_slug: str) -> HttpResponse:
    """One published period: promises, activities with progress, follow-ups, signatories."""
    period = get_object_or_404(
        PromisePeriod.objects.for_period_page(), municipality__slug=slug, slug=period_slug
    )
    today = timezone.localdate()
    activities = [(activity, activity.progress(today)) for activity in period.activities.all()]
    context = {
        "period": period,
        "activities": activities,
        "meetings": list(period.meetings.all()),
        "reports": [r for r in period.reports.all() if r.published_on],
        "today": today,
        "is_active": period.is_active(today),
        "changes": period.public_transitions,
    }
    return render(request, "promises/period_detail.html", context)
