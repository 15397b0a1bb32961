"""JSON Feed 1.1: the fields the specification asks for, per language."""

import json

import pytest
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext

from tests.factories import MAKERS, make_publication
from tests.feeds.conftest import LANGUAGES, SECTIONS, add_pdf

pytestmark = pytest.mark.django_db


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    return json.loads(response.content)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section", SECTIONS)
def test_json_feed_has_the_1_1_fields(client, one_of_each, language, section):
    data = get_json(client, f"/{language}/feeds/{section}.json")
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"]
    assert data["language"] == language
    assert data["home_page_url"].startswith(f"http://testserver/{language}/")
    assert data["feed_url"] == f"http://testserver/{language}/feeds/{section}.json"
    with translation.override(language):
        assert data["authors"] == [{"name": gettext("Hamleh")}]
    assert len(data["items"]) == (5 if section == "all" else 1)
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"].startswith("tag:")
        assert item["url"].startswith(f"http://testserver/{language}/")
        assert item["title"]
        assert "content_text" in item or "content_html" in item
        assert parse_datetime(item["date_published"]).tzinfo is not None
        assert parse_datetime(item["date_modified"]) >= parse_datetime(item["date_published"])
        assert item["tags"] in (["الأمان الرقمي"], ["Digital security"])
        assert item["authors"][0]["name"]
        # Untranslated items say they are in Arabic.
        assert item["language"] == "ar"


def test_json_feed_items_are_newest_first_and_match_the_rss_ids(client, one_of_each):
    data = get_json(client, "/en/feeds/all.json")
    dates = [parse_datetime(item["date_published"]) for item in data["items"]]
    assert dates == sorted(dates, reverse=True)
    rss = client.get("/en/feeds/all.rss").content.decode()
    assert all(item["id"] in rss for item in data["items"])


def test_json_feed_attachment_is_the_pdf_in_the_feed_language(client):
    publication = make_publication(slug="index-2021", title_ar="مؤشر", title_en="Index")
    add_pdf(publication, "ar", b"%PDF ar")
    add_pdf(publication, "he", b"%PDF hebrew edition")
    data = get_json(client, "/he/feeds/publications.json")
    (item,) = data["items"]
    assert item["attachments"] == [
        {
            "url": "http://testserver/he/publications/index-2021/download/he/",
            "mime_type": "application/pdf",
            "size_in_bytes": len(b"%PDF hebrew edition"),
        }
    ]
    english = get_json(client, "/en/feeds/publications.json")["items"][0]
    assert english["language"] == "en"
    assert english["title"] == "Index"
    assert english["attachments"][0]["url"].endswith("/download/ar/")


def test_json_feed_keeps_hostile_text_as_plain_text(client):
    MAKERS["news"](title_ar="</script><script>alert(1)</script>\x01", summary_ar="a < b && c\x02")
    data = get_json(client, "/ar/feeds/news.json")
    (item,) = data["items"]
    assert item["title"] == "</script><script>alert(1)</script>"
    assert item["content_text"] == "a < b && c"
    assert "content_html" not in item
