"""Every write of the newsletter: one function per action, each in one transaction."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from content.models import Topic
from newsletter import emails
from newsletter.models import Subscriber, SubscriberSection, Suppression
from newsletter.tokens import LinkInvalid, SubscriptionRequest


class LinkRevoked(LinkInvalid):
    """A confirmation link issued before its address unsubscribed."""


def normalize_email(email):
    return email.strip().lower()


def address_hash(email):
    return salted_hmac(
        "hamleh.newsletter.suppression", normalize_email(email), secret=settings.NEWSLETTER_HASH_KEY, algorithm="sha256"
    ).hexdigest()


def request_subscription(email, language, sections, topics):
    """Send the confirmation link. Nothing is stored: the signed link carries the request."""
    request = SubscriptionRequest(
        email=normalize_email(email),
        language=language,
        sections=tuple(sections),
        topic_ids=tuple(sorted(topic.pk for topic in topics)),
    )
    emails.confirmation_message(request).send()
    return request


def _set_choices(subscriber, language, sections, topics):
    subscriber.language = language
    subscriber.save(update_fields=["language"])
    subscriber.section_choices.exclude(section__in=sections).delete()
    existing = set(subscriber.section_choices.values_list("section", flat=True))
    SubscriberSection.objects.bulk_create(
        SubscriberSection(subscriber=subscriber, section=name) for name in sections if name not in existing
    )
    subscriber.topics.set(topics)


@transaction.atomic
def confirm_subscription(request):
    """Create or update the subscriber from a confirmed request (a second confirmation only
    updates the choices: one address, one record)."""
    suppression = Suppression.objects.select_for_update().filter(address_hash=address_hash(request.email)).first()
    if suppression is not None:
        if request.issued_at is None or suppression.created_at >= request.issued_at:
            raise LinkRevoked
        suppression.delete()
    subscriber, _created = Subscriber.objects.get_or_create(
        email=normalize_email(request.email), defaults={"language": request.language}
    )
    topics = list(Topic.objects.filter(pk__in=request.topic_ids))
    _set_choices(subscriber, request.language, request.sections, topics)
    return subscriber


@transaction.atomic
def update_preferences(subscriber, language, sections, topics):
    _set_choices(subscriber, language, sections, topics)
    return subscriber


@transaction.atomic
def unsubscribe(subscriber):
    """Delete everything about the subscriber; keep only a keyed hash of the address so old
    confirmation links cannot sign it up again."""
    Suppression.objects.update_or_create(
        address_hash=address_hash(subscriber.email), defaults={"created_at": timezone.now()}
    )
    subscriber.delete()


def export_data(subscriber):
    """Everything held about one person, for a data-access request."""
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "sections": sorted(subscriber.section_names()),
        "topics": sorted(topic.slug for topic in subscriber.topics.all()),
        "confirmed_at": subscriber.confirmed_at.isoformat(),
        "last_digest_at": subscriber.last_digest_at.isoformat(),
        "digests_sent": [
            {"sent_at": delivery.sent_at.isoformat(), "items": delivery.item_count}
            for delivery in subscriber.deliveries.order_by("sent_at")
        ],
    }
