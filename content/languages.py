"""How content is shown in the page's language: Arabic is the source and stands in for a missing
translation; dates and addresses follow the language."""

import datetime
import functools

from django.conf import settings
from django.urls import get_script_prefix, translate_url
from django.utils import formats
from django.utils.translation import get_language

# The language every item is written in first, shown when a translation is missing.
FALLBACK_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def translated_value(obj, field):
    """The field in the page's language, else Arabic; and whether Arabic stood in."""
    language = get_language() or FALLBACK_LANGUAGE
    own = getattr(obj, f"{field}_{language}", None)
    if own:
        return own, False
    return getattr(obj, f"{field}_{FALLBACK_LANGUAGE}", "") or "", language != FALLBACK_LANGUAGE


def translate_address(address, language):
    """The same page in another language, for an address as the URLconf knows it: without the prefix
    the site may be served under (`request.get_full_path_info()`), query string kept.

    `translate_url` resolves the address and `reverse()` puts the prefix back; given the full path, it
    would resolve nothing under a prefix and hand back the current language's address. An address that
    does not resolve stays the same page, prefix included.
    """
    translated = translate_url(address, language)
    return translated if translated != address else get_script_prefix() + address.lstrip("/")


@functools.lru_cache(maxsize=4096)
def _day_text(day, language):
    return formats.date_format(day, "DATE_FORMAT")


def day_text(value):
    """The day of a date or a (local) datetime, as `|date:"DATE_FORMAT"` writes it in the page's language.

    Remembered per day and language: lists and the activity report write dozens of dates, few of
    them different, and Django's formatter translates the month's name anew each time.
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return _day_text(value, get_language())
