"""`objects.published()` is the only door to public content: status and `publish_at` both count."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from content.models import Status
from tests.factories import MAKERS

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2021, 7, 27, 10, 0))
SECTIONS = list(MAKERS)


@pytest.mark.parametrize("section", SECTIONS)
def test_drafts_future_and_past_items(section):
    make = MAKERS[section]
    with time_machine.travel(NOW, tick=False):
        past = make(publish_at=NOW - datetime.timedelta(days=1))
        draft = make(status=Status.DRAFT, publish_at=NOW - datetime.timedelta(days=1))
        future = make(publish_at=NOW + datetime.timedelta(days=1))
        model = type(past)

        assert list(model.objects.published()) == [past]
        assert set(model.objects.scheduled()) == {future}
        assert past.is_published
        assert not draft.is_published
        assert not future.is_published


@pytest.mark.parametrize("section", SECTIONS)
def test_a_scheduled_item_becomes_public_exactly_at_its_moment(section):
    moment = NOW + datetime.timedelta(hours=3)
    with time_machine.travel(NOW, tick=False):
        item = MAKERS[section](publish_at=moment)
    model = type(item)

    with time_machine.travel(moment - datetime.timedelta(microseconds=1), tick=False):
        assert not model.objects.published().filter(pk=item.pk).exists()
    with time_machine.travel(moment, tick=False):
        assert model.objects.published().filter(pk=item.pk).exists()
    with time_machine.travel(moment + datetime.timedelta(days=30), tick=False):
        assert model.objects.published().filter(pk=item.pk).exists()


@pytest.mark.parametrize("section", SECTIONS)
def test_a_draft_never_becomes_public(section):
    with time_machine.travel(NOW, tick=False):
        item = MAKERS[section](status=Status.DRAFT, publish_at=NOW + datetime.timedelta(hours=1))
    with time_machine.travel(NOW + datetime.timedelta(days=365), tick=False):
        assert not type(item).objects.published().filter(pk=item.pk).exists()
