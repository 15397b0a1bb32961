"""The header and footer menus of every language, kept in the shared cache.

Menus are on every page, the privacy page included, which reads no table at all: every menu of every
language is computed with one query, then kept under the menus version, which a change to a page or a menu
link replaces (`pages.models.MENUS`), so an edit shows at once while other content changes leave
the menus be. A page scheduled to go public later is left out, and the kept menus are computed again from
that moment on, so it appears on time with no job to run.
"""

from django.conf import settings
from django.core.cache import cache
from django.urls import get_script_prefix
from django.utils import timezone, translation

from content.models import Status
from pages.models import MenuItem, menus_version

KEEP_SECONDS = 60 * 60 * 24


def _compute(now):
    menus, scheduled = {}, []
    items = MenuItem.objects.select_related("page", "page__parent").order_by("order", "pk")
    for item in items:
        page = item.page
        pages = [page, *([page.parent] if page.parent_id else [])]
        scheduled += [each.publish_at for each in pages if each.status == Status.PUBLISHED and each.publish_at > now]
        if not all(each.status == Status.PUBLISHED and each.publish_at <= now for each in pages):
            continue
        with translation.override(item.language):
            link = {"label": item.label or page.title, "url": page.get_absolute_url()}
        menus.setdefault((item.location, item.language), []).append(link)
    return {"menus": menus, "until": min(scheduled, default=None)}


def all_menus():
    """{(location, language): [{"label", "url"}, …]} of the public pages: one query when not kept, else none."""
    now = timezone.now()
    key = f"pages:menus:{menus_version()}:{get_script_prefix()}"
    kept = cache.get(key)
    if kept is None or (kept["until"] is not None and kept["until"] <= now):
        kept = _compute(now)
        cache.set(key, kept, timeout=KEEP_SECONDS)
    return kept["menus"]


def menu_links(location, language=None):
    """The links of one menu, in the given language (the active one by default)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return all_menus().get((location, language), [])
