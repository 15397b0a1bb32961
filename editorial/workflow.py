"""Editorial workflow rules shared by the admin and the models.

- who may publish (the `publish_<model>` permission) and who may change an item (its author, while a
  draft, or those an editor assigned it to),
- optimistic locking (a token that changes on every save),
- per-language "last edited" stamps and the translation status they give,
- what goes public in the next days.

Nothing here runs from a signal: the model's save and the admin call these.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import BooleanField, Case, FileField, Value, When
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from content.models import Status
from content.translation_stamps import language_codes, translated_columns, translated_fields
from editorial.models import Assignment

SOURCE_LANGUAGE = "ar"
UPCOMING_DAYS = 7
# The site's time zone as staff name it (the tz database's names are English).
TIME_ZONE_NAMES = {"Asia/Jerusalem": _("Jerusalem"), "UTC": _("UTC")}


def time_zone_name():
    return TIME_ZONE_NAMES.get(settings.TIME_ZONE, settings.TIME_ZONE)


# Roles -----------------------------------------------------------------------


def publish_permission(model):
    """`publications.publish_publication`: publishing, scheduling and unpublishing."""
    opts = model._meta
    return f"{opts.app_label}.{get_permission_codename('publish', opts)}"


def can_publish(user, model):
    return user.has_perm(publish_permission(model))


def is_assigned(user, item):
    return Assignment.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk, user_id=user.pk
    ).exists()


def may_change(user, item):
    """Whether `user` may change `item` (with the model's change permission, checked apart).

    Those who may publish it (editors, administrators) change any item. Others (authors) change only a
    draft: one they created, or one an editor assigned them to (`editorial.Assignment`). What is public
    or scheduled shows on the site, so it is for editors only. One query at most, for the assignment.
    """
    if can_publish(user, type(item)) or item.pk is None:
        return True
    if item.status != Status.DRAFT:
        return False
    created_by = getattr(item, "created_by_id", None)
    return (created_by is not None and created_by == user.pk) or is_assigned(user, item)


# Translations -----------------------------------------------------------------


class TranslationState:
    COMPLETE = "complete"
    MISSING = "missing"
    STALE = "stale"

    LABELS = {COMPLETE: _("complete"), MISSING: _("missing"), STALE: _("stale")}


def filled_annotations(model):
    """`filled_title_en` = whether that column holds text, computed in the database
    (the board never loads whole bodies)."""
    annotations = {}
    for language in language_codes():
        for column in translated_columns(model, language):
            annotations[f"filled_{column}"] = Case(
                When(**{f"{column}__gt": ""}, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
    return annotations


def _parse(stamp):
    if not stamp:
        return None
    try:
        return datetime.datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None


def translation_state(model, filled, edited_at, language):
    """The state of one language of one item, and the translated fields it lacks.

    `filled` maps a column (`title_en`) to whether it holds text; `edited_at` is the
    item's `translation_edited_at`. A translation is missing while a field written
    in Arabic is empty in it; stale when Arabic was edited after it; else complete.
    """
    fields = translated_fields(model)
    if language == SOURCE_LANGUAGE:
        lacking = [field for field in fields[:1] if not filled.get(build_localized_fieldname(field, language))]
        return (TranslationState.MISSING if lacking else TranslationState.COMPLETE), lacking
    needed = [field for field in fields if filled.get(build_localized_fieldname(field, SOURCE_LANGUAGE))]
    lacking = [field for field in needed if not filled.get(build_localized_fieldname(field, language))]
    if lacking:
        return TranslationState.MISSING, lacking
    source_time = _parse((edited_at or {}).get(SOURCE_LANGUAGE))
    own_time = _parse((edited_at or {}).get(language))
    if source_time and (own_time is None or source_time > own_time):
        return TranslationState.STALE, []
    return TranslationState.COMPLETE, []


# Optimistic locking ----------------------------------------------------------


class EditConflict(Exception):
    """Someone else saved the item after this form was opened."""


def claim_version(model, pk, expected_token):
    """Compare-and-set in one UPDATE … WHERE version_token = expected: of two
    simultaneous saves that opened the same version, exactly one wins."""
    updated = model._default_manager.filter(pk=pk, version_token=expected_token).update(version_token=uuid.uuid4())
    return updated == 1


def _display(value):
    if value is None or value == "":
        return "—"
    if hasattr(value, "all") and callable(value.all):  # a related manager or queryset
        return ", ".join(str(item) for item in value.all()) or "—"
    if isinstance(value, list | tuple | set):
        return ", ".join(str(item) for item in value) or "—"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M %Z")
    return Truncator(strip_tags(str(value))).chars(160)


def _comparable(value):
    if hasattr(value, "all") and callable(value.all):
        return sorted(item.pk for item in value.all())
    if isinstance(value, list | tuple | set):
        return sorted(getattr(item, "pk", item) for item in value)
    if hasattr(value, "pk"):
        return value.pk
    if value is None:
        return ""
    return value


def conflicting_fields(form, current):
    """The fields whose stored value (saved by someone else) differs from this form's input:
    [(field name, label, their value, your value)]."""
    differences = []
    for name, field in form.fields.items():
        if name not in form.cleaned_data or name == LOCK_FIELD:
            continue
        try:
            model_field = current._meta.get_field(name)
        except FieldDoesNotExist:  # a form-only field has nothing stored to compare
            continue
        if isinstance(model_field, FileField):
            continue  # an upload cannot be shown side by side; its name is in the history
        theirs = getattr(current, name)
        yours = form.cleaned_data[name]
        if _comparable(theirs) != _comparable(yours):
            differences.append((name, field.label, _display(theirs), _display(yours)))
    return differences


LOCK_FIELD = "workflow_version"


# Scheduling ------------------------------------------------------------------


def upcoming(days=UPCOMING_DAYS, now=None, sections=None):
    """What goes public in the next `days` days (of `sections`, else all), soonest first: one query per section."""
    from content.sections import SECTIONS

    now = now or timezone.now()
    until = now + datetime.timedelta(days=days)
    items = []
    for section in SECTIONS if sections is None else sections:
        queryset = section.model.objects.scheduled().filter(publish_at__lte=until).order_by("publish_at")
        items.extend({"section": section, "item": item} for item in queryset)
    items.sort(key=lambda entry: entry["item"].publish_at)
    return items
