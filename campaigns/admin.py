from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaigns.models import (
    Campaign,
    CampaignPartner,
    CampaignTarget,
    CampaignUpdate,
    Organization,
    OrganizationRole,
    Submission,
)
from editorial.admin import PublishableAdmin, SlugFromNameForm, TranslatedAdmin, TranslatedInline
from editorial.admin_protected import ProtectedItemsAdminMixin


class CampaignUpdateInline(TranslatedInline):
    model = CampaignUpdate
    fields = ("date", "kind", "text")


class CampaignTargetInline(admin.TabularInline):
    model = CampaignTarget
    extra = 0
    autocomplete_fields = ("organization",)


class CampaignPartnerInline(CampaignTargetInline):
    model = CampaignPartner


@admin.register(Campaign)
class CampaignAdmin(PublishableAdmin):
    list_display = ("title", "scope", "start_date", "end_date", "status", "publish_at", "is_public_now", "featured")
    list_filter = ("status", "scope", "featured", "topics", "targets")
    date_hierarchy = "start_date"
    filter_horizontal = ("related_publications",)
    inlines = [CampaignTargetInline, CampaignPartnerInline, CampaignUpdateInline]
    fieldsets = (
        *PublishableAdmin.common_fieldsets,
        (_("Campaign"), {"fields": ("scope", "start_date", "end_date", "hashtag", "cta_label", "cta_url")}),
        (_("Related items"), {"fields": ("related_publications",), "classes": ("collapse",)}),
        PublishableAdmin.history_fieldset,
    )


class OrganizationRoleInline(admin.TabularInline):
    model = OrganizationRole
    extra = 0
    max_num = len(OrganizationRole.Role)


@admin.register(Organization)
class OrganizationAdmin(ProtectedItemsAdminMixin, TranslatedAdmin):
    list_display = ("name", "kind", "role_list", "order", "slug", "website")
    list_filter = ("kind", "roles__role")
    list_editable = ("order",)
    search_fields = ("name_ar", "name_en", "name_he", "slug")
    form = SlugFromNameForm
    fields = ("name", "slug", "kind", "website", "logo", "order")
    inlines = [OrganizationRoleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roles")

    @admin.display(description=_("relationships"))
    def role_list(self, obj):
        return ", ".join(str(role.get_role_display()) for role in obj.roles.all())


@admin.register(Submission)
class SubmissionAdmin(TranslatedAdmin):
    list_display = ("title", "kind", "recipient", "submitted_on", "joint", "status")
    list_filter = ("status", "kind", "joint", "recipient")
    date_hierarchy = "submitted_on"
    search_fields = ("title_ar", "title_en", "title_he")
    autocomplete_fields = ("campaign",)
    fields = ("title", "kind", "recipient", "submitted_on", "joint", "url", "campaign", "status")
