"""Signed links of a registration: they carry its random key and a timestamp, never the address.

Confirming links expire after `CONFIRM_MAX_AGE`; cancel links after `CANCEL_MAX_AGE`, and both
stop working once the registration is gone (cancelled, reduced to counts or erased).
"""

from django.core import signing

CONFIRM_MAX_AGE = 60 * 60 * 48
CANCEL_MAX_AGE = 60 * 60 * 24 * 365

_SALTS = {"confirm": "hamleh.enrolment.confirm", "cancel": "hamleh.enrolment.cancel"}
_MAX_AGES = {"confirm": CONFIRM_MAX_AGE, "cancel": CANCEL_MAX_AGE}


class LinkInvalid(Exception):
    """A link that was changed, cut short, or meant for another purpose."""


class LinkExpired(LinkInvalid):
    pass


def make_token(registration, purpose):
    return signing.dumps({"k": registration.link_key}, salt=_SALTS[purpose], compress=False)


def read_token(token, purpose):
    """The link key inside a token made for `purpose`, if the token is intact and still valid."""
    try:
        payload = signing.loads(token, salt=_SALTS[purpose], max_age=_MAX_AGES[purpose])
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError) as error:
        raise LinkInvalid from error
    if not isinstance(payload, dict) or not isinstance(payload.get("k"), str):
        raise LinkInvalid
    return payload["k"]
