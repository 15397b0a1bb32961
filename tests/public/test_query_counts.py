"""Every public page runs the same number of SQL queries whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamleh.cards import fragment_cache
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
    """The queries of the page as the first visitor after a change sees it: no card or form kept."""
    fragment_cache().clear()
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


def test_a_news_item_reads_only_the_kinds_it_mentions(client):
    """One query finds which kinds of item a news item mentions, then one per kind mentioned, whatever
    the number of items of that kind."""
    article = MAKERS["news"]()
    none = count_queries(client, article.get_absolute_url())
    article.related_publications.add(MAKERS["publications"]())
    article.related_events.add(MAKERS["events"]())
    few = count_queries(client, article.get_absolute_url())
    article.related_publications.add(*(MAKERS["publications"]() for _index in range(10)))
    article.related_events.add(*(MAKERS["events"]() for _index in range(10)))
    assert count_queries(client, article.get_absolute_url()) == few == none + 2


def test_query_counts_for_the_readme(client, capsys):
    """Prints the per-page counts (`pytest -s -k readme`) so the README table stays true: (nothing kept, the
    cards and forms kept as a second visitor finds them)."""
    topic = make_topic()
    for section in MAKERS:
        fill(section, 3, topic)
    urls = {"home": reverse("website:home")}
    urls.update((f"{section} list", reverse(url_name)) for section, url_name in LIST_URLS.items())
    urls.update((f"{section} detail", maker(topics=[topic]).get_absolute_url()) for section, maker in MAKERS.items())
    urls["topic hub"] = topic.get_absolute_url()
    counts = {}
    for name, url in urls.items():
        first = count_queries(client, url)
        with CaptureQueriesContext(connection) as kept:
            client.get(url)
        counts[name] = (first, len(kept))
    print(counts)  # noqa: T201
    # The first home page after a change also counts the figures, asks each section for featured items and
    # reads the items of the cards it renders: one query each, whatever the number of items.
    assert counts.pop("home") == (1 + 4 + 5 + 5, 1)
    # A list as the next visitor finds it: its count, its page's keys and the rows its filter form is named
    # by, in one statement.
    assert all(counts[f"{section} list"][1] == 1 for section in LIST_URLS), counts
    # An item as the next visitor finds it: its key, the topics' names, the related items' keys (and a news
    # item's mentions) in one statement; what shows the item itself is kept by its version.
    assert [counts[f"{section} detail"][1] for section in ("news", "trainings", "events")] == [1, 1, 1], counts
    assert all(kept <= first <= 16 for first, kept in counts.values()), counts
