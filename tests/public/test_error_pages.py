"""The demo runs in debug mode yet shows visitors' 404 and 500 pages (`DJANGO_DEBUG_SITE_ERROR_PAGES`)."""

import pytest
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.utils import translation

from website.middleware import SiteErrorPagesMiddleware

pytestmark = pytest.mark.django_db

DEBUG_PAGE = "<h1>Page not found (404)</h1> Using the URLconf defined in hamleh.urls"


def answer(rf, path, response):
    with translation.override("ar"):
        return SiteErrorPagesMiddleware(lambda request: response)(rf.get(path))


def test_a_debug_404_on_the_public_site_becomes_the_sites_own_page(rf):
    response = answer(rf, "/ar/nothing-here/", HttpResponseNotFound(DEBUG_PAGE))
    assert response.status_code == 404
    html = response.content.decode()
    assert "URLconf" not in html
    assert '<html lang="ar" dir="rtl">' in html and "الصفحة غير موجودة" in html


def test_a_debug_500_becomes_the_sites_own_page(rf):
    response = answer(rf, "/ar/", HttpResponseServerError("Traceback (most recent call last)"))
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()


def test_the_admin_and_good_answers_are_left_alone(rf):
    assert answer(rf, "/admin/nothing/", HttpResponseNotFound(DEBUG_PAGE)).content.decode() == DEBUG_PAGE
    assert answer(rf, "/ar/", HttpResponse("ok")).content == b"ok"
