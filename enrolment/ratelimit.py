"""Fixed-window counters in the shared cache, so a script cannot use the form to flood an inbox.

Keys are keyed hashes: neither the address nor the client's IP address is stored.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from editorial.staff_security import client_ip

WINDOW_SECONDS = 60 * 60
PER_CLIENT = 20
PER_ADDRESS = 3


def _hit(kind, value, limit):
    """Count one attempt; True while the count stays within the limit."""
    key = f"enrolment:{kind}:{salted_hmac(f'hamleh.enrolment.{kind}', value).hexdigest()}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= limit


def allow_client(request):
    # Behind the documented proxy every connection comes from the proxy: the visitor is the address it set.
    return _hit("client", client_ip(request) or "", PER_CLIENT)


def allow_address(enrolment, email):
    return _hit("address", f"{enrolment.pk}:{email}", PER_ADDRESS)
