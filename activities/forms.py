"""Staff forms: logging activities, withdrawing logs, activity status, and the activity editor."""

import datetime
import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities.models import Activity, ActivityLog, ActivityStatus, Responsible
from activities.plausibility import QuantityDoubt, activity_doubt
from activities.progress import Comparator, Scope, Target, target_text
from activities.wording import quantity_words, text_target_mismatch
from followups.models import MeetingKind
from promises.fields import (
    DateField,
    ModelMultipleChoiceField,
    PlainTextField,
    date_span,
    idempotency_field,
    long_date,
)
from promises.forms import VersionedFormMixin, version_field
from promises.models import Promise
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


MAX_TITLE = 120
MAX_DESCRIPTION = 2000
MAX_OTHER = 150
MAX_PARTNERS = 300
MAX_UNIT = 60


class HasTarget(models.TextChoices):
    """Whether an activity is followed up against a numeric target or by its status."""

    YES = "yes", _("With a target")
    NO = "no", _("Without a target (a status instead)")


class PromiseChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


def _capitalised(choices) -> list[tuple[str, str]]:
    return [(value, capfirst(label)) for value, label in choices]


# The editor offers a bare number first: "två medborgardialoger" is met when reached. "Exactly"
# (more is not met) is offered only to targets already saved with it.
TARGET_COMPARATOR_CHOICES = [
    (Comparator.COUNT, _("A number (met when reached)")),
    (Comparator.AT_LEAST, _("At least")),
    (Comparator.AT_MOST, _("At most")),
]


def text_target_warning(description: str, target: Target | None) -> str:
    """The editor's warning when an activity's text states a number its target does not."""
    numbers = text_target_mismatch(description, target)
    if not numbers:
        return ""
    return ngettext(
        "The description states the number %(numbers)s, but the target is %(target)s. Check "
        "that the text and the target say the same; the public page and the signing document "
        "show both.",
        "The description states the numbers %(numbers)s, but the target is %(target)s. Check "
        "that the text and the target say the same; the public page and the signing document "
        "show both.",
        len(numbers),
    ) % {"numbers": ", ".join(str(n) for n in numbers), "target": target_text(target)}


class ActivityForm(VersionedFormMixin, forms.ModelForm):
    """An activity of a period: texts, responsible party, promises served, and its target.

    A target is all four target fields or none (the database insists). Comparator and time span
    are choices a browser cannot unselect, so "without a target" ignores them; a number or unit
    typed next to "without a target" is an error, since the coordinator meant one of the two.
    With `revision=True` (signed periods) the form also asks for the revision's kind and reason.
    """

    title = PlainTextField(
        label=_("Short name"),
        max_length=MAX_TITLE,
        required=True,
        help_text=_("e.g. Trafikkontroller. Shown as the activity's heading."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=MAX_DESCRIPTION,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The sentence of the citizen promise, e.g. Polisen ska genomföra minst femton "
            "trafikkontroller med inriktning på trafikbeteenden."
        ),
    )
    responsible = forms.ChoiceField(
        label=_("Responsible"),
        choices=_capitalised(Responsible.choices),
        widget=forms.RadioSelect,
        help_text=_(
            "Not stated: the document does not say who, e.g. Vi ska … Never guess; both the "
            "Police and the municipality's coordinator may log such an activity."
        ),
    )
    responsible_other = PlainTextField(
        label=_("Other responsible actor"),
        max_length=MAX_OTHER,
        help_text=_("Only for another actor, e.g. Räddningstjänsten."),
    )
    partners = PlainTextField(
        label=_("Together with"),
        max_length=MAX_PARTNERS,
        help_text=_(
            "Others who take part besides the responsible party, as the document names them, "
            "e.g. Räddningstjänsten, föreningar. Public."
        ),
    )
    promises = PromiseChoiceField(
        label=_("Promises the activity serves"),
        queryset=Promise.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one promise that the activity serves.")},
    )
    has_target = forms.ChoiceField(
        label=_("Target"),
        choices=HasTarget.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "A numeric target is followed up against the logs; without one, the activity shows "
            "a status (planned, ongoing, done)."
        ),
    )
    target_comparator = forms.ChoiceField(
        label=_("Target: comparison"),
        choices=TARGET_COMPARATOR_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "A number without at least or at most (två medborgardialoger) is met when "
            "reached; more is also met."
        ),
    )
    target_value = forms.IntegerField(
        label=_("Target: number"),
        min_value=1,
        max_value=MAX_QUANTITY,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("A whole number, e.g. 15."),
        error_messages={"max_value": AT_MOST_QUANTITY},
    )
    target_unit = PlainTextField(
        label=_("Target: unit"),
        max_length=MAX_UNIT,
        help_text=_("What is counted, e.g. trafikkontroller."),
    )
    target_unit_singular = PlainTextField(
        label=_("Target: unit, singular"),
        max_length=MAX_UNIT,
        help_text=_(
            "The unit after the number 1, e.g. trafikkontroll. Leave empty when the unit has no "
            "other form."
        ),
    )
    target_scope = forms.ChoiceField(
        label=_("Target: time span"),
        choices=[("", _("Choose a time span"))] + _capitalised(Scope.choices),
        required=False,
    )
    counted_meeting_kinds = forms.MultipleChoiceField(
        label=_("Follow-up meetings that count toward the activity"),
        choices=MeetingKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "For an activity made of meetings, e.g. monthly follow-up: each meeting of a kind "
            "ticked here, recorded as held, counts as one occurrence."
        ),
    )
    edit_version = version_field()

    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "responsible",
            "responsible_other",
            "partners",
            "promises",
            "target_comparator",
            "target_value",
            "target_unit",
            "target_unit_singular",
            "target_scope",
            "counted_meeting_kinds",
        ]

    field_order = [
        "title",
        "description",
        "responsible",
        "responsible_other",
        "partners",
        "promises",
        "has_target",
        "target_comparator",
        "target_value",
        "target_unit",
        "target_unit_singular",
        "target_scope",
        "counted_meeting_kinds",
    ]
    target_fields = ("target_comparator", "target_value", "target_unit", "target_scope")

    def __init__(self, *args, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period
        # Only this period's promises: another period's is "not one of the available choices".
        self.fields["promises"].queryset = period.promises.order_by("position", "pk")
        if not period.promises.exists():
            # A period made only of activities (no separate promises): nothing to serve or ask.
            self.fields["promises"].required = False
            self.fields["promises"].widget = forms.MultipleHiddenInput()
        if self.instance.pk:
            self.initial["has_target"] = (
                HasTarget.YES if self.instance.target_value is not None else HasTarget.NO
            )
        else:
            self.initial.setdefault("has_target", HasTarget.YES)
            self.initial.setdefault("target_comparator", Comparator.AT_LEAST)
            self.initial.setdefault("target_scope", Scope.PERIOD)
        if self.instance.target_comparator == Comparator.EXACTLY:
            # Kept for targets saved as exact; new targets choose a number instead.
            self.fields["target_comparator"].choices = [
                *TARGET_COMPARATOR_CHOICES,
                (Comparator.EXACTLY, _("Exactly (more is not met)")),
            ]

    def clean_description(self) -> str:
        # Browsers send CRLF: the same text typed again must not count as a change.
        return self.cleaned_data["description"].replace("\r\n", "\n")

    def clean(self):
        cleaned = super().clean()
        responsible = cleaned.get("responsible")
        other = cleaned.get("responsible_other", "")
        if (
            responsible == Responsible.OTHER
            and not other
            and not self.has_error("responsible_other")
        ):
            self.add_error("responsible_other", _("Name the actor responsible for the activity."))
        elif responsible and responsible != Responsible.OTHER and other:
            self.add_error(
                "responsible_other",
                _("Leave this empty, or choose another actor as the responsible party."),
            )
        if responsible and (repeated := _partner_repeating(responsible, other, cleaned)):
            self.add_error(
                "partners",
                _("%(name)s is already the responsible party: name only the others who take part.")
                % {"name": repeated},
            )
        has_target = cleaned.get("has_target")
        if has_target == HasTarget.NO:
            # The choice decides: target fields left filled in are dropped, not refused (a
            # tester had to empty three fields by hand, each refused in turn).
            for name in self.target_fields:
                self._errors.pop(name, None)
            cleaned.update(
                target_comparator="",
                target_value=None,
                target_unit="",
                target_unit_singular="",
                target_scope="",
            )
        elif has_target == HasTarget.YES:
            messages = {
                "target_comparator": _("Choose a number, at least or at most."),
                "target_value": _("Enter the target's number."),
                "target_unit": _("Enter what is counted, e.g. trafikkontroller."),
                "target_scope": _("Choose the time span of the target."),
            }
            for name, message in messages.items():
                if cleaned.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, message)
            if (
                cleaned.get("target_value") == 1
                and cleaned.get("target_unit")
                and not cleaned.get("target_unit_singular")
                and "target_unit_singular" not in self.errors
            ):
                # The target itself follows the number 1: "minst 1 samverkansmöten per månad"
                # was published as typed.
                self.add_error(
                    "target_unit_singular",
                    _(
                        "The target is 1: write the unit as it follows the number 1, e.g. "
                        "samverkansmöte (the same word again if it has no other form)."
                    ),
                )
        return cleaned

    def target_preview(self) -> str:
        """The valid target of a bound form as the public page will word it, or ""."""
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return ""
        data = self.cleaned_data
        if data.get("has_target") != HasTarget.YES or any(
            name in self.errors or data.get(name) in (None, "") for name in self.target_fields
        ):
            return ""
        return target_text(self._target(data))

    @staticmethod
    def _target(data) -> Target:
        return Target(
            comparator=data["target_comparator"],
            value=data["target_value"],
            unit=data["target_unit"],
            scope=data["target_scope"],
            unit_singular=data.get("target_unit_singular", ""),
        )

    def text_target_warning(self) -> str:
        """A warning when the description states another number than the target, or "".

        It does not block saving: the text may be right and the target wrong, or the text may
        name another number ("två gånger per dygn" with a target of 14 per week).
        """
        if self.is_bound:
            data = getattr(self, "cleaned_data", None)
            if data is None or self.errors or data.get("has_target") != HasTarget.YES:
                return ""
            description, target = data["description"], self._target(data)
        else:
            description, target = self.instance.description, self.instance.target
        return text_target_warning(description, target)


class MoveForm(forms.Form):
    """Which way to move an activity in its period's list."""

    direction = forms.ChoiceField(choices=[("up", _("up")), ("down", _("down"))])


# The names a responsible party goes by in "Together with" ("Polisen", "kommunen").
_PARTY_NAMES = {
    Responsible.POLICE: ("Polisen",),
    Responsible.MUNICIPALITY: ("Kommunen",),
    Responsible.JOINT: ("Polisen", "Kommunen"),
}


def _partner_repeating(responsible: str, other: str, cleaned: dict) -> str:
    """The responsible party's name where "Together with" names it again, or "".

    "Räddningstjänsten, tillsammans med Räddningstjänsten" was published as written; the
    partners are split at commas and "och", and compared without regard to case.
    """
    names = (other,) if responsible == Responsible.OTHER else _PARTY_NAMES.get(responsible, ())
    partners = {
        part.strip().casefold()
        for piece in cleaned.get("partners", "").split(",")
        for part in re.split(r"\s+och\s+", piece)
    }
    return next((name for name in names if name and name.casefold() in partners), "")
