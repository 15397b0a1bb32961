"""Cards taken by key: only the items whose card is not kept are read, and nothing wrong is ever shown."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hamleh.cards import Card, cards, cards_of, fragment_cache
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    return RequestFactory().get("/ar/news/")


def keys(*items):
    return [(item.SECTION, item.pk, item.version_token) for item in items]


def test_cards_not_kept_are_read_in_one_query_per_section_and_kept(request_):
    first, second, event = make_article(title_ar="الأول"), make_article(title_ar="الثاني"), make_event()
    with CaptureQueriesContext(connection) as queries:
        found = cards(request_, keys(first, event, second))
    assert len(queries) == 2
    assert [card.pk for card in found] == [first.pk, event.pk, second.pk]
    assert "الأول" in found[0].html and "الثاني" in found[2].html
    with CaptureQueriesContext(connection) as queries:
        again = cards(request_, keys(first, event, second))
    assert len(queries) == 0
    assert [card.html for card in again] == [card.html for card in found]


def test_an_item_deleted_between_the_two_queries_is_left_out(request_):
    kept, gone = make_article(), make_article()
    names = keys(kept, gone)
    gone.delete()
    assert [card.pk for card in cards(request_, names)] == [kept.pk]


def test_a_card_is_asked_for_its_item_when_the_kept_copy_is_used(request_):
    item = make_article(title_ar="عنوان")
    cards(request_, keys(item))
    card = cards(request_, keys(item))[0]
    assert card.item is None
    assert card.title_ar == "عنوان"  # read alone, on demand


def test_a_card_of_an_item_already_read_renders_without_a_query(request_):
    item = make_article(title_ar="مقروء")
    with CaptureQueriesContext(connection) as queries:
        (card,) = cards_of(request_, [item])
    assert len(queries) == 0
    assert isinstance(card, Card) and "مقروء" in card.html


def test_an_edited_item_gets_a_new_card_and_the_language_its_own(request_):
    item = make_article(title_ar="قبل", title_en="Before")
    assert "قبل" in cards(request_, keys(item))[0].html
    item.title_ar = "بعد"
    item.save()
    assert "بعد" in cards(request_, keys(item))[0].html
    from django.utils import translation

    with translation.override("en"):
        assert "Before" in cards(request_, keys(item))[0].html


def test_without_a_fragment_cache_every_card_is_rendered(request_, settings):
    settings.CACHES = {
        **settings.CACHES,
        "template_fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    item = make_article(title_ar="دون ذاكرة")
    cards(request_, keys(item))
    assert "دون ذاكرة" in cards(request_, keys(item))[0].html
    assert fragment_cache().get_many(["anything"]) == {}
