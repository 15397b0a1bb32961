"""Admin change-list search uses the site's normalisation; what the admin saves is indexed."""

import pytest
from django.utils import timezone

from content.models import Status, Topic
from publications.models import Article
from search.index import Search
from search.models import SearchDocument
from tests.factories import make_article, make_publication, make_topic

pytestmark = pytest.mark.django_db

CHANGE_LIST = "/admin/publications/article/"


@pytest.mark.parametrize("query", ["التقرير", "تَقْرِير", "تقريره", "بالتقرير", "reports"])
def test_change_list_search_is_normalised_and_stemmed(staff_client, query):
    make_article(title_ar="تقرير سنوي", title_en="Annual report", slug="annual-report")
    make_article(title_ar="خبر آخر", slug="other-news")
    html = staff_client.get(CHANGE_LIST, {"q": query}).content.decode()
    assert "تقرير سنوي" in html
    assert "خبر آخر" not in html


def test_change_list_search_finds_drafts_and_keeps_slug_search(staff_client):
    make_article(title_ar="مسودة بيان", slug="draft-statement", status=Status.DRAFT)
    assert "مسودة بيان" in staff_client.get(CHANGE_LIST, {"q": "بيان"}).content.decode()
    assert "مسودة بيان" in staff_client.get(CHANGE_LIST, {"q": "draft-statement"}).content.decode()


def test_change_list_search_with_bad_input(staff_client):
    make_article(title_ar="تقرير")
    for query in ["& | !", "'", "\u0651", "x" * 1000]:
        assert staff_client.get(CHANGE_LIST, {"q": query}).status_code == 200


def test_change_list_search_is_limited_to_its_model(staff_client):
    make_publication(title_ar="تقرير إصدار")
    assert "تقرير إصدار" not in staff_client.get(CHANGE_LIST, {"q": "تقرير"}).content.decode()


def test_topics_saved_in_the_admin_are_indexed(staff_client):
    topic = make_topic(slug="privacy", name_ar="الخصوصية", name_en="Privacy")
    now = timezone.localtime()
    data = {
        "title_ar": "مقال جديد",
        "slug": "new-article",
        "status": Status.PUBLISHED,
        "publish_at_0": now.strftime("%Y-%m-%d"),
        "publish_at_1": "00:00:00",
        "kind": Article.Kind.NEWS,
        "articletopic_set-TOTAL_FORMS": "1",
        "articletopic_set-INITIAL_FORMS": "0",
        "articletopic_set-MIN_NUM_FORMS": "0",
        "articletopic_set-MAX_NUM_FORMS": "1000",
        "articletopic_set-0-topic": str(topic.pk),
    }
    response = staff_client.post("/admin/publications/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="new-article")
    assert list(article.topics.all()) == [Topic.objects.get()]
    found = {document.object_id for document in Search.parse("خصوصية").documents()}
    assert found == {article.pk}


def test_bulk_delete_in_the_admin_removes_index_entries(staff_client):
    article = make_article(title_ar="تقرير")
    response = staff_client.post(
        CHANGE_LIST, {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    )
    assert response.status_code == 302
    assert not Article.objects.exists()
    assert not SearchDocument.objects.exists()
