"""The home page's featured items: the newest featured and due items of every section, asked only of the
sections that have any, and never behind an edit or a scheduled time."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from content.models import Status
from tests.factories import make_article, make_event, make_publication
from tests.public.conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def featured_titles(client):
    return [item.title_ar for item in client.get(reverse("website:home")).context["featured"]]


def home_queries(client):
    with CaptureQueriesContext(connection) as context:
        client.get(reverse("website:home"))
    return len(context.captured_queries)


def test_featured_items_of_every_section_newest_first_at_most_three(client):
    day = datetime.timedelta(days=1)
    make_publication(title_ar="تقرير", featured=True, publish_at=NOW - 4 * day)
    make_article(title_ar="خبر", featured=True, publish_at=NOW - day)
    make_article(title_ar="خبر أقدم", featured=True, publish_at=NOW - 2 * day)
    make_event(title_ar="فعالية", featured=True, publish_at=NOW - 3 * day)
    make_article(title_ar="خبر عادي")
    assert featured_titles(client) == ["خبر", "خبر أقدم", "فعالية"]


def test_an_edit_or_a_scheduled_time_shows_at_once(client, frozen_clock):
    article = make_article(title_ar="خبر")
    scheduled = make_publication(title_ar="تقرير قادم", featured=True, publish_at=NOW + datetime.timedelta(hours=1))
    assert featured_titles(client) == []

    article.featured = True
    article.save()
    assert featured_titles(client) == ["خبر"]

    frozen_clock.move_to(NOW + datetime.timedelta(hours=2))
    assert featured_titles(client) == ["تقرير قادم", "خبر"]

    scheduled.status = Status.DRAFT
    scheduled.save()
    article.featured = False
    article.save()
    assert featured_titles(client) == []
