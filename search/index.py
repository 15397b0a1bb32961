"""Search across every section: the index kept on save, the query, and the highlighted snippets.

Each public item has one `SearchDocument`, rewritten by `index_object` when the item is saved
(`search.apps` connects it to every section's saves) and again after the admin saves its topics and files
(`SearchIndexAdminMixin`).
Words are normalised and stemmed by `search.text`, the same way for stored text and for queries.

- PostgreSQL: a weighted tsvector (title A, summary B, body C, topics, names and file names D) built
  with the `simple` configuration over our own stems, GIN indexed, ranked with `ts_rank`; when nothing
  matches, trigram word similarity (pg_trgm, GIN indexed) over the unstemmed names catches misspellings.
- SQLite: the same stems matched as whole words in the term columns; titles first, then newest.

A query word matches when the document holds any of its terms (stems, variant keys, joins with its
neighbours: `search.text`); every word of the query must match. A phrase of a synonym group (`SynonymGroup`,
edited by staff) matches when the document matches it or any other phrase of its group: synonyms are
applied to the query, so a new group works at once, with no re-indexing.
When a query finds little, `suggestion` offers the closest known words ("did you mean"), from the
`KnownWord` table kept here as public items are indexed.
At most `MAX_CANDIDATES` (100, ten pages of results) matches are ranked, the newest ones, and the page then
says "more than …" and suggests adding a word. Search is the page the shared cache helps least (each query is a
page of its own), so its cost must not grow with the site: finding the newest matches tests each item's vector
in turn, newest first, and a common word at 100,000 items would otherwise have thousands tested and ranked.
"""

import difflib
import functools
import html
import os
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Greatest
from django.utils import timezone, translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from content.models import Status
from content.sections import SECTIONS_BY_NAME
from search.models import KnownWord, SearchDocument
from search.text import (
    STOPWORDS,
    WRITTEN_WORD,
    analyse,
    joined_terms,
    label_terms,
    script_of,
    spelling,
    terms_of_words,
    word_stems,
    words,
    written_word_stems,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
MAX_CANDIDATES = 100
DISPLAY_TEXT_LENGTH = 2000
# Fields some content types have besides the shared ones; their words are weighted like topics.
EXTRA_FIELDS = ("authors", "edition", "location", "venue", "speakers", "hashtag", "cta_label")
NAMED_RELATIONS = ("targets", "partners")  # organisations a campaign targets or works with
# Choice fields whose translated label says what an item is ("report", "workshop"): indexed in every
# language with the section's name, weighted like topics, so تقارير finds reports that never say the word.
LABELLED_CHOICES = ("kind", "format")
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
    return _words_of([term for text in texts for term in analyse(text)])


def _words_of(terms):
    """Terms already analysed, as a term column holds them (a space at each end)."""
    return f" {' '.join(terms)} " if terms else ""


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


def _labels(obj):
    """The item's section name and the labels of its kind (or format) in every language."""
    labels = []
    section = SECTIONS_BY_NAME.get(obj.SECTION)
    for code in LANGUAGE_CODES:
        with translation.override(code):
            if section is not None:
                labels.append(str(section.title))
            labels.extend(
                str(getattr(obj, f"get_{name}_display")())
                for name in LABELLED_CHOICES
                if hasattr(obj, f"get_{name}_display")
            )
    return labels


def _known_words(*texts):
    """The words of texts "did you mean" may suggest: {normalised word: how it is written, marks left out}."""
    found = {}
    for text in texts:
        for written in WRITTEN_WORD.findall(text or ""):
            known = _known_word(written)
            if known and known[0] not in found:
                found[known[0]] = known[1]
    return found


@functools.lru_cache(maxsize=50_000)
def _known_word(written):
    """(normalised, spelling) of a word as written, or None when it is not one to suggest; bulk indexing
    meets the same words again and again."""
    normalised = words(written)
    if len(normalised) == 1 and _may_be_suggested(normalised[0]):
        return normalised[0], spelling(written)
    return None


def build_document(obj, related_names=None):
    """The unsaved index entry of `obj`; `related_names` given by bulk callers saves the queries.

    The entry's `known_words` (not a column) are the words "did you mean" may learn from it.
    """
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
    names = [*titles.values(), *related_names, *extras]
    fuzzy_words = words(" ".join(names))
    # Names written apart in one place and joined in another (رايتس كون, رايتسكون): the short texts of an
    # item also give each two neighbouring words joined; a query joins its own words (`search.text`).
    joined = [term for name in names for term in joined_terms(name)]
    labels = [term for label in _labels(obj) for term in label_terms(label)]
    document = SearchDocument(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        section=obj.SECTION,
        status=obj.status,
        publish_at=obj.publish_at,
        title_terms=_terms(*titles.values()),
        summary_terms=_terms(*summaries.values()),
        body_terms=_terms(*bodies.values()),
        extra_terms=_words_of(
            [*(term for text in [*related_names, *extras] for term in analyse(text)), *labels, *joined]
        ),
        fuzzy_text=" ".join(dict.fromkeys(fuzzy_words))[:2000],
        display={"slug": obj.slug, "title": titles, "text": texts},
    )
    document.known_words = _known_words(*names, *summaries.values(), *bodies.values())
    return document


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
    if document.status == Status.PUBLISHED:
        learn_words(document.known_words, document.publish_at)
    return saved


def index_objects(objects, related_names=None, batch_size=1000):
    """Index many new items at once (bulk): `related_names` maps an item's pk to its topic/file names."""
    related_names = related_names or {}
    documents = [build_document(obj, related_names.get(obj.pk, [])) for obj in objects]
    created = SearchDocument.objects.bulk_create(documents, batch_size=batch_size)
    refresh_vectors(SearchDocument.objects.filter(pk__in=[document.pk for document in created]))
    # New items: a word already known keeps its moment (bulk loads fill an empty site).
    first_public = {}
    for document in documents:
        if document.status == Status.PUBLISHED:
            for word, written in document.known_words.items():
                earlier = first_public.get(word)
                if earlier is None or document.publish_at < earlier[1]:
                    first_public[word] = (written, document.publish_at)
    _add_known_words(first_public, batch_size)
    return created


def learn_words(known_words, public_from, batch_size=500):
    """Let "did you mean" suggest these words ({word: spelling}) from `public_from` on (or earlier if
    another item said them earlier)."""
    _add_known_words({word: (written, public_from) for word, written in known_words.items()}, batch_size)
    ordered = sorted(known_words)
    for start in range(0, len(ordered), batch_size):
        KnownWord.objects.filter(word__in=ordered[start : start + batch_size], public_from__gt=public_from).update(
            public_from=public_from
        )


def _add_known_words(first_public, batch_size):
    """Add the words not known yet: `first_public` maps each word to (its spelling, when it is public)."""
    rows = [
        KnownWord(word=word, spelling=written, initial=word[0], length=len(word), public_from=when)
        for word, (written, when) in sorted(first_public.items())
    ]
    KnownWord.objects.bulk_create(rows, batch_size=batch_size, ignore_conflicts=True)


def unindex_object(obj):
    content_type = ContentType.objects.get_for_model(obj)
    SearchDocument.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def unindex_queryset(queryset):
    content_type = ContentType.objects.get_for_model(queryset.model)
    SearchDocument.objects.filter(content_type=content_type, object_id__in=queryset.values("pk")).delete()


# ---------------------------------------------------------------- querying


@dataclass
class Search:
    """A prepared query: the cleaned text, what must match, and whether it was cut short.

    `clauses` must all match. A clause is a list of alternatives, any of which may match: a plain word has
    one, a phrase of a synonym group one per phrase of its group. An alternative is a list of terms that
    must all match, and a term (a set of stems and keys) matches when the document holds any of them.
    """

    text: str
    clauses: list = field(default_factory=list)
    shortened: bool = False

    @classmethod
    def parse(cls, raw, synonyms=()):
        """`synonyms`: the phrase lists of the synonym groups that apply (`SynonymGroup.objects.phrases_for`)."""
        raw = (raw or "").strip()
        text = raw[:MAX_QUERY_LENGTH]
        clauses = _clauses(words(text), [[words(phrase) for phrase in group] for group in synonyms])
        shortened = len(raw) > MAX_QUERY_LENGTH or len(clauses) > MAX_QUERY_WORDS
        return cls(text=text, clauses=clauses[:MAX_QUERY_WORDS], shortened=shortened)

    @property
    def terms(self):
        """Every term of every alternative (empty when the query has no word to look for)."""
        return [term for clause in self.clauses for alternative in clause for term in alternative]

    @property
    def stems(self):
        return frozenset().union(*self.terms) if self.clauses else frozenset()

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
        if not self.clauses:
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
        def any_stem(stems):
            return _combined(SearchQuery(stem, config="simple", search_type="plain") for stem in sorted(stems))

        return _all(
            _any(_all(any_stem(term) for term in alternative) for alternative in clause) for clause in self.clauses
        )

    def _word_conditions(self):
        def any_stem(stems):
            return _any(
                Q(**{f"{column}__contains": f" {stem} "}) for stem in stems for column, _weight in WEIGHTED_COLUMNS
            )

        return _all(
            _any(_all(any_stem(term) for term in alternative) for alternative in clause) for clause in self.clauses
        )

    def _title_hits(self):
        hits = Value(0)
        for clause in self.clauses:
            in_title = _any(
                Q(title_terms__contains=f" {stem} ") for alternative in clause for term in alternative for stem in term
            )
            hits = hits + Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
        return hits


def _combined(parts, conjunction=False):
    result = None
    for part in parts:
        result = part if result is None else (result & part if conjunction else result | part)
    return result


def _any(parts):
    return _combined(parts)


def _all(parts):
    return _combined(parts, conjunction=True)


def _clauses(query_words, synonym_groups):
    """The clauses of a query's words (see `Search`), each synonym phrase found becoming one clause.

    A phrase is found where the query's words meet its words one by one: the same normalised word, or
    words with a stem in common (بالتربية meets التربية). The longest phrase found at a place wins.
    """
    word_terms = terms_of_words(query_words)
    phrases = [(phrase, group) for group in synonym_groups for phrase in group if phrase]
    clauses, position = [], 0
    while position < len(query_words):
        found = max(
            ((phrase, group) for phrase, group in phrases if _phrase_at(query_words, position, phrase)),
            key=lambda entry: len(entry[0]),
            default=None,
        )
        if found:
            phrase, group = found
            own = [terms for terms in word_terms[position : position + len(phrase)] if terms]
            others = [_phrase_terms(other) for other in group if other != phrase]
            alternatives = [alternative for alternative in [own, *others] if alternative]
            position += len(phrase)
        else:
            alternatives = [[word_terms[position]]] if word_terms[position] else []
            position += 1
        if alternatives and alternatives not in clauses:
            clauses.append(alternatives)
    return clauses


def _phrase_at(query_words, position, phrase):
    if position + len(phrase) > len(query_words):
        return False
    return all(
        written == wanted or word_stems(written) & word_stems(wanted)
        for written, wanted in zip(query_words[position : position + len(phrase)], phrase, strict=True)
    )


def _phrase_terms(phrase_words):
    return [terms for terms in terms_of_words(phrase_words) if terms]


def admin_matches(model, raw):
    """The pks of `model` items (any status) whose index entry matches the search words."""
    search = Search.parse(raw)
    base = SearchDocument.objects.filter(content_type=ContentType.objects.get_for_model(model))
    return search.documents(base).values("object_id")


# ---------------------------------------------------------------- did you mean

SUGGESTION_CUTOFF = 0.7  # difflib's ratio: Facebok → facebook 0.93, فيسبك → فيسبوك 0.91, unrelated words below
SIMILAR_WORDS = 50  # PostgreSQL: the known words closest by trigram similarity, best first
SAME_SHAPE_WORDS = 2000  # SQLite: at most this many known words of the same first letter and about the same length


def suggestion(text, now=None):
    """The query with each word no public item says replaced by the closest word one does ("" if none).

    One query. On PostgreSQL, pg_trgm's similarity over the `KnownWord` table (GIN trigram index, see the
    migrations) hands over the closest words first. SQLite has no trigram index: the words sharing the first
    letter and about the length (±2) of a query word are read through the (initial, length) index, a slice of
    the vocabulary, capped, and never the archive's text: the vocabulary grows with the words the site uses,
    not with its number of items. Either way difflib then picks the closest word for each unknown query word,
    so both databases suggest the same word from the same candidates.
    """
    query_words = words(text)[:MAX_QUERY_WORDS]
    asked = [word for word in dict.fromkeys(query_words) if _may_be_suggested(word)]
    if not asked:
        return ""
    known = KnownWord.objects.filter(public_from__lte=now or timezone.now())
    candidates = dict(_candidates_for(known, asked))
    replacements = {}
    for word in asked:
        if word in candidates:
            continue
        close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=SUGGESTION_CUTOFF)
        if close:
            replacements[word] = candidates[close[0]]
    if not replacements:
        return ""
    # The words kept are shown as the person wrote them, the replaced ones as the site writes them.
    written_words = WRITTEN_WORD.findall(text)
    return " ".join(_replaced(written, replacements) for written in written_words[:MAX_QUERY_WORDS])


def _replaced(written, replacements):
    normalised = words(written)
    return replacements.get(normalised[0], written) if len(normalised) == 1 else written


def _may_be_suggested(word):
    return 3 <= len(word) <= KnownWord.MAX_LENGTH and word not in STOPWORDS and script_of(word) != "number"


def _candidates_for(known, asked):
    """(word, spelling) of the known words that may replace the asked ones, the asked ones themselves included."""
    if is_postgresql():
        similarities = [TrigramSimilarity("word", Value(word)) for word in asked]
        similarity = similarities[0] if len(similarities) == 1 else Greatest(*similarities)
        close = _any(Q(word__trigram_similar=word) for word in asked)
        rows = known.filter(Q(word__in=asked) | close).annotate(similarity=similarity).order_by("-similarity", "word")
        return rows.values_list("word", "spelling")[:SIMILAR_WORDS]
    same_shape = _any(Q(initial=word[0], length__range=(len(word) - 2, len(word) + 2)) for word in asked)
    exact_first = Case(When(word__in=asked, then=Value(0)), default=Value(1), output_field=IntegerField())
    rows = known.filter(Q(word__in=asked) | same_shape).order_by(exact_first, "length", "word")
    return rows.values_list("word", "spelling")[:SAME_SHAPE_WORDS]


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
