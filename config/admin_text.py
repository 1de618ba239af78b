"""The admin's text fields hold plain text, as the staff forms' do."""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from promises.validators import validate_plain_text, visible_text


def validate_visible(value: str) -> None:
    """Refuse a one-line text with characters that show nothing (a zero-width space, a filler):
    "Tran\u200bås" looks like Tranås and is found by no search."""
    if visible_text(value) != unicodedata.normalize("NFC", value):
        raise ValidationError(
            _(
                "The text contains an invisible character. Type it again: it may come with text "
                "copied from another program."
            ),
            code="invisible",
        )


class PlainTextAdminMixin:
    """Every text field of the admin's forms refuses what the staff forms refuse (control
    characters, HTML, personal identity numbers), and a one-line one what shows nothing: a
    vertical tab pasted into a municipality's name took down the Atom feeds that name it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(db_field, models.CharField | models.TextField):
            formfield.validators.append(validate_plain_text)
        if formfield is not None and isinstance(db_field, models.CharField):
            formfield.validators.append(validate_visible)
        return formfield
