from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from content.languages import day_text, translate_address, translated_value
from content.sanitize import clean_html
from website.stylesheet import site_stylesheet

register = template.Library()


@register.simple_tag
def inline_stylesheet():
    """The site's stylesheet in a `<style>` element (see `website.stylesheet`): CSS is not HTML, so not escaped."""
    return mark_safe(f"<style>{site_stylesheet()}</style>")  # noqa: S308 - our own file, allowed by its CSP hash


@register.simple_tag
def tr(obj, field):
    """A translated field; Arabic standing in for a missing translation carries lang and dir."""
    value, is_fallback = translated_value(obj, field)
    if is_fallback and value:
        return format_html('<span lang="ar" dir="rtl">{}</span>', value)
    return value


@register.simple_tag
def tr_text(obj, field):
    """A translated field as plain text, for a `<title>` or an attribute: Arabic standing in, no markup."""
    return translated_value(obj, field)[0]


@register.simple_tag
def translation(obj, field):
    """A translated field and whether Arabic stands in for it, for an element that must carry the
    fallback's language and direction itself (a heading, a lead), so that it also aligns with it."""
    value, is_fallback = translated_value(obj, field)
    return {"value": value, "fallback": bool(is_fallback and value)}


@register.simple_tag(takes_context=True)
def written_in(context, obj, field="title"):
    """The languages the item is written in, each with the address of this page in it."""
    request = context["request"]
    links = []
    for code, _name in settings.LANGUAGES:
        if getattr(obj, f"{field}_{code}", None):
            info = get_language_info(code)
            links.append(
                {
                    "code": code,
                    "name": info["name_local"],
                    "url": translate_address(request.get_full_path_info(), code),
                    "bidi": info["bidi"],
                }
            )
    return links


@register.simple_tag
def tr_html(obj, field):
    """A rich-text field, sanitised again on output, in a block that carries its language."""
    value, is_fallback = translated_value(obj, field)
    html = mark_safe(clean_html(value))  # noqa: S308 - nh3 allowlist output
    if is_fallback and value:
        return format_html('<div class="prose" lang="ar" dir="rtl">{}</div>', html)
    return format_html('<div class="prose">{}</div>', html)


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in each language, query string kept (same item, same filters)."""
    request = context["request"]
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_address(request.get_full_path_info(), code),
                "bidi": info["bidi"],
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed (pagination keeps filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + urlencode(list(query.lists()), doseq=True)


@register.filter(expects_localtime=True)
def day(value):
    return day_text(value)


@register.filter
def direction(language_code):
    return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
