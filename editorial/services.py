"""Writes of the editorial workflow across models."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from editorial.models import Assignment


def assignments_of(item):
    return Assignment.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


def assigned_users(item):
    """The authors `item` is assigned to; nobody for an item not saved yet."""
    if item.pk is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(pk__in=assignments_of(item).values("user_id"))


@transaction.atomic
def set_assignments(item, users, by):
    """Assign `item` to exactly `users`; returns (added, removed) users, for the item's history."""
    current = {assignment.user_id: assignment.user for assignment in assignments_of(item).select_related("user")}
    wanted = {user.pk: user for user in users}
    added = [user for pk, user in wanted.items() if pk not in current]
    removed = [user for pk, user in current.items() if pk not in wanted]
    content_type = ContentType.objects.get_for_model(item)
    if removed:
        assignments_of(item).filter(user__in=removed).delete()
    Assignment.objects.bulk_create(
        [Assignment(content_type=content_type, object_id=item.pk, user=user, assigned_by=by) for user in added]
    )
    return added, removed
