"""Staff forms of the promise editor: a period's facts, texts and dates, its promises. (What every
staff editor shares, versioned forms and a revision's reason, is `promises.editing_forms`.)"""

import calendar
import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _

from municipalities.models import LocalPoliceArea, Municipality
from promises.editing_forms import VersionedFormMixin, version_field
from promises.fields import (
    MAX_DATE,
    MIN_DATE,
    DateField,
    ModelMultipleChoiceField,
    PlainTextField,
)
from promises.models import (
    PERIOD_CONTACT_FIELDS,
    PERIOD_CONTACT_PUBLIC,
    PERIOD_TEXT_FIELDS,
    Parties,
    Promise,
    PromisePeriod,
    Theme,
)
from promises.validators import contains_personal_number

MAX_TEXT = 10_000
MAX_PROMISE_TITLE = 300
MAX_PROMISE_DESCRIPTION = 5_000
MIN_PERIOD_MONTHS = 3
MAX_PERIOD_MONTHS = 60
# Period slugs that would shadow other public pages: /kommuner/<slug>/flode/,
# …/uppfoljningsflode/, /kommuner/<slug>/oppna-data/… and /kommuner/<slug>/inbaddning/, and a
# period's documents.
RESERVED_PERIOD_SLUGS = frozenset(
    {
        "flode",
        "uppfoljningsflode",
        "oppna-data",
        "inbaddning",
        "tjansteutlatande",
        "medborgarloftet",
    }
)
_PERIOD_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# The facts of a period are editable in draft only; its texts and contact also after signing,
# as a revision.
PERIOD_FACT_FIELDS = (
    "area_name",
    "local_police_area",
    "parties",
    "slug",
    "start_date",
    "end_date",
)


class Validity:
    """How a period's validity is stated: the choice of the period editor's validity field."""

    DATES = "dates"
    OPEN = "open"
    YEARS = "years"
    CHOICES = (
        (DATES, _("From the start date to the end date")),
        (OPEN, _("From the start date, until further notice (no end date)")),
        (YEARS, _("Dated by year only: whole calendar years from the start date's year")),
    )


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved `months` calendar months on, clamped to the end of a shorter month.

    Beyond the ends of the calendar the answer is the first or last day there is.
    """
    moved = _moved(day, months)
    if moved is None:
        return datetime.date.max if months > 0 else datetime.date.min
    return moved


def _moved(day: datetime.date, months: int) -> datetime.date | None:
    """`day` moved `months` calendar months on, or None when that is beyond the calendar."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day_before(day: datetime.date | None) -> datetime.date | None:
    if day is None or day == datetime.date.min:
        return None
    return day - datetime.timedelta(days=1)


def _day_after(day: datetime.date) -> datetime.date | None:
    if day == datetime.date.max:
        return None
    return day + datetime.timedelta(days=1)


def suggested_slug(start: datetime.date, end: datetime.date | None, area_name: str = "") -> str:
    """A period's address from its years: "2027-2028", "2027" within one year, or
    "2027-tills-vidare" for a period without an end; a district's period is named by its
    district too (a big city's second period of the same years had its address taken:
    "limhamn-bunkeflo-2026-2027")."""
    if end is None:
        years = f"{start.year}-tills-vidare"
    elif start.year == end.year:
        years = str(start.year)
    else:
        years = f"{start.year}-{end.year}"
    area = slugify(area_name or "")[:40].strip("-")
    return f"{area}-{years}" if area else years


def period_length_error(start: datetime.date, end: datetime.date) -> str | None:
    """Why `start`–`end` is not an acceptable period (three months to five years), or None."""
    if end <= start:
        return _("The end date must be after the start date.")
    shortest = _day_before(_moved(start, MIN_PERIOD_MONTHS))
    if shortest is not None and end < shortest:
        return _("A citizen promise must run for at least three months.")
    longest = latest_end(start)
    if longest is not None and end > longest:
        return _("A citizen promise can run for at most five years.")
    return None


def latest_end(start: datetime.date) -> datetime.date | None:
    """The last day a period from `start` may run to (five years), or None past the calendar."""
    return _day_before(_moved(start, MAX_PERIOD_MONTHS))


def clean_period_slug(value: str) -> str:
    """A lowercase ASCII slug that no other public page uses; raises `ValidationError`."""
    value = value.strip().lower()
    if value and not _PERIOD_SLUG.fullmatch(value):
        raise ValidationError(
            _("Use only the letters a–z, digits and hyphens, e.g. 2027-2028."), code="invalid"
        )
    if value in RESERVED_PERIOD_SLUGS:
        raise ValidationError(
            _("The address %(slug)s is used by other pages. Choose another, e.g. 2027-2028."),
            code="reserved",
            params={"slug": value},
        )
    if contains_personal_number(value):
        # The address is public too: in every link, the feeds and the open data.
        raise ValidationError(
            _("The address seems to hold a personal identity number. Choose another."),
            code="personal_number",
        )
    return value


class PeriodChoiceField(forms.ModelChoiceField):
    """A period as "Vetlanda 2025–2026 (signed)"; select its municipality with the queryset."""

    def label_from_instance(self, obj: PromisePeriod) -> str:
        return f"{obj} ({obj.get_state_display()})"


def period_text_fields(situation_rows: int = 8) -> dict[str, forms.Field]:
    """The period's three public texts (lägesbild, background, follow-up), as the editor and
    the import's review page ask for them."""
    return {
        "situation": PlainTextField(
            label=_("Situation picture (lägesbild)"),
            max_length=MAX_TEXT,
            rows=situation_rows,
            help_text=_("The shared picture of crime and safety the promises answer. Public."),
        ),
        "background": PlainTextField(
            label=_("Background"), max_length=MAX_TEXT, rows=6, help_text=_("Public.")
        ),
        "follow_up_text": PlainTextField(
            label=_("How it is followed up"),
            max_length=MAX_TEXT,
            rows=4,
            help_text=_("How and when the parties follow up the promises. Public."),
        ),
    }


def _period_slug_field() -> forms.CharField:
    return forms.CharField(
        label=_("Address"),
        max_length=60,
        required=False,
        help_text=_(
            "The citizen promise's part of the public address: letters a–z, digits and "
            "hyphens, e.g. 2027-2028. Leave empty to use the years (and the area's name, if "
            "it has one)."
        ),
    )


def _date_field(label) -> DateField:
    return DateField(label=label)


def _optional_date_field(label) -> DateField:
    return DateField(
        label=label,
        required=False,
        help_text=_("Leave empty when the citizen promise applies until further notice."),
    )


def _validity_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Validity"),
        choices=Validity.CHOICES,
        initial=Validity.DATES,
        # One of the radio buttons is always checked; a post without it states dates.
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "As the document states it. A document dated only by year is stored as 1 January "
            "to 31 December and shown as the year."
        ),
    )


def validity_of(period: PromisePeriod) -> str:
    """The validity choice a saved period was stated with."""
    if period.end_date is None:
        return Validity.OPEN
    return Validity.YEARS if period.year_only else Validity.DATES


class PeriodSlugDatesMixin:
    """Checks of a period's address and dates: the validity as stated (dates, until further
    notice, whole years), the length of the period, a free address."""

    def clean_validity_dates(self, cleaned: dict) -> None:
        """The dates as the validity choice states them: no end until further notice, whole
        calendar years for a period dated by year; `cleaned["year_only"]` says which."""
        if "validity" not in self.fields:
            return
        kind = cleaned.get("validity") or Validity.DATES
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        cleaned["year_only"] = kind == Validity.YEARS
        if kind == Validity.OPEN:
            if end is not None:  # never dropped unseen: the two say different things
                self.add_error(
                    "end_date",
                    _(
                        "An end date was entered, but the citizen promise is to apply until "
                        "further notice. Empty the end date, or choose “From the start date to "
                        "the end date”."
                    ),
                )
            cleaned["end_date"] = None
        elif kind == Validity.YEARS and start:
            last_year = end.year if end else start.year
            cleaned["start_date"] = datetime.date(start.year, 1, 1)
            if last_year >= start.year:
                cleaned["end_date"] = datetime.date(last_year, 12, 31)
            else:
                self.add_error("end_date", _("The end date must be after the start date."))
        elif kind == Validity.DATES and start and not end and not self.has_error("end_date"):
            self.add_error(
                "end_date", _("Enter the end date, or choose that it applies until further notice.")
            )

    def period_municipality(self) -> Municipality | None:
        raise NotImplementedError

    def clean_slug(self) -> str:
        return clean_period_slug(self.cleaned_data.get("slug", ""))

    def clean_slug_and_dates(self, cleaned: dict, exclude_pk: int | None = None) -> None:
        """Check the dates, fill in the address from them when empty, and check it is free."""
        self.clean_validity_dates(cleaned)
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        open_ended = "validity" in self.fields and cleaned.get("validity") == Validity.OPEN
        if start and end and not self.has_error("end_date"):
            error = period_length_error(start, end)
            if error:
                self.add_error("end_date", error)
        if "slug" not in self.fields or self.has_error("slug"):
            return
        slug = cleaned.get("slug") or ""
        if not slug and start and (end or open_ended):
            slug = suggested_slug(start, end, cleaned.get("area_name") or "")
        if not slug:
            if not (self.has_error("start_date") or self.has_error("end_date")):
                self.add_error("slug", _("Enter an address, e.g. 2027-2028."))
            return
        cleaned["slug"] = slug
        municipality = self.period_municipality()
        if municipality is None:
            return
        taken = PromisePeriod.objects.filter(municipality=municipality, slug=slug)
        if exclude_pk is not None:
            taken = taken.exclude(pk=exclude_pk)
        if taken.exists():
            self.add_error(
                "slug",
                _(
                    "%(municipality)s already has a citizen promise at the address %(slug)s. "
                    "Choose another address."
                )
                % {"municipality": municipality.name, "slug": slug},
            )


class PeriodFieldsForm(PeriodSlugDatesMixin, forms.ModelForm):
    """A period's facts (area, police area, address, dates), texts and contact person."""

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
        empty_label=_("Choose a local police area"),
    )
    parties = forms.ChoiceField(
        label=_("Who gives the promises"),
        choices=[(value, capfirst(label)) for value, label in Parties.choices],
        initial=Parties.JOINT,
        # A form sent without the choice keeps what the period says (a new one: both parties).
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "As the document says: usually the Police and the municipality together; a district "
            "promise may be given by the Police alone. Only the parties that give the promises "
            "sign."
        ),
    )
    slug = _period_slug_field()
    validity = _validity_field()
    start_date = _date_field(_("Start date"))
    end_date = _optional_date_field(_("End date"))
    situation, background, follow_up_text = period_text_fields().values()
    contact_name = PlainTextField(label=_("Contact name"), max_length=100)
    contact_title = PlainTextField(label=_("Contact title"), max_length=100)
    contact_phone = PlainTextField(label=_("Contact phone"), max_length=40)
    contact_email = forms.EmailField(label=_("Contact e-mail"), max_length=254, required=False)
    contact_is_public = forms.BooleanField(
        label=_("Show the contact person on the public pages"), required=False
    )

    class Meta:
        model = PromisePeriod
        fields = [
            *PERIOD_FACT_FIELDS,
            *PERIOD_TEXT_FIELDS,
            *PERIOD_CONTACT_FIELDS,
            PERIOD_CONTACT_PUBLIC,
        ]

    def __init__(self, *args, local_police_areas, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["local_police_area"].queryset = local_police_areas
        if not self.is_bound and self.instance.pk:
            self.initial.setdefault("validity", validity_of(self.instance))

    def _post_clean(self):
        super()._post_clean()
        if "validity" in self.fields and "year_only" in self.cleaned_data:
            self.instance.year_only = self.cleaned_data["year_only"]

    def period_municipality(self) -> Municipality | None:
        return self.instance.municipality if self.instance.municipality_id else None

    def clean_parties(self) -> str:
        return self.cleaned_data.get("parties") or self.instance.parties

    def clean(self):
        cleaned = super().clean()
        self.clean_slug_and_dates(cleaned, exclude_pk=self.instance.pk)
        area = cleaned.get("local_police_area")
        municipality = self.period_municipality()
        if (
            "local_police_area" in self.fields
            and area is not None
            and municipality is not None
            and not area.municipalities.filter(pk=municipality.pk).exists()
        ):
            self.add_error(
                "local_police_area",
                _("%(area)s does not cover %(municipality)s.")
                % {"area": area.name, "municipality": municipality.name},
            )
        return cleaned


class PeriodCreateForm(PeriodFieldsForm):
    """A new draft period, optionally started from an earlier one."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose a municipality"),
    )
    start_from = PeriodChoiceField(
        label=_("Start from"),
        queryset=PromisePeriod.objects.none(),
        required=False,
        empty_label=_("Nothing: an empty draft"),
        help_text=_(
            "Copies the texts, promises and activities of an earlier citizen promise. "
            "What you fill in below replaces the copied text."
        ),
    )

    field_order = ["municipality", "start_from"]

    class Meta(PeriodFieldsForm.Meta):
        fields = ["municipality", *PeriodFieldsForm.Meta.fields]

    def __init__(self, *args, municipalities, earlier_periods, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["start_from"].queryset = earlier_periods
        if not self.is_bound:
            only = list(municipalities[:2])
            if len(only) == 1:
                self.initial.setdefault("municipality", only[0].pk)
                # And its local police area, when one alone covers it: left unchosen, the
                # police's signatory had no organisation filled in at the signing.
                areas = self.fields["local_police_area"].queryset.filter(municipalities=only[0])
                area = list(areas[:2])
                if len(area) == 1:
                    self.initial.setdefault("local_police_area", area[0].pk)

    def period_municipality(self) -> Municipality | None:
        return self.cleaned_data.get("municipality")


class PeriodEditForm(VersionedFormMixin, PeriodFieldsForm):
    """A period's fields; after signing only its texts and contact person (`texts_only`)."""

    edit_version = version_field()

    def __init__(self, *args, texts_only: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if texts_only:
            for name in (*PERIOD_FACT_FIELDS, "validity"):
                del self.fields[name]


class PeriodCopyForm(PeriodSlugDatesMixin, forms.Form):
    """The address and dates of a new draft copied from `source`."""

    slug = _period_slug_field()
    validity = _validity_field()
    start_date = _date_field(_("Start date"))
    end_date = _optional_date_field(_("End date"))

    def __init__(self, *args, source: PromisePeriod, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.source = source
        dates = None if self.is_bound else following_dates(source)
        # No proposal when the period after would end beyond the dates the form accepts.
        if dates is not None:
            start, end = dates
            self.initial.setdefault("start_date", start)
            self.initial.setdefault("end_date", end)
            self.initial.setdefault("slug", free_slug(source.municipality, start, end))

    def period_municipality(self) -> Municipality:
        return self.source.municipality

    def clean(self):
        cleaned = super().clean()
        # The address proposed with the proposed dates, sent unchanged with other dates: the
        # address of those dates (a one-year copy of a two-year period is "2027", not
        # "2027-2028").
        proposed = following_dates(self.source)
        dates = (cleaned.get("start_date"), cleaned.get("end_date"))
        if (
            proposed is not None
            and dates != proposed
            and cleaned.get("slug") == suggested_slug(*proposed)
        ):
            cleaned["slug"] = ""
        self.clean_slug_and_dates(cleaned)
        return cleaned


def following_dates(
    source: PromisePeriod, today: datetime.date | None = None
) -> tuple[datetime.date, datetime.date] | None:
    """The dates of the period after `source`: whole calendar years from the first 1 January
    after it ends, as many as the source ran (rounded, one to five).

    2025-10-14–2027-10-13 → 2028-01-01–2029-12-31; 2025-01-01–2026-12-31 → 2027-01-01–
    2028-12-31. After an open-ended source, one calendar year from the next 1 January after
    `today`. Capped at the last accepted year; None when the first year falls outside what a
    date field accepts (`MIN_DATE`–`MAX_DATE`), e.g. after a period stored with a far-future
    end.
    """
    if source.end_date is None:
        first_year, years = (today or timezone.localdate()).year + 1, 1
    else:
        first_year = source.end_date.year + 1
        days = (source.end_date - source.start_date).days + 1
        years = min(max(round(days / 365.25), 1), MAX_PERIOD_MONTHS // 12)
    if not MIN_DATE.year <= first_year <= MAX_DATE.year:
        return None
    # Capped at the last accepted year.
    last_year = min(first_year + years - 1, MAX_DATE.year)
    return datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)


def free_slug(municipality: Municipality, start: datetime.date, end: datetime.date) -> str:
    """The suggested address for new dates, numbered on when the municipality already uses it."""
    base = suggested_slug(start, end)
    taken = set(
        PromisePeriod.objects.filter(municipality=municipality, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class PromiseForm(forms.ModelForm):
    """A promise: its title, description and themes."""

    title = PlainTextField(
        label=_("Promise"),
        max_length=MAX_PROMISE_TITLE,
        required=True,
        rows=2,
        help_text=_("One sentence, e.g. Öka tryggheten i centrum kvällstid."),
    )
    description = PlainTextField(label=_("Description"), max_length=MAX_PROMISE_DESCRIPTION, rows=5)
    themes = ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Promise
        fields = ["title", "description", "themes"]

    def clean_title(self) -> str:
        # The same promise twice in one period is a mistake, or a form sent twice.
        title = self.cleaned_data["title"]
        same = Promise.objects.filter(period_id=self.instance.period_id, title=title)
        if self.instance.pk:
            same = same.exclude(pk=self.instance.pk)
        if same.exists():
            raise ValidationError(
                _("This citizen promise already has this promise."), code="duplicate"
            )
        return title


class PromiseEditForm(VersionedFormMixin, PromiseForm):
    """A saved promise, with the version the editor showed."""

    edit_version = version_field()


class MoveForm(forms.Form):
    """Which way to move an item of an ordered list."""

    direction = forms.ChoiceField(choices=[("up", _("up")), ("down", _("down"))])
