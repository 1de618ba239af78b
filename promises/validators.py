"""Validators for text that staff type into forms; the pages escape it, but it must be plain."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Tabs and line breaks are text; other control characters and the bidirectional overrides,
# isolates and marks (which can make a published text read differently from what was typed,
# and are invisible) are not.
# A null character is refused by Django's own validator of every CharField: not said twice.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\x00"}
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
# A Swedish personal identity number (or coordination number): YYMMDD-NNNN or YYMMDD+NNNN,
# with or without the century, the dash written any way (with blanks around, or a blank
# alone); twelve digits in a row with the century; ten in a row only with a right check digit
# and not starting with 0 (ten digits are as often a phone number, which starts with 0).
_PERSONAL_NUMBER = re.compile(
    r"(?<!\d)(?P<century>19|20)?(?P<born>\d{6})(?P<sep>[ \t]*[-+][ \t]*|[ \t])?(?P<serial>\d{4})"
    r"(?!\d)"
)
# Every dash and minus sign a text may hold (Word turns "-" into "–"), read as "-".
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u00ad]")


def validate_plain_text(value: str) -> None:
    """Refuse control characters, HTML tags and personal identity numbers in a text a person
    typed."""
    for position, char in enumerate(value, start=1):
        if char in _ALLOWED_CONTROLS:
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}:
            # Which and where: they are invisible, and come with text copied from elsewhere.
            raise ValidationError(
                _(
                    "The text contains a character that is not allowed: an invisible control "
                    "character (%(code)s) at character %(position)s. Delete it, or type that "
                    "part again: it may come with text copied from another program."
                ),
                code="control",
                params={"code": f"U+{ord(char):04X}", "position": position},
            )
    if _TAG.search(value):
        raise ValidationError(
            _("Write plain text: HTML tags such as <b> or <script> are not allowed."),
            code="html",
        )
    if contains_personal_number(value):
        raise ValidationError(
            _(
                "The text seems to contain a personal identity number. Write no personal "
                "identity numbers, nor anything else that points out a person."
            ),
            code="personal_number",
        )


# Characters that show nothing, besides the format characters (category Cf): the combining
# grapheme joiner, Hangul fillers, Mongolian and other variation selectors, the blank braille
# pattern. A name of them alone looks empty; one with them looks like another name.
_BLANK_LOOKING = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]"
)


def visible_text(value: str, *, keep: frozenset[str] = frozenset()) -> str:
    """`value` in composed form (NFC: "å" typed as "a" and a ring is "å") without the
    characters that show nothing (format characters, fillers, variation selectors), except
    those in `keep`."""
    value = _BLANK_LOOKING.sub("", unicodedata.normalize("NFC", value))
    return "".join(char for char in value if unicodedata.category(char) != "Cf" or char in keep)


def comparable_name(value: str) -> str:
    """A name as two names are compared: visible characters, width forms folded (NFKC), case
    folded, blanks collapsed ("Rosengård", "ROSENGÅRD " and "Rosen\u200bgård" are one)."""
    folded = unicodedata.normalize("NFKC", visible_text(value)).casefold()
    return " ".join(folded.split())


def contains_personal_number(value: str) -> bool:
    """Whether `value` holds what reads as a Swedish personal identity or coordination number:
    a date of birth (day + 60 for a coordination number) and four digits, whether or not the
    check digit is right (a made-up number points out a person as well), read after width
    forms are folded, invisible characters dropped and every dash read as "-" (a number must
    not pass by being written "850101–1234" or with a zero-width space in it). An organisation
    number (its "month" 20 or more) is none."""
    text = _DASHES.sub("-", unicodedata.normalize("NFKC", value))
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    for match in _PERSONAL_NUMBER.finditer(text):
        born, serial = match["born"], match["serial"]
        month, day = int(born[2:4]), int(born[4:6])
        if not (1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)):
            continue
        if match["sep"] or match["century"]:
            return True
        if born[0] != "0" and _luhn(born + serial):
            return True
    return False


def _luhn(digits: str) -> bool:
    total = 0
    for index, digit in enumerate(int(d) for d in digits):
        product = digit * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0
