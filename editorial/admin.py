import json

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import widgets
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_prose_editor.widgets import AdminProseEditorWidget
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from reversion_compare.admin import CompareVersionAdmin

from content.models import Status, Topic
from editorial import admin_users  # noqa: F401 - registers the staff account and role admin
from editorial.admin_protected import ProtectedItemsAdminMixin
from editorial.admin_workflow import WorkflowAdminMixin
from editorial.slugs import free_variant, slug_from_titles
from search.admin_mixins import SearchIndexAdminMixin

admin.site.site_header = _("Hamleh administration")
admin.site.site_title = _("Hamleh")
admin.site.index_title = _("Content")

# Staff manage their second factor on their own pages (editorial.admin_two_factor), and administrators
# reset a colleague's there: django-otp's raw device lists (secret keys, device internals) are not shown.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)

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


# The rich-text editor's menu names blocks and buttons in English only; these are shown in the
# staff's language instead (editorial/static/hamleh/admin_editing.js replaces them by their English text).
PROSE_EDITOR_LABELS = {
    "Paragraph": pgettext_lazy("text block", "Paragraph"),
    "paragraph": pgettext_lazy("text block", "Paragraph"),
    "Heading 2": _("Heading 2"),
    "Heading 3": _("Heading 3"),
    "Heading 4": _("Heading 4"),
    "heading 2": _("Heading 2"),
    "heading 3": _("Heading 3"),
    "heading 4": _("Heading 4"),
    "Block style": _("Block style"),
    "bold": _("Bold"),
    "italic": _("Italic"),
    "underline": _("Underline"),
    "strike": _("Strikethrough"),
    "subscript": _("Subscript"),
    "superscript": _("Superscript"),
    "unordered list": _("Bulleted list"),
    "ordered list": _("Numbered list"),
    "blockquote": _("Quotation"),
    "horizontal rule": _("Horizontal line"),
    "insert link": _("Insert a link"),
    "remove link": _("Remove the link"),
    "Insert table": _("Insert a table"),
    "undo": _("Undo"),
    "redo": _("Redo"),
    "Update": _("Update"),
    "Cancel": _("Cancel"),
    "URL": _("Address (URL)"),
    "Title": _("Title"),
    "Rows": _("Rows"),
    "Columns": _("Columns"),
    "Include header row": _("Include a header row"),
    "Table Properties": _("Table"),
    "Yes": _("Yes"),
    "No": _("No"),
    "Link": _("Link"),
    "Add column": _("Add a column"),
    "Add row": _("Add a row"),
    "Delete column": _("Delete the column"),
    "Delete row": _("Delete the row"),
    "Delete table": _("Delete the table"),
    "Merge cells": _("Merge the cells"),
    "Split cell": _("Split the cell"),
    "Toggle header cell": _("Header cell or not"),
    "Toggle header row": _("Header row or not"),
    "Toggle header column": _("Header column or not"),
    "List properties": _("List"),
    "Start at": _("Start at"),
    "List type": _("Numbering"),
    "Insert Table": _("Insert a table"),
}


class ProseEditorWidget(AdminProseEditorWidget):
    """The rich-text editor, told its menu's labels in the staff's language (as a data attribute)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = {english: str(label) for english, label in PROSE_EDITOR_LABELS.items()}
        context["widget"]["attrs"]["data-hamleh-labels"] = json.dumps(labels, ensure_ascii=False)
        return context


class SlugFromTitleFormMixin:
    """An empty slug is made from the title that is filled (English, else Arabic, else Hebrew), and a
    slug another item already uses is refused with a message that suggests a free one."""

    slug_source = "title"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Latin letters, digits and hyphens; part of the address of the page. "
                "Left empty, it is made from the title when you save."
            )

    def clean(self):
        cleaned_data = super().clean()
        if "slug" not in self.fields:
            return cleaned_data
        max_length = self._meta.model._meta.get_field("slug").max_length
        slug = cleaned_data.get("slug")
        if not slug and "slug" not in self.errors:
            titles = {code: cleaned_data.get(f"{self.slug_source}_{code}") for code, _name in settings.LANGUAGES}
            slug = slug_from_titles(titles, max_length)
            if not slug:
                self.add_error("slug", gettext("Type a slug: the title has no letters to make one from."))
                return cleaned_data
            cleaned_data["slug"] = slug
        if slug and self._slug_taken(slug):
            self.add_error(
                "slug",
                gettext("Another item already has the address “%(slug)s”. Type another slug, for example “%(free)s”.")
                % {"slug": slug, "free": free_variant(self._meta.model, slug, max_length, self.instance.pk)},
            )
        return cleaned_data

    def _slug_taken(self, slug):
        return self._meta.model._default_manager.exclude(pk=self.instance.pk).filter(slug=slug).exists()


class SlugFromTitleForm(SlugFromTitleFormMixin, forms.ModelForm):
    pass


class SlugFromNameForm(SlugFromTitleFormMixin, forms.ModelForm):
    slug_source = "name"


class LabelledSplitDateTime(widgets.AdminSplitDateTime):
    """The admin's date and time inputs, each with its own <label>."""

    template_name = "editorial/widgets/labelled_split_datetime.html"


class TranslatedInputsMixin:
    """Each translated input is written in its own direction whatever the admin's language,
    and rich-text columns get the WYSIWYG editor."""

    # An address typed without a scheme ("example.org") is taken as https, as browsers do.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        js = ("hamleh/admin-a11y.js", "hamleh/admin_editing.js")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        base, language = language_of_column(db_field.name)
        if base in RICH_TEXT_FIELDS:
            kwargs["widget"] = ProseEditorWidget(config=PROSE_EDITOR_CONFIG, preset="configurable")
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
    form = SlugFromTitleForm
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
    form = SlugFromNameForm
