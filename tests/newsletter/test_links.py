import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client

from newsletter import services
from newsletter.models import Subscriber, Suppression
from newsletter.tokens import link_path
from newsletter.views import manage_url
from tests.factories import make_topic
from tests.newsletter.helpers import ADDRESS, form_data, link_in, make_subscriber, subscribe_url, token_in

pytestmark = pytest.mark.django_db

START = datetime.datetime(2021, 7, 27, 9, 0, tzinfo=datetime.UTC)


def ask(client, **fields):
    client.post(subscribe_url(), form_data(**fields))
    return link_in(mail.outbox[-1], "confirm")


def test_confirmation_page_asks_before_confirming(client):
    link = ask(client)
    response = client.get(link)
    assert response.status_code == 200
    assert ADDRESS in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert Subscriber.objects.count() == 0  # a link scanner opening the page confirms nothing


def test_confirmation_keeps_csrf_protection(client):
    link = ask(client)
    assert Client(enforce_csrf_checks=True).post(link).status_code == 403
    assert Subscriber.objects.count() == 0


def test_confirmed_subscriber_lands_on_preferences(client):
    topic = make_topic()
    link = ask(client, language="he", sections=("news", "events"), topics=[topic])
    response = client.post(link, follow=True)
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language) == (ADDRESS, "he")
    assert sorted(subscriber.section_names()) == ["events", "news"]
    assert list(subscriber.topics.all()) == [topic]
    assert response.redirect_chain[-1][0].startswith("/he/newsletter/manage/")
    assert response.status_code == 200


def test_expired_link_is_refused_clearly(client, settings):
    with time_machine.travel(START, tick=False) as traveller:
        link = ask(client)
        traveller.shift(datetime.timedelta(seconds=settings.NEWSLETTER_CONFIRM_MAX_AGE - 60))
        assert client.get(link).status_code == 200
        traveller.shift(datetime.timedelta(seconds=120))
        for response in (client.get(link), client.post(link)):
            assert response.status_code == 400
            assert "expired" in response.content.decode() or "صلاحية" in response.content.decode()
            assert response.context["problem"] == "expired"
    assert Subscriber.objects.count() == 0


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token[:20],
        lambda token: "x" + token,
        lambda token: token[:40] + token[41:],
        lambda token: "a" * 5000,
    ],
)
def test_tampered_confirmation_link_is_refused(client, tamper):
    link = ask(client)
    bad = link_path("newsletter:confirm", tamper(token_in(link)))
    for response in (client.get(bad), client.post(bad)):
        assert response.status_code == 400
        assert response.context["problem"] == "invalid"
    assert Subscriber.objects.count() == 0


def test_token_from_another_purpose_is_refused(client):
    subscriber = make_subscriber()
    token = token_in(manage_url(subscriber))
    response = client.get(link_path("newsletter:confirm", token))
    assert response.status_code == 400


def test_preferences_can_be_changed(client):
    topic = make_topic()
    subscriber = make_subscriber(language="ar", sections=("news",))
    url = manage_url(subscriber)
    response = client.post(url, {"language": "en", "sections": ["campaigns"], "topics": [topic.pk]}, follow=True)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.language == "en"
    assert subscriber.section_names() == ["campaigns"]
    assert list(subscriber.topics.all()) == [topic]


def test_bad_preferences_change_nothing(client):
    subscriber = make_subscriber(language="ar", sections=("news",))
    response = client.post(manage_url(subscriber), {"language": "xx", "sections": []})
    assert response.status_code == 200
    assert response.context["form"].errors
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.section_names()) == ("ar", ["news"])


def test_preferences_keep_csrf_protection():
    subscriber = make_subscriber()
    response = Client(enforce_csrf_checks=True).post(manage_url(subscriber), {"language": "en", "sections": ["news"]})
    assert response.status_code == 403


@pytest.mark.parametrize("topic_count", [1, 25])
def test_preferences_page_queries_do_not_grow(client, django_assert_num_queries, topic_count):
    topics = [make_topic() for _number in range(topic_count)]
    subscriber = make_subscriber(topics=topics)
    url = manage_url(subscriber)
    # subscriber, its sections, its topics, the topic choices
    with django_assert_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200


def test_one_click_unsubscribe_without_csrf_token_keeps_only_a_hash():
    subscriber = make_subscriber()
    from newsletter.emails import subscriber_links

    unsubscribe = subscriber_links(subscriber)["unsubscribe_url"].split("127.0.0.1:8000", 1)[1]
    client = Client(enforce_csrf_checks=True)
    response = client.post(unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    (suppression,) = Suppression.objects.all()
    assert ADDRESS not in suppression.address_hash and "reader" not in suppression.address_hash
    assert suppression.address_hash == services.address_hash(ADDRESS)
    # Unsubscribing again with the same link is still a success; the preferences link is gone.
    assert client.post(unsubscribe).status_code == 200
    assert client.get(unsubscribe).status_code == 200
    assert Client().get(manage_url(subscriber)).status_code == 410


def test_unsubscribe_page_asks_first(client):
    subscriber = make_subscriber()
    from newsletter.emails import subscriber_links

    unsubscribe = subscriber_links(subscriber)["unsubscribe_url"].split("127.0.0.1:8000", 1)[1]
    response = client.get(unsubscribe)
    assert response.status_code == 200
    assert ADDRESS in response.content.decode()
    assert Subscriber.objects.exists()


def test_tampered_unsubscribe_link_is_refused(client):
    make_subscriber()
    response = client.post("/ar/newsletter/unsubscribe/eyJzIjoxLCJrIjoieCJ9:1abc:forged/")
    assert response.status_code == 400
    assert Subscriber.objects.exists()


def test_confirmation_link_sent_before_unsubscribing_cannot_resubscribe(client):
    with time_machine.travel(START, tick=False) as traveller:
        old_link = ask(client)
        traveller.shift(60)
        client.post(old_link)
        traveller.shift(60)
        services.unsubscribe(Subscriber.objects.get())
        traveller.shift(60)
        response = client.post(old_link)
        assert response.status_code == 400
        assert response.context["problem"] == "revoked"
        assert not Subscriber.objects.exists()
        # A new request, confirmed, signs the address up again and lifts the suppression.
        traveller.shift(60)
        client.post(ask(client))
        assert Subscriber.objects.count() == 1
        assert not Suppression.objects.exists()


def test_stored_email_must_be_lower_case():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="Reader@example.org")
