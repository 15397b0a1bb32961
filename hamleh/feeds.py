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

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import CharField, Prefetch, Value
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hamleh.models import SearchDocument, Topic
from hamleh.sections import SECTIONS, SECTIONS_BY_NAME
from hamleh.syndication import (
    FALLBACK_LANGUAGE,
    TITLE_MAX_CHARS,
    clean_text,
    conditional,
    content_state,
    indexed_content_state,
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


def feed_items(source, limit=FEED_LIMIT):
    """The newest published items of the source.

    One section: one query, plus prefetches. Several sections: first the keys of the `limit` newest items
    across them, then only those items are loaded, one query per section, and their topics in two queries
    for all sections: never `limit` full items of every section.
    """
    querysets = [(model, queryset.order_by("-publish_at", "-pk")) for model, queryset in source.querysets()]
    several = len(querysets) > 1
    if several:
        chosen = newest_keys(source, querysets, limit)
        querysets = [
            (model, queryset.filter(pk__in=chosen[model._meta.label]))
            for model, queryset in querysets
            if model._meta.label in chosen
        ]
    items = []
    for model, queryset in querysets:
        # Into plain lists (`to_attr`): a related manager and a queryset per item would cost more than
        # the query itself, fifty times over.
        if not several:
            queryset = queryset.prefetch_related(Prefetch("topics", to_attr="feed_topics"))
        if model._meta.label == "publications.Publication":
            queryset = queryset.prefetch_related(Prefetch("files", to_attr="feed_files"))
        items.extend(queryset[:limit])
    items.sort(key=lambda item: (item.publish_at, item._meta.label, item.pk), reverse=True)
    items = items[:limit]
    if several:
        attach_topics(items)
    return items


def newest_keys(source, querysets, limit):
    """{model label: pks} of the `limit` newest published items of several sections.

    Without a topic, from the search index, which mirrors every item's section, status and publication
    time under one index: one query for all sections. A topic's items are found section by section
    (newest keys of each, on the publish_at index), then cut.
    """
    if source.topic is None:
        labels = {section.name: section.model._meta.label for section in SECTIONS}
        wanted = {model._meta.label for model, _queryset in querysets}
        newest = (
            SearchDocument.objects.published()
            .order_by("-publish_at", "-object_id")
            .values_list("section", "object_id")[:limit]
        )
        keys = [(labels[section], pk) for section, pk in newest if labels.get(section) in wanted]
    else:
        dated = []
        for model, queryset in querysets:
            dated.extend((when, model._meta.label, pk) for pk, when in queryset.values_list("pk", "publish_at")[:limit])
        dated.sort(reverse=True)
        keys = [(label, pk) for _when, label, pk in dated[:limit]]
    chosen = {}
    for label, pk in keys:
        chosen.setdefault(label, []).append(pk)
    return chosen


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
            "items": [self.item_data(item) for item in self.items],
        }
        outfile.write(json.dumps(data, ensure_ascii=False, indent=1))

    def item_data(self, item):
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

    feed_type = Rss201rev2Feed
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
        return feed_items(source)

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
    feed_type = Atom1Feed
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
        return indexed_content_state(None if source.section is None else source.section.name)
    return content_state(queryset for _model, queryset in source.querysets(base="all"))


def feed_view(feed_class):
    """The feed as a view that answers conditional requests with 304."""
    return conditional(feed_state)(feed_class())
