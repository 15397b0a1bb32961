"""The newsletter's personal links.

The confirmation link carries the whole request (nothing is stored before it is confirmed), encrypted
(the address cannot be read from it without the site's key) and expiring. The preferences link names a
subscriber and their link key, signed, and expires (every digest brings a new one); the unsubscribe link
is the same token and works as long as the subscriber exists, so that an old email can always stop the
newsletter. Links carry their token in the query string (`?token=`), which neither the access logs nor
Django's request log record, and the pages post it back in the form's body.
"""

import base64
import datetime
import json
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import salted_hmac

from newsletter.models import Language, section_choices

CONFIRM_SALT = "hamleh.newsletter.confirm"
MANAGE_SALT = "hamleh.newsletter.manage"
MAX_TOKEN_LENGTH = 4000


def link_path(view_name, token):
    """The path of a personal link, e.g. `/ar/newsletter/manage/?token=…`: never the token in the path."""
    return f"{reverse(view_name)}?{urlencode({'token': token})}"


def token_of(request, legacy_token=None):
    """The token a personal page was opened or posted with. `legacy_token` is the one in the path of
    links sent before tokens moved to the query string; those links keep working."""
    return request.POST.get("token") or request.GET.get("token") or legacy_token or ""


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


def _confirmation_cipher():
    """Fernet (AES with an HMAC) keyed from SECRET_KEY; links made before a key rotation still open
    with the keys in SECRET_KEY_FALLBACKS."""
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return MultiFernet([Fernet(_fernet_key(secret)) for secret in secrets])


def _fernet_key(secret):
    return base64.urlsafe_b64encode(salted_hmac(CONFIRM_SALT, "fernet", secret=secret, algorithm="sha256").digest())


def confirmation_token(request):
    payload = {
        "e": request.email,
        "l": request.language,
        "s": list(request.sections),
        "t": list(request.topic_ids),
        "i": int(time.time()),
    }
    plain = zlib.compress(json.dumps(payload, separators=(",", ":")).encode())
    return _confirmation_cipher().encrypt(plain).decode()


def _decrypt_confirmation(token, max_age):
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise LinkInvalid
    cipher = _confirmation_cipher()
    try:
        plain = cipher.decrypt(token.encode(), ttl=max_age)
    except InvalidToken as error:
        # Fernet does not say why it refused: a link that opens without the age limit is only too old.
        try:
            cipher.decrypt(token.encode())
        except InvalidToken:
            raise LinkInvalid from error
        raise LinkExpired from error
    except (ValueError, UnicodeError) as error:
        raise LinkInvalid from error
    try:
        return json.loads(zlib.decompress(plain))
    except (zlib.error, ValueError) as error:
        raise LinkInvalid from error


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
    data = _decrypt_confirmation(token, settings.NEWSLETTER_CONFIRM_MAX_AGE)
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


def read_manage_token(token, *, max_age=None):
    """(subscriber id, link key) from a preferences or unsubscribe link; `max_age` in seconds."""
    data = _loads(token, MANAGE_SALT, max_age=max_age)
    try:
        pk, key = data["s"], data["k"]
    except (KeyError, TypeError) as error:
        raise LinkInvalid from error
    if not isinstance(pk, int) or not isinstance(key, str):
        raise LinkInvalid
    return pk, key
