"""The one date field of every staff form: unambiguous Swedish input, within sane bounds.

Browsers post the date picker's value as ISO (2026-11-01). Typed by hand (a browser without a
date picker, a copied value) we also read the Swedish ways to write a date: day first
(1/11/2026, 1.11.2026) and with a Swedish month name (1 nov 2026, 1 november 2026). Never month
first (1/11/2026 is 1 November, not 11 January) and never a two-digit year.

Also here, for every page, document, feed and e-mail: a date written in full (`long_date`) and
the one rule that joins the two ends of a range (`join_range`).
"""

import calendar
import datetime
import re
from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.utils import dates, formats
from django.utils.translation import gettext_lazy as _

from promises.validators import BIDI_CONTROLS, validate_plain_text, visible_text

# No staff date before or after these: the portal's records start after 2000, and nothing is
# planned beyond this century. Date arithmetic on accepted dates (a period of five years, the
# period after) then stays far from the end of the calendar (9999-12-31).
MIN_DATE = datetime.date(2000, 1, 1)
MAX_DATE = datetime.date(2100, 12, 31)

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# ASCII digits only: \d would also take Arabic-Indic and other digits.
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")
_DAY_FIRST = re.compile(r"(?P<day>[0-9]{1,2})([/.])(?P<month>[0-9]{1,2})\2(?P<year>[0-9]{4})")
_MONTH_NAME = re.compile(r"(?P<day>[0-9]{1,2})\.? (?P<month>[a-zåäö]+)\.? (?P<year>[0-9]{4})")


def written_date(text: str) -> tuple[int, int, int] | None:
    """The year, month and day `text` writes in one of the accepted ways (2026-11-01,
    1/11/2026, 1.11.2026, 1 nov 2026), whether or not the calendar has that day; else None."""
    text = " ".join(str(text).split()).lower()
    for pattern in (_ISO, _DAY_FIRST, _MONTH_NAME):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = match["month"]
        month = MONTHS.get(month) if pattern is _MONTH_NAME else int(month)
        if month is None:
            return None
        return int(match["year"]), month, int(match["day"])
    return None


def parse_date(text: str) -> datetime.date | None:
    """The date `text` writes (2026-11-01, 1/11/2026, 1.11.2026, 1 nov 2026), or None, also for
    a day the calendar does not have (2026-02-30)."""
    written = written_date(text)
    if written is None:
        return None
    try:
        return datetime.date(*written)
    except ValueError:
        return None


def _exists(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def long_date(day: datetime.date) -> str:
    """A date as the active language writes it in full, e.g. 1 januari 2000."""
    return formats.date_format(day, "j F Y")


# Before the dash of a spaced range a no-break space, after it an ordinary one (see join_range).
SPACED_RANGE_DASH = "\u00a0– "


def month_name(month: int) -> str:
    """A month's full name in the active language, "januari"."""
    return formats.date_format(datetime.date(2000, month, 1), "F")


def date_span(
    start: datetime.date, end: datetime.date, month: Callable[[int], str] = month_name
) -> str:
    """Two dates as Swedish writes a range, each part they share written once (`join_range`):
    "3 december 2026", "1–30 november 2026", "1 september – 31 december 2026", "20 mars 2026
    – 19 mars 2027". `month` names a month: in full by default, or abbreviated by a caller
    that writes short dates ("1 sep – 31 dec 2026")."""
    if start == end:
        return f"{end.day} {month(end.month)} {end.year:04d}"
    if start.year != end.year:
        return join_range(
            f"{start.day} {month(start.month)} {start.year:04d}",
            f"{end.day} {month(end.month)} {end.year:04d}",
        )
    if start.month == end.month:
        return f"{join_range(str(start.day), str(end.day))} {month(end.month)} {end.year:04d}"
    return (
        f"{join_range(f'{start.day} {month(start.month)}', f'{end.day} {month(end.month)}')} "
        f"{end.year:04d}"
    )


def join_range(start: str, end: str) -> str:
    """The two ends of a range joined by an en dash as Svenska skrivregler writes it: without
    spaces between single words or numbers ("2023–2024", "maj–augusti", "1–30"), with a space
    on each side when either end holds a space ("1 sep – 31 dec", "januari 2026 – mars 2027",
    "1 mars 2024 – tills vidare").

    The ends are what differs; a part both share is written once, outside, by the caller:
    "1–30 nov 2026" is `join_range("1", "30")` and " nov 2026", "kl. 9–17" "kl. " and
    `join_range("9", "17")`.

    The space before the dash is a no-break space, everywhere: a spaced range may wrap after
    its dash but never before it, so no line begins with "–" (an unspaced range, which has no
    space to break at, is kept whole where it matters by the `unbroken` filter: "2025–2027"
    broke after its dash on a phone). A character, not markup, it reads the same on pages (HTML
    escaping leaves it), in PDFs, feeds and plain-text e-mails.
    """
    start, end = str(start).strip(), str(end).strip()
    if any(char.isspace() for char in start + end):
        return f"{start}{SPACED_RANGE_DASH}{end}"
    return f"{start}–{end}"


class IsoDateInput(forms.DateInput):
    """A date picker; a posted value it cannot show as YYYY-MM-DD is left out of the markup."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            # A typed date the field accepts (1/11/2026) is shown as the picker writes it.
            day = parse_date(value)
            return day.isoformat() if day is not None else None
        return super().format_value(value)


class DateField(forms.DateField):
    """A date in the formats `parse_date` reads, from `min_value` to `max_value` inclusive."""

    widget = IsoDateInput
    default_error_messages = {
        "invalid": _("Enter the date as YYYY-MM-DD, e.g. 2026-11-01, 1/11/2026 or 1 nov 2026."),
        # Written the right way, but the calendar has no such day (30 February, month 13).
        "no_such_day": _("That date does not exist: %(month)s %(year)s has only %(days)s days."),
        "no_such_date": _("That date does not exist in the calendar."),
        "month_first": _(
            "There is no month %(month)s: write the day first, then the month, e.g. %(day_first)s."
        ),
        "out_of_range": _("Enter a date from %(min)s to %(max)s."),
    }

    def __init__(
        self,
        *,
        min_value: datetime.date = MIN_DATE,
        max_value: datetime.date = MAX_DATE,
        **kwargs,
    ) -> None:
        self.min_value = min_value
        self.max_value = max_value
        super().__init__(**kwargs)

    def widget_attrs(self, widget) -> dict:
        # The picker offers only the accepted dates.
        attrs = super().widget_attrs(widget)
        if isinstance(widget, IsoDateInput):
            attrs.update(min=self.min_value.isoformat(), max=self.max_value.isoformat())
        return attrs

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        written = written_date(value)
        if written is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return datetime.date(*written)
        except ValueError:
            raise self.no_such_date(*written, slashed="/" in value) from None

    def no_such_date(
        self, year: int, month: int, day: int, *, slashed: bool = False
    ) -> ValidationError:
        """Why a well-written date is refused: the month has fewer days, or there is no such
        month, day 0 or year 0 (before the fields' bounds, which it is then said to be)."""
        if year < datetime.MINYEAR:
            return self.range_error()
        if 1 <= month <= 12 and day > 0:
            params = {
                "month": dates.MONTHS[month],
                "year": year,
                "days": calendar.monthrange(year, month)[1],
            }
            return ValidationError(
                self.error_messages["no_such_day"], code="no_such_day", params=params
            )
        if slashed and 1 <= day <= 12 and month > 12 and _exists(year, day, month):
            # "12/24/2026": the month first, as American programs write it.
            return ValidationError(
                self.error_messages["month_first"],
                code="month_first",
                params={"month": month, "day_first": f"{month}/{day}/{year}"},
            )
        return ValidationError(self.error_messages["no_such_date"], code="no_such_date")

    def range_error(self) -> ValidationError:
        return ValidationError(
            self.error_messages["out_of_range"],
            code="out_of_range",
            params={"min": long_date(self.min_value), "max": long_date(self.max_value)},
        )

    def validate(self, value) -> None:
        super().validate(value)
        if value is not None and not (self.min_value <= value <= self.max_value):
            raise self.range_error()


# "kl. 13.30", "kl 9": the word for o'clock before a time.
_CLOCK_WORD = re.compile(r"^kl(?:ockan)?\.?\s*", re.IGNORECASE)


class TimeField(forms.TimeField):
    """A time of day as Swedes write it: "13:30", "13.30" (the Swedish standard's way),
    "kl. 13.30", "9" (on the hour); shown as 13:30."""

    widget = forms.TimeInput(format="%H:%M")
    input_formats = ["%H:%M", "%H.%M", "%H"]

    def to_python(self, value):
        if isinstance(value, str):
            value = _CLOCK_WORD.sub("", value.strip())
        return super().to_python(value)


class PlainTextField(forms.CharField):
    """Text a person types: plain, at most `max_length`, optional unless told; line breaks \\n
    in a text of several lines (`rows`), none in a one-line field."""

    def __init__(self, *, max_length: int, rows: int | None = None, **kwargs) -> None:
        kwargs.setdefault("required", False)
        self.one_line = rows is None
        if rows is not None:
            kwargs["widget"] = forms.Textarea(attrs={"rows": rows})
        super().__init__(max_length=max_length, validators=[validate_plain_text], **kwargs)

    def to_python(self, value):
        # Browsers send line breaks as \r\n; store them as typed elsewhere, so that an unchanged
        # text compares equal to the saved one.
        value = super().to_python(value)
        if value and self.one_line:
            # A one-line field cannot hold a line break a browser would send: one posted by hand
            # would reach e-mail subjects (which refuse it) and one-line places of the pages.
            # Nor an invisible character (a zero-width space, a soft hyphen): a name that looks
            # empty or like another's is none ("\u200b" as an area told two overlapping periods of
            # one place apart). Direction marks are refused by the validator, with a message.
            value = visible_text(value, keep=BIDI_CONTROLS)
            return " ".join(value.split())
        return value.replace("\r\n", "\n") if value else value


def idempotency_field(*, required: bool = True) -> forms.UUIDField:
    """The hidden key that makes a form sent twice save once. A page not loaded whole (or a
    form posted by hand) lacks it: said in words a person can act on, not by the field's name."""
    unreadable = _("The page was not loaded whole: reload it and send the form again.")
    return forms.UUIDField(
        label=_("Form"),
        widget=forms.HiddenInput,
        required=required,
        error_messages={"required": unreadable, "invalid": unreadable},
    )


# The largest key a database's bigint holds: a larger number in a checkbox's value is no row.
MAX_KEY = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, but a value that is no key a row could have (a number past bigint's
    range, "1e9", "٣") is refused as an unknown choice before the database is asked: SQLite
    raised OverflowError on a huge number, a 500."""

    def _check_values(self, value):
        for pk in value or ():
            text = str(pk)
            # Its length first: Python refuses to read more than 4,300 digits (a 500).
            if not (
                text.isascii()
                and text.isdigit()
                and len(text) <= len(str(MAX_KEY))
                and int(text) <= MAX_KEY
            ):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": text[:20]},
                )
        return super()._check_values(value)
