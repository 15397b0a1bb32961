from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.admin import PublishableAdmin
from trainings.models import Event, Training


@admin.register(Training)
class TrainingAdmin(PublishableAdmin):
    list_display = (
        "title",
        "format",
        "audience",
        "mode",
        "start_date",
        "participants_count",
        "status",
        "is_public_now",
    )
    list_filter = ("status", "format", "audience", "mode", "featured", "topics")
    date_hierarchy = "start_date"
    fieldsets = (
        *PublishableAdmin.common_fieldsets,
        (
            _("Training"),
            {
                "fields": (
                    "format",
                    "audience",
                    "mode",
                    "location",
                    "start_date",
                    "end_date",
                    "participants_count",
                    "registration_url",
                )
            },
        ),
        PublishableAdmin.history_fieldset,
    )


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = ("title", "kind", "role", "edition", "starts_at", "status", "is_public_now", "featured")
    list_filter = ("status", "kind", "role", "is_online", "featured", "topics")
    date_hierarchy = "starts_at"
    fieldsets = (
        *PublishableAdmin.common_fieldsets,
        (
            _("Event"),
            {
                "fields": (
                    "kind",
                    "role",
                    "edition",
                    "starts_at",
                    "ends_at",
                    "venue",
                    "is_online",
                    "speakers",
                    "registration_url",
                    "recording_url",
                )
            },
        ),
        PublishableAdmin.history_fieldset,
    )
