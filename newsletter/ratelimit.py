"""The subscribe form's limits (safeguards.ratelimit): per client address, and per email address.

Read from the settings at each call, so that tests and deployments can change them.
"""

from django.conf import settings

from safeguards.ratelimit import RateLimit


def allow_client(request):
    return RateLimit("newsletter.client", settings.NEWSLETTER_RATE_PER_CLIENT, settings.NEWSLETTER_RATE_WINDOW).hit(
        request
    )


def allow_address(email):
    return RateLimit(
        "newsletter.address", settings.NEWSLETTER_RATE_PER_ADDRESS, settings.NEWSLETTER_RATE_WINDOW
    ).hit_value(email)
