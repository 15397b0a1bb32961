"""Helpers of the staff login defences (django-axes, django-otp)."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core import signing

from safeguards.client import client_ip  # noqa: F401  (django-axes and the public forms use the same address)

# A browser that has been signed in as a person (password and second factor) carries this cookie,
# signed, naming them. See `lockout_parameters`.
KNOWN_BROWSER_COOKIE = "hamleh_known_browser"
KNOWN_BROWSER_SALT = "editorial.staff_security.known_browser"
KNOWN_BROWSER_MAX_AGE = 60 * 60 * 24 * 90


def known_browser_username(request):
    """The person this browser has been signed in as before, from the signed cookie; None if none."""
    cookies = getattr(request, "COOKIES", None)
    if not cookies or KNOWN_BROWSER_COOKIE not in cookies:
        return None
    try:
        return signing.loads(cookies[KNOWN_BROWSER_COOKIE], salt=KNOWN_BROWSER_SALT, max_age=KNOWN_BROWSER_MAX_AGE)
    except signing.BadSignature:
        return None


def lockout_parameters(request_or_attempt, credentials=None):
    """What django-axes counts failed sign-ins by (AXES_LOCKOUT_PARAMETERS).

    Always the pair of username and address: five failures lock that pair. Also the username alone,
    from every address: five failures anywhere lock the account against browsers it has never been
    signed in from, so guessing one person's password from many addresses fails too. A browser the
    person has signed in from before (the signed KNOWN_BROWSER_COOKIE naming them) is counted by
    the pair only: an attacker can lock new browsers out for the cool-off time, again and again, but
    never the person at their own computer, who therefore cannot be locked out for good.
    """
    username = (credentials or {}).get("username")
    if username is None:
        username = getattr(request_or_attempt, "POST", {}).get("username")
    pair = ["username", "ip_address"]
    if username and known_browser_username(request_or_attempt) == username:
        return [pair]
    return [pair, "username"]


class KnownBrowserMiddleware:
    """Marks the browser of a signed-in, verified staff member as known (see `lockout_parameters`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return response  # a visitor without a session: its user is not even looked at
        user = getattr(request, "user", None)
        verified = user is not None and user.is_staff and getattr(user, "is_verified", lambda: False)()
        if verified and known_browser_username(request) != user.get_username():
            response.set_cookie(
                KNOWN_BROWSER_COOKIE,
                signing.dumps(user.get_username(), salt=KNOWN_BROWSER_SALT),
                max_age=KNOWN_BROWSER_MAX_AGE,
                path=settings.SESSION_COOKIE_PATH,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


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
