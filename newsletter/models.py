"""Newsletter subscribers, the suppression list that honours unsubscribes, and digest progress.

A subscriber row exists only once its address is confirmed: until then the request
lives in the signed confirmation link alone, so a forged or abandoned request
stores nothing at all.
"""

import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.sections import SECTIONS


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")
    HEBREW = "he", _("Hebrew")


def section_choices():
    """The public sections a subscriber can choose (a callable: the list lives in content.sections)."""
    return [(section.name, section.title) for section in SECTIONS]


def new_manage_key():
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.ARABIC)
    topics = models.ManyToManyField(
        "content.Topic", verbose_name=_("topics"), blank=True, related_name="newsletter_subscribers"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    last_digest_at = models.DateTimeField(
        _("last digest up to"),
        default=timezone.now,
        help_text=_("Items published after this moment go into the next digest."),
    )
    # Part of every preferences and unsubscribe link; replacing it revokes the old links.
    manage_key = models.CharField(_("link key"), max_length=64, default=new_manage_key, editable=False)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.CheckConstraint(
                condition=Q(email=Lower("email")),
                name="newsletter_subscriber_email_lowercase",
                violation_error_message=_("Email addresses are stored in lower case."),
            ),
        ]

    def __str__(self):
        return self.email

    def section_names(self):
        return [choice.section for choice in self.section_choices.all()]


class SubscriberSection(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="section_choices")
    section = models.CharField(_("section"), max_length=20, choices=section_choices)

    class Meta:
        verbose_name = _("section chosen")
        verbose_name_plural = _("sections chosen")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "section"], name="newsletter_subscriber_section_unique")
        ]

    def __str__(self):
        return self.get_section_display()


class Suppression(models.Model):
    """An unsubscribed address, kept only as a keyed hash: enough to refuse old confirmation
    links and to recognise the address, never enough to read it back."""

    address_hash = models.CharField(_("address hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("unsubscribed at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("unsubscribed address")
        verbose_name_plural = _("unsubscribed addresses")

    def __str__(self):
        return self.address_hash[:12]


class DigestRun(models.Model):
    """One sending of the digest: items published up to `cutoff`, to every subscriber.

    A run left open by a failure is resumed by the next `send_digest`, with the same cutoff.
    """

    cutoff = models.DateTimeField(_("items published up to"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    sent_count = models.PositiveIntegerField(_("emails sent"), default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")
        constraints = [
            models.UniqueConstraint(
                fields=["is_open"], condition=Q(is_open=True), name="newsletter_one_open_digest_run"
            ),
            models.CheckConstraint(
                condition=Q(is_open=True) | Q(finished_at__isnull=False),
                name="newsletter_closed_run_has_finish",
            ),
        ]

    def __str__(self):
        return str(self.cutoff)


class DigestDelivery(models.Model):
    """One digest email sent: written in the same transaction that moves the subscriber on."""

    run = models.ForeignKey(DigestRun, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    item_count = models.PositiveIntegerField(_("items"))

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        constraints = [
            models.UniqueConstraint(fields=["run", "subscriber"], name="newsletter_one_delivery_per_run"),
        ]

    def __str__(self):
        return f"{self.run} → {self.subscriber}"
