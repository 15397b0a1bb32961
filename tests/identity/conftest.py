import pytest
from django.contrib.auth.models import Group, Permission

from identity.models import IDENTITY_PK, Office, SiteIdentity, SocialLink
from tests.auth import login_verified


@pytest.fixture
def identity():
    """The identity as a newly set-up site has it, with one office and one link."""
    identity = SiteIdentity.objects.get(pk=IDENTITY_PK)
    identity.name_ar, identity.name_en, identity.name_he = "حملة", "Hamleh", "חמלה"
    identity.tagline_ar, identity.tagline_en, identity.tagline_he = "مركز للحقوق الرقمية", "Digital rights centre", ""
    identity.email = "info@hamleh.example.org"
    identity.save()
    Office.objects.create(
        name_ar="مكتب حيفا",
        name_en="Haifa office",
        address_ar="شارع الميناء 12\nحيفا",
        address_en="12 Harbour St\nHaifa",
    )
    SocialLink.objects.create(network=SocialLink.Network.MASTODON, url="https://social.example/@hamleh")
    return SiteIdentity.current()


def staff_member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-test-password-1")
    user.is_staff = True
    user.save()
    group = Group.objects.get(name=group_name)
    # What migration identity/0002 gives the role (a flushed test database may have lost it).
    if group_name in ("Editors", "Administrators"):
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="identity").exclude(
                codename__in=["add_siteidentity", "delete_siteidentity"]
            )
        )
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, django_user_model):
    login_verified(client, staff_member(django_user_model, "muharrir", "Editors"))
    return client


@pytest.fixture
def author_client(client, django_user_model):
    login_verified(client, staff_member(django_user_model, "katib", "Authors"))
    return client
