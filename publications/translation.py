from modeltranslation.translator import TranslationOptions, register

from content.translation import PUBLISHABLE_FIELDS, PublishableTranslationOptions
from publications.models import Article, Publication, Series


@register(Publication)
class PublicationTranslationOptions(PublishableTranslationOptions):
    fields = (*PUBLISHABLE_FIELDS, "authors", "edition")


@register(Article)
class ArticleTranslationOptions(PublishableTranslationOptions):
    fields = PUBLISHABLE_FIELDS


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"ar": ("name",)}
