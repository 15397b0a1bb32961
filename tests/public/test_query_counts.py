"""Every public page runs the same number of SQL queries whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MAKERS, make_campaign_update, make_organization, make_topic

pytestmark = pytest.mark.django_db

LIST_URLS = {
    "publications": "publications:publication_list",
    "news": "publications:article_list",
    "campaigns": "campaigns:campaign_list",
    "trainings": "trainings:training_list",
    "events": "trainings:event_list",
}


def count_queries(client, url):
    """The queries of the page (the page cache is off in tests: every visit renders it)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def fill(section, count, topic):
    for _index in range(count):
        MAKERS[section](topics=[topic])


@pytest.mark.parametrize("section", list(LIST_URLS))
def test_list_queries_do_not_grow_with_items(client, section):
    topic = make_topic()
    fill(section, 3, topic)
    few = count_queries(client, reverse(LIST_URLS[section]))
    fill(section, 27, topic)
    many = count_queries(client, reverse(LIST_URLS[section]))
    assert few == many


@pytest.mark.parametrize("url_name", ["website:home"])
def test_home_queries_do_not_grow_with_items(client, url_name):
    topic = make_topic()
    for section in MAKERS:
        fill(section, 2, topic)
    few = count_queries(client, reverse(url_name))
    for section in MAKERS:
        fill(section, 10, topic)
    assert count_queries(client, reverse(url_name)) == few


def test_topic_hub_queries_do_not_grow_with_items(client):
    topic = make_topic()
    for section in MAKERS:
        fill(section, 1, topic)
    few = count_queries(client, topic.get_absolute_url())
    for section in MAKERS:
        fill(section, 9, topic)
    assert count_queries(client, topic.get_absolute_url()) == few


@pytest.mark.parametrize("section", list(MAKERS))
def test_detail_queries_do_not_grow_with_related_records(client, section):
    topics = [make_topic()]
    item = MAKERS[section](topics=topics)
    fill(section, 1, topics[0])
    if section == "campaigns":
        item.targets.add(make_organization())
        make_campaign_update(item)
    few = count_queries(client, item.get_absolute_url())

    topics += [make_topic() for _index in range(9)]
    item.topics.add(*topics)
    fill(section, 9, topics[0])
    if section == "campaigns":
        item.targets.add(*(make_organization() for _index in range(9)))
        item.partners.add(*(make_organization() for _index in range(10)))
        for _index in range(9):
            make_campaign_update(item)
    assert count_queries(client, item.get_absolute_url()) == few


def test_a_news_item_reads_its_mentions_in_a_fixed_number_of_queries(client):
    """One query per kind of item a news item may mention, whatever the number mentioned."""
    article = MAKERS["news"]()
    none = count_queries(client, article.get_absolute_url())
    article.related_publications.add(MAKERS["publications"]())
    article.related_events.add(MAKERS["events"]())
    few = count_queries(client, article.get_absolute_url())
    article.related_publications.add(*(MAKERS["publications"]() for _index in range(10)))
    article.related_events.add(*(MAKERS["events"]() for _index in range(10)))
    assert count_queries(client, article.get_absolute_url()) == few == none


# The queries of each page; the README's table says the same. No more than: home 20, lists 4, details 7.
EXPECTED_QUERIES = {
    # the latest and the featured items of each section (5 + 5), the year's figures (4)
    "home": 14,
    # the count, the page, the topics offered by the filter form; campaigns also the organisations
    "publications list": 3,
    "news list": 3,
    "campaigns list": 4,
    "trainings list": 3,
    "events list": 3,
    # the item, its topics, the related items; a publication also its files and the other editions of its
    # series; a news item the four kinds of item it may mention; a campaign its targets, partners, timeline
    # and publications
    "publications detail": 4,
    "news detail": 7,
    "campaigns detail": 7,
    "trainings detail": 3,
    "events detail": 3,
    # the topic, then the newest items of each section on it
    "topic hub": 6,
    # every topic with its count of public items in each section (correlated subqueries)
    "topic index": 1,
}


def test_query_counts_match_the_readme(client):
    topic = make_topic()
    for section in MAKERS:
        fill(section, 3, topic)
    urls = {"home": reverse("website:home")}
    urls.update((f"{section} list", reverse(url_name)) for section, url_name in LIST_URLS.items())
    urls.update((f"{section} detail", maker(topics=[topic]).get_absolute_url()) for section, maker in MAKERS.items())
    urls["topic hub"] = topic.get_absolute_url()
    urls["topic index"] = reverse("website:topic_list")
    counts = {name: count_queries(client, url) for name, url in urls.items()}
    assert counts == EXPECTED_QUERIES


def test_a_filtered_list_adds_one_query_to_check_the_topic(client):
    topic = make_topic(slug="privacy")
    fill("news", 3, topic)
    url = reverse(LIST_URLS["news"])
    assert count_queries(client, f"{url}?topic=privacy") == EXPECTED_QUERIES["news list"] + 1
