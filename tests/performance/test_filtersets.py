"""Each filter set gets its own copy of its filters, without django-filter's deep copy of everything."""

import pytest
from django.http import QueryDict

from content.models import Topic
from publications.filters import ArticleFilter
from publications.models import Article
from tests.factories import make_article, make_topic

pytestmark = pytest.mark.django_db


def test_each_filter_set_has_its_own_filters_calling_its_own_methods():
    privacy = make_topic(slug="privacy")
    on_topic = make_article(topics=[privacy])
    make_article(topics=[make_topic()])
    first = ArticleFilter(QueryDict("topic=privacy"), queryset=Article.objects.all())
    second = ArticleFilter(QueryDict(""), queryset=Article.objects.all())
    assert first.filters["topic"] is not second.filters["topic"]
    assert first.filters["topic"] is not ArticleFilter.base_filters["topic"]
    assert first.filters["topic"].parent is first and second.filters["topic"].parent is second
    assert list(first.qs) == [on_topic]
    assert second.qs.count() == 2
    # The class's own filters are left as they were.
    assert not hasattr(ArticleFilter.base_filters["topic"], "parent")
    assert list(ArticleFilter.base_filters) == ["kind", "topic", "year"]
    assert Topic.objects.count() == 2
