"""PDF editions: recorded facts, the download response, and a counter that loses nothing."""

import re
import threading
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client

from content.models import Status
from publications.models import PublicationFile
from tests.factories import make_publication
from tests.media.files import pdf_bytes, upload
from uploads import media


def make_edition(slug="hashtag-palestine-2021", language="ar", pages=3, **fields):
    fields.setdefault("title_ar", "هاشتاغ فلسطين 2021")
    fields.setdefault("title_en", "Hashtag Palestine 2021")
    publication = make_publication(slug=slug, **fields)
    return PublicationFile.objects.create(
        publication=publication, language=language, file=upload("x.pdf", pdf_bytes(pages=pages))
    )


def download_url(edition, language="ar"):
    return f"/{language}/publications/{edition.publication.slug}/download/{edition.language}/"


@pytest.mark.django_db
def test_page_count_and_size_are_recorded_on_save():
    edition = make_edition(pages=4)
    assert edition.page_count == 4
    assert edition.size_bytes == len(pdf_bytes(pages=4)) == edition.file.size
    assert re.fullmatch(r"publications/[0-9a-f]{32}/hashtag-palestine-2021-ar\.pdf", edition.file.name)


@pytest.mark.django_db
def test_the_publication_page_lists_size_and_pages(client):
    edition = make_edition(pages=4)
    html = client.get("/en/publications/hashtag-palestine-2021/").content.decode()
    assert download_url(edition, "en") in html
    assert "4 pages" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "هاشتاغ فلسطين 2021 (ar).pdf"), ("en", "Hashtag Palestine 2021 (en).pdf")],
)
def test_download_is_an_attachment_with_a_utf8_name(client, language, expected):
    edition = make_edition(language=language)
    response = client.get(download_url(edition))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        f"attachment; filename=\"hashtag-palestine-2021-{language}.pdf\"; filename*=UTF-8''{quote(expected, safe='')}"
    )
    assert b"".join(response.streaming_content) == pdf_bytes(pages=3)


@pytest.mark.django_db
def test_a_download_is_sent_as_stored_even_to_a_browser_that_accepts_gzip(client):
    """A PDF gains nothing from gzip, and compressed it would lose its length."""
    edition = make_edition()
    response = client.get(download_url(edition), HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in response
    assert int(response["Content-Length"]) == len(pdf_bytes(pages=3))
    assert b"".join(response.streaming_content) == pdf_bytes(pages=3)


@pytest.mark.django_db
def test_a_hostile_title_gives_a_clean_download_name(client):
    edition = make_edition(title_ar="تقرير/../\u202eسري\u0007" + "ط" * 280)
    disposition = client.get(download_url(edition))["Content-Disposition"]
    assert "%E2%80%AE" not in disposition and "%07" not in disposition and "/" not in disposition.split("''")[1]
    assert len(disposition) < 1200


@pytest.mark.django_db
def test_get_counts_and_head_does_not(client):
    edition = make_edition()
    assert client.head(download_url(edition)).status_code == 200
    edition.refresh_from_db()
    assert edition.download_count == 0
    for _ in range(3):
        assert b"".join(client.get(download_url(edition)).streaming_content).startswith(b"%PDF-")
    edition.refresh_from_db()
    assert edition.download_count == 3


@pytest.mark.django_db
def test_drafts_and_missing_languages_are_not_served(client):
    draft = make_edition(slug="draft", status=Status.DRAFT)
    assert client.get(download_url(draft)).status_code == 404
    public = make_edition(slug="public")
    assert client.get(f"/ar/publications/{public.publication.slug}/download/he/").status_code == 404
    draft.refresh_from_db()
    assert draft.download_count == 0


@pytest.mark.django_db
def test_download_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    edition = make_edition()
    with django_assert_num_queries(2):  # the edition with its publication, the counter update
        b"".join(client.get(download_url(edition)).streaming_content)


# Serialized rollback, like every transactional test here: its closing flush must not leave
# content types renumbered and the Editors role missing for the transactional tests that
# follow (the backup tests reload the database as the migrations left it).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_downloads_lose_no_count():
    """Threads, each with its own database connection, download at the same moment.

    The count must equal the downloads served: the UPDATE … + 1 runs in the
    database, so no increment overwrites another. PostgreSQL serves every
    request at once; SQLite's in-memory test database may answer "table is
    locked" to a writer (nothing counted then), so a thread tries again.
    """
    edition = make_edition()
    url = download_url(edition)
    threads_count, per_thread = 8, 5
    errors, retries = [], []
    barrier = threading.Barrier(threads_count)

    def download():
        try:
            # Exceptions are not re-raised: the test client's signal receiver is
            # global and would hand one thread's error to another thread.
            browser = Client(raise_request_exception=False)
            barrier.wait()
            served = 0
            for _attempt in range(per_thread * 50):
                if served == per_thread:
                    break
                response = browser.get(url)
                if response.status_code == 500 and connection.vendor == "sqlite":
                    retries.append(1)
                    continue
                assert response.status_code == 200
                b"".join(response.streaming_content)
                served += 1
            assert served == per_thread
        except Exception as error:  # noqa: BLE001 - reported in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=download) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    if connection.vendor == "postgresql":
        assert retries == []
    edition.refresh_from_db()
    assert edition.download_count == threads_count * per_thread


@pytest.mark.django_db
def test_deleting_a_publication_removes_its_pdfs(django_capture_on_commit_callbacks, stored_files):
    edition = make_edition()
    PublicationFile.objects.create(publication=edition.publication, language="en", file=upload("e.pdf", pdf_bytes()))
    assert len(stored_files()) == 2
    with django_capture_on_commit_callbacks(execute=True):
        edition.publication.delete()
    assert stored_files() == []


@pytest.mark.django_db
def test_admin_bulk_delete_removes_files(staff_client, django_capture_on_commit_callbacks, stored_files):
    edition = make_edition()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/publications/publication/",
            {"action": "delete_selected", "_selected_action": [edition.publication.pk], "post": "yes"},
        )
    assert response.status_code == 302
    assert stored_files() == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\report.pdf", "report.pdf"),
        ("report\x00.pdf", "report.pdf"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("  تقرير   حملة\u200f.pdf ", "تقرير حملة.pdf"),
        ("..", ""),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_clean_filename(name, expected):
    assert media.clean_filename(name) == expected


def test_media_origin_is_allowed_for_images_only(settings):
    import importlib

    from website import middleware

    settings.MEDIA_ORIGIN = "https://media.example.org"
    try:
        module = importlib.reload(middleware)
        assert "img-src 'self' data: https://media.example.org;" in module.PUBLIC_CSP
        assert module.PUBLIC_CSP.count("media.example.org") == 1
    finally:
        settings.MEDIA_ORIGIN = ""
        importlib.reload(middleware)
