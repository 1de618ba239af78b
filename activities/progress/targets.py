"""What a target is: its comparator, scope and unit, and the pace statuses it can have."""

import datetime
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _


class Comparator(models.TextChoices):
    """How the done quantity is compared with a target."""

    AT_LEAST = "at_least", _("at least")
    EXACTLY = "exactly", _("exactly")
    AT_MOST = "at_most", _("at most")
    # A bare count ("två medborgardialoger"): met when reached, more is also met.
    COUNT = "count", _("a number of")


class Scope(models.TextChoices):
    """Which time span a target applies to."""

    PERIOD = "period", _("over the whole period")
    YEAR = "year", _("per year")
    TERTIAL = "tertial", _("per tertial")
    MONTH = "month", _("per month")
    WEEK = "week", _("per week")
    DAY = "day", _("per day")
    AVERAGE_WEEK = "average_week", _("on average per week")
    AVERAGE_MONTH = "average_month", _("on average per month")


AVERAGE_SCOPES = frozenset({Scope.AVERAGE_WEEK, Scope.AVERAGE_MONTH})
_COMPARATORS = frozenset(Comparator.values)
_SCOPES = frozenset(Scope.values)


class PaceStatus(models.TextChoices):
    """Where a target stands today."""

    DONE = "done", _("complete")
    ON_TRACK = "on_track", _("on track")
    BEHIND = "behind", _("behind schedule")
    NOT_STARTED = "not_started", _("not started")
    ACHIEVED = "achieved", _("achieved")
    NOT_ACHIEVED = "not_achieved", _("not achieved")


COUNTING_RULE = _(
    "Progress is counted from the logged activities: the sum of the quantities of every log dated "
    "inside the time span, withdrawn logs excluded. The percentage is that sum divided by the "
    "target, rounded down; it can exceed one hundred when more was done than promised. A target "
    "without at least, at most or exactly (for example two citizen dialogues) is met when the "
    "number is reached, and more is also met; an at most target is met while the number stays "
    "at or below it; an exactly target is met only by that very number, neither more nor fewer. "
    "A target per year counts promise years: twelve-month spans from the first day of the "
    "promise period (promise year 1, 2 and so on), not calendar years. Tertials are "
    "January–April, May–August and September–December, months are calendar months, weeks run "
    "Monday to Sunday and days are calendar days. Expected by today is the target multiplied by "
    "the share of the time span that has passed, today included. A span only partly inside the "
    "promise period, such as a shorter last promise year, gets a proportional target, rounded "
    "up. An average is the total so far divided by the whole weeks or months passed in the "
    "period."
)


class LogEntry(NamedTuple):
    """One logged occurrence, as far as counting is concerned."""

    date: datetime.date
    quantity: int
    withdrawn: bool = False


@dataclass(frozen=True)
class Target:
    """A numeric target: comparator, value, unit (plural, and singular if given) and scope."""

    comparator: str
    value: int
    unit: str
    scope: str
    unit_singular: str = ""

    def __post_init__(self) -> None:
        if self.comparator not in _COMPARATORS:
            raise ValueError(f"Unknown comparator {self.comparator!r}.")
        if self.scope not in _SCOPES:
            raise ValueError(f"Unknown scope {self.scope!r}.")
        if self.value <= 0:
            raise ValueError("A target value must be positive.")

    @property
    def is_average(self) -> bool:
        """Whether the target is an average per week or month rather than a count per span."""
        return self.scope in AVERAGE_SCOPES

    @property
    def is_ceiling(self) -> bool:
        """Whether the target is a most ("högst"): less is better, so no bar fills towards it."""
        return self.comparator == Comparator.AT_MOST

    def unit_for(self, number: int | Fraction | None) -> str:
        """The unit as it follows `number`: the singular after exactly one, else the plural."""
        if number == 1 and self.unit_singular:
            return self.unit_singular
        return self.unit
