from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import (
    Publishable,
    PublishableQuerySet,
    TopicLink,
    constraint_end_not_before_start,
    constraint_web_url,
)


class Training(Publishable):
    SECTION = "trainings"
    PERIOD = ("start_date", "end_date")

    class Format(models.TextChoices):
        E_COURSE = "e_course", _("E-course")
        WORKSHOP = "workshop", _("Workshop")
        STUDY_DAY = "study_day", _("Study day")
        WEBINAR = "webinar", _("Webinar")

    class Audience(models.TextChoices):
        ACTIVISTS = "activists", _("Activists")
        CIVIL_SOCIETY = "civil_society", _("Civil-society staff")
        STUDENTS = "students", _("Students")
        YOUTH = "youth", _("Young people and children")
        PARENTS = "parents", _("Parents")
        JOURNALISTS = "journalists", _("Journalists")

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.WORKSHOP)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.ACTIVISTS)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    location = models.CharField(_("location"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    participants_count = models.PositiveIntegerField(_("participants"), default=0)
    registration_url = models.URLField(_("registration address"), blank=True)
    topics = models.ManyToManyField(
        "content.Topic", through="TrainingTopic", verbose_name=_("topics"), blank=True, related_name="trainings"
    )

    class Meta(Publishable.Meta):
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-start_date", "-pk"]
        indexes = [
            *Publishable.Meta.indexes,
            # By date, and the activity report's sums by format and audience from the index alone.
            models.Index(
                fields=["start_date", "format", "audience", "status", "publish_at", "participants_count", "id"],
                name="training_by_date",
            ),
        ]
        constraints = [
            constraint_end_not_before_start("start_date", "end_date", "training_end_not_before_start"),
            models.CheckConstraint(
                condition=models.Q(participants_count__gte=0),
                name="training_participants_not_negative",
                violation_error_message=_("The number of participants cannot be negative."),
            ),
            constraint_web_url("registration_url", "training_registration_url_is_web_url"),
        ]


class TrainingTopic(TopicLink):
    training = models.ForeignKey(Training, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["training", "topic"], name="training_topic_unique")]
        indexes = [models.Index(fields=["topic", "training"], name="training_by_topic")]


class EventQuerySet(PublishableQuerySet):
    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now())

    def past(self):
        return self.filter(ends_at__lt=timezone.now())


class Event(Publishable):
    SECTION = "events"
    PERIOD = ("starts_at", "ends_at")

    class Kind(models.TextChoices):
        FORUM = "forum", _("Forum")
        CONFERENCE = "conference", _("Conference")
        PANEL = "panel", _("Panel or talk")
        WEBINAR = "webinar", _("Webinar")

    class Role(models.TextChoices):
        ORGANISED = "organised", _("Organised by us")
        PARTICIPATED = "participated", _("We took part")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PANEL)
    role = models.CharField(_("our role"), max_length=20, choices=Role.choices, default=Role.PARTICIPATED)
    edition = models.PositiveSmallIntegerField(_("edition number"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), db_index=True)
    speakers = models.CharField(_("speakers"), max_length=500, blank=True)
    registration_url = models.URLField(_("registration address"), blank=True)
    recording_url = models.URLField(_("recording address"), blank=True)
    topics = models.ManyToManyField(
        "content.Topic", through="EventTopic", verbose_name=_("topics"), blank=True, related_name="events"
    )

    objects = EventQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-pk"]
        indexes = [
            *Publishable.Meta.indexes,
            # By date, and the activity report's counts by role from the index alone.
            models.Index(fields=["starts_at", "role", "status", "publish_at", "id"], name="event_by_date"),
        ]
        constraints = [
            constraint_end_not_before_start("starts_at", "ends_at", "event_end_not_before_start"),
            constraint_web_url("registration_url", "event_registration_url_is_web_url"),
            constraint_web_url("recording_url", "event_recording_url_is_web_url"),
        ]


class EventTopic(TopicLink):
    event = models.ForeignKey(Event, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "topic"], name="event_topic_unique")]
        indexes = [models.Index(fields=["topic", "event"], name="event_by_topic")]
