"""Filters of the public lists: the shared period filters and the promise list's FilterSet."""

from collections.abc import Sequence

import django_filters
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from municipalities.models import County, PoliceRegion
from promises.models import PUBLISHED_STATES, Promise, Theme, active_q, covering_year_q

PER_PAGE = 25
FIRST_YEAR = 2015  # The first citizen promises were signed in 2015.
ACTIVE = "active"


def year_choices() -> list[tuple[str, str]]:
    """Years a period can cover, newest first; a callable so that it follows the calendar."""
    years = range(timezone.localdate().year + 3, FIRST_YEAR - 1, -1)
    return [(str(year), str(year)) for year in years]


def state_choices() -> list[tuple[str, str]]:
    """Published lifecycle states, plus the derived "in force"."""
    return [(ACTIVE, _("in force")), *((state.value, state.label) for state in PUBLISHED_STATES)]


class PeriodFilterSet(django_filters.FilterSet):
    """Filters shared by lists of things that belong to a period (promises, activities).

    The queryset must already be limited to published periods; these filters only narrow it.
    """

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    # Choices of the three place and theme filters are loaded once in __init__, so that neither
    # validation nor rendering the form in the template runs another query.
    county = django_filters.ChoiceFilter(
        label=_("County"),
        field_name="period__municipality__county__code",
        empty_label=_("All counties"),
    )
    police_region = django_filters.ChoiceFilter(
        label=_("Police region"),
        field_name="period__municipality__county__police_region__slug",
        empty_label=_("All police regions"),
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), empty_label=_("All themes"), method="filter_theme"
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        choices=year_choices,
        empty_label=_("All years"),
        method="filter_year",
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=state_choices,
        empty_label=_("All"),
        method="filter_state",
    )

    # Fields `q` searches, besides the municipality and area names.
    search_fields: Sequence[str] = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = {
            "county": County.objects.order_by("code").values_list("code", "name"),
            "police_region": PoliceRegion.objects.order_by("name").values_list("slug", "name"),
            "theme": Theme.objects.order_by("name").values_list("slug", "name"),
        }
        for name, rows in choices.items():
            self.filters[name].extra["choices"] = list(rows)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q(period__municipality__name__icontains=value) | Q(
            period__area_name__icontains=value
        )
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value})
        return queryset.filter(condition)

    def filter_theme(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        raise NotImplementedError

    def filter_year(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(covering_year_q(int(value), prefix="period__"))

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == ACTIVE:
            return queryset.filter(active_q(timezone.localdate(), prefix="period__"))
        return queryset.filter(period__state=value)


class PromiseFilter(PeriodFilterSet):
    """Filters of the national promise list."""

    search_fields = ("title", "description")

    class Meta:
        model = Promise
        fields: list[str] = []

    def filter_theme(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(themes__slug=value)


def paginate(request: HttpRequest, rows: Sequence | QuerySet) -> tuple[Page, str]:
    """The requested page of `rows`, and the query string that keeps the filters in page links."""
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
