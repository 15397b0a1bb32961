"""When each language of an item was last edited: stamped on save, read by the translation board.

`Publishable.from_db` remembers the translated values as loaded; `Publishable.save` compares them and stamps
`translation_edited_at` for each language an edit touched.
"""

import functools

from django.conf import settings
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def translated_fields(model):
    """The translated field names of a model, in the model's field order (`title`, `summary`…)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return [field.name for field in model._meta.fields if field.name in options.fields]


@functools.cache
def translated_columns(model, language):
    """Memoised: it runs for every instance loaded from the database (`Publishable.from_db`)."""
    return tuple(build_localized_fieldname(field, language) for field in translated_fields(model))


def _normalised(value):
    return value or ""


def remember_translations(instance):
    """Keep the translated values as loaded, to see later which languages an edit touched."""
    values = instance.__dict__
    model = type(instance)
    instance._translations_loaded = {
        column: values[column] or ""
        for language in language_codes()
        for column in translated_columns(model, language)
        if column in values
    }


def stamp_translations(instance, now=None):
    """Record, per language, when its translated columns last changed. Returns whether any did."""
    now = now or timezone.now()
    loaded = getattr(instance, "_translations_loaded", None)
    adding = instance._state.adding or instance.pk is None
    stamps = dict(instance.translation_edited_at or {})
    changed = False
    for language in language_codes():
        for column in translated_columns(type(instance), language):
            if column not in instance.__dict__:
                continue
            value = _normalised(instance.__dict__[column])
            if adding:
                touched = bool(value)
            elif loaded is None or column not in loaded:
                touched = False  # built by hand with a primary key: nothing to compare with
            else:
                touched = value != loaded[column]
            if touched:
                stamps[language] = now.isoformat()
                changed = True
                break
    if changed:
        instance.translation_edited_at = stamps
    remember_translations(instance)
    return changed
