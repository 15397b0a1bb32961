"""Events and trainings: what is still to come, soonest first, then what is over, latest first."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_event, make_training

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2027, 1, 10, 12, 0, tzinfo=datetime.UTC)


def shown(response):
    """The card titles and the period headings, in the order of the page."""
    html = response.content.decode()
    heading = r'<h2 class="list-period">([^<]+)</h2>'
    card_title = r'<h3 class="card-title"><a [^>]+>(?:<span [^>]+>)?([^<]+)<'
    return re.findall(f"{heading}|{card_title}", html)


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


@time_machine.travel(TODAY, tick=False)
def test_upcoming_events_soonest_first_then_past_events_newest_first(client):
    for title, starts_at in [
        ("May", at(2027, 5, 2)),
        ("March", at(2027, 3, 16)),
        ("February", at(2027, 2, 1)),
        ("December", at(2026, 12, 5)),
        ("October", at(2026, 10, 1)),
    ]:
        make_event(title_ar=title, starts_at=starts_at)
    entries = shown(client.get("/en/events/"))
    assert entries == [
        ("Upcoming", ""),
        ("", "February"),
        ("", "March"),
        ("", "May"),
        ("Past", ""),
        ("", "December"),
        ("", "October"),
    ]


@time_machine.travel(TODAY, tick=False)
def test_an_event_under_way_is_still_upcoming(client):
    make_event(title_ar="now", starts_at=at(2027, 1, 9), ends_at=at(2027, 1, 11))
    assert shown(client.get("/en/events/")) == [("Upcoming", ""), ("", "now")]


@time_machine.travel(TODAY, tick=False)
def test_trainings_in_the_same_order(client):
    make_training(title_ar="later", start_date=datetime.date(2027, 4, 1))
    make_training(title_ar="sooner", start_date=datetime.date(2027, 1, 20))
    make_training(title_ar="running", start_date=datetime.date(2027, 1, 5), end_date=datetime.date(2027, 1, 15))
    make_training(title_ar="last year", start_date=datetime.date(2026, 11, 1))
    make_training(title_ar="long ago", start_date=datetime.date(2025, 3, 1))
    titles = [title for _heading, title in shown(client.get("/en/trainings/")) if title]
    assert titles == ["running", "sooner", "later", "last year", "long ago"]


def test_other_lists_have_no_period_headings(client):
    from tests.factories import make_article

    make_article()
    assert 'class="list-period"' not in client.get("/en/news/").content.decode()
