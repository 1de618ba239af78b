"""Filters of the public activity list."""

import datetime

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Responsible
from activities.progress import PaceStatus
from promises.filters import PeriodFilterSet


class ActivityFilter(PeriodFilterSet):
    """Filters of the national activity list.

    Progress status is computed from the logs in Python and never stored (a stored counter could
    drift), so the database cannot filter on it: `filter_progress` leaves the queryset alone and
    `rows()` applies it after computing each remaining activity's progress. The logs come in one
    prefetch with only the fields progress needs, so the query count stays constant.
    """

    responsible = django_filters.ChoiceFilter(
        label=_("Responsible"), choices=Responsible.choices, empty_label=_("All")
    )
    progress = django_filters.ChoiceFilter(
        label=_("Progress"),
        choices=PaceStatus.choices,
        empty_label=_("All"),
        method="filter_progress",
    )

    search_fields = ("title", "description", "target_unit", "responsible_other")

    class Meta:
        model = Activity
        fields: list[str] = []

    def filter_theme(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A subquery, so an activity serving two promises of the theme is listed once.
        serving = Activity.objects.filter(promises__themes__slug=value).values("pk")
        return queryset.filter(pk__in=serving)

    def filter_progress(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Applied in Python by rows(); see the class docstring.
        return queryset

    def rows(self, today: datetime.date) -> QuerySet | list[Activity]:
        """The filtered activities: a queryset, or a list when filtered on progress status."""
        activities = self.qs
        status = self.form.cleaned_data.get("progress")
        if not status:
            return activities
        return [activity for activity in activities if activity.progress(today).status == status]
