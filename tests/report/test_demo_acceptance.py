"""Acceptance: the report of the demo content for H1 2021 tells the seed press release's story.

It needs `manage.py load_demo` (the demo-content branch). Expected figures are counted from
the records themselves, then compared with what the seed document states.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import translation

from campaigns.models import Campaign, CampaignUpdate
from publications.models import Publication
from report.service import activity_report
from trainings.models import Event, Training

pytestmark = pytest.mark.django_db

START, END = datetime.date(2021, 1, 1), datetime.date(2021, 6, 30)
SEED_TARGETS = {"facebook", "google", "paypal", "stripe", "telegram"}


@pytest.fixture
def report():
    call_command("load_demo")
    with translation.override("en"):
        return activity_report(START, END)


def test_five_publications(report):
    expected = Publication.objects.published().filter(published_on__range=(START, END)).count()
    assert report.totals.publications == expected == 5
    assert sum(group.count for group in report.publications) == 5
    assert all(item.title for group in report.publications for item in group.items)


def test_4662_people_trained(report):
    expected = (
        Training.objects.published()
        .filter(start_date__range=(START, END))
        .aggregate(total=Sum("participants_count"))["total"]
    )
    assert report.totals.participants == expected == 4662
    assert sum(group.participants for group in report.trainings_by_format) == 4662
    assert sum(group.participants for group in report.trainings_by_audience) == 4662


def test_the_fifth_palestine_digital_activism_forum(report):
    forums = [event for event in report.events_organised if event.kind == Event.Kind.FORUM]
    assert any(event.edition == 5 and "Palestine Digital Activism Forum" in event.title for event in forums), forums


def test_more_than_twenty_participations(report):
    expected = Event.objects.published().filter(role=Event.Role.PARTICIPATED, starts_at__year=2021).count()
    assert report.totals.events_participated > 20
    assert report.totals.events_participated <= expected


def test_the_campaigns_targets(report):
    names = {organisation.name.casefold() for organisation in report.organisations_targeted}
    assert names >= SEED_TARGETS
    active = Campaign.objects.published().active_between(START, END).count()
    assert report.totals.campaigns == active > 0


def test_the_twitter_memorandum_is_an_outcome(report):
    outcomes = CampaignUpdate.objects.filter(kind=CampaignUpdate.Kind.OUTCOME, date__range=(START, END))
    assert report.totals.outcomes == outcomes.filter(campaign__in=Campaign.objects.published()).count() > 0

    def mentions_twitter(update):
        text = " ".join([update.text, update.campaign_title]).casefold()
        return any(word in text for word in ("twitter", "تويتر", "توتير"))

    assert any(mentions_twitter(update) for update in report.outcomes), report.outcomes
