"""Public pages of the activities app: the national activity list and one activity."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from activities.filters import ActivityFilter
from activities.models import Activity, ActivityLog
from config.page_cache import list_page
from promises.filters import legacy_redirect, paginate


def activity_list(request: HttpRequest) -> HttpResponse:
    """All published activities with progress, filtered; invalid filters are shown and ignored."""
    if legacy := legacy_redirect(request):
        return legacy
    today = timezone.localdate()
    activity_filter = ActivityFilter(request.GET, queryset=Activity.objects.for_activity_list())
    page, query = paginate(request, activity_filter.rows(today), keys_first=True)
    context = {
        "filter": activity_filter,
        "in_place": activity_filter.chosen_place(),
        "page_obj": page,
        "query": query,
        "activities": [(activity, activity.progress(today)) for activity in page],
        "today": today,
    }
    return list_page(
        request,
        render(request, "activities/activity_list.html", context),
        refused=bool(activity_filter.errors),
        found=page.paginator.count,
        page=page,
    )


def activity_detail(request: HttpRequest, slug: str, period_slug: str, pk: int) -> HttpResponse:
    """One published activity: its progress, and what was done when and where, a page at a time.

    Only the logs' public fields: never who logged, internal notes or withdrawn logs.
    """
    activity = get_object_or_404(
        Activity.objects.for_activity_page(),
        pk=pk,
        period__slug=period_slug,
        period__municipality__slug=slug,
    )
    today = timezone.localdate()
    page, query = paginate(request, ActivityLog.objects.for_activity_page(activity))
    context = {
        "activity": activity,
        "period": activity.period,
        "progress": activity.progress(today),
        "target_changes": activity.target_changes(),
        "promises": list(activity.promises.all()),
        "page_obj": page,
        "query": query,
        "logs": list(page),
        "is_active": activity.period.is_active(today),
        "today": today,
    }
    # Its logs' pages: one past the end shows the last, and is not kept once per number.
    return list_page(
        request, render(request, "activities/activity_detail.html", context), page=page
    )
