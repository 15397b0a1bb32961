import pytest
from django.urls import reverse
from reversion.models import Version

from publications.models import Article
from tests.factories import make_topic
from tests.workflow.helpers import admin_form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:publications_article_add")


def topic_rows(data, topics):
    data = dict(data)
    data["articletopic_set-TOTAL_FORMS"] = str(len(topics))
    for index, topic in enumerate(topics):
        data[f"articletopic_set-{index}-topic"] = str(topic.pk)
    return data


@pytest.fixture
def saved_twice(editor_client):
    """An article saved through the admin in three languages, then edited in every language."""
    privacy, security = make_topic(slug="privacy"), make_topic(slug="security")
    data = admin_form_data(
        editor_client.get(ADD_URL),
        slug="hashtag-palestine",
        title_ar="هاشتاغ فلسطين",
        title_en="Hashtag Palestine",
        title_he="האשטאג פלסטין",
        summary_en="The annual report.",
    )
    assert editor_client.post(ADD_URL, topic_rows(data, [privacy])).status_code == 302
    article = Article.objects.get(slug="hashtag-palestine")
    url = reverse("admin:publications_article_change", args=[article.pk])
    data = admin_form_data(
        editor_client.get(url),
        title_ar="هاشتاغ فلسطين 2021",
        title_en="Hashtag Palestine 2021",
        title_he="האשטאג פלסטין 2021",
        summary_en="The annual report, second edition.",
    )
    data["articletopic_set-0-DELETE"] = "on"
    data = topic_rows(data, [])
    data.update({"articletopic_set-TOTAL_FORMS": "2", "articletopic_set-1-topic": str(security.pk)})
    response = editor_client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    return article, privacy, security


def test_every_save_keeps_a_revision_with_all_translated_columns_and_topics(saved_twice, editor):
    article, privacy, security = saved_twice
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    first = versions.last()
    assert first.revision.user == editor
    fields = first.field_dict
    assert (fields["title_ar"], fields["title_en"], fields["title_he"]) == (
        "هاشتاغ فلسطين",
        "Hashtag Palestine",
        "האשטאג פלסטין",
    )
    linked_topics = [v.field_dict["topic_id"] for v in first.revision.version_set.all() if "topic_id" in v.field_dict]
    assert linked_topics == [privacy.pk]
    assert list(article.topics.all()) == [security]


def test_compare_view_shows_the_difference_between_two_revisions(saved_twice, editor_client):
    article, _privacy, _security = saved_twice
    newer, older = Version.objects.get_for_object(article)
    url = reverse("admin:publications_article_compare", args=[article.pk])
    response = editor_client.get(url, {"version_id1": older.pk, "version_id2": newer.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hashtag Palestine" in page
    assert "2021" in page
    assert "The annual report, second edition." in page or "second edition" in page


def test_restoring_a_revision_brings_back_every_language_and_the_topics(saved_twice, editor_client):
    article, privacy, _security = saved_twice
    older = Version.objects.get_for_object(article).last()
    url = reverse("admin:publications_article_revision", args=[article.pk, older.pk])
    form = editor_client.get(url)
    assert form.status_code == 200
    response = editor_client.post(url, admin_form_data(form))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title_ar, article.title_en, article.title_he, article.summary_en) == (
        "هاشتاغ فلسطين",
        "Hashtag Palestine",
        "האשטאג פלסטין",
        "The annual report.",
    )
    assert list(article.topics.all()) == [privacy]
    assert Version.objects.get_for_object(article).count() == 3
