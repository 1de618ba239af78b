"""Staff forms: logging activities, listing and withdrawing logs, an activity's status. (The
activity editor's forms are `activities.editor_forms`.)"""

import datetime
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityLog, ActivityStatus
from activities.plausibility import QuantityDoubt, activity_doubt
from activities.wording import quantity_words
from promises.editing_forms import VersionedFormMixin, version_field
from promises.fields import (
    DateField,
    PlainTextField,
    date_span,
    idempotency_field,
    long_date,
)
from promises.validators import validate_plain_text

MAX_QUANTITY = 100_000
# "Ange högst 100 000." with the thousands apart, as the pages write numbers (Django's own
# message gives the bare 100000).
AT_MOST_QUANTITY = format_lazy(
    _("Enter at most {max}."), max=f"{MAX_QUANTITY:,}".replace(",", "\u00a0")
)
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

    def grouped_choices(self) -> list:
        if not hasattr(self, "_grouped"):
            groups: dict[str, list[tuple[int, str]]] = {}
            for activity in self.queryset:
                label = f"{activity.period.place_name} {activity.period.period_label}"
                groups.setdefault(label, []).append((activity.pk, activity.title))
            if len(groups) > 1:
                # A closed list shows the chosen option alone, not its group: an officer of
                # several municipalities saw "Trafikkontroller" and not whose.
                groups = {
                    label: [(pk, f"{title} ({label})") for pk, title in options]
                    for label, options in groups.items()
                }
            # No empty first option where none may be chosen (a log's move: it has one).
            empty = [] if self.empty_label is None else [("", self.empty_label)]
            self._grouped = empty + list(groups.items())
        return self._grouped

    def _get_choices(self):
        # Lazy: a posted form checks its choice with one query and never lists them all.
        return _GroupedChoices(self)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


class _GroupedChoices(BaseChoiceIterator):
    def __init__(self, field: GroupedActivityChoiceField) -> None:
        self.field = field

    def __iter__(self):
        return iter(self.field.grouped_choices())


def _text(max_length: int, label, *, required: bool = False, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConfirmQuantityInput(forms.CheckboxInput):
    """A checkbox whose value is the quantity it confirms and its activity ("30-12"): ticked
    for 30, it does not confirm 300 typed afterwards, nor 30 of another activity."""

    confirms = ""

    def format_value(self, value):
        return self.confirms or None

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")

    def get_context(self, name, value, attrs):
        context = super(forms.CheckboxInput, self).get_context(name, value, attrs)
        if self.confirms and str(value or "") == self.confirms:
            context["widget"]["attrs"]["checked"] = True
        return context


class LogFieldsForm(forms.ModelForm):
    """The fields of a log, checked against its activity's period and today; an improbable
    quantity (`activities.plausibility`) is saved only when confirmed."""

    # The CSV import lists an improbable row among its doubts instead.
    asks_quantity = True

    date = DateField(
        label=_("Date"),
        help_text=_("The day the activity was carried out."),
        error_messages={"required": _("Enter the day the activity was carried out.")},
    )
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=1,
        max_value=MAX_QUANTITY,
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("How many times, e.g. 1 traffic check."),
        error_messages={
            "required": _("Enter how many times the activity was carried out, e.g. 1."),
            "min_value": _("Enter at least 1."),
            "max_value": AT_MOST_QUANTITY,
        },
    )
    # Shown only after an improbable quantity was asked about (GOV.UK's "check your answer").
    quantity_confirmed = forms.CharField(
        label=_("Yes, the quantity is right"),
        required=False,
        label_suffix="",
        widget=ConfirmQuantityInput,
        help_text=_("Tick the box and save again, or correct the quantity."),
    )
    place = PlainTextField(
        label=_("Place"),
        max_length=150,
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
        self.quantity_doubt: QuantityDoubt | None = None
        # The confirmation right below the quantity it confirms.
        names = [name for name in self.fields if name != "quantity_confirmed"]
        names.insert(names.index("quantity") + 1, "quantity_confirmed")
        self.order_fields(names)
        # A phone's date picker offers no day after today (the form refuses one).
        self.fields["date"].widget.attrs["max"] = today.isoformat()
        note = self.fields["internal_note"]
        # The personal-data warning must stand out next to the field, not read as small print.
        note.help_text = format_html('<span class="warning">{}</span>', note.help_text)
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("date", today)

    def log_activity(self) -> Activity | None:
        """The activity the log belongs to (the edited log's, or the chosen one)."""
        return self.instance.activity if self.instance.activity_id else None

    def visible_fields(self):
        # The confirmation only once an improbable quantity has been asked about.
        return [
            field
            for field in super().visible_fields()
            if field.name != "quantity_confirmed" or self.quantity_doubt is not None
        ]

    def _check_quantity(self, cleaned: dict) -> None:
        """Ask about an improbable quantity (a new one, or one changed or moved to another
        activity): an error on the quantity until the box confirming that very number is
        ticked."""
        activity, quantity = self.log_activity(), cleaned.get("quantity")
        if activity is None or quantity is None or self.has_error("date"):
            return
        if self.instance.pk and (quantity, activity.pk) == (
            self.instance.quantity,
            self.instance.activity_id,
        ):
            return  # corrected otherwise: the quantity was saved (and asked about) before
        self.quantity_doubt = activity_doubt(activity, quantity, cleaned.get("date"), self.today)
        if self.quantity_doubt is None:
            return
        confirm = self.fields["quantity_confirmed"]
        # The number and the activity it was asked about: a box ticked when asked about 60
        # without a target does not confirm 60 once the activity is changed to one of "minst
        # 12 per år", whose question was never shown (the security probe).
        confirm.widget.confirms = f"{quantity}-{activity.pk}"
        if cleaned.get("quantity_confirmed") != confirm.widget.confirms:
            # The box is described by the question it answers, as the quantity is.
            asked = (
                f"{self['quantity'].auto_id}_error {self['quantity_confirmed'].auto_id}_helptext"
            )
            confirm.widget.attrs["aria-describedby"] = asked
            self.add_error(
                "quantity", ValidationError(self.quantity_doubt.message, code="improbable")
            )

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        activity = self.log_activity()
        if day is None:
            return cleaned
        if day > self.today:
            self.add_error(
                "date",
                _("The date cannot be in the future: choose today (%(today)s) or an earlier day.")
                % {"today": long_date(self.today)},
            )
        elif activity is not None and activity.counts_from and day < activity.counting_start:
            # Added by a revision: nothing of it was done before it existed.
            self.add_error(
                "date",
                _("The activity was added on %(date)s: the date is that day or later.")
                % {"date": long_date(activity.counting_start)},
            )
        elif activity is not None and activity.period.end_date is None:
            # In force until further notice: any day from the start (the stated start, which
            # may be before the signing).
            if day < activity.period.start_date:
                self.add_error(
                    "date",
                    _("The date must be within the period, from %(start)s.")
                    % {"start": long_date(activity.period.start_date)},
                )
        elif activity is not None and not (
            activity.period.start_date <= day <= activity.period.end_date
        ):
            self.add_error(
                "date",
                _("The date must be within the period, %(dates)s.")
                % {"dates": date_span(activity.period.start_date, activity.period.end_date)},
            )
        if self.asks_quantity:
            self._check_quantity(cleaned)
        return cleaned


class LogEditForm(VersionedFormMixin, LogFieldsForm):
    """A saved log's fields, with the version shown: a change somebody saved meanwhile is a
    conflict, not overwritten; and, given `activities` (those the user logs, and the log's
    own), its activity: a log saved under the wrong one moves, its history saying so."""

    activity = GroupedActivityChoiceField(
        queryset=Activity.objects.none(),
        label=_("Activity"),
        empty_label=None,
        required=False,  # not sent: the log stays where it is
        help_text=_(
            "Logged under the wrong activity? Choose the right one: the log moves there, and its "
            "history says from where."
        ),
    )
    # Why it changed, for colleagues reading the log's history (a coordinator found a quantity
    # changed and nobody to say why); optional: a typo needs no explanation. The history's
    # column holds 100 characters.
    reason = PlainTextField(
        label=_("Why is it changed?"),
        max_length=100,
        help_text=_(
            "Optional, e.g. the wrong quantity was entered. Shown in the log's history, not on "
            "the public page."
        ),
    )
    edit_version = version_field()

    class Meta(LogFieldsForm.Meta):
        fields = ["activity", *LogFieldsForm.Meta.fields]

    def __init__(self, *args, activities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if activities is None:
            del self.fields["activity"]  # a meeting's log follows the meeting's record
        else:
            self.fields["activity"].queryset = activities

    def clean_activity(self) -> Activity:
        # Not sent (a form from before the field, a script): the log stays where it is.
        return self.cleaned_data.get("activity") or self.instance.activity

    def log_activity(self) -> Activity | None:
        if "activity" not in self.fields:
            return super().log_activity()
        return self.cleaned_data.get("activity")  # None when not one offered: said on the field

    def _get_validation_exclusions(self):
        # The activity was found among those offered (as LogForm's is).
        return super()._get_validation_exclusions() | {"activity"}


# Until this hour a log is likely of the evening before (`LogForm._after_midnight`).
SMALL_HOURS_END = 5


class LogForm(LogFieldsForm):
    """A new log: the activity (among those the user may log) and an idempotency key."""

    activity = GroupedActivityChoiceField(
        queryset=Activity.objects.none(),
        label=_("Activity"),
        empty_label=_("Choose an activity"),
        error_messages={"required": _("Choose the activity that was carried out.")},
    )
    idempotency_key = idempotency_field()

    class Meta(LogFieldsForm.Meta):
        fields = ["activity", *LogFieldsForm.Meta.fields]

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())
        self.registers = False
        if isinstance(chosen := self.initial.get("activity"), Activity):
            self._worded_for(chosen)  # opened for it (?aktivitet=)
        if not self.is_bound:
            self._after_midnight()

    def _after_midnight(self) -> None:
        """In the small hours the date proposed (today) is seldom the day of the work: an
        officer logging an evening shift after midnight saved the next day. The date stays
        today's (the work may be of the night), and its help adds which day was yesterday."""
        now = timezone.localtime()
        if now.hour >= SMALL_HOURS_END or now.date() != self.today:
            return
        yesterday = self.today - datetime.timedelta(days=1)
        text = _(
            "It is past midnight: if the activity was carried out yesterday evening, change the "
            "date to %(date)s."
        ) % {"date": formats.date_format(yesterday, "j F Y")}
        field = self["date"]
        help_text = format_html('{} <span class="warning">{}</span>', field.help_text, text)
        self.fields["date"].help_text = field.help_text = help_text

    def _worded_for(self, activity: Activity) -> None:
        """What a most counts ("högst 10 anmälda skadegörelser") is registered, not carried
        out: the form for one says so (a tester logged vandalism as "work done")."""
        self.registers = activity.target is not None and activity.target.is_ceiling
        if self.registers:
            texts = {
                "date": _("The day it happened."),
                "quantity": _("How many, e.g. %(example)s.")
                % {"example": quantity_words(activity.target, 1)},
            }
            for name, text in texts.items():
                # Escaped here: forms render help texts as markup, and this one holds the
                # target's unit, typed by a coordinator. The bound field keeps its own copy
                # once the form has been cleaned.
                self.fields[name].help_text = self[name].help_text = format_html("{}", text)

    def clean(self):
        cleaned = super().clean()
        if (activity := cleaned.get("activity")) is not None:
            self._worded_for(activity)  # shown again with an error
        return cleaned

    def log_activity(self) -> Activity | None:
        return self.cleaned_data.get("activity")

    def _get_validation_exclusions(self):
        # The activity was found among those the user may log, and the quantity's bounds are
        # this form's own: the model's existence and constraint checks would only repeat them
        # with three more queries per log (the database constraints still hold).
        return super()._get_validation_exclusions() | {"activity", "quantity"}


class LogListForm(forms.Form):
    """The filters of the list of logs: the days they were done, where, and who logged them.
    Invalid values are said on their field and left out; the defaults are the last seven days."""

    fran = DateField(label=_("Done from"), required=False)
    till = DateField(label=_("Done until"), required=False)
    kommun = forms.ChoiceField(label=_("Municipality"), required=False)
    av = forms.TypedChoiceField(label=_("Logged by"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, municipalities, reporters, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kommun"].choices = [("", _("All my municipalities")), *municipalities]
        self.fields["av"].choices = [("", _("Everyone")), *reporters]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fran"), cleaned.get("till")
        if start and end and start > end:
            self.add_error(
                "till",
                _("The last day is before the first: choose the first day or a later one."),
            )
        return cleaned


class WithdrawForm(forms.Form):
    """Why a log is withdrawn; the log stays, uncounted, with the reason."""

    reason = _text(
        MAX_REASON,
        _("Reason for withdrawal"),
        required=True,
        help_text=_("e.g. Logged twice by mistake."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's own "This field is required." does not say what to write.
        self.fields["reason"].error_messages["required"] = _(
            "Write why the log is withdrawn, e.g. Logged twice by mistake."
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
