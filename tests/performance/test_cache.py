import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.models import Status
from tests.factories import make_article, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_CACHE_SECONDS = 600
    settings.PUBLIC_BROWSER_CACHE_SECONDS = 60


def news_titles(client):
    return client.get(reverse("publications:article_list")).content.decode()


def test_a_cache_hit_runs_no_query(client):
    make_article(title_ar="خبر أول")
    url = reverse("publications:article_list")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries) == 0
    assert "خبر أول" in response.content.decode()
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


def test_saving_content_expires_cached_pages(client):
    item = make_article(title_ar="قبل التعديل")
    assert "قبل التعديل" in news_titles(client)
    item.title_ar = "بعد التعديل"
    item.save()
    assert "بعد التعديل" in news_titles(client)


def test_unpublishing_and_deleting_remove_the_item_at_once(client):
    item = make_article(title_ar="سيسحب")
    other = make_article(title_ar="سيحذف")
    assert "سيسحب" in news_titles(client)
    item.status = Status.DRAFT
    item.save()
    assert "سيسحب" not in news_titles(client)
    other.delete()
    assert "سيحذف" not in news_titles(client)


def test_a_scheduled_item_appears_exactly_when_due_without_any_write(client):
    due = timezone.now().replace(microsecond=0) + datetime.timedelta(minutes=5)
    make_article(title_ar="قديم")
    make_article(title_ar="مجدول", publish_at=due)
    with time_machine.travel(due - datetime.timedelta(seconds=1), tick=False):
        assert "مجدول" not in news_titles(client)
        assert "مجدول" not in news_titles(client)  # served from the cache
    with time_machine.travel(due, tick=False):
        assert "مجدول" in news_titles(client)


def test_signed_in_staff_never_get_the_shared_page(client, staff_client):
    item = make_article(title_ar="مسودة", status=Status.DRAFT)
    make_article(title_ar="منشور")
    client.get(reverse("publications:article_list"))  # cached for visitors
    assert "مسودة" not in news_titles(client)
    response = staff_client.get(item.get_absolute_url())
    assert 'class="preview-banner"' in response.content.decode()
    with CaptureQueriesContext(connection) as queries:
        staff_client.get(reverse("publications:article_list"))
    assert len(queries) > 0


def test_the_admin_is_never_cached(staff_client):
    staff_client.get("/admin/")
    with CaptureQueriesContext(connection) as queries:
        staff_client.get("/admin/")
    assert len(queries) > 0


def test_conditional_get_answers_304(client):
    make_publication()
    url = reverse("publications:publication_list")
    first = client.get(url)
    assert first.has_header("ETag")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("extension", ["rss", "atom", "json"])
def test_feeds_are_served_and_cached_in_one_piece(client, extension):
    """A feed written element by element would reach the socket in thousands of writes, on every hit."""
    make_article(title_ar="خبر في الموجز")
    url = f"/ar/feeds/all.{extension}"
    fresh, hit = client.get(url), client.get(url)
    for response in (fresh, hit):
        assert response.status_code == 200
        assert len(list(response)) == 1
    assert "خبر في الموجز" in hit.content.decode()
