"""Files of items that are not public cannot be found by visitors: their addresses are not derived from the
slug, the only public door to a PDF checks publication, and PDFs are downloads wherever media is served from."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone

from content.models import Status
from publications.models import PublicationFile
from tests.factories import make_publication
from tests.media.files import image_bytes, pdf_bytes, upload
from uploads.storage import MediaS3Storage
from uploads.views import serve_media

pytestmark = pytest.mark.django_db

SLUG = "embargoed-report"


def draft_with_files():
    publication = make_publication(slug=SLUG, status=Status.DRAFT, cover_alt_ar="غلاف")
    publication.cover_image.save("cover.jpg", ContentFile(image_bytes()), save=False)
    publication.save()
    edition = PublicationFile.objects.create(publication=publication, language="ar", file=upload("x.pdf", pdf_bytes()))
    return publication, edition


def test_the_address_of_a_draft_pdf_cannot_be_derived_from_its_slug(media_root):
    _publication, edition = draft_with_files()
    assert f"/{SLUG}/" not in edition.file.name
    assert not (media_root / "publications" / SLUG).exists()
    folder = edition.file.name.split("/")[1]
    assert len(folder) == 32 and int(folder, 16) >= 0, "128 random bits"


def test_the_address_of_a_draft_cover_cannot_be_derived_from_its_slug(media_root):
    publication, _edition = draft_with_files()
    year = timezone.now().year
    assert publication.cover_image.name != f"covers/{year}/{SLUG}.jpg"
    assert not (media_root / "covers" / str(year) / f"{SLUG}.jpg").exists()
    folder = publication.cover_image.name.split("/")[2]
    assert len(folder) == 32 and int(folder, 16) >= 0


def test_two_uploads_never_share_a_folder(media_root):
    _publication, first = draft_with_files()
    second = PublicationFile.objects.create(
        publication=first.publication, language="en", file=upload("x.pdf", pdf_bytes())
    )
    assert first.file.name.split("/")[1] != second.file.name.split("/")[1]


@pytest.mark.parametrize("when", ["draft", "scheduled"])
def test_the_download_of_an_unpublished_pdf_is_not_found(client, media_root, when):
    publication, edition = draft_with_files()
    if when == "scheduled":
        publication.status = Status.PUBLISHED
        publication.publish_at = timezone.now() + datetime.timedelta(days=1)
        publication.save()
    assert client.get(f"/ar/publications/{SLUG}/download/ar/").status_code == 404
    assert client.get(f"/ar/publications/{SLUG}/").status_code == 404


def test_django_serves_media_pdfs_as_downloads(rf, media_root):
    _publication, edition = draft_with_files()
    with override_settings(MEDIA_ROOT=media_root):
        response = serve_media(rf.get("/media/x"), edition.file.name)
    assert response.status_code == 200
    assert response["Content-Disposition"] == "attachment"


def test_django_serves_media_images_inline(rf, media_root):
    publication, _edition = draft_with_files()
    response = serve_media(rf.get("/media/x"), publication.cover_image.name)
    assert response.status_code == 200
    assert not response.get("Content-Disposition", "").startswith("attachment")


def test_pdfs_are_stored_on_s3_as_downloads():
    storage = MediaS3Storage(bucket_name="hamleh-media", object_parameters={"CacheControl": "max-age=60"})
    assert storage.get_object_parameters("publications/0123/report-ar.PDF") == {
        "CacheControl": "max-age=60",
        "ContentDisposition": "attachment",
    }
    assert storage.get_object_parameters("covers/2021/0123/report.jpg") == {"CacheControl": "max-age=60"}
