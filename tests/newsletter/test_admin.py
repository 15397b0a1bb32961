import json

import pytest
from django.urls import reverse

from content.sections import SECTIONS
from newsletter.models import Language, Subscriber, Suppression
from tests.factories import make_topic
from tests.newsletter.helpers import make_subscriber

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:newsletter_subscriber_changelist"


@pytest.fixture
def subscribers():
    topic = make_topic(slug="privacy")
    return [
        make_subscriber(email="a@example.org", language="ar", sections=("news", "events")),
        make_subscriber(email="b@example.org", language="ar", sections=("news",), topics=[topic]),
        make_subscriber(email="c@example.org", language="en", sections=("publications",)),
    ]


def test_changelist_summarises_by_language_and_choice(staff_client, subscribers):
    response = staff_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    summary = response.context_data["newsletter_summary"]
    assert summary["total"] == 3
    languages = {str(label): count for label, count in summary["languages"]}
    assert languages == {str(Language.ARABIC.label): 2, str(Language.ENGLISH.label): 1, str(Language.HEBREW.label): 0}
    sections = {str(label): count for label, count in summary["sections"]}
    assert sections == {str(section.title): count for section, count in zip(SECTIONS, [1, 2, 0, 0, 1], strict=True)}
    assert summary["topics"] == [("privacy", 1)]
    assert 'id="newsletter-summary"' in response.content.decode()


def test_summary_follows_the_filters(staff_client, subscribers):
    response = staff_client.get(reverse(CHANGELIST), {"language__exact": "ar", "section_choices__section": "news"})
    summary = response.context_data["newsletter_summary"]
    assert summary["total"] == 2
    assert response.context_data["cl"].result_count == 2


def test_staff_cannot_add_subscribers(staff_client):
    assert staff_client.get(reverse("admin:newsletter_subscriber_add")).status_code == 403


def test_export_one_person_as_json(staff_client, subscribers):
    response = staff_client.post(
        reverse(CHANGELIST), {"action": "export_json", "_selected_action": [subscribers[1].pk]}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    (data,) = json.loads(response.content)
    assert data["email"] == "b@example.org"
    assert data["sections"] == ["news"] and data["topics"] == ["privacy"]


def test_export_as_csv(staff_client, subscribers):
    response = staff_client.post(reverse(CHANGELIST), {"action": "export_csv", "_selected_action": [subscribers[0].pk]})
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("email,language,sections")
    assert lines[1].startswith("a@example.org,ar,events news")


def test_delete_on_request_erases_the_person(staff_client, subscribers):
    response = staff_client.post(
        reverse(CHANGELIST), {"action": "delete_selected", "_selected_action": [subscribers[0].pk], "post": "yes"}
    )
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="a@example.org").exists()
    assert not Suppression.objects.exists()


def test_unsubscribe_action_keeps_only_the_hash(staff_client, subscribers):
    staff_client.post(reverse(CHANGELIST), {"action": "unsubscribe_selected", "_selected_action": [subscribers[2].pk]})
    assert not Subscriber.objects.filter(email="c@example.org").exists()
    assert Suppression.objects.count() == 1
