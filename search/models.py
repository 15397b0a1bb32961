"""The search index: one entry per item of every section, written by `search.index`."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Status


class SearchDocumentQuerySet(models.QuerySet):
    def published(self, now=None):
        """Documents of public items only: the status and moment are mirrored from the item."""
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now or timezone.now())


class SearchDocument(models.Model):
    """The search index entry of one public item, rewritten by `search.index.index_object` on each save.

    The `*_terms` columns hold the normalised, stemmed words of every language (see `search.text`), space
    separated with a space at each end; `fuzzy_text` the normalised unstemmed names (title, topics, files)
    for misspellings. On PostgreSQL `search_vector` is the weighted tsvector of the terms (GIN indexed);
    `display` keeps what the results page shows, so it needs no query per section.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    section = models.CharField(_("section"), max_length=20)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(_("publish at"))
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    extra_terms = models.TextField(blank=True)
    fuzzy_text = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    display = models.JSONField(default=dict, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_document_one_per_item")
        ]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="search_doc_published"),
            models.Index(fields=["section", "status", "publish_at"], name="search_doc_section_published"),
            # The latest change of all sections, or of one, for the feeds' conditional requests.
            models.Index(fields=["indexed_at"], name="search_doc_indexed"),
            models.Index(fields=["section", "indexed_at"], name="search_doc_section_indexed"),
        ]

    def __str__(self):
        return f"{self.section} #{self.object_id}"


class SynonymGroupQuerySet(models.QuerySet):
    def phrases_for(self, language):
        """The phrase lists of the groups that apply to a page in `language` (one query)."""
        rows = self.filter(language__in=["", language]).values_list("phrases", flat=True)
        return [split_phrases(phrases) for phrases in rows]


def split_phrases(text):
    """The phrases of a group as staff typed them: one per line (commas also separate)."""
    return [phrase.strip() for line in (text or "").splitlines() for phrase in line.split(",") if phrase.strip()]


class SynonymGroup(models.Model):
    """Words or phrases that mean the same for the site's readers, applied to each query as it is searched.

    A search for any phrase of a group also finds the items that say one of the others; nothing is
    re-indexed when a group changes.
    """

    EVERY_LANGUAGE = ""

    language = models.CharField(
        _("language"),
        max_length=5,
        blank=True,
        choices=[(EVERY_LANGUAGE, _("Every language")), *settings.LANGUAGES],
        help_text=_("The language of the pages where this group applies; names are usually for every language."),
    )
    phrases = models.TextField(
        _("words or phrases"),
        help_text=_("One per line, at least two: a search for any of them also finds the others."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SynonymGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["language", "phrases"]
        indexes = [models.Index(fields=["language"], name="search_synonym_language")]

    def __str__(self):
        return " = ".join(split_phrases(self.phrases))[:200]

    def clean(self):
        if len(set(split_phrases(self.phrases))) < 2:
            raise ValidationError({"phrases": _("Give at least two different words or phrases, one per line.")})


class KnownWord(models.Model):
    """A word written in a public item, as normalised: what "did you mean" may suggest.

    Kept when items are indexed (`search.index`), only from published items, and only from the moment
    the first item that says it is public, so no draft or scheduled text ever shows through a suggestion.
    """

    MAX_LENGTH = 40

    word = models.CharField(max_length=MAX_LENGTH, unique=True)
    spelling = models.CharField(max_length=MAX_LENGTH * 2)  # as first written, to show
    initial = models.CharField(max_length=1)
    length = models.PositiveSmallIntegerField()
    public_from = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["initial", "length"], name="search_known_word_shape")]

    def __str__(self):
        return self.word
