from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, ngettext

from hamleh.report.formats import count

register = template.Library()


@register.simple_tag
def in_language(value, language):
    """Text in another language than the page's carries its own lang and dir."""
    if not value or language == get_language():
        return value
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', language, direction, value)


@register.simple_tag
def and_more(total, shown):
    """The line after a report list that shows `shown` of `total` records; nothing when it shows them all."""
    left = total - len(shown)
    if left <= 0:
        return ""
    text = ngettext("and %(count)s more", "and %(count)s more", left) % {"count": count(left)}
    return format_html('<p class="impact-more">{}</p>', text)
