from modeltranslation.translator import TranslationOptions, register

from identity.models import Office, SiteIdentity, SocialLink


@register(SiteIdentity)
class SiteIdentityTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "tagline")
    required_languages = {"ar": ("name",)}
    fallback_undefined = ""


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name", "address")
    required_languages = {"ar": ("name", "address")}
    fallback_undefined = ""


@register(SocialLink)
class SocialLinkTranslationOptions(TranslationOptions):
    fields = ("label",)
    fallback_undefined = ""
