"""Personal links keep their secret out of logs and out of reach: the token is never in the path (which
the access logs and Django's request log record), the confirmation link cannot be read without the site's
key, preferences links expire, and links from emails sent before still work or fail with a clear page."""

import base64
import contextlib
import datetime
import logging
import zlib
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail, signing

from newsletter.emails import subscriber_links
from newsletter.models import Subscriber
from newsletter.tokens import MANAGE_SALT, manage_token
from newsletter.views import manage_url
from tests.newsletter.helpers import ADDRESS, form_data, link_in, make_subscriber, subscribe_url, token_in

pytestmark = pytest.mark.django_db

START = datetime.datetime(2021, 7, 27, 9, 0, tzinfo=datetime.UTC)


def readable_forms(token):
    """Everything the token says to someone without the key: its base64 parts, decompressed where possible."""
    for part in token.lstrip(".").replace(":", ".").split("."):
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        yield raw
        with contextlib.suppress(zlib.error):
            yield zlib.decompress(raw)


def test_no_personal_link_has_its_token_in_the_path(client):
    client.post(subscribe_url(), form_data())
    links = [link_in(mail.outbox[-1], "confirm"), *subscriber_links(make_subscriber("other@example.org")).values()]
    for link in links:
        token = token_in(link)
        assert token not in urlsplit(link).path
        assert len(token) > 40


def test_the_confirmation_link_does_not_reveal_the_address(client):
    client.post(subscribe_url(), form_data())
    token = token_in(link_in(mail.outbox[-1], "confirm"))
    for readable in readable_forms(token):
        assert b"reader" not in readable and b"example.org" not in readable


def test_pages_post_the_token_in_the_body(client):
    subscriber = make_subscriber()
    html = client.get(manage_url(subscriber)).content.decode()
    assert 'name="token"' in html
    assert 'action="/ar/newsletter/manage/"' in html and 'action="/ar/newsletter/unsubscribe/"' in html
    response = client.post(
        "/ar/newsletter/manage/", {"token": token_in(manage_url(subscriber)), "language": "en", "sections": ["news"]}
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "en"


def test_a_bad_link_leaves_no_token_in_the_request_log(client, caplog):
    make_subscriber()
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/ar/newsletter/manage/?token=a-secret-looking-token")
    assert response.status_code == 400
    assert "a-secret-looking-token" not in caplog.text


def test_preferences_links_expire_but_unsubscribe_links_do_not(client, settings):
    with time_machine.travel(START, tick=False) as traveller:
        subscriber = make_subscriber()
        links = subscriber_links(subscriber)
        manage, unsubscribe = (urlsplit(links[name]) for name in ("manage_url", "unsubscribe_url"))
        traveller.shift(datetime.timedelta(seconds=settings.NEWSLETTER_MANAGE_MAX_AGE + 60))
        response = client.get(f"{manage.path}?{manage.query}")
        assert response.status_code == 400
        assert response.context["problem"] == "expired"
        assert client.get(f"{unsubscribe.path}?{unsubscribe.query}").status_code == 200
        client.post(f"{unsubscribe.path}?{unsubscribe.query}")
    assert not Subscriber.objects.filter(email=ADDRESS).exists()


def test_links_sent_with_the_token_in_the_path_still_work(client):
    subscriber = make_subscriber()
    token = manage_token(subscriber)
    assert client.get(f"/ar/newsletter/manage/{token}/").status_code == 200
    assert client.post(f"/ar/newsletter/unsubscribe/{token}/").status_code == 200
    assert not Subscriber.objects.exists()


def test_an_old_readable_confirmation_link_gets_a_clear_page(client):
    old = signing.dumps({"e": ADDRESS, "l": "ar", "s": [], "t": [], "i": 1}, salt="hamleh.newsletter.confirm")
    response = client.get(f"/ar/newsletter/confirm/{old}/")
    assert response.status_code == 400
    assert response.context["problem"] == "invalid"
    assert 'href="/ar/newsletter/"' in response.content.decode()


def test_a_manage_token_is_signed_for_its_purpose_only(client):
    subscriber = make_subscriber()
    forged = signing.dumps({"s": subscriber.pk, "k": "guess"}, salt=MANAGE_SALT)
    assert client.get(f"/ar/newsletter/manage/?token={forged}").status_code == 410
