"""The site identity in the admin: one form (no list, no adding a second, no deleting), with the offices and
social links as inlines and each translated field in its language's tab. Who may change it is a matter of
permissions: the Editors and Administrators roles have them (migration 0002)."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from identity.models import IDENTITY_PK, Office, SiteIdentity, SocialLink

RIGHT_TO_LEFT_LANGUAGES = {"ar", "he"}
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class DirectionalInputsMixin:
    """Each translated input is written in its own direction whatever the admin's language; an address
    typed without a scheme is taken as https, as browsers do."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        base, _sep, language = db_field.name.rpartition("_")
        if field is not None and base and language in LANGUAGE_CODES:
            field.widget.attrs["dir"] = "rtl" if language in RIGHT_TO_LEFT_LANGUAGES else "ltr"
            field.widget.attrs["lang"] = language
        elif field is not None and db_field.name in {"email", "phone", "press_email", "press_phone", "url"}:
            field.widget.attrs["dir"] = "ltr"
        return field


class OfficeInline(DirectionalInputsMixin, TranslationStackedInline):
    model = Office
    extra = 0
    fields = ("name", "address", "phone", "email", "order")


class SocialLinkInline(DirectionalInputsMixin, TranslationStackedInline):
    model = SocialLink
    extra = 0
    fields = ("network", "label", "url", "order")


@admin.register(SiteIdentity)
class SiteIdentityAdmin(DirectionalInputsMixin, TabbedTranslationAdmin):
    inlines = [OfficeInline, SocialLinkInline]

    class Media:
        # The admin's repairs of the translation tabs and language switch for screen readers (a static file
        # of the editorial app's; identity sits above it in the app order, so no Python import).
        js = ("hamleh/admin-a11y.js",)

    fieldsets = [
        (None, {"fields": ("name", "short_name", "tagline")}),
        (_("Images"), {"fields": ("logo", "favicon", "sharing_image")}),
        (_("Contact"), {"fields": ("email", "phone", "press_email", "press_phone")}),
        (_("Encrypted email"), {"fields": ("pgp_fingerprint", "pgp_key")}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """There is no list: its address shows the one identity's form (made with the defaults if missing)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        SiteIdentity.current()
        return self.change_view(request, str(IDENTITY_PK), extra_context=extra_context)
