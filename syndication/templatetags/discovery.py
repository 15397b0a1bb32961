"""What a page tells feed readers, search engines and link previews about itself.

`page_meta` gathers, for the page being rendered, its canonical address, the
same page in the other languages, the feeds that fit it, the OpenGraph and
Twitter card fields and its schema.org JSON-LD. It reads only what the view
already loaded (prefetched topics and files), so it adds no SQL query.
`feed_directory` lists every feed of the current language for the footer.
"""

import functools

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from content.languages import translate_address
from content.models import Publishable, Topic
from content.sections import SECTIONS, SECTIONS_BY_NAME
from identity.models import SiteIdentity
from syndication import structured_data
from syndication.common import FALLBACK_LANGUAGE, TITLE_MAX_CHARS, clean_text, summary_text

register = template.Library()

OG_LOCALES = {"ar": "ar_AR", "en": "en_GB", "he": "he_IL"}
FEED_FORMATS = [
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
    ("json", "application/feed+json", "JSON Feed"),
]


def _feed_entry(title, url_prefix, kwargs):
    return {
        "title": title,
        "formats": [
            {"url": reverse(f"feeds:{url_prefix}_{extension}", kwargs=kwargs), "type": mime, "label": label}
            for extension, mime, label in FEED_FORMATS
        ],
    }


def _all_feeds():
    return _feed_entry(_("All updates"), "section", {"section": "all"})


@register.simple_tag
def feed_directory():
    """The feeds of the current language, for people: all updates, then each section.

    The footer of every page shows it, and it only changes with the language and the address the site
    is served under: eighteen `reverse()` calls and a dozen translations made once per process.
    """
    return _feed_directory(get_language(), get_script_prefix(), settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=32)
def _feed_directory(language, script_prefix, urlconf):
    entries = [_all_feeds()]
    entries += [_feed_entry(str(section.title), "section", {"section": section.name}) for section in SECTIONS]
    return entries


def page_feeds(context):
    """The feeds that fit the page: everything, its section, its topic, the events calendar."""
    section = context.get("section")
    if not (isinstance(section, str) and section in SECTIONS_BY_NAME):
        section = None
    topic = context.get("object")
    topic_key = (topic.slug, topic.name) if isinstance(topic, Topic) else None
    site = _site_identity(context).name
    return _page_feeds(get_language(), get_script_prefix(), settings.ROOT_URLCONF, section, topic_key, site)


def _site_identity(context):
    """The identity the context processor put in the page's context, else read (from the cache)."""
    return context.get("site_identity") or SiteIdentity.current()


@functools.lru_cache(maxsize=256)
def _page_feeds(language, script_prefix, urlconf, section, topic_key, site):
    """The links for one language, address prefix, section and topic: a dozen `reverse()` calls, made once."""
    entries = [_all_feeds()]
    if section is not None:
        entries.append(_feed_entry(SECTIONS_BY_NAME[section].title, "section", {"section": section}))
    if topic_key is not None:
        slug, name = topic_key
        entries.append(_feed_entry(clean_text(name, 120), "topic", {"slug": slug}))
    # Outside the f-string: the message extractor does not look into them.
    calendar = _("Events calendar")
    links = [
        {"url": fmt["url"], "type": fmt["type"], "title": f"{site} · {entry['title']} ({fmt['label']})"}
        for entry in entries
        for fmt in entry["formats"]
    ]
    if section == "events":
        calendar_link = {"url": reverse("feeds:events_calendar"), "type": "text/calendar"}
        links.append({**calendar_link, "title": f"{site} · {calendar}"})
    return links


def _language_alternates(request):
    paths = _translated_paths(request.path_info, get_language(), get_script_prefix(), settings.ROOT_URLCONF)
    alternates = [{"code": code, "url": request.build_absolute_uri(path)} for code, path in paths]
    default = next((alt["url"] for alt in alternates if alt["code"] == FALLBACK_LANGUAGE), None)
    if default:
        alternates.append({"code": "x-default", "url": default})
    return alternates


@functools.lru_cache(maxsize=1024)
def _translated_paths(path_info, language, script_prefix, urlconf):
    """(language, the same page's address in it) for every language: a resolve and a reverse each, made
    once per path. The URLconf is fixed while the process runs, so a path always translates the same way
    (the active language is part of the key because the language prefix is resolved against it)."""
    return tuple((code, translate_address(path_info, code)) for code, _name in settings.LANGUAGES)


def _is_home(request):
    match = getattr(request, "resolver_match", None)
    return bool(match and match.view_name == "website:home")


@register.simple_tag(takes_context=True)
def page_meta(context):
    request = context.get("request")
    if request is None:
        return {}
    language = get_language() or FALLBACK_LANGUAGE
    identity = _site_identity(context)
    site_name = identity.name
    meta = {
        "site_name": site_name,
        "canonical": request.build_absolute_uri(request.path),
        "alternates": _language_alternates(request),
        "locale": OG_LOCALES.get(language, language),
        "locale_alternates": [OG_LOCALES[code] for code, _name in settings.LANGUAGES if code != language],
        "type": "website",
        "title": site_name,
        "description": _(
            "%(name)s defends Palestinian digital rights: reports, advocacy campaigns, "
            "digital-security trainings and events."
        )
        % {"name": site_name},
        # The sharing image staff chose for the site, unless the page has a cover of its own.
        "image": request.build_absolute_uri(identity.sharing_image.url) if identity.sharing_image else "",
        "image_alt": site_name if identity.sharing_image else "",
        "json_ld": "",
    }
    try:
        meta["feeds"] = page_feeds(context)
    except NoReverseMatch:
        meta["feeds"] = []
    obj = context.get("object")
    section = context.get("section")
    if isinstance(obj, Publishable):
        meta["type"] = "article"
        meta["title"] = clean_text(obj.title, TITLE_MAX_CHARS)
        meta["description"] = summary_text(obj, 300) or meta["description"]
        if obj.cover_image:
            meta["image"] = request.build_absolute_uri(obj.cover_image.url)
            meta["image_alt"] = clean_text(obj.cover_alt, 300)
        data = structured_data.item_data(obj, request)
        if data:
            meta["json_ld"] = structured_data.json_ld_script(data)
    elif isinstance(obj, Topic):
        meta["title"] = clean_text(obj.name, TITLE_MAX_CHARS)
        meta["description"] = clean_text(obj.description, 300) or meta["description"]
    elif isinstance(section, str) and section in SECTIONS_BY_NAME:
        meta["title"] = str(SECTIONS_BY_NAME[section].title)
    elif _is_home(request):
        meta["json_ld"] = structured_data.json_ld_script(structured_data.organization(request, identity=identity))
    return meta
