from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.fields import SiteOrWebURLField, constraint_site_or_web_url, is_site_path, localized_href
from content.changes import ChangesPublicContent
from content.models import (
    Publishable,
    PublishableQuerySet,
    Status,
    TopicLink,
    constraint_end_not_before_start,
    constraint_web_url,
)
from uploads import media


def organization_logo_path(instance, filename):
    """`logos/<32 random hex digits>/access-now.png`: the extension of the re-encoded format, never the
    uploader's name."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else "png"
    return f"logos/{media.unguessable_folder()}/{media.ascii_filename(instance.slug, extension=extension)}"


class OrganizationQuerySet(models.QuerySet):
    def partner_groups(self):
        """[(group label, [Organization, …]), …]: partners, funders, then the coalitions we belong to, each in
        the organisations' display order; empty groups are left out. One query."""
        roles = (
            OrganizationRole.objects.filter(organization__in=self.values("pk"))
            .select_related("organization")
            .order_by("organization__order", "organization__slug")
        )
        members = {role: [] for role in OrganizationRole.Role}
        for link in roles:
            members[OrganizationRole.Role(link.role)].append(link.organization)
        return [(role.group_label, organizations) for role, organizations in members.items() if organizations]


class Organization(ChangesPublicContent, media.SanitizedImagesMixin, models.Model):
    """A company or platform a campaign targets, a body we report to, a partner, a funder or a coalition."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company or platform")
        NGO = "ngo", _("Civil-society organisation")
        COALITION = "coalition", _("Coalition")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental body")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    website = models.URLField(_("website"), blank=True)
    logo = media.ImageUploadField(
        _("logo"),
        upload_to=organization_logo_path,
        max_length=255,
        blank=True,
        help_text=_(
            "JPEG, PNG or WebP, at most 10 MB; stored re-encoded, without metadata, and served from this site."
        ),
    )
    logo_width = models.PositiveIntegerField(_("logo width"), null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(_("logo height"), null=True, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(
        _("display order"), default=0, help_text=_("Smaller numbers come first on the partners page.")
    )

    SANITIZED_IMAGES = {"logo": media.StoredImage("logo", "logo_width", "logo_height")}
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [constraint_web_url("website", "organization_website_is_web_url")]

    def __str__(self):
        return self.name

    def logo_renditions(self):
        """The smallest rendition of the logo in each format, {"webp": url, "jpg": url}, with its size: a logo is
        shown small. Computed from the columns alone (no query, no storage call)."""
        renditions = media.renditions_for(self.logo.name, self.logo_width, self.logo_height)
        if not renditions:
            return None
        storage = self.logo.storage
        smallest = min(rendition.width for rendition in renditions)
        chosen = {r.extension: r for r in renditions if r.width == smallest}
        return {
            "webp": storage.url(chosen["webp"].name),
            "jpg": storage.url(chosen["jpg"].name),
            "width": chosen["jpg"].width,
            "height": chosen["jpg"].height,
        }


class PartnerRole(models.TextChoices):
    """What an organisation is to us, in the order the partners page shows the groups."""

    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Funder")
    COALITION = "coalition", _("Coalition we are a member of")

    @property
    def group_label(self):
        return {
            "partner": _("Partners"),
            "funder": _("Funders"),
            "coalition": _("Coalitions we are a member of"),
        }[self.value]


class OrganizationRole(ChangesPublicContent, models.Model):
    """What an organisation is to us; one organisation may have several roles."""

    Role = PartnerRole

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("relationship"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["role"]
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "role"],
                name="organization_role_unique",
                violation_error_message=_("This organisation already has this relationship with us."),
            ),
            models.CheckConstraint(condition=Q(role__in=PartnerRole.values), name="organization_role_is_known"),
        ]

    def __str__(self):
        return f"{self.organization}: {self.get_role_display()}"


class CampaignQuerySet(PublishableQuerySet):
    def ongoing(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=on), start_date__lte=on)

    def concluded(self, on=None):
        return self.filter(end_date__lt=on or timezone.localdate())

    def active_between(self, start, end):
        """Campaigns that started before the period ended and had not ended before it began."""
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=start), start_date__lte=end)


class Campaign(Publishable):
    SECTION = "campaigns"
    PERIOD = ("start_date", "end_date")

    class Scope(models.TextChoices):
        LOCAL = "local", _("Local")
        REGIONAL = "regional", _("Regional")
        INTERNATIONAL = "international", _("International")

    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.LOCAL)
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty while ongoing."))
    hashtag = models.CharField(_("hashtag"), max_length=100, blank=True)
    cta_label = models.CharField(_("call to action label"), max_length=120, blank=True)
    cta_url = SiteOrWebURLField(
        _("call to action address"),
        blank=True,
        help_text=_(
            "A page of this site without the language, such as /support/ or /publications/hashtag-palestine-2020/ "
            "(shown in the visitor's language), or a full web address."
        ),
    )
    topics = models.ManyToManyField(
        "content.Topic", through="CampaignTopic", verbose_name=_("topics"), blank=True, related_name="campaigns"
    )
    targets = models.ManyToManyField(
        Organization,
        through="CampaignTarget",
        verbose_name=_("targeted organisations"),
        blank=True,
        related_name="targeted_by",
    )
    partners = models.ManyToManyField(
        Organization,
        through="CampaignPartner",
        verbose_name=_("partners"),
        blank=True,
        related_name="partner_in",
    )
    related_publications = models.ManyToManyField(
        "publications.Publication", verbose_name=_("related publications"), blank=True, related_name="campaigns"
    )

    objects = CampaignQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-start_date", "-pk"]
        indexes = [
            *Publishable.Meta.indexes,
            # Campaigns active in a period or ongoing today (the report, the home figures): counted
            # from this index alone, whose columns hold every condition, without reading the rows.
            models.Index(fields=["start_date", "end_date", "status", "publish_at", "id"], name="campaign_active"),
        ]
        constraints = [
            constraint_end_not_before_start("start_date", "end_date", "campaign_end_not_before_start"),
            constraint_site_or_web_url("cta_url", "campaign_cta_url_is_site_or_web_url"),
        ]

    @property
    def cta_is_site_path(self):
        return is_site_path(self.cta_url)

    @property
    def cta_href(self):
        """The call to action's address in the page's language (a site path gets the language prefix)."""
        return localized_href(self.cta_url)

    @property
    def is_ongoing(self):
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)


class CampaignTopic(TopicLink):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["campaign", "topic"], name="campaign_topic_unique")]
        indexes = [models.Index(fields=["topic", "campaign"], name="campaign_by_topic")]


class CampaignTarget(ChangesPublicContent, models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("targeted organisation")
        verbose_name_plural = _("targeted organisations")
        constraints = [models.UniqueConstraint(fields=["campaign", "organization"], name="campaign_target_unique")]

    def __str__(self):
        return str(self.organization)


class CampaignPartner(ChangesPublicContent, models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [models.UniqueConstraint(fields=["campaign", "organization"], name="campaign_partner_unique")]

    def __str__(self):
        return str(self.organization)


class CampaignUpdate(ChangesPublicContent, models.Model):
    """One step of a campaign's timeline; outcomes (an agreement signed, a policy changed) are marked."""

    class Kind(models.TextChoices):
        UPDATE = "update", _("Update")
        OUTCOME = "outcome", _("Outcome")

    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.UPDATE)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("campaign update")
        verbose_name_plural = _("campaign updates")

    def __str__(self):
        return f"{self.date:%Y-%m-%d}: {self.text[:60]}"


class SubmissionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Submission(ChangesPublicContent, models.Model):
    """A report or statement we wrote or contributed to and submitted to an international body (a UN body, the
    European Union): advocacy, recorded by staff and counted by the activity report. Not a publication of ours:
    it is often written with other organisations and published, if at all, by the body that received it."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        STATEMENT = "statement", _("Statement")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    submitted_on = models.DateField(_("submitted on"), db_index=True)
    recipient = models.ForeignKey(
        Organization,
        verbose_name=_("submitted to"),
        on_delete=models.PROTECT,
        related_name="submissions_received",
        limit_choices_to={"kind": Organization.Kind.INTERGOVERNMENTAL},
        help_text=_("The body that received it: an organisation of the kind “intergovernmental body”."),
    )
    joint = models.BooleanField(
        _("joint submission"), default=False, help_text=_("Written or signed together with other organisations.")
    )
    url = models.URLField(_("address of the text"), blank=True, help_text=_("Where the text can be read, if public."))
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published submissions are counted and listed in the activity report."),
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        verbose_name = _("submission to an international body")
        verbose_name_plural = _("submissions to international bodies")
        constraints = [constraint_web_url("url", "submission_url_is_web_url")]
        indexes = [models.Index(fields=["submitted_on", "kind", "status", "id"], name="submission_by_date")]

    def __str__(self):
        return self.title
