"""The site served under a path (`SCRIPT_NAME=/hamleh`, a proxy mounting it at https://example.org/hamleh/):
every address it writes keeps the prefix, and every decision made on the path (admin or public, which
database, what may be cached) is made on the path the URLconf sees."""

import os
import subprocess
import sys

import pytest
from django.test import RequestFactory
from django.urls import set_script_prefix

from hamleh.db_router import PrimaryAfterWriteMiddleware, primary_requested
from tests.factories import make_article
from website.middleware import PublicPageCacheMixin

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


def test_the_root_sends_each_visitor_to_the_home_page_of_their_language_under_the_prefix(client):
    response = client.get("/", SCRIPT_NAME=PREFIX, HTTP_ACCEPT_LANGUAGE="he")
    assert response.status_code == 302
    assert response["Location"] == "/hamleh/he/"


def test_static_files_and_feeds_are_linked_under_the_prefix(client, settings):
    # Django keeps the static address (and the storage made from it) once worked out: start afresh, as a
    # process serving under the prefix does.
    settings.STATIC_URL = "static/"
    html = get(client, "/ar/").content.decode()
    assert 'href="/hamleh/static/hamleh/favicon' in html
    assert 'href="/static/' not in html
    assert 'href="/hamleh/ar/feeds/all.rss"' in html


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


def test_the_path_is_configured_once_for_the_whole_process():
    """DJANGO_SCRIPT_NAME sets the prefix before anything works out an address: links, static files
    and the cookies' path all follow it."""
    code = "\n".join(
        [
            "import django",
            "django.setup()",
            "from django.conf import settings",
            "from django.templatetags.static import static",
            "from django.urls import reverse",
            "from django.utils import translation",
            "translation.activate('he')",
            "print(reverse('website:home'), static('hamleh/favicon.svg'), settings.SESSION_COOKIE_PATH)",
        ]
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hamleh.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_SCRIPT_NAME": "hamleh/",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    home, favicon, cookie_path = result.stdout.split()
    assert home == "/hamleh/he/"
    assert favicon.startswith("/hamleh/static/hamleh/favicon")
    assert cookie_path == "/hamleh/"


def test_the_confirmation_email_links_into_the_site_under_its_path(client, settings):
    from django.core import mail

    settings.SITE_URL = "https://example.org"
    response = client.post(
        "/en/newsletter/", {"email": "reader@example.org", "language": "en", "sections": ["news"]}, SCRIPT_NAME=PREFIX
    )
    assert response.status_code in (200, 302)
    body = mail.outbox[0].body
    assert "https://example.org/hamleh/en/newsletter/confirm/" in body
    assert "— https://example.org/hamleh/en/\n" in body  # the site's home page, in the reader's language
