"""Shared helpers of the newsletter tests."""

import re
from urllib.parse import parse_qs, urlsplit

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone, translation

from newsletter import services
from newsletter.tokens import SubscriptionRequest

ADDRESS = "reader@example.org"


def subscribe_url(language="ar"):
    with translation.override(language):
        return reverse("newsletter:subscribe")


def form_data(email=ADDRESS, language="en", sections=("news",), topics=(), **extra):
    data = {"email": email, "language": language, "sections": list(sections), "topics": [t.pk for t in topics]}
    data.update(extra)
    return data


def link_in(message, kind):
    """The path and query of the first `kind` link (confirm, manage, unsubscribe) in an email's text."""
    match = re.search(rf"https?://\S+/newsletter/{kind}/\?token=\S+", message.body)
    assert match, f"no {kind} link in: {message.body}"
    parts = urlsplit(match.group(0))
    return f"{parts.path}?{parts.query}"


def token_in(link):
    """The token of a personal link."""
    return parse_qs(urlsplit(link).query)["token"][0]


def make_subscriber(email=ADDRESS, language="ar", sections=("news",), topics=()):
    return services.confirm_subscription(
        SubscriptionRequest(
            email=email,
            language=language,
            sections=tuple(sections),
            topic_ids=tuple(topic.pk for topic in topics),
            issued_at=timezone.now(),
        )
    )


class FlakyBackend(EmailBackend):
    """The in-memory backend, failing like a dropped SMTP connection once `fail_after` emails went out."""

    fail_after = None

    def send_messages(self, messages):
        if FlakyBackend.fail_after is not None and len(mail.outbox) >= FlakyBackend.fail_after:
            raise ConnectionResetError("SMTP server went away")
        return super().send_messages(messages)
