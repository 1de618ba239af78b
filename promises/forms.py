"""Staff forms of the promise editor; shared parts: versioned forms, revision reason, dates."""

import re

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from promises.editing import last_editor
from promises.models import RevisionKind
from promises.validators import validate_plain_text

MAX_REASON = 2000


class IsoDateInput(forms.DateInput):
    """A date picker; a posted value it cannot show (not YYYY-MM-DD) is left out of the markup."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return None
        return value


class VersionedFormMixin(forms.BaseForm):
    """A model form that sends the `edit_version` it showed, so a stale save is a conflict.

    Declare `edit_version = version_field()` on the form. After an `EditConflict`, build the
    form with `rebind_after_conflict()`.
    """

    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and getattr(self, "instance", None) is not None:
            self.initial.setdefault("edit_version", self.instance.edit_version)


def version_field() -> forms.IntegerField:
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1, initial=1)


class Conflict:
    """What the second saver is told: who saved, when, and the saved value of each field
    whose saved value differs from what they typed."""

    def __init__(self, who: str, when, differences: list[tuple[str, str, str]]) -> None:
        self.who = who
        self.when = when
        self.differences = differences


def rebind_after_conflict(form_class, data, current, **kwargs) -> forms.BaseForm:
    """The form again, with the user's typed text kept, based on the now saved version.

    The form carries a non-field error and `form.conflict` (who saved, what differs), and its
    hidden version is the saved one: saving again is a deliberate overwrite.
    """
    data = data.copy()
    data["edit_version"] = str(current.edit_version)
    form = form_class(data, instance=current, **kwargs)
    form.is_valid()
    saved = form_class(instance=current, **kwargs)
    differences = []
    for name, field in form.fields.items():
        if name == "edit_version" or isinstance(field.widget, forms.HiddenInput):
            continue
        bound = form[name]
        saved_value = saved[name].value()
        typed_value = bound.value()
        if _comparable(saved_value) != _comparable(typed_value):
            differences.append((str(field.label), _display(field, saved_value)))
    record = last_editor(current)
    who = ""
    when = None
    if record is not None:
        user = record.history_user
        who = (user.get_full_name() or user.get_username()) if user else ""
        when = timezone.localtime(record.history_date)
    form.conflict = Conflict(who, when, differences)
    message = _(
        "Someone else saved this while you were editing. Your text is kept below; compare it "
        "with the saved version and save again to replace it."
    )
    if who and when:
        message = _(
            "%(who)s saved this at %(when)s while you were editing. Your text is kept below; "
            "compare it with the saved version and save again to replace it."
        ) % {"who": who, "when": formats.date_format(when, "SHORT_DATETIME_FORMAT")}
    form.add_error(None, message)
    return form


def _comparable(value) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(sorted(str(v) for v in value))
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").strip()


def _display(field: forms.Field, value) -> str:
    """A saved value as text: choice labels for choices, the text otherwise."""
    if hasattr(field, "choices") and value not in (None, ""):
        values = value if isinstance(value, (list, tuple)) else [value]
        labels = {str(k): str(v) for k, v in field.choices if not isinstance(v, list)}
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    return _comparable(value)


class RevisionForm(forms.Form):
    """Why a signed period is changed: shown with the change in the public change log."""

    revision_kind = forms.ChoiceField(
        label=_("Kind of change"), choices=RevisionKind.choices, initial=RevisionKind.ANNUAL_REVIEW
    )
    revision_reason = forms.CharField(
        label=_("Reason for the change"),
        help_text=_("Shown to the public in the period's change log."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_REASON,
        validators=[validate_plain_text],
    )
