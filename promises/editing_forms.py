"""The forms' side of `promises.editing`, shared by every staff editor: a form that sends the
version it showed (`VersionedFormMixin`) and is built again after a conflict
(`rebind_after_conflict`), a form that makes an object once however often it is sent
(`SentOnceMixin`), and the reason asked for a revision of a signed period (`RevisionForm`)."""

import datetime
import uuid

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from promises.editing import RevisionData, last_editor
from promises.fields import (
    idempotency_field,
)
from promises.models import (
    RevisionKind,
)
from promises.validators import validate_plain_text

MAX_REASON = 2000


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


# What the second of two submissions of a form that makes an object says (`SentOnceMixin`).
SENT_TWICE = _("Already saved: the form was sent twice and saved once.")


class SentOnceMixin(forms.BaseForm):
    """A form that makes an object, with a hidden key of its own: sent twice (a double click, a
    resent page), the second finds what the first made (`promises.editing.save_once`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Not required: a page loaded before the key existed still saves (unprotected).
        self.fields["idempotency_key"] = idempotency_field(required=False)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())


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
    if issubclass(form_class, forms.BaseModelForm):
        # Read the saved values first: validating a model form writes the typed ones into
        # `current`.
        saved = form_class(instance=current, **kwargs)
        form = form_class(data, instance=current, **kwargs)
    else:  # a plain form of some of the object's fields
        fields = {name: getattr(current, name) for name in form_class.base_fields}
        saved = form_class(initial=fields, **kwargs)
        form = form_class(data, **kwargs)
    form.is_valid()
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
        ) % {"who": who, "when": formats.date_format(when, "j F Y H:i")}
    form.add_error(None, message)
    return form


def _comparable(value) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(sorted(str(v) for v in value))
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").strip()


def _display(field: forms.Field, value) -> str:
    """A saved value as text: choice labels for choices, a date or time as pages write them
    ("5 december 2026", "13:00"), the text otherwise."""
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
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


def revision_form_for(data, asked: bool) -> RevisionForm | None:
    """The kind and reason of a change where one is `asked` (the period is signed:
    `lifecycle.needs_revision`); `data` is the POST, or None for an empty form."""
    if not asked:
        return None
    return RevisionForm(data) if data is not None else RevisionForm()


def revision_from(revision_form: RevisionForm | None) -> RevisionData | None:
    """What a valid revision form says, for the services; None where no revision is asked."""
    if revision_form is None:
        return None
    return RevisionData(
        kind=revision_form.cleaned_data["revision_kind"],
        reason=revision_form.cleaned_data["revision_reason"],
    )


def all_valid(*forms_) -> bool:
    """Validate every form given (None is skipped), so that each shows its errors at once."""
    results = [form.is_valid() for form in forms_ if form is not None]
    return all(results)


# The coordinator's editor: periods and promises.
