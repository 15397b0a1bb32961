"""What feeds, calendars and sitemaps share: safe text, stable identifiers, conditional requests.

Nothing here touches a template: these helpers turn stored content into text any
XML, JSON or iCalendar writer accepts, and tell a client whether it has the
latest version already.
"""

import hashlib
import re
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max, Q, Value
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import http_date
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.views.decorators.http import condition

from content.changes import content_version
from content.languages import FALLBACK_LANGUAGE
from content.models import Status

# Characters XML 1.0 forbids (C0 controls but tab, newline and carriage return;
# lone surrogates; U+FFFE and U+FFFF). DEL and the C1 controls are legal but
# invisible garbage in a title, so they go too.
_ILLEGAL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")

TITLE_MAX_CHARS = 300
SUMMARY_MAX_CHARS = 1000


def clean_text(value, max_chars=None):
    """Plain text safe for XML 1.0, JSON and iCalendar: no illegal characters, spaces collapsed."""
    text = _SPACES.sub(" ", _ILLEGAL_TEXT.sub("", str(value or ""))).strip()
    return truncate(text, max_chars) if max_chars else text


def truncate(text, max_chars):
    """At most `max_chars` characters, cut at the end with an ellipsis.

    Truncator counts characters one by one (combining marks are free); a text no longer than the limit
    in code points can never be cut, and most are, so it is spared that walk.
    """
    return text if len(text) <= max_chars else Truncator(text).chars(max_chars)


def summary_text(item, max_chars=SUMMARY_MAX_CHARS):
    """The item's summary in the active language, else the start of its body, as plain text."""
    summary = clean_text(item.summary)
    if not summary:
        summary = clean_text(strip_tags(item.body or ""))
    return truncate(summary, max_chars) if summary else ""


def text_language(item, field="title"):
    """The language the item's text is really in: the active one, or Arabic standing in."""
    language = get_language() or FALLBACK_LANGUAGE
    if getattr(item, f"{field}_{language}", None):
        return language
    return FALLBACK_LANGUAGE


def tag_authority():
    """The host name that owns our tag: URIs, from the configured public address."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def item_guid(item, language=None):
    """An identifier that never changes: not the URL (slugs change), but model and primary key.

    Each translation is its own entry for feed readers, so the language is part of it.
    """
    language = language or get_language() or FALLBACK_LANGUAGE
    created = timezone.localtime(item.created_at) if item.created_at else None
    date = f"{created:%Y}" if created else "2021"
    return f"tag:{tag_authority()},{date}:{item._meta.label_lower}/{item.pk}/{language}"


def content_state(querysets):
    """The freshness of some content: latest change (edit or scheduled publication) and public count.

    One query for every queryset: per queryset, the latest edit and the latest due publication, each
    answered from an index (`updated_at`; `status, publish_at`) rather than by reading every row, joined
    by UNION ALL. Drafts are included in the edit time so that unpublishing an item also counts as a
    change. A deletion leaves no row to date: the shared content version (bumped by every save and
    delete, content/changes.py) stands for it, where a count of every public row would grow with the archive.
    """
    public = Q(status=Status.PUBLISHED, publish_at__lte=timezone.now())
    latest_of_each = []
    for queryset in querysets:
        latest_of_each.append(_latest(queryset, "updated_at"))
        latest_of_each.append(_latest(queryset.filter(public), "publish_at"))
    first, *others = latest_of_each
    moments = [moment for moment in first.union(*others, all=True) if moment is not None]
    return {"last_modified": max(moments, default=None), "count": content_version()}


def _latest(queryset, field_name):
    """`SELECT MAX(field) FROM …` as a queryset (grouped by a constant, so no GROUP BY), for a UNION."""
    return (
        queryset.order_by()
        .annotate(whole=Value(1))
        .values("whole")
        .annotate(latest=Max(field_name))
        .values_list("latest", flat=True)
    )


def conditional(state_func):
    """Answer conditional GET (ETag / Last-Modified → 304) from `state_func(request, **kwargs)`.

    The state is computed once per request and shared by both validators; an
    unknown section or topic raises Http404 from `state_func` before any work.
    """

    def state(request, *args, **kwargs):
        if not hasattr(request, "_syndication_state"):
            request._syndication_state = state_func(request, *args, **kwargs)
        return request._syndication_state

    def etag(request, *args, **kwargs):
        current = state(request, *args, **kwargs)
        latest = current["last_modified"].isoformat() if current["last_modified"] else "-"
        key = f"{request.path}|{get_language()}|{latest}|{current['count']}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    def last_modified(request, *args, **kwargs):
        return state(request, *args, **kwargs)["last_modified"]

    def decorator(view):
        conditioned = condition(etag_func=etag, last_modified_func=last_modified)(view)

        @wraps(conditioned)
        def inner(request, *args, **kwargs):
            response = conditioned(request, *args, **kwargs)
            latest = state(request, *args, **kwargs)["last_modified"]
            if latest and response.status_code == 200:
                # Our own validator, not the feed generator's guess from the items shown.
                response.headers["Last-Modified"] = http_date(latest.timestamp())
            response.headers.setdefault("Cache-Control", "public, max-age=300")
            return response

        return inner

    return decorator
