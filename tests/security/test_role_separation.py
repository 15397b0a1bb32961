"""Roles hold: administrators manage accounts and give roles, but never superuser status nor permissions,
and cannot take over a superuser; authors cannot change the shared lists that show on the public site."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from editorial.roles import ADMINISTRATORS, AUTHORS, EDITORS
from publications.models import Series
from tests.auth import login_verified
from tests.factories import make_organization, make_topic

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"


@pytest.fixture(autouse=True)
def english_admin(settings):
    settings.LANGUAGE_CODE = "en"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def member(django_user_model, username, role):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def administrator(django_user_model):
    return member(django_user_model, "administrator", ADMINISTRATORS)


@pytest.fixture
def administrator_client(client, administrator):
    login_verified(client, administrator)
    return client


def user_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [group.pk for group in user.groups.all()],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "last_login_0": "",
        "last_login_1": "",
    }
    data.update(changes)
    return data


def change_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def test_an_administrator_cannot_make_themselves_superuser(administrator_client, administrator):
    every_permission = list(Permission.objects.values_list("pk", flat=True))
    response = administrator_client.post(
        change_url(administrator), user_form(administrator, is_superuser="on", user_permissions=every_permission)
    )
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert not administrator.is_superuser
    assert not administrator.user_permissions.exists()


def test_an_administrator_does_not_see_the_superuser_fields(administrator_client, administrator):
    html = administrator_client.get(change_url(administrator)).content.decode()
    assert 'name="is_superuser"' not in html and 'name="user_permissions"' not in html
    assert 'name="groups"' in html


def test_a_superuser_account_is_read_only_to_an_administrator(administrator_client, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    assert (
        administrator_client.post(change_url(superuser), user_form(superuser, email="x@evil.example")).status_code
        == 403
    )
    password_url = reverse("admin:auth_user_password_change", args=[superuser.pk])
    taken_over = {"password1": "a-new-password-9876", "password2": "a-new-password-9876", "usable_password": "true"}
    assert administrator_client.post(password_url, taken_over).status_code == 403
    delete_url = reverse("admin:auth_user_delete", args=[superuser.pk])
    assert administrator_client.post(delete_url, {"post": "yes"}).status_code == 403
    superuser.refresh_from_db()
    assert superuser.email == "root@example.org" and superuser.check_password(PASSWORD)


def test_what_a_role_may_do_is_not_an_administrators_to_change(administrator_client):
    editors = Group.objects.get(name=EDITORS)
    url = reverse("admin:auth_group_change", args=[editors.pk])
    response = administrator_client.post(
        url, {"name": EDITORS, "permissions": list(Permission.objects.values_list("pk", flat=True))}
    )
    assert response.status_code == 403
    assert administrator_client.get(reverse("admin:auth_group_add")).status_code == 403
    assert not editors.permissions.filter(codename="change_user").exists()


def test_giving_a_role_is_logged_with_the_roles_named(administrator_client, administrator, django_user_model):
    writer = member(django_user_model, "writer", AUTHORS)
    editors = Group.objects.get(name=EDITORS)
    response = administrator_client.post(change_url(writer), user_form(writer, groups=[editors.pk]))
    assert response.status_code == 302
    assert set(writer.groups.values_list("name", flat=True)) == {EDITORS}
    messages = [entry.get_change_message() for entry in LogEntry.objects.filter(object_id=str(writer.pk))]
    assert any("Roles given: Editors." in message and "Roles taken away: Authors." in message for message in messages)
    assert all(entry.user == administrator for entry in LogEntry.objects.filter(object_id=str(writer.pk)))


def test_a_superuser_still_grants_superuser_status(client, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    login_verified(client, superuser)
    helper = member(django_user_model, "helper", EDITORS)
    assert client.post(change_url(helper), user_form(helper, is_superuser="on")).status_code == 302
    helper.refresh_from_db()
    assert helper.is_superuser


SHARED_LISTS = [
    ("content", "topic", lambda: make_topic(slug="privacy", name_ar="الخصوصية"), "name_ar"),
    ("campaigns", "organization", lambda: make_organization(slug="meta", name_ar="ميتا"), "name_ar"),
    ("publications", "series", lambda: Series.objects.create(slug="index", name_ar="المؤشر"), "name_ar"),
]


@pytest.mark.parametrize(("app", "model", "make", "field"), SHARED_LISTS, ids=[row[1] for row in SHARED_LISTS])
def test_an_author_cannot_change_what_shows_publicly_at_once(client, django_user_model, app, model, make, field):
    item = make()
    login_verified(client, member(django_user_model, "writer", AUTHORS))
    assert client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200, "authors still choose from them"
    assert client.get(reverse(f"admin:{app}_{model}_add")).status_code == 403
    response = client.post(
        reverse(f"admin:{app}_{model}_change", args=[item.pk]), {field: "renamed", "slug": item.slug}
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert getattr(item, field) != "renamed"


@pytest.mark.parametrize(("app", "model", "make", "field"), SHARED_LISTS, ids=[row[1] for row in SHARED_LISTS])
def test_an_editor_changes_them(client, django_user_model, app, model, make, field):
    item = make()
    login_verified(client, member(django_user_model, "chief", EDITORS))
    assert client.get(reverse(f"admin:{app}_{model}_change", args=[item.pk])).status_code == 200
    assert client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200


def test_roles_read_in_the_admins_language(administrator_client, django_user_model, settings):
    settings.LANGUAGE_CODE = "ar"
    writer = member(django_user_model, "writer", AUTHORS)
    form = administrator_client.get(change_url(writer)).content.decode()
    assert "المحرّرون" in form and "الكتّاب" in form
    editors = Group.objects.get(name=EDITORS)
    administrator_client.post(change_url(writer), user_form(writer, groups=[editors.pk]))
    messages = [entry.change_message for entry in LogEntry.objects.filter(object_id=str(writer.pk))]
    assert any("المحرّرون" in message for message in messages)
