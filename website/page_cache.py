"""The shared cache of anonymous public pages and feeds: what a page is keyed by and how long it is kept.

Every cached page is keyed by the content version (`content.changes`), so no page outlives the content it
shows, and by the next scheduled publication: a cached page never lives past the next `publish_at` still to
come, so a newly due item appears on time with no job to run. Both are read from the shared cache in one
round trip; the next publication is looked up in the database once per content version.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from content.changes import VERSION_KEY, content_version, last_change_time
from content.models import Publishable

NEXT_DUE_KEY = "content:next-due"  # (content version, moment or None)


def next_scheduled_publication():
    """The earliest `publish_at` still to come among published items of every kind, or None.

    Every publishable model counts, sections and organisation pages alike: a page scheduled for tomorrow
    changes the menus of every page, not only its own.
    """
    publishable = [model for model in apps.get_models() if issubclass(model, Publishable)]
    moments = [model.objects.scheduled().aggregate(due=Min("publish_at"))["due"] for model in publishable]
    return min(filter(None, moments), default=None)


def public_cache_state():
    """(content version, next scheduled publication) for keying a page: one round trip to the cache."""
    found = cache.get_many([VERSION_KEY, NEXT_DUE_KEY])
    version = found.get(VERSION_KEY) or content_version()
    stored = found.get(NEXT_DUE_KEY)
    if stored is not None and stored[0] == version and (stored[1] is None or stored[1] > timezone.now()):
        return stored
    due = next_scheduled_publication()
    cache.set(NEXT_DUE_KEY, (version, due), timeout=settings.PUBLIC_CACHE_SECONDS)
    return version, due


def page_key_prefix():
    version, due = public_cache_state()
    return f"public.{version}.{int(due.timestamp()) if due else 'none'}", due


def page_timeout(due):
    """How long a page rendered now may be kept: never past the next scheduled publication `due`."""
    timeout = settings.PUBLIC_CACHE_SECONDS
    if timeout <= 0:
        return 0
    if due is not None:
        seconds_left = (due - timezone.now()) / datetime.timedelta(seconds=1)
        timeout = max(0, min(timeout, int(seconds_left)))
    return min(timeout, replica_catch_up_seconds())


def replica_catch_up_seconds():
    """With a read replica, a page rendered just after a change may come from a replica that has
    not caught up yet: such a page is kept only until the lag allowance has passed."""
    allowance = settings.DATABASE_PRIMARY_STICKY_SECONDS if settings.DATABASE_REPLICA_URL else 0
    changed_at = last_change_time() if allowance else None
    if changed_at is None:
        return settings.PUBLIC_CACHE_SECONDS
    left = allowance - (timezone.now().timestamp() - changed_at)
    return settings.PUBLIC_CACHE_SECONDS if left <= 0 else max(1, int(left) + 1)
