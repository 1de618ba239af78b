"""Targets and progress in words: "minst 15 trafikkontroller per löftesår", "12 av minst 15"."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext

from activities.progress.targets import Comparator, Scope, Target


def count_text(number: int) -> str:
    """A whole number as the language writes it: "1 304" in Swedish (a no-break space)."""
    return number_format(number, force_grouping=True)


def amount_text(target: Target, value: int | None = None) -> str:
    """The target's number with its comparator: "minst 15", "högst 4", or a bare "2"."""
    number = count_text(target.value if value is None else value)
    if target.comparator == Comparator.COUNT:
        return number
    if target.comparator == Comparator.AT_LEAST:
        return gettext("at least %(number)s") % {"number": number}
    if target.comparator == Comparator.AT_MOST:
        return gettext("at most %(number)s") % {"number": number}
    return gettext("exactly %(number)s") % {"number": number}


def _average_scope(target: Target) -> str:
    return str(Scope.WEEK.label if target.scope == Scope.AVERAGE_WEEK else Scope.MONTH.label)


def target_text(target: Target) -> str:
    """Describe a target in words, e.g. "at least 15 trafikkontroller per year"."""
    values = {"amount": amount_text(target), "unit": target.unit_for(target.value)}
    if target.is_average:
        values["scope"] = _average_scope(target)
        return gettext("on average %(amount)s %(unit)s %(scope)s") % values
    values["scope"] = Scope(target.scope).label
    return gettext("%(amount)s %(unit)s %(scope)s") % values


def _format_average(average: Fraction) -> str:
    if average.denominator == 1:
        return number_format(average.numerator)
    one_decimal = (Decimal(average.numerator) / Decimal(average.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    return number_format(one_decimal, decimal_pos=1)


def progress_text(
    done: int | Fraction | None, target: Target, span_target: int | None = None
) -> str:
    """Describe progress in words; for average scopes `done` is the average so far, or None.

    "3 av 2 medborgardialoger", "1 av minst 1 informationsinsats": the unit agrees with the
    target's number. An exact target ("exakt 2") is not a ceiling to count towards, so its words
    give what was done and the target apart: "3 medborgardialoger (mål: exakt 2)".
    """
    if not target.is_average:
        number = target.value if span_target is None else span_target
        if target.comparator == Comparator.EXACTLY:
            return gettext("%(done)s %(unit)s (target: %(amount)s)") % {
                "done": count_text(done),
                "unit": target.unit_for(done),
                "amount": amount_text(target, number),
            }
        return gettext("%(done)s of %(amount)s %(unit)s") % {
            "done": count_text(done),
            "amount": amount_text(target, number),
            "unit": target.unit_for(number),
        }
    if done is None:
        values = {"target": target_text(target)}
        if target.scope == Scope.AVERAGE_WEEK:
            return gettext("no whole week has passed yet (target: %(target)s)") % values
        return gettext("no whole month has passed yet (target: %(target)s)") % values
    average = Fraction(done)
    return gettext("on average %(average)s %(unit)s %(scope)s (target: %(amount)s)") % {
        "average": _format_average(average),
        "unit": target.unit_for(average),
        "scope": _average_scope(target),
        "amount": amount_text(target),
    }
