"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for each language, section and topic.

Built on Django's syndication framework: one `Feed` class per format, the
language comes from the URL prefix (i18n_patterns), the content from
`objects.published()` only. Every text goes through `clean_text` so hostile
input (control characters, markup, very long text) still gives a well-formed
feed, and every feed runs a fixed number of SQL queries.
"""

import copy
import json
from dataclasses import dataclass, field
from io import StringIO

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.db.models import CharField, Prefetch, Value
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from hamleh.cards import fragment_cache
from hamleh.models import SearchDocument, Topic
from hamleh.prepared import PreparedQuery, rows_digest, table_rows
from hamleh.sections import SECTIONS, SECTIONS_BY_NAME
from hamleh.syndication import (
    FALLBACK_LANGUAGE,
    TITLE_MAX_CHARS,
    clean_text,
    conditional,
    content_state,
    indexed_content_state_and_rows,
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
    models: list
    topic: Topic | None = None
    section: object = None
    extra: dict = field(default_factory=dict)

    def querysets(self, base="published"):
        for model in self.models:
            queryset = model.objects.published() if base == "published" else model.objects.all()
            if self.topic is not None:
                queryset = queryset.filter(topics=self.topic)
            yield model, queryset


def resolve_source(request, section=None, slug=None):
    """The source named by the URL, looked up once per request; unknown names are a 404."""
    cached = getattr(request, "_feed_source", None)
    if cached is not None:
        return cached
    if slug is not None:
        topic = get_object_or_404(Topic, slug=slug)
        source = FeedSource(key=f"topics/{slug}", models=[s.model for s in SECTIONS], topic=topic)
    elif section == ALL:
        source = FeedSource(key=ALL, models=[s.model for s in SECTIONS])
    elif section in SECTIONS_BY_NAME:
        found = SECTIONS_BY_NAME[section]
        source = FeedSource(key=section, models=[found.model], section=found)
    else:
        raise Http404(_("There is no such feed."))
    request._feed_source = source
    return source


def _newest_documents(now, section=None):
    documents = SearchDocument.objects.published(now)
    if section is not None:
        documents = documents.filter(section=section)
    return documents.order_by("-publish_at", "-object_id").values_list("section", "object_id", "version", "publish_at")[
        :FEED_LIMIT
    ]


# The newest items of all sections, or of one, from the search index: it mirrors every item's section,
# status, publication time and version under one index, so one query names them all.
NEWEST_DOCUMENTS = {
    name: PreparedQuery(SearchDocument, lambda now, name=name: _newest_documents(now, name))
    for name in [None, *(section.name for section in SECTIONS)]
}
SECTION_OF_MODEL = {section.model_label: section.name for section in SECTIONS}


def feed_keys(source, limit=FEED_LIMIT, newest=None):
    """The `limit` newest published items of the source, as (section, pk, version), newest first.

    A whole section, or all of them: one query on the search index (or its rows, `newest`, read with
    the feed's state). A topic's items are found section by section (newest keys of each, on the
    publish_at index), then cut.
    """
    if source.topic is None:
        rows = NEWEST_DOCUMENTS[source.section.name if source.section else None].rows() if newest is None else newest
    else:
        rows = []
        for model, queryset in source.querysets():
            section = SECTION_OF_MODEL[model._meta.label]
            newest = queryset.order_by("-publish_at", "-pk").values_list("pk", "version_token", "publish_at")
            rows.extend((section, pk, version, when) for pk, version, when in newest[:limit])
    # Newest first; between items published at the same moment, by section and id, on every page.
    rows = sorted(rows, key=lambda row: (row[3], row[0], row[1]), reverse=True)[:limit]
    return [(section, pk, version) for section, pk, version, _when in rows]


def feed_items(keys):
    """The items named by `keys`, read in one query per section, with their topics (`feed_topics`, all in one
    query) and, for publications, their files (`feed_files`); in the order of `keys`, any gone left out."""
    pks_by_section = {}
    for section, pk, _version in keys:
        pks_by_section.setdefault(section, []).append(pk)
    loaded = {}
    for section, pks in pks_by_section.items():
        queryset = SECTIONS_BY_NAME[section].model.objects.filter(pk__in=pks)
        if section == "publications":
            queryset = queryset.prefetch_related(Prefetch("files", to_attr="feed_files"))
        loaded.update(((section, item.pk), item) for item in queryset)
    items = [loaded[key[:2]] for key in keys if key[:2] in loaded]
    attach_topics(items)
    return items


def topics_digest(rows=None):
    """A digest of every topic's slug and names (`rows`, when read already): entries name their topics,
    which can be renamed."""
    return rows_digest(table_rows(Topic).rows() if rows is None else rows)


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


class WrittenEntries:
    """A feed generator whose entries come written already: `entries`, [(entry, latest date)].

    An entry (an item's `<item>`, `<entry>` or JSON object) depends on its item's version, the feed's format
    and language, the site's address and the topics' names; `ContentFeed.entries` keeps each one written.
    """

    entries = ()

    def latest_post_date(self):
        dates = [latest for _entry, latest in self.entries if latest]
        return max(dates) if dates else super().latest_post_date()

    def write_items(self, handler):
        for entry, _latest in self.entries:
            handler.ignorableWhitespace(entry)  # written out as it is: it is XML already

    def write_entry(self, item):
        """One item (as `add_item` stores it) as the XML the whole feed would hold."""
        out = StringIO()
        handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
        handler.startElement(self.entry_element, self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement(self.entry_element)
        return out.getvalue()


class RssFeed(WrittenEntries, Rss201rev2Feed):
    entry_element = "item"


class AtomFeed(WrittenEntries, Atom1Feed):
    entry_element = "entry"


class JSONFeed(WrittenEntries, SyndicationFeed):
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
            "items": [entry for entry, _latest in self.entries],
        }
        outfile.write(json.dumps(data, ensure_ascii=False, indent=1))

    def write_entry(self, item):
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
    """RSS 2.0; the Atom and JSON feeds below change only the format."""

    feed_type = RssFeed
    extension = "rss"

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request: work on a copy that knows its request.
        feed = copy.copy(self)
        feed.request = request
        response = Feed.__call__(feed, request, *args, **kwargs)
        # The XML writer wrote the body in thousands of small pieces; served (and cached) as they
        # are, each becomes a separate socket write. One piece goes out in one write.
        response.content = response.content
        return response

    # The channel

    def get_object(self, request, section=None, slug=None):
        return resolve_source(request, section=section, slug=slug)

    def title(self, source):
        site = _("Hamleh")
        if source.topic is not None:
            return clean_text(f"{site} · {source.topic.name}", TITLE_MAX_CHARS)
        if source.section is not None:
            return f"{site} · {source.section.title}"
        return f"{site} · {_('Latest updates')}"

    def link(self, source):
        if source.topic is not None:
            return source.topic.get_absolute_url()
        if source.section is not None:
            return reverse(source.section.list_url_name)
        return reverse("hamleh:home")

    def description(self, source):
        if source.topic is not None:
            return clean_text(source.topic.description) or _("Everything Hamleh publishes on this topic.")
        if source.section is not None:
            return _("The latest from Hamleh: %(section)s.") % {"section": source.section.title}
        return _("Publications, news, campaigns, trainings and events from Hamleh, the digital rights centre.")

    def feed_guid(self, source):
        return f"tag:{tag_authority()},2021:feeds/{get_language()}/{source.key}.{self.extension}"

    def author_name(self, source):
        return _("Hamleh")

    def feed_copyright(self, source):
        return _("Hamleh")

    def items(self, source):
        # Django's loop over the items writes the channel only: the entries are written by `entries`.
        return []

    def get_feed(self, source, request):
        feed = super().get_feed(source, request)
        feed.entries = self.entries(source, request, feed)
        return feed

    def entries(self, source, request, feed):
        """The source's newest entries, each written once per version of its item and kept by each process.

        The keys of the items come first (one query); only the items whose entry is not kept are read.
        """
        read = getattr(request, "feed_rows_read", {})
        keys = feed_keys(source, newest=read.get("newest"))
        site = get_current_site(request)
        prefix = ":".join(
            [
                "hamleh:feed-entry",
                self.extension,
                get_language(),
                "https" if request.is_secure() else "http",
                site.domain,
                request.META.get("SCRIPT_NAME", ""),
                topics_digest(read.get("topics")),
            ]
        )
        names = {key: f"{prefix}:{key[0]}:{key[1]}:{key[2]}" for key in keys}
        kept = fragment_cache().get_many(names.values())
        written = {}
        for item in feed_items([key for key in keys if names[key] not in kept]):
            key = (item.SECTION, item.pk)
            written[key] = (f"{prefix}:{key[0]}:{key[1]}:{item.version_token}", self.write_entry(feed, item, site))
        if written:
            fragment_cache().set_many(dict(written.values()))
        entries = []
        for key in keys:
            entry = kept.get(names[key]) or written.get(key[:2], (None, None))[1]
            if entry is not None:
                entries.append(entry)
        return entries

    def write_entry(self, feed, item, site):
        """(entry, latest date) of one item: what Django's `Feed.get_feed` gives `add_item`, written."""
        secure = self.request.is_secure()
        link = add_domain(site.domain, self.item_link(item), secure)
        pubdate, updateddate = self.item_pubdate(item), self.item_updateddate(item)
        feed.add_item(
            title=self.item_title(item),
            link=link,
            description=self.item_description(item),
            unique_id=self.item_guid(item),
            unique_id_is_permalink=self.item_guid_is_permalink,
            enclosures=self.item_enclosures(item),
            pubdate=pubdate,
            updateddate=updateddate,
            author_name=self.item_author_name(item),
            categories=self.item_categories(item),
            **self.item_extra_kwargs(item),
        )
        return feed.write_entry(feed.items.pop()), max(filter(None, [pubdate, updateddate]), default=None)

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
        return authors or _("Hamleh")

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
    subtitle = ContentFeed.description


class JSONContentFeed(ContentFeed):
    feed_type = JSONFeed
    extension = "json"

    def item_extra_kwargs(self, item):
        extra = {"plain_summary": summary_text(item), "text_language": text_language(item)}
        if item.cover_image:
            extra["image"] = self.request.build_absolute_uri(item.cover_image.url)
        return extra


def feed_state(request, section=None, slug=None):
    source = resolve_source(request, section=section, slug=slug)
    if source.topic is None:
        name = None if source.section is None else source.section.name
        # With the state, in the same statement: the newest keys and the topics' names the feed shows.
        state, (newest, topics) = indexed_content_state_and_rows(name, [NEWEST_DOCUMENTS[name], table_rows(Topic)])
        request.feed_rows_read = {"newest": newest, "topics": topics}
        return state
    return content_state(queryset for _model, queryset in source.querysets(base="all"))


def feed_view(feed_class):
    """The feed as a view that answers conditional requests with 304."""
    return conditional(feed_state)(feed_class())
