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
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def validate_plain_text(value: str) -> None:
    """Refuse control characters and HTML tags in a text a person typed."""
    for char in value:
        if char in _ALLOWED_CONTROLS:
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}:
            raise ValidationError(
                _("The text contains characters that are not allowed."), code="control"
            )
    if _TAG.search(value):
        raise ValidationError(
            _("Write plain text: HTML tags such as <b> or <script> are not allowed."),
            code="html",
        )
