"""Outcome indicators: values in words and numbers, the trend in words, a small SVG chart, and
the writes (each one transaction, recorded in the history with its author).

Activities say what was done; outcomes say whether things got better. An indicator belongs to a
promise; its measurements are entered by the municipality's coordinator once the period is
signed (`lifecycle.outcomes_measured`). Nothing is deleted: a measurement entered by mistake is
withdrawn with a reason and leaves the public page.
"""

import datetime
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from promises.editing import give_reason
from promises.fields import long_date
from promises.models import (
    VALUE_DECIMALS,
    VALUE_DIGITS,
    Direction,
    OutcomeIndicator,
    OutcomeMeasurement,
)

# -- Values ---------------------------------------------------------------------------------

MAX_ABS_VALUE = Decimal(10) ** (VALUE_DIGITS - VALUE_DECIMALS)
# A number as people type it: an optional sign, digits (in groups of three separated by spaces,
# as Swedish writes 12 500), and a decimal comma or point.
_NUMBER = re.compile(r"[+-]?\d+(?:[,.]\d+)?")
_GROUP_SPACE = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


def parse_value(text: str) -> Decimal:
    """A typed value: "71,5", "71.5", "12 500", "-3"; ValidationError with a message otherwise."""
    cleaned = _GROUP_SPACE.sub("", str(text).strip().replace("\u2212", "-"))
    if not cleaned:
        raise ValidationError(_("Enter a value."), code="required")
    if not _NUMBER.fullmatch(cleaned):
        raise ValidationError(
            _("Write only a number, with a decimal comma if needed, e.g. 71,5."), code="invalid"
        )
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ValidationError(_("Write only a number, e.g. 71,5."), code="invalid") from None
    if -value.as_tuple().exponent > VALUE_DECIMALS:
        raise ValidationError(_("Use at most three decimals."), code="decimals")
    if abs(value) >= MAX_ABS_VALUE:
        raise ValidationError(_("The value is too large."), code="too_large")
    return value


# Units that say a share of a whole, in percent: a value of one lies between 0 and 100.
PERCENT_UNITS = frozenset({"%", "procent"})


def check_value_for_unit(value: Decimal, unit: str) -> None:
    """ValidationError when `value` cannot be a value in `unit`: a share in percent below 0 or
    above 100."""
    if unit.strip().lower() in PERCENT_UNITS and not 0 <= value <= 100:
        raise ValidationError(
            _("A share in percent lies between 0 and 100: check the value."), code="percent"
        )


def format_number(value: Decimal) -> str:
    """A value as the active language writes it, without trailing zeros: "71,5", "12 500"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return formats.number_format(Decimal(text), force_grouping=True)


def format_value(value: Decimal, unit: str = "") -> str:
    """A value with its unit, kept on one line: "71,5 %"."""
    number = format_number(value)
    return f"{number}\u00a0{unit}" if unit else number


# -- The trend in words ---------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """A value at a date: the baseline or a measurement."""

    date: datetime.date
    value: Decimal
    baseline: bool = False


def points(indicator: OutcomeIndicator, measurements) -> list[Point]:
    """The baseline (when set) and the given measurements, by date."""
    result = [Point(m.date, m.value) for m in measurements]
    result.sort(key=lambda point: point.date)
    if indicator.baseline_value is not None and indicator.baseline_date is not None:
        result.insert(0, Point(indicator.baseline_date, indicator.baseline_value, baseline=True))
    return result


def _when(point: Point, all_points: list[Point]) -> str:
    """The year, or the whole date when two points share a year."""
    years = [p.date.year for p in all_points]
    if len(set(years)) == len(years):
        return str(point.date.year)
    return long_date(point.date)


def direction_words(direction: str) -> str:
    if direction == Direction.LOWER:
        return pgettext("desired direction", "lower")
    return pgettext("desired direction", "higher")


def trend_words(indicator: OutcomeIndicator, measurements) -> str:
    """The trend from the baseline (or the first measurement) to the latest, in one sentence."""
    pts = points(indicator, measurements)
    direction = direction_words(indicator.direction)
    unit = indicator.unit
    if not pts:
        return gettext("No measurements yet; desired direction: %(direction)s.") % {
            "direction": direction
        }
    first, last = pts[0], pts[-1]
    values = {
        "first": format_value(first.value, unit),
        "first_when": _when(first, pts),
        "last": format_value(last.value, unit),
        "last_when": _when(last, pts),
        "direction": direction,
    }
    if len(pts) == 1 and first.baseline:
        text = gettext(
            "Baseline %(first)s (%(first_when)s); no measurements yet. "
            "Desired direction: %(direction)s."
        )
    elif len(pts) == 1:
        text = gettext(
            "One measurement: %(first)s (%(first_when)s); desired direction: %(direction)s."
        )
    elif last.value > first.value:
        text = gettext(
            "Rose from %(first)s (%(first_when)s) to %(last)s (%(last_when)s); "
            "desired direction: %(direction)s."
        )
    elif last.value < first.value:
        text = gettext(
            "Fell from %(first)s (%(first_when)s) to %(last)s (%(last_when)s); "
            "desired direction: %(direction)s."
        )
    else:
        text = gettext(
            "Unchanged at %(last)s (%(first_when)s and %(last_when)s); "
            "desired direction: %(direction)s."
        )
    return text % values


# -- The chart ------------------------------------------------------------------------------

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 14, 34


def _scale(pts: list[Point]):
    """Functions from date and value to the chart's x and y; the value axis includes zero."""
    low = min([Decimal(0), *(p.value for p in pts)])
    high = max([Decimal(0), *(p.value for p in pts)])
    if high == low:
        high = low + 1
    first, last = pts[0].date, pts[-1].date
    days = (last - first).days
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: datetime.date) -> float:
        if days == 0:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (day - first).days / days

    def y(value: Decimal) -> float:
        return TOP + plot_h * float((high - value) / (high - low))

    return x, y, low, high


def _num(number: float) -> str:
    return f"{number:.1f}"


def chart_svg(indicator: OutcomeIndicator, measurements) -> SafeString:
    """A line chart of the baseline and the measurements, as inline SVG (no script, no style
    attribute: presentation attributes only, which the CSP allows). Empty without points.

    Its title names the indicator and its description is the trend in words; the data table
    beside it holds every value. The baseline is a hollow square, measurements filled circles:
    shape, not colour, tells them apart.
    """
    pts = points(indicator, measurements)
    if not pts:
        return SafeString("")
    x, y, low, high = _scale(pts)
    unit = indicator.unit
    axis_y = y(Decimal(0))
    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" stroke-width="1"/>',
            LEFT,
            _num(axis_y),
            WIDTH - RIGHT,
            _num(axis_y),
        ),
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor" stroke-width="1"/>',
            LEFT,
            TOP,
            LEFT,
            HEIGHT - BOTTOM,
        ),
    ]
    for value in sorted({low, high}):
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="12" fill="currentColor">{}'
                "</text>",
                LEFT - 6,
                _num(y(value) + 4),
                format_value(value, unit),
            )
        )
    first, last = pts[0], pts[-1]
    labels = [(first, "start", LEFT)]
    if last.date != first.date:
        labels.append((last, "end", WIDTH - RIGHT))
    else:
        labels = [(first, "middle", x(first.date))]
    for point, anchor, at in labels:
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="{}" font-size="12" fill="currentColor">{}</text>',
                _num(at),
                HEIGHT - 10,
                anchor,
                _when(point, pts),
            )
        )
    if len(pts) > 1:
        line = " ".join(f"{_num(x(p.date))},{_num(y(p.value))}" for p in pts)
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="currentColor" stroke-width="2"/>', line
            )
        )
    for point in pts:
        label = f"{format_value(point.value, unit)} ({_when(point, pts)})"
        if point.baseline:
            parts.append(
                format_html(
                    '<rect class="chart-baseline" x="{}" y="{}" width="9" height="9" '
                    'fill="white" stroke="currentColor" stroke-width="2"><title>{}</title></rect>',
                    _num(x(point.date) - 4.5),
                    _num(y(point.value) - 4.5),
                    gettext("Baseline %(value)s") % {"value": label},
                )
            )
        else:
            parts.append(
                format_html(
                    '<circle class="chart-point" cx="{}" cy="{}" r="4.5" fill="currentColor">'
                    "<title>{}</title></circle>",
                    _num(x(point.date)),
                    _num(y(point.value)),
                    label,
                )
            )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="outcome-chart" viewBox="0 0 {} {}" '
        'width="{}" height="{}" role="img"><title>{}</title><desc>{}</desc>{}</svg>',
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        gettext("Chart: %(name)s") % {"name": indicator.name},
        trend_words(indicator, measurements),
        format_html_join("", "{}", ((part,) for part in parts)),
    )


@dataclass(frozen=True)
class IndicatorView:
    """What the public page shows of an indicator: its counted measurements, trend and chart."""

    indicator: OutcomeIndicator
    measurements: list
    trend: str
    chart: SafeString

    @property
    def baseline(self) -> str:
        i = self.indicator
        return "" if i.baseline_value is None else format_value(i.baseline_value, i.unit)

    @property
    def rows(self) -> list[dict]:
        """The table's rows: each measurement's date, value with unit, and source note."""
        unit = self.indicator.unit
        return [
            {"date": m.date, "value": format_value(m.value, unit), "note": m.source_note}
            for m in self.measurements
        ]


def indicator_view(indicator: OutcomeIndicator, measurements) -> IndicatorView:
    measurements = sorted(measurements, key=lambda m: (m.date, m.pk))
    return IndicatorView(
        indicator,
        measurements,
        trend_words(indicator, measurements),
        chart_svg(indicator, measurements),
    )


# -- Writes ---------------------------------------------------------------------------------

INDICATOR_FIELDS = (
    "promise",
    "name",
    "unit",
    "source",
    "description",
    "direction",
    "baseline_value",
    "baseline_date",
)


class MeasurementDateTaken(Exception):
    """The indicator already has a counted measurement of that date."""


class MeasurementWithdrawn(Exception):
    """The measurement was already withdrawn."""


@transaction.atomic
def define_indicator(user, **fields) -> OutcomeIndicator:
    """A new outcome indicator of a promise."""
    indicator = OutcomeIndicator(created_by=user, **fields)
    indicator._history_user = user
    indicator.save()
    return indicator


@transaction.atomic
def add_indicator(
    promise, user, *, measurements: "list[tuple[datetime.date, Decimal, str]]" = (), **fields
) -> OutcomeIndicator:
    """An indicator of `promise` with its measurements (date, value, source note) at once."""
    indicator = define_indicator(user, promise=promise, **fields)
    for day, value, note in measurements:
        record_measurement(indicator, user, date=day, value=value, source_note=note)
    return indicator


@transaction.atomic
def update_indicator(indicator: OutcomeIndicator, user, **fields) -> OutcomeIndicator:
    """Change an indicator's definition; the history keeps the earlier version."""
    locked = OutcomeIndicator.objects.select_for_update().get(pk=indicator.pk)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked._history_user = user
    locked.save()
    return locked


def record_measurement(
    indicator: OutcomeIndicator,
    user,
    *,
    date: datetime.date,
    value: Decimal,
    source_note: str = "",
    idempotency_key: uuid.UUID | None = None,
) -> tuple[OutcomeMeasurement, bool]:
    """Save a measurement once per idempotency key; a repeat returns the first and False.

    MeasurementDateTaken when another counted measurement has that date.
    """
    measurement = OutcomeMeasurement(
        indicator=indicator,
        date=date,
        value=value,
        source_note=source_note,
        created_by=user,
        idempotency_key=idempotency_key or uuid.uuid4(),
    )
    measurement._history_user = user
    try:
        with transaction.atomic():
            measurement.save()
        return measurement, True
    except IntegrityError:
        existing = OutcomeMeasurement.objects.filter(
            idempotency_key=measurement.idempotency_key, indicator=indicator
        ).first()
        if existing is not None:
            return existing, False
        raise MeasurementDateTaken(date) from None


@transaction.atomic
def record_measurements(indicator: OutcomeIndicator, user, rows: list[dict]) -> list:
    """Save all rows (each date, value, source_note, idempotency_key) or none.

    Returns the saved measurements, or [] when the first row's key was saved before (a repeated
    upload). MeasurementDateTaken (nothing saved) when a date was taken meanwhile.
    """
    saved = []
    for row in rows:
        measurement, created = record_measurement(indicator, user, **row)
        if not created:
            transaction.set_rollback(True)
            return []
        saved.append(measurement)
    return saved


@transaction.atomic
def withdraw_measurement(measurement: OutcomeMeasurement, user, reason: str) -> OutcomeMeasurement:
    """Withdraw a measurement with a reason: it leaves the public page, nothing is deleted."""
    locked = OutcomeMeasurement.objects.select_for_update().get(pk=measurement.pk)
    if locked.withdrawn_at is not None:
        raise MeasurementWithdrawn(measurement.pk)
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = user
    locked.withdrawal_reason = reason
    locked._history_user = user
    give_reason(locked, reason)
    locked.save()
    return locked
