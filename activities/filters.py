"""Filters of the public activity list."""

import datetime

import django_filters
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Responsible
from activities.models.activities import STATUS_FIELDS
from activities.models.choices import JOINT_SHOWN
from activities.progress import PaceStatus
from promises.filters import PeriodFilterSet
from promises.models import PromisePeriod

# What an activity's progress is computed from, besides its kept span sums.
PROGRESS_FIELDS = STATUS_FIELDS
# What progress is counted and judged with: the dates, whether and when it was closed, and
# when it was registered (a promise registered when it had ended has no progress judged).
PERIOD_PROGRESS_FIELDS = ("start_date", "end_date", "state", "closed_date", "registered_at")


def responsible_choices() -> list[tuple[str, str]]:
    """The responsible parties as the rows name them: a joint activity's row says "Polisen och
    kommunen", so the filter offers that, not the choice's "Gemensamt" (a journalist looked for
    the joint activities under "Polisen och kommunen" and did not find the option)."""
    return [
        (value, JOINT_SHOWN if value == Responsible.JOINT else label)
        for value, label in Responsible.choices
    ]


class ActivityFilter(PeriodFilterSet):
    """Filters of the national activity list.

    Pace status depends on today and is computed in Python from the kept span sums, so the
    database cannot filter on it: `filter_progress` leaves the queryset alone and `rows()`
    computes the status of every remaining activity from the fields progress needs only, then
    narrows the queryset to those with the status asked for (so a page loads 25 full rows).
    """

    ansvarig = django_filters.ChoiceFilter(
        label=_("Responsible"),
        field_name="responsible",
        choices=responsible_choices,
        empty_label=_("All"),
    )
    framsteg = django_filters.ChoiceFilter(
        label=_("Progress"),
        choices=PaceStatus.choices,
        empty_label=_("All"),
        method="filter_progress",
    )

    search_fields = ("title", "description", "target_unit", "responsible_other", "partners")

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

    def rows(self, today: datetime.date) -> QuerySet:
        """The filtered activities, the progress status included."""
        activities = self.qs
        status = self.form.cleaned_data.get("framsteg")
        if not status:
            return activities
        # Each period loaded once (a few hundred), not once per activity (thousands).
        periods = PromisePeriod.objects.only(*PERIOD_PROGRESS_FIELDS)
        counted = activities.select_related(None).only(*PROGRESS_FIELDS).order_by()
        counted = counted.prefetch_related(Prefetch("period", queryset=periods))
        matching = [a.pk for a in counted if a.progress_status(today) == status]
        return activities.filter(pk__in=matching)
