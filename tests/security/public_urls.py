"""Every public URL of the site, found by walking the URL configuration.

New pages added later are picked up without touching this file: each route is
reversed with sample values for its parameters and kept if it answers.
"""

import itertools

from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils import translation

from content.sections import SECTIONS
from publications.models import PublicationFile
from tests.factories import MAKERS, make_topic
from tests.media.files import pdf_bytes

EXCLUDED_NAMESPACES = {"admin"}
EXCLUDED_NAMES = {"media"}  # development-only file serving


def _named_routes(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in EXCLUDED_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_routes(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.name not in EXCLUDED_NAMES:
            converters = getattr(pattern.pattern, "converters", {}) or {}
            yield f"{namespace}{pattern.name}", sorted(converters)


def sample_content():
    """One published item of each section (with a PDF) and a topic, with known slugs."""
    topic = make_topic(slug="sample-topic")
    items = [maker(slug=f"sample-{section}", topics=[topic]) for section, maker in MAKERS.items()]
    publication = items[0]
    PublicationFile.objects.create(
        publication=publication, language="ar", file=ContentFile(pdf_bytes(pages=1), name="sample.pdf")
    )
    return [topic, *items]


def candidate_values(objects):
    return {
        "slug": [obj.slug for obj in objects],
        "file_language": ["ar"],
        "file-language": ["ar"],
        "section": ["all", *(section.name for section in SECTIONS)],
        "language": ["ar"],
        "lang": ["ar"],
    }


def public_urls(client, objects, language="ar"):
    """(route name, URL) of every public page that answers, with sample parameter values."""
    values = candidate_values(objects)
    found = {}
    with translation.override(language):
        for name, parameters in _named_routes(get_resolver().url_patterns):
            choices = [values.get(parameter, []) for parameter in parameters]
            for combination in itertools.product(*choices):
                try:
                    url = reverse(name, kwargs=dict(zip(parameters, combination, strict=True)))
                except NoReverseMatch:
                    continue
                if client.get(url).status_code in (200, 301, 302):
                    found[name] = url
                    break
    return sorted(found.items())
