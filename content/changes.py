"""What a change to public content sets off: every page kept by the shared page cache is forgotten.

The page cache (`website.page_cache`) keys every page by the *content version*, a value kept in the default
cache, which every worker and every server shares: Redis in production (`REDIS_URL`), a folder on the local disk
otherwise (see `CACHES` in the settings). A write to anything public pages show sets a new version, at once and
again once the transaction has committed, so a page rendered meanwhile from the old data cannot outlive the
commit. The version is replaced, never incremented: a plain `set` is atomic in every cache backend, so two
workers saving at once cannot lose a change.
"""

import time
import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "content:version"
CHANGED_AT_KEY = "content:changed-at"


def content_version():
    """The current content version; a cache that has none (new, or emptied) starts a new one."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _set_new_version():
    cache.set_many({VERSION_KEY: uuid.uuid4().hex, CHANGED_AT_KEY: time.time()}, timeout=None)


def last_change_time():
    """When public content last changed (a Unix time), or None if this cache has seen no change."""
    return cache.get(CHANGED_AT_KEY)


def remember_until_change(name, compute, timeout):
    """`compute()`'s answer, shared by every worker until public content changes, and for at most `timeout`
    seconds (for answers that also move with the clock). For figures that read every row of a table."""
    return cache.get_or_set(f"{name}:{content_version()}", compute, timeout=timeout)


def content_changed():
    """Forget every cached public page now, and again once the transaction has committed."""
    _set_new_version()
    transaction.on_commit(_set_new_version)


class ChangesPublicContent:
    """Mixin for every model shown on public pages: saving or deleting an instance is a content change."""

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        content_changed()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        content_changed()
        return result
