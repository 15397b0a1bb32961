from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assignment(models.Model):
    """An author an editor has given a content item to: they may change it while it is a draft, whoever
    created it. Any publishable model (publications, articles, campaigns, trainings, events, pages)
    without a field of its own; written by `editorial.services.set_assignments` only."""

    content_type = models.ForeignKey(ContentType, verbose_name=_("content type"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("item"))
    item = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "user"], name="assignment_once_per_author")
        ]
        indexes = [models.Index(fields=["user", "content_type"], name="assignment_of_user")]

    def __str__(self):
        return str(self.user)
