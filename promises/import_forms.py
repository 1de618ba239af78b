"""Forms of importing a promise document: the file or pasted text, then the proposed structure
as the coordinator corrects it (the period, each promise, each activity with its target).

Nothing is stored between the two steps. The text read (and, for a past promise to register,
the uploaded file itself) travels in the preview form as one signed hidden field
(`document_payload`): the server trusts only what it signed, for a working day.
"""

import base64
import re

from django import forms
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality
from promises.forms import (
    PeriodFieldsForm,
    Validity,
    period_text_fields,
)
from promises.hidden_content import hidden_content, refusal
from promises.models import (
    PERIOD_CONTACT_FIELDS,
    PERIOD_CONTACT_PUBLIC,
    PERIOD_TEXT_FIELDS,
    PromisePeriod,
)
from promises.registration_forms import (
    MAX_SIGNATORIES,
    RegistrationForm,
    RegistrationSignatoryFormSet,
    checked_source_file,
)
from promises.textimport import extract
from promises.textimport.numbers import fold
from promises.textimport.types import (
    ParsedDocument,
)

MAX_PROMISES = 30
MAX_TITLE = 120  # an activity's short name (Activity.title)
MAX_ACTIVITIES = 60
# How long a preview can be confirmed: a working day, as a staff session.
PAYLOAD_MAX_AGE = 60 * 60 * 10
PAYLOAD_SALT = "promises.import.document"


class ImportKind:
    """What the confirmed document becomes."""

    DRAFT = "draft"
    REGISTER = "register"
    CHOICES = (
        (DRAFT, _("A new draft: to be completed and sent for consultation")),
        (
            REGISTER,
            _(
                "A citizen promise already decided and signed outside the portal, ended or "
                "still in force: registered with the file as its source"
            ),
        ),
    )


def activity_meta():
    # The activities app sits above this one: its model is reached through the relation.
    return PromisePeriod.activities.rel.related_model._meta


def _without_controls(text: str) -> str:
    """Pasted text without control characters other than tabs and line breaks."""
    return "".join(c for c in text if c in "\t\n\r\f" or not (ord(c) < 32 or 127 <= ord(c) < 160))


class ImportUploadForm(forms.Form):
    """The document: a file (.txt, .docx, PDF with text) or its pasted text, and what it makes."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose a municipality"),
    )
    kind = forms.ChoiceField(
        label=_("The document is"),
        choices=ImportKind.CHOICES,
        initial=ImportKind.DRAFT,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("The document as a file"),
        required=False,
        help_text=_("Text (.txt), Word (.docx) or a PDF with text, at most 1 MB and 60 pages."),
    )
    text = forms.CharField(
        label=_("Or paste its text"),
        required=False,
        strip=False,
        max_length=extract.MAX_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("E.g. copied from the municipality's site or polisen.se."),
    )
    # A registered promise keeps its document as its source: with pasted text, the document
    # itself or where it is published is asked here, not only when the reading is confirmed.
    source_file = forms.FileField(
        label=_("The signed document to keep, as a file"),
        required=False,
        help_text=_(
            "Only for a citizen promise already decided and signed whose text you paste: "
            "PDF, Word, OpenDocument, RTF, text or a saved web page, at most 1 MB. Kept "
            "unchanged and published with the citizen promise."
        ),
    )
    source_url = forms.URLField(
        label=_("Or the web address where it is published"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("E.g. on polisen.se or the municipality's site."),
    )

    def __init__(self, *args, municipalities, upload_too_large: bool = False, **kwargs) -> None:
        """`upload_too_large`: a file was sent but not read, being over the limit
        (`config.uploads`); the form then says so, not that no document was given."""
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.upload_too_large = upload_too_large
        self.source_name = ""
        self.source_data = b""
        if not self.is_bound:
            only = list(municipalities[:2])
            if len(only) == 1:
                self.initial.setdefault("municipality", only[0].pk)

    def clean_source_file(self):
        return checked_source_file(self.cleaned_data.get("source_file"))

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text") or ""
        if self.upload_too_large:
            # A file was stopped (`config.uploads`), and what came after it is not read: text
            # read means the file after it, the source to keep (only a registration's).
            registering = cleaned.get("kind") == ImportKind.REGISTER
            too_large = "source_file" if registering and text.strip() else "file"
            self.add_error(too_large, _("The file is larger than 1 MB."))
        if cleaned.get("kind") == ImportKind.REGISTER:
            self._clean_source(cleaned, upload, text)
        if self.has_error("file") or self.has_error("text"):
            return cleaned
        if upload is not None and text.strip():
            self.add_error("text", _("Upload a file or paste the text, not both."))
        elif upload is not None:
            data = upload.read()
            hidden = (
                hidden_content(upload.name, data)
                if cleaned.get("kind") == ImportKind.REGISTER
                else []
            )
            try:
                cleaned["text"] = extract.extract_text(upload.name, data)
            except extract.ExtractError as error:
                self.add_error("file", error.message)
            else:
                if hidden:
                    # Kept and published as uploaded (a registration's source): said here,
                    # before the document is read and corrected, not when it is saved.
                    self.add_error("file", refusal(hidden))
                self.source_name, self.source_data = upload.name, data
        elif text.strip():
            try:
                cleaned["text"] = extract.checked_text(_without_controls(text))
            except extract.ExtractError as error:
                self.add_error("text", error.message)
            source = cleaned.get("source_file")
            if source is not None and cleaned.get("kind") == ImportKind.REGISTER:
                self.source_name, self.source_data = source.name, source.read()
        else:
            self.add_error("file", _("Upload the document, or paste its text."))
        return cleaned

    def _clean_source(self, cleaned, upload, text: str) -> None:
        """A registration's source: the document uploaded to be read is kept; with pasted
        text, its file or web address is asked now (the confirmation would refuse it)."""
        if upload is not None or not text.strip():
            if cleaned.get("source_file") is not None:
                self.add_error(
                    "source_file",
                    _("The document uploaded to be read is kept: attach no other file."),
                )
            return
        if not (
            cleaned.get("source_file")
            or cleaned.get("source_url")
            or self.has_error("source_file")
            or self.has_error("source_url")
        ):
            self.add_error(
                "source_file",
                _(
                    "A citizen promise already signed is registered with its document: attach "
                    "the document, or give the address where it is published."
                ),
            )
        elif cleaned.get("source_file") is not None and cleaned.get("source_url"):
            self.add_error("source_url", _("Attach the document or give its address, not both."))

    def payload(self, user_id: int) -> str:
        """The signed hidden value that carries the text (and a file to keep) to the preview,
        for the uploader's confirmation only."""
        keep_file = self.cleaned_data["kind"] == ImportKind.REGISTER and self.source_data
        return dump_payload(
            self.cleaned_data["text"],
            user_id,
            self.source_name if keep_file else "",
            self.source_data if keep_file else b"",
        )


def dump_payload(text: str, user_id: int, name: str = "", data: bytes = b"") -> str:
    value = {
        "text": text,
        "name": name,
        "file": base64.b64encode(data).decode("ascii"),
        "user": user_id,
    }
    return signing.dumps(value, salt=PAYLOAD_SALT, compress=True)


class DocumentPayload:
    """What the preview form carries: the text read, and the uploaded file to keep (if any)."""

    def __init__(self, text: str, name: str, data: bytes) -> None:
        self.text, self.name, self.data = text, name, data

    def source_file(self) -> SimpleUploadedFile | None:
        if not self.data:
            return None
        return SimpleUploadedFile(self.name, self.data)


class ImportDocumentForm(forms.Form):
    """The preview's hidden part: the signed document and what it is to become."""

    document_payload = forms.CharField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=ImportKind.CHOICES, widget=forms.HiddenInput)

    def __init__(self, *args, user_id: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user_id = user_id

    def clean_document_payload(self) -> DocumentPayload:
        try:
            value = signing.loads(
                self.cleaned_data["document_payload"], salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE
            )
            # Signed for the user who uploaded it: another's payload is refused as changed.
            if value["user"] != self.user_id:
                raise ValueError("another user's document")
            payload = DocumentPayload(
                str(value["text"]), str(value["name"]), base64.b64decode(value["file"])
            )
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(
                _("The document read has expired or was changed. Upload it again."),
                code="payload",
            ) from None
        return payload


# -- The period ---------------------------------------------------------------------------------


class ImportPeriodForm(PeriodFieldsForm):
    """The new draft's municipality and facts (area, police area, parties, address, validity)."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose a municipality"),
    )

    field_order = ["municipality"]

    class Meta(PeriodFieldsForm.Meta):
        fields = ["municipality", *PeriodFieldsForm.Meta.fields]

    def __init__(self, *args, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        # The texts and contact person are written in the editor afterwards.
        for name in (*PERIOD_TEXT_FIELDS, *PERIOD_CONTACT_FIELDS, PERIOD_CONTACT_PUBLIC):
            del self.fields[name]

    def period_municipality(self) -> Municipality | None:
        return self.cleaned_data.get("municipality")


def _police_area_words(name: str) -> tuple[str, ...]:
    """A local police area's name as folded words, without "Lokalpolisområde" or "LPO":
    "LPO Borås", "lokalpolisområde Borås" and "Borås" are the same words."""
    words = fold(name).replace("/", " / ").split()
    while words and words[0].rstrip(":") in {"lokalpolisomrade", "lokalpolisomradet", "lpo"}:
        words = words[1:]
    return tuple(words)


def matching_police_area(name: str, areas, municipality_id=None):
    """The one local police area among `areas` the document's name for it ("Borås", as the
    reader gives it) names: the same words, case and "Lokalpolisområde"/"LPO" aside, or a name
    one of them begins ("Norrbottens" for "Norrbottens inland"); among several, the one
    covering the municipality. None unless exactly one matches and it covers the
    municipality (the form would refuse another)."""
    read = _police_area_words(name)
    if not read:
        return None
    found = []
    for area in areas:
        words = _police_area_words(area.name)
        shorter = min(len(words), len(read))
        if words and words[:shorter] == read[:shorter]:
            found.append((words == read, area))
    exact = [area for same, area in found if same]
    candidates = exact or [area for _same, area in found]
    if municipality_id is not None and len(candidates) > 1:
        candidates = [
            area for area in candidates if area.municipalities.filter(pk=municipality_id).exists()
        ]
    if len(candidates) != 1:
        return None
    area = candidates[0]
    if municipality_id is not None and not area.municipalities.filter(pk=municipality_id).exists():
        return None
    return area


def period_initial(document: ParsedDocument, municipality_id, kind: str, areas=None) -> dict:
    """The period form's first values: the validity and parties as read, the local police
    area the document names when exactly one of `areas` matches it, and for a registration
    the decision and signing as the document states them."""
    initial = {
        "municipality": municipality_id,
        "parties": document.parties,
        "start_date": document.start,
        "end_date": None if document.open_ended else document.end,
    }
    if document.area_name:  # "Medborgarlöfte för Rosengård": the district it is for
        initial["area_name"] = document.area_name
    if areas is not None and document.local_police_area:
        area = matching_police_area(document.local_police_area, areas, municipality_id)
        if area is not None:
            initial["local_police_area"] = area.pk
    if kind == ImportKind.REGISTER:
        initial.update(open_ended=document.open_ended, year_only=document.year_only)
        if document.signed_date is not None:
            # "Sala den 15 januari 2026" over the signatures
            initial["signed_date"] = document.signed_date
        # "Beslutat av kommunstyrelsen den 17 januari 2024, dnr KS 2023/412.": what it states
        if document.decision_body:
            initial["decision_body"] = Truncator(document.decision_body).chars(150)
        if document.decision_date is not None:
            initial["decision_date"] = document.decision_date
        if document.decision_reference:
            initial["decision_reference"] = Truncator(document.decision_reference).chars(50)
    elif document.open_ended:
        initial["validity"] = Validity.OPEN
    elif document.year_only:
        initial["validity"] = Validity.YEARS
    else:
        initial["validity"] = Validity.DATES
    return initial


def period_form(
    kind: str,
    data=None,
    files=None,
    *,
    initial=None,
    municipalities,
    areas,
    upload_too_large: bool = False,
):
    """The period's form for `kind`: the editor's facts, or the registration's (with decision,
    signing and source; `upload_too_large`: its file was sent but stopped, being too large)."""
    if kind == ImportKind.REGISTER:
        return RegistrationForm(
            data,
            files,
            initial=initial,
            prefix="period",
            municipalities=municipalities,
            local_police_areas=areas,
            upload_too_large=upload_too_large,
        )
    return ImportPeriodForm(
        data,
        initial=initial,
        prefix="period",
        municipalities=municipalities,
        local_police_areas=areas,
    )


# -- The period's texts -------------------------------------------------------------------------


class ImportTextsForm(forms.Form):
    """The period's situation picture, background and follow-up as read from the document
    (`promises.textimport.texts`), for the coordinator to correct or empty. What is confirmed
    is saved into the new period; an emptied field saves an empty text."""

    situation, background, follow_up_text = period_text_fields(situation_rows=6).values()

    def texts(self) -> dict[str, str]:
        """The confirmed texts, each stripped ("" for an emptied one)."""
        return {name: (self.cleaned_data.get(name) or "").strip() for name in PERIOD_TEXT_FIELDS}


def texts_initial(document: ParsedDocument) -> dict[str, str]:
    """The texts as the reader proposes them."""
    return {name: getattr(document, name) for name in PERIOD_TEXT_FIELDS}


def texts_form(document: ParsedDocument | None, data=None) -> ImportTextsForm:
    """The texts' form: bound to `data`, or filled from `document`."""
    if data is not None:
        return ImportTextsForm(data, prefix="texts")
    return ImportTextsForm(initial=texts_initial(document), prefix="texts")


# A title of the municipality's ("Kommunstyrelsens ordförande", "Kommundirektör",
# "Stadsdirektör", "Regionstyrelsens ordförande"), matched folded.
_MUNICIPAL_TITLE = re.compile(r"kommun|stad|region|borgarrad")


def signatory_initial(document: ParsedDocument, municipality: Municipality | None = None):
    """The signatories the document's signature block names, as the registration's rows; a
    municipal title without its organisation gets the municipality's own name."""
    rows = []
    for signatory in document.signatories[:MAX_SIGNATORIES]:
        organisation = signatory.organisation
        title = fold(signatory.title)
        if (
            not organisation
            and municipality is not None
            and "polis" not in title
            and _MUNICIPAL_TITLE.search(title)
        ):
            organisation = municipality.organisation_name or municipality.name
        rows.append(
            {
                "name": Truncator(signatory.name).chars(100),
                "title": Truncator(signatory.title).chars(150),
                "organisation": Truncator(organisation).chars(150),
            }
        )
    return rows


def proposed_signatories(document: ParsedDocument, municipality: Municipality | None = None):
    """The registration's signatory rows filled from the document, for the coordinator to
    check (unbound: nothing is taken before they confirm)."""
    return RegistrationSignatoryFormSet(
        initial=signatory_initial(document, municipality), prefix="signatories"
    )
