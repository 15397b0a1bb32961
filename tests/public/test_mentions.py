"""A news item lists the public items it mentions, by kind, newest first; drafts and scheduled items stay hidden."""

import datetime

import pytest
from django.utils import timezone

from content.models import Status
from tests.factories import make_article, make_campaign, make_event, make_publication, make_training

pytestmark = pytest.mark.django_db


def test_mentions_by_kind_newest_first_public_only(client):
    now = timezone.now()
    article = make_article()
    older = make_publication(title_ar="تقرير قديم", publish_at=now - datetime.timedelta(days=3))
    newer = make_publication(title_ar="تقرير جديد", publish_at=now - datetime.timedelta(days=1))
    draft = make_publication(title_ar="مسودة", status=Status.DRAFT)
    scheduled = make_campaign(title_ar="حملة قادمة", publish_at=now + datetime.timedelta(days=1))
    event = make_event(title_ar="فعالية")
    article.related_publications.add(older, newer, draft)
    article.related_campaigns.add(scheduled)
    article.related_events.add(event)

    response = client.get(article.get_absolute_url())
    mentioned = response.context["mentioned"]
    assert [item.title_ar for item in mentioned["publications"]] == ["تقرير جديد", "تقرير قديم"]
    assert mentioned["campaigns"] == mentioned["trainings"] == []
    assert [item.title_ar for item in mentioned["events"]] == ["فعالية"]
    body = response.content.decode()
    assert body.index("تقرير جديد") < body.index("تقرير قديم") < body.index("فعالية")
    assert "مسودة" not in body and "حملة قادمة" not in body


def test_an_article_that_mentions_nothing_has_no_such_section(client):
    article = make_article()
    make_training()  # not linked
    response = client.get(article.get_absolute_url())
    assert response.context["mentioned"] == {"publications": [], "campaigns": [], "trainings": [], "events": []}
    assert 'id="mentioned-heading"' not in response.content.decode()
