"""Forms of the lifecycle steps: a comment, and each step's own data (decision, signing …).

The forms check what a form can check (required, lengths, plain text, dates); the rules of the
lifecycle itself (approved first, no future dates, two signatories …) are `lifecycle.perform`'s,
and the view puts its errors on these forms. A required field's message is the lifecycle's own
(`lifecycle.REQUIRED`), so a form and `perform` say the same.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from promises import parties
from promises.fields import DateField, PlainTextField
from promises.lifecycle import REQUIRED, Action, SignatoryData, ValidityStart
from promises.models import Parties, Promise, PromisePeriod
from promises.validity import validity_label

MAX_COMMENT = 2000
MAX_SIGNATORIES = 6
SHOWN_SIGNATORIES = 2


def _text(label, max_length: int, *, required: bool = False, **kwargs) -> forms.CharField:
    return PlainTextField(label=label, max_length=max_length, required=required, **kwargs)


def _comment(required: bool, help_text) -> forms.CharField:
    return _text(
        _("Comment"),
        MAX_COMMENT,
        required=required,
        help_text=help_text,
        rows=4,
        error_messages={"required": REQUIRED["comment"]},
    )


def _today():
    return timezone.localdate()


# The consultation round a step's form was opened in (see `TransitionForm.opened_in_another_round`).
ROUND_FIELD = "round"


class TransitionForm(forms.Form):
    """A step with an optional comment, kept in the period's record."""

    comment = _comment(False, _("Optional. Kept with the step in the citizen promise's record."))

    def __init__(self, *args, period: PromisePeriod, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.period = period
        self.round_seen = period.consultation_round

    @staticmethod
    def opened_in_another_round(data, period: PromisePeriod) -> bool:
        """Whether the form was opened before the period was sent for consultation again: an
        approval given to what the approver read must not count for a text changed since (the
        coordinator took it back, changed it and sent it anew). A post without the field (not
        from the form) is taken as meant for the current round; one with a round that is no
        number of a few digits is not taken."""
        seen = data.get(ROUND_FIELD, "")
        # A round has a few digits: more than Python reads (4,300) was a 500.
        if not (seen.isascii() and seen.isdigit()) or len(seen) > 9:
            return bool(seen)
        return int(seen) != period.consultation_round

    def transition_data(self) -> dict:
        """The keyword arguments for `lifecycle.perform` besides the comment."""
        return {}


class ApproveForm(TransitionForm):
    """An approval, whose comment the coordinators read with it (page and e-mail)."""

    comment = _comment(
        False,
        _("Optional. Shown to the coordinator with your approval and kept in the record."),
    )


class CommentRequiredForm(TransitionForm):
    """A step that needs a comment: an approver's comment, or sending the period back. The
    comment may be about one promise (shown beside it) or the whole citizen promise."""

    promise = forms.ModelChoiceField(
        label=_("The comment is about"),
        queryset=Promise.objects.none(),
        required=False,
        empty_label=_("The whole citizen promise"),
        error_messages={"invalid_choice": _("Choose one of this citizen promise's promises.")},
    )
    comment = _comment(True, _("Shown to the coordinator and kept in the record."))

    def __init__(self, *args, period: PromisePeriod, **kwargs) -> None:
        super().__init__(*args, period=period, **kwargs)
        promises = period.promises.all()
        self.fields["promise"].queryset = promises
        if not promises:
            del self.fields["promise"]

    def transition_data(self) -> dict:
        return {"promise": self.cleaned_data.get("promise")}


class AnswerForm(forms.Form):
    """The coordinator's answer to an approver's comment, shown under it and told to them."""

    comment = _text(
        pgettext_lazy("an answer to a comment", "Answer"),
        MAX_COMMENT,
        required=True,
        help_text=_(
            "Shown under the comment on the citizen promise's page and e-mailed to the approver "
            "who wrote it. Kept in the record."
        ),
        rows=4,
        error_messages={"required": REQUIRED["answer"]},
    )


class DecisionFieldsMixin(forms.Form):
    """Who decided, when, and the decision's reference number (diarienummer)."""

    decision_body = _text(
        _("Decision body"),
        150,
        required=True,
        help_text=_("The body that made the decision, e.g. Kommunstyrelsen."),
        error_messages={"required": REQUIRED["decision_body"]},
    )
    decision_date = DateField(
        label=_("Decision date"),
        initial=_today,
        error_messages={"required": REQUIRED["decision_date"]},
    )
    decision_reference = _text(
        _("Reference number (dnr)"),
        50,
        help_text=_("The decision's diarienummer, e.g. KS 2024/123."),
    )

    def decision_data(self) -> dict:
        return {
            "decision_body": self.cleaned_data["decision_body"].strip(),
            "decision_date": self.cleaned_data["decision_date"],
            "decision_reference": self.cleaned_data["decision_reference"].strip(),
        }


class DecideForm(DecisionFieldsMixin, TransitionForm):
    """Record the decision on a period in consultation."""

    field_order = ["decision_body", "decision_date", "decision_reference", "comment"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.period.parties == Parties.POLICE:
            # A promise the Police give alone needs no municipal decision, only their own.
            self.fields["decision_body"].help_text = _(
                "The Police's own decision, e.g. Lokalpolisområdeschefen. A promise the Police "
                "give alone needs no municipal decision."
            )

    def transition_data(self) -> dict:
        return self.decision_data()


class ExtendForm(DecisionFieldsMixin, TransitionForm):
    """Extend a signed period to a new end date, with its own decision."""

    new_end_date = DateField(
        label=_("New end date"),
        error_messages={"required": REQUIRED["new_end_date"]},
    )
    field_order = [
        "new_end_date",
        "decision_body",
        "decision_date",
        "decision_reference",
        "comment",
    ]

    def transition_data(self) -> dict:
        return {"new_end_date": self.cleaned_data["new_end_date"], **self.decision_data()}


class SignatoryForm(forms.Form):
    """One person who signs for a party; a row left empty is ignored."""

    name = _text(_("Name"), 100)
    title = _text(
        _("Title"), 150, help_text=_("e.g. Kommunstyrelsens ordförande or Lokalpolisområdeschef")
    )
    organisation = _text(_("Organisation"), 150)

    MISSING = {
        "name": _("Enter the signatory's name."),
        "title": _("Enter the signatory's title."),
        "organisation": _("Enter the signatory's organisation."),
    }

    def is_blank(self) -> bool:
        """Nothing typed: empty, or only the organisation we filled in beforehand."""
        typed = {name: (self.data.get(self.add_prefix(name)) or "").strip() for name in self.fields}
        if typed["name"] or typed["title"]:
            return False
        return typed["organisation"] in ("", self.initial.get("organisation", ""))

    def clean(self):
        cleaned = super().clean()
        if self.is_blank():
            return cleaned
        for name, message in self.MISSING.items():
            if name not in self.errors and not (cleaned.get(name) or "").strip():
                self.add_error(name, message)
        return cleaned


class BaseSignatoryFormSet(forms.BaseFormSet):
    """The signatories, in the order they sign; blank rows are left out."""

    def signatories(self) -> list[SignatoryData]:
        return [
            SignatoryData(
                name=form.cleaned_data["name"].strip(),
                title=form.cleaned_data["title"].strip(),
                organisation=form.cleaned_data["organisation"].strip(),
            )
            for form in self.forms
            if not form.is_blank()
        ]

    def add_non_form_error(self, message: str) -> None:
        """An error about the signatories as a whole (from the lifecycle's rules)."""
        self.non_form_errors().append(message)

    @property
    def can_add(self) -> bool:
        return self.total_form_count() < MAX_SIGNATORIES

    @property
    def has_errors(self) -> bool:
        return bool(self.non_form_errors()) or any(form.errors for form in self.forms)


SignatoryFormSet = forms.formset_factory(
    SignatoryForm,
    formset=BaseSignatoryFormSet,
    extra=0,
    max_num=MAX_SIGNATORIES,
    absolute_max=MAX_SIGNATORIES,
    validate_max=True,
)


def signatory_initial(period: PromisePeriod) -> list[dict]:
    """A row for each party that signs: the municipality's and the local police area's
    signatory, or the one party's that gives the promises alone."""
    municipality = {"organisation": period.municipality.organisation_name}
    police = {"organisation": period.local_police_area.name if period.local_police_area else ""}
    if period.parties == Parties.POLICE:
        return [police]
    if period.parties == Parties.MUNICIPALITY:
        return [municipality]
    return [municipality, police]


def signatory_formset(period: PromisePeriod, data=None, *, add_row: bool = False):
    """The signatories' formset, bound to `data` if given.

    With `add_row`, an unbound formset showing the posted rows and one more empty row (so that
    more signatories can be added without JavaScript, and nothing is checked yet).
    """
    if data is None:
        return SignatoryFormSet(prefix="signatories", initial=signatory_initial(period))
    if not add_row:
        return SignatoryFormSet(data, prefix="signatories", initial=signatory_initial(period))
    try:
        total = int(data.get("signatories-TOTAL_FORMS", SHOWN_SIGNATORIES))
    except ValueError:
        total = SHOWN_SIGNATORIES
    total = max(0, min(total, MAX_SIGNATORIES - 1))
    rows = [
        {name: data.get(f"signatories-{i}-{name}", "") for name in SignatoryForm.base_fields}
        for i in range(total)
    ]
    return SignatoryFormSet(prefix="signatories", initial=[*rows, {}])


class SignForm(TransitionForm):
    """Record the signing: the date, and (in a formset alongside) who signed."""

    @property
    def signatory_help(self) -> str:
        """Who must sign, as the signatory rows' help says it."""
        return parties.signatory_help(self.period)

    signed_date = DateField(
        label=_("Signing date"),
        initial=_today,
        error_messages={"required": REQUIRED["signed_date"]},
    )
    validity_start = forms.ChoiceField(
        label=_("The citizen promise is in force"),
        choices=ValidityStart.choices,
        initial=ValidityStart.SIGNING,
        # One of the radio buttons is always checked; a post without it: from the signing date.
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "A signing before the stated start leaves the start as the document states it."
        ),
    )
    field_order = ["signed_date", "validity_start", "comment"]

    def __init__(self, *args, signatories=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.signatory_formset = signatories
        # The stated validity is named, so that choosing is choosing between two known dates.
        self.fields["validity_start"].choices = [
            (ValidityStart.SIGNING, _("From the signing date (the common case)")),
            (
                ValidityStart.STATED,
                _("As the document states: %(validity)s")
                % {"validity": validity_label(self.period)},
            ),
        ]

    def error_entries(self) -> list[tuple[str, str]]:
        """The error summary's lines (anchor, text) in the page's order: the date, the
        signatories row by row, then the other fields."""
        entries = [(None, str(error)) for error in self.non_field_errors()]
        date = self["signed_date"]
        entries += [(date.id_for_label, f"{date.label}: {error}") for error in date.errors]
        signatories = self.signatory_formset
        if signatories is not None:
            first = signatories.forms[0]["name"].id_for_label if signatories.forms else ""
            entries += [
                (first or "signatories", f"{_('Signatories')}: {error}")
                for error in signatories.non_form_errors()
            ]
            for number, row in enumerate(signatories.forms, start=1):
                who = _("Signatory %(number)s") % {"number": number}
                entries += [
                    (field.id_for_label, f"{who}, {str(field.label).lower()}: {error}")
                    for field in row
                    for error in field.errors
                ]
        entries += [
            (field.id_for_label, f"{field.label}: {error}")
            for field in self
            if field.name != "signed_date"
            for error in field.errors
        ]
        return entries

    def transition_data(self) -> dict:
        return {
            "signed_date": self.cleaned_data["signed_date"],
            "validity_start": self.cleaned_data["validity_start"],
            "signatories": self.signatory_formset.signatories(),
        }


class CloseForm(TransitionForm):
    """Closing: before its end date (or without one) the public is told why."""

    closing_reason = _text(
        _("Reason, for the public"),
        MAX_COMMENT,
        required=False,
        help_text=_(
            "Shown on the public page with the closing. Needed when the citizen promise ends "
            "before its end date."
        ),
        rows=3,
    )

    def clean(self):
        cleaned = super().clean()
        end = self.period.end_date
        early = end is None or _today() < end
        if early and not cleaned.get("closing_reason") and "closing_reason" not in self.errors:
            self.add_error(
                "closing_reason",
                _("Say why the citizen promise ends before its end date: the public reads it."),
            )
        return cleaned

    def transition_data(self) -> dict:
        return {"closing_reason": self.cleaned_data.get("closing_reason", "")}


FORMS: dict[str, type[TransitionForm]] = {
    Action.SUBMIT: TransitionForm,
    Action.WITHDRAW: TransitionForm,
    Action.COMMENT: CommentRequiredForm,
    Action.APPROVE: ApproveForm,
    Action.RETURN: CommentRequiredForm,
    Action.DECIDE: DecideForm,
    Action.SIGN: SignForm,
    Action.EXTEND: ExtendForm,
    Action.CLOSE: CloseForm,
}
