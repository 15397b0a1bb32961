"""The newsletter's emails, each rendered in its reader's language as plain text and HTML."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from identity.models import SiteIdentity
from newsletter.tokens import confirmation_token, link_path, manage_token


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def _render(name, context):
    subject = " ".join(render_to_string(f"newsletter/email/{name}_subject.txt", context).split())
    text = render_to_string(f"newsletter/email/{name}.txt", context)
    html = render_to_string(f"newsletter/email/{name}.html", context)
    return subject, text, html


def subscriber_links(subscriber):
    """The preferences and unsubscribe links of a subscriber, in their language."""
    token = manage_token(subscriber)
    with translation.override(subscriber.language):
        return {
            "manage_url": absolute(link_path("newsletter:manage", token)),
            "unsubscribe_url": absolute(link_path("newsletter:unsubscribe", token)),
        }


def confirmation_message(request):
    """The double opt-in email: the only email sent to an address that has not confirmed."""
    with translation.override(request.language):
        context = {
            "confirm_url": absolute(link_path("newsletter:confirm", confirmation_token(request))),
            "subscribe_url": absolute(reverse("newsletter:subscribe")),
            "max_age_hours": max(1, settings.NEWSLETTER_CONFIRM_MAX_AGE // 3600),
            "language": request.language,
            "home_url": absolute(reverse("website:home")),
            "site_identity": SiteIdentity.current(),
        }
        subject, text, html = _render("confirm", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [request.email])
    message.attach_alternative(html, "text/html")
    return message


def digest_message(subscriber, groups, connection=None):
    """The digest of `groups` ([(section, [items])]) with one-click unsubscribe headers (RFC 8058)."""
    links = subscriber_links(subscriber)
    with translation.override(subscriber.language):
        context = {
            "groups": groups,
            "item_count": sum(len(items) for _section, items in groups),
            "language": subscriber.language,
            "site_url": settings.SITE_URL,
            "site_identity": SiteIdentity.current(),
            **links,
        }
        subject, text, html = _render("digest", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [subscriber.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
