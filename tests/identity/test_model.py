"""One identity for the site, read from the cache, forgotten at every change of it."""

import pytest
from django.db import IntegrityError, models, transaction

from content.changes import content_version
from identity.models import IDENTITY_PK, Office, SiteIdentity, SocialLink, identity_version

pytestmark = pytest.mark.django_db


def test_there_is_one_identity_and_it_cannot_be_deleted():
    identity = SiteIdentity.current()
    assert identity.pk == IDENTITY_PK
    assert SiteIdentity.objects.count() == 1
    # A second row is refused by the database itself.
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteIdentity.objects.bulk_create([SiteIdentity(id=2, name_ar="أخرى")])
    # A new instance is the one row again (its primary key is fixed): refused too.
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteIdentity(id=2, name_ar="اسم", name_en="Name").save()
    assert SiteIdentity.objects.count() == 1
    with pytest.raises(models.ProtectedError):
        SiteIdentity.objects.get().delete()
    assert SiteIdentity.objects.count() == 1


def test_a_missing_identity_is_made_with_the_defaults():
    from django.core.cache import cache

    SiteIdentity.objects.all().delete()
    cache.clear()  # a new site: an empty database and an empty cache
    identity = SiteIdentity.current()
    assert SiteIdentity.objects.count() == 1
    assert (identity.name_ar, identity.name_en) == ("حملة", "Hamleh")


def test_the_identity_is_read_once_then_from_the_cache(identity, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert SiteIdentity.current().name == "حملة"
        assert [office.name for office in SiteIdentity.current().offices.all()] == ["مكتب حيفا"]
        assert [link.url for link in SiteIdentity.current().social_links.all()] == ["https://social.example/@hamleh"]


def test_a_cold_cache_reads_the_identity_its_offices_and_links_in_three_queries(identity, django_assert_num_queries):
    from django.core.cache import cache

    cache.clear()
    with django_assert_num_queries(3):
        SiteIdentity.current()
    with django_assert_num_queries(0):
        SiteIdentity.current().offices.all()[0]


def test_content_changes_do_not_make_it_read_again_but_its_own_changes_do(identity, django_assert_num_queries):
    from tests.factories import make_topic

    make_topic()
    with django_assert_num_queries(0):
        SiteIdentity.current()
    before_identity, before_content = identity_version(), content_version()
    for row in (SiteIdentity.objects.get(), Office.objects.get(), SocialLink.objects.get()):
        row.save()
        assert identity_version() != before_identity and content_version() != before_content
        before_identity, before_content = identity_version(), content_version()
    Office.objects.get().delete()
    assert identity_version() != before_identity and content_version() != before_content
    assert list(SiteIdentity.current().offices.all()) == []


def test_social_links_are_web_addresses_only():
    SiteIdentity.current()
    with pytest.raises(IntegrityError), transaction.atomic():
        SocialLink.objects.create(network=SocialLink.Network.OTHER, url="javascript:alert(1)")


def test_an_uploaded_logo_is_re_encoded_and_replaces_the_drawn_one(identity):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), "#0b5d4b").save(buffer, format="PNG")
    row = SiteIdentity.objects.get()
    assert row.logo_url.endswith("hamleh/logo.svg")
    row.logo = SimpleUploadedFile("../../evil name.png", buffer.getvalue(), content_type="image/png")
    row.save()
    assert row.logo.name.startswith("identity/") and row.logo.name.endswith("/logo.png")
    assert SiteIdentity.current().logo_url == row.logo.url
