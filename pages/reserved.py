"""The first address segments a page may not take: whatever the rest of the site already answers.

Pages are served by the last, catch-all patterns of the language-prefixed URLs (`/<lang>/<slug>/`), so a page
whose slug is `news` would never be reached. The list is read from the URL configuration itself, plus the
sections and the names the public URL contract reserves even where nothing is served under them (yet).
"""

import functools

from django.conf import settings
from django.urls import LocalePrefixPattern, URLResolver, get_resolver, get_urlconf

from content.sections import SECTIONS

# The public URL contract's reserved names (docs: DESIGN "Public URLs"), and the root folders of files.
CONTRACT = frozenset(
    {"topics", "search", "impact", "newsletter", "privacy", "feeds", "admin", "media", "static", "sitemap"}
)


def _first_segments(patterns):
    for pattern in patterns:
        if isinstance(pattern.pattern, LocalePrefixPattern):
            yield from _first_segments(pattern.url_patterns)
            continue
        route = str(pattern.pattern).removeprefix("^")
        first = route.split("/", 1)[0]
        if first and not first.startswith(("<", "(")):
            yield first.lower()
        elif not first and isinstance(pattern, URLResolver):
            # `path("", include(...))` and the language prefix: what counts is inside.
            yield from _first_segments(pattern.url_patterns)


@functools.lru_cache(maxsize=8)
def _reserved(urlconf):
    return frozenset(
        {
            *_first_segments(get_resolver(urlconf).url_patterns),
            *(section.name for section in SECTIONS),
            *CONTRACT,
        }
    )


def reserved_slugs():
    """Every slug refused for a page, lower case."""
    return _reserved(get_urlconf() or settings.ROOT_URLCONF)
