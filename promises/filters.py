"""Filters of the public lists: the shared period filters and the promise list's FilterSet."""

from collections.abc import Sequence

import django_filters
from django import forms
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponsePermanentRedirect, QueryDict
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from config.public_cache import kept_until_any_page_changes, kept_until_public_data_changes
from municipalities.models import County, LocalPoliceArea, Municipality, PoliceRegion, in_place
from municipalities.refdata import ON_ISLAND_CODES
from municipalities.search import search_q, swedish_sort_key
from promises.models import (
    PUBLISHED_STATES,
    Promise,
    PromisePeriod,
    Theme,
    active_q,
    covering_year_q,
    police_area_q,
)

PER_PAGE = 25
ACTIVE = "active"

# The filters' names are the lists' public query parameters, Swedish like the paths; the English
# names used before still work, answered with a permanent redirect to the Swedish ones.
LEGACY_PARAMETERS = {
    "county": "lan",
    "police_region": "polisregion",
    "municipality": "kommun",
    "theme": "tema",
    "year": "ar",
    "state": "status",
    "responsible": "ansvarig",
    "progress": "framsteg",
}


# Django's own words (and translation) for a choice that is not offered, without the value.
INVALID_CHOICE = _("Select a valid choice. That choice is not one of the available choices.")


FIRST_YEAR = 2015  # The first citizen promises were signed in 2015.


def year_choices(asked: object = None) -> list[tuple[str, str]]:
    """The years the published periods cover, newest first (no year that would list nothing,
    such as one only a draft reaches), kept until any public data changes; and the year
    `asked` in a link, if it is one a period could cover (a bookmark to a year that lists
    nothing now lists nothing, with that year chosen, rather than an error)."""
    years = kept_until_public_data_changes("period-filter-years", published_years)
    # At most 4 digits: Python refuses to read more than 4,300 (a 500).
    if isinstance(asked, str) and asked.isascii() and asked.isdigit() and len(asked) <= 4:
        year = int(asked)
        if FIRST_YEAR <= year <= timezone.localdate().year + 5 and year not in years:
            years = sorted([*years, year], reverse=True)
    return [(str(year), str(year)) for year in years]


def published_years() -> list[int]:
    return PromisePeriod.objects.published().covered_years(timezone.localdate())


def state_choices() -> list[tuple[str, str]]:
    """Published lifecycle states, plus the derived "in force"."""
    return [(ACTIVE, _("in force")), *((state.value, state.label) for state in PUBLISHED_STATES)]


class SearchInput(forms.TextInput):
    """A list's search field. A NUL typed in it (the field refuses it with an error, as it does
    in every form) is not written back into the page."""

    def format_value(self, value):
        value = super().format_value(value)
        if value is None:
            return None
        return value.replace("\x00", "") or None


class MunicipalitySearchForm(forms.Form):
    """The search of /kommuner/: its text checked as the other lists' search (`q` below) is,
    by Django's CharField (no NUL characters); a refused search is shown and not made."""

    q = forms.CharField(label=_("Search for a municipality or county"), required=False)


def place_and_theme_choices() -> dict[str, list[tuple[str, str]]]:
    """The choices of the county, police region, local police area, municipality and theme
    filters: reference data, kept in the shared cache until it changes (five queries and a sort
    of 290 names that every list page would otherwise run)."""
    rows = Municipality.objects.order_by("name").values_list("slug", "name", "code")
    municipalities = [(slug, name) for slug, name, _code in rows]
    areas = LocalPoliceArea.objects.values_list("slug", "name")
    return {
        "lan": list(County.objects.order_by("code").values_list("code", "name")),
        "polisregion": list(PoliceRegion.objects.order_by("name").values_list("slug", "name")),
        "lokalpolisomrade": sorted(areas, key=lambda row: swedish_sort_key(row[1])),
        "kommun": sorted(municipalities, key=lambda row: swedish_sort_key(row[1])),
        "tema": list(Theme.objects.order_by("name").values_list("slug", "name")),
        # Not a filter: the municipalities a heading places "på" (`in_place`).
        "on_island": [slug for slug, _name, code in rows if code in ON_ISLAND_CODES],
    }


def kept_place_and_theme_choices() -> dict[str, list[tuple[str, str]]]:
    """`place_and_theme_choices()`, kept until a municipality, county, region or theme changes."""
    return kept_until_any_page_changes("period-filter-choices", place_and_theme_choices)


class PeriodFilterSet(django_filters.FilterSet):
    """Filters shared by lists of things that belong to a period (promises, activities).

    The queryset must already be limited to published periods; these filters only narrow it.
    """

    q = django_filters.CharFilter(label=_("Search"), method="filter_q", widget=SearchInput)
    # Choices of the place and theme filters are set in __init__ (`place_and_theme_choices`),
    # so that neither validation nor rendering the form in the template runs a query.
    lan = django_filters.ChoiceFilter(
        label=_("County"),
        field_name="period__municipality__county__code",
        empty_label=_("All counties"),
    )
    polisregion = django_filters.ChoiceFilter(
        label=_("Police region"),
        field_name="period__municipality__county__police_region__slug",
        empty_label=_("All police regions"),
    )
    # A local police area's periods: those it is named on, and those of its municipalities that
    # name none (a big city's areas each name theirs). Offered once any area is entered.
    lokalpolisomrade = django_filters.ChoiceFilter(
        label=_("Local police area"),
        empty_label=_("All local police areas"),
        method="filter_police_area",
    )
    kommun = django_filters.ChoiceFilter(
        label=_("Municipality"),
        field_name="period__municipality__slug",
        empty_label=_("All municipalities"),
    )
    tema = django_filters.ChoiceFilter(
        label=_("Theme"), empty_label=_("All themes"), method="filter_theme"
    )
    ar = django_filters.ChoiceFilter(
        label=_("Year"),
        choices=year_choices,
        empty_label=_("All years"),
        method="filter_year",
    )
    # The period's state. "Status" alone read, on the activity list, as the activity's own
    # status (planerad, pågår) that each row shows: a journalist chose "Gäller nu" to find
    # the activities under way.
    status = django_filters.ChoiceFilter(
        label=_("Status of the citizen promise"),
        choices=state_choices,
        empty_label=_("All"),
        method="filter_state",
    )

    # Fields `q` searches, besides the municipality and area names.
    search_fields: Sequence[str] = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = dict(kept_place_and_theme_choices())
        self.island_slugs = set(choices.pop("on_island"))
        for name, rows in choices.items():
            self.filters[name].extra["choices"] = rows
        self.filters["ar"].extra["choices"] = year_choices(self.data.get("ar"))
        if not choices["lokalpolisomrade"] and not self.data.get("lokalpolisomrade"):
            del self.filters["lokalpolisomrade"]  # no area entered: a list with one "All"
        # Every list's choices read alike: "Polisen", "Gemensamt", "Gäller nu", as "Alla" does.
        for choice_filter in self.filters.values():
            if isinstance(choice_filter, django_filters.ChoiceFilter):
                rows = choice_filter.extra["choices"]
                rows = rows() if callable(rows) else rows
                choice_filter.extra["choices"] = [(value, capfirst(label)) for value, label in rows]
                # Django's message repeats the value sent, which may be anything (a NUL).
                choice_filter.extra["error_messages"] = {"invalid_choice": INVALID_CHOICE}

    def chosen_place(self) -> str:
        """The place the list is filtered to, with its preposition: the narrowest of a
        municipality, a local police area and a county, or "". The heading says it
        ("Aktiviteter i Tranås", "… på Gotland", "… i Jönköpings län"; a filtered list kept
        "Alla aktiviteter")."""
        if not self.is_valid():
            return ""
        for name in ("kommun", "lokalpolisomrade", "lan"):
            if name in self.filters and (value := self.form.cleaned_data.get(name)):
                label = dict(self.filters[name].extra["choices"]).get(value, "")
                on_island = name == "kommun" and value in self.island_slugs
                return in_place(label, on_island=on_island) if label else ""
        return ""

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        fields = ["period__municipality__name", "period__area_name", *self.search_fields]
        return queryset.filter(search_q(fields, value))

    def filter_theme(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        raise NotImplementedError

    def filter_police_area(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(police_area_q(value, prefix="period__"))

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


def legacy_redirect(request: HttpRequest) -> HttpResponsePermanentRedirect | None:
    """A permanent redirect to the same list with Swedish parameter names, if English were used.

    A Swedish name given as well wins over its English one.
    """
    if not any(name in request.GET for name in LEGACY_PARAMETERS):
        return None
    params = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        swedish = LEGACY_PARAMETERS.get(name)
        if swedish is None:
            params.setlist(name, values)
        elif swedish not in request.GET:
            params.setlist(swedish, values)
    query = params.urlencode()
    return HttpResponsePermanentRedirect(f"{request.path}?{query}" if query else request.path)


class ListPaginator(Paginator):
    """Django's Paginator, but a page number below 1 (`?page=0`, `?page=-3`) gives the first
    page, as a number that is not one does; a number past the end still gives the last page."""

    def get_page(self, number) -> Page:
        try:
            number = self.validate_number(number)
        except PageNotAnInteger:
            number = 1
        except EmptyPage:
            # validate_number read it as a whole number: below 1, or past the last page.
            number = 1 if int(number) < 1 else self.num_pages
        return self.page(number)


class KeysFirstPaginator(ListPaginator):
    """Pages a queryset in two steps: the page's primary keys in the list's order, then its rows.

    A national list is ordered by the municipality's name and the period's dates, which no index
    serves: PostgreSQL sorts every row of the list for each page. Sorting only the keys (and the
    columns ordered by) is a third of the work of sorting whole rows with their texts.
    """

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = self.object_list.order_by().in_bulk(keys)
        # A row gone between the two queries is left out rather than failing the page.
        return self._get_page([rows[key] for key in keys if key in rows], number, self)


def paginate(
    request: HttpRequest, rows: Sequence | QuerySet, keys_first: bool = False
) -> tuple[Page, str]:
    """The requested page of `rows`, and the query string that keeps the filters in page links.

    `keys_first`: a queryset ordered across tables is paged by `KeysFirstPaginator`.
    """
    paginator = KeysFirstPaginator if keys_first else ListPaginator
    page = paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
