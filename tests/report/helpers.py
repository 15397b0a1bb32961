"""Activity-report fixtures built with tests.factories: one of everything, `size` times over."""

import datetime

from django.utils import timezone

from campaigns.models import CampaignUpdate, Organization, Submission
from publications.models import Article, Publication
from tests.factories import (
    make_article,
    make_campaign,
    make_campaign_update,
    make_event,
    make_organization,
    make_publication,
    make_submission,
    make_training,
)
from trainings.models import Event, Training

H1_2021 = (datetime.date(2021, 1, 1), datetime.date(2021, 6, 30))


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def build_period(size, *, day=datetime.date(2021, 3, 1)):
    """`size` records of every kind dated on `day`, with targets, partners, submissions, outcomes and trainings."""
    organisations = [make_organization(name_en=f"Company {index}") for index in range(size)]
    partners = [make_organization(name_en=f"Partner {index}", kind=Organization.Kind.NGO) for index in range(size)]
    body = make_organization(name_en="UN body", kind=Organization.Kind.INTERGOVERNMENTAL)
    moment = aware(day.year, day.month, day.day, 10, 0)
    for index in range(size):
        make_publication(kind=list(Publication.Kind)[index % len(Publication.Kind)], published_on=day)
        make_article(kind=list(Article.Kind)[index % len(Article.Kind)], publish_at=moment)
        campaign = make_campaign(start_date=day, targets=organisations[: index + 1])
        campaign.partners.add(*partners[: index + 1])
        make_submission(
            recipient=body,
            campaign=campaign,
            submitted_on=day,
            kind=list(Submission.Kind)[index % len(Submission.Kind)],
        )
        make_campaign_update(campaign, date=day, kind=CampaignUpdate.Kind.OUTCOME)
        make_campaign_update(campaign, date=day, kind=CampaignUpdate.Kind.UPDATE)
        make_training(
            start_date=day,
            format=list(Training.Format)[index % len(Training.Format)],
            audience=list(Training.Audience)[index % len(Training.Audience)],
            participants_count=10 + index,
        )
        make_event(starts_at=moment, ends_at=moment, role=Event.Role.ORGANISED, edition=index + 1)
        make_event(starts_at=moment, ends_at=moment, role=Event.Role.PARTICIPATED)
