"""The organisation's identity as staff edit it: name, tagline, logo, contacts, offices and social links.

One row (`SiteIdentity`, primary key fixed to 1 and checked by a constraint), with its offices and social
links. Every page, feed and email reads it through `SiteIdentity.current()`, which costs no query in the
steady state: the identity and its rows are kept in the shared cache under an *identity version* that a
save of any of them replaces (at once and again after the commit, like the content version). A change of
public content does not re-read it; a change of the identity also expires every cached page
(`ChangesPublicContent`), so it shows at once on pages, in feeds and in the emails sent after it.

The logo, favicon and sharing image are raster uploads (PNG, WebP or JPEG) through the project's safe
upload (`uploads.media`): decoded, checked and re-encoded without metadata. Uploaded SVG is not accepted,
because an SVG is a document that can carry scripts and external references, and safely cleaning one
needs a dedicated sanitiser the project does not have; the site's own drawn SVG logo (`settings.SITE_LOGO`)
and favicon (static files) are the defaults while nothing is uploaded.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from content.changes import ChangesPublicContent, SharedVersion
from content.models import constraint_web_url
from uploads import media

IDENTITY_PK = 1
VERSION_KEY = "identity:version"
DEFAULT_FAVICON = "hamleh/favicon.svg"
# The cached identity is read again at least this often (an old version's copy expires on its own).
IDENTITY_CACHE_SECONDS = 24 * 60 * 60
# The process's last answer of `current()`: (identity version, identity). Replaced whole, never mutated.
_memo = (None, None)


IDENTITY = SharedVersion(VERSION_KEY)


def identity_version():
    return IDENTITY.current()


def identity_image_path(instance, filename):
    """`identity/<32 random hex digits>/logo.png`, with the extension of the real (re-encoded) format."""
    stem, _dot, extension = filename.rpartition(".")
    name = media.ascii_filename(stem or "image", extension=extension.lower() or "png")
    return f"identity/{media.unguessable_folder()}/{name}"


class ChangesIdentity(ChangesPublicContent):
    """Saving or deleting a row expires the cached pages and the cached identity."""

    expires_also = (IDENTITY,)


phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()\-.]{4,30}$", _("Type a phone number: digits, spaces and dashes, with + for the country code.")
)
fingerprint_validator = RegexValidator(
    r"^[0-9A-Fa-f ]{32,60}$", _("Type the key's fingerprint: 40 hexadecimal digits, spaces allowed.")
)


class SiteIdentity(ChangesIdentity, media.SanitizedImagesMixin, models.Model):
    # Served as they are (small, few): no renditions.
    SANITIZED_IMAGES = {
        "logo": media.StoredImage("logo"),
        "favicon": media.StoredImage("favicon"),
        "sharing_image": media.StoredImage("sharing-image"),
    }

    id = models.PositiveSmallIntegerField(primary_key=True, default=IDENTITY_PK, editable=False)
    name = models.CharField(
        _("name"), max_length=80, help_text=_("Shown in the header, page titles, feeds and emails.")
    )
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("For small screens and icons.")
    )
    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    logo = media.ImageUploadField(
        _("logo"),
        upload_to=identity_image_path,
        max_length=255,
        blank=True,
        help_text=_(
            "A square PNG, WebP or JPEG, at least 256 pixels wide. Left empty, the site's own drawn logo is shown."
        ),
    )
    favicon = media.ImageUploadField(
        _("browser icon"),
        upload_to=identity_image_path,
        max_length=255,
        blank=True,
        help_text=_("A square PNG, at least 180 pixels wide. Left empty, the site's own icon is used."),
    )
    sharing_image = media.ImageUploadField(
        _("sharing image"),
        upload_to=identity_image_path,
        max_length=255,
        blank=True,
        help_text=_("Shown when a page without its own cover is shared: 1200 × 630 pixels is best."),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    press_email = models.EmailField(_("press email"), blank=True)
    press_phone = models.CharField(_("press phone"), max_length=40, blank=True, validators=[phone_validator])
    pgp_key = models.TextField(
        _("PGP public key"),
        blank=True,
        help_text=_("The ASCII-armoured public key, for people who write in confidence."),
    )
    pgp_fingerprint = models.CharField(
        _("PGP fingerprint"), max_length=60, blank=True, validators=[fingerprint_validator]
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")
        constraints = [models.CheckConstraint(condition=Q(id=IDENTITY_PK), name="siteidentity_single_row")]

    def __str__(self):
        return str(_("Site identity"))

    # Writing ---------------------------------------------------------------

    def save(self, *args, **kwargs):
        self.pk = IDENTITY_PK
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise models.ProtectedError(_("The site identity cannot be deleted."), [self])

    # Reading ---------------------------------------------------------------

    @classmethod
    def defaults(cls):
        """What a new site starts with, in each language (staff change it in the admin)."""
        return {
            "name_ar": "حملة",
            "name_en": "Hamleh",
            "name_he": "חמלה",
            "tagline_ar": "مركز للحقوق الرقمية",
            "tagline_en": "Digital rights centre",
            "tagline_he": "מרכז לזכויות דיגיטליות",
        }

    @classmethod
    def current(cls):
        """The identity with its offices and social links, from the cache (no query) unless it changed.

        Each call reads the small version key from the shared cache; a process keeps its last answer for
        as long as that version stays the same, so the identity itself is unpickled once per change.
        Templates take it from the context (`identity.context_processors`), so a page asks once.
        """
        global _memo
        version = identity_version()
        memo_version, identity = _memo
        if version is not None and memo_version == version:
            return identity
        key = f"identity:{version}"
        identity = cache.get(key) if version is not None else None
        if identity is None:
            identity = cls._load()
            if version is not None:
                cache.set(key, identity, timeout=IDENTITY_CACHE_SECONDS)
        _memo = (version, identity)
        return identity

    @classmethod
    def _load(cls):
        identity = cls.objects.prefetch_related("offices", "social_links").filter(pk=IDENTITY_PK).first()
        if identity is None:
            identity, _created = cls.objects.get_or_create(pk=IDENTITY_PK, defaults=cls.defaults())
            identity = cls.objects.prefetch_related("offices", "social_links").get(pk=IDENTITY_PK)
        return identity

    @property
    def display_short_name(self):
        return self.short_name or self.name

    @property
    def logo_url(self):
        return self.logo.url if self.logo else static(settings.SITE_LOGO)

    @property
    def favicon_url(self):
        return self.favicon.url if self.favicon else static(DEFAULT_FAVICON)

    @property
    def favicon_type(self):
        if not self.favicon:
            return "image/svg+xml"
        extension = self.favicon.name.rpartition(".")[2].lower()
        return {"jpg": "image/jpeg", "webp": "image/webp"}.get(extension, "image/png")

    @property
    def has_contacts(self):
        return bool(self.email or self.phone or self.press_email or self.press_phone or self.pgp_fingerprint)


class Office(ChangesIdentity, models.Model):
    identity = models.ForeignKey(
        SiteIdentity, on_delete=models.CASCADE, related_name="offices", default=IDENTITY_PK, editable=False
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("For example: Haifa office."))
    address = models.TextField(_("address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("email"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.name


class SocialLink(ChangesIdentity, models.Model):
    class Network(models.TextChoices):
        MASTODON = "mastodon", "Mastodon"
        X = "x", "X"
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        YOUTUBE = "youtube", "YouTube"
        TELEGRAM = "telegram", "Telegram"
        LINKEDIN = "linkedin", "LinkedIn"
        OTHER = "other", _("Other")

    identity = models.ForeignKey(
        SiteIdentity, on_delete=models.CASCADE, related_name="social_links", default=IDENTITY_PK, editable=False
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    label = models.CharField(
        _("label"), max_length=60, blank=True, help_text=_("Shown instead of the network's name, if filled.")
    )
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("social link")
        verbose_name_plural = _("social links")
        constraints = [
            constraint_web_url("url", "sociallink_url_is_web_url"),
            models.CheckConstraint(condition=~Q(url=""), name="sociallink_url_not_empty"),
        ]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        return self.label or self.get_network_display()
