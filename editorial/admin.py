from django.conf import settings
from django.contrib import admin
from django.contrib.admin import widgets
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from reversion_compare.admin import CompareVersionAdmin

from content.models import Status, Topic
from editorial.admin_protected import ProtectedItemsAdminMixin
from editorial.admin_workflow import WorkflowAdminMixin
from search.admin_mixins import SearchIndexAdminMixin

admin.site.site_header = _("Hamleh administration")
admin.site.site_title = _("Hamleh")
admin.site.index_title = _("Content")

RIGHT_TO_LEFT_LANGUAGES = {"ar", "he"}
RICH_TEXT_FIELDS = {"body"}
# What the editor offers is exactly what content.sanitize keeps.
PROSE_EDITOR_CONFIG = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Underline": True,
        "Strike": True,
        "Subscript": True,
        "Superscript": True,
        "Heading": {"levels": [2, 3, 4]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "HorizontalRule": True,
        "Link": {"enableTarget": False},
        "Table": True,
        "TableRow": True,
        "TableHeader": True,
        "TableCell": True,
        "History": True,
    }
}


def language_of_column(name):
    """`title_he` → `he`; None for a column that is not a translation."""
    base, _sep, suffix = name.rpartition("_")
    if base and suffix in {code for code, _label in settings.LANGUAGES}:
        return base, suffix
    return None, None


class LabelledSplitDateTime(widgets.AdminSplitDateTime):
    """The admin's date and time inputs, each with its own <label>."""

    template_name = "editorial/widgets/labelled_split_datetime.html"


class TranslatedInputsMixin:
    """Each translated input is written in its own direction whatever the admin's language,
    and rich-text columns get the WYSIWYG editor."""

    # An address typed without a scheme ("example.org") is taken as https, as browsers do.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        js = ("hamleh/admin-a11y.js",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        base, language = language_of_column(db_field.name)
        if base in RICH_TEXT_FIELDS:
            kwargs["widget"] = AdminProseEditorWidget(config=PROSE_EDITOR_CONFIG, preset="configurable")
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and language:
            field.widget.attrs["dir"] = "rtl" if language in RIGHT_TO_LEFT_LANGUAGES else "ltr"
            field.widget.attrs["lang"] = language
        return field


class TranslatedAdmin(TranslatedInputsMixin, TabbedTranslationAdmin):
    pass


class TranslatedInline(TranslatedInputsMixin, TranslationTabularInline):
    extra = 0


class TopicInline(admin.TabularInline):
    extra = 0
    autocomplete_fields = ("topic",)
    verbose_name = _("topic")
    verbose_name_plural = _("topics")


def topic_inline(content_model):
    """The inline that ties `content_model` to its topics through its PROTECTed link table."""
    return type(f"{content_model.__name__}TopicInline", (TopicInline,), {"model": content_model.topics.through})


class PublishableAdmin(
    SearchIndexAdminMixin, WorkflowAdminMixin, TranslatedInputsMixin, CompareVersionAdmin, TabbedTranslationAdmin
):
    """The shared change list and form of every public content type: normalised search (search.admin_mixins),
    roles, preview and locking (editorial.admin_workflow), history through django-reversion with its compare view."""

    formfield_overrides = {
        **TranslatedInputsMixin.formfield_overrides,
        models.DateTimeField: {"widget": LabelledSplitDateTime},
    }
    list_display = ("title", "status", "publish_at", "is_public_now", "featured")
    list_filter = ("status", "featured", "topics")
    search_fields = ("title_ar", "title_en", "title_he", "slug")
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ("title_en",)}
    list_select_related = True
    readonly_fields = ("created_at", "updated_at", "created_by", "updated_by")
    save_on_top = True
    actions = ["publish_selected", "unpublish_selected"]
    common_fieldsets = (
        (_("Publishing"), {"fields": ("status", "publish_at", "featured", "slug")}),
        (_("Text"), {"fields": ("title", "summary", "body")}),
        (_("Cover image"), {"fields": ("cover_image", "cover_alt"), "classes": ("collapse",)}),
    )
    history_fieldset = (_("History"), {"fields": readonly_fields, "classes": ("collapse",)})

    def __init__(self, model, admin_site):
        # The topics inline is in `inlines` from the start so that django-reversion follows
        # it: an item recovered after deletion comes back with its topics.
        self.inlines = [topic_inline(model), *self.inlines]
        super().__init__(model, admin_site)

    @admin.display(boolean=True, description=_("public now"))
    def is_public_now(self, obj):
        return obj.is_published

    def delete_queryset(self, request, queryset):
        # One by one, so each item's delete() removes its files after the commit, leaves the
        # search index and expires the cached pages.
        for item in queryset:
            item.delete()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        for item in queryset:
            item.status = Status.PUBLISHED
            item.updated_by = request.user
            item.save()

    @admin.action(description=_("Return the selected items to draft"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        for item in queryset:
            item.status = Status.DRAFT
            item.updated_by = request.user
            item.save()


@admin.register(Topic)
class TopicAdmin(ProtectedItemsAdminMixin, TranslatedAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_ar", "name_en", "name_he", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
