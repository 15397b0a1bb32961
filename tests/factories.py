"""Small builders for test records: plain functions, each with sensible defaults."""

import datetime
import itertools

from django.utils import timezone

from campaigns.models import Campaign, CampaignUpdate, Organization, Submission
from content.models import Status, Topic
from publications.models import Article, Publication
from trainings.models import Event, Training

_counter = itertools.count(1)


def _unique(prefix):
    return f"{prefix}-{next(_counter)}"


def _published(fields):
    fields.setdefault("status", Status.PUBLISHED)
    fields.setdefault("publish_at", timezone.now() - datetime.timedelta(hours=1))
    return fields


def make_topic(**fields):
    slug = fields.pop("slug", _unique("topic"))
    return Topic.objects.create(slug=slug, name_ar=fields.pop("name_ar", f"موضوع {slug}"), **fields)


def _with_topics(item, topics):
    if topics:
        item.topics.add(*topics)
    return item


def make_publication(topics=(), **fields):
    slug = fields.pop("slug", _unique("publication"))
    fields.setdefault("title_ar", f"تقرير {slug}")
    fields.setdefault("published_on", datetime.date(2021, 3, 1))
    return _with_topics(Publication.objects.create(slug=slug, **_published(fields)), topics)


def make_article(topics=(), **fields):
    slug = fields.pop("slug", _unique("article"))
    fields.setdefault("title_ar", f"خبر {slug}")
    return _with_topics(Article.objects.create(slug=slug, **_published(fields)), topics)


def make_organization(**fields):
    slug = fields.pop("slug", _unique("org"))
    fields.setdefault("name_ar", f"شركة {slug}")
    return Organization.objects.create(slug=slug, **fields)


def make_campaign(topics=(), targets=(), **fields):
    slug = fields.pop("slug", _unique("campaign"))
    fields.setdefault("title_ar", f"حملة {slug}")
    fields.setdefault("start_date", datetime.date(2021, 2, 1))
    campaign = _with_topics(Campaign.objects.create(slug=slug, **_published(fields)), topics)
    if targets:
        campaign.targets.add(*targets)
    return campaign


def make_campaign_update(campaign, **fields):
    fields.setdefault("date", datetime.date(2021, 4, 1))
    fields.setdefault("text_ar", "تحديث")
    return CampaignUpdate.objects.create(campaign=campaign, **fields)


def make_submission(**fields):
    """A published report submitted to an intergovernmental body (made when not given)."""
    fields.setdefault("title_ar", f"مداخلة {_unique('submission')}")
    fields.setdefault("submitted_on", datetime.date(2021, 4, 1))
    fields.setdefault("status", Status.PUBLISHED)
    if "recipient" not in fields:
        fields["recipient"] = make_organization(kind=Organization.Kind.INTERGOVERNMENTAL)
    return Submission.objects.create(**fields)


def make_training(topics=(), **fields):
    slug = fields.pop("slug", _unique("training"))
    fields.setdefault("title_ar", f"تدريب {slug}")
    fields.setdefault("start_date", datetime.date(2021, 3, 10))
    return _with_topics(Training.objects.create(slug=slug, **_published(fields)), topics)


def make_event(topics=(), **fields):
    slug = fields.pop("slug", _unique("event"))
    fields.setdefault("title_ar", f"فعالية {slug}")
    fields.setdefault("starts_at", timezone.make_aware(datetime.datetime(2021, 5, 20, 10, 0)))
    fields.setdefault("ends_at", fields["starts_at"] + datetime.timedelta(hours=2))
    return _with_topics(Event.objects.create(slug=slug, **_published(fields)), topics)


MAKERS = {
    "publications": make_publication,
    "news": make_article,
    "campaigns": make_campaign,
    "trainings": make_training,
    "events": make_event,
}
