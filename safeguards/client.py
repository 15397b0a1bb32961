"""The address a request came from, for rate limits and django-axes (AXES_CLIENT_IP_CALLABLE)."""

from django.conf import settings


def client_ip(request):
    """The address a request came from; None if the request carries none.

    Behind proxies (DJANGO_BEHIND_PROXY=1) the outermost proxy replaces X-Forwarded-For with the
    address its connection came from, and each further proxy appends the address it received from
    (docs/deployment.md). With DJANGO_PROXY_COUNT proxies, the header holds that many entries, and the
    first of the last PROXY_COUNT is the one the outermost proxy wrote: whatever the client sent in its
    own header is left of it, or gone. Without a proxy the header is the client's to forge, and only
    the address of the connection counts.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(addresses) >= settings.PROXY_COUNT:
            return addresses[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")
