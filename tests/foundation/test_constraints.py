"""Rules that are facts are kept by the database itself, whatever path writes the row."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from campaigns.models import Campaign, Organization
from content.models import Topic
from publications.models import Article, Publication, PublicationFile, Series
from tests.factories import (
    make_article,
    make_campaign,
    make_event,
    make_organization,
    make_publication,
    make_topic,
    make_training,
)
from trainings.models import Event, Training

pytestmark = pytest.mark.django_db

MAY_1 = datetime.date(2021, 5, 1)
APRIL_30 = datetime.date(2021, 4, 30)


def refused(create):
    """True when the database refuses the write; the transaction stays usable."""
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_campaign_cannot_end_before_it_starts():
    assert refused(lambda: make_campaign(start_date=MAY_1, end_date=APRIL_30))
    assert not Campaign.objects.exists()


def test_campaign_may_end_on_its_first_day_or_stay_open():
    assert not refused(lambda: make_campaign(start_date=MAY_1, end_date=MAY_1))
    assert not refused(lambda: make_campaign(start_date=MAY_1, end_date=None))
    assert Campaign.objects.count() == 2


def test_training_cannot_end_before_it_starts():
    assert refused(lambda: make_training(start_date=MAY_1, end_date=APRIL_30))
    assert not Training.objects.exists()


def test_training_participants_cannot_be_negative():
    assert refused(lambda: make_training(participants_count=-1))
    assert not refused(lambda: make_training(participants_count=0))
    assert Training.objects.count() == 1


def test_event_cannot_end_before_it_starts():
    starts_at = timezone.make_aware(datetime.datetime(2021, 6, 7, 10, 0))
    assert refused(lambda: make_event(starts_at=starts_at, ends_at=starts_at - datetime.timedelta(minutes=1)))
    assert not Event.objects.exists()
    assert not refused(lambda: make_event(starts_at=starts_at, ends_at=starts_at))


@pytest.mark.parametrize(
    ("maker", "model"),
    [
        (make_publication, Publication),
        (make_article, Article),
        (make_campaign, Campaign),
        (make_training, Training),
        (make_event, Event),
        (make_topic, Topic),
        (make_organization, Organization),
    ],
)
def test_slugs_are_unique(maker, model):
    maker(slug="same-slug")
    assert refused(lambda: maker(slug="same-slug"))
    assert model.objects.filter(slug="same-slug").count() == 1


def test_series_slugs_are_unique():
    Series.objects.create(slug="index", name_ar="مؤشر")
    assert refused(lambda: Series.objects.create(slug="index", name_ar="مؤشر آخر"))


def test_a_publication_has_at_most_one_file_per_language():
    publication = make_publication()
    PublicationFile.objects.create(publication=publication, language="ar", file="publications/x/ar/a.pdf")
    assert refused(
        lambda: PublicationFile.objects.create(publication=publication, language="ar", file="publications/x/ar/b.pdf")
    )
    assert not refused(
        lambda: PublicationFile.objects.create(publication=publication, language="en", file="publications/x/en/a.pdf")
    )
    assert sorted(publication.files.values_list("language", flat=True)) == ["ar", "en"]
