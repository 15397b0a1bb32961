import pytest
import time_machine
from django.utils import timezone, translation

from tests.auth import login_verified


@pytest.fixture
def clock_mid_hour():
    """For tests that count attempts against a rate limit: its windows are aligned on the clock's hours, so
    the clock stands still at half past, and no window ends between two attempts of a test."""
    with time_machine.travel(timezone.now().replace(minute=30, second=0, microsecond=0), tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache(settings, tmp_path_factory):
    """Each test starts with an empty shared cache: with the default (file-based) cache, a folder of its own
    (outside the test's `tmp_path`, which the test may expect to hold only what it wrote there)."""
    from django.core.cache import cache

    if settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
        location = tmp_path_factory.mktemp("cache")
        settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": str(location)}}
    else:
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def site_identity_cached(request, fresh_cache):
    """The site identity is in the shared cache, as it is on a running site (it is read once per change by
    every worker: identity.models): the query counts asserted for pages are those of that steady state.
    tests/identity counts the read itself."""
    if "no_site_identity_cache" in request.keywords:
        return
    names = set(request.fixturenames)
    if "transactional_db" in names or "live_server" in names:
        return
    if "db" not in names and request.node.get_closest_marker("django_db") is None:
        return
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return
    request.getfixturevalue("db")
    from identity.models import SiteIdentity
    from pages.menus import all_menus

    SiteIdentity.current()
    all_menus()  # the header and footer menus are kept the same way (pages.menus)


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Pages are rendered afresh in tests; the cache suite turns the shared cache back on."""
    settings.PUBLIC_CACHE_SECONDS = 0


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


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Hashing with the production work factor takes about a second per user; tests do not need it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """A reused test database (--reuse-db) may have been emptied by the flush that ends a
    transactional test of the previous run: put back what the migrations create
    (content types, permissions and the Editors role)."""
    from django.contrib.auth.models import Group, Permission
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connection

    from editorial.roles import EDITORS, content_permission_codenames

    with django_db_blocker.unblock():
        if not Group.objects.filter(name=EDITORS).exists():
            emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
            group = Group.objects.create(name=EDITORS)
            group.permissions.set(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in content_permission_codenames()
            )
            # What serialized_rollback tests start from must include it too.
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()
