import datetime

import pytest
from django.utils import timezone, translation

from campaigns.models import CampaignUpdate
from content.models import Status
from publications.models import Publication
from report.formats import headline
from report.service import REPORT_QUERY_COUNT, activity_report
from tests.factories import (
    make_article,
    make_campaign,
    make_campaign_update,
    make_event,
    make_organization,
    make_publication,
    make_training,
)
from tests.report.helpers import H1_2021, aware, build_period
from trainings.models import Event, Training

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [1, 12])
def test_the_report_runs_a_fixed_number_of_queries(django_assert_num_queries, size):
    build_period(size)
    with django_assert_num_queries(REPORT_QUERY_COUNT):
        report = activity_report(*H1_2021)
    assert report.totals.publications == size
    assert report.totals.updates == 2 * size
    assert report.totals.events_participated == size


def test_an_empty_period_runs_the_same_queries(django_assert_num_queries):
    with django_assert_num_queries(REPORT_QUERY_COUNT):
        report = activity_report(*H1_2021)
    assert report.is_empty
    assert all(figure.value == 0 for figure in headline(report))


def test_publications_are_grouped_by_kind_newest_first_and_only_inside_the_period():
    index = make_publication(title_ar="مؤشر", kind=Publication.Kind.INDEX, published_on=datetime.date(2021, 6, 30))
    first = make_publication(title_ar="أول", kind=Publication.Kind.REPORT, published_on=datetime.date(2021, 1, 1))
    later = make_publication(title_ar="ثان", kind=Publication.Kind.REPORT, published_on=datetime.date(2021, 2, 1))
    make_publication(published_on=datetime.date(2020, 12, 31))
    make_publication(published_on=datetime.date(2021, 7, 1))

    report = activity_report(*H1_2021)

    assert [(group.key, [item.title for item in group.items]) for group in report.publications] == [
        ("report", [later.title_ar, first.title_ar]),
        ("index", [index.title_ar]),
    ]
    assert report.totals.publications == 3
    assert report.publications[0].items[0].url == later.get_absolute_url()


def test_only_published_and_due_content_is_counted():
    make_publication(status=Status.DRAFT)
    make_publication(publish_at=timezone.now() + datetime.timedelta(days=1))
    make_training(status=Status.DRAFT, participants_count=999)
    make_event(status=Status.DRAFT)
    draft_campaign = make_campaign(status=Status.DRAFT, targets=[make_organization()])
    make_campaign_update(draft_campaign, kind=CampaignUpdate.Kind.OUTCOME)
    make_article(status=Status.DRAFT, publish_at=aware(2021, 3, 1, 9, 0))

    report = activity_report(*H1_2021)

    assert report.is_empty
    assert report.totals.participants == 0
    assert report.organisations_targeted == []


def test_campaigns_active_in_the_period_latest_started_first_with_their_targets():
    facebook = make_organization(name_ar="فيسبوك", name_en="Facebook")
    paypal = make_organization(name_ar="باي بال", name_en="PayPal")
    before = make_campaign(start_date=datetime.date(2020, 5, 1), end_date=datetime.date(2021, 1, 1), targets=[facebook])
    ongoing = make_campaign(start_date=datetime.date(2019, 1, 1), targets=[facebook, paypal])
    make_campaign(start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 12, 31), targets=[paypal])
    make_campaign(start_date=datetime.date(2021, 7, 1))

    with translation.override("en"):
        report = activity_report(*H1_2021)

    assert [campaign.title for campaign in report.campaigns] == [before.title_ar, ongoing.title_ar]
    assert [org.name for org in report.campaigns[1].targets] == ["Facebook", "PayPal"]
    assert [org.name for org in report.organisations_targeted] == ["Facebook", "PayPal"]  # the most targeted first
    assert report.totals.organisations_targeted == 2


def test_campaign_outcomes_first_then_updates_newest_first_dated_in_the_period():
    campaign = make_campaign(start_date=datetime.date(2020, 1, 1))
    outcome = make_campaign_update(
        campaign, date=datetime.date(2021, 2, 20), kind=CampaignUpdate.Kind.OUTCOME, text_ar="مذكرة تفاهم"
    )
    make_campaign_update(campaign, date=datetime.date(2021, 2, 1), kind=CampaignUpdate.Kind.UPDATE)
    make_campaign_update(campaign, date=datetime.date(2021, 4, 1), kind=CampaignUpdate.Kind.UPDATE)
    make_campaign_update(campaign, date=datetime.date(2021, 8, 1), kind=CampaignUpdate.Kind.OUTCOME)

    report = activity_report(*H1_2021)

    assert [update.date for update in report.updates] == [
        outcome.date,
        datetime.date(2021, 4, 1),
        datetime.date(2021, 2, 1),
    ]
    assert [update.text for update in report.outcomes] == ["مذكرة تفاهم"]
    assert report.totals.outcomes == 1
    assert report.totals.updates == 3


def test_trainings_by_format_and_audience_with_participant_totals():
    rows = [
        (Training.Format.E_COURSE, Training.Audience.ACTIVISTS, 100),
        (Training.Format.E_COURSE, Training.Audience.PARENTS, 50),
        (Training.Format.WORKSHOP, Training.Audience.ACTIVISTS, 7),
    ]
    for training_format, audience, participants in rows:
        make_training(format=training_format, audience=audience, participants_count=participants)
    make_training(start_date=datetime.date(2021, 7, 1), participants_count=1000)

    report = activity_report(*H1_2021)

    assert [(g.key, g.trainings, g.participants) for g in report.trainings_by_format] == [
        ("e_course", 2, 150),
        ("workshop", 1, 7),
    ]
    assert [(g.key, g.trainings, g.participants) for g in report.trainings_by_audience] == [
        ("activists", 2, 107),
        ("parents", 1, 50),
    ]
    assert report.totals.participants == sum(participants for *_rest, participants in rows)
    assert report.totals.trainings == len(rows)


def test_events_organised_versus_taken_part_in_with_editions():
    forum = make_event(
        title_ar="منتدى فلسطين للنشاط الرقمي", role=Event.Role.ORGANISED, kind=Event.Kind.FORUM, edition=5
    )
    make_event(role=Event.Role.PARTICIPATED, starts_at=aware(2021, 6, 30, 23, 30), ends_at=aware(2021, 7, 1, 1, 0))
    make_event(role=Event.Role.PARTICIPATED, starts_at=aware(2021, 7, 1, 0, 30), ends_at=aware(2021, 7, 1, 2, 0))

    report = activity_report(*H1_2021)

    assert [(event.title, event.edition) for event in report.events_organised] == [(forum.title_ar, 5)]
    assert report.totals.events_participated == 1  # Jerusalem time decides the day, not UTC


def test_an_untranslated_title_falls_back_to_arabic_and_says_so():
    make_publication(title_ar="هاشتاغ فلسطين", title_en="")
    make_publication(title_ar="مؤشر", title_en="Index")
    with translation.override("en"):
        report = activity_report(*H1_2021)
    items = report.publications[0].items
    assert [(item.title, item.title_lang) for item in items] == [("Index", "en"), ("هاشتاغ فلسطين", "ar")]


def test_articles_by_kind_use_the_jerusalem_day_of_publication():
    make_article(kind="press_release", publish_at=aware(2021, 1, 1, 0, 30))
    make_article(kind="news", publish_at=aware(2020, 12, 31, 23, 30))
    report = activity_report(*H1_2021)
    assert [(group.key, group.count) for group in report.articles] == [("press_release", 1)]
