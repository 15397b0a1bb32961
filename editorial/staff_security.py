"""Helpers of the staff login defences (django-axes, django-otp)."""

from axes.backends import AxesStandaloneBackend
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


RECOVERY_DEVICE_NAME = "recovery codes"
AUTHENTICATOR_DEVICE_NAME = "authenticator app"


def enrol_two_factor(user, *, recovery_codes=10, replace=False):
    """Give `user` a new authenticator-app key and a fresh set of single-use recovery codes.

    Returns (totp_device, [recovery codes]). All in one transaction: on any
    error nothing is saved. Without `replace`, a user who already has a device
    is refused (enrolling again would lock their current phone out).
    """
    from django.db import transaction
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with transaction.atomic():
        existing = TOTPDevice.objects.filter(user=user)
        if existing.exists() and not replace:
            raise AlreadyEnrolled(user)
        existing.delete()
        StaticDevice.objects.filter(user=user).delete()
        totp = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_DEVICE_NAME, confirmed=True)
        static = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(recovery_codes)]
        StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return totp, codes


class AlreadyEnrolled(Exception):
    pass


def device_for_token(user, token):
    """The device a code typed at sign-in belongs to: digits are an authenticator-app
    code, anything else a recovery code."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    token = (token or "").strip()
    if not token:
        return None
    model = TOTPDevice if token.isdigit() else StaticDevice
    return model.objects.filter(user=user, confirmed=True).first()


class LoginThrottlingBackend(AxesStandaloneBackend):
    """django-axes' check of locked-out sign-ins, for sign-ins that come over the web.

    Every web sign-in form (the admin's included) passes the request; `authenticate()`
    called without one (the shell, `Client.login` in tests) cannot be attempted from
    outside and is left to the model backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
