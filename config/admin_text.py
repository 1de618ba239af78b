"""The admin's text fields hold plain text, as the staff forms' do."""

from django.db import models

from promises.validators import validate_plain_text


class PlainTextAdminMixin:
    """Every text field of the admin's forms refuses what the staff forms refuse (control
    characters, HTML, personal identity numbers): a vertical tab pasted into a municipality's
    name took down the Atom feeds that name it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(db_field, models.CharField | models.TextField):
            formfield.validators.append(validate_plain_text)
        return formfield
