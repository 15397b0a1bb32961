"""Detail pages read by key first: one statement names the item (key by slug, the topics' names, related
keys, a news item's mentions), and what shows the item itself is kept by its version. The page must never
show anything out of date, nor a page of an item that is no longer public."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content.models import Status
from content.views import ItemByKey
from publications.models import Article
from tests.factories import MAKERS, make_article, make_event, make_publication, make_topic

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_kept_item_page_is_the_same_page_without_reading_the_item(client):
    topic = make_topic(slug="privacy", name_ar="الخصوصية")
    item = make_article(title_ar="خبر محفوظ", body_ar="<p>نص الخبر</p>", topics=[topic])
    make_article(title_ar="خبر قريب", topics=[topic])
    first = client.get(item.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        second = client.get(item.get_absolute_url())
    assert second.content == first.content
    assert len(queries) == 1
    stand_in = second.context["object"]
    assert type(stand_in) is ItemByKey and isinstance(stand_in, Article) and stand_in._item is None
    body = second.content.decode()
    assert "خبر محفوظ" in body and "نص الخبر" in body and "الخصوصية" in body and "خبر قريب" in body
    assert '<link rel="canonical"' in body and "<title>خبر محفوظ" in body


@pytest.mark.parametrize("section", ["news", "trainings", "events", "publications", "campaigns"])
def test_an_edited_item_shows_its_new_text_at_once(client, section):
    item = MAKERS[section](title_ar="العنوان الأول")
    assert "العنوان الأول" in page(client, item.get_absolute_url())
    item.title_ar = "العنوان الجديد"
    item.summary_ar = "ملخص جديد"
    item.save()
    body = page(client, item.get_absolute_url())
    assert "العنوان الجديد" in body and "ملخص جديد" in body and "العنوان الأول" not in body


def test_a_renamed_topic_shows_on_the_kept_item_page(client):
    topic = make_topic(slug="privacy", name_ar="الخصوصية")
    item = make_event(topics=[topic])
    assert ">الخصوصية</a>" in page(client, item.get_absolute_url())
    topic.name_ar = "حماية الخصوصية"
    topic.save()
    assert ">حماية الخصوصية</a>" in page(client, item.get_absolute_url())


def test_an_unpublished_or_deleted_item_is_gone_though_its_page_was_kept(client):
    item = make_article(title_ar="خبر سيسحب")
    other = make_article()
    page(client, item.get_absolute_url())
    page(client, other.get_absolute_url())
    item.status = Status.DRAFT
    item.save()
    assert client.get(item.get_absolute_url()).status_code == 404
    url = other.get_absolute_url()
    other.delete()
    assert client.get(url).status_code == 404


def test_a_scheduled_item_appears_when_its_time_comes(client):
    due = timezone.now() + datetime.timedelta(hours=2)
    item = make_article(title_ar="خبر مجدول", publish_at=due)
    assert client.get(item.get_absolute_url()).status_code == 404
    with time_machine.travel(due + datetime.timedelta(minutes=1)):
        assert "خبر مجدول" in page(client, item.get_absolute_url())


def test_related_items_and_mentions_follow_other_items_not_the_kept_version(client):
    topic = make_topic()
    item = make_article(topics=[topic])
    mentioned = make_publication(title_ar="تقرير مذكور")
    item.related_publications.add(mentioned)
    body = page(client, item.get_absolute_url())
    assert "تقرير مذكور" in body and "خبر لاحق" not in body

    make_article(title_ar="خبر لاحق", topics=[topic])
    mentioned.status = Status.DRAFT
    mentioned.save()
    body = page(client, item.get_absolute_url())
    assert "خبر لاحق" in body and "تقرير مذكور" not in body


def test_staff_preview_a_draft_and_see_the_banner(staff_client):
    draft = make_article(title_ar="مسودة", status=Status.DRAFT)
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "مسودة" in body and "preview-banner" in body
    assert type(response.context["object"]) is Article  # read whole: drafts are no visitor's


def test_the_kept_pieces_follow_the_language(client):
    item = make_article(title_ar="عنوان عربي", title_en="English title")
    assert "عنوان عربي" in page(client, item.get_absolute_url())
    with_english = page(client, item.get_absolute_url().replace("/ar/", "/en/", 1))
    assert "English title" in with_english and "عنوان عربي" not in with_english


def test_a_slug_of_nothing_public_is_a_404_with_no_item_read(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/ar/news/no-such-item/").status_code == 404
    assert len(queries) == 1
