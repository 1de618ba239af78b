"""The form renderer: Django's templates, except the most used small ones, written in Python.

Django's select template includes two templates for every option. The filter forms of the
public lists offer all 290 municipalities, which made rendering the form more than half the time
of `/loften/` and `/aktiviteter/`. A field group renders three more templates per field (the
group, its label, its error list) and one or two for its input (`input.html` through the
input type's own template, which includes it), on every form of every page: the staff forms
and the property tests that post bad input to each of them by the hundred. The markup written
here is the one those templates write, to the character (tests/config/test_form_renderer.py);
any other template, or a widget with its own option template, goes to Django's templates.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
FIELD_TEMPLATE = "django/forms/field.html"
LABEL_TEMPLATE = "django/forms/label.html"
ERRORS_TEMPLATE = "django/forms/errors/list/default.html"
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"
# Radio buttons and checkboxes: the list, and each option (both include input_option.html).
MULTIPLE_INPUT_TEMPLATES = {
    "django/forms/widgets/radio.html",
    "django/forms/widgets/checkbox_select.html",
}
INPUT_OPTION_TEMPLATES = {
    "django/forms/widgets/radio_option.html",
    "django/forms/widgets/checkbox_option.html",
}
# The widget templates that only include django/forms/widgets/input.html.
INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in [
        *("input", "checkbox", "color", "date", "datetime", "email", "file", "hidden"),
        *("number", "password", "search", "tel", "text", "time", "url"),
    ]
}


def _attrs(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html: ` name="value"`, ` name` for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}")
        if value is not True:
            parts.append(f'="{conditional_escape(str(value))}"')
    return "".join(parts)


def render_select(widget: dict) -> SafeString:
    """The markup of django/forms/widgets/select.html for a widget's template context."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            parts.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))


def render_input(widget: dict) -> SafeString:
    """The markup of django/forms/widgets/input.html (and the templates that include it)."""
    value = widget["value"]
    value = "" if value is None else f' value="{conditional_escape(str(value))}"'
    return mark_safe(
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'
    )


def render_textarea(widget: dict) -> SafeString:
    """The markup of django/forms/widgets/textarea.html."""
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return mark_safe(
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{value}</textarea>"
    )


def _input_option(option: dict) -> str:
    """As django/forms/widgets/radio_option.html (or checkbox_option.html) includes it, with the
    newlines that ending the included templates leaves."""
    html = render_input(option) + "\n"
    if option["wrap_label"]:
        label_for = option["attrs"].get("id")
        label_for = f' for="{conditional_escape(label_for)}"' if label_for else ""
        html = f"<label{label_for}>{html} {conditional_escape(option['label'])}</label>"
    return html + "\n\n"


def render_multiple_input(widget: dict) -> SafeString:
    """The markup of django/forms/widgets/multiple_input.html (radio buttons, checkboxes)."""
    widget_id, css_class = widget["attrs"].get("id"), widget["attrs"].get("class")
    parts = [
        "<div",
        f' id="{conditional_escape(widget_id)}"' if widget_id else "",
        f' class="{conditional_escape(css_class)}"' if css_class else "",
        ">",
    ]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f"\n  <div><label>{conditional_escape(group_name)}</label>")
        parts.extend(f"<div>\n    {_input_option(option)}</div>" for option in options)
        if group_name:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return mark_safe("".join(parts))


def _standard_options(widget: dict, templates: set[str]) -> bool:
    return all(
        option["template_name"] in templates
        for _name, options, _index in widget["optgroups"]
        for option in options
    )


def render_label(context: dict) -> SafeString:
    """The markup of django/forms/label.html (a field's `<label>` or `<legend>`)."""
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return mark_safe(label)
    tag = conditional_escape(context["tag"])
    return mark_safe(f"<{tag}{_attrs(context['attrs'] or {})}>{label}</{tag}>")


def render_errors(errors) -> SafeString:
    """The markup of django/forms/errors/list/default.html (a field's or form's error list)."""
    if not errors:
        return mark_safe("")
    field_id = f' id="{conditional_escape(errors.field_id)}_error"' if errors.field_id else ""
    items = "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
    return mark_safe(f'<ul class="{conditional_escape(errors.error_class)}"{field_id}>{items}</ul>')


def render_field(field) -> SafeString:
    """The markup of django/forms/field.html (`{{ field.as_field_group }}`)."""
    parts = []
    if field.use_fieldset:
        described = field.aria_describedby
        described = f' aria-describedby="{conditional_escape(described)}"' if described else ""
        parts.append(f"\n  <fieldset{described}>\n  ")
        if field.label:
            parts.append(conditional_escape(field.legend_tag()))
        parts.append("\n")
    else:
        parts.append("\n  ")
        if field.label:
            parts.append(conditional_escape(field.label_tag()))
        parts.append("\n")
    parts.append("\n")
    if field.help_text:
        help_id = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
        parts.append(f'<div class="helptext"{help_id}>{field.help_text}</div>')
    parts.append(f"\n{conditional_escape(field.errors)}\n{conditional_escape(field)}")
    if field.use_fieldset:
        parts.append("</fieldset>")
    parts.append("\n")
    return mark_safe("".join(parts))


class PortalFormRenderer(DjangoTemplates):
    """Django's default renderer, with the input, textarea, select, radio and checkbox list,
    field group, label and error list templates written in Python."""

    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            html = render_input(context["widget"])
        elif template_name == TEXTAREA_TEMPLATE:
            html = render_textarea(context["widget"])
        elif template_name == SELECT_TEMPLATE and _standard_options(
            context["widget"], {OPTION_TEMPLATE}
        ):
            html = render_select(context["widget"])
        elif template_name in MULTIPLE_INPUT_TEMPLATES and _standard_options(
            context["widget"], INPUT_OPTION_TEMPLATES
        ):
            html = render_multiple_input(context["widget"])
        elif template_name == LABEL_TEMPLATE:
            html = render_label(context)
        elif template_name == ERRORS_TEMPLATE:
            html = render_errors(context["errors"])
        elif template_name == FIELD_TEMPLATE:
            html = render_field(context["field"])
        else:
            return super().render(template_name, context, request=request)
        # Stripped, as Django's renderer strips what a template writes.
        return mark_safe(html.strip())
