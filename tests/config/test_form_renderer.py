"""The portal's form renderer writes selects, field groups, labels and error lists in Python,
exactly as Django's templates do."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from config.form_renderer import PortalFormRenderer
from promises.filters import PromiseFilter


class ChoiceForm(forms.Form):
    plain = forms.ChoiceField(
        choices=[("", "Alla"), ("x<y", "Ä & <b>"), (1, "ett")], required=False
    )
    grouped = forms.MultipleChoiceField(
        choices=[("Grupp <1>", [("1", "a"), ("2", "b")]), ("3", "c")], required=False
    )
    attributes = forms.TypedChoiceField(
        choices=[(True, "ja"), (False, "nej")],
        widget=forms.Select(attrs={"disabled": True, "data-x": False, "aria-describedby": 'q"z'}),
    )
    radio = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    grouped_radio = forms.ChoiceField(
        choices=[("Grupp & <1>", [("1", "a")]), ("2", "b <c>")],
        widget=forms.RadioSelect(attrs={"class": "val"}),
    )
    boxes = forms.MultipleChoiceField(
        choices=[("1", "ett"), ("2", "två")], widget=forms.CheckboxSelectMultiple, required=False
    )


class FieldsForm(forms.Form):
    required_css_class = "required"

    name = forms.CharField(label="Namn <b>", help_text="Skriv <i>hela</i> namnet")
    choice = forms.ChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.RadioSelect, label="Val?"
    )
    unlabelled = forms.BooleanField(required=False, label="")
    day = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"aria-describedby": "egen"})
    )
    many = forms.MultipleChoiceField(
        choices=[("1", "ett")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Välj alla som gäller",
        required=False,
    )
    text = forms.CharField(widget=forms.Textarea, max_length=3, required=False)


class InputsForm(forms.Form):
    text = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"placeholder": 'a"b'}))
    number = forms.IntegerField(min_value=1, required=False)
    decimal = forms.DecimalField(required=False, localize=True)
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False, assume_scheme="https")
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(required=False, widget=forms.TimeInput(attrs={"disabled": False}))
    secret = forms.CharField(widget=forms.PasswordInput, required=False)
    shown_secret = forms.CharField(widget=forms.PasswordInput(render_value=True), required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    agree = forms.BooleanField(required=False)
    upload = forms.FileField(required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    empty_note = forms.CharField(widget=forms.Textarea, required=False)


@pytest.mark.parametrize(
    "data, initial",
    [
        (None, {}),
        (None, {"text": "Ä & <b>", "number": 7, "agree": True, "note": "rad 1\n<rad 2>"}),
        (
            {
                "text": "<script>alert(1)</script>",
                "number": "0",
                "decimal": "1,5",
                "email": "inte en adress",
                "url": "x",
                "day": "2026-11-22",
                "time": "25:00",
                "secret": "hemligt",
                "shown_secret": "synligt & <hemligt>",
                "hidden": '"dolt"',
                "agree": "on",
                "note": "  ",
                "empty_note": "",
            },
            {},
        ),
    ],
)
def test_every_input_and_textarea_is_written_as_djangos_templates_write_it(data, initial):
    django_form = InputsForm(data, initial=initial, renderer=DjangoTemplates())
    portal_form = InputsForm(data, initial=initial, renderer=PortalFormRenderer())
    if data:
        assert not portal_form.is_valid() and not django_form.is_valid()
    for name in InputsForm.base_fields:
        assert str(portal_form[name]) == str(django_form[name]), name
        assert portal_form[name].as_field_group() == django_form[name].as_field_group(), name
    assert str(portal_form) == str(django_form)


class OwnOptionSelect(forms.Select):
    option_template_name = "django/forms/widgets/radio_option.html"


@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "plain": "x<y",
            "grouped": ["1", "3"],
            "attributes": "False",
            "grouped_radio": "1",
            "boxes": ["2"],
        },
    ],
)
def test_every_select_is_written_as_djangos_templates_write_it(data):
    django_form = ChoiceForm(data, renderer=DjangoTemplates())
    portal_form = ChoiceForm(data, renderer=PortalFormRenderer())
    for name in ChoiceForm.base_fields:
        assert str(portal_form[name]) == str(django_form[name]), name


@pytest.mark.parametrize(
    "data", [None, {"name": "", "choice": "z", "day": "nej", "text": "<script>", "many": ["9"]}]
)
def test_field_groups_labels_and_error_lists_are_written_as_the_templates_write_them(data):
    django_form = FieldsForm(data, renderer=DjangoTemplates())
    portal_form = FieldsForm(data, renderer=PortalFormRenderer())
    if data:
        for form in (django_form, portal_form):
            assert not form.is_valid()
            form.add_error(None, "Hela <formuläret> är fel")
    for name in FieldsForm.base_fields:
        assert portal_form[name].as_field_group() == django_form[name].as_field_group(), name
        assert portal_form[name].label_tag() == django_form[name].label_tag(), name
        assert str(portal_form[name].errors) == str(django_form[name].errors), name
    assert str(portal_form.non_field_errors()) == str(django_form.non_field_errors())
    assert str(portal_form) == str(django_form)


def test_options_without_their_labels_are_written_as_the_templates_write_them():
    widget = forms.RadioSelect(choices=[("a", "A")])
    widget.option_inherits_attrs = False
    context = widget.get_context("r", "a", {"id": "r"})
    for option in context["widget"]["optgroups"][0][1]:
        option["wrap_label"] = False
    django = DjangoTemplates().render(widget.template_name, context)
    assert PortalFormRenderer().render(widget.template_name, context) == django


def test_a_widget_with_its_own_option_template_keeps_it():
    field = forms.ChoiceField(choices=[("a", "A")], widget=OwnOptionSelect)
    html = field.widget.render("own", "a", renderer=PortalFormRenderer())
    assert html == field.widget.render("own", "a", renderer=DjangoTemplates())
    assert "<option" not in html  # the option template was used, not render_select


@pytest.mark.django_db
def test_the_public_filter_form_renders_the_same(settings):
    """The 290-municipality filter form of /loften/, with a choice made, as the templates do."""
    settings.FORM_RENDERER = "config.form_renderer.PortalFormRenderer"
    query = {"lan": "nope", "kommun": "", "ar": "2026"}
    portal = PromiseFilter(query).form
    django = PromiseFilter(query).form
    django.renderer = DjangoTemplates()
    assert portal.renderer.__class__ is PortalFormRenderer
    for name in portal.fields:
        assert portal[name].as_field_group() == django[name].as_field_group(), name
