"""Holes the shared page cache must not have: headers a CDN can trust, feeds cached, personal pages never shared."""

import pytest
from django.urls import reverse

from tests.auth import login_verified
from tests.factories import make_article, make_event, make_publication, make_topic
from tests.performance import urls as probe_urls

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    settings.PUBLIC_BROWSER_CACHE_SECONDS = 60


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize("url_name", ["website:home", "publications:article_list", "website:privacy"])
def test_shared_pages_tell_a_cdn_public_short_and_vary_on_cookie(client, url_name, django_assert_num_queries):
    make_article()
    url = reverse(url_name)
    first = client.get(url)
    with django_assert_num_queries(0):
        hit = client.get(url)
    for response in (first, hit):
        assert response.status_code == 200
        assert directives(response) == {"public", "max-age=60"}
        # A visitor with a session (staff) gets another page: a CDN must not hand them this one.
        assert "cookie" in vary(response)
        assert not response.cookies
    assert hit.content == first.content


def test_detail_page_hit_runs_no_query_and_keeps_vary(client, django_assert_num_queries):
    item = make_publication(topics=[make_topic()])
    client.get(item.get_absolute_url())
    with django_assert_num_queries(0):
        hit = client.get(item.get_absolute_url())
    assert "cookie" in vary(hit)
    assert "public" in directives(hit)


@pytest.mark.parametrize(
    "url",
    ["/ar/feeds/all.rss", "/en/feeds/news.atom", "/ar/feeds/publications.json", "/he/events.ics"],
)
def test_feeds_are_cached_and_a_hit_runs_no_query(client, url, django_assert_num_queries):
    make_article(title_ar="خبر في الخلاصة")
    make_publication()
    make_event()
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        hit = client.get(url)
    assert hit.content == first.content
    assert "public" in directives(hit)
    assert "cookie" in vary(hit)


def test_topic_feed_is_cached_per_language(client, django_assert_num_queries):
    topic = make_topic(slug="privacy", name_ar="الخصوصية", name_en="Privacy")
    make_article(topics=[topic])
    arabic = client.get("/ar/feeds/topics/privacy.rss")
    english = client.get("/en/feeds/topics/privacy.rss")
    assert arabic.content != english.content
    with django_assert_num_queries(0):
        assert client.get("/ar/feeds/topics/privacy.rss").content == arabic.content
        assert client.get("/en/feeds/topics/privacy.rss").content == english.content


def test_feed_answers_conditional_get_with_304(client):
    make_article()
    first = client.get("/ar/feeds/all.atom")
    again = client.get("/ar/feeds/all.atom", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.fixture
def probe_site(settings):
    settings.ROOT_URLCONF = "tests.performance.urls"
    probe_urls.rendered.clear()
    return probe_urls.rendered


def test_a_page_carrying_a_csrf_token_is_never_shared(client, probe_site):
    first = client.get("/ar/form-probe/")
    second = client.get("/ar/form-probe/")
    assert len(probe_site) == 2  # rendered each time: never served from the shared cache
    assert first.content != b"" and "csrftoken" in first.cookies
    for response in (first, second):
        assert "private" in directives(response)
        assert "public" not in directives(response)
        assert "cookie" in vary(response)


def test_a_never_cache_view_keeps_its_headers(client):
    response = client.get(reverse("newsletter:subscribe"))
    assert response.status_code == 200
    assert {"no-store", "private"} <= directives(response)
    assert "public" not in directives(response)


def test_staff_pages_are_private_and_never_read_from_the_cache(client, staff_client, django_assert_max_num_queries):
    make_article(title_ar="منشور")
    url = reverse("publications:article_list")
    response = staff_client.get(url)
    assert "private" in directives(response)
    assert "public" not in directives(response)


def test_a_visitor_with_a_session_cookie_bypasses_the_cache(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_article()
    url = reverse("publications:article_list")
    client.get(url)
    client.cookies["sessionid"] = "no-such-session"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert len(queries) > 0
    assert "private" in directives(response)


def test_a_csrf_cookie_alone_does_not_split_the_shared_cache(client, django_assert_num_queries):
    item = make_article()
    client.get(item.get_absolute_url())
    client.cookies["csrftoken"] = "a" * 32
    with django_assert_num_queries(0):
        response = client.get(item.get_absolute_url())
    assert response.status_code == 200


def test_the_root_redirect_still_follows_language_and_cookie(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="he")["Location"] == "/he/"
    client.cookies["django_language"] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="he")["Location"] == "/en/"
    assert {"accept-language", "cookie"} <= vary(client.get("/"))


def test_a_page_with_a_pending_message_is_not_served_from_the_cache(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_article()
    url = reverse("publications:article_list")
    client.get(url)
    client.cookies["messages"] = "anything"
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) > 0


def test_deleting_in_bulk_from_the_admin_expires_cached_pages(client, django_user_model):
    from django.test import Client

    from publications.models import Article

    keep = make_article(title_ar="يبقى")
    gone = make_article(title_ar="يحذف بالجملة")
    url = reverse("publications:article_list")
    assert "يحذف بالجملة" in client.get(url).content.decode()  # now cached
    staff = Client()
    login_verified(
        staff, django_user_model.objects.create_superuser("bulk", "bulk@example.org", "a-long-test-password-1")
    )
    response = staff.post(
        reverse("admin:publications_article_changelist"),
        {"action": "delete_selected", "_selected_action": [gone.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Article.objects.filter(pk=gone.pk).exists()
    page = client.get(url).content.decode()
    assert "يحذف بالجملة" not in page
    assert "يبقى" in page and keep.pk


def test_the_shared_cache_keeps_a_page_longer_than_browsers_do(client, django_assert_num_queries):
    import datetime

    import time_machine
    from django.utils import timezone

    make_article()
    url = reverse("publications:article_list")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get(url)["Cache-Control"] == "public, max-age=60"
    with time_machine.travel(start + datetime.timedelta(seconds=300), tick=False), django_assert_num_queries(0):
        hit = client.get(url)
        assert hit.status_code == 200
        # Browsers get 60 seconds from now, not from when the page was stored.
        from django.utils.http import parse_http_date

        assert parse_http_date(hit["Expires"]) == int((start + datetime.timedelta(seconds=360)).timestamp())
    with time_machine.travel(start + datetime.timedelta(seconds=601), tick=False):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) > 0
