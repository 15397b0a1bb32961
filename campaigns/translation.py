from modeltranslation.translator import TranslationOptions, register

from campaigns.models import Campaign, CampaignUpdate, Organization, Submission
from content.translation import PUBLISHABLE_FIELDS, PublishableTranslationOptions


@register(Campaign)
class CampaignTranslationOptions(PublishableTranslationOptions):
    fields = (*PUBLISHABLE_FIELDS, "cta_label")


@register(CampaignUpdate)
class CampaignUpdateTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = {"ar": ("text",)}


@register(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ar": ("name",)}


@register(Submission)
class SubmissionTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"ar": ("title",)}
