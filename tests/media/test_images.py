"""Images: metadata stripped, orientation applied, renditions made once and cleaned up after the commit."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import ExifTags, Image

from tests.factories import make_article, make_publication
from tests.media.files import huge_png_header, image_bytes, jpeg_with_gps, noisy_jpeg, upload
from uploads import media

pytestmark = pytest.mark.django_db


def cover(name="photo.jpg", content=None):
    return upload(name, content if content is not None else image_bytes(2000, 1000))


def test_gps_camera_and_author_are_stripped():
    original = Image.open(io.BytesIO(jpeg_with_gps()))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo), "the test image must carry a GPS position"
    clean = media.sanitize_image(upload("phone.jpg", jpeg_with_gps()))
    assert b"PhoneMaker" not in clean.content
    assert b"Field Photographer" not in clean.content
    assert b"checkpoint" not in clean.content
    assert b"Exif" not in clean.content
    stored = Image.open(io.BytesIO(clean.content))
    assert not stored.getexif()
    assert "exif" not in stored.info and "comment" not in stored.info


def test_exif_orientation_is_applied_before_it_is_dropped():
    # Orientation 6: the camera was turned; the 80×40 pixels are shown 40×80.
    clean = media.sanitize_image(upload("phone.jpg", jpeg_with_gps(80, 40, orientation=6)))
    assert (clean.info.width, clean.info.height) == (40, 80)
    stored = Image.open(io.BytesIO(clean.content)).convert("RGB")
    # The dark band that was on the left edge is now along the top.
    assert sum(stored.getpixel((20, 2))) < 100
    assert sum(stored.getpixel((20, 78))) > 150


def test_png_text_chunks_are_stripped():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Field Photographer")
    clean = media.sanitize_image(upload("x.png", image_bytes(image_format="PNG", pnginfo=info)))
    assert clean.info.format == "PNG"
    assert b"Field Photographer" not in clean.content


def test_webp_is_accepted_and_stays_webp():
    clean = media.sanitize_image(upload("x.webp", image_bytes(image_format="WEBP")))
    assert clean.info.format == "WEBP"
    assert Image.open(io.BytesIO(clean.content)).format == "WEBP"


def test_a_bomb_is_refused_from_its_header_without_decoding(monkeypatch):
    def no_decoding(*args, **kwargs):
        raise AssertionError("a bomb must be refused before it is decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    with pytest.raises(ValidationError) as error:
        media.inspect_image(upload("bomb.png", huge_png_header(20000, 20000)))
    assert error.value.code == "too_many_pixels"
    assert Image.MAX_IMAGE_PIXELS == media.MAX_IMAGE_PIXELS


def test_the_model_refuses_a_bad_file_even_outside_the_admin():
    publication = make_publication(cover_alt_ar="غلاف")
    publication.cover_image = upload("a.jpg", noisy_jpeg()[:2000])
    with pytest.raises(ValidationError) as error:
        publication.full_clean()
    assert "cover_image" in error.value.message_dict


def test_the_model_requires_a_description_when_an_image_is_set():
    publication = make_publication()
    publication.cover_image = cover()
    with pytest.raises(ValidationError) as error:
        publication.full_clean()
    assert list(error.value.message_dict) == ["cover_alt_ar"]


def test_renditions_are_made_once_after_the_commit(django_capture_on_commit_callbacks, stored_files, monkeypatch):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publication = make_publication(slug="hashtag-2021", cover_image=cover(), cover_alt_ar="غلاف")
        assert stored_files() == [publication.cover_image.name], "renditions wait for the commit"
    assert callbacks
    renditions = publication.cover_renditions()
    assert [(r.width, r.height, r.extension) for r in renditions] == [
        (480, 240, "webp"),
        (480, 240, "jpg"),
        (960, 480, "webp"),
        (960, 480, "jpg"),
        (1600, 800, "webp"),
        (1600, 800, "jpg"),
    ]
    assert stored_files() == sorted([publication.cover_image.name, *(r.name for r in renditions)])
    for rendition in renditions:
        with default_storage.open(rendition.name) as handle, Image.open(handle) as made:
            assert made.size == (rendition.width, rendition.height)
            assert made.format == {"webp": "WEBP", "jpg": "JPEG"}[rendition.extension]
    # Asked again (another save, the command), nothing is decoded or written again.
    saved = []
    monkeypatch.setattr(default_storage, "save", lambda *args, **kwargs: saved.append(args))
    assert media.make_renditions(default_storage, publication.cover_image.name, 2000, 1000) == []
    assert saved == []


def test_a_small_image_is_never_enlarged(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publication = make_publication(cover_image=cover(content=image_bytes(300, 200)), cover_alt_ar="غلاف")
    assert {(r.width, r.height) for r in publication.cover_renditions()} == {(300, 200)}


def test_replacing_an_image_removes_the_old_one_and_its_renditions(django_capture_on_commit_callbacks, stored_files):
    with django_capture_on_commit_callbacks(execute=True):
        publication = make_publication(slug="index", cover_image=cover(), cover_alt_ar="غلاف")
    old = publication.cover_image.name
    publication.refresh_from_db()
    publication.cover_image = cover("new.png", image_bytes(1200, 600, image_format="PNG"))
    with django_capture_on_commit_callbacks(execute=True):
        publication.save()
        assert old in stored_files(), "the old file stays until the commit"
    assert publication.cover_image.name != old
    assert publication.cover_image.name.endswith(".png")
    assert stored_files() == sorted([publication.cover_image.name, *(r.name for r in publication.cover_renditions())])


def test_clearing_and_deleting_remove_files(django_capture_on_commit_callbacks, stored_files):
    with django_capture_on_commit_callbacks(execute=True):
        cleared = make_publication(cover_image=cover(), cover_alt_ar="غلاف")
        deleted = make_article(cover_image=cover(), cover_alt_ar="غلاف")
    assert len(stored_files()) == 2 * 7
    cleared.cover_image = None
    with django_capture_on_commit_callbacks(execute=True):
        cleared.save()
    assert cleared.cover_width is None
    assert len(stored_files()) == 7
    with django_capture_on_commit_callbacks(execute=True):
        deleted.delete()
    assert stored_files() == []


def test_a_failed_save_leaves_no_file(stored_files):
    from django.db import IntegrityError, transaction

    make_publication(slug="taken")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_publication(slug="taken", cover_image=cover(), cover_alt_ar="غلاف")
    assert stored_files() == []


def test_the_command_makes_missing_renditions(stored_files):
    from django.core.management import call_command

    publication = make_publication(cover_image=cover(), cover_alt_ar="غلاف")  # callbacks not run: no renditions
    type(publication).objects.filter(pk=publication.pk).update(cover_width=None, cover_height=None)
    assert len(stored_files()) == 1
    call_command("make_renditions", stdout=io.StringIO())
    publication.refresh_from_db()
    assert (publication.cover_width, publication.cover_height) == (2000, 1000)
    assert len(stored_files()) == 7


def test_cards_kept_before_the_command_show_the_new_renditions(client, stored_files, settings):
    from django.core.management import call_command

    settings.PUBLIC_CACHE_SECONDS = 600
    publication = make_publication(cover_image=cover(), cover_alt_ar="غلاف")
    type(publication).objects.filter(pk=publication.pk).update(cover_width=None, cover_height=None)
    assert "srcset" not in client.get("/ar/publications/").content.decode()  # page and card now kept
    call_command("make_renditions", stdout=io.StringIO())
    assert srcset_widths(client.get("/ar/publications/").content.decode())


def srcset_widths(html):
    return [int(width) for width in re.findall(r" (\d+)w", html)]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_detail_page_serves_a_picture_with_srcset_and_dimensions(client, django_capture_on_commit_callbacks, language):
    with django_capture_on_commit_callbacks(execute=True):
        publication = make_publication(slug="cover-page", cover_image=cover(), cover_alt_ar="غلاف التقرير")
    html = client.get(f"/{language}/publications/cover-page/").content.decode()
    picture = re.search(r'<figure class="cover"><picture>.*?</picture>', html, re.S).group(0)
    assert '<source type="image/webp" srcset="' in picture
    assert srcset_widths(picture) == [480, 960, 1600, 480, 960, 1600]
    assert 'width="960" height="480"' in picture
    assert 'sizes="' in picture
    assert 'loading="lazy"' not in picture, "the cover is above the fold"
    assert 'alt="غلاف التقرير"' in picture
    if language == "en":
        assert 'lang="ar" dir="rtl"' in picture, "the Arabic fallback description says its language"
    for rendition in publication.cover_renditions():
        assert default_storage.url(rendition.name) in picture


def test_cards_are_lazy_and_sized(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_publication(cover_image=cover(), cover_alt_ar="غلاف")
    html = client.get("/ar/publications/").content.decode()
    image = re.search(r'<picture class="card-image">.*?</picture>', html, re.S).group(0)
    assert 'loading="lazy"' in image
    assert 'width="960" height="480"' in image
    assert srcset_widths(image)


@pytest.mark.parametrize("url", ["/ar/publications/", "/ar/"])
def test_pages_with_pictures_cost_the_same_queries_whatever_their_number(client, django_assert_num_queries, url):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    make_publication(cover_image=cover(content=image_bytes(600, 300)), cover_alt_ar="غلاف")
    few = count_queries()
    for _ in range(8):
        make_publication(cover_image=cover(content=image_bytes(600, 300)), cover_alt_ar="غلاف")
    with django_assert_num_queries(few):
        response = client.get(url)
    assert response.content.decode().count("<picture") >= 3
