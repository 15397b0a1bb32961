"""Every page, feed and email says what the identity says, right after staff save it."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.test import Client

from identity.models import Office, SiteIdentity, SocialLink
from tests.factories import make_article, make_topic

pytestmark = pytest.mark.django_db


def rename(name_ar, name_en, **fields):
    """What the admin's save does: the one row saved (its page-cache and identity expiry included)."""
    identity = SiteIdentity.objects.get()
    identity.name_ar, identity.name_en = name_ar, name_en
    for field, value in fields.items():
        setattr(identity, field, value)
    identity.save()


def test_pages_show_the_name_logo_and_tagline_and_a_change_shows_at_once(
    client, identity, settings, django_assert_num_queries
):
    settings.PUBLIC_CACHE_SECONDS = 600  # the shared page cache on, as on a running site
    article = make_article(title_en="A story")
    for url in ("/ar/", article.get_absolute_url()):
        body = client.get(url).content.decode()
        assert "<title>" in body and " · حملة</title>" in body
        assert 'class="site-title">حملة<span class="site-tagline">مركز للحقوق الرقمية</span>' in body
        assert 'src="/static/hamleh/logo.svg"' in body
        assert '<link rel="icon" href="/static/hamleh/favicon.svg" type="image/svg+xml">' in body
        with django_assert_num_queries(0):  # served from the page cache
            client.get(url)
    rename("حملة الجديدة", "New Hamleh", tagline_ar="شعار جديد")
    for url in ("/ar/", article.get_absolute_url()):
        body = client.get(url).content.decode()
        assert " · حملة الجديدة</title>" in body
        assert 'حملة الجديدة<span class="site-tagline">شعار جديد</span>' in body
    assert " · New Hamleh</title>" in client.get("/en/").content.decode()


def test_each_language_shows_its_translation_or_the_arabic(client, identity):
    assert '<h2 id="footer-identity">Hamleh</h2>' in client.get("/en/").content.decode()
    hebrew = client.get("/he/").content.decode()
    assert '<h2 id="footer-identity">חמלה</h2>' in hebrew
    # No Hebrew tagline: the Arabic one.
    assert "مركز للحقوق الرقمية" in hebrew
    english = client.get("/en/").content.decode()
    assert "Digital rights centre" in english and "12 Harbour St<br>Haifa" in english


def test_the_footer_has_the_offices_contacts_links_and_one_feeds_place(client, identity):
    body = client.get("/ar/").content.decode()
    footer = body[body.index('<footer class="site-footer">') :]
    assert "مكتب حيفا" in footer and "شارع الميناء 12<br>حيفا" in footer
    assert 'href="mailto:info@hamleh.example.org"' in footer
    assert '<a href="https://social.example/@hamleh" rel="me noopener noreferrer">Mastodon</a>' in footer
    assert footer.count('id="footer-feeds"') == 1 and footer.count("/ar/feeds/all.rss") == 1


class Resources(HTMLParser):
    """Every address the browser would fetch by itself (not the links a visitor may follow)."""

    def __init__(self):
        super().__init__()
        self.fetched = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "srcset", "poster", "data", "action"):
            if attrs.get(name):
                self.fetched.append(attrs[name])
        if tag == "link" and attrs.get("href"):
            self.fetched.append(attrs["href"])
        if attrs.get("style"):
            self.fetched.append(attrs["style"])


def test_the_header_and_footer_make_no_third_party_request(client, identity):
    SocialLink.objects.create(network=SocialLink.Network.YOUTUBE, url="https://video.example/@hamleh")
    body = client.get("/ar/").content.decode()
    chrome = body[: body.index("<main")] + body[body.index('<footer class="site-footer">') :]
    parser = Resources()
    parser.feed(chrome)
    for address in parser.fetched:
        assert not urlsplit(address.split()[0]).netloc or urlsplit(address).netloc == "testserver", address
    assert "<svg" not in chrome and "<script" not in chrome.split("</head>", 1)[1]
    # The networks are plain text links: no icon or widget is loaded from them.
    footer = body[body.index('<footer class="site-footer">') :]
    assert re.findall(r'<a href="(https://[^"]+)" rel="me', footer) == [
        "https://social.example/@hamleh",
        "https://video.example/@hamleh",
    ]


def organization_of(client, url):
    body = client.get(url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return json.loads(blocks[0])


def test_the_home_page_describes_the_organization_from_the_identity(client, identity):
    identity = SiteIdentity.objects.get()
    identity.phone, identity.press_email = "+972 4 555 0143", "press@hamleh.example.org"
    identity.save()
    data = organization_of(client, "/en/")
    assert data["@type"] == "Organization"
    assert data["name"] == "Hamleh" and data["description"] == "Digital rights centre"
    assert data["logo"] == "http://testserver/static/hamleh/logo.svg"
    assert data["email"] == "info@hamleh.example.org" and data["telephone"] == "+972 4 555 0143"
    assert data["sameAs"] == ["https://social.example/@hamleh"]
    assert data["location"] == [{"@type": "Place", "name": "Haifa office", "address": "12 Harbour St Haifa"}]
    assert data["contactPoint"] == [
        {"@type": "ContactPoint", "contactType": "press", "email": "press@hamleh.example.org"}
    ]
    rename("حملة", "Hamleh Centre")
    assert organization_of(client, "/en/")["name"] == "Hamleh Centre"


def test_an_article_names_the_identity_as_its_publisher(client, identity):
    article = make_article(title_en="A story")
    rename("حملة", "Hamleh Centre")
    data = organization_of(client, article.get_absolute_url().replace("/ar/", "/en/"))
    assert data["publisher"]["name"] == "Hamleh Centre"


def test_the_sharing_image_is_the_default_of_pages_without_a_cover(client, identity):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630), "#0b5d4b").save(buffer, format="PNG")
    row = SiteIdentity.objects.get()
    row.sharing_image.save("sharing.png", ContentFile(buffer.getvalue()), save=False)
    row.save()
    body = client.get("/en/").content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)">', body).group(1)
    assert image.startswith("http://testserver/media/identity/") and image.endswith("/sharing.png")
    assert '<meta name="twitter:card" content="summary_large_image">' in body
    assert f'<meta name="twitter:image" content="{image}">' in body


def test_feeds_carry_the_name_and_follow_a_change_at_once(client, identity, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    make_article(title_en="A story")
    for url in ("/en/feeds/all.rss", "/en/feeds/all.atom", "/en/feeds/news.json"):
        assert "Hamleh" in client.get(url).content.decode()
    rss = client.get("/en/feeds/all.rss").content.decode()
    assert "<title>Hamleh · Latest updates</title>" in rss
    rename("حملة", "Hamleh Centre")
    rss = client.get("/en/feeds/all.rss").content.decode()
    assert "<title>Hamleh Centre · Latest updates</title>" in rss
    atom = client.get("/en/feeds/all.atom").content.decode()
    assert "<author><name>Hamleh Centre</name></author>" in atom
    data = json.loads(client.get("/en/feeds/news.json").content)
    assert data["title"] == "Hamleh Centre · News" and data["authors"] == [{"name": "Hamleh Centre"}]
    assert "حملة · " in client.get("/ar/feeds/all.rss").content.decode()


def test_the_events_calendar_is_named_after_the_organisation(client, identity):
    rename("حملة", "Hamleh Centre")
    assert "X-WR-CALNAME:Hamleh Centre · Events" in client.get("/en/events.ics").content.decode()


def test_newsletter_emails_carry_the_name_in_subject_and_signature(identity, client):
    from tests.newsletter.helpers import form_data, subscribe_url

    rename("حملة", "Hamleh Centre", tagline_en="Digital rights centre")
    client.post(subscribe_url("en"), form_data(language="en"))
    message = mail.outbox[-1]
    assert message.subject == "Please confirm your subscription to the newsletter of Hamleh Centre"
    assert "Hamleh Centre — http://127.0.0.1:8000/en/" in message.body
    assert "info@hamleh.example.org" in message.body
    assert "Hamleh Centre" in message.alternatives[0][0]


def test_the_digest_subject_follows_a_change(identity):
    from newsletter.emails import digest_message
    from tests.newsletter.helpers import make_subscriber

    subscriber = make_subscriber(language="en")
    article = make_article(title_en="A story")
    assert digest_message(subscriber, [("news", [article])]).subject == "Hamleh: 1 new item"
    rename("حملة", "Hamleh Centre")
    message = digest_message(subscriber, [("news", [article])])
    assert message.subject == "Hamleh Centre: 1 new item"
    assert "What's new at Hamleh Centre since our last email:" in message.body


def test_registration_emails_are_signed_with_the_name(identity):
    from tests.enrolment.helpers import NOW, open_training, register

    with time_machine.travel(NOW, tick=False):
        rename("حملة المركز", "Hamleh Centre")
        register(open_training(), "salma@example.org")
        arabic = mail.outbox[-1]
        assert "حملة المركز — http://127.0.0.1:8000/ar/" in arabic.body
        assert "حملة المركز" in arabic.alternatives[0][0]
        register(open_training(), "sam@example.org", language="en")
        assert "Hamleh Centre — http://127.0.0.1:8000/en/" in mail.outbox[-1].body


def test_the_admin_header_names_the_organisation(identity, editor_client):
    rename("حملة", "Hamleh Centre")
    body = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Hamleh Centre" in body


def test_a_page_costs_no_query_for_the_identity(client, identity, django_assert_num_queries):
    """The identity is in the cache: the topic index runs the query it runs without it (and the menus')."""
    make_topic()
    Office.objects.create(name_ar="مكتب رام الله", address_ar="رام الله")
    client.get("/ar/topics/")  # the identity read again after that change
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/ar/topics/").status_code == 200
    assert not [query for query in queries if "identity_" in query["sql"]]


def test_a_second_client_sees_the_new_name_too(identity, settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    first, second = Client(), Client()
    first.get("/ar/")
    rename("اسم آخر", "Another name")
    assert " · اسم آخر</title>" in second.get("/ar/").content.decode()


def test_an_uploaded_favicon_is_the_pages_icon(client, identity):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (180, 180), "#0b5d4b").save(buffer, format="PNG")
    row = SiteIdentity.objects.get()
    row.favicon = SimpleUploadedFile("icon.png", buffer.getvalue(), content_type="image/png")
    row.save()
    body = client.get("/ar/").content.decode()
    assert f'<link rel="icon" href="{row.favicon.url}" type="image/png">' in body
    assert f'<link rel="apple-touch-icon" href="{row.favicon.url}">' in body
