"""The content state: a number in the database that every change to public content moves on."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from content.changes import stored_content_state
from content.models import ContentState, Status
from tests.factories import make_article, make_campaign, make_campaign_update, make_organization, make_topic

pytestmark = pytest.mark.django_db


def state():
    return stored_content_state()[0]


def test_every_kind_of_change_to_public_content_moves_the_state_on():
    seen = [state()]
    topic = make_topic()
    seen.append(state())
    item = make_article(topics=[topic])
    seen.append(state())
    organisation = make_organization()
    seen.append(state())
    campaign = make_campaign(targets=[organisation])
    seen.append(state())
    make_campaign_update(campaign)
    seen.append(state())
    organisation.name_ar = "اسم جديد"
    organisation.save()
    seen.append(state())
    item.status = Status.DRAFT
    item.save()
    seen.append(state())
    item.delete()
    seen.append(state())
    assert seen == sorted(set(seen))  # each one a new, larger number


def test_the_state_moves_with_the_change_or_not_at_all():
    before = state()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_article()
        raise RuntimeError("the edit fails before it is committed")
    assert state() == before


def test_the_state_is_never_below_the_clock_so_a_new_database_gives_no_old_number():
    ContentState.objects.update(version=5)
    with time_machine.travel(datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC), tick=False):
        make_article()
        assert state() == int(timezone.now().timestamp() * 1000)
        make_article()
        assert state() == int(timezone.now().timestamp() * 1000) + 1


def test_a_missing_row_is_made_again():
    ContentState.objects.all().delete()
    assert state() is None
    make_article()
    assert state() is not None


def test_the_latest_due_moment_changes_when_a_scheduled_item_falls_due():
    with time_machine.travel(datetime.datetime(2025, 5, 1, 9, 0, tzinfo=datetime.UTC), tick=False) as traveller:
        published = make_article(publish_at=timezone.now() - datetime.timedelta(days=1))
        scheduled = make_article(publish_at=timezone.now() + datetime.timedelta(minutes=5))
        before = stored_content_state()
        assert before[1] == published.publish_at
        traveller.move_to(datetime.datetime(2025, 5, 1, 9, 6, tzinfo=datetime.UTC))
        after = stored_content_state()
        assert after == (before[0], scheduled.publish_at)


def test_one_statement_reads_it(django_assert_num_queries):
    with django_assert_num_queries(1):
        stored_content_state()


@pytest.mark.parametrize(
    "command", [("generate_content", "--count", "5", "--seed", "3"), ("rebuild_search_index",)], ids=lambda c: c[0]
)
def test_commands_that_write_in_bulk_move_the_state_on(command):
    make_article()
    before = state()
    call_command(*command, stdout=None)
    assert state() > before
