"""Every bad file of issue 6 is refused in the admin, on its field, with nothing saved or left behind."""

import io
import re

import pytest
from django.core.files.uploadedfile import UploadedFile
from PIL import Image

from publications.models import Publication, PublicationFile
from tests.factories import make_publication
from tests.media.files import (
    HTML_PAGE,
    MB,
    SVG_WITH_SCRIPT,
    huge_png_header,
    image_bytes,
    jpeg_with_gps,
    noisy_jpeg,
    pdf_bytes,
    sparse_file,
    upload,
)

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/publications/publication/add/"


@pytest.fixture
def publication_form(admin_form):
    data = admin_form(ADD_URL)
    data.update(title_ar="هاشتاغ فلسطين 2021", slug="hashtag-palestine-2021", published_on="2021-03-01")
    return data


def field_error_codes(response, field):
    form = response.context["adminform"].form
    return [error.code for error in form.errors.as_data().get(field, [])]


def inline_error_codes(response, field):
    formset = response.context["inline_admin_formsets"][-1].formset
    return [error.code for form in formset.forms for error in form.errors.as_data().get(field, [])]


BAD_IMAGES = [
    pytest.param("cover.svg", SVG_WITH_SCRIPT, "invalid_image", id="svg-with-script"),
    pytest.param("cover.jpg", SVG_WITH_SCRIPT, "invalid_image", id="svg-renamed-jpg"),
    pytest.param("photo.jpg", HTML_PAGE, "invalid_image", id="html-renamed-jpg"),
    pytest.param("photo.jpg", noisy_jpeg()[:3000], "damaged_image", id="truncated-jpeg"),
    pytest.param("bomb.png", huge_png_header(20000, 20000), "too_many_pixels", id="20000x20000-png"),
    pytest.param("wide.png", huge_png_header(8000, 6000), "too_many_pixels", id="48-megapixels-png"),
    pytest.param("big.jpg", image_bytes() + b"\0" * (11 * MB), "too_large", id="11mb-image"),
    pytest.param("empty.jpg", b"", "empty", id="0-byte"),
]


@pytest.mark.parametrize(("name", "content", "code"), BAD_IMAGES)
def test_bad_cover_images_are_refused_on_the_field(staff_client, publication_form, stored_files, name, content, code):
    publication_form.update(cover_image=upload(name, content), cover_alt_ar="وصف الصورة")
    response = staff_client.post(ADD_URL, publication_form)
    assert response.status_code == 200
    assert field_error_codes(response, "cover_image") == [code]
    assert 'class="errorlist' in response.content.decode()
    assert not Publication.objects.exists()
    assert stored_files() == []


def test_a_cover_without_a_description_is_refused_on_the_alt_field(staff_client, publication_form, stored_files):
    publication_form.update(cover_image=upload("photo.jpg", image_bytes()))
    response = staff_client.post(ADD_URL, publication_form)
    assert response.status_code == 200
    assert field_error_codes(response, "cover_alt_ar")
    assert not Publication.objects.exists()
    assert stored_files() == []


def test_a_good_cover_is_stored_clean_under_a_readable_name(
    staff_client, publication_form, stored_files, django_capture_on_commit_callbacks
):
    publication_form.update(cover_image=upload("IMG_2041 (copy).JPG", jpeg_with_gps()), cover_alt_ar="صورة الغلاف")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(ADD_URL, publication_form)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    publication = Publication.objects.get()
    assert publication.cover_image.name.endswith("/hashtag-palestine-2021.jpg")
    assert (publication.cover_width, publication.cover_height) == (80, 40)
    with Image.open(publication.cover_image.path) as stored:
        assert not stored.getexif()
    assert len(stored_files()) == 1 + len(publication.cover_renditions())


BAD_PDFS = [
    pytest.param("report.pdf", b"This is a plain text file, not a PDF.\n", "invalid_pdf", id="text-renamed-pdf"),
    pytest.param("report.pdf", HTML_PAGE, "invalid_pdf", id="html-renamed-pdf"),
    pytest.param("report.pdf", pdf_bytes(encrypt=True), "encrypted_pdf", id="encrypted-pdf"),
    pytest.param("report.pdf", b"%PDF-1.7\n" + b"garbage " * 200, "damaged_pdf", id="broken-pdf"),
    pytest.param("report.pdf", b"", "empty", id="0-byte"),
]


@pytest.mark.parametrize(("name", "content", "code"), BAD_PDFS)
def test_bad_pdfs_are_refused_on_the_field(staff_client, publication_form, stored_files, name, content, code):
    publication_form.update({"files-TOTAL_FORMS": "1", "files-0-language": "ar", "files-0-file": upload(name, content)})
    response = staff_client.post(ADD_URL, publication_form)
    assert response.status_code == 200
    assert inline_error_codes(response, "file") == [code]
    assert not Publication.objects.exists()
    assert not PublicationFile.objects.exists()
    assert stored_files() == []


def test_a_51_mb_pdf_is_refused(staff_client, publication_form, stored_files, tmp_path):
    path = sparse_file(tmp_path / "big.pdf", 51 * MB, head=pdf_bytes())
    with open(path, "rb") as handle:
        publication_form.update({"files-TOTAL_FORMS": "1", "files-0-language": "ar", "files-0-file": handle})
        response = staff_client.post(ADD_URL, publication_form)
    assert inline_error_codes(response, "file") == ["too_large"]
    assert not Publication.objects.exists()
    assert stored_files() == []


class UnreadableUpload(UploadedFile):
    """An upload that claims its size and fails if anyone reads it."""

    def __init__(self, name, size):
        super().__init__(io.BytesIO(), name=name, content_type="application/pdf", size=size)

    def read(self, *args):
        raise AssertionError("the size must be checked before reading")

    def chunks(self, chunk_size=None):
        raise AssertionError("the size must be checked before reading")


@pytest.mark.parametrize(("field", "size"), [("pdf", 51 * MB), ("image", 11 * MB)])
def test_size_is_checked_before_reading(field, size):
    from django.core.exceptions import ValidationError

    from uploads.media import ImageUploadFormField, PdfUploadFormField

    form_field = PdfUploadFormField() if field == "pdf" else ImageUploadFormField()
    with pytest.raises(ValidationError) as error:
        form_field.clean(UnreadableUpload("big.bin", size))
    assert error.value.code == "too_large"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("../../etc/passwd.pdf", id="path-parts"),
        pytest.param("..\\..\\windows\\report.pdf", id="windows-path-parts"),
        pytest.param("report\x00.pdf", id="nul-in-name"),
        pytest.param("report\u202efdp.exe", id="bidi-override-name"),
        pytest.param("ت" * 300 + ".pdf", id="300-characters"),
        pytest.param("a" * 300 + ".pdf", id="300-ascii-characters"),
    ],
)
def test_odd_names_never_reach_the_storage(staff_client, publication_form, stored_files, name):
    pdf = upload(name, pdf_bytes())
    publication_form.update({"files-TOTAL_FORMS": "1", "files-0-language": "ar", "files-0-file": pdf})
    response = staff_client.post(ADD_URL, publication_form)
    assert response.status_code == 302
    edition = PublicationFile.objects.get()
    assert re.fullmatch(r"publications/[0-9a-f]{32}/hashtag-palestine-2021-ar\.pdf", edition.file.name)
    assert stored_files() == [edition.file.name]
    assert (edition.page_count, edition.size_bytes) == (2, len(pdf_bytes()))


def test_replacing_a_pdf_in_the_admin_removes_the_old_file(
    staff_client, admin_form, stored_files, django_capture_on_commit_callbacks
):
    publication = make_publication(slug="index-2020")
    edition = PublicationFile.objects.create(
        publication=publication, language="en", file=upload("index.pdf", pdf_bytes(pages=3))
    )
    old_name = edition.file.name
    url = f"/admin/publications/publication/{publication.pk}/change/"
    data = admin_form(url)
    data["files-0-file"] = upload("index-v2.pdf", pdf_bytes(pages=5))
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, data)
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.page_count == 5
    assert edition.file.name != old_name
    assert stored_files() == [edition.file.name]


def test_download_counts_are_shown_in_the_changelist(staff_client):
    publication = make_publication(slug="survey-2021")
    PublicationFile.objects.create(
        publication=publication, language="ar", file=upload("s.pdf", pdf_bytes()), download_count=41
    )
    PublicationFile.objects.create(
        publication=publication, language="en", file=upload("s.pdf", pdf_bytes()), download_count=1
    )
    response = staff_client.get("/admin/publications/publication/")
    assert response.status_code == 200
    assert '<td class="field-downloads">42</td>' in response.content.decode()
