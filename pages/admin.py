from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial.admin import PublishableAdmin, SlugFromTitleForm, TranslatedAdmin
from pages.models import MenuItem, Page, TeamMember
from search.admin_mixins import SearchIndexAdminMixin


class PageForm(SlugFromTitleForm):
    def _slug_taken(self, slug):
        # A slug is unique among the pages under the same parent (or at the top level).
        parent = self.cleaned_data.get("parent")
        return Page.objects.exclude(pk=self.instance.pk).filter(slug=slug, parent=parent).exists()


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    """Drafts, scheduling, preview, locking and history like every other content (PublishableAdmin);
    pages have no topics and are not in the site search."""

    form = PageForm
    list_display = ("title", "address", "kind", "order", "status", "publish_at", "is_public_now")
    list_filter = ("status", "kind", ("parent", admin.EmptyFieldListFilter))
    list_select_related = ("parent",)
    ordering = ("parent__order", "parent__pk", "order", "pk")
    date_hierarchy = None
    fieldsets = (
        (_("Publishing"), {"fields": ("status", "publish_at", "slug", "parent", "order", "kind")}),
        (_("Text"), {"fields": ("title", "summary", "body", "seo_description")}),
        (_("Cover image"), {"fields": ("cover_image", "cover_alt"), "classes": ("collapse",)}),
        PublishableAdmin.history_fieldset,
    )

    def __init__(self, model, admin_site):
        # PublishableAdmin adds a topics inline: pages have none.
        super(PublishableAdmin, self).__init__(model, admin_site)

    @admin.display(description=_("address"))
    def address(self, obj):
        return f"/{obj.parent.slug}/{obj.slug}/" if obj.parent_id else f"/{obj.slug}/"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Two levels: a parent is a top-level page, never the page itself.
            parents = Page.objects.filter(parent__isnull=True)
            object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            if object_id and str(object_id).isdigit():
                parents = parents.exclude(pk=object_id)
            kwargs["queryset"] = parents
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Pages are not in the site search: the change list searches titles and slugs only.
    def get_search_results(self, request, queryset, search_term):
        return super(SearchIndexAdminMixin, self).get_search_results(request, queryset, search_term)

    def save_related(self, request, form, formsets, change):
        super(SearchIndexAdminMixin, self).save_related(request, form, formsets, change)


@admin.register(TeamMember)
class TeamMemberAdmin(TranslatedAdmin):
    list_display = ("name", "role", "group", "order", "has_photo")
    list_display_links = ("name",)
    list_editable = ("order",)
    list_filter = ("group",)
    ordering = ("group", "order", "pk")
    search_fields = ("name_ar", "name_en", "name_he", "role_ar", "role_en", "role_he")
    fields = ("name", "role", "group", "order", "bio", "photo", "email")

    @admin.display(boolean=True, description=_("photo"))
    def has_photo(self, obj):
        return bool(obj.photo)


@admin.register(MenuItem)
class MenuItemAdmin(admin.ModelAdmin):
    list_display = ("__str__", "location", "language", "page", "order", "label")
    list_display_links = ("__str__",)
    list_editable = ("order", "label")
    list_filter = ("location", "language")
    list_select_related = ("page", "page__parent")
    ordering = ("location", "language", "order", "pk")
    autocomplete_fields = ()
    fields = ("location", "language", "page", "label", "order")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "page":
            kwargs["queryset"] = Page.objects.select_related("parent")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "page":
            field.label_from_instance = page_choice_label
        return field


def page_choice_label(page):
    address = f"/{page.parent.slug}/{page.slug}/" if page.parent_id else f"/{page.slug}/"
    return gettext("%(title)s (%(address)s)") % {"title": page.title, "address": address}
