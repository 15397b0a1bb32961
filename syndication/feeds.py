"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for each language, section and topic.

Built on Django's syndication framework: one `Feed` class per format, the language from the URL prefix
(i18n_patterns), the content from `objects.published()` only. Every text goes through `clean_text`, so
hostile input (control characters, markup, very long text) still gives a well-formed feed. A feed reads
its items once, for the conditional request's validators and for the entries: the feed of all sections
runs 8 queries whatever the size of the archive (the newest keys from the search index, which mirrors
every item's section and publication time; the items, one query per section; their topics; the
publications' files).
"""

import copy
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import CharField, Prefetch, Value
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from content.changes import content_version
from content.models import Topic
from content.sections import SECTIONS, SECTIONS_BY_NAME
from identity.models import SiteIdentity
from search.models import SearchDocument
from syndication.common import (
    FALLBACK_LANGUAGE,
    TITLE_MAX_CHARS,
    clean_text,
    item_guid,
    summary_text,
    tag_authority,
    text_language,
)

FEED_LIMIT = 50
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
ALL = "all"
FEED_SECTIONS = [ALL, *(section.name for section in SECTIONS)]
PDF = "application/pdf"


@dataclass
class FeedSource:
    """What one feed shows: all sections, one section, or everything on one topic."""

    key: str
    sections: list
    topic: Topic | None = None
    section: object = None


def resolve_source(section=None, slug=None):
    """The source named by the URL; an unknown name is a 404."""
    if slug is not None:
        return FeedSource(key=f"topics/{slug}", sections=SECTIONS, topic=get_object_or_404(Topic, slug=slug))
    if section == ALL:
        return FeedSource(key=ALL, sections=SECTIONS)
    if section in SECTIONS_BY_NAME:
        found = SECTIONS_BY_NAME[section]
        return FeedSource(key=section, sections=[found], section=found)
    raise Http404(_("There is no such feed."))


def public_items(section):
    queryset = section.model.objects.published()
    if section.name == "publications":
        queryset = queryset.prefetch_related(Prefetch("files", to_attr="feed_files"))
    return queryset


def newest_items(source, limit=FEED_LIMIT):
    """The `limit` newest published items of the source, newest first, each with its topics (`feed_topics`).

    Whole sections: their newest keys from the search index (one query), then the items, one query per
    section. A topic's items: the newest of each section on that topic, then cut.
    """
    if source.topic is None:
        documents = SearchDocument.objects.published()
        if source.section is not None:
            documents = documents.filter(section=source.section.name)
        keys = documents.order_by("-publish_at", "-object_id").values_list("section", "object_id")[:limit]
        pks_by_section = {}
        for section, pk in keys:
            pks_by_section.setdefault(section, []).append(pk)
        items = [
            item
            for name, pks in pks_by_section.items()
            for item in public_items(SECTIONS_BY_NAME[name]).filter(pk__in=pks)
        ]
    else:
        items = [
            item
            for section in source.sections
            for item in public_items(section).filter(topics=source.topic).order_by("-publish_at", "-pk")[:limit]
        ]
    # Newest first; between items published at the same moment, by section and id, on every page.
    items.sort(key=lambda item: (item.publish_at, item.SECTION, item.pk), reverse=True)
    items = items[:limit]
    attach_topics(items)
    return items


def attach_topics(items):
    """Each item's topics, by slug, into `item.feed_topics`, whatever the sections of the items: the
    topic links of every section, each with its topic's slug and names, in one query (UNION ALL of their
    link tables joined to the topics)."""
    pks_by_model = {}
    for item in items:
        pks_by_model.setdefault(type(item), []).append(item.pk)
    name_columns = [f"name_{code}" for code in LANGUAGE_CODES]
    links = []
    for model, pks in pks_by_model.items():
        field = model._meta.get_field("topics")
        item_column = field.m2m_field_name()
        links.append(
            field.remote_field.through.objects.filter(**{f"{item_column}__in": pks}).values_list(
                Value(model._meta.label, output_field=CharField()),
                item_column,
                "topic_id",
                "topic__slug",
                *(f"topic__{column}" for column in name_columns),
            )
        )
    rows = list(links[0].union(*links[1:], all=True)) if links else []
    topics, by_item = {}, {}
    for label, pk, topic_id, slug, *names in rows:
        if topic_id not in topics:
            topics[topic_id] = Topic(id=topic_id, slug=slug, **dict(zip(name_columns, names, strict=True)))
        by_item.setdefault((label, pk), []).append(topics[topic_id])
    for item in items:
        item.feed_topics = sorted(by_item.get((item._meta.label, item.pk), []), key=lambda topic: topic.slug)


def publication_file(item, language):
    """The publication's PDF in the language asked for, else the Arabic one (prefetched files)."""
    files = {edition.language: edition for edition in item.feed_files}
    return files.get(language) or files.get(FALLBACK_LANGUAGE)


def file_length(edition):
    if edition.size_bytes:
        return edition.size_bytes
    try:
        return edition.file.size
    except (OSError, ValueError):
        return 0


class RssFeed(Rss201rev2Feed):
    pass


class AtomFeed(Atom1Feed):
    def item_attributes(self, item):
        # An entry shown in Arabic in another language's feed says so, for readers and screen readers.
        language = item.get("text_language")
        if language and language != self.feed["language"]:
            return {"xml:lang": language}
        return {}


class JSONFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) written from Django's feed model."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = self.feed
        data = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "authors": [{"name": feed["author_name"]}] if feed.get("author_name") else [],
            "items": [self.entry(item) for item in self.items],
        }
        outfile.write(json.dumps(data, ensure_ascii=False, indent=1))

    def entry(self, item):
        data = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_text": item.get("plain_summary") or item["title"],
            "language": item.get("text_language") or self.feed["language"],
        }
        if item.get("plain_summary"):
            data["summary"] = item["plain_summary"]
        if item["pubdate"]:
            data["date_published"] = rfc3339_date(item["pubdate"])
        if item["updateddate"]:
            data["date_modified"] = rfc3339_date(item["updateddate"])
        if item["author_name"]:
            data["authors"] = [{"name": item["author_name"]}]
        if item["categories"]:
            data["tags"] = list(item["categories"])
        if item.get("image"):
            data["image"] = item["image"]
        if item["enclosures"]:
            data["attachments"] = [
                {"url": enclosure.url, "mime_type": enclosure.mime_type, "size_in_bytes": int(enclosure.length)}
                for enclosure in item["enclosures"]
            ]
        return data


class ContentFeed(Feed):
    """RSS 2.0; the Atom and JSON feeds below change only the format.

    The view (`feed_view`) reads the source and its items once per request and hands them over as the
    feed's object.
    """

    feed_type = RssFeed
    extension = "rss"

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request: each works on a copy that knows its request.
        feed = copy.copy(self)
        feed.request = request
        feed.site_name = SiteIdentity.current().name
        response = Feed.__call__(feed, request, *args, **kwargs)
        # The XML writer wrote the body in thousands of small pieces; served (and cached) as they
        # are, each becomes a separate socket write. One piece goes out in one write.
        response.content = response.content
        return response

    # The channel

    def get_object(self, request, section=None, slug=None):
        return request.feed

    def title(self, feed):
        source = feed.source
        site = self.site_name
        if source.topic is not None:
            return clean_text(f"{site} · {source.topic.name}", TITLE_MAX_CHARS)
        if source.section is not None:
            return f"{site} · {source.section.title}"
        latest = _("Latest updates")  # outside the f-string, where the message extractor finds it
        return f"{site} · {latest}"

    def link(self, feed):
        source = feed.source
        if source.topic is not None:
            return source.topic.get_absolute_url()
        if source.section is not None:
            return reverse(source.section.list_url_name)
        return reverse("website:home")

    def description(self, feed):
        # RSS readers read the channel's description as HTML, like the items': escape the plain text.
        return escape(self.plain_description(feed))

    def plain_description(self, feed):
        source = feed.source
        if source.topic is not None:
            return clean_text(source.topic.description) or _("Everything %(name)s publishes on this topic.") % {
                "name": self.site_name
            }
        if source.section is not None:
            return _("The latest from %(name)s: %(section)s.") % {
                "name": self.site_name,
                "section": source.section.title,
            }
        return _("Publications, news, campaigns, trainings and events from %(name)s.") % {"name": self.site_name}

    def feed_guid(self, feed):
        return f"tag:{tag_authority()},2021:feeds/{get_language()}/{feed.source.key}.{self.extension}"

    def author_name(self, feed):
        return self.site_name

    def feed_copyright(self, feed):
        return self.site_name

    def items(self, feed):
        return feed.items

    # Each item

    def item_title(self, item):
        return clean_text(item.title, TITLE_MAX_CHARS)

    def item_description(self, item):
        # RSS descriptions and Atom summaries are read as HTML: escape the plain text.
        return escape(summary_text(item))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return item_guid(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.publish_at)

    def item_categories(self, item):
        return [clean_text(topic.name, 120) for topic in item.feed_topics]

    def item_author_name(self, item):
        authors = clean_text(getattr(item, "authors", ""), 300)
        return authors or self.site_name

    def item_enclosures(self, item):
        if item._meta.label != "publications.Publication":
            return []
        edition = publication_file(item, get_language())
        if edition is None:
            return []
        url = self.request.build_absolute_uri(edition.get_absolute_url())
        return [Enclosure(url=url, length=str(file_length(edition)), mime_type=PDF)]

    def item_extra_kwargs(self, item):
        return {}


class AtomContentFeed(ContentFeed):
    feed_type = AtomFeed
    extension = "atom"

    def subtitle(self, feed):
        # An Atom subtitle without a type is plain text: written as it is, the XML writer escapes it once.
        return self.plain_description(feed)

    def item_extra_kwargs(self, item):
        return {"text_language": text_language(item)}


class JSONContentFeed(ContentFeed):
    feed_type = JSONFeed
    extension = "json"

    def description(self, feed):
        return self.plain_description(feed)

    def item_extra_kwargs(self, item):
        extra = {"plain_summary": summary_text(item), "text_language": text_language(item)}
        if item.cover_image:
            extra["image"] = self.request.build_absolute_uri(item.cover_image.url)
        return extra


@dataclass
class ReadFeed:
    """A feed's source and items as read for one request."""

    source: FeedSource
    items: list

    def last_modified(self):
        return max((max(item.updated_at, item.publish_at) for item in self.items), default=None)

    def etag(self, request):
        """Changes with any public change (the content version: a deletion leaves no date behind) and with
        the items shown, and differs by address and language."""
        shown = [(item.SECTION, item.pk, item.updated_at.isoformat()) for item in self.items]
        key = f"{request.path}|{get_language()}|{content_version()}|{shown}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]


def read_feed(request, section=None, slug=None):
    if not hasattr(request, "feed"):
        source = resolve_source(section=section, slug=slug)
        request.feed = ReadFeed(source, newest_items(source))
    return request.feed


def feed_view(feed_class):
    """The feed as a view that answers conditional requests (ETag, Last-Modified) with 304."""
    feed = feed_class()

    def etag(request, **kwargs):
        return read_feed(request, **kwargs).etag(request)

    def last_modified(request, **kwargs):
        return read_feed(request, **kwargs).last_modified()

    @condition(etag_func=etag, last_modified_func=last_modified)
    def view(request, **kwargs):
        read_feed(request, **kwargs)
        response = feed(request, **kwargs)
        latest = request.feed.last_modified()
        if latest:
            # Our own validator, not the feed generator's guess from the items shown.
            response.headers["Last-Modified"] = http_date(latest.timestamp())
        response.headers.setdefault("Cache-Control", "public, max-age=300")
        return response

    return view
