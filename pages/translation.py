from modeltranslation.translator import TranslationOptions, register

from content.translation import PUBLISHABLE_FIELDS, PublishableTranslationOptions
from pages.models import Page, TeamMember


@register(Page)
class PageTranslationOptions(PublishableTranslationOptions):
    fields = (*PUBLISHABLE_FIELDS, "seo_description")


@register(TeamMember)
class TeamMemberTranslationOptions(TranslationOptions):
    fields = ("name", "role", "bio")
    required_languages = {"ar": ("name", "role", "bio")}
    fallback_undefined = ""
