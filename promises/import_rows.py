"""The import preview's promises and activities: a row form for each read (its text, owner and
target, kept or left out), their formsets, their initial values from the document read, and the
document made again from what the coordinator confirmed."""

from collections.abc import Sequence
from importlib import import_module

from django import forms
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _

from promises.forms import (
    PlainTextField,
)
from promises.import_forms import (
    MAX_ACTIVITIES,
    MAX_PROMISES,
    MAX_TITLE,
    activity_meta,
)
from promises.models import (
    Promise,
)
from promises.textimport.types import (
    ParsedActivity,
    ParsedDocument,
    ParsedPromise,
    ParsedTarget,
)

# -- Promises and activities --------------------------------------------------------------------


class RowForm(forms.Form):
    """A row read from the document, or an extra one for a part not read (left empty, it is
    ignored); "leave out" drops a row read wrongly."""

    leave_out = forms.BooleanField(label=_("Leave out"), required=False)

    def is_kept(self) -> bool:
        if self.empty_permitted and not self.has_changed():
            return False
        return not self.cleaned_data.get("leave_out")

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.cleaned_data.get("leave_out"):
            # A row left out is not checked: it is not saved.
            self._errors = forms.utils.ErrorDict()


class PromiseRowForm(RowForm):
    """One promise as read: its text, which the coordinator may correct."""

    text = PlainTextField(
        label=_("Promise"),
        max_length=Promise._meta.get_field("title").max_length,
        rows=2,
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text") or "").strip() and not self.has_error("text"):
            self.add_error("text", _("Enter the promise, or tick leave out."))
        return cleaned


def _choices(field_name: str) -> list[tuple[str, str]]:
    return [
        (value, capfirst(label)) for value, label in activity_meta().get_field(field_name).choices
    ]


NO_TARGET = ""
# A read "exakt"/"precis" is proposed as the activity editor would take a new target: a number
# (met when reached). The editor offers "exactly" only to targets already saved with it.
EXACTLY, EXACTLY_PROPOSED_AS = "exactly", "count"


def comparator_choices() -> list[tuple[str, str]]:
    """No target, then the comparisons the activity editor offers a new target
    (`activities.editor_forms.TARGET_COMPARATOR_CHOICES`, the one list of them), reached through the
    relation as the activity model is: this app imports nothing of the activities app."""
    editor = import_module(f"{activity_meta().app_config.name}.editor_forms")
    return [
        (NO_TARGET, _("Without a target (a status instead)")),
        *editor.TARGET_COMPARATOR_CHOICES,
    ]


class ActivityRowForm(RowForm):
    """One activity as read: text, short name, responsible party, partners and target."""

    title = PlainTextField(label=_("Short name"), max_length=MAX_TITLE)
    text = PlainTextField(label=_("Description"), max_length=2000, rows=3)
    responsible = forms.ChoiceField(
        label=_("Responsible"),
        choices=(),
        error_messages={"required": _("Choose who is responsible, or not stated.")},
    )
    responsible_other = PlainTextField(
        label=_("Other responsible actor"),
        max_length=150,
        help_text=_("Only for another actor, e.g. Räddningstjänsten."),
    )
    partners = PlainTextField(label=_("Together with"), max_length=300)
    target_comparator = forms.ChoiceField(label=_("Target: comparison"), choices=(), required=False)
    target_value = forms.IntegerField(
        label=_("Target: number"),
        min_value=1,
        max_value=100_000,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    target_unit = PlainTextField(label=_("Target: unit"), max_length=60)
    target_unit_singular = PlainTextField(label=_("Target: unit, singular"), max_length=60)
    target_scope = forms.ChoiceField(label=_("Target: time span"), choices=(), required=False)
    # The promise row (its number on the page) the activity is listed under in the document.
    promise = forms.TypedChoiceField(
        label=_("Promise it serves"),
        choices=(),
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, promise_titles: Sequence[str] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Each promise row by its number and words ("Löfte 1: Öka tryggheten kring …"): bare
        # numbers had to be looked up above, and the empty row read as a promise read.
        self.fields["promise"].choices = [
            ("", _("Choose later")),
            *(
                (
                    number,
                    _("Promise %(number)s: %(title)s")
                    % {"number": number, "title": Truncator(title).chars(PROMISE_CHOICE_CHARS)}
                    if title.strip()
                    else _("Promise %(number)s (an empty row)") % {"number": number},
                )
                for number, title in enumerate(promise_titles, start=1)
            ),
        ]
        # An empty first choice: an extra row the browser sends untouched stays unchanged.
        self.fields["responsible"].choices = [
            ("", _("Choose who is responsible")),
            *_choices("responsible"),
        ]
        self.fields["target_scope"].choices = [
            ("", _("Choose a time span")),
            *_choices("target_scope"),
        ]
        self.fields["target_comparator"].choices = comparator_choices()

    def clean(self):
        cleaned = super().clean()
        for name, message in (
            ("title", _("Enter a short name, e.g. Trafikkontroller.")),
            ("text", _("Enter the activity's text, or tick leave out.")),
        ):
            if not (cleaned.get(name) or "").strip() and not self.has_error(name):
                self.add_error(name, message)
        responsible, other = cleaned.get("responsible"), cleaned.get("responsible_other") or ""
        if responsible == "other" and not other.strip() and not self.has_error("responsible_other"):
            self.add_error("responsible_other", _("Name the actor responsible for the activity."))
        elif responsible and responsible != "other" and other.strip():
            self.add_error(
                "responsible_other",
                _("Leave this empty, or choose another actor as the responsible party."),
            )
        if cleaned.get("target_comparator") == NO_TARGET:
            for name in ("target_value", "target_unit", "target_unit_singular"):
                if cleaned.get(name) not in (None, ""):
                    self.add_error(
                        name,
                        _("Leave this empty for an activity without a target, or choose a target."),
                    )
        else:
            for name, message in (
                ("target_value", _("Enter the target's number.")),
                ("target_unit", _("Enter what is counted, e.g. trafikkontroller.")),
                ("target_scope", _("Choose the time span of the target.")),
            ):
                if cleaned.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, message)
        return cleaned

    def parsed(self) -> ParsedActivity:
        data = self.cleaned_data
        target = None
        if data.get("target_comparator"):
            target = ParsedTarget(
                comparator=data["target_comparator"],
                value=data["target_value"],
                unit=data["target_unit"].strip(),
                scope=data["target_scope"],
                unit_singular=(data.get("target_unit_singular") or "").strip(),
            )
        return ParsedActivity(
            text=data["text"].strip(),
            title=data["title"].strip(),
            responsible=data["responsible"],
            responsible_other=(data.get("responsible_other") or "").strip(),
            partners=(data.get("partners") or "").strip(),
            target=target,
            # The promise row's number for now; `confirmed_document` makes it an index.
            promise_indexes=[data["promise"]] if data.get("promise") else [],
        )


class BaseRowFormSet(forms.BaseFormSet):
    """Rows in the document's order; left-out and empty rows are not saved."""

    def kept(self) -> list[RowForm]:
        return [form for form in self.forms if form.is_kept()]


def nothing_kept(promises: BaseRowFormSet, activities: BaseRowFormSet) -> bool:
    """Whether every row of both (valid) formsets is left out or empty; if so the activities'
    formset carries the error, so that the preview says it with the rows' errors."""
    if promises.kept() or activities.kept():
        return False
    activities.non_form_errors().append(
        _(
            "Nothing is left to import: every promise and activity is left out. Keep at least "
            "one, or make a new citizen promise from scratch instead."
        )
    )
    return True


def _formset(form, maximum: int):
    return forms.formset_factory(
        form,
        formset=BaseRowFormSet,
        extra=1,  # one empty row for a part the reader missed
        max_num=maximum + 1,
        absolute_max=maximum + 1,
        validate_max=True,
    )


PromiseRowFormSet = _formset(PromiseRowForm, MAX_PROMISES)
# The words of a promise its activities' choice shows.
PROMISE_CHOICE_CHARS = 60
ActivityRowFormSet = _formset(ActivityRowForm, MAX_ACTIVITIES)


def promise_initial(document: ParsedDocument) -> list[dict]:
    return [{"text": promise.text} for promise in document.promises]


def activity_initial(document: ParsedDocument) -> list[dict]:
    rows = []
    for activity in document.activities:
        row = {
            "title": Truncator(activity.title).chars(MAX_TITLE),
            # The public description begins with a capital: "genomföra minst 40 …" as "Genomföra
            # minst 40 …" (the rest as written).
            "text": capfirst(activity.text),
            "responsible": activity.responsible,
            "responsible_other": activity.responsible_other,
            "partners": activity.partners,
            "target_comparator": NO_TARGET,
            # The promise the document lists it under; with a single promise, that one.
            "promise": (
                activity.promise_indexes[0] + 1
                if activity.promise_indexes
                else 1
                if len(document.promises) == 1
                else None
            ),
        }
        if activity.target is not None:
            target = activity.target
            row.update(
                target_comparator=(
                    EXACTLY_PROPOSED_AS if target.comparator == EXACTLY else target.comparator
                ),
                target_value=target.value,
                target_unit=target.unit,
                target_unit_singular=target.unit_singular,
                target_scope=target.scope,
            )
        rows.append(row)
    return rows


def formsets(document: ParsedDocument | None, data=None):
    """The promises' and activities' formsets: bound to `data`, or filled from `document`."""
    if data is not None:
        promises = PromiseRowFormSet(data, prefix="promises")
        titles = [str(data.get(f"{form.prefix}-text", "")) for form in promises.forms]
        kwargs = {"promise_titles": titles}
        return promises, ActivityRowFormSet(data, prefix="activities", form_kwargs=kwargs)
    initial = promise_initial(document)
    promises = PromiseRowFormSet(initial=initial, prefix="promises")
    titles = [row["text"] for row in initial]
    titles += [""] * (promises.total_form_count() - len(titles))
    return promises, ActivityRowFormSet(
        initial=activity_initial(document),
        prefix="activities",
        form_kwargs={"promise_titles": titles},
    )


def confirmed_document(text: str, promises, activities, texts=None) -> ParsedDocument:
    """The structure as confirmed: the kept promises and activities, in their order, each
    activity with the promise it serves among the kept ones (none if that row was left out),
    and the period's texts as confirmed (`texts`, an `ImportTextsForm`; none without it)."""
    kept = promises.kept()
    index_of_row = {promises.forms.index(form) + 1: index for index, form in enumerate(kept)}
    confirmed = []
    for form in activities.kept():
        activity = form.parsed()
        activity.promise_indexes = [
            index_of_row[row] for row in activity.promise_indexes if row in index_of_row
        ]
        confirmed.append(activity)
    return ParsedDocument(
        text=text,
        promises=[ParsedPromise(text=f.cleaned_data["text"].strip()) for f in kept],
        activities=confirmed,
        **(texts.texts() if texts is not None else {}),
    )


def too_long(document: ParsedDocument) -> str:
    """Why a read document is too long for one preview, or ""."""
    if len(document.promises) > MAX_PROMISES or len(document.activities) > MAX_ACTIVITIES:
        return str(
            _(
                "The document was read as more than %(promises)s promises or %(activities)s "
                "activities: that is more than one citizen promise. Import one document at a time."
            )
            % {"promises": MAX_PROMISES, "activities": MAX_ACTIVITIES}
        )
    return ""
