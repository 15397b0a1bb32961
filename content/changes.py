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


class SharedVersion:
    """A value in the shared cache that names the current state of something kept there: whatever is kept
    under it is read again once a change replaces it. Replaced at once and again when the transaction has
    committed; a cache that has none (new, or emptied) starts a new one."""

    def __init__(self, key, changed_at_key=None):
        self.key = key
        # Where to note the time of the last change, for those who ask when it was (Last-Modified).
        self.changed_at_key = changed_at_key

    def current(self):
        version = cache.get(self.key)
        if version is None:
            cache.add(self.key, uuid.uuid4().hex, timeout=None)
            version = cache.get(self.key)
        return version

    def replace(self):
        self._set_new()
        transaction.on_commit(self._set_new)

    def _set_new(self):
        values = {self.key: uuid.uuid4().hex}
        if self.changed_at_key:
            values[self.changed_at_key] = time.time()
        cache.set_many(values, timeout=None)


CONTENT = SharedVersion(VERSION_KEY, changed_at_key=CHANGED_AT_KEY)


def content_version():
    """The current content version."""
    return CONTENT.current()


def last_change_time():
    """When public content last changed (a Unix time), or None if this cache has seen no change."""
    return cache.get(CHANGED_AT_KEY)


def remember_until_change(name, compute, timeout):
    """`compute()`'s answer, shared by every worker until public content changes, and for at most `timeout`
    seconds (for answers that also move with the clock). For figures that read every row of a table."""
    return cache.get_or_set(f"{name}:{content_version()}", compute, timeout=timeout)


def content_changed():
    """Forget every cached public page now, and again once the transaction has committed."""
    CONTENT.replace()


class ChangesPublicContent:
    """Mixin for every model shown on public pages: saving or deleting an instance is a content change."""

    # What else a change to these rows makes every worker read again (SharedVersion), besides the pages.
    expires_also = ()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._changed()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._changed()
        return result

    def _changed(self):
        content_changed()
        for version in self.expires_also:
            version.replace()
