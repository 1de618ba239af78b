"""Staff forms of the outcome indicators: define or change an indicator, enter a measurement,
withdraw one with a reason, import measurements from a CSV file."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from followups.forms import MAX_REASON, _text
from promises.fields import DateField, PlainTextField, idempotency_field, long_date
from promises.models import Direction, OutcomeIndicator, OutcomeMeasurement, Promise
from promises.outcomes import check_value_for_unit, parse_value

MAX_NAME = 200
MAX_UNIT = 40
MAX_SOURCE = 200
MAX_DESCRIPTION = 2_000
MAX_SOURCE_NOTE = 300


class ValueField(forms.CharField):
    """A number as typed: decimal comma or point, spaces between groups of three digits."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if text in self.empty_values:
            return None
        return parse_value(text)


def _plain(max_length: int, label, *, required: bool = True, help_text=""):
    return PlainTextField(
        label=label, max_length=max_length, required=required, help_text=help_text
    )


class IndicatorForm(forms.Form):
    """An indicator's definition; the promise is one of the period's."""

    promise = forms.ModelChoiceField(
        label=_("Promise"),
        queryset=Promise.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the promises of this period.")},
    )
    name = _plain(
        MAX_NAME,
        _("Name"),
        help_text=_("Public. e.g. Share who feel safe in the town centre in the evening."),
    )
    unit = _plain(MAX_UNIT, _("Unit"), required=False, help_text=_("e.g. %, index, reports."))
    source = _plain(
        MAX_SOURCE,
        _("Source"),
        help_text=_("Public. Where the values come from, e.g. the Police's safety survey."),
    )
    description = _text(
        MAX_DESCRIPTION, _("Description"), help_text=_("Public. What is measured, and how.")
    )
    direction = forms.ChoiceField(
        label=_("Desired direction"), choices=Direction.choices, widget=forms.RadioSelect
    )
    baseline_value = ValueField(
        label=_("Baseline value"),
        required=False,
        help_text=_("The value before the work began, e.g. 62 or 71,5. Optional."),
    )
    baseline_date = DateField(label=_("Baseline date"), required=False)

    def __init__(self, *args, period, indicator: OutcomeIndicator | None = None, **kwargs):
        if indicator is not None:
            kwargs.setdefault(
                "initial",
                {name: getattr(indicator, name) for name in self.base_fields}
                | {"promise": indicator.promise_id},
            )
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["promise"].queryset = period.promises.order_by("position", "pk")

    def clean(self):
        cleaned = super().clean()
        value, day = cleaned.get("baseline_value"), cleaned.get("baseline_date")
        if value is not None and "unit" in cleaned:
            try:
                check_value_for_unit(value, cleaned["unit"])
            except forms.ValidationError as error:
                self.add_error("baseline_value", error)
        today = timezone.localdate()
        if day is not None and day > today:
            self.add_error(
                "baseline_date",
                _("The baseline is the value before the work began: date it today or earlier."),
            )
        promise, name = cleaned.get("promise"), cleaned.get("name")
        if promise is not None and name:
            same = OutcomeIndicator.objects.filter(promise=promise, name__iexact=name)
            if self.indicator is not None:
                same = same.exclude(pk=self.indicator.pk)
            if same.exists():
                self.add_error("name", _("The promise already has an indicator with this name."))
        if "baseline_value" in cleaned and "baseline_date" in cleaned:
            if value is None and day is not None:
                self.add_error("baseline_value", _("Enter the baseline value for the date."))
            elif value is not None and day is None:
                self.add_error("baseline_date", _("Enter the date of the baseline value."))
        if day is not None and self.indicator is not None:
            first = self.indicator.measurements.counted().order_by("date").first()
            if first is not None and day > first.date:
                self.add_error(
                    "baseline_date",
                    _("The baseline cannot be after the first measurement (%(date)s).")
                    % {"date": long_date(first.date)},
                )
        return cleaned


class MeasurementForm(forms.Form):
    """One measurement: a date, a value and a note on its source."""

    date = DateField(label=_("Date of the measurement"))
    value = ValueField(label=_("Value"), help_text=_("e.g. 71,5 — the number only."))
    source_note = _plain(
        MAX_SOURCE_NOTE,
        _("Source note"),
        required=False,
        help_text=_("Public. e.g. The safety survey 2026, 1,200 answers."),
    )
    idempotency_key = idempotency_field()

    def __init__(
        self,
        *args,
        indicator: OutcomeIndicator,
        today: datetime.date | None = None,
        taken: set[datetime.date] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.today = today or timezone.localdate()
        # Dates that already have a counted measurement (read once, for an import's many rows).
        self.taken = taken

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None:
            check_value_for_unit(value, self.indicator.unit)
        return value

    def clean_date(self) -> datetime.date:
        day = self.cleaned_data["date"]
        if day > self.today:
            raise forms.ValidationError(
                _("A measurement cannot be dated after today (%(date)s).")
                % {"date": long_date(self.today)}
            )
        baseline = self.indicator.baseline_date
        if baseline is not None and day < baseline:
            raise forms.ValidationError(
                _("The baseline is from %(date)s: a measurement cannot be earlier.")
                % {"date": long_date(baseline)}
            )
        taken = self.taken
        if taken is None:
            taken = set(
                OutcomeMeasurement.objects.counted()
                .filter(indicator=self.indicator)
                .values_list("date", flat=True)
            )
        if day in taken:
            raise forms.ValidationError(
                _("There is already a measurement of %(date)s. Withdraw it first to replace it.")
                % {"date": long_date(day)}
            )
        return day


class WithdrawMeasurementForm(forms.Form):
    """Why a measurement is withdrawn."""

    reason = _text(MAX_REASON, _("Reason"), required=True)
