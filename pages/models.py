"""The organisation's own pages (about, team, partners, contact…), its team and its menus."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.changes import ChangesPublicContent, SharedVersion
from content.models import Publishable, PublishableQuerySet, Status
from pages.reserved import reserved_slugs
from uploads import media

MENUS_VERSION_KEY = "pages:menus-version"


# The kept menus (`pages.menus`) are read again when a page or a menu link changes; other content changes
# leave them be.
MENUS = SharedVersion(MENUS_VERSION_KEY)


def menus_version():
    return MENUS.current()


class ChangesMenus(ChangesPublicContent):
    """Saving or deleting a row expires the cached pages and the kept menus."""

    expires_also = (MENUS,)


# A page is at the top (/<lang>/<slug>/) or under a top-level page (/<lang>/<parent>/<slug>/).
MAX_DEPTH = 2


class PageQuerySet(PublishableQuerySet):
    def published(self, now=None):
        """Published and due, and so is its parent: a page under an unpublished page is not public."""
        now = now or timezone.now()
        return (
            super()
            .published(now)
            .filter(Q(parent__isnull=True) | Q(parent__status=Status.PUBLISHED, parent__publish_at__lte=now))
        )

    def top_level(self):
        return self.filter(parent__isnull=True)


class Page(ChangesMenus, Publishable):
    class Kind(models.TextChoices):
        PLAIN = "plain", _("Plain page")
        TEAM = "team", _("Team")
        PARTNERS = "partners", _("Partners")
        CONTACT = "contact", _("Contact, with a contact form")
        PRESS = "press", _("Press")
        SUPPORT = "support", _("Support us")

    # Unique among siblings only (see the constraints): /about/history/ and /campaigns-we-support/history/.
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Latin letters, digits and hyphens; part of the address of the page."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Leave empty for a top-level page. A page under another one has the address /parent/page/."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Pages under the same parent are listed by this number, smallest first.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.PLAIN,
        help_text=_("What the page shows below its text: the team, the partners, the contact details and form…"),
    )
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown by search engines and when the page is shared; the summary if empty."),
    )

    objects = PageQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "slug"],
                name="page_slug_unique_among_siblings",
                violation_error_message=_("Another page under the same parent already has this slug."),
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(parent__isnull=True),
                name="page_top_level_slug_unique",
                violation_error_message=_("Another top-level page already has this slug."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="page_not_its_own_parent",
                violation_error_message=_("A page cannot be its own parent."),
            ),
        ]

    def get_absolute_url(self):
        if self.parent_id:
            return reverse("pages:child_page_detail", kwargs={"parent": self.parent.slug, "slug": self.slug})
        return reverse("pages:page_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        own = self.status == Status.PUBLISHED and self.publish_at <= timezone.now()
        return own and (self.parent_id is None or self.parent.is_published)

    def clean(self):
        super().clean()
        errors = {}
        if self.slug and self.slug.lower() in reserved_slugs():
            errors["slug"] = _(
                "“%(slug)s” is reserved for another part of the site (its address is already in use). "
                "Choose another slug."
            ) % {"slug": self.slug}
        if self.parent_id:
            if self.pk and self.parent_id == self.pk:
                errors["parent"] = _("A page cannot be its own parent.")
            elif self.parent.parent_id:
                errors["parent"] = _(
                    "Pages have at most two levels: choose a top-level page as the parent, or no parent."
                )
            elif self.pk and self.children.exists():
                errors["parent"] = _(
                    "This page has pages under it, so it must stay at the top level: pages have at most two levels."
                )
        if errors:
            raise ValidationError(errors)


def team_photo_path(instance, filename):
    """`team/<32 random hex digits>/<name>.jpg`: an unguessable folder, a readable ASCII name, never the
    uploader's file name."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else "jpg"
    name = media.ascii_filename(instance.name_en or "", "photo", extension=extension)
    return f"team/{media.unguessable_folder()}/{name}"


class TeamMember(ChangesPublicContent, media.SanitizedImagesMixin, models.Model):
    class Group(models.TextChoices):
        BOARD = "board", _("Board")
        STAFF = "staff", _("Staff")

    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=200)
    group = models.CharField(_("group"), max_length=10, choices=Group.choices, default=Group.STAFF)
    bio = models.TextField(_("short biography"), max_length=1000)
    photo = media.ImageUploadField(
        _("photo"),
        upload_to=team_photo_path,
        max_length=255,
        blank=True,
        help_text=_("JPEG, PNG or WebP, at most 10 MB and 40 megapixels. Location and camera data are removed."),
    )
    photo_width = models.PositiveIntegerField(_("photo width"), null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(_("photo height"), null=True, blank=True, editable=False)
    email = models.EmailField(_("public email address"), blank=True, help_text=_("Shown on the team page; optional."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    SANITIZED_IMAGES = {"photo": media.StoredImage("photo", "photo_width", "photo_height")}

    class Meta:
        ordering = ["group", "order", "pk"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return self.name

    def photo_rendition(self, width=320):
        """The smallest JPEG rendition at least `width` wide (the original if none was made)."""
        renditions = media.renditions_for(self.photo.name, self.photo_width, self.photo_height)
        jpeg = [r for r in renditions if r.extension == "jpg"]
        chosen = next((r for r in jpeg if r.width >= width), jpeg[-1] if jpeg else None)
        if chosen is None:
            return {"url": self.photo.url, "width": self.photo_width, "height": self.photo_height}
        return {"url": self.photo.storage.url(chosen.name), "width": chosen.width, "height": chosen.height}


class MenuItem(ChangesMenus, models.Model):
    """A link to a page in the header or footer navigation of one language."""

    class Location(models.TextChoices):
        HEADER = "header", _("Header")
        FOOTER = "footer", _("Footer")

    class Language(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        ENGLISH = "en", _("English")
        HEBREW = "he", _("Hebrew")

    location = models.CharField(_("location"), max_length=10, choices=Location.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="menu_items")
    label = models.CharField(
        _("label"), max_length=80, blank=True, help_text=_("Written in the menu's language; the page title if empty.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["location", "language", "order", "pk"]
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")
        constraints = [
            models.UniqueConstraint(
                fields=["location", "language", "page"],
                name="menu_item_once_per_menu",
                violation_error_message=_("This page is already in this menu."),
            )
        ]
        indexes = [models.Index(fields=["location", "language", "order"], name="menu_item_by_menu")]

    def __str__(self):
        return self.label or str(self.page)
