"""Content built from one hostile value put in every text field of every content type."""

from django.urls import reverse
from django.utils import translation

from campaigns.models import CampaignPartner
from content.sections import SECTIONS
from publications.models import Series
from tests.factories import (
    make_article,
    make_campaign,
    make_campaign_update,
    make_event,
    make_organization,
    make_publication,
    make_topic,
    make_training,
)

LANGUAGES = ("ar", "en", "he")


def in_all_languages(field, value):
    return {f"{field}_{code}": value for code in LANGUAGES}


def text_fields(value, *fields):
    result = {}
    for field in fields:
        result.update(in_all_languages(field, value))
    return result


PUBLISHABLE_TEXT = ("title", "summary", "body", "cover_alt")


def hostile_content(payload):
    """Every public content type with `payload` in every text field and every translation."""
    topic = make_topic(**text_fields(payload, "name", "description"))
    series = Series.objects.create(slug="hostile-series", **in_all_languages("name", payload))
    organization = make_organization(**in_all_languages("name", payload))
    publication = make_publication(
        topics=[topic],
        series=series,
        featured=True,
        **text_fields(payload, *PUBLISHABLE_TEXT, "authors", "edition"),
    )
    make_publication(topics=[topic], series=series, **text_fields(payload, *PUBLISHABLE_TEXT))
    article = make_article(topics=[topic], featured=True, **text_fields(payload, *PUBLISHABLE_TEXT))
    campaign = make_campaign(
        topics=[topic],
        targets=[organization],
        hashtag=payload[:100],
        cta_url="https://example.org/act",
        **text_fields(payload, *PUBLISHABLE_TEXT, "cta_label"),
    )
    CampaignPartner.objects.create(campaign=campaign, organization=organization)
    make_campaign_update(campaign, **in_all_languages("text", payload))
    training = make_training(topics=[topic], **text_fields(payload, *PUBLISHABLE_TEXT, "location"))
    event = make_event(topics=[topic], **text_fields(payload, *PUBLISHABLE_TEXT, "venue", "speakers"))
    article.related_publications.add(publication)
    article.related_campaigns.add(campaign)
    article.related_trainings.add(training)
    article.related_events.add(event)
    campaign.related_publications.add(publication)
    return [topic, publication, article, campaign, training, event]


def pages_of(objects, language):
    """Home, every list, every detail page and the topic hub, in `language`."""
    with translation.override(language):
        urls = [reverse("website:home")]
        urls += [reverse(section.list_url_name) for section in SECTIONS]
        urls += [item.get_absolute_url() for item in objects]
    return urls
