from modeltranslation.translator import register

from content.translation import PUBLISHABLE_FIELDS, PublishableTranslationOptions
from trainings.models import Event, Training


@register(Training)
class TrainingTranslationOptions(PublishableTranslationOptions):
    fields = (*PUBLISHABLE_FIELDS, "location")


@register(Event)
class EventTranslationOptions(PublishableTranslationOptions):
    fields = (*PUBLISHABLE_FIELDS, "venue", "speakers")
