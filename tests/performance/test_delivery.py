"""How pages reach a phone: the stylesheet inside the page, pages and feeds compressed."""

import base64
import gzip
import hashlib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_article
from website.stylesheet import site_stylesheet, watch_site_stylesheet

pytestmark = pytest.mark.django_db

STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def csp_sources(response, directive):
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return policy[directive].split()


@pytest.mark.parametrize("name", ["website:home", "publications:article_list", "report:impact", "search:search"])
def test_every_page_carries_its_stylesheet_and_the_csp_allows_that_text_alone(client, name):
    response = client.get(reverse(name))
    html = response.content.decode()
    (stylesheet,) = STYLE.findall(html)
    assert stylesheet == site_stylesheet()
    assert 'rel="stylesheet"' not in html  # no second round trip before the first paint
    digest = base64.b64encode(hashlib.sha256(stylesheet.encode()).digest()).decode()
    assert csp_sources(response, "style-src") == ["'self'", f"'sha256-{digest}'"]


def test_the_stylesheet_is_sent_without_its_comments(settings):
    source = (settings.BASE_DIR / "website/static/hamleh/site.css").read_text()
    assert "/*" in source
    assert "/*" not in site_stylesheet()
    assert ".impact-headline { border-block-start: 0; }" in site_stylesheet()
    assert len(site_stylesheet()) < len(source)


def test_runserver_restarts_when_the_stylesheet_changes(settings):
    """Read once per process: in development an edit restarts the server, so page and CSP hash follow it."""

    class Reloader:
        extra_files = set()

    watch_site_stylesheet(Reloader)
    assert Reloader.extra_files == {settings.BASE_DIR / "website/static/hamleh/site.css"}


def test_the_admin_keeps_its_own_style_policy(staff_client):
    response = staff_client.get("/admin/")
    assert csp_sources(response, "style-src") == ["'self'", "'unsafe-inline'"]


@pytest.mark.parametrize("path", ["/ar/", "/en/news/", "/ar/feeds/all.rss", "/ar/feeds/all.json"])
def test_pages_and_feeds_are_gzipped_for_a_browser_that_asks(client, path):
    for number in range(6):
        make_article(title_ar="خبر مضغوط", slug=f"packed-{number}")
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content).decode().count("خبر مضغوط") == plain.content.decode().count("خبر مضغوط")
    assert len(packed.content) < len(plain.content) / 2


def test_the_page_cache_keeps_the_compressed_copy(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    make_article(title_ar="خبر محفوظ")
    url = reverse("publications:article_list")
    client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert len(queries) == 0
    assert hit["Content-Encoding"] == "gzip"
    assert "خبر محفوظ" in gzip.decompress(hit.content).decode()
    plain = client.get(url)  # another copy: a browser that does not ask gets no gzip from the cache
    assert "Content-Encoding" not in plain and "خبر محفوظ" in plain.content.decode()


@pytest.mark.parametrize("path", ["/ar/news/", "/ar/feeds/all.atom"])
def test_a_compressed_page_answers_conditional_get_with_304(client, settings, path):
    """The cache hands out the same compressed bytes, so their ETag holds until the content changes."""
    settings.PUBLIC_CACHE_SECONDS = 600
    make_article()
    first = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    again = client.get(path, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert first["Content-Encoding"] == "gzip"
    assert again.status_code == 304
