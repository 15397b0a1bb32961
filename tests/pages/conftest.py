import pytest
from django.contrib.auth.models import Group

from editorial.roles import AUTHORS, EDITORS
from tests.auth import login_verified


def _member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "a-long-test-password-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor_client(client, django_user_model):
    login_verified(client, _member(django_user_model, "editor", EDITORS))
    return client


@pytest.fixture
def author_client(client, django_user_model):
    login_verified(client, _member(django_user_model, "author", AUTHORS))
    return client
