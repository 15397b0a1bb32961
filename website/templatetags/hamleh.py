import datetime
import functools
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import get_script_prefix, translate_url
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from content.sanitize import clean_html
from website.stylesheet import site_stylesheet

register = template.Library()

FALLBACK_LANGUAGE = "ar"


def _translated_value(obj, field):
    """The field in the page's language, else Arabic; and whether Arabic stood in."""
    language = get_language() or FALLBACK_LANGUAGE
    own = getattr(obj, f"{field}_{language}", None)
    if own:
        return own, False
    return getattr(obj, f"{field}_{FALLBACK_LANGUAGE}", "") or "", language != FALLBACK_LANGUAGE


@register.simple_tag
def inline_stylesheet():
    """The site's stylesheet in a `<style>` element (see `website.stylesheet`): CSS is not HTML, so not escaped."""
    return mark_safe(f"<style>{site_stylesheet()}</style>")  # noqa: S308 - our own file, allowed by its CSP hash


@register.simple_tag
def tr(obj, field):
    """A translated field; Arabic standing in for a missing translation carries lang and dir."""
    value, is_fallback = _translated_value(obj, field)
    if is_fallback and value:
        return format_html('<span lang="ar" dir="rtl">{}</span>', value)
    return value


@register.simple_tag
def tr_html(obj, field):
    """A rich-text field, sanitised again on output, in a block that carries its language."""
    value, is_fallback = _translated_value(obj, field)
    html = mark_safe(clean_html(value))  # noqa: S308 - nh3 allowlist output
    if is_fallback and value:
        return format_html('<div class="prose" lang="ar" dir="rtl">{}</div>', html)
    return format_html('<div class="prose">{}</div>', html)


def translate_address(address, language):
    """The same page in another language, for an address as the URLconf knows it: without the prefix
    the site may be served under (`request.get_full_path_info()`), query string kept.

    `translate_url` resolves the address and `reverse()` puts the prefix back; given the full path, it
    would resolve nothing under a prefix and hand back the current language's address. An address that
    does not resolve stays the same page, prefix included.
    """
    translated = translate_url(address, language)
    return translated if translated != address else get_script_prefix() + address.lstrip("/")


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


@functools.lru_cache(maxsize=4096)
def _day_text(day, language):
    return formats.date_format(day, "DATE_FORMAT")


@register.filter(expects_localtime=True)
def day(value):
    """The day of a date or a (local) datetime, as `|date:"DATE_FORMAT"` writes it in the page's language.

    Remembered per day and language: lists and the activity report write dozens of dates, few of
    them different, and Django's formatter translates the month's name anew each time.
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return _day_text(value, get_language())


@register.filter
def direction(language_code):
    return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
