"""Lists stop at a fixed depth: the deepest page costs the same as the first, whatever the archive size."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from content.pagination import CappedPaginator
from publications.models import Article
from tests.factories import make_article, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def three_pages_at_most(settings):
    settings.PUBLIC_LIST_MAX_PAGES = 3


def fill(count):
    for _index in range(count):
        make_article()


def test_the_paginator_counts_no_further_than_it_can_show():
    fill(40)
    paginator = CappedPaginator(Article.objects.published(), 12)
    assert paginator.count == 36
    assert paginator.num_pages == 3
    assert paginator.is_capped is True
    with CaptureQueriesContext(connection) as queries:
        CappedPaginator(Article.objects.published(), 12).count  # noqa: B018
    assert "LIMIT 37" in queries[0]["sql"]


def test_a_short_list_is_counted_exactly():
    fill(5)
    paginator = CappedPaginator(Article.objects.published(), 12)
    assert (paginator.count, paginator.num_pages, paginator.is_capped) == (5, 1, False)


def test_the_last_page_points_to_the_filters_and_deeper_pages_fall_back_to_it(client):
    fill(40)
    url = reverse("publications:article_list")
    response = client.get(url, {"page": 3})
    assert (response.context["page_obj"].number, response.context["paginator"].num_pages) == (3, 3)
    assert 'class="pagination-older"' in response.content.decode()
    deeper = client.get(url, {"page": 500})
    assert deeper.status_code == 200
    assert deeper.context["page_obj"].number == 3
    assert 'class="pagination-older"' in deeper.content.decode()
    first = client.get(url)
    assert 'class="pagination-older"' not in first.content.decode()
    english = client.get(url.replace("/ar/", "/en/")).content.decode()
    assert "More than 36 items" in english


def test_the_deepest_page_runs_as_many_queries_as_the_first(client):
    fill(40)
    url = reverse("publications:article_list")
    counts = []
    for query in ({}, {"page": 3}):
        with CaptureQueriesContext(connection) as queries:
            client.get(url, query)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    fill(30)
    with CaptureQueriesContext(connection) as more:
        client.get(url, {"page": 3})
    assert len(more) == counts[0]


@pytest.mark.parametrize(
    "query", ["topic=privacy", "year=2024", "kind=press_release&topic=privacy&year=2024", "topic=privacy&year=2023"]
)
def test_a_list_narrowed_by_its_filters_shows_what_the_filters_select(client, query):
    privacy, other = make_topic(slug="privacy"), make_topic()
    for day in range(1, 30):
        when = timezone.make_aware(datetime.datetime(2023 + day % 2, 3, day, 12))
        kind = Article.Kind.PRESS_RELEASE if day % 3 else Article.Kind.NEWS
        make_article(topics=[privacy if day % 4 else other], publish_at=when, kind=kind)
    params = dict(part.split("=") for part in query.split("&"))
    expected = Article.objects.published()
    if "topic" in params:
        expected = expected.filter(topics__slug=params["topic"])
    if "year" in params:
        expected = expected.filter(publish_at__year=int(params["year"]))
    if "kind" in params:
        expected = expected.filter(kind=params["kind"])
    expected = list(expected.values_list("pk", flat=True))
    response = client.get(f"/ar/news/?{query}&page=2")
    paginator = response.context["paginator"]
    assert paginator.count == len(expected)
    shown = [item.pk for item in response.context["object_list"]]
    page = min(2, paginator.num_pages)
    assert shown == expected[(page - 1) * 12 : page * 12]


def test_filters_that_need_the_orm_still_narrow_the_list(client):
    make_article(title_ar="خبر", topics=[make_topic(slug="privacy")])
    response = client.get("/ar/campaigns/?state=ongoing")
    assert response.status_code == 200 and response.context["paginator"].count == 0
    response = client.get("/ar/publications/?file_language=en")
    assert response.status_code == 200 and response.context["paginator"].count == 0


def test_an_unknown_topic_is_refused_and_the_list_left_whole(client):
    make_topic(slug="privacy")
    make_article(title_ar="خبر")
    response = client.get("/ar/news/?topic=nothing-of-the-kind")
    assert response.status_code == 200
    assert response.context["paginator"].count == 1
    assert [message.level_tag for message in response.context["messages"]] == ["warning"]


def test_the_current_year_filters_to_its_last_moment(client):
    last_hour = timezone.make_aware(datetime.datetime(2026, 12, 31, 23, 30))
    make_article(title_ar="خبر آخر العام", publish_at=last_hour - datetime.timedelta(minutes=10))
    with time_machine.travel(last_hour, tick=False):
        response = client.get("/ar/news/?year=2026")
    assert response.status_code == 200
    assert response.context["paginator"].count == 1


def test_a_filtered_lists_count_and_page_follow_every_change(client):
    topic = make_topic(slug="privacy")
    moment = datetime.datetime(2025, 5, 1, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False) as traveller:
        for days in range(3):
            make_article(topics=[topic], publish_at=timezone.now() - datetime.timedelta(days=days + 1))
        make_article(topics=[topic], publish_at=timezone.now() + datetime.timedelta(minutes=10))
        url = reverse("publications:article_list") + "?topic=privacy&year=2025"

        def counted():
            response = client.get(url)
            return response.context["paginator"].count

        assert counted() == 3

        newest = make_article(
            topics=[topic], title_ar="الأحدث", publish_at=timezone.now() - datetime.timedelta(hours=1)
        )
        assert counted() == 4
        assert "الأحدث" in client.get(url).content.decode()
        newest.title_ar = "الأحدث بعد التعديل"
        newest.save()
        assert "الأحدث بعد التعديل" in client.get(url).content.decode()
        traveller.move_to(moment + datetime.timedelta(minutes=11))
        assert counted() == 5  # the scheduled one, due now
        Article.objects.filter(pk=Article.objects.latest("publish_at").pk).get().delete()
        assert counted() == 4
