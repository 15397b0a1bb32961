"""The privacy page tells the truth: what it promises is checked against what the site does."""

import pytest
from django.urls import reverse
from django.utils import translation

from publications.models import PublicationFile
from tests.security.public_urls import public_urls, sample_content

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ar", "en", "he"])
def test_privacy_page_answers_in_every_language_without_database_queries(client, django_assert_num_queries, language):
    sample_content()
    with translation.override(language):
        url = reverse("website:privacy")
    assert url == f"/{language}/privacy/"
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


def test_privacy_page_names_what_is_and_is_not_stored(client):
    with translation.override("en"):
        html = client.get(reverse("website:privacy")).content.decode()
    assert "We do not store visitors&#x27; IP addresses" in html or "We do not store visitors' IP addresses" in html
    assert "No third-party requests" in html
    assert "failed attempts to sign in to the staff area are recorded" in html


def test_reading_the_site_stores_no_address_and_sets_no_cookie(client):
    """No model anywhere holds a visitor's address after reading every public page and downloading."""
    from django.apps import apps
    from django.db import models

    objects = sample_content()
    for _name, url in public_urls(client, objects):
        response = client.get(url, REMOTE_ADDR="203.0.113.99", HTTP_X_FORWARDED_FOR="198.51.100.99")
        assert not response.cookies
    assert PublicationFile.objects.get().download_count >= 1
    for model in apps.get_models():
        text_fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.GenericIPAddressField)
        ]
        for field in text_fields:
            for address in ("203.0.113.99", "198.51.100.99"):
                assert not model.objects.filter(**{f"{field}__contains": address}).exists(), (model, field)
