"""Fixed-window counters in Django's cache (Redis in production, shared by every worker).

    limit = RateLimit("contact.client", limit=5, period=60 * 60)
    if not limit.hit(request):        # counts one attempt from this visitor's address
        ...answer 429...
    RateLimit("contact.address", 3).hit_value(email)   # counts per any other value

Keys are keyed hashes (HMAC with the secret key, salted by the scope): neither an email address nor a
client's IP address is stored anywhere. Each scope counts apart; name it "<app>.<what>".
"""

import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from safeguards.client import client_ip

HOUR = 60 * 60


class RateLimit:
    """At most `limit` attempts per `period` seconds (windows aligned on the clock), counted apart
    for each client or value."""

    def __init__(self, scope, limit, period=HOUR):
        self.scope = scope
        self.limit = limit
        self.period = period

    def hit(self, request):
        """Count one attempt from the request's client address; True while within the limit."""
        return self.hit_value(client_ip(request) or "")

    def hit_value(self, value):
        """Count one attempt for `value` (e.g. a normalized email address); True while within the limit."""
        digest = salted_hmac(f"hamleh.safeguards.ratelimit.{self.scope}", str(value), algorithm="sha256")
        # The window is in the key: a new one starts afresh even on caches whose incr() renews the
        # entry's expiry (the file-based cache of development does).
        window = int(time.time() // self.period)
        key = f"ratelimit:{self.scope}:{window}:{digest.hexdigest()}"
        cache.add(key, 0, timeout=self.period)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.period)
            count = 1
        return count <= self.limit
