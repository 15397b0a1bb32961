from functools import partial

from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.changes import ChangesPublicContent
from content.models import Publishable, TopicLink
from uploads import media


class FileLanguage(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")
    HEBREW = "he", _("Hebrew")


class Series(ChangesPublicContent, models.Model):
    """A publication that appears in several editions, such as an annual index."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Shown on the series page."))

    class Meta:
        ordering = ["slug"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("publications:series_detail", kwargs={"slug": self.slug})


class Publication(Publishable):
    SECTION = "publications"

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        POSITION_PAPER = "position_paper", _("Position paper")
        INDEX = "index", _("Index")
        RESEARCH = "research", _("Survey or research")
        GUIDE = "guide", _("Guide")
        FACTSHEET = "factsheet", _("Factsheet")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    published_on = models.DateField(_("published on"))
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
    )
    edition = models.CharField(_("edition"), max_length=100, blank=True, help_text=_("For example: 2020, or May 2021."))
    topics = models.ManyToManyField(
        "content.Topic", through="PublicationTopic", verbose_name=_("topics"), blank=True, related_name="publications"
    )

    class Meta(Publishable.Meta):
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "-pk"]
        indexes = [
            *Publishable.Meta.indexes,
            # By date, and the activity report's counts by kind from the index alone.
            models.Index(fields=["published_on", "kind", "status", "publish_at", "id"], name="publication_by_date"),
        ]

    def delete(self, *args, **kwargs):
        # The cascade does not call PublicationFile.delete(): its files are removed here.
        files = [(edition.file.storage, edition.file.name) for edition in self.files.all()]
        result = super().delete(*args, **kwargs)
        for storage, name in files:
            transaction.on_commit(partial(media.delete_file, storage, name), robust=True)
        return result


class PublicationTopic(TopicLink):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["publication", "topic"], name="publication_topic_unique")]
        indexes = [models.Index(fields=["topic", "publication"], name="publication_by_topic")]


def publication_file_path(instance, filename):
    """`publications/<32 random hex digits>/hashtag-palestine-ar.pdf`: an unguessable folder (the PDF
    of a draft or of a report under embargo is not public, see `media.unguessable_folder`); the
    uploader's name is never used."""
    name = media.ascii_filename(instance.publication.slug, instance.language, extension="pdf")
    return f"publications/{media.unguessable_folder()}/{name}"


class PublicationFile(ChangesPublicContent, models.Model):
    """The PDF of a publication in one language: at most one per language."""

    publication = models.ForeignKey(
        Publication, verbose_name=_("publication"), on_delete=models.CASCADE, related_name="files"
    )
    language = models.CharField(_("language"), max_length=2, choices=FileLanguage.choices)
    file = media.PdfUploadField(
        _("PDF file"),
        upload_to=publication_file_path,
        max_length=255,
        help_text=_("A PDF without password protection, at most 50 MB."),
    )
    size_bytes = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), default=0, editable=False)
    download_count = models.PositiveBigIntegerField(_("downloads"), default=0, editable=False)

    class Meta:
        ordering = ["language"]
        verbose_name = _("PDF edition")
        verbose_name_plural = _("PDF editions")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"],
                name="publication_file_one_per_language",
                violation_error_message=_("This publication already has a file in this language."),
            )
        ]

    def __str__(self):
        return f"{self.publication} ({self.get_language_display()})"

    def save(self, *args, **kwargs):
        new_file = ""
        if self.file and not self.file._committed:
            info = media.inspect_pdf(self.file.file)
            self.size_bytes, self.page_count = info.size, info.page_count
            self.file.save(self.file.name, self.file.file, save=False)
            new_file = self.file.name
        try:
            super().save(*args, **kwargs)
        except Exception:
            if new_file:
                self.file.storage.delete(new_file)
            raise
        old = getattr(self, "_stored_file", None)
        if old and old != self.file.name:
            transaction.on_commit(partial(media.delete_file, self.file.storage, old), robust=True)
        self._stored_file = self.file.name

    def get_absolute_url(self):
        return reverse(
            "publications:publication_download", kwargs={"slug": self.publication.slug, "file_language": self.language}
        )

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file = instance.__dict__.get("file")
        return instance

    def delete(self, *args, **kwargs):
        storage, name = self.file.storage, self.file.name
        result = super().delete(*args, **kwargs)
        if name:
            transaction.on_commit(partial(media.delete_file, storage, name), robust=True)
        return result

    def download_filename(self):
        """A readable name from the title in the file's language (Arabic if missing)."""
        publication = self.publication
        title = getattr(publication, f"title_{self.language}", "") or publication.title_ar or publication.slug
        title = title.replace("/", "-").replace("\\", "-")
        return f"{media.clean_filename(title, max_length=100) or publication.slug} ({self.language}).pdf"


class Article(Publishable):
    SECTION = "news"

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        PRESS_RELEASE = "press_release", _("Press release")
        STATEMENT = "statement", _("Statement")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    topics = models.ManyToManyField(
        "content.Topic", through="ArticleTopic", verbose_name=_("topics"), blank=True, related_name="articles"
    )
    related_publications = models.ManyToManyField(
        Publication, verbose_name=_("related publications"), blank=True, related_name="articles"
    )
    related_campaigns = models.ManyToManyField(
        "campaigns.Campaign", verbose_name=_("related campaigns"), blank=True, related_name="articles"
    )
    related_trainings = models.ManyToManyField(
        "trainings.Training", verbose_name=_("related trainings"), blank=True, related_name="articles"
    )
    related_events = models.ManyToManyField(
        "trainings.Event", verbose_name=_("related events"), blank=True, related_name="articles"
    )

    # The items an article mentions, by kind, in the order its page lists them.
    MENTIONED = ("publications", "campaigns", "trainings", "events")

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("news and press releases")
        indexes = [
            *Publishable.Meta.indexes,
            # The activity report's counts by kind in a period, from the index alone.
            models.Index(fields=["publish_at", "kind", "status", "id"], name="article_by_date"),
        ]


class ArticleTopic(TopicLink):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "topic"], name="article_topic_unique")]
        indexes = [models.Index(fields=["topic", "article"], name="article_by_topic")]
