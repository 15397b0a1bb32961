"""Fixed-window counters in Django's cache (Redis in production, shared by every worker).

Keys are keyed hashes: neither the address nor the client's IP address is stored anywhere.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def _digest(kind, value):
    return salted_hmac(f"hamleh.newsletter.ratelimit.{kind}", value, secret=settings.NEWSLETTER_HASH_KEY).hexdigest()


def _hit(key, limit):
    """Count one attempt; True while the count stays within the limit."""
    window = settings.NEWSLETTER_RATE_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def client_address(request):
    value = request.META.get(settings.NEWSLETTER_CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR") or ""
    # A forwarded-for list names the original client first.
    return value.split(",")[0].strip()


def allow_client(request):
    return _hit(f"newsletter:client:{_digest('client', client_address(request))}", settings.NEWSLETTER_RATE_PER_CLIENT)


def allow_address(email):
    return _hit(f"newsletter:address:{_digest('address', email)}", settings.NEWSLETTER_RATE_PER_ADDRESS)
