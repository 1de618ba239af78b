"""Whether a log's quantity is improbable: a slip of the thumb ("30" for "3") is asked about
before it is saved, not counted at once (a tester's "minst 12 per år" turned "Klar").

The one rule, asked by the log form, a log's correction and the CSV import's preview."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from activities.progress import Scope, Target, amount_text, count_text, spans_for

# Without a target, or for a most ("högst 10 anmälda skadegörelser", where a log counts what
# happened rather than what was done), nothing says how many one log may hold. One log is one
# occasion: a patrol, a check, a dialogue; the demo data's and the testers' largest were 25
# (a day of traffic checks at one place). Beyond 50 in one log is far more often a slip
# ("50" for "5", "100" for "10") than a real day, and the question costs one tick.
LARGEST_USUAL = 50
# Against a target, a quantity up to this is never asked about: two patrols logged together
# against "minst 1 per vecka" are usual, and a slip of the thumb adds a digit ("30" for "3").
ALWAYS_USUAL = 10

# "more than the whole year's target": the span the log's date falls in, by the target's scope.
_SPAN_MESSAGES = {
    Scope.PERIOD: _(
        "The quantity %(quantity)s is more than the whole period's target (%(target)s). "
        "Is that right?"
    ),
    Scope.YEAR: _(
        "The quantity %(quantity)s is more than the whole year's target (%(target)s). "
        "Is that right?"
    ),
    Scope.TERTIAL: _(
        "The quantity %(quantity)s is more than the whole tertial's target (%(target)s). "
        "Is that right?"
    ),
    Scope.MONTH: _(
        "The quantity %(quantity)s is more than the whole month's target (%(target)s). "
        "Is that right?"
    ),
    Scope.WEEK: _(
        "The quantity %(quantity)s is more than the whole week's target (%(target)s). "
        "Is that right?"
    ),
    Scope.DAY: _(
        "The quantity %(quantity)s is more than the whole day's target (%(target)s). Is that right?"
    ),
}
_SPAN_MESSAGES[Scope.AVERAGE_WEEK] = _SPAN_MESSAGES[Scope.WEEK]
_SPAN_MESSAGES[Scope.AVERAGE_MONTH] = _SPAN_MESSAGES[Scope.MONTH]


@dataclass(frozen=True)
class QuantityDoubt:
    """An improbable quantity and the bound it passed: a span's target (`scope` its target's),
    or `LARGEST_USUAL` (`target` None)."""

    quantity: int
    bound: int
    target: Target | None = None

    @property
    def message(self) -> str:
        """The question, in the active language: "Antalet 30 är mer än hela årets mål (minst
        12 trafikkontroller). Stämmer det?"."""
        quantity = count_text(self.quantity)
        if self.target is None:
            return _(
                "The quantity %(quantity)s is unusually large for one log (more than "
                "%(bound)s). Is that right?"
            ) % {"quantity": quantity, "bound": count_text(self.bound)}
        words = amount_text(self.target, self.bound)
        if self.target.unit:
            words = f"{words} {self.target.unit_for(self.bound)}"
        return _SPAN_MESSAGES[self.target.scope] % {"quantity": quantity, "target": words}


def quantity_doubt(
    quantity: int | None,
    target: Target | None,
    day: datetime.date | None,
    start: datetime.date,
    end: datetime.date,
) -> QuantityDoubt | None:
    """Why `quantity` logged on `day` is improbable, or None.

    More than the whole target of the span `day` falls in (its pro rata target where the span
    is cut by the period, as the public page counts it; `start` and `end` are the days counted,
    `Activity.counting_start` and the period's `counting_end`), for an average the target of one
    whole week or month, and more than `ALWAYS_USUAL`; without a target, or for a most, more
    than `LARGEST_USUAL`."""
    if quantity is None:
        return None
    if target is None or target.is_ceiling:
        return QuantityDoubt(quantity, LARGEST_USUAL) if quantity > LARGEST_USUAL else None
    bound = target.value
    if not target.is_average and day is not None and start <= day <= end:
        span = next((s for s in spans_for(target, start, end) if s.start <= day <= s.end), None)
        if span is not None:
            bound = span.target
    return QuantityDoubt(quantity, bound, target) if quantity > max(bound, ALWAYS_USUAL) else None


def activity_doubt(activity, quantity: int | None, day: datetime.date | None, today):
    """`quantity_doubt` for a log of `activity` (with its period loaded) on `day`."""
    start, end = activity.counting_start, activity.period.counting_end(today)
    return quantity_doubt(quantity, activity.target, day, start, end)
