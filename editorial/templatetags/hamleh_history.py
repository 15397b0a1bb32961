"""A revision's note, and an admin log entry's message, in the reader's language.

The admin stores what a save changed as Django's change message (JSON naming the changed fields by their
English labels, "Title [en]"); django-reversion-compare would print that JSON as it is. This filter
writes it as Django's history does, in the reader's language, field labels and languages included.
Notes written as plain text are shown as written.
"""

import json
import re

from django import template
from django.contrib.admin.models import LogEntry
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext

register = template.Library()

TRANSLATED_LABEL = re.compile(r"^(?P<name>.+) \[(?P<language>[a-z]{2})\]$")


def _translated(text):
    """The catalogue's translation of a label, whether it was stored capitalised or not."""
    translated = gettext(text)
    if translated == text and text[:1].isupper():
        translated = capfirst(gettext(text[:1].lower() + text[1:]))
    return translated


def field_label(label):
    match = TRANSLATED_LABEL.match(label)
    if not match:
        return _translated(label)
    try:
        language = get_language_info(match["language"])["name_translated"]
    except KeyError:
        language = match["language"]
    return f"{_translated(match['name'])} ({language})"


@register.filter
def revision_comment(revision):
    return change_message(revision.comment)


@register.filter
def log_entry_message(entry):
    return change_message(entry.change_message)


def change_message(comment):
    comment = comment or ""
    try:
        changes = json.loads(comment) if comment.startswith("[") else None
    except ValueError:
        changes = None
    if not isinstance(changes, list):
        return comment
    for change in changes:
        for details in change.values() if isinstance(change, dict) else ():
            if isinstance(details, dict) and isinstance(details.get("fields"), list):
                details["fields"] = [field_label(str(label)) for label in details["fields"]]
    return LogEntry(change_message=json.dumps(changes)).get_change_message()
