"""One real SMTP conversation on loopback, through Django's SMTP backend and aiosmtpd."""

import datetime
import email
import email.policy
import socket

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_article
from tests.newsletter.helpers import make_subscriber

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), server_hostname="localhost")
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


def test_digest_goes_through_a_real_smtp_server(smtp_server):
    start = datetime.datetime(2021, 7, 27, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        make_subscriber(email="one@example.org", language="ar")
        make_subscriber(email="two@example.org", language="en")
        clock.shift(60)
        make_article(title_ar="حملة توقع مذكرة تفاهم", title_en="Memorandum signed", publish_at=timezone.now())
        clock.shift(60)
        call_command("send_digest")

    assert sorted(envelope.rcpt_tos[0] for envelope in smtp_server.envelopes) == ["one@example.org", "two@example.org"]
    messages = {
        envelope.rcpt_tos[0]: email.message_from_bytes(envelope.content, policy=email.policy.default)
        for envelope in smtp_server.envelopes
    }
    arabic = messages["one@example.org"]
    assert arabic.get_content_type() == "multipart/alternative"
    assert arabic["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert str(arabic["List-Unsubscribe"]).strip().startswith("<http://127.0.0.1:8000/ar/newsletter/unsubscribe/")
    text = arabic.get_body(preferencelist=("plain",)).get_content()
    html = arabic.get_body(preferencelist=("html",)).get_content()
    assert "حملة توقع مذكرة تفاهم" in text
    assert 'dir="rtl"' in html
    english = messages["two@example.org"]
    assert "Memorandum signed" in english.get_body(preferencelist=("plain",)).get_content()
    assert english["Subject"] == "Hamleh: 1 new item"
