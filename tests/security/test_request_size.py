"""Large request bodies are refused unread outside the admin: nothing reaches the disk or a view."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import HttpResponse

from uploads.limits import RequestBodyLimitMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def files_written(monkeypatch):
    """Every upload Django starts writing to a temporary file."""
    written = []
    original = TemporaryFileUploadHandler.new_file

    def recording(self, *args, **kwargs):
        written.append(args[0] if args else kwargs.get("field_name"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(TemporaryFileUploadHandler, "new_file", recording)
    return written


def test_a_large_post_to_the_newsletter_form_is_refused_unread(client, files_written, settings):
    big = SimpleUploadedFile("big.bin", b"x" * (settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1024))
    response = client.post("/ar/newsletter/", {"email": "reader@example.org", "attachment": big})
    assert response.status_code == 413
    assert files_written == [], "nothing written to disk"


def test_an_ordinary_subscription_still_goes_through(client):
    response = client.post("/ar/newsletter/", {"email": "reader@example.org", "language": "ar", "sections": ["news"]})
    assert response.status_code in {200, 302}


@pytest.mark.parametrize(
    ("path", "length", "refused"),
    [
        ("/ar/newsletter/", 64 * 1024, False),
        ("/ar/newsletter/", 64 * 1024 + 1, True),
        ("/en/search/", 10 * 1024 * 1024, True),
        ("/admin/publications/publication/add/", 59 * 1024 * 1024, False),
        ("/admin/publications/publication/add/", 61 * 1024 * 1024, True),
    ],
)
def test_each_route_has_its_limit(rf, path, length, refused):
    middleware = RequestBodyLimitMiddleware(lambda request: HttpResponse("read"))
    request = rf.post(path, data=b"", content_type="application/octet-stream", CONTENT_LENGTH=str(length))
    response = middleware(request)
    assert (response.status_code == 413) is refused
