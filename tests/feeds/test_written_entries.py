"""Each feed entry is written once per version of its item and kept: never stale, never out of place."""

import json

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Status
from tests.factories import make_article, make_publication, make_topic
from tests.feeds.conftest import add_pdf

pytestmark = pytest.mark.django_db

FEEDS = ["/ar/feeds/all.rss", "/ar/feeds/news.atom", "/ar/feeds/all.json"]


def body(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url", FEEDS)
def test_an_edited_item_is_written_again(client, url):
    item = make_article(title_ar="العنوان الأول")
    assert "العنوان الأول" in body(client, url)
    item.title_ar = "العنوان المعدل"
    item.save()
    again = body(client, url)
    assert "العنوان المعدل" in again and "العنوان الأول" not in again


@pytest.mark.parametrize("url", FEEDS)
def test_an_unpublished_item_leaves_the_feed_though_its_entry_is_kept(client, url):
    item = make_article(title_ar="خبر سيسحب")
    assert "خبر سيسحب" in body(client, url)
    item.status = Status.DRAFT
    item.save()
    assert "خبر سيسحب" not in body(client, url)


@pytest.mark.parametrize("url", FEEDS)
def test_a_renamed_topic_is_renamed_in_every_kept_entry(client, url):
    topic = make_topic(slug="privacy", name_ar="الخصوصية")
    make_article(topics=[topic])
    assert "الخصوصية" in body(client, url)
    topic.name_ar = "حماية الخصوصية"
    topic.save()
    assert "حماية الخصوصية" in body(client, url)


def test_a_new_file_of_a_publication_is_in_its_entry(client):
    publication = make_publication()
    url = "/en/feeds/publications.rss"
    assert not feedparser.parse(body(client, url)).entries[0].get("enclosures")
    add_pdf(publication, "en")
    publication.save()  # as the admin does after saving the files inline
    enclosures = feedparser.parse(body(client, url)).entries[0].enclosures
    assert [enclosure.type for enclosure in enclosures] == ["application/pdf"]


def test_entries_follow_the_language_the_format_and_the_host(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "example.org"]
    make_article(title_ar="خبر بالعربية", title_en="News in English")
    assert "News in English" in body(client, "/en/feeds/all.rss")
    assert "خبر بالعربية" in body(client, "/ar/feeds/all.rss")
    assert "<entry>" in body(client, "/ar/feeds/all.atom")
    assert json.loads(body(client, "/ar/feeds/all.json"))["items"][0]["title"] == "خبر بالعربية"
    assert "http://testserver/ar/news/" in body(client, "/ar/feeds/all.rss")
    other = body(client, "/ar/feeds/all.rss", HTTP_HOST="example.org")
    assert "http://example.org/ar/news/" in other and "testserver" not in other


def test_a_feed_with_every_entry_kept_reads_no_item_and_says_the_same(client):
    for index in range(3):
        make_article(title_ar=f"خبر {index}", topics=[make_topic()])
    url = "/ar/feeds/all.rss"
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.content == first.content
    statements = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"publications_article"' not in statements and "topic_id" not in statements
