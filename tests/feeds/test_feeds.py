"""RSS and Atom per language, section and topic, read by a real feed client."""

import datetime
import html
import json
import re
from xml.etree import ElementTree

import feedparser
import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date

from content.models import Status
from tests.factories import MAKERS, make_publication, make_topic
from tests.feeds.conftest import LANGUAGES, SECTIONS, add_pdf

pytestmark = pytest.mark.django_db

XML_FORMATS = ["rss", "atom"]


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_every_feed_parses_in_every_language(client, one_of_each, language, section, fmt):
    response, feed = fetch(client, f"/{language}/feeds/{section}.{fmt}")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == ("rss20" if fmt == "rss" else "atom10")
    assert feed.feed.language == language
    expected = 5 if section == "all" else 1
    assert len(feed.entries) == expected
    for entry in feed.entries:
        assert entry.link.startswith(f"http://testserver/{language}/")
        assert entry.id.startswith("tag:")
        assert entry.id.endswith(f"/{language}")
        assert entry.published_parsed
        if fmt == "atom":
            assert "updated_parsed" in entry
        assert [tag.term for tag in entry.tags] in (["الأمان الرقمي"], ["Digital security"])
        assert entry.author
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"http://testserver/{language}/feeds/{section}.{fmt}"]
    assert response["Content-Type"].startswith("application/rss+xml" if fmt == "rss" else "application/atom+xml")


@pytest.mark.parametrize("key", ["all", "topics/digital-security", "news"])
def test_every_item_carries_all_its_topics_by_slug_in_feeds_of_one_or_several_sections(client, topic, key):
    privacy = make_topic(slug="privacy", name_en="Privacy")
    archives = make_topic(slug="archives", name_en="Archives")
    now = timezone.now()
    MAKERS["news"](topics=[privacy, topic, archives], title_ar="خبر", publish_at=now - datetime.timedelta(hours=1))
    MAKERS["events"](topics=[topic], title_ar="فعالية", publish_at=now - datetime.timedelta(hours=2))
    MAKERS["publications"](title_ar="بلا موضوع", publish_at=now - datetime.timedelta(hours=3))
    _response, feed = fetch(client, f"/en/feeds/{key}.rss")
    tags = {entry.title: [tag.term for tag in entry.get("tags", [])] for entry in feed.entries}
    assert tags["خبر"] == ["Archives", "Digital security", "Privacy"]
    if key != "news":
        assert tags["فعالية"] == ["Digital security"]
        assert [entry.title for entry in feed.entries][:2] == ["خبر", "فعالية"]
    if key == "all":
        assert tags["بلا موضوع"] == []


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_topic_feed_lists_everything_on_the_topic_only(client, one_of_each, fmt):
    other = make_topic(slug="elsewhere")
    MAKERS["news"](topics=[other], title_ar="خارج الموضوع")
    _response, feed = fetch(client, f"/en/feeds/topics/digital-security.{fmt}")
    assert not feed.bozo
    assert len(feed.entries) == 5
    assert "خارج الموضوع" not in [entry.title for entry in feed.entries]
    assert feed.feed.link == "http://testserver/en/topics/digital-security/"


def test_category_and_text_are_in_the_feed_language_with_arabic_fallback(client, topic):
    MAKERS["news"](topics=[topic], title_ar="خبر بالعربية", title_en="News in English")
    MAKERS["news"](topics=[topic], title_ar="خبر لم يترجم")
    _response, feed = fetch(client, "/en/feeds/news.rss")
    assert {entry.title for entry in feed.entries} == {"News in English", "خبر لم يترجم"}
    assert {entry.tags[0].term for entry in feed.entries} == {"Digital security"}


def test_only_published_items_newest_first_within_the_limit(client, settings):
    now = timezone.now()
    for days in range(55):
        MAKERS["news"](publish_at=now - datetime.timedelta(days=days + 1), title_ar=f"خبر {days}")
    MAKERS["news"](status=Status.DRAFT, title_ar="مسودة")
    MAKERS["news"](publish_at=now + datetime.timedelta(days=1), title_ar="مجدول")
    _response, feed = fetch(client, "/ar/feeds/news.atom")
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 50
    assert titles[0] == "خبر 0"
    assert titles[-1] == "خبر 49"
    assert "مسودة" not in titles and "مجدول" not in titles


def test_guid_never_changes_when_the_item_is_edited_or_its_slug_changes(client):
    with time_machine.travel(datetime.datetime(2024, 5, 1, 9, tzinfo=datetime.UTC), tick=False):
        item = MAKERS["news"](slug="first-slug", title_ar="العنوان الأول")
        _r, before = fetch(client, "/ar/feeds/news.rss")
    with time_machine.travel(datetime.datetime(2025, 1, 1, 9, tzinfo=datetime.UTC), tick=False):
        item.title_ar = "عنوان معدّل"
        item.slug = "second-slug"
        item.save()
        _r, after = fetch(client, "/ar/feeds/news.rss")
    assert before.entries[0].id == after.entries[0].id
    assert before.entries[0].guidislink is False
    assert after.entries[0].title == "عنوان معدّل"
    assert after.entries[0].link.endswith("/ar/news/second-slug/")
    assert before.entries[0].link.endswith("/ar/news/first-slug/")


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_publication_enclosure_is_the_pdf_in_the_feed_language(client, fmt):
    publication = make_publication(slug="hashtag-palestine")
    add_pdf(publication, "ar", b"%PDF arabic edition")
    add_pdf(publication, "en", b"%PDF english edition, longer")
    _r, english = fetch(client, f"/en/feeds/publications.{fmt}")
    (enclosure,) = english.entries[0].enclosures
    assert enclosure.href == "http://testserver/en/publications/hashtag-palestine/download/en/"
    assert enclosure.type == "application/pdf"
    assert int(enclosure.length) == len(b"%PDF english edition, longer")
    # No Hebrew edition: the Arabic file stands in.
    _r, hebrew = fetch(client, f"/he/feeds/publications.{fmt}")
    (enclosure,) = hebrew.entries[0].enclosures
    assert enclosure.href.endswith("/download/ar/")
    assert int(enclosure.length) == len(b"%PDF arabic edition")


def test_enclosure_length_is_read_from_the_file_when_not_recorded(client):
    publication = make_publication()
    add_pdf(publication, "ar", b"%PDF twelve+", size_bytes=0)
    _r, feed = fetch(client, "/ar/feeds/publications.rss")
    assert int(feed.entries[0].enclosures[0].length) == len(b"%PDF twelve+")


def test_items_without_a_file_have_no_enclosure(client, one_of_each):
    _r, feed = fetch(client, "/ar/feeds/all.rss")
    assert all(not entry.get("enclosures") for entry in feed.entries)


HOSTILE_TITLE = "أ\x01\x08\x0b\x0c\x1f]]><script>alert(1)</script> \u202e\u200f\u2066مرحبا\u2069 🙂 <b>bold</b> &amp;"
HOSTILE_SUMMARY = "<script>alert('x')</script>]]>\x02" + "نص طويل جدا " * 2000


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_hostile_text_still_gives_a_well_formed_feed_without_markup(client, topic, language, fmt):
    hostile_topic = make_topic(slug="hostile", name_ar="<i>موضوع</i>\x07")
    for maker in MAKERS.values():
        maker(topics=[topic, hostile_topic], title_ar=HOSTILE_TITLE, summary_ar=HOSTILE_SUMMARY)
    response, feed = fetch(client, f"/{language}/feeds/all.{fmt}")
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 5
    body = response.content
    assert b"<script" not in body and b"<b>" not in body and b"<i>" not in body
    assert b"\x01" not in body and b"\x1f" not in body
    entry = feed.entries[0]
    assert entry.title == "أ]]><script>alert(1)</script> \u202e\u200f\u2066مرحبا\u2069 🙂 <b>bold</b> &amp;"
    assert entry.title_detail.type == "text/plain"
    # The summary is escaped text, cut to a sensible length: no element for a reader to run.
    assert "<script" not in entry.summary
    assert len(entry.summary) < 1200
    assert "<i>موضوع</i>" in [tag.term for tag in entry.tags]


@pytest.mark.parametrize(
    "url",
    [
        "/ar/feeds/unknown.rss",
        "/en/feeds/topics.atom",
        "/he/feeds/Publications.rss",
        "/ar/feeds/topics/no-such-topic.rss",
        "/en/feeds/topics/no-such-topic.atom",
        "/en/feeds/topics/no-such-topic.json",
        "/ar/feeds/news.xml",
    ],
)
def test_unknown_section_or_topic_is_a_404(client, url):
    assert client.get(url).status_code == 404


# Queries: the freshness check (latest edit and latest publication: for one section or all, from the search
# index; for a topic, from every model's table, joined by UNION ALL), then per model the items, their topics
# and, for publications, their files. Feeds of several sections find their newest keys first (all sections:
# one query on the search index; a topic: each section's, after finding the topic), and read the topics of
# all their items in one query (the links of every section by UNION ALL, with their topics).
# (every entry to write, every entry kept). Written: freshness (from the search index) read with the newest
# keys and the topics' names in one statement, the items of each section, publication files, topic links with
# their topics. Kept: that statement only.
# The newest keys from the search index, the items of each section shown, their topics (all in one query) and
# the publications' files; a topic's feed reads the topic, then the newest items of each section on it.
EXPECTED_QUERIES = {
    "all": 1 + 5 + 1 + 1,
    "publications": 1 + 1 + 1 + 1,
    "news": 3,
    "campaigns": 3,
    "trainings": 3,
    "events": 3,
    "topics/digital-security": 1 + 5 + 1 + 1,
}


def fill(topic, per_section):
    for maker in MAKERS.values():
        for _ in range(per_section):
            item = maker(topics=[topic, make_topic()])
            if item._meta.model_name == "publication":
                add_pdf(item, "ar")
                add_pdf(item, "en")


@pytest.mark.parametrize("key", list(EXPECTED_QUERIES))
@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_each_feed_runs_a_fixed_number_of_queries(client, topic, key, fmt, django_assert_num_queries):
    url = f"/en/feeds/{key}.{fmt}"
    fill(topic, 1)
    with django_assert_num_queries(EXPECTED_QUERIES[key]):
        assert client.get(url).status_code == 200
    fill(topic, 5)
    with django_assert_num_queries(EXPECTED_QUERIES[key]):
        assert client.get(url).status_code == 200


def test_conditional_requests_get_304_until_something_changes(client, one_of_each):
    url = "/ar/feeds/all.rss"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1), tick=False):
        first = client.get(url)
        etag, last_modified = first["ETag"], first["Last-Modified"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
        # Another language is another document.
        assert client.get("/en/feeds/all.rss", HTTP_IF_NONE_MATCH=etag).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5), tick=False):
        item = one_of_each["news"]
        item.title_ar = "عنوان جديد"
        item.save()
        changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert changed.status_code == 200
        assert changed["ETag"] != etag
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200


def test_a_section_feed_is_as_recent_as_the_latest_change_to_its_own_items(client):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=1)
    with time_machine.travel(start, tick=False):
        news = MAKERS["news"](publish_at=start - datetime.timedelta(days=1))
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        MAKERS["events"]()
        assert client.get("/ar/feeds/news.rss")["Last-Modified"] == http_date(start.timestamp())
        assert client.get("/ar/feeds/all.rss")["Last-Modified"] == http_date(start.timestamp() + 3600)
    with time_machine.travel(start + datetime.timedelta(hours=2), tick=False):
        news.status = Status.DRAFT
        news.save()
        assert client.get("/ar/feeds/news.rss")["Last-Modified"] == http_date(start.timestamp() + 7200)


def test_a_conditional_request_is_answered_304_from_the_page_cache_with_no_query(
    client, one_of_each, settings, django_assert_num_queries
):
    settings.PUBLIC_CACHE_SECONDS = 600
    for url in ("/ar/feeds/all.rss", "/ar/feeds/news.atom"):
        etag = client.get(url)["ETag"]
        with django_assert_num_queries(0):
            assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_scheduled_item_coming_due_changes_the_feed(client, one_of_each):
    start = timezone.now()
    MAKERS["news"](publish_at=start + datetime.timedelta(hours=2), title_ar="مجدول")
    first = client.get("/ar/feeds/news.rss")
    assert "مجدول" not in first.content.decode()
    with time_machine.travel(start + datetime.timedelta(hours=3), tick=False):
        later = client.get("/ar/feeds/news.rss", HTTP_IF_NONE_MATCH=first["ETag"])
        assert later.status_code == 200
        assert "مجدول" in later.content.decode()


def test_channel_carries_last_build_date_and_title(client, one_of_each):
    response, feed = fetch(client, "/ar/feeds/publications.rss")
    assert b"<lastBuildDate>" in response.content
    assert "updated_parsed" in feed.feed
    assert feed.feed.title
    assert feed.feed.link == "http://testserver/ar/publications/"


HOSTILE_DESCRIPTION = "<script>alert(1)</script><b>Rights</b> & more"


def channel_description(response):
    return ElementTree.fromstring(response.content).find("channel/description").text  # noqa: S314 - our own output


def test_topic_feed_channel_description_is_escaped_text_like_the_items(client):
    make_topic(slug="hostile", name_ar="موضوع", description_ar=HOSTILE_DESCRIPTION)
    rss = client.get("/ar/feeds/topics/hostile.rss")
    # RSS readers read a description as HTML: the text arrives escaped, no element to run.
    assert "<" not in channel_description(rss)
    assert html.unescape(channel_description(rss)) == HOSTILE_DESCRIPTION
    # Atom's subtitle and JSON Feed's description are declared plain text: written once, not escaped twice.
    atom = feedparser.parse(client.get("/ar/feeds/topics/hostile.atom").content)
    assert atom.feed.subtitle_detail.type == "text/plain"
    assert atom.feed.subtitle == HOSTILE_DESCRIPTION
    assert client.get("/ar/feeds/topics/hostile.json").json()["description"] == HOSTILE_DESCRIPTION


def test_atom_entries_shown_in_arabic_carry_their_language(client):
    MAKERS["news"](title_ar="خبر فقط بالعربية")
    MAKERS["news"](title_ar="خبر", title_en="Translated news")
    root = ElementTree.fromstring(client.get("/en/feeds/news.atom").content)  # noqa: S314 - our own output
    atom, xml_lang = "{http://www.w3.org/2005/Atom}", "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.get(xml_lang) == "en"
    languages = {entry.find(f"{atom}title").text: entry.get(xml_lang) for entry in root.iter(f"{atom}entry")}
    assert languages == {"خبر فقط بالعربية": "ar", "Translated news": None}


@pytest.mark.parametrize("language", ["ar", "he"])
@pytest.mark.parametrize("url", ["feeds/all.rss", "feeds/publications.atom", "feeds/all.json"])
def test_feed_titles_are_in_the_feed_language(client, one_of_each, language, url):
    body = client.get(f"/{language}/{url}").content.decode()
    title = json.loads(body)["title"] if url.endswith("json") else feedparser.parse(body).feed.title
    # Arabic and Hebrew titles: not a Latin letter left untranslated.
    assert not re.search("[A-Za-z]", title), title


@pytest.mark.parametrize("language", ["ar", "he"])
def test_the_calendar_and_feed_links_in_the_head_are_titled_in_the_page_language(client, language):
    html = client.get(f"/{language}/events/").content.decode()
    titles = re.findall(r'<link rel="alternate" type="[^"]+" title="([^"]+)"', html)
    assert titles
    for title in titles:
        assert not re.search("[A-Za-z]", re.sub(r"\((RSS|Atom|JSON Feed|iCalendar)\)", "", title)), title
