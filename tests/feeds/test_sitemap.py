"""`/sitemap.xml` with hreflang alternates, and `/robots.txt` pointing at it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from content.models import Status
from tests.factories import MAKERS

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    urls = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        urls[loc] = {"lastmod": url.findtext("s:lastmod", namespaces=NS), "alternates": alternates}
    return urls


def test_every_published_item_in_every_language_with_alternates(client, one_of_each):
    draft = MAKERS["news"](status=Status.DRAFT, slug="a-draft")
    scheduled = MAKERS["news"](slug="later", publish_at=timezone.now() + datetime.timedelta(days=3))
    urls = parse_sitemap(client)
    for item in one_of_each.values():
        path = item.get_absolute_url().split("/", 2)[2]  # without the language prefix
        for language in ("ar", "en", "he"):
            loc = f"http://testserver/{language}/{path}"
            assert loc in urls, loc
            entry = urls[loc]
            assert entry["lastmod"] == timezone.localdate(item.updated_at).isoformat()
            assert entry["alternates"] == {
                "ar": f"http://testserver/ar/{path}",
                "en": f"http://testserver/en/{path}",
                "he": f"http://testserver/he/{path}",
                "x-default": f"http://testserver/ar/{path}",
            }
    assert not any(draft.slug in loc or scheduled.slug in loc for loc in urls)


def test_sitemap_lists_home_sections_and_topic_hubs(client, one_of_each, topic):
    urls = parse_sitemap(client)
    for language in ("ar", "en", "he"):
        assert f"http://testserver/{language}/" in urls
        assert f"http://testserver/{language}/events/" in urls
        assert f"http://testserver/{language}/topics/{topic.slug}/" in urls
    # Every address it lists answers.
    for loc in urls:
        assert client.get(loc.removeprefix("http://testserver")).status_code == 200, loc


def test_sitemap_query_count_does_not_grow_with_content(client, django_assert_max_num_queries):
    for maker in MAKERS.values():
        maker()
    with django_assert_max_num_queries(9) as few:  # one per section, topics, series, the organisation's pages
        client.get("/sitemap.xml")
    for maker in MAKERS.values():
        for _ in range(10):
            maker()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/sitemap.xml")


def test_robots_points_at_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    for language in ("ar", "en", "he"):
        assert f"Disallow: /{language}/search/" in lines
