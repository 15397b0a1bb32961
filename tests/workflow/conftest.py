import pytest
from django.contrib.auth.models import Group

from editorial.roles import ADMINISTRATORS, AUTHORS, EDITORS
from tests.auth import login_verified


def _member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-test-password-1")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def author(django_user_model):
    return _member(django_user_model, "author", AUTHORS)


@pytest.fixture
def editor(django_user_model):
    return _member(django_user_model, "editor", EDITORS)


@pytest.fixture
def administrator(django_user_model):
    return _member(django_user_model, "administrator", ADMINISTRATORS)


@pytest.fixture
def author_client(client, author):
    login_verified(client, author)
    return client


@pytest.fixture
def editor_client(client, editor):
    login_verified(client, editor)
    return client


@pytest.fixture(autouse=True)
def admin_in_english(settings):
    """These tests read the admin's messages in English, the language of the source strings."""
    settings.LANGUAGE_CODE = "en"
