from django.contrib import admin
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from editorial.admin import PublishableAdmin, SlugFromNameForm, TranslatedAdmin
from editorial.admin_protected import ProtectedItemsAdminMixin
from publications.models import Article, Publication, PublicationFile, Series


class PublicationFileInline(admin.TabularInline):
    model = PublicationFile
    extra = 0
    max_num = 3
    fields = ("language", "file", "size_bytes", "page_count", "download_count")
    readonly_fields = ("size_bytes", "page_count", "download_count")


@admin.register(Publication)
class PublicationAdmin(PublishableAdmin):
    list_display = (
        "title",
        "kind",
        "published_on",
        "series",
        "status",
        "publish_at",
        "is_public_now",
        "featured",
        "downloads",
    )
    list_filter = ("status", "kind", "series", "featured", "topics")
    date_hierarchy = "published_on"
    list_select_related = ("series",)
    inlines = [PublicationFileInline]
    fieldsets = (
        *PublishableAdmin.common_fieldsets,
        (_("Publication"), {"fields": ("kind", "published_on", "authors", "series", "edition")}),
        PublishableAdmin.history_fieldset,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(total_downloads=Sum("files__download_count"))

    @admin.display(description=_("downloads"), ordering="total_downloads")
    def downloads(self, obj):
        return obj.total_downloads or 0


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    list_display = ("title", "kind", "status", "publish_at", "is_public_now", "featured")
    list_filter = ("status", "kind", "featured", "topics")
    filter_horizontal = ("related_publications", "related_campaigns", "related_trainings", "related_events")
    fieldsets = (
        *PublishableAdmin.common_fieldsets,
        (_("Article"), {"fields": ("kind",)}),
        (
            _("Related items"),
            {
                "fields": ("related_publications", "related_campaigns", "related_trainings", "related_events"),
                "classes": ("collapse",),
            },
        ),
        PublishableAdmin.history_fieldset,
    )


@admin.register(Series)
class SeriesAdmin(ProtectedItemsAdminMixin, TranslatedAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_ar", "name_en", "name_he", "slug")
    form = SlugFromNameForm
