"""Prepared queries: SQL the ORM writes once, run again with the values of the moment, reads what the ORM reads."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content.models import SearchDocument, Status, Topic
from hamleh.prepared import PreparedQueries, PreparedQuery
from publications.models import Article
from tests.factories import make_article, make_event, make_topic
from trainings.models import Event

pytestmark = pytest.mark.django_db

NOON = timezone.make_aware(datetime.datetime(2026, 5, 1, 12))


def newest_news(now):
    return Article.objects.published(now).values_list("pk", "version_token", "publish_at", "featured")[:3]


def test_rows_are_the_orms_rows_in_the_order_asked():
    for hours in range(5):
        make_article(publish_at=NOON - datetime.timedelta(hours=hours), featured=hours % 2 == 0)
    query = PreparedQuery(Article, newest_news)
    with time_machine.travel(NOON, tick=False):
        expected = list(newest_news(timezone.now()))
        assert query.rows() == expected
        assert query.rows() == expected  # run again from the SQL written the first time
    pk, version, published, featured = query.rows()[0]
    assert isinstance(version, type(expected[0][1])) and published == NOON and featured is True


def test_count_is_the_number_of_rows_counted_by_the_database():
    for hours in range(5):
        make_article(publish_at=NOON + datetime.timedelta(hours=hours - 2))
    query = PreparedQuery(Article, newest_news)
    with time_machine.travel(NOON, tick=False), CaptureQueriesContext(connection) as queries:
        assert query.count() == len(query.rows()) == 3
    assert "SELECT COUNT(*) FROM (" in queries[0]["sql"]
    with time_machine.travel(NOON - datetime.timedelta(hours=3), tick=False):
        assert query.count() == 0
    assert PreparedQuery(Article, lambda now: Article.objects.none().values_list("pk")).count() == 0


def test_the_sql_is_written_once_and_each_run_uses_the_time_of_the_request():
    scheduled = make_article(publish_at=NOON + datetime.timedelta(hours=1))
    query = PreparedQuery(Article, newest_news)
    with time_machine.travel(NOON, tick=False):
        assert query.rows() == []
    later = time_machine.travel(NOON + datetime.timedelta(hours=2), tick=False)
    with later, CaptureQueriesContext(connection) as queries:
        assert [row[0] for row in query.rows()] == [scheduled.pk]
    assert len(queries) == 1
    assert len(query._compiled) == 1


def test_named_ids_take_the_values_given():
    privacy, surveillance = make_topic(slug="privacy"), make_topic(slug="surveillance")
    query = PreparedQuery(Topic, lambda now, topic: Topic.objects.filter(pk=topic).values_list("slug"), ids=["topic"])
    assert query.rows(topic=privacy.pk) == [("privacy",)]
    assert query.rows(topic=surveillance.pk) == [("surveillance",)]
    assert query.rows(topic=0) == []


def test_a_union_of_aggregates_reads_what_the_orm_reads():
    make_article(publish_at=NOON)
    make_article(status=Status.DRAFT, publish_at=NOON + datetime.timedelta(days=1))

    def moments(now):
        from syndication.common import _latest

        documents = SearchDocument.objects.all()
        return _latest(documents, "indexed_at").union(_latest(documents.published(now), "publish_at"), all=True)

    with time_machine.travel(NOON + datetime.timedelta(days=2), tick=False):
        expected = sorted(moment for moment in moments(timezone.now()))
        assert sorted(moment for (moment,) in PreparedQuery(SearchDocument, moments).rows()) == expected
    assert NOON in expected


def test_translated_fields_are_refused_with_a_clear_message():
    make_article()
    query = PreparedQuery(Article, lambda now: Article.objects.values_list("pk", "title"))
    with pytest.raises(ValueError, match="translated field"):
        query.rows()
    # Their language columns are plain columns.
    assert PreparedQuery(Article, lambda now: Article.objects.values_list("title_ar")).rows()


def test_a_query_that_reads_the_clock_itself_is_refused():
    """`published()` without the `now` given would write this moment into the SQL for good."""
    make_article()
    query = PreparedQuery(Article, lambda now: Article.objects.published().values_list("pk"))
    with pytest.raises(ValueError, match="now"):
        query.rows()


def test_queries_run_together_read_what_each_reads_alone_in_one_round_trip():
    for hours in range(4):
        make_article(publish_at=NOON - datetime.timedelta(hours=hours))
    make_event(publish_at=NOON - datetime.timedelta(hours=1))
    make_event(publish_at=NOON + datetime.timedelta(hours=1))  # not yet due
    alone = [
        PreparedQuery(Article, lambda now: Article.objects.published(now).values_list("pk", "version_token")[:3]),
        PreparedQuery(Event, lambda now: Event.objects.published(now).values_list("pk", "version_token")[:3]),
        PreparedQuery(Event, lambda now: Event.objects.none().values_list("pk", "version_token")),
        PreparedQuery(Article, lambda now: Article.objects.published(now).values_list("version_token", "pk")[3:]),
    ]
    together = PreparedQueries(alone)
    with time_machine.travel(NOON, tick=False):
        expected = [query.rows() for query in alone]
        with CaptureQueriesContext(connection) as queries:
            assert together.rows() == expected
            assert together.rows() == expected
    assert len(queries) == 2
    assert [len(rows) for rows in expected] == [3, 1, 0, 1]
    assert isinstance(expected[3][0][0], type(expected[0][0][1]))  # converters and order of each query kept


def test_queries_of_different_columns_and_counts_run_together():
    for hours in range(4):
        make_article(publish_at=NOON - datetime.timedelta(hours=hours))
    make_topic(slug="privacy")
    newest = PreparedQuery(Article, lambda now: Article.objects.published(now).values_list("pk", "version_token")[:2])
    alone = [
        newest.counted,
        PreparedQuery(Article, lambda now: Article.objects.none().values_list("pk")),
        PreparedQuery(Topic, lambda now: Topic.objects.order_by("pk").values_list("slug", "pk", "name_ar")),
        newest,
        PreparedQuery(Article, lambda now: Article.objects.published(now).values_list("publish_at")[:1]),
    ]
    together = PreparedQueries(alone)
    with time_machine.travel(NOON, tick=False):
        expected = [newest.count(), [], alone[2].rows(), newest.rows(), alone[4].rows()]
        with CaptureQueriesContext(connection) as queries:
            found = together.rows()
    assert len(queries) == 1
    assert found == expected
    assert found[0] == 2 and found[2][0][0] == "privacy" and found[4] == [(NOON,)]


def test_named_texts_take_the_values_given_and_must_be_used_as_they_are():
    first, second = make_article(slug="first-news"), make_article(slug="second-news")
    by_slug = PreparedQuery(
        Article, lambda now, slug: Article.objects.filter(slug=slug).values_list("pk"), texts=["slug"]
    )
    assert by_slug.rows(slug="first-news") == [(first.pk,)]
    assert by_slug.rows(slug="second-news") == [(second.pk,)]
    assert by_slug.rows(slug="' OR 1=1 --") == []
    changed = PreparedQuery(
        Article, lambda now, slug: Article.objects.filter(slug__contains=slug).values_list("pk"), texts=["slug"]
    )
    with pytest.raises(ValueError, match="exact lookups"):
        changed.rows(slug="news")
