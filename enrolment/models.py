"""Registration for a training or an event: the settings staff choose, each person's registration,
and messages staff send to the confirmed or the attendees.

A registration row exists from the moment someone asks (status `pending`) so that the email's
link carries only a random key, never the address. Pending rows that are never confirmed are
deleted by `purge_registrations` once their link has expired; registrations of a finished
training are reduced to counts after its retention period (`Enrolment.retained_*`).
"""

import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.changes import ChangesPublicContent


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")
    HEBREW = "he", _("Hebrew")


class AgeGroup(models.TextChoices):
    UNDER_6 = "under_6", _("Children under 6")
    FROM_6_TO_12 = "6_12", _("Children 6 to 12")
    FROM_13_TO_18 = "13_18", _("Teenagers 13 to 18")
    MIXED = "mixed", _("Children of several ages")


def new_link_key():
    return secrets.token_urlsafe(24)


class Enrolment(ChangesPublicContent, models.Model):
    """Registration settings of one training or one event (exactly one of the two).

    Its page shows whether registration is open, so saving it is a change of public content."""

    training = models.OneToOneField(
        "trainings.Training", on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("training")
    )
    event = models.OneToOneField(
        "trainings.Event", on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("event")
    )
    is_open = models.BooleanField(_("registration open"), default=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True, help_text=_("Leave empty for no limit."))
    waiting_list_size = models.PositiveIntegerField(
        _("places on the waiting list"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit; 0 for no waiting list."),
    )
    deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    asks_organisation = models.BooleanField(_("ask for the organisation"), default=False)
    asks_city = models.BooleanField(_("ask for the city"), default=False)
    asks_age_group = models.BooleanField(_("ask for the children's age group"), default=False)
    asks_accessibility = models.BooleanField(_("ask about accessibility needs"), default=False)
    retention_months = models.PositiveSmallIntegerField(
        _("keep registrations for (months)"),
        default=12,
        help_text=_("Months after the end; then each registration is reduced to the counts below."),
    )
    # What remains of registrations reduced to counts (retention or erasure on request).
    retained_confirmed = models.PositiveIntegerField(_("earlier confirmed registrations"), default=0)
    retained_attended = models.PositiveIntegerField(_("earlier attendees"), default=0)
    # Kept in step by enrolment.services on every attendance change; the activity report sums it.
    attended_count = models.PositiveIntegerField(_("attended"), default=0, editable=False)

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(training__isnull=False, event__isnull=True) | Q(training__isnull=True, event__isnull=False),
                name="enrolment_for_training_or_event",
                violation_error_message=_("Choose either a training or an event."),
            ),
        ]

    def __str__(self):
        return str(self.activity)

    @property
    def activity(self):
        return self.training if self.training_id else self.event

    def ends_on(self):
        """The last day of the training or event (local date)."""
        if self.training_id:
            return self.training.end_date or self.training.start_date
        return timezone.localdate(self.event.ends_at)

    def has_started(self, now=None):
        now = now or timezone.now()
        if self.training_id:
            return timezone.localdate(now) >= self.training.start_date
        return now >= self.event.starts_at

    def accepts_registrations(self, now=None):
        now = now or timezone.now()
        if not self.is_open or self.has_started(now):
            return False
        return self.deadline is None or now <= self.deadline


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for email confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("training or event")
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"), max_length=254)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.ARABIC)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    age_group = models.CharField(_("children's age group"), max_length=10, choices=AgeGroup.choices, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attended = models.BooleanField(_("attended"), default=False)
    requested_at = models.DateTimeField(_("asked"), default=timezone.now)
    # When the address was confirmed: the waiting list moves up in this order.
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # The secret inside every link of this registration's emails; the address never is.
    link_key = models.CharField(_("link key"), max_length=64, unique=True, default=new_link_key, editable=False)

    class Meta:
        ordering = ["enrolment", "confirmed_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["enrolment", "status", "confirmed_at"], name="registration_by_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "email"],
                condition=~Q(status="cancelled"),
                name="enrolment_one_registration_per_address",
            ),
            models.CheckConstraint(
                condition=Q(email=Lower("email")),
                name="enrolment_registration_email_lowercase",
                violation_error_message=_("Email addresses are stored in lower case."),
            ),
            models.CheckConstraint(
                condition=Q(attended=False) | Q(status="confirmed"),
                name="enrolment_only_confirmed_attend",
                violation_error_message=_("Only a confirmed registration can be marked as attended."),
            ),
        ]

    def __str__(self):
        return self.name


class StaffMessage(models.Model):
    """An email from staff to the confirmed registrations or the attendees of one training or event.

    Sending records one `StaffMessageDelivery` per person before the email goes out, in the same
    transaction: an interrupted sending is resumed by sending again, and nobody gets it twice.
    """

    class Audience(models.TextChoices):
        CONFIRMED = "confirmed", _("Everyone confirmed")
        ATTENDED = "attended", _("Those who attended")

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="messages", verbose_name=_("training or event")
    )
    audience = models.CharField(_("send to"), max_length=10, choices=Audience.choices, default=Audience.CONFIRMED)
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("text"), max_length=5000)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    finished_at = models.DateTimeField(_("sent to everyone"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")

    def __str__(self):
        return self.subject


class StaffMessageDelivery(models.Model):
    message = models.ForeignKey(StaffMessage, on_delete=models.CASCADE, related_name="deliveries")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="message_deliveries")
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message delivery")
        verbose_name_plural = _("message deliveries")
        constraints = [
            models.UniqueConstraint(fields=["message", "registration"], name="enrolment_one_delivery_per_message"),
        ]

    def __str__(self):
        return f"{self.message} → {self.registration}"
