from modeltranslation.translator import TranslationOptions, register

from content.models import Topic

# The translated fields of the publishable base; each section adds its own.
PUBLISHABLE_FIELDS = ("title", "summary", "body", "cover_alt")


class PublishableTranslationOptions(TranslationOptions):
    fields = PUBLISHABLE_FIELDS
    required_languages = {"ar": ("title",)}
    fallback_undefined = ""


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"ar": ("name",)}
