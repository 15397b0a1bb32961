"""The search index: one entry per item of every section, written by `search.index`."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
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
