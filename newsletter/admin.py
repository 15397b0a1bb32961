import csv
import io
import json

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from newsletter import services
from newsletter.models import DigestRun, Subscriber, SubscriberSection, Suppression


class SubscriberSectionInline(admin.TabularInline):
    model = SubscriberSection
    extra = 0
    can_delete = False
    readonly_fields = ("section",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Subscribers are added by themselves only (double opt-in); staff read, count, export and delete."""

    list_display = ("email", "language", "confirmed_at", "last_digest_at")
    list_filter = ("language", "section_choices__section", "topics", "confirmed_at")
    search_fields = ("email",)
    date_hierarchy = "confirmed_at"
    fields = ("email", "language", "topics", "confirmed_at", "last_digest_at")
    readonly_fields = fields
    inlines = [SubscriberSectionInline]
    actions = ["export_json", "export_csv", "unsubscribe_selected"]

    def has_add_permission(self, request):
        return False

    def summary(self, queryset):
        """Counts for the current filters: by language, section and topic."""
        ids = queryset.values("pk")
        by_language = dict(
            Subscriber.objects.filter(pk__in=ids).values_list("language").annotate(n=Count("pk")).order_by()
        )
        by_section = dict(
            SubscriberSection.objects.filter(subscriber__in=ids)
            .values_list("section")
            .annotate(n=Count("pk"))
            .order_by()
        )
        by_topic = (
            Subscriber.topics.through.objects.filter(subscriber__in=ids)
            .values("topic__slug")
            .annotate(n=Count("pk"))
            .order_by("-n", "topic__slug")
        )
        field = Subscriber._meta.get_field("language")
        section_field = SubscriberSection._meta.get_field("section")
        return {
            "total": sum(by_language.values()),
            "languages": [(label, by_language.get(code, 0)) for code, label in field.choices],
            "sections": [(label, by_section.get(code, 0)) for code, label in section_field.choices],
            "topics": [(row["topic__slug"], row["n"]) for row in by_topic],
        }

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context=extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            response.context_data["newsletter_summary"] = self.summary(changelist.queryset)
        return response

    @admin.action(description=_("Export the selected people's data (JSON)"), permissions=["view"])
    def export_json(self, request, queryset):
        data = [services.export_data(subscriber) for subscriber in queryset.prefetch_related("topics")]
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="newsletter-subscriber-data.json"'
        return response

    @admin.action(description=_("Export the selected people's data (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["email", "language", "sections", "topics", "confirmed_at", "last_digest_at", "digests_sent"])
        for subscriber in queryset.prefetch_related("topics"):
            data = services.export_data(subscriber)
            writer.writerow(
                [
                    data["email"],
                    data["language"],
                    " ".join(data["sections"]),
                    " ".join(data["topics"]),
                    data["confirmed_at"],
                    data["last_digest_at"],
                    len(data["digests_sent"]),
                ]
            )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="newsletter-subscriber-data.csv"'
        return response

    @admin.action(description=_("Unsubscribe the selected people"), permissions=["delete"])
    def unsubscribe_selected(self, request, queryset):
        count = 0
        for subscriber in queryset:
            services.unsubscribe(subscriber)
            count += 1
        self.message_user(request, _("%(count)d unsubscribed.") % {"count": count}, messages.SUCCESS)


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "created_at")
    readonly_fields = ("address_hash", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DigestRun)
class DigestRunAdmin(admin.ModelAdmin):
    list_display = ("cutoff", "started_at", "finished_at", "is_open", "sent_count")
    readonly_fields = ("cutoff", "started_at", "finished_at", "is_open", "sent_count")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
