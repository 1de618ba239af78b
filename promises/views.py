"""Public pages: the start page, a municipality, and one promise period."""

from django.db.models import Count, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from municipalities.models import Municipality
from promises.models import PromisePeriod


def home(request: HttpRequest) -> HttpResponse:
    """Start page: find your municipality, national figures, latest signed periods."""
    chosen = request.GET.get("kommun", "")
    if chosen and Municipality.objects.filter(slug=chosen).exists():
        return redirect("promises:municipality_detail", slug=chosen)

    today = timezone.localdate()
    active = PromisePeriod.objects.active(today)
    figures = active.aggregate(
        periods=Count("pk", distinct=True),
        municipalities=Count("municipality", distinct=True),
    )
    figures["done"] = (
        PromisePeriod.objects.published().aggregate(
            done=Sum(
                "activities__logs__quantity",
                filter=Q(activities__logs__withdrawn_at__isnull=True),
            )
        )["done"]
        or 0
    )
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
    }
    return render(request, "promises/period_detail.html", context)
