"""Staff forms for logging activities, withdrawing logs and updating activity status."""

import datetime
import uuid

from django import forms
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityLog, ActivityStatus
from promises.forms import IsoDateInput
from promises.validators import validate_plain_text

MAX_QUANTITY = 100_000
MAX_SUMMARY = 1000
MAX_NOTE = 2000
MAX_REASON = 1000


class GroupedActivityChoiceField(forms.ModelChoiceField):
    """Activities grouped by period ("Tranås 2025–2026") in the select list.

    The groups are built only when the list is shown: the CSV import validates hundreds of rows
    with this form and never renders it.
    """

    def _set_queryset(self, queryset):
        # The grouped choices belong to the queryset: a form sets its own after the class's.
        self.__dict__.pop("_grouped", None)
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def _get_choices(self):
        if not hasattr(self, "_grouped"):
            groups: dict[str, list[tuple[int, str]]] = {}
            for activity in self.queryset:
                label = f"{activity.period.place_name} {activity.period.period_label}"
                groups.setdefault(label, []).append((activity.pk, activity.title))
            self._grouped = [("", self.empty_label or "")] + list(groups.items())
        return self._grouped

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


def _text(max_length: int, label, *, required: bool = False, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LogFieldsForm(forms.ModelForm):
    """The fields of a log, checked against its activity's period and today."""

    date = forms.DateField(
        label=_("Date"),
        widget=IsoDateInput(),
        help_text=_("The day the activity was carried out."),
    )
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=1,
        max_value=MAX_QUANTITY,
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("How many times, e.g. 1 traffic check."),
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=150,
        required=False,
        validators=[validate_plain_text],
        help_text=_("e.g. Storgatan. Public."),
    )
    summary = _text(
        MAX_SUMMARY,
        _("Public summary"),
        help_text=_("Shown on the public page. Do not name or describe individuals."),
    )
    internal_note = _text(
        MAX_NOTE,
        _("Internal note"),
        help_text=_(
            "Never shown to the public, but may be released as a public record. "
            "Do not write personal data here."
        ),
    )

    class Meta:
        model = ActivityLog
        fields = ["date", "quantity", "place", "summary", "internal_note"]

    def __init__(self, *args, today: datetime.date, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)
        note = self.fields["internal_note"]
        # The personal-data warning must stand out next to the field, not read as small print.
        note.help_text = format_html('<span class="warning">{}</span>', note.help_text)
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("date", today)

    def log_activity(self) -> Activity | None:
        """The activity the log belongs to (the edited log's, or the chosen one)."""
        return self.instance.activity if self.instance.activity_id else None

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        activity = self.log_activity()
        if day is None:
            return cleaned
        if day > self.today:
            self.add_error("date", _("The date cannot be in the future."))
        elif activity is not None and not (
            activity.period.start_date <= day <= activity.period.end_date
        ):
            self.add_error(
                "date",
                _("The date must be within the period, %(start)s–%(end)s.")
                % {
                    "start": formats.date_format(activity.period.start_date, "j M Y"),
                    "end": formats.date_format(activity.period.end_date, "j M Y"),
                },
            )
        return cleaned


class LogForm(LogFieldsForm):
    """A new log: the activity (among those the user may log) and an idempotency key."""

    activity = GroupedActivityChoiceField(
        queryset=Activity.objects.none(),
        label=_("Activity"),
        empty_label=_("Choose an activity"),
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    class Meta(LogFieldsForm.Meta):
        fields = ["activity", *LogFieldsForm.Meta.fields]

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())

    def log_activity(self) -> Activity | None:
        return self.cleaned_data.get("activity")


class WithdrawForm(forms.Form):
    """Why a log is withdrawn; the log stays, uncounted, with the reason."""

    reason = _text(
        MAX_REASON,
        _("Reason for withdrawal"),
        required=True,
        help_text=_("e.g. Logged twice by mistake."),
    )


class StatusForm(forms.ModelForm):
    """The status of an activity without a numeric target."""

    status_reason = _text(
        MAX_REASON,
        _("Reason or comment"),
        help_text=_("Required when the activity is cancelled. Public."),
    )

    class Meta:
        model = Activity
        fields = ["status", "status_reason"]
        widgets = {"status": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ActivityStatus.CANCELLED and not cleaned.get("status_reason"):
            self.add_error("status_reason", _("Give a reason when the activity is cancelled."))
        return cleaned
