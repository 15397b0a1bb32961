"""The site served under a path (`SCRIPT_NAME=/hamleh`, a proxy mounting it at https://example.org/hamleh/):
every address it writes keeps the prefix, and every decision made on the path (admin or public, which
database, what may be cached) is made on the path the URLconf sees."""

import pytest
from django.test import RequestFactory
from django.urls import set_script_prefix

from hamleh.db_router import PrimaryAfterWriteMiddleware, primary_requested
from hamleh.middleware import PublicPageCacheMixin
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PREFIX = "/hamleh"


@pytest.fixture(autouse=True)
def script_prefix():
    # What Django's WSGI handler does with SCRIPT_NAME on each request (the test client's does not).
    set_script_prefix(PREFIX + "/")
    yield
    set_script_prefix("/")


def get(client, path, **extra):
    response = client.get(path, SCRIPT_NAME=PREFIX, **extra)
    assert response.status_code == 200, path
    return response


def test_the_language_switcher_keeps_the_prefix_the_item_and_the_filters(client):
    item = make_article(slug="prefix-news")
    html = get(client, "/ar/news/", QUERY_STRING="kind=news").content.decode()
    assert 'href="/hamleh/en/news/?kind=news"' in html
    assert 'href="/hamleh/he/news/?kind=news"' in html
    detail = get(client, f"/ar/news/{item.slug}/").content.decode()
    assert f'href="/hamleh/en/news/{item.slug}/"' in detail


def test_the_language_versions_in_the_head_keep_the_prefix(client):
    html = get(client, "/en/news/").content.decode()
    assert '<link rel="alternate" hreflang="he" href="http://testserver/hamleh/he/news/">' in html
    assert '<link rel="canonical" href="http://testserver/hamleh/en/news/">' in html


def test_the_admin_under_a_prefix_has_the_admin_policy(client):
    response = client.get("/admin/login/", SCRIPT_NAME=PREFIX)
    assert response.status_code == 200
    assert "style-src 'self' 'unsafe-inline'" in response["Content-Security-Policy"]


def test_the_admin_under_a_prefix_reads_the_primary():
    seen = {}

    def view(request):
        from django.http import HttpResponse

        seen["primary"] = primary_requested()
        return HttpResponse("ok")

    PrimaryAfterWriteMiddleware(view)(RequestFactory().get("/admin/", SCRIPT_NAME=PREFIX))
    assert seen["primary"] is True


def test_page_cache_decisions_are_made_on_the_path_the_urlconf_sees():
    decide = PublicPageCacheMixin()
    factory = RequestFactory()
    assert not decide.is_cacheable_request(factory.get("/admin/", SCRIPT_NAME=PREFIX))
    assert not decide.is_cacheable_request(factory.get("/healthz", SCRIPT_NAME=PREFIX))
    assert decide.is_cacheable_request(factory.get("/ar/news/", SCRIPT_NAME=PREFIX))
    assert decide.ignores_cookies(factory.get("/ar/news/", SCRIPT_NAME=PREFIX))
