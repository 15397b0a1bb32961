"""The contact form: emailed to staff in the page's language, protected like the other public forms, nothing
stored."""

import pytest
from django.apps import apps
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from identity.models import SiteIdentity
from pages.models import Page
from tests.pages.helpers import make_page

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "ليلى",
    "email": "layla@example.org",
    "subject": "سؤال عن التدريب",
    "message": "مرحبًا، أود أن أعرف موعد الدورة القادمة في الأمان الرقمي.",
    "website": "",
}


@pytest.fixture
def contact_page():
    return make_page(slug="contact", kind=Page.Kind.CONTACT, title_ar="تواصلوا معنا", title_en="Contact us")


@pytest.fixture
def identity_email():
    identity = SiteIdentity.current()
    identity.email = "info@hamleh.example"
    identity.save()
    return identity.email


def test_a_message_is_emailed_to_staff_and_confirmed(client, contact_page, identity_email):
    response = client.post("/ar/contact/", MESSAGE, REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 302
    assert response["Location"] == "/ar/contact/"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [identity_email]
    assert sent.reply_to == ["layla@example.org"]
    assert "سؤال عن التدريب" in sent.subject
    assert "\n" not in sent.subject
    assert MESSAGE["message"] in sent.body
    assert "ليلى" in sent.body and "layla@example.org" in sent.body
    assert sent.content_subtype == "plain" and not getattr(sent, "alternatives", [])
    # The email is in the page's language.
    assert "الموقع" in sent.subject
    page = client.get(response["Location"])
    assert "شكرًا" in page.content.decode()


def test_the_email_is_written_in_the_page_language(client, contact_page, identity_email):
    client.post("/en/contact/", {**MESSAGE, "subject": "Training dates"})
    assert mail.outbox[0].subject == "Website contact form: Training dates"
    assert "Name: ليلى" in mail.outbox[0].body


def test_without_an_identity_email_it_goes_to_the_configured_address(client, contact_page, settings):
    settings.CONTACT_EMAIL = ""
    settings.DEFAULT_FROM_EMAIL = "Hamleh <no-reply@hamleh.example>"
    client.post("/ar/contact/", MESSAGE)
    assert mail.outbox[0].to == ["no-reply@hamleh.example"]
    settings.CONTACT_EMAIL = "team@hamleh.example"
    client.post("/ar/contact/", MESSAGE, REMOTE_ADDR="192.0.2.11")
    assert mail.outbox[1].to == ["team@hamleh.example"]


def test_bad_input_is_shown_on_the_form_with_the_text_kept(client, contact_page, identity_email):
    response = client.post("/ar/contact/", {**MESSAGE, "email": "not-an-address"})
    assert response.status_code == 200
    html = response.content.decode()
    assert MESSAGE["message"] in html  # the person's text is kept
    assert 'value="سؤال عن التدريب"' in html
    assert 'aria-invalid="true"' in html
    assert response.context["form"].errors["email"]
    assert not mail.outbox


def test_the_honeypot_sends_nothing_but_answers_as_for_a_person(client, contact_page, identity_email):
    response = client.post("/ar/contact/", {**MESSAGE, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not mail.outbox


def test_a_client_is_throttled_after_a_few_messages(client, contact_page, identity_email, settings, clock_mid_hour):
    limit = settings.CONTACT_RATE_PER_CLIENT
    for _ in range(limit):
        assert client.post("/ar/contact/", MESSAGE, REMOTE_ADDR="198.51.100.7").status_code == 302
    response = client.post("/ar/contact/", MESSAGE, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert MESSAGE["message"] in response.content.decode()
    assert len(mail.outbox) == limit
    # Another visitor is not held back.
    assert client.post("/ar/contact/", MESSAGE, REMOTE_ADDR="198.51.100.8").status_code == 302


def test_behind_the_proxy_the_visitor_address_counts(client, contact_page, identity_email, settings, clock_mid_hour):
    settings.BEHIND_PROXY = True
    settings.PROXY_COUNT = 1
    for _ in range(settings.CONTACT_RATE_PER_CLIENT):
        client.post("/ar/contact/", MESSAGE, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert (
        client.post("/ar/contact/", MESSAGE, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code
        == 429
    )
    assert (
        client.post("/ar/contact/", MESSAGE, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6").status_code
        == 302
    )


def test_nothing_of_the_message_is_stored(client, contact_page, identity_email):
    with CaptureQueriesContext(connection) as queries:
        client.post("/ar/contact/", MESSAGE)
    assert len(mail.outbox) == 1
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert writes == []
    assert not any(model.__name__.lower().startswith("message") for model in apps.get_app_config("pages").get_models())


def test_a_large_body_is_refused(client, contact_page):
    response = client.post("/ar/contact/", {**MESSAGE, "message": "x" * 70_000})
    assert response.status_code == 413
    assert not mail.outbox


def test_other_pages_take_no_post(client):
    make_page(slug="about")
    assert client.post("/ar/about/", MESSAGE).status_code == 405


def test_the_contact_block_shows_the_site_identity(client, contact_page):
    identity = SiteIdentity.current()
    identity.email = "info@hamleh.example"
    identity.phone = "+972 4 000 0000"
    identity.pgp_fingerprint = "ABCD 1234 ABCD 1234 ABCD  1234 ABCD 1234 ABCD 1234"
    identity.save()
    identity.offices.create(name_ar="مكتب حيفا", address_ar="شارع المثال 1، حيفا")
    identity.social_links.create(network="mastodon", url="https://mastodon.example/@hamleh")
    html = client.get("/ar/contact/").content.decode()
    assert 'href="mailto:info@hamleh.example"' in html
    assert "مكتب حيفا" in html and "شارع المثال 1، حيفا" in html
    assert 'href="https://mastodon.example/@hamleh"' in html
    assert "ABCD 1234" in html
    assert '<form class="contact-form" method="post" action="/ar/contact/"' in html
