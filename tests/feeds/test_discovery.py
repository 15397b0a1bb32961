"""What pages tell feed readers, search engines and link previews: head links, cards, JSON-LD."""

import datetime
import json
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import set_script_prefix
from django.utils import timezone, translation

from syndication.templatetags.discovery import feed_directory
from tests.factories import MAKERS, make_event, make_publication, make_topic, make_training
from tests.feeds.conftest import add_pdf

pytestmark = pytest.mark.django_db

GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x00\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.meta, self.json_ld = [], {}, []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content"))
        elif tag == "script":
            self._in_ld = attrs.get("type") == "application/ld+json"
            if self._in_ld:
                self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = Head()
    parser.feed(response.content.decode())
    parser.response = response
    return parser


def feed_hrefs(head):
    return {link["href"] for link in head.links if link.get("rel") == "alternate" and "type" in link}


def test_every_page_links_the_feeds_of_its_language(client, one_of_each, topic):
    head = head_of(client, "/he/")
    assert {"/he/feeds/all.rss", "/he/feeds/all.atom", "/he/feeds/all.json"} <= feed_hrefs(head)
    types = {link["type"] for link in head.links if link.get("href") == "/he/feeds/all.atom"}
    assert types == {"application/atom+xml"}


def test_section_pages_link_their_section_feed_and_events_their_calendar(client, one_of_each):
    publications = feed_hrefs(head_of(client, "/en/publications/"))
    assert {"/en/feeds/publications.rss", "/en/feeds/publications.atom"} <= publications
    assert "/en/events.ics" not in publications
    events = head_of(client, one_of_each["events"].get_absolute_url().replace("/ar/", "/en/"))
    assert {"/en/feeds/events.rss", "/en/events.ics"} <= feed_hrefs(events)


def test_topic_page_links_the_topic_feed(client, one_of_each, topic):
    hrefs = feed_hrefs(head_of(client, f"/ar/topics/{topic.slug}/"))
    assert {f"/ar/feeds/topics/{topic.slug}.rss", f"/ar/feeds/topics/{topic.slug}.atom"} <= hrefs


def test_every_linked_feed_answers(client, one_of_each, topic):
    for url in ["/ar/", "/ar/events/", f"/ar/topics/{topic.slug}/"]:
        for href in feed_hrefs(head_of(client, url)):
            assert client.get(href).status_code == 200, href


def test_footer_lists_the_feeds_for_people(client):
    page = client.get("/en/").content.decode()
    footer = page[page.index('id="footer-feeds"') :]
    for section in ("all", "publications", "news", "campaigns", "trainings", "events"):
        for extension in ("rss", "atom", "json"):
            assert f'href="/en/feeds/{section}.{extension}"' in footer
    assert 'href="/en/events.ics"' in footer


def test_canonical_and_hreflang_alternates(client, one_of_each):
    item = one_of_each["news"]
    path = item.get_absolute_url().split("/", 2)[2]
    head = head_of(client, f"/en/{path}?utm_source=x")
    canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == [f"http://testserver/en/{path}"]
    hreflang = {link["hreflang"]: link["href"] for link in head.links if "hreflang" in link}
    assert hreflang == {
        "ar": f"http://testserver/ar/{path}",
        "en": f"http://testserver/en/{path}",
        "he": f"http://testserver/he/{path}",
        "x-default": f"http://testserver/ar/{path}",
    }


def test_link_preview_tags_with_cover_image(client):
    item = MAKERS["news"](title_ar="خبر", title_en="A story", summary_en="What happened.", cover_alt_en="Two people")
    item.cover_image.save("cover.gif", ContentFile(GIF))
    head = head_of(client, item.get_absolute_url().replace("/ar/", "/en/"))
    assert head.meta["og:title"] == ["A story"]
    assert head.meta["og:description"] == ["What happened."]
    assert head.meta["og:type"] == ["article"]
    assert head.meta["og:locale"] == ["en_GB"]
    assert head.meta["og:image"][0].startswith("http://testserver/media/covers/")
    assert head.meta["og:image:alt"] == ["Two people"]
    assert head.meta["twitter:card"] == ["summary_large_image"]
    assert head.meta["twitter:title"] == ["A story"]


def test_link_preview_without_image_is_a_summary_card(client, one_of_each):
    head = head_of(client, "/ar/")
    assert head.meta["twitter:card"] == ["summary"]
    assert head.meta["og:type"] == ["website"]
    assert "og:image" not in head.meta


def json_ld(client, url):
    head = head_of(client, url)
    assert len(head.json_ld) == 1, head.json_ld
    return json.loads(head.json_ld[0])


def test_home_has_organization_json_ld(client):
    data = json_ld(client, "/en/")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["url"] == "http://testserver/en/"


def test_publication_is_a_report_with_its_pdf_editions(client, topic):
    item = make_publication(topics=[topic], slug="hashtag-2020", authors_ar="أ. كاتب، ب. كاتبة")
    add_pdf(item, "ar")
    add_pdf(item, "en")
    data = json_ld(client, "/en/publications/hashtag-2020/")
    assert data["@type"] == "Report"
    assert data["datePublished"] == "2021-03-01"
    assert [author["name"] for author in data["author"]] == ["أ. كاتب", "ب. كاتبة"]
    assert [media["inLanguage"] for media in data["encoding"]] == ["ar", "en"]
    assert data["encoding"][1]["contentUrl"] == "http://testserver/en/publications/hashtag-2020/download/en/"
    assert data["about"] == [{"@type": "Thing", "name": "Digital security"}]


def test_news_is_a_news_article(client, one_of_each):
    data = json_ld(client, one_of_each["news"].get_absolute_url())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == one_of_each["news"].title_ar
    assert data["publisher"]["@type"] == "Organization"


def test_event_in_a_place_and_online(client):
    place = make_event(slug="forum", venue_ar="رام الله", role="organised")
    online = make_event(slug="webinar", is_online=True, registration_url="https://example.org/register")
    data = json_ld(client, "/ar/events/forum/")
    assert data["@type"] == "Event"
    assert data["location"] == {"@type": "Place", "name": "رام الله", "address": "رام الله"}
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["organizer"]["@type"] == "Organization"
    assert data["startDate"] == timezone.localtime(place.starts_at).isoformat()
    data = json_ld(client, "/ar/events/webinar/")
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/register"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "organizer" not in data
    assert online.pk


def test_training_is_a_course(client):
    make_training(slug="digital-parenting", mode="online", end_date=datetime.date(2021, 4, 1))
    data = json_ld(client, "/he/trainings/digital-parenting/")
    assert data["@type"] == "Course"
    assert data["provider"]["@type"] == "Organization"
    assert data["hasCourseInstance"][0]["courseMode"] == "Online"
    assert data["hasCourseInstance"][0]["endDate"] == "2021-04-01"


def test_json_ld_cannot_be_broken_out_of(client):
    title = '</script><script>alert("x")</script> & <!-- \x01'
    item = MAKERS["news"](title_ar=title)
    response = client.get(item.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert" not in html
    start = html.index('<script type="application/ld+json">')
    block = html[start : html.index("</script>", start)]
    assert "\\u003C/script\\u003E" in block and "\\u0026" in block
    head = Head()
    head.feed(html)
    assert json.loads(head.json_ld[0])["headline"] == '</script><script>alert("x")</script> & <!--'


@pytest.mark.parametrize("section", ["publications", "news", "trainings", "events"])
def test_head_adds_no_query_whatever_the_number_of_topics_and_files(client, section):
    def page_queries(topic_count):
        item = MAKERS[section](topics=[make_topic() for _ in range(topic_count)])
        if section == "publications":
            for language in ["ar", "en", "he"][: min(topic_count, 3)]:
                add_pdf(item, language)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(item.get_absolute_url()).status_code == 200
        return len(queries.captured_queries)

    assert page_queries(1) == page_queries(6)


def footer_feeds(html):
    footer = html[html.index('<ul class="plain feed-list">') :]
    return footer[: footer.index("</ul>")]


def test_the_footer_lists_the_feeds_of_the_page_language(client):
    """The footer's feed list is kept per language: each page gets its own."""
    arabic = footer_feeds(client.get("/ar/privacy/").content.decode())
    english = footer_feeds(client.get("/en/privacy/").content.decode())

    assert "كل المستجدات" in arabic and 'href="/ar/feeds/all.rss"' in arabic
    assert "All updates" in english and 'href="/en/feeds/all.rss"' in english
    assert footer_feeds(client.get("/ar/privacy/").content.decode()) == arabic


def test_the_feed_list_follows_the_address_the_site_is_served_under():
    with translation.override("en"):
        at_root = feed_directory()
        set_script_prefix("/hamleh/")
        try:
            under_prefix = feed_directory()
        finally:
            set_script_prefix("/")
    assert at_root[0]["formats"][0]["url"] == "/en/feeds/all.rss"
    assert under_prefix[0]["formats"][0]["url"] == "/hamleh/en/feeds/all.rss"


def test_the_head_links_follow_a_renamed_topic_and_the_host(client, topic, settings):
    """The feed links and language versions are worked out once per address and kept: a topic's new
    name is a new entry, and the host asked for still comes from each request."""
    url = f"/en/topics/{topic.slug}/"
    titles = {link["title"] for link in head_of(client, url).links if "title" in link}
    topic.name_en = "A renamed topic"
    topic.save()
    renamed = {link["title"] for link in head_of(client, url).links if "title" in link}
    assert any("A renamed topic" in title for title in renamed)
    assert not any("A renamed topic" in title for title in titles)

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "mirror.example.org"]
    response = client.get(url, HTTP_HOST="mirror.example.org")
    assert response.status_code == 200
    parser = Head()
    parser.feed(response.content.decode())
    hreflang = {link["hreflang"]: link["href"] for link in parser.links if "hreflang" in link}
    assert hreflang["ar"] == f"http://mirror.example.org/ar/topics/{topic.slug}/"


def test_the_language_versions_follow_the_address_the_site_is_served_under(rf):
    from syndication.templatetags.discovery import _language_alternates

    request = rf.get("/en/news/")
    request.path = "/hamleh/en/news/"
    with translation.override("en"):
        set_script_prefix("/hamleh/")
        try:
            under_prefix = {alt["code"]: alt["url"] for alt in _language_alternates(request)}
        finally:
            set_script_prefix("/")
    assert under_prefix["he"] == "http://testserver/hamleh/he/news/"


def test_campaign_is_a_creative_work_over_its_dates(client, topic):
    campaign = MAKERS["campaigns"](
        topics=[topic], title_ar="حملة", start_date=datetime.date(2021, 2, 1), end_date=datetime.date(2021, 6, 30)
    )
    data = json_ld(client, campaign.get_absolute_url().replace("/ar/", "/en/"))
    assert data["@type"] == "CreativeWork"
    assert data["headline"] == "حملة" and data["inLanguage"] == "ar"
    assert data["temporalCoverage"] == "2021-02-01/2021-06-30"
    assert data["creator"]["@type"] == "Organization"
    assert data["about"] == [{"@type": "Thing", "name": "Digital security"}]
    ongoing = MAKERS["campaigns"](start_date=datetime.date(2022, 1, 1))
    assert json_ld(client, ongoing.get_absolute_url())["temporalCoverage"] == "2022-01-01/.."
