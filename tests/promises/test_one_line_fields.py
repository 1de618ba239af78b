"""Every one-line text field of every form holds no line break, whatever is posted: a line
break typed by hand would reach e-mail subjects, calendar entries and one-line places of the
pages."""

import importlib

import pytest
from django import forms
from django.contrib.auth.forms import UsernameField
from django.core.exceptions import ValidationError

from promises.forms import clean_period_slug

FORM_MODULES = (
    "activities.csv_import",
    "activities.csv_import_views",
    "activities.editor_forms",
    "activities.forms",
    "followups.forms",
    "followups.outcome_forms",
    "followups.report_forms",
    "municipalities.forms",
    "promises.document_forms",
    "promises.editing_forms",
    "promises.forms",
    "promises.import_forms",
    "promises.import_rows",
    "promises.lifecycle_forms",
    "promises.registration_forms",
)


def _form_classes():
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and hasattr(value, "base_fields")
                and value.__module__ == name
            ):
                yield value


def _one_line_text_fields():
    for form in _form_classes():
        for name, field in form.base_fields.items():
            if not isinstance(field, forms.CharField) or type(field.widget) is not forms.TextInput:
                continue
            if isinstance(field, UsernameField):
                continue  # a user name is looked up, never shown or sent
            if name == "slug":
                continue  # an address: checked by `clean_period_slug`, below
            yield pytest.param(field, id=f"{form.__module__}.{form.__name__}.{name}")


def test_an_address_with_a_line_break_is_refused():
    with pytest.raises(ValidationError):
        clean_period_slug("2027\n2028")


def test_the_forms_have_one_line_text_fields():
    assert len(list(_one_line_text_fields())) > 30


@pytest.mark.parametrize("field", list(_one_line_text_fields()))
def test_a_line_break_posted_to_a_one_line_field_is_not_kept(field):
    try:
        value = field.clean("Brottsförebyggande rådet\r\nrad två")
    except ValidationError:
        return  # refused (a slug, a code): nothing kept either
    assert "\n" not in value and "\r" not in value
    assert value == "Brottsförebyggande rådet rad två"


def test_a_null_character_is_refused_with_one_message_not_two():
    from promises.fields import PlainTextField

    with pytest.raises(ValidationError) as refused:
        PlainTextField(max_length=50).clean("Storgatan\x00 12")
    assert len(refused.value.messages) == 1


@pytest.mark.parametrize("field", list(_one_line_text_fields()))
def test_an_invisible_character_in_a_one_line_text_is_dropped(field):
    from promises.fields import PlainTextField

    if not isinstance(field, PlainTextField):
        return  # names, codes and addresses: their own fields and checks
    # A zero-width space made "Göteborg, \u200b" a second place beside "Göteborg".
    assert field.clean("Ham\u00adnen\u200b") == "Hamnen"
    if not field.required:
        assert field.clean("\u200b\u2060\ufeff") == ""
    with pytest.raises(ValidationError):
        field.clean("Hamnen\u202e")  # a direction mark is refused, with a message


@pytest.mark.parametrize("field", list(_one_line_text_fields()))
def test_a_blank_looking_character_in_a_one_line_text_is_dropped(field):
    from promises.fields import PlainTextField

    if not isinstance(field, PlainTextField):
        return
    # A Hangul filler, a blank braille pattern, a combining grapheme joiner, a variation
    # selector: each looks like nothing. "å" typed as "a" and a ring is one letter.
    assert field.clean("Rosen\u3164ga\u030ard\u2800\u034f\ufe0f") == "Rosengård"
