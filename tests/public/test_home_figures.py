"""The home page's figures: true counts of published records, as of the moment of the visit."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_campaign, make_event, make_publication, make_training
from tests.public.conftest import NOW
from website.views import home_figures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def today():
    return timezone.localdate()


def test_the_figures_count_published_records():
    make_publication(published_on=datetime.date(2026, 3, 1))
    make_publication(published_on=datetime.date(2025, 3, 1))
    make_training(start_date=datetime.date(2026, 2, 1), participants_count=12)
    make_training(start_date=datetime.date(2026, 4, 1), participants_count=30)
    make_campaign(start_date=datetime.date(2026, 1, 1))
    make_campaign(start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 6, 1))
    make_event(starts_at=NOW + datetime.timedelta(days=3))
    make_event(starts_at=NOW - datetime.timedelta(days=3))

    assert home_figures(today()) == {
        "publications_this_year": 1,
        "trainees_this_year": 42,
        "ongoing_campaigns": 1,
        "upcoming_events": 1,
    }


def test_saving_content_updates_the_figures_at_once():
    make_campaign(start_date=datetime.date(2026, 1, 1))
    assert home_figures(today())["ongoing_campaigns"] == 1
    make_campaign(start_date=datetime.date(2026, 2, 1))
    assert home_figures(today())["ongoing_campaigns"] == 2


def test_an_event_that_ends_leaves_the_count(frozen_clock):
    make_event(starts_at=NOW - datetime.timedelta(hours=1), ends_at=NOW + datetime.timedelta(seconds=30))
    assert home_figures(today())["upcoming_events"] == 1
    frozen_clock.shift(datetime.timedelta(seconds=61))
    assert home_figures(today())["upcoming_events"] == 0


def test_a_scheduled_publication_counts_once_due(frozen_clock):
    make_publication(published_on=datetime.date(2026, 6, 15), publish_at=NOW + datetime.timedelta(seconds=30))
    assert home_figures(today())["publications_this_year"] == 0
    frozen_clock.shift(datetime.timedelta(seconds=61))
    assert home_figures(today())["publications_this_year"] == 1
