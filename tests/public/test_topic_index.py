"""`/<lang>/topics/`: every topic, with what is published on it by section."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content.models import Status
from tests.factories import MAKERS, make_topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ar", "en", "he"])
def test_the_topic_index_answers_in_each_language(client, language):
    make_topic(slug="privacy", name_ar="الخصوصية", name_en="Privacy")
    response = client.get(f"/{language}/topics/")
    assert response.status_code == 200
    assert f'href="/{language}/topics/privacy/"' in response.content.decode()


def test_the_topic_index_counts_public_items_by_section(client):
    privacy = make_topic(slug="privacy", name_ar="الخصوصية", name_en="Privacy")
    make_topic(slug="empty", name_ar="فارغ", name_en="Empty")
    MAKERS["publications"](topics=[privacy])
    MAKERS["publications"](topics=[privacy])
    MAKERS["events"](topics=[privacy])
    MAKERS["news"](topics=[privacy], status=Status.DRAFT)
    MAKERS["news"](topics=[privacy], publish_at=timezone.now() + datetime.timedelta(days=1))
    html = client.get("/en/topics/").content.decode()
    entry = html[html.index('href="/en/topics/privacy/"') :]
    entry = entry[: entry.index("</li>\n")] if "</li>\n" in entry else entry
    assert "3 items" in entry
    assert 'href="/en/publications/?topic=privacy">Publications <span class="tag-count">2</span>' in entry
    assert 'href="/en/events/?topic=privacy">Events <span class="tag-count">1</span>' in entry
    assert "/en/news/?topic=privacy" not in entry
    empty = html[html.index('href="/en/topics/empty/"') :]
    assert "0 items" in empty[: empty.index("</li>")]


def test_the_topic_index_runs_one_query_whatever_the_number_of_topics(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/topics/").status_code == 200
        return len(captured.captured_queries)

    make_topic()
    few = queries()
    for _ in range(8):
        MAKERS["news"](topics=[make_topic()])
    assert queries() == few == 1
