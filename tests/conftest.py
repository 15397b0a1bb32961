import pytest
from django.utils import translation

from tests.auth import login_verified


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def arabic_by_default():
    with translation.override("ar"):
        yield


@pytest.fixture
def staff_client(client, django_user_model):
    """A superuser signed in with a verified second factor (see tests/auth.py)."""
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "a-long-test-password-1")
    login_verified(client, user)
    client.user = user
    return client
