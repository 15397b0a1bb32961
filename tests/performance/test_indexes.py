"""Counts read from indexes alone.

A filtered list counts its items from the public index (status, publish_at, with the id) and the topic
links' (topic, item) index, joined without reading a single content row.

The count is the costly query of a filtered list: at 100,000 items it walks every item of the year to find
the ones on the topic. Reading the rows for it made the page 1.7 times slower than with 1,000 items.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.models import Campaign
from publications.models import Article, Publication
from report.service import activity_report
from tests.factories import make_article, make_campaign, make_event, make_publication, make_topic, make_training
from trainings.models import Event, Training

pytestmark = pytest.mark.django_db


def count_query_of_filtered_news(client, topic, year):
    """The SQL of the filtered list's count, as the page runs it."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"/ar/news/?topic={topic.slug}&year={year}")
    assert response.status_code == 200
    assert response.context["paginator"].count == 3
    (count,) = [query["sql"] for query in context.captured_queries if query["sql"].startswith("SELECT COUNT(*)")]
    return count


def query_plan(sql):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A handful of rows would be read in full whatever the indexes: ask for the plan the
            # planner picks once the tables are large, when it avoids reading them.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_a_filtered_list_is_counted_from_indexes_alone(client):
    topic = make_topic()
    year = timezone.now().year - 1
    for day in range(1, 4):
        make_article(topics=[topic], publish_at=timezone.make_aware(datetime.datetime(year, 3, day, 12)))
    make_article(topics=[make_topic()], publish_at=timezone.make_aware(datetime.datetime(year, 3, 9, 12)))
    make_article(topics=[topic], publish_at=timezone.make_aware(datetime.datetime(year - 1, 3, 9, 12)))

    plan = query_plan(count_query_of_filtered_news(client, topic, year))

    if connection.vendor == "postgresql":
        # Which indexes serve it depends on statistics a test database does not have (at 100,000 items:
        # article_public and article_by_topic, index only); the topic links are never read as rows.
        assert re.search(r"Index Only Scan using article_(by_topic|topic_unique) on publications_articletopic", plan)
        assert "Seq Scan" not in plan, plan
    else:
        assert "USING COVERING INDEX article_public" in plan, plan
        assert "USING COVERING INDEX article_by_topic" in plan, plan


REPORT_COUNT_INDEXES = {
    Publication: "publication_by_date",
    Article: "article_by_date",
    Training: "training_by_date",
    Event: "event_by_date",
    Campaign: "campaign_active",
}


def index_columns(model, name):
    index = next(index for index in model._meta.indexes if index.name == name)
    return {model._meta.get_field(field).column for field in [*index.fields, *index.include]}


def test_the_activity_reports_counts_read_indexes_alone():
    """Its counts walk every record of the period: at 100,000 items, reading the rows for them cost more
    than everything else the report asks the database. Each count reads only columns of one index; SQLite,
    told to use that index, answers from it alone."""
    when = timezone.make_aware(datetime.datetime(2024, 3, 10, 12))
    make_publication(published_on=when.date())
    make_article(publish_at=when)
    make_campaign(start_date=when.date())
    make_training(start_date=when.date(), participants_count=12)
    make_event(starts_at=when, ends_at=when + datetime.timedelta(hours=2))

    with CaptureQueriesContext(connection) as context:
        report = activity_report(datetime.date(2024, 3, 1), datetime.date(2024, 3, 31), limit=5)
    assert report.totals.publications == report.totals.articles == report.totals.campaigns == 1
    assert report.totals.trainings == report.totals.events_participated + report.totals.events_organised == 1

    counts = [query["sql"] for query in context.captured_queries if query["sql"].startswith("SELECT COUNT(")]
    counts += [query["sql"] for query in context.captured_queries if "GROUP BY" in query["sql"]]
    for model, index in REPORT_COUNT_INDEXES.items():
        table = model._meta.db_table
        sql = next(sql for sql in counts if f'FROM "{table}"' in sql)
        read = set(re.findall(rf'"{table}"\."(\w+)"', sql))
        assert read and read <= index_columns(model, index), (index, read - index_columns(model, index))
        if connection.vendor == "sqlite":
            plan = query_plan(sql.replace(f'FROM "{table}"', f'FROM "{table}" INDEXED BY "{index}"', 1))
            assert f"USING COVERING INDEX {index}" in plan, plan
