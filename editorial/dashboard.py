"""The admin's home: what a staff member acts on today, in a fixed number of queries.

Per section the person may see: their own drafts, the items an editor assigned them to, drafts by
authors waiting for an editor
(for those who can publish), what goes public in the next days, items whose translations
are missing or stale, and the half-year's figures; for everyone, the latest changes and who
made them. Every list is short and ends in a link to the page that shows all of it.
"""

import datetime

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone

from content.models import Status
from content.sections import SECTIONS
from editorial import workflow
from editorial.admin_workflow import change_url
from editorial.models import Assignment
from editorial.roles import AUTHORS

LIST_LENGTH = 8
# How many of a section's latest items are checked for translations: the board has all of them.
TRANSLATION_WINDOW = 200
TRANSLATION_LANGUAGES = ("en", "he")


def half_year_start(now):
    local = timezone.localtime(now)
    month = 1 if local.month <= 6 else 7
    return timezone.make_aware(datetime.datetime(local.year, month, 1))


def visible_sections(user):
    def can_see(model):
        opts = model._meta
        return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )

    return [section for section in SECTIONS if can_see(section.model)]


def _entry(section, item):
    return {
        "section": section,
        "title": item["title_ar"] or item["slug"],
        "when": item["updated_at"],
        "url": change_url(section.model, item["pk"]),
    }


def _drafts(section, condition):
    rows = (
        section.model.objects.filter(condition, status=Status.DRAFT)
        .order_by("-updated_at")
        .values("pk", "slug", "title_ar", "updated_at")[:LIST_LENGTH]
    )
    return [_entry(section, row) for row in rows]


def assigned_to(user, sections):
    """The items of these sections assigned to `user`, newest first: one query, and one per section
    holding any."""
    content_types = ContentType.objects.get_for_models(*(section.model for section in sections))
    by_type = {}
    for content_type_id, object_id in (
        Assignment.objects.filter(user=user, content_type__in=content_types.values())
        .order_by("-assigned_at")
        .values_list("content_type_id", "object_id")[: LIST_LENGTH * len(sections)]
    ):
        by_type.setdefault(content_type_id, []).append(object_id)
    entries = []
    for section in sections:
        ids = by_type.get(content_types[section.model].pk)
        if ids:
            rows = (
                section.model.objects.filter(pk__in=ids)
                .order_by("-updated_at")
                .values("pk", "slug", "title_ar", "updated_at")[:LIST_LENGTH]
            )
            entries.extend(_entry(section, row) for row in rows)
    return newest_first(entries)


def _translations_to_do(section):
    model = section.model
    annotations = workflow.filled_annotations(model)
    rows = (
        model.objects.annotate(**annotations)
        .order_by("-updated_at")
        .values("pk", "slug", "title_ar", "updated_at", "translation_edited_at", *annotations)[:TRANSLATION_WINDOW]
    )
    to_do = []
    for row in rows:
        filled = {name.removeprefix("filled_"): row[name] for name in annotations}
        states = {
            language: workflow.translation_state(model, filled, row["translation_edited_at"], language)[0]
            for language in TRANSLATION_LANGUAGES
        }
        pending = {language: state for language, state in states.items() if state != workflow.TranslationState.COMPLETE}
        if pending:
            entry = _entry(section, row)
            entry["states"] = [
                (language, workflow.TranslationState.LABELS[state]) for language, state in pending.items()
            ]
            to_do.append(entry)
    return to_do


def _figures(section, start, now):
    return section.model.objects.aggregate(
        published=Count("pk", filter=Q(status=Status.PUBLISHED, publish_at__gte=start, publish_at__lte=now)),
        drafts=Count("pk", filter=Q(status=Status.DRAFT)),
    )


def newest_first(entries):
    return sorted(entries, key=lambda entry: entry["when"], reverse=True)[:LIST_LENGTH]


def recent_changes(sections):
    """The latest changes to the items of these sections, with who made them."""
    of_sections = Q(pk__in=[])
    for section in sections:
        opts = section.model._meta
        of_sections |= Q(content_type__app_label=opts.app_label, content_type__model=opts.model_name)
    entries = LogEntry.objects.filter(of_sections).select_related("user", "content_type")
    return list(entries.order_by("-action_time")[:LIST_LENGTH])


def dashboard(user, now=None):
    """Everything the home page shows for `user`: about six queries per visible section, plus two."""
    now = now or timezone.now()
    start = half_year_start(now)
    sections = visible_sections(user)
    may_publish = [section for section in sections if workflow.can_publish(user, section.model)]
    authors = get_user_model().objects.filter(groups__name=AUTHORS).values("pk")
    mine, waiting, translations, figures = [], [], [], []
    for section in sections:
        mine.extend(_drafts(section, Q(created_by=user) | Q(updated_by=user)))
        if section in may_publish:
            waiting.extend(_drafts(section, Q(updated_by__in=authors) & ~Q(updated_by=user)))
        translations.extend(_translations_to_do(section))
        figures.append({"section": section, **_figures(section, start, now)})
    upcoming = [
        {**entry, "url": change_url(type(entry["item"]), entry["item"].pk)}
        for entry in workflow.upcoming(workflow.UPCOMING_DAYS, now=now, sections=sections)
    ]
    return {
        "my_drafts": newest_first(mine),
        "assigned_to_me": assigned_to(user, sections),
        "waiting_for_review": newest_first(waiting),
        "can_review": bool(may_publish),
        "upcoming": upcoming[:LIST_LENGTH],
        "translations": newest_first(translations),
        "recent_changes": recent_changes(sections),
        "figures": figures,
        "half_year": (timezone.localtime(start).date(), timezone.localtime(now).date()),
    }
