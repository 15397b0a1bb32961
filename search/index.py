"""Search across every section: the index kept on save, the query, and the highlighted snippets.

Each public item has one `SearchDocument`, rewritten by `index_object` when the item is saved
(`search.apps` connects it to every section's saves) and again after the admin saves its topics and files
(`SearchIndexAdminMixin`).
Words are normalised and stemmed by `search.text`, the same way for stored text and for queries.

- PostgreSQL: a weighted tsvector (title A, summary B, body C, topics, names and file names D) built
  with the `simple` configuration over our own stems, GIN indexed, ranked with `ts_rank`; when nothing
  matches, trigram word similarity (pg_trgm, GIN indexed) over the unstemmed names catches misspellings.
- SQLite: the same stems matched as whole words in the term columns; titles first, then newest.

A query word matches when the document holds any of its stems; every word of the query must match.
At most `MAX_CANDIDATES` (100, ten pages of results) matches are ranked, the newest ones, and the page then
says "more than …" and suggests adding a word. Search is the page the shared cache helps least (each query is a
page of its own), so its cost must not grow with the site: finding the newest matches tests each item's vector
in turn, newest first, and a common word at 100,000 items would otherwise have thousands tested and ranked.
"""

import html
import os
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search.models import SearchDocument
from search.text import WRITTEN_WORD, analyse, query_terms, words, written_word_stems

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
MAX_CANDIDATES = 100
DISPLAY_TEXT_LENGTH = 2000
# Fields some content types have besides the shared ones; their words are weighted like topics.
EXTRA_FIELDS = ("authors", "edition", "location", "venue", "speakers", "hashtag", "cta_label")
NAMED_RELATIONS = ("targets", "partners")  # organisations a campaign targets or works with
WEIGHTED_COLUMNS = (("title_terms", "A"), ("summary_terms", "B"), ("body_terms", "C"), ("extra_terms", "D"))


BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|div|td|th|tr)>|<br\s*/?>", re.IGNORECASE)


def is_postgresql():
    return connection.vendor == "postgresql"


# ---------------------------------------------------------------- indexing


def _translations(obj, field):
    return {code: getattr(obj, f"{field}_{code}", None) or "" for code in LANGUAGE_CODES}


def _values(obj, field):
    """Every language of a translated field, or the one value of a plain one ("" when absent)."""
    if hasattr(obj, f"{field}_{LANGUAGE_CODES[0]}"):
        return list(_translations(obj, field).values())
    return [str(getattr(obj, field, "") or "")]


def _plain(value):
    """Rich text as plain text, blocks kept apart by a space."""
    spaced = BLOCK_END.sub(" ", value or "")
    return " ".join(html.unescape(strip_tags(spaced)).split())


def _terms(*texts):
    stems = []
    for text in texts:
        stems.extend(analyse(text))
    return f" {' '.join(stems)} " if stems else ""


def _related_names(obj):
    """Topic names in every language, organisation names and file names of a saved item."""
    names = []
    if obj.pk is None:
        return names
    for topic in obj.topics.all():
        names.extend(_translations(topic, "name").values())
    for relation in NAMED_RELATIONS:
        manager = getattr(obj, relation, None)
        if manager is not None:
            for organisation in manager.all():
                names.extend(_translations(organisation, "name").values())
    files = getattr(obj, "files", None)
    if files is not None:
        names.extend(os.path.basename(item.file.name).replace("_", " ") for item in files.all())
    return names


def build_document(obj, related_names=None):
    """The unsaved index entry of `obj`; `related_names` given by bulk callers saves the queries."""
    if related_names is None:
        related_names = _related_names(obj)
    titles = _translations(obj, "title")
    summaries = _translations(obj, "summary")
    bodies = {code: _plain(value) for code, value in _translations(obj, "body").items()}
    extras = [value for field in EXTRA_FIELDS for value in _values(obj, field)]
    texts = {
        code: " ".join(part for part in (summaries[code], bodies[code]) if part)[:DISPLAY_TEXT_LENGTH]
        for code in LANGUAGE_CODES
    }
    fuzzy_words = words(" ".join([*titles.values(), *related_names, *extras]))
    return SearchDocument(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        section=obj.SECTION,
        status=obj.status,
        publish_at=obj.publish_at,
        title_terms=_terms(*titles.values()),
        summary_terms=_terms(*summaries.values()),
        body_terms=_terms(*bodies.values()),
        extra_terms=_terms(*related_names, *extras),
        fuzzy_text=" ".join(dict.fromkeys(fuzzy_words))[:2000],
        display={"slug": obj.slug, "title": titles, "text": texts},
    )


def search_vector():
    vector = None
    for column, weight in WEIGHTED_COLUMNS:
        part = SearchVector(column, weight=weight, config="simple")
        vector = part if vector is None else vector + part
    return vector


def refresh_vectors(queryset):
    """Recompute the stored tsvector of these documents (PostgreSQL only; one UPDATE)."""
    if is_postgresql():
        queryset.update(search_vector=search_vector())


INDEXED_COLUMNS = (
    "section",
    "status",
    "publish_at",
    "title_terms",
    "summary_terms",
    "body_terms",
    "extra_terms",
    "fuzzy_text",
    "display",
)


@transaction.atomic
def index_object(obj):
    """Write (or rewrite) the index entry of one item."""
    document = build_document(obj)
    saved, _created = SearchDocument.objects.update_or_create(
        content_type=document.content_type,
        object_id=document.object_id,
        defaults={column: getattr(document, column) for column in INDEXED_COLUMNS},
    )
    refresh_vectors(SearchDocument.objects.filter(pk=saved.pk))
    return saved


def index_objects(objects, related_names=None, batch_size=1000):
    """Index many new items at once (bulk): `related_names` maps an item's pk to its topic/file names."""
    related_names = related_names or {}
    documents = [build_document(obj, related_names.get(obj.pk, [])) for obj in objects]
    created = SearchDocument.objects.bulk_create(documents, batch_size=batch_size)
    refresh_vectors(SearchDocument.objects.filter(pk__in=[document.pk for document in created]))
    return created


def unindex_object(obj):
    content_type = ContentType.objects.get_for_model(obj)
    SearchDocument.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def unindex_queryset(queryset):
    content_type = ContentType.objects.get_for_model(queryset.model)
    SearchDocument.objects.filter(content_type=content_type, object_id__in=queryset.values("pk")).delete()


# ---------------------------------------------------------------- querying


@dataclass
class Search:
    """A prepared query: the cleaned text, its words' stems, and whether it was cut short."""

    text: str
    terms: list
    shortened: bool = False

    @classmethod
    def parse(cls, raw):
        raw = (raw or "").strip()
        shortened = len(raw) > MAX_QUERY_LENGTH
        text = raw[:MAX_QUERY_LENGTH]
        terms = query_terms(text, max_words=MAX_QUERY_WORDS)
        shortened = shortened or len(query_terms(text, max_words=MAX_QUERY_WORDS + 1)) > MAX_QUERY_WORDS
        return cls(text=text, terms=terms, shortened=shortened)

    @property
    def stems(self):
        return frozenset().union(*self.terms) if self.terms else frozenset()

    def documents(self, base=None):
        """Matching documents, best first (at most MAX_CANDIDATES of them are considered)."""
        return self._ranked(*self._candidates(base))

    def similar_documents(self, base=None):
        """Documents whose names look like the query (misspellings); PostgreSQL only, else none."""
        return self._ranked(*self._similar_candidates(base))

    def ranked_ids(self, base=None, similar=False):
        """The ids of `documents()` (or `similar_documents()`), best first, in a single pass.

        Each candidate is ranked as it is read, and the (rank, date, id) rows, MAX_CANDIDATES at most, are
        sorted here: each vector is read in one pass, where ranking in the database would fetch the
        candidates again by id to order them.
        """
        candidates, rank = self._similar_candidates(base) if similar else self._candidates(base)
        rows = candidates.annotate(rank=rank).values_list("rank", "publish_at", "pk")[:MAX_CANDIDATES]
        return [pk for _rank, _when, pk in sorted(rows, reverse=True)]

    @staticmethod
    def _ranked(candidates, rank):
        return (
            SearchDocument.objects.filter(pk__in=candidates.values("pk")[:MAX_CANDIDATES])
            .annotate(rank=rank)
            .order_by("-rank", "-publish_at", "-pk")
        )

    def _candidates(self, base):
        """The newest matches (to be cut at MAX_CANDIDATES) and how to rank them."""
        base = SearchDocument.objects.published() if base is None else base
        if not self.terms:
            return base.none(), Value(0)
        if is_postgresql():
            query = self._tsquery()
            return base.filter(search_vector=query).order_by("-publish_at"), SearchRank(F("search_vector"), query)
        return base.filter(self._word_conditions()).order_by("-publish_at"), self._title_hits()

    def _similar_candidates(self, base):
        base = SearchDocument.objects.published() if base is None else base
        text = " ".join(words(self.text))[:100]
        if not is_postgresql() or len(text) < 3:
            return base.none(), Value(0)
        return (
            base.filter(fuzzy_text__trigram_word_similar=text).order_by(),
            TrigramWordSimilarity(Value(text), "fuzzy_text"),
        )

    def _tsquery(self):
        query = None
        for stems in self.terms:
            alternatives = None
            for stem in sorted(stems):
                part = SearchQuery(stem, config="simple", search_type="plain")
                alternatives = part if alternatives is None else alternatives | part
            query = alternatives if query is None else query & alternatives
        return query

    def _word_conditions(self):
        condition = Q()
        for stems in self.terms:
            any_stem = Q()
            for stem in stems:
                for column, _weight in WEIGHTED_COLUMNS:
                    any_stem |= Q(**{f"{column}__contains": f" {stem} "})
            condition &= any_stem
        return condition

    def _title_hits(self):
        hits = Value(0)
        for stems in self.terms:
            in_title = Q()
            for stem in stems:
                in_title |= Q(title_terms__contains=f" {stem} ")
            hits = hits + Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
        return hits


def admin_matches(model, raw):
    """The pks of `model` items (any status) whose index entry matches the search words."""
    search = Search.parse(raw)
    base = SearchDocument.objects.filter(content_type=ContentType.objects.get_for_model(model))
    return search.documents(base).values("object_id")


# ---------------------------------------------------------------- highlighting


def highlight(text, stems, length=None):
    """`text` escaped, the words matching `stems` in <mark>; cut to `length` around the first match."""
    text = text or ""
    before = after = False
    if length and len(text) > length:
        first = next((m.start() for m in WRITTEN_WORD.finditer(text) if _matches(m.group(), stems)), None)
        start = _window_start(text, first, length) if first is not None else 0
        end = start + length
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
            after = True
        before = start > 0
        text = text[start:end]
    spans = [m.span() for m in WRITTEN_WORD.finditer(text) if _matches(m.group(), stems)]
    marked = _marked(text, spans)
    return mark_safe(("… " if before else "") + marked + (" …" if after else ""))  # noqa: S308 - escaped


def _matches(written, stems):
    return not written_word_stems(written).isdisjoint(stems)


def _window_start(text, position, length):
    start = max(0, position - length // 4)
    if start:
        space = text.find(" ", start, position)
        start = space + 1 if space != -1 else start
    return start


def _marked(text, spans):
    pieces, cursor = [], 0
    for start, end in spans:
        if start >= len(text):
            break
        pieces.append(escape(text[cursor:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
