"""Prepared queries on PostgreSQL are prepared on the server once per connection, then only executed: the
server keeps their plans. SQLite runs the SQL itself (it keeps its own compiled statements)."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hamleh.prepared import PreparedQuery
from publications.models import Article
from tests.factories import make_article

NOON = timezone.make_aware(datetime.datetime(2026, 5, 1, 12))
ON_POSTGRESQL = connection.vendor == "postgresql"


def newest(now):
    return Article.objects.published(now).values_list("pk", "title_ar")[:5]


def server_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'hamleh%%'")
        return [statement for (statement,) in cursor.fetchall()]


def run_twice(query):
    with time_machine.travel(NOON, tick=False), CaptureQueriesContext(connection) as queries:
        first, second = query.rows(), query.rows()
    return first, second, [captured["sql"] for captured in queries.captured_queries]


@pytest.mark.django_db
def test_a_query_is_prepared_once_and_executed_with_the_values_of_each_run():
    make_article(title_ar="قبل الظهر", publish_at=NOON - datetime.timedelta(hours=1))
    make_article(title_ar="بعد الظهر", publish_at=NOON + datetime.timedelta(hours=1))
    query = PreparedQuery(Article, newest)
    first, second, sqls = run_twice(query)
    assert [title for _pk, title in first] == [title for _pk, title in second] == ["قبل الظهر"]
    assert len(sqls) == 2  # the preparing is the connection's, not a query of the page
    if ON_POSTGRESQL:
        assert all(sql.startswith("EXECUTE hamleh_") and "publications_article" in sql for sql in sqls)
        assert any("publications_article" in statement for statement in server_statements())
    else:
        assert all(sql.startswith("SELECT") for sql in sqls)
    with time_machine.travel(NOON + datetime.timedelta(hours=2), tick=False):
        assert len(query.rows()) == 2  # a later moment, the same statement


@pytest.mark.django_db
def test_without_prepared_statements_the_sql_runs_as_it_is(settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    make_article(publish_at=NOON - datetime.timedelta(hours=1))
    _first, _second, sqls = run_twice(PreparedQuery(Article, newest))
    assert all(sql.startswith("SELECT") for sql in sqls)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_statement_the_server_lost_is_run_again_and_prepared_afresh():
    make_article(title_ar="خبر", publish_at=NOON - datetime.timedelta(hours=1))
    query = PreparedQuery(Article, newest)
    run_twice(query)
    if ON_POSTGRESQL:
        with connection.cursor() as cursor:
            cursor.execute("DEALLOCATE ALL")  # as a pooler resetting the session would
    first, second, sqls = run_twice(query)
    assert [title for _pk, title in first] == [title for _pk, title in second] == ["خبر"]
    if ON_POSTGRESQL:
        assert sqls[0].startswith("EXECUTE") and sqls[1].startswith("SELECT") and sqls[2].startswith("EXECUTE")
        assert len(server_statements()) == 1


@pytest.mark.django_db
def test_a_query_whose_plan_depends_on_its_values_is_planned_each_time():
    make_article(publish_at=NOON - datetime.timedelta(hours=1))
    _first, _second, sqls = run_twice(PreparedQuery(Article, newest, plan_once=False))
    assert all(sql.startswith("SELECT") for sql in sqls)
