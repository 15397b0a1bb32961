import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from newsletter.models import Subscriber
from tests.factories import make_topic
from tests.newsletter.helpers import ADDRESS, form_data, link_in, subscribe_url

pytestmark = pytest.mark.django_db


def test_subscribe_page_answers_in_each_language_with_the_form(client):
    for language, direction in (("ar", "rtl"), ("en", "ltr"), ("he", "rtl")):
        response = client.get(subscribe_url(language))
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert 'name="email"' in html and 'name="language"' in html and 'name="sections"' in html
        # The page language is the default language of the emails.
        assert f'value="{language}" required id="id_language_' in html and "checked" in html


def test_every_page_has_the_compact_form_in_its_footer(client):
    html = client.get(reverse("website:home")).content.decode()
    assert f'action="{subscribe_url("ar")}"' in html
    assert 'name="step" value="email"' in html
    assert "csrfmiddlewaretoken" not in html


def test_footer_step_asks_for_choices_and_sends_nothing(client):
    response = Client(enforce_csrf_checks=True).post(subscribe_url("en"), {"step": "email", "email": ADDRESS})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{ADDRESS}"' in html
    assert 'name="sections"' in html
    assert 'class="errorlist' not in html
    assert mail.outbox == []


def test_subscription_sends_one_confirmation_and_stores_nothing(client):
    topic = make_topic(name_en="Hate speech")
    response = Client(enforce_csrf_checks=True).post(subscribe_url("ar"), form_data(topics=[topic]))
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:subscribe_done")
    assert Subscriber.objects.count() == 0
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert "confirm" in message.subject.lower()
    assert link_in(message, "confirm").startswith("/en/newsletter/confirm/")
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'lang="en" dir="ltr"' in html


def test_address_is_normalised(client):
    client.post(subscribe_url(), form_data(email="  Reader@Example.ORG "))
    assert mail.outbox[0].to == [ADDRESS]


def test_duplicate_subscription_same_response_and_one_record(client):
    first = Client().post(subscribe_url(), form_data())
    client.post(link_in(mail.outbox[0], "confirm"))
    assert Subscriber.objects.count() == 1
    second = Client().post(subscribe_url(), form_data(sections=("events",)))
    assert (second.status_code, second["Location"]) == (first.status_code, first["Location"])
    assert Client().get(second["Location"]).content == Client().get(first["Location"]).content
    assert len(mail.outbox) == 2
    client.post(link_in(mail.outbox[1], "confirm"))
    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().section_names() == ["events"]


def test_honeypot_answers_like_success_and_sends_nothing(client):
    response = client.post(subscribe_url(), form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:subscribe_done")
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("not-an-address", "Enter a valid email address, for example name@example.org."),
        ("reader@", "Enter a valid email address, for example name@example.org."),
        ("", "Please enter your email address."),
        ("a" * 250 + "@example.org", "Ensure this value has at most 254 characters (it has 262)."),
    ],
)
def test_bad_addresses_get_a_clear_error(client, email, message):
    with_english = subscribe_url("en")
    response = client.post(with_english, form_data(email=email))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert mail.outbox == []


def test_over_long_and_unknown_choices_get_clear_errors(client):
    make_topic()
    response = client.post(
        subscribe_url("en"), form_data(sections=("news", "x" * 5000), language="fr", topics=()) | {"topics": ["999"]}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"sections", "language", "topics"}
    assert "Select a valid choice" in response.content.decode()
    assert mail.outbox == []


def test_nothing_chosen_is_refused(client):
    response = client.post(subscribe_url("en"), form_data(sections=()))
    assert response.status_code == 200
    assert "Choose at least one section or topic." in response.content.decode()
    assert mail.outbox == []


def test_rate_limit_per_address_is_silent(client, settings, clock_mid_hour):
    settings.NEWSLETTER_RATE_PER_ADDRESS = 2
    responses = [Client(REMOTE_ADDR=f"10.0.0.{number}").post(subscribe_url(), form_data()) for number in range(1, 5)]
    assert {response.status_code for response in responses} == {302}
    assert len(mail.outbox) == 2
    client.post(subscribe_url(), form_data(email="other@example.org"))
    assert len(mail.outbox) == 3


def test_rate_limit_per_client_says_so(client, settings, clock_mid_hour):
    settings.NEWSLETTER_RATE_PER_CLIENT = 3
    for number in range(3):
        assert client.post(subscribe_url("en"), form_data(email=f"r{number}@example.org")).status_code == 302
    response = client.post(subscribe_url("en"), form_data(email="r9@example.org"))
    assert response.status_code == 429
    assert "Too many attempts from your connection" in response.content.decode()
    assert len(mail.outbox) == 3
    other = Client(REMOTE_ADDR="192.0.2.7").post(subscribe_url("en"), form_data(email="r9@example.org"))
    assert other.status_code == 302


def test_rate_limit_window_passes(client, settings):
    settings.NEWSLETTER_RATE_PER_CLIENT = 1
    with time_machine.travel("2021-07-27 10:00Z", tick=False) as traveller:
        client.post(subscribe_url(), form_data())
        assert client.post(subscribe_url(), form_data(email="b@example.org")).status_code == 429
        traveller.shift(settings.NEWSLETTER_RATE_WINDOW + 1)
        # The locmem cache honours expiry through time.time, which time_machine moves.
        assert client.post(subscribe_url(), form_data(email="b@example.org")).status_code == 302


def test_ip_addresses_are_not_stored_in_the_cache_keys(client, settings):
    from django.core.cache import cache

    # An in-memory cache, whose stored keys can be listed (a file-based one stores them hashed).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    Client(REMOTE_ADDR="203.0.113.77").post(subscribe_url(), form_data())
    keys = list(cache._cache)  # locmem internals: the stored keys
    assert keys and not any("203.0.113.77" in key or ADDRESS in key for key in keys)


@pytest.mark.parametrize("topic_count", [1, 25])
def test_subscribe_page_queries_do_not_grow_with_topics(client, django_assert_num_queries, topic_count):
    for _number in range(topic_count):
        make_topic()
    with django_assert_num_queries(1):
        response = client.get(subscribe_url())
    assert response.content.decode().count('name="topics"') == topic_count
