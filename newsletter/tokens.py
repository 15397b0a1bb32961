"""Signed links: the confirmation link carries the whole request (nothing is stored before it is
confirmed) and expires; the preferences/unsubscribe link names a subscriber and their link key."""

import datetime
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing

from newsletter.models import Language, section_choices

CONFIRM_SALT = "hamleh.newsletter.confirm"
MANAGE_SALT = "hamleh.newsletter.manage"
MAX_TOKEN_LENGTH = 4000


class LinkInvalid(Exception):
    """The link was altered, truncated or never issued by us."""


class LinkExpired(LinkInvalid):
    """The link was ours but is too old."""


@dataclass(frozen=True)
class SubscriptionRequest:
    email: str
    language: str
    sections: tuple = ()
    topic_ids: tuple = ()
    issued_at: datetime.datetime | None = field(default=None, compare=False)


def confirmation_token(request):
    payload = {
        "e": request.email,
        "l": request.language,
        "s": list(request.sections),
        "t": list(request.topic_ids),
        "i": int(time.time()),
    }
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def _loads(token, salt, max_age=None):
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise LinkInvalid
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError, UnicodeDecodeError) as error:
        raise LinkInvalid from error


def read_confirmation_token(token):
    data = _loads(token, CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE)
    try:
        email, language, sections, topic_ids, issued = data["e"], data["l"], data["s"], data["t"], data["i"]
    except (KeyError, TypeError) as error:
        raise LinkInvalid from error
    known_sections = {name for name, _title in section_choices()}
    if (
        not isinstance(email, str)
        or language not in Language.values
        or not isinstance(sections, list)
        or not set(sections) <= known_sections
        or not isinstance(topic_ids, list)
        or not all(isinstance(pk, int) for pk in topic_ids)
        or not isinstance(issued, int)
    ):
        raise LinkInvalid
    return SubscriptionRequest(
        email=email,
        language=language,
        sections=tuple(sections),
        topic_ids=tuple(topic_ids),
        issued_at=datetime.datetime.fromtimestamp(issued, tz=datetime.UTC),
    )


def manage_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "k": subscriber.manage_key}, salt=MANAGE_SALT)


def read_manage_token(token):
    """(subscriber id, link key) from a preferences/unsubscribe link; these links do not expire."""
    data = _loads(token, MANAGE_SALT)
    try:
        pk, key = data["s"], data["k"]
    except (KeyError, TypeError) as error:
        raise LinkInvalid from error
    if not isinstance(pk, int) or not isinstance(key, str):
        raise LinkInvalid
    return pk, key
