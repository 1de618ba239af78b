"""What every dataset is made of: a documented column, a dataset, the column types and the
columns that say which period a row belongs to."""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from followups.opendata.rows import Place, Row


@dataclass(frozen=True)
class Column:
    """One documented column: a stable English snake_case name, its heading in the CSV for
    Excel, a type and its meaning."""

    name: str
    # What a reader of the spreadsheet sees above the column ("Kommunkod"): translated, so never
    # a key for programs, which read the standard CSV or the JSON by `name`. Worded per dataset
    # where the meaning differs (a promise's title is "Löfte", a report's "Rubrik").
    heading: LazyText
    type: LazyText
    meaning: LazyText


@dataclass(frozen=True)
class Dataset:
    """A dataset: its slug in the URL, title, description, columns and row source."""

    slug: str
    title: LazyText
    description: LazyText
    columns: tuple[Column, ...]
    rows: Callable[[Place, str, datetime.date], Iterator[Row]]
    # Offered for the whole country too; a dataset of every log (68 MB of CSV for a million
    # logs, rebuilt after every write) is offered per municipality and per county only.
    national: bool = True

    @property
    def per_county(self) -> bool:
        """Offered per county too: a dataset not offered for the whole country (the logs),
        whose county a journalist could otherwise only piece together from each
        municipality's file. A national file holds every county already (its municipality
        codes' first two digits)."""
        return not self.national

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def column_headings(self) -> list[str]:
        """The header row of the CSV for Excel, in the active language."""
        return [str(column.heading) for column in self.columns]


INTEGER = _("integer")
TEXT = _("text")
DATE = _("date (YYYY-MM-DD)")
BOOLEAN = _("boolean (true/false)")
DECIMAL = _("decimal number")
CODE = _("code (see below)")
TEXT_LIST = _("list of text")
INTEGER_LIST = _("list of integers")
URL = _("web address")
TIME = _("time (HH:MM)")

# SCB's code: a journalist filtering a county in Excel filters on its first two digits.
MUNICIPALITY_CODE_HELP = _(
    "Four-digit municipality code; its first two digits are the county's code (06 is "
    "Jönköpings län)."
)

PLACE_COLUMNS = (
    Column(
        "period_id",
        pgettext_lazy("open data heading", "Period ID"),
        INTEGER,
        _("Identifier of the promise period."),
    ),
    Column(
        "period_slug",
        pgettext_lazy("open data heading", "Period (web address part)"),
        TEXT,
        _("The period's part of its web address, e.g. 2020-2021."),
    ),
    Column(
        "municipality_code",
        pgettext_lazy("open data heading", "Municipality code"),
        TEXT,
        MUNICIPALITY_CODE_HELP,
    ),
    Column(
        "municipality_name",
        pgettext_lazy("open data heading", "Municipality"),
        TEXT,
        _("Name of the municipality."),
    ),
    Column(
        "area_name",
        pgettext_lazy("open data heading", "Part of the municipality"),
        TEXT,
        _("A named part of the municipality the period covers; empty for all of it."),
    ),
)
