"""The shared cache of anonymous public pages and feeds.

Every cached page is keyed by a *content version*: any write to public content
bumps the version (after the transaction commits), so no page outlives the
content it shows. Scheduled items need no purge: a cached page never lives past
the next `publish_at` still to come, so a newly due item appears on time.
"""

import datetime
import functools

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

VERSION_KEY = "hamleh:content-version"
NEXT_DUE_KEY = "hamleh:next-due"  # (content version, moment)
CHANGED_AT_KEY = "hamleh:content-changed-at"
PUBLISHABLE_MODELS = (
    "publications.Publication",
    "publications.Article",
    "campaigns.Campaign",
    "trainings.Training",
    "trainings.Event",
)


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # A fresh cache starts from the clock, so it never reuses keys of an earlier life.
        version = int(timezone.now().timestamp() * 1000)
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        content_version()
        cache.incr(VERSION_KEY)
    cache.set(CHANGED_AT_KEY, timezone.now().timestamp(), timeout=None)


def invalidate_public_pages():
    """Forget every cached public page now, and again once the transaction has committed
    (a page rendered meanwhile from the old state must not survive the commit); and move the
    database's content state on, in the same transaction as the change."""
    bump_content_version()
    transaction.on_commit(bump_content_version)
    apps.get_model("hamleh", "ContentState").move_on()


@functools.lru_cache(maxsize=64)
def content_state_statement(others=()):
    """The content state's two prepared queries and the prepared queries `others`, read in one statement:
    its rows are the state's two, then each of `others`' (`content_state_of` makes the state of the two)."""
    from hamleh.models import ContentState, SearchDocument
    from hamleh.prepared import PreparedQueries, PreparedQuery

    def latest_due(now):
        return SearchDocument.objects.published(now).order_by("-publish_at").values_list("publish_at")[:1]

    return PreparedQueries(
        [
            PreparedQuery(ContentState, lambda now: ContentState.objects.values_list("version")),
            PreparedQuery(SearchDocument, latest_due),
            *others,
        ]
    )


def content_state_of(state_rows, due_rows):
    return (state_rows[0][0] if state_rows else None, due_rows[0][0] if due_rows else None)


def stored_content_state():
    """(the database's content state, the latest moment an item was published at): one statement.

    Together they change whenever what is public changes: every edit moves the state on, and an item
    falling due is published later than any item public before it. What shows the whole of the public
    content (a search's ranking, the activity report, a filtered list's count and page) is kept by them;
    each process reads them from the database, whatever cache it has.
    """
    return content_state_of(*content_state_statement().rows())


def public_cache_state():
    """The content version and the next scheduled publication, in one round trip to the cache."""
    now = timezone.now()
    found = cache.get_many([VERSION_KEY, NEXT_DUE_KEY])
    version = found.get(VERSION_KEY)
    if version is None:
        version = content_version()
    stored = found.get(NEXT_DUE_KEY)
    if stored is not None and stored[0] == version and (stored[1] is None or stored[1] > now):
        return version, stored[1]
    moments = [
        apps.get_model(label).objects.scheduled().aggregate(due=Min("publish_at"))["due"]
        for label in PUBLISHABLE_MODELS
    ]
    moments = [moment for moment in moments if moment]
    due = min(moments) if moments else None
    cache.set(NEXT_DUE_KEY, (version, due), timeout=settings.PUBLIC_CACHE_SECONDS)
    return version, due


def remember_for_content(name, compute, timeout):
    """`compute()`'s answer, shared by every worker until public content changes, and for at most
    `timeout` seconds: answers that also move with the clock (an item falling due, an event
    ending) are that much late at worst.

    For figures that read many rows (counts over a whole section).
    """
    key = f"hamleh:memo:{name}:{content_version()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, timeout=timeout)
    return found


def next_scheduled_moment():
    """The earliest `publish_at` still to come among published items, or None."""
    return public_cache_state()[1]


def page_timeout():
    """How long a page rendered now may be served: never past the next scheduled publication."""
    timeout = settings.PUBLIC_CACHE_SECONDS
    if timeout <= 0:
        return 0
    due = next_scheduled_moment()
    if due is not None:
        seconds_left = (due - timezone.now()) / datetime.timedelta(seconds=1)
        timeout = max(0, min(timeout, int(seconds_left)))
    return min(timeout, replica_catch_up_seconds())


def replica_catch_up_seconds():
    """With a read replica, a page rendered just after a change may come from a replica that has
    not caught up yet: such a page is kept only until the lag allowance has passed."""
    allowance = settings.DATABASE_PRIMARY_STICKY_SECONDS if settings.DATABASE_REPLICA_URL else 0
    changed_at = cache.get(CHANGED_AT_KEY) if allowance else None
    if changed_at is None:
        return settings.PUBLIC_CACHE_SECONDS
    left = allowance - (timezone.now().timestamp() - changed_at)
    return settings.PUBLIC_CACHE_SECONDS if left <= 0 else max(1, int(left) + 1)


class InvalidatesPublicPages:
    """Mixin for every model shown on public pages: saving or deleting it expires the cache."""

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        invalidate_public_pages()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        invalidate_public_pages()
        return result
