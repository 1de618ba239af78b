"""Public pages of the activities app: the national activity list."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from activities.filters import ActivityFilter
from activities.models import Activity
from promises.filters import paginate


def activity_list(request: HttpRequest) -> HttpResponse:
    """All published activities with progress, filtered; invalid filters are shown and ignored."""
    today = timezone.localdate()
    activity_filter = ActivityFilter(request.GET, queryset=Activity.objects.for_activity_list())
    page, query = paginate(request, activity_filter.rows(today))
    context = {
        "filter": activity_filter,
        "page_obj": page,
        "query": query,
        "activities": [(activity, activity.progress(today)) for activity in page],
        "today": today,
    }
    return render(request, "activities/activity_list.html", context)
