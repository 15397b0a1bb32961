from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.changes import ChangesPublicContent
from content.models import (
    Publishable,
    PublishableQuerySet,
    TopicLink,
    constraint_end_not_before_start,
    constraint_web_url,
)


class Organization(ChangesPublicContent, models.Model):
    """A company or platform a campaign targets, or a partner in a coalition."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company or platform")
        NGO = "ngo", _("Civil-society organisation")
        COALITION = "coalition", _("Coalition")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental body")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [constraint_web_url("website", "organization_website_is_web_url")]

    def __str__(self):
        return self.name


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
    cta_url = models.URLField(_("call to action address"), blank=True)
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
            constraint_web_url("cta_url", "campaign_cta_url_is_web_url"),
        ]

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
