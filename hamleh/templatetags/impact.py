from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag
def in_language(value, language):
    """Text in another language than the page's carries its own lang and dir."""
    if not value or language == get_language():
        return value
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', language, direction, value)
