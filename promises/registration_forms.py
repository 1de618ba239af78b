"""Forms of the registration of a past promise: the document's facts and source, its
signatories (each with a name, a title, or both), the correction of its decision and signing
before it is finished, and the finishing step's comment.

Everything the document may leave out is optional: the decision (body, date, dnr), the signing
date and the signatories. What is given is checked as elsewhere (dates within bounds and not in
the future, plain text); the source is required: a file or a web address.
"""

import datetime
import os

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from municipalities.models import LocalPoliceArea, Municipality
from promises import registration
from promises.editing_forms import RevisionForm, VersionedFormMixin, version_field
from promises.fields import DateField, long_date
from promises.forms import PlainTextField, clean_period_slug, suggested_slug
from promises.hidden_content import hidden_content, refusal
from promises.lifecycle import SignatoryData
from promises.models import Parties, PeriodState, PromisePeriod
from promises.validity import overlap_message, overlapping_period

# The document as it was published: a PDF, a word-processor file, plain text or a saved page.
SOURCE_EXTENSIONS = (".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt", ".html", ".htm")
MAX_SIGNATORIES = 6
SHOWN_SIGNATORIES = 4
MAX_COMMENT = 2000
# The longest a promise is decided or signed before its validity starts, and what is said of
# a decision or signing after its last day or longer before its first.
EARLIEST_BEFORE_START = datetime.timedelta(days=366)
DATES_WITHIN_VALIDITY = {
    "decision_date": (
        _("The decision date is after the citizen promise's last day, %(date)s: check the dates."),
        _(
            "The decision date is more than a year before the citizen promise's first day, "
            "%(date)s: check the dates."
        ),
    ),
    "signed_date": (
        _("The signing date is after the citizen promise's last day, %(date)s: check the dates."),
        _(
            "The signing date is more than a year before the citizen promise's first day, "
            "%(date)s: check the dates."
        ),
    ),
}


class DecisionAndSigningChecks(forms.BaseForm):
    """The checks of a registration's decision and signing facts, against the validity the
    document states (`start`, `end`; None when it is not known for sure): none in the future,
    not signed before decided, within the validity, and stated for a promise still in force."""

    def clean_decision_and_signing(
        self, cleaned: dict, start: datetime.date | None, end: datetime.date | None
    ) -> None:
        today = timezone.localdate()
        for name, message in (
            ("decision_date", _("The decision date cannot be in the future.")),
            ("signed_date", _("The signing date cannot be in the future.")),
        ):
            day = cleaned.get(name)
            if day and day > today:
                self.add_error(name, message)
        decided, signed = cleaned.get("decision_date"), cleaned.get("signed_date")
        if decided and signed and signed < decided:
            self.add_error("signed_date", _("The period cannot be signed before it was decided."))
        if start is None:
            return
        # Decided and signed before its last day, and not years before its first.
        for name, (after_end, long_before) in DATES_WITHIN_VALIDITY.items():
            day = cleaned.get(name)
            if not day or self.has_error(name):
                continue
            if end is not None and day > end:
                self.add_error(name, after_end % {"date": long_date(end)})
            elif day < start - EARLIEST_BEFORE_START:
                self.add_error(name, long_before % {"date": long_date(start)})
        # A promise still in force is published with its decision and signing
        # (`registration.missing_facts`): asked for where they are entered, not first when the
        # registration is to be finished.
        probe = PromisePeriod(start_date=start, end_date=end)
        if registration.registered_state(probe, today) != PeriodState.SIGNED:
            return
        for field, _label in registration.FACTS_IN_FORCE:
            if not cleaned.get(field) and not self.has_error(field):
                self.add_error(
                    field,
                    _(
                        "A citizen promise still in force is published only with its decision "
                        "and signing. Where the document does not state them, take them from "
                        "the municipality's minutes or register: fill this in."
                    ),
                )


def checked_source_file(upload):
    """The uploaded source document as it may be kept and published, or a ValidationError."""
    if upload is None:
        return None
    if os.path.splitext(upload.name)[1].lower() not in SOURCE_EXTENSIONS:
        raise forms.ValidationError(
            _("Attach the document as PDF, Word, OpenDocument, RTF, text or a web page.")
        )
    if upload.size > settings.UPLOAD_FILE_MAX_BYTES:
        raise forms.ValidationError(_("The file is larger than 1 MB."))
    hidden = hidden_content(upload.name, upload.read())
    upload.seek(0)
    if hidden:
        # Published as uploaded: a reviewer's remark or a deleted sentence would be public.
        raise forms.ValidationError(refusal(hidden))
    return upload


class RegistrationForm(DecisionAndSigningChecks, forms.ModelForm):
    """The facts of a past promise as its document states them, and where the document is."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose a municipality"),
    )
    area_name = PlainTextField(
        label=_("Area name"),
        max_length=100,
        help_text=_(
            "A named part of the municipality, e.g. Rosengård. Leave empty when the citizen "
            "promise covers all of it."
        ),
    )
    local_police_area = forms.ModelChoiceField(
        label=_("Local police area"),
        queryset=LocalPoliceArea.objects.none(),
        required=False,
        empty_label=_("Not stated"),
    )
    parties = forms.ChoiceField(
        label=_("Who gives the promises"),
        # "Polisen ensam", "Kommunen ensam": capitalised alike, as in the period form.
        choices=[(value, capfirst(label)) for value, label in Parties.choices],
        initial=Parties.JOINT,
        widget=forms.RadioSelect,
    )
    start_date = DateField(
        label=_("Valid from"),
        help_text=_("The first day the document says the promises apply."),
    )
    end_date = DateField(
        label=_("Valid until"),
        required=False,
        help_text=_(
            "The last day. Leave empty when the document says the promises apply until "
            "further notice."
        ),
    )
    open_ended = forms.BooleanField(
        label=_("The promises apply until further notice"),
        required=False,
    )
    year_only = forms.BooleanField(
        label=_("The document gives only the year"),
        required=False,
        help_text=_(
            "Stored as 1 January of the first year to 31 December of the last, and "
            "shown as the years."
        ),
    )
    slug = forms.CharField(
        label=_("Address"),
        max_length=60,
        required=False,
        help_text=_(
            "The citizen promise's part of the public address: letters a–z, digits and "
            "hyphens, e.g. 2019-2020. Leave empty to use the years."
        ),
    )
    decision_body = PlainTextField(
        label=_("Decision body"),
        max_length=150,
        help_text=_(
            "E.g. Kommunstyrelsen. Required with the dates below for a citizen promise still in "
            "force; for one that has ended, only what its document states."
        ),
    )
    decision_date = DateField(label=_("Decision date"), required=False)
    decision_reference = PlainTextField(label=_("Reference number (dnr)"), max_length=50)
    signed_date = DateField(
        label=_("Signing date"),
        required=False,
        help_text=_("Only if the document states it."),
    )
    source_file = forms.FileField(
        label=_("The document as a file"),
        required=False,
        help_text=_(
            "PDF, Word, OpenDocument, RTF, text or a saved web page, at most 1 MB. "
            "Kept unchanged and published with the citizen promise."
        ),
    )
    source_url = forms.URLField(
        label=_("Or its web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Where the document is published, e.g. on polisen.se."),
    )

    field_order = [
        "municipality",
        "area_name",
        "local_police_area",
        "parties",
        "start_date",
        "end_date",
        "open_ended",
        "year_only",
        "slug",
        "decision_body",
        "decision_date",
        "decision_reference",
        "signed_date",
        "source_file",
        "source_url",
    ]

    class Meta:
        model = PromisePeriod
        fields = [
            "municipality",
            "area_name",
            "local_police_area",
            "parties",
            "start_date",
            "end_date",
            "year_only",
            "slug",
            "decision_body",
            "decision_date",
            "decision_reference",
            "signed_date",
            "source_url",
        ]

    def __init__(
        self, *args, municipalities, local_police_areas, upload_too_large: bool = False, **kwargs
    ) -> None:
        """`upload_too_large`: a file was sent but not read, being over the limit
        (`config.uploads`); the form then says so, not that no document was given."""
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["local_police_area"].queryset = local_police_areas
        self.upload_too_large = upload_too_large
        if not self.is_bound:
            only = list(municipalities[:2])
            if len(only) == 1:
                self.initial.setdefault("municipality", only[0].pk)

    def clean_slug(self) -> str:
        return clean_period_slug(self.cleaned_data.get("slug", ""))

    def clean_source_file(self):
        return checked_source_file(self.cleaned_data.get("source_file"))

    def clean(self):
        cleaned = super().clean()
        self._clean_validity(cleaned)
        if cleaned.get("start_date") is None or self.has_error("end_date"):
            self.clean_decision_and_signing(cleaned, None, None)
        else:
            self.clean_decision_and_signing(cleaned, cleaned["start_date"], cleaned.get("end_date"))
        if self.upload_too_large:
            self.add_error("source_file", _("The file is larger than 1 MB."))
        if not (
            cleaned.get("source_file")
            or cleaned.get("source_url")
            or self.has_error("source_file")
            or self.has_error("source_url")
        ):
            self.add_error(
                "source_file", _("Attach the document, or give the address where it is.")
            )
        area = cleaned.get("local_police_area")
        municipality = cleaned.get("municipality")
        if (
            area is not None
            and municipality is not None
            and not area.municipalities.filter(pk=municipality.pk).exists()
        ):
            self.add_error(
                "local_police_area",
                _("%(area)s does not cover %(municipality)s.")
                % {"area": area.name, "municipality": municipality.name},
            )
        self._clean_slug_and_overlap(cleaned)
        return cleaned

    def _clean_validity(self, cleaned: dict) -> None:
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if cleaned.get("open_ended"):
            if end is not None:
                self.add_error(
                    "end_date",
                    _("Leave the end date empty when the promises apply until further notice."),
                )
            elif cleaned.get("year_only"):
                self.add_error(
                    "year_only", _("A citizen promise dated by year only has a last year.")
                )
            return
        if start is None or self.has_error("end_date"):
            return
        if cleaned.get("year_only"):
            # The years as stated: 1 January of the first to 31 December of the last.
            end = datetime.date((end or start).year, 12, 31)
            start = datetime.date(start.year, 1, 1)
            cleaned["start_date"], cleaned["end_date"] = start, end
        elif end is None:
            self.add_error(
                "end_date",
                _("Enter the end date, or tick that the promises apply until further notice."),
            )
            return
        if end <= start:
            self.add_error("end_date", _("The end date must be after the start date."))

    def _clean_slug_and_overlap(self, cleaned: dict) -> None:
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        municipality = cleaned.get("municipality")
        if start is None or self.has_error("end_date") or self.has_error("year_only"):
            return
        if not self.has_error("slug"):
            slug = cleaned.get("slug") or suggested_slug(
                start, end or start, cleaned.get("area_name") or ""
            )
            cleaned["slug"] = slug
            taken = PromisePeriod.objects.filter(municipality=municipality, slug=slug)
            if municipality is not None and taken.exists():
                self.add_error(
                    "slug",
                    _(
                        "%(municipality)s already has a citizen promise at the address "
                        "%(slug)s. Choose another address."
                    )
                    % {"municipality": municipality.name, "slug": slug},
                )
        if municipality is not None:
            probe = PromisePeriod(
                municipality=municipality,
                area_name=cleaned.get("area_name") or "",
                start_date=start,
                end_date=end,
            )
            other = overlapping_period(probe, open_ended=end is None)
            if other is not None:
                self.add_error("start_date", overlap_message(other))

    def _post_clean(self) -> None:
        # The end date comes from the validity choice; the model's own checks run on that.
        if self.cleaned_data.get("open_ended"):
            self.cleaned_data["end_date"] = None
        super()._post_clean()


class RegistrationFactsForm(VersionedFormMixin, DecisionAndSigningChecks, forms.ModelForm):
    """The decision and signing of a period being registered, corrected against its document
    before the registration is finished (read wrongly from an imported text, say)."""

    decision_body = RegistrationForm.base_fields["decision_body"]
    decision_date = RegistrationForm.base_fields["decision_date"]
    decision_reference = RegistrationForm.base_fields["decision_reference"]
    signed_date = RegistrationForm.base_fields["signed_date"]
    edit_version = version_field()

    class Meta:
        model = PromisePeriod
        fields = ["decision_body", "decision_date", "decision_reference", "signed_date"]

    def clean(self):
        cleaned = super().clean()
        self.clean_decision_and_signing(cleaned, self.instance.start_date, self.instance.end_date)
        return cleaned


class CorrectionReasonForm(forms.Form):
    """Why a published registration's facts are corrected: shown with the correction in the
    public change log."""

    revision_reason = RevisionForm.base_fields["revision_reason"]


class RegistrationSignatoryForm(forms.Form):
    """One signatory as the document names them: a name, a title, or both, and for whom."""

    name = PlainTextField(label=_("Name"), max_length=100)
    title = PlainTextField(
        label=_("Title"), max_length=150, help_text=_("e.g. Kommunstyrelsens ordförande")
    )
    organisation = PlainTextField(
        label=_("Organisation"), max_length=150, help_text=_("e.g. Vetlanda kommun, Polisen")
    )

    def is_blank(self) -> bool:
        return not any((self.data.get(self.add_prefix(name)) or "").strip() for name in self.fields)

    def clean(self):
        cleaned = super().clean()
        if self.is_blank() or self.errors:
            return cleaned
        if not (cleaned.get("name") or "").strip() and not (cleaned.get("title") or "").strip():
            self.add_error("name", _("Enter the name, the title or both, as the document has it."))
        if not (cleaned.get("organisation") or "").strip():
            self.add_error("organisation", _("Enter the organisation the signatory signed for."))
        return cleaned


class BaseRegistrationSignatoryFormSet(forms.BaseFormSet):
    """The signatories the document names, in its order; empty rows are left out."""

    def signatories(self) -> list[SignatoryData]:
        return [
            SignatoryData(
                name=(form.cleaned_data.get("name") or "").strip(),
                title=(form.cleaned_data.get("title") or "").strip(),
                organisation=(form.cleaned_data.get("organisation") or "").strip(),
            )
            for form in self.forms
            if not form.is_blank()
        ]

    @property
    def has_errors(self) -> bool:
        return bool(self.non_form_errors()) or any(form.errors for form in self.forms)


RegistrationSignatoryFormSet = forms.formset_factory(
    RegistrationSignatoryForm,
    formset=BaseRegistrationSignatoryFormSet,
    extra=SHOWN_SIGNATORIES,
    max_num=MAX_SIGNATORIES,
    absolute_max=MAX_SIGNATORIES,
    validate_max=True,
)


def signatory_formset(
    data=None, period: PromisePeriod | None = None
) -> BaseRegistrationSignatoryFormSet:
    """The signatory rows: empty, or those of `period` to correct (with empty rows after)."""
    initial = None
    if period is not None:
        initial = [
            {"name": row.name, "title": row.title, "organisation": row.organisation}
            for row in period.signatories.all()
        ]
    return RegistrationSignatoryFormSet(data, initial=initial, prefix="signatories")


class FinishRegistrationForm(forms.Form):
    """The last step: an optional comment, kept with the registration in the record."""

    comment = PlainTextField(
        label=_("Comment"),
        max_length=MAX_COMMENT,
        rows=3,
        help_text=_("Optional. Kept with the registration in the citizen promise's record."),
    )
