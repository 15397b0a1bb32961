"""Builders for admin form posts: what a browser would send from the rendered change form."""

from django.forms import CheckboxInput, MultiWidget, SelectMultiple


def _field_data(bound_field):
    widget = bound_field.field.widget
    widget = getattr(widget, "widget", widget)  # the admin's related-object wrapper
    value = bound_field.value()
    name = bound_field.html_name
    if isinstance(widget, MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        return {
            f"{name}_{index}": sub.format_value(part) or ""
            for index, (sub, part) in enumerate(zip(widget.widgets, parts, strict=False))
        }
    if isinstance(widget, CheckboxInput):
        return {name: "on"} if value else {}
    multiple = isinstance(widget, SelectMultiple) or getattr(widget, "allow_multiple_selected", False)
    if value is None or (multiple and value == ""):
        return {name: [] if multiple else ""}
    if isinstance(value, list | tuple):
        return {name: [str(item) for item in value]}
    return {
        name: widget.format_value(value) if hasattr(widget, "format_value") and not isinstance(value, str) else value
    }


def admin_form_data(response, **changes):
    """The data of the admin change form in `response`, with `changes` applied."""
    context = response.context
    data = {}
    for bound_field in context["adminform"].form:
        data.update(_field_data(bound_field))
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        for bound_field in formset.management_form:
            data[bound_field.html_name] = bound_field.value()
        for form in formset.forms:
            for bound_field in form:
                data.update(_field_data(bound_field))
    for key, value in changes.items():
        data[key] = value
    return {key: ("" if value is None else value) for key, value in data.items()}
