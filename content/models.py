"""What every section shares: topics and the publishable base of all public content."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.changes import ChangesPublicContent
from content.sanitize import clean_html
from content.sections import SECTIONS_BY_NAME
from content.translation_stamps import remember_translations, stamp_translations
from uploads import media


class Topic(ChangesPublicContent, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("website:topic_detail", kwargs={"slug": self.slug})


def cover_image_path(instance, filename):
    """`covers/2021/<32 random hex digits>/hashtag-palestine-2021.jpg`: an unguessable folder (the cover
    of a draft is not public, see `media.unguessable_folder`), a readable ASCII name from the slug, the
    extension of the real (re-encoded) format; the uploader's name is not used."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else "jpg"
    name = media.ascii_filename(instance.slug, extension=extension)
    return f"covers/{timezone.now():%Y}/{media.unguessable_folder()}/{name}"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


# What no card, list or related-items block shows (see `PublishableQuerySet.for_cards`).
CARDLESS_FIELDS = ("translation_edited_at", "created_at", "created_by", "updated_by")


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """The only door to public content: published, and due (scheduling needs no cron)."""
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())

    def for_cards(self):
        """Without what lists and cards never show: the bodies in every language, the longest columns by
        far, and the editing records (who and when, which translation changed), which a list would
        otherwise read, decode and build into every item. With what a card shows beside its columns: the slug
        of the item's first topic (`card_topic`)."""
        return self.defer(*CARDLESS_FIELDS, *self.model.body_columns()).annotate(card_topic=self.first_topic_slug())

    def first_topic_slug(self):
        """The slug of an item's first topic (by slug), in the same query: the generated cover of an item
        without an image takes its colours from it (`website.covers`)."""
        field = self.model._meta.get_field("topics")
        links = field.remote_field.through.objects.filter(**{field.m2m_field_name(): OuterRef("pk")})
        topic = field.m2m_reverse_field_name()
        return Subquery(links.order_by(f"{topic}__slug").values(f"{topic}__slug")[:1])


class Publishable(ChangesPublicContent, media.SanitizedImagesMixin, models.Model):
    """The fields and rules shared by publications, articles, campaigns, trainings and events."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=False,
        help_text=_("Latin letters, digits and hyphens; part of the address of the page."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    cover_image = media.ImageUploadField(
        _("cover image"),
        upload_to=cover_image_path,
        max_length=255,
        blank=True,
        help_text=_("JPEG, PNG or WebP, at most 10 MB and 40 megapixels. Location and camera data are removed."),
    )
    cover_width = models.PositiveIntegerField(_("cover width"), null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(_("cover height"), null=True, blank=True, editable=False)
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        db_index=True,
        help_text=_("A published item is public only from this moment (Jerusalem time)."),
    )
    featured = models.BooleanField(_("featured"), default=False)
    # Optimistic locking: a new random token on every save. A form carries the token
    # it was opened with and is refused if someone else saved in between. Random,
    # not a counter, so restoring an old revision can never make a stale form match.
    version_token = models.UUIDField(_("version"), default=uuid.uuid4, editable=False)
    # When each language's translated columns last changed: {"ar": ISO time, "en": ...}.
    # The translation status board compares them with the Arabic source.
    translation_edited_at = models.JSONField(_("translations last edited"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    SANITIZED_IMAGES = {"cover_image": media.StoredImage("cover", "cover_width", "cover_height")}
    objects = PublishableQuerySet.as_manager()

    # (start, end) field names of a period whose end may not come before its start;
    # the database constraint keeps the fact, `clean` puts the message on the end field.
    PERIOD = None

    class Meta:
        abstract = True
        ordering = ["-publish_at", "-pk"]
        get_latest_by = "publish_at"
        # `publish_<model>`: publishing, scheduling and unpublishing are for editors.
        default_permissions = ("add", "change", "delete", "view", "publish")
        indexes = [
            # The home page's featured items: a small partial index instead of a scan of every row.
            models.Index(fields=["-publish_at"], condition=Q(featured=True), name="%(class)s_featured"),
            # What is public now, newest first: lists, feeds and their freshness (count and latest
            # publication read from the index alone). With the id in it, a filtered list's count
            # (topic, year) is an index-only scan joined to the topic links' own index.
            models.Index(fields=["status", "publish_at"], include=["id"], name="%(class)s_public"),
            # The latest edit, for feeds' Last-Modified.
            models.Index(fields=["updated_at"], name="%(class)s_updated"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Sanitise, stamp the edited translations, store a new cover, save.

        The search index follows through `search.apps` (post_save), the page cache through
        `ChangesPublicContent`.
        """
        self.sanitize_bodies()
        self.version_token = uuid.uuid4()
        translations_changed = stamp_translations(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            stamped = ["translation_edited_at"] if translations_changed else []
            kwargs["update_fields"] = {*update_fields, "version_token", *stamped}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return SECTIONS_BY_NAME[self.SECTION].detail_url(self.slug)

    def sanitize_bodies(self):
        """Whatever the path (admin, import, shell), the database never holds executable markup."""
        for language, _name in settings.LANGUAGES:
            column = f"body_{language}"
            value = getattr(self, column, None)
            if value:
                setattr(self, column, clean_html(value))

    @classmethod
    def body_columns(cls):
        return [field.attname for field in cls._meta.concrete_fields if field.name.startswith("body")]

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The translations as loaded, to know after a save which languages were edited.
        remember_translations(instance)
        return instance

    def clean(self):
        super().clean()
        errors = {}
        if self.cover_image and not (getattr(self, "cover_alt_ar", None) or "").strip():
            errors["cover_alt_ar"] = _("Describe the cover image (at least in Arabic) for people who cannot see it.")
        if self.PERIOD:
            start, end = (getattr(self, name) for name in self.PERIOD)
            if start is not None and end is not None and end < start:
                errors[self.PERIOD[1]] = _("The end cannot be before the start.")
        if errors:
            raise ValidationError(errors)

    def cover_renditions(self):
        return media.renditions_for(self.cover_image.name, self.cover_width, self.cover_height)

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED and self.publish_at <= timezone.now()

    @classmethod
    def section(cls):
        """The public section name used in URLs, feeds and search (`publications`, `news`…)."""
        return cls.SECTION


def constraint_end_not_before_start(start, end, name):
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": models.F(start)}),
        name=name,
        violation_error_message=_("The end cannot be before the start."),
    )


def constraint_web_url(field, name):
    """A stored link is empty or a web address: no `javascript:` or `data:` link can be saved,
    whatever the path (admin, import, shell), since templates put it in an href."""
    return models.CheckConstraint(
        condition=Q(**{field: ""})
        | Q(**{f"{field}__istartswith": "https://"})
        | Q(**{f"{field}__istartswith": "http://"}),
        name=name,
        violation_error_message=_("Only web addresses starting with https:// or http:// are allowed."),
    )


class TopicLink(ChangesPublicContent, models.Model):
    """Base of the through tables that tie content to topics.

    The topic side is PROTECT: deleting a topic still in use is refused (the
    admin shows which items use it) instead of silently untagging content.
    Each concrete link has a unique (item, topic) constraint, for an item's topics, and a (topic, item)
    index, for a topic's items: filtered lists and topic pages read that index alone. It also serves
    lookups by topic, so the foreign key needs no index of its own.
    """

    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+", db_index=False
    )

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.topic)
