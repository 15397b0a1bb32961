"""Helpers of the staff login defences (django-axes, django-otp)."""

from django.conf import settings


def client_ip(request):
    """The address a login attempt came from, for django-axes.

    Behind the proxy (DJANGO_BEHIND_PROXY=1) the proxy appends the real client
    address to X-Forwarded-For, so the right-most entry is the one that cannot be
    forged by the client; otherwise it is the address of the connection.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")
