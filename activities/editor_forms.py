"""The activity editor's forms: an activity's texts, owner and target (`ActivityForm`), and its
place in the list (`MoveForm`). Its views are `activities.editor`."""

import re

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities.forms import AT_MOST_QUANTITY, MAX_QUANTITY
from activities.models import Activity, Responsible
from activities.progress import Comparator, Scope, Target, target_text
from activities.wording import text_target_mismatch
from followups.models import MeetingKind
from promises.editing_forms import VersionedFormMixin, version_field
from promises.fields import (
    ModelMultipleChoiceField,
    PlainTextField,
)
from promises.models import Promise
from promises.validators import validate_plain_text

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
